"""Deal statements: a sentence naming two or more companies with a deal cue.

Strong cues (acquire, stake, joint venture, memorandum of understanding, licence,
"signed a deal") count wherever the companies stand in the sentence; weak cues
(partnership, alliance, collaboration) only when the companies are joined in the
text ("Huawei and Xiaomi’s partnership", "an alliance with Kestrel"). Sentences of one
article about the same parties and the same time are one deal; a deal dated in a
year before the article is recorded as that older deal ("background").
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from ..dates import PartialDate
from .clues import BUSINESS_SOLD_TO, SOLD_BEFORE
from .figures import areas, value
from .lexicon import DESCRIPTIVE, LEGAL, NOT_COMPANIES
from .names import POSSESSIVE
from .status import TAKEN_PRIVATE, rejected, status_of
from .text import LINK_MARKS, Caseless, lowered, without_urls
from .textdates import find_dates
from .types import CEILING, DealFinding, Mention

# "under pressure to sell itself to address weak returns": "to" before an aim, not a buyer
_NOT_AN_AIM = (
    r"(?! (?:address|raise|fund|pay|help|focus|avoid|reduce|cut|boost|improve|meet|get|make"
    r"|become|be|keep|stay|survive|repay|settle|unlock|create|maximi[sz]e|shore|strengthen)\b)"
)

# Most specific kind first: a sentence with "acquire" and "partnership" is an acquisition.
KIND_ORDER = (
    "merger",
    "acquisition",
    "joint-venture",
    "investment",
    "licensing",
    "mou",
    "partnership",
)
_STRONG = {
    # (a SPAC is a way to list shares: "went public via special purpose acquisition merger")
    "merger": r"\b(?<!special purpose acquisition )merg(?:e|es|ed|er|ers|ing)\b"
    # "agreed to combine its television content business with Univision" (not "combined
    # its assets with Shell under a new joint venture")
    r"|(?:\bcombin(?:e|es|ed|ing) (?:its|their) (?:[\w-]+ ){0,4}?(?:business(?:es)?|operations"
    r"|units?|divisions?|assets) with\b|\b(?:agreed|agree|agrees|plan|plans|planned) to combine\b)"
    r"(?![^.;]*\b(?:joint[- ]venture|JV)\b)",
    # a share buy-back is no purchase of a company
    "acquisition": r"\b(?:acquir(?:e|es|ed|ing)|(?<!special purpose )acquisitions?"
    r"|buy(?:s|ing)?(?![- ]backs?\b)|bought"
    # (a power purchase agreement buys electricity, not a company)
    r"|(?<!power )purchas(?:e|es|ed|ing)|snap(?:s|ped|ping)? up|snatch(?:es|ed|ing)? up"
    r"|scoop(?:s|ed|ing)? up|gobbl(?:e|es|ed|ing) up|\bnab(?:s|bed|bing)?\b"
    # (not a post taken up: "took over as auditor to BCCI")
    r"|takeover|(?:take|takes|taking|taken|took) over(?! as\b)|buyout|bid for"
    r"|(?<!the )bidding for"
    # "a second-round bid of around $3 billion for Yahoo's internet business"
    r"|(?:bid|offer) (?:of|worth|valued at) (?:about |around |roughly |some )?"
    r"[^\w\s]?\d[^.;]{0,30}? for"
    # "Google paid £400m ($650m) for DeepMind": a price paid for a company
    # (or the FT's spelt-out currency with a conversion: "is paying Dollars 77m, or Pounds
    # 44.9m, for MD Pharmaceutical")
    r"|pa(?:id|ys|y|ying) (?:out )?(?:about |around |roughly |nearly |some |an estimated |over "
    r"|more than |almost |close to |less than |under |just over |just under |well over )?"
    r"(?:[^\w\s]|(?:US|A|C|HK|NZ)?(?:Dollars|Pounds|Euros?|Yen|DM|Ffr|SFr) ?)?\d"
    r"[\d.,]* ?(?:[mb]n|million|billion|m|bn)? ?(?:\([^)]{0,20}\) |, or [^,;]{1,20}, )?"
    # "will pay $110 million in cash for all outstanding equity interests in LastPass"
    r"(?:in (?:cash|stock|cash and stock|shares) )?for"
    # "has rejected an improved offer from Anheuser-Busch InBev" (not goods "on offer")
    r"|(?<!on )(?:offer|bid) from"
    # "Premier has offered 70 cents per share for Discovery"
    r"|(?:offered|offers|offering) (?:about |around |some |nearly )?[^\w\s]?\d[^.;]{0,40}? for"
    # selling a business, not goods: "sell its metering unit to", not "sell nickel to"
    r"|offers? for|sell(?:s|ing)? "
    + BUSINESS_SOLD_TO
    + r"|sold "
    + BUSINESS_SOLD_TO
    + r"|sale (?:of|to)"
    # "IBM sold to Lenovo its server business", "Hear was sold in 1992 to CML Group"
    r"|sold to|sold off|sell(?:s|ing)? off|sold itself to|sell(?:s|ing)? itself to"
    + _NOT_AN_AIM
    + r"|(?<=was )sold|(?<=were )sold|(?<=been )sold|(?<=being )sold"
    # a buyout: "Bain will take the software developer private", "took Arm private for"
    rf"|(?:take|takes|taking|taken|took) {TAKEN_PRIVATE}"
    r"(?=[.,;:)]|$| (?:in|for|at|through|via|with|by|and|after|from|last|this|next)\b))\b",
    "joint-venture": r"\bjoint[- ]venture\b|\bJV\b|\bventures? between\b"
    # "gave up on a joint EV project with Sony"
    r"|\bjoint (?:[\w-]+ ){0,2}?(?:project|company|business|undertaking) (?:with|between)\b",
    "mou": r"memorandum of understanding|\bMoUs?\b|letter of intent|framework agreement",
    "licensing": r"\blicen[cs]\w*|\broyalt\w*|intellectual property|\bIP(?:-sharing| sharing)? "
    r"agreement|cross-licens\w*|pre-install\w*|(?:gain|get|gets|gained) access to",
    # "the investment firm Zuiderzee Capital" is a kind of company, and "investment
    # banking", "its investment committee", "investment solutions" are what one does:
    # no deal
    "investment": r"\binvest(?:s|ed|ing|ment|ments)?\b"
    r"(?! (?:firm|arm|company|group|bank|house|manager|vehicle|fund|partnership"
    r"|institution|trust|banker|committee|board|advis[eo]r|solution|service|product"
    r"|strateg(?:y|ie)|professional|decision|opportunit(?:y|ie)|portfolio)s?\b"
    r"| (?:banking|management|advisory|grade|income)\b)"
    # (not a class of shares: "Nutrien's Series A shares in SQM")
    r"|\bstake\b|funding round|\bSeries [A-F]\b(?! (?:shares|stock|preferred|common)\b)"
    r"|\bround led by\b"
    r"|\bround (?:was|is|has been) led by\b|\bled (?:the|a|this|its) (?:[\w$.-]+ ){0,2}round\b"
    # "Iconiq Capital led Datadog's round"
    r"|\bled [\w.-]+[^\w\s]s (?:[\w$.-]+ ){0,2}round\b"
    r"|\b(?:financing|funding) (?:comes|came) from\b|\b(?:gets|got|was|is|been|being) funded by\b"
    # "Orland Ventures has funded Lenvar", "which also funded Kestrel"
    r"|\b(?:has|have|had|which|who|also) (?:also )?(?:funded|co-funded)\b(?! by)"
    # "has received $25 million in funding from Eight Roads Ventures"
    r"|\b(?:funding|financing|investment|backing) from\b"
    # "raised $1.3bn in funding led by Microsoft", "raised $30 million from Toba Capital"
    # "raised $5.2 million in seed funding, led by Uncork Capital"
    r"|\b(?:funding|financing|investment|round),? (?:co-)?led by\b"
    # "Tumblr has gotten 4.5 million from Union Square Ventures"
    r"|\b(?:rais(?:e|ed|es|ing)|secur(?:e|ed|es|ing)|gotten|received) (?:an? )?(?:about |around "
    r"|roughly |nearly |some |over |more than |almost |close to |another |an additional )?"
    r"[^\w\s]?\d[\w.,]*(?: (?:million|billion|mn|bn|m))?"
    # "raised $500 million in new cash from investors including Cisco"
    r"(?: in (?:[\w-]+ ){0,2}?(?:cash|funding|financing|capital|equity|investment|money))? from\b"
    r"|\bpursu(?:it|ing|es|e) of\b|\bclosely pursuing\b|\bpursuing\b"
    # "opted to become a cornerstone investor in Magmatic"
    r"|\b(?:become|becomes|became|becoming|as) (?:a|an|the) (?:[\w-]+ ){0,2}?"
    r"(?:investor|shareholder) in\b"
    # "became Seplat's largest shareholder"
    r"|\b(?:become|becomes|became|becoming) (?:[\w.&-]+ ){0,3}?[\w.&-]+['\u2019]s "
    r"(?:[\w-]+ ){0,2}?(?:investor|shareholder)\b"
    # money put into a company: "Expedia put $350 million into booking platform Traveloka",
    # "poured another $2 billion into"
    r"|\b(?:put|puts|putting|pour(?:s|ed|ing)?|pump(?:s|ed|ing)?|inject(?:s|ed|ing)?"
    r"|plough(?:s|ed)?|plow(?:s|ed)?|sank|sunk) (?:an? |an additional |another |a further )?"
    r"(?:about |around |roughly |nearly |some |more than |over )?(?:(?:[A-Z]{1,3})?[^\w\s,.]"
    r"\s?\d[\w.,]*(?: (?:million|billion|mn|bn|crore))?|\d[\d.,]* (?:million|billion|crore)"
    r"(?: \w+)?) into\b",
    # a contract or a supply deal is an order, not a partnership
    "partnership": r"\bsign(?:ed|s)? (?:a|an) (?:[\w$.,-]+ ){0,3}(?:deal|agreement|pact|partnership"
    r"|alliance)\b"
    # "Komatsu will work with Nvidia": a commitment to one named company
    r"|(?:(?<=\bwill )|(?<=\bto )|(?<=\bagreed to )|(?<=\bplans to ))"
    r"(?:work|partner|team up|collaborate|cooperate) with\b"
    # (not the verb: "needs fresh management to deal with scandals")
    r"|\b(?:(?<!\bto )(?<!\bwill )(?<!\bmust )(?<!\bcan )(?<!\bcould )(?<!\bwould )"
    r"(?<!\bshould )deal|agreement|pact) (?:to|with|between)\b|\bteam(?:ed|s|ing)? up\b"
    r"|\btie-ups?\b|\ball(?:ied|ies|ying) with\b"
    # "in partnership with French game publisher Asmodee", "formed as a partnership between
    # ASEA and BBC", "in collaboration with leading automobile maker Geely"
    r"|\bin (?:a |close |strategic )?(?:partnership|collaboration|alliance|cooperation) with\b"
    # "WooCommerce picks Paystack as Africa's preferred payment partner"
    r"|\bas (?:its|their|an?|the|[\w-]+(?:'|\u2019)s) (?:[\w-]+ ){0,3}?partner\b"
    r"(?! (?:of|to|in|at)\b)"
    # "Uber last month announced a partnership with Cruise", "its new alliance with"
    r"|\b(?:a|an|its|their|the) (?:[\w-]+ ){0,2}?(?:partnership|collaboration|alliance) with\b"
    r"|\b(?:partnership|alliance|collaboration|cooperation) between\b"
    # "agreed to jointly develop personal computers with Intel", "are codeveloping a test"
    r"|\bjointly (?:develop|build|design|produce|market|make|operate)\w*\b|\bco-?develop\w*\b"
    r"|\bstrategic (?:partnership|alliance|cooperation)\b"
    # "the two companies will work together on chips": both are named before
    r"|\b(?:the two|both) (?:companies|firms|groups|sides) (?:will |would |plan to |"
    r"(?:have |has )?agreed to )?(?:work together|cooperate|collaborate)\b",
}
_WEAK = Caseless(
    r"\bpartner(?:s|ed|ing|ship|ships)?\b|\balliance\b|\bcollaborat\w*|\bcooperat\w*"
    r"|\bjoin(?:ed|s|ing)? (?:forces|together)\b|\bwork(?:s|ed|ing)? together\b"
    # "Qualcomm announced it was working with Niantic"
    r"|\b(?:is|are|was|were|been) working with\b"
    # 合作 携手 联手 聯手 提携: Chinese and Japanese for working together
    r"|\u5408\u4f5c|\u643a\u624b|\u8054\u624b|\u806f\u624b|\u63d0\u643a",
    ("partner", "alliance", "collaborat", "cooperat", "forces", "together", "working with",
     "合作", "携手", "联手", "聯手", "提携"),
)  # fmt: skip
# For each kind, words of which every match of its pattern holds one: most sentences
# hold none, and a substring test is much cheaper than the pattern's scan.
_ANCHORS = {
    "merger": ("merg", "combin"),
    "acquisition": (
        "acqui", "buy", "bought", "purchas", "snap", "snatch", "scoop", "gobbl", "takeover",
        "take over", "took over", "takes over", "taking over", "taken over", "pa", "bid for",
        "bidding for", "offer for", "sell", "sold", "sale of", "sale to", "bid of", "offer of",
        "bid worth", "offer worth", "bid valued", "offer valued", "nab",
        "offer from", "bid from", "offered", "offers", "offering", "private",
    ),
    "joint-venture": ("joint", "jv", "venture"),
    "mou": ("memorandum", "mou", "letter of intent", "framework agreement"),
    # "IP agreement" holds "agreement"; "cross-licensing" holds "licen"
    "licensing": (
        "licen", "royalt", "intellectual property", "agreement", "pre-install", "access to",
    ),
    "investment": (
        "invest", "stake", "funding", "financing", "series ", "round", "pursu", "rais",
        "funded", " into", "shareholder", "secur", "gotten", "received", "backing",
    ),
    # "signed a … deal" and "supply deal" hold "deal" (or agreement, pact, contract)
    "partnership": (
        "deal", "agreement", "pact", "contract", "team", "tie-up", "strategic", "the two", "both ",
        "sign", " with", "between", "jointly", "develop", "partner",
    ),
}  # fmt: skip
# The same kinds in the languages of the reports a briefing gathers: Chinese and
# Japanese (no word boundaries), German, French, Spanish and Italian.
_ABROAD = {
    "merger": ("合并", "合併", "fusionn", "fusión", "fusiona", "fusione"),
    "acquisition": (
        "收购", "收購", "并购", "併購", "买下", "買収", "子会社化", "übernimmt", "übernahme",
        "übernehmen", "kauft", "rachète", "rachat", "adquiere", "adquisición", "adquirir",
        "acquisisce", "acquisizione", "rileva",
    ),
    "joint-venture": ("合资", "合資", "合弁", "coentreprise", "empresa conjunta"),
    "mou": ("谅解备忘录", "諒解備忘錄", "备忘录", "備忘錄", "覚書", "框架协议"),
    "licensing": ("授权协议", "许可协议", "ライセンス契約", "Lizenz", "licencia", "licenza"),
    "investment": (
        "入股", "注资", "領投", "领投", "出資", "beteiligt", "Beteiligung", "participación",
        "partecipazione",
    ),
    "partnership": (
        "战略合作", "合作协议", "合作協議", "签署", "簽署", "业务提携", "業務提携", "資本提携",
        "Partnerschaft", "Kooperation", "partenariat", "alianza", "acuerdo", "accordo",
    ),
}  # fmt: skip


def _escaped(word: str) -> str:
    """A word as an ASCII pattern (Caseless lowers ASCII patterns only)."""
    return "".join(c if c.isascii() else f"\\u{ord(c):04x}" for c in word.lower())


_STRONG_RE = {
    kind: Caseless(
        p + "|" + "|".join(_escaped(w) for w in _ABROAD[kind]),
        (*_ANCHORS[kind], *(w.lower() for w in _ABROAD[kind])),
    )
    for kind, p in _STRONG.items()
}
_JOINED = re.compile(r"^\s*(?:['’]s?)?\s*(?:and|&|with|-|–|—|,|,? and|和|与|與|及|と)\s*$")
_FULLER_NAME = re.compile(
    r"^(?:\s+(?:" + "|".join(re.escape(w) for w in sorted(LEGAL | DESCRIPTIVE)) + r")(?![\w&]))+"
)
_NOT_THIS_DEAL = Caseless(
    r"\b(?:their own|similar (?:deals?|partnerships?|alliances?|agreements?|tie-ups?"
    # (but "Kestrel made a similar move in February, buying Orland": its own deal)
    r"|moves?(?![^;]{0,40}?,\s+(?:buying|acquiring|purchasing|investing in)\b))"
    r"|no (?:plans?|intention) to"
    # an analyst's idea, not a deal: "a merger of the two would make sense on paper, …
    # but neither company has shown interest"
    r"|would make (?:sense|a good fit)|neither (?:company|side|firm|group) (?:has|have|is)"
    # a writer's guess: "Apple has thought about acquiring Adobe for years", "Apple's
    # would-be takeover"
    r"|(?:thought|thinking|thinks|think|dreamed|dreaming) (?:about|of) (?:acquiring|buying"
    r"|purchasing|merging|taking over)|would-be (?:takeover|acquisition|merger|purchase)"
    # "the only major label not to have reached an agreement with MP3.com"
    r"|\bnot to have (?:reached|signed|struck|agreed)\b"
    # a holding, not a deal: "already own a 9.9% stake", "owns 88% of Valhi" (not "will
    # own 40%": a deal's terms; a word after "%", where the pattern's word end holds)
    r"|already (?:owns?|holds?|has)"
    r"|(?<!will )(?<!would )(?<!to )(?:owns?|holds?|has|had) (?:an? )?\d[\d.]* ?"
    r"(?:%(?: \w+)?|per ?cent|pct)"
    r"|in turn owns"
    # "Yancoal, which is 13% owned by Noble Group, said …"
    r"|(?:is|are|was|were) (?:about |around |nearly |roughly |some )?\d[\d.]* ?(?:%|per ?cent"
    r"|pct) owned by"
    # a dispute or a lawsuit is not a deal: "sued former Joost CEO", "licensing dispute"
    # a price term, not a deal: "the wholesale acquisition cost of the drug"
    r"|(?:wholesale|customer|user) acquisition costs?"
    # (not "Alleghany Corp.")
    r"|sued|suing|sues|lawsuit|litigation|dispute|injunction|refused to pay"
    r"|alleg(?:e|es|ed|edly|ing|ations?)"
    # an order of goods: "an agreement to sell 500 railcar platforms to Trailer Train"
    r"|to (?:sell|supply|deliver|buy|order|purchase|procure|source) \d[\d,.]* "
    r"(?!%|per|pct|percent|shares)"
    # a supply contract: "a multi-year deal to sell cloud services to Chevron" (not "an
    # agreement to sell its metering unit to …", a sale of a business)
    r"|(?:deal|agreement|contract) to (?:sell|supply|provide|deliver) (?!(?:its|their|a|an|the) "
    r"(?:[\w-]+ ){0,5}?(?:business|unit|division|subsidiary|operations|assets|arm|stake"
    r"|company|brand)\b)"
    # shares bought, not a company: "investors who bought Home Depot, Lowe's, Target"
    r"|investors who (?:bought|buy)"
    # a fund's trade in a quarter's filing: "bought a new position in Altria during the
    # first quarter", "raised its stake in Altria by 6.7% during the 2nd quarter"
    r"|(?:bought|acquired|purchased|took) a new position in"
    r"|(?:stake|position|holdings?) in [^;]{0,80}?\b(?:during|in) the "
    r"(?:first|second|third|fourth|1st|2nd|3rd|4th) quarter"
    # an analyst's rating: "raised Altria from a "hold" rating to a "buy" rating",
    # "upgraded to buy", "an attractive buying opportunity"
    r"|\bbuy[\"\u201d\u2019'\\]{0,3} (?:rating|recommendation)"
    r"|upgraded (?:[\w.&-]+ ){0,4}?to (?:a )?[\"\u201c\u2018'\\]{0,2}(?:strong )?buy"
    r"|buying opportunit(?:y|ies)"
    # what would happen otherwise: "should its deal not go through and the company is
    # instead sold to Apollo", "if the bid fails"
    r"|should (?:the|its|their|this|that) (?:deal|merger|takeover|acquisition|bid|offer)"
    r"|if (?:the|its|their|this|that) (?:deal|merger|takeover|acquisition|bid|offer) "
    r"(?:fails|falls|collapses|is blocked|does not|doesn't)"
    # what never happened: "if only Yahoo had bought Google", "could have bought Tumblr"
    r"|if only|(?:could|should|might) have (?:bought|acquired|purchased|merged|invested)"
    # a writer's wish: "I'd buy Path and With", "I would buy Twitter and Square"
    r"|\b(?:i|we)(?:['\u2019]d| would) (?:buy|acquire|purchase|invest in|merge)"
    # people hired, not a company bought: "Microsoft scooped up its founders and various
    # key colleagues"
    r"|(?:scooped|snapped|picked) up (?:its|their) (?:co-?)?founders)\b",
    (
        "founders",
        "their own",
        "similar ",
        "no plan",
        "no intention",
        "would make",
        "neither ",
        "thought ",
        "thinking ",
        "think",
        "dream",
        "would-be ",
        "already",
        "own",
        "hold",
        "has ",
        "had ",
        "su",
        "lawsuit",
        "litigation",
        "dispute",
        "injunction",
        "alleg",
        "refused",
        "acquisition cost",
        "to sell",
        "to supply",
        "to deliver",
        "to buy",
        "to order",
        "to purchase",
        "to procure",
        "to source",
        "to provide",
        "investors who",
        "new position in",
        " quarter",
        "rating",
        "recommendation",
        "upgraded",
        "buying opportunit",
        "should ",
        "if ",
        "have ",
        "i'd ",
        "i\u2019d ",
        "i would ",
        "we'd ",
        "we\u2019d ",
        "we would ",
    ),
)
_GOODS = (
    r"(?:aircraft|jets?|planes|airplanes|airliners|engines|helicopters|drones|satellites"
    r"|chips?|chipsets?|processors?|phones?|smartphones?|handsets?|tablets?|laptops?|computers"
    r"|servers|cars|vehicles|trucks|locomotives|ships|vessels|turbines|equipment|gear"
    r"|components|parts)"
)
_GOODS_AFTER = re.compile(
    # a model's number may come first, a word describing the goods after it: "50 Airbus
    # Industrie A320 planes", "four new Airbus A310-300 long-range planes"; or the model
    # alone, plural: "23 Boeing 737s"
    r"(?:\s+[A-Z]*\d[\w-]*s\b|(?:\s+[A-Z]*\d[\w-]*)?(?:\s+(?:new|used|more|additional"
    r"|long-range|medium-range|short-range|wide-?body|narrow-?body|regional|commercial"
    r"|passenger|cargo|military|electric))?"
    rf"\s+{_GOODS}\b)"
)
_COMPARISON = Caseless(
    r"\b(?:such as|rivals? like|competitors? like|peers? like|including|unlike|like|than)\b"
)

_INVESTORS_INCLUDING = re.compile(
    r"\b(?:investors|backers|shareholders|participation from|participants)\b[^.;]{0,12}$"
)

# "made major acquisitions during that time, including Biovotion and …": the deals
# themselves, listed
_DEALS_INCLUDING = re.compile(
    r"\b(?:acquisitions|purchases|takeovers|investments|partnerships)\b[^.;]{0,30}$"
)

_BIDDERS_OWN = re.compile(
    r"['’]s?\s+(?:[\w$.-]+\s+){0,4}?(?:bids?|offers?|takeover bid|proposals?)\b"
)
_DEAL_INCLUDED = re.compile(
    r"\s+(?:the\s+|its\s+|a\s+)?(?:[\w$.-]+\s+){0,2}?(?:acquisitions?|purchases?|takeovers?"
    r"|buyouts?|mergers?|sale) (?:of|with)\b"
)

_PAST_VERB = Caseless(
    r"\b(?:signed|agreed|acquired|bought|formed|struck|invested|announced|launched|went|"
    r"took|merged|licensed|completed|set up)\b"
)
_YEARS_LATER = re.compile(
    r"\b(a|one|two|three|four|five) years? later\b|\bthe (next|following) year\b", re.I
)
# "It also invested in …", "In 2019 the company bought …": the company the last sentence
# began with. A short opening phrase may come first.
_OPENING = (
    r"(?:(?:And|But)\s+)?"
    r"(?:(?:In|in|By|Since|Earlier|Later|Last|Also|Separately)\b[^,.;]{0,25}?,?\s+"
    # "Just recently, it closed the acquisition of …", "However, it has …"
    r"|(?:Just|Recently|Meanwhile|Then|Now|Today|Yesterday|Previously|Subsequently"
    r"|However|Additionally|Moreover|Furthermore|Meantime)\b[^,.;]{0,25}?,?\s+"
    # "The following month it was bought by …", "A year later, the company …"
    r"|(?:The (?:following|next)|That|A|One|Two|Three|Four|Five) (?:day|week|month|year|"
    r"decade)s?(?: later| after)?,?\s+)?"
)
_SUBJECT_PRONOUN = re.compile(
    rf"^{_OPENING}(?:It|it|The company|the company|The group|the group|The firm|the firm)"
    r"\b(?!['’])"
    # "The online shopping giant is buying Youku Tudou": a description of the company, then
    # its verb (not "The retailer JD.com", which names one)
    rf"|^{_OPENING}[Tt]he (?:[a-z][\w-]* ){{0,3}}(?:giant|retailer|startup|start-up|bank|insurer"
    r"|carrier|airline|maker|conglomerate|operator|lender|chipmaker|automaker|carmaker|brewer"
    r"|miner|producer|manufacturer)(?= (?:is|was|has|had|will|would|said|says|agreed|agrees"
    r"|first|also|plans|offered|bought|acquired)\b)"
)
# the deal verb of a pronoun subject: "it (has since) purchased …"
_DOES_A_DEAL = re.compile(
    r"\s+(?:[a-z]+\s+){0,3}?(?:acquired|bought|purchased|took over|invested in|merged with"
    r"|partnered with|agreed to (?:buy|acquire|purchase|invest in|merge with))\b"
)
# "Its $12.5 billion acquisition of Global Infrastructure Partners adds …": a deal of the
# company the pronoun stands for (only at the start: "The deal builds on its purchase
# of …" may follow a sentence about the target)
_ITS_DEAL = re.compile(
    rf"{_OPENING}Its (?:[\w$.,-]+ ){{0,4}}?(?:purchase|acquisition|takeover|buyout) of\b"
)


def _its_deal(sentence: str, mentions: list[Mention]) -> bool:
    """Whether the sentence opens with "its" purchase of a company it names."""
    found = _ITS_DEAL.match(sentence) if "Its " in sentence else None
    return found is not None and any(m.start >= found.end() and not m.possessed for m in mentions)


# "In June, Microsoft acquired Bonsai": the company a sentence begins with, after its
# opening phrase
_OPENING_PHRASE = re.compile(_OPENING)
# "Its owner, Brenner Capital, bought the company in 2019": the company bought is the one
# the last sentence began with.
_OBJECT_PRONOUN = Caseless(
    r"\b(?:bought|acquired|took over|purchased|buys|acquires|invested in|took a stake in)"
    r"\s+(?:the company|the firm|the business|the group|it)\b(?![\w'])(?!\u2019)",
    ("bought", "acquire", "took", "purchase", "buys", "invested"),
)
# The other party, named in the sentence after a deal statement that names one company:
# "… agreed to acquire a smaller rival. The target, Skagen Ferries, …"
_REFERENCE = re.compile(
    r"^(?:The|Its|Their) (?:target|partner|seller|acquirer|buyer)"
    r"(?: in the (?:venture|deal|joint venture|agreement))?,?\s+(?:is\s+)?$"
)
_REFERENCE_ROLE = {"buyer": "acquirer", "acquirer": "acquirer"}
# "Existing investor Norrsken Capital also took part in the round": a co-investor named
# in the sentence after the round.
# "… which invested in its previous round in 2024": an older round, not this one
_EARLIER_ROUND = Caseless(
    r"\b(?:previous|earlier|prior|last|first|seed|past)\b|\b(?:19|20)\d\d\b",
    ("previous", "earlier", "prior", "last", "first", "seed", "past", "19", "20"),
)
_JOINS_ROUND = Caseless(
    r"\b(?:also )?(?:took part|participated|joined|co-invested|chipped in|invested)"
    r"\b.{0,40}?\b(?:round|financing|funding|raise|investment)\b"
)
# "looking for a buyer since 2023": a duration, not the date of the deal
_SINCE = re.compile(r"\b(?:since|until|by|through)\s*$", re.I)
# "The company, founded in 2021, will receive royalties": when a party began, not the deal
_FOUNDED = re.compile(
    r"\b(?:founded|established|incorporated|created|started|spun (?:out|off)(?: of \S+)?)"
    r"\s+(?:in\s+)?$",
    re.I,
)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_PASSIVE_ACQ = Caseless(
    r"\b(?:acquired by|bought by|sold to|sell(?:s|ing)? "
    + BUSINESS_SOLD_TO
    + r"|sold "
    + BUSINESS_SOLD_TO
    + r"|taken over by|"
    r"purchased by|sale of|sold off|sell(?:s|ing)? off|(?:was|were|been|being) sold"
    # "After selling itself to Fox, MySpace …"
    r"|sold itself to|sell(?:s|ing)? itself to"
    + _NOT_AN_AIM
    # "the purchase of cataloger Fingerhut by Federated", "the acquisition of US Airways by UAL"
    + r"|(?:purchase|acquisition|takeover|buyout) of [^.;]{1,80}? by"
    # "agreed to a A$1.4 billion takeover bid by Westpac", "an offer from Orland"
    r"|(?:takeover|bid|offer|approach) (?:by|from)"
    # "which was bought late last year by Northern Telecom", "was acquired in 2019 by Uber"
    r"|(?:was|were|been|being) (?:acquired|bought|purchased|taken over) "
    r"(?:(?:[a-z]+|\d{4}),? ){1,4}?by)\b"
)
_BREAK_IN_GAP = re.compile(r"[,;()]| and | but ")
_NOUN_OF = re.compile(r"(?:purchases?|acquisitions?|takeovers?|buyouts?) of\b", re.I)
_OF_BY = re.compile(r"\b(?:purchase|acquisition|takeover|buyout) of [^;]{1,80}? by\b")
_RAISED = Caseless(
    r"\b(?:raised|raises|raising|raise|secured|secures|closed a|lands|landed|gotten|received)\b"
)
_FROM = re.compile(r"\b(?:from|access to|licensed by)\s+$", re.I)


@dataclass(frozen=True)
class _Hit:
    """One sentence's deal statement before sentences of the same deal are merged."""

    finding: DealFinding
    strong: bool
    explicit_status: str | None
    year: int | None  # background year
    generic: bool = False  # "a deal with", "the agreement": says a deal, not which kind
    headline: bool = False  # the article's headline: the body's own words quote it better
    dated: bool = False  # the sentence gives the date ("announced Tuesday"), not the article


