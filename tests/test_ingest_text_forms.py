"""Text as it comes: hard-wrapped wire copy read as paragraphs; company names found
across traditional and simplified Chinese, full- and half-width letters, inside CJK
text."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

from dossier.ingest.analyse import analyse
from dossier.ingest.clean import clean, wrap_width
from dossier.ingest.entities import Finder
from dossier.ingest.readers import _read_html, _read_markdown
from dossier.ingest.types import KnownCompany, RawArticle
from dossier.slugs import fold

WIRED = """\
   NEW YORK (AP) -- Globex Corp. said Tuesday it agreed to buy Initech
Inc. for $300 million in cash, a deal that would give the maker of
office machines a foothold in software for small businesses.
   The companies said the acquisition is expected to close in the
first quarter, pending approval by Initech shareholders and
regulators in the United States and Europe.
   Globex shares rose 4 percent on the New York Stock Exchange.
"""


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    lines = WIRED.split("\n")
    assert wrap_width(lines) is not None
    paragraphs = [p.text for p in clean(WIRED)]
    assert len(paragraphs) == 3  # the indented first lines begin them
    assert paragraphs[0].startswith("NEW YORK (AP) -- Globex Corp. said Tuesday")
    assert "agreed to buy Initech Inc. for $300 million" in paragraphs[0]
    assert paragraphs[1].endswith("regulators in the United States and Europe.")


def test_a_short_first_line_of_a_wrapped_paragraph_is_no_heading() -> None:
    # the wire's ledes often start on a short line; the next, in lower case, goes on
    text = WIRED.replace(
        "   The companies said the acquisition is expected to close in the\n",
        "   The companies said the acquisition\nis expected to close in the\n",
    )
    paragraphs = clean(text)
    assert [p.heading for p in paragraphs] == [False, False, False]
    assert paragraphs[1].text.startswith("The companies said the acquisition is expected")
    # a short line in capitals after it is not joined: a heading, a name, a new line
    listed = text.replace("is expected to close", "Initech Inc. expects to close")
    assert any(p.text == "The companies said the acquisition" for p in clean(listed))


def test_a_short_lede_line_that_stops_mid_clause_goes_on_after_a_capital() -> None:
    text = WIRED.replace(
        "   The companies said the acquisition is expected to close in the\n",
        "   Globex and Initech said\nMonday the acquisition is expected to close in the\n",
    )
    paragraphs = clean(text)
    assert paragraphs[1].text.startswith("Globex and Initech said Monday the acquisition")


def test_a_hard_wrapped_story_drafts_its_deal() -> None:
    raw = RawArticle("seeds/wire.txt", WIRED, {}, " ".join(WIRED.split()))
    analysis = analyse(raw, Finder(()))
    assert {c.name for c in analysis.new_companies} >= {"Globex", "Initech"}
    (deal,) = analysis.deals
    assert (deal.kind, dict(deal.parties)) == (
        "acquisition",
        {"globex": "acquirer", "initech": "target"},
    )


def test_prose_with_a_line_per_paragraph_is_not_rewrapped() -> None:
    text = "\n".join(
        f"Paragraph {i} says something about a company. " * (1 + i % 5) for i in range(8)
    )
    assert wrap_width(text.split("\n")) is None
    assert len(clean(text)) == 8


# A filing as EDGAR keeps it: markup lines, a centred title, a table wider than the
# prose, and the prose hard-wrapped between them
FILING = """\
<DOCUMENT>
<TYPE>8-K
<TEXT>
<PAGE>
                              GLOBEX CORPORATION
                              ------------------

ITEM 2.  ACQUISITION OR DISPOSITION OF ASSETS

         On March 3, 1999, certain wholly-owned subsidiaries of Initech
Holdings, Inc. sold the assets of their imaging business to Globex Corporation
for an aggregate purchase price of approximately $27 million in cash and the
assumption of approximately $4 million of debt, as the parties had agreed.

<PAGE>
<TABLE>
<CAPTION>
                                                                                 Adjusted
                                                        July 31,   Pro Forma     July 31,
<S>                                                     <C>        <C>           <C>
  Cash and cash equivalents                             $ 14,709   $ 27,500      $ 42,209
  Accounts receivable, net                                18,079      7,790        25,869
  Total current assets                                    40,112     35,290        75,402
