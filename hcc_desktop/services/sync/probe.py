"""Is the sync server there at all? A cheap probe the app runs before a sync."""

from __future__ import annotations

import os
import ssl

from hcc_desktop.services.sync.client import CA_ENV, is_tls_failure

HEALTH_PATH = "/api/v1/health"
PROBE_TIMEOUT_S = 3.0


def _verify() -> ssl.SSLContext | bool:
    ca = os.environ.get(CA_ENV)
    if not ca:
        return True
    try:
        return ssl.create_default_context(cafile=ca)
    except (OSError, ssl.SSLError):
        return True  # the sync itself reports the bad CA file as tls_error


def probe_server(server_url: str, timeout: float = PROBE_TIMEOUT_S) -> bool:
    """True when the server answers HTTP at all. Any answer counts (even an
    error status or a failed certificate check): the network is there, and the
    sync itself then tells what is wrong."""
    import httpx  # on first probe: it costs start-up time

    try:
        with httpx.Client(verify=_verify(), timeout=timeout) as client:
            client.get(server_url.rstrip("/") + HEALTH_PATH)
    except httpx.TransportError as exc:
        return is_tls_failure(exc)
    except (httpx.HTTPError, ValueError, OSError):
        return False
    return True
