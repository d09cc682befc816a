"""Terminal tables fit the terminal: `score` and `rank` rendered through CliRunner at COLUMNS=80
and 120 (and through the renderer at a rich console width) never print a line wider than that,
measured in terminal cells (a CJK character is two); numbers look the same in both (21, 21.5, a
signed 差值); FORCE_COLOR gives colour when piped, NO_COLOR wins over it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.text import Text

from jyscore.cli import cli
from jyscore.pipeline.rank import RankRequest, rank_paths
from jyscore.writers.rank_common import RankRenderOptions
from jyscore.writers.rank_table import render_rank_table, split_header

from .conftest import ROOT
from .sheets import sheet_text

EXAMPLES = ROOT / "examples" / "2024"
LONG = "马克思主义学院暨中国特色社会主义理论体系研究中心"  # 48 cells


def invoke(*args: str, columns: int | None = None, **env: str):
    if columns is not None:
        env["COLUMNS"] = str(columns)
    env.setdefault("NO_COLOR", "")
    env.setdefault("FORCE_COLOR", "")
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def widest(text: str) -> int:
    return max((cell_len(Text.from_ansi(line).plain) for line in text.splitlines()), default=0)


@pytest.fixture(scope="module")
def long_names(tmp_path_factory) -> Path:
    """A ranking whose college names are long, and one whose gap is negative."""
    folder = tmp_path_factory.mktemp("long")
    (folder / "a.yaml").write_text(sheet_text(college=LONG), encoding="utf-8")
    (folder / "b.yaml").write_text(sheet_text({"1.1": "{self: 4, assessed: 5.5}"},
                                              college="文学院"), encoding="utf-8")
    return folder


COMMANDS = [
    ("score", str(EXAMPLES / "文学院.yaml")),
    ("rank", str(EXAMPLES)),
    ("rank", str(EXAMPLES), "--show-self"),
    ("rank", "LONG", "--show-self"),
    ("score", str(EXAMPLES.parent / "panel-2024" / "历史文化学院")),  # a column per assessor
    ("score", str(EXAMPLES.parent / "panel-2024" / "历史文化学院"), "--panel", "median"),
]


@pytest.mark.parametrize("columns", [80, 100, 120])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_line_is_wider_than_the_terminal(args, columns, long_names):
    args = tuple(str(long_names) if a == "LONG" else a for a in args)
    out = invoke(*args, columns=columns)
    assert widest(out) <= columns
    assert "总分" in out


def test_a_narrow_rank_table_keeps_every_score_and_says_what_it_left_out():
    out = invoke("rank", str(EXAMPLES), "--show-self", columns=80)
    row = next(line for line in out.splitlines() if "文学院" in line)
    # 排名 … 基础分 加分 总分 自评分数 差值: the totals are never cut
    assert row.split()[-5:] == ["94.5", "3.5", "98", "104", "+6"]
    assert "To fit 80 columns, the table leaves out these indicators" in out
    assert "工作成效" in out.split("leaves out")[1]  # named in the note
    wide = invoke("rank", str(EXAMPLES), "--show-self", columns=160)
    assert "leaves out" not in wide and "工作成效" in wide


def test_a_long_college_name_is_shortened_with_an_ellipsis(long_names):
    out = invoke("rank", str(long_names), columns=80)
    assert LONG not in out and "…" in out
    assert LONG in invoke("rank", str(long_names), columns=200)


def test_numbers_look_the_same_in_score_and_rank(long_names):
    scored = invoke("score", str(long_names / "b.yaml"), columns=120)
    line = next(line for line in scored.splitlines() if line.split()[:2] == ["1.1", "领导重视"])
    assert line.split()[-3:] == ["4", "5.5", "-1.5"]
    ranked = invoke("rank", str(long_names), "--show-self", columns=200)
    row = next(line for line in ranked.splitlines() if " 文学院 " in line)
    own = next(line for line in ranked.splitlines() if LONG in line)
    assert row.split()[-1] == "-1.5"  # 差值 signed as in score
    assert own.split()[-1] == "0"
    assert not re.search(r"\b\d+\.0\b", ranked + scored)  # never 21.0


def test_the_renderer_fits_a_rich_console_width(rubric):
    outcome = rank_paths([EXAMPLES], RankRequest(rubric))
    for width in (80, 96, 120):
        for color in (False, True):
            options = RankRenderOptions(color=color, width=width, show_self=True)
            text = render_rank_table(outcome, options)
            assert widest(text) <= width, (width, color)
            assert ("\x1b[" in text) == color


def test_long_headers_split_in_two_even_lines():
    assert split_header("市场开发与建设") == "市场开发\n与建设"
    assert split_header("就业指导与职业生涯教育服务") == "就业指导与职业\n生涯教育服务"
    assert split_header("就业管理") == "就业管理"  # short: one line
    assert split_header("self total score") == "self total\nscore"  # at a space
    assert split_header("difference") == "difference"  # never inside a word


@pytest.fixture(scope="module")
def wide_rubric(tmp_path_factory) -> tuple[Path, Path]:
    """A rubric of eight indicators with long names, and three sheets for it."""
    folder = tmp_path_factory.mktemp("wide")
    names = ["党建引领与组织保障体系建设", "就业市场开发与拓展", "就业指导与职业生涯教育服务",
             "就业管理与数据统计", "工作成效与社会评价", "创新创业教育", "基层就业与征兵入伍",
             "困难群体帮扶"]
    lines = ["id: wide", "name: 某某大学毕业生就业创业工作年度目标责任考核指标体系（试行）",
             "total: 80", "step: 0.5", "indicators:"]
    for number, name in enumerate(names, start=1):
        lines += [f'  - id: "{number}"', f"    name: {name}", "    points: 10", "    children:",
                  f'      - id: "{number}.1"', f"        name: {name}甲", "        points: 10"]
    rubric = folder / "wide.yaml"
    rubric.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sheets = folder / "sheets"
    sheets.mkdir()
    for index, college in enumerate(["文学院", "历史文化学院", LONG]):
        scores = "\n".join(f'  "{n}.1": {{self: 10, assessed: {9.5 - index}}}' for n in range(1, 9))
        (sheets / f"{index}.yaml").write_text(
            f"college: {college}\nyear: 2024\nscores:\n{scores}\n", encoding="utf-8")
    return rubric, sheets


@pytest.mark.parametrize("columns", [80, 120])
def test_a_rubric_of_many_long_indicators_fits(wide_rubric, columns):
    rubric, sheets = wide_rubric
    out = invoke("rank", str(sheets), "--rubric", str(rubric), "--show-self", columns=columns)
    assert widest(out) <= columns
    row = next(line for line in out.splitlines() if "历史文化学院" in line)
    assert row.split()[-5:] == ["68", "0", "68", "80", "+12"]  # every total, never cut
    assert "the table leaves out these indicators" in out
    scored = invoke("score", str(sheets / "2.yaml"), "--rubric", str(rubric), columns=columns)
    assert widest(scored) <= columns


def test_force_color_is_honoured_when_piped():
    plain = invoke("score", str(EXAMPLES / "文学院.yaml"))
    assert "\x1b[" not in plain
    forced = invoke("score", str(EXAMPLES / "文学院.yaml"), FORCE_COLOR="1")
    assert "\x1b[" in forced
    assert "\x1b[" in invoke("rank", str(EXAMPLES), FORCE_COLOR="1")
    assert "\x1b[" not in invoke("score", str(EXAMPLES / "文学院.yaml"), FORCE_COLOR="1",
                                 NO_COLOR="1")
