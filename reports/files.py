"""Writing report files: all or nothing.

:func:`atomic_write` replaces one file atomically.  :class:`OutputSet` does it for
every file of a run: each is first written in full to a temporary file beside its
target, and only when all are written are they renamed over their targets.  A
failure before that (a full disk, a renderer that raises) removes the temporary
files and replaces nothing.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

from compare.errors import OutputError, UsageError


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(exc: OSError, target: Path, tmp: str | None) -> str:
    """The OS's reason in lower case ("no space left on device"), naming a parent directory
    when that, not the target or our temporary file, is what failed."""
    reason = (exc.strerror or str(exc)).lower()
    if exc.filename and os.fspath(exc.filename) not in (os.fspath(target), tmp):
        reason = f"{reason} ({exc.filename})"
    return reason


def _write_temporary(target: Path, data: bytes) -> str:
    """``data`` in a new temporary file beside ``target``, flushed to disk; its path."""
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
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise OutputError(str(target), _reason(exc, target, tmp)) from exc
    return tmp


def _sync_directories(folders: Iterable[Path]) -> None:
    """Make the renames durable where the OS allows it."""
    for folder in folders:
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new
    one, never a part: write a temporary file in the same directory, fsync it,
    then ``os.replace`` it over ``path``.  Missing parent directories are
    created.  On any failure the temporary file is removed and
    :class:`~compare.errors.OutputError` names ``path`` and the reason.
    """
    with OutputSet() as outputs:
        outputs.add(path, data)


class OutputSet:
    """The files of one run, replaced together or not at all::

        with OutputSet() as outputs:
            outputs.add("r.html", html)      # written to a temporary file beside r.html
            outputs.add("r.json", json)
        # all renamed over their targets here; after an exception, none is

    :meth:`add` raises :class:`~compare.errors.OutputError` (naming the file and the
    reason, e.g. "no space left on device") when a temporary file cannot be written;
    every temporary file is then removed when the ``with`` block ends.  The renames at
    the end only change directory entries on the targets' own file systems; the set
    fails before them, not between them.  Adding one path twice keeps the later data.
    """

    def __init__(self) -> None:
        self._staged: dict[Path, str] = {}  # target -> its temporary file

    def __enter__(self) -> OutputSet:
        return self

    def add(self, path: str | os.PathLike[str], data: bytes) -> None:
        """Write ``data`` for ``path`` to a temporary file beside it."""
        target = Path(path)
        tmp = _write_temporary(target, data)
        old = self._staged.pop(target, None)
        if old is not None:
            with contextlib.suppress(OSError):
                os.unlink(old)
        self._staged[target] = tmp

    def __len__(self) -> int:
        return len(self._staged)

    def discard(self) -> None:
        """Remove every temporary file; no target is touched."""
        staged, self._staged = self._staged, {}
        for tmp in staged.values():
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def commit(self) -> None:
        """Rename every temporary file over its target."""
        staged = list(self._staged.items())
        try:
            for target, _tmp in staged:
                _refuse_special(target)  # nothing turned into a directory since add()
            for n, (target, tmp) in enumerate(staged):
                try:
                    os.replace(tmp, target)
                except OSError as exc:
                    self._staged = dict(staged[n:])
                    raise OutputError(str(target), _reason(exc, target, tmp)) from exc
        except BaseException:
            self.discard()
            raise
        self._staged = {}
        _sync_directories({target.parent for target, _tmp in staged})

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _refuse_special(target: Path) -> None:
    """A directory, a device or a pipe is never replaced by a report."""
    if target.is_dir():
        raise OutputError(str(target), "is a directory")
    if target.exists() and not target.is_file():
        raise OutputError(str(target), "not a regular file (a device, a pipe or a socket)")


