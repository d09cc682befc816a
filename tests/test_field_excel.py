"""Issue 14, item 1: a number stored as text in the form is refused at its cell, whichever input
cell it is in, because the form's own totals skip it (tests/data/xlsx/bad/number-as-text.xlsx is
the file case; tests/test_field.py has the other items)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from jyscore import load_rubric
from jyscore.core.problems import JyscoreError
from jyscore.form.layout import computed, split_key
from jyscore.readers.files import read_sheet
from jyscore.writers.xlsx.form import build_form

from .xlsx_helpers import ASSESSED, NOTE, SELF

FILLED = Path(__file__).parent / "data" / "xlsx" / "good" / "文学院.xlsx"


def input_cells(ws) -> list[tuple[str, str]]:
    """(cell, item id) of every cell of the form a person types a number into."""
    rubric = load_rubric()
    cells = []
    for row in range(1, ws.max_row + 1):
        key = ws.cell(row, 1).value
        if not isinstance(key, str) or not key.strip():
            continue
        item_id, field = split_key(rubric, key)
        if item_id not in rubric.nodes:
            continue
        if field is not None:
            cells.append((f"{SELF}{row}", item_id))
            continue
        for column, name in ((SELF, "self"), (ASSESSED, "assessed")):
            if not computed(rubric, item_id, name):
                cells.append((f"{column}{row}", item_id))
    return cells


def test_every_input_cell_holding_a_number_as_text_is_refused_there(tmp_path: Path):
    workbook = openpyxl.load_workbook(FILLED)
    ws = workbook.worksheets[0]
    cells = input_cells(ws)
    assert len(cells) > 40  # every part, item and bonus input of the built-in rubric
    for ref, _ in cells:
        value = ws[ref].value
        ws[ref] = str(value) if value is not None else "0"  # the same number, as text
    ws[f"{NOTE}6"] = "4.5"  # a note may be a number: the form does not total notes
    workbook.save(tmp_path / "text.xlsx")
    with pytest.raises(JyscoreError) as caught:
        read_sheet(tmp_path / "text.xlsx", load_rubric())
    found = [(p.code, p.cell, p.item_id) for p in caught.value.problems]
    assert sorted(found) == sorted(("JY613", ref, item_id) for ref, item_id in cells)
    assert "stored as text" in caught.value.problems[0].message
    assert "retype it as a number" in caught.value.problems[0].message


def test_a_filled_form_typed_as_numbers_still_loads():
    assert read_sheet(FILLED, load_rubric()).college == "文学院"


@pytest.mark.parametrize(("text", "numeric"), [
    ("4.5", True), (" 4.5 ", True), ("89.4%", True), ("４.５", True), ("1,000", True),
    ("0", True), ("三分", False), ("4.5分", False), ("", False), ("TRUE", False),
])
def test_what_counts_as_a_number_stored_as_text(text: str, numeric: bool):
    from jyscore.readers.xlsx_cells import looks_numeric

    assert looks_numeric(text) is numeric


def test_a_text_that_is_no_number_is_still_not_a_number(tmp_path: Path):
    rubric = load_rubric()
    build_form(rubric, "文学院", 2024).save(tmp_path / "form.xlsx")
    workbook = openpyxl.load_workbook(FILLED)
    workbook.worksheets[0]["H16"] = "三分"
    workbook.save(tmp_path / "t.xlsx")
    with pytest.raises(JyscoreError) as caught:
        read_sheet(tmp_path / "t.xlsx", rubric)
    assert [(p.code, p.cell) for p in caught.value.problems] == [("JY100", "H16")]
