"""The kinds of records a commune keeps, their fields, and parsing of typed or imported values.

The import columns, the record tables and the dialogs all come from these descriptions; a
field's `name` is its column in an import file.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from commune_desk.domain.numbers import NumberError, parse_whole_number
from commune_desk.domain.periods import DateWindow


class FieldType(StrEnum):
    TEXT = "text"
    INT = "int"
    FLOAT = "float"
    DATE = "date"
    BOOL = "bool"
    CHOICE = "choice"  # one value of a vocabulary
    CHOICES = "choices"  # one or more values of a vocabulary, separated by ";" or ","
    REF = "ref"  # the code of another record


class FieldError(ValueError):
    """A value that does not fit its field; the message is Vietnamese."""


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    vocab: str = ""  # CHOICE/CHOICES: the vocabulary (catalogue [vocab.*] or VOCABS below)
    ref: str = ""  # REF: the kind referred to
    default: object = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int = 250
    personal: bool = False  # personal data: shown to officers and supervisors only


@dataclass(frozen=True)
class RecordKind:
    name: str  # the KIND of `commune-desk import KIND`
    label: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]  # the fields that identify a record (import updates by them)
    # The date field that places a record in a period (a REF: the referred record's date).
    dated_by: str = ""
    date_order: tuple[tuple[str, str], ...] = ()  # (earlier, later) date pairs

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


# Vocabularies the schema fixes (the catalogue adds labelled ones such as staff_group).
VOCABS: dict[str, dict[str, str]] = {
    "gender": {"nam": "Nam", "nu": "Nữ"},
    "village_kind": {"thon": "Thôn", "to_dan_pho": "Tổ dân phố"},
    "team_level": {"commune": "Cấp xã", "village": "Cấp thôn"},
    "course_mode": {"truc_tiep": "Trực tiếp", "truc_tuyen": "Trực tuyến", "ket_hop": "Kết hợp"},
}

F = FieldType
_CODE = {"max_length": 20}

KINDS: dict[str, RecordKind] = {
    k.name: k
    for k in (
        RecordKind(
            "villages",
            "Thôn, tổ dân phố",
            (
                Field("code", "Mã thôn", required=True, **_CODE),
                Field("name", "Tên thôn, tổ dân phố", required=True, max_length=120),
                Field("kind", "Loại", F.CHOICE, vocab="village_kind", default="thon"),
                Field("active", "Đang hoạt động", F.BOOL, default=True),
                Field("established_on", "Ngày thành lập", F.DATE),
                Field("dissolved_on", "Ngày giải thể, sáp nhập", F.DATE),
                Field("merged_into", "Sáp nhập vào thôn", F.REF, ref="villages"),
            ),
            key=("code",),
            date_order=(("established_on", "dissolved_on"),),
        ),
        RecordKind(
            "staff",
            "Cán bộ, công chức, viên chức, người lao động",
            (
                Field("code", "Mã cán bộ", required=True, **_CODE),
                Field("full_name", "Họ và tên", required=True, max_length=120),
                Field("gender", "Giới tính", F.CHOICE, vocab="gender"),
                Field("birth_year", "Năm sinh", F.INT, minimum=1930, maximum=2015),
                Field("position", "Chức vụ", max_length=120, default=""),
                Field("group", "Nhóm", F.CHOICE, required=True, vocab="staff_group"),
                Field("steering_member", "Thành viên Ban Chỉ đạo", F.BOOL, default=False),
                Field("phone", "Số điện thoại", max_length=20, default="", personal=True),
                Field("start_date", "Ngày bắt đầu công tác", F.DATE, required=True),
                Field("end_date", "Ngày thôi công tác", F.DATE),
            ),
            key=("code",),
            date_order=(("start_date", "end_date"),),
        ),
        RecordKind(
            "trainings",
            "Khóa bồi dưỡng, tập huấn",
            (
                Field("code", "Mã khóa", required=True, **_CODE),
                Field("title", "Tên khóa bồi dưỡng", required=True),
                Field("topics", "Chủ đề", F.CHOICES, required=True, vocab="course_topic"),
                Field("start_date", "Ngày bắt đầu", F.DATE, required=True),
                Field("end_date", "Ngày kết thúc", F.DATE, required=True),
                Field("hours", "Số giờ", F.FLOAT, minimum=0, maximum=2000, default=0.0),
                Field("organizer", "Đơn vị tổ chức", max_length=200, default=""),
                Field("mode", "Hình thức", F.CHOICE, vocab="course_mode", default="truc_tiep"),
            ),
            key=("code",),
            dated_by="end_date",
            date_order=(("start_date", "end_date"),),
        ),
        RecordKind(
            "participants",
            "Học viên tham gia bồi dưỡng",
            (
                Field("training_code", "Mã khóa", F.REF, required=True, ref="trainings"),
                Field("staff_code", "Mã cán bộ", F.REF, required=True, ref="staff"),
                Field("completed", "Hoàn thành", F.BOOL, default=True),
            ),
            key=("training_code", "staff_code"),
            dated_by="training_code",
        ),
        RecordKind(
            "teams",
            "Tổ công nghệ số cộng đồng",
            (
                Field("code", "Mã tổ", required=True, **_CODE),
                Field("name", "Tên tổ", required=True, max_length=200),
                Field("level", "Cấp", F.CHOICE, required=True, vocab="team_level"),
                Field("village_code", "Mã thôn", F.REF, ref="villages"),
                Field("established_on", "Ngày thành lập", F.DATE, required=True),
                Field("dissolved_on", "Ngày giải thể", F.DATE),
            ),
            key=("code",),
            date_order=(("established_on", "dissolved_on"),),
        ),
        RecordKind(
            "members",
            "Thành viên Tổ công nghệ số cộng đồng",
            (
                Field("team_code", "Mã tổ", F.REF, required=True, ref="teams"),
                Field("full_name", "Họ và tên", required=True, max_length=120),
                Field("role", "Vai trò", F.CHOICE, vocab="member_role", default="thanh_vien"),
                Field("affiliation", "Thành phần", F.CHOICE, vocab="affiliation", default="khac"),
                Field("gender", "Giới tính", F.CHOICE, vocab="gender"),
                Field("phone", "Số điện thoại", max_length=20, default="", personal=True),
                Field("joined_on", "Ngày tham gia", F.DATE, required=True),
                Field("left_on", "Ngày thôi tham gia", F.DATE),
            ),
            key=("team_code", "full_name"),
            date_order=(("joined_on", "left_on"),),
        ),
        RecordKind(
            "activities",
            "Hoạt động hỗ trợ người dân",
            (
                Field("team_code", "Mã tổ", F.REF, required=True, ref="teams"),
                Field("date", "Ngày", F.DATE, required=True),
                Field("type", "Nội dung hỗ trợ", F.CHOICE, required=True, vocab="activity_type"),
                Field(
                    "people_supported",
                    "Số lượt người được hỗ trợ",
                    F.INT,
                    required=True,
                    minimum=0,
                    maximum=100_000,
                ),
                Field("village_code", "Mã thôn", F.REF, ref="villages"),
                Field("note", "Ghi chú", max_length=500, default=""),
            ),
            key=("team_code", "date", "type", "village_code"),
            dated_by="date",
        ),
        RecordKind(
            "classes",
            "Lớp phổ cập kỹ năng số cho người dân",
            (
                Field("code", "Mã lớp", required=True, **_CODE),
                Field("date", "Ngày mở lớp", F.DATE, required=True),
                Field("topic", "Nội dung", required=True),
                Field(
                    "participants",
                    "Số lượt người tham gia",
                    F.INT,
                    required=True,
                    minimum=0,
                    maximum=100_000,
                ),
                Field("village_code", "Mã thôn", F.REF, ref="villages"),
                Field("instructor", "Người hướng dẫn", max_length=120, default=""),
            ),
            key=("code",),
            dated_by="date",
        ),
    )
}

# The order in which lists import cleanly into a fresh database (references first).
IMPORT_ORDER = (
    "villages",
    "staff",
    "trainings",
    "participants",
    "teams",
    "members",
    "activities",
    "classes",
)

_TRUE = {"1", "x", "có", "co", "c", "true", "yes", "y", "đúng", "đã", "rồi"}
_FALSE = {"0", "không", "khong", "k", "false", "no", "n", "sai", "chưa", ""}
_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(raw: object) -> dt.date:
    """A date from 21/11/2026, 2026-11-21, or a spreadsheet date cell."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip()
    match = _DATE_DMY.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        match = _DATE_ISO.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?", text):
            return dt.datetime.fromisoformat(text).date()
    except ValueError as exc:
        raise FieldError(f"ngày «{text}» không có thật") from exc
    raise FieldError(f"«{text[:40]}» không phải là ngày (dạng ngày/tháng/năm, ví dụ 21/11/2026)")


