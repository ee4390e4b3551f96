"""Companies in the text: known ones by name and alias, new ones by rules.

Known companies (briefings/companies/) are found by their name and aliases, in any
script, possessive or not ("Xiaomi’s", "小米", 微軟 = 微软, Ｘｉａｏｍｉ). A capitalised
phrase not yet known becomes a new company only with evidence that it is an
organisation (clues.py); names.py says where a name begins and ends and which words
are never a company's. Rules rather than a statistical model: see docs/ingest.md,
for the measurement on real news.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from ..slugs import han_simplified, slugify
from . import companymodel
from .clues import judge, owner_before
from .lexicon import (
    DESCRIPTIVE,
    KINDS_OF_COMPANY,
    LEADING_LEGAL,
    LEGAL,
    NOT_COMPANIES,
    OUTLET_WORDS,
)
from .names import (
    RIC,
    aliases_of,
    fold,
    initials_of,
    is_person,
    pieces,
    possessive_place,
    surnames,
    trim,
    usual_name,
)
from .types import KnownCompany, Mention, NewCompany

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


_CJK_RUN = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff01-\uff0f\uff1a-\uff20]+")


_NEXT_WORD = re.compile(r"\s+([A-Z][\w]*)")


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
        self._compact: dict[str, str] = {}  # spelling-free key → slug (see same_as)
        for company in known:
            self.add(company.slug, company.names)

    def add(self, slug: str, names: Iterable[str]) -> None:
        for name in names:
            key = fold(name)
            if not key or key in self._slug_of:
                continue
            self._slug_of[key] = slug
            self._compact.setdefault(_compact(key), slug)
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

    def forget(self, names: Iterable[str]) -> None:
        """Names that turned out to name no company of their own."""
        for name in names:
            key = fold(name)
            slug = self._slug_of.pop(key, None)
            if slug is None:
                continue
            if self._compact.get(_compact(key)) == slug:
                del self._compact[_compact(key)]
            if key in self._cjk:
                self._cjk.remove(key)
                continue
            first = _WORD.match(key)
            bucket = self._by_first.get(first.group(0) if first else key, [])
            if key in bucket:
                bucket.remove(key)

    def copy(self) -> Finder:
        other = Finder(())
        other._slug_of = dict(self._slug_of)
        other._by_first = {k: list(v) for k, v in self._by_first.items()}
        other._cjk = list(self._cjk)
        other._compact = dict(self._compact)
        return other

    def same_as(self, name: str) -> str | None:
        """The company a name spells differently: "Amazon.com" and "Amazon", "Wal-Mart"
        and "WalMart", "Open AI" and "OpenAI"."""
        return self._compact.get(_compact(fold(name)))

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
            if m.group(2).isupper() or m.group(2).isdigit() or _CAMEL_START.match(m.group(1))
        ]

    def _mention(self, sentence: str, start: int, end: int) -> Mention | None:
        text = sentence[start:end]
        if not _CJK.search(text) and not (
            text[0].isupper() or text[0].isdigit() or _CAMEL_START.match(text)
        ):
            return None  # "apple", "vivo" in lower case are words, not the companies
        after = _NEXT_WORD.match(sentence, end)
        if after and after.group(1) in OUTLET_WORDS:
            return None  # "Huawei Central" is an outlet, not Huawei
        owner = owner_before(sentence[max(0, start - 40) : start])
        # "Norway's Fjord Line" is Fjord Line itself; "Huawei's DeepSeek" is Huawei's product
        possessed = owner is not None and not possessive_place(owner.group(0).split()[0])
        if possessed and _named_after_owner(sentence[max(0, start - 40) : start], text):
            possessed = False  # "Evergrande Group's Evergrande Health": a unit acts
        elif possessed and _owned_by_a_person(sentence[max(0, start - 60) : start]):
            possessed = False  # "Rupert Murdoch's News International PLC": the company acts
        # "Solmund-branded lenses", "stock Sunmesa products": the brand, not the company
        possessed = possessed or _BRAND_AFTER.match(sentence, end) is not None
        return Mention(self._slug_of[fold(text)], start, end, possessed)


_WORD = re.compile(r"[^\W_][\w&]*")


def _owned_by_a_person(before: str) -> bool:
    """Whether the owner before "'s" is a person named in full ("Warren Buffett's")."""
    words = before.rstrip()[:-2].split()[-2:]
    return len(words) == 2 and is_person(words)


def _named_after_owner(before: str, text: str) -> bool:
    """Whether the possessed name begins with a word of its owner's name, the capitalised
    run before "'s": a unit named after its parent, not the parent's product."""
    owner = []
    for word in reversed(before.rstrip()[:-2].split()):
        if not word[:1].isupper():
            break
        owner.append(fold(word))
    return fold(text.split()[0]) in owner


def _compact(key: str) -> str:
    """A folded name without its web suffix, spaces, hyphens and dots."""
    return re.sub(r"[\s.\-‐–'’]", "", key.removesuffix(".com"))


_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


_FULL_WIDTH = re.compile("[\uff01-\uff5e]")


# "Solmund-branded lenses": the brand. (Product nouns after a name were tried, "buying
# Arm chips": they also took "Xiaomi smartphone models will gain access …" from a deal.)
# ("Sequoia-backed startup Visual Electric": the backer qualifies the startup, it does
# not act)
_BRAND_AFTER = re.compile(r"-(?:branded|backed|funded)\b|[ \t]+(?:products?|brands?|branded)\b")


