"""The main window: the section list on the left, the chosen section's page on the right.

Pages are built on first show, so the window paints before any section queries the database.
The commune's name, the current period and the logged-in account stay visible in the header,
with "Đổi mật khẩu" and "Đăng xuất" (the composition root answers both).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QWidget

from commune_desk.domain.periods import current_month
from commune_desk.services.commune import CommuneProfile
from commune_desk.services.context import Actor
from commune_desk.views.forms.ui_main_window import Ui_MainWindow
from commune_desk.views.widgets import app_settings as keys
from commune_desk.views.widgets.app_settings import AppSettings
from commune_desk.views.widgets.i18n import fill, ui_language
from commune_desk.views.widgets.roles import role_title


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # marked with QT_TRANSLATE_NOOP("MainWindow", ...)
    factory: Callable[[], QWidget]


SECTION_TITLES = {
    "overview": QT_TRANSLATE_NOOP("MainWindow", "Tổng quan"),
    "monthly": QT_TRANSLATE_NOOP("MainWindow", "Số liệu hằng tháng"),
    "training": QT_TRANSLATE_NOOP("MainWindow", "Bồi dưỡng cán bộ"),
    "teams": QT_TRANSLATE_NOOP("MainWindow", "Tổ công nghệ số cộng đồng"),
    "classes": QT_TRANSLATE_NOOP("MainWindow", "Lớp phổ cập kỹ năng số"),
    "villages": QT_TRANSLATE_NOOP("MainWindow", "Thôn, tổ dân phố"),
    "targets": QT_TRANSLATE_NOOP("MainWindow", "Kế hoạch, chỉ tiêu"),
    "reports": QT_TRANSLATE_NOOP("MainWindow", "Báo cáo"),
    "consolidation": QT_TRANSLATE_NOOP("MainWindow", "Tổng hợp các xã"),
    "settings": QT_TRANSLATE_NOOP("MainWindow", "Cài đặt"),
    "accounts": QT_TRANSLATE_NOOP("MainWindow", "Tài khoản"),
    "audit": QT_TRANSLATE_NOOP("MainWindow", "Nhật ký thay đổi"),
}


# Room a window's title bar and borders take outside its geometry on an office PC.
FRAME_TOP, FRAME_SIDE = 32, 8


def fit_on_screen(wanted: QRect, available: QRect, centre: bool) -> QRect:
    """`wanted` made small enough for the screen's free area (title bar included) and moved
    inside it; `centre` places a first window in the middle."""
    width = min(wanted.width(), available.width() - 2 * FRAME_SIDE)
    height = min(wanted.height(), available.height() - FRAME_TOP - FRAME_SIDE)
    if centre:
        left = available.left() + (available.width() - width) // 2
        top = available.top() + FRAME_TOP + (available.height() - FRAME_TOP - height) // 2
    else:
        left = min(
            max(wanted.left(), available.left() + FRAME_SIDE),
            available.right() - FRAME_SIDE - width + 1,
        )
        top = min(
            max(wanted.top(), available.top() + FRAME_TOP),
            available.bottom() - FRAME_SIDE - height + 1,
        )
    return QRect(left, top, width, height)


class MainWindow(QMainWindow):
    logout_requested = Signal()
    password_change_requested = Signal()

    def __init__(
        self,
        profile: CommuneProfile,
        sections: Sequence[Section],
        settings: AppSettings,
        today: dt.date,
        account: Actor | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._account = account
        self.logged_out = False  # set when the user chose "Đăng xuất" (the login shows again)
        self.ui.logout_button.clicked.connect(self._on_logout_button_clicked)
        self.ui.password_button.clicked.connect(self.password_change_requested)
        logout = QShortcut(QKeySequence("Ctrl+Shift+Q"), self)
        logout.activated.connect(self.ui.logout_button.click)
        self.ui.account_label.setContentsMargins(24, 0, 8, 0)  # apart from the period
        for button in (self.ui.logout_button, self.ui.password_button, self.ui.account_label):
            button.setVisible(account is not None and account.role != "system")
        self._settings = settings
        self._sections = list(sections)
        self._pages: dict[str, QWidget] = {}
        self._profile = profile
        self._today = today
        for index, section in enumerate(self._sections):
            item = QListWidgetItem(QCoreApplication.translate("MainWindow", section.title))
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            self.ui.section_list.addItem(item)
            placeholder = QLabel(self.ui.page_stack)
            self.ui.page_stack.addWidget(placeholder)
            if index < 10:  # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth
                shortcut = QShortcut(QKeySequence(f"Ctrl+{(index + 1) % 10}"), self)
                shortcut.activated.connect(lambda i=index: self.ui.section_list.setCurrentRow(i))
        self.ui.section_list.currentRowChanged.connect(self._on_section_list_current_row_changed)
        self.retranslate()
        self._restore_state()

    # -- public ------------------------------------------------------------------------
    def show_section(self, key: str) -> QWidget:
        row = next(i for i, s in enumerate(self._sections) if s.key == key)
        self.ui.section_list.setCurrentRow(row)
        return self.page(key)

    def page(self, key: str) -> QWidget:
        """The section's page, built on first use."""
        if key not in self._pages:
            row = next(i for i, s in enumerate(self._sections) if s.key == key)
            widget = self._sections[row].factory()
            old = self.ui.page_stack.widget(row)
            self.ui.page_stack.insertWidget(row, widget)
            self.ui.page_stack.removeWidget(old)
            old.deleteLater()
            self._pages[key] = widget
        return self._pages[key]

    def existing_page(self, key: str) -> QWidget | None:
        """The section's page if it was built, without building it."""
        return self._pages.get(key)

    @property
    def current_key(self) -> str:
        item = self.ui.section_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def set_profile(self, profile: CommuneProfile) -> None:
        self._profile = profile
        self.retranslate()

    def retranslate(self) -> None:
        """Re-apply texts after a language change."""
        self.ui.retranslateUi(self)
        metrics = self.ui.section_list.fontMetrics()
        widest = 0
        for row, section in enumerate(self._sections):
            text = QCoreApplication.translate("MainWindow", section.title)
            self.ui.section_list.item(row).setText(text)
            widest = max(widest, metrics.horizontalAdvance(text))
        # The list never gets narrower than its longest entry (in this language and font).
        self.ui.section_list.setMinimumWidth(widest + 4 * metrics.averageCharWidth() + 8)
        p = self._profile
        self.ui.commune_label.setText(f"<b>{p.name}</b> — {p.province} ({p.code})")
        month = current_month(self._today, p.cutoff_mode)
        self.ui.current_period_label.setText(
            fill(self.tr("Kỳ hiện tại: %1"), month.label(ui_language()))
        )
        self.setWindowTitle(fill(self.tr("Commune Desk — %1"), p.name))
        if self._account is not None:
            who = self._account.full_name or self._account.username
            self.ui.account_label.setText(
                fill(self.tr("%1 — %2"), who, role_title(self._account.role))
            )

    # -- slots and events --------------------------------------------------------------
    def _on_logout_button_clicked(self) -> None:
        self.logged_out = True
        self.logout_requested.emit()
        self.close()

    def _on_section_list_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.page(self._sections[row].key)  # pages hear of changes on the kernel's bus
        self.ui.page_stack.setCurrentIndex(row)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        s = self._settings
        s.set(keys.WINDOW_GEOMETRY, self.saveGeometry())
        s.set(keys.WINDOW_STATE, self.saveState())
        s.set(keys.SPLITTER_STATE, self.ui.main_splitter.saveState())
        s.set(keys.LAST_SECTION, self.current_key)
        s.sync()
        super().closeEvent(event)

    def _restore_state(self) -> None:
        s = self._settings
        geometry = s.get(keys.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:  # the first start, or a size kept from a larger screen
            wanted = self.geometry() if not geometry.isEmpty() else QRect(0, 0, 1200, 760)
            fitted = fit_on_screen(wanted, screen.availableGeometry(), geometry.isEmpty())
            if fitted != self.geometry():
                self.setGeometry(fitted)
        state = s.get(keys.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = s.get(keys.SPLITTER_STATE)
        if not splitter.isEmpty():
            self.ui.main_splitter.restoreState(splitter)
        else:
            self.ui.main_splitter.setSizes([220, 980])
        last = s.get(keys.LAST_SECTION)
        keys_order = [section.key for section in self._sections]
        self.ui.section_list.setCurrentRow(keys_order.index(last) if last in keys_order else 0)
