"""A ranking as JSON, numbers written exactly from the decimals (``86.5``, never ``86.49999``).

``{"ranking": [{"rank", "college", "year", "base", "bonus", "total", "primary": {"1": …}}],
"skipped": [{"file", "problems": […]}], "tie_policy": "…", "year", "by", "tie_break"}``; with
``--show-self`` each row also carries ``self_total`` and ``gap`` (self − assessed, or null).
"""

from __future__ import annotations

from typing import Any

from ..rank_run import RankOutcome
from ..text import display_path
from ..ranking import RankedRow
from .jsontext import dumps
from .problems import problem_dict
from .rank_common import RankRenderOptions, self_gap, self_total


def _row(row: RankedRow, show_self: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "rank": row.rank,
        "college": row.college,
        "year": row.year,
        "base": row.base,
        "bonus": row.bonus,
        "total": row.total,
        "primary": dict(row.primary),
    }
    if show_self:
        item["self_total"] = self_total(row)
        item["gap"] = self_gap(row)
    return item


def rank_data(outcome: RankOutcome, show_self: bool = False) -> dict[str, Any]:
    return {
        "ranking": [_row(row, show_self) for row in outcome.ranking.rows],
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
