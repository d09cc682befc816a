"""A scored sheet as a rich table that reads like the paper form. The only module importing rich."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.table import Table
from rich.text import Text

from jyscore.core import rules
from jyscore.core.engine import BonusRow, Result, Row
from jyscore.core.models import COLUMNS, Entry, Labels, Node
from jyscore.core.numbers import format_decimal, format_fraction, format_signed
from jyscore.i18n.messages import hint
from jyscore.writers.options import RenderOptions
from jyscore.writers.terminal import text_console

_DEPTH_STYLES = ("bold", "", "", "dim")
BLANK = "—"  # a figure not given (the panel table shares these three with this one)


def number_text(value: Decimal | None) -> str:
    """A figure as the form shows it (21, 21.5), or the blank mark."""
    return BLANK if value is None else format_decimal(value)


def _difference(row: Row) -> Text:
    if row.self is None or row.assessed is None:
        return Text("")
    gap = row.self - row.assessed
    if gap == 0:
        return Text("0", style="dim")
    return Text(format_signed(gap), style="yellow" if gap > 0 else "cyan")


def bonus_detail(row: BonusRow, labels: Labels) -> str:
    """The inputs behind a bonus, e.g. ``初次就业率 96% (120/125) vs 目标就业率 89.4%``."""
    entry = row.entry
    if entry is None:
        return ""
    parts = []
    rate = row.rate
    if rate is not None:
        counted = ""
        if "graduates" in entry.inputs:
            employed = format_decimal(entry.inputs["employed"])
            counted = f" ({employed}/{format_decimal(entry.inputs['graduates'])})"
        parts.append(f"{labels.rate} {format_fraction(rate)}%{counted}")
    if "target" in entry.inputs:
        parts.append(hint("bonus-against", label=labels.target,
                          value=format_decimal(entry.inputs["target"])))
    if "count" in entry.inputs:
        parts.append(f"{labels.count} {format_decimal(entry.inputs['count'])}")
    for spec in rules.input_specs(row.node):
        if spec.name in ("rate", "graduates", "employed", "target", "count"):
            continue
        shown = spec.shown(labels)
        for column, values in (("", entry.inputs), *entry.column_inputs.items()):
            if spec.name in values:
                where = f"({getattr(labels, 'self_' if column == 'self' else column, column)})" \
                    if column else ""
                parts.append(f"{shown}{where} {format_decimal(values[spec.name])}")
    points = row.assessed if row.assessed is not None else row.self
    if parts and points is not None:
        parts.append(f"→ +{format_decimal(points)}")
    return " ".join(parts)


def input_detail(node: Node, entry: Entry, labels: Labels) -> str:
    """The inputs of an item with a rule: ``专题会议次数 5/3`` (self/assessed when they differ)."""
    parts = []
    for spec in rules.input_specs(node):
        values = [entry.values(c).get(spec.name) for c in COLUMNS]
        if values[0] is None and values[1] is None:
            continue
        shown = "/".join("—" if v is None else format_decimal(v) for v in dict.fromkeys(values))
        parts.append(f"{spec.shown(labels)} {shown}")
    return hint("name-separator").join(parts)


def name_cell(row: Row, labels: Labels, entry: Entry | None = None) -> Text:
    """An item's name, indented to its depth, with the inputs behind its score below it."""
    style = _DEPTH_STYLES[min(row.depth, len(_DEPTH_STYLES) - 1)]
    if row.is_part:
        style = "dim"
    text = Text("  " * row.depth + row.node.name, style=style)
    if isinstance(row, BonusRow):
        detail = bonus_detail(row, labels)
        if detail:
            text.append(f"\n{'  ' * row.depth}{detail}", style="italic")
    elif entry is not None and not rules.hand_scored(row.node):
        detail = input_detail(row.node, entry, labels)
        if detail:
            text.append(f"\n{'  ' * row.depth}{detail}", style="italic")
    return text


def build_table(result: Result) -> Table:
    """The paper form's table: the items, the bonus, the adjustments, then the totals."""
    table = _empty_table(result)
    _item_rows(table, result)
    _bonus_rows(table, result)
    _adjustment_rows(table, result)
    table.add_section()
    _total_rows(table, result)
    _veto_row(table, result)
    _grade_row(table, result)
    return table


def _empty_table(result: Result) -> Table:
    labels = result.rubric.labels
    table = Table(
        title=f"{result.rubric.name}\n{labels.college}：{result.college}    "
        f"{labels.year}：{result.year}",
        box=box.SIMPLE_HEAD,
        show_footer=False,
    )
    table.add_column(labels.id, no_wrap=True)
    table.add_column(labels.name, overflow="ellipsis", max_width=56)
    table.add_column(labels.points, justify="right", no_wrap=True)
    table.add_column(labels.self_, justify="right", no_wrap=True)
    table.add_column(labels.assessed, justify="right", no_wrap=True)
    table.add_column(labels.difference, justify="right", no_wrap=True)
    return table


