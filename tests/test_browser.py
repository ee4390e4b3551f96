"""The built site in a real headless Chromium (Debian's package; no browser download)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("CI"):
    pytest.fail("chromium is not installed; .ci/run installs Debian's chromium package")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium package")


@pytest.fixture(scope="module")
def base_url(default_site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(default_site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.mark.parametrize(
    "path", ["index.html", "companies/xiaomi.html", "deals/xiaomi-microsoft-mou-2018.html"]
)
def test_page_loads_without_console_errors(
    browser, base_url: str, path: str, tmp_path: Path
) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed request {r.url}"))
    response = page.goto(f"{base_url}/{path}", wait_until="networkidle")
    assert response is not None and response.ok
    assert page.locator("article h1").first.inner_text()
    artifacts = Path(os.environ.get("DOSSIER_ARTIFACTS", tmp_path))
    artifacts.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(artifacts / (path.replace("/", "_") + ".png")), full_page=True)
    page.close()
    assert problems == []


def test_print_view_fits_the_page_in_print_media(browser, base_url: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto(f"{base_url}/print/index.html", wait_until="networkidle")
    page.emulate_media(media="print")
    too_wide = page.evaluate(
        """() => {
        const limit = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > limit + 1)
          .map(e => e.tagName + ' ' + (e.id || e.className) + ' ' + e.textContent.slice(0, 40));
        }"""
    )
    assert page.locator("#company-xiaomi").count() == 1
    assert not page.locator(".site-bar").is_visible()  # the screen-only bar is not printed
    artifacts = Path(os.environ.get("DOSSIER_ARTIFACTS", tmp_path))
    artifacts.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(artifacts / "print-view-chromium.pdf"), format="A4")
    page.close()
    assert too_wide == []
