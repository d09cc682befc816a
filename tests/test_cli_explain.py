"""`jyscore explain` of a panel and of the totals (adjustments, vetoes, grades), via CliRunner.

tests/data/panels/explain/ is one panel of the panel-test rubric (places 1; base = 1.1 + 2.1,
bonus = 3.1), its figures worked by hand:

    assessor  1.1  2.1  3.1 | base  bonus  total
    王老师     30   55   3.5 |  85    3.5   88.5
    李老师     32   56   2   |  88    2     90
    张老师     33   55   3   |  88    3     91

mean: total (88.5 + 90 + 91) / 3 = 539/6 = 89.8333… -> 89.8; base 261/3 = 87; bonus 8.5/3 = 17/6
-> 2.8; 1.1 95/3 -> 31.7. trimmed-mean: total drops 91 and 88.5 -> 90; 2.1 (55, 56, 55) drops
56 and the first 55 (王老师) -> 55.

tests/data/totals/explain/ holds two sheets of the totals rubric (its adjustments, vetoes and
bands 优秀 ≥ 90 with a 30% quota, 良好 ≥ 80, 合格 ≥ 60, 不合格), worked out in their comments.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from jyscore.cli import cli

DATA = Path(__file__).parent / "data"
PANEL = DATA / "panels" / "explain"
PANEL_RUBRIC = ["--rubric", str(DATA / "panels" / "rubric.yaml")]
TOTALS = DATA / "totals" / "explain"
TOTALS_RUBRIC = ["--rubric", str(DATA / "totals" / "rubric.yaml")]


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def section(text: str, title: str) -> list[str]:
    """The indented lines under the line ``title`` of a panel explanation."""
    lines = text.splitlines()
    start = lines.index(title) + 1
    found = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        found.append(line.strip())
    return found


def figures(stdout: str) -> dict[str, dict]:
    data = json.loads(stdout)
    return {f["id"]: f for f in data["panel"]["figures"]}


# -- a panel -------------------------------------------------------------------------------------


def test_a_mean_that_does_not_terminate_is_a_fraction_rounded_once():
    result = run("explain", str(PANEL), *PANEL_RUBRIC)
    assert result.exit_code == 0, result.output
    total = section(result.stdout, "total")
    assert total == [
        "The assessors' figures: 王老师 88.5, 李老师 90, 张老师 91.",
        "Exact aggregate: (88.5 + 90 + 91) / 3 = 539/6 = 89.83333….",
        "Rounded half-up (places: 1), the published figure is 89.8.",
    ]
    assert section(result.stdout, "base")[1:] == [
        "Exact aggregate: (85 + 88 + 88) / 3 = 87.",
        "It needs no rounding (places: 1): the published figure is 87.",
    ]
    assert "Method mean" in result.stdout and "Level total" in result.stdout
    # every item by default, then the totals
    titles = [line for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    assert titles[-6:] == ["1.1 甲一", "2.1 乙一", "3.1 奖励", "base", "bonus", "total"]


def test_a_trimmed_mean_names_what_it_dropped():
    files = [str(PANEL / name) for name in ("a.yaml", "b.yaml", "c.yaml")]
    result = run("explain", *files, "2.1", *PANEL_RUBRIC, "--panel", "trimmed-mean")
    assert result.exit_code == 0, result.output
    assert section(result.stdout, "2.1 乙一") == [
        "The assessors' figures: 王老师 55, 李老师 56, 张老师 55.",
        "Dropped by the trimmed mean (the highest and the lowest): 王老师 55, 李老师 56.",
        "Exact aggregate: 55.",
        "It needs no rounding (places: 1): the published figure is 55.",
    ]
    assert section(result.stdout, "total")[1] == (
        "Dropped by the trimmed mean (the highest and the lowest): 王老师 88.5, 张老师 91.")
    assert "1.1 甲一" not in result.stdout  # only the item asked for, then the totals


def test_panel_json_has_each_assessor_kept_or_dropped_the_exact_and_published_figure():
    result = run("explain", str(PANEL), "1.1", *PANEL_RUBRIC, "--format", "json",
                 "--panel", "trimmed-mean")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["college"], data["year"]) == ("甲学院", 2024)
    panel = data["panel"]
    assert (panel["method"], panel["level"], panel["places"]) == ("trimmed-mean", "total", 1)
    found = figures(result.stdout)
    assert list(found) == ["1.1", "base", "bonus", "total"]
    assert found["total"]["assessors"] == [
        {"assessor": "王老师", "value": "88.5", "kept": False},
        {"assessor": "李老师", "value": "90", "kept": True},
        {"assessor": "张老师", "value": "91", "kept": False},
    ]
    assert (found["total"]["exact"], found["total"]["published"]) == ("90", "90")
    mean = figures(run("explain", str(PANEL), *PANEL_RUBRIC, "-f", "json").stdout)
    assert (mean["total"]["exact"], mean["total"]["published"]) == ("539/6", "89.8")
    assert (mean["bonus"]["exact"], mean["bonus"]["published"]) == ("17/6", "2.8")
    assert (mean["1.1"]["exact"], mean["1.1"]["published"]) == ("95/3", "31.7")
    assert all(a["kept"] for a in mean["total"]["assessors"])


def test_median_sets_aside_all_but_the_middle():
    found = figures(run("explain", str(PANEL), *PANEL_RUBRIC, "-f", "json",
                        "--panel", "median").stdout)
    assert [a["kept"] for a in found["1.1"]["assessors"]] == [False, True, False]  # 30 32 33
    assert found["1.1"]["published"] == "32"
    assert found["1.1"]["work"][1] == (
        "Set aside by the median (all but the middle): 王老师 30, 张老师 33.")


def test_level_item_sums_the_items_exact_aggregates(tmp_path):
    rubric = tmp_path / "rubric.yaml"
    text = (DATA / "panels" / "rubric.yaml").read_text(encoding="utf-8")
    rubric.write_text(text.replace("level: total", "level: item"), encoding="utf-8")
    result = run("explain", str(PANEL), "--rubric", str(rubric))
    assert result.exit_code == 0, result.output
    assert "Level item" in result.stdout
    # base = 95/3 + 166/3 = 87; total = 87 + 17/6 = 539/6
    assert section(result.stdout, "base")[1] == (
        "Exact aggregate, the sum of 1 + 2: 95/3 + 166/3 = 87.")
    assert section(result.stdout, "total")[1] == (
        "Exact aggregate, the sum of base + bonus: 87 + 17/6 = 539/6 = 89.83333….")
    group = run("explain", str(PANEL), "1", "--rubric", str(rubric))
    assert section(group.stdout, "1 甲")[1:] == [
        "Exact aggregate, that of 1.1: 95/3 = 31.66666….",
        "Rounded half-up (places: 1), the published figure is 31.7.",
    ]


def test_one_assessors_own_sheet():
    result = run("explain", str(PANEL), "--assessor", "李 老师", "1.1", *PANEL_RUBRIC)
    assert result.exit_code == 0, result.output
    assert "scored by hand: 32" in result.stdout
    assert "assessed: base 88 + bonus 2 = total 90" in result.stdout  # the rubric's own labels
    unknown = run("explain", str(PANEL), "--assessor", "赵老师", *PANEL_RUBRIC)
    assert unknown.exit_code == 2 and "王老师, 李老师, 张老师" in unknown.stderr


def test_a_panel_of_two_colleges_has_the_problems_of_score():
    folder = str(DATA / "panels" / "colleges")
    explained = run("explain", folder, *PANEL_RUBRIC)
    scored = run("score", folder, *PANEL_RUBRIC)
    assert explained.exit_code == scored.exit_code == 1
    assert "JY318" in explained.stderr and explained.stderr == scored.stderr
    assert explained.stdout == ""


def test_trimmed_mean_of_two_is_refused_as_by_score():
    files = [str(PANEL / "a.yaml"), str(PANEL / "b.yaml")]
    explained = run("explain", *files, *PANEL_RUBRIC, "--panel", "trimmed-mean")
    assert explained.exit_code == 1 and "JY315" in explained.stderr


def test_no_sheet_first_is_a_usage_error():
    result = run("explain", "1.1", *PANEL_RUBRIC)
    assert result.exit_code == 2 and "1.1" in result.stderr


# -- adjustments, vetoes and grades ---------------------------------------------------------------


def column(text: str, head: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(head))
    found = [lines[start]]
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        found.append(line.strip())
    return found


def test_a_deduction_an_addition_and_a_veto_that_sets_the_grade():
    result = run("explain", str(TOTALS / "deduction-veto-grade.yaml"), "1.1", *TOTALS_RUBRIC)
    assert result.exit_code == 0, result.output
    assert column(result.stdout, "考核分数: 基础分") == [
        "考核分数: 基础分 96.5 + 加分 0 = 96.5",
        "基础分 = 1 + 2 + 3 + 4 + 5 = 17.5 + 21 + 33 + 19 + 6 = 96.5",
        "Adjustment 造假 统计数据弄虚作假: a deduction of 30, entered within the allowed range "
        "30 to 50.",
        "The total before any veto: 96.5 − 30 = 66.5.",
        "Veto 否决2 被上级通报批评 is reported: it sets the grade to 合格.",
        "总分 66.5: no reported veto sets the total.",
        "等级 合格: set by veto 否决2, whatever the total.",
    ]
    assert column(result.stdout, "自评分数: 基础分") == [
        "自评分数: 基础分 100 + 加分 0 = 100",
        "基础分 = 1 + 2 + 3 + 4 + 5 = 21 + 21 + 33 + 19 + 6 = 100",
        "Adjustment 表彰 获上级表彰: an addition of 2, entered within the allowed range 1 to 3.",
        "The total before any veto: 100 + 2 = 102.",
        "总分 102.",
        "等级 优秀: the total 102 reaches 90, where band 优秀 begins (the bands from the highest: "
        "优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格).",
        "Band 优秀 admits at most 30% of the colleges ranked: jyscore rank may move this college "
        "to the next band, in rank order.",
    ]


def test_a_veto_that_sets_the_total_json():
    result = run("explain", str(TOTALS / "veto-total.yaml"), "1.1", *TOTALS_RUBRIC, "-f", "json")
    assert result.exit_code == 0, result.output
    assessed = json.loads(result.stdout)["totals"]["assessed"]
    assert assessed["adjustments"] == [{
        "id": "迟报", "name": "材料迟报", "kind": "deduction", "amount": "0.3", "signed": "-0.3",
        "min": "0.1", "max": "2", "note": None,
    }]
    assert (assessed["base"], assessed["scored"], assessed["total"]) == ("96.5", "96.2", "0")
    assert assessed["vetoes"] == [{"id": "否决1", "name": "发生违反就业统计纪律的严重事件",
                                   "total": "0", "grade": "不合格"}]
    assert (assessed["grade"], assessed["band"]) == ("不合格", None)
    assert "总分 0: the lowest total the reported vetoes set, in place of 96.2." in assessed["work"]
    own = json.loads(result.stdout)["totals"]["self"]
    assert (own["total"], own["grade"], own["band"]["name"], own["band"]["min"]) == (
        "100", "优秀", "优秀", "90")


def test_a_grade_from_its_band_without_a_veto(tmp_path):
    sheet = tmp_path / "sheet.yaml"
    text = (TOTALS / "deduction-veto-grade.yaml").read_text(encoding="utf-8")
    sheet.write_text(text.split("vetoes:")[0], encoding="utf-8")  # 66.5, no veto
    result = run("explain", str(sheet), "1.1", *TOTALS_RUBRIC)
    assert result.exit_code == 0, result.output
    assessed = column(result.stdout, "考核分数: 基础分")
    assert assessed[-2:] == [
        "总分 66.5.",
        "等级 合格: the total 66.5 reaches 60, where band 合格 begins (the bands from the highest: "
        "优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格).",
    ]


def test_a_panel_total_counts_each_assessors_deduction_and_is_graded(tmp_path):
    # 王老师 96.5 − 30 = 66.5, 李老师 100, 张老师 96.5: mean 263/3 = 87.666… -> 87.67, 良好 ≥ 80
    text = (TOTALS / "deduction-veto-grade.yaml").read_text(encoding="utf-8")
    text = text.split("adjustments:")[0]
    sheets = {
        "王老师": text + "adjustments:\n  造假: {assessed: 30}\n",
        "李老师": text.replace("1.1: {self: 6, assessed: 2.5}", "1.1: {self: 6, assessed: 6}"),
        "张老师": text,
    }
    for name, body in sheets.items():
        (tmp_path / f"{name}.yaml").write_text(f"assessor: {name}\n{body}", encoding="utf-8")
    result = run("explain", str(tmp_path), "1.1", *TOTALS_RUBRIC)
    assert result.exit_code == 0, result.output
    assert section(result.stdout, "总分") == [
        "The assessors' figures: 张老师 96.5, 李老师 100, 王老师 66.5.",
        "Exact aggregate: (96.5 + 100 + 66.5) / 3 = 263/3 = 87.666666….",
        "The total of 王老师, 66.5, counts the adjustments and vetoes of that assessor's own sheet "
        "(造假 −30); --assessor 王老师 explains them.",
        "Rounded half-up (places: 2), the published figure is 87.67.",
        "等级 良好: the total 87.67 reaches 80, where band 良好 begins "
        "(the bands from the highest: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格).",
    ]


def _panel_of_three(tmp_path: Path, extra: dict[str, str]) -> Path:
    """王老师, 李老师 and 张老师 score the deduction sheet's items (1.1: 2.5, 6, 2.5), each with
    the lines of ``extra`` added to their sheet."""
    text = (TOTALS / "deduction-veto-grade.yaml").read_text(encoding="utf-8")
    text = text.split("adjustments:")[0]
    bodies = {
        "王老师": text,
        "李老师": text.replace("1.1: {self: 6, assessed: 2.5}", "1.1: {self: 6, assessed: 6}"),
        "张老师": text,
    }
    for name, body in bodies.items():
        (tmp_path / f"{name}.yaml").write_text(f"assessor: {name}\n{body}{extra.get(name, '')}",
                                               encoding="utf-8")
    return tmp_path


def test_a_panel_at_item_level_counts_the_assessors_adjustments(tmp_path):
    # items: 94 + 1.1 (2.5 + 6 + 2.5) / 3 = 293/3; adjustments (−30 + 0 + 0) / 3 = −10;
    # total 263/3 = 87.666… -> 87.67 (without the adjustments it would be 97.67)
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text((DATA / "totals" / "rubric.yaml").read_text(encoding="utf-8")
                      + "panel: {level: item}\n", encoding="utf-8")
    folder = tmp_path / "panel"
    folder.mkdir()
    _panel_of_three(folder, {"王老师": "adjustments:\n  造假: {assessed: 30}\n"})
    result = run("score", str(folder), "--rubric", str(rubric), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout, parse_float=str)
    assert data["assessed"]["total"] == "87.67"
    assert data["assessed"]["base"] == "97.67"


def test_a_veto_any_assessor_reports_is_the_panels(tmp_path):
    # 王老师 reports 否决1 (total 0, grade 不合格): the panel's published total is 0, graded 不合格
    _panel_of_three(tmp_path, {"王老师": "vetoes:\n  否决1: {assessed: true}\n"})
    result = run("score", str(tmp_path), *TOTALS_RUBRIC, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout, parse_float=str)
    assert data["assessed"]["total"] == 0
    assert data["assessed"]["grade"] == "不合格"
    ranked = run("rank", str(tmp_path), *TOTALS_RUBRIC, "--format", "json")
    assert ranked.exit_code == 0, ranked.output
    row = json.loads(ranked.stdout, parse_float=str)["ranking"][0]
    assert (row["total"], row["grade"], row["vetoed"]) == (0, "不合格", True)
