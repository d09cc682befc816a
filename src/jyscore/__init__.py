"""jyscore: score colleges against an assessment rubric, exactly.

The library API::

    from jyscore import load_rubric, load_sheet, score
    rubric = load_rubric()                      # the built-in rubric, or load_rubric("my.yaml")
    result = score(rubric, load_sheet("examples/2024/文学院.yaml", rubric))
    result.totals["assessed"].total             # Decimal('94.5')

Loading raises :class:`JyscoreError` carrying every :class:`Problem` of the file.

The names are imported on first use (PEP 562), so that ``import jyscore.cli`` or
``from jyscore import __version__`` does not pay for pydantic, the loader and the engine:
``jyscore score`` and ``jyscore --version`` import only what they need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "JyscoreError": ".problems",
    "Problem": ".problems",
    "Result": ".engine",
    "Rubric": ".models",
    "Sheet": ".models",
    "load_rubric": ".loading",
    "load_sheet": ".loading",
    "score": ".engine",
}

if TYPE_CHECKING:  # what the lazy names are, for type checkers and editors
    from .engine import Result, score
    from .loading import load_rubric, load_sheet
    from .models import Rubric, Sheet
    from .problems import JyscoreError, Problem


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jyscore' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
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
]
