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
    assert str(written) in result.out and "2 customers, checked" in result.out
    assert "7 daily, 4 weekly, 12 monthly" in result.out
    assert customer_names(written) == ["张三", "李四"]
    second = run("--database", str(database), "backup")  # within the same second
    assert second.code == 0, second.err
    # the rotation keeps the newest backup of a day: the first one goes
    (newest,) = paths.backup_dir().glob("crm-*.sqlite3")
    assert newest != written and f"removed {written}" in second.out
    assert "1 older backup(s) removed" in second.out


def test_backup_goes_to_the_folder_of_the_rotation(
    run: Any, database: Path, tmp_path: Path
) -> None:
    from desktop_crm.domain.backups import BackupPolicy, save_policy

    stick = tmp_path / "U盘"
    stick.mkdir()
    save_policy(BackupPolicy(daily=2, folder=stick))
    result = run("--database", str(database), "backup")
    assert result.code == 0, result.err
    (written,) = stick.glob("crm-*.sqlite3")
    assert str(written) in result.out and "2 daily" in result.out
    assert not list(paths.backup_dir().glob("crm-*.sqlite3"))


def write_backups(folder: Path, database: Path, stamps: list[str]) -> list[Path]:
    from desktop_crm.db.backup import backup_sqlite

    return [backup_sqlite(database, folder / f"crm-{stamp}.sqlite3") for stamp in stamps]


def test_backup_list_shows_each_backup_newest_first(run: Any, database: Path) -> None:
    older, newer = write_backups(
        paths.backup_dir(), database, ["20261201-090000", "20261202-181500"]
    )
    damaged = paths.backup_dir() / "crm-20261203-090000.sqlite3"
    damaged.write_text("garbage", encoding="utf-8")
    (paths.backup_dir() / "crm-before-restore-20261204-090000.sqlite3").write_text("x")
    result = run("--database", str(database), "backup", "--list")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("2026-12-03 09:00:00") and "unreadable" in lines[0]
    assert lines[1].startswith("2026-12-02 18:15:00") and lines[1].endswith(str(newer))
    assert "2 customers" in lines[1] and " MB " in lines[1]
    assert lines[2].startswith("2026-12-01 09:00:00") and lines[2].endswith(str(older))


def test_backup_list_works_when_the_database_is_gone(run: Any, database: Path) -> None:
    write_backups(paths.backup_dir(), database, ["20261201-090000"])
    database.unlink()
    result = run("--database", str(database), "backup", "--list")
    assert result.code == 0 and len(result.out.splitlines()) == 1
    empty = run("--database", str(database.with_name("other.sqlite3")), "backup", "--list")
    assert empty.code == 0 and empty.out == "" and "no backups of" in empty.err


def test_backup_prune_applies_the_rotation_and_prints_what_it_removed(
    run: Any, database: Path
) -> None:
    from desktop_crm.domain.backups import BackupPolicy, save_policy

    save_policy(BackupPolicy(daily=2, weekly=0, monthly=0))
    made = write_backups(
        paths.backup_dir(),
        database,
        ["20261201-090000", "20261202-090000", "20261202-180000", "20261203-090000"],
    )
    other = paths.backup_dir() / "notes.txt"
    other.write_text("mine", encoding="utf-8")
    result = run("--database", str(database), "backup", "--prune")
    assert result.code == 0, result.err
    assert sorted(line for line in result.out.splitlines() if line.startswith("removed")) == [
        f"removed {made[0]}",
        f"removed {made[1]}",
    ]
    assert "2 removed, 2 kept (2 daily, 0 weekly, 0 monthly" in result.out
    assert sorted(paths.backup_dir().iterdir()) == sorted([made[2], made[3], other])


def test_backup_prune_refuses_a_damaged_rotation_file(run: Any, database: Path) -> None:
    write_backups(paths.backup_dir(), database, ["20261201-090000", "20261202-090000"])
    paths.backup_policy_file().write_text("{oops", encoding="utf-8")
    run("--database", str(database), "backup", "--prune").assert_one_clear_error(
        "backup-policy.json"
    )
    assert len(list(paths.backup_dir().glob("crm-*.sqlite3"))) == 2


def test_backup_list_and_output_do_not_go_together(run: Any, database: Path) -> None:
    result = run("--database", str(database), "backup", "--list", "-o", "x.sqlite3")
    assert result.code == 2


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
