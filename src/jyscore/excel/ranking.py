"""The ranking workbook (``jyscore rank … -o 2024-排名.xlsx``) for the office and the leadership.

* 排名: one row per college with the primary subtotals, base, bonus, total and rank (the same
  columns as every other ranking output, :func:`~jyscore.render.rank_common.rank_columns`), a
  styled and frozen header, an autofilter, and one number format for all scores whose decimals
  are declared on the 说明 sheet: enough places for every value, so nothing is rounded;
* 总分图: a bar chart of the totals (of the first :data:`CHART_ROWS` colleges), openpyxl's own
  chart, drawn by Excel/WPS/LibreOffice;
* one sheet per college with its item table (every node, its cap, both scores and the gap), for
  rankings of at most :data:`~jyscore.rank_run.DETAIL_LIMIT` colleges;
* 说明: the rubric, the column ranked on, the tie policy, any sheet skipped, what was left out.

Every text is stored as text (:func:`.cells.put_text`), so a college named ``=HYPERLINK(…)`` is
a name. The workbook is written in openpyxl's write-only (streaming) mode, so memory stays flat
however many colleges there are. openpyxl spends about as long on a cell's style as on the cell
itself, so a ranking of more than :data:`STYLED_ROWS` colleges is written as plain values (no
number format): 10,000 colleges then take about 1.5 s (benchmarks/README.md).
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties

from .. import __version__
from ..atomic import check_writable, write_atomic
from ..text import display_path, xml_safe
from ..engine import Result, Row
from ..messages import hint
from ..models import Rubric
from ..numbers import format_decimal
from .. import rank_run
from ..rank_run import RankOutcome
from ..ranking import RankedRow, Ranking
from ..render.rank_common import RankColumn, RankRenderOptions, rank_columns
from . import cells
from .layout import input_labels

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
MAX_TITLE = 31
CHART_ROW_HEIGHT_CM = 0.6
CHART_ROWS = 50  # a bar per college; more bars than this are no longer readable
STYLED_ROWS = 1000


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
    details = [row for row in rows if row.result is not None] if len(rows) <= rank_run.DETAIL_LIMIT else []
    styled = len(rows) <= STYLED_ROWS
    number_format = _number_format(_numbers(rows, columns, details)) if styled else ""
    ranking_sheet = workbook.create_sheet(outcome.rubric.labels.rank)
    _ranking_sheet(ranking_sheet, outcome, columns, number_format)
    _chart_sheet(workbook, ranking_sheet, outcome, columns)
    taken = {t.casefold() for t in (outcome.rubric.labels.rank, hint("rank-xlsx-chart"),
                                    hint("rank-xlsx-about"))}
    for row in details:
        title = sheet_title(row.college, taken)
        taken.add(title.casefold())
        assert row.result is not None
        _detail_sheet(workbook.create_sheet(title), row.result, row.rank, number_format)
    _about_sheet(workbook.create_sheet(hint("rank-xlsx-about")), outcome, number_format,
                 details=len(details))
    workbook.properties.title = xml_safe(
        f"{outcome.rubric.name} {outcome.rubric.labels.rank} {outcome.year}"
    )
    workbook.properties.creator = f"jyscore {__version__}"


# -- cells ---------------------------------------------------------------------------------------

def _cell(
    ws: WriteOnlyWorksheet, value: Any, *, style: str = "", number_format: str = ""
) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws)
    if isinstance(value, str):
        cells.put_text(cell, value)
    elif isinstance(value, Decimal):
        cell.value = Decimal(format_decimal(value))  # no exponent notation in the file
    else:
        cell.value = value
    if number_format and isinstance(value, Decimal):
        cell.number_format = number_format
    if style == "header":
        cell.font, cell.fill, cell.alignment = cells.HEADER_FONT, cells.HEADER_FILL, cells.CENTER
        cell.border = cells.BORDER
    elif style == "title":
        cell.font = cells.TITLE_FONT
    elif style == "bold":
        cell.font = cells.BOLD
    elif style == "total":
        cell.font, cell.fill = cells.BOLD, cells.TOTAL_FILL
    return cell


def _numbers(
    rows: Sequence[RankedRow], columns: Sequence[RankColumn], details: Sequence[RankedRow]
) -> Iterable[Decimal]:
    for row in rows:
        for column in columns:
            value = column.value(row)
            if isinstance(value, Decimal):
                yield value
    for row in details:
        assert row.result is not None
        for item in row.result.rows:
            yield from (v for v in item.scores.values() if v is not None)


def decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _number_format(values: Iterable[Decimal]) -> str:
    """One format with as many decimals as the most precise value: nothing is ever rounded."""
    places = max((decimals(v) for v in values), default=0)
    return "0" if places == 0 else "0." + "0" * places


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid worksheet title for a college (no []:*?/\\, at most 31 characters) whose
    casefolded form is not in ``taken``: Excel's titles are unique regardless of case."""
    base = _BAD_TITLE.sub("_", " ".join(xml_safe(name).split())).strip("'").strip() or "_"
    title = base[:MAX_TITLE]
    number = 2
    while title.casefold() in taken:
        suffix = f" ({number})"
        title = base[: MAX_TITLE - len(suffix)] + suffix
        number += 1
    return title


