"""Rank a whole run: every sheet below some folders, checked first, then scored and ranked.

Pure: no printing and no exit codes. :func:`rank_paths` returns a
:class:`~jyscore.core.run.RankOutcome` (the ranking, the sheets skipped as invalid, the warnings)
or raises :class:`JyscoreError` with every problem that stops the run:

* any sheet with errors (unless ``skip_invalid``: then it is left out and listed in ``skipped``);
  a sheet without scores in the ranked column counts as invalid (JY506);
* the same college twice for the same year (JY301) — never skipped: which one is right is the
  user's call;
* sheets of several years without a ``year`` to pick one (JY501), or none of the year asked for
  (JY505); a targets file of another year (JY507).

Targets (``rank --targets``) reach the sheet checker as defaults *before* each sheet is checked,
so a sheet need not repeat its target, and one that gives a different target is an error.

The run is :func:`jyscore.pipeline.run.read_files`: each file read, checked and scored on its own
(in a process pool for big folders), of which only the standing is kept — memory stays small
however many sheets there are. :func:`rank_records` then takes the steps below, one function
each: choose the year, select its sheets, sort out the panels (leaving out those with an invalid
sheet), check the run, build the panels' standings, rank. With ``details`` and at most
``detail_limit`` colleges ranked, their sheets are read again for the item tables (the
per-college sheets of a ranking workbook).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from jyscore.core.models import ASSESSED, Rubric
from jyscore.core.panels import Grouping, PanelSettings, folder_year_problems, group_sheets
from jyscore.core.problems import JyscoreError, Position, Problem, make_problem
from jyscore.core.ranking import Standing, rank
from jyscore.core.run import DETAIL_LIMIT, RANK_COLUMNS, RankOutcome, Skipped
from jyscore.core.text import display_path
from jyscore.core.text import identity as name_identity
from jyscore.i18n.messages import counted, hint
from jyscore.pipeline.checks import BuiltPanel, build_panels, duplicate_problems
from jyscore.pipeline.parallel import PoolSettings
from jyscore.pipeline.run import (
    FileRecord,
    ReadSettings,
    SheetRecord,
    loaded,
    read_file,
    read_files,
)
from jyscore.readers.files import READERS, discover
from jyscore.readers.targets import Targets


@dataclass(frozen=True)
class RankRequest:
    """What to rank and how, read by each step of :func:`rank_paths`: the ``year`` (None: the
    sheets' most common), the ``column`` ranked, the ``tie_break`` keys, ``targets`` for the
    inputs the sheets leave out, whether invalid sheets are skipped (``skip_invalid``) rather
    than stopping the run, the ``panel_method`` overriding the rubric's for colleges assessed by
    a panel, and ``details``: keep each college's item table (``RankedRow.result``) for a report
    that shows them, when at most ``detail_limit`` colleges are ranked (None: however many; the
    HTML report and ``compare`` need every college's items)."""

    rubric: Rubric
    year: int | None = None
    column: str = ASSESSED
    tie_break: tuple[str, ...] = ()
    targets: Targets | None = None
    skip_invalid: bool = False
    panel_method: str | None = None
    details: bool = False
    detail_limit: int | None = DETAIL_LIMIT

    def __post_init__(self) -> None:
        if self.column not in RANK_COLUMNS:
            raise ValueError(f"column must be one of {RANK_COLUMNS}, not {self.column!r}")

    def read_settings(self, *, keep_items: bool = False) -> ReadSettings:
        """How each file is read: checked with the targets as defaults, scored in the column."""
        defaults = self.targets.defaults if self.targets else None
        return ReadSettings(self.rubric, defaults, score_column=self.column,
                            keep_items=keep_items)

    def keeps_items(self, colleges: int) -> bool:
        """Whether the ranking of ``colleges`` keeps each one's item table."""
        return self.details and (self.detail_limit is None or colleges <= self.detail_limit)


def rank_paths(
    paths: Sequence[Path],
    request: RankRequest,
    *,
    files: Sequence[Path] | None = None,
    pool: PoolSettings | None = None,
) -> RankOutcome:
    """Check every sheet below ``paths``, then score and rank those of one year as ``request``
    says. ``files``: the sheets below ``paths`` when the caller has found them already (the CLI,
    to report a folder without any); ``pool``: from how many files on they are read in a process
    pool, by how many workers, and who is told of each file read."""
    run_file = " ".join(str(p) for p in paths)
    files = list(files) if files is not None else discover(paths)
    if not files:
        suffixes = ", ".join(f"*{s}" for s in READERS)
        raise JyscoreError([make_problem("JY504", run_file, suffixes=suffixes)])
    return rank_records(read_files(files, request.read_settings(), pool), request, run_file)


def rank_records(
    records: Sequence[FileRecord], request: RankRequest, run_file: str
) -> RankOutcome:
    """Rank a run's records (``run_file`` names the run in its problems): the steps after
    reading, each a function below."""
    valid = loaded(records)
    # one college's assessor sheets in one folder are one panel, of one year (JY316), whatever
    # year is ranked: a sheet of the odd year is a mistake, never silently left out
    errors = folder_year_problems(valid)
    chosen, year_problems = _chosen_year(valid, request.year, run_file)
    errors.extend(year_problems)
    selection = _select(records, valid, chosen, request)
    grouping = selection.grouping
    errors.extend(duplicate_problems(grouping.singles))
    errors.extend(p for p in grouping.problems if p.is_error)
    keep = request.keeps_items(len(grouping.singles) + len(grouping.panels))
    settings = PanelSettings.of(request.rubric, request.panel_method)
    panel_standings, panel_problems = _panel_standings(
        build_panels(grouping, request.rubric, settings), request.column, keep)
    errors.extend(panel_problems)
    errors.extend(_targets_year_problems(request.targets, chosen))
    warnings = selection.warnings
    _stop_unless_rankable(errors, selection.skipped, warnings, request.skip_invalid)
    if not selection.sheets or chosen is None:
        raise JyscoreError([*(p for s in selection.skipped for p in s.problems),
                            make_problem("JY508", run_file)])
    standings = _single_standings(grouping.singles, request, keep)
    ranking = rank([*standings, *panel_standings], request.column, request.tie_break,
                   request.rubric.grades)
    return RankOutcome(request.rubric, ranking, chosen, selection.skipped, tuple(warnings),
                       len(records))


@dataclass(frozen=True)
class Selection:
    """The valid sheets of the year ranked (``sheets``), sorted out into singles and panels
    (``grouping``), and every sheet left out as invalid, in file order (``skipped``)."""

    sheets: tuple[SheetRecord, ...]
    grouping: Grouping[SheetRecord]
    skipped: tuple[Skipped, ...]

    @property
    def warnings(self) -> list[Problem]:
        """The sheets' own warnings (they have no errors), then the grouping's."""
        warnings = [p for record in self.sheets for p in record.problems]
        warnings.extend(p for p in self.grouping.problems if not p.is_error)
        return warnings


def _select(
    records: Sequence[FileRecord], valid: Sequence[SheetRecord], year: int | None,
    request: RankRequest,
) -> Selection:
    """The sheets of ``year`` that can be ranked, grouped; with ``skip_invalid``, without the
    panels one of whose sheets is invalid."""
    selected, skipped = _of_year(valid, year, request.column)
    unread = [record for record in records if not isinstance(record, SheetRecord)]
    skipped.extend(Skipped(record.path, record.problems) for record in unread)
    grouping = group_sheets(selected)
    if request.skip_invalid:
        grouping, left_out = _without_incomplete_panels(grouping, unread, year)
        skipped.extend(left_out)
        gone = {s.path for s in left_out}
        selected = [record for record in selected if record.path not in gone]
    order = {record.path: index for index, record in enumerate(records)}
    skipped.sort(key=lambda s: order[s.path])
    return Selection(tuple(selected), grouping, tuple(skipped))


def _years_text(counts: Counter[int]) -> str:
    return hint("name-separator").join(
        hint("year-sheets", year=year,
             sheets=hint(counted("count-sheets", n), count=n))
        for year, n in sorted(counts.items())
    )


def _chosen_year(
    valid: Sequence[SheetRecord], year: int | None, run_file: str
) -> tuple[int | None, list[Problem]]:
    """The year ranked: ``year``, else the sheets' only one (the earliest, with JY501, when they
    give several); JY505 when no sheet is of the year asked for."""
    counts = Counter(record.year for record in valid)
    if year is None and len(counts) > 1:
        problem = make_problem("JY501", run_file, years=_years_text(counts), latest=max(counts))
        return min(counts), [problem]
    if year is not None and valid and year not in counts:
        return year, [make_problem("JY505", run_file, year=year, years=_years_text(counts))]
    if year is None:
        return (min(counts) if counts else None), []
    return year, []


def _no_scores(path: Path, column: str) -> Problem:
    """JY506: the sheet (or a panel, named by its first member's) has no scores in ``column``."""
    other = next(c for c in RANK_COLUMNS if c != column)
    return make_problem("JY506", display_path(path), column=column, other=other)


def _of_year(
    valid: Sequence[SheetRecord], year: int | None, column: str
) -> tuple[list[SheetRecord], list[Skipped]]:
    """The sheets of ``year``, and those of them with no scores in ``column`` (JY506, skipped;
    a panel's sheets are checked as a panel)."""
    selected: list[SheetRecord] = []
    skipped: list[Skipped] = []
    for record in valid:
        if record.year != year:
            continue
        assert record.standing is not None, "the run scores every sheet it ranks"
        if record.sheet is None and record.standing.totals.get(column) is None:
            problem = _no_scores(record.path, column)
            skipped.append(Skipped(record.path, (*record.problems, problem)))
            continue
        selected.append(record)
    return selected, skipped


def _without_incomplete_panels(
    grouping: Grouping[SheetRecord], unread: Sequence[FileRecord], year: int | None,
) -> tuple[Grouping[SheetRecord], list[Skipped]]:
    """``grouping`` without the panels one of whose sheets is invalid (a sheet with errors of
    the panel's college and year, or of its college with no readable year), and each of their
    valid members as skipped, with JY320 saying why: a published figure comes from the whole
    panel, never re-aggregated from the sheets that remain."""
    kept: list[tuple[SheetRecord, ...]] = []
    left_out: list[Skipped] = []
    for panel in grouping.panels:
        broken = [record for record in unread if _is_of(record, panel[0], year)]
        if not broken:
            kept.append(panel)
            continue
        files = ", ".join(display_path(record.path) for record in broken)
        for member in panel:
            note = make_problem("JY320", member.source,
                                member.positions.get("college") or Position(),
                                college=panel[0].college, year=panel[0].year, files=files)
            left_out.append(Skipped(member.path, (*member.problems, note)))
    return replace(grouping, panels=tuple(kept)), left_out


def _is_of(record: FileRecord, member: SheetRecord, year: int | None) -> bool:
    """Whether a sheet with errors is of ``member``'s college and year, as far as it was read
    (a sheet whose year could not be read is taken to be of the ``year`` ranked)."""
    head = record.head
    if head is None or head.college is None:
        return False
    if name_identity(head.college) != name_identity(member.college):
        return False
    return (head.year if head.year is not None else year) == member.year


def _panel_standings(
    panels: Sequence[BuiltPanel], column: str, keep_items: bool
) -> tuple[list[Standing], list[Problem]]:
    """The panels' standings, ranked on their published figures, and the problems of those
    that could not be built or have no figures in ``column`` (JY506)."""
    standings: list[Standing] = []
    errors: list[Problem] = []
    for built in panels:
        if built.panel is None:
            errors.extend(built.problems)
            continue
        result = built.panel.result
        if result.totals.get(column) is None:
            errors.append(_no_scores(built.members[0].path, column))
            continue
        standing = Standing.of(result, keep_result=keep_items, columns=(column,))
        standings.append(replace(standing, panel=built.panel.summary))
    return standings, errors


def _targets_year_problems(targets: Targets | None, year: int | None) -> list[Problem]:
    """JY507 when the targets file gives another year than the one ranked."""
    if targets is None or targets.year is None or year is None or targets.year == year:
        return []
    return [make_problem("JY507", targets.file, targets.year_position,
                         targets_year=targets.year, year=year)]


def _stop_unless_rankable(
    errors: Sequence[Problem], skipped: Sequence[Skipped], warnings: Sequence[Problem],
    skip_invalid: bool,
) -> None:
    """Raise every problem when the run has errors, or invalid sheets not to be skipped."""
    if errors or (skipped and not skip_invalid):
        raise JyscoreError([*(p for s in skipped for p in s.problems), *errors, *warnings])


def _single_standings(
    singles: Sequence[SheetRecord], request: RankRequest, keep_items: bool
) -> list[Standing]:
    """The standings of the colleges each ranked from one sheet, with their item tables when
    kept."""
    if keep_items:
        return [_with_item_table(record, request) for record in singles]
    return [record.standing for record in singles if record.standing]


def _with_item_table(record: SheetRecord, request: RankRequest) -> Standing:
    """``record``'s standing with its item table, from reading the sheet again (in this process:
    a worker's result would bring its own copy of the rubric). A sheet changed since it was
    first read keeps its standing without the table."""
    assert record.standing is not None
    standing = read_file(record.path, request.read_settings(keep_items=True)).standing
    if standing is None or standing.totals != record.standing.totals:
        return record.standing
    return standing


__all__ = ["RankRequest", "rank_paths", "rank_records"]
