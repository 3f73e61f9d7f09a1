"""Reading dossiers: by id or code, today's list, search, timeline."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, selectinload

from hcc_desktop.core.domain import (
    Channel,
    DocForm,
    Dossier,
    DossierEvent,
    DossierOrigin,
    DossierStatus,
    FeeMethod,
    Gender,
    IdType,
    Person,
    ReceivedComponent,
    ResultDelivery,
    Timeliness,
)
from hcc_desktop.core.errors import NotFound
from hcc_desktop.core.text import fold_each, nfc, tokens
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import DossierEventRow, DossierRow, ProcedureRow
from hcc_desktop.services.dossiers.lists import (
    SEARCH_SQL,
    SUMMARY_SELECT,
    DossierSummary,
    Verdict,
    read_received_between,
    sql_datetime,
    summaries_from_sql,
)

# Re-exported: callers import these from here since before the lists' SQL moved.
__all__ = [
    "SUMMARY_SELECT",
    "DossierQueryService",
    "DossierSummary",
    "Verdict",
    "dossier_from_row",
    "fts_query",
    "search_text",
    "sql_datetime",
    "summaries_from_sql",
    "summary_columns",
]


def search_text(
    *,
    code: str,
    owner_name: str,
    owner_id_number: str,
    owner_phone: str,
    procedure_code: str,
    procedure_name: str,
    submitter: Person | None = None,
) -> str:
    """The folded text the FTS5 index holds for a dossier."""
    parts = [code, owner_name, owner_id_number, owner_phone, procedure_code, procedure_name]
    if submitter is not None:
        parts += [submitter.full_name, submitter.id_number, submitter.phone]
    return " ".join(fold_each([p for p in parts if p]))


_NUMBER_ONLY = re.compile(r"^\+?\d[\d\s.]*$")
_PHONE_INTL = re.compile(r"^(?:\+84(\d{1,10})|84(\d{9}))$")


def fts_query(raw: str) -> str:
    """Turn what the officer typed into an FTS5 query: every word must match,
    the last token of each word as a prefix (search while typing)."""
    phrases = []
    raw = nfc(raw)
    if _NUMBER_ONLY.match(raw):
        # "0912 345 678" or "+84 912 345 678": one number typed in groups.
        raw = re.sub(r"[\s.]", "", raw)
    for word in raw.split():
        m = _PHONE_INTL.match(word.replace(".", "").replace("-", ""))
        if m:
            word = "0" + (m.group(1) or m.group(2))
        parts = tokens(word)
        if parts:
            phrases.append('"' + " ".join(parts) + '"*')
    return " AND ".join(phrases)


def _person_to_json(p: Person) -> str:
    return json.dumps(
        {
            "full_name": p.full_name,
            "id_type": p.id_type.value,
            "id_number": p.id_number,
            "date_of_birth": p.date_of_birth.isoformat() if p.date_of_birth else None,
            "phone": p.phone,
            "address": p.address,
            "email": p.email,
            "gender": p.gender.value if p.gender else None,
            "id_issued_on": p.id_issued_on.isoformat() if p.id_issued_on else None,
        },
        ensure_ascii=False,
    )


def _person_from_json(raw: str) -> Person:
    d = json.loads(raw)
    return Person(
        full_name=d["full_name"],
        id_type=IdType(d["id_type"]),
        id_number=d["id_number"],
        date_of_birth=date.fromisoformat(d["date_of_birth"]) if d.get("date_of_birth") else None,
        phone=d["phone"],
        address=d["address"],
        email=d.get("email") or "",
        gender=Gender(d["gender"]) if d.get("gender") else None,
        id_issued_on=date.fromisoformat(d["id_issued_on"]) if d.get("id_issued_on") else None,
    )


person_to_json = _person_to_json


def dossier_from_row(row: DossierRow) -> Dossier:
    return Dossier(
        id=row.id,
        code=row.code,
        unit_code=row.unit_code,
        procedure_code=row.procedure_code,
        procedure_name=row.procedure_name,
        procedure_field=row.procedure_field,
        status=DossierStatus(row.status),
        channel=Channel(row.channel),
        received_at=row.received_at,
        clock_start_at=row.clock_start_at,
        due_at=row.due_at,
        processing_days=row.processing_days,
        owner=Person(
            full_name=row.owner_name,
            id_type=IdType(row.owner_id_type),
            id_number=row.owner_id_number,
            date_of_birth=row.owner_dob,
            phone=row.owner_phone,
            address=row.owner_address,
            email=row.owner_email,
            gender=Gender(row.owner_gender) if row.owner_gender else None,
            id_issued_on=row.owner_id_issued_on,
        ),
        submitter=_person_from_json(row.submitter_json) if row.submitter_json else None,
        components=tuple(
            ReceivedComponent(
                component_id=c.component_id,
                name=c.name,
                form=DocForm(c.form),
                count=c.count,
                reused_digital=c.reused_digital,
                digitised=c.digitised,
            )
            for c in row.components
        ),
        sets_count=row.sets_count,
        fee_amount=row.fee_amount,
        fee_method=FeeMethod(row.fee_method) if row.fee_method else None,
        result_delivery=ResultDelivery(row.result_delivery),
        received_by=row.received_by,
        book_no=row.book_no,
        order_no=row.order_no,
        note=row.note,
        device_id=row.device_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        original_due_at=row.original_due_at or row.due_at,
        holder=row.holder,
        supplement_count=row.supplement_count,
        waiting_since=row.waiting_since,
        ended_at=row.ended_at,
        timeliness=Timeliness(row.timeliness) if row.timeliness else None,
        proposed_due_at=row.proposed_due_at,
        returned_at=row.returned_at,
        server_rev=row.server_rev,
        paid_online=row.paid_online,
        e_result=row.e_result,
        # A snapshot pulled from a device that predates 0006 has no origin.
        origin=DossierOrigin(row.origin or DossierOrigin.LOCAL),
    )


_SUMMARY_COLUMNS = (
    DossierRow.id,
    DossierRow.code,
    DossierRow.owner_name,
    DossierRow.owner_id_number,
    DossierRow.owner_phone,
    DossierRow.procedure_code,
    DossierRow.procedure_name,
    DossierRow.status,
    DossierRow.channel,
    DossierRow.received_at,
    DossierRow.due_at,
    DossierRow.received_by,
    DossierRow.holder,
    DossierRow.supplement_count,
    DossierRow.ended_at,
    DossierRow.timeliness,
    DossierRow.proposed_due_at,
    # The catalog's short name, for lists (the dossier keeps the full title).
    select(ProcedureRow.short_name)
    .where(ProcedureRow.code == DossierRow.procedure_code)
    .correlate(DossierRow)
    .scalar_subquery(),
)


def summary_columns() -> tuple[Any, ...]:
    """The columns DossierSummary.from_row reads, in order."""
    return _SUMMARY_COLUMNS


def _summary(r: tuple[Any, ...]) -> DossierSummary:
    return DossierSummary.from_row(r)


class DossierQueryService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, id_or_code: str) -> Dossier:
        """The dossier with this id or code, with its components (NotFound otherwise)."""
        key = nfc(id_or_code)
        with self._db.read() as s:
            row = s.scalars(
                select(DossierRow)
                .options(selectinload(DossierRow.components))
                .where((DossierRow.code == key) | (DossierRow.id == key))
            ).first()
            if row is None:
                raise NotFound("dossier_not_found", key=key)
            return dossier_from_row(row)

    def received_between(
        self, start: datetime, end: datetime, *, limit: int = 5000
    ) -> list[DossierSummary]:
        """Dossiers received in ``[start, end)``, newest first (at most ``limit``)."""
        # The same SQL as the start-up's first lists (services/dossiers/lists.py).
        with self._db.read() as s:
            cursor = self._db.cursor(s)
            try:
                return read_received_between(cursor, start, end, limit)
            finally:
                cursor.close()

    def by_codes(self, codes: Sequence[str]) -> list[DossierSummary]:
        """The dossiers with these codes, in the order given (unknown codes skipped)."""
        wanted = [nfc(c) for c in codes]
        found: dict[str, DossierSummary] = {}
        with self._db.read() as s:
            # SQLite limits the number of bound parameters: ask in slices.
            for i in range(0, len(wanted), 500):
                rows = s.execute(
                    select(*_SUMMARY_COLUMNS).where(DossierRow.code.in_(wanted[i : i + 500]))
                ).all()
                for r in rows:
                    summary = _summary(tuple(r))
                    found[summary.code] = summary
        return [found[c] for c in wanted if c in found]

    def received_on(self, day: date) -> list[DossierSummary]:
        """Dossiers received on ``day``, newest first."""
        start = datetime.combine(day, time())
        return self.received_between(start, start + timedelta(days=1))

    def search(self, raw: str, *, limit: int = 200) -> list[DossierSummary]:
        """Dossiers matching every typed word (code, name, CCCD, phone,
        procedure), case and diacritics ignored, newest first."""
        query = fts_query(raw)
        if not query:
            return []
        with self._db.read() as s:
            return self._search(s, query, limit)

    @staticmethod
    def _search(s: Session, query: str, limit: int) -> list[DossierSummary]:
        # Newest rows have the highest pk; FTS5 walks its rowids backwards
        # cheaply, so the limit applies before any join or sort.
        cursor = Database.cursor(s)
        try:
            rows = cursor.execute(SEARCH_SQL, (query, limit)).fetchall()
        finally:
            cursor.close()
        return summaries_from_sql(rows)

    def timeline(self, dossier_id: str) -> list[DossierEvent]:
        """The dossier's events, oldest first."""
        with self._db.read() as s:
            rows = s.scalars(
                select(DossierEventRow)
                .where(DossierEventRow.dossier_id == dossier_id)
                .order_by(DossierEventRow.at, DossierEventRow.recorded_at)
            )
            return [
                DossierEvent(
                    id=r.id,
                    dossier_id=r.dossier_id,
                    kind=r.kind,
                    at=r.at,
                    actor=r.actor,
                    from_status=DossierStatus(r.from_status) if r.from_status else None,
                    to_status=DossierStatus(r.to_status) if r.to_status else None,
                    reason=r.reason,
                    data=json.loads(r.data_json),
                    device_id=r.device_id,
                )
                for r in rows
            ]

    def book_entries(self, start: datetime, end: datetime) -> list[tuple[Dossier, str, str]]:
        """Dossiers received in [start, end) in book order, each with the body
        that handled it (the department of its last hand-over that named one,
        never a person; "" if none) and who collected the result ("" if not
        returned)."""
        with self._db.read() as s:
            rows = s.scalars(
                select(DossierRow)
                .options(selectinload(DossierRow.components))
                .where(DossierRow.received_at >= start, DossierRow.received_at < end)
                .order_by(DossierRow.received_at, DossierRow.code)
            ).all()
            handled: dict[str, str] = {}
            collected: dict[str, str] = {}
            ids = [r.id for r in rows]
            for chunk in range(0, len(ids), 500):
                for dossier_id, kind, raw in s.execute(
                    select(
                        DossierEventRow.dossier_id, DossierEventRow.kind, DossierEventRow.data_json
                    )
                    .where(
                        DossierEventRow.kind.in_(("handed_over", "returned")),
                        DossierEventRow.dossier_id.in_(ids[chunk : chunk + 500]),
                    )
                    .order_by(DossierEventRow.at, DossierEventRow.recorded_at)
                ):
                    data = json.loads(raw)
                    if kind == "returned":
                        collected[dossier_id] = (data.get("collector") or {}).get("full_name", "")
                    elif data.get("department"):
                        handled[dossier_id] = str(data["department"])
            return [
                (dossier_from_row(r), handled.get(r.id, ""), collected.get(r.id, "")) for r in rows
            ]

    def count(self) -> int:
        """How many dossiers the store holds."""
        with self._db.read() as s:
            return int(s.execute(text("SELECT count(*) FROM dossiers")).scalar_one())
