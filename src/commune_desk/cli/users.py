"""`commune-desk user add|list|passwd|disable|enable`: the machine administrator's accounts.

Changes are audited with the operating-system user's name ("os:<name>"). A password is read
from the first line of standard input (`--password-stdin`), never from an argument, where it
would stay in the shell's history and the process list.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from commune_desk.cli.common import EXIT_OK, AddCommand, open_database
from commune_desk.cli.output import print_table

if TYPE_CHECKING:
    from commune_desk.services.accounts import Account

ROLE_CHOICES = ("clerk", "officer", "supervisor")
OFFICER = "officer"  # what a province account's row holds (the window makes it read-only)


def add_parsers(command: AddCommand) -> None:
    """Declare `user` and its sub-commands."""
    user = command("user", "quản lý tài khoản: thêm, liệt kê, đặt mật khẩu, vô hiệu hóa", cmd_user)
    actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", default=argparse.SUPPRESS, help="như --db của lệnh user")
        p.add_argument(
            "--commune",
            default=argparse.SUPPRESS,
            metavar="CODE",
            help="như --commune của lệnh user",
        )
        return p

    add = action("add", "thêm một tài khoản")
    add.add_argument("username", metavar="USERNAME")
    who = add.add_mutually_exclusive_group(required=True)
    who.add_argument("--role", choices=ROLE_CHOICES, help="vai trò")
    who.add_argument(
        "--province",
        action="store_true",
        help="tài khoản của tỉnh: không thuộc xã nào, chỉ xem số liệu của mọi xã",
    )
    add.add_argument("--name", default="", metavar="FULL_NAME", help="họ và tên")
    _password_flag(add)

    action("list", "liệt kê các tài khoản")

    passwd = action("passwd", "đặt mật khẩu mới cho một tài khoản (và mở khóa nếu bị khóa)")
    passwd.add_argument("username", metavar="USERNAME")
    _password_flag(passwd)

    disable = action("disable", "vô hiệu hóa một tài khoản (không xóa: nhật ký giữ tên)")
    disable.add_argument("username", metavar="USERNAME")
    enable = action("enable", "kích hoạt lại một tài khoản đã vô hiệu hóa")
    enable.add_argument("username", metavar="USERNAME")


def _password_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        required=True,
        help="đọc mật khẩu từ dòng đầu của đầu vào chuẩn",
    )


def _read_password() -> str:
    return sys.stdin.readline().rstrip("\r\n")


def cmd_user(args: argparse.Namespace) -> int:
    from commune_desk.services.accounts import AccountService

    password = _read_password() if getattr(args, "password_stdin", False) else ""
    province = args.user_command == "add" and args.province  # no commune of its own
    db = open_database(args, choose=not province)
    try:
        service = AccountService(db.context)
        if args.user_command == "list":
            _print_accounts(service.accounts(), db.context.now())
            return EXIT_OK
        if args.user_command == "add":
            if province:
                account = service.add(args.username, OFFICER, password, args.name, province=True)
                print(f"Đã thêm tài khoản tỉnh «{account.username}» (chỉ xem mọi xã).")
            else:
                account = service.add(args.username, args.role, password, args.name)
                print(f"Đã thêm tài khoản «{account.username}» ({account.role_label}).")
        elif args.user_command == "passwd":
            service.reset_password(args.username, password)
            print(f"Đã đặt mật khẩu mới cho «{args.username.strip().lower()}».")
        else:
            active = args.user_command == "enable"
            account = service.set_active(args.username, active)
            state = "kích hoạt lại" if active else "vô hiệu hóa"
            print(f"Đã {state} tài khoản «{account.username}».")
    finally:
        db.close()
    return EXIT_OK


def _print_accounts(accounts: Sequence[Account], now: dt.datetime) -> None:
    rows = []
    for a in accounts:
        if not a.active:
            state = "đã vô hiệu hóa"
        elif a.locked_until is not None and a.locked_until > now:
            state = f"tạm khóa đến {a.locked_until:%H:%M}"
        else:
            state = "hoạt động"
        rows.append((a.username, a.full_name, a.role, state, f"{a.created_at:%d/%m/%Y}"))
    print_table(("Tên đăng nhập", "Họ và tên", "Vai trò", "Trạng thái", "Ngày tạo"), rows)
    print(f"{len(rows)} tài khoản")
