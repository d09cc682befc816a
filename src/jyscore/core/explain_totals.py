"""Why the totals are what they are. Pure: data and sentences, no printing.

:func:`totals_work` explains one column of a scored sheet after its items: base + bonus, each
adjustment applied (its amount and the range it was entered in), the total before and after the
vetoes, and the grade with the band that gave it (or the veto that set it). The sentences of
vetoes and grades are shared with :mod:`jyscore.core.explain_panel`.

Every sentence is a hint of :mod:`jyscore.i18n.messages`; the numbers are the ones the engine
computed, not a second computation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jyscore.core.engine import Result, Totals
from jyscore.core.models import Band, Grades, Labels, Rubric, Veto
from jyscore.core.numbers import format_decimal
from jyscore.i18n.messages import hint


def _d(value: Decimal) -> str:
    return format_decimal(value)


# -- adjustments, vetoes and the grade of one column ---------------------------------------------

@dataclass(frozen=True)
class TotalsWork:
    """One column's totals and the sentences that explain them."""

    column: str
    totals: Totals
    band: Band | None  # the band the total reached; None without grades or when a veto set it
    lines: tuple[str, ...]

    def as_data(self) -> dict[str, Any]:
        totals = self.totals
        band = self.band
        return {
            "base": _d(totals.base),
            "bonus": _d(totals.bonus),
            "adjustments": [
                {"id": a.adjustment.id, "name": a.adjustment.name, "kind": a.adjustment.kind,
                 "amount": _d(a.amount), "signed": _d(a.signed), "min": _d(a.adjustment.min),
                 "max": _d(a.adjustment.max), "note": a.note}
                for a in totals.adjustments
            ],
            "scored": _d(totals.scored),
            "vetoes": [
                {"id": v.id, "name": v.name,
                 "total": None if v.total is None else _d(v.total), "grade": v.grade}
                for v in totals.vetoes
            ],
            "total": _d(totals.total),
            "grade": totals.grade,
            "band": None if band is None else {
                "name": band.name,
                "min": None if band.min is None else _d(band.min),
                "above": None if band.above is None else _d(band.above),
                "quota": None if band.quota is None else _d(band.quota),
            },
            "work": list(self.lines),
        }


def _bands(grades: Grades) -> str:
    shown = []
    for band in grades.bands:
        if band.min is not None:
            shown.append(f"{band.name} ≥ {_d(band.min)}")
        elif band.above is not None:
            shown.append(f"{band.name} > {_d(band.above)}")
        else:
            shown.append(band.name)
    return listed(shown)


def listed(names: Sequence[str]) -> str:
    """Names or figures listed in the language's way (、 in Chinese)."""
    return hint("name-separator").join(names)


def named_value(name: str, value: Decimal) -> str:
    """A name and its figure (王老师 90)."""
    return hint("explain-input", input=name, value=_d(value))


def veto_line(veto_id: str, name: str, total: Decimal | None, grade: str | None) -> str:
    if total is not None and grade is not None:
        return hint("explain-veto-total-grade", id=veto_id, veto_name=name, total=_d(total),
                    grade=grade)
    if total is not None:
        return hint("explain-veto-total", id=veto_id, veto_name=name, total=_d(total))
    if grade is not None:
        return hint("explain-veto-grade", id=veto_id, veto_name=name, grade=grade)
    return hint("explain-veto-reported", id=veto_id, veto_name=name)


def totals_work(rubric: Rubric, column: str, column_word: str, totals: Totals) -> TotalsWork:
    """The sentences for ``totals`` (the column ``column``, called ``column_word``)."""
    labels = rubric.labels
    lines = [_sum_line(labels, column_word, totals)]
    lines.extend(_adjustment_lines(totals))
    lines.extend(_veto_and_total_lines(labels, totals))
    band, grade_lines = _grade_work(rubric, totals)
    lines.extend(grade_lines)
    return TotalsWork(column, totals, band, tuple(lines))


