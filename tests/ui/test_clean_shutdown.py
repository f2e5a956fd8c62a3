"""Closing the window while work runs in the background: cancelled, waited for, no noise.

Searches, counts and an import are running when the user closes the window. The
work is cancelled, the window waits briefly, and nothing is printed: no traceback from
a worker thread, no Qt warning, and the import is all or nothing in the database.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop_crm.app import create_main_window
from desktop_crm.db.connection import close_database, open_database
from desktop_crm.db.models import Customer, ImportBatch
from desktop_crm.domain.demo import add_sample_data
from desktop_crm.exchange.importer import import_customers
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.tasks import TaskContext

IMPORT_ROWS = 30_000


@pytest.fixture
def big_csv(tmp_path: Path) -> Path:
    path = tmp_path / "many.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["name", "phone", "email"])
        for n in range(IMPORT_ROWS):
            out.writerow([f"Import Person {n}", f"1390{n:07d}", f"p{n}@example.com"])
    return path


@pytest.fixture
def crowded_db(db_path: Path) -> Path:
    open_database(str(db_path))
    add_sample_data(3000, seed=7)
    close_database()
    return db_path


@pytest.fixture
def noise(monkeypatch):
    """Everything that would show a problem at exit: thread and unraisable exceptions."""
    seen: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(repr(args.exc_value)))
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(repr(u.exc_value)))
    return seen


def start_import(win, path: Path, progress: list[int]) -> None:
    """An import that, once under way, goes no further until it is cancelled (for at most
    a minute): the close always comes mid-import, however fast the machine."""

    def work(context: TaskContext):
        def report(done: int) -> None:
            context.report(done, IMPORT_ROWS)
            deadline = time.monotonic() + 60
            while not context.cancelled and time.monotonic() < deadline:
                time.sleep(0.01)

        return import_customers(path, progress=report, cancelled=lambda: context.cancelled)

    win.tasks.run(work, lambda _s: None, on_progress=lambda d, _t: progress.append(d))


def test_closing_mid_search_and_mid_import_is_silent_and_keeps_nothing_half_written(
    qtbot, crowded_db, big_csv, tmp_path, noise, capfd
):
    win = create_main_window(str(crowded_db), UiSettings(tmp_path / "ui.ini"))
    win.show()
    win.start()
    progress: list[int] = []
    start_import(win, big_csv, progress)
    win.list_pane.searchBox.setText("a")
    win.list_pane.apply_filters()  # a search (and its count) over 3000 customers
    qtbot.waitUntil(lambda: bool(progress), timeout=20000)  # the import is under way
    assert win.close()
    win.deleteLater()
    qtbot.wait(200)  # queued deliveries to the deleted window would show up here
    close_database()
    assert noise == []
    err = capfd.readouterr().err
    assert "Traceback" not in err and "RuntimeError" not in err, err
    open_database(str(crowded_db))
    # Nothing half written: cancelled and rolled back.
    assert Customer.select().where(Customer.name.startswith("Import Person")).count() == 0
    assert ImportBatch.select().count() == 0


APP_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop_crm.app import create_main_window
from desktop_crm.exchange.importer import import_customers

database, csv_path = sys.argv[1], sys.argv[2]
app = QApplication(sys.argv)
window = create_main_window(database)
window.show()
window.start()


def work(context):
    return import_customers(
        csv_path, progress=lambda done: context.report(done, 0), cancelled=lambda: context.cancelled
    )


def progressed(done, _total):
    if done:  # the import is under way: the user quits from the tray menu
        QTimer.singleShot(0, window.tray_menu.actions()[0].trigger)


# The import's result is queued behind its progress: on a fast machine it could come before
# the quit, so the quit also comes as soon as the import has started.
window.tasks.run(work, lambda summary: print("finished", summary.created), on_progress=progressed)
QTimer.singleShot(20, window.tray_menu.actions()[0].trigger)
window.list_pane.searchBox.setText("a")
window.list_pane.apply_filters()
sys.exit(app.exec())
"""


def test_the_app_quit_mid_import_exits_cleanly(crowded_db, big_csv, tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    done = subprocess.run(
        [sys.executable, "-c", APP_SCRIPT, str(crowded_db), str(big_csv)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    noise = [
        line
        for line in done.stderr.splitlines()
        if "propagateSizeHints" not in line and "does not support raise" not in line
    ]
    assert done.returncode == 0, done.stderr
    assert noise == [], done.stderr
    open_database(str(crowded_db))
    imported = Customer.select().where(Customer.name.startswith("Import Person")).count()
    # Nothing half written: cancelled and rolled back, or (a fast machine) done before the
    # quit's short wait ran out — whole, with its batch.
    assert imported in (0, IMPORT_ROWS), imported
    assert ImportBatch.select().count() == (1 if imported else 0)
    if "finished" in done.stdout:
        assert imported == IMPORT_ROWS
