"""Writing a file atomically: a temporary file beside the target, moved into place when whole.

A failure never leaves half a file: the temporary file is removed and the target keeps its
previous content. Messages are Vietnamese and name the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class WorkbookWriteError(OSError):
    """A file that could not be written; the message is Vietnamese and names the file."""


def write_atomically(path: Path, write: Callable[[Path], T]) -> T:
    """Call `write(temporary path)`, then move the temporary file onto `path`.

    Returns what `write` returns. Raises WorkbookWriteError when the folder is missing or not
    writable, or the target is open in another program (Windows refuses to replace it).
    """
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise WorkbookWriteError(f"Không ghi được tệp {path.name}: đó là một thư mục.")
    if not folder.is_dir():
        raise WorkbookWriteError(f"Không ghi được tệp {path.name}: không có thư mục {folder}.")
    temp = _temp_beside(path, ".tmp")
    try:
        result = write(temp)
        # mkstemp makes the file private (0600); give the file the usual permissions.
        temp.chmod(path.stat().st_mode & 0o777 if path.exists() else 0o644)
        try:
            os.replace(temp, path)
        except OSError as exc:
            # On Windows a PermissionError here means Excel holds the file open.
            raise WorkbookWriteError(
                f"Không ghi được tệp {path.name}: tệp đang được mở trong chương trình khác "
                f"(Excel?) hoặc không có quyền ghi. Hãy đóng tệp rồi thử lại "
                f"({exc.strerror or exc})."
            ) from exc
    except OSError as exc:
        if isinstance(exc, WorkbookWriteError):
            raise
        raise WorkbookWriteError(
            f"Không ghi được tệp {path.name}: {exc.strerror or exc}. Chưa có gì được ghi."
        ) from exc
    finally:
        temp.unlink(missing_ok=True)
    return result


def _temp_beside(path: Path, suffix: str) -> Path:
    """A new empty file in the target's folder (hidden name), or WorkbookWriteError."""
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem[:40]}-", suffix=suffix, dir=path.parent
        )
    except OSError as exc:
        raise WorkbookWriteError(
            f"Không ghi được tệp {path.name}: không có quyền ghi vào thư mục {path.parent} "
            f"({exc.strerror or exc})."
        ) from exc
    os.close(handle)
    return Path(name)


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


@contextlib.contextmanager
def previous_version_kept(path: Path) -> Iterator[None]:
    """Undo a replacement of `path` when the block raises.

    A copy of the file as it was is kept beside it while the block runs; if the block
    raises, the copy is put back (or a file the block created is removed).
    """
    path = Path(path)
    backup: Path | None = None
    if path.is_file():
        backup = _temp_beside(path, ".bak")
        try:
            shutil.copy2(path, backup)
        except OSError as exc:
            backup.unlink(missing_ok=True)
            raise WorkbookWriteError(
                f"Không ghi được tệp {path.name}: không sao lưu được bản trước ({exc})."
            ) from exc
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError):
            if backup is not None:
                os.replace(backup, path)
                backup = None
            else:
                path.unlink(missing_ok=True)
        raise
    finally:
        if backup is not None:
            backup.unlink(missing_ok=True)
