"""A deal's status as one sentence states it: rumored, announced, agreed,
completed or terminated, and whether the sentence said so at all.
"""

from __future__ import annotations

import re

from .text import LINK_MARKS, Caseless, lowered

# what a buyout takes private: "take the software developer private", "took Arm private"
TAKEN_PRIVATE = r"(?:[\w'\u2019.-]+ ){1,4}?private"

_TERMINATED = Caseless(
    # "terminated", not a release's "termination fee" or "may be terminated"
    # (not what someone says may happen: "reported that the transaction would be called off")
    r"\b(?:(?<!would be )(?<!could be )(?<!may be )(?<!might be )called off"
    r"|scrap|scraps|scrapp\w*|abandon\w*|(?<!be )terminated|terminates"
    r"|terminating (?:the|its|their)|walked away|walk(?:s|ing)? away from (?:the|its|a)"
    # (not a deal "near collapse", which still stands)
    r"|(?<!near )(?<!nearly )(?<!close to )(?<!verge of )(?<!brink of )(?<!could )(?<!may )"
    r"(?<!might )collaps\w*"
    r"|fizzl(?:e|ed|es) out|(?:gave|gives|give|giving) up on (?:the|a|an|its|their)\b"
    # (not a block later lifted: "the regulator initially blocked Renaissance from")
    r"|(?<!initially )(?<!originally )(?<!at first )blocked"
    r"|pull(?:s|ed|ing)? out|(?:is|was|now) (?:officially |finally )?(?:dead|off)(?! the)"
    # (not a merger's shares "cancelled in exchange for the right to receive" cash)
    r"|cancel\w*(?!\s+(?:in exchange|and converted|and cease|for the right))|ended talks"
    # "dropped its 29.6 billion-pound (US$36.4 billion) unsolicited takeover bid"
    r"|(?:dropped|withdrew|withdrawn) (?:its|the|their) (?:[^;]{0,60}?(?:takeover|buyout"
    r"|merger|acquisition) )?(?:bid|plan|offer|proposal)s?\b"
    r"|no longer (?:acquire|buy|merge|purchase|pursue|invest)"
    r"|scupper\w*|scuttl\w*|thwart\w*|(?:fell|fallen) (?:through|apart)|torpedo\w*|nixed"
    # "merger talks with TCS Group have fallen apart", "the negotiations broke down"
    r"|(?:talks|negotiations|discussions) [^;]{0,60}?\b(?:broke|broken) down"
    # "BlackBerry Ends Partnership with TCL", "paid Fiat to end their alliance"
    r"|(?:ends|ended|ending|(?:to|will|would) end) (?:its |their |the )?(?:[\w-]+ )?"
    r"(?:partnership|alliance|agreement|deal|relationship|collaboration|tie-up|joint venture)"
    # an offer turned down, an attempt that failed
    r"|rejected|rejects|spurned|turned down|unsuccessful\w*|failed (?:bid|attempt|to)"
    # "the Failed Cengage/McGraw-Hill Education Merger", "the failed $30bn deal"
    r"|failed (?:[\w/&$.'-]+ ){0,4}?(?:merger|takeover|acquisition|deal|tie-up)"
    r"|attempted to (?:buy|acquire|take over|merge)"
    # "How the Fiat-Renault merger died", "In 2001 it killed the merger of General Electric
    # and Honeywell"
    r"|(?:merger|takeover|deal|acquisition|bid|tie-up|alliance) (?:talks )?died"
    r"|(?:killed|kills) (?:off )?(?:the|a|its|their) (?:[\w$.-]+ ){0,3}?"
    r"(?:merger|takeover|deal|acquisition|bid|tie-up))\b",
    # (every alternative holds one of these: most sentences have none, and the pattern,
    # with no literal to look for first, is tried at every character)
    (
        *("off", "dead", "scrap", " up on ", "abandon", "terminated", "terminates", "terminating "),
        *("walked away", " away from ", "collaps", "fizzle", "blocked", "pull", "cancel"),
        *("ends", "ended", "ending", " end", "dropped ", "withdr", "no longer ", "scupper"),
        "scuttl",
        *("thwart", "fell ", "fallen ", "broke", "torpedo", "nixed", "rejected", "rejects"),
        "spurned",
        *("turned down", "unsuccessful", "failed ", "attempted to ", "died", "kill"),
    ),
)
_RUMOR = Caseless(
    # (a price reported is no rumour of the deal: "which reportedly cost around $2 billion")
    r"\b(?:reportedly(?! (?:cost|costs|paid|pays|valued|worth)\b)|rumou?r\w*|in talks"
    # "is in advanced discussions to buy", "a person familiar with the matter"
    r"|in (?:advanced |early |exclusive |late-stage |preliminary )?(?:discussions|negotiations)"
    r"|persons? familiar"
    r"|talks (?:to|with|over|about)|considering"
    # talks agreed on are no deal agreed: "yesterday agreed to resume talks on a merger"
    r"|(?:resum|reopen|restart)\w* (?:the |their |its )?(?:\w+ )?(?:talks|negotiations)"
    r"|agreed to (?:hold|open|begin|start|enter(?: into)?) (?:\w+ )?(?:talks|negotiations)"
    r"|(?:talks|negotiations) (?:should |would |will |could |to )?(?:be )?(?:resumed|reopened)"
    r"|consider(?:s|ed)? (?:a|an|buying|acquiring)|exploring|explores|weighing|weighs"
    # (not "an agreement pursuant to which")
    r"|pursu(?!ant)\w*|people familiar|sources? familiar|in (?:the )?race to|preferred bidder"
    r"|front-?runner|dismiss(?:es|ed)?|"
    r"sources? (?:said|say|close|told)|is said to|are said to|speculat\w*|denied|"
    # "Frasers Group said to be close to buying Savile Row tailor", "is reported to be close
    # to securing the purchase of", "nears deal to buy": near a deal is not one
    r"said to be|reported to be|(?:close|closer|closing in|near|nears|nearing) (?:to |on )?"
    r"(?:an? )?(?:deal|agreement|buying|acquiring|purchasing|securing|clinching|sealing"
    r"|striking|selling|signing)\b|"
    r"denies|deny|"
    r"potential (?:deal|bid|acquisition|merger)|possible (?:deal|bid|merger)|"
    r"has not (?:signed|agreed)|have not (?:signed|agreed)|yet to (?:sign|agree|reach)|no agreement"
    # "is in exclusive due diligence to acquire": looking at the books, not yet agreed
    r"|due diligence to"
    # an auction under way: "are through to the final round of bidding for Inghams",
    # "shortlisted two power plants to buy"
    r"|(?:final|second|next|first|last) round of (?:bidding|bids|the (?:auction|sale))"
    r"|short-?list(?:ed|s)?\b"
    # a denial: "Tencent has not invested in Bluehole"
    r"|(?:has|have|had|did) not (?:invested|invest|bought|buy|acquired|acquire|made an offer)"
    r"|preparing (?:to|a) (?:bid|offer|submit)"
    # "word leaked that Apple was buying", "a source tells us", "trying to negotiate a takeover"
    r"|(?:word|news) (?:has )?leaked|leaked that|sources? tells?"
    r"|(?:trying|seeking|hoping|looking|aiming) to negotiate"
    # the press's own sources: "Street Talk understands", "is understood to be in talks"
    r"|(?:is|are) understood to|it is understood|(?:Street Talk|DataRoom) understands)\b"
)
# The same in the other languages of the reports a briefing gathers: "Un nuevo informe
# afirma que Google está en las etapas finales", "selon des sources proches", "Insidern
# zufolge" (a report or sources, or talks still under way)
_REPORTED_ABROAD = Caseless(
    r"\b(?:(?:un |el |otro )?(?:nuevo )?informe (?:afirma|dice|se\u00f1ala|indica|asegura)"
    r"|seg\u00fan (?:fuentes|un informe|informes|medios|la prensa)"
    r"|fuentes (?:cercanas|familiarizadas|consultadas)"
    r"|en (?:conversaciones|negociaciones) (?:para|con)"
    r"|selon (?:des sources|plusieurs sources|un rapport|la presse|nos informations)"
    r"|en (?:discussions|n\u00e9gociations) (?:avec|pour)"
    r"|(?:insidern|kreisen|informationen) zufolge|laut (?:einem bericht|insidern|kreisen)"
    r"|secondo (?:fonti|indiscrezioni|un rapporto)|in trattative)",
    (
        *("informe ", "seg\u00fan ", "fuentes ", "conversaciones ", "negociaciones "),
        *("selon ", "discussions ", "n\u00e9gociations ", "zufolge", "laut ", "secondo "),
        "trattative",
    ),
)
# Attribution to a report: a rumour, unless the sentence says the deal was done
# ("Google has invested $300 million in Anthropic, according to the Financial Times").
_REPORTED = Caseless(
    # (a tally's source is no report of the deal: "according to Dealogic", "according to
    # data from Refinitiv")
    r"\b(?:according to(?! (?:data|figures|research) (?:from|by)\b)(?! (?:factset|dealogic"
    r"|refinitiv|pitchbook|crunchbase|cb insights|mergermarket|lseg|preqin)\b)"
    r"|reportedly(?! (?:cost|costs|paid|pays|valued|worth)\b)|revealed"
    r"|reported that|had reported|report that)\b",
    ("according to", "reportedly", "revealed", "reported that", "had reported", "report that"),
)
# a press report the sentence ends on: "…, the Wall Street Journal reported", "…, NHK
# reported on Friday, citing people close to the matter"
_REPORTED_END = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){1,4}(?:reported|reports|has reported)"
    r"(?:\s+(?:on\s+)?\w+)?(?:,\s+citing\b.*)?[.”\"]*\s*$"
)
# A company confirming what was reported: "Twitter has confirmed the acquisition"
_CONFIRMED = Caseless(
    r"\b(?:has|have|had) (?:since |now |officially )?confirmed (?:the|its|their) "
    r"(?:acquisition|purchase|takeover|investment)\b",
    ("confirmed",),
)
# An offer is on the table, not agreed: "offered to acquire", "raised its bid for",
# "a hostile bid", "a tender offer".
_OFFER = Caseless(
    r"\b(?:offered to|offers to|(?:had|has|have) offered|made an offer|makes an offer"
    # "made a $121 billion 'best and final offer'", "sent … a non-binding indication of
    # interest to acquire"
    r"|(?:made|makes) an? (?:[^ .;]+ ){0,5}?[^ \w]?offer"
    r"|non-binding (?:indication|offer|proposal)|indication of interest"
    # (not the idiom: "making a bigger push into sportswear in a bid to diversify")
    r"|tabled an offer|(?<!\bin )(?:an?|its|their) (?:[\w$.-]+ ){0,3}?(?:offer|bid) (?:to|for)"
    r"|(?:raised|raises|sweetened) its "
    r"(?:offer|bid|price)|(?:increased|increases|lifted|lifts|boosted|boosts) (?:its |the )?"
    r"(?:offer|bid)|hostile (?:bid|offer|takeover)|tender offer|unsolicited (?:bid|offer)"
    r"|takeover (?:bid|approach)|bid for)\b",
    # (every alternative holds one of these)
    (
        *("offer", "bid", "non-binding ", "indication of interest", "raised", "raises"),
        *("sweetened", "hostile ", "unsolicited ", "takeover "),
    ),
)
_OPENING_CLAUSE = re.compile(
    r"(?:(?:Not long|Shortly|Soon|Days|Weeks|Months|Years) after|After|Following|Having|Despite)"
    r"\b[^,;]{3,80},\s*(?=\S)"
)
_CLOSING_CLAUSE = re.compile(
    r",\s+(?:(?:just\s+|only\s+)?(?:days|weeks|months|years|a\s+(?:day|week|month|year))\s+)?"
    r"(?:after|following)\s"
    # "… agreed Monday to buy HSN, feeding speculation that Diller …": what the deal set off
    r"|,\s+(?:feeding|fuel(?:l)?ing|sparking|stoking|prompting|adding to)\s"
    # "… approved T-Mobile's acquisition of Sprint, a deal it rejected under the previous
    # administration", "… to buy Nolan Meats, a … business that was unsuccessful in a
    # previous sale": what the thing named was, not what became of this deal
    r"|,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:deal|business|company|firm|transaction)"
    r"\s+(?:that|which|it|who)\s"
)
_ACCEPTED = Caseless(
    r"\b(?:agreed|agrees|accepted|accepts|recommended|recommends|backed|backs) (?:to )?"
    r"(?:an?|the|its|(?:[\w.&-]+ ){0,3}?[\w.&-]+['\u2019]s) (?:[\w$.-]+ ){0,3}?"
    r"(?:offer|bid|takeover)\b"
    # the deal itself agreed, a bid only its history: "has agreed to sell itself to
    # Blackstone …, days after the investment firm lowered its bid"
    r"|\b(?:has|have|had) agreed to (?:sell|buy|acquire|purchase|merge|be (?:acquired|bought))\b",
    ("agree", "accept", "recommend", "back"),
)
_COMPLETED = Caseless(
    # not "expected to be completed in the fourth quarter"
    r"\b(?:(?<!to be )completed|(?<!to )complete[sd]? (?:the|its)"
    r"|(?:was|were|has been|have been) merged"
    # "after it led a $1.1 billion investment in Tokopedia": who led a round has invested
    r"|led (?:an?|the|its) (?:[\w$.-]+ ){0,3}?(?:investment|funding|financing) in"
    r"|merged (?:into|with)"
    # in effect: "have been working closely since entering into a Memorandum", "was able
    # to acquire Oculus for less"
    r"|(?:have|has) been working (?:closely )?(?:together|with)"
    r"|since (?:entering into|signing|forming)"
    r"|(?:was|were) able to (?:buy|acquire|purchase)"
    # money already out: "announced that it spent $305 million to buy Blue River"
    # ("Wipro spent $95 million in July 2015 to buy Designit")
    r"|(?:spent|paid) (?:[^ ]+ ){0,6}?to (?:buy|acquire|purchase|take over)"
    r"|clos(?:ed|es|ing) (?:the|its) (?:[^ ]+ ){0,3}?(?:acquisition|purchase|deal|merger|takeover"
    r"|round|sale)|has closed"
    # "with the close of a $1.2 billion acquisition", "upon the completion of its merger"
    # (but "Completion of the deal is expected in May")
    r"|(?:with|upon|on|after|following|since) (?:the )?(?:close|closing|completion) of "
    r"(?:the |its |their |an? )?(?:[^ ]+ ){0,4}?(?:acquisition"
    r"|purchase|deal|merger|takeover|sale)"
    # "it has made a lead investment", "Microsoft makes strategic investment"
    r"|(?:has made|have made|made|makes) (?:an? |its |their )?(?:[\w-]+ ){0,3}?investment"
    r"|finali[sz]ed (?:the|its) (?:acquisition|purchase|takeover|merger)|"
    r"now owns|became a (?:subsidiary|unit)|(?<!be )(?<!being )acquired|(?<!be )(?<!being )bought"
    r"|(?<!be )(?<!being )purchased"
    r"|took over|invested|"
    # "following a 200 000 euro seed investment from GS Venture": it came before
    r"following (?:an?|the|its|their) (?:[\w$.,-]+ ){0,4}?(?:investment|acquisition|purchase"
    r"|funding|round|merger|takeover)|"
    # a round raised, not a bid: "raised its bid for Qualcomm"
    r"raised(?! (?:its|their|the) (?:[\w$.-]+ ){0,2}?(?:offer|bid|price))|"
    r"(?:has|have|had) purchased|announced (?:on \w+ |today |this week )?(?:the|its) "
    r"(?:acquisition|purchase|completion) of|"
    # a headline's present tense tells what happened: "Dentsu Aegis Network acquires …"
    r"acquires|buys|purchases|snaps up|takes over|invests|"
    # "Crown Laboratories Completes Acquisition of Revance"
    r"completes (?:[\w$.,-]+ ){0,3}?(?:acquisition|purchase|merger|takeover|sale|deal)|"
    # (not "took a surprising twist")
    r"has taken|have taken|took an? (?![\w-]+ (?:twist|turn|look|step|hit|beating|break)\b)"
    r"|snapped up|snatched up|scooped up|"
    r"(?:was|were|has been|have been) (?:purchased|sold|taken over)|"
    # "made its biggest acquisition by buying LinkedIn", "Google paid £400m for DeepMind"
    r"by (?:buying|acquiring|purchasing)|paid (?:[^ ]+ ){1,4}?for|"
    r"(?:has |have )?received (?:[^ ]+ ){0,3}?(?:in )?(?:funding|investment)|"
    r"accepted (?:[^ ]+ ){0,3}?investment|"
    # "the merger …, which became final Tuesday", "Twitter has confirmed the acquisition"
    r"became (?:final|effective)|took effect|"
    # a round that was led: "The round was led by StageOne Ventures"
    r"(?:round|funding|financing) (?:was|has been) led by|"
    # "Biogen licensed five drug targets from CuraGen": a licence taken is in force
    r"(?<!be )(?<!been )licensed|"
    # "IBM sold to Lenovo its server business"; a partnership that runs: "has a partnership"
    r"(?<!be )(?<!being )sold (?:[\w$.,-]+ ){0,10}?to|(?:has|have) (?:a|an) (?:[\w-]+ ){0,2}?"
    r"(?:partnership|alliance|stake)|"
    # "the acquisition closed in May", "the deal, which closed last week"
    r"(?:acquisition|purchase|deal|merger|takeover|sale|transaction)(?: of [^,.;]{1,60}?)?"
    r"(?:,? which)? closed|"
    r"confirmed (?:the|its) (?:acquisition|purchase|takeover|merger|deal)|"
    # a deal of the past: "the recent merger between", "Dell's purchase of EMC last year"
    r"(?:recent|recently (?:completed|closed)) (?:[\w$.-]+ ){0,2}?(?:merger|acquisition|purchase"
    r"|takeover)|(?:acquisition|purchase|takeover|merger)(?: of [^,.;]{1,60}?)? (?:last year"
    r"|last month|a year ago|years ago))\b"
)
# what is to happen when the deal closes: it has not yet ("once the transaction is
# complete", "when the merger closes", "until the acquisition is completed")
_PENDING = Caseless(
    r"\b(?:once|when|until|after|before) the (?:[\w-]+ ){0,2}?(?:deal|transaction|merger"
    r"|acquisition|purchase|takeover|sale) (?:is |has been |was )?(?:complete|completed|closes"
    r"|closed|finali[sz]ed)\b"
    # "the acquisition of Maersk Oil that will close on March 8"
    r"|\b(?:deal|transaction|merger|acquisition|purchase|takeover|sale)\b[^;]{0,80}?\b(?:that"
    r"|which) (?:will|would|is to|is set to) (?:close|complete|be completed|be closed"
    r"|be finali[sz]ed)\b"
    # waiting for a regulator or the owners: "are seeking regulatory approval to merge",
    # "is blocking Oracle's acquisition of Sun", "Reckson shareholders OK SL Green's takeover"
    r"|\b(?:seek|seeks|seeking|await|awaits|awaiting|still (?:need|needs|require|requires))"
    r" (?:[\w-]+ ){0,2}?(?:approvals?|clearance)\b"
    r"|\b(?:is|are) (?:[\w-]+ )?blocking\b"
    r"|\bshareholders (?:ok|approve|approved|back|backed|vote for|voted for)\b",
    ("once", "when", "until", "after", "before", "that will", "which will", "that would",
     "which would", "that is to", "which is to", "that is set", "which is set", "seek",
     "await", "still ", "blocking", "shareholders "),
)  # fmt: skip
# A sentence of its own that says the deal is still to close ("The transaction is
# expected to close in the fourth quarter", "subject to regulatory approvals")
_STILL_TO_CLOSE = re.compile(
    r"\b(?:deal|transaction|acquisition|merger|purchase|takeover|sale|investment)s?\b"
    r"[^.;]{0,80}?\b(?:is|are|was|were) (?:expected|scheduled|set|due|anticipated) to "
    r"(?:close|complete|be completed|be closed|be finali[sz]ed)\b"
    r"|\b(?:subject to|pending|awaits?|awaiting) (?:customary |the )?(?:regulatory|shareholder"
    r"|antitrust|closing) (?:approvals?|conditions|clearance)\b",
    re.I,
)


