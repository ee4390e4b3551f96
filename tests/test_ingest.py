"""Ingest: seeds → draft briefings. Real files in small projects, real outputs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.dates import PartialDate
from dossier.frontmatter import parse
from dossier.ingest.analyse import analyse
from dossier.ingest.clean import clean
from dossier.ingest.entities import Finder, detect_new
from dossier.ingest.figures import value
from dossier.ingest.readers import read_seed
from dossier.ingest.summary import Scored, summarise
from dossier.ingest.text import Caseless, collapse, lowered, sentences
from dossier.ingest.textdates import find_dates
from dossier.ingest.types import KnownCompany, RawArticle
from dossier.load import load_corpus

from .conftest import REPO, copy_project, write

WIRE = """\
Globex to buy Initech for $300 million

NEW YORK, June 7, 2024 (Reuters) - Globex has agreed to acquire Initech Inc, a maker of office \
software, for $300 million in cash, the companies said on Friday.

The deal is expected to close later this year, Globex chief executive Hank Scorpio said.

Subscribe to our newsletter for more deals.
"""


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "briefings").rglob("*.md"))
    }


def front(path: Path) -> dict:
    return parse(path.name, path.read_text("utf-8")).data


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


# --- end to end -------------------------------------------------------------------


def test_default_corpus_drafts_nothing(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    before = snapshot(root)
    assert run(root, "ingest") == 0
    assert snapshot(root) == before


def test_new_seed_becomes_drafts_that_pass_check(minimal: Path, capsys) -> None:
    write(minimal, "seeds/2024-06-07-globex-initech.txt", WIRE)
    assert run(minimal, "ingest") == 0
    out = capsys.readouterr().out
    assert "drafted briefings/companies/initech.md" in out
    assert "drafted briefings/deals/globex-initech-acquisition-2024.md" in out
    corpus = load_corpus(minimal)
    article = next(
        a for a in corpus.articles.values() if a.seed == "seeds/2024-06-07-globex-initech.txt"
    )
    assert article.review.status == "draft"
    assert article.published == PartialDate(2024, 6, 7)
    assert article.outlet == "Reuters"
    assert article.title == "Globex to buy Initech for $300 million"
    assert set(article.companies) == {"globex", "initech"}
    deal = corpus.deals["globex-initech-acquisition-2024"]
    assert (deal.kind, deal.status) == ("acquisition", "agreed")
    assert [(p.company, p.role) for p in deal.parties] == [
        ("globex", "acquirer"),
        ("initech", "target"),
    ]
    assert deal.value is not None and (deal.value.amount, deal.value.currency) == (3e8, "USD")
    # "said on Friday" in an article of Friday 7 June 2024: that day, not today
    assert deal.announced == PartialDate(2024, 6, 7)
    assert deal.sources[0].quote.startswith("NEW YORK, June 7, 2024 (Reuters) - Globex has agreed")
    assert corpus.companies["initech"].review.status == "draft"
    assert "newsletter" not in article.summary
    data = front(minimal / article.origin.path)
    assert len(data["seed_sha256"]) == 64


def test_second_run_changes_nothing(minimal: Path, capsys) -> None:
    write(minimal, "seeds/2024-06-07-globex-initech.txt", WIRE)
    assert run(minimal, "ingest") == 0
    first = snapshot(minimal)
    capsys.readouterr()
    assert run(minimal, "ingest") == 0
    assert snapshot(minimal) == first
    assert capsys.readouterr().out == "ingest: 0 file(s) drafted, 0 updated\n"


def test_drafts_are_byte_identical_across_projects(tmp_path: Path, minimal: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(minimal, other, symlinks=True)
    for root in (minimal, other):
        write(root, "seeds/2024-06-07-globex-initech.txt", WIRE)
        assert run(root, "ingest") == 0
    assert snapshot(minimal) == snapshot(other)


def test_reviewed_briefings_are_never_touched(minimal: Path) -> None:
    # the reviewed article's seed changes, and a new seed reports the reviewed deal
    write(
        minimal,
        "seeds/wire.txt",
        "Globex has agreed to buy Acme. Terms were not disclosed. More.\n",
    )
    write(
        minimal,
        "seeds/2024-05-02-follow-up.txt",
        "Globex buys Acme\n\nMay 2, 2024\n\nGlobex has agreed to buy Acme, the anvil maker, "
        "the companies confirmed on Thursday.\n",
    )
    reviewed = {
        p: (minimal / p).read_bytes()
        for p in (
            "briefings/articles/wire-2024-05-01-globex-acme.md",
            "briefings/deals/globex-acme-2024.md",
            "briefings/companies/acme.md",
        )
    }
    assert run(minimal, "ingest") == 0
    for path, data in reviewed.items():
        assert (minimal / path).read_bytes() == data
    draft = next((minimal / "briefings/articles").glob("2024-05-02-*.md"))
    assert front(draft)["deals"] == []
    assert "globex-acme-2024" in draft.read_text("utf-8")  # the reviewer is told


def test_changed_seed_regenerates_only_its_draft(minimal: Path, capsys) -> None:
    write(minimal, "seeds/2024-06-07-globex-initech.txt", WIRE)
    assert run(minimal, "ingest") == 0
    before = snapshot(minimal)
    write(
        minimal, "seeds/2024-06-07-globex-initech.txt", WIRE.replace("$300 million", "$310 million")
    )
    capsys.readouterr()
    assert run(minimal, "ingest") == 0
    out = capsys.readouterr().out
    assert "seed changed, draft regenerated: seeds/2024-06-07-globex-initech.txt" in out
    after = snapshot(minimal)
    changed = {p for p in after if after[p] != before.get(p)}
    # its article, its deal, and the profile it drafted (which quotes the changed sentence)
    assert changed == {
        p
        for p in after
        if p.startswith("briefings/articles/2024-06-07")
        or "initech-acq" in p
        or p == "briefings/companies/initech.md"
    }
    assert run(minimal, "check") == 0


def test_removed_seed_is_reported_not_deleted(minimal: Path, capsys) -> None:
    (minimal / "seeds/wire.txt").unlink()
    assert run(minimal, "ingest") == 1  # its reviewed quote can no longer be checked
    out = capsys.readouterr()
    assert (
        "seed removed; its briefing was kept: briefings/articles/wire-2024-05-01-globex-acme.md"
        in out.out
    )
    assert (minimal / "briefings/articles/wire-2024-05-01-globex-acme.md").exists()


def test_build_ingests_first_and_shows_the_draft(minimal: Path) -> None:
    write(minimal, "seeds/2024-06-07-globex-initech.txt", WIRE)
    assert run(minimal, "build") == 0
    pages = list((minimal / "site/articles").glob("2024-06-07-*.html"))
    assert len(pages) == 1
    assert "awaiting review" in pages[0].read_text("utf-8")


def test_bad_seed_front_matter_is_one_clear_line(minimal: Path, capsys) -> None:
    write(minimal, "seeds/broken.md", "---\ntitle: [unclosed\n---\nText.\n")
    assert run(minimal, "ingest") == 0
    captured = capsys.readouterr()
    (warning,) = [line for line in captured.out.splitlines() if line.startswith("warning")]
    assert warning.startswith("warning: seeds/broken.md:3: front matter is not valid YAML")
    assert "Traceback" not in captured.err
    (article,) = [
        p for p in (minimal / "briefings/articles").glob("*.md") if "broken.md" in p.read_text()
    ]
    assert "unclosed" not in article.read_text("utf-8")


# --- readers and cleaning -------------------------------------------------------------


def test_markdown_front_matter_gives_metadata(minimal: Path) -> None:
    write(
        minimal,
        "seeds/note.md",
        """\
        ---
        url: https://example.com/a
        outlet: The Wire
        author: Ann Lee
        published: "2024-03"
        language: en
        ---
        # Acme and Globex sign a pact

        Acme and Globex signed a supply agreement on Monday.
        """,
    )
    assert run(minimal, "ingest") == 0
    article = next(a for a in load_corpus(minimal).articles.values() if a.seed == "seeds/note.md")
    assert (article.url, article.outlet, article.author) == (
        "https://example.com/a",
        "The Wire",
        "Ann Lee",
    )
    assert article.published == PartialDate(2024, 3)
    assert article.title == "Acme and Globex sign a pact"


def test_html_page_main_text_without_boilerplate(minimal: Path) -> None:
    src = REPO / "tests/ingest_eval/articles/e10-meridian-chrupek.html"
    (minimal / "seeds").joinpath(src.name).write_bytes(src.read_bytes())
    raw = read_seed(minimal, minimal / "seeds" / src.name)
    assert raw.meta["outlet"] == "FoodBiz Europe"
    assert raw.meta["published"].startswith("2025-02-17")
    text = " ".join(p.text for p in clean(raw.text))
    assert "Meridian Foods Group" in text
    for junk in ("ADVERTISEMENT", "Most read", "All rights reserved", "Subscribe", "Photo:"):
        assert junk not in text


def test_bom_crlf_and_legacy_encodings(minimal: Path) -> None:
    write(minimal, "seeds/x.txt", "")
    (minimal / "seeds/bom.txt").write_bytes("\ufeffAcme Café\r\nline two\r\n".encode())
    (minimal / "seeds/latin.txt").write_bytes(
        ("Équinoxe Santé SA agreed to buy Clinique Bellerive for 410 million francs. " * 3).encode(
            "cp1252"
        )
    )
    assert read_seed(minimal, minimal / "seeds/bom.txt").text == "Acme Café\nline two\n"
    assert read_seed(minimal, minimal / "seeds/latin.txt").text.startswith("Équinoxe Santé SA")


def test_seed_boilerplate_removed_and_author_kept() -> None:
    raw = read_seed(REPO, REPO / "seeds/001_5bf3d7633e9a563a.txt")
    text = "\n".join(p.text for p in clean(raw.text))
    for junk in (
        "Image: TechCrunch",
        "subscribe to Goody Feed",
        "Read Also",
        "Featured image",
        "Just your average Singaporean guy",
        "first published on goodyfeed.com",
    ):
        assert junk not in text
    assert "Tencent and Samsung announced a joint investment" in text
    raw4 = read_seed(REPO, REPO / "seeds/004_c128476118f896c3.txt")
    text4 = "\n".join(p.text for p in clean(raw4.text))
    for junk in ("Back to stories", "Photo by Mehmet", "View original source"):
        assert junk not in text4


def test_an_events_advertisement_in_a_story_is_boilerplate() -> None:
    page = (
        "Globex Corp. has raised $463 million led by Initech Inc.\n\n"
        "### Join 10k+ tech leaders at Summit 2025\n"
        "#### Netflix, Box, Sequoia Capital — just some of the 250+ heavy hitters. "
        "**Grab your ticket before Sept 26 to save up to $668.**\n\n"
        "Globex said it would build a factory in Kentucky. Early voting results were out.\n"
    )
    text = "\n".join(p.text for p in clean(page))
    assert "Netflix" not in text and "Grab" not in text
    assert "Globex said it would build a factory" in text


def test_another_articles_headline_glued_inside_a_paragraph_is_no_text_of_it() -> None:
    page = (
        "Globex and Initech would have equal rights in the new company, said Initech.ALSO "
        "READ | Initech shares surge on Globex merger talksThe combination will create the "
        "largest telecom firm. Analysts agree.Also Read: Globex buys chat-bot firm Hooli\n\n"
        "Revenue grew. Also Read: Pied Piper launches QIP, issue price at 1,054 per share "
        "The business continued its strong run.\n"
    )
    paragraphs = [p.text for p in clean(page)]
    text = "\n".join(paragraphs)
    assert "surge on Globex" not in text and "Hooli" not in text, paragraphs
    assert "said Initech." in text and "The combination will create the largest" in text
    # with no end in sight, a headline stays rather than take the sentence after it along
    assert "The business continued its strong run." in text
    # each paragraph is still the article's own text, word for word
    assert all(p in page for p in paragraphs), paragraphs


def test_a_wire_editors_note_is_no_text_of_the_story() -> None:
    page = (
        "Globex Corp. agreed to buy Initech Inc. for $1 billion.\n\n"
        "Eds: INSERTS 1 graf after 4th graf, The tender ..., to UPDATE with closing price.\n\n"
        "The tender offer begins Monday.\n"
    )
    text = "\n".join(p.text for p in clean(page))
    assert "INSERTS" not in text and "The tender offer begins Monday." in text


def test_a_wire_storys_summary_points_on_one_line_are_paragraphs() -> None:
    page = (
        "Globex to be a wind power firm * Initech to close its coal plants by 2025 * Deal "
        "to be completed by year end\n\nInitech Corp. has agreed to buy plants from Globex "
        "Inc. The price, 3 * 4 million, was paid.\n"
    )
    texts = [p.text for p in clean(page)]
    assert texts[:3] == [
        "Globex to be a wind power firm",
        "Initech to close its coal plants by 2025",
        "Deal to be completed by year end",
    ], texts
    assert "The price, 3 * 4 million, was paid." in texts[3]


# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("revealed on Monday, October 7, 2024, that", None, PartialDate(2024, 10, 7)),
        ("凤凰科技 2026-05-27", None, PartialDate(2026, 5, 27)),
        ("signed in 2015", None, PartialDate(2015)),
        ("announced Friday", PartialDate(2018, 2, 26), PartialDate(2018, 2, 23)),
        ("announced Friday", PartialDate(2018, 2), None),  # no day to count back from
        ("announced Friday", None, None),  # never against today
        ("last year", PartialDate(2024, 3, 1), PartialDate(2023)),
        ("last year", None, None),
        ("On 22 Feb, Tencent", PartialDate(2018, 3), PartialDate(2018, 2, 22)),
        ("On 22 Dec, Tencent", PartialDate(2018, 3), PartialDate(2017, 12, 22)),
        ("2024-02-30 is not a day", None, None),
    ],
)
def test_dates_resolve_against_publication(text: str, anchor, expected) -> None:
    found = find_dates(text, anchor)
    assert (found[0].date if found else None) == expected


# --- companies -----------------------------------------------------------------------


def _known() -> Finder:
    return Finder(
        [
            KnownCompany("xiaomi", "Xiaomi", ("Xiaomi", "小米")),
            KnownCompany("huawei", "Huawei", ("Huawei",)),
            KnownCompany("microsoft", "Microsoft", ("Microsoft",)),
        ]
    )


def test_known_companies_by_alias_possessive_and_script() -> None:
    finder = _known()
    slugs = [m.slug for m in finder.mentions("Xiaomi’s phones, 小米 and Microsoft's Azure")]
    assert slugs == ["xiaomi", "xiaomi", "microsoft"]
    assert finder.mentions("According to Huawei Central, the collaboration follows") == []
    assert finder.mentions("an apple a day") == []


def test_new_companies_need_evidence() -> None:
    sentences = [
        "Nordvik Energy ASA agreed to buy Halden Vind A/S for $610 million.",
        "Kestrel, a Munich startup that builds robots, said so.",
        "Xiaomi’s Vice President, Wang Wei, stated: “We are happy.”",
        "Xiaomi will adopt Microsoft’s Azure platform, said Zhang Li of Counterpoint Research.",
        "Sales rose in China, India and the UK, the Chinese firm said.",
        "Image: TechCrunch",
    ]
    found = {c.slug: c for c in detect_new(sentences, _known(), None)}
    assert set(found) == {"nordvik-energy", "halden-vind", "kestrel"}
    assert found["nordvik-energy"].aliases == ("Nordvik Energy ASA", "Nordvik")


# --- measured quality ----------------------------------------------------------------


def test_quality_holds_its_floor() -> None:
    """A little below the figures measured when this was written (benchmarks/README.md)."""
    from tools import ingest_quality as quality

    # These articles were written for the rules, so they say little of news (that is
    # benchmarks/ingest_realnews.py); they guard what the rules already did. The rules
    # retuned on real news (December 2026) gave up a little here: a company named once with
    # evidence now counts (this gold lists only those named twice), and one article's
    # statements about the same parties are one deal.
    floors = {
        # measured: companies 0.94, deals 0.92, status 0.898, dates 0.99 (with the models
        # retrained on 1,736 real articles, not on these: status was 0.92 before; on real
        # news, held out, the retrained models gain: benchmarks/README.md)
        "all": {"companies": 0.91, "deals": 0.90, "status": 0.89, "dates": 0.97},
        # measured: 0.94, 0.93, 0.909, 0.99 (status was 0.93 before the retraining on
        # 1,736 articles, 0.915 before the one on 2,238: one deal fewer)
        "development": {"companies": 0.91, "deals": 0.92, "status": 0.90, "dates": 0.97},
        # the g* articles were never used to tune the rules: lower, honest floors
        # (measured 0.91, 0.74, 0.74, 1.00)
        "blind": {"companies": 0.85, "deals": 0.58, "status": 0.58, "dates": 0.95},
    }
    for subset, wanted in floors.items():
        measured = quality.measure(subset=subset)
        for name, floor in wanted.items():
            assert measured[name].f1 >= floor, (subset, name, measured[name].f1)


# --- deals across articles and over time -----------------------------------------------------


def test_two_articles_about_one_deal_make_one_deal_with_two_sources(minimal: Path) -> None:
    write(minimal, "seeds/2024-06-07-globex-initech.txt", WIRE)
    write(
        minimal,
        "seeds/2024-06-08-initech-follow-up.md",
        """\
        ---
        outlet: The Ledger
        published: "2024-06-08"
        ---
        # Why Globex wants Initech

        Globex agreed to buy Initech Inc to get its office software, analysts said on Saturday.
        """,
    )
    assert run(minimal, "ingest") == 0
    corpus = load_corpus(minimal)
    deals = [
        d for d in corpus.deals.values() if {p.company for p in d.parties} == {"globex", "initech"}
    ]
    assert len(deals) == 1
    assert len(deals[0].sources) == 2


def test_background_deal_keeps_its_own_year(minimal: Path) -> None:
    write(
        minimal,
        "seeds/2024-09-01-globex-acme-jv.txt",
        """\
        Globex and Acme form joint venture

        September 1, 2024

        Globex and Acme signed an agreement on Friday to form a joint venture for anvil robots.

        In 2019, Globex bought a 5% stake in Acme for $20 million.
        """,
    )
    assert run(minimal, "ingest") == 0
    corpus = load_corpus(minimal)
    article = next(
        a for a in corpus.articles.values() if a.seed == "seeds/2024-09-01-globex-acme-jv.txt"
    )
    found = {corpus.deals[s].kind: corpus.deals[s] for s in article.deals}
    assert found["joint-venture"].status == "agreed"
    assert found["joint-venture"].announced == PartialDate(2024, 8, 30)  # "on Friday"
    assert found["investment"].announced == PartialDate(2019)
    assert found["investment"].status == "completed"


def test_regenerated_draft_withdraws_a_deal_it_no_longer_reports(minimal: Path, capsys) -> None:
    write(minimal, "seeds/2024-06-07-globex-initech.txt", WIRE)
    assert run(minimal, "ingest") == 0
    deal = minimal / "briefings/deals/globex-initech-acquisition-2024.md"
    assert deal.exists()
    write(
        minimal,
        "seeds/2024-06-07-globex-initech.txt",
        "Globex results\n\nJune 7, 2024\n\nGlobex sales rose 4%.\n",
    )
    capsys.readouterr()
    assert run(minimal, "ingest") == 0
    assert not deal.exists()
    assert (
        "removed draft briefings/deals/globex-initech-acquisition-2024.md"
        in capsys.readouterr().out
    )


def test_article_text_is_data_in_drafts_and_pages(minimal: Path) -> None:
    write(
        minimal,
        "seeds/2024-07-01-evil.txt",
        """\
        Acme: <script>alert(1)</script> {{ 7*7 }} --- title: x

        July 1, 2024

        Acme and Globex signed a supply agreement on Monday <img src=x onerror=alert(1)> {% raw %}.
        """,
    )
    assert run(minimal, "build") == 0
    page = next((minimal / "site/articles").glob("2024-07-01-*.html")).read_text("utf-8")
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "49" not in page.replace("2024", "")
    assert "{{ 7*7 }}" in page or "{{ 7\\*7 }}" in page


def test_odd_seeds_still_give_valid_drafts(minimal: Path) -> None:
    # (an empty seed is refused: see test_hostile_seeds.py)
    write(minimal, "seeds/only-heading.md", "# Just a heading\n")
    assert run(minimal, "ingest") == 0
    corpus = load_corpus(minimal)
    seeds = {a.seed for a in corpus.articles.values()}
    assert "seeds/only-heading.md" in seeds


# --- deal rules: kind, status, parties across sentences -------------------------------


def _deals(text: str, published: str = "2025-06-02") -> list:
    """Deals the rules find in ``text`` (a title line, then paragraphs): every statement,
    before the deal model weighs it (tests/test_deal_model.py tests that; a made-up
    sentence says too little of a story for it)."""
    raw = RawArticle("seeds/t.txt", text, {"published": published}, collapse(text))
    return list(analyse(raw, _known(), judge=lambda found, _story: found).deals)


def _parties(deal) -> dict[str, str]:
    return dict(deal.parties)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Orbis Holdings will take a controlling stake in Lumio Games.", "acquisition"),
        ("Orbis Holdings will buy a 51% stake in Lumio Games.", "acquisition"),
        ("Orbis Holdings bought a 20% stake in Lumio Games.", "investment"),
        # control of a joint venture is still a joint venture
        (
            "Orbis Holdings and Lumio Games set up a joint venture, 60% stake to Orbis.",
            "joint-venture",
        ),
    ],
)
def test_a_controlling_stake_is_an_acquisition(sentence: str, kind: str) -> None:
    (deal,) = _deals(f"Title\n\n{sentence}\n")
    assert deal.kind == kind
    assert {"orbis", "lumio-games"} == set(_parties(deal))


def test_a_controlling_stake_in_title_case_is_an_acquisition() -> None:
    # as a headline writes it: "Sime Darby Acquires 70 Per Cent Stake In TFP Engineering"
    (deal,) = _deals("Title\n\nOrbis Holdings Bhd took a 70 Per Cent stake in Lumio Games Ltd.\n")
    assert deal.kind == "acquisition"
    assert _parties(deal) == {"orbis": "acquirer", "lumio-games": "target"}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Microsoft will invest $500 million in Vantor AI, a San Francisco startup.", "agreed"),
        ("Xiaomi and Solmund Optik GmbH have extended their partnership.", "agreed"),
        ("Xiaomi had closed its $450 million acquisition of Sunmesa Snacks.", "completed"),
        ("Xiaomi is reportedly in talks to acquire Sunmesa Snacks.", "rumored"),
        ("Xiaomi denied a report that it would acquire Sunmesa Snacks.", "rumored"),
        ("Xiaomi and Sunmesa Snacks called off their planned merger.", "terminated"),
        ("Xiaomi pulls out of its takeover of Sunmesa Snacks.", "terminated"),
        ("Xiaomi will no longer acquire Sunmesa Snacks, it announced.", "terminated"),
        (
            "Xiaomi abruptly dropped its 29.6 billion-pound (US$36.4 billion) unsolicited "
            "takeover bid for Sunmesa Snacks.",
            "terminated",
        ),
        ("Xiaomi is in the race to buy Sunmesa Snacks, a source familiar said.", "rumored"),
        ("Xiaomi is the preferred bidder to acquire Sunmesa Snacks.", "rumored"),
        ("Xiaomi's chief dismissed plans to acquire Sunmesa Snacks.", "rumored"),
        ("Xiaomi is trying to complete its partnership deal with Sunmesa Snacks.", "agreed"),
        ("Xiaomi and Sunmesa Snacks have entered a strategic partnership.", "agreed"),
        ("Word leaked that Xiaomi was buying Sunmesa Snacks, a source tells us.", "rumored"),
        (
            "Xiaomi also held talks to invest in Sunmesa Snacks, but the talks fizzled out.",
            "terminated",
        ),
        (
            "Legal troubles led Xiaomi to walk away from the deal to buy Sunmesa Snacks.",
            "terminated",
        ),
        (
            "Xiaomi led a $1.1 billion investment in Sunmesa Snacks, a Thai snack maker.",
            "completed",
        ),
        (
            "Xiaomi is having trouble completing its proposed merger with Sunmesa Snacks.",
            "agreed",
        ),
        (
            "Xiaomi sent a non-binding indication of interest to acquire Sunmesa Snacks.",
            "announced",
        ),
        (
            "Xiaomi made a $12 billion “best and final offer” to acquire Sunmesa Snacks.",
            "announced",
        ),
        # a partnership formed years before the story is running
        ("In late 2013, Xiaomi formed a partnership with Sunmesa Snacks.", "completed"),
        ("Xiaomi is trying to negotiate a takeover of Sunmesa Snacks.", "rumored"),
        # a closing clause tells how it got there
        (
            "Xiaomi and Sunmesa Snacks have agreed to merge, after announcing a month ago "
            "that they were in negotiations.",
            "agreed",
        ),
        # to merge: committed, not yet done
        ("Xiaomi and Sunmesa Snacks Ltd. confirmed that they are to merge.", "agreed"),
        # a turn of the story, no stake taken
        (
            "The battle for Sunmesa Snacks took a surprising twist when Xiaomi launched a "
            "rival bid for Sunmesa Snacks.",
            "announced",
        ),
        # the press's own sources
        (
            "Street Talk understands Xiaomi and Sunmesa Snacks are set to merge in an "
            "all-scrip deal.",
            "rumored",
        ),
        ("Xiaomi is understood to be buying Sunmesa Snacks.", "rumored"),
        # what the deal set off is no rumour of it
        (
            "Xiaomi agreed Monday to buy Sunmesa Snacks for about $1.3 billion in stock, "
            "feeding speculation that its chairman was set to launch a network.",
            "agreed",
        ),
        # the deal agreed; the bid only its history
        (
            "Sunmesa Snacks has agreed to sell itself to Xiaomi for $40 million, days after "
            "Xiaomi lowered its bid for the company.",
            "agreed",
        ),
        # the opening clause tells how it was heard of before
        (
            "Not long after being rumored in mailing lists, Xiaomi has bought Sunmesa Snacks "
            "for $40 million.",
            "completed",
        ),
        (
            "Xiaomi is in advanced discussions to buy Sunmesa Snacks, a person familiar "
            "with the matter said.",
            "rumored",
        ),
        # a tally's source is no report; a planned purchase is agreed, not done
        (
            "It is the second-biggest deal this year, behind Xiaomi's planned $16 billion "
            "purchase of Sunmesa Snacks, according to Dealogic.",
            "agreed",
        ),
        # what happens once the deal closes: it has not yet
        (
            "Xiaomi will buy Sunmesa Snacks, and Sunmesa's chief will lead the unit once the "
            "transaction is complete.",
            "agreed",
        ),
        # a deal of the past
        (
            "It is second only to Xiaomi's $6 billion purchase of Sunmesa Snacks last year.",
            "completed",
        ),
        # what is yet to close has not
        (
            "In the North Sea, Xiaomi's acquisition of Sunmesa Snacks Ltd., which will close "
            "on March 8, is strengthening its business.",
            "agreed",
        ),
        ("Xiaomi said sales rose after its recent merger with Sunmesa Snacks.", "completed"),
        # under way; what "is being sold" is another part
        (
            "Xiaomi is snapping up Sunmesa Snacks (minus its bakery arm, which is being sold "
            "to other investors) for $40 million.",
            "agreed",
        ),
    ],
)
def test_status_wording(sentence: str, status: str) -> None:
    (deal,) = _deals(f"Title\n\n{sentence}\n")
    assert deal.status == status


def test_a_fuller_known_name_still_joins_the_partners() -> None:
    text = (
        "Title\n\nHuawei Technologies and Klarlyd, the Danish speaker maker, have extended "
        "their partnership for five years.\n"
    )
    (deal,) = _deals(text)
    assert (deal.kind, deal.status, set(_parties(deal))) == (
        "partnership",
        "agreed",
        {"huawei", "klarlyd"},
    )


def test_the_other_party_named_in_the_next_sentence() -> None:
    text = (
        "Title\n\nAcme Shipping ASA said it had agreed to acquire a smaller rival for $90 "
        "million.\n\nThe target, Beta Ferries Ltd, runs eight ships between Denmark and Norway.\n"
    )
    (deal,) = _deals(text)
    assert deal.kind == "acquisition"
    assert _parties(deal) == {"acme-shipping": "acquirer", "beta-ferries": "target"}
    assert deal.quote.endswith(
        "The target, Beta Ferries Ltd, runs eight ships between Denmark and Norway."
    )
    jv = (
        "Title\n\nHuawei said on Monday it would set up a joint venture in Riyadh. Its partner "
        "in the venture, Qamar Telecom, will hold 60%.\n"
    )
    (deal,) = _deals(jv)
    assert (deal.kind, deal.status, set(_parties(deal))) == (
        "joint-venture",
        "agreed",
        {"huawei", "qamar-telecom"},
    )


def test_a_company_in_the_next_sentence_without_a_reference_is_no_party() -> None:
    text = (
        "Title\n\nAcme Shipping ASA agreed to acquire a smaller rival for $90 million.\n\n"
        "Beta Ferries, a Danish operator, runs eight ships. Beta Ferries said it had no comment.\n"
    )
    assert _deals(text) == []


def test_a_co_investor_in_the_next_sentence_joins_the_round() -> None:
    text = (
        "Title\n\nGreifwerk Robotik GmbH has raised €80 million in a round led by Huawei.\n\n"
        "Existing investor Norrsken Capital also took part in the round.\n"
    )
    (deal,) = _deals(text)
    assert _parties(deal) == {
        "greifwerk-robotik": "investee",
        "huawei": "investor",
        "norrsken-capital": "investor",
    }
    earlier = text.replace("took part in the round", "invested in its previous round in 2023")
    (deal,) = _deals(earlier)  # an older round is not this one
    assert "norrsken-capital" not in _parties(deal)
    later = text.replace("\n\nExisting", "\n\nThe robots pick groceries.\n\nExisting")
    (deal,) = _deals(later)  # two sentences later: not the same round for sure
    assert "norrsken-capital" not in _parties(deal)


def test_the_company_after_an_opening_phrase_is_the_last_subject() -> None:
    text = (
        "Title\n\nCaldera Foods said its sales rose 8% in the quarter.\n\n"
        "In 2019 the company bought Desert Rose Bakery, a maker of tortillas, for $85 million.\n"
    )
    (deal,) = _deals(text)
    assert _parties(deal) == {"caldera-foods": "acquirer", "desert-rose-bakery": "target"}
    assert (deal.background, deal.status, deal.announced) == (True, "completed", PartialDate(2019))


def test_a_pronoun_after_a_time_phrase_or_its_deal_stands_for_the_last_subject() -> None:
    bought = (
        "Title\n\nCaldera Airlines collapsed in April.\n\n"
        "The following month it was bought by Desert Rose Capital, which backed the managers.\n"
    )
    (deal,) = _deals(bought)
    assert _parties(deal) == {"desert-rose-capital": "acquirer", "caldera-airlines": "target"}
    its = (
        "Title\n\nCaldera Foods now manages $450 billion.\n\n"
        "Its $2.5 billion acquisition of Mesa Tortilla Works Inc. added $116 billion.\n"
    )
    (deal,) = _deals(its)
    assert _parties(deal) == {"caldera-foods": "acquirer", "mesa-tortilla-works": "target"}
    # later in a sentence, "its" may be any company the text has named
    later = its.replace("Its $2.5 billion", "The gain builds on its $2.5 billion")
    assert not any("caldera-foods" in _parties(d) for d in _deals(later))


def test_founding_years_and_durations_are_not_deal_dates() -> None:
    text = (
        "Title\n\nXiaomi signed a licensing agreement with Aurenfeld Energie, a Swiss start-up.\n\n"
        "The company, founded in 2021, will receive royalties from Xiaomi, Aurenfeld said.\n\n"
        "Aurenfeld, which has been looking for a licensee since 2023, is not listed.\n"
    )
    (deal,) = _deals(text, "2025-07-22")
    assert (deal.kind, deal.background, deal.announced) == (
        "licensing",
        False,
        PartialDate(2025, 7, 22),
    )


def test_an_analysts_idea_is_not_a_deal() -> None:
    text = (
        "Analysis: battery makers\n\nNorrvolt, a Swedish start-up, cut its forecast. Its rival "
        "Zellwerk Batterie delayed a plant.\n\nAnalysts say a merger of Norrvolt and Zellwerk "
        "would make sense on paper, but neither company has shown interest.\n"
    )
    assert _deals(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Orbis Energy Spa agreed to buy $1 billion in electricity from Lumio Fusion Inc.",
        "The agreement will see Orbis Energy Spa purchase electricity from Lumio Fusion Inc.",
        "Orbis Energy Spa won a multi-year purchase order contract from Lumio Fusion Inc.",
    ],
)
def test_goods_bought_from_a_company_are_no_acquisition(sentence: str) -> None:
    assert [d.kind for d in _deals(f"Title\n\n{sentence}\n")] == []
    # the company itself bought from its owner is one
    (deal,) = _deals("Title\n\nOrbis Energy Spa agreed to buy Lumio Fusion Inc from Garvel Ltd.\n")
    assert _parties(deal)["lumio-fusion"] == "target"


def test_to_deal_with_something_is_no_deal() -> None:
    text = (
        "Security firms\n\nNorrvolt Security Ltd described Zellwerk Guard Ltd as a troubled "
        "company which needs fresh management to deal with scandals.\n"
    )
    assert _deals(text) == []


def test_where_a_company_is_based_is_not_its_name() -> None:
    found = detect_new(
        ["Munich-based Greifwerk Robotik GmbH has raised €80 million."], _known(), None
    )
    assert [(c.slug, c.name) for c in found] == [("greifwerk-robotik", "Greifwerk Robotik")]


def test_the_buyer_named_in_the_next_sentence_is_a_company_and_the_acquirer() -> None:
    text = (
        "Title\n\nKappa Foods has agreed to sell its frozen pizza business to a Swedish rival "
        "for 1.2 billion crowns, the Finnish food group said on Tuesday.\n\n"
        "The buyer, Norrland Livs, already makes frozen meals under several brands.\n"
    )
    (deal,) = _deals(text, "2026-04-07")
    assert (deal.kind, deal.status) == ("acquisition", "agreed")
    assert _parties(deal) == {"norrland-livs": "acquirer", "kappa-foods": "target"}


def test_the_company_bought_is_the_one_the_last_sentence_began_with() -> None:
    text = (
        "Title\n\nShirakawa Electric Industries agreed to acquire Meltek Sensorik for about "
        "95 billion yen.\n\nMeltek, based in Stuttgart, had sales of 280 million euros last "
        "year. Its private equity owner, Brenner Capital, bought the company in 2019.\n"
    )
    deals = {frozenset(_parties(d)): d for d in _deals(text, "2026-01-14")}
    old = deals[frozenset({"brenner-capital", "meltek-sensorik"})]
    assert _parties(old) == {"brenner-capital": "acquirer", "meltek-sensorik": "target"}
    assert (old.background, old.status, old.announced) == (True, "completed", PartialDate(2019))
    assert frozenset({"shirakawa-electric-industries", "meltek-sensorik"}) in deals
    # "the company" as the subject is still the subject: no deal with itself
    alone = "Title\n\nMeltek Sensorik had sales of 280 million euros. It bought it back.\n"
    assert _deals(alone) == []


def test_leading_and_indonesian_legal_forms_and_more_company_words() -> None:
    found = detect_new(
        [
            "Huawei and PT Bintang Petrokimia Tbk, Indonesia's second-largest petrochemical "
            "producer, signed a memorandum of understanding on Tuesday.",
            "Arcline Freight and Norwell Transport said they had completed their merger.",
        ],
        _known(),
        None,
    )
    assert [(c.slug, c.name) for c in found] == [
        ("bintang-petrokimia", "Bintang Petrokimia"),
        ("arcline-freight", "Arcline Freight"),
        ("norwell-transport", "Norwell Transport"),
    ]
    assert "PT Bintang Petrokimia Tbk" in found[0].aliases


def test_a_short_name_used_alone_is_learned_from_the_full_name() -> None:
    sentences = [
        "Halcyon Leisure Group has abandoned its 800 million pound takeover of cinema chain "
        "Brightmoor Pictures.",
        "Halcyon said on Monday it would not appeal the decision.",
    ]
    finder = _known()
    found = {c.slug: c for c in detect_new(sentences, finder, None)}
    assert set(found) == {"halcyon-leisure", "brightmoor-pictures"}
    assert "Halcyon" in found["halcyon-leisure"].aliases
    assert [m.slug for m in finder.mentions(sentences[1])] == ["halcyon-leisure"]
    # the first word before another capitalised word: part of another name, not learned
    other = [sentences[0], "Halcyon Days Ltd, a travel company, said Halcyon had no comment."]
    found = {c.slug: c for c in detect_new(other, _known(), None)}
    assert "Halcyon" not in found["halcyon-leisure"].aliases
    # a word the article also writes in lower case is an ordinary word
    smart = detect_new(
        [
            "Smart Grid Energy AS said on Monday it bought a stake in Acme Corp.",
            "Smart said smart meters are cheap.",
        ],
        _known(),
        None,
    )
    assert "Smart" not in smart[0].aliases


def test_a_description_between_the_deal_word_and_the_name() -> None:
    text = (
        "Title\n\nHalcyon Leisure Group has abandoned its 800 million pound takeover of "
        "cinema chain Brightmoor after the regulator blocked the deal.\n"
    )
    (deal,) = _deals(text, "2026-03-16")
    assert (deal.kind, deal.status) == ("acquisition", "terminated")
    assert _parties(deal) == {"halcyon-leisure": "acquirer", "brightmoor": "target"}
    # a particle or a quantity is not a description: no company "100"
    bought_back = "Title\n\nXiaomi bought back 100 billion Hong Kong dollars of shares.\n"
    assert _deals(bought_back) == []


def test_a_stake_and_working_together_are_one_deal() -> None:
    # News tells one deal several ways; on the annotated real news, statements of two
    # kinds about the same companies in one story were one deal far more often than two
    # (drafting both made about one false deal in three)
    text = (
        "Title\n\nXiaomi has bought a 9.9% stake in Lidaro Sensing for $120 million.\n\n"
        "Xiaomi will get a seat on Lidaro's board, and the two companies will work together "
        "on chips for lidar sensors.\n"
    )
    (deal,) = _deals(text, "2025-10-21")
    assert deal.kind == "investment"
    assert _parties(deal) == {"xiaomi": "investor", "lidaro-sensing": "investee"}


def test_the_kind_most_statements_give_is_the_deal_s() -> None:
    # the lede says joint venture, two sentences say investment: one deal, an investment
    # (not the lede's kind, not two deals)
    text = (
        "Title\n\nOrwell Group Inc and Kestrel Labs Ltd formed a joint venture for lidar "
        "chips on Monday.\n\nOrwell Group will invest $40 million in Kestrel Labs.\n\n"
        "The investment gives Orwell Group a seat on the board of Kestrel Labs.\n"
    )
    (deal,) = _deals(text, "2025-10-21")
    assert deal.kind == "investment"


def test_brand_uses_and_investment_firms_are_not_deals() -> None:
    text = (
        "Title\n\nXiaomi and Solmund Optik GmbH have extended their partnership.\n\n"
        "The two first teamed up in 2022, when Xiaomi launched phones with Solmund-branded "
        "lenses.\n\nSolmund's owner, the investment firm Zuiderzee Capital, is selling "
        "shares.\n"
    )
    (deal,) = _deals(text)
    assert set(_parties(deal)) == {"xiaomi", "solmund-optik"}


# --- the fast paths give the same answers as the plain rules ------------------------


@pytest.mark.parametrize(
    "text",
    ["Xiaomi ACQUIRED Acme", "İstanbul: Xiaomi acquıred", "ſtake in KELVIN", "Ünïcode Stake", ""],
)
def test_caseless_matches_like_ignorecase(text: str) -> None:
    pattern = r"\b(?:acquir(?:e|ed)|stake|kelvin)\b"
    fast, slow = Caseless(pattern), re.compile(pattern, re.I)
    got, want = fast.search(text, lowered(text)), slow.search(text)
    assert (got.span() if got else None) == (want.span() if want else None)
    with pytest.raises(ValueError):
        Caseless(r"\S+")  # lower-casing would turn it into \s


def test_mentions_skip_lower_case_words_only() -> None:
    finder = _known()
    text = "_Xiaomi and xiaomi, AT&T Huawei; Huawei_x; 小米 and X-Xiaomi (Microsoft)"
    assert [(m.slug, m.start) for m in finder.mentions(text)] == [
        ("xiaomi", 1),
        ("huawei", 25),
        ("xiaomi", 43),
        ("xiaomi", 52),
        ("microsoft", 60),
    ]


def test_collapse_is_the_whitespace_pattern() -> None:
    text = " a \u00a0b\u2028c\x1c d\u3000 e\t\r\n\u200bf "
    assert collapse(text) == re.sub(r"\s+", " ", text).strip() == "a b c d e \u200bf"


def _eval_sentences() -> list[str]:
    out = []
    for path in sorted((REPO / "tests/ingest_eval/articles").iterdir()):
        for paragraph in path.read_text("utf-8", errors="replace").split("\n"):
            out.extend(sentences(paragraph))
    return out


def test_anchored_patterns_match_like_the_plain_ones_on_the_eval_set() -> None:
    from dossier.ingest import clues, deals, status

    patterns = [
        *deals._STRONG_RE.values(),
        deals._WEAK,
        deals._NOT_THIS_DEAL,
        deals._MINORITY,
        deals._CONTROL,
        clues._DEAL_CUE,
        status._RUMOR,
        status._AGREED,
    ]
    texts = _eval_sentences()
    # the windows before names, as the company rules see them
    texts += [t[:i] for t in texts[:300] for i in range(0, len(t), 17)]
    for pattern in patterns:
        plain = re.compile(pattern.pattern, re.I)
        for text in texts:
            got, want = pattern.search(text, lowered(text)), plain.search(text)
            assert (got.span() if got else None) == (want.span() if want else None), (
                pattern.pattern[:40],
                text,
            )


def test_dates_without_relative_ones_are_the_same_absolute_dates() -> None:
    anchor = PartialDate(2025, 6, 2)
    for text in _eval_sentences():
        full = [d for d in find_dates(text, anchor) if not d.relative]
        assert [d for d in find_dates(text, anchor, with_relative=False) if not d.relative] == full


def test_a_relative_date_after_an_absolute_one_is_found() -> None:
    # the relative patterns used to be skipped once an absolute date had matched
    found = find_dates("Signed on October 7, 2024, after talks that began last year.", None)
    assert [d.date for d in found] == [PartialDate(2024, 10, 7)]  # no anchor: unknown
    anchor = PartialDate(2024, 10, 8)
    found = find_dates("Signed on October 7, 2024, after talks that began last year.", anchor)
    assert [d.date for d in found] == [PartialDate(2024, 10, 7), PartialDate(2023)]


def test_the_companies_of_a_group_are_each_drafted() -> None:
    # three names that extend one drafted name are companies of its group, not the
    # fuller forms of one company
    sentences = [
        "Halvard, the country's largest conglomerate, said on Wednesday it would sell "
        "Halvard Techwin Co, Halvard Petrochem Co and Halvard Atofina Co to Brightmoor "
        "Corp for $1.7 billion.",
        "Halvard Techwin makes engines for jets, and Halvard said the sale would close next year.",
    ]
    found = sorted(c.slug for c in detect_new(sentences, _known(), None))
    assert found == [
        "brightmoor",
        "halvard",
        "halvard-atofina",
        "halvard-petrochem",
        "halvard-techwin",
    ]
    # one fuller name is still the short name's long form
    one = [
        "Halvard Techwin Co said on Wednesday it would buy Brightmoor Corp.",
        "Halvard said the deal would close next year.",
    ]
    assert sorted(c.slug for c in detect_new(one, _known(), None)) == [
        "brightmoor",
        "halvard-techwin",
    ]


def test_a_big_batch_lists_its_first_drafts_and_counts_the_rest() -> None:
    from dossier.ingest.run import IngestReport

    few = IngestReport(created=[f"briefings/articles/a{n}.md" for n in range(50)])
    assert few.lines() == [f"drafted briefings/articles/a{n}.md" for n in range(50)]
    many = IngestReport(
        created=[f"briefings/articles/a{n}.md" for n in range(51)],
        updated=["briefings/companies/c.md"],
    )
    assert many.lines() == [
        *(f"drafted briefings/articles/a{n}.md" for n in range(20)),
        "drafted 31 more files (git status briefings/ lists them all)",
        "updated briefings/companies/c.md",
    ]


@pytest.mark.parametrize(
    "housekeeping",
    [
        "FOR FURTHER INFORMATION: Jane Roe (212) 510-1810, Globex Corporate Communications.",
        "NOTE TO EDITORS: For additional information visit Globex's site or call its desk.",
        "For more information about Globex and Initech, please visit www.globex.example today.",
        "Contact: Jane Roe, Globex Investor Relations, 813-443-0745, for Globex and Initech.",
        "Investors may write to Globex and Initech at ir@globex.example for the deal papers.",
        "> — Globex and Initech (@GlobexInitech) [June 7, 2024](https://x.example/1) on the deal",
    ],
)
def test_a_press_releases_housekeeping_is_no_key_point(housekeeping: str) -> None:
    # the line names both companies and a deal, so only what it is keeps it out
    news = [
        Scored(0, "Globex has agreed to buy Initech for $300 million in cash.", 2, True),
        Scored(1, "The deal is expected to close in the third quarter of this year.", 0, True),
        Scored(2, "Initech makes software for banks and has 400 staff in Ohio.", 1, False),
        Scored(3, "Globex shares rose 3% in early trading on the news on Friday.", 1, False),
    ]
    summary, points = summarise([*news, Scored(4, housekeeping, 2, True)])
    assert housekeeping not in summary + points
    assert len(summary) == 3 and points  # the news is still summarised


@pytest.mark.parametrize(
    ("sentence", "worth"),
    [
        # a price per share is not what the deal is worth
        ("Globex agreed to buy Initech for $40 a share, or $12.5 billion.", (12.5e9, "USD")),
        ("Globex will pay $9.50 per Initech share, about $7.4 billion.", (7.4e9, "USD")),
        # Indian amounts in crore and lakh, with the rupee written several ways
        ("Globex will buy Initech for Rs 315 crore.", (3.15e9, "INR")),
        ("Globex paid Rs. 50.96 crore for the Initech stake.", (509.6e6, "INR")),
        ("Globex paid ₹1,500 crore for Initech.", (15e9, "INR")),
        ("Globex paid INR 25 lakh for the Initech brand.", (2.5e6, "INR")),
        ("Globex will buy the Initech unit for INR 118.32 Cr.", (1.1832e9, "INR")),
        # the amount the sentence gives as the price, not the first one it gives
        (
            "Globex wrote off $200 million of its $776 million acquisition of Initech.",
            (776e6, "USD"),
        ),
        # the size of something else, or a valuation, is no price
        ("Globex buys a stake from Initech, a $100 billion fund, for $8 billion.", (8e9, "USD")),
        ("Globex bought 55% of Initech, valuing its equity at more than $1 billion.", None),
        # a scraper's glue, and a currency written before the dollar sign
        ("Globex agreed to buy Initech for$26 billion.", (26e9, "USD")),
        ("Globex sold its Initech unit for NZ$115.8 million.", (115.8e6, "NZD")),
        # wire copy's hyphen, and the amount as paid before its conversion
        ("Globex made a 15-million euro ($16 million) investment in Initech.", (15e6, "EUR")),
    ],
)
def test_a_deals_value_is_what_it_is_worth(sentence: str, worth: tuple[float, str] | None) -> None:
    got = value(sentence)
    assert (got and (round(got[0]), got[1])) == (worth and (round(worth[0]), worth[1]))


def test_a_deal_takes_its_value_from_the_first_report_that_states_it(minimal: Path) -> None:
    # the report that founds the deal (first by slug) gives no price; the next one does
    write(
        minimal,
        "seeds/a.txt",
        "Globex buys Initech\n\nJune 7, 2024\n\nGlobex Corp has agreed to buy Initech Inc.\n",
    )
    write(
        minimal,
        "seeds/b.txt",
        "Globex to pay $300 million for Initech\n\nJune 7, 2024\n\n"
        "Globex Corp has agreed to buy Initech Inc for $300 million in cash.\n",
    )
    assert run(minimal, "ingest") == 0
    deal = load_corpus(minimal).deals["globex-initech-acquisition-2024"]
    assert len(deal.sources) == 2
    assert deal.value is not None and (deal.value.amount, deal.value.currency) == (3e8, "USD")


def test_a_takeovers_valuation_of_the_company_is_its_price() -> None:
    # a whole company bought: what the deal values it at is what it is worth
    sentence = "Globex is buying Initech in an all-stock deal valuing the company at $14.7 billion."
    assert value(sentence, whole=True) == (14.7e9, "USD")
    # a funding round's valuation, or a stake's, is no price of the deal
    assert value(sentence) is None
    stake = "Globex bought a 10% stake in Initech, valuing the company at $2 billion."
    assert value(stake, whole=True) is None


def test_the_company_bought_from_its_parent_is_the_one_that_announced_it() -> None:
    text = (
        "Title\n\nPittsburgh – Lenvar Cloud Inc, a data centre operator, today announced "
        "that investment firm Orland Capital has agreed to acquire the company from its "
        "current parent, Garvel Media Enterprises, LLC.\n"
    )
    (deal,) = _deals(text)
    assert deal.kind == "acquisition"
    assert dict(deal.parties) == {"orland-capital": "acquirer", "lenvar-cloud": "target"}
