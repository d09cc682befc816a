"""The rich console every terminal table is drawn on: into a string, at a given width, colour
only when asked, and nothing of the data read as markup, emoji codes or highlighted."""

from __future__ import annotations

import io
from typing import Literal

from rich.console import Console


def text_console(
    width: int, color: bool, color_system: Literal["auto", "standard"] = "auto"
) -> tuple[Console, io.StringIO]:
    """A console drawing into the returned buffer. ``markup=False``: names are data, a "[b]" in
    a college's name is text (and parsing markup is slow)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system=color_system if color else None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    return console, buffer
