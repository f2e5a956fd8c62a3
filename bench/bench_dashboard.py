"""Dashboard benchmark: `analysis.dashboard_data` against the raw SQL it runs, as a ratio.

    python bench/bench_dashboard.py [--size 100000] [--dir DIR] [--runs 3] [--rebuild]

1. A database of `--size` sample customers from `desktop_crm.domain.demo` (orders,
   payments, follow-ups, complaints, surveys …). Generating 100,000 takes about a minute,
   so the file is kept in `--dir` (default: a folder in the system temp directory) and
   reused by later runs; `--rebuild` makes it anew. Stages, grades and credit ratings are
   recomputed once first, as the app would do at start-up (timed and printed too).
2. The dashboard data (every chart, the retention list and the 7P tables) is computed
   `--runs` times after one warm-up run, with every SQL statement it executes recorded.
   This is the one call the dashboard window (`ui/dashboard.py`) makes on its worker
   thread for each owner/period choice; drawing the charts and tables from it is cheap
   (a few dozen points and rows).
3. Baseline: the same recorded statements replayed through a plain `sqlite3` connection
   with the app's pragmas, fetching every row: the aggregate SQL alone, with no Python
   around it. The ratio says what the domain layer adds on top of its queries.

Figures are noisy when other work runs on the machine: run twice and look at the ratios.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_crm.db.connection import SQLITE_PRAGMAS, close_database, open_database  # noqa: E402
from desktop_crm.db.models import database  # noqa: E402
from desktop_crm.domain import analysis, demo, lifecycle, orders, value  # noqa: E402

SEED = 0


def cached_database(directory: Path, size: int, rebuild: bool) -> Path:
    """The sample database of `size` customers, generated once and kept."""
    path = directory / f"dashboard_{size}_seed{SEED}.sqlite3"
    if path.exists() and not rebuild:
        print(f"using the cached database {path}")
        return path
    partial = path.with_suffix(".partial")
    for leftover in directory.glob(partial.name + "*"):
        leftover.unlink()
    print(f"generating {size:,} sample customers into {path} (about a minute per 100,000) …")
    began = time.perf_counter()
    open_database(str(partial))
    summary = demo.add_sample_data(
        size,
        seed=SEED,
        progress=lambda done, total: (
            print(f"  … {done:,}/{total:,}", file=sys.stderr, flush=True)
            if done % 20_000 == 0
            else None
        ),
    )
    close_database()
    os.replace(partial, path)
    print(
        f"  {summary.customers:,} customers, {summary.orders:,} orders, "
        f"{summary.payments:,} payments, {summary.followups:,} follow-ups "
        f"in {time.perf_counter() - began:.0f} s"
    )
    return path


def record_statements(run: Callable[[], object]) -> list[tuple[str, tuple]]:
    """Run `run` and return every SQL statement (with parameters) it executed."""
    db = database.obj
    recorded: list[tuple[str, tuple]] = []
    original = db.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        recorded.append((sql, tuple(params or ())))
        return original(sql, params, *args, **kwargs)

    db.execute_sql = execute_sql
    try:
        run()
    finally:
        del db.execute_sql  # back to the class's method
    return recorded


def replay(path: Path, statements: list[tuple[str, tuple]]) -> tuple[float, list[float]]:
    """Seconds to run the statements through plain sqlite3, and each one's time."""
    connection = sqlite3.connect(str(path))
    for name, setting in SQLITE_PRAGMAS.items():
        connection.execute(f"PRAGMA {name} = {setting}")
    each = []
    began = time.perf_counter()
    for sql, params in statements:
        start = time.perf_counter()
        connection.execute(sql, params).fetchall()
        each.append(time.perf_counter() - start)
    total = time.perf_counter() - began
    connection.close()
    return total, each


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument(
        "--dir", type=Path, default=Path(tempfile.gettempdir()) / "desktop_crm_bench"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    # A migration backs the file up beside it; keep the user's own data folder out of it.
    os.environ.setdefault("DESKTOP_CRM_DATA_DIR", str(args.dir / "userdata"))

    path = cached_database(args.dir, args.size, args.rebuild)
    open_database(str(path))

    print(f"\n## Start-up recomputes, {args.size:,} customers")
    for label, job in (
        ("recompute_stages", lifecycle.recompute_stages),
        ("recompute_grades", value.recompute_grades),
        ("recompute_credit_ratings", orders.recompute_credit_ratings),
    ):
        began = time.perf_counter()
        changed = job()
        print(f"  {label:<26} {time.perf_counter() - began:6.2f} s  ({changed:,} changed)")

    parts: dict[str, list[float]] = {}

    def dashboard() -> analysis.DashboardData:
        data = analysis.dashboard_data(clock=time.perf_counter)
        for name, seconds in data.timings.items():
            parts.setdefault(name, []).append(seconds)
        return data

    statements = record_statements(dashboard)  # also the warm-up run
    parts.clear()
    app_times = []
    for _ in range(args.runs):
        began = time.perf_counter()
        data = dashboard()
        app_times.append(time.perf_counter() - began)
    close_database()
    raw_times, per_statement = [], []
    for _ in range(args.runs):
        total, each = replay(path, statements)
        raw_times.append(total)
        per_statement.append(each)

    app, raw = statistics.median(app_times), statistics.median(raw_times)
    print(
        f"\n## Dashboard data, {args.size:,} customers ({args.runs} runs, medians; "
        f"{len(statements)} SQL statements)"
    )
    print(f"  raw SQL replayed (sqlite3)     {raw:6.2f} s   = 1.00 (baseline)")
    print(f"  analysis.dashboard_data        {app:6.2f} s   = {app / raw:.2f}×")
    print(
        f"  (retention list: {data.totals.at_risk:,} customers; "
        f"{data.totals.customers:,} customers in all)"
    )
    print("  where the dashboard time goes:")
    for name, seconds in sorted(parts.items(), key=lambda item: -statistics.median(item[1])):
        median = statistics.median(seconds)
        print(f"    {name:<22} {median:6.3f} s  {100 * median / app:5.1f} %")
    slowest = sorted(
        (
            (statistics.median(times), statements[i][0])
            for i, times in enumerate(zip(*per_statement, strict=True))
        ),
        reverse=True,
    )[:5]
    print("  slowest raw statements:")
    for seconds, sql in slowest:
        print(f"    {seconds:6.3f} s  {' '.join(sql.split())[:90]}")


if __name__ == "__main__":
    main()
