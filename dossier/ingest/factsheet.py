"""A draft profile's facts from every article that states them, and the paragraph
that tells them.

Each article (in slug order) gives its first statement of each fact. One value, or
several that fold alike, is written as ``{value, source, quote}`` from the first
article; values of a checkable fact (headquarters, founded, parent) that differ are
written as ``claims`` (one per article), which the loader shows as "Sources disagree"
until a reviewer resolves them (claims.py). A description or a sector is words, and
two articles' words nearly always differ without disagreeing: the first article's
stands. Slug order, never seed order, so the drafts stay a function of the seeds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..dates import parse_partial_date
from ..slugs import fold
from .draft import md_escape
from .profile import FIELDS, Cited


@dataclass(frozen=True)
class Statement:
    article: str  # slug
    value: str
    quote: str


@dataclass
class Sheet:
    """What the articles say of one company: statements per fact, in article order."""

    facts: dict[str, list[Statement]] = field(default_factory=dict)

    def add(self, article: str, fact: Cited, value: str) -> None:
        said = self.facts.setdefault(fact.field, [])
        if all(s.article != article for s in said):  # an article's first word on it
            said.append(Statement(article, value, fact.quote))


def gather(
    articles: Iterable[tuple[str, Iterable[Cited]]], remap: dict[str, str]
) -> dict[str, Sheet]:
    """Company slug → its sheet, from (article slug, facts) in article slug order;
    ``remap`` names the companies (and parents) that are another profile."""
    sheets: dict[str, Sheet] = {}
    for article, facts in articles:
        for fact in facts:
            if fact.field not in FIELDS:
                continue  # aliases go with the name (consolidate.py)
            slug = remap.get(fact.slug, fact.slug)
            value = remap.get(fact.value, fact.value) if fact.field == "parent" else fact.value
            if fact.field == "parent" and value == slug:
                continue
            sheets.setdefault(slug, Sheet()).add(article, fact, value)
    return sheets


def front_matter(sheet: Sheet) -> dict[str, Any]:
    """The ``facts:`` mapping, in schema order."""
    out: dict[str, Any] = {}
    for name in FIELDS:
        said = sheet.facts.get(name)
        if not said:
            continue
        if _agree(said) or name not in _CHECKABLE:
            first = said[0]
            out[name] = {"value": first.value, "source": first.article, "quote": first.quote}
        else:
            out[name] = {
                "claims": [{"value": s.value, "source": s.article, "quote": s.quote} for s in said]
            }
    return out


_CHECKABLE = frozenset({"headquarters", "founded", "parent"})


def about(name: str, sheet: Sheet, titles: dict[str, str], names: dict[str, str]) -> str | None:
    """One paragraph of what the sources say, each statement with its article's title;
    None when they say nothing. Statements from the same articles share one sentence
    ("X is based in Oslo and was founded in 2014, according to “…”")."""
    sentences: list[str] = []
    clauses: list[tuple[str, list[Statement]]] = []  # (what is said, by whom)

    def close() -> None:
        for what, said in _runs(clauses):
            subject = "It" if sentences else md_escape(name)
            sentences.append(f"{subject} {what}{_per(said, titles) if said else '.'}")
        clauses.clear()

    described = sheet.facts.get("description", [])
    if described and _agree(described):
        clauses.append((f"is {md_escape(described[0].value)}", described))
    elif described:
        sentences.append(_described_differently(name, described, titles))
    told = " ".join(fold(s.value) for s in described)
    for key in ("headquarters", "founded", "parent", "sector"):
        said = sheet.facts.get(key, [])
        if not said or (key == "sector" and described):
            continue  # the sector is words of the description
        shown = [_shown(key, s.value, names) for s in said]
        if all(fold(v) in told for v in shown):
            continue  # "a Munich-based maker …" already says where it is based
        if _agree(said):
            clauses.append((_PHRASES[key].format(value=md_escape(shown[0])), said))
        elif key in _CHECKABLE:
            close()
            what = "; ".join(
                f"{md_escape(v)} ({_titles([s], titles)})" for v, s in zip(shown, said, strict=True)
            )
            sentences.append(_DISAGREE[key].format(name=md_escape(name), what=what))
        else:  # a sector in other words is no disagreement: each as its article says it
            each = " and as ".join(
                f"“{md_escape(v)}” ({_titles([s], titles)})"
                for v, s in zip(shown, said, strict=True)
            )
            clauses.append((f"is described as {each}", []))
    close()
    return " ".join(sentences) or None


def _runs(clauses: list[tuple[str, list[Statement]]]) -> list[tuple[str, list[Statement]]]:
    """Neighbouring clauses said by the same articles, joined by "and" where that
    reads as one sentence (not after a description that has an "and" of its own)."""
    out: list[tuple[str, list[Statement]]] = []
    for what, said in clauses:
        last = out[-1][0] if out else ""
        if (
            out
            and said
            and _articles(out[-1][1]) == _articles(said)
            and " and " not in last
            and len(last) + len(what) <= 120
        ):
            out[-1] = (f"{out[-1][0]} and {what}", out[-1][1])
        else:
            out.append((what, said))
    return out


def _articles(said: list[Statement]) -> list[str]:
    return [s.article for s in said]


_PHRASES = {
    "headquarters": "is based in {value}",
    "founded": "was founded in {value}",
    "parent": "belongs to {value}",
    "sector": "is described as “{value}”",
}
_DISAGREE = {
    "headquarters": "Sources disagree on where {name} is based: {what}.",
    "founded": "Sources disagree on when {name} was founded: {what}.",
    "parent": "Sources disagree on who owns {name}: {what}.",
}


def _described_differently(name: str, said: list[Statement], titles: dict[str, str]) -> str:
    groups: dict[str, list[Statement]] = {}
    for s in said:
        groups.setdefault(fold(s.value), []).append(s)
    each = "; ".join(
        f"{_titles(g, titles)} calls it {md_escape(g[0].value)}" for g in groups.values()
    )
    return f"The sources describe {md_escape(name)} differently: {each}."


def _shown(key: str, value: str, names: dict[str, str]) -> str:
    """A value as the paragraph writes it: a date in words, a parent by its name."""
    if key == "founded":
        try:
            return parse_partial_date(value).human()
        except ValueError:
            return value
    if key == "parent":
        return names.get(value, value)
    return value


def _per(said: list[Statement], titles: dict[str, str]) -> str:
    return f", according to {_titles(said, titles)}."


def _titles(said: list[Statement], titles: dict[str, str]) -> str:
    return " and ".join(f"“{md_escape(titles.get(s.article, s.article))}”" for s in said)


def _agree(said: list[Statement]) -> bool:
    return len({fold(s.value) for s in said}) == 1
