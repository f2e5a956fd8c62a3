"""Tools → Import History…: the list of imports, and undoing one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from desktop_crm.db.models import Customer
from desktop_crm.domain import customers
from desktop_crm.exchange.importer import import_customers
from desktop_crm.ui.dialogs.import_history_dialog import ImportHistoryDialog
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskRunner


@pytest.fixture
def runner():
    tasks = TaskRunner()
    yield tasks
    tasks.wait(5000)


def open_history(qtbot, runner, events) -> ImportHistoryDialog:
    dialog = ImportHistoryDialog(runner, events)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5000)
    return dialog


def rows(table) -> list[list[str]]:
    model = table.text_model
    return [[model.text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]


def imported(tmp_path, text: str, name: str = "people.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_customers(path)


def test_imports_are_listed_and_one_is_undone_after_confirmation(
    qtbot, db, runner, tmp_path, monkeypatch
):
    imported(tmp_path, "姓名,手机\n张三,13800138000\n李四,13900139000\n", "first.csv")
    imported(tmp_path, "姓名,手机\n王五,13700137000\n", "second.csv")
    events = AppEvents()
    dialog = open_history(qtbot, runner, events)
    shown = rows(dialog.table)
    assert [r[1] for r in shown] == ["second.csv", "first.csv"]  # newest first
    assert shown[1][2] == "2" and "2 customer" in shown[1][7]

    dialog.table.selectRow(1)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or _no())
    dialog.findChild(QPushButton, "undoImportButton").click()
    assert asked and Customer.select().count() == 3  # "No" changes nothing

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(events.customersChanged, timeout=5000):
        dialog.findChild(QPushButton, "undoImportButton").click()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5000)
    assert sorted(c.name for c in Customer.select()) == ["王五"]
    assert rows(dialog.table)[1][7].startswith("Undone")
    dialog.table.selectRow(1)
    assert not dialog.findChild(QPushButton, "undoImportButton").isEnabled()


def _no():
    return QMessageBox.StandardButton.No


def test_an_import_whose_customers_were_edited_lists_them_and_changes_nothing(
    qtbot, db, runner, tmp_path, monkeypatch
):
    imported(tmp_path, "姓名,手机\n张三,13800138000\n李四,13900139000\n")
    zhang = Customer.get(Customer.name == "张三")
    customers.update_customer(zhang.id, {"notes": "called back"})
    events = AppEvents()
    changed = []
    events.customersChanged.connect(lambda: changed.append(1))
    dialog = open_history(qtbot, runner, events)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.findChild(QPushButton, "undoImportButton").click()
    qtbot.waitUntil(dialog.edited.isVisible, timeout=5000)
    message = dialog.findChild(QLabel, "importHistoryMessage").text()
    assert "cannot be undone" in message and "Nothing was changed" in message
    (edited,) = rows(dialog.edited)
    assert edited[:2] == [zhang.code, "张三"] and "notes" in edited[2]
    assert Customer.select().count() == 2 and changed == []
