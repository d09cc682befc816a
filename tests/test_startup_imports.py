"""Start-up stays light: each command imports only what it needs (checked in a fresh process).

rich only when a table is drawn, openpyxl only for Excel files, pydantic only to validate a rubric
file (never for the built-in rubric), and nothing heavy at all for ``--version``. Why each
function-level import exists is said in docs/lazy-imports.md; a test here keeps that page complete.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHEET = ROOT / "examples" / "2024" / "文学院.yaml"
FOLDER = ROOT / "examples" / "2024"

# runs the console script (jyscore.__main__.run) in this process, then reports what got imported
PROBE = """
import gc, sys
from jyscore.__main__ import run
report, sys.argv = sys.argv[1], ["jyscore", *sys.argv[2:]]
try:
    run()
except SystemExit as exit:
    code = exit.code
loaded = sorted(sys.modules)
import json
with open(report, "w") as out:
    json.dump({
        "exit": code,
        "modules": sorted({name.split(".")[0] for name in loaded}),
        "all_modules": loaded,
        "gc_enabled": gc.isenabled(),
        "gc_frozen": gc.get_freeze_count(),
    }, out)
"""


def imported(tmp_path: Path, *args: str, cache: Path | None = None) -> dict:
    report = tmp_path / "report.json"
    env = dict(os.environ)
    if cache is not None:
        env["JYSCORE_CACHE_DIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(report), *args],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert report.exists(), done.stderr
    return json.loads(report.read_text())


def test_score_as_json_imports_neither_rich_nor_openpyxl(tmp_path):
    found = imported(tmp_path, "score", str(SHEET), "--format", "json")
    assert found["exit"] == 0
    assert "rich" not in found["modules"]
    assert "openpyxl" not in found["modules"]


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory) -> Path:
    """A cache of the validated built-in rubric, as the first command of a user leaves it."""
    cache = tmp_path_factory.mktemp("cache")
    work = tmp_path_factory.mktemp("warm")
    first = imported(work, "score", str(SHEET), "--format", "json", cache=cache)
    assert first["exit"] == 0 and "pydantic" in first["modules"]  # validated once …
    assert len(list(cache.glob("rubric-*.pickle"))) == 1  # … and kept
    return cache


@pytest.mark.parametrize("args", [["score", str(SHEET)], ["rank", str(FOLDER)],
                                  ["validate", str(FOLDER)]])
def test_the_built_in_rubric_needs_no_pydantic(tmp_path, args, warm_cache):
    found = imported(tmp_path, *args, cache=warm_cache)
    assert found["exit"] == 0
    assert "pydantic" not in found["modules"]  # the validated rubric comes from the cache


def test_a_broken_cache_is_validated_again(tmp_path, warm_cache):
    cache = tmp_path / "cache"
    cache.mkdir()
    for pickle in warm_cache.glob("rubric-*.pickle"):
        (cache / pickle.name).write_bytes(b"not a pickle")
    found = imported(tmp_path, "score", str(SHEET), "--format", "json", cache=cache)
    assert found["exit"] == 0 and "pydantic" in found["modules"]


def test_a_rubric_file_is_validated_by_pydantic(tmp_path):
    rubric = ROOT / "rubric" / "imnu-employment.yaml"
    found = imported(tmp_path, "score", str(SHEET), "--rubric", str(rubric), "--format", "json")
    assert found["exit"] == 0
    assert "pydantic" in found["modules"]


def test_score_as_a_table_imports_rich_but_not_openpyxl(tmp_path):
    found = imported(tmp_path, "score", str(SHEET))
    assert found["exit"] == 0
    assert "rich" in found["modules"]
    assert "openpyxl" not in found["modules"]


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_validate_of_yaml_sheets_imports_no_openpyxl(tmp_path, fmt):
    found = imported(tmp_path, "validate", str(FOLDER), "--format", fmt)
    assert found["exit"] == 0
    assert "openpyxl" not in found["modules"]
    assert "rich" not in found["modules"]


def test_rank_as_json_imports_neither_rich_nor_openpyxl(tmp_path):
    found = imported(tmp_path, "rank", str(FOLDER), "--format", "json")
    assert found["exit"] == 0
    assert not {"rich", "openpyxl"} & set(found["modules"])


def test_version_imports_no_pydantic_yaml_or_rich(tmp_path):
    found = imported(tmp_path, "--version")
    assert found["exit"] == 0
    assert not {"pydantic", "yaml", "rich", "openpyxl"} & set(found["modules"])


# what `score` of one YAML sheet never needs, with a warm rubric cache (docs/lazy-imports.md)
NOT_FOR_ONE_SHEET = {
    "difflib",  # only to suggest a name on a problem
    "concurrent.futures", "multiprocessing",  # the pool: only past its threshold
    "locale",  # click's gettext goes through jyscore's catalogue
    "shutil", "tempfile", "zipfile",  # the terminal's width by os; tempfile to write the cache only
    "importlib.resources",  # the built-in rubric is found beside the code
    "json",  # only for --format json
    "openpyxl", "pydantic", "jyscore.readers.targets", "jyscore.core.panels",
    "jyscore.readers.xlsx", "jyscore.form.marks", "jyscore.writers.xlsx",
    "jyscore.pipeline.parallel",
}


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_score_of_one_sheet_imports_nothing_it_does_not_need(tmp_path, warm_cache, fmt):
    found = imported(tmp_path, "score", str(SHEET), "--format", fmt, cache=warm_cache)
    assert found["exit"] == 0
    unwanted = NOT_FOR_ONE_SHEET - {"json"} if fmt == "json" else NOT_FOR_ONE_SHEET
    assert sorted(unwanted & set(found["all_modules"])) == []


def test_the_collector_paused_for_start_up_is_on_again_when_the_command_runs(tmp_path):
    found = imported(tmp_path, "score", str(SHEET), "--format", "json")
    assert found["exit"] == 0
    assert found["gc_enabled"]  # start-up's pause ends once the command is imported …
    assert found["gc_frozen"] > 0  # … and what start-up built is left out of later passes


def _function_level_imports() -> list[tuple[str, int, str]]:
    """(file, line, imported module) of every import inside a function in src/jyscore; imports
    under ``if TYPE_CHECKING:`` are for type checkers only and are left out."""
    found = []
    for path in sorted((ROOT / "src" / "jyscore").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                    node.body = []  # not a run-time import
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    modules = [node.module]
                else:
                    continue
                relative = path.relative_to(ROOT / "src").as_posix()
                found.extend((relative, node.lineno, module) for module in modules)
    return found


def test_every_lazy_import_has_its_reason_in_the_docs():
    """docs/lazy-imports.md is the one place that says why an import is inside a function: every
    module imported so must be named there (or be imported at the top of its file)."""
    page = (ROOT / "docs" / "lazy-imports.md").read_text(encoding="utf-8")
    lazy = _function_level_imports()
    assert lazy, "the scan found no function-level import at all"
    unexplained = sorted(f"{file}:{line} imports {module}" for file, line, module in lazy
                         if f"`{module}`" not in page)
    assert unexplained == []
