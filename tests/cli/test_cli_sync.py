"""`desktop-crm sync clone`: a rep takes a replica of the office database to a laptop.
Runs against the real test server, signed in as the rep."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys

from tests import postgres
from tests.office import PASSWORD, WANGS


def test_clone_writes_the_reps_replica_and_says_how_to_use_it(
    run, office_db, tmp_path, monkeypatch
):
    url = postgres.database_url(office_db.name, user="wang")
    laptop = tmp_path / "laptop.db"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    result = run("sync", "clone", url, "--to", str(laptop), "--password-stdin")
    assert result.code == 0, result
    assert "2 customers" in result.out and f"--database {laptop}" in result.out
    assert PASSWORD not in result.out
    with sqlite3.connect(laptop) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM customer")}
    assert names == {WANGS, "shared customer"}


def test_clone_refuses_in_one_line_a_wrong_password_and_an_existing_file(
    run, office_db, tmp_path, monkeypatch
):
    url = postgres.database_url(office_db.name, user="wang")
    laptop = tmp_path / "laptop.db"
    monkeypatch.setattr("sys.stdin", io.StringIO("not the password\n"))
    wrong = run("sync", "clone", url, "--to", str(laptop), "--password-stdin")
    assert wrong.code != 0 and "wrong user name or password for wang" in wrong.err
    assert len(wrong.err.strip().splitlines()) == 1 and not laptop.exists()
    laptop.write_text("unsynced work")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    there = run("sync", "clone", url, "--to", str(laptop), "--password-stdin")
    assert there.code != 0 and "exists already" in there.err
    assert laptop.read_text() == "unsynced work"


def test_a_clone_killed_mid_copy_leaves_no_replica_and_the_next_one_completes(
    run, office_db, tmp_path
):
    url = postgres.database_url(office_db.name, user="wang", password=PASSWORD)
    laptop = tmp_path / "laptop.db"
    command = [sys.executable, "-m", "desktop_crm", "sync", "clone", url, "--to", str(laptop)]
    copying = subprocess.Popen([*command, "--progress"], stderr=subprocess.PIPE, text=True)
    try:
        assert copying.stderr.readline().startswith("progress ")  # the copy is under way
    finally:
        copying.kill()  # kill -9
        copying.wait()
    assert not laptop.exists()
    result = run("sync", "clone", url, "--to", str(laptop))
    assert result.code == 0, result
    assert not (tmp_path / "laptop.db.part").exists()
    with sqlite3.connect(laptop) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert {r[0] for r in conn.execute("SELECT name FROM customer")} == {
            WANGS,
            "shared customer",
        }
