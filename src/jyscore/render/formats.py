"""Name -> renderer tables that the CLI's ``--format`` choices come from.

Renderers are looked up lazily so that rich is imported only when a table is really drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

from .problems import PROBLEM_FORMATS

RESULT_FORMATS: dict[str, str] = {
    "table": "jyscore.render.table:render_table",
    "json": "jyscore.render.result_json:render_result_json",
}

# ``jyscore score`` of a panel (several assessors' sheets of one college): the same choices
PANEL_FORMATS: dict[str, str] = {
    "table": "jyscore.render.panel_table:render_panel_table",
    "json": "jyscore.render.panel_json:render_panel_json",
}

# ``jyscore rank``: each renderer takes (RankOutcome, RankRenderOptions) and returns text, or
# bytes for a binary format (a workbook), which the CLI writes to a file. Adding a format is one
# entry here: ``-o ranking.<name>`` picks it by its name; RANK_EXTENSIONS holds other suffixes.
RANK_FORMATS: dict[str, str] = {
    "table": "jyscore.render.rank_table:render_rank_table",
    "json": "jyscore.render.rank_json:render_rank_json",
    "csv": "jyscore.render.rank_csv:render_rank_csv",
    "markdown": "jyscore.render.rank_markdown:render_rank_markdown",
    "xlsx": "jyscore.excel.ranking:render_rank_xlsx",  # bytes: the ranking workbook
}
RANK_EXTENSIONS: dict[str, str] = {".md": "markdown", ".txt": "table"}
# formats that show each college's item table: rank keeps the tables for them (small runs)
RANK_DETAIL_FORMATS = frozenset({"xlsx"})


def rank_format_for(path: Path) -> str | None:
    """The ranking format an output file's suffix asks for (``.csv`` -> csv), or None."""
    suffix = path.suffix.lower()
    if suffix in RANK_EXTENSIONS:
        return RANK_EXTENSIONS[suffix]
    name = suffix.removeprefix(".")
    return name if name in RANK_FORMATS and name != "table" else None


def load_renderer(spec: str) -> Callable[..., str]:
    module, _, name = spec.partition(":")
    renderer: Callable[..., Any] = getattr(import_module(module), name)
    return renderer


__all__ = [
    "PANEL_FORMATS", "PROBLEM_FORMATS", "RANK_EXTENSIONS", "RANK_FORMATS", "RESULT_FORMATS",
    "load_renderer",
    "rank_format_for",
]
