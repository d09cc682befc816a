"""The rule kinds (jyscore.core.rules) through real rubric and sheet files.

The composite rubric (rubric/composite-employment.yaml) uses every kind; its example sheets
(examples/composite-employment/) are scored here against totals worked by hand in the tables
below, not by the engine. Then each kind alone: exactly on the line, one step under, caps and
floors, inputs per column, and sheets with bad inputs (code and line).
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from jyscore import load_rubric, load_sheet, score
from jyscore.core.problems import JyscoreError

from .conftest import ROOT

COMPOSITE = ROOT / "rubric" / "composite-employment.yaml"
EXAMPLES = ROOT / "examples" / "composite-employment"

# Every item worked by hand, (self, assessed); None where the sheet has no assessed column.
# 1.2 per_unit 1/meeting ≤ 4 · 1.3 5 − 0.5/late ≥ 0 · 2.1 20 − 1 per full point below 95 ·
# 2.2 tiers 9/6/4 · 2.3 6 − 1 per 2 points below target, exactly 2 does not count ·
# 3.1 0.2/consultation + 1/group ≤ 3 · 3.4 2/fair ≤ 8 · 6.1 +1 per full 5 over target ≤ 4 ·
# 6.3 1/paper ≤ 2 · 6.4 0.5/person + 1 if awarded, ≤ 3
HAND = {
    "文学院": {
        "1.1": (6, 5.5), "1.2": (4, 3),  # meetings 5 (capped at 4) / 3 verified
        "1.3": (3.5, 3.5),  # 5 − 3 × 0.5
        "1.4": (5, 4.5), "2.1": (18, 18),  # 95 − 92.5 = 2.5: 2 full points
        "2.2": (6, 6),  # 91 ≥ pass line 90, < strive 93
        "2.3": (6, 6),  # 93 − 91 = 2: exactly one step, exclusive: not counted
        "3.1": (3, 3),  # 12 × 0.2 + 1 = 3.4, capped at 3
        "3.2": (4.3, 4.1), "3.3": (9, 6), "3.4": (6, 6), "3.5": (5, 4), "4": (14, 12.5),
        "6.1": (0, 0),  # below target
        "6.2": (2, 1), "6.3": (2, 2),  # 3 papers, capped at 2
        "base": (89.8, 82.1), "bonus": (4, 3), "total": (93.8, 85.1),
    },
    "数学科学学院": {
        "1.1": (5, 5), "1.2": (2, 2),
        "1.3": (0, 0),  # 5 − 12 × 0.5 = −1: floored at 0 (扣完为止)
        "1.4": (4, 4),
        "2.1": (20, 20),  # exactly on the line 95
        "2.2": (9, 9), "2.3": (6, 6),  # above the target: nothing off
        "3.1": (1, 1),  # 5 × 0.2; group not given counts 0
        "3.2": (5, 4.9), "3.3": (9, 9),
        "3.4": (8, 8),  # 5 × 2 = 10, capped at the item's 8 points
        "3.5": (4, 4), "4": (13, 13),
        "6.1": (1, 1),  # 98 − 93 = 5: exactly one step, inclusive: counted
        "6.2": (0, 0), "6.3": (1, 1),
        "base": (86, 85.9), "bonus": (2, 2), "total": (88, 87.9),
    },
    "心理学院": {
        "1.1": (4, 4), "1.2": (4, 4), "1.3": (5, 5), "1.4": (3, 3),
        "2.1": (11, 9),  # rate per column: 86 (9 below) / 84 (11 below)
        "2.2": (4, 4),  # 89 < 90, but 89 − 85 = 4 ≥ 4
        "2.3": (5, 5),  # 92 − 89 = 3: one full step past 2
        "3.1": (2.2, 2.2),  # 6 × 0.2 + 1
        "3.2": (3.5, 3.2), "3.3": (6, 4), "3.4": (2, 2), "3.5": (3, 3), "4": (10, 9),
        "6.1": (0, 0), "6.2": (1, 0), "6.3": (0, 0),
        "base": (62.7, 57.4), "bonus": (1, 0),
        "adjustment": (0, -1.5),  # 迟报 1.5 deducted in the assessed column only
        "total": (63.7, 55.9),  # 57.4 + 0 − 1.5
        "grade": ("合格", "不合格"),  # 63.7 ≥ 60; 55.9 < 60
    },
    "经济管理学院": {
        "1.1": (6, None), "1.2": (1, None), "1.3": (4.5, None), "1.4": (5, None),
        "2.1": (19, None),  # one point under the line: one step
        "2.2": (0, None),  # 88 < 90 and 88 − 85 = 3 < 4: no tier holds
        "2.3": (5, None),  # 92 − 88 = 4: 2 steps of 2, the second reached exactly: 1
        "3.1": (3, None),  # 4 group sessions = 4, capped at 3
        "3.2": (2.7, None), "3.3": (0, None), "3.4": (0, None), "3.5": (2.5, None),
        "4": (7.5, None),
        "6.1": (0, None), "6.2": (0, None), "6.3": (0, None),
        "6.4": (2.5, None),  # 0.5 × 3 people + 1 for the award
        "base": (56.2, None), "bonus": (2.5, None), "total": (58.7, None),
    },
}


def _d(value: float | int | None) -> D | None:
    return None if value is None else D(str(value))


@pytest.fixture(scope="module")
def composite():
    return load_rubric(COMPOSITE)


@pytest.mark.parametrize("college", sorted(HAND))
def test_composite_examples_match_the_hand_table(composite, college):
    result = score(composite, load_sheet(EXAMPLES / f"{college}.yaml", composite))
    expected = HAND[college]
    scores = {row.node.id: (row.self, row.assessed) for row in (*result.rows, *result.bonus_rows)}
    for item_id, (self_, assessed) in expected.items():
        if item_id in ("base", "bonus", "adjustment", "total", "grade"):
            continue
        assert scores[item_id][0] == _d(self_), (item_id, "self")
        if assessed is not None:
            assert scores[item_id][1] == _d(assessed), (item_id, "assessed")
    for column, index in (("self", 0), ("assessed", 1)):
        totals = result.totals[column]
        if expected["total"][index] is None:
            assert totals is None
            continue
        assert totals is not None
        assert (totals.base, totals.bonus, totals.total) == tuple(
            _d(expected[key][index]) for key in ("base", "bonus", "total")
        )
        assert totals.adjustment == _d(expected.get("adjustment", (0, 0))[index])
        if "grade" in expected:
            assert totals.grade == expected["grade"][index]


# -- each kind alone, in a small rubric ---------------------------------------------------------

HEAD = """id: k
name: 规则
total: 10
step: 0.5
indicators:
  - id: "1"
    name: 甲
    points: 10
    children:
      - id: "1.1"
        name: 项
        points: 10
