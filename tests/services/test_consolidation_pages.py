"""The consolidated workbook printed: page numbers as Decree 30/2020 places them (Arabic
numerals, top centre, none on the first page, each sheet numbered on its own), read from the
PDF that LibreOffice makes of it."""

from __future__ import annotations

import random
import zipfile

from commune_desk.demo.province import varied_values
from commune_desk.services.consolidation import ConsolidationService
from commune_desk.services.province_document import DocumentSettings
from tests.support.common import FIXED_NOW
from tests.support.consolidation import catalogue, write_commune
from tests.support.report_files import assert_page_numbers, pdf_text, soffice_to_pdf


def test_pages_are_numbered_from_the_second_top_centre(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):  # Tổng hợp runs over many pages
        values = varied_values(catalogue(), random.Random(i))
        write_commune(folder, f"{16000 + i}", f"Xã Số {i}", "2025-Q3", values)
    out = tmp_path / "tong_hop.xlsx"
    settings = DocumentSettings(agency="Sở Khoa học và Công nghệ", signer_name="Lê Văn Bình")
    service = ConsolidationService(catalogue(), lambda: FIXED_NOW.date())
    service.consolidate([folder], out, document=settings)

    with zipfile.ZipFile(out) as archive:
        summary = archive.read("xl/worksheets/sheet2.xml").decode()
    assert '<headerFooter differentFirst="1">' in summary
    assert 'useFirstPageNumber="1"' in summary  # from 1 (the default first number)
    assert "Trang" not in summary  # no footer "Trang 1/5" any more

    text = pdf_text(soffice_to_pdf([out], tmp_path / "pdf")[out])
    if text is None:
        return  # pdftotext missing: the XML above is all that can be checked
    pages = text.split("\f")
    assert "PHỤ LỤC" in text and "BÁO CÁO" in pages[0]
    assert_page_numbers(pages)
