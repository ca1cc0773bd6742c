"""`commune-desk export|unlock|consolidate`: the province's Excel reports, handed in and merged."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from commune_desk import paths
from commune_desk.cli.common import EXIT_OK, AddCommand, UsageError, open_database
from commune_desk.excel.atomic import xlsx_path


def add_parsers(command: AddCommand) -> None:
    """Declare `export`, `unlock` and `consolidate`."""
    exp = command(
        "export", "xuất báo cáo Excel của một kỳ; không có --draft là nộp và khóa kỳ", cmd_export
    )
    exp.add_argument("--period", required=True, help="2025-09, 2025-Q3, 2025-H1 hoặc 2025")
    exp.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx", help="tệp báo cáo")
    exp.add_argument(
        "--draft", action="store_true", help="bản nháp: ghi chữ BẢN NHÁP, không nộp, không khóa"
    )
    exp.add_argument("--template", type=Path, metavar="FILE.xlsx", help="mẫu biểu của tỉnh")

    unlock = command("unlock", "mở khóa một kỳ đã nộp báo cáo (ghi lý do vào nhật ký)", cmd_unlock)
    unlock.add_argument("--period", required=True, help="kỳ đã nộp, ví dụ 2025-Q3")
    unlock.add_argument("--reason", required=True, help="lý do mở khóa")

    cons = command(
        "consolidate",
        "tổng hợp báo cáo của các xã thành một bảng tính (không cần cơ sở dữ liệu)",
        cmd_consolidate,
        description="tổng hợp báo cáo của các xã: bảng tổng hợp, tình trạng nộp, danh sách vấn đề",
        database=False,
    )
    cons.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="tệp .xlsx hoặc thư mục")
    cons.add_argument(
        "--db",
        help="thay cho các tệp: báo cáo của mọi xã trong cơ sở dữ liệu này (cần --period)",
    )
    cons.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx", help="tệp kết quả")
    cons.add_argument("--period", help="kỳ cần tổng hợp (mặc định: kỳ có nhiều báo cáo nhất)")
    cons.add_argument(
        "--units", type=Path, metavar="FILE", help="danh sách xã (.csv/.xlsx: code,name)"
    )
    cons.add_argument("--template", type=Path, metavar="FILE.xlsx", help="mẫu biểu của tỉnh")
    cons.add_argument(
        "--agency", help="cơ quan ban hành, ví dụ «Sở Khoa học và Công nghệ» (ghi nhớ)"
    )
    cons.add_argument(
        "--parent-agency", help="cơ quan chủ quản (dòng trên), mặc định «UBND tỉnh …» (ghi nhớ)"
    )
    cons.add_argument("--number", help="số, ký hiệu văn bản, ví dụ «BC-SKHCN» (ghi nhớ)")
    cons.add_argument("--place", help="địa danh của dòng ngày tháng (ghi nhớ)")
    cons.add_argument(
        "--date", type=day_month_year, metavar="DD/MM/YYYY", help="ngày văn bản (mặc định hôm nay)"
    )
    cons.add_argument(
        "--deadline",
        type=day_month_year,
        metavar="DD/MM/YYYY",
        help="hạn nộp báo cáo của kỳ: liệt kê xã chưa báo cáo và báo cáo trễ (ghi nhớ theo kỳ)",
    )
    cons.add_argument("--signer", help="họ tên người ký (ghi nhớ)")
    cons.add_argument("--signer-title", help="chức vụ người ký, ví dụ «Phó Giám đốc» (ghi nhớ)")
    cons.add_argument("--recipients", help="nơi nhận, cách nhau bằng dấu ; (ghi nhớ)")
    cons.add_argument(
        "--include-drafts",
        action="store_true",
        help="tính cả bản nháp vào số liệu tổng hợp (được ghi rõ là bản nháp)",
    )


def day_month_year(text: str) -> dt.date:
    """A date typed the Vietnamese way: 10/10/2025."""
    try:
        return dt.datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ngày «{text}» không hợp lệ; ghi theo dạng ngày/tháng/năm, ví dụ 10/10/2025"
        ) from None


def cmd_export(args: argparse.Namespace) -> int:
    from commune_desk.domain.periods import Period
    from commune_desk.services.reports import ReportService

    period = Period.parse(args.period)
    out = xlsx_path(args.out)
    db = open_database(args)
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


def cmd_unlock(args: argparse.Namespace) -> int:
    from commune_desk.domain.periods import Period
    from commune_desk.services.reports import ReportService

    period = Period.parse(args.period)
    db = open_database(args)
    try:
        status = ReportService(db.context).unlock(period, args.reason)
    finally:
        db.close()
    print(
        f"Đã mở khóa {period.label()} (đã nộp phiên bản {status.version}); "
        "lần nộp sau sẽ là phiên bản tiếp theo."
    )
    return EXIT_OK


def cmd_consolidate(args: argparse.Namespace) -> int:
    """Consolidate commune reports; needs no commune database (the catalogue file only)."""
    from commune_desk.domain.catalogue_loader import load_catalogue
    from commune_desk.services.consolidation import ConsolidationService
    from commune_desk.services.province_document import (
        load_deadlines,
        load_settings,
        remember_deadline,
        save_settings,
    )

    remembered = paths.province_document_file()
    document = load_settings(remembered).but(
        parent_agency=args.parent_agency,
        number_prefix=args.number,
        place=args.place,
        agency=args.agency,
        signer_name=args.signer,
        signer_title=args.signer_title,
        recipients=args.recipients,
    )
    if bool(args.db) == bool(args.paths):
        raise UsageError("Cần các tệp báo cáo (PATH...) hoặc --db, không cả hai.")
    if args.db:  # every commune of the database, through the same consolidation as files
        from commune_desk.cli.database_reports import consolidate_database

        result = consolidate_database(args, document)
        save_settings(remembered, document)
        print(result.summary)
        return EXIT_OK
    service = ConsolidationService(load_catalogue(paths.catalogue_file()))
    result = service.consolidate(
        args.paths,
        xlsx_path(args.out),
        args.period,
        args.units,
        args.template,
        include_drafts=args.include_drafts,
        document=document,
        dated=args.date,
        deadline=args.deadline,
        deadlines=load_deadlines(remembered),
    )
    save_settings(remembered, document)  # the next consolidation carries them
    if args.deadline is not None:
        remember_deadline(remembered, result.period, args.deadline)
    print(result.summary)
    return EXIT_OK
