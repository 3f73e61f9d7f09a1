"""How the sync stands, at a glance: a compact status-bar button and a banner.

``SyncStatusWidget`` sits in the main window's status bar: "Synced at 14:05",
"3 changes waiting to be sent", "Server unreachable", "1 conflict"… coloured
by how urgent it is; a click opens the sync screen. ``SyncWarningBanner`` is
shown above the lists when the device has gone unsynced for longer than
``settings.sync_warn_days``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from hcc_desktop.core.errors import SyncError
from hcc_desktop.services.sync.service import SyncStatus
from hcc_desktop.ui.sync.controller import SyncController, sync_error_text


class Tone(IntEnum):
    """How urgent the state is; the most urgent part colours the whole."""

    NEUTRAL = 0
    OK = 1
    BUSY = 2
    WARN = 3
    ERROR = 4


TONE_COLOURS = {
    Tone.NEUTRAL: "palette(window-text)",
    Tone.OK: "#2e7d32",
    Tone.BUSY: "#1565c0",
    Tone.WARN: "#e65100",
    Tone.ERROR: "#c62828",
}

# Codes that say the device may not sync at all until someone acts.
_LOCKED_OUT = {
    "credential_revoked",
    "credential_invalid",
    "credential_unreadable",
    "unit_mismatch",
    "device_too_old",
}
# Codes of other operations recorded as "last error" but saying nothing about syncing.
_NOT_SYNC = {
    "enrolment_code_invalid",
    "enrolment_code_used",
    "enrolment_code_expired",
    "no_free_slot",
    "device_id_taken",
    "bundle_write_failed",
    "not_registered",
    "credential_store_failed",
}


def format_moment(moment: datetime, now: datetime) -> str:
    """ "14:05" today, "14:05 20/11/2026" another day."""
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    return moment.strftime("%H:%M %d/%m/%Y")


def failure_code(controller: SyncController) -> str | None:
    """The error code that describes the sync now: this session's last failure,
    else the one recorded by an earlier run; None when the last sync went well."""
    failure = controller.last_failure
    if failure is not None:
        return failure.code if isinstance(failure, SyncError) else "unexpected"
    status = controller.status
    if status is not None and status.last_error and status.last_error not in _NOT_SYNC:
        return status.last_error
    return None


def is_offline(controller: SyncController) -> bool:
    if controller.online is not None:
        return not controller.online
    return failure_code(controller) == "server_unreachable"


@dataclass(frozen=True)
class SyncState:
    text: str
    tone: Tone
    details: str


def describe(controller: SyncController, now: datetime) -> SyncState:
    """The short text, its tone and a longer explanation of where the sync stands."""
    status = controller.status
    if controller.is_syncing():
        text = (
            QCoreApplication.translate("SyncStatusWidget", "Stopping the sync…")
            if controller.is_cancelling()
            else QCoreApplication.translate("SyncStatusWidget", "Syncing…")
        )
        return SyncState(text, Tone.BUSY, text)
    if status is None:
        return SyncState(
            QCoreApplication.translate("SyncStatusWidget", "Sync…"),
            Tone.NEUTRAL,
            QCoreApplication.translate("SyncStatusWidget", "Reading the sync status…"),
        )
    if not status.registered:
        return SyncState(
            QCoreApplication.translate("SyncStatusWidget", "Sync not set up"),
            Tone.NEUTRAL,
            QCoreApplication.translate(
                "SyncStatusWidget",
                "This device is not registered with a sync server: its data stay on it.",
            ),
        )
    parts: list[tuple[str, Tone]] = []
    if status.open_conflicts:
        parts.append(
            (
                QCoreApplication.translate(
                    "SyncStatusWidget", "{count} conflicts to resolve"
                ).format(count=status.open_conflicts),
                Tone.ERROR,
            )
        )
    code = failure_code(controller)
    if code in _LOCKED_OUT:
        parts.append(
            (
                QCoreApplication.translate("SyncStatusWidget", "Device not allowed to sync"),
                Tone.ERROR,
            )
        )
    elif is_offline(controller):
        parts.append(
            (QCoreApplication.translate("SyncStatusWidget", "Server unreachable"), Tone.WARN)
        )
    elif code is not None:
        parts.append((QCoreApplication.translate("SyncStatusWidget", "Sync failed"), Tone.ERROR))
    if status.warn:
        if status.days_since_sync is not None:
            warn = QCoreApplication.translate(
                "SyncStatusWidget", "Not synced for {days} days"
            ).format(days=status.days_since_sync)
        else:
            warn = QCoreApplication.translate("SyncStatusWidget", "Never synced")
        parts.append((warn, Tone.ERROR))
    if status.pending:
        tone = Tone.WARN if parts else Tone.NEUTRAL
        parts.append(
            (
                QCoreApplication.translate(
                    "SyncStatusWidget", "{count} changes waiting to be sent"
                ).format(count=status.pending),
                tone,
            )
        )
    if not parts:
        if status.last_sync_at is not None:
            parts.append(
                (
                    QCoreApplication.translate("SyncStatusWidget", "Synced at {time}").format(
                        time=format_moment(status.last_sync_at, now)
                    ),
                    Tone.OK,
                )
            )
        else:
            parts.append(
                (QCoreApplication.translate("SyncStatusWidget", "Not synced yet"), Tone.NEUTRAL)
            )
    text = " · ".join(p for p, _tone in parts)
    tone = max(t for _p, t in parts)
    return SyncState(text, tone, details_text(controller, status, now))


def details_text(controller: SyncController, status: SyncStatus, now: datetime) -> str:
    lines = [
        QCoreApplication.translate("SyncStatusWidget", "Server: {url}").format(
            url=status.server_url
        )
    ]
    if status.last_sync_at is not None:
        lines.append(
            QCoreApplication.translate("SyncStatusWidget", "Last sync: {time}").format(
                time=format_moment(status.last_sync_at, now)
            )
        )
    else:
        lines.append(QCoreApplication.translate("SyncStatusWidget", "Last sync: never"))
    lines.append(
        QCoreApplication.translate(
            "SyncStatusWidget", "Changes waiting to be sent: {count}"
        ).format(count=status.pending)
    )
    if status.open_conflicts:
        lines.append(
            QCoreApplication.translate("SyncStatusWidget", "Conflicts to resolve: {count}").format(
                count=status.open_conflicts
            )
        )
    failure = controller.last_failure
    if failure is not None:
        lines.append(sync_error_text(failure))
    elif status.last_failure is not None and status.last_error not in _NOT_SYNC:
        lines.append(sync_error_text(status.last_failure))
    return "\n".join(lines)


class SyncStatusWidget(QToolButton):
    """The sync state in a few words; a click (or F9 in the main window) opens
    the sync screen."""

    open_requested = Signal()

    def __init__(
        self,
        controller: SyncController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.state: SyncState | None = None
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Reached with F9 from anywhere; the status bar is not in the tab chain.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.clicked.connect(self.open_requested)
        for signal in (
            controller.status_changed,
            controller.sync_started,
            controller.sync_progress,
            controller.sync_finished,
            controller.sync_failed,
            controller.connectivity_changed,
        ):
            signal.connect(self.update_view)
        self.update_view()

    def update_view(self, *_args: object) -> None:
        state = describe(self.controller, self.controller.clock())
        self.state = state
        self.setText(state.text)
        self.setToolTip(state.details + "\n\n" + self.tr("Click to open the sync screen (F9)."))
        self.setStyleSheet(
            f"QToolButton {{ color: {TONE_COLOURS[state.tone]}; border: none; padding: 0 6px;"
            f" font-weight: {'bold' if state.tone >= Tone.WARN else 'normal'}; }}"
            "QToolButton:hover { text-decoration: underline; }"
        )


class SyncWarningBanner(QFrame):
    """ "This device has not synced for 5 days — connect to the network or
    export a data bundle", shown only while that is true."""

    open_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("sync_warning_banner")
        self.setStyleSheet(
            "#sync_warning_banner { background: #fff3e0; border: 1px solid #e65100;"
            " border-radius: 4px; }"
            "#sync_warning_banner QLabel { color: #bf360c; font-weight: bold; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self._sync)
        self.open_button = QPushButton(self.tr("Sync screen…"))
        self.open_button.clicked.connect(self.open_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.sync_button)
        layout.addWidget(self.open_button)
        for signal in (
            controller.status_changed,
            controller.sync_started,
            controller.sync_finished,
            controller.sync_failed,
        ):
            signal.connect(self.update_view)
        self.update_view()

    def _sync(self) -> None:
        self.controller.sync_now()

    def update_view(self, *_args: object) -> None:
        status = self.controller.status
        show = status is not None and status.registered and status.warn
        if status is not None and show:
            if status.days_since_sync is not None:
                text = self.tr(
                    "This device has not been synchronised for {days} days — connect it to "
                    "the network or export a data bundle (USB)."
                ).format(days=status.days_since_sync)
            else:
                text = self.tr(
                    "This device has changes not synchronised for more than {days} days — "
                    "connect it to the network or export a data bundle (USB)."
                ).format(days=self.controller.current_settings.sync_warn_days)
            self.label.setText(text)
        self.sync_button.setEnabled(not self.controller.is_syncing())
        self.setVisible(bool(show))


__all__ = [
    "SyncState",
    "SyncStatusWidget",
    "SyncWarningBanner",
    "Tone",
    "describe",
    "failure_code",
    "format_moment",
]
