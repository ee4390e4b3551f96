"""What a capitalised phrase is as a name: where a name begins and ends in a sentence
(a title-case headline cut into its names, a dateline's city, an owner's possessive,
a place after "of"), its usual form (legal forms dropped) and aliases, and the words
that are never a company's: numbers, model and instrument codes, given names and the
surnames of people an article names in full.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..slugs import fold as _fold_uncached
from .lexicon import (
    ACRONYMS,
    DESCRIPTIVE,
    KINDS_OF_COMPANY,
    LEADING_LEGAL,
    LEGAL,
    NOT_COMPANIES,
    countries,
)
from .register import registrants

# The same names are folded again and again (every phrase, every mention): remember them.
fold = lru_cache(maxsize=8192)(_fold_uncached)


_UPPER = "A-ZÀ-ÖØ-Þ"


# (a brand that opens in lower case: "eBay", "iHerb", "eUniverse"; not a unit, "kWh")
TOKEN = (
    # (a plural's possessive inside a name: "Ontario Teachers' Pension Plan")
    rf"[{_UPPER}][a-z]+(?:ers|ees|ors|ists)['’](?=[ \t]+[{_UPPER}])"
    rf"|[{_UPPER}0-9][\w&'’./-]*[\w.]|[{_UPPER}]"
    rf"|[a-z]{{1,2}}[{_UPPER}][a-z]{{2,}}(?:[\w&'’./-]*[\w.])?"
)


_JOIN = r"(?:[ \t]+(?:of|de|de la|del|der|du|des|da|dos|van|von|&|\+)[ \t]+|[ \t])"


# lower-case legal forms close a name too: "Helio Grid plc", "Ostrava Steel a.s."
_LOWER_LEGAL = r"(?:[ \t]+(?:plc|a\.s\.|s\.a\.|s\.p\.a\.|n\.v\.|b\.v\.|s\.r\.o\.))?"


# (after a word's letter a capital is inside a word; after markdown's "_" it opens one)
PHRASE = re.compile(rf"(?<![^\W_])(?<!['’])(?:{TOKEN})(?:{_JOIN}(?:{TOKEN}))*{_LOWER_LEGAL}")


POSSESSIVE = re.compile(r"['’]+s?$")  # ("SimpliFi''s": a database's escaped quote)


def initials_of(name: str) -> str:
    """ "General Motors" → GM, "Hewlett-Packard" → HP."""
    return "".join(t[0] for t in re.split(r"[\s-]+", name) if t[:1].isupper())


# Words a headline in title case capitalises between two names ("Bennelong Partners With
# Monroe Capital", "Microsoft Buys LinkedIn"): a name ends before them.
_HEADLINE_JOINS = frozenset(
    "With To For And In On At By From Into As Over After Than Vs Versus".split()  # noqa: SIM905
)


# The word a headline's verb takes with it: "Buys Out", "Snaps Up", "Takes Over"
_PARTICLES = frozenset({"Out", "Up", "Over", "Off"})


_HEADLINE_VERBS = frozenset(
    """
    Buys Buy Acquires Acquire Invests Invest Sells Sell Merges Merge Agrees Signs Partners
    Completes Announces Launches Raises Takes Wins Files Sues Says Is Are Will Plans Eyes
    Ousts Fires Quits Exits Leaves Names Taps Sells Shuts Cuts
    Nears Bets Backs Joins Teams Unveils Closes Ends Drops Cuts Hires Names Snaps Scoops
    Enters Enter Eyes Seeks Wants Targets Weighs Mulls Considers Explores
    Bought Acquired Sold Invested Merged Agreed Signed Completed Announced Launched Raised
    """.split()  # noqa: SIM905 - a word list reads best as words
)


_TITLES_IN_NAME = frozenset(
    """
    CEO CFO CTO COO Chairman Chairwoman Chair President Chief Founder Co-founder Director
    Executive Analyst Spokesman Spokeswoman Spokesperson Secretary Minister Commissioner
    Governor Senator
    """.split()  # noqa: SIM905 - a word list reads best as words
)


_GLUED_STOP = re.compile(r"[a-z0-9]{2}\.(?=[A-Z][a-z])")
_PARTNERSHIP_FORMS = frozenset({"LP", "L.P.", "LLP", "L.L.P."})


@lru_cache(maxsize=1024)  # the company rules and the model read each sentence in turn
def pieces(sentence: str) -> tuple[tuple[int, str], ...]:
    """The capitalised phrases of a sentence (offset, text), a title-case headline cut
    into its names."""
    return tuple(
        piece
        for start, end in _firm_names(sentence)
        for at in (_after_year(sentence, start, end),)
        for piece in _cut(at, sentence[at:end])
    )


# "In 1995 Pfizer bought", "by 2020 Orland had": a year after its preposition is no
# part of the name after it ("© 2023 Vox Media" is a credit, and stays one phrase)
_YEAR_FIRST = re.compile(
    r"(?:(?:In|By|Since|Until|From|After|Before|During)[ \t]+)?(?:19|20)\d\d[ \t]+(?=\S)"
)
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|by|since|until|from|after|before|during)"
    # "On March 3, 2021 Orland Systems said": the year of a date
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
    r"(?:st|nd|rd|th)?,)"
    r"\s+$",
    re.I,
)


_BEFORE_A_DAY = "on|by|since|until|from|last|this|next|early|late"
_DAY_FIRST = re.compile(
    rf"((?:{_BEFORE_A_DAY.title()})[ \t]+)?(?:{'|'.join(calendar.day_name)})[ \t]+(?=\S)"
)
_DAY_BEFORE = re.compile(rf"\b(?:{_BEFORE_A_DAY})\s+$")
# "In December Heirs Energies, a local firm", "and in June Lenvar Corp. acquired": the
# month of a date after its preposition, whatever legal form follows ("May Department
# Stores Co." alone stays a name)
_BEFORE_A_MONTH = "in|by|since|until|from|last|early|late|mid|through|during"
_MONTH_FIRST = re.compile(
    rf"((?:{_BEFORE_A_MONTH.title()})[ \t]+)?(?:{'|'.join(calendar.month_name[1:])})[ \t]+(?=\S)"
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_BEFORE_A_MONTH})[ \t]+$", re.I)


def _after_year(sentence: str, start: int, end: int) -> int:
    year = _YEAR_FIRST.match(sentence, start, end)
    if year is None:
        # "On Monday Dhilmar Ltd acquired": the day of a date, whatever legal form follows
        day = _DAY_FIRST.match(sentence, start, end)
        if day is not None and (
            day.group(1) or _DAY_BEFORE.search(sentence, max(0, start - 8), start)
        ):
            return day.end()
        month = _MONTH_FIRST.match(sentence, start, end)
        if month is not None and (
            month.group(1) or _MONTH_BEFORE.search(sentence, max(0, start - 9), start)
        ):
            return month.end()
        return start
    opened = year.group(0)[:1].isalpha()
    if not opened and _YEAR_BEFORE.search(sentence, max(0, start - 16), start) is None:
        return start
    return year.end()


def _firm_names(sentence: str) -> Iterator[tuple[int, int]]:
    """The spans of PHRASE, with the names that run across "and" and commas joined:
    "CNPC Exploration and Development Co Ltd", "Sears, Roebuck and Co.", the partners of
    a firm before its legal form ("Gibson, Dunn & Crutcher LLP", "Goldman, Sachs & Co.")."""
    if "," not in sentence and " and " not in sentence:
        yield from ((m.start(), m.end()) for m in PHRASE.finditer(sentence))
        return
    units: list[tuple[int, int]] = []
    for m in PHRASE.finditer(sentence):
        words = [w.rstrip(".") for w in m.group(0).split()]
        # "… Exploration and Development Co Ltd": only trade words and a legal form after
        # "and" (never "Acme and Globex Inc.", two companies)
        if (
            units
            and _AND_GAP.fullmatch(sentence, units[-1][1], m.start())
            and (
                # "Eli Lilly and Company (NYSE: LLY)", "Johnson and Company"
                (
                    (words[-1] in LEGAL or words == ["Company"])
                    and all(w in DESCRIPTIVE or w in LEGAL or w == "Company" for w in words)
                )
                # "Pohang Iron and Steel", "RN Refining and Marketing": two trades joined
                or (
                    len(words) == 1
                    and _trade(words[0])
                    and len(previous := sentence[units[-1][0] : units[-1][1]].split()) > 1
                    and _trade(previous[-1])
                )
                # "state-run Oil and Natural Gas Corp.": a trade alone, joined to a name
                # with its form (not inside a longer name: "Japan Oil, Gas and Metals
                # National Corporation", "iBUS Network and Infrastructure Ltd")
                or (
                    sentence[units[-1][0] : units[-1][1]] in _TRADES_JOINED
                    and 1 < len(words) <= 3
                    and words[-1] in LEGAL
                    and _LOWER_BEFORE.search(sentence, 0, units[-1][0]) is not None
                )
            )
        ):
            units[-1] = (units[-1][0], m.end())
        else:
            units.append((m.start(), m.end()))
    i = 0
    while i < len(units):
        # "Paul, Weiss, Rifkind, Wharton & Garrison LLP": one-word partners, each before a
        # comma, ahead of a partnership's name ("&", "and Co.") that ends in a legal form
        k = i
        while k + 1 < len(units) and sentence[units[k][1] : units[k + 1][0]] == ", ":
            k += 1
        if k > i and sentence[units[i][0] : units[i][1]] in NOT_COMPANIES:
            # "Separately, Arthur Andersen & Co.": a sentence's adverb is no partner
            yield units[i]
            i += 1
            continue
        if k > i:
            last_unit = k
            if k - 1 > i and all(
                w.rstrip(".") in LEGAL for w in sentence[units[k][0] : units[k][1]].split()
            ):
                # "Glass, Lewis & Co., LLC": a second legal form after its own comma
                last_unit = k - 1
            partners = [sentence[a:b] for a, b in units[i:last_unit]]
            last = sentence[units[last_unit][0] : units[last_unit][1]].split()
            # (the phrase may run on past the legal form into the next sentence's first
            # word: "Goldman, Sachs & Co. In total")
            legal = [n for n, w in enumerate(last) if w.rstrip(".") in LEGAL or w == "Company"]
            if _EXAMPLES_BEFORE.search(sentence, max(0, units[i][0] - 12), units[i][0]):
                # "such as Mitsubishi, Mitsui, C. Itoh & Co.": examples, each a company
                yield from units[i : k + 1]
                i = k + 1
                continue
            if (
                all(" " not in p and p.rstrip(".") not in LEGAL for p in partners)
                and legal
                and legal[-1] >= len(last) - 2
                and ("&" in last[: legal[-1]] or "and" in last[: legal[-1]])
            ):
                yield units[i][0], units[last_unit][1]  # (its second legal form left out)
                i = k + 1
                continue
        yield units[i]
        i += 1


_AND_GAP = re.compile(r"[ \t]+and[ \t]+")
_LOWER_BEFORE = re.compile(r"(?:^|(?<![^\s])[a-z][a-z-]*[ \t]+)\Z")
# Trades a name joins with "and" after a word of its own ("Baltimore Gas and Electric",
# "Pohang Iron and Steel"; not "Cable and Wireless", which could be two trades named)
_TRADES_JOINED = frozenset(
    """
    Iron Steel Telephone Telegraph Cable Wireless Sales Service Network Infrastructure
    Savings Credit Exploration Development Production Refining Marketing Lighting Light
    Heat Water Power Gas Electric Oil Chemical Chemicals Mining Metals Trading Shipping Care
    Healthcare Logistics Foods
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _trade(word: str) -> bool:
    return word in _TRADES_JOINED or word in DESCRIPTIVE


