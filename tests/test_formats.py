"""The renderer registry (`jyscore.writers.formats`): every entry is the function its line names,
with its table's type; nothing is imported before a format is drawn; a format is one line."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore.cli import cli
from jyscore.writers.formats import (
    COMPARE_EXTENSIONS,
    COMPARE_FORMATS,
    EXPLAIN_FORMATS,
    PANEL_EXPLAIN_FORMATS,
    PANEL_FORMATS,
    RANK_DETAIL_FORMATS,
    RANK_EXTENSIONS,
    RANK_FORMATS,
    RESULT_FORMATS,
    LazyRenderer,
    RankFormat,
    compare_format_for,
)

from .conftest import ROOT

EXAMPLES = ROOT / "examples" / "2024"
# each table: its entries, and the (first parameter, options, returns) its type declares
TABLES = {
    "result": (RESULT_FORMATS, ("Result", "RenderOptions", {"str"})),
    "panel": (PANEL_FORMATS, ("Panel", "RenderOptions", {"str"})),
    "rank": (RANK_FORMATS, ("RankOutcome", "RankRenderOptions", {"str", "bytes"})),
    "compare": (COMPARE_FORMATS, ("Comparison", "RankRenderOptions", {"str"})),
    "explain": (EXPLAIN_FORMATS, ("Explanation", "RenderOptions", {"str"})),
    "panel-explain": (PANEL_EXPLAIN_FORMATS, ("PanelWork", "RenderOptions", {"str"})),
}
ENTRIES = [(table, name) for table, (formats, _) in TABLES.items() for name in formats]


@pytest.mark.parametrize("table, name", ENTRIES)
def test_every_entry_is_the_function_its_line_names_with_its_tables_type(table, name):
    formats, (data, options, returns) = TABLES[table]
    entry: LazyRenderer = formats[name]
    renderer = entry()
    assert inspect.isfunction(renderer)
    assert (renderer.__module__, renderer.__name__) == (entry.module, entry.function)
    signature = inspect.signature(renderer)
    # the modules use `from __future__ import annotations`: annotations are their source text
    assert [p.annotation for p in signature.parameters.values()] == [data, options]
    assert signature.return_annotation in returns


def test_the_workbook_is_bytes_and_every_other_ranking_text():
    assert inspect.signature(RANK_FORMATS["xlsx"]()).return_annotation == "bytes"
    for name in RANK_FORMATS:
        result = CliRunner().invoke(cli, ["rank", str(EXAMPLES), "--format", name])
        assert result.exit_code == 0, result.output
        if name == "xlsx":
            assert result.stdout_bytes.startswith(b"PK\x03\x04")  # a zip: the workbook
        else:
            assert result.stdout_bytes.decode("utf-8") and "文学院" in result.stdout


def test_the_extensions_and_the_detail_formats_come_from_the_formats_lines():
    assert dict(RANK_EXTENSIONS) == {".txt": "table", ".md": "markdown"}
    assert sorted(RANK_DETAIL_FORMATS) == ["xlsx"]
    assert isinstance(RANK_FORMATS["xlsx"], RankFormat) and RANK_FORMATS["xlsx"].details


def test_one_sheet_and_a_panel_have_the_same_formats():
    # score's --format serves both: a name in one table only would fail on the other (exit 3)
    assert RESULT_FORMATS.keys() == PANEL_FORMATS.keys()
    assert EXPLAIN_FORMATS.keys() == PANEL_EXPLAIN_FORMATS.keys()  # explain's --format alike


def test_the_comparison_formats_and_their_extensions_come_from_the_formats_lines():
    assert list(COMPARE_FORMATS) == ["table", "json", "csv"]
    assert dict(COMPARE_EXTENSIONS) == {".txt": "table"}


@pytest.mark.parametrize(
    "name, expected",
    [("c.csv", "csv"), ("c.JSON", "json"), ("c.txt", "table"), ("c.table", None), ("c", None),
     ("c.md", None)],
)
def test_the_comparison_format_from_the_extension(name, expected):
    assert compare_format_for(Path(name)) == expected


def test_no_renderer_is_imported_before_its_format_is_drawn():
    renderers = sorted({e.module for formats, _ in TABLES.values() for e in formats.values()})
    code = (
        "import sys, jyscore.writers.formats\n"
        f"loaded = [m for m in {renderers!r} if m in sys.modules]\n"
        "loaded += [m for m in ('rich', 'openpyxl') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr


def test_a_new_format_is_one_line(tmp_path: Path, monkeypatch):
    # a format not registered before: one entry, and `-o ranking.tsv` draws it
    monkeypatch.setitem(RANK_FORMATS, "tsv", RankFormat("jyscore.writers.rank_csv",
                                                        "render_rank_csv"))
    out = tmp_path / "ranking.tsv"
    result = CliRunner().invoke(cli, ["rank", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    csv = tmp_path / "ranking.csv"
    assert CliRunner().invoke(cli, ["rank", str(EXAMPLES), "-o", str(csv)]).exit_code == 0
    assert out.read_bytes() == csv.read_bytes()
