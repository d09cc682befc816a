"""The data jyscore works on: a rubric and a college's score sheet. Plain frozen dataclasses.

No I/O here. A rubric is a tree of :class:`Node` of any depth:

* a node with ``children`` is a group (a primary or secondary indicator); its score is the sum of
  its children's and it is never scored directly;
* a node without children is a *scorable item* with a cap (``points``); it may carry ``parts``,
  sub-criteria worth part of the cap, and a sheet scores either the item or all of its parts;
* any item (base or bonus) may carry a ``rule`` (:mod:`jyscore.core.rules`) that computes its score
  from inputs the sheet gives; in the ``bonus`` trees every leaf has one.

A rubric *file* is validated by pydantic (:mod:`jyscore.readers.rubric`), straight into these
classes: their annotations carry the constraints (:class:`Constraint`) and each class its
pydantic config. Importing this module imports no pydantic: ``jyscore score`` with the built-in
rubric never needs it (the validated built-in rubric is cached: see
:mod:`jyscore.readers.rubric`), and start-up stays light.

The sheet is built by :mod:`jyscore.readers.sheet` only after every value has been checked
against the rubric with positions, so there is nothing left for pydantic to validate there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal, Union

from jyscore.core.fields import STRICT_KEYS as _STRICT_KEYS
from jyscore.core.fields import Constraint, NonNegativeDecimal, PositiveDecimal, Text
from jyscore.core.problems import Position, Problem
from jyscore.core.rules import KINDS, hand_scored
from jyscore.core.rules.rate_steps import employment_rate
from jyscore.i18n.catalogue import LANGUAGES, translate
from jyscore.i18n.messages import HINTS, hint


class _RuleSchema:
    """pydantic hook: a rubric's ``rule`` is the parameters of one registered kind
    (:data:`jyscore.core.rules.KINDS`), told apart by its ``kind`` key."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Field

        params = tuple(kind.params for kind in KINDS.values())
        return handler.generate_schema(
            # Union of a tuple built at run time: no `X | Y` spelling exists for it
            Annotated[Union[params], Field(discriminator="kind")]  # noqa: UP007
        )


# the parameters of a rule kind (a frozen dataclass of :mod:`jyscore.core.rules`)
RuleParams = Annotated[Any, _RuleSchema()]
AllowedValues = Annotated[tuple[NonNegativeDecimal, ...], Constraint(min_length=1, max_length=50)]


@dataclass(frozen=True)
class Node:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEYS
    id: Text
    name: Text
    points: NonNegativeDecimal | None = None
    focus: str | None = None
    criteria: str | None = None
    methods: tuple[str, ...] = ()
    evidence: bool = False
    children: tuple[Node, ...] = ()
    parts: tuple[Node, ...] = ()
    rule: RuleParams | None = None
    # hand-scored values: on this step instead of the rubric's, or only these values
    step: PositiveDecimal | None = None
    allowed: AllowedValues | None = None

    def __post_init__(self) -> None:
        # A group may leave its points out (the seed gives none for 1.4 工作落实): they are the
        # sum of its children's. Declared points are checked against the sum by the loader.
        if self.points is None and self.children:
            child_points = [c.points for c in self.children if c.points is not None]
            if len(child_points) == len(self.children):
                object.__setattr__(self, "points", sum(child_points, Decimal(0)))

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


class DefaultLabel(str):
    """A label the rubric does not give: jyscore's own word, shown in the language of the moment.

    It is stored as the English word (the catalogue's msgid, hint ``label-<word>``) and
    :class:`Labels` translates it each time it is read, so a rubric validated (or cached, or
    sent to a worker process) in one language still speaks the language of the run that shows it.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, ...]:
        return (DefaultLabel, (str(self),))

    def shown(self) -> str:
        return hint(f"label-{self}")

    def every_language(self) -> tuple[str, ...]:
        """The word in each language: a reader accepts a form written in any of them."""
        key = f"label-{self}"
        return tuple(dict.fromkeys(translate(key, HINTS[key], language) for language in LANGUAGES))


@dataclass(frozen=True)
class Labels:
    """The words a rubric shows to its users; the seed's rubric gives them in Chinese.

    A rubric file names the self-assessment column ``self``; the field is ``self_`` (a dataclass
    cannot have a field named ``self``). A label the file does not give is jyscore's own word
    (:class:`DefaultLabel`), read in the current language; the rubric's own labels stay as written.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEYS
    id: str = DefaultLabel("id")
    name: str = DefaultLabel("item")
    levels: tuple[str, ...] = (
        DefaultLabel("primary"),
        DefaultLabel("secondary"),
        DefaultLabel("focus"),
        DefaultLabel("part"),
    )
    focus: str = DefaultLabel("focus")
    criteria: str = DefaultLabel("criteria")
    points: str = DefaultLabel("points")
    methods: str = DefaultLabel("methods")
    self_: str = DefaultLabel("self")
    assessed: str = DefaultLabel("assessed")
    difference: str = DefaultLabel("difference")
    note: str = DefaultLabel("note")
    college: str = DefaultLabel("college")
    year: str = DefaultLabel("year")
    base: str = DefaultLabel("base")
    bonus: str = DefaultLabel("bonus")
    total: str = DefaultLabel("total")
    rank: str = DefaultLabel("rank")
    rate: str = DefaultLabel("rate")
    target: str = DefaultLabel("target")
    graduates: str = DefaultLabel("graduates")
    employed: str = DefaultLabel("employed")
    count: str = DefaultLabel("count")
    adjustments: str = DefaultLabel("adjustments")
    veto: str = DefaultLabel("veto")
    grade: str = DefaultLabel("grade")
    assessor: str = DefaultLabel("assessor")

    def __getattribute__(self, name: str) -> Any:
        value = object.__getattribute__(self, name)
        if type(value) is DefaultLabel:
            return value.shown()
        if name == "levels":
            return tuple(v.shown() if type(v) is DefaultLabel else v for v in value)
        return value

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(_file_labels, handler(source))

    def level(self, depth: int) -> str:
        return self.levels[min(depth, len(self.levels) - 1)]

    def variants(self, name: str, depth: int | None = None) -> tuple[str, ...]:
        """A label as a reader accepts it: the rubric's own word, or jyscore's in every
        language (a form written with ``--lang zh`` reads with ``--lang en``)."""
        raw = object.__getattribute__(self, name)
        if depth is not None:
            raw = raw[min(depth, len(raw) - 1)]
        return raw.every_language() if type(raw) is DefaultLabel else (raw,)


