"""Hostile seeds and links (issue 15): ingest and ``review approve`` never read or write
outside the corpus, never follow a link, never leave half a draft.

Each case makes real links, pipes and files in a small project and runs the command
as a user would, then checks the exact messages and that nothing else changed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.errors import ContentError
from dossier.frontmatter import parse
from dossier.ingest import guard
from dossier.load import Limits

from .conftest import MINIMAL, REPO, write

DEAL = "Globex Corp agreed to buy Initech Ltd for $5 million on Monday. Initech Ltd said so.\n"
FOOTER_INGEST = "Fix them and run again."
FOOTER_BUILD = "Nothing was written; the previous site is unchanged."


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


def briefings(root: Path) -> dict[str, bytes]:
    """Every file in briefings/ (a link: where it points)."""
    return {
        p.relative_to(root).as_posix(): os.readlink(p).encode()
        if p.is_symlink()
        else p.read_bytes()
        for p in sorted((root / "briefings").rglob("*"))
        if p.is_file() or p.is_symlink()
    }


def errors(capsys: pytest.CaptureFixture[str]) -> list[str]:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.splitlines()


def refused(root: Path, capsys: pytest.CaptureFixture[str], *lines: str) -> None:
    """``ingest`` and ``build`` both refuse with exactly ``lines``; nothing is drafted."""
    before = briefings(root)
    assert run(root, "ingest") == 1
    count = f"{len(lines)} problem{'s' if len(lines) > 1 else ''} found."
    assert errors(capsys) == [*lines, f"{count} {FOOTER_INGEST}"]
    assert run(root, "build") == 1
    assert errors(capsys) == [*lines, f"{count} {FOOTER_BUILD}"]
    assert briefings(root) == before
    assert not (root / "site").exists()


# --- 1. links, pipes and folders in seeds/ ---------------------------------------------


def test_link_to_a_file_outside_the_project(minimal: Path, tmp_path: Path, capsys) -> None:
    outside = write(tmp_path, "outside/memo.txt", DEAL)
    (minimal / "seeds/memo.txt").symlink_to(outside)
    refused(
        minimal,
        capsys,
        "seeds/memo.txt: is a link to a file outside the project; ingest never follows links,"
        " nothing was drafted from it (copy the article into seeds/ as a file, then remove the"
        " link)",
    )


def test_link_to_a_secret_inside_the_project(minimal: Path, capsys) -> None:
    write(minimal, ".env", "API_TOKEN=Initech Ltd agreed to buy Globex Corp.\n")
    (minimal / "seeds/notes.txt").symlink_to("../.env")
    refused(
        minimal,
        capsys,
        "seeds/notes.txt: is a link to .env; ingest never follows links, nothing was drafted"
        " from it (copy the article into seeds/ as a file, then remove the link)",
    )
    assert not any(b"API_TOKEN" in raw for raw in briefings(minimal).values())


def test_link_to_etc_passwd_and_a_broken_link(minimal: Path, capsys) -> None:
    (minimal / "seeds/passwd.txt").symlink_to("/etc/passwd")
    (minimal / "seeds/gone.md").symlink_to("nowhere.md")
    refused(
        minimal,
        capsys,
        "seeds/gone.md: is a broken link (it points to nothing); nothing was drafted from it"
        " (remove the link, or put the article file there instead)",
        "seeds/passwd.txt: is a link to a file outside the project; ingest never follows links,"
        " nothing was drafted from it (copy the article into seeds/ as a file, then remove the"
        " link)",
    )


def test_a_named_pipe_is_refused_without_blocking(minimal: Path, capsys) -> None:
    os.mkfifo(minimal / "seeds/pipe.txt")

    def hung(signum: int, frame: object) -> None:
        raise AssertionError("ingest blocked on the named pipe")

    # a read that blocks would hang the test run: an alarm turns that into a failure
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        refused(
            minimal,
            capsys,
            "seeds/pipe.txt: is a named pipe, not a file; nothing was drafted from it (remove"
            " it: seeds/ holds article files only)",
        )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_pipe_that_replaces_a_seed_after_the_listing_is_never_opened(minimal: Path) -> None:
    os.mkfifo(minimal / "seeds/late.txt")
    with pytest.raises(ContentError) as caught:
        guard.read_seed_bytes(minimal, minimal / "seeds/late.txt")  # O_NONBLOCK: no hang
    assert str(caught.value) == "seeds/late.txt: is a named pipe, not a file (remove it)"


def test_seeds_folder_that_is_a_link(minimal: Path, tmp_path: Path, capsys) -> None:
    elsewhere = tmp_path / "elsewhere"
    (minimal / "seeds").rename(elsewhere)
    write(elsewhere, "new.txt", DEAL)
    (minimal / "seeds").symlink_to(elsewhere)
    refused(
        minimal,
        capsys,
        "seeds: is a link; ingest reads and writes only real folders of the project (replace"
        " the link with the folder seeds/ itself)",
    )


def test_briefings_folder_that_is_a_link_is_never_written(
    minimal: Path, tmp_path: Path, capsys
) -> None:
    outside = tmp_path / "outside-companies"
    (minimal / "briefings/companies").rename(outside)
    (minimal / "briefings/companies").symlink_to(outside)
    write(minimal, "seeds/new.txt", DEAL)
    before = sorted(p.name for p in outside.iterdir())
    assert run(minimal, "ingest") == 1
    assert errors(capsys)[0] == (
        "briefings/companies: is a link; ingest reads and writes only real folders of the"
        " project (replace the link with the folder briefings/companies/ itself)"
    )
    assert sorted(p.name for p in outside.iterdir()) == before


def test_a_link_where_a_draft_would_go_is_refused_before_any_write(
    minimal: Path, tmp_path: Path
) -> None:
    victim = write(tmp_path, "victim.md", "precious\n")
    (minimal / "briefings/companies/initech.md").symlink_to(victim)
    targets = [minimal / "briefings/articles/new.md", minimal / "briefings/companies/initech.md"]
    with pytest.raises(ContentError) as caught:
        guard.check_writes(minimal, "seeds/new.txt", dict.fromkeys(targets), Limits())
    assert str(caught.value) == (
        "briefings/companies/initech.md: is a link; ingest writes only regular files, so it"
        " wrote nothing (replace it with the briefing file itself, or remove it)"
    )
    assert not targets[0].exists()
    assert victim.read_text() == "precious\n"


def test_hidden_files_are_not_seeds(minimal: Path, capsys) -> None:
    # an editor's lock file is a broken link named .#FILE
    (minimal / "seeds/.#wire.txt").symlink_to("user@host.1234")
    assert run(minimal, "ingest") == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_refused_seed_leaves_the_last_good_site(minimal: Path, capsys) -> None:
    assert run(minimal, "build") == 0
    page = (minimal / "site/index.html").read_bytes()
    (minimal / "seeds/passwd.txt").symlink_to("/etc/passwd")
    assert run(minimal, "build") == 1
    assert errors(capsys)[-1] == f"1 problem found. {FOOTER_BUILD}"
    assert (minimal / "site/index.html").read_bytes() == page


# --- 1. review approve never writes through a link -------------------------------------


def test_approve_refuses_a_link_to_a_file_outside(minimal: Path, tmp_path: Path, capsys) -> None:
    victim = write(
        tmp_path, "outside/victim.md", "---\nname: Victim\nreview: {status: draft}\n---\nV.\n"
    )
    before = victim.read_bytes()
    (minimal / "briefings/companies/victim.md").symlink_to(victim)
    assert run(minimal, "review", "approve", "victim", "--by", "Ada") == 1
    assert errors(capsys) == [
        "briefings/companies/victim.md: is a link to a file outside the project; review approve"
        " reads and writes only regular files of the project, so nothing was approved (replace"
        " it with the briefing file itself)",
        "1 problem found. Nothing was changed.",
    ]
    assert victim.read_bytes() == before
    assert (minimal / "briefings/companies/victim.md").is_symlink()


def test_approve_refuses_a_link_inside_and_approves_nothing(minimal: Path, capsys) -> None:
    globex = minimal / "briefings/companies/globex.md"
    before = globex.read_bytes()
    (minimal / "briefings/companies/alias.md").symlink_to("globex.md")
    assert run(minimal, "review", "approve", "globex", "alias", "--by", "Ada") == 1
    assert errors(capsys)[0].startswith(
        "briefings/companies/alias.md: is a link to briefings/companies/globex.md; "
    )
    assert globex.read_bytes() == before  # all or nothing


def test_approve_in_a_folder_that_is_a_link(minimal: Path, tmp_path: Path, capsys) -> None:
    outside = tmp_path / "outside-companies"
    (minimal / "briefings/companies").rename(outside)
    (minimal / "briefings/companies").symlink_to(outside)
    before = (outside / "globex.md").read_bytes()
    assert run(minimal, "review", "approve", "globex", "--by", "Ada") == 1
    assert errors(capsys)[0].startswith(
        "briefings/companies/globex.md: is in a folder that is a link; "
    )
    assert (outside / "globex.md").read_bytes() == before


def test_approve_writes_a_regular_file_atomically_and_keeps_its_mode(minimal: Path) -> None:
    globex = minimal / "briefings/companies/globex.md"
    globex.chmod(0o644)
    inode = globex.stat().st_ino
    assert run(minimal, "review", "approve", "globex", "--by", "Ada") == 0
    assert parse("g", globex.read_text("utf-8")).data["review"] == {
        "status": "reviewed",
        "by": "Ada",
    }
    assert globex.stat().st_ino != inode  # replaced by rename, not rewritten in place
    assert globex.stat().st_mode & 0o777 == 0o644
    assert not list(globex.parent.glob(".*.tmp"))


# --- 2. size limits before reading -------------------------------------------------------


def test_an_oversized_seed_is_refused_from_its_size(minimal: Path, capsys) -> None:
    with (minimal / "seeds/huge.txt").open("wb") as handle:
        handle.truncate(5 * 1024 * 1024)  # 5 MiB, sparse: never read
    refused(
        minimal,
        capsys,
        "seeds/huge.txt: is 5,242,880 bytes, over the 5,000,000-byte limit; nothing was"
        " drafted from it (trim the seed to the article's text, or raise --max-file-bytes)",
    )


def test_the_limit_is_the_builds_max_file_bytes(minimal: Path, capsys) -> None:
    write(minimal, "seeds/new.txt", DEAL)
    assert run(minimal, "--max-file-bytes", "50", "ingest") == 1
    assert errors(capsys)[0] == (
        "seeds/new.txt: is 85 bytes, over the 50-byte limit; nothing was drafted from it (trim"
        " the seed to the article's text, or raise --max-file-bytes)"
    )
    assert run(minimal, "--max-file-bytes", "1000", "ingest") == 0


def test_a_200_megabyte_seed_is_refused_fast_in_little_memory(minimal: Path) -> None:
    with (minimal / "seeds/huge.txt").open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    script = (
        "import resource, sys\n"
        "from dossier.cli import main\n"
        "code = main(['--root', sys.argv[1], 'ingest'])\n"
        "print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(minimal)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    code, rss_kib = done.stdout.split()
    assert code == "1"
    assert "seeds/huge.txt: is 209,715,200 bytes, over the 5,000,000-byte limit" in done.stderr
    assert int(rss_kib) < 500 * 1024  # the seed is refused from its size, never read


# --- 3. a failing run drafts nothing ----------------------------------------------------


def test_one_refused_seed_means_nothing_is_drafted(minimal: Path, capsys) -> None:
    write(minimal, "seeds/good.txt", DEAL)
    write(minimal, "seeds/blank.txt", "  \n\t\n\u200b\n")
    write(minimal, "seeds/empty.txt", "")
    refused(
        minimal,
        capsys,
        "seeds/blank.txt: holds only whitespace; nothing was drafted from it (put the article's"
        " text in it, or delete it)",
        "seeds/empty.txt: is empty; nothing was drafted from it (put the article's text in it,"
        " or delete it)",
    )
    (minimal / "seeds/blank.txt").unlink()
    (minimal / "seeds/empty.txt").unlink()
    assert run(minimal, "build") == 0
    assert "Untitled article" not in (minimal / "site/index.html").read_text("utf-8")


def test_a_seed_whose_drafts_check_would_refuse_is_not_drafted(minimal: Path, capsys) -> None:
    # under the size limit, but one 300 KB "sentence", over --max-body-chars when quoted
    seed = "Globex Corp agreed to buy Initech Ltd" + " and so on" * 30_000
    write(minimal, "seeds/long.txt", seed)
    before = briefings(minimal)
    assert run(minimal, "ingest") == 1
    lines = errors(capsys)
    assert lines[0].startswith(
        "seeds/long.txt: its draft briefings/companies/initech.md would not pass check (text"
        " below the front matter is 300,"
    )
    assert lines[0].endswith(
        "; nothing was drafted from it (trim the seed to the article's text, in sentences and"
        " paragraphs)"
    )
    assert briefings(minimal) == before
    (minimal / "seeds/long.txt").unlink()
    assert run(minimal, "build") == 0  # nothing half-drafted is left behind


def test_a_page_without_article_text_is_refused(minimal: Path, capsys) -> None:
    write(
        minimal,
        "seeds/nav.html",
        "<html><head><title>Nothing</title></head><body><script>x()</script></body></html>\n",
    )
    assert run(minimal, "ingest") == 1
    assert errors(capsys)[0] == (
        "seeds/nav.html: has no article text; nothing was drafted from it (save the article"
        " page itself, or paste its text into a .txt seed)"
    )
    assert not any("nav" in p for p in briefings(minimal))


# --- 4. file names -----------------------------------------------------------------------


def test_a_seed_name_that_is_not_utf8(minimal: Path, capsys) -> None:
    name = os.path.join(os.fsencode(minimal / "seeds"), b"\xff\xfe.txt")
    with open(name, "wb") as handle:
        handle.write(DEAL.encode())
    refused(
        minimal,
        capsys,
        "seeds/\\xff\\xfe.txt: file name is not valid UTF-8 (rename the file, e.g. to letters,"
        " digits and hyphens)",
    )


def test_a_seed_name_with_a_bidi_override_or_newline(minimal: Path, capsys) -> None:
    write(minimal, "seeds/report\u202etxt.exe.txt", DEAL)
    write(minimal, "seeds/two\nlines.txt", DEAL)
    hint = " (rename the file, e.g. to letters, digits and hyphens)"
    what = ": file name holds a control, bidirectional or invisible character (shown escaped)"
    refused(
        minimal,
        capsys,
        f"seeds/report\\u202etxt.exe.txt{what}{hint}",
        f"seeds/two\\u000alines.txt{what}{hint}",
    )


def test_a_briefing_name_that_is_not_utf8(minimal: Path, capsys) -> None:
    name = os.path.join(os.fsencode(minimal / "briefings/companies"), b"acme\xe9.md")
    with open(name, "wb") as handle:
        handle.write(b"---\nname: X\nreview: {status: draft}\n---\nX.\n")
    assert run(minimal, "check") == 1
    assert errors(capsys) == [
        "briefings/companies/acme\\xe9.md: file name is not valid UTF-8 (rename it to a slug:"
        " lowercase letters, digits, hyphens)",
        f"1 problem found. {FOOTER_INGEST}",
    ]


# --- 5. invisible characters --------------------------------------------------------------


def test_a_zero_width_space_does_not_make_a_second_name(minimal: Path, capsys) -> None:
    write(
        minimal,
        "briefings/companies/acme-2.md",
        '---\nname: "Acme\u200b"\nreview: {status: draft}\n---\nAnother Acme.\n',
    )
    assert run(minimal, "check") == 1
    assert errors(capsys)[0] == (
        "briefings/companies/acme.md:2: name: 'Acme' is also a name of company 'acme-2'"
        " ('Acme\u200b') (merge the two profiles or remove the duplicate name)"
    )


def test_a_zero_width_space_inside_a_name_in_a_seed(minimal: Path) -> None:
    text = "Xi\u200baomi Corp agreed to buy Initech Ltd on Monday. Xi\u200baomi Corp is large.\n"
    write(minimal, "seeds/zw.txt", text)
    assert run(minimal, "ingest") == 0
    names = {
        parse(p.name, p.read_text("utf-8")).data["name"]
        for p in (minimal / "briefings/companies").glob("*.md")
    }
    assert "Xiaomi Corp" in names or "Xiaomi" in names
    assert not any(n.startswith("Xi") and "aomi" not in n for n in names)
    deal = next((minimal / "briefings/deals").glob("xiaomi-*.md"))
    quote = parse(deal.name, deal.read_text("utf-8")).data["sources"][0]["quote"]
    assert "\u200b" not in quote  # and check passed: the quote matches the seed


# --- 6. smaller: <base href>, front matter that is not, empty briefing ----------------------


def test_base_href_is_not_the_article_url_or_outlet(minimal: Path) -> None:
    write(
        minimal,
        "seeds/saved.html",
        """\
        <html><head><base href="https://cdn.evil.example/assets/">
        <title>Globex to buy Initech</title></head>
        <body><article><h1>Globex to buy Initech</h1>
        <p>Globex Corp agreed to buy Initech Ltd for $5 million, the companies said on Monday
        in a joint statement to investors.</p>
        <p>Initech Ltd makes printers and staplers for offices across the region and abroad.</p>
        </article></body></html>
        """,
    )
    assert run(minimal, "ingest") == 0
    article = next(
        p for p in (minimal / "briefings/articles").glob("*.md") if "saved.html" in p.read_text()
    )
    data = parse(article.name, article.read_text("utf-8")).data
    assert "url" not in data
    assert "evil" not in str(data.get("outlet", ""))


def test_a_txt_seed_between_rules_keeps_its_headline(minimal: Path, capsys) -> None:
    write(minimal, "seeds/ruled.txt", "---\nGlobex to buy Initech in big deal\n---\n" + DEAL)
    assert run(minimal, "ingest") == 0
    titles = [
        parse(p.name, p.read_text("utf-8")).data["title"]
        for p in (minimal / "briefings/articles").glob("*.md")
    ]
    assert "Globex to buy Initech in big deal" in titles


def test_a_txt_seed_with_what_looks_like_front_matter_is_text_with_a_warning(
    minimal: Path, capsys
) -> None:
    write(minimal, "seeds/fm.txt", "---\ntitle: Globex news\n---\n" + DEAL)
    assert run(minimal, "ingest") == 0
    assert (
        "warning: seeds/fm.txt:1: starts with --- lines like front matter, but a .txt seed is"
        " plain text: they were read as part of the article (save it as .md to give title, url,"
        " outlet, author, published or language)"
    ) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("front", "warning"),
    [
        (
            "---\nGlobex to buy Initech in big deal\n---\n",
            "seeds/fm.md:2: front matter is a single value, not a set of fields, so the whole"
            " file was read as article text",
        ),
        (
            "---\nlayout: post\n---\n",
            "seeds/fm.md:2: front matter has the unknown key 'layout', so the whole file was read"
            " as article text",
        ),
    ],
)
def test_md_front_matter_that_is_not_fields_is_text_with_a_warning(
    minimal: Path, capsys, front: str, warning: str
) -> None:
    write(minimal, "seeds/fm.md", front + DEAL)
    assert run(minimal, "ingest") == 0
    out = capsys.readouterr().out
    assert f"warning: {warning} (a seed's front matter holds only title, url, outlet," in out
    assert any("initech" in p.name for p in (minimal / "briefings/companies").glob("*.md"))


def test_md_front_matter_of_a_blog_page_keeps_its_fields(minimal: Path, capsys) -> None:
    """A page saved from a static site: its other keys are ignored, its date is used."""
    front = "---\ntitle: Globex news\nlayout: post\ntags: [deals]\ndate: 2024-06-07 09:00\n---\n"
    write(minimal, "seeds/fm.md", front + DEAL)
    assert run(minimal, "ingest") == 0
    out = capsys.readouterr().out
    assert "warning: seeds/fm.md:3: front matter keys 'layout', 'tags' are not a seed's" in out
    (article,) = [
        p for p in (minimal / "briefings/articles").glob("*.md") if "fm.md" in p.read_text()
    ]
    text = article.read_text("utf-8")
    assert "title: Globex news" in text and "published: '2024-06-07'" in text
    assert "layout" not in text


def test_md_front_matter_that_is_not_valid_yaml_is_read_line_by_line(minimal: Path, capsys) -> None:
    """A scraper's front matter with a value indented by tabs: the seed is not refused
    (that would hold back every other seed); its one-line fields are read, the rest
    ignored, and a warning names the line YAML stopped at."""
    front = (
        "---\n"
        'title: "Globex to buy Initech"\n'
        "author: \n"
        "\t\tJane Roe jane@example.com\n"
        "published_at: 2024-06-07 09:00\n"
        "---\n"
    )
    write(minimal, "seeds/scraped.md", front + DEAL)
    write(minimal, "seeds/clean.md", "---\ntitle: Initech news\n---\n" + DEAL)
    assert run(minimal, "ingest") == 0
    out = capsys.readouterr().out
    assert (
        "warning: seeds/scraped.md:4: front matter is not valid YAML (found"
        " character that cannot start any token), so only its one-line fields were read"
        " (fix that line to have every field read as written)"
    ) in out
    (article,) = [
        p
        for p in (minimal / "briefings/articles").glob("*.md")
        if "seeds/scraped.md" in p.read_text()
    ]
    text = article.read_text("utf-8")
    assert "title: Globex to buy Initech" in text and "published: '2024-06-07'" in text
    assert "jane@example.com" not in text


def test_extra_front_matter_keys_are_one_warning_not_one_per_seed(minimal: Path, capsys) -> None:
    """Five pages of one blog and one of another carry keys no seed has: one line names
    the first three seeds, counts the rest and says how many seeds had each key, the
    most usual first; another kind of warning keeps its own line; a draft made again
    from ingest's cache warns again."""
    for n in range(5):
        front = f"---\ntitle: Globex news {n}\nlayout: post\ntags: [deals]\n---\n"
        write(minimal, f"seeds/blog{n}.md", front + DEAL)
    write(minimal, "seeds/other.md", "---\ntitle: Globex again\nimage: a.png\n---\n" + DEAL)
    write(minimal, "seeds/text.md", "---\nGlobex to buy Initech\n---\n" + DEAL)
    hint = (
        "(a seed's front matter holds title, url, outlet, author, published, language, or a"
        " usual other name of one such as date, pubDate or permalink (docs/ingest.md lists"
        " them))"
    )
    for _ in range(2):
        assert run(minimal, "ingest") == 0
        warnings = [x for x in capsys.readouterr().out.splitlines() if x.startswith("warning")]
        assert warnings[0] == (
            "warning: 6 seeds (seeds/blog0.md:3, seeds/blog1.md:3, seeds/blog2.md:3 and 3"
            " more): front matter keys that are no seed's were ignored: 'layout' (5),"
            f" 'tags' (5), 'image' (1) {hint}"
        )
        assert len(warnings) == 2 and warnings[1].startswith(
            "warning: seeds/text.md:2: front matter is a single value"
        )
        for article in (minimal / "briefings/articles").glob("*.md"):
            if "seeds/blog" in article.read_text() or "seeds/other" in article.read_text():
                article.unlink()  # the next round drafts them again, from the cache
    assert any((minimal / ".dossier/ingest/outcomes").iterdir())


