"""The window per account: login (tries left, lock-out), sections and controls by role, the
phone rule, the Tài khoản and Nhật ký thay đổi sections, the supervisor's first account."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from commune_desk import app as app_module
from commune_desk.services.accounts import AccountService
from commune_desk.services.audit import AuditKind
from commune_desk.services.commune import CommuneService
from commune_desk.services.records import RecordService
from commune_desk.services.values import ValueChange, ValuesService
from commune_desk.views.accounts import dialog as account_dialog
from commune_desk.views.accounts.dialog import AccountDialog, AccountForm
from commune_desk.views.accounts.page import AccountsPage
from commune_desk.views.audit.page import AuditModel, AuditPage, Column
from commune_desk.views.kernel import kernel
from commune_desk.views.monthly.page import MonthlyGridPage
from commune_desk.views.records.page import RecordPage
from commune_desk.views.shell.compose import build_main_window
from commune_desk.views.shell.login_dialog import LoginDialog
from commune_desk.views.targets.page import TargetsPage
from commune_desk.views.widgets.app_settings import AppSettings
from tests.support.accounts import as_role
from tests.support.fakes import FakeDialogs
from tests.support.kernel import wait_idle

STAFF = {
    "code": "CB01",
    "full_name": "Lê Thị Hoa",
    "group": "cong_chuc",
    "start_date": "01/03/2018",
    "phone": "0912345678",
}


def ctx_path(ctx):
    """A folder beside the test's database."""
    return Path(ctx.sessions.kw["bind"].url.database).parent


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    wait_idle(qtbot)  # what the page reads has arrived
    return widget


def log_in(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.ui.username_edit.setText(username)
    dialog.ui.password_edit.setText(password)
    dialog.ui.login_button.click()
    wait_idle(qtbot)  # the attempt is checked off the UI thread


# -- login --------------------------------------------------------------------------------------


def test_login_says_tries_left_then_locked_until(qtbot, ctx, accounts):
    dialog = shown(qtbot, LoginDialog(AccountService(ctx), "Xã Thiệu Trung — Thanh Hóa"))
    assert not dialog.ui.login_button.isEnabled()  # nothing typed yet
    assert dialog.ui.password_edit.echoMode() == dialog.ui.password_edit.EchoMode.Password
    log_in(qtbot, dialog, "lan", "sai-mat-khau")
    assert dialog.error_text() == "Sai mật khẩu. Còn 4 lần thử trước khi tài khoản bị tạm khóa."
    assert dialog.ui.password_edit.text() == "" and dialog.isVisible()
    for _ in range(4):
        log_in(qtbot, dialog, "lan", "sai-mat-khau")
    assert dialog.error_text() == (
        "Tài khoản tạm khóa đến 09:35 vì nhập sai mật khẩu 5 lần. Hãy thử lại sau."
    )
    log_in(qtbot, dialog, "lan", "mat-khau-lan")  # the right password, still locked
    assert "09:35" in dialog.error_text() and dialog.account is None


def test_login_of_an_unknown_or_disabled_account_then_success(qtbot, ctx, accounts):
    dialog = shown(qtbot, LoginDialog(AccountService(ctx)))
    log_in(qtbot, dialog, "ai-do", "mat-khau-gi-do")
    assert dialog.error_text() == "Sai tên đăng nhập hoặc mật khẩu."
    accounts.set_active("lan", False)
    log_in(qtbot, dialog, "lan", "mat-khau-lan")
    assert dialog.error_text() == "Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ lãnh đạo UBND xã."
    accounts.set_active("lan", True)
    with qtbot.waitSignal(dialog.accepted):
        log_in(qtbot, dialog, "lan", "mat-khau-lan")
    assert (dialog.account.username, dialog.account.role) == ("lan", "clerk")


# -- the main window by role --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "extra"),
    [("clerk", []), ("officer", []), ("supervisor", ["accounts", "audit"])],
)
def test_sections_by_role(qtbot, ctx, tmp_path, role, extra):
    acting = as_role(ctx, role)
    window = shown(
        qtbot,
        build_main_window(
            acting, CommuneService(ctx).profile(), AppSettings(tmp_path / "s.ini"), FakeDialogs()
        ),
    )
    items = window.ui.section_list
    keys = [items.item(i).data(Qt.ItemDataRole.UserRole) for i in range(items.count())]
    assert keys[10:] == extra and len(keys) == 10 + len(extra)
    assert acting.actor.full_name in window.ui.account_label.text()
    assert window.ui.logout_button.isVisible() and window.ui.password_button.isVisible()


