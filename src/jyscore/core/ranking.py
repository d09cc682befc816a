"""Rank scored sheets: standard competition ranking on exact totals. Pure, never prints.

Ties share a rank and the next rank skips (1, 2, 2, 4). Within a tie rows are listed in college
name order. Optional tie-break keys (``base``, ``bonus`` or a primary indicator's id) are compared
in order, higher first, before two rows count as tied.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from jyscore.core.engine import Result, Totals
from jyscore.core.models import Grades, Veto
from jyscore.core.numbers import ZERO, exact
from jyscore.core.panels import PanelSummary
from jyscore.core.quotas import Drop, Graded, apply_quota
from jyscore.core.totals import final_grade


class RankingError(ValueError):
    """A ranking was asked for with a column or tie-break key that does not exist."""


@dataclass(frozen=True)
class Standing:
    """What a ranking keeps of one scored sheet: who, which year, and the totals in each column.

    About a kilobyte, so ranking thousands of sheets keeps memory small. ``result``, the full
    item table, is kept only where a report draws it (the per-college sheets of a workbook).
    """

    college: str
    year: int
    source: str
    totals: Mapping[str, Totals | None]
    primary: Mapping[str, Mapping[str, Decimal | None]]  # column -> primary id -> subtotal
    result: Result | None = None
    panel: PanelSummary | None = None  # who assessed a panel's college, and their totals

    @classmethod
    def of(
        cls, result: Result, *, keep_result: bool = True, columns: Sequence[str] | None = None
    ) -> Standing:
        """The standing of ``result``, with primary subtotals for ``columns`` (default: all)."""
        totals = dict(result.totals)
        primary = {
            column: result.primary(column) for column, t in totals.items()
            if t is not None and (columns is None or column in columns)
        }
        return cls(result.college, result.year, result.sheet.source, totals, primary,
                   result if keep_result else None)

    def sharing(self, values: dict[tuple[object, ...], Decimal]) -> Standing:
        """This standing with its numbers taken from ``values`` where an equal one is there.

        Thousands of colleges share a few hundred distinct scores; a standing that comes back
        from a worker process brings its own copy of each.
        """
        def shared(value: Decimal | None) -> Decimal | None:
            if value is None:
                return None
            return values.setdefault(value.as_tuple(), value)  # 5 and 5.0, 0 and -0 differ

        totals = {
            column: replace(t, base=shared(t.base), bonus=shared(t.bonus))  # type: ignore[arg-type]
            if t else None
            for column, t in self.totals.items()
        }
        primary = {
            column: {key: shared(v) for key, v in subtotals.items()}
            for column, subtotals in self.primary.items()
        }
        return Standing(self.college, self.year, self.source, totals, primary, self.result,
                        self.panel)


@dataclass(frozen=True)
class RankedRow:
    """One college's place in a ranking: its rank, figures and grade."""
    rank: int
    standing: Standing
    base: Decimal
    bonus: Decimal
    total: Decimal
    primary: Mapping[str, Decimal]
    totals: Totals | None = None  # the ranked column's, with its adjustments, vetoes and grade
    grade: str | None = None  # after the grade bands' quotas
    drops: tuple[Drop, ...] = ()  # the quotas that moved it down, if any

    @property
    def adjustment(self) -> Decimal | None:
        return self.totals.adjustment if self.totals else None

    @property
    def vetoes(self) -> tuple[Veto, ...]:
        return self.totals.vetoes if self.totals else ()

    @property
    def college(self) -> str:
        return self.standing.college

    @property
    def year(self) -> int:
        return self.standing.year

    @property
    def result(self) -> Result | None:
        """The item table, when the ranking was made from results that kept it."""
        return self.standing.result

    def column_total(self, column: str) -> Decimal | None:
        totals = self.standing.totals.get(column)
        return totals.total if totals else None


@dataclass(frozen=True)
class Ranking:
    """The ranked rows of one column, in rank order, and the tie-break keys used."""
    rows: tuple[RankedRow, ...]
    column: str
    tie_break: tuple[str, ...]


def _key_value(base: Decimal, bonus: Decimal, primary: Mapping[str, Decimal], key: str) -> Decimal:
    if key == "base":
        return base
    if key == "bonus":
        return bonus
    return primary[key]


def _primary(standing: Standing, column: str) -> Mapping[str, Decimal]:
    """The primary subtotals of ``column``, a missing one counting 0 (shared when none is)."""
    subtotals = standing.primary.get(column)
    if subtotals is None:
        raise RankingError(f"{standing.source}: the standing keeps no {column} subtotals")
    if all(v is not None for v in subtotals.values()):
        return subtotals  # type: ignore[return-value]
    return {k: v if v is not None else ZERO for k, v in subtotals.items()}


@exact
def rank(
    results: Sequence[Result | Standing], column: str = "assessed", tie_break: Sequence[str] = (),
    grades: Grades | None = None,
) -> Ranking:
    """Rank ``results`` (or their :class:`Standing`) on the exact total of ``column``; with
    ``grades``, grade each and apply the bands' quotas in rank order (:func:`with_grades`)."""
    standings = [r if isinstance(r, Standing) else Standing.of(r) for r in results]
    candidates: list[tuple[Standing, Totals, Mapping[str, Decimal]]] = []
    for standing in standings:
        totals = standing.totals.get(column)
        if totals is None:
            raise RankingError(f"{standing.source}: no {column} scores to rank on")
        candidates.append((standing, totals, _primary(standing, column)))
    valid_keys = {"base", "bonus", *(candidates[0][2] if candidates else ())}
    unknown = [k for k in tie_break if k not in valid_keys]
    if unknown:
        raise RankingError(f"unknown tie-break key(s): {', '.join(unknown)}")

    def merit(candidate: tuple[Standing, Totals, Mapping[str, Decimal]]) -> tuple[Decimal, ...]:
        _, totals, primary = candidate
        keys = (_key_value(totals.base, totals.bonus, primary, k) for k in tie_break)
        return (totals.total, *keys)

    candidates.sort(key=lambda c: (tuple(-v for v in merit(c)), c[0].college))
    rows: list[RankedRow] = []
    previous: tuple[Decimal, ...] | None = None
    for position, candidate in enumerate(candidates, start=1):
        standing, totals, primary = candidate
        if merit(candidate) != previous:
            number, previous = position, merit(candidate)
        rows.append(RankedRow(number, standing, totals.base, totals.bonus, totals.total, primary,
                              totals, totals.grade))
    if grades is not None:
        rows = with_grades(rows, grades)
    return Ranking(tuple(rows), column, tuple(tie_break))


def with_grades(rows: Sequence[RankedRow], grades: Grades) -> list[RankedRow]:
    """``rows`` (in rank order) with their grades after the quotas: a grade set by a veto stays.

    The grade before the quota is the one the total gives (:func:`jyscore.core.totals.grade_of`), so
    a caller ranking other figures (a panel's) builds rows with those and calls this.
    """
    graded = []
    for row in rows:
        vetoes = row.vetoes
        forced = any(v.grade is not None for v in vetoes)
        grade = final_grade(row.total, vetoes, grades)
        assert grade is not None
        graded.append(Graded(row.rank, grade, forced))
    outcomes = apply_quota(graded, grades)
    return [replace(row, grade=o.grade, drops=o.drops)
            for row, o in zip(rows, outcomes, strict=False)]
