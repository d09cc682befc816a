"""``deduction``: points off the item's full marks per occurrence, floored at 0 —
"材料每延迟上报一次扣0.5分，扣完为止"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from jyscore.core.fields import STRICT_KEYS, PositiveDecimal
from jyscore.core.rules.base import (
    COUNT,
    Explain,
    InputDecl,
    InputSpec,
    RuleKind,
    Values,
    floored,
    number,
    shown,
    spec,
    value_of,
)
from jyscore.i18n.messages import Phrase, hint, phrase

if TYPE_CHECKING:  # the models import the kinds, at run time
    from jyscore.core.models import Labels, Node


@dataclass(frozen=True)
class DeductionRule:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS
    kind: Literal["deduction"]
    per_unit: PositiveDecimal
    # the points deducted from: the item's points unless given
    full: PositiveDecimal | None = None
    input: InputDecl = field(default=COUNT)


def full_marks(rule: DeductionRule, item: Node) -> Decimal:
    return rule.full if rule.full is not None else item.points or Decimal(0)


class Deduction(RuleKind):
    name = "deduction"
    params = DeductionRule

    def inputs(self, rule: DeductionRule, item: Node) -> tuple[InputSpec, ...]:
        return (spec(rule.input),)

    def cap(self, rule: DeductionRule, item: Node) -> Decimal | None:
        return full_marks(rule, item)

    def lint(self, rule: DeductionRule, item: Node) -> list[tuple[tuple[str | int, ...], Phrase]]:
        if rule.full is None and item.points is None:
            return [((), phrase("lint-deduction-full"))]
        if rule.full is not None and item.points is not None and rule.full > item.points:
            return [(("full",), phrase("lint-over-points", value=number(rule.full),
                                     points=number(item.points)))]
        return []

    def compute(self, rule: DeductionRule, item: Node, values: Values, say: Explain) -> Decimal:
        count = values[rule.input.name]
        full = full_marks(rule, item)
        off = count * rule.per_unit
        points = full - off
        say("explain-deduction", full=full, count=count, per_unit=rule.per_unit, off=off,
            points=points)
        return floored(points, say)

    def excel(self, rule: DeductionRule, item: Node, cells: Mapping[str, str]) -> str:
        count = value_of(cells[rule.input.name])
        return f"MAX(0,{number(full_marks(rule, item))}-{count}*{number(rule.per_unit)})"

    def describe(self, rule: DeductionRule, item: Node, labels: Labels | None = None) -> str:
        return hint("rule-deduction", input=shown(rule.input, labels),
                    per_unit=number(rule.per_unit), full=number(full_marks(rule, item)))


KIND = Deduction()
