"""Ingest gives the same drafts whatever the order and the batches the seeds come in.

The seeds are chosen so that order mattered before: Halden Vind AS is introduced with
evidence in one article and named bare in others, two articles report one deal in
different years' words, and two articles share a title (their slugs collide).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dossier.frontmatter import parse
from dossier.ingest import guard
from dossier.ingest import run as ingest_run
from dossier.ingest.run import ingest
from dossier.load import load_corpus

from .conftest import MINIMAL, SITE_PARTS, copy_project, run_build_py, write


def seed(title: str, date: str, *paragraphs: str) -> str:
    return "\n\n".join([title, date, *paragraphs]) + "\n"


SEEDS = {
    # evidence for Halden Vind AS and Nordvik Energy ASA (short name Nordvik), their deal
    "seeds/a-nordvik-halden.txt": seed(
        "Nordvik Energy to buy Halden Vind",
        "March 3, 2025",
        "Nordvik Energy ASA has agreed to acquire Danish wind developer Halden Vind AS for "
        "$450 million, the companies said on Monday.",
        "Halden Vind builds onshore wind farms. Nordvik expects the deal to close in June.",
    ),
    # Nordvik named bare, twice, beside a known company: no evidence of its own
    "seeds/b-nordvik-bare.txt": seed(
        "Acme reports record anvil sales",
        "March 10, 2025",
        "Acme sold more anvils than ever, some of them for the towers at Nordvik.",
        "The anvils for Nordvik were late. Acme said it would deliver in May.",
    ),
    # the same deal again, completed, with evidence of its own
    "seeds/c-completed.txt": seed(
        "Nordvik Energy completes Halden Vind deal",
        "June 30, 2025",
        "Nordvik Energy ASA completed its $450 million acquisition of Halden Vind AS on Monday.",
    ),
    # the same title and date as the first: the two slugs collide
    "seeds/d-same-title.txt": seed(
        "Nordvik Energy to buy Halden Vind",
        "March 3, 2025",
        "Shares of Globex rose after Nordvik Energy ASA said it would buy Halden Vind AS.",
    ),
}


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "briefings").rglob("*.md"))
    }


def project(tmp_path: Path, name: str) -> Path:
    root = copy_project(tmp_path / name, SITE_PARTS)
    for rel, text in MINIMAL.items():
        write(root, rel, text)
    return root


def add_seeds(root: Path, names: list[str]) -> None:
    for rel in names:
        write(root, rel, SEEDS[rel])


def reversed_seed_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Seeds handed to ingest in reverse name order (the lister sorts them by name)."""
    sorted_listing = guard.list_seeds

    def reverse(root: Path, max_bytes: int = guard.MAX_FILE_BYTES) -> guard.Listing:
        listing = sorted_listing(root, max_bytes)
        return dataclasses.replace(listing, seeds=listing.seeds[::-1])

    monkeypatch.setattr(ingest_run.guard, "list_seeds", reverse)


def test_order_and_batches_give_the_same_drafts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = sorted(SEEDS)
    # the reference: every seed at once, from scratch, in a fresh process (nothing this
    # process has cached can reach it); each variant below runs here, after the others
    one_run = project(tmp_path, "one-run")
    add_seeds(one_run, names)
    run_build_py(one_run, "ingest")
    expected = snapshot(one_run)
    load_corpus(one_run)  # the drafts pass the loader's checks
    assert any("halden-vind" in p for p in expected)
    in_process = project(tmp_path, "in-process")
    add_seeds(in_process, names)
    ingest(in_process)

    two_batches = project(tmp_path, "two-batches")
    add_seeds(two_batches, names[1:])
    ingest(two_batches)
    add_seeds(two_batches, names[:1])
    ingest(two_batches)

    other_batches = project(tmp_path, "other-batches")
    add_seeds(other_batches, names[:2])
    ingest(other_batches)
    add_seeds(other_batches, names[2:])
    ingest(other_batches)

    reverse = project(tmp_path, "reverse")
    add_seeds(reverse, names)
    with monkeypatch.context() as patch:
        reversed_seed_files(patch)
        ingest(reverse)

    one_at_a_time = project(tmp_path, "one-at-a-time")
    with monkeypatch.context() as patch:
        reversed_seed_files(patch)
        for name in reversed(names):
            add_seeds(one_at_a_time, [name])
            ingest(one_at_a_time)

    for root in (in_process, two_batches, other_batches, reverse, one_at_a_time):
        assert snapshot(root) == expected, root.name


def test_a_second_run_and_a_run_in_reverse_write_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, "p")
    add_seeds(root, sorted(SEEDS))
    ingest(root)
    before = snapshot(root)
    report = ingest(root)
    assert (report.created, report.updated, report.deleted) == ([], [], [])
    reversed_seed_files(monkeypatch)
    report = ingest(root)
    assert (report.created, report.updated, report.deleted) == ([], [], [])
    assert snapshot(root) == before


def test_a_seed_removed_then_restored_gives_back_the_same_drafts(tmp_path: Path) -> None:
    root = project(tmp_path, "p")
    add_seeds(root, sorted(SEEDS))
    ingest(root)
    expected = snapshot(root)
    text = (root / "seeds/c-completed.txt").read_bytes()
    (root / "seeds/c-completed.txt").unlink()
    report = ingest(root)
    assert any("c-completed" in line for line in report.lines())  # reported, kept
    (root / "seeds/c-completed.txt").write_bytes(text)
    ingest(root)
    assert snapshot(root) == expected


