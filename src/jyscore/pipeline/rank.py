"""Rank a whole run: every sheet below some folders, checked first, then scored and ranked.

Pure: no printing and no exit codes. :func:`rank_paths` returns a :class:`RankOutcome` (the
ranking, the sheets skipped as invalid, the warnings) or raises :class:`JyscoreError` with every
problem that stops the run:

* any sheet with errors (unless ``skip_invalid``: then it is left out and listed in ``skipped``);
  a sheet without scores in the ranked column counts as invalid (JY506);
* the same college twice for the same year (JY301) — never skipped: which one is right is the
  user's call;
* sheets of several years without a ``year`` to pick one (JY501), or none of the year asked for
  (JY505); a targets file of another year (JY507).

Targets (``rank --targets``) reach the sheet checker as defaults *before* each sheet is checked,
so a sheet need not repeat its target, and one that gives a different target is an error.

Each file is read, checked and scored on its own (in a process pool for big folders), and only
its :class:`~jyscore.core.ranking.Standing` is kept: memory stays small however many sheets there
are. With ``details`` and at most :data:`DETAIL_LIMIT` colleges ranked, their sheets are read
again for the item tables (the per-college sheets of a ranking workbook).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from jyscore.core.engine import score
from jyscore.core.models import ASSESSED, SELF, Rubric, Sheet
from jyscore.core.panels import (
    Grouping,
    Member,
    PanelSettings,
    build_panel,
    folder_year_problems,
    group_sheets,
)
from jyscore.core.problems import JyscoreError, Position, Problem, make_problem
from jyscore.core.ranking import Ranking, Standing, rank
from jyscore.core.text import display_path
from jyscore.core.text import identity as name_identity
from jyscore.i18n.messages import hint
from jyscore.pipeline.parallel import PARALLEL_THRESHOLD, Progress, iter_files
from jyscore.pipeline.validate import (
    duplicate_problems as duplicate_colleges,  # JY301, shared with validate
)
from jyscore.readers.defaults import SheetDefaults
from jyscore.readers.files import READERS, check_sheet, discover
from jyscore.readers.sheet import SheetHead
from jyscore.readers.targets import Targets

RANK_COLUMNS = (ASSESSED, SELF)
# Up to this many files, each college's item table is kept for the reports that show it (the
# workbook's sheet per college); beyond it a sheet per college is no longer something to read.
DETAIL_LIMIT = 100


@dataclass(frozen=True)
class RankFile:
    """One file's outcome: every problem of it and, when it has no errors, its standing."""

    path: Path
    problems: tuple[Problem, ...]
    standing: Standing | None = None
    college_at: Position | None = None  # where ``college`` stands, for JY301
    sheet: Sheet | None = None  # kept for a sheet naming its assessor: panels are built from it
    head: SheetHead | None = None  # of a file with errors: its college and year, when read

    # what the check for the same college twice (JY301) reads of a sheet that loaded
    @property
    def source(self) -> str:
        return display_path(self.path)

    @property
    def college(self) -> str:
        return self.standing.college if self.standing else ""

    @property
    def year(self) -> int:
        return self.standing.year if self.standing else 0

    @property
    def positions(self) -> dict[str, Position]:
        if self.sheet is not None:
            return self.sheet.positions
        return {"college": self.college_at} if self.college_at else {}

    @property
    def assessor(self) -> str | None:
        return self.sheet.assessor if self.sheet else None


def rank_file(path: Path, context: tuple[Rubric, SheetDefaults | None, str, bool]) -> RankFile:
    """Read, check and score one sheet (runs in a worker for big folders); ``keep_result``
    keeps its item table in the standing."""
    rubric, defaults, column, keep_result = context
    report = check_sheet(path, rubric, defaults)
    if not report.ok or report.sheet is None:
        return RankFile(path, tuple(report.problems), head=report.head)
    sheet = report.sheet
    standing = Standing.of(score(rubric, sheet), keep_result=keep_result, columns=(column,))
    return RankFile(path, tuple(report.problems), standing, sheet.positions.get("college"),
                    sheet if sheet.assessor is not None else None)


def _with_item_table(
    found: RankFile, rubric: Rubric, defaults: SheetDefaults | None, column: str
) -> Standing:
    """``found``'s standing with its item table, from reading the sheet again (in this process:
    a worker's result would bring its own copy of the rubric). A sheet changed since it was
    first read keeps its standing without the table."""
    assert found.standing is not None
    again = rank_file(found.path, (rubric, defaults, column, True)).standing
    if again is None or again.totals != found.standing.totals:
        return found.standing
    return again