</TABLE>
"""


def test_a_filing_s_tables_and_markup_do_not_hide_its_wrapped_prose() -> None:
    assert wrap_width(FILING.split("\n")) is not None
    (item,) = [p.text for p in clean(FILING) if p.text.startswith("On March 3, 1999")]
    assert "subsidiaries of Initech Holdings, Inc. sold the assets" in item


MENU = (
    "Markets Business Investing Tech Politics Video Watchlist Investing Club Pro Livestream "
    "Menu Savings Accounts Best Credit Cards Best Loans Best Mortgages Best Insurance "
    "Best Travel Cards Best Budgeting Apps Best Tax Software"
)
STORY = (
    "Globex agreed to buy Initech for $300 million in cash, the companies said on Tuesday. "
    "The deal gives the maker of office machines a foothold in software for small firms, "
    "and Globex expects it to close in the first quarter, pending approval by regulators. "
    "Initech shareholders will receive $12 a share, a premium of 30 percent to Monday's "
    "close, and the board has recommended the offer to them. "
    "Globex shares rose 4 percent on the New York Stock Exchange after the announcement, "
    "while Initech's jumped 25 percent to their highest level in two years. "
    "Analysts at several banks said the price was fair for a business growing this fast."
)


def test_a_page_saved_as_one_line_keeps_its_story_between_menu_and_notices() -> None:
    # a crawl's record: menu, story and footer in one line, a call to action in it
    page = f"{MENU}  {STORY} Sign up for free newsletters from us. © 2025 Example News LLC."
    (paragraph,) = clean(f"Globex to buy Initech\n\n{page}")[1:]
    assert paragraph.text == STORY
    assert paragraph.text in page  # an exact run of the page: quotes stay quotable
    # a menu glued to the story with one space: the story starts after the menu's words
    glued = [p.text for p in clean(f"{MENU} {STORY} Sign up for free newsletters.")]
    assert glued == [STORY]


def test_a_paragraph_with_a_call_to_action_keeps_its_sentences_of_the_story() -> None:
    # a page's promotion glued to a paragraph of the story: the story's sentences stay
    said = (
        "Initech is one of the main competitors to Globex in the accounting market. Last "
        "year, Hooli invested $300m in Initech and said it would train its models on "
        "Initech's software and use its cloud services."
    )
    paragraph = f"after newsletter promotion The chief executive said the deal would help. {said}"
    assert [p.text for p in clean(f"Globex to buy Initech\n\n{paragraph}")][1:] == [said]
    # a call to action alone is still dropped, however long
    promotion = (
        "Sign up to our free daily newsletter and get set for the working day: we will point "
        "you to all the business news and analysis you need every morning. Newsletters may "
        "contain info about charities and online ads."
    )
    assert [p.text for p in clean(f"{promotion}\n\n{STORY}")] == [STORY]


def test_a_link_inside_the_story_is_dropped_and_the_story_goes_on() -> None:
    sentences = STORY.removesuffix(".").split(". ")
    body = [". ".join(sentences[i : i + 2]) + "." for i in range(0, 6, 2)]
    body += [
        "Globex said the two companies would keep their names and their offices for at "
        "least a year, and that no jobs would be cut while the businesses are joined.",
        "Initech was founded in 1998 and sells accounting software to some forty thousand "
        "small firms in North America, most of them with fewer than fifty employees.",
    ]
    # a link to another story between two paragraphs: the article goes on after it
    inline = [*body[:2], "Read more: Why office machines still sell", *body[2:]]
    assert [p.text for p in clean("\n\n".join(inline))] == body
    # a box of a section's headlines, dates and a call, then the article again
    box = ["Read More in Deals", "Dec. 3, 2025", "Hooli opens an office", "Read More ➔"]
    assert [p.text for p in clean("\n\n".join([*body[:3], *box, *body[3:]]))] == body
    # a marker alone on its line ends the page (what follows is others' teasers, a
    # bio, comments), and so does a link with only links after it
    alone = [*body[:3], "Related Articles:", *body[3:]]
    assert [p.text for p in clean("\n\n".join(alone))] == body[:3]
    links = [*body[:3], inline[2], "Hooli opens an office", "Pied Piper hires"]
    assert [p.text for p in clean("\n\n".join(links))] == body[:3]
    # a sentence that opens with the marker's word is the story's
    related = "Related to that decision, " + body[4][0].lower() + body[4][1:]
    assert [p.text for p in clean("\n\n".join([*body[:4], related]))] == [*body[:4], related]


def test_repeated_line_breaks_near_the_end_are_no_authors_signature() -> None:
    # a saved page marks each break with a backslash line: no name, so no bio starts there
    page = "\n".join(["\\", "Globex to buy Initech", "\\", STORY, "\\", "2025. 02. 05"])
    assert STORY in [p.text for p in clean(page)]


def test_a_menu_line_with_only_a_headline_and_a_caption_in_it_is_dropped() -> None:
    headline = "Globex to buy Initech for $300 million Share on Facebook Share on X"
    assert clean(f"{MENU} {MENU} {MENU} Development Languages {headline}") == []


KNOWN = [
    KnownCompany("microsoft", "Microsoft", ("Microsoft", "微软")),
    KnownCompany("xiaomi", "Xiaomi", ("Xiaomi", "小米")),
]


def _found(sentence: str) -> list[tuple[str, str]]:
    return [(m.slug, sentence[m.start : m.end]) for m in Finder(KNOWN).mentions(sentence)]


def test_traditional_and_simplified_chinese_names_are_one() -> None:
    assert fold("微軟") == fold("微软")
    assert _found("小米與微軟簽署戰略合作框架備忘錄") == [("xiaomi", "小米"), ("microsoft", "微軟")]
    assert _found("小米和微软合作") == [("xiaomi", "小米"), ("microsoft", "微软")]


def test_full_width_and_half_width_letters_are_one() -> None:
    assert _found("ＸＩＡＯＭＩ and Ｍｉｃｒｏｓｏｆｔ signed") == [
        ("xiaomi", "ＸＩＡＯＭＩ"),
        ("microsoft", "Ｍｉｃｒｏｓｏｆｔ"),
    ]


def test_latin_names_inside_cjk_text() -> None:
    assert _found("据报道，Xiaomi与Microsoft签署了合作备忘录。") == [
        ("xiaomi", "Xiaomi"),
        ("microsoft", "Microsoft"),
    ]


def _outlet(text: str, path: str = "seeds/a.txt") -> str | None:
    from dossier.ingest.metadata import extract
    from dossier.ingest.readers import read_seed

    with TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        (root / path).write_text(text, encoding="utf-8")
        raw = read_seed(root, root / path)
    return extract(raw, clean(raw.text)).outlet


def test_the_outlet_from_a_copyright_line_or_a_newsletter_call() -> None:
    body = "Globex Corp. said Tuesday it agreed to buy Initech Inc. for $300 million.\n"
    assert _outlet(body + "\n   c.1999 N.Y. Times News Service   \n") == (
        "New York Times News Service"
    )
    assert _outlet(body + "\n(c) 2003 Harbor Daily Ledger. All rights reserved.\n") == (
        "Harbor Daily Ledger"
    )
    assert _outlet(body + "\nSubscribe to Ledgerline's free daily newsletter.\n") == "Ledgerline"
    # a wire's own credit outweighs the republisher's copyright
    wire = "NEW YORK (AP) -- " + body + "\nCopyright (c) 2008 Harbor Internet Ventures\n"
    assert _outlet(wire) == "Associated Press"


def test_marks_before_a_date_line_name_no_outlet() -> None:
    # a scraped dump's lines start with ".-."; the wire the story credits is the outlet
    text = (
        ".-.Globex cuts its forecasts\n.-.March 9, 2020\n\n(Reuters) - Globex Corp. said "
        "Monday it cut its forecasts for the second quarter, citing weak demand.\n"
    )
    assert _outlet(text) == "Reuters"


def test_the_outlet_of_a_news_database_record_is_the_paper_not_its_publisher() -> None:
    record = (
        "Globex buys Initech\nGlobex buys Initech\n{paper}\nJanuary 29, 2025 Wednesday\n"
        "Print & First Editions\nCopyright 2025 Harbor Media Publications Pty. Limited All "
        "Rights Reserved\nSection: COMPANIES; Pg. 15\nLength: 611 words\nBody\n"
        "Globex Corp. said Tuesday it agreed to buy Initech Inc. for $300 million.\n"
    )
    assert _outlet(record.format(paper="Harbor Financial Review")) == "Harbor Financial Review"
    assert _outlet(record.format(paper="Ledger Investors (AU)")) == "Ledger Investors"
    assert _outlet(record.format(paper="The Harbor Ledger (London)")) == "The Harbor Ledger"


def test_an_outlet_field_holding_a_page_title_a_copyright_or_code_is_cleaned() -> None:
    body = "Globex Corp. said Tuesday it agreed to buy Initech Inc. for $300 million.\n"

    def given(outlet: str) -> str | None:
        return _outlet(f"---\noutlet: '{outlet}'\n---\n{body}", "seeds/a.md")

    assert given("Globex buys Initech in cash deal | Harbor Ledger") == "Harbor Ledger"
    assert given("Copyright (c) 2008 Harbor Internet Ventures") == "Harbor Internet Ventures"
    assert given("港湾日报版权所有") == "港湾日报"
    assert given("作者： admin 时间：") is None


def test_a_source_told_the_outlet_or_a_source_link_names_it() -> None:
    body = "Globex Corp. said Tuesday it agreed to buy Initech Inc. for $300 million.\n\n"
    assert _outlet(body + "A person close to Globex told Reuters on Thursday.\n") == "Reuters"
    assert _outlet(body + "Globex confirmed in an email to TechCrunch.\n") == "TechCrunch"
    # the page's source link, an archived copy's included
    assert _outlet(body + "[source >>](http://techcrunch.com/2015/01/18/globex/)\n") == (
        "TechCrunch"
    )
    archived = "原文：<https://web.archive.org/web/2007/http://www.techcrunch.com/2007/globex>\n"
    assert _outlet(body + archived) == "TechCrunch"
    # citing another outlet's report says nothing of this one's
    assert _outlet(body + "The talks were first reported by Reuters.\n") is None
    assert _outlet(body + "Globex has a deal, according to TechCrunch.\n") is None


def test_a_credit_in_a_word_a_reproduction_notice_or_a_release_source_name_the_outlet() -> None:
    body = "Globex Corp. said Tuesday it agreed to buy Initech Inc. for $300 million.\n\n"
    assert _outlet("(MarketNews) - " + body) == "MarketNews"
    release = "HAMBURG, Germany - October 27, 2025 (HARBORWIRE) - " + body
    assert _outlet(release + "Distributed by HarborWire.\n") == "HarborWire"
    notice = "Not to be copied without prior express written permission from Lagos Ledger.\n"
    assert _outlet(body + notice) == "Lagos Ledger"
    source = "[Original/Source Press Release](https://www.harborwire.com/news/globex)\n"
    assert _outlet(body + "Sent by HarborWire.\n\n" + source) == "HarborWire"
    # a company's own bracket is no credit
    assert _outlet("Globex (NYSE: GBX) - said it agreed to buy Initech Inc.\n") is None


def test_an_agency_dateline_with_no_year_and_no_dash_credits_the_agency() -> None:
    lede = "New Delhi, Jul 31 (PTI) Globex Corp said it agreed to buy Initech Ltd.\n"
    assert _outlet(lede) == "PTI"
    # a place and a bracket with no date before it is no dateline
    assert _outlet("Globex Corp (PTI) said it agreed to buy Initech Ltd.\n") is None


def test_html_entities_left_in_scraped_text_are_read() -> None:
    from dossier.ingest.readers import _read_markdown, _read_text

    text = "Orland held talks with Cable &amp; Wireless and AT&amp;T on Monday.\n"
    for read in (_read_text, _read_markdown):
        body = read("seeds/a", text)[0]
        assert "Cable & Wireless and AT&T" in body
        # a scraper that escaped them twice
        twice = read("seeds/a", text.replace("&amp;", "&amp;amp;"))[0]
        assert "Cable & Wireless and AT&T" in twice, twice
    raw = RawArticle("seeds/a.txt", _read_text("a", text)[0], {}, "")
    names = {c.name for c in analyse(raw, Finder(())).new_companies}
    assert "Cable & Wireless" in names and not any("&amp" in n for n in names)


def test_a_web_page_element_alone_in_a_post_is_markup_not_text() -> None:
    from dossier.ingest.readers import _read_markdown

    post = (
        "Globex Corp. said Tuesday it agreed to buy Initech Inc.\n\n"
        "<img\n  src=\"{{ '/assets/img/initech.jpg' | relative_url }}\"\n"
        '  alt="Initech\'s office"\n  class="img-fluid">\n\n'
        "The deal values Initech at $300 million, a x < y comparison aside.\n"
    )
    body = _read_markdown("seeds/a", post)[0]
    assert "relative_url" not in body and "src=" not in body
    assert "agreed to buy Initech Inc." in body and "x < y comparison" in body


def test_the_date_keys_of_static_site_generators_give_the_published_date() -> None:
    for key in ("pubDate", "publishDate", "published_at", "publishedAt", "created-on"):
        post = f"---\ntitle: Globex buys Initech\n{key}: '2025-09-17'\n---\nGlobex buys it.\n"
        assert _read_markdown("seeds/a.md", post)[1]["published"] == "2025-09-17", key
    # some Jekyll themes keep the post's date and time under "time"
    post = (
        "---\ntitle: Globex buys Initech\ntime: 2006-10-10 00:01:00 +01:00\n---\nGlobex buys it.\n"
    )
    assert _read_markdown("seeds/a.md", post)[1]["published"].startswith("2006-10-10")


def test_a_posts_file_name_gives_its_published_date_when_nothing_else_does() -> None:
    from dossier.ingest.metadata import extract

    def published(path: str, meta: dict[str, str] | None = None) -> str | None:
        raw = RawArticle(path, "Globex buys Initech.\n\nGlobex pays $3 million.", meta or {}, "")
        found = extract(raw, clean(raw.text)).published
        return str(found) if found else None

    # Jekyll's and Hugo's posts: the day the post was published opens its file's name
    assert published("seeds/2008-01-28-globex-buys-initech.md") == "2008-01-28"
    assert published("seeds/2019-9-7-globex_koopt_initech.md") == "2019-09-07"
    # what the post's own metadata says comes first; a number that is no date is none
    assert published("seeds/2008-01-28-a.md", {"published": "2008-02-03"}) == "2008-02-03"
    assert published("seeds/2008-13-45-globex.md") is None
    assert published("seeds/globex-2008-01-28.md") is None


def test_the_outlet_and_address_keys_of_static_sites() -> None:
    def meta(fields: str) -> dict[str, str]:
        return _read_markdown("seeds/a.md", f"---\n{fields}\n---\nGlobex buys it.\n")[1]

    for key in ("publisher", "publication", "site_name"):
        assert meta(f"title: Globex buys Initech\n{key}: Example Wire")["outlet"] == (
            "Example Wire"
        ), key
    for key in ("blog_url", "original_url", "source_url", "source"):
        found = meta(f"title: Globex buys Initech\n{key}: https://wire.example/2015/07/16/a")
        assert found["url"] == "https://wire.example/2015/07/16/a", key
    assert meta("title: Globex buys Initech\npub_date: '2015-08-27 00:00:00'")["published"] == (
        "2015-08-27 00:00:00"
    )
    # a "source" that is a name (an author's, a site's label) or a site's file is no outlet
    assert "outlet" not in meta("title: Globex buys Initech\nsource: Jane Roe")
    assert "outlet" not in meta("title: Globex buys Initech\npublisher: _publications/wire.md")


def test_an_outlet_given_as_the_sites_address_is_the_sites_name() -> None:
    from dossier.ingest.metadata import extract

    for address in ("http://www.theguardian.com", "https://www.theguardian.com/"):
        raw = RawArticle("seeds/a.md", "Globex buys Initech.", {"outlet": address}, "")
        assert extract(raw, clean(raw.text)).outlet == "The Guardian", address


def test_a_republished_post_names_its_original_and_a_label_is_no_outlet() -> None:
    post = (
        "---\npost_title: Globex buys Initech\npermalink: https://republisher.example/p/1\n"
        "canonical_url:\n  - https://www.wired.com/2016/01/globex-initech/\n---\n"
        "Globex Corp. said Tuesday it agreed to buy Initech Inc. for $300 million.\n"
    )
    assert _outlet(post, "seeds/a.md") == "Wired"
    # a link blog's post names the story it points at
    linked = (
        "---\ntitle: Globex buys Initech\nhost: links.example\n"
        "external-url: http://techcrunch.com/2008/02/21/globex-initech/\n---\n"
        "Globex Corp. said Tuesday it agreed to buy Initech Inc. for $300 million.\n"
    )
    assert _outlet(linked, "seeds/c.md") == "TechCrunch"
    labelled = (
        "# Globex buys Initech\n\n**Date:** January 12, 2026\n\n---\n\n"
        "Globex Corp. said it agreed to buy Initech Inc. for $300 million.\n"
    )
    assert _outlet(labelled, "seeds/b.md") is None


def test_a_url_with_a_one_digit_month_dates_a_year_only_page() -> None:
    from dossier.ingest.metadata import extract
    from dossier.ingest.readers import read_seed

    page = (
        "---\ntitle: Globex buys Initech\npublished: '2023'\n"
        "url: https://www.example.com/2023/3/2/23622231/globex-initech\n---\n"
        "Globex Corp. said it agreed to buy Initech Inc. for $300 million.\n"
    )
    with TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        (root / "seeds/a.md").write_text(page, encoding="utf-8")
        raw = read_seed(root, root / "seeds/a.md")
    assert str(extract(raw, clean(raw.text)).published) == "2023-03-02"


def test_a_site_named_by_its_host_and_a_quoted_date_label() -> None:
    page = (
        "---\ntitle: Globex buys Initech\noutlet: Bloomberg.com\n---\n"
        "Globex Corp. said it agreed to buy Initech Inc. for $300 million.\n"
    )
    assert _outlet(page, "seeds/a.md") == "Bloomberg"
    scraped = 'date: "2024-06-21"\n\nGlobex Corp. said it agreed to buy Initech Inc.\n'
    assert _outlet(scraped) is None


def _published(text: str, path: str = "seeds/a.txt") -> str:
    from dossier.ingest.metadata import extract
    from dossier.ingest.readers import read_seed

    with TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        (root / path).write_text(text, encoding="utf-8")
        raw = read_seed(root, root / path)
    return str(extract(raw, clean(raw.text)).published)


def test_a_release_dateline_after_the_menu_and_a_filing_time_stamp_date_the_page() -> None:
    release = (
        "Press Room\n\nHome | About | News\n\nOrland Signs Lenvar\n\n"
        "GLASTONBURY, CONN., March 4, 2008 — Orland, Inc. today announced that Lenvar "
        "Corp. has licensed its platform. The deal was signed in 2008.\n"
    )
    assert _published(release) == "2008-03-04"
    filing = (
        "FILE:ORL/ORL-8K-20061012145645.txt.gz\nTIME:20061012145645\nTEXT:\n\n"
        "On October 9, 2006, we entered into an agreement with Lenvar, Inc.\n"
    )
    assert _published(filing) == "2006-10-12"


def test_a_release_dateline_with_a_state_or_an_event_before_its_date() -> None:
    state = (
        "Orland Reports First Quarter Results\n\n"
        "ORLANDO, Florida—January 18, 2011—Orland Inc. today announced results.\n"
    )
    assert _published(state) == "2011-01-18"
    # the page runs its title into the dateline's paragraph, an event named before it
    event = (
        "Orland and Lenvar Announce a Project  SAN FRANCISCO, DEVCON 2004 CONFERENCE - "
        "June 28, 2004 - Orland Inc. and Lenvar Corp. today announced a project.\n"
    )
    assert _published(event) == "2004-06-28"


def test_the_date_a_page_says_it_was_published_or_its_source_link_gives() -> None:
    body = "".join(f"Orland Inc. agreed to buy Lenvar Ltd., line {n}.\n" for n in range(14))
    assert _published(body + "\nThis article was published on May 22, 2023 in Deals.\n") == (
        "2023-05-22"
    )
    assert _published(body + "\nStory updated at 12:25 ET on Thursday, May 31, 2018.\n") == (
        "2018-05-31"
    )
    assert _published(body + "\nBy Ann Lee. PUBLISHED: 03:39 EST, 8 May 2012\n") == "2012-05-08"
    # a link blog's source, an archived copy's included
    assert _published(body + "\n[source >>](http://pando.com/2015/01/21/orland/)\n") == (
        "2015-01-21"
    )
    archived = "原文：<https://web.archive.org/web/http://techcrunch.com/2007/05/30/orland/>\n"
    assert _published(body + archived) == "2007-05-30"


def test_a_release_dateline_in_title_case_or_markup() -> None:
    for dateline, date in (
        ("St. Paul, MN, October 2, 2018 –", "2018-10-02"),
        ("**SAN FRANCISCO - October 09, 2017** -", "2017-10-09"),
        ("_Herndon, VA_ — March 13, 2013—", "2013-03-13"),
        ("Houston, January 27, 2026 —", "2026-01-27"),
    ):
        # (below a summary whose lines fill what is read as the page's head)
        summary = "".join(f"Lenvar's platform helps teachers, line {n}.\n" for n in range(12))
        page = f"Orland Joins Lenvar\n\n{summary}\n{dateline} Orland Inc. today announced a deal.\n"
        assert _published(page) == date, dateline
    # a date in the body with no dateline before it dates the story, not the page
    body = (
        "Orland Names a Chief\n\nOrland Inc. said its chief, named on June 28, 2004 - a "
        "Monday - starts in July. The company was founded in 2004.\n"
    )
    assert _published(body) != "2004-06-28"


def test_a_hosts_label_as_the_site_writes_it() -> None:
    from dossier.ingest.outlets import spelled_out

    text = "News from Finance Magnates: brokers merge. Read Finance Magnates daily."
    assert spelled_out("financemagnates", text) == "Finance Magnates"
    assert spelled_out("goodnewsfinland", "Good News from Finland, a feature.") == (
        "Good News from Finland"
    )
    assert spelled_out("financemagnates", "Nothing here names it.") is None
    # an outlet field that gives the site's host: its name as the page writes it
    story = "Orland Inc. said it agreed to buy Lenvar Ltd. for $30 million.\n"
    for field, page, want in (
        ("nbcnews.com", "Watch NBC News tonight.", "NBC News"),
        ("Harborview.com", "Read Harborview daily.", "Harborview"),
        ("harborview.com", "Nothing names the site.", "harborview.com"),
    ):
        seed = f"---\ntitle: Orland buys Lenvar\noutlet: {field}\n---\n{story}{page}\n"
        assert _outlet(seed, "seeds/a.md") == want, field


def test_a_latin_name_against_a_chinese_or_japanese_legal_form() -> None:
    raw = RawArticle(
        "seeds/a.txt",
        "株式会社アクリートが株式会社Quorvelを子会社化します。TCLK集团公告与紫光集团合作。\n",
        {"title": "株式会社Quorvel"},
    )
    found = {c.name for c in analyse(raw, Finder(())).new_companies}
    assert {"Quorvel", "TCLK"} <= found


def test_a_sites_name_written_as_one_word_as_the_page_spells_it() -> None:
    from dossier.ingest.metadata import extract

    def outlet(site: str, text: str) -> str | None:
        raw = RawArticle("seeds/a.html", text, {"outlet": site})
        return extract(raw, clean(raw.text)).outlet

    body = "Orland Inc. agreed to buy Lenvar Corp. Copyright Harbor Valley Sun 2017."
    assert outlet("HarborValleySun.com", body) == "Harbor Valley Sun"
    assert outlet("HarborValleySun", body) == "Harbor Valley Sun"
    # a brand written as one word stays one
    assert outlet("TechCrunch", "TechCrunch reports that Orland Inc. raised money.") == (
        "TechCrunch"
    )


def test_chinese_sentences_end_at_their_full_stop_without_a_space() -> None:
    from dossier.ingest.text import sentences

    assert sentences("我们第一次听说它。Orland 正在收购 Lenvar。该公司有 350 名员工。") == [
        "我们第一次听说它。",
        "Orland 正在收购 Lenvar。",
        "该公司有 350 名员工。",
    ]


def test_sentences_a_scraper_ran_together_are_two_but_a_legal_form_stays() -> None:
    from dossier.ingest.text import sentences

    text = (
        "Orland agreed to acquire Lenvar Broadband.Operating across Ohio, Lenvar opened in 2009 "
        "and grew fast."
        "As part of the deal, Orland Pte.Ltd will keep them."
    )
    assert sentences(text) == [
        "Orland agreed to acquire Lenvar Broadband.",
        "Operating across Ohio, Lenvar opened in 2009 and grew fast.",
        "As part of the deal, Orland Pte.Ltd will keep them.",
    ]
    # the year of the next sentence no longer makes the deal one recalled from 2009
    raw = RawArticle("seeds/case.txt", text, {}, " ".join(text.split()))
    (deal,) = analyse(raw, Finder(())).deals
    assert (deal.status, deal.background) == ("agreed", False)


def test_a_broadcasters_credit_that_runs_into_the_first_sentence() -> None:
    from dossier.ingest.outlets import credited

    assert credited("(CNN)Orland Inc. said on Monday it would buy Lenvar.") == "CNN"
    assert credited("WASHINGTON (AP) Orland Inc. said it would buy Lenvar.") == ("Associated Press")
    # in the middle of a sentence, a name in brackets credits nobody
    assert credited("Orland said the network (CNN) was wrong about Lenvar.") is None


def test_capitals_mark_names_in_spanish_but_not_in_german() -> None:
    from dossier.ingest.entities import capitals_mark_names

    spanish = [
        "Orland Solutions completó la adquisición de Lenvar por unos mil millones de "
        "dólares, según informó la empresa en un comunicado enviado a sus clientes.",
        "La compañía dijo que la operación fue aprobada por los reguladores y que el "
        "equipo directivo de Lenvar seguirá al frente de la unidad durante este año.",
    ]
    german = [
        "Die Orland Gruppe übernimmt den Hersteller Lenvar, teilte das Unternehmen am "
        "Montag in einer Mitteilung an die Aktionäre und Mitarbeiter mit.",
        "Der Kaufpreis liegt nach Angaben der Geschäftsführung bei rund einer Milliarde "
        "Euro, die Behörden müssen der Übernahme noch zustimmen.",
    ]
    assert capitals_mark_names(spanish)
    assert not capitals_mark_names(german)


def test_a_scraped_pages_information_block_gives_outlet_link_and_date() -> None:
    from dossier.ingest.metadata import extract

    text = (
        "# Orland raises $620 million in latest funding round\n\n## Information:\n"
        "+ Source: Harbor Tech Daily\n"
        "+ Link: https://www.harbortechdaily.example/article/orland-raises/\n"
        "+ Date: 2022-01-19 20:28:55\n\n## Article:\n"
        "Orland Inc said it closed its latest funding round on Wednesday.\n"
        "*Source: Lenvar Corp.*\n"
    )
    raw = RawArticle("seeds/a.md", text)
    meta = extract(raw, clean(raw.text))
    assert meta.outlet == "Harbor Tech Daily"
    assert meta.url == "https://www.harbortechdaily.example/article/orland-raises/"
    assert str(meta.published) == "2022-01-19"
    # a photo's credit alone is no information block
    lone = RawArticle("seeds/b.md", "Orland Inc said it closed a round.\n*Source: Lenvar.*\n")
    assert extract(lone, clean(lone.text)).outlet is None
    # its labels in bold
    bold = RawArticle(
        "seeds/c.md",
        "# Orland raises $620 million\n\n**Source:** Harbor Tech Daily\n"
        "**URL:** https://www.harbortechdaily.example/news/orland-raises/\n"
        "**Date:** 2025-12-29\n\n---\n\nOrland Inc said it closed its funding round.\n",
    )
    meta = extract(bold, clean(bold.text))
    assert (meta.outlet, str(meta.published)) == ("Harbor Tech Daily", "2025-12-29")
    # a source given as the page's address is its link; the publisher names the outlet,
    # a wire as the wire is spelled
    linked = RawArticle(
        "seeds/d.md",
        "# Orland raises $620 million\n\n"
        "**Source:** [https://www.wire.example/news/orland-raises.html]"
        "(https://www.wire.example/news/orland-raises.html)\n"
        "**Publisher:** PRNewswire\n**Published:** Feb. 3, 2026\n\n"
        "Orland Inc said it closed its funding round.\n",
    )
    meta = extract(linked, clean(linked.text))
    assert (meta.outlet, meta.url) == (
        "PR Newswire",
        "https://www.wire.example/news/orland-raises.html",
    )


def test_a_compact_date_after_a_published_label() -> None:
    page = (
        "Title: Globex names a COO\nAuthor: Globex News Team\nPublished: 20161014\n"
        "Tags: News\n\nGlobex Corp. said Tuesday it hired Ann Neu from Initech Inc.\n"
    )
    assert _published(page) == "2016-10-14"
    # eight digits that are no date are not read as one
    assert _published(page.replace("20161014", "20161399")) != "2016-13-99"


def test_a_company_announcement_heading_dates_the_release() -> None:
    # below a page's menu, past the lines a date is looked for at the head
    menu = "".join(
        f"{w}\n\n"
        for w in [
            "Home",
            "About",
            "Products",
            "Press",
            "Investors",
            "Careers",
            "Contact",
            "Search",
            "Language",
            "Share",
            "Print",
            "Sitemap",
            "Legal",
        ]
    )
    page = menu + (
        "Globex Corporation, Company Announcement, 31 January 2012, at 3:00 PM (EET)\n\n"
        "A consortium of Globex Corporation and Initech Inc. has been chosen to build a "
        "600 MW power plant.\n"
    )
    assert _published(page) == "2012-01-31"


def test_hugo_toml_front_matter_is_read_like_yaml() -> None:
    from dossier.ingest.readers import _read_markdown

    post = (
        '+++\nCategories = []\ndate = "2017-01-25T13:23:16-04:00"\ntitle = "Globex raises $2M"\n'
        "+++\n\nGlobex Corp. raised $2 million from Initech Ventures LLC.\n"
    )
    body, meta, warnings = _read_markdown("seeds/a.md", post)
    assert meta == {"title": "Globex raises $2M", "published": "2017-01-25T13:23:16-04:00"}
    # the body stays on its line; the ignored key is named with its line
    assert body.split("\n").index("Globex Corp. raised $2 million from Initech Ventures LLC.") == 6
    assert [(w.line, "'categories'" in w.message) for w in warnings] == [(2, True)]
    assert _published(post, "seeds/a.md") == "2017-01-25"


def test_old_blog_exports_front_matter_is_read() -> None:
    """A Drupal site's Jekyll export: "--- " with a blank after it, and "created:" in
    seconds since 1970; a Tumblr export's "Date:" with a capital."""
    drupal = (
        "--- \nlayout: post\ntitle: Globex to buy Initech\ncreated: 1045692420\n---\n\n"
        "Globex Corp. will buy Initech Inc.\n"
    )
    body, meta, _ = _read_markdown("seeds/a.md", drupal)
    assert meta == {"title": "Globex to buy Initech", "published": "2003-02-19"}
    assert "layout" not in body
    tumblr = "---\nDate: 2010-10-26 7:00:00 -0500\nTags: post\n---\n\nGlobex Corp. grew.\n"
    body, meta, warnings = _read_markdown("seeds/b.md", tumblr)
    assert meta == {"published": "2010-10-26 7:00:00 -0500"}
    assert [("'Tags'" in w.message) for w in warnings] == [True]
    assert _published(tumblr, "seeds/b.md") == "2010-10-26"
    # a key written both ways: the one spelt as known wins, the other is named
    both = "---\ndate: 2011-01-02\nDate: 2010-10-26\n---\n\nGlobex Corp. grew.\n"
    _, meta, warnings = _read_markdown("seeds/c.md", both)
    assert meta == {"published": "2011-01-02"}
    assert [("'Date'" in w.message) for w in warnings] == [True]


