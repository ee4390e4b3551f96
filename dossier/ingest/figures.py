"""What a deal sentence says besides its parties: the value and the areas.

"$1.3 billion", "€45 million", "4.2 billion Danish crowns ($610 million)" → amount and
ISO currency (a valuation is not a deal value); keywords → area slugs (ai, cloud …).
"""

from __future__ import annotations

import re
from functools import lru_cache

_MONEY = re.compile(
    # (after a lower-case letter too: a scraper glues "for$26 billion"; not after a
    # capital, which makes another currency: "NZ$115 million")
    r"(?:(?<![\w$])|(?<=(?-i:[a-z]))(?=[$€£¥₹]))"
    r"(?P<cur>US\$|HK\$|NZ\$|S\$|A\$|C\$|\$|€|£|¥|₹|Rs\.?|RMB|CNY|USD|EUR|GBP|JPY|CHF|SEK|"
    r"NOK|DKK|KRW|INR)"
    r"\s?(?P<num>\d+(?:[.,]\d+)*)\s*(?P<mult>trillion|billion|million|crore|cr|lakh|bn|mn|m|k)?\b"
    # (wire copy writes "a 15-million euro investment")
    # ("1.65 Billion US dollars")
    r"|(?P<num2>\d+(?:[.,]\d+)*)(?:\s*|-)(?P<mult2>trillion|billion|million)?\s*(?:US\s)?"
    r"(?P<cur2>yuan|euros?|dollars|pounds|yen|won|rupees|kronor|kroner|francs)\b",
    re.I,
)
_CURRENCY = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "a$": "AUD",
    "c$": "CAD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pounds": "GBP",
    "¥": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "yuan": "CNY",
    "jpy": "JPY",
    "yen": "JPY",
    "chf": "CHF",
    "francs": "CHF",
    "sek": "SEK",
    "kronor": "SEK",
    "nok": "NOK",
    "kroner": "NOK",
    "dkk": "DKK",
    "krw": "KRW",
    "won": "KRW",
    "inr": "INR",
    "rupees": "INR",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
}
# "¥" is the yuan's sign where the sentence speaks of China
_CHINA = re.compile(r"\b(?:China|Chinese|yuan|RMB|renminbi|Beijing|Shanghai|Shenzhen)\b", re.I)
_MULT = {
    "trillion": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6,
    "crore": 1e7, "cr": 1e7, "lakh": 1e5, "k": 1e3,
}  # fmt: skip
# A price per share is not what the deal is worth: "$40 a share, or $12.5 billion".
_PER_SHARE = re.compile(r"\s*(?:a|per|for each)\s+(?:\w+\s+)?share\b|\s*apiece\b", re.I)
_VALUATION = re.compile(
    r"valuation of (?:up to |about |around )?$"
    r"|valu(?:ing|es|ed) (?:it|the company|[^.;$]{0,60}? equity(?: [^.;$]{0,30})?) at "
    r"(?:more than |about |around |up to )?$",
    re.I,
)
# Where an amount is the price: "for $26 billion", "worth $3 billion", "a $776 million
# acquisition" (not "$200 million of its $776 million acquisition": the first is no price).
_ABOUT = r"(?:(?:about|around|roughly|nearly|some|approximately|up to|more than|an estimated) )?"
_PRICE_BEFORE = re.compile(
    rf"\b(?:for|worth|valued at|price of|paid|pay|pays|paying|deal of|offer of|bid of) "
    # "for a reported $45 million"
    rf"{_ABOUT}(?:a )?(?:reported )?$",
    re.I,
)
_PRICE_AFTER = re.compile(
    r"[\s-]*(?:\([^)]{0,30}\)\s*)?(?:all-cash |cash |cash-and-stock |stock |hostile )?"
    r"(?:acquisition|takeover|buyout|purchase|merger|deal|transaction|offer|bid|investment)\b",
    re.I,
)
_STAKE = re.compile(r"\bstake\b|%|\bper ?cent\b|\bpercent\b", re.I)
# An amount that is the size of something else: "a $100 billion investment fund".
_NOT_A_PRICE = re.compile(
    r"\s*(?:(?!including\b)[a-z-]+ )?(?:fund|funds|vehicle|portfolio|market|industry|economy|"
    r"loss|losses|profit|profits|revenue|revenues|sales|budget|write-?down|write-?off|charge)\b",
    re.I,
)

