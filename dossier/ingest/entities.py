"""Companies in the text: known ones by name and alias, new ones by rules.

Known companies (briefings/companies/) are found by their name and aliases, in any
script, possessive or not ("Xiaomi’s", "小米"). A capitalised phrase not yet known
becomes a new company only with evidence that it is an organisation: a legal form
or company-like last word ("Nordvik Energy ASA"), an apposition ("Kestrel, a Berlin
startup"), a noun before it ("chipmaker Arm"), or a place in a deal statement
("agreed to acquire Halden"). Places, nationalities, people (by titles and "said"),
products (by a possessive owner or a product noun) and outlets are kept out.
Rules rather than a statistical model: see README, "Ingest", for the measurement.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from ..slugs import fold as _fold_uncached
from ..slugs import han_simplified, slugify
from .lexicon import (
    ACRONYMS,
    DEFINED_TERMS,
    DESCRIPTIVE,
    LEADING_LEGAL,
    LEGAL,
    NOT_COMPANIES,
    ORG_NOUNS,
    OUTLET_WORDS,
    OUTLETS,
    PERSON_TITLES,
    PRODUCT_NOUNS,
)
from .text import Caseless, lowered
from .types import KnownCompany, Mention, NewCompany

_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = rf"[{_UPPER}0-9][\w&'’./-]*[\w.]|[{_UPPER}]"
_JOIN = r"(?:[ \t]+(?:of|de|del|der|van|von|&)[ \t]+|[ \t]+)"
# lower-case legal forms close a name too: "Helio Grid plc", "Ostrava Steel a.s."
_LOWER_LEGAL = r"(?:[ \t]+(?:plc|a\.s\.|s\.a\.|s\.p\.a\.|n\.v\.|b\.v\.|s\.r\.o\.))?"
_PHRASE = re.compile(rf"(?<![\w'’])(?:{_TOKEN})(?:{_JOIN}(?:{_TOKEN}))*{_LOWER_LEGAL}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CJK_RUN = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff01-\uff0f\uff1a-\uff20]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_NEXT_WORD = re.compile(r"\s+([A-Z][\w]*)")
# "Huawei’s proprietary DeepSeek": the name after an owner is named as its product.
_OWNER_BEFORE = re.compile(
    r"(?<![\w'’])(?!(?:It|it|That|that|What|what|Here|There|He|She|Let|let)['’])"
    r"[A-Z\u3400-\u9fff][\w&-]*['’]s\s+(?:[\w-]+\s+)?$"
)
_APPOSITION = re.compile(
    rf"^(?:\s*\([^)]*\))?\s?,\s+"
    # "DeepSeek, described in Chinese press as an AI-driven search player"
    r"(?:(?:described|known|seen|billed|regarded|considered)(?:\s+[\w-]+){0,4}?\s+as\s+)?"
    rf"(?:(?:a|an|the|one of the)\s+(?:[\w/-]+\s+){{0,4}}?(?:{ORG_NOUNS})\b"
    # "XOXCO, maker of the Botkit framework", "Lobe, creator of a platform"
    r"|(?:maker|creator|developer|owner|parent|operator|provider|publisher) of\b)",
    re.I,
)
# "Xiaomi is one of China's largest consumer electronics groups", "Acme is a Berlin startup"
_COPULA = re.compile(
    r"^\s+(?:is|was|has been|remains|became)\s+(?:now\s+)?"
    r"(?:one of\s+(?:the\s+)?|the\s+|a\s+|an\s+)"
    rf"(?:[\w’'/-]+\s+){{0,5}}?(?:{ORG_NOUNS})s?\b",
    re.I,
)
# "Xiaomi and Microsoft are partnering": the words after the second name speak of both
_AND_NAME = re.compile(rf"^\s+(?:and|&)\s+(?:{_TOKEN})(?:\s+(?:{_TOKEN})){{0,3}}(?=\s)")
_NOUN_BEFORE = re.compile(rf"\b(?:{ORG_NOUNS})s?,?\s+$")  # "another company, Corten"
# The longest text _NOUN_BEFORE can match before its trailing spaces: a noun, "s", ",".
_NOUN_SPAN = max(len(n) for n in ORG_NOUNS.split("|")) + 2
_DEAL_CUES = (
    r"acquisition of|acquire|acquires|acquired|acquiring|buy|buys|bought|buying|"
    r"snapped up|snatched up|scooped up|snapping up|snatching up|"
    r"purchase of|takeover of|bid for|stake in|invest(?:ed|s|ing)? in|merge with|merger with|"
    r"partnership with|agreement with|deal with|venture with|partnered with|partners with|"
    r"teamed up with|tie-up with|alliance with|pact with|acquired by|led by|backed by|"
    r"licen[cs]e from|licensed from|licensing deal with|joined by|participation from|"
    r"investment from|funding from|offer for|partner with|bought by|purchased by|"
    r"taken over by|sold to|sells to|sale to|"
    # "will invest an initial $1.25bn into Anthropic"
    r"invest(?:ed|s|ing)? (?:[^\s]+ ){1,4}?in(?:to)?"
)
# _DEAL_BEFORE cannot match without one of its cues: this cheap test comes first, and
# it looks for words of the cues with substring tests before its pattern runs.
_DEAL_CUE = Caseless(
    rf"\b(?:{_DEAL_CUES})\s",
    (
        "acqui", "buy", "bought", "purchase", "takeover", "bid for", "stake in", "invest",
        "snapped up", "snatched up", "scooped up", "snapping up", "snatching up",
        "merge", "with", "led by", "backed by", "licen", "joined by", "participation from",
        "funding from", "offer for", "sold to", "sells to", "sale to",
    ),
)  # fmt: skip
_FUNCTION_WORDS = (
    r"(?:a|an|the|its|their|his|her|of|in|on|at|to|for|from|with|by|and|or|as|into|than"
    r"|that|which|who|was|were|is|are|be|been|has|have|had|will|would|said|says"
    # "bought back 100 billion …": a particle or a quantity, not a description
    r"|back|up|out|off|over|down|more|all|some|most|shares|about|around|nearly|almost)"
)
_DEAL_BEFORE = re.compile(
    rf"\b(?i:{_DEAL_CUES})\s+(?:the\s+)?"
    # a description between the cue and the name: "takeover of cinema chain Brightmoor"
    rf"(?:(?!{_FUNCTION_WORDS}\s)[a-z][\w-]*\s+|(?:[A-Z][\w.]*\s+)?[\w.]+-based\s+){{0,3}}"
    # the later names of a list: "led by Northzone, with participation from Tencent and Lakestar"
    rf"(?:(?:{_TOKEN})(?:\s+(?:{_TOKEN}))*(?:,\s+|\s+and\s+|,\s+and\s+))*$"
)
_DEAL_AFTER = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|is\s+|was\s+)?(?:agreed to\s+|plans to\s+|"
    r"is set to\s+|is to\s+|said it (?:would|will)\s+)?(?:acquire|acquires|buy|buys|purchase|"
    r"purchases|invest|invests|merge|merges|take over|takes over|bought|acquired|invested|"
    r"raised|raises|signed|signs|led|leads|snaps up|snapped up)\b"
    # "… and Beacon Air completed their merger"
    r"|^\s+(?:have\s+|has\s+)?(?:completed|agreed|announced|formed|set up|signed|struck|"
    r"scrapped|called off|abandoned|terminated)\s+(?:plans for\s+)?"
    r"(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,3}(?:merger|deal|acquisition|agreement|"
    r"joint venture|partnership|pact|tie-up|memorandum)"
    # "DeepMind, which Google parent company Alphabet acquired in 2014"
    r"|^\s*,\s+which\s+(?:[\w.’'-]+\s+){0,6}?(?:acquired|bought|purchased|took over)\b"
    # "… enters into definitive deal", "… announced today the signing of a merger"
    r"|^\s+(?:has\s+|have\s+)?(?:enter(?:s|ed)?|entering)\s+into\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:deal|agreement|merger|partnership|joint venture|memorandum)"
    r"|^\s+(?:\w+\s+){0,2}?announced\s+(?:today\s+)?(?:the\s+)?(?:signing|completion|closing)"
    r"\s+of\b"
    # "… are partnering on AI", "… have teamed up", "… are in talks"
    r"|^\s+(?:are\s+|is\s+|have\s+|has\s+|had\s+|were\s+|was\s+)?(?:partnering|partnered|"
    r"teaming up|teamed up|joining forces|joined forces|collaborating|cooperating|"
    r"working together|in talks|in advanced talks|in discussions)\b",
    re.I,
)
_PERSON_BEFORE = re.compile(rf"\b(?:{PERSON_TITLES})\.?,?\s+(?:of\s+\S+\s+)?$", re.I)
_PERSON_AFTER = re.compile(
    rf"^(?:,\s+(?:the\s+|a\s+|an\s+|its\s+|who\s+|now\s+)?(?:\S+\s+)?(?:{PERSON_TITLES})\b"
    r"|\s+(?:said|says|told|wrote|added|noted|stated|explained|argued)\b)",
    re.I,
)
_PRODUCT_AFTER = re.compile(rf"^\s+(?:{PRODUCT_NOUNS})\b")


# The same names are folded again and again (every phrase, every mention): remember them.
fold = lru_cache(maxsize=8192)(_fold_uncached)
_LEADING_POSSESSIVE = re.compile(r"^['’]s?")


class Finder:
    """Finds mentions of companies by name; new companies can be added as found.

    No regular expression over all names: each word of a sentence is looked up by
    its first word in a dict, so the cost grows with the sentence, not with the
    number of known companies. Names in CJK scripts (no spaces) are found by
    substring search.
    """

    def __init__(self, known: Iterable[KnownCompany]) -> None:
        self._slug_of: dict[str, str] = {}
        self._by_first: dict[str, list[str]] = {}  # first word → names, longest first
        self._cjk: list[str] = []
        for company in known:
            self.add(company.slug, company.names)

    def add(self, slug: str, names: Iterable[str]) -> None:
        for name in names:
            key = fold(name)
            if not key or key in self._slug_of:
                continue
            self._slug_of[key] = slug
            if _CJK.search(key):
                self._cjk.append(key)
                continue
            first = _WORD.match(key)
            bucket = self._by_first.setdefault(first.group(0) if first else key, [])
            bucket.append(key)
            bucket.sort(key=lambda k: (-len(k), k))

    def reassign(self, names: Iterable[str], slug: str) -> None:
        """Names already known, now of another company."""
        for name in names:
            if fold(name) in self._slug_of:
                self._slug_of[fold(name)] = slug

    def copy(self) -> Finder:
        other = Finder(())
        other._slug_of = dict(self._slug_of)
        other._by_first = {k: list(v) for k, v in self._by_first.items()}
        other._cjk = list(self._cjk)
        return other

    def knows(self, name: str) -> bool:
        return fold(name) in self._slug_of

    def slug_of(self, name: str) -> str | None:
        return self._slug_of.get(fold(name))

    def mentions(self, sentence: str) -> list[Mention]:
        found: list[Mention] = []
        # full-width letters (Ｘｉａｏｍｉ) are looked up as the plain ones, offset for offset
        plain = sentence.translate(_HALF_WIDTH) if _FULL_WIDTH.search(sentence) else sentence
        # CJK characters are word characters to re; between them a Latin name stands
        # alone ("Xiaomi与Microsoft签署"): look for Latin names with them blanked out
        latin = (
            _CJK_RUN.sub(lambda m: " " * len(m.group(0)), plain) if _CJK.search(plain) else plain
        )
        folded = latin.casefold()
        if len(folded) != len(latin):  # rare letters whose case folding changes length
            folded = latin.lower()
        end = -1
        for start, word in self._words(latin, folded):
            if start < end:
                continue  # inside the previous name
            for key in self._by_first.get(word, ()):
                stop = start + len(key)
                if folded.startswith(key, start) and not _joined_on(folded, stop):
                    mention = self._mention(sentence, start, stop)
                    if mention:
                        found.append(mention)
                        end = stop
                    break
        if self._cjk and _CJK.search(sentence):
            # 微軟 is 微软, Ｘｉａｏｍｉ is Xiaomi: one character for one, offsets hold
            simple = han_simplified(plain)
            for key in self._cjk:
                at = simple.find(key)
                while at >= 0:
                    found.append(self._mention(sentence, at, at + len(key)) or _NONE)
                    at = simple.find(key, at + len(key))
        return sorted((m for m in found if m is not _NONE), key=lambda m: m.start)

    @staticmethod
    def _words(sentence: str, folded: str) -> list[tuple[int, str]]:
        """The words of ``folded`` (offset, word) that can begin a mention: every word,
        or, when the folded sentence lines up with the original, only those that begin
        with a capital or a digit there (a name in lower case is a word, see _mention).
        Skipping the lower-case words before looking them up is most of the work saved."""
        if len(folded) != len(sentence) or "\u0345" in sentence:
            # offsets differ: look at every word
            return [(m.start(), m.group(0)) for m in _WORD.finditer(folded)]
        return [
            (m.start(1), folded[m.start(1) : m.end(1)])
            for m in _CAPITALISED.finditer(sentence)
            if m.group(2).isupper() or m.group(2).isdigit()
        ]

    def _mention(self, sentence: str, start: int, end: int) -> Mention | None:
        text = sentence[start:end]
        if not _CJK.search(text) and not (text[0].isupper() or text[0].isdigit()):
            return None  # "apple", "vivo" in lower case are words, not the companies
        after = _NEXT_WORD.match(sentence, end)
        if after and after.group(1) in OUTLET_WORDS:
            return None  # "Huawei Central" is an outlet, not Huawei
        owner = _owner_before(sentence[max(0, start - 40) : start])
        # "Norway's Fjord Line" is Fjord Line itself; "Huawei's DeepSeek" is Huawei's product
        possessed = bool(owner) and not _possessive_place(owner.group(0).split()[0])
        # "Solmund-branded lenses", "stock Sunmesa products": the brand, not the company
        possessed = possessed or _BRAND_AFTER.match(sentence, end) is not None
        return Mention(self._slug_of[fold(text)], start, end, possessed)


_WORD = re.compile(r"[^\W_][\w&]*")
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")
# "Solmund-branded lenses": the brand. (Product nouns after a name were tried, "buying
# Arm chips": they also took "Xiaomi smartphone models will gain access …" from a deal.)
_BRAND_AFTER = re.compile(r"-branded\b|[ \t]+(?:products?|brands?|branded)\b")
# Where _WORD's scan starts a word (after "_" or "&" only if they follow a non-word), and
# that word does not begin with a Latin lower-case letter. Case folding keeps every letter's
# word-character class except U+0345, which Finder._words checks for.
_CAPITALISED = re.compile(r"(?<![\w&])[_&]*(?![a-zß-öø-ÿ])((?=([^\W_]))[\w&]+)")
_NONE = Mention("", 0, 0)


def _joined_on(text: str, stop: int) -> bool:
    """A name must end at a word boundary: "Xiaomi" is not in "Xiaomis" or "Xiaomi&Co"."""
    return stop < len(text) and (text[stop].isalnum() or text[stop] in "_&")


def detect_new(sentences: list[str], finder: Finder, outlet: str | None) -> list[NewCompany]:
    """Organisations not yet known, each with the sentence that shows it."""
    found: dict[str, NewCompany] = {}
    trimmed: dict[str, tuple[int, str]] = {}  # names recur within an article: trim once
    known: dict[str, bool] = {}  # whether the finder knows a phrase, until it learns more
    people = surnames(sentences)
    # phrases without evidence written next to a list word: the second pass's only work
    leftovers: list[tuple[str, int, int, str]] = []
    for sentence in sentences:
        for at, text in _pieces(sentence):
            if text not in trimmed:
                trimmed[text] = _trim(0, text)
            skip, phrase = trimmed[text]
            if not phrase:
                continue
            start = at + skip
            end = start + len(phrase)
            is_known = known.get(phrase)
            if is_known is None:
                is_known = known[phrase] = _known_phrase(finder, phrase)
            if is_known:
                continue
            rule = _is_company(sentence, start, end, phrase, outlet, people)
            if rule is not None:
                if _found(found, finder, sentence, end, phrase, rule):
                    known.clear()
            elif _NEXT_TO_LIST.match(sentence, end) or _LIST_BEFORE.search(
                sentence, max(0, start - 8), start
            ):
                leftovers.append((sentence, start, end, phrase))
    # Names without evidence of their own, in a list with a company: "Google and
    # Facebook". Only after the first pass, so that it knows the companies they stand
    # with. (A name merely used often was tried: on real news it drafted acronyms and
    # products, "GST", "Java", more than companies.)
    words = _lower_words(sentences) if leftovers else frozenset()
    beside: dict[str, list[Mention]] = {}
    for sentence, start, end, phrase in leftovers:
        if _known_phrase(finder, phrase) or not _name_like(phrase, words):
            continue
        if not sentence[:start].strip(' "“‘('):
            continue  # "Finally, Microsoft …": the first word may be any word
        if sentence not in beside:
            beside[sentence] = finder.mentions(sentence)
        if not _listed_with(sentence, start, end, beside[sentence]):
            continue
        extra = "listed with companies"
        rule = _is_company(sentence, start, end, phrase, outlet, people, extra)
        if rule is not None:
            _found(found, finder, sentence, end, phrase, rule)
    _fold_first_words(found, finder)
    text = None
    for slug, company in list(found.items()):
        if text is None:
            text = "\n".join(sentences)
        short = _short_name(company, text, finder)
        if short:
            found[slug] = dataclasses.replace(company, aliases=(*company.aliases, short))
            finder.add(slug, (short,))
    return list(found.values())


_BOUGHT_BEFORE = re.compile(
    r"\b(?:buy|buys|bought|acquire|acquires|acquired|purchase of|takeover of|bid for|"
    r"acquisition of|merge with|merger with)\s+(?:the\s+)?$",
    re.I,
)
# "Australian Wool Innovation (AWI)": a name and its initials, an organisation's habit
_INITIALS_AFTER = re.compile(r"^\s*\(([A-Z]{2,6})\)")


def _initials(tokens: list[str], after: str) -> bool:
    m = _INITIALS_AFTER.match(after)
    if m is None or len(tokens) < 2:
        return False
    letters = "".join(t[0] for t in tokens if t[:1].isupper())
    return m.group(1) == letters


_PLACE_AFTER = re.compile(r",\s+([A-Z][a-z]+)(?:-based\b|,|\s|\.|$)")


def _initials_of(name: str) -> str:
    return "".join(t[0] for t in name.split() if t[:1].isupper())


def _found(
    found: dict[str, NewCompany],
    finder: Finder,
    sentence: str,
    end: int,
    phrase: str,
    rule: str,
) -> bool:
    """Record a new company found in ``sentence``; False when it is already known."""
    name = _name(phrase)
    slug = slugify(name)
    if not slug or slug in found or finder.knows(name):
        return False
    aliases = tuple(a for a in _aliases(phrase, name) if not finder.knows(a))
    short = _SHORT_NAME.match(sentence, end)
    if (
        short
        and not finder.knows(short.group(1))
        and short.group(1) not in NOT_COMPANIES
        and not _RIC.match(short.group(1))
    ):
        # "China Petroleum & Chemical Corp (Sinopec)": the short name is the usual one
        aliases = (name, *aliases)
        name, slug = short.group(1), slugify(short.group(1))
        if slug in found:
            return False
    found[slug] = NewCompany(slug, name, aliases, sentence, rule)
    finder.add(slug, (name, phrase, *aliases))
    return True


_NEXT_TO_LIST = re.compile(r"\s*(?:,|and\b|&|or\b)")
_LIST_BEFORE = re.compile(r"(?:,|\band|&|\bor)\s*$")
_LISTED = re.compile(r"^\s*(?:,|and|&|or|,\s*and|,\s*or)\s*$")


def _lower_words(sentences: list[str]) -> frozenset[str]:
    """The words an article writes in lower case: "internet", "cloud", "services"."""
    return frozenset(w for s in sentences for w in _LOWER_WORD.findall(s))


_LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")


def _name_like(phrase: str, words: frozenset[str]) -> bool:
    """Could name a company without evidence of its own: one word the article never
    writes in lower case, or a name that ends like a company's ("… Airlines")."""
    tokens = phrase.split()
    if len(tokens) == 1:
        return tokens[0].lower() not in words and tokens[0] not in _OPENERS
    return tokens[-1] in DESCRIPTIVE or tokens[-1] in LEGAL


