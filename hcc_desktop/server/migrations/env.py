"""Alembic environment of the sync server: runs on the connection handed in by
hcc_desktop.server.db (or, for development, ``-x url=…``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from hcc_desktop.server.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = context.get_x_argument(as_dictionary=True).get("url")
        if not url:
            raise SystemExit("give the database with: alembic -x url=postgresql+psycopg://…")
        engine = create_engine(url, poolclass=pool.NullPool)
        with engine.begin() as conn:
            _migrate(conn)
        return
    _migrate(connection)


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run()
