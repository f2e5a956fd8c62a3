"""Foundation benchmark: the bulk write path and customer search, as ratios to baselines.

    python bench/bench_foundation.py [--sizes 100000 1000000] [--dir DIR] [--runs 50]

For each size N it builds a fresh database and prints:

1. Write throughput. The same prepared customers (NewCustomer objects made before the
   clock starts, in chunks to bound memory) go through `bulk_insert_customers` — customer
   row, phones, emails, addresses, contacts, tags, history, search document — and, as the
   baselines, the customer rows alone through plain `sqlite3` `executemany` into
   (a) a plain table with the same columns and no index, (b) a copy of the real customer
   table with all its indexes. Same batch size, one transaction per batch, the app's
   pragmas. Also where the bulk time goes, per phase.
2. Search latency (median and p95 over --runs runs) of a 1-Hanzi, a 2-Hanzi, a
   pinyin-initials, a phone-fragment and a Latin query through
   `search.search_customers(..., limit=50)` and `search.count_customers(..., cap=10000)`,
   against the bare FTS5 query `SELECT rowid … MATCH ? LIMIT 50` over the same rows.

Rows come from a cheap deterministic generator (names, companies and streets from the
sample-data pools, built once with Faker; everything else from one seeded random stream),
so 1,000,000 customers take seconds to prepare rather than minutes.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_crm.db import search_index  # noqa: E402
from desktop_crm.db.connection import SQLITE_PRAGMAS, close_database, open_database  # noqa: E402
from desktop_crm.db.models import Customer, database, utcnow  # noqa: E402
from desktop_crm.domain import bulk, demo  # noqa: E402
from desktop_crm.domain.bulk import NewCustomer, bulk_insert_customers  # noqa: E402
from desktop_crm.domain.customers import (  # noqa: E402
    AddressEntry,
    ContactEntry,
    EmailEntry,
    PhoneEntry,
    sort_key,
)

BATCH = 2000
CHUNK = 100_000  # customers prepared at a time (memory), each chunk timed separately
SEED = 11
TARGET_WRITE_RATIO = 1 / 3
TARGET_P95_RATIO = 3.0


# --------------------------------------------------------------------------- the rows


def cheap_customers(count: int, seed: int = SEED) -> Iterator[NewCustomer]:
    """Deterministic, plausible customers without calling Faker per row."""
    pools = demo._pools(seed)  # noqa: SLF001 - reuse the sample-data name pools
    rng = random.Random(seed)
    rnd = rng.random

    def pick(seq):  # noqa: ANN001, ANN202
        return seq[int(rnd() * len(seq))]

    stages = [s.name for s in demo.STAGES]
    for i in range(count):
        zh = rnd() < 0.75
        enterprise = rnd() < 0.3
        province, city, _, area, postcode, _, districts = pick(demo.CN_CITIES)
        mobile = pick(demo.CN_MOBILE_PREFIXES) + f"{int(rnd() * 10**8):08d}"
        if zh:
            phone = PhoneEntry(mobile, "mobile", "+86" + mobile, mobile)
        else:
            state, us_city, codes, _, _ = pick(demo.US_CITIES)
            digits = f"{pick(codes)}{200 + int(rnd() * 300)}{int(rnd() * 10**4):04d}"
            phone = PhoneEntry(
                f"+1 {digits[:3]}-{digits[3:6]}-{digits[6:]}", "mobile", "+1" + digits, digits
            )
        people = pools.zh_people if zh else pools.en_people
        c = NewCustomer(
            name="",
            kind="enterprise" if enterprise else "individual",
            stage=pick(stages),
            relationship_level=1 + int(rnd() * 5),
            source=pick(demo.SOURCES)[0],
        )
        if enterprise:
            c.name, domain = pick(pools.zh_companies if zh else pools.en_companies)
            c.emails = [EmailEntry(f"info@{domain}")]
            person = pick(people)
            c.contacts = [
                ContactEntry(
                    person.name,
                    is_primary=True,
                    phones=[PhoneEntry(mobile, "mobile", "+86" + mobile, mobile)],
                )
            ]
            c.phones = [PhoneEntry(f"{area}-{int(rnd() * 10**7) + 6 * 10**7}", "work")]
            local = c.phones[0].number.split("-")[1]
            c.phones[0].e164, c.phones[0].digits = "+86" + area[1:] + local, area[1:] + local
        else:
            person = pick(people)
            c.name, c.gender = person.name, person.gender
            c.phones = [phone]
            if rnd() < 0.6:
                c.emails = [EmailEntry(f"{person.mail}{i % 1000}@{pick(demo.ZH_MAIL)}")]
        c.addresses = (
            [
                AddressEntry(
                    "work",
                    "中国",
                    province,
                    city,
                    pick(districts),
                    f"{pick(pools.zh_roads)}{1 + int(rnd() * 900)}号",
                    f"{postcode}001",
                )
            ]
            if zh
            else [
                AddressEntry("home", "United States", state, us_city, None, pick(pools.en_streets))
            ]
        )
        if rnd() < 0.4:
            c.tags = [pick(demo.ZH_TAGS if zh else demo.EN_TAGS)]
        if rnd() < 0.2:
            c.notes = pick(demo.ZH_NOTES if zh else demo.EN_NOTES)
        yield c


def plain_rows(customers: list[NewCustomer], first_id: int) -> list[tuple]:
    """The customer rows bulk_insert_customers writes, as ready tuples (made off the clock)."""
    now = bulk.stored_now()
    uuids = bulk.new_uuids(len(customers))
    rows = []
    for n, (c, uid) in enumerate(zip(customers, uuids, strict=True)):
        cid = first_id + n
        first = c.addresses[0] if c.addresses else AddressEntry()
        rows.append(
            (
                cid,
                uid,
                now,
                now,
                f"C{cid:06d}",
                sort_key(c.name),
                first.province,
                first.city,
                first.district,
                None,
                1,
                *bulk._customer_values(c),
            )
        )  # noqa: SLF001
    return rows


def customer_columns() -> list[str]:
    return [
        "id",
        "uuid",
        "created_at",
        "updated_at",
        "code",
        "sort_key",
        "province",
        "city",
        "district",
        "import_batch_id",
        "version",
        *(f.column_name for f in bulk._CUSTOMER_FIELDS),
    ]  # noqa: SLF001


# ----------------------------------------------------------------------------- timing


class PhaseTimer:
    """Wraps the bulk path's building blocks to see where its time goes.

    Each phase counts its own time only (time in a nested wrapped phase goes to that one).
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._saved: list[tuple[object, str, object]] = []
        self._nested: list[float] = []

    def wrap(self, owner: object, name: str, label: Callable[..., str] | str) -> None:
        original = getattr(owner, name)
        seconds, nested = self.seconds, self._nested

        def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            nested.append(0.0)
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                inner = nested.pop()
                if nested:
                    nested[-1] += elapsed
                key = label(*args) if callable(label) else label
                seconds[key] += elapsed - inner

        self._saved.append((owner, name, original))
        setattr(owner, name, timed)

    def __enter__(self) -> PhaseTimer:
        self.wrap(bulk, "insert_rows", lambda model, *a: f"insert {model._meta.table_name}")
        self.wrap(bulk, "sort_key", "sort keys (pinyin)")
        self.wrap(search_index, "build_document", "search documents: build (Python)")
        self.wrap(search_index, "write_documents", "search documents: FTS5 insert")
        self.wrap(bulk, "_insert_customer_rows", "customer row tuples (Python)")
        self.wrap(bulk, "_insert_children", "related row tuples (Python)")
        self.wrap(bulk, "_search_fields", "search fields (Python)")
        self.wrap(bulk, "reserve_codes", "codes")
        self.wrap(bulk, "next_ids", "ids")
        self.wrap(database.obj, "commit", "commits (WAL write, fsync, checkpoint)")
        return self

    def __exit__(self, *exc: object) -> None:
        for owner, name, original in reversed(self._saved):
            if owner is database.obj:
                delattr(owner, name)  # back to the class's method
            else:
                setattr(owner, name, original)


