"""Reading one commune's report for the consolidation: a CommuneReport, or an Issue.

Our own reports are read through their hidden `_data` sheet (checksum verified) and checked
against the visible report; hand-filled copies of a province template through that template's
placeholders. Everything is read with python-calamine, after the container check that refuses
zip bombs, XML entity declarations and files that only claim to be .xlsx. A bad file never
raises: it comes back as an Issue naming the file and the reason.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.consolidation import Issue, IssueKind
from commune_desk.domain.indicators import with_indicators
from commune_desk.domain.numbers import Number
from commune_desk.excel.data_sheet import (
    DATA_SHEET,
    FORMAT,
    NARRATIVE_PREFIX,
    DataKey,
    DataSheet,
    DataSheetError,
    parse_data_grid,
    unescape_text,
    value_number,
)
from commune_desk.excel.report_document import REPORT_HEADERS
from commune_desk.excel.stored_zip import stored_zip
from commune_desk.excel.tables import TableError, check_xlsx_container
from commune_desk.excel.template_copy import (
    TemplateMap,
    copy_cells,
    copy_figures,
    copy_period,
    field_text,
)
from commune_desk.excel.template_copy import (
    load_template_map as load_template_map,  # re-exported for the service
)
from commune_desk.excel.workbook_guard import Refusal, check_xlsx_bytes

LABEL_HEADER = REPORT_HEADERS[1]  # "Chỉ tiêu"
VALUE_HEADER = REPORT_HEADERS[4]  # "Thực hiện kỳ báo cáo"
_MAX_LISTED = 5  # codes named in one message
_BATCH = 64  # files checked, then read, together (see ReportReader.read_many)
_HELD = 1 << 20  # a file up to this size is read once, checked and read from memory
_HELD_UNPACKED = 2 << 20  # and its checked parts handed on when they unpack to no more


@dataclass(frozen=True)
class CommuneReport:
    """What one usable file says: the commune, the period and every catalogue code's value."""

    file: str
    path: Path
    commune_code: str
    commune_name: str
    province: str
    period: str  # "" when a template copy does not say (the consolidated period is assumed)
    generated: str  # dd/mm/yyyy, or "" when unknown
    draft: bool
    version: int | None
    values: Mapping[str, Number | None]
    source: str = "data"  # "data" (`_data` sheet) or "template" (a hand-filled copy)
    notes: tuple[str, ...] = field(default=())  # values that could not be read (template)
    public_key: str = ""  # the key whose valid signature the report carries; "" if unsigned
    narrative: tuple[tuple[str, str], ...] = ()  # (part, text): Đánh giá chung, …
    # A submission's identity (reports since it was added): when it was issued (ISO) and its
    # random id; the moment orders submissions without trusting version numbers alone.
    issued_at: str = ""
    uid: str = ""

    @property
    def rank(self) -> tuple[int, str, int, str]:
        """Higher is better among copies of one commune: submitted, issued last, highest
        version, newest day."""
        return (
            0 if self.draft else 1,
            self.issued_at,
            self.version or 0,
            _sortable(self.generated),
        )


def read_report(
    path: Path, catalogue: Catalogue, template: TemplateMap | None = None
) -> CommuneReport | Issue:
    """Read one file; never raises for a bad file (the Issue says why it is not usable)."""
    return ReportReader(catalogue, template).read(path)


