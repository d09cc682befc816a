"""How jyscore marks the workbooks it writes as outputs, and recognises them in a sheets folder.

A ranking workbook written next to the sheets (``rank sheets/ -o sheets/排名.xlsx``) must not be
read as a score sheet by the next ``validate`` or ``rank`` of that folder. The writer puts
:data:`OUTPUT_KEYWORD` and :data:`OUTPUT_CATEGORY` in the workbook's document properties
(``docProps/core.xml``: keywords and category, kept by Excel, WPS and LibreOffice when the file
is saved again); discovery looks for it in that
one small part, read from the zip directory with bounded size, before anything else is parsed.
The fill-in form is not marked: filled in, it is a score sheet. No openpyxl here.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path

# plain words: LibreOffice rewrites keywords on saving (``a:b`` becomes ``a b``)
OUTPUT_KEYWORD = "jyscore ranking"
OUTPUT_CATEGORY = "jyscore ranking workbook"
_MARK = re.compile(rb"<(?:\w+:)?(?:keywords|category)>[^<]*\bjyscore ranking\b")
_CORE_PART = "docProps/core.xml"
_MAX_CORE_BYTES = 64 * 1024  # the part is well under a kilobyte; more is not ours to read
_MAX_FILE_BYTES = 20 * 1024 * 1024  # readers.xlsx_safety's limit: larger is refused


def is_own_output(path: Path) -> bool:
    """True when ``path`` is a workbook jyscore wrote as an output (a ranking workbook).

    Anything unreadable, too large or not a zip is not recognised: the sheet reader then reports
    it as it would any other file."""
    try:
        info = os.stat(path)
        # a FIFO would block the search: only a regular file is looked into
        if not stat.S_ISREG(info.st_mode):
            return False
        if info.st_size > _MAX_FILE_BYTES or not zipfile.is_zipfile(path):
            return False
        with zipfile.ZipFile(path) as archive:
            part_info = archive.getinfo(_CORE_PART)
            if part_info.file_size > _MAX_CORE_BYTES:
                return False
            with archive.open(part_info) as part:
                core = part.read(_MAX_CORE_BYTES + 1)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, zipfile.LargeZipFile,
            NotImplementedError, RuntimeError, EOFError):
        return False
    return _MARK.search(core) is not None
