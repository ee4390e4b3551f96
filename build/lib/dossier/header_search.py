"""The header's search box, Dossier's own, put where the theme's own search would go.

Material prints its search button and dialog in ``partials/header.html`` only when its
search plugin is on; the site uses Pagefind instead (site_search.py), so the plugin is
off and nothing would be there. Rather than commit a copy of the theme's header with
one line added, the engine reads the installed file and includes
``partials/dossier-search.html`` (dossier/theme) where the theme's search block begins;
the repository holds none of the theme's text.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2

TEMPLATE = "partials/header.html"
_MARK = '{% if "material/search" in config.plugins %}'
_OURS = '{% include "partials/dossier-search.html" %}\n    '


class HeaderSearch(jinja2.BaseLoader):
    """Serves every template as ``inner`` does, the header with Dossier's search box."""

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template != TEMPLATE:
            return source, filename, uptodate
        if _MARK not in source:
            # A theme release changed the markup: fail loudly rather than lose the search.
            raise jinja2.TemplateError(
                f"{filename}: the theme's search block ({_MARK}) is not there; "
                "check dossier/header_search.py against the installed mkdocs-material"
            )
        return source.replace(_MARK, _OURS + _MARK, 1), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()
