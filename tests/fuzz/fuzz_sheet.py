"""atheris fuzz harness for the sheet loader: any bytes in, a Sheet or a JyscoreError out.

Anything else (an uncaught exception, a hang, a crash) is a bug. Run for a bounded time:

    pip install atheris
    mkdir -p /tmp/jyscore-corpus   # receives new inputs: keep it out of the repository
    python tests/fuzz/fuzz_sheet.py -max_total_time=60 -timeout=5 /tmp/jyscore-corpus \
        tests/data/bad tests/data/good

Every crash it finds becomes a file in tests/data/bad/ with its expected code.
"""

from __future__ import annotations

import sys

from jyscore import load_rubric
from jyscore.core.problems import JyscoreError
from jyscore.readers.sheet import SHEET_LIMITS, sheet_from_document
from jyscore.readers.yamlsource import decode, parse

RUBRIC = load_rubric()


def one_input(data: bytes) -> None:
    """The property under test: the loader either returns a sheet or raises JyscoreError."""
    if len(data) > SHEET_LIMITS.max_bytes:
        return
    try:
        text, _ = decode(data, "fuzz.yaml")
        sheet_from_document(parse(text, "fuzz.yaml", SHEET_LIMITS), RUBRIC)
    except JyscoreError as exc:
        assert exc.problems, "a JyscoreError must carry at least one problem"


def main() -> None:  # pragma: no cover - needs atheris
    import atheris

    atheris.instrument_all()  # coverage feedback from jyscore, yaml and pydantic code
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":  # pragma: no cover
    main()
