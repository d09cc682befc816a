"""jyscore's own words follow the language: the labels a rubric does not give, and the rules'
expressions shown to people (inputs by their labels, ≥ ≤ ≠, and/or/if in words)."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore.cli import cli
from jyscore.core.models import Labels
from jyscore.core.rules.expr import compile_expr, to_words
from jyscore.i18n.catalogue import set_language

ROOT = Path(__file__).parent.parent
PANELS = Path(__file__).parent / "data" / "panels"
COMPOSITE = ROOT / "rubric" / "composite-employment.yaml"


def test_default_labels_follow_the_language_at_the_time_they_are_shown():
    labels = Labels()
    assert (labels.rank, labels.total, labels.self_, labels.levels[0]) == (
        "rank", "total", "self", "primary")
    set_language("zh")
    assert (labels.rank, labels.total, labels.self_, labels.levels[0]) == (
        "排名", "总分", "自评分数", "一级指标")
    # a copy made in one language (the cached built-in rubric, a worker process) still follows
    revived = pickle.loads(pickle.dumps(labels))
    set_language("en")
    assert revived.assessed == "assessed"
    set_language("zh")
    assert revived.assessed == "考核分数"


@pytest.mark.lang("zh")
def test_the_rubrics_own_labels_stay_as_written():
    labels = Labels(rank="Place", levels=("Area", "Topic"))
    assert (labels.rank, labels.levels, labels.total) == ("Place", ("Area", "Topic"), "总分")


@pytest.mark.lang("zh")
def test_score_without_labels_speaks_chinese():
    result = CliRunner().invoke(cli, ["score", "--rubric", str(PANELS / "rubric.yaml"),
                                      str(PANELS / "colleges" / "a.yaml")])
    assert result.exit_code == 0, result.output
    assert "编号" in result.output and "分值" in result.output and "自评分数" in result.output
    for english in ("points", "self", "item", "college", "year"):
        assert english not in result.output


WORDS = {"rate": "final rate", "strive": "strive target", "people": "people",
         "award": "award", "a": "a", "b": "b", "c": "c"}


@pytest.mark.parametrize(("text", "shown"), [
    ("rate >= strive", "final rate ≥ strive target"),
    ("rate != 90 and rate <= 95", "final rate ≠ 90 and final rate ≤ 95"),
    ("0.5 * people + (1 if award == 1 else 0)", "0.5 × people + (1 if award = 1, else 0)"),
    ("a - (b - c)", "a − (b − c)"),
    ("(a - b) - c", "a − b − c"),
    ("(a + b) * c", "(a + b) × c"),
    ("not (a < 1 or b > 2)", "not (a < 1 or b > 2)"),
    ("floor(85 - rate)", "(85 − final rate) rounded down"),
    ("max(a, b, 1.5)", "the larger of a, b, 1.5"),
    ("-a", "−a"),
])
def test_an_expression_in_words(text: str, shown: str):
    assert to_words(compile_expr(text), WORDS) == shown


@pytest.mark.lang("zh")
@pytest.mark.parametrize(("text", "shown"), [
    ("rate - last >= 4", "年终就业率 − 上年就业率 ≥ 4"),
    ("rate >= 90 and not rate > 95", "年终就业率 ≥ 90且并非（年终就业率 > 95）"),
    ("1 if rate == 100 else 0", "年终就业率 = 100时为1，否则为0"),
    ("min(rate, 90)", "年终就业率、90中的较小者"),
])
def test_an_expression_in_chinese_words(text: str, shown: str):
    assert to_words(compile_expr(text), {"rate": "年终就业率", "last": "上年就业率"}) == shown


@pytest.mark.lang("zh")
def test_rules_are_shown_with_labels_in_check_and_explain():
    check = CliRunner().invoke(cli, ["rubric", "check", str(COMPOSITE)])
    assert "若 年终就业率 ≥ 争取目标：9 分" in check.output
    assert ">=" not in check.output and " if " not in check.output
    sheet = ROOT / "examples" / "composite-employment" / "文学院.yaml"
    explained = CliRunner().invoke(cli, ["explain", "--rubric", str(COMPOSITE), str(sheet),
                                         "2.2"])
    assert "年终就业率 ≥ 争取目标？否（9）" in explained.output
    assert "rate" not in explained.output and ">=" not in explained.output


def test_yaml_template_says_one_point_and_two_points(tmp_path: Path):
    out = tmp_path / "x.yaml"
    result = CliRunner().invoke(cli, ["template", "--college", "X", "--year", "2024",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "(1 point)" in text and "(2 points)" in text
    assert not re.search(r"\(1 points\)|\(at most 1 points\)|steps of 1 points", text)


@pytest.mark.parametrize(("error", "name"), [
    (__import__("zipfile").BadZipFile("Bad CRC-32"), "xlsx-damaged-zip"),
    (__import__("zlib").error("invalid stored block"), "xlsx-damaged-zip"),
    (NotImplementedError("compression type 99"), "xlsx-zip-method"),
    (KeyError("xl/sharedStrings.xml"), "xlsx-missing-part"),
    (IndexError("list index out of range"), "xlsx-bad-reference"),
    (ValueError("bad value"), "xlsx-bad-value"),
    (AttributeError("x"), "xlsx-xml-damaged"),
])
def test_a_damaged_workbook_is_described_in_words_not_by_the_error_class(error, name):
    from jyscore.i18n.messages import damage_phrase, render_message

    said = damage_phrase(error)
    assert said.name == name
    set_language("zh")
    text = render_message("JY604", {"reason": said})
    assert type(error).__name__ not in text
    assert not re.search(r"[A-Za-z]{4,}", text.replace("Excel", "").replace("WPS", ""))


@pytest.mark.lang("zh")
def test_a_bomb_is_refused_in_whole_sentences():
    from jyscore.i18n.messages import phrase, render_message

    text = render_message("JY606", {"reason": phrase(
        "xlsx-bomb-ratio", part="xl/media/zeros.bin", ratio=1028, limit=200)})
    assert text.startswith("部件 xl/media/zeros.bin 解压后将是其压缩大小的 1028 倍")
    assert "工作簿解压后将达到 部件" not in text


def _form_rows(path: Path) -> list[list[object]]:
    import openpyxl

    sheet = openpyxl.load_workbook(path).worksheets[0]
    return [[c.value for c in row if c.value is not None]
            for row in sheet.iter_rows(min_row=1, max_row=4)]


@pytest.mark.parametrize(("written", "read"), [("zh", "en"), ("en", "zh")])
def test_a_form_is_written_in_the_language_and_read_in_either(tmp_path: Path, written: str,
                                                              read: str):
    rubric = ["--rubric", str(PANELS / "rubric.yaml")]
    form = tmp_path / "form.xlsx"
    made = CliRunner().invoke(cli, ["--lang", written, "convert", *rubric,
                                    str(PANELS / "colleges" / "a.yaml"), "-o", str(form)])
    assert made.exit_code == 0, made.output
    rows = _form_rows(form)
    own = {"zh": ["学院", "年度", "考核人", "指标体系"], "en": ["college", "year", "assessor",
                                                         "rubric"]}
    assert all(word in rows[1] for word in own[written]), rows[1]
    other = own["en" if written == "zh" else "zh"]
    assert not any(word in rows[1] for word in other), rows[1]
    scored = CliRunner().invoke(cli, ["--lang", read, "score", *rubric, str(form),
                                      "-f", "json"])
    assert scored.exit_code == 0, scored.output
    assert '"college": "甲学院"' in scored.stdout.replace(": ", ": ")


@pytest.mark.lang("zh")
def test_chinese_prefix_and_separators(tmp_path: Path):
    from collections import Counter

    from jyscore.pipeline.rank import _years_text

    assert _years_text(Counter({2023: 5, 2024: 1})) == "2023（5 张表）、2024（1 张表）"
    sheet = ROOT / "examples" / "composite-employment" / "文学院.yaml"
    result = CliRunner().invoke(cli, ["convert", str(sheet), "-o", str(tmp_path / "x.xlsx"),
                                      "--rubric", str(PANELS / "rubric.yaml")])
    assert result.exit_code == 1
    assert "jyscore：未向" in result.output and "jyscore: " not in result.output
