"""The form's rows as the sheet's plain data, at their cells: an item's scores and note, an
input's value (once, or per column), an adjustment's amount, a veto's flag; a formula in an input
cell replaced by the value Excel saved beside it.

A number stored as text in a cell the form totals is refused (JY613): the form's own SUM skips it,
so jyscore will not count what the workbook's total leaves out. A formula saved without a value
(files written by programs that do not calculate) is JY610. Formulas in the cells the form
computes itself are ignored.
"""

from __future__ import annotations

from typing import Any

from jyscore.core.models import Adjustment, Rubric, Veto
from jyscore.core.problems import Position, Problem, make_problem
from jyscore.form.layout import SCORE_FIELDS, computed, split_key
from jyscore.readers.document import Document, Path_
from jyscore.readers.xlsx_cells import (
    Cell,
    cell_at,
    cell_text,
    is_percent,
    looks_numeric,
    veto_flag,
)


class FormRows:
    """The reader's state (the document it builds, its own problems, the formulas waiting for
    their saved values) and the reading of each kind of row."""

    def __init__(
        self, file: str, rubric: Rubric, title: str, grid: dict[tuple[int, int], Cell]
    ) -> None:
        self.file = file
        self.rubric = rubric
        self.title = title
        self.grid = grid
        self.data: dict[str, Any] = {}
        self.scores: dict[str, dict[str, Any]] = {}
        self.doc = Document(file, self.data)
        self.positions = self.doc.positions
        self.positions[()] = Position(cell="A1")
        self.key_positions = self.doc.key_positions
        self.problems: list[Problem] = []
        self.pending: dict[tuple[int, int], Path_] = {}
        self.unresolved: set[str] = set()
        self.score_cells: dict[str, str] = {}  # id -> its row's first score cell

    def _row(self, row: int, key: str, id_cell: str, columns: dict[str, int]) -> None:
        item_id, input_field = split_key(self.rubric, key)
        if input_field is not None:
            self._input_row(row, item_id, input_field, id_cell, columns)
            return
        fields = [(f, columns.get(f)) for f in ("self", "assessed", "note")]
        for field, column in fields:
            if column is None:
                continue
            path: Path_ = ("scores", item_id, field)
            # an empty cell has a place too: a missing score (JY114) is reported at it
            self.positions.setdefault(path, Position(cell=cell_at(row, column)))
            cell = self.grid.get((row, column))
            if cell is None:
                continue
            if cell.formula and computed(self.rubric, item_id, field):
                continue
            if cell.formula:
                self.pending[(row, column)] = path
                value: str | None = "?"  # until the saved value is read
            elif field != "note" and self._number_as_text(cell.value, cell.coordinate, item_id):
                continue
            else:
                percent = "%" in cell.number_format and is_percent(self.rubric, item_id, field)
                value = cell_text(cell.value, percent=percent)
                if value is None:
                    continue
            entry = self.scores.setdefault(item_id, {})
            if not self.key_positions.get(("scores", item_id)):
                self.key_positions[("scores", item_id)] = Position(cell=id_cell)
                self.positions[("scores", item_id)] = Position(cell=id_cell)
            entry[field] = value
            self.positions[path] = Position(cell=cell.coordinate)

    def _number_as_text(self, value: Any, coordinate: str, item_id: str) -> bool:
        """Report a number stored as text in a cell the form totals (pasted, or typed into a
        cell formatted as text): the form's SUM skips it, so jyscore refuses it rather than
        count what the workbook's own total leaves out. True when reported."""
        if not isinstance(value, str) or not looks_numeric(value):
            return False
        self.unresolved.add(item_id)
        owner = self.rubric.part_owner.get(item_id)
        if owner is not None:  # the item is then not scored (JY111) for the same reason
            self.unresolved.add(owner.id)
        node = self.rubric.nodes.get(item_id)
        shown = value if len(value) <= 40 else value[:39] + "…"
        self.problems.append(
            make_problem("JY613", self.file, Position(cell=coordinate),
                         item_id=node.id if node else None,
                         item_name=node.name if node else None, value=shown)
        )
        return True

    def _input_row(
        self, row: int, item_id: str, field: str, id_cell: str, columns: dict[str, int]
    ) -> None:
        """An input row: its 自评 cell holds for both columns; a 考核 cell with a value of its
        own makes the input per column, ``{self: …, assessed: …}``, and a 考核 cell alone gives
        it for the 考核 column only, ``{assessed: …}``, as the form's formulas read them."""
        found: dict[str, str | None] = {}
        for column_name in SCORE_FIELDS:
            column = columns.get(column_name)
            if column is None:
                continue
            cell = self.grid.get((row, column))
            at = Position(cell=cell_at(row, column))
            self.positions.setdefault(("scores", item_id, field, column_name), at)
            if column_name == "self" or "self" not in columns:
                self.positions.setdefault(("scores", item_id, field), at)
            if cell is None:
                continue
            if cell.formula:
                self.pending[(row, column)] = ("scores", item_id, field, column_name)
                found[column_name] = "?"
                continue
            if self._number_as_text(cell.value, at.cell or "", item_id):
                continue
            percent = "%" in cell.number_format and is_percent(self.rubric, item_id, field)
            found[column_name] = cell_text(cell.value, percent=percent)
        given = {k: v for k, v in found.items() if v is not None}
        if not given:
            return
        entry = self.scores.setdefault(item_id, {})
        if not self.key_positions.get(("scores", item_id)):
            self.key_positions[("scores", item_id)] = Position(cell=id_cell)
            self.positions[("scores", item_id)] = Position(cell=id_cell)
        if (len(given) == 2 and given["self"] != given["assessed"]
                or "self" in columns and "self" not in given):
            entry[field] = given
        else:
            entry[field] = next(iter(given.values()))

    def _totals_row(
        self, row: int, section: str, declared_id: str, id_cell: str, columns: dict[str, int]
    ) -> None:
        """An adjustment's row (its amount in each column) or a veto's (1 where it is reported,
        0 or blank where it is not), and its note, as the YAML sheet's ``adjustments``/``vetoes``
        entry of that id: every check of the sheet applies to it at its cells."""
        entry: dict[str, Any] = {}
        path: Path_ = (section, declared_id)
        for field in (*SCORE_FIELDS, "note"):
            column = columns.get(field)
            if column is None:
                continue
            at = Position(cell=cell_at(row, column))
            cell = self.grid.get((row, column))
            if cell is None:
                continue
            if cell.formula:
                self.pending[(row, column)] = (*path, field)
                entry[field] = "?"
            elif field != "note" and self._declared_as_text(cell.value, at, section, declared_id):
                continue
            else:
                value = cell_text(cell.value)
                if value is None:
                    continue
                entry[field] = _declared_value(section, field, value)
            self.positions[path + (field,)] = at
        if not entry:
            return
        self.data.setdefault(section, {})[declared_id] = entry
        self.positions.setdefault((section,), Position(cell=id_cell))
        self.key_positions.setdefault((section,), Position(cell=id_cell))
        self.positions[path] = self.key_positions[path] = Position(cell=id_cell)

    def _declared_as_text(self, value: Any, at: Position, section: str, declared_id: str) -> bool:
        """A number stored as text in an adjustment's or veto's cell: the form's total skips it
        (JY613). True when reported."""
        if not isinstance(value, str) or not looks_numeric(value):
            return False
        declared = declared_item(self.rubric, section, declared_id)
        self.problems.append(
            make_problem("JY613", self.file, at, item_id=declared_id,
                         item_name=declared.name if declared else None,
                         value=value if len(value) <= 40 else value[:39] + "…")
        )
        return True

    def resolve(self, values: dict[tuple[int, int], Cell]) -> None:
        """Replace each input formula by its saved value, or report that there is none."""
        for where, path in self.pending.items():
            if path[0] != "scores":
                self._resolve_declared(where, path, values.get(where))
                continue
            item_id, field = path[1], path[2]
            column = path[3] if len(path) > 3 else None
            cached = values.get(where)
            text = None
            if cached is not None:
                percent = "%" in cached.number_format and is_percent(
                    self.rubric, str(item_id), str(field)
                )
                text = cell_text(cached.value, percent=percent, from_formula=True)
                if self._number_as_text(cached.value, self.grid[where].coordinate, str(item_id)):
                    self.scores[str(item_id)].pop(str(field), None)
                    continue
            entry = self.scores[str(item_id)]
            current = entry.get(str(field))
            if isinstance(current, dict) and column is not None:
                if text is not None:
                    current[column] = text
                    continue
                current.pop(column, None)
            elif text is not None:
                entry[str(field)] = text
                continue
            else:
                entry.pop(str(field), None)
            self.unresolved.add(str(item_id))
            node = self.rubric.nodes.get(str(item_id))
            formula = str(self.grid[where].value)
            self.problems.append(
                make_problem("JY610", self.file, Position(cell=self.grid[where].coordinate),
                             item_id=node.id if node else None,
                             item_name=node.name if node else None,
                             formula=formula if len(formula) <= 60 else formula[:59] + "…")
            )
    def _resolve_declared(self, where: tuple[int, int], path: Path_, cached: Cell | None) -> None:
        """An adjustment's or veto's cell holding a formula: its saved value, or JY610."""
        section, declared_id, field = str(path[0]), str(path[1]), str(path[2])
        entry = self.data[section][declared_id]
        text = cell_text(cached.value, from_formula=True) if cached is not None else None
        at = Position(cell=self.grid[where].coordinate)
        if text is not None and field != "note" and self._declared_as_text(
                cached.value if cached is not None else None, at, section, declared_id):
            entry.pop(field, None)
            return
        if text is not None:
            entry[field] = _declared_value(section, field, text)
            return
        entry.pop(field, None)
        declared = declared_item(self.rubric, section, declared_id)
        formula = str(self.grid[where].value)
        self.problems.append(
            make_problem("JY610", self.file, at, item_id=declared_id,
                         item_name=declared.name if declared else None,
                         formula=formula if len(formula) <= 60 else formula[:59] + "…")
        )


def declared_item(rubric: Rubric, section: str, declared_id: str) -> Adjustment | Veto | None:
    declared: tuple[Adjustment | Veto, ...] = (
        rubric.adjustments if section == "adjustments" else rubric.vetoes)
    return next((d for d in declared if d.id == declared_id), None)


def _declared_value(section: str, field: str, text: str) -> str:
    """A cell's text as the sheet's adjustment or veto entry gives it (a veto's 1/0 as a flag)."""
    return veto_flag(text) if section == "vetoes" and field != "note" else text
