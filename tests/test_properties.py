"""hypothesis properties of the engine, the loader and the ranking."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D
from fractions import Fraction
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jyscore import score
from jyscore.core.ranking import rank
from jyscore.core.rules.rate_steps import RateStepsRule, rate_steps_points
from jyscore.readers.sheet import SHEET_LIMITS, sheet_from_document
from jyscore.readers.yamlsource import parse

from .sheets import CAPS

PERCENT = st.fractions(min_value=0, max_value=100)
RULES = st.builds(
    lambda step, per, cap: RateStepsRule(kind="rate_steps", step=step, per_step=per, max=cap),
    st.sampled_from([D(1), D("2.5"), D(5), D(10)]),
    st.sampled_from([D("0.5"), D(1), D(2)]),
    st.one_of(st.none(), st.sampled_from([D(0), D(2), D(4)])),
)


@given(RULES, PERCENT, PERCENT, st.fractions(min_value=0, max_value=10))
def test_rate_steps_is_monotone_and_capped(rule, rate, target_fraction, more):
    target = D(target_fraction.numerator) / D(target_fraction.denominator)
    target = target.quantize(D("0.01"))
    low = rate_steps_points(rule, rate, target)
    high = rate_steps_points(rule, rate + more, target)
    assert D(0) <= low <= high
    if rule.max is not None:
        assert high <= rule.max
    if rate <= Fraction(target):
        assert low == 0


def _scores(draw_values: list[int]) -> dict[str, tuple[D, D]]:
    result = {}
    for (item_id, cap), n in zip(CAPS.items(), draw_values, strict=True):
        halves = n % (cap * 2 + 1)
        result[item_id] = (D(halves) / 2, D(cap * 2 - halves) / 2)
    return result


SCORES = st.lists(st.integers(min_value=0, max_value=10_000), min_size=25, max_size=25).map(_scores)


def _yaml(scores: dict[str, tuple[D, D]], order: list[int], quotes: list[bool], papers: int) -> str:
    ids = list(scores)
    lines = ["college: 属性学院", "year: 2024", "scores:"]
    for index in order:
        item_id = ids[index]
        key = f'"{item_id}"' if quotes[index] else item_id
        self_score, assessed = scores[item_id]
        lines.append(f"  {key}: {{self: {self_score}, assessed: {assessed}}}")
    lines.append(f'  "6.2": {{count: {papers}}}')
    return "\n".join(lines) + "\n"


def _result(rubric, text: str):
    return score(rubric, sheet_from_document(parse(text, "p.yaml", SHEET_LIMITS), rubric))


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(SCORES, st.permutations(list(range(25))), st.lists(st.booleans(), min_size=25, max_size=25),
       st.integers(min_value=0, max_value=5))
def test_order_and_quoting_never_change_a_result(rubric, scores, order, quotes, papers):
    plain = _result(rubric, _yaml(scores, list(range(25)), [False] * 25, papers))
    shuffled = _result(rubric, _yaml(scores, order, quotes, papers))
    assert plain.totals == shuffled.totals
    for column in ("self", "assessed"):
        totals = plain.totals[column]
        assert totals.base <= rubric.total
        leaf_sum = sum(r.scores[column]
                       for r in plain.rows if not r.node.children and not r.is_part)
        assert totals.base == leaf_sum
        assert totals.total == leaf_sum + totals.bonus
        assert totals.bonus == papers


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(min_value=0, max_value=12).map(lambda n: D(n) / 2),
                min_size=1, max_size=12))
def test_ranking_is_a_permutation_consistent_with_totals(rubric, variants):
    base = _result(rubric, _yaml(_scores([0] * 25), list(range(25)), [False] * 25, 0))
    results = []
    for index, one_one in enumerate(variants):
        entries = dict(base.sheet.entries)
        entries["1.1"] = replace(entries["1.1"], assessed=one_one)
        results.append(score(rubric, replace(base.sheet, college=f"学院{index:02d}",
                                             entries=entries)))
    ranking = rank(results)
    assert sorted(r.college for r in ranking.rows) == sorted(r.college for r in results)
    for higher, lower in pairwise(ranking.rows):
        assert higher.total >= lower.total
        assert (higher.rank == lower.rank) == (higher.total == lower.total)
    for position, row in enumerate(ranking.rows, start=1):
        assert row.rank == 1 + sum(other.total > row.total for other in ranking.rows)
        assert row.rank <= position


# -- rule kinds: steps and conditions ------------------------------------------------------------

from jyscore.core.rules.expr import ExprError, compile_expr  # noqa: E402
from jyscore.core.rules.steps import count_steps  # noqa: E402

STEP_SIZES = st.sampled_from([D("0.1"), D("0.5"), D(1), D(2), D(5)])
DISTANCES = st.fractions(min_value=-20, max_value=100)


@given(DISTANCES, st.fractions(min_value=0, max_value=10), STEP_SIZES)
def test_steps_grow_with_the_distance_and_exclusive_never_counts_more(distance, more, step):
    for boundary in ("inclusive", "exclusive"):
        assert 0 <= count_steps(distance, step, boundary) <= count_steps(distance + more, step,
                                                                            boundary)
    inclusive = count_steps(distance, step, "inclusive")
    exclusive = count_steps(distance, step, "exclusive")
    assert inclusive - 1 <= exclusive <= inclusive
    # the two differ exactly when the distance lands on a step
    on_a_step = distance > 0 and (distance / Fraction(step)).denominator == 1
    assert (exclusive < inclusive) == on_a_step


@given(st.text(max_size=60))
@settings(max_examples=300)
def test_any_condition_text_compiles_or_is_refused_with_a_reason(text):
    try:
        compile_expr(text)
    except ExprError as exc:
        assert str(exc)
