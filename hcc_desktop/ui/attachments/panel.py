"""The dossier window's scans: what is attached, a scan for the selected paper,
the result as a file, a look at any of them. Opening a dossier fetches the
files this computer does not hold yet (made on another device of the unit)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.domain import Dossier
from hcc_desktop.core.errors import HccError, SyncError
from hcc_desktop.services import Services
from hcc_desktop.services.attachments import AttachmentInfo
from hcc_desktop.ui.attachments.camera import FrameSource
from hcc_desktop.ui.attachments.scan_dialog import ScanDialog
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.tasks import TaskRunner


def _fetch_missing(services: Services, code: str) -> list[str]:
    """The dossier's files known here but not held yet, from the server (no
    network at all when none is missing, or when this device is not enrolled)."""
    from hcc_desktop.services.attachments.transfer import AttachmentSync

    try:
        transfer = AttachmentSync(services.attachments, services.sync)
        return transfer.ensure_local(code, pull=False)
    except SyncError as exc:
        if exc.code == "not_registered":
            return []
        raise


def _read_scans(services: Services, code: str) -> tuple[str, list[AttachmentInfo]]:
    """Runs on the task runner: the dossier's scans (none when they cannot be read)."""
    try:
        return code, services.attachments.of_dossier(code)
    except HccError:
        return code, []


class AttachmentsPanel(QWidget):
    """Scans of the dossier shown in the dossier window."""

    attached = Signal(object)  # AttachmentInfo

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        current_paper: Callable[[], int],
        *,
        camera_factory: Callable[[QWidget], FrameSource | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._current_paper = current_paper
        self._camera_factory = camera_factory
        self._dossier: Dossier | None = None
        self._infos: list[AttachmentInfo] = []
        self._fetched_for = ""
        self._reads = 0
        self.scan_dialog: ScanDialog | None = None
        self.preview_dialog: QDialog | None = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.scan_button = QPushButton(self.tr("Sc&an paper…"))
        self.scan_button.setToolTip(
            self.tr("Scan the selected paper (files, scanner folder, camera)")
        )
        self.view_button = QPushButton(self.tr("View scan"))
        self.result_button = QPushButton(self.tr("Result file…"))
        self.result_button.setToolTip(
            self.tr("Attach the result (scanned or received electronically) as a file")
        )
        self.scan_button.clicked.connect(self.scan_selected)
        self.view_button.clicked.connect(self.view_selected)
        self.result_button.clicked.connect(self._choose_result)
        buttons = QHBoxLayout()
        for b in (self.scan_button, self.view_button, self.result_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

    def set_dossier(self, dossier: Dossier) -> None:
        self._dossier = dossier
        self.refresh()
        if self._fetched_for != dossier.id:
            self._fetched_for = dossier.id
            self._runner.run(
                _fetch_missing,
                self._services,
                dossier.code,
                on_done=self._fetched,
                on_error=self._fetch_failed,
            )

    def refresh(self) -> None:
        """Read the dossier's scans again, on the task runner; the summary and the
        View button follow when they arrive."""
        if self._dossier is None:
            return
        self._reads += 1
        self.view_button.setEnabled(False)
        self._runner.run(
            _read_scans,
            self._services,
            self._dossier.code,
            on_done=self._scans_read,
            on_error=self._scans_failed,
        )

    @property
    def loading(self) -> bool:
        """True while the scans are being read on the task runner."""
        return self._reads > 0

    def _scans_read(self, outcome: tuple[str, list[AttachmentInfo]]) -> None:
        self._reads -= 1
        code, infos = outcome
        if self._dossier is None or code != self._dossier.code:
            return
        self._infos = infos
        if not self._infos:
            self.summary.setText(self.tr("No scan attached yet."))
        else:
            pages = sum(i.pages for i in self._infos)
            missing = sum(1 for i in self._infos if not i.present)
            text = self.tr("Scans: {files} file(s), {pages} page(s).").format(
                files=len(self._infos), pages=pages
            )
            if missing:
                text += " " + self.tr("{n} not on this computer yet.").format(n=missing)
            self.summary.setText(text)
        self.view_button.setEnabled(any(i.present for i in self._infos))

    def _scans_failed(self, exc: BaseException) -> None:
        self._reads -= 1
        raise exc

    def _fetched(self, fetched: object) -> None:
        if fetched:
            self.refresh()

    def _fetch_failed(self, _exc: BaseException) -> None:
        # Offline: the dossier shows what is here; the summary says what is not.
        self.refresh()

    # -- actions --------------------------------------------------------------------------

    def _paper(self) -> tuple[str, str] | None:
        if self._dossier is None:
            return None
        row = self._current_paper()
        components = self._dossier.components
        if not components:
            return None
        row = row if 0 <= row < len(components) else 0
        c = components[row]
        return c.component_id or str(row + 1), c.name

    def scan_selected(self) -> ScanDialog | None:
        paper = self._paper()
        if paper is None or self._dossier is None:
            return None
        key, name = paper
        dialog = ScanDialog(
            self._services.attachments,
            self._runner,
            dossier=self._dossier.code,
            component=key,
            component_name=name,
            camera_factory=self._camera_factory,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._scanned(dialog.result_info))
        self.scan_dialog = dialog
        dialog.open()
        return dialog

    def _scanned(self, info: AttachmentInfo | None) -> None:
        self.refresh()
        if info is not None:
            self.attached.emit(info)

    def view_selected(self) -> QDialog | None:
        paper = self._paper()
        present = [i for i in self._infos if i.present]
        if not present:
            return None
        chosen = next((i for i in present if paper and i.component_id == paper[0]), present[0])
        from hcc_desktop.ui.attachments.reading import read_logged
        from hcc_desktop.ui.common.preview import open_preview_read_by

        # Opens at once, "loading": the access is logged, then the scan read and
        # decrypted, on the task runner.
        dialog = open_preview_read_by(
            self,
            self._runner,
            read_logged(self._services, "xem tệp đính kèm"),
            chosen.sha256,
            title=chosen.component_name or chosen.component_id,
        )
        self.preview_dialog = dialog
        return dialog

    def _choose_result(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Result file"),
            "",
            self.tr("Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf)"),
        )
        if names:
            self.attach_result([Path(n) for n in names])

    def attach_result(self, paths: list[Path]) -> None:
        if self._dossier is None:
            return
        self._runner.run(
            self._services.attachments.attach_result,
            dossier=self._dossier.code,
            sources=paths,
            on_done=self._scanned,
            on_error=lambda exc: show_error(self, exc),
        )
