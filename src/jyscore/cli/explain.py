from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..engine import score as score_sheet
from ..explain import Explanation, UnknownIds, explain as explain_result
from ..messages import hint
from ..numbers import format_decimal
from .common import EXIT_USAGE, get_rubric, get_sheet, rubric_option


@click.command()
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("ids", nargs=-1)
@rubric_option
@click.option(
    "--format", "-f", "output_format", type=click.Choice(["text", "json"]), default="text",
    show_default=True, help="Output format.",
)
def explain(sheet: Path, ids: tuple[str, ...], rubric_path: Path | None, output_format: str) -> None:
    """Show why each number of a sheet is what it is: the inputs per column, the rule in words,
    the arithmetic with exact intermediate values, the caps and floors applied, the result; then
    the base, bonus and total. Give item ids to explain only those.

    \b
    Example:
        jyscore explain examples/2024/文学院.yaml 6.1.1
        jyscore explain 文学院.yaml --rubric rubric/composite-employment.yaml 1.3 2.2
        jyscore explain 文学院.yaml --format json
    """
    rubric = get_rubric(rubric_path)
    result = score_sheet(rubric, get_sheet(sheet, rubric))
    try:
        work = explain_result(result, ids)
    except UnknownIds as exc:
        click.echo(f"jyscore: {hint('explain-unknown-ids', ids=', '.join(exc.ids), rubric=rubric.id)}",
                   err=True)
        sys.exit(EXIT_USAGE)
    if output_format == "json":
        click.echo(json.dumps(as_data(work), ensure_ascii=False, indent=2))
    else:
        click.echo(as_text(work), nl=False)


def _column_word(work: Explanation, column: str) -> str:
    labels = work.result.rubric.labels
    return labels.self_ if column == "self" else labels.assessed


def as_text(work: Explanation) -> str:
    lines: list[str] = []
    for item in work.items:
        lines.append(f"{item.node.id} {item.node.name} — {hint('explain-rule')}: {item.rule}")
        same = len(item.columns) == 2 and (item.columns[0].inputs, item.columns[0].steps) == (
            item.columns[1].inputs, item.columns[1].steps)
        for column in item.columns[:1] if same else item.columns:
            word = hint("explain-both") if same else _column_word(work, column.column)
            lines.append(f"  {word}:")
            if column.inputs:
                given = ", ".join(f"{k} {format_decimal(v)}" for k, v in column.inputs.items())
                lines.append(f"    {hint('explain-inputs')}: {given}")
            lines.extend(f"    {step}" for step in column.steps)
            points = "—" if column.points is None else format_decimal(column.points)
            lines.append(f"    → {points}")
    labels = work.result.rubric.labels
    lines.append("")
    for name, totals in work.result.totals.items():
        if totals is None:
            continue
        line = (f"{_column_word(work, name)}: {labels.base} {format_decimal(totals.base)} + "
                f"{labels.bonus} {format_decimal(totals.bonus)}")
        for applied in totals.adjustments:
            sign = "−" if applied.adjustment.sign < 0 else "+"
            line += f" {sign} {applied.adjustment.name} {format_decimal(applied.amount)}"
        if totals.vetoes:
            names = "、".join(v.name for v in totals.vetoes)
            line += f" = {format_decimal(totals.scored)}; {labels.veto}: {names}"
            if any(v.total is not None for v in totals.vetoes):
                line += f" → {labels.total} {format_decimal(totals.total)}"
        else:
            line += f" = {labels.total} {format_decimal(totals.total)}"
        if totals.grade is not None:
            line += f"; {labels.grade} {totals.grade}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def as_data(work: Explanation) -> dict[str, Any]:
    result = work.result
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
            column: None if totals is None else {
                "base": format_decimal(totals.base), "bonus": format_decimal(totals.bonus),
                "adjustments": {a.adjustment.id: format_decimal(a.signed)
                                for a in totals.adjustments},
                "vetoes": [v.id for v in totals.vetoes],
                "total": format_decimal(totals.total), "grade": totals.grade,
            }
            for column, totals in result.totals.items()
        },
    }
