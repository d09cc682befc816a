"""The fill-in form: a workbook that looks like the paper form, guards its input cells and totals
itself in Excel, WPS and LibreOffice. Blank from ``jyscore template``, or filled from a checked
sheet by ``jyscore convert``.

Layout (see :mod:`.plan` for the rows and :mod:`.layout` for what the reader relies on): a title,
the labelled 学院 / 年度 / 指标体系 cells, a line of help, the header row (frozen and repeated on
every printed page), then the rubric's rows. Input cells are yellow, unlocked and validated (a
decimal from 0 to the cap, with an input message naming the cap and the step); everything else is
locked by sheet protection without a password, so a slip of the mouse cannot break a formula.

This module lays out the page (the top, the header, the merges, printing and protection); the
rows are written by :mod:`.form_items` and :mod:`.form_totals` on a :class:`.form_sheet.FormSheet`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from jyscore.core import rules
from jyscore.core.models import Rubric, Sheet
from jyscore.core.text import xml_safe
from jyscore.form.layout import COLUMNS, headers, top_labels
from jyscore.i18n.messages import hint
from jyscore.writers.atomic import check_writable, write_atomic
from jyscore.writers.xlsx import cells, form_items, form_totals
from jyscore.writers.xlsx.form_sheet import (
    FIRST_ROW,
    HEADER_ROW,
    HELP_ROW,
    TITLE_ROW,
    TOP_ROW,
    FormSheet,
    col,
)
from jyscore.writers.xlsx.plan import (
    ADJUSTMENT,
    BASE,
    BONUS,
    BONUS_TOTAL,
    GRADE,
    INPUT,
    ITEM,
    PART,
    SUBTOTAL,
    TOTAL,
    VETO,
    FormRow,
)
from jyscore.writers.xlsx.printing import apply_print_setup, fit_row_heights, use_cjk_font

WIDTHS = {"id": 9, "primary": 11, "secondary": 13, "focus": 20, "criteria": 50, "points": 6,
          "methods": 9, "self": 9, "assessed": 9, "note": 22}
LINE_HEIGHT = 14.5  # points per wrapped line at 11 pt
# where the labelled top cells are: field -> (label column, value column, last value column)
TOP_CELLS = {"college": ("A", "B", "C"), "year": ("D", "E", "E"), "rubric": ("G", "H", "J")}
# a panel member's form names the assessor beside 学院/年度 (and the rubric moves right)
ASSESSOR_TOP_CELLS = {**TOP_CELLS, "assessor": ("G", "H", "H"), "rubric": ("I", "J", "J")}
# the writer of each kind of row (:mod:`.plan`)
ROW_WRITERS: dict[str, Callable[[FormSheet, int, FormRow], None]] = {
    ITEM: form_items.item, PART: form_items.part, SUBTOTAL: form_items.subtotal,
    BASE: form_items.base, BONUS: form_items.bonus, INPUT: form_items.rule_input,
    BONUS_TOTAL: form_totals.bonus_total, TOTAL: form_totals.total,
    ADJUSTMENT: form_totals.adjustment, VETO: form_totals.veto, GRADE: form_totals.grade,
}


def write_form(
    path: Path, rubric: Rubric, college: str, year: int, sheet: Sheet | None = None,
    *, overwrite: bool = False, assessor: str | None = None,
) -> None:
    """Write the form to ``path`` atomically; refuse an existing file unless ``overwrite``."""
    check_writable(path, overwrite)
    workbook = build_form(rubric, college, year, sheet, assessor=assessor)
    write_atomic(path, workbook.save, overwrite=overwrite)


def build_form(
    rubric: Rubric, college: str, year: int, sheet: Sheet | None = None,
    *, assessor: str | None = None,
) -> Workbook:
    """The form; ``assessor`` (or the sheet's) adds its labelled cell beside 学院/年度."""
    return _Form(rubric, sheet).build(college, year,
                                      assessor or (sheet.assessor if sheet else None))


class _Form(FormSheet):
    def __init__(self, rubric: Rubric, sheet: Sheet | None) -> None:
        self.workbook = Workbook()
        use_cjk_font(self.workbook)
        active = self.workbook.active
        assert isinstance(active, Worksheet)  # a new workbook holds one worksheet
        active.title = hint("form-sheet")
        super().__init__(active, rubric, sheet)

    # -- the whole form ------------------------------------------------------------------------

    def build(self, college: str, year: int, assessor: str | None = None) -> Workbook:
        ws = self.ws
        for field, width in WIDTHS.items():
            ws.column_dimensions[col(field)].width = width
        self._top(college, year, assessor)
        for index, row in enumerate(self.rows):
            self._row(FIRST_ROW + index, row)
        self._sheet_note(FIRST_ROW + len(self.rows))
        self._merge_groups()
        fit_row_heights(self.ws)
        for validation in self.validations.values():
            ws.add_data_validation(validation)
        self._sheet_setup(college)
        # the writers' last line of defence: text the input rule let through stays valid XML
        self.workbook.properties.title = xml_safe(f"{self.rubric.name} — {college} {year}")
        self.workbook.properties.creator = "jyscore"
        return self.workbook

    def _top(self, college: str, year: int, assessor: str | None = None) -> None:
        """The rows above the rubric's: the title, the labelled top cells, the help, the header."""
        self._title()
        self._top_cells(college, year, assessor)
        self._help()
        self._header()

    def _title(self) -> None:
        ws = self.ws
        ws.merge_cells(f"A{TITLE_ROW}:{col('note')}{TITLE_ROW}")
        title = ws[f"A{TITLE_ROW}"]
        cells.put_text(title, self.rubric.name)
        title.font, title.alignment = cells.TITLE_FONT, cells.CENTER
        ws.row_dimensions[TITLE_ROW].height = 24

    def _top_cells(self, college: str, year: int, assessor: str | None) -> None:
        """学院, 年度 (and the assessor) to fill in, and the rubric's id."""
        ws = self.ws
        labels = top_labels(self.rubric)
        values: dict[str, Any] = {"college": college, "year": year, "rubric": self.rubric.id,
                                  "assessor": assessor}
        top_cells = TOP_CELLS if assessor is None else ASSESSOR_TOP_CELLS
        for field, (label_col, value_col, end_col) in top_cells.items():
            label = ws[f"{label_col}{TOP_ROW}"]
            cells.put_text(label, labels[field])
            label.font, label.alignment = cells.BOLD, cells.CENTER
            if end_col != value_col:
                ws.merge_cells(f"{value_col}{TOP_ROW}:{end_col}{TOP_ROW}")
            cell = ws[f"{value_col}{TOP_ROW}"]
            if field == "year":
                cell.value = year
                self.validate(cell.coordinate, "year")
            else:
                cells.put_text(cell, values[field])
            cell.alignment = cells.CENTER
            cell.border = cells.BORDER
            if field != "rubric":
                cell.protection, cell.fill = cells.UNLOCKED, cells.INPUT_FILL

    def _help(self) -> None:
        ws = self.ws
        ws.merge_cells(f"A{HELP_ROW}:{col('note')}{HELP_ROW}")
        help_cell = ws[f"A{HELP_ROW}"]
        computed = any(not rules.hand_scored(n)
                       for n in (*self.rubric.items, *self.rubric.bonus_items))
        help_text = hint("form-help")
        if computed:  # an input's 考核 cell left empty takes the 自评 cell's value
            help_text = hint("sentences", first=help_text, second=hint("form-input-assessed"))
        cells.put_text(help_cell, help_text)
        help_cell.alignment = cells.WRAP
        ws.row_dimensions[HELP_ROW].height = 2 * LINE_HEIGHT + 4

    def _header(self) -> None:
        ws = self.ws
        for field, text in headers(self.rubric).items():
            cell = ws[f"{col(field)}{HEADER_ROW}"]
            cells.put_text(cell, text)
            cell.font, cell.fill = cells.HEADER_FONT, cells.HEADER_FILL
            cell.alignment, cell.border = cells.CENTER, cells.BORDER
        ws.row_dimensions[HEADER_ROW].height = 2 * LINE_HEIGHT

    # -- one row -------------------------------------------------------------------------------

    def _row(self, r: int, row: FormRow) -> None:
        """A planned row: the borders and fonts of its cells, its 编号, then its kind's cells."""
        ws = self.ws
        for field in COLUMNS:
            cell = ws[f"{col(field)}{r}"]
            cell.border = cells.BORDER
            centered = field in ("id", "points", "self", "assessed")
            cell.alignment = cells.CENTER if centered else cells.WRAP
            if not centered:
                cell.font = cells.TEXT_FONT
        id_cell = ws[f"{col('id')}{r}"]
        cells.put_text(id_cell, row.key or None)
        id_cell.number_format = cells.TEXT_FORMAT
        ROW_WRITERS[row.kind](self, r, row)

    def _sheet_note(self, r: int) -> None:
        """The sheet's own note, below the form: ``备注`` in the id column, the text beside it;
        only for a sheet that has one (the blank form stays within its printed pages)."""
        note = self.sheet.note if self.sheet is not None else None
        if not note:
            return
        ws = self.ws
        label = ws[f"{col('id')}{r}"]
        cells.put_text(label, self.rubric.labels.note)
        label.font, label.alignment, label.border = cells.BOLD, cells.CENTER, cells.BORDER
        label.number_format = cells.TEXT_FORMAT
        ws.merge_cells(f"{col('primary')}{r}:{col('note')}{r}")
        cell = ws[f"{col('primary')}{r}"]
        cells.put_text(cell, note)
        cell.alignment, cell.border = cells.WRAP, cells.BORDER
        self.unlock(cell)
        ws.row_dimensions[r].height = 2 * LINE_HEIGHT + 4  # room to type; a text grows it

    # -- merges, heights, page -----------------------------------------------------------------

    def _merge_groups(self) -> None:
        """Merge the 一级/二级/评估方法 cells down the rows of their indicator, and the 考察点
        cell of an item down its parts, as on the paper form."""
        keys: dict[str, Callable[[FormRow], object]] = {
            "primary": lambda row: row.primary.id if row.primary else (
                row.kind if row.kind in (ADJUSTMENT, VETO) else None),
            "methods": lambda row: row.primary.id if row.primary else None,
            "secondary": lambda row: row.secondary.id if row.secondary else None,
            "focus": lambda row: row.item.id if row.kind in (ITEM, PART) and row.item else None,
        }
        for field, key in keys.items():
            start = 0
            for index in range(1, len(self.rows) + 1):
                here = key(self.rows[start])
                if index < len(self.rows) and key(self.rows[index]) == here and here is not None:
                    continue
                if here is not None and index - start > 1:
                    letter = col(field)
                    self.ws.merge_cells(
                        f"{letter}{FIRST_ROW + start}:{letter}{FIRST_ROW + index - 1}"
                    )
                start = index

    def _sheet_setup(self, college: str) -> None:
        ws = self.ws
        ws.freeze_panes = f"A{FIRST_ROW}"
        apply_print_setup(ws, document=self.rubric.name, section=college,
                          title_rows=f"{HEADER_ROW}:{HEADER_ROW}", widths=WIDTHS.values())
        ws.protection.sheet = True  # no password: it guards against slips, not people
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
