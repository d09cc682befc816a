"""The data jyscore works on: a rubric (validated by pydantic) and a college's score sheet.

No I/O here. A rubric is a tree of :class:`Node` of any depth:

* a node with ``children`` is a group (a primary or secondary indicator); its score is the sum of
  its children's and it is never scored directly;
* a node without children is a *scorable item* with a cap (``points``); it may carry ``parts``,
  sub-criteria worth part of the cap, and a sheet scores either the item or all of its parts;
* in the ``bonus`` trees, the leaves carry a ``rule`` from :mod:`jyscore.bonus` instead of points.

The sheet is a plain frozen dataclass rather than a pydantic model: it is built by
:mod:`jyscore.loading.sheet` only after every value has been checked against the rubric with
positions, so there is nothing left for pydantic to validate and no reason to pay for it per file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import Annotated, Iterator, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .problems import Position, Problem

PositiveDecimal = Annotated[Decimal, Field(gt=0)]
NonNegativeDecimal = Annotated[Decimal, Field(ge=0)]


class _Frozen(BaseModel):
    # defer_build: a model's validator is built when it first validates, not on import, so that a
    # run with the built-in rubric (see jyscore.loading.builtin) never builds one at all
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class RateStepsRule(_Frozen):
    """+``per_step`` for every full ``step`` percentage points the rate exceeds the target."""

    kind: Literal["rate_steps"]
    step: PositiveDecimal
    per_step: PositiveDecimal
    max: NonNegativeDecimal | None = None


class PerUnitRule(_Frozen):
    """``count`` x ``per_unit`` points, at most ``max``."""

    kind: Literal["per_unit"]
    per_unit: PositiveDecimal
    max: NonNegativeDecimal | None = None


class ManualRule(_Frozen):
    """Points awarded by hand in both columns, on the rubric's step, at most ``max``."""

    kind: Literal["manual"]
    max: NonNegativeDecimal | None = None


BonusRule = Annotated[Union[RateStepsRule, PerUnitRule, ManualRule], Field(discriminator="kind")]


class Node(_Frozen):
    id: Annotated[str, Field(min_length=1)]
    name: Annotated[str, Field(min_length=1)]
    points: NonNegativeDecimal | None = None
    focus: str | None = None
    criteria: str | None = None
    methods: tuple[str, ...] = ()
    evidence: bool = False
    children: tuple[Node, ...] = ()
    parts: tuple[Node, ...] = ()
    rule: BonusRule | None = None

    @model_validator(mode="after")
    def _derive_group_points(self) -> Node:
        # A group may leave its points out (the seed gives none for 1.4 工作落实): they are the
        # sum of its children's. Declared points are checked against the sum by the loader.
        if self.points is None and self.children:
            child_points = [c.points for c in self.children]
            if all(p is not None for p in child_points):
                object.__setattr__(self, "points", sum(child_points, Decimal(0)))
        return self

    @property
    def is_group(self) -> bool:
        return bool(self.children)

    def walk(self, depth: int = 0) -> Iterator[tuple[Node, int]]:
        """This node and every descendant (children, then parts) with its depth, in form order."""
        yield self, depth
        for child in (*self.children, *self.parts):
            yield from child.walk(depth + 1)

    def leaves(self) -> Iterator[Node]:
        if not self.children:
            yield self
            return
        for child in self.children:
            yield from child.leaves()


class Labels(_Frozen):
    """The words a rubric shows to its users; the seed's rubric gives them in Chinese."""

    id: str = "id"
    name: str = "item"
    levels: tuple[str, ...] = ("primary", "secondary", "focus", "part")
    focus: str = "focus"
    criteria: str = "criteria"
    points: str = "points"
    methods: str = "methods"
    self_: str = Field("self", alias="self")
    assessed: str = "assessed"
    difference: str = "difference"
    note: str = "note"
    college: str = "college"
    year: str = "year"
    base: str = "base"
    bonus: str = "bonus"
    total: str = "total"
    rank: str = "rank"
    rate: str = "rate"
    target: str = "target"
    graduates: str = "graduates"
    employed: str = "employed"
    count: str = "count"

    def level(self, depth: int) -> str:
        return self.levels[min(depth, len(self.levels) - 1)]


class Rubric(_Frozen):
    id: Annotated[str, Field(min_length=1)]
    name: Annotated[str, Field(min_length=1)]
    total: PositiveDecimal
    step: PositiveDecimal
    labels: Labels = Field(default_factory=lambda: Labels())  # not built on import: defer_build
    indicators: Annotated[tuple[Node, ...], Field(min_length=1)]
    bonus: tuple[Node, ...] = ()

    def walk(self) -> Iterator[tuple[Node, int]]:
        for root in (*self.indicators, *self.bonus):
            yield from root.walk()

    @cached_property
    def nodes(self) -> dict[str, Node]:
        """Every node by id (the first one, if a broken rubric repeats an id)."""
        found: dict[str, Node] = {}
        for node, _ in self.walk():
            found.setdefault(node.id, node)
        return found

    @cached_property
    def items(self) -> tuple[Node, ...]:
        """The scorable items of the base score, in form order."""
        return tuple(leaf for root in self.indicators for leaf in root.leaves())

    @cached_property
    def bonus_items(self) -> tuple[Node, ...]:
        return tuple(leaf for root in self.bonus for leaf in root.leaves() if leaf.rule)

    @cached_property
    def part_owner(self) -> dict[str, Node]:
        """The item each part belongs to, by the part's id."""
        return {part.id: item for item in self.items for part in item.parts}

    @cached_property
    def scorable_ids(self) -> tuple[str, ...]:
        """Every id a sheet may score: items, their parts and bonus items."""
        ids = [n.id for item in self.items for n in (item, *item.parts)]
        ids.extend(b.id for b in self.bonus_items)
        return tuple(ids)

    @cached_property
    def scorable_id_set(self) -> frozenset[str]:
        """:attr:`scorable_ids` for membership tests (the loader asks once per sheet entry)."""
        return frozenset(self.scorable_ids)


# -- a college's score sheet ---------------------------------------------------------------------

COLUMNS: tuple[str, ...] = ("self", "assessed")


@dataclass(frozen=True)
class Entry:
    """One scored line of a sheet: an item, a part, or a bonus item with its inputs."""

    item_id: str
    self: Decimal | None = None
    assessed: Decimal | None = None
    note: str | None = None
    inputs: dict[str, Decimal] = field(default_factory=dict)
    # where the entry's id stood (line/column, or a cell), for checks made after loading
    position: Position | None = field(default=None, compare=False)

    def column(self, name: str) -> Decimal | None:
        return self.self if name == "self" else self.assessed

    def employment_rate(self) -> Fraction | None:
        """The initial employment rate in percent, exact: given, or employed / graduates."""
        if "rate" in self.inputs:
            return Fraction(self.inputs["rate"])
        graduates, employed = self.inputs.get("graduates"), self.inputs.get("employed")
        if graduates is None or employed is None or graduates == 0:
            return None
        return Fraction(employed) * 100 / Fraction(graduates)


@dataclass(frozen=True)
class Sheet:
    source: str
    college: str
    year: int
    rubric_id: str | None
    entries: dict[str, Entry]
    columns: tuple[str, ...] = COLUMNS
    warnings: tuple[Problem, ...] = ()
    # where the top-level fields stood ("college", "year", "rubric", "scores"), when given
    positions: dict[str, Position] = field(default_factory=dict, compare=False)

    def has_column(self, name: str) -> bool:
        return name in self.columns
