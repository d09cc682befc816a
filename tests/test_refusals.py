"""Hostile and mis-saved inputs are refused at once, through the library and the command line.

The timing bounds are loose sanity checks (a refusal costs milliseconds; a bug that builds an alias
bomb or inflates a zip bomb costs minutes), not benchmarks.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from jyscore import load_rubric, load_sheet, score
from jyscore.cli import cli
from jyscore.core.problems import JyscoreError
from jyscore.readers.files import read_sheet

from .conftest import DATA
from .sheets import sheet_text

BOUND = 2.0  # seconds; each refusal below takes a few milliseconds
XLSX_GOOD = DATA / "xlsx" / "good" / "文学院.xlsx"


def codes_and_time(path: Path, rubric) -> tuple[list[str], float]:
    started = time.perf_counter()
    with pytest.raises(JyscoreError) as info:
        read_sheet(path, rubric)
    return [p.code for p in info.value.problems], time.perf_counter() - started


def cli_time(*args: str) -> tuple[int, str, float]:
    started = time.perf_counter()
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output, time.perf_counter() - started


def entity_bomb(target: Path) -> Path:
    """The good form with a ten-level billion-laughs DTD in front of its shared strings."""
    levels = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    ]
    dtd = f'<?xml version="1.0"?>\n<!DOCTYPE x [{"".join(levels)}]>\n'.encode()
    with zipfile.ZipFile(XLSX_GOOD) as old, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = dtd + body.replace(b"<c ", b"<c x='&l9;' ", 1)
            new.writestr(info.filename, data)
    return target


@pytest.fixture
def huge_sheet(tmp_path: Path) -> Path:
    """A 50 MB sheet: a real sheet followed by a comment of 50 million characters."""
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.write(sheet_text().encode())
        stream.write(b"# " + b"x" * (50 * 1024 * 1024) + b"\n")
    return path


@pytest.mark.parametrize(("make", "code"), [
    (lambda tmp: DATA / "bad" / "alias-bomb.yaml", "JY007"),
    (lambda tmp: DATA / "bad" / "self-alias.yaml", "JY007"),
    (lambda tmp: DATA / "xlsx" / "bad" / "bomb-ratio.xlsx", "JY606"),
    (lambda tmp: DATA / "xlsx" / "bad" / "bomb-size.xlsx", "JY606"),
    (lambda tmp: DATA / "xlsx" / "bad" / "billion-laughs.xlsx", "JY608"),
    (lambda tmp: entity_bomb(tmp / "laughs.xlsx"), "JY608"),
], ids=["alias-bomb", "self-alias", "zip-bomb-ratio", "zip-bomb-size", "entity-bomb",
        "entity-bomb-10-levels"])
def test_a_hostile_file_is_refused_at_once(make, code, tmp_path: Path, rubric):
    path = make(tmp_path)
    codes, seconds = codes_and_time(path, rubric)
    assert code in codes and seconds < BOUND
    exit_code, output, seconds = cli_time("validate", str(path))
    assert exit_code == 1 and code in output and seconds < BOUND


def test_a_50_mb_sheet_is_refused_by_its_size_alone(huge_sheet: Path, rubric):
    codes, seconds = codes_and_time(huge_sheet, rubric)
    assert codes == ["JY010"] and seconds < BOUND
    for command in ("score", "validate"):
        exit_code, output, seconds = cli_time(command, str(huge_sheet))
        assert exit_code == 1 and "JY010" in output and "1048576" in output
        assert seconds < BOUND


def test_a_50_mb_sheet_in_a_folder_stops_rank_at_once(huge_sheet: Path, tmp_path: Path):
    shutil.copy(DATA / "good" / "parts.yaml", tmp_path / "good.yaml")
    out = tmp_path / "ranking.csv"
    exit_code, output, seconds = cli_time("rank", str(tmp_path), "-o", str(out))
    assert exit_code == 1 and "JY010" in output and seconds < BOUND and not out.exists()


# -- ids that YAML 1.1 would collide ------------------------------------------------------------


def test_unquoted_1_1_and_1_10_are_two_ids():
    tiny = load_rubric(DATA / "rubrics" / "tiny.yaml")
    sheet = load_sheet(DATA / "tiny" / "1.1-and-1.10.yaml", tiny)
    assert {"1.1", "1.10.1", "1.10.2"} <= set(sheet.entries)
    assert sheet.entries["1.1"].self == 5 and sheet.entries["1.10.1"].self == 10
    totals = score(tiny, sheet).totals
    assert (totals["self"].base, totals["assessed"].base) == (20, 18)


def test_with_the_default_rubric_1_10_is_an_unknown_id_with_a_suggestion(rubric):
    with pytest.raises(JyscoreError) as info:
        load_sheet(DATA / "bad" / "unquoted-1.10.yaml", rubric)
    (problem,) = info.value.problems
    assert (problem.code, problem.line) == ("JY110", 30)
    assert "'1.10' is not an item" in problem.message and "did you mean" in problem.message


# -- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["utf16le-no-bom.yaml", "utf16be-no-bom.yaml"])
def test_utf16_without_bom_is_refused_with_a_clear_message(name, rubric):
    with pytest.raises(JyscoreError) as info:
        load_sheet(DATA / "bad" / name, rubric)
    (problem,) = info.value.problems
    assert problem.code == "JY015"
    assert "UTF-16" in problem.message and "save it as UTF-8" in problem.message


def test_a_stray_nul_byte_is_a_bad_character_not_utf16(check):
    text = sheet_text().replace("测试学院", "测试\x00学院")
    assert check(text) == [("JY014", 1)]


def test_utf8_bom_with_broken_bytes_is_refused_not_replaced(check):
    gbk_bytes = "测试".encode("gbk")  # not UTF-8, after a UTF-8 byte order mark
    data = b"\xef\xbb\xbf" + sheet_text().encode("utf-8").replace("测试".encode(), gbk_bytes)
    assert check(data) == [("JY019", 1)]  # the BOM says UTF-8: the stray bytes, where they are


def test_a_valid_gbk_sheet_is_read_with_a_warning(check):
    assert check(sheet_text().encode("gbk")) == [("JY003", 1)]
