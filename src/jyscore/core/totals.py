"""Adjustments to the total, vetoes (一票否决) and grade bands with their quota. Pure, exact.

* An adjustment is entered on a sheet as an amount within the rubric's range; a deduction counts
  negative, an addition positive, and the total is ``base + bonus + adjustments`` (no cap: the
  total may go above the rubric's ``total`` or below 0, as the rubric's own arithmetic says).
* A veto reported by a sheet sets what the rubric says: the total (several: the lowest), the
  grade (several: the lowest band), or both.
* :func:`grade_of` is a function of a total and the rubric's :class:`~jyscore.core.models.Grades`
  only, so whatever figure is ranked (one assessor's, or a panel's published one) is graded the
  same way; :mod:`jyscore.core.quotas` then applies the bands' quotas in rank order.

Nothing here rounds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from jyscore.core.models import Adjustment, Grades, Rubric, Sheet, Veto
from jyscore.core.numbers import ZERO


@dataclass(frozen=True)
class AppliedAdjustment:
    """An adjustment as a sheet applies it in one column: the amount entered and its sign."""

    adjustment: Adjustment
    amount: Decimal
    note: str | None = None

    @property
    def signed(self) -> Decimal:
        return -self.amount if self.adjustment.sign < 0 else self.amount


def applied_adjustments(rubric: Rubric, sheet: Sheet, column: str) -> tuple[AppliedAdjustment, ...]:
    """The adjustments ``sheet`` enters in ``column``, in the rubric's order."""
    if not sheet.adjustments:
        return ()
    entered = {e.adjustment_id: e for e in sheet.adjustments}
    applied = []
    for adjustment in rubric.adjustments:
        entry = entered.get(adjustment.id)
        amount = entry.column(column) if entry else None
        if entry is not None and amount is not None:
            applied.append(AppliedAdjustment(adjustment, amount, entry.note))
    return tuple(applied)


def reported_vetoes(rubric: Rubric, sheet: Sheet, column: str) -> tuple[Veto, ...]:
    """The vetoes ``sheet`` reports (flag ``true``) in ``column``, in the rubric's order."""
    if not sheet.vetoes:
        return ()
    flagged = {e.veto_id for e in sheet.vetoes if e.column(column)}
    return tuple(v for v in rubric.vetoes if v.id in flagged)


def adjustment_sum(applied: Sequence[AppliedAdjustment]) -> Decimal:
    return sum((a.signed for a in applied), ZERO)


def vetoed_total(vetoes: Sequence[Veto]) -> Decimal | None:
    """The total the vetoes set (the lowest of them), or None when none sets a total."""
    totals = [v.total for v in vetoes if v.total is not None]
    return min(totals) if totals else None


def band_index(grades: Grades, name: str) -> int:
    return grades.names.index(name)


def vetoed_grade(vetoes: Sequence[Veto], grades: Grades | None) -> str | None:
    """The grade the vetoes set (the lowest band among them), or None when none sets one."""
    named = [v.grade for v in vetoes if v.grade is not None]
    if not named or grades is None:
        return None
    return max(named, key=lambda name: band_index(grades, name))


def grade_of(total: Decimal, grades: Grades) -> str:
    """The name of the first (highest) band whose lower bound ``total`` reaches.

    The rubric's checks guarantee that the last band takes every total, so there is always one.
    """
    for band in grades.bands:
        if band.admits(total):
            return band.name
    return grades.bands[-1].name


def final_grade(total: Decimal, vetoes: Sequence[Veto], grades: Grades | None) -> str | None:
    """The grade of a total, unless a veto sets one; None when the rubric has no grades."""
    if grades is None:
        return None
    return vetoed_grade(vetoes, grades) or grade_of(total, grades)
