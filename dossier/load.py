"""briefings/ → Corpus. Every problem in every file is collected, then raised once.

Stage order inside the loader: read and parse each file, check it against its
kind's schema, turn it into a model object, then check what files say about
each other (crossref). Nothing is returned unless all of it passed.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import claims, crossref, links, placeholders
from .atomic import read_kept, save_kept
from .build_env import code_digest
from .characters import name_problem
from .datefields import check_dates, years_as_text
from .errors import ContentError, Problem
from .evidence import reviewed_with_evidence
from .frontmatter import FrontMatterError, decode, parse
from .loadcache import SEEDS_FILE, BriefingFile, FileReader, SeedStats, Warm
from .model import (
    Article,
    Corpus,
)
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
FileCache = dict[BriefingFile, tuple[Any, list[Problem]]]


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
    # A process that loads once (no ``warm``) need not read unchanged seeds (SeedMemo).
    once = warm is None
    warm = warm or Warm()
    warm.reader.start_load()
    problems: list[Problem] = []
    loaded: dict[str, dict[str, Any]] = {kind: {} for kind in FOLDERS}
    seen: dict[str, dict[str, str]] = {kind: {} for kind in FOLDERS}
    read: list[BriefingFile] = []
    for kind, folder in FOLDERS.items():
        for rel in _briefing_files(root, folder, files):
            # Not UTF-8, or hidden characters: never read, shown escaped (it must print).
            bad_name = name_problem(rel, "rename it to a slug: lowercase letters, digits, hyphens")
            if bad_name is not None:
                problems.append(bad_name)
                continue
            problems += _check_file_name(rel, _stem(rel), seen[kind])
            if files is not None:
                raw = _sized(rel, files[rel], problems, limits)
                if raw is not None:
                    read.append(BriefingFile(kind, rel, raw))
                continue
            # A fresh process building (``cache_dir``) reads only the files that are not
            # as the last valid load read them (at 10,000 articles, 11,500 files).
            skip = once and cache_dir is not None and cache is None
            signature = warm.reader.signature(_join(root, rel), root) if skip else None
            if signature is not None and cache_dir is not None:
                key = warm.parsed.known(kind, rel, limits, signature, cache_dir)
                if key is not None:
                    read.append(BriefingFile(kind, rel, b"", signature, key))
                    continue
            raw = _read_bytes(warm.reader, root, rel, problems, limits)
            if raw is not None:  # one holding placeholders is always read (_placeholders)
                unmarked = signature if not _marked(raw) else None
                read.append(BriefingFile(kind, rel, raw, unmarked))
    if cache is None:  # a build: reuse results from cache_dir, parse the rest on every core
        load = functools.partial(_load, limits)
        results, save = warm.parsed.load_files(read, load, limits, cache_dir)
    else:
        save = None
        for item in read:
            if item not in cache:
                cache[item] = load_file(item.kind, item.path, item.raw, limits)
        results = [cache[item] for item in read]
    for item, (obj, found) in zip(read, results, strict=True):
        problems += found
        if obj is not None:
            loaded[item.kind][_stem(item.path)] = obj
    seed_digests: dict[str, str] = {}
    # A fresh process (nothing warm) takes unchanged seeds' digests from cache_dir.
    memo = SeedMemo(cache_dir, files is None and not warm.seed_digests, lazy=once)
    seed_texts = _read_seeds(
        root, loaded["article"], problems, limits, files, seed_digests, warm, memo
    )
    corpus = Corpus(
        companies=loaded["company"],
        deals=loaded["deal"],
        articles=loaded["article"],
        seed_digests=seed_digests,
        placeholders=_placeholders(read, loaded),
    )
    # Files that exist but failed their own checks are not "missing" when referenced.
    present = {kind: frozenset(seen[kind].values()) for kind in FOLDERS}
    problems += crossref.check(
        corpus,
        {k: set(v) for k, v in present.items()},
        seed_texts,
        crossref.Quotes(memo.quotes, memo.quotes_now),
    )
    problems += claims.check(corpus)
    if save and not problems:
        save()
        memo.save()
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
    warm: Warm,
    memo: SeedMemo | None = None,
) -> SeedTexts:
    """The raw text behind each article briefing that names a seed; fills ``digests``."""
    known, warm.seed_digests = warm.seed_digests, {}
    texts = SeedTexts(lambda path: _seed_text(warm.reader, path, root, limits))
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
        signature = warm.reader.signature(path, root) if memo is not None else None
        unchanged = memo.unchanged(article.seed, signature, limits) if memo else None
        if unchanged is not None:  # read only if a quote not found before needs its text
            digests[slug] = unchanged
            texts.later[slug] = path
            continue
        status, size, raw = warm.reader.read(path, root, limits.max_file_bytes)
        if status in ("link", "linked-folder"):
            problems.append(_seed_link(root, article, line, Path(path), status))
        elif status == "missing" and os.path.lexists(path):
            problems.append(_seed_not_a_file(article, line))
        elif status == "missing":
            problems.append(_missing_seed(article, line))
        elif raw is None:
            problems.append(_seed_too_big(article, line, size, limits))
        else:
            # An unchanged seed is the very bytes object of the last load (loadcache.FileReader):
            # its text and digest are the last load's.
            old = known.get(id(raw))
            if old is not None and old[0] is raw:
                text, digest = old[2], old[1]
            else:
                text = raw.decode("utf-8-sig", errors="replace")
                digest = memo.digest(raw, text) if memo is not None else _digest(text)
                if memo is not None:
                    memo.read(article.seed, signature, raw)
            texts.texts[slug], digests[slug] = text, digest
            warm.seed_digests[id(raw)] = (raw, digest, text)
    return texts


class SeedTexts(Mapping[str, str]):
    """Each read seed's text by article; an unchanged seed (SeedMemo.unchanged) is read
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


