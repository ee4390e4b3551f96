"""One reader per seed format, chosen by extension: .txt, .md, .html/.htm.

Every reader returns a RawArticle whose ``text`` has LF line ends and no BOM, plus
``quotable``: the seed as the loader's quote check reads it (UTF-8, whitespace
collapsed), so the deal drafter can keep only quotes that will pass ``check``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from ..errors import ContentError, Problem
from ..frontmatter import UNSAFE_CHARS, FrontMatterError, parse
from .text import collapse
from .types import RawArticle

EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
_META_KEYS = ("title", "url", "outlet", "author", "published", "language")


def read_seed(root: Path, path: Path) -> RawArticle:
    """Read one seed; raise ContentError naming the file when it cannot be used."""
    rel = path.relative_to(root).as_posix()
    raw = path.read_bytes()
    text = decode_bytes(raw).replace("\r\n", "\n").replace("\r", "\n")
    # Control and bidi-override characters would make the drafts invalid (the loader
    # refuses them in front matter); a sentence that held one can no longer be quoted.
    text = UNSAFE_CHARS.sub(" ", text)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise ContentError(
            [Problem(rel, None, "", f"unknown seed format '{path.suffix}'", _FORMATS_HINT)]
        )
    text, meta = reader(rel, text)
    quotable = collapse(raw.decode("utf-8-sig", errors="replace"))
    return RawArticle(rel, text, meta, quotable)


_FORMATS_HINT = "save it as .txt, .md or .html"


def decode_bytes(raw: bytes) -> str:
    """UTF-8 (with or without BOM) first; otherwise the encoding charset-normalizer detects."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(codec).lstrip("\ufeff")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def _read_text(rel: str, text: str) -> tuple[str, dict[str, str]]:
    return text, {}


def _read_markdown(rel: str, text: str) -> tuple[str, dict[str, str]]:
    """Optional YAML front matter (url, outlet, author, published, language, title)."""
    if not text.startswith("---\n"):
        return _strip_markup(text), {}
    try:
        doc = parse(rel, text)
    except FrontMatterError as exc:
        raise ContentError([exc.problem]) from None
    meta = {k: str(doc.data[k]) for k in _META_KEYS if doc.data.get(k) not in (None, "")}
    # Blank lines keep body lines where they were, so nothing shifts for a reader.
    return "\n" * (doc.body_line - 1) + _strip_markup(doc.body), meta


_HEADING = re.compile(r"^#{1,6}\s+", re.M)


def _strip_markup(text: str) -> str:
    """Heading marks only: inline markup stays so sentences remain substrings of the seed."""
    return _HEADING.sub("", text)


def _read_html(rel: str, text: str) -> tuple[str, dict[str, str]]:
    try:
        import trafilatura

        # It logs ERROR lines for pages it cannot parse; we report those ourselves.
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    except ImportError as exc:  # pragma: no cover - a pinned dependency
        raise ContentError(
            [Problem(rel, None, "", "HTML seeds need trafilatura", "pip install -e .")]
        ) from exc
    body = trafilatura.extract(
        text,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=True,
        with_metadata=False,
    )
    meta: dict[str, str] = {}
    found = trafilatura.extract_metadata(text, extensive=False)
    if found is not None:
        for key, value in (
            ("title", found.title),
            ("author", found.author),
            ("outlet", found.sitename),
            ("url", found.url),
            ("published", found.date),
            ("language", found.language),
        ):
            if value:
                meta[key] = str(value)
    return body or "", meta


_READERS: dict[str, Callable[[str, str], tuple[str, dict[str, str]]]] = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
}
