"""Assessor panels through the CLI: score, rank, validate, template and convert, via CliRunner.

examples/panel-2024/历史文化学院/ holds three assessors' sheets of the built-in rubric: 张老师
(base 95.5, total 99, no self scores), 李老师 (93, 96.5) and 王老师 (94.5, 98); the mean total is
293.5 / 3 = 97.8333… -> 97.83, the bonus 3.5 from each. tests/data/panels/ holds the small
panel-test rubric (places: 1) and the bad runs, each with its problem, file and line.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from jyscore.cli import cli

from .conftest import ROOT

PANEL = ROOT / "examples" / "panel-2024" / "历史文化学院"
DATA = Path(__file__).parent / "data" / "panels"
RUBRIC = ["--rubric", str(DATA / "rubric.yaml")]
PROBLEM = re.compile(r"^(?P<file>\S+?):(?P<line>\d+):\d+: (?P<severity>error|warning) "
                     r"(?P<code>JY\d{3}) ", re.MULTILINE)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def found(text: str) -> list[tuple[str, str, int, str]]:
    """(code, file name, line, severity) of every problem printed."""
    return [(m["code"], Path(m["file"]).name, int(m["line"]), m["severity"])
            for m in PROBLEM.finditer(text)]


# -- score -----------------------------------------------------------------------------------


@pytest.mark.lang("zh")  # jyscore's own words in the table/workbook: 汇总, 考核人数, 说明 …
def test_score_a_folder_is_one_panel_result():
    result = run("score", str(PANEL))
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if "编号" in line)
    assert re.search(r"自评分数\s+张老师\s+李老师\s+王老师\s+汇总", header)
    total = next(line for line in result.stdout.splitlines() if "总分" in line)
    assert total.split()[-5:] == ["104", "99", "96.5", "98", "97.83"]
    assert "考核组3人：张老师、李老师、王老师" in result.stdout


def test_score_several_files_json_adds_the_panel():
    files = sorted(str(p) for p in PANEL.glob("*.yaml"))
    result = run("score", *files, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout, parse_float=str)
    assert data["assessed"] == {"base": "94.33", "bonus": "3.5", "total": "97.83"}
    assert data["self"] == {"base": 100, "bonus": 4, "total": 104}  # the college's own
    panel = data["panel"]
    assert (panel["method"], panel["level"], panel["places"]) == ("mean", "total", 2)
    assert [(a["assessor"], a["base"], a["bonus"], a["total"]) for a in panel["assessors"]] == [
        ("张老师", "95.5", "3.5", 99), ("李老师", 93, "3.5", "96.5"), ("王老师", "94.5", "3.5", 98),
    ]
    item = next(i for i in data["items"] if i["id"] == "1.3")  # 3.5, 3, 3.5 -> 10/3
    assert item["assessed"] == "3.33"


def test_score_panel_option_overrides_the_rubric():
    result = run("score", str(PANEL), "--panel", "median", "--format", "json")
    data = json.loads(result.stdout, parse_float=str)
    assert data["panel"]["method"] == "median"
    assert data["assessed"]["total"] == 98  # the median of 99, 96.5, 98


def test_score_one_unnamed_sheet_is_unchanged():
    result = run("score", str(ROOT / "examples" / "2024" / "文学院.yaml"), "--format", "json")
    assert "panel" not in json.loads(result.stdout)


def test_score_trimmed_mean_of_two_is_an_error_naming_the_reason():
    result = run("score", str(DATA / "two"), *RUBRIC, "--panel", "trimmed-mean")
    assert result.exit_code == 1
    assert found(result.stderr) == [("JY315", "a.yaml", 3, "error")]
    assert "needs at least 3" in result.stderr


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("duplicate-assessor", [("JY311", "b.yaml", 3, "error")]),
        ("mixed", [("JY312", "b.yaml", 1, "error")]),
        ("self-disagrees", [("JY314", "b.yaml", 7, "error")]),
        ("years", [("JY316", "b.yaml", 2, "error")]),
        # the first sheet is the odd one: the problem is on it, not on the two that agree
        ("years-odd-first", [("JY316", "a.yaml", 2, "error")]),
        ("colleges", [("JY318", "b.yaml", 1, "error")]),
        # two sheets of different colleges without assessors: not "the same college twice"
        ("colleges-unnamed", [("JY318", "b.yaml", 1, "error")]),
        ("rubrics", [("JY024", "b.yaml", 4, "error")]),
    ],
)
def test_score_refuses_what_is_not_one_panel(folder, expected):
    result = run("score", str(DATA / folder), *RUBRIC)
    assert result.exit_code == 1
    assert found(result.stderr) == expected
    assert result.stdout == ""


# -- validate --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (["duplicate-assessor"], [("JY311", "b.yaml", 3, "error")]),
        (["mixed"], [("JY312", "b.yaml", 1, "error")]),
        (["self-disagrees"], [("JY314", "b.yaml", 7, "error")]),
        (["years"], [("JY302", "b.yaml", 2, "warning"), ("JY316", "b.yaml", 2, "error")]),
        (["years-odd-first"], [("JY302", "a.yaml", 2, "warning"),
                               ("JY316", "a.yaml", 2, "error")]),
        (["spelling"], [("JY313", "b.yaml", 3, "warning"), ("JY313", "d.yaml", 3, "warning")]),
        (["blank-assessor.yaml"], [("JY023", "blank-assessor.yaml", 3, "error")]),
        (["empty-assessor.yaml"], [("JY023", "empty-assessor.yaml", 4, "error")]),
        (["two"], []),
    ],
)
def test_validate_reports_each_bad_panel_with_its_file_and_line(paths, expected):
    result = run("validate", *(str(DATA / p) for p in paths), *RUBRIC)
    assert found(result.stdout) == expected
    assert result.exit_code == (1 if any(e[3] == "error" for e in expected) else 0)


def test_validate_panel_method_checks_the_number_of_assessors():
    result = run("validate", str(DATA / "two"), *RUBRIC, "--panel", "trimmed-mean")
    assert found(result.stdout) == [("JY315", "a.yaml", 3, "error")]


def test_validate_max_spread_names_the_item_the_assessors_and_their_scores():
    result = run("validate", str(PANEL), "--max-spread", "0.4")
    assert result.exit_code == 0
    problems = found(result.stdout)
    assert [p[0] for p in problems] == ["JY319"] * 5
    assert ("[1.3 就业政策与落实] the assessors differ by 0.5 points here "
            "(张老师 3.5, 李老师 3, 王老师 3.5); allowed spread: 0.4") in result.stdout
    assert run("validate", str(PANEL), "--max-spread", "0.5").stdout == ""
    strict = run("validate", str(PANEL), "--max-spread", "0.4", "--strict")
    assert strict.exit_code == 1


SPREAD = re.compile(r"^(?P<file>\S+?):(?P<line>\d+):\d+: warning JY319 \[(?P<item>[\d.]+) ",
                    re.MULTILINE)


@pytest.mark.parametrize("zhang, expected", [
    # each through the parts: 1.1 is 5.5 on every sheet, but 1.1.1 is 3.5, 3.5, 4 (王老师's
    # line 8) and 1.1.2 is 2, 2, 1.5 (张老师's line 9)
    ('"1.1.1": {assessed: 3.5}\n  "1.1.2": {assessed: 2}',
     [("1.1.1", "历史文化学院-王老师.yaml", 8), ("1.1.2", "历史文化学院-张老师.yaml", 9)]),
    # 张老师 scores 1.1 whole (5.5, as the others' sums): the parts compared between the others
    ('"1.1": {assessed: 5.5}',
     [("1.1.1", "历史文化学院-王老师.yaml", 8), ("1.1.2", "历史文化学院-李老师.yaml", 9)]),
])
def test_validate_max_spread_compares_the_parts_the_assessors_scored(tmp_path, zhang, expected):
    for path in PANEL.glob("*.yaml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    edits = {
        "张老师": ('"1.1.1": {assessed: 4, note: 每学年召开专题会议2次，见党政联席会议纪要}\n'
                '  "1.1.2": {assessed: 2}', zhang),
        "李老师": ('"1.1.1": {self: 4, assessed: 4,', '"1.1.1": {self: 4, assessed: 3.5,'),
    }
    for name, (old, new) in edits.items():
        sheet = tmp_path / f"历史文化学院-{name}.yaml"
        text = sheet.read_text(encoding="utf-8")
        assert old in text
        sheet.write_text(text.replace(old, new), encoding="utf-8")
    li = tmp_path / "历史文化学院-李老师.yaml"
    li.write_text(li.read_text(encoding="utf-8").replace(
        '"1.1.2": {self: 2, assessed: 1.5}', '"1.1.2": {self: 2, assessed: 2}'), encoding="utf-8")
    result = run("validate", str(tmp_path), "--max-spread", "0.4")
    assert result.exit_code == 0, result.output
    warned = [(m["item"], Path(m["file"]).name, int(m["line"]))
              for m in SPREAD.finditer(result.stdout) if m["item"].startswith("1.1")]
    assert sorted(warned) == expected


def test_validate_max_spread_must_be_points():
    result = run("validate", str(PANEL), "--max-spread", "much")
    assert result.exit_code == 2


# -- rank ------------------------------------------------------------------------------------


def test_rank_ties_on_the_published_total_that_differ_before_rounding():
    # X学院: 90, 90, 90.5 -> 541/6 = 90.1666…; Y学院: 90, 90, 90, 90.5, 90.5 -> 90.2 exactly;
    # the rubric publishes 1 place: both 90.2, a tie; Z学院, one unnamed sheet, 89
    result = run("rank", str(DATA / "tie"), *RUBRIC, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout, parse_float=str)["ranking"]
    assert [(r["rank"], r["college"], r["total"]) for r in rows] == [
        (1, "X学院", "90.2"), (1, "Y学院", "90.2"), (3, "Z学院", 89),
    ]
    assert [(sorted(r["assessors"]), r["spread"]) for r in rows] == [
        (sorted(["评委甲", "评委乙", "评委丙"]), "0.5"),
        (sorted(["评委甲", "评委乙", "评委丙", "评委丁", "评委戊"]), "0.5"),
        ([], 0),
    ]


@pytest.mark.lang("zh")  # jyscore's own words in the table/workbook: 汇总, 考核人数, 说明 …
def test_rank_table_shows_the_assessors_and_the_spread():
    result = run("rank", str(DATA / "tie"), *RUBRIC)
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "考核人数" in line)
    # a rubric without labels: jyscore's own words follow the language
    assert re.search(r"排名\s+学院\s+.*基础分\s+加分\s+总分\s+考核人数\s+极差", header)
    assert re.search(r"X学院.*90\.2\s+3\s+0\.5\s*$",
                     next(line for line in lines if "X学院" in line))
    assert re.search(r"Z学院.*89\s+—\s+0\s*$", next(line for line in lines if "Z学院" in line))


def test_rank_of_single_sheets_has_no_assessors_and_no_spread():
    result = run("rank", str(ROOT / "examples" / "2024"), "--format", "json")
    assert result.exit_code == 0
    row = json.loads(result.stdout)["ranking"][0]
    assert row["assessors"] == [] and row["spread"] == 0
    assert "考核人数" not in run("rank", str(ROOT / "examples" / "2024")).stdout


def test_rank_stops_on_a_bad_panel():
    result = run("rank", str(DATA / "duplicate-assessor"), *RUBRIC)
    assert result.exit_code == 1
    assert found(result.stderr) == [("JY311", "b.yaml", 3, "error")]


@pytest.mark.parametrize("year", ["2024", "2023"])
def test_rank_stops_on_a_panel_whose_sheets_give_different_years(year):
    # 赵老师's a.yaml says 2023, 王老师's and 李老师's 2024: never ranked as a panel of two
    result = run("rank", str(DATA / "years-odd-first"), *RUBRIC, "--year", year)
    assert result.exit_code == 1
    assert ("JY316", "a.yaml", 2, "error") in found(result.stderr)
    assert re.search(r"2024 is the year of \S*b\.yaml, \S*c\.yaml", result.stderr)
    assert "--skip-invalid" not in result.stderr  # it would not skip a panel's problem
    assert result.stdout == ""


@pytest.mark.parametrize("broken", [
    ('"1.1.2": {self: 2, assessed: 1.5}', '"1.1.2": {self: 2, assessed: abc}'),  # a score
    ("year: 2024", "year: 二〇二四"),  # the year itself: the panel is still its college's
])
def test_rank_skip_invalid_leaves_a_panel_with_an_invalid_sheet_out_whole(tmp_path, broken):
    for path in PANEL.glob("*.yaml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "文学院.yaml").write_bytes(
        (ROOT / "examples" / "2024" / "文学院.yaml").read_bytes())
    bad = tmp_path / "历史文化学院-李老师.yaml"
    text = bad.read_text(encoding="utf-8")
    assert broken[0] in text
    bad.write_text(text.replace(broken[0], broken[1]), encoding="utf-8")
    result = run("rank", str(tmp_path), "--skip-invalid", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["ranking"]
    assert [r["college"] for r in rows] == ["文学院"]  # never 历史文化学院 of 张老师 and 王老师
    notes = [(name, severity) for code, name, _, severity in found(result.stderr)
             if code == "JY320"]
    assert notes == [("历史文化学院-张老师.yaml", "error"), ("历史文化学院-王老师.yaml", "error")]
    for name in ("张老师", "李老师", "王老师"):
        assert f"skipped {tmp_path / f'历史文化学院-{name}.yaml'}" in result.stderr


@pytest.mark.lang("zh")  # jyscore's own words in the table/workbook: 汇总, 考核人数, 说明 …
def test_rank_workbook_has_every_assessors_totals(tmp_path):
    out = tmp_path / "排名.xlsx"
    examples = tmp_path / "sheets"
    examples.mkdir()
    for path in [*PANEL.glob("*.yaml"), ROOT / "examples" / "2024" / "心理学院.yaml"]:
        (examples / path.name).write_bytes(path.read_bytes())
    result = run("rank", str(examples), "-o", str(out))
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(out)
    header = [c.value for c in workbook["排名"][3]]  # below the title and the tie rule
    assert header[-2:] == ["考核人数", "极差"]
    rows = list(workbook["考核组评分"].iter_rows(values_only=True))
    assert rows[0] == ("排名", "学院", "考核人", "基础分", "加分", "总分")
    assert [(r[1], r[2], r[5]) for r in rows[1:]] == [
        ("历史文化学院", "张老师", 99), ("历史文化学院", "李老师", 96.5),
        ("历史文化学院", "王老师", 98), ("历史文化学院", "汇总", 97.83),
        ("心理学院", None, 87),
    ]


# -- template and convert ------------------------------------------------------------------


def test_template_assessor_round_trips_through_the_workbook(tmp_path):
    form = tmp_path / "历史文化学院-王老师.xlsx"
    result = run("template", "--college", "历史文化学院", "--year", "2024", "--assessor", "王老师",
                 "-o", str(form))
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(form).active
    top = {sheet.cell(2, c).value: sheet.cell(2, c + 1).value for c in range(1, 10)}
    assert top["考核人"] == "王老师" and top["学院"] == "历史文化学院"
    filled = tmp_path / "filled.xlsx"
    assert run("convert", str(PANEL / "历史文化学院-王老师.yaml"), "-o", str(filled)).exit_code == 0
    back = tmp_path / "back.yaml"
    assert run("convert", str(filled), "-o", str(back)).exit_code == 0
    assert "\nassessor: 王老师\n" in back.read_text(encoding="utf-8")
    both = run("score", str(filled), str(PANEL / "历史文化学院-李老师.yaml"), "--format", "json")
    assessors = json.loads(both.stdout)["panel"]["assessors"]
    assert [a["assessor"] for a in assessors] == ["王老师", "李老师"]


def test_template_yaml_names_the_assessor(tmp_path):
    out = tmp_path / "a.yaml"
    assert run("template", "--college", "文学院", "--year", "2024", "--assessor", " 李老师 ",
               "-o", str(out)).exit_code == 0
    assert "\nassessor: 李老师\n" in out.read_text(encoding="utf-8")


def test_template_refuses_a_blank_assessor(tmp_path):
    result = CliRunner().invoke(cli, ["template", "--college", "文学院", "--year", "2024",
                                      "--assessor", "  ", "-o", str(tmp_path / "a.xlsx")])
    assert result.exit_code == 2
    assert "assessor's name is empty" in result.output
    assert not (tmp_path / "a.xlsx").exists()


def test_a_blank_assessor_cell_in_a_workbook_is_reported_at_its_cell(tmp_path):
    form = tmp_path / "form.xlsx"
    assert run("convert", str(PANEL / "历史文化学院-王老师.yaml"), "-o", str(form)).exit_code == 0
    workbook = openpyxl.load_workbook(form)
    workbook.active["H2"] = "   "
    workbook.save(form)
    result = run("score", str(form))
    assert result.exit_code == 1
    assert re.search(r"form\.xlsx!H2: error JY023 assessor is empty", result.stderr)


@pytest.mark.parametrize("name", [
    '"\\u200b"',  # only an invisible character: blank once it is dropped
    "true", "no", "2024-01-02", "12", '"王\\n老师"', '"  \\u3000 "',
])
def test_an_assessor_that_is_not_a_name_is_refused_at_its_line(tmp_path, name):
    sheet = tmp_path / "a.yaml"
    text = (DATA / "two" / "a.yaml").read_text(encoding="utf-8")
    assert "\nassessor: " in text
    lines = [f"assessor: {name}" if line.startswith("assessor:") else line
             for line in text.splitlines()]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("assessor:"))
    result = run("validate", str(sheet), *RUBRIC)
    assert found(result.stdout) == [("JY023", "a.yaml", line, "error")]
    assert "expected the assessor's name as text on one line" in result.stdout


@pytest.mark.parametrize("name", ["12", "true", "\u200b", "王\n老师"])
def test_template_refuses_an_assessor_that_is_not_a_name(tmp_path, name):
    result = CliRunner().invoke(cli, ["template", "--college", "文学院", "--year", "2024",
                                      "--assessor", name, "-o", str(tmp_path / "a.xlsx")])
    assert result.exit_code == 2
    assert "at least one letter" in result.output
    assert not (tmp_path / "a.xlsx").exists()


def test_the_same_assessor_twice_in_forms_is_reported_at_the_name_cell(tmp_path):
    for name in ("a.xlsx", "b.xlsx"):
        assert run("convert", str(PANEL / "历史文化学院-王老师.yaml"), "-o",
                   str(tmp_path / name)).exit_code == 0
    result = run("validate", str(tmp_path))
    assert re.search(r"b\.xlsx!H2: error JY311 ", result.stdout), result.stdout


def test_explain_assessor_of_a_sheet_naming_none_says_so():
    result = run("explain", str(ROOT / "examples" / "2024" / "文学院.yaml"), "--assessor", "乙")
    assert result.exit_code == 2
    assert "no sheet given names an assessor" in result.stderr


def test_a_panel_block_that_is_not_a_mapping_is_refused_in_our_words(tmp_path):
    rubric = tmp_path / "rubric.yaml"
    text = (DATA / "rubric.yaml").read_text(encoding="utf-8")
    declared = "\npanel: {method: mean, places: 1, level: total}\n"
    assert declared in text
    rubric.write_text(text.replace(declared, "\npanel: mean\n"), encoding="utf-8")
    result = run("validate", str(DATA / "two"), "--rubric", str(rubric))
    assert result.exit_code == 1
    assert "rubric.yaml:7:1: error JY200 panel: expected a mapping (key: value lines)" in (
        result.output)
    assert "PanelSpec" not in result.output and "dataclass" not in result.output


def test_rank_panel_option_overrides_the_rubric():
    # medians: X学院 of 90, 90, 90.5 -> 90; Y学院 of 90, 90, 90, 90.5, 90.5 -> 90
    result = run("rank", str(DATA / "tie"), *RUBRIC, "--panel", "median", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout, parse_float=str)["ranking"]
    assert [(r["rank"], r["college"], Decimal(str(r["total"]))) for r in rows] == [
        (1, "X学院", 90), (1, "Y学院", 90), (3, "Z学院", 89),
    ]


def test_rank_by_self_uses_the_colleges_own_scores_of_a_panel():
    result = run("rank", str(PANEL), "--by", "self", "--format", "json")
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)["ranking"]
    assert (row["college"], row["total"], row["spread"]) == ("历史文化学院", 104, 2.5)


@pytest.mark.parametrize(("own", "expected"),
                         [(6, []), (5, [("JY314", "王老师.yaml", 8, "error")])])
def test_self_scores_compare_an_item_scored_whole_with_its_parts(tmp_path, own, expected):
    # 王老师 scores 1.1 through its parts (self 4 + 2); 李老师 (read first) scores it whole
    (tmp_path / "王老师.yaml").write_bytes((PANEL / "历史文化学院-王老师.yaml").read_bytes())
    text = (PANEL / "历史文化学院-李老师.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith(('  "1.1.1"', '  "1.1.2"'))]
    lines.insert(7, f'  "1.1": {{self: {own}, assessed: 5.5}}')
    (tmp_path / "李老师.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("score", str(tmp_path), "--format", "json")
    assert found(result.stderr) == expected
    assert result.exit_code == (1 if expected else 0)


def test_a_rubric_declares_level_item_and_the_method(tmp_path):
    # medians item by item: 1.1 of 6 (4 + 2), 5.5, 5.5 -> 5.5 (its parts: 4 and 1.5); 1.3 of
    # 3.5, 3, 3.5 -> 3.5; 2.2.3 -> 3; 3.4 -> 2.5; 4.2 -> 6.5: the sums are 王老师's, base 94.5
    rubric = tmp_path / "rubric.yaml"
    text = (ROOT / "rubric" / "imnu-employment.yaml").read_text(encoding="utf-8")
    declared = text.replace("\nindicators:",
                            "\npanel: {method: median, level: item}\nindicators:", 1)
    rubric.write_text(declared, encoding="utf-8")
    result = run("score", str(PANEL), "--rubric", str(rubric), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout, parse_float=str)
    assert (data["panel"]["method"], data["panel"]["level"]) == ("median", "item")
    assert data["assessed"] == {"base": "94.5", "bonus": "3.5", "total": 98}
    items = {i["id"]: i["assessed"] for i in data["items"]}
    assert (items["1"], items["1.1"], items["1.1.1"], items["1.1.2"]) == (20, "5.5", 4, "1.5")


def test_panels_rank_and_validate_the_same_in_a_process_pool():
    from jyscore.pipeline.parallel import PoolSettings
    from jyscore.pipeline.rank import RankRequest, rank_paths
    from jyscore.pipeline.validate import validate_files
    from jyscore.readers.files import discover
    from jyscore.readers.rubric import load_rubric

    rubric = load_rubric()
    folders = [ROOT / "examples" / "2024", ROOT / "examples" / "panel-2024"]  # one year

    def standings(pool: PoolSettings | None = None) -> list[tuple[int, str, Decimal, object]]:
        rows = rank_paths(folders, RankRequest(rubric), pool=pool).ranking.rows
        return [(r.rank, r.college, r.total, r.standing.panel) for r in rows]

    assert standings(PoolSettings(threshold=1, workers=2)) == standings()
    files = discover(folders)
    pooled = validate_files(files, rubric, parallel_threshold=1, workers=2, max_spread=Decimal(0))
    assert pooled.problems == validate_files(files, rubric, max_spread=Decimal(0)).problems
    assert [p.code for p in pooled.problems] == ["JY319"] * 5


# -- a panel's adjustments, vetoes and grade ----------------------------------------------------

COMPOSITE = ROOT / "examples" / "composite-employment" / "心理学院.yaml"
COMPOSITE_RUBRIC = ["--rubric", str(ROOT / "rubric" / "composite-employment.yaml")]


def _composite_panel(tmp_path: Path, *sheets: tuple[str, str]) -> Path:
    """心理学院's sheet (base 57.4, bonus 0, 迟报 −1.5) once per assessor, ``extra`` replacing
    its adjustments block."""
    text = COMPOSITE.read_text(encoding="utf-8")
    head, _, _ = text.partition("adjustments:")
    folder = tmp_path / "panel"
    folder.mkdir()
    for name, extra in sheets:
        (folder / f"{name}.yaml").write_text(
            head.replace("rubric: composite-employment\n",
                         f"rubric: composite-employment\nassessor: {name}\n") + extra,
            encoding="utf-8")
    return folder


def test_a_panels_adjustments_are_its_assessors_aggregated(tmp_path):
    # 甲 −1.5, 乙 −0.5: the mean −1; total (55.9 + 56.9) / 2 = 56.4 = 57.4 + 0 − 1
    folder = _composite_panel(tmp_path, ("甲", "adjustments:\n  迟报: {assessed: 1.5}\n"),
                              ("乙", "adjustments:\n  迟报: {assessed: 0.5, note: 逾期1天}\n"))
    data = json.loads(run("score", str(folder), *COMPOSITE_RUBRIC, "-f", "json").stdout,
                      parse_float=str)
    assert (data["assessed"]["adjustments"], data["assessed"]["total"]) == (-1, "56.4")
    assert [(a["id"], a["assessed"], a.get("note")) for a in data["adjustments"]] == [
        ("迟报", -1, "逾期1天")]
    assert [(a["assessor"], a["adjustments"], a["total"])
            for a in data["panel"]["assessors"]] == [("乙", "-0.5", "56.9"), ("甲", "-1.5", "55.9")]
    rank = run("rank", str(folder), *COMPOSITE_RUBRIC, "-f", "csv").stdout.splitlines()
    row = dict(zip(rank[0].split(","), rank[1].split(","), strict=True))
    assert (row["调整"], row["总分"]) == ("-1", "56.4")
    table = run("score", str(folder), *COMPOSITE_RUBRIC).stdout
    lines = {line.split()[0]: line.split()[1:] for line in table.splitlines() if line.split()}
    assert lines["调整"] == ["0", "-0.5", "-1.5", "-1"]  # own, 乙, 甲 (in file order), aggregate
    assert lines["迟报"][-3:] == ["-0.5", "-1.5", "-1"]
    assert lines["等级"] == ["合格", "不合格", "不合格", "不合格"]


def test_a_panels_adjustments_under_a_median_and_at_level_item(tmp_path):
    # 甲 −1.5, 乙 −0.5, 丙 none: the median of −1.5, −0.5, 0 is −0.5
    folder = _composite_panel(tmp_path, ("甲", "adjustments:\n  迟报: {assessed: 1.5}\n"),
                              ("乙", "adjustments:\n  迟报: {assessed: 0.5}\n"), ("丙", ""))
    data = json.loads(run("score", str(folder), *COMPOSITE_RUBRIC, "--panel", "median",
                          "-f", "json").stdout, parse_float=str)
    assert (data["assessed"]["adjustments"], data["assessed"]["total"]) == ("-0.5", "56.9")
    rubric = (ROOT / "rubric" / "composite-employment.yaml").read_text(encoding="utf-8")
    item_rubric = tmp_path / "item.yaml"
    item_rubric.write_text(rubric + "\npanel: {method: mean, level: item}\n", encoding="utf-8")
    data = json.loads(run("score", str(folder), "--rubric", str(item_rubric), "-f",
                          "json").stdout, parse_float=str)
    # the mean of −1.5, −0.5, 0 is −2/3 → −0.67; total 57.4 + 0 − 2/3 = 56.7333… → 56.73
    assert (data["assessed"]["adjustments"], data["assessed"]["total"]) == ("-0.67", "56.73")


@pytest.mark.lang("zh")
def test_a_veto_any_assessor_reports_is_shown_with_its_reason(tmp_path):
    folder = _composite_panel(tmp_path, ("甲", "vetoes:\n  否决1: {assessed: true}\n"), ("乙", ""))
    result = run("score", str(folder), *COMPOSITE_RUBRIC)
    lines = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()
             if line.split()}
    assert lines["总分"][-1] == "0" and lines["等级"][-1] == "不合格"
    assert lines["一票否决"] == ["否决1", "否决1"]  # 甲's column and the aggregate
    assert "否决1 发生违反就业统计纪律的严重事件" in result.stdout  # the reason, beside the label
    data = json.loads(run("score", str(folder), *COMPOSITE_RUBRIC, "-f", "json").stdout)
    assert [(v["id"], v["assessed"]) for v in data["vetoes"]] == [("否决1", True)]


def test_explain_of_a_panel_says_the_veto_set_its_total_and_grade(tmp_path):
    folder = _composite_panel(tmp_path, ("甲", "vetoes:\n  否决1: {assessed: true}\n"), ("乙", ""))
    result = run("explain", str(folder), *COMPOSITE_RUBRIC)
    assert result.exit_code == 0, result.output
    total = result.stdout.split("\n总分\n")[1]
    assert "总分 0: the lowest total the reported vetoes set, in place of 57.4." in total
    assert "等级 不合格: set by veto 否决1, whatever the total." in total
    assert "the total 57.4 reaches" not in total
