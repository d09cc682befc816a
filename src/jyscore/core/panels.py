"""Assessor panels: the sheets of several assessors of one college and year made one result.

Pure: no printing, no I/O. A sheet naming its ``assessor`` belongs to the panel of its college
and year (:func:`group_sheets`); each member's sheet is scored by the engine as it is, and
:func:`build_panel` aggregates those per-sheet :class:`~jyscore.core.engine.Result` s exactly:

* ``level: total`` — each assessor's base, bonus, total, primary subtotal (every row) is
  aggregated on its own: with ``median`` the published total need not be base + bonus;
* ``level: item`` — each scorable item (and bonus item) is aggregated, groups and totals are
  the exact sums of those (with the assessors' adjustments to the total, aggregated likewise).

A veto (一票否决) that any assessor reports is the panel's: it sets the published total and grade
as it would a single sheet's.

The methods are ``mean``, ``median`` (the mean of the two middle values for an even count) and
``trimmed-mean`` (one highest and one lowest dropped; at least 3 assessors). Every aggregate is a
:class:`~fractions.Fraction` (the mean of 88.5, 90 and 91 is 539/6) until it is published:
rounded half-up to the panel's ``places``, once, at the end (:func:`publish`). What is published
is what is ranked.

The self-assessment is the college's own: the members' sheets may leave it out or repeat it,
and where they give it they must agree. An assessor is one person however the name is spaced or
whether it is typed in full-width characters (:func:`identity`): the first spelling of a run is
the one shown, and every other spelling is warned about.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from jyscore.core.engine import BonusRow, Result, Row, Totals, score
from jyscore.core.models import (
    ASSESSED,
    SELF,
    AdjustmentEntry,
    Entry,
    Node,
    Rubric,
    Sheet,
    Veto,
    VetoEntry,
)
from jyscore.core.numbers import ZERO
from jyscore.core.panel_checks import self_agreement_problems, spread_problems
from jyscore.core.panel_figures import (
    TRIMMED_MINIMUM,
    Figure,
    adjustment_key,
    aggregate,
    figure,
    publish,
    summed,
)
from jyscore.core.panel_grouping import (
    CollegeYear,
    Grouping,
    SheetLike,
    duplicate_problems,
    field_position,
    folder_year_problems,
    group_sheets,
    one_panel_problems,
)
from jyscore.core.panel_model import Member, Panel, PanelSettings, PanelSummary, PanelTotals
from jyscore.core.problems import JyscoreError, Problem, make_problem
from jyscore.core.text import identity
from jyscore.core.totals import AppliedAdjustment, final_grade, vetoed_total

__all__ = [  # the panel's public names, wherever they are defined
    "TRIMMED_MINIMUM", "CollegeYear", "Figure", "Grouping", "Member", "Panel", "PanelSettings",
    "PanelSummary", "PanelTotals", "SheetLike", "adjustment_key", "aggregate", "build_panel",
    "figure", "folder_year_problems", "group_sheets", "identity", "one_panel_problems", "publish",
    "score_panel", "self_agreement_problems", "spread_problems", "summed",
]


def build_panel(
    rubric: Rubric, members: Sequence[Member], settings: PanelSettings
) -> Panel:
    """Aggregate the members' results; raise :class:`JyscoreError` with JY314 (self scores that
    differ) and JY315 (too few assessors for the method)."""
    if not members:
        raise ValueError("a panel needs at least one member")
    problems = self_agreement_problems(members, rubric)
    if settings.method == "trimmed-mean" and len(members) < TRIMMED_MINIMUM:
        first = members[0].result.sheet
        problems.append(make_problem(
            "JY315", first.source, field_position(first, "assessor"), college=first.college,
            year=first.year, count=len(members), method=settings.method,
            minimum=TRIMMED_MINIMUM, files=", ".join(m.source for m in members),
        ))
    if problems:
        raise JyscoreError(problems)
    return _Aggregator(rubric, tuple(members), settings).panel()


# base, bonus, adjustments and total, each None when a member lacks a figure it is made of
_TotalFigures = tuple[Figure | None, Figure | None, Figure | None, Figure | None]


class _Aggregator:
    def __init__(
        self, rubric: Rubric, members: tuple[Member, ...], settings: PanelSettings
    ) -> None:
        self.rubric = rubric
        self.members = members
        self.settings = settings
        self.assessed = all(m.result.sheet.has_column(ASSESSED) for m in members)
        self.own = next((m.result for m in members if m.result.sheet.has_column(SELF)), None)
        first = members[0].result
        self.index = {row.node.id: i for i, row in enumerate(first.rows)}
        self.bonus_index = {row.node.id: i for i, row in enumerate(first.bonus_rows)}
        self.figures: dict[str, Figure] = {}

    def _values(self, rows_of: str, index: int) -> list[Decimal] | None:
        values = []
        for member in self.members:
            rows: tuple[Row, ...] = getattr(member.result, rows_of)
            value = rows[index].scores.get(ASSESSED)
            if value is None:
                return None
            values.append(value)
        return values

    def _aggregate(self, key: str, values: Sequence[Decimal] | None) -> Figure | None:
        if values is None:
            return None
        found = figure(values, self.settings.method, self.settings.places)
        self.figures[key] = found
        return found

    def _sum(self, key: str, parts: list[Figure | None], values: Sequence[Decimal] | None
             ) -> Figure | None:
        if values is None or any(p is None for p in parts):
            return None
        found = summed([p for p in parts if p is not None], values, self.settings.places)
        self.figures[key] = found
        return found

    # -- level item: items aggregated, everything above them summed ----------------------------

    def _item_level(self, node: Node) -> Figure | None:
        values = self._values("rows", self.index[node.id])
        if not node.children:
            for part in node.parts:  # shown under the item; its aggregate is not summed
                self._aggregate(part.id, self._values("rows", self.index[part.id]))
            return self._aggregate(node.id, values)
        return self._sum(node.id, [self._item_level(c) for c in node.children], values)

    def _bonus_item_level(self) -> list[Figure | None]:
        leaves: list[Figure | None] = []
        for root in self.rubric.bonus:
            for node, _ in root.walk():
                if node.children or node.rule is None:
                    continue
                leaves.append(self._aggregate(node.id, self._values("bonus_rows",
                                                                    self.bonus_index[node.id])))
        for root in self.rubric.bonus:
            for node, _ in root.walk():
                if node.rule is None:
                    parts = [self.figures.get(leaf.id) for leaf in node.leaves() if leaf.rule]
                    values = self._values("bonus_rows", self.bonus_index[node.id])
                    self._sum(node.id, list(parts), values)
        return leaves

    # -- the whole panel -----------------------------------------------------------------------

    def _totals(self) -> PanelTotals | None:
        """The published totals, when every member has assessed totals (else None)."""
        if not self.assessed:
            return None
        member_totals = [m.totals for m in self.members]
        known = [t for t in member_totals if t is not None]
        if len(known) < len(member_totals):
            return None
        if self.settings.level == "total":
            base, bonus, adjustment, total = self._aggregated_totals(known)
        else:
            base, bonus, adjustment, total = self._summed_totals(known)
        assert base is not None and bonus is not None and total is not None
        vetoes = self._reported_vetoes(known)
        vetoed = vetoed_total(vetoes) if vetoes else None
        published = total.published if vetoed is None else vetoed
        return PanelTotals(base.published, bonus.published, self._each_adjustment(),
                           vetoes=vetoes, grade=final_grade(published, vetoes, self.rubric.grades),
                           published_total=published,
                           published_adjustment=adjustment.published if adjustment else ZERO)

    def _aggregated_totals(self, member_totals: Sequence[Totals]) -> _TotalFigures:
        """``level: total``: every row, the base, bonus, adjustments and total aggregated on
        their own."""
        for node, _ in self._nodes():
            rows_of, index = self._where(node)
            self._aggregate(node.id, self._values(rows_of, index))
        base = self._aggregate("base", [t.base for t in member_totals])
        bonus = self._aggregate("bonus", [t.bonus for t in member_totals])
        adjustment = self._adjustments(member_totals)
        total = self._aggregate("total", [t.scored for t in member_totals])  # before any veto
        return base, bonus, adjustment, total

    def _summed_totals(self, member_totals: Sequence[Totals]) -> _TotalFigures:
        """``level: item``: the items aggregated, the groups, base, bonus and total the exact
        sums of them (the adjustments aggregated and added)."""
        primaries = [self._item_level(root) for root in self.rubric.indicators]
        leaves = self._bonus_item_level()
        base = self._sum("base", list(primaries), [t.base for t in member_totals])
        bonus = self._sum("bonus", leaves, [t.bonus for t in member_totals])
        adjustment = self._adjustments(member_totals)
        parts = [base, bonus] + ([adjustment] if adjustment is not None else [])
        total = self._sum("total", parts, [t.scored for t in member_totals])  # before any veto
        return base, bonus, adjustment, total

    def _reported_vetoes(self, member_totals: Sequence[Totals]) -> tuple[Veto, ...]:
        """The vetoes any member reports, in the rubric's order: a veto is a fact about the
        college, so any assessor who reports it makes it the panel's."""
        reported = {v.id for t in member_totals for v in t.vetoes}
        return tuple(v for v in self.rubric.vetoes if v.id in reported)

    def _adjustments(self, member_totals: Sequence[Totals]) -> Figure | None:
        """Each assessor's adjustments (their signed sum), aggregated like any other figure."""
        if not self.rubric.adjustments:
            return None
        return self._aggregate("adjustments", [t.adjustment for t in member_totals])

    def _each_adjustment(self) -> tuple[AppliedAdjustment, ...]:
        """Each adjustment any assessor enters, its amount aggregated (an assessor who does not
        enter it counts 0); shown beside the figures, the total uses :meth:`_adjustments`."""
        applied = []
        for adjustment in self.rubric.adjustments:
            amounts: list[Decimal] = []
            entered = False
            for member in self.members:
                totals = member.totals
                found = [a for a in (totals.adjustments if totals else ())
                         if a.adjustment.id == adjustment.id]
                entered = entered or bool(found)
                amounts.append(found[0].amount if found else ZERO)
            if entered:
                amount = self._aggregate(adjustment_key(adjustment.id), amounts)
                assert amount is not None
                applied.append(AppliedAdjustment(adjustment, amount.published))
        return tuple(applied)

    def _nodes(self) -> Iterable[tuple[Node, int]]:
        return self.rubric.walk()

    def _where(self, node: Node) -> tuple[str, int]:
        if node.id in self.index:
            return "rows", self.index[node.id]
        return "bonus_rows", self.bonus_index[node.id]

    def _row(self, row: Row, own: Row | None) -> dict[str, Decimal | None]:
        found = self.figures.get(row.node.id) if self.assessed else None
        return {
            SELF: own.scores.get(SELF) if own is not None else None,
            ASSESSED: found.published if found is not None else None,
        }

    def panel(self) -> Panel:
        totals = self._totals()
        first = self.members[0].result
        own = self.own
        rows = tuple(
            Row(row.node, row.depth, self._row(row, own.rows[i] if own else None), row.is_part)
            for i, row in enumerate(first.rows)
        )
        bonus_rows = tuple(
            BonusRow(row.node, row.depth, self._row(row, own.bonus_rows[i] if own else None),
                     row.is_part, entry=self._common_entry(i))
            for i, row in enumerate(first.bonus_rows)
        )
        columns = tuple(c for c, present in ((SELF, own is not None), (ASSESSED, self.assessed))
                        if present)
        sheet = first.sheet
        rubric_id = next((m.result.sheet.rubric_id for m in self.members
                          if m.result.sheet.rubric_id), None)
        panel_sheet = Sheet(sheet.source, sheet.college, sheet.year, rubric_id, {}, columns,
                            (), dict(sheet.positions),
                            adjustments=self._adjustment_entries(totals),
                            vetoes=self._veto_entries(totals))
        result = Result(self.rubric, panel_sheet, rows, bonus_rows, {
            SELF: own.totals.get(SELF) if own else None,
            ASSESSED: totals,
        })
        return Panel(self.members, self.settings, result, dict(self.figures))

    def _common_note(self, notes: Iterable[str | None]) -> str | None:
        """The note every member who writes one writes alike (none when they differ)."""
        given = {n for n in notes if n}
        return given.pop() if len(given) == 1 else None

    def _adjustment_entries(self, totals: PanelTotals | None) -> tuple[AdjustmentEntry, ...]:
        """The panel's adjustments as a sheet's: the college's own amount and the aggregate."""
        own = {e.adjustment_id: e for e in self.own.sheet.adjustments} if self.own else {}
        published = {a.adjustment.id: a.amount for a in totals.adjustments} if totals else {}
        entries = []
        for adjustment in self.rubric.adjustments:
            mine = own.get(adjustment.id)
            if mine is None and adjustment.id not in published:
                continue
            note = self._common_note(e.note for m in self.members
                                     for e in m.result.sheet.adjustments
                                     if e.adjustment_id == adjustment.id)
            entries.append(AdjustmentEntry(adjustment.id, mine.self if mine else None,
                                           published.get(adjustment.id), note))
        return tuple(entries)

    def _veto_entries(self, totals: PanelTotals | None) -> tuple[VetoEntry, ...]:
        """The panel's vetoes as a sheet's: the college's own report and the panel's."""
        own = {e.veto_id: e for e in self.own.sheet.vetoes} if self.own else {}
        reported = {v.id for v in totals.vetoes} if totals else set()
        entries = []
        for veto in self.rubric.vetoes:
            mine = own.get(veto.id)
            if (mine is None or not mine.self) and veto.id not in reported:
                continue
            note = self._common_note(e.note for m in self.members
                                     for e in m.result.sheet.vetoes
                                     if e.veto_id == veto.id and e.assessed)
            entries.append(VetoEntry(veto.id, bool(mine and mine.self), veto.id in reported, note))
        return tuple(entries)

    def _common_entry(self, index: int) -> Entry | None:
        """A bonus row's entry when every member gives the same inputs (to show them), else None."""
        entries = [m.result.bonus_rows[index].entry for m in self.members]
        first = entries[0]
        if first is None or any(e is None or e.inputs != first.inputs for e in entries):
            return None
        return first


def score_panel(
    rubric: Rubric, sheets: Sequence[Sheet], settings: PanelSettings
) -> tuple[Panel, list[Problem]]:
    """Sheets given as one panel (``jyscore score a.yaml b.yaml``) scored and aggregated.

    Returns the panel and its warnings; raises :class:`JyscoreError` with every problem when the
    sheets are not one panel: several colleges or years, an assessor twice, a sheet
    without an assessor among several, self scores that differ, too few for the method.
    """

    grouping = group_sheets(sheets)
    problems = [*one_panel_problems(sheets), *grouping.problems]
    if all(s.assessor is None for s in sheets):  # one sheet given twice, as the run checks it
        problems.extend(duplicate_problems(sheets))
    if any(p.is_error for p in problems):
        raise JyscoreError(problems)
    members = [Member(grouping.name(s.assessor or ""), score(rubric, s)) for s in sheets]
    return build_panel(rubric, members, settings), problems

