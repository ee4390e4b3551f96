"""briefings/ → Corpus. Every problem in every file is collected, then raised once.

Stage order inside the loader: read and parse each file, check it against its
kind's schema, turn it into a model object, then check what files say about
each other (crossref). Nothing is returned unless all of it passed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import crossref
from .dates import DATE_SHAPE, PartialDate, parse_partial_date
from .errors import ContentError, Problem
from .frontmatter import Document, FrontMatterError, decode, dotted, parse
from .model import (
    Article,
    Company,
    Corpus,
    Deal,
    Fact,
    Money,
    Origin,
    Party,
    Review,
    Source,
)
from .schema import validate
from .slugs import SLUG, fold, slugify

FOLDERS = {"article": "articles", "company": "companies", "deal": "deals"}
MAX_FILE_BYTES = 5_000_000


Files = Mapping[str, bytes]  # project-relative posix path → content, e.g. a git revision


@dataclass(frozen=True)
class Loaded:
    """What the loader made of a tree, valid or not: the valid objects and every problem.

    ``present`` holds every slug that has a file, including files that failed their
    own checks, so a caller can tell "invalid here" from "absent here".
    """

    corpus: Corpus
    problems: tuple[Problem, ...]
    present: dict[str, frozenset[str]]


def load_corpus(root: Path, files: Files | None = None) -> Corpus:
    """Load and validate ``root``/briefings; raise ContentError listing every problem.

    ``files``, when given, is read instead of the disk (a git revision, for the diff).
    """
    loaded = load_tree(root, files)
    if loaded.problems:
        raise ContentError(loaded.problems)
    return loaded.corpus


FileCache = dict[tuple[str, str, bytes], tuple[Any, list[Problem]]]


def load_tree(root: Path, files: Files | None = None, cache: FileCache | None = None) -> Loaded:
    """The whole loader without the final raise: valid objects plus every problem.

    ``cache`` lets several revisions share the work for files whose bytes are the
    same (most of them, between two commits): pass one dict to every call.
    """
    problems: list[Problem] = []
    loaded: dict[str, dict[str, Any]] = {kind: {} for kind in FOLDERS}
    seen: dict[str, dict[str, str]] = {kind: {} for kind in FOLDERS}
    for kind, folder in FOLDERS.items():
        for rel in _briefing_files(root, folder, files):
            stem = PurePosixPath(rel).stem
            problems += _check_file_name(rel, stem, seen[kind])
            raw = files[rel] if files is not None else _read_bytes(root, rel, problems)
            if raw is None:
                continue
            if cache is None:
                obj, found = load_file(kind, rel, raw)
            else:
                if (kind, rel, raw) not in cache:
                    cache[kind, rel, raw] = load_file(kind, rel, raw)
                obj, found = cache[kind, rel, raw]
            problems += found
            if obj is not None:
                loaded[kind][stem] = obj
    corpus = Corpus(companies=loaded["company"], deals=loaded["deal"], articles=loaded["article"])
    # Files that exist but failed their own checks are not "missing" when referenced.
    present = {kind: frozenset(seen[kind].values()) for kind in FOLDERS}
    problems += crossref.check(root, corpus, dict(present), files)
    return Loaded(corpus, tuple(problems), present)


def _briefing_files(root: Path, folder: str, files: Files | None) -> list[str]:
    prefix = f"briefings/{folder}/"
    if files is None:
        return [
            p.relative_to(root).as_posix()
            for p in sorted((root / "briefings" / folder).glob("*.md"))
        ]
    return sorted(
        rel
        for rel in files
        if rel.startswith(prefix) and rel.endswith(".md") and "/" not in rel[len(prefix) :]
    )


def load_file(kind: str, rel: str, raw: bytes) -> tuple[Any, list[Problem]]:
    """One briefing's bytes → its model object (or None) and the problems of that file alone.

    Depends on nothing but its arguments, so callers may cache it by content.
    """
    try:
        doc = parse(rel, decode(rel, raw))
    except FrontMatterError as exc:
        return None, [exc.problem]
    _years_as_text(doc)
    found = validate(kind, doc) + _check_dates(doc)
    if not doc.body.strip():
        found.append(
            Problem(
                rel,
                doc.body_line,
                "",
                "has no text below the front matter",
                f"write the {_BODY_NAME[kind]} there",
            )
        )
    if found:
        return None, found
    return _BUILDERS[kind](PurePosixPath(rel).stem, doc), []


def _check_file_name(rel: str, stem: str, seen: dict[str, str]) -> list[Problem]:
    """The file name is the slug: it must be valid and unique after normalisation."""
    problems = []
    if not SLUG.match(stem):
        problems.append(
            Problem(
                rel,
                None,
                "",
                f"file name '{stem}' is not a valid slug",
                f"rename it to {slugify(stem) or 'a-name'}.md",
            )
        )
    key = fold(stem)
    if key in seen:
        problems.append(
            Problem(
                rel,
                None,
                "",
                f"slug collides with '{seen[key]}'",
                "names that differ only in case, width or accents are the "
                "same slug; merge the two files or rename one",
            )
        )
    else:
        seen[key] = stem
    return problems


_BODY_NAME = {"article": "summary", "company": "description", "deal": "summary"}


def _read_bytes(root: Path, rel: str, problems: list[Problem]) -> bytes | None:
    path = root / rel
    try:
        real = path.resolve()
        if not real.is_relative_to(root.resolve()):
            problems.append(
                Problem(
                    rel,
                    None,
                    "",
                    "is a link to a file outside the project",
                    "copy the file into briefings/ instead",
                )
            )
            return None
        size = os.path.getsize(real)
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    rel,
                    None,
                    "",
                    f"is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a briefing",
                    "shorten it; briefings hold summaries, not full text",
                )
            )
            return None
        return real.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, None, "", f"cannot be read: {exc.strerror}"))
    return None


_DATE_FIELDS = (
    "published",
    "announced",
    "closed",
    ("review", "date"),
    ("facts", "founded", "value"),
)


def _date_values(doc: Document) -> Iterator[tuple[tuple[str, ...], dict[str, Any], str]]:
    """Each date field present: its path, the mapping holding it, and its key."""
    for field in _DATE_FIELDS:
        path = field if isinstance(field, tuple) else (field,)
        holder: Any = doc.data
        for part in path[:-1]:
            holder = holder.get(part) if isinstance(holder, dict) else None
        if isinstance(holder, dict) and path[-1] in holder:
            yield path, holder, path[-1]


def _years_as_text(doc: Document) -> None:
    """``published: 2015`` unquoted is the year 2015, as the user meant."""
    for _, holder, key in _date_values(doc):
        value = holder[key]
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            holder[key] = str(value)


def _check_dates(doc: Document) -> list[Problem]:
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


def _date(value: str | None) -> PartialDate | None:
    return parse_partial_date(value) if value else None


def _review(data: dict[str, Any]) -> Review:
    review = data["review"]
    return Review(review["status"], review.get("by"), _date(review.get("date")))


def _article(slug: str, doc: Document) -> Article:
    d = doc.data
    return Article(
        slug=slug,
        title=d["title"],
        seed=d.get("seed"),
        url=d.get("url"),
        outlet=d.get("outlet"),
        author=d.get("author"),
        published=_date(d.get("published")),
        language=d.get("language", "en"),
        companies=tuple(d["companies"]),
        deals=tuple(d.get("deals", ())),
        topics=tuple(d.get("topics", ())),
        key_points=tuple(d.get("key_points", ())),
        summary=doc.body,
        review=_review(d),
        origin=Origin(doc.path, doc.lines),
    )


def _company(slug: str, doc: Document) -> Company:
    d = doc.data
    facts = tuple(
        Fact(name, f["value"], f.get("source"), f.get("quote"))
        for name, f in d.get("facts", {}).items()
    )
    return Company(
        slug=slug,
        name=d["name"],
        aliases=tuple(d.get("aliases", ())),
        description=doc.body,
        facts=facts,
        topics=tuple(d.get("topics", ())),
        review=_review(d),
        origin=Origin(doc.path, doc.lines),
    )


def _deal(slug: str, doc: Document) -> Deal:
    d = doc.data
    value = d.get("value")
    return Deal(
        slug=slug,
        title=d["title"],
        kind=d["kind"],
        status=d["status"],
        parties=tuple(Party(p["company"], p.get("role", "partner")) for p in d["parties"]),
        announced=_date(d.get("announced")),
        closed=_date(d.get("closed")),
        value=Money(float(value["amount"]), value["currency"]) if value else None,
        areas=tuple(d.get("areas", ())),
        sources=tuple(Source(s["article"], s["quote"]) for s in d["sources"]),
        related=tuple(d.get("related", ())),
        summary=doc.body,
        review=_review(d),
        origin=Origin(doc.path, doc.lines),
    )


_BUILDERS: dict[str, Callable[[str, Document], Any]] = {
    "article": _article,
    "company": _company,
    "deal": _deal,
}
