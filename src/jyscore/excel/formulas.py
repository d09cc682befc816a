"""The form's Excel formulas, built as text. No openpyxl here.

They make the form total itself in Excel, WPS and LibreOffice and must agree with the engine.
The formula of an item with a rule is its kind's own (:func:`jyscore.rules.excel`); these are
the sums around them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from ..numbers import format_decimal


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
