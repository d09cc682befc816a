"""A panel's result as a rich table: one column per assessor and the aggregate beside them.

The figures an aggregate did not use (the highest and lowest of a trimmed mean, all but the
middle of a median) are in parentheses (and struck through in colour); the caption says who
assessed, the method, the level and the rounding.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from jyscore.core.engine import Row, Totals
from jyscore.core.models import ASSESSED, SELF
from jyscore.core.numbers import format_decimal
from jyscore.core.panels import Figure, Panel, adjustment_key
from jyscore.i18n.messages import hint
from jyscore.writers.options import RenderOptions
from jyscore.writers.table import BLANK, name_cell, number_text
from jyscore.writers.terminal import text_console

_DROPPED = "dim strike"


def describe_panel(panel: Panel) -> str:
    settings = panel.settings
    return hint(
        "panel-caption", count=len(panel.members),
        assessors=hint("name-separator").join(panel.assessors),
        aggregate=hint("panel-aggregate"), method=hint(f"panel-method-{settings.method}"),
        level=hint(f"panel-level-{settings.level}"), places=settings.places,
    )


def _member_cells(panel: Panel, key: str, values: list[Row] | None) -> list[Text]:
    """Each assessor's figure for ``key`` (struck through where the method dropped it)."""
    found: Figure | None = panel.figures.get("adjustments" if key == "adjustment" else key)
    cells = []
    for index, member in enumerate(panel.members):
        if values is not None:
            value = values[index].scores.get(ASSESSED)
        else:
            totals = member.totals
            value = getattr(totals, key) if totals else None
        dropped = found is not None and not found.kept[index]
        shown = number_text(value)
        text = f"({shown})" if dropped else shown  # seen without colour too
        cells.append(Text(text, style=_DROPPED if dropped else ""))
    return cells


def build_panel_table(panel: Panel) -> Table:
    """The items, the bonus and the adjustments per assessor, then the totals, vetoes, grade."""
    table = _empty_table(panel)
    result = panel.result
    _item_rows(table, panel, result.rows, "rows")
    _item_rows(table, panel, result.bonus_rows, "bonus_rows")
    _adjustment_rows(table, panel)
    table.add_section()
    _total_rows(table, panel)
    _veto_row(table, panel)
    _grade_row(table, panel)
    return table


def _empty_table(panel: Panel) -> Table:
    """The title, the caption and the columns: one per assessor before the aggregate."""
    result = panel.result
    labels = result.rubric.labels
    table = Table(
        title=f"{result.rubric.name}\n{labels.college}：{result.college}    "
        f"{labels.year}：{result.year}",
        caption=describe_panel(panel), caption_justify="left", box=box.SIMPLE_HEAD,
    )
    table.add_column(labels.id, no_wrap=True)
    table.add_column(labels.name, overflow="ellipsis", max_width=48)
    table.add_column(labels.points, justify="right", no_wrap=True)
    table.add_column(labels.self_, justify="right", no_wrap=True)
    for name in panel.assessors:
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column(f"{labels.assessed}\n{hint('panel-aggregate')}", justify="right",
                     no_wrap=True, style="bold")
    return table


def _item_rows(table: Table, panel: Panel, rows: tuple[Row, ...], of: str) -> None:
    """The rows of the items (``of="rows"``, a section per primary indicator) or of the bonus."""
    labels = panel.result.rubric.labels
    members = [getattr(m.result, of) for m in panel.members]
    for index, row in enumerate(rows):
        if row.is_part and all(m[index].scores.get(ASSESSED) is None for m in members):
            continue  # a part of an item scored as a whole: blank on every sheet
        table.add_row(
            row.node.id, name_cell(row, labels), number_text(row.node.points),
            number_text(row.scores.get(SELF)),
            *_member_cells(panel, row.node.id, [m[index] for m in members]),
            number_text(row.scores.get(ASSESSED)),
            style="bold" if row.depth == 0 else None,
            end_section=of == "rows" and (index + 1 == len(rows) or rows[index + 1].depth == 0),
        )