# A target's no: "Conrail has rejected Norfolk Southern's $10.3 billion cash offer"
_REJECTED = re.compile(r"\b(?:rejected|rejects|spurned|turned down|rebuffed)\b", re.I)


def rejected(sentence: str) -> bool:
    """Whether the sentence tells of an offer turned down and of no other end of the deal
    ("withdrew its offer", "walked away": what _TERMINATED reads once the no is left out)."""
    if _REJECTED.search(sentence) is None:
        return False
    rest = _REJECTED.sub(" ", sentence)
    return _TERMINATED.search(rest, lowered(rest)) is None


def still_to_close(sentence: str) -> bool:
    """Whether the sentence says a deal has yet to close, naming no party."""
    return _STILL_TO_CLOSE.search(sentence) is not None


_AGREED = Caseless(
    r"\b(?:signed|signs|agreed|agrees|struck|strikes|inked|inks|formali[sz]ed|sealed|entered into|"
    r"reached an agreement|have reached|definitive|will acquire|to acquire|is to buy|to buy|formed|"
    # the seller's side: "Verizon is set to sell Tumblr to Automattic"
    r"(?:is|are) (?:set |going |about )?to sell|will sell|"
    # "confirmed that they are to merge": committed, not yet done
    r"(?:is|are) (?:set )?to (?:merge|combine)|"
    r"set up|established|granted|grants|licenses|licences|approved|approves|"
    # signed and waiting: "is expected to close in the third quarter", "pending approval"
    r"(?:expected|scheduled|due|set) to (?:be )?(?:close|complete|closed|completed|finali[sz]ed)"
    r"|pending (?:regulatory|shareholder)|"
    # "has received all regulatory approvals for acquiring": committed, not yet done
    r"(?:received|receives|obtained|obtains|won|wins) (?:all )?(?:the )?(?:necessary |required )?"
    r"(?:regulatory |shareholder |antitrust )?approvals? (?:for|to)|"
    r"pending (?:merger|acquisition|takeover|purchase|sale|deal)|signing|"
    # "Microsoft's planned $16 billion purchase of Nuance": agreed, not yet closed
    r"planned (?:[\w$.-]+ ){0,3}?(?:acquisition|purchase|merger|takeover)|"
    # "having trouble completing its proposed merger with Warner-Lambert": signed, pending
    r"(?:its|their|the) proposed (?:[\w$.-]+ ){0,2}?(?:merger|combination)|"
    r"will be (?:acquired|bought|sold|merged|taken over)|"
    # under way: "Tribune Media, which is being acquired by Sinclair", "when it becomes part
    # of Disney after the takeover"
    r"(?:is|are) being (?:acquired|bought|sold|merged|taken over)|"
    r"(?:will|would|when it|once it) becomes? part of|"
    # waiting for a regulator: "will be subject to an in-depth inquiry", "to review the
    # proposed sale"
    r"(?:will be|is|remains) subject to (?:an? )?(?:[\w-]+ ){0,2}?(?:inquiry|investigation"
    r"|review|approval|scrutiny)|"
    r"(?:to|will) (?:review|scrutini[sz]e|examine) the (?:proposed |planned )?(?:[\w$.-]+ )?"
    r"(?:deal|merger|takeover|acquisition|purchase|sale)|"
    # under way, not yet done: "announced today that it's buying Kiva", "is teaming up with",
    # "Microsoft will be acquiring the devices business", "said in May it was acquiring Giphy"
    r"(?:is|are|it['\u2019]s|was|were|will be) (?:buying|acquiring|purchasing|snapping up"
    r"|taking over|teaming up|partnering|collaborating|joining forces|investing|selling|merging"
    r"|paying)|"
    # a headline's present tense: "Anduril partners with Microsoft", "… Forms Joint Venture"
    r"partners with|teams up with|joins forces with|"
    r"forms (?:an? )?(?:[\w-]+ ){0,2}?(?:joint venture|partnership|alliance)|"
    r"(?:are|is) collaborating|will (?:team up|partner|work with)|"
    r"(?:has|have) partnered|partnered with|teamed up|joined forces|"
    # a commitment in the future tense is an agreement: "Microsoft will invest $500 million"
    r"will (?:invest|buy|acquire|purchase|take over|merge|license|licence|pay|form|work together"
    rf"|cooperate|collaborate|take {TAKEN_PRIVATE})|"
    # a partnership renewed is agreed again: "have extended their partnership"
    r"(?:extend|renew|expand)(?:s|ed|ing)? (?:the |their |its |a |an )?(?:[\w-]+ ){0,3}?"
    r"(?:partnership|"
    r"agreement|deal|alliance|contract|collaboration|pact|tie-up|cooperation)|"
    r"(?:an?|the) (?:[\w-]+ ){0,2}agreement|"
    # "have entered a strategic partnership", "enters into an alliance"
    r"enter(?:s|ed)? (?:into )?(?:an? |the )?(?:[\w-]+ ){0,3}?(?:partnership|alliance"
    r"|joint venture|collaboration|pact|tie-up)"
    # a deal that exists: "Fiat is trying to complete its partnership deal with Chrysler"
    r"|(?:its|their) (?:[\w-]+ ){0,2}deal with)\b"
)
# a report of what was announced: "Microsoft said the investment would include …"
# a source the report names for what it tells, not a rumour's own words
_SOURCED = re.compile(
    r"(?:persons?|people|sources?) familiar|sources? (?:said|say|close|told)", re.I
)
_SAID_WOULD = Caseless(
    r"\b(?:said|says|announced|announces|confirmed) (?:that )?(?:[\w'-]+ ){0,5}?(?:would|will)\b",
    ("said", "says", "announce", "confirmed"),
)
_ROUND = Caseless(
    r"\b(?:series [a-h]\b|seed (?:round|funding|financing)|(?:funding|financing|investment)"
    r" round|round of (?:funding|financing)"
    r"|(?:the|its|their|[\w.-]+[^\w\s]s) (?:[\w$.-]+ ){0,2}?round\b"
    r"|the financing\b)",
    ("series", "seed", "round", "financing"),
)
_ROUND_DONE = Caseless(
    r"\b(?:led|included|announced|announces|comes from|came from|secured|brought in|"
    r"landed|totall?ed|participat\w+ (?:from|of|by))\b"
)
# lower case only: "May 20" is a date
# a modal over the deal's verb ("could buy", "would be acquired by", "may soon merge"),
# not over anything else the sentence says ("more money than we thought it would")
_WEAK_RUMOR = re.compile(
    r"\b(?:may|might|could|would|May not|Could)\s+(?:not\s+|soon\s+|also\s+|still\s+|now\s+)?"
    r"(?:be\s+|have\s+)?(?:buy|acquir|merg|invest|sell|sold|take\s+over|bid|partner|combin|"
    r"team\s+up|join|form|creat|licens|purchas|bought|back|fund|lead|pay|offer|make\s+an?\s+offer|"
    r"approach|pursu|snap|swallow|absorb|raise|land|strike|sign|seal|close|complet|end\s+up|"
    r"become|own|hold|control)"
)
# one side's intention, not yet accepted by the other
_INTENDED = Caseless(
    r"\b(?:plans to|planned to|intends to|intended to|seeks to|proposed|proposes)\b"
)
_WANTS = re.compile(r"\bwants? to (?:buy|acquire|take over|purchase|merge|invest)\b")
# the companies presenting a deal as made: "Williams-Sonoma announced a deal with CondeNet"
_ANNOUNCED = Caseless(r"\b(?:announced|announces|announce|unveiled|unveils|launched)\b")