def test_one_seeds_extra_keys_are_named_in_its_own_warning(minimal: Path, capsys) -> None:
    write(minimal, "seeds/other.md", "---\ntitle: Globex again\nlayout: page\n---\n" + DEAL)
    assert run(minimal, "ingest") == 0
    assert (
        "warning: seeds/other.md:3: front matter key 'layout' is not a seed's, so it was"
        " ignored (a seed's front matter holds title"
    ) in capsys.readouterr().out


# --- the loader never reads an article's seed: through a link --------------------------

ARTICLE = "briefings/articles/wire-2024-05-01-globex-acme.md"
SEED_LINE = f"{ARTICLE}:3: seed: seeds/wire.txt"
NOT_READ = "; a seed is never read through a link, so its quotes were not checked"
LINK_HINT = " (copy the article into seeds/ as a file, then remove the link)"


def checked(root: Path, capsys: pytest.CaptureFixture[str], *lines: str) -> None:
    """``check`` refuses with exactly ``lines``."""
    assert run(root, "check") == 1
    out = errors(capsys)
    assert out == [*lines, f"{len(lines)} problem{'s' * (len(lines) > 1)} found. {FOOTER_INGEST}"]


def test_a_seed_that_links_to_a_secret_inside_the_project(minimal: Path, capsys) -> None:
    # the quote "Globex has agreed to buy Acme." is in .env: reading it would pass check
    write(minimal, ".env", "API_TOKEN=s3cret Globex has agreed to buy Acme.\n")
    (minimal / "seeds/wire.txt").unlink()
    (minimal / "seeds/wire.txt").symlink_to("../.env")
    checked(minimal, capsys, f"{SEED_LINE} is a link to .env{NOT_READ}{LINK_HINT}")
    assert run(minimal, "build") == 1
    err = capsys.readouterr().err
    assert "s3cret" not in err and "seeds/wire.txt: is a link to .env" in err  # from ingest
    assert not (minimal / "site").exists()


