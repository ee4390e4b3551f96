"""Rules added from errors seen on real news (benchmarks/realnews), each on a sentence
of the same shape with made-up names: what is drafted, and with which roles."""

from __future__ import annotations

from dossier.ingest.analyse import analyse
from dossier.ingest.clean import clean
from dossier.ingest.companymodel import Candidate, candidates
from dossier.ingest.deals import without_advisers
from dossier.ingest.entities import Finder
from dossier.ingest.readers import _read_text
from dossier.ingest.text import sentences as split
from dossier.ingest.types import RawArticle


def analysed(text: str, title: str = ""):
    """What the rules draft of ``text``: every deal statement, before the deal model
    weighs it (tests/test_deal_model.py tests that; a made-up sentence says too little
    of a story for it)."""
    meta = {"title": title} if title else {}
    raw = RawArticle("seeds/case.txt", text, meta, " ".join(f"{title} {text}".split()))
    return analyse(raw, Finder(()), judge=lambda found, _story: found)


def names(text: str) -> set[str]:
    return {c.name for c in analysed(text).new_companies}


def ruled(text: str) -> set[str]:
    """The phrases a rule shows to be companies: evidence the company model weighs
    (whether one is drafted is the model's call, over the whole article)."""
    sentences = [s for p in clean(text) for s in split(p.text)]
    return {c.phrase for c in _candidates(sentences) if c.rule}


def weighed(*sentences: str) -> set[str]:
    """Every phrase the company model weighs in each sentence (or headline), read alone."""
    return {c.phrase for sentence in sentences for c in _candidates([sentence])}


def _candidates(sentences: list[str]) -> list[Candidate]:
    return list(candidates(sentences, "", None, lambda _phrase: False).values())


def deals(text: str) -> set[tuple[tuple[str, str], ...]]:
    return {tuple(sorted(d.parties)) for d in analysed(text).deals}


def test_a_place_and_a_trade_name_a_company_but_an_exchange_is_a_venue() -> None:
    found = names(
        "Arkady Holdings agreed to buy Boston Dynamics from its owner. Shares of Arkady "
        "rose on the New York Stock Exchange."
    )
    assert "Boston Dynamics" in found
    assert "New York Stock Exchange" not in found


def test_a_legal_form_after_a_comma_is_evidence() -> None:
    found = names("Quillon Lights, Inc. (Nasdaq: QLI), a tools maker, said the quarter went well.")
    assert "Quillon Lights" in found


def test_a_typewriter_dash_splits_a_dateline_from_a_name() -> None:
    found = names("CUPERTINO, Calif.--Dec. 20, 1996--Orland Computer, Inc. today said it agreed.")
    assert "Orland Computer" in found
    assert not any("1996" in n for n in found)


def test_a_title_names_a_person_whatever_the_first_name() -> None:
    text = (
        "Velmar Systems Inc agreed to buy Orwin Labs Inc, said CEO Jensun Hoang. "
        "Hoang said its chips would power the sites."
    )
    assert "Hoang" not in names(text)


def test_a_semicolon_separates_two_deals() -> None:
    text = (
        "Velmar Systems Inc acquired Orwin Labs Inc for $7.5 billion; Kestrel Group Ltd "
        "agreed to acquire Dunmore Holdings plc for $18.9 billion."
    )
    found = deals(text)
    assert found == {
        (("orwin-labs", "target"), ("velmar-systems", "acquirer")),
        (("dunmore", "target"), ("kestrel", "acquirer")),
    }


def test_agreements_with_a_list_are_one_deal_each() -> None:
    text = (
        "Vessan Networks Inc said on Monday it has struck licensing agreements with Aldren "
        "Corp, Mitrel Networks Ltd and Nexo Systems Inc."
    )
    found = deals(text)
    for other in ("aldren", "mitrel-networks", "nexo-systems"):
        assert any({s for s, _ in d} == {"vessan-networks", other} for d in found), found


def test_a_business_sold_to_a_buyer_has_the_buyer_as_acquirer() -> None:
    found = deals("Then, in January, Orland Corp sold to Lenvar Ltd its server business.")
    assert found == {(("lenvar", "acquirer"), ("orland", "target"))}


def test_a_company_publishing_its_own_news_is_a_company_but_a_publication_is_not() -> None:
    text = (
        "Kelvara announces a partnership with Dronsk Medical Inc. Kelvara will sell Dronsk's "
        "devices in Europe, Kelvara said."
    )
    own = RawArticle("seeds/case.txt", text, {"url": "https://www.kelvara.com/news/dronsk"}, text)
    found = {c.name for c in analyse(own, Finder(())).new_companies}
    assert "Kelvara" in found, found
    # a known publication's name in its own article stays out ("Mint" of livemint.com)
    story = "Mint had reported that Macquarie Group Ltd. agreed to buy Hindustan Power Ltd."
    paper = RawArticle(
        "seeds/case.txt", story, {"url": "https://www.livemint.com/companies/a.html"}, story
    )
    assert "Mint" not in {c.name for c in analyse(paper, Finder(())).new_companies}


def test_a_company_sold_by_name_has_the_buyer_after_to_and_no_seller() -> None:
    bought = (("morrow-capital", "acquirer"), ("orsk-data", "target"))
    for text in (
        "Trevia Corp sold Orsk Data Inc. to Morrow Capital LLC in January.",
        "Trevia Corp sold its data storage unit, Orsk Data Inc., for $7.4 billion to a "
        "group led by Morrow Capital LLC in January.",
        "The sale of Orsk Data Inc. to Morrow Capital LLC was completed on Monday.",
        "Orsk Data Inc.'s $40 billion sale to Morrow Capital LLC was scuppered by regulators.",
    ):
        assert deals(text) == {bought}, text
    # goods sold are no deal, and a sale to buyers that names no company sold is none
    assert deals("Trevia Corp sold nickel to Morrow Capital LLC in January.") == set()
    assert deals("The sale to Morrow Capital LLC and Gemstone Ltd. closes soon.") == set()


def test_a_possessive_of_a_person_a_word_names_so_is_no_part_of_the_name() -> None:
    # (a given name no census lists, after a word only a person is called)
    found = names(
        "Billionaire Mukesh Arvand's Orvane Industries agreed to buy Keltra Corp. for $2 "
        "billion, Orvane Industries said."
    )
    assert "Orvane Industries" in found and not any("Arvand" in n for n in found), found


def test_a_short_name_in_brackets_after_a_dotted_legal_form_is_an_alias() -> None:
    found = analysed(
        "Keltra Corp. will hold a minority stake in the newly formed Orvane Satellite "
        "Multimedia Services S.A. (OSM), Keltra said. OSM will offer internet services."
    )
    assert "OSM" not in {c.name for c in found.new_companies}
    assert all("osm" not in dict(d.parties) for d in found.deals), found.deals


def test_a_holding_a_clause_recalls_is_no_deal() -> None:
    assert not deals(
        "Orvane Coal Ltd, which is 13% owned by trading house Keltra Group Ltd, said "
        "Tuesday the acquisition would make it the largest producer."
    )
    # nor is an analyst's rating in curly quotes
    assert not deals("Lenvar Securities Ltd has upgraded Orvane Coal Ltd to ‘buy’ from ‘hold’.")


def test_a_word_glued_on_after_a_name_is_no_part_of_it() -> None:
    found = names(
        "Orvane Data Centers has signed a deal with security vendor Keltra Range toImprove "
        "its security, Orvane Data Centers said."
    )
    assert "Keltra Range" in found and not any("toImprove" in n for n in found), found


def test_a_place_of_two_words_opens_a_name_whole() -> None:
    from dossier.ingest.names import trim

    for name in ("Hong Kong Exchanges", "Los Alamos National Bank", "Las Vegas Sands"):
        assert trim(0, name, False) == (0, name)


def test_a_date_before_a_name_is_no_part_of_it() -> None:
    for text in (
        "On January 10th Orvane Systems Inc., a maker of pumps, snapped up Keltra Corp.",
        "On Jan. 10 Orvane Systems Inc., a maker of pumps, snapped up Keltra Corp.",
        "On March 3, 2021 Orvane Systems Inc., a maker of pumps, snapped up Keltra Corp.",
    ):
        assert {"Orvane Systems", "Keltra"} <= names(text), text
    # the meeting of that date is no company
    assert "AGM" not in names("Orvane Systems Inc. shareholders will vote at the June 22 AGM.")


def test_money_put_into_a_company_is_an_investment() -> None:
    expected = {(("kelbrook-labs", "investee"), ("morrow-capital", "investor"))}
    assert (
        deals("Morrow Capital LLC put $350 million into booking platform Kelbrook Labs Inc.")
        == expected
    )
    assert deals("Morrow Capital LLC has poured another €40m into Kelbrook Labs Inc.") == expected
    # people or goods put into a company's project are no money
    assert not deals("Morrow Capital LLC put 100 engineers into its Kelbrook Labs Inc. project.")


def test_an_investment_from_a_company_has_it_as_investor() -> None:
    assert deals(
        "Kelbrook Labs Inc. announced up to $100 million in strategic growth investment from "
        "Morrow Capital LLC."
    ) == {(("kelbrook-labs", "investee"), ("morrow-capital", "investor"))}
    assert deals(
        "Kelbrook Labs Inc. received funding from Morrow Capital LLC, Halden Group Ltd. and "
        "Trevia Ventures LP."
    ) == {
        (
            ("halden", "investor"),
            ("kelbrook-labs", "investee"),
            ("morrow-capital", "investor"),
            ("trevia-ventures", "investor"),
        )
    }


def test_the_purchase_of_x_by_y_has_y_as_acquirer() -> None:
    text = (
        "Analysts compared it to the purchase of cataloger Fingal Companies Inc. by "
        "Federal Stores Inc. earlier this year."
    )
    assert deals(text) == {(("federal-stores", "acquirer"), ("fingal-companies", "target"))}


def test_a_saved_email_gives_its_subject_date_and_body() -> None:
    text = (
        "Message-ID: <1.2@host>\nDate: Thu, 9 Nov 2000 02:20:00 -0800 (PST)\n"
        "From: a@example.com\nTo: b@example.com\nSubject: Fw: Orland to Buy Lenvar\n"
        "Mime-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n"
        "Orland Corp agreed to buy Lenvar Ltd.\n"
    )
    body, meta, warnings = _read_text("seeds/mail.txt", text)
    assert meta == {"title": "Orland to Buy Lenvar", "published": "2000-11-09"}
    assert body.strip() == "Orland Corp agreed to buy Lenvar Ltd."
    assert "Mime-Version" not in body and warnings == ()


def test_a_funding_round_reported_is_raised_and_one_planned_is_not() -> None:
    from dossier.ingest.status import status_of

    for raised in (
        "Orwell Capital led Kestrel's round, with participation from Tamsin Ventures.",
        "The company just announced $40 million in a series C round led by Orwell Capital.",
        "The financing comes from Orwell Capital and Tamsin Ventures.",
        "The Series B funding round included the participation of Orwell Capital.",
    ):
        assert status_of(raised) == ("completed", True), raised
    assert status_of("Kestrel plans to raise a Series B round next year.")[0] == "announced"
    assert status_of("Kestrel is in talks to raise a round led by Orwell.")[0] == "rumored"


def test_the_day_of_the_saying_is_not_part_of_the_name_after_it() -> None:
    said = names("Tree International said Tuesday Orwell Records agreed to buy it for $45 million.")
    assert "Orwell Records" in said and not any(n.startswith("Tuesday") for n in said)
    # a legal form makes the day part of a name
    assert "Tuesday Morning" in names("Shares of Tuesday Morning Corp. rose 4% on Friday.")
    # the month of the saying too
    month = names("Earlier in December Orsk Metals, a Swiss firm, announced a partnership.")
    assert "Orsk Metals" in month and not any(n.startswith("December") for n in month), month
    assert "May Department Stores" in names("May Department Stores Co. said sales rose 2%.")
    # a participle that names it: "Coined Trex Ventures, the JV will …"
    for said in ("Coined", "Dubbed", "Named"):
        named = names(f"{said} Orsk Ventures Ltd., the venture will sell tours in Thailand.")
        assert "Orsk Ventures Ltd." in named or "Orsk Ventures" in named, named
        assert not any(n.startswith(said) for n in named), named


def test_an_archived_wire_document_gives_its_headline_archive_and_day() -> None:
    # the TREC/LDC form news archives keep: the document number names the archive and
    # the day, in each archive's own order
    story = (
        "<DOC>\n<DOCNO> AP890103-0251 </DOCNO>\n<FILEID>AP-NR-01-03-89 2136EST</FILEID>\n"
        "<HEAD>Orland May Raise Offer For Lenvar</HEAD>\n<DATELINE>MEMPHIS, Tenn. (AP) "
        "</DATELINE>\n<TEXT>\n   Orland Corp. is considering an increase in its offer for "
        "Lenvar &AMP; Co.&QL;\n</TEXT>\n</DOC>\n"
    )
    body, meta, warnings = _read_text("seeds/ap.txt", story)
    assert meta == {
        "title": "Orland May Raise Offer For Lenvar",
        "published": "1989-01-03",
        "outlet": "Associated Press",
    }
    assert "Orland Corp. is considering an increase in its offer for Lenvar & Co." in body
    assert "<" not in body and "&QL;" not in body and warnings == ()
    la = story.replace("AP890103-0251", "LA102390-0093").replace("HEAD>", "HEADLINE>")
    assert _read_text("seeds/la.txt", la)[1] == {
        "title": "Orland May Raise Offer For Lenvar",
        "published": "1990-10-23",
        "outlet": "Los Angeles Times",
    }
    # a news service's archive carries many papers: its day, but no outlet of its own
    nyt = story.replace("AP890103-0251", "NYT19981216.0140")
    assert _read_text("seeds/nyt.txt", nyt)[1] == {
        "title": "Orland May Raise Offer For Lenvar",
        "published": "1998-12-16",
    }
    # Gigaword's form of the archive; the service's slug ending "-NYT" names the paper
    gigaword = (
        '<DOC id="NYT_ENG_19950101.0065" type="story" >\n<HEADLINE>\nORLAND MAY RAISE '
        "OFFER\n</HEADLINE>\n<DATELINE>\nNEW YORK  (BC-ORLAND-OFFER-NYT)\n</DATELINE>\n"
        "<TEXT>\n<P>\nOrland Corp. is considering an increase in its offer.\n</P>\n</TEXT>\n"
        "</DOC>\n"
    )
    assert _read_text("seeds/g.txt", gigaword)[1] == {
        "title": "ORLAND MAY RAISE OFFER",
        "published": "1995-01-01",
        "outlet": "The New York Times",
    }
    other = gigaword.replace("-NYT)", "-COX)").replace("NYT_ENG", "APW_ENG")
    assert _read_text("seeds/h.txt", other)[1]["outlet"] == "Associated Press"
    # without a story, or without a document number, it is text as before
    assert _read_text("seeds/x.txt", story.replace("TEXT>", "NOTE>"))[1] == {}
    assert _read_text("seeds/y.txt", story.replace("DOCNO>", "DOCID>"))[1] == {}


def test_an_ap_editors_note_over_several_lines_is_not_the_story() -> None:
    # the desk's instructions name the story's companies in shorthand ("comments from
    # Lenvar officials"): read as text, the short name would be met before the full one
    story = (
        "<DOC>\n<DOCNO> AP890919-0225 </DOCNO>\n<HEAD>Orland Sells Unit to Lenvar</HEAD>\n"
        "<HEAD>Eds: INSERTS 3 new grafs after 6th graf pvs, Orland said...\nto UPDATE "
        "with today's comments from Lenvar officials. SUBS 7th graf</HEAD>\n<TEXT>\n"
        "   Orland Corp. sold its unit to Lenvar Kangyo Bank Ltd. of Japan.\n</TEXT>\n</DOC>\n"
    )
    body, meta, _ = _read_text("seeds/ap.txt", story)
    assert meta["title"] == "Orland Sells Unit to Lenvar"
    assert "officials" not in body and "Eds" not in body
    assert "Orland Corp. sold its unit to Lenvar Kangyo Bank Ltd. of Japan." in body
    # the LA Times' index terms after the story are a catalogue's, not the story's
    la = story.replace("AP890919-0225", "LA052589-0108").replace(
        "</TEXT>",
        "</TEXT>\n<SUBJECT>\n<P>\nPATENTS; ORLAND (COMPANY); LENVAR INC\n</P>\n</SUBJECT>",
    )
    body, _, _ = _read_text("seeds/la.txt", la)
    assert "COMPANY" not in body and "PATENTS" not in body


def test_a_timeml_document_gives_its_story_day_headline_and_archive() -> None:
    # the annotated form of news corpora: the day in DCT, events and times tagged
    story = (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>wsj_0001</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-27" '
        'functionInDocument="CREATION_TIME">10/27/89</TIMEX3></DCT>\n'
        "<EXTRAINFO>\nWSJ891027-0150 = 891027 891027-0150.\nOrland Seeks to Buy @ "
        "15% of Lenvar @ ---- @ By Ann Smith @ Staff Reporter 10/27/89 (J) ORL\n</EXTRAINFO>\n"
        '<TEXT>\nOrland Corp. <EVENT eid="e1" class="I_STATE">wants</EVENT> to buy 15% '
        "of Lenvar PLC.\n</TEXT>\n</TimeML>\n"
    )
    body, meta, _ = _read_text("seeds/wsj.txt", story)
    assert meta == {
        "published": "1989-10-27",
        "outlet": "The Wall Street Journal",
        "title": "Orland Seeks to Buy 15% of Lenvar",
    }
    assert body.strip() == "Orland Corp. wants to buy 15% of Lenvar PLC."
    # a sentence to an <s>, the header the headline itself: no "2011Orland" glued
    wiki = (
        '<TimeML><DOCID>1</DOCID>\n<DCT><TIMEX3 functionInDocument="CREATION_TIME" '
        'value="2011-05-29">2011-05-29</TIMEX3></DCT>\n<EXTRAINFO>Orland to buy Lenvar'
        '</EXTRAINFO>\n<TEXT><s id="0">May 29 , 2011</s><s id="1">Orland said it will buy '
        "Lenvar .</s></TEXT></TimeML>"
    )
    body, meta, _ = _read_text("seeds/wiki.txt", wiki)
    assert meta == {"published": "2011-05-29", "title": "Orland to buy Lenvar"}
    assert body.split("\n")[:2] == ["May 29 , 2011", "Orland said it will buy Lenvar ."]


def test_a_tempeval_document_names_its_paper_and_headline() -> None:
    story = (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>nyt_20130322_strange_computer</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" '
        'functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>\n'
        "<TITLE>A Strange Computer</TITLE>\n<TEXT>\nOrland Corp. "
        '<EVENT eid="e1" class="OCCURRENCE">bought</EVENT> a computer.\n</TEXT>\n</TimeML>\n'
    )
    _, meta, _ = _read_text("seeds/nyt.txt", story)
    assert meta == {
        "published": "2013-03-22",
        "outlet": "The New York Times",
        "title": "A Strange Computer",
    }
    unknown = story.replace("nyt_20130322", "xyz_20130322")
    assert "outlet" not in _read_text("seeds/x.txt", unknown)[1]


def test_a_dow_jones_archive_record_gives_its_story_headline_day_and_paper() -> None:
    record = (
        "\nAN        900711-0028.\nHL           Orland to Acquire\n             Lenvar Unit\n"
        "             ----\n             By Ann Smith\nDD        07/11/90\n"
        "SO        WALL STREET JOURNAL (J), PAGE A5\nCO           ORL LNV\n"
        "TX           CARMEL, Ind. -- Orland Inc. said it agreed to acquire the\n"
        "          insurance unit of Lenvar Corp.\n"
        "             Orland said it will pay $140 million.\n"
        "        Lenvar, a Dallas company, agreed.\n"
    )
    body, meta, _ = _read_text("seeds/wsj.txt", record)
    assert meta == {
        "title": "Orland to Acquire Lenvar Unit",
        "published": "1990-07-11",
        "outlet": "The Wall Street Journal",
    }
    assert body.split("\n\n") == [
        "CARMEL, Ind. -- Orland Inc. said it agreed to acquire the insurance unit of Lenvar Corp.",
        "Orland said it will pay $140 million. Lenvar, a Dallas company, agreed.",
    ]
    # a person, then the firm: "Stanford Phelps of S.N. Phelps & Co."
    assert "Kelvin Marsh of Orland" not in names(
        "Among the bondholders is veteran investor Kelvin Marsh of Orland & Co., a bond broker."
    )


def test_a_record_of_xml_fields_gives_its_story_and_its_fields() -> None:
    from dossier.ingest.readers import _read_markdown

    record = (
        "<document_id>7a</document_id>\n<url>https://news.example/orland-lenvar/</url>\n"
        "<title>Orland to buy Lenvar</title>\n<author>Ann Smith</author>\n"
        "<published_time>2020-03-09T14:35:37+00:00</published_time>\n"
        "<topics><topic>Takeover Talk</topic></topics>\n<content>\n"
        "<p>Orland Corp agreed to buy Lenvar &amp; Co on Monday.</p>\n</content>\n"
    )
    body, meta, _ = _read_text("seeds/r.txt", record)
    assert meta == {
        "title": "Orland to buy Lenvar",
        "published": "2020-03-09T14:35:37+00:00",
        "url": "https://news.example/orland-lenvar/",
        "author": "Ann Smith",
    }
    assert body.strip() == "Orland Corp agreed to buy Lenvar & Co on Monday."
    assert body.count("\n") >= record[: record.index("<content>")].count("\n")
    # front matter says more than the record, and comes first
    body, meta, _ = _read_markdown(
        "seeds/r.md", "---\noutlet: The Dock\ntitle: Mine\n---\n" + record
    )
    assert meta["outlet"] == "The Dock" and meta["title"] == "Mine"
    assert meta["published"].startswith("2020-03-09") and "Takeover Talk" not in body
    # markup with no field a seed has is read as before
    assert _read_text("seeds/p.txt", "<div><content>Orland agreed.</content></div>")[1] == {}


def test_text_that_only_starts_like_a_header_is_read_as_text() -> None:
    text = "Subject: the merger.\n\nOrland Corp agreed to buy Lenvar Ltd.\n"
    body, meta, _ = _read_text("seeds/note.txt", text)
    assert meta == {} and body.startswith("Subject: the merger.")


def test_a_recalled_deal_keeps_the_month_its_sentence_gives() -> None:
    raw = RawArticle(
        "seeds/case.txt",
        "Arkady Systems Inc said on Monday it would buy Vell Labs Inc. Arkady bought "
        "Orwin Robotics Inc in September 2016 for $400 million.",
        {"published": "2019-03-04"},
        "",
    )
    found = {tuple(sorted(d.parties)): d for d in analyse(raw, Finder(())).deals}
    recalled = found[(("arkady-systems", "acquirer"), ("orwin-robotics", "target"))]
    assert str(recalled.announced) == "2016-09"


