"""Machine-readable outputs beside the pages: Atom feeds, the JSON export, the deals CSV.

Each module turns Views into file contents; the site engine adds them to the build
(``export_files``), so they are part of the atomic, deterministic build like pages.
"""

from __future__ import annotations

from .. import sitepaths
from ..render.graph import network_svg
from ..views import Views
from .data import deals_csv, export_json, export_schema_text
from .feeds import feed_files

__all__ = ["export_files"]


def export_files(views: Views, site_url: str | None) -> tuple[tuple[str, str], ...]:
    """(site path, text) of every export; ``site_url`` makes feed links absolute."""
    return (
        *feed_files(views, site_url),
        (sitepaths.JSON, export_json(views)),
        (sitepaths.CSV, deals_csv(views)),
        (sitepaths.EXPORT_SCHEMA, export_schema_text()),
        (sitepaths.NETWORK_SVG, network_svg(views, lambda slug: f"companies/{slug}.html") + "\n"),
    )