# Where _WORD's scan starts a word (after "_" or "&" only if they follow a non-word), and
# that word does not begin with a Latin lower-case letter (unless a capital follows
# within two letters: "eBay", "iHerb"). Case folding keeps every letter's
# word-character class except U+0345, which Finder._words checks for.
_CAPITALISED = re.compile(r"(?<![\w&])[_&]*(?![a-zß-öø-ÿ](?![a-z]?[A-Z]))((?=([^\W_]))[\w&]+)")
# a brand that opens in lower case: "eBay", "iHerb" (not "apple")
_CAMEL_START = re.compile(r"[a-z]{1,2}[A-Z]")


_NONE = Mention("", 0, 0)


def _joined_on(text: str, stop: int) -> bool:
    """A name must end at a word boundary: "Xiaomi" is not in "Xiaomis" or "Xiaomi&Co"."""
    return stop < len(text) and (text[stop].isalnum() or text[stop] in "_&")


# A Latin name written against a Chinese or Japanese legal form: "株式会社Xoxzo",
# "MARIMORE株式会社", "TCL集团" (CJK names themselves are found only once known)
_CJK_LEGAL_NAME = re.compile(
    r"(?:株式会社|有限会社)\s*(?P<a>[A-Z][A-Za-z0-9&.-]*[A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])(?P<b>[A-Z][A-Za-z0-9&.-]*[A-Za-z0-9])\s*(?:株式会社|集团|有限公司|股份有限公司)"
)


def _found_in_cjk(found: dict[str, NewCompany], finder: Finder, sentence: str) -> None:
    for m in _CJK_LEGAL_NAME.finditer(sentence):
        name = m.group("a") or m.group("b")
        end = m.end("a") if m.group("a") else m.end("b")
        if not finder.knows(name) and len(name) > 1:
            _found(found, finder, sentence, end, name, "legal form")


def detect_new(
    sentences: list[str],
    finder: Finder,
    outlet: str | None,
    doubtful: list[NewCompany] | None = None,
) -> list[NewCompany]:
    """Organisations not yet known, each with the sentence that shows it; the phrases
    the company model finds less likely, but not unlikely, are added to ``doubtful``
    (another article that names them as companies confirms them: consolidate.py).

    ``sentences`` end with the headline. Where capitals mark names (English, Spanish,
    French; Latin names in Chinese text) the company model (companymodel.py) weighs
    every capitalised phrase; in a German article every noun is capitalised
    ("Geschäftsführer der …"), so there only a name's own form counts (a legal form, a
    ticker, an SEC registrant, its initials)."""
    found: dict[str, NewCompany] = {}
    for sentence in sentences:
        if _CJK.search(sentence):
            _found_in_cjk(found, finder, sentence)
    unlikely: frozenset[str] = frozenset()
    if capitals_mark_names(sentences):
        unlikely = _found_by_model(found, finder, sentences, outlet, doubtful)
    else:
        _found_by_own_form(found, finder, sentences, outlet)
    if not found:
        return []
    joined = "\n".join(sentences)
    _within_possessive_names(found, finder, joined)
    _drop_descriptors(found, finder)
    _fold_first_words(found, finder, sentences)
    _fold_bracketed(found, finder, joined)
    _drop_defined_terms(found, finder, joined, unlikely)
    _named_in_full(found, finder, joined)
    for slug, company in list(found.items()):
        short = _short_name(company, joined, finder)
        if short:
            found[slug] = dataclasses.replace(company, aliases=(*company.aliases, short))
            finder.add(slug, (short,))
    return list(found.values())


def _found_by_model(
    found: dict[str, NewCompany],
    finder: Finder,
    sentences: list[str],
    outlet: str | None,
    doubtful: list[NewCompany] | None,
) -> frozenset[str]:
    """The phrases the company model finds likely enough, in the order they are met;
    those above its floor to ``doubtful``. Returns the phrases below its floor."""
    title = sentences[-1] if sentences else ""
    phrases = companymodel.candidates(
        sentences, title, outlet, lambda phrase: _known_phrase(finder, phrase)
    )
    least = companymodel.threshold()
    chances = {
        key: companymodel.probability(companymodel.article_features(candidate))
        for key, candidate in phrases.items()
    }
    likely = {
        key: c for key, c in phrases.items() if chances[key] >= least and not _a_persons_name(c)
    }
    for key, candidate in phrases.items():
        if DOUBT_FLOOR <= chances[key] < least:
            named = _among_investors(candidate.phrase, sentences)
            if named is not None:
                likely[key] = dataclasses.replace(
                    candidate,
                    sentence=named,
                    end=named.index(candidate.phrase) + len(candidate.phrase),
                    rule=INVESTOR_RULE,
                )
    if doubtful is not None:
        doubtful.extend(
            NewCompany(key, c.phrase, (), c.sentence, companymodel.RULE, None, round(chance, 2))
            for key, c in phrases.items()
            if DOUBT_FLOOR <= (chance := chances[key]) < least and key not in likely
        )
    several = _extended(c.phrase for c in likely.values())
    for key, candidate in likely.items():
        phrase = candidate.phrase
        if _known_phrase(finder, phrase) and not _another_of_a_group(
            found, finder, phrase, several
        ):
            continue
        # "Halden Vind" and "Halden Vind AS": one company, drafted by its fuller name
        fuller = _with_legal_form(phrase, likely)
        if fuller is not None:
            key, candidate = fuller, likely[fuller]
        rule = candidate.rule or companymodel.RULE
        _found(
            found, finder, candidate.sentence, candidate.end, candidate.phrase, rule, chances[key]
        )
        slug = finder.slug_of(candidate.phrase)
        if slug in found and not finder.knows(phrase):
            company = found[slug]
            found[slug] = dataclasses.replace(company, aliases=(*company.aliases, phrase))
            finder.add(slug, (phrase,))
    return frozenset(c.phrase for key, c in phrases.items() if chances[key] < DOUBT_FLOOR)


