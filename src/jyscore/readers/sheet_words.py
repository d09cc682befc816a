"""How a sheet's problems speak of what they found: a value as a message shows it, the choice a
mistyped word most likely meant, and why a text did not read as a number.

Shared by the checks of a sheet (:mod:`.sheet` and the modules it uses), of its totals
(:mod:`.sheet_totals`), of a targets file and of a rubric's totals.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from jyscore.core.numbers import looks_boolean
from jyscore.core.text import excerpt
from jyscore.i18n.messages import Phrase, hint, phrase


def describe(value: Any) -> str | Phrase:
    """A value as a message shows it: the text typed (quoted), or what kind of value it is."""
    if value is None:
        return phrase("value-empty")
    if isinstance(value, list):
        return phrase("value-list")
    if isinstance(value, dict):
        return phrase("value-mapping")
    # a short, escaped excerpt: a message never quotes more of a file than its offending token
    return excerpt(value) if isinstance(value, str) else repr(value)


def suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    """'; did you mean …?' for the nearest choice, or '' when nothing is near."""
    normal = unicodedata.normalize("NFKC", word).strip()
    for char in "，,。、":
        normal = normal.replace(char, ".")
    if normal != word and normal in choices:
        return hint("suggest", suggestion=normal)
    import difflib  # only when a word is wrong: start-up stays light

    close = difflib.get_close_matches(normal, choices, n=1, cutoff=0.6)
    return hint("suggest", suggestion=close[0]) if close else ""


def number_hint(text: str) -> str:
    """Why a text that is not a number may have been meant as one (true, ４.５, 1,000), or ''."""
    if looks_boolean(text):
        return hint("boolean")
    if unicodedata.normalize("NFKC", text) != text:
        return hint("full-width")
    if "," in text or "，" in text:
        return hint("comma")
    return ""
