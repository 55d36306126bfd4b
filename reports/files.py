"""Writing report files: all or nothing."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from compare.errors import OutputError


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new
    one, never a part: write a temporary file in the same directory, fsync it,
    then ``os.replace`` it over ``path``.  Missing parent directories are
    created.  On any failure the temporary file is removed and
    :class:`~compare.errors.OutputError` names ``path`` and the reason.
    """
    target = Path(path)
    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            os.fchmod(fd, 0o666 & ~_umask())
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.filename and os.fspath(exc.filename) != os.fspath(target):
            reason = f"{reason} ({exc.filename})"
        raise OutputError(str(path), reason) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    with contextlib.suppress(OSError):  # make the rename durable where the OS allows it
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
