"""What a run over many sheets gives back: the records the commands and the writers read. Pure.

The run itself (reading the files, in a process pool for big folders, and the checks across
them) is :mod:`jyscore.pipeline`; what it returns is defined here, so that the writers and
:mod:`jyscore.core.comparison` read it without depending on how it was made:

* :class:`ValidationReport`: every problem of ``jyscore validate``;
* :class:`RankOutcome`: the ranking of ``jyscore rank`` (and of ``report`` and ``compare``),
  the sheets it left out as invalid (:class:`Skipped`) and the warnings;
* how the ranking's tie rule reads (:func:`tie_policy`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jyscore.core.models import ASSESSED, SELF, Rubric
from jyscore.core.problems import Problem
from jyscore.core.ranking import Ranking
from jyscore.i18n.messages import hint

RANK_COLUMNS = (ASSESSED, SELF)
# Up to this many colleges, each one's item table is kept for the reports that show it (the
# workbook's sheet per college); beyond it a sheet per college is no longer something to read.
DETAIL_LIMIT = 100


@dataclass(frozen=True)
class ValidationReport:
    """Every problem ``jyscore validate`` found, in report order, and how many files it read."""

    files_checked: int
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    @property
    def ok(self) -> bool:
        return self.errors == 0


@dataclass(frozen=True)
class Skipped:
    """A sheet left out of the ranking (``--skip-invalid``), with the problems that caused it."""

    path: Path
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


@dataclass(frozen=True)
class RankOutcome:
    """A ranking of one year, the sheets skipped as invalid (in file order), the warnings of the
    sheets ranked, and how many files were read."""

    rubric: Rubric
    ranking: Ranking
    year: int
    skipped: tuple[Skipped, ...]
    warnings: tuple[Problem, ...]
    files_checked: int

    @property
    def tie_policy(self) -> str:
        panel = any(row.standing.panel is not None for row in self.ranking.rows)
        return tie_policy(self.rubric, self.ranking.column, self.ranking.tie_break, panel=panel)


def tie_key_label(rubric: Rubric, key: str) -> str:
    """How a tie-break key is named to a reader: ``基础分``, ``加分`` or ``3 就业指导与服务``."""
    labels = rubric.labels
    if key == "base":
        return labels.base
    if key == "bonus":
        return labels.bonus
    node = rubric.nodes.get(key)
    return f"{key} {node.name}" if node else key


def tie_break_keys(rubric: Rubric) -> tuple[str, ...]:
    """The keys ``--tie-break`` accepts: base, bonus and the primary indicators' ids."""
    return ("base", "bonus", *(node.id for node in rubric.indicators))


def tie_policy(
    rubric: Rubric, column: str, tie_break: Sequence[str], *, panel: bool = False
) -> str:
    """The tie rule as one sentence: with or without tie-break keys, with or without panels."""
    labels = rubric.labels
    column_label = labels.self_ if column == SELF else labels.assessed
    suffix = "-panel" if panel else ""
    if not tie_break:
        return hint(f"tie-policy{suffix}", column=column_label, total=labels.total)
    keys = hint("tie-then").join(tie_key_label(rubric, k) for k in tie_break)
    return hint(f"tie-policy-break{suffix}", column=column_label, total=labels.total, keys=keys)
