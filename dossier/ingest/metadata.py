"""Title, outlet, author, URL, language and publication date (with its precision).

Sources in order of trust: the seed's own metadata (front matter, HTML meta), then
a dateline or byline near the top, then the text itself. When nothing anchors the
date it stays unknown rather than guessed.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from ..dates import DATE_SHAPE, PartialDate, parse_partial_date
from .clean import signature
from .outlets import (
    credited,
    from_url,
    home_of_links,
    known_host,
    page_address,
    source_links,
    spelled_out,
    wire_name,
)
from .text import sentences
from .textdates import find_dates
from .types import Metadata, Paragraph, RawArticle

# "凤凰科技 2026-05-27", "Reuters | March 3, 2025", "Published: 3 March 2025"
_DATELINE = re.compile(
    r"^(?:(?:published|updated|posted)(?: on)?:?\s*)?(?P<outlet>[^\d|:]{2,40}?)?\s*[|·,—-]?\s*"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\w+ \d{1,2},? \d{4}|\d{1,2} \w+,? \d{4})$",
    re.I,
)
_BYLINE = re.compile(r"^By\s+(?P<author>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})(?:\s*[|,·].*)?$")
_WIRE_LINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .]{2,30}),\s*(?P<date>[^-–—(]{4,30}?)\s*"
    r"(?:\((?P<outlet>[^)]+)\))?\s*[-—–]"
)
_JOINED_NAME = re.compile(
    r"^(?:[A-Z][a-z]+){2,}(?:\.(?:com|net|org))?$"
    # "Salon.com", "MASHABLE.com", "nbcnews.com": a name written as its site's host
    r"|^[A-Za-z]{3,}\.(?:com|net|org)$"
)
_HOST_NAME = re.compile(
    r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|co\.jp|com\.au)$", re.I
)
_STAMP = re.compile(r"^(?:(?:published|posted|updated)(?: on)?:?\s*|by\s+[^|]+\|\s*)", re.I)
_WIRE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .]+),\s*(?P<date>\w+\.? \d{1,2}(?:, \d{4})?)\s*"
    # "New Delhi, Jul 31 (PTI) Tata Motors …": the agency's style runs on with no dash
    r"\((?P<outlet>[^)]+)\)\s*(?:[-—–]|(?=[A-Z]))"
)
_COMPACT_DATE = re.compile(r"\s*((?:19|20)\d\d)(\d\d)(\d\d)\s*$")
_LEAD_DATE_VERBS = re.compile(r"\b(?:on|announced|said|revealed|reported|confirmed)\b", re.I)


# "Copyright (c) 2008 ABC News Internet Ventures", "人民网版权所有": a credit's words
_RIGHTS = re.compile(
    r"^(?:copyright\s*)?(?:\(c\)|©)?\s*(?:\d{4}\s*)?|\s*(?:all rights reserved\.?|版权所有)$",
    re.I,
)
# what no publication's name holds: code ("'date' => \""), a form's labels ("作者：")
_NOT_A_NAME = re.compile(r"=>|[\"“”：{}<>]")


def _outlet_name(outlet: str) -> str | None:
    """A publication's name as a page's metadata or credit gives it, without a page
    title before it ("… with Graphite deal | TechCrunch") or a copyright's words."""
    if " | " in outlet:
        outlet = outlet.rsplit(" | ", 1)[1]
    name = _RIGHTS.sub("", outlet).strip(" .,")
    if not any(c.isalpha() for c in name) or _NOT_A_NAME.search(name):
        return None
    return wire_name(name)  # "PRNewswire" as a wire's field gives it: PR Newswire