def _panel_standing(
    found: Sequence[RankFile], rubric: Rubric, settings: PanelSettings,
    name: Callable[[str], str], column: str, keep_result: bool,
) -> Standing:
    """The standing of a panel: its members' sheets scored and aggregated (JY314/JY315 raised),
    ranked on the published figures; JY506 when the panel has none in ``column``."""
    members = []
    for member in found:
        assert member.sheet is not None and member.assessor is not None
        members.append(Member(name(member.assessor), score(rubric, member.sheet)))
    panel = build_panel(rubric, members, settings)
    if panel.result.totals.get(column) is None:
        other = next(c for c in RANK_COLUMNS if c != column)
        raise JyscoreError([make_problem("JY506", str(found[0].path), column=column, other=other)])
    standing = Standing.of(panel.result, keep_result=keep_result, columns=(column,))
    return replace(standing, panel=panel.summary)


@dataclass(frozen=True)
class Skipped:
    """A sheet left out of the ranking (``--skip-invalid``), with the problems that caused it."""

    path: Path
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def _without_incomplete_panels(
    grouping: Grouping[RankFile], invalid: Sequence[Skipped],
    heads: Mapping[Path, SheetHead | None], year: int | None,
) -> tuple[Grouping[RankFile], list[Skipped]]:
    """``grouping`` without the panels one of whose sheets is invalid (a sheet with errors of
    the panel's college and year, or of its college with no readable year), and each of their
    valid members as skipped, with JY320 saying why: a published figure comes from the whole
    panel, never re-aggregated from the sheets that remain."""
    kept: list[tuple[RankFile, ...]] = []
    left_out: list[Skipped] = []
    for panel in grouping.panels:
        college = name_identity(panel[0].college)
        broken = [
            skipped for skipped in invalid
            if (head := heads.get(skipped.path)) is not None and head.college is not None
            and name_identity(head.college) == college
            and (head.year if head.year is not None else year) == panel[0].year
        ]
        if not broken:
            kept.append(panel)
            continue
        files = ", ".join(display_path(s.path) for s in broken)
        for member in panel:
            note = make_problem("JY320", member.source,
                                member.positions.get("college") or Position(),
                                college=panel[0].college, year=panel[0].year, files=files)
            left_out.append(Skipped(member.path, (*member.problems, note)))
    return replace(grouping, panels=tuple(kept)), left_out


@dataclass(frozen=True)
class RankOutcome:
    rubric: Rubric
    ranking: Ranking
    year: int
    skipped: tuple[Skipped, ...]
    warnings: tuple[Problem, ...]
    files_checked: int

    @property
    def tie_policy(self) -> str:
        panel = any(row.standing.panel is not None for row in self.ranking.rows)
        return tie_policy(self.rubric, self.ranking.column, self.ranking.tie_break, panel=panel)


def tie_key_label(rubric: Rubric, key: str) -> str:
    """How a tie-break key is named to a reader: ``基础分``, ``加分`` or ``3 就业指导与服务``."""
    labels = rubric.labels
    if key == "base":
        return labels.base
    if key == "bonus":
        return labels.bonus
    node = rubric.nodes.get(key)
    return f"{key} {node.name}" if node else key


def tie_break_keys(rubric: Rubric) -> tuple[str, ...]:
    """The keys ``--tie-break`` accepts: base, bonus and the primary indicators' ids."""
    return ("base", "bonus", *(node.id for node in rubric.indicators))


def tie_policy(
    rubric: Rubric, column: str, tie_break: Sequence[str], *, panel: bool = False
) -> str:
    """The tie rule as one sentence: with or without tie-break keys, with or without panels."""
    labels = rubric.labels
    column_label = labels.self_ if column == "self" else labels.assessed
    suffix = "-panel" if panel else ""
    if not tie_break:
        return hint(f"tie-policy{suffix}", column=column_label, total=labels.total)
    keys = hint("tie-then").join(tie_key_label(rubric, k) for k in tie_break)
    return hint(f"tie-policy-break{suffix}", column=column_label, total=labels.total, keys=keys)


def _years_text(counts: Counter[int]) -> str:
    return hint("name-separator").join(
        hint("year-sheets", year=year,
             sheets=hint("count-sheets-one" if n == 1 else "count-sheets", count=n))
        for year, n in sorted(counts.items())
    )