def find_deals(
    sentences: list[tuple[str, list[Mention]]],
    published: PartialDate | None,
    headline: bool = False,
) -> list[DealFinding]:
    """Deals stated in an article's sentences (each with its company mentions).
    ``headline``: the first sentence is the headline, whose words ("to acquire") say
    what the deal is but not how far it got: its status yields to the body's."""
    hits: list[_Hit] = []
    last_year: int | None = None
    previous_subject: Mention | None = None
    one_party: tuple[str, Mention, int | None] | None = None
    last_hit = -2  # index of the sentence of the last deal statement
    seen_count: dict[str, int] = {}  # how often each company was named so far
    for index, (sentence, mentions) in enumerate(sentences):
        # the year of the sentence: its first absolute date that is not a duration or a
        # founding ("since 2023", "founded in 2021"); relative dates are looked for only
        # for a deal's own date (_date)
        dates = (
            d
            for d in find_dates(sentence, published, with_relative=False)
            if not d.relative
            # "since 2023" is matched from "since": look at the match's first word too
            and not _SINCE.search(sentence[: d.start] + sentence[d.start : d.end].split()[0])
            and not _FOUNDED.search(sentence[: d.start])
        )
        first_date = next(dates, None)
        later = (
            _YEARS_LATER.search(sentence)
            if "ater" in sentence or "ext year" in sentence or "owing year" in sentence
            else None
        )
        year_here = first_date.date.year if first_date else None
        if later and last_year is not None:
            # "The next year it snapped up Caramel": the year after the last one named
            year_here = last_year + _NUMBERS[(later.group(1) or "a").lower()]
        pronoun = _SUBJECT_PRONOUN.match(sentence)
        if pronoun and previous_subject is None:
            # "In 2016 it acquired Too Faced", and no sentence so far began with a company:
            # "it" is the company the article has named most (the first of equals), unless
            # the sentence names it itself
            here = {m.slug for m in mentions}
            topic = max(
                (slug for slug in seen_count if slug not in here),
                key=seen_count.__getitem__,
                default=None,
            )
            if topic is not None:
                previous_subject = Mention(topic, 0, 0)
        if pronoun and previous_subject is not None:
            # "It also invested in Hefei Lanxin": "it" is the company the last sentence
            # began with
            mentions = [previous_subject, *mentions]
        elif pronoun and _DOES_A_DEAL.match(sentence, pronoun.end()):
            # "the company purchased Major League Gaming", and no company before it to be
            # "the company": the buyer is unknown, and no other name in it is the buyer
            mentions = []
        elif previous_subject is not None and _its_deal(sentence, mentions):
            # "Its $12.5 billion acquisition of Global Infrastructure Partners adds …":
            # whose purchase, the company the last sentence began with
            mentions = [previous_subject, *mentions]
        elif (
            mentions
            and not mentions[0].possessed
            and (
                mentions[0].start < 3
                or _OPENING_PHRASE.fullmatch(sentence, 0, mentions[0].start) is not None
            )
        ):
            previous_subject = Mention(mentions[0].slug, 0, 0)
        elif previous_subject is not None and mentions:
            mentions = _object_pronoun(sentence, mentions, previous_subject)
        for m in mentions:
            if not m.possessed:
                seen_count[m.slug] = seen_count.get(m.slug, 0) + 1
        mentions = without_advisers(sentence, mentions)
        mentions = _without_owners(sentence, mentions)
        mentions = _round_investee(sentence, mentions, seen_count)
        # the sentence's own date, when it is the year's: "acquired Movidius in September
        # 2016" dates the recalled deal to its month
        when = first_date.date if first_date and first_date.date.year == year_here else None
        coordinated = _coordinated(sentence, mentions, published, year_here, when)
        hit = (
            coordinated[0]
            if coordinated
            else _main_clause(sentence, mentions, published, year_here, when)
            or _analyse(sentence, mentions, published, year_here, when)
        )
        if hit is None and one_party is not None:
            hit = _named_next(one_party, sentence, mentions, published)
        if hit is None and hits and last_hit == index - 1:  # a co-investor right after
            joined = _joins_round(hits[-1], sentence, mentions)
            if joined is not None:
                hits[-1] = joined
        if hit and headline and index == 0:
            hit = dataclasses.replace(hit, explicit_status=None, headline=True)
        if coordinated:
            # (a headline's statements say what the deals are, not how far they got)
            hits += [
                dataclasses.replace(h, explicit_status=None, headline=True)
                if headline and index == 0
                else h
                for h in coordinated
            ]
            last_hit = index
        elif hit:
            listed = _listed_partners(sentence, mentions, hit)
            if listed:
                hits += listed
            else:
                hits.append(hit)
                hits += _further_acquisitions(sentence, mentions, hit)
                hits += _listed_targets(sentence, mentions, hit)
            last_hit = index
        one_party = _one_party(sentence, mentions, year_here)
        if year_here is not None:
            last_year = year_here
    return _merge(hits)


