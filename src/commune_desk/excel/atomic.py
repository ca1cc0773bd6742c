"""Writing a file atomically: a temporary file beside the target, moved into place when whole.

A failure never leaves half a file: the temporary file is removed and the target keeps its
previous content. Messages are Vietnamese and name the file.

A process killed while writing (power cut, task manager) cannot remove its temporary file, so
every temporary file carries a recognisable name, `.<target stem>.commune-desk-<random>.tmp`
(or `.bak` for the kept previous version), and each write into a folder first sweeps the
leftovers: those of the same target whatever their age, and any other target's older than
a day (a write to that very target may still be running in another copy of the program).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

TEMP_MARK = ".commune-desk-"
TEMP_SUFFIXES = (".tmp", ".bak")
STALE_AFTER_S = 24 * 3600
_STEM_CHARS = 60
_in_use: set[Path] = set()  # this process's temporary files still being written or kept


class WorkbookWriteError(OSError):
    """A file that could not be written; the message is Vietnamese and names the file."""


def xlsx_path(path: Path) -> Path:
    """`path`, with `.xlsx` appended unless it already ends so (a name typed without it)."""
    path = Path(path)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


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
    sweep_leftovers(path)
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
        _discard(temp)
    return result


def _temp_prefix(path: Path) -> str:
    return f".{path.stem[:_STEM_CHARS]}{TEMP_MARK}"


def leftovers(path: Path) -> list[Path]:
    """Temporary files of this program in `path`'s folder that a write of `path` may remove."""
    path = Path(path)
    own = _temp_prefix(path)
    stale_before = time.time() - STALE_AFTER_S
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            name = entry.name
            if not (name.startswith(".") and TEMP_MARK in name and name.endswith(TEMP_SUFFIXES)):
                continue
            if Path(entry.path) in _in_use:
                continue
            with contextlib.suppress(OSError):
                if name.startswith(own) or entry.stat().st_mtime < stale_before:
                    found.append(Path(entry.path))
    return sorted(found)


def sweep_leftovers(path: Path) -> int:
    """Remove what `leftovers(path)` finds (what a killed write left); return how many."""
    removed = 0
    for leftover in leftovers(path):
        with contextlib.suppress(OSError):  # in use on Windows, or already gone
            leftover.unlink()
            removed += 1
    return removed


def _temp_beside(path: Path, suffix: str) -> Path:
    """A new empty file in the target's folder (hidden name), or WorkbookWriteError."""
    try:
        handle, name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=suffix, dir=path.parent)
    except OSError as exc:
        raise WorkbookWriteError(
            f"Không ghi được tệp {path.name}: không có quyền ghi vào thư mục {path.parent} "
            f"({exc.strerror or exc})."
        ) from exc
    os.close(handle)
    _in_use.add(Path(name))
    return Path(name)


def _discard(temp: Path) -> None:
    _in_use.discard(temp)
    temp.unlink(missing_ok=True)


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
    sweep_leftovers(path)
    if path.is_file():
        backup = _temp_beside(path, ".bak")
        try:
            shutil.copy2(path, backup)
        except OSError as exc:
            _discard(backup)
            raise WorkbookWriteError(
                f"Không ghi được tệp {path.name}: không sao lưu được bản trước ({exc})."
            ) from exc
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError):
            if backup is not None:
                os.replace(backup, path)
                _in_use.discard(backup)
                backup = None
            else:
                path.unlink(missing_ok=True)
        raise
    finally:
        if backup is not None:
            _discard(backup)
