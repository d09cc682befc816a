"""What every ranking output shares: its options and its columns, named from the rubric's labels.

A :class:`RankColumn` is a header and a way to read one value from a ranked row; the table, CSV,
Markdown (and a workbook) renderer all draw the same columns, so they never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from jyscore.core.models import Grades
from jyscore.core.numbers import format_decimal
from jyscore.core.ranking import RankedRow
from jyscore.core.run import RankOutcome
from jyscore.core.text import display_path, printable
from jyscore.i18n.messages import hint
from jyscore.writers.options import RenderOptions

Value = Decimal | int | str | None


@dataclass(frozen=True)
class RankRenderOptions(RenderOptions):
    """Render options for a ranking: ``show_self`` adds the self total and the self−assessed gap;
    ``for_file`` is set when the output goes to a file named with ``-o`` (CSV then starts with a
    UTF-8 byte order mark, for Excel on Windows)."""

    show_self: bool = False
    for_file: bool = False


@dataclass(frozen=True)
class RankColumn:
    """One column of a ranking's table: its key, header, and how its value is read."""
    key: str
    header: str
    value: Callable[[RankedRow], Value]
    numeric: bool = True


def self_total(row: RankedRow) -> Decimal | None:
    return row.column_total("self")


def self_gap(row: RankedRow) -> Decimal | None:
    """Self total minus assessed total: how much a college rated itself above the assessors."""
    own, assessed = row.column_total("self"), row.column_total("assessed")
    return own - assessed if own is not None and assessed is not None else None


def veto_text(row: RankedRow) -> str:
    """The vetoes a college's sheet reports (``否决1 发生…``), or '' when none."""
    return hint("list-separator").join(f"{v.id} {v.name}" for v in row.vetoes)


def quota_note(row: RankedRow) -> str:
    """Why a quota moved a college down a band (one sentence per band passed), or that it kept
    its band beyond the quota by a tie, or ''."""
    return hint("list-separator").join(
        hint("quota-kept-tie" if d.kept else "quota-drop-tie" if d.tie else "quota-drop",
             band=d.band, to=d.to,
             percent=format_decimal(d.percent), count=d.count, places=d.places,
             rounding=hint(f"quota-rounding-{d.rounding}"))
        for d in row.drops
    )


def grades_text(grades: Grades) -> str:
    """The bands in words: ``优秀 ≥ 90 (at most 30% …); 良好 ≥ 80; 合格 ≥ 60; 不合格 below``."""
    parts = []
    for band in grades.bands:
        if band.min is not None:
            text = hint("band-min", band=band.name, value=format_decimal(band.min))
        elif band.above is not None:
            text = hint("band-above", band=band.name, value=format_decimal(band.above))
        else:
            text = hint("band-rest", band=band.name)
        if band.quota is not None:
            text += hint("band-quota", quota=format_decimal(band.quota),
                         rounding=hint(f"quota-rounding-{grades.quota_rounding}"),
                         ties=hint(f"quota-ties-{grades.quota_ties}"))
        parts.append(text)
    return hint("list-separator").join(parts)


def _primary(node_id: str) -> Callable[[RankedRow], Value]:
    return lambda row: row.primary.get(node_id)


def assessor_count(row: RankedRow) -> int | None:
    """How many assessors a college's panel has (None for a college's single unnamed sheet)."""
    panel = row.standing.panel
    return len(panel.assessors) if panel else None


def spread(row: RankedRow) -> Decimal | None:
    """Highest minus lowest assessor total: 0 for a single sheet."""
    panel = row.standing.panel
    return panel.spread if panel else Decimal(0)


def has_panels(outcome: RankOutcome) -> bool:
    return any(row.standing.panel is not None for row in outcome.ranking.rows)


def rank_columns(
    outcome: RankOutcome, show_self: bool, with_year: bool = False, grade_notes: bool = True
) -> list[RankColumn]:
    """The columns of a ranking; ``grade_notes``: a column with why a quota moved a college down
    (the table and Markdown print those notes under the table instead)."""
    rubric = outcome.rubric
    labels = rubric.labels
    columns = [
        RankColumn("rank", labels.rank, lambda row: row.rank),
        RankColumn("college", labels.college, lambda row: row.college, numeric=False),
    ]
    if with_year:
        columns.append(RankColumn("year", labels.year, lambda row: row.year))
    columns.extend(RankColumn(node.id, node.name, _primary(node.id)) for node in rubric.indicators)
    columns.extend(
        [
            RankColumn("base", labels.base, lambda row: row.base),
            RankColumn("bonus", labels.bonus, lambda row: row.bonus),
        ]
    )
    if rubric.adjustments:
        columns.append(RankColumn("adjustments", labels.adjustments, lambda row: row.adjustment))
    columns.append(RankColumn("total", labels.total, lambda row: row.total))
    if rubric.vetoes:
        columns.append(RankColumn("veto", labels.veto, veto_text, numeric=False))
    if rubric.grades is not None:
        columns.append(RankColumn("grade", labels.grade, lambda row: row.grade, numeric=False))
        if grade_notes and any(b.quota is not None for b in rubric.grades.bands):
            columns.append(RankColumn("grade_note", labels.note, quota_note, numeric=False))
    if has_panels(outcome):  # a run of single sheets shows the columns it always did
        columns.append(RankColumn("assessors", hint("panel-assessors-header"), assessor_count))
        columns.append(RankColumn("spread", hint("panel-spread-header"), spread))
    if show_self:
        columns.append(RankColumn("self_total", labels.self_, self_total))
        columns.append(RankColumn("gap", labels.difference, self_gap))
    return columns


def cell_text(value: Value) -> str:
    """Exact text of a value: ``Decimal('86.50')`` is ``86.5``; a missing value is empty."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value)
    # what reaches a terminal or a CSV never carries a control character (ESC above all)
    return printable(str(value))


def skipped_note(outcome: RankOutcome) -> str:
    """``skipped as invalid: a.yaml, b.yaml``, or '' when nothing was skipped."""
    if not outcome.skipped:
        return ""
    return hint("rank-skipped-note",
                files=", ".join(display_path(s.path) for s in outcome.skipped))


def title(outcome: RankOutcome) -> str:
    labels = outcome.rubric.labels
    return f"{outcome.rubric.name} {labels.rank}  {labels.year}：{outcome.year}"
