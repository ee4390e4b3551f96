"""One reader per seed format, chosen by extension: .txt, .md, .html/.htm.

Every reader returns a RawArticle whose ``text`` has LF line ends, no BOM and no
invisible characters, plus ``quotable``: the seed as the loader's quote check reads it
(UTF-8, whitespace collapsed, invisible characters dropped), so the deal drafter can
keep only quotes that will pass ``check``. What a reader could not use as its format
says (front matter that is not front matter) is read as text, with a warning.
"""

from __future__ import annotations

import ast
import email
import email.policy
import email.utils
import html
import logging
import re
import tomllib
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from ..characters import visible
from ..errors import ContentError, Problem
from ..frontmatter import UNSAFE_CHARS, FrontMatterError, parse
from .guard import EXTENSIONS, MAX_FILE_BYTES, read_seed_bytes
from .text import collapse
from .types import IgnoredKeys, RawArticle

__all__ = ["EXTENSIONS", "blank_problem", "decode_bytes", "read_seed"]
_META_KEYS = ("title", "url", "outlet", "author", "published", "language")
_IGNORED_HINT = (
    f"a seed's front matter holds {', '.join(_META_KEYS)}, or a usual other name of one"
    " such as date, pubDate or permalink (docs/ingest.md lists them)"
)
Read = tuple[str, dict[str, str], tuple[Problem, ...]]  # text, metadata, warnings


def read_seed(root: Path, path: Path, max_bytes: int = MAX_FILE_BYTES) -> RawArticle:
    """Read one seed; raise ContentError naming the file when it cannot be used."""
    rel = path.relative_to(root).as_posix()
    raw = read_seed_bytes(root, path, max_bytes)
    blank = blank_problem(rel, raw)
    if blank is not None:
        raise ContentError([blank])
    text = decode_bytes(raw).replace("\r\n", "\n").replace("\r", "\n")
    # Control and bidi-override characters would make the drafts invalid (the loader
    # refuses them in front matter); a sentence that held one can no longer be quoted.
    # Invisible ones would split a name ("Xi\u200baomi") or hide in it: dropped.
    text = visible(UNSAFE_CHARS.sub(" ", text))
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise ContentError(
            [Problem(rel, None, "", f"unknown seed format '{path.suffix}'", _FORMATS_HINT)]
        )
    text, meta, warnings = reader(rel, text)
    if not text.strip():
        raise ContentError(
            [
                Problem(
                    rel,
                    None,
                    "",
                    "has no article text; nothing was drafted from it",
                    "save the article page itself, or paste its text into a .txt seed",
                )
            ]
        )
    quotable = collapse(visible(raw.decode("utf-8-sig", errors="replace")))
    return RawArticle(rel, text, meta, quotable, warnings)


def blank_problem(rel: str, raw: bytes) -> Problem | None:
    """A Problem when the seed holds no text at all (only whitespace or invisible marks)."""
    if raw and visible(decode_bytes(raw)).strip():
        return None
    what = "is empty" if not raw else "holds only whitespace"
    return Problem(
        rel,
        None,
        "",
        f"{what}; nothing was drafted from it",
        "put the article's text in it, or delete it",
    )


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


def _read_text(rel: str, text: str) -> Read:
    warnings: tuple[Problem, ...] = ()
    if _LOOKS_FENCED.match(text):
        warnings = (
            Problem(
                rel,
                1,
                "",
                "starts with --- lines like front matter, but a .txt seed is plain text: "
                "they were read as part of the article",
                "save it as .md to give title, url, outlet, author, published or language",
            ),
        )
    headed = _mail(text) or _field_header(rel, text)
    if headed is not None:
        return headed
    archived = (
        _archive_document(text)
        or _timeml_document(text)
        or _dow_jones_record(text)
        or _tagged_record(text, {})
    )
    if archived is not None:
        return archived
    return _without_tags(_blank_rules(_listed(_unslashed(text)))), {}, warnings


# A dataset's story kept as Python's list of its paragraphs: "['Maxeon Solar … fro…',
# 'Copyright © 2023 …']" (only a flat list of string literals is read as one)
_STRING_LITERAL = r"'(?:[^'\\\n]|\\.)*'" + "|" + r'"(?:[^"\\\n]|\\.)*"'
_LISTED = re.compile(rf"\[\s*(?:(?:{_STRING_LITERAL})\s*,\s*)*(?:{_STRING_LITERAL})\s*\]")
_ONE_LITERAL = re.compile(_STRING_LITERAL)


def _listed(text: str) -> str:
    """A story kept as a list of paragraphs, its paragraphs as lines; else the text."""
    body = text.strip()
    if not body.startswith(("['", '["')) or _LISTED.fullmatch(body) is None:
        return text
    try:
        parts = [ast.literal_eval(m.group(0)) for m in _ONE_LITERAL.finditer(body)]
    except (ValueError, SyntaxError):
        return text
    lead = text[: len(text) - len(text.lstrip())]
    return lead + "\n\n".join(str(part) for part in parts)


