"""JSON text with exact numbers: a ``Decimal`` is written as the JSON number it is, never via
float."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from jyscore.core.numbers import format_decimal


def dumps(value: Any, indent: int = 2) -> str:
    return _encode(value, indent, 0)


def _encode(value: Any, indent: int, level: int) -> str:
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        pad, inner = " " * (indent * level), " " * (indent * (level + 1))
        body = ",\n".join(
            f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {_encode(v, indent, level + 1)}"
            for k, v in value.items()
        )
        return "{\n" + body + "\n" + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        pad, inner = " " * (indent * level), " " * (indent * (level + 1))
        body = ",\n".join(f"{inner}{_encode(v, indent, level + 1)}" for v in value)
        return "[\n" + body + "\n" + pad + "]"
    if isinstance(value, float):  # pragma: no cover - a float reaching output is a bug
        raise TypeError("floats are not written; use Decimal")
    return json.dumps(value, ensure_ascii=False)
