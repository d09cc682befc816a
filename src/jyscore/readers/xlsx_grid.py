"""The form sheet of a workbook read with openpyxl: its non-empty cells within the read limits.

openpyxl is imported here only when a workbook is really read (start-up stays light, and a file
refused by :mod:`.xlsx_safety` never reaches it). The form is the first visible sheet titled as
the form, else the first visible sheet whose cells have the form's header row; hidden sheets are
never read, only named. Whatever openpyxl trips on is a damaged file, reported as such.
"""

from __future__ import annotations

import dataclasses
import io
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jyscore.core.models import Rubric
from jyscore.core.problems import JyscoreError, Position, make_problem
from jyscore.core.text import display_path, short
from jyscore.form.layout import MAX_COLUMNS, MAX_HEADER_ROW, MAX_ROWS, header_fields, normal
from jyscore.i18n.catalogue import LANGUAGES, translate
from jyscore.i18n.messages import HINTS, damage_phrase, hint, phrase
from jyscore.readers.xlsx_cells import Cell
from jyscore.readers.xlsx_illegal import find_illegal_cell


def _open(data: bytes, data_only: bool) -> Any:
    import openpyxl  # only when a workbook is really read

    return openpyxl.load_workbook(
        io.BytesIO(data), read_only=True, data_only=data_only, keep_links=False
    )


@dataclasses.dataclass
class Grid:
    """The form sheet's non-empty cells within the read limits, by (row, column), and what the
    reader found around them."""

    title: str
    cells: dict[tuple[int, int], Cell]
    hidden: list[str]  # hidden sheets, not read
    beyond: str | None = None  # the first non-empty cell past the read limits


FormTest = Callable[[dict[tuple[int, int], Cell]], bool]


def _candidates(workbook: Any) -> tuple[list[Any], list[str]]:
    """The sheets that may be the form, in the order they are tried: visible sheets titled as the
    form, then the other visible ones. Hidden and very hidden sheets are never read; their names
    come back to be reported."""
    visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
    hidden = [ws.title for ws in workbook.worksheets if ws.sheet_state != "visible"]
    titles = {translate("form-sheet", HINTS["form-sheet"], language) for language in LANGUAGES}
    titled = [ws for ws in visible if ws.title in titles]  # a form written in either language
    return [*titled, *(ws for ws in visible if ws not in titled)], hidden


def _first_form(file: str, data: bytes, data_only: bool, choose: FormTest | str) -> Grid:
    """The form sheet's cells: the first candidate whose cells pass ``choose`` (the form's
    layout), else the first candidate; or, given a title, the sheet of that title."""
    workbook = _open(data, data_only)
    try:
        candidates, hidden = _candidates(workbook)
        if not candidates and not hidden:
            raise JyscoreError([make_problem("JY604", file, reason=phrase("xlsx-no-sheet"))])
        if not candidates:
            raise JyscoreError([make_problem("JY615", file, sheets=sheet_names(hidden))])
        if isinstance(choose, str):
            candidates = [ws for ws in candidates if ws.title == choose][:1] or candidates[:1]
        first: Grid | None = None
        for sheet in candidates:
            grid = _sheet_grid(sheet, hidden)
            if isinstance(choose, str) or choose(grid.cells):
                return grid
            first = first or grid
        assert first is not None
        return first
    finally:
        workbook.close()


def _sheet_grid(sheet: Any, hidden: list[str]) -> Grid:
    """One sheet's non-empty cells within the read limits, and the first cell beyond them."""
    found: dict[tuple[int, int], Cell] = {}
    beyond: str | None = None
    past_last_row = False
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            if cell.value is None or not hasattr(cell, "coordinate"):
                continue
            if cell.row > MAX_ROWS or cell.column > MAX_COLUMNS:
                beyond = beyond or cell.coordinate
                past_last_row = cell.row > MAX_ROWS
                continue
            found[(cell.row, cell.column)] = Cell(
                cell.coordinate, cell.value, cell.data_type == "f",
                cell.number_format or "General",
            )
        if past_last_row:
            break  # the first cell past the last row is reported; the rest is not read
    return Grid(sheet.title, found, hidden, beyond)


def form_test(rubric: Rubric) -> FormTest:
    """Whether a sheet's cells have the form's header row (编号 and 自评分数 or 考核分数) within
    the rows where the reader looks for it."""
    names = header_fields(rubric)

    def is_form(cells: dict[tuple[int, int], Cell]) -> bool:
        rows: dict[int, set[str]] = {}
        for (row, _), cell in cells.items():
            if row <= MAX_HEADER_ROW and isinstance(cell.value, str):
                field = names.get(normal(cell.value))
                if field is not None:
                    rows.setdefault(row, set()).add(field)
        return any("id" in f and ("self" in f or "assessed" in f) for f in rows.values())

    return is_form


def sheet_names(titles: list[str]) -> str:
    separator = hint("name-separator")
    more = separator + "…" if len(titles) > 5 else ""
    return separator.join(repr(short(t, 31)) for t in titles[:5]) + more


def read_grid(path: Path, data: bytes, data_only: bool, choose: FormTest | str) -> Grid:
    """The form sheet's cells (``choose``: the form's test, or the title of the sheet read
    before); with ``data_only`` the values Excel saved for formulas instead of the formulas.
    A workbook openpyxl cannot read is JY604 (JY017 naming the cell of an illegal character)."""
    file = display_path(path)
    try:
        with warnings.catch_warnings():  # openpyxl's UserWarnings are not the user's business
            warnings.simplefilter("ignore")
            return _first_form(file, data, data_only, choose)
    except JyscoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever openpyxl trips on, the file is damaged
        illegal = find_illegal_cell(data)  # the parser names no cell: look for it
        if type(exc).__module__.startswith("defusedxml"):  # the safety check should have caught it
            problem = make_problem("JY608", file, part="?")
        elif illegal is not None:
            problem = make_problem("JY017", file, Position(cell=illegal.cell),
                                   character=illegal.character, index=illegal.index)
        else:
            problem = make_problem("JY604", file, reason=damage_phrase(exc))
        raise JyscoreError([problem]) from None
