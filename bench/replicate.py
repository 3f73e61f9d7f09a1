"""Grow a demo store to N dossiers by replicating its closed dossiers into the past.

The demo generator (services/demo.py) takes about an hour for 1,000,000 dossiers on the
shared 2-core machine; generating 100,000 and replicating them in SQL takes minutes and
gives the same shape where the benchmarks look:

- only *closed* dossiers are copied (returned, not accepted, withdrawn, stopped), so the
  worklists (open, due, overdue, waiting, ready to return) keep the sizes a working
  morning has, whatever the store's size, as with the generator at 1,000,000;
- copy ``k`` is moved ``k`` x 26 weeks back (weekdays kept; the generator's 6 months of
  100,000 dossiers tile the past without overlapping), with its dates, its code (the
  day's part; the sequence kept, so codes stay unique), its book year and its code
  counters moved too;
- older dossiers have lower ``pk``s, as in a store that grew over the years (search takes
  the newest matches by FTS rowid): the source's rows move to the top (``pk`` + 14 x
  1,000,000, their FTS entries re-made), copy ``k`` takes ``pk`` + (14 - k) x 1,000,000;
- every row gets a new id (the UUID's version digit replaced by one per copy), the
  owner's CCCD and phone shifted by a per-copy offset (the people differ, the names
  repeat as real names do), the search text rewritten to match: the FTS5 index is
  filled by the store's own trigger, as an intake's;
- components, events and ratings are copied with their dossier. The copies' events
  keep the source's hashes and take device sequence numbers below the real chain's
  (``- k x 10,000,000``): the device's chain head, the one a new intake links to, stays
  the generator's genuine one; the history check (``audit``) is not meant to pass on
  the copies.
"""

from __future__ import annotations

from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite3  # the app's SQLite: FTS5 and all

CLOSED = (3, 7, 8, 10)  # NOT_ACCEPTED, WITHDRAWN, STOPPED, RETURNED
WEEKS = 26
# The UUID's version digit (position 15) of copy k: never "4", the generator's.
VERSION_DIGITS = "abcdef0123567"
SEQ_STRIDE = 10_000_000
PK_STRIDE = 1_000_000


def _shift(column: str) -> str:
    # Stored as "YYYY-MM-DD HH:MM:SS.ffffff": move the date, keep the fraction as written.
    return f"datetime({column}, :shift) || substr({column}, 20)"


def _id(column: str) -> str:
    return f"substr({column}, 1, 14) || :digit || substr({column}, 16)"


NEW_CODE = (
    "substr(code, 1, 14) || substr(strftime('%Y%m%d', '20' || substr(code, 15, 2) || '-' ||"
    " substr(code, 17, 2) || '-' || substr(code, 19, 2), :shift), 3) || substr(code, 21)"
)
NEW_ID_NUMBER = (
    "CASE WHEN length(owner_id_number) = 12 AND owner_id_number NOT GLOB '*[^0-9]*' THEN"
    " substr(owner_id_number, 1, 6) || printf('%06d', (CAST(substr(owner_id_number, 7)"
    " AS INTEGER) + :k * 7919) % 1000000) ELSE owner_id_number END"
)
NEW_PHONE = (
    "CASE WHEN length(owner_phone) = 10 AND owner_phone NOT GLOB '*[^0-9]*' THEN"
    " substr(owner_phone, 1, 3) || printf('%07d', (CAST(substr(owner_phone, 4) AS INTEGER)"
    " + :k * 104729) % 10000000) ELSE owner_phone END"
)
SHIFTED = {
    "received_at",
    "clock_start_at",
    "due_at",
    "original_due_at",
    "waiting_since",
    "ended_at",
    "proposed_due_at",
    "returned_at",
}


def _columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in con.execute(f"PRAGMA table_info({table})")]


