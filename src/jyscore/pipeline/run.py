"""The run every command over many sheets is made of: read and check each file, one record each.

:func:`read_files` reads the files a run found (:func:`jyscore.readers.files.discover`), each on
its own (one broken file never stops the others) and, from
:data:`~jyscore.pipeline.parallel.PARALLEL_THRESHOLD` files on, in a process pool. Each file
gives one :class:`FileRecord`: its problems and what could be read of whom it is about; a file
whose sheet loaded (no error) gives a :class:`SheetRecord`, which adds the sheet's identity
(college, year, assessor, rubric), its warnings and, when the run scores, its standing.

The checks across the run (:mod:`jyscore.pipeline.checks`) and the commands' own steps
(:mod:`jyscore.pipeline.validate`, :mod:`jyscore.pipeline.rank`) read these records.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from jyscore.core.engine import score
from jyscore.core.models import Rubric, Sheet
from jyscore.core.problems import Position, Problem
from jyscore.core.ranking import Standing
from jyscore.core.text import display_path
from jyscore.pipeline.parallel import PoolSettings, gc_paused, iter_files
from jyscore.pipeline.sheet_warnings import sheet_problems
from jyscore.readers.defaults import SheetDefaults
from jyscore.readers.files import SheetReport, check_sheet
from jyscore.readers.sheet import SheetHead

# the fields whose place the checks across a run name (JY301-JY303, the panels' JY311-JY316)
RUN_FIELDS = ("college", "year", "rubric", "assessor")


@dataclass(frozen=True)
class ReadSettings:
    """What reading each file of a run needs (sent once to each worker of a pool).

    ``defaults``: inputs given from outside the sheets (``--targets``); ``sheet_warnings``: work
    out the warnings about each sheet (JY304-JY306, ``max_gap`` for JY305); ``score_column``:
    score each sheet and keep its :class:`~jyscore.core.ranking.Standing` in that column, with its
    item table when ``keep_items``.
    """

    rubric: Rubric
    defaults: SheetDefaults | None = None
    sheet_warnings: bool = False
    max_gap: Decimal | None = None
    score_column: str | None = None
    keep_items: bool = False


@dataclass(frozen=True, kw_only=True)
class FileRecord:
    """One file of a run: every problem of it (errors, or the loader's warnings) and, when its
    sheet loaded and the run scores, its standing (then it is a :class:`SheetRecord`).

    A file whose sheet did not load keeps what could be read of it: ``head``, its college and
    year as far as read (``rank --skip-invalid`` leaves out the panel it belongs to), and
    ``named_rubric``, the rubric id a sheet of another rubric names and where (JY303)."""

    path: Path
    problems: tuple[Problem, ...]
    standing: Standing | None = None
    head: SheetHead | None = None
    named_rubric: tuple[str, Position] | None = None

    @property
    def source(self) -> str:
        return display_path(self.path)


@dataclass(frozen=True, kw_only=True)
class SheetRecord(FileRecord):
    """A file whose sheet loaded: who it is about (what the checks across the run read, a
    :class:`~jyscore.core.panels.SheetLike`), the warnings about it (when asked) and, when it
    names its assessor, the sheet itself: its panel is built from it."""

    college: str
    year: int
    assessor: str | None
    rubric_id: str | None
    positions: Mapping[str, Position] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()  # JY304-JY306
    sheet: Sheet | None = None


def read_file(path: Path, settings: ReadSettings) -> FileRecord:
    """Read and check one file (in a worker for big runs): its record, whatever it holds."""
    report = check_sheet(path, settings.rubric, settings.defaults)
    sheet = report.sheet
    if sheet is None or not report.ok:
        return FileRecord(path=path, problems=tuple(report.problems), head=report.head,
                          named_rubric=_named_rubric(report))
    warnings = (sheet_problems(sheet, settings.rubric, settings.max_gap)
                if settings.sheet_warnings else [])
    return SheetRecord(
        path=path, problems=tuple(report.problems), college=sheet.college, year=sheet.year,
        assessor=sheet.assessor, rubric_id=sheet.rubric_id,
        positions={name: sheet.positions[name] for name in RUN_FIELDS if name in sheet.positions},
        warnings=tuple(warnings),
        standing=_standing(sheet, settings),
        sheet=sheet if sheet.assessor is not None else None,
    )


def _standing(sheet: Sheet, settings: ReadSettings) -> Standing | None:
    if settings.score_column is None:
        return None
    result = score(settings.rubric, sheet)
    return Standing.of(result, keep_result=settings.keep_items, columns=(settings.score_column,))


def _named_rubric(report: SheetReport) -> tuple[str, Position] | None:
    """A sheet naming another rubric did not load (``JY024``): the id it names, and where."""
    mismatch = next((p for p in report.problems if p.code == "JY024"), None)
    other = mismatch.params.get("sheet_rubric") if mismatch else None
    if mismatch is None or not isinstance(other, str):
        return None
    return other, Position(mismatch.line, mismatch.column, mismatch.cell)


def read_files(
    files: Sequence[Path], settings: ReadSettings, pool: PoolSettings | None = None
) -> list[FileRecord]:
    """Every file's record, in the order of ``files``; in a process pool from ``pool``'s
    threshold on. Records are kept small as they arrive: equal numbers of the standings and
    equal places of the fields are shared (:class:`_Shared`), and each keeps the caller's path."""
    pool = pool or PoolSettings()
    shared = _Shared()
    records = iter_files(read_file, files, settings, threshold=pool.threshold,
                         workers=pool.workers, progress=pool.progress)
    with gc_paused(), closing(records):
        return [_kept(record, path, shared) for path, record in zip(files, records, strict=True)]


class _Shared:
    """What the records of a run share rather than each keeping its own copy: equal numbers
    (:meth:`~jyscore.core.ranking.Standing.sharing`) and equal places of the run's fields (the
    sheets of one template put ``college:`` and ``year:`` at the same lines): on 10,000 sheets
    a few megabytes."""

    def __init__(self) -> None:
        self.values: dict[tuple[object, ...], Decimal] = {}
        self.layouts: dict[tuple[tuple[str, Position], ...], Mapping[str, Position]] = {}

    def layout(self, positions: Mapping[str, Position]) -> Mapping[str, Position]:
        return self.layouts.setdefault(tuple(positions.items()), positions)


def _kept(record: FileRecord, path: Path, shared: _Shared) -> FileRecord:
    """``record`` as the run keeps it: with the caller's ``path`` (not a worker's copy), its
    standing's numbers and its fields' places shared with the other records'."""
    changes: dict[str, object] = {"path": path}
    if record.standing is not None:
        changes["standing"] = record.standing.sharing(shared.values)
    if isinstance(record, SheetRecord) and record.positions:
        changes["positions"] = shared.layout(record.positions)
    return _moved(record, changes)


def _moved(record: FileRecord, changes: Mapping[str, object]) -> FileRecord:
    """``replace(record, **changes)`` without ``__init__`` (the fields are the record's own, none
    is checked): the parent of a pool does this for every record, while its workers read."""
    moved = object.__new__(type(record))
    vars(moved).update(vars(record), **changes)
    return moved


def loaded(records: Sequence[FileRecord]) -> list[SheetRecord]:
    """The records whose sheet loaded, in run order."""
    return [record for record in records if isinstance(record, SheetRecord)]
