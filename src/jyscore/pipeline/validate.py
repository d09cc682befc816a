"""Check score sheets the way a linter checks code: every problem of every file, then the run.

:func:`validate_files` is the run (:func:`jyscore.pipeline.run.read_files`: each file read on its
own, one broken file never stops the others; the warnings about each sheet, JY304-JY306, worked
out with it) followed by every check across the run (:mod:`jyscore.pipeline.checks`): the same
college twice (JY301), several years or rubrics (JY302, JY303), and the panels (JY311-JY316, and
with ``max_spread`` JY319).

With ``strict`` every warning, the loader's too (``JY003`` a GB18030 file), counts as an error.
Pure: nothing is printed, the caller renders the :class:`~jyscore.core.run.ValidationReport`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from jyscore.core.models import Rubric
from jyscore.core.panels import (
    Grouping,
    PanelSettings,
    folder_year_problems,
    group_sheets,
    spread_problems,
)
from jyscore.core.problems import Problem, Severity
from jyscore.core.run import ValidationReport
from jyscore.pipeline.checks import (
    build_panels,
    duplicate_problems,
    mixed_rubric_problems,
    mixed_year_problems,
)
from jyscore.pipeline.parallel import PARALLEL_THRESHOLD, PoolSettings, Progress
from jyscore.pipeline.run import ReadSettings, SheetRecord, loaded, read_files
from jyscore.readers.defaults import SheetDefaults
from jyscore.readers.files import discover


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
    progress: Progress | None = None,
) -> ValidationReport:
    """Validate sheets that have already been found (see :func:`jyscore.readers.files.discover`).

    From ``parallel_threshold`` files on, the files are checked in a process pool.
    ``max_spread``: warn (JY319) where a panel's assessors differ by more on an item;
    ``panel_method`` (default: the rubric's) is the method a panel is checked for (JY315);
    ``defaults``: inputs supplied from outside the sheets (``--targets``); ``progress`` is
    called with the files done so far and their number.
    """
    settings = ReadSettings(rubric, defaults, sheet_warnings=True, max_gap=max_gap)
    records = read_files(files, settings, PoolSettings(parallel_threshold, workers, progress))
    sheets = loaded(records)
    grouping = group_sheets(sheets)
    problems = [p for record in records for p in record.problems]
    problems.extend(duplicate_problems(grouping.singles))  # a panel's sheets: panel_problems
    problems.extend(mixed_year_problems(sheets))
    problems.extend(mixed_rubric_problems(records, rubric))
    problems.extend(panel_problems(sheets, grouping, rubric, max_spread, panel_method))
    problems.extend(p for sheet in sheets for p in sheet.warnings)
    if strict:
        problems = [
            dataclasses.replace(p, severity=Severity.ERROR) if not p.is_error else p
            for p in problems
        ]
    return ValidationReport(len(files), tuple(sorted(problems, key=Problem.sort_key)))


def panel_problems(
    sheets: Sequence[SheetRecord], grouping: Grouping[SheetRecord], rubric: Rubric,
    max_spread: Decimal | None = None, panel_method: str | None = None,
) -> list[Problem]:
    """The panels' problems: JY311-JY313 (who assessed), JY314 (self scores that differ),
    JY315 (too few for the method), JY316 (one college's assessor sheets in one folder giving
    several years) and, with ``max_spread``, JY319 (assessors far apart). ``grouping`` is
    ``sheets`` sorted out (:func:`~jyscore.core.panels.group_sheets`)."""
    problems = [*grouping.problems, *folder_year_problems(sheets)]
    for built in build_panels(grouping, rubric, PanelSettings.of(rubric, panel_method)):
        problems.extend(built.problems)
        if built.panel is not None and max_spread is not None:
            problems.extend(spread_problems(built.panel, rubric, max_spread))
    return problems
