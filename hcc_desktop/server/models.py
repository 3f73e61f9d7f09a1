"""Tables of the central sync server (PostgreSQL, or SQLite for a single ward).

Separate from the device schema (``hcc_desktop.db.models``): the server keeps
each synced record as the JSON the device sent, plus what it needs to route
it (unit, revision, writer). Every synced row carries ``rev`` from one
server-wide sequence; ``(unit_code, rev)`` indexes serve ``GET /changes``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# JSONB on PostgreSQL (compact, indexable), JSON text on SQLite.
Document = JSON().with_variant(JSONB(), "postgresql")

# Scope of a published document that applies to every unit.
GLOBAL_SCOPE = ""


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on both backends (SQLite keeps no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Unit(Base):
    __tablename__ = "units"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    # The province whose reviewers see the unit's figures (s0002).
    province: Mapped[str | None] = mapped_column(String(32), index=True)


class Reviewer(Base):
    """A provincial reviewer's credential: reads the reports of one province."""

    __tablename__ = "reviewers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    province: Mapped[str] = mapped_column(String(32), nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False, default="")
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Device(Base):
    __tablename__ = "devices"
    __table_args__ = (
        # A slot is held by one active device of the unit at a time; a revoked
        # device frees its slot.
        Index(
            "uq_devices_unit_slot_active",
            "unit_code",
            "slot",
            unique=True,
            postgresql_where=text("revoked_at IS NULL"),
            sqlite_where=text("revoked_at IS NULL"),
        ),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False, default="")
    slot: Mapped[int] = mapped_column(Integer, nullable=False)
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    bundle_key: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The device's Ed25519 public key (base64, s0013): it signs its chain head
    # on every push. None: a device from before, until it sends its key once.
    public_key: Mapped[str | None] = mapped_column(String(64))
    # The newest accepted record of the device's own chain (issue 12): the next
    # pushed event must continue it. None: not known yet (taken on first use).
    chain_seq: Mapped[int | None] = mapped_column(BigInteger)
    chain_hash: Mapped[str | None] = mapped_column(String(64))


class EnrolmentCode(Base):
    __tablename__ = "enrolment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    used_by: Mapped[str | None] = mapped_column(String(64))