"""


def _rubric(tmp_path: Path, rule: str, extra: str = ""):
    path = tmp_path / "r.yaml"
    path.write_text(HEAD + rule + extra, encoding="utf-8")
    return load_rubric(path)


def _score(tmp_path: Path, rubric, entry: str) -> tuple[D | None, D | None]:
    path = tmp_path / "s.yaml"
    path.write_text(f'college: 甲\nyear: 2024\nscores:\n  "1.1": {entry}\n', encoding="utf-8")
    result = score(rubric, load_sheet(path, rubric))
    row = next(r for r in result.rows if r.node.id == "1.1")
    return row.self, row.assessed


def _problems(tmp_path: Path, rubric, entry: str) -> list[tuple[str, int | None]]:
    path = tmp_path / "s.yaml"
    path.write_text(f'college: 甲\nyear: 2024\nscores:\n  "1.1": {entry}\n', encoding="utf-8")
    with pytest.raises(JyscoreError) as info:
        load_sheet(path, rubric)
    return [(p.code, p.line) for p in info.value.problems]


PER_UNIT = "        rule: {kind: per_unit, per_unit: 1.5, max: 6, input: {name: n}}\n"
DEDUCTION = "        rule: {kind: deduction, per_unit: 0.5, input: {name: late}}\n"
BELOW_95 = ("        rule: {kind: steps, direction: below, boundary: inclusive, line: 95, "
            "step: 5, per_step: 1, input: {name: rate, type: percent}}\n")
BELOW_95_EXCLUSIVE = BELOW_95.replace("inclusive", "exclusive")
ABOVE_TARGET = ("        rule: {kind: steps, direction: above, boundary: inclusive, step: 5, "
                "per_step: 1, max: 4, line_input: {name: target, type: percent}}\n")
TIERS = """        rule:
          kind: tiers
          inputs: [{name: rate, type: percent}, {name: before, type: percent}]
          tiers:
            - {when: "rate >= 95", points: 9}
            - {when: "rate >= 90", points: 6}
            - {when: "rate < 90 and rate - before >= 4", points: 4}
          otherwise: 1
