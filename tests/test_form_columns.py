"""One rule for every input row of the form: the 自评 cell holds for both columns, a 考核 cell
overrides it, and a 考核 cell alone gives the input for the 考核 column only — as the form's own
formulas read them (the 自评 formula reads only 自评 cells)."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from jyscore import load_sheet, score
from jyscore.core.problems import JyscoreError
from jyscore.readers.files import read_sheet
from jyscore.writers.xlsx.form import build_form

from .conftest import ROOT
from .xlsx_helpers import fill, id_rows, set_cells, total_cells

D = Decimal
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def filled(tmp_path: Path, rubric) -> Path:
    sheet = load_sheet(ROOT / "examples" / "2024" / "文学院.yaml", rubric)
    blank = tmp_path / "blank.xlsx"
    build_form(rubric, "文学院", 2024).save(blank)
    return fill(blank, rubric, sheet, tmp_path / "文学院.xlsx")


def rows(path: Path) -> dict[str, int]:
    return id_rows(openpyxl.load_workbook(path).worksheets[0])


def test_a_required_input_only_in_the_assessed_cell_is_refused_at_its_self_cell(filled, rubric):
    row = rows(filled)["6.1.1/目标就业率"]
    set_cells(filled, {f"H{row}": None, f"I{row}": 80})
    with pytest.raises(JyscoreError) as caught:
        read_sheet(filled, rubric)
    assert [(p.code, p.cell) for p in caught.value.problems] == [("JY135", f"H{row}")]


def test_counts_only_in_the_assessed_cells_replace_the_self_rate_there(filled, rubric):
    at = rows(filled)
    set_cells(filled, {f"H{at['6.1.1/毕业生人数']}": None, f"H{at['6.1.1/就业人数']}": None,
                       f"I{at['6.1.1/毕业生人数']}": 125, f"I{at['6.1.1/就业人数']}": 120,
                       f"H{at['6.1.1/初次就业率']}": 90})
    sheet = read_sheet(filled, rubric)
    entry = sheet.entries["6.1.1"]
    assert entry.values("self") == {"target": D("89.4"), "rate": D(90)}
    assert entry.values("assessed") == {"target": D("89.4"), "graduates": D(125),
                                        "employed": D(120)}
    result = score(rubric, sheet)
    # self: 90 - 89.4 < 5 → 0; assessed: 120/125 = 96%, 6.6 over → +1
    assert (result.totals["self"].bonus, result.totals["assessed"].bonus) == (D(3), D("3.5"))


def test_an_input_for_one_column_in_yaml_holds_in_that_column_only(tmp_path: Path, rubric):
    text = (ROOT / "examples" / "2024" / "文学院.yaml").read_text("utf-8")
    path = tmp_path / "x.yaml"
    path.write_text(text.replace(
        '"6.1.1": {target: 89.4, graduates: 125, employed: 120}',
        '"6.1.1": {target: {assessed: 80}, graduates: 125, employed: 120}'), "utf-8")
    with pytest.raises(JyscoreError) as caught:
        load_sheet(path, rubric)
    assert [p.code for p in caught.value.problems] == ["JY135"]


def test_per_column_input_with_both_columns_empty_says_so(tmp_path: Path, rubric):
    text = (ROOT / "examples" / "2024" / "文学院.yaml").read_text("utf-8")
    path = tmp_path / "x.yaml"
    path.write_text(text.replace('"6.2": {count: 2}', '"6.2": {count: {self: , assessed: }}'),
                    "utf-8")
    with pytest.raises(JyscoreError) as caught:
        load_sheet(path, rubric)
    (problem,) = caught.value.problems
    assert problem.code == "JY125" and "all of them empty" in problem.message
    assert "both columns" not in problem.message


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_agrees_with_counts_only_in_the_assessed_cells(filled, rubric, tmp_path):
    at = rows(filled)
    set_cells(filled, {f"H{at['6.1.1/毕业生人数']}": None, f"H{at['6.1.1/就业人数']}": None,
                       f"I{at['6.1.1/毕业生人数']}": 125, f"I{at['6.1.1/就业人数']}": 120,
                       f"H{at['6.1.1/初次就业率']}": 90})
    out = tmp_path / "out"
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--norestore", "--convert-to", "xlsx", "--outdir", str(out), str(filled)],
                   check=True, capture_output=True, timeout=600)
    ws = openpyxl.load_workbook(out / filled.name, data_only=True).worksheets[0]
    total_row = max(total_cells(ws).values())
    result = score(rubric, read_sheet(filled, rubric))
    form_totals = tuple(D(repr(ws[f"{c}{total_row}"].value)) for c in "HI")
    assert form_totals == (result.totals["self"].total, result.totals["assessed"].total)


def without_assessed_except(keep: str, rubric_text: str) -> str:
    import re
    return "\n".join(
        line if f'"{keep}"' in line else re.sub(r", assessed: [0-9.]+", "", line)
        for line in rubric_text.splitlines()
    )


def test_an_assessed_score_on_a_manual_bonus_alone_is_never_dropped(tmp_path: Path, rubric):
    text = (ROOT / "examples" / "2024" / "文学院.yaml").read_text("utf-8")
    path = tmp_path / "x.yaml"
    path.write_text(without_assessed_except("6.1.2", text), "utf-8")
    with pytest.raises(JyscoreError) as caught:
        load_sheet(path, rubric)
    (problem,) = caught.value.problems
    assert problem.code == "JY136" and "6.1.2" in problem.message
    assert problem.line == next(n for n, line in enumerate(text.splitlines(), 1)
                                if '"6.1.2"' in line)


def test_an_almost_empty_column_is_one_problem_at_its_filled_cell(filled, rubric):
    ws = openpyxl.load_workbook(filled).worksheets[0]
    at = rows(filled)
    cells = {f"I{r}": None for r in range(1, ws.max_row + 1)
             if isinstance(ws[f"I{r}"].value, (int, float))}
    cells[f"I{at['1.2']}"] = 3
    set_cells(filled, cells)
    with pytest.raises(JyscoreError) as caught:
        read_sheet(filled, rubric)
    assert [(p.code, p.cell) for p in caught.value.problems] == [("JY136", f"I{at['1.2']}")]


def test_one_item_missing_a_column_is_still_named_at_its_cell(filled, rubric):
    at = rows(filled)
    set_cells(filled, {f"I{at['1.2']}": None})
    with pytest.raises(JyscoreError) as caught:
        read_sheet(filled, rubric)
    assert [(p.code, p.cell) for p in caught.value.problems] == [("JY114", f"I{at['1.2']}")]


def test_values_right_of_the_form_are_named_not_ignored(filled, rubric):
    set_cells(filled, {"K6": 5, "L40": "补充说明", "K7": "  "})
    sheet = read_sheet(filled, rubric)
    (warning,) = [w for w in sheet.warnings if w.code == "JY619"]
    assert warning.cell == "K6" and "2 cell(s)" in warning.message


def test_a_form_without_stray_values_has_no_such_warning(filled, rubric):
    assert not [w for w in read_sheet(filled, rubric).warnings if w.code == "JY619"]


def _rewrite(path: Path, member: str, edit) -> None:
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {info: source.read(info) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts.items():
            target.writestr(info, edit(data) if info.filename == member else data)


def test_a_raw_non_character_in_a_cell_is_refused_at_its_cell(filled, rubric):
    at = rows(filled)
    set_cells(filled, {f"J{at['1.2']}": "备注\ufffe"})  # openpyxl writes it as it is
    with pytest.raises(JyscoreError) as caught:
        read_sheet(filled, rubric)
    (problem,) = caught.value.problems
    assert (problem.code, problem.cell) == ("JY017", f"J{at['1.2']}")
    assert "U+FFFE" in problem.message and "character 3" in problem.message


def test_a_non_character_in_the_shared_strings_is_refused_at_its_cell(tmp_path):
    from jyscore.readers.xlsx_illegal import find_illegal_cell

    path = tmp_path / "shared.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["B3"] = "甲乙"
    workbook.save(path)
    # as other programs write it: the text in the shared strings, the cell pointing at it
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(
        b'<c r="B3" t="inlineStr"><is><t>\xe7\x94\xb2\xe4\xb9\x99</t></is></c>',
        b'<c r="B3" t="s"><v>1</v></c>'))
    sst = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<si><t>x</t></si><si><t>甲&#xFFFE;乙</t></si></sst>').encode()
    import zipfile

    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", sst)
    found = find_illegal_cell(path.read_bytes())
    assert found is not None and (found.cell, found.character, found.index) == ("B3", "U+FFFE", 2)


def test_blank_input_bonuses_of_a_filled_form_are_warned_not_manual_ones(filled, rubric):
    at = rows(filled)
    inputs = [k for k in at if k.startswith("6.1.1/") or k.startswith("6.2/")]
    set_cells(filled, {**{f"{c}{at[k]}": None for k in inputs for c in "HI"},
                       f"H{at['6.1.2']}": None, f"I{at['6.1.2']}": None})
    sheet = read_sheet(filled, rubric)
    found = sorted((w.code, w.item_id, w.cell) for w in sheet.warnings if w.code == "JY124")
    assert found == [("JY124", "6.1.1", f"H{at['6.1.1/目标就业率']}"),
                     ("JY124", "6.2", f"H{min(at[k] for k in inputs if k.startswith('6.2/'))}")]
    assert "6.1.1" not in sheet.entries and "6.1.2" not in sheet.entries


def test_an_unfilled_form_is_one_problem_not_a_warning_per_bonus(tmp_path, rubric):
    blank = tmp_path / "blank.xlsx"
    build_form(rubric, "文学院", 2024).save(blank)
    with pytest.raises(JyscoreError) as caught:
        read_sheet(blank, rubric)
    assert [p.code for p in caught.value.problems] == ["JY115"]
