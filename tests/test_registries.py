"""Every lazy registry entry resolves to what it names: the commands, the public names of the
package (its ``__getattr__``) and the renderers (tests/test_rank_run.py)."""

from __future__ import annotations

import click

import jyscore
from jyscore.cli import COMMANDS


def test_every_command_resolves_to_a_click_command_of_its_name():
    for name, load in COMMANDS.items():
        command = load()
        assert isinstance(command, click.Command)
        assert command.name == name


def test_every_public_name_of_the_package_resolves():
    for name in jyscore.__all__:
        assert getattr(jyscore, name) is not None, name
