"""Main-window benchmark: time to show it, to show search results, peak memory, UI stalls.

    python bench/bench_main_window.py [--sizes 100000 1000000] [--dir DIR] [--runs 5]

For each size N it builds a database of N customers (the cheap generator of
bench_foundation.py, through the real bulk write path) and then, each in a fresh
process so start-up and memory are measured honestly (offscreen Qt):

- baseline: QApplication + a bare QMainWindow holding an empty QTableView, shown;
- app: `create_main_window(db)` shown, until the customer list has painted its first
  rows, and until it holds the ids of the whole list (scrolling anywhere is possible);
- search: typing a query into `searchBox` until the list shows the results (median of
  several queries: 1 Hanzi, 2 Hanzi, pinyin initials, phone fragment, Latin);
- the longest stall of the UI thread while all that happens (a 5 ms timer's largest gap:
  what a user would feel as a freeze);
- peak resident memory of the process (ru_maxrss).

Times are printed as ratios to the baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

QUERIES = ("王", "建国", "zs", "1380", "smith")


def build_database(size: int, workdir: Path) -> Path:
    from bench_foundation import cheap_customers

    from desktop_crm.db.connection import close_database, open_database
    from desktop_crm.db.models import database
    from desktop_crm.domain.bulk import bulk_insert_customers

    path = workdir / f"main-window-{size}.sqlite3"
    if path.exists():
        return path
    open_database(str(path))
    batch: list = []
    for customer in cheap_customers(size):
        batch.append(customer)
        if len(batch) == 5000:
            bulk_insert_customers(batch)
            batch.clear()
    if batch:
        bulk_insert_customers(batch)
    database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    return path


CHILD = r"""
import json, os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
started = time.perf_counter()
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
mode, db, queries = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
app = QApplication([])
gaps = [0.0]
clock = QElapsedTimer(); clock.start()
last = [clock.elapsed()]
def tick():
    now = clock.elapsed(); gaps[0] = max(gaps[0], now - last[0]); last[0] = now
ticker = QTimer(); ticker.timeout.connect(tick); ticker.start(5)
result = {}
def wait(pred, limit=120.0):
    end = time.perf_counter() + limit
    while not pred() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
if mode == "baseline":
    window = QMainWindow(); window.setCentralWidget(QTableView()); window.show()
    app.processEvents()
    result["show"] = time.perf_counter() - started
else:
    import tempfile
    from pathlib import Path
    from desktop_crm.app import create_main_window
    from desktop_crm.ui.settings import UiSettings
    window = create_main_window(db, UiSettings(Path(tempfile.mkdtemp()) / "ui.ini"))
    window.show(); window.start()
    app.processEvents()
    result["startup_stall_ms"] = gaps[0]  # imports and building the window: before it shows
    gaps[0] = 0.0; last[0] = clock.elapsed()
    model = window.list_pane.model
    wait(lambda: model.rowCount() > 0)
    window.list_pane.customerList.viewport().repaint()
    result["first_rows"] = time.perf_counter() - started
    wait(lambda: not model.loading)
    result["show"] = time.perf_counter() - started
    result["rows"] = model.rowCount()
    searches = []
    for text in queries:
        t0 = time.perf_counter()
        window.list_pane.searchBox.setText(text)
        window.list_pane.apply_filters()
        wait(lambda: not model.loading)
        window.list_pane.customerList.viewport().repaint()
        searches.append(time.perf_counter() - t0)
    result["search"] = searches
    window.list_pane.searchBox.setText("")
    window.list_pane.apply_filters()
    wait(lambda: not model.loading)
    window.tasks.wait(10000)
result["stall_ms"] = gaps[0]
result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def run_child(mode: str, db: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(db), json.dumps(QUERIES)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="crm-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        t0 = time.perf_counter()
        db = build_database(size, workdir)
        print(f"\n== {size:,} customers (database ready in {time.perf_counter() - t0:.1f} s)")
        base = [run_child("baseline", db) for _ in range(args.runs)]
        app = [run_child("app", db) for _ in range(args.runs)]
        base_show = statistics.median(r["show"] for r in base)
        app_show = statistics.median(r["show"] for r in app)
        searches = [s for r in app for s in r["search"]]
        first_rows = statistics.median(r["first_rows"] for r in app)
        print(f"bare window shown:         {base_show * 1000:8.0f} ms  (baseline)")
        print(
            f"main window, first rows:   {first_rows * 1000:8.0f} ms  "
            f"= {first_rows / base_show:5.1f}x baseline"
        )
        median_search = statistics.median(searches)
        print(
            f"main window, whole list:   {app_show * 1000:8.0f} ms  "
            f"= {app_show / base_show:5.1f}x baseline"
        )
        print(
            f"search results shown:      median {median_search * 1000:6.0f} ms, "
            f"max {max(searches) * 1000:6.0f} ms  = {median_search / base_show:5.2f}x baseline"
        )
        print(
            f"longest UI stall, shown:   {max(r['stall_ms'] for r in app):8.0f} ms "
            f"(baseline process {max(r['stall_ms'] for r in base):.0f} ms)"
        )
        print(
            f"start-up before showing:   {max(r['startup_stall_ms'] for r in app):8.0f} ms "
            "(imports, opening the database, building the window)"
        )
        print(
            f"peak memory:               {max(r['peak_mb'] for r in app):8.0f} MB "
            f"(baseline {max(r['peak_mb'] for r in base):.0f} MB)"
        )


if __name__ == "__main__":
    main()
