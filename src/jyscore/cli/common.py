"""What every command shares: the rubric option, output settings and turning problems into exits."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import click

from jyscore.core.fields import YEARS
from jyscore.core.models import PANEL_METHODS, Rubric, Sheet
from jyscore.core.problems import JyscoreError, Problem
from jyscore.core.text import display_path
from jyscore.i18n.messages import hint, render_message
from jyscore.readers.files import READERS, check_sheet, find_files, is_own_output, read_sheet
from jyscore.readers.rubric import load_rubric
from jyscore.writers.options import RenderOptions
from jyscore.writers.problems import PROBLEM_FORMATS

if TYPE_CHECKING:  # the writer (tempfile, signal, threading) is imported by the commands that write
    from jyscore.core.run import RankOutcome
    from jyscore.readers.defaults import SheetDefaults  # an annotation only (--targets)
    from jyscore.writers.atomic import OutputError
    from jyscore.writers.progress import DelayedProgress

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 3  # a bug in jyscore, never a problem of the data
DEFAULT_WIDTH = 120  # the width of a table piped or redirected, unless COLUMNS says otherwise
MIN_WIDTH = 80  # narrower terminals get tables this wide
FILE_WIDTH = 160  # a table written to a file (-o) is not cut to a terminal's width
# the years a command's --year (and its kin) may name: those a sheet may give
YEAR = click.IntRange(YEARS.start, YEARS.stop - 1)
F = TypeVar("F", bound=Callable[..., object])  # a command function, as click's decorators take


def rubric_option(command: F) -> F:
    return click.option(
        "--rubric",
        "rubric_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=None,
        help="Rubric YAML file (default: the built-in imnu-employment rubric).",
    )(command)


def targets_option(command: F) -> F:
    """``--targets FILE``: each college's target, for every command that checks sheets."""
    return click.option(
        "--targets", "targets_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
        help="YAML file with each college's employment-rate target (sheets may then leave "
        "it out).",
    )(command)


def panel_option(command: F) -> F:
    """``--panel METHOD``: how a panel's assessors are aggregated (score, explain, validate,
    rank)."""
    return click.option(
        "--panel", "panel_method", type=click.Choice(PANEL_METHODS), default=None,
        help="How a panel's assessors are aggregated (default: the rubric's panel.method, "
        "else mean): mean, median, or trimmed-mean (drops the highest and the lowest; "
        "needs 3 assessors).",
    )(command)


def progress_bar(title: str) -> DelayedProgress | None:
    """A delayed progress bar on stderr when it is a terminal; none when it is piped or
    redirected, so CI logs and JSON stay clean (validate and rank draw it alike)."""
    if not (sys.stderr.isatty() and os.environ.get("TERM") != "dumb"):
        return None
    from jyscore.writers.progress import DelayedProgress  # noqa: F811 - rich only when drawn

    return DelayedProgress(title)


def get_targets(path: Path | None, rubric: Rubric) -> SheetDefaults | None:
    """The sheet defaults of a ``--targets`` file (None without one); exit 1 with its problems."""
    if path is None:
        return None
    from jyscore.readers.targets import load_targets

    try:
        return load_targets(path, rubric).defaults
    except JyscoreError as exc:
        fail(exc.problems)