# Where a sentence joins deal statements of their own: "[Salesforce's acquisition of
# Tableau](…) and [Google's acquisition of Looker](…), as well as [Sisense merging with
# Periscope Data](…)" (each link a statement) or ", as well as".
JOINED_LINKS = r"\)\s*,?\s+(?:and|as well as)\s+(?=\[)"
_COORDINATION = re.compile(rf"{JOINED_LINKS}|,\s+as well as\s+")


def _coordinated(
    sentence: str,
    mentions: list[Mention],
    published: PartialDate | None,
    year: int | None,
    when: PartialDate | None,
) -> list[_Hit]:
    """The deals of a sentence that joins statements of their own, each read apart;
    empty unless two or more of its parts state a deal."""
    if "as well as" in sentence or "](" in sentence:
        cuts = [0, *(m.end() for m in _COORDINATION.finditer(sentence)), len(sentence)]
    else:
        cuts = _between_statements(sentence, mentions)
    if len(cuts) < 3:
        return []
    hits = []
    for start, end in itertools.pairwise(cuts):
        part = [
            dataclasses.replace(m, start=m.start - start, end=m.end - start)
            for m in mentions
            if start <= m.start and m.end <= end
        ]
        hit = _analyse(sentence[start:end], part, published, year, when)
        if hit is not None:
            hits.append(
                dataclasses.replace(hit, finding=dataclasses.replace(hit.finding, quote=sentence))
            )
    return hits if len(hits) >= 2 else []


# where one statement of a list ends and the next one's subject begins
_STATEMENT_GAP = re.compile(r"(?:,|;)\s+(?:and\s+)?|\s+and\s+")


