"""The closed registry of bonus rules: small pure functions from a rule and a sheet entry to points.

A rubric names a rule by ``kind`` and gives its parameters; a sheet gives the inputs. Adding a kind
means adding a rule dataclass in :mod:`jyscore.models` (and to its ``BonusRule`` union), a
function here and its entry in :data:`BONUS_KINDS`: nothing else dispatches on kinds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Callable, NamedTuple

from .messages import phrase

from .models import Entry, ManualRule, PerUnitRule, RateStepsRule

ZERO = Decimal(0)


def _capped(points: Decimal, cap: Decimal | None) -> Decimal:
    return points if cap is None else min(points, cap)


def rate_steps_points(rule: RateStepsRule, rate: Fraction, target: Decimal) -> Decimal:
    """+per_step for every *full* step by which ``rate`` exceeds ``target``; 0 at or below it."""
    excess = rate - Fraction(target)
    if excess <= 0:
        return ZERO
    full_steps = math.floor(excess / Fraction(rule.step))
    return _capped(rule.per_step * full_steps, rule.max)


def rate_steps(rule: RateStepsRule, entry: Entry, column: str) -> Decimal:
    rate = entry.employment_rate()
    if rate is None or "target" not in entry.inputs:
        return ZERO
    return rate_steps_points(rule, rate, entry.inputs["target"])


def per_unit(rule: PerUnitRule, entry: Entry, column: str) -> Decimal:
    return _capped(entry.inputs.get("count", ZERO) * rule.per_unit, rule.max)


def manual(rule: ManualRule, entry: Entry, column: str) -> Decimal:
    return _capped(entry.column(column) or ZERO, rule.max)


class Finding(NamedTuple):
    """A problem with a bonus entry's inputs as a whole: a code, the input it is about, params."""

    code: str
    field: str | None
    params: dict[str, object]


def check_rate_inputs(inputs: dict[str, Decimal]) -> list[Finding]:
    has_rate = "rate" in inputs
    counts = [name for name in ("graduates", "employed") if name in inputs]
    expected = phrase("rate-inputs")
    findings = []
    if "target" not in inputs:
        findings.append(Finding("JY122", None, {"reason": phrase("need-target"), "expected": expected}))
    if has_rate and counts:
        findings.append(
            Finding("JY122", counts[0], {"reason": phrase("rate-and-counts"), "expected": expected})
        )
    elif not has_rate and len(counts) < 2:
        findings.append(Finding("JY122", None, {"reason": phrase("need-rate"), "expected": expected}))
    if len(counts) == 2 and inputs["employed"] > inputs["graduates"]:
        findings.append(
            Finding(
                "JY120", "employed",
                {"employed": inputs["employed"], "graduates": inputs["graduates"]},
            )
        )
    return findings


def _no_cross_checks(inputs: dict[str, Decimal]) -> list[Finding]:
    return []


@dataclass(frozen=True)
class BonusKind:
    """What a kind of rule computes, which inputs a sheet gives for it and how they fit together."""

    compute: Callable[..., Decimal]
    # input name -> how it is read: "score" (per column, on the step), "percent" (0-100),
    # "count" (a whole number), "positive-count" (a whole number above 0)
    inputs: dict[str, str]
    check: Callable[[dict[str, Decimal]], list[Finding]] = _no_cross_checks


BONUS_KINDS: dict[str, BonusKind] = {
    "rate_steps": BonusKind(
        rate_steps,
        {
            "target": "percent",
            "rate": "percent",
            "graduates": "positive-count",
            "employed": "count",
        },
        check_rate_inputs,
    ),
    "per_unit": BonusKind(per_unit, {"count": "count"}),
    "manual": BonusKind(manual, {"self": "score", "assessed": "score"}),
}


def bonus_points(rule: RateStepsRule | PerUnitRule | ManualRule, entry: Entry, column: str) -> Decimal:
    return BONUS_KINDS[rule.kind].compute(rule, entry, column)
