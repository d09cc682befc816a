"""The rows of the fill-in form for a rubric, in order. No openpyxl here.

Like the paper form, a primary and a secondary indicator are not rows of their own: their names
fill merged cells down the rows of their items. Each scorable item is a row; an item with parts
is followed by one row per part, and an item with a rule by one row per input of the rule (the
item's row computes the rule). The parts are the input cells and the item's row sums them, so
a filled form scores every such item through all of its parts (the sheet contract allows the
item as a whole too: a converted sheet that scores it whole writes the value into the item's row
instead of the sum). Each primary with children ends with a subtotal row (a primary scored
itself is its own); then come the base score, the bonus items (each followed by its input
rows), the bonus subtotal, a row per adjustment to the total and per veto (一票否决) the
rubric declares, the total, and the grade when the rubric has grades.
"""

from __future__ import annotations

from dataclasses import dataclass

from jyscore.core.models import Adjustment, Node, Rubric, Veto
from jyscore.form.layout import adjustment_key, input_key, rule_inputs, veto_key

# kinds of row
ITEM, PART, SUBTOTAL, BASE, BONUS, INPUT, BONUS_TOTAL, TOTAL = (
    "item", "part", "subtotal", "base", "bonus", "input", "bonus-total", "total",
)
ADJUSTMENT, VETO, GRADE = "adjustment", "veto", "grade"


@dataclass(frozen=True)
class FormRow:
    """One row of the fill-in form, in order: what kind of row, for which node or field."""
    kind: str
    key: str  # the text of the 编号 cell ("" for the base, bonus and total rows)
    node: Node | None = None
    primary: Node | None = None  # the node named in the 一级指标 column
    secondary: Node | None = None  # the node named in the 二级指标 column
    item: Node | None = None  # the scorable item the row belongs to (itself, or a part's owner)
    field: str | None = None  # the input of an input row
    declared: Adjustment | Veto | None = None  # the rubric's adjustment or veto of its row


def ancestors(rubric: Rubric) -> dict[str, tuple[Node, ...]]:
    """Each node's ancestors, the root first, by id."""
    found: dict[str, tuple[Node, ...]] = {}

    def visit(node: Node, chain: tuple[Node, ...]) -> None:
        found.setdefault(node.id, chain)
        for child in (*node.children, *node.parts):
            visit(child, (*chain, node))

    for root in (*rubric.indicators, *rubric.bonus):
        visit(root, ())
    return found


def _columns(node: Node, chain: tuple[Node, ...]) -> tuple[Node, Node | None]:
    line = (*chain, node)
    return line[0], line[1] if len(line) > 1 else None


def plan(rubric: Rubric) -> list[FormRow]:
    chains = ancestors(rubric)
    rows: list[FormRow] = []
    for primary in rubric.indicators:
        for item in primary.leaves():
            top, second = _columns(item, chains[item.id])
            rows.append(FormRow(ITEM, item.id, item, top, second, item))
            for part in item.parts:
                rows.append(FormRow(PART, part.id, part, top, second, item))
            for name in rule_inputs(item):
                rows.append(
                    FormRow(INPUT, input_key(rubric, item.id, name), item, top, second, item, name)
                )
        if primary.children:  # a primary scored itself is its own subtotal
            rows.append(FormRow(SUBTOTAL, primary.id, primary))
    rows.append(FormRow(BASE, ""))
    for root in rubric.bonus:
        for leaf in root.leaves():
            if leaf.rule is None:
                continue
            top, second = _columns(leaf, chains[leaf.id])
            rows.append(FormRow(BONUS, leaf.id, leaf, top, second, leaf))
            for name in rule_inputs(leaf):
                rows.append(
                    FormRow(INPUT, input_key(rubric, leaf.id, name), leaf, top, second, leaf, name)
                )
    if rubric.bonus_items:
        rows.append(FormRow(BONUS_TOTAL, ""))
    for adjustment in rubric.adjustments:
        rows.append(FormRow(ADJUSTMENT, adjustment_key(rubric, adjustment.id),
                            declared=adjustment))
    for veto in rubric.vetoes:
        rows.append(FormRow(VETO, veto_key(rubric, veto.id), declared=veto))
    rows.append(FormRow(TOTAL, ""))
    if rubric.grades is not None:
        rows.append(FormRow(GRADE, ""))
    return rows


def depth_name(node: Node, chain: tuple[Node, ...]) -> str:
    """The text of the 考察点 column for an item below a secondary indicator: its name, after
    any further groups between them (a rubric deeper than the seed's)."""
    between = [n.name for n in chain[2:]]
    return " · ".join([*between, node.name])
