"""Command line: ``dossier [COMMAND] [options]`` (``python build.py`` in a checkout is the same).

Exit codes: 0 success; 1 the corpus, a template or the site engine has a problem
(every problem is printed, nothing is written); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Sized
from pathlib import Path
from typing import NoReturn

from .errors import ContentError, DossierError
from .load import Limits


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
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
    parser.add_argument(
        "--max-file-bytes",
        type=int,
        default=Limits.max_file_bytes,
        help="largest briefing or seed file accepted (default %(default)s)",
    )
    parser.add_argument(
        "--max-body-chars",
        type=int,
        default=Limits.max_body_chars,
        help="longest briefing text below the front matter (default %(default)s)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser("build", help="check the corpus and build site/ (default)")
    build.add_argument("--site-dir", type=Path, help="where to write the site (default: site/)")
    check = commands.add_parser("check", help="validate the corpus; write nothing")
    check.add_argument(
        "--strict", action="store_true", help="also fail on drafts and on unacknowledged conflicts"
    )
    check.add_argument("--format", choices=("text", "github", "json"), default="text")
    diff = commands.add_parser("diff", help="what changed in the knowledge between revisions")
    diff.add_argument(
        "revisions",
        nargs="*",
        metavar="REV",
        help="none: HEAD → working tree; A: A → working tree; A B, A..B or A...B",
    )
    diff.add_argument("--format", choices=("text", "markdown"), default="text")
    review = commands.add_parser("review", help="review drafts").add_subparsers(
        dest="review_command", metavar="ACTION", required=True
    )
    approve = review.add_parser("approve", help="mark drafts reviewed")
    approve.add_argument("slugs", nargs="+", metavar="SLUG")
    approve.add_argument("--by", help="reviewer (default: git config user.name)")
    dispute = review.add_parser(
        "dispute", help="acknowledge that sources disagree on a field, and why it stays open"
    )
    dispute.add_argument("slug", metavar="SLUG", help="company or deal (deals/SLUG if both)")
    dispute.add_argument("field", metavar="FIELD", help="the fact or deal field in conflict")
    dispute.add_argument("--reason", required=True, help="why no source can be chosen yet")
    dispute.add_argument("--by", help="reviewer (default: git config user.name)")
    reject = review.add_parser(
        "reject",
        help="remove wrong drafts and every reference to them; ingest will not draft them again",
    )
    reject.add_argument(
        "slugs",
        nargs="+",
        metavar="SLUG",
        help="a draft deal or company (deals/SLUG if both), or ARTICLE:DEAL for an article's "
        "mention of a reviewed deal",
    )
    reject.add_argument("--by", help="reviewer (default: git config user.name)")
    commands.add_parser("ingest", help="draft briefings for new or changed seeds, then check")
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


def main(argv: list[str] | None = None, prog: str = "dossier") -> int:
    """Run one command; ``prog`` is how the user invoked it, for the usage line."""
    args = _parser(prog).parse_args(argv)
    command = args.command or "build"
    root: Path = args.root.resolve()
    limits = Limits(args.max_file_bytes, args.max_body_chars)
    try:
        if not (root / "briefings").is_dir():
            raise DossierError(
                f"{root}: no briefings/ folder here (run from the project folder or pass --root)"
            )
        if command == "check":
            return _check(root, limits, args.strict, args.format)
        if command == "diff":
            return _diff(root, limits, args.revisions, args.format)
        if command == "review" and args.review_command == "dispute":
            return _dispute(root, args, limits)
        if command == "review" and args.review_command == "reject":
            return _reject(root, args, limits)
        if command == "review":
            return _approve(root, args.slugs, args.by, limits)
        if command == "ingest":
            return _ingest(root, limits)
        if command == "pdf":
            return _pdf(root, args)
        if command == "serve":
            from .serving import serve

            serve(root, args.addr)
            return 0
        return _build(root, getattr(args, "site_dir", None) or root / "site", limits)
    except ContentError as exc:
        if command in ("check", "ingest"):
            footer = "Fix them and run again."
        elif command in ("review", "diff"):
            footer = "Nothing was changed."
        else:
            footer = "Nothing was written; the previous site is unchanged."
        _report(exc, footer)
        return 1
    except DossierError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _check(root: Path, limits: Limits, strict: bool = False, fmt: str = "text") -> int:
    from .claims import open_conflicts
    from .load import load_tree
    from .review import gate

    loaded = load_tree(root, limits)
    problems = gate.gate(loaded, strict)
    corpus = loaded.corpus
    # Without --strict, unacknowledged conflicts are warnings; with it they are problems.
    # Disputed ones (acknowledged: the sources disagree, a reviewer said why) are counted.
    conflicts = open_conflicts(corpus)
    warnings = [] if strict else [c.as_problem() for c in conflicts if c.needs_review]
    disputed = sum(1 for c in conflicts if c.is_disputed)
    if fmt == "json":
        print(gate.as_json(problems, corpus, warnings), end="")
        return 1 if problems else 0
    if fmt == "github":
        print(gate.as_github(problems, warnings), end="")
    if problems:
        raise ContentError(problems)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    open_note = f"; {_count(warnings, 'open conflict')} (check --strict fails)" if warnings else ""
    if disputed:
        open_note += f"; {disputed} disputed (sources disagree, acknowledged)"
    print(
        f"ok: {_count(corpus.articles, 'article')}, {_count(corpus.companies, 'company')}, "
        f"{_count(corpus.deals, 'deal')}{open_note}"
    )
    return 0


def _dispute(root: Path, args: argparse.Namespace, limits: Limits) -> int:
    from .review import gitio
    from .review.dispute import dispute

    reviewer = args.by or gitio.user_name(root)
    rel = dispute(root, args.slug, args.field, args.reason, reviewer, limits.max_file_bytes)
    print(f"disputed: {rel}: {args.field} (sources disagree; no value chosen)")
    print(f"reviewer: {reviewer}; the date will be the date of the commit that records it")
    return 0


def _reject(root: Path, args: argparse.Namespace, limits: Limits) -> int:
    from .review import gitio
    from .review.reject import reject

    reviewer = args.by or gitio.user_name(root)
    result = reject(root, args.slugs, reviewer, limits)
    for rel in result.removed:
        print(f"removed: {rel}")
    for rel, what in result.edited:
        print(f"edited: {rel} ({what})")
    print(f"reviewer: {reviewer}; the date will be the date of the commit that records it")
    return 0


def _ingest(root: Path, limits: Limits) -> int:
    from .ingest import ingest
    from .pipeline import check
    from .progress import Progress

    progress = Progress("reading seeds", unit="seeds", least=100)
    try:
        report = ingest(root, limits, progress)
    finally:
        progress.close()
    for line in report.lines():
        print(line)
    check(root, limits)  # drafts must load; a problem here is reported like any other
    print(f"ingest: {len(report.created)} file(s) drafted, {len(report.updated)} updated")
    return 0


def _diff(root: Path, limits: Limits, revisions: list[str], fmt: str) -> int:
    from .review import report
    from .review.revisions import diff_revisions

    diff = diff_revisions(root, revisions, limits)
    print(report.as_markdown(diff) if fmt == "markdown" else report.as_text(diff), end="")
    return 0


def _approve(root: Path, slugs: list[str], by: str | None, limits: Limits) -> int:
    from .review import gitio
    from .review.approve import approve

    reviewer = by or gitio.user_name(root)
    for result in approve(root, slugs, reviewer, limits.max_file_bytes):
        print(f"{'approved' if result.done else 'already reviewed'}: {result.path}")
    print(f"reviewer: {reviewer}; the review date will be the date of the commit that records it")
    return 0


def _build(root: Path, site_dir: Path, limits: Limits) -> int:
    from .pipeline import build
    from .progress import Progress

    started = time.perf_counter()
    progress = Progress("building")
    drafting = Progress("reading seeds", unit="seeds", least=100)
    try:
        stats = build(root, site_dir, limits, progress, notify=print, drafting=drafting)
    finally:
        drafting.close()
        progress.close()
    shown = site_dir.relative_to(root) if site_dir.is_relative_to(root) else site_dir
    took = time.perf_counter() - started
    if stats.current:
        print(f"{shown}/ is up to date: nothing changed since it was built ({stats.pages} pages)")
    print(
        f"built {stats.pages} pages into {shown}/ ({stats.written} written, "
        f"{stats.reused} reused) in {took:.1f} s"
    )
    return 0


def _pdf(root: Path, args: argparse.Namespace) -> int:
    from .pipeline import pdf

    started = time.perf_counter()
    # absolute, not resolve(): a link at --output is refused, never followed
    output: Path = args.output.absolute() if args.output else root / "site" / "dossier.pdf"
    pages = pdf(root, output, tuple(args.company), args.since, args.paper)
    shown = output.relative_to(root) if output.is_relative_to(root) else output
    size = output.stat().st_size // 1024
    print(f"wrote {shown}: {pages} pages, {size} KB in {time.perf_counter() - started:.1f} s")
    return 0


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
    exit_quickly(quietly_piped(main))


def exit_quickly(code: int) -> NoReturn:
    """End the process once a command has returned: its output flushed, its objects not
    freed one by one. A build at 10,000 articles holds millions of them; the interpreter's
    own teardown took 0.75 s of an edit's build, with nothing left to do. Only for the
    entry points: a command that raised exits as usual, with its traceback, and so does
    a process under a profiler or tracer (cProfile, coverage), which saves at exit."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone: nothing to say
            stream.flush()
    os._exit(code)


def quietly_piped(command: Callable[[], int]) -> int:
    """Run ``command``; a reader that stops early (``dossier diff | head -1``) ends it
    quietly, as it ends any Unix tool, instead of with a BrokenPipeError traceback."""
    try:
        code = command()
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # Python flushes stdout once more at exit: point it at nothing first
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
