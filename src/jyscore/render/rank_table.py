"""A ranking as a rich table: 排名, 学院, the primary indicators, 基础分, 加分, 总分.

Numbers are exact and look as in ``jyscore score`` (21, 21.5; a gap signed, +0.5); the caption
states the tie policy, and a note under the table names every sheet skipped as invalid.

The table fits the width it is given (the terminal's, ``COLUMNS``, or 120 when piped): when its
natural width is more, the long headers take two lines (``市场开发\n与建设``), then long college
names are shortened with an ellipsis, then primary indicator columns are left out from the right,
with a note naming them. Scores are never cut.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from ..messages import hint
from ..numbers import format_signed
from ..rank_run import RankOutcome
from .rank_common import RankColumn, RankRenderOptions, cell_text, rank_columns, skipped_note, title

_BLANK = "—"
_UNLIMITED = 1000
SHORT_HEADER = 8  # headers up to this many cells stay on one line
MIN_NAME = 10  # cells a shortened college name keeps (four CJK characters and the ellipsis)


@dataclass(frozen=True)
class Fit:
    """How a table is narrowed: headers in two lines, college names cut to ``name_width`` cells,
    the columns with keys in ``dropped`` left out."""

    wrap_headers: bool = False
    name_width: int | None = None
    dropped: tuple[str, ...] = ()


def _gap_style(value: object) -> str:
    if isinstance(value, Decimal) and value > 0:
        return "yellow"
    if isinstance(value, Decimal) and value < 0:
        return "cyan"
    return ""


def _text(column: RankColumn, value: object) -> str:
    if column.key == "gap" and isinstance(value, Decimal):
        return format_signed(value)
    return cell_text(value) or _BLANK  # type: ignore[arg-type]


def split_header(text: str) -> str:
    """A long header in two lines of about equal width (``市场开发\n与建设``); CJK characters
    count two cells."""
    if cell_len(text) <= SHORT_HEADER or "\n" in text:
        return text
    half = cell_len(text) / 2
    width = 0
    for index, char in enumerate(text):
        width += cell_len(char)
        if width >= half and 0 < index + 1 < len(text):
            return f"{text[: index + 1]}\n{text[index + 1:]}"
    return text


def build_rank_table(outcome: RankOutcome, options: RankRenderOptions, fit: Fit = Fit()) -> Table:
    columns = [c for c in rank_columns(outcome, options.show_self) if c.key not in fit.dropped]
    rows = outcome.ranking.rows
    table = Table(title=title(outcome), caption=outcome.tie_policy, box=box.SIMPLE_HEAD,
                  caption_justify="left")
    for column in columns:
        cut = column.key == "college" and fit.name_width is not None
        table.add_column(
            split_header(column.header) if fit.wrap_headers and column.numeric else column.header,
            justify="right" if column.numeric else "left",
            no_wrap=True,
            overflow="ellipsis",
            max_width=fit.name_width if cut else None,
            style="bold" if column.key == "total" else None,
        )
    for row in rows:
        cells = []
        for column in columns:
            value = column.value(row)
            style = _gap_style(value) if column.key == "gap" else ""
            cells.append(Text(_text(column, value), style=style))
        table.add_row(*cells)
    return table


def _natural_width(console: Console, table: Table) -> int:
    return Measurement.get(console, console.options.update_width(_UNLIMITED), table).maximum


def fit_table(
    console: Console, outcome: RankOutcome, options: RankRenderOptions, width: int
) -> tuple[Table, Fit]:
    """The table narrowed, step by step, until it is at most ``width`` cells wide."""
    fit = Fit()
    table = build_rank_table(outcome, options, fit)
    if _natural_width(console, table) <= width:
        return table, fit
    fit = Fit(wrap_headers=True)
    table = build_rank_table(outcome, options, fit)
    excess = _natural_width(console, table) - width
    if excess > 0:
        names = max((cell_len(row.college) for row in outcome.ranking.rows), default=0)
        if names > MIN_NAME:
            fit = Fit(wrap_headers=True, name_width=max(MIN_NAME, names - excess))
            table = build_rank_table(outcome, options, fit)
    primaries = [node.id for node in outcome.rubric.indicators]
    while _natural_width(console, table) > width and primaries:
        fit = Fit(fit.wrap_headers, fit.name_width, (*fit.dropped, primaries.pop()))
        table = build_rank_table(outcome, options, fit)
    return table, fit


def render_rank_table(outcome: RankOutcome, options: RankRenderOptions) -> str:
    """The table at most ``options.width`` cells wide (see the module's doc), then its notes."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="auto" if options.color else None,
        highlight=False,
        markup=False,  # college names are data: "[b]" in one is text
        emoji=False,
    )
    table, fit = fit_table(console, outcome, options, options.width)
    console.print(table)
    if fit.dropped:
        names = [node.name for node in outcome.rubric.indicators if node.id in fit.dropped]
        console.print(Text(hint("rank-columns-dropped", count=len(names), columns=", ".join(names),
                                width=options.width), style="dim"))
    note = skipped_note(outcome)
    if note:
        console.print(Text(note, style="yellow"))
    return buffer.getvalue()