def _total_rows(table: Table, panel: Panel) -> None:
    """Base, bonus, the adjustments when the rubric has any, and the total."""
    result = panel.result
    rubric = result.rubric
    labels = rubric.labels
    own = result.totals.get(SELF)
    aggregate = result.totals.get(ASSESSED)
    keys = [("base", labels.base), ("bonus", labels.bonus)]
    if rubric.adjustments:
        keys.append(("adjustment", labels.adjustments))
    keys.append(("total", labels.total))
    for key, label in keys:
        vetoed = key == "total" and aggregate is not None and aggregate.vetoed
        table.add_row(
            "", Text(label, style="bold"), number_text(rubric.total) if key == "base" else "",
            number_text(getattr(own, key)) if own else BLANK,
            *_member_cells(panel, key, None),
            Text(number_text(getattr(aggregate, key)) if aggregate else BLANK,
                 style="bold red" if vetoed else ""),
            style="bold" if key == "total" else None,
        )


def _veto_row(table: Table, panel: Panel) -> None:
    """The vetoes by id per column, their reasons once beside the label."""
    result = panel.result
    own = result.totals.get(SELF)
    aggregate = result.totals.get(ASSESSED)
    if not any(t is not None and t.vetoes
               for t in (own, aggregate, *(m.totals for m in panel.members))):
        return
    reasons = {v.id: v for t in (aggregate, own) if t is not None for v in t.vetoes}
    veto_label = Text(result.rubric.labels.veto, style="bold red")
    for veto in reasons.values():  # the reason once, beside the label; the columns say who
        veto_label.append(f"\n{veto.id} {veto.name}", style="red")
    table.add_row("", veto_label, "", _vetoes(own),
                  *(_vetoes(m.totals) for m in panel.members), _vetoes(aggregate))


def _grade_row(table: Table, panel: Panel) -> None:
    result = panel.result
    if result.rubric.grades is None:
        return
    own = result.totals.get(SELF)
    aggregate = result.totals.get(ASSESSED)
    table.add_row("", Text(result.rubric.labels.grade, style="bold"), "",
                  *(Text(t.grade or BLANK if t else BLANK, style="bold")
                    for t in (own, *(m.totals for m in panel.members), aggregate)))


def _adjustment_rows(table: Table, panel: Panel) -> None:
    """One row per adjustment the panel enters: the college's own amount, each assessor's and
    the aggregate of them (an assessor who does not enter it counts 0)."""
    result = panel.result
    entered = {e.adjustment_id: e for e in result.sheet.adjustments}
    if not entered:
        return
    table.add_section()
    own = result.totals.get(SELF)
    aggregate = result.totals.get(ASSESSED)
    for adjustment in result.rubric.adjustments:
        entry = entered.get(adjustment.id)
        if entry is None:
            continue
        found = panel.figures.get(adjustment_key(adjustment.id))
        cells: list[str | Text] = [_applied(own, adjustment.id)]
        for index, member in enumerate(panel.members):
            text = _applied(member.totals, adjustment.id, blank="0")
            dropped = found is not None and not found.kept[index]
            cells.append(Text(f"({text})" if dropped else text, style=_DROPPED if dropped else ""))
        cells.append(_applied(aggregate, adjustment.id))
        sign = "-" if adjustment.sign < 0 else "+"
        span = f"{sign}{format_decimal(adjustment.min)}~{sign}{format_decimal(adjustment.max)}"
        name = Text(adjustment.name)
        if entry.note:
            name.append(f"\n{entry.note}", style="italic")
        table.add_row(adjustment.id, name, span, *cells)


def _applied(totals: Totals | None, adjustment_id: str, blank: str = BLANK) -> str:
    found = [a for a in totals.adjustments if a.adjustment.id == adjustment_id] if totals else []
    if not found:
        return blank
    signed = found[0].signed
    return ("+" if signed > 0 else "") + format_decimal(signed)


def _vetoes(totals: Totals | None) -> Text:
    """The vetoes a column reports, by id (their reasons are beside the row's label)."""
    if totals is None or not totals.vetoes:
        return Text("")
    return Text("\n".join(v.id for v in totals.vetoes), style="bold red")


def render_panel_table(panel: Panel, options: RenderOptions) -> str:
    console, buffer = text_console(options.width, options.color)
    console.print(build_panel_table(panel))
    return buffer.getvalue()
