"""The relationship graph: companies linked by their deals, drawn as SVG at build time.

A pure-Python circular layout, so the build needs nothing installed and the output is
the same every time: companies sit on a circle, grouped by connected component and in
breadth-first order inside each, so partners sit close together and most lines are
short. Labels point outward along their radius, which keeps them apart however many
companies there are (22 px of arc per company; the circle grows with the corpus).
A company's neighbourhood puts it in the middle and its counterparties around it.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable

from markupsafe import Markup

from ..model import Deal
from ..views import Views, deal_order

SVG = "http://www.w3.org/2000/svg"
ARC = 22.0  # px of circumference per company: one label line plus air
LEVEL = 16  # up to this many companies on a circle, labels stay level instead of radial
CHAR = 7.5  # px per character at the label size, for the margin around the circle
Pair = tuple[str, str]
STYLE = (
    ".dossier-graph .dossier-edge{stroke:#5c6bc0;stroke-opacity:.75}"
    ".dossier-graph .dossier-edge-rumored{stroke:#b26a00;stroke-dasharray:5 4}"
    ".dossier-graph circle{fill:#3949ab}"
    ".dossier-graph .dossier-node-current circle{fill:#1a237e}"
    ".dossier-graph text{font:13px sans-serif;fill:#1a1a1a;paint-order:stroke fill;"
    "stroke:#fff;stroke-width:3px;stroke-linejoin:round}"
    ".dossier-graph a:hover text,.dossier-graph a:focus text{text-decoration:underline}"
)


def edges(views: Views, among: frozenset[str] | None = None) -> dict[Pair, tuple[Deal, ...]]:
    """Every pair of companies that share a deal, with those deals (newest first).

    With ``among``, only pairs of those companies, found through their own deals: a
    company's neighbourhood then depends on its neighbours' deals, not on every deal.
    """
    if among is None:
        deals: Iterable[Deal] = views.deals_newest_first
    else:
        mine = {d.slug: d for s in sorted(among) for d in views.deals_of.get(s, ())}
        deals = sorted(mine.values(), key=deal_order, reverse=True)
    found: dict[Pair, list[Deal]] = defaultdict(list)
    for deal in deals:
        slugs = sorted({p.company for p in deal.parties})
        for i, a in enumerate(slugs):
            for b in slugs[i + 1 :]:
                if among is None or (a in among and b in among):
                    found[(a, b)].append(deal)
    return {pair: tuple(found[pair]) for pair in sorted(found)}


def _order(views: Views, pairs: Iterable[Pair]) -> list[str]:
    """Companies by component (largest first), breadth-first from the best-connected."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        neighbours[a].add(b)
        neighbours[b].add(a)
    names = {c.slug: (c.name.casefold(), c.slug) for c in views.companies_by_name}
    seen: set[str] = set()
    components: list[list[str]] = []
    for slug in sorted(names, key=lambda s: (-len(neighbours[s]), names[s])):
        if slug in seen:
            continue
        queue, component = [slug], []
        seen.add(slug)
        while queue:
            here = queue.pop(0)
            component.append(here)
            for nxt in sorted(neighbours[here] - seen, key=names.__getitem__):
                seen.add(nxt)
                queue.append(nxt)
        components.append(component)
    components.sort(key=lambda c: -len(c))  # stable: ties keep the order found above
    return [slug for component in components for slug in component]


def _f(x: float) -> str:
    return f"{x:.1f}".replace("-0.0", "0.0")


def _svg(width: float, height: float, label: str) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG,
            "viewBox": f"0 0 {_f(width)} {_f(height)}",
            "width": _f(width),
            "height": _f(height),
            "role": "group",
            "aria-label": label,
            "class": "dossier-graph",
        },
    )
    ET.SubElement(svg, "title").text = label
    ET.SubElement(svg, "style").text = STYLE  # inside the SVG, so network.svg alone looks right
    return svg


def _edge(
    parent: ET.Element, a: tuple[float, float], b: tuple[float, float], deals: tuple[Deal, ...]
) -> None:
    rumored = all(d.status in {"rumored", "terminated"} for d in deals)
    line = ET.SubElement(
        parent,
        "line",
        {
            "x1": _f(a[0]),
            "y1": _f(a[1]),
            "x2": _f(b[0]),
            "y2": _f(b[1]),
            "class": "dossier-edge" + (" dossier-edge-rumored" if rumored else ""),
            "stroke-width": _f(1 + math.log2(len(deals)) * 1.5),
        },
    )
    ET.SubElement(line, "title").text = "; ".join(f"{d.title} ({d.status})" for d in deals)


