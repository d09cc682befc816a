"""A JSON Schema (2020-12) for score sheets, generated from a rubric.

Editors with yaml-language-server (VS Code's YAML extension) use it to flag mistakes while a
sheet is typed: an unknown id, 7 points on a 6-point item, 4.25 on a 0.5 step, a missing item.
The schema is a plain dict with exact :class:`~decimal.Decimal` numbers; write it with
:func:`jyscore.writers.jsontext.dumps`.

It describes what a YAML editor sees, so scores are JSON numbers and ids are property names.
The loader stays the authority: a few rules cannot be said in a schema (a column given for every
item or for none, employed not above graduates) and some YAML traps (``yes``, ``010``) are caught
only by ``jyscore validate``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jyscore.core import rules
from jyscore.core.fields import YEARS
from jyscore.core.models import Node, Rubric
from jyscore.i18n.messages import hint

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
    """``adjustments`` and ``vetoes``, when the rubric declares them (jyscore.core.totals)."""
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
            if rules.hand_scored(node):
                properties[node.id] = _entry(node, rules.item_cap(node), rubric)
            else:
                properties[node.id] = _bonus_entry(node, rubric)
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


MAX_ENUM_VALUES = 1000  # a step not exact in binary is listed as values up to this many


def _description(node: Node) -> str:
    return f"{node.id} {node.name}"


def _score(
    cap: Decimal | None, step: Decimal, allowed: tuple[Decimal, ...] | None = None
) -> Schema:
    if allowed is not None:
        return {"type": "number", "enum": list(allowed)}
    score: Schema = {"type": "number", "minimum": Decimal(0)}
    if cap is not None:
        score["maximum"] = cap
    # validators test multipleOf in binary floating point, where 4.3 is not a multiple of 0.1:
    # a step such as 0.5 is exact there; for a step such as 0.1 every value is listed instead
    # (each parses to the same double as the sheet's number), when they are not too many
    if Decimal(float(step)) == step:
        score["multipleOf"] = step
    elif cap is not None and cap / step < MAX_ENUM_VALUES:
        count = int(cap // step) + 1
        score["enum"] = [step * i for i in range(count)]
    return score


def _entry(node: Node, cap: Decimal | None, rubric: Rubric) -> Schema:
    score = _score(cap, node.step or rubric.step, node.allowed)
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


def _input(name: str, kind: str, label: str, node: Node, rubric: Rubric) -> Schema:
    if kind == "percent":
        value: Schema = {
            "anyOf": [
                {"type": "number", "minimum": Decimal(0), "maximum": Decimal(100)},
                {"type": "string", "pattern": _PERCENT_TEXT},
            ],
        }
        label = f"{label}: {hint('schema-percent')}"
    elif kind in ("count", "positive-count"):
        value = {"type": "integer", "minimum": 1 if kind == "positive-count" else 0}
    elif kind == "number":
        value = {"type": "number", "minimum": Decimal(0)}
    elif kind == "flag":
        value = {"anyOf": [{"type": "boolean"}, {"enum": [0, 1]},
                           {"type": "string", "enum": ["是", "否", "yes", "no"]}]}
    else:
        value = _score(rules.item_cap(node), node.step or rubric.step, node.allowed)
    if kind == "score":
        return {"description": label, **value}
    # given once for both columns, or per column
    per_column = {"type": "object", "properties": {"self": value, "assessed": value},
                  "required": ["self", "assessed"], "additionalProperties": False}
    return {"description": label, "anyOf": [value, per_column]}


def _bonus_entry(node: Node, rubric: Rubric) -> Schema:
    specs = rules.input_specs(node)
    if rules.hand_scored(node):
        columns = {"self": rubric.labels.self_, "assessed": rubric.labels.assessed}
        properties = {name: _input(name, "score", label, node, rubric)
                      for name, label in columns.items()}
    else:
        properties = {s.name: _input(s.name, s.reader, s.shown(rubric.labels), node, rubric)
                      for s in specs}
    properties["note"] = {"description": rubric.labels.note, "type": "string"}
    entry: Schema = {
        "description": _description(node),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        **rules.schema(node),
    }
    required = [s.name for s in specs if s.required]
    if required and node.id not in {b.id for b in rubric.bonus_items}:
        entry["required"] = required
    return entry