def test_a_seed_that_links_outside_or_nowhere(minimal: Path, tmp_path: Path, capsys) -> None:
    (minimal / "seeds/wire.txt").unlink()
    (minimal / "seeds/wire.txt").symlink_to(write(tmp_path, "wire.txt", MINIMAL["seeds/wire.txt"]))
    checked(
        minimal, capsys, f"{SEED_LINE} is a link to a file outside the project{NOT_READ}{LINK_HINT}"
    )
    (minimal / "seeds/wire.txt").unlink()
    (minimal / "seeds/wire.txt").symlink_to("gone.txt")
    checked(
        minimal, capsys, f"{SEED_LINE} is a broken link (it points to nothing){NOT_READ}{LINK_HINT}"
    )


def test_a_seed_in_a_seeds_folder_that_is_a_link(minimal: Path, capsys) -> None:
    (minimal / "seeds").rename(minimal / "notes")
    (minimal / "seeds").symlink_to("notes")
    checked(
        minimal,
        capsys,
        f"{SEED_LINE} is in a folder that is a link (seeds){NOT_READ} (replace the link with"
        " the folder seeds/ itself)",
    )


@pytest.mark.parametrize("seed", ["seeds/..", "seeds/."])
def test_a_seed_path_that_is_not_a_file_in_seeds(minimal: Path, capsys, seed: str) -> None:
    article = minimal / ARTICLE
    article.write_text(article.read_text().replace("seeds/wire.txt", seed))
    checked(
        minimal,
        capsys,
        f"{ARTICLE}:3: seed: {seed} is not a file in seeds/; a seed is read only from there"
        " (write seeds/FILENAME, the article's file in seeds/)",
    )


