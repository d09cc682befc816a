from __future__ import annotations

import sys
from pathlib import Path

import click

from jyscore.cli.common import (
    checked_sheets,
    echo_problems,
    fail,
    get_rubric,
    get_targets,
    output_options,
    panel_option,
    rubric_option,
    targets_option,
)
from jyscore.cli.localized import LocalizedCommand
from jyscore.core.engine import score as score_sheet
from jyscore.core.problems import JyscoreError, Problem
from jyscore.writers.formats import PANEL_FORMATS, RESULT_FORMATS


@click.command(cls=LocalizedCommand)
@click.argument("paths", nargs=-1, required=True, metavar="SHEET...",
                type=click.Path(exists=True, path_type=Path))
@rubric_option
@click.option(
    # one sheet or a panel: only the formats both tables draw (tests/test_formats.py)
    "--format", "-f", "output_format",
    type=click.Choice(sorted(RESULT_FORMATS.keys() & PANEL_FORMATS.keys())),
    default="table", show_default=True, help="Output format.",
)
@panel_option
@targets_option
def score(
    paths: tuple[Path, ...], rubric_path: Path | None, output_format: str,
    panel_method: str | None, targets_path: Path | None,
) -> None:
    """Score one college: every item, the subtotals, the bonus and the total.

    Several sheets of one college and year, each naming its assessor ('assessor: 王老师'), or
    a folder of them, are one panel: each assessor's figures are shown and aggregated exactly
    (the rubric's panel method, or --panel), then rounded once to the rubric's places.

    \b
    Example:
        jyscore score examples/2024/文学院.yaml
        jyscore score 文学院.yaml --format json
        jyscore score 文学院.yaml --rubric my-rubric.yaml
        jyscore score examples/panel-2024/历史文化学院/ --panel median

    Exits 1 with every problem of the sheets (file:line:column, item, what is allowed) when
    they have errors.
    """
    rubric = get_rubric(rubric_path)
    defaults = get_targets(targets_path, rubric)
    sheets, problems = checked_sheets(paths, rubric, defaults)
    if len(sheets) == 1 and sheets[0].assessor is None:  # one college's own sheet, as ever
        echo_problems(problems)
        result = score_sheet(rubric, sheets[0])
        render = RESULT_FORMATS[output_format]()
        options = output_options(sys.stdout)
        click.echo(render(result, options), nl=False, color=options.color)  # FORCE_COLOR piped
        return
    from jyscore.core.panels import PanelSettings, score_panel

    try:
        panel, warnings = score_panel(rubric, sheets, PanelSettings.of(rubric, panel_method))
    except JyscoreError as exc:
        fail([*problems, *exc.problems])
    echo_problems(sorted([*problems, *warnings], key=Problem.sort_key))
    render_panel = PANEL_FORMATS[output_format]()
    options = output_options(sys.stdout)
    click.echo(render_panel(panel, options), nl=False, color=options.color)
