"""dossier search: folded search_text column and an FTS5 index over it

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Frozen copy of hcc_desktop.core.text.fold as of this revision: a migration must
# keep producing the same result even if the application code changes later.
_SPACES = re.compile(r"\s+")
_DD = str.maketrans({"đ": "d", "Đ": "d"})


def _fold(value: str | None) -> str:
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", value.translate(_DD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT pk, code, owner_name, owner_id_number, owner_phone, procedure_code, "
            "procedure_name, submitter_json FROM dossiers"
        )
    ).all()
    for pk, code, name, id_number, phone, proc_code, proc_name, submitter in rows:
        text = " ".join(
            _fold(part) for part in (code, name, id_number, phone, proc_code, proc_name, submitter)
        )
        conn.execute(
            sa.text("UPDATE dossiers SET search_text = :t WHERE pk = :pk"), {"t": text, "pk": pk}
        )
    # External-content FTS5 table: the text lives once, in dossiers.search_text.
    op.execute(
        "CREATE VIRTUAL TABLE dossier_fts USING fts5("
        "search_text, content='dossiers', content_rowid='pk', prefix='1 2 3', "
        'tokenize="unicode61 remove_diacritics 2")'
    )
    op.execute(
        "CREATE TRIGGER dossiers_fts_ai AFTER INSERT ON dossiers BEGIN "
        "INSERT INTO dossier_fts(rowid, search_text) VALUES (new.pk, new.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER dossiers_fts_ad AFTER DELETE ON dossiers BEGIN "
        "INSERT INTO dossier_fts(dossier_fts, rowid, search_text) "
        "VALUES ('delete', old.pk, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER dossiers_fts_au AFTER UPDATE OF search_text ON dossiers BEGIN "
        "INSERT INTO dossier_fts(dossier_fts, rowid, search_text) "
        "VALUES ('delete', old.pk, old.search_text); "
        "INSERT INTO dossier_fts(rowid, search_text) VALUES (new.pk, new.search_text); END"
    )
    op.execute("INSERT INTO dossier_fts(dossier_fts) VALUES ('rebuild')")


def downgrade() -> None:
    for name in ("dossiers_fts_ai", "dossiers_fts_ad", "dossiers_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS dossier_fts")
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_column("search_text")
