"""One value of a sheet read as what it gives: a score (within the item's cap, on its step, one
of its allowed values), a percentage, a count, a number or a yes/no flag. Exact: the value comes
as the text typed, and is parsed here; a value that does not read is reported at its place."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jyscore.core import rules
from jyscore.core.models import Node
from jyscore.core.numbers import (
    MAX_FRACTION_DIGITS,
    MAX_INTEGER_DIGITS,
    format_decimal,
    parse_decimal,
    parse_whole,
    too_many_digits,
)
from jyscore.core.problems import Severity
from jyscore.core.text import excerpt
from jyscore.i18n.messages import hint
from jyscore.readers.sheet_state import SheetState
from jyscore.readers.sheet_words import describe, number_hint
from jyscore.readers.yamlsource import Path_

_HUNDRED = Decimal(100)
# a yes/no input: the words a sheet (or a workbook's TRUE/FALSE cell) may give, as 1 or 0
FLAG_WORDS = {
    **dict.fromkeys(("1", "true", "yes", "y", "是", "有", "√"), Decimal(1)),
    **dict.fromkeys(("0", "false", "no", "n", "否", "无", "×"), Decimal(0)),
}
_COUNTS = ("count", "positive-count")


@dataclass(frozen=True)
class _Value:
    """A value being read: ``path + (name,)`` is where it stands, ``label`` how a problem names
    it. Its position is looked up only for a problem: most values never need one."""

    state: SheetState
    node: Node
    path: Path_
    name: str
    label: str

    def report(self, code: str, **params: object) -> None:
        self.state.add(code, self.state.doc.position((*self.path, self.name)), self.node,
                       Severity.ERROR, **params)


def read_number(
    state: SheetState, node: Node, path: Path_, name: str, kind: str, raw: Any,
    field: str | None = None,
) -> Decimal | None:
    """``raw`` read as ``kind``; ``path + (name,)`` is where it stands, ``field`` the input it
    gives when ``name`` is a column of an input given per column. None when reported."""
    value = _Value(state, node, path, name, f"{field}.{name}" if field else name)
    if kind == "flag":
        return _flag(value, raw)
    if kind in _COUNTS:
        return _count(value, raw, positive=kind == "positive-count")
    number = _decimal(value, raw, percent=kind == "percent")
    if number is None:
        return None
    if kind == "percent":
        return _percent(value, number)
    if kind == "number":
        return _non_negative(value, number)
    return _score(value, number)


def _flag(value: _Value, raw: Any) -> Decimal | None:
    flag = FLAG_WORDS.get(raw.strip().casefold()) if isinstance(raw, str) else None
    if flag is None:
        value.report("JY126", field=value.label, value=describe(raw))
    return flag


def _count(value: _Value, raw: Any, *, positive: bool) -> Decimal | None:
    count = parse_whole(raw) if isinstance(raw, str) else None
    if count is None or (positive and count == 0):
        value.report("JY123", field=value.label, value=describe(raw),
                     minimum=hint("count-positive") if positive else "")
        return None
    return Decimal(count)


def _decimal(value: _Value, raw: Any, *, percent: bool) -> Decimal | None:
    """The text as an exact decimal (a percentage may end in %): JY105 for too many digits,
    JY100 for a text that is not a number."""
    text = raw.removesuffix("%") if isinstance(raw, str) and percent else raw
    number = parse_decimal(text) if isinstance(text, str) else None
    if number is not None:
        return number
    if isinstance(text, str) and too_many_digits(text):
        value.report("JY105", column=value.name, value=excerpt(text),
                     integer=MAX_INTEGER_DIGITS, fraction=MAX_FRACTION_DIGITS)
        return None
    value.report("JY100", column=value.label, value=describe(raw),
                 hint=number_hint(raw) if isinstance(raw, str) else "")
    return None


def _percent(value: _Value, number: Decimal) -> Decimal | None:
    if not 0 <= number <= _HUNDRED:
        value.report("JY121", field=value.label, value=format_decimal(number))
        return None
    return number


def _non_negative(value: _Value, number: Decimal) -> Decimal | None:
    if number < 0:
        value.report("JY128", field=value.label, value=format_decimal(number))
        return None
    return number


def _score(value: _Value, number: Decimal) -> Decimal | None:
    """A score: one of the item's allowed values, or within 0 and its cap, on its step."""
    node, rubric = value.node, value.state.rubric
    cap = rules.item_cap(node)
    step = node.step or rubric.step
    if node.allowed is not None and number >= 0:
        if number in node.allowed:
            return number
        value.report("JY104", column=value.name, value=format_decimal(number),
                     allowed=", ".join(format_decimal(v) for v in node.allowed))
        return None
    if number < 0:
        code = "JY102"
    elif cap is not None and number > cap:
        code = "JY101"
    elif number % step:
        code = "JY103"
    else:
        return number
    value.report(code, column=value.name, value=format_decimal(number),
                 cap=format_decimal(cap) if cap is not None else "∞", step=format_decimal(step))
    return None