def test_a_table_laid_page_saved_with_its_php_is_read() -> None:
    from dossier.ingest.readers import _read_html

    cell = (
        "Orland Corp said on Monday it had sold its direct marketing division to Lenvar "
        "Ltd for $12 million in cash, and would use the money to repay its debt. "
    )
    page = (
        "<?PHP $section = 'Press Center'; include('head.php'); ?>\n<BODY>"
        "<TABLE><TR><TD><? include('nav.php'); ?></TD></TR><TR><TD>"
        + "<BR>".join([cell] * 4)
        + "</TD></TR></TABLE></BODY>"
    )
    body, _, _ = _read_html("seeds/page.html", page)
    assert "sold its direct marketing division to Lenvar" in body
    assert "include" not in body and "|" not in body


def test_a_page_printed_by_its_php_is_read() -> None:
    from dossier.ingest.readers import _read_html

    story = (
        "<p>Orland Corp and Lenvar Ltd have both confirmed that they are in exclusive talks "
        "over the sale of Lenvar's North Sea fields.</p>\n"
        "<p>The fields could be worth as much as $3bn, according to people close to the "
        "talks, and a deal could be agreed within weeks.</p>\n"
    )
    page = '<?php\nprint\'\n<h1>NEWS</h1>\n<div class="news">\n' + story + "</div>\n';\n?>"
    body, _, _ = _read_html("seeds/news-5.php.html", page)
    assert "Orland Corp and Lenvar Ltd have both confirmed" in body
    assert "print" not in body


def test_an_sec_exhibit_is_read_from_its_html() -> None:
    from dossier.ingest.readers import _read_html

    paragraph = (
        "<P>CONCORD, September 26, 2000. Orland Corp announced today that it has acquired "
        "Lenvar Ltd, a retailer with sales locations in two states. Terms were not "
        "disclosed.</P>"
    )
    page = (
        "<TYPE>EX-99\n<SEQUENCE>2\n<FILENAME>press.htm\n<TEXT>\n<HTML><HEAD><TITLE></TITLE>"
        "</HEAD><BODY>" + paragraph * 3 + "</BODY></HTML>\n</TEXT>"
    )
    body, _, _ = _read_html("seeds/exhibit.html", page)
    assert "Orland Corp announced today that it has acquired Lenvar Ltd" in body


def test_a_rare_given_name_alone_does_not_make_a_company_a_person() -> None:
    text = (
        "Regulators raided carmakers Vellmark Motors AG, Porsche and Kestrel Autos GmbH "
        "over the talks."
    )
    sentences = [s for p in clean(text) for s in split(p.text)]
    assert "Porsche" in {
        c.phrase for c in candidates(sentences, "", None, lambda _p: False).values()
    }


def test_a_deal_that_closed_or_fell_through_says_so() -> None:
    from dossier.ingest.status import status_of

    for sentence in (
        "Orland's acquisition of Lenvar closed in May.",
        "The deal, which closed last week, values Lenvar at $2 billion.",
        "Orland purchased Lenvar in 2019.",
        "Orland sold its storage unit, Lenvar, for $7.4 billion to a group led by Morrow.",
        "Lenvar joined in July with the close of a $1.2 billion acquisition by Orland.",
        "The shares changed hands upon the completion of its merger with Lenvar.",
        "Morrow announced today that it has made a lead investment in Lenvar.",
        "Orland makes strategic investment into Lenvar",
        "Update: Orland has confirmed the acquisition; Orland has reportedly acquired Lenvar.",
        "Orland & Co announced that it spent $305 million to buy robot maker Lenvar.",
        "Orland and Lenvar have been working closely since entering into an MoU in 2023.",
        "Zuckerberg said this was why Orland was able to acquire Lenvar for less.",
    ):
        assert status_of(sentence) == ("completed", True), sentence
    for sentence in (
        "Lenvar's sale to Orland was scuppered by regulators.",
        "Lenvar's planned sale to Orland fell through.",
        "The deal was thwarted by a rival bid.",
        "In 2018 two shareholders scuttled Orland's planned merger with Lenvar.",
        "Orland Ends Partnership with Lenvar; Effective This August",
        "Orland paid Lenvar $2 billion to end their alliance.",
    ):
        assert status_of(sentence) == ("terminated", True), sentence
    # an ending that is no deal's
    assert status_of("Orland agreed to buy Lenvar at the end of the year.")[0] == "agreed"
    # a modal over the deal's verb is a rumour; one over anything else is not
    for sentence in (
        "Orland could buy Lenvar for $2 billion.",
        "Lenvar would be acquired by Orland under the plan.",
        "Orland may soon merge with Lenvar.",
    ):
        assert status_of(sentence)[0] == "rumored", sentence
    written_off = (
        "Orland has written off $200 million of its acquisition of Lenvar, which has not "
        "made as much money as Orland thought it would."
    )
    assert status_of(written_off)[0] != "rumored"
    assert status_of("The deal is expected to close in May.")[0] == "agreed"
    # a price reported is no rumour of the deal
    assert (
        status_of("Then came Orland's purchase of Lenvar, which reportedly cost $2 billion.")[0]
        != "rumored"
    )
    assert status_of("Orland has reportedly acquired Lenvar.")[0] == "rumored"
    # close to a deal is not one
    for sentence in (
        "Orland Group said to be close to buying Lenvar - report",
        "Orland is reported to be close to securing the purchase of Lenvar.",
        "Orland nears deal to buy Lenvar.",
    ):
        assert status_of(sentence)[0] == "rumored", sentence
    assert status_of("Orland bought Lenvar for close to $2 billion.")[0] == "completed"
    # money spent on a purchase, however long the words between, is money out: done
    spent = "Orland spent $95 million in July 2015 to buy Denmark-based design firm Lenvar."
    assert status_of(spent)[0] == "completed"
    # an offer increased is still an offer
    assert status_of("Orland increases offer for Lenvar to A$8.50 a share")[0] == "announced"
    for sentence in (
        "The Orland investment in Lenvar is expected to be completed at the end of January.",
        "Orland said it has received all regulatory approvals for acquiring a stake in Lenvar.",
        "Lenvar announced it has entered into an agreement pursuant to which Orland will invest.",
        "A $40bn takeover of Lenvar by Orland will be subject to an in-depth inquiry.",
        "Kestrel may switch stations owned by Lenvar, which is being acquired by Orland.",
        "Its chief will lead Lenvar when it becomes part of Orland after the takeover.",
        "The regulator has announced plans to scrutinize the proposed sale of Lenvar to Orland.",
    ):
        assert status_of(sentence) == ("agreed", True), sentence
    assert status_of("Completion of the deal is expected in May.")[0] != "completed"
    assert status_of("Closing of the acquisition is subject to approval.")[0] != "completed"


def test_status_words_of_a_done_deal() -> None:
    from dossier.ingest.status import status_of

    for sentence in (
        "The merger of Orland and Lenvar, which became final Tuesday, creates a chain.",
        "Orland has confirmed the acquisition in a blog post.",
        "Google has invested $300 million in Lenvar, according to the Financial Times.",
        "And in August, Orland snatched up Lenvar, a maker of sensors.",
        "Orland Laboratories Completes Acquisition of Lenvar Therapeutics",
    ):
        assert status_of(sentence) == ("completed", True), sentence
    assert status_of("Orland is in talks to buy Lenvar, according to people familiar.")[0] == (
        "rumored"
    )


def test_status_follows_who_has_committed_to_the_deal() -> None:
    """benchmarks/realnews/README.md's one rule: a company's word that it will do the
    deal is agreed; an intention or offer the other side has not accepted is announced."""
    from dossier.ingest.status import status_of

    for sentence in (
        "Orland said on Tuesday it would buy Lenvar for about $4 billion.",
        "Orland announced today that it's buying Lenvar for $775 million in cash.",
        "Orland partners with Lenvar on military headsets",
        "Orland Resources Forms Joint Venture With Lenvar Resources for Gold Project",
        "Orland is investing $1 billion in Lenvar to build machines",
        "Orland and Lenvar announced a partnership on Monday to build voice assistants.",
        "Orland Corp. and Lenvar AG announced the signing of a memorandum of understanding.",
        "Analysts expect the pending merger of Orland with Lenvar to cut costs.",
        "Orland is teaming up with Lenvar for in-store promotions.",
        "Finland's taxi booking specialist Lenvar will be acquired by Orland.",
    ):
        assert status_of(sentence) == ("agreed", True), sentence
    for sentence in (
        "Orland proposed a merger with Lenvar, whose board has yet to reply.",
        "Orland raised its bid for Lenvar to $121 billion.",
    ):
        assert status_of(sentence) == ("announced", True), sentence
    for sentence in (
        "Then, in January, Orland sold to Lenvar its low-end server business.",
        "It also has a partnership with Lenvar, a rival of Kestrel.",
        "Orland licensed five new drug targets from Lenvar.",
        "Lenvar plans to expand following a 200 000 euro seed investment from Orland.",
    ):
        assert status_of(sentence) == ("completed", True), sentence


def test_a_place_with_a_legal_form_is_a_company_and_its_city_does_not_undo_it() -> None:
    found = names(
        "Harlow Industries Inc. offered to acquire Georgia Gulf Corp. for $50 a share. "
        "Vessan Corp. was merged into Primerica Corp., New York, after a vote."
    )
    assert {"Georgia Gulf", "Primerica"} <= found


def test_a_leading_adjective_is_not_part_of_the_name() -> None:
    found = names("Struggling Avonel is selling its Singapore arm for £1.6 billion.")
    assert "Avonel" in found and "Struggling Avonel" not in found


def test_a_firm_noun_outweighs_a_name_that_looks_like_a_persons() -> None:
    found = names("Shares rose after insurance giant Ping An increased its holding to 8 per cent.")
    assert "Ping An" in found
    text = (
        "Steve Jobs resigned as CEO. Tim Cook was named CEO of the company Jobs co-founded "
        "in his garage."
    )
    assert "Jobs" not in names(text)


def test_a_round_led_by_investors_the_article_names_often_is_still_the_subjects() -> None:
    text = (
        "Quorvel Raises $5.5M Led by Brackwater Ventures\n\n"
        "Quorvel Inc., a maker of planning software, today announced $5.5 million in seed "
        "funding.\n\nThe round was led by Brackwater Ventures, with participation from "
        "Tessard Capital.\n\n\u201cQuorvel solves a real problem,\u201d said a partner at "
        "Brackwater Ventures."
    )
    found = {d.parties: d.status for d in analysed(text).deals}
    investee = next(parties for parties in found if ("quorvel", "investee") in parties)
    assert ("brackwater-ventures", "investor") in investee
    assert found[investee] == "completed"


def test_a_deal_is_dated_by_the_statement_that_gives_a_day() -> None:
    text = (
        "Orland Coffee Co. will buy Lenvar Roasters Inc., a chain of 56 cafes, to grow in "
        "California.\n\nOrland announced Tuesday that it would buy Lenvar for an "
        "undisclosed amount."
    )
    raw = RawArticle(
        "seeds/case.txt",
        text,
        {"title": "Orland to buy Lenvar", "published": "1998-12-16"},
        " ".join(text.split()),
    )
    (deal,) = analyse(raw, Finder(())).deals
    assert str(deal.announced) == "1998-12-15"


def test_a_town_before_a_state_abbreviation_is_a_place() -> None:
    found = names(
        "A spokeswoman for the Redwood Shores, Calif., software company Orland Systems Inc. "
        "declined to comment. Vessan Corp., Duluth, Ga., is an insurer. Headquartered in "
        "Princeton, NJ, Kestrel Lists Inc. runs offices in Stamford, CT and Boston."
    )
    assert {"Orland Systems", "Vessan", "Kestrel Lists"} <= found
    assert not found & {"Redwood Shores", "Calif", "Duluth", "Ga", "Princeton", "NJ", "CT"}


def test_the_partners_of_a_firm_before_its_legal_form_are_one_name() -> None:
    found = names(
        "Orland Inc. agreed to buy Lenvar Corp. Harwick, Dunmore & Pell LLP served as legal "
        "advisor to Orland, and Tessard, Quill & Co. advised Lenvar."
    )
    assert not found & {"Harwick", "Dunmore & Pell", "Tessard", "Quill & Co"}


def test_a_registrants_one_word_name_the_article_writes_as_a_word_is_that_word() -> None:
    text = (
        "Orland Roasters Inc. agreed to buy Lenvar Cafes Inc. for $8 million. Sales at its "
        "Coffee unit rose 9% as the coffee chain opened stores; see orlandroasters.com/apple. "
        "Apple said its phones sold well."
    )
    found = names(text)
    assert "Coffee" not in found
    assert "Apple" in found  # "apple" only inside an address is no word of the article


def test_legal_forms_as_the_wires_and_indian_papers_write_them() -> None:
    found = names(
        "New Delhi: Government granted a licence to KP Plc, a British oil company, and "
        "Bharat Loomtech Pvt to set up petrol pumps."
    )
    assert {"KP", "Bharat Loomtech"} <= found


def test_what_a_business_has_and_does_names_it() -> None:
    text = (
        "Retail sales at Brannocks rose 11% in the half year. Quorvel’s head of public "
        "policy for India has resigned. It may change practice, says Ann Neu, Head of "
        "Platform Solutions for Tessaro. Rivals met in Uzbekistan and at MIT."
    )
    assert {"Brannocks", "Quorvel", "Tessaro"} <= ruled(text)
    assert not (names(text) | ruled(text)) & {"Uzbekistan", "MIT", "Ann Neu"}


def test_a_list_of_licensees_after_another_company_named_first() -> None:
    text = (
        "Orland Inc. won a settlement from Lenvar Corp. in 2010; in addition to Lenvar, "
        "Orland has struck licensing agreements with Aastrix Ltd., Mitelco Networks Inc., "
        "and Nexo Corp."
    )
    found = deals(text)
    for other in ("aastrix", "mitelco-networks", "nexo"):
        assert tuple(sorted([("orland", "licensor"), (other, "licensee")])) in found, found


def test_public_bodies_unions_and_titles_of_a_company_are_no_companies() -> None:
    found = names(
        "Prospar Airport Services Inc. faces a strike called by the Service Employees "
        "International Union, and the Chicago Department of Aviation said it was watching, "
        "said the President of Prospar. Members of Prospar met in May. The Executive "
        "Committee of Prospar Airport Services Inc. approved the plan, and the "
        "Forward-Looking Statements of Lenvar Corp. say nothing more."
    )
    assert "Prospar Airport Services" in found
    assert not found & {
        "Service Employees International Union",
        "Chicago Department of Aviation",
        "President of Prospar",
        "Members of Prospar",
        "Executive Committee of Prospar Airport Services",
        "Forward-Looking Statements of Lenvar",
    }


def test_what_a_company_makes_or_owns_before_its_name_is_no_part_of_it() -> None:
    found = names(
        "Anvil-maker Orland Industries said on Monday that TikTok-owner Lenvar Group would "
        "buy a stake in it."
    )
    assert {"Orland Industries", "Lenvar"} <= found
    assert not {n for n in found if "-" in n}


def test_who_works_where_names_the_employer() -> None:
    text = (
        "Ravi Menon, chief operating officer of Brackwell, starts in May. Ann Lo has joined "
        "Tessaro as its chief. Paul Ek, Director of Product Management at Quorvel, said so."
    )
    assert {"Brackwell", "Tessaro", "Quorvel"} <= ruled(text)
    assert "Product Management" not in names(text) | ruled(text)


def test_one_company_spelled_two_ways_is_drafted_once() -> None:
    found = analysed(
        "Quorvel.com Inc. agreed to buy Lenvar Corp. for $2 billion. Retail sales at Quorvel "
        "rose 9%. Tess-Mart Stores Inc. said it would not bid; TessMart said its stores grew."
    ).new_companies
    slugs = sorted(c.slug for c in found)
    assert slugs == ["lenvar", "quorvel-com", "tess-mart-stores"], slugs


def test_foundations_central_banks_and_a_manner_are_no_companies() -> None:
    found = names(
        "Orland Inc. gave to the Brackwater Foundation. The European Central Bank said "
        "Lenvar Corp. would offer a Netflix-style service."
    )
    assert {"Orland", "Lenvar"} <= found
    assert not found & {"Brackwater Foundation", "European Central Bank", "Netflix-style"}


def test_a_pages_tag_repeated_before_the_headline_is_not_part_of_the_name() -> None:
    found = names(
        "Menu Expand Menu Tech / Orland Orland invests $1 billion in Lenvar Labs Inc to "
        "pursue its goal."
    )
    assert "Orland Orland" not in found
    assert "Lenvar Labs" in found


def test_a_partys_parent_named_to_describe_it_is_not_a_party() -> None:
    found = deals(
        "Orland Inc. and Lenvar Online Inc., a wholly owned subsidiary of Kestrel Media "
        "Inc., today announced a strategic alliance."
    )
    assert found == {(("lenvar-online", "partner"), ("orland", "partner"))}, found


def test_a_word_the_article_also_writes_in_lower_case_is_that_word() -> None:
    found = names(
        "German carmakers Orland and Lenvar Motors AG met. Carmakers agreed not to add "
        "tanks, a report said."
    )
    assert "Carmakers" not in found


def test_names_before_are_trademarks_of_are_brands() -> None:
    found = names(
        "Orland Inc. signed with Lenvar Corp. Orland and Logidon are registered trademarks "
        "of Orland Inc."
    )
    assert "Logidon" not in found
    assert {"Orland", "Lenvar"} <= found


def test_a_companys_departments_are_no_companies() -> None:
    found = names(
        "Ravi Menon, formerly Orland Inc.'s vice president of Worldwide Sales and "
        "Services, joins Lenvar Corp. Its cloud serves Sales, Service, Marketing, Human "
        "Resources and Finance, says the head of Corporate Communications."
    )
    assert {"Orland", "Lenvar"} <= found
    assert not found & {
        "Worldwide Sales",
        "Marketing",
        "Human Resources",
        "Corporate Communications",
    }


def test_a_bank_of_a_country_keeps_its_place_but_a_company_of_a_town_does_not() -> None:
    found = ruled("Bank of America agreed to buy Garvel Media Inc of New York for $40 million.")
    assert "Bank of America" in found
    assert "Garvel Media Inc" in found


def test_a_small_word_left_at_the_start_of_a_name_is_dropped() -> None:
    # "Q4 of Sun's fiscal 2008": the quarter is no name, nor is "of"
    found = ruled(
        "Orwell Systems will pay $800 million in cash, the deal closing in Q4 of "
        "Orwell Systems Inc's fiscal 2008."
    )
    assert "Orwell Systems" in found
    assert not {p for p in found if p.startswith("of ")}


def test_a_defined_term_with_a_legal_form_is_a_company() -> None:
    # "Time" and "Target" are words of a merger agreement ("Effective Time", "Target"),
    # but "Time Inc." is a company
    assert "Time Inc." in ruled(
        "TBS' partners in the venture are Time Inc., which agreed to invest $10 million."
    )


def test_an_adviser_named_mid_sentence_works_on_the_deal() -> None:
    analysis = analysed(
        "Velmar Systems Inc agreed to buy Orwin Labs Inc for $40 million. Velmar said on "
        "Monday that Harbor Street Partners LLC is acting as its financial adviser."
    )
    assert "harbor-street-partners" not in analysis.companies
    sentence = "Velmar said Harbor Street Partners LLC is acting as its financial adviser."
    finder = Finder(())
    finder.add("velmar", ["Velmar"])
    finder.add("harbor", ["Harbor Street Partners"])
    assert [m.slug for m in without_advisers(sentence, finder.mentions(sentence))] == ["velmar"]
    (deal,) = analysis.deals
    assert {slug for slug, _ in deal.parties} == {"velmar-systems", "orwin-labs"}


def test_a_deal_word_inside_a_name_or_a_link_is_no_deal() -> None:
    assert not analysed(
        "Garvel Media Inc introduced its own version of Best Buy Co Inc's Geek Squad."
    ).deals
    assert not analysed(
        "Garvel Media Inc [reported](https://example.com/2007/orwin-labs-inc-buys-unit.html)"
        " that Orwin Labs Inc would open an office."
    ).deals
    (deal,) = analysed("Best Buy Co Inc agreed to buy Orwin Labs Inc for $40 million.").deals
    assert dict(deal.parties) == {"best-buy": "acquirer", "orwin-labs": "target"}


def test_deal_words_of_reports_in_other_languages() -> None:
    from dossier.ingest.deals import find_deals

    finder = Finder(())
    finder.add("orland", ["Orland", "奥兰"])
    finder.add("lenvar", ["Lenvar", "伦瓦"])
    said = {
        "Orland 正在以 9 亿美元现金收购总部位于瑞典的 Lenvar。": "acquisition",
        "奥兰与伦瓦签署战略合作框架谅解备忘录。": "mou",
        "Orland übernimmt Lenvar für 900 Millionen Euro.": "acquisition",
        "Orland adquiere Lenvar por 900 millones de euros.": "acquisition",
        "Orland acquisisce Lenvar per 900 milioni di euro.": "acquisition",
        "奥兰和伦瓦合作。": "partnership",
    }
    for sentence, kind in said.items():
        (deal,) = find_deals([(sentence, finder.mentions(sentence))], None)
        assert deal.kind == kind, sentence
        assert {slug for slug, _ in deal.parties} == {"orland", "lenvar"}
    (bought,) = find_deals([(s := "Orland 收购 Lenvar。", finder.mentions(s))], None)
    assert dict(bought.parties) == {"orland": "acquirer", "lenvar": "target"}


def test_a_latin_name_next_to_a_chinese_deal_word_is_evidence() -> None:
    assert "Lenvar" in ruled("Orland 正在以 9 亿美元现金收购总部位于瑞典的 Lenvar，一家营销公司。")


def test_shares_bought_and_what_would_happen_otherwise_are_no_deals() -> None:
    assert not deals(
        "Investors who bought Orland Inc, Lenvar Corp or Garvel Media Inc in recent years "
        "have done well."
    )
    assert not deals(
        "Should its deal not go through, Orland Inc warned, Lenvar Corp would be sold to "
        "Garvel Media Inc instead."
    )
    assert deals("Orland Inc agreed to buy Lenvar Corp for $40 million.")


def test_investment_as_a_line_of_business_is_no_deal() -> None:
    """ "Investment banking", "investment committee", "investment solutions": what a
    firm does or who decides, not one company investing in another."""
    for sentence in (
        "Orland Inc, owned by Lenvar Corp, provides investment solutions to its clients.",
        "Orland Inc has interests in stockbroking, investment banking and Lenvar Corp.",
        "The investment committee of Orland Inc and the investment board of Lenvar Corp"
        " met on Monday.",
        "Orland Inc is a private investment partnership controlled by Lenvar Corp.",
    ):
        assert not deals(sentence), sentence
    assert deals("Orland Inc made an investment in Lenvar Corp last week.")
    assert deals("Orland Inc's investment in Lenvar Corp was $40 million.")


