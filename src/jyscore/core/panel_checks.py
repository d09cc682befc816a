"""The checks of what a panel's assessors scored: the college's self scores must agree between
their sheets (JY314), and with a ``max_spread``, assessors far apart on a score are warned about
(JY319). Pure: problems are returned, never printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jyscore.core.engine import Result, Row
from jyscore.core.models import ASSESSED, SELF, Node, Rubric, Sheet
from jyscore.core.numbers import format_decimal
from jyscore.core.panel_grouping import field_position
from jyscore.core.panel_model import Member, Panel
from jyscore.core.problems import Position, Problem, Severity, make_problem


def _row_index(result: Result) -> dict[str, tuple[str, int]]:
    """Where each node's row is in a result: ("rows" or "bonus_rows", its index)."""
    index = {row.node.id: ("rows", i) for i, row in enumerate(result.rows)}
    index.update({row.node.id: ("bonus_rows", i) for i, row in enumerate(result.bonus_rows)})
    return index


def _score(result: Result, where: tuple[str, int], column: str) -> Decimal | None:
    rows: tuple[Row, ...] = getattr(result, where[0])
    return rows[where[1]].scores.get(column)


def _entry_position(sheet: Sheet, node: Node) -> Position:
    """Where an item is scored in a sheet: its entry, or its first part's, else ``scores``."""
    entry = sheet.entries.get(node.id) or next(
        (sheet.entries[p.id] for p in node.parts if p.id in sheet.entries), None)
    return (entry.position if entry else None) or field_position(sheet, "scores")


def self_agreement_problems(members: Sequence[Member], rubric: Rubric) -> list[Problem]:
    """JY314 for every item whose self score differs from the first sheet that gives one.

    An item is compared as scored (whole, or the sum of its parts: one sheet may score it either
    way); a bonus item by the self score its entry gives, where both sheets give one.
    """
    givers = [m for m in members if m.result.sheet.has_column(SELF)]
    problems: list[Problem] = []
    if len(givers) < 2:
        return problems
    first = givers[0].result
    index = _row_index(first)
    for member in givers[1:]:
        sheet = member.result.sheet
        for node in (*rubric.items, *rubric.bonus_items):
            if node.rule is None:
                own = _score(member.result, index[node.id], SELF)
                other = _score(first, index[node.id], SELF)
            else:
                mine, theirs = sheet.entries.get(node.id), first.sheet.entries.get(node.id)
                own, other = (mine.self if mine else None), (theirs.self if theirs else None)
            if own is None or other is None or own == other:
                continue
            problems.append(make_problem(
                "JY314", sheet.source, _entry_position(sheet, node), item_id=node.id,
                item_name=node.name, value=format_decimal(own), other_value=format_decimal(other),
                other=first.sheet.source,
            ))
    return problems


def _text(value: Decimal | None) -> str:
    return "—" if value is None else format_decimal(value)


def spread_problems(panel: Panel, rubric: Rubric, max_spread: Decimal) -> list[Problem]:
    """JY319 (a warning) for every score the panel's assessors gave that differs by more than
    ``max_spread`` points between them, on the sheet of the highest, at that score's line.

    What is compared is what the assessors scored: an item's parts where they scored it through
    its parts (each part at its own line), the item where they scored it whole; where some did
    one and some the other, the item (the only figure they share) and the parts among those who
    scored them.
    """
    problems: list[Problem] = []
    index = _row_index(panel.members[0].result)
    for node in (*rubric.items, *rubric.bonus_items):
        through_parts = [
            bool(node.parts) and node.id not in m.result.sheet.entries
            and any(p.id in m.result.sheet.entries for p in node.parts)
            for m in panel.members
        ]
        if not all(through_parts):
            problems.extend(_spread(panel, node, list(panel.members), index, max_spread))
        if sum(through_parts) >= 2:
            scorers = [m for m, parts in zip(panel.members, through_parts, strict=False) if parts]
            for part in node.parts:
                problems.extend(_spread(panel, part, scorers, index, max_spread))
    return problems


def _spread(panel: Panel, node: Node, members: list[Member], index: dict[str, tuple[str, int]],
            max_spread: Decimal) -> list[Problem]:
    """JY319 for ``node`` when ``members``' assessed scores of it differ by more than allowed."""
    values = [_score(m.result, index[node.id], ASSESSED) for m in members]
    known = [v for v in values if v is not None]
    if len(known) < 2 or max(known) - min(known) <= max_spread:
        return []
    sheet = members[values.index(max(known))].result.sheet
    scores = ", ".join(f"{m.assessor} {_text(v)}" for m, v in zip(members, values, strict=False))
    return [make_problem(
        "JY319", sheet.source, _entry_position(sheet, node), item_id=node.id,
        item_name=node.name, severity=Severity.WARNING,
        spread=format_decimal(max(known) - min(known)), scores=scores,
        max_spread=format_decimal(max_spread),
    )]
