"""Read an input file safely and write an output file without losing one: the CLI's file handling.

Only regular files are read (a named pipe would block for ever, /dev/zero never ends), at most a byte limit of
them (domain.limits), and an output is never the input itself (`-o` naming the input PDF used to overwrite it).
Outputs are written to a temporary file beside them and renamed, so a failed write leaves the old file whole.
Standard library only.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from packstation.domain.limits import LimitError

# Opening a FIFO for reading blocks until a writer comes; non-blocking, it returns at once and fstat tells.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class InputError(LimitError):
    """An input or output file the app refuses; the message is one line naming the file and why."""


def read_input(path: Path, max_bytes: int, what: str = "file") -> bytes:
    """Return the bytes of a regular file of at most max_bytes; raise InputError (one line) otherwise."""
    try:
        before = os.stat(path)  # stat never blocks, not even on a FIFO
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    _must_be_regular(path, before.st_mode)
    if before.st_size > max_bytes:
        raise InputError(f"{path} is {_size(before.st_size)}, more than the {_size(max_bytes)} a {what} may be")
    data = _read_regular(path, max_bytes + 1)  # one more than allowed: a file that grew is still caught
    if len(data) > max_bytes:
        raise InputError(f"{path} is more than the {_size(max_bytes)} a {what} may be")
    return data


def _must_be_regular(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise InputError(f"cannot read {path}: not a regular file ({_kind(mode)})")


def _read_regular(path: Path, at_most: int) -> bytes:
    """Read up to `at_most` bytes of a file checked again once open (it may be swapped between stat and open)."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        _must_be_regular(path, os.fstat(fd).st_mode)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return stream.read(at_most)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (links and relative paths included); False if either does not exist."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(output: Path, inputs: Sequence[Path]) -> None:
    """Raise InputError if writing `output` would overwrite an input or cannot be a regular file."""
    for source in inputs:
        if same_file(output, source) or Path(os.path.abspath(output)) == Path(os.path.abspath(source)):
            raise InputError(f"refusing to write {output}: it is the input file; choose another output name")
    try:
        mode = os.stat(output).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise InputError(f"cannot write {output}: it is a folder")
    if not stat.S_ISREG(mode):
        raise InputError(f"cannot write {output}: not a regular file ({_kind(mode)})")


def write_output(output: Path, data: bytes) -> None:
    """Write data to output through a temporary file and a rename; raise InputError (one line) on failure."""
    folder = output.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None

    def open_tmp() -> BinaryIO:
        # mkstemp makes the file private (0600): give it what a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return os.fdopen(fd, "wb")

    try:
        replace_durably(tmp, output, open_tmp, data)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None


def replace_durably(tmp: str | Path, target: Path, open_tmp: Callable[[], BinaryIO], data: bytes) -> None:
    """Write `data` into the temporary file `open_tmp` opens, sync it to disk and rename it over `target`.

    On OSError the temporary file is removed and the error raised: `target` is then as it was.
    """
    try:
        with open_tmp() as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _size(n: int) -> str:
    if n >= 1_048_576:
        return f"{n / 1_048_576:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} kB"
    return f"{n} bytes"
