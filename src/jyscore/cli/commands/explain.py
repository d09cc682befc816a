from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from jyscore.cli.common import (
    EXIT_USAGE,
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
from jyscore.core.explain import Explanation
from jyscore.core.explain import explain as explain_result
from jyscore.core.explain_panel import panel_work
from jyscore.core.problems import JyscoreError, Problem
from jyscore.core.text import excerpt
from jyscore.i18n.messages import hint
from jyscore.writers.formats import EXPLAIN_FORMATS, PANEL_EXPLAIN_FORMATS


@click.command(cls=LocalizedCommand)
@click.argument("arguments", nargs=-1, required=True, metavar="SHEET... [ID...]")
@rubric_option
@click.option(
    # one sheet or a panel: only the formats both tables draw (tests/test_formats.py)
    "--format", "-f", "output_format",
    type=click.Choice([name for name in EXPLAIN_FORMATS if name in PANEL_EXPLAIN_FORMATS]),
    default="text",
    show_default=True, help="Output format.",
)
@panel_option
@click.option("--assessor", default=None, metavar="NAME",
              help="Of a panel, explain this assessor's own sheet, item by item.")
@targets_option
def explain(arguments: tuple[str, ...], rubric_path: Path | None, output_format: str,
            panel_method: str | None, assessor: str | None, targets_path: Path | None) -> None:
    """Show why each number of a sheet is what it is: the inputs per column, the rule in words,
    the arithmetic with exact intermediate values, the caps and floors applied, the result; then
    the base, bonus, each adjustment and veto, the total and the grade with its band. Give item
    ids after the sheets to explain only those.

    Several sheets of one college, each naming its assessor, or a folder of them, are one panel
    (as for score): each figure shows every assessor's value, which the method dropped, the
    exact aggregate and its rounding to the published figure; --assessor NAME explains one
    assessor's own sheet.

    \b
    Example:
        jyscore explain examples/2024/文学院.yaml 6.1.1
        jyscore explain 文学院.yaml --rubric rubric/composite-employment.yaml 1.3 2.2
        jyscore explain 文学院.yaml --format json
        jyscore explain examples/panel-2024/历史文化学院/ 1.3 --panel trimmed-mean
        jyscore explain examples/panel-2024/历史文化学院/ --assessor 王老师
    """
    paths, ids = _split(arguments)
    rubric = get_rubric(rubric_path)
    defaults = get_targets(targets_path, rubric)
    unknown = [i for i in ids if i not in rubric.nodes]
    if unknown:
        _usage(hint("explain-unknown-ids", ids=hint("name-separator").join(unknown),
                    rubric=rubric.id))
    sheets, problems = checked_sheets(paths, rubric, defaults)
    if len(sheets) == 1 and sheets[0].assessor is None and assessor is None:
        echo_problems(problems)
        _echo_sheet(explain_result(score_sheet(rubric, sheets[0]), ids), output_format)
        return
    if assessor is not None and all(sheet.assessor is None for sheet in sheets):
        _usage(hint("explain-no-assessors", assessor=excerpt(assessor)))
    from jyscore.core.panels import PanelSettings, identity, score_panel

    try:
        panel, warnings = score_panel(rubric, sheets, PanelSettings.of(rubric, panel_method))
    except JyscoreError as exc:
        fail([*problems, *exc.problems])
    echo_problems(sorted([*problems, *warnings], key=Problem.sort_key))
    if assessor is not None:
        member = next((m for m in panel.members if identity(m.assessor) == identity(assessor)),
                      None)
        if member is None:
            _usage(hint("explain-no-assessor", assessor=assessor,
                        assessors=hint("name-separator").join(panel.assessors)))
        _echo_sheet(explain_result(member.result, ids), output_format)
        return
    render = PANEL_EXPLAIN_FORMATS[output_format]()
    click.echo(render(panel_work(panel, ids), output_options(sys.stdout)), nl=False)


def _usage(message: str) -> NoReturn:
    click.echo(hint("program-says", text=message), err=True)
    sys.exit(EXIT_USAGE)


def _split(arguments: tuple[str, ...]) -> tuple[tuple[Path, ...], tuple[str, ...]]:
    """The leading arguments that name a file or folder are the sheets; the rest are item ids."""
    count = 0
    while count < len(arguments) and _names_a_file(arguments[count]):
        count += 1
    if count == 0:
        _usage(hint("explain-no-sheet", path=arguments[0]))
    return tuple(Path(a) for a in arguments[:count]), arguments[count:]


def _names_a_file(argument: str) -> bool:
    try:
        return Path(argument).exists()
    except (OSError, ValueError):  # a name too long, a NUL byte: not a sheet
        return False


def _echo_sheet(work: Explanation, output_format: str) -> None:
    render = EXPLAIN_FORMATS[output_format]()
    click.echo(render(work, output_options(sys.stdout)), nl=False)
