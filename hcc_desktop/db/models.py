"""ORM models of the local store (SQLAlchemy 2.0 style).

Identity: every synchronisable row has a UUID generated on the device (``id``),
timestamps in UTC and a per-row ``version``; dossier history is append-only
(``dossier_events``; triggers in the migration refuse UPDATE and DELETE).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy import true as sa_true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Setting(Base):
    """Key/value settings (unit, device, office hours, preferences); JSON values."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class CalendarOverrideRow(Base):
    """Extra days off and make-up working days on top of the statutory holidays."""

    __tablename__ = "calendar_overrides"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), nullable=False)  # "off" | "work"
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # "confirmed" | "to_confirm": applied either way; a to_confirm day is flagged until an
    # administrator confirms or removes it.
    status: Mapped[str] = mapped_column(
        String(16), nullable=False, default="confirmed", server_default="confirmed"
    )
    source: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")


class ProcedureRow(Base):
    __tablename__ = "procedures"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    short_name: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    field: Mapped[str] = mapped_column(Text, nullable=False, default="")
    processing_days: Mapped[int] = mapped_column(Integer, nullable=False)
    processing_days_alt: Mapped[int | None] = mapped_column(Integer)
    processing_alt_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    fees_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    fee_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    result: Mapped[str] = mapped_column(Text, nullable=False, default="")
    legal_basis: Mapped[str] = mapped_column(Text, nullable=False, default="")
    online_level: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    # 0006: whether the procedure bears a fee (derived from fees_json unless the catalog says).
    bears_fee: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    search_key: Mapped[str] = mapped_column(Text, nullable=False, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    components: Mapped[list[ComponentRow]] = relationship(
        back_populates="procedure",
        order_by="ComponentRow.position",
        cascade="all, delete-orphan",
    )


class ComponentRow(Base):
    __tablename__ = "procedure_components"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    procedure_code: Mapped[str] = mapped_column(
        ForeignKey("procedures.code", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    originals: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    certified: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    copies: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    required: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    condition: Mapped[str] = mapped_column(Text, nullable=False, default="")
    reusable: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    procedure: Mapped[ProcedureRow] = relationship(back_populates="components")


class DossierRow(Base):
    """A received dossier.

    ``id`` (UUID made on the device) is the global identity used by every
    reference and by sync; ``pk`` is a stable local integer only so the FTS5
    search index can address rows (implicit rowids may change on VACUUM).
    """

    __tablename__ = "dossiers"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    code: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    procedure_code: Mapped[str] = mapped_column(
        ForeignKey("procedures.code"), nullable=False, index=True
    )
    procedure_name: Mapped[str] = mapped_column(Text, nullable=False)
    procedure_field: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[int] = mapped_column(Integer, nullable=False)
    channel: Mapped[str] = mapped_column(String(24), nullable=False)
    received_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    clock_start_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    due_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    processing_days: Mapped[int] = mapped_column(Integer, nullable=False)

    owner_name: Mapped[str] = mapped_column(Text, nullable=False)
    owner_id_type: Mapped[str] = mapped_column(String(12), nullable=False)
    owner_id_number: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    owner_dob: Mapped[date | None] = mapped_column(Date)
    owner_gender: Mapped[str | None] = mapped_column(String(8))
    owner_id_issued_on: Mapped[date | None] = mapped_column(Date)
    owner_phone: Mapped[str] = mapped_column(String(16), nullable=False)
    owner_address: Mapped[str] = mapped_column(Text, nullable=False)
    owner_email: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # The person who submitted, when not the owner (with a power of attorney).
    submitter_json: Mapped[str | None] = mapped_column(Text)

    sets_count: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    fee_amount: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    fee_method: Mapped[str | None] = mapped_column(String(12))
    result_delivery: Mapped[str] = mapped_column(String(12), nullable=False)
    received_by: Mapped[str] = mapped_column(Text, nullable=False, default="")
    book_no: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    order_no: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Folded (lower-case, diacritic-free) text indexed by the FTS5 table dossier_fts.
    search_text: Mapped[str] = mapped_column(Text, nullable=False, default="")

    # Lifecycle (0003). due_at moves with supplement waiting time; the
    # receipt's promise stays in original_due_at.
    original_due_at: Mapped[datetime | None] = mapped_column(DateTime)
    holder: Mapped[str] = mapped_column(Text, nullable=False, default="")
    supplement_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    waiting_since: Mapped[datetime | None] = mapped_column(DateTime)
    # Status to go back to when a supplement or a payment arrives.
    resume_status: Mapped[int | None] = mapped_column(Integer)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    timeliness: Mapped[str | None] = mapped_column(String(8))
    proposed_due_at: Mapped[datetime | None] = mapped_column(DateTime)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Sync: the server's revision of this dossier as last seen (None: never synced).
    server_rev: Mapped[int | None] = mapped_column(Integer)
    # Report data (0006). NULL = not recorded (dossiers from before the change).
    paid_online: Mapped[bool | None] = mapped_column(Boolean)
    e_result: Mapped[bool | None] = mapped_column(Boolean)
    # 'local' | 'portal' (import-online) | 'backlog' (backlog import)
    origin: Mapped[str] = mapped_column(String(16), nullable=False, default="local")
    # 0007: the Saturday session it was received at (field_sessions.id; no foreign
    # key: the dossier travels by sync to devices that may not hold the session).
    session_id: Mapped[str | None] = mapped_column(String(36), index=True)

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    components: Mapped[list[DossierComponentRow]] = relationship(
        back_populates="dossier",
        order_by="DossierComponentRow.position",
        cascade="all, delete-orphan",
    )

    __table_args__ = (
        Index("ix_dossiers_status_due", "status", "due_at"),
        Index("ix_dossiers_ended_at", "ended_at"),
    )


class DossierComponentRow(Base):
    __tablename__ = "dossier_components"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    component_id: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(Text, nullable=False)
    form: Mapped[str] = mapped_column(String(12), nullable=False)
    count: Mapped[int] = mapped_column(Integer, nullable=False)
    reused_digital: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # 0006: scanned at intake; NULL = not recorded (dossiers from before the change).
    digitised: Mapped[bool | None] = mapped_column(Boolean)

    dossier: Mapped[DossierRow] = relationship(back_populates="components")


class DossierEventRow(Base):
    """Append-only history: who did what when, and the status change."""

    __tablename__ = "dossier_events"
    __table_args__ = (Index("ix_dossier_events_device_seq", "device_id", "device_seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(
        ForeignKey("dossiers.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    actor: Mapped[str] = mapped_column(Text, nullable=False, default="")
    from_status: Mapped[int | None] = mapped_column(Integer)
    to_status: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    data_json: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    # Hash chains (core/chain.py, migration 0011): per dossier (prev_hash -> hash) and
    # per writing device (device_seq, device_prev_hash). NULL only on an event pulled
    # from a device that does not write them yet (``audit verify`` names it).
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64), index=True)
    device_seq: Mapped[int | None] = mapped_column(Integer)
    device_prev_hash: Mapped[str | None] = mapped_column(String(64))


class CodeCounter(Base):
    """Last sequence used per unit, day and device slot (see services/codes.py)."""

    __tablename__ = "code_counters"

    unit_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[str] = mapped_column(String(6), primary_key=True)  # YYMMDD
    device_slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, nullable=False)


class BookCounter(Base):
    """Order numbers (số thứ tự) of a paper tracking book kept at this device."""

    __tablename__ = "book_counters"

    book_no: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, nullable=False)


class RatingRow(Base):
    """A satisfaction rating (DOMAIN §5); immutable once stored."""

    __tablename__ = "dossier_ratings"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(
        ForeignKey("dossiers.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    convenience: Mapped[int] = mapped_column(Integer, nullable=False)
    overall: Mapped[int] = mapped_column(Integer, nullable=False)
    criteria_json: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    comment: Mapped[str] = mapped_column(Text, nullable=False, default="")
    rated_by: Mapped[str] = mapped_column(Text, nullable=False, default="")
    by_citizen: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    # Indexed (0012): the periodic report reads the ratings of its period.
    rated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class ComplaintRow(Base):
    """The complaints register (phản ánh, kiến nghị), 0006."""

    __tablename__ = "complaints"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    received_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    # counter | phone | email | portal | letter | hotline | other
    channel: Mapped[str] = mapped_column(String(16), nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False)
    dossier_id: Mapped[str | None] = mapped_column(
        ForeignKey("dossiers.id", ondelete="RESTRICT"), index=True
    )
    officer: Mapped[str] = mapped_column(Text, nullable=False, default="")
    due_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str] = mapped_column(Text, nullable=False, default="")
    resolved_by: Mapped[str] = mapped_column(Text, nullable=False, default="")
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)


class FieldSessionRow(Base):
    """A Saturday session of the rota (0007; services/field/sessions.py)."""

    __tablename__ = "field_sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    quarter: Mapped[str] = mapped_column(Text, nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    place: Mapped[str] = mapped_column(Text, nullable=False, default="")
    start: Mapped[str] = mapped_column(String(5), nullable=False)  # HH:MM
    end: Mapped[str] = mapped_column(String(5), nullable=False)
    officers_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    status: Mapped[str] = mapped_column(String(12), nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    opened_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    opened_device_id: Mapped[str] = mapped_column(String(36), nullable=False, default="")
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)


class HomeResidentRow(Base):
    """The home-service register (0007): only what a visit needs."""

    __tablename__ = "home_residents"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    full_name: Mapped[str] = mapped_column(Text, nullable=False)
    reasons: Mapped[str] = mapped_column(Text, nullable=False, default="")  # comma list
    quarter: Mapped[str] = mapped_column(Text, nullable=False, default="")
    address: Mapped[str] = mapped_column(Text, nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    consent_on: Mapped[date] = mapped_column(Date, nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)


class HomeVisitRow(Base):
    """A home visit: requested, planned, done (0007)."""

    __tablename__ = "home_visits"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    resident_id: Mapped[str] = mapped_column(
        ForeignKey("home_residents.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    requested_by: Mapped[str] = mapped_column(Text, nullable=False, default="")
    requested_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    purpose: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(12), nullable=False)
    planned_on: Mapped[date | None] = mapped_column(Date, index=True)
    officer: Mapped[str] = mapped_column(Text, nullable=False, default="")
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    dossiers_received: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    results_delivered: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    ratings_taken: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    outcome: Mapped[str] = mapped_column(Text, nullable=False, default="")
    minutes_spent: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)


class ReminderSnooze(Base):
    """A reminder silenced for one dossier until a moment (local to the device)."""

    __tablename__ = "reminder_snoozes"

    dossier_id: Mapped[str] = mapped_column(
        ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True
    )
    until: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class OutboxRow(Base):
    """A local change waiting to be pushed to the central server.

    Written in the same transaction as the change itself, so a change is
    never committed without its outbox entry (docs/sync.md).
    """

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)  # dossier|event|rating|complaint
    entity_id: Mapped[str] = mapped_column(String(36), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)

    __table_args__ = (Index("ix_outbox_kind_entity", "kind", "entity_id", unique=True),)


class SyncConflictRow(Base):
    """A dossier changed here and on another device while offline."""

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    detected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    local_json: Mapped[str] = mapped_column(Text, nullable=False)
    server_json: Mapped[str] = mapped_column(Text, nullable=False)
    server_rev: Mapped[int] = mapped_column(Integer, nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolution: Mapped[str] = mapped_column(String(16), nullable=False, default="")


class SyncStateRow(Base):
    """Sync bookkeeping (pull cursor, last sync, last error), key/value JSON."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


class AttachmentRow(Base):
    """A file (one PDF) attached to a dossier: a component's scan, a document
    reused from an earlier dossier, or the result. The bytes live outside the
    SQLite file, content-addressed under ``attachments/`` (services/attachments);
    this row is written only after they are on disk (0008)."""

    __tablename__ = "attachments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    # dossier_components.id; NULL for a result.
    component_row_id: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(12), nullable=False)  # scan | reused | result
    name: Mapped[str] = mapped_column(Text, nullable=False, default="")
    owner_id_number: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    pages: Mapped[int] = mapped_column(Integer, nullable=False)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    # Sync: when the bytes and this record reached the server (NULL: not yet).
    uploaded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AccountRow(Base):
    """An officer's account (0013_accounts; services/accounts). The unit's accounts are
    meant to sync (``uid`` is the identity everywhere, ``version`` the device's change
    count, ``server_revision`` the server's as last seen), so an officer may log in on
    any device of the unit while offline."""

    __tablename__ = "accounts"

    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    # Normalised (core.accounts.normalise_user_name): unique in the unit.
    user_name: Mapped[str] = mapped_column(String(32), nullable=False, unique=True)
    full_name: Mapped[str] = mapped_column(Text, nullable=False, default="")
    role: Mapped[str] = mapped_column(String(12), nullable=False)  # counter | leader | admin
    # Argon2id, PHC string form (parameters and salt included).
    password_hash: Mapped[str] = mapped_column(Text, nullable=False)
    failed_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Naive Vietnam time (core.clock), like every wall-clock time of the store.
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    # Locked by an administrator: no login until unlocked.
    disabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    phone: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    server_revision: Mapped[int | None] = mapped_column(Integer)
    # 0015_account_sync: the parts that change independently (core/accounts, "accounts
    # across the unit's devices"): profile (full name, role), password, the lock's time.
    profile_version: Mapped[int] = mapped_column(
        Integer, nullable=False, default=1, server_default="1"
    )
    password_version: Mapped[int] = mapped_column(
        Integer, nullable=False, default=1, server_default="1"
    )
    disabled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Changed here since last queued for a push (the sync queues it: services/sync/accounts).
    sync_pending: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=True, server_default=sa_true()
    )


class AccessLogRow(Base):
    """Who opened, printed or exported a citizen's data (issue 12 item 4; 0014_access_log).

    Append-only (triggers refuse UPDATE and DELETE) and a record of this device's
    chain: ``device_seq`` continues the sequence the device's events use, each
    entry's ``device_prev_hash`` is the hash of the device's record before it
    (event or entry) and ``hash`` covers its content (core/chain.py,
    ``access_content``). ``at`` is the Vietnam wall clock, as events' ``at``.
    """

    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_device_seq", "device_id", "device_seq", unique=True),
        Index("ix_access_log_at", "at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    officer: Mapped[str] = mapped_column(String(32), nullable=False)  # the user name
    officer_name: Mapped[str] = mapped_column(Text, nullable=False, default="")
    role: Mapped[str] = mapped_column(String(12), nullable=False)
    # open | print | export | attachment (services/access)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    dossier_id: Mapped[str | None] = mapped_column(String(36))
    dossier_code: Mapped[str | None] = mapped_column(String(40))
    id_number: Mapped[str] = mapped_column(String(20), nullable=False, default="", index=True)
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    device_seq: Mapped[int] = mapped_column(Integer, nullable=False)
    device_prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
