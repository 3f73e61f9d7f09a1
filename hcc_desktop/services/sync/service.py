"""Device side of the offline-first batch sync with the central server (docs/sync.md).

How a sync runs
---------------
1. Push. The outbox is sent oldest first in batches of at most
   ``PUSH_BATCH`` items. A batch (its ``batch_id`` and the exact items) is
   written to ``sync_state["push_batch"]`` *before* it is sent, and removed
   in the transaction that records its results; so a batch whose response was
   lost (timeout, dropped connection, the process killed) is sent again with
   the same ``batch_id`` and the server, which keeps the response of every
   committed batch, replays it instead of applying it twice.
   Results, in one local transaction (which also takes and saves the next
   batch): a dossier ``applied``/``duplicate`` gets its ``server_rev``; its
   outbox row is deleted only if the dossier is still exactly what was sent
   (a dossier changed again meanwhile stays queued and goes with the next
   batch). Events and ratings are immutable: deleted.
   ``conflict``: a ``sync_conflicts`` row with both versions; the outbox row
   stays (the local change has not reached the server) but conflicted
   dossiers are held back from pushes until an officer resolves them.
   ``rejected``: the outbox row is deleted, so that a record the server will
   never take does not block the queue or loop forever, and the item (kind,
   id, dossier code, reason) is kept in ``sync_state["rejected"]`` for the
   officer and the administrator to see (``status().rejected``,
   ``rejected_items()``). The row itself stays in the local store.
2. Pull. Pages of ``GET /changes`` until ``more`` is false; each page and its
   cursor are applied in one local transaction (``sync.apply.apply_page``).
   ``calendar`` and ``unit_settings`` documents go through the settings
   service just before their page's transaction: they are whole documents,
   so applying one again after a crash is harmless. Nothing pulled is queued
   in the outbox.

``cancel`` is checked between batches and pages, so a cancelled sync stops
between two committed steps. Every failure is a SyncError with a code (see
``ERROR_CODES``), recorded with its time in ``sync_state["last_error"]``.

Events or ratings pulled before their dossier (the dossier's latest revision
can come in a later page) wait in ``sync_state["parked"]``; records the
device cannot take (malformed, another unit's, a code already used here) are
listed in ``sync_state["pull_skipped"]``.

TLS: ``https://`` servers are verified against certifi's public roots; a
private CA (self-signed server certificate) is given with the ``HCC_SYNC_CA``
environment variable (a PEM file) or ``ca_file=``.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from hcc_desktop.core.errors import SyncError
from hcc_desktop.services.sync.bundles import BundlesMixin
from hcc_desktop.services.sync.client import CA_ENV, SyncRun, is_tls_failure
from hcc_desktop.services.sync.conflicts import ConflictsMixin
from hcc_desktop.services.sync.pull import PULL_PAGE, PullMixin
from hcc_desktop.services.sync.push import PUSH_BATCH
from hcc_desktop.services.sync.registration import RegistrationMixin
from hcc_desktop.services.sync.results import (
    ERROR_CODES,
    AccountClash,
    FieldDifference,
    Progress,
    RegistrationResult,
    RejectedItem,
    SyncConflict,
    SyncResult,
    SyncStatus,
    to_result,
)
from hcc_desktop.services.sync.state import LAST_ERROR, LAST_SYNC, drop_state, set_state


class SyncService(RegistrationMixin, BundlesMixin, PullMixin, ConflictsMixin):
    """Registration, push/pull, conflicts and bundles of this device (one module per part)."""

    # -- sync ---------------------------------------------------------------------------------

    def sync(
        self,
        *,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> SyncResult:
        """Push the outbox, then pull the unit's changes.

        ``progress(phase, done, total)``: phase ``"push"`` (items sent so far,
        pending at the start) or ``"pull"`` (changes applied so far, total 0:
        unknown). ``cancel()`` is asked between batches and pages. Two calls on
        one service run one after the other.
        """
        with self._running:
            try:
                return self._sync(progress or (lambda _p, _d, _t: None), cancel or (lambda: False))
            except SyncError as exc:
                self._record_error(exc)
                raise

    def _sync(self, progress: Progress, cancel: Callable[[], bool]) -> SyncResult:
        server_url, credential = self._credential()
        totals = {"pushed": 0, "pulled": 0, "conflicts": 0, "rejected": 0, "duplicates": 0}
        # One helper thread works a step ahead: it reads and encodes the next
        # push batch while the server applies this one, and fetches the next
        # page of changes while this one is written. Only reads and requests
        # run ahead; what is saved or committed is decided here, in order.
        with (
            self._client(server_url, credential.token) as client,
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="hcc-sync-ahead") as ahead,
        ):
            if cancel():
                return to_result(totals, cancelled=True)
            run = SyncRun(client, ahead, totals, progress, cancel)
            if not self._push(run) or not self._pull(run):
                return to_result(totals, cancelled=True)
        progress("pull", totals["pulled"], totals["pulled"])
        with self._db.write() as s:
            set_state(s, LAST_SYNC, self._clock().isoformat(timespec="seconds"))
            drop_state(s, LAST_ERROR)
        return to_result(totals)


__all__ = [
    "CA_ENV",
    "ERROR_CODES",
    "PULL_PAGE",
    "PUSH_BATCH",
    "AccountClash",
    "FieldDifference",
    "RegistrationResult",
    "RejectedItem",
    "SyncConflict",
    "SyncResult",
    "SyncService",
    "SyncStatus",
    "is_tls_failure",
]