def _between_statements(sentence: str, mentions: list[Mention]) -> list[int]:
    """Cuts between the deal statements of a list: "Tata Motors' acquisition of Iveco,
    IT company Coforge's purchase of Encora and the Bajaj Group buying a stake in
    Allianz". Between two deal words, a comma or "and" with a name before it, and after
    it, within a few words, the name that does the next deal (no comma between it and
    its deal word: not "in partnership with EQT and Temasek, has acquired", nor
    "A, which bought B, agreed to buy C"). Returns the offsets at which parts start,
    with 0 and the end; fewer than three: no list."""
    if len(mentions) < 4:
        return []
    low = lowered(sentence)
    # (search first: its anchors spare most sentences the full scans)
    cues = sorted(
        {
            m.start(): m.end()
            for kind in KIND_ORDER
            if _STRONG_RE[kind].search(sentence, low)
            for m in _STRONG_RE[kind].finditer(sentence, low)
        }.items()
    )
    if len(cues) < 2:
        return []
    cuts = [0]
    for (_, end), (start, _) in itertools.pairwise(cues):
        doers = [m for m in mentions if end <= m.start and m.end <= start]
        if not doers or "," in sentence[doers[-1].end : start]:
            continue
        gaps = list(_STATEMENT_GAP.finditer(sentence, end, doers[-1].start))
        gap = gaps[-1] if gaps else None
        if (
            gap is not None
            and len(sentence[gap.end() : doers[-1].start].split()) <= 3
            and "," not in sentence[gap.end() : doers[-1].start]
            and any(m.end <= gap.start() for m in doers)
        ):
            cuts.append(gap.end())
    return [*cuts, len(sentence)]


# ", ", " and ", ", and " and a short description: ", PowerPack maker Nomad"
# (a price may stand after each: "bought 3PAR for $2.35 billion as well as ArcSight")
_PRICE_OF_ONE = (
    r"(?:\s+for\s+(?:about\s+)?[$€£]?\d[\d.,]*\s*(?:[mb]n|million|billion)?)?"
    r"(?:\s+in\s+(?:[A-Z][a-z]+\s+)?(?:\d{4}|[A-Z][a-z]+))?"
)
# (not "purchase", a noun as often: "its purchase of Orwin Labs, Velmar announced")
_BUY_VERB = re.compile(r"(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:ed|ing))\s")
_LIST_GAP = re.compile(
    # (a name's legal form is no part of its mention: "PDN Inc. and Med IV Inc.")
    r"^(?:,?\s+(?:Inc|Corp|Co|Ltd|LLC|Limited|plc|PLC|AG|SA|NV|GmbH)\b\.?)?"
    rf"{_PRICE_OF_ONE}\s*(?:,|,?\s+and|,?\s+&|,?\s+as well as)\s*(?:[\w“”\"-]+\s+){{0,3}}$"
)
_LIST_CUE = re.compile(r"\b(?:with|to)\s+(?:[\w-]+\s+){0,3}$")
_AND_IN_GAP = re.compile(r"\s(?:and|&)\s")


def _listed_partners(sentence: str, mentions: list[Mention], hit: _Hit) -> list[_Hit]:
    """One company's agreements with each company of a list: "VirnetX has struck
    licensing agreements with Aastra, Mitel Networks, and NEC" is three deals, each of
    VirnetX and one of them (a joint venture of three stays one deal)."""
    if hit.finding.kind not in ("licensing", "partnership", "mou"):
        return []
    actors: list[Mention] = []
    for m in mentions:
        if not m.possessed and all(a.slug != m.slug for a in actors):
            actors.append(m)
    # the subject is the company right before the list ("in addition to Microsoft,
    # VirnetX has struck licensing agreements with Aastra, Mitel Networks, and NEC")
    for first in range(1, len(actors) - 1):
        subject = actors[first - 1]
        if not _LIST_CUE.search(sentence[subject.end : actors[first].start]):
            continue
        listed = _list_of(sentence, actors[first:])
        if listed:
            break
    else:
        return []
    roles = dict(hit.finding.parties)
    out = []
    for other in listed:
        if hit.finding.kind == "licensing":
            # the sentence's roles were read from its first company; a later subject
            # licensing to a list is the licensor
            mine = roles.get(subject.slug, "licensor") if first == 1 else "licensor"
            theirs = "licensee" if mine == "licensor" else "licensor"
            parties = ((subject.slug, mine), (other.slug, theirs))
        else:
            parties = ((subject.slug, "partner"), (other.slug, "partner"))
        finding = dataclasses.replace(
            hit.finding, parties=parties, rule=f"{hit.finding.rule}; one of a list"
        )
        out.append(dataclasses.replace(hit, finding=finding))
    return out


# each listed name may have its description: "Huawei and Tencent, two Chinese tech giants
# that develop software for cars, as well as Momenta, a rival to Horizon Robotics, and
# Xiaomi" (a name inside a description is none of the list)
_DESCRIBED = re.compile(r"^,\s+(?:a|an|the|two|three|four|both|one of)\s[^;()]{0,120}?$")


def _list_of(sentence: str, names: list[Mention]) -> list[Mention]:
    """The names when they are one list, each joined to the last by a comma or "and",
    with or without a description of the last between; else none."""
    listed = [names[0]]
    for m in names[1:]:
        gap = sentence[listed[-1].end : m.start]
        if _NAMED_IN_DESCRIPTION.match(gap):
            continue  # "Momenta, a rival to Horizon Robotics": named in a description
        described = _DESCRIBED.match(gap) is not None
        if _LIST_GAP.match(gap) or (described and _LIST_GAP_END.search(gap)):
            # (a description of the last name, then the list's comma or "and")
            listed.append(m)
        elif not described:
            return []
    return listed if len(listed) > 1 else []


_NAMED_IN_DESCRIPTION = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:to|of|for|with|from|by|at|in|and)\s+$"
)
_LIST_GAP_END = re.compile(r",\s+(?:and\s+|as well as\s+)?$")


_PLURAL_CUE = Caseless(
    # (or "made major acquisitions during that time, including Biovotion and Gaido")
    r"\b(?:acquisitions|purchases|takeovers|buyouts)(?: of|[^.;]{0,30}?,? including)\b",
    ("acquisitions", "purchases", "takeovers", "buyouts"),
)
# A verb whose object may be a list: "has bought power vendor Lampiris, battery specialist
# Saft and renewable energy firm Eren", and up to four words describing the first.
_BUYS_LIST = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|snapped up|took over"
    r"|take over)\s+(?:[\w“”\"-]+\s+){0,4}$"
)
_LIST_END = re.compile(rf"{_PRICE_OF_ONE}\s*,?\s+(?:and|&|as well as)\s")
# what follows a list's last name when it is a clause's subject, not an object: "Google
# bought Nest, and Apple launched …"
_VERB_AFTER = re.compile(
    r"\s+(?:has|have|had|is|was|were|are|will|would|said|says|also|then|\w+ed)\b"
)


def _listed_targets(sentence: str, mentions: list[Mention], hit: _Hit) -> list[_Hit]:
    """Each company of a list after a plural cue is bought: "Bertelsmann's acquisitions of
    Random House and Bantam Doubleday Dell" is two deals of one buyer."""
    if hit.finding.kind != "acquisition":
        return []
    cue = _PLURAL_CUE.search(sentence, lowered(sentence))
    roles = dict(hit.finding.parties)
    buyer = next((s for s, role in roles.items() if role == "acquirer"), None)
    if buyer is None:
        return []
    if cue is not None:
        listed = [m for m in mentions if m.start >= cue.end() and not m.possessed]
    else:
        # a verb right before the target: its list is bought, name by name
        target = next((m for m in mentions if roles.get(m.slug) == "target"), None)
        if target is None or not _BUYS_LIST.search(
            sentence, max(0, target.start - 80), target.start
        ):
            return []
        listed = [m for m in mentions if m.start >= target.start and not m.possessed]
    if not listed or roles.get(listed[0].slug) != "target":
        return []
    out = []
    gap = ""
    for previous, other in itertools.pairwise(listed):
        gap = sentence[previous.end : other.start]
        if not _LIST_GAP.match(gap) or other.slug in roles:
            break
        if cue is None and _VERB_AFTER.match(sentence, other.end):
            break
        parties = ((buyer, "acquirer"), (other.slug, "target"))
        finding = dataclasses.replace(
            hit.finding, parties=parties, rule=f"{hit.finding.rule}; one of a list"
        )
        out.append(dataclasses.replace(hit, finding=finding))
    if cue is None and out and not _LIST_END.match(gap):
        # after a verb, a list ends "and C": "acquired WhoShouldiFollow, a Twitter
        # recommendation engine" is one company described
        return []
    return out


def _further_acquisitions(sentence: str, mentions: list[Mention], hit: _Hit) -> list[_Hit]:
    """More purchases by the same buyer in one sentence: "Intel bought Altera in 2015 and
    a year later acquired Nervana", "Intel's purchase of Habana comes after its
    acquisition of Movidius". Each further cue's first company after it is a target."""
    if hit.finding.kind != "acquisition" or _PASSIVE_ACQ.search(sentence, lowered(sentence)):
        return []
    parties = dict(hit.finding.parties)
    buyer = next((s for s, role in parties.items() if role == "acquirer"), None)
    taken = set(parties)
    low = lowered(sentence)
    cues = list(_STRONG_RE["acquisition"].finditer(sentence, low))
    found = []
    for cue, after in itertools.zip_longest(cues, cues[1:]):
        end = after.start() if after is not None else len(sentence)
        target = next(
            (
                m
                for m in mentions
                if cue.end() <= m.start < end
                and not m.possessed
                and not _owner_of_a_unit(sentence, m, mentions)
            ),
            None,
        )
        if buyer is None or target is None or target.slug in taken:
            continue
        if _FROM_SELLER.search(sentence, cue.end(), target.start):
            continue  # "to acquire the company from its parent, Landmark": who sells
        if any(
            n.slug in taken and _UNIT_OF.fullmatch(sentence, target.end, n.start) for n in mentions
        ):
            continue  # "the Electric Hybrid Systems business segment of Eldor": Eldor's
        taken.add(target.slug)
        # "Pfizer bought …, and Rhone Merieux acquired the veterinary business of Sanofi":
        # a company named right before the cue is this purchase's buyer
        subject = next(
            (
                m
                for m in reversed(mentions)
                if m.end <= cue.start() and _SUBJECT_GAP.fullmatch(sentence, m.end, cue.start())
            ),
            None,
        )
        finding = dataclasses.replace(
            hit.finding,
            parties=((subject.slug if subject else buyer, "acquirer"), (target.slug, "target")),
            value=None,
            rule=f"{hit.finding.rule}; a further purchase in the same sentence",
        )
        found.append(dataclasses.replace(hit, finding=finding))
    return found


_ITS_CUE = re.compile(r"\b(?:for|on|with|after|in) its\s+(?:[\w-]+\s+){0,2}$")
# (the clause's subject is the one that speaks: "Abbott said in the statement it has …")
_SAYS_AFTER = re.compile(r"(?:\s+(?:Inc|Corp|Ltd|Plc|Co)\b\.?)?,?\s+(?:said|says|announced)\b")


_SUBJECT_GAP = re.compile(
    r"(?:\s+(?:Inc|Corp|Ltd|Plc|SA|AG|NV|Co)\b\.?)?,?\s+(?:(?:has|have|had|also|then|later)\s+)*"
)


# "Leerink Partners is acting as exclusive financial advisor to LAVA", "advised by
# Harbor Street Partners", "represented by Gibson, Dunn & Crutcher": advisers and lawyers
# work on a deal, they are not its parties. (Matched at a mention's end: no "^", which
# matches only at the start of the sentence.)
_ADVISER_AFTER = re.compile(
    r"(?:,?\s+(?:LLC|LLP|L\.?P|Inc|Ltd|Limited|plc|Co)\b\.?)?"  # a legal form the name lacks
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:is|was|are|were|has been)\s+)?(?:acting|acted|serves|"
    r"served|serving|retained|engaged)?\s*(?:as\s+)?(?:its\s+|their\s+|the\s+|an?\s+)?"
    r"(?:[\w.-]+\s+){0,3}?(?:advis[eo]rs?|counsel|bookrunners?|underwriters?)\b",
    re.I,
)
_ADVISER_BEFORE = re.compile(
    r"(?:advised by|represented by|underwritten by|counsel(?:ed)? by|"
    r"advis[eo]rs?(?: were| are| is)?|"
    r"advis[eo]rs? to \S+(?: \S+)? (?:are|were|is|was))\s+(?:[\w.,&-]+\s+){0,6}?$",
    re.I,
)


# "America Online, Inc., a wholly owned subsidiary of Time Warner": the parent only
# describes a party
_OWNER_BEFORE = re.compile(
    # (also late in an apposition: "CBS Records, the world's largest record company and a
    # subsidiary of Japan's Sony Corp., is buying Tree")
    r"(?:,|\band)\s+(?:an?|the)\s+(?:wholly[- ]owned\s+|majority[- ]owned\s+)?(?:subsidiary"
    r"|unit|division|arm|affiliate)\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+['’]s\s+)?$"
    # "Borr Drilling, controlled by Norwegian investor Tor Olav Troeim, is proposing to buy"
    r"|,\s+(?:which\s+is\s+)?(?:(?:majority|wholly|partly|jointly)[- ])?(?:controlled|owned)"
    r"\s+by\s+(?:[a-z][\w-]*\s+|[A-Z][a-z]+\s+(?=[a-z]))*$"
)


