"""Materialize the real-news evaluation set: pointers in sets/*.yaml → texts/ (ignored).

    python benchmarks/realnews/materialize.py            # every article
    python benchmarks/realnews/materialize.py --round dev

Each article is a pointer into a public git repository (repo, commit, path, git blob
hash, and for a dataset file the record inside it). The repository is read from a local
mirror (``$DOSSIER_MIRRORS/<owner>+<name>/repo``, a bare clone) or cloned once into
``benchmarks/realnews/.cache/``. Every blob is checked against its hash before use.
The texts are third-party writing: they are never committed (see .gitignore).

Each article becomes a seed as a user would save it: ``texts/<round>/<id>.md`` (after the
date its own file's name begins with, if any: ``2008-01-28-<id>.md``) with the
metadata the dataset carries (title, outlet, published, url, author) as front matter,
or ``.txt`` / ``.html`` when the entry says ``seed: txt`` / the file is a web page.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
CACHE = HERE / ".cache"
MIRRORS = Path(os.environ.get("DOSSIER_MIRRORS", "/work/.mirror"))
ROUNDS = ("dev", *(f"blind{n}" for n in range(1, 97)))
META_FIELDS = ("title", "outlet", "published", "url", "author")


# The datasets that hold the project's own acceptance articles: never a source here,
# under any repository's name for them.
ACCEPTANCE = re.compile(
    r"reut2-\d+\.sgm|reuters[-_ ]?21578|bbc[-_ ]fulltext|bbc[-_ ]news[-_ ]summary|knowledgator",
    re.I,
)


def load_entries() -> list[dict[str, Any]]:
    """Every article of every set file, ids unique across sets."""
    entries: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    pointers: dict[tuple[str, ...], str] = {}  # one article is in the set once
    for path in sorted((HERE / "sets").glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text("utf-8")) or []:
            entry.setdefault("gold", {})
            entry["set"] = path.stem
            if entry["id"] in seen:
                sys.exit(f"{path.name}: id {entry['id']} is also in {seen[entry['id']]}.yaml")
            if entry.get("round") not in ROUNDS:
                sys.exit(f"{path.name}: {entry['id']} has round {entry.get('round')!r}")
            seen[entry["id"]] = path.stem
            where = " ".join(str(entry.get(k) or "") for k in ("repo", "path", "member"))
            if ACCEPTANCE.search(where):
                sys.exit(
                    f"{path.name}: {entry['id']} points into a dataset that holds the"
                    " acceptance articles (Reuters-21578, BBC News 2004-05, Knowledgator's"
                    " biotech news): take the article from another source"
                )
            pointer = (
                entry["repo"],
                entry["blob"],
                str(entry.get("member")),
                str(entry.get("record")),
            )
            if pointer in pointers:
                sys.exit(f"{path.name}: {entry['id']} is the article {pointers[pointer]}")
            pointers[pointer] = entry["id"]
            for key in ("companies", "also"):
                for name in entry["gold"].get(key) or []:
                    if not isinstance(name, str):  # "Acme (NYSE: ACM)" unquoted is a mapping
                        sys.exit(f"{path.name}: {entry['id']} {key} {name!r}: quote the name")
            _check_deals(path.name, entry)
            entries.append(entry)
    return entries


# The gold's words are a deal record's (README.md): a misspelt status or role ("agred",
# "buyer") would never match a draft and count as a miss. Taken from the deal schema.
_DEAL_SCHEMA = json.loads(
    (HERE.parent.parent / "dossier" / "schemas" / "deal.schema.json").read_text(encoding="utf-8")
)["properties"]
KINDS = set(_DEAL_SCHEMA["kind"]["enum"])
STATUSES = set(_DEAL_SCHEMA["status"]["enum"])
ROLES = set(_DEAL_SCHEMA["parties"]["items"]["properties"]["role"]["enum"])


def _check_deals(file: str, entry: dict) -> None:
    for deal in entry["gold"].get("deals") or []:
        for key, allowed in (("kind", KINDS), ("status", STATUSES)):
            given = deal.get(key)
            for word in given if isinstance(given, list) else [given]:
                if word not in allowed:
                    sys.exit(
                        f"{file}: {entry['id']} deal {key} {word!r}: use one of "
                        f"{', '.join(sorted(allowed))}"
                    )
        for party, role in (deal.get("parties") or {}).items():
            if role not in ROLES:
                sys.exit(
                    f"{file}: {entry['id']} party {party!r} has role {role!r}: use one of "
                    f"{', '.join(sorted(ROLES))}"
                )


def git_dir(repo: str) -> Path:
    for local in (
        MIRRORS / repo.replace("/", "+") / "repo" / ".git",
        MIRRORS / repo.replace("/", "+") / "repo",
    ):
        if (local / "objects").is_dir():
            return local
    target = CACHE / repo.replace("/", "+")
    if not target.is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        url = f"https://github.com/{repo}.git"
        subprocess.run(["git", "clone", "--quiet", "--bare", url, str(target)], check=True)
    return target


def read_blob(entry: dict[str, Any]) -> bytes:
    gd = git_dir(entry["repo"])
    git = ["git", "--git-dir", str(gd)]
    found = subprocess.run(
        [*git, "rev-parse", f"{entry['commit']}:{entry['path']}"], capture_output=True, text=True
    )
    if found.returncode == 0 and found.stdout.strip() != entry["blob"]:
        sys.exit(f"{entry['id']}: {entry['path']} at {entry['commit'][:10]} is not {entry['blob']}")
    data = subprocess.run(
        [*git, "cat-file", "blob", entry["blob"]], capture_output=True, check=True
    )
    return data.stdout


def unpack(entry: dict[str, Any], data: bytes) -> bytes:
    """The bytes the entry's format reads: the blob itself, or what its archive holds.

    ``archive: gzip`` for a compressed file; ``archive: tar`` (any compression) or
    ``archive: zip`` with ``member:`` naming the file inside.
    """
    kind = entry.get("archive")
    if kind is None:
        return data
    if kind == "gzip":
        return gzip.decompress(data)
    member = entry.get("member")
    if not member:
        sys.exit(f"{entry['id']}: archive {kind!r} needs a member")
    try:
        if kind == "tar":
            with tarfile.open(fileobj=io.BytesIO(data)) as tar:
                handle = tar.extractfile(member)
                if handle is None:
                    sys.exit(f"{entry['id']}: {member} in the archive is not a file")
                return handle.read()
        if kind == "zip":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return archive.read(member)
    except KeyError:
        sys.exit(f"{entry['id']}: no member {member!r} in {entry['path']}")
    sys.exit(f"{entry['id']}: unknown archive {kind!r} (gzip, tar, zip)")


def record_of(entry: dict[str, Any], data: bytes) -> dict[str, Any]:
    """The article's fields: {'text': ..., 'title': ..., ...} from the file's format."""
    fmt = entry.get("format", "file")
    data = unpack(entry, data)
    text = data.decode(entry.get("encoding", "utf-8"), errors="replace")
    fields: dict[str, str] = entry.get("fields") or {}
    if fmt == "file":
        return {"text": text}
    if fmt in ("csv", "tsv"):
        csv.field_size_limit(sys.maxsize)
        rows = csv.DictReader(io.StringIO(text), delimiter="\t" if fmt == "tsv" else ",")
        row = _nth(rows, entry["record"])
    elif fmt == "jsonl":
        row = json.loads(_nth((ln for ln in text.splitlines() if ln.strip()), entry["record"]))
    elif fmt == "json":
        row = json.loads(text)
        record = entry["record"]
        for key in record if isinstance(record, list) else [record]:
            row = row[key]
    elif fmt == "split":
        # A text file of many articles: split on a regular expression, take the nth part.
        parts = [p for p in re.split(entry["separator"], text, flags=re.M) if p.strip()]
        return {"text": parts[entry["record"]]}
    else:
        sys.exit(f"{entry['id']}: unknown format {fmt!r}")
    out = {name: row.get(column) for name, column in fields.items()}
    if not out.get("text"):
        sys.exit(f"{entry['id']}: record {entry['record']} has no text in {fields.get('text')!r}")
    return out


def _nth(rows: Any, n: int) -> Any:
    for i, row in enumerate(rows):
        if i == n:
            return row
    raise SystemExit(f"record {n} is past the end of the file")


def seed_text(entry: dict[str, Any], record: dict[str, Any]) -> tuple[str, str]:
    """(extension, content) of the seed file."""
    body = str(record["text"]).replace("\r\n", "\n")
    kind = entry.get("seed", "md")
    if kind in ("txt", "html"):
        return kind, body
    meta = {k: _printable(str(record[k])) for k in META_FIELDS if record.get(k)}
    for key, value in (entry.get("meta") or {}).items():
        meta[key] = str(value)
    if "published" in meta:
        meta["published"] = _iso(meta["published"])
    if not meta:
        return "md", body
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return "md", f"---\n{head}---\n\n{body.strip()}\n"


# cp1252 quotes read as Latin-1 (U+0091–U+0094) and other control characters: a user
# saving the page would see quotes, not escapes
_CP1252_QUOTES = {0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”"}


# A blog's post keeps the day it was published in its file's name ("_posts/2008-01-28-
# nokia-to-acquire-trolltech.md"), as a user's copy of it would: the seed keeps that day
# before its id. A dataset's record is not its file.
_DAY = r"(?:19|20)\d\d-\d\d?-\d\d?"
_DATED_NAME = re.compile(rf"^({_DAY})[-_]")
_DATED_STEM = re.compile(rf"^{_DAY}-")


def seed_stem(entry: dict[str, Any]) -> str:
    """The seed's name without its extension: the entry's id, after the date the
    article's own file name begins with."""
    if entry.get("record") is not None:
        return str(entry["id"])
    name = str(entry.get("member") or entry["path"]).rsplit("/", 1)[-1]
    dated = _DATED_NAME.match(name)
    return f"{dated.group(1)}-{entry['id']}" if dated else str(entry["id"])


