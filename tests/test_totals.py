"""Adjustments to the total, vetoes (一票否决) and grade bands with a quota (issue #11, items 7–9).

The rubric is tests/data/totals/rubric.yaml: the built-in rubric plus
  adjustments  造假 deduction 30–50 (the rubric's step 0.5), 迟报 deduction 0.1–2 (step 0.1),
               表彰 addition 1–3;
  vetoes       否决1 sets total 0 and grade 不合格, 否决2 sets grade 合格 only;
  grades       优秀 ≥ 90 (quota 30 %, floor, ties drop), 良好 ≥ 80, 合格 ≥ 60, else 不合格.
Every expected figure below is worked by hand from those numbers, not by the engine.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from jyscore import load_rubric, load_sheet
from jyscore.cli import cli
from jyscore.core.engine import score
from jyscore.core.models import Band, Grades
from jyscore.core.problems import JyscoreError
from jyscore.core.quotas import Graded, apply_quota, quota_places
from jyscore.core.totals import grade_of
from jyscore.writers.schema import sheet_schema

from .conftest import DATA
from .sheets import sheet_text

TOTALS = DATA / "totals"
RUBRIC_FILE = TOTALS / "rubric.yaml"
EXPECTED = json.loads((TOTALS / "expected.json").read_text(encoding="utf-8"))
D = Decimal


@pytest.fixture(scope="module")
def rubric():
    return load_rubric(RUBRIC_FILE)


def scored(tmp_path: Path, rubric, overrides: dict[str, str], extra: str):
    path = tmp_path / "sheet.yaml"
    path.write_text(sheet_text(overrides, extra=extra), encoding="utf-8")
    return score(rubric, load_sheet(path, rubric))


# -- the totals of one sheet, by hand ------------------------------------------------------------

A96_5 = {"1.1": "{self: 6, assessed: 2.5}"}  # 6 − 3.5: assessed base 96.5, self base 100

TOTALS_CASES = [
    # (what, overrides, extra, column, adjustment sum, total, grade, veto ids)
    ("deduction of 30 from 96.5", A96_5, "adjustments:\n  造假: {assessed: 30}\n",
     "assessed", "-30", "66.5", "合格", []),
    ("the deduction is not in the self column", A96_5, "adjustments:\n  造假: {assessed: 30}\n",
     "self", "0", "100", "优秀", []),
    ("the top of the range from 100", {}, "adjustments:\n  造假: {assessed: 50}\n",
     "assessed", "-50", "50", "不合格", []),
    ("two deductions: 30 + 0.3 on its own step of 0.1", A96_5,
     "adjustments:\n  造假: {assessed: 30}\n  迟报: {assessed: 0.3}\n",
     "assessed", "-30.3", "66.2", "合格", []),
    ("an addition goes past 100: no cap on the total", {}, "adjustments:\n  表彰: {assessed: 3}\n",
     "assessed", "3", "103", "优秀", []),
    ("veto 否决1: total 0 and 不合格", A96_5, "vetoes:\n  否决1: {assessed: true}\n",
     "assessed", "0", "0", "不合格", ["否决1"]),
    ("veto 否决2 sets only the grade: the total stays", A96_5,
     "vetoes:\n  否决2: {assessed: true}\n", "assessed", "0", "96.5", "合格", ["否决2"]),
    ("both vetoes: the lowest total and the lowest grade", A96_5,
     "vetoes:\n  否决2: {assessed: true}\n  否决1: {assessed: true}\n",
     "assessed", "0", "0", "不合格", ["否决1", "否决2"]),
    ("a veto reported false does not apply", A96_5, "vetoes:\n  否决1: {assessed: false}\n",
     "assessed", "0", "96.5", "优秀", []),
    ("a veto with a deduction: the veto's total wins", A96_5,
     "adjustments:\n  造假: {assessed: 30}\nvetoes:\n  否决1: {assessed: TRUE}\n",
     "assessed", "-30", "0", "不合格", ["否决1"]),
    ("an entry left blank does not apply", A96_5, "adjustments:\n  造假: {assessed: }\n"
     "vetoes:\n  否决1:\n", "assessed", "0", "96.5", "优秀", []),
]


@pytest.mark.parametrize(
    "overrides, extra, column, adjustment, total, grade, vetoes",
    [case[1:] for case in TOTALS_CASES], ids=[case[0] for case in TOTALS_CASES],
)
def test_totals_by_hand(tmp_path, rubric, overrides, extra, column, adjustment, total, grade,
                        vetoes):
    totals = scored(tmp_path, rubric, overrides, extra).totals[column]
    assert totals is not None
    assert totals.adjustment == D(adjustment)
    assert totals.total == D(total)
    assert totals.grade == grade
    assert [v.id for v in totals.vetoes] == vetoes
    assert totals.vetoed == bool(vetoes)


def test_rubric_without_blocks_keeps_its_totals(tmp_path):
    builtin = load_rubric()
    result = scored(tmp_path, builtin, A96_5, "")
    totals = result.totals["assessed"]
    assert (totals.base, totals.bonus, totals.total, totals.grade) == (
        D("96.5"), 0, D("96.5"), None)


# -- grade bands, exactly on the boundaries ------------------------------------------------------

SEED_BANDS = Grades((Band("优秀", min=D(90)), Band("良好", min=D(80)), Band("合格", min=D(60)),
                     Band("不合格")))
EXCLUSIVE = Grades((Band("优秀", above=D(90)), Band("良好", above=D(80)), Band("不合格")))


@pytest.mark.parametrize("grades, total, grade", [
    (SEED_BANDS, "100", "优秀"), (SEED_BANDS, "90", "优秀"), (SEED_BANDS, "89.9", "良好"),
    (SEED_BANDS, "80", "良好"), (SEED_BANDS, "79.5", "合格"), (SEED_BANDS, "60", "合格"),
    (SEED_BANDS, "59.99", "不合格"), (SEED_BANDS, "0", "不合格"), (SEED_BANDS, "-12", "不合格"),
    (SEED_BANDS, "130", "优秀"),
    (EXCLUSIVE, "90", "良好"), (EXCLUSIVE, "90.01", "优秀"), (EXCLUSIVE, "80", "不合格"),
])
def test_grade_bands(grades, total, grade):
    assert grade_of(D(total), grades) == grade


# -- the quota, applied in rank order ------------------------------------------------------------

def quota_grades(quota: str = "30", rounding: str = "floor", ties: str = "drop",
                 second: str | None = None) -> Grades:
    return Grades((Band("优秀", min=D(90), quota=D(quota)),
                   Band("良好", min=D(80), quota=D(second) if second else None),
                   Band("合格", min=D(60)), Band("不合格")), rounding, ties)  # type: ignore[arg-type]


def rows(*spec: tuple[int, str] | tuple[int, str, bool]) -> list[Graded]:
    return [Graded(*s) for s in spec]


@pytest.mark.parametrize("percent, count, rounding, places", [
    ("30", 7, "floor", 2), ("30", 7, "ceil", 3), ("30", 7, "half_up", 2),
    ("50", 7, "floor", 3), ("50", 7, "half_up", 4), ("50", 7, "ceil", 4),
    ("30", 10, "floor", 3), ("30", 10, "ceil", 3), ("0", 7, "ceil", 0), ("100", 7, "floor", 7),
    ("12.5", 8, "floor", 1), ("33.3", 3, "half_up", 1), ("33.4", 3, "floor", 1),
])
def test_quota_places(percent, count, rounding, places):
    assert quota_places(D(percent), count, rounding) == places


def test_quota_of_30_percent_of_7_keeps_two_and_moves_the_third_down():
    # totals 98, 95, 92, 85, 75, 65, 50: 优秀 three by total, floor(2.1) = 2 places
    found = apply_quota(rows((1, "优秀"), (2, "优秀"), (3, "优秀"), (4, "良好"), (5, "合格"),
                             (6, "合格"), (7, "不合格")), quota_grades())
    assert [o.grade for o in found] == ["优秀", "优秀", "良好", "良好", "合格", "合格", "不合格"]
    assert [bool(o.drops) for o in found] == [False, False, True, False, False, False, False]
    drop = found[2].drops[0]
    assert (drop.band, drop.to, drop.percent, drop.count, drop.places, drop.rounding, drop.tie) == (
        "优秀", "良好", D(30), 7, 2, "floor", False)


def test_quota_rounding_ceil_keeps_the_third():
    found = apply_quota(rows(*((i, "优秀") for i in range(1, 4)),
                             *((i, "合格") for i in range(4, 8))),
                        quota_grades(rounding="ceil"))
    assert [o.grade for o in found[:3]] == ["优秀", "优秀", "优秀"]


@pytest.mark.parametrize("ties, grades, tie_flags", [
    # ranks 1, 2, 2, 4, all 优秀 by total; 30 % of 4 = 1.2 -> 1 place: no tie at the boundary
    ("drop", ["优秀", "良好", "良好", "良好"], [False, False, False, False]),
    ("keep", ["优秀", "良好", "良好", "良好"], [False, False, False, False]),
])
def test_a_tie_below_the_boundary_is_no_boundary_tie(ties, grades, tie_flags):
    found = apply_quota(rows((1, "优秀"), (2, "优秀"), (2, "优秀"), (4, "优秀")),
                        quota_grades(ties=ties))
    assert [o.grade for o in found] == grades
    assert [bool(o.drops) and o.drops[0].tie for o in found] == tie_flags


@pytest.mark.parametrize("ties, grades", [
    # 10 colleges, 30 % = 3 places; ranks 1, 2, 3, 3 are 优秀 by total: the tie straddles place 3
    ("drop", ["优秀", "优秀", "良好", "良好"]),  # never more than 3: both tied move down
    ("keep", ["优秀", "优秀", "优秀", "优秀"]),  # both tied keep it: 4 of 10
])
def test_ties_at_the_quota_boundary(ties, grades):
    ranked = rows((1, "优秀"), (2, "优秀"), (3, "优秀"), (3, "优秀"),
                  *((i, "合格") for i in range(5, 11)))
    found = apply_quota(ranked, quota_grades(ties=ties))
    assert [o.grade for o in found[:4]] == grades
    if ties == "drop":
        assert [o.drops[0].tie for o in found[2:4]] == [True, True]


def test_dropped_colleges_meet_the_next_quota_in_rank_order():
    # 4 colleges all 优秀 by total; 优秀 and 良好 each 30 % of 4 -> 1 place
    found = apply_quota(rows((1, "优秀"), (2, "优秀"), (3, "优秀"), (4, "优秀")),
                        quota_grades(second="30"))
    assert [o.grade for o in found] == ["优秀", "良好", "合格", "合格"]
    assert [[(d.band, d.to) for d in o.drops] for o in found] == [
        [], [("优秀", "良好")], [("优秀", "良好"), ("良好", "合格")],
        [("优秀", "良好"), ("良好", "合格")]]


def test_a_grade_set_by_a_veto_takes_no_place():
    # rank 1 is vetoed to 不合格 (total kept): the two places go to ranks 2 and 3
    found = apply_quota(rows((1, "不合格", True), (2, "优秀"), (3, "优秀"), (4, "优秀"),
                             (5, "合格"), (6, "合格"), (7, "合格")), quota_grades())
    assert [o.grade for o in found[:4]] == ["不合格", "优秀", "优秀", "良好"]


def test_a_quota_of_zero_admits_nobody():
    found = apply_quota(rows((1, "优秀"), (2, "良好")), quota_grades(quota="0"))
    assert [o.grade for o in found] == ["良好", "良好"]


# -- bad rubric blocks and bad sheet values, each at its place ------------------------------------

@pytest.mark.parametrize("name", sorted(EXPECTED["rubrics"]))
def test_bad_rubric_blocks(name):
    with pytest.raises(JyscoreError) as caught:
        load_rubric(TOTALS / "rubrics" / name)
    found = [[p.code, p.line, p.column] for p in caught.value.problems]
    assert found == EXPECTED["rubrics"][name]


@pytest.mark.parametrize("name", sorted(EXPECTED["sheets"]))
def test_bad_sheet_values(rubric, name):
    with pytest.raises(JyscoreError) as caught:
        load_sheet(TOTALS / "sheets" / name, rubric)
    found = [[p.code, p.line, p.column] for p in caught.value.problems]
    assert found == EXPECTED["sheets"][name]


def problem(rubric, name: str):
    with pytest.raises(JyscoreError) as caught:
        load_sheet(TOTALS / "sheets" / name, rubric)
    return caught.value.problems[0]


def test_out_of_range_names_the_adjustment_and_its_range(rubric):
    found = problem(rubric, "adjustment-out-of-range.yaml")
    assert (found.item_id, found.item_name) == ("造假", "统计数据弄虚作假")
    assert "assessed 60" in found.message and "allowed: 30 to 50 in steps of 0.5" in found.message


def test_a_negative_amount_says_to_drop_the_sign(rubric):
    assert "without a sign" in problem(rubric, "adjustment-negative.yaml").message


def test_off_step_uses_the_adjustments_own_step(rubric):
    found = problem(rubric, "adjustment-off-step.yaml")
    assert "allowed: 0.1 to 2 in steps of 0.1" in found.message


def test_unknown_adjustment_suggests_the_nearest_id(rubric):
    found = problem(rubric, "adjustment-unknown.yaml")
    assert "did you mean '造假'?" in found.message
    assert "declared: 造假 统计数据弄虚作假" in found.message


def test_a_name_written_for_the_id_suggests_the_id(tmp_path, rubric):
    path = tmp_path / "s.yaml"
    path.write_text(sheet_text(extra="adjustments:\n  统计数据弄虚作假: {assessed: 30}\n"),
                    encoding="utf-8")
    with pytest.raises(JyscoreError) as caught:
        load_sheet(path, rubric)
    assert "did you mean '造假'?" in caught.value.problems[0].message


def test_a_sheet_for_a_rubric_without_adjustments(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(sheet_text(extra="adjustments:\n  造假: {assessed: 30}\n"), encoding="utf-8")
    with pytest.raises(JyscoreError) as caught:
        load_sheet(path, load_rubric())
    assert [(p.code, p.line) for p in caught.value.problems] == [("JY142", 31)]
    assert "declared: none" in caught.value.problems[0].message


def test_veto_flag_must_be_a_boolean(rubric):
    found = problem(rubric, "veto-not-boolean.yaml")
    assert found.item_id == "否决1" and "'是'" in found.message and "true" in found.message


# -- the built-in path and an open total ----------------------------------------------------------

def test_total_is_optional_and_unchecked(tmp_path):
    text = (TOTALS / "rubrics" / "range-order.yaml").read_text(encoding="utf-8")
    text = (text.replace("total: 20\n", "").replace("min: 50", "min: 30")
            .replace("max: 30", "max: 50"))
    path = tmp_path / "open.yaml"
    path.write_text(text.replace("points: 20", "points: 7"), encoding="utf-8")
    open_rubric = load_rubric(path)
    assert open_rubric.total is None
    sheet = tmp_path / "s.yaml"
    sheet.write_text("college: 文学院\nyear: 2024\nscores:\n  '1': {assessed: 7}\n"
                     "adjustments:\n  造假: {assessed: 30}\n", encoding="utf-8")
    totals = score(open_rubric, load_sheet(sheet, open_rubric)).totals["assessed"]
    assert totals.total == D(-23)  # 7 − 30: the total is exact, not floored
    result = CliRunner().invoke(cli, ["score", str(sheet), "--rubric", str(path)])
    assert result.exit_code == 0, result.output


# -- the CLI ------------------------------------------------------------------------------------

def invoke(*args: str):
    return CliRunner().invoke(cli, [*args, "--rubric", str(RUBRIC_FILE)], catch_exceptions=False)


def test_score_json_and_table_show_adjustments_veto_and_grade(tmp_path):
    path = tmp_path / "文学院.yaml"
    path.write_text(sheet_text(A96_5, college="文学院", extra=(
        "adjustments:\n  造假: {assessed: 30, note: 核查发现虚报}\n"
        "  迟报: {self: 0.5, assessed: 0.5}\n"
        "vetoes:\n  否决2: {assessed: true}\n")), encoding="utf-8")
    result = invoke("score", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["assessed"] == {"base": 96.5, "bonus": 0, "adjustments": -30.5, "vetoed": True,
                                "vetoes": [{"id": "否决2", "name": "被上级通报批评"}],
                                "total": 66, "grade": "合格"}
    assert data["self"]["total"] == 99.5 and data["self"]["grade"] == "优秀"
    assert data["adjustments"][0] == {"id": "造假", "name": "统计数据弄虚作假", "kind": "deduction",
                                      "self": None, "assessed": -30, "note": "核查发现虚报"}
    assert data["vetoes"][0]["id"] == "否决2" and data["vetoes"][0]["grade"] == "合格"
    table = invoke("score", str(path)).output
    for text in ("调整", "-30.5", "-30~-50", "核查发现虚报", "一票否决", "否决2 被上级通报批评",
                 "等级", "合格", "66"):
        assert text in table, text


def test_score_exits_1_with_the_place_of_a_bad_adjustment():
    result = CliRunner().invoke(cli, ["score",
                                      str(TOTALS / "sheets" / "adjustment-out-of-range.yaml"),
                                      "--rubric", str(RUBRIC_FILE)])
    assert result.exit_code == 1
    assert ("adjustment-out-of-range.yaml:32:18: error JY140 [造假 统计数据弄虚作假]"
            in result.output)


def test_a_bad_rubric_block_exits_1_with_its_line():
    result = CliRunner().invoke(cli, ["validate",
                                      "--rubric", str(TOTALS / "rubrics" / "quota-range.yaml"),
                                      str(DATA / "good" / "whole-items.yaml")])
    assert result.exit_code == 1
    assert "quota-range.yaml:12:14: error JY248" in result.output


SEVEN = [  # rank, college, total, grade after the quota, quota note?, veto?
    (1, "数学学院", 98, "优秀", False, False),
    (2, "化学学院", 95, "优秀", False, False),
    (3, "物理学院", 92, "良好", True, False),
    (4, "历史学院", 85, "良好", False, False),
    (5, "音乐学院", 80, "良好", False, False),
    (6, "文学院", 66.5, "合格", False, False),
    (7, "外语学院", 0, "不合格", False, True),
]


def test_rank_json_grades_with_the_quota():
    result = invoke("rank", str(TOTALS / "rank" / "seven"), "--format", "json")
    assert result.exit_code == 0, result.output
    ranking = json.loads(result.output)["ranking"]
    found = [(r["rank"], r["college"], r["total"], r["grade"], bool(r["grade_note"]), r["vetoed"])
             for r in ranking]
    assert found == SEVEN
    physics = ranking[2]
    assert physics["quota_drops"] == [{"from": "优秀", "to": "良好", "quota_percent": 30,
                                       "colleges": 7, "places": 2, "rounding": "floor",
                                       "tie": False}]
    assert ranking[5]["adjustments"] == -30
    assert ranking[6]["vetoes"] == [{"id": "否决1", "name": "发生违反就业统计纪律的严重事件"}]


def test_rank_table_notes_the_college_the_quota_moved():
    output = invoke("rank", str(TOTALS / "rank" / "seven")).output
    assert ("物理学院: 优秀 by its total, but the 优秀 quota is 30% of 7 = 2 (rounded down); "
            "moved to 良好") in output
    assert "否决1 发生违反就业统计纪律的严重事件" in output
    assert output.count("moved to") == 1


def test_rank_csv_has_grade_and_note_columns():
    output = invoke("rank", str(TOTALS / "rank" / "seven"), "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(output)))
    assert [(r["学院"], r["总分"], r["等级"]) for r in rows][:3] == [
        ("数学学院", "98", "优秀"), ("化学学院", "95", "优秀"), ("物理学院", "92", "良好")]
    assert "30% of 7 = 2" in rows[2]["备注"] and rows[0]["备注"] == ""
    assert rows[5]["调整"] == "-30" and rows[6]["一票否决"].startswith("否决1")


def test_rank_markdown_shows_the_veto_in_bold_and_the_note():
    output = invoke("rank", str(TOTALS / "rank" / "seven"), "--format", "markdown").output
    assert "| **0** | **否决1 发生违反就业统计纪律的严重事件** | 不合格 |" in output
    assert "- 物理学院: 优秀 by its total" in output


def test_rank_tie_at_the_boundary_drops_both():
    output = invoke("rank", str(TOTALS / "rank" / "tie"), "--format", "json").output
    ranking = json.loads(output)["ranking"]
    assert [(r["rank"], r["college"], r["grade"]) for r in ranking] == [
        (1, "乙学院", "良好"), (1, "甲学院", "良好"), (3, "丙学院", "良好"), (4, "丁学院", "合格")]
    assert [r["quota_drops"][0]["tie"] for r in ranking[:3]] == [True, True, False]


@pytest.mark.lang("zh")  # jyscore's own words in the table/workbook: 汇总, 考核人数, 说明 …
def test_rank_workbook_shows_grades_vetoes_and_notes(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "排名.xlsx"
    result = invoke("rank", str(TOTALS / "rank" / "seven"), "-o", str(out))
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(out)
    sheet = workbook["排名"]
    header = [c.value for c in sheet[3]]  # below the title and the tie rule
    assert header[-5:] == ["调整", "总分", "一票否决", "等级", "备注"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert [(v[1], v[-4], v[-2]) for v in values] == [(c, t, g) for _, c, t, g, _, _ in SEVEN]
    assert "7 的 30% = 2 个" in values[2][-1]
    vetoed = sheet.cell(row=10, column=header.index("总分") + 1)
    assert vetoed.value == 0 and vetoed.font.bold and vetoed.font.color.rgb.endswith("C00000")
    physics = [[c.value for c in row] for row in workbook["物理学院"].iter_rows()]
    assert physics[-1][1:5] == ["等级", None, "优秀", "良好"]  # self by its total; assessed ranked
    assert any(row[0] == "等级" and "30%" in row[1] for row in
               ([c.value for c in r] for r in workbook["说明"].iter_rows()))


def test_schema_describes_adjustments_and_vetoes(rubric):
    schema = sheet_schema(rubric)
    adjustments = schema["properties"]["adjustments"]["properties"]
    assert adjustments["造假"]["properties"]["assessed"]["minimum"] == D(30)
    assert adjustments["造假"]["properties"]["assessed"]["maximum"] == D(50)
    assert adjustments["迟报"]["properties"]["self"]["multipleOf"] == D("0.1")
    assert adjustments["造假"]["properties"]["self"]["multipleOf"] == D("0.5")
    vetoes = schema["properties"]["vetoes"]["properties"]
    assert vetoes["否决1"]["properties"]["assessed"]["type"] == "boolean"
    result = invoke("schema")
    assert result.exit_code == 0 and '"造假"' in result.output
    assert "adjustments" not in sheet_schema(load_rubric())["properties"]


# -- the YAML sheet and the Excel form ------------------------------------------------------------

@pytest.mark.lang("zh")  # jyscore's own words in the table/workbook: 汇总, 考核人数, 说明 …
def test_blank_yaml_template_lists_every_adjustment_and_veto_blank(tmp_path):
    out = tmp_path / "文学院.yaml"
    result = invoke("template", "--college", "文学院", "--year", "2024", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert ('  "造假": {self: , assessed: }   # 统计数据弄虚作假 (扣 30~50 分，按 0.5 分一档)'
            in text)
    assert '  "表彰": {self: , assessed: }   # 获上级表彰 (加 1~3 分，按 0.5 分一档)' in text
    assert '  "否决1": {self: , assessed: }   # 发生违反就业统计纪律的严重事件' in text


def test_yaml_convert_keeps_adjustments_and_vetoes(tmp_path, rubric):
    source = TOTALS / "rank" / "seven" / "外语学院.yaml"
    out = tmp_path / "外语学院.yaml"
    assert invoke("convert", str(source), "-o", str(out)).exit_code == 0
    again = load_sheet(out, rubric)
    assert again.vetoes == load_sheet(source, rubric).vetoes
    source = TOTALS / "rank" / "seven" / "文学院.yaml"
    assert invoke("convert", str(source), "-o", str(out), "--force").exit_code == 0
    assert load_sheet(out, rubric).adjustments == load_sheet(source, rubric).adjustments
    assert score(rubric, load_sheet(out, rubric)).totals["assessed"].total == D("66.5")


@pytest.mark.parametrize("college", ["文学院", "外语学院"])
def test_convert_round_trips_adjustments_and_vetoes_through_the_form(tmp_path, rubric, college):
    source = TOTALS / "rank" / "seven" / f"{college}.yaml"
    workbook, back = tmp_path / f"{college}.xlsx", tmp_path / f"{college}.yaml"
    for command in (["convert", str(source), "-o", str(workbook)],
                    ["convert", str(workbook), "-o", str(back)]):
        result = CliRunner().invoke(cli, [*command, "--rubric", str(RUBRIC_FILE)])
        assert result.exit_code == 0, result.output
        assert "no place" not in result.output
    before, after = load_sheet(source, rubric), load_sheet(back, rubric)
    assert (after.adjustments, after.vetoes) == (before.adjustments, before.vetoes)
    assert score(rubric, after).totals == score(rubric, before).totals
    # by hand: 文学院 assessed 96.5 − 造假 30 = 66.5; 外语学院 否决1 reported: total 0, 不合格
    expected = {"文学院": (D("66.5"), "合格"), "外语学院": (D(0), "不合格")}[college]
    assessed = score(rubric, after).totals["assessed"]
    assert (assessed.total, assessed.grade) == expected


def test_blank_form_has_a_row_for_each_adjustment_and_veto_and_the_grade(tmp_path):
    import openpyxl

    out = tmp_path / "文学院.xlsx"
    result = CliRunner().invoke(cli, ["template", "--college", "文学院", "--year", "2024",
                                      "-o", str(out), "--rubric", str(RUBRIC_FILE)])
    assert result.exit_code == 0 and "no place" not in result.output
    ws = openpyxl.load_workbook(out).worksheets[0]
    rows = {ws[f"A{r}"].value: r for r in range(1, ws.max_row + 1) if ws[f"A{r}"].value}
    keys = ["调整/造假", "调整/迟报", "调整/表彰", "一票否决/否决1", "一票否决/否决2"]
    assert [rows[k] for k in keys] == sorted(rows[k] for k in keys)
    labels = {ws[f"B{r}"].value: r for r in range(1, ws.max_row + 1)}
    assert (labels["加分"] < rows["调整/造假"] < rows["一票否决/否决2"] < labels["总分"]
            < labels["等级"])
    total = ws[f"I{labels['总分']}"].value
    veto1, fake, late, award = (rows[k] for k in ("一票否决/否决1", *keys[:3]))
    assert total == (f"=IF(I{veto1}=1,0,I{labels['基础分']}+I{labels['加分']}"
                     f"-I{fake}-I{late}+I{award})")
    for key in keys:
        assert ws[f"H{rows[key]}"].protection.locked is False
    ranges = {str(v.sqref): v for v in ws.data_validations.dataValidation}
    fake_rule = next(v for ref, v in ranges.items() if f"H{fake}" in ref.split())
    assert (fake_rule.formula1, fake_rule.formula2) == ("30", "50")
    veto_rule = next(v for ref, v in ranges.items() if f"I{veto1}" in ref.split())
    assert (veto_rule.type, veto_rule.formula1, veto_rule.formula2) == ("whole", "0", "1")
    red = {str(cf.sqref): [r.formula for r in cf.rules] for cf in ws.conditional_formatting}
    veto2 = rows["一票否决/否决2"]
    assert red[f"I{labels['总分']}"] == [[f"OR(I{veto1}=1,I{veto2}=1)"]]  # a veto shows in red


def test_explain_shows_adjustments_vetoes_and_the_grade():
    def explained(college: str) -> str:
        sheet = TOTALS / "rank" / "seven" / f"{college}.yaml"
        result = CliRunner().invoke(cli, ["explain", "--rubric", str(RUBRIC_FILE), str(sheet),
                                          "1.1"])
        assert result.exit_code == 0, result.output
        return result.stdout

    deducted = explained("文学院")
    assert "The total before any veto: 96.5 − 30 = 66.5." in deducted
    assert "总分 66.5." in deducted and "等级 合格: the total 66.5 reaches 60" in deducted
    vetoed = explained("外语学院")
    assert "Veto 否决1 发生违反就业统计纪律的严重事件 is reported" in vetoed
    assert "总分 0: the lowest total the reported vetoes set, in place of 99." in vetoed
    assert "等级 不合格: set by veto 否决1, whatever the total." in vetoed


def _filled_form(tmp_path, rubric, cells: dict[str, object]):
    """The form for 文学院 (with its 造假 30), then ``cells`` set by key and column:
    ``{"调整/造假 I": 60}``."""
    import openpyxl

    from jyscore.writers.xlsx.form import write_form

    sheet = load_sheet(TOTALS / "rank" / "seven" / "文学院.yaml", rubric)
    path = tmp_path / "form.xlsx"
    write_form(path, rubric, sheet.college, sheet.year, sheet)
    workbook = openpyxl.load_workbook(path)
    ws = workbook.worksheets[0]
    rows = {ws[f"A{r}"].value: r for r in range(1, ws.max_row + 1) if ws[f"A{r}"].value}
    where = {}
    for place, value in cells.items():
        key, letter = place.rsplit(" ", 1)
        if key not in rows:  # a row of the user's own: below the form
            rows[key] = ws.max_row + 1
            ws[f"A{rows[key]}"] = key
        ws[f"{letter}{rows[key]}"] = value
        where[place] = f"{letter}{rows[key]}"
    workbook.save(path)
    return path, where


@pytest.mark.parametrize(
    ("cells", "code", "place"),
    [({"调整/造假 I": 60}, "JY140", "调整/造假 I"),
     ({"调整/造假 I": 30.25}, "JY141", "调整/造假 I"),
     ({"调整/造假 I": "30"}, "JY613", "调整/造假 I"),
     ({"一票否决/否决1 H": 2}, "JY143", "一票否决/否决1 H"),
     ({"调整/造价 I": 30}, "JY142", "调整/造价 A")],
)
def test_form_problems_with_adjustments_and_vetoes_name_their_cell(tmp_path, rubric, cells, code,
                                                                   place):
    from jyscore.readers.xlsx import load_workbook_sheet

    path, where = _filled_form(tmp_path, rubric, cells)
    with pytest.raises(JyscoreError) as caught:
        load_workbook_sheet(path, rubric)
    found = [(p.code, p.cell) for p in caught.value.problems]
    row = where[next(iter(cells))][1:]
    assert (code, place.rsplit(" ", 1)[1] + row) in found, found


def test_a_veto_cell_is_told_what_the_form_takes(tmp_path, rubric):
    from jyscore.readers.xlsx import load_workbook_sheet

    path, _ = _filled_form(tmp_path, rubric, {"一票否决/否决1 H": 2})
    with pytest.raises(JyscoreError) as caught:
        load_workbook_sheet(path, rubric)
    (message,) = [p.message for p in caught.value.problems if p.code == "JY143"]
    assert "a veto is reported with 1 (or 0 when it does not apply)" in message
    yaml_sheet = tmp_path / "s.yaml"
    yaml_sheet.write_text(sheet_text(A96_5, college="文学院",
                                     extra="vetoes:\n  否决1: {assessed: 2}\n"),
                          encoding="utf-8")
    with pytest.raises(JyscoreError) as caught:
        load_sheet(yaml_sheet, rubric)
    (message,) = [p.message for p in caught.value.problems if p.code == "JY143"]
    assert "a veto is reported with true (or false when it does not apply)" in message


def test_form_reads_a_veto_of_one_and_zero(tmp_path, rubric):
    from jyscore.readers.xlsx import load_workbook_sheet

    path, _ = _filled_form(tmp_path, rubric, {"一票否决/否决2 H": 0, "一票否决/否决2 I": 1,
                                              "调整/造假 I": None})
    sheet = load_workbook_sheet(path, rubric)
    assert [(v.veto_id, v.self, v.assessed) for v in sheet.vetoes] == [("否决2", False, True)]
    assessed = score(rubric, sheet).totals["assessed"]
    # 否决2 sets the grade only: 96.5 would be 优秀
    assert (assessed.total, assessed.grade) == (D("96.5"), "合格")


# -- properties ----------------------------------------------------------------------------------

HALVES = st.integers(min_value=-40, max_value=240).map(lambda n: D(n) / 2)


@given(st.lists(HALVES, min_size=1, max_size=30), st.sampled_from(["floor", "ceil", "half_up"]),
       st.sampled_from(["drop", "keep"]), st.integers(min_value=0, max_value=100))
@settings(max_examples=200, deadline=None)
def test_quota_keeps_rank_order_and_its_limit(totals, rounding, ties, percent):
    grades = quota_grades(quota=str(percent), rounding=rounding, ties=ties)
    ordered = sorted(totals, reverse=True)
    ranks = [1 + sum(1 for other in ordered if other > t) for t in ordered]
    found = apply_quota([Graded(r, grade_of(t, grades))
                        for r, t in zip(ranks, ordered, strict=True)], grades)
    index = [grades.names.index(o.grade) for o in found]
    assert index == sorted(index)  # a better rank never gets a lower grade
    assert all(o.grade == grade_of(t, grades) or o.drops
               for o, t in zip(found, ordered, strict=True))
    top = sum(1 for o in found if o.grade == "优秀")
    places = quota_places(D(percent), len(ordered), rounding)
    if ties == "drop":
        assert top <= places
    else:  # kept beyond the places only by colleges tied with the last one inside
        tied_at_last = [r for r, o in zip(ranks, found, strict=True) if o.grade == "优秀"][places:]
        assert len(set(tied_at_last)) <= 1


@given(HALVES, HALVES)
@settings(deadline=None)
def test_a_higher_total_never_gets_a_lower_band(a, b):
    high, low = max(a, b), min(a, b)
    for grades in (SEED_BANDS, EXCLUSIVE):
        assert (grades.names.index(grade_of(high, grades))
                <= grades.names.index(grade_of(low, grades)))
