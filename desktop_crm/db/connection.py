"""Open the one database the app works on: a SQLite file or a PostgreSQL URL.

The models are bound to `models.database`, a `DatabaseProxy` declared once and
initialised here, so the same code opens the user's file, a test's temporary file or
the office server.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse, urlsplit, urlunsplit

import peewee
from playhouse.shortcuts import ReconnectMixin

from desktop_crm.db import cipher, integrity
from desktop_crm.db.models import database
from desktop_crm.domain.messages import text
from desktop_crm.errors import (
    ConnectionLostError,
    DamagedDatabaseError,
    DatabaseBusyError,
    DatabaseError,
    DatabaseWriteError,
    DiskFullError,
    ReadOnlyDatabaseError,
    ServerConnectionError,
    SignInError,
)

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
PG_CONNECT_TIMEOUT = 5  # seconds: an unreachable office server is reported, not waited on


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def display_target(target: str) -> str:
    """`target` as it may be shown or logged: a URL without its password."""
    if not is_postgres_url(target):
        return target
    parts = urlsplit(target)
    if parts.password is None:
        return target
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username}@{host}"))


def _connection_problem(target: str, exc: Exception) -> ServerConnectionError:
    """One clear sentence for a failed connection to a PostgreSQL server."""
    url = urlparse(target)
    user = unquote(url.username) if url.username else "(your system user)"
    server = f"{url.hostname or 'localhost'}:{url.port or 5432}"
    name = (url.path or "/").lstrip("/") or "postgres"
    said = str(exc)
    if "password authentication failed" in said or "no password supplied" in said:
        return SignInError(text("wrong_password", user=user, server=server))
    if "not permitted to log in" in said:
        return SignInError(text("account_disabled", user=user, server=server))
    if f'database "{name}" does not exist' in said:
        return ServerConnectionError(text("no_such_database", name=name, server=server))
    if "Connection refused" in said or "timeout expired" in said or "could not translate" in said:
        return ServerConnectionError(text("server_unreachable", server=server))
    detail = " ".join(said.split()).removeprefix("connection failed: ")
    return ServerConnectionError(f"cannot connect to {display_target(target)}: {detail}")


# What psycopg 3 says when the server went away (stopped, restarted, network gone).
_LOST = (
    "terminating connection",
    "the connection is closed",
    "server closed the connection",
    "consuming input failed",
    "connection has been closed unexpectedly",
    "connection to server",
)


class OfficeDatabase(ReconnectMixin, peewee.PostgresqlDatabase):
    """PostgreSQL that survives the server going away between two actions.

    A statement outside a transaction whose connection was lost reconnects and runs
    again (peewee's ReconnectMixin). Inside a transaction nothing is retried — the
    server rolled it back whole — and the loss is a `ConnectionLostError`, so the user
    is told plainly and can try again; so is a server that cannot be reached at all.
    """

    reconnect_errors = tuple(
        (kind, fragment)
        for kind in (peewee.OperationalError, peewee.InterfaceError)
        for fragment in _LOST
    )

    def __init__(self, target: str) -> None:
        url = urlparse(target)
        self.target = target
        super().__init__(
            (url.path or "/").lstrip("/") or "postgres",
            user=unquote(url.username) if url.username else None,
            password=unquote(url.password) if url.password else None,
            host=url.hostname,
            port=url.port or 5432,
            prefer_psycopg3=True,
            connect_timeout=PG_CONNECT_TIMEOUT,
        )

    @property
    def server(self) -> str:
        return f"{self.connect_params['host'] or 'localhost'}:{self.connect_params['port']}"

    def connect(self, reuse_if_open: bool = False) -> bool:
        try:
            return super().connect(reuse_if_open)
        except peewee.OperationalError as exc:
            raise _connection_problem(self.target, exc) from None  # its cause holds the URL

    def execute_sql(self, sql: str, params: Sequence[Any] | None = None):  # noqa: ANN201
        if self.is_closed():
            # Connect here, not inside peewee's execute_sql: there the connection problem
            # would be re-wrapped by the name of its base class, as a peewee.DatabaseError.
            self.connect()
        with self._loss_told():
            return super().execute_sql(sql, params)

    def commit(self) -> None:
        with self._loss_told():
            super().commit()

    def rollback(self) -> None:
        """A lost connection has nothing to roll back: the server dropped the transaction."""
        try:
            super().rollback()
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            if not _is_loss(exc):
                raise

    @contextlib.contextmanager
    def _loss_told(self) -> Iterator[None]:
        try:
            yield
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            if _is_loss(exc):
                raise ConnectionLostError(text("connection_lost", server=self.server)) from exc
            raise


def _is_loss(exc: Exception) -> bool:
    said = str(exc).lower()
    return any(fragment in said for fragment in _LOST)


# What SQLite says when a write cannot be done, and the message the user gets instead.
_WRITE_PROBLEMS = (
    ("database or disk is full", DiskFullError, "disk_full"),
    ("attempt to write a readonly database", ReadOnlyDatabaseError, "database_read_only"),
    ("readonly database", ReadOnlyDatabaseError, "database_read_only"),
    ("disk i/o error", DatabaseWriteError, "disk_io_error"),
    ("database is locked", DatabaseBusyError, "database_busy"),
    ("database is busy", DatabaseBusyError, "database_busy"),
)


@contextlib.contextmanager
def _write_problems_told(path: str, read_only: bool = False) -> Iterator[None]:
    """SQLite's disk full, read-only, I/O error and busy, as a `DatabaseError` saying so.

    The transaction they happen in is rolled back whole (by `atomic`), so what was
    saved before stays as it was; the user's form keeps its edits.
    """
    try:
        yield
    except peewee.OperationalError as exc:
        said = str(exc).lower()
        for fragment, kind, key in _WRITE_PROBLEMS:
            if fragment in said:
                if read_only and kind is ReadOnlyDatabaseError:
                    key = "opened_read_only"  # the user asked for it: say so
                raise kind(text(key, file=path)) from exc
        raise


class _TellsWriteProblems:
    """Mixed into the SQLite databases: every statement, begin and commit goes through
    `_write_problems_told`, the one place these errors are turned into words."""

    database: str
    shown_path: str | None = None  # the file, when `database` is a read-only URI
    read_only = False

    def _told(self) -> contextlib.AbstractContextManager[None]:
        return _write_problems_told(self.shown_path or self.database, self.read_only)

    def execute_sql(self, sql: str, params: Sequence[Any] | None = None):  # noqa: ANN201
        with self._told():
            return super().execute_sql(sql, params)  # type: ignore[misc]

    def commit(self) -> None:
        with self._told():
            super().commit()  # type: ignore[misc]

    def begin(self, lock_type: str | None = None) -> None:
        with self._told():
            super().begin(lock_type)  # type: ignore[misc]

    def rollback(self) -> None:
        """SQLite itself rolled back after a full disk, an I/O error or a busy wait:
        then there is nothing to roll back, and saying so would hide the reason."""
        conn = self._state.conn  # type: ignore[attr-defined]
        if conn is not None and not conn.in_transaction:
            return
        super().rollback()  # type: ignore[misc]


class LocalDatabase(_TellsWriteProblems, peewee.SqliteDatabase):
    """The SQLite file on this computer."""


class LocalEncryptedDatabase(_TellsWriteProblems, cipher.EncryptedDatabase):
    """The SQLCipher file on this computer."""


def make_database(target: str, *, read_only: bool = False) -> peewee.Database:
    """A peewee database for a path or URL, not yet connected.

    `read_only` (a SQLite file): opened with `mode=ro` and `query_only`, so nothing can
    be written to it, not even a WAL checkpoint; every write is refused, saying so.
    """
    if is_postgres_url(target):
        return OfficeDatabase(target)
    if read_only:
        pragmas = {k: v for k, v in SQLITE_PRAGMAS.items() if k != "journal_mode"}
        pragmas["query_only"] = 1
        if cipher.is_encrypted(target):  # keyed by its path: `query_only` alone
            db = cipher.encrypted_database(
                target, pragmas=pragmas, timeout=10, kind=LocalEncryptedDatabase
            )
        else:
            uri = f"{Path(target).resolve().as_uri()}?mode=ro"
            db = LocalDatabase(uri, pragmas=pragmas, timeout=10, uri=True)
        db.shown_path, db.read_only = target, True
        return db
    if cipher.is_encrypted(target):  # keyed with the password `cipher.unlock` checked
        return cipher.encrypted_database(
            target, pragmas=SQLITE_PRAGMAS, timeout=10, kind=LocalEncryptedDatabase
        )
    return LocalDatabase(target, pragmas=SQLITE_PRAGMAS, timeout=10)


def check_sqlite_path(path: str) -> None:
    """Refuse paths that cannot hold a SQLite database safely, with the reason."""
    p = Path(path)
    if p.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if p.exists():
        with p.open("rb") as fh:
            header = fh.read(16)
        if header and header != b"SQLite format 3\x00" and not cipher.is_encrypted(p):
            raise DatabaseError(f"{path} is not a Desktop CRM database (not a SQLite file)")
    elif not p.parent.exists():
        raise DatabaseError(f"the folder {p.parent} does not exist")
    if str(p.resolve()).startswith(NETWORK_PREFIXES):
        log.warning("database %s looks like a network share; SQLite WAL needs a local disk", p)


def open_database(
    target: str,
    *,
    migrate: bool = True,
    password: str | None = None,
    check: bool = True,
    read_only: bool = False,
) -> peewee.Database:
    """Open (creating and migrating if needed) the database at `target` and bind the models.

    `target` is a SQLite file path or a `postgresql://` URL. Raises `DatabaseError` with a
    clear message when the file is not a database, is corrupt, or is from a newer version;
    a SQLite file first gets the quick check of `integrity.check_before_opening` (unless
    `check` is False) and is not opened at all when it fails (`DamagedDatabaseError`).
    `read_only` opens an existing SQLite file so that nothing can be written to it (no
    migration either: a file from an older schema is refused).
    An encrypted file opens with `password`, else the one this process remembers
    (`PasswordRequiredError` without either, `WrongPasswordError` when it is wrong).
    """
    from desktop_crm.db import migrations  # late: migrations imports this module

    close_database()
    if not is_postgres_url(target):
        problem = integrity.check_before_opening(target) if check else None
        if problem is not None:  # never opened for writing: see db/integrity.py
            raise DamagedDatabaseError(problem.message, problem)
        check_sqlite_path(target)
        cipher.unlock(target, password)  # an encrypted file: the password checked, kept
    if read_only and not is_postgres_url(target) and not Path(target).is_file():
        raise DatabaseError(f"{target} does not exist")
    db = make_database(target, read_only=read_only)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)  # a PostgreSQL failure is already a DatabaseError
    except peewee.OperationalError as exc:
        raise DatabaseError(f"cannot open the database {target}: {exc}") from exc
    try:
        if read_only:
            found = migrations.schema_version(db)
            if found != migrations.CURRENT_VERSION:
                raise DatabaseError(
                    f"{target} has schema {found}; open it normally (or restore it) to "
                    f"upgrade it to schema {migrations.CURRENT_VERSION} first"
                )
        elif migrate:
            migrations.migrate(db, display_target(target))
    except (peewee.DatabaseError, *cipher.DATABASE_ERRORS) as exc:
        close_database()
        raise DatabaseError(f"cannot open the database {display_target(target)}: {exc}") from exc
    except Exception:
        close_database()
        raise
    return db


def close_database() -> None:
    """Close the current connection, if any (the proxy stays bound)."""
    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()
    if isinstance(database.obj, cipher.EncryptedDatabase):
        database.obj.close_idle()  # the pool's too: nothing may hold the file when it goes


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


@contextlib.contextmanager
def without_waiting(db: peewee.Database | None = None) -> Iterator[None]:
    """Writes that give up at once (DatabaseBusyError) when another connection holds the
    SQLite write lock, instead of waiting `busy_timeout` for it: for bookkeeping the UI
    thread may skip, so that a long import elsewhere never freezes the window."""
    db = db or database.obj
    if not isinstance(db, peewee.SqliteDatabase):
        yield
        return
    (waited,) = db.execute_sql("PRAGMA busy_timeout").fetchone()
    db.execute_sql("PRAGMA busy_timeout = 0")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA busy_timeout = {int(waited)}")
