"""``jyscore validate`` in a process pool reports exactly what it reports in one process."""

from __future__ import annotations

import gc
from decimal import Decimal
from pathlib import Path

import pytest

from jyscore.pipeline.parallel import PoolSettings, gc_paused, iter_files
from jyscore.pipeline.run import ReadSettings, read_files
from jyscore.pipeline.validate import validate_files
from jyscore.readers.files import discover

FOLDERS = Path(__file__).parent / "data" / "validate"
CASES = sorted(p.name for p in FOLDERS.iterdir() if p.is_dir())


@pytest.mark.parametrize("name", [*CASES, "all"])
@pytest.mark.parametrize("strict, max_gap", [(False, None), (True, Decimal("0.5"))])
def test_pool_and_single_process_agree(rubric, name, strict, max_gap):
    files = discover([FOLDERS] if name == "all" else [FOLDERS / name])
    serial = validate_files(files, rubric, strict=strict, max_gap=max_gap,
                            parallel_threshold=len(files) + 1)
    pooled = validate_files(files, rubric, strict=strict, max_gap=max_gap,
                            parallel_threshold=1, workers=2)
    assert pooled == serial
    assert pooled.files_checked == len(files)


def test_the_run_wide_checks_work_across_workers(rubric):
    """Duplicates, years and rubrics are compared across every file, whichever worker read it."""
    files = discover([FOLDERS])
    report = validate_files(files, rubric, parallel_threshold=1, workers=2)
    codes = {p.code for p in report.problems}
    assert {"JY301", "JY302", "JY303", "JY304", "JY306"} <= codes


def _echo(path: Path, context: str) -> str:
    return f"{context}:{path.name}"


def test_the_pool_keeps_the_order_and_reports_progress(tmp_path):
    paths = [tmp_path / f"{i:03d}.yaml" for i in range(50)]
    calls: list[tuple[int, int]] = []
    pooled = list(iter_files(_echo, paths, "x", threshold=1, workers=2,
                             progress=lambda done, total: calls.append((done, total))))
    assert pooled == [f"x:{p.name}" for p in paths]
    assert calls == [(n, 50) for n in range(1, 51)]


def test_gc_is_paused_only_inside_and_left_as_it_was():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # a caller that had switched it off keeps it off
    finally:
        gc.enable()


@pytest.mark.parametrize("threshold", [1, 1000])
def test_the_garbage_collector_is_never_left_paused_in_the_callers_loop(
    tmp_path, threshold, rubric
):
    """Results arriving one by one leave the collector as the caller has it, in its loop and
    after it: only a function that keeps them all pauses it, in a with block."""
    paths = [tmp_path / f"{i:03d}.yaml" for i in range(8)]
    seen = [gc.isenabled() for _ in iter_files(_echo, paths, "x", threshold=threshold, workers=2)]
    assert seen == [True] * len(paths) and gc.isenabled()
    records = read_files(paths, ReadSettings(rubric), PoolSettings(threshold, workers=2))
    assert records[0].path == paths[0] and gc.isenabled()


def test_the_garbage_collector_is_on_again_after_a_loop_left_early(tmp_path):
    paths = [tmp_path / f"{i:03d}.yaml" for i in range(8)]
    results = iter_files(_echo, paths, "x", threshold=1000)
    for result in results:
        if result.endswith("002.yaml"):
            break
    assert gc.isenabled()
    results.close()
