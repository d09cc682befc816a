"""No text from a sheet or the command line ever becomes a formula in a workbook jyscore writes.

Every workbook written (the form from ``template``, a sheet ``convert``-ed to the form, the
ranking workbook) is opened with openpyxl and every cell checked: a text starting with ``=``,
``+``, ``-`` or ``@`` is stored as a string (data type ``s``), and the only formulas are the form's
own (cell references, numbers and a few functions: never a word typed by a user).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import openpyxl
from click.testing import CliRunner

from jyscore import load_sheet
from jyscore.cli import cli

from .conftest import DATA
from .sheets import sheet_text

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "-2+3",
    "@SUM(A1:A2)",
    "=1+1",
]
MARKERS = ("HYPERLINK", "http", "cmd", "calc", "A0", "A1:A2", "1,2")
FORM_FUNCTIONS = {
    "SUM", "IF", "ISNUMBER", "COUNT", "INT", "NOT", "ROUND", "MIN", "MAX", "AND", "OR",
}
_REF = re.compile(r"\$?[A-Z]{1,3}\$?\d+")
_FUNCTION = re.compile(r"([A-Z][A-Z0-9.]*)\(")


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def hostile_sheet(college: str) -> str:
    """A valid sheet whose college and notes (of an item, a part and a bonus) are hostile."""
    notes = iter(HOSTILE)
    overrides = {
        item: f"{{self: 1, assessed: 1, note: {quoted(next(notes))}}}"
        for item in ("1.2", "2.1.1", "3.1", "4.4", "5.1")
    }
    bonus = f'  "6.2": {{count: 1, note: {quoted(HOSTILE[-1])}}}'
    return sheet_text(overrides, college=quoted(college), extra=bonus)


def is_form_formula(formula: str) -> bool:
    """Only the form's own formulas: references, numbers, operators, known functions, ""."""
    if any(marker in formula for marker in MARKERS) or not formula.startswith("="):
        return False
    if not set(_FUNCTION.findall(formula)) <= FORM_FUNCTIONS:
        return False
    rest = _REF.sub("", _FUNCTION.sub("", formula[1:])).replace('""', "")
    return set(rest) <= set("0123456789.:,()+-*/<>=")


def check_workbook(path: Path, texts: list[str]) -> int:
    """Assert the rule for every cell; return how many of ``texts`` were found as strings."""
    workbook = openpyxl.load_workbook(path)
    strings: list[str] = []
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value: Any = cell.value
                if cell.data_type == "f":
                    assert is_form_formula(str(value)), f"{ws.title}!{cell.coordinate}: {value}"
                elif isinstance(value, str):
                    assert cell.data_type in ("s", "inlineStr"), f"{ws.title}!{cell.coordinate}"
                    strings.append(value)
    found = sum(any(text in s for s in strings) for text in texts)
    return found


def test_template_with_a_hyperlink_college(tmp_path: Path):
    out = tmp_path / "form.xlsx"
    run("template", "--college", HOSTILE[0], "--year", "2024", "-o", str(out))
    assert check_workbook(out, [HOSTILE[0]]) == 1


def test_convert_of_a_sheet_whose_college_and_notes_are_formulas(tmp_path: Path, rubric):
    for index, college in enumerate(HOSTILE):
        sheet = tmp_path / f"{index}.yaml"
        sheet.write_text(hostile_sheet(college), encoding="utf-8")
        out = tmp_path / f"{index}.xlsx"
        run("convert", str(sheet), "-o", str(out))
        assert check_workbook(out, HOSTILE) == len(HOSTILE)
        back = tmp_path / f"{index}-back.yaml"
        run("convert", str(out), "-o", str(back))  # and read back as the same text
        original, converted = load_sheet(sheet, rubric), load_sheet(back, rubric)
        assert converted.college == college
        assert converted.entries == original.entries  # the notes among them


def test_ranking_workbook_of_colleges_named_like_formulas(tmp_path: Path):
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    for index, college in enumerate(HOSTILE):
        (sheets / f"{index}.yaml").write_text(hostile_sheet(college), encoding="utf-8")
    (sheets / "=HYPERLINK(1).yaml").write_bytes((DATA / "bad" / "over-cap.yaml").read_bytes())
    out = tmp_path / "排名.xlsx"
    run("rank", str(sheets), "-o", str(out), "--skip-invalid", "--show-self")
    assert check_workbook(out, HOSTILE) == len(HOSTILE)
    titles = openpyxl.load_workbook(out).sheetnames
    assert len(titles) == len(set(titles)) == len(HOSTILE) + 3  # 排名, 总分图, 说明


def test_the_checker_itself_catches_a_formula(tmp_path: Path):
    """The rule can fail: a workbook with a user's text stored as a formula is caught."""
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = HOSTILE[0]  # openpyxl makes this a formula
    path = tmp_path / "evil.xlsx"
    workbook.save(path)
    try:
        check_workbook(path, [])
    except AssertionError:
        return
    raise AssertionError("a formula cell holding a user's text was not caught")
