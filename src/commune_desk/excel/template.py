"""Filling a province's own report form (.xlsx) from a ReportDocument.

Every cell whose whole text is a placeholder receives its value; everything else in the file
(merged cells, fonts, borders, number formats, print set-up, other sheets) stays as it was.
Placeholders: `{{code}}` (the period's value; also `{{code.value}}`), `{{code.ytd}}`,
`{{code.target}}`, `{{code.last_year}}`, `{{code.previous}}`, `{{code.pct}}`, `{{code.note}}`,
`{{code.label}}`,
`{{code.unit}}` for every catalogue code, and the document's fields: `{{commune.name}}`,
`{{commune.code}}`, `{{commune.province}}`, `{{period.label}}`, `{{period.key}}`,
`{{report.date}}`, `{{report.window}}`, `{{report.number}}`, `{{signer.name}}` …
An unknown placeholder refuses the whole file, naming the sheet and the cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from commune_desk.excel.atomic import file_sha256, write_atomically
from commune_desk.excel.data_sheet import DATA_SHEET, add_data_sheet
from commune_desk.excel.report_document import DRAFT_MARK, ReportDocument
from commune_desk.excel.tables import TableError, check_xlsx_container
from commune_desk.excel.text import clean_text

PLACEHOLDER = re.compile(r"\s*\{\{\s*([A-Za-z0-9_.]+)\s*\}\}\s*")
_ROW_FIELDS = ("value", "previous", "ytd", "target", "last_year", "pct", "note", "label", "unit")


class TemplateError(ValueError):
    """A template that cannot be filled; the message is Vietnamese and says where."""


def placeholder_values(report: ReportDocument) -> dict[str, object]:
    """Every placeholder name the report can fill, with its value (None: empty)."""
    values: dict[str, object] = dict(report.fields)
    for row in report.rows:
        if not row.code:
            continue
        for name in _ROW_FIELDS:
            value = row.pct if name == "pct" else getattr(row, name)
            values[f"{row.code}.{name}"] = value if value != "" else None
        values[row.code] = row.value
    return values


def find_placeholders(workbook: Any) -> Iterator[tuple[Any, Any, str]]:
    """(sheet, cell, name) of every cell whose whole text is a placeholder."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "{{" in cell.value:
                    match = PLACEHOLDER.fullmatch(cell.value)
                    if match:
                        yield sheet, cell, match.group(1)


def fill_template(template: Path, path: Path, report: ReportDocument) -> str:
    """Write the filled template to `path` atomically; returns the file's hex SHA-256."""
    template = Path(template)
    workbook = load_template(template)
    values = placeholder_values(report)
    unknown = []
    found = 0
    for sheet, cell, name in find_placeholders(workbook):
        if name not in values:
            unknown.append(f"trang «{sheet.title}», ô {cell.coordinate}: {{{{{name}}}}}")
            continue
        found += 1
        value = values[name]
        if isinstance(value, str):
            value = clean_text(value)
            cell.value = value
            cell.data_type = "s"  # text typed by users lands as text, never a formula
        else:
            cell.value = value
    if unknown:
        listed = "\n".join(f"- {u}" for u in unknown)
        raise TemplateError(
            f"Mẫu {template.name} có {len(unknown)} ô giữ chỗ không biết (chưa ghi tệp nào):\n"
            f"{listed}"
        )
    if not found:
        raise TemplateError(
            f"Mẫu {template.name} không có ô giữ chỗ nào dạng {{{{mã chỉ tiêu}}}} để điền."
        )
    if report.draft:
        for sheet in workbook.worksheets:
            if sheet.sheet_state == "visible" and sheet.title != DATA_SHEET:
                own = sheet.oddHeader.center.text  # the province's own header stays beside it
                sheet.oddHeader.center.text = f"{DRAFT_MARK} – {own}" if own else DRAFT_MARK
    add_data_sheet(workbook, report.data, report.data_signature)

    def save(temp: Path) -> str:
        from commune_desk.excel.template_ext import keep_extensions

        workbook.save(temp)
        keep_extensions(template, temp)  # cross-sheet validations openpyxl does not keep
        return file_sha256(temp)

    return write_atomically(Path(path), save)


def load_template(template: Path) -> Any:
    """The template opened with openpyxl (styles kept); TemplateError naming the file."""
    if not template.is_file():
        raise TemplateError(f"Không tìm thấy tệp mẫu {template.name}.")
    if template.suffix.lower() not in (".xlsx", ".xlsm"):
        raise TemplateError(f"Mẫu {template.name}: chỉ nhận tệp Excel .xlsx.")
    try:
        check_xlsx_container(template, formulas=True)  # the province's own formulas stay
    except TableError as exc:
        raise TemplateError(f"Mẫu {exc}") from exc
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():  # the extension blocks are copied back when filled
            warnings.filterwarnings("ignore", "Data Validation extension", UserWarning)
            return load_workbook(template, rich_text=True)
    except Exception as exc:  # a damaged or hostile file: refused with its name, never a crash
        raise TemplateError(f"Mẫu {template.name}: không đọc được bảng tính ({exc}).") from exc
