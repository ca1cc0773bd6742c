"""`commune-desk check|backup|restore`: keep the database sound and its copies at hand."""

from __future__ import annotations

import argparse
from pathlib import Path

from commune_desk import paths
from commune_desk.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    AddCommand,
    Refused,
    database,
    open_database,
    shown,
)


def add_parsers(command: AddCommand) -> None:
    """Declare `check`, `backup` and `restore`."""
    command("check", "kiểm tra tính toàn vẹn, số liệu của mọi tháng và các kỳ đã nộp", cmd_check)

    backup = command("backup", "sao lưu cơ sở dữ liệu", cmd_backup)
    backup.add_argument("--to", type=Path, help="thư mục đích (mặc định: thư mục sao lưu)")

    move = command(
        "migrate-to",
        "chuyển một xã sang cơ sở dữ liệu khác: từ tệp lên máy chủ, hoặc từ máy chủ về tệp",
        cmd_migrate_to,
    )
    move.add_argument("target", metavar="URL_OR_FILE", help="cơ sở dữ liệu đích")

    restore = command("restore", "khôi phục cơ sở dữ liệu từ một bản sao lưu", cmd_restore)
    restore.add_argument("file", metavar="FILE", type=Path)
    restore.add_argument(
        "--force", action="store_true", help="khôi phục cả khi bản sao lưu là của xã khác"
    )


def cmd_check(args: argparse.Namespace) -> int:
    from commune_desk.services.backups import check_database_file
    from commune_desk.services.checks import CheckService

    problems = check_database_file(database(args))
    if problems:
        raise Refused("Cơ sở dữ liệu bị hỏng: " + "; ".join(problems[:5]))
    db = open_database(args)
    try:
        report = CheckService(db.context).check_all()
    finally:
        db.close()
    for problem in report.problems:
        kind = "LỖI" if problem.is_error else "Cảnh báo"
        print(f"{kind}: {problem.message} [{', '.join(problem.codes)}]")
    for d in report.drift:
        print(
            f"LỖI: {d.period.label()} đã nộp phiên bản {d.version}, số liệu nay khác: "
            f"{d.text()} [{d.code}]"
        )
    for d in report.columns:
        print(
            f"Cảnh báo: {d.period.label()} đã nộp phiên bản {d.version}, cột so sánh nay khác "
            f"(do số liệu của các tháng ngoài kỳ đã khóa): {d.text()} [{d.code}]"
        )
    for text in report.schema:
        print(f"LỖI: {text} (chương trình không tự tạo lại; hãy khôi phục một bản sao lưu tốt).")
    if report.schema:
        sound = "có vấn đề"
    elif report.drift:
        sound = "số liệu đã nộp bị thay đổi"
    else:
        sound = "tốt"
    print(
        f"Toàn vẹn dữ liệu: {sound}. Đã kiểm tra {report.months} tháng và "
        f"{report.locked} kỳ đã nộp đang khóa: {report.errors} lỗi, {report.warnings} cảnh báo."
    )
    return EXIT_REFUSED if report.errors else EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from commune_desk.data.db import is_server
    from commune_desk.services.backups import backup_now

    if is_server(database(args)):  # the commune's rows into a portable file, no server tools
        from commune_desk.services.commune import CommuneService
        from commune_desk.services.transfer import portable_backup

        db = open_database(args)
        try:
            profile = CommuneService(db.context).profile()
            catalogue = db.context.catalogue
        finally:
            db.close()
        folder = args.to or paths.backups_dir()
        target = portable_backup(database(args), profile.code, profile.name, folder, catalogue)
        print(f"Đã sao lưu {profile.name} (mã {profile.code}) vào {target}")
        return EXIT_OK
    target = backup_now(database(args), paths.backups_dir(), args.to)
    print(f"Đã sao lưu vào {target}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from commune_desk.data.db import is_server
    from commune_desk.services.backups import restore_database

    if is_server(database(args)):  # the commune's rows replaced by the portable file's
        from commune_desk.services.commune import CommuneService
        from commune_desk.services.server_restore import restore_on_server

        db = open_database(args)
        try:
            code, catalogue = CommuneService(db.context).profile().code, db.context.catalogue
        finally:
            db.close()
        result = restore_on_server(database(args), code, args.file, paths.backups_dir(), catalogue)
    else:
        result = restore_database(database(args), args.file, paths.backups_dir(), force=args.force)
    if result.safety_copy:
        print(f"Đã lưu trạng thái hiện tại vào {result.safety_copy}")
    if result.set_aside:
        print(f"Tệp hỏng được giữ lại với tên {result.set_aside}")
    print(f"Đã khôi phục từ {result.restored_from}")
    kept = result.appended
    if kept.audit_entries or kept.submissions or kept.locks:
        print(
            f"Đã giữ lại lịch sử của dữ liệu bị thay: {kept.audit_entries} dòng nhật ký, "
            f"{kept.submissions} lần nộp báo cáo, {kept.locks} lần khóa/mở khóa."
        )
    return EXIT_OK


def cmd_migrate_to(args: argparse.Namespace) -> int:
    """Copy the chosen commune into the target, all or nothing, checked before it commits."""
    from commune_desk.services.transfer import move_commune

    db = open_database(args)  # upgrades the source and chooses its commune (--commune)
    try:
        from commune_desk.services.commune import CommuneService

        code = CommuneService(db.context).profile().code
        catalogue = db.context.catalogue
    finally:
        db.close()
    moved = move_commune(database(args), args.target, code, catalogue)
    rows = sum(moved.rows.values())
    print(
        f"Đã chuyển {moved.name} (mã {moved.code}) sang {shown(args.target)}: {rows} dòng dữ liệu, "
        f"số dòng từng bảng và chỉ tiêu của {moved.periods} kỳ đã so khớp."
    )
    return EXIT_OK
