"""The form's rows below the items: the bonus subtotal, the adjustments to the total and the
vetoes (一票否决) the rubric declares, the total and the grade."""

from __future__ import annotations

from jyscore.core.models import Adjustment, Veto
from jyscore.core.numbers import format_decimal
from jyscore.form.layout import SCORE_FIELDS
from jyscore.i18n.messages import hint
from jyscore.writers.xlsx import formulas
from jyscore.writers.xlsx.form_sheet import FormSheet, col
from jyscore.writers.xlsx.plan import FormRow


def bonus_total(form: FormSheet, r: int, row: FormRow) -> None:
    leaves = [form.row_of[b.id] for b in form.rubric.bonus_items]
    form.label(r, form.rubric.labels.bonus, None)
    form.sums(r, leaves)
    form.bonus_row = r


def adjustment(form: FormSheet, r: int, row: FormRow) -> None:
    """An adjustment to the total: its amount (a magnitude within its range) in each column."""
    declared = row.declared
    assert isinstance(declared, Adjustment)
    step = declared.step or form.rubric.step
    form.text(r, "primary", form.rubric.labels.adjustments)
    form.text(r, "secondary", declared.name)
    kind = "deduction" if declared.sign < 0 else "addition"
    words = hint(f"form-adjustment-range-{kind}", min=format_decimal(declared.min),
                 max=format_decimal(declared.max), step=format_decimal(step))
    form.text(r, "criteria", "\n".join(filter(None, (declared.criteria, words))))
    entry = next((e for e in form.sheet.adjustments if e.adjustment_id == declared.id),
                 None) if form.sheet else None
    for field in SCORE_FIELDS:
        cell = form.ws[f"{col(field)}{r}"]
        form.unlock(cell)
        form.validate_adjustment(cell.coordinate, declared, step)
        if entry is not None:
            cell.value = entry.column(field)
    form.declared_note(r, entry.note if entry else None)


def veto(form: FormSheet, r: int, row: FormRow) -> None:
    """A veto (一票否决): 1 in a column where the condition holds."""
    declared = row.declared
    assert isinstance(declared, Veto)
    form.text(r, "primary", form.rubric.labels.veto)
    form.text(r, "secondary", declared.name)
    form.text(r, "criteria", "\n".join(filter(None, (declared.criteria, _veto_words(declared)))))
    entry = next((e for e in form.sheet.vetoes if e.veto_id == declared.id),
                 None) if form.sheet else None
    for field in SCORE_FIELDS:
        cell = form.ws[f"{col(field)}{r}"]
        form.unlock(cell)
        form.validate(cell.coordinate, "flag")
        if entry is not None and entry.column(field):
            cell.value = 1
    form.declared_note(r, entry.note if entry else None)
    form.red_when(f"{col('self')}{r}:{col('assessed')}{r}", f"{col('self')}{r}=1")


def _veto_words(declared: Veto) -> str:
    """How to report the veto, and what it sets: the total, the grade."""
    sets = []
    if declared.total is not None:
        sets.append(hint("form-veto-total", total=format_decimal(declared.total)))
    if declared.grade is not None:
        sets.append(hint("form-veto-grade", grade=declared.grade))
    words = hint("form-veto-input")
    for sentence in sets:
        words = hint("sentences", first=words, second=sentence)
    return words


def total(form: FormSheet, r: int, row: FormRow) -> None:
    """The total: base and bonus, then the adjustments and the vetoes that set it; red while
    a veto is reported."""
    form.label(r, form.rubric.labels.total, None)
    for field in SCORE_FIELDS:
        letter = col(field)
        form.formula(r, field, _total_formula(form, letter), total=True)
        if form.rubric.vetoes:  # a reported veto shows in red on the total it sets
            reported = ",".join(f"{letter}{form.declared_row(v)}=1" for v in form.rubric.vetoes)
            form.red_when(f"{letter}{r}", f"OR({reported})")
    form.total_row = r


def _total_formula(form: FormSheet, letter: str) -> str:
    """The total's formula in the column ``letter``."""
    adjustments = form.rubric.adjustments
    vetoes = [v for v in form.rubric.vetoes if v.total is not None]
    base = f"{letter}{form.base_row}"
    bonus = f"{letter}{form.bonus_row}" if form.rubric.bonus_items else None
    if bonus is None and not adjustments and not vetoes:
        return f"={base}"
    if not adjustments and not vetoes:
        return formulas.plus(base, f"{letter}{form.bonus_row}")
    return formulas.total(
        base, bonus,
        [(a.sign, f"{letter}{form.declared_row(a)}") for a in adjustments],
        [(v.total, f"{letter}{form.declared_row(v)}") for v in vetoes if v.total is not None],
    )


def grade(form: FormSheet, r: int, row: FormRow) -> None:
    grades = form.rubric.grades
    assert grades is not None
    form.label(r, form.rubric.labels.grade, None)
    names = grades.names
    for field in SCORE_FIELDS:
        letter = col(field)
        vetoes = [(names.index(v.grade), v.grade, f"{letter}{form.declared_row(v)}")
                  for v in form.rubric.vetoes if v.grade is not None and v.grade in names]
        form.formula(r, field, formulas.grade(f"{letter}{form.total_row}", grades, vetoes),
                     total=True)