def _a_persons_name(candidate: companymodel.Candidate) -> bool:
    """ "Buffett" where the article names Warren Buffett, with no rule's evidence of a
    company anywhere: the person, however business-like the words around it."""
    features = candidate.features
    # (a listed company's name is a surname in some stories: "Google" is not its founder)
    return candidate.rule is None and "surname" in features and "registrant" not in features


def _another_of_a_group(
    found: dict[str, NewCompany], finder: Finder, phrase: str, several: frozenset[str]
) -> bool:
    """ "Virgin Atlantic" in a story of "Virgin Group": a group's name before another
    word is another company of the group, not the group (whose drafted name, "Virgin",
    would otherwise claim it as a fuller form of itself). So is a name the article
    extends in several ways ("Samsung Techwin", "Samsung Total", "Samsung Engineering")."""
    if finder.knows(phrase) or finder.knows(usual_name(phrase)):
        return False
    tokens = phrase.split()
    for cut in range(len(tokens) - 1, 0, -1):
        head = " ".join(tokens[:cut])
        group = found.get(finder.slug_of(head) or "")
        if group is not None:
            return _is_group(group) or head in several
    return False


# Two fuller forms are as often one company's spellings ("Aquila Coal", "Aquila
# Exploration"; "GAC Motors", "GAC Motor") as two companies of a group; three are a group
# (on the 1,098 of benchmarks/realnews: with two, 16 more companies found and 22 more
# drafted twice; with three, 10 and 4)
_GROUP_SIZE = 3


def _extended(phrases: Iterable[str]) -> frozenset[str]:
    """The first words that begin several different phrases: a group's name where the
    article names several of its companies ("Samsung Techwin", "Samsung Total", "Samsung
    Engineering"), since one company has one fuller name."""
    seen: dict[str, set[str]] = {}
    for phrase in phrases:
        tokens = phrase.split()
        for cut in range(1, len(tokens)):
            seen.setdefault(" ".join(tokens[:cut]), set()).add(phrase)
    return frozenset(head for head, longer in seen.items() if len(longer) >= _GROUP_SIZE)


def _is_group(company: NewCompany) -> bool:
    """Whether the story names the company as a group: "Virgin Group", "Tata Sons"."""
    return any(
        a.startswith(company.name + " ") and a.split()[-1] in _GROUP_WORDS for a in company.aliases
    )


_GROUP_WORDS = frozenset({"Group", "Holdings", "Holding", "Sons"})


# Below this the company model's phrases are noise even when another article names
# them: at 0.10, on the annotated real news, about 16 companies confirmed for 6 not.
DOUBT_FLOOR = 0.10

INVESTOR_RULE = "named among a funding round's investors"
# "a round led by X, with participation from A, B and C", "other investors include …":
# the list of a funding round's investors, in a sentence that names the round
_INVESTOR_LIST = re.compile(
    r"\b(?:co-)?led by\s|\bparticipation (?:from|by)\s"
    r"|\binvestors\b[^.;]{0,30}?\b(?:including|such as|include|includes)\s",
    re.I,
)
_ROUND_WORD = re.compile(
    r"\b(?:round|funding|raised|raises|Series [A-H]|seed|financing|investment)\b", re.I
)


def _among_investors(phrase: str, sentences: list[str]) -> str | None:
    """The sentence that lists ``phrase`` among a funding round's investors, if any: a
    name the company model doubts is a company there ("led by D1 Capital Partners")."""
    for sentence in sentences:
        if phrase not in sentence or not _ROUND_WORD.search(sentence):
            continue
        for cue in _INVESTOR_LIST.finditer(sentence):
            listed = sentence[cue.end() :].split(";")[0]
            if phrase in listed:
                return sentence
    return None


def _with_legal_form(phrase: str, likely: dict[str, companymodel.Candidate]) -> str | None:
    """The key of the likely phrase that is ``phrase`` with a legal form after it."""
    size = len(phrase.split())
    for key, other in likely.items():
        rest = other.phrase.split()[size:]
        if (
            rest
            and other.phrase.startswith(phrase + " ")
            and all(t in LEGAL or t in _NORDIC_FORMS for t in rest)
        ):
            return key
    return None


# Legal forms also written as English words ("as"), so not in LEGAL: after a name only.
_NORDIC_FORMS = frozenset({"AS", "A/S"})


