"""A ranking as a rich table: 排名, 学院, the primary indicators, 基础分, 加分, 总分.

Numbers are exact and look as in ``jyscore score`` (21, 21.5; a gap signed, +0.5); the caption
states the tie policy, and a note under the table names every sheet skipped as invalid.

The table fits the width it is given (the terminal's, ``COLUMNS``, or 120 when piped): when its
natural width is more, the long headers take two lines (``市场开发\n与建设``), then long college
names are shortened with an ellipsis, then primary indicator columns are left out from the right,
with a note naming them. Scores are never cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from jyscore.core.numbers import format_signed
from jyscore.core.run import RankOutcome
from jyscore.i18n.messages import hint
from jyscore.writers.rank_common import (
    RankColumn,
    RankRenderOptions,
    cell_text,
    quota_note,
    rank_columns,
    skipped_note,
    title,
)
from jyscore.writers.terminal import text_console

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
    """A long header in two lines of about equal width: ``市场开发\n与建设`` (CJK characters count
    two cells, and may break anywhere), ``self\ntotal`` (other text breaks at a space only)."""
    if cell_len(text) <= SHORT_HEADER or "\n" in text:
        return text
    half = cell_len(text) / 2
    best: tuple[float, int] | None = None
    width = 0
    for index, char in enumerate(text[:-1]):
        width += cell_len(char)
        after = text[index + 1]
        if char == " ":
            cut = index  # the space goes
        elif cell_len(char) == 2 or cell_len(after) == 2:
            cut = index + 1
        else:
            continue
        distance = abs(width - half)
        if best is None or distance <= best[0]:  # a tie: the first line the longer
            best = (distance, cut)
    if best is None:
        return text
    cut = best[1]
    return f"{text[:cut]}\n{text[cut:].lstrip(' ')}"


def build_rank_table(outcome: RankOutcome, options: RankRenderOptions, fit: Fit = Fit()) -> Table:
    columns = [
        c for c in rank_columns(outcome, options.show_self, grade_notes=False)
        if c.key not in fit.dropped
    ]
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
            if row.vetoes and column.key in ("veto", "total"):
                style = "bold red"  # a veto is shown wherever the total is
            cells.append(Text(_text(column, value), style=style))
        table.add_row(*cells)
    return table


def _natural_width(console: Console, table: Table) -> int:
    return Measurement.get(console, console.options.update_width(_UNLIMITED), table).maximum


def fit_table(
    console: Console, outcome: RankOutcome, options: RankRenderOptions, width: int
) -> tuple[Table, Fit]:
    """The table narrowed until it is at most ``width`` cells wide: long headers in two lines,
    then college names cut (to no less than :data:`MIN_NAME` cells), then primary indicator
    columns left out from the right, as few as it takes (names as long as they can then be)."""
    table = build_rank_table(outcome, options)
    if _natural_width(console, table) <= width:
        return table, Fit()
    names = max((cell_len(row.college) for row in outcome.ranking.rows), default=0)
    primaries = [node.id for node in outcome.rubric.indicators]
    dropped: tuple[str, ...] = ()
    while True:
        fit = Fit(wrap_headers=True, dropped=dropped)
        table = build_rank_table(outcome, options, fit)
        excess = _natural_width(console, table) - width
        if excess <= 0:
            return table, fit
        if names - excess >= MIN_NAME or not primaries:
            fit = Fit(wrap_headers=True, name_width=max(MIN_NAME, names - excess), dropped=dropped)
            return build_rank_table(outcome, options, fit), fit
        dropped = (*dropped, primaries.pop())


def render_rank_table(outcome: RankOutcome, options: RankRenderOptions) -> str:
    """The table at most ``options.width`` cells wide (see the module's doc), then its notes."""
    console, buffer = text_console(options.width, options.color)
    table, fit = fit_table(console, outcome, options, options.width)
    console.print(table)
    for row in outcome.ranking.rows:
        if row.drops:
            console.print(Text(hint("college-note", college=row.college, note=quota_note(row)),
                               style="yellow"))
    if fit.dropped:
        names = [node.name for node in outcome.rubric.indicators if node.id in fit.dropped]
        console.print(Text(hint("rank-columns-dropped", columns=hint("name-separator").join(names),
                                width=options.width), style="dim"))
    note = skipped_note(outcome)
    if note:
        console.print(Text(note, style="yellow"))
    return buffer.getvalue()
