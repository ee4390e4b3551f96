"""Machine-readable outputs beside the pages: Atom feeds, the JSON export, the deals CSV.

Each module turns Views into file contents; the site engine adds them to the build
(``export_files``), so they are part of the atomic, deterministic build like pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import sitepaths
from ..atomic import read_kept, save_kept
from ..memo import BuildMemo
from ..render.graph import network_svg
from ..views import Views
from .data import deals_csv, export_json, export_schema_text
from .feeds import FeedWriter, KeptFeeds

__all__ = ["ExportMemos", "KeptFeeds", "export_files"]


@dataclass
class ExportMemos:
    """What the exports of one build keep for the next (serve): records' texts, feeds.

    ``build.py`` keeps the costly part on disk (``save``, ``load``) for the next process:
    each entry's XML in the main feed (a summary converted to HTML) and each record's
    JSON text, keyed by the digest of the record's file, as in memory.
    Company feeds are not kept here: the last site's files are linked by their inputs
    (``KeptFeeds``). Saved with a tag (a digest of Dossier's code and libraries):
    another version reads nothing.
    """

    feeds: FeedWriter = field(default_factory=FeedWriter)
    records: BuildMemo[str] = field(default_factory=BuildMemo)  # a record's JSON text

    def save(self, path: Path, tag: str) -> None:
        save_kept(path, tag, (self.records.now, self.feeds.main_entry_xml.now))

    @classmethod
    def load(cls, path: Path, tag: str) -> ExportMemos:
        memos, kept = cls(), read_kept(path, tag)
        if kept is not None:  # else missing, damaged or from another version: make all
            memos.records.now, memos.feeds.main_entry_xml.now = kept
        return memos


def export_files(
    views: Views,
    site_url: str | None,
    memos: ExportMemos | None = None,
    kept: KeptFeeds | None = None,
) -> tuple[tuple[str, str], ...]:
    """(site path, text) of every export; ``site_url`` makes feed links absolute;
    ``memos`` (kept by serve) saves making again what did not change; company feeds
    ``kept`` holds are not made (their text is empty)."""
    memos = memos or ExportMemos()
    return (
        *memos.feeds.feed_files(views, site_url, kept),
        (sitepaths.JSON, export_json(views, memos.records)),
        (sitepaths.CSV, deals_csv(views)),
        (sitepaths.EXPORT_SCHEMA, export_schema_text()),
        (sitepaths.NETWORK_SVG, network_svg(views, lambda slug: f"companies/{slug}.html") + "\n"),
    )
