"""Where the non-page outputs live in the built site (shared by render and exports)."""

# At the root: the theme fetches sitemap.xml beside every <link rel="alternate"> it finds
# (for language versions), so a feed linked from <head> must sit next to sitemap.xml.
FEED = "feed.xml"
JSON = "data/dossier.json"
CSV = "data/deals.csv"
EXPORT_SCHEMA = "schemas/export.schema.json"
NETWORK_SVG = "network.svg"


def company_feed(slug: str) -> str:
    return f"feeds/companies/{slug}.xml"