# -- the sheets ----------------------------------------------------------------------------------

def _ranking_sheet(
    ws: WriteOnlyWorksheet, outcome: RankOutcome, columns: Sequence[RankColumn], number_format: str,
) -> None:
    for index, column in enumerate(columns, start=1):
        width = 18 if column.key == "college" else max(8, min(16, 2 * len(column.header) + 2))
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "C2"
    last = f"{get_column_letter(len(columns))}{len(outcome.ranking.rows) + 1}"
    ws.auto_filter.ref = f"A1:{last}"
    ws.print_title_rows = "1:1"
    _print_setup(ws)
    ws.append([_cell(ws, c.header, style="header") for c in columns])
    if not number_format:  # a big ranking: plain values, see the module's doc
        for row in outcome.ranking.rows:
            ws.append([_plain(ws, c.value(row)) for c in columns])
        return
    for row in outcome.ranking.rows:
        ws.append([
            _cell(ws, c.value(row), number_format=number_format,
                  style="bold" if c.key == "total" else "")
            for c in columns
        ])


def _plain(ws: WriteOnlyWorksheet, value: Any) -> Any:
    """A value to append as it is: text that openpyxl would take for a formula (``=…``) or an
    error (``#N/A``) gets a cell that holds it as text."""
    if isinstance(value, str):
        text = cells.clean_text(value)
        return _cell(ws, text) if text.startswith(("=", "#")) else text
    if isinstance(value, Decimal):
        return Decimal(format_decimal(value))
    return value


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
    chart.title = f"{outcome.rubric.labels.total}（{outcome.year}）"
    if count < len(outcome.ranking.rows):
        chart.title = hint("rank-xlsx-chart-top", title=chart.title, count=count)
    chart.legend = None
    chart.dataLabels = DataLabelList(showVal=True, showCatName=False, showSerName=False,
                                     showLegendKey=False, showPercent=False)
    total_column = keys.index("total") + 1
    college_column = keys.index("college") + 1
    data = Reference(data_sheet, min_col=total_column, min_row=1, max_row=count + 1)
    categories = Reference(data_sheet, min_col=college_column, min_row=2, max_row=count + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.x_axis.scaling.orientation = "maxMin"  # rank 1 at the top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width = 22
    chart.height = max(8.0, 2.0 + CHART_ROW_HEIGHT_CM * count)
    _print_setup(ws)
    ws.add_chart(chart, "A1")


def _print_setup(ws: WriteOnlyWorksheet) -> None:
    """A4 landscape, as wide as one page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _detail_sheet(ws: WriteOnlyWorksheet, result: Result, rank: int, number_format: str) -> None:
    labels = result.rubric.labels
    for letter, width in zip("ABCDEFG", (10, 60, 8, 10, 10, 8, 40)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    _print_setup(ws)
    ws.append([_cell(ws, f"{result.college} {result.year}", style="title")])
    ws.append([_cell(ws, labels.rank, style="bold"), _cell(ws, rank)])
    headers = (labels.id, labels.name, labels.points, labels.self_, labels.assessed,
               labels.difference, labels.note)
    ws.append([_cell(ws, h, style="header") for h in headers])
    for item in result.rows:
        ws.append(_item_row(ws, item, number_format))
    for bonus in result.bonus_rows:
        row = _item_row(ws, bonus, number_format)
        if bonus.entry is not None and bonus.entry.inputs:
            words = input_labels(result.rubric)
            inputs = "；".join(
                f"{words.get(k, k)} {format_decimal(v)}" for k, v in bonus.entry.inputs.items()
            )
            row[-1] = _cell(ws, "；".join(t for t in (inputs, bonus.note or "") if t))
        ws.append(row)
    for name, key in ((labels.base, "base"), (labels.bonus, "bonus"), (labels.total, "total")):
        values = []
        for column in ("self", "assessed"):
            totals = result.totals.get(column)
            values.append(getattr(totals, key) if totals else None)
        ws.append([
            _cell(ws, None, style="total"), _cell(ws, name, style="total"),
            _cell(ws, None, style="total"),
            *(_cell(ws, v, number_format=number_format, style="total") for v in values),
        ])


def _item_row(ws: WriteOnlyWorksheet, item: Row, number_format: str) -> list[WriteOnlyCell]:
    name = _cell(ws, item.node.name, style="bold" if item.depth == 0 else "")
    name.alignment = Alignment(indent=item.depth, wrap_text=True, vertical="top")
    gap = item.self - item.assessed if item.self is not None and item.assessed is not None else None
    points = item.node.points if item.node.rule is None else item.node.rule.max
    return [
        _cell(ws, item.node.id),
        name,
        _cell(ws, points, number_format=number_format),
        _cell(ws, item.self, number_format=number_format),
        _cell(ws, item.assessed, number_format=number_format),
        _cell(ws, gap, number_format=number_format),
        _cell(ws, item.note),
    ]


def _about_sheet(
    ws: WriteOnlyWorksheet, outcome: RankOutcome, number_format: str, *, details: int
) -> None:
    rubric = outcome.rubric
    labels = rubric.labels
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 90
    ranking = outcome.ranking
    column_label = labels.self_ if ranking.column == "self" else labels.assessed
    if not number_format:
        numbers = hint("rank-xlsx-plain", limit=STYLED_ROWS)
    else:
        places = 0 if number_format == "0" else len(number_format) - 2
        numbers = hint("rank-xlsx-places", places=places)
    lines: list[tuple[str, str]] = [
        (hint("rank-xlsx-rubric"), f"{rubric.name}（{rubric.id}）"),
        (labels.year, str(outcome.year)),
        (hint("rank-xlsx-column"), column_label),
        (hint("rank-xlsx-ties"), outcome.tie_policy),
        (hint("rank-xlsx-numbers"), numbers),
        (hint("rank-xlsx-count"), str(len(ranking.rows))),
    ]
    if len(ranking.rows) > rank_run.DETAIL_LIMIT:
        lines.append((hint("rank-xlsx-details"),
                       hint("rank-xlsx-no-details", count=len(ranking.rows), limit=rank_run.DETAIL_LIMIT)))
    elif details < len(ranking.rows):
        missing = ", ".join(row.college for row in ranking.rows if row.result is None)
        lines.append((hint("rank-xlsx-details"), hint("rank-xlsx-details-missing", colleges=missing)))
    if len(ranking.rows) > CHART_ROWS:
        lines.append((hint("rank-xlsx-chart"), hint("rank-xlsx-chart-note", count=CHART_ROWS)))
    if outcome.skipped:
        skipped = ", ".join(display_path(s.path) for s in outcome.skipped)
        lines.append((hint("rank-xlsx-skipped"), skipped))
    lines.append((hint("rank-xlsx-total"), f"{format_decimal(rubric.total)} + {labels.bonus}"))
    for node in rubric.indicators:
        lines.append((f"{node.id} {node.name}", format_decimal(node.points or Decimal(0))))
    for node in rubric.bonus_items:
        lines.append((f"{node.id} {node.name}", node.criteria or node.focus or ""))
    lines.append(("jyscore", __version__))
    ws.append([_cell(ws, hint("rank-xlsx-about-title"), style="title")])
    for key, text in lines:
        value = _cell(ws, text)
        value.alignment = cells.WRAP_TOP
        ws.append([_cell(ws, key, style="bold"), value])
