"""Would the company and deal models do better trained on more? Measured on the rounds
the shipped models never learned from, fold by fold, against the shipped models.

    pip install -e '.[train]'                          # scikit-learn, for training only
    python benchmarks/realnews/materialize.py          # once: the texts
    python benchmarks/models_across_rounds.py --first 21 --last 36 --folds 4
    python benchmarks/models_across_rounds.py --first 21 --last 36 --exclude blind37

One blind round of 20–30 articles moves by several points on a single story; this pools
hundreds. The rounds blind<first>…blind<last> are dealt into folds (every fourth round
to a fold). For each fold, a copy of this checkout's code (dossier/, benchmarks/,
tools/) in a temporary folder has both models trained there on every annotated article
outside the fold's rounds and the --exclude ones (the company model first: the deal
model learns from what it drafts), then the fold's rounds are ingested with them
(ingest_realnews.py). The counts are pooled over the folds and printed beside the
shipped models' on the same rounds. The shipped weights are never touched. To weigh a
change of the features, run it on a checkout that has the change.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
TEXTS = REPO / "benchmarks" / "realnews" / "texts"
sys.path.insert(0, str(REPO))

from tools.ingest_quality import Score  # noqa: E402  (precision and recall from counts)


def measure(checkout: Path, rounds: list[str]) -> dict[str, Any]:
    """ingest_realnews.py's pooled counts over ``rounds``, with ``checkout``'s code and models."""
    command = [sys.executable, "benchmarks/ingest_realnews.py", "--json"]
    command += [arg for name in rounds for arg in ("--round", name)]
    return json.loads(_run(command, checkout).splitlines()[-1])


def fold(rounds: list[str], exclude: list[str]) -> dict[str, Any]:
    """Both models trained without ``rounds`` (and ``exclude``) in a copy, then measured on them."""
    with tempfile.TemporaryDirectory(prefix="dossier-fold-") as tmp:
        copy = Path(tmp)
        skip = shutil.ignore_patterns("texts", "__pycache__")
        for part in ("dossier", "benchmarks", "tools"):
            shutil.copytree(REPO / part, copy / part, ignore=skip)
        (copy / "benchmarks" / "realnews" / "texts").symlink_to(TEXTS)
        left_out = [arg for name in [*rounds, *exclude] for arg in ("--exclude", name)]
        for trainer in ("train_company_model.py", "train_deal_model.py"):
            _run([sys.executable, f"benchmarks/{trainer}", *left_out], copy)
        return measure(copy, rounds)


def _run(command: list[str], cwd: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{done.stderr[-2000:]}")
    return done.stdout


def pooled(parts: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part in parts:
        for key, value in part.items():
            if isinstance(value, list):
                before = out.get(key, [0] * len(value))
                out[key] = [a + b for a, b in zip(before, value, strict=True)]
            else:
                out[key] = out.get(key, 0) + value
    return out


def row(name: str, c: dict[str, Any]) -> str:
    def pr(key: str) -> str:
        s = Score(*c[key])
        return f"{s.precision:.3f} / {s.recall:.3f} ({s.tp} right, {s.fp} wrong, {s.fn} missed)"

    rest = " | ".join(f"{c[k][0]}/{c[k][1]}" for k in ("status", "announced", "published"))
    return f"| {name} | {c['articles']} | {pr('companies')} | {pr('deals')} | {rest} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--first", type=int, required=True, help="the first held-out blind round")
    parser.add_argument("--last", type=int, required=True, help="the last held-out blind round")
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument(
        "--exclude", action="append", default=[], help="a round never to learn from"
    )
    args = parser.parse_args()
    held = [f"blind{n}" for n in range(args.first, args.last + 1)]
    folds = [held[k :: args.folds] for k in range(args.folds)]
    with ThreadPoolExecutor(max_workers=2) as pool:  # each fold is one process at a time
        retrained = list(pool.map(lambda rounds: fold(rounds, args.exclude), folds))
    print("| models | articles | companies P / R | deals P / R | status | announced | published |")
    print("|---|---|---|---|---|---|---|")
    print(row("shipped", measure(REPO, held)))
    print(row("retrained without each fold", pooled(retrained)))


if __name__ == "__main__":
    main()
