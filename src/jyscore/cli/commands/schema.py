from __future__ import annotations

from pathlib import Path

import click

from jyscore.cli.common import get_rubric, rubric_option
from jyscore.cli.localized import LocalizedCommand
from jyscore.writers.jsontext import dumps
from jyscore.writers.schema import sheet_schema


@click.command(cls=LocalizedCommand)
@rubric_option
def schema(rubric_path: Path | None) -> None:
    """Print a JSON Schema (2020-12) of score sheets for the rubric, for editors and other tools.

    Every item id is a property with its cap (maximum) and the rubric's step (multipleOf), every
    item is required (whole or through all of its parts) and nothing else is allowed, so an editor
    with yaml-language-server flags 7 points on a 6-point item as you type.

    \b
    Example:
        jyscore schema > schema/sheet.schema.json
        jyscore schema --rubric my-rubric.yaml > my-sheet.schema.json

    then, as the first line of each sheet (the path is relative to the sheet):

    \b
        # yaml-language-server: $schema=../schema/sheet.schema.json
    """
    rubric = get_rubric(rubric_path)
    click.echo(dumps(sheet_schema(rubric)))
