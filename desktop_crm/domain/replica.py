"""A field rep's copy of the office database: a local SQLite file to work on offline.

`clone` reads the office database *as the signed-in user*, so the server's row-level
security decides what the copy holds — the customers they may see and what hangs off
them, nothing more — and writes it to a new SQLite file through the app's own
migrations. Ids are kept as they are, so every reference inside the copy holds; the
rows' `uuid`s are what identify them across replicas. A reference to a row the user
may not see (referred by another rep's customer) is left empty in the copy; a row
that cannot be without it (a relation to another rep's customer) is left out.

The copy is written to `NAME.part` and renamed into place only when complete and
checked, so a clone that is killed, cancelled or loses the server leaves nothing that
looks like a database. Where it came from is kept in its settings (`sync.*`), which
the sync reads.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee

from desktop_crm.db import migrations, sync_tracking
from desktop_crm.db.cipher import connect_sqlite
from desktop_crm.db.connection import (
    close_database,
    display_target,
    is_postgres_url,
    make_database,
    open_database,
)
from desktop_crm.db.models import ALL_MODELS, Setting, database, utcnow
from desktop_crm.domain import sync
from desktop_crm.domain.customers import rebuild_search_index
from desktop_crm.domain.messages import text
from desktop_crm.errors import CrmError

BATCH = 1000

Progress = Callable[[str, int, int], bool]  # (table, done, total) -> go on?


class Cancelled(CrmError):
    """The clone was stopped by the user; nothing was written."""


@dataclass(frozen=True)
class CloneResult:
    path: Path
    rows: dict[str, int]  # table -> rows copied
    customers: int


def clone(source: str, target: str | Path, *, progress: Progress | None = None) -> CloneResult:
    """Copy what the user signed in to `source` may see into a new SQLite file `target`.

    Refuses an existing `target` (it may hold work not yet synced) and a source whose
    schema differs from this app's. Raises `Cancelled` when `progress` returns False.
    The models' one database is the new file while it is written, so a process that
    works on another database runs this in a process of its own (`sync clone`).
    """
    if not is_postgres_url(source):
        raise CrmError(text("replica_from_office_only", source=source))
    path = Path(target)
    if path.exists():
        raise CrmError(text("replica_exists", file=path))
    if not path.parent.is_dir():
        raise CrmError(text("folder_missing", folder=path.parent))
    part = partial_file(path)
    discard(part)
    try:
        rows, origin = _copy(source, part, progress)  # leaves the models on the new file
        customers = rebuild_search_index()
        now = utcnow().isoformat()
        origin |= {
            sync.ORIGIN: display_target(source),
            sync.REPLICA_NAME: f"{origin[sync.USER]}@{socket.gethostname()}",
            sync.LAST_SYNCED: now,
            "sync.cloned_at": now,
        }
        with database.atomic():
            for key, value in origin.items():
                Setting.replace(key=key, value=value).execute()
        sync_tracking.install_replica(database.obj)
        close_database()
        os.replace(part, path)
    except BaseException:
        close_database()
        discard(part)
        raise
    return CloneResult(path=path, rows=rows, customers=customers)


def _copy(
    source: str, part: Path, progress: Progress | None
) -> tuple[dict[str, int], dict[str, str]]:
    """Every table the user may read, into a new SQLite file at `part`; and the replica's
    settings: who they are, the replica registered with the office (its id and the key
    that signs its sync files), the oldest transaction the copy may have missed (where
    the first sync starts)."""
    office = make_database(source)
    office.connect()
    try:
        migrations.require_current(office, display_target(source))
        user = office.execute_sql("SELECT session_user").fetchone()[0]
        replica_id, secret = str(uuid.uuid4()), secrets.token_hex(32)
        office.execute_sql(
            f"INSERT INTO {sync_tracking.REPLICAS} (uuid, secret) VALUES (%s, %s)",
            (replica_id, secret),
        )
        # One snapshot of the whole database, however long the copy takes (only read:
        # closing the session ends it).
        office.execute_sql("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        (mark,) = office.execute_sql(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text"
        ).fetchone()
        local = open_database(str(part))  # the schema, by the same migrations
        local.pragma("foreign_keys", 0)  # tables arrive one by one; checked at the end
        counts: dict[str, int] = {}
        with local.atomic():
            for model in ALL_MODELS:
                counts[model._meta.table_name] = _copy_table(office, model, progress)
            _empty_unseen_references(local)
        local.pragma("foreign_keys", 1)
        settings = {
            sync.USER: user,
            sync.REPLICA: replica_id,
            sync.SECRET: secret,
            sync.WATERMARK: mark,
        }
        return counts, settings
    finally:
        office.close()


def _copy_table(
    office: peewee.Database, model: type[peewee.Model], progress: Progress | None
) -> int:
    table = model._meta.table_name
    fields = model._meta.sorted_fields
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    total = office.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    cursor = office.execute_sql(f'SELECT {columns} FROM "{table}" ORDER BY id')
    model.delete().execute()  # a new file's own rows (defaults) give way to the office's
    done = 0
    while batch := cursor.fetchmany(BATCH):
        rows = [{f: f.python_value(v) for f, v in zip(fields, row, strict=True)} for row in batch]
        model.insert_many(rows).execute()
        done += len(rows)
        if progress is not None and not progress(table, done, total):
            raise Cancelled(text("copy_cancelled"))
    return done


def _empty_unseen_references(local: peewee.SqliteDatabase) -> None:
    """References to rows the server did not show: empty where they may be, else the row goes.

    (A row that must name what the user may not see — a relation both of whose ends are
    needed — is not theirs to hold.)
    """
    for _pass in range(len(ALL_MODELS)):  # removing a row may leave its children dangling
        problems = local.execute_sql("PRAGMA foreign_key_check").fetchall()
        if not problems:
            return
        by_table = {m._meta.table_name: m for m in ALL_MODELS}
        for table, rowid, parent, fk_index in problems:
            model = by_table[table]
            fk = _foreign_key(local, table, parent, fk_index)
            field = next(f for f in model._meta.sorted_fields if f.column_name == fk)
            if field.null:
                local.execute_sql(f'UPDATE "{table}" SET "{fk}" = NULL WHERE rowid = ?', (rowid,))
            else:
                local.execute_sql(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
    raise CrmError("the copy's references could not be made whole; nothing was written")


def _foreign_key(local: peewee.SqliteDatabase, table: str, parent: str, index: int) -> str:
    for row in local.execute_sql(f'PRAGMA foreign_key_list("{table}")').fetchall():
        if row[0] == index and row[2] == parent:
            return row[3]
    raise CrmError(f"no reference {index} from {table} to {parent}")


def partial_file(target: str | Path) -> Path:
    """Where a replica of `target` is written until it is complete."""
    path = Path(target)
    return path.with_name(path.name + ".part")


def discard(path: Path) -> None:
    """Remove a SQLite file and its journals (what a stopped copy left behind)."""
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)


def customer_count(path: str | Path) -> int:
    """How many live customers a replica file holds (read without opening it as the app's)."""
    with contextlib.closing(connect_sqlite(path, readonly=True)) as conn:
        return conn.execute("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL").fetchone()[0]