def _found_by_own_form(
    found: dict[str, NewCompany], finder: Finder, sentences: list[str], outlet: str | None
) -> None:
    """Names whose own form shows a company: a legal form, a ticker, a registrant."""
    people = surnames(sentences)
    for sentence in sentences:
        for at, text in pieces(sentence):
            skip, phrase = trim(0, text)
            if not phrase or _known_phrase(finder, phrase):
                continue
            start = at + skip
            end = start + len(phrase)
            rule = judge(sentence, start, end, phrase, outlet, people)
            if rule and _own_form(rule, phrase):
                _found(found, finder, sentence, end, phrase, rule)


# The evidence in a name's own form, which holds in any language.
OWN_FORM = frozenset({"legal form", "stock ticker", "SEC registrant", "initials"})
_ENGLISH_WORDS = frozenset(
    "the of and to in a is for on that with said was has its as by from at it".split()  # noqa: SIM905
)


def _own_form(rule: str, phrase: str) -> bool:
    """Evidence that holds in any language: a true legal form ("Holding AG"), not a
    company-like word ("… Software"), which in German is any capitalised noun."""
    if rule != "legal form":
        return rule in OWN_FORM
    tokens = phrase.split()
    return tokens[-1] in LEGAL or tokens[0] in LEADING_LEGAL


def _every_case(word: str) -> set[str]:
    """ "of", "Of", "oF", "OF": the word with each letter in either case."""
    forms = {""}
    for letter in word:
        forms = {f + c for f in forms for c in {letter.lower(), letter.upper()}}
    return forms


_ENGLISH_FORMS = frozenset(form for word in _ENGLISH_WORDS for form in _every_case(word))


def capitals_mark_names(sentences: list[str]) -> bool:
    """Whether a capital inside a sentence marks a name, as in English, Spanish or
    French, and in Latin names within Chinese text; not in German, which capitalises
    every noun (a fifth or more of its words inside a sentence; English news runs at
    about a tenth, Spanish less)."""
    # (an address is no word; an ASCII word is looked up in every case it may be written
    # in, not lowered first: its length is all the rest needs)
    latin = [w for s in sentences for w in s.split(None, 40)[:40] if w.isascii() and "/" not in w]
    if len(latin) < 20:
        return True
    if sum(map(_ENGLISH_FORMS.__contains__, latin)) >= 0.06 * len(latin):
        return True
    if sum(len(_CJK.findall(s)) for s in sentences) > sum(len(w) for w in latin):
        return True  # Chinese or Japanese with Latin names in it: those are capitalised
    inside = [w for s in sentences for w in s.split()[1:40] if w[:1].isalpha()]
    return sum(1 for w in inside if w[:1].isupper()) < 0.2 * max(1, len(inside))


def _found(
    found: dict[str, NewCompany],
    finder: Finder,
    sentence: str,
    end: int,
    phrase: str,
    rule: str,
    confidence: float | None = None,
) -> bool:
    """Record a new company found in ``sentence``; False when it is already known."""
    name = usual_name(phrase)
    slug = slugify(name)
    if not slug or slug in found or finder.knows(name):
        return False
    same = finder.same_as(name)
    if same in found:  # another spelling of a company this article already gave
        company = found[same]
        found[same] = dataclasses.replace(company, aliases=(*company.aliases, name))
        finder.add(same, (name, phrase))
        return False
    aliases = tuple(a for a in aliases_of(phrase, name) if not finder.knows(a))
    short = _SHORT_NAME.match(sentence, end)
    if (
        short
        and not finder.knows(short.group(1))
        and short.group(1) not in NOT_COMPANIES
        and not RIC.match(short.group(1))
    ):
        short_name = short.group(1)
        if (
            short_name.isupper()
            and phrase.split()[-1].rstrip(".,") in LEGAL
            and not _initials_fit(short_name, (name, phrase), [sentence])
        ):
            # "Apple Computer Inc. (AAPL)": a ticker after a name in full with its legal
            # form, an alias of the name
            aliases = (*aliases, short_name)
        else:
            # "China Petroleum & Chemical Corp (Sinopec)": the short name is the usual one
            aliases = (name, *aliases)
            name, slug = short_name, slugify(short_name)
            if slug in found:
                return False
    found[slug] = NewCompany(slug, name, aliases, sentence, rule, confidence=confidence)
    finder.add(slug, (name, phrase, *aliases))
    return True


def _within_possessive_names(found: dict[str, NewCompany], finder: Finder, text: str) -> None:
    """ "Hudson's Bay Co" and, elsewhere, "Hudson's Bay will take a stake": a name with a
    possessive in it is one name, not an owner ("Hudson") and its unit ("Bay"), when the
    article writes those words only within it."""
    for company in list(found.values()):
        if company.slug not in found:
            continue  # (itself a piece of a name met before)
        for form in (company.name, *company.aliases):
            owner = _INNER_POSSESSIVE.search(form)
            if owner is None:
                continue
            # (the words left once the name, with either apostrophe, is taken out)
            rest = text.replace(form, " ").replace(form.translate(_OTHER_APOSTROPHE), " ")
            for part in (form[: owner.start() + 1], form[owner.end() :]):
                piece = found.get(finder.slug_of(part) or "")
                if piece is None or piece is company or piece.name != part:
                    continue
                if not re.search(rf"(?<![\w'’]){re.escape(part)}(?!\w)", rest):
                    del found[piece.slug]
                    finder.forget((piece.name, *piece.aliases))