class ReportReader:
    """Reads the reports of one consolidation: the catalogue's lookups are made once."""

    def __init__(self, catalogue: Catalogue, template: TemplateMap | None = None) -> None:
        self.catalogue = catalogue
        self.template = template
        self.codes = catalogue.codes()
        by_label: dict[str, list[str]] = {}
        for item in catalogue.items():
            by_label.setdefault(item.label.strip(), []).append(item.code)
        # A label shared by two codes cannot tell them apart on the visible sheet.
        self.label_codes = {label: codes[0] for label, codes in by_label.items() if len(codes) == 1}
        self.names = {code: f"«{label}»" for label, code in self.label_codes.items()}  # not codes

    def read(self, path: Path) -> CommuneReport | Issue:
        """Read one file; never raises for a bad file (the Issue says why it is not usable)."""
        path = Path(path)
        checked = _checked(path, self.template is not None)
        if isinstance(checked, Issue):
            return checked
        return self._read_safe_container(path, checked)

    def read_many(self, paths: Sequence[Path]) -> Iterator[CommuneReport | Issue]:
        """What `read` returns for each file, in order, lazily.

        The containers are checked a batch of files at a time, then those files read: the
        check and the reading each keep the processor's caches warm, which costs noticeably
        less than alternating the two for every file.
        """
        for start in range(0, len(paths), _BATCH):
            batch = [Path(path) for path in paths[start : start + _BATCH]]
            formulas = self.template is not None
            checked = [_checked(path, formulas) for path in batch]
            for path, found in zip(batch, checked, strict=True):
                yield found if isinstance(found, Issue) else self._read_safe_container(path, found)

    def read_data(self, data: DataSheet, path: Path | None = None) -> CommuneReport | Issue:
        """The report a `_data` sheet's content stands for, after the same checks a file's
        gets (checksum, format, signature, numbers); an Issue naming `data.file` if unusable.

        The visible sheet is not compared here (the file reader does that); `path` is the
        file read, or None for a report never written (its name alone then).
        """
        name = data.file
        if not data.intact:
            detail = f"{name}: trang {DATA_SHEET} đã bị sửa sau khi xuất (sai mã kiểm tra SHA-256)."
            return Issue(name, IssueKind.CHECKSUM, detail, data.get(DataKey.COMMUNE_CODE, "") or "")
        if data.format != FORMAT:
            detail = f"{name}: trang {DATA_SHEET} có định dạng «{data.format}» lạ."
            return Issue(name, IssueKind.NO_DATA, detail)
        found, head = data.values, data.head()
        if (data.signature or data.public_key) and not data.signature_valid():
            detail = (
                f"{name}: chữ ký không hợp lệ (trang {DATA_SHEET} không phải do khóa ghi trong tệp "
                "ký, hoặc đã bị sửa rồi tính lại mã kiểm tra)."
            )
            return Issue(name, IssueKind.SIGNATURE, detail, head.commune_code)
        values: dict[str, Number | None] = {}
        for code in self.codes:
            text = found.get(code, "")
            try:
                values[code] = value_number(text)
            except ValueError:
                detail = (
                    f"{name}: giá trị «{text[:30]}» của {code} trong {DATA_SHEET} không phải số."
                )
                return Issue(name, IssueKind.NO_DATA, detail, head.commune_code)
        report = CommuneReport(
            file=name,
            path=Path(name) if path is None else path,
            commune_code=head.commune_code,
            commune_name=head.commune_name,
            province=head.province,
            period=head.period,
            generated="" if head.generated_at is None else f"{head.generated_at:%d/%m/%Y}",
            draft=head.draft,
            version=head.version,
            issued_at="" if head.issued_at is None else head.issued_at.isoformat("T", "seconds"),
            uid=head.submission_id,
            values=values,
            public_key=data.public_key if data.signature else "",
            narrative=tuple(
                (key.removeprefix(NARRATIVE_PREFIX), unescape_text(text))
                for key, text in data.rows
                if key.startswith(NARRATIVE_PREFIX) and text
            ),
        )
        return report

    def _read_safe_container(self, path: Path, content: bytes | None) -> CommuneReport | Issue:
        """Read a file whose container passed the check (never raises for a bad file):
        `content` is what was checked, else None to read the file itself."""
        try:
            return _read(path, self, content)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # calamine may panic on a damaged part: just a bad file
            return Issue(path.name, IssueKind.UNREADABLE, f"{path.name}: không đọc được ({exc}).")


