"""What the window says about roles: their names, and why an account cannot do something.

The services decide (`services.permissions`); pages ask `can(ctx, Action.X)` and show
`why_not(ctx, Action.X)` in a visible line or a tooltip when the answer is no.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from commune_desk.services.context import ServiceContext
from commune_desk.services.permissions import Action, allowed

ROLE_TITLES = {
    "clerk": QT_TRANSLATE_NOOP("Roles", "Cán bộ nhập liệu"),
    "officer": QT_TRANSLATE_NOOP("Roles", "Cán bộ báo cáo"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "Lãnh đạo"),
    "system": QT_TRANSLATE_NOOP("Roles", "Quản trị máy"),
    "province": QT_TRANSLATE_NOOP("Roles", "Cán bộ tỉnh (chỉ xem)"),
}

_WHY_NOT = {
    Action.EDIT_DATA: QT_TRANSLATE_NOOP(
        "Roles", "Tài khoản lãnh đạo chỉ xem: nhập và sửa số liệu, danh sách là việc của cán bộ."
    ),
    Action.IMPORT: QT_TRANSLATE_NOOP(
        "Roles", "Chỉ cán bộ báo cáo nhập danh sách, số liệu từ tệp Excel."
    ),
    Action.SUBMIT: QT_TRANSLATE_NOOP("Roles", "Chỉ cán bộ báo cáo được nộp báo cáo."),
    Action.EDIT_SETTINGS: QT_TRANSLATE_NOOP(
        "Roles", "Chỉ cán bộ báo cáo sửa thông tin xã, cài đặt báo cáo và chỉ tiêu kế hoạch."
    ),
    Action.UNLOCK: QT_TRANSLATE_NOOP("Roles", "Chỉ lãnh đạo được mở khóa kỳ đã nộp."),
    Action.MANAGE_ACCOUNTS: QT_TRANSLATE_NOOP("Roles", "Chỉ lãnh đạo quản lý tài khoản."),
    Action.READ_AUDIT: QT_TRANSLATE_NOOP("Roles", "Chỉ lãnh đạo xem nhật ký thay đổi."),
    Action.RESTORE: QT_TRANSLATE_NOOP("Roles", "Chỉ lãnh đạo được khôi phục bản sao lưu."),
    Action.SEE_PERSONAL: QT_TRANSLATE_NOOP(
        "Roles", "Số điện thoại chỉ hiện với cán bộ báo cáo và lãnh đạo."
    ),
}


def can(ctx: ServiceContext, action: Action) -> bool:
    return allowed(ctx.actor.role, action)


def why_not(ctx: ServiceContext, action: Action) -> str:
    """Why the logged-in account cannot do `action` ("" when it can), in the UI language."""
    return "" if can(ctx, action) else QCoreApplication.translate("Roles", _WHY_NOT[action])


def role_title(role: str) -> str:
    return QCoreApplication.translate("Roles", ROLE_TITLES.get(role, role))


class PermissionLine(QLabel):
    """A visible line on a page saying what this account cannot do there (hidden when
    nothing), said again in the new language when the language changes."""

    def __init__(self, page: QWidget, reasons: tuple[str, ...]) -> None:
        super().__init__(page)
        # The reasons were said in the language of the moment: keep what they stand for.
        known = {QCoreApplication.translate("Roles", text): text for text in _WHY_NOT.values()}
        self._sources = [known.get(r, r) for r in reasons if r]
        self.setObjectName("permission_label")
        self.setWordWrap(True)
        self.setStyleSheet("color: palette(placeholder-text);")  # a note, not an error
        self._say()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._say()
        super().changeEvent(event)

    def _say(self) -> None:
        self.setText(" ".join(QCoreApplication.translate("Roles", s) for s in self._sources))
        self.setVisible(bool(self._sources))


def add_permission_line(page: QWidget, layout: QBoxLayout, at: int, *reasons: str) -> QLabel:
    """A visible line on `page` saying what this account cannot do there (hidden when nothing)."""
    label = PermissionLine(page, reasons)
    layout.insertWidget(at, label)
    return label
