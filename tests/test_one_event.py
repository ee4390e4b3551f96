"""One event, many reports: several outlets' reports of the same deal, in any order,
become one draft deal with every report as a source; two different deals between the
same companies stay apart; an older deal a report only recalls is not the new event's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.load import load_corpus

from .conftest import REPO, write

REPORTS = {
    "event-wire.txt": (
        "Kestrel and Borealis sign AI pact\n\nJune 3, 2025 (Reuters) - Kestrel Robotics Inc and "
        "Borealis Cloud Corp have signed a strategic partnership to build AI chips, the "
        "companies said on Tuesday.\n"
    ),
    "event-tech.md": (
        "---\ntitle: Kestrel, Borealis form AI alliance\npublished: 2025-06-03\n---\n\n"
        "Kestrel Robotics Inc and Borealis Cloud Corp have formed an alliance to build AI chips, "
        "the two companies announced.\n"
    ),
    "event-paper.md": (
        "---\ntitle: Chip makers team up\npublished: 2025-06-04\n---\n\n"
        "Kestrel Robotics Inc signed a memorandum of understanding with Borealis Cloud Corp "
        "to develop AI chips together.\n"
    ),
    "event-blog.md": (
        "---\ntitle: What the Kestrel–Borealis deal means\npublished: 2025-06-05\n---\n\n"
        "Kestrel Robotics Inc and Borealis Cloud Corp teamed up this week on AI chips.\n"
    ),
    "event-release.md": (
        "---\ntitle: Kestrel and Borealis announce partnership\npublished: 2025-06-03\n---\n\n"
        "Kestrel Robotics Inc and Borealis Cloud Corp today announced a partnership to build "
        "AI chips.\n"
    ),
}
# an older deal between the same two, and a report that recalls it as background
OLDER = {
    "event-2019.md": (
        "---\ntitle: Kestrel buys stake in Borealis\npublished: 2019-03-01\n---\n\n"
        "Kestrel Robotics Inc bought a 10% stake in Borealis Cloud Corp for $40 million.\n"
    ),
    "event-recall.md": (
        "---\ntitle: Kestrel's chip plans\npublished: 2025-06-06\n---\n\n"
        "Kestrel Robotics Inc, which bought a 10% stake in Borealis Cloud Corp in 2019, "
        "has teamed up with Borealis Cloud Corp on AI chips.\n"
    ),
}


def _ingest(root: Path, seeds: dict[str, str]) -> dict[str, set[str]]:
    for name, text in seeds.items():
        write(root, f"seeds/{name}", text)
    assert main(["--root", str(root), "ingest"]) == 0
    corpus = load_corpus(root)
    return {
        slug: {corpus.articles[s.article].seed for s in deal.sources}
        for slug, deal in corpus.deals.items()
    }


@pytest.mark.parametrize("order", [0, 1])
def test_five_reports_of_one_event_are_one_deal(minimal: Path, order: int) -> None:
    names = sorted(REPORTS)
    if order:  # another order of arrival: in two runs, the last reports first
        names = names[::-1]
        _ingest(minimal, {n: REPORTS[n] for n in names[:2]})
    deals = _ingest(minimal, {n: REPORTS[n] for n in names})
    kestrel = {s: seeds for s, seeds in deals.items() if "kestrel" in s}
    assert list(kestrel.values()) == [{f"seeds/{n}" for n in REPORTS}], kestrel


def test_two_deals_between_the_same_companies_stay_apart(minimal: Path) -> None:
    deals = _ingest(minimal, {**REPORTS, **OLDER})
    kestrel = {s: seeds for s, seeds in deals.items() if "kestrel" in s}
    assert len(kestrel) == 2, kestrel
    (stake,) = [s for s in kestrel if "investment" in s]
    (news,) = [s for s in kestrel if s != stake]
    # the report that recalls the 2019 stake cites the 2019 deal; the new event never
    # became the 2019 deal's
    assert kestrel[stake] == {"seeds/event-2019.md", "seeds/event-recall.md"}
    assert kestrel[news] >= {f"seeds/{n}" for n in REPORTS}


# --- the same on real reports, when benchmarks/realnews/ has been materialized -------

TEXTS = REPO / "benchmarks" / "realnews" / "texts" / "dev"
# (a seed may begin with the day its post was published: "2016-06-13-events-msft-…")
REAL = sorted(TEXTS.glob("*web2-event-msft-openai-*")) + sorted(
    TEXTS.glob("*events-msft-linkedin-*")
)


@pytest.mark.skipif(
    len(REAL) < 9,
    reason="real reports not materialized (python benchmarks/realnews/materialize.py)",
)
def test_real_reports_of_one_event_are_one_deal(tmp_path: Path) -> None:
    """Four outlets' reports of Microsoft buying LinkedIn (2016); five of Microsoft's
    2023 investment in OpenAI (Guardian, VentureBeat, Wired, Vox, OpenAI's blog)."""
    root = tmp_path
    for folder in ("articles", "companies", "deals"):
        (root / "briefings" / folder).mkdir(parents=True)
    (root / "seeds").mkdir()
    for path in REAL:
        shutil.copy(path, root / "seeds" / path.name)
    assert main(["--root", str(root), "ingest"]) == 0
    corpus = load_corpus(root)
    by_parties = {}
    for deal in corpus.deals.values():
        parties = frozenset(p.company for p in deal.parties)
        seeds = {Path(corpus.articles[s.article].seed).name for s in deal.sources}
        by_parties.setdefault(parties, []).append((deal.announced, seeds))
    linkedin = by_parties[frozenset({"microsoft", "linkedin"})]
    assert [len(seeds) for _, seeds in linkedin] == [4]
    openai_2023 = [
        seeds
        for date, seeds in by_parties[frozenset({"microsoft", "openai"})]
        if date and date.year == 2023
    ]
    assert max(len(s) for s in openai_2023) >= 3  # two reports still go astray
