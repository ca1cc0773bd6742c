"""`commune-desk selftest`: check an installation end to end, offscreen, in a temporary folder.

Each check prints one line, "OK  …" or "LỖI …" with the reason; the exit status is 0 only when
every check passes. The checks: the resources exist, the catalogue loads, the translations load
and translate, a demo database builds and its indicators compute, the main window opens on it
(every section) and paints, and a draft report's `_data` checksum verifies.

Nothing outside the temporary folder is touched: ``COMMUNE_DESK_HOME`` points at it while the
checks run and is restored afterwards. The lines also go to ``selftest.txt`` in the user's log
folder: the bundled program on Windows is a windowed program, which has no console to print to.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from commune_desk import paths

EXIT_OK, EXIT_FAILED = 0, 1
REPORT_FILE_NAME = "selftest.txt"
CHARTS_TIMEOUT_S = 60
UNKNOWN_VERSION = "0.0.0"  # what commune_desk.__version__ says without the package metadata

# (QTranslator file, context, source text, expected translation)
TRANSLATION_PROBES = (
    ("commune_desk_en", "MainWindow", "Tổng quan", "Overview"),
    ("qtbase_vi", "QPlatformTheme", "Cancel", "Hủy"),
)


class CheckFailed(Exception):
    """A check that ran and found something wrong; the message is the reason."""


def _resources() -> list[tuple[str, Path]]:
    """Every resource the program needs: (what, path)."""
    translations = paths.translations_dir()
    items = [("danh mục chỉ tiêu", paths.catalogue_file())]
    items.append(("biểu tượng chương trình", paths.icon_file()))
    items += [(f"bản dịch {name}", translations / f"{name}.qm") for name, *_ in TRANSLATION_PROBES]
    items.append(("thư mục tệp mẫu", paths.samples_dir()))
    return items


@contextmanager
def _environment(home: Path) -> Iterator[None]:
    """Offscreen Qt unless a platform is set; COMMUNE_DESK_HOME at `home`; both restored."""
    saved = {name: os.environ.get(name) for name in ("COMMUNE_DESK_HOME", "QT_QPA_PLATFORM")}
    os.environ["COMMUNE_DESK_HOME"] = str(home)
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _SelfTest:
    def __init__(self, say: Callable[[str], None], home: Path) -> None:
        self.say = say
        self.home = home
        self.failures = 0
        self.catalogue: Any = None
        self.db: Any = None
        self.app: Any = None
        self.slot_errors: list[BaseException] = []

    def check(self, title: str, body: Callable[[], str]) -> bool:
        """Run one check and print its line; True when it passed."""
        started = time.perf_counter()
        try:
            detail = body()
        except Exception as exc:  # every failure becomes a line, never a traceback
            self.failures += 1
            reason = str(exc) or type(exc).__name__
            if not isinstance(exc, CheckFailed):
                reason = f"{type(exc).__name__}: {reason}"
            self.say(f"LỖI {title}: {reason}")
            return False
        elapsed = time.perf_counter() - started
        self.say(f"OK  {title}: {detail} ({elapsed:.1f} s)")
        return True

    # -- the checks ------------------------------------------------------------------------
    def resources(self) -> str:
        missing = [f"{what} ({path})" for what, path in _resources() if not path.exists()]
        if missing:
            raise CheckFailed("thiếu " + "; ".join(missing))
        samples = sorted(paths.samples_dir().glob("*.csv"))
        if not samples:
            raise CheckFailed(f"thư mục tệp mẫu {paths.samples_dir()} không có tệp .csv nào")
        from commune_desk import __version__

        if __version__ == UNKNOWN_VERSION:  # the package metadata was not installed or bundled
            raise CheckFailed("không rõ phiên bản chương trình (thiếu thông tin gói commune-desk)")
        return (
            f"phiên bản {__version__}, đủ tài nguyên trong {paths.resources_dir()} "
            f"({len(samples)} tệp mẫu)"
        )

    def catalogue_loads(self) -> str:
        from commune_desk.domain.catalogue_loader import load_catalogue

        self.catalogue = load_catalogue(paths.catalogue_file())
        return (
            f"{len(self.catalogue.elements)} số liệu, {len(self.catalogue.indicators)} chỉ tiêu, "
            f"{len(self.catalogue.rules)} quy tắc kiểm tra"
        )

    def translations(self) -> str:
        from PySide6.QtCore import QTranslator

        self._qt_app()
        folder = paths.translations_dir()
        done = []
        for name, context, source, expected in TRANSLATION_PROBES:
            translator = QTranslator()
            if not translator.load(name, str(folder)):
                raise CheckFailed(f"không nạp được {folder / (name + '.qm')}")
            got = translator.translate(context, source)
            if got != expected:
                raise CheckFailed(
                    f"{name} dịch «{source}» ({context}) thành «{got}», cần «{expected}»"
                )
            done.append(f"{name}: «{source}» → «{got}»")
        return "; ".join(done)

    def demo_database(self) -> str:
        from commune_desk.demo import build_demo
        from commune_desk.domain.periods import Period
        from commune_desk.services.context import system_actor
        from commune_desk.services.indicators import IndicatorService
        from commune_desk.services.setup import open_database

        self.db = open_database(
            self.home / "selftest.sqlite3",
            paths.catalogue_file(),
            system_actor(),
            paths.backups_dir(),
        )
        ctx = self.db.context
        summary = build_demo(ctx)
        today = ctx.today()
        period = Period.of_year(today.year)
        figures = IndicatorService(ctx).compute(period).figures
        codes = [i.code for i in ctx.catalogue.indicators]
        computed = [c for c in codes if figures[c].value is not None]
        if not computed:
            raise CheckFailed(f"không tính được chỉ tiêu nào của {period.label()}")
        return (
            f"{summary.villages} thôn, {summary.values} số liệu hằng tháng; "
            f"tính được {len(computed)}/{len(codes)} chỉ tiêu của {period.label()}"
        )

    def main_window(self) -> str:
        from commune_desk.services.commune import CommuneService
        from commune_desk.views.shell.compose import build_main_window
        from commune_desk.views.widgets.app_settings import AppSettings
        from commune_desk.views.widgets.dialogs import QtDialogs

        if self.db is None:
            raise CheckFailed("không có cơ sở dữ liệu mẫu (bước trước lỗi)")
        app = self._qt_app()
        settings = AppSettings(self.home / "selftest.ini")
        profile = CommuneService(self.db.context).profile()
        window = build_main_window(self.db.context, profile, settings, QtDialogs())
        with self.catching_slot_errors():
            detail = self._visit(app, window)
        if self.slot_errors:
            error = self.slot_errors[0]
            raise CheckFailed(f"{type(error).__name__}: {error}")
        return detail

    def _visit(self, app: Any, window: Any) -> str:
        """Every section of the window, a picture of it, and the overview's charts."""
        from commune_desk.views.kernel import kernel
        from commune_desk.views.shell.main_window import SECTION_TITLES

        try:
            window.resize(1200, 800)
            window.show()
            app.processEvents()
            for key in SECTION_TITLES:
                if window.show_section(key) is None:
                    raise CheckFailed(f"mục «{key}» không dựng được trang")
                app.processEvents()
            kernel().wait_idle(10)
            app.processEvents()
            image = window.grab()
            if image.isNull():
                raise CheckFailed("cửa sổ không vẽ được (ảnh chụp rỗng)")
            size = f"{image.width()}×{image.height()}"
            charts = self._overview_charts(window.show_section("overview"))
        finally:
            window.close()
            kernel().wait_idle(10)
            app.processEvents()
            window.deleteLater()
            app.processEvents()
        return f"{len(SECTION_TITLES)} mục đều dựng được, cửa sổ vẽ được ({size}), {charts}"

    def _overview_charts(self, page: Any) -> str:
        """Wait for the overview's figures and its charts (matplotlib), then render them all."""
        from commune_desk.views.kernel import kernel
        from commune_desk.views.overview.charts import KEYS

        deadline = time.monotonic() + CHARTS_TIMEOUT_S
        while not (page.charts.ready and page.overview is not None):
            if self.slot_errors:  # raised in a slot: the caller reports it
                return "biểu đồ lỗi"
            if time.monotonic() > deadline:
                shown = page.ui.indicator_placeholder_label.text()  # a loading failure says why
                raise CheckFailed(
                    f"biểu đồ của trang Tổng quan chưa có sau {CHARTS_TIMEOUT_S} s ({shown})"
                )
            kernel().wait_idle(0.1)
            self.app.processEvents()
        for key in KEYS:
            image = page.charts.image(key)
            if image is None or image.isNull():
                raise CheckFailed(f"biểu đồ «{key}» không vẽ được")
        png = page.charts.save_png(KEYS[0], self.home / "bieu-do.png")
        if png is None or not png.is_file():
            raise CheckFailed(f"không lưu được biểu đồ «{KEYS[0]}» thành tệp PNG")
        return f"{len(KEYS)} biểu đồ vẽ được, lưu được PNG"

    def draft_report(self) -> str:
        from commune_desk.domain.periods import Kind, Period
        from commune_desk.excel.data_sheet import read_data_sheet
        from commune_desk.services.reports import ReportService

        if self.db is None:
            raise CheckFailed("không có cơ sở dữ liệu mẫu (bước trước lỗi)")
        today = self.db.context.today()
        period = Period.month(today.year, today.month).enclosing(Kind.QUARTER)
        path = self.home / f"bao-cao-nhap-{period.key}.xlsx"
        result = ReportService(self.db.context).export(period, path, draft=True)
        if not result.path.is_file():
            raise CheckFailed(f"không thấy tệp {result.path}")
        sheet = read_data_sheet(result.path)
        if not sheet.intact:
            raise CheckFailed(
                f"mã kiểm tra của trang _data không khớp ({sheet.stored_sha256} ≠ "
                f"{sheet.computed_sha256})"
            )
        return f"bản nháp {period.label()} ghi được, mã kiểm tra trang _data khớp"

    # -- helpers ---------------------------------------------------------------------------
    @contextmanager
    def catching_slot_errors(self) -> Iterator[None]:
        """Collect the exceptions raised in Qt slots (they reach sys.excepthook) meanwhile."""
        saved = sys.excepthook
        sys.excepthook = lambda _kind, error, _trace: self.slot_errors.append(error)
        try:
            yield
        finally:
            sys.excepthook = saved

    def _qt_app(self):
        from PySide6.QtWidgets import QApplication

        if self.app is None:
            self.app = QApplication.instance() or QApplication(sys.argv[:1])
        return self.app

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def run_selftest(out: TextIO | None = None) -> int:
    """Run every check, printing one line each to `out` (standard output by default) and to
    selftest.txt in the log folder; 0 when all pass, 1 otherwise."""
    out = sys.stdout if out is None else out  # still None in a windowed program on Windows
    report = paths.log_dir() / REPORT_FILE_NAME  # the real log folder, before the checks' own
    lines: list[str] = []

    def say(line: str) -> None:
        lines.append(line)
        if out is not None:
            print(line, file=out, flush=True)

    with (
        tempfile.TemporaryDirectory(
            prefix="commune-desk-selftest-", ignore_cleanup_errors=True
        ) as folder,
        _environment(Path(folder)),
    ):
        test = _SelfTest(say, Path(folder))
        try:
            test.check("tài nguyên", test.resources)
            test.check("danh mục chỉ tiêu", test.catalogue_loads)
            test.check("bản dịch", test.translations)
            test.check("cơ sở dữ liệu mẫu", test.demo_database)
            test.check("cửa sổ chính", test.main_window)
            test.check("xuất báo cáo nháp", test.draft_report)
        finally:
            test.close()
    if test.failures:
        say(f"LỖI tự kiểm tra: {test.failures} mục không đạt")
    else:
        say("OK  tự kiểm tra: mọi mục đều đạt")
    _save_report(report, lines)
    return EXIT_FAILED if test.failures else EXIT_OK


def _save_report(report: Path, lines: list[str]) -> None:
    """Keep the lines in the log folder; a folder we cannot write costs only the file."""
    try:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError:
        pass
