"""Word lists for the rule-based entity finder: why a capitalised phrase is or is not
a company. Kept apart so the rules in clues.py and names.py read as rules.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Legal forms: dropped from the name ("Nordvik Energy ASA" → "Nordvik Energy").
LEGAL = _words(
    """
    ApS
    Oy Holding a.s. s.a. s.p.a. n.v. b.v. s.r.o.
    Inc Inc. Corp Corp. Corporation Ltd Ltd. Limited LLC L.L.C. plc PLC AG SA S.A. SE
    GmbH NV N.V. ASA AB Oyj KK K.K. Bhd Pte SpA S.p.A. Co Co. Holdings Group A/S BV B.V.
    SAS Tbk S.L. S.L.U. SL Srl S.r.l. SRL LLP LP L.P. Pty
    Plc Pvt Pvt. Berhad Sdn KGaA Incorporated Ltda Cos Cos.
    """
)

# Legal forms written before the name: "PT Bintang Petrokimia Tbk" → "Bintang Petrokimia".
LEADING_LEGAL = _words("PT")

# Words that end many company names and keep their place in it.
DESCRIPTIVE = _words(
    """
    Genetics Genomics Auto Medical
    Motor Airline
    Steel Optics Mobiles Mobile Freight Health
    Technologies Technology Motors Energy Capital Ventures Partners Labs Systems
    Networks Pharmaceuticals Pharma Bank Airlines Electronics Semiconductor
    Semiconductors Robotics Therapeutics Biotech Software Foods Logistics Industries
    Insurance Investments Telecom Communications Mobility Games Studios Entertainment
    Financial Securities Automotive Aerospace Solutions Dynamics Analytics Biosciences
    Instruments Mining Metals Chemicals Brewing Airways Shipping Power Petroleum
    Resources Ferries Transport Pictures Laboratories Gold Minerals Oil Gas Brands Stores
    Retail Chemical Exchange Bancorp Bancshares Trust Realty Properties Hotels Resorts
    Restaurants Wireless Broadcasting Publishing Records Music Apparel Beverages Tobacco
    Cement Construction Engineering Electric Utilities Healthcare Biologics Diagnostics
    Aviation Shipyards Pharmaceutical Biopharma
    Energie Batterie Technik Robotik Logistik Systeme Elektronik Werke Telekom
    """
)

# Kinds of company a story writes before a name ("grocer Kroger"), capitalised where a
# sentence opens ("Grocer Kroger Co. said"): not part of the name.
KINDS_OF_COMPANY = _words(
    """
    startup start-up grocer retailer brokerage insurer lender conglomerate carmaker
    automaker chipmaker drugmaker supermarket miner shipper steelmaker shipbuilder refiner
    """
)

# Common nouns that, written just before a name, say it is a company ("chipmaker Arm").
ORG_NOUNS = (
    "company|firm|startup|start-up|maker|chipmaker|carmaker|automaker|developer|provider|"
    "operator|lender|bank|retailer|manufacturer|insurer|conglomerate|unicorn|supplier|producer|"
    "group|giant|rival|subsidiary|unit|investor|fund|brand|platform|marketplace|e-tailer|"
    "fintech|insurtech|biotech|airline|miner|utility|broker|distributor|designer|peer|competitor|outfit|player|vendor|"
    # "The target, Skagen Ferries, operates …"; "The buyer, Norrland Livs, …"
    "target|buyer|seller|acquirer|purchaser|bidder|chain|exchange|bourse|wholesaler|"
    "publisher|broadcaster|carrier|automaker|"
    # "Raytheon, an American defence contractor"; "Kirin, the Japanese brewer"
    "contractor|brewer|brewery|distiller|bottler|jeweller|jeweler|shipbuilder|refiner|"
    "consultancy|label"
)

# Outlets and wire services: they report deals, they are not parties to them.
OUTLET_WORDS = _words(
    """
    News Times Post Journal Central Daily Tribune Herald Insider Report Review Today
    Weekly Magazine Online Wire Gazette Chronicle Telegraph Observer Monitor Digest
    """
)

OUTLETS = _words(
    """
    Reuters Bloomberg TechCrunch Engadget CNBC Nikkei Caixin Xinhua AFP AP Verge Forbes
    Axios Semafor Yonhap Kyodo Handelsblatt Techmeme NYT WSJ NHK IBD
    """
)

# Titles and words that mark a person ("Vice President Wang Wei", "Wang Wei, the CEO").
PERSON_TITLES = (
    "CEO|CFO|CTO|COO|chief executive|chief financial officer|chief technology officer|founder|"
    "co-founder|chairman|chairwoman|chair|president|vice president|analyst|minister|"
    "spokesperson|spokesman|spokeswoman|director|head|partner|managing director|economist|"
    "Mr|Ms|Mrs|Dr|Prof|Sir|Lord|senator|governor|secretary|executive|engineer|researcher"
)

# Nouns that follow a product name ("the Mi AI speaker", "Azure cloud").
PRODUCT_NOUNS = (
    "platform|app|apps|speaker|phone|phones|smartphone|smartphones|chip|chips|chipset|chipsets|"
    "model|models|assistant|software|service|services|OS|browser|engine|console|laptop|laptops|"
    "series|cloud|update|tablet|tablets|car|cars|SUV|sedan|drug|vaccine|game|headset|glasses|"
    "processor|processors|GPU|GPUs|network|suite|tool|tools|feature|features|ecosystem|app store"
)

# Upper-case abbreviations of ordinary things, never a company on their own.
ACRONYMS = _words(
    """
    ID IDs TV PC PCs IT HR PR AI AR VR XR ML UI UX OS PDF SMS GPS USB LED LCD OLED
    GDP CPI PMI IPO IPOs M&A ETF ETFs ESG EPS P/E R&D RD EBIT EBITDA YoY QoQ FY FYI
    CEO CFO CTO COO CIO CMO EVP SVP VP MD PhD MBA NGO NGOs SME SMEs B2B B2C SaaS
    API APIs SDK 5G 4G 3G LTE EV EVs IoT GPU CPU NFT NFTs DNA RNA FDA SEC FTC DOJ
    EU UN US UK USA UAE GMT EST PST AM PM TBA TBD N/A NA Q1 Q2 Q3 Q4 H1 H2
    GMP CDMO CRO OEM OEMs ODM LNG EPC HVAC ERP CRM BI ETF REIT SPAC KYC AML MOU LOI NDA
    JV JVs ISDN LAN LANs WAN WANs LLM LLMs VAT GST OSHA ARR MRR GMV ARPU CAGR AUM KPI KPIs
    PNG PRC DRC
    NASA NHS FAA FCC EPA IRS CMA ECB IMF WTO OECD NATO FBI NIH CDC SEBI RBI CCI NCLT
    TRAI DoD DOE USDA OK SOURCE GAAP IFRS STEM 3D 3-D 2D OFAC CFTC FINRA FCA SFO ASIC CSRC NAV
    USMCA NAFTA MEA
    """
)

# Words a press release or a filing capitalises as defined terms ("the Company", "Merger
# Sub", "the Transactions"): a name made only of these is not a company's.
DEFINED_TERMS = _words(
    """
    Company Companies Transaction Transactions Merger Sub Acquisition Acquisitions Raising
    Being Portfolio Shares Share Preferred Common Stock Series Convertible Agreement
    Agreements Closing Offering Notes Note Purchaser Seller Buyer Parent Target Board
    Directors Holders Investors Investor Parties Party Effective Time Date Period Fund
    Funds Registrant Issuer Borrower Lender Lenders Guarantor Subsidiary Subsidiaries
    Business Businesses Assets Asset Deal Deals Release Statements Statement Forward
    Looking Safe Harbor Harbour Contact Contacts Media Inquiries Source Sources About
    Majority Minority Stake Stakes Joint Venture
    """
)

# Capitalised words that are never company names on their own.
NOT_COMPANIES = _words(
    """
    Polish Czech Austrian Kenyan Portuguese Turkish Greek Irish Scottish Belgian Hungarian
    Romanian Argentine Chilean Colombian Peruvian Nigerian Egyptian Emirati Qatari Vietnamese
    Thai Malaysian Filipino Pakistani Ukrainian Swiss Welsh English Scandinavian Nordic Iberian
    Southeast Northeast Middle East Gulf Central Poland Czechia Austria Kenya Uganda
    Tanzania Nigeria Ghana Ethiopia Egypt Morocco Portugal Turkey Greece Ireland Scotland
    Belgium Hungary Romania Argentina Chile Colombia Peru Pakistan Bangladesh Ukraine
    Iran Iraq Qatar Kuwait Oman Bahrain Jordan Lebanon Luxembourg Iceland Estonia Latvia
    Lithuania Slovakia Slovenia Croatia Serbia Bulgaria Macau Zealand Europe's China's
    The A An This That These Those It Its He She They We I You Our Their His Her But And
    Or However Meanwhile Also While When Where What Why How Which Who If As At In On Of
    Here There
    Nevertheless Nonetheless Moreover Furthermore Further Additionally Separately Instead Indeed
    Consequently Therefore Thus Hence Similarly Likewise Elsewhere Previously Currently
    Ultimately Notably Importantly Accordingly Regardless Initially Recently Teamsters
    For By From With After Before Since Under Over Despite Although Though Yet So Then
    Now Today Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Jan Feb Mar Apr
    Jun Jul Aug Sep Sept Oct Nov Dec Q1 Q2 Q3 Q4 AI API APIs AGI LLM LLMs CEO CFO CTO
    IPO AGM EGM EV EVs IoT GPU CPU OS China Chinese US U.S. USA America American Americans UK
    U.K. Britain British Europe European EU E.U. Japan Japanese Korea Korean South North
    Germany German France French India Indian Taiwan Taiwanese Hong Kong Singapore
    Singaporean Beijing Shanghai Shenzhen Tokyo Seoul Berlin Paris London New York
    California Silicon Valley Washington Redmond Brussels Asia Asian Africa African
    Latin Mexico Mexican Brazil Brazilian Canada Canadian Canadas Australia Australian
    Spain Spanish Italy Italian Netherlands Dutch Sweden Swedish Norway Norwegian
    Denmark Danish Finland Finnish Switzerland Swiss Russia Russian Israel Israeli Dubai
    Saudi Arabia Arabian Indonesia Vietnam Thailand Malaysia Philippines Texas Munich
    Stockholm Oslo Copenhagen Zurich Amsterdam Madrid Milan Mumbai Bangalore Bengaluru
    Delhi Sydney Toronto Vancouver Boston Chicago Seattle Austin Guangzhou Hangzhou
    Wuhan Nanjing Osaka Busan Lagos Nairobi Cairo Western Eastern Northern Southern
    Global International National Federal State Government Commission Ministry
    Parliament Congress Senate Court Council Agency Authority Regulators Analysts
    Analyst Investors Shares Stock Exchange Nasdaq NYSE LSE HKEX SSE ASX FTSE Dow Street
    Wall Avenue Road Research Report Reports Analysis Update Breaking Exclusive Opinion
    Editor Staff Photo Image Video Read More Related Advertisement Sponsored Chief
    President Vice Minister Director Officer Founder Chairman Board Mr Ms Dr Prof
    Windows Office Android iOS Azure Cortana MIUI HarmonyOS Bing Edge Teams Xbox
    iPhone Galaxy Pixel Mi Redmi POCO WeChat Alipay ChatGPT Gemini Copilot Kindle
    PlayStation iPad iPads iPhones iPod iPods iTunes iCloud iMac iMacs iMessage iWatch iBooks
    eBook eBooks eSports eCommerce iGaming iPadOS eReader eReaders
    Alabama Alaska Arizona Arkansas Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
    Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
    Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
    Pennsylvania Tennessee Utah Vermont Virginia Wisconsin Wyoming Carolina Dakota Jersey
    States Kingdom Emirates Francisco Angeles Diego Jose Vegas Orleans Detroit Atlanta
    Dallas Houston Denver Miami Philadelphia Phoenix Minneapolis Pittsburgh Baltimore Des Moines
    Manchester Birmingham Edinburgh Glasgow Dublin Frankfurt Hamburg Vienna Prague Warsaw
    Rome Lisbon Brussels Geneva Istanbul Moscow Jakarta Manila Hanoi Taipei Kuala Lumpur
    Karachi Chennai Kolkata Hyderabad Pune Shenzhen Chengdu Tianjin Chongqing Melbourne
    Auckland Johannesburg Nairobi Lagos Riyadh Doha Abu Dhabi Tel Aviv Brisbane Perth Adelaide
    Canberra Hobart Christchurch Calgary Ottawa Montreal Edmonton Winnipeg
    Afghanistan Albania Algeria Andorra Angola Armenia Azerbaijan Bahamas Barbados Belarus
    Belize Benin Bhutan Bolivia Bosnia Botswana Brunei Burundi Cambodia Cameroon Chad
    Comoros Congo Cuba Cyprus Djibouti Dominica Ecuador Eritrea Eswatini Fiji Gabon Gambia
    Georgia Grenada Guatemala Guinea Guyana Haiti Honduras Jamaica Kazakhstan Kiribati
    Kosovo Kyrgyzstan Laos Lesotho Liberia Libya Liechtenstein Madagascar Malawi Maldives
    Mali Malta Mauritania Mauritius Moldova Monaco Mongolia Montenegro Mozambique Myanmar
    Namibia Nauru Nepal Nicaragua Niger Palau Panama Paraguay Rwanda Samoa Senegal
    Seychelles Somalia Sudan Suriname Syria Tajikistan Togo Tonga Tunisia Turkmenistan
    Tuvalu Uruguay Uzbekistan Vanuatu Venezuela Yemen Zambia Zimbabwe
    GOP Republicans Republican Democrats Democrat Tories Tory Labour Conservatives Liberals
    Published Updated Posted MIT Harvard Stanford Oxford Cambridge Caltech Princeton Yale
    Wharton INSEAD
    Gujarat Maharashtra Karnataka Telangana Kerala Rajasthan Haryana Odisha Assam Bihar
    Punjab Uttarakhand Jharkhand Chhattisgarh Goa Noida Gurugram Gurgaon Ahmedabad Jaipur
    Lucknow Kochi Andhra Pradesh Uttar Madhya Tamil Nadu Bengal Sindh Dhaka Colombo
    Manitoba Saskatchewan Nova Scotia Newfoundland Labrador Yukon Nunavut Queensland
    Tasmania Bavaria Saxony Hesse Thuringia Katanga
    Pentagon Whitehall Kremlin Oftel Ofcom Ofgem Ofwat
    Rs INR USD EUR GBP JPY CNY RMB HKD AUD CAD CHF SGD KRW Yuan Renminbi Rupee Rupees
    """
)

# US states as datelines and addresses abbreviate them, AP style and postal codes
AP_STATES = _words(
    """
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss
    Mo Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo
    """
)
POSTAL_STATES = _words(
    """
    AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
    NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC
    """
)

# A company's departments and functions, capitalised in titles and lists ("vice president
# of Worldwide Sales", "Sales, Service, Marketing, Human Resources, Finance"): a name made
# of these (and trade words) is a department's
FUNCTIONS = _words(
    """
    Marketing Sales Service Finance Human Resources Engineering Operations Manufacturing
    Procurement Supply Chain Worldwide Accounting Legal Product Management Platform
    Corporate Consumer Commercial Client Engagements Customer Support
    Equity Interests Assets Shares Stake Stakes Businesses Division Divisions Unit Units
    """
)


@lru_cache(maxsize=1)  # CLDR's data is read on first use, not when ingest is imported
def countries() -> frozenset[str]:
    """The names of the world's countries and territories in English (CLDR, through
    Babel): "Sri Lanka", "United Kingdom", "Bosnia and Herzegovina" and each of its
    halves are places, never companies. (Codes of three digits, "150" for Europe, are
    regions.)"""
    names: set[str] = set()
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha():
            names.update((name, name.replace(" & ", " and "), *name.split(" & ")))
    return frozenset(names | _FORMER_COUNTRIES)


# Countries that wire copy of the 1980s and 1990s names and the CLDR no longer lists
_FORMER_COUNTRIES = frozenset(
    {
        "Czechoslovakia", "Soviet Union", "USSR", "Yugoslavia", "East Germany",
        "West Germany", "Zaire", "Burma", "Rhodesia", "Ceylon", "Serbia and Montenegro",
    }
)  # fmt: skip
