"""Command line: ``python build.py [build|check|serve] [options]``.

Exit codes: 0 success; 1 the corpus, a template or the site engine has a problem
(every problem is printed, nothing is written); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sized
from pathlib import Path

from .errors import ContentError, DossierError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build the Dossier briefing site from briefings/ and templates/.",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="project folder holding briefings/, templates/ and mkdocs.yml "
        "(default: the current folder)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser("build", help="check the corpus and build site/ (default)")
    build.add_argument("--site-dir", type=Path, help="where to write the site (default: site/)")
    commands.add_parser("check", help="validate the corpus; write nothing")
    serve = commands.add_parser("serve", help="serve the site with live reload")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="host:port (default %(default)s)")
    pdf = commands.add_parser("pdf", help="print the briefing book as a PDF")
    pdf.add_argument(
        "--company",
        action="append",
        default=[],
        metavar="SLUG",
        help="only this company and its deals (repeatable)",
    )
    pdf.add_argument(
        "--since", metavar="DATE", help="only what happened since DATE (YYYY[-MM[-DD]])"
    )
    pdf.add_argument(
        "--paper", choices=["a4", "letter"], default="a4", help="(default %(default)s)"
    )
    pdf.add_argument("--output", type=Path, help="where to write it (default: site/dossier.pdf)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "build"
    root: Path = args.root.resolve()
    try:
        if not (root / "briefings").is_dir():
            raise DossierError(
                f"{root}: no briefings/ folder here (run from the project folder or pass --root)"
            )
        if command == "check":
            return _check(root)
        if command == "pdf":
            return _pdf(root, args)
        if command == "serve":
            from .engine import serve

            serve(root, args.addr)
            return 0
        return _build(root, getattr(args, "site_dir", None) or root / "site")
    except ContentError as exc:
        _report(
            exc,
            "Fix them and run again."
            if command == "check"
            else "Nothing was written; the previous site is unchanged.",
        )
        return 1
    except DossierError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _check(root: Path) -> int:
    from .pipeline import check

    corpus = check(root)
    print(
        f"ok: {_count(corpus.articles, 'article')}, {_count(corpus.companies, 'company')}, "
        f"{_count(corpus.deals, 'deal')}"
    )
    return 0


def _build(root: Path, site_dir: Path) -> int:
    from .pipeline import build

    started = time.perf_counter()
    rendered = build(root, site_dir)
    shown = site_dir.relative_to(root) if site_dir.is_relative_to(root) else site_dir
    print(
        f"built {len(rendered.pages)} pages into {shown}/ in {time.perf_counter() - started:.1f} s"
    )
    return 0


def _pdf(root: Path, args: argparse.Namespace) -> int:
    from .pipeline import pdf

    started = time.perf_counter()
    output: Path = args.output.resolve() if args.output else root / "site" / "dossier.pdf"
    pages = pdf(root, output, tuple(args.company), args.since, args.paper)
    shown = output.relative_to(root) if output.is_relative_to(root) else output
    size = output.stat().st_size // 1024
    print(f"wrote {shown}: {pages} pages, {size} KB in {time.perf_counter() - started:.1f} s")
    return 0


def _count(items: object, noun: str) -> str:
    n = len(items)  # type: ignore[arg-type]
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n} {noun if n == 1 else plural}"


def _count(items: Sized, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{len(items)} {noun if len(items) == 1 else plural}"


def _report(exc: ContentError, footer: str) -> None:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    count = len(exc.problems)
    print(f"{count} problem{'s' if count != 1 else ''} found. {footer}", file=sys.stderr)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
