"""A ranking as a rich table: 排名, 学院, the primary indicators, 基础分, 加分, 总分.

Numbers are exact and right-aligned, a column's decimals to the same places (``98.0`` over ``94.5``); the caption
states the tie policy, and a note under the table names every sheet skipped as invalid.
"""

from __future__ import annotations

import io
from decimal import Decimal

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from ..rank_run import RankOutcome
from .rank_common import (
    RankColumn, RankRenderOptions, cell_text, quota_note, rank_columns, skipped_note, title,
)

_BLANK = "—"
_UNLIMITED = 1000


def aligned(values: list[str]) -> list[str]:
    """Give a column's decimals the same number of places, so that right-aligned their points
    line up: ``98`` over ``94.5`` becomes ``98.0`` over ``94.5``. Exact: only zeros are added."""
    places = [len(v.partition(".")[2]) for v in values]
    widest = max(places, default=0)
    out = []
    for value, own in zip(values, places):
        if value == _BLANK or own == widest:
            out.append(value)
        else:
            out.append(value + ("." if own == 0 else "") + "0" * (widest - own))
    return out


def _gap_style(value: object) -> str:
    if isinstance(value, Decimal) and value > 0:
        return "yellow"
    if isinstance(value, Decimal) and value < 0:
        return "cyan"
    return ""


def _header(text: str, wrap: bool) -> str:
    """A long header in two lines (``市场开发\n与建设``), when the table must fit a terminal."""
    if not wrap or len(text) <= 4:
        return text
    half = (len(text) + 1) // 2
    return f"{text[:half]}\n{text[half:]}"


def build_rank_table(
    outcome: RankOutcome, options: RankRenderOptions, wrap_headers: bool = False
) -> Table:
    columns: list[RankColumn] = rank_columns(outcome, options.show_self, grade_notes=False)
    rows = outcome.ranking.rows
    table = Table(title=title(outcome), caption=outcome.tie_policy, box=box.SIMPLE_HEAD,
                  caption_justify="left")
    texts: list[list[str]] = []
    for column in columns:
        values = [cell_text(column.value(row)) or _BLANK for row in rows]
        texts.append(aligned(values) if column.numeric else values)
        table.add_column(
            _header(column.header, wrap_headers and column.numeric),
            justify="right" if column.numeric else "left",
            no_wrap=True,
            style="bold" if column.key == "total" else None,
        )
    for index, row in enumerate(rows):
        cells = []
        for column, values in zip(columns, texts):
            style = _gap_style(column.value(row)) if column.key == "gap" else ""
            if row.vetoes and column.key in ("veto", "total"):
                style = "bold red"  # a veto is shown wherever the total is
            cells.append(Text(values[index], style=style))
        table.add_row(*cells)
    return table


def _natural_width(console: Console, table: Table) -> int:
    return Measurement.get(console, console.options.update_width(_UNLIMITED), table).maximum


def render_rank_table(outcome: RankOutcome, options: RankRenderOptions) -> str:
    """The table at its natural width: no score and no name is ever cut or folded.

    On a terminal narrower than that the long headers take two lines (``市场开发\n与建设``);
    if it is narrower still, the table keeps its width (use ``--format markdown`` or a wider
    window). Piped or written to a file the width is never limited.
    """
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=_UNLIMITED,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="auto" if options.color else None,
        highlight=False,
        markup=False,  # college names are data: "[b]" in one is text
        emoji=False,
    )
    table = build_rank_table(outcome, options)
    width = _natural_width(console, table)
    if options.color and width > options.width:
        table = build_rank_table(outcome, options, wrap_headers=True)
        width = _natural_width(console, table)
    console.width = max(width, options.width) if options.color else width
    console.print(table)
    for row in outcome.ranking.rows:
        if row.drops:
            console.print(Text(f"{row.college}: {quota_note(row)}", style="yellow"))
    note = skipped_note(outcome)
    if note:
        console.print(Text(note, style="yellow"))
    return buffer.getvalue()
