"""Open the one database the app works on: a SQLite file or a PostgreSQL URL.

The models are bound to `models.database`, a `DatabaseProxy` declared once and
initialised here, so the same code opens the user's file, a test's temporary file or
the office server.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from urllib.parse import urlparse

import peewee

from desktop_crm.db.models import database
from desktop_crm.errors import DatabaseError

log = logging.getLogger(__name__)

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10_000,
    "synchronous": "full",  # what people type must survive a power cut
    "cache_size": -64_000,  # 64 MB
    "temp_store": "memory",
}

NETWORK_PREFIXES = ("\\\\", "//", "/Volumes/", "/net/", "/mnt/smb", "/smb/")


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def make_database(target: str) -> peewee.Database:
    """A peewee database for a path or URL, not yet connected."""
    if is_postgres_url(target):
        url = urlparse(target)
        return peewee.PostgresqlDatabase(
            (url.path or "/").lstrip("/") or "postgres",
            user=url.username,
            password=url.password,
            host=url.hostname,
            port=url.port or 5432,
            prefer_psycopg3=True,
        )
    return peewee.SqliteDatabase(target, pragmas=SQLITE_PRAGMAS, timeout=10)


def check_sqlite_path(path: str) -> None:
    """Refuse paths that cannot hold a SQLite database safely, with the reason."""
    p = Path(path)
    if p.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if p.exists():
        with p.open("rb") as fh:
            header = fh.read(16)
        if header and header != b"SQLite format 3\x00":
            raise DatabaseError(f"{path} is not a Desktop CRM database (not a SQLite file)")
    elif not p.parent.exists():
        raise DatabaseError(f"the folder {p.parent} does not exist")
    if str(p.resolve()).startswith(NETWORK_PREFIXES):
        log.warning("database %s looks like a network share; SQLite WAL needs a local disk", p)


def open_database(target: str, *, migrate: bool = True) -> peewee.Database:
    """Open (creating and migrating if needed) the database at `target` and bind the models.

    `target` is a SQLite file path or a `postgresql://` URL. Raises `DatabaseError` with a
    clear message when the file is not a database, is corrupt, or is from a newer version.
    """
    from desktop_crm.db import migrations  # late: migrations imports this module

    close_database()
    if not is_postgres_url(target):
        check_sqlite_path(target)
    db = make_database(target)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        if migrate:
            migrations.migrate(db, target)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        close_database()
        raise DatabaseError(f"cannot open the database {target}: {exc}") from exc
    except Exception:
        close_database()
        raise
    return db


def close_database() -> None:
    """Close the current connection, if any (the proxy stays bound)."""
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()


def is_sqlite(db: peewee.Database | None = None) -> bool:
    return isinstance(db or database.obj, peewee.SqliteDatabase)


def write_transaction(db: peewee.Database | None = None):  # noqa: ANN201 - a context manager
    """A transaction for one user action that writes.

    On SQLite it starts with BEGIN IMMEDIATE, so a read-then-write never fails with
    "database is locked" when another connection committed in between.
    """
    db = db or database.obj
    if isinstance(db, peewee.SqliteDatabase):
        return db.atomic("IMMEDIATE")
    return db.atomic()
