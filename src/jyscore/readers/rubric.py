"""Load a rubric file: YAML -> pydantic validation into :class:`~jyscore.core.models.Rubric` ->
consistency checks.

Every pydantic error and every inconsistency (duplicate ids, ids that do not extend their
parent's, points that do not add up, a node with both children and parts, a rule whose
parameters contradict each other) becomes a :class:`~jyscore.core.problems.Problem` pointing at the
line of the offending key and naming the item's id. All of them are reported at once.

There is one parser: pydantic. Commands on the built-in rubric must not pay for importing it,
so the validated built-in rubric is cached as a pickle keyed by the file's bytes, jyscore's
version and the model code (see :func:`_default_rubric`); without a usable cache it is validated.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jyscore.core import rules
from jyscore.core.models import LABEL_FILE_KEYS, Node, Rubric
from jyscore.core.numbers import (
    MAX_FRACTION_DIGITS,
    MAX_INTEGER_DIGITS,
    exact,
    format_decimal,
    parse_decimal,
)
from jyscore.core.problems import JyscoreError, Position, Problem, Severity, make_problem
from jyscore.i18n.messages import Phrase, phrase
from jyscore.readers.rubric_cache import cache_file, read_cache, write_cache
from jyscore.readers.rubric_totals import totals_problems
from jyscore.readers.yamlsource import Document, Limits, Path_, load, parse

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

RUBRIC_LIMITS = Limits(max_bytes=4 * 1024 * 1024, max_values=200_000, kind="kind-rubric")
# the rubric's numbers (Decimal fields of the models), read as plain bounded decimals before
# pydantic sees them: ``1e999999999`` or a step of ``1e-99999999`` never reaches arithmetic
NUMBER_FIELDS = frozenset({"total", "step", "points", "per_step", "per_unit", "max"})
DEFAULT_RUBRIC = "imnu-employment"


def load_rubric(path: str | Path | None = None) -> Rubric:
    """Load and check a rubric file; ``None`` loads the built-in default rubric."""
    if path is None:
        return _default_rubric()
    doc = load(Path(path), RUBRIC_LIMITS)
    return rubric_from_document(doc)


@lru_cache(maxsize=1)
def _default_rubric() -> Rubric:
    raw = _default_rubric_bytes()
    cache = cache_file(raw)
    cached = read_cache(cache) if cache is not None else None
    if cached is not None:
        return cached
    doc = parse(raw.decode("utf-8"), f"<built-in {DEFAULT_RUBRIC}>", RUBRIC_LIMITS)
    rubric = rubric_from_document(doc)
    if cache is not None:
        write_cache(cache, rubric)
    return rubric


def _default_rubric_bytes() -> bytes:
    """The built-in rubric: ``jyscore/rubrics/`` in an installed package, where the build copies
    the repository's ``rubric/`` (see ``setup.py``); in an editable install, which runs the
    checkout's ``src/``, that ``rubric/`` folder itself."""
    name = f"{DEFAULT_RUBRIC}.yaml"
    packaged = resources.files("jyscore") / "rubrics" / name
    if packaged.is_file():
        return packaged.read_bytes()
    return (Path(__file__).resolve().parents[3] / "rubric" / name).read_bytes()


@exact
def rubric_from_document(doc: Document) -> Rubric:
    if not isinstance(doc.data, dict):
        raise JyscoreError(
            [
                make_problem(
                    "JY200", doc.file, doc.position(()), where=phrase("what-rubric"),
                    reason=phrase("rubric-not-mapping"),
                )
            ]
        )
    number_problems = _number_problems(doc, doc.data, ())
    if number_problems:
        raise JyscoreError(number_problems)
    from pydantic import ValidationError

    try:
        rubric = validate_rubric_data(doc.data)
    except ValidationError as exc:
        raise JyscoreError(_validation_problems(exc, doc)) from None
    problems = _consistency_problems(rubric, doc)
    if problems:
        raise JyscoreError(problems)
    return rubric


