"""How often each of ingest's company rules is right on real news: the measured ground
of the confidences in dossier/ingest/clues.py (CONFIDENCE).

    python benchmarks/realnews/materialize.py   # once: the texts
    python benchmarks/ingest_rules.py           # every round, or --round dev …

Each round is ingested from scratch (as ingest_realnews.py does); each drafted company
is right when a name of it is a gold company of the article it was drafted from,
acting or named in passing.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from ingest_realnews import ROUNDS, entry_id, gold_names, load_entries, norm, scratch_ingest

from dossier.ingest.clues import CONFIDENCE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--round", choices=ROUNDS, action="append")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong draft")
    args = parser.parse_args()
    rounds = args.round or list(ROUNDS)
    wrongs: list[str] = []
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for round_name in rounds:
        entries = {e["id"]: e for e in load_entries() if e["round"] == round_name}
        if not entries:
            continue
        with scratch_ingest(round_name) as (corpus, _errors, _seconds):
            for company in corpus.companies.values():
                evidence = company.evidence
                article = corpus.articles.get(evidence.source) if evidence else None
                seed = Path(article.seed).stem if article and article.seed else None
                entry = entries.get(entry_id(seed)) if seed else None
                if evidence is None or entry is None:
                    continue
                gold = entry["gold"]
                forms = {
                    form
                    for listed in (gold.get("companies") or []) + (gold.get("also") or [])
                    for form in gold_names(listed)[1]
                }
                names = {norm(n) for n in (company.name, *company.aliases)}
                (right if names & forms else wrong)[evidence.rule] += 1
                if not names & forms:
                    wrongs.append(f"{evidence.rule}: {company.name} «{evidence.quote[:150]}»")
    print("| rule | right | wrong | precision | confidence now |")
    print("|---|---|---|---|---|")
    for rule in sorted(right | wrong, key=lambda r: -(right[r] + wrong[r])):
        share = right[rule] / (right[rule] + wrong[rule])
        print(f"| {rule} | {right[rule]} | {wrong[rule]} | {share:.2f} | {CONFIDENCE.get(rule)} |")
    if args.verbose:
        print("\n".join(sorted(wrongs)))


if __name__ == "__main__":
    main()
