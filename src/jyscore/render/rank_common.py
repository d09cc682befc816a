"""What every ranking output shares: its options and its columns, named from the rubric's labels.

A :class:`RankColumn` is a header and a way to read one value from a ranked row; the table, CSV,
Markdown (and a workbook) renderer all draw the same columns, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Union

from ..messages import hint
from ..numbers import format_decimal
from ..rank_run import RankOutcome
from ..ranking import RankedRow
from ..text import display_path, printable
from .options import RenderOptions

Value = Union[Decimal, int, str, None]


@dataclass(frozen=True)
class RankRenderOptions(RenderOptions):
    """Render options for a ranking: ``show_self`` adds the self total and the self−assessed gap;
    ``for_file`` is set when the output goes to a file named with ``-o`` (CSV then starts with a
    UTF-8 byte order mark, for Excel on Windows)."""

    show_self: bool = False
    for_file: bool = False


@dataclass(frozen=True)
class RankColumn:
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


def _primary(node_id: str) -> Callable[[RankedRow], Value]:
    return lambda row: row.primary.get(node_id)


def rank_columns(outcome: RankOutcome, show_self: bool, with_year: bool = False) -> list[RankColumn]:
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
            RankColumn("total", labels.total, lambda row: row.total),
        ]
    )
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
