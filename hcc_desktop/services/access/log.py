"""The access log (issue 12 item 4): who opened, printed or exported a citizen's data.

Every entry is written BEFORE the data leave the store (the dossier shown, the slip
returned, the file written): when the entry cannot be written the caller gets the
error and shows nothing, since a citizen's data shown without its entry is what the
Law on Personal Data Protection forbids. An entry is one small INSERT (and its outbox
row) in a transaction of its own, or in the caller's (:meth:`record_in`).

Entries are records of this device's hash chain (``services/audit/stamp.py``,
``device_chain_head``): the next ``device_seq`` after the device's newest event or
entry, linked to its hash; ``audit verify`` checks them with the events. The table is
append-only (triggers of migration 0014). Reading the log is the center leader's and
the administrator's (``Permission.ACCESS_LOG``), checked here, not only in the UI.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_desktop.core.accounts import Officer, Permission
from hcc_desktop.core.chain import access_hash
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Dossier
from hcc_desktop.core.errors import PermissionDenied
from hcc_desktop.core.text import nfc
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import AccessLogRow, AttachmentRow, DossierRow
from hcc_desktop.services.audit.stamp import device_chain_head
from hcc_desktop.services.session import OfficerSession
from hcc_desktop.services.settings import SettingsService
from hcc_desktop.services.sync.outbox import enqueue


class AccessAction(StrEnum):
    OPEN = "open"  # the dossier window, ``show``
    PRINT = "print"  # a slip (Mẫu 01–07, control slip), a reprint
    EXPORT = "export"  # the tracking book, a report with names, ``citizen export``
    ATTACHMENT = "attachment"  # a scan or result file opened or saved


@dataclass(frozen=True)
class AccessEntry:
    """One entry of the access log, as the leader's page and the export show it."""

    id: str
    at: datetime
    officer: str  # user name
    officer_name: str
    role: str
    action: str
    dossier_id: str | None
    dossier_code: str | None
    id_number: str
    detail: str
    device_id: str
    device_seq: int

    def as_json(self, at: Callable[[datetime], object], *, seq: bool = True) -> dict[str, Any]:
        """The entry as ``audit access --json`` and a citizen's export write it (one
        place for both), its time written by ``at``; ``seq``: with ``device_seq``."""
        data: dict[str, Any] = {
            "id": self.id,
            "at": at(self.at),
            "officer": self.officer,
            "officer_name": self.officer_name,
            "role": self.role,
            "action": self.action,
            "dossier_id": self.dossier_id,
            "dossier_code": self.dossier_code,
            "id_number": self.id_number,
            "detail": self.detail,
            "device_id": self.device_id,
        }
        if seq:
            data["device_seq"] = self.device_seq
        return data


def _entry(row: AccessLogRow) -> AccessEntry:
    return AccessEntry(
        id=row.id,
        at=row.at,
        officer=row.officer,
        officer_name=row.officer_name,
        role=row.role,
        action=row.action,
        dossier_id=row.dossier_id,
        dossier_code=row.dossier_code,
        id_number=row.id_number,
        detail=row.detail,
        device_id=row.device_id,
        device_seq=row.device_seq,
    )


@dataclass(frozen=True)
class AccessFilter:
    """What the leader's page asks for; empty fields do not filter."""

    id_number: str = ""
    user: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None  # inclusive
    limit: int = 2000


