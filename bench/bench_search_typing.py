"""Search as you type: from setting the search box's text to the first changed rows painted.

    python bench/bench_search_typing.py                      # 100,000 customers
    python bench/bench_search_typing.py --sizes 100000 1000000
    python bench/bench_search_typing.py --before /work/main  # also the code of another checkout

The data is the realistic sample set (`desktop-crm demo --customers N --seed 1`), made once
and kept in a cache folder (`--cache`, default: crm-bench-typing in the temp folder): the
1M set takes about half an hour to make, and ~7 GB of disk.

Each measurement runs in a fresh process with the main window shown (offscreen Qt, the
real list, detail and side panes). For every query kind (1 Hanzi, 2 Hanzi, pinyin
initials, full pinyin, phone fragment, Latin) it clears the box, lets everything settle,
then sets the text, as typing or pasting does, and times until the list's viewport has
finished painting the first rows of the new results (the debounce included). A paint
counts only when the rows it shows are the first rows of the query's answer, read from
the domain beforehand.

With `--before DIR` the same child runs with `PYTHONPATH=DIR` (a checkout of main of the
same schema: the database is opened read-only, so it is never migrated), alternating with
this checkout's code, so both sets of figures come from the same run on
the same (possibly busy) machine. Each figure is also printed as a ratio to a bare FTS5
query (`SELECT rowid … MATCH … LIMIT 64`, same process) plus the debounce interval of
the code measured: 1.0 would be a list that costs nothing besides its index and its wait.
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

QUERIES: dict[str, str] = {
    "1 Hanzi": "张",
    "2 Hanzi": "公司",
    "initials": "zs",
    "full pinyin": "wang",
    "phone": "1380",
    "Latin": "li",
}


def demo_database(size: int, seed: int, cache: Path) -> Path:
    """The sample database of `size` customers, made with this checkout's CLI once and cached."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"demo-{size}-seed{seed}.sqlite3"
    if path.exists():
        return path
    partial = cache / f"demo-{size}-seed{seed}.partial.sqlite3"
    for stale in cache.glob(partial.name + "*"):
        stale.unlink()
    print(f"making {size:,} sample customers in {partial} (once; cached) …", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop_crm", "--database", str(partial), "demo"]
        + ["--customers", str(size), "--seed", str(seed)],
        check=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    partial.rename(path)  # only a finished database is ever cached
    print(f"made in {time.perf_counter() - started:.0f} s", flush=True)
    return path


CHILD = r"""
import json, os, sqlite3, statistics, sys, tempfile, time
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
db, queries, reps = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
app = QApplication([])
import desktop_crm
from desktop_crm.app import create_main_window
from desktop_crm.db.search_index import fts_query
from desktop_crm.domain.search import CustomerQuery, customer_ids
from desktop_crm.ui import customer_list
from desktop_crm.ui.settings import UiSettings

def debounce_ms(text):
    delay = getattr(customer_list, "search_delay_ms", None)
    return delay(text) if delay else customer_list.SEARCH_DELAY_MS

# Read-only: the cached database is never migrated or changed by the code measured.
window = create_main_window(db, UiSettings(Path(tempfile.mkdtemp()) / "ui.ini"), read_only=True)
window.resize(1440, 900)
window.show()  # no window.start(): no backups, reminders or recompute in the background
pane, model = window.list_pane, window.list_pane.model
view = pane.customerList

def settle(quiet_ms=250, limit=300.0):
    # Until nothing is loading or running and no event came for a while.
    end = time.perf_counter() + limit
    quiet_since = time.perf_counter()
    while time.perf_counter() < end:
        app.processEvents()
        busy = model.loading or window.tasks.pool.activeThreadCount() > 0
        if busy:
            quiet_since = time.perf_counter()
        elif time.perf_counter() - quiet_since > quiet_ms / 1000:
            return
        time.sleep(0.002)
    raise SystemExit("the window never settled")

class PaintWatch(QObject):
    # Sees each paint of the list's viewport and notes whether it shows `expected` on top.
    expected = None
    painted_at = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.expected is not None:
            shown = [model.customer_id(r) for r in range(min(len(self.expected), model.rowCount()))]
            if shown == self.expected and self.painted_at is None:
                view.viewportEvent(event)  # paint now, so the time includes the painting
                self.painted_at = time.perf_counter()
                return True
        return False

watch = PaintWatch()
view.viewport().installEventFilter(watch)
settle()
sample = []
for rep in range(reps):
    for kind, text in queries.items():
        pane.searchBox.setText("")
        settle()
        first = view.rowAt(0)
        last = view.rowAt(view.viewport().height() - 1)
        visible = (last if last >= 0 else model.rowCount() - 1) - max(first, 0) + 1
        watch.expected = customer_ids(CustomerQuery(text=text), limit=max(1, min(visible, 30)))
        watch.painted_at = None
        started = time.perf_counter()
        pane.searchBox.setText(text)
        while watch.painted_at is None and time.perf_counter() - started < 60:
            app.processEvents()
        if watch.painted_at is None:
            raise SystemExit(f"{text!r}: the expected rows were never painted")
        sample.append({"kind": kind, "ms": (watch.painted_at - started) * 1000})
        watch.expected = None
settle()
raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
fts = {}
for kind, text in queries.items():
    times = []
    for _ in range(max(5, reps)):
        t0 = time.perf_counter()
        raw.execute("SELECT rowid FROM customer_search WHERE customer_search MATCH ? LIMIT 64",
                    [fts_query(text)]).fetchall()
        times.append((time.perf_counter() - t0) * 1000)
    fts[kind] = {"fts_ms": statistics.median(times), "debounce_ms": debounce_ms(text)}
window.close()
code = str(Path(desktop_crm.__file__).parent.parent)
print(json.dumps({"code": code, "sample": sample, "fts": fts}))
"""


def run_child(code: Path, db: Path, reps: int) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(code))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), json.dumps(QUERIES), str(reps)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tempfile.gettempdir(),  # not a checkout: PYTHONPATH alone says whose code runs
    )
    if out.returncode != 0:
        raise SystemExit(f"child ({code}) failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if Path(result["code"]).resolve() != code.resolve():
        raise SystemExit(f"asked for the code in {code}, ran {result['code']}")
    return result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--seed", type=int, default=1)
    cache = Path(tempfile.gettempdir()) / "crm-bench-typing"
    parser.add_argument("--cache", type=Path, default=cache, help="where databases are kept")
    parser.add_argument("--runs", type=int, default=2, help="processes per code (alternating)")
    parser.add_argument("--reps", type=int, default=6, help="searches per query kind per process")
    parser.add_argument("--before", type=Path, default=None, help="also measure this checkout")
    args = parser.parse_args(argv)
    codes = {"after": ROOT} if args.before is None else {"before": args.before, "after": ROOT}
    for size in args.sizes:
        db = demo_database(size, args.seed, args.cache)
        print(f"\n== {size:,} customers ({db})", flush=True)
        results: dict[str, list[dict]] = {label: [] for label in codes}
        for _ in range(args.runs):
            for label, code in codes.items():
                results[label].append(run_child(code, db, args.reps))
        header = f"{'query':<12}{'text':<6}"
        for label in codes:
            header += f"{label + ' median':>15}{'p95':>8}{'ratio':>7}"
        print(header + f"{'bare FTS5':>11}")
        for kind, text in QUERIES.items():
            line = f"{kind:<12}{text:<6}"
            fts = []
            for label in codes:
                times = [s["ms"] for r in results[label] for s in r["sample"] if s["kind"] == kind]
                base = statistics.median(r["fts"][kind]["fts_ms"] for r in results[label])
                wait = results[label][0]["fts"][kind]["debounce_ms"]
                fts.append(base)
                median = statistics.median(times)
                line += f"{median:>12.0f} ms{p95(times):>5.0f} ms{median / (base + wait):>6.1f}x"
            print(line + f"{statistics.median(fts):>8.1f} ms", flush=True)
        for label in codes:
            waits = sorted({v["debounce_ms"] for v in results[label][0]["fts"].values()})
            print(f"{label}: {results[label][0]['code']}, debounce {waits} ms")
        print("ratio: median / (bare FTS5 query + that code's debounce)")


if __name__ == "__main__":
    main()
