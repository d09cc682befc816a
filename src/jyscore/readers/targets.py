"""Run-wide defaults for sheet inputs, and the targets file that supplies the employment targets.

The office's 目标分解文件 gives every college its employment-rate target once, so that the sheets
need not repeat it::

    # targets.yaml
    year: 2024            # optional; when given, the ranked sheets must be of this year
    targets:
      文学院: 89.4
      心理学院: 85

Each target applies to every bonus item whose rule takes a ``target`` input (``6.1.1`` in the
built-in rubric). The values reach the sheet checker as :class:`SheetDefaults`, *before* the
sheet is checked: a sheet that leaves ``target`` out gets the college's target, a sheet that gives
a different one is an error naming both places, and a college with no target anywhere is an error
naming the targets file. Nothing here is specific to targets beyond :func:`load_targets`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jyscore.core import rules
from jyscore.core.fields import YEARS
from jyscore.core.models import Rubric
from jyscore.core.numbers import parse_decimal, parse_whole
from jyscore.core.problems import JyscoreError, Position, Problem, make_problem
from jyscore.core.text import identity, short
from jyscore.i18n.messages import hint, phrase
from jyscore.readers.defaults import Default, SheetDefaults
from jyscore.readers.document import Document, Limits
from jyscore.readers.sheet_words import describe
from jyscore.readers.yamlsource import load

TARGETS_LIMITS = Limits(max_bytes=1024 * 1024, max_values=20_000, kind="kind-targets")
TARGETS_FIELDS = ("year", "targets")
TARGET_INPUT = "target"
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Targets:
    """A loaded targets file: the defaults for the sheet checker and the optional year."""

    file: str
    year: int | None
    year_position: Position
    defaults: SheetDefaults

    @property
    def colleges(self) -> tuple[str, ...]:
        return tuple(self.defaults.values)


def target_items(rubric: Rubric) -> tuple[str, ...]:
    """The items whose rule takes a ``target`` input (``6.1.1`` in the built-in rubric)."""
    return tuple(
        node.id for node, _ in rubric.walk()
        if any(s.name == TARGET_INPUT for s in rules.input_specs(node))
    )


def load_targets(path: str | Path, rubric: Rubric) -> Targets:
    """Read and check a targets file; raise :class:`JyscoreError` with every problem."""
    doc = load(Path(path), TARGETS_LIMITS)
    report = _Report(doc)
    data: Any = doc.data
    if not isinstance(data, dict):
        report("JY020", doc.position(()), what=phrase("what-targets-file"),
               example=hint("targets-example"), found=describe(data))
        raise JyscoreError(report.problems)
    for key in data:
        if key not in TARGETS_FIELDS:
            report("JY022", doc.key_position((key,)), field=key,
                   where=phrase("what-targets-file"), suggestion="",
                   allowed=", ".join(TARGETS_FIELDS))
    year = _year(data, report)
    items = target_items(rubric)
    values = {
        college: {item: {TARGET_INPUT: default} for item in items}
        for college, default in _targets(data, report).items()
    }
    if any(p.is_error for p in report.problems):
        raise JyscoreError(report.problems)
    defaults = SheetDefaults(doc.file, {item: (TARGET_INPUT,) for item in items}, values)
    return Targets(doc.file, year, doc.position(("year",)), defaults)


class _Report:
    """The problems of a targets file (its warnings first); calling it adds one."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = list(doc.warnings)

    def __call__(self, code: str, at: Position, **params: Any) -> None:
        self.problems.append(make_problem(code, self.doc.file, at, **params))


def _year(data: dict[str, Any], report: _Report) -> int | None:
    """The optional ``year``: None when not given, or reported (JY023)."""
    raw = data.get("year")
    if raw is None:
        return None
    year = parse_whole(raw) if isinstance(raw, str) else None
    if year is None or year not in YEARS:
        report("JY023", report.doc.position(("year",)), field="year", value=describe(raw),
               expected=hint("expect-year"))
        return None
    return year


def _targets(data: dict[str, Any], report: _Report) -> dict[str, Default]:
    """Each college's target, by its :func:`~jyscore.core.text.identity` (the same college
    however it is spelt), with where it was given."""
    doc = report.doc
    table = data.get("targets")
    if "targets" not in data:
        report("JY021", Position(), field="targets", hint=hint("field-targets"))
        return {}
    if table is not None and not isinstance(table, dict):
        report("JY020", doc.position(("targets",)), what=phrase("what-targets"),
               example=hint("targets-example"), found=describe(table))
        return {}
    targets: dict[str, Default] = {}
    first_lines: dict[str, int | None] = {}
    for college, raw in (table or {}).items():
        at = doc.position(("targets", college))
        name = identity(college)
        if name in first_lines:
            report("JY009", doc.key_position(("targets", college)), key=short(college, 40),
                   first_line=first_lines[name])
            continue
        first_lines[name] = at.line
        number = parse_decimal(raw.removesuffix("%")) if isinstance(raw, str) else None
        if number is None or not 0 <= number <= _HUNDRED:
            report("JY510", at, college=short(college, 40), value=describe(raw))
            continue
        targets[name] = Default(number, f"{doc.file}:{at.line}")
    return targets
