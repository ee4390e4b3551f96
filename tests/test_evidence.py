"""Why each draft exists: ingest records the rule, the sentence and a confidence on every
drafted company and deal; the draft's page and the review queue show them, least certain
first; the evidence is checked like every quote and kept only while a file is a draft."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dossier.cli import main
from dossier.frontmatter import parse
from dossier.ingest.analyse import analyse
from dossier.ingest.entities import Finder
from dossier.ingest.readers import read_seed
from dossier.load import load_corpus
from dossier.model import Evidence

from .conftest import write

SEEDS = {
    "seeds/a-deal.txt": "Nordvik Energy to buy Halden Vind\n\nMarch 3, 2025\n\n"
    "Nordvik Energy ASA has agreed to acquire Danish wind developer Halden Vind AS for "
    "$450 million, the companies said on Monday.\n",
    "seeds/b-completed.txt": "Nordvik Energy completes Halden Vind deal\n\nJune 30, 2025\n\n"
    "Nordvik Energy ASA completed its $450 million acquisition of Halden Vind AS on Monday.\n",
    # article text that looks like markup: a reader must see it as text
    "seeds/c-script.txt": "Kestrel opens a plant\n\nApril 2, 2025\n\n"
    "Kestrel Robotics GmbH <script>alert(1)</script> opened a plant in Munich on Tuesday.\n",
}
DEAL = "briefings/deals/nordvik-energy-halden-vind-as-acquisition-2025.md"


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def front(root: Path, rel: str) -> dict:  # type: ignore[type-arg]
    return parse(rel, (root / rel).read_text("utf-8")).data


def soup(root: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((root / "site" / page).read_text("utf-8"), "html.parser")


@pytest.fixture
def drafted(minimal: Path) -> Path:
    for rel, text in SEEDS.items():
        write(minimal, rel, text)
    assert run(minimal, "ingest") == 0
    return minimal


def test_drafts_record_their_evidence_and_load(drafted: Path) -> None:
    first = "2025-03-03-nordvik-energy-to-buy-halden-vind"
    company = front(drafted, "briefings/companies/nordvik-energy.md")
    # the company model's probability, never above a deal's ceiling (a draft is a draft)
    sure = company["evidence"]["confidence"]
    assert 0.5 < sure <= 0.95
    assert company["evidence"] == {
        "rule": "legal form",
        "quote": "Nordvik Energy ASA has agreed to acquire Danish wind developer Halden Vind AS "
        "for $450 million, the companies said on Monday.",
        "source": first,  # the first article by slug, though both found it
        "confidence": sure,
    }
    deal = front(drafted, DEAL)
    # founded by the first article, as sure as the deal model is of its statement; the
    # second report makes it likelier (+0.1), never above 0.95
    assert deal["evidence"]["source"] == first == deal["sources"][0]["article"]
    assert deal["evidence"]["quote"] == deal["sources"][0]["quote"]
    assert deal["evidence"]["rule"].startswith("acquisition word “acquire”")
    (alone,) = analyse(read_seed(drafted, drafted / "seeds/a-deal.txt"), Finder(())).deals
    assert 0.2 < alone.confidence <= 0.95
    assert len(deal["sources"]) == 2
    assert deal["evidence"]["confidence"] == min(0.95, round(alone.confidence + 0.1, 2))
    corpus = load_corpus(drafted)
    evidence = corpus.companies["nordvik-energy"].evidence
    assert evidence == Evidence("legal form", company["evidence"]["quote"], first, sure)
    assert corpus.deals[DEAL.rsplit("/", 1)[1][:-3]].evidence is not None
    assert corpus.companies["acme"].evidence is None  # reviewed, written by hand
    assert run(drafted, "ingest") == 0  # and a second run writes nothing
    assert front(drafted, DEAL) == deal


def test_a_deal_is_never_certain() -> None:
    from dossier.ingest.evidence import deal_evidence
    from dossier.ingest.link import DraftDeal
    from dossier.ingest.types import DealFinding

    finding = DealFinding("merger", "agreed", (), None, None, (), "q", False, "merger word", 0.9)
    sources = [(f"a{i}", "q") for i in range(4)]
    assert deal_evidence(DraftDeal("d", finding, "s", sources[:1]))["confidence"] == 0.9
    assert deal_evidence(DraftDeal("d", finding, "s", sources))["confidence"] == 0.95


def test_draft_pages_and_the_queue_show_why_least_certain_first(drafted: Path) -> None:
    assert run(drafted, "build") == 0
    line = soup(drafted, "companies/nordvik-energy.html").select_one("p.dossier-evidence")
    sure = front(drafted, "briefings/companies/nordvik-energy.md")["evidence"]["confidence"]
    assert " ".join(line.get_text().split()) == (
        f"Why this draft exists: legal form, confidence {sure:.2f}, from Nordvik Energy to buy "
        "Halden Vind: “Nordvik Energy ASA has agreed to acquire Danish wind developer Halden "
        "Vind AS for $450 million, the companies said on Monday.”"
    )
    assert line.a["href"] == "../articles/2025-03-03-nordvik-energy-to-buy-halden-vind.html"
    deal = soup(drafted, "deals/nordvik-energy-halden-vind-as-acquisition-2025.html")
    deal_sure = front(drafted, DEAL)["evidence"]["confidence"]
    assert f"confidence {deal_sure:.2f}" in deal.select_one("p.dossier-evidence").get_text()
    # The quote is article text: shown, never run.
    kestrel = soup(drafted, "companies/kestrel-robotics.html").select_one("p.dossier-evidence")
    assert "<script>alert(1)</script> opened a plant" in kestrel.get_text()
    assert kestrel.find("script") is None
    assert soup(drafted, "companies/acme.html").select_one("p.dossier-evidence") is None

    queue = soup(drafted, "review.html").select_one("table.dossier-review-queue")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in queue.tbody("tr")]
    # Globex: a draft written by hand, nothing recorded: first
    assert rows[0][:4] == ["not recorded", "Globex", "company", "no evidence recorded"]
    certainty = [(float(r[0]), r[1]) for r in rows[1:]]
    assert len(certainty) >= 4
    slugs = [tr.a["href"].rsplit("/", 1)[1].removesuffix(".html") for tr in queue.tbody("tr")[1:]]
    assert [c for c, _ in certainty] == sorted(c for c, _ in certainty)
    for (c1, _), (c2, _), s1, s2 in zip(certainty, certainty[1:], slugs, slugs[1:], strict=False):
        assert c1 < c2 or s1 < s2  # ties by slug
    assert ["Nordvik Energy", "company", "legal form"] in [r[1:4] for r in rows]
    assert "<script>" not in str(queue)


def test_check_refuses_evidence_on_a_reviewed_file_and_approve_drops_it(
    drafted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rel = "briefings/companies/nordvik-energy.md"
    path = drafted / rel
    draft = path.read_text("utf-8")
    path.write_text(draft.replace("status: draft", "status: reviewed"), "utf-8")
    capsys.readouterr()
    assert run(drafted, "check") == 1
    err = capsys.readouterr().err
    line = draft.splitlines().index("evidence:") + 1
    assert (
        f"{rel}:{line}: evidence: is kept only while review.status is draft: it says why ingest "
        "drafted this, and a reviewed briefing stands on its review (delete the evidence: "
        "block (git history keeps it); python build.py review approve nordvik-energy removes "
        "it when it approves a draft)"
    ) in err
    # As a reviewer would: ingest's note and placeholder replaced (approve refuses them).
    front_matter = draft.rsplit("---\n", 1)[0]
    path.write_text(front_matter + "---\nNordvik Energy builds wind farms.\n", "utf-8")
    assert run(drafted, "review", "approve", "nordvik-energy") == 0
    data = front(drafted, rel)
    assert "evidence" not in data and data["review"]["status"] == "reviewed"
    assert data["name"] == "Nordvik Energy" and data["aliases"]
    assert run(drafted, "check") == 0


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  confidence: 0.", "  confidence: 3", "is over the maximum of 1"),
        ("Nordvik Energy ASA has agreed", "Nordvik Energy ASA has not agreed", "quote is not in"),
        (
            "  source: 2025-03-03-nordvik-energy-to-buy-halden-vind",
            "  source: no-such-article",
            "no article 'no-such-article' exists",
        ),
    ],
)
def test_evidence_is_checked_like_every_quote(
    drafted: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    path = drafted / "briefings/companies/nordvik-energy.md"
    text = path.read_text("utf-8")
    evidence = text.index("evidence:")
    assert old in text[evidence:]
    path.write_text(text[:evidence] + text[evidence:].replace(old, new, 1), "utf-8")
    capsys.readouterr()
    assert run(drafted, "check") == 1
    lines = capsys.readouterr().err.splitlines()
    assert any(
        line.startswith("briefings/companies/nordvik-energy.md:") and message in line
        for line in lines
    ), lines


def test_serve_renders_again_the_pages_that_show_a_changed_evidence(drafted: Path) -> None:
    """The queue and the draft's page show the evidence (the page graph, render/inputs.py):
    a new confidence renders both again; a new description renders neither the queue
    nor other drafts' pages; what is rendered again equals a render from scratch."""
    from dossier.loadcache import Warm
    from dossier.render import Reuse, render_site
    from dossier.views import build_views

    def render(previous):  # type: ignore[no-untyped-def]
        views = build_views(load_corpus(drafted, cache_dir=cache, warm=warm))
        return views, render_site(views, drafted / "templates", reuse=reuse)

    cache, reuse, warm = drafted / ".dossier/cache", Reuse(), Warm()
    views, first = render(None)
    company = drafted / "briefings/companies/kestrel-robotics.md"
    text = company.read_text("utf-8")
    # whatever the company model made of it, the confidence is now the lowest
    lowered = re.sub(r"confidence: [0-9.]+", "confidence: 0.01", text, count=1)
    assert lowered != text
    company.write_text(lowered, "utf-8")
    views, second = render(views)
    again = {new.path for old, new in zip(first.pages, second.pages, strict=True) if old is not new}
    assert {"review.md", "companies/kestrel-robotics.md"} <= again
    assert "companies/nordvik-energy.md" not in again
    assert views.review_queue[1][1].slug == "kestrel-robotics"  # now least certain
    company.write_text(text.replace("Write a one-paragraph", "Write a short"), "utf-8")
    views, third = render(views)
    again = {new.path for old, new in zip(second.pages, third.pages, strict=True) if old is not new}
    assert "companies/kestrel-robotics.md" in again and "review.md" in again  # order back
    company.write_text(text, "utf-8")
    views, fourth = render(views)
    again = {new.path for old, new in zip(third.pages, fourth.pages, strict=True) if old is not new}
    assert again == {"companies/kestrel-robotics.md"}  # the description only
    clean = render_site(build_views(load_corpus(drafted)), drafted / "templates")
    assert fourth.pages == clean.pages


