"""``jyscore report``: the HTML report of a year, over ``rank``'s run and the comparison.

The charting package (vl-convert-python) is imported only here, when a report is made.
"""

from __future__ import annotations

from pathlib import Path

import click

from jyscore.cli.common import (
    EXIT_PROBLEMS,
    YEAR,
    get_rubric,
    output_failure,
    rubric_option,
    targets_option,
)
from jyscore.cli.localized import LocalizedCommand
from jyscore.cli.outputs import write_output
from jyscore.cli.ranking import rank_year
from jyscore.core.comparison import compare as compare_outcomes
from jyscore.core.run import RANK_COLUMNS
from jyscore.i18n.messages import counted, hint, phrase
from jyscore.writers.atomic import OutputError, check_writable


@click.command(cls=LocalizedCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@rubric_option
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write, atomically.")
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
@click.option("--previous", "previous", default=None, type=click.Path(exists=True, path_type=Path),
              help="The previous year's sheets: each college's change in total and rank.")
@click.option("--previous-rubric", "previous_rubric_path", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Rubric of the previous year's sheets [default: the same as --rubric].")
@click.option("--year", type=YEAR, default=None,
              help="Report on the sheets of this year (needed when the folder holds several).")
@click.option("--previous-year", type=YEAR, default=None,
              help="Take the --previous sheets of this year (when that folder holds several).")
@click.option("--by", "column", type=click.Choice(RANK_COLUMNS), default="assessed",
              show_default=True, help="Rank on the assessed (考核分数) or self (自评分数) total.")
@click.option("--skip-invalid", is_flag=True,
              help="Report on the valid sheets and name the invalid ones instead of stopping.")
@targets_option
@click.option("--previous-targets", "previous_targets_path", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Targets file of the --previous year, when its sheets leave the targets out.")
def report(
    paths: tuple[Path, ...], rubric_path: Path | None, output: Path, force: bool,
    previous: Path | None, previous_rubric_path: Path | None, year: int | None,
    previous_year: int | None, column: str, skip_invalid: bool, targets_path: Path | None,
    previous_targets_path: Path | None,
) -> None:
    """Write one self-contained HTML page with the year's results and charts.

    \b
    Example:
        jyscore report examples/2024/ -o 2024-report.html
        jyscore report sheets/2024 --previous sheets/2023 -o 2024-report.html
        jyscore report sheets/ --year 2024 --previous sheets/ --previous-year 2023 -o r.html
        jyscore report sheets/2024 --targets targets.yaml -o 2024-report.html

    The page holds the ranking, a chart of totals, the items where colleges lose most and a
    heat map of points lost per item and college, and a section per college (its totals, its
    primary indicators against the median college, its lost points with the assessors' notes
    and its bonus); with --previous, each college's change in total and rank. It opens offline
    (nothing is fetched) and prints on A4, a page per college. Sheets are checked as by
    `jyscore rank`: any error stops the command, exit 1 and nothing written, unless
    --skip-invalid (the skipped sheets are named in the report).
    """
    if output.suffix.lower() not in (".html", ".htm"):
        raise click.UsageError(hint("report-format-html", suffix=output.suffix or output.name))
    rubric = get_rubric(rubric_path)
    previous_rubric = get_rubric(previous_rubric_path) if previous_rubric_path else rubric
    try:
        check_writable(output, overwrite=force)
    except OutputError as error:
        output_failure(error)
    try:
        import vl_convert  # noqa: F401 - the charts' renderer, needed before any work is done
    except ImportError as exc:  # the charting package is a dependency; a broken install says so
        click.echo(hint("report-needs-charts", module=exc.name or "vl_convert"), err=True)
        raise SystemExit(EXIT_PROBLEMS) from None
    outcome = rank_year(paths, rubric, column=column, skip_invalid=skip_invalid, year=year,
                        targets_path=targets_path, output=output)
    comparison = None
    if previous is not None:
        before = rank_year((previous,), previous_rubric, column=column, skip_invalid=skip_invalid,
                           year=previous_year, targets_path=previous_targets_path, output=output)
        if before.year == outcome.year:
            raise click.UsageError(hint("report-previous-same-year", year=before.year))
        if before.year > outcome.year:
            click.echo(hint("report-previous-later", previous=before.year, year=outcome.year),
                       err=True)
        comparison = compare_outcomes(before, outcome)
    from jyscore.writers.report_html import ReportInput, render_report

    page = render_report(ReportInput(outcome, comparison))
    write_output(output, page, force)
    count = len(outcome.ranking.rows)
    click.echo(hint("report-wrote", path=output,
                    colleges=phrase(counted("count-colleges", count), count=count)), err=True)
