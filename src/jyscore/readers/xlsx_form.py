"""The form's layout found in its cells: the header row (编号, 自评分数, 考核分数 …), the labelled
cells above it (学院 | 文学院), the rows below it by their key, and the sheet's note. What lies
outside the scored area is reported, never silently left out.
"""

from __future__ import annotations

import dataclasses

from jyscore.core import rules
from jyscore.core.models import Rubric
from jyscore.core.problems import JyscoreError, Position, Problem, Severity, make_problem
from jyscore.core.text import short
from jyscore.form.layout import (
    MAX_COLUMNS,
    MAX_HEADER_ROW,
    MAX_ROWS,
    header_fields,
    headers,
    normal,
    split_key,
    top_fields,
    totals_key,
)
from jyscore.i18n.messages import hint
from jyscore.readers.document import Document, text_problem
from jyscore.readers.xlsx_cells import cell_at, cell_text
from jyscore.readers.xlsx_grid import Grid, sheet_names
from jyscore.readers.xlsx_rows import FormRows


class FormReader(FormRows):
    """Reads the form: :meth:`limits`, then :meth:`document`; then, when ``pending`` formulas
    wait for their saved values, :meth:`resolve`."""

    def limits(self, grid: Grid) -> None:
        """What lies outside the scored area is reported, never silently left out: hidden sheets
        (a warning: they are not read), a value past the read limits and text no written file
        may hold (errors)."""
        if grid.hidden:
            self.doc.warnings.append(
                make_problem("JY616", self.file, Position(cell="A1"), severity=Severity.WARNING,
                             sheets=sheet_names(grid.hidden), sheet=short(grid.title, 31))
            )
        if grid.beyond is not None:
            self.problems.append(
                make_problem("JY614", self.file, Position(cell=grid.beyond), rows=MAX_ROWS,
                             column=cell_at(1, MAX_COLUMNS).rstrip("1"))
            )
        for cell in grid.cells.values():
            if isinstance(cell.value, str):
                problem = text_problem(cell.value, self.file, Position(cell=cell.coordinate))
                if problem is not None:
                    self.problems.append(problem)

    def text(self, row: int, column: int) -> str | None:
        cell = self.grid.get((row, column))
        return cell_text(cell.value) if cell else None

    def document(self) -> Document:
        header_row, columns = self._header()
        self._outside(header_row)
        self._top(header_row)
        rows = sorted({r for r, _ in self.grid if r > header_row})
        seen: dict[str, str] = {}
        note_label = _note_labels(self.rubric)
        for row in rows:
            key = self.text(row, columns["id"])
            if key is None:
                continue
            key = key.strip()
            if normal(key) in note_label:  # the sheet's own note, below the items
                self._sheet_note(row, columns["id"])
                continue
            id_cell = self.grid[(row, columns["id"])].coordinate
            if key in seen:
                self.problems.append(
                    make_problem("JY612", self.file, Position(cell=id_cell),
                                 item_id=self._node_id(key), item_name=self._node_name(key),
                                 key=key, first=seen[key])
                )
                continue
            seen[key] = id_cell
            declared = totals_key(self.rubric, key)
            if declared is not None:
                self._totals_row(row, *declared, id_cell, columns)
                continue
            score_column = columns.get("self", columns.get("assessed"))
            if score_column is not None:
                self.score_cells.setdefault(key, cell_at(row, score_column))
            self._row(row, key, id_cell, columns)
        self._blank_bonuses(seen)
        self.data["scores"] = self.scores
        return self.doc

    def _blank_bonuses(self, seen: dict[str, str]) -> None:
        """A bonus computed from inputs whose input rows are all blank is an entry with empty
        inputs, as in YAML: a warning (JY124) once the college has filled in the rest, since an
        undergraduate employment rate or a count left blank is more often forgotten than
        meant. A bonus scored by hand (研究生初次就业率) left blank is not warned about: many
        colleges have nothing to give there."""
        for node in self.rubric.bonus_items:
            if node.id not in seen or node.id in self.scores or rules.hand_scored(node):
                continue
            specs = rules.input_specs(node)
            if not specs:
                continue
            self.scores[node.id] = {spec.name: None for spec in specs}
            first = self.positions.get(("scores", node.id, specs[0].name))  # where to fill in
            self.key_positions[("scores", node.id)] = first or Position(cell=seen[node.id])
            self.positions.setdefault(("scores", node.id), Position(cell=seen[node.id]))

    def _outside(self, header_row: int) -> None:
        """A value right of the header's last column is not part of the form: a warning naming
        it, never left out silently."""
        last = max(c for (r, c), cell in self.grid.items()
                   if r == header_row and isinstance(cell.value, str) and cell.value.strip())
        outside = sorted(
            (r, c) for (r, c), cell in self.grid.items()
            if c > last and cell.value is not None
            and not (isinstance(cell.value, str) and not cell.value.strip())
        )
        if outside:
            first = self.grid[outside[0]].coordinate
            self.doc.warnings.append(
                make_problem("JY619", self.file, Position(cell=first), severity=Severity.WARNING,
                             count=len(outside), cell=first,
                             column=cell_at(1, last).rstrip("1"))
            )

    def _sheet_note(self, row: int, label_column: int) -> None:
        value_column = min(
            (c for r, c in self.grid if r == row and c > label_column), default=label_column + 1
        )
        cell = self.grid.get((row, value_column))
        text = cell_text(cell.value) if cell else None
        if text is not None and "note" not in self.data:
            self.data["note"] = text
            self.positions[("note",)] = Position(cell=cell_at(row, value_column))
            self.key_positions[("note",)] = Position(cell=cell_at(row, label_column))

    def locate(self, problem: Problem) -> Problem:
        """Point a problem about an item that the checker could not place (an item not scored)
        at the item's score cell, or at its first part's when it is scored through parts."""
        if problem.cell or problem.line or problem.item_id is None:
            return problem
        node = self.rubric.nodes.get(problem.item_id)
        cell = self.score_cells.get(problem.item_id)
        if node is not None and node.parts and problem.item_id not in self.scores:
            cell = self.score_cells.get(node.parts[0].id, cell)
        return dataclasses.replace(problem, cell=cell) if cell else problem

    def _node_id(self, key: str) -> str | None:
        item_id, _ = split_key(self.rubric, key)
        return item_id if item_id in self.rubric.nodes else None

    def _node_name(self, key: str) -> str | None:
        node = self.rubric.nodes.get(split_key(self.rubric, key)[0])
        return node.name if node else None

    def _header(self) -> tuple[int, dict[str, int]]:
        names = header_fields(self.rubric)
        texts: dict[int, list[tuple[int, str]]] = {}
        for (r, c), cell in sorted(self.grid.items()):
            if r <= MAX_HEADER_ROW and isinstance(cell.value, str):
                texts.setdefault(r, []).append((c, cell.value))
        for row in range(1, MAX_HEADER_ROW + 1):
            columns: dict[str, int] = {}
            for c, text in texts.get(row, ()):
                field = names.get(normal(text))
                if field is not None:
                    columns.setdefault(field, c)
            if "id" in columns and ("self" in columns or "assessed" in columns):
                at = Position(cell=self.grid[(row, columns["id"])].coordinate)
                self.positions[("scores",)] = self.key_positions[("scores",)] = at
                return row, columns
        words = headers(self.rubric)
        columns_text = hint("xlsx-header-columns", id=words["id"], self=words["self"],
                            assessed=words["assessed"])
        raise JyscoreError(
            [make_problem("JY611", self.file, sheet=short(self.title, 31), columns=columns_text,
                          rows=MAX_HEADER_ROW)]
        )

    def _top(self, header_row: int) -> None:
        """The labelled cells above the header: 学院 | 文学院, 年度 | 2024, 指标体系 | …"""
        names = top_fields(self.rubric)
        for (row, column), cell in sorted(self.grid.items()):
            if row >= header_row or not isinstance(cell.value, str):
                continue
            field = names.get(normal(cell.value))
            if field is None or field in self.data:
                continue
            value_cell = self.grid.get((row, column + 1))
            coordinate = cell_at(row, column + 1)
            text = cell_text(value_cell.value) if value_cell else None
            self.data[field] = text.strip() if text else None
            self.positions[(field,)] = Position(cell=coordinate)
            self.key_positions[(field,)] = Position(cell=cell.coordinate)


def _note_labels(rubric: Rubric) -> set[str]:
    """The words of the sheet-note row's label: the rubric's 备注, or ``note``."""
    return {normal(rubric.labels.note), normal("note"),
            *(normal(word) for word in rubric.labels.variants("note"))}
