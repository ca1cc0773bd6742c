"""Báo cáo: the page the province reads first, an A4 landscape table of the province's totals
(one row per figure: the year's target, the total, % of target, how many communes the total
covers and how many reached the target), under the agency's heading and above its signature.
The full table of every commune × every figure follows as an appendix (Tổng hợp).
"""

from __future__ import annotations

from commune_desk.domain import documents as doc
from commune_desk.domain.catalogue import Catalogue, Element, Indicator
from commune_desk.domain.indicators import percent_of_target
from commune_desk.excel import styles as st
from commune_desk.excel.consolidation_book import Book
from commune_desk.excel.consolidation_document import ConsolidationDocument
from commune_desk.excel.consolidation_sheets import (
    BODY,
    CENTRE,
    HEAD,
    TABLE_TOP,
    WRAP,
    agency,
    heading,
    official_lines,
    signature_block,
)

HEADLINE_SHEET = "Báo cáo"
WIDTHS = (6, 60, 11, 13, 15, 12, 14, 14)  # fits A4 landscape at about 90 %
HEADERS = (
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch năm",
    "Toàn tỉnh thực hiện kỳ báo cáo",
    "Tỷ lệ % so với KH",
    "Số xã có số liệu",
    "Số xã đạt kế hoạch",
)


def write_headline_sheet(book: Book, document: ConsolidationDocument, catalogue: Catalogue) -> None:
    """The first sheet of the consolidated workbook."""
    sheet = book.sheet(HEADLINE_SHEET, WIDTHS)
    span = len(WIDTHS)
    count = len(document.communes)
    drafts = f", gồm {document.drafts} bản nháp" if document.drafts else ""
    expected = document.expected_count or count
    heading(
        sheet,
        agency(document),
        span,
        "BÁO CÁO",
        f"Kết quả thực hiện phong trào {doc.MOVEMENT} {document.period_subject}",
        f"(Tổng hợp từ báo cáo của {count}/{expected} xã, phường{drafts}; "
        "số liệu từng xã ở trang Tổng hợp)",
    )
    official_lines(sheet, document, span)
    top = TABLE_TOP
    for column, title in enumerate(HEADERS):
        sheet.put(top, column, title, HEAD)
    sheet.height(top, 48)
    row = top + 1
    number_style = BODY.but(horizontal="right")
    for section in catalogue.sections:
        items = catalogue.section_items(section.key)
        if not items:
            continue
        numeral = section.numeral.strip("0 ")
        sheet.put(row, 0, numeral or None, CENTRE.but(bold=True))
        sheet.merge(row, 1, span - 1, section.title.upper(), BODY.but(bold=True))
        row += 1
        index = 0
        for item in items:
            detail = isinstance(item, Element) and item.parent is not None
            index += 0 if detail else 1
            total = document.totals.get(item.code)
            target = document.targets.get(item.code)
            is_indicator = isinstance(item, Indicator)
            sheet.put(row, 0, None if detail else index, CENTRE)
            sheet.put(row, 1, item.label, WRAP.but(italic=detail, indent=2 if detail else 0))
            sheet.put(row, 2, item.unit, CENTRE.but(wrap=True))
            sheet.put(row, 3, target, number_style.but(number_format=st.DECIMAL_FORMAT))
            fmt = st.number_format(total, is_indicator)
            sheet.put(row, 4, total, number_style.but(bold=True, number_format=fmt))
            pct = percent_of_target(total, target) if is_indicator else None
            sheet.put(row, 5, pct, number_style.but(number_format=st.DECIMAL_FORMAT))
            sheet.put(row, 6, document.coverage(item.code), CENTRE)
            met = document.meeting.get(item.code) if target is not None else None
            sheet.put(row, 7, None if met is None else f"{met}/{count}", CENTRE)
            row += 1
    sheet.fit_rows(top + 1, row - 1)
    note = (
        "Ghi chú: tỷ lệ toàn tỉnh tính lại từ tổng tử số và tổng mẫu số của những xã báo cáo đủ "
        "cả hai; «Số xã có số liệu» là số xã trong tổng trên số xã phải nộp."
    )
    sheet.merge(row, 0, span - 1, note, st.CellStyle(size=10, italic=True, wrap=True))
    sheet.height(row, 28)
    last = row
    for text in document.deadline_lines():
        last += 1
        sheet.merge(last, 0, span - 1, text, st.CellStyle(size=11, bold=True, wrap=True))
        sheet.height(last, 16 * st.lines_needed(text, sum(WIDTHS), 11, bold=True))
    last = signature_block(sheet, document, last + 2, span)
    sheet.ws.freeze_panes(top + 1, 0)
    sheet.finish((last, span - 1), (top, top))
    sheet.ws.activate()
