"""One year's ranking, for the commands that set two years side by side (compare, report)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jyscore.cli.common import EXIT_PROBLEMS, find_sheets, report_skipped, stop_run
from jyscore.core.models import Rubric
from jyscore.core.problems import JyscoreError
from jyscore.core.run import RankOutcome
from jyscore.i18n.messages import hint
from jyscore.pipeline.rank import RankRequest, rank_paths
from jyscore.readers.targets import load_targets


def rank_year(
    paths: tuple[Path, ...], rubric: Rubric, *, column: str, skip_invalid: bool,
    year: int | None = None, targets_path: Path | None = None, output: Path | None = None,
) -> RankOutcome:
    """Rank one year's sheets as ``rank`` does, keeping every college's item table: a path with
    no sheet is exit 2, an invalid sheet exit 1 with every problem, naming ``output`` as not
    written (unless ``skip_invalid``: then the skipped are named)."""
    files = find_sheets(paths)
    try:  # loaded as rank loads it: its year is checked against the sheets' (JY507)
        targets = load_targets(targets_path, rubric) if targets_path else None
        request = RankRequest(rubric, year=year, column=column, targets=targets,
                              skip_invalid=skip_invalid, details=True, detail_limit=None)
        outcome = rank_paths(paths, request, files=files)
    except JyscoreError as exc:
        stop_run(exc.problems, output, skip_invalid)
    report_skipped(outcome)
    changed = [row.standing.source for row in outcome.ranking.rows if row.result is None]
    if changed:  # rank_paths reads each sheet again for its items; one changed in between
        click.echo(hint("program-says", text=hint("report-sheet-changed", file=changed[0])),
                   err=True)
        sys.exit(EXIT_PROBLEMS)
    return outcome
