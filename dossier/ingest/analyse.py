"""One seed through the text stages: clean → metadata → companies → deals → summary,
and what the text says of each new company (profile.py).

Pure: reads nothing from disk, so the evaluation and the speed benchmark call it
directly. The companies listed for an article are those it names: a new one only
where the text shows it is a company (clues.py), a known one wherever it is named.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..dates import PartialDate
from . import dealmodel
from .clean import clean
from .dealmodel import Judge, Story
from .deals import JOINED_LINKS, find_deals, without_advisers
from .entities import Finder, detect_new
from .figures import value
from .metadata import extract
from .profile import Said, profile_facts
from .status import still_to_close
from .summary import Scored, summarise
from .text import sentences
from .textdates import find_dates
from .types import DealFinding, Metadata, NewCompany, RawArticle


@dataclass(frozen=True)
class Analysis:
    raw: RawArticle
    meta: Metadata
    companies: tuple[str, ...]  # slugs, in order of first mention
    new_companies: tuple[NewCompany, ...]  # those of ``companies`` not known before
    deals: tuple[DealFinding, ...]
    summary: tuple[str, ...]
    key_points: tuple[str, ...]
    topics: tuple[str, ...]
    profiles: tuple[Said, ...] = ()  # what the text says of its new companies
    # phrases the company model doubts (entities.detect_new): companies if another
    # article names them as such
    doubtful: tuple[NewCompany, ...] = ()


# "Epic was bought by TAL Education, while Tynker was acquired by CodeHS": two deals
# ("while" stays: a clause that opens with it does not make its company the subject
# a later "it" stands for)
# A participle that tells what a deal does to another deal opens a statement of its
# own: "Warner-Lambert is now in talks to merge with Pfizer, putting the deal with
# American Home in jeopardy"
_OTHER_DEAL_AFTER = (
    r"(?:putting|jeopardi[sz]ing|threatening|derailing|scuttling|upending|trumping|topping"
    r"|(?:potentially |possibly )?(?:breaking up|blocking|disrupting|thwarting))"
    r"\s+(?:the|a|an|its|their)\s"
)
_CLAUSE_BREAK = re.compile(rf";\s+|,\s+(?=(?:while|whereas)\s|{_OTHER_DEAL_AFTER})")
# ", and" before a name opens a clause of its own when each side has its own deal verb:
# "VMware was acquired by EMC, and EMC was acquired by Dell", "Rite Aid agreed to buy
# Thrifty PayLess, and Thrift Drug Inc., a unit of J.C. Penney, agreed to buy Fay's"
# (or with the same company as its subject: "…, and it has since partnered with Facebook";
# or after a time: "Estée Lauder has snapped up The Ordinary, and in June L'Oréal acquired")
_AND_BREAK = re.compile(
    r",\s+and\s+(?=[A-Z]|(?:it|the company|the firm|the group)\s"
    r"|(?:in|on|last|earlier|later|then)\s+[^,;]{0,25}?[A-Z])"
)
_DEAL_VERB = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|sold|sell(?:s|ing)?"
    r"|merg(?:e|es|ed|ing)|invest(?:s|ed|ing)?|took over|takes? over|partner(?:s|ed|ing)? with"
    r"|snap(?:s|ped)? up)\b"
)


# "The acquisition is valued at approximately EUR 985 million", "the aggregate value of
# the transaction to Westell stockholders is $205 million": a price with no party named
_DEAL_VALUED = re.compile(
    r"\b(?:[Tt]he|[Tt]his) (?:deal|transaction|acquisition|merger|purchase|takeover)"
    r"(?:,| is| was| has been)* (?:valued at|worth)\b"
    r"|\bvalue of the (?:deal|transaction|acquisition|merger|purchase|takeover)\b[^.;]{0,60}?"
    r"\b(?:is|was|of)\b"
)


_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_JOINED_LINKS = re.compile(JOINED_LINKS)


# A filing names its filer once and then "the Company": 'Cotelligent Group, Inc. (the
# "Company") completed the acquisition of …', '… the Company completed the acquisition
# of Data Processing Professionals'
_DEFINED_FILER = re.compile(r"\((?:collectively,?\s+)?the\s+[\"“](Company|Registrant)[\"”]\)")


_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_ANNOUNCED_ON = re.compile(
    r"\b(?:deal|acquisition|merger|purchase|transaction|agreement|takeover|sale)\s+"
    rf"(?:was\s+|were\s+)?announced\s+(?:on\s+)?(?:{_WEEKDAYS})\b"
    rf"|\bsaid\s+in\s+a\s+(?:statement|release|filing)\s+(?:on\s+)?(?:{_WEEKDAYS})\b"
)


def _announced_on(prose: list[str], published: PartialDate | None) -> PartialDate | None:
    """The day a sentence says the deal was announced, by its weekday before the day of
    publication."""
    if published is None or not published.day:
        return None
    for sentence in prose:
        said = (
            _ANNOUNCED_ON.search(sentence)
            if "announced" in sentence or "said in a" in sentence
            else None
        )
        if said is not None:
            dates = find_dates(said.group(0), published)
            return dates[0].date if dates else None
    return None


def _define_the_filer(prose: list[str], finder: Finder) -> None:
    """Makes "the Company" a name of the company the filing defines it as."""
    for sentence in prose:
        defined = _DEFINED_FILER.search(sentence) if "(" in sentence else None
        if defined is None:
            continue
        before = [m for m in finder.mentions(sentence) if m.end <= defined.start()]
        # (its legal form may stand between: 'Cotelligent Group, Inc. (the "Company")')
        if before and defined.start() - before[-1].end <= _LEGAL_FORM_ROOM:
            finder.add(before[-1].slug, (defined.group(1),))
        return  # (a filing defines its filer once, where it first names it)


_LEGAL_FORM_ROOM = 16


def _clauses(sentence: str) -> list[str]:
    """The parts of a sentence between semicolons (or before a ", while" or a participle
    that speaks of another deal), when each is a clause of its own, each cut again at a
    ", and" whose both sides state a deal of their own."""
    parts = [sentence]
    if ";" in sentence or "whi" in sentence or "whe" in sentence or "ing " in sentence:
        parts = _CLAUSE_BREAK.split(sentence)
        if not all(len(p.split()) >= 4 for p in parts):
            parts = [sentence]
    if ", and " in sentence:
        parts = [clause for part in parts for clause in _own_deals(part)]
    return parts


def _own_deals(part: str) -> list[str]:
    """``part`` split at each ", and" whose both sides state a deal of their own."""
    pieces = _AND_BREAK.split(part)
    if len(pieces) == 1:
        return pieces
    out = [pieces[0]]
    for piece in pieces[1:]:
        if _DEAL_VERB.search(out[-1]) and _DEAL_VERB.search(piece) and len(piece.split()) >= 4:
            out.append(piece)
        else:
            out[-1] = f"{out[-1]}, and {piece}"
    return out


# "(Nikkei, May 26)", "(Company statement, Jan 20)": a source and its day, alone in brackets
_CITED = re.compile(
    r"\((?:[A-Z][\w.&'’ -]{1,40}),\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2})\)"
)


def _cited_day(lede: list[str], published: PartialDate | None) -> PartialDate | None:
    """The day a digest's item cites its source for, in its first sentences, when it
    falls in the weeks before the issue."""
    if published is None or not published.day:
        return None
    for sentence in lede:
        cited = _CITED.search(sentence)
        if cited is None:
            continue
        day = next(iter(find_dates(cited.group(1), published)), None)
        if (
            day is not None
            and day.date <= published
            and (
                (day.date.year, day.date.month) == (published.year, published.month)
                or published.day <= 7
            )
        ):
            return day.date
    return None


def analyse(raw: RawArticle, known: Finder, judge: Judge = dealmodel.judge) -> Analysis:
    paragraphs = clean(raw.text)
    meta = extract(raw, paragraphs)
    prose = [s for p in paragraphs if not p.heading for s in sentences(p.text)]
    finder = known.copy()
    # the headline names the deal's parties too ("Incitec Pivot to buy Southern Cross"),
    # often by a short name: read after the body, which names them in full
    doubts: list[NewCompany] = []
    found_new = detect_new([*prose, meta.title], finder, meta.outlet, doubts)
    _define_the_filer(prose, finder)
    with_mentions = [(s, finder.mentions(s)) for s in prose]
    # the headline often states the deal best ("Zillow to Acquire Mortech"): it is read
    # first, as a statement like any other (merged with the lede's when they agree)
    headline = [(meta.title, finder.mentions(meta.title))] if meta.title not in prose else []
    # a semicolon joins separate statements ("Microsoft acquired GitHub; Broadcom agreed
    # to acquire CA"): a deal's parties are looked for within one of them
    statements = [
        (part, finder.mentions(part)) if len(parts) > 1 else (sentence, mentions)
        for sentence, mentions in with_mentions
        for parts in [_clauses(sentence)]
        for part in parts
    ]
    # a markdown link's marks split the words it holds from the words around it ("Icap
    # [sold its broking business](https://…) to Tullett Prebon"): the rules read the
    # link's words in their place, and the quote stays the sentence as the seed holds it
    # (links that each state a deal of their own are read apart: deals._coordinated)
    linked: dict[str, str] = {}
    for i, (statement, _) in enumerate(statements):
        if "](" in statement and not _JOINED_LINKS.search(statement):
            plain = _LINK.sub(r"\1", statement)
            linked.setdefault(plain, statement)
            statements[i] = (plain, finder.mentions(plain))
    found = find_deals(headline + statements, meta.published, headline=bool(headline))
    cited = _cited_day(prose[:3], meta.published)
    if cited is not None:
        # a digest's item cites its source's day ("(Nikkei, May 26)") under its headline:
        # the deals it tells without a date of their own were made public that day, not
        # on the issue's
        found = [
            replace(d, announced=cited) if not d.background and d.announced == meta.published else d
            for d in found
        ]
    counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    for i, (sentence, mentions) in enumerate(with_mentions):
        # an adviser or a law firm named only as such works on the story, it does not
        # act in it ("Weil, Gotshal & Manges LLP is serving as legal counsel")
        for m in without_advisers(sentence, mentions):
            counts[m.slug] += 1
            order.setdefault(m.slug, i)
    in_title = {m.slug for m in without_advisers(meta.title, finder.mentions(meta.title))}
    deals: list[DealFinding] = []
    if found:  # an article with no deal statement needs nothing of the deal model
        story = Story(
            title=meta.title,
            mentions=counts,
            in_title=frozenset(in_title),
            # a sentence said twice is placed where it is first said
            position={s: i for i, (s, _) in reversed(list(enumerate(statements)))},
            named={s: len({m.slug for m in ms}) for s, ms in headline + statements},
        )
        # (the model weighs a deal no sentence gives a status as "announced", as it was
        # trained; drafted, such a deal is told as a fact: on real news most are done)
        deals = [
            replace(
                d,
                status=d.status if d.stated or d.status != "announced" else "completed",
                quote=linked.get(d.quote, d.quote),
            )
            for d in judge(found, story)
        ]
        # a sentence of its own often gives the price ("The acquisition is valued at
        # approximately EUR 985 million"): the article's one news deal that has none
        unpriced = [
            i
            for i, d in enumerate(deals)
            if d.value is None and not d.background and d.kind != "partnership"
        ]
        if len(unpriced) == 1 and len({(d.kind, d.parties) for d in deals}) == 1:
            priced_in = next((s for s in prose if _DEAL_VALUED.search(s)), None)
            price = value(priced_in, whole=True) if priced_in else None
            if price is not None:
                deals[unpriced[0]] = replace(deals[unpriced[0]], value=price)
        # a sentence of its own often says the deal is still to close ("The transaction is
        # expected to close in the fourth quarter"): the article's one news deal drafted
        # as done is agreed
        news = [i for i, d in enumerate(deals) if not d.background]
        if (
            len(news) == 1
            and deals[news[0]].status == "completed"
            and deals[news[0]].kind in ("acquisition", "merger", "investment")
            and any(still_to_close(s) for s in prose)
        ):
            deals[news[0]] = replace(deals[news[0]], status="agreed")
        # a sentence of its own often gives the day ("The deal announced Friday was the
        # latest …", "…, Essel Finance said in a statement on Thursday"): the article's one
        # news deal, dated only by the day it was published
        if len(news) == 1 and deals[news[0]].announced == meta.published:
            day = _announced_on(prose, meta.published)
            if day is not None:
                deals[news[0]] = replace(deals[news[0]], announced=day)
        # the headline often gives the price the body's deal sentence leaves out
        # ("LiveU raises $27M"): the article's news deal, one of whose parties it names
        priced = value(meta.title) if meta.title else None
        if priced is not None:
            deals = [
                replace(d, value=priced)
                if d.value is None
                and not d.background
                and d.kind != "partnership"  # (as in deals.py: a partnership has no price)
                and in_title & {p for p, _ in d.parties}
                else d
                for d in deals
            ]
    # a company the rules found in a deal statement acts in the story even when the
    # model does not draft the deal
    parties = {slug for d in found for slug, _ in d.parties}
    acting = set(counts) | in_title | parties
    companies = tuple(sorted(acting, key=lambda s: (order.get(s, -1), s)))
    deal_quotes = {d.quote for d in deals}
    scored = [
        Scored(i, s, len({m.slug for m in ms}), s in deal_quotes)
        for i, (s, ms) in enumerate(with_mentions)
    ]
    summary, points = summarise(scored)
    topics = sorted({a for d in deals for a in d.areas})
    new = tuple(c for c in found_new if c.slug in acting)
    # only new companies: ingest drafts no other profile
    profiles = profile_facts(with_mentions, {c.slug for c in new})
    return Analysis(
        raw=raw,
        meta=meta,
        companies=companies,
        new_companies=new,
        deals=tuple(deals),
        summary=tuple(summary),
        key_points=tuple(points),
        topics=tuple(topics),
        profiles=tuple(profiles),
        doubtful=tuple(c for c in doubts if not finder.knows(c.name)),
    )
