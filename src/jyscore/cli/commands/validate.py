from __future__ import annotations

import os
import sys
from contextlib import nullcontext
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jyscore.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    find_sheets,
    get_targets,
    output_options,
    panel_option,
    progress_bar,
    rubric_option,
    targets_option,
)
from jyscore.cli.localized import LocalizedCommand
from jyscore.core.numbers import parse_decimal
from jyscore.core.problems import JyscoreError, Problem
from jyscore.core.run import ValidationReport
from jyscore.i18n.messages import Phrase, counted, hint, phrase
from jyscore.pipeline.validate import validate_files
from jyscore.readers.rubric import load_rubric
from jyscore.writers.problems import PROBLEM_FORMATS

if TYPE_CHECKING:
    from jyscore.writers.progress import DelayedProgress


def _progress() -> DelayedProgress | None:
    return progress_bar("jyscore validate")


# click >= 8.2 types ParamType with parameters that older clicks cannot be subscripted with
class Points(click.ParamType):  # type: ignore[type-arg]
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


def summary(report: ValidationReport) -> str:
    def count(what: str, n: int) -> Phrase:
        return phrase(counted(f"count-{what}", n), count=n)

    return hint(
        "validate-summary", files=count("files", report.files_checked),
        errors=count("errors", report.errors), warnings=count("warnings", report.warnings),
    )


@click.command(cls=LocalizedCommand)
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
@click.option(
    "--max-spread", type=Points(), default=None, metavar="POINTS",
    help="Warn where a panel's assessors score an item more than POINTS apart.",
)
@panel_option
@targets_option
def validate(
    paths: tuple[Path, ...], rubric_path: Path | None, output_format: str, strict: bool,
    max_gap: Decimal | None, max_spread: Decimal | None, panel_method: str | None,
    targets_path: Path | None,
) -> None:
    """Check score sheets: every problem of every file, and the run as a whole.

    Folders are searched recursively for *.yaml, *.yml and *.xlsx sheets, skipping dotfiles,
    Office lock files (~$*.xlsx), *~ backups and ranking workbooks jyscore wrote (with a note);
    workbooks in other formats (.xlsm, .xls, …), symbolic links (never followed inside a folder)
    and special files are reported as errors. Besides each sheet's own problems it reports the
    same college twice for a year (error), and as warnings: sheets of several years or rubrics,
    a sheet not yet assessed, an item whose rubric asks for evidence but has no note, and with
    --max-gap a self score more than POINTS above the assessed one. Sheets naming an assessor
    are checked as panels (an assessor twice, a panel sheet without one, self scores that
    differ, too few assessors for --panel's method); with --max-spread an item whose
    assessors differ by more than POINTS is a warning.

    \b
    Example:
        jyscore validate sheets/
        jyscore validate a.yaml b.yaml --format json
        jyscore validate sheets/ --format github --strict --max-gap 2
        jyscore validate sheets/2024/ --max-spread 1
        jyscore validate sheets/2024/ --targets targets.yaml

    Exits 0 when there is no error (warnings are printed), 1 when there is any, 2 on wrong usage.
    """
    chosen = pick_format(output_format)
    render = PROBLEM_FORMATS[chosen]
    try:
        rubric = load_rubric(rubric_path)
    except JyscoreError as exc:  # reported like a sheet's problems: json stays json in CI
        problems = sorted(exc.problems, key=Problem.sort_key)
        options = output_options(sys.stdout)
        click.echo(render(problems, options, 1), nl=False, color=options.color)
        sys.exit(EXIT_PROBLEMS)
    defaults = get_targets(targets_path, rubric)
    files = find_sheets(paths)
    bar = _progress()
    with bar or nullcontext():
        report = validate_files(files, rubric, strict=strict, max_gap=max_gap,
                                max_spread=max_spread, panel_method=panel_method,
                                defaults=defaults, progress=bar)
    options = output_options(sys.stdout)
    click.echo(render(report.problems, options, report.files_checked), nl=False,
               color=options.color)
    if chosen != "json":
        click.echo(summary(report), err=True)
    sys.exit(EXIT_OK if report.ok else EXIT_PROBLEMS)
