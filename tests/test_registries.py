"""Every lazy registry entry resolves to what it names: the commands, the public names of the
package (its ``__getattr__``) and the renderers (tests/test_formats.py)."""

from __future__ import annotations

import sys
import types

import click
import pytest

import jyscore
import jyscore.cli
from jyscore.cli import catalogue as catalogue_tool
from jyscore.cli import cli, command_names, load_command
from jyscore.i18n.catalogue import catalogue_path

EXPECTED_COMMANDS = {
    "compare", "convert", "explain", "rank", "report", "rubric", "schema", "score", "template",
    "validate",
}


def test_every_command_module_defines_a_click_command_of_its_name():
    assert set(command_names()) == EXPECTED_COMMANDS
    for name in command_names():
        command = load_command(name)
        assert isinstance(command, click.Command)
        assert command.name == name


def test_the_group_lists_and_finds_every_command():
    context = click.Context(cli)
    assert cli.list_commands(context) == sorted(EXPECTED_COMMANDS)
    assert cli.get_command(context, "rank") is load_command("rank")
    assert cli.get_command(context, "no-such-command") is None


def test_every_public_name_of_the_package_is_the_object_it_names():
    from jyscore.core.engine import Result, score
    from jyscore.core.models import Rubric, Sheet
    from jyscore.core.problems import JyscoreError, Problem
    from jyscore.core.version import __version__
    from jyscore.i18n.catalogue import set_language
    from jyscore.readers.rubric import load_rubric

    expected = {
        "JyscoreError": JyscoreError, "Problem": Problem, "Result": Result, "Rubric": Rubric,
        "Sheet": Sheet, "__version__": __version__, "load_rubric": load_rubric,
        "load_sheet": jyscore.load_sheet, "score": score, "set_language": set_language,
    }
    assert set(jyscore.__all__) == set(expected)
    for name, value in expected.items():
        assert getattr(jyscore, name) is value, name
    # the one name defined in the facade itself: any sheet file, YAML or the Excel form
    assert jyscore.load_sheet.__module__ == "jyscore"


@click.command()
def plain() -> None:
    """A command built with plain click: its help would stay in English."""


@pytest.fixture
def plain_command(monkeypatch):
    """A command module ``plain`` whose command is a plain click command."""
    module = types.ModuleType("jyscore.cli.commands.plain")
    module.plain = plain  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    names = jyscore.cli.command_names
    monkeypatch.setattr(jyscore.cli, "command_names", lambda: sorted([*names(), "plain"]))


def test_a_command_that_is_not_localized_is_refused(plain_command):
    with pytest.raises(TypeError, match="plain is not a LocalizedCommand or LocalizedGroup"):
        load_command("plain")


def test_the_catalogue_tool_names_a_command_that_is_not_localized(plain_command, capsys):
    path = catalogue_path("zh")
    before = path.read_bytes()
    assert catalogue_tool.main(["zh"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "not updated" in err and "plain is not a LocalizedCommand" in err
    assert "Traceback" not in err
    assert path.read_bytes() == before
