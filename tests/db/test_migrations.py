"""Opening databases: new, current, older (backed up first) and newer (refused)."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_crm.db import migrations, sync_tracking
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import ALL_MODELS, Customer, Phone, database
from desktop_crm.domain import customers
from desktop_crm.errors import DatabaseError, SchemaTooNewError


def test_a_new_database_gets_every_table_and_the_current_version(db):
    tables = set(database.get_tables())
    assert {m._meta.table_name for m in ALL_MODELS} <= tables
    assert "customer_search" in tables
    assert migrations.schema_version(db) == migrations.CURRENT_VERSION


def test_the_database_uses_wal_and_foreign_keys(db):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_reopening_keeps_the_data(db_path):
    open_database(str(db_path))
    customers.create_customer({"name": "张三"})
    close_database()
    open_database(str(db_path))
    assert Customer.select().count() == 1
    close_database()


def test_a_database_from_a_newer_version_is_refused_untouched(db_path):
    open_database(str(db_path))
    customers.create_customer({"name": "张三"})
    close_database()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE schema_version SET version = 999")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer version"):
        open_database(str(db_path))
    assert db_path.read_bytes() == before


def test_an_older_database_is_backed_up_before_upgrading(db_path, monkeypatch):
    open_database(str(db_path))
    customers.create_customer({"name": "张三"})
    close_database()
    applied = []
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, applied.append])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", migrations.CURRENT_VERSION + 1)
    open_database(str(db_path))
    assert migrations.schema_version(database.obj) == migrations.CURRENT_VERSION
    close_database()
    assert len(applied) == 1
    backups = list(db_path.parent.glob(f"crm.schema{migrations.CURRENT_VERSION - 1}-*.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT name FROM customer").fetchall() == [("张三",)]
    con.close()


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("这不是数据库")
    with pytest.raises(DatabaseError, match="not a Desktop CRM database"):
        open_database(str(path))


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(DatabaseError, match="folder"):
        open_database(str(tmp_path))


def test_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(str(tmp_path / "nowhere" / "crm.sqlite3"))


def test_a_schema_2_database_gains_the_strategy_steps_table(db_path, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        patch.setattr(migrations, "CURRENT_VERSION", 2)
        open_database(str(db_path))
        customers.create_customer({"name": "张三"})
        close_database()
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version FROM schema_version").fetchone() == (2,)
    assert not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'strategy_step'").fetchall()
    con.close()
    open_database(str(db_path))
    assert migrations.schema_version(database.obj) == migrations.CURRENT_VERSION
    assert database.obj.table_exists("strategy_step")
    assert Customer.select().count() == 1
    close_database()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_schema_3_database_gains_shared_customers_and_teams(backend, db_path, request):
    target = request.getfixturevalue("pg_empty_url") if backend == "postgres" else str(db_path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
        patch.setattr(migrations, "CURRENT_VERSION", 3)
        db = open_database(target)
        customers.create_customer({"name": "张三"})
        # Step 1 builds today's models; take away what schema 3 did not have.
        db.execute_sql("ALTER TABLE customer DROP COLUMN shared")
        db.execute_sql('ALTER TABLE "user" DROP COLUMN team')
        close_database()
    db = open_database(target)
    assert migrations.schema_version(db) == migrations.CURRENT_VERSION
    assert {"shared"} <= {c.name for c in db.get_columns("customer")}
    assert {"team"} <= {c.name for c in db.get_columns("user")}
    assert [(c.name, c.shared) for c in Customer.select()] == [("张三", False)]
    close_database()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_schema_7_database_gains_erasures(backend, db_path, request):
    target = request.getfixturevalue("pg_empty_url") if backend == "postgres" else str(db_path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:7])
        patch.setattr(migrations, "CURRENT_VERSION", 7)
        db = open_database(target)
        customers.create_customer({"name": "张三"})
        # Step 1 builds today's models; take away what schema 7 did not have.
        db.execute_sql("ALTER TABLE customer DROP COLUMN erased_at")
        db.execute_sql("DROP TABLE erasure")
        close_database()
    db = open_database(target)
    assert migrations.schema_version(db) == migrations.CURRENT_VERSION
    assert "erased_at" in {c.name for c in db.get_columns("customer")}
    assert db.table_exists("erasure")
    if backend == "postgres":  # synced like every other table: stamped and tombstoned
        assert "sync_xid" in {c.name for c in db.get_columns("erasure")}
    assert [(c.name, c.erased_at) for c in Customer.select()] == [("张三", None)]
    close_database()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_schema_8_database_keeps_its_phones_verified(backend, db_path, request):
    target = request.getfixturevalue("pg_empty_url") if backend == "postgres" else str(db_path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:8])
        patch.setattr(migrations, "CURRENT_VERSION", 8)
        db = open_database(target)
        customers.create_customer({"name": "张三", "phones": ["13800138000"]})
        # Step 1 builds today's models; take away what schema 8 did not have.
        db.execute_sql("ALTER TABLE phone DROP COLUMN verified")
        close_database()
    db = open_database(target)
    assert migrations.schema_version(db) == migrations.CURRENT_VERSION
    assert [(p.number, p.verified) for p in Phone.select()] == [("13800138000", True)]
    accepted = customers.PhoneEntry("+49 151 2345678", verified=False)
    customers.create_customer({"name": "Klara", "phones": [accepted]})
    assert Phone.select().where(Phone.verified == False).count() == 1  # noqa: E712 - SQL
    close_database()


def test_a_schema_9_replica_gains_the_rows_it_offered_and_keeps_its_changes(db_path):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:9])
        patch.setattr(migrations, "CURRENT_VERSION", 9)
        db = open_database(str(db_path))
        sync_tracking.install_replica(db)
        customers.create_customer({"name": "张三"})
        db.execute_sql("ALTER TABLE sync_pending DROP COLUMN offered")
        close_database()
    db = open_database(str(db_path))
    assert migrations.schema_version(db) == migrations.CURRENT_VERSION
    assert "offered" in {c.name for c in db.get_columns("sync_pending")}
    pending = db.execute_sql("SELECT tbl, offered FROM sync_pending").fetchall()
    assert ("customer", None) in pending
    close_database()
