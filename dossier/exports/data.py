"""The whole knowledge base as one JSON document (with its JSON Schema) and deals as CSV.

Field names follow the briefing front matter, so the guide's content model reference documents
the export too. Paths (``page``) are relative to the site root; key order and list
order are fixed, so two builds write the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from .. import sitepaths
from ..dates import PartialDate
from ..memo import BuildMemo
from ..model import Article, Claim, Company, Deal, Dispute, Rejection, Resolution, Review
from ..views import Views

FORMAT_VERSION = 1


def export_schema_text() -> str:
    return (resources.files("dossier") / "schemas" / "export.schema.json").read_text("utf-8")


def _date(d: PartialDate | None) -> str | None:
    return d.iso() if d else None


def _review(r: Review) -> dict[str, Any]:
    return {"status": r.status, "by": r.by, "date": _date(r.date)}


def _claim(c: Claim) -> dict[str, Any]:
    return {"value": c.value, "source": c.source, "quote": c.quote}


def _resolution(r: Resolution | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {"value": r.value, "reason": r.reason, "by": r.by, "date": _date(r.date)}


def _dispute(d: Dispute | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"reason": d.reason, "by": d.by, "date": _date(d.date)}


def _rejection(r: Rejection) -> dict[str, Any]:
    return {"what": r.what, "slug": r.slug, "quote": r.quote, "by": r.by, "date": _date(r.date)}


def _company(c: Company) -> dict[str, Any]:
    return {
        "slug": c.slug,
        "page": f"companies/{c.slug}.html",
        "name": c.name,
        "aliases": list(c.aliases),
        "description": c.description,
        "facts": [
            {
                "name": f.name,
                "value": f.value,
                "source": f.source,
                "quote": f.quote,
                "claims": [_claim(cl) for cl in f.claims],
                "resolved": _resolution(f.resolved),
                "disputed": _dispute(f.disputed),
            }
            for f in c.facts
        ],
        "topics": list(c.topics),
        "review": _review(c.review),
        "file": c.origin.path,
    }


def _deal(d: Deal) -> dict[str, Any]:
    return {
        "slug": d.slug,
        "page": f"deals/{d.slug}.html",
        "title": d.title,
        "kind": d.kind,
        "status": d.status,
        "parties": [{"company": p.company, "role": p.role} for p in d.parties],
        "announced": _date(d.announced),
        "closed": _date(d.closed),
        "value": {"amount": d.value.amount, "currency": d.value.currency} if d.value else None,
        "areas": list(d.areas),
        "sources": [{"article": s.article, "quote": s.quote} for s in d.sources],
        "related": list(d.related),
        "claims": {name: [_claim(c) for c in claims] for name, claims in sorted(d.claims.items())},
        "resolved": {name: _resolution(r) for name, r in sorted(d.resolved.items())},
        "disputed": {name: _dispute(r) for name, r in sorted(d.disputed.items())},
        "steps": [
            {
                "status": step.status,
                "date": _date(step.date),
                "sources": [{"article": s.article, "quote": s.quote} for s in step.sources],
            }
            for step in d.steps
        ],
        "summary": d.summary,
        "review": _review(d.review),
        "file": d.origin.path,
    }


def _article(a: Article) -> dict[str, Any]:
    return {
        "slug": a.slug,
        "page": f"articles/{a.slug}.html",
        "title": a.title,
        "seed": a.seed,
        "url": a.url,
        "outlet": a.outlet,
        "author": a.author,
        "published": _date(a.published),
        "language": a.language,
        "companies": list(a.companies),
        "deals": list(a.deals),
        "topics": list(a.topics),
        "key_points": list(a.key_points),
        "summary": a.summary,
        "rejected": [_rejection(r) for r in a.rejected],
        "review": _review(a.review),
        "file": a.origin.path,
    }


def export_json(views: Views, memo: BuildMemo[str]) -> str:
    """The data export as indented JSON, each record's text reused from the last build.

    The same text as ``json.dumps`` with ``ensure_ascii=False, indent=2`` of the whole
    object: a record is written once, then spliced in; under serve, an edit rewrites one
    record rather than the whole base (a second at 10,000 articles). ``memo`` holds
    each record's text (by the digest of its file) from the last build.
    """
    memo.next_build()

    def items(records: tuple[Any, ...], make: Any) -> list[str]:
        def record_text(record: Any) -> Callable[[], str]:
            return lambda: _INDENT + _dumps(make(record)).replace("\n", "\n" + _INDENT)

        parts = [memo.get(r.origin.digest or repr(r), record_text(r)) for r in records]
        return ["[\n", *_between(parts, ",\n"), "\n  ]"] if parts else ["[]"]

    head = {
        "$schema": "../" + sitepaths.EXPORT_SCHEMA,
        "format": FORMAT_VERSION,
        "as_of": _date(views.corpus.as_of()),
    }
    fields = [[f"  {_dumps(k)}: {_dumps(v)}"] for k, v in head.items()]
    fields += [
        ['  "companies": ', *items(views.companies_by_name, _company)],
        ['  "deals": ', *items(views.deals_newest_first, _deal)],
        ['  "articles": ', *items(views.articles_newest_first, _article)],
    ]
    # Joined once: each partial join was another copy of the 40 MB text at 10,000
    # articles, and serve makes it on every save.
    pieces = ["{\n"]
    for number, field in enumerate(fields):
        pieces += [",\n", *field] if number else field
    return "".join([*pieces, "\n}\n"])


def _between(items: list[str], separator: str) -> list[str]:
    """``items`` with ``separator`` between each two."""
    spaced = [separator] * (2 * len(items) - 1)
    spaced[::2] = items
    return spaced


_INDENT = "    "  # a record inside a list inside the top object


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


CSV_COLUMNS = (
    "slug",
    "title",
    "kind",
    "status",
    "announced",
    "closed",
    "value_amount",
    "value_currency",
    "parties",
    "areas",
    "sources",
    "page",
)


def _cell(text: str) -> str:
    # A title is briefing text: spreadsheets run a cell starting with = + - @ as a formula,
    # so such a title gets a leading apostrophe (OWASP's advice against CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def deals_csv(views: Views) -> str:
    """One row per deal; list cells are joined with "; " (parties as ``slug (role)``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow(CSV_COLUMNS)
    for d in views.deals_newest_first:
        writer.writerow(
            (
                d.slug,
                _cell(d.title),
                d.kind,
                d.status,
                _date(d.announced) or "",
                _date(d.closed) or "",
                f"{d.value.amount:.15g}" if d.value else "",
                d.value.currency if d.value else "",
                "; ".join(f"{p.company} ({p.role})" for p in d.parties),
                "; ".join(d.areas),
                "; ".join(s.article for s in d.sources),
                f"deals/{d.slug}.html",
            )
        )
    return out.getvalue()
