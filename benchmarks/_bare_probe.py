"""Child process of benchmarks/window.py: a bare Qt window, for comparison with the login.

argv: LAUNCH_TIME. Prints "bare SECONDS" when an empty QWidget first paints, and quits.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

launched = float(sys.argv[1])
app = QApplication(sys.argv[:1])


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is window:
            print(f"bare {time.time() - launched:.3f}", flush=True)
            app.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False


probe = FirstPaint()
app.installEventFilter(probe)
window = QWidget()
window.resize(480, 320)
window.show()
raise SystemExit(app.exec())
