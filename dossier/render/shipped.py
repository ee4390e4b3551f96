"""The templates the page graph (inputs.py) was written for, as Dossier ships them.

The graph knows what each shipped template shows. A project whose templates/ differ
(a page template edited, a partial added) may show anything: its pages are rendered in
full on every build and every save under serve, and the build says so. The print
templates are not pages and take no part; their own table (``PRINT_SHIPPED``) says
whether the print view's key (inputs.py's ``book``) covers what they show, else the
print view is made again on every build. ``python tools/shipped_templates.py`` writes
these tables again after a change to templates/ (tests/test_page_graph.py checks them).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

SHIPPED: dict[str, str] = {
    "_macros.html.j2": "c7b1fbc12c6bec49a1eb499ccbc6e1175a4ad8cd79f999c29d026e3fbd5e3968",
    "article.html.j2": "84999f496bab0619fcd7001181273a1b9e7b67cc9d8c4f225be0d9a18e4ebe22",
    "articles.html.j2": "4595871169ef32633c02ddac93cdb8b488d8b46f6175a4c87f944b6a7974e521",
    "articles_year.html.j2": "b92bb34f74394260bc6ca10740aac1e3b577184b1f127d1ebec245b57e09f248",
    "changes.html.j2": "02c13182915ea8c2d01042259f5ba10524492bcede597eca1eb94e4cc6bfdcab",
    "companies.html.j2": "ea140fe04a594226e27c38dca674e124c7670defb1b2c3bcf95a3ef8217abc22",
    "company.html.j2": "567d0ef1ae2cc241ac65ddbb942594d5dbd85da9a5028e39674f2b6e8222e217",
    "deal.html.j2": "bf4ba5589a0292c4a13b515c5983fe410cc84dbab0f7c67961ae24eeae7939a5",
    "deals.html.j2": "67386f75f466c7282f9e1298687d8b12c9f322571cbcdccb32dfd8bf18f3385b",
    "home.html.j2": "ecbcfc7062b97f4e7f0931682cde7880c3842947b11b9f41a71933750e9dde42",
    "network.html.j2": "307027fa3309ffa450dd9d86a2aacfd9386e3679c2360423756a331d83d6846f",
    "review.html.j2": "685368eb102ac5aedbd71f91c3b5d1f4875942f3bdff8cadc51d1ba6581d798d",
    "timeline.html.j2": "224391a9f3c69b1aed7a1c627fbaca64c15a2b3e0465c2753b139b90e3c0d7ed",
    "timeline_year.html.j2": "e61dae74d5728c12c567c3b32262e97d2c792b8c367c4e7be5c83fbb7fb54ae7",
    "topic.html.j2": "2aefdf4fef71f53cc345b275b9ad74b3c318741413eb28d469bad0c3c3bca1bb",
    "topics.html.j2": "3b3285a6ea56ca0195e042f589bfe635c2893f19ac5e4bfe375845c6d74890dd",
}

PRINT_SHIPPED: dict[str, str] = {
    "_print.css.j2": "e207e1872ca25aa3404ade90f7fa1077761f6f79e8cd1cabace3a56158ac34ff",
    "print.html.j2": "afefe0aa1c0c0ebd8e7f4b2b64d3cc6db9bb513af3cd83979fec210e57b15038",
}


def page_template(name: str) -> bool:
    """A template pages are rendered from or import (the print view's are not)."""
    return not name.split("/")[-1].lstrip("_").startswith("print")


def custom_templates(templates: Path, pages: bool = True) -> list[str]:
    """Page templates in ``templates`` (else the print view's) that are not as shipped
    (edited, added, removed)."""
    shipped = SHIPPED if pages else PRINT_SHIPPED
    found: dict[str, str] = {}
    for path in sorted(templates.rglob("*")) if templates.is_dir() else ():
        name = path.relative_to(templates).as_posix()
        if path.is_file() and page_template(name) == pages:
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sorted(n for n in found.keys() | shipped.keys() if found.get(n) != shipped.get(n))
