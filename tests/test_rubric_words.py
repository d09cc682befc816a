"""The rubric language as an author meets it: an open-ended rubric, problems located in words,
conditions that must compare, caps that are not zero, per-college targets on every command,
the schema of per-item steps, and the explanation of groups and the base."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore import load_rubric, load_sheet
from jyscore.cli import cli
from jyscore.core.problems import JyscoreError

from .conftest import ROOT

DATA = ROOT / "tests" / "data"
COMPOSITE = ROOT / "rubric" / "composite-employment.yaml"
EXAMPLES = ROOT / "examples" / "composite-employment"
TARGETS = DATA / "rank" / "targets"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[str, int | None, str]]:
    with pytest.raises(JyscoreError) as info:
        load_rubric(path)
    return [(p.code, p.line, p.message) for p in info.value.problems]


# -- 1. a rubric without a declared total (积点) -------------------------------------------------

OPEN_ENDED = ('id: x\nname: 积点\nstep: 0.5\nindicators:\n'
              '  - {id: "1", name: a, points: 5}\n')


def test_rubric_check_prints_an_open_ended_rubric_without_full_marks(tmp_path):
    result = run("rubric", "check", str(write(tmp_path, "nototal.yaml", OPEN_ENDED)))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "x 积点"  # no "— total …": there are no full marks to show
    assert lines[1].strip().startswith("1 a [5]")


def test_every_command_runs_on_an_open_ended_rubric(tmp_path):
    rubric = str(write(tmp_path, "nototal.yaml", OPEN_ENDED))
    sheet = write(tmp_path, "s.yaml",
                  'college: 甲\nyear: 2024\nscores:\n  "1": {self: 3, assessed: 4}\n')
    for args in (["validate", str(sheet)], ["score", str(sheet)], ["explain", str(sheet)],
                 ["schema"], ["rank", str(sheet)],
                 ["template", "--college", "甲", "--year", "2024", "-o", str(tmp_path / "f.xlsx")],
                 ["convert", str(sheet), "-o", str(tmp_path / "s.xlsx")]):
        result = run(*args, "--rubric", rubric)
        assert result.exit_code == 0, (args, result.output)


# -- 2. problems located in words, never an index path -------------------------------------------

def test_a_broken_rubrics_problems_name_items_tiers_adjustments_vetoes_and_bands():
    found = problems(DATA / "rubrics" / "located-in-words.yaml")
    messages = "\n".join(m for _, _, m in found)
    for words in (
        "2.3 rule, tier 2, points: must be at least 0",
        "2.3 rule, tier 3: expected a mapping",
        "3.1 rule, counter 1, per_unit: must be greater than 0",
        "2.5 rule.input.name: an input name starts with a letter or a Chinese character",
        "item 4 under 2, id: this field is required",
        "adjustment 迟报, kind: expected one of 'deduction', 'addition'",
        "adjustment 迟报, min: must be at least 0",
        "veto v2, totl: not a key of a rubric file",
        "grade band 良好, min: expected a number",
        "2.4 rule: unknown rule kind 'counter' (did you mean 'counters'?); allowed: 'manual', "
        "'per_unit', 'deduction'",
    ):
        assert words in messages
    # no index path (tiers.1, adjustments.1, bands.1) and none of pydantic's own sentences
    assert not re.search(r"[a-z]\.\d", messages), messages
    for raw in ("Input tag", "String should match", "Input should be", "dataclass_type"):
        assert raw not in messages
    with pytest.raises(JyscoreError) as info:
        load_rubric(DATA / "rubrics" / "located-in-words.yaml")
    first = info.value.problems[0]
    assert (first.item_id, first.item_name) == ("2.3", "就业率")


def test_a_number_problem_names_the_tier_and_the_counter(tmp_path):
    text = (DATA / "rubrics" / "located-in-words.yaml").read_text(encoding="utf-8")
    text = text.replace("points: -1}", "points: abc}").replace("per_unit: 0,", "per_unit: x,")
    found = problems(write(tmp_path, "r.yaml", text))
    assert [(code, line) for code, line, _ in found] == [("JY200", 16), ("JY200", 36)]
    assert "2.3 rule, tier 2, points: expected a plain number" in found[0][2]
    assert "3.1 rule, counter 1, per_unit: expected a plain number" in found[1][2]


@pytest.mark.lang("zh")
def test_locations_in_chinese():
    messages = "\n".join(m for _, _, m in problems(DATA / "rubrics" / "located-in-words.yaml"))
    assert "2.3 rule，第 2 档，points" in messages
    assert "调整项 迟报，kind" in messages and "等级段 良好，min" in messages
    assert "未知的规则类型 'counter'" in messages


# -- 3. --targets on every command that checks sheets --------------------------------------------

def test_a_folder_that_ranks_with_targets_validates_scores_and_explains_with_them(tmp_path):
    folder, targets = str(TARGETS / "ok"), str(TARGETS / "targets.yaml")
    without = run("validate", folder)
    assert without.exit_code == 1 and "JY122" in without.stdout
    for args in (["validate", folder], ["rank", folder],
                 ["score", str(TARGETS / "ok" / "文学院.yaml"), "-f", "json"],
                 ["explain", str(TARGETS / "ok" / "文学院.yaml"), "6.1.1"],
                 ["compare", folder, folder, "--old-targets", targets]):
        result = run(*args, "--targets", targets)
        assert result.exit_code == 0, (args, result.output)
    scored = json.loads(run("score", str(TARGETS / "ok" / "文学院.yaml"), "-f", "json",
                            "--targets", targets).stdout)
    assert scored["assessed"]["bonus"] == 1  # 96 % against the file's 89.4: one full step of 5
    explained = run("explain", str(TARGETS / "ok" / "文学院.yaml"), "6.1.1", "--targets", targets)
    assert "目标就业率 89.4" in explained.stdout


def test_convert_writes_the_target_from_the_targets_file(tmp_path):
    out = tmp_path / "文学院.yaml"
    result = run("convert", str(TARGETS / "ok" / "文学院.yaml"), "-o", str(out),
                 "--targets", str(TARGETS / "targets.yaml"))
    assert result.exit_code == 0, result.output
    assert '"6.1.1": {target: 89.4, graduates: 125, employed: 120}' in out.read_text("utf-8")


def test_a_bad_targets_file_stops_validate_with_its_problems():
    result = run("validate", str(TARGETS / "ok"), "--targets", str(TARGETS / "targets-bad.yaml"))
    assert result.exit_code == 1 and "targets-bad.yaml:3:9" in result.output


def test_a_missing_percentage_is_shown_with_a_percentage(tmp_path):
    rubric = write(tmp_path, "r.yaml", (
        "id: r\nname: R\nstep: 0.5\nindicators:\n  - id: '1'\n    name: 就业率\n    points: 20\n"
        "    rule: {kind: steps, direction: below, boundary: inclusive, step: 5, per_step: 1,\n"
        "           line_input: {name: target, type: percent},\n"
        "           input: {name: rate, type: percent}}\n"))
    sheet = write(tmp_path, "s.yaml", "college: 甲\nyear: 2024\nscores:\n  '1': {rate: 90}\n")
    with pytest.raises(JyscoreError) as info:
        load_sheet(sheet, load_rubric(rubric))
    (problem,) = info.value.problems
    assert problem.code == "JY127"
    assert "give it as target: 89.4, or per column as target: {self: 89.4, assessed: 87.5}" \
        in problem.message


# -- 4. the schema carries a per-item step of 0.1 ----------------------------------------------

STEPS = """id: r
name: R
step: 0.5
indicators:
  - id: "1"
    name: 一
    children:
      - {id: "1.1", name: a, points: 5, step: 0.1}
      - {id: "1.2", name: b, points: 3}
      - {id: "1.3", name: c, points: 9, allowed: [0, 4, 6, 9]}
