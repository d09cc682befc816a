"""Where colleges lose points: each item's lost points per college, and the shares of the cap.

Pure: no printing, no I/O. Built from a :class:`~jyscore.core.ranking.Ranking` whose rows keep their
item tables (a ``RankRequest(..., details=True, detail_limit=None)``). Lost points are exact
(``cap − score`` in Decimal); means and shares are exact :class:`~fractions.Fraction`, rounded
only where they are shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cached_property

from jyscore.core.engine import Result
from jyscore.core.models import Node, Rubric
from jyscore.core.numbers import ZERO
from jyscore.core.ranking import RankedRow, Ranking


class MissingItemTable(ValueError):
    """A ranked row without its item table: the ranking was made without ``details``."""


def item_scores(result: Result, column: str) -> dict[str, Decimal | None]:
    """Each scorable item's score in ``column`` (an item scored through its parts: their sum)."""
    item_ids = {item.id for item in result.rubric.items}
    return {
        row.node.id: row.scores.get(column)
        for row in result.rows
        if row.node.id in item_ids and not row.is_part
    }


def share(part: Decimal, whole: Decimal | None) -> Fraction:
    """``part / whole`` exactly; 0 for an item worth nothing (nothing can be lost on it)."""
    if not whole:
        return Fraction(0)
    return Fraction(part) / Fraction(whole)


def median(values: Sequence[Fraction]) -> Fraction:
    """The exact median (the mean of the two middle values for an even count); 0 when empty."""
    if not values:
        return Fraction(0)
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


@dataclass(frozen=True)
class ItemLosses:
    """One item's lost points in every college (ranking order; None where it was not scored)."""

    item: Node
    lost: tuple[Decimal | None, ...]

    @property
    def cap(self) -> Decimal:
        return self.item.points or ZERO

    @cached_property
    def counted(self) -> tuple[Decimal, ...]:
        return tuple(v for v in self.lost if v is not None)

    @property
    def total_lost(self) -> Decimal:
        return sum(self.counted, ZERO)

    @property
    def colleges_losing(self) -> int:
        return sum(1 for v in self.counted if v > 0)

    @property
    def mean_lost(self) -> Fraction:
        return Fraction(self.total_lost) / len(self.counted) if self.counted else Fraction(0)

    @property
    def mean_share_lost(self) -> Fraction:
        """The mean over colleges of the share of the item's cap lost (0 … 1)."""
        return self.mean_lost / Fraction(self.cap) if self.cap else Fraction(0)


@dataclass(frozen=True)
class LossTable:
    """Points lost per item × college: items in form order, colleges in ranking order."""

    colleges: tuple[str, ...]
    items: tuple[ItemLosses, ...]

    def by_id(self) -> dict[str, ItemLosses]:
        return {losses.item.id: losses for losses in self.items}

    def worst_first(self) -> list[ItemLosses]:
        """Items where colleges lose most (mean share of the cap) first; ties in form order;
        items nobody lost points on are left out."""
        order = {losses.item.id: index for index, losses in enumerate(self.items)}
        losing = [losses for losses in self.items if losses.total_lost > 0]
        return sorted(losing, key=lambda item: (-item.mean_share_lost, order[item.item.id]))


def _results(ranking: Ranking) -> list[Result]:
    results = []
    for row in ranking.rows:
        if row.result is None:
            raise MissingItemTable(f"{row.standing.source}: the ranking kept no item table")
        results.append(row.result)
    return results


def loss_table(ranking: Ranking, rubric: Rubric) -> LossTable:
    """What each college lost on each scorable item of ``rubric``, in the ranked column."""
    scores = [item_scores(result, ranking.column) for result in _results(ranking)]
    items = []
    for item in rubric.items:
        cap = item.points or ZERO
        lost = tuple(
            cap - value if (value := college.get(item.id)) is not None else None
            for college in scores
        )
        items.append(ItemLosses(item, lost))
    return LossTable(tuple(row.college for row in ranking.rows), tuple(items))


def primary_shares(row: RankedRow, rubric: Rubric) -> dict[str, Fraction]:
    """Each primary indicator's subtotal as a share of its points."""
    return {
        node.id: share(row.primary.get(node.id, ZERO), node.points) for node in rubric.indicators
    }


def median_primary_shares(ranking: Ranking, rubric: Rubric) -> dict[str, Fraction]:
    """The median over all ranked colleges of each primary indicator's share."""
    shares = [primary_shares(row, rubric) for row in ranking.rows]
    return {node.id: median([s[node.id] for s in shares]) for node in rubric.indicators}


def lost_items(
    result: Result, column: str, *, whole_items: bool = False
) -> list[tuple[Node, Decimal, Decimal, str | None]]:
    """Where ``result`` lost points, in form order: ``(node, score, lost, note)`` for each item
    scored as a whole and each part of an item scored through its parts. ``whole_items``: only
    the items (a panel's result, whose parts' aggregates are shown under items already counted),
    so that each point lost is counted once."""
    entries = result.sheet.entries
    found = []
    for row in result.rows:
        node, value = row.node, row.scores.get(column)
        if node.children or node.points is None or value is None:
            continue  # a group, or a part of an item scored as a whole (its row is blank)
        if whole_items and row.is_part:
            continue
        if not whole_items and not row.is_part and any(part.id in entries for part in node.parts):
            continue  # scored through its parts: their rows say where
        lost = node.points - value
        if lost > 0:
            found.append((node, value, lost, row.note))
    return found
