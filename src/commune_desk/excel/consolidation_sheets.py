"""The consolidated workbook's other sheets: completeness grid, problems and the ranking.

Rows and columns are counted from 0 (XlsxWriter); row 10 is the eleventh row of the sheet.
"""

from __future__ import annotations

from commune_desk.domain import documents as doc
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.consolidation import ranking
from commune_desk.excel import styles as st
from commune_desk.excel.consolidation_book import Book, Sheet
from commune_desk.excel.consolidation_document import ConsolidationDocument

COMMUNE_WIDTHS = (5.5, 9, 24)  # STT, Mã xã, Tên xã: the first columns of both tables
PERIOD_WIDTHS = (14, 30, 12)  # status, file, date generated
KEY_WIDTH = 24  # the signing key's fingerprint
ISSUE_WIDTHS = (5.5, 28, 24, 70, 9, 10)
ISSUE_HEADERS = ("STT", "Tệp", "Vấn đề", "Chi tiết", "Mã xã", "Kỳ")
RANK_WIDTHS = (8, 26, 12, 2)
TABLE_TOP = 10  # the header row of every table below the heading
PX_PER_ROW = 20  # a 15-pt row
CHART_MIN_PX = (490, 227)  # 13 × 6 cm
CHART_COLOUR = "#1F4E79"  # dark blue: readable in greyscale

# The cell styles of these sheets (the summary adds its own).
HEAD = st.CellStyle(size=11, bold=True, horizontal="center", wrap=True, boxed=True)
BODY = st.CellStyle(size=11, boxed=True)
CENTRE = BODY.but(horizontal="center")
WRAP = BODY.but(wrap=True)


def heading(
    sheet: Sheet,
    agency_lines: tuple[str, str],
    span: int,
    title: str,
    subject: str,
    note: str,
    title_from: int = 0,
) -> None:
    """Rows 1-9 in the Decree 30 layout: agency and motto, then the title block.

    The title block spans the columns title_from..span-1 (a sheet that repeats its first
    columns on every page starts it after them, or each page would show a cut title).
    """
    bold13 = st.CellStyle(size=13, bold=True, horizontal="center")
    left = 2  # STT, code and name: wide enough for the agency's name
    right = (left + 1, span - 1)
    sheet.merge(0, 0, left, agency_lines[0], bold13)
    sheet.merge(0, *right, doc.MOTTO_COUNTRY, bold13)
    sheet.merge(1, 0, left, agency_lines[1], bold13)
    motto = st.CellStyle(size=14, bold=True, underline=True, horizontal="center")
    sheet.merge(1, *right, doc.MOTTO, motto)
    sheet.merge(2, 0, left, "—" * 6, st.CellStyle(size=10, bold=True, horizontal="center"))
    sheet.height(2, 10)
    centre = st.CellStyle(size=14, bold=True, horizontal="center", wrap=True)
    sheet.merge(5, title_from, span - 1, title, centre)
    sheet.merge(6, title_from, span - 1, subject, centre.but(size=13))
    sheet.merge(7, title_from, span - 1, note, centre.but(size=12, bold=False, italic=True))
    for row in (3, 4, 8, 9):
        sheet.height(row, 8)


def agency(document: ConsolidationDocument) -> tuple[str, str]:
    """The two lines of the issuing agency: as set, else the province's people's committee."""
    lines = document.official.agency
    return lines if lines[1] else doc.province_agency_lines(document.province)


def official_lines(sheet: Sheet, document: ConsolidationDocument, span: int) -> None:
    """The number (under the agency) and the place and date (under the motto), row 4."""
    official = document.official
    left = 2
    if official.number_line:
        sheet.merge(3, 0, left, official.number_line, st.CellStyle(size=13, horizontal="center"))
    if official.date_line:
        style = st.CellStyle(size=13, italic=True, horizontal="center")
        sheet.merge(3, left + 1, span - 1, official.date_line, style)
    if official.number_line or official.date_line:
        sheet.height(3, 20)


def signature_block(sheet: Sheet, document: ConsolidationDocument, row: int, span: int) -> int:
    """Nơi nhận (left) and the signer (right) from `row`; returns the last row written."""
    official = document.official
    if not (official.signer_title or official.signer_name or official.recipients):
        return row - 1
    left = 2
    right = (left + 1, span - 1)
    bold = st.CellStyle(size=13, bold=True, horizontal="center")
    sheet.merge(row, 0, left, "Nơi nhận:", st.CellStyle(size=12, bold=True, italic=True))
    if official.signer_capacity:
        sheet.merge(row, *right, official.signer_capacity, bold)
    if official.signer_title:
        sheet.merge(row + 1, *right, official.signer_title, bold)
    for offset, line in enumerate(official.recipients, start=1):
        sheet.merge(row + offset, 0, left, line, st.CellStyle(size=11))
    name_row = row + 6
    if official.signer_name:
        sheet.merge(name_row, *right, official.signer_name, bold)
    return max(name_row, row + len(official.recipients))


