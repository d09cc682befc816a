from __future__ import annotations

import sys
from pathlib import Path

import click

from ..engine import score as score_sheet
from ..render.formats import RESULT_FORMATS, load_renderer
from .common import get_rubric, get_sheet, output_options, rubric_option


@click.command()
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@rubric_option
@click.option(
    "--format", "-f", "output_format", type=click.Choice(sorted(RESULT_FORMATS)),
    default="table", show_default=True, help="Output format.",
)
def score(sheet: Path, rubric_path: Path | None, output_format: str) -> None:
    """Score one college's sheet: every item, the subtotals, the bonus and the total.

    \b
    Example:
        jyscore score examples/2024/文学院.yaml
        jyscore score 文学院.yaml --format json
        jyscore score 文学院.yaml --rubric my-rubric.yaml

    Exits 1 with every problem of the sheet (file:line:column, item, what is allowed) when the
    sheet has errors.
    """
    rubric = get_rubric(rubric_path)
    loaded = get_sheet(sheet, rubric)
    result = score_sheet(rubric, loaded)
    render = load_renderer(RESULT_FORMATS[output_format])
    options = output_options(sys.stdout)
    click.echo(render(result, options), nl=False, color=options.color)  # FORCE_COLOR when piped