def _unslashed(text: str) -> str:
    """A story a scraper saved as one escaped line ("…airline tumbled.\\n\\nIndia\\'s
    Central Bureau …"): its escapes read, so its paragraphs are lines again."""
    if text.count("\n") > 2 or text.count("\\n") < 3:
        return text
    return _BACKSLASH_ESCAPE.sub(lambda m: _ESCAPED[m.group(1)], text)


_ESCAPED = {"n": "\n", "t": " ", "'": "'", '"': '"', "\\": "\\"}
_BACKSLASH_ESCAPE = re.compile(r"\\([nt'\"\\])")


# News archives kept in the TREC/LDC form (AP, Wall Street Journal, Los Angeles Times,
# newswire corpora): SGML fields in a <DOC>, the document number giving the archive and
# the day ("AP890103-0251", "APW19990602.0201", "LA102390-0093"). The Financial Times'
# number ("FT911-4695") gives no day: its DATE field does ("910418").
_DOCNO = re.compile(r"\A\s*(?:<DOC>\s*)?<DOCNO>\s*(?:([A-Z]+)(\d{6,8})\b|(FT)\d{3}-\d)")
# the New York Times News Service's slug of a story of the paper's own:
# "(BC-UNDERWRITING-ART-595ADD-NYT)"; other papers' end in their own code ("-COX")
_NYT_OWN_SLUG = re.compile(r"\(BC-[\w-]+-NYT\)")
# the Gigaword form of the same archives: '<DOC id="NYT_ENG_19950101.0065" type="story">'
_GIGAWORD_ID = re.compile(r'\A\s*<DOC\s+id="([A-Z]{3})_[A-Z]{3}_(\d{8})\.\d+"')
# the FT's headline opens with the paper, the day and the page's section: "FT  18 APR 91
# / International Company News: Cinema merger near collapse"
_FT_HEAD = re.compile(r"\AFT\s+\d{1,2} [A-Z]{3} \d\d\s*/\s*(?:[^:/]{1,60}:\s*)?")
_TITLE_FIELDS = ("HEADLINE", "HEAD", "HL", "TITLE")
# archive → (outlet, how its number writes the day); a news service's archive ("NYT":
# the wire carries many papers' stories) names no outlet
_ARCHIVES = {
    "AP": ("Associated Press", "yymmdd"),
    "APW": ("Associated Press", "yyyymmdd"),
    "WSJ": ("The Wall Street Journal", "yymmdd"),
    "LA": ("Los Angeles Times", "mmddyy"),
    "NYT": (None, "yyyymmdd"),
    "XIE": (None, "yyyymmdd"),
    "XIN": ("Xinhua", "yyyymmdd"),
    "AFP": ("Agence France-Presse", "yyyymmdd"),
}


def _archive_document(text: str) -> Read | None:
    """An archived wire document's text, with its headline, archive and day; None when
    the text is not one. The text keeps its other fields: a news service's story names
    its paper in a line before the story ("c.1999 San Francisco Chronicle")."""
    number = _DOCNO.match(text) or _GIGAWORD_ID.match(text)
    if number is None or not _field(text, "TEXT"):
        return None
    if "Eds" in text:
        text = _EDITORS_NOTE.sub("", text)
    if "<SUBJECT>" in text or "<DESCRIPT>" in text:
        text = _INDEX_TERMS.sub("", text)
    meta: dict[str, str] = {}
    title = next((t for f in _TITLE_FIELDS for t in _field(text, f)), "")
    title = " ".join(_ARCHIVE_CODE.sub(" ", _without_tags(title, always=True)).split())
    outlet: str | None
    if number.re is _DOCNO and number.group(3):  # the Financial Times
        title = _FT_HEAD.sub("", title) or title
        outlet, order, stamp = "Financial Times", "yymmdd", "".join(_field(text, "DATE")).strip()
    else:
        outlet, order = _ARCHIVES.get(number.group(1), (None, ""))
        stamp = number.group(2)
        if number.group(1) == "NYT" and _NYT_OWN_SLUG.search(text, 0, 2_000):
            outlet = "The New York Times"  # the service's slug ends with the paper's code
    if title:
        meta["title"] = title
    day = _day(stamp, order)
    if day is not None:
        meta["published"] = day
    if outlet:
        meta["outlet"] = outlet
    return _ARCHIVE_CODE.sub(" ", _without_tags(_blank_rules(text), always=True)), meta, ()


# An AP editors' note in a headline field, over several lines: "<HEAD>Eds: INSERTS 3 new
# grafs … to UPDATE with today's comments from Dai-Ichi officials. SUBS 7th graf …</HEAD>"
# (instructions to the desk, naming what the story says in shorthand)
_EDITORS_NOTE = re.compile(r"<HEAD>\s*Eds?:.*?</HEAD>", re.S)
# The LA Times' index terms after the story: "PATENTS; BIOTECHNOLOGY; AMGEN (COMPANY);
# GENETICS INSTITUTE INC" (a catalogue's words, in capitals, not the story's)
_INDEX_TERMS = re.compile(r"<(SUBJECT|DESCRIPT)>.*?</\1>", re.S)


