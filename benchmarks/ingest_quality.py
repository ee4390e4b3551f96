"""Ingest quality on the labelled set in tests/ingest_eval/: precision, recall and F1
for companies, deals (parties + kind), deal status and publication date.

    python benchmarks/ingest_quality.py

The set: the five seeds of the default corpus plus articles written for the
evaluation (articles/), a small knowledge base of known companies (companies/), and
gold annotations (gold.yaml). Ingest runs in a scratch project holding only those
companies; its drafts must pass the loader, then are compared with the gold.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tools.ingest_quality import BLIND, EVAL, measure  # noqa: E402


def main() -> None:
    gold = yaml.safe_load((EVAL / "gold.yaml").read_text("utf-8"))
    blind = sum(1 for k in gold if k.startswith(BLIND))
    print(f"ingest quality on {len(gold)} labelled articles (tests/ingest_eval/), {blind} blind")
    print("| measure | set | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    for subset in ("all", "development", "blind"):
        for name, s in measure("-v" in sys.argv and subset == "all", subset).items():
            print(f"| {name} | {subset} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} |")


if __name__ == "__main__":
    main()
