"""`jyscore rank` through click's CliRunner: every format, the tie policy, bad runs, -o files.

The sheets live in tests/data/rank/ (see expected.json there for the runs that must fail). The
``tie`` folder holds four colleges: 数学学院 95; 化学学院 88 + 2 = 90 and 文学院 89 + 1 = 90 (a
tie, listed in name order: 化 U+5316 before 文 U+6587); 历史学院 85. Their self totals are 100, 102,
101 and 100.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from jyscore.cli import cli

from .conftest import DATA, ROOT
from .sheets import sheet_text

RANK = DATA / "rank"
EXPECTED = json.loads((RANK / "expected.json").read_text(encoding="utf-8"))
PROBLEM = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+):\d+)?: (?:error|warning) (?P<code>JY\d{3}) ",
                     re.MULTILINE)


@pytest.fixture
def run(monkeypatch):
    monkeypatch.chdir(RANK)

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["rank", *args], catch_exceptions=False)

    return invoke


def ranks(output: str) -> list[tuple[int, str]]:
    """(rank, college) from a plain table's rows."""
    return [(int(m[1]), m[2])
            for m in re.finditer(r"^\s+(\d+)\s+(\S+学院)\s", output, re.MULTILINE)]


# -- the table -------------------------------------------------------------------------------


def test_table_standard_competition_ranking_with_names_in_a_tie(run):
    result = run("tie")
    assert result.exit_code == 0, result.output
    assert ranks(result.stdout) == [
        (1, "数学学院"), (2, "化学学院"), (2, "文学院"), (4, "历史学院")]
    for header in ("排名", "学院", "组织领导", "市场开发与建设", "就业指导与服务", "就业管理",
                   "工作成效", "基础分", "加分", "总分"):
        assert header in result.stdout
    assert "ties share a rank and the next rank skips (1, 2, 2, 4)" in result.stdout
    assert "\x1b[" not in result.stdout and result.stderr == ""


def test_table_numbers_are_exact_and_look_as_in_score(run):
    result = run("tie")
    row = next(line for line in result.stdout.splitlines() if "化学学院" in line)
    assert row.split()[-3:] == ["88", "2", "90"]
    result = run(str(ROOT / "examples" / "2024"))
    first = next(line for line in result.stdout.splitlines() if "化学与环境科学学院" in line)
    second = next(line for line in result.stdout.splitlines() if " 文学院 " in line)
    assert first.split()[-3:] == ["98.5", "7", "105.5"]   # 21 and 21.5 as `score` shows them
    assert second.split()[-3:] == ["94.5", "3.5", "98"]
    # right-aligned: the totals end in the same terminal column (CJK characters are two wide)
    assert (cell_len(first[: first.index("105.5") + 5])
            == cell_len(second[: second.index("98 ") + 2]))


def test_show_self_adds_the_self_total_and_the_gap(run):
    result = run("tie", "--show-self")
    assert "自评分数" in result.stdout and "差值" in result.stdout
    row = next(line for line in result.stdout.splitlines() if "化学学院" in line)
    assert row.split()[-2:] == ["102", "+12"]  # signed, as `score` shows a 差值


# -- tie-break and --by --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, expected",
    [
        ((), [(1, "数学学院"), (2, "化学学院"), (2, "文学院"), (4, "历史学院")]),
        (("--tie-break", "base"),
         [(1, "数学学院"), (2, "文学院"), (3, "化学学院"), (4, "历史学院")]),
        (("--tie-break", "bonus"),
         [(1, "数学学院"), (2, "化学学院"), (3, "文学院"), (4, "历史学院")]),
        (("--tie-break", "3"), [(1, "数学学院"), (2, "化学学院"), (2, "文学院"), (4, "历史学院")]),
        (("--tie-break", "1,bonus"),
         [(1, "数学学院"), (2, "文学院"), (3, "化学学院"), (4, "历史学院")]),
        (("--tie-break", "3", "--tie-break", "bonus"),
         [(1, "数学学院"), (2, "化学学院"), (3, "文学院"), (4, "历史学院")]),
        (("--by", "self"), [(1, "化学学院"), (2, "文学院"), (3, "历史学院"), (3, "数学学院")]),
    ],
)
def test_tie_break_and_by(run, args, expected):
    result = run("tie", *args)
    assert result.exit_code == 0, result.output
    assert ranks(result.stdout) == expected