def _item_rows(table: Table, result: Result) -> None:
    """A row per item, a section per primary indicator."""
    labels = result.rubric.labels
    # parts of an item scored as a whole stay blank: leave them out, they would only add noise
    rows = [r for r in result.rows if not (r.is_part and r.self is None and r.assessed is None)]
    for index, row in enumerate(rows):
        last_of_primary = index + 1 == len(rows) or rows[index + 1].depth == 0
        points = number_text(row.node.points)
        table.add_row(
            row.node.id,
            name_cell(row, labels, result.sheet.entries.get(row.node.id)),
            points,
            number_text(row.self),
            number_text(row.assessed),
            _difference(row),
            style="bold" if row.depth == 0 else None,
            end_section=last_of_primary,
        )


def _bonus_rows(table: Table, result: Result) -> None:
    labels = result.rubric.labels
    for row in result.bonus_rows:
        table.add_row(
            row.node.id,
            name_cell(row, labels),
            "",
            number_text(row.self) if result.sheet.has_column("self") else BLANK,
            number_text(row.assessed) if result.sheet.has_column("assessed") else BLANK,
            _difference(row),
            style="bold" if row.depth == 0 else None,
        )


def _total_rows(table: Table, result: Result) -> None:
    """Base, bonus, the adjustments when the rubric has any, and the total, per column."""
    rubric = result.rubric
    labels = rubric.labels
    keys = [("base", labels.base), ("bonus", labels.bonus)]
    if rubric.adjustments:
        keys.append(("adjustment", labels.adjustments))
    keys.append(("total", labels.total))
    for key, label in keys:
        values = [_total_cell(result, column, key) for column in ("self", "assessed")]
        points = number_text(rubric.total) if key == "base" and rubric.total is not None else ""
        table.add_row("", Text(label, style="bold"), points, *values, "",
                      style="bold" if key == "total" else None)


def _total_cell(result: Result, column: str, key: str) -> str | Text:
    """One column's base, bonus, adjustment or total; a vetoed total in bold red."""
    totals = result.totals[column]
    text = number_text(getattr(totals, key)) if totals else BLANK
    vetoed = key == "total" and totals is not None and totals.vetoed
    return Text(text, style="bold red") if vetoed else text


def _veto_row(table: Table, result: Result) -> None:
    if any(t is not None and t.vetoes for t in result.totals.values()):
        table.add_row("", Text(result.rubric.labels.veto, style="bold red"), "",
                      *(_veto_cell(result, c) for c in ("self", "assessed")), "")


def _grade_row(table: Table, result: Result) -> None:
    if result.rubric.grades is None:
        return
    grades = [result.totals[c] for c in ("self", "assessed")]
    table.add_row("", Text(result.rubric.labels.grade, style="bold"), "",
                  *(Text(t.grade or BLANK if t else BLANK, style="bold") for t in grades),
                  "")


def _adjustment_rows(table: Table, result: Result) -> None:
    """One row per adjustment the sheet enters: its id, name (and note), range and amounts."""
    entered = {e.adjustment_id for e in result.sheet.adjustments}
    if not entered:
        return
    table.add_section()
    for adjustment in result.rubric.adjustments:
        if adjustment.id not in entered:
            continue
        amounts = []
        note = ""
        for column in ("self", "assessed"):
            totals = result.totals[column]
            found = [a for a in totals.adjustments if a.adjustment is adjustment] if totals else []
            amounts.append(_signed(found[0].signed) if found else BLANK)
            note = note or (found[0].note or "" if found else "")
        sign = "-" if adjustment.sign < 0 else "+"
        span = f"{sign}{format_decimal(adjustment.min)}~{sign}{format_decimal(adjustment.max)}"
        name = Text(adjustment.name)
        if note:
            name.append(f"\n{note}", style="italic")
        table.add_row(adjustment.id, name, span, *amounts, "")


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + format_decimal(value)


def _veto_cell(result: Result, column: str) -> Text:
    totals = result.totals[column]
    if totals is None or not totals.vetoes:
        return Text("")
    return Text("\n".join(f"{v.id} {v.name}" for v in totals.vetoes), style="bold red")


def render_table(result: Result, options: RenderOptions) -> str:
    console, buffer = text_console(options.width, options.color)
    console.print(build_table(result))
    return buffer.getvalue()
