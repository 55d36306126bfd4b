"""Writing report files: all or nothing."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from compare.errors import OutputError, UsageError


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
    _refuse_special(target)
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
        if exc.filename and os.fspath(exc.filename) not in (os.fspath(target), tmp):
            reason = f"{reason} ({exc.filename})"  # a parent directory, not our temporary file
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


def _refuse_special(target: Path) -> None:
    """A directory, a device or a pipe is never replaced by a report."""
    if target.is_dir():
        raise OutputError(str(target), "is a directory")
    if target.exists() and not target.is_file():
        raise OutputError(str(target), "not a regular file (a device, a pipe or a socket)")


def check_targets(targets: Mapping[str, str | os.PathLike[str]], inputs: Sequence[str]) -> None:
    """Refuse, before anything is computed or written, output paths that must not or
    cannot be written (``targets``: option name → path, ``inputs``: the input paths):
    an empty path, two outputs on one file, an input file, a directory or a device, a
    path below a file, a directory that cannot be written.  So a run that fails
    leaves every existing output as it was, not some replaced and some not."""
    seen: dict[str, str] = {}
    input_files = [Path(given) for given in inputs if given and os.path.isfile(given)]
    for option, given in targets.items():
        text = os.fspath(given)
        if not text:
            raise UsageError(f"--{option}: empty path")
        target = Path(text)
        key = os.path.realpath(target)
        if key in seen:
            raise UsageError(f"--{seen[key]} and --{option} name the same file: {text}")
        seen[key] = option
        _refuse_special(target)
        if target.is_file() and any(_same_file(target, source) for source in input_files):
            raise UsageError(f"{text}: is an input file; writing the report there would replace it")
        ancestor = target.absolute().parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
        if not ancestor.is_dir():
            raise OutputError(text, f"{ancestor} is not a directory")
        if not os.access(ancestor, os.W_OK | os.X_OK):
            raise OutputError(text, f"permission denied ({ancestor})")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
