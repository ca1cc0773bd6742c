"""The headless composition root: `commune-desk COMMAND ...` (see the README for the reference).

Exit status: 0 success, 1 refused input or failed check (message on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from commune_desk import __version__, paths
from commune_desk.cli import users
from commune_desk.domain.records import IMPORT_ORDER as RECORD_KINDS

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


class Refused(Exception):
    """A command that ran but refused its input; the message goes to stderr, exit 1."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commune-desk",
        description="Commune Desk — sổ theo dõi phong trào «Bình dân học vụ số» của xã.",
    )
    parser.add_argument("--version", action="version", version=f"commune-desk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--db",
            help="tệp cơ sở dữ liệu hoặc URL SQLAlchemy "
            "(mặc định: thư mục dữ liệu người dùng, biến COMMUNE_DESK_DB)",
        )
        return p

    gui = command("gui", "mở cửa sổ chương trình (mặc định khi không có lệnh)")
    gui.add_argument("--demo", action="store_true", help="mở cơ sở dữ liệu mẫu")

    init = command("init", "tạo cơ sở dữ liệu cho một xã")
    init.add_argument("--commune-code", required=True, help="mã đơn vị hành chính (5 chữ số)")
    init.add_argument("--commune-name", required=True, help="tên xã, phường")
    init.add_argument("--province", required=True, help="tên tỉnh, thành phố")
    init.add_argument(
        "--cutoff",
        choices=("calendar", "decree09"),
        default="calendar",
        help="cách chốt số liệu: tháng dương lịch hoặc theo Nghị định 09/2019",
    )

    demo = command("demo", "tạo một xã mẫu với dữ liệu giả lập")
    demo.add_argument("--seed", type=int, default=2025, help="hạt giống ngẫu nhiên (mặc định 2025)")

    imp = command("import", "nhập danh sách hoặc số liệu hằng tháng từ .csv/.xlsx")
    imp.add_argument(
        "kind",
        metavar="KIND",
        choices=("values", *RECORD_KINDS),
        help="values, " + ", ".join(RECORD_KINDS),
    )
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="chỉ báo cáo, không ghi gì")

    ind = command("indicators", "tính các chỉ tiêu của một kỳ")
    ind.add_argument("--period", required=True, help="2025-09, 2025-Q3, 2025-H1 hoặc 2025")
    ind.add_argument("--format", choices=("table", "json"), default="table")

    exp = command("export", "xuất báo cáo Excel của một kỳ; không có --draft là nộp và khóa kỳ")
    exp.add_argument("--period", required=True, help="2025-09, 2025-Q3, 2025-H1 hoặc 2025")
    exp.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx", help="tệp báo cáo")
    exp.add_argument(
        "--draft", action="store_true", help="bản nháp: ghi chữ BẢN NHÁP, không nộp, không khóa"
    )
    exp.add_argument("--template", type=Path, metavar="FILE.xlsx", help="mẫu biểu của tỉnh")

    unlock = command("unlock", "mở khóa một kỳ đã nộp báo cáo (ghi lý do vào nhật ký)")
    unlock.add_argument("--period", required=True, help="kỳ đã nộp, ví dụ 2025-Q3")
    unlock.add_argument("--reason", required=True, help="lý do mở khóa")

    cons = sub.add_parser(
        "consolidate",
        help="tổng hợp báo cáo của các xã thành một bảng tính (không cần cơ sở dữ liệu)",
        description="tổng hợp báo cáo của các xã: bảng tổng hợp, tình trạng nộp, danh sách vấn đề",
    )
    cons.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="tệp .xlsx hoặc thư mục")
    cons.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx", help="tệp kết quả")
    cons.add_argument("--period", help="kỳ cần tổng hợp (mặc định: kỳ có nhiều báo cáo nhất)")
    cons.add_argument(
        "--units", type=Path, metavar="FILE", help="danh sách xã (.csv/.xlsx: code,name)"
    )
    cons.add_argument("--template", type=Path, metavar="FILE.xlsx", help="mẫu biểu của tỉnh")

    command("check", "kiểm tra tính toàn vẹn và số liệu của mọi tháng")

    backup = command("backup", "sao lưu cơ sở dữ liệu")
    backup.add_argument("--to", type=Path, help="thư mục đích (mặc định: thư mục sao lưu)")

    restore = command("restore", "khôi phục cơ sở dữ liệu từ một bản sao lưu")
    restore.add_argument("file", metavar="FILE", type=Path)

    users.add_parser(command)

    aud = command("audit", "nhật ký thay đổi: ai, khi nào, sửa gì")
    aud.add_argument("--since", type=_date, help="từ ngày YYYY-MM-DD")
    aud.add_argument("--format", choices=("table", "json"), default="table")

    selftest_help = "tự kiểm tra cài đặt: tài nguyên, bản dịch, dữ liệu mẫu, cửa sổ, báo cáo"
    sub.add_parser("selftest", help=selftest_help, description=selftest_help)
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày «{text}» không đúng dạng YYYY-MM-DD") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the window when none is given."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (
        args_list[0].startswith("--") and args_list[0] not in ("--help", "--version")
    ):
        args_list = ["gui", *args_list]
    args = _parser().parse_args(args_list)
    handler = HANDLERS[args.command]
    from commune_desk.logs import configure_logging

    configure_logging(console=False)
    try:
        return handler(args)
    except Refused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # a refused request from a lower layer: message, no traceback
        from commune_desk.data.backup import BackupError
        from commune_desk.data.db import DatabaseError
        from commune_desk.domain.catalogue import CatalogueError
        from commune_desk.domain.periods import PeriodError
        from commune_desk.services.errors import ServiceError

        if isinstance(
            exc, ServiceError | DatabaseError | BackupError | CatalogueError | PeriodError
        ):
            print(str(exc), file=sys.stderr)
            return EXIT_REFUSED
        raise


