"""A SQLite file on a network share is refused, pointing to the server option."""

from __future__ import annotations

from pathlib import Path

import pytest

from commune_desk.data import places
from commune_desk.data.places import is_on_network_share, network_mount
from tests.support.common import run_cli

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/office /mnt/office nfs4 rw,relatime 0 0
//server/share /mnt/share cifs rw,relatime 0 0
//server/share\\040dữ\\040liệu /mnt/dữ\\040liệu smb3 rw 0 0
/dev/sdb1 /mnt/share/local ext4 rw 0 0
me@host:/data /home/me/remote fuse.sshfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/home/me/commune.sqlite3", None),
        ("/mnt/office/commune.sqlite3", "nfs4"),
        ("/mnt/share/x/commune.sqlite3", "cifs"),
        ("/mnt/dữ liệu/commune.sqlite3", "smb3"),
        ("/mnt/share/local/commune.sqlite3", None),  # a local disk mounted inside the share
        ("/mnt/officer/commune.sqlite3", None),  # a name that merely starts alike
        ("/home/me/remote/commune.sqlite3", "fuse.sshfs"),
    ],
)
def test_the_mount_table_tells_a_network_folder(path: str, network: str | None) -> None:
    assert network_mount(Path(path), MOUNTS) == network


@pytest.mark.parametrize(
    ("path", "remote"),
    [
        (r"\\server\share\commune.sqlite3", True),
        ("//server/share/commune.sqlite3", True),
        (r"Z:\Commune Desk\commune.sqlite3", True),  # a mapped network drive
        (r"C:\Users\me\commune.sqlite3", False),
    ],
)
def test_windows_unc_paths_and_network_drives(path: str, remote: bool) -> None:
    def drive_type(root: str) -> int:
        return 4 if root.upper() == "Z:\\" else 3  # DRIVE_REMOTE, DRIVE_FIXED

    assert is_on_network_share(path, platform="win32", drive_type=drive_type) is remote


def test_the_command_line_refuses_a_file_on_a_share(tmp_path: Path, capsys, monkeypatch) -> None:
    table = tmp_path / "mounts"
    table.write_text(f"//server/share {tmp_path / 'share'} cifs rw 0 0\n")
    monkeypatch.setattr(places, "MOUNTS", table)
    target = tmp_path / "share" / "commune.sqlite3"
    code, out, err = run_cli(
        capsys,
        "init",
        "--commune-code",
        "15880",
        "--commune-name",
        "Xã A",
        "--province",
        "Thanh Hóa",
        "--db",
        str(target),
    )
    assert code == 1 and out == ""
    assert "thư mục mạng dùng chung" in err and "postgresql://" in err
    assert "Kết nối máy chủ" in err
    assert not target.exists()
    # The same file name on a local folder is fine.
    local = tmp_path / "local" / "commune.sqlite3"
    code, _, err = run_cli(
        capsys,
        "init",
        "--commune-code",
        "15880",
        "--commune-name",
        "Xã A",
        "--province",
        "Thanh Hóa",
        "--db",
        str(local),
    )
    assert code == 0, err
