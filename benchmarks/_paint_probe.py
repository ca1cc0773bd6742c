"""Child process of benchmarks/window.py: run the real `app.run`, report the first paints.

argv: LAUNCH_TIME DB [USERNAME PASSWORD]. Prints "login SECONDS early=MODULES" when the login
dialog first paints (MODULES: which of SQLAlchemy, Alembic, argon2 were imported by then),
then logs in as a user would (the demo's supervisor by default), prints
"painted SECONDS heavy=MODULES after_login=SECONDS" at the main window's first paint, and quits.
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
    login_painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_login = watched.objectName() == "LoginDialog"
        if event.type() == QEvent.Type.Paint and is_login and not self.login_painted:
            self.login_painted = True
            elapsed = time.time() - launched
            early = [m for m in EARLY if m in sys.modules]
            print(f"login {elapsed:.3f} early={','.join(early) or 'none'}", flush=True)
            assert isinstance(watched, QDialog)
            QTimer.singleShot(0, lambda: self.log_in(watched))
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            now = time.time()
            heavy = [m for m in ("matplotlib", "openpyxl") if m in sys.modules]
            print(
                f"painted {now - launched:.3f} heavy={','.join(heavy) or 'none'} "
                f"after_login={now - self.clicked:.3f}",
                flush=True,
            )
            app.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False

    def log_in(self, dialog: QDialog) -> None:
        dialog.ui.username_edit.setText(username)  # type: ignore[attr-defined]
        dialog.ui.password_edit.setText(password)  # type: ignore[attr-defined]
        self.clicked = time.time()
        dialog.ui.login_button.click()  # type: ignore[attr-defined]


probe = FirstPaint()
app.installEventFilter(probe)
from commune_desk.app import run  # noqa: E402 - timed from process start, like the real program

raise SystemExit(run(["--db", sys.argv[2]]))
