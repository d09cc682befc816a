"""The pure loss computations: medians, shares, where a college lost points, items worst first."""

from __future__ import annotations

import statistics
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jyscore import load_rubric
from jyscore.core.losses import (
    ItemLosses,
    LossTable,
    MissingItemTable,
    loss_table,
    lost_items,
    median,
    share,
)
from jyscore.core.models import Node
from jyscore.pipeline.rank import RankRequest, rank_paths

from .conftest import DATA

TINY = load_rubric(DATA / "rubrics" / "tiny.yaml")
FRACTIONS = st.fractions(min_value=0, max_value=1, max_denominator=1000)


@pytest.mark.parametrize(("values", "expected"), [
    ([], Fraction(0)),
    ([Fraction(1, 3)], Fraction(1, 3)),
    ([Fraction(3, 4), Fraction(1, 2)], Fraction(5, 8)),
    ([Fraction(9, 10), Fraction(3, 4), Fraction(17, 20)], Fraction(17, 20)),
])
def test_median_by_hand(values, expected):
    assert median(values) == expected


@given(st.lists(FRACTIONS, min_size=1, max_size=30))
def test_median_is_the_exact_statistical_median(values):
    assert median(values) == statistics.median(values)


def test_share_of_nothing_is_zero():
    assert share(Decimal("3.5"), Decimal(7)) == Fraction(1, 2)
    assert share(Decimal(0), Decimal(0)) == 0
    assert share(Decimal(0), None) == 0


def _item(item_id: str, cap: str) -> Node:
    return Node(id=item_id, name=item_id, points=Decimal(cap))


@given(st.lists(st.tuples(st.sampled_from(["2", "3", "5"]),
                          st.lists(st.integers(0, 4), min_size=3, max_size=3)),
                min_size=1, max_size=8))
def test_worst_first_is_ordered_by_mean_share_and_leaves_out_no_loss(spec):
    items = tuple(
        ItemLosses(_item(f"{i}", cap), tuple(Decimal(v) / 2 for v in lost))
        for i, (cap, lost) in enumerate(spec)
    )
    table = LossTable(("a", "b", "c"), items)
    worst = table.worst_first()
    shares = [losses.mean_share_lost for losses in worst]
    assert shares == sorted(shares, reverse=True)
    assert ({losses.item.id for losses in worst}
            == {losses.item.id for losses in items if losses.total_lost > 0})


def test_lost_items_parts_or_whole():
    ranking = rank_paths([DATA / "report" / "2024"], RankRequest(TINY, details=True)).ranking
    by_college = {row.college: row.result for row in ranking.rows}
    parts = [(node.id, str(value), str(lost))
             for node, value, lost, _ in lost_items(by_college["甲学院"], "assessed")]
    assert parts == [("1.1", "4", "1"), ("1.10.1", "9", "1")]
    whole = [(node.id, str(value), str(lost))
             for node, value, lost, _ in lost_items(by_college["乙学院"], "assessed")]
    assert whole == [("1.10", "10", "5")]


def test_a_ranking_without_item_tables_is_refused():
    ranking = rank_paths([DATA / "report" / "2024"], RankRequest(TINY)).ranking
    with pytest.raises(MissingItemTable):
        loss_table(ranking, TINY)
