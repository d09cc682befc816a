"""Every broken input of the corpus through every command and every output format, via CliRunner.

The corpus: tests/data/bad/ (YAML sheets), tests/data/xlsx/bad/ (workbooks) and
tests/data/rubrics/ (rubrics), each with an expected.json of (code, line or cell). For each file:

* ``score`` (table, json) and ``validate`` (text, json, github) exit 1, raise nothing
  (``catch_exceptions=False``: a traceback fails the test) and name the expected codes; validate's
  JSON gives exactly the expected (code, line) or (code, cell) pairs; openpyxl's Python warnings
  never reach the user (checked in a real process: pytest captures warnings itself);
* ``rank`` over a folder holding the bad file and a good sheet exits 1 in every format and writes
  nothing: the ``-o`` file does not exist afterwards, nothing else appears beside it, stdout is
  empty;
* a broken rubric passed with ``--rubric`` stops ``score`` and ``validate`` with its code and line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jyscore.cli import cli

from .conftest import DATA, ROOT

GOOD_SHEET = ROOT / "examples" / "2024" / "文学院.yaml"


def _manifest(folder: Path) -> dict[str, list[tuple[str, object]]]:
    data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return {name: [tuple(pair) for pair in pairs] for name, pairs in data.items()}


CORPUS: list[tuple[Path, list[tuple[str, object]]]] = [
    *((DATA / "bad" / name, pairs) for name, pairs in _manifest(DATA / "bad").items()),
    *((DATA / "xlsx" / "bad" / name, pairs)
      for name, pairs in _manifest(DATA / "xlsx" / "bad").items()),
]
RUBRICS = _manifest(DATA / "rubrics")
IDS = [f"{path.parent.name}/{path.name}" for path, _ in CORPUS]
RANK_OUTPUTS = {"table": "out.txt", "json": "out.json", "csv": "out.csv",
                "markdown": "out.md", "xlsx": "out.xlsx"}


def invoke(*args: str) -> Result:
    try:  # click < 8.2 mixes stderr into stdout unless told not to
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        runner = CliRunner()
    return runner.invoke(cli, list(args), env={"GITHUB_ACTIONS": None, "NO_COLOR": "1"},
                         catch_exceptions=False)


def refused(result: Result, what: str) -> None:
    assert result.exit_code == 1, f"{what}: exit {result.exit_code}\n{result.output}"
    assert "Traceback" not in result.output and "internal error" not in result.output, what


def test_the_corpus_is_large_enough():
    assert len(CORPUS) + len(RUBRICS) >= 40
    assert {p.name for p in (DATA / "rubrics").glob("*.yaml")} - set(RUBRICS) == {"tiny.yaml"}


@pytest.mark.parametrize(("path", "expected"), CORPUS, ids=IDS)
def test_score_refuses_in_every_format(path: Path, expected):
    for fmt in ("table", "json"):
        result = invoke("score", str(path), "--format", fmt)
        refused(result, f"score --format {fmt}")
        assert result.stdout == "", "a refused sheet prints no result"
        for code, _ in expected:
            assert code in result.stderr


@pytest.mark.parametrize(("path", "expected"), CORPUS, ids=IDS)
def test_validate_names_each_code_and_position_in_every_format(path: Path, expected):
    result = invoke("validate", str(path), "--format", "json")
    refused(result, "validate --format json")
    report = json.loads(result.stdout)
    found = [(p["code"], p["cell"] or p["line"]) for p in report["problems"]]
    assert sorted(found, key=str) == sorted(expected, key=str)
    assert all(p["file"] == str(path) for p in report["problems"])
    for fmt in ("text", "github"):
        result = invoke("validate", str(path), "--format", fmt)
        refused(result, f"validate --format {fmt}")
        for code, where in expected:
            assert code in result.stdout
            if isinstance(where, int):
                marker = f":{where}:" if fmt == "text" else f"line={where},"
                assert marker in result.stdout, (fmt, code, where)
            elif isinstance(where, str):
                assert f"{where}: " in result.stdout or f"!{where}:" in result.stdout


@pytest.mark.parametrize(("path", "expected"), CORPUS, ids=IDS)
def test_rank_with_a_bad_sheet_writes_nothing_in_any_format(path: Path, expected, tmp_path: Path):
    sheets, out_dir = tmp_path / "sheets", tmp_path / "out"
    sheets.mkdir()
    out_dir.mkdir()
    shutil.copy(path, sheets / path.name)
    shutil.copy(GOOD_SHEET, sheets / "good.yaml")
    for fmt, name in RANK_OUTPUTS.items():
        target = out_dir / name
        result = invoke("rank", str(sheets), "-o", str(target), "--format", fmt)
        refused(result, f"rank -o {name}")
        assert not target.exists() and list(out_dir.iterdir()) == []
        assert result.stdout == ""
        for code, _ in expected:
            assert code in result.stderr
        if fmt != "xlsx":
            result = invoke("rank", str(sheets), "--format", fmt)
            refused(result, f"rank --format {fmt}")
            assert result.stdout == ""
    assert sorted(p.name for p in sheets.iterdir()) == sorted([path.name, "good.yaml"])


@pytest.mark.parametrize("name", sorted(RUBRICS))
def test_a_broken_rubric_stops_score_and_validate(name: str):
    rubric = DATA / "rubrics" / name
    expected = RUBRICS[name]
    for args in (["score", str(GOOD_SHEET)], ["score", str(GOOD_SHEET), "-f", "json"],
                 ["validate", str(GOOD_SHEET), "-f", "text"]):
        result = invoke(*args, "--rubric", str(rubric))
        refused(result, " ".join(args))
        if args[0] == "score":
            assert result.stdout == ""
        for code, line in expected:
            assert f"{rubric}:{line}:" in result.output and code in result.output, (args, code)
    result = invoke("validate", str(GOOD_SHEET), "-f", "github", "--rubric", str(rubric))
    refused(result, "validate -f github")
    for code, line in expected:
        assert f"line={line}," in result.stdout and f"title={code} " in result.stdout
    result = invoke("validate", str(GOOD_SHEET), "-f", "json", "--rubric", str(rubric))
    refused(result, "validate -f json")
    report = json.loads(result.stdout)
    found = [(p["code"], p["line"]) for p in report["problems"]]
    assert sorted(found, key=str) == sorted(expected, key=str)
    assert all(p["file"] == str(rubric) for p in report["problems"])


@pytest.mark.parametrize("name", ["no-sheets.xlsx", "missing-sheet-part.xlsx"])
def test_openpyxl_warnings_never_reach_the_user(name: str):
    """openpyxl warns about these files; the user sees only jyscore's one problem line."""
    path = DATA / "xlsx" / "bad" / name
    result = subprocess.run([sys.executable, "-m", "jyscore", "score", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [result.stderr.splitlines()[0]]
    assert result.stderr.startswith(f"{path}: error JY604 ")
