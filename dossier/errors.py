"""The errors a user can cause, reported as ``path:line: field: problem (hint)``.

Only these reach the command line as messages; anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class DossierError(Exception):
    """Base for every error caused by the user's files, options or environment."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, with where it is and how to fix it."""

    path: str
    line: int | None
    field: str
    message: str
    hint: str = ""

    @property
    def where(self) -> str:
        """``path:line``, or the path alone when the line is not known."""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.where}:{field} {self.message}{hint}"


class ContentError(DossierError):
    """Every problem found in the corpus, reported together."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_problem_order)
        super().__init__("\n".join(str(p) for p in self.problems))


class TemplateProblem(DossierError):
    """A template in templates/ could not be read or rendered."""


class SiteBuildError(DossierError):
    """The site engine refused to build; the previous site is kept."""


def _problem_order(p: Problem) -> tuple[str, int, str, str]:
    return (p.path, p.line or 0, p.field, p.message)
