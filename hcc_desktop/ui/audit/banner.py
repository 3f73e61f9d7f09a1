"""The store's history checked in the background, and a persistent warning when broken.

After the store opens, ``audit verify`` (services/audit) runs on the task
runner, so the first window is never held up by it; it runs again when a sync
is refused (the sync itself refuses to push a broken chain). A broken history
shows a banner naming the first broken dossier until a check finds it whole;
"Details…" opens the audit result.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.messages import QT_TRANSLATE_NOOP
from hcc_desktop.services import Services
from hcc_desktop.services.audit import AuditFinding, verify_store
from hcc_desktop.ui.common.tasks import TaskRunner

# What is wrong, as the officer reads it (AuditFinding.kind).
KINDS: dict[str, str] = {
    "hash_mismatch": QT_TRANSLATE_NOOP("Audit", "an event was edited after it was written"),
    "unknown_prev": QT_TRANSLATE_NOOP("Audit", "an event of its history was deleted"),
    "no_genesis": QT_TRANSLATE_NOOP("Audit", "its receipt event is missing"),
    "extra_genesis": QT_TRANSLATE_NOOP("Audit", "a second receipt event was inserted"),
    "duplicate_hash": QT_TRANSLATE_NOOP("Audit", "an old event was inserted again"),
    "device_gap": QT_TRANSLATE_NOOP("Audit", "a record of this device was deleted"),
    "device_duplicate_seq": QT_TRANSLATE_NOOP("Audit", "a record of this device was inserted"),
    "device_prev_mismatch": QT_TRANSLATE_NOOP(
        "Audit", "records of this device were reordered or deleted"
    ),
    "receipt_edited": QT_TRANSLATE_NOOP(
        "Audit", "its receipt details were edited directly in the database"
    ),
    "unhashed": QT_TRANSLATE_NOOP("Audit", "an event carries no hash"),
    "row_differs": QT_TRANSLATE_NOOP("Audit", "the dossier does not match its history"),
    "no_events": QT_TRANSLATE_NOOP("Audit", "the dossier has no history"),
}
_BANNER = QT_TRANSLATE_NOOP(
    "Audit",
    "The history of dossier {code} has been altered ({what}). Tell the center leader; the "
    "device will not send its changes until this is explained.",
)
_MORE = QT_TRANSLATE_NOOP("Audit", "{count} problems found in the history of the dossiers.")


def finding_text(finding: AuditFinding) -> str:
    """One finding, in the current language."""
    what = QCoreApplication.translate("Audit", KINDS.get(finding.kind, finding.kind))
    line = f"{_subject(finding)}: {what}"
    if finding.columns:
        line += " (" + ", ".join(finding.columns) + ")"
    if finding.event_id:
        line += f" [{finding.event_id}]"
    return line


_ACCESS_LOG = QT_TRANSLATE_NOOP("Audit", "access log")


def _subject(finding: AuditFinding) -> str:
    """The dossier's code, or "access log" for an access-log entry."""
    if finding.record == "access":
        label = QCoreApplication.translate("Audit", _ACCESS_LOG)
        return f"{label} ({finding.code})" if finding.code else label
    return finding.code


def check_history(services: Services) -> list[AuditFinding]:
    """``audit verify`` of this device's store (runs on the task runner)."""
    return verify_store(services.db, services.settings.load().device_id)


class AuditController(QObject):
    """Runs the check off the GUI thread and keeps the last result."""

    checked = Signal(object)  # list[AuditFinding]

    def __init__(self, services: Services, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.findings: list[AuditFinding] | None = None  # None: not checked yet

    def check(self) -> None:
        self.runner.run(check_history, self.services, on_done=self._done, on_error=self._failed)

    def _done(self, findings: list[AuditFinding]) -> None:
        self.findings = list(findings)
        self.checked.emit(self.findings)

    def _failed(self, _exc: BaseException) -> None:
        # An unreadable store is reported where it is opened; nothing to add here.
        return


class AuditBanner(QFrame):
    """A red banner naming the first broken dossier, shown while the history is broken."""

    def __init__(self, controller: AuditController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("audit_banner")
        self.setStyleSheet(
            "#audit_banner { background: #ffebee; border: 1px solid #b71c1c;"
            " border-radius: 4px; }"
            "#audit_banner QLabel { color: #b71c1c; font-weight: bold; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.clicked.connect(self.show_details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.details_button)
        self.dialog: QDialog | None = None
        controller.checked.connect(self.update_view)
        self.setVisible(False)

    def update_view(self, *_args: object) -> None:
        findings = self.controller.findings or []
        if findings:
            first = findings[0]
            what = QCoreApplication.translate("Audit", KINDS.get(first.kind, first.kind))
            self.label.setText(
                QCoreApplication.translate("Audit", _BANNER).format(code=_subject(first), what=what)
            )
        self.setVisible(bool(findings))

    def show_details(self) -> QDialog:
        """The audit result: every finding, the first broken link first."""
        findings = self.controller.findings or []
        dialog = QDialog(self.window())
        dialog.setWindowTitle(self.tr("History check"))
        text = QPlainTextEdit()
        text.setReadOnly(True)
        lines = [QCoreApplication.translate("Audit", _MORE).format(count=len(findings)), ""]
        lines += [finding_text(f) for f in findings]
        text.setPlainText("\n".join(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(640, 360)
        dialog.show()
        self.dialog = dialog
        return dialog
