"""jyscore: score colleges against an assessment rubric, exactly.

The library API::

    from jyscore import load_rubric, load_sheet, score
    rubric = load_rubric()                      # the built-in rubric, or load_rubric("my.yaml")
    result = score(rubric, load_sheet("examples/2024/文学院.yaml", rubric))
    result.totals["assessed"].total             # Decimal('98.0')

Loading raises :class:`JyscoreError` carrying every :class:`Problem` of the file; its messages
are in the language set with ``set_language("zh")`` (or ``"en"``), else the environment's.

The names are imported on first use (PEP 562), so that ``import jyscore.cli`` or
``from jyscore import __version__`` does not pay for pydantic, the loader and the engine:
``jyscore score`` and ``jyscore --version`` import only what they need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from jyscore.core.version import __version__

# public name -> the module that defines it
_EXPORTS = {
    "JyscoreError": "jyscore.core.problems",
    "Problem": "jyscore.core.problems",
    "Result": "jyscore.core.engine",
    "Rubric": "jyscore.core.models",
    "Sheet": "jyscore.core.models",
    "load_rubric": "jyscore.readers.rubric",
    "score": "jyscore.core.engine",
    "set_language": "jyscore.i18n.catalogue",
}

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from os import PathLike

    from jyscore.core.engine import Result, score
    from jyscore.core.models import Rubric, Sheet
    from jyscore.core.problems import JyscoreError, Problem
    from jyscore.i18n.catalogue import set_language
    from jyscore.readers.defaults import SheetDefaults
    from jyscore.readers.rubric import load_rubric


def load_sheet(
    path: str | PathLike[str], rubric: Rubric, *, defaults: SheetDefaults | None = None
) -> Sheet:
    """Read one college's score sheet, YAML or a filled-in form (``.xlsx``), by its suffix, and
    check it against ``rubric``; raise :class:`JyscoreError` with every problem of the file.

    ``defaults`` supplies inputs the sheet may leave out (the targets of ``rank --targets``).
    """
    from pathlib import Path

    from jyscore.readers.files import read_sheet

    return read_sheet(Path(path), rubric, defaults)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jyscore' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # the next lookup is an ordinary module attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = [
    "JyscoreError",
    "Problem",
    "Result",
    "Rubric",
    "Sheet",
    "__version__",
    "load_rubric",
    "load_sheet",
    "score",
    "set_language",
]
