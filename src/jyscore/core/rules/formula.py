"""``formula``: points computed by an expression over the item's declared inputs — for the rules
no named kind says, e.g. "低于85%的，在20分基础上每低1个百分点扣1分":
``formula: "20 - floor(85 - rate) if rate < 85 else 20"``.

The expression is the language of :mod:`.expr` (with ``floor``, ``ceil`` and ``… if … else …``),
exact; its result is rounded half-up to ``round`` decimal places (2 unless the rubric says
otherwise; the form's ``ROUND`` does the same), then capped at ``max`` and the item's points and
floored at 0. A division by 0 gives 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from jyscore.core.fields import STRICT_KEYS, Constraint, PositiveDecimal, Text
from jyscore.core.numbers import round_half_up
from jyscore.core.rules.base import (
    Explain,
    InputDecl,
    InputSpec,
    RuleKind,
    Values,
    capped,
    excel_capped,
    input_words,
    number,
    spec,
)
from jyscore.core.rules.expr import Expr, compile_expr, evaluate, names, to_excel, to_words
from jyscore.i18n.messages import Phrase, hint, phrase

if TYPE_CHECKING:  # the models import the kinds, at run time
    from jyscore.core.models import Labels, Node


@dataclass(frozen=True)
class FormulaRule:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS
    kind: Literal["formula"]
    inputs: Annotated[tuple[InputDecl, ...], Constraint(min_length=1, max_length=20)]
    formula: Text
    max: PositiveDecimal | None = None
    round: Annotated[int, Constraint(ge=0, le=6)] = 2

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled_formula", compile_expr(self.formula))

    @property
    def compiled(self) -> Expr:
        found: Expr | None = self.__dict__.get("compiled_formula")
        if found is None:
            found = compile_expr(self.formula)
            object.__setattr__(self, "compiled_formula", found)
        return found


rounded = round_half_up  # the formula's declared rounding: half-up, exact


class Formula(RuleKind):
    name = "formula"
    params = FormulaRule

    def inputs(self, rule: FormulaRule, item: Node) -> tuple[InputSpec, ...]:
        return tuple(spec(decl) for decl in rule.inputs)

    def cap(self, rule: FormulaRule, item: Node) -> Decimal | None:
        return rule.max if rule.max is not None else item.points

    def lint(self, rule: FormulaRule, item: Node) -> list[tuple[tuple[str | int, ...], Phrase]]:
        declared = [d.name for d in rule.inputs]
        found: list[tuple[tuple[str | int, ...], Phrase]] = []
        for i, decl in enumerate(rule.inputs):
            if decl.name in declared[:i]:
                found.append((("inputs", i, "name"), phrase("lint-input-twice", input=decl.name)))
        unknown = sorted(names(rule.compiled) - set(declared))
        if unknown:
            found.append((("formula",), phrase("lint-unknown-name", names=", ".join(unknown),
                                             allowed=", ".join(declared))))
        if rule.max is None and item.points is None:
            found.append(((), phrase("lint-formula-cap")))
        return found

    def compute(self, rule: FormulaRule, item: Node, values: Values, say: Explain) -> Decimal:
        exact = {name: Fraction(value) for name, value in values.items()}
        try:
            result = evaluate(rule.compiled, exact)
            value = Fraction(result)  # a condition (True/False) counts 1 or 0
        except ZeroDivisionError:
            say("explain-formula-zero", formula=say.expression(rule.compiled, rule.inputs))
            return Decimal(0)
        points = rounded(value, rule.round)
        say("explain-formula", formula=say.expression(rule.compiled, rule.inputs), value=value,
            places=rule.round, points=points)
        return capped(points, rule.max, say)

    def excel(self, rule: FormulaRule, item: Node, cells: Mapping[str, str]) -> str:
        formula = f"IFERROR(ROUND({to_excel(rule.compiled, cells)},{rule.round}),0)"
        given = ",".join(f"ISNUMBER({cells[d.name]})" for d in rule.inputs)
        return f"IF(AND({given}),{excel_capped(formula, rule.max)},0)"

    def describe(self, rule: FormulaRule, item: Node, labels: Labels | None = None) -> str:
        formula = to_words(rule.compiled, input_words(rule.inputs, labels))
        words = hint("rule-formula", formula=formula, places=rule.round)
        if rule.max is not None:
            return hint("rule-capped", rule=words, max=number(rule.max))
        return words


KIND = Formula()
