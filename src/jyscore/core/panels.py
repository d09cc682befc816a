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

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import PurePath
from typing import Generic, Protocol, TypeVar

from jyscore.core.engine import BonusRow, Result, Row, Totals
from jyscore.core.models import (
    ASSESSED,
    PANEL_LEVELS,
    PANEL_METHODS,
    SELF,
    AdjustmentEntry,
    Entry,
    Node,
    Rubric,
    Sheet,
    VetoEntry,
)
from jyscore.core.numbers import ZERO, format_decimal, round_half_up
from jyscore.core.problems import NOWHERE, JyscoreError, Position, Problem, Severity, make_problem
from jyscore.core.text import identity as name_identity
from jyscore.core.totals import AppliedAdjustment, final_grade, vetoed_total

TRIMMED_MINIMUM = 3  # one highest and one lowest are dropped: at least one figure must remain


@dataclass(frozen=True)
class PanelSettings:
    """The method, level and places in force: the rubric's ``panel:``, ``--panel`` overriding."""

    method: str = "mean"
    level: str = "total"
    places: int = 2

    def __post_init__(self) -> None:
        if self.method not in PANEL_METHODS:
            raise ValueError(f"method must be one of {PANEL_METHODS}, not {self.method!r}")
        if self.level not in PANEL_LEVELS:
            raise ValueError(f"level must be one of {PANEL_LEVELS}, not {self.level!r}")
        if self.places < 0:
            raise ValueError("places must not be negative")

    @classmethod
    def of(cls, rubric: Rubric, method: str | None = None) -> PanelSettings:
        spec = rubric.panel
        return cls(method or spec.method, spec.level, spec.places)


# -- exact aggregation -----------------------------------------------------------------------------

