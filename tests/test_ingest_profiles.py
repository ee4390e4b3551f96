"""Draft company profiles carry what the articles say of the company, each fact cited.

Seeds are written into a small project, ingested, and the drafts loaded with every
check (quotes found in their seeds, claims well formed); the extraction rules are
also tested sentence by sentence.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier.claims import open_conflicts
from dossier.cli import main
from dossier.ingest.entities import Finder
from dossier.ingest.outcome import from_json, to_json
from dossier.ingest.profile import profile_facts
from dossier.ingest.types import KnownCompany
from dossier.load import load_corpus
from dossier.model import Corpus

from .conftest import write

MUNICH = """\
Kestrel Robotics opens a new plant

March 3, 2025

Kestrel Robotics (NYSE: KSTR), a Munich-based maker of warehouse robots, \
opened a plant in Leipzig on Monday.

Kestrel Robotics, founded in 2014, employs 300 people. \
Zephyr Labs, a unit of Kestrel Robotics, will run the plant.
"""

BERLIN = """\
Kestrel Robotics hires a new chief

June 30, 2025

Kestrel Robotics, a Berlin-based developer of industrial software, \
named a new chief executive on Monday.
"""

AGREES = """\
Kestrel Robotics wins an award

May 5, 2025

Kestrel Robotics, a Munich-based maker of warehouse robots, won a design award on Friday.
"""

BARE = """\
Orchard Analytics Ltd posts results

April 2, 2025