"""


def test_the_schema_limits_an_item_on_its_own_step_of_0_1(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    # through JSON text, as an editor reads it
    schema = json.loads(run("schema", "--rubric", str(write(tmp_path, "r.yaml", STEPS))).stdout)
    scores = schema["properties"]["scores"]["properties"]
    assert scores["1.2"]["properties"]["self"]["multipleOf"] == 0.5
    assert scores["1.3"]["properties"]["self"]["enum"] == [0, 4, 6, 9]

    def valid(value: float) -> bool:
        sheet = {"college": "甲", "year": 2024, "scores": {
            "1.1": {"self": value, "assessed": value}, "1.2": {"self": 1, "assessed": 1},
            "1.3": {"self": 4, "assessed": 4}}}
        return not list(jsonschema.Draft202012Validator(schema).iter_errors(sheet))

    assert valid(4.3) and valid(5) and valid(0) and valid(0.1)
    assert not valid(4.35) and not valid(5.1)


# -- 5. a condition must compare; 6. a cap of 0 -------------------------------------------------

RULED = """id: r
name: R
step: 0.5
indicators:
  - id: "1"
    name: 一
    points: 6
    rule:
      kind: tiers
      inputs: [{name: now}, {name: before}]
      tiers:
        - {when: "WHEN", points: 6}
"""


@pytest.mark.parametrize("when", ["now - before", "now", "now >= 3 and before",
                                  "not now", "(now if before > 1 else 0)"])
def test_a_tier_whose_condition_does_not_compare_is_refused(tmp_path, when):
    found = problems(write(tmp_path, "r.yaml", RULED.replace("WHEN", when)))
    assert [(code, line) for code, line, _ in found] == [("JY200", 12)]
    assert "a condition must compare (>=, >, <=, <, ==, !=), optionally joined by and/or/not" \
        in found[0][2]


@pytest.mark.parametrize("when", ["now - before >= 4", "not (now > 1)",
                                  "now >= 3 and before < 2 or now == 9"])
def test_a_tier_that_compares_is_accepted(tmp_path, when):
    load_rubric(write(tmp_path, "r.yaml", RULED.replace("WHEN", when)))


def test_a_formula_tests_a_comparison_not_a_number(tmp_path):
    text = RULED.replace("""      kind: tiers
      inputs: [{name: now}, {name: before}]
      tiers:
        - {when: "WHEN", points: 6}
