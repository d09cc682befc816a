"""Check many sheets across the machine's cores, keeping the order of the files.

Below ``threshold`` files the sheets are read in this process: starting worker processes costs
more than reading a few dozen small files. At or above it, a :class:`ProcessPoolExecutor` reads
them; each worker receives the rubric (and the run's defaults) once, when it starts, and sends
back one :class:`SheetReport` per file — results are data, per file, in the order given.

A ``progress`` callback, when given, is called with the number of files done so far and the
number of files in all.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Sequence

from ..models import Rubric
from .defaults import SheetDefaults
from .files import SheetReport, check_sheet

PARALLEL_THRESHOLD = 64
Progress = Callable[[int, int], None]  # (files done, files in all)

# set once in each worker process by _start_worker
_worker_rubric: Rubric | None = None
_worker_defaults: SheetDefaults | None = None


def _start_worker(rubric: Rubric, defaults: SheetDefaults | None) -> None:
    global _worker_rubric, _worker_defaults
    _worker_rubric, _worker_defaults = rubric, defaults


def _check_in_worker(path: Path) -> SheetReport:
    assert _worker_rubric is not None
    return check_sheet(path, _worker_rubric, _worker_defaults)


def default_workers() -> int:
    """The cores this process may use (the affinity mask where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_sheets_parallel(
    paths: Sequence[Path],
    rubric: Rubric,
    defaults: SheetDefaults | None = None,
    *,
    threshold: int = PARALLEL_THRESHOLD,
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[SheetReport]:
    """One report per path, in order; in a process pool when there are ``threshold`` or more."""
    workers = workers or default_workers()
    if len(paths) < threshold or workers < 2 or len(paths) < 2:
        reports: list[SheetReport] = []
        for path in paths:
            reports.append(check_sheet(path, rubric, defaults))
            if progress:
                progress(len(reports), len(paths))
        return reports
    from concurrent.futures import ProcessPoolExecutor  # only when a pool is worth starting

    workers = min(workers, len(paths))
    chunksize = max(1, min(32, len(paths) // (workers * 4)))
    reports = []
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(rubric, defaults)
    ) as pool:
        for report in pool.map(_check_in_worker, paths, chunksize=chunksize):
            reports.append(report)
            if progress:
                progress(len(reports), len(paths))
    return reports
