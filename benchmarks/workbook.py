"""Time the ranking workbook on its own: rank a folder in this process, then write its workbook.

    python benchmarks/workbook.py FOLDER [REPEATS]

Prints one line per repeat: the seconds the workbook took (building it and saving it to bytes,
what ``jyscore rank -o X.xlsx`` does after ranking) and tracemalloc's peak of that step in MB,
taken in a run of its own (tracing every allocation slows Python down several times).
run.py starts it as its own process, so that ``--src`` measures another checkout.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path


def main(argv: list[str]) -> int:
    from jyscore import load_rubric
    from jyscore.pipeline.rank import RankRequest, rank_paths
    from jyscore.writers.rank_common import RankRenderOptions
    from jyscore.writers.xlsx.ranking import render_rank_xlsx

    folder, repeats = Path(argv[0]), int(argv[1]) if len(argv) > 1 else 1
    outcome = rank_paths([folder], RankRequest(load_rubric()))
    options = RankRenderOptions(for_file=True)
    tracemalloc.start()
    render_rank_xlsx(outcome, options)
    peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    tracemalloc.stop()
    for _ in range(repeats):
        start = time.perf_counter()
        render_rank_xlsx(outcome, options)
        print(f"{time.perf_counter() - start} {peak}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
