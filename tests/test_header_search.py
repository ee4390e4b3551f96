"""The header gets Dossier's search box as it loads; a changed theme fails loudly."""

from __future__ import annotations

from pathlib import Path

import jinja2
import material
import pytest

from dossier.header_search import TEMPLATE, HeaderSearch

THEME = Path(material.__file__).parent / "templates"
INCLUDE = '{% include "partials/dossier-search.html" %}'


def source(loader: jinja2.BaseLoader, name: str = TEMPLATE) -> str:
    return HeaderSearch(loader).get_source(jinja2.Environment(), name)[0]


def test_installed_theme_header_gets_the_search_box_once() -> None:
    text = source(jinja2.FileSystemLoader(THEME))
    assert text.count(INCLUDE) == 1
    # Where the theme's own search button would be: after the palette, before the repo.
    assert text.index("palette") < text.index(INCLUDE) < text.index("repo_url")


def test_other_templates_are_left_alone() -> None:
    loader = jinja2.DictLoader({"main.html": "<p>x</p>"})
    assert source(loader, "main.html") == "<p>x</p>"


def test_changed_markup_is_an_error_naming_the_file_to_check() -> None:
    loader = jinja2.DictLoader({TEMPLATE: '<header class="md-header"></header>'})
    with pytest.raises(jinja2.TemplateError, match=r"dossier/header_search\.py"):
        source(loader)
