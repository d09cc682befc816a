"""``jyscore compare``: two years' rankings side by side, over :mod:`jyscore.core.comparison`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jyscore.cli.common import (
    FILE_WIDTH,
    YEAR,
    check_format_conflict,
    get_rubric,
    output_failure,
    output_options,
    rubric_option,
    targets_option,
)
from jyscore.cli.localized import LocalizedCommand
from jyscore.cli.outputs import write_output
from jyscore.cli.ranking import rank_year
from jyscore.core.comparison import Comparison
from jyscore.core.comparison import compare as compare_outcomes
from jyscore.core.run import RANK_COLUMNS
from jyscore.i18n.messages import hint
from jyscore.writers.atomic import OutputError, check_writable
from jyscore.writers.formats import (
    COMPARE_EXTENSIONS,
    COMPARE_FORMATS,
    compare_format_for,
    file_suffixes,
)
from jyscore.writers.rank_common import RankRenderOptions


@click.command(cls=LocalizedCommand)
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@rubric_option
@click.option("--old-rubric", "old_rubric_path", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Rubric of the OLD sheets, when it changed [default: the same as --rubric].")
@click.option("--format", "-f", "output_format", type=click.Choice(list(COMPARE_FORMATS)),
              default=None, help="Output format [default: table, or the one -o's extension names].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file, atomically (.json, .csv or .txt).")
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
@click.option("--old-year", type=YEAR, default=None,
              help="Take the OLD sheets of this year (needed when the folder holds several).")
@click.option("--year", "new_year", type=YEAR, default=None,
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
    fmt = _format(output_format, output)
    if output is not None:
        try:
            check_writable(output, overwrite=force)
        except OutputError as error:
            output_failure(error)
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


def _format(output_format: str | None, output: Path | None) -> str:
    """``--format``, else the one -o's extension names (COMPARE_FORMATS), else a table; a
    contradiction or an unknown extension is wrong usage (exit 2)."""
    implied = compare_format_for(output) if output is not None else None
    check_format_conflict(output_format, output, implied)
    if output_format:
        return output_format
    if output is None:
        return "table"
    if implied is None:
        raise click.UsageError(hint(
            "rank-format-unknown", suffix=output.suffix or output.name,
            known=", ".join(file_suffixes(COMPARE_FORMATS, COMPARE_EXTENSIONS))))
    return implied


def render(comparison: Comparison, fmt: str, output: Path | None) -> str:
    """The comparison in format ``fmt``: for the terminal, or for the file ``output``."""
    stream_options = output_options(sys.stdout)
    options = RankRenderOptions(
        color=stream_options.color if output is None else False,
        width=stream_options.width if output is None else FILE_WIDTH,
        for_file=output is not None,
    )
    return COMPARE_FORMATS[fmt]()(comparison, options)
