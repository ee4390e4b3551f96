"""The evidence that a capitalised phrase names a company, read in the words around
it: a legal form, a ticker, an SEC registrant, an apposition ("Kestrel, a Munich
startup"), a description ("X is one of China's largest … groups"), an organisation
noun before it ("chipmaker Arm"), a deal statement ("agreed to acquire Halden"), a
business context ("shares of X", "X reported"). And what rules a phrase out: people
(titles, "said"), products (an owner's possessive, a product noun), outlets, places.
In English text these are what the company model (companymodel.py) weighs; elsewhere
each kind of evidence has a confidence (CONFIDENCE), recorded with the draft.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import (
    AP_STATES,
    DEFINED_TERMS,
    DESCRIPTIVE,
    FUNCTIONS,
    KINDS_OF_COMPANY,
    LEADING_LEGAL,
    LEGAL,
    NOT_COMPANIES,
    ORG_NOUNS,
    OUTLET_WORDS,
    OUTLETS,
    PERSON_TITLES,
    POSTAL_STATES,
    PRODUCT_NOUNS,
    countries,
)
from .names import (
    NUMBER,
    TOKEN,
    USUAL_NAME_SHARE,
    designated,
    first_names,
    fold,
    is_person,
    not_a_name,
    usual_name,
)
from .outlets import is_publication
from .register import compact, compact_registrants, registrants
from .text import LINK_MARKS, Caseless, lowered

# "Huawei’s proprietary DeepSeek": the name after an owner is named as its product.
OWNER_BEFORE = re.compile(
    r"(?<![\w'’])(?!(?:It|it|That|that|What|what|Here|There|He|She|Let|let)['’])"
    r"[A-Z\u3400-\u9fff][\w&-]*['’]s\s+(?:[\w-]+\s+)?$"
)


_APPOSITION = re.compile(
    rf"^(?:\s*\([^)]*\))?\s?,\s+"
    # "DeepSeek, described in Chinese press as an AI-driven search player"
    r"(?:(?:described|known|seen|billed|regarded|considered)(?:\s+[\w-]+){0,4}?\s+as\s+)?"
    rf"(?:(?:a|an|the|another|one of the)\s+(?:[\w/-]+\s+){{0,4}}?(?:{ORG_NOUNS})\b"
    # "Hidrola and Iberduero, Spain's two largest private sector electricity utilities"
    rf"|(?-i:[A-Z])[\w.-]*['’]s\s+(?:[\w/-]+\s+){{0,5}}?(?:{ORG_NOUNS})(?:s|es)?\b"
    # "Huawei and Tencent, two Chinese tech giants"
    rf"|(?:two|three|four|both)\s+(?:[\w/-]+\s+){{0,4}}?(?:(?:{ORG_NOUNS})s|companies"
    r"|utilities)\b"
    # "XOXCO, maker of the Botkit framework", "Lobe, creator of a platform"
    r"|(?:maker|creator|developer|owner|parent|operator|provider|publisher) of\b)",
    re.I,
)


# "Xiaomi is one of China's largest consumer electronics groups", "Acme is a Berlin startup"
_COPULA = re.compile(
    r"^\s+(?:is|was|has been|remains|became)\s+(?:now\s+)?"
    # "… is Britain's largest mutual insurer"
    r"(?:one of\s+(?:the\s+)?|the\s+|a\s+|an\s+|(?-i:[A-Z])[\w.-]*['’]s\s+)"
    rf"(?:[\w’'/-]+\s+){{0,5}}?(?:{ORG_NOUNS})s?\b",
    re.I,
)


# "Xiaomi and Microsoft are partnering": the words after the second name speak of both
_AND_NAME = re.compile(rf"^\s+(?:and|&)\s+(?:{TOKEN})(?:\s+(?:{TOKEN})){{0,3}}(?=\s)")


# "another company, Corten", "European utilities Enel and Engie"
_NOUN_BEFORE = re.compile(
    rf"\b(?:(?:{ORG_NOUNS})s?|companies|utilities|subsidiaries|breweries|consultancies),?\s+$"
)
# A trade that opens the sentence before a name: "Carmaker Fiat Chrysler has signed …"
# (not a role a person has too: "Investor Sanjay Guglani")
_TRADE_OPENING = re.compile(
    r"(?:carmaker|automaker|chipmaker|drugmaker|retailer|lender|insurer|miner|airline|carrier"
    r"|brewer|conglomerate|manufacturer|supplier|producer|utility|publisher|broadcaster"
    r"|wholesaler|refiner|shipbuilder|startup|start-up|bank|e-tailer|fintech)\s+"
)


# The longest text _NOUN_BEFORE can match before its trailing spaces: a noun, "s", ",".
_NOUN_SPAN = max(len(n) for n in ORG_NOUNS.split("|")) + 2


# A business, not goods, sold to a buyer: "its metering unit to", "its data storage
# unit, Veritas, to a group led by Carlyle" (deals.py reads it after "sell" and "sold")
BUSINESS_SOLD_TO = (
    # (or another company's: "sold Ford's BDM International defense consulting subsidiary
    # to the Carlyle Group"; several: "sold its UK regional newspapers to Johnston Press")
    # (a brand's own possessive: "sell its Van de Kamp's frozen seafoods division to")
    # (a share of it: "sold 75% of its 2GW solar facility in Florida to FH Capital")
    r"(?:\d[\d.]*\s?(?:%|per ?cent|percent) of )?"
    r"(?:its|their|a|the|\w[\w.&-]*(?:'|\u2019)s) (?:[\w-]+(?:(?:'|\u2019)s)? ){0,5}"
    r"(?:business(?:es)?|units?|divisions?|subsidiar(?:y|ies)|operations|assets|arm|stake"
    r"|company|brands?|newspapers|titles|stations|facilit(?:y|ies)|plants?|mills?|mines?"
    r"|projects?|interests?|portfolio)"
    # (where it is: "its Fayetteville shale assets in Arkansas to Flywheel Energy")
    r"(?: (?:in|at|near|across|off) [^,;]{1,40}?)?"
    r"(?:, [^,;]{2,60},)?(?: for [^,;]{1,40}?)? to"
)


_DEAL_CUES = (
    r"acquisition of|acquire|acquires|acquired|acquiring|buy|buys|bought|buying|"
    r"snapped up|snatched up|scooped up|snapping up|snatching up|"
    r"purchase of|takeover of|bid for|stake in|invest(?:ed|s|ing)? in|merge with|merger with|"
    r"partnership with|agreement with|deal with|venture with|partnered with|partners with|"
    r"teamed up with|tie-up with|alliance with|pact with|acquired by|led by|backed by|"
    r"licen[cs]e from|licensed from|licensing deal with|joined by|participation from|"
    r"participation of|participation by|investors including|investors such as|"
    r"backers including|backers such as|"
    r"investment from|funding from|offer for|partner with|bought by|purchased by|"
    r"funded by|financed by|offer from|bid from|"
    r"taken over by|sold to|sells to|sale to|"
    # "the sale of its onshore drilling division to KCA Deutag"
    rf"(?:sale of|sell|sells|selling|sold) {BUSINESS_SOLD_TO}|"
    # "will invest an initial $1.25bn into Anthropic"
    r"invest(?:ed|s|ing)? (?:[^\s]+ ){1,4}?in(?:to)?"
)


# _DEAL_BEFORE cannot match without one of its cues: this cheap test comes first, and
# it looks for words of the cues with substring tests before its pattern runs. (A
# lookahead: every place a cue begins, also inside another cue's words.)
_DEAL_CUE = Caseless(
    rf"(?=\b(?:{_DEAL_CUES})\s)",
    (
        "acqui", "buy", "bought", "purchase", "takeover", "bid for", "stake in", "invest",
        "snapped up", "snatched up", "scooped up", "snapping up", "snatching up",
        "merge", "with", "led by", "backed by", "licen", "joined by", "participation",
        "backers",
        "funding from", "offer for", "sold", "sell", "sale to", "sale of", "funded by",
        "financed by", "offer from", "bid from",
    ),
)  # fmt: skip


_FUNCTION_WORDS = (
    r"(?:a|an|the|its|their|his|her|of|in|on|at|to|for|from|with|by|and|or|as|into|than"
    r"|that|which|who|was|were|is|are|be|been|has|have|had|will|would|said|says"
    # "bought back 100 billion …": a particle or a quantity, not a description
    r"|back|up|out|off|over|down|more|all|some|most|shares|about|around|nearly|almost)"
)


_DEAL_BEFORE = re.compile(
    rf"\b(?i:{_DEAL_CUES})\s+(?:the\s+)?"
    # a description between the cue and the name: "takeover of cinema chain Brightmoor"
    rf"(?:(?!{_FUNCTION_WORDS}\s)[a-z][\w-]*\s+|(?:[A-Z][\w.]*\s+)?[\w.]+-based\s+){{0,4}}"
    # the later names of a list: "led by Northzone, with participation from Tencent and Lakestar"
    rf"(?:(?:{TOKEN})(?:\s+(?:{TOKEN}))*(?:,\s+|\s+and\s+|,\s+and\s+))*$"
)


_DEAL_AFTER = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|is\s+|was\s+)?(?:agreed to\s+|plans to\s+|"
    r"is set to\s+|is to\s+|said it (?:would|will)\s+"
    # "Google quietly acquired Senosis Health", "Tumblr has recently been sold to"
    r"|(?!(?:family|supply|assembly|monopoly|daily|weekly|monthly|quarterly|early|only)\s)"
    r"[a-z]{3,}ly\s+)?(?:been\s+)?(?:acquire|acquires|buy|buys"
    r"|purchase|"
    r"purchases|purchased|invest|invests|merge|merges|take over|takes over|bought|acquired|"
    r"invested|"
    r"raised|raises|signed|signs|led|leads|snaps up|snapped up|sell|sells|sold|"
    # "Struggling Aviva is selling its Singapore arm"
    r"(?:is|are|was|were)\s+(?:selling|buying|acquiring|investing|merging))\b"
    # "… and Beacon Air completed their merger"
    # "VMware recently announced the acquisition of SpringSource"
    r"|^\s+(?:have\s+|has\s+)?(?:(?!only\s)[a-z]{3,}ly\s+)?(?:completed|agreed|announced|formed"
    r"|set up|signed|struck|"
    r"scrapped|called off|abandoned|terminated)\s+(?:plans for\s+)?"
    r"(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,3}(?:merger|deal|acquisition|agreement|"
    r"joint venture|partnership|pact|tie-up|memorandum)"
    # "DeepMind, which Google parent company Alphabet acquired in 2014"
    r"|^\s*,\s+which\s+(?:[\w.’'-]+\s+){0,6}?(?:acquired|bought|purchased|took over)\b"
    # "… enters into definitive deal", "… announced today the signing of a merger"
    r"|^\s+(?:has\s+|have\s+)?(?:enter(?:s|ed)?|entering)\s+into\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:deal|agreement|merger|partnership|joint venture|memorandum)"
    r"|^\s+(?:\w+\s+){0,2}?announced\s+(?:today\s+)?(?:the\s+)?(?:signing|completion|closing)"
    r"\s+of\b"
    # "Cengage and McGraw-Hill Education announced that they intended to merge"
    r"|^\s+(?:announced|said|confirmed)\s+(?:that\s+)?(?:they|it)\s+(?:intend|intended|plan"
    r"|planned|would|will|had agreed to|have agreed to|agreed to)\s+(?:to\s+)?(?:merge|combine"
    r"|acquire|buy|purchase|invest)\b"
    # "Ernst & Whinney and Arthur Young & Co. agreed to combine their operations"
    r"|^\s+(?:has\s+|have\s+)?agreed\s+to\s+combine\b"
    # "VMware announced their intent to acquire SaltStack", "… unveiled plans to buy"
    r"|^\s+(?:\w+\s+){0,2}?(?:announced|announces|unveiled|unveils|confirmed|disclosed)\s+"
    r"(?:today\s+)?(?:its\s+|their\s+)?(?:intent|intention|plans?|decision)\s+to\s+"
    r"(?:acquire|buy|purchase|merge|invest|take over|sell)\b"
    # "Zoom announced on Sunday, July 18, that it's buying Five9"
    r"|^\s+(?:announced|said|confirmed)\s+(?:[\w,]+\s+){0,4}?that\s+it(?:['’]s|\s+is|\s+will"
    r"|\s+has|\s+would|\s+had)\s+(?:agreed\s+to\s+)?(?:buy|buying|acquire|acquiring|invest"
    r"|investing|merge|merging|partner|partnering|bought|acquired|invested)\b"
    # "… are partnering on AI", "… have teamed up", "… are in talks"
    r"|^\s+(?:are\s+|is\s+|have\s+|has\s+|had\s+|were\s+|was\s+)?(?:partnering|partnered|"
    r"teaming up|teamed up|joining forces|joined forces|collaborating|cooperating|"
    r"working together|in talks|in advanced talks|in discussions)\b",
    re.I,
)


_PERSON_BEFORE = Caseless(rf"\b(?:{PERSON_TITLES})\.?,?\s+(?:of\s+[^\s]+\s+)?$")


# A partner in business, not a firm's partner: "its technology partner", "strategic partner"
_BUSINESS_PARTNER = re.compile(
    r"\b(?:strategic|long-?time|long-standing|technology|tech|exclusive|official|key|preferred"
    r"|our|its|their|local|industrial|commercial|manufacturing|distribution|retail|banking"
    r"|payments?|channel|launch|research|development|joint[- ]venture|JV)\s+partners?\s+$",
    re.I,
)


_PERSON_AFTER = re.compile(
    rf"^(?:,\s+(?:the\s+|a\s+|an\s+|its\s+|who\s+|now\s+)?(?:\S+\s+)?(?:{PERSON_TITLES})\b"
    r"|\s+(?:said|says|told|wrote|added|noted|stated|explained|argued)\b)",
    re.I,
)


# a person's pronoun right after the name and its verb: "Demis Hassabis has sold his
# artificial intelligence firm", "Murdoch took her public" (a company's is "its")
_HIS_AFTER = re.compile(r"^\s+(?:has\s+|had\s+|have\s+)?[a-z]+\s+(?:his|her|himself|herself)\b")


# a product and its maker: "Huawei cloud", "Angry Birds maker Rovio"
_PRODUCT_AFTER = re.compile(rf"^\s+(?:{PRODUCT_NOUNS}|maker|developer|creator)\b")


_LEADING_POSSESSIVE = re.compile(r"^['’]s?")


_BOUGHT_BEFORE = Caseless(
    r"\b(?:buy|buys|bought|acquire|acquires|acquired|purchase of|takeover of|bid for|"
    r"acquisition of|merge with|merger with)\s+(?:the\s+)?$"
)


# "Australian Wool Innovation (AWI)": a name and its initials, an organisation's habit
_INITIALS_AFTER = re.compile(r"^\s*\(([A-Z]{2,6})\)")


def _initials(tokens: list[str], after: str) -> bool:
    m = _INITIALS_AFTER.match(after)
    if m is None or len(tokens) < 2:
        return False
    letters = "".join(t[0] for t in tokens if t[:1].isupper())
    return m.group(1) == letters


_PLACE_AFTER = re.compile(r",\s+([A-Z][a-z]+)(?:-based\b|,|\s|\.|$)")


# US states as datelines and addresses abbreviate them (AP style, then postal codes):
# "Redwood Shores, Calif., software company", "Princeton, NJ, ALC operates …"
_STATE_AFTER = re.compile(
    r",\s+(?:(?:" + "|".join(sorted(AP_STATES)) + r")\.|(?:N\.[HJMYCD]|R\.I|S\.[CD]|W\.Va|D\.C)\."
    r"|(?:" + "|".join(sorted(POSTAL_STATES)) + r")(?=[\s,.;)]|$))"
)
_STATE_NAMES = AP_STATES | POSTAL_STATES


_PLACE_OWNER = re.compile(r"\b[A-Z][\w]*['’]s\s+$")


def owner_before(before: str) -> re.Match[str] | None:
    if "'s" not in before and "’s" not in before:
        return None
    return OWNER_BEFORE.search(before)


def _drop_place_owner(before: str) -> str:
    """The context without a place that owns the name ("merge with Norway's Fjord
    Line")."""
    if not before.rstrip().endswith(("'s", "’s")):
        return before
    return _PLACE_OWNER.sub("", before)


def _noun_before(before: str) -> bool:
    """An organisation noun right before the name: "the chipmaker Arm"."""
    stem = before.rstrip()
    if len(stem) == len(before):
        return False  # no space between the noun and the name
    # one character more than the noun so that \b sees the real character before it
    if _NOUN_BEFORE.search(before, max(0, len(stem) - _NOUN_SPAN - 1)) is None:
        # "Carmaker Fiat Chrysler has signed": the trade opens the sentence, capitalised
        opening = stem.lstrip(OPENING_MARKS)
        return (
            opening[:1].isupper()
            and opening[1:].islower()  # (not a release's "INVESTORS AND SECURITY HOLDERS")
            and _TRADE_OPENING.fullmatch(before.lower(), len(stem) - len(opening)) is not None
        )
    # "another company, Corten" names it; "In a note to investors, Wu said" does not
    return not stem.endswith(",") or _NAMING_NOUN.search(before[-60:]) is not None


OPENING_MARKS = " \"“‘'(*#-—–"  # what may stand before a sentence's first word


_NAMING_NOUN = re.compile(
    rf"\b(?:another|a|an|the|its|their|one)\s+(?:(?!(?:to|of|for|with|from|in)\s)[\w-]+\s+){{0,3}}"
    rf"(?:{ORG_NOUNS})s?,\s+$",
    re.I,
)


def _search_end(pattern: Caseless, text: str, size: int) -> re.Match[str] | None:
    """``pattern`` searched in the last ``size`` characters of ``text``: the patterns of
    the words right before a name, run on lowered text (several times faster than re.I
    on the hundreds of names of a story)."""
    tail = text[-size:]
    return pattern.search(tail, lowered(tail))


# A business sold by name to a named buyer: "is set to sell the social network Tumblr to
# Automattic" (goods sold go to a lower-case buyer or none: "sell Windows licences");
# deals.py reads the same words before a company as its sale
SOLD_BEFORE = re.compile(
    r"\b(?:sell|sells|selling|sold)\s+(?:(?:the|its|their)\s+)?"
    # "sell Mobile Legends developer Moonton": a description may hold a product's name
    # (or an acronym in it, and a comma after it: "sold its regional TV station, NBN, to")
    r"(?:(?:[A-Z][\w-]*\s+){1,2}[a-z][\w-]*\s+|(?:(?:[a-z][\w-]*|[A-Z]{2,4}),?\s+){0,4})$"
)
_TO_A_BUYER = re.compile(r",?\s+to\s+(?:[A-Z]|\d)")


def _business_sold(before: str, after: str) -> bool:
    tail = before[-60:]
    return (
        ("sel" in tail or "sold" in tail)
        and SOLD_BEFORE.search(tail) is not None
        and _TO_A_BUYER.match(after) is not None
    )


def _deal_before(before: str) -> bool:
    """A deal cue before the name: "agreed to acquire Halden", "led by Northzone, with
    participation from Tencent"."""
    low = lowered(before)
    if _DEAL_CUE.search(before, low) is None:
        return False
    # a match begins where a cue does: tried there only, not at every character
    return any(_DEAL_BEFORE.match(before, cue.start()) for cue in _DEAL_CUE.finditer(before, low))


# A lender or an insurer owned by its members is named like a club: "Nationwide Building
# Society", "Sacramento Savings & Loan Association", "Equitable Life Assurance Society"
_MUTUAL_FIRM = re.compile(
    r"\S \b(?:Building Society|Savings (?:(?:and|&) Loan )?Association"
    r"|(?:Assurance|Insurance) (?:Society|Association))$"
)
# A kind of company right before a name of common words: "insurer Royal London"
_KIND_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(KINDS_OF_COMPANY))})\s+$")


