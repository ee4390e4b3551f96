"""How likely a capitalised phrase names a company: a logistic model over what the
rules see (clues.py's evidence, the name's own form) and the words around each mention.

The rules alone find a company only where one of them holds; on the annotated real news
about one acting company in five is drafted by no rule ("Alipay and Uber …", "nib
said"), and about one rule-drafted phrase in six is no company. The model weighs all
of it together, per phrase over the whole article. Its weights are learned from the
annotated real news of benchmarks/realnews (benchmarks/train_company_model.py writes
data/company_model.json); only the weights ship, and scoring is a sum of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..slugs import slugify
from .clues import CONFIDENCE, NOT_A_COMPANY, OPENING_MARKS, judge, public_initials
from .lexicon import DESCRIPTIVE, LEADING_LEGAL, LEGAL, NOT_COMPANIES
from .logistic import Weights
from .names import (
    USUAL_NAME_SHARE,
    first_names,
    fold,
    is_person,
    pieces,
    surnames,
    titled_surnames,
    trim,
    usual_name,
)
from .register import registrants
from .text import Caseless, lowered, without_urls

# What is not part of a neighbouring word: quotes, brackets, punctuation, a possessive.
_EDGE = "\"“”‘’'()[]{}<>,;:!?*|/—–-."


def _words(tokens: list[str]) -> list[str]:
    """The words among a few tokens, without the punctuation around them."""
    out = []
    for token in tokens:
        word = token.rstrip(_EDGE).removesuffix("’s").removesuffix("'s").strip(_EDGE)
        if word:
            out.append(word)
    return out


_PRONOUN = re.compile(r"\b(he|she|his|her|him|himself|herself|it|its|itself)\b")
_SUBJECT = re.compile(r"^\s+(?:has|have|had|is|was|will|would|said|says|announced|agreed|plans)\b")
_WEB = re.compile(r"\.(?:com|ai|io|net|org)\b", re.I)


def _title_case(sentence: str) -> bool:
    """Most words capitalised: a headline, a menu, a list of names."""
    firsts = [w[0] for w in sentence.split() if w[0].isalpha()]  # (split gives no empty word)
    return bool(firsts) and sum(map(str.isupper, firsts)) > 0.6 * len(firsts)


def _context_word(word: str) -> str:
    """A neighbour as a feature: a lower-case word itself, else its shape."""
    if word[:1].islower():
        return word.lower()
    if word[:1].isdigit():
        return "#num"
    return "#Cap"


def _titled_person(phrase: str, titled: frozenset[str]) -> bool:
    """Whether the phrase could be a person the article also calls "Mr Musk": two or
    three capitalised words, none a company's word, the last one written after "Mr"."""
    tokens = phrase.split()
    return (
        2 <= len(tokens) <= 3
        and tokens[-1] in titled
        and all(t[:1].isupper() and not t.isupper() for t in tokens)
        and not any(t in DESCRIPTIVE or t in LEGAL or t in NOT_COMPANIES for t in tokens)
    )


def phrase_features(phrase: str, people: frozenset[str], lower: frozenset[str]) -> set[str]:
    """What a phrase's own form shows: its legal form, its shape, a given name, a word
    the article also writes in lower case."""
    tokens = phrase.split()
    out = {f"ntok={min(len(tokens), 4)}"}
    last, first = tokens[-1], tokens[0]
    if last in LEGAL:
        out.add("last=legal")
    elif last in DESCRIPTIVE:
        out.add(f"last={last}")
    elif len(tokens) > 1:
        out.add(f"lastword={last.lower()}")
    if first in LEADING_LEGAL:
        out.add("first=legal")
    if first in NOT_COMPANIES:
        out.add("first=notco")
    if any(t in NOT_COMPANIES for t in tokens):
        out.add("has=notco")
    if phrase.isupper() and len(phrase) > 1:
        out.add("shape=caps")
    if any(map(str.isdigit, phrase)):
        out.add("shape=digit")
    if any(any(map(str.isupper, t[1:])) for t in tokens) and not phrase.isupper():
        out.add("shape=camel")
    if "." in phrase and _WEB.search(phrase):
        out.add("shape=web")
    if is_person(tokens):
        out.add("person")
    if len(tokens) == 1 and first in first_names(USUAL_NAME_SHARE):
        out.add("firstname")
    # (or the family: "the Obamas" where the article names Barack Obama)
    if len(tokens) == 1 and (first in people or (first.endswith("s") and first[:-1] in people)):
        out.add("surname")
    if fold(phrase) in registrants():
        out.add("registrant")
    if len(tokens) == 1 and first.lower() in lower and not first.isupper():
        out.add("lowerword")
    return out


