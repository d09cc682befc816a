"""Name -> renderer tables that the CLI's ``--format`` choices come from.

A new output format is one module and one line here: the line names the format, the module and
the renderer function in it, e.g. ``"csv": RankFormat("jyscore.writers.rank_csv",
"render_rank_csv")``; the CLI's choices and ``-o``'s suffixes come from these tables.

Why the renderers are imported lazily, by :mod:`importlib` when a format is drawn: rich, openpyxl
and the writers then stay unloaded for every other format and command, which keeps ``jyscore
score`` light. mypy cannot follow a module's name, so ``tests/test_formats.py`` imports every
entry and checks its function's signature against its table's type: a misspelt or mistyped
entry fails the tests rather than a user's run.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from jyscore.writers.problems import PROBLEM_FORMATS

if TYPE_CHECKING:
    from jyscore.core.comparison import Comparison
    from jyscore.core.engine import Result
    from jyscore.core.explain import Explanation
    from jyscore.core.explain_panel import PanelWork
    from jyscore.core.panels import Panel
    from jyscore.core.run import RankOutcome
    from jyscore.writers.options import RenderOptions
    from jyscore.writers.rank_common import RankRenderOptions

ResultRenderer = Callable[["Result", "RenderOptions"], str]
PanelRenderer = Callable[["Panel", "RenderOptions"], str]
# text, or bytes for a binary format (a workbook), which the CLI writes to a file as it is
RankRenderer = Callable[["RankOutcome", "RankRenderOptions"], str | bytes]
CompareRenderer = Callable[["Comparison", "RankRenderOptions"], str]
ExplainRenderer = Callable[["Explanation", "RenderOptions"], str]
PanelExplainRenderer = Callable[["PanelWork", "RenderOptions"], str]

RendererT = TypeVar("RendererT")


class LazyRenderer(Generic[RendererT]):
    """The renderer ``function`` of ``module``, imported when called: ``FORMATS[name]()``.

    A plain class, not a dataclass: this module is imported by every ``jyscore score``, and a
    dataclass costs its start-up a fraction of a millisecond more."""

    __slots__ = ("function", "module")

    def __init__(self, module: str, function: str) -> None:
        self.module = module
        self.function = function

    def __call__(self) -> RendererT:
        return cast(RendererT, getattr(importlib.import_module(self.module), self.function))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.module!r}, {self.function!r})"


class RankFormat(LazyRenderer[RankRenderer]):
    """A ranking format: its renderer, the other suffixes of ``-o`` that name it (``.md``), and
    whether it shows each college's item table (rank then keeps the tables, for small runs)."""

    __slots__ = ("details", "extensions")

    def __init__(
        self, module: str, function: str, extensions: tuple[str, ...] = (), *,
        details: bool = False,
    ) -> None:
        super().__init__(module, function)
        self.extensions = extensions
        self.details = details


class CompareFormat(LazyRenderer[CompareRenderer]):
    """A format of two years' comparison: its renderer and the other suffixes of ``-o`` that
    name it (``.txt``)."""

    __slots__ = ("extensions",)

    def __init__(self, module: str, function: str, extensions: tuple[str, ...] = ()) -> None:
        super().__init__(module, function)
        self.extensions = extensions


# ``jyscore score`` of one sheet
RESULT_FORMATS: dict[str, LazyRenderer[ResultRenderer]] = {
    "table": LazyRenderer("jyscore.writers.table", "render_table"),
    "json": LazyRenderer("jyscore.writers.result_json", "render_result_json"),
}

# ``jyscore score`` of a panel (several assessors' sheets of one college): the same choices
PANEL_FORMATS: dict[str, LazyRenderer[PanelRenderer]] = {
    "table": LazyRenderer("jyscore.writers.panel_table", "render_panel_table"),
    "json": LazyRenderer("jyscore.writers.panel_json", "render_panel_json"),
}

