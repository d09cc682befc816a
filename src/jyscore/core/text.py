"""Rules for text that comes from outside: what may be written, printed, and compared.

* :func:`first_unwritable` — one rule for every string that may reach a written file (a workbook
  is XML 1.0, a CSV goes to Excel): C0 controls except tab, LF and CR, DEL, C1 controls, the
  non-characters U+FFFE/U+FFFF, lone surrogates, and the line separators U+2028/U+2029 (which
  YAML counts as line breaks, so that positions would be off) are refused where they are read.
  Text longer than an Excel cell holds is refused there too.
* :func:`xml_safe` — the writers' last line of defence: what the input rule missed never makes a
  file invalid.
* :func:`printable` — what is printed to a terminal or written to a CSV: control characters
  (ESC above all) are shown escaped, never sent.
* :func:`display_path` — a file name as text that can be printed and encoded in UTF-8 (a name
  that is not UTF-8 shows its stray bytes as ``\\xNN``).
* :func:`identity` — a college's name as compared for "the same college twice": NFKC, format
  characters (zero-width space, BOM) and other default-ignorables dropped, whitespace dropped.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache
from pathlib import Path

# Excel's limit for one cell, in UTF-16 code units; a longer text cannot round-trip through the
# form.
MAX_TEXT_CHARS = 32_767


def cell_length(text: str) -> int:
    """The length of ``text`` as Excel counts it against its cell limit: UTF-16 code units, so
    a character beyond U+FFFF (an emoji, a rare CJK ideograph) counts twice."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2

_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]"
)
_XML_ILLEGAL = "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]"
# printed: every control character (including tab and line breaks inside one value) and the
# bidirectional overrides that reorder what a terminal shows
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]"
)
_UNPRINTABLE_LINES = (
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff"
    "\ud800-\udfff]"
)
_SPACES = re.compile(r"\s+")
# default-ignorable characters outside the format category (Cf): shown as nothing, or as blank
# filler (the combining grapheme joiner, Hangul fillers, variation selectors, Mongolian free
# variation selectors and vowel separator)
_IGNORABLE = (
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0"
    "\U000e0100-\U000e01ef]"
)


@cache
def _regex(expression: str) -> re.Pattern[str]:
    """A pattern compiled when first used: such a character class takes ~0.5 ms to compile, which
    every command's start-up would pay (the two that reading any sheet needs are compiled above)."""
    return re.compile(expression)


def first_unwritable(text: str) -> int | None:
    """The index of the first character that no written file may hold, or None."""
    match = _UNWRITABLE.search(text)
    return match.start() if match else None


def blank_unwritable(text: str) -> str:
    """``text`` with every character no written file may hold replaced by a space: to read on
    past them once they are reported."""
    return _UNWRITABLE.sub(" ", text)


def char_name(char: str) -> str:
    """``U+0007`` for a character, as messages show it."""
    return f"U+{ord(char):04X}"


def escape_char(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def xml_safe(text: str) -> str:
    """``text`` with what XML 1.0 cannot hold shown escaped (``\\x01``)."""
    return _regex(_XML_ILLEGAL).sub(lambda m: escape_char(m.group()), text)


def printable(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with control characters shown escaped; ``keep_lines`` keeps tab, LF and CR."""
    pattern = _regex(_UNPRINTABLE_LINES) if keep_lines else _UNPRINTABLE
    return pattern.sub(lambda m: escape_char(m.group()), text)


def short(text: str, limit: int = 20) -> str:
    """At most ``limit`` characters of ``text``, escaped: what a message may quote of a file."""
    return printable(text if len(text) <= limit else text[: limit - 1] + "…")


def excerpt(text: str, limit: int = 20) -> str:
    """A short, escaped quotation of a value for a message (see :func:`short`)."""
    return repr(short(text, limit))


def display_path(path: str | Path | os.PathLike[str]) -> str:
    """A file name that can be printed and encoded: stray bytes and controls escaped."""
    return printable(os.fsdecode(path))


def identity(name: str) -> str:
    """A college's name as compared for duplicates: compatibility forms folded (NFKC), format
    and other default-ignorable characters (zero-width space, BOM, variation selectors, Hangul
    fillers, …) dropped, and every whitespace dropped: assessors read 文 学院 as 文学院, and
    a space typed into a Chinese name is never meant."""
    ignorable = _regex(_IGNORABLE)
    normal = unicodedata.normalize("NFKC", ignorable.sub("", name))
    visible = "".join(c for c in normal if unicodedata.category(c) != "Cf")
    return _SPACES.sub("", ignorable.sub("", visible))


def reveal(name: str) -> str:
    """A name with its invisible and compatibility characters escaped, to show how two names
    that look the same differ."""
    return "".join(
        escape_char(c) if unicodedata.category(c) in ("Cf", "Cc", "Zs") and c != " "
        or _regex(_IGNORABLE).match(c) or unicodedata.normalize("NFKC", c) != c else c
        for c in name
    )


_YES_NO = frozenset(["y", "yes", "n", "no", "true", "false", "on", "off"])


def is_person_name(name: str) -> bool:
    """Whether ``name`` can name a person (an assessor): one line, holding at least one letter
    once invisible characters are dropped, and not a yes/no word. A number, a date, only spaces
    or only invisible characters is a slip, not a name."""
    if any(c in name for c in "\n\r\v\f\x85\u2028\u2029"):
        return False
    visible = identity(name)
    if visible.lower() in _YES_NO:
        return False
    return any(unicodedata.category(c).startswith("L") for c in visible)
