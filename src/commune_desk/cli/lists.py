"""`commune-desk list KIND`: a record list as the window shows and filters it, headless."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from commune_desk.cli.common import EXIT_OK, AddCommand, open_database
from commune_desk.cli.output import print_json, print_table
from commune_desk.domain.records import IMPORT_ORDER as RECORD_KINDS
from commune_desk.domain.records import VOCABS, Field, FieldType

PAGE = 5_000  # rows read at a time, as the window fetches its pages


def add_parsers(command: AddCommand) -> None:
    """Declare `list`."""
    lst = command("list", "in một danh sách (lọc như trong cửa sổ)", cmd_list)
    lst.add_argument("kind", metavar="KIND", choices=RECORD_KINDS, help=", ".join(RECORD_KINDS))
    lst.add_argument(
        "--search",
        default="",
        help="tìm như ô tìm kiếm của cửa sổ (không phân biệt dấu, hoa thường)",
    )
    lst.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table: để đọc; csv: nhập lại được bằng `import`; json",
    )


def cmd_list(args: argparse.Namespace) -> int:
    from commune_desk.services.permissions import hidden_fields
    from commune_desk.services.records import RecordService, kind_of

    db = open_database(args)
    try:
        spec = kind_of(args.kind)
        hidden = hidden_fields(db.context, spec)
        fields = [f for f in spec.fields if f.name not in hidden]
        vocabs = db.context.catalogue.vocab
        records = list(_records(RecordService(db.context), spec.name, args.search))
    finally:
        db.close()
    if args.format == "json":
        print_json([{f.name: _plain(r.values.get(f.name)) for f in fields} for r in records])
    elif args.format == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow([f.name for f in fields])
        out.writerows([_csv_cell(r.values.get(f.name)) for f in fields] for r in records)
    else:
        print_table(
            [f.label for f in fields],
            [[_shown(f, r.values.get(f.name), vocabs) for f in fields] for r in records],
        )
        print(f"{len(records)} dòng")
    return EXIT_OK


def _records(service: Any, kind: str, search: str) -> Iterator[Any]:
    """Every record the window's list shows for `search`, page by page (the same query)."""
    from commune_desk.services.records import RecordQuery

    offset = 0
    while True:
        page = service.page(kind, RecordQuery(search=search, offset=offset, limit=PAGE))
        yield from page.records
        offset += len(page.records)
        if not page.records or offset >= page.total:
            return


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _csv_cell(value: Any) -> str:
    """A cell `import` reads back: dates as 21/11/2026, yes/no as 1/0, topics with ";"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, tuple):
        return ";".join(value)
    if isinstance(value, float):
        from commune_desk.domain.numbers import format_decimal

        return format_decimal(value)
    return str(value)


def _shown(spec: Field, value: Any, vocabs: Mapping[str, Mapping[str, str]]) -> str:
    """A cell as the window shows it: labels, 21/11/2026, có/không, 1.234,5."""
    from commune_desk.domain.numbers import format_decimal, format_number

    if value is None or value == "":
        return ""
    options = vocabs.get(spec.vocab) or VOCABS.get(spec.vocab, {})
    if spec.type is FieldType.CHOICE:
        return options.get(value, str(value))
    if spec.type is FieldType.CHOICES:
        return "; ".join(options.get(v, v) for v in value)
    if spec.type is FieldType.BOOL:
        return "có" if value else "không"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if spec.type is FieldType.FLOAT:
        return format_decimal(value)
    if spec.type is FieldType.INT and spec.name != "birth_year":
        return format_number(value)
    return str(value)