def test_logout_closes_the_window_and_is_remembered(qtbot, ctx, tmp_path):
    window = shown(
        qtbot,
        build_main_window(
            as_role(ctx, "clerk"),
            CommuneService(ctx).profile(),
            AppSettings(tmp_path / "s.ini"),
            FakeDialogs(),
        ),
    )
    with qtbot.waitSignal(window.logout_requested):
        window.ui.logout_button.click()
    assert window.logged_out and not window.isVisible()


def test_a_clerk_sees_no_phone_number_and_cannot_import(qtbot, ctx, dialogs):
    RecordService(ctx).create("staff", STAFF)
    page = shown(qtbot, RecordPage(as_role(ctx, "clerk"), dialogs, "staff"))
    phone = page.model.column_of("phone")
    assert page.ui.records_table.isColumnHidden(phone)
    assert "0912345678" not in str(page.model.record_at(0).values)
    assert page.ui.add_action.isEnabled() and not page.ui.import_action.isEnabled()
    assert page.ui.import_action.toolTip() == (
        "Chỉ cán bộ báo cáo nhập danh sách, số liệu từ tệp Excel."
    )
    assert page.permission_label.isVisible()
    page.ui.records_table.setCurrentIndex(page.model.index(0, 0))
    page.ui.edit_action.trigger()
    wait_idle(qtbot)
    dialog = page.current_dialog
    assert not dialog.editor("phone").isVisibleTo(dialog)
    dialog.editor("position").setText("Văn phòng")
    dialog.accept()
    wait_idle(qtbot)
    kept = RecordService(ctx).get("staff", page.model.record_at(0).id)
    assert (kept["position"], kept["phone"]) == ("Văn phòng", "0912345678")


def test_an_officer_sees_phone_numbers(qtbot, ctx, dialogs):
    RecordService(ctx).create("staff", STAFF)
    page = shown(qtbot, RecordPage(ctx, dialogs, "staff"))
    assert not page.ui.records_table.isColumnHidden(page.model.column_of("phone"))
    assert page.ui.import_action.isEnabled() and not page.permission_label.isVisible()


def test_a_supervisor_reads_records_but_cannot_change_them(qtbot, ctx, dialogs):
    RecordService(ctx).create("staff", STAFF)
    page = shown(qtbot, RecordPage(as_role(ctx, "supervisor"), dialogs, "staff"))
    page.ui.records_table.setCurrentIndex(page.model.index(0, 0))
    assert page.model.rowCount() == 1
    assert not page.ui.records_table.isColumnHidden(page.model.column_of("phone"))
    for action in (page.ui.add_action, page.ui.edit_action, page.ui.delete_action):
        assert not action.isEnabled()
    assert page.ui.export_action.isEnabled()
    assert page.permission_label.text().startswith("Tài khoản lãnh đạo chỉ xem")
    page.ui.records_table.doubleClicked.emit(page.model.index(0, 0))
    assert page.current_dialog is None


def test_a_supervisor_cannot_type_a_figure_in_the_grid(qtbot, ctx, dialogs):
    ValuesService(ctx).save([ValueChange("infra.bts", "2026-10", 4)])
    page = shown(qtbot, MonthlyGridPage(as_role(ctx, "supervisor"), dialogs))
    index = page.model.index_of("infra.bts", "2026-10")
    assert index.isValid() and not page.model.is_editable(index)
    assert not page.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert page.ui.lock_label.isVisibleTo(page)
    assert "chỉ xem" in page.ui.lock_label.text()


def test_a_supervisor_still_sees_which_months_were_submitted(qtbot, ctx, dialogs):
    from tests.support.grid import lock_q3

    lock_q3(ctx)
    page = shown(qtbot, MonthlyGridPage(as_role(ctx, "supervisor"), dialogs))
    combo = page.ui.period_combo
    combo.setCurrentIndex(combo.findData("2026-Q3"))
    wait_idle(qtbot)
    text = page.ui.lock_label.text()
    assert "chỉ xem" in text and "đã nộp" in text.lower()


