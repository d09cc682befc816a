"""Every command's help speaks the language whole: short help, metavars, click's type names,
the version line and the punctuation click adds."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from jyscore.cli import cli, command_names
from jyscore.core.version import __version__
from jyscore.i18n.catalogue import set_language

UPPER_WORD = re.compile(r"\b[A-Z]{2,}\b")


def all_commands() -> list[tuple[str, ...]]:
    ctx = click.Context(cli, info_name="jyscore")
    found: list[tuple[str, ...]] = [()]
    for name in command_names():
        command = cli.get_command(ctx, name)
        assert command is not None
        found.append((name,))
        if isinstance(command, click.Group):
            found.extend((name, sub) for sub in sorted(command.commands))
    return found


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_command_has_a_short_help_in_both_languages(language: str):
    set_language(language)
    ctx = click.Context(cli, info_name="jyscore")
    for path in all_commands()[1:]:
        command: click.Command | None = cli
        for name in path:
            assert isinstance(command, click.Group)
            command = command.get_command(ctx, name)
        assert command is not None
        short = command.get_short_help_str(45)
        assert short.strip(" .…"), (language, path, short)
        assert not short.startswith("..."), (language, path, short)
        assert len(short) <= 45


@pytest.mark.lang("zh")
@pytest.mark.parametrize("path", all_commands(), ids=lambda p: " ".join(p) or "jyscore")
def test_chinese_help_has_no_english_metavar_and_full_width_headings(path: tuple[str, ...]):
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="jyscore")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("用法：jyscore") and not UPPER_WORD.search(lines[0]), lines[0]
    headings = [line for line in lines if line and not line.startswith(" ")][1:]
    assert headings and all(h.endswith("：") for h in headings), headings
    options = [line.strip().split("  ")[0] for line in lines if line.startswith("  -")]
    assert options and not [o for o in options if UPPER_WORD.search(o)], options


@pytest.mark.lang("zh")
def test_click_errors_in_chinese_name_the_type_and_end_like_chinese():
    result = CliRunner().invoke(cli, ["rank", "--year", "abc", "x"])
    assert result.exit_code == 2
    assert "'abc' 不是有效的整数范围。" in result.output
    missing = CliRunner().invoke(cli, ["score"])
    assert "错误：缺少参数 '评分表…'。" in missing.output
    unknown = CliRunner().invoke(cli, ["score", "--nope"])
    assert "没有选项 '--nope'。是不是" in unknown.output


@pytest.mark.parametrize(("language", "line"), [
    ("zh", f"jyscore 版本 {__version__}"), ("en", f"jyscore, version {__version__}"),
])
def test_version_line_follows_the_language(language: str, line: str):
    result = CliRunner().invoke(cli, ["--lang", language, "--version"])
    assert result.exit_code == 0
    assert result.output.strip() == line


def test_english_help_keeps_clicks_words():
    result = CliRunner().invoke(cli, ["compare", "--help"], prog_name="jyscore")
    assert result.output.startswith("Usage: jyscore compare [OPTIONS] OLD NEW")
    assert "\nOptions:\n" in result.output
