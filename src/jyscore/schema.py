"""A JSON Schema (2020-12) for score sheets, generated from a rubric.

Editors with yaml-language-server (VS Code's YAML extension) use it to flag mistakes while a
sheet is typed: an unknown id, 7 points on a 6-point item, 4.25 on a 0.5 step, a missing item.
The schema is a plain dict with exact :class:`~decimal.Decimal` numbers; write it with
:func:`jyscore.render.jsontext.dumps`.

It describes what a YAML editor sees, so scores are JSON numbers and ids are property names.
The loader stays the authority: a few rules cannot be said in a schema (a column given for every
item or for none, employed not above graduates) and some YAML traps (``yes``, ``010``) are caught
only by ``jyscore validate``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .bonus import BONUS_KINDS
from .loading.sheet import YEARS
from .messages import hint
from .models import Node, Rubric

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# how a percent input may be written: 92.6, or the text 92.6%
_PERCENT_TEXT = r"^\s*[+]?(0|[1-9][0-9]*)(\.[0-9]+)?\s*%$"

Schema = dict[str, Any]


def sheet_schema(rubric: Rubric) -> Schema:
    """The JSON Schema of a score sheet for ``rubric``."""
    labels = rubric.labels
    return {
        "$schema": DIALECT,
        "title": hint("schema-title", rubric_name=rubric.name, rubric_id=rubric.id),
        "type": "object",
        "properties": {
            "college": {"description": labels.college, "type": "string", "minLength": 1},
            "year": {
                "description": labels.year, "type": "integer",
                "minimum": YEARS.start, "maximum": YEARS.stop - 1,
            },
            "rubric": {"description": rubric.name, "type": "string", "const": rubric.id},
            "assessor": {"description": labels.assessor, "type": "string", "pattern": r"\S"},
            "scores": _scores(rubric),
            "note": {"description": labels.note, "type": "string"},
            **_totals_properties(rubric),
        },
        "required": ["college", "year", "scores"],
        "additionalProperties": False,
    }


def _totals_properties(rubric: Rubric) -> Schema:
    """``adjustments`` and ``vetoes``, when the rubric declares them (jyscore.totals)."""
    labels = rubric.labels
    properties: Schema = {}
    if rubric.adjustments:
        entries = {}
        for adjustment in rubric.adjustments:
            amount: Schema = {"type": "number", "minimum": adjustment.min,
                              "maximum": adjustment.max,
                              "multipleOf": adjustment.step or rubric.step}
            entries[adjustment.id] = _column_entry(
                f"{adjustment.id} {adjustment.name}", amount, rubric)
        properties["adjustments"] = {
            "description": f"{labels.adjustments}: {hint('schema-adjustments')}",
            "type": ["object", "null"], "properties": entries, "additionalProperties": False,
        }
    if rubric.vetoes:
        entries = {
            veto.id: _column_entry(f"{veto.id} {veto.name}", {"type": "boolean"}, rubric)
            for veto in rubric.vetoes
        }
        properties["vetoes"] = {
            "description": f"{labels.veto}: {hint('schema-vetoes')}",
            "type": ["object", "null"], "properties": entries, "additionalProperties": False,
        }
    return properties


def _column_entry(description: str, value: Schema, rubric: Rubric) -> Schema:
    labels = rubric.labels
    return {
        "description": description,
        "type": ["object", "null"],
        "properties": {
            "self": {"description": labels.self_, **value},
            "assessed": {"description": labels.assessed, **value},
            "note": {"description": labels.note, "type": "string"},
        },
        "additionalProperties": False,
    }


def _scores(rubric: Rubric) -> Schema:
    properties: Schema = {}
    for item in rubric.items:
        for node in (item, *item.parts):
            properties[node.id] = _entry(node, node.points, rubric)
    for node in rubric.bonus_items:
        properties[node.id] = _bonus_entry(node, rubric)
    return {
        "description": hint("schema-scores"),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "allOf": [_coverage(item) for item in rubric.items],
    }


def _coverage(item: Node) -> Schema:
    """Every item once: the item itself, or all of its parts and not the item."""
    if not item.parts:
        return {"required": [item.id]}
    parts = [p.id for p in item.parts]
    return {
        "oneOf": [
            {"required": [item.id], "not": {"anyOf": [{"required": [p]} for p in parts]}},
            {"required": parts, "not": {"required": [item.id]}},
        ]
    }


def _description(node: Node) -> str:
    return f"{node.id} {node.name}"


def _score(cap: Decimal | None, step: Decimal) -> Schema:
    score: Schema = {"type": "number", "minimum": Decimal(0)}
    if cap is not None:
        score["maximum"] = cap
    score["multipleOf"] = step
    return score


def _entry(node: Node, cap: Decimal | None, rubric: Rubric) -> Schema:
    score = _score(cap, rubric.step)
    return {
        "description": _description(node),
        "type": "object",
        "properties": {
            "self": {"description": rubric.labels.self_, **score},
            "assessed": {"description": rubric.labels.assessed, **score},
            "note": {"description": rubric.labels.note, "type": "string"},
        },
        "additionalProperties": False,
    }


def _input(name: str, kind: str, node: Node, rubric: Rubric) -> Schema:
    label = getattr(rubric.labels, name, name)
    if kind == "percent":
        return {
            "description": f"{label}: {hint('schema-percent')}",
            "anyOf": [
                {"type": "number", "minimum": Decimal(0), "maximum": Decimal(100)},
                {"type": "string", "pattern": _PERCENT_TEXT},
            ],
        }
    if kind in ("count", "positive-count"):
        return {"description": label, "type": "integer",
                "minimum": 1 if kind == "positive-count" else 0}
    cap = node.rule.max if node.rule is not None else None
    column = rubric.labels.self_ if name == "self" else getattr(rubric.labels, name, name)
    return {"description": column, **_score(cap, rubric.step)}


def _bonus_entry(node: Node, rubric: Rubric) -> Schema:
    assert node.rule is not None
    kind = node.rule.kind
    properties = {
        name: _input(name, input_kind, node, rubric)
        for name, input_kind in BONUS_KINDS[kind].inputs.items()
    }
    properties["note"] = {"description": rubric.labels.note, "type": "string"}
    entry: Schema = {
        "description": _description(node),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if kind == "rate_steps":
        # ``target`` is not required here: ``rank --targets`` may supply it from a targets file
        entry["oneOf"] = [
            {"required": ["rate"],
             "not": {"anyOf": [{"required": ["graduates"]}, {"required": ["employed"]}]}},
            {"required": ["graduates", "employed"], "not": {"required": ["rate"]}},
        ]
    return entry
