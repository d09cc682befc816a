"""The ``jyscore`` command line: thin commands that load, call the engine and render.

Only this package imports click. Exit codes: 0 fine, 1 the data has problems, 2 wrong usage.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module

import click

from .. import __version__
from ..i18n import set_language
from ..messages import hint
from .localized import LocalizedHelp, install_click_translation, language_in_args

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
    "explain": "jyscore.cli.explain:explain",
    "rubric": "jyscore.cli.rubric:rubric",
}


class LazyGroup(LocalizedHelp, click.Group):
    """A click group whose subcommands (:data:`COMMANDS`) are imported when first looked up.

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
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, _, name = COMMANDS[cmd_name].partition(":")
            self.add_command(getattr(import_module(module), name), cmd_name)
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
