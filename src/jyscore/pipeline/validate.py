"""Check score sheets the way a linter checks code: every problem of every file, then the run.

:func:`validate` reads each file on its own (one broken file never stops the others) and then
looks across the sheets that loaded:

* ``JY301`` the same college twice for the same year (an error on the later file, naming the
  earlier one);
* ``JY302`` / ``JY303`` sheets of several years or several rubrics in one run (a warning on each
  sheet outside the run's most common year or rubric, naming every group);
* ``JY304`` a sheet not yet assessed, ``JY305`` a self score more than ``max_gap`` above the
  assessed one, ``JY306`` an item whose rubric entry asks for evidence but carries no note
  (warnings).

With ``strict`` every warning, the loader's too (``JY003`` a GB18030 file), counts as an error.
Pure: nothing is printed, the caller renders :class:`ValidationReport`.

Everything about one file (its problems and the per-sheet warnings) is worked out by
:func:`check_file`, in a process pool for big runs (:mod:`jyscore.pipeline.parallel`); only a
small :class:`FileCheck` comes back for the checks across files.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from jyscore.core.models import Entry, Node, Rubric, Sheet
from jyscore.core.numbers import format_decimal
from jyscore.core.panels import CollegeYear, group_sheets
from jyscore.core.problems import JyscoreError, Position, Problem, Severity, make_problem
from jyscore.core.text import identity, reveal, short
from jyscore.i18n.messages import hint
from jyscore.pipeline.parallel import PARALLEL_THRESHOLD, map_files
from jyscore.readers.defaults import SheetDefaults
from jyscore.readers.files import SheetReport, check_sheet, discover

# groups of at most this many files are named file by file in JY302/JY303, larger ones counted
_NAMED_FILES = 3


@dataclass(frozen=True)
class ValidationReport:
    files_checked: int
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    @property
    def ok(self) -> bool:
        return self.errors == 0


@dataclass(frozen=True)
class SheetKey:
    """What the checks across files need of a sheet that loaded (has the fields of a Sheet)."""

    source: str
    college: str
    year: int
    rubric_id: str | None
    positions: dict[str, Position]
    assessor: str | None = None


@dataclass(frozen=True)
class FileCheck:
    """One file's outcome: its own problems, the warnings about its sheet, and its key."""

    path: Path
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()  # JY304-JY306, see sheet_problems
    sheet: SheetKey | None = None  # None when the sheet did not load
    other_rubric: tuple[str, str, Position] | None = None  # a JY024 sheet's rubric, file, where
    panel_sheet: Sheet | None = None  # a sheet naming its assessor: its panel is checked too


def check_file(
    path: Path, context: tuple[Rubric, Decimal | None, SheetDefaults | None]
) -> FileCheck:
    """Everything :func:`validate_files` learns from one file on its own (runs in a worker)."""
    rubric, max_gap, defaults = context
    report = check_sheet(path, rubric, defaults)
    sheet = report.sheet
    if sheet is None:
        return FileCheck(path, tuple(report.problems), other_rubric=_other_rubric(report))
    key = SheetKey(sheet.source, sheet.college, sheet.year, sheet.rubric_id, sheet.positions,
                   sheet.assessor)
    return FileCheck(path, tuple(report.problems),
                     tuple(sheet_problems(sheet, rubric, max_gap)), key,
                     panel_sheet=sheet if sheet.assessor is not None else None)


def validate(
    paths: Iterable[Path], rubric: Rubric, strict: bool = False, max_gap: Decimal | None = None,
    *, max_spread: Decimal | None = None, panel_method: str | None = None,
    defaults: SheetDefaults | None = None,
) -> ValidationReport:
    """Validate the sheets in ``paths`` (files, or folders searched recursively)."""
    return validate_files(discover(paths), rubric, strict=strict, max_gap=max_gap,
                          max_spread=max_spread, panel_method=panel_method, defaults=defaults)


