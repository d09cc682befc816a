from __future__ import annotations

from pathlib import Path

import pytest

from jyscore import load_rubric, load_sheet
from jyscore.core.models import Rubric
from jyscore.core.problems import JyscoreError
from jyscore.i18n.catalogue import set_language

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_266cae57987b6dbe.txt"


@pytest.fixture(autouse=True)
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Every test speaks English (CI's locale is unknown), in this process and in the processes
    it starts, unless it asks otherwise with ``@pytest.mark.lang("zh")`` (or ``lang(None)``: the
    environment decides, for the tests of that choice)."""
    marker = request.node.get_closest_marker("lang")
    chosen = marker.args[0] if marker else "en"
    if chosen is not None:
        monkeypatch.setenv("JYSCORE_LANG", chosen)
    set_language(chosen)
    yield chosen
    set_language("en")


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output as piped, whatever the shell running the tests sets: no forced colour, the default
    width (tests that need them set FORCE_COLOR or COLUMNS themselves)."""
    for name in ("FORCE_COLOR", "COLUMNS", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def rubric() -> Rubric:
    return load_rubric()


def problems_in(path: Path, rubric: Rubric) -> list[tuple[str, int | None]]:
    """Load a sheet and return its problems as (code, line), or [] when it loads."""
    try:
        sheet = load_sheet(path, rubric)
    except JyscoreError as exc:
        return [(p.code, p.line) for p in exc.problems]
    return [(p.code, p.line) for p in sheet.warnings]


@pytest.fixture
def check(tmp_path: Path, rubric: Rubric):
    """The yamllint-style helper: sheet text in, [(code, line)] out."""

    def run(text: str | bytes) -> list[tuple[str, int | None]]:
        path = tmp_path / "sheet.yaml"
        if isinstance(text, str):
            text = text.encode("utf-8")
        path.write_bytes(text)
        return problems_in(path, rubric)

    return run
