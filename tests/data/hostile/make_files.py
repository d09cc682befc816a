"""Regenerate the hostile workbooks (run from the repository root:
``python tests/data/hostile/make_files.py``). The files are committed so that the tests read real
files; this script documents how each was made. Expected problems are in the expected.json
beside each file (tests/data/xlsx/bad for the refused ones, here for the others).
"""

from __future__ import annotations

import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import openpyxl  # noqa: E402
from xlsx_helpers import set_cells  # noqa: E402

GOOD = HERE.parent / "xlsx" / "good" / "文学院.xlsx"
BAD = HERE.parent / "xlsx" / "bad"


def lying_part(source: Path, target: Path, name: str, content: bytes, padding: int,
               honest_crc: bool) -> None:
    """Copy a workbook with part ``name`` compressed as ``content`` followed by ``padding`` spaces
    while its directory (central and local) declares only ``len(content)`` bytes; with
    ``honest_crc`` the checksum is that of ``content``, so that only the size lies."""
    with zipfile.ZipFile(source) as old:
        parts = [(info.filename, old.read(info)) for info in old.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for part, data in parts:
            if part == name:
                continue
            new.writestr(part, data)
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with new.open(info, "w", force_zip64=False) as stream:
            stream.write(content)
            block = b" " * (1024 * 1024)
            for _ in range(padding // len(block)):
                stream.write(block)
    data = bytearray(target.read_bytes())
    encoded = name.encode()
    crc = zlib.crc32(content) if honest_crc else None
    for signature, crc_at, size_at in ((b"PK\x03\x04", 14, 22), (b"PK\x01\x02", 16, 24)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_at = 30 if signature == b"PK\x03\x04" else 46
            if data[start + name_at:start + name_at + len(encoded)] == encoded:
                if crc is not None:
                    struct.pack_into("<I", data, start + crc_at, crc)
                struct.pack_into("<I", data, start + size_at, len(content))
            start += 4
    target.write_bytes(bytes(data))


def main() -> None:
    with zipfile.ZipFile(GOOD) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    # the sheet declares its real size but inflates to 400 MB more (spaces after the root
    # element): refused as damaged when the checksum is that of the whole; read as the form when
    # it is that of the declared part (what openpyxl reads is what was checked)
    lying_part(GOOD, BAD / "bomb-lying-size.xlsx", "xl/worksheets/sheet1.xml", sheet_xml,
               400 * 1024 * 1024, honest_crc=False)
    lying_part(GOOD, HERE / "bomb-lying-size-crc.xlsx", "xl/worksheets/sheet1.xml", sheet_xml,
               400 * 1024 * 1024, honest_crc=True)

    # cells past the read limits: column 41 (AO) and row 5001
    set_cells(GOOD, {"AO15": "看这里"}, BAD / "beyond-columns.xlsx")
    set_cells(GOOD, {"A5001": "备注在很下面"}, BAD / "beyond-rows.xlsx")
    # a C1 control (CSI, a terminal escape) and a line separator in cells: XML holds them,
    # nothing jyscore writes or prints may
    set_cells(GOOD, {"J15": "见\x9b31m纪要", "J16": "第一段\u2028第二段"},
              BAD / "control-in-cell.xlsx")
    # a text longer than a cell may hold (openpyxl cuts it when writing: the XML is edited)
    marked = set_cells(GOOD, {"J15": "LONG-NOTE"}, HERE / "marked.xlsx")
    edit_parts(marked, BAD / "text-too-long.xlsx",
               lambda data: data.replace(b"LONG-NOTE", ("长" * 40_000).encode()))
    marked.unlink()

    # a very hidden first sheet with other scores, then the visible form
    workbook = openpyxl.load_workbook(GOOD)
    decoy = workbook.copy_worksheet(workbook.worksheets[0])
    decoy.title = "旧表"
    decoy["H6"] = 0
    decoy.sheet_state = "veryHidden"
    workbook.move_sheet(decoy, offset=-1)
    workbook.active = 1
    workbook.save(HERE / "hidden-first-sheet.xlsx")
    # a visible sheet of instructions first, then the form under another title: found by its layout
    workbook = openpyxl.load_workbook(GOOD)
    workbook.worksheets[0].title = "表二"
    notes = workbook.create_sheet("填表说明", 0)
    notes["A1"], notes["A2"], notes["B2"] = "填表说明", "学院", "假学院"
    workbook.active = 0
    workbook.save(HERE / "instructions-first.xlsx")
        # every sheet hidden (Excel and openpyxl refuse to save that: the XML is edited)
    edit_parts(GOOD, BAD / "no-visible-sheet.xlsx", hide_sheets)


def hide_sheets(data: bytes) -> bytes:
    if b"<sheet " not in data:
        return data
    data = re.sub(rb' state="[a-zA-Z]*"', b"", data)
    return data.replace(b"<sheet ", b'<sheet state="hidden" ')


def edit_parts(source: Path, target: Path, edit: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, edit(old.read(info)))

if __name__ == "__main__":
    main()
