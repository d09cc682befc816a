"""``tiers``: the highest tier whose condition holds — "达到合格目标得6分，达到争取目标得9分；
未达到合格目标，但比上一时点提高4个百分点以上的，得4分".

A decision table with the FIRST hit policy: the tiers are listed from the most points down (the
rubric check enforces the order), the first whose ``when`` holds gives its points, and
``otherwise`` (0 unless given) applies when none holds. A condition compares the item's declared
``inputs`` in the small language of :mod:`.expr`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from jyscore.core.fields import STRICT_KEYS, Constraint, NonNegativeDecimal, Text
from jyscore.core.rules.base import (
    Explain,
    InputDecl,
    InputSpec,
    RuleKind,
    Values,
    input_words,
    number,
    spec,
)
from jyscore.core.rules.expr import Expr, compile_condition, evaluate, names, to_excel, to_words
from jyscore.i18n.messages import Phrase, hint, phrase

if TYPE_CHECKING:  # the models import the kinds, at run time
    from jyscore.core.models import Labels, Node


@dataclass(frozen=True)
class Tier:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS
    when: Text
    points: NonNegativeDecimal

    def __post_init__(self) -> None:
        # compiled once, when the rubric is validated; kept in the instance (and its pickle)
        object.__setattr__(self, "condition", compile_condition(self.when))

    @property
    def compiled(self) -> Expr:
        found: Expr | None = self.__dict__.get("condition")
        if found is None:
            found = compile_condition(self.when)
            object.__setattr__(self, "condition", found)
        return found


@dataclass(frozen=True)
class TiersRule:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS
    kind: Literal["tiers"]
    inputs: Annotated[tuple[InputDecl, ...], Constraint(min_length=1, max_length=20)]
    tiers: Annotated[tuple[Tier, ...], Constraint(min_length=1, max_length=30)]
    otherwise: NonNegativeDecimal = Decimal(0)


class Tiers(RuleKind):
    name = "tiers"
    params = TiersRule

    def inputs(self, rule: TiersRule, item: Node) -> tuple[InputSpec, ...]:
        return tuple(spec(decl) for decl in rule.inputs)

    def cap(self, rule: TiersRule, item: Node) -> Decimal | None:
        return max([t.points for t in rule.tiers] + [rule.otherwise])

    def lint(self, rule: TiersRule, item: Node) -> list[tuple[tuple[str | int, ...], Phrase]]:
        found: list[tuple[tuple[str | int, ...], Phrase]] = []
        declared = [d.name for d in rule.inputs]
        for i, decl in enumerate(rule.inputs):
            if decl.name in declared[:i]:
                found.append((("inputs", i, "name"), phrase("lint-input-twice", input=decl.name)))
        previous: Decimal | None = None
        for i, tier in enumerate(rule.tiers):
            unknown = sorted(names(tier.compiled) - set(declared))
            if unknown:
                found.append((("tiers", i, "when"), phrase(
                    "lint-unknown-name", names=", ".join(unknown), allowed=", ".join(declared))))
            if previous is not None and tier.points >= previous:
                found.append((("tiers", i, "points"), phrase(
                    "lint-tiers-order", points=number(tier.points), previous=number(previous))))
            previous = tier.points
        if previous is not None and rule.otherwise >= previous:
            found.append((("otherwise",), phrase(
                "lint-tiers-order", points=number(rule.otherwise), previous=number(previous))))
        return found

    def compute(self, rule: TiersRule, item: Node, values: Values, say: Explain) -> Decimal:
        exact = {name: Fraction(value) for name, value in values.items()}
        for tier in rule.tiers:
            try:
                holds = bool(evaluate(tier.compiled, exact))
            except ZeroDivisionError:
                holds = False
            say("explain-tier", when=say.expression(tier.compiled, rule.inputs),
                holds=hint("yes" if holds else "no"), points=tier.points)
            if holds:
                return tier.points
        say("explain-otherwise", points=rule.otherwise)
        return rule.otherwise

    def excel(self, rule: TiersRule, item: Node, cells: Mapping[str, str]) -> str:
        formula = number(rule.otherwise)
        for tier in reversed(rule.tiers):
            condition = to_excel(tier.compiled, cells)
            formula = f"IF(IFERROR({condition},FALSE),{number(tier.points)},{formula})"
        given = ",".join(f"ISNUMBER({cells[d.name]})" for d in rule.inputs)
        return f"IF(AND({given}),{formula},0)"

    def describe(self, rule: TiersRule, item: Node, labels: Labels | None = None) -> str:
        words = input_words(rule.inputs, labels)
        rows = [hint("rule-tier", when=to_words(t.compiled, words), points=number(t.points))
                for t in rule.tiers]
        rows.append(hint("rule-otherwise", points=number(rule.otherwise)))
        return hint("list-separator").join(rows)


KIND = Tiers()
