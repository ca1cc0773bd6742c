"""Cài đặt: the commune's profile, its cut-off mode, report signers and recipients, language.

The profile and the report details are saved with their own buttons (Enter in a field, Ctrl+S
for the whole page); the cut-off mode and the language apply as soon as they are chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from commune_desk import paths
from commune_desk.domain.documents import (
    CAPACITY_FOR_TITLE,
    PREPARER_NAME,
    RECIPIENTS,
    REPORT_KEYS,
    REPORT_NUMBER_PREFIX,
    REPORT_PLACE,
    SIGNER_CAPACITY,
    SIGNER_NAME,
    SIGNER_TITLE,
    TITLE_FOR_CAPACITY,
    date_line,
    recipient_lines,
)
from commune_desk.domain.periods import Mode
from commune_desk.services.backups import BackupService
from commune_desk.services.commune import CommuneProfile, CommuneService
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.permissions import Action
from commune_desk.views.forms.ui_settings_page import Ui_SettingsPage
from commune_desk.views.kernel import Changes, Kind, Outcome, QueryOp, WriteOp
from commune_desk.views.settings.backups_section import AskRestore, BackupsSection
from commune_desk.views.settings.restore_dialog import ask_restore
from commune_desk.views.widgets import app_settings as keys
from commune_desk.views.widgets.app_settings import AppSettings
from commune_desk.views.widgets.dialogs import Dialogs
from commune_desk.views.widgets.roles import add_permission_line, why_not

CUTOFF_MODES = (Mode.CALENDAR, Mode.DECREE09)  # the order of cutoff_combo's items
LANGUAGES = ("vi", "en")  # the order of language_combo's items
_ERROR_STYLE = "color: #b3261e;"  # a colour only: the font follows the system


class SettingsPage(QWidget):
    profile_changed = Signal(object)  # CommuneProfile, after the name, province or cut-off changed
    language_changed = Signal(str)  # "vi" or "en"
    database_restored = Signal(object)  # RestoreResult: the window is to be rebuilt on the file

    def __init__(
        self,
        ctx: ServiceContext,
        dialogs: Dialogs,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        backups_dir: Path | None = None,
        ask: AskRestore = ask_restore,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        self._ctx = ctx
        self._dialogs = dialogs
        self._settings = settings
        self._communes = CommuneService(ctx)
        self._profile: CommuneProfile | None = None
        ui = self.ui
        for index, mode in enumerate(CUTOFF_MODES):
            ui.cutoff_combo.setItemData(index, str(mode))
        for index, language in enumerate(LANGUAGES):
            ui.language_combo.setItemData(index, language)
        ui.signer_capacity_combo.lineEdit().setPlaceholderText("TM. ỦY BAN NHÂN DÂN")
        ui.signer_title_combo.lineEdit().setPlaceholderText("CHỦ TỊCH")
        ui.report_preview_label.setTextFormat(Qt.TextFormat.RichText)
        # Room for about seven recipients, in the user's font size.
        ui.recipients_edit.setMaximumHeight(
            ui.recipients_edit.fontMetrics().lineSpacing() * 7
            + 2 * (ui.recipients_edit.frameWidth() + 4)
        )

        ui.save_profile_button.clicked.connect(self._on_save_profile_button_clicked)
        for edit in (ui.commune_name_edit, ui.province_edit):
            edit.returnPressed.connect(self._on_save_profile_button_clicked)
        ui.save_report_button.clicked.connect(self._on_save_report_button_clicked)
        for edit in self._report_line_edits():
            edit.returnPressed.connect(self._on_save_report_button_clicked)
            edit.textChanged.connect(self._on_report_field_text_changed)
        ui.recipients_edit.textChanged.connect(self._on_report_field_text_changed)
        ui.signer_title_combo.activated.connect(self._on_signer_title_combo_activated)
        ui.signer_capacity_combo.activated.connect(self._on_signer_capacity_combo_activated)
        ui.cutoff_combo.activated.connect(self._on_cutoff_combo_activated)
        ui.language_combo.activated.connect(self._on_language_combo_activated)
        cannot_edit = why_not(ctx, Action.EDIT_SETTINGS)
        self._cannot_edit = cannot_edit
        for group in (ui.profile_group, ui.cutoff_group, ui.report_group):
            group.setEnabled(False)  # until the stored profile has arrived
        self.permission_label = add_permission_line(self, ui.contents_layout, 1, cannot_edit)
        self.backups = BackupsSection(
            ui,
            BackupService(ctx, backups_dir or paths.backups_dir()),
            dialogs,
            self,
            ask,
            cannot_restore=why_not(ctx, Action.RESTORE),
        )
        self.backups.database_restored.connect(self.database_restored)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._on_save_shortcut_activated)
        self.refresh()

    # -- public ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show what is stored; fields with unsaved edits keep what the user typed."""
        communes = self._communes
        QueryOp(parent=self, op=lambda _task: communes.profile(), success=self._show_profile).key(
            "profile"
        ).run_in_background()

    def _show_profile(self, profile: CommuneProfile) -> None:
        keep_profile = self._profile is not None and self._profile_edited()
        keep_report = self._profile is not None and self._report_edited()
        self._profile = profile
        for group in (self.ui.profile_group, self.ui.cutoff_group, self.ui.report_group):
            group.setEnabled(not self._cannot_edit)
        ui = self.ui
        ui.commune_code_edit.setText(profile.code)
        if not keep_profile:
            ui.commune_name_edit.setText(profile.name)
            ui.province_edit.setText(profile.province)
        if not keep_report:
            stored = profile.settings
            ui.signer_capacity_combo.setCurrentText(stored.get(SIGNER_CAPACITY, ""))
            ui.signer_title_combo.setCurrentText(stored.get(SIGNER_TITLE, ""))
            ui.signer_name_edit.setText(stored.get(SIGNER_NAME, ""))
            ui.preparer_name_edit.setText(stored.get(PREPARER_NAME, ""))
            ui.report_place_edit.setText(stored.get(REPORT_PLACE, ""))
            ui.report_number_prefix_edit.setText(stored.get(REPORT_NUMBER_PREFIX, ""))
            ui.recipients_edit.setPlainText(stored.get(RECIPIENTS, ""))
        ui.cutoff_combo.setCurrentIndex(CUTOFF_MODES.index(profile.cutoff_mode))
        language = keys.language_of(self._settings, self._ctx.actor.username)
        ui.language_combo.setCurrentIndex(LANGUAGES.index(language) if language in LANGUAGES else 0)
        self._update_preview()

    def report_values(self) -> dict[str, str]:
        """The report details as typed (recipients cleaned, one per line)."""
        ui = self.ui
        return {
            SIGNER_NAME: ui.signer_name_edit.text().strip(),
            SIGNER_TITLE: ui.signer_title_combo.currentText().strip(),
            SIGNER_CAPACITY: ui.signer_capacity_combo.currentText().strip(),
            PREPARER_NAME: ui.preparer_name_edit.text().strip(),
            REPORT_PLACE: ui.report_place_edit.text().strip(),
            REPORT_NUMBER_PREFIX: ui.report_number_prefix_edit.text().strip(),
            RECIPIENTS: "\n".join(recipient_lines(ui.recipients_edit.toPlainText())),
        }

    # -- slots ---------------------------------------------------------------------------
    def _on_save_profile_button_clicked(self) -> None:
        self._save_profile()

    def _on_save_report_button_clicked(self) -> None:
        self._save_report()

    def _on_save_shortcut_activated(self) -> None:
        profile_edited, report_edited = self._profile_edited(), self._report_edited()
        if not profile_edited and not report_edited:
            self._show(self.ui.profile_status_label, self.tr("Không có thay đổi nào cần lưu."))
            return
        if profile_edited:
            self._save_profile(then=self._save_report if report_edited else None)
        elif report_edited:
            self._save_report()

    def _on_report_field_text_changed(self) -> None:
        self._update_preview()

    def _on_cutoff_combo_activated(self, index: int) -> None:
        assert self._profile is not None
        mode = CUTOFF_MODES[index]
        if mode == self._profile.cutoff_mode:
            return
        question = self.tr(
            "Số liệu của mọi kỳ, kể cả các kỳ đã qua, sẽ được tính theo cách mới. Tiếp tục?"
        )
        if not self._dialogs.confirm(self, self.tr("Đổi cách tính kỳ số liệu"), question):
            self.ui.cutoff_combo.setCurrentIndex(CUTOFF_MODES.index(self._profile.cutoff_mode))
            return
        communes = self._communes

        def write(_task: object) -> Outcome[CommuneProfile]:
            communes.set_cutoff_mode(mode)  # every period is counted anew
            return Outcome(communes.profile(), Changes.of(Kind.PROFILE))

        def changed(profile: CommuneProfile) -> None:
            self._profile = profile
            self._show(self.ui.cutoff_status_label, self.tr("Đã đổi cách tính kỳ số liệu."))
            self.profile_changed.emit(profile)

        def refused(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            assert self._profile is not None
            self.ui.cutoff_combo.setCurrentIndex(CUTOFF_MODES.index(self._profile.cutoff_mode))
            self._show(self.ui.cutoff_status_label, str(exc), error=True)

        WriteOp(parent=self, op=write, success=changed).failure(refused).with_busy(
            self.ui.cutoff_combo
        ).run_in_background()

    def _on_language_combo_activated(self, index: int) -> None:
        language = LANGUAGES[index]
        username = self._ctx.actor.username
        if language == keys.language_of(self._settings, username):
            return
        self._settings.set(keys.account_language(username), language)  # this account's own
        self._settings.sync()
        self.language_changed.emit(language)

    def _on_signer_title_combo_activated(self, _index: int) -> None:
        # Choosing the Vice-Chairman switches "TM. ỦY BAN NHÂN DÂN" to "KT. CHỦ TỊCH" (and back).
        capacity = self.ui.signer_capacity_combo.currentText().strip()
        title = self.ui.signer_title_combo.currentText().strip()
        if title in CAPACITY_FOR_TITLE and capacity in TITLE_FOR_CAPACITY:
            self.ui.signer_capacity_combo.setCurrentText(CAPACITY_FOR_TITLE[title])
        self._update_preview()

    def _on_signer_capacity_combo_activated(self, _index: int) -> None:
        capacity = self.ui.signer_capacity_combo.currentText().strip()
        title = self.ui.signer_title_combo.currentText().strip()
        if capacity in TITLE_FOR_CAPACITY and title in CAPACITY_FOR_TITLE:
            self.ui.signer_title_combo.setCurrentText(TITLE_FOR_CAPACITY[capacity])
        self._update_preview()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.backups.model.retranslate()
            for label in self._status_labels():
                label.clear()  # a message of the moment, in the former language
            self._update_preview()
        super().changeEvent(event)

    # -- helpers -----------------------------------------------------------------------
    def _save_profile(self, then: Callable[[], object] | None = None) -> None:
        """Save the name and province; `then` runs once they are stored."""
        ui, communes = self.ui, self._communes
        name, province = ui.commune_name_edit.text(), ui.province_edit.text()

        def write(_task: object) -> Outcome[CommuneProfile]:
            return Outcome(communes.update_profile(name, province), Changes.of(Kind.PROFILE))

        def saved(profile: CommuneProfile) -> None:
            self._profile = profile
            ui.commune_name_edit.setText(profile.name)
            ui.province_edit.setText(profile.province)
            self._show(ui.profile_status_label, self.tr("Đã lưu thông tin xã."))
            self.profile_changed.emit(profile)
            if then is not None:
                then()

        def refused(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            self._show(ui.profile_status_label, str(exc), error=True)
            empty = [e for e in (ui.commune_name_edit, ui.province_edit) if not e.text().strip()]
            (empty[0] if empty else ui.commune_name_edit).setFocus()

        WriteOp(parent=self, op=write, success=saved).failure(refused).with_busy(
            ui.save_profile_button
        ).run_in_background()

    def _save_report(self) -> None:
        assert self._profile is not None
        values, communes = self.report_values(), self._communes

        def write(_task: object) -> Outcome[dict]:
            return Outcome(communes.set_settings(values), Changes.of(Kind.PROFILE))

        def saved(stored: dict) -> None:
            assert self._profile is not None
            self._profile = replace(self._profile, settings=stored)
            self.ui.recipients_edit.setPlainText(stored.get(RECIPIENTS, ""))
            self._show(self.ui.report_status_label, self.tr("Đã lưu thông tin báo cáo."))

        def refused(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            self._show(self.ui.report_status_label, str(exc), error=True)

        WriteOp(parent=self, op=write, success=saved).failure(refused).with_busy(
            self.ui.save_report_button
        ).run_in_background()

    def _profile_edited(self) -> bool:
        assert self._profile is not None
        typed = (self.ui.commune_name_edit.text().strip(), self.ui.province_edit.text().strip())
        return typed != (self._profile.name, self._profile.province)

    def _report_edited(self) -> bool:
        assert self._profile is not None
        stored = self._profile.settings
        return self.report_values() != {key: stored.get(key, "") for key in REPORT_KEYS}

    def _update_preview(self) -> None:
        values = self.report_values()
        place = values[REPORT_PLACE] or "…"
        prefix = values[REPORT_NUMBER_PREFIX] or "…"
        recipients = [*(f"- {line};" for line in recipient_lines(values[RECIPIENTS])), "- Lưu: VT."]
        signature = [values[SIGNER_CAPACITY] or "…", values[SIGNER_TITLE] or "…"]
        name = values[SIGNER_NAME] or "…"
        # The report's own wording stays Vietnamese in both languages: it goes to the province.
        self.ui.report_preview_label.setText(
            "<p>{caption}</p>"
            '<table width="100%" cellspacing="0" cellpadding="2">'
            "<tr><td>Số: …/{prefix}</td>"
            '<td align="center"><i>{date}</i></td></tr>'
            '<tr><td valign="top"><b><i>Nơi nhận:</i></b><br/>{recipients}</td>'
            '<td align="center" valign="top"><b>{signature}</b><br/><br/><b>{name}</b></td></tr>'
            "</table>".format(
                caption=escape(self.tr("Xem trước phần đầu và phần ký của báo cáo:")),
                prefix=escape(prefix),
                date=escape(date_line(place, self._ctx.today())),
                recipients="<br/>".join(escape(line) for line in recipients),
                signature="<br/>".join(escape(line) for line in signature),
                name=escape(name),
            )
        )

    def _report_line_edits(self) -> list[QLineEdit]:
        ui = self.ui
        return [
            ui.signer_capacity_combo.lineEdit(),
            ui.signer_title_combo.lineEdit(),
            ui.signer_name_edit,
            ui.preparer_name_edit,
            ui.report_place_edit,
            ui.report_number_prefix_edit,
        ]

    def _status_labels(self) -> list[QLabel]:
        ui = self.ui
        return [
            ui.profile_status_label,
            ui.cutoff_status_label,
            ui.report_status_label,
            ui.backups_status_label,
        ]

    @staticmethod
    def _show(label: QLabel, text: str, error: bool = False) -> None:
        label.setStyleSheet(_ERROR_STYLE if error else "")
        label.setText(text)
