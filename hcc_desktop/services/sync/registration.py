"""Enrolling this device with the sync server."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from hcc_desktop.core.chain import public_key_of
from hcc_desktop.core.errors import FieldError, SyncError, ValidationError
from hcc_desktop.db.models import (
    DossierRow,
)
from hcc_desktop.services.session import guarded
from hcc_desktop.services.settings import validate_settings
from hcc_desktop.services.sync.client import load_credential, store_credential
from hcc_desktop.services.sync.results import RegistrationResult
from hcc_desktop.services.sync.state import (
    CHAIN_KEY_SENT,
    CURSOR,
    LAST_ERROR,
    PARKED,
    drop_state,
    set_state,
)
from hcc_desktop.services.sync.status import StatusMixin


class RegistrationMixin(StatusMixin):
    # -- registration -------------------------------------------------------------------------

    @guarded("sync.register")
    def register(
        self, server_url: str, code: str, *, device_name: str | None = None
    ) -> RegistrationResult:
        """Enrol this device with a one-time code from ``server enrol``.

        Stores the token and bundle key in the keyring and the server URL, unit
        and slot in the settings. Refused (``unit_mismatch``) when the device
        already holds dossiers of another unit: by the server, which then
        leaves the code unused, or by the device for an older server.
        """
        try:
            return self._register(server_url, code, device_name)
        except SyncError as exc:
            # A registered device keeps its last sync error: a refused new
            # enrolment says nothing of how its syncs go.
            if not self.status().registered:
                self._record_error(exc)
            raise

    def _register(self, server_url: str, code: str, device_name: str | None) -> RegistrationResult:
        url = server_url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ValidationError([FieldError("server_url", "url_format")])
        if not code.strip():
            raise ValidationError([FieldError("code", "required")])
        settings = self._settings.load()
        name = (device_name or "").strip() or settings.device_name
        # The units of the dossiers held here: the server refuses a code of
        # another unit without using it up.
        with self._db.read() as s:
            held = sorted(s.scalars(select(DossierRow.unit_code).distinct().limit(100)))
        # A device id belongs to its credential: the server keeps this device's
        # slot and bundle key only for the holder of its current token, sent
        # to the server that issued it and no other.
        current = load_credential(settings.device_id) if url == settings.server_url else None
        # The key that signs this device's chain heads: the server keeps its public half.
        from hcc_desktop.services.sync import credentials

        public_key = public_key_of(credentials.signing_key(settings.device_id))
        with self._client(url, current.token if current else None) as client:
            body = self._call(
                client,
                "POST",
                "/api/v1/devices/register",
                json={
                    "code": code.strip(),
                    "device_id": settings.device_id,
                    "device_name": name,
                    "held_units": held,
                    "public_key": public_key,
                },
            )
        try:
            unit_code = str(body["unit_code"])
            slot = int(body["device_slot"])
            token = str(body["token"])
            bundle_key = str(body["bundle_key"])
        except (KeyError, TypeError, ValueError):
            raise SyncError("server_error", detail="incomplete registration response") from None
        if body.get("device_id", settings.device_id) != settings.device_id:
            raise SyncError("server_error", detail="registration for another device id")
        with self._db.read() as s:
            other = s.scalar(
                select(DossierRow.unit_code).where(DossierRow.unit_code != unit_code).limit(1)
            )
        if other is not None:
            raise SyncError("unit_mismatch", device_unit=other, server_unit=unit_code)
        updated = replace(
            settings,
            server_url=url,
            unit_code=unit_code,
            device_slot=slot,
            device_name=name,
            unit_name=str(body.get("unit_name") or settings.unit_name),
        )
        validate_settings(updated)  # before the credential is stored
        store_credential(settings.device_id, token, bundle_key)
        self._settings.save_from_server(updated)
        with self._db.write() as s:
            if url != settings.server_url or unit_code != settings.unit_code:
                # Another server (or unit): its revisions mean nothing here.
                for key in (CURSOR, PARKED):
                    drop_state(s, key)
            drop_state(s, LAST_ERROR)
            set_state(s, CHAIN_KEY_SENT, public_key)
        return RegistrationResult(
            device_id=settings.device_id,
            unit_code=unit_code,
            device_slot=slot,
            server_url=url,
            server_time=str(body.get("server_time", "")),
        )