def test_a_seed_that_is_a_pipe_is_not_opened(minimal: Path, capsys) -> None:
    (minimal / "seeds/wire.txt").unlink()
    os.mkfifo(minimal / "seeds/wire.txt")
    checked(
        minimal,
        capsys,
        f"{SEED_LINE} is not a file (a folder, pipe or device); it was not read (put the"
        " article's file there)",
    )


def test_a_briefing_that_links_inside_the_project_is_refused(minimal: Path, capsys) -> None:
    (minimal / "briefings/companies/acme.md").rename(minimal / "acme.md")
    (minimal / "briefings/companies/acme.md").symlink_to("../../acme.md")
    checked(
        minimal,
        capsys,
        "briefings/companies/acme.md: is a link to acme.md; a briefing is never read through a"
        " link (copy the file into briefings/ instead)",
    )


# --- ingest never reads a briefing through a link ---------------------------------------

INGEST_LINK = (
    "; ingest never reads a briefing through a link, so nothing was drafted (replace the link"
    " with the briefing file itself, or remove it)"
)


def test_ingest_reports_a_briefing_that_is_a_link(minimal: Path, tmp_path: Path, capsys) -> None:
    victim = write(tmp_path, "victim.md", "---\nname: Victim\nreview: {status: draft}\n---\nV.\n")
    (minimal / "briefings/companies/victim.md").symlink_to(victim)
    write(minimal, ".env", "---\nname: Secret\nreview: {status: draft}\n---\nAPI_TOKEN=x\n")
    (minimal / "briefings/deals/env.md").symlink_to("../../.env")
    (minimal / "briefings/articles/gone.md").symlink_to("nowhere.md")
    write(minimal, "seeds/new.txt", DEAL)
    before = briefings(minimal)
    assert run(minimal, "ingest") == 1
    assert errors(capsys) == [
        f"briefings/articles/gone.md: is a broken link (it points to nothing){INGEST_LINK}",
        f"briefings/companies/victim.md: is a link to a file outside the project{INGEST_LINK}",
        f"briefings/deals/env.md: is a link to .env{INGEST_LINK}",
        f"3 problems found. {FOOTER_INGEST}",
    ]
    assert briefings(minimal) == before
    assert victim.read_text() == "---\nname: Victim\nreview: {status: draft}\n---\nV.\n"


