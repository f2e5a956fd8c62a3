"""A GUI session on an office database (the real PostgreSQL test server): others' changes
appear without restarting, a save over someone's change names them, and a server that
stops and comes back shows a banner, keeps the edits and then saves them."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_crm.app import create_main_window
from desktop_crm.db.connection import is_sqlite
from desktop_crm.db.models import database
from desktop_crm.domain import customers
from desktop_crm.ui import customer_detail
from desktop_crm.ui.settings import UiSettings
from tests import postgres
from tests.ui.test_main_window import shown_names, wait_loaded


def in_another_session(work: Callable[[], object]) -> None:
    """Run `work` on its own connection, as another user's app would."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            failures.append(exc)
        finally:
            database.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]


@pytest.fixture
def shown(qtbot, pg_url, tmp_path, monkeypatch):
    """The office window, shown with its list read, before `start()`."""
    # closing at the end must not stop to ask about edits a failed test left
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    win = create_main_window(pg_url, UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    wait_loaded(qtbot, win)
    yield win
    win.live_updates.stop()
    win.tasks.wait(5000)


@pytest.fixture
def window(qtbot, shown):
    """The office window, started, after its first look."""
    shown.start()
    wait_looked(qtbot, shown)
    return shown


@pytest.fixture
def opened(window, qtbot):
    """张三, open in the detail pane."""
    record = customers.create_customer({"name": "张三", "title": "职员"})
    window.detail.load_customer(record.id)
    return record


def wait_looked(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.live_updates._looking, timeout=10_000)


def look(qtbot, window) -> None:
    window.live_updates.look()
    wait_looked(qtbot, window)


def test_the_office_window_follows_changes_and_says_who_is_signed_in(window):
    assert window.live_updates.timer.isActive()
    assert window.signed_in_label.text().startswith("Signed in as postgres on 127.0.0.1:")


def test_another_users_change_appears_in_the_open_customer(qtbot, window, opened):
    in_another_session(lambda: customers.update_customer(opened.id, {"title": "经理"}))
    look(qtbot, window)
    qtbot.waitUntil(lambda: window.detail.form.edits["title"].text() == "经理", timeout=5000)


def test_a_customer_added_by_another_user_appears_in_the_list(qtbot, window):
    in_another_session(lambda: customers.create_customer({"name": "李四"}))
    look(qtbot, window)
    qtbot.waitUntil(lambda: "李四" in shown_names(window), timeout=5000)


def test_a_customer_added_before_the_first_look_appears_in_the_list(qtbot, shown):
    # between the list's first read and the first look: news to that look all the same
    in_another_session(lambda: customers.create_customer({"name": "赵六"}))
    shown.start()
    wait_looked(qtbot, shown)
    qtbot.waitUntil(lambda: "赵六" in shown_names(shown), timeout=5000)


def test_unsaved_edits_stay_and_the_save_names_who_changed_what(qtbot, window, opened, monkeypatch):
    title = window.detail.form.edits["title"]
    title.clear()
    qtbot.keyClicks(title, "Director")
    in_another_session(
        lambda: customers.update_customer(opened.id, {"city": "杭州"}, changed_by="li")
    )
    look(qtbot, window)
    qtbot.wait(200)
    assert title.text() == "Director" and window.detail.is_dirty()
    seen = {}

    def keep_editing(box):
        seen["text"] = box.text()
        return QMessageBox.StandardButton.Cancel.value

    monkeypatch.setattr(QMessageBox, "exec", keep_editing)
    assert window.detail.save() is False
    assert "\nli changed City at " in seen["text"]
    assert title.text() == "Director"


def test_a_stopped_server_shows_a_banner_keeps_edits_and_saves_after_restart(
    qtbot, window, opened, monkeypatch
):
    stop, start = postgres.restart_commands()
    told: list[str] = []
    monkeypatch.setattr(customer_detail, "show_error", lambda _parent, exc: told.append(str(exc)))
    banner = window.connection_banner
    subprocess.run(stop, check=True, capture_output=True)
    try:
        look(qtbot, window)
        qtbot.waitUntil(banner.isVisible, timeout=10_000)
        assert "cannot reach the database server" in banner.message.text()
        title = window.detail.form.edits["title"]
        title.clear()
        qtbot.keyClicks(title, "Director")
        assert window.detail.save() is False
        assert told and "database server" in told[0]
        assert title.text() == "Director" and window.detail.is_dirty()
    finally:
        subprocess.run(start, check=True, capture_output=True)
    look(qtbot, window)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)
    assert window.detail.form.edits["title"].text() == "Director"  # the reload kept the edit
    assert window.detail.save() is True
    assert customers.get_customer(opened.id).title == "Director"


def test_work_offline_takes_a_replica_and_offers_to_open_it(qtbot, window, tmp_path, monkeypatch):
    customers.create_customer({"name": "出差带走"})
    laptop = tmp_path / "laptop.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(laptop), ""))
    told: list[str] = []

    def closed_unanswered(box: QMessageBox) -> int:
        told.append(box.text())
        return 0  # no button chosen: no new window is started

    monkeypatch.setattr(QMessageBox, "exec", closed_unanswered)
    action = window.named_actions.work_offline
    assert action.isVisible()
    action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    assert told == [
        f"The replica is ready in {laptop} (customers: 1). "
        "Open it to work without the office network."
    ]
    with sqlite3.connect(laptop) as conn:
        assert conn.execute("SELECT name FROM customer").fetchall() == [("出差带走",)]
    # the window went on with the office database all along
    assert not is_sqlite()
    look(qtbot, window)
    qtbot.waitUntil(lambda: "出差带走" in shown_names(window), timeout=5000)


def test_work_offline_says_why_no_replica_was_made(qtbot, window, tmp_path, monkeypatch):
    nowhere = tmp_path / "no such folder" / "laptop.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(nowhere), ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: warned.append(message))
    window.named_actions.work_offline.trigger()
    qtbot.waitUntil(lambda: bool(warned), timeout=60_000)
    assert warned == [f"No replica was made: the folder {nowhere.parent} does not exist"]
