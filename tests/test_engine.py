"""The engine, table-driven: bonus rules on exact decimals, totals reproducible by hand."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest

from jyscore import load_sheet, score
from jyscore.core.models import Entry, Node
from jyscore.core.rules import Explain
from jyscore.core.rules.per_unit import KIND as PER_UNIT
from jyscore.core.rules.per_unit import PerUnitRule
from jyscore.core.rules.rate_steps import RateStepsRule, rate_steps_points

from .conftest import DATA

SEED_RULE = RateStepsRule(kind="rate_steps", step=D(5), per_step=D(1), max=D(4))


@pytest.mark.parametrize(
    ("rate", "target", "points"),
    [
        (Fraction(118 * 100, 125), "89.4", 1),  # 118/125 = 94.4 exactly: 5.0 over -> +1
        (Fraction("65.1"), "60.1", 1),  # 65.1 - 60.1 is exactly 5 (as floats it is 4.99999...)
        (Fraction("65.09"), "60.1", 0),
        (Fraction("60.1"), "60.1", 0),
        (Fraction("50"), "60.1", 0),
        (Fraction("70.1"), "60.1", 2),
        (Fraction("74.99"), "60", 2),
        (Fraction("80"), "60", 4),
        (Fraction("100"), "60", 4),  # 8 steps, capped at 4
        (Fraction(200, 3), "61.6", 1),  # 66.666... is 5.0666 over
    ],
)
def test_rate_steps_is_exact(rate, target, points):
    assert rate_steps_points(SEED_RULE, rate, D(target)) == points


def test_employment_rate_from_counts_is_exact():
    entry = Entry("6.1.1", inputs={"target": D("89.4"), "graduates": D(125), "employed": D(118)})
    assert entry.employment_rate() == Fraction(472, 5) == Fraction("94.4")


@pytest.mark.parametrize(
    ("count", "per", "cap", "points"),
    [(0, "1", None, 0), (3, "1", None, 3), (3, "0.5", "1", 1), (7, "1", "4", 4)],
)
def test_per_unit(count, per, cap, points):
    rule = PerUnitRule(kind="per_unit", per_unit=D(per), max=D(cap) if cap else None)
    node = Node(id="6.2", name="论文", rule=rule)
    assert PER_UNIT.compute(rule, node, {"count": D(count)}, Explain()) == points


@pytest.mark.parametrize(
    ("file", "self_totals", "assessed_totals"),
    [
        # every item at its cap for self, 0.5 below for assessed: 100 - 25 x 0.5 = 87.5;
        # bonus: 118/125 = 94.4% vs 89.4% -> +1, 研究生 1 / 0.5, 2 papers -> +2
        ("good/whole-items.yaml", ("100", "4", "104"), ("87.5", "3.5", "91")),
        ("good/parts.yaml", ("100", "4", "104"), ("87.5", "3.5", "91")),
    ],
)
def test_totals_by_hand(rubric, file, self_totals, assessed_totals):
    result = score(rubric, load_sheet(DATA / file, rubric))
    for column, expected in (("self", self_totals), ("assessed", assessed_totals)):
        totals = result.totals[column]
        assert (totals.base, totals.bonus, totals.total) == tuple(D(x) for x in expected)


def test_example_by_hand(rubric):
    # 文学院: assessed = 20 + 18.5 + 32 + 18.5 + 5.5 = 94.5; 120/125 = 96% vs 89.4% -> +1,
    # 研究生 +0.5, 2 papers +2
    result = score(rubric, load_sheet(DATA.parent.parent / "examples/2024/文学院.yaml", rubric))
    assert result.primary("assessed") == {
        "1": 20, "2": D("18.5"), "3": 32, "4": D("18.5"), "5": D("5.5")}
    totals = result.totals["assessed"]
    assert (totals.base, totals.bonus, totals.total) == (D("94.5"), D("3.5"), D("98"))


def test_parent_is_the_sum_of_its_children(rubric):
    result = score(rubric, load_sheet(DATA / "good" / "parts.yaml", rubric))
    rows = {r.node.id: r for r in result.rows}
    assert rows["1.1"].assessed == rows["1.1.1"].assessed + rows["1.1.2"].assessed == D("5.5")
    assert rows["1.4"].self == rows["1.4.1"].self + rows["1.4.2"].self
    assert rows["1.2.1"].self is None  # 1.2 was scored as a whole


def test_no_float_on_the_path(rubric):
    result = score(rubric, load_sheet(DATA / "good" / "whole-items.yaml", rubric))
    for row in (*result.rows, *result.bonus_rows):
        for value in row.scores.values():
            assert value is None or isinstance(value, D)


def test_standard_competition_ranking(rubric):
    from dataclasses import replace

    from jyscore.core.ranking import rank

    base = load_sheet(DATA / "good" / "whole-items.yaml", rubric)
    entries = dict(base.entries)

    def sheet(college: str, one_one: str):
        changed = dict(entries)
        changed["1.1"] = replace(entries["1.1"], assessed=D(one_one))
        return score(rubric, replace(base, college=college, entries=changed))

    results = [sheet("丁", "4"), sheet("甲", "5.5"), sheet("丙", "5"), sheet("乙", "5")]
    ranking = rank(results)
    assert [(r.rank, r.college) for r in ranking.rows] == [
        (1, "甲"), (2, "丙"), (2, "乙"), (4, "丁")]
    assert ranking.rows[0].total == D("91")