# TimeML, the annotated form of news corpora (TimeBank, TempEval, AQUAINT): the day the
# document was written in its DCT, the story in TEXT with events and times tagged, an
# archive's header or the headline in EXTRAINFO ("WSJ891027-0150 = … GM Seeks to Buy Up
# to 15% of Jaguar, @ Heating Up Its Skirmishing With Ford @ ---- @ By …").
_TIMEML = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?<TimeML\b")
_CREATED = re.compile(
    r"<TIMEX3\b[^>]*\bfunctionInDocument=\"CREATION_TIME\"[^>]*>|<DCT>\s*<TIMEX3\b[^>]*>"
)
_TIMEX_DAY = re.compile(r"\bvalue=\"(\d{4}-\d{2}-\d{2})")
_ARCHIVE_LINE = re.compile(r"\A\s*([A-Z]+)(\d{6,8})-\d+\s*=[^\n]*\n(.*)", re.S)
# the headline ends at its rule ("@ ----") or at the day the header gives ("10/27/89")
_BYLINE = re.compile(r"\s@\s*-{2,}.*|\s\d\d/\d\d/\d\d\s.*", re.S)


# TempEval's and TimeBank's document ids name the source: an archive's code
# ("APW19980213.1310", "WSJ_20130318_731") or a source of their own ("CNN19980126…",
# "nyt_20130322_strange_computer": the paper itself, not the news service)
_DOCID_SOURCE = re.compile(r"<DOCID>\s*([A-Za-z]{2,4})(?:_ENG)?_?\d{6,8}")
_DOCID_SOURCES = {
    "NYT": "The New York Times",
    "BBC": "BBC News",
    "CNN": "CNN",
    "ABC": "ABC News",
    "VOA": "Voice of America",
}


def _timeml_document(text: str) -> Read | None:
    """A TimeML document's story, with its day, and its headline and outlet when its
    header gives them; None when the text is not one."""
    if _TIMEML.match(text) is None or not _field(text, "TEXT"):
        return None
    meta: dict[str, str] = {}
    created = _CREATED.search(text)
    day = _TIMEX_DAY.search(created.group(0)) if created else None
    if day is not None:
        meta["published"] = day.group(1)
    header = " ".join(_field(text, "EXTRAINFO")[:1])
    archive = _ARCHIVE_LINE.match(header)
    if archive is not None:
        outlet, _ = _ARCHIVES.get(archive.group(1), (None, ""))
        if outlet:
            meta["outlet"] = outlet
        header = _BYLINE.sub("", archive.group(3)).replace(" @ ", " ")
    source = _DOCID_SOURCE.search(text, 0, 2_000) if "outlet" not in meta else None
    if source is not None:
        code = source.group(1).upper()
        named = _ARCHIVES.get(code, (None, ""))[0] or _DOCID_SOURCES.get(code)
        if named:
            meta["outlet"] = named
    title = " ".join(_without_tags(header, always=True).split())
    if not title:  # TempEval's own field for the headline
        title = " ".join(_without_tags(" ".join(_field(text, "TITLE")[:1]), always=True).split())
    if title and len(title) <= 200:
        meta["title"] = title
    # one sentence to an <s>: each ends its line, or "2011</s><s>Fiat" reads "2011Fiat"
    story = "\n\n".join(_field(text, "TEXT")).replace("</s>", "</s>\n")
    return _without_tags(story, always=True), meta, ()


# The Dow Jones archive's form (the Wall Street Journal of 1987–92 in TIPSTER and the
# corpora made of it): two-letter fields at the line's start, the story in TX ("AN
# 900711-0028.", "HL  Conseco to Acquire …", "DD  07/11/90", "SO  WALL STREET JOURNAL (J)").
_DJ_FIELD = re.compile(r"^([A-Z]{2})[ \t]{2,}(.*(?:\n[ \t]{4,}.*)*)", re.M)
_DJ_SOURCES = {"WALL STREET JOURNAL": "The Wall Street Journal", "DOW JONES": "Dow Jones"}
_DJ_DAY = re.compile(r"(\d\d)/(\d\d)/(\d\d)\b")


