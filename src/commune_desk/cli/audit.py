"""`commune-desk audit`: the change log — who changed what, when — as a table or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from commune_desk.cli.common import EXIT_OK, AddCommand, open_database
from commune_desk.cli.output import print_json, print_table, short


def add_parsers(command: AddCommand) -> None:
    """Declare `audit`."""
    aud = command("audit", "nhật ký thay đổi: ai, khi nào, sửa gì", cmd_audit)
    aud.add_argument("--since", type=_date, help="từ ngày YYYY-MM-DD")
    aud.add_argument("--format", choices=("table", "json"), default="table")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày «{text}» không đúng dạng YYYY-MM-DD") from None


def cmd_audit(args: argparse.Namespace) -> int:
    from commune_desk.services.audit import AuditService

    db = open_database(args)
    try:
        rows = AuditService(db.context).list(since=args.since)
    finally:
        db.close()
    if args.format == "json":
        print_json(
            [
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
        )
        return EXIT_OK
    table = [  # in words, as the window's page (`--format json` gives the entries as stored)
        (
            r.at.strftime("%d/%m/%Y %H:%M:%S"),
            r.actor,
            r.text.action,
            short(r.text.subject, 60),
            r.text.period,
            short(r.text.old),
            short(r.text.new),
        )
        for r in rows
    ]
    print_table(("Thời điểm", "Người", "Thao tác", "Đối tượng", "Kỳ", "Cũ", "Mới"), table)
    print(f"{len(rows)} mục")
    return EXIT_OK


def _json_or_none(text: str | None) -> object:
    return None if text is None else json.loads(text)
