"""Every file in tests/data: good ones load, bad ones report their expected (code, line)."""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pytest

from jyscore import load_sheet
from jyscore.core.problems import JyscoreError

from .conftest import DATA, problems_in
from .sheets import sheet_text

BAD = json.loads((DATA / "bad" / "expected.json").read_text(encoding="utf-8"))
GOOD = sorted((DATA / "good").glob("*.yaml"))
EXAMPLES = sorted((DATA.parent.parent / "examples" / "2024").rglob("*.yaml"))  # built-in rubric


def test_every_bad_file_has_an_expectation():
    on_disk = {p.name for p in (DATA / "bad").glob("*.yaml")}
    assert on_disk == set(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_sheet_reports_expected_problems(name, rubric):
    found = problems_in(DATA / "bad" / name, rubric)
    expected = [(code, line) for code, line in BAD[name]]
    assert sorted(found, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize("path", GOOD + EXAMPLES, ids=lambda p: p.name)
def test_good_sheets_load(path, rubric):
    sheet = load_sheet(path, rubric)
    assert sheet.college
    assert not [p for p in sheet.warnings if p.is_error]


def test_gb18030_file_is_read_with_a_warning(rubric):
    sheet = load_sheet(DATA / "good" / "gb18030.yaml", rubric)
    assert sheet.college == "测试学院"
    assert [(p.code, p.severity.value) for p in sheet.warnings] == [("JY003", "warning")]


def test_bom_and_crlf_read_silently(rubric):
    sheet = load_sheet(DATA / "good" / "bom-crlf.yaml", rubric)
    assert sheet.warnings == ()
    assert sheet.entries["1.1"].assessed == Decimal("5.5")


def test_problem_names_item_and_what_is_allowed(rubric):
    with pytest.raises(JyscoreError) as info:
        load_sheet(DATA / "bad" / "over-cap.yaml", rubric)
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (5, 15)
    assert (problem.item_id, problem.item_name) == ("1.1", "领导重视")
    assert "7" in problem.message and "0 to 6 in steps of 0.5" in problem.message


def test_unknown_id_suggests_the_nearest(rubric):
    with pytest.raises(JyscoreError) as info:
        load_sheet(DATA / "bad" / "unknown-id.yaml", rubric)
    unknown = next(p for p in info.value.problems if p.code == "JY110")
    assert "did you mean '2.1.2'?" in unknown.message


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("yes", "JY100"), ("on", "JY100"), ("010", "JY100"), ("0x10", "JY100"),
        ("12:30", "JY100"), ("1_0", "JY100"), (".nan", "JY100"), (".inf", "JY100"),
        ("1e0", "JY100"), ('"4,5"', "JY100"), ("四", "JY100"), ("[4]", "JY100"),
        ("6.5", "JY101"), ("100", "JY101"), ("-0.5", "JY102"), ("4.25", "JY103"),
        ("0.1", "JY103"),
    ],
)
def test_yaml_traps_in_a_score(check, value, code):
    text = sheet_text({"1.1": f"{{self: {value}, assessed: 6}}"})
    assert check(text) == [(code, 5)]


@pytest.mark.parametrize("value", ["0", "6", "5.5", "5.50", '"4.5"', "'3'", "+2", "0.0"])
def test_accepted_score_spellings(check, value):
    assert check(sheet_text({"1.1": f"{{self: {value}, assessed: 6}}"})) == []


def test_flow_comma_is_caught(check):
    # {self: 4,5, assessed: 6} parses as self: 4 plus a key "5": the typo still gets a message
    problems = check(sheet_text({"1.1": "{self: 4,5, assessed: 6}"}))
    assert ("JY022", 5) in problems


def test_all_problems_of_a_file_at_once(check):
    text = sheet_text({"1.1": "{self: 7, assessed: 6}", "1.2": "{self: x, assessed: 5}", "3.6": ""})
    assert sorted(check(text), key=str) == sorted([("JY101", 5), ("JY100", 6), ("JY111", 3)],
                                                  key=str)


def test_huge_file_is_refused_at_once(tmp_path, rubric):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * (50 * 1024 * 1024) + b"\n")
    started = time.perf_counter()
    assert problems_in(path, rubric) == [("JY010", None)]
    assert time.perf_counter() - started < 1  # refused by size, never read


def test_alias_bomb_is_refused_before_building(rubric):
    started = time.perf_counter()
    assert ("JY007", 1) in problems_in(DATA / "bad" / "alias-bomb.yaml", rubric)
    assert time.perf_counter() - started < 1


def test_utf16_with_bom_is_read_with_a_warning(tmp_path, rubric):
    path = tmp_path / "utf16.yaml"
    path.write_bytes(sheet_text().encode("utf-16"))
    assert problems_in(path, rubric) == [("JY003", 1)]


def test_quoting_does_not_change_ids(check):
    text = (sheet_text({"1.1": "", "1.2": ""})
            + '  "1.1": {self: 6, assessed: 6}\n  \'1.2\': {self: 5, assessed: 5}\n')
    assert check(text) == []


def test_not_assessed_sheet_loads_without_assessed_column(tmp_path, rubric):
    text = sheet_text({i: "{self: 1}" for i in ("1.1",)})
    text = text.replace(", assessed: ", ", self2: ")
    # every entry has self only
    lines = [line.split(", self2")[0] + "}" if "self2" in line else line
             for line in text.splitlines()]
    path = tmp_path / "self-only.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sheet = load_sheet(path, rubric)
    assert sheet.columns == ("self",)


def test_a_blank_bonus_entry_is_a_bonus_not_claimed_with_a_warning(check):
    text = sheet_text(extra='  "6.1.1": {target: , graduates: , employed: }\n  "6.2": {count: }')
    assert check(text) == [("JY124", 30), ("JY124", 31)]
