"""`--commune CODE`: a database holding several communes needs one named (issue 19)."""

from __future__ import annotations

from tests.support.common import run_cli

INIT = ("--province", "Thanh Hóa")


def _two(capsys, db: str) -> None:
    for code, name in (("15880", "Xã Thiệu Trung"), ("15881", "Xã Thiệu Vận")):
        status, out, err = run_cli(
            capsys, "init", "--db", db, "--commune-code", code, "--commune-name", name, *INIT
        )
        assert status == 0, err
        assert name in out


def test_a_second_init_adds_a_commune_and_commands_then_need_one(tmp_path, capsys):
    db = str(tmp_path / "tinh.sqlite3")
    _two(capsys, db)
    status, _, err = run_cli(capsys, "user", "list", "--db", db)
    assert status == 2
    assert "--commune" in err and "15880  Xã Thiệu Trung" in err and "15881  Xã Thiệu Vận" in err
    status, _, err = run_cli(capsys, "user", "list", "--db", db, "--commune", "99999")
    assert status == 2 and "99999" in err and "15881" in err


def test_each_commune_keeps_its_own_accounts_and_records(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "tinh.sqlite3")
    _two(capsys, db)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("matkhau-123\n"))
    status, _, err = run_cli(
        capsys, "user", "add", "lan", "--role", "clerk", "--password-stdin",
        "--db", db, "--commune", "15881",
    )  # fmt: skip
    assert status == 0, err
    status, out_b, _ = run_cli(capsys, "user", "list", "--db", db, "--commune", "15881")
    status_a, out_a, _ = run_cli(capsys, "user", "list", "--db", db, "--commune", "15880")
    assert status == status_a == 0
    assert "lan" in out_b and "lan" not in out_a
