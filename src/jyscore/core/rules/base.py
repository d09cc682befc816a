"""What every rule kind shares: the shape of its inputs, its explanation and the kind interface.

A kind (one module beside this one) owns its parameters (a frozen dataclass that pydantic
validates from the rubric file, constraints in :class:`~jyscore.core.fields.Constraint` metadata),
the inputs it takes from a sheet, the exact computation with its explanation, its Excel formula
and its JSON Schema fragment. Nothing outside :mod:`jyscore.core.rules` asks which kind a rule is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, NamedTuple

from jyscore.core.fields import STRICT_KEYS, Constraint
from jyscore.core.numbers import ZERO, format_decimal, format_fraction
from jyscore.i18n.messages import Phrase, hint

if TYPE_CHECKING:  # the models import the kinds, at run time
    from jyscore.core.models import Labels, Node

# how an input is read from a sheet: a score on the step, a percentage 0-100, a whole number,
# a whole number above 0, any non-negative decimal, yes/no (1/0)
Reader = Literal["score", "percent", "count", "positive-count", "number", "flag"]
InputType = Literal["percent", "count", "number", "flag"]
# an input's name: a word (letters, digits, _; not starting with a digit), usable in a condition
Identifier = Annotated[str, Constraint(pattern=r"^[^\W\d]\w{0,39}$")]


@dataclass(frozen=True)
class InputDecl:
    """An input a rubric declares for an item: its name in the sheet, its words, how it is read."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT_KEYS
    name: Identifier
    label: str | None = None
    type: InputType = "count"


# the input of a kind that counts occurrences, when its rubric names none
COUNT = InputDecl(name="count", type="count")


@dataclass(frozen=True)
class InputSpec:
    """An input of an item as a sheet gives it, with the words shown for it."""

    name: str
    reader: Reader
    label: str | None = None
    required: bool = True
    # a missing optional input counts as this value (a counter not given is 0)
    default: Decimal | None = None

    def shown(self, labels: Labels | None) -> str:
        """The words for the input: the rubric's label for it, else the rubric's labels, else
        its name."""
        return self.label or getattr(labels, self.name, None) or self.name


def shown(decl: Any, labels: Labels | None) -> str:
    """The words for a declared input (or counter): its label, else the rubric's, else its name."""
    label: str | None = getattr(decl, "label", None)
    return label or getattr(labels, decl.name, None) or decl.name


def input_words(decls: Any, labels: Labels | None) -> dict[str, str]:
    """Each declared input's name -> the words shown for it."""
    return {decl.name: shown(decl, labels) for decl in decls}


def spec(decl: InputDecl, required: bool = True, default: Decimal | None = None) -> InputSpec:
    return InputSpec(decl.name, decl.type, decl.label, required, default)


class Finding(NamedTuple):
    """A problem with an entry's inputs as a whole: a code, the input it is about, params."""

    code: str
    field: str | None
    params: dict[str, object]


class Explain:
    """Collects the steps of a computation in words, or nothing when nobody asks for them."""

    def __init__(self, enabled: bool = False, labels: Labels | None = None) -> None:
        self.lines: list[str] | None = [] if enabled else None
        # the rubric's labels, to name inputs in the words of an expression
        self.labels = labels

    def expression(self, expr: Any, decls: Any) -> str:
        """An expression over ``decls`` in words (empty when nobody asks for the steps)."""
        if self.lines is None:
            return ""
        from jyscore.core.rules.expr import to_words  # only the kinds with expressions need it

        return to_words(expr, input_words(decls, self.labels))

    def __call__(self, key: str, **params: object) -> None:
        if self.lines is not None:
            self.lines.append(hint(key, **{k: _text(v) for k, v in params.items()}))


def _text(value: object) -> object:
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, Fraction):
        exact = value.denominator in (1, 2, 4, 5, 8, 10, 16, 20, 25, 40, 50, 100, 1000)
        text = format_fraction(value, 6)
        return text if exact or Fraction(Decimal(text)) == value else f"{text}…"
    return value


Values = Mapping[str, Decimal]


class RuleKind:
    """The interface of a rule kind. Subclasses set ``name`` and ``params`` and override."""

    name: ClassVar[str]
    params: ClassVar[type]
    # scored by hand in the 自评/考核 columns (on the item's step), rather than computed
    hand_scored: ClassVar[bool] = False

    def inputs(self, rule: Any, item: Node) -> tuple[InputSpec, ...]:
        return ()

    def cap(self, rule: Any, item: Node) -> Decimal | None:
        """The most the rule can give (the 分值 shown), before the item's own points."""
        return getattr(rule, "max", None)

    def check(self, rule: Any, values: Values) -> list[Finding]:
        """Problems with one column's inputs taken together (e.g. employed > graduates)."""
        return []

    def replaced(self, rule: Any, own: frozenset[str]) -> frozenset[str]:
        """The inputs that a column inherits from 自评 but that its ``own`` inputs (given for the
        考核 column only) replace, as the rule's form formula lets one way of giving them win."""
        return frozenset()

    def lint(self, rule: Any, item: Node) -> list[tuple[tuple[str | int, ...], Phrase]]:
        """Inconsistencies of the rule in the rubric: (path below ``rule``, reason)."""
        return []

    def compute(self, rule: Any, item: Node, values: Values, say: Explain) -> Decimal:
        raise NotImplementedError

    def excel(self, rule: Any, item: Node, cells: Mapping[str, str]) -> str:
        """The item's formula (without '=') from its inputs' cells, in Excel 2010 functions."""
        raise NotImplementedError

    def schema(self, rule: Any, item: Node) -> dict[str, Any]:
        """Extra JSON Schema keywords for the item's entry (its inputs come from ``inputs``)."""
        return {}

    def describe(self, rule: Any, item: Node, labels: Labels | None = None) -> str:
        """The rule in words, for ``explain``, ``rubric check`` and the report; an input is
        named by its label, else the rubric's ``labels`` for its name, else its name."""
        return str(rule.kind)


# -- helpers the kinds share -----------------------------------------------------------------


def number(value: Decimal | int) -> str:
    """A number as it is written in a formula."""
    return format_decimal(value) if isinstance(value, Decimal) else str(value)


def capped(points: Decimal, cap: Decimal | None, say: Explain) -> Decimal:
    if cap is not None and points > cap:
        say("explain-cap", points=points, cap=cap)
        return cap
    return points


def floored(points: Decimal, say: Explain) -> Decimal:
    if points < 0:
        say("explain-floor", points=points)
        return ZERO
    return points


def excel_capped(formula: str, cap: Decimal | None) -> str:
    return formula if cap is None else f"MIN({number(cap)},{formula})"


def value_of(cell: str, default: str = "0") -> str:
    """A cell's number, or ``default`` when it is blank."""
    return f"IF(ISNUMBER({cell}),{cell},{default})"
