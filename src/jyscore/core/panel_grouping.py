"""Who belongs to which panel: a sheet naming its ``assessor`` belongs to the panel of its
college and year (:func:`group_sheets`); the same college twice for one year
(:func:`duplicate_problems`); the checks of sheets given or filed as one panel (one college, one
year). A college, like an assessor, is one however its name is spaced or typed
(:func:`~jyscore.core.text.identity`): every check here compares names that way. Pure: problems
are returned, never printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Generic, Protocol, TypeVar

from jyscore.core.models import Sheet
from jyscore.core.problems import NOWHERE, Position, Problem, Severity, make_problem
from jyscore.core.text import identity, reveal, short


class CollegeYear(Protocol):
    """What a check of colleges and years reads of a sheet (a :class:`~jyscore.core.models.Sheet`,
    a smaller key): the duplicate check and the grouping here."""

    @property
    def source(self) -> str: ...

    @property
    def college(self) -> str: ...

    @property
    def year(self) -> int: ...

    @property
    def positions(self) -> Mapping[str, Position]: ...


def duplicate_problems(sheets: Iterable[CollegeYear]) -> list[Problem]:
    """JY301 for every sheet whose college and year an earlier sheet already has.

    Colleges are compared by :func:`jyscore.core.text.identity`: names that differ only by invisible
    characters (a zero-width space, a BOM), compatibility forms (⽂ for 文) or spacing are the same
    college; a JY307 warning beside the JY301 shows how the names differ, escaped."""
    first: dict[tuple[str, int], CollegeYear] = {}
    problems = []
    for sheet in sheets:
        key = (identity(sheet.college), sheet.year)
        if key not in first:
            first[key] = sheet
            continue
        at = sheet.positions.get("college") or Position()
        earlier = first[key]
        problems.append(
            make_problem("JY301", sheet.source, at, college=short(sheet.college, 40),
                         year=sheet.year, other=earlier.source)
        )
        if earlier.college != sheet.college:
            problems.append(
                make_problem("JY307", sheet.source, at, severity=Severity.WARNING,
                             college=reveal(sheet.college), other_college=reveal(earlier.college),
                             other=earlier.source)
            )
    return problems


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


def field_position(sheet: CollegeYear, name: str) -> Position:
    """Where ``sheet`` gives ``name``; else its college's line, else nowhere."""
    return sheet.positions.get(name) or sheet.positions.get("college") or NOWHERE


def group_sheets(sheets: Sequence[S]) -> Grouping[S]:
    """Sort ``sheets`` into singles and panels; report JY311 (an assessor twice for a college
    and year), JY312 (a panel with an unnamed sheet) and JY313 (a name spelled two ways)."""
    names, problems = _spellings(sheets)
    groups: dict[tuple[str, int], list[S]] = {}
    for sheet in sheets:  # one college however it is spelt, as the duplicate check has it
        groups.setdefault((identity(sheet.college), sheet.year), []).append(sheet)
    singles: list[S] = []
    panels: list[tuple[S, ...]] = []
    for members in groups.values():
        named = [s for s in members if s.assessor is not None]
        if named:
            panels.append(_panel(members, named, problems))
        else:
            singles.extend(members)
    order = {id(s): i for i, s in enumerate(sheets)}
    singles.sort(key=lambda s: order[id(s)])
    return Grouping(tuple(singles), tuple(panels), tuple(problems), names)


def _spellings(sheets: Sequence[S]) -> tuple[dict[str, str], list[Problem]]:
    """Each assessor identity's first spelling, and JY313 for every other spelling of it."""
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
                "JY313", sheet.source, field_position(sheet, "assessor"),
                severity=Severity.WARNING, assessor=sheet.assessor, spelling=names[key],
                other=first_at[key].source,
            ))
    return names, problems


def _panel(members: Sequence[S], named: Sequence[S], problems: list[Problem]) -> tuple[S, ...]:
    """The panel of one college and year's ``members``: each assessor's first sheet. Appends
    JY312 for an unnamed sheet among them and JY311 for an assessor's second sheet."""
    college, year = members[0].college, members[0].year
    files = ", ".join(s.source for s in named)
    problems.extend(
        make_problem("JY312", sheet.source, field_position(sheet, "college"), college=college,
                     year=year, files=files)
        for sheet in members if sheet.assessor is None
    )
    seen: dict[str, S] = {}
    for sheet in named:
        assert sheet.assessor is not None
        key = identity(sheet.assessor)
        if key in seen:
            problems.append(make_problem(
                "JY311", sheet.source, field_position(sheet, "assessor"),
                assessor=sheet.assessor, college=college, year=year, other=seen[key].source,
            ))
        else:
            seen[key] = sheet
    return tuple(seen.values())


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
            key = (str(PurePath(sheet.source).parent), identity(sheet.college))
            folders.setdefault(key, []).append(sheet)
    return [
        make_problem("JY316", sheet.source, field_position(sheet, "year"), year=sheet.year,
                     first=year, other=files)
        for members in folders.values()
        for sheet, year, files in _odd_ones(members, lambda s: s.year)
    ]


def one_panel_problems(sheets: Sequence[Sheet]) -> list[Problem]:
    """The sheets given as one panel (``jyscore score a.yaml b.yaml``) must be of one college
    (JY318, names compared as :func:`duplicate_problems` compares them) and one year (JY316); each
    sheet that differs from what most of them give (on a tie, from the earliest) is named, with the
    files it differs from."""
    if not sheets:
        return []
    problems = [
        make_problem("JY318", sheet.source, field_position(sheet, "college"),
                     college=sheet.college, first=_first_spelling(sheets, college), other=files)
        for sheet, college, files in _odd_ones(sheets, lambda s: identity(s.college))
    ]
    problems.extend(
        make_problem("JY316", sheet.source, field_position(sheet, "year"), year=sheet.year,
                     first=year, other=files)
        for sheet, year, files in _odd_ones(sheets, lambda s: s.year)
    )
    return problems  # a sheet naming another rubric than the one checked against is JY024


def _first_spelling(sheets: Sequence[Sheet], college: str) -> str:
    """The name of the first of ``sheets`` whose college is ``college`` (an identity)."""
    return next(s.college for s in sheets if identity(s.college) == college)
