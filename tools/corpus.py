"""Project copies and generated corpora, shared by the tests and the benchmarks.

Neither imports the other: what both need lives here (``copy_project`` for a scratch
copy of the repository's corpus, ``MINIMAL`` for a small valid one, ``generate`` for a
corpus of any size).
"""

from __future__ import annotations

import hashlib
import shutil
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("briefings", "seeds", "templates", "static", "mkdocs.yml")
SITE_PARTS = ("templates", "static", "mkdocs.yml")  # everything but the corpus


def copy_project(dest: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """The repository's corpus, templates and config, copied so a test may change them."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    (dest / "dossier").symlink_to(REPO / "dossier")  # mkdocs.yml names the hook by path
    return dest


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


MINIMAL = {
    "briefings/companies/acme.md": """
        ---
        name: Acme
        aliases: [ACME Corp]
        review: {status: reviewed}
        ---
        Acme makes anvils.
        """,
    "briefings/companies/globex.md": """
        ---
        name: Globex
        review: {status: draft}
        ---
        Globex buys things.
        """,
    "briefings/articles/wire-2024-05-01-globex-acme.md": """
        ---
        title: Globex to buy Acme
        seed: seeds/wire.txt
        outlet: The Wire
        published: "2024-05-01"
        companies: [acme, globex]
        deals: [globex-acme-2024]
        review: {status: reviewed}
        ---
        Globex agreed to buy Acme.
        """,
    "briefings/deals/globex-acme-2024.md": """
        ---
        title: Globex acquires Acme
        kind: acquisition
        status: agreed
        parties:
          - {company: globex, role: acquirer}
          - {company: acme, role: target}
        announced: "2024-05"
        sources:
          - article: wire-2024-05-01-globex-acme
            quote: Globex has agreed to buy Acme.
        review: {status: reviewed}
        ---
        Globex agreed to buy Acme for an undisclosed sum.
        """,
    "seeds/wire.txt": "Globex has agreed to buy Acme. Terms were not disclosed.\n",
}


KINDS = ("partnership", "mou", "investment", "acquisition", "licensing")


def put(root: Path, rel: str, text: str) -> None:
    """Write ``text`` as is (generated files are not indented)."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def company(i: int, slug: str | None = None) -> tuple[str, str]:
    slug = slug or f"company-{i:04d}"
    status = "draft" if i % 7 == 0 else "reviewed"
    return (
        f"briefings/companies/{slug}.md",
        f"---\nname: Company {i}\naliases: [C{i} Holdings]\ntopics: [ai]\n"
        f"review: {{status: {status}}}\n---\nCompany {i} makes things number {i}.\n",
    )


WORDS = [
    "market",
    "share",
    "revenue",
    "growth",
    "partnership",
    "cloud",
    "platform",
    "device",
    "chip",
    "model",
    "data",
    "analysts",
    "expect",
    "regulators",
    "approve",
    "investors",
    "board",
    "quarter",
    "strategy",
    "launch",
    "users",
    "supply",
    "chain",
    "factory",
    "software",
    "licence",
    "research",
    "team",
    "rivals",
    "pricing",
    "network",
]


def filler(n: int, words: int) -> str:
    """``words`` words of deterministic prose for article ``n`` (no RNG state shared)."""
    if words <= 0:
        return ""
    out = [WORDS[(n * 31 + i * 7 + i // 5) % len(WORDS)] for i in range(words)]
    sentences = [" ".join(out[i : i + 15]).capitalize() + "." for i in range(0, words, 15)]
    return "\n\n".join(" ".join(sentences[i : i + 6]) for i in range(0, len(sentences), 6))


def generate(
    root: Path,
    articles: int,
    *,
    companies_per: int = 5,
    articles_per_deal: int = 2,
    body_words: int = 0,
) -> None:
    """A valid corpus of ``articles`` briefings, deterministic in its arguments.

    Defaults are the diff benchmark's small files; the scale benchmark asks for the
    issue's shape: N/10 companies, N/20 deals, ~425-word bodies and seeds.
    """
    companies = max(2, articles // companies_per)
    deals = max(1, articles // articles_per_deal)

    def parties(d: int) -> tuple[int, int]:
        a, b = d % companies, (d * 7 + 1) % companies
        return a, (b + 1) % companies if a == b else b

    for i in range(companies):
        put(root, *company(i))
    for d in range(deals):
        a, b = parties(d)
        first = d * articles_per_deal
        cited = [n for n in range(first, first + articles_per_deal) if n < articles]
        sources = "".join(
            f"  - article: article-{n:05d}\n    quote: Deal {d} was reported in article {n}.\n"
            for n in cited
        )
        put(
            root,
            f"briefings/deals/deal-{d:05d}.md",
            f"---\ntitle: Deal {d}\nkind: {KINDS[d % len(KINDS)]}\nstatus: announced\n"
            f"parties:\n  - company: company-{a:04d}\n  - company: company-{b:04d}\n"
            f'announced: "20{10 + d % 15}-0{1 + d % 9}"\nareas: [ai, cloud]\n'
            f"sources:\n{sources}review: {{status: reviewed}}\n---\nSummary of deal {d}.\n",
        )
    for n in range(articles):
        d = n // articles_per_deal
        a, b = parties(d)
        extra = (n * 13 + 5) % companies  # a third company in two articles of three
        names = [a, b] + ([extra] if n % 3 and extra not in (a, b) else [])
        body = filler(n, body_words)
        seed = f"Deal {d} was reported in article {n}.\n" * 3 + (body and body + "\n")
        put(root, f"seeds/article-{n:05d}.txt", seed)
        # A draft records its seed's hash, as ingest writes it: the draft is up to date.
        sha = hashlib.sha256(seed.encode("utf-8")).hexdigest()
        put(
            root,
            f"briefings/articles/article-{n:05d}.md",
            f"---\ntitle: Article {n}\nseed: seeds/article-{n:05d}.txt\nseed_sha256: {sha}\n"
            "outlet: Wire\n"
            f'published: "20{10 + n % 15}-0{1 + n % 9}-1{n % 9}"\n'
            f"companies: [{', '.join(f'company-{c:04d}' for c in names)}]\n"
            f"deals: [deal-{d:05d}]\n"
            f"review: {{status: {'draft' if n % 9 == 0 else 'reviewed'}}}\n---\n"
            f"Article {n} reports deal {d}.\n" + (body and "\n" + body + "\n"),
        )


def fresh_copy(root: Path, dest: Path) -> Path:
    """The inputs of the project at ``root`` (never its site/ or .dossier/ cache) in ``dest``.

    What a clean build starts from: the same files, nothing a previous build left.
    """
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = root / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.is_file():
            shutil.copy2(src, dest / part)
    (dest / "dossier").symlink_to(REPO / "dossier")  # mkdocs.yml names the hook by path
    return dest
