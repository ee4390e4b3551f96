"""Build dossier/ingest/data/registrants.txt from the SEC's list of EDGAR registrants.

    python tools/make_register.py company_tickers.json

The input is https://www.sec.gov/files/company_tickers.json (a work of the US
government, public domain). Each registrant's title becomes the name a news story uses:
legal forms and state suffixes dropped ("MICROSOFT CORP" → "microsoft", "Amazon.com,
Inc." → "amazon"), folded the way ingest compares names; and a ticker that is the
name's initials ("IBM", "AMD", "KKR"), the way news names those companies. One name
per line, sorted.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "dossier" / "ingest" / "data" / "registrants.txt"
_TAIL = set(
    """
    inc incorporated corp corporation co company cos ltd limited plc llc lp llp l p sa ag
    nv bv se spa ab asa oyj kk the holdings holding group trust com de md nv ny
    """.split()  # noqa: SIM905
)


def short_name(title: str) -> str:
    text = re.sub(r"/[a-z]{2,3}/?", " ", title.casefold())  # "/DE/", "/MD"
    text = text.replace(".com", " com").replace("&", " & ")
    words = re.findall(r"[\w&'-]+", text)
    while len(words) > 1 and words[-1] in _TAIL | {"&"}:
        words.pop()
    return " ".join(words)


def initials(row: dict[str, str]) -> str | None:
    """The ticker, when news names the company by it because it is its initials
    ("IBM" for International Business Machines, "KKR", "AMD"), in lower case."""
    ticker = row["ticker"].lower()
    words = short_name(row["title"]).split()
    if len(ticker) < 3 or not ticker.isalpha():
        return None
    letters = "".join(w[0] for w in words if w not in ("and", "&", "of"))
    return ticker if ticker in (letters, "".join(words)) else None


def main() -> None:
    data = json.loads(Path(sys.argv[1]).read_text("utf-8"))
    names = {short_name(row["title"]) for row in data.values()}
    names |= {i for row in data.values() if (i := initials(row))}
    names = sorted(n for n in names if len(n) >= 3)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(names) + "\n", "utf-8")
    print(f"{len(names)} names → {OUT}")


if __name__ == "__main__":
    main()
