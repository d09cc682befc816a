"""A score sheet as YAML text: blank to fill in (``jyscore template -o X.yaml``) or filled from a
checked sheet (``jyscore convert X.xlsx -o X.yaml``).

Written by hand rather than by a YAML library, for the comments (every id with its name and cap)
and the layout a person edits: one line per item, in form order. Every value written here reads
back as the same value through :mod:`jyscore.readers.yamlsource`: ids are always quoted, texts are
quoted whenever they are not plain words, numbers are written from their exact decimals.
"""

from __future__ import annotations

import re
import unicodedata

from jyscore.core import rules
from jyscore.core.models import AdjustmentEntry, Entry, Node, Rubric, Sheet
from jyscore.core.numbers import format_decimal
from jyscore.i18n.messages import counted, hint

# a plain (unquoted) scalar may not hold these ASCII characters, nor start with - or ?
_NOT_PLAIN = re.compile(r"""[,\[\]{}#:&*!|>'"%@`\\]|^[-?]""")
_NULL_WORDS = frozenset({"null", "~"})
# what a YAML 1.1 or 1.2 resolver reads as a number, a boolean, null, a date, a merge or value
# key: quoted, so that no other YAML tool reads a note such as 0012 or true as anything but text
_NOT_STRING_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
                               "<<", "="})
_NUMBER_LIKE = re.compile(r"[-+]?\.?[0-9]|[-+]?\.(inf|nan)$", re.IGNORECASE)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
INDENT = "  "


def scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as exactly ``text``: jyscore's loader resolves
    no implicit types, and what other YAML tools would read as a number, boolean, null or date
    (``0012``, ``true``, ``2024-01-01``) is quoted for them."""
    plain = (
        text != ""
        and text == text.strip()
        and text.casefold() not in _NULL_WORDS
        and text.casefold() not in _NOT_STRING_WORDS
        and not _NUMBER_LIKE.match(text)
        and not _NOT_PLAIN.search(text)
        and all(_escape(c) == c for c in text)
    )
    if plain:
        return text
    return '"' + "".join(_escape(c) for c in text) + '"'


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") or char == "\x85":
        code = ord(char)
        return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"
    return char


def comment(text: str) -> str:
    return " ".join(text.split())


def _points(node: Node) -> str:
    if node.points is None:
        return ""
    return " " + hint(counted("yaml-points", node.points), points=format_decimal(node.points))


def _mapping(pairs: list[tuple[str, str | None]]) -> str:
    """``{self: 4, assessed: }``: a flow mapping, empty values left to fill in."""
    return "{" + ", ".join(f"{k}: {v}" if v is not None else f"{k}: " for k, v in pairs) + "}"


def _line(item_id: str, pairs: list[tuple[str, str | None]], note: str) -> str:
    return f'{INDENT}"{item_id}": {_mapping(pairs)}   # {comment(note)}'


class _Writer:
    def __init__(self, rubric: Rubric, sheet: Sheet | None) -> None:
        self.rubric = rubric
        self.sheet = sheet
        self.columns = sheet.columns if sheet else ("self", "assessed")
        self.lines: list[str] = []

    def entry_pairs(
        self, entry: Entry | None, names: tuple[str, ...]
    ) -> list[tuple[str, str | None]]:
        pairs: list[tuple[str, str | None]] = []
        for name in names:
            value = None
            if entry is not None:
                per_column = {c: v[name] for c, v in entry.column_inputs.items() if name in v}
                if per_column and name not in ("self", "assessed"):
                    pairs.append((name, _mapping(
                        [(c, format_decimal(v)) for c, v in sorted(per_column.items())])))
                    continue
                number = (
                    entry.column(name) if name in ("self", "assessed") else entry.inputs.get(name)
                )
                if number is None and self.sheet is not None:
                    continue
                value = format_decimal(number) if number is not None else None
            pairs.append((name, value))
        if entry is not None and entry.note:
            pairs.append(("note", scalar(entry.note)))
        return pairs

    def item(self, item: Node) -> None:
        entries = self.sheet.entries if self.sheet else {}
        if not rules.hand_scored(item):
            self.ruled(item, entries.get(item.id))
            return
        if item.parts and item.id not in entries:
            self.lines.append(f"{INDENT}# " + comment(hint(
                counted("yaml-parts", item.points or 0), item=f"{item.id} {item.name}",
                points=format_decimal(item.points or 0), item_id=item.id,
            )))
            for part in item.parts:
                pairs = self.entry_pairs(entries.get(part.id), self.columns)
                self.lines.append(_line(part.id, pairs, part.name + _points(part)))
            return
        pairs = self.entry_pairs(entries.get(item.id), self.columns)
        self.lines.append(_line(item.id, pairs, item.name + _points(item) + _hand_values(item)))

    def bonus(self, node: Node) -> None:
        assert node.rule is not None
        entry = self.sheet.entries.get(node.id) if self.sheet else None
        if self.sheet is not None and entry is None:
            return  # bonus entries are optional
        self.ruled(node, entry)

    def ruled(self, node: Node, entry: Entry | None) -> None:
        """An item with a rule: its inputs (a hand-scored rule: its columns)."""
        names = rules.entry_fields(node)
        note = f"{node.name}：{node.focus}" if node.focus else node.name
        if rules.hand_scored(node):
            names = tuple(self.columns)
        if self.sheet is None and "rate" in names and "graduates" in names:
            names = tuple(n for n in names if n != "rate")  # the blank sheet offers the counts
            note += " — " + hint("yaml-rate")
        words = [f"{s.name}={s.shown(self.rubric.labels)}" for s in rules.input_specs(node)
                 if s.name in names and s.label]
        if words:
            note += " [" + ", ".join(words) + "]"
        cap = rules.item_cap(node)
        if cap is not None:
            note += " " + hint(counted("yaml-max", cap), points=format_decimal(cap))
        self.lines.append(_line(node.id, self.entry_pairs(entry, names), note))


def _hand_values(item: Node) -> str:
    """The item's own step or allowed values, when the rubric gives them."""
    if item.allowed is not None:
        return " " + hint("yaml-allowed", values=hint("name-separator").join(
            format_decimal(v) for v in item.allowed))
    if item.step is not None:
        return " " + hint(counted("yaml-step", item.step), step=format_decimal(item.step))
    return ""