def _node(
    parent: ET.Element,
    at: tuple[float, float],
    angle: float,
    name: str,
    href: str | None,
    centre: bool = False,
    radial: bool = True,
) -> None:
    group = ET.SubElement(parent, "a", href=href) if href else ET.SubElement(parent, "g")
    group.set("class", "dossier-node" + (" dossier-node-current" if centre else ""))
    x, y = at
    ET.SubElement(group, "circle", cx=_f(x), cy=_f(y), r="7" if centre else "5")
    if centre:  # the middle of a neighbourhood: label below, not along a radius
        centred = {"x": _f(x), "y": _f(y + 22), "text-anchor": "middle"}
        text = ET.SubElement(group, "text", centred)
    elif not radial:  # few companies: level labels are easier to read and have room
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        dy = 0.0 if anchor != "middle" else (16 if sin > 0 else -12)
        text = ET.SubElement(
            group,
            "text",
            {
                "x": _f(x + 10 * cos if anchor != "middle" else x),
                "y": _f(y + dy),
                "text-anchor": anchor,
                "dominant-baseline": "central",
            },
        )
    else:
        degrees = math.degrees(angle)
        flip = 90 < degrees % 360 < 270  # left half: turn the text to read left to right
        dx = -10 if flip else 10
        text = ET.SubElement(
            group,
            "text",
            {
                "x": _f(x + dx),
                "y": _f(y),
                "transform": f"rotate({_f(degrees + (180 if flip else 0))} {_f(x)} {_f(y)})",
                "text-anchor": "end" if flip else "start",
                "dominant-baseline": "central",
            },
        )
    text.text = name


def _circle(n: int, minimum: float) -> float:
    return max(minimum, n * ARC / (2 * math.pi))


def _frame(names: list[str], minimum: float) -> tuple[float, float, float, bool]:
    """Radius, horizontal and vertical margin, and whether labels run along radii.

    Level labels stick out sideways only, so the drawing needs little room above and below.
    """
    radial = len(names) > LEVEL
    across = 20 + CHAR * max((len(n) for n in names), default=0)
    return _circle(len(names), minimum), across, across if radial else 30.0, radial


def _ring(
    slugs: list[str], radius: float, cx: float, cy: float
) -> dict[str, tuple[float, float, float]]:
    """Each slug's angle and position, clockwise from the top."""
    place = {}
    for i, slug in enumerate(slugs):
        angle = 2 * math.pi * i / max(len(slugs), 1) - math.pi / 2
        place[slug] = (angle, cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return place


def most_connected(views: Views, most: int) -> frozenset[str]:
    """The ``most`` companies with the most counterparties (ties A–Z by name)."""
    ranked = sorted(
        views.companies_by_name, key=lambda c: -len(views.counterparties_of.get(c.slug, ()))
    )
    return frozenset(c.slug for c in ranked[:most])


def network_svg(views: Views, link: Callable[[str], str], most: int | None = None) -> str:
    """The whole network, or its ``most`` best-connected companies and the deals between
    them; ``link(slug)`` gives each node's href."""
    among = most_connected(views, most) if most is not None else None
    pairs = edges(views, among)
    order = _order(views, pairs)
    if among is not None:
        order = [slug for slug in order if slug in among]
    companies = views.corpus.companies
    radius, mx, my, radial = _frame([companies[s].name for s in order], 110)
    svg = _svg(2 * (radius + mx), 2 * (radius + my), "Companies and the deals between them")
    place = _ring(order, radius, radius + mx, radius + my)
    lines = ET.SubElement(svg, "g")
    for (a, b), deals in pairs.items():
        _edge(lines, place[a][1:], place[b][1:], deals)
    for slug in order:
        angle, x, y = place[slug]
        _node(svg, (x, y), angle, companies[slug].name, link(slug), radial=radial)
    return _text(svg)


def neighbourhood_svg(views: Views, slug: str, link: Callable[[str], str]) -> str | None:
    """``slug`` in the middle, its counterparties around it; None when it has none."""
    others = [o.slug for o in views.counterparties_of[slug]]
    if not others:
        return None
    local = edges(views, frozenset([slug, *others]))
    pairs = {p: d for p, d in local.items() if slug in p}
    companies = views.corpus.companies
    radius, mx, my, radial = _frame([companies[s].name for s in others], 80)
    centre = (radius + mx, radius + my)
    svg = _svg(2 * centre[0], 2 * centre[1], f"{companies[slug].name} and its counterparties")
    place = _ring(others, radius, *centre)
    lines = ET.SubElement(svg, "g")
    among = {p: d for p, d in local.items() if p[0] in place and p[1] in place}
    for (a, b), deals in {**pairs, **among}.items():
        ends = [centre if s == slug else place[s][1:] for s in (a, b)]
        _edge(lines, ends[0], ends[1], deals)
    _node(svg, centre, 0.0, companies[slug].name, None, centre=True)
    for other in others:
        angle, x, y = place[other]
        _node(svg, (x, y), angle, companies[other].name, link(other), radial=radial)
    return _text(svg)


def _text(svg: ET.Element) -> str:
    return ET.tostring(svg, encoding="unicode")


def graph_markup(
    views: Views, link: Callable[..., str], slug: str | None = None, most: int | None = None
) -> Markup:
    """For templates: the network (its ``most`` best-connected companies when given), or
    ``slug``'s neighbourhood, as inline SVG (or empty).

    Markup is right: ElementTree escaped every name and title it wrote.
    """

    def href(other: str) -> str:
        return link("company", other)

    svg = network_svg(views, href, most) if slug is None else neighbourhood_svg(views, slug, href)
    return Markup(svg or "")