def _dow_jones_record(text: str) -> Read | None:
    """A Dow Jones archive record's story, with its headline, day and paper; None when
    the text is not one."""
    fields: dict[str, re.Match[str]] = {}
    for field in _DJ_FIELD.finditer(text):
        fields.setdefault(field.group(1), field)
    if not {"AN", "TX"} <= fields.keys() or not re.match(r"\s*AN\s", text):
        return None
    meta: dict[str, str] = {}
    if "HL" in fields:  # the byline after the rule is no part of it
        meta["title"] = " ".join(fields["HL"].group(2).split("----")[0].split())
    day = _DJ_DAY.match(fields["DD"].group(2).strip()) if "DD" in fields else None
    if day is not None:
        meta["published"] = f"{_century(day.group(3))}-{day.group(1)}-{day.group(2)}"
    source = fields["SO"].group(2).upper() if "SO" in fields else ""
    outlet = next((name for key, name in _DJ_SOURCES.items() if key in source), None)
    if outlet:
        meta["outlet"] = outlet
    # a paragraph opens with a deeper indent than the lines that go on with it
    lines = fields["TX"].group(2).split("\n")
    # (the most usual indent: a line or two may stand out of the column)
    indents = Counter(len(x) - len(x.lstrip()) for x in lines[1:] if x.strip())
    base = indents.most_common(1)[0][0] if indents else 0
    paragraphs: list[list[str]] = [[lines[0].strip()]]
    for line in lines[1:]:
        if len(line) - len(line.lstrip()) > base:
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    return "\n\n".join(" ".join(p) for p in paragraphs), meta, ()


# A dataset's record kept as XML fields ("<url>…</url> <title>…</title>
# <published_time>…</published_time> <content><p>…</p></content>"): the story is in its
# text element, what the seed's keys say in the others.
_RECORD = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?<[A-Za-z_]+>")
# (a feed's item: its story in "content:encoded", else in its "description")
_RECORD_TEXT = (
    "content:encoded", "content", "text", "body", "article", "story", "maintext", "full_text",
    "description",
)  # fmt: skip
_RECORD_KEYS = {
    "title": ("title", "headline"),
    "published": (
        "published_time", "published", "pubdate", "pub_date", "publish_date", "published_at",
        "date", "datetime",
    ),
    "url": ("url", "link"),
    "outlet": ("source", "outlet", "publisher", "site_name", "publication"),
    "author": ("author", "byline", "dc:creator"),
}  # fmt: skip


def _tagged_record(text: str, meta: dict[str, str]) -> Read | None:
    """A record of XML fields' story, with what its fields say that ``meta`` (the
    seed's front matter) does not; None when the text is no such record."""
    if _RECORD.match(text) is None:
        return None
    body = next(
        (m for n in _RECORD_TEXT if (m := re.search(rf"<{n}>(.*?)</{n}>", text, re.S | re.I))),
        None,
    )
    if body is None:
        return None
    found: dict[str, str] = {}
    for key, names in _RECORD_KEYS.items():
        for name in names:
            field = re.search(rf"<{name}>([^<]{{1,300}})</{name}>", text, re.I)
            if field is not None and field.group(1).strip():
                found[key] = html.unescape(" ".join(field.group(1).split()))
                break
    if not found:
        return None  # a page's markup, not a record's fields
    # the story's lines stay where they were
    story = "\n" * text.count("\n", 0, body.start(1)) + body.group(1)
    return _without_tags(story, always=True), {**found, **meta}, ()


# the wire's typesetting codes, written as entities: "&QL;", "&HT;", "&Cx1f;"
_ARCHIVE_CODE = re.compile(r"&(?:QL|QC|QR|HT|UR|LR|MD|Cx\w+);")


def _field(text: str, name: str) -> list[str]:
    """What each <NAME>…</NAME> of an archived document holds."""
    return re.findall(rf"<{name}>(.*?)</{name}>", text, re.S)


def _day(d: str, order: str) -> str | None:
    """The day a document number gives, as YYYY-MM-DD, in its archive's order."""
    if len(d) != len(order):
        return None
    if order == "yymmdd":
        year, month, date = _century(d[:2]), d[2:4], d[4:6]
    elif order == "yyyymmdd":
        year, month, date = d[:4], d[4:6], d[6:8]
    elif order == "mmddyy":
        year, month, date = _century(d[4:6]), d[:2], d[2:4]
    else:
        return None
    return f"{year}-{month}-{date}" if 1 <= int(month) <= 12 and 1 <= int(date) <= 31 else None


def _century(yy: str) -> str:
    # the archives of this form run from the 1980s to the 2000s
    return ("19" if int(yy) >= 50 else "20") + yy


# A saved e-mail: news is often kept as the message that forwarded it.
_MAIL_HEADER = re.compile(
    r"^(?:Message-ID|Date|From|To|Subject|Mime-Version|Content-Type|Received|Return-Path"
    r"|X-[\w-]+):",
    re.I,
)
_REPLY_PREFIX = re.compile(r"^(?:(?:fw|fwd|re|aw|wg)\s*:\s*)+", re.I)


