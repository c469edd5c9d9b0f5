"""Writing results: atomically to a file, or to a stream that may close early."""

from __future__ import annotations

import contextlib
import os
import tempfile

__all__ = ["create_atomic", "write_atomic"]


def write_atomic(path: str, text: str, replace: bool = True) -> None:
    """Write `text` to `path` so that the file appears complete or not at all.

    The text goes to a temporary file in the same directory (so the final rename stays on
    one file system), is flushed to disk, then replaces `path` in one step. On any failure
    the temporary file is removed and an existing `path` is left as it was. With `replace`
    false, an existing `path` is never replaced: `FileExistsError` is raised instead.
    """
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a normal file follows the umask
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails if `path` exists, even if it appeared a moment ago
            os.unlink(temporary)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def create_atomic(path: str, text: str) -> None:
    """Write a new file `path` atomically; raises `FileExistsError` if it exists."""
    write_atomic(path, text, replace=False)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
