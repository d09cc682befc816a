"""The warnings about one sheet that loaded, worked out with it (in a worker for big runs):

* ``JY304`` a sheet not yet assessed;
* ``JY305`` a self score more than ``max_gap`` above the assessed one;
* ``JY306`` an item whose rubric entry asks for evidence but carries no note.
"""

from __future__ import annotations

from decimal import Decimal

from jyscore.core.models import Entry, Node, Rubric, Sheet
from jyscore.core.numbers import format_decimal
from jyscore.core.problems import Position, Problem, Severity, make_problem


def sheet_problems(sheet: Sheet, rubric: Rubric, max_gap: Decimal | None = None) -> list[Problem]:
    """The warnings about one loaded sheet: not assessed, self far above assessed, no evidence."""
    problems: list[Problem] = []
    if not sheet.has_column("assessed"):
        problems.append(_warning("JY304", sheet, sheet.positions.get("scores")))
    if max_gap is not None:
        for entry in sheet.entries.values():
            problems.extend(_gap(sheet, rubric.nodes[entry.item_id], entry, max_gap))
    problems.extend(_evidence(sheet, rubric))
    return problems


def _warning(
    code: str, sheet: Sheet, at: Position | None, node: Node | None = None, **params: object
) -> Problem:
    return make_problem(
        code, sheet.source, at or Position(), item_id=node.id if node else None,
        item_name=node.name if node else None, severity=Severity.WARNING, **params,
    )


def _gap(sheet: Sheet, node: Node, entry: Entry, max_gap: Decimal) -> list[Problem]:
    if entry.self is None or entry.assessed is None:
        return []
    gap = entry.self - entry.assessed
    if gap <= max_gap:
        return []
    return [
        _warning(
            "JY305", sheet, entry.position, node, self=format_decimal(entry.self),
            gap=format_decimal(gap), assessed=format_decimal(entry.assessed),
            max_gap=format_decimal(max_gap),
        )
    ]


def _evidence(sheet: Sheet, rubric: Rubric) -> list[Problem]:
    """Items (or parts) marked ``evidence: true`` whose scored entries carry no note.

    An item scored through its parts is covered by a note on any of them; a part is covered by a
    note on itself or, when the item is scored whole, on the item.
    """
    problems = []
    nodes, part_owner = rubric.nodes, rubric.part_owner
    for item_id in rubric.scorable_ids:
        node = nodes[item_id]
        if not node.evidence:
            continue
        owner = part_owner.get(item_id)
        related = [item_id, *(p.id for p in node.parts), *([owner.id] if owner else [])]
        entries = [sheet.entries[i] for i in related if i in sheet.entries]
        if entries and not any(e.note and e.note.strip() for e in entries):
            problems.append(_warning("JY306", sheet, entries[0].position, node))
    return problems
