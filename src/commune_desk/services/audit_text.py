"""The audit trail in words: what a supervisor reads on the Nhật ký thay đổi page and in its export.

An entry is stored as codes and JSON (action "login_failed", key "infra.bts@2025-09", old/new
{"reason": "wrong", "attempt": 1}); `Wording.describe` turns it into plain Vietnamese: the
action, what it touched (record kind, figure code with its catalogue label, account, period),
and the old and new values with field labels, vocabulary labels, dates as day/month/year and
numbers the Vietnamese way. Service text, like every service message: not translated.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from commune_desk.domain import documents
from commune_desk.domain.catalogue import Catalogue
from commune_desk.domain.numbers import format_number
from commune_desk.domain.periods import Mode, Period, PeriodError
from commune_desk.domain.records import KINDS, VOCABS, Field, FieldType
from commune_desk.services.permissions import ROLE_LABELS

ACTIONS = {
    "create": "Thêm",
    "update": "Sửa",
    "delete": "Xóa",
    "comment": "Ghi chú",
    "import": "Nhập từ tệp",
    "submit": "Nộp báo cáo",
    "unlock": "Mở khóa kỳ báo cáo",
    "login": "Đăng nhập",
    "login_failed": "Đăng nhập sai",
    "lockout": "Tài khoản bị tạm khóa",
    "logout": "Đăng xuất",
    "password": "Đổi mật khẩu",
    "reset_password": "Đặt lại mật khẩu",
    "disable": "Vô hiệu hóa tài khoản",
    "enable": "Kích hoạt lại tài khoản",
    "demo": "Tạo dữ liệu mẫu",
    "trust_key": "Ghi nhận khóa ký của tỉnh",
    "reply": "Nhận phản hồi của tỉnh",
    "restore": "Khôi phục từ bản sao lưu",
}
LOGIN_REFUSALS = {
    "wrong": "Sai mật khẩu",
    "locked": "Tài khoản đang bị tạm khóa",
    "disabled": "Tài khoản đã bị vô hiệu hóa",
    "unknown": "Tên đăng nhập không có trong danh sách tài khoản",
}
CUTOFF_MODES = {
    Mode.CALENDAR.value: "Tháng dương lịch",
    Mode.DECREE09.value: "Theo Nghị định 09/2019 (15 tháng trước – 14 tháng này)",
}
SETTINGS = {
    documents.SIGNER_CAPACITY: "Quyền hạn ký",
    documents.SIGNER_TITLE: "Chức vụ người ký",
    documents.SIGNER_NAME: "Họ tên người ký",
    documents.PREPARER_NAME: "Người lập biểu",
    documents.REPORT_PLACE: "Địa danh ghi ngày",
    documents.REPORT_NUMBER_PREFIX: "Ký hiệu số báo cáo",
    documents.RECIPIENTS: "Nơi nhận",
}
# The labels of the keys of the objects the trail stores, by entity (records: their fields).
KEY_LABELS: dict[str, dict[str, str]] = {
    "account": {"role": "Vai trò", "full_name": "Họ và tên"},
    "database": {
        "backup": "Bản sao lưu",
        "replaced_copy": "Bản chép dữ liệu bị thay",
    },
    "report": {
        "version": "Phiên bản",
        "file": "Tệp",
        "warnings": "Số cảnh báo",
        "sha256": "Mã kiểm tra SHA-256",
    },
    "commune": {
        "code": "Mã xã",
        "name": "Tên xã",
        "province": "Tỉnh, thành phố",
        "cutoff": "Cách tính kỳ số liệu",
        # the demonstration data: what was made, and from which seed on which day
        "seed": "Số khởi tạo",
        "today": "Ngày",
        **{name: kind.label for name, kind in KINDS.items()},
        "values": "Số liệu hằng tháng",
    },
}
KEY_LABELS["key"] = {"fingerprint": "Dấu vân tay khóa"}
KEY_LABELS["reply"] = {
    "decision": "Quyết định",
    "reason": "Lý do",
    "version": "Phiên bản",
    "fingerprint": "Khóa của tỉnh",
}
KEY_SUBJECTS = {"own": "Khóa ký số của xã", "province": "Khóa ký số của tỉnh"}
UNKNOWN_ACCOUNT = "?"  # what the trail records for a name that is no account (maybe a password)
SHORT_HASH = 12


@dataclass(frozen=True)
class EntryText:
    """One audit entry in words; empty texts where the entry has nothing to say."""

    action: str
    subject: str
    period: str
    old: str
    new: str


class Wording:
    """Words for the entries of one commune's trail: its catalogue, accounts and villages."""

    def __init__(
        self,
        catalogue: Catalogue,
        full_names: Mapping[str, str] | None = None,
        villages: Mapping[int, str] | None = None,
    ) -> None:
        self._catalogue = catalogue
        self._names = full_names or {}
        self._villages = villages or {}

    def full_name(self, username: str) -> str:
        return self._names.get(username, "")

    def describe(
        self,
        action: str,
        entity: str,
        key: str,
        period: str | None,
        old: str | None,
        new: str | None,
    ) -> EntryText:
        old_value, new_value = _load(old), _load(new)
        subject, period_text = self._subject(entity, key, period)
        edited = entity in KINDS or entity == "commune"
        if edited and isinstance(old_value, dict) and isinstance(new_value, dict):
            old_value, new_value = changes(old_value, new_value)  # what the edit changed
        show = self._shower(action, entity, key)
        return EntryText(
            ACTIONS.get(action, action),
            subject,
            period_text,
            "" if old_value is None else show(old_value),
            self._new_text(entity, new_value, show),
        )

    # -- what the entry touched ----------------------------------------------------------
    def _subject(self, entity: str, key: str, period: str | None) -> tuple[str, str]:
        if entity in KINDS:
            return f"{KINDS[entity].label}: {key}", _period_label(period)
        if entity == "value":
            code, _, rest = key.partition("@")
            month, _, village = rest.partition("#")
            place = self._villages.get(int(village), village) if village.isdigit() else village
            text = f"Số liệu {self._figure(code)}" + (f", thôn {place}" if place else "")
            return text, _period_label(period or month)
        if entity == "target":
            code, _, year = key.partition("@")
            return f"Chỉ tiêu kế hoạch {self._figure(code)}", _period_label(period or year)
        if entity == "report":
            label = _period_label(period or key)
            return f"Báo cáo {label}", label
        if entity == "account":
            if key == UNKNOWN_ACCOUNT:
                return "Tài khoản không rõ", ""
            name = self.full_name(key)
            return (f"Tài khoản {key} ({name})" if name else f"Tài khoản {key}"), ""
        if entity == "setting":
            return f"Cài đặt báo cáo: {SETTINGS.get(key, key)}", ""
        if entity == "commune":
            return f"Thông tin xã (mã {key})", _period_label(period)
        if entity == "key":
            return KEY_SUBJECTS.get(key, key), ""
        if entity == "narrative":
            part, _, rest = key.partition("@")
            heading = dict(documents.NARRATIVE).get(part, part)
            return f"Báo cáo, phần «{heading}»", _period_label(period or rest)
        if entity == "database":
            return f"Cơ sở dữ liệu (từ bản sao lưu {key})", ""
        return f"{entity}: {key}" if key else entity, _period_label(period)

    def _figure(self, code: str) -> str:
        """A figure by its label: people never read the catalogue's codes (the export's
        extra columns keep them)."""
        if code in self._catalogue:
            return f"«{self._catalogue.get(code).label}»"
        return code

    # -- the values ----------------------------------------------------------------------
    def _shower(self, action: str, entity: str, key: str) -> Callable[[Any], str]:
        """How this entry's old and new values read."""
        if entity in KINDS:
            return self.record_shower(KINDS[entity].fields)
        if entity in ("value", "target") and action != "comment":
            code = key.partition("@")[0]
            unit = self._catalogue.get(code).unit if code in self._catalogue else ""
            return lambda v: _with_unit(v, unit)
        if entity == "account":
            return _account_value
        if entity == "report":
            return _report_value
        if entity in KEY_LABELS:
            return _labelled(KEY_LABELS[entity])
        return _plain

    def _new_text(self, entity: str, value: Any, show: Callable[[Any], str]) -> str:
        if value is None:
            return "Bỏ chỉ tiêu riêng của xã (theo danh mục)" if entity == "target" else ""
        return show(value)

    def record_shower(self, fields: tuple[Field, ...]) -> Callable[[Any], str]:
        """A record's values as "Field label: value; …"."""
        by_name = {f.name: f for f in fields}

        def pair(name: str, value: Any) -> tuple[str, str]:
            spec = by_name.get(name)
            return (spec.label, self._field_value(spec, value)) if spec else (name, _plain(value))

        return lambda v: _pairs(v, pair, tuple(by_name)) if isinstance(v, dict) else _plain(v)

    def _field_value(self, spec: Field, value: Any) -> str:
        if spec.type is FieldType.DATE:
            return _date_text(value)
        if spec.type in (FieldType.CHOICE, FieldType.CHOICES):
            labels = self._catalogue.vocab.get(spec.vocab) or VOCABS.get(spec.vocab, {})
            values = value if isinstance(value, list) else [value]
            return ", ".join(labels.get(v, str(v)) for v in values)
        return _plain(value)