def _without_owners(sentence: str, mentions: list[Mention]) -> list[Mention]:
    if " of " not in sentence and " by " not in sentence:
        return mentions
    return [
        m for m in mentions if not _OWNER_BEFORE.search(sentence[max(0, m.start - 60) : m.start])
    ]


# "Martin Cross, analyst at UBS, said Invesco is buying", "UBS analyst Martin Cross":
# whose analyst speaks is a source of the story, not a party to its deal
_ANALYST_BEFORE = re.compile(
    r"\b(?:analysts?|strategists?|economists?)\s+(?:at|with|from|for)\s+(?:the\s+)?$", re.I
)
_ANALYST_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:analysts?|strategists?|economists?)\b")
_SOURCE_WORDS = ("advis", "counsel", "underwrit", "analyst", "strategist", "economist")


def without_advisers(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions of the sentence that are not advisers to a deal or analysts'
    employers."""
    if not any(word in sentence for word in _SOURCE_WORDS):
        return mentions
    return [
        m
        for m in mentions
        if not (
            _ADVISER_AFTER.match(sentence, m.end)
            or _ADVISER_BEFORE.search(sentence[max(0, m.start - 80) : m.start])
            or _ANALYST_BEFORE.search(sentence[max(0, m.start - 40) : m.start])
            or _ANALYST_AFTER.match(sentence, m.end)
        )
    ]


_ROUND = Caseless(
    r"\b(?:round|funding|financing|investment|series [a-h])\b.{0,80}?\b(?:led by"
    r"|participation (?:from|of|by)|joined by|(?:comes|came) from)\b"
    # "Other participants include existing backers Premji Invest, which will inject …"
    r"|\b(?:other|existing) (?:participants|backers|investors) (?:in the (?:round|funding"
    r"|financing) )?(?:include|included|including|are|were)\b",
    ("round", "funding", "financing", "investment", "series", "other ", "existing "),
)


_LED_FIRST = re.compile(r"\s*(?:Led|Co-led|Headed) by\b")


def _round_investee(sentence: str, mentions: list[Mention], seen: dict[str, int]) -> list[Mention]:
    """ "The round was led by StageOne Ventures, with participation from Zenda Capital":
    the company raising it is the one the article has named most, when this sentence
    does not name it before "led by"."""
    m = _ROUND.search(sentence, lowered(sentence))
    if m is None or not seen:
        return mentions
    # (but "Led by Paladin Capital, the Series B includes …" names only its investors)
    if any(x.start < m.start() and not x.possessed for x in mentions) and not _LED_FIRST.match(
        sentence
    ):
        return mentions
    # the investors named here are not the company raising it, however often the
    # article names them ("Parter Raises $5.5M Led by StageOne Ventures")
    here = {x.slug for x in mentions}
    others = [slug for slug in seen if slug not in here]
    if not others:
        return mentions
    subject = max(others, key=lambda slug: (seen[slug], slug))
    return [Mention(subject, 0, 0), *mentions]


def _object_pronoun(sentence: str, mentions: list[Mention], subject: Mention) -> list[Mention]:
    """The mentions with ``subject`` where the sentence's object is "the company" or
    "it" ("Its owner, Brenner Capital, bought the company in 2019")."""
    if any(m.slug == subject.slug for m in mentions):
        return mentions
    m = _OBJECT_PRONOUN.search(sentence, lowered(sentence))
    if m is None or not any(x.start < m.start() and not x.possessed for x in mentions):
        return mentions
    placed = Mention(subject.slug, m.end() - 1, m.end())
    return sorted([*mentions, placed], key=lambda x: x.start)


def _one_party(
    sentence: str, mentions: list[Mention], year: int | None
) -> tuple[str, Mention, int | None] | None:
    """A deal statement naming one company ("Halvorsen agreed to acquire a smaller
    rival"), kept for the next sentence, which may name the other party."""
    actors = {m.slug: m for m in mentions if not m.possessed}
    if len(actors) != 1 or sentence.rstrip().endswith("?"):
        return None
    # whether it states a deal at all is left to _named_next: most next sentences
    # name no other party
    return sentence, next(iter(actors.values())), year


def _named_next(
    one_party: tuple[str, Mention, int | None],
    sentence: str,
    mentions: list[Mention],
    published: PartialDate | None,
) -> _Hit | None:
    """The other party of the previous sentence's deal, introduced by "The target, …",
    "Its partner in the venture, …". The quote is both sentences."""
    first, party, year = one_party
    if not sentence.startswith(("The ", "Its ", "Their ")):
        return None  # cheap test for _REFERENCE
    other = next((m for m in mentions if not m.possessed and m.slug != party.slug), None)
    if other is None:
        return None
    reference = _REFERENCE.match(sentence[: other.start])
    if reference is None:
        return None
    # the other party is the object of the statement: put it at its end, after the cue
    placed = Mention(other.slug, len(first) - 1, len(first))
    hit = _analyse(first, [party, placed], published, year)
    if hit is None:
        return None
    parties = hit.finding.parties
    noun = sentence.split(None, 2)[1].rstrip(",")
    if _REFERENCE_ROLE.get(noun) == "acquirer" and hit.finding.kind == "acquisition":
        parties = ((other.slug, "acquirer"), (party.slug, "target"))
    finding = dataclasses.replace(
        hit.finding,
        parties=parties,
        quote=f"{first} {sentence}",
        rule=f"{hit.finding.rule}; the other party named in the next sentence",
    )
    return dataclasses.replace(hit, finding=finding)


def _joins_round(last: _Hit, sentence: str, mentions: list[Mention]) -> _Hit | None:
    """The last investment with the co-investors this sentence adds to it."""
    if last.finding.kind != "investment" or last.finding.background:
        return None
    known = {slug for slug, _ in last.finding.parties}
    new = [m.slug for m in mentions if not m.possessed and m.slug not in known]
    low = lowered(sentence)
    if not new or not _JOINS_ROUND.search(sentence, low) or _EARLIER_ROUND.search(sentence, low):
        return None
    parties = (*last.finding.parties, *((slug, "investor") for slug in dict.fromkeys(new)))
    return dataclasses.replace(last, finding=dataclasses.replace(last.finding, parties=parties))


# "For the OLX UZ acquisition, TBC Bank formed a joint venture with Titan": a clause that
# sets the scene before the sentence's own statement
_SCENE = re.compile(
    r"(?:For|After|Following|Despite|Besides|Beyond|Before|Having|Since|Unlike|Like|As part of)"
    r"\b[^,;]{3,80},\s*(?=\S)"
)


def _main_clause(
    sentence: str,
    mentions: list[Mention],
    published: PartialDate | None,
    year: int | None,
    when: PartialDate | None,
) -> _Hit | None:
    """The deal the sentence's main clause states, read without the scene its opening
    clause sets (a deal there is another, or the same told again)."""
    scene = _SCENE.match(sentence)
    if scene is None:
        return None
    at = scene.end()
    rest = [
        dataclasses.replace(m, start=m.start - at, end=m.end - at)
        for m in mentions
        if m.start >= at
    ]
    hit = _analyse(sentence[at:], rest, published, year, when)
    if hit is None:
        return None
    return dataclasses.replace(hit, finding=dataclasses.replace(hit.finding, quote=sentence))


def _owner_of_a_unit(sentence: str, m: Mention, mentions: list[Mention]) -> bool:
    """Whether the mention only says whose unit the next one is: "Evergrande Group's
    Evergrande Health announced …" (the unit acts; entities.py marks a product after a
    possessive as possessed, so a mention not possessed there is a unit), or what the
    next one is to it: "AMD spinoff GlobalFoundries", "Google owner Alphabet", "Uber rival
    Lyft"."""
    if sentence[m.end : m.end + 3] not in ("'s ", "’s "):
        related = _RELATED_NEXT.match(sentence, m.end)
        return related is not None and any(
            n.start == related.end() and not n.possessed for n in mentions
        )
    return any(n.start == m.end + 3 and not n.possessed for n in mentions)


_RELATED_NEXT = re.compile(
    # (in a headline's capitals too: "Verizon Buys Zoom Rival BlueJeans")
    r"\s+(?:[Ss]pin-?[Oo]ff|[Ss]pinout|[Uu]nit|[Ss]ubsidiary|[Aa]ffiliate|[Oo]wner|[Pp]arent"
    r"|[Rr]ival|[Cc]ompetitor|[Pp]eer)\s+"
)


def _whose_it_is(sentence: str, m: Mention, mentions: list[Mention]) -> bool:
    """Whether the mention only says, in an apposition to the name before it, whose that
    company is or what it is to another: "Infogrames Entertainment, the parent company of
    Atari, … will acquire Cryptic Studios" (Atari buys nothing)."""
    before = next((n for n in reversed(mentions) if n.end <= m.start), None)
    return (
        before is not None
        and _RELATION_BETWEEN.fullmatch(sentence, before.end, m.start) is not None
        and _APPOSITION_ENDS.match(sentence, m.end) is not None
    )


_RELATION_BETWEEN = re.compile(
    r"(?:\s*\([^()]{1,20}\))?,\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:parent|owner|unit|subsidiary|affiliate|division|arm|spin-?off|sister company"
    # "a partnership with Lyft Inc, a rival of Uber."
    r"|rival|competitor|peer)"
    r"(?:\s+company)?\s+(?:of|to)\s+"
)
_APPOSITION_ENDS = re.compile(r"(?:\s*\([^()]{1,20}\))?\s*(?:,|[.;]?\s*$)")


def _analyse(
    said: str,
    mentions: list[Mention],
    published: PartialDate | None,
    year: int | None,
    when: PartialDate | None = None,
) -> _Hit | None:
    if len({m.slug for m in mentions if not m.possessed}) < 2:
        return None  # the test below again, after the comparison cut: most sentences stop here
    sentence = without_urls(said)  # "Mint [reported](https://…-arm-buys.html)"
    if "cqui" in sentence or "M&A" in sentence or "uyout" in sentence or "uy-out" in sentence:
        # (blanked, not cut: the mentions' offsets stay right)
        sentence = _NO_DEAL_WORDS.sub(lambda m: " " * len(m.group(0)), sentence)
    held = _HOLDING_CLAUSE.search(sentence) if "ich " in sentence else None
    if held is not None:
        # "agreed to acquire Consolidated Gold Fields PLC, which owns a 49.3 percent stake
        # in Newmont": a party's holding described, not the deal (nor its company a party)
        sentence = sentence[: held.start()] + " " * len(held.group(0)) + sentence[held.end() :]
        mentions = [m for m in mentions if not held.start() <= m.start < held.end()]
    low = lowered(sentence)
    if sentence.rstrip().endswith("?") or _NOT_THIS_DEAL.search(sentence, low):
        return None
    lower = low if low is not None else sentence.lower()
    comparison = (
        _COMPARISON.search(sentence, low)
        if "like" in lower or "such" in lower or "includ" in lower or "than" in lower
        else None
    )
    if comparison and (
        _INVESTORS_INCLUDING.search(sentence, max(0, comparison.start() - 40), comparison.start())
        or (
            comparison.group(0).lower() == "including"
            and _DEALS_INCLUDING.search(
                sentence, max(0, comparison.start() - 40), comparison.start()
            )
        )
    ):
        # "with participation from all existing investors, including Intel Capital and
        # Nexus": the round's investors, not an example of others ("made acquisitions,
        # including Biovotion": the companies bought)
        comparison = None
    elif comparison and _DEAL_INCLUDED.match(sentence, comparison.end()):
        # "has undergone a number of changes, including the acquisition of City Pantry,
        # Flyt and Practi": the sentence's own deals, listed
        comparison = None
    cut = comparison.start() if comparison else len(sentence)
    actors = [
        m
        for m in mentions
        if not m.possessed
        and m.start < cut
        and not _owner_of_a_unit(sentence, m, mentions)
        and not _whose_it_is(sentence, m, mentions)
    ]
    seen: dict[str, Mention] = {}
    for m in actors:
        seen.setdefault(m.slug, m)
    actors = list(seen.values())
    if len(actors) < 2:
        if comparison is not None and comparison.group(0).lower() in _EXAMPLE_WORDS:
            return _example(said, mentions, comparison.end(), published, year, when)
        return None
    # "Best Buy", "Star Alliance": a word of a name is no cue; then the sentence is read
    # without its names
    kind, cue = _kind(sentence, low)
    if kind is not None and _in_a_name(cue, mentions):
        masked = _without_names(sentence, mentions)
        kind, cue = _kind(masked, lowered(masked))
    if kind is None:
        kind, cue = _sold_by_name(sentence, actors)
    strong = kind is not None
    if kind is None:
        weak = _WEAK.search(sentence, low)
        if weak and _in_a_name(weak.start(), mentions):
            masked = _without_names(sentence, mentions)
            weak = _WEAK.search(masked, lowered(masked))
        if not weak or not _joined(sentence, actors):
            return None
        kind, cue = "partnership", weak.start()
    if kind not in ("licensing", "partnership", "mou"):
        # "buying Arm chips", "buy 100 Airbus jets": goods of a company, not the company
        # (but "Xiaomi smartphone models will gain access to …" may be a licence)
        goods = [m for m in actors if _GOODS_AFTER.match(sentence, m.end)]
        actors = [m for m in actors if m not in goods]
        if len(actors) < 2 or (kind == "acquisition" and goods):
            # (what is bought is the goods: "to acquire 23 Boeing 737s from AMR Corp."
            # buys no AMR)
            return None
    word = _WORD_AT.match(sentence, cue)
    if kind == "acquisition" and (
        _AMOUNT_OF_GOODS.match(sentence, word.end() if word else cue)
        or _GOODS_BOUGHT.match(sentence, cue)
        or _GOODS_ORDERED.match(sentence, cue)
        or _unnamed_bought(sentence, cue)
    ):
        # "agreed to buy $1 billion in electricity from …", "Eni will purchase electricity
        # from …": goods, not a company
        return None
    field = _INVESTED_IN_A_FIELD.match(sentence, cue) if kind == "investment" else None
    if field is None and kind == "acquisition" and sentence[max(0, cue - 7) : cue] == "in-app ":
        field = _WORD_AT.match(sentence, cue)  # "in-app purchases": what users buy in an app
    if field is not None:
        # "Walmart, which is aggressively investing in e-commerce to better compete with
        # Amazon": a field, not a company; another cue of the sentence may still hold
        # ("has gotten $4.5 million from Union Square Ventures, … for investing in stuff")
        masked = sentence[:cue] + " " * (field.end() - cue) + sentence[field.end() :]
        hit = _analyse(masked, mentions, published, year, when)
        return _quoting(hit, said) if hit is not None and hit.strong else None
    cue_word = word.group(0) if word else kind
    rule = (
        f"{kind} word “{cue_word}” with two companies"
        if strong
        else f"“{cue_word}” between two companies named together"
    )
    if (
        kind == "acquisition"
        and len(actors) > 1
        and not any(m.start >= cue for m in mentions)
        and len(_co_buyers(sentence, actors)) == len(actors)
    ):
        # "This is what Salesforce and Google are acquiring: a way to …": fellow buyers,
        # and no company bought
        return None
    if (
        kind == "acquisition"
        and _BUY_VERB.match(sentence, cue)
        and all(m.start > cue for m in actors)
        and _LIST_GAP.match(sentence[actors[0].end : actors[1].start])
    ):
        # "after buying Apollo Consolidated in 2022 and Musgrave Minerals the following
        # year": what a buyer the sentence does not name bought, no deal between them
        return None
    fellows = _BY_FELLOWS.search(sentence, cue) if kind in ("acquisition", "investment") else None
    if (
        fellows is not None
        and all(m.start >= fellows.end() for m in actors)
        and len(_co_buyers(sentence, actors)) == len(actors)
    ):
        # "the recent acquisitions by Sony and Microsoft of game studios": each of them
        # bought; one deal between them would be "the acquisition of … by …"
        return None
    listed = _LISTED_DEALS.search(sentence, cue) if kind in ("acquisition", "investment") else None
    if listed is not None and all(m.start >= listed.end() for m in actors):
        # "Other notable India investments include LEAP India and Serentica": each one
        # a company bought or backed by someone the sentence does not name
        return None
    if kind == "investment" and _sold_to_nobody(sentence, cue, actors):
        return None
    parties = _parties(kind, sentence, low, actors, cue)
    if len(parties) < 2:
        return None
    if kind == "acquisition" and all(
        _BIDDERS_OWN.match(sentence, m.end) for m in actors if m.slug in dict(parties)
    ):
        # "rejected Paramount's $108bn hostile bid and recommended Netflix's $83bn offer":
        # rival bids for a third company, no deal between the bidders
        return None
    status, explicit = status_of(sentence)
    background = year is not None and (
        (published is not None and year < published.year)
        or (published is None and bool(_PAST_VERB.search(sentence, low)))
    )
    if (background and status in ("announced", "agreed") and not explicit) or (
        background and status == "announced"
    ):
        status = "completed" if kind in ("acquisition", "merger", "investment") else "agreed"
    elif (
        background and status == "agreed" and kind in ("partnership", "joint-venture", "licensing")
    ):
        # "In late 2013, HarperCollins formed a partnership with Accenture": formed years
        # before the story, it is running
        status = "completed"
    announced: PartialDate | None
    dated = True
    if background and year:
        announced = when if when is not None and when.year == year else PartialDate(year)
    else:
        announced, dated = _date(sentence, published)
    finding = DealFinding(
        kind=kind,
        status=status,
        parties=parties,
        announced=announced,
        value=value(sentence, whole=kind in ("acquisition", "merger"))
        if kind != "partnership"
        else None,
        areas=areas(sentence),
        quote=said,
        background=background,
        rule=rule,
        confidence=_STRONG_CONFIDENCE if strong else _WEAK_CONFIDENCE,
    )
    generic = kind == "partnership" and cue_word.lower() in _GENERIC_WORDS
    # "Facebook has made a previous attempt to buy Instagram, but they were turned
    # down": how an earlier try ended says nothing of the deal the story reports
    earlier = _EARLIER_TRY.search(sentence, low) is not None
    return _Hit(
        finding,
        strong,
        status if explicit and not earlier else None,
        year if background else None,
        generic,
        dated=dated,
    )


# Deal words that name no deal: a trade ("a leading mergers and acquisitions advisor",
# "buyout firm Vista"), a law firm's boilerplate ("contact the firm directly to acquire
# more information")
_NO_DEAL_WORDS = re.compile(
    r"\b(?:mergers?\s+(?:and|&)\s+acquisitions?|M&A)\s+(?:advis\w+|firm|practice|boutique|"
    r"lawyers?|attorneys?|bankers?|market|activity|team|group|specialist)\b"
    r"|\bacquire\s+(?:more\s+|additional\s+|further\s+)?information\b"
    # what a firm does, not a deal: "buyout firm Vista", "U.S. buyout funds Carlyle and …"
    r"|\bbuy-?out\s+(?:firms?|funds?|groups?|houses?|shops?|specialists?|giants?)\b",
    re.I,
)


_HOLDING_CLAUSE = re.compile(
    r",\s+which\s+(?:already\s+|now\s+)?(?:owns?|holds?|has|had)\s+(?:an?\s+)?(?:about\s+|around\s+"
    r"|nearly\s+|some\s+)?\d[\d.]*\s?(?:%|(?:per ?cent|percent|pct)\b)[^,;]*(?:,|(?=[.;]?\s*$))"
)
_EXAMPLE_WORDS = frozenset({"such as", "like"})
_EXAMPLE_END = re.compile(r"\s[—–-]{1,2}\s|[;,)]")


def _example(
    said: str,
    mentions: list[Mention],
    start: int,
    published: PartialDate | None,
    year: int | None,
    when: PartialDate | None,
) -> _Hit | None:
    """The deal a sentence gives as its example: "large deals — such as Adobe's planned
    purchase of Figma — may face late hurdles" states that purchase."""
    end = _EXAMPLE_END.search(said, start)
    stop = end.start() if end else len(said)
    inside = [
        dataclasses.replace(m, start=m.start - start, end=m.end - start)
        for m in mentions
        if start <= m.start and m.end <= stop
    ]
    return _quoting(_analyse(said[start:stop], inside, published, year, when), said)


def _quoting(hit: _Hit | None, said: str) -> _Hit | None:
    """A hit found in a part of a sentence (or in it with a phrase blanked), quoting the
    whole sentence as the article wrote it."""
    if hit is None:
        return None
    return dataclasses.replace(hit, finding=dataclasses.replace(hit.finding, quote=said))


_EARLIER_TRY = Caseless(
    r"\b(?:previous|earlier|prior|first|failed) (?:attempt|bid|offer|approach|effort|try)\b",
    ("previous", "earlier", "prior", "first", "failed"),
)
_GENERIC_WORDS = frozenset({"deal", "agreement", "pact", "sign", "signed", "signs"})
# A deal word with two companies is right about two times in three on real news; a
# partnership word alone less often (benchmarks/realnews). Each further statement of the
# same deal in the article adds to it.
_STRONG_CONFIDENCE = 0.65
_WEAK_CONFIDENCE = 0.45
_WORD_AT = re.compile(r"[\w-]+(?: (?:of|up|over|for|with|in)\b)?")


_RETAINED = re.compile(
    r"\b(?:retain(?:s|ed|ing)?|keep(?:s|ing)?|kept)\s+(?:(?:an?|its|their|the)\s+)?"
    r"(?:[\w.%-]+\s+){0,3}stake$",
    re.I,
)
# (a holding sold by its size: "sell its entire 25.12% equity holding in Sona Koyo to
# JTEKT", "has sold another 24 percent in Ebro to")
_MINORITY = Caseless(
    r"\bstake\b|\bholding in\b"
    # (a share changing hands, not a rise: "shares shed 4.8% in premarket trading")
    r"|\b(?:sell|sells|selling|sold|buy|buys|buying|bought|acquir\w+|purchas\w+) (?:its |his "
    r"|her |their |the |another |a further |an additional )?(?:[\w.]+ ){0,2}?\d[\d.,]*[ -]?"
    r"(?:%|per ?cent|percent|pct) in (?=[A-Z])",
    ("stake", "holding in", "% in", "cent in", "pct in"),
)
# "to buy 4.9 pct of Atlas", "37.5% of Jaguar Land Rover": a share of a named company
# not "7 percent of Microsoft's market value": a share of something the company has
_SHARE_OF = re.compile(r"\d[ -]?(?:%|per ?cent|percent|pct) of ([A-Z][\w.]*)(?![\w.]*['’]s\b)")
_CONTROL = Caseless(
    r"\b(?:majority|controlling|full|remaining|entire|all) (?:of the )?stake", ("stake",)
)
# (a headline in title case: "Sime Darby Acquires 70 Per Cent Stake In TFP Engineering")
# ("a 60.4-percent stake": wire copy joins the two)
_PERCENT_STAKE = re.compile(
    r"(\d{1,3}(?:\.\d+)?)[ -]?(?i:%|per ?cent|pct) (?:(?i:stake|holding)\b|(?:of|in) [A-Z])"
)


# "10% of National Bank customers", "19% of BNZ and Westpac customers": a share of what
# the companies have, named after them
_ITS_PEOPLE_OR_SALES = re.compile(
    # (a year between: "20 per cent of Capri Holdings 2024 revenue")
    r"(?:[A-Z0-9][\w.&'’-]*,?\s+(?:(?:and|or)\s+)?){1,5}"
    r"(?:customers|clients|users|subscribers|members|employees|"
    r"staff|workers|shareholders|stockholders|investors|respondents|households|viewers|"
    r"readers|sales|revenues?|profits?|turnover|earnings|stores|branches|outlets)\b"
)


def _share_of(sentence: str) -> re.Match[str] | None:
    """ "37.5% of Jaguar Land Rover", not "40% of China's market" or "10% of National
    Bank customers"."""
    for m in _SHARE_OF.finditer(sentence):
        if POSSESSIVE.sub("", m.group(1)) in NOT_COMPANIES:
            continue
        if not _ITS_PEOPLE_OR_SALES.match(sentence, m.start(1)):
            return m
    return None


def _control(sentence: str, low: str | None) -> int | None:
    """Where the sentence says a stake gives control: "a controlling stake", "a 51%
    stake" (more than half). None for a minority stake."""
    m = _CONTROL.search(sentence, low)
    if m:
        return m.start()
    for pct in _PERCENT_STAKE.finditer(sentence):
        if 50 < float(pct.group(1)) <= 100:
            return pct.start()
    return None


def _in_a_name(at: int, mentions: list[Mention]) -> bool:
    return any(m.start <= at < m.end for m in mentions)


def _without_names(sentence: str, mentions: list[Mention]) -> str:
    """The sentence with each company's name blanked out, offset for offset."""
    chars = list(sentence)
    for m in mentions:
        chars[m.start : m.end] = " " * (m.end - m.start)
    return "".join(chars)


def _kind(sentence: str, low: str | None) -> tuple[str | None, int]:
    stake = _MINORITY.search(sentence, low) or _share_of(sentence)
    kept = None
    if stake and _RETAINED.search(sentence[max(0, stake.start() - 40) : stake.end()]):
        # "completed the sale of … to NTG, retaining a 10% stake": the seller's, which
        # makes no investment of the deal either
        kept, stake = stake, None
    control = _control(sentence, low) if stake else None
    if stake and control is None:  # "buy a 20% stake" is an investment
        m = _STRONG_RE["investment"].search(sentence, low)
        return "investment", m.start() if m else stake.start()
    if control is not None and not (
        _STRONG_RE["joint-venture"].search(sentence, low)
        or _STRONG_RE["merger"].search(sentence, low)
    ):
        # "take a controlling stake in", "buy a 51% stake in": the buyer takes control
        m = _STRONG_RE["acquisition"].search(sentence, low)
        return "acquisition", min(m.start(), control) if m else control
    for kind in KIND_ORDER:
        m = _STRONG_RE[kind].search(sentence, low)
        if m and not (kept and kind == "investment" and kept.start() <= m.start() < kept.end()):
            return kind, m.start()
    return None, 0


def _sold_by_name(sentence: str, actors: list[Mention]) -> tuple[str | None, int]:
    """ "Trevia sold Orsk Data to Morrow Capital": a company sold by its name (goods sold
    are no deal: "sold nickel to Morrow")."""
    for m in actors:
        sold = SOLD_BEFORE.search(sentence, max(0, m.start - 50), m.start)
        if sold and _TO_AFTER.match(sentence, m.end):
            return "acquisition", sold.start()
    return None, 0


# (past the company's description: "is selling Pilkington Reinforcements, a wholly-owned
# subsidiary, to Nippon Sheet Glass")
_TO_AFTER = re.compile(r"(?:,\s+(?:a|an|the|its|their)\s[^,;()]{1,60},)?,?\s+to\s")


def _joined(sentence: str, actors: list[Mention]) -> bool:
    """Two companies written together: "A and B", "A’s … with B", "between A and B"."""
    for a, b in itertools.pairwise(actors):
        # "Samsung Electronics and Klarlyd": the known name is "Samsung"; the words of
        # its fuller name ("Electronics", "Co") still join it to the next
        between = _FULLER_NAME.sub("", sentence[a.end : b.start])
        # "with the", or "with Czech steelmaker Trinecke": a description before the name
        if _JOINED.match(between) or _WITH_BEFORE.search(between):
            return True
    return False


# who sells, right before its name: "from SoftBank", "from its current parent, Landmark"
_FROM_OWNER = r"\bfrom\s+(?:its\s+(?:current\s+|former\s+)?(?:parent|owner)(?:\s+company)?,?\s+)?\Z"
_PRONOUN_FROM = re.compile(r"\b(?:the (?:firm|company|group)|it)\s+" + _FROM_OWNER)
_FROM_SELLER = re.compile(_FROM_OWNER)
# an amount of something bought, right after the verb: "buy $1 billion in electricity",
# "bought $300 million of chips" (not of its shares or a stake: an investment)
_AMOUNT_OF_GOODS = re.compile(
    r"\s+(?:about |around |roughly |some |up to |nearly )?[^\w\s]{1,3}\d[\d.,]*\s*"
    r"(?:[mb]n|million|billion|trillion)?\s+(?:worth\s+)?(?:in|of)\s+"
    # (nor the form of payment: "pay $110 million in cash for")
    r"(?!(?:its\s+|the\s+|their\s+|new\s+)?(?:shares?|stock|stakes?|equity|debt|bonds?|cash)\b)"
    r"[a-z]"
)


# "spending $390 million to buy three firms in the first year of Sikka": companies
# bought and not named (but "bought two startups, Orbit and Vela": named after)
_UNNAMED_BOUGHT = re.compile(
    r"(?:buy|buys|bought|buying|acquire|acquires|acquired|acquiring)\s+"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens\s+of|a\s+few)\s+"
    r"(?:[a-z-]+\s+)?(?:firms|companies|startups|start-ups|businesses)\b(?![,:(]|\s+(?:including"
    r"|such\s+as|like|named|called)\b)"
)


def _unnamed_bought(sentence: str, cue: int) -> bool:
    """Whether the companies bought are counted, not named, and no later verb of buying
    names them ("bought three firms in 2015, spending $390 million to purchase Panaya")."""
    counted = _UNNAMED_BOUGHT.match(sentence, cue)
    return counted is not None and not _PURCHASE_VERB.search(sentence, counted.end())


_PURCHASE_VERB = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing))\s"
)


