"""The fuzz harnesses' property over the corpus and simple mutations of it (no atheris needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import DATA
from .fuzz.fuzz_sheet import one_input
from .fuzz.fuzz_workbook import SEEDS
from .fuzz.fuzz_workbook import one_input as one_workbook

CORPUS = sorted(p for p in DATA.rglob("*.yaml"))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_file_and_its_truncations_never_crash(path: Path):
    data = path.read_bytes()
    one_input(data)
    for cut in range(1, min(len(data), 2000), max(1, len(data) // 37)):
        one_input(data[:cut])
        one_input(data[cut:])
        one_input(data[:cut] + b"\xff" + data[cut + 1 :])


# -- the workbook reader's harness ---------------------------------------------------------------

WORKBOOKS = sorted(DATA.rglob("*.xlsx"))
SPLICES = [b"<", b"&amp;", b"<c r=\"H6\" t=\"e\"><v>#DIV/0!</v></c>", b"9" * 40]


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.relative_to(DATA).as_posix())
def test_workbook_corpus_file_and_its_truncations_never_crash(path: Path):
    data = path.read_bytes()
    one_workbook(data)  # as the file itself
    for cut in range(1, len(data), max(1, len(data) // 5)):
        one_workbook(b"\x00" + data[:cut])


@pytest.mark.parametrize("seed", range(len(SEEDS)))
def test_edited_parts_of_a_good_workbook_never_crash(seed: int):
    for part, (_name, content) in enumerate(SEEDS[seed]):
        for step, insert in enumerate(SPLICES):
            offset = (len(content) * (step + 1)) // (len(SPLICES) + 1)
            header = bytes([seed, part]) + offset.to_bytes(3, "big") + bytes([step * 7])
            one_workbook(b"\x01" + header + insert)