# Names of more words are rare ("Compagnie Générale des Établissements Michelin" has 5).
_LONGEST_NAME = 7


# Last words of public bodies, places and schools: not businesses.
_PUBLIC_BODIES = frozenset(
    """
    Administration Department Ministry Agency Commission Authority Council Court Region
    Province County Parliament Congress Senate Police University College School
    Government Bureau Directorate Tribunal Regulator Municipality Assembly Union
    Foundation Institute Museum Society Association Federation Charity Guild Teamsters
    Brotherhood Workers Steelworkers Treasury
    """.split()  # noqa: SIM905 - a word list reads best as words
)


_CIVIC_NOUNS = ("group", "organi", "coalition", "network")


# The rest of a public body's name, cut off at its "of": "Ministry of (Commerce)",
# "Federation of Karnataka Chambers of (Commerce)".
_BODY_OF_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(_PUBLIC_BODIES | {'Chamber', 'Chambers'}))}) (?:of|for) (?:the )?$"
)


# The rest of a project's name: "Misima Gold (and Silver Project)"
_PROJECT_AFTER = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w-]*\s+){0,3}Projects?\b")
_BODY_AFTER_AND = re.compile(
    rf"\s+(?:and|&)\s+(?:[A-Z][\w-]*\s+){{0,3}}(?:{'|'.join(sorted(_PUBLIC_BODIES))})\b"
)


