"""How every sheet jyscore writes looks on screen and on paper: one CJK font, numbers that show as
typed (21, 21.5), A4 page setup with a running header and footer, and rows tall enough for their
wrapped text.

Spreadsheet programs do not grow a row for wrapped text that openpyxl writes (openpyxl has no
autofit, and Excel only re-fits a row when a cell is edited), so :func:`text_lines` estimates how
many lines a text wraps to from its length in column units: a CJK character is as wide as two
digits of the default font, any other character about one. The estimate errs on the tall side,
since a row too tall wastes a little paper while a row too short overprints the next one.

Each sheet writer calls these helpers for its own sheets, so that a sheet added later gets the
same setup with a call or two: :func:`use_cjk_font` on the workbook, :func:`apply_print_setup`
on each sheet, and :func:`fit_row_heights` (a normal sheet, once it is filled) or
:class:`FittedRows` (a write-only sheet, row by row).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.properties import PageSetupProperties

from jyscore.core.text import xml_safe
from jyscore.i18n.messages import hint

# 宋体 (SimSun) is on every Windows (Excel and WPS); the GB2312 charset tells Excel/WPS that a
# Chinese face is meant. LibreOffice on Linux substitutes a CJK sans (Noto Sans CJK, via
# fontconfig) for its Chinese characters and a sans for Latin ones; the English name "SimSun"
# would get a serif Latin fallback there instead.
FONT_NAME = "宋体"
FONT_CHARSET = 134  # GB2312
FONT_FAMILY = 3  # OOXML "modern": fixed-pitch Latin, as SimSun's
BODY_SIZE = 11.0
TITLE_SIZE = 14.0
TEXT_SIZE = 10.0  # long texts (a rubric's criteria), so that a form prints on few pages
# Numbers are written as exact decimals; "General" shows 21 as 21 and 21.5 as 21.5 in Excel, WPS
# and LibreOffice. A format like "0.##" would show 21 as "21." in Excel.
NUMBER_FORMAT = "General"
GAP_FORMAT = "+General;-General;0"  # a difference with its sign, as the terminal shows it

A4 = 9  # the paper size code of A4 in OOXML
PORTRAIT_WIDTH = 100.0  # column units that fit across an A4 portrait page at 100 %
# A CJK character is 15 px at 11 pt and a digit of 宋体 8 px (Excel/WPS: 1.875 units; LibreOffice,
# with its sans digits: 1.6); a Latin character of 宋体 is half a CJK one.
WIDE_CHAR = 1.9  # a CJK character, in column units (the default font's digit width)
NARROW_CHAR = 1.0  # any other character
CELL_PADDING = 1.0  # column units lost to a cell's margins
LINE_SPACING = 1.45  # line height / font size: Noto Sans CJK (LibreOffice) needs about this
ROW_PADDING = 1.0  # points above and below the text
DEFAULT_WIDTH = 8.43  # a column without a width
MAX_ROW_HEIGHT = 409.0  # Excel's limit
HEADER_LIMIT = 240  # a header or footer holds at most 255 characters, codes included


def cjk_font(*, bold: bool = False, size: float = BODY_SIZE, **extra: Any) -> Font:
    """The workbook font, named so that Excel, WPS and LibreOffice all pick a Chinese face."""
    return Font(name=FONT_NAME, charset=FONT_CHARSET, family=FONT_FAMILY, sz=size, b=bold,
                **extra)


BODY_FONT = cjk_font()


def use_cjk_font(workbook: Workbook) -> None:
    """Make the CJK font the workbook's default (the Normal style), so that every cell is in it,
    plain values written without a style included. Call it on a new workbook, before any cell."""
    # openpyxl has no public way to change the default font: font 0 is every unstyled cell's
    workbook._fonts = IndexedList([BODY_FONT])  # type: ignore[attr-defined]
    workbook._named_styles["Normal"].font = BODY_FONT  # type: ignore[attr-defined]


# -- page setup ----------------------------------------------------------------------------------

def _header_text(text: str) -> str:
    """Text as a header/footer shows it: ``&`` starts a code there, so it is doubled."""
    text = " ".join(text.split())
    if len(text) > HEADER_LIMIT // 3:
        text = text[: HEADER_LIMIT // 3 - 1] + "…"
    return text.replace("&", "&&")


def apply_print_setup(
    ws: Any, *, document: str, section: str, title_rows: str | None = None,
    landscape: bool | None = None, widths: Iterable[float] = (),
) -> None:
    """A4, as wide as one page (as many pages down as it takes), ``title_rows`` (``"3:3"``)
    repeated on every page, and on every page the ``document`` (the rubric's name) and the
    ``section`` (a college, 排名) in the header and the page number in the footer.

    Landscape when asked, else when the column ``widths`` add up to more than fits a portrait
    page. Works on normal and write-only sheets (set it before the first row of a write-only one).
    """
    if landscape is None:
        landscape = sum(widths) > PORTRAIT_WIDTH
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.page_margins.header = ws.page_margins.footer = 0.2
    if title_rows:
        ws.print_title_rows = title_rows
    font = "&9"  # 9 pt in the workbook's font (a font code &"name,style" needs localised styles)
    # what XML cannot hold is shown escaped: the writers' last line of defence (jyscore.core.text)
    ws.oddHeader.left.text = font + _header_text(xml_safe(document))
    ws.oddHeader.right.text = font + _header_text(xml_safe(section))
    page = _header_text(hint("print-page", page="\0P", pages="\0N")).replace("\0", "&")
    ws.oddFooter.center.text = font + page


# -- row heights ---------------------------------------------------------------------------------

def text_width(text: str) -> float:
    """The width of one line of text, in column units at the body size."""
    return sum(WIDE_CHAR if unicodedata.east_asian_width(c) in "WF" else NARROW_CHAR
               for c in text)


def text_lines(text: str, width: float, size: float = BODY_SIZE) -> int:
    """How many lines ``text`` takes, wrapped in a column ``width`` units wide, at ``size`` pt."""
    usable = max(width - CELL_PADDING, 1.0) * BODY_SIZE / size
    return sum(max(1, math.ceil(text_width(line) / usable)) for line in text.split("\n"))


def line_height(size: float = BODY_SIZE) -> float:
    return size * LINE_SPACING


def height_for(lines: int, size: float = BODY_SIZE) -> float:
    """The row height in points for ``lines`` lines at ``size`` pt."""
    return min(MAX_ROW_HEIGHT, lines * line_height(size) + 2 * ROW_PADDING)


def _size(cell: Any) -> float:
    font = getattr(cell, "font", None)
    size = getattr(font, "sz", None) if font is not None else None
    return float(size) if size else BODY_SIZE


def _is_text(cell: Any) -> bool:
    """Whether a cell (or a plain value) shows text: a formula shows a number."""
    value = getattr(cell, "value", cell)
    return isinstance(value, str) and bool(value) and getattr(cell, "data_type", "s") != "f"


def _indent(cell: Any) -> float:
    """Column units taken by a cell's indent (about two digits a level)."""
    alignment = getattr(cell, "alignment", None)
    return 2.0 * float(getattr(alignment, "indent", 0) or 0)


def _wraps(cell: Any) -> bool:
    alignment = getattr(cell, "alignment", None)
    return bool(alignment is not None and alignment.wrap_text)


def cell_height(text: str, width: float, size: float, wrap: bool) -> float:
    """The height a cell's text needs: wrapped to ``width``, or one line per ``\\n`` line."""
    lines = text_lines(text, width, size) if wrap else text.count("\n") + 1
    return height_for(lines, size)


def column_width(ws: Any, column: int) -> float:
    dimension = ws.column_dimensions.get(get_column_letter(column))
    width = dimension.width if dimension is not None else None
    return float(width) if width else DEFAULT_WIDTH


def fit_row_heights(ws: Any, first_row: int = 1) -> None:
    """Make every row from ``first_row`` on tall enough for the text of its cells, merged cells
    included (a merged range's text spreads over its columns' width and its rows' height). A row
    keeps a height already set when that is taller. For a normal (not write-only) sheet, filled."""
    merged: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for cell_range in ws.merged_cells.ranges:
        min_col, min_row, max_col, max_row = _bounds(cell_range)
        merged[(min_row, min_col)] = (min_col, min_row, max_col, max_row)
        covered.update((r, c) for r in range(min_row, max_row + 1)
                       for c in range(min_col, max_col + 1))
    needed: dict[int, float] = {}
    tall: list[tuple[int, int, float]] = []  # vertical merges: first row, last row, height
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if not _is_text(cell):
                continue
            key = (cell.row, cell.column)
            if key in covered and key not in merged:
                continue
            min_col, min_row, max_col, max_row = merged.get(key, (cell.column, cell.row) * 2)
            width = sum(column_width(ws, c) for c in range(min_col, max_col + 1)) - _indent(cell)
            height = cell_height(cell.value, width, _size(cell), _wraps(cell))
            if max_row > min_row:
                tall.append((min_row, max_row, height))
            else:
                needed[cell.row] = max(needed.get(cell.row, 0.0), height)
    for index, height in needed.items():
        _raise_height(ws, index, height)
    for top, bottom, height in tall:
        rows = range(top, bottom + 1)
        have = sum(_height(ws, r) for r in rows)
        if have < height:
            extra = (height - have) / len(rows)
            for r in rows:
                _raise_height(ws, r, _height(ws, r) + extra)


def _bounds(cell_range: Any) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row) of a merged range."""
    return (int(cell_range.min_col), int(cell_range.min_row), int(cell_range.max_col),
            int(cell_range.max_row))


def _height(ws: Any, index: int) -> float:
    dimension = ws.row_dimensions.get(index)
    height = dimension.height if dimension is not None else None
    return float(height) if height else height_for(1)


def _raise_height(ws: Any, index: int, height: float) -> None:
    current = ws.row_dimensions[index].height
    if current is None or current < height:
        ws.row_dimensions[index].height = round(min(height, MAX_ROW_HEIGHT), 2)


class FittedRows:
    """Appends rows to a write-only sheet, each as tall as its text needs (set the column widths
    first): a write-only sheet writes a row, its height included, as soon as it is appended."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.next_row = 1

    def append(self, row: Sequence[Any]) -> None:
        height = 0.0
        for column, cell in enumerate(row, start=1):
            text = getattr(cell, "value", cell)
            if isinstance(text, str) and _is_text(cell):
                last = self._merged_to(column)
                width = sum(column_width(self.ws, c) for c in range(column, last + 1))
                width -= _indent(cell)
                height = max(height, cell_height(text, width, _size(cell), _wraps(cell)))
        if height > height_for(1, _size(None)):
            self.ws.row_dimensions[self.next_row].height = round(height, 2)
        self.ws.append(row)
        self.next_row += 1

    def _merged_to(self, column: int) -> int:
        """The last column of a range merged across this row from ``column`` (add merges first)."""
        for cell_range in self.ws.merged_cells.ranges:
            min_col, min_row, max_col, max_row = _bounds(cell_range)
            if min_col == column and min_row == self.next_row == max_row:
                return max_col
        return column
