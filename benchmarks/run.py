"""Measure jyscore against the floor (libyaml) and its peers, side by side, and print ratios.

    python benchmarks/run.py                 # the full run (see README.md for how long)
    python benchmarks/run.py --skip xlsx     # without the 10,000-college workbook (minutes)
    python benchmarks/run.py --quick         # tiny sizes, a few seconds: proves the script works
    python benchmarks/run.py --src ../old/src    # measure another checkout's jyscore

Every row is measured on the same generated sheets (benchmarks/generate.py, deterministic). The
repeats are interleaved (round 1 of every row, then round 2, …) and each row keeps its fastest
run, so that a noisy neighbour slows one sample rather than one row. Commands run as whole
processes with stdout to a pipe; their peak memory is the peak RSS (ru_maxrss from wait4) of
the process, or of its largest worker. The floor runs in this process; its peak is tracemalloc's.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402  (benchmarks/ is not a package)

IMPORT_FLOOR = "from pydantic import BaseModel; import yaml, click, rich.console, rich.table"
# "memory flat in the number of sheets": 5x the sheets may cost at most this much more memory
FLAT_MEMORY = 1.5
LONG_RUN = 20.0  # a row whose first run takes longer than this many seconds is not repeated


@dataclass
class Sample:
    seconds: float
    peak_mb: float | None = None  # None where the platform cannot tell
    cpu: float | None = None  # user + system seconds, workers included


@dataclass
class Row:
    key: str
    label: str
    measure: Callable[[], Sample]
    repeats: int
    samples: list[Sample] = field(default_factory=list)
    note: str = ""

    @property
    def best(self) -> Sample | None:
        return min(self.samples, key=lambda s: s.seconds) if self.samples else None

    @property
    def peak_mb(self) -> float | None:
        peaks = [s.peak_mb for s in self.samples if s.peak_mb is not None]
        return max(peaks) if peaks else None


class CommandFailed(Exception):
    pass


# Runs the measured command as its own child and reports its wall time, peak RSS and CPU time.
# Linux carries the RSS of whoever forks a process into its ru_maxrss: forked straight from this
# (big) process every command would seem to need at least this process's memory. A fresh small
# interpreter in between keeps that floor at a few MB, and the timing is taken in there.
LAUNCHER = r"""
import os, sys, time
report, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(report, "w") as out:
    out.write(f"{seconds} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime} "
              f"{os.waitstatus_to_exitcode(status)}")
"""


def _drain(stream: IO[bytes]) -> None:
    """Read a command's output to the end, as the reader at the other end of a pipe would."""
    while stream.read(1 << 16):
        pass


def run_command(command: list[str], env: dict[str, str], timeout: float) -> Sample:
    """Run a whole process with stdout to a pipe; its wall time, peak RSS and CPU time."""
    measured = hasattr(os, "fork") and hasattr(os, "wait4")
    with tempfile.TemporaryDirectory() as scratch, \
            open(Path(scratch) / "stderr", "w+b") as errors:
        report = Path(scratch) / "report"
        argv = [sys.executable, "-c", LAUNCHER, str(report), *command] if measured else command
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=errors, env=env,
                                   start_new_session=measured)
        stdout = process.stdout
        assert stdout is not None
        reader = threading.Thread(target=_drain, args=(stdout,))
        reader.start()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            if measured:
                os.killpg(process.pid, signal.SIGKILL)  # the launcher and the command it started
            process.kill()
            process.wait()
            raise
        finally:
            reader.join()
            stdout.close()
        if measured:
            seconds, maxrss, cpu, code = report.read_text().split()
            scale = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024  # bytes vs KiB
            sample = Sample(float(seconds), int(maxrss) * scale, float(cpu))
            returncode = int(code)
        else:  # Windows: no fork, no rusage
            sample = Sample(time.perf_counter() - start)
            returncode = process.returncode
        if returncode != 0:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")[-2000:]
            raise CommandFailed(f"{' '.join(command[:6])} … exited {returncode}\n{message}")
    return sample


