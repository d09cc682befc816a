"""The built-in rubric, built from its plain data without pydantic validation.

Every ``jyscore`` command loads the built-in rubric, and validating it costs more than the rest
of ``jyscore score``'s own work: importing pydantic, building the validator and loading pydantic's
plugins (scanning every installed package's entry points). The built-in file is ours and does
not change between runs, so :func:`trusted_rubric` builds the same dataclasses directly,
converting each field the way pydantic's validation does.

It is guarded twice: tests/test_builtin_rubric.py proves that the result equals pydantic's
validation of the same data, field by field and type by type; and anything it does not expect
(a new field, a value of another shape) raises :class:`Untrusted`, upon which the caller falls
back to ordinary validation. The rubric's consistency checks still run.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from dataclasses import MISSING
from dataclasses import fields as dataclass_fields
from typing import Any, Callable, Union

from ..models import LABEL_FILE_KEYS, Labels, ManualRule, Node, PerUnitRule, RateStepsRule, Rubric


class Untrusted(Exception):
    """The data is not in the shape this builder knows: validate it instead."""


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise Untrusted(value)
    return value


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _decimal(value: Any) -> Decimal:
    if not isinstance(value, str):
        raise Untrusted(value)
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise Untrusted(value) from None
    if not number.is_finite() or number < 0 or value != value.strip():
        raise Untrusted(value)
    return number


def _positive(value: Any) -> Decimal:
    number = _decimal(value)
    if number == 0:
        raise Untrusted(value)
    return number


def _optional_decimal(value: Any) -> Decimal | None:
    return None if value is None else _decimal(value)


def _flag(value: Any) -> bool:
    if value not in ("true", "false"):
        raise Untrusted(value)
    return value == "true"


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise Untrusted(value)
    return tuple(_text(v) for v in value)


def _nodes(value: Any) -> tuple[Node, ...]:
    if not isinstance(value, list):
        raise Untrusted(value)
    return tuple(_node(v) for v in value)


RuleModel = Union[type[RateStepsRule], type[PerUnitRule], type[ManualRule]]
_RULES: dict[str, RuleModel] = {
    "rate_steps": RateStepsRule, "per_unit": PerUnitRule, "manual": ManualRule,
}
_RULE_FIELDS: dict[str, Callable[[Any], Any]] = {
    "step": _positive, "per_step": _positive, "per_unit": _positive, "max": _optional_decimal,
}
_NODE_FIELDS: dict[str, Callable[[Any], Any]] = {
    "id": _text, "name": _text, "points": _optional_decimal, "focus": _optional_text,
    "criteria": _optional_text, "methods": _texts, "evidence": _flag, "children": _nodes,
    "parts": _nodes,
}


def _fields(data: Any, converters: dict[str, Callable[[Any], Any]]) -> dict[str, Any]:
    if not isinstance(data, dict) or not set(data) <= set(converters):
        raise Untrusted(data)
    return {key: converters[key](value) for key, value in data.items()}


def _rule(data: Any) -> RateStepsRule | PerUnitRule | ManualRule:
    if not isinstance(data, dict) or data.get("kind") not in _RULES:
        raise Untrusted(data)
    model = _RULES[data["kind"]]
    values = _fields({k: v for k, v in data.items() if k != "kind"}, _RULE_FIELDS)
    known = {f.name: f for f in dataclass_fields(model)}
    required = {name for name, f in known.items()
                if f.default is MISSING and f.default_factory is MISSING}
    if not required - {"kind"} <= set(values) or not set(values) <= set(known):
        raise Untrusted(data)
    return model(kind=data["kind"], **values)


def _node(data: Any) -> Node:
    rule = data.get("rule") if isinstance(data, dict) else None
    plain = {k: v for k, v in data.items() if k != "rule"} if isinstance(data, dict) else data
    values = _fields(plain, _NODE_FIELDS)
    if rule is not None:
        values["rule"] = _rule(rule)
    if "id" not in values or "name" not in values:
        raise Untrusted(data)
    return Node(**values)


_LABEL_FIELDS = frozenset(f.name for f in dataclass_fields(Labels))


def _labels(data: Any) -> Labels:
    if not isinstance(data, dict):
        raise Untrusted(data)
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = LABEL_FILE_KEYS.get(key, key)  # as validation reads it: self is self_
        if name not in _LABEL_FIELDS:
            raise Untrusted(key)
        values[name] = _texts(value) if name == "levels" else _text(value)
    return Labels(**values)


def trusted_rubric(data: Any) -> Rubric:
    """The :class:`Rubric` that validating ``data`` gives, built without validation.

    Raises :class:`Untrusted` for anything outside the shapes the built-in rubric uses.
    """
    if not isinstance(data, dict) or not {"id", "name", "total", "step", "indicators"} <= set(data):
        raise Untrusted(data)
    converters: dict[str, Callable[[Any], Any]] = {
        "id": _text, "name": _text, "total": _positive, "step": _positive, "labels": _labels,
        "indicators": _nodes, "bonus": _nodes,
    }
    values = _fields(data, converters)
    if not values["indicators"]:
        raise Untrusted(data)
    return Rubric(**values)
