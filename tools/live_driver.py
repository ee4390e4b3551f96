"""Drives serve's rebuilds without a server, for tests/test_live.py and the benchmark.

    python tools/live_driver.py ROOT SITE_DIR [STEPS.json]

Builds ROOT into SITE_DIR as `mkdocs serve` does (same hooks, same site_url), then for
each step in STEPS.json (a list of lists of [path, text or null]) writes those files
(null deletes) and runs the rebuild the server would run. Prints one JSON line for the
first build, {"written": int, "reused": int} (pages wrapped in the theme, pages taken
from the page cache), then one per step: {"in_place": bool, "fallback": why the
server built in full or null, "seconds": float, "background_seconds": float}. After an
in-place rebuild the search index, exports and print view are written in the
background; "seconds" ends when the pages are written (when the browser reloads), and
the background work is waited for here so every file can be compared. The first
line also says what the server holds after it: "held", the characters of page HTML and
generated files' text still in MkDocs's objects (written already: none should be), and
"export_records", the records whose export text its memos keep for the first save.
"""

from __future__ import annotations

import cProfile
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

SERVE_URL = "http://127.0.0.1:8000/"


def main(root: Path, site_dir: Path, steps: list[list[tuple[str, str | None]]]) -> None:
    from dossier import engine, serving
    from dossier.mkdocs_session import load_config, run_build

    profile = os.environ.get("DOSSIER_PROFILE")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")

    def config():  # what `mkdocs serve` builds with
        return load_config(root / "mkdocs.yml", site_dir, site_url=SERVE_URL)

    first = config()
    first.plugins.on_startup(command="serve", dirty=False)
    run_build(first, serve_url=SERVE_URL)
    server = serving.running()
    stats = engine.last_build_stats()
    first_line = {
        "written": stats.written,
        "reused": stats.reused,
        "held": held(server),
        "export_records": len(server.exports.records.now),
    }
    print(json.dumps(first_line), flush=True)
    for number, step in enumerate(steps, 1):
        for rel, text in step:
            path = root / rel
            if text is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, "utf-8")

        def full() -> None:
            run_build(config(), serve_url=SERVE_URL)

        started = time.monotonic()
        if profile:  # DOSSIER_PROFILE=FILE: a cProfile of each rebuild, in FILE.1, FILE.2 …
            with cProfile.Profile() as prof:
                fallback = server.rebuild(root, full)
            prof.dump_stats(f"{profile}.{number}")
        else:
            fallback = server.rebuild(root, full)
        took = time.monotonic() - started
        server.wait_for_background()
        rest = time.monotonic() - started - took
        report = {
            "in_place": fallback is None,
            "fallback": fallback,
            "seconds": round(took, 3),
            "background_seconds": rest,
            "held": held(server),
        }
        print(json.dumps(report), flush=True)


def held(server: Any) -> int:
    """Characters of text the served MkDocs session still holds once everything is written."""
    if server.live is None:
        return 0
    files = server.live.session.files
    pages = sum(len(f.page.content or "") for f in files.documentation_pages() if f.page)
    generated = [f for f in files if f.generated_by and not f.is_documentation_page()]
    return pages + sum(len(f.content_bytes) for f in generated)


if __name__ == "__main__":
    steps = json.loads(Path(sys.argv[3]).read_text("utf-8")) if len(sys.argv) > 3 else []
    main(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve(), steps)
