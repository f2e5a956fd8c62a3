"""Copies of the SQLite database through SQLite's online backup API.

The backup API copies a consistent snapshot while other connections keep writing, so
backups can be taken at any time without closing the app. Every connection goes through
`cipher.connect_sqlite`: an encrypted database is read with its key, and its backups are
encrypted with the same key (they open with the same password).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee

from desktop_crm.db.cipher import DATABASE_ERRORS, SQLITE_ERRORS, connect_sqlite, is_encrypted
from desktop_crm.errors import DatabaseError, SchemaTooNewError
from desktop_crm.paths import backup_dir


def backup_sqlite(source: str | Path, destination: str | Path) -> Path:
    """Copy the SQLite database at `source` to `destination` (a new file) and return it."""
    destination = Path(destination)
    if destination.exists() and destination.is_dir():
        raise DatabaseError(f"{destination} is a folder; give a file name for the backup")
    tmp = destination.with_name(destination.name + ".part")
    try:
        _online_copy(Path(source), tmp, single_file=True)
        tmp.replace(destination)  # a half-written backup never carries the final name
    except (OSError, *SQLITE_ERRORS) as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"cannot write the backup {destination}: {exc}") from exc
    return destination


def backup_before_migration(db: peewee.Database, target: str, version: int) -> Path | None:
    """Keep a copy of a SQLite file before its schema is upgraded from `version`."""
    if not isinstance(db, peewee.SqliteDatabase) or target == ":memory:":
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = Path(target)
    return backup_sqlite(path, path.with_name(f"{path.stem}.schema{version}-{stamp}{path.suffix}"))


def new_backup_path(database: str | Path, folder: str | Path | None = None) -> Path:
    """A new file in `folder` (default: the backups folder) named after the database and
    the time."""
    where = Path(folder) if folder is not None else backup_dir()
    return _unique(where / timestamped_name(Path(database).stem))


def timestamped_name(stem: str = "crm") -> str:
    return f"{stem}-{datetime.now().strftime('%Y%m%d-%H%M%S')}.sqlite3"


def verify_sqlite(path: str | Path) -> list[str]:
    """Run SQLite's integrity and foreign-key checks; the list of problems (empty = sound)."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(f"{path} does not exist")
    try:
        con = connect_sqlite(path, readonly=True)
        try:
            problems = [row[0] for row in con.execute("PRAGMA integrity_check")]
            if problems == ["ok"]:
                problems = []
            problems += [
                f"foreign key broken in {table} row {rowid} -> {parent}"
                for table, rowid, parent, _ in con.execute("PRAGMA foreign_key_check")
            ]
        finally:
            con.close()
    except DATABASE_ERRORS as exc:
        return [f"not a readable SQLite database: {exc}"]
    return problems


SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class DatabaseInfo:
    """What a Desktop CRM database file holds, read without changing it."""

    path: Path
    schema_version: int
    customers: int  # not in the trash
    trashed: int


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    target: Path
    safety_backup: Path | None  # the database as it was before the restore
    info: DatabaseInfo  # what was restored
    upgraded_from: int | None  # the schema it was migrated from, when it was older


def is_sqlite_file(path: str | Path) -> bool:
    """Whether `path` starts like a SQLite database (an empty file does not)."""
    try:
        with Path(path).open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def is_database_file(path: str | Path) -> bool:
    """Whether `path` is a SQLite database, plain or encrypted."""
    return is_sqlite_file(path) or is_encrypted(path)


def describe_sqlite(path: str | Path) -> DatabaseInfo:
    """Schema version and customer counts of the database at `path`, opened read-only.

    Raises `DatabaseError` when it is missing, not a SQLite file, or not a Desktop CRM
    database, and `SchemaTooNewError` when a newer version of the app wrote it.
    """
    from desktop_crm.db.migrations import CURRENT_VERSION  # late: migrations imports us

    path = Path(path)
    if not path.exists():
        raise DatabaseError(f"{path} does not exist")
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if not is_database_file(path):
        raise DatabaseError(f"{path} is not a Desktop CRM database (not a SQLite file)")
    try:
        con = connect_sqlite(path, readonly=True)
        try:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
            if not {"schema_version", "customer"} <= tables:
                raise DatabaseError(f"{path} is not a Desktop CRM database (no customer tables)")
            version = con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
            if version > CURRENT_VERSION:
                raise SchemaTooNewError(
                    f"{path} was written by a newer version of Desktop CRM (schema {version}, "
                    f"this version knows up to {CURRENT_VERSION}); please update the app"
                )
            live, trashed = con.execute(
                "SELECT COUNT(*) - COUNT(deleted_at), COUNT(deleted_at) FROM customer"
            ).fetchone()
        finally:
            con.close()
    except DATABASE_ERRORS as exc:
        raise DatabaseError(f"{path} cannot be read: {exc}") from exc
    return DatabaseInfo(path, version, live, trashed)