def workbook_sample(folder: Path, env: dict[str, str], timeout: float) -> Sample:
    """The ranking workbook alone (benchmarks/workbook.py): its seconds and tracemalloc peak."""
    done = subprocess.run([sys.executable, str(HERE / "workbook.py"), str(folder)], env=env,
                          capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise CommandFailed(f"workbook.py {folder} exited {done.returncode}\n{done.stderr[-2000:]}")
    seconds, peak = done.stdout.split()[-2:]
    return Sample(float(seconds), float(peak))


def floor(files: list[Path]) -> Sample:
    """Read every file and compose it with libyaml, one core, in this process."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    start = time.perf_counter()
    for path in files:
        yaml.compose(path.read_text(encoding="utf-8"), Loader=loader)
    return Sample(time.perf_counter() - start)


def floor_peak_mb(files: list[Path]) -> float:
    tracemalloc.start()
    floor(files)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / (1024 * 1024)


def sheets(folder: Path, count: int) -> list[Path]:
    """``count`` generated sheets in ``folder``, reusing a previous run's when they are there."""
    existing = sorted(folder.glob("sheet-*.yaml")) if folder.is_dir() else []
    if len(existing) == count:
        return existing
    if folder.exists():
        shutil.rmtree(folder)
    return generate(count, folder)


def jyscore_command(src: Path | None) -> list[str]:
    """The console script next to this Python (what a user runs), else ``python -m jyscore``."""
    script = Path(sys.executable).with_name("jyscore")
    return [str(script)] if script.is_file() and src is None else [sys.executable, "-m", "jyscore"]


def checker_command() -> list[str] | None:
    script = Path(sys.executable).with_name("check-jsonschema")
    if script.is_file():
        return [str(script)]
    found = shutil.which("check-jsonschema")
    if found:
        return [found]
    if importlib.util.find_spec("check_jsonschema") is not None:
        return [sys.executable, "-m", "check_jsonschema"]
    return None


def xlsx_available() -> bool:
    from jyscore.writers.formats import RANK_FORMATS

    return "xlsx" in RANK_FORMATS


def fmt_seconds(sample: Sample | None) -> str:
    if sample is None:
        return "—"
    return f"{sample.seconds * 1000:.0f} ms" if sample.seconds < 1 else f"{sample.seconds:.2f} s"


def fmt_mb(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} MB"


def ratio(a: Row, b: Row) -> float | None:
    if a.best is None or b.best is None:
        return None
    return a.best.seconds / b.best.seconds


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes, one run each: proves the script works (no verdicts)")
    parser.add_argument("--sheets", type=int, default=2000, help="sheets for rows 1-2")
    parser.add_argument("--schema-sheets", type=int, default=1000, help="sheets for row 3")
    parser.add_argument("--big", type=int, default=10000, help="colleges for the workbook row")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per command")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep the generated sheets here and reuse them (default: a temp dir)")
    parser.add_argument("--src", type=Path, default=None,
                        help="put this folder first on PYTHONPATH: measure another checkout")
    parser.add_argument("--skip", action="append", default=[],
                        choices=["validate", "schema", "score", "xlsx"], help="leave a row out")
    args = parser.parse_args(argv)
    if args.quick:  # proves every row runs; the sizes are far too small for the targets
        args.sheets, args.schema_sheets, args.big, args.repeats = 30, 10, 20, 1
    small_big = max(1, args.big // 5)

    env = dict(os.environ)
    if args.src is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(args.src.resolve()),
                                                          env.get("PYTHONPATH")]))
    # an installed package comes with its bytecode: compile jyscore's once, outside the timings
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    package = subprocess.run(
        [sys.executable, "-c", "import jyscore, os; print(os.path.dirname(jyscore.__file__))"],
        env=env, check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], env=env, check=True)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="jyscore-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return _run(args, env, work, small_big)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, env: dict[str, str], work: Path, small_big: int) -> int:
    jy = jyscore_command(args.src)
    timeout = args.timeout

    def command(*parts: object) -> Callable[[], Sample]:
        argv = [str(p) for p in parts]
        return lambda: run_command(argv, env, timeout)

    print(f"generating sheets in {work} …", file=sys.stderr)
    main_dir = work / f"sheets-{args.sheets}"
    main_files = sheets(main_dir, args.sheets)
    one = main_files[0]
    rows: dict[str, Row] = {}
    notes: list[str] = []

    def add(key: str, label: str, measure: Callable[[], Sample],
            repeats: int = args.repeats) -> None:
        rows[key] = Row(key, label, measure, repeats)

    add("floor", f"floor: read + libyaml compose, {args.sheets} sheets, 1 core",
        lambda: floor(main_files))
    if "validate" not in args.skip:
        add("validate", f"jyscore validate DIR ({args.sheets})", command(*jy, "validate", main_dir))
        add("rank", f"jyscore rank DIR --format json ({args.sheets})",
            command(*jy, "rank", main_dir, "--format", "json"))
    if "schema" not in args.skip:
        checker = checker_command()
        if checker is None:
            notes.append("row 3 skipped: check-jsonschema is not installed "
                         "(pip install check-jsonschema; it is not a jyscore dependency)")
        else:
            schema_dir = work / f"sheets-{args.schema_sheets}"
            schema_files = sheets(schema_dir, args.schema_sheets)
            schema_file = work / "sheet.schema.json"
            schema_file.write_bytes(subprocess.run([*jy, "schema"], env=env, check=True,
                                                   capture_output=True).stdout)
            add("checker", f"check-jsonschema --schemafile, {args.schema_sheets} sheets",
                command(*checker, "--schemafile", schema_file, *schema_files),
                repeats=min(args.repeats, 3))
            add("validate-small", f"jyscore validate DIR ({args.schema_sheets})",
                command(*jy, "validate", schema_dir))
    if "score" not in args.skip:
        startup_repeats = 1 if args.quick else args.repeats * 3  # short and noisy: more runs
        add("import-floor", "import floor: python -c 'pydantic, yaml, click, rich'",
            command(sys.executable, "-c", IMPORT_FLOOR), repeats=startup_repeats)
        add("score", "jyscore score one.yaml (table, to a pipe)", command(*jy, "score", one),
            repeats=startup_repeats)
    if "xlsx" not in args.skip:
        if not xlsx_available():
            notes.append('row 5 skipped: no "xlsx" in jyscore.writers.formats.RANK_FORMATS yet')
        else:
            for count in (small_big, args.big):
                folder = work / f"sheets-{count}"
                sheets(folder, count)
                out = work / f"ranking-{count}.xlsx"
                add(f"book-{count}", f"the workbook alone, in process ({count} colleges)",
                    lambda folder=folder: workbook_sample(folder, env, timeout))
                add(f"xlsx-{count}", f"jyscore rank DIR -o X.xlsx ({count} colleges)",
                    command(*jy, "rank", folder, "-o", out, "--force"))
                add(f"json-{count}", f"jyscore rank DIR --format json ({count} colleges)",
                    command(*jy, "rank", folder, "--format", "json"))

    _measure(rows, args.repeats)
    floor_peak = floor_peak_mb(main_files)
    _report(rows, args, floor_peak, small_big, notes)
    return 0


