"""The ranking workbook (``jyscore rank … -o 2024-排名.xlsx``) for the office and the leadership.

* 排名: a title (the rubric, the year, the column ranked on) and the tie rule, then one row per
  college with the primary subtotals, base, bonus, total and rank (the same columns as every
  other ranking output, :func:`~jyscore.writers.rank_common.rank_columns`), a styled and frozen
  header, an autofilter; every score is stored as the exact number it is and shown as it is
  (21, 21.5: :data:`.printing.NUMBER_FORMAT`), so nothing is rounded;
* 总分图: a bar chart of the totals (of the first :data:`CHART_ROWS` colleges), openpyxl's own
  chart, drawn by Excel/WPS/LibreOffice;
* one sheet per college with its item table (every node, its cap, both scores and the gap), for
  rankings of at most :data:`~jyscore.core.run.DETAIL_LIMIT` colleges;
* 说明: the rubric, the column ranked on, the tie policy, any sheet skipped, what was left out.

Every sheet prints on A4 as wide as one page, its header row on every page, the rubric and the
sheet's subject in the page header and the page number in the footer, rows as tall as their
wrapped text, all in one CJK font (:mod:`.printing`).

The college sheets and the panels' sheet are written by :mod:`.ranking_details`, every cell by
:mod:`.ranking_cells`.

Every text is stored as text (:func:`.cells.put_text`), so a college named ``=HYPERLINK(…)`` is
a name. The workbook is written in openpyxl's write-only (streaming) mode, so memory stays flat
however many colleges there are. openpyxl spends about as long on a cell's style as on the cell
itself, so a ranking of more than :data:`STYLED_ROWS` colleges is written as plain values (the
default font and format, no bold total): 10,000 colleges then take about 1.5 s
(benchmarks/README.md).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from jyscore.core import run as rank_run
from jyscore.core.models import Rubric
from jyscore.core.ranking import RankedRow, Ranking
from jyscore.core.run import RankOutcome
from jyscore.core.text import display_path, xml_safe
from jyscore.core.version import __version__
from jyscore.form.marks import OUTPUT_CATEGORY, OUTPUT_KEYWORD
from jyscore.i18n.messages import hint
from jyscore.writers.atomic import check_writable, write_atomic
from jyscore.writers.rank_common import (
    RankColumn,
    RankRenderOptions,
    grades_text,
    has_panels,
    rank_columns,
)
from jyscore.writers.xlsx import cells
from jyscore.writers.xlsx.printing import (
    GAP_FORMAT,
    NUMBER_FORMAT,
    FittedRows,
    apply_print_setup,
    text_width,
    use_cjk_font,
)
from jyscore.writers.xlsx.ranking_cells import new_cell, plain_value, sheet_layout, sheet_title
from jyscore.writers.xlsx.ranking_details import detail_sheet, panels_sheet

CHART_ROW_HEIGHT_CM = 0.6
CHART_ROWS = 50  # a bar per college; more bars than this are no longer readable
STYLED_ROWS = 1000
TITLE_ROWS = 2  # the 排名 sheet's title and its tie rule, above the header


def render_rank_xlsx(outcome: RankOutcome, options: RankRenderOptions) -> bytes:
    """The ranking workbook as bytes, for ``jyscore rank -o X.xlsx`` (RANK_FORMATS["xlsx"])."""
    buffer = io.BytesIO()
    build_ranking_workbook(outcome, show_self=options.show_self).save(buffer)
    return buffer.getvalue()


def write_ranking_workbook(
    ranking: Ranking, rubric: Rubric, path: Path, *, year: int | None = None,
    overwrite: bool = False,
) -> None:
    """Write the workbook for a :class:`Ranking` made by the library, atomically."""
    check_writable(path, overwrite)
    found_year = year if year is not None else (ranking.rows[0].year if ranking.rows else 0)
    outcome = RankOutcome(rubric, ranking, found_year, (), (), len(ranking.rows))
    write_atomic(path, build_ranking_workbook(outcome).save, overwrite=overwrite)


def build_ranking_workbook(outcome: RankOutcome, show_self: bool = False) -> Workbook:
    """The workbook, ready to save (once: write-only sheets stream to temporary files)."""
    workbook = Workbook(write_only=True)
    use_cjk_font(workbook)
    try:
        _fill(workbook, outcome, show_self)
    except BaseException:
        for sheet in workbook.worksheets:  # close the streams of a workbook never to be saved
            sheet.close()
        raise
    return workbook


def _fill(workbook: Workbook, outcome: RankOutcome, show_self: bool) -> None:
    columns = rank_columns(outcome, show_self)
    rows = outcome.ranking.rows
    details = ([row for row in rows if row.result is not None]
               if len(rows) <= rank_run.DETAIL_LIMIT else [])
    number_format = NUMBER_FORMAT if len(rows) <= STYLED_ROWS else ""
    ranking_sheet = workbook.create_sheet(outcome.rubric.labels.rank)
    _ranking_sheet(ranking_sheet, outcome, columns, number_format)
    _chart_sheet(workbook, ranking_sheet, outcome, columns)
    taken = {t.casefold() for t in (outcome.rubric.labels.rank, hint("rank-xlsx-chart"),
                                    hint("rank-xlsx-about"))}
    for row in details:
        title = sheet_title(row.college, taken)
        taken.add(title.casefold())
        assert row.result is not None
        detail_sheet(workbook.create_sheet(title), row.result, row.rank,
                     number_format or NUMBER_FORMAT,
                     ranked_grade=(outcome.ranking.column, row.grade))
    if has_panels(outcome):
        title = sheet_title(hint("rank-xlsx-panels"), taken)
        taken.add(title.casefold())
        panels_sheet(workbook.create_sheet(title), outcome.rubric, outcome.ranking,
                     number_format)
    _about_sheet(workbook.create_sheet(hint("rank-xlsx-about")), outcome, number_format,
                 details=len(details))
    workbook.properties.title = xml_safe(
        f"{outcome.rubric.name} {outcome.rubric.labels.rank} {outcome.year}"
    )
    workbook.properties.creator = f"jyscore {__version__}"
    # an output, never a sheet: discovery skips it when it lies among the sheets (.marks)
    workbook.properties.keywords = OUTPUT_KEYWORD
    workbook.properties.category = OUTPUT_CATEGORY


# -- the sheets ----------------------------------------------------------------------------------

def _ranking_sheet(
    ws: WriteOnlyWorksheet, outcome: RankOutcome, columns: Sequence[RankColumn], number_format: str,
) -> None:
    rows = outcome.ranking.rows
    widths = [_ranking_width(column, rows) for column in columns]
    for index, width in enumerate(widths, start=1):
        sheet_layout(ws).column_dimensions[get_column_letter(index)].width = width
    header = TITLE_ROWS + 1
    last_column = get_column_letter(len(columns))
    ws.freeze_panes = f"C{header + 1}"
    sheet_layout(ws).auto_filter.ref = f"A{header}:{last_column}{len(rows) + header}"
    apply_print_setup(ws, document=outcome.rubric.name, section=outcome.rubric.labels.rank,
                      title_rows=f"{header}:{header}", widths=widths)
    fitted = FittedRows(ws)
    for row_index, (text, style) in enumerate(_ranking_title(outcome), start=1):
        sheet_layout(ws).merged_cells.add(f"A{row_index}:{last_column}{row_index}")
        cell = new_cell(ws, text, style=style)
        cell.alignment = cells.CENTER if style == "title" else cells.WRAP
        fitted.append([cell, *(new_cell(ws, None) for _ in columns[1:])])
    fitted.append([new_cell(ws, c.header, style="header") for c in columns])
    if not number_format:  # a big ranking: plain values, see the module's doc
        for row in rows:
            ws.append([plain_value(ws, c.value(row)) for c in columns])
        return
    for row in rows:
        fitted.append(_styled_row(ws, row, columns, number_format))


def _styled_row(
    ws: WriteOnlyWorksheet, row: RankedRow, columns: Sequence[RankColumn], number_format: str,
) -> list[Cell]:
    """A college's row: the total in bold, a vetoed total and its veto highlighted."""
    line = [
        new_cell(ws, c.value(row), number_format=GAP_FORMAT if c.key == "gap" else number_format,
                 style=("veto" if row.vetoes and c.key in ("veto", "total")
                        else "bold" if c.key == "total" else ""))
        for c in columns
    ]
    for cell, column in zip(line, columns, strict=False):
        cell.alignment = cells.WRAP if not column.numeric else cells.MIDDLE
    return line


