"""The fill-in form (`jyscore template`) and `jyscore convert`, run through the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from jyscore import load_rubric, load_sheet, score
from jyscore.cli import cli
from jyscore.core.problems import JyscoreError
from jyscore.readers.files import read_sheet
from jyscore.writers.sheet_yaml import scalar
from jyscore.writers.xlsx.form import build_form

from .conftest import DATA, ROOT
from .xlsx_helpers import id_rows

EXAMPLE = ROOT / "examples" / "2024" / "文学院.yaml"
HEADERS = ["编号", "一级指标", "二级指标", "考察点", "评分标准", "分值", "评估方法", "自评分数",
           "考核分数", "备注"]


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def form(tmp_path_factory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("form") / "文学院.xlsx"
    args = ["template", "--college", "文学院", "--year", "2024", "-o", str(path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(path)


def test_the_form_looks_like_the_paper_form(form):
    ws = form.worksheets[0]
    assert [ws.cell(4, c).value for c in range(1, 11)] == HEADERS
    top = (ws["A2"].value, ws["B2"].value, ws["D2"].value, ws["E2"].value)
    assert top == ("学院", "文学院", "年度", 2024)
    rows = id_rows(ws)
    rubric = load_rubric()
    for item in rubric.items:  # every item, and one row per part
        assert item.id in rows
        for part in item.parts:
            assert rows[part.id] == rows[item.id] + 1 + item.parts.index(part)
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert f"B{rows['1.1']}:B{rows['1.4.2']}" in merged  # 一级指标 down its rows
    assert f"C{rows['1.1']}:C{rows['1.1.2']}" in merged  # 二级指标 down the item and its parts
    assert f"C{rows['1.4.1']}:C{rows['1.4.2']}" in merged
    assert ws.freeze_panes == "A5"
    assert ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws["E5"].alignment.wrap_text


def test_ids_are_text(form):
    ws = form.worksheets[0]
    for row in range(5, ws.max_row + 1):
        cell = ws.cell(row, 1)
        if cell.value is not None:
            assert cell.data_type == "s" and cell.number_format == "@"


def test_tiny_rubric_keeps_1_10_as_text(tmp_path: Path):
    rubric = load_rubric(DATA / "rubrics" / "tiny.yaml")
    ws = build_form(rubric, "测试学院", 2024).worksheets[0]
    assert "1.10" in id_rows(ws) and "1.1" in id_rows(ws)


def test_input_cells_are_unlocked_and_validated_the_rest_protected(form):
    ws = form.worksheets[0]
    rows = id_rows(ws)
    assert ws.protection.sheet and not ws.protection.password
    validations = {}
    for validation in ws.data_validations.dataValidation:
        for ref in str(validation.sqref).split():
            validations[ref] = validation
    # 1.4.1 (cap 3): an input; its validation names the cap and the step
    h = f"H{rows['1.4.1']}"
    assert ws[h].protection.locked is False
    v = validations[h]
    assert (v.type, v.operator, v.formula1, v.formula2) == ("decimal", "between", "0", "3")
    assert "3" in v.prompt and "0.5" in v.prompt and v.showInputMessage
    # a part is an input with its own cap; the item row sums its parts and is locked
    assert validations[f"H{rows['1.1.1']}"].formula2 == "4"
    assert ws[f"H{rows['1.1']}"].protection.locked is True
    assert ws[f"H{rows['1.1']}"].value.startswith("=IF(COUNT(")
    assert ws["E5"].protection.locked is True
    assert ws["B2"].protection.locked is False  # the college's name may be corrected


def test_formulas_total_the_form(form):
    ws = form.worksheets[0]
    rows = id_rows(ws)
    labels = {
        ws.cell(r, 2).value: r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value is None
    }
    assert ws[f"H{rows['1']}"].value == (
        f"=SUM(H{rows['1.1']},H{rows['1.2']},H{rows['1.3']},H{rows['1.4.1']},H{rows['1.4.2']})"
    )
    assert ws[f"H{labels['总分']}"].value == f"=H{labels['基础分']}+H{labels['加分']}"
    assert ws[f"I{labels['总分']}"].value == f"=I{labels['基础分']}+I{labels['加分']}"
    rate = ws[f"H{rows['6.1.1']}"].value
    assert "ROUND(" in rate and "MIN(4," in rate and "INT(" in rate
    count = f"$H${rows['6.2/论文篇数']}"
    assert ws[f"H{rows['6.2']}"].value == f"=MAX(0,IF(ISNUMBER({count}),{count},0)*1)"


def test_a_college_named_like_a_formula_stays_text(tmp_path: Path):
    path = tmp_path / "x.xlsx"
    name = '=HYPERLINK("http://example.com","x")'
    assert run("template", "--college", name, "--year", "2024", "-o", str(path)).exit_code == 0
    cell = openpyxl.load_workbook(path).worksheets[0]["B2"]
    assert cell.value == name and cell.data_type == "s"


def test_template_never_overwrites_without_force(tmp_path: Path):
    path = tmp_path / "文学院.xlsx"
    path.write_bytes(b"the secretary's filled-in form")
    result = run("template", "--college", "文学院", "--year", "2024", "-o", str(path))
    assert result.exit_code == 2
    assert "already exists; pass --force" in result.output
    assert path.read_bytes() == b"the secretary's filled-in form"
    args = ["template", "--college", "文学院", "--year", "2024", "-o", str(path), "--force"]
    assert run(*args).exit_code == 0
    assert path.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == ["文学院.xlsx"]  # no temporary file left


@pytest.mark.parametrize("args, message", [
    (["--college", "文学院", "--year", "2024", "-o", "x.csv"], "cannot tell the format"),
    (["--college", " ", "--year", "2024", "-o", "x.xlsx"], "college's name is empty"),
    (["--college", "文学院", "--year", "24", "-o", "x.xlsx"], "24"),
])
def test_template_usage_errors_exit_2(args, message, tmp_path: Path):
    result = CliRunner().invoke(cli, ["template", *args])
    assert result.exit_code == 2 and message in result.output


# -- the YAML template ---------------------------------------------------------------------------

@pytest.fixture
def yaml_template(tmp_path: Path) -> Path:
    path = tmp_path / "文学院.yaml"
    assert run("template", "--college", "文学院", "--year", "2024", "-o", str(path)).exit_code == 0
    return path


@pytest.mark.lang("zh")
def test_yaml_template_lists_every_id_with_name_and_cap(yaml_template: Path):
    text = yaml_template.read_text(encoding="utf-8")
    rubric = load_rubric()
    assert '  "1.4.1": {self: , assessed: }   # 按时参加学校组织的工作会议 (3分)' in text
    assert '# 1.1 领导重视 (6分)' in text
    for item in rubric.items:
        for node in item.parts or (item,):
            assert f'"{node.id}": {{self: , assessed: }}' in text
    assert '"6.1.1": {target: , graduates: , employed: }' in text


def test_an_unfilled_yaml_template_says_what_is_missing(yaml_template: Path):
    with pytest.raises(JyscoreError) as caught:
        load_sheet(yaml_template, load_rubric())
    codes = [(p.code, p.item_id) for p in caught.value.problems]
    assert codes == [("JY115", None)]  # no item has a score yet; blank bonuses are not claimed
    assert "fill in at least one column" in caught.value.problems[0].message


def test_a_filled_yaml_template_loads_and_scores(yaml_template: Path):
    text = yaml_template.read_text(encoding="utf-8")
    filled = re.sub(r"\{self: , assessed: \}", "{self: 1, assessed: 0.5}", text)
    filled = filled.replace("{target: , graduates: , employed: }",
                            "{target: 89.4, graduates: 125, employed: 118}")
    filled = filled.replace("{count: }", "{count: 2}")
    yaml_template.write_text(filled, encoding="utf-8")
    rubric = load_rubric()
    result = score(rubric, load_sheet(yaml_template, rubric))
    parts_and_items = sum(len(i.parts) or 1 for i in rubric.items)
    assert result.totals["self"].base == parts_and_items
    assert result.totals["self"].bonus == 1 + 1 + 2  # rate 94.4 vs 89.4: +1; 6.1.2: 1; 2 papers


def test_a_partly_filled_yaml_template_names_each_empty_item(yaml_template: Path):
    text = yaml_template.read_text(encoding="utf-8")
    filled = text.replace('"1.4.1": {self: , assessed: }', '"1.4.1": {self: 3, assessed: 3}')
    yaml_template.write_text(filled, encoding="utf-8")
    with pytest.raises(JyscoreError) as caught:
        load_sheet(yaml_template, load_rubric())
    found = [(p.code, p.item_id) for p in caught.value.problems if p.is_error]
    # one problem per empty item (1.1's two empty parts are one item), none per column
    assert ("JY111", "1.4.2") in found and ("JY111", "1.1") in found
    assert {code for code, _ in found} == {"JY111"}
    assert len(found) == len(set(found)) == len(load_rubric().items) - 1


@pytest.mark.parametrize("text", [
    "文学院", "null", "~", "", " 前后空格 ", "a: b", "#号", "- 列表", "引号\"和\\反斜杠", "换\n行",
    "制表\t符", "'单引号'", "[1]", "{a}", "100", "yes", "1.10", "%x", "@x",
    "全角，标点“引号”", "=HYPERLINK(\"x\")",
])
def test_yaml_scalars_read_back_exactly(text: str, tmp_path: Path):
    from jyscore.readers.yamlsource import Limits, parse

    doc = parse(f"key: {scalar(text)}\n", "t.yaml", Limits(10_000, 100, "test"))
    assert doc.data == {"key": text}


@pytest.mark.parametrize("text", [
    "0012", "true", "Yes", "off", "y", "N", "2024-01-01", ".5", "-1", "+3", ".inf", "-.Inf",
    ".NaN", "1e3", "0x1F", "0o17", "1_000", "<<", "=",
])
def test_yaml_scalars_other_yaml_tools_would_read_as_non_strings_are_quoted(text: str):
    import yaml

    written = scalar(text)
    assert written.startswith('"')
    # a YAML 1.1 resolver (PyYAML's default) reads it back as the same string
    assert yaml.safe_load(f"key: {written}\n") == {"key": text}


def test_a_note_with_crlf_round_trips_through_yaml(tmp_path: Path):
    from jyscore.readers.yamlsource import Limits, parse

    note = "第一行\r\n第二行"
    doc = parse(f"key: {scalar(note)}\n", "t.yaml", Limits(10_000, 100, "test"))
    assert doc.data == {"key": "第一行\r\n第二行"}


@pytest.mark.parametrize("text", ["\u2028", "控制\x01字符", "\x85", "\ufffe", "\x1b[31m"])
def test_yaml_scalars_no_file_can_hold_are_refused_where_read(text: str):
    from jyscore.readers.yamlsource import Limits, parse

    with pytest.raises(JyscoreError) as caught:
        parse(f"key: {scalar(text)}\n", "t.yaml", Limits(10_000, 100, "test"))
    [problem] = caught.value.problems
    assert (problem.code, problem.line, problem.column) == ("JY017", 1, 6)


# -- convert ---------------------------------------------------------------------------------------

def test_convert_round_trip_keeps_every_value(tmp_path: Path):
    rubric = load_rubric()
    xlsx, back = tmp_path / "文学院.xlsx", tmp_path / "back.yaml"
    assert run("convert", str(EXAMPLE), "-o", str(xlsx)).exit_code == 0
    assert run("convert", str(xlsx), "-o", str(back)).exit_code == 0
    original, converted = load_sheet(EXAMPLE, rubric), load_sheet(back, rubric)
    assert converted.entries == original.entries
    assert read_sheet(xlsx, rubric).entries == original.entries
    assert score(rubric, converted).totals == score(rubric, original).totals


def test_convert_validates_before_writing(tmp_path: Path):
    out = tmp_path / "out.xlsx"
    bad_yaml = DATA / "bad" / "over-cap.yaml"
    result = CliRunner().invoke(cli, ["convert", str(bad_yaml), "-o", str(out)])
    assert result.exit_code == 1
    assert "JY101" in result.output
    assert not out.exists()
    bad = DATA / "xlsx" / "bad" / "over-cap.xlsx"
    result = CliRunner().invoke(cli, ["convert", str(bad), "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == 1 and "over-cap.xlsx!H6" in result.output
    assert list(tmp_path.iterdir()) == []


def test_convert_refuses_to_overwrite(tmp_path: Path):
    out = tmp_path / "文学院.yaml"
    out.write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 2 and out.read_text(encoding="utf-8") == "mine"
    assert run("convert", str(EXAMPLE), "-o", str(out), "--force").exit_code == 0
    assert "文学院" in out.read_text(encoding="utf-8")


def test_convert_keeps_a_whole_scored_item_with_parts(tmp_path: Path):
    """1.2 has parts but 文学院 scores it whole: the form takes the value in 1.2's own row."""
    xlsx = tmp_path / "文学院.xlsx"
    assert run("convert", str(EXAMPLE), "-o", str(xlsx)).exit_code == 0
    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    rows = id_rows(ws)
    assert ws[f"H{rows['1.2']}"].value == 5 and ws[f"H{rows['1.2.1']}"].value is None
    assert ws[f"H{rows['1.1']}"].value.startswith("=")  # 1.1 is scored through its parts
    assert ws[f"H{rows['1.1.1']}"].value == 4
