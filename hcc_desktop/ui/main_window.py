"""The main window: worklists with their counts, today's dossiers, search,
deadline reminders, and the counter's actions."""

from __future__ import annotations

import itertools
import logging
import platform
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
    qVersion,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop import __version__
from hcc_desktop.core.changes import Changes
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.errors import HccError
from hcc_desktop.core.paths import log_dir
from hcc_desktop.services import Services
from hcc_desktop.services.catalog import ImportReport
from hcc_desktop.services.dossiers.query import DossierSummary
from hcc_desktop.services.settings import AppSettings
from hcc_desktop.ui.accounts.manage import AccountsDialog, PasswordDialog
from hcc_desktop.ui.accounts.roles import apply_role, officer_text
from hcc_desktop.ui.catalog.transfer import CatalogTransfer
from hcc_desktop.ui.common.changes import change_hub
from hcc_desktop.ui.common.errors import (
    FIELD_ERROR_STYLE,
    show_error,
)
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.common.table_models import Column, DossierTableModel
from hcc_desktop.ui.common.tasks import TaskRunner, shared_runner
from hcc_desktop.ui.settings.dialog import SettingsDialog
from hcc_desktop.ui.sync.controller import SyncController
from hcc_desktop.ui.sync.dialog import SyncDialog
from hcc_desktop.ui.sync.status import SyncStatusWidget, SyncWarningBanner
from hcc_desktop.ui.worklists.operations import received_on_day, search_dossiers
from hcc_desktop.ui.worklists.panel import (
    KINDS,
    WorklistKind,
    WorklistPanel,
    WorklistSnapshot,
    is_filtered,
    kind_title,
    shortcut_of,
)
from hcc_desktop.ui.worklists.reminders import (
    Notifier,
    ReminderController,
    ReminderPanel,
    TrayNotifier,
)

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
DAY_CHECK_MS = 60_000
HEADER_STATE_KEY = "main_window/table_header_v2"  # v2: progress and holder columns


def receipt_job(services: Services, dossier_id: str) -> tuple[str, bytes]:
    """Runs on the task runner: Mẫu 01 of a stored dossier, with its code."""
    dossier = services.dossiers.get(dossier_id)
    return dossier.code, services.printing.receipt_pdf(dossier)


