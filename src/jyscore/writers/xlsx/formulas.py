"""The form's Excel formulas, built as text. No openpyxl here.

They make the form total itself in Excel, WPS and LibreOffice and must agree with the engine.
The formula of an item with a rule is its kind's own (:func:`jyscore.core.rules.excel`); these are
the sums around them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jyscore.core.models import Grades
from jyscore.core.numbers import format_decimal


def number(value: Decimal) -> str:
    return format_decimal(value)


def cell_sum(cells: Sequence[str]) -> str:
    """``=SUM(H5,H9,H12)``; 0 for no cells."""
    return f"=SUM({','.join(cells)})" if cells else "=0"


def parts_sum(first: str, last: str) -> str:
    """An item summed from its part rows: empty until a part is scored."""
    cells = f"{first}:{last}"
    return f'=IF(COUNT({cells})=0,"",SUM({cells}))'


def plus(first: str, second: str) -> str:
    return f"={first}+{second}"


def text(value: str) -> str:
    """A string constant in a formula: ``"优秀"``, its quotes doubled."""
    return '"' + value.replace('"', '""') + '"'


def reported(cell: str) -> str:
    """A veto's cell reports it: 1 (blank or 0 does not)."""
    return f"{cell}=1"


def total(
    base: str, bonus: str | None, adjustments: Sequence[tuple[int, str]],
    vetoes: Sequence[tuple[Decimal, str]],
) -> str:
    """``base + bonus ± adjustments`` (``adjustments``: (sign, cell)), unless a reported veto sets
    the total (``vetoes``: (total, cell)): the lowest of those reported, as the engine has it
    (the lowest is tested first)."""
    formula = base + (f"+{bonus}" if bonus else "")
    formula += "".join(("-" if sign < 0 else "+") + cell for sign, cell in adjustments)
    for value, cell in sorted(vetoes, key=lambda v: v[0], reverse=True):
        formula = f"IF({reported(cell)},{number(value)},{formula})"
    return "=" + formula


def grade(total_cell: str, grades: Grades, vetoes: Sequence[tuple[int, str, str]]) -> str:
    """The band the total reaches (the first from the top whose ``min`` it reaches or whose
    ``above`` it passes; the last band takes the rest), unless a reported veto sets the grade
    (``vetoes``: (band index, band name, cell)): the lowest band of those reported."""
    bands = grades.bands
    formula = text(bands[-1].name)
    for band in reversed(bands[:-1]):
        if band.min is not None:
            condition = f"{total_cell}>={number(band.min)}"
        elif band.above is not None:
            condition = f"{total_cell}>{number(band.above)}"
        else:
            continue
        formula = f"IF({condition},{text(band.name)},{formula})"
    for _, name, cell in sorted(vetoes, key=lambda v: v[0]):
        formula = f"IF({reported(cell)},{text(name)},{formula})"
    return "=" + formula