"""
COUNTERS = """        rule:
          kind: counters
          max: 3
          counters: [{name: one, per_unit: 0.2}, {name: group, per_unit: 1}]
"""


@pytest.mark.parametrize(
    ("rule", "entry", "expected"),
    [
        (PER_UNIT, "{n: 0}", (0, 0)),
        (PER_UNIT, "{n: 3}", (4.5, 4.5)),
        (PER_UNIT, "{n: 4}", (6, 6)),  # exactly the cap
        (PER_UNIT, "{n: 5}", (6, 6)),  # over it
        (PER_UNIT, "{n: {self: 5, assessed: 2}}", (6, 3)),  # per column
        (DEDUCTION, "{late: 0}", (10, 10)),
        (DEDUCTION, "{late: 19}", (0.5, 0.5)),
        (DEDUCTION, "{late: 20}", (0, 0)),  # exactly used up
        (DEDUCTION, "{late: 30}", (0, 0)),  # floored at 0
        (DEDUCTION, "{late: {self: 1, assessed: 4}}", (9.5, 8)),
        (BELOW_95, "{rate: 95}", (10, 10)),  # on the line
        (BELOW_95, "{rate: 100}", (10, 10)),
        (BELOW_95, "{rate: 90.01}", (10, 10)),  # under one full step
        (BELOW_95, "{rate: 90}", (9, 9)),  # exactly one step under, inclusive: counts
        (BELOW_95, "{rate: 89.99}", (9, 9)),
        (BELOW_95, "{rate: 0}", (0, 0)),  # 19 steps: floored at 0
        (BELOW_95_EXCLUSIVE, "{rate: 90}", (10, 10)),  # exactly one step, exclusive: not yet
        (BELOW_95_EXCLUSIVE, "{rate: 89.9}", (9, 9)),
        (ABOVE_TARGET, "{rate: 94.4, target: 89.4}", (1, 1)),  # exactly 5 over
        (ABOVE_TARGET, "{rate: 94.39, target: 89.4}", (0, 0)),
        (ABOVE_TARGET, "{rate: 100, target: 60}", (4, 4)),  # capped
        (ABOVE_TARGET, "{rate: {self: 99.4, assessed: 94.4}, target: 89.4}", (2, 1)),
        (TIERS, "{rate: 95, before: 80}", (9, 9)),  # on the highest line
        (TIERS, "{rate: 94.9, before: 80}", (6, 6)),
        (TIERS, "{rate: 89.9, before: 85.9}", (4, 4)),  # 4 exactly: holds
        (TIERS, "{rate: 89.9, before: 86}", (1, 1)),  # 3.9: otherwise
        (TIERS, "{rate: {self: 95, assessed: 90}, before: 80}", (9, 6)),
        (COUNTERS, "{one: 5}", (1, 1)),
        (COUNTERS, "{one: 5, group: 2}", (3, 3)),  # exactly the cap
        (COUNTERS, "{one: 6, group: 2}", (3, 3)),  # 3.2 capped
        (COUNTERS, "{one: {self: 10, assessed: 5}}", (2, 1)),
    ],
)
def test_kinds_by_hand(tmp_path, rule, entry, expected):
    rubric = _rubric(tmp_path, rule)
    assert _score(tmp_path, rubric, entry) == (_d(expected[0]), _d(expected[1]))


@pytest.mark.parametrize(
    ("rule", "entry", "code"),
    [
        (PER_UNIT, "{n: 1.5}", "JY123"),  # a count is whole
        (PER_UNIT, "{m: 1}", "JY022"),  # unknown input
        (PER_UNIT, "{n: {self: 3}}", "JY127"),  # per column: the assessed column has none
        (PER_UNIT, "{n: {assessed: 3}}", "JY135"),  # the self column has none
        (PER_UNIT, "{n: {self: , assessed: }}", "JY125"),  # per column, but both empty
        (PER_UNIT, "{n: {self: 3, assesed: 2}}", "JY125"),
        (BELOW_95, "{rate: 101}", "JY121"),
        (BELOW_95, "{rate: abc}", "JY100"),
        (TIERS, "{rate: 95}", "JY127"),  # before missing
        (DEDUCTION, "{late: -1}", "JY123"),
    ],
)
def test_bad_inputs_in_a_sheet(tmp_path, rule, entry, code):
    rubric = _rubric(tmp_path, rule)
    assert (code, 4) in _problems(tmp_path, rubric, entry)


def test_an_item_given_without_its_inputs_is_not_scored(tmp_path):
    """A note alone fills no input: the sheet's only item is unscored, one problem at scores:."""
    rubric = _rubric(tmp_path, PER_UNIT)
    assert _problems(tmp_path, rubric, "{note: x}") == [("JY115", 3)]


