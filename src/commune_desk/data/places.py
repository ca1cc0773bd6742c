"""Where a SQLite file may live: never on a network share.

SQLite's locking and its write-ahead log rely on the local file system; over NFS or SMB two
PCs can both believe they hold the write lock and damage the file. Such a file is refused with
a message pointing to the server option. The operating system is asked at the edge only (the
mount table on Linux, the drive type on Windows), so the tests can hand in their own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

from commune_desk.data.errors import DatabaseError

NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "davfs", "9p"}
)
MOUNTS = Path("/proc/self/mounts")
_DRIVE_REMOTE = 4  # GetDriveTypeW


class NetworkShare(DatabaseError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            f"Tệp cơ sở dữ liệu {path} nằm trên một thư mục mạng dùng chung. SQLite không an "
            "toàn khi dùng qua mạng (nhiều máy cùng ghi có thể làm hỏng dữ liệu), nên chương "
            "trình không mở tệp này. Hãy để tệp trên ổ đĩa của chính máy này, hoặc để cả văn "
            "phòng dùng chung một máy chủ PostgreSQL: «Kết nối máy chủ…» khi đăng nhập, hoặc "
            "--db postgresql://tên_đăng_nhập@máy_chủ:5432/tên_cơ_sở_dữ_liệu."
        )


def _unescape(field: str) -> str:
    # The mount table writes a space, tab, newline and backslash in octal (\040 ...).
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def network_mount(path: Path, mounts: str) -> str | None:
    """The network file system type `path` lies on, from a Linux mount table, or None."""
    best, best_type = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fs_type = _unescape(fields[1]), fields[2].lower()
        inside = str(path) == point or str(path).startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fs_type
    if best_type is None:
        return None
    base = best_type.split(".")[-1] if best_type.startswith("fuse.") else best_type
    return best_type if base in NETWORK_FILE_SYSTEMS or base == "sshfs" else None


def _windows_drive_type(root: str) -> int:
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]


def is_on_network_share(
    path: Path | str,
    *,
    platform: str = sys.platform,
    mounts: Callable[[], str] | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> bool:
    """Whether a database file's folder is a network share (UNC, a mapped drive, nfs/cifs)."""
    text = str(path)
    if platform == "win32":
        windows = PureWindowsPath(text)
        if text.startswith(("\\\\", "//")) or windows.drive.startswith("\\\\"):
            return True
        if not windows.drive:
            return False
        return (drive_type or _windows_drive_type)(windows.drive + "\\") == _DRIVE_REMOTE
    if platform.startswith("linux"):
        read = mounts or (lambda: MOUNTS.read_text(errors="replace"))
        try:
            table = read()
        except OSError:
            return False
        return network_mount(Path(os.path.realpath(text)), table) is not None
    return False


def refuse_network_share(path: Path) -> None:
    """Raise NetworkShare for a SQLite file on a network share."""
    if is_on_network_share(path):
        raise NetworkShare(path)
