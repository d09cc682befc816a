"""Untrusted workbooks are checked from their bytes and zip directory before any XML is parsed.

The real hostile files are in tests/data/xlsx/bad (see test_excel_reader); these tests cover the
limits that would need huge files, and that refusing is cheap.
"""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

from jyscore.readers.xlsx_safety import WorkbookLimits, workbook_problem

from .conftest import DATA

BAD = DATA / "xlsx" / "bad"
GOOD = DATA / "xlsx" / "good" / "文学院.xlsx"


def code(path: Path, limits: WorkbookLimits | None = None) -> str | None:
    problem = workbook_problem(path, limits) if limits else workbook_problem(path)
    return problem.code if problem else None


def test_a_good_form_passes():
    assert code(GOOD) is None


def test_an_oversize_file_is_refused_by_its_size_alone(tmp_path: Path):
    huge = tmp_path / "huge.xlsx"
    with huge.open("wb") as stream:
        stream.write(b"PK\x03\x04")
        stream.truncate(21 * 1024 * 1024)  # sparse: nothing is really written
    problem = workbook_problem(huge)
    assert problem is not None and problem.code == "JY605"
    assert str(21 * 1024 * 1024) in problem.message


def test_too_many_parts(tmp_path: Path):
    path = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(GOOD) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        for i in range(30):
            new.writestr(f"xl/media/{i}.txt", b"x")
    assert code(path, WorkbookLimits(max_parts=30)) == "JY606"
    assert code(path, WorkbookLimits(max_parts=100)) is None


def test_total_unpacked_size_is_read_from_the_directory(tmp_path: Path):
    assert code(GOOD, WorkbookLimits(max_unpacked_bytes=10_000)) == "JY606"


def test_a_zip_bomb_is_refused_well_under_a_second():
    start = time.perf_counter()
    assert code(BAD / "bomb-ratio.xlsx") == "JY606"
    assert code(BAD / "bomb-size.xlsx") == "JY606"
    assert time.perf_counter() - start < 1.0


def test_a_directory_entry_that_lies_about_its_size_cannot_inflate_more(tmp_path: Path):
    """zipfile stops at the declared size, so the directory check bounds what is unpacked."""
    path = tmp_path / "lie.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.bin", bytes(4 * 1024 * 1024))
    data = bytearray(path.read_bytes())
    # patch the central directory's uncompressed size (offset 24 of the entry) down to 1000
    central = data.rfind(b"PK\x01\x02")
    data[central + 24: central + 28] = (1000).to_bytes(4, "little")
    local = data.find(b"PK\x03\x04")
    data[local + 22: local + 26] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as archive, archive.open("big.bin") as stream:
        try:
            read = stream.read()
        except zipfile.BadZipFile:
            read = b""
    assert len(read) <= 1000


def test_scoring_yaml_never_imports_openpyxl():
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from jyscore.cli import cli\n"
        "r = CliRunner().invoke(cli, ['score', 'examples/2024/文学院.yaml'])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert 'openpyxl' not in sys.modules, 'openpyxl was imported'\n"
    )
    root = Path(__file__).parent.parent
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_hostile_file_is_refused_before_openpyxl_is_imported():
    script = (
        "import sys\n"
        "from jyscore import load_rubric\n"
        "from jyscore.readers.files import check_sheet\n"
        "from pathlib import Path\n"
        f"report = check_sheet(Path({str(BAD / 'billion-laughs.xlsx')!r}), load_rubric())\n"
        "assert [p.code for p in report.problems] == ['JY608'], report.problems\n"
        "assert 'openpyxl' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
