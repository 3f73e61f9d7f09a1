"""access log (issue 12 item 4): who opened, printed or exported a citizen's data

Append-only like ``dossier_events`` (triggers refuse UPDATE and DELETE); each entry
is a record of the writing device's hash chain (``device_seq``, ``device_prev_hash``,
``hash``), so deleting or editing one breaks ``audit verify``.

Revision ID: 0014_access_log
Revises: 0013_accounts
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_access_log"
down_revision = "0013_accounts"
branch_labels = None
depends_on = None

_NO_UPDATE = (
    "CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log "
    "BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END"
)
_NO_DELETE = (
    "CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log "
    "BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END"
)


def upgrade() -> None:
    op.create_table(
        "access_log",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("officer", sa.String(length=32), nullable=False),
        sa.Column("officer_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=True),
        sa.Column("dossier_code", sa.String(length=40), nullable=True),
        sa.Column("id_number", sa.String(length=20), nullable=False, server_default=""),
        sa.Column("detail", sa.Text(), nullable=False, server_default=""),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.Column("device_prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
    )
    op.create_index(
        "ix_access_log_device_seq", "access_log", ["device_id", "device_seq"], unique=True
    )
    op.create_index("ix_access_log_at", "access_log", ["at"])
    op.create_index(op.f("ix_access_log_id_number"), "access_log", ["id_number"])
    op.execute(_NO_UPDATE)
    op.execute(_NO_DELETE)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS access_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS access_log_no_delete")
    op.drop_table("access_log")
