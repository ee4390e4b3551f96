"""Where the non-page outputs live in the built site (shared by render and exports)."""

FEED = "feeds/briefings.xml"
JSON = "data/dossier.json"
CSV = "data/deals.csv"
EXPORT_SCHEMA = "schemas/export.schema.json"
NETWORK_SVG = "network.svg"


def company_feed(slug: str) -> str:
    return f"feeds/companies/{slug}.xml"