def mention_features(sentence: str, start: int, end: int, rule: str | None) -> set[str]:
    """What one mention (``sentence[start:end]``) shows: the rule that holds there, and
    the words around it."""
    out = {f"rule={rule}"} if rule else set()
    before, after = sentence[max(0, start - 60) : start], sentence[end : end + 60]
    opens = not before.strip(' "“‘(*-')
    if opens:
        out.add("opens")
    words = _words(before.rsplit(None, 3)[-3:])  # (the last three words, split no further)
    if words:
        out.add(f"p1={_context_word(words[-1])}")
        if len(words) > 1:
            out.add(f"p2={_context_word(words[-2])}")
    words = _words(after.split(None, 3)[:3])
    if words:
        out.add(f"n1={_context_word(words[0])}")
        if len(words) > 1:
            out.add(f"n2={_context_word(words[1])}")
    for pronoun in _PRONOUN.findall(sentence, end, end + 80):
        out.add("it_after" if pronoun.startswith("it") else "he_after")
    if opens and _SUBJECT.match(after):
        out.add("subject")
    deal = _deal_word_at(sentence)
    if deal >= 0:
        out.add("deal_before" if deal < start else "deal_after")
    mark = after[:1]
    if mark in "(,:'’-":
        out.add(f"after={mark}")
    mark = before.rstrip()[-1:]
    if mark in '(,:"“':
        out.add(f"before={mark}")
    return out


# A deal's words anywhere in the sentence: its parties are companies more often
_DEAL_WORD = Caseless(
    r"\b(?:acqui\w+|buy\w*|bought|merg\w+|invest\w*|stake|partner\w*|takeover|deal|"
    r"agreement|licen[cs]\w*|joint venture|sold|sell\w*)\b"
)


@lru_cache(maxsize=64)  # the sentence's phrases ask in turn
def _deal_word_at(sentence: str) -> int:
    found = _DEAL_WORD.search(sentence, lowered(sentence))
    return found.start() if found else -1


def lower_words(sentences: list[str]) -> frozenset[str]:
    """The words an article writes in lower case: "internet", "cloud", "services" (not
    in an address: "apple.com/newsroom" does not make Apple a word)."""
    # (each token stripped once, however often the article writes it)
    tokens = {t for s in sentences if not _tag_line(s) for t in s.split() if t[:1].islower()}
    words = {t.strip(_EDGE) for t in tokens}
    return frozenset(w for w in words if w.replace("-", "").isalpha())


# a page's keywords in lower case ("shares aims singapore sia rights temasek airline"):
# tags, where a name is written as a word without being one
_CAPITAL = re.compile(r"[A-Z]")
_FUNCTION_WORD = re.compile(r"\b(?:the|a|an|of|to|and|in|is|was|it|that|for|on|with|said)\b")


def _tag_line(sentence: str) -> bool:
    """Six words or more, none capitalised and none a function word: keywords."""
    return (
        not _CAPITAL.search(sentence)
        and len(sentence.split()) >= 6
        and not _FUNCTION_WORD.search(sentence)
    )


def article_features(candidate: Candidate) -> list[str]:
    """A phrase's features over the article: what any mention showed, and how often it
    is named."""
    count = candidate.mentions
    bucket = "1" if count == 1 else "2" if count == 2 else "3-5" if count <= 5 else "6+"
    # no rule held at any mention (a rule that holds at one mention is enough)
    ruled = any(f.startswith("rule=") for f in candidate.features)
    return [*sorted(candidate.features), f"count={bucket}", *(() if ruled else ("rule=none",))]


_WEIGHTS = Weights(Path(__file__).parent / "data" / "company_model.json")


def probability(features: Iterable[str]) -> float:
    """The model's probability that a phrase with these features names a company."""
    return _WEIGHTS.probability(features)


def threshold() -> float:
    """The least probability at which a phrase is drafted as a company."""
    return _WEIGHTS.threshold


# The evidence recorded for a company the model found where no rule holds.
RULE = "company model"


@dataclass
class Candidate:
    """A phrase that may name a company, and the mention that shows it best: the one
    with the surest rule, else the first."""

    phrase: str
    sentence: str
    end: int
    rule: str | None
    features: set[str] = field(default_factory=set)  # what any of its mentions showed
    mentions: int = 0


# Evidence from the words around a name, which a one-word name that the article also
# writes in lower case does not get: the word is used as a word.
_CONTEXT_RULES = frozenset({"SEC registrant", "business context"})


_LIST_AFTER = re.compile(r"\s*(?:,|and\b|&|or\b)")
_LIST_BEFORE = re.compile(r"(?:,|\band|&|\bor)\s*$")
_LISTED = re.compile(r"\s*(?:,|and|&|or|,\s*and|,\s*or)\s*")