def sheet_yaml(
    rubric: Rubric, sheet: Sheet | None = None, *, college: str = "", year: int = 0,
    assessor: str | None = None,
) -> str:
    """The sheet as YAML; without ``sheet``, the blank sheet for ``college`` and ``year``
    (a panel member's, naming ``assessor``)."""
    writer = _Writer(rubric, sheet)
    if sheet is not None:
        college, year, assessor = sheet.college, sheet.year, assessor or sheet.assessor
    intro = hint("yaml-intro", rubric=rubric.name, college=college, year=year,
                 step=format_decimal(rubric.step))
    lines = [f"# {line}" for line in intro.splitlines()]
    lines += [f"college: {scalar(college)}", f"year: {year}"]
    if assessor is not None:
        lines.append(f"assessor: {scalar(assessor)}")
    lines.append(f"rubric: {scalar(rubric.id)}")
    if sheet is not None and sheet.note:
        lines.append(f"note: {scalar(sheet.note)}")
    lines.append("scores:")
    writer.lines = lines
    for primary in rubric.indicators:
        lines.append(f"{INDENT}# {primary.id} {primary.name}{_points(primary)}")
        for item in primary.leaves():
            writer.item(item)
    if rubric.bonus_items:
        lines.append(f"{INDENT}# {hint('yaml-bonus')}")
        for node in rubric.bonus_items:
            writer.bonus(node)
    lines.extend(_totals_lines(rubric, sheet, writer.columns))
    return "\n".join(lines) + "\n"


def _totals_lines(rubric: Rubric, sheet: Sheet | None, columns: tuple[str, ...]) -> list[str]:
    """The ``adjustments`` and ``vetoes`` a sheet enters (blank: every one declared, empty)."""
    return [*_adjustment_lines(rubric, sheet, columns), *_veto_lines(rubric, sheet, columns)]


def _adjustment_lines(rubric: Rubric, sheet: Sheet | None, columns: tuple[str, ...]) -> list[str]:
    if not rubric.adjustments or (sheet is not None and not sheet.adjustments):
        return []
    entered = {e.adjustment_id: e for e in sheet.adjustments} if sheet else {}
    lines = ["adjustments:", f"{INDENT}# {hint('yaml-adjustments')}"]
    for adjustment in rubric.adjustments:
        entry = entered.get(adjustment.id)
        if sheet is not None and entry is None:
            continue
        span = hint(f"yaml-adjustment-{adjustment.kind}", min=format_decimal(adjustment.min),
                    max=format_decimal(adjustment.max),
                    step=format_decimal(adjustment.step or rubric.step))
        lines.append(_line(adjustment.id, _adjustment_pairs(entry, columns),
                           f"{adjustment.name} {span}"))
    return lines


def _adjustment_pairs(
    entry: AdjustmentEntry | None, columns: tuple[str, ...]
) -> list[tuple[str, str | None]]:
    """The amounts entered (blank: every column, empty) and the note."""
    pairs: list[tuple[str, str | None]] = []
    for column in columns:
        amount = entry.column(column) if entry else None
        if entry is None or amount is not None:
            pairs.append((column, format_decimal(amount) if amount is not None else None))
    if entry is not None and entry.note:
        pairs.append(("note", scalar(entry.note)))
    return pairs


def _veto_lines(rubric: Rubric, sheet: Sheet | None, columns: tuple[str, ...]) -> list[str]:
    if not rubric.vetoes or (sheet is not None and not sheet.vetoes):
        return []
    reported = {e.veto_id: e for e in sheet.vetoes} if sheet else {}
    lines = ["vetoes:", f"{INDENT}# {hint('yaml-vetoes')}"]
    for veto in rubric.vetoes:
        flagged = reported.get(veto.id)
        if sheet is not None and flagged is None:
            continue
        pairs: list[tuple[str, str | None]] = [
            (c, ("true" if flagged.column(c) else "false") if flagged else None) for c in columns
        ]
        if flagged is not None and flagged.note:
            pairs.append(("note", scalar(flagged.note)))
        lines.append(_line(veto.id, pairs, veto.name))
    return lines
