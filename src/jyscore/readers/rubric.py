"""Load a rubric file: YAML -> pydantic validation into :class:`~jyscore.core.models.Rubric` ->
consistency checks.

Every pydantic error and every inconsistency (duplicate ids, ids that do not extend their
parent's, points that do not add up, a node with both children and parts, a rule whose
parameters contradict each other) becomes a :class:`~jyscore.core.problems.Problem` pointing at the
line of the offending key and naming the item's id (:mod:`.rubric_errors` puts pydantic's
errors in words, :mod:`.rubric_totals` checks the adjustments, vetoes and grades). All of them are
reported at once.

There is one parser: pydantic. Commands on the built-in rubric must not pay for importing it,
so the validated built-in rubric is cached as a pickle keyed by the file's bytes, jyscore's
version and the model code (see :func:`_default_rubric`); without a usable cache it is validated.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jyscore.core import rules
from jyscore.core.models import Node, Rubric
from jyscore.core.numbers import (
    MAX_FRACTION_DIGITS,
    MAX_INTEGER_DIGITS,
    exact,
    format_decimal,
    parse_decimal,
)
from jyscore.core.problems import JyscoreError, Position, Problem, Severity, make_problem
from jyscore.i18n.messages import phrase
from jyscore.readers.document import Document, Limits, Path_
from jyscore.readers.rubric_cache import cache_file, cache_stamp, read_cache, write_cache
from jyscore.readers.rubric_errors import validation_problems, where_in_rubric
from jyscore.readers.rubric_totals import totals_problems
from jyscore.readers.yamlsource import load, parse

if TYPE_CHECKING:
    from pydantic import TypeAdapter

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
    stamp = cache_stamp(raw)
    cache = cache_file(stamp) if stamp is not None else None
    cached = read_cache(cache, stamp) if cache is not None and stamp is not None else None
    if cached is not None:
        return cached
    doc = parse(raw.decode("utf-8"), f"<built-in {DEFAULT_RUBRIC}>", RUBRIC_LIMITS)
    rubric = rubric_from_document(doc)
    if cache is not None and stamp is not None:
        write_cache(cache, stamp, rubric)
    return rubric


def _default_rubric_bytes() -> bytes:
    """The built-in rubric: ``jyscore/rubrics/`` in an installed package, where the build copies
    the repository's ``rubric/`` (see ``setup.py``); in an editable install, which runs the
    checkout's ``src/``, that ``rubric/`` folder itself."""
    name = f"{DEFAULT_RUBRIC}.yaml"
    # beside the code, found as the catalogues are: importlib.resources costs ~4 ms of start-up
    packaged = Path(__file__).resolve().parent.parent / "rubrics" / name
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
        raise JyscoreError(validation_problems(exc, doc)) from None
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
            where, node_id, node_name = where_in_rubric(here, doc)
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
