"""The sync server's in-memory rate limiter, on a fake clock."""

from __future__ import annotations

import pytest

from hcc_desktop.server import limits
from hcc_desktop.server.limits import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_limit_holds_for_a_minute_after_the_oldest_failure() -> None:
    clock = Clock()
    limiter = RateLimiter(3, clock=clock)
    for _ in range(3):
        assert limiter.retry_after("ip:1") is None
        limiter.hit("ip:1")
        clock.now += 10
    assert limiter.retry_after("ip:1") == 30  # the first failure was 30 s ago
    assert limiter.retry_after("ip:2") is None  # others are not affected
    assert limiter.retry_after("ip:2", "ip:1") == 30  # any key at its limit
    clock.now += 30
    assert limiter.retry_after("ip:1") is None


def test_zero_is_no_limit() -> None:
    limiter = RateLimiter(0)
    for _ in range(100):
        limiter.hit("ip:1")
    assert limiter.retry_after("ip:1") is None


def test_memory_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_KEYS", 50)
    limiter = RateLimiter(2, clock=Clock())
    for n in range(500):
        limiter.hit(f"ip:{n}")
    assert len(limiter._hits) <= 50