def test_a_posts_header_of_fields_is_read_as_front_matter() -> None:
    """Pelican's and MultiMarkdown's "Title:"/"Date:" lines before a blank line, and
    Kirby's fields between "----" lines up to "Text:"; the story keeps its lines."""
    from dossier.ingest.readers import _read_text

    pelican = (
        "Title: Globex buys Initech\nDate: 2009-01-23T09:37:00Z\nTags: \nAuthors: Jane Roe\n"
        "\nGlobex Corp. will buy Initech Inc.\n"
    )
    body, meta, warnings = _read_markdown("seeds/a.md", pelican)
    assert meta == {
        "title": "Globex buys Initech",
        "author": "Jane Roe",
        "published": "2009-01-23T09:37:00Z",
    }
    assert body.split("\n").index("Globex Corp. will buy Initech Inc.") == 5
    assert [("'Tags'" in w.message) for w in warnings] == [True]
    kirby = (
        "Title: Globex's latest buy\n----\nDate: 2014-03-07\n----\nText:\n\n"
        "Globex Corp. has bought Initech Inc.\n"
    )
    body, meta, _ = _read_text("seeds/b.txt", kirby)
    assert meta == {"title": "Globex's latest buy", "published": "2014-03-07"}
    assert body.split("\n").index("Globex Corp. has bought Initech Inc.") == 6
    # a story that opens with a label is no header: it needs a title
    body, meta, _ = _read_text("seeds/c.txt", "Update: Globex Corp. will buy Initech.\n")
    assert meta == {} and body.startswith("Update: Globex")


