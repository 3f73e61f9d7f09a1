"""Importing and exporting the procedure catalog file (the main window's Catalog menu)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from hcc_desktop.core.clock import local_today
from hcc_desktop.services import Services
from hcc_desktop.services.catalog import ImportReport
from hcc_desktop.ui.catalog.operations import (
    CatalogImported,
    export_catalog_job,
    import_catalog_job,
)
from hcc_desktop.ui.common.tasks import TaskRunner


def last_dir(key: str) -> str:
    """The folder last used for ``key`` (``catalog_dir``, …)."""
    return str(QSettings().value(f"paths/{key}", "") or "")


def _procedure_line(code: str, names: dict[str, str], changed: tuple[str, ...] = ()) -> str:
    line = f"  {code}  {names.get(code, '')}".rstrip()
    if changed:
        line += " (" + ", ".join(changed) + ")"
    return line


class CatalogTransfer(QObject):
    """Asks for the file, runs the import or export on the runner and reports the outcome."""

    imported = Signal(object)  # ImportReport, before its report is shown
    report_ready = Signal(str, str, str)  # title, text, details: for the window to show
    failed = Signal(object)  # the exception

    # No reference to the window but Qt's parent link: a Python reference from a
    # child to its window keeps a dying window's wrapper alive (PySide crashes).
    def __init__(self, services: Services, runner: TaskRunner, window: QMainWindow) -> None:
        super().__init__(window)
        self.services = services
        self.runner = runner

    def _window(self) -> QMainWindow:
        window = self.parent()
        assert isinstance(window, QMainWindow)
        return window

    def import_catalog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._window(),
            self.tr("Import procedure catalog"),
            last_dir("catalog_dir"),
            self.tr("Procedure catalogs (*.json);;All files (*)"),
        )
        if not path:
            return
        box = QMessageBox(self._window())
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import procedure catalog"))
        box.setText(self.tr("How should the file be applied?"))
        box.setInformativeText(
            self.tr(
                "“Add and update” keeps the procedures the file does not list. “Replace the "
                "whole catalog” stops using them (dossiers already received keep them)."
            )
        )
        merge = box.addButton(self.tr("&Add and update"), QMessageBox.ButtonRole.AcceptRole)
        whole = box.addButton(
            self.tr("&Replace the whole catalog"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(merge)
        box.exec()
        if box.clickedButton() not in (merge, whole):
            return
        QSettings().setValue("paths/catalog_dir", str(Path(path).parent))
        self.import_catalog_file(Path(path), replace_all=box.clickedButton() is whole)

    def import_catalog_file(self, path: Path, *, replace_all: bool = False) -> None:
        self._window().statusBar().showMessage(self.tr("Importing the procedure catalog…"))
        self.runner.run_change(
            import_catalog_job,
            self.services,
            Path(path),
            replace_all,
            on_done=self._catalog_imported,
            on_error=self._failed,
        )

    def _catalog_imported(self, outcome: CatalogImported) -> None:
        report: ImportReport = outcome.report
        names = outcome.names
        self.imported.emit(report)
        text = self.tr(
            "The procedure catalog was imported.\n\n"
            "Added: {added}\nUpdated: {updated}\nUnchanged: {unchanged}\n"
            "No longer used: {deactivated}"
        ).format(
            added=len(report.added),
            updated=len(report.updated),
            unchanged=len(report.unchanged),
            deactivated=len(report.deactivated),
        )
        sections = []
        if report.added:
            sections.append(
                self.tr("Added:")
                + "\n"
                + "\n".join(_procedure_line(c, names) for c in report.added)
            )
        if report.updated:
            sections.append(
                self.tr("Updated (changed fields):")
                + "\n"
                + "\n".join(_procedure_line(c, names, f) for c, f in report.updated.items())
            )
        if report.deactivated:
            sections.append(
                self.tr("No longer used:")
                + "\n"
                + "\n".join(_procedure_line(c, names) for c in report.deactivated)
            )
        self.report_ready.emit(self.tr("Procedure catalog"), text, "\n\n".join(sections))

    def export_catalog(self) -> None:
        suggested = f"danh-muc-thu-tuc-{local_today():%Y%m%d}.json"
        folder = last_dir("catalog_dir")
        path, _filter = QFileDialog.getSaveFileName(
            self._window(),
            self.tr("Export procedure catalog"),
            str(Path(folder) / suggested) if folder else suggested,
            self.tr("Procedure catalogs (*.json)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".json":
            target = target.with_name(target.name + ".json")
        QSettings().setValue("paths/catalog_dir", str(target.parent))
        self.export_catalog_file(target)

    def export_catalog_file(self, path: Path) -> None:
        self.runner.run(
            export_catalog_job,
            self.services,
            Path(path),
            on_done=self._catalog_exported,
            on_error=self._failed,
        )

    def _catalog_exported(self, result: tuple[Path, int]) -> None:
        path, count = result
        self.report_ready.emit(
            self.tr("Procedure catalog"),
            self.tr("{count} procedures were exported to\n{path}").format(
                count=count, path=str(path)
            ),
            "",
        )

    def _failed(self, exc: BaseException) -> None:
        self.failed.emit(exc)
