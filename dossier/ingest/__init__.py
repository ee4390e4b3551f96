"""Ingest: seeds/ → draft briefings under briefings/ (see README, "Ingest").

Stages, each a module with one job and plain dataclasses (types.py) between them:
readers (bytes → RawArticle) → clean (drop boilerplate) → metadata (title, outlet,
author, date; textdates) → entities (company mentions; lexicon) → deals (deal
statements; status, figures) → summary; analyse runs those on one seed. Then
state (what briefings/ holds) → link (new deal or a source of an existing one) →
render and draft (front matter, atomic writes) → run (which seeds need drafting).
"""

from .run import IngestReport, ingest

__all__ = ["IngestReport", "ingest"]
