"""Assessor panels, worked by hand: panels of 1, 2, 3 and 5 assessors, every method and level.

The rubric (tests/data/panels/rubric.yaml) has two items and a bonus: base = 1.1 + 2.1,
bonus = 3.1, total = base + bonus. Each assessor is (1.1, 2.1, 3.1) below; every expected
figure was worked out on paper from those, and is exact before it is rounded to 2 places.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jyscore.core.engine import score
from jyscore.core.models import Rubric
from jyscore.core.panels import (
    Member,
    PanelSettings,
    aggregate,
    build_panel,
    group_sheets,
    identity,
    publish,
)
from jyscore.core.problems import JyscoreError
from jyscore.readers.rubric import load_rubric
from jyscore.readers.sheet import load_sheet

DATA = Path(__file__).parent / "data" / "panels"

ONE = [(30, 50, 2)]
TWO = [(30, 50, 2), (35, 45.5, 0)]
THREE = [(30, 58.5, 0), (35, 52, 3), (32.5, 57.5, 1)]  # totals 88.5, 90, 91
FIVE = [(30, 50, 0), (32, 52, 1), (34.5, 49, 2), (28, 55.5, 0.5), (40, 60, 5)]

# (assessors, method, level) -> (base, bonus, total), published at 2 places
CASES = [
    # one assessor: every method that applies gives the sheet itself
    (ONE, "mean", "total", ("80", "2", "82")),
    (ONE, "mean", "item", ("80", "2", "82")),
    (ONE, "median", "total", ("80", "2", "82")),
    (ONE, "median", "item", ("80", "2", "82")),
    # two: the median of two is their mean; base (80 + 80.5) / 2, total (82 + 80.5) / 2
    (TWO, "mean", "total", ("80.25", "1", "81.25")),
    (TWO, "mean", "item", ("80.25", "1", "81.25")),
    (TWO, "median", "total", ("80.25", "1", "81.25")),
    (TWO, "median", "item", ("80.25", "1", "81.25")),
    # three: totals 88.5, 90, 91 -> mean 539/6 = 89.8333… -> 89.83; bonus 4/3 -> 1.33
    (THREE, "mean", "total", ("88.5", "1.33", "89.83")),
    (THREE, "mean", "item", ("88.5", "1.33", "89.83")),
    # median of each figure on its own: base 88.5, bonus 1, total 90 (not 88.5 + 1)
    (THREE, "median", "total", ("88.5", "1", "90")),
    # median of each item: 1.1 -> 32.5, 2.1 -> 57.5, 3.1 -> 1; summed
    (THREE, "median", "item", ("90", "1", "91")),
    (THREE, "trimmed-mean", "total", ("88.5", "1", "90")),
    (THREE, "trimmed-mean", "item", ("90", "1", "91")),
    # five: bases 80, 84, 83.5, 83.5, 100; bonuses 0, 1, 2, 0.5, 5; totals 80, 85, 85.5, 84, 105
    (FIVE, "mean", "total", ("86.2", "1.7", "87.9")),
    (FIVE, "mean", "item", ("86.2", "1.7", "87.9")),
    (FIVE, "median", "total", ("83.5", "1", "85")),
    # 1.1 sorted 28 30 32 34.5 40 -> 32; 2.1 sorted 49 50 52 55.5 60 -> 52; 3.1 -> 1
    (FIVE, "median", "item", ("84", "1", "85")),
    # drop the highest and the lowest: base (83.5 + 83.5 + 84) / 3 = 251/3, bonus 3.5/3,
    # total (84 + 85 + 85.5) / 3 = 254.5/3
    (FIVE, "trimmed-mean", "total", ("83.67", "1.17", "84.83")),
    # 1.1: (30 + 32 + 34.5) / 3, 2.1: (50 + 52 + 55.5) / 3 -> base 254/3; bonus 3.5/3;
    # total 257.5/3
    (FIVE, "trimmed-mean", "item", ("84.67", "1.17", "85.83")),
]


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_rubric(DATA / "rubric.yaml")


def write_sheet(folder: Path, name: str, values: tuple[float, float, float], *,
                self_: tuple[float, float, float] | None = None, college: str = "甲学院") -> Path:
    lines = [f"college: {college}", "year: 2024", f"assessor: {name}", "scores:"]
    for item, value, own in zip(("1.1", "2.1", "3.1"), values, self_ or (None,) * 3,
                                strict=True):
        body = f"self: {own}, assessed: {value}" if own is not None else f"assessed: {value}"
        lines.append(f'  "{item}": {{{body}}}')
    path = folder / f"{college}-{name}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def members(rubric: Rubric, folder: Path, assessors: list[tuple[float, float, float]],
            first: int = 1, **options: object) -> list[Member]:
    found = []
    for index, values in enumerate(assessors, start=first):
        sheet = load_sheet(write_sheet(folder, f"评委{index}", values, **options), rubric)  # type: ignore[arg-type]
        assert sheet.assessor is not None
        found.append(Member(sheet.assessor, score(rubric, sheet)))
    return found


@pytest.mark.parametrize(("assessors", "method", "level", "expected"), CASES)
def test_panel_figures_worked_by_hand(rubric, tmp_path, assessors, method, level, expected):
    panel = build_panel(rubric, members(rubric, tmp_path, assessors),
                        PanelSettings(method, level, 2))
    totals = panel.result.totals["assessed"]
    assert totals is not None
    assert (totals.base, totals.bonus, totals.total) == tuple(Decimal(e) for e in expected)
    # published to the places, as printed
    assert all(v.as_tuple().exponent == -2 for v in (totals.base, totals.bonus, totals.total))


def test_the_mean_of_three_is_a_fraction_until_published(rubric, tmp_path):
    panel = build_panel(rubric, members(rubric, tmp_path, THREE), PanelSettings("mean", "total", 2))
    total = panel.figures["total"]
    assert total.exact == Fraction(539, 6)
    assert total.published == Decimal("89.83")
    assert total.values == (Decimal("88.5"), Decimal("90"), Decimal("91"))


def test_trimmed_mean_marks_what_it_dropped(rubric, tmp_path):
    panel = build_panel(rubric, members(rubric, tmp_path, FIVE),
                        PanelSettings("trimmed-mean", "total", 2))
    # totals 80, 85, 85.5, 84, 105: the first (lowest) and the last (highest) are dropped
    assert panel.figures["total"].dropped == (0, 4)
    assert panel.figures["total"].exact == Fraction(509, 6)
    assert panel.summary.spread == Decimal(25)


def test_level_total_aggregates_primary_subtotals_separately(rubric, tmp_path):
    panel = build_panel(rubric, members(rubric, tmp_path, FIVE),
                        PanelSettings("median", "total", 2))
    assert panel.result.primary("assessed") == {"1": Decimal("32.00"), "2": Decimal("52.00")}


@pytest.mark.parametrize("assessors", [ONE, TWO])
@pytest.mark.parametrize("level", ["total", "item"])
def test_trimmed_mean_needs_three_assessors(rubric, tmp_path, assessors, level):
    with pytest.raises(JyscoreError) as caught:
        build_panel(rubric, members(rubric, tmp_path, assessors),
                    PanelSettings("trimmed-mean", level, 2))
    [problem] = caught.value.problems
    assert problem.code == "JY315"
    assert problem.params["count"] == len(assessors)
    assert problem.line == 3  # the first sheet's assessor line
    assert "needs at least 3" in problem.message


def test_places_come_from_the_rubric(rubric, tmp_path):
    settings = PanelSettings.of(rubric)
    assert settings == PanelSettings("mean", "total", 1)
    panel = build_panel(rubric, members(rubric, tmp_path, THREE), settings)
    assert panel.result.totals["assessed"].total == Decimal("89.8")  # type: ignore[union-attr]
    assert PanelSettings.of(rubric, "median").method == "median"


def test_the_builtin_rubric_defaults_to_mean_total_two_places():
    assert PanelSettings.of(load_rubric()) == PanelSettings("mean", "total", 2)


def test_self_is_the_colleges_own_and_may_be_left_out(rubric, tmp_path):
    found = members(rubric, tmp_path, TWO[:1], self_=(35, 55, 2))
    found += members(rubric, tmp_path, TWO[1:], first=2)  # another assessor, without self scores
    panel = build_panel(rubric, found, PanelSettings("mean", "total", 2))
    own = panel.result.totals["self"]
    assert own is not None and (own.base, own.bonus) == (Decimal(90), Decimal(2))


@pytest.mark.parametrize(
    ("values", "places", "expected"),
    [
        (Fraction(539, 6), 2, "89.83"),
        (Fraction(539, 6), 1, "89.8"),
        (Fraction(539, 6), 0, "90"),
        (Fraction(1, 8), 2, "0.13"),  # half up, not to even
        (Fraction(5, 2), 0, "3"),
        (Fraction(7, 2), 0, "4"),
        (Fraction(-5, 2), 0, "-3"),
        (Fraction(88), 2, "88.00"),
    ],
)
def test_publish_rounds_half_up_once(values, places, expected):
    assert str(publish(values, places)) == expected


@pytest.mark.parametrize(
    ("values", "method", "exact", "kept"),
    [
        ([Decimal("88.5"), Decimal(90), Decimal(91)], "mean", Fraction(539, 6), (1, 1, 1)),
        ([Decimal(3), Decimal(1), Decimal(2)], "median", Fraction(2), (0, 0, 1)),
        ([Decimal(4), Decimal(1), Decimal(2), Decimal(3)], "median", Fraction(5, 2), (0, 0, 1, 1)),
        ([Decimal(5), Decimal(5), Decimal(5)], "trimmed-mean", Fraction(5), (0, 1, 0)),
        ([Decimal(9), Decimal(1), Decimal(4), Decimal(6)], "trimmed-mean", Fraction(5),
         (0, 0, 1, 1)),
    ],
)
def test_aggregate(values, method, exact, kept):
    assert aggregate(values, method) == (exact, tuple(bool(k) for k in kept))


@given(st.lists(st.decimals(min_value=0, max_value=100, places=1), min_size=3, max_size=7))
def test_aggregates_lie_between_the_lowest_and_the_highest(values):
    for method in ("mean", "median", "trimmed-mean"):
        exact, kept = aggregate(values, method)
        assert min(values) <= exact <= max(values)
        assert any(kept)
    # the mean times the count is the exact sum: nothing was lost to rounding
    assert aggregate(values, "mean")[0] * len(values) == sum(Fraction(v) for v in values)


def test_identity_folds_blanks_and_full_width():
    assert identity("王 老师") == identity("王　老师") == identity("王老师")
    assert identity("Ｌｉ Ｌｅｉ") == identity("LiLei")
    assert identity("王老师") != identity("李老师")


def test_identity_drops_invisible_characters():
    assert identity("王\u200b老师") == identity("\ufeff王老师") == identity("王老师")


def test_one_college_however_its_name_is_spelt_is_one_panel():
    from jyscore.core.models import Sheet

    sheets = [Sheet(f"{who}.yaml", college, 2024, None, {}, assessor=who)
              for who, college in (("王老师", "文学院"), ("李老师", "文学院\u200b"),
                                   ("张老师", "⽂学院"))]
    grouping = group_sheets(sheets)
    assert ([[s.assessor for s in panel] for panel in grouping.panels]
            == [["王老师", "李老师", "张老师"]])
    assert grouping.singles == () and grouping.problems == ()


def test_group_sheets_by_college_and_year(rubric):
    sheets = [load_sheet(p, rubric) for p in sorted((DATA / "spelling").glob("*.yaml"))]
    grouping = group_sheets(sheets)
    assert grouping.singles == ()
    assert [[s.assessor for s in panel] for panel in grouping.panels] == [
        ["王老师", "LiLei"], ["王　老师", "Ｌｉ Ｌｅｉ"],
    ]
    assert [(p.code, Path(p.file).name, p.line) for p in grouping.problems] == [
        ("JY313", "b.yaml", 3), ("JY313", "d.yaml", 3),
    ]
    assert grouping.name("王　老师") == "王老师"  # the first spelling is the one shown


# -- properties ------------------------------------------------------------------------------

HALVES = st.integers(min_value=0, max_value=80).map(lambda n: Decimal(n) / 2)  # 0 … 40, step 0.5
ASSESSOR = st.tuples(HALVES, HALVES.map(lambda v: v + 20),
                     st.integers(0, 10).map(lambda n: Decimal(n) / 2))


def _member(rubric: Rubric, index: int, values: tuple[Decimal, Decimal, Decimal]) -> Member:
    from jyscore.core.models import Entry, Sheet

    entries = {i: Entry(i, assessed=v)
               for i, v in zip(("1.1", "2.1", "3.1"), values, strict=True)}
    sheet = Sheet(f"评委{index}.yaml", "甲学院", 2024, None, entries, ("assessed",),
                  assessor=f"评委{index}")
    return Member(f"评委{index}", score(rubric, sheet))


@given(st.lists(ASSESSOR, min_size=1, max_size=7))
def test_mean_is_the_same_at_either_level_and_one_assessor_is_the_sheet(values):
    rubric = load_rubric(DATA / "rubric.yaml")
    found = [_member(rubric, i, v) for i, v in enumerate(values)]
    by_total = build_panel(rubric, found, PanelSettings("mean", "total", 2))
    by_item = build_panel(rubric, found, PanelSettings("mean", "item", 2))
    for key in ("base", "bonus", "total"):
        assert by_total.figures[key].exact == by_item.figures[key].exact
    exact_total = sum((Fraction(m.totals.total) for m in found), Fraction(0)) / len(found)  # type: ignore[union-attr]
    assert by_total.figures["total"].exact == exact_total
    assert by_total.result.totals["assessed"].total == publish(exact_total, 2)  # type: ignore[union-attr]
    if len(found) == 1:
        own, panel = found[0].totals, by_item.result.totals["assessed"]
        assert own is not None and panel is not None
        assert (panel.base, panel.bonus, panel.total) == (own.base, own.bonus, own.total)