def test_ingest_never_reads_a_linked_briefing(minimal: Path, monkeypatch) -> None:
    """Not even to learn its companies: the file behind the link is never opened."""
    from dossier.ingest import state
    from dossier.ingest.run import _seed_uses
    from dossier.memo import BuildMemo

    (minimal / "briefings/companies/acme.md").rename(minimal / "acme.md")
    (minimal / "briefings/companies/acme.md").symlink_to("../../acme.md")
    opened: list[str] = []
    real_open = os.open
    monkeypatch.setattr(
        state.os, "open", lambda p, *a, **k: opened.append(str(p)) or real_open(p, *a, **k)
    )
    found = state.read_state(minimal)
    assert "acme" not in found.companies
    assert [p.path for p in found.problems] == ["briefings/companies/acme.md"]
    assert opened and str(minimal / "briefings/companies/acme.md") not in opened
    assert _seed_uses(minimal, BuildMemo())  # the article is still read; the link is skipped


# --- pdf never writes through a link ----------------------------------------------------

PDF_NOTHING = "; pdf never writes through a link, so nothing was written"


def test_pdf_refuses_a_site_folder_that_is_a_link(minimal: Path, tmp_path: Path, capsys) -> None:
    outside = tmp_path / "outside-site"
    outside.mkdir()
    (minimal / "site").symlink_to(outside)
    assert run(minimal, "pdf") == 1
    assert errors(capsys) == [
        f"error: site/dossier.pdf: is in a folder that is a link (site){PDF_NOTHING} (replace"
        " the link site with a real folder, or choose another --output)"
    ]
    assert list(outside.iterdir()) == []


