from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from jyscore.cli.common import (
    EXIT_USAGE,
    checked_sheets,
    echo_problems,
    fail,
    get_rubric,
    get_targets,
    panel_option,
    rubric_option,
    targets_option,
)
from jyscore.cli.localized import LocalizedCommand
from jyscore.core.engine import score as score_sheet
from jyscore.core.explain import Explanation
from jyscore.core.explain import explain as explain_result
from jyscore.core.explain_panel import PanelWork, panel_work
from jyscore.core.explain_totals import TotalsWork, result_totals_work
from jyscore.core.numbers import format_decimal
from jyscore.core.problems import JyscoreError, Problem
from jyscore.core.text import excerpt
from jyscore.i18n.messages import hint


@click.command(cls=LocalizedCommand)
@click.argument("arguments", nargs=-1, required=True, metavar="SHEET... [ID...]")
@rubric_option
@click.option(
    "--format", "-f", "output_format", type=click.Choice(["text", "json"]), default="text",
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
    work = panel_work(panel, ids)
    if output_format == "json":
        sheet = panel.result.sheet
        data = {"college": sheet.college, "year": sheet.year, "rubric": rubric.id,
                "panel": work.as_data()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(panel_text(work), nl=False)


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
    if output_format == "json":
        click.echo(json.dumps(as_data(work), ensure_ascii=False, indent=2))
    else:
        click.echo(as_text(work), nl=False)


def panel_text(work: PanelWork) -> str:
    lines = list(work.lines)
    for figure in work.figures:
        lines.append("")
        title = figure.name if figure.key == figure.name or figure.key in (
            "base", "bonus", "adjustments", "total") else f"{figure.key} {figure.name}"
        lines.append(title)
        lines.extend(f"  {line}" for line in figure.lines)
    return "\n".join(lines) + "\n"


def _column_word(work: Explanation, column: str) -> str:
    labels = work.result.rubric.labels
    return labels.self_ if column == "self" else labels.assessed


def as_text(work: Explanation) -> str:
    lines: list[str] = []
    for item in work.items:
        lines.append(hint("explain-item", item_id=item.node.id, name=item.node.name,
                          rule=item.rule))
        same = len(item.columns) == 2 and (item.columns[0].inputs, item.columns[0].steps) == (
            item.columns[1].inputs, item.columns[1].steps)
        for column in item.columns[:1] if same else item.columns:
            heading = hint("explain-both") if same else hint(
                "explain-column", column=_column_word(work, column.column))
            lines.append(f"  {heading}")
            if column.inputs:
                given = hint("name-separator").join(
                    hint("explain-input", input=k, value=format_decimal(v))
                    for k, v in column.inputs.items())
                lines.append(f"    {hint('explain-inputs', inputs=given)}")
            lines.extend(f"    {step}" for step in column.steps)
            points = "—" if column.points is None else format_decimal(column.points)
            lines.append(f"    → {points}")
    lines.append("")
    for totals in _totals_work(work):
        lines.append(totals.lines[0])
        if totals.column in work.base_sums:
            lines.append(f"  {work.base_sums[totals.column]}")
        lines.extend(f"  {line}" for line in totals.lines[1:])
    return "\n".join(lines) + "\n"


def _totals_work(work: Explanation) -> tuple[TotalsWork, ...]:
    words = {column: _column_word(work, column) for column in work.result.totals}
    return result_totals_work(work.result, words)


def as_data(work: Explanation) -> dict[str, Any]:
    result = work.result
    works = {totals.column: totals for totals in _totals_work(work)}
    return {
        "college": result.college,
        "year": result.year,
        "rubric": result.rubric.id,
        "items": [
            {
                "id": item.node.id,
                "name": item.node.name,
                "rule": item.rule,
                "columns": {
                    c.column: {
                        "inputs": {k: format_decimal(v) for k, v in c.inputs.items()},
                        "steps": list(c.steps),
                        "points": None if c.points is None else format_decimal(c.points),
                    }
                    for c in item.columns
                },
            }
            for item in work.items
        ],
        "totals": {
            column: {**works[column].as_data(), "base_work": work.base_sums.get(column)}
            if column in works else None
            for column in result.totals
        },
    }
