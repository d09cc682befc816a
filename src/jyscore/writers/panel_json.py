"""A panel's result as JSON: the single-sheet JSON (``assessed`` holds the published figures)
plus ``"panel": {"method", "level", "places", "assessors": [{"assessor", "file", "base",
"bonus", "total"}]}`` (and each assessor's ``"adjustments"`` when the rubric has any)."""

from __future__ import annotations

from typing import Any

from jyscore.core.panels import Panel
from jyscore.writers.jsontext import dumps
from jyscore.writers.options import RenderOptions
from jyscore.writers.result_json import result_data


def panel_data(panel: Panel) -> dict[str, Any]:
    data = result_data(panel.result)
    assessors = []
    for member in panel.members:
        totals = member.totals
        assessors.append({
            "assessor": member.assessor,
            "file": member.source,
            "base": totals.base if totals else None,
            "bonus": totals.bonus if totals else None,
            **({"adjustments": totals.adjustment if totals else None}
               if panel.result.rubric.adjustments else {}),
            "total": totals.total if totals else None,
        })
    data["panel"] = {
        "method": panel.settings.method,
        "level": panel.settings.level,
        "places": panel.settings.places,
        "assessors": assessors,
    }
    return data


def render_panel_json(panel: Panel, options: RenderOptions) -> str:
    return dumps(panel_data(panel)) + "\n"