def container_issue(path: Path, formulas: bool = False) -> Issue | None:
    """Why the file is not a safe .xlsx container, or None when it is.

    With `formulas` (copies of a province's form), formulas without a result are let through.
    """
    checked = _checked(path, formulas)
    return checked if isinstance(checked, Issue) else None


def _checked(path: Path, formulas: bool) -> Issue | bytes | None:
    """Why the file is not a safe .xlsx container; else what the reader opens: the parts
    that were checked packed again (stored), or None to open the file itself (a large one).

    A usual report is read once: the checks and the reader see the same bytes.
    """
    name = path.name
    try:
        with open(path, "rb") as handle:
            raw = handle.read(_HELD + 1)
    except OSError as exc:
        return Issue(name, IssueKind.UNREADABLE, f"{name}: không mở được ({exc.strerror}).")
    if raw[:4] != b"PK\x03\x04":
        detail = f"{name}: không phải bảng tính Excel .xlsx (tệp rỗng, tệp khác hoặc chỉ đổi đuôi)."
        return Issue(name, IssueKind.NOT_WORKBOOK, detail)
    held = len(raw) <= _HELD
    if not zipfile.is_zipfile(io.BytesIO(raw) if held else path):
        detail = f"{name}: tệp Excel bị cắt cụt hoặc hỏng (không đọc được mục lục của tệp nén)."
        return Issue(name, IssueKind.UNREADABLE, detail)
    try:
        if not held:
            check_xlsx_container(path, formulas)
            return None
        parts = check_xlsx_bytes(name, raw, formulas)
    except TableError as exc:
        kind = {
            Refusal.NOT_WORKBOOK: IssueKind.NOT_WORKBOOK,
            Refusal.HOSTILE: IssueKind.REFUSED,
        }.get(exc.refusal, IssueKind.UNREADABLE)
        return Issue(name, kind, str(exc))
    if parts is None or sum(len(data) for data, _crc in parts.values()) > _HELD_UNPACKED:
        return raw
    return stored_zip(parts) or raw


def _read(path: Path, reader: ReportReader, content: bytes | None) -> CommuneReport | Issue:
    from python_calamine import CalamineWorkbook

    catalogue, template = reader.catalogue, reader.template
    name = path.name
    if content is None:
        workbook = CalamineWorkbook.from_path(str(path))
    else:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    sheets = workbook.sheet_names
    if DATA_SHEET not in sheets:
        if template is not None:
            return _read_template_copy(path, workbook, catalogue, template)
        detail = (
            f"{name}: không có trang {DATA_SHEET} (không phải báo cáo xuất từ Commune Desk; "
            "bản điền tay theo mẫu của tỉnh cần có --template)."
        )
        return Issue(name, IssueKind.NO_DATA, detail)
    grid = workbook.get_sheet_by_name(DATA_SHEET).to_python(skip_empty_area=False)
    try:
        data = parse_data_grid(name, grid)
    except DataSheetError as exc:
        return Issue(name, IssueKind.NO_DATA, str(exc))
    report = reader.read_data(data, path)
    if isinstance(report, Issue):
        return report
    differences = _visible_differences(workbook, reader, report.values)
    if differences:
        listed = "; ".join(differences[:_MAX_LISTED])
        more = f" và {len(differences) - _MAX_LISTED} chỉ tiêu khác" if len(differences) > 5 else ""
        detail = f"{name}: trang báo cáo khác phần dữ liệu ẩn: {listed}{more}."
        return Issue(name, IssueKind.MISMATCH, detail, report.commune_code, report.period)
    return report


