"""Dates with a precision: "2015" is a year, not 2015-01-01."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]

DATE_SHAPE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to a year, a month or a day.

    Ordering puts a bare year before any month of that year, so "2018" sorts
    ahead of "2018-02": the less precise date is the earlier possible one.
    """

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> Precision:
        if self.day:
            return "day"
        return "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self) -> str:
        """Written as a reader expects: "23 February 2018", "February 2018", "2018"."""
        if self.day:
            return f"{self.day} {_MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{_MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso()


def parse_partial_date(text: str) -> PartialDate:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError naming what is impossible."""
    match = DATE_SHAPE.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if year < 1:
        raise ValueError(f"'{text}' has no year 0")
    if match.group(2) and not 1 <= month <= 12:
        raise ValueError(f"'{text}' has month {month:02d}; months run 01 to 12")
    if match.group(3):
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(
                f"'{text}' has day {day:02d}; {_MONTHS[month - 1]} {year} has {last} days"
            )
    return PartialDate(year, month, day)
