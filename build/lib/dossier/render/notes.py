"""Numbered citation marks for one page, and the notes list they point into.

A template calls ``notes.cite(article_slug, quote)`` where a fact is shown; the
mark links to the sentence on the article's briefing page, and the page's
"Notes" section (``notes.items``) lists each source once, in order of first use.
Print renders the same list as endnotes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Article, Claim
from ..provenance import quote_anchor


@dataclass(frozen=True)
class Note:
    number: int
    article: Article
    quote: str
    href: str  # the article page at the quoted sentence


class Notes:
    """The citation marks of one page (or of the whole print book), numbered in order.

    By default a mark links to the quoted sentence on the article's page; the print
    book passes ``target`` to link each mark to its endnote instead.
    """

    def __init__(
        self,
        articles: dict[str, Article],
        link: Callable[..., str],
        target: Callable[[str, str, int], str] | None = None,
    ) -> None:
        self._articles = articles
        self._link = link
        self._target = target or self._at_sentence
        self._numbers: dict[tuple[str, str], int] = {}
        self.items: list[Note] = []

    def _at_sentence(self, article: str, quote: str, number: int) -> str:
        return f"{self._link('article', article)}#{quote_anchor(quote)}"

    def outlets(self, claims: Iterable[Claim]) -> str:
        """Who says so, for a claim shown beside one that disagrees: each source's outlet
        (its title when the outlet is not known), once each, in order."""
        articles = (self._articles[c.source] for c in claims)
        names = (a.outlet or f"“{a.title}”" for a in articles)
        return "; ".join(dict.fromkeys(names))

    def cite(self, article: str, quote: str) -> Markup:
        key = (article, " ".join(quote.split()))
        number = self._numbers.get(key)
        if number is None:
            number = len(self.items) + 1
            self._numbers[key] = number
            href = self._target(article, quote, number)
            self.items.append(Note(number, self._articles[article], quote, href))
        note = self.items[number - 1]
        return Markup(
            '<sup class="dossier-cite"><a href="{href}" title="{title}" '
            'aria-label="Source {n}: {title}">[{n}]</a></sup>'
        ).format(href=note.href, title=note.article.title, n=number)