def test_approve_drops_evidence_wherever_it_stands(tmp_path: Path) -> None:
    from dossier.review.approve import approve

    path = write(
        tmp_path,
        "briefings/companies/acme.md",
        "---\nname: Acme\nevidence:\n  rule: legal form\n  quote: Acme Corp said.\n"
        "  source: a-b\n  confidence: 0.9\n# about the review\nreview:\n  status: draft\n"
        "topics: [ai]\n---\nBody.\n",
    )
    (done,) = approve(tmp_path, ["acme"], "Ada")
    assert done.done
    assert path.read_text("utf-8") == (
        "---\nname: Acme\n# about the review\nreview:\n  status: reviewed\n"
        '  by: "Ada"\ntopics: [ai]\n---\nBody.\n'
    )


def test_a_company_in_a_sentence_markup_splits_still_cites_its_evidence(minimal: Path) -> None:
    # the page's markup splits the sentence: no 30 characters of it are in the seed as
    # the text reads, but the company's name is, and so is its evidence
    write(
        minimal,
        "seeds/hub.html",
        "<html><head><title>Workers strike at O'Hare</title></head><body><article>"
        "<p>March 3, 2025</p><p>O&apos;Hare is a hub for both <span>Orskway Airlines Inc."
        "</span> <span>(<a href='/q?s=ORSK'>NYSE: ORSK</a>)</span> and <span>Halden Air"
        "</span> <span>(<a href='/q?s=HLD'>NYSE: HLD</a>)</span>.</p>"
        "<p>Thousands of contracted workers walked off the job on Tuesday at O&apos;Hare, "
        "the union said, after talks on pay broke down over the weekend.</p>"
        "</article></body></html>",
    )
    assert run(minimal, "ingest") == 0
    evidence = front(minimal, "briefings/companies/orskway-airlines.md")["evidence"]
    assert "Orskway Airlines" in evidence["quote"]
    assert evidence["quote"] in (minimal / "seeds/hub.html").read_text("utf-8")
    assert run(minimal, "check") == 0  # checked like every quote
