"""Date fields in front matter: unquoted years accepted, impossible dates refused.

The schema checks a date's shape (YYYY, YYYY-MM, YYYY-MM-DD); here we check that
it exists, and read ``published: 2015`` (a number to YAML) as the year it means.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .dates import DATE_SHAPE, parse_partial_date
from .errors import Problem
from .frontmatter import Document, dotted

# Wherever these keys appear in front matter, at any depth, they hold a date.
_DATE_KEYS = frozenset({"published", "announced", "closed", "date"})


def _date_values(doc: Document) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any], str]]:
    """Each date field present: its path, the mapping holding it, and its key."""
    founded = (
        doc.data.get("facts", {}).get("founded")
        if isinstance(doc.data.get("facts"), dict)
        else None
    )
    if isinstance(founded, dict) and "value" in founded:
        yield ("facts", "founded", "value"), founded, "value"
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), doc.data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in _DATE_KEYS and not isinstance(value, dict | list):
                    yield (*path, key), node, key
                else:
                    stack.append(((*path, key), value))
        elif isinstance(node, list):
            stack.extend(((*path, i), item) for i, item in enumerate(node))


def years_as_text(doc: Document) -> None:
    """``published: 2015`` unquoted is the year 2015, as the user meant."""
    for _, holder, key in _date_values(doc):
        value = holder[key]
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            holder[key] = str(value)


def check_dates(doc: Document) -> list[Problem]:
    """Dates that have the right shape but cannot exist, such as 2024-13-45."""
    problems = []
    for path, holder, key in _date_values(doc):
        value = holder[key]
        if isinstance(value, str) and DATE_SHAPE.match(value):  # other shapes: schema error
            try:
                parse_partial_date(value)
            except ValueError as exc:
                problems.append(
                    Problem(
                        doc.path,
                        doc.line_of(path),
                        dotted(path),
                        str(exc),
                        "fix the date or write only the year",
                    )
                )
    return problems
