"""A filled-in workbook -> the same plain data and positions as a YAML sheet, so that every check
of :mod:`jyscore.readers.sheet` applies unchanged and each problem names its cell
(``文学院.xlsx!H12: error JY101 [1.1 领导重视] …``).

Values are read exactly. A typed number is a binary float inside the file; its shortest repr is
the decimal the user typed (``4.5`` -> ``"4.5"``), so the text goes to the checker, never the
float. A formula in an input cell counts with the value Excel saved beside it (rounded to Excel's
15 significant digits); a formula saved without one (files written by programs that do not
calculate) is an error that says so. Formulas in the cells the form computes itself are ignored.

The file is first checked by :mod:`.xlsx_safety`; openpyxl then reads it in read-only mode
(:mod:`.xlsx_grid`); :mod:`.xlsx_form` finds the form's layout in its cells, :mod:`.xlsx_rows`
reads its rows and :mod:`.xlsx_cells` each cell's value.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jyscore.core.models import Rubric, Sheet
from jyscore.core.problems import JyscoreError, Problem
from jyscore.core.text import display_path
from jyscore.readers.sheet import SheetError, SheetHead, sheet_from_document
from jyscore.readers.xlsx_form import FormReader
from jyscore.readers.xlsx_grid import form_test, read_grid
from jyscore.readers.xlsx_safety import check_workbook_file

if TYPE_CHECKING:  # an annotation only: a sheet read without --targets never needs it
    from jyscore.readers.defaults import SheetDefaults

# problems of the sheet checker that a cell the reader refused (a formula without a value, a
# number stored as text) already explains
_EXPLAINED = frozenset({"JY111", "JY114", "JY115", "JY122", "JY124", "JY136"})


def load_workbook_sheet(
    path: str | Path, rubric: Rubric, *, defaults: SheetDefaults | None = None
) -> Sheet:
    """Read and check one filled-in form; raise :class:`JyscoreError` with every problem."""
    path = Path(path)
    data = check_workbook_file(path)
    reader = read_document(path, rubric, data)
    try:
        sheet = sheet_from_document(reader.doc, rubric, defaults=defaults)
    except JyscoreError as exc:
        found = [
            reader.locate(p) for p in exc.problems
            if not (p.code in _EXPLAINED and (p.item_id or "") in reader.unresolved
                    or p.code == "JY115" and reader.unresolved)
        ]
        raise SheetError(sorted([*reader.problems, *found], key=Problem.sort_key),
                         getattr(exc, "head", None)) from None
    if reader.problems:
        raise SheetError(sorted([*reader.problems, *sheet.warnings], key=Problem.sort_key),
                         SheetHead(sheet.college, sheet.year))
    return sheet


def read_document(path: Path, rubric: Rubric, data: bytes | None = None) -> FormReader:
    """Read the form: ``.doc`` is the :class:`Document`, ``.problems`` the reader's own problems
    and ``.unresolved`` the ids whose cells hold a formula without a value. ``data`` is the
    file's bytes as checked by :mod:`.xlsx_safety` (read here when not given)."""
    if data is None:
        data = check_workbook_file(path)
    grid = read_grid(path, data, data_only=False, choose=form_test(rubric))
    reader = FormReader(display_path(path), rubric, grid.title, grid.cells)
    reader.limits(grid)
    reader.document()
    if reader.pending:
        values = read_grid(path, data, data_only=True, choose=grid.title).cells
        reader.resolve(values)
    return reader