EXTRA_PRAGMAS: list[str] = []  # from --pragma, for trying settings on every connection


def time_ordered_uuids(count: int) -> list[str]:
    """UUIDv7-style ids (48-bit millisecond clock, then a counter and random bits).

    An experiment (--ordered-uuids): every table's unique uuid index then grows at its
    end instead of taking a random page write per row.
    """
    millis = time.time_ns() // 1_000_000
    base = random.getrandbits(32) << 32
    result = []
    for n in range(count):
        value = (millis << 80) | (0x7 << 76) | ((base + n) & ((1 << 62) - 1)) | (0x2 << 62)
        result.append(f"{value:032x}")
    return result


def sqlite_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for key, value in SQLITE_PRAGMAS.items():
        conn.execute(f"PRAGMA {key} = {value}")
    for pragma in EXTRA_PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    return conn


def timed_executemany(conn: sqlite3.Connection, sql: str, rows: list[tuple]) -> float:
    start = time.perf_counter()
    for i in range(0, len(rows), BATCH):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows[i : i + BATCH])
        conn.execute("COMMIT")
    return time.perf_counter() - start


def bench_writes(size: int, workdir: Path) -> tuple[Path, float]:
    app_path = workdir / f"app_{size}.sqlite3"
    open_database(str(app_path))
    for pragma in EXTRA_PRAGMAS:
        database.obj.execute_sql(f"PRAGMA {pragma}")
    # Baselines: the same columns in a plain table, and the real table with its indexes.
    schema = [
        r[0]
        for r in database.obj.execute_sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name IN ('user', 'import_batch', 'customer') "
            "AND sql IS NOT NULL ORDER BY type DESC, tbl_name != 'user', "
            "tbl_name != 'import_batch'"
        ).fetchall()
    ]
    plain_conn = sqlite_connection(workdir / f"plain_{size}.sqlite3")
    indexed_conn = sqlite_connection(workdir / f"indexed_{size}.sqlite3")
    columns = customer_columns()
    plain_conn.execute(f"CREATE TABLE customer ({', '.join(columns)})")
    for statement in schema:  # with the tables its foreign keys refer to
        indexed_conn.execute(statement)
    insert = f"INSERT INTO customer ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    bulk_seconds = plain_seconds = indexed_seconds = 0.0
    rows_written = 0
    generator = cheap_customers(size)
    with PhaseTimer() as phases:
        while rows_written < size:
            chunk = [next(generator) for _ in range(min(CHUNK, size - rows_written))]
            rows = plain_rows(chunk, rows_written + 1)
            start = time.perf_counter()
            for i in range(0, len(chunk), BATCH):
                bulk_insert_customers(chunk[i : i + BATCH], changed_by="bench")
            bulk_seconds += time.perf_counter() - start
            plain_seconds += timed_executemany(plain_conn, insert, rows)
            indexed_seconds += timed_executemany(indexed_conn, insert, rows)
            rows_written += len(chunk)
            print(f"  … {rows_written:,} written", file=sys.stderr, flush=True)
    plain_conn.close()
    indexed_conn.close()

    def rate(seconds: float) -> str:
        return f"{size / seconds:>10,.0f} customers/s  ({seconds:6.1f} s)"

    print(f"\n## Writes, {size:,} customers (batches of {BATCH:,}, one transaction each)")
    print(f"  plain executemany, no indexes   {rate(plain_seconds)}   = 1.00 (baseline)")
    print(
        f"  executemany, real customer table {rate(indexed_seconds)}   = "
        f"{plain_seconds / indexed_seconds:.2f}"
    )
    verdict = "meets" if plain_seconds / bulk_seconds >= TARGET_WRITE_RATIO else "MISSES"
    print(
        f"  bulk_insert_customers            {rate(bulk_seconds)}   = "
        f"{plain_seconds / bulk_seconds:.2f}  ({verdict} the 1/3 target)"
    )
    child_rows = {
        table: database.obj.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        for table in ("phone", "email", "address", "contact_person", "customer_tag", "change_log")
    }
    print(
        f"  (bulk also wrote {sum(child_rows.values()):,} related rows: "
        + ", ".join(f"{t} {n:,}" for t, n in child_rows.items())
        + ", and the FTS5 documents)"
    )
    print("  where the bulk time goes:")
    accounted = 0.0
    for label, seconds in sorted(phases.seconds.items(), key=lambda kv: -kv[1]):
        if seconds >= 0.005 * bulk_seconds:
            print(f"    {label:<40} {seconds:7.1f} s  {100 * seconds / bulk_seconds:5.1f} %")
        accounted += seconds
    other = bulk_seconds - accounted
    print(f"    {'other':<40} {other:7.1f} s  {100 * other / bulk_seconds:5.1f} %")
    close_database()
    return app_path, bulk_seconds