def commune_header(sheet: Sheet, top: int, bottom: int) -> None:
    """STT, Mã xã and Tên xã, each merged from row `top` to `bottom`."""
    for column, title in enumerate(("STT", "Mã xã", "Tên xã")):
        sheet.merge_block(top, column, bottom, column, title, HEAD)


def write_grid_sheet(book: Book, document: ConsolidationDocument) -> None:
    """Tình trạng nộp: every expected commune × every period found: missing, draft, vN."""
    periods = document.grid_periods
    widths = (*COMMUNE_WIDTHS, *(w for _ in periods for w in PERIOD_WIDTHS), KEY_WIDTH)
    key_column = len(widths) - 1
    sheet = book.sheet("Tình trạng nộp", widths)
    expected = sum(1 for r in document.grid if r.expected)
    submitted = sum(1 for r in document.grid if r.expected and any(not c.missing for c in r.cells))
    note = f"(Đã có báo cáo của {submitted}/{expected} xã, phường trong danh sách)"
    heading(
        sheet, agency(document), len(widths), "TÌNH TRẠNG NỘP BÁO CÁO", _subject(document), note
    )
    top = TABLE_TOP
    commune_header(sheet, top, top + 1)
    for index, (_key, label) in enumerate(periods):
        first = len(COMMUNE_WIDTHS) + index * len(PERIOD_WIDTHS)
        sheet.merge(top, first, first + 2, label, HEAD)
        for offset, title in enumerate(("Tình trạng", "Tệp", "Ngày lập")):
            sheet.put(top + 1, first + offset, title, HEAD)
    sheet.merge_block(top, key_column, top + 1, key_column, "Khóa ký (dấu vân tay)", HEAD)
    row = top + 2
    left = BODY
    missing = CENTRE.but(bold=True)
    for index, grid_row in enumerate(document.grid, start=1):
        sheet.put(row, 0, index, CENTRE)
        sheet.put(row, 1, grid_row.code, CENTRE)
        name = grid_row.name if grid_row.expected else f"{grid_row.name} (ngoài danh sách)"
        sheet.put(row, 2, name, left)
        for p, cell in enumerate(grid_row.cells):
            first = len(COMMUNE_WIDTHS) + p * len(PERIOD_WIDTHS)
            sheet.put(row, first, cell.status, missing if cell.missing else CENTRE)
            sheet.put(row, first + 1, cell.file or None, left)
            sheet.put(row, first + 2, cell.generated or None, CENTRE)
        sheet.put(row, key_column, grid_row.key or None, CENTRE.but(wrap=True))
        row += 1
    sheet.fit_rows(top, row - 1)
    sheet.ws.freeze_panes(top + 2, len(COMMUNE_WIDTHS))
    sheet.finish((row - 1, len(widths) - 1), (top, top + 1))


def write_issues_sheet(book: Book, document: ConsolidationDocument) -> None:
    """Vấn đề: every file that could not be used (or was used with a reservation), and why."""
    sheet = book.sheet("Vấn đề", ISSUE_WIDTHS)
    count = len(document.issues)
    note = f"(Đã đọc {document.files_read} tệp; {count} vấn đề)"
    heading(
        sheet, agency(document), len(ISSUE_WIDTHS), "DANH SÁCH VẤN ĐỀ", _subject(document), note
    )
    top = TABLE_TOP
    for column, title in enumerate(ISSUE_HEADERS):
        sheet.put(top, column, title, HEAD)
    row = top + 1
    if not document.issues:
        sheet.merge(row, 0, len(ISSUE_WIDTHS) - 1, "Không có vấn đề nào.", BODY)
        row += 1
    for index, issue in enumerate(document.issues, start=1):
        cells = (index, issue.file, issue.label, issue.detail, issue.commune_code, issue.period)
        for column, value in enumerate(cells):
            style = CENTRE if column in (0, 4, 5) else WRAP
            sheet.put(row, column, value if value != "" else None, style)
        row += 1
    sheet.fit_rows(top, row - 1)
    sheet.ws.freeze_panes(top + 1, 0)
    sheet.finish((row - 1, len(ISSUE_WIDTHS) - 1), (top, top))