_INNER_POSSESSIVE = re.compile(r"(?<=\w)['’]s (?=[A-Z])")
_OTHER_APOSTROPHE = str.maketrans({"'": "’", "’": "'"})


def _drop_descriptors(found: dict[str, NewCompany], finder: Finder) -> None:
    """ "Dutch Philips Electronics" and "Philips", "Grocer Kroger Co." and "Kroger": a
    word that describes the company, capitalised where a sentence opens, is not part of
    the name the story otherwise uses."""
    for slug, company in list(found.items()):
        first, _, rest = company.name.partition(" ")
        if not rest or not _describes(first):
            continue
        if not any(
            other is not company and (other.name == rest or _shortened(other.name, rest))
            for other in found.values()
        ):
            continue
        del found[slug]
        new = slugify(rest)
        if new not in found:
            found[new] = dataclasses.replace(
                company, slug=new, name=rest, aliases=tuple(a for a in company.aliases if a != rest)
            )
        finder.reassign((company.name, *company.aliases), new)
        finder.add(new, (rest,))


def _describes(word: str) -> bool:
    """A nationality or a kind of company before a name ("Dutch", "Grocer",
    "Brokerages"), or its owner ("Icahn's")."""
    return (
        all(part in NOT_COMPANIES and _DEMONYM.search(part) for part in word.split("-"))
        or word.lower().removesuffix("s") in _KINDS_OF_COMPANY
        or word.endswith(("'s", "’s"))
    )


# "Dutch", "Chinese", "Indian": a country's adjective, not the country ("Punjab National
# Bank" keeps its place)
_DEMONYM = re.compile(r"(?:ese|ish|ian|an|ch|i)$")


# (and, where the name is also used alone, kinds that may open a name: "Bank Rakyat")
_KINDS_OF_COMPANY = KINDS_OF_COMPANY | frozenset(
    "bank broker miner airline carrier operator manufacturer utility".split()  # noqa: SIM905
)


def _fold_first_words(found: dict[str, NewCompany], finder: Finder, sentences: list[str]) -> None:
    """ "Halvorsen said" and "Halvorsen Ferries", "GM" and "General Motors": the one word
    is the longer name's short form or its initials, not a second company."""
    text = "\n".join(sentences)
    for slug, company in list(found.items()):
        if slug not in found:
            continue
        # "Virgin" of "Virgin Group" is no short form of "Virgin Atlantic"
        group = _is_group(company)
        one_word = " " not in company.name
        longers = [
            c
            for c in found.values()
            if c is not company
            and (
                (
                    _shortened(company.name, c.name)
                    and not (group and c.name.startswith(company.name + " "))
                )
                # "PSEG" and "Public Service Enterprise Group": initials with the legal form
                or (
                    one_word
                    and company.name.isupper()
                    # "M&S" and "Marks & Spencer": the ampersand is no letter of either
                    and _initials_fit(
                        company.name.replace("&", ""), (c.name, *c.aliases), sentences
                    )
                )
                or (one_word and _contracted(company.name, c.name))
                # "Netflixs deal": a possessive whose apostrophe a scraper lost
                or (one_word and company.name == c.name + "s")
                or _initials_then_rest(company.name, c.name)
                or (one_word and _last_word_alone(company.name, c.name, text))
            )
        ]
        if not longers:
            continue
        if (
            len(longers) >= _GROUP_SIZE
            # "Fortescue Limited", "Fortescue Metals" and "Fortescue Zero": a name with
            # its own legal form is the company whose units the longer names are
            or (len(longers) > 1 and company.rule == "legal form")
        ) and all(c.name.startswith(company.name + " ") for c in longers):
            continue  # "Samsung" of "Samsung Techwin" and "Samsung Total": their group
        del found[slug]
        if len(longers) > 1:
            # "Halcyon Leisure Group", "Halcyon Days Ltd" and "Halcyon said": whose
            # short form it is, the article does not say
            finder.forget((company.name, *company.aliases))
            continue
        longer = longers[0]
        found[longer.slug] = dataclasses.replace(
            longer, aliases=(*longer.aliases, company.name, *company.aliases)
        )
        finder.reassign((company.name, *company.aliases), longer.slug)


def _contracted(short: str, name: str) -> bool:
    """ "NatWest" of "National Westminster Bank", "FedEx" of "Federal Express",
    "INFOMAN" of "Information Managers": the first letters of two or more of the name's
    words run together; the words left over only say what kind of company it is."""
    # (the tests of ``short`` first: most pairs a story's names make fail them, and
    # splitting the name costs more)
    if len(short) < 4 or not short.isalpha():
        return False
    words = [w for w in _WORD_GAPS.split(name) if w]
    if len(words) < 2:
        return False

    def covers(rest: str, at: int) -> int:
        """How many words from ``at`` on spell ``rest`` by their beginnings (0: none)."""
        if not rest:
            return at
        if at == len(words):
            return 0
        word = words[at].lower()
        for size in range(min(len(word), len(rest)), 1, -1):
            if rest[:size] == word[:size]:
                end = covers(rest[size:], at + 1)
                if end:
                    return end
        return 0

    end = covers(short.lower(), 0)
    return end >= 2 and all(w in _KIND_WORDS for w in words[end:])


