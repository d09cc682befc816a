"""Files in, checked data out: rubrics, score sheets and the folders that hold them."""

from __future__ import annotations

from .files import SheetReport, check_sheet, check_sheets, discover, read_sheet
from .rubric import DEFAULT_RUBRIC, load_rubric
from .sheet import load_sheet

__all__ = [
    "DEFAULT_RUBRIC",
    "SheetReport",
    "check_sheet",
    "check_sheets",
    "discover",
    "load_rubric",
    "load_sheet",
    "read_sheet",
]