def aggregate(
    values: Sequence[Decimal | Fraction], method: str
) -> tuple[Fraction, tuple[bool, ...]]:
    """The exact aggregate of ``values`` and, for each value, whether the method used it.

    Raises :class:`ValueError` for no values, and for ``trimmed-mean`` of fewer than 3.
    """
    if not values:
        raise ValueError("nothing to aggregate")
    exact = [Fraction(v) for v in values]
    count = len(exact)
    if method == "mean":
        return sum(exact, Fraction(0)) / count, (True,) * count
    order = sorted(range(count), key=lambda i: (exact[i], i))  # ties: the earlier one first
    if method == "median":
        middle = order[(count - 1) // 2: count // 2 + 1]
        kept = tuple(i in middle for i in range(count))
        return sum((exact[i] for i in middle), Fraction(0)) / len(middle), kept
    if method == "trimmed-mean":
        if count < TRIMMED_MINIMUM:
            raise ValueError(f"trimmed-mean needs at least {TRIMMED_MINIMUM} values, not {count}")
        dropped = {order[0], order[-1]}
        kept = tuple(i not in dropped for i in range(count))
        used = [v for v, k in zip(exact, kept, strict=False) if k]
        return sum(used, Fraction(0)) / len(used), kept
    raise ValueError(f"unknown method {method!r}; expected one of {PANEL_METHODS}")


def adjustment_key(adjustment_id: str) -> str:
    """The key of an adjustment's aggregated amount among a panel's figures."""
    return f"adjustment:{adjustment_id}"


publish = round_half_up  # a panel's figures are published rounded half-up, once, at the end


@dataclass(frozen=True)
class Figure:
    """One published figure: each assessor's value, whether the method kept it, the exact
    aggregate and the published (rounded) one. What ``explain`` shows of a panel."""

    values: tuple[Decimal, ...]
    kept: tuple[bool, ...]
    exact: Fraction
    published: Decimal

    @property
    def dropped(self) -> tuple[int, ...]:
        return tuple(i for i, k in enumerate(self.kept) if not k)


def figure(values: Sequence[Decimal], method: str, places: int) -> Figure:
    exact, kept = aggregate(values, method)
    return Figure(tuple(values), kept, exact, publish(exact, places))


def summed(parts: Iterable[Figure], values: Sequence[Decimal], places: int) -> Figure:
    """A figure that is the exact sum of others (``level: item``): every value counts."""
    exact = sum((p.exact for p in parts), Fraction(0))
    return Figure(tuple(values), (True,) * len(values), exact, publish(exact, places))


@dataclass(frozen=True)
class PanelTotals(Totals):
    """A panel's published totals: base and bonus rounded, and the total published on its own
    (``level: total`` aggregates it separately, so it need not be their sum)."""

    published_total: Decimal = Decimal(0)
    # the adjustments' figure, aggregated on its own (``adjustments`` holds each adjustment's
    # aggregated amount: under a median their sum need not be this)
    published_adjustment: Decimal = Decimal(0)

    @property
    def total(self) -> Decimal:
        return self.published_total

    @property
    def adjustment(self) -> Decimal:
        return self.published_adjustment


# -- who belongs to which panel ----------------------------------------------------------------

def identity(name: str) -> str:
    """An assessor's identity: a name's identity (:func:`jyscore.core.text.identity`: NFKC, format
    characters dropped) with every blank removed (``王 老师`` is ``王老师``)."""
    return "".join(name_identity(name).split())


class CollegeYear(Protocol):
    """What a check of colleges and years reads of a sheet (a :class:`~jyscore.core.models.Sheet`,
    a smaller key): the duplicate check of :mod:`jyscore.pipeline.validate` and the grouping
    here."""

    @property
    def source(self) -> str: ...

    @property
    def college(self) -> str: ...

    @property
    def year(self) -> int: ...

    @property
    def positions(self) -> Mapping[str, Position]: ...


class SheetLike(CollegeYear, Protocol):
    """What grouping reads of a sheet: its college and year, and who assessed it."""

    @property
    def assessor(self) -> str | None: ...


S = TypeVar("S", bound=SheetLike)


@dataclass(frozen=True)
class Grouping(Generic[S]):
    """The sheets of a run sorted out: unnamed ones (ranked as before), the panels (named
    sheets of one college and year, in run order), the problems found, and each identity's
    first spelling (the name shown)."""

    singles: tuple[S, ...]
    panels: tuple[tuple[S, ...], ...]
    problems: tuple[Problem, ...]
    names: Mapping[str, str] = field(default_factory=dict)

    def name(self, assessor: str) -> str:
        return self.names.get(identity(assessor), assessor)


def _at(sheet: SheetLike, name: str) -> Position:
    return sheet.positions.get(name) or sheet.positions.get("college") or NOWHERE


def group_sheets(sheets: Sequence[S]) -> Grouping[S]:
    """Sort ``sheets`` into singles and panels; report JY311 (an assessor twice for a college
    and year), JY312 (a panel with an unnamed sheet) and JY313 (a name spelled two ways)."""
    names: dict[str, str] = {}
    first_at: dict[str, S] = {}
    problems: list[Problem] = []
    for sheet in sheets:
        if sheet.assessor is None:
            continue
        key = identity(sheet.assessor)
        if key not in names:
            names[key], first_at[key] = sheet.assessor, sheet
        elif names[key] != sheet.assessor:
            problems.append(make_problem(
                "JY313", sheet.source, _at(sheet, "assessor"), severity=Severity.WARNING,
                assessor=sheet.assessor, spelling=names[key], other=first_at[key].source,
            ))
    groups: dict[tuple[str, int], list[S]] = {}
    for sheet in sheets:  # one college however it is spelt, as the duplicate check has it
        groups.setdefault((name_identity(sheet.college), sheet.year), []).append(sheet)
    singles: list[S] = []
    panels: list[tuple[S, ...]] = []
    for (_, year), members in groups.items():
        college = members[0].college
        named = [s for s in members if s.assessor is not None]
        unnamed = [s for s in members if s.assessor is None]
        if not named:
            singles.extend(unnamed)
            continue
        files = ", ".join(s.source for s in named)
        for sheet in unnamed:
            problems.append(make_problem("JY312", sheet.source, _at(sheet, "college"),
                                         college=college, year=year, files=files))
        seen: dict[str, S] = {}
        panel: list[S] = []
        for sheet in named:
            assert sheet.assessor is not None
            key = identity(sheet.assessor)
            if key in seen:
                problems.append(make_problem(
                    "JY311", sheet.source, _at(sheet, "assessor"), assessor=sheet.assessor,
                    college=college, year=year, other=seen[key].source,
                ))
                continue
            seen[key] = sheet
            panel.append(sheet)
        panels.append(tuple(panel))
    order = {id(s): i for i, s in enumerate(sheets)}
    singles.sort(key=lambda s: order[id(s)])
    return Grouping(tuple(singles), tuple(panels), tuple(problems), names)


T = TypeVar("T")


def _odd_ones(sheets: Sequence[S], value_of: Callable[[S], T]) -> list[tuple[S, T, str]]:
    """The sheets whose value differs from the most common one among ``sheets`` (on a tie, the
    value of the earliest sheet), each with that value and the files that give it."""
    counts: dict[T, int] = {}
    for sheet in sheets:
        counts[value_of(sheet)] = counts.get(value_of(sheet), 0) + 1
    common = max(counts, key=lambda v: counts[v])  # the first of the most common (dicts keep order)
    files = ", ".join(s.source for s in sheets if value_of(s) == common)
    return [(s, common, files) for s in sheets if value_of(s) != common]


def folder_year_problems(sheets: Sequence[S]) -> list[Problem]:
    """JY316 for a sheet naming an assessor whose folder holds named sheets of the same college
    for another year: a folder of one college's assessor sheets is one panel, of one year. The
    problem is on the sheet(s) whose year is not the one most of them give (on a tie, not the
    earliest file's), naming the others."""
    folders: dict[tuple[str, str], list[S]] = {}
    for sheet in sheets:
        if sheet.assessor is not None:
            key = (str(PurePath(sheet.source).parent), name_identity(sheet.college))
            folders.setdefault(key, []).append(sheet)
    return [
        make_problem("JY316", sheet.source, _at(sheet, "year"), year=sheet.year, first=year,
                     other=files)
        for members in folders.values()
        for sheet, year, files in _odd_ones(members, lambda s: s.year)
    ]


def one_panel_problems(sheets: Sequence[Sheet]) -> list[Problem]:
    """The sheets given as one panel (``jyscore score a.yaml b.yaml``) must be of one college
    (JY318) and one year (JY316); each sheet that differs from what most
    of them give (on a tie, from the earliest) is named, with the files it differs from."""
    if not sheets:
        return []
    problems = [
        make_problem("JY318", sheet.source, _at(sheet, "college"), college=sheet.college,
                     first=college, other=files)
        for sheet, college, files in _odd_ones(sheets, lambda s: s.college)
    ]
    problems.extend(
        make_problem("JY316", sheet.source, _at(sheet, "year"), year=sheet.year, first=year,
                     other=files)
        for sheet, year, files in _odd_ones(sheets, lambda s: s.year)
    )
    return problems  # a sheet naming another rubric than the one checked against is JY024


# -- a panel's result ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Member:
    assessor: str
    result: Result

    @property
    def source(self) -> str:
        return self.result.sheet.source

    @property
    def totals(self) -> Totals | None:
        return self.result.totals.get(ASSESSED)


@dataclass(frozen=True)
class PanelSummary:
    """What a ranking keeps of a panel: who, each one's assessed total, and how it was made."""

    assessors: tuple[str, ...]
    member_totals: tuple[Totals | None, ...]
    settings: PanelSettings
    notes: tuple[tuple[str, str, str], ...] = ()  # (node id, assessor, note), in form order

    @property
    def totals(self) -> tuple[Decimal | None, ...]:
        return tuple(t.total if t else None for t in self.member_totals)

    @property
    def spread(self) -> Decimal | None:
        """Highest minus lowest assessor total (0 for one assessor; None if one has none)."""
        if any(t is None for t in self.totals):
            return None
        known = [t for t in self.totals if t is not None]
        return max(known) - min(known)


@dataclass(frozen=True)
class Panel:
    """A panel's members and its result: ``result`` holds the published figures in the
    assessed column and the college's own self-assessment; ``figures`` how each row (by node
    id) and each total (``base``, ``bonus``, ``total``) was made."""

    members: tuple[Member, ...]
    settings: PanelSettings
    result: Result
    figures: Mapping[str, Figure]

    @property
    def assessors(self) -> tuple[str, ...]:
        return tuple(m.assessor for m in self.members)

    @property
    def summary(self) -> PanelSummary:
        notes = tuple(
            (row.node.id, member.assessor, row.note)
            for index in range(len(self.result.rows))
            for member in self.members
            if (row := member.result.rows[index]).note
        )
        return PanelSummary(self.assessors, tuple(m.totals for m in self.members), self.settings,
                            notes)


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
    return (entry.position if entry else None) or _at(sheet, "scores")


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
            "JY315", first.source, _at(first, "assessor"), college=first.college,
            year=first.year, count=len(members), method=settings.method,
            minimum=TRIMMED_MINIMUM, files=", ".join(m.source for m in members),
        ))
    if problems:
        raise JyscoreError(problems)
    return _Aggregator(rubric, tuple(members), settings).panel()


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
        if not self.assessed:
            return None
        member_totals = [m.totals for m in self.members]
        if any(t is None for t in member_totals):
            return None
        bases = [t.base for t in member_totals if t is not None]
        bonuses = [t.bonus for t in member_totals if t is not None]
        scored = [t.scored for t in member_totals if t is not None]  # before any veto
        if self.settings.level == "total":
            for node, _ in self._nodes():
                rows_of, index = self._where(node)
                self._aggregate(node.id, self._values(rows_of, index))
            base = self._aggregate("base", bases)
            bonus = self._aggregate("bonus", bonuses)
            adjustment = self._adjustments(member_totals)
            total = self._aggregate("total", scored)
        else:
            primaries = [self._item_level(root) for root in self.rubric.indicators]
            leaves = self._bonus_item_level()
            base = self._sum("base", list(primaries), bases)
            bonus = self._sum("bonus", leaves, bonuses)
            adjustment = self._adjustments(member_totals)
            parts = [base, bonus] + ([adjustment] if adjustment is not None else [])
            total = self._sum("total", parts, scored)
        assert base is not None and bonus is not None and total is not None
        # a veto is a fact about the college: any assessor who reports it makes it the panel's
        reported = {v.id for t in member_totals if t is not None for v in t.vetoes}
        vetoes = tuple(v for v in self.rubric.vetoes if v.id in reported)
        vetoed = vetoed_total(vetoes) if vetoes else None
        published = total.published if vetoed is None else vetoed
        return PanelTotals(base.published, bonus.published, self._each_adjustment(),
                           vetoes=vetoes, grade=final_grade(published, vetoes, self.rubric.grades),
                           published_total=published,
                           published_adjustment=adjustment.published if adjustment else ZERO)

    def _adjustments(self, member_totals: Sequence[Totals | None]) -> Figure | None:
        """Each assessor's adjustments (their signed sum), aggregated like any other figure."""
        if not self.rubric.adjustments:
            return None
        return self._aggregate("adjustments",
                               [t.adjustment for t in member_totals if t is not None])

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
    from jyscore.core.engine import score  # the engine is what a panel is built on

    grouping = group_sheets(sheets)
    problems = [*one_panel_problems(sheets), *grouping.problems]
    if len(sheets) > 1:
        unnamed = [s for s in sheets if s.assessor is None]
        if len(unnamed) == len(sheets):
            first = unnamed[0]
            problems.extend(
                make_problem("JY301", s.source, _at(s, "college"), college=s.college,
                             year=s.year, other=first.source)
                # another college or year is JY318/JY316 already, not the same sheet twice
                for s in unnamed[1:] if (s.college, s.year) == (first.college, first.year)
            )
    if any(p.is_error for p in problems):
        raise JyscoreError(problems)
    members = [Member(grouping.name(s.assessor or ""), score(rubric, s)) for s in sheets]
    return build_panel(rubric, members, settings), problems


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
