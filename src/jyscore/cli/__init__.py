"""The ``jyscore`` command line: thin commands that load, call the engine and render.

Only this package imports click. Exit codes: 0 fine, 1 the data has problems, 2 wrong usage.
"""

from __future__ import annotations

import os
import sys

import click

from ..messages import hint
from .common import EXIT_INTERNAL

from .. import __version__
from .rank import rank
from .convert import convert
from .score import score
from .template import template
from .schema import schema
from .validate import validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jyscore")
def cli() -> None:
    """Score colleges against the 学生就业工作考核指标体系 (or any rubric), exactly.

    \b
    Example:
        jyscore score examples/2024/文学院.yaml
    """


cli.add_command(score)
cli.add_command(template)
cli.add_command(convert)
cli.add_command(rank)
cli.add_command(validate)
cli.add_command(schema)


def main() -> None:
    """The console script: a bug must still end in a message and an exit code, not a traceback."""
    try:
        cli(prog_name="jyscore")
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if os.environ.get("JYSCORE_DEBUG"):
            raise
        click.echo(hint("internal-error", error=f"{type(exc).__name__}: {exc}"), err=True)
        sys.exit(EXIT_INTERNAL)