# "with combined revenue exceeding $1 billion", "sales of $2.1 billion": a company's size
_SIZE_BEFORE = re.compile(
    r"\b(?:revenues?|sales|profits?|turnover|earnings|income|assets|debts?)\s+(?:of\s+)?"
    r"(?:exceeding\s+|topping\s+|above\s+|over\s+|near\s+|nearly\s+|approaching\s+"
    r"|more than\s+|about\s+|around\s+|totall?ing\s+|some\s+)?$",
    re.I,
)

_AREAS = {
    "ai": r"\bAI\b|artificial intelligence|machine learning|\bLLMs?\b|generative|language model",
    "cloud": r"\bcloud\b",
    "hardware": r"\bhardware\b|\bdevices?\b|\blaptops?\b",
    "smartphones": r"smartphone|\bphones?\b|handset",
    "software": r"\bsoftware\b|\bapps?\b|operating system",
    "gaming": r"\bgam(?:e|es|ing)\b",
    "semiconductors": r"\bchips?\b|semiconductor|chipmak",
    "ev": r"electric vehicle|\bEVs?\b|batter(?:y|ies)",
    "energy": r"\benergy\b|\bwind\b|\bsolar\b|hydrogen|\bgrid\b",
    "payments": r"payment|fintech|\bwallet",
    "healthcare": r"\bdrugs?\b|pharma|biotech|health|therap",
    "telecom": r"\b5G\b|telecom|network operator",
    "retail": r"e-commerce|\bretail",
    "logistics": r"logistics|shipping|freight|deliver",
}
# one pass over the sentence for every area: a named group per area
_AREA_RE = re.compile("|".join(f"(?P<{a}>{p})" for a, p in _AREAS.items()), re.I)


@lru_cache(maxsize=1024)
def areas(sentence: str) -> tuple[str, ...]:
    found = {m.lastgroup for m in _AREA_RE.finditer(sentence) if m.lastgroup}
    return tuple(a for a in _AREAS if a in found)


def value(sentence: str, whole: bool = False) -> tuple[float, str] | None:
    """What the deal is worth: the first amount the sentence gives as a price ("for
    $26 billion", "a $776 million acquisition"), else its first amount that is not a
    valuation, a price per share or the size of something else ("a $100 billion fund").
    ``whole``: the deal takes a whole company (an acquisition or a merger), so a
    valuation of it is its price ("an all-stock transaction valuing the company at
    US$14.7 billion"), unless the sentence speaks of a stake."""
    valuation_is_price = whole and not _STAKE.search(sentence)
    first: tuple[float, str] | None = None
    for m in _MONEY.finditer(sentence):
        before = sentence[max(0, m.start() - 80) : m.start()]
        valued = _VALUATION.search(before)
        if valued and valuation_is_price:
            return _amount(m) or first
        if (
            valued
            or _PER_SHARE.match(sentence, m.end())
            or _NOT_A_PRICE.match(sentence, m.end())
            or _SIZE_BEFORE.search(before)
        ):
            continue
        money = _amount(m)
        if money is None:
            continue
        if _PRICE_BEFORE.search(before) or _PRICE_AFTER.match(sentence, m.end()):
            return money
        first = first or money
    return first


def _amount(m: re.Match[str]) -> tuple[float, str] | None:
    cur = (m.group("cur") or m.group("cur2") or "").lower()
    num = m.group("num") or m.group("num2")
    mult = (m.group("mult") or m.group("mult2") or "").lower()
    if not num or (not mult and m.group("cur2") is None and len(num.replace(",", "")) < 4):
        return None
    if not mult and "." in num.rstrip("."):
        return None  # "$102.43", with cents: a price of a share or a unit, not of a deal
    try:
        amount = float(num.replace(",", "")) * _MULT.get(mult, 1)
    except ValueError:
        return None
    code = _CURRENCY.get(cur.rstrip("s") if cur not in _CURRENCY else cur)
    if cur == "¥" and not _CHINA.search(m.string):
        code = "JPY"  # the yen's sign too, and the one news in English uses it for most
    return (amount, code) if code and amount > 0 else None
