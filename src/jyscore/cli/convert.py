from __future__ import annotations

from pathlib import Path

import click

from ..atomic import OutputError, check_writable
from .common import get_rubric, get_sheet, output_failure, rubric_option
from .template import check_suffix, output_path_option, write_sheet_file


@click.command()
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_path_option
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@rubric_option
def convert(sheet: Path, output: Path, force: bool, rubric_path: Path | None) -> None:
    """Convert a score sheet between the Excel form and YAML, either way.

    The sheet is checked first: a sheet with errors is reported (exit 1) and nothing is written.

    \b
    Example:
        jyscore convert 文学院.xlsx -o 文学院.yaml
        jyscore convert 文学院.yaml -o 文学院.xlsx

    Never replaces an existing file unless --force is given.
    """
    check_suffix(output)
    try:
        check_writable(output, force)
    except OutputError as error:
        output_failure(error)
    rubric = get_rubric(rubric_path)
    loaded = get_sheet(sheet, rubric, output=output)
    write_sheet_file(output, rubric, college=loaded.college, year=loaded.year, sheet=loaded,
                     force=force)
