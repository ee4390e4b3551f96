"""Dates written in article text, resolved against the publication date, never today.

"October 7, 2024" and "2026-05-27" are absolute; "Friday", "last year" and
"last month" need an anchor (the publication date) and stay unknown without one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..dates import PartialDate
from .text import lowered

_MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
_MONTHS["sept"] = 9
# Month and weekday names are matched as written in news (capitalised, or a full month
# name in capitals as datelines and wire copy write it: "JULY 24, 2002"): with a
# leading lookahead on the capital, the scan skips most positions cheaply.
_MONTH = (
    r"(?=[JFMASOND])(?P<month>"
    + "|".join(
        sorted(
            [n.capitalize() for n in _MONTHS]
            + [calendar.month_name[i].upper() for i in range(1, 13)],
            key=len,
            reverse=True,
        )
    )
    + r")\.?"
)
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
# A year after its preposition; run as written (in lower case) on the text in lower case,
# where it finds what it finds with re.I on the text, several times faster (text.Caseless)
_IN_YEAR = r"\b(?:in|since|of|by|from|during|early|late|mid-?|end of)\s*(?P<year>(?:19|20)\d{2})\b"
_IN_YEAR_LOWER = re.compile(_IN_YEAR)
_WEEKDAY = r"(?=[MTWFS])(?P<weekday>" + "|".join(n.capitalize() for n in _WEEKDAYS) + r")"

_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"(?P<year>\d{4})年(?P<mnum>\d{1,2})月(?:(?P<day>\d{1,2})日)?"),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b"),
    re.compile(r"\b" + _MONTH + r"\s+(?P<year>\d{4})\b"),
    re.compile(_IN_YEAR, re.I),
    re.compile(
        r"\b(?P<rel>last year|this year|next year|a year ago|last month|this month|"
        r"yesterday|today|earlier this year|earlier this month)\b",
        re.I,
    ),
    # a month on its own ("In June, Inflection raised …"): of the year the text is in
    re.compile(
        r"\b(?:[Ii]n|[Ss]ince|[Ll]ast|[Ee]arly|[Ll]ate|[Mm]id-|[Ee]nd of|[Uu]ntil|[Bb]y)\s+"
        + _MONTH
        + r"(?![\w-]|\.?\s*\d)"
    ),
    # a weekday on its own ("announced Friday"), not the name before a full date
    re.compile(r"\b" + _WEEKDAY + r"\b(?!,?\s+(?:\d|[JFMASOND][a-z]+\.? \d))"),
]

# Cheap test first: most sentences hold no date at all.
_HINT = re.compile(
    r"\d|year|month|yesterday|today|(?=[MTWFS])(?:"
    + "|".join(n.capitalize() for n in _WEEKDAYS)
    + ")|(?=[JFMASOND])(?:"
    + "|".join(calendar.month_name[i] for i in range(1, 13))
    + "|"
    + "|".join(calendar.month_name[i].upper() for i in range(1, 13))
    + ")"
)


_DIGIT = re.compile(r"\d")
# What each pattern cannot match without: a pattern whose need is absent from the text is
# not run at all (most sentences hold a number but no date, so this is the common case).
_MONTH_NAME = re.compile(_MONTH)
_WEEKDAY_NAME = re.compile(_WEEKDAY)
# (looked for from its hyphen: a pattern that opens with \d is tried at every character)
_ISO = re.compile(r"(?<=\d{4})-\d{2}-")
_CENTURY = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class FoundDate:
    date: PartialDate
    start: int
    end: int
    relative: bool


def find_dates(
    text: str, anchor: PartialDate | None, with_relative: bool = True
) -> list[FoundDate]:
    """Every date in ``text``, earliest position first, overlapping matches dropped.

    ``with_relative=False`` leaves out "last year" and a weekday on its own (the two
    last patterns): the other dates are the same, as those patterns are looked at last.
    """
    digit = _DIGIT.search(text) is not None  # (first: the hint's pattern costs more)
    if not (digit or (with_relative and _HINT.search(text))):
        return []  # without relative dates, every pattern left needs a digit
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    digits = with_relative is False or digit
    low = text.lower() if with_relative else ""
    relative = with_relative and any(w in low for w in ("year", "month", "yesterday", "today"))
    month = _MONTH_NAME.search(text) if digits or with_relative else None
    weekday = _WEEKDAY_NAME.search(text) if with_relative else None
    # where each pattern is run from, None where it needs something the text does not
    # have: those that open with a month's or a weekday's name match nowhere before the
    # first one, and those with a few words and spaces before the month nowhere before
    # those words (no capital letter among them: a month's name is not inside them)
    starts = (
        0 if digits and _ISO.search(text) is not None else None,
        0 if digits and "年" in text else None,
        month.start() if digits and month else None,
        _words_before(text, month.start(), 4) if digits and month else None,  # "15th "
        month.start() if digits and month else None,
        0 if digits and _CENTURY.search(text) is not None else None,
        0 if relative else None,
        _words_before(text, month.start(), 6) if with_relative and month else None,  # "Since "
        weekday.start() if weekday else None,
    )
    for start, pattern in zip(starts, _PATTERNS, strict=True):
        if start is None:
            continue
        matches = pattern.finditer(text, start)
        if pattern is _PATTERNS[5] and (folded := lowered(text)) is not None:
            matches = _IN_YEAR_LOWER.finditer(folded, start)
        for m in matches:
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            date, is_relative = _resolve(m.groupdict(), anchor)
            if date is not None:
                found.append(FoundDate(date, m.start(), m.end(), is_relative))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def _words_before(text: str, at: int, width: int) -> int:
    """Where a match may begin whose month's name is at ``at`` or after it: before the
    spaces there and up to ``width`` characters before them (the day, "In", "End of")."""
    while at > 0 and text[at - 1].isspace():  # (str.isspace is what \s matches)
        at -= 1
    return max(0, at - width)


def _resolve(
    g: dict[str, str | None], anchor: PartialDate | None
) -> tuple[PartialDate | None, bool]:
    if rel := g.get("rel"):
        return _relative(rel.lower(), anchor), True
    mnum, named, day_text, year_text = g.get("mnum"), g.get("month"), g.get("day"), g.get("year")
    month = int(mnum) if mnum else _MONTHS.get((named or "").lower(), 0)
    day = int(day_text) if day_text else 0
    weekday = g.get("weekday")
    if year_text:
        year = int(year_text)
    elif month and anchor is not None:
        # "22 Feb" in a 2018 article: that year, or the one before if it would be later
        year = anchor.year
        if anchor.month and (month, day) > (anchor.month, anchor.day or 31):
            year -= 1
    elif weekday and not month:
        return _weekday(weekday.lower(), anchor), True
    else:
        return None, False
    if not 1800 <= year <= 2200:  # "0001-01-01" in garbage is not a news date
        return None, False
    try:
        if day:
            dt.date(year, month, day)
        elif month and not 1 <= month <= 12:
            return None, False
    except ValueError:
        return None, False
    return PartialDate(year, month, day), not g.get("year")


def _relative(rel: str, anchor: PartialDate | None) -> PartialDate | None:
    if anchor is None:
        return None
    if rel in ("this year", "earlier this year"):
        return PartialDate(anchor.year)
    if rel in ("last year", "a year ago"):
        return PartialDate(anchor.year - 1)
    if rel == "next year":
        return PartialDate(anchor.year + 1)
    if not anchor.month:
        return None
    if rel in ("this month", "earlier this month"):
        return PartialDate(anchor.year, anchor.month)
    if rel == "last month":
        y, m = (anchor.year, anchor.month - 1) if anchor.month > 1 else (anchor.year - 1, 12)
        return PartialDate(y, m)
    if not anchor.day:
        return None
    day = dt.date(anchor.year, anchor.month, anchor.day)
    if rel == "yesterday":
        day -= dt.timedelta(days=1)
    return PartialDate(day.year, day.month, day.day)


def _weekday(name: str, anchor: PartialDate | None) -> PartialDate | None:
    """The last such weekday on or before the publication day ("announced Friday")."""
    if anchor is None or not anchor.day:
        return None
    day = dt.date(anchor.year, anchor.month, anchor.day)
    day -= dt.timedelta(days=(day.weekday() - _WEEKDAYS[name]) % 7)
    return PartialDate(day.year, day.month, day.day)
