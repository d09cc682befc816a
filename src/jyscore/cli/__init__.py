"""The ``jyscore`` command line: thin commands that load, call the engine and render.

Only this package imports click. Exit codes: 0 fine, 1 the data has problems, 2 wrong usage.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys

import click

from jyscore.cli import commands
from jyscore.cli.localized import (
    LocalizedCommand,
    LocalizedGroup,
    LocalizedHelp,
    NotLocalizedError,
    install_click_translation,
    language_in_args,
)
from jyscore.core.version import __version__
from jyscore.i18n.catalogue import set_language
from jyscore.i18n.messages import hint


def command_names() -> list[str]:
    """The commands: one module each in :mod:`jyscore.cli.commands`, named as the command."""
    folder = os.path.dirname(commands.__file__ or "")  # a listing: pkgutil costs ~0.7 ms
    return sorted(
        entry.name[:-3] for entry in os.scandir(folder)
        if entry.name.endswith(".py") and not entry.name.startswith("_")
    )


def load_command(name: str) -> click.Command:
    """The click command ``name``, defined in ``jyscore/cli/commands/<name>.py`` under the same
    name. Imported only now: ``jyscore score`` does not pay for the Excel writer, the ranking or
    the pool (tests/test_registries.py loads every one).

    A command must be a :class:`LocalizedCommand` or a :class:`LocalizedGroup`: a plain click
    command would show its help in English whatever the language (:class:`NotLocalizedError`,
    a TypeError naming it)."""
    command = getattr(importlib.import_module(f"jyscore.cli.commands.{name}"), name)
    if not isinstance(command, (LocalizedCommand, LocalizedGroup)):
        raise NotLocalizedError(
            f"jyscore.cli.commands.{name}.{name} is not a LocalizedCommand or LocalizedGroup "
            f"(it is a {type(command).__name__}): define it with "
            "@click.command(cls=LocalizedCommand) or @click.group(cls=LocalizedGroup)"
        )
    return command


class LazyGroup(LocalizedHelp, click.Group):
    """A click group whose subcommands (:func:`command_names`) are imported when first looked up.

    Before click parses anything it takes ``--lang`` from the arguments, wherever it stands, so
    that usage errors and ``--help`` are in that language too.
    """

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None,
        **extra: object,
    ) -> click.Context:
        language = language_in_args(args)
        if language is not None:
            set_language(language)
        install_click_translation()
        return super().make_context(info_name, args, parent, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *command_names()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in command_names():
            self.add_command(load_command(cmd_name), cmd_name)
            _start_up_done()
        return super().get_command(ctx, cmd_name)


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    # click's own version option fixes its English message when the module is imported
    if value and not ctx.resilient_parsing:
        click.echo(hint("version-line", program="jyscore", version=__version__))
        ctx.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_show_version, help="Show the version and exit.")
def cli() -> None:
    """Score colleges against the 学生就业工作考核指标体系 (or any rubric), exactly.

    \b
    Example:
        jyscore score examples/2024/文学院.yaml
    """


_paused_for_start_up = False


def _start_up_done(*, freeze: bool = True) -> None:
    """Switch the collector back on once the command's modules are imported (see :func:`main`)."""
    global _paused_for_start_up
    if _paused_for_start_up:
        _paused_for_start_up = False
        if freeze:  # what start-up built lives as long as the process: no need to walk it again
            gc.freeze()
        gc.enable()


def main() -> None:
    """The console script: a bug must still end in a message and an exit code, not a traceback."""
    global _paused_for_start_up
    # Importing allocates a lot and frees almost nothing, so the cyclic collector's passes during
    # start-up find nothing: paused until the command is imported (~7 % of `jyscore score`; see
    # docs/lazy-imports.md).
    if gc.isenabled():
        gc.disable()
        _paused_for_start_up = True
    try:
        cli(prog_name="jyscore")
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("JYSCORE_DEBUG"):
            raise
        from jyscore.cli.common import EXIT_INTERNAL

        click.echo(hint("internal-error", error=f"{type(exc).__name__}: {exc}"), err=True)
        sys.exit(EXIT_INTERNAL)
    finally:
        _start_up_done(freeze=False)  # when no command ran (--version, --help, a usage error)