def _is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _choice(raw: object, options: Mapping[str, str], vocab: str) -> str:
    text = str(raw).strip()
    folded = text.casefold()
    for code, label in options.items():
        if folded in (code.casefold(), label.casefold()):
            return code
    allowed = ", ".join(options)
    raise FieldError(f"«{text[:40]}» không phải là giá trị hợp lệ (chọn một trong: {allowed})")


def parse_field(spec: Field, raw: object, vocabs: Mapping[str, Mapping[str, str]]) -> object:
    """Turn a typed or imported value into the field's Python value, or raise FieldError.

    Blank gives the default (or None); a required field refuses blank. References stay
    codes (text); the service resolves them.
    """
    if _is_blank(raw) or (isinstance(raw, float) and math.isnan(raw)):
        if spec.required:
            raise FieldError("bắt buộc phải có giá trị")
        return spec.default
    kind = spec.type
    if kind in (FieldType.TEXT, FieldType.REF):
        text = _cell_text(raw)
        if len(text) > spec.max_length:
            raise FieldError(f"dài {len(text)} ký tự, tối đa {spec.max_length}")
        return text
    if kind is FieldType.INT:
        try:
            value = parse_whole_number(raw)
        except NumberError as exc:
            raise FieldError(str(exc)) from exc
        return _bounded(spec, value)
    if kind is FieldType.FLOAT:
        text = str(raw).strip().replace(",", ".")
        try:
            number = float(raw) if isinstance(raw, int | float) else float(text)
        except ValueError as exc:
            raise FieldError(f"«{text[:40]}» không phải là số") from exc
        if not math.isfinite(number):
            raise FieldError(f"«{text[:40]}» không phải là số")
        return _bounded(spec, number)
    if kind is FieldType.DATE:
        return parse_date(raw)
    if kind is FieldType.BOOL:
        if isinstance(raw, bool):
            return raw
        text = _cell_text(raw).casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise FieldError(f"«{text[:40]}» không phải là có/không (1/0)")
    options = vocabs.get(spec.vocab) or VOCABS.get(spec.vocab, {})
    if kind is FieldType.CHOICE:
        return _choice(raw, options, spec.vocab)
    parts = [p for p in re.split(r"[;,]", str(raw)) if p.strip()]
    values = tuple(sorted({_choice(p, options, spec.vocab) for p in parts}))  # canonical order
    if not values and spec.required:
        raise FieldError("bắt buộc phải có giá trị")
    return values


def _cell_text(raw: object) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))  # a code typed as a number in a spreadsheet: 12 not 12.0
    return str(raw).strip()


def _bounded(spec: Field, value: float) -> float:
    if spec.minimum is not None and value < spec.minimum:
        raise FieldError(f"giá trị {value:g} nhỏ hơn mức tối thiểu {spec.minimum:g}")
    if spec.maximum is not None and value > spec.maximum:
        raise FieldError(f"giá trị {value:g} lớn hơn mức tối đa {spec.maximum:g}")
    return value


def village_absent(
    code: str, established: dt.date | None, dissolved: dt.date | None, window: DateWindow
) -> str | None:
    """Why village `code` has no share of `window` (not yet established, or already merged or
    dissolved), or None when it existed during some of it."""
    if dissolved is not None and dissolved <= window.start:
        return f"thôn «{code}» đã sáp nhập hoặc giải thể từ ngày {dissolved:%d/%m/%Y}"
    if established is not None and established > window.end:
        return f"thôn «{code}» mới thành lập từ ngày {established:%d/%m/%Y}"
    return None
