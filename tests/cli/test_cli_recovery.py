"""`desktop-crm check` on a damaged file: one line naming the problem, exit 1; and no
command opens a damaged file for writing."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.damage import DAMAGES, demo_database

NAMED = {
    "overwritten": "corrupted pages",
    "truncated": "truncated",
    "zeros": "only zeros",
    "not-a-database": "not a Desktop CRM database",
    "torn-wal": "write-ahead log",
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("demo") / "crm.sqlite3")


@pytest.fixture
def copy(pristine: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy2(pristine, tmp_path / "crm.sqlite3"))


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_check_names_the_damage_in_one_line_and_exits_1(run, copy: Path, damage: str) -> None:
    DAMAGES[damage](copy)
    result = run("--database", str(copy), "check")
    assert result.code == 1
    result.assert_one_clear_error(NAMED[damage], str(copy), "restore")
    assert result.err.count("\n") == 1


def test_check_a_sound_demo_database_still_says_ok(run, copy: Path) -> None:
    result = run("--database", str(copy), "check")
    assert result.code == 0 and result.out.startswith("ok:")


@pytest.mark.parametrize("damage", ["overwritten", "torn-wal"])
def test_a_writing_command_refuses_a_damaged_file_and_changes_nothing(
    run, copy: Path, damage: str
) -> None:
    DAMAGES[damage](copy)
    before = digests(copy.parent)
    result = run("--database", str(copy), "demo", "--customers", "3")
    result.assert_one_clear_error("is damaged")
    assert digests(copy.parent) == before


def test_a_write_while_another_program_writes_says_busy_in_one_line(
    run, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from desktop_crm.db import connection

    monkeypatch.setitem(connection.SQLITE_PRAGMAS, "busy_timeout", 200)
    other = sqlite3.connect(copy)  # the app, in the middle of saving
    other.execute("BEGIN IMMEDIATE")
    try:
        result = run("--database", str(copy), "demo", "--customers", "2")
    finally:
        other.rollback()
        other.close()
    result.assert_one_clear_error("is busy", str(copy))
