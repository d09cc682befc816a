"""What the commands that write a file share: writing text atomically (compare, report) and the
score form's ``-o`` (template, convert).

Apart from :mod:`jyscore.cli.common` because it imports the atomic writer (tempfile, signal,
threading), which the commands that only print do not need.
"""

from __future__ import annotations

from pathlib import Path

import click

from jyscore.cli.common import F, output_failure
from jyscore.core.models import Rubric, Sheet
from jyscore.core.text import display_path
from jyscore.i18n.messages import hint
from jyscore.writers.atomic import OutputError, write_atomic, write_text_atomic

FORM_SUFFIXES = (".xlsx", ".yaml", ".yml")


def write_output(output: Path, text: str, force: bool) -> None:
    """Write ``text`` to ``output`` atomically (UTF-8); exit with a message if that fails."""
    try:
        write_atomic(output, text.encode("utf-8"), overwrite=force)
    except OutputError as error:
        output_failure(error)


def output_path_option(command: F) -> F:
    """``-o FILE``: the score form to write, .xlsx or .yaml (template, convert)."""
    return click.option(
        "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
        help="The file to write: .xlsx for the Excel form, .yaml for a YAML sheet.",
    )(command)


def check_suffix(output: Path) -> None:
    """A form is written as .xlsx, .yaml or .yml: any other suffix is wrong usage (exit 2)."""
    if output.suffix.lower() not in FORM_SUFFIXES:
        raise click.BadParameter(
            hint("form-suffix", suffix=output.suffix or output.name,
                 known=", ".join(FORM_SUFFIXES)),
            param_hint="'-o'",
        )


def write_sheet_file(
    output: Path, rubric: Rubric, *, college: str, year: int, sheet: Sheet | None, force: bool,
    assessor: str | None = None,
) -> None:
    """Write the form (.xlsx) or the YAML sheet, atomically; exit with a message if that fails."""
    try:
        if output.suffix.lower() == ".xlsx":
            from jyscore.writers.xlsx.form import (
                write_form,  # openpyxl only when a workbook is written
            )

            write_form(output, rubric, college, year, sheet, overwrite=force, assessor=assessor)
        else:
            from jyscore.writers.sheet_yaml import sheet_yaml

            text = sheet_yaml(rubric, sheet, college=college, year=year, assessor=assessor)
            write_text_atomic(output, text, overwrite=force)
    except OutputError as error:
        output_failure(error)
    click.echo(hint("form-wrote", path=display_path(output)), err=True)
