"""excel/printing.py: the estimate of wrapped lines (worked by hand), row heights of a sheet with
merged cells, the page setup and the workbook font, on the fill-in form and on bare sheets."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment

from jyscore.cli import cli
from jyscore.writers.xlsx import printing
from jyscore.writers.xlsx.printing import (
    FittedRows,
    apply_print_setup,
    fit_row_heights,
    height_for,
    line_height,
    text_lines,
    text_width,
    use_cjk_font,
)

from .conftest import ROOT

WRAP = Alignment(wrap_text=True)


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("中" * 20, 39, 1),  # 20 × 1.9 = 38 units in 39 − 1 usable
        ("中" * 21, 39, 2),  # 39.9 > 38
        ("中" * 40, 39, 2),  # 76 units: two full lines of 38
        ("中" * 41, 39, 3),
        ("a" * 38, 39, 1),  # 38 × 1.0
        ("a" * 39, 39, 2),
        ("一\n二\n三", 10, 3),  # every line break counts
        ("", 10, 1),
        ("中" * 10, 11, 2),  # at 10 pt: 19 units > (11 − 1) × 11/10 = 11 usable
        ("中" * 5, 11, 1),  # 9.5 ≤ 11: smaller text fits more
    ],
)
def test_text_lines(text: str, width: float, lines: int):
    size = 10.0 if width == 11 else printing.BODY_SIZE
    assert text_lines(text, width, size) == lines


def test_widths_count_cjk_twice_as_wide():
    assert text_width("中文ab") == 2 * printing.WIDE_CHAR + 2 * printing.NARROW_CHAR
    assert text_width("，") == printing.WIDE_CHAR  # full-width punctuation is wide too


def test_heights_grow_with_lines_and_size():
    assert height_for(2) == 2 * line_height() + 2 * printing.ROW_PADDING
    assert height_for(3, 14) > height_for(3)
    assert height_for(1000) == printing.MAX_ROW_HEIGHT  # Excel's limit


def test_fit_row_heights_spreads_merged_text(tmp_path: Path):
    wb = Workbook()
    use_cjk_font(wb)
    ws = wb.active
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 10
    ws["A1"] = "中" * 30  # alone: 57 units in 9 → 7 lines
    ws["A1"].alignment = WRAP
    ws.merge_cells("A2:B2")
    ws["A2"] = "中" * 30  # across 20 units: 57 / 19 → 3 lines
    ws["A2"].alignment = WRAP
    ws.merge_cells("A3:A6")
    ws["A3"] = "中" * 30  # 7 lines over four rows
    ws["A3"].alignment = WRAP
    ws["B7"] = "=SUM(1,2)"  # a formula shows a number: no height
    ws.row_dimensions[8].height = 50
    ws["A8"] = "短"
    fit_row_heights(ws)
    assert ws.row_dimensions[1].height == pytest.approx(height_for(7))
    assert ws.row_dimensions[2].height == pytest.approx(height_for(3))
    assert sum(ws.row_dimensions[r].height for r in range(3, 7)) >= height_for(7) - 0.05
    assert ws.row_dimensions[7].height is None
    assert ws.row_dimensions[8].height == 50  # a taller height set before is kept
    path = tmp_path / "x.xlsx"
    wb.save(path)
    again = openpyxl.load_workbook(path).active
    assert again["A1"].font.name == "宋体" and again["C9"].font.name == "宋体"  # the default


def test_fitted_rows_on_a_write_only_sheet(tmp_path: Path):
    wb = Workbook(write_only=True)
    use_cjk_font(wb)
    ws = wb.create_sheet("s")
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 30
    ws.merged_cells.add("A1:B1")
    fitted = FittedRows(ws)

    def wrapped(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, text)
        cell.alignment = WRAP
        return cell

    fitted.append([wrapped("中" * 30)])  # merged: 57 units in 40 − 1 → 2 lines
    fitted.append([wrapped("中" * 30), 5])  # in column A alone: 57 / 9 → 7 lines
    fitted.append(["中" * 30, 5])  # not wrapped: one line, the default height
    path = tmp_path / "w.xlsx"
    wb.save(path)
    again = openpyxl.load_workbook(path)["s"]
    assert again.row_dimensions[1].height == pytest.approx(height_for(2), abs=0.01)
    assert again.row_dimensions[2].height == pytest.approx(height_for(7), abs=0.01)
    assert again.row_dimensions[3].height is None
    assert again["A3"].font.name == "宋体"  # a plain value gets the workbook's font
    assert again["B3"].value == 5


@pytest.mark.lang("zh")  # jyscore's own words in the table/workbook: 汇总, 考核人数, 说明 …
def test_print_setup_header_footer_and_orientation():
    ws = Workbook().active
    apply_print_setup(ws, document="A&B 指标体系", section="文学院", title_rows="3:3",
                      widths=[50, 40])
    assert ws.page_setup.orientation == "portrait"  # 90 units fit a portrait page
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddHeader.left.text.endswith("A&&B 指标体系")  # & escaped in a header
    assert ws.oddHeader.right.text.endswith("文学院")
    assert ws.oddFooter.center.text.endswith("第 &P 页 共 &N 页")
    wide = Workbook().active
    apply_print_setup(wide, document="x", section="y", widths=[60, 60])
    assert wide.page_setup.orientation == "landscape"
    assert wide.page_setup.fitToWidth == 1 and wide.page_setup.fitToHeight == 0


def test_the_form_prints_with_header_footer_cjk_font_and_tall_rows(tmp_path: Path):
    path = tmp_path / "文学院.xlsx"
    result = CliRunner().invoke(cli, ["convert", str(ROOT / "examples" / "2024" / "文学院.yaml"),
                                      "-o", str(path)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws.oddHeader.right.text.endswith("文学院")
    assert "内蒙古师范大学" in ws.oddHeader.left.text and "&P" in ws.oddFooter.center.text
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                assert cell.font.name == "宋体", cell.coordinate
    # every criteria text (评分标准, column E) has the lines it wraps to
    width = ws.column_dimensions["E"].width
    for row in ws.iter_rows(min_row=5, min_col=5, max_col=5):
        cell = row[0]
        if isinstance(cell.value, str) and cell.coordinate not in ws.merged_cells:
            lines = text_lines(cell.value, width, cell.font.sz)
            assert ws.row_dimensions[cell.row].height >= height_for(lines, cell.font.sz) - 0.01