_WORD_GAPS = re.compile(r"[\s-]+")


# Words after a contracted name that only say what kind of company it is ("Bank" of
# "National Westminster Bank")
_KIND_WORDS = LEGAL | DESCRIPTIVE | {w.capitalize() for w in KINDS_OF_COMPANY}


def _initials_then_rest(short: str, name: str) -> bool:
    """ "UE LNG" of "United Energy LNG", "AB InBev" of "Anheuser-Busch InBev": the first
    words by their initials, the rest as written."""
    head, _, rest = short.partition(" ")
    if not rest or len(head) < 2 or not head.isupper() or not head.isalpha():
        return False
    words = name.split()
    kept = len(rest.split())
    return (
        len(words) > kept
        and initials_of(" ".join(words[:-kept])) == head
        and words[-kept:] == rest.split()
    )


def _last_word_alone(short: str, name: str, text: str) -> bool:
    """ "Disney" of "Walt Disney", "Nekoosa" of "Great Northern Nekoosa", "Suez" of
    "Cie de Suez": the last word of a name alone, when the words before it never stand
    without it in the story ("Exxon" and "Mobil" do: two names)."""
    if not name.rstrip().endswith(short):
        return False  # (not its last word: most pairs, told without splitting the name)
    words = name.split()
    if len(words) < 2 or words[-1] != short or short in NOT_COMPANIES or not short.isalpha():
        return False
    lead = " ".join(words[:-1])
    return text.count(lead) == text.count(name)


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_SITE = re.compile(r"\.(?:com|ai|io|net|org|co)$")


_INITIALS_AFTER = re.compile(r"[A-Z]{2,}\b")


def _shortened(short: str, name: str) -> bool:
    """Whether ``short`` is how a story shortens ``name``: its first words ("American Home"
    of "American Home Products", "Sears" of "Sears, Roebuck"), the family name after
    initials ("Faulding" of "F.H. Faulding"), one half of a paired name ("Shell" of
    "Royal Dutch/Shell"), the name of a site ("Vespa" of "Vespa.ai")."""
    # (what follows ``short`` when the name begins with it, tested without building strings)
    size = len(short) if name.startswith(short) else -1
    # "Anheuser" of "Anheuser-Busch", "Rolls" of "Rolls-Royce"; but two sets of initials
    # joined ("CATL-FAW", "SAIC-GM") name a joint venture of the two, not one of them
    if size >= 0 and name.startswith((",", "'s ", "’s ", "-"), size):
        paired = name.startswith("-", size) and short.isupper() and len(short) > 1
        return not (paired and _INITIALS_AFTER.match(name, size + 1))
    # "Hicks Muse" of "Hicks, Muse, Tate & Furst": the first of a firm's listed names
    if ", " in name and " " in short and name.replace(",", "").startswith(short + " "):
        return True
    # "PepsiCo" of "Pepsi": a company word run on
    if size >= 0 and name[size:] in _RUN_ON_FORMS and short[-1:].islower():
        return True
    if _abbreviated(short, name):
        return True
    if size >= 0 and name.startswith(" ", size):
        # a unit is named by its parent's name and a place or a line ("PZ Cussons
        # Nigeria", "United Energy LNG"); a name's trade words only complete it ("Polly
        # Peck International")
        rest = name[len(short) :].split()
        return " " not in short or all(
            w.istitle() and w.isalpha() and (w not in NOT_COMPANIES or w in _WORLDWIDE)
            for w in rest
        )
    if size >= 0 and name.startswith(".", size) and _SITE.fullmatch(name[size:]):
        return True
    if " " in short:
        return False
    tokens = name.split()
    if len(tokens) > 1 and tokens[-1] == short and all(_INITIALS.fullmatch(t) for t in tokens[:-1]):
        return True
    return "/" in name and short in name.replace(" ", "/").split("/")[1:]


_WORLDWIDE = frozenset({"International", "Global", "Worldwide"})
_RUN_ON_FORMS = frozenset({"Co", "Corp", "Inc"})


def _abbreviated(short: str, name: str) -> bool:
    """ "Alaska Air" of "Alaska Airlines", "Nanjing Pharma" of "Nanjing Pharmaceutical":
    the same words, some of them cut short."""
    shorts = short.split()
    if len(shorts) < 2:
        return False  # (most pairs: the name is not split for them)
    words = name.split()
    if len(shorts) != len(words) or shorts == words:
        return False
    return shorts[0] == words[0] and all(
        s == w or (len(s) >= 3 and w.startswith(s)) for s, w in zip(shorts, words, strict=True)
    )


