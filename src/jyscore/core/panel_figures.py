"""A panel's exact aggregation: the methods (``mean``, ``median``, ``trimmed-mean``) over the
assessors' figures, each aggregate a :class:`~fractions.Fraction` until it is published, rounded
half-up once, at the end (:data:`publish`). Pure, exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from jyscore.core.models import PANEL_METHODS
from jyscore.core.numbers import round_half_up

TRIMMED_MINIMUM = 3  # one highest and one lowest are dropped: at least one figure must remain


def aggregate(
    values: Sequence[Decimal | Fraction], method: str
) -> tuple[Fraction, tuple[bool, ...]]:
    """The exact aggregate of ``values`` and, for each value, whether the method used it.

    Raises :class:`ValueError` for no values, and for ``trimmed-mean`` of fewer than 3.
    """
    if not values:
        raise ValueError("nothing to aggregate")
    exact = [Fraction(v) for v in values]
    count = len(exact)
    if method == "mean":
        return sum(exact, Fraction(0)) / count, (True,) * count
    order = sorted(range(count), key=lambda i: (exact[i], i))  # ties: the earlier one first
    if method == "median":
        middle = order[(count - 1) // 2: count // 2 + 1]
        kept = tuple(i in middle for i in range(count))
        return sum((exact[i] for i in middle), Fraction(0)) / len(middle), kept
    if method == "trimmed-mean":
        if count < TRIMMED_MINIMUM:
            raise ValueError(f"trimmed-mean needs at least {TRIMMED_MINIMUM} values, not {count}")
        dropped = {order[0], order[-1]}
        kept = tuple(i not in dropped for i in range(count))
        used = [v for v, k in zip(exact, kept, strict=False) if k]
        return sum(used, Fraction(0)) / len(used), kept
    raise ValueError(f"unknown method {method!r}; expected one of {PANEL_METHODS}")


def adjustment_key(adjustment_id: str) -> str:
    """The key of an adjustment's aggregated amount among a panel's figures."""
    return f"adjustment:{adjustment_id}"


publish = round_half_up  # a panel's figures are published rounded half-up, once, at the end


@dataclass(frozen=True)
class Figure:
    """One published figure: each assessor's value, whether the method kept it, the exact
    aggregate and the published (rounded) one. What ``explain`` shows of a panel."""

    values: tuple[Decimal, ...]
    kept: tuple[bool, ...]
    exact: Fraction
    published: Decimal

    @property
    def dropped(self) -> tuple[int, ...]:
        return tuple(i for i, k in enumerate(self.kept) if not k)


def figure(values: Sequence[Decimal], method: str, places: int) -> Figure:
    exact, kept = aggregate(values, method)
    return Figure(tuple(values), kept, exact, publish(exact, places))


def summed(parts: Iterable[Figure], values: Sequence[Decimal], places: int) -> Figure:
    """A figure that is the exact sum of others (``level: item``): every value counts."""
    exact = sum((p.exact for p in parts), Fraction(0))
    return Figure(tuple(values), (True,) * len(values), exact, publish(exact, places))

