"""Dossier: news articles in, a reviewed briefing site of companies and deals out."""

__version__ = "0.1.0"
