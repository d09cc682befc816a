"""A filled-in workbook -> the same plain data and positions as a YAML sheet, so that every check
of :mod:`jyscore.readers.sheet` applies unchanged and each problem names its cell
(``文学院.xlsx!H12: error JY101 [1.1 领导重视] …``).

Values are read exactly. A typed number is a binary float inside the file; its shortest repr is
the decimal the user typed (``4.5`` -> ``"4.5"``), so the text goes to the checker, never the
float. A formula in an input cell counts with the value Excel saved beside it (rounded to Excel's
15 significant digits); a formula saved without one (files written by programs that do not
calculate) is an error that says so. Formulas in the cells the form computes itself are ignored.

The file is first checked by :mod:`.safety`; openpyxl then reads it in read-only mode.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import math
import unicodedata
import warnings
from collections.abc import Callable
from contextlib import suppress
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jyscore.core import rules
from jyscore.core.models import Adjustment, Rubric, Sheet, Veto
from jyscore.core.numbers import format_decimal, parse_decimal
from jyscore.core.problems import JyscoreError, Position, Problem, Severity, make_problem
from jyscore.core.text import display_path, short
from jyscore.form.layout import (
    MAX_COLUMNS,
    MAX_HEADER_ROW,
    MAX_ROWS,
    SCORE_FIELDS,
    computed,
    header_fields,
    headers,
    normal,
    split_key,
    top_fields,
    totals_key,
)
from jyscore.i18n.catalogue import LANGUAGES, translate
from jyscore.i18n.messages import HINTS, damage_phrase, hint, phrase
from jyscore.readers.sheet import SheetError, SheetHead, sheet_from_document
from jyscore.readers.xlsx_illegal import find_illegal_cell
from jyscore.readers.xlsx_safety import check_workbook_file
from jyscore.readers.yamlsource import Document, Path_, text_problem

# problems of the sheet checker that a cell the reader refused (a formula without a value, a
# number stored as text) already explains
_EXPLAINED = frozenset({"JY111", "JY114", "JY115", "JY122", "JY124", "JY136"})


def load_workbook_sheet(path: str | Path, rubric: Rubric, *, defaults: Any = None) -> Sheet:
    """Read and check one filled-in form; raise :class:`JyscoreError` with every problem."""
    path = Path(path)
    data = check_workbook_file(path)
    reader = read_document(path, rubric, data)
    options = {"defaults": defaults} if defaults is not None else {}
    try:
        sheet = sheet_from_document(reader.doc, rubric, **options)
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


def cell_text(value: Any, *, percent: bool = False, from_formula: bool = False) -> str | None:
    """A cell's value as the text the sheet checker reads, or None when the cell is empty.

    ``percent``: the cell is shown as a percentage and holds one (89.4% is stored as 0.894).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            return repr(value)
        # repr is the shortest text that reads back as the same float: what the user typed;
        # a computed value is taken as Excel shows it, to 15 significant digits
        text = format_decimal(Decimal(format(value, ".15g") if from_formula else repr(value)))
    elif isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    else:
        text = str(value)
        return text if text.strip() else None
    if percent:
        with suppress(InvalidOperation):
            text = format_decimal(Decimal(text) * 100)
    return text


class _Cell:
    __slots__ = ("coordinate", "value", "formula", "number_format")

    def __init__(self, coordinate: str, value: Any, formula: bool, number_format: str) -> None:
        self.coordinate = coordinate
        self.value = value
        self.formula = formula
        self.number_format = number_format


def _open(data: bytes, data_only: bool) -> Any:
    import openpyxl  # only when a workbook is really read

    return openpyxl.load_workbook(
        io.BytesIO(data), read_only=True, data_only=data_only, keep_links=False
    )


@dataclasses.dataclass
class _Grid:
    """The form sheet's non-empty cells within the read limits, by (row, column), and what the
    reader found around them."""

    title: str
    cells: dict[tuple[int, int], _Cell]
    hidden: list[str]  # hidden sheets, not read
    beyond: str | None = None  # the first non-empty cell past the read limits


FormTest = Callable[[dict[tuple[int, int], _Cell]], bool]


def _candidates(workbook: Any) -> tuple[list[Any], list[str]]:
    """The sheets that may be the form, in the order they are tried: visible sheets titled as the
    form, then the other visible ones. Hidden and very hidden sheets are never read; their names
    come back to be reported."""
    visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
    hidden = [ws.title for ws in workbook.worksheets if ws.sheet_state != "visible"]
    titles = {translate("form-sheet", HINTS["form-sheet"], language) for language in LANGUAGES}
    titled = [ws for ws in visible if ws.title in titles]  # a form written in either language
    return [*titled, *(ws for ws in visible if ws not in titled)], hidden


