"""`commune-desk user ...`: accounts from the command line, audited as the OS user."""

from __future__ import annotations

import getpass
import io
import json

import pytest

from tests.support.common import run_cli


def user(capsys, monkeypatch, db: str, *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return run_cli(capsys, "user", *args, "--db", db)


def test_add_list_passwd_disable(cli_db, capsys, monkeypatch):
    code, out, err = user(
        capsys,
        monkeypatch,
        cli_db,
        "add",
        "lan",
        "--role",
        "clerk",
        "--name",
        "Trần Thị Lan",
        "--password-stdin",
        stdin="mat-khau-lan\n",
    )
    assert (code, err) == (0, "") and "«lan» (cán bộ nhập liệu)" in out
    code, out, _ = user(capsys, monkeypatch, cli_db, "list")
    assert code == 0 and "Trần Thị Lan" in out and "hoạt động" in out and "1 tài khoản" in out

    code, out, _ = user(
        capsys, monkeypatch, cli_db, "passwd", "lan", "--password-stdin", stdin="mat-khau-moi\r\n"
    )
    assert code == 0 and "mật khẩu mới" in out
    code, out, _ = user(capsys, monkeypatch, cli_db, "disable", "lan")
    assert code == 0
    assert "đã vô hiệu hóa" in user(capsys, monkeypatch, cli_db, "list")[1]
    assert user(capsys, monkeypatch, cli_db, "enable", "lan")[0] == 0

    code, out, _ = run_cli(capsys, "audit", "--db", cli_db, "--format", "json")
    entries = [(e["actor"], e["action"], e["key"]) for e in json.loads(out)]
    me = f"os:{getpass.getuser()}"
    assert entries[-4:] == [
        (me, "create", "lan"),
        (me, "reset_password", "lan"),
        (me, "disable", "lan"),
        (me, "enable", "lan"),
    ]
    assert "mat-khau" not in out


def test_the_new_password_works_and_the_old_does_not(cli_db, capsys, monkeypatch):
    from commune_desk.services.accounts import AccountService, LoginFailed
    from commune_desk.services.context import system_actor
    from commune_desk.services.setup import open_database
    from tests.support.common import CATALOGUE

    args = ("add", "hoa", "--role", "officer", "--password-stdin")
    assert user(capsys, monkeypatch, cli_db, *args, stdin="mat-khau-hoa")[0] == 0
    args = ("passwd", "hoa", "--password-stdin")
    assert user(capsys, monkeypatch, cli_db, *args, stdin="mat-khau-moi")[0] == 0
    db = open_database(cli_db, CATALOGUE, system_actor())
    try:
        service = AccountService(db.context)
        with pytest.raises(LoginFailed):
            service.login("hoa", "mat-khau-hoa")
        assert service.login("hoa", "mat-khau-moi").role == "officer"
    finally:
        db.close()


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("add", "lan", "--role", "clerk", "--password-stdin"), "ngan\n", "ít nhất 8 ký tự"),
        (("add", "Lê Lan", "--role", "clerk", "--password-stdin"), "mat-khau-lan", "không hợp lệ"),
        (("passwd", "ai-do", "--password-stdin"), "mat-khau-lan", "Không có tài khoản «ai-do»"),
        (("disable", "ai-do"), "", "Không có tài khoản"),
    ],
)
def test_refusals_exit_1_with_the_reason(cli_db, capsys, monkeypatch, args, stdin, message):
    code, _, err = user(capsys, monkeypatch, cli_db, *args, stdin=stdin)
    assert code == 1 and message in err
    assert "0 tài khoản" in user(capsys, monkeypatch, cli_db, "list")[1]


@pytest.mark.parametrize(
    "args",
    [
        ("add", "lan", "--role", "clerk"),  # the password only from stdin
        ("add", "lan", "--role", "admin", "--password-stdin"),
        ("add", "lan", "--password-stdin"),
        ("passwd", "lan"),
        (),
    ],
)
def test_usage_errors_exit_2(cli_db, capsys, monkeypatch, args):
    with pytest.raises(SystemExit) as exit_:
        user(capsys, monkeypatch, cli_db, *args, stdin="mat-khau-lan")
    assert exit_.value.code == 2


def test_a_province_account_belongs_to_no_commune(cli_db, capsys, monkeypatch):
    from commune_desk.services.accounts import AccountService
    from tests.support.communes import open_as

    code, out, _ = run_cli(
        capsys,
        "init",
        "--db",
        cli_db,
        "--commune-code",
        "15881",
        "--commune-name",
        "Xã Thiệu Vận",
        "--province",
        "Thanh Hóa",
    )
    assert code == 0
    args = ("add", "tinh.thanhhoa", "--province", "--name", "Sở Nội vụ", "--password-stdin")
    code, out, err = user(capsys, monkeypatch, cli_db, *args, stdin="mat-khau-tinh-1\n")
    assert (code, err) == (0, "") and "tài khoản tỉnh «tinh.thanhhoa»" in out
    opened = open_as(cli_db, None)
    try:
        assert AccountService(opened.context).commune_of("tinh.thanhhoa") is None
    finally:
        opened.close()
