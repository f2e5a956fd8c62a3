"""`desktop-crm sync clone` and `sync`: a rep takes a replica of the office database to a
laptop and syncs it. Runs against the real test server, signed in as the rep."""

from __future__ import annotations

import contextlib
import io
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import Customer
from desktop_crm.domain import customers
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
    with sql(laptop) as conn:
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
    with sql(laptop) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert {r[0] for r in conn.execute("SELECT name FROM customer")} == {
            WANGS,
            "shared customer",
        }


@contextlib.contextmanager
def sql(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to the laptop, closed after (sqlite3's own `with` only commits): one
    left open in this process would share the -shm file that a sync process removes."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            yield conn
    finally:
        conn.close()


def replica_of(run, office_db, tmp_path, user: str = "wang"):
    url = postgres.database_url(office_db.name, user=user, password=PASSWORD)
    laptop = tmp_path / f"{user}.db"
    assert run("sync", "clone", url, "--to", str(laptop)).code == 0
    return laptop


def office(office_db, query: str, *params: object) -> list[tuple]:
    with office_db.connect("boss") as conn:
        cursor = conn.execute(query, params)
        return cursor.fetchall() if cursor.description else []


def test_sync_sends_changes_lists_a_conflict_and_sends_the_choice(
    run, office_db, tmp_path, monkeypatch
):
    laptop = replica_of(run, office_db, tmp_path)
    with sql(laptop) as conn:
        conn.execute("UPDATE customer SET notes = 'mine', title = '总监' WHERE name = ?", (WANGS,))
    office(office_db, "UPDATE customer SET notes = 'theirs' WHERE name = %s", WANGS)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    result = run("--database", str(laptop), "sync", "--password-stdin")
    assert result.code == 0, result
    assert "1 sent" in result.out and "1 conflicts open" in result.out
    assert office(office_db, "SELECT notes, title FROM customer WHERE name = %s", WANGS) == [
        ("theirs", "总监")
    ]
    status = run("--database", str(laptop), "sync", "status")
    assert "changes waiting: 1" in status.out and "conflicts: 1" in status.out
    listed = run("--database", str(laptop), "sync", "conflicts")
    number, customer, what, about = listed.out.strip().split("\t")
    assert (customer, what) == (WANGS, "customer.notes")
    assert "'mine'" in about and "'theirs'" in about
    settled = run("--database", str(laptop), "sync", "resolve", number, "mine")
    assert settled.code == 0, settled
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert run("--database", str(laptop), "sync", "--password-stdin").code == 0
    assert office(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == [("mine",)]
    assert "conflicts: 0" in run("--database", str(laptop), "sync", "status").out


def test_sync_of_a_database_that_is_no_replica_says_so(run, tmp_path):
    result = run("--database", str(tmp_path / "desk.db"), "sync")
    result.assert_one_clear_error("is not a replica", "sync clone")


def test_a_sync_killed_at_any_moment_loses_and_doubles_nothing(run, office_db, tmp_path):
    laptop = replica_of(run, office_db, tmp_path)
    with sql(laptop) as conn:
        conn.execute("UPDATE customer SET notes = 'from the road' WHERE name = ?", (WANGS,))
    command = [sys.executable, "-m", "desktop_crm", "--database", str(laptop), "sync"]
    # killed while sending, while receiving, and as it commits
    for steps in (1, 8, 23):
        syncing = subprocess.Popen(
            [*command, "--progress"],
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PGPASSWORD": PASSWORD},
        )
        try:
            for _ in range(steps):
                syncing.stderr.readline()
        finally:
            syncing.kill()  # kill -9
            syncing.wait()
        with sql(laptop) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    result = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "PGPASSWORD": PASSWORD}
    )
    assert result.returncode == 0, result.stderr
    assert office(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == [
        ("from the road",)
    ]
    assert office(office_db, "SELECT count(*) FROM customer") == [(4,)]
    with sql(laptop) as conn:
        assert conn.execute("SELECT count(*) FROM sync_pending").fetchone() == (0,)


def test_a_sync_file_import_killed_at_the_office_loses_and_doubles_nothing(
    run, office_db, tmp_path
):
    laptop = replica_of(run, office_db, tmp_path)
    url = postgres.database_url(office_db.name, user="wang", password=PASSWORD)
    at_office = [sys.executable, "-m", "desktop_crm", "--database", url, "sync", "import"]
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    # sending, receiving, committing; then at random moments
    kills = (1, 10, 22, *(chance.randint(1, 24) for _ in range(3)))
    for number, steps in enumerate(kills, start=1):
        with sql(laptop) as conn:
            conn.execute("UPDATE customer SET notes = ? WHERE name = ?", (f"note {number}", WANGS))
        changes, reply = tmp_path / f"out{number}.crmsync", tmp_path / f"back{number}.crmsync"
        assert run("--database", str(laptop), "sync", "export", str(changes)).code == 0
        importing = subprocess.Popen(
            [*at_office, str(changes), "--reply", str(reply), "--progress"],
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            for _ in range(steps):
                importing.stderr.readline()
        finally:
            importing.kill()  # kill -9
            importing.wait()
        if reply.exists():  # it had committed: the laptop takes the reply
            assert run("--database", str(laptop), "sync", "import", str(reply)).code == 0
        assert not (tmp_path / f"back{number}.crmsync.part").exists()
    # whatever happened, the next file completes the work, once
    changes, reply = tmp_path / "last.crmsync", tmp_path / "last-back.crmsync"
    assert run("--database", str(laptop), "sync", "export", str(changes)).code == 0
    done = subprocess.run([*at_office, str(changes), "--reply", str(reply)], capture_output=True)
    assert done.returncode == 0, done.stderr
    assert run("--database", str(laptop), "sync", "import", str(reply)).code == 0
    assert office(office_db, "SELECT notes FROM customer WHERE name = %s", WANGS) == [
        (f"note {len(kills)}",)
    ], f"seed {seed}"
    assert office(office_db, "SELECT count(*) FROM customer") == [(4,)]
    with sql(laptop) as conn:
        assert conn.execute("SELECT count(*) FROM sync_pending").fetchone() == (0,)


def test_syncs_killed_at_random_moments_lose_and_double_nothing(run, office_db, tmp_path):
    """The soak: each round a new customer and an edit on the laptop, an edit at the
    office, and a sync killed (-9) after a random delay within what a whole sync takes."""
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    laptop = replica_of(run, office_db, tmp_path)
    command = [sys.executable, "-m", "desktop_crm", "--database", str(laptop), "sync"]
    env = {**os.environ, "PGPASSWORD": PASSWORD}
    started = time.monotonic()
    assert subprocess.run(command, capture_output=True, env=env).returncode == 0
    whole = time.monotonic() - started
    rounds = 6
    for number in range(1, rounds + 1):
        open_database(str(laptop))
        try:
            customers.create_customer({"name": f"road {number}", "owner": "wang"})
            wangs = Customer.get(Customer.name == WANGS).id
            customers.update_customer(wangs, {"notes": f"laptop {number}"})
        finally:
            close_database()
        office(
            office_db, "UPDATE customer SET title = %s WHERE name = %s", f"office {number}", WANGS
        )
        syncing = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        time.sleep(chance.uniform(0, whole))
        syncing.kill()  # kill -9, or it had finished
        syncing.wait()
        with sql(laptop) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",), f"seed {seed}"
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    assert result.returncode == 0, (seed, result.stderr)

    expected = {WANGS, "shared customer", *(f"road {n}" for n in range(1, rounds + 1))}
    names = [name for (name,) in office(office_db, "SELECT name FROM customer")]
    assert sorted(names) == sorted(expected | {"li's customer", "chen's customer"}), f"seed {seed}"
    assert office(office_db, "SELECT notes, title FROM customer WHERE name = %s", WANGS) == [
        (f"laptop {rounds}", f"office {rounds}")
    ], f"seed {seed}"
    with sql(laptop) as conn:
        here = [name for (name,) in conn.execute("SELECT name FROM customer")]
        assert sorted(here) == sorted(expected), f"seed {seed}"
        assert conn.execute(
            "SELECT notes, title FROM customer WHERE name = ?", (WANGS,)
        ).fetchone() == (
            f"laptop {rounds}",
            f"office {rounds}",
        )
        assert conn.execute("SELECT count(*) FROM sync_pending").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM sync_conflict").fetchone() == (0,)
