"""hypothesis: YAML -> Excel form -> YAML keeps every score, input and note exactly.

Random valid sheets (items whole or through their parts, self and assessed or self only, notes,
every kind of bonus input) are written as YAML text, loaded, written to the form with the library
functions ``jyscore convert`` uses, read back, written as YAML again and loaded again: the entries
and the totals must be equal at every step. Workbooks are slow, so few examples are drawn.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jyscore import load_sheet, score
from jyscore.core.models import Node, Rubric
from jyscore.readers.xlsx import load_workbook_sheet
from jyscore.writers.sheet_yaml import sheet_yaml
from jyscore.writers.xlsx.form import write_form

STEP = Decimal("0.5")
# what a secretary types in a note: CJK, ASCII, punctuation, formula starters, YAML indicators
NOTE_CHARS = "会议纪要见附件第三页文学院 abcXYZ0123456789.,:;!?#&*-=+@%'\"[]{}|>`~（），。、"


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _scores(cap: Decimal) -> st.SearchStrategy[Decimal]:
    return st.integers(0, int(cap / STEP)).map(lambda n: n * STEP)


def _note() -> st.SearchStrategy[str | None]:
    text = st.text(alphabet=NOTE_CHARS, min_size=1, max_size=12).map(str.strip)
    return st.one_of(st.none(), text.filter(bool))


def _percent() -> st.SearchStrategy[Decimal]:
    return st.integers(0, 10_000).map(lambda n: Decimal(n) / 100)


def _yaml_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@st.composite
def sheets(draw: Any, rubric: Rubric) -> str:
    """A valid sheet as YAML text."""
    assessed = draw(st.booleans())  # False: not assessed yet, self scores only

    def scored(node: Node) -> str:
        pairs = [f"self: {_number(draw(_scores(node.points)))}"]
        if assessed:
            pairs.append(f"assessed: {_number(draw(_scores(node.points)))}")
        note = draw(_note())
        if note is not None:
            pairs.append(f"note: {_yaml_text(note)}")
        return "{" + ", ".join(pairs) + "}"

    lines = [f"college: {_yaml_text(draw(st.sampled_from(['文学院', '数学科学学院', '=学院'])))}",
             f"year: {draw(st.integers(2000, 2100))}", "scores:"]
    for item in rubric.items:
        if item.parts and draw(st.booleans()):
            lines += [f'  "{part.id}": {scored(part)}' for part in item.parts]
        else:
            lines.append(f'  "{item.id}": {scored(item)}')
    for node in rubric.bonus_items:
        if not draw(st.booleans()):
            continue
        kind = node.rule.kind if node.rule else None
        if kind == "rate_steps":
            target = _number(draw(_percent()))
            if draw(st.booleans()):
                inputs = f"target: {target}, rate: {_number(draw(_percent()))}"
            else:
                graduates = draw(st.integers(1, 5000))
                employed = draw(st.integers(0, graduates))
                inputs = f"target: {target}, graduates: {graduates}, employed: {employed}"
            lines.append(f'  "{node.id}": {{{inputs}}}')
        elif kind == "per_unit":
            lines.append(f'  "{node.id}": {{count: {draw(st.integers(0, 50))}}}')
        else:  # manual: self (and assessed) points on the step
            lines.append(f'  "{node.id}": {scored(dataclasses.replace(node, points=Decimal(8)))}')
    return "\n".join(lines) + "\n"


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_yaml_to_xlsx_to_yaml_keeps_every_score(rubric, data):
    text = data.draw(sheets(rubric))
    with TemporaryDirectory() as folder:
        original_path = Path(folder) / "sheet.yaml"
        original_path.write_text(text, encoding="utf-8")
        original = load_sheet(original_path, rubric)

        workbook = Path(folder) / "sheet.xlsx"
        write_form(workbook, rubric, original.college, original.year, original)
        from_excel = load_workbook_sheet(workbook, rubric)

        back = Path(folder) / "back.yaml"
        back.write_text(sheet_yaml(rubric, from_excel), encoding="utf-8")
        again = load_sheet(back, rubric)

    for sheet in (from_excel, again):
        assert (sheet.college, sheet.year, sheet.columns) == (
            original.college, original.year, original.columns)
        assert sheet.entries == original.entries
        result, expected = score(rubric, sheet), score(rubric, original)
        assert result.totals == expected.totals
        assert [(r.node.id, r.scores) for r in result.rows] == [
            (r.node.id, r.scores) for r in expected.rows]
