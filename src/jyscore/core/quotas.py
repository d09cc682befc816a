"""The quotas of a rubric's grade bands (优秀 at most 20 % …), applied to a ranking in rank order.

A college keeps the grade its total gives (:func:`jyscore.core.totals.grade_of`) unless its
band is full; then it drops to the next band that has room. The only rounding is the quota's
number of places, by the rubric's ``quota_rounding``, on an exact :class:`~fractions.Fraction`.
A ranking needs this; scoring one sheet does not (and does not import it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from jyscore.core.models import Grades
from jyscore.core.totals import band_index


def quota_places(percent: Decimal, count: int, rounding: str) -> int:
    """How many of ``count`` colleges ``percent`` % admits: ``floor``, ``ceil`` or ``half_up``."""
    exact = Fraction(percent) * count / 100
    if rounding == "ceil":
        return math.ceil(exact)
    if rounding == "half_up":
        return math.floor(exact + Fraction(1, 2))
    return math.floor(exact)


@dataclass(frozen=True)
class Graded:
    """One ranked college for the quota: its rank, its grade, and whether a veto set that grade
    (a grade set by a veto stays as it is and takes no place in any quota)."""

    rank: int
    grade: str
    forced: bool = False


@dataclass(frozen=True)
class Drop:
    """A college moved down a band by a quota: from ``band`` to ``to``; ``places`` of ``count``
    colleges fit in ``band`` (``percent`` %, rounded by ``rounding``)."""

    band: str
    to: str
    percent: Decimal
    count: int
    places: int
    rounding: str
    tie: bool = False  # moved with colleges tied with it at the boundary (quota_ties: drop)
    # not moved: tied at the boundary, it kept the band beyond the quota (quota_ties: keep);
    # ``to`` is then ``band``
    kept: bool = False


@dataclass(frozen=True)
class QuotaOutcome:
    """A college's grade after the quotas, and the bands it dropped from."""
    grade: str
    drops: tuple[Drop, ...] = ()


def apply_quota(rows: Sequence[Graded], grades: Grades) -> tuple[QuotaOutcome, ...]:
    """Every row's grade after the quotas, ``rows`` in rank order (best first).

    Band by band from the top: the colleges in a band with a quota keep it in rank order up to
    its number of places; the rest move to the next band (where that band's quota applies to
    them in turn). A tie at the boundary (colleges of the same rank, some inside the places and
    some beyond) is decided by ``quota_ties``: ``drop`` moves every tied college down (the quota
    is never exceeded), ``keep`` keeps them all (the quota is exceeded by the tie).
    """
    current = [band_index(grades, r.grade) for r in rows]
    drops: list[list[Drop]] = [[] for _ in rows]
    for index in range(len(grades.bands) - 1):  # the last band takes every college
        for row, drop in _band_drops(rows, grades, index, current):
            drops[row].append(drop)
            if not drop.kept:
                current[row] = index + 1
    return tuple(
        QuotaOutcome(grades.bands[c].name, tuple(d)) for c, d in zip(current, drops, strict=False)
    )


def _band_drops(rows: Sequence[Graded], grades: Grades, index: int, current: Sequence[int]
                ) -> list[tuple[int, Drop]]:
    """The quota of band ``index`` applied to the rows ``current``ly in it: each row beyond its
    places, with its move to the next band (or, kept by a tie, its stay)."""
    band = grades.bands[index]
    if band.quota is None:
        return []
    count = len(rows)
    places = quota_places(band.quota, count, grades.quota_rounding)
    members = [i for i, r in enumerate(rows) if current[i] == index and not r.forced]
    if len(members) <= places:
        return []
    kept = _kept_at_boundary(rows, members, places, grades.quota_ties)
    tied = _tied_at_boundary(rows, members, places)
    boundary_rank = rows[members[places]].rank if tied else None
    found = [  # quota_ties: keep, the quota exceeded by the tie
        (i, Drop(band.name, band.name, band.quota, count, places, grades.quota_rounding,
                 tie=True, kept=True))
        for i in members[places:kept]
    ]
    found.extend(
        (i, Drop(band.name, grades.bands[index + 1].name, band.quota, count, places,
                 grades.quota_rounding, tie=tied and rows[i].rank == boundary_rank))
        for i in members[kept:]
    )
    return found


def _tied_at_boundary(rows: Sequence[Graded], members: Sequence[int], places: int) -> bool:
    """Whether the last member inside the places shares its rank with the first beyond them."""
    return places > 0 and rows[members[places - 1]].rank == rows[members[places]].rank


def _kept_at_boundary(rows: Sequence[Graded], members: Sequence[int], places: int, ties: str
                      ) -> int:
    """How many of a band's ``members`` (in rank order, more than ``places``) keep it: its
    places, or with a tie at the boundary every tied member (``keep``) or none of them
    (``drop``)."""
    if not _tied_at_boundary(rows, members, places):
        return places
    boundary = rows[members[places]].rank
    kept = places
    if ties == "keep":
        while kept < len(members) and rows[members[kept]].rank == boundary:
            kept += 1
    else:
        while kept > 0 and rows[members[kept - 1]].rank == boundary:
            kept -= 1
    return kept
