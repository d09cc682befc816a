"""A sheet's ``scores`` as a whole, once each entry has been read: every item scored once (whole
or through all of its parts), no unknown id, and each score column given for every item or for
none. What has one cause is one problem: a sheet with no score at all is one JY115, a column
left empty in most items one JY136."""

from __future__ import annotations

from typing import Any

from jyscore.core import rules
from jyscore.core.models import COLUMNS, Entry, Node
from jyscore.core.problems import Position, Severity
from jyscore.core.text import short
from jyscore.i18n.messages import hint
from jyscore.readers.document import Path_
from jyscore.readers.sheet_state import SheetState


def check_coverage(state: SheetState) -> None:
    """Each item scored once, whole or through all of its parts. What has one cause is one
    problem: an item (or part) with every score empty is one JY111, and a sheet where no
    item has any score is one JY115 instead of one problem per item."""
    scored = state.given - state.blank
    if not scored & state.base_ids:
        state.add("JY115", state.doc.key_position(("scores",)))
        return  # an unfilled sheet: its empty bonus entries are part of that one problem
    for node, at, inputs in state.blank_bonuses:
        state.add("JY124", at, node, severity=Severity.WARNING, inputs=inputs)
    for item in state.rubric.items:
        if item.id in state.given and item.parts and any(p.id in state.given for p in item.parts):
            _whole_and_parts(state, item)
        elif item.id not in scored:
            _not_scored(state, item, scored)


def _whole_and_parts(state: SheetState, item: Node) -> None:
    """JY112: an item scored both whole and through its parts."""
    given_parts = [p for p in item.parts if p.id in state.given]
    first = state.doc.key_position(("scores", given_parts[0].id))
    parts = hint("name-separator").join(f"{p.id} {_where(state, ('scores', p.id))}"
                                        for p in given_parts)
    state.add("JY112", first, item, whole=_where(state, ("scores", item.id)), parts=parts)


def _not_scored(state: SheetState, item: Node, scored: set[str]) -> None:
    """JY111 for an item not scored, or for each part of it not scored when others are."""
    given_parts = [p for p in item.parts if p.id in scored]
    if not given_parts:
        state.add("JY111", _missing_position(state, item), item, hint=_missing_hint(item))
    elif len(given_parts) < len(item.parts):
        given = hint("name-separator").join(p.id for p in given_parts)
        for part in item.parts:
            if part.id not in scored:
                state.add("JY111", _missing_position(state, part, given_parts[0]), part,
                          hint=hint("missing-part", owner=item.id, given=given))


def _missing_hint(item: Node) -> str:
    """What a sheet gives for an item it left out: its inputs, its parts, or its score."""
    if not rules.hand_scored(item):
        names = ", ".join(f"{s.name}: …" for s in rules.input_specs(item))
        return hint("missing-inputs", item_id=item.id, inputs=names)
    if item.parts:
        return hint("missing-item", item_id=item.id,
                    parts=hint("name-separator").join(p.id for p in item.parts))
    return hint("missing-leaf", item_id=item.id)


def _missing_position(state: SheetState, node: Node, sibling: Node | None = None) -> Position:
    """Where a score that was not given belongs: in a workbook its empty cell (an item
    scored through parts: its first part's); in YAML its id if it stands there without a
    value, else a given sibling part, else ``scores``."""
    doc = state.doc
    for scored in (*node.parts[:1], node):
        for column in COLUMNS:
            if ("scores", scored.id, column) in doc.positions:
                return doc.position(("scores", scored.id, column))
    for present in (node, sibling):  # the id itself may stand there with an empty value
        if present is not None and ("scores", present.id) in doc.key_positions:
            return doc.key_position(("scores", present.id))
    return doc.key_position(("scores",))


def _where(state: SheetState, path: Path_) -> str:
    """Where a key stood, for a message: ``line 12`` in YAML, the cell (``A12``) in a
    workbook."""
    at = state.doc.key_position(path)
    return hint("at-line", line=at.line) if at.line is not None else at.cell or "?"


def check_unknown_ids(state: SheetState) -> None:
    """Report unknown ids, each with the id it most likely meant (:mod:`.nearest`)."""
    if not state.unknown:
        return
    from jyscore.readers.nearest import (
        nearest_id,  # only when an id is wrong: start-up stays light
    )

    known = state.rubric.scorable_id_set
    missing = _still_missing(state)
    for item_id, at in state.unknown:
        nearest = nearest_id(item_id, known, missing)
        suggestion = hint("suggest", suggestion=nearest) if nearest else ""
        state.add("JY110", at, given=short(item_id), rubric=state.rubric.id,
                  suggestion=suggestion)


def _still_missing(state: SheetState) -> set[str]:
    """The ids whose score the sheet still lacks: what an unknown id most likely meant."""
    missing: set[str] = set()
    for item in state.rubric.items:
        parts = {p.id for p in item.parts}
        if item.id not in state.given and not parts & state.given:
            missing |= {item.id, *parts}
        elif parts & state.given:
            missing |= parts - state.given
    return missing


def check_columns(state: SheetState) -> tuple[str, ...]:
    """The score columns the sheet gives: a column is given for every hand-scored base item
    or for none. A column that a manual bonus alone gives is never dropped silently, and a
    column left empty in most items is one problem (its cause), not one per empty item."""
    hand_ids, base_ids = state.rubric.hand_scored_ids, state.base_ids
    hand = {i: e for i, e in state.entries.items() if i in hand_ids}
    base = [e for i, e in hand.items() if i in base_ids]
    present = tuple(c for c in COLUMNS if any(e.column(c) is not None for e in base))
    if not present:
        # every base item computed from inputs: both columns hold; else the empty items
        # have been reported already (JY111, or JY115 for a sheet without any score)
        return COLUMNS if not base and state.entries else present
    given = tuple(c for c in COLUMNS if any(e.column(c) is not None for e in hand.values()))
    for column in given:
        _check_column(state, column, hand, base)
    return given


def _check_column(
    state: SheetState, column: str, hand: dict[str, Entry], base: list[Entry]
) -> None:
    """A column given in some items: JY114 for each base item lacking it, or one JY136 when
    more items lack it than give it."""
    lacking = [e for e in base if e.column(column) is None and _lacks(state, e, column)]
    if not lacking:
        return
    givers = [i for i, e in hand.items() if e.column(column) is not None]
    if len(lacking) > len(givers):
        shown = ", ".join(givers[:5]) + (", …" if len(givers) > 5 else "")
        state.add("JY136", state.doc.position(("scores", givers[0], column)),
                  column=column, given=len(givers), ids=shown, missing=len(lacking))
        return
    for entry in lacking:
        node = state.rubric.nodes[entry.item_id]
        state.add("JY114", _blank_position(state, entry.item_id, column), node, column=column)


def _lacks(state: SheetState, entry: Entry, column: str) -> bool:
    """Whether the entry leaves ``column`` out, and has not been reported for it already: a
    wrong value or a mistyped key has been, and an empty entry as an item not scored (JY111)."""
    return (entry.item_id not in state.blank and entry.column(column) is None
            and _raw(state, entry.item_id, column) is None
            and entry.item_id not in state.mistyped)


def _blank_position(state: SheetState, item_id: str, column: str) -> Position:
    """Where a missing score belongs: its empty cell in a workbook, else the item's id."""
    path = ("scores", item_id, column)
    if path in state.doc.positions:
        return state.doc.position(path)
    return state.doc.key_position(("scores", item_id))


def _raw(state: SheetState, item_id: str, column: str) -> Any:
    entry = state.doc.data["scores"][item_id]
    return entry.get(column) if isinstance(entry, dict) else None