def test_the_seller_of_a_company_named_elsewhere_is_no_target() -> None:
    """ "its purchase of the firm from Orland": the company bought is named in another
    sentence; the one named here sold it, and is bought by nobody."""
    assert not deals(
        "Garvel Media Inc said Lenvar Corp's purchase of the firm from Orland Inc was a mistake."
    )
    assert deals("Lenvar Corp agreed to buy Initech Ltd from Orland Inc for $40 million.") == {
        (("initech", "target"), ("lenvar", "acquirer"))
    }


def test_a_space_agency_and_a_university_are_no_companies() -> None:
    found = names(
        "Orland Inc said NASA and Caltech licensed their sensor technology to Orland, and "
        "Orland agreed to buy Lenvar Corp from Caltech."
    )
    assert "Orland" in found
    assert not {"NASA", "Caltech"} & found


def test_a_target_that_agreed_to_a_bid_by_its_buyer() -> None:
    (deal,) = analysed(
        "Lenvar Bank Ltd said on Thursday it had agreed to a $1.4 billion takeover bid by "
        "Orland Banking Corp."
    ).deals
    assert deal.status == "agreed"
    assert dict(deal.parties) == {"orland-banking": "acquirer", "lenvar-bank": "target"}


def test_initials_that_keep_an_ampersand_or_the_word_a_name_drops() -> None:
    from dossier.ingest.entities import detect_new

    def drafted(sentences: list[str]) -> dict[str, tuple[str, ...]]:
        return {c.name: c.aliases for c in detect_new(sentences, Finder(()), None)}

    found = drafted(
        [
            "Orland & Lenvar Ltd agreed to buy Garvel Media Inc for $40 million.",
            "O&L said the deal would close in May, and O&L shares rose.",
        ]
    )
    assert "O&L" in found["Orland & Lenvar"]
    found = drafted(
        [
            "Harwick Music Group Ltd agreed to buy Garvel Media Inc for $40 million.",
            "HMG said the deal would close in May, and HMG shares rose.",
        ]
    )
    assert "HMG" in found["Harwick Music"]
    # the initials without a name's last word that only says it works abroad
    found = drafted(
        [
            "Harwick Lenvar International Inc agreed to buy Garvel Media Inc for $40 million.",
            "HL said the deal would close in May, and HL shares rose.",
        ]
    )
    assert found.keys() == {"Harwick Lenvar International", "Garvel Media"}, found
    assert "HL" in found["Harwick Lenvar International"]
    # initials one letter longer than a name's, which the article never writes in full
    found = drafted(
        [
            "Orland Partners Ltd agreed to buy Garvel Media Inc from OPG on Monday.",
            "OPG, a pension fund, said OPG had owned Garvel since 2001.",
        ]
    )
    assert "OPG" not in found.get("Orland Partners", ())


def test_an_agreements_word_for_a_party_with_a_legal_form_is_no_name() -> None:
    found = ruled(
        "Orland Inc signed a memorandum with Lenvar (Shenzhen) Company Limited, the "
        "founder of Lenvar (Shenzhen) Company Limited said."
    )
    assert "Company Limited" not in found
    assert "Time Inc." in ruled("Time Inc., which agreed to invest $10 million, said.")


def test_capitals_inside_a_sentence_are_a_name_not_a_dateline() -> None:
    found = ruled(
        "The Series C round included the participation of ORLANDA Growth, Lenvar Global "
        "and Garvel Partners LLC."
    )
    assert {"ORLANDA Growth", "Lenvar Global"} <= found
    # a dateline's city in capitals opens its sentence
    assert "Orland Inc" in ruled("SAN FRANCISCO Orland Inc agreed to buy Lenvar Corp.")


def test_words_in_capitals_before_a_name_and_a_legal_form_that_opens_one() -> None:
    from dossier.ingest.names import trim

    assert trim(0, "OK SL Green", opens=False) == (3, "SL Green")
    assert trim(0, "SL Green Realty Corp.", opens=False) == (0, "SL Green Realty Corp.")
    assert trim(0, "SOURCE Orland Express Co.", opens=False) == (7, "Orland Express Co.")
    assert trim(0, "IT Services Ltd", opens=False) == (0, "IT Services Ltd")


def test_a_rounds_investors_listed_after_participation_of() -> None:
    found = analysed(
        "Orland Inc raised $620 million in a Series C round. Orland makes password "
        "software. The Series C funding round included the participation of Lenvar Global, "
        "Garvel Capital LLC and Quorvel Ventures."
    )
    (deal,) = found.deals
    roles = dict(deal.parties)
    assert roles.get("orland") == "investee"
    assert {roles.get("lenvar-global"), roles.get("garvel-capital")} == {"investor"}


def test_a_verb_in_a_title_case_headline_ends_the_name_before_it() -> None:
    from dossier.ingest.names import pieces

    headline = "O&G Enters Women's Cosmetics With Lenvar Acquisition By MARIA LENTON"
    assert "O&G" in [text for _, text in pieces(headline)]


def test_a_rounds_other_participants_invest_in_its_company() -> None:
    found = analysed(
        "Orland Inc raised INR 450 Cr in a Series C round led by Kestrel Capital LLC. Other "
        "participants include existing backers Lenvar Invest LLC, which will inject INR 125 "
        "Cr, and Garvel Capital LLC, which will invest INR 45 Cr."
    )
    others = [d for d in found.deals if "lenvar-invest" in dict(d.parties)]
    assert others, found.deals
    assert all(dict(d.parties).get("orland") == "investee" for d in others), others


def test_what_is_bought_in_a_title_case_headline_is_no_company() -> None:
    found = analysed(
        "Orland Inc said on Monday it had completed its acquisition of equity interests in "
        "Lenvar Corp.",
        title="Orland Completes Acquisition of Equity Interests in Lenvar",
    )
    assert "equity-interests" not in found.companies
    assert {"orland", "lenvar"} <= set(found.companies)
    from dossier.ingest.clues import NOT_A_COMPANY, judge

    headline = "Orland Completes Acquisition of Equity Interests in Lenvar"
    at = headline.index("Equity")
    assert judge(headline, at, at + 16, "Equity Interests", None) == NOT_A_COMPANY


def test_a_ticker_or_short_name_in_brackets_after_a_name_is_that_company() -> None:
    from dossier.ingest.entities import detect_new

    found = {
        c.name: c.aliases
        for c in detect_new(
            [
                "Orland Pharmaceuticals (NASDAQ: ORPX) agreed to license its drug to Lenvar "
                "Biosciences Inc., ORPX said on Monday.",
                "ORPX shares rose 10% after Orland Pharmaceuticals said the deal was signed.",
            ],
            Finder(()),
            None,
        )
    }
    assert "ORPX" not in found
    assert "ORPX" in found["Orland Pharmaceuticals"]


def test_x_and_company_is_one_name() -> None:
    from dossier.ingest.names import pieces

    sentence = "a partnership with drug maker Orland Lilly and Company (NYSE: OLY)."
    assert "Orland Lilly and Company" in [text for _, text in pieces(sentence)]


def test_an_exchange_that_acts_is_weighed_but_a_venue_is_not() -> None:
    from dossier.ingest.clues import NOT_A_COMPANY, judge

    name = "London Stock Exchange"
    acts = "London Stock Exchange said it has entered exclusive talks to buy Lenvar Corp."
    assert judge(acts, 0, len(name), name, None) != NOT_A_COMPANY
    for venue in (
        "Shares of Orland rose 3% on the London Stock Exchange.",
        "Orland Co. (Code No. 9062, First Section, London Stock Exchange; the Company) said.",
    ):
        at = venue.index(name)
        assert judge(venue, at, at + len(name), name, None) == NOT_A_COMPANY


def test_accounting_and_shape_words_in_capitals_are_no_companies() -> None:
    found = names(
        "Orland Inc acquired 3-D photo startup Lenvar Corp, and said its GAAP earnings and "
        "its STEM courses grew. GAAP figures exclude the 3-D unit."
    )
    assert "Orland" in found
    assert not {"3-D", "GAAP", "STEM"} & found


def test_an_opening_clause_about_another_deal_and_a_deal_that_is_dead() -> None:
    from dossier.ingest.status import status_of

    assert (
        status_of(
            "After scrapping its Lenvar deal, Orland agrees to buy Garvel Media for $305 million"
        )[0]
        == "agreed"
    )
    assert status_of("Orland's on-off deal to acquire Lenvar is now officially dead")[0] == (
        "terminated"
    )
    assert status_of("Shares were off 3% as Orland agreed to buy Lenvar.")[0] == "agreed"


def test_a_bid_of_a_sum_for_a_company_is_a_takeover_bid() -> None:
    (deal,) = analysed(
        "Orland Inc plans to submit a second-round bid of around $3 billion for Lenvar "
        "Corp's internet business, the Harbor Journal reported, citing people familiar "
        "with the matter."
    ).deals
    assert deal.kind == "acquisition"
    assert deal.status == "rumored"
    assert dict(deal.parties) == {"orland": "acquirer", "lenvar": "target"}


def test_a_market_roundup_names_its_stocks_and_brokers() -> None:
    text = (
        "Check out the companies making moves in premarket trading.\n\n"
        "Quillon Orbit - The company's stock tumbled 19% after a failed launch. "
        "Varbex shares last traded flat after the company cut jobs. "
        "Trellio popped 2% after Kesterbanc upgraded the dating app stock to overweight. "
        "Mr Santhalingam reiterated that prices would hold."
    )
    found = ruled(text)
    assert {"Quillon Orbit", "Varbex", "Kesterbanc"} <= found, found
    assert "Santhalingam" not in found


def test_a_heading_run_into_its_item_is_two_phrases() -> None:
    # a roundup's heading and its item's first words, the line break lost: two spaces
    found = ruled("Stocks on the move. Varbex  Varbex shares jumped 19% on Tuesday.")
    assert "Varbex" in found and "Varbex Varbex" not in found, found


def test_goods_of_a_company_and_deals_that_never_happened_are_no_deals() -> None:
    text = (
        "Orvanta Holdings plc and Kestrel Systems Inc. met regulators on Monday. "
        "Kestrel could be barred from buying Orvanta chips if the merger is done. "
        "Brisca Airways Ltd agreed to buy 40 Orvanta jets. "
        "If only Velmar Corp. had bought Kestrel when it had the chance, analysts said. "
        "Brisca said it could have bought Velmar in 2019."
    )
    assert deals(text) == set(), deals(text)


def test_who_buys_whom_in_a_plural_cue_a_noun_before_the_cue_and_a_company_selling_itself() -> None:
    found = deals(
        "Kelmsford AG's acquisitions of Orwen House Inc. and Bantry Dell Corp. drew scrutiny. "
        "As in its Tessaro Inc. acquisition, Quorvel Corp. kept the brand. "
        "After selling itself to Halden Group Ltd. last year, Myrtle Inc. grew fast."
    )
    for buyer, target in (
        ("kelmsford", "orwen-house"),
        ("kelmsford", "bantry-dell"),
        ("quorvel", "tessaro"),
        ("halden", "myrtle"),
    ):
        assert tuple(sorted([(buyer, "acquirer"), (target, "target")])) in found, found


def test_a_name_shortened_in_the_story_is_one_company_but_a_unit_is_another() -> None:
    found = names(
        "Brentwick Home Products Corp. agreed to settle the claims on Monday. Brentwick "
        "Home said the charge would be taken this quarter. K.L. Farrowby & Co. owns 33% of "
        "Moleculon Inc. and Farrowby said it would buy more. Royal Velde/Shellac Group "
        "formed a joint venture with Bechtor Corp.; Shellac said it would invest $1 billion. "
        "Orvanta Cussons Nigeria Plc said on Monday it would cut 300 jobs. Its parent "
        "Orvanta Cussons plc said the plan was approved. Orvanta Cussons shares fell 2%."
    )
    assert "Brentwick Home Products" in found and "Brentwick Home" not in found, found
    assert "Farrowby" not in found and "Shellac" not in found, found
    assert {"Orvanta Cussons", "Orvanta Cussons Nigeria"} <= found, found
    found = names(
        "Kelso Peck International Inc. agreed to buy Sansor Electric Co. on Monday. Kelso "
        "Peck, a London-based maker of fruit juice, said it would pay cash. Halvor-Busch Cos. "
        "cut prices. Halvor, the St. Louis-based brewer, said sales fell."
    )
    assert {"Kelso Peck International", "Halvor-Busch"} <= found, found
    assert not {"Kelso Peck", "Halvor"} & found, found


def test_a_word_describing_a_company_before_its_name_is_not_part_of_it() -> None:
    found = names(
        "Grocer Kelbrook Co. said on Monday that profits rose. Kelbrook shares rose. "
        "Dutch Orsk Electronics NV said it would cut jobs; Orsk Electronics shares fell. "
        "Brokerages Mizora Securities and Halden Capital raised their targets on Trevia Inc., "
        "and Mizora Securities said more."
    )
    assert {"Kelbrook", "Orsk Electronics", "Mizora Securities"} <= found, found
    assert not {"Grocer Kelbrook", "Dutch Orsk Electronics", "Brokerages Mizora Securities"} & (
        found
    ), found
    # a place that is part of the name keeps its place
    found = names("Punjab Vantor Bank Ltd. said its loans grew. Vantor Bank shares rose.")
    assert "Punjab Vantor Bank" in found, found


def test_an_owner_named_with_its_legal_form_is_not_part_of_what_it_owns() -> None:
    found = names(
        "Vantor SA's Kelbrook Music Group signed a deal with Orland Inc. on Monday, and "
        "Trevia Inc.'s Halden Pictures agreed to rent films through Orland."
    )
    assert {"Kelbrook Music", "Halden Pictures"} <= found, found
    assert not any("'s" in name for name in found), found
    # a possessive inside the name stays ("Tully's Coffee Corp.")
    assert "Mabry's Coffee" in names("Mabry's Coffee Corp. agreed to buy Orland Inc.")


def test_where_a_company_was_founded_or_what_kind_it_is_is_not_its_name() -> None:
    text = (
        "Finnish-founded Kelbrook agreed to buy Orland Inc. on Monday. B2B-focused "
        "Vantorzone Ltd. was sold to Orland. Grocer Mabry Co. said sales rose. Startup "
        "Skyline Wildfire Inc. raised money from Orland."
    )
    found = ruled(text) | names(text)
    assert {"Kelbrook", "Vantorzone", "Mabry", "Skyline Wildfire"} <= found, found
    assert not any(name.split()[0] in ("Grocer", "Startup") or "-" in name for name in found)


def test_a_name_that_begins_with_its_place_keeps_it() -> None:
    text = (
        "Shares of Korean Air and Norwegian Cruise Line fell, while Kestrel Holdings Inc. "
        "agreed to buy Singapore Life and Swiss Re sold its stake."
    )
    found = ruled(text) | names(text)
    assert {"Korean Air", "Norwegian Cruise Line", "Singapore Life"} <= found, found
    assert not {"Air", "Cruise Line", "Life", "Re"} & found, found


def test_a_share_buy_back_is_no_purchase_and_a_plural_acronym_no_company() -> None:
    text = (
        "Kestrel Marine Ltd. said it might raise the price of its buy-back plan if pressed "
        "by Orvanta Holdings Ltd., and Kestrel will buy back shares from Velmar Corp. too. "
        "Orvanta builds a search engine for AIs and LLMs."
    )
    assert deals(text) == set(), deals(text)
    assert not names(text) & {"AIs", "LLMs"}


def test_a_round_led_by_an_investor_named_first_is_the_round_of_the_company_before() -> None:
    found = analysed(
        "Quellar, Inc., a maker of security software, announced today that it has closed a "
        "$23 million Series B equity financing. Led by new investor Tarnwick Capital Group, "
        "a private equity firm, the Series B includes participation from existing investors "
        "Brassel Venture Partners and Corvane Capital LLC."
    ).deals
    assert len(found) == 1, found
    roles = dict(found[0].parties)
    assert roles["quellar"] == "investee", roles
    assert roles["tarnwick-capital"] == roles["brassel-venture-partners"] == "investor", roles


def test_a_page_button_glued_to_the_first_name_is_not_part_of_it() -> None:
    found = names(
        "Comment Quellar, a generative AI startup, has raised $500 million from investors "
        "including Tarnwick Capital LLC."
    )
    assert "Quellar" in found and "Comment Quellar" not in found, found


def test_a_supply_contract_and_an_order_are_no_deals_but_a_sale_of_assets_is() -> None:
    text = (
        "Velmar Corp. in 2017 announced a multi-year deal to sell cloud services to Orvanta "
        "Energy Corp. Brisca Airways Ltd finalized a deal to purchase 30 of Kestrel "
        "Aerospace Inc.'s jets. Kraken Labs Inc. agreed to invest $100 million as part of "
        "its settlement with OFAC. Dalvik Mobility Ltd signs pact with Sorell SA to procure "
        "500 electric cars."
    )
    assert deals(text) == set(), deals(text)
    sale = deals(
        "Petrolia SA has struck a deal to sell its Peruvian oil and gas assets to Norvik "
        "Holdings Ltd for $2.6 billion."
    )
    assert sale, sale


def test_a_job_before_of_a_led_prefix_and_an_imperative_are_not_part_of_a_name() -> None:
    text = (
        "Quellar Inc. raised $3 million, said Tom Berne, Managing Partner of Wireframe "
        "Ventures LLC. Analyst Greg Feehely of Kleinwort Benson Securities said the deal "
        "was fair. Anil Ambani-led Reliance Communications Ltd agreed to merge with Orvanta "
        "Telecom Ltd. Consider Peloton Interactive Inc., which Quellar may buy. Don Logan, "
        "Chairman of Time Warner's Media & Communications Group, said it agreed."
    )
    found = names(text) | ruled(text)
    assert {"Wireframe Ventures", "Kleinwort Benson Securities"} <= found, found
    assert {"Reliance Communications", "Peloton Interactive"} <= found, found
    assert not {n for n in found if n.split()[0] in {"Managing", "Analyst", "Consider", "Anil"}}
    assert not any("Media & Communications" in n for n in found), found


def test_a_purchase_under_way_is_agreed() -> None:
    from dossier.ingest.status import status_of

    said = "Velmar Corp. is purchasing Orvanta Inc. for $26.2 billion in cash."
    assert status_of(said) == ("agreed", True)
    # what being bought would do is no purchase done
    maybe = "Being acquired by Velmar Corp. gives Orvanta Inc. the room to grow."
    assert status_of(maybe)[0] != "completed"


def test_a_deal_or_ventures_between_two_companies() -> None:
    assert deals("Analysts welcomed the deal between Orvanta Holdings plc and Kestrel Systems Inc.")
    found = analysed(
        "The ventures between Velmar Electric Corp. and Brisca Boveri Inc. make turbines."
    ).deals
    assert [d.kind for d in found] == ["joint-venture"], found


def test_an_opening_clause_sets_the_scene_for_the_main_statement() -> None:
    found = analysed(
        "For the Varbex acquisition, Tessaro Bank Group formed a joint venture with "
        "Quillon Investments Ltd., a holding company."
    ).deals
    assert [(d.kind, {s for s, _ in d.parties}) for d in found] == [
        ("joint-venture", {"tessaro-bank", "quillon-investments"})
    ], found


def test_a_defined_short_name_in_quotes_is_the_same_company() -> None:
    found = names(
        "Tessaro Bank Group plc has agreed to acquire a majority stake in Varbex Uzbekistan "
        "LLC (“Varbex UZ”), a leading online marketplace. Varbex UZ will keep its brand, "
        "and Varbex UZ customers gain banking services."
    )
    assert "Varbex UZ" not in found and "Varbex Uzbekistan" in found, found


def test_a_bound_prefix_is_not_part_of_a_name() -> None:
    found = names(
        "IPO-bound Quellar Business Ltd is in advanced talks to acquire a stake in Varbex "
        "Designs Exports Pvt Ltd, Quellar Business said."
    )
    assert "Quellar Business" in found and not any("IPO" in n for n in found), found


def test_markdown_bold_around_a_name_is_no_word_next_to_it() -> None:
    text = "Renvar agreed to buy chipmaker **Kestrel Micro** for $3 billion, the companies said."
    assert "Kestrel Micro" in ruled(text)  # "chipmaker" names it, bold or not


def test_buyers_who_bid_together_are_both_acquirers() -> None:
    for text in (
        "Orland Corp. and Lenvar Ltd. agreed to buy Kestrel Micro Inc. for $2 billion.",
        "Orland Corp., together with Lenvar Ltd., agreed to buy Kestrel Micro Inc.",
        "Orland Corp. on Wednesday joined with French bank Lenvar Ltd. to bid for Kestrel "
        "Micro Inc., the companies said.",
    ):
        assert (
            ("kestrel-micro", "target"),
            ("lenvar", "acquirer"),
            ("orland", "acquirer"),
        ) in deals(text), text
    # a company named before the buyer for another reason is no buyer
    found = deals("Shares of Orland Corp. fell after Lenvar Ltd. agreed to buy Kestrel Micro Inc.")
    assert (("kestrel-micro", "target"), ("lenvar", "acquirer")) in found


def test_a_place_before_one_word_of_a_name_is_part_of_it() -> None:
    from dossier.ingest.names import trim

    # "Cambridge Analytica", "Seattle Genetics", "London Electricity"
    assert trim(0, "Boston Vantora")[1] == "Boston Vantora"
    assert trim(0, "Seattle Genomix")[1] == "Seattle Genomix"
    # a nationality, a title or a product before a name is not part of it
    assert trim(0, "Chinese Vantora")[1] == "Vantora"
    assert trim(0, "President Vantora")[1] == "Vantora"
    assert trim(0, "Windows Vantora")[1] == "Vantora"