def extract(raw: RawArticle, paragraphs: list[Paragraph]) -> Metadata:
    meta = raw.meta
    lines = [line.strip() for line in raw.text.split("\n") if line.strip()]
    head = lines[:8] + [line for line in lines[-4:] if _STAMP.match(line)]
    outlet = meta.get("outlet")
    if outlet and outlet.lower().startswith(("http://", "https://")):
        # a page's site given as its address ("http://www.wsj.com")
        outlet = known_host(outlet) or _site_name(outlet, raw.text)
    if outlet and _HOST_NAME.match(outlet):  # a page's site name given as its host
        outlet = known_host(f"https://{outlet.lower()}") or outlet
    if outlet and _JOINED_NAME.match(outlet):
        # "DominicanToday", "LasVegasSun.com": a site's name as one word, as the page
        # spells it when it does ("TechCrunch" stays one)
        label = re.sub(r"\.(?:com|net|org)$", "", outlet, flags=re.I)
        outlet = spelled_out(label.lower(), raw.text) or (
            label if label != label.lower() else outlet
        )
    # a scraped page's information block: "+ Source: ZDNet", "+ Link: https://…",
    # "+ Date: 2022-01-19 20:28:55"
    info = _info_block(lines[:16])
    url = meta.get("url") or info.get("link") or page_address(raw.text)
    title = _WIRE_SLUG.sub("", meta.get("title") or _title(paragraphs))
    author = meta.get("author") or info.get("author") or _byline(head) or signature(raw.text)
    stored = meta.get("published") or info.get("date")
    published = _meta_date(stored)
    in_text, dateline_outlet = _dateline(head)
    if published is not None and published.day:
        timed = bool(stored and _TIME_OF_DAY.search(stored))
        published = _as_the_page_shows(published, timed, in_text, lines, paragraphs)
    # a known site republishing a wire story is the outlet; an unknown one (an
    # aggregator) gives way to the wire the text credits
    outlet = (
        outlet
        or info.get("source")
        or known_host(url)
        or dateline_outlet
        or credited(raw.text)
        or _site_name(url, raw.text)
        or _site_name(home_of_links(raw.text), raw.text)
    )
    if outlet:
        outlet = _outlet_name(outlet)
    if outlet and outlet.isupper() and outlet.isalpha() and len(outlet) > 5:
        # "(NEWMEDIAWIRE)": a credit in capitals, as the text spells the name
        outlet = spelled_out(outlet.lower(), raw.text.replace(outlet, "")) or outlet
    # metadata that gives the year only: the day from the dateline, the URL or a date
    # line at the head of the page, when it is of that year
    # (each looked for only while the date is still wanted)
    candidates: tuple[Callable[[], PartialDate | None], ...] = (
        lambda: _stamp_date(lines[:8]),  # the file's own time stamp, before its text's dates
        lambda: in_text,
        lambda: _url_date(url),
        lambda: _file_date(raw.path),
        lambda: _head_date(lines[:12]),
        lambda: _release_dateline(paragraphs),
        lambda: _said_published(raw.text),
        lambda: next(filter(None, map(_url_date, source_links(raw.text))), None),
    )
    for find in candidates:
        if published is not None and published.precision != "year":
            break
        better = find()
        if better is None or better.precision == "year":
            continue
        if published is None or (published.precision == "year" and better.year == published.year):
            published = better
            break
    if published is None:
        published = _lead_date(paragraphs) or _this_year(paragraphs)
    return Metadata(
        title=title,
        outlet=outlet,
        author=author,
        published=published,
        url=url if (url or "").startswith(("http://", "https://")) else None,
        language=meta.get("language") or "en",
    )


_INFO_LINE = re.compile(
    # "+ Source: ZDNet", "**Source:** Healthcare Dive" (a label in bold)
    r"^[+*-]?\s*(?:\*\*|__)?(source|publisher|outlet|link|url|date|published|author)\s*:"
    r"(?:\*\*|__)?\s*(\S.{0,200})$",
    re.I,
)


# a field whose value is only an address, bare or as a markdown link
_LINKED_ADDRESS = re.compile(r"^\[?(https?://[^\s\]]+)\]?(?:\((https?://[^\s)]+)\))?$")


def _info_block(lines: list[str]) -> dict[str, str]:
    """Fields of a page's information block, by name: source, link, date, author."""
    out: dict[str, str] = {}
    names = {"publisher": "source", "outlet": "source", "url": "link", "published": "date"}
    for line in lines:
        m = _INFO_LINE.match(line)
        if m:
            key = m.group(1).lower()
            value = m.group(2).strip().strip("\"'")
            address = _LINKED_ADDRESS.match(value)
            if address:  # "**Source:** [https://…](https://…)": the page, not its outlet
                out.setdefault("link", address.group(1))
            elif not value.endswith((".", "*")):  # "*Source: Microsoft.*": a photo's credit
                out.setdefault(names.get(key, key), value)
    if not out.get("link", "").startswith(("http://", "https://")):
        out.pop("link", None)
    # one field alone ("Source: company filings") is no page's information block
    return out if len(out) >= 2 else {}


