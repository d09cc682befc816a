"""The rubric's own checks of its ``adjustments``, ``vetoes`` and ``grades`` blocks, each problem
at the line of the value it is about (a range whose min is above its max, bands out of order, a
quota outside 0–100 %, a veto naming a grade that is not a band …).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from jyscore.core.models import Rubric
from jyscore.core.numbers import format_decimal
from jyscore.core.problems import Problem, make_problem
from jyscore.i18n.messages import phrase
from jyscore.readers.document import Document, Path_
from jyscore.readers.sheet_words import suggest

_HUNDRED = Decimal(100)
# add(code, path, (id, name) or None, **params): one problem at the line of ``path``
Add = Callable[..., None]


def totals_problems(rubric: Rubric, doc: Document) -> list[Problem]:
    problems: list[Problem] = []

    def add(code: str, path: Path_, item: tuple[str, str] | None = None, **params: Any) -> None:
        problems.append(make_problem(
            code, doc.file, doc.position(path), item_id=item[0] if item else None,
            item_name=item[1] if item else None, **params,
        ))

    seen: dict[str, int] = {}
    for i, adjustment in enumerate(rubric.adjustments):
        path: Path_ = ("adjustments", i)
        item = (adjustment.id, adjustment.name)
        _unique(adjustment.id, path, seen, doc, add, item)
        if adjustment.min > adjustment.max:
            add("JY240", (*path, "min"), item, min=format_decimal(adjustment.min),
                max=format_decimal(adjustment.max))
        step = adjustment.step or rubric.step
        for key in ("min", "max"):
            value: Decimal = getattr(adjustment, key)
            if value % step:
                add("JY241", (*path, key), item, key=key, value=format_decimal(value),
                    step=format_decimal(step))
    seen = {}
    names = rubric.grades.names if rubric.grades else ()
    for i, veto in enumerate(rubric.vetoes):
        path = ("vetoes", i)
        item = (veto.id, veto.name)
        _unique(veto.id, path, seen, doc, add, item)
        if veto.total is None and veto.grade is None:
            add("JY243", path, item)
        if veto.grade is not None and veto.grade not in names:
            add("JY244", (*path, "grade"), item, grade=veto.grade,
                suggestion=suggest(veto.grade, names) if names else "",
                bands=", ".join(names) or phrase("bands-none"))
    if rubric.grades is not None:
        _bands(rubric, add)
    return problems


def _unique(key: str, path: Path_, seen: dict[str, int], doc: Document, add: Add,
            item: tuple[str, str]) -> None:
    here = doc.position((*path, "id"))
    if key in seen:
        add("JY242", (*path, "id"), item, node_id=key, first_line=seen[key])
    else:
        seen[key] = here.line or 0


def _bands(rubric: Rubric, add: Add) -> None:
    assert rubric.grades is not None
    bands = rubric.grades.bands
    last = len(bands) - 1
    names: dict[str, int] = {}
    previous: tuple[Decimal, int] | None = None
    for i, band in enumerate(bands):
        path: Path_ = ("grades", "bands", i)
        item = None  # the message names the band
        if band.name in names:
            add("JY249", (*path, "name"), None, name=band.name)
        names.setdefault(band.name, i)
        if band.min is not None and band.above is not None:
            add("JY246", (*path, "above"), item, name=band.name)
        if i == last:
            if band.threshold is not None:
                key = "min" if band.min is not None else "above"
                add("JY247", (*path, key), item, name=band.name)
            if band.quota is not None:
                add("JY248", (*path, "quota"), item, name=band.name,
                    quota=format_decimal(band.quota), reason=phrase("band-last-quota"))
        elif band.threshold is None:
            add("JY245", path, item, name=band.name,
                reason=phrase("band-needs-bound"))
        if band.quota is not None and not 0 <= band.quota <= _HUNDRED:
            add("JY248", (*path, "quota"), item, name=band.name,
                quota=format_decimal(band.quota), reason=phrase("band-quota-range"))
        if band.threshold is not None:
            # a lower bound on the line: "above 90" (90⁺) is higher than "min 90" (90)
            bound = (band.threshold, 1 if band.above is not None else 0)
            if previous is not None and bound >= previous:
                key = "min" if band.min is not None else "above"
                add("JY245", (*path, key), item, name=band.name,
                    reason=phrase("band-bound-order"))
            else:
                previous = bound
