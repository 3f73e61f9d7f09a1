"""Provinces and provincial reviewers.

A unit belongs to at most one province (``units.province``). A reviewer holds
a bearer token, shown once and stored as its SHA-256 like a device's, that
reads the reports of its province only. A device token is not a reviewer's:
it gets ``forbidden`` (403), not ``credential_invalid``, so a misconfigured
client learns what is wrong.
"""

from __future__ import annotations

import hmac
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from hcc_desktop.core.errors import FieldError, NotFound, SyncError, ValidationError
from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.models import Device, Reviewer, Unit
from hcc_desktop.server.store import PROVINCE_CODE, bearer_digest, sha256_hex, utc_now


def check_province(province: str) -> str:
    province = province.strip()
    if not PROVINCE_CODE.match(province):
        raise ValidationError([FieldError("province", "province_code_format")])
    return province


@dataclass(frozen=True)
class ReviewerInfo:
    id: str
    province: str
    name: str
    created_at: datetime
    revoked_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "province": self.province,
            "name": self.name,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "revoked_at": self.revoked_at.isoformat(timespec="seconds")
            if self.revoked_at
            else None,
        }


@dataclass(frozen=True)
class ReviewerIdentity:
    id: str
    province: str


def _info(row: Reviewer) -> ReviewerInfo:
    return ReviewerInfo(row.id, row.province, row.name, row.created_at, row.revoked_at)


class Provinces:
    """Province membership of units and reviewers' credentials, one transaction per call."""

    def __init__(self, db: ServerDatabase, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock

    def set_province(self, unit_code: str, province: str | None) -> None:
        """Put a known unit in ``province`` (None: in none)."""
        if province is not None:
            province = check_province(province)
        with self.db.write(serialise=False) as s:
            unit = s.get(Unit, unit_code.strip())
            if unit is None:
                raise NotFound("unit_not_found", unit=unit_code)
            unit.province = province

    def add_reviewer(self, province: str, name: str = "") -> tuple[ReviewerInfo, str]:
        """A new reviewer of ``province``; returns it and its token (shown only now)."""
        province = check_province(province)
        token = secrets.token_urlsafe(32)
        row = Reviewer(
            id=f"reviewer-{secrets.token_hex(6)}",
            province=province,
            name=unicodedata.normalize("NFC", name.strip())[:200],
            token_hash=sha256_hex(token),
            created_at=self.clock(),
        )
        with self.db.write(serialise=False) as s:
            s.add(row)
        return _info(row), token

    def revoke_reviewer(self, reviewer_id: str) -> ReviewerInfo:
        with self.db.write(serialise=False) as s:
            row = s.get(Reviewer, reviewer_id)
            if row is None:
                raise NotFound("reviewer_not_found", reviewer_id=reviewer_id)
            if row.revoked_at is None:
                row.revoked_at = self.clock()
            return _info(row)

    def reviewers(self, province: str | None = None) -> list[ReviewerInfo]:
        with self.db.read() as s:
            query = select(Reviewer).order_by(Reviewer.province, Reviewer.created_at)
            if province:
                query = query.where(Reviewer.province == province)
            return [_info(r) for r in s.scalars(query)]

    def authenticate(self, authorization: str | None) -> ReviewerIdentity:
        """The reviewer behind ``Authorization: Bearer …``; ``forbidden`` for a device's token."""
        digest = bearer_digest(authorization)
        with self.db.read() as s:
            row = s.scalars(select(Reviewer).where(Reviewer.token_hash == digest)).first()
            if row is None:
                if s.scalars(select(Device.id).where(Device.token_hash == digest)).first():
                    raise SyncError("forbidden", detail="a device's token cannot read reports")
                raise SyncError("credential_invalid")
        if not hmac.compare_digest(row.token_hash, digest):
            raise SyncError("credential_invalid")
        if row.revoked_at is not None:
            raise SyncError("credential_revoked", detail="this reviewer has been revoked")
        return ReviewerIdentity(row.id, row.province)


__all__ = ["PROVINCE_CODE", "Provinces", "ReviewerIdentity", "ReviewerInfo", "check_province"]