REPLAYED_TABLES = (
    "customer",
    "contact_person",
    "phone",
    "email",
    "messenger_account",
    "address",
    "customer_tag",
    "change_log",
)


def bench_replay(size: int, app_path: Path, workdir: Path) -> float:
    """Seconds to write every row the bulk path wrote with plain `executemany`.

    The rows are read back from the app's database, a batch of customers at a time, and
    written into an empty copy of the same schema (all indexes, the FTS5 table) in one
    transaction per batch, like the bulk path. Only the writes are timed: this is the
    floor for writing these rows through SQLite, so bulk ÷ replay is our own overhead
    (building rows, pinyin and search documents, peewee).
    """
    source = sqlite3.connect(app_path)
    target_path = workdir / f"replay_{size}.sqlite3"
    target = sqlite_connection(target_path)
    for (sql,) in source.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'customer_search_%' ORDER BY type = 'index', rowid"
    ):
        target.execute(sql)
    target.execute("BEGIN")
    for table in ("user", "import_batch", "tag", "setting"):
        rows = source.execute(f'SELECT * FROM "{table}"').fetchall()
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            target.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
    target.execute("COMMIT")
    key = {"customer": "id", "change_log": "customer_id"}
    seconds = 0.0
    for low in range(1, size + 1, BATCH):
        high = low + BATCH
        batch = []
        for table in REPLAYED_TABLES:
            column = key.get(table, "customer_id")
            rows = source.execute(
                f'SELECT * FROM "{table}" WHERE {column} >= ? AND {column} < ?', (low, high)
            ).fetchall()
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                batch.append((f'INSERT INTO "{table}" VALUES ({marks})', rows))
        docs = source.execute(
            "SELECT rowid, doc FROM customer_search WHERE rowid >= ? AND rowid < ?", (low, high)
        ).fetchall()
        batch.append(("INSERT INTO customer_search (rowid, doc) VALUES (?, ?)", docs))
        start = time.perf_counter()
        target.execute("BEGIN IMMEDIATE")
        for sql, rows in batch:
            target.executemany(sql, rows)
        target.execute("COMMIT")
        seconds += time.perf_counter() - start
    source.close()
    target.close()
    return seconds


