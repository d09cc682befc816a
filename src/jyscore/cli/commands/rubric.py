from __future__ import annotations

import sys
from pathlib import Path

import click

from jyscore.cli.common import EXIT_OK, EXIT_PROBLEMS, echo_problems
from jyscore.cli.localized import LocalizedGroup
from jyscore.core import rules
from jyscore.core.models import Node, Rubric
from jyscore.core.numbers import format_decimal
from jyscore.core.problems import JyscoreError
from jyscore.i18n.messages import hint
from jyscore.readers.rubric import load_rubric


@click.group(cls=LocalizedGroup)
def rubric() -> None:
    """Work with rubric files (考核细则).

    \b
    Example:
        jyscore rubric check rubric/*.yaml
    """


@rubric.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="Print problems only, not the tree.")
def check(files: tuple[Path, ...], quiet: bool) -> None:
    """Check rubric files: every key and value, points that add up, ids, tiers in order, rules
    that hold together; print each good rubric's tree with its caps and rules. Exits 0 when every
    file is good, 1 when one has problems (each at its line, with the item's id), 2 on wrong usage.
    See docs/rubric-format.md.

    \b
    Example:
        jyscore rubric check rubric/composite-employment.yaml
        jyscore rubric check -q rubrics/*.yaml      # in a rubric repository's CI
    """
    failed = False
    for path in files:
        try:
            loaded = load_rubric(path)
        except JyscoreError as exc:
            failed = True
            echo_problems(exc.problems)
            continue
        ruled = sum(1 for node, _ in loaded.walk() if node.rule is not None)
        items = len(loaded.items) + len(loaded.bonus_items)
        if not quiet:
            click.echo(tree(loaded))
        click.echo(hint("rubric-check-ok", file=path, items=items, rules=ruled), err=True)
    sys.exit(EXIT_PROBLEMS if failed else EXIT_OK)


def tree(loaded: Rubric) -> str:
    """The rubric as an indented tree: id, name, points (or the cap of a rule) and the rule."""
    heading = f"{loaded.id} {loaded.name}"
    if loaded.total is not None:  # an open-ended rubric (积点) declares no full marks
        heading += f" — {loaded.labels.total} {format_decimal(loaded.total)}"
    lines = [heading]

    def visit(node: Node, depth: int) -> None:
        cap = rules.item_cap(node)
        points = f" [{format_decimal(cap)}]" if cap is not None else ""
        words = f" — {rules.describe(node, loaded.labels)}" if node.rule is not None else ""
        if node.allowed is not None:
            words += " — " + hint("rule-allowed",
                                  values=hint("name-separator").join(
                                      format_decimal(v) for v in node.allowed))
        elif node.step is not None:
            words += " — " + hint("rule-step", step=format_decimal(node.step))
        lines.append(f"{'  ' * (depth + 1)}{node.id} {node.name}{points}{words}")
        for child in (*node.children, *node.parts):
            visit(child, depth + 1)

    for root in loaded.indicators:
        visit(root, 0)
    if loaded.bonus:
        lines.append(f"  {hint('rubric-check-tree-bonus', bonus=loaded.labels.bonus)}")
        for root in loaded.bonus:
            visit(root, 0)
    return "\n".join(lines)
