"""When the device syncs: on a timer, on demand, and soon after the server is
reachable again; never two syncs at once.

``SyncController`` owns the schedule. A sync writes the local database, so it
runs on the task runner's serial lane; before it is queued there, a cheap
``GET /api/v1/health`` (short timeout, on a thread of its own) checks that the
server answers, so that an unreachable server never holds the lane, and the
dossier an officer is saving meanwhile, for the length of a connect timeout.
While the server is unreachable the controller keeps probing it (and listens
to the operating system's network reachability when Qt can report it); when
it answers again a sync follows at once.

Screens follow the controller's signals and its ``status`` (the last
``SyncStatus`` read from the service), ``online`` and ``last_failure``.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.errors import HccError, SyncError
from hcc_desktop.core.messages import REASONS
from hcc_desktop.services import Services
from hcc_desktop.services.attachments import AttachmentService
from hcc_desktop.services.attachments.transfer import AttachmentSync
from hcc_desktop.services.settings import AppSettings
from hcc_desktop.services.sync.probe import PROBE_TIMEOUT_S, probe_server
from hcc_desktop.services.sync.service import SyncResult, SyncService, SyncStatus
from hcc_desktop.ui.common.changes import change_hub
from hcc_desktop.ui.common.messages import error_message, sync_reason
from hcc_desktop.ui.common.tasks import TaskRunner

log = logging.getLogger(__name__)

# While the server is unreachable, how often to look for it again.
PROBE_INTERVAL_MS = 30_000
# The status is read again now and then: "days without sync" moves with the clock.
STATUS_INTERVAL_MS = 5 * 60_000

# Stages reported by sync_progress: "connect" (checking the server), then the
# service's "push" and "pull".
STAGE_CONNECT = "connect"

Probe = Callable[[str, float], bool]


def reason_text(reason: str) -> str:
    """A refusal reason of the server in the interface language (HTTP statuses and
    unknown reasons as sentences too)."""
    return sync_reason(reason)


def sync_error_text(error: BaseException | str) -> str:
    """The officer's sentence for a failed sync (an error, or a code from the status)."""
    exc = error if isinstance(error, BaseException) else SyncError(error)
    if isinstance(exc, HccError):
        return error_message(exc)
    return QCoreApplication.translate(
        "SyncController", "Synchronisation failed because of an unexpected error (see the log)."
    )


def sync_service_of(services: Services) -> SyncService:
    """The container's sync service, or one over the same store."""
    existing = getattr(services, "sync", None)
    if isinstance(existing, SyncService):
        return existing
    return SyncService(services.db, settings=services.settings, catalog=services.catalog)


def sync_job(
    sync: SyncService,
    relay: _Relay,
    cancel: threading.Event,
    attachments: AttachmentService | None = None,
) -> SyncResult:
    """Runs on the task runner: one sync, progress relayed to the GUI thread, then
    the attachments' files and records (stage "upload", in bytes); what it
    changed is the sync's own account (``SyncResult.changes``: pulled dossiers,
    settings, catalog)."""
    result = sync.sync(progress=relay.progressed.emit, cancel=cancel.is_set)
    if attachments is not None and not result.cancelled:
        AttachmentSync(attachments, sync).sync(progress=relay.progressed.emit, cancel=cancel.is_set)
    return result


class _Relay(QObject):
    """Carries a worker thread's reports to the GUI thread (queued signals).

    It has no parent: the worker keeps it alive even if the controller is
    deleted first, so a late report never reaches a destroyed object.
    """

    progressed = Signal(str, int, int)
    probed = Signal(bool, object)  # reachable, purpose


class _ProbeJob(QRunnable):
    def __init__(self, probe: Probe, url: str, relay: _Relay, purpose: object) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._probe = probe
        self._url = url
        self._relay = relay
        self._purpose = purpose

    def run(self) -> None:
        try:
            reachable = bool(self._probe(self._url, PROBE_TIMEOUT_S))
        except Exception:  # a probe must never take the thread down
            log.exception("server probe failed")
            reachable = False
        if shiboken6.isValid(self._relay):
            self._relay.probed.emit(reachable, self._purpose)


_BEFORE_SYNC = "before_sync"
_RECONNECT = "reconnect"