@pytest.mark.parametrize(("role", "editable"), [("clerk", False), ("officer", True)])
def test_targets_are_set_by_officers(qtbot, ctx, dialogs, role, editable):
    page = shown(qtbot, TargetsPage(as_role(ctx, role), dialogs))
    index = page.model.index(0, 3)
    assert bool(page.model.flags(index) & Qt.ItemFlag.ItemIsEditable) is editable
    assert page.permission_label.isVisible() is not editable


# -- the Tài khoản section ----------------------------------------------------------------------


def answer_form(monkeypatch, **fields: str) -> None:
    """Make the next account form fill itself and press Lưu, as a user would."""

    def exec_(self: AccountDialog) -> int:
        for name, text in fields.items():
            getattr(self.ui, f"{name}_edit").setText(text)
        self.accept()
        kernel().wait_idle()  # the form is saved off the UI thread
        return self.result()

    monkeypatch.setattr(account_dialog.AccountDialog, "exec", exec_)


def test_a_supervisor_adds_resets_and_disables_accounts(qtbot, ctx, dialogs, accounts, monkeypatch):
    boss = replace(ctx, actor=accounts.login("lanhdao", "mat-khau-lanh-dao").actor())
    page = shown(qtbot, AccountsPage(boss, dialogs))
    assert [a.username for a in page.model.rows] == ["lan", "lanhdao"]
    answer_form(
        monkeypatch,
        username="Hoa.Le",
        full_name="Lê Thị Hoa",
        password="mat-khau-hoa",
        confirm="mat-khau-hoa",
    )
    page.ui.add_button.click()
    wait_idle(qtbot)
    assert page.current_account().username == "hoa.le"
    assert page.current_account().role == "clerk"  # the first role offered
    page.select("lan")
    answer_form(monkeypatch, password="mat-khau-moi-1", confirm="mat-khau-moi-1")
    page.ui.reset_button.click()
    wait_idle(qtbot)
    assert AccountService(ctx).login("lan", "mat-khau-moi-1").username == "lan"
    page.ui.active_button.click()
    wait_idle(qtbot)
    assert "Vô hiệu hóa tài khoản «lan»" in dialogs.texts("confirm")[-1]
    assert page.model.state_text(page.current_account()) == "Đã vô hiệu hóa"
    assert page.ui.active_button.text() == "&Kích hoạt lại"
    page.select("lanhdao")
    assert not page.ui.active_button.isEnabled()  # never oneself


def test_the_account_forms_check_as_the_user_types(qtbot):
    submitted = []
    dialog = shown(qtbot, AccountDialog(AccountForm.RESET, submitted.append, "lan"))
    ok = dialog.ui.button_box.buttons()[0]
    assert "«lan»" in dialog.ui.intro_label.text()
    assert not dialog.ui.username_edit.isVisibleTo(dialog)
    dialog.ui.password_edit.setText("1234567")
    assert dialog.ui.message_label.text() == "Mật khẩu cần ít nhất 8 ký tự (mới có 7)."
    dialog.ui.password_edit.setText("12345678")
    dialog.ui.confirm_edit.setText("12345679")
    assert dialog.ui.message_label.text() == "Hai lần nhập mật khẩu chưa khớp nhau."
    dialog.accept()
    wait_idle(qtbot)
    assert submitted == [] and dialog.isVisible()
    dialog.ui.confirm_edit.setText("12345678")
    assert dialog.problem() == "" and ok.isEnabled()
    dialog.accept()
    wait_idle(qtbot)
    assert submitted[0].password == "12345678" and not dialog.isVisible()


# -- the Nhật ký thay đổi section ---------------------------------------------------------------


