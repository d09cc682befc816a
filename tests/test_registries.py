"""Every lazy registry entry resolves to what it names: the commands, the public names of the
package (its ``__getattr__``); the formats' renderers are tests/test_formats.py's."""

from __future__ import annotations

import click

import jyscore
from jyscore.cli import cli, command_names, load_command

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


def test_every_public_name_of_the_package_resolves():
    for name in jyscore.__all__:
        assert getattr(jyscore, name) is not None, name