class SeedMemo:
    """Seeds' digests by a hash of their bytes, and the quotes found in their seeds
    (crossref.py), kept in ``cache_dir`` between processes (loadcache.py); ``use`` False
    (serve after its first load, a git revision): none. With ``lazy``, a seed whose file
    is as the last valid load read it (inode, size, times) is not read again."""

    def __init__(self, cache_dir: Path | None, use: bool, lazy: bool = False) -> None:
        self.cache_dir = cache_dir if use else None
        kept = read_kept(self.cache_dir / SEEDS_FILE, code_digest()) if self.cache_dir else None
        # sha256 of a seed's bytes → its digest; the quotes found; each seed's file as read
        kept_now: tuple[dict[str, str], frozenset[str], SeedStats] = kept or ({}, frozenset(), {})
        self.known, self.quotes, self.stats = kept_now
        self.lazy = lazy
        self.now: dict[str, str] = {}
        self.quotes_now: set[str] = set()
        self.stats_now: SeedStats = {}

    def unchanged(self, seed: str, signature: tuple[int, ...] | None, limits: Limits) -> str | None:
        """The digest of a seed whose file is as the last valid load read it, or None."""
        kept = self.stats.get(seed)
        if not self.lazy or signature is None or kept is None or kept[0] != signature:
            return None
        digest = self.known.get(kept[1])
        if digest is None or signature[2] > limits.max_file_bytes:
            return None
        self.now[kept[1]], self.stats_now[seed] = digest, kept
        return digest

    def digest(self, raw: bytes, text: str) -> str:
        if self.cache_dir is None:
            return _digest(text)
        key = hashlib.sha256(raw).hexdigest()
        digest = self.known.get(key)
        if digest is None:
            digest = _digest(text)
        self.now[key] = digest
        return digest

    def read(self, seed: str, signature: tuple[int, ...] | None, raw: bytes) -> None:
        """A seed read in this load: how its file was, for the next one."""
        if self.cache_dir is not None and signature is not None:
            self.stats_now[seed] = (signature, hashlib.sha256(raw).hexdigest())

    def save(self) -> None:
        """Keep this load's digests (call only when the load is valid)."""
        if self.cache_dir is not None and (
            self.now != self.known or self.quotes_now != self.quotes or self.stats_now != self.stats
        ):
            kept = (self.now, frozenset(self.quotes_now), self.stats_now)
            save_kept(self.cache_dir / SEEDS_FILE, code_digest(), kept)


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


def _load(limits: Limits, item: BriefingFile) -> tuple[Any, list[Problem]]:
    return load_file(item.kind, item.path, item.raw, limits)


def _placeholders(
    read: list[BriefingFile], loaded: dict[str, dict[str, Any]]
) -> dict[str, tuple[Problem, ...]]:
    """Ingest's placeholders in each loaded briefing, by path (only files that hold one)."""
    found = {}
    for item in read:
        slug = _stem(item.path)
        if slug not in loaded[item.kind] or not _marked(item.raw):
            continue
        hits = placeholders.find(item.path, item.raw.decode("utf-8", errors="replace"), slug)
        if hits:
            found[item.path] = tuple(hits)
    return dict(sorted(found.items()))


_MARKS = [placeholders.DESCRIBE.encode(), *(p.encode() for p in placeholders.NOTE_PARTS)]


def _marked(raw: bytes) -> bool:
    """Whether a briefing's bytes may hold one of ingest's placeholders."""
    return any(mark in raw for mark in _MARKS)
