from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path

import click

from ..loading import discover, load_rubric
from ..loading.files import READERS
from ..messages import hint
from ..numbers import parse_decimal
from ..problems import JyscoreError, Problem
from ..render.problems import PROBLEM_FORMATS
from ..text import display_path
from ..validate import ValidationReport, validate_files
from .common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, output_options, rubric_option


class Points(click.ParamType):
    """A non-negative number of points, read exactly (``1.5`` is ``Decimal('1.5')``)."""

    name = "points"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> Decimal:
        if isinstance(value, Decimal):
            return value
        number = parse_decimal(str(value))
        if number is None or number < 0:
            self.fail(hint("validate-max-gap", value=str(value)), param, ctx)
        return number


def pick_format(name: str) -> str:
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def find_sheets(paths: tuple[Path, ...]) -> list[Path]:
    """Every sheet to check; a folder holding none is a usage error (exit 2) naming it."""
    found: list[Path] = []
    for path in paths:
        below = discover([path])
        if not below:
            suffixes = ", ".join(f"*{s}" for s in sorted(READERS))
            message = hint("validate-no-sheets", path=display_path(path), suffixes=suffixes)
            click.echo(f"jyscore: {message}", err=True)
            sys.exit(EXIT_USAGE)
        found.extend(below)
    return list(dict.fromkeys(found))


def summary(report: ValidationReport) -> str:
    def plural(n: int) -> str:
        return "" if n == 1 else "s"

    return hint(
        "validate-summary", files=report.files_checked, files_s=plural(report.files_checked),
        errors=report.errors, errors_s=plural(report.errors), warnings=report.warnings,
        warnings_s=plural(report.warnings),
    )


@click.command()
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path), metavar="PATH...")
@rubric_option
@click.option(
    "--format", "-f", "output_format", type=click.Choice(["auto", *PROBLEM_FORMATS]),
    default="auto", show_default=True,
    help="text (file:line:col: …), json, or github (workflow annotations); auto picks github "
    "when GITHUB_ACTIONS=true, else text.",
)
@click.option("--strict", is_flag=True, help="Count warnings as errors.")
@click.option(
    "--max-gap", type=Points(), default=None, metavar="POINTS",
    help="Warn when a self score is more than POINTS above the assessed one.",
)
def validate(
    paths: tuple[Path, ...], rubric_path: Path | None, output_format: str, strict: bool,
    max_gap: Decimal | None,
) -> None:
    """Check score sheets: every problem of every file, and the run as a whole.

    Folders are searched recursively for *.yaml, *.yml and *.xlsx sheets, skipping dotfiles,
    Office lock files (~$*.xlsx) and *~ backups; workbooks in other formats (.xlsm, .xls, …),
    symbolic links (never followed inside a folder) and special files are reported as
    errors. Besides each sheet's own problems it reports the
    same college twice for a year (error), and as warnings: sheets of several years or rubrics,
    a sheet not yet assessed, an item whose rubric asks for evidence but has no note, and with
    --max-gap a self score more than POINTS above the assessed one.

    \b
    Example:
        jyscore validate sheets/
        jyscore validate a.yaml b.yaml --format json
        jyscore validate sheets/ --format github --strict --max-gap 2

    Exits 0 when there is no error (warnings are printed), 1 when there is any, 2 on wrong usage.
    """
    chosen = pick_format(output_format)
    render = PROBLEM_FORMATS[chosen]
    try:
        rubric = load_rubric(rubric_path)
    except JyscoreError as exc:  # reported like a sheet's problems: json stays json in CI
        problems = sorted(exc.problems, key=Problem.sort_key)
        click.echo(render(problems, output_options(sys.stdout), 1), nl=False)
        sys.exit(EXIT_PROBLEMS)
    files = find_sheets(paths)
    report = validate_files(files, rubric, strict=strict, max_gap=max_gap)
    click.echo(render(report.problems, output_options(sys.stdout), report.files_checked), nl=False)
    if chosen != "json":
        click.echo(summary(report), err=True)
    sys.exit(EXIT_OK if report.ok else EXIT_PROBLEMS)
