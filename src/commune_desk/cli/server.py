"""`commune-desk server grant`: a PostgreSQL login role for one commune (its rows only, by
row-level security) or for the province (reads every commune). The password is the first line
of standard input, never an argument."""

from __future__ import annotations

import argparse
import sys

from commune_desk.cli.common import EXIT_OK, AddCommand, UsageError, database


def add_parsers(command: AddCommand) -> None:
    """Declare `server`."""
    server = command(
        "server",
        "(máy chủ của tỉnh) «server grant»: tạo hoặc cập nhật vai trò đăng nhập PostgreSQL "
        "cho một xã hoặc cho tỉnh",
        cmd_server,
    )
    server.add_argument("action", choices=["grant"], help="grant: tạo hoặc cập nhật vai trò")
    whose = server.add_mutually_exclusive_group()
    whose.add_argument("--province", action="store_true", help="vai trò chỉ đọc mọi xã")
    server.add_argument("--login", required=True, metavar="NAME", help="tên vai trò đăng nhập")
    server.add_argument(
        "--password-stdin",
        action="store_true",
        required=True,
        help="đọc mật khẩu của vai trò từ dòng đầu của đầu vào chuẩn",
    )


def cmd_server(args: argparse.Namespace) -> int:
    from commune_desk.services.server import grant

    if not args.province and not args.commune:
        raise UsageError("Cần --commune MÃ (vai trò của một xã) hoặc --province (chỉ đọc).")
    if args.province and args.commune:
        raise UsageError("Chọn --commune MÃ hoặc --province, không cả hai.")
    password = sys.stdin.readline().rstrip("\r\n")
    done = grant(database(args), args.login, password, None if args.province else args.commune)
    whose = f"xã mã {done.commune}" if done.commune else "tỉnh (chỉ đọc mọi xã)"
    print(f"Đã cấp vai trò «{done.login}» cho {whose}: {done.statements} câu lệnh SQL.")
    return EXIT_OK