def _sold_to_nobody(sentence: str, cue: int, actors: list[Mention]) -> bool:
    """ "JPMorgan sells down $1.9bn stake in Fortescue", "Olympus reportedly sold a 10%
    stake in Aster DM Healthcare": a holder selling, and no buyer named ("… to Bain
    Capital" names one): no deal between the holder and the company."""
    sold = _STAKE_SOLD.search(sentence, max(0, cue - 60), cue + 10)
    if sold is None:
        return False
    return not any(
        m.start > sold.end() and _TO_BUYER.search(sentence, sold.end(), m.start) for m in actors
    )


_STAKE_SOLD = re.compile(
    r"\b(?:sell|sells|sold|selling|offload\w*|divest\w*)\s+(?:down\s+)?"
    r"(?:(?:a|an|its|the|their|his|her|part\s+of\s+its|all\s+of\s+its)\s+)?"
    r"(?:[\w.,$%-]+\s+){0,3}?stakes?\s+in\b"
)
_TO_BUYER = re.compile(r"\bto\s+(?:[\w-]+\s+){0,6}?$")


# "signed a purchase agreement for the two Airbus aircraft A330-200 and A330-300": an
# order of goods, the maker no company bought
_GOODS_ORDERED = re.compile(
    r"(?:purchase|sale)\s+(?:agreement|deal|contract|order)s?\s+(?:for|of)\s+"
    r"(?:the\s+|its\s+)?(?:\d+\s+|two\s+|three\s+|four\s+|five\s+|ten\s+)?"
    rf"(?:[A-Z][\w-]*\s+|\d[\w-]*\s+){{0,2}}(?:new\s+|used\s+)?{_GOODS}\b"
)
# a verb of buying and, right after it, a thing in lower case: what is bought is goods
_GOODS_BOUGHT = re.compile(
    r"(?:buy|buys|bought|buying|purchase|purchases|purchased|purchasing)\s+(?:"
    r"(?!(?:a|an|the|its|their|his|her|all|control|majority|most|some|part|shares|stakes?"
    r"|assets|businesses|units?|operations|equity|interests?|back|out|up|into|time)\b)"
    r"[a-z][a-z-]+(?:\s+[a-z]+)?\s+from\b"
    # "to purchase about 360 autonomous battery electric trucks": so many goods (but
    # "buy about 330 MW of solar assets from Hindustan Powerprojects" buys a business)
    r"|(?![^.;]{0,90}\bfrom\b)"
    r"(?:about |around |roughly |some |up to |nearly |another |more than )?\d[\d,]*\s+"
    r"(?!(?:per|percent|pct|million|billion|trillion|mn|bn|shares?|stakes?|of|companies|firms"
    r"|businesses|units?|stores|hotels|mines|banks|branches|outlets|sites|plants)\b)[a-z])"
)


