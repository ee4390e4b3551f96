"""Write dossier/render/shipped.py's table of templates again from templates/.

    python tools/shipped_templates.py

Run it after changing a page template in templates/, and check that the page graph
(dossier/render/inputs.py) still lists every input the changed template shows.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def table(templates: Path) -> str:
    from dossier.render.shipped import page_template

    rows = [
        f'    "{name}": "{hashlib.sha256(path.read_bytes()).hexdigest()}",\n'
        for path in sorted(templates.rglob("*"))
        if path.is_file() and page_template(name := path.relative_to(templates).as_posix())
    ]
    return "SHIPPED: dict[str, str] = {\n" + "".join(rows) + "}\n"


def main() -> None:
    module = REPO / "dossier/render/shipped.py"
    text = module.read_text("utf-8")
    updated = re.sub(
        r"SHIPPED: dict\[str, str\] = \{\n.*?\n\}\n", table(REPO / "templates"), text, flags=re.S
    )
    module.write_text(updated, "utf-8")
    print(f"wrote {module.relative_to(REPO)}")


if __name__ == "__main__":
    main()
