"""Báo cáo: the period's status, a preview of the report's rows and the validation summary;
export a draft, submit (which locks the period), print-preview, unlock with a reason. Drafts and
submissions fill the province's own form when one is chosen (remembered in AppSettings).

Writing the workbook runs in the background (a kernel operation); the page only asks the dialogs
and calls ReportService.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import QListWidgetItem, QWidget

from commune_desk.domain.numbers import format_number
from commune_desk.domain.periods import Kind as PeriodKind
from commune_desk.domain.periods import Period, current_month
from commune_desk.services.commune import CommuneService
from commune_desk.services.context import ServiceContext
from commune_desk.services.errors import ServiceError
from commune_desk.services.permissions import Action
from commune_desk.services.reports import ExportResult, ReportPreview, ReportService, ReportState
from commune_desk.views.forms.ui_reports_page import Ui_ReportsPage
from commune_desk.views.kernel import Changes, Kind, Outcome, QueryOp, Task, WriteOp, kernel
from commune_desk.views.reports.exchange import NarrativeEditor, receive_province_reply
from commune_desk.views.reports.model import Column, ReportModel
from commune_desk.views.reports.printing import open_print_preview
from commune_desk.views.widgets.app_settings import REPORT_TEMPLATE, AppSettings
from commune_desk.views.widgets.dialogs import Dialogs, choose_workbook_path
from commune_desk.views.widgets.i18n import fill, relabel_periods, ui_language
from commune_desk.views.widgets.name_table import fit_name_table, set_up_name_table
from commune_desk.views.widgets.roles import add_permission_line, why_not

ERROR_COLOUR = QColor("#b3261e")
WARNING_COLOUR = QColor("#8a5300")


SHOWN_KINDS = (
    Kind.VALUES,
    Kind.RECORDS,
    Kind.TARGETS,
    Kind.PROFILE,
    Kind.SUBMISSIONS,
    Kind.NARRATIVES,
)


def _back(period: Period, count: int) -> list[Period]:
    """`period` and the `count - 1` periods of its kind before it, newest first."""
    periods = [period]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return periods


def report_periods(month: Period) -> list[Period]:
    """The periods offered in the month `month`: 8 quarters, 12 months, 4 halves, 2 years."""
    quarter, half = month.enclosing(PeriodKind.QUARTER), month.enclosing(PeriodKind.HALF)
    return [
        *_back(quarter, 8),
        *_back(month, 12),
        *_back(half, 4),
        *_back(Period.of_year(month.year), 2),
    ]


# The unit column as wide as "thuê bao/100 dân" wrapped; the notes' column a few words.
PREVIEW_CAPS = {Column.UNIT: 12, Column.NOTE: 22}


class ReportsPage(QWidget):
    exported = Signal(object)  # ExportResult, after a draft or a submission was written

    def __init__(
        self,
        ctx: ServiceContext,
        dialogs: Dialogs,
        settings: AppSettings,
        parent: QWidget | None = None,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ReportsPage()
        self.ui.setupUi(self)
        self._ctx = ctx
        # What this account may not do, said in the buttons' tooltips and a visible line.
        self._cannot_submit = why_not(ctx, Action.SUBMIT)
        self._cannot_unlock = why_not(ctx, Action.UNLOCK)
        self._dialogs = dialogs
        self._settings = settings
        self._reports = ReportService(ctx)
        self._open_url = open_url
        self._preview: ReportPreview | None = None
        self._loading = 0
        self._writing = False
        self._last_file: Path | None = None
        self._print_dialog: QWidget | None = None
        self._model = ReportModel(self)
        table = self.ui.preview_table
        table.setModel(self._model)
        table.verticalHeader().hide()
        set_up_name_table(table, Column.LABEL)
        # Two lines each at least (they scroll), so at 1366×768 the report's rows keep the room.
        for edit in (self.ui.assessment_edit, self.ui.difficulties_edit, self.ui.proposals_edit):
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 2 + 12)
        self.ui.problems_list.setMinimumHeight(self.ui.problems_list.fontMetrics().height() * 2)
        self.ui.content_splitter.setStretchFactor(0, 4)
        self.ui.content_splitter.setStretchFactor(1, 1)
        self.ui.content_splitter.setStretchFactor(2, 1)
        self.ui.content_splitter.setSizes([480, 120, 170])
        ui = self.ui
        ui.period_combo.currentIndexChanged.connect(self._on_period_combo_current_index_changed)
        ui.draft_button.clicked.connect(self._on_draft_button_clicked)
        ui.submit_button.clicked.connect(self._on_submit_button_clicked)
        ui.print_preview_button.clicked.connect(self._on_print_preview_button_clicked)
        ui.unlock_button.clicked.connect(self._on_unlock_button_clicked)
        ui.reply_button.clicked.connect(self._on_reply_button_clicked)
        ui.narrative_save_button.clicked.connect(self._on_narrative_save_button_clicked)
        self._narrative = NarrativeEditor(self, ctx, dialogs)
        ui.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        ui.choose_template_button.clicked.connect(self._on_choose_template_button_clicked)
        ui.standard_template_button.clicked.connect(self._on_standard_template_button_clicked)
        if self._cannot_submit:
            ui.submit_button.setToolTip(self._cannot_submit)
        if self._cannot_unlock:
            ui.unlock_button.setToolTip(self._cannot_unlock)
        if self._cannot_submit:
            ui.reply_button.setToolTip(self._cannot_submit)
        self.permission_label = add_permission_line(
            self, ui.main_layout, 2, self._cannot_submit, self._cannot_unlock
        )
        kernel().bus.subscribe(self, SHOWN_KINDS, self._heard)
        self._read_periods()

    # -- public ------------------------------------------------------------------------
    @property
    def model(self) -> ReportModel:
        return self._model

    @property
    def period(self) -> Period:
        return Period.parse(self.ui.period_combo.currentData())

    @property
    def template(self) -> Path | None:
        """The province's form that drafts and submissions fill; None: the standard report."""
        name = self._settings.get(REPORT_TEMPLATE)
        return Path(name) if name else None

    @property
    def preview(self) -> ReportPreview | None:
        return self._preview

    @property
    def busy(self) -> bool:
        """True while the preview is being read."""
        return self._loading > 0

    def refresh(self) -> None:
        """Read the period's status, rows and problems again (and whether the form is there)."""
        if self.ui.period_combo.count() == 0:
            self._read_periods()  # the periods come first; the preview is read then
            return
        self._show_template()
        reports, period = self._reports, self.period
        self._loading += 1
        QueryOp(
            parent=self, op=lambda _task: reports.preview(period), success=self._show_preview
        ).failure(self._on_preview_failed).key("preview").run_in_background()

    def _on_preview_failed(self, exc: Exception) -> None:
        self._loading = 0
        if not isinstance(exc, ServiceError):
            raise exc
        self._preview = None
        self._model.set_rows([])
        self.ui.status_label.setText(str(exc))
        self._update_actions()

    def _show_preview(self, preview: ReportPreview) -> None:
        self._loading = 0
        self._preview = preview
        self._model.set_rows(preview.rows)
        fit_name_table(self.ui.preview_table, Column.LABEL, PREVIEW_CAPS)
        self.ui.window_label.setText(preview.window.label(ui_language()))
        self.ui.status_label.setText(self._status_text(preview))
        self.ui.preview_label.setText(self._preview_heading(preview))
        self._fill_problems(preview)
        self._fill_narrative(preview.status.locked)
        self._update_actions()

    # -- slots ---------------------------------------------------------------------------
    def _on_period_combo_current_index_changed(self, _index: int) -> None:
        self.refresh()

    def _on_draft_button_clicked(self) -> None:
        suggested = fill(self.tr("Báo cáo %1 (bản nháp).xlsx"), self.period.key)
        self._export(draft=True, title=self.tr("Xuất bản nháp"), suggested=suggested)

    def _on_submit_button_clicked(self) -> None:
        preview = self._preview
        if preview is None or self._writing:
            return
        period = self.period.label(ui_language())
        question = fill(
            self.tr(
                "Nộp báo cáo %1? Sau khi nộp, số liệu và các hồ sơ của kỳ sẽ bị khóa; muốn sửa "
                "phải được lãnh đạo mở khóa.\nSố cảnh báo sẽ nộp kèm: %2."
            ),
            period,
            format_number(len(preview.warnings)),
        )
        if not self._dialogs.confirm(self, self.tr("Nộp báo cáo"), question):
            return
        version = (preview.status.version or 0) + 1
        suggested = fill(self.tr("Báo cáo %1 v%2.xlsx"), self.period.key, version)
        self._export(draft=False, title=self.tr("Nộp báo cáo"), suggested=suggested)

    def _on_print_preview_button_clicked(self) -> None:
        if self._preview is not None:
            self._print_dialog = open_print_preview(self, self._preview.document)

    def _on_unlock_button_clicked(self) -> None:
        period = self.period
        label = fill(self.tr("Lý do mở khóa %1 (ghi vào nhật ký):"), period.label(ui_language()))
        reason = self._dialogs.ask_text(self, self.tr("Mở khóa kỳ báo cáo"), label, required=True)
        if reason is None:
            return
        if not reason.strip():
            self._dialogs.warn(
                self, self.tr("Mở khóa kỳ báo cáo"), self.tr("Cần ghi lý do mở khóa.")
            )
            return
        reports = self._reports

        def unlock(_task: object) -> Changes:
            reports.unlock(period, reason)
            months = [month.key for month in period.months()]
            return Changes.of(Kind.SUBMISSIONS, periods=months)

        def refused(exc: Exception) -> None:
            if not isinstance(exc, ServiceError):
                raise exc
            self._dialogs.warn(self, self.tr("Không mở khóa được"), str(exc))
            self.refresh()

        WriteOp(parent=self, op=unlock, success=lambda _c: self.refresh()).failure(
            refused
        ).with_busy(self.ui.unlock_button).run_in_background()

    def _fill_narrative(self, locked: bool) -> None:
        self._narrative.fill(self.period, locked)

    def _on_narrative_save_button_clicked(self) -> None:
        self._narrative.save(self.period, self.refresh)

    def _on_reply_button_clicked(self) -> None:
        receive_province_reply(
            self, self._ctx, self._dialogs, self.refresh, button=self.ui.reply_button
        )

    def _on_open_folder_button_clicked(self) -> None:
        if self._last_file is not None:
            self._open_url(QUrl.fromLocalFile(str(self._last_file.parent)))

    def _on_choose_template_button_clicked(self) -> None:
        title = self.tr("Chọn mẫu báo cáo của tỉnh")
        path = self._dialogs.choose_open_path(self, title, self.tr("Bảng tính Excel (*.xlsx)"))
        if path is not None:
            self._set_template(str(path))

    def _on_standard_template_button_clicked(self) -> None:
        self._set_template("")

    def _on_export_progress(self, done: int, total: int) -> None:
        self.ui.progress_bar.setRange(0, max(total, 1))
        self.ui.progress_bar.setValue(done)

    def _on_export_finished(self, result: ExportResult) -> None:
        self._set_writing(False)
        self._last_file = result.path
        if result.version is None:
            text = fill(self.tr("Đã ghi bản nháp vào tệp %1."), result.path)
        else:
            text = fill(
                self.tr("Đã nộp báo cáo phiên bản %1 vào tệp %2. Kỳ báo cáo đã được khóa."),
                result.version,
                result.path,
            )
        self.ui.open_folder_button.setEnabled(True)
        self.refresh()
        self._dialogs.inform(self, self.tr("Báo cáo"), text)
        self.exported.emit(result)

    def _on_export_failed(self, error: Exception) -> None:
        self._set_writing(False)
        self.refresh()
        self._dialogs.warn(self, self.tr("Không ghi được báo cáo"), str(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            relabel_periods(self.ui.period_combo)
            self._model.retranslate()
            self._show_template()
            if self._preview is not None:  # the same figures, in the new language
                self._show_preview(self._preview)
        super().changeEvent(event)

    # -- helpers -------------------------------------------------------------------------
    def _heard(self, changes: Changes) -> None:
        if Kind.PROFILE in changes.kinds:  # the cut-off mode may have moved the periods
            self._read_periods()
        else:
            self.refresh()

    def _read_periods(self) -> None:
        """The periods offered follow the commune's cut-off mode (read off the UI thread)."""
        communes = CommuneService(self._ctx)
        self._loading += 1
        QueryOp(
            parent=self,
            op=lambda _task: communes.profile().cutoff_mode,
            success=self._fill_periods,
        ).failure(self._on_preview_failed).key("periods").run_in_background()

    def _fill_periods(self, mode: str) -> None:
        self._loading = max(self._loading - 1, 0)
        combo = self.ui.period_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        kind = None
        for period in report_periods(current_month(self._ctx.today(), mode)):
            if kind is not None and period.kind != kind:
                combo.insertSeparator(combo.count())
            kind = period.kind
            combo.addItem(period.label(ui_language()), period.key)
        # The latest quarter that has ended (the one reported now), or the one chosen before.
        found = combo.findData(chosen) if chosen else -1  # a separator's data is None too
        combo.setCurrentIndex(found if found >= 0 else 1)
        combo.blockSignals(False)
        self.refresh()

    def _export(self, draft: bool, title: str, suggested: str) -> None:
        if self._writing:
            return
        path = choose_workbook_path(self._dialogs, self, title, suggested)
        if path is None:
            return
        reports, period, template = self._reports, self.period, self.template

        def export(task: Task) -> Outcome[ExportResult]:
            result = reports.export(period, path, draft, template, progress=task.progress)
            months = [month.key for month in period.months()]
            # A submission locks the period and records a version; a draft changes no data.
            changes = Changes() if draft else Changes.of(Kind.SUBMISSIONS, periods=months)
            return Outcome(result, changes)

        self._set_writing(True)
        WriteOp(parent=self, op=export, success=self._on_export_finished).with_progress(
            self._on_export_progress
        ).failure(self._on_export_failed).run_in_background()

    def _set_template(self, name: str) -> None:
        self._settings.set(REPORT_TEMPLATE, name)
        self._settings.sync()
        self._show_template()
        self._update_actions()

    def _show_template(self) -> None:
        ui, template = self.ui, self.template
        if template is None:
            ui.template_label.setText(self.tr("Mẫu chuẩn của chương trình"))
            ui.template_label.setToolTip("")
            ui.print_preview_button.setToolTip("")
        else:
            missing = "" if template.is_file() else " " + self.tr("(không tìm thấy tệp)")
            ui.template_label.setText(template.name + missing)
            ui.template_label.setToolTip(str(template))
            ui.print_preview_button.setToolTip(
                self.tr(
                    "Xem bản in theo mẫu chuẩn của chương trình; mẫu của tỉnh dùng khi xuất "
                    "bản nháp và nộp báo cáo"
                )
            )

    def _set_writing(self, writing: bool) -> None:
        self._writing = writing
        ui = self.ui
        ui.work_label.setText(self.tr("Đang ghi báo cáo…") if writing else "")
        ui.progress_bar.setRange(0, 0)  # busy until the first step is reported
        ui.progress_bar.setVisible(writing)
        self._update_actions()

    def _update_actions(self) -> None:
        preview, ui = self._preview, self.ui
        ready = preview is not None and not self._writing
        ui.period_combo.setEnabled(not self._writing)
        ui.choose_template_button.setEnabled(not self._writing)
        ui.standard_template_button.setEnabled(not self._writing and self.template is not None)
        ui.draft_button.setEnabled(ready)
        ui.print_preview_button.setEnabled(preview is not None)
        ui.submit_button.setEnabled(ready and preview.can_submit and not self._cannot_submit)
        ui.unlock_button.setEnabled(ready and preview.status.locked and not self._cannot_unlock)
        ui.reply_button.setEnabled(not self._writing and not self._cannot_submit)

    def _preview_heading(self, preview: ReportPreview) -> str:
        """Above the rows: a locked period shows its submission's figures under its version,
        anything else is what a draft would report."""
        version = preview.document.version
        if version is not None and not preview.document.draft:
            return fill(
                self.tr("&Xem trước báo cáo đã nộp, phiên bản %1 (số liệu đã nộp):"), version
            )
        return self.tr("&Xem trước các dòng của báo cáo (bản nháp, chưa nộp):")

    def _status_text(self, preview: ReportPreview) -> str:
        status = preview.status
        state = status.state
        if state is ReportState.SUBMITTED:
            text = fill(
                self.tr("Trạng thái: đã nộp v%1 ngày %2 (%3); số liệu của kỳ đang khóa."),
                status.version,
                f"{status.submitted_at:%d/%m/%Y}" if status.submitted_at else "",
                status.submitted_by,
            )
            if status.province_decision == "accept":
                text += " " + self.tr("Tỉnh đã tiếp nhận.")
        elif state is ReportState.UNLOCKED:
            text = fill(
                self.tr(
                    "Trạng thái: đã mở khóa ngày %1 (%2), lý do: %3. "
                    "Đã nộp v%4; lần nộp sau là v%5."
                ),
                f"{status.unlocked_at:%d/%m/%Y}" if status.unlocked_at else "",
                status.unlocked_by,
                status.unlock_reason,
                status.version,
                (status.version or 0) + 1,
            )
        elif state is ReportState.ENTERING:
            text = self.tr("Trạng thái: đang nhập số liệu, chưa nộp.")
        else:
            text = self.tr("Trạng thái: chưa có số liệu.")
        if status.covered_by is not None:
            text += " " + fill(
                self.tr("Các tháng của kỳ đã khóa theo báo cáo %1."),
                status.covered_by.period.label(ui_language()),
            )
        return text

    def _fill_problems(self, preview: ReportPreview) -> None:
        language = ui_language()
        errors, warnings = preview.errors, preview.warnings
        if errors:
            summary = fill(
                self.tr("Kiểm tra &số liệu: %1 lỗi (phải sửa trước khi nộp), %2 cảnh báo:"),
                format_number(len(errors)),
                format_number(len(warnings)),
            )
        elif warnings:
            summary = fill(
                self.tr("Kiểm tra &số liệu: không có lỗi; %1 cảnh báo (nộp kèm báo cáo):"),
                format_number(len(warnings)),
            )
        else:
            summary = self.tr("Kiểm tra &số liệu: không có lỗi, không có cảnh báo.")
        self.ui.problems_label.setText(summary)
        problems = self.ui.problems_list
        problems.clear()
        for problem in [*errors, *warnings]:
            prefix = self.tr("Lỗi") if problem.is_error else self.tr("Cảnh báo")
            item = QListWidgetItem(f"{prefix}: {problem.text(language)}")
            colour = ERROR_COLOUR if problem.is_error else WARNING_COLOUR
            item.setForeground(QBrush(colour))
            item.setToolTip(", ".join(problem.codes))
            problems.addItem(item)
