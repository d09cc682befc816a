"""`jyscore report`: grades, adjustments, vetoes and panels, as `rank` shows them, worked by hand.

tests/data/report/composite (the composite-employment rubric; 优秀 ≥ 90 at most 30%, rounded
down): 乙学院 91.9 and 甲学院 90.9 both reach 优秀, but 30% of 6 colleges is 1.8, rounded down 1:
甲学院 is moved to 良好. 心理学院 57.4 with the deduction 迟报 1.5 is 55.9, 不合格. 丙学院 scores
82.1 + 3 = 85.1 but reports 否决1, which sets the total to 0 and the grade to 不合格.

examples/2024 with examples/panel-2024: 历史文化学院 is a panel of 张老师 99, 李老师 96.5 and
王老师 98 (spread 2.5); its base, the mean of 95.5, 93 and 94.5, is 94.33. It loses on the items
1.1 0.33, 1.3 0.67, 2.1.2 0.5, 2.2.1 0.5, 2.2.2 0.5, 2.2.3 1.17, 3.3.2 0.5, 3.4 0.33, 4.2 0.67 and
5.2 0.5 (each item's mean, published to 2 places): 5.67 in all, 100 − 94.33.
"""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from jyscore.cli import cli

from .conftest import DATA, ROOT
from .test_report import Page

COMPOSITE = DATA / "report" / "composite"
COMPOSITE_RUBRIC = str(ROOT / "rubric" / "composite-employment.yaml")


def section_text(html: str, anchor: str) -> str:
    """The text of one college's section (up to the next section)."""
    start = html.index(f'id="{anchor}"')
    end = html.find("<section", start)
    return "".join(Page(html[start:end if end > 0 else None]).texts)


