"""What an article says of a company it names: the facts of a draft profile.

Read from the words right after the company's name, as a reader would: an apposition
("Xiaomi, a Beijing-based maker of smartphones, …", "Arm, the world's largest
chipmaker"), a copula ("Xiaomi is one of China's largest consumer electronics
groups"), a founding date ("…, founded in 2010, …"), a place ("…, headquartered in
Palo Alto, California, …"), a parent ("…, a unit of Huawei, …") and a bracket with a
ticker, a native-script name or a former name ("Xiaomi (小米; HKEX: 1810)", "Cyient
(formerly Infotech Enterprises)"); and from the words right before it: the title news
gives a company ("Chinese smartphone maker Xiaomi", "Huawei's chip unit HiSilicon") and
a clause that opens the sentence ("Founded in 2015, the Gurugram-based …"). Every value
is words of the sentence (nothing is inferred), and each fact keeps that sentence so the
profile can cite it. Rules like the rest of ingest (docs/ingest.md): a reviewer can see why.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace

from .lexicon import LEGAL, ORG_NOUNS
from .names import FUNCTION_WORDS
from .types import Mention

FIELDS = ("headquarters", "founded", "sector", "parent", "description")  # schema order


@dataclass(frozen=True)
class Said:
    """One thing a sentence says of a company: a fact (one of FIELDS) or an "alias"."""

    slug: str
    field: str
    value: str
    words: str  # the words of the sentence that say it: the cited quote must hold them
    sentence: str


@dataclass(frozen=True)
class Cited:
    """A fact of a seed as its outcome keeps it: the quote is the sentence as the
    loader's quote check will find it in the seed."""

    slug: str
    field: str
    value: str
    quote: str


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_BRACKET = re.compile(r"[ \t]*[(（]([^()（）]{1,80})[)）]")
_EXCHANGE = (
    r"NYSE(?: American| Arca)?|NASDAQ|AMEX|LSE|TSXV?|TSX-V|ASX|HKEX|SEHK|OTC\w*|TYO|TSE|SSE|"
    r"SZSE|BSE|NSE|Euronext|XETRA|FWB|SIX|KRX|KOSDAQ|TWSE|SGX|JSE|AIM|OMX"
)
_TICKER = re.compile(rf"({_EXCHANGE})\s*[:：]\s*([A-Z0-9][A-Za-z0-9.\-]*)", re.I)
# A segment of an apposition ends at a comma, a semicolon, a bracket or a dash; a
# description also ends where the sentence's verb begins ("X, a bank said …").
_SEGMENT = re.compile(r",[ \t]+([^,;()—–]+)")
_VERB = re.compile(
    r"\s+(?:said|says|has|have|had|will|would|is|was|are|were|which|who|whose|that|"
    r"announced|agreed|plans|reported)\b.*$"
)
_OPENS = frozenset(",(（")
_COPULA_FIRST = frozenset("iwhrb(（")  # is, was, has been, remains, became; a bracket
_COPULA = re.compile(r"\s+(?:is|was|has been|remains|became)\s+(?:now\s+)?")
_END = re.compile(r"[.!?\"”’']+$")

_PLACE = r"[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,3}"
_BASED_IN = re.compile(rf"\b(?:based|headquartered)\s+in\s+({_PLACE})")
_HYPHEN_BASED = re.compile(rf"(?<![\w'’-])((?:{_PLACE},[ \t]+)?{_PLACE})-(?:based|headquartered)\b")
_MONTHS = """
    January February March April May June July August September October November December
    """.split()  # noqa: SIM905 - a word list reads best as words
