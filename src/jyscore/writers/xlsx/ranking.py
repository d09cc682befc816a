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

Every text is stored as text (:func:`.cells.put_text`), so a college named ``=HYPERLINK(…)`` is
a name. The workbook is written in openpyxl's write-only (streaming) mode, so memory stays flat
however many colleges there are. openpyxl spends about as long on a cell's style as on the cell
itself, so a ranking of more than :data:`STYLED_ROWS` colleges is written as plain values (the
default font and format, no bold total): 10,000 colleges then take about 1.5 s
(benchmarks/README.md).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from jyscore.core import rules
from jyscore.core import run as rank_run
from jyscore.core.engine import Result, Row
from jyscore.core.models import Rubric
from jyscore.core.numbers import format_decimal
from jyscore.core.ranking import RankedRow, Ranking
from jyscore.core.run import RankOutcome
from jyscore.core.text import display_path, xml_safe
from jyscore.core.version import __version__
from jyscore.form.layout import item_input_labels
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
    cjk_font,
    text_width,
    use_cjk_font,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.cell_range import MultiCellRange
    from openpyxl.worksheet.dimensions import ColumnDimension, DimensionHolder
    from openpyxl.worksheet.filters import AutoFilter

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
MAX_TITLE = 31
CHART_ROW_HEIGHT_CM = 0.6
CHART_ROWS = 50  # a bar per college; more bars than this are no longer readable
STYLED_ROWS = 1000
_VETO_FONT = cjk_font(bold=True, color="C00000")
_VETO_FILL = PatternFill("solid", fgColor="FDE9E7")
TITLE_ROWS = 2  # the 排名 sheet's title and its tie rule, above the header
DETAIL_WIDTHS = (8, 46, 6, 8, 8, 6, 18)  # 编号 指标 分值 自评 考核 差值 备注


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
        _detail_sheet(workbook.create_sheet(title), row.result, row.rank,
                      number_format or NUMBER_FORMAT,
                      ranked_grade=(outcome.ranking.column, row.grade))
    if has_panels(outcome):
        title = sheet_title(hint("rank-xlsx-panels"), taken)
        taken.add(title.casefold())
        _panels_sheet(workbook.create_sheet(title), outcome, number_format)
    _about_sheet(workbook.create_sheet(hint("rank-xlsx-about")), outcome, number_format,
                 details=len(details))
    workbook.properties.title = xml_safe(
        f"{outcome.rubric.name} {outcome.rubric.labels.rank} {outcome.year}"
    )
    workbook.properties.creator = f"jyscore {__version__}"
    # an output, never a sheet: discovery skips it when it lies among the sheets (.marks)
    workbook.properties.keywords = OUTPUT_KEYWORD
    workbook.properties.category = OUTPUT_CATEGORY


# -- cells ---------------------------------------------------------------------------------------

class _Layout(Protocol):
    """What a write-only sheet has as a Worksheet has it, and openpyxl's stubs leave out."""

    column_dimensions: DimensionHolder[str, ColumnDimension]
    merged_cells: MultiCellRange
    auto_filter: AutoFilter


def _layout(ws: WriteOnlyWorksheet) -> _Layout:
    return cast("_Layout", ws)


def _cell(
    ws: WriteOnlyWorksheet, value: Any, *, style: str = "", number_format: str = ""
) -> Cell:
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
    elif style == "veto":  # a veto is shown wherever the total is
        cell.font, cell.fill = _VETO_FONT, _VETO_FILL
    return cell


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
    rows = outcome.ranking.rows
    widths = [_ranking_width(column, rows) for column in columns]
    for index, width in enumerate(widths, start=1):
        _layout(ws).column_dimensions[get_column_letter(index)].width = width
    header = TITLE_ROWS + 1
    last_column = get_column_letter(len(columns))
    ws.freeze_panes = f"C{header + 1}"
    _layout(ws).auto_filter.ref = f"A{header}:{last_column}{len(rows) + header}"
    apply_print_setup(ws, document=outcome.rubric.name, section=outcome.rubric.labels.rank,
                      title_rows=f"{header}:{header}", widths=widths)
    fitted = FittedRows(ws)
    for row_index, (text, style) in enumerate(_ranking_title(outcome), start=1):
        _layout(ws).merged_cells.add(f"A{row_index}:{last_column}{row_index}")
        cell = _cell(ws, text, style=style)
        cell.alignment = cells.CENTER if style == "title" else cells.WRAP
        fitted.append([cell, *(_cell(ws, None) for _ in columns[1:])])
    fitted.append([_cell(ws, c.header, style="header") for c in columns])
    if not number_format:  # a big ranking: plain values, see the module's doc
        for row in rows:
            ws.append([_plain(ws, c.value(row)) for c in columns])
        return
    for row in rows:
        line = [
            _cell(ws, c.value(row), number_format=GAP_FORMAT if c.key == "gap" else number_format,
                  style=("veto" if row.vetoes and c.key in ("veto", "total")
                         else "bold" if c.key == "total" else ""))
            for c in columns
        ]
        for cell, column in zip(line, columns, strict=False):
            cell.alignment = cells.WRAP if not column.numeric else cells.MIDDLE
        fitted.append(line)


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