def test_escaped_markup_and_a_story_saved_as_one_escaped_line_are_read() -> None:
    from dossier.ingest.readers import _read_text

    escaped = (
        "---\ntitle: Globex raises money\n---\n\nAs seen &lt;a href=&quot;http://x.test/"
        "&quot;&gt;here, &lt;blockquote cite=&quot;http://x.test/&quot;&gt;Globex Corp. "
        "raised $8 million from Initech Ventures &amp; Co.\n"
    )
    body, _, _ = _read_markdown("seeds/a.md", escaped)
    assert "<" not in body and "href" not in body and "Initech Ventures & Co." in body
    line = (
        "Globex falls,http://x.test/1,CNN,\"['Shares in Globex\\'s parent fell.\\n\\n"
        "India\\'s police said Globex Corp. bribed officials.\\n\\nInitech Inc. denied it.']\""
    )
    body, _, _ = _read_text("seeds/b.txt", line)
    assert "\nIndia's police said Globex Corp. bribed officials." in body, body
    assert "\\n" not in body


def test_a_story_kept_as_a_list_of_its_paragraphs_is_read_as_paragraphs() -> None:
    from dossier.ingest.readers import _read_text

    post = (
        "---\ntitle: Globex buys patents\n---\n\n['Globex Solar Technologies announced it "
        "is buying assets from Initech.', \"Initech's dealer channel goes with them.\"]\n"
    )
    body, meta, _ = _read_markdown("seeds/a.md", post)
    assert meta == {"title": "Globex buys patents"}
    lines = body.split("\n")
    assert "Globex Solar Technologies announced it is buying assets from Initech." in lines
    assert "Initech's dealer channel goes with them." in lines
    # not a flat list of strings: text as it stands
    nested = "['Globex Corp. grew.', ['Initech Inc.']]"
    assert _read_text("seeds/b.txt", nested)[0] == nested


