"""Issue 14, "what a new user found": each defect as a test that failed before its fix.

Items 1 (a number stored as text in the form) and 8 (jyscore's own workbooks in a folder) are in
tests/test_field_excel.py; the README's commands run in tests/test_readme.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore import load_rubric, load_sheet
from jyscore.cli import cli
from jyscore.core.problems import JyscoreError

from .conftest import ROOT
from .sheets import sheet_text

EXAMPLE = ROOT / "examples" / "2024" / "文学院.yaml"


def run(*args: str, cwd: Path | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def problems(text: str, tmp_path: Path) -> list:
    path = tmp_path / "sheet.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        return list(load_sheet(path, load_rubric()).warnings)
    except JyscoreError as exc:
        return exc.problems


# -- 2: a bonus entry left blank ----------------------------------------------------------------

BLANK_BONUS = sheet_text(extra='  "6.1.1": {target: , graduates: , employed: }')


def test_a_blank_bonus_entry_is_a_warning_naming_it(tmp_path: Path):
    (found,) = problems(BLANK_BONUS, tmp_path)
    assert (found.code, found.severity.value, found.item_id, found.line) == (
        "JY124", "warning", "6.1.1", 30)
    assert "target, graduates, employed, rate" in found.message and "counts 0" in found.message


def test_validate_warns_and_strict_fails_on_a_blank_bonus(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(BLANK_BONUS, encoding="utf-8")
    plain = run("validate", tmp_path / "a.yaml")
    assert plain.exit_code == 0 and "warning JY124 [6.1.1" in plain.output
    strict = run("validate", tmp_path / "a.yaml", "--strict")
    assert strict.exit_code == 1 and "error JY124 [6.1.1" in strict.output


def test_score_shows_the_warning_of_a_blank_bonus(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(BLANK_BONUS, encoding="utf-8")
    result = run("score", tmp_path / "a.yaml")
    assert result.exit_code == 0
    assert "JY124" in result.stderr and "6.1.1" in result.stderr


def test_a_bonus_id_with_nothing_after_it_is_blank_too(tmp_path: Path):
    found = problems(sheet_text(extra='  "6.2":'), tmp_path)
    assert [(p.code, p.severity.value, p.item_id) for p in found] == [("JY124", "warning", "6.2")]


def test_a_bonus_with_one_input_given_is_not_blank(tmp_path: Path):
    text = sheet_text(extra='  "6.1.1": {target: 89.4, graduates: , employed: }')
    assert [p.code for p in problems(text, tmp_path)] == ["JY122"]


# -- 3: a duplicate key does not hide the other problems --------------------------------------

def test_a_duplicate_key_is_reported_with_every_other_problem(tmp_path: Path):
    text = sheet_text({"1.1": "{self: 7, assessed: 6}", "3.1": "{self: 3, assessed: 3.25}"},
                      extra="  1.2: {self: 1, assessed: 1}\n  9.9: {self: 1, assessed: 1}")
    found = sorted((p.code, p.line) for p in problems(text, tmp_path))
    assert found == [("JY009", 30), ("JY101", 5), ("JY103", 16), ("JY110", 31)]


def test_the_first_of_two_duplicate_values_is_the_one_checked(tmp_path: Path):
    text = sheet_text(extra="  1.1: {self: 99, assessed: 99}")
    assert [(p.code, p.line) for p in problems(text, tmp_path)] == [("JY009", 30)]


def test_a_duplicate_key_in_a_rubric_still_stops_it(tmp_path: Path):
    path = tmp_path / "rubric.yaml"
    path.write_text("id: x\nid: y\n", encoding="utf-8")
    with pytest.raises(JyscoreError) as caught:
        load_rubric(path)
    assert [p.code for p in caught.value.problems] == ["JY009"]


# -- 4: one problem per cause -----------------------------------------------------------------

def test_an_item_given_with_both_scores_empty_is_one_problem(tmp_path: Path):
    text = sheet_text({"2.1.2": "{self: , assessed: }", "3.4": "{}"})
    found = sorted((p.code, p.item_id, p.line) for p in problems(text, tmp_path))
    assert found == [("JY111", "2.1.2", 11), ("JY111", "3.4", 21)]


def test_an_item_id_with_nothing_after_it_is_one_missing_item(tmp_path: Path):
    found = problems(sheet_text({"2.1.2": " "}), tmp_path)
    assert [(p.code, p.item_id, p.line) for p in found] == [("JY111", "2.1.2", 11)]


def test_a_score_missing_in_one_column_is_still_named_by_column(tmp_path: Path):
    found = problems(sheet_text({"2.1.2": "{self: 4}"}), tmp_path)
    assert [(p.code, p.item_id) for p in found] == [("JY114", "2.1.2")]
    assert "assessed" in found[0].message


def test_a_sheet_without_any_score_is_one_problem(tmp_path: Path):
    text = "college: 文学院\nyear: 2024\nscores:\n  1.1: {self: , assessed: }\n  1.2: {}\n"
    assert [p.code for p in problems(text, tmp_path)] == ["JY115"]


def test_a_part_with_both_scores_empty_is_one_problem(tmp_path: Path):
    text = sheet_text({"1.1": ""},
                      extra="  1.1.1: {self: 4, assessed: 4}\n  1.1.2: {self: , assessed: }")
    found = [(p.code, p.item_id, p.line) for p in problems(text, tmp_path)]
    assert found == [("JY111", "1.1.2", 30)]


# -- 5: did you mean ------------------------------------------------------------------------

@pytest.mark.parametrize(("given", "missing", "expected"), [
    ("1.4.3", "1.4.2", "1.4.2"),  # a missing sibling, not 3.4.3
    ("2.1.3", "2.1.1", "2.1.1"),  # the missing sibling, not 3.2.1.2
    ("2.1.3", "5.2", "2.1.2"),  # nothing near is missing: the nearest sibling
    ("1.4.3", "3.3.2", "1.4.2"),
    ("3.21", "3.2.1", "3.2.1"),  # a dot left out
    ("1，2", "1.2", "1.2"),  # Chinese punctuation
])
def test_did_you_mean_prefers_missing_then_siblings(tmp_path: Path, given, missing, expected):
    text = sheet_text({missing: ""}, extra=f'  "{given}": {{self: 1, assessed: 1}}')
    unknown = [p for p in problems(text, tmp_path) if p.code == "JY110"]
    assert len(unknown) == 1
    assert f"did you mean {expected!r}" in unknown[0].message


def test_did_you_mean_stays_silent_when_nothing_is_near(tmp_path: Path):
    text = sheet_text(extra='  "备注": {self: 1, assessed: 1}')
    (unknown,) = [p for p in problems(text, tmp_path) if p.code == "JY110"]
    assert "did you mean" not in unknown.message


def test_nearest_id_cost_does_not_grow_with_the_rubric():
    """10,000 ids: the candidates come from lookups, at most MAX_RANKED are measured."""
    from jyscore.readers.nearest import MAX_RANKED, nearest_id

    known = frozenset(f"{a}.{b}.{c}" for a in range(1, 11) for b in range(1, 31)
                      for c in range(1, 34))
    assert len(known) > 9_000
    calls = 0
    import jyscore.readers.nearest as nearest

    original = nearest._distance

    def counting(a: str, b: str) -> int:
        nonlocal calls
        calls += 1
        return original(a, b)

    nearest._distance = counting
    try:
        assert nearest_id("7.12.40", known, frozenset({"7.12.33"})) == "7.12.33"
        assert nearest_id("7.12.5", known, frozenset()) in {"7.12.4", "7.12.6"}
    finally:
        nearest._distance = original
    assert calls <= 2 * MAX_RANKED


# -- 6: a tab in the indentation ------------------------------------------------------------

@pytest.mark.parametrize(("text", "line", "column"), [
    ("college: 文学院\nyear: 2024\nscores:\n\t1.1: {self: 1, assessed: 1}\n", 4, 1),
    ("college: 文学院\nyear: 2024\nscores:\n  1.1: {self: 1, assessed: 1}\n"
     "  \t1.2: {self: 1}\n", 5, 3),
    ("college: 文学院\nyear: 2024\nscores:\n  1.1:\n    self: 1\n\tassessed: 1\n", 6, 1),
])
def test_a_tab_in_the_indentation_says_to_indent_with_spaces(tmp_path: Path, text, line, column):
    (found,) = problems(text, tmp_path)
    assert (found.code, found.line, found.column) == ("JY016", line, column)
    assert "indent with spaces, not a tab" in found.message


def test_other_syntax_errors_stay_syntax_errors(tmp_path: Path):
    (found,) = problems("college: 文学院\nyear: [2024\n", tmp_path)
    assert found.code == "JY004"


# -- 7: rank -o with an invalid sheet says nothing was written -----------------------------

@pytest.fixture
def sheets(tmp_path: Path) -> Path:
    folder = tmp_path / "sheets"
    folder.mkdir()
    for example in (ROOT / "examples" / "2024").glob("*.yaml"):
        (folder / example.name).write_bytes(example.read_bytes())
    return folder


@pytest.mark.parametrize("name", ["r.xlsx", "r.csv", "r.json"])
def test_rank_to_a_file_with_an_invalid_sheet_says_nothing_was_written(
    sheets: Path, tmp_path: Path, name: str
):
    (sheets / "bad.yaml").write_text(sheet_text({"1.1": "{self: 7, assessed: 6}"}),
                                     encoding="utf-8")
    out = tmp_path / name
    result = run("rank", sheets, "-o", out)
    assert result.exit_code == 1 and not out.exists()
    assert f"nothing was written to {out}" in result.stderr
    assert "--skip-invalid" in result.stderr
    assert run("rank", sheets, "-o", out, "--skip-invalid").exit_code == 0 and out.exists()


def test_skip_invalid_is_not_suggested_where_it_cannot_help(sheets: Path, tmp_path: Path):
    (sheets / "copy.yaml").write_bytes((sheets / "文学院.yaml").read_bytes())  # JY301
    result = run("rank", sheets, "-o", tmp_path / "r.csv")
    assert result.exit_code == 1 and "JY301" in result.stderr
    assert "nothing was written" in result.stderr and "--skip-invalid" not in result.stderr


def test_convert_with_errors_says_nothing_was_written(tmp_path: Path):
    (tmp_path / "bad.yaml").write_text(sheet_text({"1.1": "{self: 7, assessed: 6}"}),
                                       encoding="utf-8")
    out = tmp_path / "bad.xlsx"
    result = run("convert", tmp_path / "bad.yaml", "-o", out)
    assert result.exit_code == 1 and not out.exists()
    assert f"nothing was written to {out}" in result.stderr


# -- 8: jyscore's own ranking workbook among the sheets --------------------------------------

def test_a_ranking_workbook_in_the_sheets_folder_is_skipped_with_a_note(sheets: Path):
    assert run("rank", sheets, "-o", sheets / "排名.xlsx").exit_code == 0
    validated = run("validate", sheets)
    assert validated.exit_code == 0, validated.output
    assert "skipped" in validated.stderr and "排名.xlsx" in validated.stderr
    assert "checked 7 files: 0 errors, 0 warnings" in validated.stderr
    strict = run("validate", sheets, "--strict", "--format", "json")
    assert strict.exit_code == 0 and json.loads(strict.stdout)["files_checked"] == 7
    ranked = run("rank", sheets, "-o", sheets / "again.csv")
    assert ranked.exit_code == 0 and "排名.xlsx" in ranked.stderr


def test_the_mark_is_in_the_document_properties(sheets: Path, tmp_path: Path):
    import openpyxl

    from jyscore.form.marks import OUTPUT_KEYWORD, is_own_output

    out = tmp_path / "r.xlsx"
    run("rank", sheets, "-o", out)
    properties = openpyxl.load_workbook(out, read_only=True).properties
    assert properties.keywords == OUTPUT_KEYWORD and properties.creator.startswith("jyscore")
    assert is_own_output(out)
    form = tmp_path / "form.xlsx"
    assert run("template", "--college", "文学院", "--year", "2024", "-o", form).exit_code == 0
    assert not is_own_output(form)  # a form filled in is a sheet


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not a zip", b"college: x\n"])
def test_a_broken_xlsx_is_not_taken_for_an_output(tmp_path: Path, content: bytes):
    from jyscore.form.marks import is_own_output

    (tmp_path / "x.xlsx").write_bytes(content)
    assert not is_own_output(tmp_path / "x.xlsx")


def test_a_folder_holding_only_a_ranking_workbook_has_no_sheets(sheets: Path, tmp_path: Path):
    only = tmp_path / "only"
    only.mkdir()
    run("rank", sheets, "-o", only / "r.xlsx")
    result = run("validate", only)
    assert result.exit_code == 2 and "skipped" in result.stderr
    named = run("rank", only / "r.xlsx", "-o", tmp_path / "again.xlsx")
    assert named.exit_code == 2 and not (tmp_path / "again.xlsx").exists()
    assert named.stderr == (f"jyscore: skipped {only / 'r.xlsx'}: it is a ranking workbook "
                            "written by jyscore (an output, not a score sheet)\n")


# -- 9: a path without sheets is wrong usage, the same for every command ----------------------

@pytest.mark.parametrize("command", ["validate", "rank"])
def test_a_folder_without_sheets_is_wrong_usage(tmp_path: Path, command: str):
    (tmp_path / "empty").mkdir()
    result = run(command, tmp_path / "empty")
    assert result.exit_code == 2
    assert result.stderr == (
        f"jyscore: {tmp_path / 'empty'}: no score sheets found in this folder (looked for "
        "*.xlsx, *.yaml, *.yml below it; dotfiles, ~$ lock files and *~ backups are skipped)\n"
    )


# -- 10: a format that contradicts the output's extension ------------------------------------

@pytest.mark.parametrize(("name", "fmt"), [
    ("r2.csv", "json"), ("r.json", "csv"), ("r.xlsx", "markdown"), ("r.md", "table"),
    ("r.txt", "json"),
])
def test_a_format_contradicting_the_extension_is_wrong_usage(sheets, tmp_path, name, fmt):
    out = tmp_path / name
    result = run("rank", sheets, "-o", out, "--format", fmt)
    assert result.exit_code == 2 and not out.exists()
    assert f"--format {fmt} contradicts" in result.stderr


@pytest.mark.parametrize(("name", "fmt"), [("r.csv", "csv"), ("r.md", "markdown"),
                                           ("ranking.out", "json"), ("r.txt", "table")])
def test_a_format_agreeing_with_or_beyond_the_extension_is_used(sheets, tmp_path, name, fmt):
    result = run("rank", sheets, "-o", tmp_path / name, "--format", fmt)
    assert result.exit_code == 0 and (tmp_path / name).exists()


def test_did_you_mean_prefers_an_id_the_sheet_is_missing_even_two_edits_away():
    from jyscore.readers.nearest import nearest_id

    known = frozenset({"1.1", "1.2", "1.3", "1.4", "1.4.1", "1.4.2"})
    # "1.14": one edit from 1.1 and 1.4 (both scored), two from 1.4.1 (missing)
    assert nearest_id("1.14", known, frozenset({"1.4.1"})) == "1.4.1"
    assert nearest_id("1.14", known, frozenset()) in {"1.1", "1.4"}
    assert nearest_id("9.99", known, frozenset({"1.4.1"})) != "1.4.1"  # too far


def test_a_mistyped_id_in_a_sheet_suggests_the_missing_item(tmp_path):
    text = (ROOT / "examples" / "2024" / "文学院.yaml").read_text("utf-8")
    line = next(x for x in text.splitlines() if x.lstrip().startswith('"1.4.1"'))
    path = tmp_path / "x.yaml"
    path.write_text(text.replace(line, line.replace('"1.4.1"', '"1.14"')), "utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert "did you mean '1.4.1'?" in result.output + result.stderr


@pytest.mark.parametrize("command", [["score"], ["explain"], ["convert", "-o", "out.yaml"],
                                     ["validate"], ["rank"]])
def test_a_ranking_workbook_named_to_any_command_is_no_sheet(sheets: Path, tmp_path: Path,
                                                              command: list[str]):
    workbook = tmp_path / "r.xlsx"
    assert run("rank", sheets, "-o", workbook).exit_code == 0
    args = [command[0], workbook, *[tmp_path / a if a == "out.yaml" else a for a in command[1:]]]
    result = run(*args)
    assert result.exit_code == 2
    assert "ranking workbook written by jyscore" in result.stderr
    assert "JY" not in result.stderr and not (tmp_path / "out.yaml").exists()