def test_a_story_shortening_a_name_in_other_ways_drafts_one_company() -> None:
    from dossier.ingest.entities import detect_new

    def drafted(text: str) -> dict[str, tuple[str, ...]]:
        return {c.name: c.aliases for c in detect_new(split(text), Finder(()), None)}

    found = drafted(
        "Orland Westbrook Bank Ltd agreed to buy Garvel Inc. for $40 million. OrWest said "
        "the deal would close in May, and OrWest shares rose. Garvels shares fell. Tarvin "
        "Air Group and Tarvin Airlines said fares would rise. The Carvelle Lomax Corp. said "
        "Lomax would bid, and Lomax shares rose."
    )
    listed = drafted(
        "Kelso, Brandt, Tarvey & Moss Inc. agreed to buy Garvel Inc. Kelso Brandt said the "
        "deal would close in May, and Kelso Brandt shares rose."
    )
    assert "OrWest" in found["Orland Westbrook Bank"], found  # contracted
    assert "Garvels" in found["Garvel"], found  # a possessive without its apostrophe
    assert "Kelso Brandt" in listed["Kelso, Brandt, Tarvey & Moss"], listed  # listed names
    assert "Tarvin Air" in found["Tarvin Airlines"], found  # a word cut short
    assert "Lomax" in found["Carvelle Lomax"], found  # the last word alone
    found = drafted(
        "InterHarbor Exchange Inc agreed to buy Garvel Media Inc. IHE said it would pay "
        "cash, and IHE shares rose. United Orsk LNG Ltd said UO LNG would help, and UO LNG "
        "shares rose."
    )
    assert "IHE" in found["InterHarbor Exchange"], found  # capitals inside a word
    ticker = drafted(
        "OrlandMorgan Chase agreed to buy Lenvar Inc for $40 million. OrlandMorgan said OM "
        "shares rose, and OM stock gained 2%."
    )
    assert "OM" not in ticker and "OM" in ticker["OrlandMorgan Chase"], ticker
    assert "UO LNG" in found["United Orsk LNG"], found  # initials, then the rest
    # a name's last word alone is another company when the words before it also stand
    # alone: "Exxon" and "Mobil"
    found = drafted(
        "Orsk Kelvar Corp. agreed to merge with Kelvar Inc., and Orsk said Kelvar agreed."
    )
    assert "Kelvar" in found and "Orsk Kelvar" in found, found


def test_a_name_after_a_joined_plus_and_a_brothers_abbreviation_stays_whole() -> None:
    found = names("Orsk Logistics agreed to buy Kuehne + Valder, and Harlan Bros. Media bid.")
    assert {"Kuehne + Valder", "Harlan Bros. Media"} <= found, found
    assert split("The studio was sold to Harlan Bros. The deal closed.") == [
        "The studio was sold to Harlan Bros.",
        "The deal closed.",
    ]
    assert "Warehouse Vantage REIT" in names(
        "UKs Warehouse Vantage REIT has agreed to sell itself to Orsk Capital."
    )


def test_a_group_and_another_company_of_its_name_are_two() -> None:
    found = names(
        "Halvard Group will put £200m into Halvard Atlantic, the airline said. Halvard "
        "Atlantic has cut 3,000 jobs and Halvard Atlantic flights resume in May. Halvard "
        "Group said the plan was approved."
    )
    assert {"Halvard", "Halvard Atlantic"} <= found, found


def test_the_next_year_is_the_year_after_the_last_one_named() -> None:
    from dossier.dates import PartialDate

    text = (
        "Orland Corp. bought Lenvar Inc. in 2015. The next year it snapped up Tamber Labs "
        "Ltd, a car-selling platform."
    )
    raw = RawArticle("seeds/case.txt", text, {"published": "2020-05-05"}, text)
    found = analyse(raw, Finder(()), judge=lambda found, _story: found).deals
    announced = {next(s for s, r in d.parties if r == "target"): d.announced for d in found}
    assert announced == {"lenvar": PartialDate(2015), "tamber-labs": PartialDate(2016)}, found


def test_further_purchases_in_one_sentence_and_their_own_buyers() -> None:
    # one buyer, two purchases
    assert deals(
        "Orland Corp bought Lenvar Inc in 2015 and a year later acquired Tamber Labs Ltd."
    ) == {
        (("lenvar", "target"), ("orland", "acquirer")),
        (("orland", "acquirer"), ("tamber-labs", "target")),
    }
    # a second buyer named before the second purchase is that purchase's buyer (and the
    # year that opens the sentence is no part of the first buyer's name)
    assert deals(
        "In 1995 Orland Corp bought the animal health business of Lenvar Plc and Kestrel "
        "Merieux SA acquired the veterinary business of Tamber Labs Ltd."
    ) == {
        (("lenvar", "target"), ("orland", "acquirer")),
        (("kestrel-merieux", "acquirer"), ("tamber-labs", "target")),
    }


def test_a_person_owning_a_company_and_a_page_s_keyword_line_are_no_part_of_a_name() -> None:
    found = names(
        "Online alternatives have hurt papers, and Harold Lindqvist’s Orland Media "
        "Corporation made a bet on tablets. Orland Media said sales rose."
    )
    assert "Orland Media" in found and not any("Lindqvist" in n for n in found), found
    from dossier.ingest.companymodel import lower_words

    tags = "shares aims air bonds singapore billion rights tamberholt airline fallout"
    assert "tamberholt" not in lower_words([tags, "Tamberholt said it would invest."])
    assert "cloud" in lower_words(["The cloud unit of the group grew."])


def test_a_sentence_adverb_and_a_trade_union_are_no_companies() -> None:
    found = names(
        "Orland Shipping Ltd said profits rose. Nevertheless, the carrier warned that demand "
        "would fall. Moreover, the Teamsters and the Screen Actors Guild said Orland Shipping "
        "must keep its crews."
    )
    assert "Orland Shipping" in found
    assert not {"Nevertheless", "Moreover", "Teamsters", "Screen Actors Guild"} & found, found


def test_a_city_spelled_like_a_nationality_before_one_word_stays_in_the_name() -> None:
    found = names("Orland Air bought a 50% stake in Dubai Kestrel from Lenvar Group Ltd.")
    assert "Dubai Kestrel" in found and "Kestrel" not in found, found
    # a nationality still describes: "Chinese Tencent" is Tencent
    assert "Tamberholt" in names(
        "Chinese Tamberholt agreed to buy Lenvar Group Ltd; Tamberholt said the deal closed."
    )


def test_a_brand_that_opens_in_lower_case_is_a_name_but_a_product_or_unit_is_not() -> None:
    found = names(
        "Orland Exchange Inc approached eHarbor Inc about buying the online marketplace. "
        "eHarbor said it would review the offer, and eHarbor shares rose 9%. Its app runs "
        "on the iPhone and iPad, and its servers draw 5 kWh."
    )
    assert "eHarbor" in found, found
    assert not {"iPhone", "iPad", "kWh"} & found, found


def test_initials_an_article_defines_for_a_public_body_or_a_union_are_no_company() -> None:
    analysis = analysed(
        "The Writers Harbor Guild of America (WHGA) has joined other groups in coming out "
        "against Orland Media's proposed deal to acquire Lenvar Studios. WHGA said the merger "
        "must be blocked, and WHGA leaders met Orland Media executives."
    )
    found = {c.name for c in analysis.new_companies}
    assert {"Orland Media", "Lenvar Studios"} <= found and "WHGA" not in found, found
    assert all("whga" not in dict(d.parties) for d in analysis.deals)


def test_a_public_bodys_initials_before_for_a_contraction_and_a_name_with_a_dot() -> None:
    analysis = analysed(
        "The State Administration for Harbor Regulation (SAHR) will review Orland Media's "
        "proposed deal to acquire Lenvar Studios, SAHR said. Here's why Orland Media wants "
        "it: Lenvar Studios makes films. Orland Media also agreed to a partnership with "
        "Quill.Chat, and Quill.Chat said the partnership starts in May."
    )
    found = {c.name for c in analysis.new_companies}
    assert {"Orland Media", "Lenvar Studios", "Quill.Chat"} <= found, found
    assert not {"SAHR", "Here", "Quill", "Chat"} & found, found


def test_a_mutual_an_insurer_of_common_words_and_a_name_that_starts_like_alleged() -> None:
    analysis = analysed(
        "But insurer Royal Oslo said that many savers were unaware of the option. The "
        "Harbourside Building Society has changed its default. Allegrow Corp. said it "
        "completed the acquisition of Tarnby Savings & Loan Association for $150 million."
    )
    found = {c.name for c in analysis.new_companies}
    assert {
        "Royal Oslo",
        "Harbourside Building Society",
        "Allegrow",
        "Tarnby Savings & Loan Association",
    } <= found, found
    deals = {frozenset(dict(d.parties)) for d in analysis.deals}
    assert frozenset({"allegrow", "tarnby-savings-loan-association"}) in deals, deals


def test_a_deal_no_sentence_gives_a_status_is_told_as_done_but_weighed_as_before() -> None:
    text = (
        "Orland Media Inc. posted higher sales on Tuesday. The acquisition of Lenvar Studios "
        "by Orland Media gave it a foothold in Europe, analysts said."
    )
    (deal,) = analysed(text).deals
    assert deal.status == "completed" and not deal.stated
    # the deal model still weighs it as a statement with no status word ("announced")
    from dossier.ingest.deals import find_deals
    from dossier.ingest.entities import Finder as F
    from dossier.ingest.types import KnownCompany

    finder = F(
        (
            KnownCompany("orland-media", "Orland Media", ("Orland Media",)),
            KnownCompany("lenvar-studios", "Lenvar Studios", ("Lenvar Studios",)),
        )
    )
    sentences = text.split(". ")
    (found,) = find_deals([(s, finder.mentions(s)) for s in sentences], None)
    assert found.status == "announced" and not found.stated
    # a stated status is kept as stated
    (agreed,) = analysed("Orland Media Inc. agreed to buy Lenvar Studios Ltd. on Tuesday.").deals
    assert agreed.status == "agreed" and agreed.stated


def test_a_rounds_investors_named_after_including_are_its_investors() -> None:
    analysis = analysed(
        "Quorvel Inc. closed a $23 million Series B with participation from new investors "
        "Brackwater Ventures and Orwell Capital and all existing investors, including "
        "Halden Partners and Kestrel Ventures."
    )
    (deal,) = analysis.deals
    assert dict(deal.parties) == {
        "quorvel": "investee",
        "brackwater-ventures": "investor",
        "orwell-capital": "investor",
        "halden-partners": "investor",
        "kestrel-ventures": "investor",
    }, deal.parties
    # an example of others is still no party: "rivals including Halden"
    (other,) = analysed(
        "Quorvel Inc. agreed to buy Lenvar Studios Ltd., beating rivals including Halden Partners."
    ).deals
    assert "halden-partners" not in dict(other.parties)


def test_the_buyer_in_a_which_clause_is_the_name_before_its_verb() -> None:
    analysis = analysed(
        "Quorvel Labs is in many ways the counterpart of Lenvar Studios, which Orwell Media "
        "parent company Kestrel Holdings acquired in 2014 for $500 million."
    )
    deals = {frozenset(dict(d.parties).items()) for d in analysis.deals}
    assert frozenset({("kestrel", "acquirer"), ("lenvar-studios", "target")}) in deals


def test_a_tie_of_kinds_goes_to_the_one_a_sentence_states_as_news() -> None:
    analysis = analysed(
        "Lenvar Studios today announced that it has received a substantial growth "
        "investment from Orwell Capital, Kestrel Partners and Halden Ventures.",
        title="Orwell Capital Acquisition Announcement - Lenvar Studios",
    )
    kinds = {d.kind: dict(d.parties) for d in analysis.deals}
    assert "investment" in kinds and "acquisition" not in kinds, kinds
    assert set(kinds["investment"]) == {
        "lenvar-studios",
        "orwell-capital",
        "kestrel-partners",
        "halden-ventures",
    }, kinds


def test_a_partner_named_with_a_description_after_with() -> None:
    analysis = analysed(
        "Orland Works a.s. said on Thursday it had agreed with Czech steelmaker Lenvar "
        "Zelezarny a.s. to cooperate in steel production."
    )
    deals = {frozenset(dict(d.parties)) for d in analysis.deals}
    assert frozenset({"orland-works", "lenvar-zelezarny"}) in deals, deals


def test_a_stake_the_seller_keeps_does_not_make_a_sale_an_investment() -> None:
    (deal,) = analysed(
        "Orland Communications Corp. completed the sale of four of its TV stations to "
        "Lenvar Inc. for $120 million in cash and notes, retaining a 10% equity stake in "
        "the new concern."
    ).deals
    assert deal.kind == "acquisition" and dict(deal.parties).get("lenvar") == "acquirer"


def test_a_sale_that_names_no_buyer_drafts_no_deal_with_roles_reversed() -> None:
    analysis = analysed(
        "Orland Co. today announced the sale of its subsidiary, Lenvar Labs, Inc., to "
        "Kestrel Brands. Lenvar Labs sells vitamins online.",
        title="Orland Announces the Sale of Lenvar Labs, Inc.",
    )
    deals = {frozenset(dict(d.parties).items()) for d in analysis.deals}
    assert frozenset({("kestrel-brands", "acquirer"), ("lenvar-labs", "target")}) in deals
    assert not any("orland" in dict(d.parties) for d in analysis.deals), deals
    # selling itself to a buyer stays a deal
    (itself,) = analysed("Lenvar Labs Inc. has agreed to sell itself to Kestrel Brands.").deals
    assert dict(itself.parties) == {"kestrel-brands": "acquirer", "lenvar-labs": "target"}


def test_an_adverb_before_a_firms_partners_and_a_title_before_a_name_are_no_company() -> None:
    analysis = analysed(
        "Separately, Orland Kestrel & Co. and Lenvar Waterhouse confirmed reports that they "
        "had begun talks about a possible merger."
    )
    found = {c.name for c in analysis.new_companies}
    assert {"Orland Kestrel", "Lenvar Waterhouse"} <= found, found
    assert not any(name.startswith("Separately") for name in found), found
    titled = names(
        "Attorney General Kellan joined 49 other states in a settlement with Orland "
        "Consulting Inc. Attorney General Kellan said the firm would pay. Attorney General "
        "Kellan has continued to press the firm, and Attorney General Kellan supported the deal."
    )
    assert "Orland Consulting" in titled and not any("Kellan" in n for n in titled), titled
    # the partners of a firm are still one name after the adverb
    assert "Gibson, Dunn & Crutcher" in names(
        "Separately, Gibson, Dunn & Crutcher LLP said it advised Lenvar Waterhouse Ltd."
    )
    # and when the next sentence's first word runs on after the legal form
    ran_on = names(
        "Orland Media raised money from Kestrel Corp. and Goldman, Sachs & Co.. In total, "
        "$46 million was raised."
    )
    assert "Goldman, Sachs" in ran_on and "Sachs" not in ran_on, ran_on
    # a second legal form after its own comma: "& Co., LLC"; "& Company" is a form too
    firms = names(
        "Two proxy advisory firms, Orland Shareholder Services Inc. and Glass, Kestrel & Co., "
        "LLC, backed the deal. Lenvar also hired Wasmer, Schroder & Company, LLC."
    )
    assert {"Glass, Kestrel", "Wasmer, Schroder & Company"} <= set(firms), firms
    assert not {"Kestrel", "Schroder & Company", "Glass, Kestrel & Co.,"} & set(firms), firms


def test_a_short_name_given_after_or_is_the_companys_but_another_listed_is_not() -> None:
    analysis = analysed(
        "Shares of Harbour Amperex Technology Co., or HATL, soared 16% in their debut "
        "Tuesday after the battery maker raised $4.5 billion. HATL supplies Orland Motors Inc."
    )
    found = {c.name: c.aliases for c in analysis.new_companies}
    assert "HATL" not in found and "HATL" in found.get("Harbour Amperex Technology", ()), found
    # a ticker on two exchanges: the first is the one the story goes on using
    listed_twice = analysed(
        "Orvane Systems Ltd. (Nasdaq: ORVN; TSX: OV), a maker of pumps, said on Monday that "
        "Keltra Corp. will invest $5 million in it. ORVN shares rose 4%."
    )
    aliases = {c.name: c.aliases for c in listed_twice.new_companies}["Orvane Systems"]
    assert "ORVN" in aliases and "OV" not in aliases, aliases
    listed = analysed(
        "Orland Media Inc. could sell the unit to Lenvar Studios Ltd., or IBM, analysts said."
    )
    assert "IBM" in {c.name for c in listed.new_companies}


def test_founders_scooped_up_are_no_company_bought() -> None:
    text = (
        "Orland Labs Inc. still exists, but Lenvar Corp. scooped up its founders and various "
        "key colleagues last year."
    )
    assert not analysed(text).deals
    # the company itself, scooped up, is
    assert analysed("Lenvar Corp. scooped up Orland Labs Inc. last year.").deals


def test_a_drugs_wholesale_acquisition_cost_is_no_acquisition() -> None:
    analysis = analysed(
        "The wholesale acquisition cost of the drug Xtandi, marketed by Orland Pharma Inc. "
        "of Japan and Lenvar Inc., is about $129,000 a year."
    )
    assert not analysis.deals, analysis.deals


def test_the_capitals_a_one_word_name_starts_with_are_its_short_name() -> None:
    found = {
        c.name: c.aliases
        for c in analysed(
            "LENMiller has rejected an improved offer from Orland Brewing Inc. The board of "
            "LENMiller said the offer undervalues it. On Tuesday, LEN reported a 9% fall in "
            "revenues, and LEN brews Peroni."
        ).new_companies
    }
    assert "LEN" not in found and "LEN" in found.get("LENMiller", ()), found


def test_names_the_company_model_doubts_are_companies_among_a_rounds_investors() -> None:
    from dossier.ingest.entities import INVESTOR_RULE

    def drafted(text: str) -> dict[str, str]:
        return {c.name: c.rule for c in analysed(text).new_companies}

    head = (
        "Kestrel Labs closes $3 million seed round\n\nKestrel Labs, a Denver-based maker of "
        "warehouse robots, has closed a $3 million seed round to hire engineers. "
    )
    listed = drafted(
        head + "Other investors in the round include Frontline Ventures, Grand Ventures, "
        "Halden Peak and Core Network. Kestrel Labs said sales doubled last year.\n"
    )
    assert listed.get("Halden Peak") == INVESTOR_RULE, listed
    # (the model, retrained on more news, no longer doubts this one, there or elsewhere)
    assert listed.get("Core Network") in (INVESTOR_RULE, "company model"), listed
    # the same names outside a round's list of investors stay doubted
    elsewhere = drafted(
        head + "Its robots already run at Halden Peak and Core Network, two of its first "
        "customers. Kestrel Labs said sales doubled last year.\n"
    )
    assert "Halden Peak" not in elsewhere, elsewhere


def test_a_ticker_in_brackets_after_a_name_with_its_legal_form_is_an_alias() -> None:
    text = (
        "Utility cuts power in the valley\n\nOrvane Systems Inc. (ORVS) was one of the "
        "businesses left in the dark, as the utility, a unit of Keltra Power Corp. (KLTP), "
        "rotated off blocks of customers. Orvane Systems said its plant closed for a day.\n"
    )
    drafted = {c.name: c.aliases for c in analysed(text).new_companies}
    assert "ORVS" in drafted.get("Orvane Systems", ()), drafted
    assert "KLTP" in drafted.get("Keltra Power", ()), drafted
    assert "ORVS" not in drafted and "KLTP" not in drafted, drafted


def test_a_ticker_listed_on_more_exchanges_is_an_alias() -> None:
    text = (
        "Orvane Polymer Group buys Keltra Tape\n\nMONTREAL, November 18, 1996 - Orvane "
        "Polymer Group Inc. (AMEX & TSE: ORVP) announced the acquisition of Keltra Tape, "
        "Inc. ORVP shares rose. Lenvar Mobile Ltd. (Nasdaq: LNVM; TSX: LNV) said it "
        "would sell handsets through Keltra Tape. LNVM shares fell.\n"
    )
    drafted = {c.name: c.aliases for c in analysed(text).new_companies}
    assert "ORVP" in drafted.get("Orvane Polymer", drafted.get("Orvane Polymer Group", ()))
    assert "LNVM" in drafted.get("Lenvar Mobile", ()), drafted
    assert "ORVP" not in drafted and "LNVM" not in drafted, drafted


def test_a_share_of_a_companys_customers_is_no_stake() -> None:
    for survey in (
        "Only 10% of Orland Bank customers and 11% of Lenvar Ltd. customers plan to switch.",
        "Some 19% of Orland Bank and Lenvar Ltd. customers are considering switching.",
    ):
        assert deals(survey) == set(), survey
    assert deals("Orland Bank agreed to buy 37.5% of Lenvar Ltd. for $20 million.") != set()


def test_a_funds_quarterly_trade_or_an_analysts_rating_is_no_deal() -> None:
    for note in (
        "Orland Capital LLC bought a new position in Lenvar Corp. during the first quarter.",
        "Orland Capital Inc. acquired a new stake in Lenvar Corp. in the 1st quarter valued "
        "at about $312,000.",
        "Orland Capital Inc. raised its position in Lenvar Corp. by 6.7% during the second "
        "quarter.",
        'Orland Research Inc. raised Lenvar Corp. from a "hold" rating to a "buy" rating.',
        "Lenvar AG is also covered by Orland AG (‘buy’ rating, EUR 95 price target).",
    ):
        assert deals(note) == set(), note
    assert deals("Orland Capital Inc. agreed to buy a 20% stake in Lenvar Corp.") != set()


def test_initials_defined_for_words_that_name_no_company_are_none() -> None:
    from dossier.ingest.entities import _drop_defined_terms
    from dossier.ingest.types import NewCompany

    text = (
        "Orvane Systems Inc. will supply its Distributed Data Framework (DDF) to Keltra "
        "Defence Ltd. (KDL). DDF links sensors across the fleet."
    )

    def left(unlikely: set[str]) -> set[str]:
        drafted = [
            NewCompany("orvane-systems", "Orvane Systems", (), text),
            NewCompany("ddf", "DDF", (), text),
            NewCompany("kdl", "KDL", (), text),
            NewCompany("keltra-defence", "Keltra Defence", (), text),
        ]
        finder = Finder(())
        for c in drafted:
            finder.add(c.slug, (c.name,))
        found = {c.slug: c for c in drafted}
        _drop_defined_terms(found, finder, text, frozenset(unlikely))
        assert finder.knows("DDF") == ("ddf" in found)
        return set(found)

    # words the company model finds unlikely to name a company: their initials go
    assert "ddf" not in left({"Distributed Data Framework"})
    # words it weighed higher (a company it doubts) keep their initials drafted
    assert "ddf" in left(set())
    # initials of a drafted company's name are not dropped
    assert "kdl" in left({"Distributed Data Framework", "Keltra Defence"})


def test_a_failed_merger_is_terminated() -> None:
    from dossier.ingest.status import status_of

    for said in (
        "The Effect of the Failed Orland/Lenvar Education Merger",
        "Shares fell after the failed $30 billion takeover of Lenvar by Orland.",
    ):
        assert status_of(said)[0] == "terminated", said
    # a failure of something else is no ended deal
    said = "Orland agreed to buy Lenvar, whose failed product launch hurt sales last year."
    assert status_of(said)[0] != "terminated"


def test_an_apposition_with_a_trade_noun_says_company() -> None:
    from dossier.ingest.clues import _apposition

    for noun in ("defence contractor", "brewer", "distiller", "shipbuilder", "fashion label"):
        assert _apposition(f", an American {noun}, said on Monday"), noun
    assert not _apposition(", an American lawyer, said on Monday")