class DossierDoc(Base):
    __tablename__ = "dossiers"
    __table_args__ = (
        UniqueConstraint("unit_code", "code", name="uq_dossiers_unit_code_code"),
        Index("ix_dossiers_unit_rev", "unit_code", "rev"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    code: Mapped[str] = mapped_column(String(64), nullable=False)
    rev: Mapped[int] = mapped_column(BigInteger, nullable=False)
    data: Mapped[dict[str, Any]] = mapped_column(Document, nullable=False)
    last_device: Mapped[str] = mapped_column(String(64), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class _HistoryDoc:
    """Columns of an append-only record of a dossier (an event, a rating):
    immutable once stored, identified by its UUID."""

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    rev: Mapped[int] = mapped_column(BigInteger, nullable=False)
    data: Mapped[dict[str, Any]] = mapped_column(Document, nullable=False)
    origin_device: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class EventDoc(_HistoryDoc, Base):
    """A dossier event."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_unit_rev", "unit_code", "rev"),
        # A device's chain head, read once when not tracked yet (s0013).
        Index("ix_events_origin_device", "origin_device"),
    )


class AccessDoc(_HistoryDoc, Base):
    """An entry of a device's access log (issue 12 item 4; s0014): who opened,
    printed or exported which citizen's data. Kept in the unit's chain, checked
    against the pushing device's chain, never pulled by another device."""

    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_unit_rev", "unit_code", "rev"),
        Index("ix_access_log_origin_device", "origin_device"),
    )

    # A book export or a reprint concerns no single dossier.
    dossier_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # type: ignore[assignment]


class RatingDoc(_HistoryDoc, Base):
    """A satisfaction rating."""

    __tablename__ = "ratings"
    __table_args__ = (Index("ix_ratings_unit_rev", "unit_code", "rev"),)


class ComplaintDoc(Base):
    """A complaint of the unit's register (phản ánh, kiến nghị), as the device
    sent it; replaced by a newer version (resolving it), never deleted."""

    __tablename__ = "complaints"
    __table_args__ = (Index("ix_complaints_unit_rev", "unit_code", "rev"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    rev: Mapped[int] = mapped_column(BigInteger, nullable=False)
    data: Mapped[dict[str, Any]] = mapped_column(Document, nullable=False)
    last_device: Mapped[str] = mapped_column(String(64), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class _FieldDoc:
    """A field work record of a unit (issue 13), as the device sent it; replaced
    by a newer version, never deleted."""

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    rev: Mapped[int] = mapped_column(BigInteger, nullable=False)
    data: Mapped[dict[str, Any]] = mapped_column(Document, nullable=False)
    last_device: Mapped[str] = mapped_column(String(64), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class FieldSessionDoc(_FieldDoc, Base):
    """A Saturday session of the unit's rota (opened, closed, cancelled later)."""

    __tablename__ = "field_sessions"
    __table_args__ = (Index("ix_field_sessions_unit_rev", "unit_code", "rev"),)


class HomeResidentDoc(_FieldDoc, Base):
    """A resident of the unit's home-service register (personal data, as a dossier's)."""

    __tablename__ = "home_residents"
    __table_args__ = (Index("ix_home_residents_unit_rev", "unit_code", "rev"),)


class HomeVisitDoc(_FieldDoc, Base):
    """A home visit: requested, planned, recorded."""

    __tablename__ = "home_visits"
    __table_args__ = (Index("ix_home_visits_unit_rev", "unit_code", "rev"),)


class AccountDoc(_FieldDoc, Base):
    """An officer account of the unit (s0015_accounts), as merged from its devices'
    pushes (core/accounts.merge_account): the Argon2id hash, never a password.
    ``user_name`` is unique in a unit: the first account under a name keeps it."""

    __tablename__ = "accounts"
    __table_args__ = (
        Index("ix_accounts_unit_rev", "unit_code", "rev"),
        UniqueConstraint("unit_code", "user_name", name="uq_accounts_unit_user_name"),
    )

    user_name: Mapped[str] = mapped_column(String(32), nullable=False)


class PublishedDoc(Base):
    """The latest catalog / calendar (global) or unit settings (per unit).

    One row per (kind, scope), replaced on each publication with a new ``rev``:
    devices only ever need the latest version.
    """

    __tablename__ = "published_docs"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    # GLOBAL_SCOPE ("") for every unit, else a unit code.
    scope: Mapped[str] = mapped_column(String(32), primary_key=True)
    rev: Mapped[int] = mapped_column(BigInteger, nullable=False, index=True)
    data: Mapped[dict[str, Any]] = mapped_column(Document, nullable=False)
    published_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class UnitChainEntry(Base):
    """The server's own chain per unit (s0013): every record accepted from a
    device, in the order of acceptance (its revision), hashed with the hash of
    the unit's previous entry. ``data_hash`` is over the record's canonical
    content at that revision (core/chain.canonical_bytes)."""

    __tablename__ = "unit_chain"

    unit_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    record_id: Mapped[str] = mapped_column(String(64), nullable=False)
    rev: Mapped[int] = mapped_column(BigInteger, nullable=False)
    data_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
    device_id: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class AppliedBatch(Base):
    """The response to each committed push batch, replayed when it comes again."""

    __tablename__ = "applied_batches"

    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    response: Mapped[dict[str, Any]] = mapped_column(Document, nullable=False)
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    source: Mapped[str] = mapped_column(String(8), nullable=False, default="push")


class ReportDossier(Base):
    """What the province report reads of a dossier (s0002), kept by triggers
    on ``dossiers`` and ``events`` (PostgreSQL only; empty on SQLite).

    Naive Vietnam times as the device stores them. ``end_at`` is the first
    terminal event ever synced; the report keeps it only when it is before
    the period's end.
    """

    __tablename__ = "report_dossiers"
    __table_args__ = (Index("ix_report_dossiers_unit_received", "unit_code", "received_at"),)

    dossier_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    field: Mapped[str] = mapped_column(Text, nullable=False)
    procedure_code: Mapped[str] = mapped_column(Text, nullable=False)
    channel: Mapped[str] = mapped_column(Text, nullable=False)
    received_at: Mapped[datetime | None] = mapped_column(DateTime)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    end_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The on-time verdict ("early", "on_time", "late") the lifecycle recorded on
    # that event; "" when none (imported histories).
    end_verdict: Mapped[str] = mapped_column(String(8), nullable=False)
    # Supplement requests and receipts ever synced (0: the report skips the lookup).
    supplements: Mapped[int] = mapped_column(Integer, nullable=False)
    # NULL: not recorded (dossiers from before these flags existed).
    paid_online: Mapped[bool | None] = mapped_column(Boolean)
    e_result: Mapped[bool | None] = mapped_column(Boolean)
    components: Mapped[int] = mapped_column(Integer, nullable=False)
    digitised: Mapped[int] = mapped_column(Integer, nullable=False)
    digitised_unknown: Mapped[int] = mapped_column(Integer, nullable=False)
    reused: Mapped[int] = mapped_column(Integer, nullable=False)
    # The catalog's component ids (which are reusable is read from the
    # published catalog when the report runs).
    component_ids: Mapped[list[str]] = mapped_column(Document, nullable=False)


class ReportSupplement(Base):
    """A supplement request (kind 1) or receipt (kind 2, with the appointment it set)."""

    __tablename__ = "report_supplements"
    __table_args__ = (Index("ix_report_supplements_dossier", "dossier_id", "at"),)

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(64), nullable=False)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    kind: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    at: Mapped[datetime | None] = mapped_column(DateTime)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)


class ReportRating(Base):
    """A rating's time and overall level, for the satisfaction figures."""

    __tablename__ = "report_ratings"
    __table_args__ = (Index("ix_report_ratings_unit_rated", "unit_code", "rated_at"),)

    rating_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(64), nullable=False)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    rated_at: Mapped[datetime | None] = mapped_column(DateTime)
    overall: Mapped[int | None] = mapped_column(Integer)


__all__ = [
    "GLOBAL_SCOPE",
    "AccessDoc",
    "AccountDoc",
    "AppliedBatch",
    "Base",
    "ComplaintDoc",
    "Device",
    "DossierDoc",
    "EnrolmentCode",
    "EventDoc",
    "FieldSessionDoc",
    "HomeResidentDoc",
    "HomeVisitDoc",
    "PublishedDoc",
    "RatingDoc",
    "ReportDossier",
    "ReportRating",
    "ReportSupplement",
    "Reviewer",
    "Unit",
    "UtcDateTime",
]


# --- attachments (s0011): files stored once per hash, apart from the records -----------


class AttachmentChunk(Base):
    """A piece of a file (about 1 MB), named by its own SHA-256: stored once,
    whatever number of files, uploads or units contain it."""

    __tablename__ = "attachment_chunks"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)


class AttachmentBlob(Base):
    """A complete file, verified against its SHA-256: the list of its chunks."""

    __tablename__ = "attachment_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    chunk_size: Mapped[int] = mapped_column(Integer, nullable=False)
    chunk_hashes: Mapped[list[str]] = mapped_column(Document, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class AttachmentUpload(Base):
    """One unit's upload of one file in progress: its chunks' hashes and which
    of them this unit has sent. A unit holds a file only once it has sent all
    of it, even when another unit sent the same file before."""

    __tablename__ = "attachment_uploads"

    unit_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    chunk_size: Mapped[int] = mapped_column(Integer, nullable=False)
    chunk_hashes: Mapped[list[str]] = mapped_column(Document, nullable=False)
    received: Mapped[list[int]] = mapped_column(Document, nullable=False)
    received_bytes: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class AttachmentHolder(Base):
    """A unit that has sent (so holds) a file: only its devices may fetch it."""

    __tablename__ = "attachment_holders"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(32), primary_key=True)


class AttachmentRecord(Base):
    """An attachment's record (which dossier and component, which file) as the
    device sent it; ``seq`` orders a unit's records for the other devices."""

    __tablename__ = "attachment_records"
    __table_args__ = (Index("ix_attachment_records_unit_seq", "unit_code", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    unit_code: Mapped[str] = mapped_column(String(32), nullable=False)
    dossier_id: Mapped[str] = mapped_column(String(64), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    data: Mapped[dict[str, Any]] = mapped_column(Document, nullable=False)
    device_id: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
