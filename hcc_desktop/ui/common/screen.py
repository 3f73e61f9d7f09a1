"""Window sizes that respect the screen: counter PCs often have 1366×768."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the window frame and the taskbar.
_FRAME = QSize(16, 40)


def fit_to_screen(widget: QWidget, wanted: QSize) -> None:
    """Resize ``widget`` to ``wanted``, but never beyond the available screen,
    so that buttons at the bottom of a dialog stay reachable."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry().size() - _FRAME
        wanted = wanted.boundedTo(room).expandedTo(widget.minimumSizeHint().boundedTo(room))
    widget.resize(wanted)
