"""Is this untrusted file a sane .xlsx? Checked from its bytes and zip directory, before any XML
is parsed and before openpyxl is even imported. No openpyxl here.

Each way a file can fail gets its own problem code: an empty file (JY600), an old .xls or a
password-protected workbook (both OLE compound files, JY601), text such as a CSV renamed to
.xlsx (JY602), anything else that is not a zip (JY603), a truncated or damaged zip (JY604), a
file too large (JY605), an archive that would unpack to far more than a form (a zip bomb: total
size, compression ratio or number of parts, from the zip directory, JY606), a zip that is not a
workbook (JY607), and XML parts that declare a DTD or entities (JY608).

openpyxl parses XML through defusedxml (a dependency of jyscore); the DTD check here does not
depend on that, so no part with a DTD reaches any parser.

Python's zipfile never inflates a part beyond the size its directory entry declares, so checking
the declared sizes bounds what is unpacked later.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..messages import Phrase, hint, os_error_phrase, phrase
from ..problems import JyscoreError, Problem, make_problem

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
_DECLARATIONS = (b"<!doctype", b"<!entity")


@dataclass(frozen=True)
class WorkbookLimits:
    max_file_bytes: int = 20 * 1024 * 1024
    max_unpacked_bytes: int = 100 * 1024 * 1024
    max_parts: int = 2000
    max_ratio: int = 200  # uncompressed / compressed, for parts larger than ratio_floor
    ratio_floor: int = 1024 * 1024


LIMITS = WorkbookLimits()


def check_workbook_file(path: Path, limits: WorkbookLimits = LIMITS) -> None:
    """Raise :class:`JyscoreError` unless ``path`` looks like a workbook that is safe to parse."""
    problem = workbook_problem(path, limits)
    if problem is not None:
        raise JyscoreError([problem])


def workbook_problem(path: Path, limits: WorkbookLimits = LIMITS) -> Problem | None:
    file = str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            return make_problem("JY605", file, size=size, limit=limits.max_file_bytes)
        if size == 0:
            return make_problem("JY600", file)
        with path.open("rb") as stream:
            start = stream.read(4096)
    except OSError as exc:
        return make_problem("JY001", file, reason=os_error_phrase(exc))
    if start.startswith(OLE_MAGIC):
        return make_problem("JY601", file)
    if not start.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        kind = _text_kind(start)
        if kind is not None:
            return make_problem("JY602", file, kind=kind)
        return make_problem("JY603", file, start=" ".join(f"{b:02X}" for b in start[:4]))
    return _archive_problem(path, file, limits)


def _text_kind(start: bytes) -> Phrase | None:
    """What text the file holds, if it is text: a CSV (or other text), or markup."""
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    elif b"\x00" in start:
        return None
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = start.decode(encoding)
        except UnicodeDecodeError:
            # the first 4096 bytes may end inside a character
            try:
                text = start[:-4].decode(encoding)
            except UnicodeDecodeError:
                continue
        if not text or sum(not (c.isprintable() or c in "\r\n\t") for c in text) > len(text) // 100:
            continue
        return phrase("xlsx-markup") if text.lstrip().startswith("<") else phrase("xlsx-csv")
    return None


def _archive_problem(path: Path, file: str, limits: WorkbookLimits) -> Problem | None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            problem = _directory_problem(infos, file, limits)
            if problem is not None:
                return problem
            names = {info.filename for info in infos}
            for part in REQUIRED_PARTS:
                if part not in names:
                    return make_problem("JY607", file, part=part)
            # every part, whatever its name: a workbook's relationships may point a parser anywhere
            for info in infos:
                if _declares_dtd(archive.read(info)):
                    return make_problem("JY608", file, part=info.filename)
    except zipfile.BadZipFile as exc:
        truncated = "not a zip file" in str(exc)
        reason = phrase("xlsx-truncated") if truncated else phrase("xlsx-error", error="BadZipFile")
        return make_problem("JY604", file, reason=reason)
    except (zlib.error, EOFError, NotImplementedError, ValueError, RuntimeError) as exc:
        return make_problem("JY604", file, reason=phrase("xlsx-error", error=type(exc).__name__))
    except OSError as exc:
        return make_problem("JY001", file, reason=os_error_phrase(exc))
    return None


def _directory_problem(
    infos: list[zipfile.ZipInfo], file: str, limits: WorkbookLimits
) -> Problem | None:
    if len(infos) > limits.max_parts:
        return make_problem(
            "JY606", file, reason=phrase("xlsx-bomb-count", count=len(infos), limit=limits.max_parts)
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_unpacked_bytes:
        return make_problem(
            "JY606", file,
            reason=phrase("xlsx-bomb-size", size=total, limit=limits.max_unpacked_bytes),
        )
    for info in infos:
        if info.file_size > limits.ratio_floor:
            ratio = info.file_size // max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                return make_problem(
                    "JY606", file,
                    reason=phrase("xlsx-bomb-ratio", part=info.filename, ratio=ratio,
                                limit=limits.max_ratio),
                )
    return None


def _declares_dtd(data: bytes) -> bool:
    """Whether an XML part has a document type or entity declaration (UTF-8, or UTF-16 with its
    zero bytes dropped)."""
    lowered = data.replace(b"\x00", b"").lower()
    return any(declaration in lowered for declaration in _DECLARATIONS)