class AccessLogService:
    """Writes and reads the access log of one store."""

    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        session: OfficerSession,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self._db = db
        self._settings = settings
        self._session = session
        self._clock = clock

    # -- writing ----------------------------------------------------------------

    def record(
        self,
        action: AccessAction | str,
        *,
        dossier: Dossier | None = None,
        id_number: str = "",
        detail: str = "",
    ) -> AccessEntry:
        """Record one access by the logged-in officer, in a transaction of its own.

        ``dossier`` gives the dossier id, code and the applicant's identity number;
        ``id_number`` overrides the latter (an export by citizen). Raises when the
        entry cannot be written: the caller must then not show the data.
        """
        with self._db.write() as s:
            return self.record_in(
                s,
                action,
                dossier_id=dossier.id if dossier else None,
                dossier_code=dossier.code if dossier else None,
                id_number=id_number or (dossier.owner.id_number if dossier else ""),
                detail=detail,
            )

    def record_in(
        self,
        s: Session,
        action: AccessAction | str,
        *,
        dossier_id: str | None = None,
        dossier_code: str | None = None,
        id_number: str = "",
        detail: str = "",
    ) -> AccessEntry:
        """Record one access inside the caller's transaction (the device's chain head
        is read in it: write no event of this device in the same transaction after
        reading the head for it elsewhere)."""
        officer = self._session.current()
        device_id = self._settings.load().device_id
        seq, prev = device_chain_head(s, device_id)
        values = {
            "id": str(uuid.uuid4()),
            "at": self._clock().replace(tzinfo=None),
            "officer": officer.user_name,
            "officer_name": officer.full_name,
            "role": str(officer.role.value),
            "action": str(AccessAction(action).value),
            "dossier_id": dossier_id,
            "dossier_code": dossier_code,
            "id_number": nfc(id_number).strip()[:20],
            "detail": nfc(detail).strip()[:500],
            "device_id": device_id,
            "device_seq": seq + 1,
            "device_prev_hash": prev,
        }
        values["hash"] = access_hash(values)
        row = AccessLogRow(**values)
        s.add(row)
        s.flush()
        enqueue(s, "access", row.id)
        return _entry(row)

    def opened(self, dossier: Dossier) -> AccessEntry:
        """The dossier's window (or ``show``) is about to show it."""
        return self.record(AccessAction.OPEN, dossier=dossier)

    def printed(self, dossier: Dossier, form: str) -> AccessEntry:
        """A slip of ``dossier`` (``form``: "Mẫu 01" …) is about to be handed out."""
        return self.record(AccessAction.PRINT, dossier=dossier, detail=form)

    def exported(self, detail: str, *, id_number: str = "") -> AccessEntry:
        """Citizens' data are about to be written to a file (``detail``: which)."""
        return self.record(AccessAction.EXPORT, id_number=id_number, detail=detail)

    def attachment(self, sha256: str, *, detail: str = "") -> AccessEntry:
        """The stored file ``sha256`` is about to be opened or saved; its dossier and
        citizen are those of the newest attachment with these bytes."""
        with self._db.write() as s:
            found = s.execute(
                select(AttachmentRow.dossier_id, AttachmentRow.owner_id_number, DossierRow.code)
                .join(DossierRow, DossierRow.id == AttachmentRow.dossier_id, isouter=True)
                .where(AttachmentRow.sha256 == sha256)
                .order_by(AttachmentRow.created_at.desc())
                .limit(1)
            ).first()
            dossier_id, id_number, code = found if found is not None else (None, "", None)
            return self.record_in(
                s,
                AccessAction.ATTACHMENT,
                dossier_id=dossier_id,
                dossier_code=code,
                id_number=id_number or "",
                detail=detail or sha256[:12],
            )

    # -- reading (leader, administrator) -----------------------------------------

    def require_reader(self) -> Officer:
        """The logged-in officer if the role may read the log (and export a citizen's
        data), else ``PermissionDenied("access_log_not_allowed")``."""
        officer = self._session.current()
        if not officer.can(Permission.ACCESS_LOG):
            raise PermissionDenied(
                "access_log_not_allowed",
                permission=str(Permission.ACCESS_LOG),
                role=officer.role.value,
            )
        return officer

    def entries(self, query: AccessFilter | None = None) -> list[AccessEntry]:
        """The entries matching ``query``, newest first (leader and administrator)."""
        self.require_reader()
        q = query or AccessFilter()
        statement = select(AccessLogRow)
        if q.id_number.strip():
            statement = statement.where(AccessLogRow.id_number == nfc(q.id_number).strip())
        if q.user.strip():
            statement = statement.where(AccessLogRow.officer == nfc(q.user).strip().lower())
        if q.action.strip():
            statement = statement.where(AccessLogRow.action == q.action.strip())
        if q.since is not None:
            start = datetime.combine(q.since, datetime.min.time())
            statement = statement.where(AccessLogRow.at >= start)
        if q.until is not None:
            end = datetime.combine(q.until + timedelta(days=1), datetime.min.time())
            statement = statement.where(AccessLogRow.at < end)
        statement = statement.order_by(AccessLogRow.at.desc(), AccessLogRow.device_seq.desc())
        with self._db.read() as s:
            return [_entry(r) for r in s.scalars(statement.limit(max(1, q.limit)))]

    @staticmethod
    def about(s: Session, id_number: str, dossier_ids: set[str]) -> list[AccessEntry]:
        """The entries about a citizen (by identity number or one of their dossiers),
        oldest first: what ``citizen export`` writes."""
        rows = s.scalars(
            select(AccessLogRow)
            .where(
                (AccessLogRow.id_number == id_number)
                | AccessLogRow.dossier_id.in_(sorted(dossier_ids) or [""])
            )
            .order_by(AccessLogRow.at, AccessLogRow.device_seq)
        )
        return [_entry(r) for r in rows]
