"""A scored sheet as JSON: totals per column and every node of the rubric's tree."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jyscore.core import rules
from jyscore.core.engine import BonusRow, Result, Row
from jyscore.core.numbers import format_fraction
from jyscore.writers.jsontext import dumps
from jyscore.writers.options import RenderOptions


def _kind(row: Row) -> str:
    if isinstance(row, BonusRow):
        return "bonus" if row.node.rule else "bonus-group"
    if row.node.children:
        return "group"
    return "part" if row.is_part else "item"


def _row(row: Row, result: Result) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": row.node.id,
        "name": row.node.name,
        "kind": _kind(row),
        "level": row.depth + 1,
        "points": row.node.points,
        "self": row.self,
        "assessed": row.assessed,
    }
    if row.note:
        item["note"] = row.note
    if isinstance(row, BonusRow) and row.entry is not None and row.entry.inputs:
        item["inputs"] = dict(row.entry.inputs)
        rate = row.rate
        if rate is not None and "rate" not in row.entry.inputs:
            item["inputs"]["rate"] = Decimal(format_fraction(rate, 4))
    entry = result.sheet.entries.get(row.node.id)
    if entry is not None and not rules.hand_scored(row.node):
        if entry.inputs and "inputs" not in item:
            item["inputs"] = dict(entry.inputs)
        if entry.column_inputs:  # inputs given per column: {"self": {...}, "assessed": {...}}
            item["inputs_by_column"] = {c: dict(v) for c, v in entry.column_inputs.items()}
    return item


def result_data(result: Result) -> dict[str, Any]:
    rubric = result.rubric

    def totals(column: str) -> dict[str, Any] | None:
        t = result.totals[column]
        if t is None:
            return None
        data: dict[str, Any] = {"base": t.base, "bonus": t.bonus}
        if rubric.adjustments:
            data["adjustments"] = t.adjustment
        if rubric.vetoes:
            data["vetoed"] = t.vetoed
            data["vetoes"] = [{"id": v.id, "name": v.name} for v in t.vetoes]
        data["total"] = t.total
        if rubric.grades is not None:
            data["grade"] = t.grade
        return data

    data: dict[str, Any] = {
        "college": result.college,
        "year": result.year,
        "rubric": rubric.id,
        "file": result.sheet.source,
        "self": totals("self"),
        "assessed": totals("assessed"),
        "items": [_row(r, result) for r in (*result.rows, *result.bonus_rows)],
    }
    if rubric.adjustments:
        data["adjustments"] = [
            {"id": a.adjustment_id, "name": rubric_adjustment.name,
             "kind": rubric_adjustment.kind, "self": _signed(a.self, rubric_adjustment.sign),
             "assessed": _signed(a.assessed, rubric_adjustment.sign),
             **({"note": a.note} if a.note else {})}
            for a in result.sheet.adjustments
            for rubric_adjustment in rubric.adjustments if rubric_adjustment.id == a.adjustment_id
        ]
    if rubric.vetoes:
        data["vetoes"] = [
            {"id": v.veto_id, "name": veto.name, "self": v.self, "assessed": v.assessed,
             "total": veto.total, "grade": veto.grade, **({"note": v.note} if v.note else {})}
            for v in result.sheet.vetoes
            for veto in rubric.vetoes if veto.id == v.veto_id
        ]
    return data


def _signed(amount: Decimal | None, sign: int) -> Decimal | None:
    """An adjustment's amount as it counts in the total: a deduction negative."""
    return None if amount is None else (-amount if sign < 0 else amount)


def render_result_json(result: Result, options: RenderOptions) -> str:
    return dumps(result_data(result)) + "\n"