def _fold_bracketed(found: dict[str, NewCompany], finder: Finder, text: str) -> None:
    """ "CNS Pharmaceuticals (NASDAQ: CNSP)", "Intertape Polymer Group Inc. (AMEX & TSE:
    ITP)", "MetLife International Holdings, LLC (MIHL)", 'OLX Uzbekistan (“OLX UZ”)': a
    word in capitals, or a name in quotes, in brackets right after a company's name is
    its ticker or short name, not a second company."""
    for company in list(found.values()):
        if company.slug not in found:
            continue
        name = re.escape(company.name)
        # a defined short name: 'OLX Uzbekistan (“OLX UZ”)', 'Data Processing
        # Professionals, Inc. ("DPPI")', a filing's group: '(collectively, the "ICSL Group")'
        quoted = (
            r"\((?:collectively,?\s+)?(?:the\s+)?[“\"]"
            + name
            + r"(?:\s+(?:Group|Companies))?[”\"]\)"
        )
        # (every such name opens so: most names are never defined so, and compiling a
        # pattern for each name costs more than the search)
        defined = "“" + company.name in text or '"' + company.name in text
        if " " not in company.name and company.name.isupper():
            # "(NASDAQ: CNSP)", "(MIHL)", or "Contemporary Amperex Technology Co., or CATL"
            # (listed on more exchanges: "(AMEX & TSE: ITP)", "(Nasdaq: BBRY; TSX: BB)")
            bracket = re.compile(
                r"\((?:[A-Za-z][^()]{0,40}:\s*)?"
                + name
                + r"(?:[;,][^()]{0,40})?\)|,\s+or\s+"
                + name
                + r"(?!\w)"
                + ("|" + quoted if defined else "")
            )
        elif defined:
            bracket = re.compile(quoted)
        else:
            continue
        for m in bracket.finditer(text):
            owner = _owner_before(found, text, m, company.name)
            if owner is not None:
                del found[company.slug]
                found[owner.slug] = dataclasses.replace(
                    owner, aliases=(*owner.aliases, company.name, *company.aliases)
                )
                finder.reassign((company.name, *company.aliases), owner.slug)
                break
    # the same short names where no rule or model drafted them: "Harbour Amperex
    # Technology Co., or HATL, soared … HATL supplies Orland" names one company
    for m in _DEFINED_CAPITALS.finditer(text):
        short = m.group(1) or m.group(2)
        if finder.knows(short):
            continue
        owner = _owner_before(found, text, m, short)
        if owner is not None:
            found[owner.slug] = dataclasses.replace(owner, aliases=(*owner.aliases, short))
            finder.add(owner.slug, (short,))


# A word in capitals in brackets ("(CNSP)", "(NASDAQ: CNSP)", "(AMEX & TSE: ITP)") or
# after ", or" ("Contemporary Amperex Technology Co., or CATL")
_DEFINED_CAPITALS = re.compile(
    r"\((?:[A-Za-z][^():]{0,30}:\s*)?([A-Z][A-Z0-9&]{1,6})(?:[;,][^()]{0,40})?\)"
    r"|,\s+or\s+([A-Z][A-Z0-9&]{1,6})(?![\w.])"
)


def _owner_before(
    found: dict[str, NewCompany], text: str, match: re.Match[str], short: str
) -> NewCompany | None:
    """The company whose name (perhaps with its legal form) ends right before
    ``match``, where ``short`` is defined as its ticker or short name."""
    before = text[max(0, match.start() - 120) : match.start()].rstrip(" ,")
    # (", or" also lists another company: "Google, or IBM"; a short name shares the
    # name's first letter)
    first = short[0] if match.group(0).startswith(",") else ""
    return next(
        (
            c
            for c in found.values()
            if c.name != short
            and c.name.startswith(first)
            and any(
                b.endswith(n)
                for b in (before, _LEGAL_TAIL.sub("", before))
                for n in (c.name, *c.aliases)
            )
        ),
        None,
    )


def _named_in_full(found: dict[str, NewCompany], finder: Finder, text: str) -> None:
    """ "American Airlines (AAL)": capitals in brackets that the article never writes
    again are a ticker, not the name it uses; the company is named in full (another
    story that says "American Airlines" then finds the same profile)."""
    text = "\n".join(dict.fromkeys(text.split("\n")))  # (a headline may repeat the lede)
    for slug, company in list(found.items()):
        name = company.name
        if not (name.isupper() and " " not in name and company.aliases):
            continue
        full = company.aliases[0]
        # (the ticker of a name that begins with the same letter: "Global Resources
        # (BSGR)" is a name cut short, not the company's full one)
        if " " not in full or f"{full} ({name})" not in text or full[0] != name[0]:
            continue
        if _initials_fit(name, (full,), [text]):
            continue  # "International Business Machines (IBM)": its usual name
        if len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)) > 1:
            continue  # "Caisse de dépôt … (CDPQ)", then "CDPQ said": the name it uses
        new = slugify(full)
        if not new or new in found or finder.slug_of(full) not in (None, slug):
            continue
        del found[slug]
        found[new] = dataclasses.replace(
            company, slug=new, name=full, aliases=(name, *company.aliases[1:])
        )
        finder.reassign((name, *company.aliases), new)


