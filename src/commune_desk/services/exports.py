"""Exporting a record list, with the filters and sort the user sees, to an .xlsx file.

The rows are read a page at a time (the activity log may hold 100,000 of them) and streamed
to the workbook; the columns are the kind's fields with their Vietnamese labels, choices as
their labels, so the file reads well and imports back unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from commune_desk.domain.records import VOCABS, Field, FieldType
from commune_desk.excel.lists import ListColumn, ListWriteError, write_list
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.permissions import hidden_fields
from commune_desk.services.records import RecordQuery, RecordService, kind_of

Progress = Callable[[int, int], None]  # (rows done, rows in all); may raise to cancel
PAGE_SIZE = 1000


class ExportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._records = RecordService(ctx)

    def export_list(
        self, kind: str, query: RecordQuery, path: Path, progress: Progress | None = None
    ) -> int:
        """Write every record matching `query` (all pages, same sort) to `path`; rows written.

        Personal fields (phone numbers) are written only for an account allowed to see them.
        """
        spec = kind_of(kind)
        hidden = hidden_fields(self._ctx, spec)
        shown = [f for f in spec.fields if f.name not in hidden]
        base = replace(query, offset=0, limit=None)
        first = self._records.page(spec.name, replace(base, limit=PAGE_SIZE))
        vocabs = self._ctx.catalogue.vocab
        columns = [ListColumn(f.label, _width(f, vocabs)) for f in shown]

        def rows() -> Iterator[list[Any]]:
            page, done, total = first, 0, first.total
            while page.records:
                for record in page.records:
                    yield [_cell(f, record.values.get(f.name), vocabs) for f in shown]
                done += len(page.records)
                if progress is not None:
                    progress(done, max(total, done))
                if len(page.records) < PAGE_SIZE:
                    break
                page = self._records.page(spec.name, replace(base, offset=done, limit=PAGE_SIZE))

        try:
            return write_list(Path(path), spec.label, columns, rows())
        except ListWriteError as exc:
            raise ServiceError(str(exc)) from exc


def _options(spec: Field, vocabs: Mapping[str, Mapping[str, str]]) -> Mapping[str, str]:
    return vocabs.get(spec.vocab) or VOCABS.get(spec.vocab, {})


def _cell(spec: Field, value: Any, vocabs: Mapping[str, Mapping[str, str]]) -> object:
    """A stored value as a cell: dates stay dates, numbers numbers, choices their labels."""
    if value is None or value == "":
        return None
    kind = spec.type
    if kind is FieldType.BOOL:
        return "Có" if value else "Không"
    if kind is FieldType.CHOICE:
        return _options(spec, vocabs).get(value, value)
    if kind is FieldType.CHOICES:
        options = _options(spec, vocabs)
        return "; ".join(options.get(v, v) for v in value)
    if kind is FieldType.DATE and isinstance(value, dt.date):
        return value
    if kind in (FieldType.INT, FieldType.FLOAT) and isinstance(value, int | float):
        return value
    return str(value)


def _width(spec: Field, vocabs: Mapping[str, Mapping[str, str]]) -> float:
    kind = spec.type
    if kind in (FieldType.DATE, FieldType.BOOL, FieldType.INT, FieldType.FLOAT):
        return 12
    if kind is FieldType.CHOICE:
        labels = _options(spec, vocabs).values()
        return min(max((len(label) for label in labels), default=10) + 2, 45)
    if kind is FieldType.CHOICES:
        return 40
    return min(max(spec.max_length * 0.3, 12), 45)


__all__ = ["ExportService"]
