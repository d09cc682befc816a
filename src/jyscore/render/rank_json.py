"""A ranking as JSON, numbers written exactly from the decimals (``86.5``, never ``86.49999``).

``{"ranking": [{"rank", "college", "year", "base", "bonus", "total", "primary": {"1": …},
"assessors", "spread"}], …}``: ``assessors`` (a panel's names, [] for a single sheet) and
``spread`` (highest − lowest assessor total, 0 for a single sheet) when any college of the run is
assessed by a panel; a run of single sheets is written as it always was. ``{…,
"skipped": [{"file", "problems": […]}], "tie_policy": "…", "year", "by", "tie_break"}``; with
``--show-self`` each row also carries ``self_total`` and ``gap`` (self − assessed, or null).
"""

from __future__ import annotations

from typing import Any

from ..rank_run import RankOutcome
from ..ranking import RankedRow
from .jsontext import dumps
from .problems import problem_dict
from .rank_common import RankRenderOptions, has_panels, self_gap, self_total, spread


def _row(row: RankedRow, show_self: bool, panels: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "rank": row.rank,
        "college": row.college,
        "year": row.year,
        "base": row.base,
        "bonus": row.bonus,
        "total": row.total,
        "primary": dict(row.primary),
    }
    if panels:
        item["assessors"] = list(row.standing.panel.assessors) if row.standing.panel else []
        item["spread"] = spread(row)
    if show_self:
        item["self_total"] = self_total(row)
        item["gap"] = self_gap(row)
    return item


def rank_data(outcome: RankOutcome, show_self: bool = False) -> dict[str, Any]:
    return {
        "ranking": [_row(row, show_self, has_panels(outcome)) for row in outcome.ranking.rows],
        "skipped": [
            {"file": str(s.path), "problems": [problem_dict(p) for p in s.problems]}
            for s in outcome.skipped
        ],
        "tie_policy": outcome.tie_policy,
        "year": outcome.year,
        "by": outcome.ranking.column,
        "tie_break": list(outcome.ranking.tie_break),
    }


def render_rank_json(outcome: RankOutcome, options: RankRenderOptions) -> str:
    return dumps(rank_data(outcome, options.show_self)) + "\n"
