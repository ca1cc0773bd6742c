"""Screenshots of the real window for the user guide: docs/screenshots/*.png (`make screenshots`).

Builds the demo commune in a temporary folder (clock fixed at 21/11/2026 09:30, so the shots
do not change from day to day), opens the main window offscreen in Vietnamese at 1280×800,
and takes every shot of SHOTS: a section of the window, or a dialog opened from it the way a
user would. Adding a shot is one entry of SHOTS. The PNGs are reduced to 256 colours.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)
NOW = dt.datetime(2026, 11, 21, 9, 30)


@dataclass(frozen=True)
class Shot:
    name: str  # docs/screenshots/<name>.png
    section: str | None  # the window's section shown first (None: no window)
    # opens what to capture instead of the whole window; returns it
    take: Callable[[Studio], object] | None = None
    role: str = "officer"  # the demo account logged in: clerk, officer or supervisor


class ScriptedDialogs:
    """The dialog service of the window, answering as the user of a shot would."""

    def __init__(self) -> None:
        self.open_path: Path | None = None
        self.save_path: Path | None = None
        self.folder: Path | None = None

    def confirm(self, parent, title: str, text: str) -> bool:
        return True

    def inform(self, parent, title: str, text: str) -> None:
        pass

    def warn(self, parent, title: str, text: str) -> None:
        print(f"warning shown: {title}: {text}", file=sys.stderr)

    def choose_open_path(self, parent, title: str, filters: str) -> Path | None:
        return self.open_path

    def choose_save_path(self, parent, title: str, suggested: str, filters: str) -> Path | None:
        return self.save_path

    def choose_folder(self, parent, title: str) -> Path | None:
        return self.folder

    def ask_text(
        self, parent, title: str, label: str, text: str = "", required: bool = False
    ) -> str | None:
        return None


class Studio:
    """The demo database, the window and the means to wait for it and to grab a modal dialog."""

    def __init__(self, home: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from commune_desk import paths
        from commune_desk.demo import build_demo
        from commune_desk.services.context import Actor
        from commune_desk.services.setup import open_database
        from commune_desk.views.widgets.app_settings import AppSettings
        from commune_desk.views.widgets.i18n import Translations

        self.home = home
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.translations = Translations(self.app, paths.translations_dir())
        self.translations.switch("vi")
        # the Windows user of the office PC, as the command line and set-up record it
        office_pc = Actor("os:VanPhong", "system", "VanPhong")
        self.db = open_database(
            home / "demo.sqlite3", paths.catalogue_file(), office_pc, home / "backups"
        )
        self.ctx = self.db.context
        self.ctx.clock = lambda: NOW
        build_demo(self.ctx)
        self.dialogs = ScriptedDialogs()
        self.settings = AppSettings(home / "screenshots.ini")
        self.role = ""
        self.window = None
        self.day_of_work()

    def log_in(self, role: str):
        """A context acting as the demo account of `role` (logged in, as the trail records)."""
        from dataclasses import replace

        from commune_desk.demo.build import DEMO_ACCOUNTS
        from commune_desk.services.accounts import AccountService

        username, password = next((u, p) for u, r, p, _ in DEMO_ACCOUNTS if r == role)
        account = AccountService(self.ctx).login(username, password)
        return replace(self.ctx, actor=account.actor())

    def show_as(self, role: str) -> None:
        """The main window of the demo account of `role`."""
        from commune_desk.services.commune import CommuneService
        from commune_desk.views.shell.compose import build_main_window

        if role == self.role:
            return
        if self.window is not None:
            self.window.close()
            self.settle(5)
        self.role = role
        ctx = self.log_in(role)
        profile = CommuneService(ctx).profile()
        self.window = build_main_window(ctx, profile, self.settings, self.dialogs)
        self.window.resize(*SIZE)
        self.window.show()
        self.settle()

    def day_of_work(self) -> None:
        """What the audit trail shows: a clerk corrects a figure, the officer submits the third
        quarter, the supervisor unlocks it with a reason."""
        from commune_desk.domain.periods import Period
        from commune_desk.services.reports import ReportService
        from commune_desk.services.values import ValueChange, ValuesService

        q3 = Period.parse("2026-Q3")
        clerk = ValuesService(self.log_in("clerk"))
        code = "tthc.received_online"
        stored = clerk.cells([Period.parse("2026-09")])[(code, "2026-09")].value
        clerk.save([ValueChange(code, "2026-09", stored + 3, "Bổ sung 3 hồ sơ nhận cuối tháng")])
        ReportService(self.log_in("officer")).export(q3, self.home / "bao-cao-quy-3.xlsx")
        ReportService(self.log_in("supervisor")).unlock(
            q3, "Huyện yêu cầu sửa số hồ sơ trực tuyến tháng 9"
        )

    def settle(self, rounds: int = 30) -> None:
        """Let background work finish and the window repaint."""
        from commune_desk.views.kernel import kernel

        for _ in range(rounds):
            kernel().wait_idle(0.05)
            self.app.processEvents()

    def modal(self, trigger: Callable[[], object], fill: Callable[[object], None]) -> object:
        """Grab the modal dialog `trigger` opens (and runs with exec()) once `fill` has typed
        into it, then cancel it."""
        from PySide6.QtCore import QTimer

        grabbed: list[object] = []

        def grab() -> None:
            dialog = self.app.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(50, grab)
                return
            fill(dialog)
            self.settle(5)
            grabbed.append(dialog.grab())
            dialog.reject()

        QTimer.singleShot(100, grab)
        trigger()  # the dialog may open only once an operation has read what it shows
        deadline = time.monotonic() + 30
        while not grabbed and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)
        return grabbed[0]


def overview(studio: Studio) -> object:
    page = studio.window.page("overview")
    while not (page.charts.ready and page.overview is not None):
        studio.settle(2)
    studio.settle()
    return studio.window.grab()


def comment_dialog(studio: Studio) -> object:
    page = studio.window.page("monthly")
    table = page.ui.grid_table
    table.setFocus()
    table.setCurrentIndex(table.model().index(1, 2))

    def fill(dialog) -> None:
        from PySide6.QtWidgets import QLineEdit

        dialog.findChild(QLineEdit).setText("Theo số liệu của Công an xã, ngày 15/11/2026")

    return studio.modal(page._on_comment_action_triggered, fill)


def record_dialog(studio: Studio) -> object:
    page = studio.window.page("training").current_page()
    opened: list[object] = []
    page.dialog_opened.connect(opened.append)
    page.ui.add_action.trigger()
    studio.settle()  # the dialog opens once the lists it offers are read
    return _grab_and_close(studio, opened[-1])


def import_preview(studio: Studio) -> object:
    from commune_desk import paths

    page = studio.window.page("villages").current_page()
    # the sample list with two new villages, one of them with a kind the program does not know
    sample = (paths.samples_dir() / "villages.csv").read_text(encoding="utf-8-sig")
    path = studio.home / "danh-sach-thon.csv"
    extra = "T90,Thôn Đồng Mới,thon,1\nT91,Tổ dân phố 9,khu_pho,1\n"
    path.write_text(sample.rstrip("\n") + "\n" + extra, encoding="utf-8")
    studio.dialogs.open_path = path
    opened: list[object] = []
    page.dialog_opened.connect(opened.append)
    page.ui.import_action.trigger()
    return _grab_and_close(studio, opened[-1])


def consolidation(studio: Studio) -> object:
    from commune_desk.domain.periods import Period
    from commune_desk.services.reports import ReportService

    folder = studio.home / "bao-cao-cac-xa"
    folder.mkdir()
    ReportService(studio.ctx).export(Period.parse("2026-Q3"), folder / "xa-demo.xlsx", draft=True)
    (folder / "ghi-chu.xlsx").write_text("không phải bảng tính", encoding="utf-8")
    page = studio.window.page("consolidation")
    studio.dialogs.folder = folder
    studio.dialogs.save_path = studio.home / "tong-hop.xlsx"
    page.ui.add_folder_button.click()
    page.ui.output_button.click()
    page.ui.period_edit.setText("2026-Q3")
    page.ui.run_button.click()
    while page.running:
        studio.settle(2)
    studio.settle()
    return studio.window.grab()


def setup_wizard(studio: Studio) -> object:
    from commune_desk.views.shell.setup_wizard import SetupWizard

    wizard = SetupWizard()
    wizard.show()
    return _grab_and_close(studio, wizard)


def login_dialog(studio: Studio) -> object:
    from commune_desk.services.accounts import AccountService
    from commune_desk.services.commune import CommuneService
    from commune_desk.views.shell.login_dialog import LoginDialog

    profile = CommuneService(studio.ctx).profile()
    dialog = LoginDialog(AccountService(studio.ctx), f"{profile.name} — {profile.province}")
    dialog.ui.username_edit.setText("baocao")
    dialog.ui.password_edit.setText("mật khẩu")
    dialog.show()
    return _grab_and_close(studio, dialog)


def backups(studio: Studio) -> object:
    page = studio.window.page("settings")
    ui = page.ui
    ui.backup_now_button.click()
    while page.backups.busy:
        studio.settle(2)
    ui.backups_table.selectRow(0)
    ui.settings_scroll.ensureWidgetVisible(ui.backups_group)
    studio.settle()
    return studio.window.grab()


def restore_dialog(studio: Studio) -> object:
    page = studio.window.page("settings")
    page.ui.backups_table.selectRow(0)
    return studio.modal(page.ui.restore_button.click, lambda dialog: None)


def _grab_and_close(studio: Studio, widget) -> object:
    studio.settle()
    image = widget.grab()
    widget.close()
    studio.settle(5)
    return image


SHOTS = (
    Shot("thiet-lap-lan-dau", None, setup_wizard),
    Shot("tong-quan", "overview", overview),
    Shot("so-lieu-hang-thang", "monthly"),
    Shot("ghi-chu-o-so-lieu", "monthly", comment_dialog),
    Shot("boi-duong-can-bo", "training"),
    Shot("them-ban-ghi", "training", record_dialog),
    Shot("to-cong-nghe-so", "teams"),
    Shot("lop-pho-cap", "classes"),
    Shot("thon-to-dan-pho", "villages"),
    Shot("nhap-tu-tep", "villages", import_preview),
    Shot("ke-hoach-chi-tieu", "targets"),
    Shot("bao-cao", "reports"),
    Shot("tong-hop-cac-xa", "consolidation", consolidation),
    Shot("cai-dat", "settings"),
    Shot("dang-nhap", None, login_dialog),
    Shot("sao-luu", "settings", backups, role="supervisor"),
    Shot("khoi-phuc", "settings", restore_dialog, role="supervisor"),
    Shot("tai-khoan", "accounts", role="supervisor"),
    Shot("nhat-ky-thay-doi", "audit", role="supervisor"),
)


def save_small(image, path: Path) -> None:
    """Save a QImage/QPixmap as an optimised 256-colour PNG."""
    from PIL import Image

    raw = path.with_suffix(".raw.png")
    image.save(str(raw), "PNG")
    with Image.open(raw) as picture:
        small = picture.convert("RGB").quantize(256, dither=Image.Dither.NONE)
        small.save(path, optimize=True)
    raw.unlink()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    # a fixed folder, removed afterwards: the consolidation shot shows the paths chosen
    folder = Path(tempfile.gettempdir()) / "commune-desk-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    os.environ["COMMUNE_DESK_HOME"] = str(folder)  # settings, logs, charts' cache stay here
    try:
        studio = Studio(folder)
        for shot in SHOTS:
            studio.show_as(shot.role)
            if shot.section is not None:
                studio.window.show_section(shot.section)
                studio.settle()
            image = shot.take(studio) if shot.take else studio.window.grab()
            save_small(image, OUT_DIR / f"{shot.name}.png")
            print(f"{shot.name}.png")
        studio.window.close()
        studio.settle(5)
        studio.db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
