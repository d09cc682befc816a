"""Check many sheets across the machine's cores, keeping the order of the files.

Below ``threshold`` files the sheets are read in this process: starting worker processes costs
more than reading a few dozen small files. At or above it, a :class:`ProcessPoolExecutor` reads
them; each worker receives the task and its context (the rubric, the run's defaults) once, when
it starts, and sends back one result per file — results are data, per file, in the order given.
:func:`iter_files` runs any such per-file task (the run's is
:func:`jyscore.pipeline.run.read_file`, which sends back a
:class:`~jyscore.pipeline.run.FileRecord`).

The cyclic garbage collector is paused while the results pile up (:func:`gc_paused`): by the
function that keeps them, in a ``with`` block, never inside a generator (whose pause would last
as long as the caller's loop, and beyond if it is left unfinished).

A ``progress`` callback, when given, is called with the number of files done so far and the
number of files in all.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from jyscore.i18n.catalogue import current_language, set_language

# Measured on 2 cores (Linux, forked workers): at 64 sheets a pool and one process take the same
# time (~55 ms), at 128 the pool is ahead; below it, starting workers costs more than it saves.
PARALLEL_THRESHOLD = 64
Progress = Callable[[int, int], None]  # (files done, files in all)
R = TypeVar("R")
Task = Callable[[Path, Any], R]  # (file, context) -> result; a module-level function


@dataclass(frozen=True)
class PoolSettings:
    """How a run reads its files: in a pool of ``workers`` processes (default: one per core)
    from ``threshold`` files on, calling ``progress`` after each file."""

    threshold: int = PARALLEL_THRESHOLD
    workers: int | None = None
    progress: Progress | None = None


# set once in each worker process by _start_worker
_worker_task: Task[Any] | None = None
_worker_context: Any = None


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a run builds and keeps many small objects.

    Loading sheets makes no reference cycles (everything is freed by reference counting), yet
    the collector's full passes walk every object kept so far, again and again as the results
    pile up: on thousands of sheets that costs a third of the run. It is switched back on (if it
    was on) when the block ends, so cycles made elsewhere are still collected.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _start_worker(task: Task[Any], context: Any, parent: int, language: str) -> None:
    global _worker_task, _worker_context
    _worker_task, _worker_context = task, context
    set_language(language)  # a spawned worker would otherwise guess it from the environment
    _bind_to_parent(parent)


def _bind_to_parent(parent: int) -> None:
    """A worker never outlives the run nor holds its output open: it dies with the parent
    (Linux: PR_SET_PDEATHSIG), leaves Ctrl-C to the parent, and has stdout and stderr on the
    null device, so that a CI step reading the run's output through a pipe sees it close when
    the run ends, however it ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):  # not Linux: the parent ends the pool itself
        pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (1, 2):
        os.dup2(devnull, stream)
    os.close(devnull)


@contextmanager
def _terminating(pool: Any) -> Iterator[None]:
    """Terminate the pool's workers at once when the run ends early (an error, Ctrl-C, or
    SIGTERM, which is turned into KeyboardInterrupt for the time the pool runs) rather than
    letting them finish the files queued."""
    previous = None
    if threading.current_thread() is threading.main_thread():
        def interrupt(signum: int, frame: object) -> None:
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    except BaseException:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run_in_worker(path: Path) -> Any:
    assert _worker_task is not None
    return _worker_task(path, _worker_context)


def default_workers() -> int:
    """The cores this process may use (the affinity mask where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def iter_files(
    task: Task[R],
    paths: Sequence[Path],
    context: Any,
    *,
    threshold: int = PARALLEL_THRESHOLD,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Generator[R, None, None]:
    """``task(path, context)`` for every path, in order, each as soon as it is there; in a
    process pool from ``threshold`` paths on. The caller keeps only what it needs of each (and
    pauses the garbage collector around its loop, :func:`gc_paused`, if it keeps much).

    Until it is run to the end or closed, the pool stays open: a caller that may stop early
    uses ``contextlib.closing``.

    ``task`` must be a module-level function and ``context`` picklable: with the ``spawn`` or
    ``forkserver`` start methods both are sent to each worker.
    """
    workers = workers or default_workers()
    done = 0
    if len(paths) < threshold or workers < 2 or len(paths) < 2:
        for path in paths:
            result = task(path, context)
            done += 1
            if progress:
                progress(done, len(paths))
            yield result
        return
    from concurrent.futures import ProcessPoolExecutor  # only when a pool is worth starting

    workers = min(workers, len(paths))
    chunksize = max(1, min(32, len(paths) // (workers * 4)))
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker,
        initargs=(task, context, os.getpid(), current_language()),
    ) as pool, _terminating(pool):
        for result in pool.map(_run_in_worker, paths, chunksize=chunksize):
            done += 1
            if progress:
                progress(done, len(paths))
            yield result