# A minister's or a secretary of state's title after the portfolio: "Interior
# Secretary", "Trade Minister" (a company's officers are not titled so)
_PORTFOLIO_AFTER = re.compile(r" (?:Secretary|Minister|Ministry|Department)\b(?! of\b)")

# Campaigners named by what they are: "advocacy group Center for Science in the
# Public Interest", "activist group Fight for $15" are no business.
_CIVIC_GROUP_BEFORE = re.compile(
    r"\b(?:advocacy|activist|lobby|lobbying|campaign|campaigning|pressure|consumer"
    r"|environmental|rights|watchdog|protest|civic|community) (?:group|organi[sz]ation"
    r"|coalition|network) (?:the )?$",
    re.I,
)


# A company's organs and papers, named "… of" the company: not a company themselves.
_PARTS_OF_A_COMPANY = frozenset(
    "Board Committee Statement Statements Meeting Report Directors".split()  # noqa: SIM905
)


# What the news calls a whole industry: "scrutiny of Big Tech"
_INDUSTRY_NICKNAMES = frozenset(
    {"Big Tech", "Big Pharma", "Big Oil", "Big Tobacco", "Big Food", "Big Four", "Big Three"}
)
# A person's title cut off by the end of a capitalised run: "Senior Vice (President)"
_TITLE_WORDS = frozenset(
    """
    Vice Senior Secty Secretary Officer Chairman Chairwoman Director Manager Member Members
    Founder Co-founder Co-Founder Cofounder President CEO CFO CTO COO Co-Head Co-head Head
    Co-Chair Co-CEO
    """.split()  # noqa: SIM905
)


