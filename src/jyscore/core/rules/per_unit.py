"""``per_unit``: points per occurrence, capped — "每举办一场专场招聘会得1分，最高3分"."""

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
    capped,
    excel_capped,
    number,
    shown,
    spec,
    value_of,
)
from jyscore.i18n.messages import hint

if TYPE_CHECKING:  # the models import the kinds, at run time
    from jyscore.core.models import Labels, Node


@dataclass(frozen=True)
class PerUnitRule:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS
    kind: Literal["per_unit"]
    per_unit: PositiveDecimal
    max: PositiveDecimal | None = None
    input: InputDecl = field(default=COUNT)


class PerUnit(RuleKind):
    name = "per_unit"
    params = PerUnitRule

    def inputs(self, rule: PerUnitRule, item: Node) -> tuple[InputSpec, ...]:
        return (spec(rule.input),)

    def cap(self, rule: PerUnitRule, item: Node) -> Decimal | None:
        return rule.max if rule.max is not None else item.points

    def compute(self, rule: PerUnitRule, item: Node, values: Values, say: Explain) -> Decimal:
        count = values[rule.input.name]
        points = count * rule.per_unit
        say("explain-per-unit", count=count, per_unit=rule.per_unit, points=points)
        return capped(points, rule.max, say)

    def excel(self, rule: PerUnitRule, item: Node, cells: Mapping[str, str]) -> str:
        count = value_of(cells[rule.input.name])
        return excel_capped(f"{count}*{number(rule.per_unit)}", rule.max)

    def describe(self, rule: PerUnitRule, item: Node, labels: Labels | None = None) -> str:
        words = {"input": shown(rule.input, labels), "per_unit": number(rule.per_unit)}
        if rule.max is not None:
            return hint("rule-per-unit-max", max=number(rule.max), **words)
        return hint("rule-per-unit", **words)


KIND = PerUnit()
