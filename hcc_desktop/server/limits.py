"""Rate limits of the sync server, in memory per process (docs/sync.md, "Limits").

Failures (an unknown, used or expired enrolment code, a device id taken, an
unknown or revoked token) are counted per client address and per code or
token over a sliding minute; past the limit, further attempts get 429 with
``Retry-After`` until the oldest failure leaves the window. Registrations are
counted per client address whatever their outcome. Each server process
counts on its own: with N processes behind one address an attacker gets at
most N times the limit, still far too few to guess an 80-bit code or a
256-bit token.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

DEFAULT_FAILURE_LIMIT = 10  # per minute, per client address and per code/token
DEFAULT_REGISTRATION_LIMIT = 30  # per minute, per client address
WINDOW_SECONDS = 60.0
# Beyond this many keys, the oldest are dropped: a flood of addresses or
# tokens cannot grow the server's memory without bound.
MAX_KEYS = 100_000


class RateLimiter:
    """At most ``limit`` hits per key in a sliding ``window`` of seconds (0: unlimited)."""

    def __init__(
        self,
        limit: int,
        *,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, *keys: str) -> int | None:
        """Seconds until any of ``keys`` may try again, or None when all may now."""
        if self.limit <= 0:
            return None
        now = self._clock()
        wait = 0.0
        with self._lock:
            for key in keys:
                hits = self._recent(key, now)
                if hits is not None and len(hits) >= self.limit:
                    wait = max(wait, hits[0] + self.window - now)
        return max(1, math.ceil(wait)) if wait > 0 else None

    def hit(self, *keys: str) -> None:
        """Count one attempt (a failure, a registration) for each of ``keys``."""
        if self.limit <= 0:
            return
        now = self._clock()
        with self._lock:
            for key in keys:
                hits = self._recent(key, now)
                if hits is None:
                    if len(self._hits) >= MAX_KEYS:
                        self._prune(now)
                    hits = self._hits[key] = deque()
                hits.append(now)
                while len(hits) > self.limit:
                    hits.popleft()

    def _recent(self, key: str, now: float) -> deque[float] | None:
        hits = self._hits.get(key)
        if hits is None:
            return None
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        return hits

    def _prune(self, now: float) -> None:
        for key in list(self._hits):
            if not self._recent(key, now):
                del self._hits[key]
        while len(self._hits) >= MAX_KEYS:  # all recent: drop the oldest keys
            del self._hits[next(iter(self._hits))]


__all__ = [
    "DEFAULT_FAILURE_LIMIT",
    "DEFAULT_REGISTRATION_LIMIT",
    "RateLimiter",
]
