"""The main window's menus and toolbar, and the commands that open the other
windows (settings, officer on duty, catalog import/export, about, book,
reports, field work, complaints, sync). A mixin of ``MainWindow``, which owns
the widgets and controllers these use."""

from __future__ import annotations

import platform
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QSizePolicy, QToolBar, QWidget

from hcc_desktop import __version__
from hcc_desktop.core.paths import log_dir
from hcc_desktop.services.catalog import ImportReport
from hcc_desktop.services.settings import AppSettings
from hcc_desktop.ui.accounts.manage import AccountsDialog, PasswordDialog
from hcc_desktop.ui.settings.dialog import SettingsDialog
from hcc_desktop.ui.sync.dialog import SyncDialog
from hcc_desktop.ui.worklists.panel import KINDS, WorklistKind, kind_title, shortcut_of


class MainActionsMixin:
    """Actions, menus and toolbar of ``MainWindow``, and the windows they open."""

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
        self.access_log_action = QAction(self.tr("Access &log…"), self)
        self.access_log_action.triggered.connect(self.open_access_log)
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
        dossiers.addAction(self.access_log_action)
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

    # -- settings, officer, catalog, about and the other windows --------------

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.services, self, runner=self.runner)
        dialog.settings_saved.connect(self._settings_saved)
        self._open(dialog)
        return dialog

    def _settings_saved(self, settings: AppSettings) -> None:
        self.apply_settings(settings)
        self.worklists.apply_settings(settings)
        self.reminder_controller.apply_settings(settings)
        self.sync_controller.apply_settings(settings)
        self.statusBar().showMessage(self.tr("Settings saved."), 5000)
        self.refresh()
        self.reminder_controller.check()

    def open_accounts(self) -> AccountsDialog:
        dialog = AccountsDialog(self.services, self, runner=self.runner)
        self._open(dialog)
        return dialog

    def change_password(self) -> PasswordDialog:
        me = self.services.session.current()
        dialog = PasswordDialog(
            self.services, me.user_name, own=True, parent=self, runner=self.runner
        )
        self._open(dialog)
        return dialog

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
        self.last_import_report = report  # the filters heard of it on the change hub
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

    def open_access_log(self, id_number: str = "") -> QDialog:
        from hcc_desktop.ui.access.page import AccessLogDialog

        dialog = AccessLogDialog(self.services, self.runner, self, id_number=id_number)
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