def candidates(
    sentences: list[str],
    title: str,
    outlet: str | None,
    known: Callable[[str], bool],
) -> dict[str, Candidate]:
    """Every capitalised phrase of the article that no known company names, keyed by
    its slug, with its features."""
    people = surnames(sentences)
    titled = titled_surnames(sentences)
    lower = lower_words(sentences)
    bodies = public_initials(sentences)
    found: dict[str, Candidate] = {}
    trimmed: dict[tuple[str, bool], tuple[int, str]] = {}
    written: set[str] = set()  # every phrase, even those ruled out
    own: dict[str, tuple[bool, str]] = {}  # per phrase: a known company's? its key
    forms: dict[str, set[str]] = {}  # per phrase: phrase_features
    for index, sentence in enumerate(sentences):
        line: set[str] | None = None  # what the sentence shows, once it has a phrase
        # the phrase before, in a list with this one ("Google and Facebook"): where it
        # ends, its candidate (None when known) and whether it is surely a company
        before: tuple[int, Candidate | None, bool] | None = None
        first = len(sentence) - len(sentence.lstrip(OPENING_MARKS))  # where words begin
        for at, text in pieces(without_urls(sentence)):
            opens = at <= first
            if (text, opens) not in trimmed:
                trimmed[text, opens] = trim(0, text, opens)
            skip, phrase = trimmed[text, opens]
            if not phrase:
                continue
            written.add(phrase)
            start = at + skip
            end = start + len(phrase)
            listed = before is not None and _LISTED.fullmatch(sentence, before[0], start)
            if phrase not in own:
                is_known = known(phrase)
                own[phrase] = (is_known, "" if is_known else slugify(usual_name(phrase)))
            is_known, key = own[phrase]
            if is_known:
                if listed and before is not None and before[1] is not None:
                    before[1].features.add("listed_with_company")
                before = (end, None, True)
                continue
            rule = (
                judge(sentence, start, end, phrase, outlet, people)
                if key and phrase not in bodies
                else NOT_A_COMPANY
            )
            if rule == NOT_A_COMPANY:
                before = None
                continue  # here a number, a person, a place, a product …
            if phrase not in forms:
                forms[phrase] = phrase_features(phrase, people, lower)
            form = forms[phrase]
            if rule in _CONTEXT_RULES and "lowerword" in form:
                rule = None  # "Coffee" in a coffee chain's story, "Carmakers agreed"
            if line is None:
                line = {"title"} if sentence == title else {"lede"} if index < 3 else set()
                if _title_case(sentence):
                    line.add("titlecase_line")
            feats = mention_features(sentence, start, end, rule) | form | line
            if _LIST_AFTER.match(sentence, end) or _LIST_BEFORE.search(
                sentence, max(0, start - 8), start
            ):
                feats.add("listed")
            held = found.get(key)
            if held is None:
                held = found[key] = Candidate(phrase, sentence, end, rule)
            elif rule and (held.rule is None or CONFIDENCE[rule] > CONFIDENCE[held.rule]):
                held.phrase, held.sentence, held.end, held.rule = phrase, sentence, end, rule
            if listed and before is not None:
                if before[2]:
                    feats.add("listed_with_company")
                if rule and before[1] is not None:
                    before[1].features.add("listed_with_company")
            held.features |= feats
            held.mentions += 1
            before = (end, held, bool(rule))
    _name_parts(found, written)
    # "Elon Musk" where the article goes on with "Mr Musk" is a person; a company named
    # after its founder is written whole again and again ("Axel Springer" beside "Ms
    # Springer", the founder's widow)
    for key, candidate in list(found.items()):
        if candidate.mentions < _NAMED_LIKE_A_COMPANY and _titled_person(candidate.phrase, titled):
            del found[key]
    return found


_NAMED_LIKE_A_COMPANY = 6  # mentions of the whole name, in a story about a person's firm


def _name_parts(found: dict[str, Candidate], written: set[str]) -> None:
    """How a phrase's words are used alone elsewhere in the article: a person's family
    name is ("Satya Nadella … Nadella agreed"), a company's first word may be ("Halcyon
    Leisure Group … Halcyon said"), its last word seldom is."""
    firsts = {p.split(" ", 1)[0] for p in written if " " in p}
    lasts = {p.rsplit(" ", 1)[1] for p in written if " " in p}
    # the rules' evidence for one form counts for the other: "Sun will pay" for "Sun
    # Microsystems", "Halcyon Leisure Group Ltd" for "Halcyon"
    ruled = {c.phrase for c in found.values() if c.rule}
    ruled_firsts = {p.split(" ", 1)[0] for p in ruled if " " in p}
    for candidate in found.values():
        tokens = candidate.phrase.split()
        features = candidate.features
        if len(tokens) == 1:
            if tokens[0] in lasts:
                features.add("last_word_of_another")
            if tokens[0] in firsts:
                features.add("first_word_of_another")
            if tokens[0] in ruled_firsts:
                features.add("first_word_of_ruled")
            continue
        if tokens[-1] in written:
            features.add("last_word_alone")
        if tokens[0] in written:
            features.add("first_word_alone")
        if tokens[0] in ruled:
            features.add("first_word_ruled")
