"""The daily recompute at start-up runs in the background and never interrupts the user:
when another program (an import) holds the database, it waits and tries again later."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from desktop_crm.db import connection
from desktop_crm.domain import customers, recompute
from desktop_crm.ui import recompute as recompute_view
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.recompute import DerivedDataRecompute
from desktop_crm.ui.tasks import TaskRunner


@pytest.fixture
def impatient_db(db_path, monkeypatch):
    """A database whose writers give up after 0.1 s of waiting for another's lock."""
    monkeypatch.setitem(connection.SQLITE_PRAGMAS, "busy_timeout", 100)
    yield connection.open_database(str(db_path))
    connection.close_database()


@pytest.fixture
def tasks(impatient_db, qapp):
    runner = TaskRunner()
    yield runner
    runner.wait()
    QCoreApplication.processEvents()


def test_the_daily_recompute_waits_for_another_writer_without_a_dialog(
    qtbot, db_path, tasks, monkeypatch
):
    customers.create_customer({"name": "张三"})
    monkeypatch.setattr(recompute_view, "BUSY_RETRY_MS", 300)
    window = QWidget()
    qtbot.addWidget(window)
    runner = DerivedDataRecompute(tasks, AppEvents(), window)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # an import in another window, say
    try:
        runner.run_daily()
        qtbot.waitUntil(lambda: not runner.running, timeout=10_000)  # it gave up for now
        assert QApplication.activeModalWidget() is None
        assert recompute.due_today()
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: not recompute.due_today(), timeout=10_000)  # and came back
    assert QApplication.activeModalWidget() is None
