"""A sheet's ``adjustments`` and ``vetoes``, checked against the rubric with positions.

::

    adjustments:
      A1: {assessed: 30, note: 2024年数据核查发现虚报}   # an amount within the rubric's range
    vetoes:
      V1: {assessed: true, note: 省厅通报}               # true where the condition holds

Each entry gives the columns it applies to (``self``, ``assessed``) like a score; an entry left
blank (as a template leaves it) does not apply. The amount is a magnitude: the rubric's ``kind``
says whether it is deducted or added.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from jyscore.core.models import COLUMNS, Adjustment, AdjustmentEntry, Veto, VetoEntry
from jyscore.core.numbers import format_decimal, parse_decimal
from jyscore.core.problems import Position, make_problem
from jyscore.i18n.messages import hint, phrase
from jyscore.readers.document import Path_
from jyscore.readers.sheet_state import SheetState
from jyscore.readers.sheet_words import describe, number_hint, suggest

TOTALS_FIELDS = ("adjustments", "vetoes")
_ENTRY_KEYS = (*COLUMNS, "note")
_ENTRY_EXAMPLES = {"adjustments": "adjustment-entry-example", "vetoes": "veto-entry-example"}
_TRUE, _FALSE = ("true", "True", "TRUE"), ("false", "False", "FALSE")

Declared = TypeVar("Declared", Adjustment, Veto)
Built = TypeVar("Built", AdjustmentEntry, VetoEntry)


def read_totals(
    checker: SheetState, data: dict[str, Any]
) -> tuple[tuple[AdjustmentEntry, ...], tuple[VetoEntry, ...]]:
    """The sheet's adjustments and vetoes; every problem is added to ``checker``."""
    rubric = checker.rubric
    adjustments = _section(checker, data, "adjustments", rubric.adjustments, _adjustment)
    vetoes = _section(checker, data, "vetoes", rubric.vetoes, _veto)
    return adjustments, vetoes


class _Reporter:
    def __init__(self, checker: SheetState, item: Adjustment | Veto | None) -> None:
        self.checker = checker
        self.item = item

    def __call__(self, code: str, at: Position, **params: Any) -> None:
        self.checker.problems.append(make_problem(
            code, self.checker.doc.file, at, item_id=self.item.id if self.item else None,
            item_name=self.item.name if self.item else None, **params,
        ))


def _section(
    checker: SheetState, data: dict[str, Any], name: str, declared: Sequence[Declared],
    build: Callable[[SheetState, Declared, Path_, dict[str, Any], _Reporter], Built | None],
) -> tuple[Built, ...]:
    doc = checker.doc
    value = data.get(name)
    if value is None:
        return ()
    report = _Reporter(checker, None)
    if not isinstance(value, dict):
        report("JY020", doc.position((name,)), what=phrase(f"what-{name}"),
               example=phrase(f"{name}-example"), found=describe(value))
        return ()
    by_id = {d.id: d for d in declared}
    entries: list[Built] = []
    for key, entry in value.items():
        path: Path_ = (name, key)
        item = by_id.get(key)
        if item is None:

            report("JY142", doc.key_position(path), given=key, what=phrase(f"what-{name}"),
                   rubric=checker.rubric.id, suggestion=_suggest(key, declared),
                   declared=", ".join(f"{d.id} {d.name}" for d in declared)
                   or phrase("declared-none"))
            continue
        item_report = _Reporter(checker, item)
        if entry is None:
            continue  # left blank: does not apply
        if not isinstance(entry, dict):
            item_report("JY020", doc.position(path), what=phrase("what-entry", item_id=key),
                        example=phrase(_ENTRY_EXAMPLES[name]),
                        found=describe(entry))
            continue
        if not _keys_known(checker, path, entry, key, item_report):
            continue
        built = build(checker, item, path, entry, item_report)
        if built is not None:
            entries.append(built)
    return tuple(entries)


def _suggest(word: str, declared: Sequence[Adjustment | Veto]) -> str:
    """'; did you mean …?' for an id typed wrong or a declared name written instead of its id.

    Ids such as 造假 are two characters, where one wrong character is half the word: the
    cut-off is lower than for item ids.
    """
    ids = tuple(d.id for d in declared)
    if not ids:
        return ""
    for item in declared:
        if word.strip() == item.name:
            return hint("suggest", suggestion=item.id)
    found = suggest(word, ids)
    if found:
        return found
    import difflib

    close = difflib.get_close_matches(word.strip(), ids, n=1, cutoff=0.5)
    return hint("suggest", suggestion=close[0]) if close else ""


def _keys_known(checker: SheetState, path: Path_, entry: dict[str, Any], key: str,
                report: _Reporter) -> bool:
    known = True
    for field in entry:
        if field not in _ENTRY_KEYS:
            known = False
            report("JY022", checker.doc.key_position((*path, field)), field=field,
                   where=phrase("what-entry", item_id=key), suggestion=suggest(field, _ENTRY_KEYS),
                   allowed=", ".join(_ENTRY_KEYS))
    note = entry.get("note")
    if note is not None and not isinstance(note, str):
        known = False
        report("JY023", checker.doc.position((*path, "note")), field="note",
               value=describe(note), expected=hint("expect-note"))
    return known


def _adjustment(
    checker: SheetState, adjustment: Adjustment, path: Path_, entry: dict[str, Any],
    report: _Reporter,
) -> AdjustmentEntry | None:
    step = adjustment.step or checker.rubric.step
    amounts: dict[str, Decimal] = {}
    ok = True
    for column in COLUMNS:
        raw = entry.get(column)
        if raw is None:
            continue
        at = checker.doc.position((*path, column))
        number = parse_decimal(raw) if isinstance(raw, str) else None
        if number is None:
            report("JY100", at, column=column, value=describe(raw),
                   hint=number_hint(raw) if isinstance(raw, str) else "")
            ok = False
            continue
        params = dict(column=column, value=format_decimal(number),
                      min=format_decimal(adjustment.min), max=format_decimal(adjustment.max),
                      step=format_decimal(step))
        if not adjustment.min <= number <= adjustment.max:
            report("JY140", at, sign=phrase("adjustment-sign") if number < 0 else "", **params)
            ok = False
        elif number % step:
            report("JY141", at, **params)
            ok = False
        else:
            amounts[column] = number
    if not ok or not amounts:
        return None
    return AdjustmentEntry(adjustment.id, amounts.get("self"), amounts.get("assessed"),
                           entry.get("note"))


def _veto(
    checker: SheetState, veto: Veto, path: Path_, entry: dict[str, Any], report: _Reporter,
) -> VetoEntry | None:
    flags: dict[str, bool] = {}
    ok = True
    for column in COLUMNS:
        raw = entry.get(column)
        if raw is None:
            continue
        if raw in _TRUE or raw in _FALSE:
            flags[column] = raw in _TRUE
            continue
        at = checker.doc.position((*path, column))
        in_form = at.cell is not None  # the form's cell takes 1/0, a YAML sheet true/false
        report("JY143", at, column=column, value=describe(raw),
               yes="1" if in_form else "true", no="0" if in_form else "false")
        ok = False
    if not ok or not any(flags.values()):
        return None
    return VetoEntry(veto.id, flags.get("self", False), flags.get("assessed", False),
                     entry.get("note"))