# ``jyscore explain`` of one sheet, and of a panel: the same choices
EXPLAIN_FORMATS: dict[str, LazyRenderer[ExplainRenderer]] = {
    "text": LazyRenderer("jyscore.writers.explain_text", "render_explain_text"),
    "json": LazyRenderer("jyscore.writers.explain_json", "render_explain_json"),
}
PANEL_EXPLAIN_FORMATS: dict[str, LazyRenderer[PanelExplainRenderer]] = {
    "text": LazyRenderer("jyscore.writers.explain_text", "render_panel_explain_text"),
    "json": LazyRenderer("jyscore.writers.explain_json", "render_panel_explain_json"),
}

# ``jyscore rank``: ``-o ranking.<name>`` picks a format by its name or one of its extensions
RANK_FORMATS: dict[str, RankFormat] = {
    "table": RankFormat("jyscore.writers.rank_table", "render_rank_table", (".txt",)),
    "json": RankFormat("jyscore.writers.rank_json", "render_rank_json"),
    "csv": RankFormat("jyscore.writers.rank_csv", "render_rank_csv"),
    "markdown": RankFormat("jyscore.writers.rank_markdown", "render_rank_markdown", (".md",)),
    "xlsx": RankFormat("jyscore.writers.xlsx.ranking", "render_rank_xlsx", details=True),
}
RANK_EXTENSIONS: dict[str, str] = {
    suffix: name for name, found in RANK_FORMATS.items() for suffix in found.extensions
}
# formats that show each college's item table: rank keeps the tables for them (small runs)
RANK_DETAIL_FORMATS = frozenset(name for name, found in RANK_FORMATS.items() if found.details)


# ``jyscore compare``: ``-o comparison.<name>`` picks a format by its name or an extension
COMPARE_FORMATS: dict[str, CompareFormat] = {
    "table": CompareFormat("jyscore.writers.compare", "render_compare_table", (".txt",)),
    "json": CompareFormat("jyscore.writers.compare", "render_compare_json"),
    "csv": CompareFormat("jyscore.writers.compare", "render_compare_csv"),
}
COMPARE_EXTENSIONS: dict[str, str] = {
    suffix: name for name, found in COMPARE_FORMATS.items() for suffix in found.extensions
}


def _format_for(path: Path, formats: Mapping[str, object], extensions: Mapping[str, str]
                ) -> str | None:
    """The format an output file's suffix asks for: one of ``extensions`` or a format's name
    (``table`` is no suffix: a table file is ``.txt``), or None."""
    suffix = path.suffix.lower()
    if suffix in extensions:
        return extensions[suffix]
    name = suffix.removeprefix(".")
    return name if name in formats and name != "table" else None


def rank_format_for(path: Path) -> str | None:
    """The ranking format an output file's suffix asks for (``.csv`` -> csv), or None."""
    return _format_for(path, RANK_FORMATS, RANK_EXTENSIONS)


def compare_format_for(path: Path) -> str | None:
    """The comparison format an output file's suffix asks for (``.txt`` -> table), or None."""
    return _format_for(path, COMPARE_FORMATS, COMPARE_EXTENSIONS)


def file_suffixes(formats: Mapping[str, object], extensions: Mapping[str, str]) -> list[str]:
    """The suffixes ``-o`` knows, in the table's order: each format's name (but ``table``), then
    the other extensions."""
    return [f".{name}" for name in formats if name != "table"] + list(extensions)


__all__ = [
    "COMPARE_EXTENSIONS", "COMPARE_FORMATS", "EXPLAIN_FORMATS", "PANEL_EXPLAIN_FORMATS",
    "PANEL_FORMATS", "PROBLEM_FORMATS",
    "RANK_DETAIL_FORMATS", "RANK_EXTENSIONS", "RANK_FORMATS", "RESULT_FORMATS", "CompareFormat",
    "LazyRenderer", "RankFormat", "compare_format_for", "file_suffixes", "rank_format_for",
]
