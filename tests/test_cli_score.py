"""`jyscore score` through click's CliRunner, as a user would run it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from jyscore.cli import cli

from .conftest import DATA, ROOT

EXAMPLE = str(ROOT / "examples" / "2024" / "文学院.yaml")


@pytest.fixture
def run():
    def invoke(*args: str):
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_table_reads_like_the_form(run):
    result = run("score", EXAMPLE)
    assert result.exit_code == 0
    for text in ("组织领导", "领导重视", "自评分数", "考核分数", "总分", "文学院", "94.5", "98",
                 "初次就业率 96% (120/125) vs 目标就业率 89.4% → +1"):
        assert text in result.output
    assert "\x1b[" not in result.output  # plain text when not a terminal


def test_json_has_exact_numbers_and_every_node(run, rubric):
    result = run("score", EXAMPLE, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output, parse_float=str)
    assert data["college"] == "文学院" and data["year"] == 2024
    assert data["assessed"] == {"base": "94.5", "bonus": "3.5", "total": 98}
    ids = [item["id"] for item in data["items"]]
    assert ids == [node.id for node, _ in rubric.walk()]
    assert '"total": 98' in result.output


def test_bad_sheet_exits_1_with_every_problem(run):
    result = run("score", str(DATA / "bad" / "unknown-id.yaml"))
    assert result.exit_code == 1
    assert "unknown-id.yaml:11:3: error JY110" in result.output
    assert "did you mean '2.1.2'?" in result.output
    assert "JY111 [2.1.2 主动开发就业市场，积极联系用人单位]" in result.output
    assert "Traceback" not in result.output


def test_over_cap_message(run):
    result = run("score", str(DATA / "bad" / "over-cap.yaml"))
    assert result.exit_code == 1
    assert (
        "over-cap.yaml:5:15: error JY101 [1.1 领导重视] self 7 is over the cap; "
        "allowed: 0 to 6 in steps of 0.5" in result.output
    )


def test_warning_does_not_fail(run):
    result = run("score", str(DATA / "good" / "gb18030.yaml"), "-f", "json")
    assert result.exit_code == 0
    assert "warning JY003" in result.stderr
    assert json.loads(result.stdout)["assessed"]["total"] == 91


def test_missing_file_is_a_usage_error(run):
    result = run("score", "no-such-sheet.yaml")
    assert result.exit_code == 2


def test_unknown_format_is_a_usage_error(run):
    assert run("score", EXAMPLE, "--format", "xml").exit_code == 2


def test_other_rubric(run, tmp_path):
    sheet = tmp_path / "s.yaml"
    sheet.write_text(
        "college: 甲学院\nyear: 2025\nrubric: tiny\nscores:\n  1.1: {self: 5, assessed: 4}\n"
        "  1.10: {self: 15, assessed: 12}\n  2.1: {count: 3}\n", encoding="utf-8",
    )
    result = run("score", str(sheet), "--rubric", str(DATA / "rubrics" / "tiny.yaml"), "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output, parse_float=str)
    assert data["assessed"] == {"base": 16, "bonus": "1.5", "total": "17.5"}


def test_broken_rubric_exits_1(run):
    result = run("score", EXAMPLE, "--rubric", str(DATA / "rubrics" / "bad-points.yaml"))
    assert result.exit_code == 1
    assert "JY203" in result.output


def test_rubric_mismatch(run):
    result = run("score", EXAMPLE, "--rubric", str(DATA / "rubrics" / "tiny.yaml"))
    assert result.exit_code == 1
    assert "JY024" in result.output


def test_help_has_an_example(run):
    result = run("score", "--help")
    assert result.exit_code == 0
    assert "jyscore score examples/2024/文学院.yaml" in result.output


def test_python_m_jyscore():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "jyscore", "--help"],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "score" in done.stdout


def test_an_internal_error_is_a_message_not_a_traceback(monkeypatch, capsys):
    import sys

    from jyscore.cli import main

    score_module = sys.modules["jyscore.cli.commands.score"]

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(score_module, "score_sheet", broken)
    monkeypatch.setattr("sys.argv", ["jyscore", "score", EXAMPLE])
    monkeypatch.delenv("JYSCORE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: boom)" in err and "Traceback" not in err
