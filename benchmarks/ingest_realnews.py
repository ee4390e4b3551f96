"""Ingest measured on real published news: benchmarks/realnews/ (pointers + hand-made gold).

    python benchmarks/realnews/materialize.py     # once: the texts, into an ignored folder
    python benchmarks/ingest_realnews.py            # every round
    python benchmarks/ingest_realnews.py --round blind2 -v   # one round, with each error
    python benchmarks/ingest_realnews.py --together  # every round in one corpus

Each round is ingested on its own, from scratch, into an empty scratch project (no known
companies), the way a new user would start; the drafts must pass the loader. With
--together the rounds are ingested as one corpus, as a user's knowledge base grows (a
name one article drafts confirms another article's doubt), and scored round by round. Then, per
article, against the gold:

- companies: a drafted company matches a gold one when a name or alias of each, with
  legal forms dropped, is the same; companies the gold lists as only mentioned in passing
  ("also") are neither required nor counted against.
- deals: a gold deal is found when one drafted deal of that article holds all its parties
  and has one of its kinds; a drafted deal that finds none is a false one (unless it
  finds an optional gold deal). "parties" is the same without the kind.
- roles: of the found acquisitions, investments and licences whose gold says who is
  acquirer, investor or licensor, the share with every party's role right.
- status, announced: of the found deals (announced: where the gold states a date), the
  share with the gold's value (a date at least as precise as the gold's, agreeing on it).
- value: of the found deals whose gold states a value ("USD 3.1 billion", a range "KRW
  100-140 billion"), the share drafted with that currency and amount (within 2%, or
  inside the range). Measured from blind41 on; earlier rounds' rows have no such column.
- published, outlet: of the articles whose text or metadata states it.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
REALNEWS = REPO / "benchmarks" / "realnews"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REALNEWS))

from materialize import ROUNDS, TEXTS, entry_id, load_entries  # noqa: E402

from dossier.errors import ContentError  # noqa: E402
from dossier.ingest import ingest  # noqa: E402
from dossier.load import load_corpus  # noqa: E402
from tools.ingest_quality import Score  # noqa: E402  (precision and recall from counts)

_LEGAL = set(
    """
    inc incorporated corp corporation co company cos ltd limited plc llc lp llp sa ag nv bv
    spa se ab asa oyj kk gmbh pte pty bhd tbk the group holdings holding
    """.split()  # noqa: SIM905
)


def norm(name: str) -> str:
    """A name compared: NFKC, case-folded, punctuation and legal forms dropped."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    text = re.sub(r"['’]s\b", "", text)
    words = re.findall(r"\w+", text)
    while len(words) > 1 and words[-1] in _LEGAL:
        words.pop()
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


@dataclass
class Count:
    """Hits over a total, for a measure that is a share (status, dates)."""

    hit: int = 0
    total: int = 0

    def __str__(self) -> str:
        return f"{self.hit / self.total:.2f} ({self.hit}/{self.total})" if self.total else "—"


@dataclass
class Scores:
    articles: int = 0
    seconds: float = 0.0
    companies: Score = field(default_factory=Score)
    deals: Score = field(default_factory=Score)  # parties and kind
    parties: Score = field(default_factory=Score)  # parties only
    status: Count = field(default_factory=Count)
    roles: Count = field(default_factory=Count)  # found deals whose gold gives a direction
    announced: Count = field(default_factory=Count)
    published: Count = field(default_factory=Count)
    outlet: Count = field(default_factory=Count)
    value: Count = field(default_factory=Count)  # found deals whose gold states a value
    errors: list[str] = field(default_factory=list)


def gold_names(entry: str) -> tuple[str, set[str]]:
    names = [n.strip() for n in str(entry).split("|") if n.strip()]
    return names[0], {norm(n) for n in names}


def _kinds(value: Any) -> set[str]:
    """The gold's kinds, spelled as the schema spells them ("joint venture" and
    "joint_venture" → joint-venture)."""
    kinds = value if isinstance(value, list) else [value]
    return {
        _KIND_SPELLING.get(str(k).lower(), str(k).lower().replace(" ", "-").replace("_", "-"))
        for k in kinds
    }


_SCALE = {
    "": 1.0, "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9,
    "trillion": 1e12,
}  # fmt: skip
_GOLD_VALUE = re.compile(
    r"([A-Z]{3}) ([\d.,]+)(?:\s*-\s*([\d.,]+))?(?: (thousand|lakh|million|crore|billion|trillion))?"
)


def gold_value(value: Any) -> tuple[str, float, float] | None:
    """(currency, low, high) of a gold value such as "USD 3.1 billion" or "KRW 100-140
    billion"; None for one the measure cannot read (it is then not counted)."""
    match = _GOLD_VALUE.fullmatch(str(value).strip()) if value else None
    if match is None:
        return None
    currency, low, high, scale = match.groups()
    factor = _SCALE[scale or ""]
    low_f = float(low.replace(",", "")) * factor
    high_f = float(high.replace(",", "")) * factor if high else low_f
    return currency, low_f, high_f


def value_fits(money: Any, want: tuple[str, float, float]) -> bool:
    """Whether a drafted value is the gold's: its currency, within 2% or the range."""
    if money is None or money.currency != want[0]:
        return False
    return want[1] * 0.98 <= money.amount <= want[2] * 1.02


# roles that say who does what to whom (partners and merger parties are alike)
_DIRECTED = {"acquirer", "target", "investor", "investee", "licensor", "licensee"}
_KIND_SPELLING = {"memorandum of understanding": "mou", "jv": "joint-venture"}


@contextmanager
def scratch_ingest(*round_names: str) -> Iterator[tuple[Any, list[str], float]]:
    """The rounds' seeds ingested together from scratch into an empty project: (corpus,
    the seeds ingest refused, CPU seconds)."""
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for sub in ("articles", "companies", "deals"):
            (root / "briefings" / sub).mkdir(parents=True)
        for name in round_names:  # (an id is unique over all sets, so no name clashes)
            shutil.copytree(TEXTS / name, root / "seeds", dirs_exist_ok=True)
        started = time.process_time()
        while True:
            try:
                ingest(root)
                break
            except ContentError as exc:
                # a refused seed (a page with no text) stops the run: the user would
                # remove it and run ingest again, so do that
                errors += [f"{p.path}: {p.message}" for p in exc.problems]
                for problem in exc.problems:
                    (root / problem.path).unlink(missing_ok=True)
        seconds = time.process_time() - started
        yield load_corpus(root), errors, seconds


def score_round(round_name: str) -> Scores:
    """A round ingested on its own, scored."""
    with scratch_ingest(round_name) as (corpus, errors, seconds):
        scores = score_in(round_name, corpus)
        scores.errors[:0] = errors
        scores.seconds = seconds
    return scores


def score_in(round_name: str, corpus: Any) -> Scores:
    """A round's articles scored as ``corpus`` drafted them."""
    entries = [e for e in load_entries() if e["round"] == round_name]
    scores = Scores(articles=len(entries))
    by_seed = {entry_id(Path(a.seed).stem): a for a in corpus.articles.values() if a.seed}
    for entry in entries:
        article = by_seed.get(entry["id"])
        if article is None:  # everything it holds is missed
            gold = entry["gold"]
            scores.companies.fn += len(gold.get("companies") or [])
            missed = [d for d in gold.get("deals") or [] if not d.get("optional")]
            scores.deals.fn += len(missed)
            scores.parties.fn += len(missed)
            scores.errors.append(f"{entry['id']}: no article drafted")
            continue
        _score_article(entry, article, corpus, scores)
    return scores


def together(rounds: list[str]) -> list[tuple[str, Scores]]:
    """The rounds ingested as one corpus (a name one article drafts confirms another's
    doubt, as in a user's knowledge base), each scored on its own; the CPU seconds go to
    the first."""
    if not rounds:  # no texts materialized: nothing to ingest
        return []
    with scratch_ingest(*rounds) as (corpus, errors, seconds):
        scored = [(name, score_in(name, corpus)) for name in rounds]
    scored[0][1].errors[:0] = errors
    scored[0][1].seconds = seconds
    return scored


def _score_article(entry: dict[str, Any], article: Any, corpus: Any, scores: Scores) -> None:
    gold = entry["gold"]
    wanted = dict(gold_names(c) for c in gold.get("companies") or [])
    passing = dict(gold_names(c) for c in gold.get("also") or [])
    names_of = {
        slug: {norm(n) for n in (corpus.companies[slug].name, *corpus.companies[slug].aliases)}
        for slug in article.companies
        if slug in corpus.companies
    }
    # each drafted company → the gold company it names (or None)
    gold_of: dict[str, str | None] = {}
    for slug, names in names_of.items():
        gold_of[slug] = next((g for g, forms in wanted.items() if names & forms), None)
    # a deal's party may be a company the story names only in passing
    party_of = {
        slug: gold_of[slug] or next((g for g, forms in passing.items() if names & forms), None)
        for slug, names in names_of.items()
    }
    found = {g for g in gold_of.values() if g}
    extra = [corpus.companies[s].name for s, g in party_of.items() if g is None]
    missed = sorted(set(wanted) - found)
    # two profiles of one company: a reviewer has to merge them
    twice = [g for g in found if list(gold_of.values()).count(g) > 1]
    scores.companies.tp += len(found)
    scores.companies.fn += len(missed)
    scores.companies.fp += len(extra) + sum(list(gold_of.values()).count(g) - 1 for g in twice)
    problems = []
    if extra or missed:
        problems.append(f"companies +{sorted(extra)} -{missed}")
    if twice:
        drafts = {
            g: sorted(corpus.companies[s].name for s, of in gold_of.items() if of == g)
            for g in sorted(twice)
        }
        problems.append(f"drafted twice {drafts}")

    drafted = [corpus.deals[s] for s in article.deals if s in corpus.deals]
    gold_deals = gold.get("deals") or []
    used: set[int] = set()
    for deal in drafted:
        parties = {party_of.get(p.company) for p in deal.parties}
        fits = [
            i
            for i, g in enumerate(gold_deals)
            if set(g["parties"]) <= parties and (i not in used or g.get("optional"))
        ]
        # the right kind first, then a deal the story must have before an optional one
        match = min(
            fits,
            key=lambda i: (
                deal.kind not in _kinds(gold_deals[i]["kind"]),
                bool(gold_deals[i].get("optional")),
                i,
            ),
            default=None,
        )
        label = f"{'+'.join(sorted(p.company for p in deal.parties))}:{deal.kind}:{deal.status}"
        said = " | ".join(s.quote[:140] for s in deal.sources if s.article == article.slug)
        if match is None:
            scores.deals.fp += 1
            scores.parties.fp += 1
            rule = deal.evidence.rule if deal.evidence else "?"
            problems.append(f"false deal {label} [{rule}] «{said}»")
            continue
        g = gold_deals[match]
        if g.get("optional"):
            continue
        used.add(match)
        scores.parties.tp += 1
        if deal.kind not in _kinds(g["kind"]):
            # a deal of the wrong kind is a false deal and the right one is still missed
            scores.deals.fp += 1
            scores.deals.fn += 1
            problems.append(f"kind {label} want {g['kind']}")
            continue
        scores.deals.tp += 1
        directed = {n: r for n, r in g["parties"].items() if r in _DIRECTED}
        # a merger or partnership drafted for a gold acquisition has no direction to check
        if directed and deal.kind in ("acquisition", "investment", "licensing"):
            roles = {party_of.get(p.company): p.role for p in deal.parties}
            scores.roles.total += 1
            scores.roles.hit += all(roles.get(n) == r for n, r in directed.items())
            if any(roles.get(n) != r for n, r in directed.items()):
                problems.append(f"roles {label} want {directed}")
        scores.status.total += 1
        # (an annotator may allow two: "plans to acquire" under a title that reads as done)
        statuses = g["status"] if isinstance(g["status"], list) else [g["status"]]
        scores.status.hit += deal.status in statuses
        if deal.status not in statuses:
            problems.append(f"status {label} want {g['status']} «{said}»")
        worth = gold_value(g.get("value"))
        if worth is not None:
            scores.value.total += 1
            scores.value.hit += value_fits(deal.value, worth)
            if not value_fits(deal.value, worth):
                got_value = f"{deal.value.currency} {deal.value.amount:g}" if deal.value else None
                problems.append(f"value {label} {got_value} want {g['value']}")
        if g.get("announced"):
            want = str(g["announced"])
            got = deal.announced.iso() if deal.announced else ""
            scores.announced.total += 1
            scores.announced.hit += bool(got) and got.startswith(want)
            if not got.startswith(want) or not got:
                problems.append(f"announced {label} {got or None} want {want}")
    for i, g in enumerate(gold_deals):
        if i not in used and not g.get("optional"):
            scores.deals.fn += 1
            scores.parties.fn += 1
            want = "+".join(sorted(g["parties"]))
            problems.append(f"missed deal {want}:{g['kind']}:{g['status']}")

    if gold.get("published"):
        want = str(gold["published"])
        got = article.published.iso() if article.published else None
        scores.published.total += 1
        scores.published.hit += got == want
        if got != want:
            problems.append(f"published {got} want {want}")
    if gold.get("outlet"):
        scores.outlet.total += 1
        right = norm(article.outlet or "") == norm(str(gold["outlet"]))
        scores.outlet.hit += right
        if not right:
            problems.append(f"outlet {article.outlet!r} want {gold['outlet']!r}")
    if problems:
        scores.errors.append(f"{entry['id']}: " + "; ".join(problems))


def main() -> None:
    parser = argparse.ArgumentParser(description="Ingest measured on real published news.")
    parser.add_argument("--round", choices=ROUNDS, action="append")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every error")
    parser.add_argument(
        "--json", action="store_true", help="print only the counts over these rounds, as JSON"
    )
    parser.add_argument(
        "--together", action="store_true", help="ingest the rounds as one corpus, not each alone"
    )
    args = parser.parse_args()
    rounds = args.round or [r for r in ROUNDS if (TEXTS / r).is_dir()]
    if not args.json:
        print(
            "| round | articles | companies P / R | deals P / R | parties P / R | roles | status "
            "| announced | published | outlet | value | articles/s |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    total = Scores()
    scored = together(rounds) if args.together else ((name, score_round(name)) for name in rounds)
    for name, s in scored:
        if not s.articles:  # texts materialized, but no entry of this checkout names them
            continue
        _add(total, s)
        if args.json:
            continue
        _row(name, s)
        if args.verbose:
            for line in s.errors:
                print("   ", line)
    if args.json:
        print(json.dumps(counts(total)))
    elif len(rounds) > 1:
        _row("all of these", total)


def counts(s: Scores) -> dict[str, Any]:
    """The counts behind the figures, to be pooled with others' (models_across_rounds.py)."""
    out: dict[str, Any] = {"articles": s.articles}
    for name in ("companies", "deals", "parties"):
        score = getattr(s, name)
        out[name] = [score.tp, score.fp, score.fn]
    for name in ("roles", "status", "announced", "published", "outlet", "value"):
        count = getattr(s, name)
        out[name] = [count.hit, count.total]
    return out


def _row(name: str, s: Scores) -> None:
    rate = s.articles / s.seconds if s.seconds else 0.0
    print(
        f"| {name} | {s.articles} | {s.companies.precision:.2f} / {s.companies.recall:.2f} "
        f"| {s.deals.precision:.2f} / {s.deals.recall:.2f} "
        f"| {s.parties.precision:.2f} / {s.parties.recall:.2f} | {s.roles} | {s.status} "
        f"| {s.announced} "
        f"| {s.published} | {s.outlet} | {s.value} | {rate:.0f} |"
    )


def _add(total: Scores, s: Scores) -> None:
    """The sums of counts (not an average of figures) over rounds."""
    total.articles += s.articles
    total.seconds += s.seconds
    for name in ("companies", "deals", "parties"):
        mine, theirs = getattr(total, name), getattr(s, name)
        mine.tp, mine.fp, mine.fn = mine.tp + theirs.tp, mine.fp + theirs.fp, mine.fn + theirs.fn
    for name in ("roles", "status", "announced", "published", "outlet", "value"):
        mine, theirs = getattr(total, name), getattr(s, name)
        mine.hit, mine.total = mine.hit + theirs.hit, mine.total + theirs.total


if __name__ == "__main__":
    main()