# "20-07-2021 15:31:50 +05:30", "02-15-2016", "15.03.2014": a day and a month in an
# order the field does not name
_SHORT_YEAR = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d\d)$")
_YEAR_NUMERIC = re.compile(r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)\b")
# "2025 Oct 01" (Astro's pubDate as some sites write it)
_YEAR_FIRST = re.compile(r"((?:19|20)\d\d) ([A-Za-z]{3,9})\.? (\d{1,2})\b")


_COMPACT_DATE = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)")


def _meta_date(value: str | None) -> PartialDate | None:
    if not value:
        return None
    value = value.strip()
    if DATE_SHAPE.match(value[:10]):  # "2024-06-07", "2024-06-07 09:00:00"
        try:
            return parse_partial_date(value[:10])
        except ValueError:
            return None
    compact = _COMPACT_DATE.fullmatch(value)  # "20161014"
    if compact:
        try:
            return parse_partial_date("-".join(compact.groups()))
        except ValueError:
            return None
    short_year = _SHORT_YEAR.match(value)  # "12-Dec-17"
    if short_year:
        day, month, year = short_year.groups()
        value = f"{month} {day}, {int(year) + (2000 if int(year) < 50 else 1900)}"
    year_numeric = _YEAR_NUMERIC.match(value)  # "2017/3/20", "2017.03.20"
    if year_numeric:
        year, month, day = (int(g) for g in year_numeric.groups())
        try:
            return parse_partial_date(f"{year:04d}-{month:02d}-{day:02d}")
        except ValueError:
            return None
    numeric = _NUMERIC_DATE.match(value)
    if numeric:
        return _day_and_month(*(int(g) for g in numeric.groups()))
    year_first = _YEAR_FIRST.match(value)
    if year_first:
        value = f"{year_first.group(2)} {year_first.group(3)}, {year_first.group(1)}"
    found = find_dates(value, None)  # "July 19, 2021", "19 July 2021"
    return found[0].date if found and not found[0].relative else None


def _day_and_month(first: int, second: int, year: int) -> PartialDate | None:
    """The date of "first-second-year" where the order is read from the numbers: a
    number above 12 is the day; with both 12 or below and not equal, only the year
    is sure."""
    if first > 12 >= second:
        first, second = second, first
    elif not (second > 12 >= first or first == second):
        return PartialDate(year)
    try:
        return parse_partial_date(f"{year:04d}-{first:02d}-{second:02d}")
    except ValueError:
        return None


def _dateline(head: list[str]) -> tuple[PartialDate | None, str | None]:
    for line in head:
        wire = _WIRE_LINE.match(line)
        if wire:
            found = find_dates(wire.group("date"), None)
            if found and found[0].date.day and not found[0].relative:
                outlet = wire.group("outlet")
                return found[0].date, wire_name(outlet) if outlet else None
        stamp = _STAMP.match(line)
        compact = _COMPACT_DATE.match(line, stamp.end()) if stamp else None
        if compact:  # "Published: 20161014"
            year, month, day = (int(g) for g in compact.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return PartialDate(year, month, day), None
        if (stamp or len(line.split()) <= 6) and len(line.split()) <= 12:
            found = find_dates(line, None)
            if found and found[0].date.day and not found[0].relative:
                before = line[: found[0].start]
                prefix = before.strip(" |·,—-:")
                # a label ("**Date:**", "Date:") names no outlet
                label = before.rstrip(" *_'\"“").endswith(":")
                # (nor an address whose slug ends in its date: "https://…-2026-08-21/")
                # (nor marks with no word: ".-.March 9, 2020" in a scraped dump)
                named = not (stamp or label or "," in before or "/" in before) and any(
                    c.isalnum() for c in prefix
                )
                return found[0].date, (prefix or None) if named else None
        wire = _WIRE.match(line)
        if wire:
            found = find_dates(wire.group("date"), None)
            if found and not found[0].relative:
                return found[0].date, wire_name(wire.group("outlet"))
            # "New Delhi, Jul 31 (PTI)": a day with no year still credits the agency
            return None, wire_name(wire.group("outlet"))
        m = _DATELINE.match(line)
        if m:
            found = find_dates(m.group("date"), None)
            if found and found[0].date.day and not found[0].relative:
                outlet = (m.group("outlet") or "").strip(" |·,—-") or None
                return found[0].date, outlet
    return None, None


_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)/(\d\d?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(\d\d?)(?:/|$)",
    re.I,
)
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()  # noqa: SIM905


