"""field work: Saturday sessions, the home-service register and its visits

``dossiers.session_id`` names the session a dossier was received at (NULL:
not at a session). No foreign key: dossiers travel by sync to devices that
may not hold the session.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
# Re-chained after the attachments (0008) that reached main first.
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): the FTS5 triggers on dossiers stay.
    op.add_column("dossiers", sa.Column("session_id", sa.String(length=36), nullable=True))
    op.create_index(op.f("ix_dossiers_session_id"), "dossiers", ["session_id"])
    op.create_table(
        "field_sessions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("quarter", sa.Text(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False, server_default=""),
        sa.Column("start", sa.String(length=5), nullable=False),
        sa.Column("end", sa.String(length=5), nullable=False),
        sa.Column("officers_json", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("opened_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("opened_device_id", sa.String(length=36), nullable=False, server_default=""),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_sessions")),
    )
    op.create_index(op.f("ix_field_sessions_day"), "field_sessions", ["day"])
    op.create_table(
        "home_residents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("full_name", sa.Text(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False, server_default=""),
        sa.Column("quarter", sa.Text(), nullable=False, server_default=""),
        sa.Column("address", sa.Text(), nullable=False, server_default=""),
        sa.Column("phone", sa.String(length=16), nullable=False, server_default=""),
        sa.Column("consent_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_home_residents")),
    )
    op.create_table(
        "home_visits",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column("requested_by", sa.Text(), nullable=False, server_default=""),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False, server_default=""),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=True),
        sa.Column("officer", sa.Text(), nullable=False, server_default=""),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("dossiers_received", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("results_delivered", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("ratings_taken", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("outcome", sa.Text(), nullable=False, server_default=""),
        sa.Column("minutes_spent", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["home_residents.id"],
            name=op.f("fk_home_visits_resident_id_home_residents"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_home_visits")),
    )
    op.create_index(op.f("ix_home_visits_resident_id"), "home_visits", ["resident_id"])
    op.create_index(op.f("ix_home_visits_planned_on"), "home_visits", ["planned_on"])


def downgrade() -> None:
    op.drop_index(op.f("ix_home_visits_planned_on"), table_name="home_visits")
    op.drop_index(op.f("ix_home_visits_resident_id"), table_name="home_visits")
    op.drop_table("home_visits")
    op.drop_table("home_residents")
    op.drop_index(op.f("ix_field_sessions_day"), table_name="field_sessions")
    op.drop_table("field_sessions")
    op.drop_index(op.f("ix_dossiers_session_id"), table_name="dossiers")
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_column("session_id")
