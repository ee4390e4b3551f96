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

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks" / "realnews"))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from ingest_realnews import gold_names, norm  # noqa: E402
from materialize import TEXTS, load_entries  # noqa: E402

from dossier.errors import ContentError  # noqa: E402
from dossier.ingest import companymodel  # noqa: E402
from dossier.ingest.clean import clean  # noqa: E402
from dossier.ingest.metadata import extract  # noqa: E402
from dossier.ingest.names import usual_name  # noqa: E402
from dossier.ingest.readers import read_seed  # noqa: E402
from dossier.ingest.text import sentences  # noqa: E402

MIN_COUNT = 3  # a feature seen in fewer training phrases says nothing reliable
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
    for entry in load_entries():
        if entry["round"] in exclude:
            continue
        folder = TEXTS / entry["round"]
        files = sorted(folder.glob(entry["id"] + ".*"))
        if not files:
            continue
        try:
            raw = read_seed(folder, files[0])
        except ContentError:  # a page with no text: ingest refuses it too
            continue
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
                    entry["id"].split("-")[0],
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


def _counts(pairs: list[tuple[int, bool]]) -> tuple[int, int, int]:
    tp = sum(1 for y, p in pairs if y and p)
    fp = sum(1 for y, p in pairs if not y and p)
    fn = sum(1 for y, p in pairs if y and not p)
    return tp, fp, fn


def _f1(pairs: list[tuple[int, bool]]) -> float:
    tp, fp, fn = _counts(pairs)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _prf(pairs: list[tuple[int, bool]]) -> str:
    tp, fp, fn = _counts(pairs)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return (
        f"recall {rec:.3f} precision {prec:.3f} F1 {_f1(pairs):.3f} "
        f"(right {tp}, wrong {fp}, missed {fn})"
    )


def fit(rows: list[Example], c: float) -> tuple[Any, Any]:
    """A logistic model on the features seen in at least MIN_COUNT phrases."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: Counter[str] = Counter(f for row in rows for f in row.features)
    vectors = DictVectorizer()
    x = vectors.fit_transform(
        [{f: 1 for f in row.features if counts[f] >= MIN_COUNT} for row in rows]
    )
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(x, [row.label for row in rows])
    return vectors, model


def held_out(data: list[Example], c: float) -> list[tuple[Example, float]]:
    """Each phrase's probability from a model that never saw its set."""
    out = []
    for group in sorted({row.group for row in data}):
        test = [row for row in data if row.group == group]
        vectors, model = fit([row for row in data if row.group != group], c)
        chances = model.predict_proba(
            vectors.transform([dict.fromkeys(r.features, 1) for r in test])
        )
        out += [(row, float(p)) for row, p in zip(test, chances[:, 1], strict=True)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exclude", action="append", default=[], help="a round not to learn from")
    parser.add_argument("--evaluate-only", action="store_true", help="do not write the weights")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the held-out errors")
    args = parser.parse_args()
    data = examples(set(args.exclude))
    sets = len({row.group for row in data})
    print(f"{len(data)} candidate phrases, {sum(r.label for r in data)} companies, {sets} sets")
    held = held_out(data, args.c)
    print(f"rules alone:            {_prf([(row.label, row.ruled) for row, _ in held])}")
    steps = [t / 100 for t in range(20, 81, 5)]
    best = max(steps, key=lambda t: _f1([(row.label, p >= t) for row, p in held]))
    for t in sorted({0.3, 0.5, best}):
        print(f"model, held out, {t:.2f}: {_prf([(row.label, p >= t) for row, p in held])}")
    if args.verbose:
        for row, p in sorted(held, key=lambda h: h[1]):
            if (p >= best) != bool(row.label):
                print(f"{'missed' if row.label else 'wrong '} {p:.2f} {row.phrase} ({row.article})")
    if args.evaluate_only:
        return
    vectors, model = fit(data, args.c)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectors.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    left_out = ", ".join(args.exclude) or "none"
    trained_on = f"{len(data)} phrases of benchmarks/realnews, all rounds but {left_out}"
    MODEL.write_text(
        json.dumps(
            {
                "trained_on": trained_on,
                "threshold": best,
                "bias": round(float(model.intercept_[0]), 4),
                "weights": dict(sorted(weights.items())),
            },
            indent=0,
            ensure_ascii=False,
        )
        + "\n",
        "utf-8",
    )
    print(f"wrote {MODEL.relative_to(REPO)}: {len(weights)} weights, threshold {best:.2f}")


if __name__ == "__main__":
    main()
