"""Filling in a generated form with openpyxl, as a secretary would in Excel."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from jyscore.core.models import Rubric, Sheet
from jyscore.form.layout import adjustment_key, input_key, veto_key

SELF, ASSESSED, NOTE = "H", "I", "J"


def id_rows(ws: Any) -> dict[str, int]:
    """编号 -> row number of a form's first sheet."""
    return {
        str(ws.cell(row, 1).value): row
        for row in range(1, ws.max_row + 1)
        if ws.cell(row, 1).value is not None
    }


def typed(value: Decimal) -> float | int:
    """What Excel stores for a typed number: an int, or a binary float."""
    return int(value) if value == value.to_integral_value() else float(value)


def fill(path: Path, rubric: Rubric, sheet: Sheet, out: Path | None = None) -> Path:
    """Type a sheet's values into a blank form at ``path`` (saved to ``out`` or in place)."""
    workbook = openpyxl.load_workbook(path)
    ws = workbook.worksheets[0]
    rows = id_rows(ws)
    for item_id, entry in sheet.entries.items():
        row = rows[item_id]
        for column, value in ((SELF, entry.self), (ASSESSED, entry.assessed)):
            if value is not None:
                ws[f"{column}{row}"] = typed(value)
        if entry.note:
            ws[f"{NOTE}{row}"] = entry.note
        for name, value in entry.inputs.items():
            ws[f"{SELF}{rows[input_key(rubric, item_id, name)]}"] = typed(value)
        for column_name, values in entry.column_inputs.items():  # inputs given per column
            column = SELF if column_name == "self" else ASSESSED
            for name, value in values.items():
                ws[f"{column}{rows[input_key(rubric, item_id, name)]}"] = typed(value)
    for adjustment in sheet.adjustments:  # the amount, as typed
        row = rows[adjustment_key(rubric, adjustment.adjustment_id)]
        for column, value in ((SELF, adjustment.self), (ASSESSED, adjustment.assessed)):
            if value is not None:
                ws[f"{column}{row}"] = typed(value)
    for veto in sheet.vetoes:  # 1 where reported
        row = rows[veto_key(rubric, veto.veto_id)]
        for column, flag in ((SELF, veto.self), (ASSESSED, veto.assessed)):
            if flag:
                ws[f"{column}{row}"] = 1
    target = out or path
    workbook.save(target)
    return target


def set_cells(path: Path, values: dict[str, Any], out: Path | None = None) -> Path:
    """Set cells of the first sheet (``{"H15": 2.5}``); a ``None`` clears a cell."""
    workbook = openpyxl.load_workbook(path)
    ws = workbook.worksheets[0]
    for ref, value in values.items():
        ws[ref] = value
    target = out or path
    workbook.save(target)
    return target


def total_cells(ws: Any) -> dict[str, int]:
    """The rows of the labelled computed rows (基础分, 加分, 总分) by their label."""
    return {
        str(ws.cell(row, 2).value): row
        for row in range(1, ws.max_row + 1)
        if ws.cell(row, 1).value is None and ws.cell(row, 2).value is not None
    }