def _account_value(value: Any) -> str:
    if not isinstance(value, dict):
        return _plain(value)
    if "reason" in value:  # a refused login
        text = LOGIN_REFUSALS.get(value["reason"], str(value["reason"]))
        attempt = value.get("attempt")
        return f"{text}, lần thứ {attempt}" if attempt else text
    if "until" in value:  # a lock-out
        return f"Tạm khóa đến {_time_text(value['until'])}"
    return _labelled(KEY_LABELS["account"])(value)


def _report_value(value: Any) -> str:
    if not isinstance(value, dict):
        return _plain(value)
    if "locked" in value:  # an unlock: the period was locked (by a version), now open
        if not value["locked"]:
            return "Đã mở khóa"
        version = value.get("version")
        return f"Đã khóa (phiên bản {version})" if version else "Đã khóa"
    return _labelled(KEY_LABELS["report"])(value)


def _labelled(labels: Mapping[str, str]) -> Callable[[Any], str]:
    """A stored object as "Label: value; …" with these labels for its keys."""

    def show(value: Any) -> str:
        if not isinstance(value, dict):
            return _plain(value)
        return _pairs(value, lambda k, x: (labels.get(k, k), _keyed_value(k, x)), tuple(labels))

    return show


def _keyed_value(key: str, value: Any) -> str:
    """A value of a stored object whose key says how to show it."""
    if key == "role":
        return ROLE_LABELS.get(str(value), str(value))
    if key == "cutoff":
        return CUTOFF_MODES.get(str(value), str(value))
    if key == "sha256" and isinstance(value, str) and len(value) > SHORT_HASH:
        return value[:SHORT_HASH] + "…"
    if key == "today":
        return _date_text(value)
    if key == "seed":
        return str(value)  # a number to type again, not a quantity: no grouping
    return _plain(value)


