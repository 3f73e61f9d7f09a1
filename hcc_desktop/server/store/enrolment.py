"""Enrolment codes, device registration, authentication and revocation."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Sequence
from datetime import timedelta

from cryptography.fernet import Fernet
from sqlalchemy import (
    select,
)
from sqlalchemy.orm import Session

from hcc_desktop.core.chain import valid_public_key
from hcc_desktop.core.errors import FieldError, NotFound, SyncError, ValidationError
from hcc_desktop.core.text import nfc
from hcc_desktop.server.models import (
    Device,
    EnrolmentCode,
    Unit,
)
from hcc_desktop.server.store.common import (
    CODE_ALPHABET,
    CODE_LENGTH,
    DEVICE_ID,
    DEVICE_SLOTS,
    ENROLMENT_VALID_DAYS,
    PROVINCE_CODE,
    TOUCH_INTERVAL,
    UNIT_CODE,
    DeviceIdentity,
    DeviceInfo,
    EnrolmentTicket,
    Registration,
    StoreBase,
    bad_request,
    bearer_digest,
    device_info,
    format_code,
    normalise_enrolment_code,
    sha256_hex,
)


class EnrolmentMixin(StoreBase):
    # enrolment and devices ------------------------------------------------------------

    def enrol(
        self,
        unit_code: str,
        *,
        unit_name: str | None = None,
        valid_for: timedelta = timedelta(days=ENROLMENT_VALID_DAYS),
        province: str | None = None,
    ) -> EnrolmentTicket:
        """Create a one-time enrolment code for ``unit_code`` (the unit is created if new).

        ``province``: put the unit in that province (kept when not given).
        """
        unit_code = unit_code.strip()
        if not UNIT_CODE.match(unit_code):
            raise ValidationError([FieldError("unit_code", "unit_code_format")])
        if province is not None:
            province = province.strip()
            if not PROVINCE_CODE.match(province):
                raise ValidationError([FieldError("province", "province_code_format")])
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        now = self.clock()
        with self.db.write() as s:
            unit = self._ensure_unit(s, unit_code, unit_name)
            if province is not None:
                unit.province = province
            s.add(
                EnrolmentCode(
                    code_hash=sha256_hex(raw),
                    unit_code=unit_code,
                    created_at=now,
                    expires_at=now + valid_for,
                )
            )
        return EnrolmentTicket(format_code(raw), unit_code, now + valid_for)

    def _ensure_unit(self, s: Session, unit_code: str, name: str | None) -> Unit:
        unit = s.get(Unit, unit_code)
        if unit is None:
            unit = Unit(code=unit_code, name=nfc(name or ""), created_at=self.clock())
            s.add(unit)
            # No ORM relationships: rows referring to the unit must find it flushed.
            s.flush()
        elif name:
            unit.name = nfc(name)
        return unit

    def register(
        self,
        code: str,
        device_id: str,
        device_name: str,
        held_units: Sequence[str] = (),
        authorization: str | None = None,
        public_key: str | None = None,
    ) -> Registration:
        """Enrol a device with a one-time code; a known active device keeps its slot.

        ``held_units``: the units of the dossiers the device already holds. A
        device holding another unit's dossiers is refused (``unit_mismatch``)
        before the code is used: the code stays good for the right device.

        A device id belongs to its credential: an active device registers
        again (keeping its slot and bundle key) only with its current token in
        ``authorization`` (``Bearer …``). Anyone else naming that id is refused
        with ``device_id_taken`` (409), the code left unused, and the real
        device keeps working. A revoked device's id is free again (with a new
        bundle key).

        ``public_key``: the device's Ed25519 key for its signed chain heads
        (base64; kept with the device, replacing the one held).
        """
        if not DEVICE_ID.match(device_id):
            raise bad_request("device_id must be 1-64 letters, digits, '.', '_', '-'")
        if public_key is not None and not valid_public_key(public_key):
            raise bad_request("public_key must be a base64 Ed25519 public key")
        name = nfc(device_name)[:200]
        now = self.clock()
        token = secrets.token_urlsafe(32)
        with self.db.write() as s:
            ticket = s.get(EnrolmentCode, sha256_hex(normalise_enrolment_code(code)))
            if ticket is None:
                raise SyncError("enrolment_code_invalid")
            if ticket.used_at is not None:
                raise SyncError("enrolment_code_used")
            if now >= ticket.expires_at:
                raise SyncError("enrolment_code_expired")
            unit_code = ticket.unit_code
            foreign = sorted(set(held_units) - {unit_code})
            if foreign:
                raise SyncError("unit_mismatch", device_unit=foreign[0], server_unit=unit_code)
            device = s.get(Device, device_id)
            if device is not None and device.revoked_at is None:
                if not self._holds_credential(device, authorization):
                    raise SyncError("device_id_taken", device_id=device_id)
                if device.unit_code != unit_code:
                    raise bad_request(
                        f"device {device_id} is enrolled in unit {device.unit_code}; "
                        "revoke it there first"
                    )
                device.token_hash = sha256_hex(token)
                device.name = name or device.name
                device.registered_at = now
                # Its chain continues: only the key that signs its heads changes.
                if public_key is not None:
                    device.public_key = public_key
            else:
                held = set(
                    s.scalars(
                        select(Device.slot).where(
                            Device.unit_code == unit_code, Device.revoked_at.is_(None)
                        )
                    )
                )
                free = [slot for slot in DEVICE_SLOTS if slot not in held]
                if not free:
                    raise SyncError("no_free_slot", unit_code=unit_code)
                # A revoked device coming back gets a new bundle key: bundles
                # written with the old one (perhaps on a stolen laptop) stay refused.
                bundle_key = Fernet.generate_key().decode("ascii")
                if device is None:
                    device = Device(id=device_id, created_at=now)
                    s.add(device)
                device.unit_code = unit_code
                device.name = name
                device.slot = free[0]
                device.token_hash = sha256_hex(token)
                device.bundle_key = bundle_key
                device.registered_at = now
                device.revoked_at = None
                # A new holder of the id: its chain is taken from what the server
                # holds of the id (core/chain; server/store/chain.py).
                device.public_key = public_key
                device.chain_seq = None
                device.chain_hash = None
            ticket.used_at = now
            ticket.used_by = device_id
            return Registration(
                device_id=device_id,
                unit_code=unit_code,
                device_slot=device.slot,
                token=token,
                bundle_key=device.bundle_key,
                server_time=now,
            )

    @staticmethod
    def _holds_credential(device: Device, authorization: str | None) -> bool:
        """Whether ``authorization`` carries ``device``'s current token."""
        if not authorization:
            return False
        try:
            digest = bearer_digest(authorization)
        except SyncError:
            return False
        return hmac.compare_digest(device.token_hash, digest)

    def authenticate(self, authorization: str | None) -> DeviceIdentity:
        """The device behind an ``Authorization: Bearer …`` header, or a credential_* error."""
        digest = bearer_digest(authorization)
        with self.db.read() as s:
            device = s.scalars(select(Device).where(Device.token_hash == digest)).first()
        # The lookup goes by hash, so timing reveals nothing about the token;
        # the constant-time comparison guards against a collation surprise.
        if device is None or not hmac.compare_digest(device.token_hash, digest):
            raise SyncError("credential_invalid")
        if device.revoked_at is not None:
            raise SyncError("credential_revoked")
        return DeviceIdentity(
            device.id, device.unit_code, device.slot, device.last_seen_at, device.registered_at
        )

    def touch(self, device: DeviceIdentity) -> None:
        """Record that the device called, at most once per TOUCH_INTERVAL."""
        now = self.clock()
        if device.last_seen_at is not None and now - device.last_seen_at < TOUCH_INTERVAL:
            return
        # No revision is drawn: no need to queue behind the writers' lock.
        with self.db.write(serialise=False) as s:
            row = s.get(Device, device.id)
            if row is not None:
                row.last_seen_at = now

    def revoke(self, device_id: str) -> DeviceInfo:
        """Revoke a device: its token and bundle key stop working, its slot is freed."""
        with self.db.write() as s:
            device = s.get(Device, device_id)
            if device is None:
                raise NotFound("device_not_found", device_id=device_id)
            if device.revoked_at is None:
                device.revoked_at = self.clock()
            return device_info(device)

    def devices(self, unit_code: str | None = None) -> list[DeviceInfo]:
        with self.db.read() as s:
            query = select(Device).order_by(Device.unit_code, Device.slot, Device.created_at)
            if unit_code:
                query = query.where(Device.unit_code == unit_code)
            return [device_info(d) for d in s.scalars(query)]
