"""Learn the deal model's weights (dossier/ingest/data/deal_model.json) from the
annotated real news of benchmarks/realnews, and say how well it does, held out.

    pip install -e '.[train]'                     # scikit-learn, for training only
    python benchmarks/realnews/materialize.py     # once: the texts
    python benchmarks/train_deal_model.py         # cross-validated figures, then writes
    python benchmarks/train_deal_model.py --evaluate-only

Each deal statement the rules find in an article (after its sentences are merged) is a
row (dossier/ingest/dealmodel.py); it is a deal when its parties include all the parties
of one of the article's gold deals (of any kind: the kind is the rules' to get right),
and is left out when it matches only an optional one. The figures are statement-level
and cross-validated by set, against keeping every statement (the rules alone). Blind
rounds not yet measured are never trained on (--exclude).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks" / "realnews"))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from ingest_realnews import gold_names, norm  # noqa: E402
from training import annotated_seeds, arguments, group_of, run  # noqa: E402

from dossier.ingest import dealmodel  # noqa: E402
from dossier.ingest.analyse import analyse  # noqa: E402
from dossier.ingest.entities import Finder  # noqa: E402
from dossier.ingest.types import DealFinding  # noqa: E402

MODEL = REPO / "dossier" / "ingest" / "data" / "deal_model.json"


class Example(NamedTuple):
    group: str  # the set the article comes from
    features: list[str]
    label: int  # 1: one of the article's gold deals
    statement: str
    article: str


def examples(exclude: set[str]) -> list[Example]:
    """Every deal statement the rules find in the annotated articles outside ``exclude``."""
    out = []
    for entry, raw in annotated_seeds(exclude):
        found: list[tuple[DealFinding, list[str]]] = []

        def record(deals: list[DealFinding], story: dealmodel.Story) -> list[DealFinding]:
            found.extend((d, dealmodel.features(d, story)) for d in deals)  # noqa: B023
            return deals

        analysis = analyse(raw, Finder(()), judge=record)
        gold = entry["gold"]
        forms = dict(gold_names(c) for c in [*(gold.get("companies") or [])])
        forms.update(gold_names(c) for c in gold.get("also") or [])
        gold_of = {}
        for company in analysis.new_companies:
            names = {norm(n) for n in (company.name, *company.aliases)}
            gold_of[company.slug] = next((g for g, f in forms.items() if names & f), None)
        for deal, features in found:
            parties = {gold_of.get(slug) for slug, _ in deal.parties}
            fits = [g for g in gold.get("deals") or [] if set(g["parties"]) <= parties]
            if fits and all(g.get("optional") for g in fits):
                continue  # borderline: neither right nor wrong
            label = int(bool(fits))
            out.append(Example(group_of(entry), features, label, deal.quote, entry["id"]))
    return out


def best_f1(held: Sequence[tuple[Example, float]]) -> float:
    """The threshold of the best held-out F1, the higher on a tie: a reviewer is better
    served by fewer wrong drafts."""
    deals = sum(row.label for row, _ in held)

    def f1(t: float) -> float:
        right = sum(row.label for row, p in held if p >= t)
        drafted = sum(p >= t for _, p in held)
        return 2 * right / (drafted + deals) if drafted + deals else 0.0

    return max((f1(t / 100), t / 100) for t in range(0, 61, 5))[1]


def main() -> None:
    args = arguments(__doc__, c=0.3)
    run(
        args,
        examples(set(args.exclude)),
        MODEL,
        "deal statements",
        "deals",
        baseline=lambda row: True,
        choose=best_f1,
        error=lambda row, p: (
            f"{'dropped' if row.label else 'kept   '} {p:.2f} {row.statement[:150]} ({row.article})"
        ),
    )


if __name__ == "__main__":
    main()
