"""MkDocs hook: feeds MkDocs the pages Dossier rendered from briefings/.

mkdocs.yml names this file in ``hooks:``, so plain ``mkdocs serve`` and ``mkdocs
build`` show the same site as ``python build.py``. MkDocs loads hooks by path, so
everything of substance lives in :mod:`dossier.engine`.
"""

from dossier.engine import (  # noqa: F401  (MkDocs looks these names up on the module)
    on_env,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_startup,
)
from dossier.serving import on_serve  # noqa: F401