def _mail(text: str) -> Read | None:
    """A message's body, with its subject as the title and its date as published; None
    when the text does not start with mail headers ("Subject:" among them)."""
    head = text.lstrip("\n").split("\n\n", 1)[0].split("\n")
    names = {line.split(":", 1)[0].lower() for line in head if _MAIL_HEADER.match(line)}
    if len(names) < 3 or "subject" not in names or not _MAIL_HEADER.match(head[0]):
        return None
    message = email.message_from_string(text.lstrip("\n"), policy=email.policy.compat32)
    part = next((p for p in message.walk() if p.get_content_type() == "text/plain"), message)
    body = part.get_payload()
    if not isinstance(body, str) or not body.strip():
        return None
    meta: dict[str, str] = {}
    subject = " ".join(str(message.get("Subject", "")).split())
    if subject:
        meta["title"] = _REPLY_PREFIX.sub("", subject)
    try:
        sent = email.utils.parsedate_to_datetime(str(message.get("Date", "")))
    except (TypeError, ValueError):
        sent = None
    if sent is not None:
        meta["published"] = sent.date().isoformat()
    return _without_tags(_blank_rules(body)), meta, ()


# Jekyll opens front matter with "---" and any blanks after it ("--- " in old exports)
_OPENING_FENCE = re.compile(r"---[ \t]*\n")
# A header of "Key: value" lines that opens a post, as Pelican and MultiMarkdown write
# it ("Title: …", "Date: …", then a blank line) or Kirby ("Title: …", "----", …, "Text:")
_HEADER_FIELD = re.compile(r"([A-Z][A-Za-z_-]*):(?:[ \t]+(.*))?")


def _field_header(rel: str, text: str) -> Read | None:
    """A post's header of fields, read as front matter; None when the text opens with
    none (it must give a title and one field more)."""
    lines = text.split("\n", 40)
    data: dict[str, object] = {}
    where: dict[str, int] = {}
    for number, line in enumerate(lines[:40], start=1):
        stripped = line.strip()
        if stripped == "----":
            continue  # Kirby's line between fields
        if not stripped:
            body_line, body = number + 1, "\n".join(lines[number:])
            break
        field = _HEADER_FIELD.fullmatch(stripped)
        if field is None:
            return None
        if field.group(1) == "Text":  # Kirby: the story follows
            body_line, body = number, "\n".join([field.group(2) or "", *lines[number:]])
            break
        data.setdefault(field.group(1), field.group(2) or "")
        where.setdefault(field.group(1), number)
    else:
        return None
    if "Title" not in data or len(data) < 2:
        return None
    return _seed_fields(rel, text, data, lambda key: where.get(key, 1), body_line, body)


# "---", then "key: value" lines, then "---": what front matter looks like.
_LOOKS_FENCED = re.compile(
    r"---[ \t]*\n(?:[^\n]*\n){0,30}?[\w-]+:[ \t][^\n]*\n(?:[^\n]*\n){0,30}?---"
)


def _read_markdown(rel: str, text: str) -> Read:
    """Optional YAML front matter (url, outlet, author, published, language, title).

    "Front matter" that is not a set of fields (a line between two rules, a lone rule)
    or that holds none of a seed's keys is read as article text with a warning, never
    dropped in silence. Pages saved from a
    blog or a static site (Jekyll, Hugo, WordPress) carry more keys (layout, tags): those
    are ignored with a warning, and their names for a seed's keys (``date``,
    ``post_title``, ``permalink``…) are read as those keys. Front matter that is not
    valid YAML is read line by line (``_read_field_lines``)."""
    if text.startswith("+++\n"):
        return _read_toml_front(rel, text)
    if _OPENING_FENCE.match(text) is None:
        return _field_header(rel, text) or _tagged_record(text, {}) or (_strip_markup(text), {}, ())
    try:
        doc = parse(rel, text)
    except FrontMatterError as exc:
        # "front matter is never closed / empty / a single value / a list": not fields
        if not exc.problem.message.startswith("front matter is "):
            return _read_field_lines(rel, text, "YAML", exc.problem)
        return _as_text(rel, text, exc.problem.line, exc.problem.message)
    return _seed_fields(
        rel, text, dict(doc.data), lambda key: doc.lines.get((key,), 2), doc.body_line, doc.body
    )


# "author: Jang Hae-rin", 'title = "Hanwha secures …"': a field on a line of its own
_FIELD_LINE = {
    "YAML": re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*"),
    "TOML": re.compile(r"([A-Za-z_][\w.-]*)[ \t]*=(?:[ \t]*(.*?))?[ \t]*"),
}


def _read_field_lines(rel: str, text: str, language: str, problem: Problem) -> Read:
    """Front matter a scraper wrote as YAML (or TOML) but that is not (a value indented
    with tabs, a quote left open): its one-line fields are read as plain text and the
    rest is ignored, with a warning. A seed is raw input: refusing it would hold back
    every other seed of the batch for a field the article can do without."""
    lines = text.split("\n")
    closers = ("+++",) if language == "TOML" else ("---", "...")
    # (the line the strict reader closed the front matter at: YAML's allows spaces after)
    end = next(
        i
        for i in range(1, len(lines))
        if (lines[i] if language == "TOML" else lines[i].rstrip()) in closers
    )
    data: dict[str, object] = {}
    where: dict[str, int] = {}
    for number, line in enumerate(lines[1:end], start=2):
        field = _FIELD_LINE[language].fullmatch(line)
        if field is None or not field.group(2):
            continue
        # (Hugo's TOML keys in any case, as _read_toml_front reads them)
        key = field.group(1).lower() if language == "TOML" else field.group(1)
        value = field.group(2)
        if value[0] in "[{":
            continue  # a list or a table: no field of a seed's is one
        if value[0] in "'\"":
            if len(value) == 1 or value[-1] != value[0]:
                continue  # a quote left open: the line the error is about
            value = value[1:-1]
        if key not in data:
            data[key] = value
            where[key] = number
    body = "\n".join(lines[end + 1 :])
    read_text, meta, warnings = _seed_fields(
        rel, text, data, lambda key: where.get(key, 2), end + 2, body
    )
    why = re.sub(r"^YAML (?:syntax )?error: ", "", problem.message)
    broken = Problem(
        rel,
        problem.line,
        "",
        f"front matter is not valid {language} ({why}), so only its one-line fields were read",
        "fix that line to have every field read as written",
    )
    return read_text, meta, (broken, *warnings)


