"""openpyxl helpers shared by the form and the ranking workbook: styles, and cell text that is
always stored as text.

openpyxl turns any string starting with ``=`` into a formula. Every text jyscore writes (a
college's name, a note, a rubric text) goes through :func:`put_text`, which stores it as a string
whatever it starts with: a college named ``=HYPERLINK(…)`` stays a name.
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

from jyscore.core.text import xml_safe
from jyscore.writers.xlsx.printing import TEXT_SIZE, TITLE_SIZE, cjk_font

MAX_CELL_TEXT = 32767  # Excel's limit for one cell

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FONT = cjk_font(bold=True)
TITLE_FONT = cjk_font(bold=True, size=TITLE_SIZE)
BOLD = cjk_font(bold=True)
TEXT_FONT = cjk_font(size=TEXT_SIZE)  # the rubric's long texts in the form
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
COMPUTED_FILL = PatternFill("solid", fgColor="EDEDED")
TOTAL_FILL = PatternFill("solid", fgColor="E2EFDA")
ALERT_FONT = Font(b=True, color="C00000")  # a reported veto (conditional formatting)
ALERT_FILL = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
WRAP = Alignment(wrap_text=True, vertical="center")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
MIDDLE = Alignment(vertical="center")
WRAP_TOP_LEFT = Alignment(wrap_text=True, vertical="top", horizontal="left")  # numbers too
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
UNLOCKED = Protection(locked=False)
TEXT_FORMAT = "@"


def clean_text(text: str) -> str:
    """Text as a cell can hold it, at most 32767 characters of it; the last line of defence
    behind the input rule of :mod:`jyscore.core.text`, which refuses both where text is read."""
    return xml_safe(text)[:MAX_CELL_TEXT]


def put_text(cell: Any, text: str | None) -> None:
    """Store ``text`` as a string (never a formula), or clear the cell for None."""
    if text is None:
        cell.value = None
        return
    cell.value = clean_text(text)
    cell.data_type = "s"


def put_formula(cell: Any, formula: str) -> None:
    cell.value = formula
    cell.data_type = "f"
