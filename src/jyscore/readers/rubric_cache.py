"""The validated built-in rubric, kept between runs.

Every command loads the built-in rubric, and validating it (importing pydantic and building its
validators) costs more than the rest of ``jyscore score``. So the validated :class:`Rubric` is
pickled in the user's cache folder, keyed by the rubric file's bytes, jyscore's version and the
model code (the size and time of ``core/models.py``, ``core/fields.py`` and ``core/rules/*.py``): a
changed rubric or a changed class never reads an old pickle. A missing, stale, foreign or broken
cache file is validated again; a cache that cannot be written only makes the next run slower.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
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


def cache_file(raw: bytes) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(raw)
    digest.update(__version__.encode())
    code = Path(__file__).resolve().parent.parent / "core"
    for source in (code / "models.py", code / "fields.py", *sorted((code / "rules").glob("*.py"))):
        try:  # the model code: a changed class must not be read from an old pickle
            stat = source.stat()
        except OSError:
            return None
        digest.update(f"{source.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return folder / f"rubric-{digest.hexdigest()[:32]}.pickle"


def read_cache(path: Path) -> Rubric | None:
    try:
        with open(path, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid")
                                                   and info.st_uid != os.getuid()):
                return None
            rubric = pickle.load(file)  # noqa: S301 - our own file, in the user's own cache
    except Exception:  # noqa: BLE001 - a missing or stale cache is validated again
        return None
    return rubric if isinstance(rubric, Rubric) else None


def write_cache(path: Path, rubric: Rubric) -> None:
    import tempfile  # only when the cache is (re)written: once per install or upgrade

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".rubric-", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            pickle.dump(rubric, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower
        with suppress(OSError, UnboundLocalError):
            os.unlink(temp)