class MainWindow(QMainWindow):
    """Worklists and today's dossiers, search and reminders; intake, reprint,
    settings and catalog actions."""

    list_refreshed = Signal(int)  # rows shown

    def __init__(
        self,
        services: Services,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        notifier: Notifier | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or shared_runner()
        self._select_when_loaded: str | None = None
        # Tests pin "now"; the program uses the Vietnam wall clock.
        self._clock: Callable[[], datetime] = clock or local_now
        self._today = self._clock().date()
        self._dialogs: list[QWidget] = []
        self._dossier_windows: dict[str, QWidget] = {}
        self._reports_window: QWidget | None = None
        self._closed = False
        self.last_import_report: ImportReport | None = None
        self.last_message: QMessageBox | None = None
        self.setStyleSheet(FIELD_ERROR_STYLE)

        self.reminder_controller = ReminderController(
            services, self.runner, notifier=notifier, clock=self._clock, parent=self
        )
        self.sync_controller = SyncController(services, self.runner, clock=self._clock, parent=self)
        self._build_central()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        # What the logged-in officer's role may not use is hidden (issue 12).
        apply_role(self, services.session)
        self._set_tab_order()
        self.catalog_transfer = CatalogTransfer(services, self.runner, self)
        self.catalog_transfer.report_ready.connect(self._inform)
        self.catalog_transfer.imported.connect(self._catalog_imported)
        self.catalog_transfer.failed.connect(self._task_failed)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)

        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_day_change)
        self._day_timer.start()

        self.worklists.kind_changed.connect(self._kind_changed)
        self.worklists.filters_changed.connect(self._filters_changed)
        self.worklists.loaded.connect(self._worklists_loaded)
        self.reminder_controller.reminders_changed.connect(self.reminder_panel.show_reminders)
        notifier_object = self.reminder_controller.notifier
        if isinstance(notifier_object, TrayNotifier):
            notifier_object.activated.connect(self.show_reminders)
        self.reminder_panel.open_requested.connect(self.open_dossier)
        self.reminder_panel.apology_requested.connect(self.open_apology)
        self.reminder_panel.snooze_requested.connect(self.reminder_controller.snooze)
        # Disconnected with QObject.disconnect(connection) at close (see reminders.py).
        self._hub_connections = [change_hub().changed.connect(self._changed)]

        self.apply_settings(services.settings.load())
        self._restore_state()
        self._apply_default_sort(WorklistKind.TODAY)
        self.refresh()
        self.reminder_controller.start()
        self.sync_controller.start()
        self._first_show = True

    # -- building --------------------------------------------------------------

    def _build_central(self) -> None:
        self.worklists = WorklistPanel(self.services, self.runner, clock=self._clock)

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search dossier code, full name, CCCD, phone number…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        # Placed at the right of the toolbar (see _build_menus_and_toolbar), so
        # that the filter row below keeps the window narrow enough for half a
        # 1366-pixel screen.
        self.search_label = QLabel(self.tr("&Search:"))
        self.search_label.setBuddy(self.search)
        self.search_label.setContentsMargins(12, 0, 4, 0)

        self.header_label = QLabel()
        font = self.header_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.header_label.setFont(font)
        header_row = QHBoxLayout()
        header_row.addWidget(self.header_label, 1)
        header_row.addWidget(self.worklists.due_soon_label)
        header_row.addWidget(self.worklists.due_soon_spin)

        self.model = DossierTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        # Progress next to the appointment, the holder next to the status.
        header.moveSection(header.visualIndex(Column.PROGRESS), header.visualIndex(Column.DUE) + 1)
        header.moveSection(header.visualIndex(Column.HOLDER), header.visualIndex(Column.STATUS) + 1)
        metrics = self.table.fontMetrics()
        samples = {
            Column.CODE: "000.17.22.H56-251231-1234",
            Column.OWNER: "Nguyễn Thị Phương Thảo",
            Column.RECEIVED: "31/12/2025 16:59",
            Column.DUE: "31/12/2025 16:59",
            Column.PROGRESS: "Trong hạn",
            Column.STATUS: "Yêu cầu bổ sung giấy tờ",
            # Officers' names: a three-word name; longer ones elide (full in the tooltip).
            Column.HOLDER: "Trần Thị Bình",
            Column.CHANNEL: "Thứ Bảy",
            Column.OFFICER: "Trần Thị Bình",
        }
        # Just the cell margins: at 1366×768 the procedure column (stretched) keeps
        # the room its short names need, with no horizontal scroll bar.
        padding = metrics.horizontalAdvance("M") + 6
        for column, sample in samples.items():
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + padding)
        header.setSortIndicator(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._row_activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 14pt;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        self.reminder_panel = ReminderPanel()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(6)
        self.sync_banner = SyncWarningBanner(self.sync_controller)
        self.sync_banner.open_requested.connect(self.open_sync)
        layout.addWidget(self.sync_banner)
        layout.addWidget(self.worklists)
        layout.addLayout(header_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.reminder_panel)
        self.setCentralWidget(central)

    def _set_tab_order(self) -> None:
        """Search (in the toolbar), the filters, then the list."""
        order = (
            self.search,
            self.worklists.procedure_combo,
            self.worklists.field_combo,
            self.worklists.officer_combo,
            self.worklists.channel_combo,
            self.worklists.clear_button,
            self.worklists.due_soon_spin,
            self.table,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _build_actions(self) -> None:
        self.intake_action = QAction(self.tr("&Receive dossier"), self)
        self.intake_action.setShortcuts([QKeySequence("F2"), QKeySequence("Ctrl+N")])
        self.intake_action.setToolTip(self.tr("Receive a new dossier (F2)"))
        self.intake_action.triggered.connect(self.open_intake)

        self.reprint_action = QAction(self.tr("Re&print receipt"), self)
        self.reprint_action.setShortcut(QKeySequence("Ctrl+P"))
        self.reprint_action.setToolTip(
            self.tr("Print the receipt (Mẫu 01) of the selected dossier again (Ctrl+P)")
        )
        self.reprint_action.triggered.connect(self.reprint_selected)
        self.reprint_action.setEnabled(False)

        self.open_action = QAction(self.tr("&Open dossier"), self)
        self.open_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_action.setToolTip(
            self.tr("Details, history and next steps of the selected dossier (Enter)")
        )
        self.open_action.triggered.connect(self.open_selected)
        self.open_action.setEnabled(False)

        self.apology_action = QAction(self.tr("&Apology and new appointment…"), self)
        self.apology_action.setToolTip(
            self.tr("Write the apology letter (Mẫu 04) for a late dossier, with a new appointment")
        )
        self.apology_action.triggered.connect(self.apology_selected)
        self.apology_action.setEnabled(False)

        self.list_actions: dict[WorklistKind, QAction] = {}
        for kind in KINDS:
            action = QAction(kind_title(kind), self)
            action.setShortcut(QKeySequence(shortcut_of(kind)))
            action.setData(kind.value)
            action.triggered.connect(self._list_action_triggered)
            self.list_actions[kind] = action
            # Also reachable while the focus is in the reminder panel or a combo box.
            self.addAction(action)

        self.reminders_action = QAction(self.tr("&Reminders"), self)
        self.reminders_action.setShortcut(QKeySequence("F8"))
        self.book_action = QAction(self.tr("Dossier tracking &book (Form 07)…"), self)
        self.book_action.triggered.connect(self.open_book)
        self.reports_action = QAction(self.tr("Reports &dashboard…"), self)
        self.reports_action.setShortcut(QKeySequence("F6"))
        self.reports_action.setToolTip(
            self.tr("Figures of a period: Biểu II.06a, rates, the 766 estimate (F6)")
        )
        self.reports_action.triggered.connect(self.open_reports)
        self.complaints_action = QAction(self.tr("&Complaints and petitions…"), self)
        self.complaints_action.triggered.connect(self.open_complaints)
        self.field_action = QAction(self.tr("&Field work (sessions, home visits)…"), self)
        self.field_action.triggered.connect(self.open_field_work)
        self.sync_action = QAction(self.tr("&Synchronise…"), self)
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.setToolTip(self.tr("Synchronise with the server (F9)"))
        self.sync_action.triggered.connect(self.open_sync)
        self.reminders_action.setToolTip(self.tr("Show the deadline reminders (F8)"))
        self.reminders_action.triggered.connect(self.show_reminders)

        self.settings_action = QAction(self.tr("S&ettings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)

        # Officer accounts (issue 12): the administrator's page, everyone's own password.
        self.accounts_action = QAction(self.tr("Officer &accounts…"), self)
        self.accounts_action.triggered.connect(self.open_accounts)
        self.password_action = QAction(self.tr("Change my &password…"), self)
        self.password_action.triggered.connect(self.change_password)

        self.import_catalog_action = QAction(self.tr("&Import procedure catalog…"), self)
        self.import_catalog_action.triggered.connect(self.import_catalog)
        self.export_catalog_action = QAction(self.tr("&Export procedure catalog…"), self)
        self.export_catalog_action.triggered.connect(self.export_catalog)

        self.about_action = QAction(self.tr("&About"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.find_action = QAction(self.tr("&Find"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)

        self.refresh_action = QAction(self.tr("Re&fresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.refresh_action.triggered.connect(self.reminder_controller.check)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        dossiers = bar.addMenu(self.tr("&Dossiers"))
        dossiers.addAction(self.intake_action)
        dossiers.addAction(self.open_action)
        dossiers.addAction(self.reprint_action)
        dossiers.addAction(self.apology_action)
        dossiers.addAction(self.book_action)
        dossiers.addAction(self.complaints_action)
        dossiers.addAction(self.field_action)
        dossiers.addSeparator()
        dossiers.addAction(self.find_action)
        dossiers.addAction(self.refresh_action)
        dossiers.addSeparator()
        dossiers.addAction(self.quit_action)
        view = bar.addMenu(self.tr("&View"))
        for action in self.list_actions.values():
            view.addAction(action)
        view.addSeparator()
        view.addAction(self.reminders_action)
        catalog = bar.addMenu(self.tr("&Catalog"))
        catalog.addAction(self.import_catalog_action)
        catalog.addAction(self.export_catalog_action)
        reports = bar.addMenu(self.tr("&Reports"))
        reports.addAction(self.reports_action)
        system = bar.addMenu(self.tr("S&ystem"))
        system.addAction(self.settings_action)
        system.addAction(self.accounts_action)
        system.addAction(self.password_action)
        system.addAction(self.sync_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.intake_action)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.reprint_action)
        toolbar.addSeparator()
        toolbar.addAction(self.settings_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search_label)
        self.search.setMinimumWidth(170)
        self.search.setMaximumWidth(520)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        self.unit_label = QLabel()
        self.device_label = QLabel()
        self.officer_label = QLabel()
        status = self.statusBar()
        # The unit is a normal widget: a passing message ("Dossier … received")
        # takes its place for a while instead of being squeezed beside it.
        self.unit_label.setContentsMargins(6, 0, 6, 0)
        status.addWidget(self.unit_label, 1)
        for i, label in enumerate((self.device_label, self.officer_label)):
            if i:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.VLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                status.addPermanentWidget(line)
            label.setContentsMargins(6, 0, 6, 0)
            status.addPermanentWidget(label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        status.addPermanentWidget(line)
        self.sync_status = SyncStatusWidget(self.sync_controller)
        self.sync_status.open_requested.connect(self.open_sync)
        status.addPermanentWidget(self.sync_status)

    # -- settings --------------------------------------------------------------

    def apply_settings(self, settings: AppSettings) -> None:
        """Title and status bar from the saved settings."""
        self.setWindowTitle(self.tr("HCC Desktop – {unit}").format(unit=settings.unit_name))
        self.unit_label.setText(
            self.tr("Unit: {name} ({code})").format(
                name=settings.unit_name, code=settings.unit_code
            )
        )
        self.device_label.setText(
            self.tr("Device: {name} (number {slot})").format(
                name=settings.device_name, slot=settings.device_slot
            )
        )
        self.officer_label.setText(officer_text(self.services.session))
        tip = self.tr("Database: {path}").format(path=str(self.services.db.path))
        for label in (self.unit_label, self.device_label, self.officer_label):
            label.setToolTip(tip)
        self.statusBar().setToolTip(tip)

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.services, self, runner=self.runner)
        dialog.settings_saved.connect(self._settings_saved)
        self._open(dialog)
        return dialog

    def _settings_saved(self, settings: AppSettings) -> None:
        self.apply_settings(settings)
        self.worklists.apply_settings(settings)
        self.reminder_controller.apply_settings()
        self.statusBar().showMessage(self.tr("Settings saved."), 5000)
        self.refresh()
        self.reminder_controller.check()

    def open_accounts(self) -> AccountsDialog:
        dialog = AccountsDialog(self.services, self)
        self._open(dialog)
        return dialog

    def change_password(self) -> PasswordDialog:
        me = self.services.session.current()
        dialog = PasswordDialog(self.services, me.user_name, own=True, parent=self)
        self._open(dialog)
        return dialog

    # -- the list --------------------------------------------------------------

    def search_text(self) -> str:
        return self.search.text().strip()

    def current_kind(self) -> WorklistKind:
        return self.worklists.current_kind()

    def show_list(self, kind: WorklistKind | str) -> None:
        """Show one of the lists of the count bar (Ctrl+1 … Ctrl+6)."""
        self.worklists.set_kind(kind)

    def _list_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_list(str(action.data()))

    def _kind_changed(self, kind_value: str) -> None:
        kind = WorklistKind(kind_value)
        if self.search.text():
            # Choosing a list leaves the search.
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        self._apply_default_sort(kind)
        self.refresh()
        if self.model.rowCount() > 0:
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if self.selected_dossier() is None:
                self.table.selectRow(0)

    def _apply_default_sort(self, kind: WorklistKind) -> None:
        """Today's intake newest first; worklists most urgent first (the service's order)."""
        header = self.table.horizontalHeader()
        if kind is WorklistKind.TODAY:
            header.setSortIndicator(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
        else:
            header.setSortIndicator(Column.DUE, Qt.SortOrder.AscendingOrder)

    def _filters_changed(self) -> None:
        if not self.search_text() and self.current_kind() is WorklistKind.TODAY:
            self.refresh()

    def refresh(self) -> None:
        """Reload what the table shows (search results, today's dossiers or a
        worklist) and, on the task runner, every worklist count."""
        self._search_timer.stop()
        text = self.search_text()
        kind = self.current_kind()
        if text:
            # The store is searched on the task runner, not on the GUI thread.
            self._show_rows(
                [], self.tr("Search results ({count})").format(count="…"), self.tr("Loading…")
            )
            self.runner.run(
                search_dossiers,
                self.services,
                text,
                on_done=self._search_done,
                on_error=self._search_failed,
            )
        elif kind is WorklistKind.TODAY:
            self._today = self._clock().date()
            # Today's list is read on the task runner, not on the GUI thread; the
            # rows shown stay (and keep their selection) until it arrives.
            self.header_label.setText(
                self._filtered(self.tr("Dossiers received today ({count})").format(count="…"))
            )
            self.runner.run(
                received_on_day,
                self.services,
                self._today,
                on_done=self._today_done,
                on_error=self._search_failed,
            )
        else:
            self._show_worklist(kind, self.worklists.snapshot)
        self.worklists.reload()

    def _today_done(self, outcome: tuple[date, list[DossierSummary]]) -> None:
        day, received = outcome
        if self._closed or self.search_text() or self.current_kind() is not WorklistKind.TODAY:
            return  # the user moved on meanwhile: a newer refresh shows its own
        if day != self._today:
            return
        self.worklists.note_officers(received)
        rows = [d for d in received if self.worklists.matches(d)]
        self.worklists.set_count(WorklistKind.TODAY, len(rows))
        self._show_rows(
            rows,
            self._filtered(self.tr("Dossiers received today ({count})").format(count=len(rows))),
            self.tr("No dossier has been received today.\nPress F2 to receive one.")
            if not rows and not received
            else self.tr("No dossier received today matches the filters."),
        )
        wanted, self._select_when_loaded = self._select_when_loaded, None
        if wanted:
            self.select_dossier(wanted)

    def _search_done(self, outcome: tuple[str, list[DossierSummary]]) -> None:
        text, rows = outcome
        if self._closed or text != self.search_text():
            return  # typed on (or left the search) meanwhile: a newer refresh shows its own
        self._show_rows(
            rows,
            self.tr("Search results ({count})").format(count=len(rows)),
            self.tr("No dossier matches “{text}”.").format(text=text),
        )

    def _search_failed(self, exc: BaseException) -> None:
        if not self._closed:
            show_error(self, exc)

    def _filtered(self, header: str) -> str:
        if is_filtered(self.worklists.current_filter()):
            return self.tr("{header} – filtered").format(header=header)
        return header

    def _worklists_loaded(self, snapshot: WorklistSnapshot) -> None:
        kind = self.current_kind()
        if not self.search_text() and kind is not WorklistKind.TODAY:
            self._show_worklist(kind, snapshot)

    def _show_worklist(self, kind: WorklistKind, snapshot: WorklistSnapshot | None) -> None:
        if snapshot is None:
            self._show_rows([], self._worklist_header(kind, 0, 0, None), self.tr("Loading…"))
            return
        rows = list(snapshot.rows(kind))
        count = snapshot.count(kind)
        self._show_rows(
            rows,
            self._filtered(self._worklist_header(kind, len(rows), count, snapshot.within)),
            self._worklist_empty(kind, snapshot.within),
            now=snapshot.as_of,
        )

    def _worklist_header(
        self, kind: WorklistKind, shown: int, count: int, within: int | None
    ) -> str:
        titles = {
            WorklistKind.OVERDUE: self.tr("Overdue dossiers ({count})"),
            WorklistKind.DUE_TODAY: self.tr("Dossiers due today ({count})"),
            WorklistKind.DUE_SOON: self.tr(
                "Dossiers due in the next {days} working days ({count})"
            ),
            WorklistKind.WAITING: self.tr("Dossiers waiting for the citizen's papers ({count})"),
            WorklistKind.READY: self.tr("Results ready to be returned ({count})"),
        }
        if within == 1 and kind is WorklistKind.DUE_SOON:
            title = self.tr("Dossiers due on the next working day ({count})")
        else:
            title = titles[kind]
        number = (
            str(count)
            if shown >= count
            else self.tr("{shown} of {count}").format(shown=shown, count=count)
        )
        if within is None:
            number = "…"
        return title.format(count=number, days=within if within is not None else "…")

    def _worklist_empty(self, kind: WorklistKind, within: int) -> str:
        texts = {
            WorklistKind.OVERDUE: self.tr("No dossier is overdue."),
            WorklistKind.DUE_TODAY: self.tr("No dossier is due today."),
            WorklistKind.DUE_SOON: self.tr(
                "No dossier is due in the next {days} working days."
            ).format(days=within),
            WorklistKind.WAITING: self.tr("No dossier is waiting for additional papers."),
            WorklistKind.READY: self.tr("No result is waiting to be returned."),
        }
        text = texts[kind]
        if is_filtered(self.worklists.current_filter()):
            text += "\n" + self.tr("(Filters are applied: Alt+R clears them.)")
        return text

    def _show_rows(
        self,
        rows: list[DossierSummary],
        header: str,
        empty: str,
        *,
        now: datetime | None = None,
    ) -> None:
        selected = self.selected_dossier()
        self.model.set_rows(rows, now=now or self._clock())
        self.header_label.setText(header)
        self.empty_label.setText(empty)
        self.stack.setCurrentWidget(self.table if rows else self.empty_label)
        if selected is not None:
            self.select_dossier(selected.id)
        self._selection_changed()
        self.list_refreshed.emit(len(rows))

    def _hub_settings_changed(self) -> None:
        if not self._closed:
            settings = self.services.settings.load()
            self.apply_settings(settings)
            self.worklists.apply_settings(settings)

    def _changed(self, changes: Changes) -> None:
        """An operation changed data (the change hub): reload what it touches."""
        if changes.settings:
            self._hub_settings_changed()
        if changes.touches_dossiers and not self._closed:
            self.refresh()

    def _check_day_change(self) -> None:
        if self._clock().date() != self._today:
            self._today = self._clock().date()
            if not self.search_text():
                self.refresh()
            else:
                self.worklists.reload()
            self.reminder_controller.check()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_dossier(self) -> DossierSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def select_dossier(self, dossier_id: str) -> bool:
        row = self.model.row_of(dossier_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, *_args: object) -> None:
        selected = self.selected_dossier()
        self.reprint_action.setEnabled(selected is not None)
        self.open_action.setEnabled(selected is not None)
        self.apology_action.setEnabled(selected is not None and selected.ended_at is None)

    def _row_activated(self, index: object) -> None:
        self.open_selected()

    def _table_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.reprint_action)
        menu.addAction(self.apology_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.table.setFocus()
                if self.selected_dossier() is None:
                    self.table.selectRow(0)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.refresh()
                if self.model.rowCount() > 0:
                    self.table.setFocus()
                    if self.selected_dossier() is None:
                        self.table.selectRow(0)
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    # -- one dossier -------------------------------------------------------------

    def open_selected(self) -> QWidget | None:
        dossier = self.selected_dossier()
        return self.open_dossier(dossier.id) if dossier is not None else None

    def open_dossier(self, dossier_id: str) -> QWidget | None:
        """The dossier window (details, history, next steps); one per dossier."""
        existing = self._dossier_windows.get(dossier_id)
        if existing is not None and shiboken6.isValid(existing) and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        # Imported here: a separate, heavier module.
        try:
            from hcc_desktop.ui.dossier.dialog import DossierDialog
        except ImportError as exc:
            show_error(self, exc)
            return None
        dialog = DossierDialog(self.services, self.runner, dossier_id, self)
        self._dossier_windows = {
            key: w for key, w in self._dossier_windows.items() if shiboken6.isValid(w)
        }
        self._dossier_windows[dossier_id] = dialog
        self._open(dialog)
        return dialog

    def apology_selected(self) -> QWidget | None:
        dossier = self.selected_dossier()
        return self.open_apology(dossier.id) if dossier is not None else None

    def open_apology(self, dossier_id: str) -> QWidget | None:
        """The apology letter (Mẫu 04) with a new appointment, for a late dossier."""
        try:
            from hcc_desktop.ui.dossier.apology import ApologyDialog
        except ImportError as exc:
            show_error(self, exc)
            return None
        try:
            # Reads the dossier: it may have vanished (e.g. removed by a sync).
            dialog = ApologyDialog(self.services, self.runner, dossier_id, self)
        except HccError as exc:
            show_error(self, exc)
            return None
        self._open(dialog)
        return dialog

    # -- reminders ---------------------------------------------------------------

    def show_reminders(self) -> None:
        """F8 or a click on the tray message: bring the window and the reminders."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if not self.reminder_panel.focus_first():
            self.reminder_panel.expand()

    # -- intake ----------------------------------------------------------------

    def open_intake(self) -> QDialog | None:
        # Imported here: the intake dialog is a separate, heavier module.
        try:
            from hcc_desktop.ui.intake.dialog import IntakeDialog
        except ImportError as exc:
            show_error(self, exc)
            return None

        for widget in self._dialogs:
            if isinstance(widget, IntakeDialog) and shiboken6.isValid(widget):
                widget.raise_()
                widget.activateWindow()
                return widget
        dialog = IntakeDialog(self.services, self.runner, self)
        dialog.dossier_accepted.connect(self.dossier_accepted)
        self._open(dialog)
        return dialog

    def dossier_accepted(self, dossier: object) -> None:
        """A new dossier was stored: show today's list with it selected, and
        tell every list and the reminders."""
        code = getattr(dossier, "code", "")
        dossier_id = getattr(dossier, "id", None)
        if self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        if self.current_kind() is not WorklistKind.TODAY:
            self.worklists.blockSignals(True)
            self.worklists.set_kind(WorklistKind.TODAY)
            self.worklists.blockSignals(False)
            self._apply_default_sort(WorklistKind.TODAY)
        # The intake's operation told every screen; this one shows today's list now.
        if dossier_id:
            # Selected when today's list (read on the task runner) arrives.
            self._select_when_loaded = str(dossier_id)
        self.refresh()
        if code:
            self.statusBar().showMessage(
                self.tr("Dossier {code} received.").format(code=code), 10000
            )

    # -- reprint ---------------------------------------------------------------

    def reprint_selected(self) -> None:
        dossier = self.selected_dossier()
        if dossier is None:
            return
        self.statusBar().showMessage(
            self.tr("Preparing the receipt of {code}…").format(code=dossier.code)
        )
        self.reprint_action.setEnabled(False)
        self.runner.run(
            receipt_job,
            self.services,
            dossier.id,
            on_done=self._show_receipt,
            on_error=self._task_failed,
        )

    def _show_receipt(self, result: tuple[str, bytes]) -> PdfPreviewDialog:
        code, pdf = result
        self.statusBar().clearMessage()
        self._selection_changed()
        settings = self.services.settings.load()
        dialog = PdfPreviewDialog(
            pdf,
            title=self.tr("Receipt {code}").format(code=code),
            copies=1,
            printer_name=settings.printer_name,
            file_name=code,
            parent=self,
        )
        self._open(dialog)
        return dialog

    def _task_failed(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        self._selection_changed()
        show_error(self, exc)

    # -- catalog ---------------------------------------------------------------

    def import_catalog(self) -> None:
        self.catalog_transfer.import_catalog()

    def import_catalog_file(self, path: Path, *, replace_all: bool = False) -> None:
        self.catalog_transfer.import_catalog_file(path, replace_all=replace_all)

    def export_catalog(self) -> None:
        self.catalog_transfer.export_catalog()

    def export_catalog_file(self, path: Path) -> None:
        self.catalog_transfer.export_catalog_file(path)

    def _catalog_imported(self, report: ImportReport) -> None:
        self.last_import_report = report
        self.worklists.reload_choices()
        self.statusBar().clearMessage()

    # -- about -----------------------------------------------------------------

    def show_about(self) -> QMessageBox:
        text = self.tr(
            "<h3>HCC Desktop {version}</h3>"
            "<p>Receiving dossiers at the one-stop counter of a ward or commune Public "
            "Administrative Service Center, without needing a network.</p>"
            "<p>Database: {db}<br>Log files: {logs}</p>"
            "<p>Qt {qt}, Python {python}</p>"
        ).format(
            version=__version__,
            db=str(self.services.db.path),
            logs=str(log_dir()),
            qt=qVersion(),
            python=platform.python_version(),
        )
        box = self._inform(self.tr("About HCC Desktop"), text)
        box.setTextFormat(Qt.TextFormat.RichText)
        return box

    # -- helpers ---------------------------------------------------------------

    def _inform(self, title: str, text: str, details: str = "") -> QMessageBox:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(text)
        if details:
            box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("OK"))
        self.last_message = box
        self._open(box)
        return box

    def _open(self, dialog: QDialog) -> None:
        """Open window-modal without blocking; Qt deletes the dialog when it closes."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # No slot may capture the dialog itself: a closure owning the wrapper of
        # an object being destroyed crashes PySide. Deleted ones are pruned here.
        self._dialogs = [*self.open_dialogs(), dialog]
        dialog.open()

    def open_dialogs(self) -> list[QWidget]:
        """Dialogs opened by this window and not yet closed."""
        return [d for d in self._dialogs if shiboken6.isValid(d)]

    # -- window state ----------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            fit_to_screen(self, QSize(1200, 720))
        header = settings.value(HEADER_STATE_KEY)
        if header is not None:
            self.table.horizontalHeader().restoreState(header)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            # The search box lives in the toolbar, whose widgets only accept
            # the focus once shown.
            self._first_show = False
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_book(self) -> QDialog:
        from hcc_desktop.ui.worklists.book import BookDialog

        dialog = BookDialog(self.services, self.runner, self)
        self._open(dialog)
        return dialog

    def open_reports(self) -> QWidget:
        """The reports dashboard (F6); one window, raised if already open."""
        from hcc_desktop.ui.reports.dashboard import DashboardWindow

        existing = self._reports_window
        if existing is not None and shiboken6.isValid(existing):
            existing.showNormal()
            existing.raise_()
            existing.activateWindow()
            return existing
        window = DashboardWindow(self.services, self.runner, self, open_dossier=self.open_dossier)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._reports_window = window
        window.show()
        return window

    def open_field_work(self) -> QDialog:
        from hcc_desktop.ui.field.window import FieldWorkWindow

        dialog = FieldWorkWindow(
            self.services, self.runner, self, request_sync=self._sync_after_session
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs = [*self.open_dialogs(), dialog]
        dialog.show()
        return dialog

    def _sync_after_session(self) -> None:
        """A closed Saturday session syncs at once when the device is registered."""
        if self.sync_controller.is_registered():
            self.sync_controller.sync_now(background=True)
        self.refresh()

    def open_complaints(self) -> QDialog:
        from hcc_desktop.ui.complaints.dialog import ComplaintsDialog

        dialog = ComplaintsDialog(self.services, self.runner, self)
        self._open(dialog)
        return dialog

    def open_sync(self) -> SyncDialog:
        for widget in self.open_dialogs():
            if isinstance(widget, SyncDialog):
                widget.raise_()
                widget.activateWindow()
                return widget
        dialog = SyncDialog(self.sync_controller, self)
        self._open(dialog)
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        self._shutdown()
        if self.runner.is_busy():
            # A dossier may be being written: let it reach the disk first.
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.runner.wait_idle()
            finally:
                QApplication.restoreOverrideCursor()
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue(HEADER_STATE_KEY, self.table.horizontalHeader().saveState())
        super().closeEvent(event)

    def _shutdown(self) -> None:
        """Closing: stop timers and stop following changes (the hub outlives windows)."""
        if self._closed:
            return
        self._closed = True
        self._day_timer.stop()
        self._search_timer.stop()
        self.worklists.shutdown()
        self.reminder_controller.stop()
        self.sync_controller.stop()
        while self._hub_connections:
            QObject.disconnect(self._hub_connections.pop())