# a rubric file's key for a Labels field that is named otherwise, and back
LABEL_FILE_KEYS = {"self": "self_", "self_": "self"}


def _file_labels(value: Any) -> Any:
    """A rubric file's ``labels`` with ``self`` as the field's name (``self_`` is not a key)."""
    if not isinstance(value, dict):
        return value
    return {LABEL_FILE_KEYS.get(key, key): v for key, v in value.items()}


PANEL_METHODS: tuple[str, ...] = ("mean", "median", "trimmed-mean")
PANEL_LEVELS: tuple[str, ...] = ("total", "item")


@dataclass(frozen=True)
class PanelSpec:
    """How the sheets of several assessors of one college are made one figure (``panel:`` in a
    rubric file): ``method`` over the assessors, at the ``level`` of each total or of each item,
    the published figures rounded half-up to ``places`` decimals (:mod:`jyscore.core.panels`)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEYS
    method: Literal["mean", "median", "trimmed-mean"] = "mean"
    places: Annotated[int, Constraint(ge=0, le=6)] = 2
    level: Literal["total", "item"] = "total"


@dataclass(frozen=True)
class Rubric:
    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEYS
    id: Text
    name: Text
    # optional: a rubric without a declared total (a 积点 system) has no sum to check it against
    total: PositiveDecimal | None = field(default=None, kw_only=True)
    step: PositiveDecimal
    indicators: Annotated[tuple[Node, ...], Constraint(min_length=1)]
    labels: Labels = field(default_factory=Labels)
    bonus: tuple[Node, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    vetoes: tuple[Veto, ...] = ()
    grades: Grades | None = None
    panel: PanelSpec = field(default_factory=PanelSpec)

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
    def base_ids(self) -> frozenset[str]:
        """The ids of the items and their parts: what every sheet scores (no bonus)."""
        return frozenset(n.id for item in self.items for n in (item, *item.parts))

    @cached_property
    def hand_scored_ids(self) -> frozenset[str]:
        """The ids of :attr:`nodes` scored by hand (:func:`jyscore.core.rules.hand_scored`): the
        sheet reader asks for each entry of each sheet."""
        return frozenset(node_id for node_id, node in self.nodes.items() if hand_scored(node))

    @cached_property
    def scorable_id_set(self) -> frozenset[str]:
        """:attr:`scorable_ids` for membership tests (the loader asks once per sheet entry)."""
        return frozenset(self.scorable_ids)


# -- a college's score sheet ---------------------------------------------------------------------

# a sheet's score columns: the college's own self-assessment, and the assessors' score
SELF, ASSESSED = "self", "assessed"
COLUMNS: tuple[str, ...] = (SELF, ASSESSED)


@dataclass(frozen=True)
class Entry:
    """One scored line of a sheet: an item, a part, or a bonus item with its inputs."""

    item_id: str
    self: Decimal | None = None
    assessed: Decimal | None = None
    note: str | None = None
    # a rule's inputs given once, for both columns ...
    inputs: dict[str, Decimal] = field(default_factory=dict)
    # ... and those given per column: column -> input -> value
    column_inputs: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    # where the entry's id stood (line/column, or a cell), for checks made after loading
    position: Position | None = field(default=None, compare=False)

    @classmethod
    def by_hand(
        cls, item_id: str, self_: Decimal | None, assessed: Decimal | None, note: str | None,
        position: Position | None,
    ) -> Entry:
        """An entry scored by hand (no inputs): the same value as ``Entry(item_id, self_,
        assessed, note, position=position)``, made in a third of the time. A sheet has dozens of
        them and the frozen class's ``__init__`` sets each field through ``object.__setattr__``;
        this one fills the new instance's ``__dict__`` at once (it is never changed after)."""
        entry = object.__new__(cls)
        vars(entry).update({
            "item_id": item_id, "self": self_, "assessed": assessed, "note": note,
            "inputs": {}, "column_inputs": {}, "position": position,
        })
        return entry

    def column(self, name: str) -> Decimal | None:
        return self.self if name == "self" else self.assessed

    def values(self, column: str) -> dict[str, Decimal]:
        """The rule's inputs as they hold for ``column``."""
        per_column = self.column_inputs.get(column)
        return {**self.inputs, **per_column} if per_column else self.inputs

    def employment_rate(self, column: str = "self") -> Fraction | None:
        """The initial employment rate in percent, exact: given, or employed / graduates."""
        return employment_rate(self.values(column))


