"""``jyscore rank``: a thin command over :func:`jyscore.pipeline.rank.rank_paths` and the renderers.

The output format comes from ``--format`` or ``-o``'s extension (``RANK_FORMATS`` and
``RANK_EXTENSIONS`` in :mod:`jyscore.writers.formats`); a renderer returning bytes (a workbook)
is written to the file as it is.
"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jyscore.cli.common import (
    EXIT_USAGE,
    FILE_WIDTH,
    YEAR,
    check_format_conflict,
    find_sheets,
    get_rubric,
    output_failure,
    output_options,
    panel_option,
    progress_bar,
    report_skipped,
    rubric_option,
    targets_option,
)
from jyscore.cli.common import stop_run as _stop
from jyscore.cli.localized import LocalizedCommand
from jyscore.core.problems import JyscoreError
from jyscore.core.run import RANK_COLUMNS, tie_break_keys
from jyscore.core.text import display_path
from jyscore.i18n.messages import counted, hint, phrase
from jyscore.pipeline.parallel import PARALLEL_THRESHOLD, PoolSettings
from jyscore.pipeline.rank import RankRequest, rank_paths
from jyscore.readers.targets import load_targets
from jyscore.writers.atomic import OutputError, check_writable, write_atomic
from jyscore.writers.formats import (
    RANK_DETAIL_FORMATS,
    RANK_EXTENSIONS,
    RANK_FORMATS,
    rank_format_for,
)
from jyscore.writers.rank_common import RankRenderOptions

if TYPE_CHECKING:
    from jyscore.writers.progress import DelayedProgress

def _tie_keys(values: tuple[str, ...], allowed: tuple[str, ...]) -> tuple[str, ...]:
    keys: list[str] = []
    for value in values:
        for key in (k.strip() for k in value.split(",")):
            if not key:
                continue
            if key not in allowed:
                raise click.BadParameter(
                    hint("rank-tie-key", key=key, allowed=", ".join(allowed)),
                    param_hint="'--tie-break'",
                )
            if key not in keys:
                keys.append(key)
    return tuple(keys)


def _format(output_format: str | None, output: Path | None) -> str:
    implied = rank_format_for(output) if output is not None else None
    check_format_conflict(output_format, output, implied)
    if output_format:
        return output_format
    if output is None:
        return "table"
    found = implied
    if found is None:
        suffixes = sorted({f".{n}" for n in RANK_FORMATS if n != "table"} | set(RANK_EXTENSIONS))
        raise click.UsageError(
            hint("rank-format-unknown", suffix=output.suffix or output.name,
                 known=", ".join(suffixes))
        )
    return found


def _progress() -> DelayedProgress | None:
    return progress_bar("jyscore rank")


@click.command(cls=LocalizedCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@rubric_option
@click.option(
    "--format", "-f", "output_format", type=click.Choice(list(RANK_FORMATS)), default=None,
    help="Output format [default: table, or the one -o's extension names].",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Write to this file, atomically; the format comes from its extension (.csv .json .md …).",
)
@click.option("--force", is_flag=True, help="Replace the -o file if it exists.")
@click.option("--year", type=YEAR, default=None,
              help="Rank the sheets of this year (needed when the folder holds several).")
@click.option("--by", "column", type=click.Choice(RANK_COLUMNS), default="assessed",
              show_default=True, help="Rank on the assessed (考核分数) or self (自评分数) total.")
@click.option(
    "--tie-break", "tie_break", multiple=True, metavar="KEY",
    help="Compare equal totals by KEY, higher first: base, bonus or a primary indicator id "
    "such as 3. Repeat it or give a comma list; keys are used in order.",
)
@targets_option
@click.option("--skip-invalid", is_flag=True,
              help="Rank the valid sheets and name the invalid ones instead of stopping.")
@click.option("--show-self", is_flag=True, help="Add the self total and the self−assessed gap.")
@panel_option
@click.option("--parallel-threshold", type=click.IntRange(min=1), default=PARALLEL_THRESHOLD,
              hidden=True, help="Read sheets in a process pool from this many files on.")
def rank(
    paths: tuple[Path, ...], rubric_path: Path | None, output_format: str | None,
    output: Path | None, force: bool, year: int | None, column: str, tie_break: tuple[str, ...],
    targets_path: Path | None, skip_invalid: bool, show_self: bool, panel_method: str | None,
    parallel_threshold: int,
) -> None:
    """Rank every college from the sheets below PATH... (folders searched recursively).

    \b
    Example:
        jyscore rank examples/2024/
        jyscore rank sheets/2024 --format json
        jyscore rank sheets/2024 -o 2024-ranking.csv
        jyscore rank sheets/2024 -o 2024-排名.xlsx
        jyscore rank sheets/ --year 2024 --by self --targets targets.yaml --skip-invalid
        jyscore rank sheets/2024 --tie-break base --tie-break 3
        jyscore rank sheets/2024 --panel trimmed-mean

    Every sheet is checked first: if any has errors, every problem is printed, nothing is
    written and the exit code is 1 (with --skip-invalid the rest are ranked and the skipped
    files are named). Standard competition ranking on the exact total: ties share a rank and
    the next rank skips (1, 2, 2, 4); tied colleges are listed in name order.

    Sheets naming their assessor ('assessor: 王老师') are a college's panel: ranked on the
    published (rounded) aggregate, shown with the number of assessors and their spread.

    \b
    A targets file gives each college's employment-rate target, so sheets need not:
        year: 2024            # optional
        targets:
          文学院: 89.4
          心理学院: 90
    """
    rubric = get_rubric(rubric_path)
    keys = _tie_keys(tie_break, tie_break_keys(rubric))
    fmt = _format(output_format, output)
    try:
        if output is not None:
            check_writable(output, overwrite=force)
    except OutputError as error:
        output_failure(error)
    files = find_sheets(paths)
    try:
        targets = load_targets(targets_path, rubric) if targets_path else None
    except JyscoreError as exc:
        _stop(exc.problems, output, skip_invalid=True)
    bar = _progress()
    try:
        with bar or nullcontext():
            request = RankRequest(rubric, year=year, column=column, tie_break=tuple(keys),
                                  targets=targets, skip_invalid=skip_invalid,
                                  panel_method=panel_method,
                                  details=fmt in RANK_DETAIL_FORMATS)
            pool = PoolSettings(threshold=parallel_threshold, progress=bar)
            outcome = rank_paths(paths, request, files=files, pool=pool)
    except JyscoreError as exc:
        _stop(exc.problems, output, skip_invalid)
    report_skipped(outcome)

    stream_options = output_options(sys.stdout)
    options = RankRenderOptions(
        color=stream_options.color if output is None else False,
        width=stream_options.width if output is None else FILE_WIDTH,
        show_self=show_self,
        for_file=output is not None,
    )
    rendered = RANK_FORMATS[fmt]()(outcome, options)
    if output is None:
        if isinstance(rendered, bytes):
            if sys.stdout.isatty():
                click.echo(hint("program-says", text=hint("rank-binary-stdout", format=fmt)),
                           err=True)
                sys.exit(EXIT_USAGE)
            sys.stdout.buffer.write(rendered)
        else:
            click.echo(rendered, nl=False, color=options.color)
        return
    data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
    try:
        write_atomic(output, data, overwrite=force)
    except OutputError as error:
        output_failure(error)
    count = len(outcome.ranking.rows)
    click.echo(hint("rank-wrote", path=display_path(output),
                    colleges=phrase(counted("count-colleges", count), count=count)), err=True)