@pytest.mark.parametrize(
    ("extra", "entry", "expected"),
    [
        ("        allowed: [0, 4, 6, 9]\n", "{self: 6, assessed: 4}", None),
        ("        allowed: [0, 4, 6, 9]\n", "{self: 5, assessed: 4}", "JY104"),
        ("        step: 0.1\n", "{self: 4.3, assessed: 4.1}", None),
        ("        step: 0.1\n", "{self: 4.35, assessed: 4.1}", "JY103"),
    ],
)
def test_per_item_step_and_allowed(tmp_path, extra, entry, expected):
    rubric = _rubric(tmp_path, extra)
    if expected is None:
        self_, assessed = _score(tmp_path, rubric, entry)
        assert (self_, assessed) == tuple(D(v) for v in entry[1:-1].replace("self: ", "")
                                          .replace("assessed: ", "").split(", "))
    else:
        assert (expected, 4) in _problems(tmp_path, rubric, entry)


def test_a_primary_scored_itself_has_no_subtotal_row_of_its_own(composite):
    from jyscore.writers.xlsx.plan import SUBTOTAL, plan

    rows = plan(composite)
    keys = [r.key for r in rows if r.key]
    assert len(keys) == len(set(keys))  # the bug: "4" twice, its subtotal referring to itself
    assert "4" not in {r.key for r in rows if r.kind == SUBTOTAL}


def test_rubric_errors_name_the_item_not_an_index_path(tmp_path):
    with pytest.raises(JyscoreError) as info:
        _rubric(tmp_path, "        rule: {kind: per_unit, per_unit: 0}\n")
    problem = info.value.problems[0]
    assert problem.item_id == "1.1" and problem.line == 13
    assert "1.1 rule.per_unit" in problem.message and "indicators" not in problem.message


