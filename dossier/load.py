"""briefings/ → Corpus. Every problem in every file is collected, then raised once.

Stage order inside the loader: read and parse each file, check it against its
kind's schema, turn it into a model object, then check what files say about
each other (crossref). Nothing is returned unless all of it passed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import claims, crossref, links, placeholders
from .characters import name_problem
from .datefields import check_dates, years_as_text
from .errors import ContentError, Problem
from .evidence import reviewed_with_evidence
from .frontmatter import FrontMatterError, decode, parse
from .loadcache import FileReader, FileStore, Warm
from .model import (
    Article,
    Corpus,
)
from .parallel import ordered_map
from .provenance import normalise
from .records import BUILDERS
from .schema import validate
from .slugs import SLUG, fold, slugify

FOLDERS = {"article": "articles", "company": "companies", "deal": "deals"}


@dataclass(frozen=True)
class Limits:
    """Bounds on input size, so one huge or hostile file cannot exhaust memory or time."""

    max_file_bytes: int = 5_000_000  # a briefing or seed file on disk
    max_body_chars: int = 200_000  # the markdown body of one briefing


Files = Mapping[str, bytes]  # project-relative posix path → content, e.g. a git revision
# A briefing's model object (or None), its own problems and ingest's placeholders in it
Parsed = tuple[Any, list[Problem], tuple[Problem, ...]]
FileCache = dict["BriefingFile", Parsed]


@dataclass(frozen=True)
class BriefingFile:
    """One briefing as read: what the loader parses."""

    kind: str  # company, deal or article
    path: str  # project-relative, e.g. briefings/deals/x.md
    raw: bytes  # empty when not read (as the last valid load read it: loadcache.py)
    # How the file was before it was read (FileReader.signature), None in a git revision
    signature: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Loaded:
    """What the loader made of a tree, valid or not: the valid objects and every problem.

    ``present`` holds every slug that has a file, including files that failed their
    own checks, so a caller can tell "invalid here" from "absent here".
    """

    corpus: Corpus
    problems: tuple[Problem, ...]
    present: dict[str, frozenset[str]]


def load_corpus(
    root: Path,
    limits: Limits = Limits(),
    *,
    files: Files | None = None,
    cache_dir: Path | None = None,
    warm: Warm | None = None,
) -> Corpus:
    """Load and validate ``root``/briefings; raise ContentError listing every problem.

    ``files``, when given, is read instead of the disk (a git revision, for the diff).
    ``warm`` is what the last load in this process kept (serve), else nothing.
    """
    loaded = load_tree(root, limits, files=files, cache_dir=cache_dir, warm=warm)
    if loaded.problems:
        raise ContentError(loaded.problems)
    return loaded.corpus


def load_tree(
    root: Path,
    limits: Limits = Limits(),
    *,
    files: Files | None = None,
    cache: FileCache | None = None,
    cache_dir: Path | None = None,
    warm: Warm | None = None,
) -> Loaded:
    """The whole loader without the final raise: valid objects plus every problem.

    ``cache`` lets several revisions share the work for files whose bytes are the
    same (most of them, between two commits): pass one dict to every call.
    ``cache_dir`` keeps parsed files on disk between builds (see loadcache.py).
    """
    reader = FileReader()
    # What the last valid load made of each file that did not change since (loadcache.py)
    store = None if files is not None else (warm or Warm()).files
    if store is not None:
        store.start(cache_dir)
    shape = f"\0{limits!r}"  # besides the kind, what shapes a parse
    problems: list[Problem] = []
    loaded: dict[str, dict[str, Any]] = {kind: {} for kind in FOLDERS}
    seen: dict[str, dict[str, str]] = {kind: {} for kind in FOLDERS}
    read: list[BriefingFile] = []
    parses: list[Parsed | None] = []
    for kind, folder in FOLDERS.items():
        for rel in _briefing_files(root, folder, files):
            # Not UTF-8, or hidden characters: never read, shown escaped (it must print).
            bad_name = name_problem(rel, "rename it to a slug: lowercase letters, digits, hyphens")
            if bad_name is not None:
                problems.append(bad_name)
                continue
            problems += _check_file_name(rel, _stem(rel), seen[kind])
            signature = None
            if files is not None:
                raw = _sized(rel, files[rel], problems, limits)
            else:  # at 10,000 articles a build after an edit opens one file of 11,500
                signature = reader.signature(_join(root, rel), root)
                made = store.get(rel, signature, kind + shape) if store else None
                if made is not None:
                    read.append(BriefingFile(kind, rel, b"", signature))
                    parses.append(made)
                    continue
                raw = _read_bytes(reader, root, rel, problems, limits)
            if raw is not None:
                read.append(BriefingFile(kind, rel, raw, signature))
                parses.append(cache.get(read[-1]) if cache is not None else None)
    todo = [i for i, made in enumerate(parses) if made is None]
    if cache is None:  # a build: on every core
        made_now = ordered_map(lambda i: _parse(limits, read[i]), todo)
    else:
        made_now = [_parse(limits, read[i]) for i in todo]
    for i, made in zip(todo, made_now, strict=True):
        parses[i] = made
        if cache is not None:
            cache[read[i]] = made
        if store is not None:
            store.put(read[i].path, read[i].signature, read[i].kind + shape, made)
    found_placeholders = {}
    for item, made in zip(read, parses, strict=True):
        assert made is not None  # parsed above
        obj, found, hits = made
        problems += found
        if obj is not None:
            loaded[item.kind][_stem(item.path)] = obj
        if hits:
            found_placeholders[item.path] = hits
    seed_digests: dict[str, str] = {}
    seed_texts = _read_seeds(
        root, loaded["article"], problems, limits, files, seed_digests, reader, store
    )
    corpus = Corpus(
        companies=loaded["company"],
        deals=loaded["deal"],
        articles=loaded["article"],
        seed_digests=seed_digests,
        placeholders=dict(sorted(found_placeholders.items())),
    )
    # Files that exist but failed their own checks are not "missing" when referenced.
    present = {kind: frozenset(seen[kind].values()) for kind in FOLDERS}
    quotes = crossref.Quotes(store.quotes if store else frozenset())
    problems += crossref.check(corpus, {k: set(v) for k, v in present.items()}, seed_texts, quotes)
    problems += claims.check(corpus)
    if store is not None and not problems:
        store.save(cache_dir, quotes.found)
    return Loaded(corpus, tuple(problems), present)


def _briefing_files(root: Path, folder: str, files: Files | None) -> list[str]:
    prefix = f"briefings/{folder}/"
    if files is None:
        try:
            with os.scandir(root / "briefings" / folder) as entries:
                names = sorted(e.name for e in entries if e.name.endswith(".md"))
        except (FileNotFoundError, NotADirectoryError):
            return []
        return [prefix + name for name in names if not name.startswith(".")]
    return sorted(
        rel
        for rel in files
        if rel.startswith(prefix) and rel.endswith(".md") and "/" not in rel[len(prefix) :]
    )


def load_file(
    kind: str, rel: str, raw: bytes, limits: Limits = Limits()
) -> tuple[Any, list[Problem]]:
    """One briefing's bytes → its model object (or None) and the problems of that file alone.

    Depends on nothing but its arguments, so callers may cache it by content.
    """
    try:
        doc = parse(rel, decode(rel, raw))
    except FrontMatterError as exc:
        return None, [exc.problem]
    years_as_text(doc)
    found = validate(kind, doc) + check_dates(doc) + reviewed_with_evidence(kind, doc)
    if len(doc.body) > limits.max_body_chars:
        found.append(
            Problem(
                rel,
                doc.body_line,
                "",
                f"text below the front matter is {len(doc.body):,} characters, over the "
                f"{limits.max_body_chars:,} allowed",
                "keep a summary here and the full article in seeds/, or raise --max-body-chars",
            )
        )
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
    record = BUILDERS[kind](PurePosixPath(rel).stem, doc)
    digest = hashlib.sha256(f"{kind}\0{rel}\0".encode() + raw).hexdigest()
    return dataclasses.replace(record, origin=dataclasses.replace(record.origin, digest=digest)), []


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


def _read_seeds(
    root: Path,
    articles: dict[str, Article],
    problems: list[Problem],
    limits: Limits,
    files: Files | None,
    digests: dict[str, str],
    reader: FileReader,
    store: FileStore | None,
) -> SeedTexts:
    """The raw text behind each article briefing that names a seed; fills ``digests``."""
    texts = SeedTexts(lambda path: _seed_text(reader, path, root, limits))
    shape = f"seed\0{limits!r}"
    for slug, article in articles.items():
        if article.seed is None:
            continue
        line = article.origin.line_of("seed")
        if files is not None and _seed_path_problem(article, line) is not None:
            problems.append(_missing_seed(article, line))
        elif files is not None:  # a git revision: symlinks were left out when it was read
            raw = files.get(article.seed)
            if raw is None:
                problems.append(_missing_seed(article, line))
            elif len(raw) > limits.max_file_bytes:
                problems.append(_seed_too_big(article, line, len(raw), limits))
            else:
                texts.texts[slug] = raw.decode("utf-8-sig", errors="replace")
                digests[slug] = _digest(texts.texts[slug])
            continue
        refused = _seed_path_problem(article, line)
        if refused is not None:
            problems.append(refused)
            continue
        path = _join(root, article.seed)
        signature = reader.signature(path, root) if store is not None else None
        unchanged = store.get(article.seed, signature, shape) if store is not None else None
        if unchanged is not None:  # read only if a quote not found before needs its text
            digests[slug] = unchanged
            texts.later[slug] = path
            continue
        status, size, raw = reader.read(path, root, limits.max_file_bytes)
        if status in ("link", "linked-folder"):
            problems.append(_seed_link(root, article, line, Path(path), status))
        elif status == "missing" and os.path.lexists(path):
            problems.append(_seed_not_a_file(article, line))
        elif status == "missing":
            problems.append(_missing_seed(article, line))
        elif raw is None:
            problems.append(_seed_too_big(article, line, size, limits))
        else:
            text = raw.decode("utf-8-sig", errors="replace")
            texts.texts[slug], digests[slug] = text, _digest(text)
            if store is not None:
                store.put(article.seed, signature, shape, digests[slug])
    return texts


class SeedTexts(Mapping[str, str]):
    """Each read seed's text by article; an unchanged seed (loadcache.FileStore) is read
    when its text is first asked for (crossref.py asks only for a quote it has not
    found in it before): a fresh process at 10,000 articles reads none of them."""

    def __init__(self, read: Callable[[str], str]) -> None:
        self.read = read
        self.texts: dict[str, str] = {}
        self.later: dict[str, str] = {}  # article → its seed's path, not read yet

    def __getitem__(self, slug: str) -> str:
        if slug in self.later:
            self.texts[slug] = self.read(self.later.pop(slug))
        return self.texts[slug]

    def __contains__(self, slug: object) -> bool:  # without reading it
        return slug in self.texts or slug in self.later

    def __iter__(self) -> Iterator[str]:
        return iter([*self.texts, *self.later])

    def __len__(self) -> int:
        return len(self.texts) + len(self.later)


def _seed_text(reader: FileReader, path: str, root: Path, limits: Limits) -> str:
    """An unchanged seed's text, read now ("" if it went since: its quotes go unchecked
    in this build, which the next one, seeing it gone, reports)."""
    status, _, raw = reader.read(path, root, limits.max_file_bytes)
    return raw.decode("utf-8-sig", errors="replace") if status == "ok" and raw is not None else ""


def _seed_path_problem(article: Article, line: int) -> Problem | None:
    """A ``seed:`` that is not the name of a file directly in seeds/ (``seeds/..``)."""
    folder, _, name = (article.seed or "").partition("/")
    if folder == "seeds" and name not in ("", ".", "..") and "/" not in name and "\0" not in name:
        return None
    return Problem(
        article.origin.path,
        line,
        "seed",
        f"{article.seed} is not a file in seeds/; a seed is read only from there",
        "write seeds/FILENAME, the article's file in seeds/",
    )


def _seed_link(root: Path, article: Article, line: int, path: Path, status: str) -> Problem:
    """A seed that is a link, or in a folder that is one: refused, never read."""
    where, hint = "", "copy the article into seeds/ as a file, then remove the link"
    if status == "linked-folder":
        folder = links.linked_folder(root, path) or "seeds"
        what = f"is in a folder that is a link ({folder})"
        hint = f"replace the link with the folder {folder}/ itself"
    elif (where := links.link_target(root, path)) == "broken":
        what = "is a broken link (it points to nothing)"
    else:
        what = f"is a link {where}"
    return Problem(
        article.origin.path,
        line,
        "seed",
        f"{article.seed} {what}; a seed is never read through a link, so its quotes were"
        " not checked",
        hint,
    )


def _seed_not_a_file(article: Article, line: int) -> Problem:
    what = f"{article.seed} is not a file (a folder, pipe or device); it was not read"
    return Problem(article.origin.path, line, "seed", what, "put the article's file there")


def _missing_seed(article: Article, line: int) -> Problem:
    return Problem(
        article.origin.path,
        line,
        "seed",
        f"{article.seed} does not exist",
        "fix the path or add the seed file",
    )


def _seed_too_big(article: Article, line: int, size: int, limits: Limits) -> Problem:
    return Problem(
        article.origin.path,
        line,
        "seed",
        f"{article.seed} is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit",
        "trim the seed to the article's text, or raise --max-file-bytes",
    )


def _digest(text: str) -> str:
    # Whitespace-insensitive, so a syndicated copy re-wrapped by another site matches.
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


_BODY_NAME = {"article": "summary", "company": "description", "deal": "summary"}


def _stem(rel: str) -> str:
    # Strings, not pathlib, for what runs per file: a load handles 20,000 at scale.
    return rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _join(root: Path, rel: str) -> str:
    return os.path.join(root, rel)


def _read_bytes(
    reader: FileReader, root: Path, rel: str, problems: list[Problem], limits: Limits
) -> bytes | None:
    try:
        status, size, raw = reader.read(_join(root, rel), root, limits.max_file_bytes)
    except OSError as exc:
        problems.append(Problem(rel, None, "", f"cannot be read: {exc.strerror}"))
        return None
    if status in ("link", "linked-folder"):
        problems.append(links.briefing_problem(root, rel, status))
        return None
    if status == "missing":
        problems.append(Problem(rel, None, "", "cannot be read: not a file"))
        return None
    if raw is None:
        _sized(rel, b"", problems, limits, size)
    return raw


def _sized(
    rel: str, raw: bytes, problems: list[Problem], limits: Limits, size: int | None = None
) -> bytes | None:
    """``raw``, or None with a problem when the file (of ``size`` bytes) is over the limit."""
    size = len(raw) if size is None else size
    if size > limits.max_file_bytes:
        problems.append(
            Problem(
                rel,
                None,
                "",
                f"is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit",
                "shorten it to a summary, or raise --max-file-bytes",
            )
        )
        return None
    return raw


def _parse(limits: Limits, item: BriefingFile) -> Parsed:
    """``load_file``, and ingest's placeholders in the briefing if it loaded."""
    obj, found = load_file(item.kind, item.path, item.raw, limits)
    hits: tuple[Problem, ...] = ()
    if obj is not None and _marked(item.raw):
        text = item.raw.decode("utf-8", errors="replace")
        hits = tuple(placeholders.find(item.path, text, _stem(item.path)))
    return obj, found, hits


_MARKS = [placeholders.DESCRIBE.encode(), *(p.encode() for p in placeholders.NOTE_PARTS)]


def _marked(raw: bytes) -> bool:
    """Whether a briefing's bytes may hold one of ingest's placeholders."""
    return any(mark in raw for mark in _MARKS)
