"""An input file's text: read bounded (:mod:`.inputfile`), then decoded from UTF-8 (with or without
BOM), UTF-16 with BOM or GB18030, as the office's editors save it. A file that is UTF-8 but for a
few stray bytes is reported at the first of them, never read as GB18030 by mistake.
"""

from __future__ import annotations

from pathlib import Path

from jyscore.core.problems import JyscoreError, Position, Problem, Severity, make_problem
from jyscore.core.text import display_path
from jyscore.i18n.messages import os_error_phrase, phrase
from jyscore.readers.document import Limits
from jyscore.readers.inputfile import NotRegularFile, TooLarge, read_limited


def read_text(path: Path, limits: Limits) -> tuple[str, list[Problem]]:
    """The file's text, decoded from UTF-8 (with or without BOM), UTF-16 with BOM or GB18030.

    Read through :func:`jyscore.readers.inputfile.read_limited`: only a regular file, at most
    ``limits.max_bytes`` bytes whatever its size claims.
    """
    file = display_path(path)
    try:
        raw = read_limited(path, limits.max_bytes)
    except TooLarge as exc:
        raise JyscoreError(
            [make_problem("JY010", file, size=exc.size, limit=limits.max_bytes,
                          kind=phrase(limits.kind))]
        ) from None
    except NotRegularFile as exc:
        raise JyscoreError([not_regular_problem(file, exc.what)]) from None
    except OSError as exc:
        raise JyscoreError([make_problem("JY001", file, reason=os_error_phrase(exc))]) from None
    return decode(raw, file)


def not_regular_problem(file: str, what: str) -> Problem:
    return make_problem("JY030", file, what=phrase(what), advice=phrase(f"{what}-advice"))


def decode(raw: bytes, file: str) -> tuple[str, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), []
        except UnicodeDecodeError as exc:
            raise JyscoreError([_stray_bytes(raw, exc.start + 3, file)]) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), [_legacy(file, "UTF-16")]
        except UnicodeDecodeError as exc:
            raise JyscoreError([make_problem("JY002", file, offset=exc.start)]) from None
    if b"\x00" in raw and _utf16_without_bom(raw):
        raise JyscoreError([make_problem("JY015", file)])
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as utf8_error:
        if _mostly_utf8(raw):
            raise JyscoreError([_stray_bytes(raw, utf8_error.start, file)]) from None
        try:
            return raw.decode("gb18030"), [_legacy(file, "GB18030 (GBK)")]
        except UnicodeDecodeError:
            raise JyscoreError([make_problem("JY002", file, offset=utf8_error.start)]) from None


def _mostly_utf8(raw: bytes) -> bool:
    """Whether a file that is not valid UTF-8 is UTF-8 all the same, with a few stray bytes (a
    GBK word pasted into a UTF-8 sheet): more of its non-ASCII bytes form valid UTF-8 characters
    than not. A GBK file's byte pairs almost never do."""
    text = raw.decode("utf-8", errors="surrogateescape")
    stray = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    valid = sum(len(c.encode("utf-8")) for c in text
                if c >= "\x80" and not "\udc80" <= c <= "\udcff")
    return valid > stray


def _stray_bytes(raw: bytes, offset: int, file: str) -> Problem:
    """JY019 at the line and column (in characters) of the first byte that is not UTF-8."""
    end = offset + 1
    while end < min(len(raw), offset + 8) and raw[end] >= 0x80 and not _starts_utf8(raw, end):
        end += 1
    stray = " ".join(f"{b:02X}" for b in raw[offset:end])
    return make_problem("JY019", file, _byte_position(raw, offset), offset=offset, stray=stray)


def _byte_position(raw: bytes, offset: int) -> Position:
    """The line and column (in characters, as an editor counts them) of the byte at ``offset``."""
    before = raw[:offset].decode("utf-8", errors="replace")
    line = before.count("\n") + 1
    return Position(line, len(before) - (before.rfind("\n") + 1) + 1)


def _starts_utf8(raw: bytes, index: int) -> bool:
    for length in (2, 3, 4):
        try:
            raw[index:index + length].decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False


def _utf16_without_bom(raw: bytes) -> bool:
    """Zero bytes (never in YAML text) on one side of every byte pair: UTF-16 with no BOM to
    say so. Refused rather than guessed: the byte order would be a guess."""
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    return max(even, odd) * 8 >= len(raw) and min(even, odd) * 10 <= max(even, odd)


def _legacy(file: str, encoding: str) -> Problem:
    return make_problem("JY003", file, Position(1, 1), severity=Severity.WARNING, encoding=encoding)
