"""The task runner: service calls off the GUI thread, results back on it.

Database writes and reportlab are not safe to run concurrently, so every task
goes through one serial lane (a QThreadPool with a single thread). A task's
result or exception is carried back by the signals of a small QObject that
lives on the GUI thread, so the callbacks always run on the GUI thread, where
widgets may be touched.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from hcc_desktop.core.changes import changes_of
from hcc_desktop.ui.common.changes import announce

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], object]
ErrorCallback = Callable[[BaseException], object]
ProgressCallback = Callable[[int, int], None]

# Fewer progress updates than this apart are merged: a service may report
# thousands of steps, the dialog only needs to move smoothly.
_PROGRESS_INTERVAL_S = 0.05


class TaskHandle:
    """A submitted task: lets the caller cancel it and see whether it finished."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cancel_event = threading.Event()
        self.finished = False

    def cancel(self) -> None:
        """Ask the task to stop; the service sees it through its ``cancel`` flag."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


def _alive(callback: Callable[..., Any]) -> bool:
    """False when ``callback`` is a method of a Qt object already deleted."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Carrier(QObject):
    """Carries one task's outcome from the worker thread to the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(
        self,
        runner: TaskRunner,
        handle: TaskHandle,
        on_done: DoneCallback | None,
        on_error: ErrorCallback | None,
        on_cancelled: Callable[[], object] | None,
    ) -> None:
        super().__init__()
        self._runner = runner
        self.handle = handle
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancelled = on_cancelled
        self._last_progress = 0.0
        self.progress_dialog: QProgressDialog | None = None
        self.stopping_text = ""
        # An operation: what its result says it changed is announced before on_done.
        self.announces = False
        # The job's function and arguments, held here until the outcome is delivered.
        self.work: tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]] | None = None
        # Queued: the slots run on this object's (the GUI) thread.
        self.succeeded.connect(self._deliver_result, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    def release(self) -> None:
        """Drop the callbacks, the function and its arguments once the outcome has
        been delivered (on the GUI thread)."""
        self._on_done = self._on_error = self._on_cancelled = None
        self.work = None

    # -- worker side ---------------------------------------------------------

    def report_progress(self, done: int, total: int) -> None:
        """The ``progress`` callback given to the service; thread-safe."""
        now = time.monotonic()
        if done < total and now - self._last_progress < _PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        self.progressed.emit(int(done), int(total))

    # -- GUI side ------------------------------------------------------------

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is None or not shiboken6.isValid(dialog) or self.handle.cancelled:
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)

    @Slot()
    def cancel_requested(self) -> None:
        """The Cancel button of the progress dialog."""
        self.handle.cancel()
        dialog = self.progress_dialog
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.setLabelText(self.stopping_text)

    def _close_progress(self) -> None:
        dialog = self.progress_dialog
        self.progress_dialog = None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.canceled.disconnect()
            dialog.close()
            dialog.deleteLater()

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        self._close_progress()
        try:
            if self.announces:
                # Announced even when the waiting widget is gone: the data did change.
                announce(changes_of(result))
            if self._on_done is not None and _alive(self._on_done):
                self._on_done(result)
        finally:
            self._runner._finished(self)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        self._close_progress()
        try:
            if self.handle.cancelled:
                log.debug("task %s stopped after cancel: %r", self.handle.name, exc)
                if self._on_cancelled is not None and _alive(self._on_cancelled):
                    self._on_cancelled()
            elif self._on_error is not None and _alive(self._on_error):
                self._on_error(exc)
            else:
                self._runner._unhandled_error(exc)
        finally:
            self._runner._finished(self)


class _Job(QRunnable):
    """Runs ``fn(*args, **kwargs)`` on the worker thread.

    The carrier (GUI thread) holds the function and its arguments too, until the outcome
    has been delivered: the job drops its own references before it reports, so that the
    last reference to a widget the function is bound to (a window with no parent closed
    meanwhile) is never let go of on the worker thread, which would delete the widget
    there (an abort in Qt: "pure virtual method called")."""

    def __init__(
        self, carrier: _Carrier, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._carrier = carrier
        carrier.work = (fn, args, kwargs)
        self._work: tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]] | None = (
            fn,
            args,
            kwargs,
        )

    def run(self) -> None:
        assert self._work is not None
        fn, args, kwargs = self._work
        self._work = None
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:
            del fn, args, kwargs
            self._carrier.failed.emit(exc)
        else:
            del fn, args, kwargs
            self._carrier.succeeded.emit(result)


class TaskRunner(QObject):
    """The one place where service calls leave the GUI thread.

    ``run(fn, *args, on_done=…, on_error=…, **kwargs)`` queues ``fn`` on the
    serial lane. ``on_done(result)`` or ``on_error(exc)`` is then called on the
    GUI thread; pass bound methods of the widget waiting for the result (they
    are skipped if that widget was deleted meanwhile). Without ``on_error``,
    failures go to the error dialog (hcc_desktop.ui.common.errors.show_error).
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # Keeps each carrier alive until its outcome has been delivered.
        self._pending: set[_Carrier] = set()

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def is_busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        **kwargs: Any,
    ) -> TaskHandle:
        """Queue ``fn(*args, **kwargs)`` on the serial lane."""
        return self._submit(fn, args, kwargs, on_done, on_error, None)

    def run_change(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        **kwargs: Any,
    ) -> TaskHandle:
        """Queue an operation (a mutating service call) on the serial lane.

        ``fn`` returns what the service returned: a ``Changes``, or a result that
        carries one (``result.changes``: hcc_desktop/core/changes.py ``changes_of``).
        The change hub announces it once, then ``on_done(result)`` is called.
        Screens refresh from the hub's ``changed`` signal, so no caller notifies
        them by hand, and no UI code decides what a write changed.
        """
        handle = TaskHandle(getattr(fn, "__qualname__", repr(fn)))
        carrier = _Carrier(self, handle, on_done, on_error, None)
        carrier.announces = True
        return self._start(carrier, fn, args, kwargs)

    def run_with_progress(
        self,
        fn: Callable[..., Any],
        *args: Any,
        label: str,
        parent: QWidget | None = None,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_cancelled: Callable[[], object] | None = None,
        **kwargs: Any,
    ) -> TaskHandle:
        """Queue long work with a progress dialog that can cancel it.

        ``fn`` receives two more keyword arguments: ``progress(done, total)``, a
        plain callable it should call now and then (``total`` 0 = unknown), and
        ``cancel``, a ``threading.Event`` it should check and stop when set.
        Whatever ``fn`` returns goes to ``on_done`` (``handle.cancelled`` tells
        whether it stopped early); if it raises after a cancel, ``on_cancelled``
        is called instead of ``on_error``.
        """
        handle = TaskHandle(getattr(fn, "__qualname__", repr(fn)))
        carrier = _Carrier(self, handle, on_done, on_error, on_cancelled)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(QCoreApplication.applicationName())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        # Quick work finishes before the dialog would flash on screen.
        dialog.setMinimumDuration(400)
        carrier.progress_dialog = dialog
        carrier.stopping_text = self.tr("Stopping…")
        # Not a lambda capturing the dialog: that crashes PySide when it is destroyed.
        dialog.canceled.connect(carrier.cancel_requested)
        kwargs = {**kwargs, "progress": carrier.report_progress, "cancel": handle.cancel_event}
        return self._start(carrier, fn, args, kwargs)

    def _submit(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        on_done: DoneCallback | None,
        on_error: ErrorCallback | None,
        on_cancelled: Callable[[], object] | None,
    ) -> TaskHandle:
        handle = TaskHandle(getattr(fn, "__qualname__", repr(fn)))
        carrier = _Carrier(self, handle, on_done, on_error, on_cancelled)
        return self._start(carrier, fn, args, kwargs)

    def _start(
        self,
        carrier: _Carrier,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> TaskHandle:
        was_idle = not self._pending
        self._pending.add(carrier)
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(_Job(carrier, fn, args, kwargs))
        return carrier.handle

    def _finished(self, carrier: _Carrier) -> None:
        carrier.handle.finished = True
        # Let go of the callbacks here, on the GUI thread: the carrier's wrapper is
        # freed later with its job, on the worker thread, and a callback bound to a
        # window with no parent could be the last reference to it, deleting the
        # window there (a crash in shiboken's deferred deletion).
        carrier.release()
        self._pending.discard(carrier)
        carrier.deleteLater()
        # A runner owned by a window closed while its job ran (the start-up history
        # check) is gone on the C++ side: nobody is left to hear that it is idle.
        if not self._pending and shiboken6.isValid(self):
            self.busy_changed.emit(False)

    def _unhandled_error(self, exc: BaseException) -> None:
        from hcc_desktop.ui.common.errors import show_error

        show_error(QApplication.activeWindow(), exc)

    def wait_idle(self, timeout_ms: int = -1) -> bool:
        """Block until every queued task has run and its outcome was delivered.

        Used at shutdown so that a dossier being saved is committed before the
        process ends. Returns False if ``timeout_ms`` passed first.
        """
        if not self._pool.waitForDone(timeout_ms):
            return False
        # Outcomes were posted to this thread as queued calls: deliver them now.
        QCoreApplication.sendPostedEvents()
        return True


_shared: TaskRunner | None = None


def shared_runner() -> TaskRunner:
    """The application's runner, for windows opened without one."""
    global _shared
    if _shared is None or not shiboken6.isValid(_shared):
        _shared = TaskRunner(QCoreApplication.instance())
    return _shared
