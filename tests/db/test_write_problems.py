"""A write the disk refuses (full, read-only, I/O) or another program holds up (busy) is a
clear `DatabaseError`; the action is rolled back whole and what was saved is intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_crm.db import connection
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import Customer, database
from desktop_crm.domain.customers import create_customer
from desktop_crm.errors import DatabaseBusyError, DiskFullError, ReadOnlyDatabaseError


@pytest.fixture
def opened(db_path: Path):
    open_database(str(db_path))
    create_customer({"name": "张三"})
    yield db_path
    close_database()


def names() -> list[str]:
    return [c.name for c in Customer.select().order_by(Customer.id)]


def test_a_full_disk_is_said_and_what_was_saved_stays(opened: Path) -> None:
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")  # SQLITE_FULL at the next page
    with pytest.raises(DiskFullError) as raised:
        create_customer({"name": "李四", "notes": "很长的备注 " * 15_000})
    assert "is full" in raised.value.message and str(opened) in raised.value.message
    assert names() == ["张三"]  # rolled back whole
    database.execute_sql("PRAGMA max_page_count = 1073741823")  # space freed: it works again
    create_customer({"name": "李四", "notes": "很长的备注 " * 15_000})
    assert names() == ["张三", "李四"]


def test_a_read_only_database_is_said(opened: Path) -> None:
    database.execute_sql("PRAGMA query_only = 1")  # what SQLite says on a read-only disk
    with pytest.raises(ReadOnlyDatabaseError) as raised:
        create_customer({"name": "李四"})
    assert "cannot be written" in raised.value.message
    database.execute_sql("PRAGMA query_only = 0")
    assert names() == ["张三"]


def test_a_write_held_up_by_another_program_says_busy(
    opened: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(connection.SQLITE_PRAGMAS, "busy_timeout", 100)
    open_database(str(opened))  # again, with the short wait
    other = sqlite3.connect(opened)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        with pytest.raises(DatabaseBusyError) as raised:
            create_customer({"name": "李四"})
        assert "busy" in raised.value.message
    finally:
        other.rollback()
        other.close()
    create_customer({"name": "李四"})
    assert names() == ["张三", "李四"]
