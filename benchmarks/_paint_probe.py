"""Child process of benchmarks/window.py: run the real `app.run`, report the first paints.

argv: LAUNCH_TIME DB [USERNAME PASSWORD]. Prints "login SECONDS cpu=SECONDS early=MODULES"
when the login dialog first paints (wall time since LAUNCH_TIME, processor time of this
process, and which of SQLAlchemy, Alembic, argon2 were imported by then), then logs in as a
user would (the demo's supervisor by default), prints
"painted SECONDS heavy=MODULES after_login=SECONDS" at the main window's first paint, and quits.

The paints are caught as `_bare_probe.py` catches the bare window's: an event filter on the
window alone, put on it when the program shows it (the dialog's `exec`, the main window's
`show`), so the probe adds no work of its own to every object the program makes.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

launched = float(sys.argv[1])
username, password = sys.argv[3:5] if len(sys.argv) >= 5 else ("lanhdao", "lanhdao@2025")
app = QApplication(sys.argv[:1])
EARLY = ("sqlalchemy", "alembic", "argon2")


class FirstPaint(QObject):
    clicked = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        watched.removeEventFilter(self)
        now, cpu = time.time(), time.process_time()
        if isinstance(watched, QMainWindow):
            heavy = [m for m in ("matplotlib", "openpyxl") if m in sys.modules]
            print(
                f"painted {now - launched:.3f} heavy={','.join(heavy) or 'none'} "
                f"after_login={now - self.clicked:.3f}",
                flush=True,
            )
            QTimer.singleShot(0, app.quit)
        else:
            early = [m for m in EARLY if m in sys.modules]
            print(
                f"login {now - launched:.3f} cpu={cpu:.3f} early={','.join(early) or 'none'}",
                flush=True,
            )
            assert isinstance(watched, QDialog)
            QTimer.singleShot(0, lambda: self.log_in(watched))
        return False

    def log_in(self, dialog: QDialog) -> None:
        dialog.ui.username_edit.setText(username)  # type: ignore[attr-defined]
        dialog.ui.password_edit.setText(password)  # type: ignore[attr-defined]
        self.clicked = time.time()
        dialog.ui.login_button.click()  # type: ignore[attr-defined]


probe = FirstPaint()
dialog_exec, window_show = QDialog.exec, QMainWindow.show


def watched_exec(dialog: QDialog) -> int:
    if dialog.objectName() == "LoginDialog":
        dialog.installEventFilter(probe)
    return dialog_exec(dialog)


def watched_show(window: QMainWindow) -> None:
    window.installEventFilter(probe)
    window_show(window)


QDialog.exec = watched_exec  # type: ignore[method-assign]
QMainWindow.show = watched_show  # type: ignore[method-assign]
from commune_desk.app import run  # noqa: E402 - timed from process start, like the real program

raise SystemExit(run(["--db", sys.argv[2]]))