def _grid(file: str, data: bytes, data_only: bool, choose: FormTest | str) -> _Grid:
    """The form sheet's cells: the first candidate whose cells pass ``choose`` (the form's
    layout), else the first candidate; or, given a title, the sheet of that title."""
    workbook = _open(data, data_only)
    try:
        candidates, hidden = _candidates(workbook)
        if not candidates and not hidden:
            raise JyscoreError([make_problem("JY604", file, reason=phrase("xlsx-no-sheet"))])
        if not candidates:
            raise JyscoreError([make_problem("JY615", file, sheets=_names(hidden))])
        if isinstance(choose, str):
            candidates = [ws for ws in candidates if ws.title == choose][:1] or candidates[:1]
        first: _Grid | None = None
        for sheet in candidates:
            grid = _sheet_grid(sheet, hidden)
            if isinstance(choose, str) or choose(grid.cells):
                return grid
            first = first or grid
        assert first is not None
        return first
    finally:
        workbook.close()


def _sheet_grid(sheet: Any, hidden: list[str]) -> _Grid:
    """One sheet's non-empty cells within the read limits, and the first cell beyond them."""
    found: dict[tuple[int, int], _Cell] = {}
    beyond: str | None = None
    past_last_row = False
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            if cell.value is None or not hasattr(cell, "coordinate"):
                continue
            if cell.row > MAX_ROWS or cell.column > MAX_COLUMNS:
                beyond = beyond or cell.coordinate
                past_last_row = cell.row > MAX_ROWS
                continue
            found[(cell.row, cell.column)] = _Cell(
                cell.coordinate, cell.value, cell.data_type == "f",
                cell.number_format or "General",
            )
        if past_last_row:
            break  # the first cell past the last row is reported; the rest is not read
    return _Grid(sheet.title, found, hidden, beyond)


def _form_test(rubric: Rubric) -> FormTest:
    """Whether a sheet's cells have the form's header row (编号 and 自评分数 or 考核分数) within
    the rows where the reader looks for it."""
    names = header_fields(rubric)

    def is_form(cells: dict[tuple[int, int], _Cell]) -> bool:
        rows: dict[int, set[str]] = {}
        for (row, _), cell in cells.items():
            if row <= MAX_HEADER_ROW and isinstance(cell.value, str):
                field = names.get(normal(cell.value))
                if field is not None:
                    rows.setdefault(row, set()).add(field)
        return any("id" in f and ("self" in f or "assessed" in f) for f in rows.values())

    return is_form


def _names(titles: list[str]) -> str:
    separator = hint("name-separator")
    more = separator + "…" if len(titles) > 5 else ""
    return separator.join(repr(short(t, 31)) for t in titles[:5]) + more


def _read_grid(path: Path, data: bytes, data_only: bool, choose: FormTest | str) -> _Grid:
    file = display_path(path)
    try:
        with warnings.catch_warnings():  # openpyxl's UserWarnings are not the user's business
            warnings.simplefilter("ignore")
            return _grid(file, data, data_only, choose)
    except JyscoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever openpyxl trips on, the file is damaged
        illegal = find_illegal_cell(data)  # the parser names no cell: look for it
        if type(exc).__module__.startswith("defusedxml"):  # the safety check should have caught it
            problem = make_problem("JY608", file, part="?")
        elif illegal is not None:
            problem = make_problem("JY017", file, Position(cell=illegal.cell),
                                   character=illegal.character, index=illegal.index)
        else:
            problem = make_problem("JY604", file, reason=damage_phrase(exc))
        raise JyscoreError([problem]) from None


def read_document(path: Path, rubric: Rubric, data: bytes | None = None) -> _Reader:
    """Read the form: ``.doc`` is the :class:`Document`, ``.problems`` the reader's own problems
    and ``.unresolved`` the ids whose cells hold a formula without a value. ``data`` is the
    file's bytes as checked by :mod:`.safety` (read here when not given)."""
    if data is None:
        data = check_workbook_file(path)
    grid = _read_grid(path, data, data_only=False, choose=_form_test(rubric))
    reader = _Reader(display_path(path), rubric, grid.title, grid.cells)
    reader.limits(grid)
    reader.document()
    if reader.pending:
        values = _read_grid(path, data, data_only=True, choose=grid.title).cells
        reader.resolve(values)
    return reader


