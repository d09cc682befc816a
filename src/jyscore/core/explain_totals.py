"""Why the totals and a panel's figures are what they are. Pure: data and sentences, no printing.

* :func:`totals_work`: one column of a scored sheet after its items: base + bonus, each
  adjustment applied (its amount and the range it was entered in), the total before and after
  the vetoes, and the grade with the band that gave it (or the veto that set it).
* :func:`panel_work`: one college's panel: for each figure (items, then base, bonus and total)
  each assessor's value, which the method dropped, the exact aggregate (a fraction when it does
  not terminate) and the half-up rounding to the published figure.

Every sentence is a hint of :mod:`jyscore.i18n.messages`; the numbers are the ones the engine and
:mod:`jyscore.core.panels` computed, not a second computation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from jyscore.core.engine import Result, Totals
from jyscore.core.models import ASSESSED, Band, Grades, Rubric
from jyscore.core.numbers import format_decimal, round_half_up
from jyscore.core.panels import Figure, Panel
from jyscore.core.totals import grade_of
from jyscore.i18n.messages import hint

TRUNCATED_EXTRA_DIGITS = 4  # a non-terminating aggregate shows this many digits beyond places


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
    return _names(shown)


def _names(names: Sequence[str]) -> str:
    """Names or figures listed in the language's way (、 in Chinese)."""
    return hint("name-separator").join(names)


def _named(name: str, value: Decimal) -> str:
    """A name and its figure (王老师 90)."""
    return hint("explain-input", input=name, value=_d(value))


def _veto_line(veto_id: str, name: str, total: Decimal | None, grade: str | None) -> str:
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
    lines: list[str] = []
    subtotal = totals.base + totals.bonus
    head = {"column": column_word, "base_label": labels.base, "base": _d(totals.base),
            "bonus_label": labels.bonus, "bonus": _d(totals.bonus)}
    if not totals.adjustments and not totals.vetoes:
        lines.append(hint("explain-totals", total_label=labels.total, total=_d(totals.total),
                          **head))
    else:
        lines.append(hint("explain-totals-subtotal", subtotal=_d(subtotal), **head))
    for applied in totals.adjustments:
        adjustment = applied.adjustment
        lines.append(hint(
            f"explain-{adjustment.kind}-applied", id=adjustment.id, adjustment_name=adjustment.name,
            amount=_d(applied.amount), min=_d(adjustment.min), max=_d(adjustment.max),
        ))
    if totals.adjustments:
        terms = " ".join(f"{'−' if a.signed < 0 else '+'} {_d(a.amount)}"
                         for a in totals.adjustments)
        lines.append(hint("explain-total-before-vetoes", arithmetic=f"{_d(subtotal)} {terms}",
                          scored=_d(totals.scored)))
    for veto in totals.vetoes:
        lines.append(_veto_line(veto.id, veto.name, veto.total, veto.grade))
    if totals.vetoes:
        if totals.total != totals.scored or any(v.total is not None for v in totals.vetoes):
            lines.append(hint("explain-total-vetoed", total_label=labels.total,
                              total=_d(totals.total), scored=_d(totals.scored)))
        else:
            lines.append(hint("explain-total-kept", total_label=labels.total,
                              total=_d(totals.total)))
    elif totals.adjustments:
        lines.append(hint("explain-total-is", total_label=labels.total, total=_d(totals.total)))
    band = None
    grades = rubric.grades
    if grades is not None and totals.grade is not None:
        setters = [v.id for v in totals.vetoes if v.grade == totals.grade]
        if any(v.grade is not None for v in totals.vetoes):  # a veto's grade, whatever the total
            lines.append(hint("explain-grade-veto", grade_label=labels.grade, grade=totals.grade,
                              vetoes=_names(setters)))
        else:
            band = next(b for b in grades.bands if b.name == totals.grade)
            lines.extend(band_lines(rubric, grades, band, totals.total))
    return TotalsWork(column, totals, band, tuple(lines))


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