def _number_problems(doc: Document, data: Any, path: Path_) -> list[Problem]:
    """JY200 for every number field that is not a plain decimal within the digit limits."""
    problems: list[Problem] = []
    items = (data.items() if isinstance(data, dict)
             else enumerate(data) if isinstance(data, list) else ())
    for key, value in items:
        here: Path_ = (*path, key)
        if key in NUMBER_FIELDS and isinstance(value, str) and parse_decimal(value) is None:
            where, node_id, node_name = _where(here, doc)
            problems.append(make_problem(
                "JY200", doc.file, doc.position(here), where=where,
                reason=phrase("rubric-number", integer=MAX_INTEGER_DIGITS,
                              fraction=MAX_FRACTION_DIGITS),
                item_id=node_id, item_name=node_name,
            ))
        elif isinstance(value, (dict, list)) and here != ("labels",):  # labels are words
            problems.extend(_number_problems(doc, value, here))
    return problems


@lru_cache(maxsize=1)
def _rubric_adapter() -> TypeAdapter[Rubric]:
    from pydantic import TypeAdapter

    return TypeAdapter(Rubric)


def validate_rubric_data(data: Any) -> Rubric:
    """A :class:`Rubric` from plain data, validated by pydantic (raises its ValidationError)."""
    return _rubric_adapter().validate_python(data)


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


def _validation_problems(exc: ValidationError, doc: Document) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    locations = [tuple(e["loc"]) for e in errors]
    for error in errors:
        loc: Path_ = tuple(error["loc"])
        if len(loc) == 2 and loc[0] == "labels":
            loc = ("labels", LABEL_FILE_KEYS.get(str(loc[1]), loc[1]))
        if any(len(other) > len(loc) and other[: len(loc)] == loc for other in locations):
            continue  # a container's error caused by its member's: the member's says it better
        where, node_id, node_name = _where(_untagged(loc, doc.data), doc)
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


def _where(loc: Path_, doc: Document) -> tuple[str | Phrase, str | None, str | None]:
    """A location in the file in words: ``6.2 rule, tier 2, points`` (the item's id, then the
    keys below it, a list's members by their number or name), never an index path; with the
    item's id and name when the location is in an item."""
    data: Any = doc.data
    node: Any = None
    rest = list(loc)
    head: str | Phrase | None = None
    node_id: str | None = None
    try:
        if len(rest) >= 2 and rest[0] in ("indicators", "bonus") and isinstance(rest[1], int):
            node = data[rest[0]][rest[1]]
            head = _own_id(node) or phrase(f"where-root-{rest[0]}", n=rest[1] + 1)
            rest = rest[2:]
            while len(rest) >= 2 and rest[0] in ("children", "parts") and isinstance(rest[1], int):
                parent_words = head
                node = node[rest[0]][rest[1]]
                head = _own_id(node) or phrase("where-child", parent=parent_words, n=rest[1] + 1)
                rest = rest[2:]
            node_id = _own_id(node)
            data = node
        elif len(rest) >= 2 and rest[0] in _TOP_LISTS and isinstance(rest[1], int):
            member = data[rest[0]][rest[1]]
            head = phrase(_TOP_LISTS[rest[0]], name=_own_id(member) or rest[1] + 1)
            data, rest = member, rest[2:]
        elif rest[:2] == ["grades", "bands"] and len(rest) >= 3 and isinstance(rest[2], int):
            band = data["grades"]["bands"][rest[2]]
            name = band.get("name") if isinstance(band, dict) else None
            head = phrase("where-band", name=name if isinstance(name, str) else rest[2] + 1)
            data, rest = band, rest[3:]
    except (KeyError, IndexError, TypeError):
        data = None
    parts = _below(rest, data)
    if head is None:
        return _joined(parts) if parts else phrase("what-rubric"), None, None
    if node_id is not None and parts and isinstance(parts[0], str):
        parts[0] = f"{node_id} {parts[0]}"  # "6.2 rule.per_unit"
    else:
        parts.insert(0, head)
    name = node.get("name") if isinstance(node, dict) else None
    return _joined(parts), node_id, name if node_id is not None and isinstance(name, str) else None


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