# "investing in e-commerce", "invested in the development of": money into a field or
# a project (but "invested in the startup", "in its rival", "in London-based Dizziak")
_INVESTED_IN_A_FIELD = re.compile(
    r"(?:invest|invests|invested|investing|investment|investments)\s+in\s+(?:the\s+"
    r"development\s+of\b|(?!(?:a|an|the|its|their|his|her|both|two|three|several|shares?"
    r"|stakes?|stock|equity|startups?|companies|company|firms?|rivals?|businesses|conjunction"
    r"|partnership)\b)"
    r"[a-z][a-z-]+\b(?!-))"
)


_ANNOUNCED_THAT = re.compile(r"\b(?:announced|said|says|announces|confirmed)(?: \w+)? that\b")
# (a place's possessive is a description too: "partnered with Japan's Panasonic")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:(?:the|its|their|a|an)\s+)?(?:[\w-]+(?:['’]s)?\s+){0,2}$")
_ADJUNCT_CUE = re.compile(r"\s+(?:acquisition|purchase|takeover|buyout)\b(?!\s+(?:of|by)\b)")
_WHICH_BOUGHT = re.compile(
    r"\s*,\s+which\s+(?:[\w.’'-]+\s+){0,6}?(?:acquired|bought|purchased|took over)\b"
)


_UNIT_OF = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:business|segment|unit|division|arm|operations|subsidiary)\s+of"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
)


def _parties(
    kind: str, sentence: str, low: str | None, actors: list[Mention], cue: int
) -> tuple[tuple[str, str], ...]:
    before = [m for m in actors if m.start < cue]
    after = [m for m in actors if m.start >= cue]
    if kind == "acquisition":
        sold = _sale(sentence, actors, cue)
        if sold is not None:
            return sold  # empty when the sale names no company sold
        bidders = [m for m in actors if _BIDDERS_OWN.match(sentence, m.end)]
        if len(actors) == 2 and len(bidders) == 1:
            # "Kestrel accepted Orsk's $108bn takeover bid": whose bid it is buys
            (bid_for,) = (m for m in actors if m is not bidders[0])
            return ((bidders[0].slug, "acquirer"), (bid_for.slug, "target"))
        if (
            _SALE_WORD.match(sentence, cue)
            and _SALE_TO.match(sentence, cue) is None
            and len(before) == 1
        ):
            # "Kroger Announces the Sale of Vitacost.com": the seller and what it sells,
            # no buyer named
            return ()
        which = _WHICH_BOUGHT.search(sentence)
        if which:  # "DeepMind, which Google parent company Alphabet acquired in 2014"
            target = next((m for m in reversed(actors) if m.end <= which.start()), None)
            # the name right before the verb: "Google parent company Alphabet"
            buyer = next(
                (m for m in reversed(actors) if which.start() < m.start < which.end()), None
            )
            if target and buyer and target.slug != buyer.slug:
                return ((buyer.slug, "acquirer"), (target.slug, "target"))
        # "its Instagram acquisition, Facebook …": the name before the noun is bought
        adjunct = next((m for m in actors if _ADJUNCT_CUE.match(sentence, m.end)), None)
        if adjunct is not None:
            buyer = next(m for m in actors if m.slug != adjunct.slug)
            return ((buyer.slug, "acquirer"), (adjunct.slug, "target"))
        of_by = _OF_BY.search(sentence)
        if of_by:  # "the purchase of cataloger Fingerhut by Federated"
            target = next((m for m in actors if of_by.start() < m.start < of_by.end()), None)
            buyer = next((m for m in actors if m.start >= of_by.end()), None)
            if target and buyer and target.slug != buyer.slug:
                return ((buyer.slug, "acquirer"), (target.slug, "target"))
        passive = _PASSIVE_ACQ.search(sentence, low)
        by = (
            [m for m in _PASSIVE_ACQ.finditer(sentence, low) if m.end() <= after[0].start]
            if passive and after
            else []
        )
        if by and by[-1].group(0).endswith("by"):
            # "With BladeLogic acquired by BMC, …", "[Chef was bought by Progress](…) …
            # this Ansible news": the buyer is named right after "by", the company bought
            # before it; where either is not a company here, the sentence names no deal
            gap = LINK_MARKS.sub("", sentence[by[-1].end() : after[0].start])
            if not before or len(gap) > 50 or _BREAK_IN_GAP.search(gap):
                return ()
        if passive and before and after:
            told = LINK_MARKS.sub("", sentence[before[-1].end : passive.start()])
            inside = told.rfind("(") > told.rfind(")")  # a bracket still open
            if inside and not told.lstrip(" ’'s").startswith("("):
                # "… the Managing Director of Careem's Ride-Hailing business (acquired by
                # Uber in 2019)": the bracket tells of what was named right before it;
                # after the company bought, of another sale ("snapping up Imagination
                # (minus its MIPS arm, which is being sold to …)")
                if passive.start() < after[0].start:
                    return ()
            else:
                return ((after[0].slug, "acquirer"), (before[-1].slug, "target"))
        if before and after:
            if _PRONOUN_FROM.search(sentence, cue, after[0].start):
                # "Expedient … announced that AMP Capital has agreed to acquire the company
                # from its parent, Landmark": the company the sentence opens with is bought
                if (
                    len(before) > 1
                    and before[0].slug != before[-1].slug
                    and _ANNOUNCED_THAT.search(sentence, before[0].end, before[-1].start)
                ):
                    return ((before[-1].slug, "acquirer"), (before[0].slug, "target"))
                # "Nvidia's purchase of the firm from SoftBank": the company bought is
                # named in another sentence; the one named here sold it
                return ()
            buyers = _co_buyers(sentence, before)
            if len(before) > 1 and _APPOSITION_THEN_VERB.fullmatch(sentence, before[0].end, cue):
                # "Magna International Inc., one of the Big Three along with Lear and
                # Johnson Controls, recently acquired …": the names of the apposition
                # describe the subject, which buys
                buyers = [before[0]]
            if (
                len(before) > 1
                and _ITS_CUE.search(sentence, max(0, cue - 30), cue)
                and _SAYS_AFTER.match(sentence, before[0].end)
            ):
                # "Abbott said it has financing for both St Jude Medical and for its planned
                # acquisition of Alere": "its" is the company the clause is about
                buyers = [before[0]]
            target = after[0]
            if len(after) > 1 and _UNIT_OF.fullmatch(sentence, target.end, after[1].start):
                # "to acquire the Electric Hybrid Systems business segment of Eldor": the
                # parent sells its unit, the deal is with the parent
                target = after[1]
            return (*((m.slug, "acquirer") for m in buyers), (target.slug, "target"))
        if not before and _NOUN_OF.match(sentence, cue):
            bought, other = actors[0], actors[1]
            gap = sentence[bought.end : other.start]
            if _LIST_GAP.match(gap) and (
                # (joined by "and", both are bought whatever verb follows: "the acquisition
                # of PDN Inc. and Med IV Inc. is expected to close")
                not _VERB_AFTER.match(sentence, other.end) or _AND_IN_GAP.search(gap)
            ):
                # "its own acquisition of Pebble, Vector and Coin": each one bought, by
                # a buyer this sentence does not name
                return ()
            # "Along with its purchase of Versace, Michael Kors announced …"
            return ((other.slug, "acquirer"), (bought.slug, "target"))
        return ((actors[0].slug, "acquirer"), (actors[1].slug, "target"))
    if kind == "investment":
        raised = _RAISED.search(sentence, low)
        led = _LED_BY.search(sentence)
        backers = [m for m in actors if _INVESTMENT_FROM.search(sentence, 0, m.start)]
        for m in actors:  # "from Charles River Ventures, Ignition Partners, and Floodgate"
            if (
                backers
                and m.start > backers[-1].end
                and _AND_NEXT.fullmatch(sentence, backers[-1].end, m.start)
            ):
                backers.append(m)
        if backers and len(backers) < len(actors):
            # "Phil Announces $100M Investment from Warburg Pincus": who it comes from
            # invests in the company named before
            investee = next(m for m in actors if m not in backers)
            return ((investee.slug, "investee"), *((m.slug, "investor") for m in backers))
        if raised:
            investee = next((m for m in reversed(actors) if m.start < raised.start()), actors[0])
        elif actors[0].end == 0 and (
            _LED_FIRST.match(sentence) or _ROUND.search(sentence, low) is not None
        ):
            # "Led by Paladin, the Series B includes …", "Other participants include
            # existing backers Premji Invest, which will inject …": the round's company,
            # named before (_round_investee put it first)
            investee = actors[0]
        elif led and any(m.start < led.start() for m in actors):
            # "The round was led by Brackwater", "Quorvel's round, led by …": who leads
            # invests
            investee = next(m for m in reversed(actors) if m.start < led.start())
        elif after and before:
            investee = after[0]
        else:  # "A and B announced a joint investment": both invest
            return tuple((m.slug, "investor") for m in actors)
        investors = [(m.slug, "investor") for m in actors if m is not investee]
        return ((investee.slug, "investee"), *investors)
    if kind == "licensing":
        licensor = next((m for m in actors if _FROM.search(sentence[: m.start])), actors[0])
        return tuple((m.slug, "licensor" if m is licensor else "licensee") for m in actors[:2])
    role = "party" if kind == "merger" else "partner"
    return tuple((m.slug, role) for m in actors)