def test_a_toml_syntax_error_in_front_matter_is_named_and_its_good_lines_read() -> None:
    """An open quote: the seed is read all the same (refusing it would stop the whole
    batch), with the fields on lines of their own and a warning at the broken line."""
    from dossier.ingest.readers import _read_markdown

    broken = (
        '+++\ntitle = "Globex\nDate = 2017-01-25\nauthor = "Jane Roe"\n+++\n\n'
        "Globex Corp. raised $2 million.\n"
    )
    body, meta, warnings = _read_markdown("seeds/a.md", broken)
    assert meta == {"published": "2017-01-25", "author": "Jane Roe"}
    assert body.split("\n").index("Globex Corp. raised $2 million.") == 6
    (warning,) = warnings
    assert (warning.path, warning.line) == ("seeds/a.md", 2), warning
    assert warning.message.startswith("front matter is not valid TOML (")
    assert warning.message.endswith("), so only its one-line fields were read")


def test_an_html_fragment_the_extractor_reads_nothing_of_keeps_its_paragraphs() -> None:
    # a site's template with the story in it: no <html>, no <body>, code around
    fragment = (
        'import React from "react";\n\nconst Story = () => {\n  return (\n    <>\n'
        '      <div className="column">\n        <h1>\n          Globex deal: regulator '
        "orders further inquiry\n        </h1>\n"
        "        <p><b>A $4bn takeover of Initech by Globex will face an in-depth inquiry "
        "by the competition watchdog.</b></p>\n"
        "        <p>An initial inquiry found &quot;significant competition concerns&quot;, "
        "the regulator said.</p>\n"
        "        <p>Globex said the merger would boost competition and innovation.</p>\n"
        "      </div>\n    </>\n  );\n};\n\nexport default Story;\n"
    )
    body, meta, _ = _read_html("seeds/story.html", fragment)
    assert meta["title"] == "Globex deal: regulator orders further inquiry"
    assert body.split("\n\n") == [
        "A $4bn takeover of Initech by Globex will face an in-depth inquiry by the "
        "competition watchdog.",
        'An initial inquiry found "significant competition concerns", the regulator said.',
        "Globex said the merger would boost competition and innovation.",
    ]