class _Reader:
    def __init__(
        self, file: str, rubric: Rubric, title: str, grid: dict[tuple[int, int], _Cell]
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

    def limits(self, grid: _Grid) -> None:
        """What lies outside the scored area is reported, never silently left out: hidden sheets
        (a warning: they are not read), a value past the read limits and text no written file
        may hold (errors)."""
        if grid.hidden:
            self.doc.warnings.append(
                make_problem("JY616", self.file, Position(cell="A1"), severity=Severity.WARNING,
                             sheets=_names(grid.hidden), sheet=short(grid.title, 31))
            )
        if grid.beyond is not None:
            self.problems.append(
                make_problem("JY614", self.file, Position(cell=grid.beyond), rows=MAX_ROWS,
                             column=_coordinate(1, MAX_COLUMNS).rstrip("1"))
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
                self.score_cells.setdefault(key, _coordinate(row, score_column))
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
                             column=_coordinate(1, last).rstrip("1"))
            )

    def _sheet_note(self, row: int, label_column: int) -> None:
        value_column = min(
            (c for r, c in self.grid if r == row and c > label_column), default=label_column + 1
        )
        cell = self.grid.get((row, value_column))
        text = cell_text(cell.value) if cell else None
        if text is not None and "note" not in self.data:
            self.data["note"] = text
            self.positions[("note",)] = Position(cell=_coordinate(row, value_column))
            self.key_positions[("note",)] = Position(cell=_coordinate(row, label_column))

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
            coordinate = _coordinate(row, column + 1)
            text = cell_text(value_cell.value) if value_cell else None
            self.data[field] = text.strip() if text else None
            self.positions[(field,)] = Position(cell=coordinate)
            self.key_positions[(field,)] = Position(cell=cell.coordinate)

    def _row(self, row: int, key: str, id_cell: str, columns: dict[str, int]) -> None:
        item_id, input_field = split_key(self.rubric, key)
        if input_field is not None:
            self._input_row(row, item_id, input_field, id_cell, columns)
            return
        else:
            fields = [(f, columns.get(f)) for f in ("self", "assessed", "note")]
        for field, column in fields:
            if column is None:
                continue
            path: Path_ = ("scores", item_id, field)
            # an empty cell has a place too: a missing score (JY114) is reported at it
            self.positions.setdefault(path, Position(cell=_coordinate(row, column)))
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
                percent = "%" in cell.number_format and _is_percent(self.rubric, item_id, field)
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
        if not isinstance(value, str) or not _looks_numeric(value):
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
            at = Position(cell=_coordinate(row, column))
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
            percent = "%" in cell.number_format and _is_percent(self.rubric, item_id, field)
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
            at = Position(cell=_coordinate(row, column))
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
                entry[field] = _flag(value) if section == "vetoes" and field != "note" else value
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
        if not isinstance(value, str) or not _looks_numeric(value):
            return False
        declared = _declared(self.rubric, section, declared_id)
        self.problems.append(
            make_problem("JY613", self.file, at, item_id=declared_id,
                         item_name=declared.name if declared else None,
                         value=value if len(value) <= 40 else value[:39] + "…")
        )
        return True

    def resolve(self, values: dict[tuple[int, int], _Cell]) -> None:
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
                percent = "%" in cached.number_format and _is_percent(
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


    def _resolve_declared(self, where: tuple[int, int], path: Path_, cached: _Cell | None) -> None:
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
            entry[field] = _flag(text) if section == "vetoes" and field != "note" else text
            return
        entry.pop(field, None)
        declared = _declared(self.rubric, section, declared_id)
        formula = str(self.grid[where].value)
        self.problems.append(
            make_problem("JY610", self.file, at, item_id=declared_id,
                         item_name=declared.name if declared else None,
                         formula=formula if len(formula) <= 60 else formula[:59] + "…")
        )


def _flag(text: str) -> str:
    """A veto's cell as the sheet's flag: 1 is ``true``, 0 ``false``; anything else stays as it
    is, for the sheet checker to report (JY143)."""
    number = parse_decimal(text.strip())
    if number is not None and number in (0, 1):
        return "true" if number == 1 else "false"
    return text


def _declared(rubric: Rubric, section: str, declared_id: str) -> Adjustment | Veto | None:
    declared: tuple[Adjustment | Veto, ...] = (
        rubric.adjustments if section == "adjustments" else rubric.vetoes)
    return next((d for d in declared if d.id == declared_id), None)


def _note_labels(rubric: Rubric) -> set[str]:
    """The words of the sheet-note row's label: the rubric's 备注, or ``note``."""
    return {normal(rubric.labels.note), normal("note"),
            *(normal(word) for word in rubric.labels.variants("note"))}


def _looks_numeric(text: str) -> bool:
    """Text a person reads as a number: ``4.5``, `` 4.5 ``, ``89.4%``, ``４.５``, ``1,000``."""
    normal = unicodedata.normalize("NFKC", text).strip().removesuffix("%").replace(",", "")
    return parse_decimal(normal.strip()) is not None


def _is_percent(rubric: Rubric, item_id: str, field: str) -> bool:
    node = rubric.nodes.get(item_id)
    if node is None:
        return False
    return any(s.name == field and s.reader == "percent" for s in rules.input_specs(node))


def _coordinate(row: int, column: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column)}{row}"