_TOML_WHERE = re.compile(r"\s*\(at line (\d+), column \d+\)")


def _read_toml_front(rel: str, text: str) -> Read:
    """Hugo's TOML front matter between "+++" lines (``date = "2017-01-25T13:23:16"``),
    its keys in any case."""
    end = text.find("\n+++", 3)
    if end == -1 or text[end + 4 : end + 5] not in ("\n", ""):
        return _as_text(rel, text, 1, "front matter is never closed")
    head = text[4 : end + 1]
    try:
        data = tomllib.loads(head)
    except tomllib.TOMLDecodeError as exc:
        # "Illegal character '\n' (at line 1, column 16)": a line of the front matter,
        # which starts on the file's second line
        where = _TOML_WHERE.search(str(exc))
        problem = _TOML_WHERE.sub("", str(exc)).strip()
        at = int(where.group(1)) + 1 if where else None
        return _read_field_lines(rel, text, "TOML", Problem(rel, at, "", problem))
    lines: dict[str, int] = {}
    for number, line in enumerate(head.split("\n"), start=2):
        key = line.split("=", 1)[0].strip().lower()
        if "=" in line and key:
            lines.setdefault(key, number)
    if not data:
        return _as_text(rel, text, 1, "front matter is empty")
    fields = {key.lower(): value for key, value in data.items()}
    body_line = head.count("\n") + 3
    return _seed_fields(
        rel, text, fields, lambda key: lines.get(key, 2), body_line, text[end + 5 :]
    )


def _seed_fields(
    rel: str,
    text: str,
    data: dict[str, object],
    line_of: Callable[[str], int],
    body_line: int,
    body: str,
) -> Read:
    """A seed's metadata from its front matter's fields, the others ignored with a
    warning; front matter with none of a seed's keys is read as article text."""
    data = _known_keys(data)
    if isinstance(data.get("published"), bool):  # WordPress: "published: true" is a state
        data.pop("published")
    for value in list(data.values()):
        if isinstance(value, dict):
            # a blog export's nested fields ("custom_fields: {source: Reuters, url: …}")
            for key, inner in value.items():
                if isinstance(key, str) and (key in _META_KEYS or key in _OTHER_KEYS):
                    data.setdefault(key, inner)
    source = data.get("source")
    if isinstance(source, str) and _WEB_ADDRESS.match(source) and not data.get("url"):
        # a blog's "source:" may be the story's address (or its author, a site's label
        # or a file of the site: no outlet)
        data["url"] = data.pop("source")
    for other, key in _OTHER_KEYS.items():
        if other in data and data.get(key) in (None, ""):
            if key == "outlet" and "/" in str(data[other]):
                continue  # "_publications/guardian.md": a file of the site, no name
            value = data.pop(other)
            # WordPress exports keep some keys as one-item lists
            data[key] = value[0] if isinstance(value, list) and value else value
    if data.get("url") in (None, ""):
        # a site's own name for the story's address ("post_inspiration: https://…")
        address = next((k for k, v in data.items() if _story_address(k, v)), None)
        if address is not None:
            data["url"] = data.pop(address)
    unknown = [k for k in data if k not in _META_KEYS]
    if unknown and len(unknown) == len(data):
        line = line_of(unknown[0])
        return _as_text(rel, text, line, f"front matter has the unknown key '{unknown[0]}'")
    meta = {k: _field_text(k, data[k]) for k in _META_KEYS if data.get(k) not in (None, "")}
    warnings: tuple[Problem, ...] = ()
    if unknown:
        names = ", ".join(f"'{k}'" for k in unknown)
        warnings = (
            IgnoredKeys(
                rel,
                line_of(unknown[0]),
                "",
                f"front matter {'keys' if len(unknown) > 1 else 'key'} {names}"
                f" {'are' if len(unknown) > 1 else 'is'} not a seed's, so"
                f" {'they were' if len(unknown) > 1 else 'it was'} ignored",
                _IGNORED_HINT,
                tuple(unknown),
            ),
        )
    # Blank lines keep body lines where they were, so nothing shifts for a reader.
    padded = "\n" * (body_line - 1) + body
    record = _tagged_record(padded, meta)
    if record is not None:
        return record[0], record[1], warnings
    return "\n" * (body_line - 1) + _strip_markup(_listed(body)), meta, warnings