def _listed_with(sentence: str, start: int, end: int, beside: list[Mention]) -> bool:
    """Written in a list with a company: "Google and Facebook", "Apple, Samsung"."""
    for m in beside:
        if m.possessed:
            continue
        if m.start >= end and _LISTED.match(sentence[end : m.start]):
            return True
        if m.end <= start and _LISTED.match(sentence[m.end : start]):
            return True
    return False


def _fold_first_words(found: dict[str, NewCompany], finder: Finder) -> None:
    """ "Halvorsen said" and "Halvorsen Ferries", "GM" and "General Motors": the one word
    is the longer name's short form or its initials, not a second company."""
    for slug, company in list(found.items()):
        if " " in company.name:
            continue
        longer = next(
            (
                c
                for c in found.values()
                if c.name.startswith(company.name + " ")
                or (company.name.isupper() and company.name == _initials_of(c.name))
            ),
            None,
        )
        if longer is None:
            continue
        del found[slug]
        found[longer.slug] = dataclasses.replace(
            longer, aliases=(*longer.aliases, company.name, *company.aliases)
        )
        finder.reassign((company.name, *company.aliases), longer.slug)


# Words a headline in title case capitalises between two names ("Bennelong Partners With
# Monroe Capital", "Microsoft Buys LinkedIn"): a name ends before them.
_HEADLINE_JOINS = frozenset(
    "With To For And In On At By From Into As Over After Than Vs Versus".split()  # noqa: SIM905
)
_HEADLINE_VERBS = frozenset(
    """
    Buys Buy Acquires Acquire Invests Invest Sells Sell Merges Merge Agrees Signs Partners
    Completes Announces Launches Raises Takes Wins Files Sues Says Is Are Will Plans Eyes
    Nears Bets Backs Joins Teams Unveils Closes Ends Drops Cuts Hires Names Snaps Scoops
    Bought Acquired Sold Invested Merged Agreed Signed Completed Announced Launched Raised
    """.split()  # noqa: SIM905 - a word list reads best as words
)


