"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "book_counters",
        sa.Column("book_no", sa.String(length=32), nullable=False),
        sa.Column("last_no", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("book_no", name=op.f("pk_book_counters")),
    )
    op.create_table(
        "calendar_overrides",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_overrides")),
    )
    op.create_table(
        "code_counters",
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("day", sa.String(length=6), nullable=False),
        sa.Column("device_slot", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("unit_code", "day", "device_slot", name=op.f("pk_code_counters")),
    )
    op.create_table(
        "procedures",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("processing_days", sa.Integer(), nullable=False),
        sa.Column("processing_days_alt", sa.Integer(), nullable=True),
        sa.Column("processing_alt_note", sa.Text(), nullable=False),
        sa.Column("fees_json", sa.Text(), nullable=False),
        sa.Column("fee_note", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("online_level", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_procedures")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "dossiers",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("procedure_code", sa.String(length=32), nullable=False),
        sa.Column("procedure_name", sa.Text(), nullable=False),
        sa.Column("procedure_field", sa.Text(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=24), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("clock_start_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("processing_days", sa.Integer(), nullable=False),
        sa.Column("owner_name", sa.Text(), nullable=False),
        sa.Column("owner_id_type", sa.String(length=12), nullable=False),
        sa.Column("owner_id_number", sa.String(length=20), nullable=False),
        sa.Column("owner_dob", sa.Date(), nullable=True),
        sa.Column("owner_gender", sa.String(length=8), nullable=True),
        sa.Column("owner_id_issued_on", sa.Date(), nullable=True),
        sa.Column("owner_phone", sa.String(length=16), nullable=False),
        sa.Column("owner_address", sa.Text(), nullable=False),
        sa.Column("owner_email", sa.Text(), nullable=False),
        sa.Column("submitter_json", sa.Text(), nullable=True),
        sa.Column("sets_count", sa.Integer(), nullable=False),
        sa.Column("fee_amount", sa.Integer(), nullable=False),
        sa.Column("fee_method", sa.String(length=12), nullable=True),
        sa.Column("result_delivery", sa.String(length=12), nullable=False),
        sa.Column("received_by", sa.Text(), nullable=False),
        sa.Column("book_no", sa.String(length=32), nullable=False),
        sa.Column("order_no", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_code"],
            ["procedures.code"],
            name=op.f("fk_dossiers_procedure_code_procedures"),
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_dossiers")),
        sa.UniqueConstraint("code", name=op.f("uq_dossiers_code")),
        sa.UniqueConstraint("id", name=op.f("uq_dossiers_id")),
    )
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dossiers_due_at"), ["due_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_dossiers_owner_id_number"), ["owner_id_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_dossiers_procedure_code"), ["procedure_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_dossiers_received_at"), ["received_at"], unique=False)
        batch_op.create_index("ix_dossiers_status_due", ["status", "due_at"], unique=False)

    op.create_table(
        "procedure_components",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("procedure_code", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("originals", sa.Integer(), nullable=False),
        sa.Column("certified", sa.Integer(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("condition", sa.Text(), nullable=False),
        sa.Column("reusable", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_code"],
            ["procedures.code"],
            name=op.f("fk_procedure_components_procedure_code_procedures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_components")),
    )
    with op.batch_alter_table("procedure_components", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_procedure_components_procedure_code"), ["procedure_code"], unique=False
        )

    op.create_table(
        "dossier_components",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("component_id", sa.String(length=64), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("form", sa.String(length=12), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("reused_digital", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_dossier_components_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_components")),
    )
    with op.batch_alter_table("dossier_components", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dossier_components_dossier_id"), ["dossier_id"], unique=False
        )

    op.create_table(
        "dossier_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("from_status", sa.Integer(), nullable=True),
        sa.Column("to_status", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_dossier_events_dossier_id_dossiers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_events")),
    )
    with op.batch_alter_table("dossier_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dossier_events_dossier_id"), ["dossier_id"], unique=False
        )

    # History is append-only: the timeline of a dossier must be rebuildable
    # from these rows, so nothing may rewrite or remove them.
    op.execute(
        "CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events "
        "BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events "
        "BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS dossier_events_no_update")
    op.execute("DROP TRIGGER IF EXISTS dossier_events_no_delete")
    with op.batch_alter_table("dossier_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossier_events_dossier_id"))

    op.drop_table("dossier_events")
    with op.batch_alter_table("dossier_components", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossier_components_dossier_id"))

    op.drop_table("dossier_components")
    with op.batch_alter_table("procedure_components", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_components_procedure_code"))

    op.drop_table("procedure_components")
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.drop_index("ix_dossiers_status_due")
        batch_op.drop_index(batch_op.f("ix_dossiers_received_at"))
        batch_op.drop_index(batch_op.f("ix_dossiers_procedure_code"))
        batch_op.drop_index(batch_op.f("ix_dossiers_owner_id_number"))
        batch_op.drop_index(batch_op.f("ix_dossiers_due_at"))

    op.drop_table("dossiers")
    op.drop_table("settings")
    op.drop_table("procedures")
    op.drop_table("code_counters")
    op.drop_table("calendar_overrides")
    op.drop_table("book_counters")
