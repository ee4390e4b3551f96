"""The briefing book: the PDF opened with pypdf, rendered to PNG, and the scoped books."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from dossier.cli import main


@pytest.fixture(scope="module")
def book(default_site: Path) -> Path:
    """The default corpus's PDF, made once into the default place, site/dossier.pdf."""
    root = default_site.parent
    assert main(["--root", str(root), "pdf"]) == 0
    return root / "site/dossier.pdf"


def artifacts(tmp_path: Path) -> Path:
    out = Path(os.environ.get("DOSSIER_ARTIFACTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    return out


def page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(pdf).pages]


def outline_titles(items: list, depth: int = 0) -> list[tuple[int, str]]:
    titles = []
    for item in items:
        if isinstance(item, list):
            titles += outline_titles(item, depth + 1)
        else:
            titles.append((depth, item.title))
    return titles


def test_pdf_has_cover_contents_sections_and_appendix(book: Path) -> None:
    reader = pypdf.PdfReader(book)
    assert 8 <= len(reader.pages) <= 30
    texts = page_texts(book)
    assert "Companies and deals" in texts[0] and "27 May 2026" in texts[0]
    assert "6 companies · 6 deals · 5 source articles" in texts[0]
    assert "Contents" in texts[1]
    assert "Appendix: sources" in texts[-1]
    assert reader.metadata.title == "Dossier briefing book"
    assert reader.metadata["/CreationDate"].startswith("D:20260527")


def test_footer_says_page_n_of_m_on_every_page_but_the_cover(book: Path) -> None:
    texts = page_texts(book)
    total = len(texts)
    assert f"page 1 of {total}" not in texts[0]
    for n, text in enumerate(texts[1:], start=2):
        assert f"page {n} of {total}" in text, n


def test_outline_mirrors_parts_companies_and_deals(book: Path) -> None:
    titles = outline_titles(pypdf.PdfReader(book).outline)
    top = [t for depth, t in titles if depth == 0]
    assert top == ["Contents", "Executive summary", "Companies", "Deals", "Appendix: sources"]
    nested = {t for depth, t in titles if depth == 1}
    assert {"Xiaomi", "Microsoft", "DeepSeek", "Huawei", "Samsung", "Tencent"} <= nested
    assert "Xiaomi–Microsoft strategic framework MoU on AI, cloud and hardware" in nested
    assert len(titles) == 5 + 6 + 6


def test_cjk_alias_is_real_text(book: Path) -> None:
    assert "小米" in "".join(page_texts(book))


def test_contents_page_numbers_point_at_the_sections(book: Path) -> None:
    texts = page_texts(book)
    contents = texts[1]
    match = re.search(r"Xiaomi[ .]+(\d+)\n", contents)
    assert match, contents
    page = int(match.group(1))
    assert "Also known as: 小米" in texts[page - 1]


def test_every_internal_link_lands_on_a_named_destination(book: Path) -> None:
    reader = pypdf.PdfReader(book)
    names = set(reader.named_destinations)
    targets = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            dest = annot.get("/Dest") or (annot.get("/A") or {}).get("/D")
            if dest is not None:
                targets.append(str(dest))
    assert len(targets) > 40
    missing = sorted({t for t in targets if t not in names})
    assert missing == []
    assert {"company-xiaomi", "deal-xiaomi-microsoft-mou-2018", "contents"} <= names
    assert "(see p. " in "".join(page_texts(book))


def test_same_corpus_gives_the_same_pdf_bytes(book: Path, tmp_path: Path) -> None:
    root = book.parent.parent
    again = tmp_path / "again.pdf"
    assert main(["--root", str(root), "pdf", "--output", str(again)]) == 0
    assert again.read_bytes() == book.read_bytes()


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None and not os.environ.get("CI"),
    reason="needs poppler-utils (.ci/run installs it)",
)
def test_first_pages_as_png_artifacts(book: Path, tmp_path: Path) -> None:
    out = artifacts(tmp_path)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "4", str(book), str(out / "dossier")],
        check=True,
    )
    pngs = sorted(out.glob("dossier-*.png"))
    assert len(pngs) == 4 and all(p.stat().st_size > 5_000 for p in pngs)


def test_company_book_is_that_company_only(default_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "xiaomi.pdf"
    root = default_site.parent
    argv = ["--root", str(root), "pdf", "--company", "xiaomi", "--paper", "letter"]
    assert main([*argv, "--output", str(out)]) == 0
    reader = pypdf.PdfReader(out)
    titles = [t for depth, t in outline_titles(reader.outline) if depth == 1]
    assert "Xiaomi" in titles and "Samsung" not in titles and "Microsoft" not in titles
    assert "Tencent and Samsung joint investment in AI and games" not in titles
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # US Letter


def test_since_keeps_only_what_happened_since(default_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "since.pdf"
    root = default_site.parent
    assert main(["--root", str(root), "pdf", "--since", "2024-01-01", "--output", str(out)]) == 0
    titles = {t for depth, t in outline_titles(pypdf.PdfReader(out).outline) if depth == 1}
    assert "Xiaomi's reported pursuit of DeepSeek" in titles
    assert not any("MoU" in t for t in titles)  # 2018
    assert "Samsung" not in titles  # nothing since 2024


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2030"], "error: nothing to print (since 2030)"),
        (["--company", "acmee"], "error: --company acmee: no such company (did you mean 'acme'?"),
        (["--since", "2024-13"], "error: --since: '2024-13' has month 13"),
    ],
)
def test_bad_selection_is_one_clear_line(
    minimal: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(minimal), "pdf", *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err
    assert not (minimal / "site").exists()


def test_web_links_in_text_are_printed_with_their_address(minimal: Path, tmp_path: Path) -> None:
    company = minimal / "briefings/companies/acme.md"
    text = company.read_text("utf-8").replace(
        "Acme makes anvils.", "Acme makes [anvils](https://example.com/anvils)."
    )
    company.write_text(text, "utf-8")
    out = tmp_path / "acme.pdf"
    assert main(["--root", str(minimal), "pdf", "--company", "acme", "--output", str(out)]) == 0
    flat = " ".join("".join(page_texts(out)).split())
    assert "anvils (https://example.com/anvils)" in flat
    reader = pypdf.PdfReader(out)

    def page_of(anchor: str) -> int:
        return reader.get_destination_page_number(reader.named_destinations[anchor]) + 1

    assert f"Globex acquires Acme (p. {page_of('deal-globex-acme-2024')})" in flat  # tables
    source = page_of("article-wire-2024-05-01-globex-acme")
    assert f"Globex to buy Acme (see p. {source}), The Wire" in flat