_TITLES_IN_NAME = frozenset(
    """
    CEO CFO CTO COO Chairman Chairwoman Chair President Chief Founder Co-founder Director
    Executive Analyst Spokesman Spokeswoman Spokesperson Secretary Minister Commissioner
    Governor Senator
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_PARTNERSHIP_FORMS = frozenset({"LP", "L.P.", "LLP", "L.L.P."})


def _pieces(sentence: str) -> Iterator[tuple[int, str]]:
    """The capitalised phrases of a sentence (offset, text), a title-case headline cut
    into its names."""
    for m in _PHRASE.finditer(sentence):
        text = m.group(0)
        if " " not in text:
            yield m.start(), text
            continue
        tokens = text.split(" ")
        piece: list[str] = []
        at = offset = m.start()
        for i, token in enumerate(tokens):
            last = i == len(tokens) - 1
            if token in _TITLES_IN_NAME and piece:
                break  # "Uber CEO Dara Khosrowshahi": the rest is a person
            rest = tokens[i + 1 :]
            names_itself = rest and (rest[-1] in LEGAL or rest[-1] in DESCRIPTIVE)
            if not last and token.endswith(("'s", "’s")) and not names_itself:
                # "Google’s Waymo": the owner, then what it owns
                if not piece:
                    at = offset
                piece.append(token)
                yield at, " ".join(piece)
                piece = []
                offset += len(token) + 1
                continue
            verb = (
                token in _HEADLINE_VERBS
                and not last
                and tokens[i + 1] not in LEGAL
                and tokens[i + 1] not in _PARTNERSHIP_FORMS
            )
            if piece and (token in _HEADLINE_JOINS or verb):
                yield at, " ".join(piece)
                piece = []
            elif not piece and token in _HEADLINE_JOINS:
                pass
            elif not (verb and not piece):
                if not piece:
                    at = offset
                piece.append(token)
            offset += len(token) + 1
        if piece:
            yield at, " ".join(piece)


def surnames(sentences: list[str]) -> frozenset[str]:
    """The last names of the people an article names in full ("Satya Nadella … Nadella
    said"): alone, such a word is the person, not a company."""
    out: set[str] = set()
    for sentence in sentences:
        for m in _PHRASE.finditer(sentence):
            tokens = _POSSESSIVE.sub("", m.group(0)).split()
            for i in range(len(tokens) - 1):
                if is_person(tokens[i : i + 2]) and not _designated(tokens[i : i + 3]):
                    out.add(tokens[i + 1])
    return frozenset(out)


def _short_name(company: NewCompany, text: str, finder: Finder) -> str | None:
    """The first word of a new company's name when the article also uses it alone:
    "Halcyon Leisure Group … Halcyon said on Monday". Only a word the article never
    writes in lower case, never follows with another capitalised word than the rest of
    the name, and that names no known company."""
    tokens = company.name.split()
    if len(tokens) < 2:
        return None
    first = tokens[0]
    if (
        len(first) < 4
        or not first[0].isupper()
        or not first.isalpha()
        or first in NOT_COMPANIES
        or first in DESCRIPTIVE
        or first in LEGAL
        or first in LEADING_LEGAL
        or finder.knows(first)
        or first in company.aliases
    ):
        return None
    if text.count(first) <= text.count(f"{first} {tokens[1]}"):
        return None  # cheap test first: most names are never used alone
    if next(_words_at(text, first.lower()), None) is not None:
        return None  # "smart meters": an ordinary word
    alone = 0
    for end in _words_at(text, first):
        following = _FOLLOWING.match(text, end)
        nxt = following.group(1) if following else ""
        if nxt == tokens[1]:
            continue  # the full name
        if nxt[:1].isupper():
            return None  # "United States": part of another name
        alone += 1
    return first if alone else None


def _words_at(text: str, word: str) -> Iterator[int]:
    """Where ``word`` ends each time it stands as a whole word in ``text``."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_'’&-" or after.isalnum() or after in "_&-"):
            yield end
        at = text.find(word, end)


_FOLLOWING = re.compile(r"(?:['’]s?)?[ \t]+([\w&-]+)")


_SHORT_NAME = re.compile(r"\s*\(([A-Z][\w&.-]+)\)")


def _known_phrase(finder: Finder, phrase: str) -> bool:
    """The phrase, its usual name or a fuller form of it names a known company."""
    return finder.knows(phrase) or finder.knows(_name(phrase)) or _known_form(finder, phrase)


def _known_form(finder: Finder, phrase: str) -> bool:
    """A known company's fuller name or unit: "Samsung Electronics", "Samsung SDI",
    "Huawei Technologies Co". The known company is the one the text speaks of."""
    tokens = phrase.split()
    return any(finder.knows(" ".join(tokens[:cut])) for cut in range(len(tokens) - 1, 0, -1))


_PLACE_OWNER = re.compile(r"\b[A-Z][\w]*['’]s\s+$")


# The tests below look at the words just before a name. Each regular expression ends
# at the end of the text, so a search tries every position of it; a cheap look at the
# last characters first says when none can match (true of most phrases).


def _owner_before(before: str) -> re.Match[str] | None:
    if "'s" not in before and "’s" not in before:
        return None
    return _OWNER_BEFORE.search(before)


def _drop_place_owner(before: str) -> str:
    """The context without a place that owns the name ("merge with Norway's Fjord
    Line")."""
    if not before.rstrip().endswith(("'s", "’s")):
        return before
    return _PLACE_OWNER.sub("", before)


def _noun_before(before: str) -> bool:
    """An organisation noun right before the name: "the chipmaker Arm"."""
    stem = before.rstrip()
    if len(stem) == len(before):
        return False  # no space between the noun and the name
    # one character more than the noun so that \b sees the real character before it
    return _NOUN_BEFORE.search(before, max(0, len(stem) - _NOUN_SPAN - 1)) is not None


def _deal_before(before: str) -> bool:
    """A deal cue before the name: "agreed to acquire Halden", "led by Northzone, with
    participation from Tencent"."""
    if _DEAL_CUE.search(before, lowered(before)) is None:
        return False
    return _DEAL_BEFORE.search(before) is not None


def _possessive_place(token: str) -> bool:
    if not token.endswith(("'", "’", "'s", "’s")):
        return False  # what _POSSESSIVE removes, tested without a regular expression
    stem = _POSSESSIVE.sub("", token)
    return stem != token and stem in NOT_COMPANIES


# Names of more words are rare ("Compagnie Générale des Établissements Michelin" has 5).
_LONGEST_NAME = 7
_CLOSING = frozenset(
    """
    Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC plc PLC AG SA S.A. GmbH NV N.V. ASA AB Oyj SpA
    S.L. S.L.U. SL Srl S.r.l. SRL LLP LP L.P. Pty Bhd Tbk KK K.K. S.A.S. SAS
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_HONORIFICS = frozenset("Mr Ms Mrs Dr Prof Sir Dame".split())  # noqa: SIM905
# Capitalised words that open a sentence or a section, not a name: "About CNS
# Pharmaceuticals", "Additionally Acme said", "Neither United Energy nor …".
_OPENERS = frozenset(
    """
    About Additionally Concurrently Neither Nor Either Startups Last Next Acquire Expanding
    Separately Earlier Later Shares Share Both Each Several Many Other Some Such Under
    Following Including Among Via Per Like Unlike Whereas Thus Hence Still Instead
    Here There Called Purchase Acquisition Sale Takeover Merger Deal Completion Closing
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_BASED = re.compile(r"-(?:based|headquartered|listed)$")


def _trim(start: int, phrase: str) -> tuple[int, str]:
    """Drop sentence-initial function words and a trailing possessive or full stop."""
    tokens = phrase.split(" ")
    # "San Mateo-based Movidius": where it is based is not part of the name
    based = next((i for i, t in enumerate(tokens) if "-" in t and _BASED.search(t)), None)
    if based is not None:
        start += sum(len(t) + 1 for t in tokens[: based + 1])
        tokens = tokens[based + 1 :]
    # "Ms. Killian of Renaissance Capital": the person works at the company named after
    if tokens and tokens[0].rstrip(".") in _HONORIFICS:
        cut = tokens.index("of") + 1 if "of" in tokens else len(tokens)
        start += sum(len(t) + 1 for t in tokens[:cut])
        tokens = tokens[cut:]
    # "SAN FRANCISCO Apple", "DETROIT Tesla Motors": a dateline's city in capitals
    caps = 0
    while caps < len(tokens) - 1 and tokens[caps].isalpha() and tokens[caps].isupper():
        caps += 1
    city = caps > 1 or (caps == 1 and len(tokens[0]) >= 5)
    if caps and city and not tokens[caps].isupper() and fold(tokens[0]) not in registrants():
        start += sum(len(t) + 1 for t in tokens[:caps])
        tokens = tokens[caps:]
    # "Norway's Fjord Line", "Singapore's Sprint Cloud": a place that owns the name
    # "Munich-based Greifwerk Robotik": where it is based is not part of the name
    while tokens and (
        _leading_not_name(tokens)
        or tokens[0] in _OPENERS
        or _possessive_place(tokens[0])
        or ("-" in tokens[0] and _BASED.search(tokens[0]))
    ):
        start += len(tokens[0]) + 1
        tokens = tokens[1:]
    # "Pellham Dairies Ltd of Leeds": a closing legal form ends the name
    for i, token in enumerate(tokens[:-1]):
        if token in _CLOSING and tokens[i + 1] not in LEGAL:
            tokens = tokens[: i + 1]
            break
    # "Oxygen Media of New York": where it is, not its name
    if "of" in tokens[:-1]:
        at = len(tokens) - 1 - tokens[::-1].index("of")
        if at > 0 and all(t.rstrip(",.") in NOT_COMPANIES for t in tokens[at + 1 :]):
            tokens = tokens[:at]
    # "Seal Software Share": a share button glued to the name in scraped pages
    while tokens and tokens[-1] in {"of", "de", "del", "der", "van", "von", "&", "Share"}:
        tokens = tokens[:-1]
    text = " ".join(tokens)
    text = _POSSESSIVE.sub("", text)
    if text.endswith(".") and text.split(" ")[-1] not in LEGAL:
        text = text[:-1]
    return start, text


# A quantity, a year, a share or a model number: "2000", "37.5", "10", "A320", "737-800".
_NUMBER = re.compile(
    r"^[$€£¥]?\d[\d.,:%/-]*(?:st|nd|rd|th|s|m|bn|pct)?$|^[A-Z]{1,2}-?\d{2,4}[A-Z]{0,3}$"
    r"|^\d[^A-Z]*$"  # "38-year-old", "5-inch", "1990s"
)


# A Reuters instrument code: "AAPL.O", "ORAN.PA", "005930.KS".
_RIC = re.compile(r"^[A-Z0-9]{1,7}\.[A-Z]{1,3}$")


def _not_a_name(tokens: list[str]) -> bool:
    """No word of a name in it: numbers, model codes or instrument codes only, or a
    common acronym."""
    words = [t for t in tokens if not (_NUMBER.match(t) or _RIC.match(t))]
    return not words or (len(words) == 1 and words[0].rstrip(".") in ACRONYMS)


# Words that begin company names often enough to keep: "Office Depot", "National Grid",
# "General Electric", "American Express", "United Technologies".
_NAME_OPENERS = frozenset(
    """
    Global International National Federal Office General United Western Eastern Northern
    Southern Central Royal First American British State
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _leading_not_name(tokens: list[str]) -> bool:
    """The first word is not part of the name: "The", "Chinese", "SEOUL" in a dateline;
    a place before a company word stays ("China Mobile", "Japan Airlines")."""
    first = tokens[0]
    if first not in NOT_COMPANIES and not (
        first.isupper() and len(first) > 3 and first.title() in NOT_COMPANIES
    ):
        return False
    if len(tokens) == 1 or first.isupper():
        return True  # "SEOUL Samsung Electronics": a dateline's city
    if first in _NAME_OPENERS:
        return False
    rest = tokens[1:]
    place_name = first[:1].isupper() and first.lower() not in _FUNCTION_LOWER
    return not (
        place_name and (rest[0] in DESCRIPTIVE or rest[-1] in DESCRIPTIVE or rest[-1] in LEGAL)
    )


_FUNCTION_LOWER = frozenset(
    """
    the a an this that these those it its he she they we i you our their his her but and
    or however meanwhile also while when where what why how which who if as at in on of
    for by from with after before since under over despite although though yet so then
    now today
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _is_company(
    sentence: str,
    start: int,
    end: int,
    phrase: str,
    outlet: str | None,
    people: frozenset[str] = frozenset(),
    extra: str | None = None,
) -> str | None:
    """The evidence that the phrase names a company (a key of CONFIDENCE), or None;
    ``extra`` is evidence the caller saw elsewhere in the article."""
    tokens = phrase.split()
    if len(tokens) > _LONGEST_NAME:
        return None  # a page's menu or a headline in title case, not a name
    if _NUMBER.match(tokens[0]) or _not_a_name(tokens):
        return None  # "10 A320 aircraft", "14 startups": a count before a noun
    if sentence[end : end + 1] == ":" and not sentence[:start].strip():
        return None  # "Market Dynamics: Huawei and …": a label that opens a line
    place = _PLACE_AFTER.match(sentence, end)
    if place and place.group(1) in NOT_COMPANIES:
        return None  # "Berkeley, California-based startup Bonsai": a city and its state
    if all(
        t in NOT_COMPANIES
        or t in LEGAL
        or t in DESCRIPTIVE
        or t in LEADING_LEGAL
        or t in DEFINED_TERMS
        or len(t) == 1
        for t in tokens
    ):
        return None
    if phrase in OUTLETS or tokens[-1] in OUTLET_WORDS or (outlet and fold(phrase) == fold(outlet)):
        return None
    # the rules look at the words next to the name: bounded windows keep this linear
    before, after = sentence[max(0, start - 120) : start], sentence[end : end + 120]
    raw_after = after
    before = _drop_place_owner(before)  # "merge with Norway's Fjord Line"
    if after[:1] in ("'", "’"):
        after = _LEADING_POSSESSIVE.sub("", after)
    designated = _designated(tokens)
    listed = _TICKER_AFTER.match(raw_after) is not None  # "Apple Inc (NASDAQ: AAPL)"
    bought = _BOUGHT_BEFORE.search(before[-40:]) is not None  # people are not bought
    if not (designated or listed or bought) and (
        is_person(tokens)
        or (len(tokens) == 1 and (tokens[0] in people or tokens[0] in first_names()))
    ):
        return None  # "Satya Nadella", "Nadella": a first name, or a surname of this text
    # cheapest tests first: most phrases have none
    evidence = (
        (designated and "legal form")
        or (listed and "stock ticker")
        or (_registered(tokens, sentence[:start]) and "SEC registrant")
        or (_apposition(after) and "apposition")
        or (_COPULA.match(after) and "description")
        or (_deal_after(after) and "deal statement")
        or (_noun_before(before) and "organisation noun")
        or (_deal_before(before) and "deal statement")
        or (_business(before, raw_after) and "business context")
        or (_initials(tokens, raw_after) and "initials")
        or extra
    )
    if not evidence:
        return None
    if _PERSON_BEFORE.search(before) or (
        _PERSON_AFTER.match(after) and len(tokens) in (2, 3) and not designated
    ):
        return None
    # "Huawei cloud" is a product; "Huawei's cloud services" are the company's
    product = _PRODUCT_AFTER.match(after) and raw_after[:1] not in ("'", "’")
    return None if product or (_owner_before(before) and not designated) else evidence


# How sure each kind of evidence makes a draft company: a legal form or a ticker is
# rarely wrong; a business context ("X reported") is what a person's name also gets.
CONFIDENCE = {
    "legal form": 0.9,
    "stock ticker": 0.95,
    "SEC registrant": 0.85,
    "apposition": 0.8,
    "description": 0.8,
    "organisation noun": 0.75,
    "deal statement": 0.65,
    "business context": 0.6,
    "listed with companies": 0.55,
    "initials": 0.6,
}


_TICKER_AFTER = re.compile(
    r"^(?:['’]s)?,?\s*[(\[](?:NYSE|NASDAQ|Nasdaq|AMEX|NYSE American|NYSE Arca|LSE|TSX|TSXV|"
    r"TSX-V|ASX|HKEX|SEHK|HK|OTC\w*|TYO|TSE|SSE|SZSE|BSE|NSE|Euronext|XETRA|FWB|SIX|KRX|"
    r"KOSDAQ|TWSE|SGX|JSE|CSE|AIM|OMX)[\s:]+[A-Z0-9][\w.\-]*(?:[)\];,]|\s+-\s)"
    # a Reuters instrument code: "Apple Inc (AAPL.O)"
    r"|^(?:['’]s)?\s*\([A-Z0-9]{1,7}\.[A-Z]{1,3}\)",
    re.I,
)
# What only a business has or does, next to its name: "Apple's shares", "shares of
# Gogo", "Kmart reported", "a spokesman for Oracle".
_BUSINESS_AFTER = re.compile(
    r"^['’]s?\s+(?:[\w-]+\s+){0,2}?(?:shares|stock|chief executive|CEO|CFO|chairman|"
    r"chairwoman|board|co-founder|founder|executives?|shareholders|stockholders|revenues?|"
    r"profits?|earnings|net income|sales|subsidiary|headquarters|market (?:value|share|"
    r"capitalisation|capitalization)|valuation|employees|spokes(?:man|woman|person)|"
    r"acquisition of|purchase of|takeover of|bid for|offer for|vice president|president|"
    r"users|customers|subscribers|devices|products|smartphones|stores|factories|plants|"
    r"cloud services|partnership|alliance|joint venture|merger|stake)\b"
    r"|^\s+(?:shares|stock)\s+(?:rose|fell|jumped|climbed|slid|dropped|gained|lost|closed|"
    r"surged|tumbled|soared|sank|plunged|were|traded)\b"
    r"|^,?\s+(?:reported|posted|unveiled|launched|hired|appointed|sued|settled|acquired|"
    r"bought|raised|invested|agreed|shipped|manufactures|operates|owns|employs|"
    r"files? for bankruptcy|filed for bankruptcy)\b",
    re.I,
)
_BUSINESS_BEFORE = re.compile(
    r"(?:\bshares (?:of|in)|\bstake in|\bunit of|\bsubsidiary of|\bdivision of|"
    r"\bspokes(?:man|woman|person) (?:for|at)|\b(?:CEO|chief executive|chief financial officer|"
    r"president|founder|co-founder|chairman|executives?|analysts?|employees?|shareholders|"
    r"customers) (?:of|at)|\brivals?|\bcompetitors?|\bsued|\bsuing|\bsues|\blawsuit against|"
    r"\bowned by|\bparent|\bworked at|\bworks at)\s+(?:the\s+)?$",
    re.I,
)


def _registered(tokens: list[str], before: str) -> bool:
    """A name of an SEC registrant ("Apple", "Goldman Sachs"), written in capitals where a
    sentence does not begin: at the start, "Target" or "Gap" may be a word."""
    if len(tokens) == 1 and (not before.strip(' "“‘(') or tokens[0] in first_names()):
        return False
    name = " ".join(_name(" ".join(tokens)).split()).removesuffix(".com")
    # "Wal-Mart" is "Walmart", "Coca-Cola" is "Coca Cola"
    return fold(name) in registrants() or _compact(fold(name)) in _compact_registrants()


@lru_cache(maxsize=1)
def registrants() -> frozenset[str]:
    """Names of the companies registered with the SEC (EDGAR, public domain), folded,
    legal forms dropped: tools/make_register.py builds the file."""
    text = (Path(__file__).parent / "data" / "registrants.txt").read_text("utf-8")
    # exchanges and registrants named by an ordinary word say nothing in a story
    words = {fold(w) for w in NOT_COMPANIES | OUTLETS | DEFINED_TERMS | ACRONYMS | _PLAIN}
    return frozenset(text.split("\n")) - words - {""}


_PLAIN = frozenset(
    """
    City Nasdaq NYSE Cboe Exchange Global Capital Health Energy Bank Trust Fund Group
    Holdings Partners Technologies Systems Solutions Industries Resources Media Digital
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _compact(name: str) -> str:
    return "".join(c for c in name if c.isalnum())


@lru_cache(maxsize=1)
def _compact_registrants() -> frozenset[str]:
    return frozenset(_compact(n) for n in registrants() if len(_compact(n)) >= 5)


def _business(before: str, after: str) -> bool:
    return bool(_BUSINESS_AFTER.match(after) or _BUSINESS_BEFORE.search(before[-60:]))


def _apposition(after: str) -> bool:
    """ "Kestrel, a Munich startup": the pattern begins with a comma or a bracket."""
    if after.lstrip()[:1] not in (",", "("):
        return False
    return _APPOSITION.match(after) is not None


# Each alternative of _DEAL_AFTER begins with spaces and then one of these words.
_DEAL_AFTER_FIRST = (
    "has", "have", "had", "will", "would", "is", "was", "agreed", "plans", "said",
    "acquire", "buy", "purchase", "invest", "merge", "take", "bought", "acquired",
    "invested", "raised", "signed", "led", "completed", "announced", "formed", "set",
    "struck", "scrapped", "called", "abandoned", "terminated", "are", "were",
    "partner", "teamed", "teaming", "joined", "joining", "collaborat", "cooperat",
    "working", "in ", "enter", "announced", "today", "buys", "acquires", "invests",
    "merges", "purchases", "takes", "raises", "signs", "leads", "snap",
)  # fmt: skip


def _deal_after(after: str) -> bool:
    """ "… agreed to acquire", "… and Beacon Air completed their merger", "Xiaomi and
    Microsoft are partnering"."""
    if not after[:1].isspace():
        return False
    both = _AND_NAME.match(after)
    if both:
        after = after[both.end() :]
    head = lowered(after.lstrip()[:12])  # None for letters that fold apart: then look
    if head is not None and not head.startswith(_DEAL_AFTER_FIRST):
        return False
    return _DEAL_AFTER.match(after) is not None


def _designated(tokens: list[str]) -> bool:
    return len(tokens) >= 2 and (
        tokens[-1] in LEGAL or tokens[-1] in DESCRIPTIVE or tokens[0] in LEADING_LEGAL
    )


def _name(phrase: str) -> str:
    """The usual name: legal forms and a leading "The" dropped."""
    tokens = phrase.split()
    while len(tokens) > 1 and tokens[-1] in LEGAL:
        tokens = tokens[:-1]
    while len(tokens) > 1 and tokens[0] in LEADING_LEGAL:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0] == "The":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in ("&", "and"):  # "Goldman Sachs & Co." → "Goldman Sachs"
        tokens = tokens[:-1]
    return " ".join(tokens)


def _aliases(phrase: str, name: str) -> list[str]:
    """The full legal name, and the first word of a "Kestrel Robotics"-style name."""
    out = [phrase] if phrase != name else []
    tokens = name.split()
    if len(tokens) >= 2 and tokens[-1] in DESCRIPTIVE:
        first = tokens[0]
        if len(first) >= 4 and first not in NOT_COMPANIES and first not in DESCRIPTIVE:
            out.append(first)
    return out


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names of the US census (1990), from the ``names`` package: a name that
    starts with one ("Satya Nadella", "Sarah Okafor") is a person's."""
    import names

    folder = Path(names.__file__).parent
    out: set[str] = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text("ascii").splitlines():
            if line.strip():
                out.add(line.split()[0].capitalize())
    return frozenset(out - _NOT_GIVEN)


# Census given names that are more often companies or words in business news.
_NOT_GIVEN = frozenset(
    """
    Morgan Chase Ford Dell Wells Sterling Mercedes Lincoln Hyundai Toyota Harley Jaguar
    Tesla Apple Amazon Oracle Cruise Tile Sprint Orange Boeing Intel General Royal
    National American United First Capital Summit Pioneer Liberty Fidelity Prudential
    Goldman Lehman Merrill Baker Hughes Johnson Marathon Carter
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def is_person(tokens: list[str]) -> bool:
    """Two or three words that start with a given name: "Satya Nadella"."""
    return (
        2 <= len(tokens) <= 3
        and tokens[0] in first_names()
        and tokens[-1] not in DESCRIPTIVE
        and all(t[:1].isupper() for t in tokens)
    )
