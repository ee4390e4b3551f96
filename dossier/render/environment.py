"""The Jinja environment: autoescaped, strict about undefined names, no content as code.

Templates come from the project's templates/ folder; briefing text only ever enters
as values in the context, so template syntax inside an article is printed, not run.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import jinja2

from ..dates import PartialDate
from ..errors import TemplateProblem
from ..provenance import quote_anchor
from ..topics import topic_label
from ..words import counted
from .graph import edges, graph_markup
from .markdown import to_html

KIND_LABELS = {
    "partnership": "Partnership",
    "mou": "MoU",
    "investment": "Investment",
    "acquisition": "Acquisition",
    "merger": "Merger",
    "licensing": "Licensing",
    "joint-venture": "Joint venture",
}


def human_date(date: PartialDate | None, undated: str = "undated") -> str:
    return date.human() if date else undated


def iso_date(date: PartialDate | None) -> str:
    return date.iso() if date else ""


def make_environment(templates: Path) -> jinja2.Environment:
    # Not auto_reload: a new environment is made whenever the templates change
    # (render_site compares their digest), and checking each include's file cost a stat
    # per include, 400,000 of them in a 10,000-article build.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        auto_reload=False,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=to_html,
        human=human_date,
        iso=iso_date,
        kind_label=lambda k: KIND_LABELS.get(k, k),
        anchor=quote_anchor,
        topic_label=topic_label,
        counted=counted,  # {{ deals|length|counted("deal") }} → "1 deal", "2 deals"
    )
    env.globals["graph"] = graph_markup  # graph(views, link[, company slug]) → inline SVG
    env.globals["graph_edges"] = edges
    return env


def relative_url(target: str, current: str) -> str:
    """``target`` (a site path such as companies/xiaomi.html) as seen from ``current``."""
    # posixpath.relpath is the definition, but it calls abspath on both paths; site
    # paths are already clean and relative, and this runs for every link of every page.
    here = current.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def render(env: jinja2.Environment, name: str, **context: object) -> str:
    """Render one template; a broken template is a TemplateProblem with file and line."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        where = f"templates/{exc.name or name}:{exc.lineno}"
        raise TemplateProblem(
            f"{where}: template syntax error: {exc.message} (fix the Jinja tag on that line)"
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(
            f"templates/{exc.name}: template is missing "
            "(restore it from git: git checkout -- templates/)"
        ) from None
    except jinja2.UndefinedError as exc:
        raise TemplateProblem(
            f"{_template_line(exc, name)}: {exc.message} "
            "(check the variable name against the template context in docs/templates.md)"
        ) from None
    except Exception as exc:  # any other failure inside a template is the template's
        raise TemplateProblem(
            f"{_template_line(exc, name)}: template failed: {type(exc).__name__}: {exc}"
        ) from None


def _template_line(exc: BaseException, name: str) -> str:
    # Jinja rewrites tracebacks so template frames carry the template's own file and line.
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"templates/{Path(frame.filename).name}:{frame.lineno}"
    return f"templates/{name}"