def _measure(rows: dict[str, Row], repeats: int) -> None:
    """Interleaved rounds: every row once, then again, each until it has its repeats."""
    for round_ in range(max(r.repeats for r in rows.values())):
        print(f"round {round_ + 1} …", file=sys.stderr)
        for row in rows.values():
            if len(row.samples) >= row.repeats or row.note:
                continue
            if row.samples and row.samples[0].seconds > LONG_RUN:
                continue  # a long row is measured once: its noise is small next to its length
            try:
                row.samples.append(row.measure())
            except subprocess.TimeoutExpired as exc:
                row.note = f"timed out after {exc.timeout:.0f} s"
            except CommandFailed as exc:
                raise SystemExit(f"benchmark command failed: {exc}") from None


def _report(
    rows: dict[str, Row], args: argparse.Namespace, floor_peak: float, small_big: int,
    notes: list[str],
) -> None:
    _print_rows(rows, args, floor_peak)
    print()
    verdicts = _Verdicts(args.quick)
    _speed_ratios(rows, verdicts)
    _workbook_figures(rows, args.big, small_big, verdicts)
    for text in verdicts.lines:
        print(text)
    for note in notes:
        print(f"note: {note}")


def _print_rows(rows: dict[str, Row], args: argparse.Namespace, floor_peak: float) -> None:
    """The machine, then every row: its best time, its peak memory, its CPU time, its runs."""
    import yaml

    libyaml = "libyaml" if hasattr(yaml, "CSafeLoader") else "no libyaml!"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"jyscore benchmarks — {datetime.date.today()} — {cores} cores, "
          f"{platform.python_implementation()} {platform.python_version()}, "
          f"PyYAML {yaml.__version__} ({libyaml}){' — quick' if args.quick else ''}")
    print(f"{'row':<58} {'best':>10} {'peak':>10} {'cpu':>9} runs")
    for row in rows.values():
        best = row.best
        peak = floor_peak if row.key == "floor" else row.peak_mb
        cpu = f"{best.cpu:.2f} s" if best and best.cpu is not None else "—"
        print(f"{row.label:<58} {fmt_seconds(best):>10} {fmt_mb(peak):>10} {cpu:>9} "
              f"{len(row.samples)}{'  ' + row.note if row.note else ''}")


