"""Which briefings are ingest's to rewrite or remove, and which are its inputs.

Ingest's drafts are a function of the seeds and of every briefing it does not own, so
the order and batches in which seeds arrive cannot change them. A briefing is ingest's
while it is a draft that still ends with ingest's note (a reviewer who deletes the note
keeps the file as written) and nothing ingest does not own depends on it:

- an article: its seed is still there (a removed seed's article is kept, see run.py);
- a deal: every source cites an article ingest owns or will draft;
- a company: no article or deal ingest does not own names it.

Everything else is an input: its companies are known to every seed's analysis, its
deals are matched by every seed's findings, and ingest never writes it (except the
sources of a draft deal it does not own, see consolidate.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .state import Existing, State
from .types import KnownCompany

NOTE_MARK = "*Drafted by ingest from `"


@dataclass
class Ownership:
    articles: set[str] = field(default_factory=set)
    companies: set[str] = field(default_factory=set)
    deals: set[str] = field(default_factory=set)

    def known_companies(self, state: State) -> list[KnownCompany]:
        """The companies every seed is analysed with: all but ingest's own drafts."""
        return [c for c in state.known_companies() if c.slug not in self.companies]


def ownership(state: State, present_seeds: set[str]) -> Ownership:
    own = Ownership()
    for slug, article in state.articles.items():
        if _ingests(article) and article.data.get("seed") in present_seeds:
            own.articles.add(slug)
    named: set[str] = set()  # companies that something ingest does not own refers to
    for slug, article in state.articles.items():
        if slug not in own.articles:
            named.update(_strings(article.data.get("companies")))
    for slug, deal in state.deals.items():
        cited = {s.get("article") for s in _dicts(deal.data.get("sources"))}
        if _ingests(deal) and not any(a in state.articles and a not in own.articles for a in cited):
            own.deals.add(slug)
        else:
            named.update(str(p.get("company")) for p in _dicts(deal.data.get("parties")))
    for slug, company in state.companies.items():
        if _ingests(company) and slug not in named:
            own.companies.add(slug)
    return own


def _ingests(existing: Existing) -> bool:
    return existing.is_draft and existing.doc is not None and NOTE_MARK in existing.doc.body


def _dicts(value: object) -> list[dict[str, object]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