def rank_paths(
    paths: Sequence[Path],
    rubric: Rubric,
    *,
    year: int | None = None,
    column: str = "assessed",
    tie_break: Sequence[str] = (),
    targets: Targets | None = None,
    skip_invalid: bool = False,
    parallel_threshold: int = PARALLEL_THRESHOLD,
    workers: int | None = None,
    progress: Progress | None = None,
    details: bool = False,
    files: Sequence[Path] | None = None,
    panel_method: str | None = None,
    detail_limit: int | None = DETAIL_LIMIT,
) -> RankOutcome:
    """Check every sheet below ``paths``, then score and rank those of one year.

    ``details``: keep each college's item table (``RankedRow.result``) for a report that shows
    them, when at most ``detail_limit`` colleges are ranked (None: however many; the HTML
    report and ``compare`` need every college's items). ``files``: the sheets below ``paths``
    when the caller has found them already (the CLI, to report a folder without any).
    ``panel_method`` overrides the rubric's panel method for the colleges assessed by a panel
    (sheets naming assessors).
    """
    if column not in RANK_COLUMNS:
        raise ValueError(f"column must be one of {RANK_COLUMNS}, not {column!r}")
    run_file = " ".join(str(p) for p in paths)
    files = list(files) if files is not None else discover(paths)
    if not files:
        suffixes = ", ".join(f"*{s}" for s in READERS)
        raise JyscoreError([make_problem("JY504", run_file, suffixes=suffixes)])
    defaults = targets.defaults if targets else None
    values: dict[tuple[object, ...], Decimal] = {}
    invalid: list[Skipped] = []
    heads: dict[Path, SheetHead | None] = {}  # of the invalid files: whose panel they were in
    valid: list[RankFile] = []
    found_files = iter_files(rank_file, files, (rubric, defaults, column, False),
                             threshold=parallel_threshold, workers=workers, progress=progress)
    with closing(found_files):
        for index, found in enumerate(found_files):  # kept small as they arrive: see Standing
            path = files[index]  # the caller's Path, not a copy from a worker
            if found.standing is None:
                invalid.append(Skipped(path, found.problems))
                heads[path] = found.head
            else:
                valid.append(RankFile(path, found.problems, found.standing.sharing(values),
                                      found.college_at, found.sheet))
    # one college's assessor sheets in one folder are one panel, of one year (JY316), whatever
    # year is ranked: a sheet of the odd year is a mistake, never silently left out
    run_errors: list[Problem] = folder_year_problems([f for f in valid if f.sheet is not None])

    counts = Counter(f.year for f in valid)
    if year is None and len(counts) > 1:
        run_errors.append(
            make_problem("JY501", run_file, years=_years_text(counts), latest=max(counts))
        )
    elif year is not None and valid and year not in counts:
        run_errors.append(make_problem("JY505", run_file, year=year, years=_years_text(counts)))
    chosen = year if year is not None else (min(counts) if counts else None)

    selected: list[RankFile] = []
    for found in valid:
        assert found.standing is not None
        if found.year != chosen:
            continue
        if found.sheet is None and found.standing.totals.get(column) is None:
            other = next(c for c in RANK_COLUMNS if c != column)
            problem = make_problem("JY506", display_path(found.path), column=column, other=other)
            invalid.append(Skipped(found.path, (*found.problems, problem)))
            continue
        selected.append(found)
    grouping = group_sheets(selected)
    if skip_invalid and invalid:
        grouping, left_out = _without_incomplete_panels(grouping, invalid, heads, chosen)
        invalid.extend(left_out)
        selected = [f for f in selected if f.path not in {s.path for s in left_out}]
    order = {path: index for index, path in enumerate(files)}
    invalid.sort(key=lambda s: order[s.path])
    run_errors.extend(duplicate_colleges(grouping.singles))
    run_errors.extend(p for p in grouping.problems if p.is_error)
    settings = PanelSettings.of(rubric, panel_method)
    colleges = len(grouping.singles) + len(grouping.panels)
    keep = details and (detail_limit is None or colleges <= detail_limit)
    panel_standings: list[Standing] = []
    for files_of_panel in grouping.panels:
        try:
            panel_standings.append(_panel_standing(files_of_panel, rubric, settings, grouping.name,
                                                   column, keep))
        except JyscoreError as exc:
            run_errors.extend(exc.problems)
    if targets and targets.year is not None and chosen is not None and targets.year != chosen:
        run_errors.append(
            make_problem("JY507", targets.file, targets.year_position,
                         targets_year=targets.year, year=chosen)
        )

    warnings = [p for f in selected for p in f.problems]  # a file without errors: warnings only
    warnings.extend(p for p in grouping.problems if not p.is_error)
    if run_errors or (invalid and not skip_invalid):
        skipped_problems = [p for s in invalid for p in s.problems]
        raise JyscoreError([*skipped_problems, *run_errors, *warnings])
    if not selected or chosen is None:
        raise JyscoreError(
            [*(p for s in invalid for p in s.problems), make_problem("JY508", run_file)]
        )
    singles = grouping.singles
    if keep:
        standings = [_with_item_table(f, rubric, defaults, column) for f in singles]
    else:
        standings = [f.standing for f in singles if f.standing]
    standings.extend(panel_standings)
    del valid, selected, grouping
    ranking = rank(standings, column, tuple(tie_break), rubric.grades)
    return RankOutcome(rubric, ranking, chosen, tuple(invalid), tuple(warnings), len(files))


__all__ = [
    "DETAIL_LIMIT",
    "RankFile",
    "RankOutcome",
    "Skipped",
    "rank_file",
    "rank_paths",
    "tie_break_keys",
    "tie_key_label",
    "tie_policy",
]
