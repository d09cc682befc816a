"""The one way jyscore reads an input file: opened without blocking, checked on the open file,
read with a byte limit.

* A FIFO opened for reading would block until a writer comes (forever): it is opened with
  ``O_NONBLOCK`` and refused once its kind is seen.
* The kind is taken from ``fstat`` of the opened descriptor, not from the name, so a name that
  is swapped for something else between a check and the read changes nothing.
* Only regular files are read; a device such as ``/dev/zero`` never is.
* The size in the directory entry is never trusted: at most ``limit + 1`` bytes are read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)
_CHUNK = 1024 * 1024


class NotRegularFile(Exception):
    """The path names a FIFO, a device, a socket or a folder; ``what`` names its kind (a hint)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class TooLarge(Exception):
    """The file holds more than the limit; ``size`` is at least what was seen."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def kind_of(mode: int) -> str | None:
    """The hint naming a file's kind when it is not a regular file, else None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "not-regular-fifo"
    if stat.S_ISDIR(mode):
        return "not-regular-folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "not-regular-device"
    return "not-regular-other"


def read_limited(path: Path, limit: int) -> bytes:
    """Every byte of the regular file ``path``, or :class:`TooLarge` past ``limit`` bytes.

    Raises :class:`NotRegularFile` for anything but a regular file, OSError when it cannot be
    opened or read.
    """
    descriptor = os.open(path, _FLAGS)
    try:
        info = os.fstat(descriptor)
        what = kind_of(info.st_mode)
        if what is not None:
            raise NotRegularFile(what)
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise TooLarge(max(size, info.st_size))
        return b"".join(chunks)
    finally:
        os.close(descriptor)
