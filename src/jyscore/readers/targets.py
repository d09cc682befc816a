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
from jyscore.readers.sheet_words import describe
from jyscore.readers.yamlsource import Limits, load

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
    problems: list[Problem] = list(doc.warnings)
    file = doc.file
    data: Any = doc.data

    def add(code: str, at: Position, **params: Any) -> None:
        problems.append(make_problem(code, file, at, **params))

    if not isinstance(data, dict):
        add("JY020", doc.position(()), what=phrase("what-targets-file"),
            example=hint("targets-example"), found=describe(data))
        raise JyscoreError(problems)
    for key in data:
        if key not in TARGETS_FIELDS:
            add("JY022", doc.key_position((key,)), field=key, where=phrase("what-targets-file"),
                suggestion="", allowed=", ".join(TARGETS_FIELDS))
    year: int | None = None
    if data.get("year") is not None:
        raw = data["year"]
        year = parse_whole(raw) if isinstance(raw, str) else None
        if year is None or year not in YEARS:
            add("JY023", doc.position(("year",)), field="year", value=describe(raw),
                expected=hint("expect-year"))
            year = None
    items = target_items(rubric)
    values: dict[str, dict[str, dict[str, Default]]] = {}
    table = data.get("targets")
    if "targets" not in data:
        add("JY021", Position(), field="targets", hint=hint("field-targets"))
    elif table is not None and not isinstance(table, dict):
        add("JY020", doc.position(("targets",)), what=phrase("what-targets"),
            example=hint("targets-example"), found=describe(table))
    else:
        first_lines: dict[str, int | None] = {}
        for college, raw in (table or {}).items():
            at = doc.position(("targets", college))
            name = identity(college)  # the same college however it is spelt (jyscore.core.text)
            if name in first_lines:
                add("JY009", doc.key_position(("targets", college)), key=short(college, 40),
                    first_line=first_lines[name])
                continue
            first_lines[name] = at.line
            number = parse_decimal(raw.removesuffix("%")) if isinstance(raw, str) else None
            if number is None or not 0 <= number <= _HUNDRED:
                add("JY510", at, college=short(college, 40), value=describe(raw))
                continue
            default = Default(number, f"{file}:{at.line}")
            values[name] = {item: {TARGET_INPUT: default} for item in items}
    if any(p.is_error for p in problems):
        raise JyscoreError(problems)
    defaults = SheetDefaults(file, {item: (TARGET_INPUT,) for item in items}, values)
    return Targets(file, year, doc.position(("year",)), defaults)