def test_the_audit_page_filters_and_exports(qtbot, ctx, dialogs, accounts, tmp_path, qtmodeltester):
    lan = replace(ctx, actor=accounts.login("lan", "mat-khau-lan").actor())
    ValuesService(lan).save([ValueChange("infra.bts", "2026-10", 4)])
    boss = as_role(ctx, "supervisor")
    page = shown(qtbot, AuditPage(boss, dialogs))
    qtmodeltester.check(page.model)
    assert page.model.total > 3
    newest = [page.model.text(page.model.row_at(0), c) for c in Column]
    assert newest[1] == "Trần Thị Lan (lan)" and newest[2] == "Thêm"
    assert newest[3] == "Số liệu «Số trạm BTS trên địa bàn»"
    assert (newest[4], newest[5], newest[6]) == ("Tháng 10/2026", "", "4 trạm")
    page.ui.kind_combo.setCurrentIndex(page.ui.kind_combo.findData(str(AuditKind.LOGIN)))
    wait_idle(qtbot)
    assert {r.action for r in page.model.rows} == {"login"}
    page.ui.actor_combo.setCurrentIndex(page.ui.actor_combo.findData("lanhdao"))
    wait_idle(qtbot)
    assert page.model.total == 0 and page.ui.count_label.text() == "0 dòng"
    assert not page.ui.export_button.isEnabled()
    page.ui.actor_combo.setCurrentIndex(0)
    wait_idle(qtbot)
    page.ui.kind_combo.setCurrentIndex(0)
    wait_idle(qtbot)
    everything = page.model.total
    page.ui.dates_check.setChecked(True)  # this month, up to today: the whole trail here
    assert page.model.total == everything
    page.ui.date_to_edit.setDate(page.ui.date_to_edit.date().addDays(-1))
    wait_idle(qtbot)
    assert page.model.total == 0
    page.ui.dates_check.setChecked(False)
    wait_idle(qtbot)
    dialogs.save_path = tmp_path / "nhat-ky"
    page.ui.export_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.texts("inform")), timeout=20_000)
    rows = list(load_workbook(tmp_path / "nhat-ky.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == page.model.total + 1 and rows[1][1] == "lan"


def test_every_audit_column_shows_on_an_office_screen(qtbot, ctx, dialogs, accounts):
    from commune_desk.domain.periods import Period
    from commune_desk.services.reports import ReportService
    from commune_desk.views.audit.page import MIN_CHARS, REASON_CHARS

    ValuesService(ctx).save([ValueChange("infra.bts", "2026-07", 4)])
    ReportService(ctx).export(Period.parse("2026-Q3"), ctx_path(ctx) / "q3.xlsx")
    boss = as_role(ctx, "supervisor")
    ReportService(boss).unlock(Period.parse("2026-Q3"), "Huyện yêu cầu sửa số hồ sơ tháng 9")
    page = AuditPage(boss, dialogs)
    page.resize(1080, 640)  # the section's room in a 1366×768 window
    shown(qtbot, page)
    wait_idle(qtbot)
    table = page.ui.audit_table
    header = table.horizontalHeader()
    char = table.fontMetrics().averageCharWidth()
    qtbot.waitUntil(
        lambda: (
            header.sectionViewportPosition(Column.REASON) + REASON_CHARS * char
            <= table.viewport().width()
        )
    )
    for column in Column:
        assert header.sectionSize(column) >= MIN_CHARS * char - 1, column


def test_the_audit_model_is_paged(qtbot, ctx, monkeypatch):
    from commune_desk.services.audit import AuditService
    from commune_desk.views.audit import page as audit_page

    monkeypatch.setattr(audit_page, "PAGE", 2)
    ValuesService(ctx).save([ValueChange("infra.bts", f"2026-0{m}", m) for m in range(1, 8)])
    model = AuditModel(AuditService(as_role(ctx, "supervisor")))
    model.set_query(audit_page.AuditQuery())
    assert model.rowCount() == 2 and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total == len(AuditService(as_role(ctx, "system")).list())


# -- the first supervisor -----------------------------------------------------------------------


def test_a_database_without_a_supervisor_asks_for_one(qtbot, opened, monkeypatch):
    answer_form(
        monkeypatch,
        username="chutich",
        full_name="Lê Văn Chủ",
        password="mat-khau-chu-tich",
        confirm="mat-khau-chu-tich",
    )
    assert app_module._ensure_supervisor(opened)
    account = AccountService(opened.context).login("chutich", "mat-khau-chu-tich")
    assert account.role == "supervisor"