def approve(root: Path, rel: str) -> None:
    path = root / rel
    path.write_text(path.read_text("utf-8").replace("status: draft", "status: reviewed"))


def test_a_reviewed_company_is_known_to_every_article_in_any_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roots = []
    for name, reverse in (("sorted", False), ("reversed", True)):
        root = project(tmp_path, name)
        add_seeds(root, sorted(SEEDS))
        with monkeypatch.context() as patch:
            if reverse:
                reversed_seed_files(patch)
            ingest(root)
            bare = front(root, "briefings/articles/2025-03-10-acme-reports-record-anvil-sales.md")
            # "Nordvik" named bare: a company, as the article that drafts it says, in
            # either order (the model doubts it there; consolidate confirms it)
            assert "nordvik-energy" in bare["companies"]
            approve(root, "briefings/companies/nordvik-energy.md")
            ingest(root)
        bare = front(root, "briefings/articles/2025-03-10-acme-reports-record-anvil-sales.md")
        assert "nordvik-energy" in bare["companies"]  # "Nordvik" alone, now known
        roots.append(root)
    assert snapshot(roots[0]) == snapshot(roots[1])


def test_edits_to_a_draft_are_kept_until_its_seeds_change(tmp_path: Path) -> None:
    root = project(tmp_path, "p")
    add_seeds(root, sorted(SEEDS))
    ingest(root)
    profile = root / "briefings/companies/halden-vind-as.md"
    edited = profile.read_text("utf-8").replace("Write a one-paragraph", "Builds wind farms.")
    profile.write_text(edited, "utf-8")
    assert ingest(root).updated == []
    assert profile.read_text("utf-8") == edited
    # a new article that found the company again: the profile is drafted anew
    write(root, "seeds/e-more.txt", SEEDS["seeds/c-completed.txt"].replace("June 30", "July 1"))
    assert "briefings/companies/halden-vind-as.md" in ingest(root).updated
    # without ingest's note the draft is the reviewer's: never written again
    kept = profile.read_text("utf-8").split("\n\n*Drafted by ingest")[0] + "\n"
    profile.write_text(kept, "utf-8")
    (root / "seeds/e-more.txt").unlink()
    ingest(root)
    assert profile.read_text("utf-8") == kept


def test_a_draft_made_of_the_same_values_as_last_time_is_not_written_out_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ingest with nothing new makes no draft's text (PyYAML's emitter was most of
    such a run); a draft deleted by hand is written again all the same, as it was; a
    record of before the keys (a flat written.json) is read, and nothing is rewritten."""
    import json

    from dossier.ingest import draft

    root = project(tmp_path, "p")
    add_seeds(root, sorted(SEEDS))
    ingest(root)
    before = snapshot(root)
    made: list[str] = []
    real = draft.document
    monkeypatch.setattr(draft, "document", lambda data, body: made.append(body) or real(data, body))
    report = ingest(root)
    assert (report.created, report.updated, made) == ([], [], [])
    rel = "briefings/companies/halden-vind-as.md"
    (root / rel).unlink()
    assert ingest(root).created == [rel]
    assert len(made) == 1 and snapshot(root) == before
    written = root / ".dossier/ingest/written.json"
    written.write_text(json.dumps(json.loads(written.read_text())["hashes"]), "utf-8")
    made.clear()
    report = ingest(root)
    assert (report.created, report.updated) == ([], []) and made  # compared by text
    made.clear()
    ingest(root)
    assert made == [] and snapshot(root) == before  # and by key again


def front(root: Path, rel: str) -> dict:
    return parse(rel, (root / rel).read_text("utf-8")).data


CONFIDENT = seed(
    "Orsk to buy Halden Vind",
    "March 3, 2025",
    "Orsk, the Norwegian software maker, said on Monday it had agreed to buy Halden Vind AS "
    "for $40 million.",
)
DOUBTED = seed(
    "Price war in the north",
    "March 12, 2025",
    "Orsk has cut prices this year.",
    "Pellham Dairies Ltd. said on Tuesday that it would cut its prices by a tenth.",
)


def _companies_of(root: Path, seed_path: str) -> set[str]:
    corpus = load_corpus(root)
    (article,) = [a for a in corpus.articles.values() if a.seed == seed_path]
    return set(article.companies)


def test_a_name_the_model_doubts_is_a_company_another_article_drafts(tmp_path: Path) -> None:
    # alone, "Orsk has cut prices" is too little to draft Orsk
    alone = project(tmp_path, "alone")
    write(alone, "seeds/b-price-war.txt", DOUBTED)
    ingest(alone)
    assert "orsk" not in _companies_of(alone, "seeds/b-price-war.txt")
    # another article drafts it as a company: this one names it too, in either batch order
    for name, batches in {
        "together": [["a", "b"]],
        "doubted-first": [["b"], ["a"]],
        "confident-first": [["a"], ["b"]],
    }.items():
        root = project(tmp_path, name)
        for batch in batches:
            for part in batch:
                rel, text = (
                    ("seeds/a-orsk.txt", CONFIDENT)
                    if part == "a"
                    else ("seeds/b-price-war.txt", DOUBTED)
                )
                write(root, rel, text)
            ingest(root)
        assert "orsk" in _companies_of(root, "seeds/b-price-war.txt"), name
        assert "orsk" in _companies_of(root, "seeds/a-orsk.txt"), name