def test_pdf_refuses_a_target_that_is_a_link(minimal: Path, tmp_path: Path, capsys) -> None:
    victim = write(tmp_path, "victim.txt", "precious\n")
    (minimal / "site").mkdir()
    (minimal / "site/dossier.pdf").symlink_to(victim)
    assert run(minimal, "pdf") == 1
    assert errors(capsys) == [
        f"error: site/dossier.pdf: is a link to a file outside the project{PDF_NOTHING} (remove"
        " the link, or choose another --output)"
    ]
    (tmp_path / "book.pdf").symlink_to(minimal / "briefings/companies/acme.md")
    assert run(minimal, "pdf", "--output", str(tmp_path / "book.pdf")) == 1
    assert errors(capsys) == [
        f"error: {tmp_path / 'book.pdf'}: is a link to briefings/companies/acme.md{PDF_NOTHING}"
        " (remove the link, or choose another --output)"
    ]
    assert victim.read_text() == "precious\n"
    assert (minimal / "briefings/companies/acme.md").read_text().startswith("---\nname: Acme")


def test_pdf_replaces_its_file_atomically(minimal: Path, capsys) -> None:
    target = write(minimal, "site/dossier.pdf", "old\n")
    inode = target.stat().st_ino
    assert run(minimal, "pdf") == 0
    assert capsys.readouterr().out.startswith("wrote site/dossier.pdf: ")
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_ino != inode
    assert [p.name for p in target.parent.iterdir()] == ["dossier.pdf"]  # no temporary left


