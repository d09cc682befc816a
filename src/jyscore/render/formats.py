"""Name -> renderer tables that the CLI's ``--format`` choices come from.

Renderers are looked up lazily so that rich is imported only when a table is really drawn.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable

from .problems import PROBLEM_FORMATS

RESULT_FORMATS: dict[str, str] = {
    "table": "jyscore.render.table:render_table",
    "json": "jyscore.render.result_json:render_result_json",
}


def load_renderer(spec: str) -> Callable[..., str]:
    module, _, name = spec.partition(":")
    renderer: Callable[..., Any] = getattr(import_module(module), name)
    return renderer


__all__ = ["PROBLEM_FORMATS", "RESULT_FORMATS", "load_renderer"]
