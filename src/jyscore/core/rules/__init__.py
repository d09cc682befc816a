"""The rule kinds a rubric item may carry, one module each, and the one registry of them.

A new kind is a new module (parameters, inputs, compute with explanation, Excel formula, JSON
Schema fragment: see :class:`.base.RuleKind`) defining ``KIND``, and one line in :data:`KINDS`.
Everything else in jyscore asks the functions below, never which kind a rule is.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from jyscore.core.rules.base import Explain, Finding, InputSpec, RuleKind, Values, capped, floored
from jyscore.i18n.messages import Phrase, phrase

if TYPE_CHECKING:  # the models import the kinds, at run time
    from jyscore.core.models import Labels, Node

class KindRegistry(Mapping[str, RuleKind]):
    """Rule kind name -> its :class:`RuleKind`, the ``KIND`` of the kind's module, which is
    imported the first time the kind is asked for: scoring with a rubric imports only the kinds it
    uses (the rubric's cached rules import theirs as they are read); validating a rubric file asks
    for them all. ``tests/test_rules.py`` checks every entry resolves to the kind of its name."""

    def __init__(self, modules: Mapping[str, str]) -> None:
        self._modules = dict(modules)
        self._loaded: dict[str, RuleKind] = {}

    def __getitem__(self, name: str) -> RuleKind:
        kind = self._loaded.get(name)
        if kind is None:
            kind = importlib.import_module(self._modules[name]).KIND
            if not isinstance(kind, RuleKind):
                raise TypeError(f"{self._modules[name]}.KIND is not a RuleKind")
            self._loaded[name] = kind
        return kind

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


KINDS = KindRegistry({
    "manual": "jyscore.core.rules.manual",
    "per_unit": "jyscore.core.rules.per_unit",
    "deduction": "jyscore.core.rules.deduction",
    "steps": "jyscore.core.rules.steps",
    "rate_steps": "jyscore.core.rules.rate_steps",
    "tiers": "jyscore.core.rules.tiers",
    "counters": "jyscore.core.rules.counters",
    "formula": "jyscore.core.rules.formula",
})

__all__ = ["KINDS", "Explain", "Finding", "InputSpec", "kind_of", "input_specs", "hand_scored",
           "item_cap", "evaluate", "Values"]


def kind_of(node: Node) -> RuleKind | None:
    return KINDS[node.rule.kind] if node.rule is not None else None


def hand_scored(node: Node) -> bool:
    """Whether the item is scored by hand in the 自评/考核 columns (no rule, or ``manual``)."""
    kind = kind_of(node)
    return not node.children and (kind is None or kind.hand_scored)


def input_specs(node: Node) -> tuple[InputSpec, ...]:
    """The inputs a sheet gives for the item beyond its score columns."""
    kind = kind_of(node)
    if kind is None or kind.hand_scored:
        return ()
    return kind.inputs(node.rule, node)


def entry_fields(node: Node) -> tuple[str, ...]:
    """The keys of the item's entry in a sheet, before ``note``."""
    if hand_scored(node):
        return ("self", "assessed")
    return tuple(s.name for s in input_specs(node))


def item_cap(node: Node) -> Decimal | None:
    """The most the item gives: its points, or what its rule can give (the 分值 shown)."""
    kind = kind_of(node)
    rule_cap = kind.cap(node.rule, node) if kind is not None else None
    if node.points is not None and (rule_cap is None or node.points < rule_cap):
        return node.points
    return rule_cap


def check(node: Node, values: Values) -> list[Finding]:
    kind = kind_of(node)
    return kind.check(node.rule, values) if kind is not None else []


def replaced(node: Node, own: frozenset[str]) -> frozenset[str]:
    """The inherited inputs that a column's ``own`` inputs replace (see RuleKind.replaced)."""
    kind = kind_of(node)
    return kind.replaced(node.rule, own) if kind is not None else frozenset()


def evaluate(node: Node, values: Values, say: Explain | None = None) -> Decimal:
    """The item's points from one column's inputs: its rule, then the item's own points as a cap
    and 0 as a floor."""
    kind = kind_of(node)
    assert kind is not None
    say = say or Explain()
    points = kind.compute(node.rule, node, values, say)
    if node.points is not None:
        points = capped(points, node.points, say)
    return floored(points, say)


def describe(node: Node, labels: Labels | None = None) -> str:
    """The item's rule in words, its inputs named as the rubric's ``labels`` name them."""
    kind = kind_of(node)
    return kind.describe(node.rule, node, labels) if kind is not None else ""


RESERVED_NAMES = frozenset({"self", "assessed", "note"})


def lint(node: Node) -> list[tuple[tuple[str | int, ...], Phrase]]:
    """The rule's own checks, then what holds for every kind: no input named like a sheet key,
    and a rule that cannot give more than the item's points."""
    kind = kind_of(node)
    if kind is None:
        return []
    found = kind.lint(node.rule, node)
    if not kind.hand_scored:
        for spec in kind.inputs(node.rule, node):
            if spec.name in RESERVED_NAMES:
                found.append(((), phrase("lint-reserved-name", input=spec.name)))
    rule_cap = kind.cap(node.rule, node)
    if node.points is not None and rule_cap is not None and rule_cap > node.points:
        found.append(((), phrase("lint-over-points", value=f"{rule_cap.normalize():f}",
                               points=f"{node.points.normalize():f}")))
    return found


def excel(node: Node, cells: Mapping[str, str]) -> str:
    kind = kind_of(node)
    assert kind is not None
    formula = kind.excel(node.rule, node, cells)
    if node.points is not None:
        formula = f"MIN({Decimal(node.points).normalize():f},{formula})"
    return f"MAX(0,{formula})"


def schema(node: Node) -> dict[str, Any]:
    kind = kind_of(node)
    return kind.schema(node.rule, node) if kind is not None else {}