""", """      kind: formula
      inputs: [{name: now}]
      formula: "5 if now else 3"
""")
    found = problems(write(tmp_path, "r.yaml", text))
    assert [(c, line) for c, line, _ in found] == [("JY200", 11)]
    assert "at character 6 it computes a number" in found[0][2]


def test_an_operator_not_allowed_is_pointed_at(tmp_path):
    found = problems(write(tmp_path, "r.yaml", RULED.replace("WHEN", "now ** 2 >= 4")))
    assert "this operator at character 5 is not allowed" in found[0][2]
    found = problems(write(tmp_path, "r.yaml", RULED.replace("WHEN", "就业率 is 3")))
    assert "this comparison at character 5 is not allowed" in found[0][2]  # characters, not bytes


@pytest.mark.parametrize("rule, line", [
    ("{kind: per_unit, per_unit: 1, max: 0, input: {name: n}}", 8),
    ("{kind: counters, max: 0, counters: [{name: n, per_unit: 1}]}", 8),
    ("{kind: deduction, per_unit: 1, full: 0, input: {name: n}}", 8),
])
def test_a_rule_that_could_never_score_is_refused_at_its_line(tmp_path, rule, line):
    text = f"id: r\nname: R\nstep: 0.5\nindicators:\n  - id: '1'\n    name: 一\n    points: 6\n" \
           f"    rule: {rule}\n"
    found = problems(write(tmp_path, "r.yaml", text))
    assert [(c, ln) for c, ln, _ in found] == [("JY200", line)]
    assert "must be greater than 0" in found[0][2]


# -- 7. explain shows the groups and how the base adds up; 8. the cap of steps ------------------

def test_explain_without_ids_shows_each_group_after_its_children_and_the_base():
    result = run("explain", "--rubric", str(COMPOSITE), str(EXAMPLES / "心理学院.yaml"))
    assert result.exit_code == 0, result.output
    text = result.stdout
    heads = [line.split(" ")[0] for line in text.splitlines() if line and not line[0].isspace()]
    assert heads.index("1") > heads.index("1.3") and heads.index("2") > heads.index("2.2")
    assert "基础分 = 1 + 2 + 3 + 4 = 16 + 18 + 14.4 + 9 = 57.4" in text
    data = json.loads(run("explain", "--rubric", str(COMPOSITE), str(EXAMPLES / "心理学院.yaml"),
                          "-f", "json").stdout)
    group = next(i for i in data["items"] if i["id"] == "1")
    assert group["rule"] == "the sum of its children"
    assert group["columns"]["assessed"]["points"] == "16"
    assert data["totals"]["assessed"]["base_work"] == (
        "基础分 = 1 + 2 + 3 + 4 = 16 + 18 + 14.4 + 9 = 57.4")


def test_steps_with_a_cap_say_it():
    result = run("rubric", "check", str(COMPOSITE))
    line = next(x for x in result.stdout.splitlines() if x.strip().startswith("6.1 "))
    assert line.endswith("at most 4")


# -- 9. the docs agree with themselves ---------------------------------------------------------

def test_the_rubric_format_page_says_total_is_optional_and_where_it_rounds():
    page = (ROOT / "docs" / "rubric-format.md").read_text(encoding="utf-8")
    assert re.search(r"^\| `total` \| no \|", page, re.MULTILINE)
    assert "no\nrounding anywhere" not in page and "the only rounding is" not in page
    assert "half-up to `round` decimal places" in page


# -- 10. a tie kept beyond a quota (score's JSON vetoes: tests/test_totals.py) ----------------

def test_a_tie_kept_beyond_the_quota_says_so():
    from jyscore.core.models import Band, Grades
    from jyscore.core.quotas import Graded, apply_quota
    from jyscore.writers.rank_common import quota_note

    grades = Grades((Band("优秀", min=D(90), quota=D(30)), Band("合格")), "floor", "keep")
    # 10 colleges, 3 places; ranks 1, 2, 3, 3: the fourth keeps 优秀 by the tie
    ranked = [Graded(r, g) for r, g in ((1, "优秀"), (2, "优秀"), (3, "优秀"), (3, "优秀"),
                                        *((i, "合格") for i in range(5, 11)))]
    found = apply_quota(ranked, grades)
    assert [o.grade for o in found[:4]] == ["优秀"] * 4
    assert [bool(o.drops) for o in found[:4]] == [False, False, False, True]
    (kept,) = found[3].drops
    assert kept.kept and kept.to == "优秀"

    class Row:
        drops = found[3].drops

    assert quota_note(Row()) == (  # type: ignore[arg-type]
        "优秀 by its total; the 优秀 quota is 30% of 10 = 3 (rounded down), exceeded because it "
        "is tied at the boundary (ties keep the band together)")
