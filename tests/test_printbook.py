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
from dossier.load import load_corpus
from dossier.printbook.pagenumbers import fill_in_place


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


def flat(text: str) -> str:
    return " ".join(text.split())  # figure spaces pad page numbers; line breaks split titles


def test_contents_page_numbers_point_at_the_sections(book: Path) -> None:
    texts = page_texts(book)
    contents = texts[1]
    match = re.search(r"Xiaomi[ .]+(\d+)\n", contents)
    assert match, contents
    page = int(match.group(1))
    assert "Also known as: 小米" in texts[page - 1]


def test_every_contents_entry_gives_the_page_where_its_heading_is(book: Path) -> None:
    """Parts run over several pages: the contents gives the first, where the heading is."""
    reader = pypdf.PdfReader(book)
    texts = page_texts(book)
    lines = [[line.strip() for line in text.splitlines()] for text in texts]
    corpus = load_corpus(book.parent.parent)
    entries = {
        "summary": "Executive summary",
        "companies": "Companies",
        "deals": "Deals",
        "sources": "Appendix: sources",
        **{f"company-{c.slug}": c.name for c in corpus.companies.values()},
        **{f"deal-{d.slug}": d.title for d in corpus.deals.values()},
    }
    contents = flat(texts[1])
    for anchor, title in entries.items():
        match = re.search(re.escape(flat(title)) + r"[ .]+?(\d+)(?!\d)", contents)
        assert match, (title, contents)
        page = int(match.group(1))
        assert flat(title) in flat(texts[page - 1]), (title, page)
        if ":" not in anchor and "-" not in anchor:  # a part: its heading is a line of its own
            heading_pages = [n for n, page_lines in enumerate(lines, 1) if title in page_lines]
            assert heading_pages[0] == page, (title, page, heading_pages)
        destination = reader.get_destination_page_number(reader.named_destinations[anchor])
        assert destination + 1 == page, (anchor, page)
    assert len(entries) == 4 + 6 + 6


def test_every_cross_reference_gives_the_page_of_its_target(book: Path) -> None:
    reader = pypdf.PdfReader(book)
    text = flat("".join(page_texts(book)))
    corpus = load_corpus(book.parent.parent)
    targets = {
        **{f"company-{c.slug}": c.name for c in corpus.companies.values()},
        **{f"deal-{d.slug}": d.title for d in corpus.deals.values()},
        **{f"article-{a.slug}": a.title for a in corpus.articles.values()},
    }

    def bare(text: str) -> str:  # a title broken over two lines comes back with a space
        return re.sub(r"\s", "", text)

    page_of = {
        bare(title): reader.get_destination_page_number(reader.named_destinations[anchor]) + 1
        for anchor, title in targets.items()
        if anchor in reader.named_destinations
    }
    checked = 0
    for match in re.finditer(r" \((?:see )?p\. (\d+)\)", text):
        before = re.sub(
            r" \((?:rumored|announced|agreed|completed|terminated)\)$", "", text[: match.start()]
        )  # a timeline's label names the deal's status
        # The longest title the text ends with ("Xiaomi's reported pursuit of DeepSeek",
        # not "DeepSeek").
        title = max((t for t in page_of if bare(before).endswith(t)), key=len, default=None)
        assert title is not None, before[-80:]
        assert int(match.group(1)) == page_of[title], (title, match.group(0), page_of[title])
        checked += 1
    assert checked > 40


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


def test_numbers_filled_in_place_match_a_second_layout(
    minimal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF's page numbers are written into the laid-out book; without that (another
    WeasyPrint), the book is laid out again with them: both give the same pages."""
    from dossier.printbook import pdf

    filled, again = tmp_path / "filled.pdf", tmp_path / "again.pdf"
    calls: list[bool] = []

    def spy(document: object, numbers: object) -> bool:
        calls.append(fill_in_place(document, numbers))
        return calls[-1]

    monkeypatch.setattr(pdf, "fill_in_place", spy)
    assert main(["--root", str(minimal), "pdf", "--output", str(filled)]) == 0
    monkeypatch.setattr(pdf, "fill_in_place", lambda document, numbers: False)
    assert main(["--root", str(minimal), "pdf", "--output", str(again)]) == 0
    assert calls == [True]
    assert page_texts(filled) == page_texts(again)
    assert re.search(r"Acme[ .]+\d+\n", page_texts(filled)[1])
