"""`build.py serve` and `mkdocs serve`: a real server on 127.0.0.1 that outlives a broken file.

The server is started in a subprocess on a free port; the test breaks a briefing,
checks the server still answers with the last good page and printed the problem,
then fixes the file and waits for the new page. Every wait is bounded.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import REPO

DEAL = "briefings/deals/globex-acme-2024.md"
COMPANY = "briefings/companies/acme.md"
WAIT = 90  # seconds; a rebuild of the small corpus takes one or two


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out after {WAIT} s waiting for {what}")


COMMANDS = {
    "build.py serve": [sys.executable, str(REPO / "build.py"), "serve", "--addr"],
    "mkdocs serve": [sys.executable, "-m", "mkdocs", "serve", "-a"],
}


@pytest.fixture(params=sorted(COMMANDS))
def server(
    request: pytest.FixtureRequest, minimal: Path, tmp_path: Path
) -> Iterator[tuple[str, Path]]:
    yield from _serve(request.param, minimal, tmp_path)


def _serve(command: str, root: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log = tmp_path / "serve.log"
    temp = tmp_path / "tmp"  # where MkDocs makes the temporary site it serves from
    temp.mkdir()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*COMMANDS[command], f"127.0.0.1:{port}"],
            cwd=root,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "TMPDIR": str(temp)},
        )
    try:
        yield f"http://127.0.0.1:{port}", log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_serve_keeps_last_good_site_while_a_file_is_broken(
    server: tuple[str, Path], minimal: Path
) -> None:
    base, log = server
    page = f"{base}/companies/acme.html"
    wait_for(lambda: "Acme makes anvils." in (fetch(page) or ""), "the first build")

    deal = minimal / DEAL
    good_deal = deal.read_text("utf-8")
    deal.write_text(good_deal.replace("status: agreed", "status: agred"), "utf-8")
    wait_for(lambda: "agred" in log.read_text("utf-8"), "the error to be printed")
    assert "still serving the last good site" in log.read_text("utf-8")
    assert "Acme makes anvils." in (fetch(page) or "")  # answers, with the last good page

    company = minimal / COMPANY
    company.write_text(
        company.read_text("utf-8").replace("Acme makes anvils.", "Acme makes rockets."), "utf-8"
    )
    deal.write_text(good_deal, "utf-8")
    wait_for(lambda: "Acme makes rockets." in (fetch(page) or ""), "the fixed site")


def test_serve_starts_on_a_broken_corpus_and_recovers(
    server_on_broken: tuple[str, Path], minimal: Path
) -> None:
    base, _log = server_on_broken
    home = f"{base}/index.html"
    wait_for(lambda: "The corpus has problems" in (fetch(home) or ""), "the problems page")
    assert "agred" in (fetch(home) or "")  # the problem itself, escaped into the page
    deal = minimal / DEAL
    deal.write_text(deal.read_text("utf-8").replace("status: agred", "status: agreed"), "utf-8")
    wait_for(lambda: "Acme makes anvils." in (fetch(f"{base}/companies/acme.html") or ""), "site")


def test_serve_outlives_a_broken_mkdocs_yml(server: tuple[str, Path], minimal: Path) -> None:
    base, log = server
    page = f"{base}/companies/acme.html"
    wait_for(lambda: "Acme makes anvils." in (fetch(page) or ""), "the first build")
    config = minimal / "mkdocs.yml"
    good = config.read_text("utf-8")
    config.write_text(good.replace("theme:", "theme: [", 1), "utf-8")
    wait_for(lambda: "could not be built" in log.read_text("utf-8"), "the error")
    assert "Traceback" not in log.read_text("utf-8")
    assert "Acme makes anvils." in (fetch(page) or "")
    company = minimal / COMPANY
    company.write_text(company.read_text("utf-8").replace("anvils", "rockets"), "utf-8")
    config.write_text(good, "utf-8")
    wait_for(lambda: "Acme makes rockets." in (fetch(page) or ""), "the fixed site")


@pytest.fixture(params=sorted(COMMANDS))
def server_on_broken(
    request: pytest.FixtureRequest, minimal: Path, tmp_path: Path
) -> Iterator[tuple[str, Path]]:
    deal = minimal / DEAL
    deal.write_text(deal.read_text("utf-8").replace("status: agreed", "status: agred"), "utf-8")
    yield from _serve(request.param, minimal, tmp_path)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_terminated_server_leaves_no_temporary_site(
    command: str, minimal: Path, tmp_path: Path
) -> None:
    """SIGTERM (what ``kill`` and process managers send) stops serve as Ctrl-C does:
    MkDocs removes the temporary site it served from instead of leaving it in /tmp."""
    running = _serve(command, minimal, tmp_path)
    base, _log = next(running)
    wait_for(lambda: "Acme makes anvils." in (fetch(f"{base}/companies/acme.html") or ""), "site")
    assert list((tmp_path / "tmp").glob("mkdocs_*"))  # the served site, while serve runs
    with pytest.raises(StopIteration):
        next(running)  # terminates the server and waits for it
    assert list((tmp_path / "tmp").glob("mkdocs_*")) == []