def write_ranking_sheet(book: Book, document: ConsolidationDocument, catalogue: Catalogue) -> None:
    """Xếp hạng: for each main indicator the communes ranked, and a bar chart beside them."""
    sheet = book.sheet("Xếp hạng", RANK_WIDTHS)
    title = st.CellStyle(size=14, bold=True)
    caption = st.CellStyle(size=12, bold=True)
    value_style = BODY.but(horizontal="right", number_format=st.DECIMAL_FORMAT)
    sheet.put(0, 0, f"XẾP HẠNG CÁC XÃ — {document.period_label.upper()}", title)
    row = 2
    for code in document.main_indicators:
        item = catalogue.get(code)
        ranked = ranking([(c.shown_name, c.values.get(code)) for c in document.communes])
        target = document.targets.get(code)
        suffix = f" (kế hoạch: {target:g})" if target is not None else ""
        sheet.put(row, 0, f"{item.label} ({item.unit}){suffix}", caption)
        header = row + 1
        for column, text in enumerate(("Hạng", "Xã, phường", "Giá trị")):
            sheet.put(header, column, text, HEAD)
        for offset, (rank, name, value) in enumerate(ranked, start=1):
            sheet.put(header + offset, 0, rank, CENTRE)
            sheet.put(header + offset, 1, name, BODY)
            sheet.put(header + offset, 2, value, value_style)
        if ranked:
            _add_chart(sheet, header, len(ranked), item.unit)
        blank = max(len(ranked) + 1, 12)
        row = header + blank + 2
    last_column = len(RANK_WIDTHS) + 8 - 1  # the chart spans about eight columns
    sheet.finish((max(row - 2, 0), last_column), None)
    sheet.ws.set_portrait()


OPINION_WIDTHS = (5.5, 9, 22, 48, 48, 48)


def write_opinions_sheet(book: Book, document: ConsolidationDocument) -> None:
    """Ý kiến các xã: each commune's Đánh giá chung, Khó khăn and Đề xuất, as it wrote them."""
    sheet = book.sheet("Ý kiến các xã", OPINION_WIDTHS)
    written = [c for c in document.communes if any(c.narrative.values())]
    note = f"({len(written)}/{len(document.communes)} xã, phường có ghi nhận định)"
    heading(sheet, agency(document), len(OPINION_WIDTHS), "Ý KIẾN CÁC XÃ", _subject(document), note)
    top = TABLE_TOP
    titles = ("STT", "Mã xã", "Tên xã", *(title for _key, title in doc.NARRATIVE))
    for column, title in enumerate(titles):
        sheet.put(top, column, title, HEAD)
    row = top + 1
    for index, commune in enumerate(written, start=1):
        sheet.put(row, 0, index, CENTRE)
        sheet.put(row, 1, commune.code, CENTRE)
        sheet.put(row, 2, commune.shown_name, WRAP)
        for column, (key, _title) in enumerate(doc.NARRATIVE, start=3):
            sheet.put(row, column, commune.narrative.get(key) or None, WRAP.but(vertical="top"))
        row += 1
    if not written:
        sheet.merge(row, 0, len(OPINION_WIDTHS) - 1, "Chưa xã nào ghi nhận định.", BODY)
        row += 1
    sheet.fit_rows(top, row - 1)
    sheet.ws.freeze_panes(top + 1, 3)
    sheet.finish((row - 1, len(OPINION_WIDTHS) - 1), (top, top))


def _add_chart(sheet: Sheet, header: int, count: int, unit: str) -> None:
    """A horizontal bar chart of the ranked values, the first rank on top."""
    chart = sheet.book.workbook.add_chart({"type": "bar"})
    name = sheet.ws.get_name()
    first, last = header + 1, header + count
    chart.add_series(
        {
            "name": [name, header, 2],
            "categories": [name, first, 1, last, 1],
            "values": [name, first, 2, last, 2],
            "fill": {"color": CHART_COLOUR},
            "gap": 50,
        }
    )
    axis_font = {"name": st.FONT_NAME, "size": 9}
    # In a bar chart the x axis is the horizontal value axis, the y axis the communes.
    chart.set_x_axis(
        {"name": unit, "min": 0, "num_font": axis_font, "name_font": axis_font | {"bold": False}}
    )
    # The first rank on top; the values' axis then crosses at the last commune, at the bottom.
    chart.set_y_axis(
        {"reverse": True, "crossing": "max", "interval_unit": 1, "num_font": axis_font}
    )
    chart.set_title({"none": True})
    chart.set_legend({"none": True})
    width, minimum = CHART_MIN_PX
    chart.set_size({"width": width, "height": max(minimum, (count + 1) * PX_PER_ROW)})
    sheet.ws.insert_chart(header, len(RANK_WIDTHS), chart)


def _subject(document: ConsolidationDocument) -> str:
    return f"Phong trào {doc.MOVEMENT} {document.period_subject}"
