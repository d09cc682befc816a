"""Which files a run reads, and reading each into a per-file report that never raises.

Results are data, per file (as check-jsonschema does): one broken sheet never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from jyscore.core.models import Rubric, Sheet
from jyscore.core.problems import JyscoreError, Problem, has_errors, make_problem
from jyscore.core.text import display_path
from jyscore.i18n.messages import phrase
from jyscore.readers.decoding import not_regular_problem
from jyscore.readers.sheet import SHEET_LIMITS, SheetHead, load_sheet
from jyscore.readers.yaml_syntax import MAX_DEPTH

if TYPE_CHECKING:  # an annotation only: a sheet read without --targets never needs it
    from jyscore.readers.defaults import SheetDefaults

class SheetReader(Protocol):
    """A reader of one kind of sheet file: YAML or a workbook of the form."""

    def __call__(
        self, path: Path, rubric: Rubric, *, defaults: SheetDefaults | None = None
    ) -> Sheet: ...


def load_workbook(
    path: Path, rubric: Rubric, *, defaults: SheetDefaults | None = None
) -> Sheet:
    """Read a filled-in form (.xlsx); openpyxl is imported only now, when one is read."""
    from jyscore.readers.xlsx import load_workbook_sheet

    return load_workbook_sheet(path, rubric, defaults=defaults)


def unsupported_workbook(
    path: Path, rubric: Rubric, *, defaults: SheetDefaults | None = None
) -> Sheet:
    """A workbook format jyscore does not read (.xlsm, .xls, …): said so, with what to do."""
    raise JyscoreError([make_problem("JY609", display_path(path), suffix=path.suffix.lower())])


# suffix -> reader
READERS: dict[str, SheetReader] = {".yaml": load_sheet, ".yml": load_sheet, ".xlsx": load_workbook}
# workbooks a folder may hold that jyscore does not read: reported, never silently left out
UNSUPPORTED = (".xlsm", ".xls", ".xlsb", ".xltx", ".xltm", ".ods", ".et", ".numbers")
FOUND = (*READERS, *UNSUPPORTED)


class FolderLink(type(Path())):  # type: ignore[misc]
    """A symbolic link met while searching a folder. It is never followed (a link committed to a
    repository could point anywhere, ``/etc/passwd``, a device); reading it reports JY030. A link
    named on the command line is followed, and read only if it leads to a regular file."""


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
    """A workbook jyscore wrote as an output (a ranking workbook), which is never a sheet.

    A link found in a folder is never followed, not even to look for the mark."""
    if path.suffix.lower() != ".xlsx" or isinstance(path, FolderLink):
        return False
    from jyscore.form.marks import is_own_output as marked  # zipfile only, no openpyxl

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

    A folder contributes every file with a known suffix below it (and the workbooks jyscore does
    not read, so that they are reported rather than left out), except editor and Office
    leftovers and anything under a hidden folder (``.git``). Symbolic links inside a folder are
    not followed: a linked folder is not searched and a linked file comes back as a
    :class:`FolderLink`, which reads as a problem. jyscore's own outputs (a ranking workbook
    written among the sheets) are left out unless ``keep_outputs``.
    """
    if not keep_outputs:
        return find_files(paths).sheets
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(_below(path)))
        else:
            found.append(path)
    unique: dict[Path, None] = dict.fromkeys(found)
    return list(unique)


def _below(folder: Path) -> Iterable[Path]:
    for root, folders, files in os.walk(folder):
        here = Path(root)
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in files:
            path = here / name
            if not is_skipped(path) and path.suffix.lower() in FOUND:
                yield FolderLink(path) if path.is_symlink() else path
        for name in folders:  # os.walk does not enter a linked folder: it is reported instead
            if (here / name).is_symlink() and not is_skipped(here / name):
                yield FolderLink(here / name)


def read_sheet(path: Path, rubric: Rubric, defaults: SheetDefaults | None = None) -> Sheet:
    """Read a YAML sheet or a filled-in workbook, by the file's suffix.

    ``defaults`` (e.g. the targets of ``rank --targets``) reach the reader as the keyword
    ``defaults=``, passed only when given: a reader supporting them accepts that keyword.
    """
    suffix = path.suffix.lower()
    reader = unsupported_workbook if suffix in UNSUPPORTED else READERS.get(suffix, load_sheet)
    try:
        if defaults is not None:
            return reader(path, rubric, defaults=defaults)
        return reader(path, rubric)
    except RecursionError:  # a nesting the readers' own limits should have refused: one
        # file's problem, never the run's (every other file is still reported)
        problem = make_problem("JY013", display_path(path), limit=MAX_DEPTH,
                               kind=phrase(SHEET_LIMITS.kind))
        raise JyscoreError([problem]) from None


@dataclass
class SheetReport:
    """What reading one file gave: the sheet (when it has no errors) and every problem."""

    path: Path
    sheet: Sheet | None
    problems: list[Problem] = field(default_factory=list)
    head: SheetHead | None = None  # of a sheet with errors: its college and year, when read

    @property
    def ok(self) -> bool:
        return self.sheet is not None and not has_errors(self.problems)


def check_sheet(path: Path, rubric: Rubric, defaults: SheetDefaults | None = None) -> SheetReport:
    """One file's report; whatever the file holds, never an exception (each file of a run is
    reported, whatever another holds)."""
    if isinstance(path, FolderLink):
        return SheetReport(path, None, [not_regular_problem(display_path(path), "folder-link")])
    try:
        sheet = read_sheet(path, rubric, defaults)
    except JyscoreError as exc:
        return SheetReport(path, None, list(exc.problems), getattr(exc, "head", None))
    return SheetReport(path, sheet, list(sheet.warnings))