def test_a_city_is_no_company_and_no_party() -> None:
    from dossier.ingest.clues import NOT_A_COMPANY, judge

    for city in ("Brisbane", "Perth", "Adelaide", "Canberra", "Calgary", "Ottawa"):
        said = f"ASX-listed provider Orland Networks has acquired a data centre in {city}."
        at = said.index(city)
        assert judge(said, at, at + len(city), city, None) == NOT_A_COMPANY, city
        assert deals(said) == set(), city


def test_a_class_of_shares_named_series_is_no_funding_round() -> None:
    assert deals("Orland Corp. and Lenvar Ltd. list their Series B shares in Santiago.") == set()
    assert deals("Lenvar Ltd. closed a Series B led by Orland Capital LLC.") != set()


def test_a_company_that_will_raise_money_from_an_investor_is_the_investee() -> None:
    said = "Kestrel Labs said on Wednesday it will raise $100 million from Orland Capital LLC."
    assert deals(said) == {(("kestrel-labs", "investee"), ("orland-capital", "investor"))}


def test_a_companys_own_word_a_source_repeats_is_no_rumour() -> None:
    from dossier.ingest.status import status_of

    own = (
        "Kestrel Labs said on Wednesday it will raise $100 million from Orland Capital in "
        "its first round, a source familiar with the matter said."
    )
    assert status_of(own) == ("agreed", True)
    assert status_of("Kestrel Labs will buy Orland, sources said.") == ("rumored", True)
    assert status_of("Kestrel said it is in talks to buy Orland, a source said.")[0] == "rumored"


def test_a_persons_possessive_before_a_name_is_no_part_of_it() -> None:
    found = names(
        "Billionaire Marta Quellin's Vorrand Capital LLC has bought shares in Tessaro Bank "
        "Inc. this year. Investor Dana Pruett's Halbrook Partners LLC sold its stake."
    )
    assert {"Vorrand Capital", "Halbrook Partners"} <= found
    assert not any("Quellin" in name or "Pruett" in name for name in found)


def test_a_country_written_with_stops_is_no_stock_code() -> None:
    # "QCOM.O" after a name is a Reuters code; "U.S." after a word that opens the
    # sentence is a country, and the word no company
    assert "Qualcomm" in ruled("Shares of Qualcomm QCOM.O rose 3% on Friday.")
    assert "Blaming" not in ruled("Blaming U.S. companies for the tax code is misguided, he said.")
    assert "Taxing" not in ruled("Taxing U.K. firms more would not help, the minister said.")


def test_a_reuters_code_with_spaces_in_its_brackets_is_a_stock_code() -> None:
    # old Reuters copy pads the code: "Tech Mahindra ( TEML.BO )"
    assert "Kestrel Anand" in ruled(
        "Earlier the board named Kestrel Anand ( KSTA.BO ) as the highest bidder for it."
    )


def test_a_names_place_word_stays_when_the_sentence_ends_after_its_legal_form() -> None:
    # the full stop is the sentence's: "Plc." is still a legal form, so the place word
    # opens the name as it does mid-sentence
    assert "East Midlands Electricity Plc" in ruled(
        "Orsk Ltd made a bid for East Midlands Electricity Plc."
    )
    assert "North West Water Group PLC" in ruled("Orsk Ltd bought North West Water Group PLC.")


def test_the_headline_gives_the_price_the_deal_sentence_leaves_out() -> None:
    body = "Globex Corp has agreed to buy Initech Inc, the companies said on Monday.\n"
    (deal,) = analysed(body, title="Initech fetches $300 million from Globex").deals
    assert deal.value == (3e8, "USD")
    # a headline that names none of the deal's parties prices nothing of it
    (deal,) = analysed(body, title="Tech deals top $300 million this week").deals
    assert deal.value is None


def test_a_ticker_in_brackets_the_story_never_writes_again_is_no_name() -> None:
    # "AAL" once, in brackets: a ticker; the company is the name in full
    named = {
        c.name: c.aliases
        for c in analysed(
            "O'Hare is a hub for both American Airlines (AAL) and Orsk Air (ORA), they said."
        ).new_companies
    }
    assert named.get("American Airlines") == ("AAL",)
    # initials the story uses again are its name for the company
    again = "Orsk Kestrel Vind (OKV) bought Halden Ltd on Monday. OKV said it paid cash."
    assert "OKV" in {c.name for c in analysed(again).new_companies}


def test_shares_cancelled_for_the_price_do_not_end_the_deal() -> None:
    from dossier.ingest.status import status_of

    # a merger agreement's terms: the target's shares are cancelled for the price
    terms = (
        "At the effective time, each Orsk share will be cancelled and cease to exist, in "
        "exchange for the right to receive US$2.69 in cash."
    )
    assert status_of(terms)[0] != "terminated"
    assert status_of("Each share will be cancelled in exchange for $12 in cash.")[0] != (
        "terminated"
    )
    assert status_of("Orsk cancelled its planned purchase of Halden.")[0] == "terminated"


def test_a_unit_named_after_its_owner_acts_for_itself() -> None:
    # "Evergrande Group's Evergrande Health": the unit, named after its parent, buys
    found = deals("Orsk Group's Orsk Health said it had acquired a 51% stake in Halden Motors Ltd.")
    assert found == {(("halden-motors", "target"), ("orsk-health", "acquirer"))}
    # a product after a possessive is still the owner's: the owner acts
    product = deals("Velmar Inc's Quasar platform will be licensed to Halden Motors Ltd.")
    assert all(p[0] != "quasar" for d in product for p in d)


def test_bidding_for_a_company_is_a_bid_but_the_bidding_is_not() -> None:
    found = deals("Orsk Power Inc said it was interested in bidding for Halden Electricity Plc.")
    assert found == {(("halden-electricity", "target"), ("orsk-power", "acquirer"))}
    # "the bidding for" is the contest, named by whoever is in it
    assert not deals("Orsk Power Inc bowed out of the bidding for Halden Electricity Plc.")


def test_a_while_clause_is_a_statement_of_its_own() -> None:
    found = deals(
        "Velmar Labs Inc was purchased by Orsk Education Ltd for $95 million, while "
        "Quill Games Inc was acquired by Halden Code Corp for $2.2 million."
    )
    assert found == {
        (("orsk-education", "acquirer"), ("velmar-labs", "target")),
        (("halden-code", "acquirer"), ("quill-games", "target")),
    }
    # a clause opening with "while" is not the subject a later "it" stands for
    story = deals(
        "Orsk Systems Inc shares fell, while Halden Soft Inc shares rose. To be sure, Orsk "
        "Systems is no stranger to deals. It acquired Quill Games Inc in 2013 for $2 billion."
    )
    assert (("orsk-systems", "acquirer"), ("quill-games", "target")) in story


def test_a_named_unit_of_a_company_is_bought_from_its_parent() -> None:
    story = analysed(
        "Orsk Motors Inc has agreed to acquire the Quill Drive Systems business segment of "
        "Halden Corp for €75m.",
        title="Orsk Motors buys a unit",
    )
    assert {tuple(sorted(d.parties)) for d in story.deals} == {
        (("halden", "target"), ("orsk-motors", "acquirer"))
    }


def test_how_an_earlier_try_ended_is_not_the_news_deals_status() -> None:
    story = analysed(
        "Orsk Social Inc has decided to buy the photo app Halden Snap Inc for $1 billion. "
        "Orsk Social made a previous attempt to buy Halden Snap, but was turned down.",
        title="Orsk Social to buy Halden Snap",
    )
    assert [d.status for d in story.deals] == ["agreed"]


def test_a_listing_through_a_spac_is_no_merger() -> None:
    story = analysed(
        "Orsk Aviation, which went public via special purpose acquisition merger, "
        "did not say when its partnership with Halden Airways Ltd will start.",
        title="Orsk Aviation and Halden Airways partner on air taxis",
    )
    assert [d.kind for d in story.deals] == ["partnership"]


def test_a_backer_named_before_a_startup_does_not_act() -> None:
    story = analysed(
        "Orsk Labs Inc acquires the team behind Halden-backed design startup Quill Studio "
        "Inc. Halden Ventures LLC said it had been an early investor.",
        title="Orsk Labs acquires the team behind Halden-backed design startup Quill Studio",
    )
    bought = {tuple(sorted(d.parties)) for d in story.deals if d.kind == "acquisition"}
    assert bought == {(("orsk-labs", "acquirer"), ("quill-studio", "target"))}


def test_a_project_is_no_company() -> None:
    story = analysed(
        "Orsk Mining Ltd said it completed the purchase of the Misima Gold and Silver "
        "Project from Halden Resources Ltd, and the Kumul LNG Project from Quill Energy Ltd.",
        title="Orsk Mining buys two mines",
    )
    found = {c.name for c in story.new_companies}
    assert {"Misima Gold", "Silver Project", "Kumul LNG Project"}.isdisjoint(found)
    assert "Orsk Mining" in found


def test_a_deal_near_collapse_still_stands() -> None:
    from dossier.ingest.status import status_of

    near = "The merger between Orsk and Halden appears to be on the verge of collapse."
    assert status_of(near)[0] != "terminated"
    assert status_of("The merger between Orsk and Halden collapsed on Friday.")[0] == ("terminated")


def test_a_financial_times_archive_document_gives_its_headline_day_and_paper() -> None:
    document = (
        "<DOC>\n<DOCNO>FT911-4695</DOCNO>\n<PROFILE>_AN-BDRBUAC0FT</PROFILE>\n"
        "<DATE>910418\n</DATE>\n<HEADLINE>\n"
        "FT  18 APR 91 / International Company News: Cinema merger near collapse\n"
        "</HEADLINE>\n<TEXT>\nThe merger between Orland Cinema and Lenvar Books, the\n"
        "publisher, appears to be on the verge of collapse.\n</TEXT>\n</DOC>\n"
    )
    body, meta, _ = _read_text("seeds/ft.txt", document)
    assert meta == {
        "title": "Cinema merger near collapse",
        "published": "1991-04-18",
        "outlet": "Financial Times",
    }
    assert "verge of collapse" in body


def test_reuters_wire_code_is_no_part_of_a_name() -> None:
    found = names(
        "RTRS-Orsk Search buys 10.1 pct of Halden Petroleum.\n\n"
        "Orsk Search Ltd said on Friday it had bought a 10.1 percent stake in Halden "
        "Petroleum NL."
    )
    assert "Orsk Search" in found
    assert not any("RTRS" in name for name in found)


def test_two_sets_of_initials_joined_name_a_joint_venture_not_a_parent() -> None:
    found = names(
        "ORSK and HALDEN Group have agreed to set up a battery joint venture, dubbed "
        "ORSK-HALDEN Power Battery Co., Ltd. ORSK and HALDEN Group hold 51% and 49% stakes "
        "in ORSK-HALDEN. ORSK also announced its results."
    )
    assert {"ORSK", "ORSK-HALDEN Power Battery"} <= found
    # a hyphenated name of words is still shortened to its first: "Anheuser-Busch"
    assert "Orsk" not in names(
        "Orsk-Halden Cos Inc agreed to buy Quill Brewing Ltd. Orsk said it paid cash."
    )


def test_a_business_sold_by_name_to_a_buyer_is_a_company_and_a_deal() -> None:
    story = analysed(
        "Orsk Telecom Inc is set to sell the social network Tumblrix to Halden Media Inc, "
        "the owner of a publishing tool. Tumblrix hosts 450 million blogs.",
        title="Orsk Telecom sells its social network",
    )
    assert "Tumblrix" in {c.name for c in story.new_companies}
    assert [(tuple(sorted(d.parties)), d.status) for d in story.deals] == [
        ((("halden-media", "acquirer"), ("tumblrix", "target")), "agreed")
    ]
    # goods go to a buyer in lower case, or to none: "sell Windows licences"
    assert "Quasar" not in names("Orsk Telecom Inc agreed to sell Quasar phones to retailers.")


def test_a_post_taken_up_is_no_takeover() -> None:
    assert not deals(
        "A claim remains against Orsk Waterhouse LLP, which took over as auditor to Halden "
        "Bank Ltd in 1987."
    )
    assert deals("Orsk Waterhouse LLP took over Halden Bank Ltd in 1987.")


def test_a_termination_someone_says_may_come_is_not_one() -> None:
    from dossier.ingest.status import status_of

    said = (
        "Orsk Inc defended its plans to buy Halden Ltd after a newspaper reported that the "
        "transaction would be called off."
    )
    assert status_of(said)[0] != "terminated"
    assert status_of("Orsk Inc called off its plans to buy Halden Ltd.")[0] == "terminated"


def test_talks_agreed_on_are_no_deal_agreed() -> None:
    from dossier.ingest.status import status_of

    resumed = (
        "Orsk and Halden, the two tyre makers, yesterday agreed that merger talks should "
        "be resumed."
    )
    assert status_of(resumed) == ("rumored", True)
    assert status_of("Orsk and Halden agreed to reopen merger negotiations.")[0] == "rumored"
    assert status_of("Orsk and Halden agreed to merge.")[0] == "agreed"


def test_an_offer_from_a_bidder_is_a_takeover() -> None:
    analysis = analysed(
        "Lenmark Brewing Ltd has rejected an improved offer from Orland Kestrel NV. Lenmark "
        "said the offer still undervalues it. Goods on offer from Halden Foods Inc. sold well."
    )
    (deal,) = analysis.deals
    assert dict(deal.parties) == {"orland-kestrel": "acquirer", "lenmark-brewing": "target"}


def test_initials_of_a_names_first_words_with_its_last_as_written_are_its_short_name() -> None:
    found = {
        c.name: c.aliases
        for c in analysed(
            "Bank of New Orland Kestrel Corp. said profit rose 5% as fees grew. BNO Kestrel "
            "Corp. is the biggest custodian, and BNO Kestrel Corp. will buy Halden Ltd."
        ).new_companies
    }
    assert "BNO Kestrel" not in found, found


def test_a_company_funded_by_another_is_an_investment() -> None:
    (deal,) = analysed(
        "Lenvar Labs Inc., a maker of podcasts, was funded by Kestrel Capital LLC last year."
    ).deals
    assert deal.kind == "investment"
    assert dict(deal.parties) == {"lenvar-labs": "investee", "kestrel-capital": "investor"}


def test_a_majority_stake_written_with_a_hyphen_is_a_takeover() -> None:
    (deal,) = analysed(
        "Orland Power Co said on Thursday it agreed to buy a 60.4-percent stake in Kestrel "
        "Electric Ltd."
    ).deals
    assert deal.kind == "acquisition", deal
    assert dict(deal.parties) == {"orland-power": "acquirer", "kestrel-electric": "target"}


def test_an_analysts_employer_is_no_party_to_the_deal_they_talk_of() -> None:
    for sentence in (
        "Martin Cross, analyst at Kestrel Securities Ltd, said Orland Group Plc is buying at "
        "the top of the market.",
        "Kestrel Securities Ltd analyst Martin Cross said Orland Group Plc is buying at the "
        "top of the market.",
    ):
        assert not analysed(sentence).deals, sentence
    (deal,) = analysed("Orland Group Plc is buying Kestrel Securities Ltd, analysts said.").deals
    assert set(dict(deal.parties)) == {"orland", "kestrel-securities"}


def test_a_given_name_before_a_trade_word_with_a_prefix_is_a_company() -> None:
    from dossier.ingest.names import is_person

    assert not is_person(["Ken", "Microsystems"])
    assert not is_person(["Ken", "Systems"])
    assert is_person(["Ken", "Olsen"])
    (deal,) = analysed(
        "On Monday, Orland Corp announced that it had agreed to acquire Ken Microsystems."
    ).deals
    assert set(dict(deal.parties)) == {"orland", "ken-microsystems"}, deal.parties


def test_a_writers_guess_at_a_takeover_is_no_deal() -> None:
    for sentence in (
        "You know Orland Corp has thought about acquiring Lenvar Inc for years.",
        "Kestrel Ltd controls a bit of Lenvar Inc's destiny, making Orland Corp's would-be "
        "takeover that much harder.",
    ):
        assert not analysed(sentence).deals, sentence
    assert analysed("Orland Corp said it would acquire Lenvar Inc for $2 billion.").deals


def test_an_adverb_between_a_buyer_and_its_verb_keeps_the_buyer() -> None:
    analysis = analysed(
        "It has been nearly two years since Velmar quietly acquired Kestrel Health, a "
        "Seattle startup. Velmar declined to comment. Kestrel Health was formed in 2015."
    )
    assert "Velmar" in {c.name for c in analysis.new_companies}
    (deal,) = analysis.deals
    assert set(dict(deal.parties)) == {"velmar", "kestrel-health"}
    family = analysed("The billionaire Lowy family buys into Kestrel Health Ltd.")
    assert not any("Lowy" in c.name for c in family.new_companies)


def test_a_company_that_has_been_sold_is_named_in_a_deal_statement() -> None:
    from dossier.ingest.clues import judge

    sold = "Velmar has recently been sold to a company called Kestrel Media Inc."
    assert judge(sold, 0, 6, "Velmar", None) == "deal statement"
    quietly = "It has been two years since Velmar quietly acquired Kestrel Health."
    at = quietly.index("Velmar")
    assert judge(quietly, at, at + 6, "Velmar", None) == "deal statement"


def test_the_buyer_of_a_business_sold_by_its_owner_is_named_in_a_deal_statement() -> None:
    from dossier.ingest.clues import judge

    sold = "The update saw progress on the sale of its onshore drilling division to Kestrel Deutag."
    at = sold.index("Kestrel")
    assert judge(sold, at, at + len("Kestrel Deutag"), "Kestrel Deutag", None) == "deal statement"


def test_a_names_first_letter_i_is_kept() -> None:
    found = names(
        "Cube Roads Ltd is a portfolio company of I Squared Capital. Shareholders of Cube "
        "Roads are investors consisting of I Squared Capital and others."
    )
    assert "I Squared Capital" in found, found
    assert "I" not in names("I think Cube Roads Ltd will grow.")


def test_a_deal_given_as_an_example_is_a_deal() -> None:
    for sentence in (
        "Even large deals near closing — such as Orland Corp's planned purchase of Lenvar "
        "Inc — may face late hurdles.",
        "Others joined similar companies, like Kestrel Health's purchase of Velmar Inc.",
    ):
        (deal,) = analysed(sentence).deals
        assert len(deal.parties) == 2, deal.parties
    # names listed as examples, with the deal after the list, stay out of it
    assert not analysed(
        "Compared with peers such as Orland Corp, Lenvar Inc has bought few rivals."
    ).deals


def test_it_after_an_opening_phrase_is_the_company_the_last_sentence_began_with() -> None:
    deals = analysed(
        "Lenvar Inc builds chat tools. In June, Orland Corp acquired Kestrel Health, a "
        "startup. And in November it purchased Lenvar Inc, maker of a bot framework."
    ).deals
    assert {frozenset(dict(d.parties)) for d in deals} == {
        frozenset({"orland", "kestrel-health"}),
        frozenset({"orland", "lenvar"}),
    }, deals


def test_a_clause_with_it_as_subject_after_and_is_its_own_deal_of_the_same_company() -> None:
    deals = analysed(
        "Orland Corp. purchased Kestrel Health for $46 million in 2015, and it has since "
        "partnered with Lenvar Inc. to expand its reach."
    ).deals
    assert {frozenset(dict(d.parties).items()) for d in deals} == {
        frozenset({("orland", "acquirer"), ("kestrel-health", "target")}),
        frozenset({("orland", "partner"), ("lenvar", "partner")}),
    }, deals
    # with no company before it to stand for, "the company" who bought is unknown: the
    # names after the verb are not the buyer
    assert not analysed(
        "In 2015, the company purchased Kestrel Health Inc. from Lenvar Inc. for $46 million."
    ).deals


def test_money_put_into_a_field_is_no_investment_in_the_company_named_next() -> None:
    for sentence in (
        "Walmart Inc, which is aggressively investing in e-commerce to better compete with "
        "Amazon Inc, is unveiling a new strategy.",
        "Orland Corp has invested in the development of the Lenvar Centre with Kestrel Inc.",
    ):
        assert not analysed(sentence).deals, sentence
    # another cue of the sentence still holds
    (deal,) = analysed(
        "Lenvar Inc has gotten $4.5 million from Kestrel Ventures, known for investing in software."
    ).deals
    assert dict(deal.parties) == {"lenvar": "investee", "kestrel-ventures": "investor"}
    (funded,) = analysed("The new company, Lenvar Inc, is being funded by Kestrel Ventures.").deals
    assert funded.kind == "investment"


def test_in_app_purchases_are_no_takeover() -> None:
    assert not analysed(
        "Lenvar Games Inc was giving users a way to make in-app purchases that did not go "
        "through Orland Corp's payment processor."
    ).deals


def test_a_mutual_insurer_keeps_its_country_in_its_name() -> None:
    found = names(
        "Abbey National Plc said on Monday it had bid for Scottish Amicable, the life "
        "insurer. The board of Scottish Amicable said it would reject the bid."
    )
    assert "Scottish Amicable" in found, found
    assert "Amicable" not in found, found


def test_companies_listed_as_examples_are_no_firm_of_partners() -> None:
    found = names(
        "Trading companies such as Mitsubishi, Mitsui, C. Itoh & Co. and Nissho-Iwai Corp. "
        "have no U.S. counterpart. Advisers included Goldman, Sachs & Co. and others."
    )
    assert not any("Mitsui," in name for name in found), found
    assert "C. Itoh" in found, found
    assert "Goldman, Sachs" in found, found


def test_a_french_name_keeps_its_articles() -> None:
    found = names(
        "Groupe de la Cite withdrew its bid for William Collins PLC on Tuesday. Later, "
        "Groupe de la Cite said it would bid again."
    )
    assert "Groupe de la Cite" in found, found
    assert not {"Groupe", "Cite"} & found, found


def test_an_apposition_with_a_countrys_possessive_names_a_company() -> None:
    assert "Lenvar" in ruled(
        "Lenvar, Spain's largest private sector electricity utility, agreed last night to merge."
    )
    assert "Lenvar" in ruled("GIC and Lenvar, Singapore's sovereign wealth fund, bought it.")


def test_a_partner_described_by_its_countrys_possessive_is_joined_to_the_other() -> None:
    (deal,) = analysed(
        "Lenvar Motors Inc., which has partnered with Japan's Orland Corp., plans to spend "
        "$4 billion on the plant."
    ).deals
    assert set(dict(deal.parties)) == {"lenvar-motors", "orland"}, deal.parties


def test_money_raised_in_new_cash_from_investors_is_a_round() -> None:
    (deal,) = analysed(
        "Lenvar Inc. has raised $500 million in new cash from investors including Orland "
        "Corp., Kestrel Inc. and Velmar Ltd."
    ).deals
    assert deal.kind == "investment"
    assert dict(deal.parties) == {
        "lenvar": "investee",
        "orland": "investor",
        "kestrel": "investor",
        "velmar": "investor",
    }


