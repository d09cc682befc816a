"""Write an output file so that a reader only ever sees the old file or the complete new one.

The bytes go to a hidden temporary file beside the target, are flushed to disk, and then replace
the target in one ``os.replace``. Whatever happens before that (an exception, Ctrl-C, SIGTERM)
removes the temporary file and leaves the old target untouched. Only SIGKILL or a power cut can
leave a ``.name.*.tmp`` file behind; jyscore skips dotfiles when it reads folders.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from .messages import os_error_phrase, phrase


class OutputError(Exception):
    """An output could not be written; ``code`` names the message in :mod:`jyscore.messages`."""

    def __init__(self, code: str, path: Path, reason: object = "") -> None:
        super().__init__(f"{code}: {path}: {reason}")
        self.code = code
        self.path = path
        self.reason = reason


def check_writable(path: Path, overwrite: bool) -> None:
    """Refuse an existing target without ``overwrite``: a filled-in sheet is never lost silently."""
    if path.exists() and not overwrite:
        raise OutputError("JY701", path)
    if path.is_dir():
        raise OutputError("JY703", path, phrase("output-is-folder"))
    if not path.parent.is_dir():
        raise OutputError("JY703", path, phrase("output-no-folder", folder=path.parent))


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
    """Write ``write`` (bytes, or a function writing to a binary file) to ``path`` atomically."""
    path = Path(path)
    check_writable(path, overwrite)
    with _terminate_as_interrupt():
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            os.chmod(temporary, _mode_for(path))
            with os.fdopen(handle, "wb") as stream:
                if isinstance(write, bytes):
                    stream.write(write)
                else:
                    write(stream)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except PermissionError as exc:
            _remove(temporary)
            raise OutputError("JY702", path, os_error_phrase(exc)) from None
        except OSError as exc:
            _remove(temporary)
            raise OutputError("JY703", path, os_error_phrase(exc)) from None
        except BaseException:
            _remove(temporary)
            raise


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


def _remove(temporary: str) -> None:
    try:
        os.unlink(temporary)
    except FileNotFoundError:
        pass