def replicate(path: Path, total: int) -> int:
    """Add copies of the closed dossiers of the store at ``path`` (plain) until it
    holds ``total`` dossiers; returns how many it holds."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        # A build, not the app: no durability needed until the end, a large cache for
        # the random-id indexes.
        con.execute("PRAGMA journal_mode = DELETE")
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA cache_size = -1000000")
        con.execute("PRAGMA temp_store = MEMORY")
        have = con.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        top = con.execute("SELECT max(pk) FROM dossiers").fetchone()[0]
        marks = ",".join("?" * len(CLOSED))
        con.execute(
            f"CREATE TEMP TABLE source AS SELECT pk, id FROM dossiers"
            f" WHERE status IN ({marks}) ORDER BY pk",
            CLOSED,
        )
        days = [r[0] for r in con.execute("SELECT DISTINCT day FROM code_counters")]
        con.execute("CREATE TEMP TABLE chosen (pk INTEGER PRIMARY KEY, id TEXT)")
        if top >= PK_STRIDE:
            raise ValueError(f"a source of {top} rows is too large to replicate")
        # The source to the top: its FTS rows go with it (the update of pk fires no trigger).
        con.execute("BEGIN")
        con.execute("INSERT INTO dossier_fts(dossier_fts) VALUES ('delete-all')")
        con.execute("UPDATE dossiers SET pk = pk + ?", ((len(VERSION_DIGITS) + 1) * PK_STRIDE,))
        con.execute("UPDATE temp.source SET pk = pk + ?", ((len(VERSION_DIGITS) + 1) * PK_STRIDE,))
        con.execute(
            "INSERT INTO dossier_fts(rowid, search_text) SELECT pk, search_text FROM dossiers"
            " ORDER BY pk"
        )
        con.execute("COMMIT")
        dossier_cols = _columns(con, "dossiers")
        select = []
        for c in dossier_cols:
            if c == "pk":
                select.append(f"pk - :k * {PK_STRIDE}")
            elif c in SHIFTED:
                select.append(_shift(c))
            elif c == "id":
                select.append(_id("id"))
            elif c == "code":
                select.append("n_code")
            elif c == "owner_id_number":
                select.append("n_idn")
            elif c == "owner_phone":
                select.append("n_phone")
            elif c == "book_no":
                select.append("substr(book_no, 1, 3) || strftime('%Y', received_at, :shift)")
            elif c == "search_text":
                select.append(
                    "replace(replace(replace(search_text, lower(code), lower(n_code)),"
                    " owner_id_number, n_idn), owner_phone, n_phone)"
                )
            else:
                select.append(c)
        insert_dossiers = (
            f"INSERT INTO dossiers ({', '.join(dossier_cols)}) SELECT {', '.join(select)}"
            f" FROM (SELECT d.*, {NEW_CODE} AS n_code, {NEW_ID_NUMBER} AS n_idn,"
            f" {NEW_PHONE} AS n_phone FROM dossiers d JOIN chosen USING (pk) ORDER BY pk)"
        )
        component_cols = _columns(con, "dossier_components")
        insert_components = (
            f"INSERT INTO dossier_components ({', '.join(component_cols)}) SELECT "
            + ", ".join(_id(c) if c in ("id", "dossier_id") else c for c in component_cols)
            + " FROM dossier_components WHERE dossier_id IN (SELECT id FROM chosen)"
        )
        event_cols = _columns(con, "dossier_events")
        event_select = []
        for c in event_cols:
            if c in ("id", "dossier_id"):
                event_select.append(_id(c))
            elif c == "at":
                event_select.append(_shift("at"))
            elif c == "device_seq":
                event_select.append("device_seq - :k * :stride")
            elif c == "data_json":
                event_select.append(
                    "CASE WHEN kind = 'received' THEN (SELECT replace(e.data_json, d.code,"
                    f" {NEW_CODE.replace('code', 'd.code')}) FROM dossiers d"
                    " WHERE d.id = e.dossier_id) ELSE data_json END"
                )
            else:
                event_select.append(c)
        insert_events = (
            f"INSERT INTO dossier_events ({', '.join(event_cols)}) SELECT "
            + ", ".join(event_select)
            + " FROM dossier_events e WHERE dossier_id IN (SELECT id FROM chosen)"
        )
        rating_cols = _columns(con, "dossier_ratings")
        insert_ratings = (
            f"INSERT INTO dossier_ratings ({', '.join(rating_cols)}) SELECT "
            + ", ".join(
                _id(c) if c in ("id", "dossier_id") else _shift(c) if c == "rated_at" else c
                for c in rating_cols
            )
            + " FROM dossier_ratings WHERE dossier_id IN (SELECT id FROM chosen)"
        )
        k = 0
        while have < total:
            k += 1
            if k > len(VERSION_DIGITS):
                raise ValueError(f"{total} dossiers need more copies than {len(VERSION_DIGITS)}")
            params = {
                "k": k,
                "shift": f"-{WEEKS * 7 * k} days",
                "digit": VERSION_DIGITS[k - 1],
                "stride": SEQ_STRIDE,
            }
            con.execute("BEGIN")
            con.execute("DELETE FROM chosen")
            con.execute(
                "INSERT INTO chosen SELECT pk, id FROM source ORDER BY pk LIMIT ?",
                (total - have,),
            )
            con.execute(insert_dossiers, params)
            con.execute(insert_components, params)
            con.execute(insert_events, params)
            con.execute(insert_ratings, params)
            con.executemany(
                "INSERT OR IGNORE INTO code_counters (unit_code, day, device_slot, last_seq)"
                " SELECT unit_code, substr(strftime('%Y%m%d', '20' || substr(day, 1, 2) || '-' ||"
                " substr(day, 3, 2) || '-' || substr(day, 5, 2), :shift), 3), device_slot,"
                " last_seq FROM code_counters WHERE day = :day",
                [{**params, "day": d} for d in days],
            )
            con.execute("COMMIT")
            have = con.execute("SELECT count(*) FROM dossiers").fetchone()[0]
        return int(have)
    finally:
        con.close()
