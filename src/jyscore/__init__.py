"""jyscore: score colleges against an assessment rubric, exactly.

The library API::

    from jyscore import load_rubric, load_sheet, score
    rubric = load_rubric()                      # the built-in rubric, or load_rubric("my.yaml")
    result = score(rubric, load_sheet("examples/2024/文学院.yaml", rubric))
    result.totals["assessed"].total             # Decimal('94.5')

Loading raises :class:`JyscoreError` carrying every :class:`Problem` of the file.
"""

from __future__ import annotations

from .engine import Result, score
from .loading import load_rubric, load_sheet
from .models import Rubric, Sheet
from .problems import JyscoreError, Problem

__version__ = "0.1.0"

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
