"""The fuzz harness's property over the corpus and simple mutations of it (no atheris needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import DATA
from .fuzz.fuzz_sheet import one_input

CORPUS = sorted(p for p in DATA.rglob("*.yaml"))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_file_and_its_truncations_never_crash(path: Path):
    data = path.read_bytes()
    one_input(data)
    for cut in range(1, min(len(data), 2000), max(1, len(data) // 37)):
        one_input(data[:cut])
        one_input(data[cut:])
        one_input(data[:cut] + b"\xff" + data[cut + 1 :])
