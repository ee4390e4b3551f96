"""The Review queue lists what is still open, and a page's review line says so."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from dossier import placeholders
from dossier.cli import main

from .test_provenance import ACME, TWO_CLAIMS, acme_facts, second_article

DISPUTED = "    disputed:\n      reason: No source settles it.\n      by: Ada Reviewer\n"


def build(root: Path) -> tuple[BeautifulSoup, BeautifulSoup]:
    assert main(["--root", str(root), "build"]) == 0
    site = root / "site"
    queue = BeautifulSoup((site / "review.html").read_text("utf-8"), "html.parser")
    page = BeautifulSoup((site / "companies" / "acme.html").read_text("utf-8"), "html.parser")
    return queue, page


def review_line(page: BeautifulSoup) -> str:
    line = page.find("p", class_="dossier-review")
    assert line is not None
    return " ".join(line.get_text(" ").split())


def test_unacknowledged_conflict_is_queued_until_disputed(minimal: Path) -> None:
    second_article(minimal, "Acme is based in Springfield.\n")
    acme_facts(minimal, TWO_CLAIMS.format(first="Shelbyville", second="Springfield"))
    queue, page = build(minimal)
    section = queue.find("ul", class_="dossier-review-conflicts")
    assert section is not None
    items = section.find_all("li")
    assert len(items) == 1
    text = " ".join(items[0].get_text(" ").split())
    assert "Acme" in text and "headquarters" in text and "Shelbyville" in text
    assert 'python build.py review dispute acme headquarters --reason "…"' in text
    assert f"{ACME}:4" in text
    assert items[0].a["href"].endswith("acme.html")
    line = review_line(page)
    assert "Reviewed" not in line
    assert "Open for review:" in line and "headquarters" in line
    assert "dossier-review-open" in page.find("p", class_="dossier-review")["class"]

    acme_facts(minimal, TWO_CLAIMS.format(first="Shelbyville", second="Springfield") + DISPUTED)
    queue, page = build(minimal)
    assert queue.find("ul", class_="dossier-review-conflicts") is None
    line = review_line(page)
    assert line.startswith("Reviewed") and "Open for review" not in line


def test_reviewed_briefing_with_placeholder_is_queued(minimal: Path) -> None:
    path = minimal / ACME
    path.write_text(
        "---\nname: Acme\nreview: {status: reviewed}\n---\n" + placeholders.DESCRIBE + "\n",
        "utf-8",
    )
    queue, page = build(minimal)
    section = queue.find("ul", class_="dossier-review-placeholders")
    assert section is not None
    text = " ".join(section.get_text(" ").split())
    assert "Acme" in text and f"{ACME}:" in text and "review approve acme" in text
    line = review_line(page)
    assert "Reviewed" not in line and "placeholder" in line

    path.write_text(
        path.read_text("utf-8").replace(placeholders.DESCRIBE, "Makes anvils."), "utf-8"
    )
    queue, page = build(minimal)
    assert queue.find("ul", class_="dossier-review-placeholders") is None
    assert review_line(page).startswith("Reviewed")


def test_print_view_says_what_is_open(minimal: Path) -> None:
    second_article(minimal, "Acme is based in Springfield.\n")
    acme_facts(minimal, TWO_CLAIMS.format(first="Shelbyville", second="Springfield"))
    assert main(["--root", str(minimal), "build"]) == 0
    printed = BeautifulSoup(
        (minimal / "site" / "print" / "index.html").read_text("utf-8"), "html.parser"
    )
    lines = [" ".join(p.get_text(" ").split()) for p in printed.find_all("p", class_="review")]
    acme = [t for t in lines if ACME in t]
    assert acme and acme[0].startswith("Open for review:") and "headquarters" in acme[0]
