"""``manual``: points given by hand in the 自评/考核 columns, on the item's step, at most
``max``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from jyscore.core.fields import STRICT_KEYS, PositiveDecimal
from jyscore.core.rules.base import (
    Explain,
    InputSpec,
    RuleKind,
    Values,
    capped,
    value_of,
)
from jyscore.i18n.messages import hint

if TYPE_CHECKING:  # the models import the kinds, at run time
    from jyscore.core.models import Labels, Node


@dataclass(frozen=True)
class ManualRule:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS
    kind: Literal["manual"]
    max: PositiveDecimal | None = None


class Manual(RuleKind):
    name = "manual"
    params = ManualRule
    hand_scored = True

    def inputs(self, rule: ManualRule, item: Node) -> tuple[InputSpec, ...]:
        return (InputSpec("self", "score", required=False),
                InputSpec("assessed", "score", required=False))

    def cap(self, rule: ManualRule, item: Node) -> Decimal | None:
        return rule.max if rule.max is not None else item.points

    def compute(self, rule: ManualRule, item: Node, values: Values, say: Explain) -> Decimal:
        points = values.get("score", Decimal(0))
        say("explain-manual", points=points)
        return capped(points, rule.max, say)

    def excel(self, rule: ManualRule, item: Node, cells: Mapping[str, str]) -> str:
        return value_of(cells["score"])

    def describe(self, rule: ManualRule, item: Node, labels: Labels | None = None) -> str:
        return hint("rule-manual")


KIND = Manual()
