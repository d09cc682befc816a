from __future__ import annotations

from pathlib import Path

import click

from jyscore.cli.common import (
    get_rubric,
    get_sheet,
    get_targets,
    output_failure,
    rubric_option,
    targets_option,
)
from jyscore.cli.localized import LocalizedCommand
from jyscore.cli.outputs import check_suffix, output_path_option, write_sheet_file
from jyscore.writers.atomic import OutputError, check_writable


@click.command(cls=LocalizedCommand)
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_path_option
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@rubric_option
@targets_option
def convert(sheet: Path, output: Path, force: bool, rubric_path: Path | None,
            targets_path: Path | None) -> None:
    """Convert a score sheet between the Excel form and YAML, either way.

    The sheet is checked first: a sheet with errors is reported (exit 1) and nothing is written.

    \b
    Example:
        jyscore convert 文学院.xlsx -o 文学院.yaml
        jyscore convert 文学院.yaml -o 文学院.xlsx
        jyscore convert 文学院.yaml -o 文学院.xlsx --targets targets.yaml

    With --targets, the college's target is written into the converted sheet.

    Never replaces an existing file unless --force is given.
    """
    check_suffix(output)
    try:
        check_writable(output, force)
    except OutputError as error:
        output_failure(error)
    rubric = get_rubric(rubric_path)
    loaded = get_sheet(sheet, rubric, output=output, defaults=get_targets(targets_path, rubric))
    write_sheet_file(output, rubric, college=loaded.college, year=loaded.year, sheet=loaded,
                     force=force)