# Titles of public office and address a person's name starts with (not "Prince" or
# "King": Prince Hotels, King Digital Entertainment)
_OFFICE_TITLES = frozenset(
    """
    Governor Senator Minister Mayor Attorney Sheikh Chancellor Congressman Congresswoman
    Commissioner Ambassador Mr Mrs Ms Dr
    """.split()  # noqa: SIM905
)


# "No." and a number after it: a rank or a count ("No. 2 rival Hasbro", "No.3")
_NUMBER_SIGN_AFTER = re.compile(r"\.?\s?\d")


NOT_A_COMPANY = ""  # what judge says of a phrase that no evidence can make a company


def _a_country(phrase: str) -> bool:
    """A country's name, or its people's made by adding "n" ("Kenyan", "Papua New
    Guinean")."""
    return phrase in countries() or (phrase.endswith("n") and phrase[:-1] in countries())


# "Writers Guild of America (WGA)", "United Steelworkers Union (USWU)": a public body's
# or a union's name, then its initials in brackets
_DEFINED_INITIALS = re.compile(
    r"((?:[A-Z][\w&'-]*[ \t]+(?:(?:of|for|and|&)[ \t]+(?:the[ \t]+)?)?){1,7})\(([A-Z]{2,6})\)"
)


def _letters_within(capitals: str, initials: str) -> bool:
    """ "USA" of "United Steelworkers of America" within "USWA": initials that also take
    a letter from inside a word, the first letters all there in order."""
    if not capitals or initials[:1] != capitals[:1]:
        return False
    rest = iter(initials)
    return all(letter in rest for letter in capitals)


def public_initials(sentences: list[str]) -> frozenset[str]:
    """The initials an article defines for a public body or a union: not a company
    wherever the article writes them."""
    out = set()
    for sentence in sentences:
        if "(" not in sentence:
            continue
        for m in _DEFINED_INITIALS.finditer(sentence):
            words = m.group(1).split()
            if words[0] == "The" and len(words) > 1:
                words = words[1:]  # "The United Steelworkers of America (USWA)"
            # the body's noun: before "of" or "for" ("State Administration for Market
            # Regulation (SAMR)"), else the last word
            joint = next((i for i, w in enumerate(words) if i and w in ("of", "for")), None)
            head = words[joint - 1] if joint else words[-1]
            capitals = "".join(w[0] for w in words if w[:1].isupper())
            if head in _PUBLIC_BODIES and (
                m.group(2) in (capitals, capitals[-len(m.group(2)) :])
                or _letters_within(capitals, m.group(2))
            ):
                out.add(m.group(2))
    return frozenset(out)