def test_a_page_saved_with_its_links_gives_its_address_and_its_site() -> None:
    menu = "".join(
        f"  * [Section {i}](https://www.anvilweekly.example/section/{i}/)\n" for i in range(24)
    )
    story = (
        "Globex Corp. said Tuesday it agreed to buy Initech Inc. for $300 million, "
        "Anvil Weekly has learned.\n"
    )
    page = (
        "[Skip to content](https://www.anvilweekly.example/news/2025/01/14/808057.htm#main)\n"
        + menu
        + "\n"
        + story
    )
    assert _published(page, "seeds/a.md") == "2025-01-14"
    assert _outlet(page, "seeds/a.md") == "Anvil Weekly"
    # no address of its own, but its menus link home: the site, as the page spells it
    assert _outlet(menu + "\n" + story, "seeds/b.md") == "Anvil Weekly"
    # a post's few links go to what it is about, not to its own site
    few = "".join(f"[{i}](https://github.com/globex/repo{i})\n" for i in range(5))
    assert _outlet(few + "\n" + story, "seeds/c.md") is None


def test_a_date_field_with_the_day_and_month_in_either_order_or_after_the_year() -> None:
    story = "Globex Corp. said it agreed to buy Initech Inc. for $300 million.\n"
    for value, want in (
        ("20-07-2021 15:31:50 +05:30", "2021-07-20"),  # day first: 20 is no month
        ("02-15-2016", "2016-02-15"),  # month first: 15 is no month
        ("15.03.2014", "2014-03-15"),
        ("01-01-2021 13:04:07", "2021-01-01"),
        ("05-07-2021", "2021"),  # May 7 or 5 July: only the year is sure
        ("2025 Oct 01", "2025-10-01"),
        ("2017/3/20", "2017-03-20"),  # year first: then month and day, unpadded
        ("12-Dec-17", "2017-12-12"),  # the year in two digits after the month's name
        ("2024.01.10", "2024-01-10"),
    ):
        page = f"---\ntitle: Globex buys Initech\ndate: '{value}'\n---\n{story}"
        assert _published(page, "seeds/a.md") == want, value


