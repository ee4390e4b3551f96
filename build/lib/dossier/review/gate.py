"""The check gate: problems, and in strict mode drafts and unacknowledged conflicts.

Text goes to the terminal, ``github`` becomes workflow-command annotations on the
pull request's files, ``json`` is for other tools.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from .. import claims
from ..errors import ContentError, Problem
from ..load import Loaded
from ..model import Article, Company, Corpus, Deal


def open_conflicts(corpus: Corpus) -> list[Problem]:
    """Conflicts between sources nobody has resolved or acknowledged (see dossier.claims)."""
    return [conflict.as_problem() for conflict in claims.unacknowledged_conflicts(corpus)]


def drafts(corpus: Corpus) -> list[Problem]:
    """Every briefing still marked draft: in strict mode, each one blocks publishing."""
    items: list[Company | Deal | Article] = [
        *corpus.companies.values(),
        *corpus.deals.values(),
        *corpus.articles.values(),
    ]
    return [
        Problem(
            item.origin.path,
            item.origin.line_of("review", "status"),
            "review.status",
            "is a draft awaiting review",
            f"review it, then run: python build.py review approve {item.slug}",
        )
        for item in items
        if item.review.status == "draft"
    ]


def unread(corpus: Corpus) -> list[Problem]:
    """Reviewed briefings that still hold ingest's placeholders: marked read, yet not
    (the loader found them while it had each file's bytes)."""
    items: list[Company | Deal | Article] = [
        *corpus.companies.values(),
        *corpus.deals.values(),
        *corpus.articles.values(),
    ]
    return [
        problem
        for item in items
        if item.review.status == "reviewed"
        for problem in corpus.placeholders.get(item.origin.path, ())
    ]


def gate(loaded: Loaded, strict: bool) -> list[Problem]:
    """What stops CI: every problem; in strict mode also every draft, unacknowledged
    conflict and reviewed briefing that still holds a placeholder."""
    problems = list(loaded.problems)
    if strict:
        problems += drafts(loaded.corpus) + open_conflicts(loaded.corpus) + unread(loaded.corpus)
    return ContentError(problems).problems  # sorted and deduplicated as everywhere else


def as_github(problems: list[Problem], warnings: Sequence[Problem] = ()) -> str:
    """GitHub Actions workflow commands: one ``::error`` annotation per problem."""
    lines = []
    for level, p in [*(("error", p) for p in problems), *(("warning", w) for w in warnings)]:
        props = [f"file={_prop(p.path)}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.field:
            props.append(f"title={_prop(p.field)}")
        message = p.message + (f" ({p.hint})" if p.hint else "")
        lines.append(f"::{level} {','.join(props)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)


def as_json(problems: list[Problem], corpus: Corpus, warnings: Sequence[Problem] = ()) -> str:
    report = {
        "ok": not problems,
        "counts": {
            "articles": len(corpus.articles),
            "companies": len(corpus.companies),
            "deals": len(corpus.deals),
        },
        "problems": [_as_dict(p) for p in problems],
        "warnings": [_as_dict(w) for w in warnings],
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _as_dict(p: Problem) -> dict[str, object]:
    return {"path": p.path, "line": p.line, "field": p.field, "message": p.message, "hint": p.hint}


def _data(text: str) -> str:
    # Escaping defined by GitHub's workflow-command syntax.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
