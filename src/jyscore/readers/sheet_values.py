"""One value of a sheet read as what it gives: a score (within the item's cap, on its step, one
of its allowed values), a percentage, a count, a number or a yes/no flag. Exact: the value comes
as the text typed, and is parsed here; a value that does not read is reported at its place."""

from __future__ import annotations

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
from jyscore.readers.document import Path_
from jyscore.readers.sheet_state import SheetState
from jyscore.readers.sheet_words import describe, number_hint

_HUNDRED = Decimal(100)
# a yes/no input: the words a sheet (or a workbook's TRUE/FALSE cell) may give, as 1 or 0
FLAG_WORDS = {
    **dict.fromkeys(("1", "true", "yes", "y", "是", "有", "√"), Decimal(1)),
    **dict.fromkeys(("0", "false", "no", "n", "否", "无", "×"), Decimal(0)),
}
_COUNTS = ("count", "positive-count")


# a value refused: the problem's code and parameters, reported at the value's place
_Refused = tuple[str, dict[str, object]]


def read_number(
    state: SheetState, node: Node, path: Path_, name: str, kind: str, raw: Any,
    field: str | None = None,
) -> Decimal | None:
    """``raw`` read as ``kind``; ``path + (name,)`` is where it stands, ``field`` the input it
    gives when ``name`` is a column of an input given per column. None when reported."""
    label = f"{field}.{name}" if field else name
    if kind == "flag":
        found = _flag(raw, label)
    elif kind in _COUNTS:
        found = _count(raw, label, positive=kind == "positive-count")
    else:
        found = _measure(raw, kind, node, state.rubric.step, name, label)
    if isinstance(found, Decimal):
        return found
    _report(state, node, path, name, found)
    return None


def read_score(state: SheetState, node: Node, path: Path_, name: str, raw: Any) -> Decimal | None:
    """``read_number(state, node, path, name, "score", raw)``: the read every score typed by
    hand takes (dozens a sheet), straight to its checks."""
    number = parse_decimal(raw) if isinstance(raw, str) else None
    found = (_not_a_number(raw, raw, name, name) if number is None
             else _score(number, node, node.step or state.rubric.step, name))
    if isinstance(found, Decimal):
        return found
    _report(state, node, path, name, found)
    return None


def _report(state: SheetState, node: Node, path: Path_, name: str, refused: _Refused) -> None:
    """A value refused, reported at ``path + (name,)``."""
    code, params = refused
    # the value's position is looked up only for a problem: most values never need one
    state.add(code, state.doc.position((*path, name)), node, Severity.ERROR, **params)


def _flag(raw: Any, label: str) -> Decimal | _Refused:
    flag = FLAG_WORDS.get(raw.strip().casefold()) if isinstance(raw, str) else None
    if flag is None:
        return "JY126", {"field": label, "value": describe(raw)}
    return flag


def _count(raw: Any, label: str, *, positive: bool) -> Decimal | _Refused:
    count = parse_whole(raw) if isinstance(raw, str) else None
    if count is None or (positive and count == 0):
        return "JY123", {"field": label, "value": describe(raw),
                         "minimum": hint("count-positive") if positive else ""}
    return Decimal(count)


def _measure(
    raw: Any, kind: str, node: Node, step: Decimal, name: str, label: str
) -> Decimal | _Refused:
    """An exact decimal (a percentage may end in %), then checked as ``kind``: a percentage
    within 0–100, a number not below 0, else a score of ``node``."""
    text = raw.removesuffix("%") if isinstance(raw, str) and kind == "percent" else raw
    number = parse_decimal(text) if isinstance(text, str) else None
    if number is None:
        return _not_a_number(raw, text, name, label)
    if kind == "percent":
        if not 0 <= number <= _HUNDRED:
            return "JY121", {"field": label, "value": format_decimal(number)}
        return number
    if kind == "number":
        if number < 0:
            return "JY128", {"field": label, "value": format_decimal(number)}
        return number
    return _score(number, node, node.step or step, name)


def _not_a_number(raw: Any, text: Any, name: str, label: str) -> _Refused:
    """JY105 for a number with too many digits, JY100 for a text that is not a number."""
    if isinstance(text, str) and too_many_digits(text):
        return "JY105", {"column": name, "value": excerpt(text), "integer": MAX_INTEGER_DIGITS,
                         "fraction": MAX_FRACTION_DIGITS}
    return "JY100", {"column": label, "value": describe(raw),
                     "hint": number_hint(raw) if isinstance(raw, str) else ""}


def _score(number: Decimal, node: Node, step: Decimal, column: str) -> Decimal | _Refused:
    """A score: one of the item's allowed values, or within 0 and its cap, on its step."""
    # an item without a rule is capped by its points (what item_cap says), asked of every score
    cap = node.points if node.rule is None else rules.item_cap(node)
    if node.allowed is not None and number >= 0:
        if number in node.allowed:
            return number
        return "JY104", {"column": column, "value": format_decimal(number),
                         "allowed": ", ".join(format_decimal(v) for v in node.allowed)}
    if number < 0:
        code = "JY102"
    elif cap is not None and number > cap:
        code = "JY101"
    elif number % step:
        code = "JY103"
    else:
        return number
    return code, {"column": column, "value": format_decimal(number),
                  "cap": format_decimal(cap) if cap is not None else "∞",
                  "step": format_decimal(step)}
