"""The company model: which capitalised phrases ingest drafts as companies in English
text, and the evidence and confidence a draft records (dossier/ingest/companymodel.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.frontmatter import parse
from dossier.ingest import companymodel, ingest
from dossier.ingest.analyse import analyse
from dossier.ingest.entities import Finder
from dossier.ingest.types import RawArticle

MODEL = Path(companymodel.__file__).parent / "data" / "company_model.json"


def analysed(text: str) -> dict[str, tuple[str, float | None]]:
    raw = RawArticle("seeds/case.txt", text, {}, " ".join(text.split()))
    return {c.name: (c.rule, c.confidence) for c in analyse(raw, Finder(())).new_companies}


def test_the_shipped_weights_are_a_trained_model() -> None:
    model = json.loads(MODEL.read_text("utf-8"))
    assert "benchmarks/realnews" in model["trained_on"]
    assert 0.2 <= model["threshold"] <= 0.8
    weights = model["weights"]
    assert len(weights) > 500
    # what the rules measured as surest weighs for a company; no rule at all against
    for sure in ("rule=legal form", "rule=stock ticker", "rule=organisation noun"):
        assert weights[sure] > 0.5, sure
    assert weights["rule=none"] < 0 < weights["rule=legal form"]


def test_a_name_no_rule_shows_is_drafted_when_the_article_acts_it_out() -> None:
    found = analysed(
        "Orvanta has grown fast since 2019. Orvanta also opened an office in Lisbon, and "
        "it plans another in Porto."
    )
    rule, confidence = found["Orvanta"]
    assert rule == companymodel.RULE
    assert confidence is not None and companymodel.threshold() <= confidence < 1
    assert "Porto" not in found and "Lisbon" not in found


def test_a_rule_is_recorded_as_the_evidence_and_the_probability_as_confidence() -> None:
    found = analysed("Kestrel Autos GmbH agreed to buy Vellmark Motors AG for $90 million.")
    rule, confidence = found["Kestrel Autos"]
    assert rule == "legal form"
    assert confidence is not None and 0.5 < confidence < 1


@pytest.mark.parametrize(
    "text, never",
    [
        ("Apple sold 2000 phones to Vellmark Motors AG in 2019.", "2000"),
        ("Satya Nadella said Vellmark Motors AG would grow.", "Satya Nadella"),
        ("Vellmark Motors AG opened a plant in Duluth, Ga., on Monday.", "Duluth"),
    ],
)
def test_what_is_plainly_no_company_is_never_a_candidate(text: str, never: str) -> None:
    assert never not in companymodel.candidates([text], "", None, lambda _phrase: False)
    assert never not in analysed(text)


def test_an_ingested_draft_shows_the_models_evidence(tmp_path: Path) -> None:
    for sub in ("articles", "companies", "deals"):
        (tmp_path / "briefings" / sub).mkdir(parents=True)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "orvanta.txt").write_text(
        "Orvanta opens in Lisbon\n\nMarch 3, 2025\n\n"
        "Orvanta has grown fast since 2019. Orvanta also opened an office in Lisbon, and it "
        "plans another in Porto.\n",
        "utf-8",
    )
    ingest(tmp_path)
    path = tmp_path / "briefings/companies/orvanta.md"
    evidence = parse(str(path), path.read_text("utf-8")).data["evidence"]
    assert evidence["rule"] == "company model"
    assert "Orvanta has grown fast since 2019." in evidence["quote"]
    assert companymodel.threshold() <= evidence["confidence"] < 1


def test_new_weights_make_every_seed_be_analysed_again() -> None:
    """A seed's cached outcome is keyed by the rules; the model's weights are rules."""
    from dossier.ingest import cache

    assert MODEL.resolve() in {path.resolve() for path in cache._RULE_FILES}


def test_a_family_named_by_its_surname_in_the_plural_is_people() -> None:
    people = frozenset({"Obama"})
    assert "surname" in companymodel.phrase_features("Obamas", people, frozenset())
    assert "surname" in companymodel.phrase_features("Obama", people, frozenset())
    assert "surname" not in companymodel.phrase_features("Siemens", people, frozenset())
