"""Front matter and body of each draft: article, company, deal (and a source added
to an existing draft deal). Quotes are checked against the seed as the loader will
check them, so a draft always passes ``build.py check``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..placeholders import DESCRIBE, NOTE
from .draft import DRAFT, Draft, md_escape
from .types import NewCompany

if TYPE_CHECKING:
    from .link import DraftDeal
    from .outcome import SeedOutcome
    from .state import Existing

# How an article's text says it also reports a reviewed deal (review reject finds it so).
MENTION_START = "Also reports the reviewed deal `{deal}`"

_KIND_LABEL = {
    "partnership": "partnership",
    "mou": "memorandum of understanding",
    "investment": "investment",
    "acquisition": "acquisition",
    "merger": "merger",
    "licensing": "licensing deal",
    "joint-venture": "joint venture",
}


def render_article(
    outcome: SeedOutcome,
    deals: list[str],
    reviewed: list[tuple[str, str]],
    rejected: list[dict[str, Any]] | None = None,
) -> Draft:
    """``rejected``: the article's record of rejected drafts (review reject), kept as is."""
    meta = outcome.meta
    data: dict[str, Any] = {"title": meta.title, "seed": outcome.seed, "seed_sha256": outcome.sha}
    for key in ("url", "outlet", "author"):
        if getattr(meta, key):
            data[key] = getattr(meta, key)
    if meta.published:
        data["published"] = meta.published.iso()
    data["language"] = meta.language
    data["companies"] = list(outcome.companies)
    data["deals"] = deals
    if outcome.topics:
        data["topics"] = list(outcome.topics)
    if outcome.key_points:
        data["key_points"] = list(outcome.key_points)
    if rejected:
        data["rejected"] = rejected
    data["review"] = dict(DRAFT)
    body = [" ".join(md_escape(s) for s in outcome.summary) or "(No summary could be drafted.)"]
    for slug, quote in reviewed:
        body.append(
            f"{MENTION_START.format(deal=slug)} (“{md_escape(quote)}”): add this "
            "article to that deal's sources and to `deals:` when reviewing."
        )
    body.append(NOTE.format(seed=outcome.seed))
    return Draft(data, "\n\n".join(body))


def render_company(
    company: NewCompany,
    sightings: list[tuple[str, str, str]],
    facts: dict[str, Any] | None = None,
    about: str | None = None,
    why: dict[str, Any] | None = None,
) -> Draft:
    """A company profile from every article that found it: (title, evidence, seed),
    in article order; the first gave the name and aliases. ``facts`` and ``about`` are
    what the articles say of it (factsheet.py); without them the body asks for a
    description. ``why``: the evidence block that says why it was drafted
    (ingest/evidence.py)."""
    data: dict[str, Any] = {"name": company.name}
    if company.aliases:
        data["aliases"] = list(company.aliases)
    if facts:
        data["facts"] = facts
    data["review"] = dict(DRAFT)
    if why:
        data["evidence"] = why
    seeds = list(dict.fromkeys(seed for _, _, seed in sightings))
    note = NOTE.format(seed="`, `".join(seeds))
    if about:
        return Draft(data, f"{about}\n\n{note}")
    found = [f"“{md_escape(title)}”: “{md_escape(evidence)}”" for title, evidence, _ in sightings]
    body = (
        f"{md_escape(company.name)} was found in {found[0]}"
        + "".join(f" Also in {more}" for more in found[1:])
        + f" {DESCRIBE}\n\n"
        + note
    )
    return Draft(data, body)


def render_deal(deal: DraftDeal, names: dict[str, str], why: dict[str, Any] | None = None) -> Draft:
    f = deal.finding
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
    data["sources"] = [{"article": article, "quote": quote} for article, quote in deal.sources]
    data["review"] = dict(DRAFT)
    if why:
        data["evidence"] = why
    background = (
        " The article recalls it as background; it is not the article's news."
        if f.background
        else ""
    )
    body = f"“{md_escape(f.quote)}”{background}\n\n" + NOTE.format(seed=deal.seed)
    return Draft(data, body)


def with_sources(existing: Existing, sources: list[dict[str, Any]]) -> Draft:
    """A draft deal ingest does not own, with only its sources replaced."""
    assert existing.doc is not None  # only well-formed drafts are matched
    data = dict(existing.doc.data)
    data["sources"] = sources
    return Draft(data, existing.doc.body)
