"""What changed since the last sync, noted by the databases themselves.

**The office server** (PostgreSQL, schema 7): every synced row carries `sync_xid`, the id
of the transaction that last wrote it, set by a trigger whatever the client sends, and
every deleted row leaves a tombstone (`sync_tombstone`) written by a definer function
that app users cannot call or forge. A replica remembers the oldest transaction still
running when it last synced (`pg_snapshot_xmin`); every write it has not seen yet has an
id at least that high, whichever order transactions commit in — a counter would miss a
slow transaction that took a lower number and committed after the sync read past it.
Rows seen twice are harmless: applying what is already there changes nothing.

**A replica** (SQLite): triggers note each row the user changes in `sync_pending`, with
the row as it was at the last sync (its *base*, taken before the first change), or no
base for a row made here. The base is what the three-way merge compares both sides
with. While the sync itself writes, a row in `sync_applying` (inside its transaction,
so never seen by anyone else) silences the triggers. `sync_conflict` holds edits of the
same field on both sides until the user picks one.
"""

from __future__ import annotations

import peewee

from desktop_crm.db.models import ALL_MODELS, Segment, Setting, User

# Every table that travels, parents before children. Settings stay with their database
# (they hold the replica's own state); saved filters are one user's.
SYNCED: list[type[peewee.Model]] = [m for m in ALL_MODELS if m not in (Setting, Segment)]
# Read from the office only: accounts are managed there.
PULL_ONLY: tuple[type[peewee.Model], ...] = (User,)

TOMBSTONES = "sync_tombstone"
# Each replica taken from the office, with the key that signs its sync files and the
# number of the last file applied from it. A user reads only their own.
REPLICAS = "sync_replica"

_SERVER_FUNCTIONS = f"""
CREATE TABLE IF NOT EXISTS {TOMBSTONES} (
    id bigserial PRIMARY KEY,
    table_name text NOT NULL,
    row_uuid uuid NOT NULL,
    sync_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    deleted_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc')
);
CREATE INDEX IF NOT EXISTS {TOMBSTONES}_sync_xid ON {TOMBSTONES} (sync_xid);
CREATE TABLE IF NOT EXISTS {REPLICAS} (
    uuid uuid PRIMARY KEY,
    username name NOT NULL DEFAULT session_user,
    secret text NOT NULL,
    last_sequence integer NOT NULL DEFAULT 0,
    created_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc')
);
CREATE OR REPLACE FUNCTION crm_sync_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.sync_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE OR REPLACE FUNCTION crm_sync_tombstone() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO {TOMBSTONES} (table_name, row_uuid) VALUES (TG_TABLE_NAME, OLD.uuid);
    RETURN OLD;
END
$$;
"""


def install_server(db: peewee.PostgresqlDatabase) -> None:
    """Schema 7 on PostgreSQL: the write stamp and tombstones of every synced table."""
    db.execute_sql(_SERVER_FUNCTIONS)
    for model in SYNCED:
        table = model._meta.table_name
        db.execute_sql(
            f"ALTER TABLE \"{table}\" ADD COLUMN IF NOT EXISTS sync_xid xid8 NOT NULL DEFAULT '0'"
        )
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{table}_sync_xid" ON "{table}" (sync_xid)')
        for name, when, function in (
            ("crm_sync_stamp", "BEFORE INSERT OR UPDATE", "crm_sync_stamp"),
            ("crm_sync_tombstone", "AFTER DELETE", "crm_sync_tombstone"),
        ):
            db.execute_sql(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
            db.execute_sql(
                f'CREATE TRIGGER {name} {when} ON "{table}" '
                f"FOR EACH ROW EXECUTE FUNCTION {function}()"
            )


# ------------------------------------------------------------------------ replicas

_REPLICA_TABLES = """
CREATE TABLE IF NOT EXISTS sync_pending (
    tbl TEXT NOT NULL,
    row_uuid TEXT NOT NULL,
    base TEXT,              -- the row at the last sync; NULL: made here
    base_kind TEXT NOT NULL DEFAULT 'raw',  -- 'raw': column values; 'wire': sync values
    offered TEXT,           -- JSON list: the row as sent in syncs not known to have ended
    PRIMARY KEY (tbl, row_uuid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_applying (one INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS sync_conflict (
    id INTEGER PRIMARY KEY,
    tbl TEXT NOT NULL,
    row_uuid TEXT NOT NULL,
    field TEXT NOT NULL,     -- a column, or '' when the row itself is at stake
    customer_uuid TEXT,      -- the customer it belongs to, for the badge
    local TEXT,              -- JSON of each side's value
    remote TEXT,
    remote_by TEXT,
    remote_at TEXT,
    reason TEXT,             -- why, when it is not two values (a refusal, a deletion)
    found_at TEXT NOT NULL,
    UNIQUE (tbl, row_uuid, field)
);
"""


def _old_row_json(model: type[peewee.Model]) -> str:
    """json_object of the OLD row, references given as the uuid of the row they name."""
    parts = []
    for field in model._meta.sorted_fields:
        if field.name == "id":
            continue
        column = field.column_name
        if isinstance(field, peewee.ForeignKeyField):
            parent = field.rel_model._meta.table_name
            value = f'(SELECT p.uuid FROM "{parent}" p WHERE p.id = OLD."{column}")'
        else:
            value = f'OLD."{column}"'
        parts.append(f"'{column}', {value}")
    return f"json_object({', '.join(parts)})"


def install_replica(db: peewee.SqliteDatabase) -> None:
    """Note every change the user makes from now on (a new replica; idempotent)."""
    db.connection().executescript(_REPLICA_TABLES)
    note_changes_of(db, [m for m in SYNCED if m not in PULL_ONLY])


def note_changes_of(db: peewee.SqliteDatabase, models: list[type[peewee.Model]]) -> None:
    """The triggers that note each change of these tables' rows (a table a migration adds
    to a replica; runs inside the caller's transaction)."""
    quiet = "NOT EXISTS (SELECT 1 FROM sync_applying)"
    for model in models:
        table = model._meta.table_name
        base = _old_row_json(model)
        for name, when, row, value in (
            ("ins", "AFTER INSERT", "NEW", "NULL"),
            ("upd", "BEFORE UPDATE", "OLD", base),
            ("del", "BEFORE DELETE", "OLD", base),
        ):
            db.execute_sql(f'DROP TRIGGER IF EXISTS "sync_{table}_{name}"')
            db.execute_sql(
                f'CREATE TRIGGER "sync_{table}_{name}" {when} ON "{table}" WHEN {quiet} '
                f"BEGIN INSERT OR IGNORE INTO sync_pending (tbl, row_uuid, base) "
                f"VALUES ('{table}', {row}.uuid, {value}); END"
            )


def is_replica(db: peewee.Database) -> bool:
    """Whether `db` is a replica that notes its changes."""
    return isinstance(db, peewee.SqliteDatabase) and db.table_exists("sync_pending")
