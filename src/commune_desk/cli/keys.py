"""`commune-desk key show|review|receive`: the commune's public key for the province's units
list, the province's signed reply to a report, and the commune receiving it."""

from __future__ import annotations

import argparse
from pathlib import Path

from commune_desk import paths
from commune_desk.cli.common import EXIT_OK, AddCommand, open_database
from commune_desk.excel.atomic import xlsx_path


def add_parsers(command: AddCommand) -> None:
    """Declare `key`."""
    key = command(
        "key",
        "khóa ký số của xã: «key show» in dòng code,name,public_key để gửi tỉnh",
        cmd_key,
    )
    key.add_argument("action", choices=["show"], help="show: in khóa công khai của xã")

    review = command(
        "review",
        "(tỉnh) tiếp nhận hoặc trả lại báo cáo của một xã: ghi phiếu phản hồi có chữ ký số",
        cmd_review,
        database=False,
    )
    review.add_argument("report", type=Path, metavar="REPORT.xlsx", help="báo cáo của xã")
    decision = review.add_mutually_exclusive_group(required=True)
    decision.add_argument("--accept", action="store_true", help="tiếp nhận báo cáo")
    decision.add_argument("--return", dest="return_", action="store_true", help="trả lại")
    review.add_argument("--reason", default="", help="lý do (bắt buộc khi trả lại)")
    review.add_argument("--out", required=True, type=Path, metavar="REPLY", help="tệp phản hồi")
    review.add_argument(
        "--key",
        type=Path,
        metavar="FILE",
        help="tệp khóa ký của tỉnh (mặc định: trong thư mục dữ liệu; tạo khi dùng lần đầu)",
    )

    receive = command(
        "receive",
        "(xã) nhận phiếu phản hồi của tỉnh: tiếp nhận, hoặc trả lại và mở khóa kỳ",
        cmd_receive,
    )
    receive.add_argument("reply", type=Path, metavar="REPLY", help="tệp phản hồi của tỉnh")
    receive.add_argument(
        "--trust-province-key",
        action="store_true",
        help="ghi nhận khóa của tỉnh (lần đầu, sau khi đã đối chiếu dấu vân tay với tỉnh)",
    )


def cmd_key(args: argparse.Namespace) -> int:
    from commune_desk.services.signing import KeyService

    db = open_database(args)
    try:
        line = KeyService(db.context).show()
    finally:
        db.close()
    print("code,name,public_key")
    print(line.csv())
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from commune_desk.services.replies import ReviewService

    service = ReviewService(args.key or paths.province_key_file())
    result = service.review(args.report, args.accept, args.reason, xlsx_path(args.out))
    print(result.summary)
    return EXIT_OK


def cmd_receive(args: argparse.Namespace) -> int:
    from commune_desk.domain.periods import Period
    from commune_desk.services.replies import ReplyService

    db = open_database(args)
    try:
        received = ReplyService(db.context).receive(args.reply, args.trust_province_key)
    finally:
        db.close()
    label = Period.parse(received.period).label()
    print(f"Đã nhận phản hồi của tỉnh cho báo cáo {label} v{received.version}: {received.status}.")
    if received.unlocked:
        print("Kỳ báo cáo đã được mở khóa để sửa và nộp lại.")
    return EXIT_OK
