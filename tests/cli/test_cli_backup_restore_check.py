"""`desktop-crm backup`, `restore` and `check`."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_crm import paths
from desktop_crm.db.migrations import CURRENT_VERSION
from tests.cli.conftest import corrupt, customer_names, digest, make_newer, run_module

# ------------------------------------------------------------------------ backup


def test_backup_to_the_backups_folder_prints_the_path(run: Any, database: Path) -> None:
    result = run("--database", str(database), "backup")
    assert result.code == 0, result.err
    (written,) = paths.backup_dir().glob("crm-*.sqlite3")
    assert str(written) in result.out
    assert customer_names(written) == ["张三", "李四"]
    second = run("--database", str(database), "backup")  # within the same second
    assert second.code == 0 and len(list(paths.backup_dir().glob("crm-*.sqlite3"))) == 2


def test_backup_to_a_named_file(run: Any, database: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    result = run("--database", str(database), "backup", "-o", str(target))
    assert result.code == 0 and str(target) in result.out
    assert customer_names(target) == ["张三", "李四"]


@pytest.mark.parametrize(
    ("where", "message"), [("missing/copy.sqlite3", "does not exist"), (".", "is a folder")]
)
def test_backup_to_an_unwritable_path(
    run: Any, database: Path, tmp_path: Path, where: str, message: str
) -> None:
    run("--database", str(database), "backup", "-o", str(tmp_path / where)).assert_one_clear_error(
        message
    )


@pytest.mark.parametrize("kind", ["missing", "text", "corrupt", "newer"])
def test_backup_of_a_bad_database(run: Any, database: Path, tmp_path: Path, kind: str) -> None:
    target = database
    if kind == "missing":
        target = tmp_path / "none.sqlite3"
    elif kind == "text":
        target.write_text("not a database", encoding="utf-8")
    elif kind == "corrupt":
        corrupt(database)
    else:
        make_newer(database)
    result = run("--database", str(target), "backup", "-o", str(tmp_path / "copy.sqlite3"))
    result.assert_one_clear_error()
    assert not (tmp_path / "copy.sqlite3").exists()


@pytest.mark.parametrize(("command", "tool"), [("backup", "pg_dump"), ("restore", "pg_restore")])
def test_backup_and_restore_are_refused_for_postgresql(run: Any, command: str, tool: str) -> None:
    argv = ["--database", "postgresql://crm@localhost/crm", command]
    if command == "restore":
        argv.append("backup.sqlite3")
    run(*argv).assert_one_clear_error("not supported for PostgreSQL", tool)


# ----------------------------------------------------------------------- restore


def test_restore_replaces_the_database_and_keeps_the_old_one(
    run: Any, database: Path, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.sqlite3"
    assert run("--database", str(database), "backup", "-o", str(saved)).code == 0
    con = sqlite3.connect(database)
    con.execute("UPDATE customer SET name = '改过的名字' WHERE id = 1")
    con.commit()
    con.close()
    result = run("--database", str(database), "restore", str(saved))
    assert result.code == 0, result.err
    assert customer_names(database) == ["张三", "李四"]
    assert "2 customers" in result.out and "kept in" in result.out
    (safety,) = paths.backup_dir().glob("crm-before-restore-*.sqlite3")
    assert customer_names(safety) == ["改过的名字", "李四"]
    assert run("--database", str(database), "check").code == 0


def bad_backup(tmp_path: Path, kind: str, database: Path) -> tuple[Path, str]:
    path = tmp_path / "backup.sqlite3"
    if kind == "missing":
        return tmp_path / "none.sqlite3", "does not exist"
    if kind == "empty":
        path.write_bytes(b"")
        return path, "not a SQLite file"
    if kind == "garbage":
        path.write_bytes(bytes(range(256)) * 40)
        return path, "not a SQLite file"
    if kind == "csv":
        path.write_text("code,name\nC1,张三\n", encoding="utf-8")
        return path, "not a SQLite file"
    if kind in ("corrupt", "newer"):
        path.write_bytes(database.read_bytes())
        if kind == "corrupt":
            corrupt(path)
            return path, ""
        make_newer(path)
        return path, "newer version"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["missing", "empty", "garbage", "csv", "corrupt", "newer"])
def test_restore_of_a_bad_file_leaves_the_data_untouched(
    run: Any, database: Path, tmp_path: Path, kind: str
) -> None:
    path, message = bad_backup(tmp_path, kind, database)
    before = digest(database)
    result = run("--database", str(database), "restore", str(path))
    result.assert_one_clear_error(message)
    assert digest(database) == before
    assert customer_names(database) == ["张三", "李四"]
    assert not list(paths.backup_dir().glob("*before-restore*"))


# ------------------------------------------------------------------------- check


def test_check_a_sound_database(run: Any, database: Path) -> None:
    result = run("--database", str(database), "check")
    assert (result.code, result.err) == (0, "")
    assert (
        result.out.startswith("ok: ")
        and (f"2 customers (0 in the trash), schema {CURRENT_VERSION}") in result.out
    )


def test_check_does_not_change_the_file(run: Any, database: Path) -> None:
    before = digest(database)
    assert run("--database", str(database), "check").code == 0
    assert digest(database) == before


def test_check_a_corrupted_database(run: Any, database: Path) -> None:
    corrupt(database)
    result = run("--database", str(database), "check")
    result.assert_one_clear_error("is damaged", "restore")
    assert result.code == 1 and result.out == ""


def test_check_a_broken_foreign_key(run: Any, database: Path) -> None:
    con = sqlite3.connect(database)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute("UPDATE phone SET customer_id = 999")
    con.commit()
    con.close()
    result = run("--database", str(database), "check")
    result.assert_one_clear_error("is damaged")
    assert "foreign key broken in phone" in result.err


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing", "no database"),
        ("folder", "is a folder"),
        ("text", "not a SQLite file"),
        ("newer", "newer version"),
        ("other_app", "not a Desktop CRM database"),
    ],
)
def test_check_files_that_are_not_sound_databases(
    run: Any, database: Path, tmp_path: Path, kind: str, message: str
) -> None:
    target = database
    if kind == "missing":
        target = tmp_path / "none.sqlite3"
    elif kind == "folder":
        target = tmp_path
    elif kind == "text":
        database.write_text("hello", encoding="utf-8")
    elif kind == "newer":
        make_newer(database)
    else:
        target = tmp_path / "other.sqlite3"
        con = sqlite3.connect(target)
        con.execute("CREATE TABLE notes (body TEXT)")
        con.commit()
        con.close()
    run("--database", str(target), "check").assert_one_clear_error(message)
    if kind == "missing":
        assert not target.exists()


def test_check_in_a_subprocess_reports_corruption(database: Path) -> None:
    corrupt(database)
    result = run_module("--database", str(database), "check")
    result.assert_one_clear_error("is damaged")