def _ranking_title(outcome: RankOutcome) -> list[tuple[str, str]]:
    """The rows above the header: the title (rubric, year, the column ranked on), the tie rule."""
    labels = outcome.rubric.labels
    column = labels.self_ if outcome.ranking.column == "self" else labels.assessed
    title = hint("rank-xlsx-title", rubric=outcome.rubric.name, year=outcome.year, column=column)
    return [(title, "title"), (outcome.tie_policy, "")]


def _ranking_width(column: RankColumn, rows: Sequence[RankedRow]) -> float:
    """A column as wide as its widest value (a college's name up to 30 units); a number column
    wraps its header (``市场开发\n与建设``) rather than grow past 10 units."""
    if column.numeric:
        return max(7.0, min(10.0, text_width(column.header) + 1))
    names = (text_width(str(column.value(row) or "")) for row in rows[:STYLED_ROWS])
    return max(12.0, min(30.0, max(names, default=0.0) + 1.5))


def _chart_sheet(
    workbook: Workbook, data_sheet: WriteOnlyWorksheet, outcome: RankOutcome,
    columns: Sequence[RankColumn],
) -> None:
    ws = workbook.create_sheet(hint("rank-xlsx-chart"))
    count = min(len(outcome.ranking.rows), CHART_ROWS)
    keys = [c.key for c in columns]
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: long college names stay readable
    chart.style = 10
    title = f"{outcome.rubric.labels.total}（{outcome.year}）"
    if count < len(outcome.ranking.rows):
        title = hint("rank-xlsx-chart-top", title=title, count=count)
    chart.title = title
    chart.legend = None
    chart.dataLabels = DataLabelList(showVal=True, showCatName=False, showSerName=False,
                                     showLegendKey=False, showPercent=False)
    total_column = keys.index("total") + 1
    college_column = keys.index("college") + 1
    header = TITLE_ROWS + 1
    data = Reference(data_sheet, min_col=total_column, min_row=header, max_row=count + header)
    categories = Reference(data_sheet, min_col=college_column, min_row=header + 1,
                           max_row=count + header)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.x_axis.scaling.orientation = "maxMin"  # rank 1 at the top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width = 22
    chart.height = max(8.0, 2.0 + CHART_ROW_HEIGHT_CM * count)
    apply_print_setup(ws, document=outcome.rubric.name, section=title, landscape=True)
    ws.add_chart(chart, "A1")