# a blog's post saved as its site keeps it: "2008-01-28-nokia-to-acquire-trolltech.md"
# (Jekyll's and Hugo's convention: the file's name holds the day it was published)
_FILE_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d?)-(\d\d?)[-_]")  # ("2019-9-7-…" too)


def _file_date(path: str) -> PartialDate | None:
    m = _FILE_DATE.match(path.replace("\\", "/").rsplit("/", 1)[-1])
    try:
        return parse_partial_date("-".join(g.zfill(2) for g in m.groups())) if m else None
    except ValueError:  # "2008-13-45-…": a number, not a date
        return None


# the date at the end of a story's slug ("…-funding-round-led-by-amazon-2021-07-23/",
# "…-fertilizer-sector-rally-2011-11-18?link=…")
_SLUG_DATE = re.compile(r"[-_]((?:19|20)\d\d)-?(\d\d)-?(\d\d)/?(?:[?#]|\.html?|$)")


# a year and month ending a story's slug ("businessinsider.com/why-apple-bought-
# foundationdb-2015-3"): the month it was published
_SLUG_MONTH = re.compile(r"[-_]((?:19|20)\d\d)-(1[0-2]|0?[1-9])/?(?:[?#]|$)")


def _url_date(url: str | None) -> PartialDate | None:
    """ "venturebeat.com/2019/12/16/…", "theguardian.com/…/2023/nov/17/…"."""
    m = _URL_DATE.search(url or "") or _SLUG_DATE.search(url or "")
    if m is None:
        month_only = _SLUG_MONTH.search(url or "")
        if month_only is None:
            return None
        year, month = month_only.groups()
        return parse_partial_date(f"{year}-{int(month):02d}")
    month = m.group(2).lower()
    number = int(month) if month.isdigit() else _MONTHS.index(month) + 1
    try:
        return parse_partial_date(f"{m.group(1)}-{number:02d}-{int(m.group(3)):02d}")
    except ValueError:
        return None


# "CUPERTINO, Calif.--Dec. 20, 1996--Apple Computer, Inc. today announced …"
_RELEASE_LINE = re.compile(r"--\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d\d)\s*--")


# a page's time stamp run into its text ("eMarketer.com Friday, July 12, 2002, 10:21 AM
# ET L90 Does a 180 …", "By Jack Myers JULY 24, 2002 - Two announcements …"): a full date
# with its weekday before it, or a time or a dash after it
_WEEKDAY_BEFORE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*$")
_PLAIN_WORD = re.compile(r"(?!by\b)[a-z]+[,;:]?")
_STAMP_AFTER = re.compile(r"\s*(?:,?\s*\d{1,2}:\d\d|[-—–]\s)")


def _opening_stamp(line: str) -> PartialDate | None:
    """A full date stamped at the start of a long line, as above: after a few names
    (a site's, a byline's), not inside a sentence ("said its chief, named on June 28,
    2004 - a Monday - …")."""
    opening = line[:160]
    for found in find_dates(opening, None, with_relative=False):
        before = opening[: found.start].split()
        if len(before) > 6 or any(_PLAIN_WORD.fullmatch(w) for w in before):
            return None
        stamped = _WEEKDAY_BEFORE.search(opening[: found.start]) or _STAMP_AFTER.match(
            opening, found.end
        )
        if found.date.day and stamped:
            return found.date
    return None


def _head_date(lines: list[str]) -> PartialDate | None:
    """A full date on a short line at the head of the page ("Published Monday 27
    January 2014", "Nov 5, 2012 3:30 PM"), or in a release's dateline."""
    for line in lines:
        release = _RELEASE_LINE.search(line)
        text = release.group("date") if release else line
        if release is None and len(line.split()) > 20:
            stamp = _opening_stamp(line)
            if stamp is not None:
                return stamp
            continue
        for found in find_dates(text, None):
            if found.date.day and not found.relative:
                return found.date
    return None


