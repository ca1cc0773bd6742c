"""The wording of the report's heading, signature and recipients (Decree 30/2020)."""

from __future__ import annotations

import datetime as dt

import pytest

from commune_desk.domain import documents as doc
from commune_desk.domain.numbers import plain_decimal
from commune_desk.domain.periods import DateWindow, Period


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2025, 10, 5), "Thiệu Trung, ngày 05 tháng 10 năm 2025"),
        (dt.date(2026, 2, 21), "Thiệu Trung, ngày 21 tháng 02 năm 2026"),
        (dt.date(2026, 11, 21), "Thiệu Trung, ngày 21 tháng 11 năm 2026"),
    ],
)
def test_the_date_line_pads_days_and_the_first_two_months(day, text):
    assert doc.date_line("Thiệu Trung", day) == text


def test_agency_place_and_number():
    assert doc.agency_lines("Xã Thiệu Trung") == ("ỦY BAN NHÂN DÂN", "XÃ THIỆU TRUNG")
    assert doc.agency_lines("Phường Hạc Thành") == ("ỦY BAN NHÂN DÂN", "PHƯỜNG HẠC THÀNH")
    assert doc.agency_lines("Đông Phong") == ("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG PHONG")
    assert doc.place_name("Xã Thiệu Trung") == "Thiệu Trung"
    assert doc.place_name("Thị trấn Bút Sơn") == "Bút Sơn"
    assert doc.document_number("BC-UBND", 5) == "Số: 05/BC-UBND"
    assert doc.document_number("BC-UBND", 112) == "Số: 112/BC-UBND"
    assert doc.document_number("").endswith("/BC-UBND")  # room to write the number by hand


def test_subject_and_window():
    assert doc.report_subject(Period.parse("2025-Q3")) == (
        'Kết quả thực hiện phong trào "Bình dân học vụ số" Quý III năm 2025'
    )
    window = DateWindow(dt.date(2025, 6, 15), dt.date(2025, 9, 14))
    assert doc.window_line(window) == "(Số liệu từ ngày 15/6/2025 đến ngày 14/9/2025)"


def test_recipients_get_dashes_semicolons_and_the_archive_line():
    text = "UBND tỉnh Thanh Hóa\n- Sở Khoa học và Công nghệ;\n\nLưu: VT.\n"
    assert doc.recipients_block(text) == (
        "- UBND tỉnh Thanh Hóa;",
        "- Sở Khoa học và Công nghệ;",
        "- Lưu: VT.",
    )
    assert doc.recipients_block("") == ("- Lưu: VT.",)


def test_the_signer_capacity_follows_the_title():
    assert doc.signer_capacity("CHỦ TỊCH") == "TM. ỦY BAN NHÂN DÂN"
    assert doc.signer_capacity("PHÓ CHỦ TỊCH") == "KT. CHỦ TỊCH"
    assert doc.signer_capacity("PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN") == "TM. ỦY BAN NHÂN DÂN"


def test_plain_decimal_never_uses_an_exponent():
    assert plain_decimal(1e-05) == "0.00001"
    assert plain_decimal(2.5e-7) == "0.00000025"
    assert plain_decimal(89.29663608562691) == "89.29663608562691"


def test_the_province_agency_lines():
    assert doc.province_agency_lines("Thanh Hóa") == ("ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA")
    assert doc.province_agency_lines("Thành phố Hà Nội") == ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI")
    assert doc.province_agency_lines(" ") == ("ỦY BAN NHÂN DÂN", "TỈNH")
