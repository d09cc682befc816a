"""The exact evaluation of a condition or formula, one form of the language at a time."""

from __future__ import annotations

from fractions import Fraction

import pytest

from jyscore.core.rules.expr import compile_expr, evaluate

VALUES = {"rate": Fraction("91.45"), "previous": Fraction(87), "zero": Fraction(0)}


@pytest.mark.parametrize(("text", "value"), [
    ("2.5", Fraction(5, 2)),
    ("rate", Fraction("91.45")),
    ("-rate", Fraction("-91.45")),
    ("rate - previous", Fraction("4.45")),
    ("rate + 0.1 * 2", Fraction("91.65")),
    ("previous / 3 / 2", Fraction(29, 2)),
    ("1 / 3", Fraction(1, 3)),  # exact: no float ever
    ("min(rate, previous, 100)", Fraction(87)),
    ("max(rate, previous)", Fraction("91.45")),
    ("floor(rate)", Fraction(91)),
    ("ceil(rate)", Fraction(92)),
    ("floor(-rate)", Fraction(-92)),
    ("10 if rate > previous else 5", Fraction(10)),
    ("10 if rate < previous else 5", Fraction(5)),
    ("rate - previous >= 4.45", True),
    ("rate - previous > 4.45", False),
    ("previous <= rate < 92", True),  # a chain: every link must hold
    ("previous < rate < 91", False),
    ("rate == 91.45", True),
    ("rate != 91.45", False),
    ("rate > 90 and previous > 90", False),
    ("rate > 90 or previous > 90", True),
    ("not rate > 90", False),
    ("not (rate < 1 or rate == 2)", True),
])
def test_each_form_evaluates_exactly(text, value):
    found = evaluate(compile_expr(text), VALUES)
    assert found == value
    assert type(found) is type(value)


def test_dividing_by_zero_is_not_a_number():
    with pytest.raises(ZeroDivisionError):
        evaluate(compile_expr("rate / zero > 1"), VALUES)


def test_and_and_or_stop_at_the_first_that_decides():
    # the division by zero is never reached
    assert evaluate(compile_expr("rate < 1 and rate / zero > 1"), VALUES) is False
    assert evaluate(compile_expr("rate > 1 or rate / zero > 1"), VALUES) is True
