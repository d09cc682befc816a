"""The English texts are kept in tables by area (``jyscore.i18n.codes_*`` and ``hints_*``) and
read through one module, :mod:`jyscore.i18n.messages`, which gathers them."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import jyscore.i18n
from jyscore.i18n.messages import HINTS, MESSAGES

PACKAGE = Path(jyscore.i18n.__file__).parent.parent  # src/jyscore
TABLES = sorted(
    module.name for module in pkgutil.iter_modules(jyscore.i18n.__path__)
    if module.name.startswith(("codes_", "hints_"))
)


def _table(name: str) -> dict[str, object]:
    module = importlib.import_module(f"jyscore.i18n.{name}")
    table: dict[str, object] = getattr(module, "MESSAGES", None) or module.HINTS
    return table


def test_every_table_is_gathered_and_no_key_is_in_two_tables():
    codes = [key for name in TABLES if name.startswith("codes_") for key in _table(name)]
    hints = [key for name in TABLES if name.startswith("hints_") for key in _table(name)]
    assert sorted(codes) == sorted(MESSAGES)  # a code twice would be listed twice here
    assert sorted(hints) == sorted(HINTS)


def test_only_messages_reads_the_tables():
    readers = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            if any(n.startswith(f"jyscore.i18n.{t}") for n in names for t in TABLES):
                readers.add(path.relative_to(PACKAGE).as_posix())
    assert readers == {"i18n/messages.py"}


def test_the_problem_codes_are_read_only_when_a_problem_is():
    probe = (
        "import sys\n"
        "from jyscore.i18n.messages import hint, render_message\n"
        "hint('yes')\n"
        "before = sorted(m for m in sys.modules if m.startswith('jyscore.i18n.codes'))\n"
        "render_message('JY001', {'reason': 'x'})\n"
        "after = sorted(m for m in sys.modules if m.startswith('jyscore.i18n.codes'))\n"
        "print(before, bool(after))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "[] True"
