"""The deal model: a deal statement's confidence is the model's probability, the story's
own deal is surer than one named in passing, and nothing below the threshold is drafted."""

from __future__ import annotations

import pytest

from dossier.ingest import dealmodel
from dossier.ingest.analyse import analyse
from dossier.ingest.entities import Finder
from dossier.ingest.types import DealFinding, RawArticle


def _found(text: str) -> tuple[list[DealFinding], list[DealFinding]]:
    """(what the rules found, what the model kept) of one article."""
    seen: list[DealFinding] = []

    def record(deals: list[DealFinding], story: dealmodel.Story) -> list[DealFinding]:
        seen.extend(deals)
        return dealmodel.judge(deals, story)

    raw = RawArticle("seeds/case.txt", text, {}, " ".join(text.split()))
    return seen, list(analyse(raw, Finder(()), judge=record).deals)


def test_the_story_s_own_deal_is_surer_than_one_recalled_in_passing() -> None:
    own = _found(
        "Orwell Group to buy Kestrel Labs\n\nOrwell Group Inc said on Monday it agreed to "
        "buy Kestrel Labs Ltd for $2 billion.\n\nThe acquisition of Kestrel Labs gives "
        "Orwell Group its first chip business.\n"
    )[1]
    passing = _found(
        "Tamsin posts record sales\n\nTamsin Corp said sales rose 12% in the quarter.\n\n"
        "Tamsin Corp expects margins to widen next year.\n\nA deal with Halvard Inc would "
        "save Tamsin Corp $3 million each year, Brenn Ltd said.\n"
    )[0]
    (deal,) = own
    assert deal.kind == "acquisition"
    assert passing, "the rules find the deal named in passing"
    assert all(deal.confidence > other.confidence for other in passing)


def test_the_confidence_is_the_model_s_and_nothing_below_its_threshold_is_drafted() -> None:
    text = (
        "Orwell Group to buy Kestrel Labs\n\nOrwell Group Inc said on Monday it agreed to "
        "buy Kestrel Labs Ltd for $2 billion.\n"
    )
    found, kept = _found(text)
    assert kept and len(found) == len(kept)
    # the rules' fixed confidences (0.65 strong, 0.45 weak) are gone
    assert kept[0].confidence not in (found[0].confidence, 0.65, 0.45)
    assert all(d.confidence >= dealmodel.threshold() for d in kept)


def test_a_statement_below_the_threshold_is_not_drafted(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Tamsin posts record sales\n\nTamsin Corp said sales rose 12% in the quarter.\n\n"
        "A deal with Halvard Inc would save Tamsin Corp $3 million each year.\n"
    )
    (found,), (kept,) = _found(text)
    monkeypatch.setattr(dealmodel, "threshold", lambda: kept.confidence + 0.01)
    assert _found(text) == ([found], [])
    monkeypatch.setattr(dealmodel, "threshold", lambda: kept.confidence - 0.01)
    assert _found(text)[1] == [kept]
