"""Each kind of corpus problem: the exact message, at the right line, all reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.errors import ContentError
from dossier.load import load_corpus

from .conftest import write

DEAL = "briefings/deals/globex-acme-2024.md"
ARTICLE = "briefings/articles/wire-2024-05-01-globex-acme.md"
ACME = "briefings/companies/acme.md"


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_corpus(root)
    return [str(p) for p in info.value.problems]


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_minimal_corpus_loads(minimal: Path) -> None:
    corpus = load_corpus(minimal)
    deal = corpus.deals["globex-acme-2024"]
    assert deal.announced is not None and deal.announced.precision == "month"
    assert [p.role for p in deal.parties] == ["acquirer", "target"]


def test_unknown_key_suggests_the_right_one(minimal: Path) -> None:
    edit(minimal, DEAL, "status: agreed", "staus: agreed")
    assert problems(minimal) == [
        f"{DEAL}:1: status: is required but missing (add a 'status:' line)",
        f"{DEAL}:4: staus: unknown key (did you mean 'status'?)",
    ]


def test_bad_enum_value(minimal: Path) -> None:
    edit(minimal, DEAL, "status: agreed", "status: anounced")
    assert problems(minimal) == [
        f"{DEAL}:4: status: 'anounced' is not one of rumored, announced, agreed, completed, "
        "terminated (did you mean 'announced'?)"
    ]


def test_wrong_type(minimal: Path) -> None:
    edit(minimal, ARTICLE, "title: Globex to buy Acme", "title: [a, b]")
    assert problems(minimal) == [
        f"{ARTICLE}:2: title: expected text, got a list (put it in quotes)"
    ]


def test_impossible_date_and_misspelled_key_reported_together(minimal: Path) -> None:
    edit(minimal, DEAL, 'announced: "2024-05"', 'announced: "2024-13-45"')
    edit(minimal, ARTICLE, "outlet: The Wire", "outlett: The Wire")
    assert problems(minimal) == [
        f"{ARTICLE}:4: outlett: unknown key (did you mean 'outlet'?)",
        f"{DEAL}:8: announced: '2024-13-45' has month 13; months run 01 to 12 "
        "(fix the date or write only the year)",
    ]


def test_day_that_does_not_exist(minimal: Path) -> None:
    edit(minimal, ARTICLE, '"2024-05-01"', "2023-02-29")
    assert problems(minimal) == [
        f"{ARTICLE}:5: published: '2023-02-29' has day 29; February 2023 has 28 days "
        "(fix the date or write only the year)"
    ]


def test_year_precision_is_kept(minimal: Path) -> None:
    edit(minimal, ARTICLE, '"2024-05-01"', "2015")
    published = load_corpus(minimal).articles["wire-2024-05-01-globex-acme"].published
    assert published is not None
    assert (published.iso(), published.precision, published.human()) == ("2015", "year", "2015")


def test_badly_shaped_date(minimal: Path) -> None:
    edit(minimal, ARTICLE, '"2024-05-01"', "May 2024")
    assert problems(minimal) == [
        f"{ARTICLE}:5: published: 'May 2024' is not a date "
        "(write YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source is)"
    ]


def test_missing_required_field(minimal: Path) -> None:
    edit(minimal, ACME, "name: Acme\n", "")
    assert problems(minimal) == [f"{ACME}:1: name: is required but missing (add a 'name:' line)"]


def test_missing_body(minimal: Path) -> None:
    edit(minimal, ACME, "Acme makes anvils.\n", "")
    assert problems(minimal) == [
        f"{ACME}:6: has no text below the front matter (write the description there)"
    ]


def test_reference_to_missing_company_and_deal(minimal: Path) -> None:
    edit(minimal, ARTICLE, "companies: [acme, globex]", "companies: [acme, globx]")
    edit(minimal, DEAL, "  - {company: acme, role: target}", "  - {company: initech, role: target}")
    assert problems(minimal) == [
        f"{ARTICLE}:6: companies[1]: no company 'globx' exists (did you mean 'globex'?)",
        f"{DEAL}:7: parties[1].company: no company 'initech' exists "
        "(create briefings/companies/initech.md)",
    ]


def test_article_and_deal_must_agree(minimal: Path) -> None:
    edit(minimal, ARTICLE, "deals: [globex-acme-2024]", "deals: []")
    assert problems(minimal) == [
        f"{ARTICLE}:7: deals: does not list deal 'globex-acme-2024', which cites this article "
        f"({DEAL}:10) (add 'globex-acme-2024' to deals, or remove the source from the deal)"
    ]


def test_quote_must_be_in_the_seed(minimal: Path) -> None:
    edit(minimal, DEAL, "quote: Globex has agreed to buy Acme.", "quote: Globex bought Acme.")
    assert problems(minimal) == [
        f"{DEAL}:11: sources[0].quote: quote is not in the text of seeds/wire.txt "
        "(copy the sentence exactly from the seed)"
    ]


def test_slug_collision_after_case_folding(minimal: Path) -> None:
    write(
        minimal,
        "briefings/companies/ACME.md",
        "---\nname: Other\nreview: {status: draft}\n---\nOther.\n",
    )
    found = problems(minimal)
    assert (
        "briefings/companies/acme.md: slug collides with 'ACME' (names that differ only in "
        "case, width or accents are the same slug; merge the two files or rename one)" in found
    )
    assert (
        "briefings/companies/ACME.md: file name 'ACME' is not a valid slug "
        "(rename it to acme.md)" in found
    )


def test_company_names_collide_across_width_and_case(minimal: Path) -> None:
    write(
        minimal,
        "briefings/companies/acme-2.md",
        "---\nname: Ｘ\naliases: [ＡＣＭＥ]\nreview: {status: draft}\n---\nDup.\n",
    )
    # acme-2.md sorts first, so the older-looking acme.md is the one told to change.
    assert problems(minimal) == [
        "briefings/companies/acme.md:2: name: 'Acme' is also a name of company 'acme-2' "
        "('ＡＣＭＥ') (merge the two profiles or remove the duplicate name)"
    ]


def test_yaml_error_does_not_hide_other_files(minimal: Path) -> None:
    write(minimal, "briefings/companies/broken.md", "---\nname: [oops\n---\nText\n")
    edit(minimal, DEAL, "kind: acquisition", "kind: takeover")
    found = problems(minimal)
    assert len(found) == 2
    assert found[0].startswith("briefings/companies/broken.md:")
    assert "YAML syntax error" in found[0]
    assert found[1].startswith(f"{DEAL}:3: kind: 'takeover' is not one of partnership")


def test_a_second_load_sees_changed_files_and_links(minimal: Path, tmp_path: Path) -> None:
    """Serve loads many times in one process; files kept in memory must not hide changes."""
    load_corpus(minimal)
    company = minimal / "briefings/companies/acme.md"
    text = company.read_text("utf-8")
    company.write_text(text.replace("anvils", "rivets"), "utf-8")  # same size
    assert load_corpus(minimal).companies["acme"].description.startswith("Acme makes rivets")
    outside = tmp_path / "elsewhere.md"
    outside.write_text(text, "utf-8")
    company.unlink()
    company.symlink_to(outside)
    with pytest.raises(ContentError) as raised:
        load_corpus(minimal)
    assert "is a link to a file outside the project" in str(raised.value)