def test_more_keys_and_nested_fields_give_a_posts_date_and_address() -> None:
    story = "Globex Corp. said it agreed to buy Initech Inc. for $300 million.\n"
    for key in ("published_date", "publish_date", "date_published", "page_date"):
        page = f"---\ntitle: Globex buys Initech\n{key}: '2025-05-26T00:00:00'\n---\n{story}"
        assert _published(page, "seeds/a.md") == "2025-05-26", key
    # a blog export keeps the story's address among its custom fields; the address
    # dates the story by the day at the end of its slug
    nested = (
        "---\ntitle: Globex buys Initech\ncustom_fields:\n  ttr: 81\n"
        "  url: https://wire.example/business/globex-buys-initech-2021-07-23/\n---\n" + story
    )
    assert _published(nested, "seeds/a.md") == "2021-07-23"
    slug = (
        "---\ntitle: Globex buys Initech\n"
        "url: https://wire.example/story/globex-leads-rally-2011-11-18?link=latest\n---\n" + story
    )
    assert _published(slug, "seeds/a.md") == "2011-11-18"
    # a site's own key for the story's address, its slug ending in a compact date; a
    # picture's address is not the story's
    inspired = (
        "---\ntitle: Globex buys Initech\nimage: https://wire.example/img/20200101.jpg\n"
        "post_inspiration: https://wire.example/globex-buys-initech-20210413/\n---\n" + story
    )
    assert _published(inspired, "seeds/a.md") == "2021-04-13"
    raw = _read_markdown("seeds/a.md", inspired)
    assert raw[1].get("url") == "https://wire.example/globex-buys-initech-20210413/"


def test_a_stamp_run_into_the_text_or_in_capitals_dates_the_page() -> None:
    words = " ".join(["Globex Corp. said it agreed to buy Initech Inc. for $300 million."] * 4)
    # a page flattened to one line: its time stamp, then the story
    flat = f"Example.com Friday, July 12, 2002, 10:21 AM ET {words}\n"
    assert _published(flat) == "2002-07-12"
    assert _published(f"By Jane Roe JULY 24, 2002 - {words}\n") == "2002-07-24"
    # a date in the story's sentence is no stamp
    in_story = f"On its call, {words} It closes on July 12, 2002 as planned.\n"
    assert _published(in_story) == "None"


def test_a_feeds_item_with_its_story_markup_escaped_reads_as_paragraphs() -> None:
    from dossier.ingest.readers import _read_text

    item = (
        "<item><title>Globex to buy Initech</title><description>&lt;p&gt;Advertisement"
        "&lt;/p&gt;&lt;p&gt;A phone with the Globex logo, in a photo taken on July 14, 2021."
        "&lt;/p&gt;&lt;p&gt;Globex said on Wednesday it has agreed to buy Initech for "
        "$300 million.&lt;/p&gt;</description></item>\n"
    )
    body = _read_text("seeds/a.txt", item)[0]
    assert "<p>" not in body and "</p>" not in body, body
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    assert "Globex said on Wednesday it has agreed to buy Initech for $300 million." in lines
    raw = RawArticle("seeds/a.txt", body, {"title": "Globex to buy Initech"}, "")
    deals = analyse(raw, Finder(())).deals
    # the photo's date is no second time of the deal: one deal, not two
    assert len(deals) == 1 and deals[0].kind == "acquisition", deals


