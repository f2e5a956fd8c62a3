"""Backups, integrity checks and restore of the SQLite database."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.db.backup import (
    backup_sqlite,
    describe_sqlite,
    restore_sqlite,
    verify_sqlite,
)
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.migrations import CURRENT_VERSION
from desktop_crm.domain.customers import create_customer, trash_customers
from desktop_crm.errors import DatabaseError, SchemaTooNewError


def make_database(path: Path, names: list[str]) -> Path:
    open_database(str(path))
    made = [create_customer({"name": name}) for name in names]
    if len(made) > 1:
        trash_customers([made[-1].id])
    close_database()
    return path


def big_database(path: Path) -> Path:
    """A database spread over many pages (long notes), to damage in the middle."""
    open_database(str(path))
    for i in range(25):
        create_customer({"name": f"客户{i}", "notes": f"备注{i} " * 700})
    close_database()
    return path


def names_in(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT name FROM customer ORDER BY id")]
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def corrupt(path: Path) -> None:
    """Write garbage over pages in the middle of a real database file."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page * 2, len(data) - page, page * 3):
        data[start : start + 600] = b"\xde\xad\xbe\xef" * 150
    path.write_bytes(bytes(data))


def test_backup_copies_a_database_in_use(tmp_path: Path) -> None:
    source = make_database(tmp_path / "crm.sqlite3", ["张三", "李四"])
    open_database(str(source))  # another connection holds it open, in WAL mode
    create_customer({"name": "王五"})
    copy = backup_sqlite(source, tmp_path / "copy.sqlite3")
    close_database()
    assert names_in(copy) == ["张三", "李四", "王五"]
    assert verify_sqlite(copy) == []
    assert not list(tmp_path.glob("*.part"))


def test_backup_to_a_folder_or_missing_folder_is_refused(tmp_path: Path) -> None:
    source = make_database(tmp_path / "crm.sqlite3", ["张三"])
    with pytest.raises(DatabaseError, match="is a folder"):
        backup_sqlite(source, tmp_path)
    with pytest.raises(DatabaseError, match="cannot write the backup"):
        backup_sqlite(source, tmp_path / "missing" / "copy.sqlite3")


def test_describe_counts_customers_and_reads_the_schema(tmp_path: Path) -> None:
    info = describe_sqlite(make_database(tmp_path / "crm.sqlite3", ["张三", "李四", "王五"]))
    assert (info.schema_version, info.customers, info.trashed) == (CURRENT_VERSION, 2, 1)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        (b"", "not a SQLite file"),
        (b"name,phone\n", "not a SQLite file"),
    ],
)
def test_describe_refuses_files_that_are_not_ours(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "x.sqlite3"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DatabaseError, match=message):
        describe_sqlite(path)


def test_describe_refuses_another_apps_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="not a Desktop CRM database"):
        describe_sqlite(path)


def test_verify_finds_corruption(tmp_path: Path) -> None:
    path = big_database(tmp_path / "crm.sqlite3")
    corrupt(path)
    assert verify_sqlite(path)


# ----------------------------------------------------------------------- restore


@pytest.fixture
def current(tmp_path: Path) -> Path:
    return make_database(tmp_path / "current.sqlite3", ["现在的客户"])


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    return make_database(tmp_path / "backup.sqlite3", ["备份里的客户", "另一个", "回收站里的"])


def test_restore_replaces_the_contents_and_keeps_a_safety_copy(
    tmp_path: Path, current: Path, backup: Path
) -> None:
    result = restore_sqlite(backup, current, safety_dir=tmp_path / "safety")
    assert names_in(current) == ["备份里的客户", "另一个", "回收站里的"]
    assert (result.info.customers, result.info.trashed, result.upgraded_from) == (2, 1, None)
    assert result.safety_backup is not None and result.safety_backup.parent == tmp_path / "safety"
    assert names_in(result.safety_backup) == ["现在的客户"]
    assert verify_sqlite(current) == []
    open_database(str(current))  # the app opens the restored database as usual
    assert create_customer({"name": "新的"}).code == "C000004"
    close_database()


def test_restore_while_the_app_has_the_database_open(
    tmp_path: Path, current: Path, backup: Path
) -> None:
    open_database(str(current))
    create_customer({"name": "还没检查点的客户"})  # sits in the WAL
    restore_sqlite(backup, current, safety_dir=tmp_path / "safety")
    close_database()
    assert names_in(current) == ["备份里的客户", "另一个", "回收站里的"]
    (safety,) = (tmp_path / "safety").iterdir()
    assert names_in(safety) == ["现在的客户", "还没检查点的客户"]


def test_restore_into_a_new_path(tmp_path: Path, backup: Path) -> None:
    result = restore_sqlite(backup, tmp_path / "fresh.sqlite3", safety_dir=tmp_path / "safety")
    assert result.safety_backup is None
    assert names_in(tmp_path / "fresh.sqlite3") == ["备份里的客户", "另一个", "回收站里的"]


def test_restore_over_a_damaged_database(tmp_path: Path, backup: Path) -> None:
    damaged = big_database(tmp_path / "damaged.sqlite3")
    corrupt(damaged)
    before = damaged.read_bytes()
    result = restore_sqlite(backup, damaged, safety_dir=tmp_path / "safety")
    assert names_in(damaged) == ["备份里的客户", "另一个", "回收站里的"]
    assert result.safety_backup is not None
    assert result.safety_backup.read_bytes() == before  # the damaged file is kept as it was


def newer_schema(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("UPDATE schema_version SET version = 999")
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize(
    "kind", ["missing", "empty", "text", "garbage", "corrupt", "newer", "other_app", "itself"]
)
def test_a_bad_backup_leaves_the_current_database_untouched(
    tmp_path: Path, current: Path, kind: str
) -> None:
    source = tmp_path / "bad.sqlite3"
    if kind == "empty":
        source.write_bytes(b"")
    elif kind == "text":
        source.write_text("code,name\nC000001,张三\n", encoding="utf-8")
    elif kind == "garbage":
        source.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    elif kind == "corrupt":
        big_database(source)
        corrupt(source)
    elif kind == "newer":
        newer_schema(make_database(source, ["未来的客户"]))
    elif kind == "other_app":
        con = sqlite3.connect(source)
        con.execute("CREATE TABLE notes (body TEXT)")
        con.commit()
        con.close()
    elif kind == "itself":
        source = current
    before = digest(current)
    error = SchemaTooNewError if kind == "newer" else DatabaseError
    with pytest.raises(error):
        restore_sqlite(source, current, safety_dir=tmp_path / "safety")
    assert digest(current) == before
    assert names_in(current) == ["现在的客户"]
    assert not (tmp_path / "safety").exists()


def test_restore_refuses_a_target_in_a_missing_folder(tmp_path: Path, backup: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        restore_sqlite(backup, tmp_path / "nope" / "crm.sqlite3")


def test_describe_on_an_open_database(db: Any, db_path: Path) -> None:
    create_customer({"name": "张三"})
    assert describe_sqlite(db_path).customers == 1
