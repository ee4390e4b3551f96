"""The relationship graph: valid SVG, nodes linking to profiles, readable at 100 companies."""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup

from dossier.load import load_corpus
from dossier.render.graph import CHAR, neighbourhood_svg, network_svg
from dossier.views import build_views

from .conftest import write

S = "{http://www.w3.org/2000/svg}"


def nodes(svg: ET.Element) -> dict[str, tuple[float, float]]:
    """href → centre of its circle."""
    found = {}
    for a in svg.iter(f"{S}a"):
        circle = a.find(f"{S}circle")
        found[a.get("href")] = (float(circle.get("cx")), float(circle.get("cy")))
    return found


def test_network_svg_links_every_company_and_draws_each_pair(default_site: Path) -> None:
    svg = ET.parse(default_site / "network.svg").getroot()
    companies = sorted(p.stem for p in (default_site.parent / "briefings/companies").glob("*.md"))
    hrefs = nodes(svg)
    assert sorted(hrefs) == [f"companies/{c}.html" for c in companies]
    assert all((default_site / h).is_file() for h in hrefs)
    lines = list(svg.iter(f"{S}line"))
    # Xiaomi–Microsoft (3 deals), Xiaomi–DeepSeek, Huawei–Xiaomi, Samsung–Tencent.
    assert len(lines) == 4
    titles = [line.findtext(f"{S}title") for line in lines]
    assert sum(t.count("(agreed)") for t in titles) == 3
    rumored = [line for line in lines if "dossier-edge-rumored" in line.get("class")]
    assert len(rumored) == 2  # both DeepSeek stories are only rumored: drawn dashed


def test_pages_embed_the_graph_with_working_links(default_site: Path) -> None:
    home = BeautifulSoup((default_site / "index.html").read_text("utf-8"), "html.parser")
    assert len(home.select("article svg.dossier-graph a")) == 6
    profile = BeautifulSoup(
        (default_site / "companies/xiaomi.html").read_text("utf-8"), "html.parser"
    )
    svg = profile.select_one("#counterparties ~ figure svg")
    assert svg is not None
    assert sorted(a["href"] for a in svg.find_all("a")) == [
        "deepseek.html",
        "huawei.html",
        "microsoft.html",
    ]
    assert svg.select_one(".dossier-node-current").get_text() == "Xiaomi"


def test_company_without_counterparties_has_no_graph(minimal: Path) -> None:
    write(
        minimal,
        "briefings/companies/initech.md",
        "---\nname: Initech\nreview: {status: draft}\n---\nInitech makes reports.\n",
    )
    views = build_views(load_corpus(minimal))
    svg = ET.fromstring(network_svg(views, lambda slug: f"{slug}.html"))
    assert "initech.html" in nodes(svg)  # still on the whole network, unconnected

    assert neighbourhood_svg(views, "initech", str) is None
    assert neighbourhood_svg(views, "acme", str) is not None


def hundred_companies(root: Path) -> Path:
    write(root, "seeds/wire.txt", "Globex has agreed to buy Acme.\n")
    deals = []
    for i in range(100):
        write(
            root,
            f"briefings/companies/c{i:03d}.md",
            f"---\nname: Company number {i:03d}\nreview: {{status: draft}}\n---\nA company.\n",
        )
    for i in range(100):  # a ring plus chords: every company has two to four partners
        for j in (i + 1) % 100, (i * 7 + 3) % 100:
            if j == i or f"d{min(i, j):03d}-{max(i, j):03d}" in deals:
                continue
            slug = f"d{min(i, j):03d}-{max(i, j):03d}"
            deals.append(slug)
            write(
                root,
                f"briefings/deals/{slug}.md",
                f"""---
title: Deal {slug}
kind: partnership
status: announced
parties: [{{company: c{i:03d}}}, {{company: c{j:03d}}}]
sources: [{{article: wire, quote: Globex has agreed to buy Acme.}}]
review: {{status: draft}}
---
A deal.
""",
            )
    write(
        root,
        "briefings/articles/wire.md",
        "---\ntitle: Wire\nseed: seeds/wire.txt\ncompanies: []\n"
        f"deals: [{', '.join(deals)}]\nreview: {{status: draft}}\n---\nNews.\n",
    )
    return root


def test_network_is_readable_at_100_companies(tmp_path: Path) -> None:
    views = build_views(load_corpus(hundred_companies(tmp_path)))
    text = network_svg(views, lambda slug: f"companies/{slug}.html")
    assert text == network_svg(views, lambda slug: f"companies/{slug}.html")  # deterministic
    svg = ET.fromstring(text)
    size = float(svg.get("width"))
    assert svg.get("viewBox") == f"0 0 {size:.1f} {size:.1f}"
    assert size <= 1200  # fits a laptop screen at full size
    placed = nodes(svg)
    assert len(placed) == 100
    # Labels are 13 px high and run along radii: neighbours on the circle need more room.
    gap = min(math.dist(a, b) for a, b in itertools.combinations(placed.values(), 2))
    assert gap >= 20
    centre = size / 2
    for a in svg.iter(f"{S}a"):
        x, y = placed[a.get("href")]
        reach = math.dist((x, y), (centre, centre)) + 10 + CHAR * len(a.findtext(f"{S}text"))
        assert reach <= centre, a.get("href")  # the whole label stays inside the drawing
        assert a.find(f"{S}text").get("transform", "").startswith("rotate(")
    assert len(list(svg.iter(f"{S}line"))) > 150