# --- a zero-width character in a known company's name or in a seed ------------------------


def test_finder_ignores_zero_width_characters() -> None:
    from dossier.ingest.entities import Finder
    from dossier.ingest.types import KnownCompany

    finder = Finder([KnownCompany("xiaomi", "Xiaomi", ("Xiaomi\u200b",))])
    assert [m.slug for m in finder.mentions("Xiaomi agreed to buy Initech.")] == ["xiaomi"]
    assert finder.slug_of("Xi\u200baomi") == "xiaomi"


@pytest.mark.parametrize(
    ("alias", "seed_name"), [("Xiaomi\u200b", "Xiaomi"), ("Xiaomi", "Xi\u200baomi\u200b")]
)
def test_a_known_company_is_found_whatever_zero_width_characters(
    minimal: Path, alias: str, seed_name: str
) -> None:
    write(
        minimal,
        "briefings/companies/xiaomi.md",
        f'---\nname: Xiaomi Corporation\naliases: ["{alias}"]\nreview: {{status: reviewed}}\n'
        "---\nXiaomi makes phones.\n",
    )
    write(
        minimal,
        "seeds/zw.txt",
        f"{seed_name} agreed to buy Initech Ltd for $5 million on Monday. {seed_name} said so.\n",
    )
    assert run(minimal, "ingest") == 0
    (article,) = [
        p for p in (minimal / "briefings/articles").glob("*.md") if "seeds/zw.txt" in p.read_text()
    ]
    assert "xiaomi" in parse(article.name, article.read_text("utf-8")).data["companies"]
    drafted = {p.stem for p in (minimal / "briefings/companies").glob("*.md")}
    assert drafted == {"acme", "globex", "xiaomi", "initech"}  # no second Xiaomi
    assert run(minimal, "check") == 0
