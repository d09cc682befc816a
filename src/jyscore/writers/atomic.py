"""Write an output file so that a reader only ever sees the old file or the complete new one.

The bytes go to a hidden temporary file beside the target, are flushed to disk, and then replace
the target in one ``os.replace``. Whatever happens before that (an exception, Ctrl-C, SIGTERM)
removes the temporary file and leaves the old target untouched. Only SIGKILL or a power cut can
leave a ``.name.*.tmp`` file behind; jyscore skips dotfiles when it reads folders.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from jyscore.i18n.messages import os_error_phrase, phrase


class OutputError(Exception):
    """An output could not be written; ``code`` names its message (:mod:`jyscore.i18n.messages`)."""

    def __init__(self, code: str, path: Path, reason: object = "") -> None:
        super().__init__(f"{code}: {path}: {reason}")
        self.code = code
        self.path = path
        self.reason = reason


def check_writable(path: Path, overwrite: bool) -> None:
    """Refuse a target that may not be written: an existing file without ``overwrite`` (a
    filled-in sheet is never lost silently), a folder, a block device or a socket (never
    replaced). A FIFO or a character device (``/dev/stdout``, ``/dev/null``) is written in place
    (see :func:`write_atomic`), so it needs no ``--force``."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        # a link to nothing; not merely a file another run has just created (that run wins the
        # race, and this one's no-clobber link then fails with JY701)
        if os.path.islink(path) and not os.path.exists(path):
            raise OutputError("JY703", path, phrase("output-dangling-link")) from None
        if not path.parent.is_dir():
            raise OutputError(
                "JY703", path, phrase("output-no-folder", folder=path.parent)
            ) from None
        return
    except OSError as exc:
        raise OutputError("JY703", path, os_error_phrase(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError("JY703", path, phrase("output-folder"))
    if _in_place(path, info.st_mode):
        return
    if not stat.S_ISREG(info.st_mode):
        raise OutputError("JY703", path, phrase("output-special"))
    if not overwrite:
        raise OutputError("JY701", path)


def _in_place(path: Path, mode: int) -> bool:
    """Whether ``path`` is written where it is rather than replaced: a pipe, a terminal, a
    character device, or what ``/dev/stdout`` and ``/dev/fd/N`` lead to."""
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return True
    if stat.S_ISDIR(mode):
        return False
    names = [os.path.abspath(path)]
    if os.path.islink(path):  # /dev/stdout -> /proc/self/fd/1 -> wherever stdout goes
        names.append(os.path.join(os.path.dirname(names[0]), os.readlink(path)))
    return any(name.startswith(("/proc/", "/dev/")) for name in names)


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Let SIGTERM unwind like Ctrl-C while a file is being written, so clean-up runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def write_atomic(path: Path, write: Callable[[BinaryIO], None] | bytes, *, overwrite: bool) -> None:
    """Write ``write`` (bytes, or a function writing to a binary file) to ``path`` atomically.

    Without ``overwrite`` the new file is linked into place with ``os.link``, which fails if the
    name exists: of two runs writing the same new file, exactly one succeeds. A link to a regular
    file is kept and the file it leads to is replaced. A pipe or a character device is written in
    place (never replaced by a regular file).
    """
    path = Path(path)
    check_writable(path, overwrite)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0
    if mode and _in_place(path, mode):
        _write_in_place(path, write)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    with _terminate_as_interrupt():
        temporary: str | None = None
        try:
            handle, temporary = tempfile.mkstemp(
                prefix=_temporary_prefix(target), suffix=".tmp", dir=target.parent
            )
            os.chmod(temporary, _mode_for(target))
            with os.fdopen(handle, "wb") as stream:
                _write_to(stream, write)
                stream.flush()
                os.fsync(stream.fileno())
            if overwrite:
                os.replace(temporary, target)
            else:
                _link_new(temporary, target)
        except FileExistsError:
            _remove(temporary)
            raise OutputError("JY701", path) from None
        except PermissionError as exc:
            _remove(temporary)
            if temporary is None or not mode:  # no file was there: the folder refused it
                raise OutputError("JY703", path, phrase("output-folder-not-writable",
                                                        folder=target.parent)) from None
            raise OutputError("JY702", path, os_error_phrase(exc)) from None
        except OSError as exc:
            _remove(temporary)
            raise OutputError("JY703", path, os_error_phrase(exc)) from None
        except BaseException:
            _remove(temporary)
            raise


def _write_to(stream: BinaryIO, write: Callable[[BinaryIO], None] | bytes) -> None:
    if isinstance(write, bytes):
        stream.write(write)
    else:
        write(stream)


def _temporary_prefix(target: Path) -> str:
    """``.name.`` beside the target; a short one when the name leaves no room in 255 bytes."""
    return f".{target.name}." if len(os.fsencode(target.name)) <= 200 else ".jyscore."


def _link_new(temporary: str, target: Path) -> None:
    """Put the complete temporary file at ``target`` only if no file has that name: one atomic
    step (``os.link`` fails with FileExistsError). Where links are not supported, the name is
    claimed with ``O_EXCL`` first and then replaced."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:
        claim = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(claim)
        os.replace(temporary, target)
        return
    _remove(temporary)


def _write_in_place(path: Path, write: Callable[[BinaryIO], None] | bytes) -> None:
    """Write to a pipe or a device as it is: opened without creating or truncating anything,
    without blocking on a FIFO that no program reads."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | os.O_APPEND)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError("JY703", path, phrase("output-no-reader")) from None
        raise OutputError("JY703", path, os_error_phrase(exc)) from None
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "wb", closefd=False) as stream:
            _write_to(stream, write)
    except OSError as exc:
        raise OutputError("JY703", path, os_error_phrase(exc)) from None
    finally:
        os.close(descriptor)


def write_text_atomic(path: Path, text: str, *, overwrite: bool, bom: bool = False) -> None:
    data = text.encode("utf-8-sig" if bom else "utf-8")
    write_atomic(path, data, overwrite=overwrite)


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what a newly created file would get (mkstemp: 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove(temporary: str | None) -> None:
    if temporary is None:
        return
    with suppress(FileNotFoundError):
        os.unlink(temporary)