def test_the_output_names_the_tie_break_used(run):
    result = run("tie", "--tie-break", "base,3", "--format", "json")
    data = json.loads(result.stdout)
    assert data["tie_break"] == ["base", "3"]
    assert "compared by 基础分, then 3 就业指导与服务 (higher first)" in data["tie_policy"]
    by_self = json.loads(run("tie", "--by", "self", "-f", "json").stdout)
    assert "自评分数 总分" in by_self["tie_policy"]


def test_unknown_tie_break_key_is_a_usage_error(run):
    result = run("tie", "--tie-break", "total")
    assert result.exit_code == 2
    assert "unknown tie-break key 'total'; allowed: base, bonus, 1, 2, 3, 4, 5" in result.stderr


# -- the other formats -----------------------------------------------------------------------------


def test_json(run):
    result = run("tie", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout, parse_float=str)
    assert [(r["rank"], r["college"]) for r in data["ranking"]] == [
        (1, "数学学院"), (2, "化学学院"), (2, "文学院"), (4, "历史学院")
    ]
    first = data["ranking"][1]
    assert first == {"rank": 2, "college": "化学学院", "year": 2024, "base": 88, "bonus": 2,
                     "total": 90, "primary": {"1": 9, "2": 21, "3": 33, "4": 19, "5": 6},
                     "assessors": [], "spread": 0}
    assert data["skipped"] == [] and data["by"] == "assessed" and data["year"] == 2024
    assert data["tie_policy"].startswith("ranked on the exact 考核分数 总分")


def test_json_numbers_are_exact(run):
    result = run(str(ROOT / "examples" / "2024"), "-f", "json", "--show-self")
    data = json.loads(result.stdout, parse_float=str)
    top = data["ranking"][0]
    assert (top["base"], top["bonus"], top["total"]) == ("98.5", 7, "105.5")
    assert top["self_total"] == 106 and top["gap"] == "0.5"
    assert '"total": 105.5' in result.stdout


def test_csv(run):
    result = run("tie", "--format", "csv")
    assert result.exit_code == 0
    assert not result.stdout.startswith("\ufeff")  # a byte order mark only in files
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["排名", "学院", "年度", "组织领导", "市场开发与建设", "就业指导与服务",
                       "就业管理", "工作成效", "基础分", "加分", "总分"]
    assert rows[1:] == [
        ["1", "数学学院", "2024", "16", "21", "33", "19", "6", "95", "0", "95"],
        ["2", "化学学院", "2024", "9", "21", "33", "19", "6", "88", "2", "90"],
        ["2", "文学院", "2024", "10", "21", "33", "19", "6", "89", "1", "90"],
        ["4", "历史学院", "2024", "6", "21", "33", "19", "6", "85", "0", "85"],
    ]


