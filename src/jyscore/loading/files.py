"""Which files a run reads, and reading each into a per-file report that never raises.

Results are data, per file (as check-jsonschema does): one broken sheet never stops the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..models import Rubric, Sheet
from ..problems import JyscoreError, Problem, has_errors
from .defaults import SheetDefaults
from .sheet import load_sheet

SheetReader = Callable[[Path, Rubric], Sheet]


def load_workbook(path: Path, rubric: Rubric, **options: object) -> Sheet:
    """Read a filled-in form (.xlsx); openpyxl is imported only now, when one is read."""
    from ..excel.reader import load_workbook_sheet

    return load_workbook_sheet(path, rubric, **options)  # type: ignore[arg-type]


# suffix -> reader
READERS: dict[str, SheetReader] = {".yaml": load_sheet, ".yml": load_sheet, ".xlsx": load_workbook}


def is_skipped(path: Path) -> bool:
    """Editor and Office leftovers: dotfiles, ``~$*.xlsx`` lock files, ``*~`` backups."""
    name = path.name
    return name.startswith((".", "~$")) or name.endswith("~")


@dataclass
class Discovery:
    """What a run found: the sheets to read, and jyscore's own outputs left out of them."""

    sheets: list[Path]
    outputs: list[Path] = field(default_factory=list)


def is_own_output(path: Path) -> bool:
    """A workbook jyscore wrote as an output (a ranking workbook), which is never a sheet."""
    if path.suffix.lower() != ".xlsx":
        return False
    from ..excel.marks import is_own_output as marked  # zipfile only, no openpyxl

    return marked(path)


def find_files(paths: Iterable[Path]) -> Discovery:
    """:func:`discover`, and the outputs of jyscore it skipped (for a note to the user)."""
    found = discover(paths, keep_outputs=True)
    outputs = [p for p in found if is_own_output(p)]
    if not outputs:
        return Discovery(found)
    skipped = set(outputs)
    return Discovery([p for p in found if p not in skipped], outputs)


def discover(paths: Iterable[Path], *, keep_outputs: bool = False) -> list[Path]:
    """The sheets to read: files as given, folders searched recursively, in a stable order.

    A folder contributes every file with a known suffix below it, except editor and Office
    leftovers and anything under a hidden folder (``.git``). jyscore's own outputs (a ranking
    workbook written among the sheets) are left out unless ``keep_outputs``.
    """
    if not keep_outputs:
        return find_files(paths).sheets
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            below = [
                p for p in path.rglob("*")
                if p.suffix.lower() in READERS and p.is_file()
                and not is_skipped(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts[:-1])
            ]
            found.extend(sorted(below))
        else:
            found.append(path)
    unique: dict[Path, None] = dict.fromkeys(found)
    return list(unique)


def read_sheet(path: Path, rubric: Rubric, defaults: SheetDefaults | None = None) -> Sheet:
    """Read a YAML sheet or a filled-in workbook, by the file's suffix.

    ``defaults`` (e.g. the targets of ``rank --targets``) reach the reader as the keyword
    ``defaults=``, passed only when given: a reader supporting them accepts that keyword.
    """
    reader = READERS.get(path.suffix.lower(), load_sheet)
    if defaults is not None:
        return reader(path, rubric, defaults=defaults)  # type: ignore[call-arg]
    return reader(path, rubric)


@dataclass
class SheetReport:
    """What reading one file gave: the sheet (when it has no errors) and every problem."""

    path: Path
    sheet: Sheet | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.sheet is not None and not has_errors(self.problems)


def check_sheet(path: Path, rubric: Rubric, defaults: SheetDefaults | None = None) -> SheetReport:
    try:
        sheet = read_sheet(path, rubric, defaults)
    except JyscoreError as exc:
        return SheetReport(path, None, list(exc.problems))
    return SheetReport(path, sheet, list(sheet.warnings))


def check_sheets(
    paths: Iterable[Path], rubric: Rubric, defaults: SheetDefaults | None = None
) -> list[SheetReport]:
    return [check_sheet(path, rubric, defaults) for path in paths]
