"""Files in, checked data out: rubrics, score sheets and the folders that hold them."""

from __future__ import annotations

from .rubric import DEFAULT_RUBRIC, load_rubric
from .sheet import load_sheet

__all__ = ["DEFAULT_RUBRIC", "load_rubric", "load_sheet"]
