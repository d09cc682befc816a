"""`jyscore validate` through click's CliRunner: every folder of tests/data/validate, every format.

Each folder holds good or bad sheets; tests/data/validate/expected.json gives, per folder, the
arguments, the exit code, the number of files checked and every expected (file, code, line,
severity). The same expectations are read back from the text, json and github outputs.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore.cli import cli
from jyscore.cli.common import wants_color
from jyscore.core.problems import Problem, Severity
from jyscore.pipeline.validate import validate
from jyscore.writers.options import RenderOptions
from jyscore.writers.problems import PROBLEM_FORMATS

from .conftest import DATA, ROOT
from .sheets import sheet_text

FOLDERS = DATA / "validate"
EXPECTED = json.loads((FOLDERS / "expected.json").read_text(encoding="utf-8"))
FORMATS = ("text", "json", "github")
NOT_IN_ACTIONS = {"GITHUB_ACTIONS": None, "NO_COLOR": None}

_TEXT = re.compile(
    r"^(?P<file>[^:]+?)(?::(?P<line>\d+):(?P<column>\d+))?: (?P<severity>error|warning) "
    r"(?P<code>JY\d{3}) "
)
_GITHUB = re.compile(r"^::(?P<severity>error|warning) (?P<properties>[^:]*)::(?P<message>.*)$")


def _runner() -> CliRunner:
    try:  # click < 8.2 mixes stderr into stdout unless told not to
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@pytest.fixture
def run():
    def invoke(*args: str, env: dict[str, str | None] | None = None):
        return _runner().invoke(cli, list(args), env={**NOT_IN_ACTIONS, **(env or {})},
                                catch_exceptions=False)

    return invoke


def _relative(file: str, folder: Path) -> str:
    return Path(file).relative_to(folder).as_posix()


def found_in_text(stdout: str, folder: Path) -> list[list[object]]:
    found = []
    for line in stdout.splitlines():
        match = _TEXT.match(line)
        assert match, f"not a problem line: {line!r}"
        number = int(match["line"]) if match["line"] else None
        found.append([_relative(match["file"], folder), match["code"], number, match["severity"]])
    return found


def found_in_json(stdout: str, folder: Path) -> list[list[object]]:
    data = json.loads(stdout)
    return [
        [_relative(p["file"], folder), p["code"], p["line"], p["severity"]]
        for p in data["problems"]
    ]


def _github_properties(text: str) -> dict[str, str]:
    decoded = {}
    for pair in text.split(","):
        key, _, value = pair.partition("=")
        decoded[key] = (
            value.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n")
            .replace("%0D", "\r").replace("%25", "%")
        )
    return decoded


def found_in_github(stdout: str, folder: Path) -> list[list[object]]:
    found = []
    for line in stdout.splitlines():
        match = _GITHUB.match(line)
        assert match, f"not a workflow command: {line!r}"
        properties = _github_properties(match["properties"])
        code = properties["title"].split()[0]
        number = int(properties["line"]) if "line" in properties else None
        found.append([_relative(properties["file"], folder), code, number, match["severity"]])
    return found


PARSERS = {"text": found_in_text, "json": found_in_json, "github": found_in_github}


def test_every_folder_has_an_expectation():
    on_disk = {p.name for p in FOLDERS.iterdir() if p.is_dir()}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_folder_reports_expected_problems(run, name, output_format):
    case = EXPECTED[name]
    folder = FOLDERS / name
    result = run("validate", str(folder), *case["args"], "--format", output_format)
    assert result.exit_code == case["exit_code"], result.stdout + result.stderr
    found = PARSERS[output_format](result.stdout, folder)
    assert found == case["problems"]  # in order: by file, then line (no line first)
    if output_format == "json":
        assert json.loads(result.stdout)["files_checked"] == case["files_checked"]
        assert result.stderr == ""
    else:
        assert f"checked {case['files_checked']} file" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_library_agrees_with_the_manifest(rubric):
    for name, case in EXPECTED.items():
        folder = FOLDERS / name
        max_gap = Decimal(case["args"][1]) if case["args"][:1] == ["--max-gap"] else None
        report = validate([folder], rubric, max_gap=max_gap)
        assert report.files_checked == case["files_checked"]
        found = [[_relative(p.file, folder), p.code, p.line, str(p.severity)]
                 for p in report.problems]
        assert found == case["problems"], name
        assert report.ok == (case["exit_code"] == 0)


# -- text ------------------------------------------------------------------------------------


def test_text_line_names_position_item_and_what_is_allowed(run):
    folder = FOLDERS / "broken"
    result = run("validate", str(folder / "b-over-cap.yaml"), "--format", "text")
    assert result.exit_code == 1
    assert (
        f"{folder / 'b-over-cap.yaml'}:5:15: error JY101 [1.1 领导重视] self 7 is over the cap; "
        "allowed: 0 to 6 in steps of 0.5\n" in result.stdout
    )
    assert f"{folder / 'b-over-cap.yaml'}:4:1: error JY111 [3.6 " in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not a terminal
    assert result.stderr == "checked 1 file: 2 errors, 0 warnings\n"


def test_text_is_coloured_on_a_terminal():
    problem = Problem("a.yaml", "JY101", "self 7 is over the cap", Severity.ERROR, 5, 15,
                      item_id="1.1", item_name="领导重视")
    coloured = PROBLEM_FORMATS["text"]([problem], RenderOptions(color=True), 1)
    assert "\x1b[1;31merror\x1b[0m" in coloured
    assert "JY101 [1.1 领导重视] self 7 is over the cap" in coloured

    class Terminal:
        def isatty(self) -> bool:
            return True

    assert wants_color(Terminal())


def test_auto_is_text_outside_github_actions(run):
    result = run("validate", str(FOLDERS / "not-assessed"))
    assert result.stdout.startswith(str(FOLDERS / "not-assessed" / "文学院.yaml") + ":4:1: warning")


def test_auto_is_github_in_github_actions(run):
    result = run("validate", str(FOLDERS / "not-assessed"), env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::warning file=")
    assert "title=JY304 not-assessed::" in result.stdout


@pytest.mark.parametrize(("year", "count"), [("2024", 7), ("2023", 5)])
def test_clean_run_prints_only_the_summary(run, year, count):
    result = run("validate", str(ROOT / "examples" / year))  # a year a run: JY302 otherwise
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"checked {count} files: 0 errors, 0 warnings\n"


# -- json ------------------------------------------------------------------------------------


def test_json_shape_and_the_place_of_a_missing_item(run):
    folder = FOLDERS / "broken"
    result = run("validate", str(folder), "--format", "json")
    data = json.loads(result.stdout)
    assert data["files_checked"] == 4
    missing = next(p for p in data["problems"] if p["code"] == "JY111")
    assert (missing["line"], missing["column"]) == (4, 1)  # the scores mapping it belongs in
    assert (missing["id"], missing["severity"]) == ("3.6", "error")
    over = next(p for p in data["problems"] if p["code"] == "JY101")
    assert {k: over[k] for k in ("line", "column", "id", "severity")} == {
        "line": 5, "column": 15, "id": "1.1", "severity": "error",
    }
    assert set(over) >= {"file", "line", "column", "id", "severity", "code", "message"}


def test_json_clean_run(run):
    result = run("validate", str(FOLDERS / "good"), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"files_checked": 3, "problems": []}


# -- github ----------------------------------------------------------------------------------


def test_github_escapes_properties_and_data(run, tmp_path):
    sheet = tmp_path / "a,b:c.yaml"
    sheet.write_text(sheet_text({"1.1": "{self: 5%, assessed: 5}"}), encoding="utf-8")
    result = run("validate", str(sheet), "--format", "github")
    assert result.exit_code == 1
    (line,) = [x for x in result.stdout.splitlines() if "JY100" in x]
    escaped_file = str(sheet).replace(",", "%2C").replace(":", "%3A")
    assert line.startswith(f"::error file={escaped_file},line=5,col=15,title=JY100 not-a-number::")
    message = line.split("::", 2)[2]
    assert message.startswith("[1.1 领导重视] self is ") and "5%25" in message
    assert "5%'" not in message


def test_json_null_position_for_a_file_that_is_not_text(run):
    result = run("validate", str(DATA / "bad" / "not-text.yaml"), "--format", "json")
    (problem,) = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["line"], problem["column"]) == ("JY002", None, None)


def test_github_without_a_line_has_no_line_property(run):
    result = run("validate", str(DATA / "bad" / "not-text.yaml"), "--format", "github")
    (annotation,) = [x for x in result.stdout.splitlines() if "JY002" in x]
    assert "line=" not in annotation and "col=" not in annotation
    assert annotation.startswith("::error file=")


# -- --strict and --max-gap ------------------------------------------------------------------


def test_strict_turns_warnings_into_errors(run):
    folder = FOLDERS / "mixed-years"
    assert run("validate", str(folder)).exit_code == 0
    result = run("validate", str(folder), "--strict", "--format", "json")
    assert result.exit_code == 1
    assert [(p["code"], p["severity"]) for p in json.loads(result.stdout)["problems"]] == [
        ("JY302", "error")
    ]


def test_strict_counts_a_gb18030_file(run):
    sheet = FOLDERS / "broken" / "c-gb18030.yaml"
    assert run("validate", str(sheet)).exit_code == 0
    result = run("validate", str(sheet), "--strict")
    assert result.exit_code == 1
    assert ":1:1: error JY003 " in result.stdout


def test_max_gap_is_a_strict_bound(run):
    folder = FOLDERS / "gap"
    assert run("validate", str(folder)).stdout == ""  # no --max-gap, no gap check

    def gaps(value: str) -> list[int]:
        out = run("validate", str(folder), "--max-gap", value, "--format", "json").stdout
        return [p["line"] for p in json.loads(out)["problems"]]

    assert gaps("1") == [5, 25]
    assert gaps("2") == [5]  # 4.2: 7 - 5 = 2 is allowed
    assert gaps("3") == []


def test_gap_message(run):
    result = run("validate", str(FOLDERS / "gap"), "--max-gap", "2.5")
    assert (
        ":5:3: warning JY305 [1.1 领导重视] self score 6 is 3 points above the assessed 3; "
        "allowed gap: 2.5" in result.stdout
    )


# -- the run as a whole ----------------------------------------------------------------------


def test_duplicate_names_the_other_file(run):
    folder = FOLDERS / "duplicate"
    result = run("validate", str(folder))
    assert (
        f"{folder / 'b-文学院-copy.yaml'}:2:1: error JY301 文学院 2024 is also in "
        f"{folder / 'a-文学院.yaml'}; keep one sheet per college and year" in result.stdout
    )


def test_mixed_years_names_every_group(run):
    folder = FOLDERS / "mixed-years"
    result = run("validate", str(folder))
    assert "2024 (" in result.stdout and "; 2023 (" in result.stdout
    assert str(folder / "old" / "文学院-2023.yaml") in result.stdout.split("2023 (")[1]


def test_files_given_one_by_one_are_checked_together(run):
    folder = FOLDERS / "duplicate"
    result = run("validate", str(folder / "a-文学院.yaml"), str(folder / "b-文学院-copy.yaml"))
    assert result.exit_code == 1 and "JY301" in result.stdout


def test_leftovers_are_skipped(run):
    result = run("validate", str(FOLDERS / "good"), "--format", "json")
    assert json.loads(result.stdout)["files_checked"] == 3
    for leftover in (".hidden.yaml", "~$文学院.yaml", "~$form.xlsx", "文学院.yaml~", "草稿.yaml"):
        assert any((FOLDERS / "good").rglob(leftover))  # they are there…
        assert leftover not in result.stdout  # …and never read


def test_a_folder_given_twice_counts_its_files_once(run):
    folder = str(FOLDERS / "good")
    result = run("validate", folder, folder, "--format", "json")
    assert json.loads(result.stdout)["files_checked"] == 3


# -- wrong usage -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["validate", "no/such/folder"],
        ["validate", str(FOLDERS / "good"), "--format", "xml"],
        ["validate", str(FOLDERS / "good"), "--max-gap", "-1"],
        ["validate", str(FOLDERS / "good"), "--max-gap", "two"],
        ["validate", str(FOLDERS / "good"), "--max-gap", "1e3"],
    ],
)
def test_wrong_usage_exits_2(run, args):
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stdout + result.stderr


def test_bad_max_gap_says_what_is_allowed(run):
    result = run("validate", str(FOLDERS / "good"), "--max-gap", "two")
    assert "'two' is not a number of points such as 2 or 1.5" in result.stderr


def test_folder_without_sheets_exits_2_naming_it(run, tmp_path):
    (tmp_path / "notes.txt").write_text("no sheets here", encoding="utf-8")
    (tmp_path / ".hidden.yaml").write_text("college: x\n", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2
    assert f"jyscore: {tmp_path}: no score sheets found in this folder" in result.stderr
    assert "*.yaml" in result.stderr
    assert result.stdout == ""


def test_a_broken_rubric_exits_1(run):
    result = run("validate", str(FOLDERS / "good"), "--rubric",
                 str(DATA / "rubrics" / "bad-points.yaml"))
    assert result.exit_code == 1
    assert "JY20" in result.output  # on stdout like every problem validate reports


def test_help_has_an_example(run):
    result = run("validate", "--help")
    assert result.exit_code == 0
    assert "jyscore validate sheets/" in result.stdout


# -- CI: the pre-commit hook and the README's workflow ---------------------------------------


def test_pre_commit_hook():
    yaml = pytest.importorskip("yaml")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == (
        "jyscore-validate", "jyscore validate", "python"
    )
    assert hook["require_serial"] is True

    def checked(path: str) -> bool:
        return bool(re.search(hook["files"], path)) and not re.search(hook["exclude"], path)

    for path in ("sheets/文学院.yaml", "sheets/2024/心理学院.yml", "sheets/form.xlsx"):
        assert checked(path), path
    for path in (".pre-commit-config.yaml", ".github/workflows/sheets.yml", "sheets/~$form.xlsx",
                 "sheets/文学院.yaml~", "sheets/.draft.yaml", "README.md"):
        assert not checked(path), path


def test_readme_has_a_workflow_and_a_pre_commit_config():
    yaml = pytest.importorskip("yaml")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Validating sheets in CI", 1)[1]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    workflow = next(yaml.safe_load(b) for b in blocks if "runs-on" in b)
    steps = workflow["jobs"]["validate"]["steps"]
    assert any(s.get("run", "").startswith("jyscore validate ") for s in steps)
    config = next(yaml.safe_load(b) for b in blocks if "repos" in b)
    assert config["repos"][0]["hooks"][0]["id"] == "jyscore-validate"
    assert "(docs/problem-codes.md)" in readme


def test_a_note_that_is_not_text_is_a_problem_not_a_crash(run, tmp_path):
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text(sheet_text({"1.1": "{self: 6, assessed: 6, note: [a, b]}"}), encoding="utf-8")
    result = run("validate", str(sheet))
    assert result.exit_code == 1
    assert ":5:37: error JY023 [1.1 领导重视] note is " in result.stdout


class _Terminal:
    """A stand-in for a terminal's stderr: what a progress bar draws on it."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


def test_validate_draws_a_progress_bar_on_a_terminal_only(monkeypatch):
    import sys

    from jyscore.cli.commands import validate as validate_cli

    monkeypatch.setenv("TERM", "xterm")
    terminal = _Terminal()
    real = validate_cli._progress

    def drawn():
        stderr, sys.stderr = sys.stderr, terminal  # the check sees a terminal
        try:
            bar = real()
        finally:
            sys.stderr = stderr
        if bar is not None:
            bar.delay, bar.stream = 0.0, terminal
        return bar

    monkeypatch.setattr(validate_cli, "_progress", drawn)
    result = CliRunner().invoke(cli, ["validate", str(ROOT / "examples" / "2024")])
    assert result.exit_code == 0, result.output
    assert "jyscore validate" in terminal.text  # the bar, on the terminal's stderr
    piped = CliRunner().invoke(cli, ["validate", str(ROOT / "examples" / "2024")])
    assert "jyscore validate" not in piped.stderr
