"""Encryption-at-rest benchmark: an encrypted database as a ratio to the same plain file.

    python bench/bench_cipher.py                   # 100,000 customers
    python bench/bench_cipher.py --size 20000 --runs 20

The 100,000 customers of bench_main_window.py (the cheap generator of bench_foundation.py,
through `bulk_insert_customers`) are written once to a plain file, which is copied and
encrypted with `cipher.encrypt_database` (timed, with its progress). Then, on each file in
the same run:

1. search p95 through `search.search_customers(..., limit=50)` as the customer list calls
   it, for 张, 张伟, zw, zhang, 1380 and li; and the list's first rows (the first 256 ids
   and the first 64 rows, as `CustomerTableModel` reads them). Twice: on one connection
   kept open, and on a new connection for each run, as the app's workers do (each task
   closes its thread's connection), so the page cache is cold and every page read is
   decrypted again. Target: encrypted p95 ≤ 1.5× plain.
2. opening: `open_database` and the first query (the key derivation, once per process).
3. backup: `backup.backup_sqlite` of the encrypted file as a ratio to `shutil.copyfile`
   of its bytes (and the same for the plain file, for comparison).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_foundation import measure  # noqa: E402
from bench_main_window import build_database  # noqa: E402

from desktop_crm.db import cipher  # noqa: E402
from desktop_crm.db.backup import backup_sqlite  # noqa: E402
from desktop_crm.db.connection import close_database, open_database  # noqa: E402
from desktop_crm.db.models import database  # noqa: E402
from desktop_crm.domain.search import (  # noqa: E402
    CustomerQuery,
    customer_ids,
    customer_rows,
    search_customers,
)

QUERIES = ("张", "张伟", "zw", "zhang", "1380", "li")
FIRST_IDS, PAGE = 256, 64  # as ui/customer_table_model.py reads the first screenful
TARGET = 1.5
PASSWORD = "bench password 密码"


def first_rows() -> None:
    ids = customer_ids(CustomerQuery(), sort="name", limit=FIRST_IDS)
    customer_rows(ids[:PAGE])


def workloads() -> dict[str, object]:
    kinds = {
        q: (lambda text=q: search_customers(CustomerQuery(text=text), limit=50)) for q in QUERIES
    }
    kinds["list first rows"] = first_rows
    return kinds


def fresh_connection(work):  # noqa: ANN001, ANN201
    """`work` on a connection of its own, closed after (a worker task's life)."""

    def run() -> None:
        database.obj.close()
        database.obj.connect()
        work()

    return run


def timings(path: Path, runs: int, *, fresh: bool) -> dict[str, tuple[float, float]]:
    open_database(str(path))
    try:
        kinds = workloads()
        return {
            label: measure(fresh_connection(work) if fresh else work, runs)
            for label, work in kinds.items()
        }
    finally:
        close_database()


def opening(path: Path) -> float:
    """Seconds to open the database and answer the first query, as the app starts."""
    cipher.set_key(None)
    started = time.perf_counter()
    open_database(str(path), password=PASSWORD if cipher.is_encrypted(path) else None)
    search_customers(CustomerQuery(), limit=50)
    seconds = time.perf_counter() - started
    close_database()
    return seconds


def best_of(runs: int, work) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--dir", type=Path, help="keep the databases here (default: a temp dir)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"# Encryption at rest, {args.size:,} customers, {args.runs} runs each (ms)")
        started = time.perf_counter()
        plain = build_database(args.size, folder)
        print(
            f"  plain database: {plain.stat().st_size / 1e6:.0f} MB "
            f"({time.perf_counter() - started:.1f} s to make or find)"
        )
        encrypted = folder / f"encrypted-{args.size}.sqlite3"
        encrypted.unlink(missing_ok=True)
        shutil.copyfile(plain, encrypted)
        steps = []
        result = cipher.encrypt_database(
            encrypted, PASSWORD, lambda done, total: steps.append(done) or True
        )
        print(
            f"  encrypting it: {result.seconds:.2f} s, {result.pages:,} pages, "
            f"{len(steps)} progress reports"
        )

        for fresh in (False, True):
            how = "a new connection per run (the app's workers)" if fresh else "one connection"
            cipher.set_key(PASSWORD)
            on_plain = timings(plain, args.runs, fresh=fresh)
            on_encrypted = timings(encrypted, args.runs, fresh=fresh)
            print(f"\n  search and list, {how}   (target ≤ {TARGET}×)")
            print(f"  {'query':<16} | {'plain':>15} | {'encrypted':>15} | {'p95 ×plain':>10}")
            print(f"  {'':<16} | {'med':>7} {'p95':>7} | {'med':>7} {'p95':>7} |")
            for label in on_plain:
                (p_med, p_95), (e_med, e_95) = on_plain[label], on_encrypted[label]
                ratio = e_95 / max(p_95, 0.001)
                over = "   over target" if ratio > TARGET else ""
                print(
                    f"  {label:<16} | {p_med:7.2f} {p_95:7.2f} | {e_med:7.2f} {e_95:7.2f} |"
                    f" {ratio:9.2f}×{over}"
                )

        print("\n  opening the database and the first query (the key derived once)")
        plain_open, encrypted_open = opening(plain), opening(encrypted)
        print(f"  plain {plain_open * 1000:.0f} ms, encrypted {encrypted_open * 1000:.0f} ms")

        cipher.set_key(PASSWORD)
        print("\n  backup (online backup API) as a ratio to copying the file's bytes")
        for label, path in (("plain", plain), ("encrypted", encrypted)):
            copy = folder / f"copy-{label}.sqlite3"
            target = folder / f"backup-{label}.sqlite3"

            def copy_bytes(path: Path = path, copy: Path = copy) -> None:
                shutil.copyfile(path, copy)

            def back_up(path: Path = path, target: Path = target) -> None:
                target.unlink(missing_ok=True)
                backup_sqlite(path, target)

            copied, backed_up = best_of(3, copy_bytes), best_of(3, back_up)
            assert cipher.is_encrypted(target) == (label == "encrypted")
            print(
                f"  {label:<9}: backup {backed_up * 1000:6.0f} ms, copy {copied * 1000:6.0f} ms, "
                f"{backed_up / copied:5.2f}× the copy"
            )
            copy.unlink()
            target.unlink()
        if args.dir is None:
            encrypted.unlink()


if __name__ == "__main__":
    main()