def test_a_condition_is_exact_not_float(tmp_path):
    # in binary floating point 60.02 + 4 is 64.02000000000001, so "rate >= before + 4" would
    # fail for rate 64.02; exactly, 64.02 reaches it
    rubric = _rubric(tmp_path, TIERS.replace('"rate >= 90"', '"rate >= before + 4"'))
    assert _score(tmp_path, rubric, "{rate: 64.02, before: 60.02}") == (D(6), D(6))
    assert _score(tmp_path, rubric, "{rate: 64.02, before: 60.03}") == (D(1), D(1))


# -- every command on the composite rubric ----------------------------------------------------

COMPOSITE_SCHEMA = ROOT / "schema" / "composite-employment.schema.json"


def test_composite_schema_is_committed_and_accepts_the_examples(composite):
    import json

    jsonschema = pytest.importorskip("jsonschema")
    from jyscore.writers.jsontext import dumps
    from jyscore.writers.schema import sheet_schema

    from .test_schema import _as_an_editor_sees_it

    assert COMPOSITE_SCHEMA.read_text(encoding="utf-8") == dumps(sheet_schema(composite)) + "\n"
    validator = jsonschema.Draft202012Validator(json.loads(COMPOSITE_SCHEMA.read_text("utf-8")))
    for path in sorted(EXAMPLES.glob("*.yaml")):
        assert list(validator.iter_errors(_as_an_editor_sees_it(path))) == [], path.name
    bad = _as_an_editor_sees_it(EXAMPLES / "文学院.yaml")
    bad["scores"]["3.3"]["self"] = 5  # not one of 0, 4, 6, 9
    assert list(validator.iter_errors(bad))


def test_validate_and_rank_the_composite_examples():
    from click.testing import CliRunner

    from jyscore.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, ["validate", "--rubric", str(COMPOSITE), str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["rank", "--rubric", str(COMPOSITE), str(EXAMPLES), "-f", "csv",
                                 "--by", "self"])
    assert result.exit_code == 0, result.output
    # self totals by hand: 文学院 93.8, 数学科学学院 88, 心理学院 63.7, 经济管理学院 58.7
    rows = [line.split(",") for line in result.stdout.splitlines()]
    named = [(r.index(c), c) for r in rows for c in r if c in HAND]
    assert [c for _, c in named] == ["文学院", "数学科学学院", "心理学院", "经济管理学院"]
    assert "93.8" in rows[1] and "58.7" in rows[4]


def test_convert_round_trips_per_column_inputs(composite, tmp_path):
    from jyscore.readers.xlsx import load_workbook_sheet
    from jyscore.writers.sheet_yaml import sheet_yaml
    from jyscore.writers.xlsx.form import write_form

    for college in HAND:
        sheet = load_sheet(EXAMPLES / f"{college}.yaml", composite)
        workbook = tmp_path / f"{college}.xlsx"
        write_form(workbook, composite, sheet.college, sheet.year, sheet)
        again = load_workbook_sheet(workbook, composite)
        assert {k: (e.self, e.assessed, e.inputs, e.column_inputs)
                for k, e in again.entries.items()} == \
            {k: (e.self, e.assessed, e.inputs, e.column_inputs)
             for k, e in sheet.entries.items()}, college
        assert (again.adjustments, again.vetoes) == (sheet.adjustments, sheet.vetoes), college
        text = tmp_path / f"{college}.yaml"
        text.write_text(sheet_yaml(composite, sheet), encoding="utf-8")
        assert score(composite, load_sheet(text, composite)).totals == \
            score(composite, sheet).totals


# -- jyscore explain and jyscore rubric check ----------------------------------------------------


def _cli(*args: str):
    from click.testing import CliRunner

    from jyscore.cli import cli

    return CliRunner().invoke(cli, list(args))


