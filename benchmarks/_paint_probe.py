"""Child process of benchmarks/window.py: run the real `app.run`, report the first paint.

argv: LAUNCH_TIME DB [USERNAME PASSWORD]. Logs in as a user would (the demo's supervisor by
default), prints "painted SECONDS heavy=MODULES" and quits after the main window's first paint.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

launched = float(sys.argv[1])
username, password = sys.argv[3:5] if len(sys.argv) >= 5 else ("lanhdao", "lanhdao@2025")
app = QApplication(sys.argv[:1])


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched.objectName() == "LoginDialog":
            assert isinstance(watched, QDialog)
            QTimer.singleShot(0, lambda: self.log_in(watched))
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            elapsed = time.time() - launched
            heavy = [m for m in ("matplotlib", "openpyxl") if m in sys.modules]
            print(f"painted {elapsed:.3f} heavy={','.join(heavy) or 'none'}", flush=True)
            app.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False

    @staticmethod
    def log_in(dialog: QDialog) -> None:
        dialog.ui.username_edit.setText(username)  # type: ignore[attr-defined]
        dialog.ui.password_edit.setText(password)  # type: ignore[attr-defined]
        dialog.ui.login_button.click()  # type: ignore[attr-defined]


probe = FirstPaint()
app.installEventFilter(probe)
from commune_desk.app import run  # noqa: E402 - timed from process start, like the real program

raise SystemExit(run(["--db", sys.argv[2]]))