Orchard Analytics Ltd reported higher sales on Wednesday. \
Orchard Analytics Ltd said demand was strong.
"""


def story(title: str, day: str, text: str) -> str:
    """A seed as a wire story: its headline, its date line, its text."""
    return f"{title}\n\n{day}\n\n{text}\n"


def ingest(root: Path, seeds: dict[str, str]) -> Corpus:
    for name, text in seeds.items():
        write(root, f"seeds/{name}", text)
    assert main(["--root", str(root), "ingest"]) == 0
    assert main(["--root", str(root), "check"]) == 0  # drafts pass every check
    return load_corpus(root)


def slug_of(corpus: Corpus, seed: str) -> str:
    return next(a.slug for a in corpus.articles.values() if a.seed == f"seeds/{seed}")


def facts(corpus: Corpus, company: str) -> dict:
    return {f.name: f for f in corpus.companies[company].facts}


def body(root: Path, company: str) -> str:
    return (root / f"briefings/companies/{company}.md").read_text("utf-8").split("---\n", 2)[2]


def test_profile_has_the_facts_the_article_states(minimal: Path) -> None:
    corpus = ingest(minimal, {"munich.txt": MUNICH})
    source = slug_of(corpus, "munich.txt")
    kestrel = corpus.companies["kestrel-robotics"]
    assert "NYSE: KSTR" in kestrel.aliases
    got = facts(corpus, "kestrel-robotics")
    assert {n: (f.value, f.source) for n, f in got.items()} == {
        "headquarters": ("Munich", source),
        "founded": ("2014", source),
        "sector": ("maker of warehouse robots", source),
        "description": ("a Munich-based maker of warehouse robots", source),
    }
    assert got["headquarters"].quote.startswith("Kestrel Robotics (NYSE: KSTR), a Munich-based")
    assert got["founded"].quote == "Kestrel Robotics, founded in 2014, employs 300 people."
    zephyr = facts(corpus, "zephyr-labs")
    assert zephyr["parent"].value == "kestrel-robotics"  # the parent's slug: it has a profile
    assert zephyr["parent"].quote == "Zephyr Labs, a unit of Kestrel Robotics, will run the plant."
    text = body(minimal, "kestrel-robotics")
    # what one article says is one sentence, its title cited once
    assert text.startswith(
        "Kestrel Robotics is a Munich-based maker of warehouse robots and was founded in "
        "2014, according to “Kestrel Robotics opens a new plant”.\n"
    )
    assert "Write a one-paragraph description" not in text
    assert "*Drafted by ingest from `seeds/munich.txt`" in text


def test_articles_that_disagree_become_claims(minimal: Path) -> None:
    corpus = ingest(minimal, {"munich.txt": MUNICH, "berlin.txt": BERLIN})
    munich, berlin = slug_of(corpus, "munich.txt"), slug_of(corpus, "berlin.txt")
    got = facts(corpus, "kestrel-robotics")
    where = got["headquarters"]
    assert where.value is None
    assert [(c.value, c.source) for c in where.claims] == [("Munich", munich), ("Berlin", berlin)]
    assert got["founded"].value == "2014"  # only one article says it: no claims
    conflicts = {c.field for c in open_conflicts(corpus) if c.slug == "kestrel-robotics"}
    # words that differ are not a disagreement: the first article's description stands
    assert conflicts == {"headquarters"}
    text = body(minimal, "kestrel-robotics")
    assert text.startswith("The sources describe Kestrel Robotics differently:")
    assert "calls it a Berlin-based developer of industrial software" in text


def test_a_business_in_other_words_is_no_disagreement(minimal: Path) -> None:
    corpus = ingest(
        minimal,
        {
            "robots.txt": story(
                "Orsk Dynamics opens a plant",
                "March 3, 2025",
                "Warehouse robot maker Orsk Dynamics Ltd opened a plant in Leipzig on Monday.",
            ),
            "drones.txt": story(
                "Orsk Dynamics names a chief",
                "June 30, 2025",
                "Oslo-based drone maker Orsk Dynamics Ltd named a new chief on Monday.",
            ),
        },
    )
    got = facts(corpus, "orsk-dynamics")
    assert got["sector"].value == "robot maker"  # the first article's words stand
    assert got["headquarters"].value == "Oslo"
    assert not [c for c in open_conflicts(corpus) if c.slug == "orsk-dynamics"]
    text = body(minimal, "orsk-dynamics")
    assert text.startswith(
        "Orsk Dynamics is based in Oslo, according to “Orsk Dynamics names a chief”. "
        "It is described as “robot maker” (“Orsk Dynamics opens a plant”) and as "
        "“drone maker” (“Orsk Dynamics names a chief”).\n"
    )
    assert "disagree" not in text


def test_a_company_under_its_former_name_is_the_renamed_company(minimal: Path) -> None:
    # the old name's slug comes first: the renamed company still takes it in
    corpus = ingest(
        minimal,
        {
            "old.txt": story(
                "Alder Lights opens a lab",
                "March 3, 2025",
                "Alder Lights Inc. opened a lab in Leipzig on Monday.",
            ),
            "new.txt": story(
                "Norvale Bio hires a chief",
                "June 30, 2025",
                "Norvale Bio Inc. (formerly Alder Lights Inc.) named a new chief on Monday.",
            ),
        },
    )
    assert "alder-lights" not in corpus.companies
    assert "Alder Lights" in corpus.companies["norvale-bio"].aliases
    for seed in ("old.txt", "new.txt"):
        article = corpus.articles[slug_of(corpus, seed)]
        assert "norvale-bio" in article.companies
    assert "Alder Lights opens a lab" in body(minimal, "norvale-bio")  # both articles


def test_articles_that_agree_give_one_value_from_the_first(minimal: Path) -> None:
    corpus = ingest(minimal, {"munich.txt": MUNICH, "award.txt": AGREES})
    first = min(slug_of(corpus, "munich.txt"), slug_of(corpus, "award.txt"))
    where = facts(corpus, "kestrel-robotics")["headquarters"]
    assert (where.value, where.source, where.claims) == ("Munich", first, ())
    assert "according to “Kestrel Robotics opens a new plant” and “Kestrel Robotics wins" in (
        body(minimal, "kestrel-robotics")
    )


def test_profiles_do_not_depend_on_seed_order(tmp_path: Path, minimal: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(minimal, other, symlinks=True)
    ingest(minimal, {"a.txt": MUNICH, "b.txt": BERLIN})
    ingest(other, {"a.txt": BERLIN})  # one run, then the other seed in a second run
    ingest(other, {"b.txt": MUNICH})
    ingest(other, {"a.txt": MUNICH, "b.txt": BERLIN})
    for name in ("kestrel-robotics", "zephyr-labs"):
        path = f"briefings/companies/{name}.md"
        assert (minimal / path).read_bytes() == (other / path).read_bytes()


def test_nothing_said_keeps_the_placeholder(minimal: Path) -> None:
    corpus = ingest(minimal, {"bare.txt": BARE})
    assert corpus.companies["orchard-analytics"].facts == ()
    assert "Write a one-paragraph description." in body(minimal, "orchard-analytics")


def test_cached_outcome_keeps_the_facts(minimal: Path) -> None:
    from dossier.ingest.outcome import outcome_of
    from dossier.ingest.readers import read_seed

    write(minimal, "seeds/munich.txt", MUNICH)
    outcome = outcome_of(read_seed(minimal, minimal / "seeds/munich.txt"), "x", Finder(()))
    assert outcome.facts
    assert from_json(to_json(outcome)) == outcome
    old = to_json(outcome)
    del old["facts"]  # an entry written before facts were kept is never read as empty
    with pytest.raises(KeyError):
        from_json(old)


NAMES = [
    KnownCompany("acme", "Acme Corp", ("Acme Corp", "Acme")),
    KnownCompany("huawei", "Huawei", ("Huawei",)),
    KnownCompany("xiaomi", "Xiaomi", ("Xiaomi",)),
]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Xiaomi, a Beijing-based maker of smartphones, said sales rose.",
            {
                ("description", "a Beijing-based maker of smartphones"),
                ("sector", "maker of smartphones"),
                ("headquarters", "Beijing"),
            },
        ),
        (
            "Acme, the world's largest chipmaker, fell.",
            {("description", "the world's largest chipmaker"), ("sector", "chipmaker")},
        ),
        (
            "Xiaomi is one of China’s largest consumer electronics groups, known for phones.",
            {
                ("description", "one of China’s largest consumer electronics groups"),
                ("sector", "consumer electronics group"),
            },
        ),
        ("Acme, founded in March 2009, makes anvils.", {("founded", "2009-03")}),
        (
            "Acme, headquartered in Palo Alto, California, makes anvils.",
            {("headquarters", "Palo Alto, California")},
        ),
        ("Acme is based in Oslo.", {("headquarters", "Oslo")}),
        ("Acme (Nasdaq: ACME) rose.", {("alias", "Nasdaq: ACME")}),
        ("Xiaomi (小米) rose.", {("alias", "小米")}),
        (
            "Acme, a subsidiary of Huawei, rose.",
            {("description", "a subsidiary of Huawei"), ("parent", "huawei")},
        ),
        (
            "Acme, Brenner Capital's engineering unit, rose.",
            {("description", "Brenner Capital's engineering unit"), ("parent", "Brenner Capital")},
        ),
        ("Acme, a bank, rose.", {("description", "a bank"), ("sector", "bank")}),
        (
            "Acme, a maker of biscuits and crackers, rose.",
            {
                ("description", "a maker of biscuits and crackers"),
                ("sector", "maker of biscuits and crackers"),
            },
        ),
        (
            "Acme is a Chinese technology company and has grown.",
            {("description", "a Chinese technology company"), ("sector", "technology company")},
        ),
        # the title news gives a company before its name
        ("Chinese smartphone maker Xiaomi said sales rose.", {("sector", "smartphone maker")}),
        (
            "Huawei bought Bengaluru-based apparel exporters Acme.",
            {("sector", "apparel exporter"), ("headquarters", "Bengaluru")},
        ),
        (
            "Huawei bought Berkeley, California-based startup Acme.",
            {("headquarters", "Berkeley, California")},
        ),
        (
            "On Thursday, UK-based private equity firm Acme said.",
            {("sector", "private equity firm"), ("headquarters", "UK")},
        ),
        ("Bids came from Turkish-based carrier Acme.", {("sector", "carrier")}),  # a people
        ("Huawei's chip unit Acme rose.", {("parent", "huawei")}),
        ("Huawei said chipmaker Acme rose.", {("sector", "chipmaker")}),  # not "said chipmaker"
        ("Huawei acquired chipmaker Acme.", {("sector", "chipmaker")}),
        ("Shares of rival Acme fell.", set()),  # a part in the story
        ("The round drew existing investors Acme and Huawei.", set()),  # a part, too
        ("Huawei bought cybersecurity firm Acme.", {("sector", "cybersecurity firm")}),
        ("Password manager Acme rose.", set()),  # "manager" alone is no business
        ("This group will house Acme research.", set()),  # a verb, not a title
        # a clause that opens the sentence and is about the company named first
        (
            "Founded in 2015, the Gurugram-based B2B platform Acme has grown.",
            {("founded", "2015"), ("headquarters", "Gurugram")},
        ),
        ("Based in Oslo, Norway, Acme makes ferries.", {("headquarters", "Oslo, Norway")}),
        ("Founded in 2015, Huawei's partner Acme grew.", set()),  # Huawei comes first
        # the name it had before is an alias, however the page spaces or forms it
        ("Acme Ltd (formerly Huawei Projects Ltd) rose.", {("alias", "Huawei Projects")}),
        ("Acme , formerly known as Orsk Media, rose.", {("alias", "Orsk Media")}),
        ("Acme Corp, a bank, rose.", {("description", "a bank"), ("sector", "bank")}),
        ("Acme, the company said, rose.", set()),  # no description
        ("Acme, the buyer, paid.", set()),  # a part in the story, not what it is
        ("Acme, Huawei and Xiaomi signed.", set()),  # a list, not an apposition
        ("Huawei’s Acme, a phone brand, rose.", set()),  # a product, not the company
    ],
)
def test_what_a_sentence_says_of_a_company(sentence: str, expected: set) -> None:
    finder = Finder(NAMES)
    got = profile_facts([(sentence, finder.mentions(sentence))], {"acme", "xiaomi"})
    assert {(s.field, s.value) for s in got} == expected
    assert all(s.words in sentence for s in got)  # every fact is words of the sentence
