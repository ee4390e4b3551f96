"""Front matter and body of each draft: article, company, deal (and a source added
to an existing draft deal). Quotes are checked against the seed as the loader will
check them, so a draft always passes ``build.py check``.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from .draft import DRAFT, document, md_escape
from .text import collapse
from .types import NewCompany, RawArticle

if TYPE_CHECKING:
    from .analyse import Analysis
    from .link import NewDeal
    from .state import Existing

_KIND_LABEL = {
    "partnership": "partnership",
    "mou": "memorandum of understanding",
    "investment": "investment",
    "acquisition": "acquisition",
    "merger": "merger",
    "licensing": "licensing deal",
    "joint-venture": "joint venture",
}
_NOTE = "*Drafted by ingest from `{seed}`; check it against the seed, then mark it reviewed.*"


def quotable(sentence: str, raw: RawArticle) -> str | None:
    """The sentence as it occurs in the seed, or its longest part that does (HTML)."""
    text = collapse(sentence)
    if text in raw.quotable:
        return text
    match = SequenceMatcher(None, raw.quotable, text, autojunk=False).find_longest_match(
        0, len(raw.quotable), 0, len(text)
    )
    part = text[match.b : match.b + match.size].strip()
    return part if len(part) >= 30 and part in raw.quotable else None


def render_article(
    analysis: Analysis, sha: str, deals: list[str], reviewed: list[tuple[str, str]]
) -> str:
    meta = analysis.meta
    data: dict[str, Any] = {"title": meta.title, "seed": analysis.raw.path, "seed_sha256": sha}
    for key in ("url", "outlet", "author"):
        if getattr(meta, key):
            data[key] = getattr(meta, key)
    if meta.published:
        data["published"] = meta.published.iso()
    data["language"] = meta.language
    data["companies"] = list(analysis.companies)
    data["deals"] = deals
    if analysis.topics:
        data["topics"] = list(analysis.topics)
    if analysis.key_points:
        data["key_points"] = list(analysis.key_points)
    data["review"] = dict(DRAFT)
    body = [" ".join(md_escape(s) for s in analysis.summary) or "(No summary could be drafted.)"]
    for slug, quote in reviewed:
        body.append(
            f"Also reports the reviewed deal `{slug}` (“{md_escape(quote)}”): add this "
            "article to that deal's sources and to `deals:` when reviewing."
        )
    body.append(_NOTE.format(seed=analysis.raw.path))
    return document(data, "\n\n".join(body))


def render_company(company: NewCompany, analysis: Analysis) -> str:
    data: dict[str, Any] = {"name": company.name}
    if company.aliases:
        data["aliases"] = list(company.aliases)
    data["review"] = dict(DRAFT)
    body = (
        f"{md_escape(company.name)} was found in “{md_escape(analysis.meta.title)}”: "
        f"“{md_escape(company.evidence)}” Write a one-paragraph description.\n\n"
        + _NOTE.format(seed=analysis.raw.path)
    )
    return document(data, body)


def render_deal(
    deal: NewDeal, article: str, analysis: Analysis, names: dict[str, str]
) -> str | None:
    f = deal.finding
    quote = quotable(f.quote, analysis.raw)
    if quote is None:
        return None
    who = "–".join(names.get(slug, slug) for slug, _ in f.parties[:3])
    when = f" ({f.announced.year})" if f.announced else ""
    data: dict[str, Any] = {
        "title": f"{who} {_KIND_LABEL[f.kind]}{when}",
        "kind": f.kind,
        "status": f.status,
        "parties": [{"company": slug, "role": role} for slug, role in f.parties],
    }
    if f.announced:
        data["announced"] = f.announced.iso()
    if f.value:
        amount, currency = f.value
        data["value"] = {
            "amount": int(amount) if amount.is_integer() else amount,
            "currency": currency,
        }
    if f.areas:
        data["areas"] = list(f.areas)
    data["sources"] = [{"article": article, "quote": quote}]
    data["review"] = dict(DRAFT)
    background = (
        " The article recalls it as background; it is not the article's news."
        if f.background
        else ""
    )
    body = f"“{md_escape(f.quote)}”{background}\n\n" + _NOTE.format(seed=analysis.raw.path)
    return document(data, body)


def add_source(existing: Existing, article: str, quote: str) -> str:
    assert existing.doc is not None  # only well-formed drafts are matched
    data = dict(existing.doc.data)
    data["sources"] = [*data.get("sources", []), {"article": article, "quote": quote}]
    return document(data, existing.doc.body)