def test_explain_shows_inputs_per_column_and_exact_steps():
    result = _cli("explain", "--rubric", str(COMPOSITE), str(EXAMPLES / "心理学院.yaml"),
                  "2.1", "2.2", "1.3")
    assert result.exit_code == 0, result.output
    text = result.stdout
    # 2.1: rate per column, each column's own arithmetic
    assert "初次就业率 86" in text and "初次就业率 84" in text
    assert "95 − 86 = 9 below the line" in text and "20 − 9 × 1 = 11" in text
    assert "20 − 11 × 1 = 9" in text
    # 2.2: the tiers tried in order, the one that holds
    # (each input by its label, the comparison as people write it)
    assert "年终就业率 ≥ 合格目标? no (6)" in text
    assert "年终就业率 − 上年就业率 ≥ 4? yes (4)" in text
    assert "→ 4" in text
    assert "总分 63.7" in text
    assert "The total before any veto: 57.4 − 1.5 = 55.9." in text
    assert "等级 不合格: the total 55.9 reaches no higher band" in text


def test_explain_json_and_floors():
    import json

    result = _cli("explain", "--rubric", str(COMPOSITE), str(EXAMPLES / "数学科学学院.yaml"),
                  "1.3", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (item,) = data["items"]
    assert item["id"] == "1.3"
    assessed = item["columns"]["assessed"]
    assert assessed["inputs"] == {"延迟上报次数": "12"}
    assert assessed["steps"] == ["5 − 12 × 0.5 = 5 − 6 = -1", "-1 is below 0: 0"]
    assert assessed["points"] == "0"
    assert data["totals"]["assessed"]["total"] == "87.9"


def test_explain_an_unknown_id_is_a_usage_error():
    result = _cli("explain", str(ROOT / "examples" / "2024" / "文学院.yaml"), "9.9")
    assert result.exit_code == 2 and "9.9" in result.stderr


def test_rubric_check_prints_the_tree_and_exits_like_validate():
    good = _cli("rubric", "check", str(COMPOSITE))
    assert good.exit_code == 0, good.output
    assert "3.1 咨询与辅导 [3]" in good.stdout and "4 就业典型宣传 [15]" in good.stdout
    bad = _cli("rubric", "check", str(COMPOSITE),
               str(ROOT / "tests" / "data" / "rubrics" / "tiers-order.yaml"))
    assert bad.exit_code == 1
    assert "tiers-order.yaml:19:" in bad.stderr and "JY208" in bad.stderr
    assert _cli("rubric", "check", "no-such-file.yaml").exit_code == 2


FLAG_TIERS = """        rule:
          kind: tiers
          inputs: [{name: on_time, label: 按时报送, type: flag}, {name: late, type: count}]
          tiers:
            - {when: "on_time == 1", points: 10}
            - {when: "late <= 2", points: 5}
"""


@pytest.mark.parametrize(
    ("entry", "expected"),
    [("{on_time: 是, late: 9}", (10, 10)), ("{on_time: 'no', late: 2}", (5, 5)),
     ("{on_time: false, late: 3}", (0, 0)),
     ("{on_time: {self: 1, assessed: 否}, late: 0}", (10, 5))],
)
def test_a_yes_no_input(tmp_path, entry, expected):
    rubric = _rubric(tmp_path, FLAG_TIERS)
    assert _score(tmp_path, rubric, entry) == (D(expected[0]), D(expected[1]))


def test_a_yes_no_input_refuses_other_words(tmp_path):
    rubric = _rubric(tmp_path, FLAG_TIERS)
    assert ("JY126", 4) in _problems(tmp_path, rubric, "{on_time: 按时, late: 0}")


STEPS_BOTH = ROOT / "tests" / "data" / "rules" / "steps-both.yaml"


@pytest.mark.parametrize(
    ("rate", "points"),
    [("90", 20),  # on the line
     ("93", 23), ("93.99", 23),  # 3 full steps above
     ("95", 25), ("99", 25),  # 29 capped at the item's 25
     ("89.5", 20),  # under one full step below
     ("89", 18), ("88.01", 18),  # one full step below: −2
     ("80", 0), ("0", 0)],  # 10 steps below: 20 − 20; floored
)
def test_steps_both_ways(tmp_path, rate, points):
    rubric = load_rubric(STEPS_BOTH)
    assert _score(tmp_path, rubric, f"{{rate: {rate}}}") == (D(points), D(points))


def test_the_form_guards_per_item_step_and_allowed_values(composite):
    from jyscore.writers.xlsx.form import build_form

    from .xlsx_helpers import id_rows

    ws = build_form(composite, "学院", 2024).worksheets[0]
    rows = id_rows(ws)
    by_cell = {}
    for validation in ws.data_validations.dataValidation:
        for ref in str(validation.sqref).split():
            by_cell[ref] = validation
    allowed = by_cell[f"H{rows['3.3']}"]
    assert allowed.type == "list" and allowed.formula1 == '"0,4,6,9"'
    assert "0.1" in by_cell[f"H{rows['3.2']}"].prompt  # its own step
    assert "0.5" in by_cell[f"H{rows['3.5']}"].prompt


FORMULA = """        rule:
          kind: formula
          inputs: [{name: rate, type: percent}]
          formula: "10 if rate >= 95 else 8 if rate >= 90 else max(0, 8 - ceil(90 - rate) / 3)"
"""


@pytest.mark.parametrize(
    ("rate", "points"),
    [("95", 10), ("94.99", 8), ("90", 8),
     ("89.99", "7.67"),  # 8 − 1/3 = 7.666…, rounded half-up to 2 places
     ("89", "7.67"), ("88.5", "7.33"),  # 8 − 2/3
     ("60", 0), ("0", 0)],  # floored by max(0, …)
)
def test_formula_by_hand(tmp_path, rate, points):
    rubric = _rubric(tmp_path, FORMULA)
    assert _score(tmp_path, rubric, f"{{rate: {rate}}}") == (D(points), D(points))


def test_formula_errors_in_a_rubric(tmp_path):
    with pytest.raises(JyscoreError) as info:
        _rubric(tmp_path, FORMULA.replace("ceil(90 - rate)", "ceil(90 - rate, 2)"))
    assert [(p.code, p.line) for p in info.value.problems] == [("JY200", 16)]
    with pytest.raises(JyscoreError) as info:
        _rubric(tmp_path, FORMULA.replace("ceil(90 - rate)", "ceil(90 - rat)"))
    assert [(p.code, p.line) for p in info.value.problems] == [("JY208", 16)]


def test_every_registered_kind_resolves_to_the_kind_of_its_name():
    """The registry imports a kind's module on first use: each entry must name a module whose
    ``KIND`` is that kind, with parameters tagged by that name in a rubric file."""
    import typing

    from jyscore.core.rules import KINDS, RuleKind

    folder = ROOT / "src" / "jyscore" / "core" / "rules"
    modules = {p.stem for p in folder.glob("*.py") if "\nKIND = " in p.read_text(encoding="utf-8")}
    assert set(KINDS) == modules  # every kind's module is registered, under its module's name
    for name in KINDS:
        kind = KINDS[name]
        assert isinstance(kind, RuleKind) and kind.name == name
        assert typing.get_args(typing.get_type_hints(kind.params)["kind"]) == (name,)


def test_scoring_the_built_in_rubric_imports_only_the_kinds_it_uses(tmp_path):
    """Once the validated rubric is cached (the first run validates it, asking for every kind)."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from jyscore import load_rubric, load_sheet, score\n"
        "rubric = load_rubric()\n"
        "score(rubric, load_sheet('examples/2024/文学院.yaml', rubric))\n"
        "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules\n"
        "             if m.startswith('jyscore.core.rules.')))\n"
    )
    env = {**os.environ, "JYSCORE_CACHE_DIR": str(tmp_path)}
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              cwd=ROOT, env=env, check=True)
    assert done.stdout.split("\n")[0] == "['base', 'manual', 'per_unit', 'rate_steps', 'steps']"
