"""Ingest's placeholder texts, and finding them in a briefing that claims to be reviewed.

Ingest writes a request for a description into a company it knows nothing about, and
a drafting note at the end of every draft. Both are for the reviewer; one left in a
reviewed briefing would be shown to readers under "Reviewed". The texts live here,
beside their finder, so ingest writes exactly what the gate looks for.
"""

from __future__ import annotations

from .errors import Problem

DESCRIBE = "Write a one-paragraph description."
NOTE = "*Drafted by ingest from `{seed}`; check it against the seed, then mark it reviewed.*"
# The note's two fixed parts: either one left alone (markup removed or not) is a left note.
NOTE_PARTS = ("Drafted by ingest from ", "check it against the seed, then mark it reviewed")

_FRONT_CLOSERS = ("---", "...")


def find(rel: str, text: str, slug: str) -> list[Problem]:
    """One problem per line of ``text`` (a briefing file) that still holds a placeholder."""
    lines = text.split("\n")
    closing = _closing(lines)
    problems = []
    for number, line in enumerate(lines, start=1):
        field = "body" if number > closing else _field_at(lines, number)
        if DESCRIBE in line:
            problems.append(
                Problem(
                    rel,
                    number,
                    field,
                    f"still holds ingest's placeholder “{DESCRIBE}”",
                    "replace it, and the “was found in …” sentence before it, with a "
                    f"description of what the company does; then run: "
                    f"python build.py review approve {slug}",
                )
            )
        if any(part in line for part in NOTE_PARTS):
            problems.append(
                Problem(
                    rel,
                    number,
                    field,
                    "still holds ingest's drafting note (“Drafted by ingest from …”)",
                    "check the briefing against its seed, delete the note; then run: "
                    f"python build.py review approve {slug}",
                )
            )
    return problems


def _closing(lines: list[str]) -> int:
    """The 1-based line that closes the front matter (0 when there is none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _FRONT_CLOSERS:
            return index + 1
    return len(lines)


def _field_at(lines: list[str], number: int) -> str:
    """The top-level front-matter key whose value holds line ``number``."""
    for index in range(number - 1, 0, -1):
        line = lines[index]
        if line and not line[0].isspace() and not line.startswith(("#", "-")) and ":" in line:
            return line.split(":", 1)[0].strip()
    return ""
