"""The checks across a run's records (:mod:`jyscore.pipeline.run`), which no file shows alone:

* ``JY301`` the same college twice for the same year (an error on the later file, naming the
  earlier one; ``JY307`` beside it when the two spell the name differently), decided in the
  core (:func:`jyscore.core.panel_grouping.duplicate_problems`) as a panel decides it;
* ``JY302`` / ``JY303`` sheets of several years or several rubrics in one run (a warning on each
  sheet outside the run's most common year or rubric, naming every group);
* the panels: the sheets naming their assessors sorted out (``JY311``-``JY313``, ``JY316``,
  :func:`jyscore.core.panels.group_sheets`) and each panel built from its members' sheets
  (``JY314``, ``JY315``): :func:`build_panels`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from jyscore.core.engine import score
from jyscore.core.models import Rubric, Sheet
from jyscore.core.panel_grouping import duplicate_problems as duplicate_problems  # JY301, JY307
from jyscore.core.panels import Grouping, Member, Panel, PanelSettings, build_panel
from jyscore.core.problems import JyscoreError, Position, Problem, Severity, make_problem
from jyscore.i18n.messages import hint
from jyscore.pipeline.run import FileRecord, SheetRecord

# groups of at most this many files are named file by file in JY302/JY303, larger ones counted
_NAMED_FILES = 3


def _groups(pairs: Sequence[tuple[Hashable, str]]) -> tuple[Hashable, str]:
    """The most common value (the first seen on a tie) and every group named, largest first."""
    counts = Counter(value for value, _ in pairs)
    order = list(dict.fromkeys(value for value, _ in pairs))
    ranked = sorted(order, key=lambda v: (-counts[v], order.index(v)))
    described = []
    for value in ranked:
        files = [file for v, file in pairs if v == value]
        named = ", ".join(files) if len(files) <= _NAMED_FILES else hint("count-sheets",
                                                                           count=len(files))
        described.append(f"{value} ({named})")
    return ranked[0], "; ".join(described)


def mixed_year_problems(sheets: Sequence[SheetRecord]) -> list[Problem]:
    """JY302 on each sheet outside the run's most common year, when the sheets give several."""
    pairs: list[tuple[Hashable, str]] = [(s.year, s.source) for s in sheets]
    if len({value for value, _ in pairs}) < 2:
        return []
    common, described = _groups(pairs)
    return [
        make_problem("JY302", sheet.source, sheet.positions.get("year") or Position(),
                     severity=Severity.WARNING, years=described)
        for sheet in sheets
        if sheet.year != common
    ]


def mixed_rubric_problems(records: Sequence[FileRecord], rubric: Rubric) -> list[Problem]:
    """JY303 on each sheet outside the run's most common rubric, when the sheets name several
    (a sheet naming none is taken to be of ``rubric``; one naming another did not load)."""
    named: list[tuple[Hashable, str]] = []
    where: dict[str, Position | None] = {}
    for record in records:
        if isinstance(record, SheetRecord):
            named.append((record.rubric_id or rubric.id, record.source))
            where[record.source] = record.positions.get("rubric")
        elif record.named_rubric is not None:
            other, at = record.named_rubric
            named.append((other, record.source))
            where[record.source] = at
    if len({value for value, _ in named}) < 2:
        return []
    common, described = _groups(named)
    return [
        make_problem("JY303", file, where[file] or Position(), severity=Severity.WARNING,
                     rubrics=described)
        for value, file in named
        if value != common
    ]


@dataclass(frozen=True)
class BuiltPanel:
    """One panel of a run: its members' records and, when it could be built, the panel; else
    the problems that stopped it (JY314 self scores that differ, JY315 too few assessors)."""

    members: tuple[SheetRecord, ...]
    panel: Panel | None
    problems: tuple[Problem, ...] = ()


def build_panels(
    grouping: Grouping[SheetRecord], rubric: Rubric, settings: PanelSettings
) -> list[BuiltPanel]:
    """Every panel of ``grouping``: its members' sheets scored and aggregated."""
    built = []
    for records in grouping.panels:
        members = [Member(grouping.name(record.assessor or ""), score(rubric, _sheet(record)))
                   for record in records]
        try:
            built.append(BuiltPanel(records, build_panel(rubric, members, settings)))
        except JyscoreError as exc:
            built.append(BuiltPanel(records, None, tuple(exc.problems)))
    return built


def _sheet(record: SheetRecord) -> Sheet:
    assert record.sheet is not None, "a record naming its assessor keeps its sheet"
    return record.sheet
