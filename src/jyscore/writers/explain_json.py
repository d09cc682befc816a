"""``jyscore explain --format json``: the same explanation as data, numbers as exact text.

Of one sheet::

    {"college", "year", "rubric",
     "items": [{"id", "name", "rule", "columns": {column: {"inputs", "steps", "points"}}}],
     "totals": {column: {…the totals' work…, "base_work"} | null}}

Of a panel: ``{"college", "year", "rubric", "panel": {…}}`` (:meth:`PanelWork.as_data`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jyscore.core.explain import Explanation
from jyscore.core.explain_panel import PanelWork
from jyscore.core.numbers import format_decimal
from jyscore.writers.explain_text import totals_work
from jyscore.writers.jsontext import dumps

if TYPE_CHECKING:
    from jyscore.writers.options import RenderOptions


def explain_data(work: Explanation) -> dict[str, Any]:
    result = work.result
    works = {totals.column: totals for totals in totals_work(work)}
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


def render_explain_json(work: Explanation, options: RenderOptions) -> str:
    return dumps(explain_data(work)) + "\n"


def render_panel_explain_json(work: PanelWork, options: RenderOptions) -> str:
    result = work.panel.result
    data = {"college": result.sheet.college, "year": result.sheet.year,
            "rubric": result.rubric.id, "panel": work.as_data()}
    return dumps(data) + "\n"
