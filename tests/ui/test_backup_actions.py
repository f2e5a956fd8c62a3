"""Tools → Back up now and Restore from backup, driven with the file dialogs answered."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_crm.app import create_main_window
from desktop_crm.domain import customers
from desktop_crm.domain.search import CustomerQuery, search_customers
from desktop_crm.ui.settings import UiSettings


@pytest.fixture
def window(qtbot, db_path, db, tmp_path):
    customers.create_customer({"name": "张三"})
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading)
    yield win
    win.tasks.wait(5000)


def test_back_up_then_restore_brings_the_old_data_back(qtbot, window, tmp_path, monkeypatch):
    backup = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(backup), ""))
    window.named_actions.backup.trigger()
    qtbot.waitUntil(backup.exists, timeout=5000)
    window.tasks.wait(5000)

    customers.create_customer({"name": "李四"})
    window.events.customersChanged.emit()
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 2, timeout=5000)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.named_actions.restore_backup.trigger()
    qtbot.waitUntil(lambda: window.list_pane.model.rowCount() == 1, timeout=10000)
    window.tasks.wait(5000)
    assert [r.name for r in search_customers(CustomerQuery())] == ["张三"]
