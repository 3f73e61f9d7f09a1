"""lifecycle columns, ratings, reminder snoozes, sync outbox, conflicts, state

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_NEW_COLUMNS = (
    sa.Column("original_due_at", sa.DateTime(), nullable=True),
    sa.Column("holder", sa.Text(), nullable=False, server_default=""),
    sa.Column("supplement_count", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("waiting_since", sa.DateTime(), nullable=True),
    sa.Column("resume_status", sa.Integer(), nullable=True),
    sa.Column("ended_at", sa.DateTime(), nullable=True),
    sa.Column("timeliness", sa.String(length=8), nullable=True),
    sa.Column("proposed_due_at", sa.DateTime(), nullable=True),
    sa.Column("returned_at", sa.DateTime(), nullable=True),
    sa.Column("server_rev", sa.Integer(), nullable=True),
)


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): the FTS5 triggers on dossiers stay.
    for column in _NEW_COLUMNS:
        op.add_column("dossiers", column)
    op.execute("UPDATE dossiers SET original_due_at = due_at")
    op.create_index("ix_dossiers_ended_at", "dossiers", ["ended_at"])
    op.create_table(
        "dossier_ratings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("convenience", sa.Integer(), nullable=False),
        sa.Column("overall", sa.Integer(), nullable=False),
        sa.Column("criteria_json", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("rated_by", sa.Text(), nullable=False),
        sa.Column("by_citizen", sa.Boolean(), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_dossier_ratings_dossier_id_dossiers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_ratings")),
    )
    op.create_index(
        op.f("ix_dossier_ratings_dossier_id"), "dossier_ratings", ["dossier_id"], unique=False
    )
    op.create_table(
        "reminder_snoozes",
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_reminder_snoozes_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("dossier_id", name=op.f("pk_reminder_snoozes")),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
    )
    op.create_index("ix_outbox_kind_entity", "outbox", ["kind", "entity_id"], unique=True)
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("local_json", sa.Text(), nullable=False),
        sa.Column("server_json", sa.Text(), nullable=False),
        sa.Column("server_rev", sa.Integer(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index(
        op.f("ix_sync_conflicts_dossier_id"), "sync_conflicts", ["dossier_id"], unique=False
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    # Every dossier that exists before sync was introduced still has to reach
    # the server once: queue it with its history.
    op.execute(
        "INSERT INTO outbox (kind, entity_id, created_at) "
        "SELECT 'dossier', id, CURRENT_TIMESTAMP FROM dossiers ORDER BY pk"
    )
    op.execute(
        "INSERT INTO outbox (kind, entity_id, created_at) "
        "SELECT 'event', id, CURRENT_TIMESTAMP FROM dossier_events ORDER BY at"
    )


def downgrade() -> None:
    op.drop_table("sync_state")
    op.drop_index(op.f("ix_sync_conflicts_dossier_id"), table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_index("ix_outbox_kind_entity", table_name="outbox")
    op.drop_table("outbox")
    op.drop_table("reminder_snoozes")
    op.drop_index(op.f("ix_dossier_ratings_dossier_id"), table_name="dossier_ratings")
    op.drop_table("dossier_ratings")
    op.drop_index("ix_dossiers_ended_at", table_name="dossiers")
    with op.batch_alter_table("dossiers") as batch:
        for column in reversed(_NEW_COLUMNS):
            batch.drop_column(column.name)
