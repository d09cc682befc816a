"""A progress bar on stderr for long runs, drawn by rich; it appears only after a moment.

The CLI uses it only when stderr is a terminal: piped or redirected output never gets one. A run
that finishes within ``delay`` seconds never shows it at all; a run that takes longer shows it
from then on, and it is removed (``transient``) when the run ends, so the terminal keeps only the
result and the problems.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

DELAY = 0.5


class DelayedProgress:
    """Call with the items done so far and the total; use as a context manager to close it."""

    def __init__(
        self, description: str, *, delay: float = DELAY, stream: TextIO | None = None
    ) -> None:
        self.description = description
        self.delay = delay
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if self._progress is None:
            if time.monotonic() - self.started < self.delay or done >= total:
                return
            self._progress = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TimeRemainingColumn(), console=Console(file=self.stream), transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=total)
        assert self._task is not None
        self._progress.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def __enter__(self) -> DelayedProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
