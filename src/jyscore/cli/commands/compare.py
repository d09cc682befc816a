"""``jyscore compare``: two years' rankings side by side, over :mod:`jyscore.core.comparison`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from jyscore.cli.common import (
    EXIT_PROBLEMS,
    check_format_conflict,
    find_sheets,
    get_rubric,
    output_failure,
    output_options,
    report_skipped,
    rubric_option,
    stop_run,
    targets_option,
)
from jyscore.cli.localized import LocalizedCommand
from jyscore.core.comparison import Comparison
from jyscore.core.comparison import compare as compare_outcomes
from jyscore.core.fields import YEARS
from jyscore.core.models import Rubric
from jyscore.core.problems import JyscoreError
from jyscore.core.run import RANK_COLUMNS, RankOutcome
from jyscore.i18n.messages import hint
from jyscore.pipeline.rank import rank_paths
from jyscore.writers.atomic import OutputError, check_writable, write_atomic

COMPARE_FORMATS = ("table", "json", "csv")
FILE_WIDTH = 160


def rank_year(
    paths: tuple[Path, ...], rubric: Rubric, *, column: str, skip_invalid: bool,
    year: int | None = None, targets_path: Path | None = None, output: Path | None = None,
) -> RankOutcome:
    """Rank one year's sheets as ``rank`` does, keeping every college's item table: a path with
    no sheet is exit 2, an invalid sheet exit 1 with every problem, naming ``output`` as not
    written (unless ``skip_invalid``: then the skipped are named)."""
    from jyscore.readers.targets import load_targets

    files = find_sheets(paths)
    try:  # loaded as rank loads it: its year is checked against the sheets' (JY507)
        targets = load_targets(targets_path, rubric) if targets_path else None
        outcome = rank_paths(paths, rubric, files=files, year=year, column=column,
                             skip_invalid=skip_invalid, details=True, detail_limit=None,
                             targets=targets)
    except JyscoreError as exc:
        stop_run(exc.problems, output, skip_invalid)
    report_skipped(outcome)
    changed = [row.standing.source for row in outcome.ranking.rows if row.result is None]
    if changed:  # rank_paths reads each sheet again for its items; one changed in between
        click.echo(hint("program-says", text=hint("report-sheet-changed", file=changed[0])),
                   err=True)
        sys.exit(EXIT_PROBLEMS)
    return outcome


def write_output(output: Path, text: str, force: bool) -> None:
    try:
        write_atomic(output, text.encode("utf-8"), overwrite=force)
    except OutputError as error:
        output_failure(error)


def refuse_output(error: OutputError) -> NoReturn:
    output_failure(error)


@click.command(cls=LocalizedCommand)
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@rubric_option
@click.option("--old-rubric", "old_rubric_path", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Rubric of the OLD sheets, when it changed [default: the same as --rubric].")
@click.option("--format", "-f", "output_format", type=click.Choice(COMPARE_FORMATS),
              default=None, help="Output format [default: table, or the one -o's extension names].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file, atomically (.json, .csv or .txt).")
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
@click.option("--old-year", type=click.IntRange(YEARS.start, YEARS.stop - 1), default=None,
              help="Take the OLD sheets of this year (needed when the folder holds several).")
@click.option("--year", "new_year", type=click.IntRange(YEARS.start, YEARS.stop - 1), default=None,
              help="Take the NEW sheets of this year (needed when the folder holds several).")
@click.option("--by", "column", type=click.Choice(RANK_COLUMNS), default="assessed",
              show_default=True, help="Compare the assessed (考核分数) or self (自评分数) totals.")
@click.option("--skip-invalid", is_flag=True,
              help="Compare the valid sheets and name the invalid ones instead of stopping.")
@targets_option
@click.option("--old-targets", "old_targets_path", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Targets file of the OLD year, when its sheets leave the targets out.")

def compare(
    old: Path, new: Path, rubric_path: Path | None, old_rubric_path: Path | None,
    output_format: str | None, output: Path | None, force: bool, old_year: int | None,
    new_year: int | None, column: str, skip_invalid: bool, targets_path: Path | None,
    old_targets_path: Path | None,
) -> None:
    """Compare two years: colleges matched by name, items by id.

    \b
    Example:
        jyscore compare examples/2023/ examples/2024/
        jyscore compare sheets/2023 sheets/2024 --format json
        jyscore compare sheets/2023 sheets/2024 -o 2023-2024.csv
        jyscore compare sheets/2023 sheets/2024 --old-rubric rubric-2023.yaml
        jyscore compare sheets/ sheets/ --old-year 2023 --year 2024
        jyscore compare sheets/2023 sheets/2024 --old-targets t2023.yaml --targets t2024.yaml

    Each folder is checked and ranked as `jyscore rank` does (any sheet with errors stops the
    command, exit 1, unless --skip-invalid: the skipped sheets are named in the output). OLD is
    the earlier year (given the other way round, a warning says so). A rubric that changed
    between the years is reported: items in one year only are listed as unmatched, and items
    whose points changed are compared as shares of their points. Totals are the exact published
    figures; mean points lost are rounded to 2 places.
    """
    rubric = get_rubric(rubric_path)
    old_rubric = get_rubric(old_rubric_path) if old_rubric_path else rubric
    check_format_conflict(output_format, output, _implied_format(output))
    fmt = output_format or _format_for(output)
    if output is not None:
        try:
            check_writable(output, overwrite=force)
        except OutputError as error:
            refuse_output(error)
    before = rank_year((old,), old_rubric, column=column, skip_invalid=skip_invalid, year=old_year,
                       targets_path=old_targets_path, output=output)
    after = rank_year((new,), rubric, column=column, skip_invalid=skip_invalid, year=new_year,
                      targets_path=targets_path, output=output)
    if before.year >= after.year:
        click.echo(hint("compare-years-reversed", old=before.year, new=after.year), err=True)
    rendered = render(compare_outcomes(before, after), fmt, output)
    if output is None:
        click.echo(rendered, nl=False)
        return
    write_output(output, rendered, force)
    click.echo(hint("compare-wrote", path=output), err=True)


def _implied_format(output: Path | None) -> str | None:
    """The format -o's extension names (.json, .csv; .txt a table), or None."""
    if output is None:
        return None
    suffix = output.suffix.lower().removeprefix(".")
    return {"json": "json", "csv": "csv", "txt": "table"}.get(suffix)


def _format_for(output: Path | None) -> str:
    if output is None:
        return "table"
    suffix = output.suffix.lower().removeprefix(".")
    if suffix in ("json", "csv"):
        return suffix
    if suffix == "txt":
        return "table"
    raise click.UsageError(hint("rank-format-unknown", suffix=output.suffix or output.name,
                                known=".json, .csv, .txt"))


def render(comparison: Comparison, fmt: str, output: Path | None) -> str:
    from jyscore.writers import compare as out

    if fmt == "json":
        return out.render_compare_json(comparison)
    if fmt == "csv":
        return out.render_compare_csv(comparison, for_file=output is not None)
    options = output_options(sys.stdout)
    return out.render_compare_table(
        comparison, color=options.color if output is None else False,
        width=options.width if output is None else FILE_WIDTH,
    )