def _pairs(
    value: Mapping[str, Any],
    show: Callable[[str, Any], tuple[str, str]],
    order: Sequence[str] = (),
) -> str:
    """The keys that hold something as «label: value; …», those named in `order` first."""
    rank = {key: i for i, key in enumerate(order)}
    parts = []
    for key in sorted(value, key=lambda k: rank.get(k, len(rank))):
        item = value[key]
        if item is None or item == "" or item == []:
            continue
        label, text = show(key, item)
        parts.append(f"{label}: {text}")
    return "; ".join(parts)


def changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields an edit changed, before and after (a blank on one side shown as —)."""
    changed = [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]
    if not changed:
        return old, new

    def side(values: dict[str, Any]) -> dict[str, Any]:
        return {k: "—" if values.get(k) in (None, "", []) else values[k] for k in changed}

    return side(old), side(new)


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return _pairs(value, lambda k, x: (k, _plain(x)))
    return str(value).replace("\n", "; ")


def _with_unit(value: Any, unit: str) -> str:
    text = _plain(value)
    if not isinstance(value, int | float) or isinstance(value, bool) or not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def _date_text(value: Any) -> str:
    try:
        return dt.date.fromisoformat(str(value)[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return _plain(value)


def _time_text(value: Any) -> str:
    try:
        return dt.datetime.fromisoformat(str(value)).strftime("%H:%M ngày %d/%m/%Y")
    except ValueError:
        return _plain(value)


def _period_label(key: str | None) -> str:
    if not key:
        return ""
    try:
        return Period.parse(key).label()
    except PeriodError:
        return key


def _load(stored: str | None) -> Any:
    if stored is None:
        return None
    try:
        return json.loads(stored)
    except ValueError:
        return stored
