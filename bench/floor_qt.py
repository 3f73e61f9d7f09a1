"""Floor of the start-up benchmark: a bare PySide6 QMainWindow with a QTableView.

Prints ``shown MS`` once the window is painted (the same moment the app's
``--quit-after-show`` reports), then quits. Run by bench/floors.py.
"""

import time

STARTED_AT = time.perf_counter()

import sys  # noqa: E402

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402


class Window(QMainWindow):
    """Reports its first paint, as the app's first window does (ui/startup.py)."""

    def __init__(self) -> None:
        super().__init__()
        self.done = False

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        if not self.done:
            self.done = True
            QTimer.singleShot(0, shown)


def shown() -> None:
    print(f"shown {(time.perf_counter() - STARTED_AT) * 1000:.0f}", flush=True)
    QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = Window()
    window.setWindowTitle("floor")
    table = QTableView()
    table.setModel(QStandardItemModel(0, 8, table))
    window.setCentralWidget(table)
    window.resize(1200, 720)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
