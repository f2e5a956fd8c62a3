"""What a newcomer sees in an empty database, and what an empty search or trash says."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QLineEdit

from desktop_crm.app import create_main_window
from desktop_crm.db.models import Customer, FollowUp
from desktop_crm.domain import customers
from desktop_crm.ui.settings import UiSettings


@pytest.fixture
def window(qtbot, db, db_path, tmp_path):
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=5000)
    yield win
    win.tasks.wait(5000)


def showing_hint(win) -> bool:
    pane = win.list_pane
    return pane.list_stack.currentWidget() is pane.empty_hint


def test_an_empty_database_offers_new_import_and_sample_data(qtbot, window):
    hint = window.list_pane.empty_hint
    assert showing_hint(window) and hint.state == "empty"
    assert hint.title.text() == "No customers yet"
    assert all(b.isVisible() for b in (hint.new_button, hint.import_button, hint.sample_button))
    assert not hint.clear_button.isVisible()
    hint.new_button.click()
    assert window.detail.form.isEnabled()  # an empty form for a new customer
    assert window.detail.record() is None


def test_sample_data_fills_the_list(qtbot, window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (12, True))
    with qtbot.waitSignal(window.events.customersChanged, timeout=60_000):
        window.list_pane.empty_hint.sample_button.click()
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 12, timeout=10_000)
    assert not showing_hint(window)
    assert Customer.select().count() == 12 and FollowUp.select().count() > 0


def test_a_search_that_finds_nothing_says_so_and_clears(qtbot, window):
    customers.create_customer({"name": "张三"})
    window.events.customersChanged.emit()
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 1, timeout=5000)
    assert not showing_hint(window)
    window.findChild(QLineEdit, "searchBox").setText("李四")
    window.list_pane.apply_filters()
    hint = window.list_pane.empty_hint
    qtbot.waitUntil(lambda: showing_hint(window), timeout=5000)
    assert hint.state == "no_match" and hint.clear_button.isVisible()
    assert not hint.sample_button.isVisible()
    hint.clear_button.click()
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 1, timeout=5000)
    assert window.findChild(QLineEdit, "searchBox").text() == ""
    assert not showing_hint(window)


def test_an_empty_trash_says_so(qtbot, window):
    customers.create_customer({"name": "张三"})
    window.events.customersChanged.emit()
    qtbot.waitUntil(lambda: not showing_hint(window), timeout=5000)
    window.named_actions.show_trash.trigger()
    qtbot.waitUntil(lambda: showing_hint(window), timeout=5000)
    assert window.list_pane.empty_hint.state == "trash"
