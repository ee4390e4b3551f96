"""How likely a deal the rules found is one the article reports: a logistic model over
what the rules saw (the cue, the kind, the status, how many sentences state it) and
where the story stands on it (whether its parties lead the story or are named once in a
list, whether the headline names them, the words of the sentence).

On the annotated real news about one deal statement the rules find in four is no deal
of the story ("a deal with United Tech would save", "Huawei could be barred from buying
Arm chips"): a reviewer's queue should show them last. The model's probability is the
draft's confidence, and a statement below its threshold (a floor under which nearly all
are noise) is not drafted. Its weights are learned from benchmarks/realnews
(benchmarks/train_deal_model.py writes data/deal_model.json).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .logistic import Weights
from .types import CEILING, DealFinding

_WEIGHTS = Weights(Path(__file__).parent / "data" / "deal_model.json")
_CUE = re.compile(r"“([^”]*)”")
_WORD = re.compile(r"[a-z]{2,}")


@dataclass(frozen=True)
class Story:
    """What the article says around its deal statements."""

    title: str
    mentions: Counter[str]  # company slug → how often the body names it
    in_title: frozenset[str]  # the companies the headline names
    position: dict[str, int]  # a body sentence → its index
    named: dict[str, int]  # a sentence → how many companies it names

    @cached_property
    def leading(self) -> frozenset[str]:
        """The three most named companies, and any named as often as the third (which
        of a tie comes first is luck)."""
        third = sorted(self.mentions.values(), reverse=True)[2:3] or [0]
        return frozenset(slug for slug, n in self.mentions.items() if n >= max(third[0], 1))


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """``n`` as the first of ``edges`` it does not exceed ("≤3"), or beyond the last."""
    for edge in edges:
        if n <= edge:
            return f"≤{edge}"
    return f">{edges[-1]}"


def features(deal: DealFinding, story: Story) -> list[str]:
    """What the model weighs of one deal statement (after the article's are merged)."""
    cue = _CUE.search(deal.rule)
    slugs = [slug for slug, _ in deal.parties]
    counts = [story.mentions.get(slug, 0) for slug in slugs]
    leading = story.leading
    titled = sum(slug in story.in_title for slug in slugs)
    at = story.position.get(deal.quote)
    out = {
        f"kind={deal.kind}",
        f"status={deal.status}",
        f"cue={cue.group(1).lower() if cue else '-'}",
        "strong" if "with two companies" in deal.rule else "weak",
        f"statements={_bucket(deal.statements, (1, 2))}",
        f"parties={_bucket(len(slugs), (2,))}",
        f"roles={'+'.join(sorted({role for _, role in deal.parties}))}",
        f"least={_bucket(min(counts), (0, 1, 3))}",
        f"leading={sum(slug in leading for slug in slugs)}",
        "titled=" + ("all" if titled == len(slugs) else "some" if titled else "none"),
        f"named={_bucket(story.named.get(deal.quote, 2), (2, 3))}",
        "at=title" if deal.quote == story.title else f"at={_bucket(at or 0, (0, 4))}",
    }
    if deal.background:
        out.add("background")
    if deal.value:
        out.add("value")
    if ";" in deal.rule:
        out.add("rule=" + deal.rule.split(";", 1)[1].strip())
    out.update("w=" + w for w in _WORD.findall(deal.quote.lower()))
    return list(out)


def probability(features: list[str]) -> float:
    """The model's probability that a statement with these features is a deal of the story."""
    return _WEIGHTS.probability(features)


def threshold() -> float:
    """The least probability at which a statement is drafted."""
    return _WEIGHTS.threshold


def judge(deals: list[DealFinding], story: Story) -> list[DealFinding]:
    """The deals the model keeps, each with its probability as the confidence."""
    out = []
    for deal in deals:
        chance = probability(features(deal, story))
        if chance >= threshold():
            out.append(dataclasses.replace(deal, confidence=round(min(CEILING, chance), 2)))
    return out


# What analyse calls on an article's deal statements: the model, or (for training) a
# function that records them and keeps them all.
Judge = Callable[[list[DealFinding], Story], list[DealFinding]]
