"""Learn the company model's weights (dossier/ingest/data/company_model.json) from the
annotated real news of benchmarks/realnews, and say how well it does, held out.

    pip install -e '.[train]'                     # scikit-learn, for training only
    python benchmarks/realnews/materialize.py     # once: the texts
    python benchmarks/train_company_model.py      # cross-validated figures, then writes
    python benchmarks/train_company_model.py --evaluate-only

Each article's capitalised phrases are candidates (dossier/ingest/companymodel.py); a
candidate is a company when a name of it is one of the article's gold companies, and
is left out of training when the gold names it only in passing. The figures are
phrase-level and cross-validated by set (a set is one annotator's batch from its own
sources), against the rules alone on the same candidates. Blind rounds not yet
measured are never trained on (--exclude).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks" / "realnews"))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from ingest_realnews import gold_names, norm  # noqa: E402
from training import annotated_seeds, arguments, best_threshold, group_of, run  # noqa: E402

from dossier.ingest import companymodel  # noqa: E402
from dossier.ingest.clean import clean  # noqa: E402
from dossier.ingest.metadata import extract  # noqa: E402
from dossier.ingest.names import usual_name  # noqa: E402
from dossier.ingest.text import sentences  # noqa: E402

MODEL = REPO / "dossier" / "ingest" / "data" / "company_model.json"


class Example(NamedTuple):
    group: str  # the set the article comes from
    features: list[str]
    label: int  # 1: a company of the article's gold
    ruled: bool  # whether a rule alone would draft it
    phrase: str
    article: str


def examples(exclude: set[str]) -> list[Example]:
    """Every candidate phrase of every annotated article outside ``exclude``."""
    out = []
    for entry, raw in annotated_seeds(exclude):
        paragraphs = clean(raw.text)
        meta = extract(raw, paragraphs)
        prose = [s for p in paragraphs if not p.heading for s in sentences(p.text)]
        found = companymodel.candidates([*prose, meta.title], meta.title, meta.outlet, _never)
        gold = entry["gold"]
        wanted = {f for c in gold.get("companies") or [] for f in gold_names(c)[1]}
        passing = {f for c in gold.get("also") or [] for f in gold_names(c)[1]}
        for cand in found.values():
            forms = {norm(cand.phrase), norm(usual_name(cand.phrase))}
            if forms & passing and not forms & wanted:
                continue  # named in passing: neither right nor wrong
            out.append(
                Example(
                    group_of(entry),
                    companymodel.article_features(cand),
                    int(bool(forms & wanted)),
                    cand.rule is not None,
                    cand.phrase,
                    entry["id"],
                )
            )
    return out


def _never(_phrase: str) -> bool:
    return False


def main() -> None:
    args = arguments(__doc__, c=1.0)
    run(
        args,
        examples(set(args.exclude)),
        MODEL,
        "candidate phrases",
        "companies",
        baseline=lambda row: row.ruled,
        choose=best_threshold,
        error=lambda row, p: (
            f"{'missed' if row.label else 'wrong '} {p:.2f} {row.phrase} ({row.article})"
        ),
    )


if __name__ == "__main__":
    main()
