"""The ``jyscore`` command line: thin commands that load, call the engine and render.

Only this package imports click. Exit codes: 0 fine, 1 the data has problems, 2 wrong usage.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module

import click

from .. import __version__
from ..messages import hint

# name -> "module:command"; a command's module is imported only when that command runs (or for
# --help), so that ``jyscore score`` does not pay for the Excel writer, the ranking or the pool
COMMANDS: dict[str, str] = {
    "score": "jyscore.cli.score:score",
    "template": "jyscore.cli.template:template",
    "convert": "jyscore.cli.convert:convert",
    "rank": "jyscore.cli.rank:rank",
    "validate": "jyscore.cli.validate:validate",
    "schema": "jyscore.cli.schema:schema",
    "compare": "jyscore.cli.compare:compare",
    "report": "jyscore.cli.report:report",
}


class LazyGroup(click.Group):
    """A click group whose subcommands (:data:`COMMANDS`) are imported when first looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, _, name = COMMANDS[cmd_name].partition(":")
            self.add_command(getattr(import_module(module), name), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jyscore")
def cli() -> None:
    """Score colleges against the 学生就业工作考核指标体系 (or any rubric), exactly.

    \b
    Example:
        jyscore score examples/2024/文学院.yaml
    """


def main() -> None:
    """The console script: a bug must still end in a message and an exit code, not a traceback."""
    try:
        cli(prog_name="jyscore")
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("JYSCORE_DEBUG"):
            raise
        from .common import EXIT_INTERNAL

        click.echo(hint("internal-error", error=f"{type(exc).__name__}: {exc}"), err=True)
        sys.exit(EXIT_INTERNAL)
