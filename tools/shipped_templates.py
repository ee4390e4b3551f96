"""Write dossier/render/shipped.py's tables of templates again from templates/.

    python tools/shipped_templates.py

Run it after changing a template in templates/, and check that the page graph
(dossier/render/inputs.py) still lists every input the changed template shows (for
the print templates: that ``PageGraph.book`` covers what the book shows).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def table(templates: Path, pages: bool = True) -> str:
    from dossier.render.shipped import page_template

    rows = [
        f'    "{name}": "{hashlib.sha256(path.read_bytes()).hexdigest()}",\n'
        for path in sorted(templates.rglob("*"))
        if path.is_file() and page_template(name := path.relative_to(templates).as_posix()) == pages
    ]
    return f"{'' if pages else 'PRINT_'}SHIPPED: dict[str, str] = {{\n" + "".join(rows) + "}\n"


def main() -> None:
    module = REPO / "dossier/render/shipped.py"
    text = module.read_text("utf-8")
    for pages, name in ((True, "SHIPPED"), (False, "PRINT_SHIPPED")):
        text = re.sub(
            rf"^{name}: dict\[str, str\] = \{{\n.*?\n\}}\n",
            lambda _, pages=pages: table(REPO / "templates", pages),
            text,
            flags=re.S | re.M,
        )
    module.write_text(text, "utf-8")
    print(f"wrote {module.relative_to(REPO)}")


if __name__ == "__main__":
    main()
