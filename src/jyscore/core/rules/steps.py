"""``steps``: points per full step above or below a line —
"就业率达到95%得满分，每低5个百分点扣1分，扣完为止" (below a fixed line) or
"每超过目标5个百分点加1分，最多4分" (above the college's own target, from the sheet or --targets).

``boundary`` says whether landing exactly on a step counts: ``inclusive`` (≥: 5 points below a
5-point step is one step) or ``exclusive`` (>: it takes more than 5).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from jyscore.core.fields import STRICT_KEYS, NonNegativeDecimal, PositiveDecimal
from jyscore.core.rules.base import (
    Explain,
    InputDecl,
    InputSpec,
    RuleKind,
    Values,
    capped,
    excel_capped,
    floored,
    number,
    shown,
    spec,
)
from jyscore.i18n.messages import Phrase, hint, phrase

if TYPE_CHECKING:  # the models import the kinds, at run time
    from jyscore.core.models import Labels, Node

RATE = InputDecl(name="rate", type="percent")
Boundary = Literal["inclusive", "exclusive"]


@dataclass(frozen=True)
class StepsRule:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS
    kind: Literal["steps"]
    direction: Literal["above", "below", "both"]
    boundary: Boundary
    step: PositiveDecimal
    per_step: PositiveDecimal
    input: InputDecl = field(default=RATE)
    line: NonNegativeDecimal | None = None
    line_input: InputDecl | None = None
    # the points at the line: 0 above it, the item's full marks below it, unless given
    start: NonNegativeDecimal | None = None
    max: PositiveDecimal | None = None
    # direction both: the points per step below the line, when not per_step
    per_step_below: PositiveDecimal | None = None


def count_steps(distance: Fraction, step: Decimal, boundary: str) -> int:
    """Full steps in ``distance``: inclusive counts a step reached exactly, exclusive does not."""
    if distance <= 0:
        return 0
    ratio = distance / Fraction(step)
    if boundary == "inclusive":
        return math.floor(ratio)
    return max(0, math.ceil(ratio) - 1)


def excel_steps(distance: str, step: Decimal, boundary: str) -> str:
    """:func:`count_steps` as a formula; the ratio rounded to 9 places absorbs binary noise."""
    ratio = f"ROUND(({distance})/{number(step)},9)"
    if boundary == "inclusive":
        return f"MAX(0,INT({ratio}))"
    return f"MAX(0,-INT(-{ratio})-1)"


def start_points(rule: StepsRule, item: Node) -> Decimal:
    if rule.start is not None:
        return rule.start
    if rule.direction == "below":
        return item.points if item.points is not None else rule.max or Decimal(0)
    return Decimal(0)


class Steps(RuleKind):
    name = "steps"
    params = StepsRule

    def inputs(self, rule: StepsRule, item: Node) -> tuple[InputSpec, ...]:
        found = [spec(rule.input)]
        if rule.line_input is not None:
            found.append(spec(rule.line_input))
        return tuple(found)

    def cap(self, rule: StepsRule, item: Node) -> Decimal | None:
        if rule.max is not None:
            return rule.max
        return item.points if item.points is not None else None

    def lint(self, rule: StepsRule, item: Node) -> list[tuple[tuple[str | int, ...], Phrase]]:
        found: list[tuple[tuple[str | int, ...], Phrase]] = []
        if (rule.line is None) == (rule.line_input is None):
            found.append(((), phrase("lint-steps-line")))
        if rule.line_input is not None and rule.line_input.name == rule.input.name:
            found.append((("line_input", "name"),
                          phrase("lint-input-twice", input=rule.input.name)))
        if rule.direction == "below" and rule.start is None and item.points is None \
                and rule.max is None:
            found.append(((), phrase("lint-steps-start")))
        if rule.line is not None and rule.input.type == "percent" and rule.line > 100:
            found.append((("line",), phrase("lint-percent-line", line=number(rule.line))))
        if rule.direction == "both" and rule.start is None:
            found.append(((), phrase("lint-steps-both")))
        if rule.direction != "both" and rule.per_step_below is not None:
            found.append((("per_step_below",), phrase("lint-steps-below-only")))
        return found

    def compute(self, rule: StepsRule, item: Node, values: Values, say: Explain) -> Decimal:
        value = Fraction(values[rule.input.name])
        line = Fraction(rule.line if rule.line is not None else values[rule.line_input.name])  # type: ignore[union-attr]
        start = start_points(rule, item)
        above = rule.direction == "above" or (rule.direction == "both" and value >= line)
        distance = value - line if above else line - value
        n = count_steps(distance, rule.step, rule.boundary)
        say("explain-steps-above" if above else "explain-steps-below", value=value, line=line,
            distance=distance, step=rule.step, steps=n, boundary=hint(f"boundary-{rule.boundary}"))
        if above:
            points = start + rule.per_step * n
            say("explain-steps-add", start=start, steps=n, per_step=rule.per_step, points=points)
            return capped(points, self.cap(rule, item), say)
        per_step = rule.per_step_below or rule.per_step
        points = start - per_step * n
        say("explain-steps-off", start=start, steps=n, per_step=per_step, points=points)
        return floored(points, say)

    def excel(self, rule: StepsRule, item: Node, cells: Mapping[str, str]) -> str:
        value = cells[rule.input.name]
        line = number(rule.line) if rule.line is not None else cells[rule.line_input.name]  # type: ignore[union-attr]
        start = number(start_points(rule, item))
        up = excel_capped(
            f"{start}+{number(rule.per_step)}*"
            f"{excel_steps(f'{value}-{line}', rule.step, rule.boundary)}",
            self.cap(rule, item))
        per_below = number(rule.per_step_below or rule.per_step)
        steps_below = excel_steps(f"{line}-{value}", rule.step, rule.boundary)
        down = f"MAX(0,{start}-{per_below}*{steps_below})"
        if rule.direction == "above":
            formula = up
        elif rule.direction == "below":
            formula = down
        else:
            formula = f"IF(ROUND({value}-{line},9)>=0,{up},{down})"
        needed = [value] if rule.line is not None else [value, line]
        blanks = ",".join(f"ISNUMBER({c})" for c in needed)
        return f"IF(AND({blanks}),{formula},0)"

    def describe(self, rule: StepsRule, item: Node, labels: Labels | None = None) -> str:
        line = (number(rule.line) if rule.line is not None
                else shown(rule.line_input, labels))
        words = hint(f"rule-steps-{rule.direction}", input=shown(rule.input, labels),
                     line=line, step=number(rule.step), per_step=number(rule.per_step),
                     per_step_below=number(rule.per_step_below or rule.per_step),
                     start=number(start_points(rule, item)),
                     boundary=hint(f"boundary-{rule.boundary}"))
        if rule.max is not None:
            return hint("rule-capped", rule=words, max=number(rule.max))
        return words


KIND = Steps()