def test_markdown(run):
    result = run("tie", "--format", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert ("| 排名 | 学院 | 组织领导 | 市场开发与建设 | 就业指导与服务 | 就业管理 | 工作成效 "
            "| 基础分 | 加分 | 总分 |") in lines
    assert "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|" in lines
    assert "| 2 | 化学学院 | 9 | 21 | 33 | 19 | 6 | 88 | 2 | 90 |" in lines
    assert any(line.startswith("*ranked on the exact 考核分数 总分") for line in lines)


def test_formula_characters_are_neutralised(tmp_path, run):
    names = ["=HYPERLINK(\"http://x\")", "+1学院", "-1学院", "@SUM(A1)", "a|b学院"]
    for index, name in enumerate(names):
        text = sheet_text(college=f'"{name}"' if '"' not in name else f"'{name}'")
        (tmp_path / f"{index}.yaml").write_text(text, encoding="utf-8")
    rows = list(csv.reader(io.StringIO(run(str(tmp_path), "-f", "csv").stdout)))
    names = {row[1] for row in rows[1:]}
    assert names == {"'=HYPERLINK(\"http://x\")", "'+1学院", "'-1学院", "'@SUM(A1)", "a|b学院"}
    assert "a\\|b学院" in run(str(tmp_path), "-f", "markdown").stdout


# -- bad runs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [k for k in EXPECTED if not k.startswith("_")])
def test_bad_runs_print_every_problem_and_write_nothing(run, name, tmp_path):
    case = EXPECTED[name]
    out = tmp_path / "ranking.csv"
    result = run(*case["args"], "-o", str(out))
    assert result.exit_code == 1, result.output
    found = [
        (m["file"], m["code"], int(m["line"]) if m["line"] else None)
        for m in PROBLEM.finditer(result.stderr)
    ]
    assert sorted(found, key=str) == sorted(map(tuple, case["problems"]), key=str)
    assert result.stdout == "" and not out.exists() and list(tmp_path.iterdir()) == []
    assert "Traceback" not in result.output


def test_messages_name_both_places(run):
    result = run("targets/ok", "targets/conflict", "--targets", "targets/targets.yaml")
    assert ("targets/conflict/数学学院.yaml:30:21: error JY502 [6.1.1 本专科毕业生初次就业率] "
            "target 88 differs from the 90 given for 数学学院 in targets/targets.yaml:6"
            ) in result.stderr
    result = run("duplicate")
    assert "文学院 2024 is also in duplicate/文学院-copy.yaml" in result.stderr
    result = run("mixed-years")
    assert "several years: 2023 (1 sheet), 2024 (2 sheets)" in result.stderr
    assert "--year 2024" in result.stderr


def test_an_empty_folder_has_no_sheets(run, tmp_path):
    result = run(str(tmp_path))
    assert result.exit_code == 2  # wrong usage, as for validate (tests/test_field.py)
    assert "no score sheets found in this folder" in result.stderr


def test_year_picks_one_year(run):
    result = run("mixed-years", "--year", "2023", "-f", "csv")
    assert result.exit_code == 0
    assert [row[1:3] for row in csv.reader(io.StringIO(result.stdout))][1:] == [["文学院", "2023"]]


def test_a_sheet_not_assessed_ranks_by_self(run):
    result = run("with-bad/not-assessed.yaml", "with-bad/数学学院.yaml", "--by", "self")
    assert result.exit_code == 0
    assert ranks(result.stdout) == [(1, "数学学院"), (1, "未评学院")]


# -- targets -----------------------------------------------------------------------------------


def test_targets_supply_the_missing_target(run):
    result = run("targets/ok", "--targets", "targets/targets.yaml", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    bonus = {r["college"]: r["bonus"] for r in data["ranking"]}
    # 文学院: 120/125 = 96% against the file's 89.4: 6.6 points over, one full step of 5: +1
    # 化学学院: its own target 85, equal to the file's, rate 92: +1
    assert bonus == {"文学院": 1, "化学学院": 1}


# -- --skip-invalid --------------------------------------------------------------------------------


def test_skip_invalid_ranks_the_rest_and_names_the_skipped(run):
    result = run("with-bad", "--skip-invalid")
    assert result.exit_code == 0
    assert ranks(result.stdout) == [(1, "数学学院"), (2, "文学院")]
    assert "skipped as invalid: with-bad/not-assessed.yaml, with-bad/over-cap.yaml" in result.stdout
    for name in ("not-assessed.yaml", "over-cap.yaml"):
        assert f"jyscore: skipped with-bad/{name}" in result.stderr
    assert "over-cap.yaml:5:15: error JY101" in result.stderr


def test_skip_invalid_in_every_format(run):
    data = json.loads(run("with-bad", "--skip-invalid", "-f", "json").stdout)
    assert [s["file"] for s in data["skipped"]] == ["with-bad/not-assessed.yaml",
                                                    "with-bad/over-cap.yaml"]
    assert data["skipped"][1]["problems"][0]["code"] == "JY101"
    markdown = run("with-bad", "--skip-invalid", "-f", "markdown").stdout
    assert markdown.rstrip().splitlines()[-1] == (
        "> skipped as invalid: `with-bad/not-assessed.yaml`, `with-bad/over-cap.yaml`"
    )
    result = run("with-bad", "--skip-invalid", "-f", "csv")
    assert "skipped" not in result.stdout and "jyscore: skipped" in result.stderr
    assert len(list(csv.reader(io.StringIO(result.stdout)))) == 3


def test_skip_invalid_never_skips_a_duplicate(run):
    assert run("duplicate", "--skip-invalid").exit_code == 1


def test_nothing_left_to_rank(run):
    result = run("with-bad/over-cap.yaml", "--skip-invalid")
    assert result.exit_code == 1 and "JY508" in result.stderr


# -- -o FILE -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, check",
    [
        ("r.csv", lambda b: b.startswith(b"\xef\xbb\xbf\xe6\x8e\x92\xe5\x90\x8d,")),  # BOM, 排名
        ("r.json", lambda b: json.loads(b)["ranking"][0]["college"] == "数学学院"),
        ("r.md", lambda b: b.decode().startswith("**") and b"| 1 | " in b),
        ("r.MD", lambda b: b"|---:|---|" in b),
        ("r.txt", lambda b: "排名".encode() in b and b"\x1b[" not in b),
    ],
)
def test_output_format_from_the_extension(run, tmp_path, name, check):
    out = tmp_path / name
    result = run("tie", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and f"wrote {out} (4 colleges)" in result.stderr
    assert check(out.read_bytes())
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


def test_format_option_wins_over_the_extension(run, tmp_path):
    out = tmp_path / "ranking.dat"
    assert run("tie", "-o", str(out), "-f", "json").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["year"] == 2024


def test_unknown_extension_is_a_usage_error(run, tmp_path):
    result = run("tie", "-o", str(tmp_path / "ranking.pdf"))
    assert result.exit_code == 2
    assert ("cannot tell the output format from '.pdf'; use .csv, .json, .markdown, .md, .txt"
            in result.stderr)


def test_refuses_to_overwrite_without_force(run, tmp_path):
    out = tmp_path / "ranking.csv"
    out.write_text("the office's own notes", encoding="utf-8")
    result = run("tie", "-o", str(out))
    assert result.exit_code == 2
    assert "already exists; pass --force to replace it" in result.stderr
    assert out.read_text(encoding="utf-8") == "the office's own notes"
    assert run("tie", "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8-sig").startswith("排名,学院")


def test_a_failed_write_leaves_the_old_file(run, tmp_path, monkeypatch):
    out = tmp_path / "ranking.json"
    out.write_text("old", encoding="utf-8")

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("jyscore.writers.atomic.os.replace", broken_replace)
    result = run("tie", "-o", str(out), "--force")
    assert result.exit_code == 1
    assert "the disk is full" in result.stderr
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["ranking.json"]


# -- big folders -------------------------------------------------------------------------------


def test_process_pool_gives_the_same_ranking(run):
    serial = run("tie", "-f", "json")
    pooled = run("tie", "-f", "json", "--parallel-threshold", "2")
    assert pooled.exit_code == 0 and pooled.stdout == serial.stdout


def test_no_progress_bar_when_piped(run):
    result = run(str(ROOT / "examples" / "2024"), "-f", "csv", "--parallel-threshold", "2")
    assert result.stderr == ""


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["rank", "--help"])
    assert result.exit_code == 0
    assert "jyscore rank examples/2024/" in result.output
    assert "--parallel-threshold" not in result.output
