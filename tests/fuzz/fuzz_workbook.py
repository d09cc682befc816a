"""atheris fuzz harness for the workbook reader: any bytes in, a Sheet or a JyscoreError out.

Anything else (an uncaught exception, a hang, a crash) is a bug. The input is read in one of two
ways, chosen by its first byte:

* as the file itself (one that starts with ``PK``, or after an even first byte): exercises the
  safety checks and the zip layer;
* after an odd first byte, as an edit of a good workbook (tests/data/xlsx/good): one part (sheet
  XML, shared strings, workbook, relationships, content types, styles) has bytes cut and others
  spliced in, and the archive is zipped again with correct checksums, so that the edit reaches
  openpyxl's XML reading and jyscore's cell checks instead of stopping at a checksum error.

Run for a bounded time (the first folder receives new inputs: keep it out of the repository):

    pip install atheris
    mkdir -p /tmp/jyscore-xlsx-corpus
    python tests/fuzz/fuzz_workbook.py -max_total_time=120 -timeout=10 -rss_limit_mb=4096 \\
        /tmp/jyscore-xlsx-corpus tests/data/xlsx/good tests/data/xlsx/bad

Every crash it finds becomes a file in tests/data/xlsx/bad/ with its expected code and cell.
"""

from __future__ import annotations

import io
import sys
import tempfile
import zipfile
from pathlib import Path

from jyscore import load_rubric
from jyscore.core.problems import JyscoreError
from jyscore.readers.files import read_sheet
from jyscore.readers.xlsx_safety import LIMITS

RUBRIC = load_rubric()
GOOD = Path(__file__).resolve().parent.parent / "data" / "xlsx" / "good"
_FOLDER = tempfile.TemporaryDirectory(prefix="jyscore-fuzz-")  # removed when the process ends
TARGET = Path(_FOLDER.name) / "fuzz.xlsx"


def _seed_parts() -> list[list[tuple[str, bytes]]]:
    seeds = []
    for path in sorted(GOOD.glob("*.xlsx")):
        with zipfile.ZipFile(path) as archive:
            seeds.append([(info.filename, archive.read(info)) for info in archive.infolist()])
    return seeds


SEEDS = _seed_parts()


def spliced(data: bytes) -> bytes:
    """A good workbook with one part edited as ``data`` says: seed, part, offset, cut, insert."""
    if len(data) < 6:
        return data
    parts = list(SEEDS[data[0] % len(SEEDS)])
    index = data[1] % len(parts)
    name, content = parts[index]
    offset = int.from_bytes(data[2:5], "big") % (len(content) + 1)
    cut = data[5] % 128
    parts[index] = (name, content[:offset] + data[6:] + content[offset + cut :])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for part_name, part in parts:
            archive.writestr(part_name, part)
    return buffer.getvalue()


def one_input(data: bytes) -> None:
    """The property under test: the reader either returns a sheet or raises JyscoreError."""
    if not data or len(data) > LIMITS.max_file_bytes:
        return
    if data.startswith(b"PK"):  # a whole workbook (the seed corpus)
        workbook = data
    else:
        workbook = data[1:] if data[0] % 2 == 0 else spliced(data[1:])
    TARGET.parent.mkdir(parents=True, exist_ok=True)  # a test run may have cleaned temp folders
    TARGET.write_bytes(workbook)
    try:
        read_sheet(TARGET, RUBRIC)
    except JyscoreError as exc:
        assert exc.problems, "a JyscoreError must carry at least one problem"


def main() -> None:  # pragma: no cover - needs atheris
    import atheris
    import openpyxl  # noqa: F401 - loaded now so that instrument_all covers it

    import jyscore.readers.xlsx  # noqa: F401

    atheris.instrument_all()  # coverage feedback from jyscore, openpyxl, zipfile and XML code
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":  # pragma: no cover
    main()
