"""``rate_steps``: +``per_step`` for every full ``step`` percentage points by which the employment
rate exceeds the college's target — "每提高5个百分点加1分，最多加4分". The rate is given, or
computed exactly from graduates and employed; the target comes from the sheet or --targets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from jyscore.core.fields import STRICT_KEYS, PositiveDecimal
from jyscore.core.rules.base import (
    Explain,
    Finding,
    InputSpec,
    RuleKind,
    Values,
    capped,
    excel_capped,
    number,
)
from jyscore.core.rules.steps import Boundary, count_steps, excel_steps
from jyscore.i18n.messages import hint, phrase

if TYPE_CHECKING:  # the models import the kinds, at run time
    from jyscore.core.models import Labels, Node


@dataclass(frozen=True)
class RateStepsRule:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS
    kind: Literal["rate_steps"]
    step: PositiveDecimal
    per_step: PositiveDecimal
    max: PositiveDecimal | None = None
    boundary: Boundary = "inclusive"


def employment_rate(values: Values) -> Fraction | None:
    """The employment rate in percent, exact: given, or employed / graduates."""
    if "rate" in values:
        return Fraction(values["rate"])
    graduates, employed = values.get("graduates"), values.get("employed")
    if graduates is None or employed is None or graduates == 0:
        return None
    return Fraction(employed) * 100 / Fraction(graduates)


def rate_steps_points(rule: RateStepsRule, rate: Fraction, target: Decimal,
                      say: Explain | None = None) -> Decimal:
    """+per_step for every full step by which ``rate`` exceeds ``target``; 0 at or below it."""
    say = say or Explain()
    excess = rate - Fraction(target)
    n = count_steps(excess, rule.step, rule.boundary)
    say("explain-steps-above", value=rate, line=Fraction(target), distance=excess,
        step=rule.step, steps=n, boundary=hint(f"boundary-{rule.boundary}"))
    points = rule.per_step * n
    say("explain-steps-add", start=Decimal(0), steps=n, per_step=rule.per_step, points=points)
    return capped(points, rule.max, say)


class RateSteps(RuleKind):
    name = "rate_steps"
    params = RateStepsRule

    def inputs(self, rule: RateStepsRule, item: Node) -> tuple[InputSpec, ...]:
        # which of them are needed together is said by check()
        return (
            InputSpec("target", "percent", required=False),
            InputSpec("graduates", "positive-count", required=False),
            InputSpec("employed", "count", required=False),
            InputSpec("rate", "percent", required=False),
        )

    def check(self, rule: RateStepsRule, values: Values) -> list[Finding]:
        has_rate = "rate" in values
        counts = [name for name in ("graduates", "employed") if name in values]
        expected = phrase("rate-inputs")
        findings = []
        if "target" not in values:
            findings.append(Finding("JY122", None, {"reason": phrase("need-target"),
                                                    "expected": expected}))
        if has_rate and counts:
            findings.append(Finding("JY122", counts[0], {"reason": phrase("rate-and-counts"),
                                                         "expected": expected}))
        elif not has_rate and len(counts) < 2:
            findings.append(Finding("JY122", None, {"reason": phrase("need-rate"),
                                                    "expected": expected}))
        if len(counts) == 2 and values["employed"] > values["graduates"]:
            findings.append(Finding("JY120", "employed", {"employed": values["employed"],
                                                          "graduates": values["graduates"]}))
        return findings

    def replaced(self, rule: RateStepsRule, own: frozenset[str]) -> frozenset[str]:
        # the form's formula computes from the counts whenever both are numbers
        return frozenset({"rate"}) if own & {"graduates", "employed"} else frozenset()

    def compute(self, rule: RateStepsRule, item: Node, values: Values, say: Explain) -> Decimal:
        rate = employment_rate(values)
        if rate is None or "target" not in values:
            return Decimal(0)
        if "rate" not in values:
            say("explain-rate", employed=values["employed"], graduates=values["graduates"],
                rate=rate)
        return rate_steps_points(rule, rate, values["target"], say)

    def excel(self, rule: RateStepsRule, item: Node, cells: Mapping[str, str]) -> str:
        """With counts, rate - target = (employed*100 - target*graduates) / graduates; with a
        rate given directly it is rate - target. Counts win when both are given (jyscore itself
        refuses a sheet with both)."""
        target, graduates, employed, rate = (cells[n] for n in
                                             ("target", "graduates", "employed", "rate"))
        by_counts = excel_capped(
            f"{number(rule.per_step)}*"
            + excel_steps(f"({employed}*100-{target}*{graduates})/{graduates}", rule.step,
                          rule.boundary), rule.max)
        by_rate = excel_capped(
            f"{number(rule.per_step)}*" + excel_steps(f"{rate}-{target}", rule.step,
                                                      rule.boundary), rule.max)
        return (
            f"IF(NOT(ISNUMBER({target})),0,"
            f"IF(AND(ISNUMBER({graduates}),ISNUMBER({employed})),"
            f"IF({graduates}>0,{by_counts},0),"
            f"IF(ISNUMBER({rate}),{by_rate},0)))"
        )

    def schema(self, rule: RateStepsRule, item: Node) -> dict[str, Any]:
        # ``target`` is not required here: ``rank --targets`` may supply it from a targets file
        return {"oneOf": [
            {"required": ["rate"],
             "not": {"anyOf": [{"required": ["graduates"]}, {"required": ["employed"]}]}},
            {"required": ["graduates", "employed"], "not": {"required": ["rate"]}},
        ]}

    def describe(self, rule: RateStepsRule, item: Node, labels: Labels | None = None) -> str:
        words = {"step": number(rule.step), "per_step": number(rule.per_step),
                 "boundary": hint(f"boundary-{rule.boundary}")}
        if rule.max is not None:
            return hint("rule-rate-steps-max", max=number(rule.max), **words)
        return hint("rule-rate-steps", **words)


KIND = RateSteps()