# ----------------------------------------------------------------------------- search


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    for _ in range(3):
        fn()  # warm the page cache and statement cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), percentile(times, 0.95)


def pick_queries() -> dict[str, str]:
    """Queries built from the data, so each has hits."""
    zh_name = next(
        name
        for (name,) in Customer.select(Customer.name).where(Customer.kind == "individual").tuples()
        if search_index._HANZI_RUN.fullmatch(name) and len(name) == 3
    )  # noqa: SLF001
    en_name = next(
        name
        for (name,) in Customer.select(Customer.name).where(Customer.kind == "individual").tuples()
        if name.isascii()
    )
    phone = database.obj.execute_sql("SELECT digits FROM phone LIMIT 1 OFFSET 17").fetchone()[0]
    initials = "".join(s[0] for s in search_index.pinyin_spelling(zh_name, person=True).split())
    return {
        "1 Hanzi": zh_name[0],
        "2 Hanzi": zh_name[1:],
        "pinyin initials": initials,
        "phone fragment": phone[3:7],
        "Latin": en_name.split()[-1][:5].lower(),
    }


def bench_search(size: int, app_path: Path, runs: int) -> None:
    from desktop_crm.domain.search import CustomerQuery, count_customers, search_customers

    open_database(str(app_path))
    db = database.obj
    bare_sql = f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH ? LIMIT 50"
    limit_ms = 50 if size <= 100_000 else 200
    print(
        f"\n## Search, {size:,} customers ({runs} runs each; ms; target p95 ≤ "
        f"{TARGET_P95_RATIO:.0f}× bare and < {limit_ms} ms)"
    )
    print(
        f"  {'query':<17} {'text':<8} {'hits≤10k':>8} | {'bare FTS5':>15} | "
        f"{'search_customers':>24} | {'count_customers(cap)':>24}"
    )
    print(
        f"  {'':<17} {'':<8} {'':>8} | {'med':>7} {'p95':>7} | {'med':>7} {'p95':>7} "
        f"{'×bare':>8} | {'med':>7} {'p95':>7} {'×bare':>8}"
    )
    for label, text in pick_queries().items():
        match = search_index.fts_query(text)
        query = CustomerQuery(text=text)
        bare = measure(lambda m=match: db.execute_sql(bare_sql, (m,)).fetchall(), runs)
        found = measure(lambda q=query: search_customers(q, limit=50), runs)
        counted = measure(lambda q=query: count_customers(q, cap=10_000), runs)
        hits = count_customers(query, cap=10_000)
        flags = []
        for name, (_, p95) in (("search", found), ("count", counted)):
            if p95 > TARGET_P95_RATIO * max(bare[1], 0.001) or p95 > limit_ms:
                flags.append(name)
        print(
            f"  {label:<17} {text:<8} {hits:>8,} | {bare[0]:7.2f} {bare[1]:7.2f} | "
            f"{found[0]:7.2f} {found[1]:7.2f} {found[1] / bare[1]:7.1f}× | "
            f"{counted[0]:7.2f} {counted[1]:7.2f} {counted[1] / bare[1]:7.1f}×"
            + (f"   over target: {', '.join(flags)}" if flags else "")
        )
    close_database()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--dir", type=Path, help="where to put the databases (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument(
        "--pragma",
        action="append",
        default=[],
        help="an extra PRAGMA for every connection written to, e.g. "
        "synchronous=normal (repeatable)",
    )
    parser.add_argument(
        "--ordered-uuids",
        action="store_true",
        help="experiment: time-ordered (UUIDv7-style) uuids instead of uuid4",
    )
    args = parser.parse_args(argv)
    EXTRA_PRAGMAS[:] = args.pragma
    if args.ordered_uuids:
        bulk.new_uuids = time_ordered_uuids
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="crm-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(
        f"# Desktop CRM foundation bench — SQLite {sqlite3.sqlite_version}, "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {utcnow():%Y-%m-%d %H:%M} UTC"
        + (f"; extra pragmas: {', '.join(args.pragma)}" if args.pragma else "")
        + ("; time-ordered uuids" if args.ordered_uuids else "")
    )
    try:
        for size in args.sizes:
            app_path, bulk_seconds = bench_writes(size, workdir)
            replay_seconds = bench_replay(size, app_path, workdir)
            verdict = "meets" if replay_seconds / bulk_seconds >= TARGET_WRITE_RATIO else "MISSES"
            print(
                f"  every row bulk wrote, replayed with plain executemany into the same schema:"
                f"\n    {size / replay_seconds:>10,.0f} customers/s ({replay_seconds:6.1f} s); "
                f"bulk_insert_customers = {replay_seconds / bulk_seconds:.2f} of that "
                f"({verdict} the 1/3 target)"
            )
            bench_search(size, app_path, args.runs)
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
