"""report data: online channel, digitised/paid-online/e-result flags, origin, complaints

Existing dossiers keep NULL in the new flags: "not recorded", shown as such,
never guessed. ``procedures.bears_fee`` is derived from ``fees_json``.

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_DOSSIER_COLUMNS = (
    sa.Column("paid_online", sa.Boolean(), nullable=True),
    sa.Column("e_result", sa.Boolean(), nullable=True),
    sa.Column("origin", sa.String(length=16), nullable=False, server_default="local"),
)


def _bears_fee(fees_json: str) -> bool:
    try:
        fees = json.loads(fees_json or "[]")
    except ValueError:
        return False
    return any(int(f.get("amount") or 0) > 0 for f in fees if isinstance(f, dict))


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): the FTS5 triggers on dossiers stay.
    for column in _DOSSIER_COLUMNS:
        op.add_column("dossiers", column)
    op.add_column("dossier_components", sa.Column("digitised", sa.Boolean(), nullable=True))
    op.add_column(
        "procedures",
        sa.Column("bears_fee", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT code, fees_json FROM procedures")).fetchall()
    for code, fees_json in rows:
        if _bears_fee(fees_json):
            conn.execute(
                sa.text("UPDATE procedures SET bears_fee = 1 WHERE code = :code"), {"code": code}
            )
    op.create_table(
        "complaints",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=True),
        sa.Column("officer", sa.Text(), nullable=False, server_default=""),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False, server_default=""),
        sa.Column("resolved_by", sa.Text(), nullable=False, server_default=""),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_complaints_dossier_id_dossiers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
    )
    op.create_index(op.f("ix_complaints_received_at"), "complaints", ["received_at"])
    op.create_index(op.f("ix_complaints_dossier_id"), "complaints", ["dossier_id"])
    # The report data travel in the dossier snapshot: queue every dossier once
    # more so the server learns origin (and NULL flags) of existing dossiers.
    op.execute(
        "INSERT OR IGNORE INTO outbox (kind, entity_id, created_at) "
        "SELECT 'dossier', id, CURRENT_TIMESTAMP FROM dossiers ORDER BY pk"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_complaints_dossier_id"), table_name="complaints")
    op.drop_index(op.f("ix_complaints_received_at"), table_name="complaints")
    op.drop_table("complaints")
    with op.batch_alter_table("procedures") as batch:
        batch.drop_column("bears_fee")
    with op.batch_alter_table("dossier_components") as batch:
        batch.drop_column("digitised")
    with op.batch_alter_table("dossiers") as batch:
        for column in reversed(_DOSSIER_COLUMNS):
            batch.drop_column(column.name)