def validate_files(
    files: Sequence[Path], rubric: Rubric, strict: bool = False, max_gap: Decimal | None = None,
    *, parallel_threshold: int = PARALLEL_THRESHOLD, workers: int | None = None,
    max_spread: Decimal | None = None, panel_method: str | None = None,
    defaults: SheetDefaults | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ValidationReport:
    """Validate sheets that have already been found (see :func:`jyscore.readers.discover`).

    From ``parallel_threshold`` files on, the files are checked in a process pool.
    ``max_spread``: warn (JY319) where a panel's assessors differ by more on an item;
    ``panel_method`` (default: the rubric's) is the method a panel is checked for (JY315);
    ``defaults``: inputs supplied from outside the sheets (``--targets``); ``progress`` is
    called with the files done so far and their number.
    """
    checks = map_files(check_file, files, (rubric, max_gap, defaults), threshold=parallel_threshold,
                       workers=workers, progress=progress)
    problems = [p for check in checks for p in check.problems]
    problems.extend(_across_files(checks, rubric))
    problems.extend(panel_problems(checks, rubric, max_spread, panel_method))
    problems.extend(p for check in checks for p in check.warnings)
    if strict:
        problems = [
            dataclasses.replace(p, severity=Severity.ERROR) if not p.is_error else p
            for p in problems
        ]
    return ValidationReport(len(files), tuple(sorted(problems, key=Problem.sort_key)))


def _across_files(checks: Sequence[FileCheck], rubric: Rubric) -> list[Problem]:
    """JY301 (the same college twice), JY302 (several years), JY303 (several rubrics)."""
    sheets = [check.sheet for check in checks if check.sheet is not None]
    problems = duplicate_problems(group_sheets(sheets).singles)  # panels: see panel_problems
    problems.extend(_mixed_years(sheets))
    problems.extend(_mixed_rubrics(checks, rubric))
    return problems


def panel_problems(
    checks: Sequence[FileCheck], rubric: Rubric, max_spread: Decimal | None = None,
    panel_method: str | None = None,
) -> list[Problem]:
    """The panels' problems: JY311-JY313 (who assessed), JY314 (self scores that differ),
    JY315 (too few for the method), JY316 (one college's assessor sheets in one folder giving
    several years) and, with ``max_spread``, JY319 (assessors far apart)."""
    from jyscore.core.engine import score
    from jyscore.core.panels import (
        Member,
        PanelSettings,
        build_panel,
        folder_year_problems,
        spread_problems,
    )

    keys = [check.sheet for check in checks if check.sheet is not None]
    grouping = group_sheets(keys)
    problems = [*grouping.problems, *folder_year_problems(keys)]
    sheets = {check.sheet.source: check.panel_sheet for check in checks
              if check.sheet is not None and check.panel_sheet is not None}
    settings = PanelSettings.of(rubric, panel_method)
    for panel_keys in grouping.panels:
        members = [Member(grouping.name(sheets[k.source].assessor or ""),
                          score(rubric, sheets[k.source])) for k in panel_keys]
        try:
            panel = build_panel(rubric, members, settings)
        except JyscoreError as exc:
            problems.extend(exc.problems)
            continue
        if max_spread is not None:
            problems.extend(spread_problems(panel, rubric, max_spread))
    return problems


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


def duplicate_problems(sheets: Iterable[CollegeYear]) -> list[Problem]:
    """JY301 for every sheet whose college and year an earlier sheet already has.

    Colleges are compared by :func:`jyscore.core.text.identity`: names that differ only by invisible
    characters (a zero-width space, a BOM), compatibility forms (⽂ for 文) or spacing are the same
    college; a JY307 warning beside the JY301 shows how the names differ, escaped."""
    first: dict[tuple[str, int], CollegeYear] = {}
    problems = []
    for sheet in sheets:
        key = (identity(sheet.college), sheet.year)
        if key in first:
            at = sheet.positions.get("college") or Position()
            earlier = first[key]
            problems.append(
                make_problem("JY301", sheet.source, at, college=short(sheet.college, 40),
                             year=sheet.year, other=earlier.source)
            )
            if earlier.college != sheet.college:
                problems.append(
                    make_problem("JY307", sheet.source, at, severity=Severity.WARNING,
                                 college=reveal(sheet.college),
                                 other_college=reveal(earlier.college),
                                 other=earlier.source)
                )
        else:
            first[key] = sheet
    return problems


def _groups(pairs: Sequence[tuple[Hashable, str]]) -> tuple[Hashable, str]:
    """The most common value (the first seen on a tie) and every group named, largest first."""
    counts = Counter(value for value, _ in pairs)
    order = list(dict.fromkeys(value for value, _ in pairs))
    ranked = sorted(order, key=lambda v: (-counts[v], order.index(v)))
    described = []
    for value in ranked:
        files = [file for v, file in pairs if v == value]
        named = ", ".join(files) if len(files) <= _NAMED_FILES else hint("count-sheets",
                                                                           count=len(files))
        described.append(f"{value} ({named})")
    return ranked[0], "; ".join(described)


def _mixed_years(sheets: Sequence[SheetKey]) -> list[Problem]:
    pairs: list[tuple[Hashable, str]] = [(s.year, s.source) for s in sheets]
    if len({value for value, _ in pairs}) < 2:
        return []
    common, described = _groups(pairs)
    return [
        make_problem("JY302", sheet.source, sheet.positions.get("year") or Position(),
                     severity=Severity.WARNING, years=described)
        for sheet in sheets
        if sheet.year != common
    ]


def _other_rubric(report: SheetReport) -> tuple[str, str, Position] | None:
    """A sheet naming another rubric did not load (``JY024``): the id it names, and where."""
    mismatch = next((p for p in report.problems if p.code == "JY024"), None)
    other = mismatch.params.get("sheet_rubric") if mismatch else None
    if mismatch is None or not isinstance(other, str):
        return None
    return other, mismatch.file, Position(mismatch.line, mismatch.column, mismatch.cell)


def _mixed_rubrics(checks: Sequence[FileCheck], rubric: Rubric) -> list[Problem]:
    """Rubric ids named by the sheets; a sheet that names none is taken to be of ``rubric``."""
    named: list[tuple[Hashable, str]] = []
    where: dict[str, Position | None] = {}
    for check in checks:
        if check.sheet is not None:
            named.append((check.sheet.rubric_id or rubric.id, check.sheet.source))
            where[check.sheet.source] = check.sheet.positions.get("rubric")
        elif check.other_rubric is not None:
            other, file, at = check.other_rubric
            named.append((other, file))
            where[file] = at
    if len({value for value, _ in named}) < 2:
        return []
    common, described = _groups(named)
    return [
        make_problem("JY303", file, where[file] or Position(), severity=Severity.WARNING,
                     rubrics=described)
        for value, file in named
        if value != common
    ]


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
    for item_id in rubric.scorable_ids:
        node = rubric.nodes[item_id]
        if not node.evidence:
            continue
        owner = rubric.part_owner.get(item_id)
        related = [item_id, *(p.id for p in node.parts), *([owner.id] if owner else [])]
        entries = [sheet.entries[i] for i in related if i in sheet.entries]
        if entries and not any(e.note and e.note.strip() for e in entries):
            problems.append(_warning("JY306", sheet, entries[0].position, node))
    return problems