# -- a panel's figures ---------------------------------------------------------------------------

def exact_text(value: Fraction, places: int) -> str:
    """An exact aggregate: its decimal when it terminates, else the fraction with the first
    digits of its expansion (``539/6 = 89.8333…``)."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator == 1:
        return format_decimal(round_half_up(value, _terminating_places(value)))
    digits = places + TRUNCATED_EXTRA_DIGITS
    scaled = abs(value.numerator) * 10**digits // value.denominator  # truncated, exactly
    sign = "-" if value < 0 else ""
    shown = format_decimal(Decimal(f"{scaled}E-{digits}"))
    return f"{value.numerator}/{value.denominator} = {sign}{shown}…"


def _terminating_places(value: Fraction) -> int:
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    return places


def json_exact(value: Fraction) -> str:
    """The exact aggregate in JSON: ``"539/6"`` when it does not terminate, else its decimal."""
    text = exact_text(value, 0)
    return text.split(" = ")[0] if "/" in text else text


@dataclass(frozen=True)
class FigureWork:
    key: str  # a node id, or "base", "bonus", "total"
    name: str
    figure: Figure | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class PanelWork:
    panel: Panel
    lines: tuple[str, ...]  # the method, level and places in words
    figures: tuple[FigureWork, ...]

    def as_data(self) -> dict[str, Any]:
        settings = self.panel.settings
        return {
            "method": settings.method,
            "level": settings.level,
            "places": settings.places,
            "assessors": list(self.panel.assessors),
            "notes": list(self.lines),
            "figures": [
                {
                    "id": work.key,
                    "name": work.name,
                    "assessors": [] if work.figure is None else [
                        {"assessor": name, "value": _d(value), "kept": kept}
                        for name, value, kept in zip(self.panel.assessors, work.figure.values,
                                                     work.figure.kept, strict=False)
                    ],
                    "exact": None if work.figure is None else json_exact(work.figure.exact),
                    "published": None if work.figure is None else _d(work.figure.published),
                    "work": list(work.lines),
                }
                for work in self.figures
            ],
        }


def _summed_parts(panel: Panel, key: str) -> list[str] | None:
    """The figures a ``level: item`` figure is the exact sum of; None for an aggregated one."""
    if panel.settings.level != "item":
        return None
    rubric = panel.result.rubric
    if key == "total":
        return ["base", "bonus"] + (["adjustments"] if "adjustments" in panel.figures else [])
    if key == "base":
        return [root.id for root in rubric.indicators]
    if key == "bonus":
        return [leaf.id for root in rubric.bonus for leaf, _ in root.walk()
                if not leaf.children and leaf.rule is not None]
    node = rubric.nodes[key]
    in_bonus = {n.id for root in rubric.bonus for n, _ in root.walk()}
    if node.id in in_bonus:
        return [leaf.id for leaf in node.leaves() if leaf.rule is not None] if (
            node.rule is None) else None
    return [child.id for child in node.children] if node.children else None


def _figure_lines(panel: Panel, key: str, found: Figure) -> list[str]:
    settings = panel.settings
    names = panel.assessors
    lines = [hint("explain-panel-values", values=_names(
        [_named(name, value) for name, value in zip(names, found.values, strict=False)]))]
    parts = _summed_parts(panel, key)
    if parts is not None:
        terms = " + ".join(exact_text(panel.figures[p].exact, settings.places).split(" = ")[0]
                           for p in parts if p in panel.figures)
        exact = exact_text(found.exact, settings.places)
        if not parts:
            lines.append(hint("explain-panel-exact-one", exact=exact))
        elif len(parts) == 1:
            lines.append(hint("explain-panel-sum-one", ids=parts[0], exact=exact))
        else:
            lines.append(hint("explain-panel-sum", ids=" + ".join(parts), terms=terms or "0",
                              exact=exact))
    else:
        used = list(zip(names, found.values, found.kept, strict=False))
        kept = [(n, v) for n, v, k in used if k]
        dropped = [(n, v) for n, v, k in used if not k]
        if dropped:
            listed = _names([_named(n, v) for n, v in dropped])
            lines.append(hint(f"explain-panel-dropped-{settings.method}", dropped=listed))
        exact = exact_text(found.exact, settings.places)
        if len(kept) == 1:
            lines.append(hint("explain-panel-exact-one", exact=exact))
        else:
            terms = " + ".join(_d(v) for _, v in kept)
            lines.append(hint("explain-panel-exact", terms=terms, count=len(kept), exact=exact))
    if key == "total" and settings.level == "total":
        for member in panel.members:
            totals = member.totals
            if totals is None or not (totals.adjustments or totals.vetoes):
                continue
            changes = [f"{a.adjustment.id} {'−' if a.signed < 0 else '+'}{_d(a.amount)}"
                       for a in totals.adjustments] + [v.id for v in totals.vetoes]
            lines.append(hint("explain-panel-member-adjusted", assessor=member.assessor,
                              total=_d(totals.total), changes=_names(changes)))
    if Fraction(found.published) == found.exact:
        lines.append(hint("explain-panel-not-rounded", places=settings.places,
                          published=_d(found.published)))
    else:
        lines.append(hint("explain-panel-rounded", places=settings.places,
                          published=_d(found.published)))
    return lines


def panel_work(panel: Panel, ids: Sequence[str] = ()) -> PanelWork:
    """Every figure of ``panel`` (or the nodes ``ids``), then base, bonus and total."""
    result = panel.result
    rubric = result.rubric
    settings = panel.settings
    first = panel.members[0].result
    wanted = list(ids) or [row.node.id for row in (*first.rows, *first.bonus_rows)
                           if not row.node.children and not row.is_part]
    labels = rubric.labels
    names = {"base": labels.base, "bonus": labels.bonus, "adjustments": labels.adjustments,
             "total": labels.total}
    totals = ("base", "bonus", *(("adjustments",) if "adjustments" in panel.figures else ()),
              "total")
    figures = []
    for key in (*wanted, *totals):
        name = names[key] if key in names else rubric.nodes[key].name
        found = panel.figures.get(key)
        lines = [hint("explain-panel-no-figure")] if found is None else _figure_lines(
            panel, key, found)
        grades = rubric.grades
        published = result.totals.get(ASSESSED)
        if key == "total" and found is not None and published is not None and published.vetoes:
            lines.extend(_veto_line(v.id, v.name, v.total, v.grade) for v in published.vetoes)
            if any(v.total is not None for v in published.vetoes):
                lines.append(hint("explain-total-vetoed", total_label=labels.total,
                                  total=_d(published.total), scored=_d(found.published)))
            else:
                lines.append(hint("explain-total-kept", total_label=labels.total,
                                  total=_d(published.total)))
        if key == "total" and found is not None and grades is not None:
            if published is not None and any(v.grade is not None for v in published.vetoes):
                setters = [v.id for v in published.vetoes if v.grade == published.grade]
                lines.append(hint("explain-grade-veto", grade_label=labels.grade,
                                  grade=published.grade, vetoes=_names(setters)))
            else:
                total = published.total if published is not None else found.published
                grade = grade_of(total, grades)
                band = next(b for b in grades.bands if b.name == grade)
                lines.extend(band_lines(rubric, grades, band, total))
        figures.append(FigureWork(key, name, found, tuple(lines)))
    sheet = first.sheet
    head = [
        hint("explain-panel-head", count=len(panel.members), college=sheet.college,
             year=sheet.year, assessors=_names(panel.assessors)),
        hint(f"explain-panel-method-{settings.method}"),
        hint(f"explain-panel-level-{settings.level}"),
        hint("explain-panel-places", places=settings.places),
    ]
    return PanelWork(panel, tuple(head), tuple(figures))
