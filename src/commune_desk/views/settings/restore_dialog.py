"""Before a restore: when the backup was made and what it holds, then Khôi phục or Hủy."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from commune_desk.domain.numbers import format_number
from commune_desk.domain.periods import Period, month_runs
from commune_desk.domain.records import KINDS
from commune_desk.services.backups import BackupKind as Kind
from commune_desk.services.backups import BackupSummary
from commune_desk.views.widgets.i18n import fill, ui_language

KIND_LABELS = {
    Kind.DAILY: QT_TRANSLATE_NOOP("RestoreDialog", "tự động hằng ngày"),
    Kind.MANUAL: QT_TRANSLATE_NOOP("RestoreDialog", "sao lưu thủ công"),
    Kind.BEFORE_UPGRADE: QT_TRANSLATE_NOOP("RestoreDialog", "trước khi nâng cấp"),
    Kind.BEFORE_RESTORE: QT_TRANSLATE_NOOP("RestoreDialog", "trước khi khôi phục"),
}


def tr(text: str) -> str:
    """Translate a text marked with QT_TRANSLATE_NOOP under this module's context."""
    return QCoreApplication.translate("RestoreDialog", text)


def kind_label(kind: Kind | None) -> str:
    return (
        tr(KIND_LABELS[kind])
        if kind is not None
        else QCoreApplication.translate("RestoreDialog", "tệp khác")
    )


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{format_number(size / 1024 / 1024, 1)} MB"
    return f"{format_number(max(1, round(size / 1024)))} KB"


def when_text(moment) -> str:  # a datetime, shown as 21/11/2026 09:30
    return moment.strftime("%d/%m/%Y %H:%M")


def summary_html(summary: BackupSummary) -> str:
    """The backup's date and a summary of its contents, as rich text."""
    contents, language = summary.contents, ui_language()
    months = [
        first.label(language)
        if first == last
        else f"{first.label(language)} – {last.label(language)}"
        for first, last in month_runs([Period.parse(m) for m in contents.months])
    ]
    records = [
        f"{escape(QCoreApplication.translate('RecordKinds', KINDS[kind].label))}: "
        f"{format_number(count)}"
        for kind, count in contents.records.items()
    ]
    submissions = [
        fill(
            QCoreApplication.translate("RestoreDialog", "%1 (phiên bản %2)"),
            Period.parse(p).label(language),
            v,
        )
        for p, v in contents.submissions
    ]
    rows = [
        (
            QCoreApplication.translate("RestoreDialog", "Ngày sao lưu"),
            f"{when_text(summary.taken_at)} ({kind_label(summary.kind)})",
        ),
        (
            QCoreApplication.translate("RestoreDialog", "Tệp"),
            f"{summary.path.name} ({size_text(summary.size)})",
        ),
        (
            QCoreApplication.translate("RestoreDialog", "Xã"),
            f"{contents.commune_name} ({contents.commune_code}), {contents.province}"
            if contents.commune_code
            else QCoreApplication.translate("RestoreDialog", "chưa có thông tin xã"),
        ),
        (
            QCoreApplication.translate("RestoreDialog", "Thay đổi cuối"),
            when_text(contents.last_change)
            if contents.last_change
            else QCoreApplication.translate("RestoreDialog", "chưa có"),
        ),
        (
            QCoreApplication.translate("RestoreDialog", "Tháng có số liệu"),
            fill(
                QCoreApplication.translate("RestoreDialog", "%1 tháng: %2"),
                len(contents.months),
                ", ".join(months),
            )
            if months
            else QCoreApplication.translate("RestoreDialog", "chưa có"),
        ),
        (
            QCoreApplication.translate("RestoreDialog", "Báo cáo đã nộp"),
            ", ".join(submissions)
            if submissions
            else QCoreApplication.translate("RestoreDialog", "chưa có"),
        ),
    ]
    table = "".join(
        f'<tr><td valign="top"><b>{escape(k)}:</b></td><td>{escape(v)}</td></tr>' for k, v in rows
    )
    heading = escape(QCoreApplication.translate("RestoreDialog", "Số bản ghi"))
    return (
        f"<table cellspacing='0' cellpadding='2'>{table}</table>"
        f"<p><b>{heading}:</b><br/>{'<br/>'.join(records)}</p>"
    )


class RestoreDialog(QDialog):
    """Shows what a restore would bring back; accepted means: restore it."""

    def __init__(self, summary: BackupSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Khôi phục dữ liệu từ bản sao lưu"))
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(summary_html(summary), self)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setAccessibleName(self.tr("Nội dung bản sao lưu"))
        self.summary_label.setWordWrap(True)
        self.warning_label = QLabel(
            self.tr(
                "Dữ liệu hiện tại sẽ được thay bằng nội dung bản sao lưu này. Trước khi thay, "
                "chương trình tự sao lưu trạng thái hiện tại vào thư mục sao lưu để có thể "
                "quay lại."
            ),
            self,
        )
        self.warning_label.setWordWrap(True)
        if summary.other_commune and summary.replaces is not None:
            contents = summary.contents
            self.warning_label.setText(
                fill(
                    self.tr(
                        "Chú ý: bản sao lưu này là dữ liệu của %1 (mã %2), không phải của %3 "
                        "(mã %4) đang dùng. Khôi phục sẽ thay dữ liệu của %3 bằng dữ liệu của "
                        "%1. Chỉ bấm «Khôi phục» nếu đúng là muốn như vậy."
                    ),
                    contents.commune_name,
                    contents.commune_code,
                    summary.replaces[1],
                    summary.replaces[0],
                )
            )
            self.warning_label.setStyleSheet("color: #b00020; font-weight: bold;")
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            self.tr("&Khôi phục"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("&Hủy"))
        self.cancel_button.setDefault(True)  # Enter never replaces the data by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(buttons)


def ask_restore(parent: QWidget | None, summary: BackupSummary) -> bool:
    """The modal question; tests pass their own function instead."""
    return RestoreDialog(summary, parent).exec() == QDialog.DialogCode.Accepted
