"""One entry of a sheet's ``scores`` whose rule computes the score from inputs
(``6.1.1: {rate: 91.2, target: 89.4}``): each input read as its type, once for both columns or
per column (``rate: {self: 91.2, assessed: 90}``), the run's defaults filled in, the required
inputs looked for, then the rule's own checks of the values, column by column."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jyscore.core import rules
from jyscore.core.models import COLUMNS, Entry, Node
from jyscore.core.numbers import format_decimal
from jyscore.core.problems import Position, Severity
from jyscore.i18n.messages import phrase
from jyscore.readers.document import Path_
from jyscore.readers.sheet_entries import entry_note, left_blank, unknown_keys
from jyscore.readers.sheet_state import SheetState
from jyscore.readers.sheet_values import read_number

# example values of an input in a message, as its type reads them (a rate is not "3")
_EXAMPLES = {"percent": ("89.4", "87.5"), "flag": ("1", "0"), "number": ("3.5", "2")}


def ruled_entry(
    state: SheetState, node: Node, path: Path_, key_at: Position, value: dict[str, Any]
) -> None:
    """An item whose rule computes its score: its inputs, once or per column."""
    specs = rules.input_specs(node)
    unknown_keys(state, node, path, value, (*(s.name for s in specs), "note"))
    if left_blank(state, node, key_at, value, tuple(s.name for s in specs)):
        return
    inputs = _Inputs(state, node, path, key_at, value, specs)
    inputs.read()
    reported: dict[str, Decimal] = {}
    if state.defaults is not None:
        reported = _apply_defaults(state, node, path, value, inputs.both)
    inputs.require(reported)
    _replace_inherited(node, inputs.both, inputs.per_column)
    if inputs.all_parsed:
        inputs.check_rule(reported)
    state.entries[node.id] = Entry(
        node.id, None, None, entry_note(state, node, path, value), inputs.both,
        inputs.per_column, key_at,
    )


class _Inputs:
    """The inputs of one entry as they are read: ``both`` holds for both columns, ``per_column``
    for one; ``all_parsed`` is False once one of them is reported."""

    def __init__(
        self, state: SheetState, node: Node, path: Path_, key_at: Position,
        value: dict[str, Any], specs: tuple[rules.InputSpec, ...],
    ) -> None:
        self.state = state
        self.node = node
        self.path = path
        self.key_at = key_at
        self.value = value
        self.specs = specs
        self.both: dict[str, Decimal] = {}
        self.per_column: dict[str, dict[str, Decimal]] = {}
        self.all_parsed = True

    def read(self) -> None:
        for input_spec in self.specs:
            raw = self.value.get(input_spec.name)
            if raw is None:
                continue
            if isinstance(raw, dict):
                self._read_per_column(input_spec, raw)
                continue
            number = read_number(self.state, self.node, self.path, input_spec.name,
                                 input_spec.reader, raw)
            if number is None:
                self.all_parsed = False
            else:
                self.both[input_spec.name] = number

    def _read_per_column(self, input_spec: rules.InputSpec, raw: dict[str, Any]) -> None:
        """``input: {self: …, assessed: …}``: a column it leaves out lacks the input."""
        where = (*self.path, input_spec.name)
        given = [c for c in COLUMNS if raw.get(c) is not None]
        if set(raw) - set(COLUMNS) or not given:
            names = ", ".join(str(k) for k in raw)
            found = phrase("found-empty-columns", columns=names) \
                if names and not set(raw) - set(COLUMNS) \
                else (names or phrase("found-nothing"))
            self.state.add("JY125", self.state.doc.position(where), self.node,
                           field=input_spec.name, found=found)
            self.all_parsed = False
            return
        for column in given:
            number = read_number(self.state, self.node, where, column, input_spec.reader,
                                 raw[column], field=input_spec.name)
            if number is None:
                self.all_parsed = False
            else:
                self.per_column.setdefault(column, {})[input_spec.name] = number

    def require(self, reported: dict[str, Decimal]) -> None:
        """JY127 for each required input given nowhere (nor by the run's defaults)."""
        for input_spec in self.specs:
            name = input_spec.name
            if input_spec.required and self.value.get(name) is None and name not in self.both \
                    and name not in reported:
                missing_input(self.state, self.key_at, self.node, input_spec)
                self.all_parsed = False

    def check_rule(self, reported: dict[str, Decimal]) -> None:
        """The rule's checks of the values, column by column; a problem found in both columns
        is reported once."""
        seen: set[tuple[str, str | None]] = set()
        for column in COLUMNS if self.per_column else COLUMNS[:1]:
            values = {**reported, **self.both, **self.per_column.get(column, {})}
            if column == "self" and self._assessed_only(values):
                continue
            lacking = [s for s in self.specs if s.required and s.name not in values]
            for input_spec in lacking:  # given per column, but not for this one
                missing_input(self.state, self.state.doc.position((*self.path, input_spec.name)),
                              self.node, input_spec)
            if not lacking:
                self._findings(values, seen)

    def _findings(self, values: dict[str, Decimal], seen: set[tuple[str, str | None]]) -> None:
        for finding in rules.check(self.node, values):
            if (finding.code, finding.field) in seen:
                continue
            seen.add((finding.code, finding.field))
            where_at = (self.state.doc.position((*self.path, finding.field))
                        if finding.field else self.key_at)
            self.state.add(finding.code, where_at, self.node, Severity.ERROR, **finding.params)

    def _assessed_only(self, values: dict[str, Decimal]) -> bool:
        """Inputs given for the 考核 column only leave the 自评 column without them (the form's
        自评 formula reads its own cells): when the 自评 column is then incomplete, one problem
        per such input, at its 自评 place. True when reported."""
        per_column = self.per_column
        only = [name for name in per_column.get("assessed", {})
                if name not in self.both and name not in per_column.get("self", {})]
        complete = all(s.name in values for s in self.specs if s.required)
        if not only or (complete and not rules.check(self.node, values)):
            return False
        labels = {s.name: s.shown(self.state.rubric.labels) for s in self.specs}
        for name in only:
            self.state.add("JY135", self.state.doc.position((*self.path, name, "self")),
                           self.node, field=name, label=labels.get(name, name))
        return True


def missing_input(state: SheetState, at: Position, node: Node, input_spec: rules.InputSpec) -> None:
    """JY127: a required input not given, with an example of its type."""
    example, other = _EXAMPLES.get(input_spec.reader, ("3", "2"))
    state.add("JY127", at, node, field=input_spec.name,
              label=input_spec.shown(state.rubric.labels), example=example, other=other)


def _replace_inherited(
    node: Node, both: dict[str, Decimal], per_column: dict[str, dict[str, Decimal]]
) -> None:
    """An input the 考核 column gives of its own may replace one it would inherit from the
    inputs given for both columns (the form computes a rate from the counts when they are
    there): the replaced input then holds for the 自评 column only."""
    own = frozenset(per_column.get("assessed", {})) - frozenset(per_column.get("self", {}))
    for name in rules.replaced(node, own) & frozenset(both):
        per_column.setdefault("self", {})[name] = both.pop(name)


def _apply_defaults(
    state: SheetState, node: Node, path: Path_, value: dict[str, Any], parsed: dict[str, Decimal]
) -> dict[str, Decimal]:
    """Fill inputs the sheet leaves out from the run's defaults; report conflicts and gaps.

    Returns placeholders for inputs already reported missing (JY503), so that the rule's own
    check does not report them a second time.
    """
    defaults = state.defaults
    assert defaults is not None
    supplied = defaults.for_entry(state.college, node.id)
    for name, default in supplied.items():
        if name in parsed:
            if parsed[name] != default.value:
                state.add("JY502", state.doc.position((*path, name)), node, field=name,
                          value=format_decimal(parsed[name]),
                          default=format_decimal(default.value), college=state.college,
                          source=default.source)
        elif value.get(name) is None:
            parsed[name] = default.value
    reported: dict[str, Decimal] = {}
    for name in defaults.covered(node.id):
        if name not in supplied and value.get(name) is None and state.college is not None:
            state.add("JY503", state.doc.key_position(path), node, field=name,
                      college=state.college, source=defaults.source)
            reported[name] = Decimal(0)
    return reported
