"""Ingest quality on the labelled set in tests/ingest_eval/: the measurement itself.

Shared by benchmarks/ingest_quality.py (which prints the figures) and the test that
holds them above a floor; ``Score`` also serves benchmarks/ingest_realnews.py.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from dossier.ingest import ingest
from dossier.load import load_corpus

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO / "tests" / "ingest_eval"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: Iterable[object], gold: Iterable[object]) -> None:
        p, g = set(predicted), set(gold)
        self.tp += len(p & g)
        self.fp += len(p - g)
        self.fn += len(g - p)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# File-name prefix of the blind articles (the g* round): written after the last change to the rules,
# never used to tune them (their figures say how the rules generalise).
BLIND = "g"


def measure(show_errors: bool = False, subset: str = "all") -> dict[str, Score]:
    """Scores over ``subset``: "all", "blind" (BLIND*) or "development" (the rest)."""
    gold = yaml.safe_load((EVAL / "gold.yaml").read_text("utf-8"))
    if subset != "all":
        blind = subset == "blind"
        gold = {k: v for k, v in gold.items() if k.startswith(BLIND) == blind}
    scores = {name: Score() for name in ("companies", "deals", "status", "dates")}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(EVAL / "companies", root / "briefings" / "companies")
        (root / "briefings" / "articles").mkdir()
        (root / "briefings" / "deals").mkdir()
        shutil.copytree(EVAL / "articles", root / "seeds")
        ingest(root)
        corpus = load_corpus(root)  # the drafts must pass every check
        by_seed = {a.seed: a for a in corpus.articles.values()}
        for name, want in sorted(gold.items()):
            article = by_seed[f"seeds/{name}"]
            scores["companies"].add(article.companies, want["companies"])
            deals = [corpus.deals[s] for s in article.deals]
            got = {(frozenset(p.company for p in d.parties), d.kind): d.status for d in deals}
            # two drafts of one deal (same parties and kind) from one article: one is wrong
            duplicates = len(deals) - len(got)
            scores["deals"].fp += duplicates
            scores["status"].fp += duplicates
            exp = {(frozenset(d["parties"]), d["kind"]): d["status"] for d in want["deals"]}
            scores["deals"].add(got, exp)
            scores["status"].add(got.items(), exp.items())
            published = article.published.iso() if article.published else None
            wanted = want["published"]
            scores["dates"].add([published] if published else [], [wanted] if wanted else [])
            if show_errors:
                _show(name, article.companies, want["companies"], got, exp, published, wanted)
                if duplicates:
                    print(f"{name}: {duplicates} duplicate deal draft(s)")
    return scores


def _show(name, companies, gold_companies, got, exp, published, wanted) -> None:  # type: ignore[no-untyped-def]
    problems = []
    if set(companies) != set(gold_companies):
        extra = sorted(set(companies) - set(gold_companies))
        missing = sorted(set(gold_companies) - set(companies))
        problems.append(f"companies +{extra} -{missing}")
    if got != exp:
        fmt = lambda d: sorted(f"{'+'.join(sorted(k[0]))}:{k[1]}:{v}" for k, v in d.items())  # noqa: E731
        problems.append(f"deals got {fmt(got)} want {fmt(exp)}")
    if published != wanted:
        problems.append(f"published {published} want {wanted}")
    if problems:
        print(f"{name}: " + "; ".join(problems))
