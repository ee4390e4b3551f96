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
        "Fiat had sold Harlow a stake in 2000, and Harlow agreed to buy 2,500 units. "
        "Harlow agreed to acquire No. 3 toymaker Kelso Toys Inc. Harlow bid for No. 2 rival "
        "Orwin Inc. in January.",
        {"14", "2000", "2019", "2,500", "No"},
    ),
    # a Reuters instrument code, with a share class or without: "(CARLb.CO)", "(ORAN.PA)"
    "instrument code": (
        "Brewer Halvorsen Group (HALVb.CO) said on Tuesday its profit rose after it bought "
        "Kelso Drinks Ltd, and Orwin Telecom SA (ORWN.PA) agreed to buy Dunmore Mobile Ltd.",
        {"HALVb.CO", "ORWN.PA", "HALVb", "ORWN"},
    ),
    "percentage": (
        "Dunmore Holdings plc agreed to buy 37.5% of Kelso Mining Ltd, and took a 20 pct "
        "stake in Arbroath Foods Ltd, raising its holding to 4.9 per cent.",
        {"37.5", "37.5%", "20", "4.9"},
    ),
    # a political party, by its name or its members: "GOP", "Republicans", "Tories"
    "party": (
        "Harlow Health Inc and Kelso Care Inc said on Monday they had agreed to merge. GOP "
        "leaders in Congress welcomed the deal, and Republicans said it would cut costs; "
        "Democrats and the Tories were silent, and Labour asked for a review.",
        {"GOP", "Republicans", "Democrats", "Tories", "Labour"},
    ),
    # amounts as the FT of 1991 wrote them, the currency spelt out before the figure
    "amount": (
        "Dunmore Holdings plc yesterday raised its hostile takeover bid for Kelso Mining Ltd "
        "(Kelso) by raising its offer from ADollars 7.85 to ADollars 8.50 a share, valuing "
        "the company at ADollars 472m (USDollars 370m), after its Pounds 300m purchase of "
        "Arbroath Foods Ltd.",
        {"ADollars 8.50", "ADollars 7.85", "ADollars 472m", "ADollars", "USDollars 370m"},
    ),
    "person": (
        "John Whitfield, chief executive of Brackley Foods Ltd, said Brackley agreed to buy "
        "Pellham Dairies Ltd. Sarah Okafor said the deal made sense, and Mr. Okafor agreed. "
        "Helal Tariq Lootah, Co-Founder of Pellham, said so too, as did Anwen Morcar, Co-Head "
        "of Principal Investments at Brackley, and Ravi Anand, MD of Brackley Foods.",
        {
            "John Whitfield",
            "Sarah Okafor",
            "Okafor",
            "Pellham Dairies Ltd. Sarah Okafor",
            "Helal Tariq Lootah",
            "Co-Head of Principal Investments",
            "Anwen Morcar",
            "MD of Brackley Foods",
        },
    ),
    "place": (
        "Brackley Foods Ltd agreed to buy Pellham Dairies Ltd of Leeds, England. Brackley "
        "will expand into Ohio and Bavaria after it bought Germany's largest dairy. Brackley "
        "said Gujarat would get a plant, an investment of INR 118 crore (Rs 118 crore). "
        "Brackley bought fields in the Sea from 2019 on.",
        {
            "Leeds",
            "England",
            "Ohio",
            "Bavaria",
            "Germany",
            "Pellham Dairies Ltd of Leeds",
            "Gujarat",
            "INR",
            "Rs",
            "Sea",
        },
    ),
    "country": (
        "Brackley Foods Ltd agreed to buy a stake in Pellham Dairies Ltd. Sri Lanka said it "
        "welcomed the investment, and the United Kingdom agreed to buy Brackley bonds. "
        "Brackley has invested in Sri Lanka and in Bosnia and Herzegovina since 2019. "
        "Brackley Foods Ltd and Orsk Foods Ltd have joined forces with the intention of "
        "taking a majority stake in Czechoslovakia's biggest food producer. Brackley Foods "
        "Ltd on Tuesday agreed to a deal with Papua New Guinean (PNG) miner Orsk Gold Ltd "
        "that gives Brackley control of the mine.",
        {"Sri Lanka", "United Kingdom", "Bosnia", "Herzegovina", "Bosnia and Herzegovina"}
        | {"Czechoslovakia", "Papua New Guinean", "PNG"},
    ),
    "product": (
        "Velmar Systems Inc agreed to buy 10 A320 aircraft and 737-800 jets, and said its "
        "Quasar Pro software would run on Windows and Android phones. Velmar has written "
        "off $200 million of its $776 million acquisition of Star Blasters maker, Kettle. "
        "Orwin Labs Inc heats iron ore to 1,600 degrees Celsius.",
        {"A320", "10 A320", "737-800", "Quasar Pro", "Windows", "Android", "Star Blasters"}
        | {"Celsius"},
    ),
    "public body": (
        "Velmar Systems Inc agreed to buy Orwin Labs Inc after the Trump Administration and "
        "the Competition Commission cleared it, the company told the Upper West Region. "
        "China's Ministry of Commerce approved it too. The advocacy group Center for Fair "
        "Prices said Velmar should not buy Orwin. Regarding the deal with Velmar, Interior "
        "Secretary Doug Burgum said it was fine. Advocacy Group Fairprice Watch disagreed. "
        "The United Steelworkers of America (USWA) said Velmar may buy Orwin, and USWA "
        "leaders agreed with Velmar.",
        {"Trump Administration", "Competition Commission", "Upper West Region", "Commerce"}
        | {"Center", "Center for Fair Prices", "Ministry of Commerce", "Interior"}
        | {"Fairprice Watch", "USWA"},
    ),
    "term in initials": (
        "Velmar Systems Inc agreed to invest in Orwin Labs Inc, a plant that shows how the "
        "state attracts foreign direct investment (FDI). Velmar said FDI was why it invested "
        "in Orwin. Velmar moved the data under standard contractual clauses (SCCs), and the "
        "SCCs let Velmar buy Orwin's data. The regional electricity companies (Recs) could "
        "be bought: Velmar agreed to buy Recs from Orwin.",
        {"FDI", "SCCs", "SCC", "Recs"},
    ),
    "initials of a measure or a country": (
        "Velmar Systems Inc raises $900M, as payments helped double its ARR to over $200 "
        "million. Velmar agreed to buy Orwin Labs Inc, whose ARR grew too. Velmar is "
        "acquiring the additional 2.6 per cent equity in the PNG gas project from Orwin, and "
        "signed a joint-venture agreement with DRC copper miner Orwin.",
        {"ARR", "PNG", "DRC"},
    ),
    "industry": (
        "Velmar Systems Inc agreed to buy Orwin Labs Inc, as regulators step up their "
        "scrutiny of Big Tech. Big Pharma and Big Oil watched; Velmar said Big Tech had "
        "bought too much.",
        {"Big Tech", "Big Pharma", "Big Oil"},
    ),
    "publication": (
        "Velmar Systems Inc agreed to buy Orwin Labs Inc, the Financial Times reported on "
        "Tuesday, citing The Wall Street Journal, Bloomberg News and Reuters. Orwin said "
        "TechCrunch Mobility had its numbers first. Velmar targets Orwin for acquisition, "
        "reports NHK. Velmar, IBD Stock Of The Day, Near Buy Point As It Names New CEO.",
        {
            "TechCrunch Mobility",
            "Financial Times",
            "Wall Street Journal",
            "The Wall Street Journal",
            "Bloomberg News",
            "Bloomberg",
            "Reuters",
            "NHK",
            "IBD",
            "IBD Stock Of The Day",
        },
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_never_a_company(case: str) -> None:
    text, never = CASES[case]
    names = drafted(text)
    assert names, "the article's real companies must still be found"
    assert not names & never, f"{case}: drafted {sorted(names & never)} as companies"


def test_advisers_and_lawyers_do_not_act_in_the_story() -> None:
    text = (
        "Velmar Systems Inc agreed to buy Orwin Labs Inc for $40 million. Harbor Street "
        "Partners LLC is acting as financial adviser to Velmar, and Weil, Gotshal & Manges "
        "LLP is serving as legal counsel."
    )
    raw = RawArticle("seeds/case.txt", text, {}, " ".join(text.split()))
    analysis = analyse(raw, Finder(()))
    assert {"velmar-systems", "orwin-labs"} <= set(analysis.companies)
    assert not {"harbor-street-partners", "gotshal-manges"} & set(analysis.companies)
    (deal,) = analysis.deals
    assert {slug for slug, _ in deal.parties} == {"velmar-systems", "orwin-labs"}


def test_in_a_german_text_only_a_names_own_form_counts() -> None:
    text = (
        "Die S-Management Services GmbH hat einen neuen Vertrag mit IBM unterzeichnet. "
        "Der Geschäftsführer der Sparkasse sagte, Leiter Ressort Software und Als Software "
        "seien zufrieden mit dem Ergebnis der Verhandlungen in diesem Jahr."
    )
    names = drafted(text)
    assert "S-Management Services" in names
    assert not names & {"Leiter Ressort Software", "Als Software", "Ressort Software"}


def test_a_ministry_named_by_its_one_word_is_no_company() -> None:
    names = drafted(
        "Velmar Systems Inc agreed to buy Orwin Labs Inc. A Treasury spokesman said Velmar "
        "may buy Orwin. Orwin Labs Inc. said the venture was reviewed, a Treasury spokesman "
        "said Thursday."
    )
    assert "Velmar Systems" in names
    assert "Treasury" not in names


def test_a_persons_family_name_alone_is_the_person() -> None:
    names = drafted(
        "Berkshire Hathaway Energy Co. agreed to buy a stake in Cove Point LNG LP, Warren "
        "Buffett said on Monday. The firm has a long-term contract with Sumitomo Corp., a "
        "Japanese trading company that Buffett also invested in. Buffett has said he liked "
        "the deal."
    )
    assert {"Berkshire Hathaway Energy", "Sumitomo"} <= names
    assert "Buffett" not in names


def test_a_name_the_article_also_writes_after_mr_is_a_person() -> None:
    # a given name no list knows, the person named the way a company would be
    names = drafted(
        "Those who believe in Zorvan Kettleby are convinced by his vision. Mr Kettleby's "
        "announcement that he will merge Arclight Rockets Inc. with Tessard Labs Inc. is "
        "his biggest bet. Zorvan Kettleby owns most of both, and Mr Kettleby has denied "
        "that the company did anything wrong."
    )
    assert {"Arclight Rockets", "Tessard Labs"} <= names
    assert not any("Kettleby" in name for name in names), names
    # a company named after its founder is written whole again and again
    firm = drafted(
        "Zorvan Kettleby agreed to buy Arclight Media Inc. for $1 billion. Zorvan Kettleby "
        "offered $30 a share. Arclight had rejected Zorvan Kettleby last year, and Zorvan "
        "Kettleby came back. Zorvan Kettleby shares rose. Analysts said Zorvan Kettleby "
        "could pay more. Ms Kettleby, the founder's widow, controls Zorvan Kettleby."
    )
    assert "Zorvan Kettleby" in firm, firm


def test_the_start_of_a_public_bodys_name_before_and_is_no_company() -> None:
    names = drafted(
        "The U.S. Securities and Exchange Commission on Friday charged a former Kestrel Bank "
        "Corp. banker with insider trading ahead of Orland Inc.'s buyout. The U.S. Securities "
        "and Exchange Commission said the banker bought Orland shares."
    )
    assert {"Kestrel Bank", "Orland"} <= names
    assert "U.S. Securities" not in names