def entry_id(stem: str) -> str:
    """The id of the entry a seed's name (without its extension) stands for."""
    return _DATED_STEM.sub("", stem, count=1)


def _printable(value: str) -> str:
    value = value.translate(_CP1252_QUOTES)
    return "".join(c if c.isprintable() else " " for c in value).strip()


def _iso(value: str) -> str:
    """The date part of a timestamp written in ISO form; other spellings as they are."""
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value.strip())
    return m.group(1) if m else value.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", choices=ROUNDS, action="append")
    parser.add_argument("--set", action="append", help="only sets/NAME.yaml")
    args = parser.parse_args()
    blobs: dict[tuple[str, str], bytes] = {}
    count = 0
    for entry in load_entries():
        if args.round and entry["round"] not in args.round:
            continue
        if args.set and entry["set"] not in args.set:
            continue
        key = (entry["repo"], entry["blob"])
        if key not in blobs:
            blobs[key] = read_blob(entry)
        ext, content = seed_text(entry, record_of(entry, blobs[key]))
        out = TEXTS / entry["round"] / f"{seed_stem(entry)}.{ext}"
        out.parent.mkdir(parents=True, exist_ok=True)
        for older in out.parent.glob(f"*{entry['id']}.*"):  # its name under an older rule
            if older != out and entry_id(older.name.split(".", 1)[0]) == entry["id"]:
                older.unlink()
        out.write_text(content, "utf-8")
        count += 1
    print(f"{count} article(s) in {TEXTS}")


if __name__ == "__main__":
    main()