def _visible_differences(
    workbook: Any, reader: ReportReader, values: Mapping[str, Number | None]
) -> list[str]:
    """The codes whose visible value differs from `_data` ("code: shown ≠ stored")."""
    first = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    shown = _report_sheet_values(first, reader.label_codes)
    if shown is None and reader.template is not None:
        read = copy_cells(reader.template.file, workbook, reader.template).values
        shown = {
            name.removesuffix(".value"): cell
            for name, cell in read.items()
            if name.removesuffix(".value") in values
        }
    names = reader.names
    differences = []
    for code, cell in (shown or {}).items():
        stored = values[code]
        if (cell == stored and not isinstance(cell, bool)) or (cell == "" and stored is None):
            continue  # the common case, without parsing
        try:
            visible = _cell_number(cell)
        except ValueError:
            differences.append(f"{names.get(code, code)}: «{str(cell)[:20]}» ≠ {_show(stored)}")
            continue
        if not _same(visible, values[code]):
            differences.append(f"{names.get(code, code)}: {_show(visible)} ≠ {_show(stored)}")
    return differences


def _report_sheet_values(
    grid: list[list[Any]], label_codes: Mapping[str, str]
) -> dict[str, Any] | None:
    """The "Thực hiện kỳ báo cáo" cell of every row whose label is a catalogue label."""
    # The program's own reports carry the headers exactly: found without a copy of each row.
    header = next(
        (
            (i, row)
            for i, row in enumerate(grid[:40])
            if LABEL_HEADER in row and VALUE_HEADER in row
        ),
        None,
    ) or next(
        (
            (i, cells)
            for i, row in enumerate(grid[:40])
            if LABEL_HEADER in (cells := [c.strip() if isinstance(c, str) else c for c in row])
            and VALUE_HEADER in cells
        ),
        None,
    )
    if header is None:
        return None
    index, cells = header
    label_col, value_col = cells.index(LABEL_HEADER), cells.index(VALUE_HEADER)
    width = max(label_col, value_col)
    shown: dict[str, Any] = {}
    for row in grid[index + 2 :]:
        if len(row) <= width or not isinstance(label := row[label_col], str):
            continue
        code = label_codes.get(label) or label_codes.get(label.strip())
        if code is not None:
            shown[code] = row[value_col]
    return shown


def _read_template_copy(
    path: Path, workbook: Any, catalogue: Catalogue, template: TemplateMap
) -> CommuneReport | Issue:
    name = path.name
    missing = [s for s in template.sheets() if s not in workbook.sheet_names]
    if missing:
        detail = f"{name}: không có trang «{missing[0]}» của mẫu {template.file} (không theo mẫu)."
        return Issue(name, IssueKind.NO_DATA, detail)
    read = copy_cells(name, workbook, template, path)
    figures = copy_figures(name, read, catalogue)
    if not figures.elements:
        detail = f"{name}: không có ô số liệu nào theo mẫu {template.file}."
        return Issue(name, IssueKind.NO_DATA, detail)
    cells = read.values
    code = field_text(cells.get("commune.code"))
    commune = field_text(cells.get("commune.name"))
    if not code and not commune:
        detail = f"{name}: bản điền theo mẫu không ghi mã hoặc tên xã ({{{{commune.code}}}})."
        return Issue(name, IssueKind.NO_DATA, detail)
    period, period_note = copy_period(name, cells.get("period.key") or cells.get("period.label"))
    modified = dt.datetime.fromtimestamp(path.stat().st_mtime)
    return CommuneReport(
        file=name,
        path=path,
        commune_code=code,
        commune_name=commune,
        province=field_text(cells.get("commune.province")),
        period=period,
        generated=field_text(cells.get("report.date")) or f"{modified:%d/%m/%Y}",
        draft=False,
        version=int(v) if (v := field_text(cells.get("report.version"))).isdigit() else None,
        values=with_indicators(catalogue, figures.elements),
        source="template",
        notes=tuple(n for n in (*figures.notes, period_note) if n),
    )


def _cell_number(cell: Any) -> Number | None:
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, int | float):
        return cell
    return value_number(str(cell).strip())


def _same(a: Number | None, b: Number | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _show(value: Number | None) -> str:
    return "(trống)" if value is None else f"{value:g}"


def _sortable(day: str) -> str:
    """dd/mm/yyyy as yyyymmdd, so later dates sort higher."""
    parts = day.split("/")
    return "".join(reversed(parts)) if len(parts) == 3 else ""
