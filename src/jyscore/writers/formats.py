"""Name -> renderer tables that the CLI's ``--format`` choices come from.

Each entry is a function that imports its renderer when called: rich, openpyxl and the writers
are imported only when that format is really drawn, which keeps ``jyscore score`` light. The
functions are real references that grep and mypy follow; a test resolves every entry.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from jyscore.writers.problems import PROBLEM_FORMATS

if TYPE_CHECKING:
    from jyscore.core.engine import Result
    from jyscore.core.panels import Panel
    from jyscore.core.run import RankOutcome
    from jyscore.writers.options import RenderOptions
    from jyscore.writers.rank_common import RankRenderOptions

ResultRenderer = Callable[["Result", "RenderOptions"], str]
PanelRenderer = Callable[["Panel", "RenderOptions"], str]
# text, or bytes for a binary format (a workbook), which the CLI writes to a file
RankRenderer = Callable[["RankOutcome", "RankRenderOptions"], str | bytes]


def _result_table() -> ResultRenderer:
    from jyscore.writers.table import render_table

    return render_table


def _result_json() -> ResultRenderer:
    from jyscore.writers.result_json import render_result_json

    return render_result_json


def _panel_table() -> PanelRenderer:
    from jyscore.writers.panel_table import render_panel_table

    return render_panel_table


def _panel_json() -> PanelRenderer:
    from jyscore.writers.panel_json import render_panel_json

    return render_panel_json


def _rank_table() -> RankRenderer:
    from jyscore.writers.rank_table import render_rank_table

    return render_rank_table


def _rank_json() -> RankRenderer:
    from jyscore.writers.rank_json import render_rank_json

    return render_rank_json


def _rank_csv() -> RankRenderer:
    from jyscore.writers.rank_csv import render_rank_csv

    return render_rank_csv


def _rank_markdown() -> RankRenderer:
    from jyscore.writers.rank_markdown import render_rank_markdown

    return render_rank_markdown


def _rank_xlsx() -> RankRenderer:
    from jyscore.writers.xlsx.ranking import render_rank_xlsx

    return render_rank_xlsx


RESULT_FORMATS: dict[str, Callable[[], ResultRenderer]] = {
    "table": _result_table,
    "json": _result_json,
}

# ``jyscore score`` of a panel (several assessors' sheets of one college): the same choices
PANEL_FORMATS: dict[str, Callable[[], PanelRenderer]] = {
    "table": _panel_table,
    "json": _panel_json,
}

# ``jyscore rank``: adding a format is one function above and one entry here; ``-o
# ranking.<name>`` picks it by its name, RANK_EXTENSIONS holds other suffixes.
RANK_FORMATS: dict[str, Callable[[], RankRenderer]] = {
    "table": _rank_table,
    "json": _rank_json,
    "csv": _rank_csv,
    "markdown": _rank_markdown,
    "xlsx": _rank_xlsx,  # bytes: the ranking workbook
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


__all__ = [
    "PANEL_FORMATS", "PROBLEM_FORMATS", "RANK_EXTENSIONS", "RANK_FORMATS", "RESULT_FORMATS",
    "rank_format_for",
]