def input_files(inputs: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Every file the inputs name or hold: a file as given, and every regular file
    directly inside a folder (hidden ones too: no output may replace any of them)."""
    found: list[Path] = []
    for given in inputs:
        text = os.fspath(given)
        if not text:
            continue
        path = Path(text)
        try:
            if path.is_dir():
                with os.scandir(path) as entries:
                    found.extend(Path(entry.path) for entry in entries if entry.is_file())
            elif path.exists():
                found.append(path)
        except OSError:
            continue  # reading the inputs will say what is wrong
    return found


def check_targets(targets: Mapping[str, str | os.PathLike[str]], inputs: Sequence[str | os.PathLike[str]]) -> None:
    """Refuse, before anything is computed or written, output paths that must not or
    cannot be written (``targets``: option name → path, ``inputs``: the input paths,
    files or folders): an empty path, two outputs on one file, an input file or a file
    in an input folder (unless it is a report of an earlier run), a directory or a
    device, a path below a file, a directory that cannot be written.  So a run that
    fails leaves every existing output as it was, not some replaced and some not."""
    from compare.load import is_own_report

    seen: dict[str, str] = {}
    given_files = [Path(p) for p in (os.fspath(i) for i in inputs) if p and os.path.isfile(p)]
    folder_files = input_files([p for p in (os.fspath(i) for i in inputs) if p and os.path.isdir(p)])
    for option, given in targets.items():
        text = os.fspath(given)
        if not text:
            raise UsageError(f"--{option}: empty path")
        if text.endswith(("/", os.sep)):  # Path() drops the slash: `--html out/` wrote a file named out
            raise UsageError(f"{text}: names a directory (it ends with /); give a file, e.g. {text}report.{option.split()[-1]}")
        target = Path(text)
        key = os.path.realpath(target)
        if key in seen:
            raise UsageError(f"--{seen[key]} and --{option} name the same file: {text}")
        seen[key] = option
        _refuse_special(target)
        if target.is_file():
            if any(_same_file(target, source) for source in given_files):
                raise UsageError(f"{text}: is an input file; writing the report there would replace it")
            if any(_same_file(target, source) for source in folder_files) and not is_own_report(target):
                raise UsageError(f"{text}: is a file in an input folder; writing the report there would replace it")
        _check_ancestor(text, target.absolute().parent)


def _check_ancestor(text: str, folder: Path) -> None:
    """Refuse ``text`` when ``folder`` (its folder), or the nearest of its parents that exists,
    is no directory or cannot be written: the folders a run makes could not be made."""
    ancestor = folder
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OutputError(text, f"{ancestor} is not a directory")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise OutputError(text, f"permission denied ({ancestor})")


def check_folder(folder: str | os.PathLike[str]) -> None:
    """Refuse, before any work, a folder a run will write into (``batch --out d``'s ``d/stories``)
    when it cannot be made or written, without making it: a run stopped by bad input then leaves
    no empty folder behind.  :meth:`OutputSet.add` makes the folders when the files are written."""
    path = Path(folder)
    if (path.exists() or path.is_symlink()) and not path.is_dir():  # mkdir said "file exists", naming the parent
        kind = "a file" if path.is_file() else "a symbolic link to nothing" if not path.exists() else "a device, a pipe or a socket"
        raise OutputError(os.fspath(folder), f"is {kind}, not a folder; the reports go into a folder of that name")
    _check_ancestor(os.fspath(folder), path.absolute())


def check_out_folder(
    out: str | os.PathLike[str], inputs: Sequence[str | os.PathLike[str]], subfolders: Sequence[str] = ("stories",)
) -> None:
    """Refuse an output folder that holds inputs: one given as an input folder, or one with
    an input file directly in it or in one of the ``subfolders`` the run writes into (its
    reports would replace or mix with them).  A folder that does not exist yet holds nothing."""
    folder = Path(out)
    if not folder.exists():
        return
    written = {os.path.realpath(folder / name) for name in ("", *subfolders)}
    for given in (os.fspath(i) for i in inputs):
        if given and os.path.isdir(given) and os.path.realpath(given) in written:
            raise UsageError(f"--out {os.fspath(out)}: is an input folder; use a new folder for the reports")
    for source in input_files(inputs):
        if os.path.dirname(os.path.realpath(source)) in written:
            raise UsageError(f"--out {os.fspath(out)}: holds the input {source}; use a new folder for the reports")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