# A plural deal noun whose buyers follow "by": each of them made a deal of its own
_BY_FELLOWS = re.compile(
    r"(?:acquisitions|purchases|takeovers|buyouts|investments)\s+(?:made\s+)?by\s", re.I
)


# A plural deal noun that lists what was bought or backed ("… investments include",
# "made major acquisitions during that time, including")
_LISTED_DEALS = re.compile(
    r"(?:acquisitions|investments|purchases|deals|bets)\s+(?:have\s+|has\s+)?includ(?:e|es|ed)\b"
    r"|\b(?:acquisitions|investments|purchases|takeovers)\b[^.;]{0,30}?,?\s+including\b",
    re.I,
)


# Buyers who bid together: "Orsk and Morrow agreed to buy", "Orsk, together with Morrow,
# agreed to buy", "Orsk on Wednesday joined with French bank Morrow to bid for"
_CO_BUYER = re.compile(
    r",?\s+(?:[\w.-]+\s+){0,2}?(?:and|together with|along with|(?:has |have |had )?"
    r"(?:joined|teamed up|joined forces|partnered|linked up) with|in (?:a )?(?:consortium"
    r"|partnership) with)\s+(?:[\w-]+\s+){0,2}?",
    re.I,
)


def _co_buyers(sentence: str, before: list[Mention]) -> list[Mention]:
    """The buyer named last before the deal's word, and those named with it as its
    fellow bidders, in the order the sentence names them."""
    buyers = [before[-1]]
    # a headline's comma is its "and": "Blackstone, Vista to Acquire Smartsheet"
    headline = _HEADLINE_VERB.match(sentence, before[-1].end) is not None
    for m in reversed(before[:-1]):
        between = _FULLER_NAME.sub("", sentence[m.end : buyers[0].start])
        if m.slug in {b.slug for b in buyers} or not (
            _CO_BUYER.fullmatch(between) or (headline and between == ", ")
        ):
            break
        buyers.insert(0, m)
    return buyers


_APPOSITION_THEN_VERB = re.compile(
    r"(?:\s*\([^)]*\))?,\s+(?:one of|a|an|the|which|who|whose|itself)\s[^;:]*?,"
    r"\s+(?:[a-z]+\s+){0,3}"
)
_HEADLINE_VERB = re.compile(
    r"\s+(?:to|in talks to|set to|near|nears|agree to|agrees? to|buy|buys|acquire|acquires"
    r"|snap up|snaps up|take over|takes over)\s",
    re.I,
)


# a sale names its buyer after "to": "sold Orsk Data to Morrow Capital", "the sale of
# Orsk Data to Morrow", "Orsk's $40 billion sale to Morrow"
_SALE_TO = re.compile(r"(?:sold|sells?|selling|sale)\b[^;]{0,100}?\sto\s")


_SALE_BEFORE_SHARE = re.compile(
    r"\b(?:sold|sells?|selling)\s+(?:(?:its|their|the|his|her|half|all|entire|whole|remaining"
    r"|of)\s+){1,3}$"
)


_SALE_WORD = re.compile(r"(?:sold|sells?|selling|sale)\b", re.I)


def _sale(sentence: str, actors: list[Mention], cue: int) -> tuple[tuple[str, str], ...] | None:
    """The buyer and the company sold, when the cue is a sale to a named buyer: the
    company sold is the one named between the sale and "to", else the one before the
    sale (the seller of a company named by name is no party)."""
    sale = _SALE_TO.match(sentence, cue)
    if sale is None:
        # "sold its entire 56.32% stake in …", "sold half its 96% stake in … to": the cue
        # is the share, the sale's word stands right before it
        word = _SALE_BEFORE_SHARE.search(sentence, max(0, cue - 30), cue)
        sale = _SALE_TO.match(sentence, word.start()) if word else None
    if sale is None or "itself" in sale.group(0):  # "selling itself to": _parties's own
        return None
    to = sale.end()
    buyer = next((m for m in actors if m.start >= to), None)
    between = [m for m in actors if cue < m.start < to]
    before = [m for m in actors if m.start < cue]
    target = between[-1] if between else (before[-1] if before else None)
    if buyer is None or target is None or buyer.slug == target.slug:
        # "The sale to Gemstone and Allied Cigar": buyers, and no company sold
        return ()
    return ((buyer.slug, "acquirer"), (target.slug, "target"))


_INVESTMENT_FROM = re.compile(
    r"\b(?:(?:investment|funding|financing|backing|capital|round)\s+(?:[\w$.,-]+\s+){0,3}?from"
    r"|funded\s+by(?:\s+both)?)\s+$",
    re.I,
)
_AND_NEXT = re.compile(r"\s*(?:,|,?\s+and|,?\s+&)\s*")
_LED_BY = re.compile(r"\b(?:led by|(?:with )?participation (?:from|of|by))\b")


def _date(sentence: str, published: PartialDate | None) -> tuple[PartialDate | None, bool]:
    """The date the sentence gives the deal, else the article's; and whether it gave one."""
    for found in find_dates(sentence, published):
        if _SINCE.search(sentence[: found.start] + sentence[found.start : found.end].split()[0]):
            continue  # "since 2023", "founded in 2021": not when the deal was made
        if _FOUNDED.search(sentence[: found.start]):
            continue
        if found.date <= (published or found.date) or published is None:
            return found.date, True
    return published, False


# Kinds news uses for one event: an acquisition is also called a merger; a partnership an
# MoU or a joint venture (link.py matches reports of one event across articles by it).
KIND_FAMILY = {"merger": "acquisition", "mou": "partnership", "joint-venture": "partnership"}


def _family(hit: _Hit) -> str:
    return KIND_FAMILY.get(hit.finding.kind, hit.finding.kind)


def _merge(hits: list[_Hit]) -> list[DealFinding]:
    """Sentences about the same parties and the same time are one deal."""
    # News tells one deal several ways: "agreed to buy LinkedIn … the merger", "invested
    # $10 billion … the partnership": statements of any kind about the same parties and
    # time are one deal (on the annotated real news two of different kinds were one deal
    # far more often than two; "invested in …; separately, licensed … to" is the rarer
    # case and is merged too). A statement that names one more party (an adviser, a
    # parent) is the same deal. Background deals of other years stay apart.
    groups: dict[tuple[frozenset[str], int | None, str], list[int]] = {}
    # strong statements first, so a deal's parties are a strong statement's
    for i in sorted(range(len(hits)), key=lambda i: (not hits[i].strong, hits[i].generic)):
        hit = hits[i]
        parties = frozenset(p for p, _ in hit.finding.parties)
        family = KIND_FAMILY.get(hit.finding.kind, hit.finding.kind)
        key = next(
            (k for k in groups if k[1] == hit.year and (k[0] <= parties or parties <= k[0])),
            (parties, hit.year, family),
        )
        groups.setdefault(key, []).append(i)
    out = []
    for indices in sorted(groups.values(), key=min):
        members = [hits[i] for i in sorted(indices)]
        # the kind most of its statements give ("invested $10 billion … the investment …
        # not an acquisition"), then the first strong statement of it (the lede states
        # the deal best)
        families = Counter(_family(h) for h in members if h.strong and not h.generic)
        # a tie goes to the kind a sentence states as news ("has received a growth
        # investment from Pegasus, Merion and Petra" over a page title's "Acquisition")
        stated = {_family(h) for h in members if h.strong and h.explicit_status}
        kind = max(families, key=lambda f: (families[f], f in stated), default=None)
        best = (
            next((h for h in members if _family(h) == kind and not h.headline), None)
            or next((h for h in members if _family(h) == kind), None)
            or next((h for h in members if h.strong), members[0])
        )
        explicit = [h.explicit_status for h in members if h.explicit_status]
        status = best.finding.status
        if explicit:
            firm = [s for s in explicit if s != "rumored"]
            order = ("announced", "agreed", "completed", "terminated")
            if "rumored" in explicit and not any(s in ("completed", "terminated") for s in firm):
                status = (
                    "rumored"
                    if members[0].explicit_status == "rumored" or not firm
                    else max(firm, key=order.index)
                )
            elif best.explicit_status in ("announced", "agreed", "completed") and (
                "terminated" not in firm
            ):
                # the lede states the news; a later "acquired" is often another deal's
                status = best.explicit_status
            elif firm:
                status = max(firm, key=order.index)
            if status == "terminated" and "announced" in firm:
                # "has raised its bid for Qualcomm … Qualcomm's board previously rejected
                # Broadcom's original approach": a target's no is not the end of a bid
                # still made; the deal ends when the bidder walks away
                ended = [h for h in members if h.explicit_status == "terminated"]
                if all(rejected(h.finding.quote) for h in ended):
                    status = "announced"
        if best.finding.background and status == "announced":
            status = best.finding.status
        value = next((h.finding.value for h in members if h.finding.value), None)
        areas = sorted({a for h in members for a in h.finding.areas})
        out.append(
            DealFinding(
                kind=best.finding.kind,
                status=status,
                parties=best.finding.parties,
                # the headline has no date of its own: the body's first statement that
                # gives one does ("said Tuesday it would buy"), else its first statement
                announced=next(
                    (h.finding.announced for h in members if h.dated and not h.headline),
                    next(
                        (h.finding.announced for h in members if not h.headline),
                        members[0].finding.announced,
                    ),
                ),
                value=value,
                areas=tuple(areas),
                quote=best.finding.quote,
                background=best.finding.background,
                rule=best.finding.rule,
                confidence=min(CEILING, best.finding.confidence + 0.1 * (len(members) - 1)),
                statements=len(members),
                stated=bool(explicit) or best.finding.background,
            )
        )
    return out