def _known_keys(data: dict[str, object]) -> dict[str, object]:
    """The fields with a seed's keys spelt as they are known ("Date:" of a Pelican or
    Tumblr export is "date"); a key already present as known keeps its value."""
    renamed: dict[str, object] = {}
    for key, value in data.items():
        name = _KNOWN_KEYS.get(key.lower(), key) if isinstance(key, str) else key
        if name != key and name in data:
            name = key
        renamed.setdefault(name, value)
    return renamed


# seconds since 1970 between 1980 and 2100: a Drupal export's "created: 1045692420"
_EPOCH_SECONDS = range(315_532_800, 4_102_444_800)


def _field_text(key: str, value: object) -> str:
    if key == "published" and isinstance(value, int) and value in _EPOCH_SECONDS:
        return datetime.fromtimestamp(value, tz=UTC).date().isoformat()
    return str(value)


_WEB_ADDRESS = re.compile(r"https?://", re.I)
# fields that hold a picture's, a feed's or a profile's address, not the story's
_NOT_THE_STORY = re.compile(
    r"image|img|thumb|cover|avatar|logo|icon|photo|picture|video|audio|feed|banner|author"
    r"|profile|twitter|facebook|social",
    re.I,
)
_MEDIA_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|mp[34]|pdf)(?:[?#]|$)", re.I)


def _story_address(key: object, value: object) -> bool:
    """Whether a front-matter field not otherwise known holds the story's address."""
    return (
        isinstance(key, str)
        and isinstance(value, str)
        and re.fullmatch(r"https?://\S+", value.strip()) is not None
        and not _NOT_THE_STORY.search(key)
        and not _MEDIA_FILE.search(value.strip())
    )


# What blogs and static sites call a seed's keys (Jekyll, Hugo, WordPress exports).
_OTHER_KEYS = {
    "date": "published",
    "post_date": "published",
    "created": "published",  # Drupal's, kept by its Jekyll exports
    "created_at": "published",
    "publishDate": "published",  # Hugo's
    "pubDate": "published",  # Astro's
    "published_at": "published",  # Ghost's
    "publishedAt": "published",
    "pub_date": "published",
    "published_date": "published",
    "publish_date": "published",
    "date_published": "published",
    "datePublished": "published",
    "page_date": "published",
    "published-on": "published",  # Webflow's
    "created-on": "published",
    "time": "published",  # some Jekyll themes' ("time: 2006-10-10 00:01:00 +01:00")
    "post_title": "title",
    "authors": "author",  # Pelican's
    "publisher": "outlet",
    "publication": "outlet",
    "site_name": "outlet",
    # a republishing site names the original before its own address
    "canonical_url": "url",
    "original_link": "url",
    "original_url": "url",
    "source_url": "url",
    "blog_url": "url",
    "permalink": "url",
    "link": "url",
    # a link blog's post points at the story it is about
    "external-url": "url",
    "external_url": "url",
}


# a seed's keys and their other names, by how they read in lower case
_KNOWN_KEYS = {key.lower(): key for key in (*_META_KEYS, *_OTHER_KEYS)}


def _as_text(rel: str, text: str, line: int | None, reason: str) -> Read:
    warning = Problem(
        rel,
        line,
        "",
        f"{reason}, so the whole file was read as article text",
        f"a seed's front matter holds only {', '.join(_META_KEYS)}: fix it, or remove the ---"
        " lines",
    )
    return _strip_markup(text), {}, (warning,)


_HEADING = re.compile(r"^#{1,6}\s+", re.M)
# A line that is only a rule ("---", "* * *", "====") is layout, not text; a blank line
# in its place keeps line numbers (and the cleaner does not take it for a signature).
_RULE = re.compile(r"^[ \t]*(?:([-*_=])[ \t]*){3,}$", re.M)


def _blank_rules(text: str) -> str:
    return _RULE.sub("", text)


def _strip_markup(text: str) -> str:
    """Heading marks and rules; inline markup stays so sentences remain substrings of
    the seed. HTML in a markdown file (a blog export: "<p><span class=…>") is taken
    out, line for line: its tags are not words, and quotes keep the longest part of a
    sentence the seed holds (quotes.quotable)."""
    return _without_tags(_HEADING.sub("", _blank_rules(text)))


def _without_tags(text: str, always: bool = False) -> str:
    """Tags out (and entities read) when a text file holds markup: a blog export's
    "<p><span …>", a wire archive's "<DOC>" and "<DATE_TIME>". Lines stay where they were."""
    if not always and len(_TAG.findall(text, 0, 20_000)) < 3 and not _ELEMENT.search(text):
        # text scraped from a page keeps its entities: "AT&amp;T", "Cable &amp; Wireless"
        if not _ENTITY.search(text):
            return text
        text = _unescaped(text)
        if len(_TAG.findall(text, 0, 20_000)) < 3 and not _ELEMENT.search(text):
            return text
        # a blog export that escaped its posts' markup: "&lt;blockquote cite=…&gt;"
        return _untagged(text, "  ")
    text = _unescaped(_untagged(text, "  "))
    if len(_TAG.findall(text, 0, 20_000)) >= 3:
        # a feed's item holds its story's markup escaped ("&lt;p&gt;Stripe said …"): the
        # tags read out of the entities are markup too, and its paragraphs, all on the
        # item's one line, become lines of their own
        text = _untagged(text, "\n")
    return text


def _untagged(text: str, block: str) -> str:
    """``text`` without its tags, each block tag (a paragraph's, a line break's) left
    as ``block`` after the line ends it held."""
    text = _BLOCK_TAG.sub(lambda m: "\n" * m.group(0).count("\n") + block, text)
    return _TAG.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _unescaped(text: str) -> str:
    """Entities read, twice when a scraper escaped them twice ("Byju&amp;quot;s")."""
    text = html.unescape(text)
    return html.unescape(text) if _ENTITY.search(text) else text


# A web page's own element, even one alone: a blog post's "<img src=… alt=…>" in markdown
_ELEMENT = re.compile(
    r"<(?:img|iframe|figure|figcaption|video|script|style|span|div|a)\s[^<>]*>", re.I
)
_ENTITY = re.compile(r"&(?:amp|quot|apos|lt|gt|nbsp|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
_TAG = re.compile(r"<(?:[a-zA-Z][\w:-]*(?:\s[^<>]*)?|/[a-zA-Z][\w:-]*\s*)/?>")
# a block ends a paragraph: <p>, <br>, <div>, <li> …
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|blockquote|tr|table)\b[^<>]*>", re.I)


# A saved page's <base href> says where its relative links point, not where the article
# was published; trafilatura would take it as the article's URL (and its host as the
# outlet), so it is removed before the page is read.
_BASE = re.compile(r"<base\b[^>]*>", re.I)


def _read_html(rel: str, text: str) -> Read:
    # a page saved from its server's source keeps its PHP or ASP: not the page's text
    # (unless the code prints the page: "<?php print '<h1>NEWS</h1> <p>…</p>'; ?>")
    source = text
    text = _SERVER_CODE.sub("", _BASE.sub("", text))
    # an SEC filing's exhibit wraps the page in <TYPE>, <SEQUENCE>, <TEXT> lines, which
    # the extractor reads as the document: the page starts at <HTML>
    if _EDGAR_WRAPPER.match(text):
        start = text.lower().find("<html")
        if start > 0:
            text = text[start:]
    try:
        import trafilatura

        # It logs ERROR lines for pages it cannot parse; we report those ourselves.
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    except ImportError as exc:  # pragma: no cover - a pinned dependency
        raise ContentError(
            [Problem(rel, None, "", "HTML seeds need trafilatura", "pip install -e .")]
        ) from exc

    def extract(tables: bool) -> str:
        found = trafilatura.extract(
            text,
            include_comments=False,
            include_tables=tables,
            include_images=False,
            include_links=False,
            favor_precision=True,
            deduplicate=True,
            with_metadata=False,
        )
        return found or ""

    # an early-web page lays its article out in a table: then read the cells
    body = extract(tables=False) or _CELL_BORDER.sub("\n", extract(tables=True))
    body = body or _paragraphs(text) or _paragraphs(source)
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
    heading = _H1.search(text) if "title" not in meta else None
    title = " ".join(_without_tags(heading.group(1), always=True).split()) if heading else ""
    if title:  # a fragment's headline: the extractor looks for a <title>
        meta["title"] = title
    return body or "", meta, ()


# A fragment the extractor makes nothing of (a template's markup, a CMS export with no
# <body>) still holds its article in <p> elements.
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.S | re.I)
_P_ELEMENT = re.compile(r"<p\b[^>]*>(.*?)</p\s*>", re.S | re.I)


def _paragraphs(text: str) -> str:
    """The text of the page's <p> elements, a paragraph each, when they hold prose."""
    found = [" ".join(_without_tags(p, always=True).split()) for p in _P_ELEMENT.findall(text)]
    prose = [p for p in found if len(p.split()) >= 5]
    return "\n\n".join(prose) if sum(len(p) for p in prose) >= 200 else ""


_EDGAR_WRAPPER = re.compile(r"\s*<(?:TYPE|DOCUMENT|SEC-DOCUMENT)>", re.I)
_SERVER_CODE = re.compile(r"<\?.*?\?>|<%.*?%>", re.S)
# trafilatura writes a table row as "| cell | cell |": each cell is a paragraph
_CELL_BORDER = re.compile(r"^[ \t]*\|[ \t|]*|[ \t]*\|[ \t]*$|[ \t]+\|[ \t]+", re.M)


_READERS: dict[str, Callable[[str, str], Read]] = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
}