# "This article was published on May 22, 2023", "Story updated at 12:25 ET on Thursday,
# May 31, 2018", "PUBLISHED: . 03:39 EST, 8 May 2012"
_PUBLISHED_ON = re.compile(r"\b(?:[Pp]ublished|[Pp]osted|[Uu]pdated|PUBLISHED|UPDATED)\b:?")


def _said_published(text: str) -> PartialDate | None:
    """The date a page says it was published or updated on, anywhere in it."""
    for said in _PUBLISHED_ON.finditer(text):
        near = text[said.end() : said.end() + 50].split("\n")[0]
        for found in find_dates(near, None, with_relative=False):
            if found.date.day:
                return found.date
    return None


_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}")
# what a line that is only a date may hold beside it: a weekday, a time and its zone
_BEFORE_A_DATE = re.compile(r"\W*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\W*)?$")
_AFTER_A_DATE = re.compile(
    r"\W*(?:\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4})?)?\W*$"
)
_UPDATED = re.compile(r"\b(?:[Uu]pdated|UPDATED)\b")
_PUBLISHED_LABEL = re.compile(r"^(?:\*\*|__)?(?:[Pp]ublished|[Pp]osted|PUBLISHED|POSTED)\b:?")


def _as_the_page_shows(
    stored: PartialDate,
    timed: bool,
    in_text: PartialDate | None,
    lines: list[str],
    paragraphs: list[Paragraph],
) -> PartialDate:
    """The date the page shows when the stored one is a day off it.

    A scraper's or a feed's stamp is often the moment in UTC ("2021-06-04T00:14:19")
    while the page says "Published: June 3, 2021": the reader's date is the one the page
    shows, when it says so (a "Published" line, a line that is only a date) or, for a
    stored moment, in its dateline. An update's date and a date further off are other
    dates, and the stored one stays."""
    shown = _shown_date(lines[:12])
    if shown is None and timed and not any(_UPDATED.search(line) for line in lines[:12]):
        shown = in_text or _release_dateline(paragraphs)
    if shown is None or not shown.day:
        return stored
    apart = datetime.date(stored.year, stored.month, stored.day) - datetime.date(
        shown.year, shown.month, shown.day
    )
    return shown if abs(apart.days) == 1 else stored


def _shown_date(head: list[str]) -> PartialDate | None:
    """A full date the head of the page gives as its own: "Published Jan. 6, 2026", or
    a line that is only a date ("June 27, 2025")."""
    for line in head:
        label = _PUBLISHED_LABEL.match(line)
        rest = line[label.end() :] if label else line
        if not label and len(line.split()) > 6:
            continue
        for found in find_dates(rest, None, with_relative=False):
            alone = _BEFORE_A_DATE.match(rest[: found.start]) and _AFTER_A_DATE.match(
                rest[found.end :]
            )
            if found.date.day and (label or alone):
                return found.date
    return None


def _byline(head: list[str]) -> str | None:
    for line in head:
        m = _BYLINE.match(line)
        if m:
            return m.group("author")
    return None


def _site_name(url: str | None, text: str) -> str | None:
    """The outlet a URL's host names, as the page spells it when it does."""
    label = from_url(url)
    if label is None or not label.islower():
        return label
    return spelled_out(label, text) or label


_RELEASE_HEADING = re.compile(
    r"\b(?:[Cc]ompany [Aa]nnouncement|[Ss]tock [Ee]xchange [Rr]elease|[Pp]ress [Rr]elease"
    r"|[Nn]ews [Rr]elease|[Ii]nvestor [Nn]ews)\b"
)