# "Turkish-based carrier": a people, not a place; the profile would say "based in
# Turkish".
_DEMONYM = re.compile(
    r"\w+(?:ish|ese|ian|ean)|German|American|Mexican|African|Dutch|French|Swiss|Greek|Thai|"
    r"Israeli|Saudi|Pakistani|Emirati|Qatari|Kuwaiti|Iraqi|Bangladeshi|Filipino|Czech|Welsh|Arab"
)
_CITY_BEFORE = re.compile(rf"{_PLACE},[ \t]+$")
_NOT_CITY = frozenset(
    [*_MONTHS, *"Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()]  # noqa: SIM905
)
_FOUNDED = re.compile(
    r"\b(?:founded|established|set up|created|started|incorporated)\s+in\s+"
    rf"(?:({'|'.join(_MONTHS)})\s+)?((?:1[6-9]|20)\d\d)\b"
)
_NAME = r"[A-Z][\w&.-]*(?:[ \t]+(?:[A-Z][\w&.-]*|&|of|de))*"
_LEGAL_FORM = re.compile(
    r"(?:,?[ \t]+(?:"
    + "|".join(re.escape(w) for w in sorted(LEGAL, key=len, reverse=True))
    + r")(?![\w.]))*"
)
_FORMERLY = re.compile(
    rf"(?:formerly|previously)(?:\s+(?:known\s+as|called|named))?\s+(?:the\s+)?({_NAME})"
)
_PARENT_OF = re.compile(
    rf"\b(?:unit|subsidiary|division|arm|affiliate|part)\s+of\s+(?:the\s+)?({_NAME})"
)
_PARENT_POSSESSIVE = re.compile(
    rf"^(?:an?\s+|the\s+)?({_NAME})['’]s?\s+(?:[\w-]+\s+){{0,3}}"
    r"(?:unit|subsidiary|division|arm|affiliate)\b"
)
# A description opens with an article or an owner ("Norway's largest ferry operator").
_DESCRIPTION = re.compile(
    r"^(?:an?|the|one of(?: the)?)\s|^(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w-]*['’]s\s"
)
_DESCRIBED = re.compile(
    r"(?:described|known|seen|billed|regarded|considered)(?:\s+[\w-]+){0,4}?\s+as\s+"
)
_ORG_WORD = re.compile(rf"(?:[\w-]+-)?(?:{ORG_NOUNS})s?|companies")
# Nouns that say what part a company plays in the story, not what it is.
_ROLES = frozenset("target buyer seller acquirer purchaser bidder rival peer competitor".split())  # noqa: SIM905
# Nouns that name no line of business on their own ("a Munich startup" has no sector).
_GENERIC = frozenset(
    """
    company companies firm startup start-up group giant player outfit brand platform vendor
    conglomerate unicorn chain maker developer provider operator producer manufacturer
    supplier distributor designer investor fund broker marketplace unit subsidiary
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Words before the noun that rank, size or place a company: not part of its sector.
_NOT_SECTOR = frozenset(
    """
    a an the one of world's leading major big large small new top global international
    private public privately publicly held listed traded independent family prominent
    popular famous renowned established emerging young struggling troubled smaller larger
    bigger well-known little-known fast-growing profitable loss-making million billion
    trillion existing previous early lead other current prospective potential would-be
    fellow longtime strategic
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_SECTOR_STOP = frozenset(
    """
    founded based headquartered that which who whose known with in since listed owned
    backed
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def profile_facts(sentences: list[tuple[str, list[Mention]]], slugs: Collection[str]) -> list[Said]:
    """What the sentences say of the companies ``slugs``, in text order."""
    out: list[Said] = []
    for sentence, mentions in sentences:
        for mention in mentions:
            if mention.slug in slugs and not mention.possessed:
                out += _before_name(sentence, mention, mentions)
                out += _after_name(sentence, mention, mentions)
    # a value is told on one line, however the page spaced its words
    return [replace(said, value=" ".join(said.value.split())) for said in out]


# News names a company after a title of its business as often as in an apposition
# ("Chinese smartphone maker Xiaomi", "the Gurugram-based B2B platform OfBusiness"). The
# title's last word must say what kind of organisation it is; these are the kinds news
# puts there, beyond ORG_NOUNS (which also serve to find companies, so stay narrow).
_TITLE_NOUN = re.compile(
    rf"(?:[\w-]+-)?(?:{ORG_NOUNS}|exporter|importer|trader|service|network|agency|studio|"
    r"house|lab|specialist|manager|\w+maker)s?"
)
# Words that end a title, reading back from the name: what comes before them is the
# sentence, not the title ("said chipmaker Arm", "including software company X").
_TITLE_STOP = FUNCTION_WORDS | frozenset(
    """
    your my whose to into onto about than between against through via per nor until
    is was are were be been being has have had will would can could may might must
    shall should do does did says said say told tells added announced agreed plans
    including include includes like such rival peer competitor partner sister
    parent target buyer seller acquirer bidder former combined merged
    buy buys buying sell sells selling acquire acquires acquiring own owns owning
    bought sold took won paid got gave made sued kept left sent saw beat
    join joins joining become becomes becoming following regarding according
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Title nouns that say nothing of a business without a word before them.
_BARE = frozenset("house service network agency studio lab manager specialist".split())  # noqa: SIM905
_PART_NOUNS = frozenset({"unit", "subsidiary", "division", "arm", "affiliate"})
_OWNS = re.compile(r"['’]s?[ \t]+")
_TITLE_WORD = re.compile(r"[\w&/.’'-]+")
_FRONTED = re.compile(
    rf"^\s*(?:(?P<founded>(?:Founded|Established|Set up|Created|Started|Incorporated)\s+in\s+"
    rf"(?:(?:{'|'.join(_MONTHS)})\s+)?(?:1[6-9]|20)\d\d)"
    rf"|(?P<based>(?:Based|Headquartered)\s+in\s+{_PLACE}(?:,[ \t]+{_PLACE})?)),\s+"
)


def _before_name(sentence: str, mention: Mention, mentions: list[Mention]) -> list[Said]:
    """The title news gives a company before its name, and a clause that opens the
    sentence and is about it ("Founded in 2015, the Delhi-based platform X …")."""
    slug = mention.slug
    begin = max((m.end for m in mentions if m.end <= mention.start), default=0)
    # a title is a few words: the last 120 characters hold it (and keep this cheap)
    words = list(_TITLE_WORD.finditer(sentence, max(begin, mention.start - 120), mention.start))
    # the title's words run back from the name with nothing but spaces between them
    title: list[re.Match[str]] = []
    at = mention.start
    for word in reversed(words):
        between = sentence[word.end() : at]
        if between.strip(" \t") or word.group(0).lower() in _TITLE_STOP:
            break
        if word.group(0).endswith(("ed", "’s", "'s")) and "-" not in word.group(0):
            break  # a verb ("acquired chipmaker Arm") or an owner ("Google's unit X")
        title.insert(0, word)
        at = word.start()
    out: list[Said] = []
    last = title[-1].group(0) if title else ""
    if last in _PART_NOUNS:
        # "Huawei's chip unit HiSilicon": the owner is named right before the title
        for owner in mentions:
            if owner.slug != slug and _OWNS.fullmatch(sentence, owner.end, at):
                text = sentence[owner.start : title[-1].end()]
                out.append(Said(slug, "parent", owner.slug, text, sentence))
    if last == last.lower() and _TITLE_NOUN.fullmatch(last):
        text = sentence[title[0].start() : title[-1].end()]
        names = [w.group(0) for w in title]
        sector = _sector(names, len(names) - 1)
        if sector in _BARE:
            sector = None  # "will house Apple's labs", "Password manager 1Password"
        if sector and _base(last) not in _ROLES:
            out.append(Said(slug, "sector", sector, text, sentence))
        # "Berkeley, California-based startup X": the city is before the title's comma
        city = _CITY_BEFORE.search(sentence, begin, title[0].start())
        where = sentence[city.start() if city else title[0].start() : title[-1].end()]
        place = _based(where)
        if place:
            out.append(Said(slug, "headquarters", place, where, sentence))
    else:
        at = mention.start  # no title: the words before the name are the sentence's
    # what is left before the title (or the name) is the opening clause, if any
    fronted = None
    if begin == 0 and sentence[:1] in "FESCIBH":  # Founded, Established, …, Based, …
        fronted = _FRONTED.fullmatch(re.sub(r"\b(?:the|a|an)\s+$", "", sentence[:at]))
    if fronted and fronted.group("founded"):
        said = fronted.group("founded")
        founded = _FOUNDED.match(said[0].lower() + said[1:])
        if founded:
            out.append(Said(slug, "founded", _date(founded), said, sentence))
    elif fronted and fronted.group("based"):
        said = fronted.group("based")
        place = " ".join(said.split()[2:])
        out.append(Said(slug, "headquarters", place, said, sentence))
    return out


def _after_name(sentence: str, mention: Mention, mentions: list[Mention]) -> list[Said]:
    slug, at = mention.slug, mention.end
    legal = _LEGAL_FORM.match(sentence, at)  # "Cyient Ltd (formerly …)": past its legal form
    if legal:
        at = legal.end()
    if sentence.startswith(" ,", at):
        at += 1  # a scraper's space before the comma: "Purch , formerly known as …"
    # Most names are followed by a verb: one look at the next characters skips them
    # before any pattern runs (a comma, a bracket, or the first letter of a copula).
    nxt = sentence[at : at + 2]
    if not nxt or (nxt[0] not in _OPENS and not (nxt[0] in " \t" and nxt[1:] in _COPULA_FIRST)):
        return []
    out: list[Said] = []
    bracket = _BRACKET.match(sentence, at)
    if bracket:
        for alias in _bracket_aliases(bracket.group(1)):
            out.append(Said(slug, "alias", alias, bracket.group(0).strip(), sentence))
        at = bracket.end()
    copula = _COPULA.match(sentence, at)
    if copula:
        # "Xiaomi is a …" / "Nordvik is based in Oslo": one segment, up to a comma
        rest = sentence[copula.end() :]
        segments = [(copula.end(), re.split(r"[,;()—–]", rest, maxsplit=1)[0])]
    else:
        segments = list(_segments(sentence, at))
    skip = False
    for i, (start, text) in enumerate(segments):
        if skip:
            skip = False
            continue
        text = _END.sub("", text.strip())
        facts = _classify(slug, text, start, sentence, mentions)
        if not facts:
            break  # the apposition is over
        if facts[0].field == "headquarters" and text.startswith(("based", "headquartered")):
            region = _region(segments[i + 1 :], mentions)
            if region:
                fact = facts[0]
                value, words = f"{fact.value}, {region}", f"{fact.words}, {region}"
                facts = [Said(slug, fact.field, value, words, sentence)]
                skip = True
        out += facts
    return out


def _former_name(match: re.Match[str]) -> str:
    """The name as a profile writes it: "Infotech Enterprises Ltd" → "Infotech Enterprises"."""
    words = match.group(1).split()
    while len(words) > 1 and words[-1] in LEGAL:
        words.pop()
    return " ".join(words)


def _bracket_aliases(inside: str) -> Iterator[str]:
    """ "NYSE: XYZ" as written (a bare symbol such as "AI" would be found everywhere),
    a name in a native script, and the name it had before ("formerly Infotech")."""
    former = _FORMERLY.fullmatch(inside.strip())
    if former:
        yield _former_name(former)
        return
    for part in re.split(r"[;,；，、]|\s+and\s+", inside):
        part = part.strip()
        ticker = _TICKER.fullmatch(part)
        if ticker:
            yield f"{ticker.group(1)}: {ticker.group(2)}"
        elif part and _CJK.search(part) and not re.search(r"[A-Za-z]", part):
            yield part


def _segments(sentence: str, at: int) -> Iterator[tuple[int, str]]:
    """The comma-separated parts of an apposition after ``at``, with their offsets."""
    while True:
        match = _SEGMENT.match(sentence, at)
        if match is None:
            return
        yield match.start(1), match.group(1)
        at = match.end()


def _classify(
    slug: str, text: str, start: int, sentence: str, mentions: list[Mention]
) -> list[Said]:
    """The facts one segment of an apposition states ([] when it is not about the company)."""
    former = _FORMERLY.fullmatch(text)
    if former:  # "Purch, formerly known as TechMedia Network, …": one company, renamed
        return [Said(slug, "alias", _former_name(former), text, sentence)]
    text = re.sub(r"^(?:which|that)\s+(?:is|was|has been)\s+", "", text)
    founded = _FOUNDED.search(text)
    if founded and founded.start() == 0:
        return [Said(slug, "founded", _date(founded), founded.group(0), sentence)]
    place = _BASED_IN.match(text)
    if place:
        return [Said(slug, "headquarters", place.group(1), place.group(0), sentence)]
    # "described in Chinese press as an AI-driven … player": the attribution stays in
    # the value, so the profile says who described it so
    described = _DESCRIBED.match(text)
    if not _DESCRIPTION.match(text[described.end() :] if described else text):
        return []
    # "a Chinese technology company and [the verb]": the description ends before "and"
    text = re.sub(r"\s+(?:and|or|but)$", "", _VERB.sub("", text))
    words = text.split()
    noun = next((i for i, w in enumerate(words) if _ORG_WORD.fullmatch(w.lower())), None)
    parent = _PARENT_OF.search(text) or _PARENT_POSSESSIVE.match(text)
    if parent is None and (noun is None or _base(words[noun].lower()) in _ROLES):
        return []  # "the buyer", "a good example": not what the company is
    sector = _sector(words, noun) if noun is not None else None
    if sector is None and len(words) < 3:
        return []  # "the company", "a firm": no description at all
    out = [Said(slug, "description", text, text, sentence)]
    if sector:
        out.append(Said(slug, "sector", sector, text, sentence))
    based = _based(text)
    if based:
        out.append(Said(slug, "headquarters", based, text, sentence))
    if founded:
        out.append(Said(slug, "founded", _date(founded), text, sentence))
    if parent:
        value = _parent(parent, start + sentence[start:].find(text), mentions)
        if value and value != slug:
            out.append(Said(slug, "parent", value, text, sentence))
    return out


def _based(text: str) -> str | None:
    """Where ``text`` says a company is based ("based in Oslo", "a Munich-based …",
    "San Jose, Calif.-based"), written on one line; None for a people ("Turkish-based")."""
    match = _BASED_IN.search(text) or _HYPHEN_BASED.search(text)
    if match is None:
        return None
    parts = [part.split() for part in match.group(1).split(",")]
    if len(parts) > 1 and any(w in _NOT_CITY or w.lower() in _TITLE_STOP for w in parts[0]):
        del parts[0]  # "On Thursday, UK-based …": no city before the comma
    words = parts[0]
    while words and words[0].lower() in _TITLE_STOP:
        del words[0]
    if not words or (len(parts) == 1 and len(words) == 1 and _DEMONYM.fullmatch(words[0])):
        return None
    return ", ".join(" ".join(part) for part in parts)


def _sector(words: list[str], noun: int) -> str | None:
    """The organisation noun phrase: "maker of smartphones", "consumer electronics group",
    "chipmaker"; None for a noun that names no business alone ("a startup")."""
    head = _base(words[noun].lower())
    before: list[str] = []
    for word in reversed(words[:noun]):
        low = word.lower()
        if (
            word != low
            or (low in _NOT_SECTOR and not (low == "private" and before[:1] == ["equity"]))
            or not re.fullmatch(r"[a-z][a-z/-]*", low)
            or low.endswith(("est", "-based", "-listed", "-owned", "-held", "-headquartered"))
            or (low.endswith("ly") and not low.endswith(("pply", "mbly", "poly")))  # adverbs
        ):
            break
        before.insert(0, low)
    after: list[str] = []
    if noun + 1 < len(words) and words[noun + 1] == "of" and head not in ("unit", "subsidiary"):
        for word in words[noun + 1 :]:
            if word.lower() in _SECTOR_STOP or word.endswith("-based"):
                break
            after.append(word)
        if len(after) == 1:
            after = []  # "of" and nothing: not a complement
    if head in ("unit", "subsidiary") or (head in _GENERIC and not before and not after):
        return None  # "Huawei's chip unit" says whose it is, not its business
    return " ".join([*before, head, *after]).rstrip(",.;:")


def _base(noun: str) -> str:
    """A plural organisation noun as its singular ("groups" → "group")."""
    if noun == "companies":
        return "company"
    if noun.endswith("s") and (_ORG_WORD.fullmatch(noun[:-1]) or _TITLE_NOUN.fullmatch(noun[:-1])):
        return noun[:-1]
    return noun


def _date(match: re.Match[str]) -> str:
    month, year = match.group(1), match.group(2)
    return f"{year}-{_MONTHS.index(month) + 1:02d}" if month else year


def _parent(match: re.Match[str], offset: int, mentions: list[Mention]) -> str | None:
    """The parent's slug when the sentence names a company there, else its name."""
    begin = offset + match.start(1)
    for mention in mentions:
        if mention.start <= begin < mention.end:
            return mention.slug
    name = re.sub(r"['’]s?$", "", match.group(1)).strip()
    return name or None


def _region(rest: list[tuple[int, str]], mentions: list[Mention]) -> str | None:
    """ "headquartered in Palo Alto, California": the next segment, when it is only a
    capitalised place name (and no company), is part of the place."""
    if not rest:
        return None
    start, text = rest[0]
    region = _END.sub("", text.strip())
    if not re.fullmatch(_PLACE, region):
        return None
    if any(m.start < start + len(text) and start < m.end for m in mentions):
        return None  # "based in Oslo, Nordvik …" is not a place
    return region