def _db(args: argparse.Namespace) -> str:
    return args.db or paths.default_database()


def _open(args: argparse.Namespace):
    from commune_desk.services.context import system_actor
    from commune_desk.services.setup import open_database

    return open_database(_db(args), paths.catalogue_file(), system_actor(), paths.backups_dir())


def cmd_gui(args: argparse.Namespace) -> int:
    from commune_desk.app import run

    argv = ["--db", args.db] if args.db else []
    if args.demo:
        argv.append("--demo")
    return run(argv)


def cmd_init(args: argparse.Namespace) -> int:
    from commune_desk.domain.periods import Mode
    from commune_desk.services.commune import CommuneService

    db = _open(args)
    try:
        profile = CommuneService(db.context).init(
            args.commune_code, args.commune_name, args.province, Mode(args.cutoff)
        )
    finally:
        db.close()
    print(
        f"Đã tạo cơ sở dữ liệu của {profile.name} (mã {profile.code}), {profile.province}: "
        f"{_db(args)}"
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from commune_desk.services.demo import build_demo

    db = _open(args)
    try:
        summary = build_demo(db.context, seed=args.seed)
    finally:
        db.close()
    print(f"Đã tạo dữ liệu mẫu vào {_db(args)}: {summary}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from commune_desk.services.errors import ImportRefused
    from commune_desk.services.imports import ImportService

    db = _open(args)
    try:
        report = ImportService(db.context).import_file(args.kind, args.file, args.dry_run)
    except ImportRefused as exc:
        raise Refused(str(exc)) from exc
    finally:
        db.close()
    tail = " (chạy thử: chưa ghi gì)" if report.dry_run else ""
    print(
        f"{report.file}: {report.rows} dòng — thêm {report.added}, sửa {report.changed}, "
        f"không đổi {report.unchanged}"
        + (f", xóa {report.removed}" if report.removed else "")
        + tail
    )
    if report.ignored_columns:
        print("Bỏ qua các cột: " + ", ".join(report.ignored_columns))
    for warning in report.warnings:
        print(f"Cảnh báo: {warning.message}")
    return EXIT_OK


def cmd_indicators(args: argparse.Namespace) -> int:
    from commune_desk.domain.periods import Period
    from commune_desk.services.indicators import IndicatorService, values_json

    period = Period.parse(args.period)
    db = _open(args)
    try:
        result = IndicatorService(db.context).compute(period)
        catalogue = db.context.catalogue
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps(values_json(result), ensure_ascii=False, indent=2))
        return EXIT_OK
    from commune_desk.domain.numbers import format_number

    print(
        f"{result.commune_name} ({result.commune_code}) — {period.label()} — "
        f"{result.window.label()}"
    )
    headers = ("Mã", "Chỉ tiêu", "ĐVT", "Kỳ báo cáo", "Lũy kế", "Cùng kỳ", "Kế hoạch", "% KH")
    rows = []
    for item in catalogue.items():
        f = result.figures[item.code]
        label = item.label if len(item.label) <= 48 else item.label[:47] + "…"
        rows.append(
            (
                item.code,
                label,
                item.unit,
                format_number(f.value, empty="—"),
                format_number(f.ytd, empty="—"),
                format_number(f.last_year, empty="—"),
                format_number(f.target, empty=""),
                format_number(f.pct_of_target, 1),
            )
        )
    _print_table(headers, rows, right_from=3)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from commune_desk.domain.periods import Period
    from commune_desk.services.reports import ReportService

    period = Period.parse(args.period)
    out = (
        args.out
        if args.out.suffix.lower() == ".xlsx"
        else args.out.with_name(args.out.name + ".xlsx")
    )
    db = _open(args)
    try:
        result = ReportService(db.context).export(period, out, args.draft, args.template)
    finally:
        db.close()
    if result.version is None:
        print(f"Đã xuất bản nháp báo cáo {period.label()}: {result.path}")
    else:
        print(
            f"Đã nộp báo cáo {period.label()}, phiên bản {result.version}: {result.path} "
            f"(SHA-256 {result.sha256}). Kỳ này đã khóa."
        )
    for warning in result.warnings:
        print(f"Cảnh báo: {warning.message}")
    return EXIT_OK


def cmd_consolidate(args: argparse.Namespace) -> int:
    """Consolidate commune reports; needs no commune database (the catalogue file only)."""
    from commune_desk.domain.catalogue import load_catalogue
    from commune_desk.services.consolidation import ConsolidationService

    out = (
        args.out
        if args.out.suffix.lower() == ".xlsx"
        else args.out.with_name(args.out.name + ".xlsx")
    )
    service = ConsolidationService(load_catalogue(paths.catalogue_file()))
    result = service.consolidate(args.paths, out, args.period, args.units, args.template)
    print(result.summary)
    return EXIT_OK


def cmd_unlock(args: argparse.Namespace) -> int:
    from commune_desk.domain.periods import Period
    from commune_desk.services.reports import ReportService

    period = Period.parse(args.period)
    db = _open(args)
    try:
        status = ReportService(db.context).unlock(period, args.reason)
    finally:
        db.close()
    print(
        f"Đã mở khóa {period.label()} (đã nộp phiên bản {status.version}); "
        "lần nộp sau sẽ là phiên bản tiếp theo."
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from commune_desk.services.backups import check_database_file
    from commune_desk.services.checks import CheckService

    problems = check_database_file(_db(args))
    if problems:
        raise Refused("Cơ sở dữ liệu bị hỏng: " + "; ".join(problems[:5]))
    db = _open(args)
    try:
        report = CheckService(db.context).check_all()
    finally:
        db.close()
    for problem in report.problems:
        kind = "LỖI" if problem.is_error else "Cảnh báo"
        print(f"{kind}: {problem.message} [{', '.join(problem.codes)}]")
    print(
        f"Toàn vẹn dữ liệu: tốt. Đã kiểm tra {report.months} tháng: "
        f"{report.errors} lỗi, {report.warnings} cảnh báo."
    )
    return EXIT_REFUSED if report.errors else EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from commune_desk.services.backups import backup_now

    target = backup_now(_db(args), paths.backups_dir(), args.to)
    print(f"Đã sao lưu vào {target}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from commune_desk.services.backups import restore_database

    result = restore_database(_db(args), args.file, paths.backups_dir())
    if result.safety_copy:
        print(f"Đã lưu trạng thái hiện tại vào {result.safety_copy}")
    if result.set_aside:
        print(f"Tệp hỏng được giữ lại với tên {result.set_aside}")
    print(f"Đã khôi phục từ {result.restored_from}")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from commune_desk.services.audit import AuditService

    db = _open(args)
    try:
        rows = AuditService(db.context).list(since=args.since)
    finally:
        db.close()
    if args.format == "json":
        payload = [
            {
                "at": r.at.isoformat(),
                "actor": r.actor,
                "action": r.action,
                "entity": r.entity,
                "key": r.key,
                "period": r.period,
                "old": _json_or_none(r.old),
                "new": _json_or_none(r.new),
                "reason": r.reason,
            }
            for r in rows
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    table = [
        (
            r.at.strftime("%d/%m/%Y %H:%M:%S"),
            r.actor,
            r.action,
            r.entity,
            r.key,
            r.period or "",
            _short(r.old),
            _short(r.new),
        )
        for r in rows
    ]
    _print_table(("Thời điểm", "Người", "Thao tác", "Đối tượng", "Khóa", "Kỳ", "Cũ", "Mới"), table)
    print(f"{len(rows)} mục")
    return EXIT_OK


def cmd_user(args: argparse.Namespace) -> int:
    return users.cmd_user(args, _open)


def cmd_selftest(args: argparse.Namespace) -> int:
    """Check the installation offscreen in a temporary folder (Qt stays out of this module)."""
    from commune_desk.selftest import run_selftest

    return run_selftest(sys.stdout)


def _json_or_none(text: str | None) -> object:
    return None if text is None else json.loads(text)


def _short(text: str | None, width: int = 40) -> str:
    if text is None:
        return "—"
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right_from: int = 99):
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            str(c).rjust(w) if i >= right_from else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": cmd_gui,
    "init": cmd_init,
    "demo": cmd_demo,
    "import": cmd_import,
    "indicators": cmd_indicators,
    "export": cmd_export,
    "unlock": cmd_unlock,
    "consolidate": cmd_consolidate,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "user": cmd_user,
    "audit": cmd_audit,
    "selftest": cmd_selftest,
}
