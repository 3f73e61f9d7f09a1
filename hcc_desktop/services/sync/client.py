"""HTTP to the sync server (TLS, requests, error mapping) and the base of the sync service."""

from __future__ import annotations

import ipaddress
import logging
import os
import ssl
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

from hcc_desktop import __version__
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.errors import SyncError
from hcc_desktop.core.formats import wire_json
from hcc_desktop.core.version import PROTOCOL_HEADER, PROTOCOL_VERSION, VERSION_HEADER
from hcc_desktop.db.engine import Database
from hcc_desktop.services.catalog import CatalogService
from hcc_desktop.services.session import OfficerSession
from hcc_desktop.services.settings import SettingsService

if TYPE_CHECKING:
    import httpx

    from hcc_desktop.services.sync.credentials import Credential

from hcc_desktop.services.sync.results import Progress
from hcc_desktop.services.sync.state import LAST_ERROR, set_state

log = logging.getLogger(__name__)


def lazy_httpx() -> Any:
    """httpx, imported on first network use (it costs start-up time)."""
    import httpx

    return httpx


def load_credential(device_id: str) -> Credential | None:
    # keyring and its backends load on first use: they cost start-up time.
    from hcc_desktop.services.sync import credentials

    return credentials.load_credential(device_id)


def store_credential(device_id: str, token: str, bundle_key: str) -> None:
    from hcc_desktop.services.sync import credentials

    credentials.store_credential(device_id, token, bundle_key)


CA_ENV = "HCC_SYNC_CA"
DEFAULT_TIMEOUT = 30.0

# What this device tells the server it runs (module attributes: tests play an old device).
DEVICE_VERSION = __version__
DEVICE_PROTOCOL = PROTOCOL_VERSION

# Error codes of the server passed through as they are.
PASSED_THROUGH = {
    "device_too_old",
    "credential_revoked",
    "credential_invalid",
    "enrolment_code_invalid",
    "enrolment_code_used",
    "enrolment_code_expired",
    "no_free_slot",
    "unit_mismatch",
    "device_id_taken",
    "rate_limited",
    "device_key_mismatch",
    "chain_head_invalid",
}


class SyncRun(NamedTuple):
    """What one sync's push and pull share."""

    client: httpx.Client
    ahead: ThreadPoolExecutor  # the helper thread that works a step ahead
    totals: dict[str, int]
    progress: Progress
    cancel: Callable[[], bool]


def is_loopback_url(url: str) -> bool:
    """Whether ``url`` names this computer: ``localhost``, 127.0.0.0/8 or ``::1``."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_transport(url: str, allow_insecure_http: bool) -> None:
    """Refuse ``http://`` to anything but this computer (``insecure_http``), unless
    the settings allow it (``allow-insecure-http``): the token and the unit's
    dossiers would travel readable and alterable by anyone on the network."""
    if not url.lower().startswith("http://") or is_loopback_url(url):
        return
    if not allow_insecure_http:
        raise SyncError("insecure_http", url=url)
    log.warning("syncing over plain http:// with %s (allow-insecure-http is set)", url)


def is_tls_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    return "[SSL" in text or "CERTIFICATE_VERIFY_FAILED" in text


class SyncBase:
    """What every part of the sync service shares: the store, the settings, HTTP."""

    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        catalog: CatalogService,
        clock: Callable[[], datetime] = local_now,
        ca_file: Path | str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        session: OfficerSession | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        # The store's officer session (the settings' unless given): registering the
        # device and settling conflicts are the administrator's (core/permissions).
        self._session = session if session is not None else settings.session
        self._catalog = catalog
        self._clock = clock
        self._ca_file = ca_file
        self._timeout = timeout
        self._ssl: tuple[str, ssl.SSLContext] | None = None
        self._running = threading.Lock()

    # -- HTTP ------------------------------------------------------------------------------

    def _verify(self) -> ssl.SSLContext:
        """The TLS context: the CA file when one is configured, else certifi's
        roots; built once per CA (loading a trust store takes tens of ms)."""
        ca = str(self._ca_file or os.environ.get(CA_ENV) or "")
        if self._ssl is None or self._ssl[0] != ca:
            try:
                context = (
                    ssl.create_default_context(cafile=ca)
                    if ca
                    else lazy_httpx().create_ssl_context()
                )
            except (OSError, ssl.SSLError) as exc:
                raise SyncError("tls_error", ca_file=ca, detail=str(exc)) from exc
            self._ssl = (ca, context)
        return self._ssl[1]

    def _client(self, server_url: str, token: str | None = None) -> httpx.Client:
        check_transport(server_url, self._settings.load().allow_insecure_http)
        # Every request says which version and sync protocol this device runs:
        # a server newer than the device's protocol refuses it (device_too_old).
        headers = {
            "User-Agent": f"hcc-desktop/{DEVICE_VERSION}",
            VERSION_HEADER: DEVICE_VERSION,
            PROTOCOL_HEADER: str(DEVICE_PROTOCOL),
        }
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return lazy_httpx().Client(
            base_url=server_url,
            headers=headers,
            verify=self._verify(),
            timeout=lazy_httpx().Timeout(self._timeout, connect=min(self._timeout, 10.0)),
        )

    @staticmethod
    def _call(client: httpx.Client, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = client.request(method, path, **kwargs)
        except lazy_httpx().TimeoutException as exc:
            raise SyncError("server_unreachable", reason="timeout", detail=str(exc)) from exc
        except lazy_httpx().TransportError as exc:
            if is_tls_failure(exc):
                raise SyncError("tls_error", detail=str(exc)) from exc
            raise SyncError("server_unreachable", detail=str(exc) or type(exc).__name__) from exc
        try:
            body = wire_json.loads(response.content)
        except ValueError:
            body = None
        status = response.status_code
        if status >= 500:
            raise SyncError("server_error", status=status)
        if status >= 400:
            code = body.get("error") if isinstance(body, dict) else None
            detail = body.get("detail", "") if isinstance(body, dict) else response.text[:200]
            if code in PASSED_THROUGH:
                params = body.get("params") if isinstance(body, dict) else None
                if not isinstance(params, dict):
                    params = {}
                raise SyncError(str(code), **{str(k): str(v) for k, v in params.items()})
            if code == "credential_missing":
                raise SyncError("credential_invalid")
            raise SyncError(
                "server_rejected", reason=str(code or f"http_{status}"), detail=str(detail)
            )
        if not isinstance(body, dict):
            raise SyncError("server_error", status=status, detail="response is not a JSON object")
        return body

    # -- errors -------------------------------------------------------------------------------

    def _record_error(self, exc: SyncError) -> None:
        entry = {
            "code": exc.code,
            "at": self._clock().isoformat(timespec="seconds"),
            "params": {k: str(v) for k, v in exc.params.items()},
        }
        with self._db.write() as s:
            set_state(s, LAST_ERROR, entry)

    def _credential(self) -> tuple[str, Credential]:
        settings = self._settings.load()
        credential = load_credential(settings.device_id)
        if not settings.server_url or credential is None:
            raise SyncError("not_registered")
        return settings.server_url, credential