# words that join a name's parts and never end one ("Bank of", "Groupe de la")
_DANGLING = frozenset({"of", "de", "la", "del", "der", "du", "des", "da", "dos", "van", "von", "&"})
_EXAMPLES_BEFORE = re.compile(r"\b(?:such as|including|like)[ \t]+$")


def _cut(start: int, text: str) -> Iterator[tuple[int, str]]:
    dash = text.find("--")
    if dash != -1:  # "Dec. 20, 1996--Apple Computer": typewriter dashes between words
        if text[:dash].strip("-"):
            yield from _cut(start, text[:dash])
        rest = text[dash:].lstrip("-")
        if rest:
            yield from _cut(start + len(text) - len(rest), rest)
        return
    glued = _GLUED_STOP.search(text)
    if glued and " " not in text:
        left, right = text[: glued.end() - 1], text[glued.end() :]
        if left not in NOT_COMPANIES and right.split(".")[0] not in NOT_COMPANIES:
            glued = None  # "Rocket.Chat", "Booking.Com": a name written with a dot
    if glued:  # "Thursday.Yes Bank": a full stop that lost its space in scraping
        yield from _cut(start, text[: glued.end() - 1])
        yield from _cut(start + glued.end(), text[glued.end() :])
        return
    if " " not in text:
        yield start, text
        return
    tokens = text.split(" ")
    piece: list[str] = []
    at = offset = start
    verb = False
    for i, token in enumerate(tokens):
        last = i == len(tokens) - 1
        if verb and not last and token.capitalize() in _PARTICLES:
            offset += len(token) + 1  # "Investor Group Buys Out Fleer Corp.": the verb's
            continue
        if token in _TITLES_IN_NAME and piece:
            break  # "Uber CEO Dara Khosrowshahi": the rest is a person
        after = tokens[i + 1 :]
        # "Tully's Coffee Corp." is one name; "Hong Kong's Chong Hing Bank" is two
        described = bool(after) and (after[-1] in LEGAL or after[-1] in DESCRIPTIVE)
        # (but "Vivendi SA's Universal Music Group": an owner whose legal form closes it)
        names_itself = (
            described and not possessive_place(token) and token[:-2].rstrip("'’") not in LEGAL
        )
        if not last and token.endswith(("'s", "’s")) and not names_itself:
            # "Google’s Waymo": the owner, then what it owns
            if not piece:
                at = offset
            piece.append(token)
            yield at, " ".join(piece)
            piece = []
            offset += len(token) + 1
            continue
        # a headline in capitals is cut at its verbs, and at a small word next to one:
        # "ZALE … WILL BUY GORDON JEWELRY CORP.", "CISCO SYSTEMS TO ACQUIRE COMBINET INC."
        # (not "TRANSAT AT INC.", "STAKE IN FORD DIVISION": a word of a name, or of a phrase)
        verb = not last and _headline_verb(token, tokens[i + 1])
        join = token in _HEADLINE_JOINS or (
            token.isupper()
            and token.capitalize() in _HEADLINE_JOINS
            and not last
            and _headline_verb(tokens[i + 1], tokens[i + 2] if i + 2 < len(tokens) else "")
        )
        if piece and (join or verb):
            yield at, " ".join(piece)
            piece = []
        elif not piece and join:
            pass
        elif not (verb and not piece):
            if not piece:
                at = offset
            piece.append(token)
        offset += len(token) + 1
    if piece:
        yield at, " ".join(piece)


