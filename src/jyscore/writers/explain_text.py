"""``jyscore explain`` as text: each item's inputs, rule and arithmetic, then the totals; of a
panel, each figure with every assessor's value and the aggregate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jyscore.core.explain import Explanation
from jyscore.core.explain_panel import PanelWork
from jyscore.core.explain_totals import TotalsWork, result_totals_work
from jyscore.core.numbers import format_decimal
from jyscore.i18n.messages import hint

if TYPE_CHECKING:
    from jyscore.writers.options import RenderOptions


def column_word(work: Explanation, column: str) -> str:
    """The rubric's own word for a column (自评分数, 考核分数)."""
    labels = work.result.rubric.labels
    return labels.self_ if column == "self" else labels.assessed


def totals_work(work: Explanation) -> tuple[TotalsWork, ...]:
    """How each column's base, bonus, adjustments, total and grade were reached."""
    words = {column: column_word(work, column) for column in work.result.totals}
    return result_totals_work(work.result, words)


def render_explain_text(work: Explanation, options: RenderOptions) -> str:
    lines: list[str] = []
    for item in work.items:
        lines.append(hint("explain-item", item_id=item.node.id, name=item.node.name,
                          rule=item.rule))
        same = len(item.columns) == 2 and (item.columns[0].inputs, item.columns[0].steps) == (
            item.columns[1].inputs, item.columns[1].steps)
        for column in item.columns[:1] if same else item.columns:
            heading = hint("explain-both") if same else hint(
                "explain-column", column=column_word(work, column.column))
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
    for totals in totals_work(work):
        lines.append(totals.lines[0])
        if totals.column in work.base_sums:
            lines.append(f"  {work.base_sums[totals.column]}")
        lines.extend(f"  {line}" for line in totals.lines[1:])
    return "\n".join(lines) + "\n"


def render_panel_explain_text(work: PanelWork, options: RenderOptions) -> str:
    lines = list(work.lines)
    for figure in work.figures:
        lines.append("")
        title = figure.name if figure.key == figure.name or figure.key in (
            "base", "bonus", "adjustments", "total") else f"{figure.key} {figure.name}"
        lines.append(title)
        lines.extend(f"  {line}" for line in figure.lines)
    return "\n".join(lines) + "\n"
