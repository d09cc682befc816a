"""benchmarks/run.py works end to end (at a tiny size: no timing is asserted, ever)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def test_quick_benchmark_runs_and_prints_ratios(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    ratios = [line for line in done.stdout.splitlines() if line.startswith("ratio ")]
    assert any("validate / floor" in line for line in ratios), done.stdout
    assert any("score one sheet / import floor" in line for line in ratios), done.stdout
    assert all(line.split()[-1] != "MISSED" for line in ratios)  # --quick gives no verdicts
    assert (tmp_path / "sheets-30").is_dir()  # the sheets were generated where asked


def test_report_benchmark_runs(tmp_path):
    import shutil

    import pytest

    if shutil.which("chromium") is None and shutil.which("chromium-browser") is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does)")
    script = SCRIPT.parent / "report.py"
    done = subprocess.run([sys.executable, str(script), "--quick", "--workdir", str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "ratio 20-college report / floor:" in done.stdout, done.stdout
    assert (tmp_path / "report-20.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
