"""The exact scoring engine: a checked sheet and its rubric in, a :class:`Result` out.

Pure: no printing, no I/O, only ``Decimal`` (and ``Fraction`` where a rule compares ratios,
such as ``employed / graduates``). A sheet reaching the engine has been checked by the loader, so
the engine trusts it: every item scored once, every value on the step and under its cap, every
input a rule needs given. An item with a rule (base or bonus) is computed per column by
:func:`jyscore.core.rules.evaluate` from the inputs that hold for that column.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from jyscore.core import rules
from jyscore.core.models import COLUMNS, Entry, Node, Rubric, Sheet, Veto
from jyscore.core.numbers import ZERO, exact
from jyscore.core.totals import (
    AppliedAdjustment,
    adjustment_sum,
    applied_adjustments,
    final_grade,
    reported_vetoes,
    vetoed_total,
)


@dataclass(frozen=True)
class Row:
    """One line of the form: a node with its depth and its score in each column."""

    node: Node
    depth: int
    scores: dict[str, Decimal | None]
    is_part: bool = False
    note: str | None = None

    @property
    def self(self) -> Decimal | None:
        return self.scores.get("self")

    @property
    def assessed(self) -> Decimal | None:
        return self.scores.get("assessed")


@dataclass(frozen=True)
class BonusRow(Row):
    """A bonus item's row: its scores, and the sheet's entry with the inputs its rule counted."""
    entry: Entry | None = None

    @property
    def rate(self) -> Fraction | None:
        return self.entry.employment_rate() if self.entry else None


def rule_points(node: Node, entry: Entry | None, column: str,
                say: rules.Explain | None = None) -> Decimal:
    """An item's points from its rule in ``column``; a bonus not claimed (no entry) is 0."""
    if entry is None:
        return ZERO
    if rules.hand_scored(node):
        values = {"score": entry.column(column) or ZERO}
    else:
        values = _with_defaults(node, entry.values(column))
    return rules.evaluate(node, values, say)


def _with_defaults(node: Node, values: dict[str, Decimal]) -> dict[str, Decimal]:
    missing: dict[str, Decimal] = {s.name: s.default for s in rules.input_specs(node)
               if s.default is not None and s.name not in values}
    return {**missing, **values} if missing else values


@dataclass(frozen=True)
class Totals:
    """A column's totals: ``total`` is the final figure (``scored``, unless a veto sets it)."""

    base: Decimal
    bonus: Decimal
    adjustments: tuple[AppliedAdjustment, ...] = ()
    vetoes: tuple[Veto, ...] = ()  # the vetoes the sheet reports in this column
    grade: str | None = None  # from the total, or set by a veto; None without grade bands

    @property
    def adjustment(self) -> Decimal:
        """The adjustments' sum: deductions negative, additions positive."""
        return adjustment_sum(self.adjustments) if self.adjustments else ZERO

    @property
    def scored(self) -> Decimal:
        """base + bonus + adjustments, before any veto."""
        return self.base + self.bonus + self.adjustment

    @property
    def total(self) -> Decimal:
        if self.vetoes:
            vetoed = vetoed_total(self.vetoes)
            if vetoed is not None:
                return vetoed
        return self.scored

    @property
    def vetoed(self) -> bool:
        return bool(self.vetoes)


@dataclass(frozen=True)
class Result:
    """A sheet scored against its rubric: a row per item, the bonus rows and the totals per
    column."""
    rubric: Rubric
    sheet: Sheet
    rows: tuple[Row, ...]
    bonus_rows: tuple[BonusRow, ...]
    totals: dict[str, Totals | None]

    @property
    def college(self) -> str:
        return self.sheet.college

    @property
    def year(self) -> int:
        return self.sheet.year

    def primary(self, column: str) -> dict[str, Decimal | None]:
        """Each primary indicator's subtotal in ``column``, by id."""
        return {r.node.id: r.scores[column] for r in self.rows if r.depth == 0}


def _sum(values: list[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    if len(present) < len(values):
        return None
    return sum(present, ZERO)


class _Scorer:
    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.rows: list[Row] = []

    def node(self, node: Node, depth: int, is_part: bool = False) -> dict[str, Decimal | None]:
        """Append ``node``'s row and its descendants' rows; return its scores."""
        index = len(self.rows)
        self.rows.append(Row(node, depth, {}))  # reserve the slot: a parent precedes its children
        entry = self.sheet.entries.get(node.id)
        if node.children:
            scores = self._sum_of(node.children, depth, is_part=False)
        elif node.parts and entry is None:
            scores = self._sum_of(node.parts, depth, is_part=True)
        elif node.rule is not None and not rules.hand_scored(node):
            scores = {c: rule_points(node, entry, c) if entry and c in self.sheet.columns else None
                      for c in COLUMNS}
        else:
            scores = {c: entry.column(c) if entry else None for c in COLUMNS}
            for part in node.parts:  # scored as a whole: the form still lists its parts, blank
                self.rows.append(Row(part, depth + 1, dict.fromkeys(COLUMNS), is_part=True))
        self.rows[index] = Row(node, depth, scores, is_part, entry.note if entry else None)
        return scores

    def _sum_of(
        self, nodes: tuple[Node, ...], depth: int, is_part: bool
    ) -> dict[str, Decimal | None]:
        scores = [self.node(n, depth + 1, is_part) for n in nodes]
        return {c: _sum([s[c] for s in scores]) for c in COLUMNS}


@exact
def score(rubric: Rubric, sheet: Sheet) -> Result:
    """Score a checked sheet: every node's score in both columns, the bonus and the totals."""
    scorer = _Scorer(sheet)
    primaries = [scorer.node(root, 0) for root in rubric.indicators]
    bonus_rows = tuple(_bonus_rows(rubric, sheet))
    totals: dict[str, Totals | None] = {}
    for column in COLUMNS:
        base = _sum([p[column] for p in primaries])
        if not sheet.has_column(column) or base is None:
            totals[column] = None
            continue
        bonus = sum((r.scores[column] or ZERO for r in bonus_rows if not r.node.children), ZERO)
        totals[column] = _final(rubric, sheet, column, Totals(base=base, bonus=bonus))
    return Result(rubric, sheet, tuple(scorer.rows), bonus_rows, totals)


def _final(rubric: Rubric, sheet: Sheet, column: str, totals: Totals) -> Totals:
    """``totals`` with the sheet's adjustments and vetoes in ``column``, and the grade."""
    if not (rubric.adjustments or rubric.vetoes or rubric.grades):
        return totals
    adjustments = applied_adjustments(rubric, sheet, column)
    vetoes = reported_vetoes(rubric, sheet, column)
    with_both = Totals(totals.base, totals.bonus, adjustments, vetoes)
    return Totals(totals.base, totals.bonus, adjustments, vetoes,
                  final_grade(with_both.total, vetoes, rubric.grades))


def _bonus_rows(rubric: Rubric, sheet: Sheet) -> list[BonusRow]:
    rows: list[BonusRow] = []
    for root in rubric.bonus:
        for node, depth in root.walk():
            entry = sheet.entries.get(node.id)
            if node.rule is None:
                scores: dict[str, Decimal | None] = {}
                for column in COLUMNS:
                    leaves = [
                        rule_points(leaf, sheet.entries.get(leaf.id), column)
                        for leaf in node.leaves() if leaf.rule
                    ]
                    scores[column] = sum(leaves, ZERO)
            else:
                scores = {c: rule_points(node, entry, c) for c in COLUMNS}
            rows.append(BonusRow(node, depth, scores, note=entry.note if entry else None,
                                 entry=entry))
    return rows
