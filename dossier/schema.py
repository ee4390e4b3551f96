"""Front-matter schemas (JSON Schema files shipped in dossier/schemas/) and readable errors.

The JSON Schema files are the single definition of each kind's fields: editors use
them for completion, and the loader validates with them here, turning each
jsonschema error into a Problem at the line of the offending key.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

from .errors import Problem
from .frontmatter import Document, dotted

KINDS = ("article", "company", "deal")
SCHEMA_FILES = ("defs", *KINDS)

_PATTERN_HELP = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "is not a valid slug",
        "use lowercase letters, digits and hyphens, e.g. xiaomi",
    ),
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": (
        "is not a date",
        "write YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source is",
    ),
    "^https?://\\S+$": ("is not a web address", "write the full http:// or https:// URL"),
    "^seeds/[^/]+$": ("is not a seed path", "write seeds/FILENAME, relative to the project"),
    "^[A-Z]{3}$": ("is not a currency code", "use an ISO 4217 code such as USD"),
    "\\S": ("is blank", "write some text or remove the key"),
}


def schema_text(name: str) -> str:
    """The JSON Schema file for ``name`` (defs, article, company or deal)."""
    return (resources.files("dossier") / "schemas" / f"{name}.schema.json").read_text("utf-8")


@cache
def _schemas() -> dict[str, dict[str, Any]]:
    return {name: json.loads(schema_text(name)) for name in SCHEMA_FILES}


@cache
def _validator(kind: str) -> Draft202012Validator:
    schemas = _schemas()
    registry: Registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    return Draft202012Validator(schemas[kind], registry=registry)


@cache
def _quick(kind: str) -> jsonschema_rs.Validator:
    schemas = _schemas()
    registry = jsonschema_rs.Registry([(schema["$id"], schema) for schema in schemas.values()])
    return jsonschema_rs.validator_for(schemas[kind], registry=registry)


def _surely_valid(kind: str, data: Any) -> bool:
    """Whether ``data`` is valid, by the schemas compiled (jsonschema took most of the
    load's time at 10,000 briefings, 0.3 ms a file; this takes 2 µs). Only its "valid"
    is taken: an invalid file, or anything it cannot read, is explained by jsonschema,
    whose errors the messages are made from."""
    try:
        return bool(_quick(kind).is_valid(data))
    except Exception:  # a value it does not take (a date object …): jsonschema decides
        return False


def validate(kind: str, doc: Document) -> list[Problem]:
    """Every schema problem in ``doc``'s front matter, each at its line."""
    if _surely_valid(kind, doc.data):
        return []
    return [
        problem
        for error in _validator(kind).iter_errors(doc.data)
        for problem in _explain(doc, error)
    ]


def _explain(doc: Document, error: ValidationError) -> Iterator[Problem]:
    at = tuple(error.absolute_path)
    here = dotted(at)
    keyword = error.validator
    instance = error.instance
    if keyword == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        for key in sorted(set(instance) - set(known)):
            yield Problem(
                doc.path,
                doc.line_of((*at, key)),
                dotted((*at, key)),
                "unknown key",
                did_you_mean(key, known, f"keys allowed here: {', '.join(known)}"),
            )
    elif keyword == "required":
        for key in error.validator_value:
            if key not in instance:
                yield Problem(
                    doc.path,
                    doc.line_of(at) if at else 1,
                    dotted((*at, key)),
                    "is required but missing",
                    f"add a '{key}:' line",
                )
    elif keyword == "enum":
        allowed = [str(v) for v in error.validator_value]
        yield Problem(
            doc.path,
            doc.line_of(at),
            here,
            f"'{instance}' is not one of {', '.join(allowed)}",
            did_you_mean(str(instance), allowed),
        )
    elif keyword == "type":
        expected = _TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
        hint = "put it in quotes" if expected == "text" and instance is not None else ""
        yield Problem(
            doc.path, doc.line_of(at), here, f"expected {expected}, got {_describe(instance)}", hint
        )
    elif keyword == "pattern":
        message, hint = _PATTERN_HELP.get(error.validator_value, ("has the wrong form", ""))
        yield Problem(doc.path, doc.line_of(at), here, f"'{instance}' {message}", hint)
    elif keyword == "minItems":
        yield Problem(
            doc.path,
            doc.line_of(at),
            here,
            f"needs at least {error.validator_value} item(s)",
            "add the missing entries",
        )
    elif keyword == "uniqueItems":
        yield Problem(
            doc.path, doc.line_of(at), here, "lists the same item twice", "remove the repeat"
        )
    elif keyword in ("minimum", "maximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        yield Problem(
            doc.path,
            doc.line_of(at),
            here,
            f"{instance} is {'below the minimum' if keyword == 'minimum' else 'over the maximum'} "
            f"of {error.validator_value}",
            f"write a number from {low} to {high}" if low is not None and high is not None else "",
        )
    elif keyword == "oneOf":
        choices = [k for option in error.validator_value for k in option.get("required", ())]
        yield Problem(
            doc.path,
            doc.line_of(at),
            here,
            f"needs exactly one of {', '.join(choices)}",
            "write one entry per rejected draft",
        )
    elif keyword == "minLength":
        yield Problem(
            doc.path, doc.line_of(at), here, "is empty", "write some text or remove the key"
        )
    else:
        yield Problem(doc.path, doc.line_of(at), here, error.message)


_TYPE_NAMES = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "array": "a list",
    "object": "a set of 'key: value' fields",
    "boolean": "true or false",
}


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return f"'{value}'"


def did_you_mean(word: str, choices: list[str], otherwise: str = "") -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else otherwise
