"""Ingest: seeds/ → draft briefings under briefings/ (see README, "Ingest").

Stages, each a module with one job and plain dataclasses between them:
readers (bytes → RawArticle) → clean (drop boilerplate) → metadata (title, outlet,
author, date) → entities (company mentions) → deals (deal statements) → summary →
draft (front matter + body) → run (which seeds need drafting; atomic writes).
"""

from .run import IngestReport, ingest

__all__ = ["IngestReport", "ingest"]
