"""Reading a filled-in form: the same sheet, the same totals and the same checks as YAML, with
each problem at its cell."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from jyscore import load_sheet, score
from jyscore.cli import cli
from jyscore.core.problems import JyscoreError
from jyscore.readers.files import discover, read_sheet
from jyscore.readers.xlsx_cells import cell_text
from jyscore.writers.xlsx.form import build_form

from .conftest import DATA, ROOT
from .xlsx_helpers import fill, id_rows, set_cells

EXAMPLES = sorted((ROOT / "examples" / "2024").glob("*.yaml"))
XLSX = DATA / "xlsx"


def problems(path: Path, rubric) -> list[tuple[str, str | None]]:
    try:
        read_sheet(path, rubric)
    except JyscoreError as exc:
        return [(p.code, p.cell) for p in exc.problems]
    return []


@pytest.fixture
def blank(tmp_path: Path, rubric) -> Path:
    path = tmp_path / "文学院.xlsx"
    build_form(rubric, "文学院", 2024).save(path)
    return path


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_a_filled_form_scores_like_its_yaml(example: Path, blank: Path, tmp_path: Path, rubric):
    sheet = load_sheet(example, rubric)
    filled = fill(blank, rubric, sheet, tmp_path / f"{example.stem}.xlsx")
    set_cells(filled, {"B2": sheet.college})
    from_excel = read_sheet(filled, rubric)
    assert from_excel.entries == sheet.entries
    assert (from_excel.college, from_excel.year, from_excel.columns) == (
        sheet.college, sheet.year, sheet.columns,
    )
    assert score(rubric, from_excel).totals == score(rubric, sheet).totals


def test_typed_numbers_are_read_exactly():
    assert cell_text(4.5) == "4.5"
    assert cell_text(0.1) == "0.1"
    assert cell_text(2024) == "2024"
    assert cell_text(100.0) == "100"
    assert cell_text(0.30000000000000004) == "0.30000000000000004"  # typed as such: kept
    assert cell_text(0.30000000000000004, from_formula=True) == "0.3"  # Excel's 15 digits
    assert cell_text(0.894, percent=True) == "89.4"
    assert cell_text("  ") is None
    assert cell_text(True) == "TRUE"


@pytest.mark.parametrize("name", sorted(p.name for p in (XLSX / "good").glob("*.xlsx")))
def test_good_workbooks_load(name: str, rubric):
    sheet = read_sheet(XLSX / "good" / name, rubric)
    example = load_sheet(ROOT / "examples" / "2024" / "文学院.yaml", rubric)
    if name == "formula-cached.xlsx":  # 1.4.1 self is =1+2, saved by LibreOffice as 3
        assert sheet.entries["1.4.1"].self == 3
        return
    assert score(rubric, sheet).totals == score(rubric, example).totals


def test_the_librarys_load_sheet_reads_a_filled_form_by_its_suffix(rubric, tmp_path: Path):
    sheet = load_sheet(str(XLSX / "good" / "文学院.xlsx"), rubric)  # a str, as the README has it
    assert score(rubric, sheet).totals["assessed"].total == Decimal("98.0")
    (tmp_path / "macro.xlsm").write_bytes((XLSX / "good" / "文学院.xlsx").read_bytes())
    with pytest.raises(JyscoreError) as caught:
        load_sheet(tmp_path / "macro.xlsm", rubric)
    assert [p.code for p in caught.value.problems] == ["JY609"]  # said so, not "not UTF-8"


EXPECTED = json.loads((XLSX / "bad" / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_workbooks_report_code_and_cell(name: str, rubric):
    expected = [tuple(pair) for pair in EXPECTED[name]]
    assert problems(XLSX / "bad" / name, rubric) == expected


def test_every_bad_workbook_has_an_expectation():
    assert sorted(p.name for p in (XLSX / "bad").glob("*.xlsx")) == sorted(EXPECTED)


def test_problem_lines_name_file_cell_and_item(tmp_path: Path):
    result = CliRunner().invoke(cli, ["score", str(XLSX / "bad" / "over-cap.xlsx")])
    assert result.exit_code == 1
    assert "over-cap.xlsx!H6: error JY101 [1.1.1 学院党政“一把手”" in result.output
    assert "self 4.5 is over the cap; allowed: 0 to 4 in steps of 0.5" in result.output
    assert "Traceback" not in result.output


def test_a_blank_form_is_one_problem_not_one_per_item(blank: Path, rubric):
    assert [code for code, _ in problems(blank, rubric)] == ["JY115"]


def test_a_form_with_one_item_filled_names_each_empty_item_once_at_its_cell(
    blank: Path, tmp_path: Path, rubric
):
    import openpyxl

    workbook = openpyxl.load_workbook(blank)
    ws = workbook.worksheets[0]
    row = id_rows(ws)["1.3.1"]
    ws[f"H{row}"], ws[f"I{row}"] = 2, 2
    workbook.save(tmp_path / "one.xlsx")
    found = problems(tmp_path / "one.xlsx", rubric)
    # as a half-filled YAML template: each empty item, and a warning per blank input bonus
    assert {code for code, _ in found} == {"JY111", "JY124"}
    assert len([c for c, _ in found if c == "JY124"]) == 2  # 6.1.1 and 6.2, not 6.1.2
    found = [(code, cell) for code, cell in found if code == "JY111"]
    assert len(found) == len(rubric.items) - 1 + len(rubric.nodes["1.3"].parts) - 1
    assert ("JY111", "H6") in found  # 1.1 is scored through its parts: its first part's cell
    assert ("JY111", "H15") in found  # 1.4.1


def test_percent_formatted_target_is_read_as_percent(blank: Path, tmp_path: Path, rubric):
    import openpyxl

    sheet = load_sheet(ROOT / "examples" / "2024" / "文学院.yaml", rubric)
    filled = fill(blank, rubric, sheet, tmp_path / "pct.xlsx")
    workbook = openpyxl.load_workbook(filled)
    ws = workbook.worksheets[0]
    cell = ws[f"H{id_rows(ws)['6.1.1/目标就业率']}"]
    cell.value, cell.number_format = 0.894, "0.0%"  # typed as 89.4%
    workbook.save(filled)
    assert read_sheet(filled, rubric).entries["6.1.1"].inputs["target"] == Decimal("89.4")


def test_a_form_without_college_reports_the_cell(blank: Path, rubric):
    set_cells(blank, {"B2": None})
    found = problems(blank, rubric)
    assert ("JY023", "B2") in found


def test_rubric_cell_must_match(blank: Path, rubric):
    set_cells(blank, {"H2": "other-rubric"})
    assert ("JY024", "H2") in problems(blank, rubric)


def test_a_typed_formula_in_a_computed_cell_is_ignored_but_a_value_is_checked(
    blank: Path, tmp_path: Path, rubric
):
    sheet = load_sheet(ROOT / "examples" / "2024" / "文学院.yaml", rubric)
    filled = fill(blank, rubric, sheet, tmp_path / "f.xlsx")
    # the subtotal of 1 (row 17) typed over with a number: a group is never scored
    set_cells(filled, {"H17": 20})
    assert ("JY113", "A17") in problems(filled, rubric)


def test_user_formula_without_value_does_not_also_report_missing(tmp_path: Path, rubric):
    found = problems(XLSX / "bad" / "formula-no-value.xlsx", rubric)
    assert found == [("JY610", "H15")]


def test_formula_cached_value_is_used(tmp_path: Path, rubric):
    """A formula saved with its value (as Excel does): the value counts, to 15 digits."""
    source = XLSX / "bad" / "formula-no-value.xlsx"
    target = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert b"<f>1+2</f><v />" in data or b"<f>1+2</f><v></v>" in data
                data = data.replace(b"<f>1+2</f><v />", b"<f>1+2</f><v>2.9999999999999996</v>")
                data = data.replace(b"<f>1+2</f><v></v>", b"<f>1+2</f><v>2.9999999999999996</v>")
            new.writestr(info, data)
    assert read_sheet(target, rubric).entries["1.4.1"].self == 3


def test_discover_finds_workbooks_and_skips_office_lock_files(tmp_path: Path, blank: Path):
    (tmp_path / "~$文学院.xlsx").write_bytes(b"lock")
    assert discover([tmp_path]) == [blank]


def test_score_command_reads_xlsx_without_traceback_for_every_bad_file():
    for name in EXPECTED:
        result = CliRunner().invoke(cli, ["score", str(XLSX / "bad" / name)])
        assert result.exit_code == 1, name
        assert EXPECTED[name][0][0] in result.output
        assert "Traceback" not in result.output


def test_a_missing_score_is_reported_at_its_empty_cell(blank: Path, tmp_path: Path, rubric):
    sheet = load_sheet(EXAMPLES[0], rubric)
    filled = fill(blank, rubric, sheet, tmp_path / "filled.xlsx")
    scored = next(i for i, e in sheet.entries.items() if e.assessed is not None
                  and rubric.nodes[i].rule is None)
    row = id_rows(openpyxl.load_workbook(filled).worksheets[0])[scored]
    set_cells(filled, {f"I{row}": None, "B2": sheet.college})
    assert problems(filled, rubric) == [("JY114", f"I{row}")]


def test_a_workbook_of_another_rubric_counts_in_the_mixed_rubrics_warning(
    blank: Path, tmp_path: Path, rubric
):
    folder = tmp_path / "sheets"
    folder.mkdir()
    for example in EXAMPLES[:2]:
        (folder / example.name).write_bytes(example.read_bytes())
    set_cells(blank, {"H2": "other-rubric"}, folder / "other.xlsx")
    result = CliRunner().invoke(cli, ["validate", str(folder), "--format", "json"])
    found = json.loads(result.stdout)["problems"]
    mixed = [p for p in found if p["code"] == "JY303"]
    assert [p["file"] for p in mixed] == [str(folder / "other.xlsx")]
    assert "other-rubric" in mixed[0]["message"] and mixed[0]["cell"] == "H2"
