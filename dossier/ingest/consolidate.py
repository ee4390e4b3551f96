"""Every draft ingest owns, built at once from all seed outcomes.

A function of the outcomes (as a set: they are sorted here) and of the briefings
ingest does not own, so no order or batching of the seeds can change a byte of it:
article slugs are numbered in seed order within a clash, companies are profiled from
every article that found them, deals are founded by the first article by slug and
list their sources in slug order (link.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..slugs import fold
from . import rejected
from .companymodel import RULE
from .draft import Draft
from .evidence import company_evidence, deal_evidence
from .factsheet import about, front_matter, gather
from .link import link
from .outcome import SeedOutcome
from .own import Ownership
from .render import render_article, render_company, render_deal, with_sources
from .state import Existing, State
from .types import NewCompany


@dataclass
class Plan:
    files: dict[str, Draft] = field(default_factory=dict)  # briefings/… path → its draft
    emptied: list[str] = field(default_factory=list)  # draft deals left with no source
    slugs: dict[str, str] = field(default_factory=dict)  # seed → its article's slug


def consolidate(state: State, own: Ownership, outcomes: list[SeedOutcome]) -> Plan:
    plan = Plan()
    rejections = rejected.by_seed(state)

    def honoured(outcome: SeedOutcome) -> SeedOutcome:
        rejection = rejections.get(outcome.seed)
        return rejected.honour(outcome, rejection) if rejection else outcome

    # what a reviewer rejected is gone before anything is built from the outcomes, a
    # doubted name another article confirms included (_confirmed reads the outcomes
    # without what was rejected; what it adds is honoured in turn)
    outcomes = [honoured(o) for o in _confirmed([honoured(o) for o in outcomes])]
    articles = _article_slugs(outcomes, set(state.articles) - own.articles)
    plan.slugs = {outcome.seed: slug for slug, outcome in articles}
    inputs = {slug: c for slug, c in state.companies.items() if slug not in own.companies}
    names = {slug: state.name_of(slug) for slug in inputs}
    profiles, remap = _companies(articles, inputs)
    names.update((slug, company.name) for slug, (company, _) in profiles.items())
    sheets = gather(((slug, outcome.facts) for slug, outcome in articles), remap)
    titles = {slug: outcome.meta.title for slug, outcome in articles}
    evidence = company_evidence(articles)
    for slug, (company, sightings) in profiles.items():
        sheet = sheets.get(slug)
        facts = front_matter(sheet) if sheet else {}
        text = about(company.name, sheet, titles, names) if sheet else None
        plan.files[f"briefings/companies/{slug}.md"] = render_company(
            company, sightings, facts, text, evidence.get(slug)
        )
    if remap:
        articles = [(slug, _remapped(outcome, remap)) for slug, outcome in articles]
    deals = {slug: d for slug, d in state.deals.items() if slug not in own.deals}
    linked = link(articles, deals)
    for slug, draft in linked.drafts.items():
        plan.files[f"briefings/deals/{slug}.md"] = render_deal(draft, names, deal_evidence(draft))
    _input_drafts(plan, deals, linked.added, set(state.articles) - own.articles)
    citing = _reviewed_citing(deals)
    for slug, outcome in articles:
        links = linked.articles[slug]
        # reviewed deals that already cite this article keep being listed by it
        listed = links.deals + [d for d in citing.get(slug, []) if d not in links.deals]
        article = render_article(outcome, listed, links.mentions, rejections.get(outcome.seed, []))
        plan.files[f"briefings/articles/{slug}.md"] = article
    return plan


_CONFIRMED = "company model; a company in another article"


def _confirmed(outcomes: list[SeedOutcome]) -> list[SeedOutcome]:
    """Each outcome with the phrases it doubted that another seed drafts as a company:
    a famous name said once ("Apple shares fell 3%") is a company in the next story.
    Taken from the outcomes as a set, so no order of the seeds changes it."""
    named: dict[str, dict[str, str]] = {}  # folded name → seed → the slug it has there
    for outcome in outcomes:
        for company in outcome.new_companies:
            for name in (company.name, *company.aliases):
                named.setdefault(fold(name), {})[outcome.seed] = company.slug
    out = []
    for outcome in outcomes:
        added: dict[str, NewCompany] = {}
        for company in outcome.doubtful:
            slugs = [
                s for seed, s in named.get(fold(company.name), {}).items() if seed != outcome.seed
            ]
            slug = min(slugs, default=None)  # the same slug from any seed order
            if slug is None or slug in added or _named(slug, outcome.companies):
                continue
            added[slug] = replace(company, slug=slug, rule=_CONFIRMED)
        if added:
            outcome = replace(
                outcome,
                companies=(*outcome.companies, *added),
                new_companies=(*outcome.new_companies, *added.values()),
            )
        out.append(outcome)
    return out


def _named(slug: str, companies: tuple[str, ...]) -> bool:
    """Whether the article already has the company, or one whose name this one is the
    first words of, or the reverse ("amazon" and "amazon-com" are one company)."""
    return any(s == slug or s.startswith(slug + "-") or slug.startswith(s + "-") for s in companies)


def _article_slugs(outcomes: list[SeedOutcome], taken: set[str]) -> list[tuple[str, SeedOutcome]]:
    """(slug, outcome) sorted by slug; seeds whose slugs clash numbered in seed order."""
    out = []
    for outcome in sorted(outcomes, key=lambda o: (o.base_slug(), o.seed)):
        base = outcome.base_slug()
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out.append((slug, outcome))
    return sorted(out, key=lambda pair: pair[0])


Sightings = list[tuple[str, str, str]]  # (article title, evidence, seed)


def _companies(
    articles: list[tuple[str, SeedOutcome]], inputs: dict[str, Existing]
) -> tuple[dict[str, tuple[NewCompany, Sightings]], dict[str, str]]:
    """New companies by slug, each with every article that found it; and the slugs to
    replace by another (a new company named as one found earlier under another slug)."""
    found: dict[str, tuple[NewCompany, Sightings]] = {}
    more: dict[str, list[str]] = {}  # tickers and native-script names, in article order
    short: dict[str, set[str]] = {}  # every alias an article found, short names included
    guessed: set[str] = set()  # slugs only the company model drafted, in every article
    ruled: set[str] = set()
    for _, outcome in articles:
        for company in outcome.new_companies:
            if company.slug in inputs:
                continue  # a known slug under another name: the article names that one
            entry = found.setdefault(company.slug, (company, []))
            entry[1].append((outcome.meta.title, company.evidence, outcome.seed))
            more.setdefault(company.slug, []).extend(
                f.value for f in outcome.facts if f.slug == company.slug and f.field == "alias"
            )
            short.setdefault(company.slug, set()).update(company.aliases)
            (guessed if company.rule == RULE else ruled).add(company.slug)
    guessed -= ruled
    # Two profiles may not share a name or an alias (check refuses it): the first slug
    # in order keeps it; a company whose very name was taken is that company. A name
    # of a profile ingest does not own is never an alias (the analysis that found the
    # company knew those names, but not a ticker another article gives).
    taken = {fold(n) for c in inputs.values() for n in _names_of(c)}
    claimed: dict[str, str] = {}
    remap = _renamed(found, more, short, guessed)
    for old, new in remap.items():
        found[new][1].extend(found[old][1])
    profiles: dict[str, tuple[NewCompany, Sightings]] = {}
    for slug in sorted(found):
        if slug in remap:
            continue
        company, sightings = found[slug]
        owner = claimed.get(fold(company.name))
        if owner is not None:
            remap[slug] = owner
            continue
        extra = [a for a in more.get(slug, []) if fold(a) != fold(company.name)]
        aliases = tuple(
            a
            for a in dict.fromkeys((*company.aliases, *extra))
            if fold(a) not in claimed and fold(a) not in taken
        )
        for name in (company.name, *aliases):
            claimed.setdefault(fold(name), slug)
        profiles[slug] = (replace(company, aliases=aliases), sightings)
    return profiles, remap


def _renamed(
    found: dict[str, tuple[NewCompany, Sightings]],
    more: dict[str, list[str]],
    short: dict[str, set[str]],
    guessed: set[str],
) -> dict[str, str]:
    """A company that another names as its alias is that company, whichever slug comes
    first ("PhenomeX (formerly Berkeley Lights)" and a story of Berkeley Lights):
    slug → the slug of the company that has it as an alias. So is a name only the
    company model guessed that another article uses as a company's short name ("the
    towers at Nordvik" and "Nordvik Energy ASA … Nordvik expects"); a name a rule found
    stays its own company ("Siemens" beside a story that calls Siemens Energy so)."""
    by_name: dict[str, str] = {}
    for slug in sorted(found):
        by_name.setdefault(fold(found[slug][0].name), slug)
    renamed: dict[str, str] = {}
    for slug in sorted(found):
        guesses = sorted(a for a in short.get(slug, ()) if by_name.get(fold(a)) in guessed)
        for alias in [*more.get(slug, []), *guesses]:
            other = by_name.get(fold(alias))
            # one step only: a company already merged away, or one that others merge
            # into, stays as it is
            if (
                other
                and other != slug
                and slug not in renamed
                and other not in renamed
                and other not in renamed.values()
            ):
                renamed[other] = slug
    return renamed


def _names_of(company: Existing) -> list[str]:
    data = company.data
    names = [data.get("name"), *(data.get("aliases") or [])]
    return [n for n in names if isinstance(n, str)]


def _remapped(outcome: SeedOutcome, remap: dict[str, str]) -> SeedOutcome:
    companies = tuple(dict.fromkeys(remap.get(s, s) for s in outcome.companies))
    deals = tuple(
        replace(
            s,
            finding=replace(
                s.finding, parties=tuple((remap.get(c, c), r) for c, r in s.finding.parties)
            ),
        )
        for s in outcome.deals
    )
    return replace(outcome, companies=companies, deals=deals)


def _input_drafts(
    plan: Plan,
    deals: dict[str, Existing],
    added: dict[str, list[tuple[str, str]]],
    input_articles: set[str],
) -> None:
    """Draft deals ingest does not own: their sources from articles it does not own stay
    as written; those from its own articles are what this run found, in slug order."""
    for slug, deal in sorted(deals.items()):
        if not deal.is_draft or deal.doc is None:
            continue
        old = deal.data.get("sources")
        old = old if isinstance(old, list) else []
        kept = [s for s in old if not isinstance(s, dict) or s.get("article") in input_articles]
        new: list[Any] = kept + [{"article": a, "quote": q} for a, q in sorted(added.get(slug, []))]
        if new == old:
            continue
        if not new:
            plan.emptied.append(f"briefings/deals/{slug}.md")
            continue
        plan.files[f"briefings/deals/{slug}.md"] = with_sources(deal, new)


def _reviewed_citing(deals: dict[str, Existing]) -> dict[str, list[str]]:
    """Article slug → reviewed deals that cite it, sorted."""
    out: dict[str, list[str]] = {}
    for slug, deal in sorted(deals.items()):
        if deal.is_draft:
            continue
        for source in deal.data.get("sources") or []:
            if isinstance(source, dict) and isinstance(source.get("article"), str):
                out.setdefault(source["article"], []).append(slug)
    return out
