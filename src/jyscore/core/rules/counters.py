"""``counters``: several weighted counters sharing one cap —
"个体咨询每人次0.2分，团体辅导每场1分，本项合计最高3分"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from jyscore.core.fields import STRICT_KEYS, Constraint, PositiveDecimal
from jyscore.core.rules.base import (
    Explain,
    Identifier,
    InputSpec,
    RuleKind,
    Values,
    capped,
    excel_capped,
    number,
    shown,
    value_of,
)
from jyscore.i18n.messages import Phrase, hint, phrase

if TYPE_CHECKING:  # the models import the kinds, at run time
    from jyscore.core.models import Labels, Node


@dataclass(frozen=True)
class Counter:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS
    name: Identifier
    per_unit: PositiveDecimal
    label: str | None = None
    type: Literal["count", "number"] = "count"


@dataclass(frozen=True)
class CountersRule:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS
    kind: Literal["counters"]
    counters: Annotated[tuple[Counter, ...], Constraint(min_length=1, max_length=20)]
    max: PositiveDecimal | None = None


class Counters(RuleKind):
    name = "counters"
    params = CountersRule

    def inputs(self, rule: CountersRule, item: Node) -> tuple[InputSpec, ...]:
        # a counter left out counts 0: a college that held no group sessions writes nothing
        return tuple(InputSpec(c.name, c.type, c.label, required=False, default=Decimal(0))
                     for c in rule.counters)

    def cap(self, rule: CountersRule, item: Node) -> Decimal | None:
        return rule.max if rule.max is not None else item.points

    def lint(self, rule: CountersRule, item: Node) -> list[tuple[tuple[str | int, ...], Phrase]]:
        seen: set[str] = set()
        found: list[tuple[tuple[str | int, ...], Phrase]] = []
        for i, counter in enumerate(rule.counters):
            if counter.name in seen:
                found.append((("counters", i, "name"),
                              phrase("lint-input-twice", input=counter.name)))
            seen.add(counter.name)
        return found

    def compute(self, rule: CountersRule, item: Node, values: Values, say: Explain) -> Decimal:
        total = Decimal(0)
        for counter in rule.counters:
            count = values.get(counter.name, Decimal(0))
            points = count * counter.per_unit
            say("explain-counter", label=counter.label or counter.name, count=count,
                per_unit=counter.per_unit, points=points)
            total += points
        say("explain-sum", points=total)
        return capped(total, rule.max, say)

    def excel(self, rule: CountersRule, item: Node, cells: Mapping[str, str]) -> str:
        terms = [f"{value_of(cells[c.name])}*{number(c.per_unit)}" for c in rule.counters]
        return excel_capped("+".join(terms), rule.max)

    def describe(self, rule: CountersRule, item: Node, labels: Labels | None = None) -> str:
        parts = [hint("rule-counter", input=shown(c, labels), per_unit=number(c.per_unit))
                 for c in rule.counters]
        text = hint("list-separator").join(parts)
        if rule.max is not None:
            return hint("rule-counters-max", counters=text, max=number(rule.max))
        return text


KIND = Counters()
