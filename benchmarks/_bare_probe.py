"""Child process of benchmarks/window.py: a bare Qt window, for comparison with the login.

argv: LAUNCH_TIME. Prints "bare SECONDS cpu=SECONDS" when an empty QWidget first paints (wall
time since LAUNCH_TIME, and the processor time this process used by then), and quits.

The first paint is caught the way `_paint_probe.py` catches the login's: an event filter on
the window alone (one on the whole application would also see, and wrap for Python, every
object Qt makes, which costs more than the window).
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
        if event.type() == QEvent.Type.Paint:
            elapsed, cpu = time.time() - launched, time.process_time()
            print(f"bare {elapsed:.3f} cpu={cpu:.3f}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False


probe = FirstPaint()
window = QWidget()
window.installEventFilter(probe)
window.resize(480, 320)
window.show()
raise SystemExit(app.exec())
