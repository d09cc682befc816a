"""The form's Excel formulas, built as text. No openpyxl here.

They make the form total itself in Excel, WPS and LibreOffice and must agree with the engine.
Spreadsheets compute in binary floating point, so every comparison that decides a bonus step is
made on a value rounded to 9 decimals: ``89.4*125`` is 11175.000000000002 in a spreadsheet and
11175 after ``ROUND(…,9)``. The inputs (whole counts, percentages with a few decimals) keep every
true value far more than 1e-9 away from the next step, so the rounding never moves a real one.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from ..models import PerUnitRule, RateStepsRule
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


def _capped(points: str, cap: Decimal | None) -> str:
    return points if cap is None else f"MIN({number(cap)},{points})"


def rate_steps(rule: RateStepsRule, target: str, graduates: str, employed: str, rate: str) -> str:
    """+per_step for every full step by which the rate exceeds the target, 0 at or below it.

    With counts, rate - target = (employed*100 - target*graduates) / graduates, so the number of
    full steps is FLOOR((employed*100 - target*graduates) / (step*graduates)); with a rate given
    directly it is FLOOR((rate - target) / step). Counts win when both are given (jyscore itself
    refuses a sheet with both).
    """
    step, per = number(rule.step), number(rule.per_step)
    excess_counts = f"ROUND({employed}*100-{target}*{graduates},9)"
    steps_counts = f"INT(ROUND({excess_counts}/({step}*{graduates}),9))"
    excess_rate = f"ROUND({rate}-{target},9)"
    steps_rate = f"INT(ROUND({excess_rate}/{step},9))"
    by_counts = f"IF({excess_counts}<=0,0,{_capped(f'{per}*{steps_counts}', rule.max)})"
    by_rate = f"IF({excess_rate}<=0,0,{_capped(f'{per}*{steps_rate}', rule.max)})"
    return (
        f"=IF(NOT(ISNUMBER({target})),0,"
        f"IF(AND(ISNUMBER({graduates}),ISNUMBER({employed})),IF({graduates}>0,{by_counts},0),"
        f"IF(ISNUMBER({rate}),{by_rate},0)))"
    )


def per_unit(rule: PerUnitRule, count: str) -> str:
    points = f"{count}*{number(rule.per_unit)}"
    return f"=IF(ISNUMBER({count}),{_capped(points, rule.max)},0)"


def plus(first: str, second: str) -> str:
    return f"={first}+{second}"
