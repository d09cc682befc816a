"""Start-up stays light: each command imports only what it needs (checked in a fresh process).

rich only when a table is drawn, openpyxl only for Excel files, pydantic only to validate a rubric
file (never for the built-in rubric), and nothing heavy at all for ``--version``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHEET = ROOT / "examples" / "2024" / "文学院.yaml"
FOLDER = ROOT / "examples" / "2024"

# runs the console script's main() in this process, then reports what got imported
PROBE = """
import json, sys
from jyscore.cli import main
report, sys.argv = sys.argv[1], ["jyscore", *sys.argv[2:]]
try:
    main()
except SystemExit as exit:
    code = exit.code
with open(report, "w") as out:
    json.dump({
        "exit": code,
        "modules": sorted({name.split(".")[0] for name in sys.modules}),
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
