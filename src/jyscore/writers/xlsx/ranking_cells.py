"""The cells of the ranking workbook's write-only sheets: a value with its style, a value
appended as it is, a sheet's layout, and a worksheet title for a college.

A write-only sheet takes :class:`WriteOnlyCell` objects (or plain values) row by row; every text
still goes through :func:`.cells.put_text`, so it is never a formula.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, cast

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from jyscore.core.numbers import format_decimal
from jyscore.core.text import xml_safe
from jyscore.writers.xlsx import cells
from jyscore.writers.xlsx.printing import cjk_font

if TYPE_CHECKING:
    from openpyxl.worksheet.cell_range import MultiCellRange
    from openpyxl.worksheet.dimensions import ColumnDimension, DimensionHolder
    from openpyxl.worksheet.filters import AutoFilter

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
MAX_TITLE = 31
_VETO_FONT = cjk_font(bold=True, color="C00000")
_VETO_FILL = PatternFill("solid", fgColor="FDE9E7")


class SheetLayout(Protocol):
    """What a write-only sheet has as a Worksheet has it, and openpyxl's stubs leave out."""

    column_dimensions: DimensionHolder[str, ColumnDimension]
    merged_cells: MultiCellRange
    auto_filter: AutoFilter


def sheet_layout(ws: WriteOnlyWorksheet) -> SheetLayout:
    return cast("SheetLayout", ws)


def new_cell(
    ws: WriteOnlyWorksheet, value: Any, *, style: str = "", number_format: str = ""
) -> Cell:
    """A cell holding ``value`` (text as text, a Decimal as the number it is) in ``style``:
    header, title, bold, total or veto."""
    cell = WriteOnlyCell(ws)
    if isinstance(value, str):
        cells.put_text(cell, value)
    elif isinstance(value, Decimal):
        cell.value = Decimal(format_decimal(value))  # no exponent notation in the file
    else:
        cell.value = value
    if number_format and isinstance(value, Decimal):
        cell.number_format = number_format
    if style == "header":
        cell.font, cell.fill, cell.alignment = cells.HEADER_FONT, cells.HEADER_FILL, cells.CENTER
        cell.border = cells.BORDER
    elif style == "title":
        cell.font = cells.TITLE_FONT
    elif style == "bold":
        cell.font = cells.BOLD
    elif style == "total":
        cell.font, cell.fill = cells.BOLD, cells.TOTAL_FILL
    elif style == "veto":  # a veto is shown wherever the total is
        cell.font, cell.fill = _VETO_FONT, _VETO_FILL
    return cell


def plain_value(ws: WriteOnlyWorksheet, value: Any) -> Any:
    """A value to append as it is: text that openpyxl would take for a formula (``=…``) or an
    error (``#N/A``) gets a cell that holds it as text."""
    if isinstance(value, str):
        text = cells.clean_text(value)
        return new_cell(ws, text) if text.startswith(("=", "#")) else text
    if isinstance(value, Decimal):
        return Decimal(format_decimal(value))
    return value


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid worksheet title for a college (no []:*?/\\, at most 31 characters) whose
    casefolded form is not in ``taken``: Excel's titles are unique regardless of case."""
    base = _BAD_TITLE.sub("_", " ".join(xml_safe(name).split())).strip("'").strip() or "_"
    title = base[:MAX_TITLE]
    number = 2
    while title.casefold() in taken:
        suffix = f" ({number})"
        title = base[: MAX_TITLE - len(suffix)] + suffix
        number += 1
    return title
