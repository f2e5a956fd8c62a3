"""Field sync benchmark: 10,000 changed customers with 30,000 new follow-ups, synced each
way, as a ratio to a plain bulk copy of the same rows in the same run.

An office on a PostgreSQL server gets SIZE customers owned by one rep (the cheap
generator of bench_foundation.py), and the rep takes a replica. Then:

- **up**: on the laptop every customer's notes change and 3 follow-ups per customer are
  logged (plain SQL, as fast as SQLite writes; the replica's triggers note each row);
  `sync` sends them to the office.
- **down**: the same at the office; `sync` brings them to the laptop.

The baseline is a plain bulk copy of the same rows: the customers and follow-ups read
from PostgreSQL and written with `executemany` into a SQLite file of the same schema,
and the other way with psycopg's `executemany`.

    eval "$(bash .ci/start-postgres)"           # or give --url postgresql://…/postgres
    python bench/bench_sync.py                  # 10,000 customers, 30,000 follow-ups
    python bench/bench_sync.py --size 2000
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg  # noqa: E402
from bench_office import fill  # noqa: E402
from psycopg import sql  # noqa: E402

from desktop_crm.db import office  # noqa: E402
from desktop_crm.db.connection import close_database, open_database  # noqa: E402
from desktop_crm.db.sign_in import OfficeAddress  # noqa: E402
from desktop_crm.domain import replica, sync  # noqa: E402

REP, PASSWORD = "bench_rep", "bench password"
PER_CUSTOMER = 3

_FOLLOWUP_COLUMNS = (
    "uuid, customer_id, owner_id, status, channel, initiated_by, subject, occurred_at, "
    "created_at, updated_at"
)


def change_laptop(path: Path) -> int:
    """Every customer's notes, and PER_CUSTOMER new follow-ups each, written on the laptop."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE customer SET notes = 'changed on the road', updated_at = datetime()")
        ids = [(cid, owner) for cid, owner in conn.execute("SELECT id, owner_id FROM customer")]
        conn.executemany(
            f"INSERT INTO follow_up ({_FOLLOWUP_COLUMNS}) VALUES (lower(hex(randomblob(16))), "
            "?, ?, 'done', 'visit', 'us', ?, datetime(), datetime(), datetime())",
            [(cid, owner, f"visit {n}") for cid, owner in ids for n in range(PER_CUSTOMER)],
        )
    return len(ids)


def change_office(url: str) -> int:
    """The same at the office, as the rep."""
    with psycopg.connect(url) as conn:
        conn.execute("UPDATE customer SET notes = 'changed at the office', updated_at = now()")
        conn.execute(
            f"INSERT INTO follow_up ({_FOLLOWUP_COLUMNS}) SELECT gen_random_uuid(), c.id, "
            "c.owner_id, 'done', 'phone', 'us', 'call ' || n, now(), now(), now() "
            f"FROM customer c, generate_series(1, {PER_CUSTOMER}) n"
        )
        return conn.execute("SELECT count(*) FROM customer").fetchone()[0]


def bulk_copy(url: str, folder: Path, size: int) -> float:
    """Seconds for a plain copy of `size` customers and PER_CUSTOMER follow-ups each,
    PostgreSQL to SQLite and back, into tables of the same schema (an empty replica's)."""
    empty = folder / "empty.db"
    open_database(str(empty))
    close_database()
    started = time.perf_counter()
    with psycopg.connect(url) as pg, sqlite3.connect(empty) as lite:
        for table, count in (("customer", size), ("follow_up", size * PER_CUSTOMER)):
            columns = [
                c[0]
                for c in lite.execute(f'SELECT name FROM pragma_table_info("{table}")').fetchall()
            ]
            names = ", ".join(f'"{c}"' for c in columns)
            rows = pg.execute(f'SELECT {names} FROM "{table}" LIMIT {count}').fetchall()
            rows = [tuple(str(v) if hasattr(v, "hex") else v for v in row) for row in rows]
            marks = ", ".join("?" * len(columns))
            lite.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
            # and back: the same rows as new ones, the way a sync sends
            pg.execute(f'CREATE TEMP TABLE "copy_{table}" (LIKE "{table}" INCLUDING DEFAULTS)')
            with pg.cursor() as cursor:
                cursor.executemany(
                    f'INSERT INTO "copy_{table}" ({names}) VALUES '
                    f"({', '.join(['%s'] * len(columns))})",
                    [tuple(row) for row in rows],
                )
    return time.perf_counter() - started


def timed_sync(path: Path, url: str) -> tuple[float, sync.SyncResult]:
    open_database(str(path))
    try:
        started = time.perf_counter()
        result = sync.sync(url)
        return time.perf_counter() - started, result
    finally:
        close_database()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument(
        "--url",
        default=os.environ.get("DESKTOP_CRM_TEST_POSTGRES"),
        help="superuser URL of the server (default: $DESKTOP_CRM_TEST_POSTGRES)",
    )
    args = parser.parse_args(argv)
    if not args.url:
        parser.error('no server: run eval "$(bash .ci/start-postgres)" or give --url')
    name = f"crm_bench_sync_{os.getpid()}"
    with psycopg.connect(args.url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    server, _, _ = args.url.rpartition("/")
    pg_url = f"{server}/{name}"
    as_rep = replace(OfficeAddress.from_url(pg_url), user=REP).url(PASSWORD)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            fill(pg_url, args.size)
            db = open_database(pg_url)
            office.install(db)
            office.add_user(db, REP, PASSWORD, role="rep")
            db.execute_sql(
                'UPDATE customer SET owner_id = (SELECT id FROM "user" WHERE username = %s)', (REP,)
            )
            close_database()
            laptop = folder / "laptop.db"
            started = time.perf_counter()
            replica.clone(as_rep, laptop)
            clone_s = time.perf_counter() - started
            rows = args.size * (1 + PER_CUSTOMER)
            print(
                f"# Field sync, {args.size:,} changed customers and "
                f"{args.size * PER_CUSTOMER:,} new follow-ups ({rows:,} rows) each way"
            )
            print(f"  clone of the office: {clone_s:.1f} s")
            change_laptop(laptop)
            up, sent = timed_sync(laptop, as_rep)
            print(f"  up (laptop → office): {up:.2f} s, {sent.sent:,} rows sent")
            change_office(as_rep)
            down, received = timed_sync(laptop, as_rep)
            print(f"  down (office → laptop): {down:.2f} s, {received.received:,} rows received")
            again, _ = timed_sync(laptop, as_rep)
            print(f"  a sync with nothing to do: {again:.2f} s")
            baseline = bulk_copy(as_rep, folder, args.size)
            print(f"  plain bulk copy of the same rows, both ways: {baseline:.2f} s")
            print(
                f"\n  sync up + down as a ratio to the bulk copy: {(up + down) / baseline:.1f}×"
                f" (up {up / (baseline / 2):.1f}×, down {down / (baseline / 2):.1f}× of half)"
            )
    finally:
        close_database()
        with psycopg.connect(args.url, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(REP)))


if __name__ == "__main__":
    main()