def restore_sqlite(
    source: str | Path, target: str | Path, *, safety_dir: str | Path | None = None
) -> RestoreResult:
    """Replace the database at `target` with the backup `source`, keeping a safety copy.

    `source` must be a sound Desktop CRM database no newer than this app; otherwise
    `DatabaseError` is raised and `target` is not touched. The current `target` is first
    copied to `safety_dir` (default: the backups folder). The copy in goes through the
    online backup API, so a running app's WAL and locks are respected; a `target` too
    damaged to take it is replaced as a file. An older backup is then migrated.
    """
    source, target = Path(source), Path(target)
    info = describe_sqlite(source)
    problems = verify_sqlite(source)
    if problems:
        raise DatabaseError(f"{source} is damaged and cannot be restored: {problems[0]}")
    if target.exists() and target.resolve() == source.resolve():
        raise DatabaseError(f"{source} is the current database itself")
    if target.is_dir():
        raise DatabaseError(f"{target} is a folder, not a database file")
    if not target.parent.is_dir():
        raise DatabaseError(f"the folder {target.parent} does not exist")
    safety = None
    target_sound = False
    if target.exists() and target.stat().st_size > 0:
        folder = Path(safety_dir) if safety_dir is not None else backup_dir()
        safety = _unique(folder / timestamped_name(f"{target.stem}-before-restore"))
        target_sound = is_database_file(target) and not verify_sqlite(target)
        if target_sound:
            backup_sqlite(target, safety)
        else:  # a damaged database: keep its bytes as they are
            _copy_files(target, safety)
    if target_sound and is_encrypted(source) == is_encrypted(target):
        _backup_into(source, target)
    else:
        tmp = target.with_name(target.name + ".restoring")
        tmp.unlink(missing_ok=True)
        _backup_into(source, tmp)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        tmp.replace(target)
    upgraded_from = None
    from desktop_crm.db.migrations import CURRENT_VERSION

    if info.schema_version < CURRENT_VERSION:
        from desktop_crm.db.connection import close_database, open_database

        open_database(str(target))
        close_database()
        upgraded_from = info.schema_version
    return RestoreResult(source, target, safety, info, upgraded_from)


def _online_copy(source: Path, destination: Path, *, single_file: bool = False) -> None:
    """Copy `source` (opened read-only) into `destination` with SQLite's online backup API.

    A new `destination` is encrypted like `source`. (The backup API copies pages between
    two plain or two encrypted files only; a restore across the two is a new file.) The
    copy takes the source's WAL mode with its pages; `single_file` turns it back to a
    rollback journal, so a backup is one file to carry and opening it read-only (to list
    or check it) leaves no -wal and -shm files beside it.
    """
    src = connect_sqlite(source, readonly=True)
    try:
        dst = connect_sqlite(destination, encrypted_like=source, timeout=30)
        try:
            src.backup(dst)
            if single_file:
                dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _backup_into(source: Path, destination: Path) -> None:
    try:
        _online_copy(source, destination)
    except SQLITE_ERRORS as exc:
        raise DatabaseError(f"cannot restore into {destination}: {exc}") from exc


def _copy_files(database: Path, destination: Path) -> None:
    try:
        shutil.copy2(database, destination)
        for suffix in ("-wal",):
            extra = Path(f"{database}{suffix}")
            if extra.exists():
                shutil.copy2(extra, Path(f"{destination}{suffix}"))
    except OSError as exc:
        raise DatabaseError(f"cannot keep a copy of {database}: {exc.strerror or exc}") from exc


def _unique(path: Path) -> Path:
    """`path`, or `path` with -2, -3 … when a file of that name exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate
