"""Which outlet published an article, when its metadata does not say: a wire credit in
the text ("(Reuters) -") or the host of its URL ("venturebeat.com" → VentureBeat)."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

_WIRES = {
    "reuters": "Reuters",
    "ap": "Associated Press",
    "afp": "AFP",
    "bloomberg": "Bloomberg",
    "xinhua": "Xinhua",
    "upi": "UPI",
    "dow jones": "Dow Jones",
    "business wire": "Business Wire",
    "businesswire": "Business Wire",
    "pr newswire": "PR Newswire",
    "prnewswire": "PR Newswire",
    "globe newswire": "GlobeNewswire",
    "globenewswire": "GlobeNewswire",
    "cnn": "CNN",
    "cnbc": "CNBC",
}
_CREDIT = re.compile(
    r"\((" + "|".join(sorted(map(re.escape, _WIRES), key=len, reverse=True)) + r")\)\s*[-—–]|"
    r"/(" + "|".join(sorted(map(re.escape, _WIRES), key=len, reverse=True)) + r")/\s*[-—–]",
    re.I,
)
# A line that opens with the credit and runs on with no dash: "(CNN)The Walking Dead",
# "WASHINGTON (CNN) Senators …"
_LEAD_CREDIT = re.compile(
    r"^(?:[A-Z][A-Z .,'-]{1,40} )?\(((?i:"
    + "|".join(sorted(map(re.escape, _WIRES), key=len, reverse=True))
    + r"))\)\s*(?=[A-Z\"“])",
    re.M,
)
# Hosts whose name is not simply the outlet's.
_HOSTS = {
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "nytimes.com": "The New York Times",
    "wsj.com": "The Wall Street Journal",
    "ft.com": "Financial Times",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "apnews.com": "Associated Press",
    "thenextweb.com": "The Next Web",
    "theverge.com": "The Verge",
    "arstechnica.com": "Ars Technica",
    "businessinsider.com": "Business Insider",
    "economictimes.indiatimes.com": "The Economic Times",
    "timesofindia.indiatimes.com": "The Times of India",
    "livemint.com": "Mint",
    "scmp.com": "South China Morning Post",
    "straitstimes.com": "The Straits Times",
    "smh.com.au": "The Sydney Morning Herald",
    "abc.net.au": "ABC News",
    "cnet.com": "CNET",
    "zdnet.com": "ZDNet",
    "cnbc.com": "CNBC",
    "techcrunch.com": "TechCrunch",
    "venturebeat.com": "VentureBeat",
    "prnewswire.com": "PR Newswire",
    "businesswire.com": "Business Wire",
    "globenewswire.com": "GlobeNewswire",
    "wired.com": "Wired",
    "hindustantimes.com": "Hindustan Times",
    "thejakartapost.com": "The Jakarta Post",
    "nst.com.my": "New Straits Times",
    "bernama.com": "Bernama",
    "dailymail.co.uk": "Daily Mail",
    "geekwire.com": "GeekWire",
    "infoworld.com": "InfoWorld",
    "technologyreview.com": "MIT Technology Review",
    "vox.com": "Vox",
    "bleepingcomputer.com": "BleepingComputer",
    "fortune.com": "Fortune",
    "bloomberg.com": "Bloomberg",
    "reuters.com": "Reuters",
    "engadget.com": "Engadget",
    "forbes.com": "Forbes",
    "fool.com": "The Motley Fool",
    "qz.com": "Quartz",
    "money.cnn.com": "CNNMoney",
    "cnn.com": "CNN",
    "latimes.com": "Los Angeles Times",
    "japantimes.co.jp": "The Japan Times",
    "financialexpress.com": "The Financial Express",
    "hollywoodreporter.com": "The Hollywood Reporter",
}


def is_publication(name: str) -> bool:
    """A wire service's or a known news site's name."""
    return name in _PUBLICATIONS


def wire_name(name: str) -> str:
    """A wire service as it is usually spelled: "GLOBE NEWSWIRE" is GlobeNewswire."""
    return _WIRES.get(name.strip().lower(), name.strip())


def known_host(url: str | None) -> str | None:
    """The outlet of a URL whose host is a known publication's."""
    host = (urlsplit(url or "").hostname or "").lower().removeprefix("www.")
    for known, outlet in _HOSTS.items():
        if host == known or host.endswith("." + known):
            return outlet
    return None


_PUBLICATIONS = frozenset({*_WIRES.values(), *_HOSTS.values()})


# Any other credit at the head: "NASHVILLE, TN - (NewMediaWire) - September 05, 2024",
# "TAIPEI - [Media OutReach Newswire](https://…) - 2 July", "--News Direct--".
# "October 27, 2025 (NEWMEDIAWIRE) - The Nordex Group", and a lead's "(RTTNews) - Sanofi"
_OTHER_CREDIT = re.compile(
    r"(?:[-—–]|\d{4}|^)\s*\((?P<a>[A-Z][\w .&'-]{1,40}?)\)\s*[-—–]"
    r"|[-—–]\s*\[(?P<b>[A-Z][^\]]{1,40})\]\([^)]*\)\s*[-—–]"
    r"|^--(?P<c>[A-Z][\w .&'-]{1,30})--\s*$",
    re.M,
)
# Every match of _OTHER_CREDIT but a "--Name--" line closes a bracket before a dash: a
# text without one is not scanned by the slower pattern (most texts have none)
_CLOSE_THEN_DASH = re.compile(r"\)\s*[-—–]")
# (the end of a word too: "NewMediaWire", "RTTNews")
_OUTLETISH = re.compile(
    r"(?:Wire|Newswire|News|Press|Media|Times|Post|Journal|Herald|Daily|Tribune|Gazette)\b"
    r"|(?:WIRE|NEWS)$"
)
# A page's notice: "without prior express written permission from Industrial Times."
_PERMISSION = re.compile(
    r"\bwritten (?:permission|consent) (?:of|from) (?P<o>[A-Z][\w.&' -]{2,40}?)\.?\s*(?:<|$)",
    re.M,
)
# "The post <title> appeared first on citybiz.": a blog's feed footer names the blog
_FEED_FOOTER = re.compile(r"\bappeared first on (?P<o>[A-Z\w][\w .&'-]{1,40}?)\.?\s*$", re.M)
# The copyright line of wire copy and pages: "c.1999 N.Y. Times News Service",
# "(c) 1999 San Francisco Chronicle", "© 2021 The Japan Times"
_COPYRIGHT = re.compile(
    r"^[ \t&A-Z;]*(?:c\.|\(c\)|©|copyright(?: \(c\)| ©)?)\s*(?:19|20)\d\d,?\s+"
    r"(?P<o>[A-Z][\w.&'’ -]{2,50}?)[ \t.,]*(?:all rights reserved\.?)?[ \t]*$",
    re.M | re.I,
)
# A news database's record (LexisNexis): the paper's name, the day with its weekday, an
# edition, then the copyright line, which names the publisher, not the paper:
# "Australian Financial Review\nJanuary 29, 2025 Wednesday\nPrint & First Editions\n
# Copyright 2025 Fairfax Media Publications …"; "Proactive Investors (AU)", "The Guardian
# (London)": an edition
_MASTHEAD = re.compile(
    r"^[ \t]*(?P<o>[A-Z][^\n]{1,60}?)(?:[ \t]+\([A-Z][\w .]{1,20}\))?[ \t]*\n"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) \d{1,2}, (?:19|20)\d\d,? (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"[^\n]*\n(?:[^\n]*\n)?Copyright\b",
    re.M,
)
# A site's call to its own newsletter: "Subscribe to CPI's free daily newsletter"
_NEWSLETTER = re.compile(
    r"\b(?:[Ss]ubscribe to|[Ss]ign up (?:for|to)) (?P<o>[A-Z][\w.&' -]{1,40}?)['’]s "
    r"(?:[\w-]+ ){0,3}?newsletters?\b"
)
# How wire copy abbreviates a service's name in its credit line
_ABBREVIATED = {"n.y. times news service": "New York Times News Service"}
# Reuters writes its own instrument codes after company names: "Apple Inc (AAPL.O)"
_RIC = re.compile(r"\((?:[A-Z0-9]{1,7}\.(?:O|N|OQ|L|PA|DE|T|HK|KS|TO|AX|SS|SZ|AS|MI|MC))\)")


def credited(text: str) -> str | None:
    """The wire service or site credited by the text: "(Reuters) -", "/PRNewswire/ -",
    "- (NewMediaWire) -", a feed footer's "appeared first on citybiz", Reuters's own
    instrument codes, a copyright line, a call to subscribe to the site's newsletter."""
    head = text[:3000]
    m = _CREDIT.search(head)
    if m is not None:
        return _WIRES[(m.group(1) or m.group(2)).lower()]
    m = _LEAD_CREDIT.search(head)
    if m is not None:
        return _WIRES[m.group(1).lower()]
    others = _OTHER_CREDIT.finditer(head) if "--" in head or _CLOSE_THEN_DASH.search(head) else ()
    for other in others:
        name = (other.group("a") or other.group("b") or other.group("c")).strip()
        if _OUTLETISH.search(name) or name.lower() in _WIRES:
            return _WIRES.get(name.lower(), name)
    # each pattern below holds words that a substring test finds fifty times faster than
    # the pattern's scan, and most texts hold none of them
    footer = _FEED_FOOTER.search(text) if "appeared first on" in text else None
    if footer:
        return footer.group("o").strip()
    if _RIC.search(head):
        return "Reuters"
    for found in (
        _MASTHEAD.search(text) if "\nCopyright" in text else None,
        _COPYRIGHT.search(text),
        _NEWSLETTER.search(text) if "newsletter" in text else None,
        _PERMISSION.search(text)
        if "written permission" in text or "written consent" in text
        else None,
    ):
        if found:
            name = found.group("o").strip()
            return _ABBREVIATED.get(name.lower(), name)
    told = _TOLD.search(text) if any(cue in text for cue in _TOLD_CUES) else None
    if told:
        return told.group("o")
    for url in source_links(text):
        # "[Original/Source Press Release](https://www.newmediawire.com/…)": a known
        # host, or one the text spells out ("NewMediaWire")
        label = from_url(url)
        outlet = known_host(url) or (spelled_out(label, text) if label else None)
        if outlet:
            return outlet
    return None


def source_links(text: str) -> list[str]:
    """The addresses a reprint or a link blog gives as its source, an archived copy's
    unwrapped (web.archive.org/web/…/http://… holds the page's own)."""
    out: list[str] = []
    if "http" not in text:  # most texts: the pattern need not scan them
        return out
    for link in _LINK.finditer(text):
        if _SOURCE_BEFORE.search(text, max(0, link.start() - 40), link.start()) is None:
            continue
        url = link.group(0).rsplit("http://", 1)[-1].rsplit("https://", 1)[-1]
        out.append(f"https://{url}")
    return out


# A publication's own reporting: "a steel industry source told Reuters", "it exclusively
# told TechCrunch", "confirmed in an email to TechCrunch" (but "according to Reuters"
# cites another)
_KNOWN = sorted(_PUBLICATIONS, key=len, reverse=True)
_TOLD = re.compile(
    r"\b(?:told|in an (?:interview|email|e-mail|statement) (?:with|to)|(?:said|confirmed|"
    r"wrote) (?:in an (?:email|e-mail|statement) )?to) (?P<o>"
    + "|".join(map(re.escape, _KNOWN))
    + r")(?![\w’'])"
)
# What every match of _TOLD holds
_TOLD_CUES = ("told ", "in an ", "said to ", "confirmed to ", "wrote to ")
# A reprint's or a link blog's source: "[source >>](http://techcrunch.com/…)",
# "via <a href="http://www.techcrunch.com/…">", "原文：<https://…>"
_LINK = re.compile(r"https?://[^\s)\]>\"']+")
_SOURCE_BEFORE = re.compile(r"(?:\b[Ss]ource|\b[Vv]ia|原文|\bOriginally published)[^\n]{0,20}$")


# A page saved as markdown keeps its "skip to content" link, to the page's own address
_SKIP_LINK = re.compile(r"\[Skip to (?:the )?(?:main )?content\]\((https?://[^)\s#]+)", re.I)


def page_address(text: str) -> str | None:
    """The address of a page saved with its links, when a "skip to content" link gives it."""
    if "kip to" not in text[:5000]:
        return None
    found = _SKIP_LINK.search(text, 0, 5000)
    return found.group(1) if found else None


def home_of_links(text: str) -> str | None:
    """The site a saved page's links mostly point to (its menus link home): an address
    of that host, when more than half of twenty or more links go there (a post's few
    links go to what it is about: a release to its company, a note to GitHub)."""
    if "http" not in text:
        return None
    hosts = Counter(
        (urlsplit(link).hostname or "").lower().removeprefix("www.")
        for link in _LINK.findall(text, 0, 100_000)
    )
    total = sum(hosts.values())
    host, most = hosts.most_common(1)[0] if hosts else ("", 0)
    return f"https://{host}/" if host and total >= 20 and most * 2 > total else None


def from_url(url: str | None) -> str | None:
    """The outlet a URL's host names: a known host's outlet, else its main label."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    known = known_host(url)
    if known:
        return known
    labels = host.split(".")
    # "venturebeat.com" → "venturebeat"; "news.example.co.uk" → "example"
    main = labels[-3] if len(labels) >= 3 and len(labels[-2]) <= 3 else labels[-2:][0]
    return main if len(main) > 2 else None


_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’&.-]*|of|from|the|and|de|on")


def spelled_out(label: str, text: str) -> str | None:
    """How the site writes the name its host abbreviates: "goodnewsfinland" → "Good
    News from Finland", "financemagnates" → "Finance Magnates" (the first run of up to
    five title words in the text whose letters are the label's)."""
    words = [(m.group(0), m.start(), m.end()) for m in _TITLE_WORD.finditer(text[:20000])]
    for i, (first, start, _) in enumerate(words):
        if not first[:1].isupper() or first[:1].lower() != label[:1]:
            continue
        letters = ""
        for word, _, end in words[i : i + 5]:
            if word.islower() and not label.startswith(letters + word):
                continue  # hosts drop the small words: "Good News from Finland"
            letters += re.sub(r"\W", "", word.lower())
            if letters == label:
                return text[start:end].rstrip(".,")
            if not label.startswith(letters):
                break
    return None