class SyncController(QObject):
    """Schedules syncs with the central server and tells the screens how it goes."""

    sync_started = Signal(bool)  # background?
    sync_progress = Signal(str, int, int)  # stage ("connect", "push", "pull"), done, total
    sync_finished = Signal(object)  # SyncResult (cancelled=True when stopped early)
    sync_failed = Signal(object)  # the exception, a SyncError as a rule
    status_changed = Signal(object)  # SyncStatus
    connectivity_changed = Signal(bool)  # the server answers?

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        *,
        sync: SyncService | None = None,
        probe: Probe = probe_server,
        clock: Callable[[], datetime] = local_now,
        watch_network: bool = True,
        parent: QObject | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = services.settings
        self.sync = sync or sync_service_of(services)
        self.runner = runner
        self.clock = clock
        self._probe = probe
        self.status: SyncStatus | None = None
        self.online: bool | None = None  # None: not known yet
        self.last_failure: BaseException | None = None
        self.last_failure_at: datetime | None = None
        self.last_result: SyncResult | None = None
        self.stage: tuple[str, int, int] | None = None
        self._busy = False
        self._background = False
        self._cancel = threading.Event()
        self._probing = False
        self._status_loading = False
        self._status_dirty = False
        self._sync_when_known = False
        self._started = False

        self._relay = _Relay()
        self._relay.progressed.connect(self._progressed)
        self._relay.probed.connect(self._probed)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(PROBE_INTERVAL_MS)
        self.probe_timer.timeout.connect(self.check_connection)
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(STATUS_INTERVAL_MS)
        self.status_timer.timeout.connect(self.refresh_status)
        self.network: Any = None
        if watch_network:
            self._watch_network()
        # Until the settings read on the task runner arrive: those the service holds
        # in memory, if any (never a read here), else the defaults.
        self._settings = AppSettings()
        self.apply_settings(settings or services.settings.cached() or AppSettings())
        if settings is None:
            self.read_settings()

    # -- life ------------------------------------------------------------------------

    def start(self) -> None:
        """Read the status, sync now if registered, then every few minutes."""
        self._started = True
        hub = change_hub()
        hub.changed.connect(self._changed)
        self.timer.start()
        self.status_timer.start()
        self._sync_when_known = True
        self.refresh_status()

    def stop(self) -> None:
        """The window closes: no more timers or probes; a running sync is asked
        to stop between two committed steps."""
        self.timer.stop()
        self.probe_timer.stop()
        self.status_timer.stop()
        self._cancel.set()
        if self._started:
            self._started = False
            hub = change_hub()
            with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
                hub.changed.disconnect(self._changed)
        self._pool.waitForDone(int(PROBE_TIMEOUT_S * 1000) + 2000)

    def read_settings(self) -> None:
        """Read the settings on the task runner, then apply them."""
        from hcc_desktop.ui.settings.operations import read_settings

        self.runner.run(read_settings, self.services, on_done=self.apply_settings)

    @property
    def current_settings(self) -> AppSettings:
        """The settings as last read or saved, for the sync screens (the service's
        in-memory copy, else the last read on the task runner): never a read on the
        GUI thread."""
        return self.services.settings.cached() or self._settings

    def apply_settings(self, settings: AppSettings) -> None:
        self._settings = settings
        minutes = settings.sync_interval_minutes
        self.timer.setInterval(max(1, minutes) * 60_000)

    def _settings_changed(self) -> None:
        self.read_settings()
        self.refresh_status()

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.instance() is None and not (
                QNetworkInformation.loadDefaultBackend()
            ):
                return
            info = QNetworkInformation.instance()
        except (ImportError, RuntimeError, AttributeError):
            return
        if info is None:
            return
        self.network = info
        info.reachabilityChanged.connect(self.network_reachability_changed)

    def network_reachability_changed(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Disconnected:
            log.info("the network is gone")
            self._set_online(False)
        elif reachability != QNetworkInformation.Reachability.Unknown:
            # A network came back: whether it reaches the server, the probe tells.
            self.check_connection()

    # -- state -----------------------------------------------------------------------

    def is_registered(self) -> bool:
        if self.status is not None:
            return self.status.registered
        return bool(self.current_settings.server_url)

    def is_syncing(self) -> bool:
        return self._busy

    def is_background(self) -> bool:
        return self._busy and self._background

    def is_cancelling(self) -> bool:
        return self._busy and self._cancel.is_set()

    def _set_online(self, online: bool) -> None:
        changed = online != self.online
        self.online = online
        if online:
            self.probe_timer.stop()
        elif self.is_registered() and self._started:
            self.probe_timer.start()
        if changed:
            self.connectivity_changed.emit(online)

    # -- status ------------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Read the status on the task runner (it may touch the keyring);
        overlapping requests are merged."""
        if self._status_loading:
            self._status_dirty = True
            return
        self._status_loading = True
        self._status_dirty = False
        self.runner.run(self.sync.status, on_done=self._status_loaded, on_error=self._status_failed)

    def _status_loaded(self, status: SyncStatus) -> None:
        self._status_loading = False
        self.status = status
        self.status_changed.emit(status)
        if self._status_dirty:
            self.refresh_status()
        elif self._sync_when_known:
            self._sync_when_known = False
            if status.registered:
                self.sync_now(background=True)

    def _status_failed(self, exc: BaseException) -> None:
        self._status_loading = False
        # Never a dialog every few minutes: the log has it, the next read retries.
        log.error("sync status could not be read", exc_info=exc)
        if self._status_dirty:
            self.refresh_status()

    def _changed(self, changes: Changes) -> None:
        """An operation changed data (the change hub)."""
        if changes.settings:
            self._settings_changed()
        elif changes.touches_dossiers or changes.complaints:
            self.refresh_status()  # the number of pending changes moved

    # -- syncing -----------------------------------------------------------------------

    def _tick(self) -> None:
        self.refresh_status()
        if self.is_registered():
            self.sync_now(background=True)

    def sync_now(self, *, background: bool = False) -> bool:
        """Start a sync unless one is running (False then). ``background``: a
        scheduled one; its failures are only shown in the status."""
        if self._busy:
            return False
        server_url = self.current_settings.server_url
        if not server_url or (self.status is not None and not self.status.registered):
            if not background:
                self._fail(SyncError("not_registered"))
            return False
        self._busy = True
        self._background = background
        self._cancel = threading.Event()
        self.probe_timer.stop()
        self.sync_started.emit(background)
        self._progressed(STAGE_CONNECT, 0, 0)
        self._start_probe(server_url, _BEFORE_SYNC)
        return True

    def cancel(self) -> None:
        """Ask the running sync to stop (between two committed steps)."""
        if self._busy and not self._cancel.is_set():
            self._cancel.set()
            self.sync_progress.emit(*(self.stage or (STAGE_CONNECT, 0, 0)))

    def check_connection(self) -> None:
        """Probe the server now (off the GUI thread); a sync follows if it is
        back after being unreachable."""
        if self._busy or self._probing:
            return
        server_url = self.current_settings.server_url
        if server_url:
            self._start_probe(server_url, _RECONNECT)

    def _start_probe(self, server_url: str, purpose: str) -> None:
        self._probing = True
        self._pool.start(_ProbeJob(self._probe, server_url, self._relay, purpose))

    def _probed(self, reachable: bool, purpose: object) -> None:
        self._probing = False
        if purpose == _RECONNECT:
            was_offline = self.online is False
            self._set_online(reachable)
            if reachable and was_offline and not self._busy:
                log.info("the sync server answers again: syncing")
                self.sync_now(background=True)
            return
        if not self._busy:
            return
        if self._cancel.is_set():
            self._done(SyncResult(cancelled=True))
            return
        if not reachable:
            self._fail(SyncError("server_unreachable", reason="no_answer"))
            return
        # Connected: the sync now waits for its turn on the serial lane.
        self._progressed(STAGE_CONNECT, 1, 1)
        self.runner.run_change(
            sync_job,
            self.sync,
            self._relay,
            self._cancel,
            getattr(self.services, "attachments", None),
            on_done=self._done,
            on_error=self._fail,
        )

    def _progressed(self, stage: str, done: int, total: int) -> None:
        self.stage = (stage, done, total)
        self.sync_progress.emit(stage, done, total)

    def _done(self, result: SyncResult) -> None:
        self._busy = False
        self.stage = None
        self.last_result = result
        if not result.cancelled:
            self.last_failure = None
            self.last_failure_at = None
            self._set_online(True)
        log.info("sync: %s", result.to_json())
        # What the sync changed was announced on the change hub before this.
        self.sync_finished.emit(result)
        self.refresh_status()

    def _fail(self, exc: BaseException) -> None:
        self._busy = False
        self.stage = None
        self.last_failure = exc
        self.last_failure_at = self.clock()
        if isinstance(exc, SyncError):
            log.info("sync failed: %s", exc.describe())
            if exc.code == "server_unreachable":
                self._set_online(False)
            elif exc.code not in ("not_registered",):
                self._set_online(True)  # something answered
        else:
            log.error("sync failed unexpectedly", exc_info=exc)
        self.sync_failed.emit(exc)
        self.refresh_status()

    # -- after other work ------------------------------------------------------------------

    def device_registered(self) -> None:
        """The device was just registered: read the status and sync."""
        self.last_failure = None
        self.last_failure_at = None
        self.online = None
        self.read_settings()
        self._sync_when_known = True
        self.refresh_status()


__all__ = [
    "PROBE_INTERVAL_MS",
    "REASONS",
    "STAGE_CONNECT",
    "SyncController",
    "probe_server",
    "reason_text",
    "sync_error_text",
    "sync_job",
    "sync_service_of",
]
