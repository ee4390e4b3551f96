"""The theme's search dialog is named as it loads; a changed theme fails loudly."""

from __future__ import annotations

from pathlib import Path

import jinja2
import material
import pytest

from dossier.search_label import TEMPLATE, SearchDialogLabel

THEME = Path(material.__file__).parent / "templates"


def source(loader: jinja2.BaseLoader, name: str = TEMPLATE) -> str:
    return SearchDialogLabel(loader).get_source(jinja2.Environment(), name)[0]


def test_installed_theme_partial_gets_the_label() -> None:
    text = source(jinja2.FileSystemLoader(THEME))
    assert text.count('role="dialog" aria-label="{{ lang.t(\'search\') }}"') == 1


def test_other_templates_and_a_named_dialog_are_left_alone() -> None:
    named = '<div data-md-component="search" role="dialog" aria-label="Find">'
    loader = jinja2.DictLoader({TEMPLATE: named, "main.html": "<p>x</p>"})
    assert source(loader) == named
    assert source(loader, "main.html") == "<p>x</p>"


def test_changed_markup_is_an_error_naming_the_file_to_check() -> None:
    loader = jinja2.DictLoader({TEMPLATE: '<div class="md-search" role="search">'})
    with pytest.raises(jinja2.TemplateError, match=r"dossier/search_label\.py"):
        source(loader)