def judge(
    sentence: str,
    start: int,
    end: int,
    phrase: str,
    outlet: str | None,
    people: frozenset[str] = frozenset(),
) -> str | None:
    """The evidence that the phrase names a company (a key of CONFIDENCE); None when
    there is none; NOT_A_COMPANY when the phrase here is something else: a number, a
    person, a place, a product, an outlet, a public body."""
    tokens = phrase.split()
    if len(tokens) > _LONGEST_NAME:
        return NOT_A_COMPANY  # a page's menu or a headline in title case, not a name
    if phrase in _INDUSTRY_NICKNAMES:
        return NOT_A_COMPANY  # "scrutiny of Big Tech": an industry, not one company
    if (tokens[-1] in _PUBLIC_BODIES and not _MUTUAL_FIRM.search(phrase)) or tokens[
        -1
    ] in _TITLE_WORDS:
        return NOT_A_COMPANY  # "Trump Administration", "Executive Vice": not a business
    if "trademark" in sentence and "trademark" in sentence[end:] and not designated(tokens):
        return (
            NOT_A_COMPANY  # "LogicLibrary and Logidex are trademarks of LogicLibrary, Inc.": brands
        )
    if (
        not FUNCTIONS.isdisjoint(tokens)
        # "Sales Technologies Inc.": a trade word and a legal form name a company (not
        # "Management Sdn Bhd", the end of "i-VCAP Management Sdn Bhd")
        and not (
            tokens[-1] in LEGAL and any(t in DESCRIPTIVE and t not in FUNCTIONS for t in tokens)
        )
        and all(t in FUNCTIONS or t in DESCRIPTIVE or t in LEGAL or t == "&" for t in tokens)
    ):
        return NOT_A_COMPANY  # "Worldwide Sales", "Human Resources", "Corporate Communications"
    if len(tokens) > 1 and tokens[0] in _OFFICE_TITLES and tokens[-1] not in LEGAL:
        return NOT_A_COMPANY  # "Governor Babajide Sanwo-Olu", "Attorney General Ellison"
    if "Central" in tokens and tokens[-1] == "Bank":
        return NOT_A_COMPANY  # "European Central Bank": a public body
    if "-" in phrase and any(t.endswith(("-style", "-like")) for t in tokens):
        return NOT_A_COMPANY  # "Netflix-style", "Uber-like": a manner, not a name
    if "of" in tokens and (
        tokens[tokens.index("of") - 1] in _PUBLIC_BODIES
        or tokens[tokens.index("of") - 1] in _PARTS_OF_A_COMPANY
        or tokens[0] in _TITLE_WORDS
    ):
        # "Chicago Department of Aviation", "President of Fantasy's", "Executive
        # Committee of Bayer", "Forward-Looking Statement of Merck"
        return NOT_A_COMPANY
    if tokens[-1] in ("Project", "Projects") or (
        sentence.startswith((" and ", " & "), end) and _PROJECT_AFTER.match(sentence, end)
    ):
        return NOT_A_COMPANY  # "the Misima Gold and Silver Project": a mine, not its owner
    if sentence.startswith((" and ", " & "), end) and _BODY_AFTER_AND.match(sentence, end):
        # "the U.S. Securities and Exchange Commission": the start of a public body's name
        return NOT_A_COMPANY
    # (the words right before the name tell whether either pattern can hold: most names
    # have neither, and the patterns' alternations are costly to try at each offset)
    near = sentence[max(0, start - 12) : start]
    if any(w in near.lower() for w in _CIVIC_NOUNS) and _CIVIC_GROUP_BEFORE.search(
        sentence, max(0, start - 40), start
    ):
        return NOT_A_COMPANY  # "advocacy group Center for Science …": campaigners
    if near.endswith(("of ", "for ", "the ")) and _BODY_OF_BEFORE.search(
        sentence, max(0, start - 40), start
    ):
        return NOT_A_COMPANY  # "China's Ministry of Commerce": a public body's name
    if near.endswith(("degrees ", "degree ")):
        return NOT_A_COMPANY  # "1,600 degrees Celsius": a scale
    if _PORTFOLIO_AFTER.match(sentence, end) and tokens[-1] not in LEGAL:
        return NOT_A_COMPANY  # "Interior Secretary Doug Burgum": a ministry's portfolio
    if len(tokens) == 1 and tokens[0].endswith("ly") and sentence[end : end + 1] == ",":
        return NOT_A_COMPANY  # "Subsequently, the company …": an adverb opening a clause
    if tokens[-1] in ("No", "Nos") and _NUMBER_SIGN_AFTER.match(sentence, end):
        return NOT_A_COMPANY  # "No. 2 rival Hasbro": a rank, not a name
    if NUMBER.match(tokens[0]) or not_a_name(tokens):
        return NOT_A_COMPANY  # "10 A320 aircraft", "14 startups": a count before a noun
    if sentence[end : end + 1] == ":" and not sentence[:start].strip():
        return NOT_A_COMPANY  # "Market Dynamics: Huawei and …": a label that opens a line
    if tokens[-1] not in LEGAL and (
        _STATE_AFTER.match(sentence, end)
        or (phrase in _STATE_NAMES and sentence[:start].rstrip().endswith(","))
    ):
        return NOT_A_COMPANY  # "Duluth, Ga., is …": a town and its state
    if _a_country(phrase):
        return NOT_A_COMPANY  # "Sri Lanka", "United Kingdom", "Papua New Guinean"
    place = _PLACE_AFTER.match(sentence, end)
    if place and place.group(1) in NOT_COMPANIES and tokens[-1] not in LEGAL:
        return NOT_A_COMPANY  # "Berkeley, California-based startup Bonsai": a city and its state
    if (
        all(
            t in NOT_COMPANIES
            or t in LEGAL
            or t in DESCRIPTIVE
            or t in LEADING_LEGAL
            or t in DEFINED_TERMS
            or len(t) == 1
            for t in tokens
        )
        and not (
            (_place_and_trade(tokens) and not sentence.startswith(" of ", end))
            # "Time Inc.", "Target Corp.": a word of a merger agreement's, with a legal form
            or (
                len(tokens) > 1
                and tokens[-1] in LEGAL
                and any(
                    t in DEFINED_TERMS
                    and t not in LEGAL
                    and t not in DESCRIPTIVE
                    and t not in _PARTY_WORDS
                    for t in tokens
                )
            )
            or (
                any(t not in LEGAL for t in tokens)
                and _TICKER_AFTER.match(sentence[end : end + 40])
            )
            # "London Stock Exchange said it agreed to buy": an exchange that acts, not
            # the venue shares trade on ("rose on the London Stock Exchange")
            or (
                len(tokens) > 2
                and tokens[-1] == "Exchange"
                and not _VENUE_BEFORE.search(sentence[max(0, start - 30) : start])
                and sentence[end : end + 1] not in (";", ")", ":")
            )
        )
        # "insurer Royal London": a kind of company names what follows
        and not _KIND_BEFORE.search(sentence, max(0, start - 20), start)
    ):
        return NOT_A_COMPANY  # "State Bank (of India)" is cut short
    if (
        phrase in OUTLETS
        or tokens[-1] in OUTLET_WORDS
        # the article's own outlet, when a publication; a company's newsroom names it
        # ("Ascom announces a partnership" on ascom.com)
        or (outlet and fold(phrase) == fold(outlet) and _publication(outlet))
    ):
        return NOT_A_COMPANY
    if len(tokens) > 1 and tokens[0] in OUTLETS and tokens[-1] not in LEGAL:
        return NOT_A_COMPANY  # "TechCrunch Mobility", "Bloomberg Intelligence": an outlet's own

    # the rules look at the words next to the name: bounded windows keep this linear
    before, after = sentence[max(0, start - 120) : start], sentence[end : end + 120]
    if "**" in sentence or "__" in sentence:
        # markdown's bold around a name is no word next to it: "chipmaker **Intersil**"
        before, after = _EMPHASIS.sub("", before), _EMPHASIS.sub("", after)
    if "[" in sentence:
        # nor are a link's marks: "Singapore's GIC is [acquiring](https://…) a stake"
        before, after = LINK_MARKS.sub("", before), LINK_MARKS.sub("", after)
    if after[:2] == "! " and after[2:3].islower():
        after = after[1:]  # a name's own mark: "Yahoo! has agreed to buy Tumblr"
    raw_after = after
    before = _drop_place_owner(before)  # "merge with Norway's Fjord Line"
    if after[:1] in ("'", "’"):
        after = _LEADING_POSSESSIVE.sub("", after)
    # (a mutual's "Building Society" says what a legal form says)
    is_designated = designated(tokens) or bool(_MUTUAL_FIRM.search(phrase))
    comma_form = _LEGAL_AFTER.match(raw_after)  # "Berkeley Lights, Inc. (Nasdaq: BLI)"
    if comma_form:
        is_designated = True
        raw_after = raw_after[comma_form.end() :]
    # "Apple Inc (NASDAQ: AAPL)", "Qualcomm QCOM.O"
    listed = _TICKER_AFTER.match(raw_after) is not None or _BARE_RIC.match(raw_after) is not None
    bought = _search_end(_BOUGHT_BEFORE, before, 40) is not None  # people are not bought
    # "insurance giant Ping An": a noun no person is called, right before the name
    # (but "the company Jobs co-founded": a surname of this text is its person's)
    firm = _search_end(_FIRM_BEFORE, before, 40) is not None
    if not (is_designated or listed or bought) and (
        (len(tokens) == 1 and tokens[0] in people)
        or (len(tokens) == 1 and tokens[0] in first_names(USUAL_NAME_SHARE) and not firm)
    ):
        # "Nadella": a first name alone, or a surname of this text; but "Sun will pay",
        # "France's Euronext": the company model weighs the rest of the article
        return None
    if not (is_designated or listed or bought or firm) and is_person(tokens):
        # "Satya Nadella" and "Sun Microsystems" both start with a given name: no evidence
        # either way here, the company model weighs the rest of the article
        return None
    # cheapest tests first: most phrases have none
    evidence = (
        (is_designated and "legal form")
        or (listed and "stock ticker")
        or (_registered(tokens, sentence[:start]) and "SEC registrant")
        or (_apposition(after) and not _CLAUSE_BEFORE.search(before) and "apposition")
        or (_COPULA.match(after) and "description")
        or (_deal_after(after) and "deal statement")
        or (_noun_before(before) and "organisation noun")
        or (_deal_before(before) and "deal statement")
        or (_business_sold(before, raw_after) and "deal statement")
        or (_business(before, raw_after) and "business context")
        or (_initials(tokens, raw_after) and "initials")
        or _in_cjk(before, raw_after)
    )
    person_after = _PERSON_AFTER.match(after) or _HIS_AFTER.match(after)
    title = _search_end(_PERSON_BEFORE, before, 60)
    if title and _BUSINESS_PARTNER.search(before[-40:]):
        title = None  # "our long-time partner Bolt Threads": a company in business with one
    if title or (  # a title is a few words
        person_after
        and not is_designated
        and not _KIND_BEFORE.search(before)  # "insurer Royal London said"
        # "Ambani, the Chairman of Reliance Group"; alone, "Ambani said" may be a company's
        and (len(tokens) in (2, 3) or (len(tokens) == 1 and after.startswith(",")))
    ):
        return NOT_A_COMPANY
    # "Huawei cloud" is a product; "Huawei's cloud services" are the company's
    product = _PRODUCT_AFTER.match(after) and raw_after[:1] not in ("'", "’")
    if product or (owner_before(before) and not is_designated):
        return NOT_A_COMPANY
    return evidence or None


