"""One entry of a sheet's ``scores`` scored by hand (``1.1: {self: 9, assessed: 8.5}``), and what
every entry is checked for, however its score is found: keys it may hold, all of its values left
blank (as the template leaves them), its note."""

from __future__ import annotations

from typing import Any

from jyscore.core.models import Entry, Node
from jyscore.core.problems import Position
from jyscore.core.text import short
from jyscore.i18n.messages import hint, phrase
from jyscore.readers.document import Path_
from jyscore.readers.sheet_state import SheetState
from jyscore.readers.sheet_values import read_score
from jyscore.readers.sheet_words import describe, suggest

SCORE_INPUTS = ("self", "assessed")  # a hand-scored item's inputs (bonus rules have theirs)
_SCORE_ALLOWED = (*SCORE_INPUTS, "note")
_SCORE_KEYS = frozenset(_SCORE_ALLOWED)


def hand_entry(
    state: SheetState, node: Node, path: Path_, key_at: Position, value: dict[str, Any]
) -> None:
    """An item scored by hand: its ``self`` and ``assessed`` scores and its note."""
    if not _SCORE_KEYS.issuperset(value):
        unknown_keys(state, node, path, value, _SCORE_ALLOWED)
    self_, assessed = value.get("self"), value.get("assessed")
    if (self_ is None and assessed is None and left_blank(state, node, key_at, value, SCORE_INPUTS)
            and node.id not in state.base_ids):
        return  # a bonus left as the template leaves it: 0, perhaps forgotten (JY124)
    state.entries[node.id] = Entry.by_hand(
        node.id,
        None if self_ is None else read_score(state, node, path, "self", self_),
        None if assessed is None else read_score(state, node, path, "assessed", assessed),
        entry_note(state, node, path, value), key_at,
    )


def unknown_keys(
    state: SheetState, node: Node, path: Path_, value: dict[str, Any], allowed: tuple[str, ...]
) -> None:
    """JY022 for each key of the entry that is none of ``allowed``; the entry is then mistyped."""
    for key in value:
        if key not in allowed:
            state.mistyped.add(node.id)
            state.add("JY022", state.doc.key_position((*path, key)), node, field=short(key),
                      where=phrase("what-entry", item_id=node.id),
                      suggestion=suggest(key, allowed), allowed=", ".join(allowed))


def left_blank(
    state: SheetState, node: Node, key_at: Position, value: dict[str, Any],
    inputs: tuple[str, ...],
) -> bool:
    """Whether every input of the entry is empty (and none mistyped), as the template leaves it:
    a bonus is then noted for a warning, any other item as not filled in (one JY111, not one
    problem per input)."""
    if node.id in state.mistyped or any(value.get(name) is not None for name in inputs):
        return False
    if node.id not in state.base_ids:
        state.blank_bonuses.append((node, key_at, ", ".join(inputs)))
    else:
        state.blank.add(node.id)
    return True


def entry_note(state: SheetState, node: Node, path: Path_, value: dict[str, Any]) -> str | None:
    note = value.get("note")
    if note is not None and not isinstance(note, str):
        state.add("JY023", state.doc.position((*path, "note")), node, field="note",
                  value=describe(note), expected=hint("expect-note"))
        return None
    return note
