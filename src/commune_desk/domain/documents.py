"""The wording of an administrative document (Decree 30/2020/NĐ-CP) as the report prints it.

Pure text formatting: the agency lines, the number, the place and date line, the subject, the
signature and the recipients. The official wording is Vietnamese in every interface language.
"""

from __future__ import annotations

import datetime as dt
import re

from commune_desk.domain.periods import DateWindow, Period

# Keys of the commune's settings (CommuneService.set_settings) that the report reads.
SIGNER_NAME = "signer_name"
SIGNER_TITLE = "signer_title"  # "CHỦ TỊCH" or "PHÓ CHỦ TỊCH"
SIGNER_CAPACITY = "signer_capacity"  # "TM. ỦY BAN NHÂN DÂN" or "KT. CHỦ TỊCH"
PREPARER_NAME = "preparer_name"
REPORT_PLACE = "report_place"
REPORT_NUMBER_PREFIX = "report_number_prefix"  # "BC-UBND"
RECIPIENTS = "recipients"  # one per line, without "- " and ";"
REPORT_KEYS = (
    SIGNER_NAME,
    SIGNER_TITLE,
    SIGNER_CAPACITY,
    PREPARER_NAME,
    REPORT_PLACE,
    REPORT_NUMBER_PREFIX,
    RECIPIENTS,
)

# The narrative every Vietnamese report carries, after its table: (key, heading).
NARRATIVE = (
    ("assessment", "Đánh giá chung"),
    ("difficulties", "Khó khăn, vướng mắc"),
    ("proposals", "Đề xuất, kiến nghị"),
)
NARRATIVE_LIMIT = 4000  # characters a part may hold (about a printed page)
MOTTO_COUNTRY = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
AGENCY_PARENT = "ỦY BAN NHÂN DÂN"
FORM_CODE = "Biểu số 01/BDHVS-X"
MOVEMENT = '"Bình dân học vụ số"'
ARCHIVE_LINE = "- Lưu: VT."
DEFAULT_NUMBER_PREFIX = "BC-UBND"
# Official wording: who signs for whom.
CAPACITY_FOR_TITLE = {"CHỦ TỊCH": "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH": "KT. CHỦ TỊCH"}
TITLE_FOR_CAPACITY = {capacity: title for title, capacity in CAPACITY_FOR_TITLE.items()}
_UNIT_PREFIX = re.compile(r"^(xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE)


def date_line(place: str, day: dt.date) -> str:
    """The italic date line of a report: "Thiệu Trung, ngày 05 tháng 10 năm 2025".

    Days below 10 and the months January and February take a leading zero.
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def place_name(commune_name: str) -> str:
    """The place of the date line when none is set: "Xã Thiệu Trung" -> "Thiệu Trung"."""
    return _UNIT_PREFIX.sub("", commune_name.strip()) or commune_name.strip()


def agency_lines(commune_name: str) -> tuple[str, str]:
    """The issuing agency, two bold lines: ("ỦY BAN NHÂN DÂN", "XÃ THIỆU TRUNG")."""
    name = commune_name.strip()
    if not _UNIT_PREFIX.match(name):
        name = f"Xã {name}"
    return AGENCY_PARENT, name.upper()


def province_agency_lines(province: str) -> tuple[str, str]:
    """The province's people's committee, two bold lines: ("ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA")."""
    name = province.strip()
    if not name:
        return AGENCY_PARENT, "TỈNH"
    if name.lower().startswith(("tỉnh ", "thành phố ")):
        return AGENCY_PARENT, name.upper()
    return AGENCY_PARENT, f"TỈNH {name.upper()}"


def document_number(prefix: str, number: int | None = None) -> str:
    """ "Số: 05/BC-UBND"; without a number, room for the registry to write it by hand."""
    prefix = prefix.strip().lstrip("/") or DEFAULT_NUMBER_PREFIX
    if number is None:
        return f"Số:        /{prefix}"
    return f"Số: {number:02d}/{prefix}"


def report_subject(period: Period) -> str:
    """'Kết quả thực hiện phong trào "Bình dân học vụ số" Quý III năm 2025'."""
    return f"Kết quả thực hiện phong trào {MOVEMENT} {period.subject_label()}"


def window_line(window: DateWindow) -> str:
    """The line under the subject: "(Số liệu từ ngày 15/6/2025 đến ngày 14/9/2025)"."""
    return f"({window.label()})"


def recipient_lines(text: str) -> list[str]:
    """One recipient per non-empty line, without the "- " and ";" the report adds itself.

    A line "Lưu: VT." is dropped: the report always ends with it.
    """
    lines = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("-–•+ ").rstrip(";, ").strip()
        squeezed = "".join(ch for ch in line.casefold() if ch.isalnum())
        if line and squeezed != "lưuvt":
            lines.append(line)
    return lines


def recipients_block(text: str) -> tuple[str, ...]:
    """The printed "Nơi nhận" lines: "- UBND tỉnh Thanh Hóa;" … and last "- Lưu: VT."."""
    return (*(f"- {line};" for line in recipient_lines(text)), ARCHIVE_LINE)


def signer_capacity(title: str, capacity: str = "") -> str:
    """The capacity line above the title; derived from the title when not set."""
    capacity = capacity.strip()
    if capacity:
        return capacity
    return CAPACITY_FOR_TITLE.get(title.strip().upper(), CAPACITY_FOR_TITLE["CHỦ TỊCH"])
