"""A ranking as JSON, numbers written exactly from the decimals (``86.5``, never ``86.49999``).

``{"ranking": [{"rank", "college", "year", "base", "bonus", "total", "primary": {"1": …},
"assessors", "spread"}], …}``: ``assessors`` (a panel's names, [] for a single sheet) and
``spread`` (highest − lowest assessor total, 0 for a single sheet) when any college of the run is
assessed by a panel; a run of single sheets is written as it always was. ``{…,
"skipped": [{"file", "problems": […]}], "tie_policy": "…", "year", "by", "tie_break"}``; with
``--show-self`` each row also carries ``self_total`` and ``gap`` (self − assessed, or null).
A rubric with adjustments adds ``adjustments`` (their sum); with vetoes ``vetoed`` and
``vetoes`` ([{"id", "name"}]); with grades ``grade`` (after the quota), ``grade_note`` and
``quota_drops`` ([{"from", "to", "quota_percent", "colleges", "places", "rounding", "tie"}]) and
``quota_exceeded`` (it kept its band beyond the quota by a tie, ``quota_ties: keep``).
"""

from __future__ import annotations

from typing import Any

from jyscore.core.models import Rubric
from jyscore.core.ranking import RankedRow
from jyscore.core.run import RankOutcome
from jyscore.core.text import display_path
from jyscore.writers.jsontext import dumps
from jyscore.writers.problems import problem_dict
from jyscore.writers.rank_common import RankRenderOptions, quota_note, self_gap, self_total, spread


def _row(row: RankedRow, show_self: bool, rubric: Rubric) -> dict[str, Any]:
    item: dict[str, Any] = {
        "rank": row.rank,
        "college": row.college,
        "year": row.year,
        "base": row.base,
        "bonus": row.bonus,
        "total": row.total,
        "primary": dict(row.primary),
    }
    if rubric.adjustments:
        item["adjustments"] = row.adjustment
    if rubric.vetoes:
        item["vetoed"] = bool(row.vetoes)
        item["vetoes"] = [{"id": v.id, "name": v.name} for v in row.vetoes]
    if rubric.grades is not None:
        item["grade"] = row.grade
        item["grade_note"] = quota_note(row) or None
        item["quota_drops"] = [
            {"from": d.band, "to": d.to, "quota_percent": d.percent, "colleges": d.count,
             "places": d.places, "rounding": d.rounding, "tie": d.tie}
            for d in row.drops if not d.kept
        ]
        item["quota_exceeded"] = any(d.kept for d in row.drops)
    item["assessors"] = list(row.standing.panel.assessors) if row.standing.panel else []
    item["spread"] = spread(row)
    if show_self:
        item["self_total"] = self_total(row)
        item["gap"] = self_gap(row)
    return item


def rank_data(outcome: RankOutcome, show_self: bool = False) -> dict[str, Any]:
    return {
        "ranking": [_row(row, show_self, outcome.rubric) for row in outcome.ranking.rows],
        "skipped": [
            {"file": display_path(s.path), "problems": [problem_dict(p) for p in s.problems]}
            for s in outcome.skipped
        ],
        "tie_policy": outcome.tie_policy,
        "year": outcome.year,
        "by": outcome.ranking.column,
        "tie_break": list(outcome.ranking.tie_break),
    }


def render_rank_json(outcome: RankOutcome, options: RankRenderOptions) -> str:
    return dumps(rank_data(outcome, options.show_self)) + "\n"
