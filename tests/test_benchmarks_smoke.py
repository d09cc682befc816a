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