def _about_sheet(
    ws: WriteOnlyWorksheet, outcome: RankOutcome, number_format: str, *, details: int
) -> None:
    """What the workbook is: the run, what was left out of it, the rubric."""
    widths = (24, 70)
    sheet_layout(ws).column_dimensions["A"].width, sheet_layout(ws).column_dimensions["B"].width = (
        widths
    )
    apply_print_setup(ws, document=outcome.rubric.name, section=hint("rank-xlsx-about"),
                      widths=widths)
    lines = [*_about_run(outcome), *_about_left_out(outcome, details), *_about_panels(outcome),
             *_about_skipped(outcome), *_about_rubric(outcome.rubric)]
    fitted = FittedRows(ws)
    sheet_layout(ws).merged_cells.add("A1:B1")
    fitted.append([new_cell(ws, hint("rank-xlsx-about-title"), style="title")])
    for key, value in lines:
        key_cell = new_cell(ws, key or None, style="bold")
        key_cell.alignment = cells.WRAP_TOP
        value_cell = new_cell(ws, value, number_format=NUMBER_FORMAT)
        value_cell.alignment = cells.WRAP_TOP_LEFT
        fitted.append([key_cell, value_cell])


_AboutLine = tuple[str, str | int | Decimal]


def _about_run(outcome: RankOutcome) -> list[_AboutLine]:
    """The rubric, the year, the column ranked on, the tie rule and the count of colleges."""
    rubric = outcome.rubric
    labels = rubric.labels
    ranking = outcome.ranking
    column_label = labels.self_ if ranking.column == "self" else labels.assessed
    return [
        (hint("rank-xlsx-rubric"), f"{rubric.name}（{rubric.id}）"),
        (labels.year, outcome.year),
        (hint("rank-xlsx-column"), column_label),
        (hint("rank-xlsx-ties"), outcome.tie_policy),
        (hint("rank-xlsx-numbers"), hint("rank-xlsx-exact")),
        (hint("rank-xlsx-count"), len(ranking.rows)),
    ]


def _about_left_out(outcome: RankOutcome, details: int) -> list[_AboutLine]:
    """The item tables not in the workbook, and the colleges past the chart's bars."""
    rows = outcome.ranking.rows
    lines: list[_AboutLine] = []
    if len(rows) > rank_run.DETAIL_LIMIT:
        lines.append((hint("rank-xlsx-details"),
                      hint("rank-xlsx-no-details", count=len(rows),
                           limit=rank_run.DETAIL_LIMIT)))
    elif details < len(rows):
        missing = ", ".join(row.college for row in rows if row.result is None)
        lines.append((hint("rank-xlsx-details"),
                      hint("rank-xlsx-details-missing", colleges=missing)))
    if len(rows) > CHART_ROWS:
        lines.append((hint("rank-xlsx-chart"), hint("rank-xlsx-chart-note", count=CHART_ROWS)))
    return lines


def _about_panels(outcome: RankOutcome) -> list[_AboutLine]:
    """How the panels were aggregated, when the ranking has one."""
    panel = next((row.standing.panel for row in outcome.ranking.rows if row.standing.panel), None)
    if panel is None:
        return []
    settings = panel.settings
    return [(hint("rank-xlsx-panels"), hint(
        "rank-xlsx-panel-method", method=hint(f"panel-method-{settings.method}"),
        level=hint(f"panel-level-{settings.level}"), places=settings.places))]


def _about_skipped(outcome: RankOutcome) -> list[_AboutLine]:
    """A row per sheet skipped: one cell could not hold them."""
    return [(hint("rank-xlsx-skipped") if index == 0 else "", display_path(skipped.path))
            for index, skipped in enumerate(outcome.skipped)]


def _about_rubric(rubric: Rubric) -> list[_AboutLine]:
    """The rubric's total and grades, its primary indicators and bonus items, our version."""
    lines: list[_AboutLine] = []
    if rubric.total is not None:
        lines.append((hint("rank-xlsx-total", base=rubric.labels.base), rubric.total))
    if rubric.grades is not None:
        lines.append((hint("rank-xlsx-grades"), grades_text(rubric.grades)))
    for node in rubric.indicators:
        lines.append((f"{node.id} {node.name}", node.points or Decimal(0)))
    for node in rubric.bonus_items:
        lines.append((f"{node.id} {node.name}", node.criteria or node.focus or ""))
    lines.append(("jyscore", __version__))
    return lines
