"""The ranking workbook's sheets beside the ranking: one per college with its item table, and
the panels' sheet with every assessor's totals."""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from jyscore.core import rules
from jyscore.core.engine import BonusRow, Result, Row, Totals
from jyscore.core.models import Rubric
from jyscore.core.numbers import format_decimal
from jyscore.core.ranking import RankedRow, Ranking
from jyscore.form.layout import item_input_labels
from jyscore.i18n.messages import hint
from jyscore.writers.xlsx import cells
from jyscore.writers.xlsx.printing import GAP_FORMAT, FittedRows, apply_print_setup
from jyscore.writers.xlsx.ranking_cells import new_cell, sheet_layout

DETAIL_WIDTHS = (8, 46, 6, 8, 8, 6, 18)  # 编号 指标 分值 自评 考核 差值 备注
_COLUMNS = ("self", "assessed")


def detail_sheet(
    ws: WriteOnlyWorksheet, result: Result, rank: int, number_format: str,
    ranked_grade: tuple[str, str | None] | None = None,
) -> None:
    """A college's item table; ``ranked_grade``: the ranked column and its grade after the
    quota, shown instead of the grade its total gives."""
    for letter, width in zip("ABCDEFG", DETAIL_WIDTHS, strict=False):
        sheet_layout(ws).column_dimensions[letter].width = width
    ws.freeze_panes = "A4"
    apply_print_setup(ws, document=result.rubric.name, section=result.college, title_rows="3:3",
                      widths=DETAIL_WIDTHS)
    fitted = FittedRows(ws)
    _detail_header(ws, fitted, result, rank)
    for item in result.rows:
        fitted.append(item_row(ws, item, number_format))
    for bonus in result.bonus_rows:
        fitted.append(_bonus_row(ws, result.rubric, bonus, number_format))
    _detail_totals(ws, fitted, result, number_format, ranked_grade)


def _detail_header(ws: WriteOnlyWorksheet, fitted: FittedRows, result: Result, rank: int) -> None:
    """The title (college and year), the rank, and the table's header."""
    labels = result.rubric.labels
    sheet_layout(ws).merged_cells.add("A1:G1")
    fitted.append([new_cell(ws, f"{result.college} {result.year}", style="title")])
    fitted.append([new_cell(ws, labels.rank, style="bold"), new_cell(ws, rank)])
    headers = (labels.id, labels.name, labels.points, labels.self_, labels.assessed,
               labels.difference, labels.note)
    fitted.append([new_cell(ws, h, style="header") for h in headers])


def _bonus_row(
    ws: WriteOnlyWorksheet, rubric: Rubric, bonus: BonusRow, number_format: str
) -> list[Cell]:
    """A bonus item's row, its inputs before its note."""
    row = item_row(ws, bonus, number_format)
    if bonus.entry is not None and bonus.entry.inputs:
        words = item_input_labels(rubric, bonus.node)
        inputs = hint("list-separator").join(
            f"{words.get(k, k)} {format_decimal(v)}" for k, v in bonus.entry.inputs.items()
        )
        row[-1] = new_cell(ws, hint("list-separator").join(
            t for t in (inputs, bonus.note or "") if t))
        row[-1].alignment = cells.WRAP
    return row


def _detail_totals(
    ws: WriteOnlyWorksheet, fitted: FittedRows, result: Result, number_format: str,
    ranked_grade: tuple[str, str | None] | None,
) -> None:
    """Base, bonus, adjustments, total, vetoes and grade, as far as the rubric has them."""
    ranked_column, grade_after_quota = ranked_grade if ranked_grade is not None else (None, None)
    vetoed = any(t is not None and t.vetoes for t in result.totals.values())
    for name, key in _total_keys(result.rubric):
        values = [
            grade_after_quota if key == "grade" and column == ranked_column
            else _total_value(result.totals.get(column), key)
            for column in _COLUMNS
        ]
        style = "veto" if vetoed and key in ("total", "vetoes") else "total"
        fitted.append([
            new_cell(ws, None, style="total"), new_cell(ws, name, style="total"),
            new_cell(ws, None, style="total"),
            *(new_cell(ws, v, number_format=number_format, style=style) for v in values),
        ])


def _total_keys(rubric: Rubric) -> list[tuple[str, str]]:
    """The totals' rows as (label, key of :class:`Totals`)."""
    labels = rubric.labels
    keys = [(labels.base, "base"), (labels.bonus, "bonus")]
    if rubric.adjustments:
        keys.append((labels.adjustments, "adjustment"))
    keys.append((labels.total, "total"))
    if rubric.vetoes:
        keys.append((labels.veto, "vetoes"))
    if rubric.grades is not None:
        keys.append((labels.grade, "grade"))
    return keys


def _total_value(totals: Totals | None, key: str) -> Any:
    """One column's figure for ``key``, its vetoes as text."""
    value = getattr(totals, key) if totals else None
    if key == "vetoes":
        return hint("list-separator").join(f"{v.id} {v.name}" for v in value) if value else None
    return value


def item_row(ws: WriteOnlyWorksheet, item: Row, number_format: str) -> list[Cell]:
    gap = item.self - item.assessed if item.self is not None and item.assessed is not None else None
    points = rules.item_cap(item.node)
    row = [
        new_cell(ws, item.node.id),
        new_cell(ws, item.node.name, style="bold" if item.depth == 0 else ""),
        new_cell(ws, points, number_format=number_format),
        new_cell(ws, item.self, number_format=number_format),
        new_cell(ws, item.assessed, number_format=number_format),
        new_cell(ws, gap, number_format=GAP_FORMAT if number_format else ""),
        new_cell(ws, item.note),
    ]
    for cell in row:
        cell.alignment = cells.WRAP
    row[1].alignment = Alignment(indent=item.depth, wrap_text=True, vertical="center")
    return row


def panels_sheet(
    ws: WriteOnlyWorksheet, rubric: Rubric, ranking: Ranking, number_format: str
) -> None:
    """Every assessor's totals per college, in rank order, each panel closed by its published
    aggregate (a college of one unnamed sheet has one row, without an assessor)."""
    labels = rubric.labels
    widths = (8, 20, 14, 10, 10, 10)
    for letter, width in zip("ABCDEF", widths, strict=False):
        sheet_layout(ws).column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    apply_print_setup(ws, document=rubric.name, section=hint("rank-xlsx-panels"),
                      title_rows="1:1", widths=widths)
    headers = (labels.rank, labels.college, labels.assessor, labels.base, labels.bonus,
               labels.total)
    ws.append([new_cell(ws, h, style="header") for h in headers])

    def line(row: RankedRow, who: str | None, totals: Any, style: str = "") -> None:
        values = [getattr(totals, k) if totals else None for k in ("base", "bonus", "total")]
        ws.append([new_cell(ws, row.rank, style=style), new_cell(ws, row.college, style=style),
                   new_cell(ws, who, style=style),
                   *(new_cell(ws, v, number_format=number_format, style=style) for v in values)])

    for row in ranking.rows:
        panel = row.standing.panel
        column = ranking.column
        if panel is None:
            line(row, None, row.standing.totals.get(column))
            continue
        for name, totals in zip(panel.assessors, panel.member_totals, strict=False):
            line(row, name, totals)
        line(row, hint("panel-aggregate"), row.standing.totals.get(column), style="total")

