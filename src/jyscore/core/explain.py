"""Why a number is what it is: for each item of a scored sheet, its inputs per column, its rule in
words and the arithmetic with exact intermediate values; then the base, bonus and total.

Pure: :func:`explain` turns a :class:`~jyscore.core.engine.Result` into data, which ``jyscore
explain`` renders as text or JSON. The arithmetic comes from the rule kinds themselves
(:func:`jyscore.core.rules.evaluate` with an :class:`~jyscore.core.rules.Explain` for its steps),
so it is the computation the engine made, not a second one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jyscore.core import rules
from jyscore.core.engine import Result, Row, rule_points
from jyscore.core.models import COLUMNS, Entry, Labels, Node
from jyscore.core.numbers import format_decimal
from jyscore.i18n.messages import hint


@dataclass(frozen=True)
class ColumnWork:
    """How one column's score of an item came about: its inputs, the steps, the points."""
    column: str
    inputs: dict[str, Decimal]  # input label -> value, as they hold for this column
    steps: tuple[str, ...]
    points: Decimal | None


@dataclass(frozen=True)
class ItemWork:
    """One item's explanation: its rule in words and the work of each column."""
    node: Node
    rule: str  # the rule in words
    columns: tuple[ColumnWork, ...]


@dataclass(frozen=True)
class Explanation:
    """Why each number of a scored sheet is what it is, item by item, with the base's sums."""
    result: Result
    items: tuple[ItemWork, ...]
    # per column: how the base adds up from the primary indicators ("1 + 2 + … = 20 + … = 85")
    base_sums: dict[str, str] = field(default_factory=dict)


class UnknownIds(ValueError):
    def __init__(self, ids: list[str]) -> None:
        super().__init__(", ".join(ids))
        self.ids = ids


def explain(result: Result, ids: tuple[str, ...] = ()) -> Explanation:
    """Every number of ``result`` (or only the nodes ``ids``) with its work."""
    rubric = result.rubric
    unknown = [i for i in ids if i not in rubric.nodes]
    if unknown:
        raise UnknownIds(unknown)
    rows = {row.node.id: row for row in (*result.rows, *result.bonus_rows)}
    wanted = ids or _every_figure(rubric.indicators, rubric.bonus, rows)
    columns = [c for c in COLUMNS if result.sheet.has_column(c)]
    items = tuple(_item_work(result, rubric.nodes[node_id], rows, columns) for node_id in wanted)
    return Explanation(result, items, _base_sums(result, columns))


def _item_work(result: Result, node: Node, rows: Mapping[str, Row], columns: Sequence[str]
               ) -> ItemWork:
    """One node's rule in words and its work in each column."""
    rubric = result.rubric
    entry = result.sheet.entries.get(node.id)
    work = tuple(_column_work(node, entry, column, rows, rubric.labels) for column in columns)
    return ItemWork(node, _rule_words(node, rubric.step, rubric.labels), work)


def _column_work(node: Node, entry: Entry | None, column: str, rows: Mapping[str, Row],
                 labels: Labels) -> ColumnWork:
    """How ``node`` got its points in ``column``: the sum of its members (a group, or an item
    scored through its parts), its rule applied to the inputs, or the score entered by hand."""
    row = rows.get(node.id)
    points = row.scores.get(column) if row is not None else None
    inputs: dict[str, Decimal] = {}
    say = rules.Explain(enabled=True, labels=labels)
    if node.children or (node.parts and entry is None):
        _say_members(say, node.children or node.parts, rows, column, points)
    elif node.rule is not None and not rules.hand_scored(node):
        inputs = _say_rule(say, node, entry, column, labels)
    elif entry is not None and entry.column(column) is not None:
        _say_entered(say, node, entry, column)
    return ColumnWork(column, inputs, tuple(say.lines or ()), points)


def _say_members(say: rules.Explain, members: Sequence[Node], rows: Mapping[str, Row],
                 column: str, points: Decimal | None) -> None:
    """A figure that is the sum of its members' figures, when every member has one."""
    values = [rows[m.id].scores.get(column) if m.id in rows else None for m in members]
    if any(v is None for v in values):
        return
    terms = " + ".join(format_decimal(v) for v in values if v is not None)
    say("explain-members", ids=" + ".join(m.id for m in members), terms=terms,
        points=points if points is not None else "—")


def _say_rule(say: rules.Explain, node: Node, entry: Entry | None, column: str,
              labels: Labels) -> dict[str, Decimal]:
    """A rule's steps on the inputs entered in ``column``; returns those inputs by label."""
    if entry is None:
        say("explain-not-claimed")
        return {}
    specs = {s.name: s.shown(labels) for s in rules.input_specs(node)}
    inputs = {specs.get(k, k): v for k, v in entry.values(column).items()}
    rule_points(node, entry, column, say)
    return inputs


def _say_entered(say: rules.Explain, node: Node, entry: Entry, column: str) -> None:
    """A score entered by hand: through the item's hand-scored rule, else as it is."""
    if node.rule is not None:
        rule_points(node, entry, column, say)
    else:
        say("explain-manual", points=entry.column(column))


def _every_figure(indicators: tuple[Node, ...], bonus: tuple[Node, ...],
                  rows: dict[str, Any]) -> tuple[str, ...]:
    """Every item and group of the sheet, each group after its children (its sum of them)."""
    found: list[str] = []

    def visit(node: Node) -> None:
        for child in node.children:
            visit(child)
        if node.id in rows and not rows[node.id].is_part:
            found.append(node.id)

    for root in (*indicators, *bonus):
        visit(root)
    return tuple(found)


def _base_sums(result: Result, columns: list[str]) -> dict[str, str]:
    """The base of each column as the sum of the primary indicators' figures."""
    primaries = [row for row in result.rows if row.depth == 0]
    sums: dict[str, str] = {}
    for column in columns:
        values = [row.scores.get(column) for row in primaries]
        totals = result.totals.get(column)
        if totals is None or any(v is None for v in values):
            continue
        sums[column] = hint(
            "explain-base-sum", base_label=result.rubric.labels.base,
            ids=" + ".join(row.node.id for row in primaries),
            terms=" + ".join(format_decimal(v) for v in values if v is not None),
            base=format_decimal(totals.base))
    return sums


def _rule_words(node: Node, step: Decimal, labels: Labels) -> str:
    if node.children:
        return hint("rule-group")
    if node.rule is not None and not rules.hand_scored(node):
        return rules.describe(node, labels)
    if node.allowed is not None:
        values = hint("name-separator").join(format_decimal(v) for v in node.allowed)
        return hint("rule-allowed", values=values)
    cap = rules.item_cap(node)
    shown = format_decimal(node.step or step)
    if cap is None:
        return hint("rule-hand-open-parts" if node.parts else "rule-hand-open", step=shown)
    return hint("rule-hand-parts" if node.parts else "rule-hand", step=shown,
                cap=format_decimal(cap))