def _consistency_problems(rubric: Rubric, doc: Document) -> list[Problem]:
    checker = _Consistency(rubric, doc)
    for i, root in enumerate(rubric.indicators):
        checker.node(root, ("indicators", i), parent=None, in_bonus=False)
    for i, root in enumerate(rubric.bonus):
        checker.node(root, ("bonus", i), parent=None, in_bonus=True)
    declared_total = sum((r.points or Decimal(0) for r in rubric.indicators), Decimal(0))
    checker.problems.extend(totals_problems(rubric, doc))
    if rubric.total is not None and declared_total != rubric.total:
        checker.add(
            "JY202", ("total",), None, actual=format_decimal(declared_total),
            declared=format_decimal(rubric.total),
        )
    return checker.problems


class _Consistency:
    def __init__(self, rubric: Rubric, doc: Document) -> None:
        self.rubric = rubric
        self.doc = doc
        self.seen: dict[str, Position] = {}
        self.problems: list[Problem] = []

    def add(self, code: str, path: Path_, node: Node | None, **params: object) -> None:
        self.problems.append(
            make_problem(
                code, self.doc.file, self.doc.position(path),
                item_id=node.id if node else None, item_name=node.name if node else None,
                severity=Severity.ERROR, **params,
            )
        )

    def node(self, node: Node, path: Path_, parent: Node | None, in_bonus: bool) -> None:
        here = self.doc.position((*path, "id"))
        if node.id in self.seen:
            self.add("JY203", (*path, "id"), node, node_id=node.id,
                     first_line=self.seen[node.id].line)
        else:
            self.seen[node.id] = here
        if parent is not None and not node.id.startswith(parent.id + "."):
            self.add("JY204", (*path, "id"), node, node_id=node.id, parent_id=parent.id)
        if node.children and node.parts:
            self.add("JY207", (*path, "parts"), node)
        if not in_bonus:
            self._points(node, path)
        elif not node.children and node.rule is None:
            self.add("JY200", path, node, where=node.id, reason=phrase("lint-bonus-rule"))
        self._rule(node, path)
        self._hand_values(node, path)
        for key in ("children", "parts"):
            for i, child in enumerate(getattr(node, key)):
                self.node(child, (*path, key, i), node, in_bonus)

    def _rule(self, node: Node, path: Path_) -> None:
        if node.rule is None:
            return
        if node.children or node.parts:
            self.add("JY208", (*path, "rule"), node, reason=phrase("lint-rule-leaf"))
        for below, reason in rules.lint(node):
            where = (*path, "rule", *below)
            while where not in self.doc.positions and len(where) > len(path):
                where = where[:-1]
            self.add("JY208", where, node, reason=reason)

    def _hand_values(self, node: Node, path: Path_) -> None:
        """Per-item ``step`` and ``allowed``: only on an item scored by hand, within its points."""
        if node.step is None and node.allowed is None:
            return
        key = "allowed" if node.allowed is not None else "step"
        if not rules.hand_scored(node) or node.parts:
            self.add("JY209", (*path, key), node, reason=phrase("lint-hand-only"))
            return
        cap = rules.item_cap(node)
        for value in node.allowed or ():
            if cap is not None and value > cap:
                self.add("JY209", (*path, "allowed"), node, reason=phrase(
                    "lint-over-points", value=format_decimal(value), points=format_decimal(cap)))
        if node.allowed is not None and len(set(node.allowed)) != len(node.allowed):
            self.add("JY209", (*path, "allowed"), node, reason=phrase("lint-allowed-twice"))

    def _points(self, node: Node, path: Path_) -> None:
        if node.points is None:
            if not node.children:
                self.add("JY206", path, node)
            return
        step = node.step or self.rubric.step
        if node.points % step:
            self.add("JY205", (*path, "points"), node, points=format_decimal(node.points),
                     step=format_decimal(step))
        for kind, members in (("children", node.children), ("parts", node.parts)):
            if members and all(m.points is not None for m in members):
                actual = sum((m.points for m in members if m.points is not None), Decimal(0))
                if actual != node.points:
                    self.add("JY201", (*path, "points"), node, kind=phrase(f"points-of-{kind}"),
                             actual=format_decimal(actual), declared=format_decimal(node.points))
