"""A workbook cell's value as the text the sheet checker reads, exactly.

A typed number is a binary float inside the file; its shortest repr is the decimal the user typed
(``4.5`` -> ``"4.5"``), so the text goes to the checker, never the float. A value a formula
computed is taken as Excel shows it, to 15 significant digits.
"""

from __future__ import annotations

import datetime
import math
import unicodedata
from contextlib import suppress
from decimal import Decimal, InvalidOperation
from typing import Any

from jyscore.core import rules
from jyscore.core.models import Rubric
from jyscore.core.numbers import format_decimal, parse_decimal


class Cell:
    """A non-empty cell of the form sheet, as the reader keeps it once the workbook is closed."""

    __slots__ = ("coordinate", "value", "formula", "number_format")

    def __init__(self, coordinate: str, value: Any, formula: bool, number_format: str) -> None:
        self.coordinate = coordinate
        self.value = value
        self.formula = formula
        self.number_format = number_format


def cell_text(value: Any, *, percent: bool = False, from_formula: bool = False) -> str | None:
    """A cell's value as the text the sheet checker reads, or None when the cell is empty.

    ``percent``: the cell is shown as a percentage and holds one (89.4% is stored as 0.894).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return repr(value)
        # repr is the shortest text that reads back as the same float: what the user typed;
        # a computed value is taken as Excel shows it, to 15 significant digits
        text = format_decimal(Decimal(format(value, ".15g") if from_formula else repr(value)))
    elif isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    else:
        text = str(value)
        return text if text.strip() else None
    if percent:
        with suppress(InvalidOperation):
            text = format_decimal(Decimal(text) * 100)
    return text


def looks_numeric(text: str) -> bool:
    """Text a person reads as a number: ``4.5``, `` 4.5 ``, ``89.4%``, ``４.５``, ``1,000``."""
    normal = unicodedata.normalize("NFKC", text).strip().removesuffix("%").replace(",", "")
    return parse_decimal(normal.strip()) is not None


def veto_flag(text: str) -> str:
    """A veto's cell as the sheet's flag: 1 is ``true``, 0 ``false``; anything else stays as it
    is, for the sheet checker to report (JY143)."""
    number = parse_decimal(text.strip())
    if number is not None and number in (0, 1):
        return "true" if number == 1 else "false"
    return text


def is_percent(rubric: Rubric, item_id: str, field: str) -> bool:
    """Whether the item's input ``field`` is a percentage (its cell holds 0.894 for 89.4%)."""
    node = rubric.nodes.get(item_id)
    if node is None:
        return False
    return any(s.name == field and s.reader == "percent" for s in rules.input_specs(node))


def cell_at(row: int, column: int) -> str:
    """A cell's name (``H12``)."""
    from openpyxl.utils import get_column_letter  # only once a workbook is read

    return f"{get_column_letter(column)}{row}"
