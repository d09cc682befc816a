from __future__ import annotations

from pathlib import Path

import click

from jyscore.cli.common import YEAR, get_rubric, rubric_option
from jyscore.cli.localized import LocalizedCommand
from jyscore.cli.outputs import check_suffix, output_path_option, write_sheet_file
from jyscore.core.text import char_name, first_unwritable, is_person_name
from jyscore.i18n.messages import hint


@click.command(cls=LocalizedCommand)
@click.option("--college", required=True, help="The college's name, e.g. 文学院.")
@click.option("--year", required=True, type=YEAR,
              help="The year assessed, e.g. 2024.")
@click.option("--assessor", default=None,
              help="The assessor filling in this form, e.g. 王老师 (one form per panel member).")
@output_path_option
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@rubric_option
def template(
    college: str, year: int, assessor: str | None, output: Path, force: bool,
    rubric_path: Path | None,
) -> None:
    """Write a blank score form for one college: an Excel workbook or a YAML sheet.

    The workbook looks like the paper form, checks each score as it is typed and totals itself;
    the YAML sheet lists every item with its name and cap. Fill either in, then score it.

    \b
    Example:
        jyscore template --college 文学院 --year 2024 -o 文学院.xlsx
        jyscore template --college 文学院 --year 2024 -o 文学院.yaml
        jyscore template --college 文学院 --year 2024 --assessor 王老师 -o a.xlsx
        jyscore score 文学院.xlsx

    Never replaces an existing file unless --force is given.
    """
    check_suffix(output)
    name = college.strip()
    if not name:
        raise click.BadParameter(hint("form-college"), param_hint="'--college'")
    who = assessor.strip() if assessor is not None else None
    if who == "":
        raise click.BadParameter(hint("form-assessor"), param_hint="'--assessor'")
    if who is not None and not is_person_name(who):
        raise click.BadParameter(hint("form-assessor-invalid"), param_hint="'--assessor'")
    for option, text in (("--college", name), ("--assessor", who or "")):
        bad = first_unwritable(text)  # the rule for every text that reaches a written file
        if bad is not None:
            raise click.BadParameter(
                hint("form-option-character", character=char_name(text[bad])),
                param_hint=f"'{option}'",
            )
    rubric = get_rubric(rubric_path)
    write_sheet_file(output, rubric, college=name, year=year, sheet=None, force=force,
                     assessor=who)