def _headline_verb(token: str, following: str) -> bool:
    """A headline's verb ("Buys", "WILL", "ACQUIRE") before a word that is not a legal
    form or a partnership's ("Partners LLC", "Sells & Co.")."""
    word = token.capitalize() if len(token) > 2 and token.isupper() else token
    return (
        word in _HEADLINE_VERBS
        and bool(following)
        and following not in LEGAL
        and following not in _PARTNERSHIP_FORMS
    )


def surnames(sentences: list[str]) -> frozenset[str]:
    """The last names of the people an article names in full ("Satya Nadella … Nadella
    said"): alone, such a word is the person, not a company."""
    out: set[str] = set()
    for sentence in sentences:
        for m in PHRASE.finditer(sentence):
            phrase = m.group(0)
            if " " not in phrase and "\t" not in phrase:
                continue  # one word (a phrase's words are joined by spaces or tabs): no pair
            tokens = [t.rstrip(".,;:") for t in POSSESSIVE.sub("", phrase).split()]
            for i in range(len(tokens) - 1):
                pair = tokens[i : i + 2]
                # "CEO Jensen Huang": a title names a person whatever the first name
                titled = (
                    i > 0
                    and tokens[i - 1] in _TITLES_IN_NAME
                    and len(tokens) == i + 2
                    and pair[0][:1].isupper()
                    and pair[0] not in ("of", "at")
                )
                if pair[1].isupper() and not pair[0].isupper():
                    continue  # "Time Warner AOL merger": initials are no one's last name
                if pair[0] in _MONTHS and (
                    _MONTH_BEFORE.search(sentence, 0, m.start())
                    if i == 0
                    else tokens[i - 1].lower() in _BEFORE_A_MONTH.split("|")
                ):
                    continue  # "In January Stonepeak, an American investment firm": a date
                if (titled or is_person(pair)) and not designated(tokens[i : i + 3]):
                    out.add(tokens[i + 1])
    return frozenset(out)