class _Verdicts:
    """The lines of ratios and times against their targets (no verdict for --quick sizes, which
    say nothing about the targets)."""

    def __init__(self, quick: bool) -> None:
        self.quick = quick
        self.lines: list[str] = []

    def ratio(self, text: str, value: float | None, target: str, ok: bool | None) -> None:
        shown = "—" if value is None else f"{value:.2f}x"
        mark = "" if ok is None or value is None or self.quick else f"  {verdict(ok)}"
        self.lines.append(f"ratio {text:<46} {shown:>8}   target {target}{mark}")


def _speed_ratios(rows: dict[str, Row], verdicts: _Verdicts) -> None:
    if "validate" in rows:
        value = ratio(rows["validate"], rows["floor"])
        verdicts.ratio("validate / floor", value, "<= 1.1x", value is not None and value <= 1.1)
        verdicts.ratio("rank --format json / floor", ratio(rows["rank"], rows["floor"]), "—",
                       None)
    if "checker" in rows:
        value = ratio(rows["checker"], rows["validate-small"])
        verdicts.ratio("check-jsonschema / validate (speed-up)", value, ">= 20x",
                       value is not None and value >= 20)
    if "score" in rows:
        value = ratio(rows["score"], rows["import-floor"])
        verdicts.ratio("score one sheet / import floor", value, "<= 1.0x",
                       value is not None and value <= 1.0)


def _workbook_figures(
    rows: dict[str, Row], big: int, small_big: int, verdicts: _Verdicts
) -> None:
    book, whole = rows.get(f"book-{big}"), rows.get(f"xlsx-{big}")
    if book is None or whole is None:
        return
    seconds = book.best.seconds if book.best else None
    mark = "" if seconds is None or verdicts.quick else f"  {verdict(seconds <= 3)}"
    verdicts.lines.append(f"time  {'workbook of ' + str(big) + ' colleges, in process':<46} "
                          f"{fmt_seconds(book.best):>8}   target <= 3 s{mark}")
    json_big = rows[f"json-{big}"]
    if whole.best and json_big.best:
        extra = whole.best.seconds - json_big.best.seconds
        verdicts.lines.append(f"time  {'rank -o X.xlsx - rank --format json':<46} {extra:>7.2f}s"
                              "   (whole processes: the same, plus the noise of two long runs)")
    for key, text in (("xlsx", "rank -o X.xlsx"), ("json", "rank --format json"),
                      ("book", "the workbook alone")):
        a, b = rows[f"{key}-{big}"].peak_mb, rows[f"{key}-{small_big}"].peak_mb
        value = a / b if a is not None and b else None
        if key == "xlsx":
            verdicts.ratio(f"peak memory {text}, {big} / {small_big}", value,
                           f"<= {FLAT_MEMORY}x ({big / small_big:.0f}x the sheets)",
                           value is not None and value <= FLAT_MEMORY)
        else:
            verdicts.ratio(f"peak memory {text}, {big} / {small_big}", value, "—", None)


if __name__ == "__main__":
    sys.exit(main())
