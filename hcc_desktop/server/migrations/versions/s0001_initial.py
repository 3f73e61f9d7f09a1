"""sync server: initial schema

Revision ID: s0001
Revises: (none)
Create Date: 2026-11-23
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _time(name: str, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    # The server-wide revision counter: a sequence on PostgreSQL, a one-row
    # table on SQLite (which has no sequences).
    if dialect == "postgresql":
        op.execute("CREATE SEQUENCE hcc_revision AS BIGINT START 1")
    else:
        op.create_table(
            "revision_counter",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("value", sa.BigInteger(), nullable=False),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_revision_counter")),
        )
        op.execute("INSERT INTO revision_counter (id, value) VALUES (1, 0)")

    op.create_table(
        "units",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        _time("created_at"),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_units")),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("bundle_key", sa.String(length=64), nullable=False),
        _time("created_at"),
        _time("registered_at"),
        _time("revoked_at", nullable=True),
        _time("last_seen_at", nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["units.code"], name=op.f("fk_devices_unit_code_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_devices_token_hash")),
    )
    op.create_index(
        "uq_devices_unit_slot_active",
        "devices",
        ["unit_code", "slot"],
        unique=True,
        postgresql_where=sa.text("revoked_at IS NULL"),
        sqlite_where=sa.text("revoked_at IS NULL"),
    )
    op.create_table(
        "enrolment_codes",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        _time("created_at"),
        _time("expires_at"),
        _time("used_at", nullable=True),
        sa.Column("used_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["units.code"], name=op.f("fk_enrolment_codes_unit_code_units")
        ),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_enrolment_codes")),
    )
    op.create_table(
        "dossiers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("data", _DOC, nullable=False),
        sa.Column("last_device", sa.String(length=64), nullable=False),
        _time("updated_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossiers")),
        sa.UniqueConstraint("unit_code", "code", name="uq_dossiers_unit_code_code"),
    )
    op.create_index("ix_dossiers_unit_rev", "dossiers", ["unit_code", "rev"])
    for table in ("events", "ratings"):
        op.create_table(
            table,
            sa.Column("id", sa.String(length=64), nullable=False),
            sa.Column("dossier_id", sa.String(length=64), nullable=False),
            sa.Column("unit_code", sa.String(length=32), nullable=False),
            sa.Column("rev", sa.BigInteger(), nullable=False),
            sa.Column("data", _DOC, nullable=False),
            sa.Column("origin_device", sa.String(length=64), nullable=False),
            _time("created_at"),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        )
        op.create_index(f"ix_{table}_unit_rev", table, ["unit_code", "rev"])
        op.create_index(op.f(f"ix_{table}_dossier_id"), table, ["dossier_id"])
    op.create_table(
        "published_docs",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("data", _DOC, nullable=False),
        _time("published_at"),
        sa.PrimaryKeyConstraint("kind", "scope", name=op.f("pk_published_docs")),
    )
    op.create_index(op.f("ix_published_docs_rev"), "published_docs", ["rev"])
    op.create_table(
        "applied_batches",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("batch_id", sa.String(length=64), nullable=False),
        sa.Column("response", _DOC, nullable=False),
        _time("applied_at"),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_applied_batches_device_id_devices")
        ),
        sa.PrimaryKeyConstraint("device_id", "batch_id", name=op.f("pk_applied_batches")),
    )


def downgrade() -> None:
    op.drop_table("applied_batches")
    op.drop_index(op.f("ix_published_docs_rev"), table_name="published_docs")
    op.drop_table("published_docs")
    for table in ("ratings", "events"):
        op.drop_index(op.f(f"ix_{table}_dossier_id"), table_name=table)
        op.drop_index(f"ix_{table}_unit_rev", table_name=table)
        op.drop_table(table)
    op.drop_index("ix_dossiers_unit_rev", table_name="dossiers")
    op.drop_table("dossiers")
    op.drop_table("enrolment_codes")
    op.drop_index("uq_devices_unit_slot_active", table_name="devices")
    op.drop_table("devices")
    op.drop_table("units")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP SEQUENCE hcc_revision")
    else:
        op.drop_table("revision_counter")
