"""Find the cell of a character XML 1.0 cannot hold, when the XML parser refused a workbook for it.

Excel never writes such a character, but other programs do (openpyxl writes U+FFFE as it is):
the parser then fails on the whole part and names no cell. The parts have passed the safety
check (:mod:`.xlsx_safety`: sizes bounded while inflating), so they are searched here in memory: the
first such character (raw, or as a character reference) in a worksheet's inline strings or in
the shared strings, and the cell that holds it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|&#(x[0-9a-fA-F]+|[0-9]+);"
)
_CELL_OPEN = re.compile(r"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{1,3}[0-9]{1,7})\"")
_TEXT_OPEN = re.compile(r"<(?:\w+:)?t\b[^>]*>")


@dataclass(frozen=True)
class IllegalCell:
    """A cell holding a character no written workbook may hold."""
    cell: str
    character: str  # U+FFFE
    index: int  # 1-based, in the cell's text


def _first_illegal(text: str) -> tuple[int, int] | None:
    """(offset, code point) of the first character XML 1.0 cannot hold."""
    for match in _ILLEGAL.finditer(text):
        if match.group(1) is None:
            return match.start(), ord(match.group())
        ref = match.group(1)
        code = int(ref[1:], 16) if ref[0] in "xX" else int(ref)
        if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
                or 0x10000 <= code <= 0x10FFFF:
            continue
        return match.start(), code
    return None


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for match in matches:
        last = match
    return last


def _index_in_text(text: str, offset: int) -> int:
    opened = _last(_TEXT_OPEN.finditer(text, max(0, offset - 40_000), offset))
    start = opened.end() if opened else offset
    return offset - start + 1


def find_illegal_cell(data: bytes) -> IllegalCell | None:
    """The cell holding the first character XML cannot hold, or None when there is none."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            sheets = sorted(n for n in names if n.startswith("xl/worksheets/")
                            and n.endswith(".xml"))
            texts = {n: archive.read(n).decode("utf-8", "replace") for n in sheets}
            shared = next((n for n in names if n.lower() == "xl/sharedstrings.xml"), None)
            shared_text = archive.read(shared).decode("utf-8", "replace") if shared else ""
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    for text in texts.values():
        found = _first_illegal(text)
        if found is None:
            continue
        offset, code = found
        cell = _last(_CELL_OPEN.finditer(text, max(0, offset - 40_000), offset))
        if cell is not None:
            return IllegalCell(cell.group(1), f"U+{code:04X}", _index_in_text(text, offset))
    found = _first_illegal(shared_text)
    if found is None:
        return None
    offset, code = found
    item = len(re.findall(r"<(?:\w+:)?si\b", shared_text[:offset])) - 1
    pattern = re.compile(r"<(?:\w+:)?c\b([^>]*?)\br=\"([A-Z]{1,3}[0-9]{1,7})\"([^>]*)>\s*"
                         rf"<(?:\w+:)?v>{item}</(?:\w+:)?v>")
    for text in texts.values():
        for match in pattern.finditer(text):
            if 't="s"' in match.group(1) + match.group(3):
                return IllegalCell(match.group(2), f"U+{code:04X}",
                                   _index_in_text(shared_text, offset))
    return None
