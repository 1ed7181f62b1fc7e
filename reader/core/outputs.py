"""Writing outputs without ever touching an input.

Paths are not enough to tell two files apart: a hard link, a symlink or ``..`` names the same
file under another spelling. Outputs are compared with the inputs by identity (device and
inode), and written to a temporary file in the same folder that is then renamed over the
target, so a failed write leaves the old file (or nothing) rather than a half-written one.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

PathLike = str | os.PathLike[str]


def same_file(first: PathLike, second: PathLike) -> bool:
    """Whether both names lead to one existing file (links followed)."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):  # a missing file, or a name no file system accepts
        return False


def output_conflict(output: PathLike, inputs: Iterable[PathLike | None]) -> str | None:
    """Why ``output`` may not be written (it is an input, or a folder); None when it may."""
    if any(source is not None and same_file(output, source) for source in inputs):
        return "is one of the inputs; refusing to overwrite it"
    if os.path.isdir(output):
        return "is a folder, not a file to write"
    return None


def write_output(target: PathLike, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``target`` by a temporary file renamed over it.

    A target that exists and is not a regular file (``/dev/null``, a FIFO, a terminal) is
    written in place: renaming over it would replace the device node itself.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(target, "wb") as handle:
            handle.write(payload)
        return
    folder = os.path.dirname(os.path.abspath(target))
    handle_fd, temporary = tempfile.mkstemp(dir=folder, prefix=".tandem-", suffix=".part")
    try:
        with os.fdopen(handle_fd, "wb") as handle:
            handle.write(payload)
        # mkstemp makes the file private; give it what a plain open() would have given.
        os.chmod(temporary, stat.S_IMODE(existing.st_mode) if existing else _default_mode())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once at import: os.umask is process-wide and not thread-safe


def _default_mode() -> int:
    return 0o666 & ~_UMASK
