"""Office benchmark: customer search on PostgreSQL as a ratio to the same search on SQLite.

The same customers (the cheap generator of bench_foundation.py) are written to a SQLite
file and to a new database on a PostgreSQL server, both through `bulk_insert_customers`;
then every query kind — one Hanzi, two Hanzi, pinyin initials, a phone fragment, Latin,
a search combined with a filter, and the list's first rows with no search — runs on
each, through `search.search_customers(..., limit=50)` as the customer list calls it:
on PostgreSQL as the database owner and as an office admin signed in as themselves, whose
every row passes the row-level security policies. Target: PostgreSQL's p95 within 2×
SQLite's and under 50 ms.

    eval "$(bash .ci/start-postgres)"           # or give --url postgresql://…/postgres
    python bench/bench_office.py                # 100,000 customers
    python bench/bench_office.py --size 20000 --runs 20

The PostgreSQL server is the one a URL names: a superuser URL to its `postgres`
database, where a database for the run is created and dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg  # noqa: E402
from bench_foundation import BATCH, cheap_customers, measure, pick_queries  # noqa: E402
from psycopg import sql  # noqa: E402

from desktop_crm.db import office  # noqa: E402
from desktop_crm.db.connection import close_database, is_sqlite, open_database  # noqa: E402
from desktop_crm.db.models import Customer, database  # noqa: E402
from desktop_crm.db.sign_in import OfficeAddress  # noqa: E402
from desktop_crm.domain.bulk import bulk_insert_customers  # noqa: E402
from desktop_crm.domain.search import CustomerQuery, search_customers  # noqa: E402

TARGET_RATIO = 2.0
TARGET_MS = 50.0
ADMIN, PASSWORD = "bench_admin", "bench password"


def fill(target: str, size: int) -> float:
    """Write `size` customers to `target`; returns the seconds it took."""
    open_database(target)
    customers = list(cheap_customers(size))
    started = time.perf_counter()
    for i in range(0, size, BATCH):
        bulk_insert_customers(customers[i : i + BATCH], changed_by="bench")
    seconds = time.perf_counter() - started
    if not is_sqlite():
        database.execute_sql("ANALYZE")
    close_database()
    return seconds


def queries() -> dict[str, CustomerQuery]:
    """The query kinds, built from the data so each has hits (read from the open database)."""
    texts = pick_queries()
    city = Customer.select(Customer.city).where(Customer.city.is_null(False)).scalar()
    kinds = {label: CustomerQuery(text=text) for label, text in texts.items()}
    kinds["2 Hanzi + city"] = CustomerQuery(text=texts["2 Hanzi"], city=city)
    kinds["list, no search"] = CustomerQuery()
    return kinds


def timings(target: str, kinds: dict[str, CustomerQuery], runs: int) -> dict[str, tuple]:
    open_database(target)
    try:
        return {
            label: measure(lambda q=query: search_customers(q, limit=50), runs)
            for label, query in kinds.items()
        }
    finally:
        close_database()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument(
        "--url",
        default=os.environ.get("DESKTOP_CRM_TEST_POSTGRES"),
        help="superuser URL of the server (default: $DESKTOP_CRM_TEST_POSTGRES)",
    )
    args = parser.parse_args(argv)
    if not args.url:
        parser.error('no server: run eval "$(bash .ci/start-postgres)" or give --url')
    name = f"crm_bench_{os.getpid()}"
    with psycopg.connect(args.url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    server, _, _ = args.url.rpartition("/")
    pg_url = f"{server}/{name}"
    as_admin = replace(OfficeAddress.from_url(pg_url), user=ADMIN).url(PASSWORD)
    try:
        with tempfile.TemporaryDirectory() as folder:
            sqlite_path = str(Path(folder) / "bench.sqlite3")
            print(f"# Office search, {args.size:,} customers, {args.runs} runs each (ms)")
            for label, target in (("SQLite", sqlite_path), ("PostgreSQL", pg_url)):
                print(f"  writing to {label}: {fill(target, args.size):.1f} s")
            db = open_database(pg_url)
            office.install(db)
            office.add_user(db, ADMIN, PASSWORD, role="admin")
            close_database()
            open_database(sqlite_path)
            kinds = queries()
            close_database()
            results = [
                timings(target, kinds, args.runs) for target in (sqlite_path, pg_url, as_admin)
            ]
    finally:
        close_database()
        with psycopg.connect(args.url, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(ADMIN)))
    target = f"(target ≤ {TARGET_RATIO:.0f}× and < {TARGET_MS:.0f} ms)"
    print(
        f"\n  {'query':<17} | {'SQLite':>15} | {'PostgreSQL, owner':>24} | "
        f"{'PostgreSQL, office admin':>24}   {target}"
    )
    print(f"  {'':<17} | {'med':>7} {'p95':>7} |" + f" {'med':>7} {'p95':>7} {'×SQLite':>8} |" * 2)
    for label in kinds:
        (s_med, s_p95), *on_pg = (r[label] for r in results)
        cells, over = [], False
        for p_med, p_p95 in on_pg:
            ratio = p_p95 / max(s_p95, 0.001)
            over = over or ratio > TARGET_RATIO or p_p95 > TARGET_MS
            cells.append(f" {p_med:7.2f} {p_p95:7.2f} {ratio:7.2f}× |")
        print(
            f"  {label:<17} | {s_med:7.2f} {s_p95:7.2f} |"
            + "".join(cells)
            + ("   over target" if over else "")
        )


if __name__ == "__main__":
    main()
