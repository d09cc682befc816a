"""The form's rows of the rubric's items: an item (hand-scored, summing its parts, or computed by
its rule), a part, an input of a rule, a bonus item, a primary's subtotal and the base score."""

from __future__ import annotations

from jyscore.core import rules
from jyscore.core.models import Node
from jyscore.core.numbers import format_decimal
from jyscore.form.layout import SCORE_FIELDS, item_input_labels
from jyscore.i18n.messages import counted, hint
from jyscore.writers.xlsx import formulas
from jyscore.writers.xlsx.form_sheet import FormSheet, col
from jyscore.writers.xlsx.plan import BONUS, ITEM, FormRow, depth_name


def names(form: FormSheet, r: int, row: FormRow) -> None:
    """The 一级/二级 columns (merged later) and the item's own 考察点 text."""
    assert row.node is not None and row.item is not None
    form.text(r, "primary", _group_name(row.primary))
    if row.secondary is not None:
        form.text(r, "secondary", f"{row.secondary.id} {row.secondary.name}")
    form.text(r, "methods", "\n".join(_methods(row.item, form.chains)))
    item, chain = row.item, form.chains[row.item.id]
    if row.kind in (ITEM, BONUS):
        if row.secondary is item or row.secondary is None:
            form.text(r, "focus", item.focus)
        else:
            form.text(r, "focus", depth_name(item, chain))


def item(form: FormSheet, r: int, row: FormRow) -> None:
    node = row.node
    assert node is not None
    names(form, r, row)
    form.text(r, "criteria", node.criteria)
    form.number(r, "points", rules.item_cap(node))
    entry = form.sheet.entries.get(node.id) if form.sheet else None
    if not rules.hand_scored(node):
        rule_formulas(form, r, node)
        form.note(r, node)
        return
    if node.parts and entry is None:
        first, last = form.row_of[node.parts[0].id], form.row_of[node.parts[-1].id]
        for field in SCORE_FIELDS:
            letter = col(field)
            form.formula(r, field, formulas.parts_sum(f"{letter}{first}", f"{letter}{last}"))
        return
    form.score_inputs(r, node, rules.item_cap(node))
    form.note(r, node)


def part(form: FormSheet, r: int, row: FormRow) -> None:
    node = row.node
    assert node is not None
    names(form, r, row)
    form.text(r, "criteria", node.name)
    form.number(r, "points", node.points)
    form.score_inputs(r, node, node.points)
    form.note(r, node)


def subtotal(form: FormSheet, r: int, row: FormRow) -> None:
    primary = row.node
    assert primary is not None
    items = [form.row_of[leaf.id] for leaf in primary.leaves()]
    form.label(r, hint("form-subtotal", indicator=f"{primary.id} {primary.name}"),
               primary.points)
    form.sums(r, items)


def base(form: FormSheet, r: int, row: FormRow) -> None:
    subtotals = [form.row_of[p.id] for p in form.rubric.indicators]
    form.label(r, form.rubric.labels.base, form.rubric.total)
    form.sums(r, subtotals)
    form.base_row = r


def bonus(form: FormSheet, r: int, row: FormRow) -> None:
    node = row.node
    assert node is not None and node.rule is not None
    names(form, r, row)
    form.text(r, "criteria", node.criteria)
    form.number(r, "points", rules.item_cap(node))
    form.note(r, node)
    if rules.hand_scored(node):
        form.score_inputs(r, node, rules.item_cap(node))
        return
    rule_formulas(form, r, node)


def rule_formulas(form: FormSheet, r: int, node: Node) -> None:
    """The item's score in each column, computed by its rule's own formula from the cells of
    its inputs: the 自评 cell of an input row, and for the 考核 column its 考核 cell when that
    is filled (an input given per column), else the 自评 cell."""
    rows = {name: form.input_row(node, name) for name in rules.entry_fields(node)}
    own = {name: f"${col('self')}${row}" for name, row in rows.items()}
    checked = {
        name: f'IF(ISNUMBER(${col("assessed")}${row}),${col("assessed")}${row},'
              f'IF(ISNUMBER({own[name]}),{own[name]},""))'
        for name, row in rows.items()
    }
    for field, cells_of in (("self", own), ("assessed", checked)):
        form.formula(r, field, "=" + rules.excel(node, cells_of))


def rule_input(form: FormSheet, r: int, row: FormRow) -> None:
    """An input of a rule: its cells in both columns, guarded by the input's reader."""
    node, name = row.node, row.field
    assert node is not None and node.rule is not None and name is not None
    names(form, r, row)
    form.text(r, "focus", item_input_labels(form.rubric, node)[name])
    spec = next(s for s in rules.input_specs(node) if s.name == name)
    fields = rules.entry_fields(node)
    guide = "form-input-rate" if name == "rate" and "graduates" in fields \
        else f"form-input-{spec.reader}"
    form.text(r, "criteria", hint(guide))  # the 考核 cell of an input: in the help line
    entry = form.sheet.entries.get(node.id) if form.sheet else None
    for field in SCORE_FIELDS:
        cell = form.ws[f"{col(field)}{r}"]
        form.unlock(cell)
        form.validate(cell.coordinate, spec.reader)
        if entry is None:
            continue
        if field in entry.column_inputs and name in entry.column_inputs[field]:
            cell.value = entry.column_inputs[field][name]
        elif field == "self" and name in entry.inputs:
            cell.value = entry.inputs[name]


def _group_name(node: Node | None) -> str | None:
    if node is None:
        return None
    if node.points is None:
        return f"{node.id} {node.name}"
    return f"{node.id} {node.name}" + hint(counted("form-points", node.points),
                                           points=format_decimal(node.points))


def _methods(item: Node, chains: dict[str, tuple[Node, ...]]) -> tuple[str, ...]:
    for node in (item, *reversed(chains[item.id])):
        if node.methods:
            return node.methods
    return ()
