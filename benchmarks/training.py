"""What the two model trainers share: the annotated articles read as seeds, a logistic
fit on sparse features, figures held out by set, and the weights written as ingest reads
them (dossier/ingest/logistic.py). The trainers put benchmarks/realnews and the
repository on sys.path before importing this."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from materialize import TEXTS, load_entries, seed_stem

from dossier.errors import ContentError
from dossier.ingest.readers import read_seed
from dossier.ingest.types import RawArticle

MIN_COUNT = 3  # a feature seen in fewer training rows says nothing reliable


def annotated_seeds(exclude: set[str]) -> Iterator[tuple[dict[str, Any], RawArticle]]:
    """Each annotated article outside the rounds ``exclude`` whose text is materialized,
    with its entry (gold, id), read as ingest reads a seed."""
    for entry in load_entries():
        if entry["round"] in exclude:
            continue
        folder = TEXTS / entry["round"]
        files = sorted(folder.glob(seed_stem(entry) + ".*"))
        if not files:
            continue
        try:
            yield entry, read_seed(folder, files[0])
        except ContentError:  # a page with no text: ingest refuses it too
            continue


def group_of(entry: dict[str, Any]) -> str:
    """The set an article comes from (its id's first part): what held-out figures hold out."""
    return str(entry["id"]).split("-")[0]


class Row(Protocol):
    group: str  # the set the article comes from
    features: list[str]
    label: int


def _counts(pairs: list[tuple[int, bool]]) -> tuple[int, int, int]:
    tp = sum(1 for y, p in pairs if y and p)
    fp = sum(1 for y, p in pairs if not y and p)
    fn = sum(1 for y, p in pairs if y and not p)
    return tp, fp, fn


def f1(pairs: list[tuple[int, bool]]) -> float:
    tp, fp, fn = _counts(pairs)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def prf(pairs: list[tuple[int, bool]]) -> str:
    tp, fp, fn = _counts(pairs)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return (
        f"recall {rec:.3f} precision {prec:.3f} F1 {f1(pairs):.3f} "
        f"(right {tp}, wrong {fp}, missed {fn})"
    )


def fit(rows: Sequence[Row], c: float) -> tuple[Any, Any]:
    """A logistic model on the features seen in at least MIN_COUNT rows."""
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


R = TypeVar("R", bound=Row)


def held_out(data: Sequence[R], c: float) -> list[tuple[R, float]]:
    """Each row's probability from a model that never saw its set."""
    out = []
    for group in sorted({row.group for row in data}):
        test = [row for row in data if row.group == group]
        vectors, model = fit([row for row in data if row.group != group], c)
        chances = model.predict_proba(
            vectors.transform([dict.fromkeys(r.features, 1) for r in test])
        )
        out += [(row, float(p)) for row, p in zip(test, chances[:, 1], strict=True)]
    return out


def best_threshold(held: Sequence[tuple[Row, float]]) -> float:
    """The threshold at which the held-out F1 is highest."""
    steps = [t / 100 for t in range(20, 81, 5)]
    return max(steps, key=lambda t: f1([(row.label, p >= t) for row, p in held]))


def write_model(path: Path, rows: Sequence[Row], c: float, threshold: float, what: str) -> None:
    """Fit on all ``rows`` and write the weights ingest reads."""
    vectors, model = fit(rows, c)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectors.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    path.write_text(
        json.dumps(
            {
                "trained_on": what,
                "threshold": threshold,
                "bias": round(float(model.intercept_[0]), 4),
                "weights": dict(sorted(weights.items())),
            },
            indent=0,
            ensure_ascii=False,
        )
        + "\n",
        "utf-8",
    )
    print(f"wrote {path.name}: {len(weights)} weights, threshold {threshold:.2f}")


def arguments(doc: str, c: float) -> argparse.Namespace:
    """A trainer's command line: rounds to leave out, evaluate only, C, verbose."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--exclude", action="append", default=[], help="a round not to learn from")
    parser.add_argument("--evaluate-only", action="store_true", help="do not write the weights")
    parser.add_argument("--c", type=float, default=c, help="inverse regularisation strength")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the held-out errors")
    parser.add_argument(
        "--threshold",
        type=float,
        help="write this threshold, not the one of the best held-out F1 (a statement-level"
        " F1 need not be the best for the drafted deals: benchmarks/ingest_realnews.py says)",
    )
    return parser.parse_args()


def run(
    args: argparse.Namespace,
    data: Sequence[R],
    model: Path,
    rows: str,
    positives: str,
    baseline: Callable[[R], bool],
    choose: Callable[[Sequence[tuple[R, float]]], float],
    error: Callable[[R, float], str],
) -> None:
    """Print the held-out figures against ``baseline``, then (unless evaluating only)
    fit on all ``data`` and write ``model`` with the threshold ``choose`` picks."""
    sets = len({row.group for row in data})
    print(f"{len(data)} {rows}, {sum(r.label for r in data)} {positives}, {sets} sets")
    held = held_out(data, args.c)
    print(f"rules alone:            {prf([(row.label, baseline(row)) for row, _ in held])}")
    best = choose(held) if args.threshold is None else args.threshold
    for t in sorted({0.3, 0.5, best}):
        print(f"model, held out, {t:.2f}: {prf([(row.label, p >= t) for row, p in held])}")
    if args.verbose:
        for row, p in sorted(held, key=lambda h: h[1]):
            if (p >= best) != bool(row.label):
                print(error(row, p))
    if args.evaluate_only:
        return
    left_out = ", ".join(args.exclude) or "none"
    write_model(
        model,
        data,
        args.c,
        best,
        f"{len(data)} {rows} of benchmarks/realnews, all rounds but {left_out}",
    )
