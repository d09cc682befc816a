"""Year over year: two rankings compared, colleges matched by name and items by id. Pure.

A rubric that changed between the years is reported, not hidden: an item present in one year
only is *unmatched*; an item whose cap changed is compared as shares of its cap (points lost out
of 4 and out of 5 are not the same thing). Colleges present in one year only keep the other side
empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from jyscore.core.losses import LossTable, loss_table
from jyscore.core.models import Rubric
from jyscore.core.ranking import RankedRow
from jyscore.core.run import RankOutcome, Skipped


@dataclass(frozen=True)
class Side:
    """Which year and rubric one side of the comparison is, and the sheets it left out as
    invalid (``--skip-invalid``)."""

    year: int
    rubric: Rubric
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True)
class Place:
    """A college's total and rank in one year."""
    total: Decimal
    rank: int


@dataclass(frozen=True)
class CollegeChange:
    """One college in both years: where it stood before and after."""
    college: str
    before: Place | None
    after: Place | None

    @property
    def delta(self) -> Decimal | None:
        """The change in total (after − before), when the college is in both years."""
        if self.before is None or self.after is None:
            return None
        return self.after.total - self.before.total

    @property
    def rank_change(self) -> int | None:
        """Places moved up (positive) or down (negative), when the college is in both years."""
        if self.before is None or self.after is None:
            return None
        return self.before.rank - self.after.rank


@dataclass(frozen=True)
class ItemChange:
    """An item in both rubrics (same id) and what colleges lost on it on average each year."""

    id: str
    name: str
    before_cap: Decimal
    after_cap: Decimal
    mean_lost_before: Fraction
    mean_lost_after: Fraction
    mean_share_before: Fraction
    mean_share_after: Fraction

    @property
    def same_cap(self) -> bool:
        return self.before_cap == self.after_cap

    @property
    def change(self) -> Fraction:
        """After − before: in points when the cap stayed, else in shares of the cap (0 … 1)."""
        if self.same_cap:
            return self.mean_lost_after - self.mean_lost_before
        return self.mean_share_after - self.mean_share_before


@dataclass(frozen=True)
class UnmatchedItem:
    """An item of one year's rubric only: ``side`` is ``"from"`` or ``"to"``."""

    id: str
    name: str
    cap: Decimal
    side: str


@dataclass(frozen=True)
class Comparison:
    """Two years compared: colleges matched by name, items by id, and those found in one year
    only."""
    before: Side
    after: Side
    colleges: tuple[CollegeChange, ...]
    items: tuple[ItemChange, ...]
    unmatched: tuple[UnmatchedItem, ...]

    def change_of(self, college: str) -> CollegeChange | None:
        return next((c for c in self.colleges if c.college == college), None)


def _places(rows: tuple[RankedRow, ...]) -> dict[str, Place]:
    return {row.college: Place(row.total, row.rank) for row in rows}


def compare_colleges(before: RankOutcome, after: RankOutcome) -> tuple[CollegeChange, ...]:
    """Every college of either year: the later year's ranking order, then those of the earlier
    year only in its ranking order."""
    old, new = _places(before.ranking.rows), _places(after.ranking.rows)
    changes = [CollegeChange(name, old.get(name), place) for name, place in new.items()]
    changes.extend(
        CollegeChange(name, place, None) for name, place in old.items() if name not in new
    )
    return tuple(changes)


def compare_items(
    before: LossTable, before_rubric: Rubric, after: LossTable, after_rubric: Rubric
) -> tuple[tuple[ItemChange, ...], tuple[UnmatchedItem, ...]]:
    old, new = before.by_id(), after.by_id()
    items = []
    for item_id, now in new.items():
        was = old.get(item_id)
        if was is None:
            continue
        items.append(ItemChange(
            item_id, now.item.name, was.cap, now.cap, was.mean_lost, now.mean_lost,
            was.mean_share_lost, now.mean_share_lost,
        ))
    unmatched = [
        UnmatchedItem(i.id, i.name, i.points or Decimal(0), "from")
        for i in before_rubric.items if i.id not in new
    ]
    unmatched.extend(
        UnmatchedItem(i.id, i.name, i.points or Decimal(0), "to")
        for i in after_rubric.items if i.id not in old
    )
    return tuple(items), tuple(unmatched)


def compare(before: RankOutcome, after: RankOutcome) -> Comparison:
    """Compare two rankings (made with ``details`` for every college)."""
    items, unmatched = compare_items(
        loss_table(before.ranking, before.rubric), before.rubric,
        loss_table(after.ranking, after.rubric), after.rubric,
    )
    return Comparison(
        Side(before.year, before.rubric, tuple(before.skipped)),
        Side(after.year, after.rubric, tuple(after.skipped)),
        compare_colleges(before, after), items, unmatched,
    )
