"""What ingest must never draft as a company, one class at a time: numbers,
percentages, people, places, products and publications. Each article below gives the
finder the evidence it acts on (a deal verb, a legal form, "said") right next to the
thing that is not a company."""

from __future__ import annotations

import pytest

from dossier.ingest.analyse import analyse
from dossier.ingest.entities import Finder
from dossier.ingest.types import RawArticle


def drafted(text: str) -> set[str]:
    raw = RawArticle("seeds/case.txt", text, {}, " ".join(text.split()))
    analysis = analyse(raw, Finder(()))
    names = {c.name for c in analysis.new_companies}
    names |= {a for c in analysis.new_companies for a in c.aliases}
    return names


CASES = {
    "number": (
        "Harlow Robotics Inc said on Monday it had invested in 14 startups since 2019. "
        "Fiat had sold Harlow a stake in 2000, and Harlow agreed to buy 2,500 units.",
        {"14", "2000", "2019", "2,500"},
    ),
    "percentage": (
        "Dunmore Holdings plc agreed to buy 37.5% of Kelso Mining Ltd, and took a 20 pct "
        "stake in Arbroath Foods Ltd, raising its holding to 4.9 per cent.",
        {"37.5", "37.5%", "20", "4.9"},
    ),
    "person": (
        "John Whitfield, chief executive of Brackley Foods Ltd, said Brackley agreed to buy "
        "Pellham Dairies Ltd. Sarah Okafor said the deal made sense, and Mr. Okafor agreed.",
        {"John Whitfield", "Sarah Okafor", "Okafor", "Pellham Dairies Ltd. Sarah Okafor"},
    ),
    "place": (
        "Brackley Foods Ltd agreed to buy Pellham Dairies Ltd of Leeds, England. Brackley "
        "will expand into Ohio and Bavaria after it bought Germany's largest dairy.",
        {"Leeds", "England", "Ohio", "Bavaria", "Germany", "Pellham Dairies Ltd of Leeds"},
    ),
    "product": (
        "Velmar Systems Inc agreed to buy 10 A320 aircraft and 737-800 jets, and said its "
        "Quasar Pro software would run on Windows and Android phones.",
        {"A320", "10 A320", "737-800", "Quasar Pro", "Windows", "Android"},
    ),
    "publication": (
        "Velmar Systems Inc agreed to buy Orwin Labs Inc, the Financial Times reported on "
        "Tuesday, citing The Wall Street Journal, Bloomberg News and Reuters.",
        {
            "Financial Times",
            "Wall Street Journal",
            "The Wall Street Journal",
            "Bloomberg News",
            "Bloomberg",
            "Reuters",
        },
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_never_a_company(case: str) -> None:
    text, never = CASES[case]
    names = drafted(text)
    assert names, "the article's real companies must still be found"
    assert not names & never, f"{case}: drafted {sorted(names & never)} as companies"
