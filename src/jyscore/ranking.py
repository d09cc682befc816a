"""Rank scored sheets: standard competition ranking on exact totals. Pure, never prints.

Ties share a rank and the next rank skips (1, 2, 2, 4). Within a tie rows are listed in college
name order. Optional tie-break keys (``base``, ``bonus`` or a primary indicator's id) are compared
in order, higher first, before two rows count as tied.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from .engine import Result

ZERO = Decimal(0)


class RankingError(ValueError):
    """A ranking was asked for with a column or tie-break key that does not exist."""


@dataclass(frozen=True)
class RankedRow:
    rank: int
    result: Result
    base: Decimal
    bonus: Decimal
    total: Decimal
    primary: dict[str, Decimal]

    @property
    def college(self) -> str:
        return self.result.college


@dataclass(frozen=True)
class Ranking:
    rows: tuple[RankedRow, ...]
    column: str
    tie_break: tuple[str, ...]


def tie_key_value(row: RankedRow, key: str) -> Decimal:
    if key == "base":
        return row.base
    if key == "bonus":
        return row.bonus
    return row.primary[key]


def _row(result: Result, column: str) -> RankedRow:
    totals = result.totals.get(column)
    if totals is None:
        raise RankingError(f"{result.sheet.source}: no {column} scores to rank on")
    primary = {k: v if v is not None else ZERO for k, v in result.primary(column).items()}
    return RankedRow(0, result, totals.base, totals.bonus, totals.total, primary)


def rank(results: Sequence[Result], column: str = "assessed", tie_break: Sequence[str] = ()) -> Ranking:
    """Rank ``results`` on the exact total of ``column`` (``assessed`` or ``self``)."""
    rows = [_row(r, column) for r in results]
    valid_keys = {"base", "bonus", *(rows[0].primary if rows else ())}
    unknown = [k for k in tie_break if k not in valid_keys]
    if unknown:
        raise RankingError(f"unknown tie-break key(s): {', '.join(unknown)}")

    def merit(row: RankedRow) -> tuple[Decimal, ...]:
        return (row.total, *(tie_key_value(row, k) for k in tie_break))

    ordered = sorted(rows, key=lambda r: (tuple(-v for v in merit(r)), r.college))
    ranked: list[RankedRow] = []
    for position, row in enumerate(ordered, start=1):
        if ranked and merit(ranked[-1]) == merit(row):
            number = ranked[-1].rank
        else:
            number = position
        ranked.append(RankedRow(number, row.result, row.base, row.bonus, row.total, row.primary))
    return Ranking(tuple(ranked), column, tuple(tie_break))
