"""One page per company, deal and article, plus the indexes, as HTML fragments.

The site engine wraps each fragment in the theme; pages here know only their own
path, title, description and headings.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .. import sitepaths
from ..build_env import add_folder, code_digest
from ..dates import PartialDate
from ..memo import BuildMemo
from ..parallel import ordered_map
from ..review.history import History
from ..views import Views
from ..words import counted
from .environment import make_environment, relative_url, render
from .inputs import PageGraph
from .notes import Notes
from .shipped import custom_templates

# Site paths of the index pages, also used for the navigation in mkdocs.yml.
INDEXES = {
    "home": ("index", "Home"),
    "companies": ("companies/index", "Companies A–Z"),
    "deals": ("deals/index", "Deals"),
    "articles": ("articles/index", "Article briefings"),
    "timeline": ("timeline", "Timeline"),
    "review": ("review", "Review queue"),
    "changes": ("changes", "What changed"),
    "topics": ("topics/index", "Topics"),
    "network": ("network", "Network of deals"),
}
_FOLDERS = {
    "company": "companies",
    "deal": "deals",
    "article": "articles",
    "topic": "topics",
    "articles-year": "articles/by-year",  # no clash: a slug never holds a "/"
    "timeline-year": "timeline",  # timeline/2024.html beside timeline.html
}
# Non-page outputs a template may link to: link("feed"), link("company-feed", slug) …
_FILES: dict[str, Callable[[str], str]] = {
    "feed": lambda _: sitepaths.FEED,
    "company-feed": sitepaths.company_feed,
    "json": lambda _: sitepaths.JSON,
    "csv": lambda _: sitepaths.CSV,
    "export-schema": lambda _: sitepaths.EXPORT_SCHEMA,
    "network-svg": lambda _: sitepaths.NETWORK_SVG,
}
# Index templates whose pages list other pages (see Page.listing); the home page is not.
LISTINGS = {f"{key}.html.j2" for key in INDEXES if key != "home"} | {
    "articles_year.html.j2",
    "timeline_year.html.j2",
    "topic.html.j2",
}
_HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)</h\1>', re.S)


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    html: str


@dataclass(frozen=True)
class Page:
    """A rendered page: ``path`` is its source path in the site (``companies/xiaomi.md``)."""

    path: str
    title: str
    description: str
    html: str
    headings: tuple[Heading, ...]
    # An index that lists other pages: left out of the search index, where each listed
    # page already is. (The timeline alone is a megabyte at 10,000 articles, and the
    # search plugin parses every indexed page on every build.)
    listing: bool = False
    # The page's fingerprint in the page graph (inputs.py): its key in the page cache.
    # Empty when its inputs are not known (custom templates): its HTML is the key then.
    key: str = ""
    # False: not rendered by this process, whose page cache holds it finished (html empty).
    rendered: bool = True

    @property
    def url(self) -> str:
        return self.path[: -len(".md")] + ".html"


@dataclass(frozen=True)
class RenderedSite:
    pages: tuple[Page, ...]
    as_of: PartialDate | None  # newest date in the corpus: the build's only notion of "now"
    views: Views  # for the outputs beside the pages (feeds, exports), made by the site stage
    files: tuple[tuple[str, str], ...] = ()  # standalone files (site path, text), e.g. print/
    # More of them, still being made (the print view, in a forked process): asked for
    # when the site stage adds them, so MkDocs's setup and the exports run meanwhile.
    files_later: Callable[[], tuple[tuple[str, str], ...]] | None = None
    custom_templates: tuple[str, ...] = ()  # not as shipped: every page was rendered
    graph: PageGraph | None = None  # what each page shows (None with custom templates)

    def standalone_files(self) -> tuple[tuple[str, str], ...]:
        return self.files + (self.files_later() if self.files_later else ())


def page_path(kind: str, slug: str) -> str:
    return f"{_FOLDERS[kind]}/{slug}.md"


@dataclass
class Reuse:
    """The last render's pages, each with its fingerprint; ``serve`` keeps it between builds.

    A page is rendered again only when its fingerprint (inputs.py) moved; any change to
    templates/ renders all, and so does every build with custom templates.
    """

    templates: str = ""  # digest of the templates the pages were rendered with
    env: jinja2.Environment | None = None  # compiled from those templates
    pages: dict[str, Page] = field(default_factory=dict)
    rendered: int = 0  # pages rendered (not reused) by the last build
    rows: BuildMemo[str] = field(default_factory=BuildMemo)  # the page graph's (inputs.py)


def render_site(
    views: Views,
    templates: Path,
    history: History | None = None,
    reuse: Reuse | None = None,
    cached: Callable[[str], bool] | None = None,
) -> RenderedSite:
    """Every page; with ``reuse``, only pages whose fingerprint moved since its last build,
    and with ``cached`` (whether the page cache holds a fingerprint's finished page), only
    pages it does not hold."""
    history = history or History()
    reuse = reuse if reuse is not None else Reuse()
    digest = templates_digest(templates)
    if digest != reuse.templates or reuse.env is None:
        # Same templates, same compiled environment: compiling them took a fifth of a
        # second per save.
        reuse.templates, reuse.pages, reuse.env = digest, {}, make_environment(templates)
    env = reuse.env
    # A global, so the shared review macro sees it without every template passing it on.
    env.globals["history"] = history
    custom = tuple(custom_templates(templates))
    reuse.rows.next_build()
    graph = None if custom else PageGraph(views, history, reuse.rows)
    base = f"{digest}\0{code_digest()}"
    jobs = list(_jobs(views))
    kept: dict[str, Page] = {}
    todo: list[tuple[PageJob, str]] = []
    for job in jobs:
        key = graph.fingerprint(base, job.template, job.signature, job.context) if graph else ""
        old = reuse.pages.get(job.path)
        if key and old is not None and old.key == key:
            kept[job.path] = old
        elif key and cached is not None and cached(key):
            listing = job.template in LISTINGS
            kept[job.path] = Page(job.path, job.title, job.description, "", (), listing, key, False)
        else:
            todo.append((job, key))
    # Pages are independent of each other: on a large corpus they render on every core.
    fresh = ordered_map(functools.partial(_page, env, views), [job for job, _ in todo])
    for (job, key), page in zip(todo, fresh, strict=True):
        kept[job.path] = dataclasses.replace(page, key=key)
    if len(todo) == len(jobs) and len(jobs) > 1:
        # Pages rendered in worker processes compiled the templates there, not here:
        # compile them now rather than during serve's first save.
        for name in env.list_templates():
            try:
                env.get_template(name)
            except jinja2.TemplateError:  # reported by whatever renders it (the print view)
                continue
    pages = tuple(kept[job.path] for job in jobs)
    reuse.pages, reuse.rendered = {page.path: page for page in pages}, len(todo)
    return RenderedSite(pages, views.corpus.as_of(), views, custom_templates=custom, graph=graph)


def templates_digest(templates: Path) -> str:
    digest = hashlib.sha256()
    add_folder(digest.update, templates)
    return digest.hexdigest()


@dataclass(frozen=True)
class PageJob:
    """What one page is rendered from: a template, the page's own fields and its context."""

    template: str  # a file in templates/
    path: str  # the page's source path in the site (``companies/xiaomi.md``)
    title: str
    description: str
    context: Mapping[str, object]  # the template's variables besides link, notes and views

    @property
    def signature(self) -> tuple[object, ...]:
        """Its own fields and plain context values (a year's label): part of its fingerprint."""
        plain = tuple((k, v) for k, v in self.context.items() if type(v) in (str, int))
        return self.template, self.path, self.title, self.description, plain


@dataclass(frozen=True)
class _FromViews:
    """A context value the page takes from ``views`` as it renders (``views.attr[key]``).

    The page graph (inputs.py) reads ``key`` to know which year or topic the page shows.
    """

    attr: str
    key: str | None = None  # views.attr itself


def _jobs(views: Views) -> Iterator[PageJob]:
    for key, (path, title) in INDEXES.items():
        description = _index_description(views, key)
        topics = {"topics": _FromViews("topics")}
        yield PageJob(f"{key}.html.j2", f"{path}.md", title, description, topics)
    yield from _year_jobs(
        views,
        "articles",
        "Article briefings",
        ("article briefing", "article briefings"),
        "{items} published in {label}, newest first.",
        "{items} without a publication date.",
    )
    yield from _year_jobs(
        views,
        "timeline",
        "Timeline",
        ("deal or article", "deals and articles"),
        "{items} of {label}, oldest first.",
        "{items} without a date.",
    )
    for topic in views.topics:
        yield PageJob(
            "topic.html.j2",
            page_path("topic", topic.slug),
            f"Topic: {topic.label}",
            f"{topic.label}: {counted(len(topic.deals), 'deal')}, "
            f"{counted(len(topic.articles), 'article')}, "
            f"{counted(len(topic.companies), 'company')}.",
            {"topic": _FromViews("topic_by_slug", topic.slug)},
        )
    for company in views.companies_by_name:
        yield PageJob(
            "company.html.j2",
            page_path("company", company.slug),
            company.name,
            first_sentence(company.description),
            {"company": company},
        )
    for deal in views.deals_newest_first:
        yield PageJob(
            "deal.html.j2",
            page_path("deal", deal.slug),
            deal.title,
            first_sentence(deal.summary),
            {"deal": deal},
        )
    for article in views.articles_newest_first:
        yield PageJob(
            "article.html.j2",
            page_path("article", article.slug),
            article.title,
            first_sentence(article.summary),
            {"article": article},
        )


def _year_jobs(
    views: Views, stem: str, title: str, noun: tuple[str, str], dated: str, undated: str
) -> Iterator[PageJob]:
    """One page per year ("2024", "undated") of ``views.STEM_of_year``: template
    ``STEM_year.html.j2``, link kind ``STEM-year``, the items as ``_YEAR_ITEMS[stem]``."""
    attr = f"{stem}_of_year"
    for slug, items in getattr(views, attr).items():
        label = slug.capitalize()
        yield PageJob(
            f"{stem}_year.html.j2",
            page_path(f"{stem}-year", slug),
            f"{title}, {label}",
            (dated if slug != "undated" else undated).format(
                items=counted(len(items), *noun),
                label=label,
            ),
            {"label": label, _YEAR_ITEMS[stem]: _FromViews(attr, slug)},
        )


_YEAR_ITEMS = {"articles": "articles", "timeline": "events"}  # the templates' name for them


def _page(env: jinja2.Environment, views: Views, job: PageJob) -> Page:
    url = job.path[: -len(".md")] + ".html"

    def link(kind: str, slug: str = "") -> str:
        if kind in _FILES:
            return relative_url(_FILES[kind](slug), url)
        target = f"{INDEXES[kind][0]}.html" if kind in INDEXES else page_path(kind, slug)
        return relative_url(target.replace(".md", ".html"), url)

    notes = Notes(views.corpus.articles, link)
    context = dict(job.context)
    for name, value in context.items():
        if type(value) is _FromViews:
            found = getattr(views, value.attr)
            context[name] = found if value.key is None else found[value.key]
    body = render(env, job.template, link=link, notes=notes, views=views, **context)
    headings = tuple(Heading(int(level), id_, text) for level, id_, text in _HEADING.findall(body))
    return Page(job.path, job.title, job.description, body, headings, job.template in LISTINGS)


@functools.lru_cache(maxsize=1 << 16)  # every page's description, every build under serve
def first_sentence(markdown_text: str, limit: int = 200) -> str:
    """The text up to its first sentence end (punctuation then a space), whitespace runs
    as one space, at most ``limit`` characters. Only the sentence is normalised, not the
    whole text (a fresh build did all 11,500 bodies: a third of a second)."""
    cut = _SENTENCE_END.search(markdown_text)
    sentence = " ".join((markdown_text[: cut.start() + 1] if cut else markdown_text).split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


_SENTENCE_END = re.compile(r"[.!?]\s")


def _index_description(views: Views, key: str) -> str:
    c = views.corpus
    counts = f"{len(c.companies)} companies, {len(c.deals)} deals, {len(c.articles)} articles"
    return {
        "home": f"Briefing on {counts}.",
        "companies": f"All {len(c.companies)} companies, A to Z.",
        "deals": f"All {len(c.deals)} deals with date, parties, kind, status and sources.",
        "articles": f"All {len(c.articles)} article briefings by year, and the newest.",
        "timeline": "Deals and articles by year.",
        "review": "Drafts awaiting review.",
        "changes": "What changed in the knowledge base, commit by commit.",
        "topics": "Topics such as AI, cloud and hardware, with their deals and articles.",
        "network": f"The {len(c.companies)} companies and the deals that link them, as a graph.",
    }[key]