def titled_surnames(sentences: list[str]) -> frozenset[str]:
    """The names the article writes after "Mr", "Ms", "Mrs" or "Dr": people's surnames."""
    return frozenset(
        m.group(1)
        for sentence in sentences
        if "M" in sentence or "Dr" in sentence
        for m in _TITLED.finditer(sentence)
    )


_TITLED = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.? ([A-Z][a-z][\w'-]*)")


def possessive_place(token: str) -> bool:
    if not token.endswith(("'", "’", "'s", "’s")):
        return False  # what POSSESSIVE removes, tested without a regular expression
    stem = POSSESSIVE.sub("", token)
    return stem != token and stem in NOT_COMPANIES


def _place_lost_apostrophe(token: str) -> bool:
    """ "UKs Warehouse REIT": a place's possessive whose apostrophe a scraper lost (only
    initials: "Americas Silver" is a name)."""
    stem = token[:-1]
    return token.endswith("s") and len(stem) >= 2 and stem.isupper() and stem in NOT_COMPANIES


_CLOSING = frozenset(
    """
    Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC plc PLC AG SA S.A. GmbH NV N.V. ASA AB Oyj SpA
    S.L. S.L.U. SL Srl S.r.l. SRL LLP LP L.P. Pty Bhd Tbk KK K.K. S.A.S. SAS
    """.split()  # noqa: SIM905 - a word list reads best as words
)


_HONORIFICS = frozenset("Mr Ms Mrs Dr Prof Sir Dame".split())  # noqa: SIM905
# A person's job before "of" and the employer: "VP of Silent Technology"
_JOB_WORDS = frozenset(
    """
    Partner Managing VP SVP EVP Analyst Director Head Chief Officer President Chairman
    Chairwoman CEO CFO CTO COO Founder Co-founder Cofounder Manager Professor Spokesman
    Spokeswoman Spokesperson Secretary Minister Governor Counsel Economist Strategist MD
    Co-Founder
    """.split()  # noqa: SIM905 - a word list reads best as words
)


# German, French, Italian and Spanish articles: capitalised, they open a sentence
_ARTICLES = frozenset(
    "Die Der Das Den Dem Des Ein Eine Einer La Le Les Il Lo Gli Un Una Uno El Los Las".split()  # noqa: SIM905
)


# Capitalised words that open a sentence or a section, not a name: "About CNS
# Pharmaceuticals", "Additionally Acme said", "Neither United Energy nor …".
OPENERS = (
    frozenset(
        """
    About Additionally Concurrently Neither Nor Either Startups Last Next Acquire Expanding
    Separately Earlier Later Shares Share Both Each Several Many Other Some Such Under
    Following Including Among Via Per Like Unlike Whereas Thus Hence Still Instead
    Here There Called Coined Dubbed Named Renamed Nicknamed Christened Purchase Acquisition
    Sale Takeover Merger Deal Completion Closing
    Struggling Embattled Troubled Beleaguered Ailing Loss-making Cash-strapped Debt-laden
    Fellow Rival Rivals Competitors Peers Former Parent Privately-held Family-owned State-owned
    Listed Operator
    Comment Comments Advertisement Listen Print Subscribe Consider Brokerages
    Recently Meanwhile However Previously Subsequently Moreover Furthermore Currently
    Finally Initially Ultimately Notably Importantly Interestingly Elsewhere Similarly
    Likewise Nevertheless Nonetheless Indeed Overall Accordingly Consequently Specifically
    Alternatively Using Buying Acquiring Selling Through Amid Regarding Concerning
    """.split()  # noqa: SIM905 - a word list reads best as words
    )
    | _ARTICLES
    | {kind[0].upper() + kind[1:] for kind in KINDS_OF_COMPANY}
)


_BASED = re.compile(
    r"-(?:based|headquartered|listed|owned|controlled|backed|run|led|bound|founded|focused"
    # what it makes or owns: "Fortnite-maker Epic Games", "TikTok-owner ByteDance"
    r"|maker|owner|parent|developer|creator)$"
)


# Words in capitals, and legal forms, that stand before a name but never begin one:
# "Check, LLP Has Filed" is the end of a law firm's name
_CAPITALS_BEFORE_NAMES = frozenset(
    """
    OK SOURCE CEO CFO CTO COO EVP SVP VP UPDATE BRIEF EXCLUSIVE
    LLP LLC Inc Inc. Corp Corp. Ltd Ltd. plc PLC Co. Limited LP L.P.
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def trim(start: int, phrase: str, opens: bool = True) -> tuple[int, str]:
    """Drop sentence-initial function words and a trailing possessive or full stop.
    ``opens``: the phrase opens its sentence, where a dateline's city may stand."""
    # "_Loxo Oncology da parte di Eli Lilly_": markdown's emphasis closes, which \w matches
    tokens = phrase.rstrip("_").split(" ")
    # "San Mateo-based Movidius": where it is based is not part of the name
    based = (
        next((i for i, t in enumerate(tokens) if "-" in t and _BASED.search(t)), None)
        if "-" in phrase  # (most phrases have no hyphen: no word to look at)
        else None
    )
    if based is not None:
        start += sum(len(t) + 1 for t in tokens[: based + 1])
        tokens = tokens[based + 1 :]
    # "Ms. Killian of Renaissance Capital", "Managing Partner of Wireframe Ventures": the
    # person works at the company named after
    # "Stanford Phelps of S.N. Phelps & Co.": a person, then the firm
    if tokens and (
        tokens[0].rstrip(".") in _HONORIFICS
        or ("of" in tokens and any(t in _JOB_WORDS for t in tokens[: tokens.index("of")]))
        or ("of" in tokens[2:4] and is_person(tokens[: tokens.index("of")]))
    ):
        cut = tokens.index("of") + 1 if "of" in tokens else len(tokens)
        start += sum(len(t) + 1 for t in tokens[:cut])
        tokens = tokens[cut:]
        # "Chairman of Time Warner's Media & Communications Group": the owner employs him
        owner = next((i for i, t in enumerate(tokens[:-1]) if POSSESSIVE.search(t)), None)
        if owner is not None:
            tokens = tokens[: owner + 1]
    # "OK SL Green's bid", "SOURCE Nippon Express Co.": a word in capitals, not the name's
    while len(tokens) > 1 and tokens[0] in _CAPITALS_BEFORE_NAMES and tokens[1][:1].isupper():
        start += len(tokens[0]) + 1
        tokens = tokens[1:]
    # "SAN FRANCISCO Apple", "DETROIT Tesla Motors": a dateline's city in capitals
    caps = 0
    while caps < len(tokens) - 1 and tokens[caps].isalpha() and tokens[caps].isupper():
        caps += 1
    city = caps > 1 or (caps == 1 and len(tokens[0]) >= 5)
    # (inside a sentence, "ICONIQ Growth" is a name written in capitals)
    if (
        opens
        and caps
        and city
        and not tokens[caps].isupper()
        and fold(tokens[0]) not in registrants()
    ):
        start += sum(len(t) + 1 for t in tokens[:caps])
        tokens = tokens[caps:]
    # "Rupert Murdoch's News Corporation", "Billionaire David Einhorn's Greenlight
    # Capital": the person who owns it is no part of its name
    # "Billionaire Mukesh Ambani's Reliance Industries": so is the person a word before
    # says is one
    for at in (1, 2, 3):
        if (
            len(tokens) > at + 1
            and tokens[at].endswith(("'s", "’s"))
            and tokens[at][:1].isupper()
            and all(t.isalpha() for t in tokens[:at])
            and (
                any(t in first_names() for t in tokens[:at])
                or (at > 1 and tokens[0] in _PERSON_NOUNS)
            )
        ):
            start += sum(len(t) + 1 for t in tokens[: at + 1])
            tokens = tokens[at + 1 :]
            break
    # "On January 10th Hewlett Packard Enterprise": a date, then the name
    if (
        len(tokens) > 2
        and (tokens[0] in _MONTHS or tokens[0] in _MONTHS_SHORT)
        and _DAY_OF_MONTH.fullmatch(tokens[1])
    ):
        start += len(tokens[0]) + len(tokens[1]) + 2
        tokens = tokens[2:]
    # "Norway's Fjord Line", "Singapore's Sprint Cloud": a place that owns the name
    # "Munich-based Greifwerk Robotik": where it is based is not part of the name
    # (but a place of two words opens names whole: "Hong Kong Exchanges", "Los Alamos
    # National Bank", "Las Vegas Sands")
    while (
        tokens
        and not (len(tokens) > 2 and f"{tokens[0]} {tokens[1]}" in _TWO_WORD_PLACES)
        # ("Under Armour": an SEC registrant's own name)
        and not (len(tokens) > 1 and fold(" ".join(tokens)) in registrants())
        and (
            _leading_not_name(tokens)
            # (an article in capitals inside a sentence is a name's: "to Le Tote Inc")
            or (tokens[0] in OPENERS and (opens or tokens[0] not in _ARTICLES))
            or possessive_place(tokens[0])
            or (len(tokens) > 1 and _place_lost_apostrophe(tokens[0]))
            or ("-" in tokens[0] and _BASED.search(tokens[0]))
            # "Q4 of Sun's": once the quarter is dropped, no name opens with a small word
            or (tokens[0].isalpha() and tokens[0].islower())
            # "Microsoft Microsoft invests …": a page's tag before the headline
            or (len(tokens) > 1 and tokens[0] == tokens[1])
        )
    ):
        start += len(tokens[0]) + 1
        tokens = tokens[1:]
    # "Pellham Dairies Ltd of Leeds": a closing legal form ends the name
    for i, token in enumerate(tokens[:-1]):
        # (not its first word: "SL Green Realty" is not a Spanish "S.L.")
        if i > 0 and token in _CLOSING and tokens[i + 1] not in LEGAL:
            tokens = tokens[: i + 1]
            break
    # "Oxygen Media of New York": where it is, not its name
    if "of" in tokens[:-1]:
        at = len(tokens) - 1 - tokens[::-1].index("of")
        if (
            at > 0
            and tokens[at - 1] not in _NEEDS_PLACE
            and all(t.rstrip(",.") in NOT_COMPANIES for t in tokens[at + 1 :])
        ):
            tokens = tokens[:at]
    # "Qualcomm QCOM.O": a Reuters instrument code after the name, its brackets lost
    while len(tokens) > 1 and RIC.match(tokens[-1].rstrip(".,")):
        tokens = tokens[:-1]
    # "Seal Software Share": a share button glued to the name in scraped pages; "Pharmacia
    # & Upjohn Friday warned": wire copy's day of the week after the name
    while tokens and (
        tokens[-1] in _DANGLING
        or tokens[-1] == "Share"
        or (len(tokens) > 1 and tokens[-1] in _WEEKDAYS)
        # "Purchase of Burlington Stock": a headline's shares of the company
        or (len(tokens) > 1 and tokens[-1] in ("Stock", "Shares"))
    ):
        tokens = tokens[:-1]
    # "Inner Range toImprove the …": the next word glued on where a scraper lost a space
    glued = next((i for i, t in enumerate(tokens) if i and _GLUED_WORD.match(t)), None)
    if glued is not None:
        tokens = tokens[:glued]
    text = " ".join(tokens)
    text = POSSESSIVE.sub("", text)
    if text.endswith(".") and text.split(" ")[-1] not in LEGAL:
        text = text[:-1]
    return start, text


_WEEKDAYS = frozenset(calendar.day_name)
_GLUED_WORD = re.compile(r"(?:to|that|the|and|of|in|with|for|from|by|on|at|as)[A-Z][a-z]")
_PERSON_NOUNS = frozenset(
    """
    Billionaire Tycoon Magnate Mogul Financier Entrepreneur Businessman Businesswoman
    Industrialist Investor Activist Founder Chairman Chairwoman
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_TWO_WORD_PLACES = frozenset(
    {
        "Hong Kong", "New York", "New Jersey", "New Mexico", "New Zealand", "New Delhi",
        "New England", "New Hampshire", "Los Angeles", "Los Alamos", "Las Vegas",
        "San Francisco", "San Diego", "San Jose", "San Antonio", "Abu Dhabi", "Sri Lanka",
        "Puerto Rico", "Costa Rica", "Buenos Aires", "Kuala Lumpur", "Tel Aviv",
    }
)  # fmt: skip
_DAY_OF_MONTH = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?")
_MONTHS_SHORT = frozenset(f"{m}." for m in calendar.month_abbr[1:] if m != "May") | {"Sept."}


# Words a name completes with its country or city: "Bank of America", "Royal Bank of
# Scotland", "Commonwealth Bank of Australia", "Mutual Life Insurance Company of New York".
_NEEDS_PLACE = frozenset({"Bank", "Trust", "Company", "Corporation", "Insurance", "Railway"})


# A quantity, a year, a share or a model number: "2000", "37.5", "10", "A320", "737-800".
NUMBER = re.compile(
    r"^[$€£¥]?\d[\d.,:%/-]*(?:st|nd|rd|th|s|m|bn|pct)?$|^[A-Z]{1,2}-?\d{2,4}[A-Z]{0,3}$"
    r"|^\d[^A-Z]*$"  # "38-year-old", "5-inch", "1990s"
)


# A Reuters instrument code: "AAPL.O", "ORAN.PA", "005930.KS".
RIC = re.compile(r"^[A-Z0-9]{1,7}[a-z]?\.[A-Z]{1,3}$")  # (a share class: "CARLb.CO")


# A currency as the FT of 1991 spelt it out before an amount: "ADollars 7.85", "Pounds 7m"
_CURRENCY_WORD = re.compile(r"^(?:[A-Z]{0,2}Dollars|Pounds|Ecus|Yen|Lire|SFr|FFr|DM)$")


def not_a_name(tokens: list[str]) -> bool:
    """No word of a name in it: numbers, model codes or instrument codes only (an amount
    with its currency spelt out too), or a common acronym."""
    if len(tokens) > 2 and tokens[1] == "of" and tokens[0] in _SOME:
        return True  # "One of Australia's largest chains": a share of a group, no name
    words = [t for t in tokens if not (NUMBER.match(t) or RIC.match(t))]
    if len(words) < len(tokens):
        words = [t for t in words if not _CURRENCY_WORD.match(t)]
    if len(words) == 1 and _CONTRACTION.match(words[0]):
        return True  # "I'm", "We're": a blog's first person
    if len(words) == 1:
        word = words[0].rstrip(".")
        # "AIs", "LLMs": the plural of a common acronym
        return word in ACRONYMS or (word.endswith("s") and word[:-1] in ACRONYMS)
    return not words


_SOME = frozenset({"One", "Some", "Many", "Most", "Each", "All", "Both", "Several", "Two", "Three"})


_CONTRACTION = re.compile(
    r"^(?:I|We|You|They|He|She|It|That|There|Here|What|Let)['’](?:m|re|s|ve|ll|d)$"
)


# Words that begin company names often enough to keep: "Office Depot", "National Grid",
# "General Electric", "American Express", "United Technologies".
_NAME_OPENERS = frozenset(
    """
    Global International National Federal Office General United Western Eastern Northern
    Southern Central Royal First American British State
    """.split()  # noqa: SIM905 - a word list reads best as words
)


_DAYS = _WEEKDAYS | {"Today"}


_MONTHS = frozenset(calendar.month_name[1:])


def _leading_not_name(tokens: list[str]) -> bool:
    """The first word is not part of the name: "The", "Chinese", "SEOUL" in a dateline;
    a place before a company word stays ("China Mobile", "Japan Airlines")."""
    first = tokens[0]
    if first not in NOT_COMPANIES and not (
        first.isupper() and len(first) > 3 and first.title() in NOT_COMPANIES
    ):
        return False
    if first == "I" and len(tokens) > 2 and (tokens[-1] in DESCRIPTIVE or tokens[-1] in LEGAL):
        return False  # "investment manager I Squared Capital": a letter of its name
    if len(tokens) > 2 and len(first) <= 3 and tokens[-1] in LEGAL:
        # "USA Waste Services Inc.", "UK Mail Group plc": a legal form makes the
        # country's initials the name's own
        return False
    if len(tokens) == 1 or (first.isupper() and "." not in first):
        return True  # "SEOUL Samsung Electronics": a dateline's city
    if first.isupper():
        # a country's initials: "U.S. Steel", "U.S. Bank" name a company by them and one
        # trade word; "U.S. Treasuries", "U.K. Electricité de France" do not
        return not (len(tokens) == 2 and tokens[1].rstrip(".") in DESCRIPTIVE)
    if first in _NAME_OPENERS:
        return False
    rest = tokens[1:]
    if rest[-1].endswith(".") and rest[-1] not in LEGAL:
        # the sentence's full stop is not the name's: "… for East Midlands Electricity Plc."
        rest = [*rest[:-1], rest[-1][:-1]]
    if first in _DAYS or first in _MONTHS:
        # "said Tuesday CBS Records", "Earlier in December Mercuria, a Swiss firm": the
        # time of the saying, unless a legal form makes it a name ("Tuesday Morning
        # Corp.", "May Department Stores Co.")
        return rest[-1] not in LEGAL
    # "China Mobile": a place's company
    place_name = first[:1].isupper() and first.lower() not in FUNCTION_WORDS
    return not (
        place_name
        and (
            rest[0] in DESCRIPTIVE
            or rest[-1] in DESCRIPTIVE
            or rest[-1] in LEGAL
            or rest[-1] in _AFTER_A_PLACE
            # "China Merchants Port", "Canada Pension Plan Investment Board": a country
            # before two names' words opens the name
            or (len(rest) > 1 and first in countries())
            # "Cambridge Analytica", "Seattle Genetics": a place and one word no place
            or (
                len(rest) == 1
                and rest[0] not in NOT_COMPANIES
                and first not in _NOT_PLACES
                and not (_DEMONYM.search(first) and first not in _PLACES_LIKE_DEMONYMS)
            )
        )
    )


# Last words of names that begin with their place: "Singapore Life", "Korean Air",
# "Swiss Re", "Norwegian Cruise Line", "London Electricity", "New Enterprise Associates",
# "Abu Dhabi Investment Authority", "Kuwait Investment Office"; the names of Britain's
# mutual insurers and utilities ("Scottish Amicable", "Scottish Widows", "Friends
# Provident", "Northumbrian Water"); a direction after a place, where a region has it
# first ("China Eastern", "China Southern"; "Eastern China" is a region)
_AFTER_A_PLACE = frozenset(
    """
    Life Air Re Line Lines Electricity Associates Authority Office Board Post Mutual
    Amicable Widows Provident Equitable Water Hydro Eastern Western Northern Southern
    """.split()  # noqa: SIM905 - a word list reads best as words
)


# Words of NOT_COMPANIES that are no place of their own: a title, a product, a page's
# label or a word of a longer place ("Silicon Valley Bank" is not "Valley Bank")
_NOT_PLACES = frozenset(
    """
    President Vice Minister Director Officer Founder Chairman Chief Board Mr Ms Dr Prof
    Windows Office Android iOS Azure Cortana MIUI HarmonyOS Skype Bing Edge Teams Xbox
    iPhone Galaxy Pixel Mi Redmi POCO WeChat Alipay ChatGPT Gemini Copilot Kindle
    PlayStation Silicon Valley Research Report Update Breaking Exclusive Opinion Published
    Updated Posted Global International National Federal State Government
    """.split()  # noqa: SIM905 - a word list reads best as words
)


# "Chinese", "Dutch", "Israeli": a nationality before a name is not part of it
_DEMONYM = re.compile(r"(?:ese|ish|ian|an|ch|i)$")
# places spelled like nationalities: "Dubai Express", "Japan Tobacco", "Wuhan Steel"
_PLACES_LIKE_DEMONYMS = frozenset(
    """
    Dubai Mumbai Delhi Shanghai Hanoi Dhabi Brunei Fiji Haiti Mali Malawi Djibouti Nairobi
    Japan Taiwan Iran Oman Sudan Jordan Milan Pakistan Afghanistan Kazakhstan Uzbekistan
    Bhutan Azerbaijan Wuhan Busan
    """.split()  # noqa: SIM905 - a word list reads best as words
)


FUNCTION_WORDS = frozenset(
    """
    the a an this that these those it its he she they we i you our their his her but and
    or however meanwhile also while when where what why how which who if as at in on of
    for by from with after before since under over despite although though yet so then
    now today
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def designated(tokens: list[str]) -> bool:
    return len(tokens) >= 2 and (
        tokens[-1] in LEGAL or tokens[-1] in DESCRIPTIVE or tokens[0] in LEADING_LEGAL
    )


def usual_name(phrase: str) -> str:
    """The usual name: legal forms and a leading "The" dropped."""
    tokens = phrase.split()
    # (in a headline in capitals too: "… TO ACQUIRE TELTREND INC.")
    while len(tokens) > 1 and (tokens[-1] in LEGAL or tokens[-1].capitalize() in _LEGAL_SHORT):
        tokens = tokens[:-1]
    while len(tokens) > 1 and tokens[0] in LEADING_LEGAL:
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0] == "The":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in ("&", "and"):  # "Goldman Sachs & Co." → "Goldman Sachs"
        tokens = tokens[:-1]
    return " ".join(tokens)


_LEGAL_SHORT = frozenset("Inc Inc. Corp Corp. Ltd Ltd. Co.".split())  # noqa: SIM905


def aliases_of(phrase: str, name: str) -> list[str]:
    """The full legal name, and the first word of a "Kestrel Robotics"-style name."""
    out = [phrase] if phrase != name else []
    tokens = name.split()
    if len(tokens) >= 2 and tokens[-1] in DESCRIPTIVE:
        first = tokens[0]
        # not an owner: "Amazon’s Luxury Stores" is Amazon's unit, "Amazon’s" no name of it
        owner = first.endswith(("'s", "’s"))
        if (
            len(first) >= 4
            and first not in NOT_COMPANIES
            and first not in DESCRIPTIVE
            and not owner
        ):
            out.append(first)
    return out


@lru_cache(maxsize=2)
def first_names(share: float = 0.0) -> frozenset[str]:
    """Given names of the US census (1990), from the ``names`` package: a name that
    starts with one ("Satya Nadella", "Sarah Okafor") is a person's. With ``share``,
    only names given to at least that percentage of people: alone, a word is taken for
    a person only when it is a usual name ("Porsche" is a given name, of 0.001%)."""
    import names

    folder = Path(names.__file__).parent
    out: set[str] = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text("ascii").splitlines():
            fields = line.split()
            if fields and float(fields[1]) >= share:
                out.add(fields[0].capitalize())
    return frozenset(out - _NOT_GIVEN)


# Alone, a word is a person's given name when at least this share of people bear it.
USUAL_NAME_SHARE = 0.002


# Census given names that are more often companies or words in business news.
_NOT_GIVEN = frozenset(
    """
    Morgan Chase Ford Dell Wells Sterling Mercedes Lincoln Hyundai Toyota Harley Jaguar
    Tesla Apple Amazon Oracle Cruise Tile Sprint Orange Boeing Intel General Royal
    National American United First Capital Summit Pioneer Liberty Fidelity Prudential
    Goldman Lehman Merrill Baker Hughes Johnson Marathon Carter
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def is_person(tokens: list[str]) -> bool:
    """Two or three words that start with a given name: "Satya Nadella"."""
    return (
        2 <= len(tokens) <= 3
        and tokens[0] in first_names()
        and tokens[0] not in _LANDS
        and tokens[-1] not in DESCRIPTIVE
        # "Sun Microsystems", "Ken Biotechnologies": a trade word with a prefix
        and not tokens[-1].lower().endswith(_TRADE_ENDINGS)
        and all(t[:1].isupper() for t in tokens)
    )


# Countries and continents the given names hold ("China", "India"): before other names
# they open a company's name far more often than a person's ("China Merchants Port")
_LANDS = frozenset({"China", "India", "Kenya", "America", "Asia"})


_TRADE_ENDINGS = tuple(sorted(w.lower() for w in DESCRIPTIVE if len(w) >= 6))
