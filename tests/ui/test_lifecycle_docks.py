"""The Retention and Care docks in the main window, Customer → Mark as Lost/Exited…, and
the stage/grade recompute at start-up (once a day) and on demand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDockWidget

from desktop_crm.app import create_main_window
from desktop_crm.db.models import Customer
from desktop_crm.domain import customers, followups, orders, recompute
from desktop_crm.ui.dialogs.exit_dialog import ExitCustomerDialog
from desktop_crm.ui.settings import UiSettings

TODAY = date.today()


def drifting(name: str) -> int:
    """Bought every 30 days until 100 days ago; the stage was last written then (repeat)."""
    cid = customers.create_customer({"name": name}).id
    last = TODAY - timedelta(days=100)
    for n in reversed(range(4)):
        day = last - timedelta(days=30 * n)
        orders.create_order(cid, {"order_date": day, "product": "硒鼓", "amount": "100"}, today=day)
    return cid


@pytest.fixture
def sample(db):
    return {"drifting": drifting("张三"), "plain": customers.create_customer({"name": "李四"}).id}


def open_window(qtbot, db_path, tmp_path):
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    win.start()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=5000)
    return win


@pytest.fixture
def window(qtbot, db_path, sample, tmp_path):
    win = open_window(qtbot, db_path, tmp_path)
    qtbot.waitUntil(lambda: not win.lifecycle.recompute.running, timeout=5000)
    yield win
    win.tasks.wait(5000)


def test_the_docks_are_tabified_with_the_relationship_dock_and_hidden(window):
    retention = window.findChild(QDockWidget, "retentionDock")
    care = window.findChild(QDockWidget, "careDock")
    assert retention is not None and care is not None
    assert not retention.isVisible() and not care.isVisible()
    window.named_actions.retention.trigger()
    window.named_actions.care.trigger()
    tabbed = window.tabifiedDockWidgets(window.relationship_dock)
    assert retention in tabbed and care in tabbed
    assert care.isVisible()  # the last one asked for is on top
    assert window.findChild(object, "retentionView") is not None
    assert window.findChild(object, "careView") is not None


def test_view_retention_shows_the_at_risk_customers(qtbot, window, sample):
    window.named_actions.retention.trigger()
    dock = window.lifecycle.retention_dock
    assert dock.isVisible()
    view = window.lifecycle.retention_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.loading, timeout=5000)
    assert view.model.customer_id(0) == sample["drifting"]
    view.table.selectRow(0)
    view.open_selected()
    assert window.list_pane.selected_ids() == [sample["drifting"]]


def test_view_care_shows_the_care_dock(qtbot, window):
    window.named_actions.care.trigger()
    assert window.lifecycle.care_dock.isVisible()
    view = window.lifecycle.care_view
    qtbot.waitUntil(lambda: not view.loading, timeout=5000)


def test_mark_as_exited_from_the_customer_menu(qtbot, window, sample):
    cid = sample["plain"]
    followups.plan_followup(cid, TODAY + timedelta(days=3), subject="回访")
    action = window.named_actions.exit_customer
    window.list_pane.select_customer(cid)
    qtbot.waitUntil(action.isEnabled, timeout=2000)
    action.trigger()
    dialog = window.findChild(ExitCustomerDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("price"))
    dialog.accept()
    assert Customer.get_by_id(cid).stage == "exited"
    assert followups.open_followup_count(cid) == 0
    # The detail pane shows the exit (no stale copy left to save over it).
    qtbot.waitUntil(lambda: window.detail.form.combos["stage"].value() == "exited", timeout=2000)


def test_the_start_up_recompute_runs_once_a_day_and_updates_stages(
    qtbot, db_path, sample, tmp_path
):
    cid = sample["drifting"]
    assert Customer.get_by_id(cid).stage == "repeat"
    assert recompute.due_today()
    win = open_window(qtbot, db_path, tmp_path)
    qtbot.waitUntil(lambda: Customer.get_by_id(cid).stage == "at_risk", timeout=5000)
    qtbot.waitUntil(lambda: not win.lifecycle.recompute.running, timeout=5000)
    assert recompute.last_run_day() == TODAY
    assert "Recomputed: 1 stage(s)" in win.statusBar().currentMessage()
    win.tasks.wait(5000)
    win.close()

    # Put the old stage back: a second start the same day must not recompute it.
    Customer.update(stage="repeat").where(Customer.id == cid).execute()
    again = open_window(qtbot, db_path, tmp_path)
    qtbot.waitUntil(lambda: not again.lifecycle.recompute.running, timeout=5000)
    again.tasks.wait(5000)
    assert Customer.get_by_id(cid).stage == "repeat"
    again.close()


def test_tools_recompute_runs_on_demand(qtbot, window, sample):
    cid = sample["drifting"]
    Customer.update(stage="repeat").where(Customer.id == cid).execute()
    with qtbot.waitSignal(window.events.customersChanged, timeout=5000):
        window.named_actions.recompute.trigger()
    assert Customer.get_by_id(cid).stage == "at_risk"