def _detail_sheet(
    ws: WriteOnlyWorksheet, result: Result, rank: int, number_format: str,
    ranked_grade: tuple[str, str | None] | None = None,
) -> None:
    """A college's item table; ``ranked_grade``: the ranked column and its grade after the
    quota, shown instead of the grade its total gives."""
    labels = result.rubric.labels
    for letter, width in zip("ABCDEFG", DETAIL_WIDTHS, strict=False):
        _layout(ws).column_dimensions[letter].width = width
    ws.freeze_panes = "A4"
    apply_print_setup(ws, document=result.rubric.name, section=result.college, title_rows="3:3",
                      widths=DETAIL_WIDTHS)
    fitted = FittedRows(ws)
    _layout(ws).merged_cells.add("A1:G1")
    fitted.append([_cell(ws, f"{result.college} {result.year}", style="title")])
    fitted.append([_cell(ws, labels.rank, style="bold"), _cell(ws, rank)])
    headers = (labels.id, labels.name, labels.points, labels.self_, labels.assessed,
               labels.difference, labels.note)
    fitted.append([_cell(ws, h, style="header") for h in headers])
    for item in result.rows:
        fitted.append(_item_row(ws, item, number_format))
    for bonus in result.bonus_rows:
        row = _item_row(ws, bonus, number_format)
        if bonus.entry is not None and bonus.entry.inputs:
            words = item_input_labels(result.rubric, bonus.node)
            inputs = hint("list-separator").join(
                f"{words.get(k, k)} {format_decimal(v)}" for k, v in bonus.entry.inputs.items()
            )
            row[-1] = _cell(ws, hint("list-separator").join(
                t for t in (inputs, bonus.note or "") if t))
            row[-1].alignment = cells.WRAP
        fitted.append(row)
    rubric = result.rubric
    keys = [(labels.base, "base"), (labels.bonus, "bonus")]
    if rubric.adjustments:
        keys.append((labels.adjustments, "adjustment"))
    keys.append((labels.total, "total"))
    if rubric.vetoes:
        keys.append((labels.veto, "vetoes"))
    if rubric.grades is not None:
        keys.append((labels.grade, "grade"))
    for name, key in keys:
        values = []
        for column in ("self", "assessed"):
            totals = result.totals.get(column)
            value = getattr(totals, key) if totals else None
            if key == "vetoes":
                value = (hint("list-separator").join(f"{v.id} {v.name}" for v in value)
                         if value else None)
            if key == "grade" and ranked_grade is not None and ranked_grade[0] == column:
                value = ranked_grade[1]
            values.append(value)
        vetoed = key in ("total", "vetoes") and any(
            t is not None and t.vetoes for t in result.totals.values())
        fitted.append([
            _cell(ws, None, style="total"), _cell(ws, name, style="total"),
            _cell(ws, None, style="total"),
            *(_cell(ws, v, number_format=number_format, style="veto" if vetoed else "total")
              for v in values),
        ])


def _panels_sheet(ws: WriteOnlyWorksheet, outcome: RankOutcome, number_format: str) -> None:
    """Every assessor's totals per college, in rank order, each panel closed by its published
    aggregate (a college of one unnamed sheet has one row, without an assessor)."""
    labels = outcome.rubric.labels
    widths = (8, 20, 14, 10, 10, 10)
    for letter, width in zip("ABCDEF", widths, strict=False):
        _layout(ws).column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    apply_print_setup(ws, document=outcome.rubric.name, section=hint("rank-xlsx-panels"),
                      title_rows="1:1", widths=widths)
    headers = (labels.rank, labels.college, labels.assessor, labels.base, labels.bonus,
               labels.total)
    ws.append([_cell(ws, h, style="header") for h in headers])

    def line(row: RankedRow, who: str | None, totals: Any, style: str = "") -> None:
        values = [getattr(totals, k) if totals else None for k in ("base", "bonus", "total")]
        ws.append([_cell(ws, row.rank, style=style), _cell(ws, row.college, style=style),
                   _cell(ws, who, style=style),
                   *(_cell(ws, v, number_format=number_format, style=style) for v in values)])

    for row in outcome.ranking.rows:
        panel = row.standing.panel
        column = outcome.ranking.column
        if panel is None:
            line(row, None, row.standing.totals.get(column))
            continue
        for name, totals in zip(panel.assessors, panel.member_totals, strict=False):
            line(row, name, totals)
        line(row, hint("panel-aggregate"), row.standing.totals.get(column), style="total")