@dataclass(frozen=True)
class Sheet:
    """One college's score sheet for a year, checked against the rubric: its entries by item id."""
    source: str
    college: str
    year: int
    rubric_id: str | None
    entries: dict[str, Entry]
    columns: tuple[str, ...] = COLUMNS
    warnings: tuple[Problem, ...] = ()
    # where the top-level fields stood ("college", "year", "rubric", "scores"), when given
    positions: dict[str, Position] = field(default_factory=dict, compare=False)
    adjustments: tuple[AdjustmentEntry, ...] = ()
    vetoes: tuple[VetoEntry, ...] = ()
    # who scored the sheet (``assessor:``); sheets of one college and year by several assessors
    # form a panel (:mod:`jyscore.core.panels`)
    assessor: str | None = None
    note: str | None = None  # the sheet's own note (``note:`` at the top)

    def has_column(self, name: str) -> bool:
        return name in self.columns


# -- adjustments to the total, vetoes and grades (see jyscore.core.totals) ----------------------



@dataclass(frozen=True)
class Adjustment:
    """A deduction from (or an addition to) the total, entered on the sheet within a range:
    "统计数据弄虚作假的，扣30—50分" is ``kind: deduction, min: 30, max: 50``."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEYS
    id: Text
    name: Text
    min: NonNegativeDecimal
    max: NonNegativeDecimal
    kind: Literal["deduction", "addition"] = "deduction"
    step: PositiveDecimal | None = None  # the rubric's step when not given
    criteria: str | None = None

    @property
    def sign(self) -> int:
        return -1 if self.kind == "deduction" else 1


@dataclass(frozen=True)
class Veto:
    """一票否决: when a sheet reports it, the total becomes ``total`` and/or the grade ``grade``."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEYS
    id: Text
    name: Text
    total: Decimal | None = None
    grade: str | None = None
    criteria: str | None = None


class PercentText:
    """``30%`` or ``30``: a percentage, as the number of percent (pydantic reads the text)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        def strip(value: Any) -> Any:
            if isinstance(value, str) and value.strip().endswith("%"):
                return value.strip()[:-1].strip()
            return value

        return core_schema.no_info_before_validator_function(strip, handler(source))


@dataclass(frozen=True)
class Band:
    """A grade band: every total from ``min`` (inclusive) or ``above`` (exclusive) up to the band
    above it; the last band has neither and takes every total below the others. ``quota``:
    at most this percentage of the colleges ranked (``rank`` applies it)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEYS
    name: Text
    min: Decimal | None = None
    above: Decimal | None = None
    quota: Annotated[Decimal, PercentText()] | None = None

    @property
    def threshold(self) -> Decimal | None:
        return self.min if self.min is not None else self.above

    def admits(self, total: Decimal) -> bool:
        if self.min is not None:
            return total >= self.min
        if self.above is not None:
            return total > self.above
        return True


@dataclass(frozen=True)
class Grades:
    """Grade bands from the highest down; how a quota's number of places rounds and what a tie
    at the quota's boundary does (``drop``: the tied colleges all move down, so the quota is
    never exceeded; ``keep``: they all keep the band, exceeding it by the tie)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT_KEYS
    bands: Annotated[tuple[Band, ...], Constraint(min_length=1)]
    quota_rounding: Literal["floor", "ceil", "half_up"] = "floor"
    quota_ties: Literal["drop", "keep"] = "drop"

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(b.name for b in self.bands)


@dataclass(frozen=True)
class AdjustmentEntry:
    """A sheet's adjustment: the amount entered in each column (a magnitude, the rubric's kind
    gives the sign), and a note."""

    adjustment_id: str
    self: Decimal | None = None
    assessed: Decimal | None = None
    note: str | None = None

    def column(self, name: str) -> Decimal | None:
        return self.self if name == "self" else self.assessed


@dataclass(frozen=True)
class VetoEntry:
    """A sheet's report of a veto condition, per column (``true`` or ``false``), and a note."""

    veto_id: str
    self: bool = False
    assessed: bool = False
    note: str | None = None

    def column(self, name: str) -> bool:
        return self.self if name == "self" else self.assessed
