"""The validated built-in rubric, kept between runs.

Every command loads the built-in rubric, and validating it (importing pydantic and building its
validators) costs more than the rest of ``jyscore score``. So the validated :class:`Rubric` is
pickled in the user's cache folder with its *stamp*: the rubric file's bytes, jyscore's version
and the model code (the size and time of ``core/models.py``, ``core/fields.py`` and
``core/rules/*.py``). A pickle is used only when its stamp equals the run's, byte for byte, so a
changed rubric or a changed class never reads an old one; the file's name is only a checksum of
the stamp (no cryptographic hash: hashlib's import alone would cost ``score`` 2.5 ms). A missing,
stale, foreign or broken cache file is validated again; a cache that cannot be written only makes
the next run slower.
"""

from __future__ import annotations

import os
import pickle
import stat
import zlib
from contextlib import suppress
from pathlib import Path

from jyscore.core.models import Rubric
from jyscore.core.version import __version__


def cache_dir() -> Path | None:
    """Where the validated built-in rubric is kept: ``$JYSCORE_CACHE_DIR``, else the user's
    cache folder; None when there is no home to put it in."""
    explicit = os.environ.get("JYSCORE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.path.join(os.path.expanduser("~"), ".cache") if os.path.expanduser("~") != "~"
        else None)
    return Path(base) / "jyscore" if base else None


def cache_stamp(raw: bytes) -> bytes | None:
    """What a cached rubric must have been built from: the rubric file's bytes, jyscore's version
    and the model code's sizes and times; None when the code cannot be looked at."""
    code = Path(__file__).resolve().parent.parent / "core"
    parts = [__version__]
    for source in (code / "models.py", code / "fields.py", *sorted((code / "rules").glob("*.py"))):
        try:  # the model code: a changed class must not be read from an old pickle
            info = source.stat()
        except OSError:
            return None
        parts.append(f"{source.name}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(parts).encode() + b"\n" + raw


def cache_file(stamp: bytes) -> Path | None:
    folder = cache_dir()
    return folder / f"rubric-{zlib.crc32(stamp):08x}-{len(stamp)}.pickle" if folder else None


def read_cache(path: Path, stamp: bytes) -> Rubric | None:
    """The rubric cached in ``path`` if it was built from ``stamp``, else None."""
    try:
        with open(path, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid")
                                                   and info.st_uid != os.getuid()):
                return None
            cached_stamp, rubric = pickle.load(file)  # noqa: S301 - our own, in the user's cache
    except Exception:  # noqa: BLE001 - a missing or stale cache is validated again
        return None
    return rubric if cached_stamp == stamp and isinstance(rubric, Rubric) else None


def write_cache(path: Path, stamp: bytes, rubric: Rubric) -> None:
    import tempfile  # only when the cache is (re)written: once per install or upgrade

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".rubric-", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            pickle.dump((stamp, rubric), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower
        with suppress(OSError, UnboundLocalError):
            os.unlink(temp)
