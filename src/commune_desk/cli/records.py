"""`commune-desk init|demo|import|indicators`: create a commune, fill it, read its figures."""

from __future__ import annotations

import argparse
from pathlib import Path

from commune_desk.cli.common import EXIT_OK, AddCommand, Refused, database, open_database
from commune_desk.cli.output import print_json, print_table, short
from commune_desk.domain.records import IMPORT_ORDER as RECORD_KINDS


def add_parsers(command: AddCommand) -> None:
    """Declare `init`, `demo`, `import` and `indicators`."""
    init = command("init", "tạo cơ sở dữ liệu cho một xã", cmd_init)
    init.add_argument("--commune-code", required=True, help="mã đơn vị hành chính (5 chữ số)")
    init.add_argument("--commune-name", required=True, help="tên xã, phường")
    init.add_argument("--province", required=True, help="tên tỉnh, thành phố")
    init.add_argument(
        "--cutoff",
        choices=("calendar", "decree09"),
        default="calendar",
        help="cách chốt số liệu: tháng dương lịch hoặc theo Nghị định 09/2019",
    )

    demo = command("demo", "tạo một xã mẫu với dữ liệu giả lập", cmd_demo)
    demo.add_argument("--seed", type=int, default=2025, help="hạt giống ngẫu nhiên (mặc định 2025)")

    imp = command("import", "nhập danh sách hoặc số liệu hằng tháng từ .csv/.xlsx", cmd_import)
    imp.add_argument(
        "kind",
        metavar="KIND",
        choices=("values", *RECORD_KINDS),
        help="values, " + ", ".join(RECORD_KINDS),
    )
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="chỉ báo cáo, không ghi gì")

    ind = command("indicators", "tính các chỉ tiêu của một kỳ", cmd_indicators)
    ind.add_argument("--period", required=True, help="2025-09, 2025-Q3, 2025-H1 hoặc 2025")
    ind.add_argument("--format", choices=("table", "json"), default="table")


def cmd_init(args: argparse.Namespace) -> int:
    from commune_desk.domain.periods import Mode
    from commune_desk.services.commune import CommuneService

    db = open_database(args, choose=False)  # a database of communes gets another one
    try:
        profile = CommuneService(db.context).init(
            args.commune_code, args.commune_name, args.province, Mode(args.cutoff)
        )
    finally:
        db.close()
    print(
        f"Đã tạo cơ sở dữ liệu của {profile.name} (mã {profile.code}), {profile.province}: "
        f"{database(args)}"
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from commune_desk.demo import build_demo

    db = open_database(args)
    try:
        summary = build_demo(db.context, seed=args.seed)
    finally:
        db.close()
    print(f"Đã tạo dữ liệu mẫu vào {database(args)}: {summary}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from commune_desk.services.errors import ImportRefused
    from commune_desk.services.imports import ImportService

    db = open_database(args)
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
    for note in report.notes:
        print(f"Lưu ý: {note}")
    for warning in report.warnings:
        print(f"Cảnh báo: {warning.message}")
    return EXIT_OK


def cmd_indicators(args: argparse.Namespace) -> int:
    from commune_desk.domain.periods import Period
    from commune_desk.services.indicators import IndicatorService, values_json

    period = Period.parse(args.period)
    db = open_database(args)
    try:
        result = IndicatorService(db.context).compute(period)
        catalogue = db.context.catalogue
    finally:
        db.close()
    if args.format == "json":
        print_json(values_json(result))
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
        rows.append(
            (
                item.code,
                short(item.label, 48),
                item.unit,
                format_number(f.value, empty="—"),
                format_number(f.ytd, empty="—"),
                format_number(f.last_year, empty="—"),
                format_number(f.target, empty=""),
                format_number(f.pct_of_target, 1),
            )
        )
    print_table(headers, rows, right_from=3)
    return EXIT_OK