def _item_row(ws: WriteOnlyWorksheet, item: Row, number_format: str) -> list[Cell]:
    gap = item.self - item.assessed if item.self is not None and item.assessed is not None else None
    points = rules.item_cap(item.node)
    row = [
        _cell(ws, item.node.id),
        _cell(ws, item.node.name, style="bold" if item.depth == 0 else ""),
        _cell(ws, points, number_format=number_format),
        _cell(ws, item.self, number_format=number_format),
        _cell(ws, item.assessed, number_format=number_format),
        _cell(ws, gap, number_format=GAP_FORMAT if number_format else ""),
        _cell(ws, item.note),
    ]
    for cell in row:
        cell.alignment = cells.WRAP
    row[1].alignment = Alignment(indent=item.depth, wrap_text=True, vertical="center")
    return row


def _about_sheet(
    ws: WriteOnlyWorksheet, outcome: RankOutcome, number_format: str, *, details: int
) -> None:
    rubric = outcome.rubric
    labels = rubric.labels
    widths = (24, 70)
    _layout(ws).column_dimensions["A"].width, _layout(ws).column_dimensions["B"].width = widths
    apply_print_setup(ws, document=rubric.name, section=hint("rank-xlsx-about"), widths=widths)
    ranking = outcome.ranking
    column_label = labels.self_ if ranking.column == "self" else labels.assessed
    lines: list[tuple[str, str | int | Decimal]] = [
        (hint("rank-xlsx-rubric"), f"{rubric.name}（{rubric.id}）"),
        (labels.year, outcome.year),
        (hint("rank-xlsx-column"), column_label),
        (hint("rank-xlsx-ties"), outcome.tie_policy),
        (hint("rank-xlsx-numbers"), hint("rank-xlsx-exact")),
        (hint("rank-xlsx-count"), len(ranking.rows)),
    ]
    if len(ranking.rows) > rank_run.DETAIL_LIMIT:
        lines.append((hint("rank-xlsx-details"),
                       hint("rank-xlsx-no-details", count=len(ranking.rows),
                            limit=rank_run.DETAIL_LIMIT)))
    elif details < len(ranking.rows):
        missing = ", ".join(row.college for row in ranking.rows if row.result is None)
        lines.append((hint("rank-xlsx-details"),
                      hint("rank-xlsx-details-missing", colleges=missing)))
    if len(ranking.rows) > CHART_ROWS:
        lines.append((hint("rank-xlsx-chart"), hint("rank-xlsx-chart-note", count=CHART_ROWS)))
    panel = next((row.standing.panel for row in ranking.rows if row.standing.panel), None)
    if panel is not None:
        settings = panel.settings
        lines.append((hint("rank-xlsx-panels"), hint(
            "rank-xlsx-panel-method", method=hint(f"panel-method-{settings.method}"),
            level=hint(f"panel-level-{settings.level}"), places=settings.places)))
    for index, skipped in enumerate(outcome.skipped):  # a row each: one cell could not hold them
        lines.append((hint("rank-xlsx-skipped") if index == 0 else "", display_path(skipped.path)))
    if rubric.total is not None:
        lines.append((hint("rank-xlsx-total", base=labels.base), rubric.total))
    if rubric.grades is not None:
        lines.append((hint("rank-xlsx-grades"), grades_text(rubric.grades)))
    for node in rubric.indicators:
        lines.append((f"{node.id} {node.name}", node.points or Decimal(0)))
    for node in rubric.bonus_items:
        lines.append((f"{node.id} {node.name}", node.criteria or node.focus or ""))
    lines.append(("jyscore", __version__))
    fitted = FittedRows(ws)
    _layout(ws).merged_cells.add("A1:B1")
    fitted.append([_cell(ws, hint("rank-xlsx-about-title"), style="title")])
    for key, value in lines:
        key_cell = _cell(ws, key or None, style="bold")
        key_cell.alignment = cells.WRAP_TOP
        value_cell = _cell(ws, value, number_format=NUMBER_FORMAT)
        value_cell.alignment = cells.WRAP_TOP_LEFT
        fitted.append([key_cell, value_cell])
