"""Facts carry their sources; sources that disagree are shown and can be resolved."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dossier.claims import open_conflicts
from dossier.cli import main
from dossier.errors import ContentError
from dossier.load import load_corpus
from dossier.views import build_views

from .conftest import copy_project, write

ACME = "briefings/companies/acme.md"


def second_article(root: Path, seed_text: str, outlet: str = "Other Paper") -> None:
    write(root, "seeds/other.txt", seed_text)
    write(
        root,
        "briefings/articles/other-2024-globex-acme.md",
        f"""
        ---
        title: Acme profile
        seed: seeds/other.txt
        outlet: {outlet}
        companies: [acme]
        review: {{status: reviewed}}
        ---
        Another view of Acme.
        """,
    )


def acme_facts(root: Path, facts: str) -> None:
    write(
        root, ACME, "---\nname: Acme\nfacts:\n" + facts + "review: {status: reviewed}\n---\nAcme.\n"
    )


TWO_CLAIMS = """\
  headquarters:
    claims:
      - value: {first}
        source: wire-2024-05-01-globex-acme
        quote: Globex has agreed to buy Acme.
      - value: {second}
        source: other-2024-globex-acme
        quote: Acme is based in Springfield.
"""


def test_same_value_from_two_sources_is_no_conflict(minimal: Path) -> None:
    second_article(minimal, "Acme is based in Springfield.\n")
    acme_facts(minimal, TWO_CLAIMS.format(first="Springfield", second="SPRINGFIELD"))
    assert open_conflicts(load_corpus(minimal)) == []


def test_different_values_are_a_conflict_until_resolved(minimal: Path) -> None:
    second_article(minimal, "Acme is based in Springfield.\n")
    acme_facts(minimal, TWO_CLAIMS.format(first="Shelbyville", second="Springfield"))
    conflicts = open_conflicts(load_corpus(minimal))
    assert [str(c.as_problem()) for c in conflicts] == [
        f"{ACME}:4: facts.headquarters: sources disagree: 'Shelbyville' "
        "(wire-2024-05-01-globex-acme); 'Springfield' (other-2024-globex-acme) "
        "(choose a value under 'resolved:' with a reason, or if the sources truly disagree "
        'run: python build.py review dispute acme headquarters --reason "…")'
    ]
    resolved = TWO_CLAIMS.format(first="Shelbyville", second="Springfield") + (
        "    resolved:\n      value: Springfield\n      reason: The wire story is about the deal.\n"
    )
    acme_facts(minimal, resolved)
    assert open_conflicts(load_corpus(minimal)) == []


def test_strict_check_fails_on_open_conflicts(
    minimal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second_article(minimal, "Acme is based in Springfield.\n")
    acme_facts(minimal, TWO_CLAIMS.format(first="Shelbyville", second="Springfield"))
    assert main(["--root", str(minimal), "check"]) == 0
    out = capsys.readouterr()
    assert (
        out.out == "ok: 2 articles, 2 companies, 1 deal; 1 open conflict (check --strict fails)\n"
    )
    assert out.err.startswith(f"warning: {ACME}:4: facts.headquarters: sources disagree")
    assert main(["--root", str(minimal), "check", "--strict"]) == 1
    err = capsys.readouterr().err  # strict also counts the minimal corpus's draft (globex)
    assert err.startswith(f"{ACME}:4: facts.headquarters: sources disagree")
    assert err.endswith("2 problems found. Fix them and run again.\n")


def test_resolution_without_disagreement_is_an_error(minimal: Path) -> None:
    acme_facts(
        minimal,
        "  sector:\n    value: Anvils\n    resolved: {value: Anvils, reason: obvious}\n",
    )
    with pytest.raises(ContentError, match=r"acme.md:6: facts.sector.resolved: resolves nothing"):
        load_corpus(minimal)


def test_lifecycle_must_end_at_the_current_status(minimal: Path) -> None:
    deal = minimal / "briefings/deals/globex-acme-2024.md"
    deal.write_text(
        deal.read_text("utf-8").replace(
            "review:",
            "steps:\n  - status: announced\n    date: '2024-05'\n    sources:\n"
            "      - article: wire-2024-05-01-globex-acme\n"
            "        quote: Globex has agreed to buy Acme.\nreview:",
        ),
        "utf-8",
    )
    with pytest.raises(ContentError) as info:
        load_corpus(minimal)
    assert [str(p) for p in info.value.problems] == [
        "briefings/deals/globex-acme-2024.md:13: steps[0].status: last step is 'announced' but "
        "the deal's status is 'agreed' (the newest step is the current status: make them the same)"
    ]


def test_syndicated_copies_count_once(minimal: Path) -> None:
    second_article(minimal, "Globex has agreed to buy Acme. Terms were not disclosed.\n")
    deal = minimal / "briefings/deals/globex-acme-2024.md"
    deal.write_text(
        deal.read_text("utf-8").replace(
            "review:",
            "  - article: other-2024-globex-acme\n"
            "    quote: Globex has agreed to buy Acme.\nreview:",
        ),
        "utf-8",
    )
    other = minimal / "briefings/articles/other-2024-globex-acme.md"
    other.write_text(
        other.read_text("utf-8").replace(
            "companies: [acme]", "companies: [acme]\ndeals: [globex-acme-2024]"
        ),
        "utf-8",
    )
    views = build_views(load_corpus(minimal))
    deal_model = views.corpus.deals["globex-acme-2024"]
    assert len(deal_model.sources) == 2
    assert views.independent_outlets(deal_model) == 1


def content(site: Path, rel: str) -> BeautifulSoup:
    page = BeautifulSoup((site / rel).read_text("utf-8"), "html.parser")
    return page.select_one("article.md-content__inner")


def test_deepseek_page_shows_the_open_conflict(default_site: Path) -> None:
    page = content(default_site, "companies/deepseek.html")
    boxes = page.select(".dossier-conflict")
    assert len(boxes) == 2
    parent = next(b for b in boxes if "Huawei" in b.get_text() and "None" in b.get_text())
    assert "Disputed: sources disagree" in parent.get_text()  # acknowledged, with the reason
    assert "No source settles who owns it." in parent.get_text()
    cited = {a["href"].split("#")[0] for a in parent.select(".dossier-cite a")}
    assert cited == {
        "../articles/2024-10-huawei-xiaomi-deepseek-report.html",
        "../articles/ifeng-tech-2026-05-27-xiaomi-pursues-deepseek.html",
    }
    notes = page.select("ol.dossier-notes > li")
    assert any("Huawei’s proprietary DeepSeek AI platform" in n.get_text() for n in notes)


def test_citation_marks_link_to_the_quoted_sentence(default_site: Path) -> None:
    checked = 0
    for rel in (
        "companies/deepseek.html",
        "companies/xiaomi.html",
        "deals/xiaomi-microsoft-mou-2018.html",
    ):
        page = content(default_site, rel)
        for mark in page.select(".dossier-cite a"):
            target, anchor = mark["href"].split("#")
            quote = next(
                n for n in page.select("ol.dossier-notes > li") if n.a["href"] == mark["href"]
            ).q.get_text()
            article = content(default_site, str(Path(rel).parent / target))
            passage = article.find(id=anchor)
            assert passage is not None, mark["href"]
            assert passage.blockquote.get_text() == quote
            checked += 1
    assert checked >= 8


def test_resolving_deepseek_changes_the_page_and_silences_strict(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    path = root / "briefings/companies/deepseek.md"
    text = re.sub(r"    disputed:\n(      .*\n)+", "", path.read_text("utf-8"))
    text = text.replace(
        "  sector:",
        "    resolved:\n"
        '      value: "None: an independent company whose ownership Xiaomi may take a stake in"\n'
        '      reason: "The 2024 report is uncorroborated and contradicts itself."\n'
        '      by: "A. Reviewer"\n  sector:',
    )
    text = text.replace(
        "  parent:",
        "    resolved:\n"
        '      value: "An AI-driven search/retrieval company that Xiaomi is pursuing"\n'
        '      reason: "Chinese press, cited by Phoenix Tech, is the better source."\n  parent:',
    )
    path.write_text(text, "utf-8")
    assert main(["--root", str(root), "check", "--strict"]) == 0
    assert main(["--root", str(root), "build"]) == 0
    page = content(root / "site", "companies/deepseek.html")
    assert page.select(".dossier-conflict") == []
    resolutions = page.select(".dossier-resolution")
    assert len(resolutions) == 2
    parent = resolutions[1].get_text(" ", strip=True)
    assert "resolved by A. Reviewer" in parent
    assert "uncorroborated and contradicts itself" in parent
    assert "Overruled: Huawei" in parent


def test_print_view_renders_citations_as_endnotes(default_site: Path) -> None:
    book = BeautifulSoup((default_site / "print/index.html").read_text("utf-8"), "html.parser")
    notes = {li["id"]: li for li in book.select("ol.endnotes > li")}
    deepseek = book.find(id="company-deepseek").parent
    marks = deepseek.select(".dossier-cite a")
    assert len(marks) >= 4
    assert "Disputed: sources disagree" in deepseek.get_text()
    for mark in marks:
        note = notes[mark["href"].removeprefix("#")]
        assert note.q.get_text()  # the quoted sentence itself
    quotes = [li.q.get_text() for li in notes.values()]
    assert "Huawei’s proprietary DeepSeek AI platform" in quotes
    assert list(notes) == [f"endnote-{n}" for n in range(1, len(notes) + 1)]
