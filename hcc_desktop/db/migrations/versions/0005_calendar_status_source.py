"""calendar overrides: status (confirmed / to_confirm) and source document

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-06

A day off the ``holidays`` package adds beyond the Labour Code 2019 (Ngày Văn hóa Việt Nam
24/11 from 2026, its one-off swap days) was applied silently before; it now sits in this
table as "to confirm". Seeded swap days get the document they come from.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("calendar_overrides") as batch:
        batch.add_column(
            sa.Column("status", sa.String(length=16), nullable=False, server_default="confirmed")
        )
        batch.add_column(sa.Column("source", sa.Text(), nullable=False, server_default=""))

    # Imported here: the seed is data of the core, read once at upgrade time.
    from hcc_desktop.core.worktime import seed_overrides

    table = sa.table(
        "calendar_overrides",
        sa.column("day", sa.Date()),
        sa.column("kind", sa.String()),
        sa.column("note", sa.Text()),
        sa.column("status", sa.String()),
        sa.column("source", sa.Text()),
    )
    conn = op.get_bind()
    existing = {
        row[0]: (row[1], row[2])
        for row in conn.execute(sa.select(table.c.day, table.c.kind, table.c.note))
    }
    for o in seed_overrides():
        current = existing.get(o.day)
        if current is None:
            conn.execute(
                table.insert().values(
                    day=o.day, kind=o.kind, note=o.note, status=o.status, source=o.source
                )
            )
        elif current[0] == o.kind:
            # The seeded day as shipped before: it gets its document and status. A day the
            # administrator changed to the other kind stays theirs (confirmed).
            conn.execute(
                table.update()
                .where(table.c.day == o.day)
                .values(note=o.note, status=o.status, source=o.source)
            )


def downgrade() -> None:
    with op.batch_alter_table("calendar_overrides") as batch:
        batch.drop_column("source")
        batch.drop_column("status")
