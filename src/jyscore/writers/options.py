from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderOptions:
    """How the output will be shown: with ANSI colour or not, and how wide the screen is."""

    color: bool = False
    width: int = 120


def short_name(name: str | None, limit: int = 24) -> str:
    """A rubric name cut to ``limit`` characters, for places where a part's long text won't fit."""
    if not name:
        return ""
    return name if len(name) <= limit else name[: limit - 1] + "…"