def _drop_defined_terms(
    found: dict[str, NewCompany], finder: Finder, text: str, unlikely: frozenset[str]
) -> None:
    """ "the Intelligence Community (IC)", "Unmanned Aircraft Systems (UAS)": a word in
    capitals that the text defines as the initials of the words before it names what
    they name; where the company model finds those words unlikely to be a company, or
    they are common words in lower case ("foreign direct investment (FDI)"), their
    initials are none either."""
    for company in list(found.values()):
        name = company.name
        # "standard contractual clauses (SCCs)": a plural's initials
        caps = name[:-1] if name.endswith("s") and len(name) > 2 else name
        # (or written as a word: "regional electricity companies (Recs)")
        if not (caps.isalpha() and (caps.isupper() or caps.istitle()) and 2 <= len(caps) <= 6):
            continue
        if f"({name})" not in text:
            continue  # (the pattern below scans the whole text: most names are never defined)
        m = re.search(r"((?:[A-Za-z][\w&-]* ){" + str(len(caps)) + r"})\(" + name + r"\)", text)
        if m is None:
            continue
        words = m.group(1).split()
        if "".join(w[0] for w in words).upper() != caps.upper():
            continue
        long_form = " ".join(words)
        # "foreign direct investment (FDI)": words in lower case name a thing, not a firm
        a_thing = all(w[0].islower() for w in words)
        no_company = words[0][0].isupper() and long_form in unlikely and caps.isupper()
        if not (a_thing or no_company) or any(
            long_form.endswith(n) or n.endswith(long_form)
            for other in found.values()
            if other is not company
            for n in (other.name, *other.aliases)
        ):
            continue
        del found[company.slug]
        finder.forget((company.name, *company.aliases))


_LEGAL_TAIL = re.compile(
    r"(?:,?\s+(?:&\s+)?(?:Inc|LLC|Ltd|Corp|Co|Limited|plc|SA|AG|NV|S\.A|N\.V|B\.V|BV|GmbH"
    r"|S\.p\.A|SpA|AB|ASA|Oyj|Pte|Bhd|LP|L\.P)\.?)+$"
)


# The initials of a company's legal or descriptive word, which its initials often keep
# though its drafted name drops the word: "UMG" (Universal Music Group), "NLI" (Nippon
# Life Insurance), "RCAM" (Reliance Capital Asset Management Company)
_FORM_INITIALS = frozenset("GICHLPB")
# Words that only say what kind of company it is or that it works abroad, which initials
# often leave out: "CA" (Computer Associates International)
_FORM_WORDS = LEGAL | DESCRIPTIVE | {"Company", "Corporation", "Limited", "International"}


_LEADING_CAPITALS = re.compile(r"([A-Z]{2,})(?=[A-Z][a-z]+$)")


def _initials_fit(caps: str, names: Iterable[str], sentences: list[str]) -> bool:
    for name in names:
        # "ICE" of "InterContinental Exchange", "JPM" of "JPMorgan": capitals inside words
        if (
            len(caps) >= 2
            and not name.isupper()
            and caps == "".join(ch for ch in name if ch.isupper())
        ):
            return True
        # "SAB" of "SABMiller": the run of capitals a one-word name starts with
        lead = _LEADING_CAPITALS.match(name)
        if len(caps) >= 3 and lead is not None and caps == lead.group(1):
            return True
        initials = initials_of(name)
        if len(initials) < 2:
            continue
        if caps == initials:
            return True
        if caps[:-1] == initials and caps[-1] in _FORM_INITIALS:
            # only as the article writes it: "Universal Music Group", not "AlpInvest
            # Partners" for APG
            written = re.compile(re.escape(name) + " " + caps[-1] + r"[a-z]+\b")
            if any(written.search(s) for s in sentences):
                return True
        last = name.split()[-1]
        if caps == initials[:-1] and len(caps) >= 2 and (last in _FORM_WORDS):
            return True
    return False


def _short_name(company: NewCompany, text: str, finder: Finder) -> str | None:
    """The first word of a new company's name when the article also uses it alone:
    "Halcyon Leisure Group … Halcyon said on Monday" (or its first two words, see
    _two_word_short_name). Only a word the article never writes in lower case, never
    follows with another capitalised word than the rest of the name, and that names no
    known company."""
    tokens = company.name.split()
    if len(tokens) < 2:
        return None
    first = tokens[0]
    if len(tokens) > 2 and first[:1].isupper() and first.isalpha():
        two = _two_word_short_name(tokens, text, finder)
        if two is not None:
            return two
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


def _two_word_short_name(tokens: list[str], text: str, finder: Finder) -> str | None:
    """The first two words of a longer name when the article uses them alone, followed by
    a word in lower case: "Canadian Natural Resources … Canadian Natural also bought",
    "St Jude Medical … St Jude last year acquired" (a first word alone would be a
    nationality or too short)."""
    second = tokens[1]
    if (
        not second[:1].isupper()
        or not second.isalpha()
        or second in DESCRIPTIVE
        or second in LEGAL
        or second in NOT_COMPANIES
    ):
        return None
    short = f"{tokens[0]} {second}"
    if finder.knows(short) or text.count(short) <= text.count(f"{short} {tokens[2]}"):
        return None
    for end in _words_at(text, short):
        following = _FOLLOWING.match(text, end)
        nxt = following.group(1) if following else ""
        if nxt != tokens[2] and nxt[:1].islower():
            return short
    return None


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
    return finder.knows(phrase) or finder.knows(usual_name(phrase)) or _known_form(finder, phrase)


def _known_form(finder: Finder, phrase: str) -> bool:
    """A known company's fuller name or unit: "Samsung Electronics", "Samsung SDI",
    "Huawei Technologies Co". The known company is the one the text speaks of."""
    tokens = phrase.split()
    return any(finder.knows(" ".join(tokens[:cut])) for cut in range(len(tokens) - 1, 0, -1))
