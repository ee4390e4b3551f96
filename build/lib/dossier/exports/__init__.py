"""Machine-readable outputs beside the pages: Atom feeds, the JSON export, the deals CSV.

Each module turns Views into file contents; the site engine adds them to the build
(``export_files``), so they are part of the atomic, deterministic build like pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import sitepaths
from ..render.graph import network_svg
from ..views import Views
from .data import deals_csv, export_json, export_schema_text
from .feeds import FeedWriter
from .memo import BuildMemo

__all__ = ["ExportMemos", "export_files"]


@dataclass
class ExportMemos:
    """What the exports of one build keep for the next (serve): records' texts, feeds."""

    feeds: FeedWriter = field(default_factory=FeedWriter)
    records: BuildMemo[str] = field(default_factory=BuildMemo)  # a record's JSON text


def export_files(
    views: Views, site_url: str | None, memos: ExportMemos | None = None
) -> tuple[tuple[str, str], ...]:
    """(site path, text) of every export; ``site_url`` makes feed links absolute;
    ``memos`` (kept by serve) saves making again what did not change."""
    memos = memos or ExportMemos()
    return (
        *memos.feeds.feed_files(views, site_url),
        (sitepaths.JSON, export_json(views, memos.records)),
        (sitepaths.CSV, deals_csv(views)),
        (sitepaths.EXPORT_SCHEMA, export_schema_text()),
        (sitepaths.NETWORK_SVG, network_svg(views, lambda slug: f"companies/{slug}.html") + "\n"),
    )
