"""Customer → Export Personal Data… and Erase Personal Data… in the main window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit

from desktop_crm.app import create_main_window
from desktop_crm.db.models import Customer
from desktop_crm.domain import customers
from desktop_crm.domain.search import CustomerQuery, search_customers
from desktop_crm.ui.dialogs.erase_dialog import EraseDialog
from desktop_crm.ui.settings import UiSettings


@pytest.fixture
def sample(db):
    zoe = customers.create_customer(
        {"name": "Zoe Miller", "phones": ["13800138000"], "emails": ["zoe@example.com"]}
    )
    li = customers.create_customer({"name": "Li Lei", "phones": ["13900139000"]})
    return {"zoe": zoe.id, "li": li.id}


@pytest.fixture
def window(qtbot, db_path, sample, tmp_path):
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=5000)
    yield win
    win.tasks.wait(5000)


def _open(qtbot, window, customer_id: int) -> None:
    window.list_pane.select_customer(customer_id)
    qtbot.waitUntil(lambda: window.detail.customer_id() == customer_id, timeout=5000)


def test_the_customer_menu_has_both_entries(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "Customer" in a.text())
    names = [a.objectName() for a in menu.actions()]
    assert {"export_personal_data", "erase_personal_data"} <= set(names)


def test_export_writes_the_json_and_the_pdf_beside_it(qtbot, window, sample, tmp_path, monkeypatch):
    target = tmp_path / "zoe.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _open(qtbot, window, sample["zoe"])
    window.named_actions.export_personal_data.trigger()
    qtbot.waitUntil(lambda: target.with_suffix(".pdf").exists(), timeout=15000)
    window.tasks.wait(5000)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["person"]["profile"]["name"] == "Zoe Miller"
    assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_erase_needs_the_typed_name_then_the_customer_is_gone(qtbot, window, sample):
    _open(qtbot, window, sample["zoe"])
    window.named_actions.erase_personal_data.trigger()
    dialog = window.personal_data.dialog
    assert isinstance(dialog, EraseDialog) and dialog.isVisible()
    assert "Zoe Miller" in dialog.findChild(QLabel, "eraseHeading").text()
    box = dialog.findChild(QLineEdit, "eraseConfirmation")
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClicks(box, "Zoe")
    assert not dialog.erase_button.isEnabled()  # half a name is not enough
    box.clear()
    qtbot.keyClicks(box, "Zoe Miller")
    assert dialog.erase_button.isEnabled()
    dialog.erase_button.click()
    qtbot.waitUntil(lambda: Customer.get_by_id(sample["zoe"]).erased_at is not None, timeout=10000)
    model = window.list_pane.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.loading, timeout=10000)
    assert [c.name for c in search_customers(CustomerQuery())] == ["Li Lei"]
    assert model.row_of(sample["zoe"]) in (None, -1)
    assert window.detail.customer_id() != sample["zoe"]


def test_the_code_confirms_too_and_cancel_erases_nothing(qtbot, window, sample):
    _open(qtbot, window, sample["zoe"])
    window.named_actions.erase_personal_data.trigger()
    dialog = window.personal_data.dialog
    qtbot.keyClicks(dialog.confirmation, "c000001")
    assert dialog.erase_button.isEnabled()
    dialog.reject()
    QApplication.processEvents()
    assert Customer.get_by_id(sample["zoe"]).erased_at is None


def test_the_dialog_looks_right(qtbot, db):
    dialog = EraseDialog("欧阳晓燕", "C000123")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab().save("/tmp/personal-erase-dialog.png")
    assert dialog.erase_button.text() == "Erase"