def test_a_price_paid_over_an_amount_for_a_company_is_a_takeover() -> None:
    (deal,) = analysed(
        "Orland SA paid over $1 billion for battery maker Lenvar Groupe in 2016."
    ).deals
    assert deal.kind == "acquisition"
    assert dict(deal.parties) == {"orland": "acquirer", "lenvar-groupe": "target"}


def test_each_company_of_a_list_after_a_buying_verb_is_bought() -> None:
    found = deals(
        "Since then Orland SA has bought power vendor Lenvar SA, battery specialist Kestrel SA "
        "and renewable energy firm Velmar Group, putting together a utility."
    )
    assert {dict(p)["orland"] for p in found} == {"acquirer"}, found
    assert {next(s for s, r in p if r == "target") for p in found} == {
        "lenvar",
        "kestrel",
        "velmar",
    }, found
    # a company described after the one bought is no list
    (one,) = analysed(
        "Orland Inc. has acquired the technology behind Lenvar Inc., a Kestrel Inc. friend "
        "recommendation engine."
    ).deals
    assert set(dict(one.parties)) == {"orland", "lenvar"}, one.parties
    # nor is the subject of the next clause
    (first,) = analysed("Orland Inc. bought Lenvar Inc., and Kestrel Inc. launched a watch.").deals
    assert set(dict(first.parties)) == {"orland", "lenvar"}, first.parties


def test_a_price_per_share_offered_for_a_company_is_a_bid() -> None:
    (deal,) = analysed(
        "Orland Plc has offered 70 cents per share for Lenvar NL, an oil producer."
    ).deals
    assert deal.kind == "acquisition" and deal.status == "announced", deal
    assert dict(deal.parties) == {"orland": "acquirer", "lenvar-nl": "target"}


def test_companies_working_or_joined_together_are_partners() -> None:
    for sentence in (
        "In December 2019, Orland Inc. announced it was working with Lenvar Inc. on glasses.",
        "Two founding members, Orland Corp. and Lenvar Inc., have joined together to sponsor it.",
    ):
        (deal,) = analysed(sentence).deals
        assert deal.kind == "partnership", sentence
        assert set(dict(deal.parties)) == {"orland", "lenvar"}, sentence


def test_a_company_bought_some_time_ago_by_another_is_its_target() -> None:
    (deal,) = analysed(
        "Lenvar Plc, which was bought late last year by Orland Corp., would provide expertise."
    ).deals
    assert dict(deal.parties) == {"orland": "acquirer", "lenvar": "target"}, deal.parties


def test_it_after_an_opening_adverb_is_the_company_the_last_sentence_began_with() -> None:
    found = deals(
        "Orland Ltd. has acquired Lenvar Pvt. Just recently, it closed the acquisition of "
        "Kestrel Ltd., a family run advertising company."
    )
    assert (("kestrel", "target"), ("orland", "acquirer")) in found, found


def test_a_company_that_has_funded_another_invests_in_it() -> None:
    (deal,) = analysed("Orland Ventures LLC has funded Lenvar Inc., a chip startup.").deals
    assert deal.kind == "investment"
    assert dict(deal.parties) == {"lenvar": "investee", "orland-ventures": "investor"}


def test_a_business_partner_before_a_name_is_no_persons_title() -> None:
    from dossier.ingest.clues import NOT_A_COMPANY, judge

    for sentence, name in (
        (
            "The shoe comes from our long-time partner Bolt Threads - a biotech firm.",
            "Bolt Threads",
        ),
    ):
        at = sentence.index(name)
        assert judge(sentence, at, at + len(name), name, None) != NOT_A_COMPANY, sentence
    # a firm's partner is a person
    sentence = "The firm's managing partner Kestrel Smith said the bank grew."
    at = sentence.index("Kestrel Smith")
    assert judge(sentence, at, at + 13, "Kestrel Smith", None) == NOT_A_COMPANY


def test_a_name_that_opens_with_initials_keeps_them() -> None:
    (deal,) = analysed(
        "The companies announced that Nippon Steel Corp. had agreed to acquire U.S. Steel "
        "for $14.9 billion."
    ).deals
    assert dict(deal.parties) == {"nippon-steel": "acquirer", "u-s-steel": "target"}
    # a country's initials before anything else are no part of a name
    from dossier.ingest.names import trim

    assert trim(0, "U.K. Electricité de France", False)[1] == "Electricité de France"
    assert trim(0, "U.S. Treasuries", False)[1] == "Treasuries"


def test_a_function_word_in_a_name_with_a_legal_form_is_a_company() -> None:
    (deal,) = analysed(
        "Dun & Bradstreet Corp. said Thursday it has acquired Sales Technologies Inc., an "
        "Atlanta-based supplier of automation systems."
    ).deals
    assert dict(deal.parties) == {"dun-bradstreet": "acquirer", "sales-technologies": "target"}
    # a function and a legal form alone are the end of a longer name, not one
    from dossier.ingest.clues import NOT_A_COMPANY, judge

    sentence = "Kenanga announced its acquisition of iVCAP Management Sdn Bhd today."
    at = sentence.index("Management")
    assert judge(sentence, at, at + 18, "Management Sdn Bhd", None) == NOT_A_COMPANY


def test_an_opening_adverb_is_no_part_of_a_name() -> None:
    found = names("Recently Martin posted that Lenvar is already 18 people.")
    assert not any(name.startswith("Recently") for name in found), found


def test_planes_of_a_model_bought_are_goods_not_a_company() -> None:
    for text in (
        "Lenvar Co. makes jets. Braniff Inc. disclosed plans to acquire 23 Lenvar 737s from "
        "Orland Corp.",
        "Lenvar Industrie SA makes jets. Braniff Inc. said it will acquire 50 Lenvar Industrie "
        "A320 planes and has options to get another 50.",
    ):
        assert not analysed(text).deals, text


def test_a_canadian_province_is_a_place() -> None:
    found = names("Orland Ltd. is offering to buy the struggling northern Manitoba metal producer.")
    assert "Manitoba" not in found, found


def test_a_round_led_by_an_investor_after_a_comma_is_a_round() -> None:
    (deal,) = analysed(
        "Lenvar AI, a startup that secures software for banks, raised $5.2 million in seed "
        "funding, led by Orland Capital."
    ).deals
    assert deal.kind == "investment"
    assert dict(deal.parties) == {"lenvar-ai": "investee", "orland-capital": "investor"}


def test_a_company_sold_after_a_description_holding_a_products_name_is_sold() -> None:
    (deal,) = analysed(
        "Kestrel Ltd. is in advanced talks to sell Star Quest developer Lenvar Technology to "
        "Orland Group for $6 billion."
    ).deals
    assert deal.kind == "acquisition"
    assert dict(deal.parties) == {"orland": "acquirer", "lenvar-technology": "target"}


def test_a_company_sold_after_a_longer_description_or_one_in_commas_is_sold() -> None:
    bought = (("morrow-capital", "acquirer"), ("orsk-data", "target"))
    for text in (
        "Trevia Corp's record includes selling luxury watch parts maker Orsk Data Group to "
        "Morrow Capital LLC, which is now prepping for a listing.",
        "Trevia Corp sold its regional TV station, Orsk Data, to Morrow Capital LLC for $14.8m.",
    ):
        assert deals(text) == {bought}, text
    # a comma after a company's own name makes no description of the next
    assert deals("Trevia Corp sold Kelbrook Labs, Orsk Data to Morrow Capital LLC.") != {bought}


def test_tender_offers_for_companies_are_bids_for_them() -> None:
    (deal,) = analysed("Orland Corp has launched tender offers for Kestrel Ltd this year.").deals
    assert deal.kind == "acquisition"
    assert dict(deal.parties) == {"orland": "acquirer", "kestrel": "target"}


def test_an_owner_named_in_a_controlled_by_apposition_is_no_party() -> None:
    (deal,) = analysed(
        "Rig firm Orsk Drilling, controlled by Norwegian investor Morrow Capital, is "
        "proposing to buy its rival Kestrel Offshore for $232.5 million."
    ).deals
    assert dict(deal.parties) == {"orsk-drilling": "acquirer", "kestrel-offshore": "target"}


def test_a_company_gobbled_up_is_bought() -> None:
    (deal,) = analysed(
        "On March 23rd Orland, a French dairy giant, announced that it would gobble up "
        "Kestrel, a British maker of meal-replacement drinks."
    ).deals
    assert (deal.kind, deal.status) == ("acquisition", "agreed")
    assert dict(deal.parties) == {"orland": "acquirer", "kestrel": "target"}
    # (market share gobbled up is no company)
    assert deals("Orland and Kestrel will gobble up market share from smaller chains.") == set()


def test_an_adverb_opening_the_sentence_is_no_part_of_the_name() -> None:
    # (a name in capitals, which a capitalised word before it would otherwise open)
    for adverb in ("Elsewhere", "Similarly", "Nonetheless"):
        found = names(
            f"{adverb} ORSK, a chemicals giant, sold its coatings unit for $7.7bn to "
            "Morrow Capital LLC, a private-equity firm."
        )
        assert "ORSK" in found, adverb
        assert not any(adverb in n for n in found), adverb


def test_a_bid_the_target_rejected_is_still_made_until_the_bidder_walks_away() -> None:
    live = (
        "Orland Ltd has raised its bid for Kestrel Inc to about $121 billion. Kestrel's "
        "board previously rejected Orland's original $105 billion acquisition approach."
    )
    (deal,) = analysed(live).deals
    assert (deal.kind, deal.status) == ("acquisition", "announced")
    ended = (
        "Orland Ltd has raised its bid for Kestrel Inc to about $121 billion. Orland later "
        "withdrew its offer for Kestrel after Kestrel's board rejected it."
    )
    (deal,) = analysed(ended).deals
    assert deal.status == "terminated"


def test_an_owner_named_late_in_an_apposition_is_no_party() -> None:
    (deal,) = analysed(
        "New York-based Lenvar Records, the world's largest record company and a subsidiary "
        "of Japan's Orland Corp., is buying Kestrel Publishing for a reported $45 million."
    ).deals
    assert dict(deal.parties) == {"lenvar-records": "acquirer", "kestrel-publishing": "target"}
    assert deal.value == (45e6, "USD")


def test_initials_before_a_pronoun_end_a_sentence() -> None:
    assert split("Lenvar would gain against rival H-P. It could be its largest purchase.") == [
        "Lenvar would gain against rival H-P.",
        "It could be its largest purchase.",
    ]
    assert split("J. Smith said so.") == ["J. Smith said so."]


def test_an_amount_before_a_full_stop_ends_its_sentence() -> None:
    assert split("It bought Orland, an internet pioneer, for $1.5bn. That follows its deal.") == [
        "It bought Orland, an internet pioneer, for $1.5bn.",
        "That follows its deal.",
    ]
    assert split("It raised money in round 2. The company grew.") == [
        "It raised money in round 2.",
        "The company grew.",
    ]
    # a number a scraper broke at its point is one number
    assert split("The stock shed 4. 8% after Orland said so.") == [
        "The stock shed 4. 8% after Orland said so."
    ]


def test_a_name_written_with_an_ampersand_ends_its_sentence() -> None:
    # the last letter of "KB&O." is not a person's initial waiting for a surname
    assert split("Shareholders will vote on Lenvar's offer for KB&O. Orland said it may bid.") == [
        "Shareholders will vote on Lenvar's offer for KB&O.",
        "Orland said it may bid.",
    ]
    assert split("J. Smith of KB&O said so.") == ["J. Smith of KB&O said so."]


def test_an_amount_with_cents_is_a_price_per_share_not_the_deals_value() -> None:
    (deal,) = analysed(
        "Lenvar Corp. agreed to buy Orland Inc. Orland holders get $102.43 for each share "
        "they own. Lenvar Corp. agreed to buy Orland Inc. at $102.43."
    ).deals
    assert deal.value is None


def test_a_power_purchase_agreement_buys_no_company() -> None:
    assert not analysed(
        "Lenvar Power and Orland Engineering will build a solar farm through an on-site PPA "
        "(power purchase agreement)."
    ).deals


def test_the_one_company_not_to_have_reached_an_agreement_has_no_deal() -> None:
    assert not analysed(
        "Orland Music Group is the only major label not to have reached an agreement with "
        "Lenvar Inc."
    ).deals


def test_a_description_of_the_company_as_subject_is_the_company_before() -> None:
    (deal,) = analysed(
        "Lenvar Group Holding Ltd. is going big on video. The online shopping giant is buying "
        "China's video service Orland Inc. in an all-cash deal."
    ).deals
    assert dict(deal.parties) == {"lenvar": "acquirer", "orland": "target"}
    # a description that goes on with a name names that company
    (deal,) = analysed(
        "Lenvar Group Holding Ltd. is going big on video. The Chinese retailer Kestrel Corp. "
        "is buying Orland Inc. in an all-cash deal."
    ).deals
    assert dict(deal.parties) == {"kestrel": "acquirer", "orland": "target"}


def test_acquisitions_listed_after_including_are_each_bought() -> None:
    found = deals(
        "Lenvar Corp. also made major acquisitions during that time, including wearable "
        "biosensor leader Orland Inc. and digital therapeutics company Kestrel Health."
    )
    assert {next(s for s, r in p if r == "target") for p in found} == {
        "orland",
        "kestrel-health",
    }, found
    # a buyer the article does not name as a company: the listed ones bought nothing
    # from each other
    unnamed = deals(
        "The group also made major acquisitions during that time, including wearable "
        "biosensor leader Orland Inc. and digital therapeutics company Kestrel Health."
    )
    assert not unnamed, unnamed


def test_a_company_named_as_anothers_spinoff_or_owner_is_no_party() -> None:
    (deal,) = analysed(
        "Before its other purchase, Lenvar Corp. was in talks to buy the much larger chip "
        "maker and Kestrel spinoff Orland Foundries Inc. for around $30 billion."
    ).deals
    assert dict(deal.parties) == {"lenvar": "acquirer", "orland-foundries": "target"}


def test_a_price_paid_in_cash_for_a_companys_equity_is_the_deals_value() -> None:
    (deal,) = analysed(
        "Lenvar Inc. said it will buy Orland Inc. Under the terms of the transaction, Lenvar "
        "Inc. will pay $110 million in cash for all outstanding equity interests in Orland "
        "Inc. upon close."
    ).deals
    assert deal.value == (110e6, "USD")
    assert deal.statements == 2


def test_an_amount_in_us_dollars_written_after_it() -> None:
    from dossier.ingest.figures import value

    assert value("Lenvar has bought Orland for a reported 1.65 Billion US dollars.", True) == (
        1.65e9,
        "USD",
    )


def test_its_planned_acquisition_is_the_clauses_subjects() -> None:
    (deal,) = analysed(
        "Lenvar Laboratories said it has financing for both Kestrel Medical Inc. and for its "
        "planned acquisition of Orland Inc. for $5.8bn."
    ).deals
    assert dict(deal.parties) == {"lenvar-laboratories": "acquirer", "orland": "target"}


def test_a_kind_of_company_opening_a_headline_is_no_part_of_the_name() -> None:
    found = names("Shipper Lenvar buys stake in Norway's Orland Shipping to build carriers.")
    assert "Lenvar" in found and not any(name.startswith("Shipper") for name in found), found


def test_skype_is_a_company_where_it_is_bought_and_a_product_where_it_is_shipped() -> None:
    # a product's name that was a company's: the words around it decide, not a word list
    (deal,) = analysed("Microsoft agreed to buy Skype for $8.5 billion in cash.").deals
    assert dict(deal.parties) == {"microsoft": "acquirer", "skype": "target"}
    found = names("Lenvar Inc. will preinstall Skype and Bing on its phones sold in Europe.")
    assert "Skype" not in found and "Bing" not in found, found


def test_an_adverb_before_announced_the_acquisition_still_names_the_buyer() -> None:
    (deal,) = analysed("Lenvar recently announced the acquisition of Orland, a tools maker.").deals
    assert dict(deal.parties) == {"lenvar": "acquirer", "orland": "target"}


def test_a_doubled_apostrophe_before_s_is_no_part_of_the_name() -> None:
    # a database dump escapes the apostrophe ("Orland''s"): the name is still "Orland"
    found = names("Lenvar Inc. is partnering with Orland''s card business, the companies said.")
    assert "Orland" in found and not any(name.endswith("'") for name in found), found


def test_a_deal_under_way_is_agreed_through_a_links_marks_and_in_the_future() -> None:
    for said in (
        "Lenvar Inc. will[ acquire](https://example.com/news/2024/a) Orland Inc. for $2 billion.",
        "Lenvar Inc. will be [acquiring] the devices business of Orland Inc. next year.",
        "Lenvar Inc. said in May that it was acquiring Orland Inc. for $53 million.",
        "Lenvar Inc. and Orland Inc. are merging in a $2.3 billion deal.",
        "Lenvar Inc. said it is selling its Chicago retail operations to Orland Inc.",
    ):
        (deal,) = analysed(said).deals
        assert deal.status == "agreed", said


def test_a_links_marks_are_no_words_next_to_a_name() -> None:
    found = names(
        "Singapore's Lenvar is [acquiring](https://example.com/2024/10/02/a) a stake "
        "in Orland Inc., a waste company."
    )
    assert "Lenvar" in found, found


def test_a_name_followed_by_his_or_her_is_a_persons() -> None:
    found = names(
        "Computer scientist Kestrel Vanholt has sold his robotics firm Orland Ltd. to "
        "Lenvar Inc. for $400 million."
    )
    assert "Kestrel Vanholt" not in found and {"Orland", "Lenvar"} <= found, found


def test_a_deal_a_press_report_tells_or_still_in_due_diligence_is_rumored() -> None:
    from dossier.ingest.status import status_of

    for said in (
        "Lenvar Inc. is expected to pay several billion yen for Orland Ltd., NHK reported.",
        "Lenvar Inc. plans to buy Orland Ltd. for $2 billion, the Harbor Ledger reported on "
        "Monday, citing people close to the matter.",
        "Lenvar Inc. is in exclusive due diligence to acquire Orland Ltd.",
        "Lenvar Inc. and Orland Ltd. have yet to reach an agreement on joining forces.",
    ):
        assert status_of(said) == ("rumored", True), said
    # a deal done is news the press reports too
    said = "Lenvar Inc. has bought a 9.8 percent stake in Orland Ltd., Reuters reported."
    assert status_of(said) == ("completed", True)


def test_a_sentence_that_prices_the_deal_alone_gives_the_news_deal_its_value() -> None:
    (deal,) = analysed(
        "Lenvar Inc. agreed to buy Orland Ltd., a maker of eye surgery tools.\n\n"
        "The acquisition is valued at approximately EUR 985 million and is expected to close "
        "next year."
    ).deals
    assert deal.value == (985_000_000.0, "EUR")


def test_what_a_relative_clause_says_the_thing_named_was_is_not_this_deals_status() -> None:
    from dossier.ingest.status import status_of

    said = (
        "The regulator approved Lenvar Inc.'s acquisition of Orland Ltd., a deal it rejected "
        "under the previous administration, clearing the way for the merger."
    )
    assert status_of(said) == ("agreed", True)
    said = "Lenvar Inc. called off its purchase of Orland Ltd., a deal that was announced in May."
    assert status_of(said) == ("terminated", True)


def test_a_company_named_in_an_apposition_as_anothers_parent_is_no_party() -> None:
    (deal,) = analysed(
        "Lenvar Holdings Inc., the parent company of Kestrel Ltd., today announced that it "
        "has entered into a definitive agreement to acquire Orland Studios Inc."
    ).deals
    assert dict(deal.parties) == {"lenvar": "acquirer", "orland-studios": "target"}


def test_the_yen_sign_is_the_yens_unless_the_sentence_speaks_of_china() -> None:
    from dossier.ingest.figures import value

    assert value("Lenvar Land will pay ¥30 billion for Orland Japan.", True) == (3e10, "JPY")
    assert value("Ping An will pay ¥30 billion for the Shanghai lender.", True) == (3e10, "CNY")


def test_a_name_closing_an_opening_phrase_has_no_apposition() -> None:
    from dossier.ingest.clues import judge

    said = "According to Musk, the social media company needs to go private."
    assert judge(said, 13, 17, "Musk", None) is None
    said = "Orland, the social media company, needs to go private."
    assert judge(said, 0, 6, "Orland", None) == "apposition"


def test_a_passive_purchase_names_its_buyer_right_after_by() -> None:
    # the company bought is no company here: the buyer and a rival are no deal
    assert not analysed(
        "With its storage arm acquired by Lenvar Software Inc., and its arch-rival Orland Inc. "
        "by Kestrel, much of the action moved to the open-source realm."
    ).deals
    # the buyer is no company here: a company named later in the sentence bought nothing
    assert not analysed(
        "Just this month [Bladewerk was bought by a rival](https://example.com/a) (who?), "
        "and now there is this Orland Inc. news about Lenvar Software Inc."
    ).deals
    (deal,) = analysed(
        "Orland Inc. has been acquired by [Lenvar Software Inc.](https://example.com/), a "
        "long-time customer."
    ).deals
    assert dict(deal.parties) == {"lenvar-software": "acquirer", "orland": "target"}


def test_taking_a_company_private_is_a_buyout_and_a_stake_kept_no_investment() -> None:
    (deal,) = analysed(
        "Lenvar Capital will take Orland Soft Ltd. private, with Orland's founding family "
        "retaining a minority stake."
    ).deals
    assert (deal.kind, deal.status) == ("acquisition", "agreed")
    assert dict(deal.parties) == {"lenvar-capital": "acquirer", "orland-soft": "target"}
    (deal,) = analysed("Kestrel Partners took Orland Ltd. private in 2013 in a deal.").deals
    assert deal.kind == "acquisition"
    # private equity is money, not a buyout
    assert not analysed("Kestrel Corp. plans to take private equity money from Orland Ltd.").deals


def test_deal_statements_a_sentence_joins_are_each_a_deal() -> None:
    found = analysed(
        "It has been a nice few weeks. [Lenvar’s acquisition of Orland Inc.](https://a.example/1)"
        " and [Kestrel’s acquisition of Bladewerk Inc.](https://a.example/2), as well as "
        "[Sisense Inc. merging with Periscope Data Inc.](https://a.example/3) show it."
    ).deals
    assert {(d.kind, tuple(sorted(dict(d.parties).items()))) for d in found} == {
        ("acquisition", (("lenvar", "acquirer"), ("orland", "target"))),
        ("acquisition", (("bladewerk", "target"), ("kestrel", "acquirer"))),
        ("merger", (("periscope-data", "party"), ("sisense", "party"))),
    }


