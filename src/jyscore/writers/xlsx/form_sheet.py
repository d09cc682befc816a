"""The fill-in form's worksheet and what every row writer does to its cells: text, numbers,
formulas, labelled total rows, input cells (unlocked, shaded, validated) and red alerts.

:class:`FormSheet` holds the form being written: the rubric, the sheet filling it (None for a
blank form), the planned rows (:mod:`.plan`) and the row each key landed on. The rows themselves
are written by :mod:`.form_items` (the rubric's items) and :mod:`.form_totals` (the totals, the
adjustments and the vetoes); :mod:`.form` lays out the page around them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from jyscore.core.models import Adjustment, Node, Rubric, Sheet, Veto
from jyscore.core.numbers import format_decimal
from jyscore.form.layout import COLUMNS, SCORE_FIELDS, adjustment_key, input_key, veto_key
from jyscore.writers.xlsx import cells, formulas, guards
from jyscore.writers.xlsx.plan import FormRow, ancestors, plan

TITLE_ROW, TOP_ROW, HELP_ROW, HEADER_ROW = 1, 2, 3, 4
FIRST_ROW = HEADER_ROW + 1


def col(field: str) -> str:
    """The letter of a field's column (``self`` -> ``H``)."""
    return get_column_letter(COLUMNS.index(field) + 1)


class FormSheet:
    """The form being written on ``ws``, and the cell operations its row writers share."""

    def __init__(self, ws: Worksheet, rubric: Rubric, sheet: Sheet | None) -> None:
        self.ws = ws
        self.rubric = rubric
        self.sheet = sheet
        self.rows: list[FormRow] = plan(rubric)
        self.row_of = {r.key: FIRST_ROW + i for i, r in enumerate(self.rows) if r.key}
        self.chains = ancestors(rubric)
        self.validations: dict[tuple[str, ...], DataValidation] = {}
        self.base_row = self.bonus_row = self.total_row = 0  # set when those rows are written

    # -- keys ----------------------------------------------------------------------------------

    def input_row(self, node: Node, name: str) -> int:
        """The row of an input of ``node``'s rule."""
        return self.row_of[input_key(self.rubric, node.id, name)]

    def declared_row(self, declared: Adjustment | Veto) -> int:
        """The row of an adjustment or a veto."""
        if isinstance(declared, Adjustment):
            return self.row_of[adjustment_key(self.rubric, declared.id)]
        return self.row_of[veto_key(self.rubric, declared.id)]

    # -- cells ---------------------------------------------------------------------------------

    def text(self, r: int, field: str, text: str | None) -> None:
        if text:
            cells.put_text(self.ws[f"{col(field)}{r}"], text)

    def number(self, r: int, field: str, value: Decimal | None) -> None:
        if value is not None:
            self.ws[f"{col(field)}{r}"].value = value

    def label(self, r: int, text: str, points: Decimal | None) -> None:
        """A computed row: its label across the name columns, bold, shaded."""
        ws = self.ws
        ws.merge_cells(f"{col('primary')}{r}:{col('criteria')}{r}")
        cells.put_text(ws[f"{col('primary')}{r}"], text)
        self.number(r, "points", points)
        for field in COLUMNS:
            cell = ws[f"{col(field)}{r}"]
            cell.font, cell.fill = cells.BOLD, cells.TOTAL_FILL

    def formula(self, r: int, field: str, formula: str, total: bool = False) -> None:
        cell = self.ws[f"{col(field)}{r}"]
        cells.put_formula(cell, formula)
        if not total:
            cell.fill = cells.COMPUTED_FILL

    def sums(self, r: int, rows: list[int]) -> None:
        """Both score columns of row ``r`` sum the same columns of ``rows``."""
        for field in SCORE_FIELDS:
            formula = formulas.cell_sum([f"{col(field)}{i}" for i in rows])
            self.formula(r, field, formula, total=True)

    def unlock(self, cell: Any) -> None:
        cell.protection, cell.fill = cells.UNLOCKED, cells.INPUT_FILL

    def red_when(self, ref: str, condition: str) -> None:
        """Bold red text on ``ref`` while ``condition`` (relative to its first cell) holds."""
        from openpyxl.formatting.rule import FormulaRule

        self.ws.conditional_formatting.add(
            # openpyxl's stubs leave FormulaRule untyped
            ref, FormulaRule(  # type: ignore[no-untyped-call]
                formula=[condition], font=cells.ALERT_FONT, fill=cells.ALERT_FILL))

    # -- input cells ---------------------------------------------------------------------------

    def score_inputs(self, r: int, node: Node, cap: Decimal | None) -> None:
        """The 自评 and 考核 cells of a hand-scored item or part, filled from the sheet."""
        entry = self.sheet.entries.get(node.id) if self.sheet else None
        for field in SCORE_FIELDS:
            cell = self.ws[f"{col(field)}{r}"]
            self.unlock(cell)
            if node.allowed is not None:
                self.validate_allowed(cell.coordinate, node.allowed)
            else:
                self.validate(cell.coordinate, "score", cap, node.step)
            if entry is not None:
                cell.value = entry.column(field)

    def note(self, r: int, node: Node) -> None:
        """An item's 备注 cell, open to type in, filled with the sheet's note."""
        cell = self.ws[f"{col('note')}{r}"]
        self.unlock(cell)
        entry = self.sheet.entries.get(node.id) if self.sheet else None
        if entry is not None and entry.note:
            cells.put_text(cell, entry.note)

    def declared_note(self, r: int, note: str | None) -> None:
        """An adjustment's or a veto's 备注 cell."""
        cell = self.ws[f"{col('note')}{r}"]
        self.unlock(cell)
        if note:
            cells.put_text(cell, note)

    def validate(
        self, ref: str, kind: str, cap: Decimal | None = None, step: Decimal | None = None
    ) -> None:
        """Guard ``ref`` with the data validation of ``kind`` (one per kind, cap and step)."""
        step = step or self.rubric.step
        key = (kind, format_decimal(cap) if cap is not None else "", format_decimal(step))
        validation = self.validations.get(key)
        if validation is None:
            validation = self.validations[key] = guards.validation(kind, cap, step)
        validation.add(ref)

    def validate_allowed(self, ref: str, allowed: tuple[Decimal, ...]) -> None:
        values = ",".join(format_decimal(v) for v in allowed)
        key = ("allowed", values, "")
        validation = self.validations.get(key)
        if validation is None:
            validation = self.validations[key] = guards.allowed_values(values)
        validation.add(ref)

    def validate_adjustment(self, ref: str, adjustment: Adjustment, step: Decimal) -> None:
        """Guard an adjustment's amount: a magnitude within its range, in its step."""
        key = ("adjustment", adjustment.id)
        validation = self.validations.get(key)
        if validation is None:
            validation = self.validations[key] = guards.adjustment(
                adjustment.min, adjustment.max, step, adjustment.sign < 0)
        validation.add(ref)