@pytest.fixture(scope="module")
def composite(tmp_path_factory) -> tuple[Page, str]:
    target = tmp_path_factory.mktemp("composite") / "c.html"
    result = CliRunner().invoke(cli, ["report", str(COMPOSITE), "--rubric", COMPOSITE_RUBRIC,
                                      "-o", str(target)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    return Page(html), html


def test_the_ranking_has_rank_s_columns_with_adjustments_vetoes_and_grades(composite):
    page, _ = composite
    table = page.tables["ranking"][0]
    assert table[0] == ["排名", "学院", "1 组织领导", "2 就业率", "3 就业指导与服务",
                        "4 就业典型宣传", "基础分", "加分", "调整", "总分", "一票否决", "等级",
                        "备注"]
    by_college = {row[1]: row for row in table[1:]}
    assert by_college["心理学院"][8:12] == ["-1.5", "55.9", "", "不合格"]
    assert by_college["丙学院"][6:12] == ["82.1", "3", "0", "0",
                                         "否决1 发生违反就业统计纪律的严重事件", "不合格"]
    assert by_college["乙学院"][9:12] == ["91.9", "", "优秀"]
    assert by_college["甲学院"][9:11] == ["90.9", ""] and by_college["甲学院"][11] == "良好"
    assert ("the 优秀 quota is 30% of 6 = 1 (rounded down); moved to 良好"
            in by_college["甲学院"][12])


def test_a_college_section_names_its_adjustments_veto_and_grade(composite):
    page, html = composite
    names = [row[1] for row in page.tables["ranking"][0][1:]]
    sections = {name: section_text(html, f"college-{i}")
                for i, name in enumerate(names, start=1)}
    psychology = sections["心理学院"]
    assert "迟报 材料迟报" in psychology and "-1.5 (考核材料逾期3天报送)" in psychology
    assert "等级不合格" in psychology
    vetoed = sections["丙学院"]
    assert ("Veto 否决1 发生违反就业统计纪律的严重事件 is reported: it sets the total to 0 and the "
            "grade to 不合格.") in vetoed
    assert "总分0" in vetoed
    moved = sections["甲学院"]
    assert "等级良好" in moved
    assert "the 优秀 quota is 30% of 6 = 1 (rounded down); moved to 良好" in moved
    assert "Veto" not in sections["乙学院"] and "quota" not in sections["乙学院"]


@pytest.fixture(scope="module")
def panel(tmp_path_factory) -> tuple[Page, str]:
    folder = tmp_path_factory.mktemp("mixed") / "sheets"
    shutil.copytree(ROOT / "examples" / "2024", folder)
    shutil.copytree(ROOT / "examples" / "panel-2024", folder, dirs_exist_ok=True)
    target = folder.parent / "r.html"
    result = CliRunner().invoke(cli, ["report", str(folder), "-o", str(target)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    return Page(html), html


def test_the_ranking_shows_the_assessors_and_their_spread(panel):
    page, _ = panel
    table = page.tables["ranking"][0]
    assert table[0][-2:] == ["Assessors", "Spread"]
    row = next(r for r in table[1:] if r[1] == "历史文化学院")
    assert row[0] == "3" and row[-5:] == ["94.33", "3.5", "97.83", "3", "2.5"]
    single = next(r for r in table[1:] if r[1] == "文学院")
    assert single[-2:] == ["", "0"]


def test_a_panel_s_section_lists_its_assessors_and_loses_each_point_once(panel):
    page, html = panel
    index = [r[1] for r in page.tables["ranking"][0][1:]].index("历史文化学院") + 1
    tables = page.tables[f"college-{index}"]
    assessors = tables[0]
    assert assessors == [["Assessor", "总分"], ["张老师", "99"], ["李老师", "96.5"],
                         ["王老师", "98"]]
    text = section_text(html, f"college-{index}")
    assert "Spread (the highest minus the lowest total): 2.5." in text
    lost = tables[2]
    assert [(r[0], r[4]) for r in lost[1:]] == [
        ("1.1", "0.33"), ("1.3", "0.67"), ("2.1.2", "0.5"), ("2.2.1", "0.5"), ("2.2.2", "0.5"),
        ("2.2.3", "1.17"), ("3.3.2", "0.5"), ("3.4", "0.33"), ("4.2", "0.67"), ("5.2", "0.5"),
    ]
    assert "Points lost in all: 5.67." in text  # 100 − 94.33
    notes = {r[0]: r[5] for r in lost[1:]}
    assert "张老师: 赴呼和浩特、包头、鄂尔多斯走访中小学及出版单位" in notes["2.1.2"]
    assert "张老师 on 2.2.1.2: 通过专场招聘会签约毕业生14人，见签约名单" in notes["2.2.1"]


@pytest.mark.lang(None)
@pytest.mark.parametrize(("language", "heading", "html_lang"), [
    ("zh", "各学院在哪些项目上失分", "zh-CN"), ("en", "Where colleges lose points", "en"),
])
def test_the_page_follows_the_language(tmp_path, language, heading, html_lang):
    target = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["--lang", language, "report", str(ROOT / "examples" / "2024"),
                                      "-o", str(target)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    assert f'<html lang="{html_lang}">' in html and f"<h2>{heading}</h2>" in html


def test_the_readme_screenshot_is_a_small_png():
    shot = ROOT / "docs" / "report-example.png"
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) < 300_000


def test_a_panel_s_losses_rounded_one_by_one_say_so(tmp_path):
    """Three assessors of 甲学院 on the tiny rubric: 5, 5, 4 on 1.1 and 15, 15, 14 on 1.10.
    Each item's mean is 4.67 and 14.67 (0.33 lost on each, 0.66 in all), while the base, the
    mean of 20, 20 and 18, is 19.33: 20 − 19.33 = 0.67, and the caption says why they differ."""
    folder = tmp_path / "panel"
    folder.mkdir()
    for name, first, second in (("王", 5, 15), ("李", 5, 15), ("张", 4, 14)):
        (folder / f"{name}.yaml").write_text(
            f"college: 甲学院\nyear: 2024\nassessor: {name}老师\nrubric: tiny\nscores:\n"
            f"  1.1: {{assessed: {first}}}\n  1.10: {{assessed: {second}, note: {name}的备注}}\n",
            encoding="utf-8")
    target = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", "--rubric", str(DATA / "rubrics" / "tiny.yaml"),
                                      str(folder), "-o", str(target)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    page = Page(html)
    lost = page.tables["college-1"][2]
    assert [(r[0], r[4]) for r in lost[1:]] == [("1.1", "0.33"), ("1.10", "0.33")]
    # a line each, in the panel's order
    assert lost[2][5] == "张老师: 张的备注李老师: 李的备注王老师: 王的备注"
    text = section_text(html, "college-1")
    assert ("Points lost in all: 0.66. Full marks 20 minus the base 19.33 is 0.67: each item's "
            "aggregate is rounded on its own, so the two may differ slightly.") in text