def test_fellow_buyers_with_no_company_bought_are_no_deal() -> None:
    assert not analysed(
        "This is what Lenvar Inc. and Kestrel Corp. are acquiring: a way to see their data."
    ).deals
    (deal,) = analysed(
        "Lenvar Inc. and Orland Inc. have entered into a definitive agreement under which "
        "Lenvar will acquire Orland common stock for $9.50 per share in cash."
    ).deals
    assert dict(deal.parties) == {"lenvar": "acquirer", "orland": "target"}


def test_buyers_of_a_plural_deal_noun_are_no_deal_between_them() -> None:
    (deal,) = analysed(
        "This purchase also follows the recent acquisitions by Lenvar Inc. and Kestrel Corp."
        " of game studios. Lenvar Inc. bought Orland Inc. last year."
    ).deals
    assert dict(deal.parties) == {"lenvar": "acquirer", "orland": "target"}
    (deal,) = analysed("The acquisition of Orland Inc. by Lenvar Inc. closed on Monday.").deals
    assert dict(deal.parties) == {"lenvar": "acquirer", "orland": "target"}


def test_a_similar_move_that_names_its_own_purchase_is_a_deal() -> None:
    (deal,) = analysed(
        "Kestrel Corp. made a similar move in February, buying Orland Inc. for $40 million."
    ).deals
    assert dict(deal.parties) == {"kestrel": "acquirer", "orland": "target"}
    assert not analysed("Kestrel Corp. and Orland Inc. may yet make similar moves.").deals


def test_a_name_that_announced_its_intent_to_buy_is_a_companys() -> None:
    from dossier.ingest.clues import judge

    for said in (
        "Today, Lenvar announced their intent to [acquire Orland](https://a.example/).",
        "Today, Lenvar announced plans to acquire Orland.",
    ):
        assert judge(said, 7, 13, "Lenvar", None) == "deal statement", said


def test_names_that_announced_they_intended_to_merge_or_end_in_a_mark_are_companies() -> None:
    from dossier.ingest.clues import judge

    said = "In May 2019, Lenvar and Orland Education announced that they intended to merge."
    assert judge(said, 13, 19, "Lenvar", None) == "deal statement"
    assert judge(said, 24, 40, "Orland Education", None) == "deal statement"
    said = "Kestrel! has agreed to buy Orland."
    assert judge(said, 0, 7, "Kestrel", None) == "deal statement"


def test_a_digests_item_dates_its_deal_by_the_day_it_cites_its_source_for() -> None:
    from dossier.dates import PartialDate
    from dossier.ingest.analyse import analyse
    from dossier.ingest.entities import Finder
    from dossier.ingest.types import RawArticle

    text = (
        "Lenvar Tsusho buys full control of Orland Wind from Kestrel\n"
        "(Nikkei, May 26)\n\n"
        "•  Lenvar Tsusho Corp. agreed to purchase Kestrel Holdings Inc.'s 40% stake in Orland "
        "Wind Ltd. for ¥185 billion.\n"
    )
    raw = RawArticle(path="seeds/a.md", text=text, meta={"published": "2022-05-30"})
    (deal,) = analyse(raw, Finder([])).deals
    assert deal.announced == PartialDate(2022, 5, 26)
    # a day long before the issue is no citation of this item's source
    raw = RawArticle(path="seeds/a.md", text=text, meta={"published": "2022-09-30"})
    (deal,) = analyse(raw, Finder([])).deals
    assert deal.announced == PartialDate(2022, 9, 30)


def test_initials_after_a_first_name_are_no_ones_last_name() -> None:
    from dossier.ingest.names import surnames

    assert "AOL" not in surnames(["It reminds me of the Time Warner AOL merger."])
    assert "Dell" in surnames(["Michael Dell said so."])


def test_four_words_may_describe_the_company_a_deal_word_names() -> None:
    from dossier.ingest.clues import judge

    said = "I am bullish about Lenvar's purchase of digital magazine subscription service Orland."
    assert judge(said, len(said) - 7, len(said) - 1, "Orland", None) == "deal statement"


def test_a_headlines_joined_statements_yield_their_status_to_the_body() -> None:
    found = analysed(
        "Lenvar Inc. is in talks to acquire Orland Inc., people familiar with the matter said. "
        "Kestrel Corp. is in talks to buy Bladewerk Ltd., they said.",
        title="[Lenvar acquires Orland](https://a.example/1) and [Kestrel buys Bladewerk]"
        "(https://a.example/2)",
    ).deals
    assert [d.status for d in found] == ["rumored", "rumored"]


def test_a_writers_wish_to_buy_is_no_deal() -> None:
    assert not analysed(
        "> I'd buy Lenvar Inc. and Orland Inc. for the sole reason of bringing their teams to "
        "Kestrel Corp."
    ).deals
    assert not analysed("I would buy Lenvar Inc. and Orland Inc. to run a new division.").deals
    (deal,) = analysed("Kestrel Corp. said it would buy Orland Inc.").deals
    assert dict(deal.parties) == {"kestrel": "acquirer", "orland": "target"}


def test_a_name_before_its_shareholders_or_employees_is_a_companys() -> None:
    from dossier.ingest.clues import judge

    said = "Concerns were raised because Kestrel Boerse shareholders will control 60%."
    assert judge(said, 29, 43, "Kestrel Boerse", None) == "business context"
    said = "Many Orland employees did not want the merger to go through."
    assert judge(said, 5, 11, "Orland", None) == "business context"


def test_a_participle_that_speaks_of_another_deal_names_none_of_its_parties() -> None:
    (deal,) = analysed(
        "Lenvar Inc. is now in talks to merge with Orland Inc., putting the deal with"
        " Kestrel Corp. in jeopardy."
    ).deals
    assert dict(deal.parties) == {"lenvar": "party", "orland": "party"}
    assert (deal.kind, deal.status) == ("merger", "rumored")


def test_deal_words_of_a_trade_a_view_or_boilerplate_name_no_deal() -> None:
    for said in (
        "Orland Inc. stock sell-off is an attractive buying opportunity, Kestrel Corp. says.",
        "Kestrel Corp., a leading mergers and acquisitions advisor, advised Orland Inc.",
        "Kestrel Corp. encourages Orland Inc. investors to contact the firm directly to"
        " acquire more information.",
    ):
        assert not analysed(said).deals, said
    (deal,) = analysed("Kestrel Corp. agreed to acquire Orland Inc. for $40 million.").deals
    assert dict(deal.parties) == {"kestrel": "acquirer", "orland": "target"}


def test_a_kind_of_business_that_opens_a_sentence_is_no_part_of_the_name() -> None:
    names = {c.name for c in analysed("Operator Boyne Resorts Inc. has a lease.").new_companies}
    assert names == {"Boyne Resorts"}


def test_a_holding_in_percent_is_no_deal_but_one_to_come_is() -> None:
    assert not analysed("In effect, Kestrel Corp., which owns 43.9% of Orland Inc., gains.").deals
    (deal,) = analysed("Kestrel Corp. will own 40% of Orland Inc. after the share sale.").deals
    assert dict(deal.parties) == {"kestrel": "investor", "orland": "investee"}


def test_a_rival_named_before_a_partner_is_no_party() -> None:
    (deal,) = analysed("Orland Inc. partnered with Kestrel rival Lenvar Inc. on Monday.").deals
    assert dict(deal.parties) == {"orland": "partner", "lenvar": "partner"}


def test_a_buyout_firm_is_no_buyout() -> None:
    for said in (
        "Buyout firm Lenvar Partners LLC explores a $3 billion sale of Orland Systems Inc.",
        "Interested parties include buyout funds Lenvar Group Inc. and Kestrel Capital LLC.",
    ):
        assert not analysed(said).deals, said


def test_talks_that_have_fallen_apart_or_broken_down_end_the_deal() -> None:
    for said in (
        "Lenvar Inc. said on Friday that merger talks with Orland Inc. have fallen apart.",
        "Lenvar Inc. said its negotiations with Orland Inc. over a merger broke down.",
    ):
        (deal,) = analysed(said).deals
        assert deal.status == "terminated", said


def test_investments_a_sentence_lists_are_no_deal_between_them() -> None:
    assert not analysed(
        "Other notable investments include supply chain firm Lenvar Inc. and renewable"
        " energy firm Orland Ltd."
    ).deals
    (deal,) = analysed("Kestrel Capital LLC's investments include Orland Ltd.").deals
    assert dict(deal.parties) == {"kestrel-capital": "investor", "orland": "investee"}


def test_a_purchase_of_a_name_before_its_buyer_is_of_that_name() -> None:
    # the noun's object is bought; the clause's subject after it is the buyer, and a list
    # after the noun is all bought, by a buyer the sentence does not name
    (deal,) = analysed(
        "Along with its purchase of Orwin Labs Inc, Velmar Systems Inc announced that it "
        "was renaming itself."
    ).deals
    assert dict(deal.parties) == {"velmar-systems": "acquirer", "orwin-labs": "target"}
    assert not analysed(
        "The company has had luck with its watch, the result of its own acquisition of "
        "Orwin Labs Inc, Tessard Corp and Lenvar Ltd."
    ).deals
    # names with their legal forms joined by "and" are all bought, whatever verb follows
    assert not analysed(
        "The acquisition of Orwin Labs Inc. and Tessard Corp. is expected to close by April 30."
    ).deals


def test_an_underwriter_works_on_the_deal() -> None:
    sentence = "The acquisition will be funded by a share issue, underwritten by Harbor Street."
    finder = Finder(())
    finder.add("velmar", ["Velmar"])
    finder.add("harbor", ["Harbor Street"])
    assert without_advisers(sentence, finder.mentions(sentence)) == []


def test_a_name_with_its_own_legal_form_is_the_company_its_units_are_named_after() -> None:
    found = names(
        "Kestrel Limited has turned to a machinery maker. Kestrel Metals Ltd said the deal "
        "would help. Kestrel Zero Ltd developed the battery systems."
    )
    assert {"Kestrel", "Kestrel Metals", "Kestrel Zero"} <= found


def test_so_many_goods_bought_are_no_company_bought() -> None:
    (deal,) = analysed(
        "Velmar Systems Inc unveiled a partnership with Orwin Labs Inc last year. Velmar "
        "Systems Inc expects to purchase about 360 electric trucks under the deal with "
        "Orwin Labs Inc."
    ).deals
    assert deal.kind == "partnership"


def test_a_place_and_a_direction_after_it_may_be_a_name() -> None:
    # a region puts its direction first: "China Eastern" may be an airline, for the
    # company model to weigh; "Eastern China" is a region
    sentence = "Delta will buy a stake in Air France-KLM, as will China Eastern, with both."
    phrases = {c.phrase for c in candidates([sentence], "", None, lambda _phrase: False).values()}
    assert "China Eastern" in phrases
    sentence = "Delta will open a route to Eastern China next year, as will Air France-KLM."
    phrases = {c.phrase for c in candidates([sentence], "", None, lambda _phrase: False).values()}
    assert not any("China" in phrase for phrase in phrases)


def test_a_headlines_comma_is_its_and() -> None:
    (deal,) = analysed(
        "![Velmar Systems Inc, Tessard Corp to Acquire Orwin Labs Inc](/images/deal.webp)"
    ).deals
    assert dict(deal.parties) == {
        "velmar-systems": "acquirer",
        "tessard": "acquirer",
        "orwin-labs": "target",
    }


def test_the_names_of_an_apposition_describe_the_buyer() -> None:
    (deal,) = analysed(
        "Velmar Systems Inc., one of the three big makers along with Tessard Corp and Lenvar "
        "Ltd, recently acquired seat maker Orwin Labs Inc for $135 million."
    ).deals
    assert dict(deal.parties) == {"velmar-systems": "acquirer", "orwin-labs": "target"}


def test_a_sale_in_brackets_tells_of_what_was_named_right_before_them() -> None:
    # the bracket's sale is of the unit named right before it, not of the sentence's
    # subject; after the company bought, it tells of another sale
    assert not analysed(
        "Velmar Systems Inc's chief executive, who ran the Lenvar Ltd ride business "
        "(acquired by Orwin Labs Inc in 2019 for $3.1 billion), is optimistic.",
        title="A founder is optimistic",
    ).deals
    (deal,) = analysed(
        "Velmar Systems Inc is snapping up Orwin Labs Inc (minus its chip arm, which is "
        "being sold to other investors for $65 million) for $743 million.",
        title="A chip designer is sold",
    ).deals
    assert dict(deal.parties) == {"velmar-systems": "acquirer", "orwin-labs": "target"}


def test_taking_over_a_company_buys_it() -> None:
    (deal,) = analysed(
        "Velmar Systems Inc last year boosted its business by taking over Orwin Labs Inc "
        "of the US.",
        title="Velmar grows",
    ).deals
    assert dict(deal.parties) == {"velmar-systems": "acquirer", "orwin-labs": "target"}


def test_two_trades_joined_by_and_are_one_name() -> None:
    found = ruled(
        "The regulator placed Kestrel Refining and Marketing under a trustee, and Orwin "
        "Gas and Electric said it had agreed to buy Kestrel Refining and Marketing."
    )
    assert {"Kestrel Refining and Marketing", "Orwin Gas and Electric"} <= found
    assert not found & {"Kestrel Refining", "Marketing", "Orwin Gas", "Electric"}
    assert "Velmar Consumer Care and Lighting" in ruled(
        "Velmar Consumer Care and Lighting said it will acquire skincare brand Orwin Labs Inc."
    )
    # a trade alone before "and" and a name with its legal form: "Oil and Natural Gas Corp."
    state = names("Orwin Videsh Ltd, the overseas arm of Oil and Natural Gas Corp., said so.")
    assert "Oil and Natural Gas" in state and "Natural Gas" not in state, state
    # (not a trade inside a longer name)
    longer = names("Orwin Mining partnered Japan Oil, Gas and Metals National Corporation.")
    assert "Gas and Metals National" not in longer, longer


def test_the_day_of_a_date_is_no_part_of_a_name_with_a_legal_form() -> None:
    found = names("On Monday Kestrel Ltd acquired Orwin Labs Inc's five coal mines.")
    assert "Kestrel" in found
    assert not any("Monday" in name for name in found)
    # a name that begins with a day stays whole: no preposition before it
    assert "Tuesday Morning" in names("Tuesday Morning Corp. agreed to buy Orwin Labs Inc.")
    # so is the month of a date after its preposition
    months = names("Orwin Labs Inc. said that in June Kestrel Corp. bought a stake in it.")
    assert "Kestrel" in months and not any("June" in name for name in months), months
    assert "May Department Stores" in names("May Department Stores Co. bought Orwin Labs Inc.")


def test_a_clause_after_and_a_time_phrase_is_its_own_deal() -> None:
    deals = analysed(
        "Orland Corp. has snapped up Kestrel Inc., and in June Lenvar Corp. acquired a "
        "majority stake in Velmar Inc., a skincare brand."
    ).deals
    assert {frozenset(dict(d.parties)) for d in deals} == {
        frozenset({"orland", "kestrel"}),
        frozenset({"lenvar", "velmar"}),
    }, deals
    for deal in deals:  # each statement quoted on its own
        assert ("Orland" in deal.quote) != ("Lenvar" in deal.quote), deal.quote


def test_a_deal_still_to_close_is_agreed_however_its_sentence_reads() -> None:
    text = "Orwin Labs Inc has acquired Kestrel Ltd to expand its portfolio of sensors."
    (done,) = analysed(text, title="Orwin buys Kestrel").deals
    assert done.status == "completed"
    pending = f"{text} The transaction is expected to close in the fourth quarter."
    (deal,) = analysed(pending, title="Orwin buys Kestrel").deals
    assert deal.status == "agreed"


def test_a_company_sold_with_its_description_between_has_the_buyer_after_to() -> None:
    (deal,) = analysed(
        "VELMAR, the UK glassmaker, is selling Orwin Reinforcements, a wholly-owned "
        "subsidiary, to Kestrel Glass Group of Japan for a cash consideration of Pounds 7.4m.",
        title="Notes",
    ).deals
    assert deal.kind == "acquisition"
    assert dict(deal.parties) == {"kestrel-glass": "acquirer", "orwin-reinforcements": "target"}


def test_a_price_paid_in_spelt_out_currencies_buys_the_company() -> None:
    (deal,) = analysed(
        "Velmar Labs, the UK drugs group, is expanding in America. It is paying Dollars 77m, "
        "or Pounds 44.9m, for Orwin Pharmaceutical, a maker of generic drugs.",
        title="Notes",
    ).deals
    assert (deal.kind, deal.status) == ("acquisition", "agreed")
    assert dict(deal.parties) == {"velmar-labs": "acquirer", "orwin-pharmaceutical": "target"}
    (paid,) = analysed(
        "In 2016 Velmar Stores paid out $3bn for Orwin.com, a putative rival.", title="Notes"
    ).deals
    assert paid.kind == "acquisition"


def test_working_in_partnership_or_jointly_with_a_company_is_a_partnership() -> None:
    for text in (
        "The game is built on Velmar Labs' platform in partnership with French game "
        "publisher Orwin Games.",
        "Velmar Labs agreed last week to jointly develop personal computers with Orwin Corp.",
        "Velmar Labs NV of Germany and Orwin Pharmaceuticals Inc., Boston, are codeveloping "
        "a liquid biopsy test.",
        "Velmar Oil signed a $3.2 billion agreement in 2011 with Russian company Orwin Oil Co "
        "to develop the Arctic.",
    ):
        (deal,) = analysed(text, title="Notes").deals
        assert deal.kind == "partnership", text
    (formed,) = analysed(
        "Kestrel was formed in 1988 as a partnership between Velmar AB of Sweden and Orwin "
        "Ltd. of Switzerland.",
        title="Notes",
    ).deals
    assert {"velmar", "orwin"} <= {slug for slug, _ in formed.parties}


def test_a_holding_sold_by_its_size_is_an_investment_but_a_move_of_shares_is_none() -> None:
    for text in (
        "Velmar Group has agreed to sell its entire 25.12% equity holding in Orwin Steering "
        "Systems to Kestrel Corp. for about Rs419 crore.",
        "Velmar Bank has sold another 24 percent in Orwin Agricolas to a savings bank, "
        "Kestrel Savings.",
    ):
        (deal,) = analysed(text, title="Notes").deals
        assert deal.kind == "investment", text
    (bought,) = analysed(
        "Kestrel Estate Co.'s acquisition of a 51% holding in Orwin Group, the owner of "
        "offices in Manhattan, closed.",
        title="Notes",
    ).deals
    assert bought.kind == "acquisition"
    (deal,) = analysed(
        "Orwin Shipping shed 4.8% in premarket trading after Velmar Tankers said its second "
        "shareholder, Kestrel Maritime, would acquire it.",
        title="Notes",
    ).deals
    assert deal.kind == "acquisition"


def test_each_company_a_buyer_lists_is_a_deal_of_its_own() -> None:
    for text, targets in (
        (
            "Velmar Healthcare Group said it agreed to buy Orwin Care Associates Inc and "
            "Kestrel Medical Inc for $328 million in stock and cash.",
            {"orwin-care-associates", "kestrel-medical"},
        ),
        (
            "In the past year, Velmar bought Orwin Data for $2.35 billion as well as Kestrel "
            "Software for $1.5 billion.",
            {"orwin-data", "kestrel-software"},
        ),
        (
            "Velmar agreed to buy activity tracker Orwin Labs Inc. for $2.1 billion in November "
            "and data-analytics company Kestrel Software Inc. for $2.6 billion in June.",
            {"orwin-labs", "kestrel-software"},
        ),
    ):
        found = analysed(text, title="Notes").deals
        assert {slug for d in found for slug, role in d.parties if role == "target"} == targets
        # one buyer, the same in both
        assert len({slug for d in found for slug, role in d.parties if role == "acquirer"}) == 1
        assert len(found) == 2, text


def test_companies_an_unnamed_buyer_bought_made_no_deal_between_them() -> None:
    assert not analysed(
        "The miner is developing the Cue project after buying Orwin Consolidated Ltd in 2022 "
        "and Kestrel Minerals Ltd the following year.",
        title="Notes",
    ).deals


def test_and_before_a_clause_with_its_own_deal_verb_is_a_second_deal() -> None:
    found = analysed(
        "Previously, Orwin Systems Inc. was acquired by Kestrel Corp., and Kestrel Corp. was "
        "acquired by Velmar Inc. several years ago.",
        title="Notes",
    ).deals
    assert {tuple(sorted(dict(d.parties).items())) for d in found} == {
        (("kestrel", "acquirer"), ("orwin-systems", "target")),
        (("kestrel", "target"), ("velmar", "acquirer")),
    }


def test_a_partys_holding_in_a_which_clause_does_not_undo_the_deal() -> None:
    (deal,) = analysed(
        "Velmar Trust PLC said it had tentatively agreed to acquire Orwin Fields PLC, which "
        "owns a 49.3 percent stake in Kestrel Mining, the biggest U.S. gold producer.",
        title="Notes",
    ).deals
    assert dict(deal.parties) == {"velmar-trust": "acquirer", "orwin-fields": "target"}
    # the holding stated as the sentence's own news is still no deal
    assert not analysed("Velmar Trust PLC already owns a 9.9% stake in Orwin Fields PLC.").deals
    assert not analysed(
        "Velmar Kraft has a 20 percent stake in Orwin Energi and Kestrel Power 12.4 percent."
    ).deals
    (deal,) = analysed(
        "Velmar Trust PLC, which has a 20 percent stake in Kestrel Mining, agreed to buy "
        "Orwin Fields PLC.",
        title="Notes",
    ).deals
    assert dict(deal.parties) == {"velmar-trust": "acquirer", "orwin-fields": "target"}


def test_a_partnership_with_a_company_or_becoming_its_investor_is_a_deal() -> None:
    (deal,) = analysed(
        "Velmar Motors Inc. last month announced a partnership with robotaxi maker Orwin "
        "Labs Inc. to offer rides.",
        title="Notes",
    ).deals
    assert deal.kind == "partnership"
    assert {slug for slug, _ in deal.parties} == {"velmar-motors", "orwin-labs"}
    (stake,) = analysed(
        "Velmar Mining Ltd has opted to become a cornerstone investor in Orwin Resources Ltd "
        "ahead of its listing.",
        title="Notes",
    ).deals
    assert stake.kind == "investment"


def test_a_links_words_are_read_in_their_place_and_the_quote_keeps_the_link() -> None:
    text = (
        "In May 2016, Kestrel Group was born after Orwin Holdings [sold its broking "
        "business](https://news.example/orwin-renamed-kestrel) to Velmar Prebon Ltd."
    )
    (deal,) = analysed(text, title="Notes").deals
    assert dict(deal.parties) == {"velmar-prebon": "acquirer", "orwin": "target"}
    assert deal.quote == text


