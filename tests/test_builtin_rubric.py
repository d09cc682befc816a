"""The built-in rubric is built without pydantic validation (jyscore.loading.builtin): prove that
it is exactly what validation gives, and that anything unexpected falls back to validation."""

from __future__ import annotations

from decimal import Decimal
from importlib import resources
from typing import Any

import pytest
from dataclasses import fields, is_dataclass

from jyscore.loading.builtin import Untrusted, trusted_rubric
from jyscore.loading.rubric import (
    DEFAULT_RUBRIC, RUBRIC_LIMITS, load_rubric, rubric_from_document, validate_rubric_data,
)
from jyscore.loading.yamlsource import parse
from jyscore.models import Rubric


def _builtin_data() -> Any:
    text = (resources.files("jyscore") / "rubrics" / f"{DEFAULT_RUBRIC}.yaml").read_text("utf-8")
    return parse(text, "built-in", RUBRIC_LIMITS).data


def _same(a: Any, b: Any, where: str = "rubric") -> None:
    """Equal value by value *and* type by type (Decimal('5') vs 5 or '5', tuple vs list)."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} vs {type(b).__name__}"
    if is_dataclass(a):
        for field in fields(a):
            _same(getattr(a, field.name), getattr(b, field.name), f"{where}.{field.name}")
    elif isinstance(a, tuple):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            _same(x, y, f"{where}[{i}]")
    else:
        assert a == b, where
        if isinstance(a, Decimal):
            assert a.as_tuple() == b.as_tuple(), f"{where}: {a!r} vs {b!r}"  # same exponent


def test_the_trusted_rubric_is_the_validated_one():
    data = _builtin_data()
    trusted, validated = trusted_rubric(data), validate_rubric_data(data)
    assert trusted == validated
    _same(trusted, validated)
    assert trusted.nodes.keys() == validated.nodes.keys()
    assert trusted.scorable_ids == validated.scorable_ids


def test_load_rubric_takes_the_trusted_path_and_equals_validation():
    rubric = load_rubric()
    _same(rubric, validate_rubric_data(_builtin_data()))


def _change(data: dict, path: tuple, value: Any) -> dict:
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    "path, value",
    [
        (("indicators", 0, "evidence"), "yes"),  # a boolean validation would read, we do not
        (("indicators", 0, "points"), "21.0 "),
        (("indicators", 0, "colour"), "red"),  # a field the models do not have
        (("step",), "0"),
        (("labels", "self_"), "自评"),
        (("bonus", 0, "children", 0, "rule"), {"kind": "unknown"}),
        (("indicators", 0, "children"), "not a list"),
        (("indicators",), []),
    ],
)
def test_anything_unexpected_is_left_to_validation(path, value):
    data = _change(_builtin_data(), path, value)
    with pytest.raises(Untrusted):
        trusted_rubric(data)


def test_a_changed_rubric_still_gets_validation_problems():
    data = _change(_builtin_data(), ("step",), "0")
    doc = parse("x: 1", "built-in", RUBRIC_LIMITS)
    doc.data = data
    with pytest.raises(Exception) as caught:
        rubric_from_document(doc)
    assert "JY200" in str(caught.value)
