"""The first window: painted before the store, SQLAlchemy and the services are loaded.

Importing the services (SQLAlchemy, the models, the calendar) and opening the store take
most of a start-up. This module imports only Qt, so the program can put a window on the
screen at once — where the main window will stand, with its title and an empty list —
while that work runs on the task runner; the main window then takes its place.
"""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMainWindow, QTableView, QWidget

from hcc_desktop.core.paths import APP_NAME

if TYPE_CHECKING:
    from hcc_desktop.services.early import EarlyLists

# The count bar's titles, as the main window's worklist panel says them (its context:
# the same translations), in its order.
_COUNT_TITLES = (
    ("today", "Received today"),
    ("overdue", "Overdue"),
    ("due_today", "Due today"),
    ("due_soon", "Due soon"),
    ("waiting_supplement", "Awaiting papers"),
    ("ready_to_return", "Ready to return"),
)

GEOMETRY_KEY = "main_window/geometry"  # the main window's, see main_window.py
HEADER_STATE_KEY = "main_window/table_header_v2"  # its list's columns, ditto
LANGUAGE_KEY = "app/language"  # the settings' language, remembered for the next start

# Packages that never import Qt: the layers below ui/ (import-linter keeps them
# Qt-free) and the libraries they use.
_QT_FREE = (
    "hcc_desktop.core",
    "hcc_desktop.db",
    "hcc_desktop.services",
    "hcc_desktop.printing",
    "sqlalchemy",
    "alembic",
    "holidays",
    "_hcc_holidays_vietnam",
    "reportlab",
    "pypdf",
    "openpyxl",
    "orjson",
    "platformdirs",
    "dateutil",
    "typing_extensions",
    "greenlet",
    "httpx",
    "httpcore",
    "h11",
    "anyio",
    "certifi",
    "idna",
    "sniffio",
    "pydantic",
    "pydantic_core",
    "keyring",
    "cryptography",
)
_QT_FREE_PACKAGES = tuple(p + "." for p in _QT_FREE)


def cheaper_pyside_import_hook() -> None:
    """Spare PySide6's import hook reading the source of modules that cannot use Qt.

    Once PySide6 is imported, every module imported after it goes through
    ``shibokensupport.feature``, which reads the module's whole source to see whether it
    mentions PySide (for ``from __feature__ import …``). For SQLAlchemy and the services
    that is ~200 files read for nothing. Modules of the standard library and of the
    packages above are answered "no" at once; any other module is still read.
    """
    try:
        import shibokensupport.feature as feature  # type: ignore[import-not-found]
    except ImportError:  # another PySide6 layout: nothing to spare
        return
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "hcc_cheap", False):
        return
    stdlib = tuple(
        str(Path(p)) for p in {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]}
    )

    def uses_pyside(module: ModuleType) -> Any:
        name = getattr(module, "__name__", "")
        if name in _QT_FREE or name.startswith(_QT_FREE_PACKAGES):
            return False
        if name.startswith(("hcc_desktop.ui.", "PySide6.")):
            return True  # the answer, without reading the file
        if name in sys.builtin_module_names:
            return False
        origin = getattr(module, "__file__", None) or ""
        if origin.startswith(stdlib) and "site-packages" not in origin:
            return False
        return original(module)

    uses_pyside.hcc_cheap = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside


class StartupWindow(QMainWindow):
    """What the officer sees while the store opens: the main window's frame, empty.

    ``painted`` is emitted once, right after its first paint (or after ``fallback_ms``
    if the window is never painted, e.g. started minimised).
    """

    painted = Signal()

    def __init__(self, parent: QWidget | None = None, *, fallback_ms: int = 1000) -> None:
        super().__init__(parent)
        self._painted = False
        # Closed once the main window stands in its place: nothing keeps it after that.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(APP_NAME)
        table = QTableView(self)
        table.setModel(QStandardItemModel(0, 0, table))
        table.setEnabled(False)
        self.table = table
        self.setCentralWidget(table)
        self.message = QLabel(self.tr("Opening the database…"))
        self.statusBar().addWidget(self.message)
        self.lists: EarlyLists | None = None
        geometry = QSettings().value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(QSize(1200, 720))
        QTimer.singleShot(fallback_ms, self._first_paint_done)

    def show_lists(self, lists: EarlyLists) -> None:
        """The first lists, read before the services were imported (services/early.py):
        today's intake and every list's count, to read while the rest of the program
        loads; the main window then takes this one's place with its actions."""
        # Imported here, not before the first paint (it is not needed for it).
        from hcc_desktop.ui.common.table_models import DossierTableModel, arrange_dossier_columns

        self.lists = lists
        model = DossierTableModel(self.table)
        model.set_rows(lists.lists.get("today", ()), now=lists.as_of)
        self.table.setModel(model)
        self.table.setEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        # The main window's column layout when it saved one, else the texts' widths.
        header = self.table.horizontalHeader()
        state = QSettings().value(HEADER_STATE_KEY)
        if state is None or not header.restoreState(state):
            arrange_dossier_columns(header)
            header.setResizeContentsPrecision(200)
            self.table.resizeColumnsToContents()
        header.setStretchLastSection(True)
        counts = "   ".join(
            f"{QCoreApplication.translate('WorklistPanel', title)}: {lists.counts.get(key, 0)}"
            for key, title in _COUNT_TITLES
        )
        self.counts = QLabel(counts)
        self.statusBar().addPermanentWidget(self.counts)
        self.message.setText(self.tr("Loading the rest of the program…"))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            # After this paint has been flushed to the screen.
            QTimer.singleShot(0, self._first_paint_done)

    def _first_paint_done(self) -> None:
        if not self._painted:
            self._painted = True
            self.painted.emit()


def forget_sources() -> None:
    """Drop the source lines PySide6's import hook had read (a few MB kept for nothing
    once the main window's modules are imported; tracebacks read them again)."""
    import linecache

    linecache.clearcache()


def remembered_language() -> str | None:
    value = QSettings().value(LANGUAGE_KEY)
    return str(value) if value else None


def remember_language(language: str) -> None:
    QSettings().setValue(LANGUAGE_KEY, language)
