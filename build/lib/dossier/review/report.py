"""A semantic diff as terminal text or as markdown for a pull-request comment."""

from __future__ import annotations

from collections.abc import Callable

from .diff import Change, Diff


def as_text(diff: Diff) -> str:
    lines = [change.text() for change in diff.changes]
    lines.append(_summary(diff))
    for side, problems in diff.problems:
        lines.append("")
        lines.append(f"{_count(len(problems), 'problem')} in {side}:")
        lines += [f"  {p}" for p in problems]
    return "\n".join(lines) + "\n"


def as_markdown(diff: Diff) -> str:
    title = f"### Knowledge base: {_summary(diff, code)}"
    lines = [title, ""]
    lines += [_markdown_change(change) for change in diff.changes]
    for side, problems in diff.problems:
        lines += [
            "",
            f"**{_count(len(problems), 'problem')} in {side}:**",
            "",
        ]
        lines += [f"- {code(str(p))}" for p in problems]
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(diff: Diff, quote: Callable[[str], str] = str) -> str:
    old, new = _side(diff.old, quote), _side(diff.new, quote)
    if not diff.changes:
        return f"no changes from {old} to {new}"
    return f"{_count(len(diff.changes), 'change')} from {old} to {new}"


def _side(name: str, quote: Callable[[str], str]) -> str:
    # "the working tree" is prose; revision names are code.
    return name if name.startswith("the ") else quote(name)


def _markdown_change(change: Change) -> str:
    return f"- {change.kind} {code(change.slug)}: " + change.template.format(
        *(code(v) for v in change.values)
    )


def code(value: str) -> str:
    """``value`` as a markdown code span: nothing in it is rendered as markup."""
    value = " ".join(value.split())  # a code span cannot hold a line break in a list item
    fence = "`"
    while fence in value:
        fence += "`"
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
