"""The main window: worklists with their counts, today's dossiers, search,
deadline reminders, and the counter's actions."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import datetime

import shiboken6
from PySide6.QtCore import (
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QShowEvent
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
    QMessageBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Dossier, DossierEvent
from hcc_desktop.services import Services
from hcc_desktop.services.catalog import ImportReport
from hcc_desktop.services.settings import AppSettings
from hcc_desktop.ui.accounts.roles import apply_role, officer_text
from hcc_desktop.ui.audit.banner import AuditBanner, AuditController
from hcc_desktop.ui.backups.scheduler import BackupScheduler
from hcc_desktop.ui.catalog.transfer import CatalogTransfer
from hcc_desktop.ui.common.changes import change_hub
from hcc_desktop.ui.common.dialog_parts import printer_of
from hcc_desktop.ui.common.errors import (
    FIELD_ERROR_STYLE,
    show_error,
)
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.common.table_models import Column, DossierTableModel, arrange_dossier_columns
from hcc_desktop.ui.common.tasks import TaskRunner, shared_runner
from hcc_desktop.ui.dossier.operations import read_dossier_and_events
from hcc_desktop.ui.main_actions import MainActionsMixin
from hcc_desktop.ui.main_list import DossierListMixin
from hcc_desktop.ui.settings.operations import read_settings
from hcc_desktop.ui.sync.controller import SyncController
from hcc_desktop.ui.sync.status import SyncStatusWidget, SyncWarningBanner
from hcc_desktop.ui.worklists.panel import (
    WorklistKind,
    WorklistPanel,
)
from hcc_desktop.ui.worklists.reminders import (
    Notifier,
    ReminderController,
    ReminderPanel,
    TrayNotifier,
)

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
# The history check starts once the first lists are shown, or after this if they never are.
HISTORY_CHECK_FALLBACK_MS = 30_000
DAY_CHECK_MS = 60_000
HEADER_STATE_KEY = "main_window/table_header_v2"  # v2: progress and holder columns


def receipt_job(services: Services, dossier_id: str) -> tuple[str, bytes]:
    """Runs on the task runner: Mẫu 01 of a stored dossier, with its code."""
    dossier = services.dossiers.get(dossier_id)
    return dossier.code, services.printing.receipt_pdf(dossier)


class MainWindow(DossierListMixin, MainActionsMixin, QMainWindow):
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
        check_history: bool = True,
        settings: AppSettings | None = None,
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

        # ``settings``: read on the task runner by the caller (the program, at start-up);
        # else read there now, the first lists once they arrive.
        self._settings = settings
        self.reminder_controller = ReminderController(
            services,
            self.runner,
            notifier=notifier,
            clock=self._clock,
            parent=self,
            settings=settings or AppSettings(),
        )
        self.sync_controller = SyncController(
            services,
            self.runner,
            clock=self._clock,
            parent=self,
            settings=settings or AppSettings(),
        )
        self.backup_scheduler = BackupScheduler(services, self.runner, parent=self)
        # The history check reads the whole store (about 5 s at 10,000 dossiers): on a
        # read lane of its own, so that it never holds up the serial lane's writes.
        self.read_runner = TaskRunner(self)
        self.audit_controller = AuditController(services, self.read_runner, parent=self)
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

        self._restore_state()
        self._apply_default_sort(WorklistKind.TODAY)
        # Who is logged in is known now (the session, not the store).
        self.officer_label.setText(officer_text(self.services.session))
        if settings is not None:
            self.apply_settings(settings)
            self.refresh()
        else:
            self.runner.run(read_settings, services, on_done=self._first_settings)
        self.reminder_controller.start()
        self.sync_controller.start()
        self.sync_controller.sync_failed.connect(self._sync_refused)
        # The history check reads the whole store (minutes and about 2 GB at 100,000
        # dossiers, docs/benchmarks.md) on its own lane: it starts once the first lists
        # are shown, not beside them, where it held them up (issue 14). ``check_history``
        # False: not at all (--quit-after-show quits at the lists).
        self._history_check_due = check_history
        if check_history:
            self.worklists.loaded.connect(self._start_history_check)
            # Owned by the window: it dies with it, never calling into a deleted one.
            self._history_timer = QTimer(self)
            self._history_timer.setSingleShot(True)
            self._history_timer.timeout.connect(self._start_history_check)
            self._history_timer.start(HISTORY_CHECK_FALLBACK_MS)
        self._first_show = True

    def _start_history_check(self, *_args: object) -> None:
        if self._history_check_due and not self._closed:
            self._history_check_due = False
            self.audit_controller.check()

    def _sync_refused(self, exc: object) -> None:
        # A sync refused for a broken chain: the banner names the dossier.
        if getattr(exc, "code", None) == "chain_broken":
            self.audit_controller.check()

    # -- building --------------------------------------------------------------

    def _build_central(self) -> None:
        self.worklists = WorklistPanel(
            self.services, self.runner, clock=self._clock, settings=self._settings
        )

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
        arrange_dossier_columns(header)
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
        self.audit_banner = AuditBanner(self.audit_controller)
        layout.addWidget(self.audit_banner)
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
        # A quiet warning when the scheduled backup could not be taken (USB unplugged).
        self.backup_warning = QLabel()
        self.backup_warning.setContentsMargins(6, 0, 6, 0)
        self.backup_warning.setStyleSheet("color: #b26a00;")
        self.backup_warning.hide()
        status.addPermanentWidget(self.backup_warning)
        self.backup_scheduler.backup_warning.connect(self._backup_warning)
        self.backup_scheduler.backup_ok.connect(self.backup_warning.hide)

    def start_backups(self) -> None:
        """Start the daily backup's checks (the app does it once the window is shown)."""
        self.backup_scheduler.start()

    def _backup_warning(self, message: str) -> None:
        self.backup_warning.setText(self.tr("Backup not taken"))
        self.backup_warning.setToolTip(message)
        self.backup_warning.show()

    # -- settings --------------------------------------------------------------

    def _first_settings(self, settings: AppSettings) -> None:
        """The settings read on the task runner at construction: applied to the window
        and what it holds, then the first lists (with the right "due soon" horizon)."""
        self.apply_settings(settings)
        self.worklists.apply_settings(settings)
        self.reminder_controller.apply_settings(settings)
        self.sync_controller.apply_settings(settings)
        self.refresh()

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

    def apology_selected(self) -> None:
        dossier = self.selected_dossier()
        if dossier is not None:
            self.open_apology(dossier.id)

    def open_apology(self, dossier_id: str) -> None:
        """The apology letter (Mẫu 04) with a new appointment, for a late dossier:
        the dossier and its timeline are read on the task runner, then the dialog opens."""
        self.runner.run(
            read_dossier_and_events,
            self.services,
            dossier_id,
            on_done=self._apology_read,
            on_error=self._apology_read_failed,
        )

    def _apology_read_failed(self, exc: BaseException) -> None:
        show_error(self, exc)  # the dossier may have vanished (e.g. removed by a sync)

    def _apology_read(self, read: tuple[Dossier, list[DossierEvent]]) -> None:
        from hcc_desktop.ui.dossier.apology import ApologyDialog

        dossier, events = read
        self._open(ApologyDialog(self.services, self.runner, dossier, self, events=events))

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
        dialog = PdfPreviewDialog(
            pdf,
            title=self.tr("Receipt {code}").format(code=code),
            copies=1,
            printer_name=printer_of(self.services),
            file_name=code,
            parent=self,
        )
        self._open(dialog)
        return dialog

    def _task_failed(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        self._selection_changed()
        show_error(self, exc)

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self._shutdown()
        self.read_runner.wait_idle()
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
        self.backup_scheduler.stop()
        while self._hub_connections:
            QObject.disconnect(self._hub_connections.pop())
