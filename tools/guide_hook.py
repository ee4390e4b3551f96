"""MkDocs hook of the user guide (mkdocs-guide.yml): the content model reference page.

The page is written from the JSON Schemas in dossier/schemas/ each time the guide is
built, so it cannot drift from what ``dossier check`` enforces; it is never a file in
docs/.
"""

from __future__ import annotations

import json
from typing import Any

from markdown.extensions.toc import slugify
from mkdocs.structure.files import File, Files

from dossier.schema import KINDS, schema_text

PAGE = "reference/content-model.md"
Schema = dict[str, Any]


def on_files(files: Files, config: Any) -> Files:
    files.append(File.generated(config, PAGE, content=reference_markdown()))
    return files


def reference_markdown() -> str:
    """The content model, one section per kind of briefing, then the shared definitions."""
    schemas = {name: json.loads(schema_text(name)) for name in ("defs", *KINDS)}
    lines = [
        "# Content model reference",
        "",
        "Generated from the JSON Schemas in `dossier/schemas/` when this guide is built:",
        "it is what `dossier check` enforces. The site publishes the same schemas under",
        "`schemas/`; point an editor's YAML support at them for completion.",
        "",
    ]
    for kind in KINDS:
        schema = schemas[kind]
        lines += [f"## {kind.capitalize()}", "", f"*{schema['title']}*", ""]
        lines += [schema.get("description", ""), ""]
        lines += _table(schema, kind, schemas)
        for name, definition in schema.get("$defs", {}).items():
            lines += [f"### {kind}: {name}", "", definition.get("description", ""), ""]
            lines += _table(definition, kind, schemas)
    lines += ["## Shared definitions", "", f"*{schemas['defs']['title']}*", ""]
    for name, definition in schemas["defs"]["$defs"].items():
        lines += [f"### defs: {name}", "", definition.get("description", ""), ""]
        if "properties" in definition:
            lines += _table(definition, "defs", schemas)
        else:
            lines += [f"Type: {_type(definition, 'defs')}.", ""]
    return "\n".join(lines)


def _table(schema: Schema, here: str, schemas: dict[str, Schema]) -> list[str]:
    rows = ["| field | required | type | meaning |", "|---|---|---|---|"]
    rows += [
        f"| `{path}` | {'yes' if required else ''} | {kind} | {meaning} |"
        for path, required, kind, meaning in _fields(schema, here, "")
    ]
    return [*rows, ""]


def _fields(schema: Schema, here: str, prefix: str) -> list[tuple[str, bool, str, str]]:
    """(path, required, type, description) of each property, nested objects flattened."""
    found = []
    required = set(schema.get("required", ()))
    for name, node in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        meaning = _cell(node.get("description", ""))
        if "default" in node:
            meaning = f"{meaning} Default `{node['default']}`.".strip()
        found.append((path, name in required, _type(node, here), meaning))
        inner = node.get("items", node) if node.get("type") == "array" else node
        if "properties" in inner:
            suffix = "[]." if inner is not node else "."
            found += _fields(inner, here, path + suffix)
    return found


def _type(node: Schema, here: str) -> str:
    if "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        owner = target.removesuffix(".schema.json") or here
        name = pointer.rsplit("/", 1)[-1]
        return f"[{name}](#{_anchor(f'{owner}: {name}')})"
    if "enum" in node:
        return "one of " + ", ".join(f"`{value}`" for value in node["enum"])
    if node.get("type") == "array":
        return f"list of {_type(node.get('items', {}), here)}"
    kind = node.get("type", "any")
    limits = []
    if "pattern" in node:
        limits.append(f"matching `{_cell(node['pattern'])}`")
    for key, sign in (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤")):
        if key in node:
            limits.append(f"{sign} {node[key]}")
    return " ".join([kind, *limits])


def _anchor(heading: str) -> str:
    return slugify(heading, "-")  # the id MkDocs's toc extension gives the heading


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