def _sum_line(labels: Labels, column_word: str, totals: Totals) -> str:
    """Base + bonus: the total, or the subtotal that adjustments or vetoes then change."""
    head = {"column": column_word, "base_label": labels.base, "base": _d(totals.base),
            "bonus_label": labels.bonus, "bonus": _d(totals.bonus)}
    if not totals.adjustments and not totals.vetoes:
        return hint("explain-totals", total_label=labels.total, total=_d(totals.total), **head)
    return hint("explain-totals-subtotal", subtotal=_d(totals.base + totals.bonus), **head)


def _adjustment_lines(totals: Totals) -> list[str]:
    """Each adjustment applied (its amount and range), then the total they make before vetoes."""
    if not totals.adjustments:
        return []
    lines = [
        hint(f"explain-{a.adjustment.kind}-applied", id=a.adjustment.id,
             adjustment_name=a.adjustment.name, amount=_d(a.amount), min=_d(a.adjustment.min),
             max=_d(a.adjustment.max))
        for a in totals.adjustments
    ]
    terms = " ".join(f"{'−' if a.signed < 0 else '+'} {_d(a.amount)}" for a in totals.adjustments)
    lines.append(hint("explain-total-before-vetoes",
                      arithmetic=f"{_d(totals.base + totals.bonus)} {terms}",
                      scored=_d(totals.scored)))
    return lines


def _veto_and_total_lines(labels: Labels, totals: Totals) -> list[str]:
    """Each veto reported and the total it leaves; without vetoes, the adjusted total."""
    if not totals.vetoes:
        if totals.adjustments:
            return [hint("explain-total-is", total_label=labels.total, total=_d(totals.total))]
        return []
    lines = [veto_line(v.id, v.name, v.total, v.grade) for v in totals.vetoes]
    if totals.total != totals.scored or any(v.total is not None for v in totals.vetoes):
        lines.append(hint("explain-total-vetoed", total_label=labels.total,
                          total=_d(totals.total), scored=_d(totals.scored)))
    else:
        lines.append(hint("explain-total-kept", total_label=labels.total, total=_d(totals.total)))
    return lines


def _grade_work(rubric: Rubric, totals: Totals) -> tuple[Band | None, list[str]]:
    """The band that gave the grade and why; no band when a veto set the grade."""
    grades = rubric.grades
    if grades is None or totals.grade is None:
        return None, []
    if any(v.grade is not None for v in totals.vetoes):  # a veto's grade, whatever the total
        return None, [grade_veto_line(rubric.labels, totals.vetoes, totals.grade)]
    band = next(b for b in grades.bands if b.name == totals.grade)
    return band, band_lines(rubric, grades, band, totals.total)


def grade_veto_line(labels: Labels, vetoes: Sequence[Veto], grade: str | None) -> str:
    """The grade a veto set, and the vetoes that set it."""
    setters = [v.id for v in vetoes if v.grade == grade]
    return hint("explain-grade-veto", grade_label=labels.grade, grade=grade,
                vetoes=listed(setters))


def band_lines(rubric: Rubric, grades: Grades, band: Band, total: Decimal) -> list[str]:
    """Why ``total`` has the grade of ``band``, and the quota that ``rank`` may apply to it."""
    common = {"grade_label": rubric.labels.grade, "grade": band.name, "total": _d(total),
              "bands": _bands(grades)}
    if band.min is not None:
        lines = [hint("explain-grade-min", threshold=_d(band.min), **common)]
    elif band.above is not None:
        lines = [hint("explain-grade-above", threshold=_d(band.above), **common)]
    else:
        lines = [hint("explain-grade-last", **common)]
    if band.quota is not None:
        lines.append(hint("explain-grade-quota", band=band.name, quota=_d(band.quota)))
    return lines


def result_totals_work(result: Result, words: dict[str, str]) -> tuple[TotalsWork, ...]:
    """:func:`totals_work` of every column of ``result`` that has totals."""
    return tuple(totals_work(result.rubric, column, words[column], totals)
                 for column, totals in result.totals.items() if totals is not None)
