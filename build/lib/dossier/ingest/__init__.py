"""Ingest: seeds/ → draft briefings under briefings/ (see docs/ingest.md).

Stages, each a module with one job and plain dataclasses (types.py) between them:
readers (bytes → RawArticle) → clean (drop boilerplate) → metadata (title, outlet,
author, date; textdates) → entities (company mentions; lexicon) → deals (deal
statements; status, figures) → summary; analyse runs those on one seed, and
outcome keeps what the drafts need of it (cached by content: cache). Then state
(what briefings/ holds) → own (which drafts are ingest's, which briefings are
inputs) → consolidate (every draft from all outcomes at once; link matches deals)
→ render and draft (front matter) → writes (all changed files together) → run.
"""

from .run import IngestReport, ingest

__all__ = ["IngestReport", "ingest"]
