"""sync server: attachments (files once per hash, per-unit uploads, records)

Revision ID: s0011
Revises: s0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "s0011"
# Re-chained by the lead after the other server revisions of this round.
down_revision = "s0003"
branch_labels = None
depends_on = None

_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "attachment_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_chunks")),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Scans are compressed already (G4, JPEG): out of line, without trying
        # pglz on every megabyte.
        op.execute("ALTER TABLE attachment_chunks ALTER COLUMN data SET STORAGE EXTERNAL")
    op.create_table(
        "attachment_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("chunk_hashes", _DOC, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blobs")),
    )
    op.create_table(
        "attachment_uploads",
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("chunk_hashes", _DOC, nullable=False),
        sa.Column("received", _DOC, nullable=False),
        sa.Column("received_bytes", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("unit_code", "sha256", name=op.f("pk_attachment_uploads")),
    )
    op.create_table(
        "attachment_holders",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "unit_code", name=op.f("pk_attachment_holders")),
    )
    op.create_table(
        "attachment_records",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", _DOC, nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_attachment_records")),
        sa.UniqueConstraint("id", name=op.f("uq_attachment_records_id")),
    )
    op.create_index("ix_attachment_records_unit_seq", "attachment_records", ["unit_code", "seq"])


def downgrade() -> None:
    op.drop_index("ix_attachment_records_unit_seq", table_name="attachment_records")
    for table in (
        "attachment_records",
        "attachment_holders",
        "attachment_uploads",
        "attachment_blobs",
        "attachment_chunks",
    ):
        op.drop_table(table)