def wants_color(stream: object) -> bool:
    """Colour on a terminal; ``NO_COLOR`` or ``TERM=dumb`` turn it off, ``FORCE_COLOR`` on (also
    when piped, e.g. into ``less -R`` or a CI log), as https://no-color.org and
    https://force-color.org ask."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def output_width() -> int:
    """The width tables fit: ``COLUMNS``, else the terminal's, else 120 (piped); at least
    :data:`MIN_WIDTH`."""
    # what shutil.get_terminal_size does for the columns, without importing shutil (~2 ms)
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        stdout = sys.__stdout__
        try:
            columns = os.get_terminal_size(stdout.fileno()).columns if stdout else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return max(columns or DEFAULT_WIDTH, MIN_WIDTH)


def output_options(stream: object) -> RenderOptions:
    return RenderOptions(color=wants_color(stream), width=output_width())


def echo_problems(problems: Sequence[Problem], files_checked: int = 1) -> None:
    """Problems to stderr as text (the commands that print data keep stdout for the data)."""
    if problems:
        options = RenderOptions(color=wants_color(sys.stderr))
        click.echo(PROBLEM_FORMATS["text"](problems, options, files_checked), err=True, nl=False,
                   color=options.color)


def fail(problems: Sequence[Problem]) -> NoReturn:
    echo_problems(sorted(problems, key=Problem.sort_key))
    sys.exit(EXIT_PROBLEMS)


def get_sheet(path: Path, rubric: Rubric, *, output: Path | None = None,
              defaults: SheetDefaults | None = None) -> Sheet:
    """Read one sheet (YAML or workbook); exit 1 with every problem, print its warnings.

    ``output``: the file the command would have written, named as not written on failure.
    A ranking workbook jyscore wrote is no sheet: a note and exit 2, as ``rank`` says it."""
    if is_own_output(path):
        click.echo(hint("program-says", text=hint("own-output-skipped", file=display_path(path))),
                   err=True)
        sys.exit(EXIT_USAGE)
    try:
        sheet = read_sheet(path, rubric, defaults)
    except JyscoreError as exc:
        if output is not None:
            echo_problems(sorted(exc.problems, key=Problem.sort_key))
            click.echo(hint("program-says", text=hint("convert-nothing-written", path=output)),
                       err=True)
            sys.exit(EXIT_PROBLEMS)
        fail(exc.problems)
    echo_problems(sheet.warnings)
    return sheet


def find_sheets(paths: Sequence[Path]) -> list[Path]:
    """Every sheet below ``paths``, for the commands that read folders (validate, rank).

    jyscore's own outputs found there (a ranking workbook) are skipped with a note on stderr;
    a path holding no sheet is wrong usage: exit 2, naming it, whichever command was run.
    """
    found: list[Path] = []
    for path in paths:
        below = find_files([path])
        for output in below.outputs:
            click.echo(hint("program-says",
                            text=hint("own-output-skipped", file=display_path(output))),
                       err=True)
        if not below.sheets:  # a file named here that is an output: its note says it all
            if path.is_dir():
                suffixes = ", ".join(f"*{s}" for s in sorted(READERS))
                message = hint("validate-no-sheets", path=display_path(path), suffixes=suffixes)
                click.echo(hint("program-says", text=message), err=True)
            sys.exit(EXIT_USAGE)
        found.extend(below.sheets)
    return list(dict.fromkeys(found))


def checked_sheets(
    paths: Sequence[Path], rubric: Rubric, defaults: SheetDefaults | None
) -> tuple[list[Sheet], list[Problem]]:
    """The sheets below ``paths`` (:func:`find_sheets`), read and checked, with their warnings;
    every problem and exit 1 when any of them has an error (``score``, ``explain``)."""
    reports = [check_sheet(path, rubric, defaults) for path in find_sheets(paths)]
    problems = [p for report in reports for p in report.problems]
    if not all(report.ok for report in reports):
        fail(problems)
    return [report.sheet for report in reports if report.sheet is not None], problems


def get_rubric(path: Path | None) -> Rubric:
    try:
        return load_rubric(path)
    except JyscoreError as exc:
        fail(exc.problems)


def output_failure(error: OutputError) -> NoReturn:
    """Report an output that could not be written: exit 2 for a refused overwrite, else 1."""
    params = {"path": display_path(error.path), "reason": error.reason}
    click.echo(hint("program-says", text=render_message(error.code, params)), err=True)
    sys.exit(EXIT_USAGE if error.code == "JY701" else EXIT_PROBLEMS)


# problems --skip-invalid does not skip: of the run, or of a panel (several files together)
RUN_CODES = frozenset({"JY301", "JY311", "JY312", "JY314", "JY315", "JY316", "JY501", "JY504",
                       "JY505", "JY507", "JY508"})


def stop_run(problems: Sequence[Problem], output: Path | None, skip_invalid: bool) -> NoReturn:
    """Print every problem, then what happened to the output and how to go on anyway; exit 1
    (rank, compare and report stop alike)."""
    echo_problems(sorted(problems, key=Problem.sort_key))
    if output is not None:
        click.echo(hint("program-says", text=hint("rank-nothing-written", path=output)), err=True)
    if not skip_invalid and any(p.is_error and p.code not in RUN_CODES for p in problems):
        click.echo(hint("program-says", text=hint("rank-try-skip-invalid")), err=True)
    sys.exit(EXIT_PROBLEMS)


def report_skipped(outcome: RankOutcome) -> None:
    """A ranking's warnings and the problems of the sheets it skipped as invalid, then each
    skipped file named (rank, compare and report alike)."""
    problems: list[Problem] = [p for s in outcome.skipped for p in s.problems]
    echo_problems(sorted([*problems, *outcome.warnings], key=Problem.sort_key))
    for skipped in outcome.skipped:
        click.echo(hint("rank-skipped", file=display_path(skipped.path)), err=True)


def check_format_conflict(requested: str | None, output: Path | None, implied: str | None) -> None:
    """``--format`` that contradicts ``-o``'s extension is wrong usage (exit 2), as for rank."""
    if requested and output is not None and implied and implied != requested:
        raise click.UsageError(
            hint("rank-format-conflict", format=requested, path=output, suffix=output.suffix,
                 implied=implied)
        )
