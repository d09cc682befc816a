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

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from jyscore.core.problems import JyscoreError, Problem, make_problem
from jyscore.core.text import display_path, short
from jyscore.i18n.messages import Phrase, damage_phrase, os_error_phrase, phrase
from jyscore.readers.inputfile import NotRegularFile, TooLarge, read_limited

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PIECE = 64 * 1024
REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
_DECLARATIONS = (b"<!doctype", b"<!entity")


@dataclass(frozen=True)
class WorkbookLimits:
    """How large a workbook, its parts and their inflation may be before it is refused."""
    max_file_bytes: int = 20 * 1024 * 1024
    max_unpacked_bytes: int = 100 * 1024 * 1024
    max_part_bytes: int = 64 * 1024 * 1024
    max_parts: int = 2000
    max_ratio: int = 200  # uncompressed / compressed, for parts larger than ratio_floor
    ratio_floor: int = 1024 * 1024


LIMITS = WorkbookLimits()


def check_workbook_file(path: Path, limits: WorkbookLimits = LIMITS) -> bytes:
    """The workbook's bytes, read once (openpyxl parses these very bytes, not the file again);
    raise :class:`JyscoreError` unless they look like a workbook that is safe to parse."""
    data, problem = _workbook(path, limits)
    if problem is not None:
        raise JyscoreError([problem])
    assert data is not None
    return data


def workbook_problem(path: Path, limits: WorkbookLimits = LIMITS) -> Problem | None:
    return _workbook(path, limits)[1]


def _workbook(path: Path, limits: WorkbookLimits) -> tuple[bytes | None, Problem | None]:
    file = display_path(path)
    try:
        data = read_limited(path, limits.max_file_bytes)
    except TooLarge as exc:
        return None, make_problem("JY605", file, size=exc.size, limit=limits.max_file_bytes)
    except NotRegularFile as exc:
        return None, make_problem("JY030", file, what=phrase(exc.what),
                                  advice=phrase(f"{exc.what}-advice"))
    except OSError as exc:
        return None, make_problem("JY001", file, reason=os_error_phrase(exc))
    if not data:
        return None, make_problem("JY600", file)
    start = data[:4096]
    if start.startswith(OLE_MAGIC):
        return None, make_problem("JY601", file)
    if not start.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        kind = _text_kind(start)
        if kind is not None:
            return None, make_problem("JY602", file, kind=kind)
        return None, make_problem("JY603", file, start=" ".join(f"{b:02X}" for b in start[:4]))
    problem, parts = _archive_problem(data, file, limits)
    if problem is not None:
        return None, problem
    return _stored(parts), None


def _stored(parts: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    """The parts as unpacked here, in a new uncompressed zip: what openpyxl reads has the sizes
    and checksums of what was checked, whatever the original directory claimed."""
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_STORED) as archive:
        seen: set[str] = set()
        for info, content in parts:
            if info.filename in seen:
                continue
            seen.add(info.filename)
            archive.writestr(zipfile.ZipInfo(info.filename, info.date_time), content)
    return rebuilt.getvalue()


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


Parts = list[tuple[zipfile.ZipInfo, bytes]]


def _archive_problem(
    data: bytes, file: str, limits: WorkbookLimits
) -> tuple[Problem | None, Parts]:
    parts: Parts = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            problem = _directory_problem(infos, file, limits)
            if problem is not None:
                return problem, parts
            names = {info.filename for info in infos}
            for part in REQUIRED_PARTS:
                if part not in names:
                    return make_problem("JY607", file, part=part), parts
            # every part, whatever its name: a workbook's relationships may point a parser anywhere
            unpacked = 0
            for info in infos:
                problem, content = _inflate(archive, info, file, limits, unpacked)
                if problem is not None:
                    return problem, parts
                parts.append((info, content))
                unpacked += len(content)
    except zipfile.BadZipFile as exc:
        truncated = "not a zip file" in str(exc)
        reason = phrase("xlsx-truncated") if truncated else damage_phrase(exc)
        return make_problem("JY604", file, reason=reason), parts
    except (zlib.error, EOFError, NotImplementedError, ValueError, RuntimeError) as exc:
        return make_problem("JY604", file, reason=damage_phrase(exc)), parts
    except OSError as exc:
        return make_problem("JY001", file, reason=os_error_phrase(exc)), parts
    return None, parts


def _inflate(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str, limits: WorkbookLimits,
    unpacked: int,
) -> tuple[Problem | None, bytes]:
    """Unpack one part in small pieces, never trusting the sizes the zip declares: a running
    count stops it past the limits (the part's and the workbook's), and each piece is searched
    for a DTD. Python's zipfile stops at the declared size (and then finds the checksum wrong),
    so a part that lies about its size costs one piece of memory, never its real size."""
    chunks: list[bytes] = []
    size = 0
    tail = b""
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_PIECE)
            if not chunk:
                return None, b"".join(chunks)
            size += len(chunk)
            if size > limits.max_part_bytes or unpacked + size > limits.max_unpacked_bytes:
                limit = min(limits.max_part_bytes, limits.max_unpacked_bytes)
                return make_problem(
                    "JY606", file, reason=phrase("xlsx-bomb-size-over", size=unpacked + size,
                                               limit=limit),
                ), b""
            if _declares_dtd(tail + chunk):
                return make_problem("JY608", file, part=short(info.filename, 60)), b""
            chunks.append(chunk)
            tail = chunk[-32:]


def _directory_problem(
    infos: list[zipfile.ZipInfo], file: str, limits: WorkbookLimits
) -> Problem | None:
    if len(infos) > limits.max_parts:
        return make_problem(
            "JY606", file,
            reason=phrase("xlsx-bomb-count", count=len(infos), limit=limits.max_parts)
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
                    reason=phrase("xlsx-bomb-ratio", part=short(info.filename, 60), ratio=ratio,
                                limit=limits.max_ratio),
                )
    return None


def _declares_dtd(data: bytes) -> bool:
    """Whether an XML part has a document type or entity declaration (UTF-8, or UTF-16 with its
    zero bytes dropped)."""
    lowered = data.replace(b"\x00", b"").lower()
    return any(declaration in lowered for declaration in _DECLARATIONS)