def test_another_companys_unit_or_a_sellers_titles_sold_to_a_buyer_is_a_sale() -> None:
    (deal,) = analysed(
        "In June, Velmar Media sold its UK regional newspapers to Orwin Press for 211 million stg.",
        title="Notes",
    ).deals
    assert dict(deal.parties) == {"orwin-press": "acquirer", "velmar-media": "target"}
    (unit,) = analysed(
        "In September, Velmar Corp sold Kestrel's Tessard Systems defense consulting "
        "subsidiary to the Orwin Group, a Washington investment group, for $130 million.",
        title="Notes",
    ).deals
    assert dict(unit.parties).get("orwin") == "acquirer"
    # a unit named by its brand's possessive: the brand is what is sold
    (brand,) = analysed(
        "Velmar Corp. will sell its Kestrel's frozen seafoods division to Chicago-based "
        "Orwin Corp. for about $140 million in cash.",
        title="Notes",
    ).deals
    assert dict(brand.parties) == {"orwin": "acquirer", "kestrel": "target"}


def test_a_company_picked_as_a_partner_is_a_partner() -> None:
    (deal,) = analysed(
        "Velmar Inc. has selected Orwin Corp. as its cloud partner for Europe.", title="Notes"
    ).deals
    assert deal.kind == "partnership"
    assert {slug for slug, _ in deal.parties} == {"velmar", "orwin"}


def test_an_offer_worth_an_amount_for_a_company_is_a_bid_that_may_break_another_deal() -> None:
    found = analysed(
        "Offshore firm Velmar Subsea has made an unsolicited offer worth about $2 billion for "
        "U.S. rival Orwin Marine, potentially breaking up the U.S. company's agreed deal with "
        "engineering firm Kestrel Iron.",
        title="Notes",
    ).deals
    (bid,) = [d for d in found if "velmar-subsea" in dict(d.parties)]
    assert (bid.kind, bid.status) == ("acquisition", "announced")
    assert dict(bid.parties) == {"velmar-subsea": "acquirer", "orwin-marine": "target"}


def test_a_report_or_sources_in_another_language_make_a_rumour() -> None:
    from dossier.ingest.status import status_of

    for text in (
        "Un nuevo informe afirma que Velmar está en las etapas finales de la compra de Orwin.",
        "Selon des sources proches du dossier, Velmar va racheter Orwin.",
        "Velmar will Orwin übernehmen, Insidern zufolge.",
    ):
        assert status_of(text) == ("rumored", True), text


def test_a_company_that_wants_to_buy_has_only_announced_it() -> None:
    from dossier.ingest.status import status_of

    assert status_of("The flea market is back, and Velmar wants to buy it") == ("announced", True)
    assert status_of("Velmar to buy Orwin") == ("agreed", True)


def test_a_gerund_or_preposition_that_opens_a_sentence_is_no_part_of_the_name() -> None:
    found = names(
        "Using Orwin's stock to pay for the shares, Velmar Corp. agreed to buy Kestrel Labs "
        "Inc. Through Tessard Capital Ltd, it also bought Lenvar Inc. Regarding Dalvik "
        "Electric Ltd, Velmar said nothing."
    )
    assert {"Orwin", "Tessard Capital", "Dalvik Electric"} <= found
    assert not {n for n in found if n.startswith(("Using", "Through", "Regarding"))}


def test_selling_itself_to_an_aim_names_no_buyer() -> None:
    assert not analysed(
        "Orland Corp. had been under pressure from activist investor Kestrel Management LP "
        "for a year to sell itself to address weak returns."
    ).deals
    (deal,) = analysed("Orland Corp. agreed to sell itself to Kestrel Capital LLC.").deals
    assert dict(deal.parties) == {"kestrel-capital": "acquirer", "orland": "target"}


def test_a_merger_that_died_or_was_killed_is_terminated() -> None:
    from dossier.ingest.status import status_of

    assert status_of("How the Velmar-Orwin merger died") == ("terminated", True)
    assert status_of("In 2001 it killed the merger of Velmar and Orwin.") == ("terminated", True)
    assert status_of("The founder died in 2001 and Velmar bought Orwin.") == ("completed", True)


def test_in_a_bid_to_is_an_aim_and_a_block_at_first_is_no_end() -> None:
    from dossier.ingest.status import status_of

    assert status_of(
        "Velmar Corp will buy Orwin for C$985 million, the retailer said on Thursday, "
        "making a push into sportswear in a bid to diversify itself further."
    ) == ("agreed", True)
    assert status_of("Velmar launched a $2 billion bid for Orwin.") == ("announced", True)
    # a block that was only the first word: "the regulator initially blocked … from acquiring"
    assert status_of("The regulator initially blocked Velmar from acquiring Orwin.")[0] != (
        "terminated"
    )
    assert status_of("The regulator blocked Velmar from acquiring Orwin.") == ("terminated", True)


def test_a_filing_s_company_is_the_filer_it_defined() -> None:
    # an 8-K names its filer once, then writes "the Company"; a defined short name in
    # quotes is the company's, not a second one
    analysis = analysed(
        'On September 30, 1996, Orland Group, Inc. (the "Company") completed the purchase '
        "of one business with offices in two cities. On October 7, 1996, the Company "
        'completed the acquisition of Lenvar Data Professionals, Inc. ("LDPI"). LDPI is a '
        "software services firm. LDPI's business will be combined with the Company's."
    )
    assert {c.name for c in analysis.new_companies} == {"Orland", "Lenvar Data Professionals"}
    assert {tuple(sorted(d.parties)) for d in analysis.deals} == {
        (("lenvar-data-professionals", "target"), ("orland", "acquirer"))
    }
    # without the definition "the Company" is nobody's name
    undefined = analysed(
        "On September 30, 1996, Orland Group, Inc. completed the purchase of one business. "
        "On October 7, 1996, the Company completed the acquisition of Lenvar Data "
        "Professionals, Inc."
    )
    assert not undefined.deals


def test_a_headline_s_rival_and_a_leading_rivals_are_no_party() -> None:
    (deal,) = analysed(
        "Velmar Communications said on Thursday it would expand. Orwin Network was founded "
        "in 2009. Kestrel Video Communications shares rose.",
        title="Velmar Buys Kestrel Rival Orwin",
    ).deals
    assert dict(deal.parties) == {"velmar-communications": "acquirer", "orwin-network": "target"}
    assert names(
        "Rivals Woodlake Inc. and Hexley Corp. on April 6 called off a $6.4 billion merger."
    ) == {"Woodlake", "Hexley"}


def test_a_headline_in_capitals_is_cut_at_its_verbs_and_a_wire_slug_is_no_name() -> None:
    caps = analysed(
        "Zalen Corp., the nation's largest jewelry retailer, said it agreed to buy Gorlin "
        "Jewelry Corp. for $311 million.",
        title="ZALEN, IN SEARCH OF NEW MARKETS, WILL BUY GORLIN JEWELRY CORP.",
    )
    assert {c.name for c in caps.new_companies} == {"Zalen", "Gorlin Jewelry"}
    # its legal form in capitals is one too: the company the story names "Teltrex"
    release = analysed(
        "WESTELL TECHNOLOGIES ANNOUNCES AGREEMENT TO ACQUIRE TELTREX INC.\n\nWestell "
        "Technologies said today it agreed to acquire Teltrex Corporation for $205 million. "
        "Teltrex makes telecom equipment."
    )
    assert {c.name for c in release.new_companies} == {"Westell Technologies", "Teltrex"}
    slugged = analysed(
        "Oil and gas producer Southmoor Energy Co agreed to sell its shale assets to "
        "Flyford Energy LLC for $1.87 billion, Southmoor said on Tuesday.",
        title="UPDATE 2-Southmoor Energy to sell shale unit",
    )
    assert {c.name for c in slugged.new_companies} == {"Southmoor Energy", "Flyford Energy"}


def test_an_order_of_aircraft_buys_no_maker() -> None:
    assert not analysed(
        "Orland Air, the national carrier, and Velmar Aerospace yesterday signed a purchase "
        "agreement for the two Velmar aircraft A330-200 and A330-300.",
        title="Orland Air orders two planes",
    ).deals
    (deal,) = analysed(
        "Orland Air signed a purchase agreement for Kestrel Holdings, a regional carrier.",
        title="Orland Air to buy a carrier",
    ).deals
    assert dict(deal.parties) == {"orland-air": "acquirer", "kestrel": "target"}


def test_a_name_with_a_possessive_in_it_is_one_company() -> None:
    # "Hudson's Bay" is neither "Hudson" nor its "Bay", when the words stand only in it
    analysis = analysed(
        "Orwin’s Bay Co said on Wednesday it would sell Lord & Kelso to Le Tote Inc for "
        "US$100 million. Orwin's Bay will take a stake in Le Tote. Orwin’s Bay shares are up."
    )
    assert {c.name for c in analysis.new_companies} == {"Orwin’s Bay", "Lord & Kelso", "Le Tote"}
    assert {tuple(sorted(d.parties)) for d in analysis.deals} == {
        (("le-tote", "acquirer"), ("lord-kelso", "target")),
        (("le-tote", "investee"), ("orwins-bay", "investor")),
    }


def test_a_stake_sold_to_nobody_named_and_firms_bought_unnamed_are_no_deal() -> None:
    assert not analysed("Kestrel Capital sells down $1.9bn stake in Orland Metals Group.").deals
    assert not analysed(
        "Last month, private equity firm Kestrel Capital reportedly sold a 10% stake in "
        "Orland Healthcare Ltd."
    ).deals
    # a buyer named after "to" makes it one
    (deal,) = analysed(
        "Kestrel Capital Ltd sold a 10% stake in Orland Healthcare Ltd to Velmar Partners LLC "
        "for $20 million."
    ).deals
    assert {slug for slug, _ in deal.parties} >= {"orland-healthcare", "velmar-partners"}
    # companies bought and not named: the one named after them is no target
    assert not analysed(
        "Orland Ltd has shied away from buyouts, despite spending $390 million to buy three "
        "firms in the first year of Kestrel Velmar's tenure at Orland."
    ).deals


def test_a_sentence_of_its_own_gives_the_day_the_deal_was_announced() -> None:
    text = (
        "Orland Finance has agreed to acquire the fund business of Kestrel Group Ltd. "
        "The acquisition is part of a strategy to grow, Orland Finance said in a statement "
        "on Thursday."
    )
    raw = RawArticle(
        "seeds/case.txt", text, {"title": "Orland to buy fund", "published": "2016-11-11"}, text
    )
    (deal,) = analyse(raw, Finder(()), judge=lambda found, _story: found).deals
    assert (deal.announced.year, deal.announced.month, deal.announced.day) == (2016, 11, 10)


def test_a_list_of_deal_statements_is_one_deal_each() -> None:
    found = deals(
        "These include Velmar Motors' $4.4bn acquisition of Turin-based truck maker Orsk "
        "Trucks Ltd, IT company Kestrel Systems' $2.35bn purchase of AI firm Bladewerk Inc. "
        "and the Harbor Group buying a 23% stake in insurer Morrow Holdings Ltd last year."
    )
    assert {tuple(slug for slug, _ in parties) for parties in found} == {
        ("orsk-trucks", "velmar-motors"),
        ("bladewerk", "kestrel-systems"),
        ("harbor", "morrow"),
    }
    # names listed as fellow buyers are no statement of their own
    (deal,) = [
        d
        for d in analysed(
            "Orland Capital Ltd, in partnership with Kestrel Partners LLC and Velmar Fund "
            "LLC, has acquired Bladewerk Inc., a maker of drills."
        ).deals
        if d.kind == "acquisition"
    ]
    assert {slug for slug, _ in deal.parties} == {
        "orland-capital", "kestrel-partners", "velmar-fund", "bladewerk"
    }  # fmt: skip


def test_a_countrys_initials_before_a_legal_form_open_the_name() -> None:
    assert "USA Orland Services" in names("USA Orland Services Inc. agreed to buy Kestrel Inc.")


def test_becoming_the_largest_shareholder_is_an_investment() -> None:
    (deal,) = analysed(
        "Trading house Velmar Corp. will become the biggest shareholder in Orsk Energia SA, "
        "a Spanish power retailer."
    ).deals
    assert deal.kind == "investment"
    assert dict(deal.parties) == {"velmar": "investor", "orsk-energia": "investee"}


def test_a_month_before_a_name_makes_no_person_of_it() -> None:
    # "January" is a given name too; after "In" it is the month of the deal
    assert "Velmar" in ruled(
        "In January Velmar, an American investment firm, formed a joint venture with Orsk Ltd."
    )


def test_a_country_before_two_words_of_a_name_opens_it() -> None:
    # ("China" is a given name too, and "another" opens an apposition as "a" does)
    assert "China Orsk Port" in ruled(
        "China Orsk Port, another large Chinese firm, is in the process of acquiring Velmar "
        "Infrastructure, a Brazilian port operator."
    )


def test_a_controlling_share_sold_to_a_buyer_is_the_buyers_purchase() -> None:
    # the cue is the share ("56.32% stake"), the sale's word stands right before it
    (deal,) = analysed(
        "Last year, private equity fund Kestrel Capital Partners sold its entire 56.32% stake "
        "in Orland Oilfield Services Ltd to energy company Velmar Energy Ltd for $40 million."
    ).deals
    assert dict(deal.parties) == {
        "velmar-energy": "acquirer",
        "orland-oilfield-services": "target",
    }


def test_assets_sold_with_where_they_are_or_a_share_of_a_plant_are_the_buyers_purchase() -> None:
    for sale in (
        "Gas producer Orsk Energy Co agreed to sell its shale gas assets in Arkansas to "
        "privately owned Velmar Energy LLC in an all-cash deal.",
        "Orsk Energy Ltd sold 75% of its 2GW solar facility in Florida to Velmar Energy Inc., "
        "an American investor.",
    ):
        (deal,) = analysed(sale).deals
        assert deal.kind == "acquisition", sale
        assert dict(deal.parties) == {"velmar-energy": "acquirer", "orsk-energy": "target"}


def test_deals_a_sentence_includes_are_its_own_not_examples_of_others() -> None:
    # "including the acquisition of …" lists the subject's deals; "including Orsk" after a
    # company would be an example of another
    assert deals(
        "Velmar Holdings Ltd has made changes in recent months, including a $15 million "
        "acquisition of Orsk Ltd."
    ) == {(("orsk", "target"), ("velmar", "acquirer"))}


def test_it_with_no_sentence_opened_by_a_company_is_the_company_named_most() -> None:
    (deal,) = analysed(
        "Can a merger save Velmar Cosmetics Inc.? Sales at Velmar Cosmetics Inc. fell again. "
        "In 2016 it acquired Orsk Beauty Ltd, a brand popular with influencers."
    ).deals
    assert dict(deal.parties) == {"velmar-cosmetics": "acquirer", "orsk-beauty": "target"}


def test_a_company_a_person_owns_still_acts() -> None:
    # "Robert Halvorsen's Velmar": the company of a person, not a product of a company
    (deal,) = analysed(
        "Publisher Robert Halvorsen's Velmar Media PLC pressed its $725 million hostile bid "
        "for Orsk Books PLC on Thursday."
    ).deals
    assert dict(deal.parties) == {"velmar-media": "acquirer", "orsk-books": "target"}


def test_a_deal_awaiting_approval_or_blocked_by_a_regulator_is_agreed() -> None:
    from dossier.ingest.status import status_of

    for pending in (
        "Velmar and Orsk, meanwhile, are seeking regulatory approval to merge.",
        "The regulator is blocking Velmar's acquisition of Orsk.",
        "Orsk shareholders OK Velmar's $4 bln takeover",
        "Velmar agreed to buy Orsk in June, a deal that still requires antitrust clearance.",
    ):
        assert status_of(pending) == ("agreed", True), pending


def test_combining_businesses_nabbing_a_division_and_a_joint_project_are_deals() -> None:
    kinds = {
        "Orsk Media SA agreed to combine its television content business with Velmar "
        "Communications Inc., creating a new company.": "merger",
        "Orsk Beauty Inc. recently nabbed the beauty division of Velmar Group Ltd for "
        "€4bn.": "acquisition",
        "Last month Orsk Motor Co. gave up on a joint EV project with Velmar Corp., a "
        "Japanese technology giant.": "joint-venture",
        "In December Orsk Energies Ltd, a locally owned firm, became Velmar Petroleum "
        "Inc.’s largest shareholder in a deal worth nearly $500m.": "investment",
    }
    for text, kind in kinds.items():
        (deal,) = analysed(text).deals
        assert deal.kind == kind, text
    (given_up,) = analysed(next(t for t, k in kinds.items() if k == "joint-venture")).deals
    assert given_up.status == "terminated"


def test_a_trade_word_opening_the_sentence_before_a_name_is_evidence() -> None:
    # (but not a role a person has too)
    found = ruled(
        "Carmaker Orsk Chrysler, which lags its rivals in electric cars, plans new models. "
        "Investor Lenvar Guglani, chief investment officer at Velmar Funds, said so."
    )
    assert "Orsk Chrysler" in found
    assert "Lenvar Guglani" not in found


def test_two_names_described_together_as_two_companies_are_each_one() -> None:
    assert {"Orsk", "Velmar"} <= ruled(
        "Lenvar Motors is working with Orsk and Velmar, two Chinese tech giants that "
        "develop software for cars."
    )


def test_one_of_a_countrys_firms_is_no_name() -> None:
    assert not weighed(
        "One of Orskland's largest service station chains has launched a takeover of a "
        "British-owned operator."
    )


def test_a_companys_revenue_is_not_the_price_of_its_deal() -> None:
    (deal,) = analysed(
        "Orsk Instruments Corp. and Velmar Instruments Inc. said Tuesday they will merge in "
        "a stock deal that would create a powerhouse with combined revenue exceeding "
        "$1 billion."
    ).deals
    assert deal.value is None


def test_the_trade_noun_subject_is_the_company_before_and_close_to_signing_is_a_rumour() -> None:
    (deal,) = analysed(
        "Orsk Motors Co. underscored its plans to build a battery plant in Ohio. The automaker "
        "is partnering with Velmar Chem Ltd as part of a new joint venture."
    ).deals
    assert dict(deal.parties) == {"orsk-motors": "partner", "velmar-chem": "partner"}
    (rumour,) = analysed(
        "Investors Orsk Capital Ltd and Velmar Partners LLC are close to signing an agreement "
        "to buy out Kestrel Holdings Ltd."
    ).deals
    assert rumour.status == "rumored"


def test_a_sentence_adverb_is_no_company() -> None:
    phrases = weighed(
        "Orskmart Inc. will move its computing to Velmar Corp.",
        "Further, the company said it would hire.",
    )
    assert "Orskmart Inc." in phrases
    assert "Further" not in phrases


def test_each_partner_of_a_described_list_is_a_deal_but_not_a_name_in_a_description() -> None:
    assert deals(
        "Orsk Motor Corp., which will make electric cars near Shanghai, is working with "
        "Velmar Ltd and Kestrel Inc., two Chinese tech giants that develop software for cars, "
        "as well as Lenvar Ltd, a rival to Dhilmar Robotics Ltd, and Corten Ltd, a "
        "gadget-maker."
    ) == {
        tuple(sorted((("orsk-motor", "partner"), (partner, "partner"))))
        for partner in ("velmar", "kestrel", "lenvar", "corten")
    }


def test_allying_with_a_company_is_a_partnership() -> None:
    assert deals(
        "Orsk AG, which is launching 20 new models this year, has allied with Velmar Ltd, "
        "a local carmaker, and Kestrel Robotics Inc., an autonomous-driving startup."
    ) == {
        (("orsk", "partner"), ("velmar", "partner")),
        (("kestrel-robotics", "partner"), ("orsk", "partner")),
    }


def test_a_rival_named_in_a_partners_description_is_no_party() -> None:
    assert deals(
        "Orsk plans to roll out an app this year. Orsk Ltd also has a partnership with Lyft "
        "Inc, a rival of Velmar Inc."
    ) == {(("lyft", "partner"), ("orsk", "partner"))}


def test_a_headlines_verb_takes_its_particle_and_a_plurals_possessive_stays_in_a_name() -> None:
    found = weighed(
        "Investor Group Buys Out Orsk Corp.",
        "Ontario Teachers’ Pension Plan Board said on Monday it would buy Velmar Ltd.",
    )
    assert {"Orsk Corp.", "Ontario Teachers’ Pension Plan Board"} <= found
    assert not found & {"Out Orsk Corp.", "Pension Plan Board"}


def test_a_share_of_a_companys_revenue_is_no_stake() -> None:
    assert not analysed(
        "Velmar represented 20 per cent of Orsk Holdings Ltd 2024 revenue of 5.2 billion "
        "euros, and Velmar Srl is a fashion house."
    ).deals


def test_a_registrants_name_keeps_a_first_word_that_opens_no_other_name() -> None:
    assert weighed("Shares of Under Armour fell 5% after a probe.") == {"Under Armour"}


def test_whose_bid_it_is_buys_and_two_rival_bids_make_no_deal_between_the_bidders() -> None:
    (accepted,) = analysed("Kestrel Inc accepted Orsk Ltd’s $108bn takeover bid.").deals
    assert dict(accepted.parties) == {"orsk": "acquirer", "kestrel": "target"}
    assert accepted.status == "agreed"
    rivals = analysed(
        "The board of Kestrel Inc formally rejected Orsk Ltd’s $108bn hostile takeover bid "
        "and recommended that shareholders accept Velmar Corp’s $83bn offer."
    ).deals
    assert [dict(d.parties) for d in rivals] == [{"orsk": "acquirer", "kestrel": "target"}]


def test_an_auctions_final_round_or_a_shortlist_is_a_rumour() -> None:
    from dossier.ingest.status import status_of

    for bidding in (
        "Orsk Group LP and Velmar Group are through to the final round of bidding for Kestrel.",
        "Lenvar India has shortlisted two power plants to buy.",
    ):
        assert status_of(bidding) == ("rumored", True), bidding


def test_a_weekday_or_the_shares_after_a_name_are_no_part_of_it() -> None:
    found = weighed(
        "Orsk & Velmar Friday warned that its profit would fall.",
        "Lenvar Says Purchase of Kestrel Stock Is Investment",
    )
    assert {"Orsk & Velmar", "Kestrel"} <= found
    assert not found & {"Orsk & Velmar Friday", "Kestrel Stock"}


def test_the_first_two_words_of_a_longer_name_used_alone_are_its_short_name() -> None:
    # ("Canadian" alone is a nationality: the short name is the first two words)
    analysis = analysed(
        "Canadian Orsk Resources Ltd. reported results. Canadian Orsk also bought Velmar "
        "Energy Corp.’s heavy oil assets this year for US$2.79 billion."
    )
    (orsk,) = (c for c in analysis.new_companies if c.slug == "canadian-orsk-resources")
    assert "Canadian Orsk" in orsk.aliases
    assert {tuple(sorted(d.parties)) for d in analysis.deals} == {
        (("canadian-orsk-resources", "acquirer"), ("velmar-energy", "target"))
    }
