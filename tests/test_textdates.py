"""Dates as news writes them: a month on its own belongs to the article's year."""

from __future__ import annotations

import pytest

from dossier.dates import PartialDate
from dossier.ingest.textdates import find_dates

PUBLISHED = PartialDate(2023, 9, 25)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In June, Lumen raised $40 million led by Northwind.", PartialDate(2023, 6)),
        ("And in August, Arkady bought Vell.", PartialDate(2023, 8)),
        # a month after the publication's is last year's
        ("Vell was bought in December by Arkady.", PartialDate(2022, 12)),
        ("Arkady bought Vell in September 2016.", PartialDate(2016, 9)),
        ("Arkady bought Vell on May 5.", PartialDate(2023, 5, 5)),
    ],
)
def test_a_month_is_dated_in_the_articles_year(sentence: str, expected: PartialDate) -> None:
    assert [d.date for d in find_dates(sentence, PUBLISHED)] == [expected]


@pytest.mark.parametrize(
    "sentence",
    ["Lumen opened an office in Mayfair.", "Regulators may approve it.", "In March-like weather"],
)
def test_words_that_only_look_like_months_are_no_dates(sentence: str) -> None:
    assert find_dates(sentence, PUBLISHED) == []


def test_a_bare_month_is_relative_and_left_out_without_relative_dates() -> None:
    (found,) = find_dates("In June, Lumen raised $40 million.", PUBLISHED)
    assert found.relative
    assert find_dates("In June, Lumen raised $40 million.", PUBLISHED, with_relative=False) == []


def test_a_full_month_name_in_capitals_is_a_month_and_a_short_one_is_not() -> None:
    found = find_dates("AURORA, IL ...(DECEMBER 13, 1999)... Westell announced", None)
    assert [d.date for d in found] == [PartialDate(1999, 12, 13)]
    # an abbreviation in capitals ("MAR 5") is as often a word or a ticker: left alone
    assert find_dates("SHARES OF ACME MAR 5 POINTS", None) == []
