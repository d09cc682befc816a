"""What every command shares: the rubric option, output settings and turning problems into exits."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NoReturn, Sequence, TypeVar

import click

from ..loading import load_rubric, read_sheet
from ..messages import render_message
from ..models import Rubric, Sheet
from ..problems import JyscoreError, Problem
from ..render.options import RenderOptions
from ..render.problems import PROBLEM_FORMATS

if TYPE_CHECKING:  # the writer (tempfile, signal, threading) is imported by the commands that write
    from ..atomic import OutputError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 3  # a bug in jyscore, never a problem of the data
F = TypeVar("F", bound=Callable[..., object])


def rubric_option(command: F) -> F:
    return click.option(
        "--rubric",
        "rubric_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=None,
        help="Rubric YAML file (default: the built-in imnu-employment rubric).",
    )(command)


def wants_color(stream: object) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def output_options(stream: object) -> RenderOptions:
    color = wants_color(stream)
    width = shutil.get_terminal_size((120, 24)).columns if color else 120
    return RenderOptions(color=color, width=max(width, 80))


def echo_problems(problems: Sequence[Problem], files_checked: int = 1) -> None:
    """Problems to stderr as text (the commands that print data keep stdout for the data)."""
    if problems:
        options = RenderOptions(color=wants_color(sys.stderr))
        click.echo(PROBLEM_FORMATS["text"](problems, options, files_checked), err=True, nl=False)


def fail(problems: Sequence[Problem]) -> NoReturn:
    echo_problems(sorted(problems, key=Problem.sort_key))
    sys.exit(EXIT_PROBLEMS)


def get_sheet(path: Path, rubric: Rubric) -> Sheet:
    """Read one sheet (YAML or workbook); exit 1 with every problem, print its warnings."""
    try:
        sheet = read_sheet(path, rubric)
    except JyscoreError as exc:
        fail(exc.problems)
    echo_problems(sheet.warnings)
    return sheet


def get_rubric(path: Path | None) -> Rubric:
    try:
        return load_rubric(path)
    except JyscoreError as exc:
        fail(exc.problems)


def output_failure(error: OutputError) -> NoReturn:
    """Report an output that could not be written: exit 2 for a refused overwrite, else 1."""
    from ..text import display_path

    params = {"path": display_path(error.path), "reason": error.reason}
    click.echo(f"jyscore: {render_message(error.code, params)}", err=True)
    sys.exit(EXIT_USAGE if error.code == "JY701" else EXIT_PROBLEMS)