def status_of(sentence: str) -> tuple[str, bool]:
    """The deal's status as this sentence states it, and whether it said so at all."""
    if "[" in sentence or "]" in sentence:
        sentence = " ".join(LINK_MARKS.sub(" ", sentence).split())
    # "After scrapping Monsanto deal, Deere agrees to buy Blue River": the opening
    # clause tells of another deal
    opening = _OPENING_CLAUSE.match(sentence)
    if opening:
        sentence = sentence[opening.end() :]
    # "… have agreed to merge, after announcing a month ago that they were in
    # negotiations": a closing clause tells how it got there; the main clause says
    closing = _CLOSING_CLAUSE.search(sentence)
    if closing:
        status, explicit = status_of(sentence[: closing.start()])
        if explicit:
            return status, explicit
    low = lowered(sentence)
    if _TERMINATED.search(sentence, low):
        return "terminated", True
    if _CONFIRMED.search(sentence, low):
        return "completed", True
    rumors = list(_RUMOR.finditer(sentence, low))
    if rumors:
        said = _SAID_WOULD.search(sentence, low)
        # "Navi said on Wednesday it will raise $100 million from Prosus …, a source
        # familiar with the matter said": the company's own word, which a source repeats
        if not (
            said
            and all(_SOURCED.fullmatch(r.group(0)) for r in rumors)
            and said.start() < rumors[0].start()
        ):
            return "rumored", True
        return "agreed", True
    if _PENDING.search(sentence, low):
        return "agreed", True
    if _COMPLETED.search(sentence, low):
        return "completed", True
    if "report" in sentence and _REPORTED_END.search(sentence):
        return "rumored", True  # (a deal done is news the press reports: "…, NHK reported")
    if _REPORTED.search(sentence, low) or _REPORTED_ABROAD.search(sentence, low):
        return "rumored", True
    if _ROUND.search(sentence, low) and _ROUND_DONE.search(sentence, low):
        # a funding round is news once it is raised: "led Datadog's round", "announced
        # $270 million in a series C round", "the financing comes from"
        return "completed", True
    if _OFFER.search(sentence, low):
        # "had agreed to a A$1.4 billion takeover bid by Westpac": the target accepted it
        accepted = _ACCEPTED.search(sentence, low)
        return ("agreed" if accepted else "announced"), True
    if "want" in sentence and _WANTS.search(sentence):
        # "GameStop wants to buy it": one side's wish ("to buy" alone is a headline's
        # agreed deal)
        return "announced", True
    if _AGREED.search(sentence, low):
        return "agreed", True
    if _SAID_WOULD.search(sentence, low):
        # "Baxter said on Tuesday it would buy Gambro": the company has committed
        return "agreed", True
    if _WEAK_RUMOR.search(sentence):
        return "rumored", True
    if _INTENDED.search(sentence, low):
        return "announced", True
    if _ANNOUNCED.search(sentence, low):
        return "agreed", True
    return "announced", False