def test_a_feeds_item_gives_its_story_title_address_date_and_author() -> None:
    from dossier.ingest.metadata import extract
    from dossier.ingest.readers import _read_text

    item = (
        "\n  <title>Globex to buy Initech, sources say</title>\n"
        "  <link>https://wire.example/business/globex-buy-initech-sources-2026-08-21/</link>\n"
        "  <pubDate>Fri, 21 Aug 2026 05:53:36 +0000</pubDate>\n"
        "  <description>Globex is set to buy Initech.</description>\n"
        "  <dc:creator>Jane Roe</dc:creator>\n"
        "  <content:encoded>&lt;p&gt;Globex Corp. agreed to buy Initech Inc. for $300 million,"
        " two sources said.&lt;/p&gt;&lt;p&gt;Initech makes printers.&lt;/p&gt;</content:encoded>\n"
    )
    body, meta, _ = _read_text("seeds/a.txt", item)
    assert meta["title"] == "Globex to buy Initech, sources say"
    assert meta["url"].startswith("https://wire.example/business/")
    assert meta["author"] == "Jane Roe"
    assert "Globex Corp. agreed to buy Initech Inc." in body and "<p>" not in body
    assert "Globex is set to buy Initech." not in body  # the summary gives way to the story
    raw = RawArticle("seeds/a.txt", body, meta, "")
    assert str(extract(raw, clean(raw.text)).published) == "2026-08-21"


def test_an_address_whose_slug_ends_in_its_date_names_no_outlet() -> None:
    from dossier.ingest.metadata import extract

    page = (
        "Globex to buy Initech\n"
        "https://wire.example/business/globex-buy-initech-sources-2026-08-21/\n"
        "Globex Corp. agreed to buy Initech Inc. for $300 million, two sources said.\n"
    )
    raw = RawArticle("seeds/a.txt", page, {}, "")
    meta = extract(raw, clean(raw.text))
    assert str(meta.published) == "2026-08-21"
    assert not (meta.outlet or "").startswith("https://"), meta.outlet


def test_a_stored_stamp_a_day_off_the_date_the_page_shows_gives_way_to_it() -> None:
    story = "Globex Corp. said it agreed to buy Initech Inc. for $300 million.\n"
    stamped = "---\ntitle: Globex buys Initech\ndate: 2021-06-04T00:14:19+00:00\n---\n"
    # a scraper's moment in UTC, the page's own "Published" line the day before
    labelled = f"{stamped}Published: June 3, 2021\n\n{story}"
    assert _published(labelled, "seeds/a.md") == "2021-06-03"
    alone = f"---\ntitle: Globex buys Initech\ndate: 2025-06-28\n---\nJune 27, 2025\n\n{story}"
    assert _published(alone, "seeds/a.md") == "2025-06-27"
    # a stored moment and the release's dateline
    dateline = (
        "---\ntitle: Globex buys Initech\ndate: '2025-02-08 04:49:00'\n---\n"
        f"NEW YORK--(BUSINESS WIRE)--February 07, 2025--\n\n{story}"
    )
    assert _published(dateline, "seeds/a.md") == "2025-02-07"
    # a stored day (no moment) keeps its place before a dateline; an update, a date
    # further off and a date inside a quoted post are other dates
    kept = (
        "---\ntitle: Globex buys Initech\npublished: '2026-01-09'\n---\n"
        f"New Brunswick, N.J. – JANUARY 8, 2026 – {story}"
    )
    assert _published(kept, "seeds/a.md") == "2026-01-09"
    for shown in (
        "Updated: June 3, 2021",
        "June 1, 2021",
        "> — Globex (@globex) [June 3, 2021](https://x.example/1)",
    ):
        page = f"{stamped}{shown}\n\n{story}"
        assert _published(page, "seeds/a.md") == "2021-06-04", shown


def test_a_slug_ending_in_a_year_and_month_dates_the_story_by_its_month() -> None:
    story = "Globex Corp. said it agreed to buy Initech Inc. for $300 million.\n"
    page = (
        "---\ntitle: Why Globex bought Initech\n"
        "url: http://www.news.example/why-globex-bought-initech-2015-3\n---\n" + story
    )
    assert _published(page, "seeds/a.md") == "2015-03"
    # a year and a number inside the slug are the story's words, not its date
    page = page.replace("initech-2015-3", "initech-in-2015-3-reasons")
    assert _published(page, "seeds/a.md") != "2015-03"


def test_markdown_emphasis_by_underscores_is_no_part_of_a_name() -> None:
    # inline markup stays in the text (quotes are substrings of the seed); "_" is a word
    # character to a regular expression, so a closing one would end the name
    text = (
        "Velmar Systems Inc agreed to buy _Orwin Labs Inc_ for $40 million. The sale "
        "follows _the purchase of Kettle Foods by Harlow Robotics Inc_ last year.\n"
    )
    raw = RawArticle("seeds/case.md", text, {}, " ".join(text.split()))
    names = {c.name for c in analyse(raw, Finder(())).new_companies}
    assert {"Orwin Labs", "Harlow Robotics"} <= names
    assert not any(n.endswith("_") or n.startswith("_") for n in names), names


def test_a_no_break_space_is_a_space_to_the_rules() -> None:
    # "announced\u00a0it would acquire": the company's word, not a modal's rumour
    text = "Title\n\nOrland Media Inc yesterday announced\u00a0it would acquire Lenvar Ltd.\n"
    raw = RawArticle("seeds/case.txt", text, {}, " ".join(text.split()))
    (deal,) = analyse(raw, Finder(())).deals
    assert (deal.kind, deal.status) == ("acquisition", "agreed")


def test_a_name_with_a_dot_at_a_headlines_start_is_no_sentence_of_its_own() -> None:
    from dossier.ingest.text import sentences

    assert sentences("Quill.Chat Aims to Replace Lenvar") == ["Quill.Chat Aims to Replace Lenvar"]


def test_a_short_lede_line_that_stops_inside_a_name_goes_on() -> None:
    text = WIRED.replace(
        "   The companies said the acquisition is expected to close in the\n",
        "   Globex has agreed to buy Initech\nHoldings, the maker of printers. It is expected "
        "to close in the\n",
    )
    paragraphs = clean(text)
    assert paragraphs[1].text.startswith("Globex has agreed to buy Initech Holdings, the maker")


def test_a_ticker_ends_its_sentence_before_an_opening_word() -> None:
    from dossier.ingest.text import sentences

    assert sentences(
        "Orland made an offer for Lenvar (LNV.N), breaking up its deal with Kestrel Iron "
        "KST.N. The deal could make Orland the leader. He met U.S. officials on Monday."
    ) == [
        "Orland made an offer for Lenvar (LNV.N), breaking up its deal with Kestrel Iron KST.N.",
        "The deal could make Orland the leader.",
        "He met U.S. officials on Monday.",
    ]
