"""The ``jyscore`` command line: thin commands that load, call the engine and render.

Only this package imports click. Exit codes: 0 fine, 1 the data has problems, 2 wrong usage.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import click

from jyscore.cli.localized import LocalizedHelp, install_click_translation, language_in_args
from jyscore.core.version import __version__
from jyscore.i18n.catalogue import set_language
from jyscore.i18n.messages import hint


def _score() -> click.Command:
    from jyscore.cli.score import score

    return score


def _template() -> click.Command:
    from jyscore.cli.template import template

    return template


def _convert() -> click.Command:
    from jyscore.cli.convert import convert

    return convert


def _rank() -> click.Command:
    from jyscore.cli.rank import rank

    return rank


def _validate() -> click.Command:
    from jyscore.cli.validate import validate

    return validate


def _schema() -> click.Command:
    from jyscore.cli.schema import schema

    return schema


def _compare() -> click.Command:
    from jyscore.cli.compare import compare

    return compare


def _report() -> click.Command:
    from jyscore.cli.report import report

    return report


def _explain() -> click.Command:
    from jyscore.cli.explain import explain

    return explain


def _rubric() -> click.Command:
    from jyscore.cli.rubric import rubric

    return rubric


# name -> the function that imports the command: a command's module is imported only when that
# command runs (or for --help), so that ``jyscore score`` does not pay for the Excel writer, the
# ranking or the pool. A new command is one module plus one function and one entry here.
COMMANDS: dict[str, Callable[[], click.Command]] = {
    "score": _score,
    "template": _template,
    "convert": _convert,
    "rank": _rank,
    "validate": _validate,
    "schema": _schema,
    "compare": _compare,
    "report": _report,
    "explain": _explain,
    "rubric": _rubric,
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
            self.add_command(COMMANDS[cmd_name](), cmd_name)
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
        from jyscore.cli.common import EXIT_INTERNAL

        click.echo(hint("internal-error", error=f"{type(exc).__name__}: {exc}"), err=True)
        sys.exit(EXIT_INTERNAL)
