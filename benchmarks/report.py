"""The HTML report of many colleges: how long it takes to write, and to open in Chromium.

    python benchmarks/report.py                  # 1,000 colleges (generate.py's sheets)
    python benchmarks/report.py --colleges 200 --repeats 1
    python benchmarks/report.py --quick          # 20 colleges, one run: proves the script works

"Opens" is Chromium's headless ``--screenshot`` of the page: parse the whole document, lay it
out and paint the first screen, in a fresh profile. Measured beside the floor, the same for the
report of 7 colleges (examples/2024/): Chromium's own start-up is most of that. The ratio
report / floor is the figure; the target is that the 1,000-college page opens in a few seconds.
Each row keeps its fastest of ``--repeats`` interleaved runs (a shared machine is noisy).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402  (benchmarks/ is not a package)

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1200,1600"]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the command's processes and threads) of a command."""
    cpu, started = children_cpu(), time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=1800)
    return time.perf_counter() - started, children_cpu() - cpu


def jyscore_report(folder: Path, target: Path) -> tuple[float, float]:
    return timed([sys.executable, "-m", "jyscore", "report", str(folder), "-o", str(target),
                  "--force"])


def open_in_chromium(chromium: str, page: Path, work: Path) -> float:
    profile = Path(tempfile.mkdtemp(dir=work, prefix="profile-"))
    seconds, _ = timed([chromium, *FLAGS, f"--user-data-dir={profile}",
                        f"--screenshot={work / 'shot.png'}", page.as_uri()])
    shutil.rmtree(profile, ignore_errors=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--colleges", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    count, repeats = (20, 1) if args.quick else (args.colleges, args.repeats)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("chromium is not installed: nothing to measure")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="jyscore-report-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sheets = work / f"sheets-{count}"
    if not sheets.is_dir():
        generate(count, sheets)
    small, big = work / "small.html", work / f"report-{count}.html"
    written, cpu = jyscore_report(sheets, big)
    jyscore_report(ROOT / "examples" / "2024", small)
    print(f"jyscore report, {count} colleges: {written:.1f} s ({cpu:.1f} s cpu), "
          f"{big.stat().st_size / 1e6:.1f} MB of HTML")
    floor, opened = [], []
    for _ in range(repeats):
        floor.append(open_in_chromium(chromium, small, work))
        opened.append(open_in_chromium(chromium, big, work))
    print(f"floor: open the 7-college report: {min(floor):.2f} s")
    print(f"open the {count}-college report: {min(opened):.2f} s")
    print(f"ratio {count}-college report / floor: {min(opened) / min(floor):.2f}")


if __name__ == "__main__":
    main()
