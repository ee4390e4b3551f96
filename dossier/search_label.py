"""The theme's search dialog gets an accessible name, applied when the template loads.

Material's ``partials/search.html`` marks the search box ``role="dialog"`` with no
name, which axe-core reports as serious on every page. Rather than commit a copy of
the theme's file with one attribute added, the engine reads the installed file and adds
the attribute as it loads it; the repository holds none of the theme's text.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2

TEMPLATE = "partials/search.html"
_DIALOG = 'data-md-component="search" role="dialog"'
_NAMED = _DIALOG + " aria-label=\"{{ lang.t('search') }}\""


class SearchDialogLabel(jinja2.BaseLoader):
    """Serves every template as ``inner`` does, the search partial with its label added."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template != TEMPLATE:
            return source, filename, uptodate
        start = source.find(_DIALOG)
        if start < 0:
            # A theme release changed the markup: fail loudly rather than lose the label.
            raise jinja2.TemplateError(
                f"{filename}: the search dialog's markup ({_DIALOG}) is not there; "
                "check dossier/search_label.py against the installed mkdocs-material"
            )
        if "aria-label" in source[start : source.find(">", start)]:
            return source, filename, uptodate  # a later theme names it itself
        return source.replace(_DIALOG, _NAMED, 1), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()