def _release_dateline(paragraphs: list[Paragraph]) -> PartialDate | None:
    """The dateline that opens a release's first paragraph: "GLASTONBURY, CONN., March 4,
    2008 — TopCoder, Inc. … today announced" (pages put menus and a title before it)."""
    prose = [p.text for p in paragraphs if not p.heading][:5]
    for text in prose:
        wire = _WIRE_LINE.match(text)
        if wire:
            found = find_dates(wire.group("date"), None)
            if found and found[0].date.day and not found[0].relative:
                return found[0].date
    for text in prose[:3]:
        # "Wärtsilä Corporation, Company Announcement, 31 January 2012, at 3:00 PM": a
        # release's own heading line
        if len(text.split()) <= 16 and _RELEASE_HEADING.search(text):
            found = [d for d in find_dates(text, None, with_relative=False) if d.date.day]
            if found:
                return found[0].date
        # "CUPERTINO, California—January 18, 2011—Apple", "SAN FRANCISCO, JAVAONE 2004
        # CONFERENCE - June 28, 2004 - The Eclipse": a state or an event before the date;
        # and a page may run its title into the dateline's paragraph
        head = text[:600]
        for date in find_dates(head, None, with_relative=False):
            if (
                date.date.day
                and not date.relative
                and _DASH_AFTER.match(head, date.end)
                and (
                    _CAPS_PLACE.search(head, max(0, date.start - 60), date.start)
                    # "St. Paul, MN, October 2, 2018 –", "**SAN FRANCISCO - October 09,
                    # 2017** -", "_Herndon, VA_ — March 13, 2013—": the place alone
                    # before the date, at the paragraph's start
                    or _PLACE_ONLY.fullmatch(head, 0, date.start)
                )
            ):
                return date.date
    return None


_CAPS_PLACE = re.compile(r"\b[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*,\s")
_DASH_AFTER = re.compile(r"[*_]*\s*(?:\([^)]{1,40}\)\s*)?[-—–]")
_PLACE_ONLY = re.compile(
    r"[*_]*[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,4}(?:, [A-Z]{2}\.?)?[*_]*\s*[,—–-]\s*"
)


# A filing's or a feed's compact time stamp at the head: "TIME:20061012145645",
# "FILED AS OF DATE: 20061012"
_STAMP_LINE = re.compile(
    r"^(?:TIME|DATE|FILED AS OF DATE|DATE FILED)\s*:\s*((?:19|20)\d\d)(\d\d)(\d\d)(?:\d{6})?\s*$"
)


def _stamp_date(head: list[str]) -> PartialDate | None:
    for line in head:
        m = _STAMP_LINE.match(line)
        if m:
            try:
                return parse_partial_date("-".join(m.groups()))
            except ValueError:
                return None
    return None


def _lead_date(paragraphs: list[Paragraph]) -> PartialDate | None:
    """A full date reported in the lead ("revealed on Monday, October 7, 2024").

    The article was written on or after that day, so only its year is claimed.
    """
    prose = [p.text for p in paragraphs if not p.heading][:2]
    for text in prose:
        for sentence in sentences(text)[:2]:
            for found in find_dates(sentence, None):
                if found.date.day and not found.relative and _LEAD_DATE_VERBS.search(sentence):
                    return PartialDate(found.date.year)
    return None


_THIS_YEAR = re.compile(r"\b(?:later|earlier) this year\b", re.I)
_FUTURE_YEAR = re.compile(
    r"\b(?:expected|will|plans?|planned|set|due|targets?|targeting|largest|biggest)\b[^.]*?"
    r"\b(?:in|of|for) ((?:19|20)\d{2})\b",
    re.I,
)


def _this_year(paragraphs: list[Paragraph]) -> PartialDate | None:
    """ "Later this year" plus "expected … in 2018" elsewhere: written in 2018 (year only)."""
    text = " ".join(p.text for p in paragraphs if not p.heading)
    if not _THIS_YEAR.search(text):
        return None
    years = {int(m.group(1)) for m in _FUTURE_YEAR.finditer(text)}
    return PartialDate(years.pop()) if len(years) == 1 else None


# Reuters' desk marks before a headline: "UPDATE 2-Southwestern Energy to sell …",
# "RPT-…", "EXCLUSIVE-…" (glued to the headline's first word, which a name may be)
_WIRE_SLUG = re.compile(
    r"\A(?:(?:UPDATE|WRAPUP|CORRECTED|REFILE|RPT|EXCLUSIVE|BREAKINGVIEWS|INSIGHT|ANALYSIS)"
    r"(?: \d{1,2})?-)+(?=\S)"
)


def _title(paragraphs: list[Paragraph]) -> str:
    """The first heading that reads like a headline, else the lead sentence shortened."""
    for p in paragraphs[:3]:
        if p.heading and len(p.text.split()) >= 4:
            return p.text
    for p in paragraphs:
        if not p.heading:
            lead = sentences(p.text)[0]
            words = lead.split()
            return lead if len(words) <= 16 else " ".join(words[:14]) + " …"
    return "Untitled article"
