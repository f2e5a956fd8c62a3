"""Copies of the SQLite database through SQLite's online backup API.

The backup API copies a consistent snapshot while other connections keep writing, so
backups can be taken at any time without closing the app.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import peewee

from desktop_crm.errors import DatabaseError


def backup_sqlite(source: str | Path, destination: str | Path) -> Path:
    """Copy the SQLite database at `source` to `destination` (a new file) and return it."""
    destination = Path(destination)
    if destination.exists() and destination.is_dir():
        raise DatabaseError(f"{destination} is a folder; give a file name for the backup")
    tmp = destination.with_name(destination.name + ".part")
    try:
        src = sqlite3.connect(f"file:{Path(source).as_posix()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        tmp.replace(destination)  # a half-written backup never carries the final name
    except (OSError, sqlite3.Error) as exc:
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


def timestamped_name(stem: str = "crm") -> str:
    return f"{stem}-{datetime.now().strftime('%Y%m%d-%H%M%S')}.sqlite3"


def verify_sqlite(path: str | Path) -> list[str]:
    """Run SQLite's integrity and foreign-key checks; the list of problems (empty = sound)."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(f"{path} does not exist")
    try:
        con = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
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
    except sqlite3.DatabaseError as exc:
        return [f"not a readable SQLite database: {exc}"]
    return problems


