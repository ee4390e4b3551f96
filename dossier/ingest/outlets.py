"""Which outlet published an article, when its metadata does not say: a wire credit in
the text ("(Reuters) -") or the host of its URL ("venturebeat.com" → VentureBeat)."""

from __future__ import annotations

import re
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
}
_CREDIT = re.compile(
    r"\((" + "|".join(sorted(map(re.escape, _WIRES), key=len, reverse=True)) + r")\)\s*[-—–]|"
    r"/(" + "|".join(sorted(map(re.escape, _WIRES), key=len, reverse=True)) + r")/\s*[-—–]",
    re.I,
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
}


def credited(text: str) -> str | None:
    """The wire service credited at the head of the text: "(Reuters) -", "/PRNewswire/ -"."""
    m = _CREDIT.search(text[:1500])
    if m is None:
        return None
    return _WIRES[(m.group(1) or m.group(2)).lower()]


def from_url(url: str | None) -> str | None:
    """The outlet a URL's host names: a known host's outlet, else its main label."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    for known, outlet in _HOSTS.items():
        if host == known or host.endswith("." + known):
            return outlet
    labels = host.split(".")
    # "venturebeat.com" → "venturebeat"; "news.example.co.uk" → "example"
    main = labels[-3] if len(labels) >= 3 and len(labels[-2]) <= 3 else labels[-2:][0]
    return main if len(main) > 2 else None
