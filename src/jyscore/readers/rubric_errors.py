"""A pydantic error in a rubric file, in the user's words: where (``6.2 rule, tier 2, points``:
the item's id, then the keys below it, a list's members by their number or name, never an index
path) and why (pydantic's error type as our own phrase; its ``msg`` is English only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jyscore.core import rules
from jyscore.core.models import LABEL_FILE_KEYS
from jyscore.core.problems import Problem, make_problem
from jyscore.i18n.messages import Phrase, phrase
from jyscore.readers.document import Document, Path_

if TYPE_CHECKING:
    from pydantic import ValidationError


# pydantic's error types -> our phrase (its own ``msg`` is English only)
_ERROR_PHRASES = {
    "missing": "rubric-missing",
    "string_type": "rubric-expect-text",
    "string_too_short": "rubric-expect-text",
    "int_type": "rubric-expect-whole",
    "int_parsing": "rubric-expect-whole",
    "int_from_float": "rubric-expect-whole",
    "decimal_type": "rubric-expect-number",
    "decimal_parsing": "rubric-expect-number",
    "float_type": "rubric-expect-number",
    "float_parsing": "rubric-expect-number",
    "finite_number": "rubric-expect-number",
    "list_type": "rubric-expect-list",
    "too_short": "rubric-expect-list",
    "dict_type": "rubric-expect-mapping",
    "model_type": "rubric-expect-mapping",
    "model_attributes_type": "rubric-expect-mapping",
    "dataclass_type": "rubric-expect-mapping",  # a block such as panel: given a word
    "dataclass_args_type": "rubric-expect-mapping",
    "bool_type": "rubric-expect-bool",
    "bool_parsing": "rubric-expect-bool",
    "dataclass_exact_type": "rubric-expect-mapping",
    "union_tag_invalid": "rubric-expect-kind",
    "union_tag_not_found": "rubric-expect-kind",
    "literal_error": "rubric-expect-choice",
    "enum": "rubric-expect-choice",
}
_LIMIT_PHRASES = {
    "greater_than": ("gt", "rubric-greater-than"),
    "greater_than_equal": ("ge", "rubric-at-least"),
    "less_than": ("lt", "rubric-less-than"),
    "less_than_equal": ("le", "rubric-at-most"),
}


def _reason(error: Any) -> Phrase:
    kind = str(error["type"])
    context = error.get("ctx") or {}
    said = getattr(context.get("error"), "phrase", None)  # our own ValueError (ExprError)
    if isinstance(said, Phrase):
        return said
    if kind in _LIMIT_PHRASES:
        key, name = _LIMIT_PHRASES[kind]
        if key in context:
            return phrase(name, limit=context[key])
    if kind == "union_tag_invalid":
        return _unknown_kind(str(context.get("tag", "")))
    if kind == "union_tag_not_found":
        return phrase("rubric-kind-missing", allowed=_kinds())
    if kind == "string_pattern_mismatch":
        return phrase("rubric-input-name")
    if kind in ("literal_error", "enum") and "expected" in context:
        # pydantic words the list in English ("'a' or 'b'"): keep only the values
        choices = str(context["expected"]).replace(" or ", ", ")
        return phrase("rubric-expect-choice", expected=choices)
    if kind in _ERROR_PHRASES and kind not in ("literal_error", "enum"):
        return phrase(_ERROR_PHRASES[kind])
    return phrase("rubric-invalid-value", type=kind)


def _kinds() -> str:
    return ", ".join(repr(kind) for kind in rules.KINDS)  # words of the file, quoted


def _unknown_kind(tag: str) -> Phrase:
    import difflib  # only when a kind is wrong: start-up stays light

    close = difflib.get_close_matches(tag.strip().lower(), list(rules.KINDS), n=1, cutoff=0.6)
    return phrase("rubric-unknown-kind", kind=tag, allowed=_kinds(),
                  suggestion=phrase("suggest", suggestion=close[0]) if close else "")


def validation_problems(exc: ValidationError, doc: Document) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    locations = [tuple(e["loc"]) for e in errors]
    for error in errors:
        loc: Path_ = tuple(error["loc"])
        if len(loc) == 2 and loc[0] == "labels":
            loc = ("labels", LABEL_FILE_KEYS.get(str(loc[1]), loc[1]))
        if any(len(other) > len(loc) and other[: len(loc)] == loc for other in locations):
            continue  # a container's error caused by its member's: the member's says it better
        where, node_id, node_name = where_in_rubric(_untagged(loc, doc.data), doc)
        # discriminated unions add the tag to the location: drop what is not in the document
        while loc and loc not in doc.positions and loc not in doc.key_positions:
            if len(loc) > 1 and (*loc[:-2], loc[-1]) in doc.positions:
                loc = (*loc[:-2], loc[-1])
                break
            loc = loc[:-1]
        unknown = error["type"] in ("unexpected_keyword_argument", "extra_forbidden")
        problems.append(
            make_problem(
                "JY200", doc.file, doc.key_position(loc) if loc else doc.position(()),
                where=where, reason=phrase("rubric-unknown-key") if unknown else _reason(error),
                item_id=node_id, item_name=node_name,
            )
        )
    return problems


def _untagged(loc: Path_, data: Any) -> Path_:
    """The location without pydantic's tag of a rule's kind (``rule.tiers.tiers.1``: the second
    ``tiers`` is the key, the first the kind)."""
    for i in range(len(loc) - 1):
        if loc[i] == "rule" and loc[i + 1] in rules.KINDS:
            try:
                rule = data
                for step in loc[:i + 1]:
                    rule = rule[step]
            except (KeyError, IndexError, TypeError):
                return loc
            if isinstance(rule, dict) and rule.get("kind") == loc[i + 1]:
                return (*loc[:i + 1], *loc[i + 2:])
            return loc
    return loc


# a list's members in words: "tier 2", not "tiers.1"
_MEMBER_PHRASES = {
    "tiers": "where-tier",
    "counters": "where-counter",
    "inputs": "where-input",
    "allowed": "where-value",
}
_TOP_LISTS = {"adjustments": "where-adjustment", "vetoes": "where-veto"}


def where_in_rubric(loc: Path_, doc: Document) -> tuple[str | Phrase, str | None, str | None]:
    """A location in the file in words: ``6.2 rule, tier 2, points`` (the item's id, then the
    keys below it, a list's members by their number or name), never an index path; with the
    item's id and name when the location is in an item."""
    place = _Place(loc, doc.data)
    try:
        place.enter()
    except (KeyError, IndexError, TypeError):
        place.data = None
    parts = _below(place.rest, place.data)
    if place.head is None:
        return _joined(parts) if parts else phrase("what-rubric"), None, None
    node_id = place.node_id
    if node_id is not None and parts and isinstance(parts[0], str):
        parts[0] = f"{node_id} {parts[0]}"  # "6.2 rule.per_unit"
    else:
        parts.insert(0, place.head)
    name = place.node.get("name") if isinstance(place.node, dict) else None
    return _joined(parts), node_id, name if node_id is not None and isinstance(name, str) else None


class _Place:
    """A location being put in words: the member it is in (an item, an adjustment or veto, a
    grade band) becomes ``head``; ``rest`` is the path below it, in ``data``. A lookup that fails
    leaves what was found so far."""

    def __init__(self, loc: Path_, data: Any) -> None:
        self.rest = list(loc)
        self.data = data
        self.node: Any = None
        self.head: str | Phrase | None = None
        self.node_id: str | None = None

    def enter(self) -> None:
        rest = self.rest
        if len(rest) >= 2 and rest[0] in ("indicators", "bonus") and isinstance(rest[1], int):
            self._enter_item(str(rest[0]), rest[1])
        elif len(rest) >= 2 and rest[0] in _TOP_LISTS and isinstance(rest[1], int):
            member = self.data[rest[0]][rest[1]]
            self.head = phrase(_TOP_LISTS[rest[0]], name=_own_id(member) or rest[1] + 1)
            self.data, self.rest = member, rest[2:]
        elif rest[:2] == ["grades", "bands"] and len(rest) >= 3 and isinstance(rest[2], int):
            band = self.data["grades"]["bands"][rest[2]]
            name = band.get("name") if isinstance(band, dict) else None
            self.head = phrase("where-band", name=name if isinstance(name, str) else rest[2] + 1)
            self.data, self.rest = band, rest[3:]

    def _enter_item(self, root: str, index: int) -> None:
        """An item, then its children or parts as deep as the path goes."""
        self.node = self.data[root][index]
        self.head = _own_id(self.node) or phrase(f"where-root-{root}", n=index + 1)
        self.rest = rest = self.rest[2:]
        while len(rest) >= 2 and rest[0] in ("children", "parts") and isinstance(rest[1], int):
            parent_words = self.head
            self.node = self.node[rest[0]][rest[1]]
            self.head = _own_id(self.node) or phrase("where-child", parent=parent_words,
                                                     n=rest[1] + 1)
            self.rest = rest = rest[2:]
        self.node_id = _own_id(self.node)
        self.data = self.node


def _joined(parts: list[str | Phrase]) -> str | Phrase:
    words = parts[0]
    for part in parts[1:]:
        words = phrase("where-then", first=words, then=part)
    return words


def _own_id(member: Any) -> str | None:
    value = member.get("id") if isinstance(member, dict) else None
    return value if isinstance(value, str) else None


def _below(rest: list[Any], data: Any) -> list[str | Phrase]:
    """Keys joined by dots, a list's member by its number ("rule.input.name",
    "rule, tier 2, points"); pydantic's tags of a union (not keys of the file) left out."""
    parts: list[str | Phrase] = []
    keys: list[str] = []
    previous: Any = None
    for index, step in enumerate(rest):
        if isinstance(step, int):
            name = _MEMBER_PHRASES.get(str(previous))
            if keys and name is not None:
                keys.pop()
                if keys:
                    parts.append(".".join(keys))
                parts.append(phrase(name, n=step + 1))
            else:
                if keys:
                    parts.append(".".join(keys))
                parts.append(phrase("where-member", n=step + 1))
            keys = []
            data = data[step] if isinstance(data, list) and 0 <= step < len(data) else None
        else:
            last = index == len(rest) - 1
            if isinstance(data, dict) and step not in data and not last:
                continue  # the tag of a union, or a type's name pydantic adds
            keys.append(str(step))
            data = data.get(step) if isinstance(data, dict) else None
        previous = step
    if keys:
        parts.append(".".join(keys))
    return parts