# A Latin name in Chinese or Japanese text: a company's noun right after it, or a deal's
# word a few characters away ("以 9 亿美元收购 TradeDoubler", "AOL 收购")
_CJK_ORG_AFTER = re.compile(r"\s?(?:公司|集团|集團|股份|控股|银行|銀行|株式会社|社\b)")
_CJK_NEAR = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_CJK_DEAL = re.compile(r"收购|收購|并购|併購|入股|注资|合并|合併|合资|合資|买下|買収|出資|提携")


_VENUE_BEFORE = re.compile(
    r"(?:\b(?:on|at|in|of|onto|from|listed|list|listing|traded|trades|trading|quoted)\s+"
    r"(?:the\s+)?|[(,]\s*)$",
    re.I,
)


# What an agreement calls its parties: "(Shenzhen) Company Limited", "Merger Sub Inc."
_PARTY_WORDS = frozenset(
    """
    Company Corporation Parent Purchaser Buyer Seller Sub Merger Acquirer Offeror Issuer
    Borrower Lender Guarantor
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _in_cjk(before: str, after: str) -> str | None:
    """Evidence for a Latin name written in Chinese or Japanese text."""
    near = before[-3:] + after[:3]
    if near.isascii() or not _CJK_NEAR.search(near):
        return None  # cheapest test first: most names stand in Latin text
    if _CJK_ORG_AFTER.match(after):
        return "organisation noun"  # "TradeDoubler 公司"
    if _CJK_DEAL.search(before[-16:] + " " + after[:12]):
        return "deal statement"
    return None


_FIRM_BEFORE = Caseless(
    r"\b(?:company|firm|giant|group|insurer|bank|lender|conglomerate|carmaker|automaker|"
    r"chipmaker|startup|start-up|retailer|manufacturer|operator|subsidiary|brokerage)\s+$"
)


# How sure each kind of evidence makes a draft company: the share of the companies each
# rule drafted that were right over the 380 annotated real articles of benchmarks/realnews
# (rules of c435bb8), to the nearest 0.05: a ticker or an organisation noun is rarely
# wrong; a pair of initials often is. (In English the company model's probability is
# recorded instead.)
CONFIDENCE = {
    "stock ticker": 0.95,  # 26 right, 1 wrong
    "organisation noun": 0.95,  # 115 right, 5 wrong
    "legal form": 0.9,  # 616 right, 60 wrong
    "SEC registrant": 0.85,  # 150 right, 23 wrong
    "deal statement": 0.85,  # 121 right, 21 wrong
    "apposition": 0.85,  # 36 right, 7 wrong
    "business context": 0.8,  # 86 right, 22 wrong
    "description": 0.65,  # 4 right, 2 wrong
    "initials": 0.35,  # 2 right, 4 wrong
}


_EMPHASIS = re.compile(r"\*\*|__")


# A legal form set off by a comma, which the capitalised run stops before.
_LEGAL_AFTER = re.compile(
    # (not a person's title: "Helal Tariq Lootah, Co-Founder of Lune")
    r",\s*(?:Inc|Corp|Ltd|LLC|L\.L\.C|plc|PLC|Co|Limited|Corporation|LLP|L\.P|S\.A|N\.V)\b(?!-)\.?"
)


_TICKER_AFTER = re.compile(
    r"^(?:['’]s)?,?\s*[(\[](?:NYSE|NASDAQ|Nasdaq|AMEX|NYSE American|NYSE Arca|LSE|TSX|TSXV|"
    r"TSX-V|ASX|HKEX|SEHK|HK|OTC\w*|TYO|TSE|SSE|SZSE|BSE|NSE|Euronext|XETRA|FWB|SIX|KRX|"
    r"KOSDAQ|TWSE|SGX|JSE|CSE|AIM|OMX)[\s:]+[A-Z0-9][\w.\-]*(?:[)\];,]|\s+-\s)"
    # a Reuters instrument code: "Apple Inc (AAPL.O)", "Tech Mahindra ( TEML.BO )"
    r"|^(?:['’]s)?\s*\(\s?[A-Z0-9]{1,7}\.[A-Z]{1,3}\s?\)",
    re.I,
)


# A Reuters instrument code whose brackets a republished copy lost: "Qualcomm QCOM.O on"
# (not "U.S." or "U.K.": "Blaming U.S. companies …" names no listed company)
_BARE_RIC = re.compile(r"^\s+(?![UE]\.[SKNU]\.)[A-Z0-9]{1,7}[a-z]?\.[A-Z]{1,3}\b(?!\.\w)")


# How a stock moved: "rose", "last traded", "ticked down"
_STOCK_MOVES = (
    r"(?:rose|fell|jumped|climbed|slid|dropped|gained|lost|closed|surged|tumbled|soared|sank|"
    r"plunged|were|was|traded|popped|rallied|slumped|spiked|slipped|edged|ticked|advanced|"
    r"declined|added|shed|skidded|sagged|hit|touched|opened|ended|are|is)\b"
)


# What only a business has or does, next to its name: "Apple's shares", "shares of
# Gogo", "Kmart reported", "a spokesman for Oracle".
_BUSINESS_AFTER = re.compile(
    r"^['’]s?\s+(?:[\w-]+\s+){0,2}?(?:shares|stock|chief executive|CEO|CFO|chairman|"
    r"chairwoman|board|co-founder|founder|executives?|shareholders|stockholders|revenues?|"
    r"profits?|earnings|net income|sales|subsidiary|headquarters|market (?:value|share|"
    r"capitalisation|capitalization)|valuation|employees|spokes(?:man|woman|person)|"
    r"acquisition of|purchase of|takeover of|bid for|offer for|vice president|president|"
    r"users|customers|subscribers|devices|products|smartphones|stores|factories|plants|"
    r"cloud services|partnership|alliance|joint venture|merger|stake|"
    # "Google’s head of public policy", "Nuro's software", "Ascom’s clinical solutions"
    r"head of|chief [\w-]+ officer|general counsel|managing director|software|platform|"
    r"portfolio|solutions|services|business|operations|technology|patents?|workforce|"
    r"engineers|offices|website)\b"
    # "Coinbase shares last traded flat", "Bumble stock popped 2%"
    r"|^\s+(?:shares|stock)\s+(?:\w+\s+)?"
    + _STOCK_MOVES
    # "Deutsche Boerse shareholders will control 60%": people a company has
    + r"|^\s+(?:shareholders|stockholders|executives|employees|board of directors)\b"
    # a market roundup's item: "Virgin Orbit - The company's stock tumbled 19%",
    # "Frontline The shipping stock surged" (the heading's dash lost)
    + r"|^\s*[-–—:]?\s*The\s+(?:[\w-]+\s+){0,2}?(?:company['’]s\s+)?(?:stock|shares)\s+"
    r"(?:\w+\s+)?"
    + _STOCK_MOVES
    # "KeyBanc upgraded the dating app stock": a broker's rating
    + r"|^\s+(?:upgraded|downgraded|initiated coverage (?:of|on))\s+(?:\S+\s+){0,5}?"
    r"(?:stock|shares|to\s+(?:buy|sell|hold|overweight|underweight|outperform|underperform|"
    r"neutral|equal[- ]weight|market perform))\b"
    # "Zoom CEO Eric Yuan", "Microsoft chief executive Satya Nadella"
    r"|^\s+(?:CEO|CFO|COO|CTO|chief executive|chairman|chairwoman|president|founder|"
    r"co-founder|spokes(?:man|woman|person))\s+[A-Z][a-z]+\s+[A-Z]"
    # "Ping An said its move …", "Maybank said in its research note": an organisation's
    # voice (a person says "he"; a ministry is seldom a capitalised bare name)
    r"|^\s+(?:said|says|announced|confirmed|noted)\s+(?:on\s+\w+\s+|late\s+\w+\s+|today\s+)?"
    r"(?:that\s+)?(?:it|its)\s"
    r"|^\s+(?:said|says)\s+in\s+(?:a|its|an)\s+(?:\w+\s+)?(?:statement|filing|release|note)"
    r"|^,?\s+(?:(?:has|have|had)\s+)?(?:reported|posted|unveiled|launched|hired|appointed|sued|"
    r"settled|acquired|reports|posts|unveils|launches|hires|appoints|sues|settles|"
    r"bought|raised|invested|agreed|shipped|manufactures|operates|owns|employs|"
    r"files? for bankruptcy|filed for bankruptcy)\b",
    re.I,
)


_BUSINESS_BEFORE = Caseless(
    r"(?:\bshares (?:of|in)|\bstake in|\bunit of|\bsubsidiary of|\bdivision of|"
    r"\bspokes(?:man|woman|person) (?:for|at)|\b(?:CEO|chief executive|chief financial officer|"
    r"president|founder|co-founder|chairman|executives?|analysts?|employees?|shareholders|"
    r"customers) (?:of|at)|\brivals?|\bcompetitors?|\bsued|\bsuing|\bsues|\blawsuit against|"
    r"\bowned by|\bparent|\bworked at|\bworks at|"
    # "Retail sales at Morrisons", "Head of Platform Solutions for Ascom"
    r"\b(?:sales|revenues?|profits?|earnings|staff|workers|engineers) at|"
    r"\bhead of (?:[\w-]+ ){1,3}(?:at|for)|"
    # "COO of Chocolatey", "Director of Product Management at Elastic", "joined Chocolatey"
    r"\b(?:CEO|CFO|CTO|COO|chief [\w-]+ officer|managing director|vice president) (?:of|at)|"
    r"\b(?:director|engineer|partner|manager)(?: of (?:[\w&-]+ ){0,2}[\w&-]+)? at|"
    r"\bteam at|\bjoin(?:ed|s|ing))"
    r"\s+(?:the\s+)?$"
)


_DIRECTIONS = frozenset(
    """
    North South East West Northern Southern Eastern Western Central Far Middle Upper Lower
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _place_and_trade(tokens: list[str]) -> bool:
    """A place followed by a trade or a legal form is how many companies are named:
    "American Airlines", "Boston Dynamics", "Georgia Gulf Corp.", "Time Inc." (evidence is
    still needed)."""
    if len(tokens) == 2 and tokens[1] in _DIRECTIONS and tokens[0] not in _DIRECTIONS:
        # "China Eastern", "China Southern": a region puts its direction first
        return tokens[0] in NOT_COMPANIES and tokens[0][:1].isupper()
    return (
        len(tokens) >= 2
        and (tokens[-1] in DESCRIPTIVE or tokens[-1] in LEGAL)  # "Georgia Gulf Corp."
        and tokens[-1] != "Exchange"  # "New York Stock Exchange": a venue, in the news
        and tokens[0] in NOT_COMPANIES
        and tokens[0][:1].isupper()
        and all(t in NOT_COMPANIES or t in DESCRIPTIVE or t in LEGAL for t in tokens)
    )


def _registered(tokens: list[str], before: str) -> bool:
    """A name of an SEC registrant ("Apple", "Goldman Sachs"), written in capitals where a
    sentence does not begin: at the start, "Target" or "Gap" may be a word."""
    if len(tokens) == 1 and (
        not before.strip(' "“‘(') or tokens[0] in first_names(USUAL_NAME_SHARE)
    ):
        return False
    return _registrant(" ".join(tokens))


@lru_cache(maxsize=4096)  # a story names its companies again and again
def _registrant(phrase: str) -> bool:
    name = fold(" ".join(usual_name(phrase).split()).removesuffix(".com"))
    # "Wal-Mart" is "Walmart", "Coca-Cola" is "Coca Cola"
    return name in registrants() or compact(name) in compact_registrants()


def _publication(outlet: str) -> bool:
    """Whether an article's outlet is a publication (a wire, a known news site, a name
    with a newspaper's word) rather than a company publishing its own news."""
    return (
        outlet in OUTLETS
        or is_publication(outlet)
        or any(word in OUTLET_WORDS for word in outlet.split())
    )


def _business(before: str, after: str) -> bool:
    return bool(_BUSINESS_AFTER.match(after) or _search_end(_BUSINESS_BEFORE, before, 60))


# A name that ends an opening phrase: its comma closes the phrase and opens no
# apposition ("According to Musk, the social media company needs to go private")
_CLAUSE_BEFORE = re.compile(
    r"\baccording to\s*$|^\W*(?:for|unlike|like|besides|beyond|despite)\s+$", re.I
)


def _apposition(after: str) -> bool:
    """ "Kestrel, a Munich startup": the pattern begins with a comma or a bracket."""
    if after.lstrip()[:1] not in (",", "("):
        # "Huawei and Tencent, two Chinese tech giants": the plural speaks of both
        return after[:1].isspace() and _BOTH_DESCRIBED.match(after) is not None
    return _APPOSITION.match(after) is not None


_BOTH_DESCRIBED = re.compile(
    rf"\s+(?:and|&)\s+(?:{TOKEN})(?:\s+(?:{TOKEN})){{0,3}},\s+(?:the\s+)?"
    rf"(?:two|three|four|both)\s+(?:[\w/-]+\s+){{0,4}}?(?:(?:{ORG_NOUNS})s|companies"
    r"|utilities)\b"
)


# Each alternative of _DEAL_AFTER begins with spaces and then one of these words.
_DEAL_AFTER_FIRST = (
    "has", "have", "had", "will", "would", "is", "was", "agreed", "plans", "said",
    "acquire", "buy", "purchase", "invest", "merge", "take", "bought", "acquired",
    "invested", "raised", "signed", "led", "completed", "announced", "formed", "set",
    "struck", "scrapped", "called", "abandoned", "terminated", "are", "were",
    "partner", "teamed", "teaming", "joined", "joining", "collaborat", "cooperat",
    "working", "in ", "enter", "announced", "today", "buys", "acquires", "invests", "confirmed",
    "merges", "purchases", "takes", "raises", "signs", "leads", "snap", "sell", "sold",
)  # fmt: skip


def _deal_after(after: str) -> bool:
    """ "… agreed to acquire", "… and Beacon Air completed their merger", "Xiaomi and
    Microsoft are partnering"."""
    if not after[:1].isspace():
        return False
    both = _AND_NAME.match(after)
    if both:
        after = after[both.end() :]
    head = lowered(after.lstrip()[:12])  # None for letters that fold apart: then look
    if (
        head is not None
        and not head.startswith(_DEAL_AFTER_FIRST)
        and not head.split(" ", 1)[0].endswith("ly")  # "quietly acquired"
    ):
        return False
    return _DEAL_AFTER.match(after) is not None
