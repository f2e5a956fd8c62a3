"""The Retention view: at-risk customers with their reasons, one-click win-back plans,
marking a customer as exited, and the exit-reason analysis."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from desktop_crm.db.models import Customer, FollowUp, User
from desktop_crm.domain import customers, followups, lifecycle, orders
from desktop_crm.ui.dialogs.exit_dialog import ExitCustomerDialog, ask_exit_customer
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.retention_view import RetentionTableModel, RetentionView
from desktop_crm.ui.tasks import TaskRunner

TODAY = date.today()


@pytest.fixture
def events(qapp) -> AppEvents:
    return AppEvents()


@pytest.fixture
def tasks(db, qapp):
    runner = TaskRunner()
    yield runner
    runner.wait()
    QCoreApplication.processEvents()  # deliver late results while the widgets still live


@pytest.fixture
def view(qtbot, events, tasks) -> RetentionView:
    widget = RetentionView(events, tasks)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    return widget


def buy_every_30_days(cid: int, last: date, count: int = 4) -> None:
    for n in reversed(range(count)):
        day = last - timedelta(days=30 * n)
        orders.create_order(cid, {"order_date": day, "product": "硒鼓", "amount": "100"})


def drifting(name: str = "张三", **data) -> int:
    """A customer who bought every 30 days and stopped 100 days ago."""
    cid = customers.create_customer({"name": name, **data}).id
    buy_every_30_days(cid, TODAY - timedelta(days=100))
    return cid


def settle(qtbot, view: RetentionView, tasks: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not view.loading, timeout=5000)
    tasks.wait()
    qtbot.wait(10)


def cell(view: RetentionView, row: int, column: int) -> str:
    return view.model.index(row, column).data()


def shown(qtbot, view, tasks) -> None:
    view.show()  # the first show reads the list
    settle(qtbot, view, tasks)


def select_row(view: RetentionView, row: int) -> None:
    view.table.selectRow(row)


def test_an_at_risk_customer_appears_with_its_reason(qtbot, view, tasks):
    User.create(username="li.na", display_name="李娜")
    cid = drifting(owner="li.na")
    steady = customers.create_customer({"name": "李四"}).id
    buy_every_30_days(steady, TODAY - timedelta(days=5))
    shown(qtbot, view, tasks)
    assert view.model.rowCount() == 1
    assert view.model.customer_id(0) == cid
    assert cell(view, 0, RetentionTableModel.COL_NAME) == "张三"
    assert (
        cell(view, 0, RetentionTableModel.COL_REASONS)
        == "no purchase for 100 days (usually every 30 days)"
    )
    assert cell(view, 0, RetentionTableModel.COL_SINCE) == "100"
    assert cell(view, 0, RetentionTableModel.COL_INTERVAL) == "30 day(s)"
    last = (TODAY - timedelta(days=100)).isoformat()
    assert cell(view, 0, RetentionTableModel.COL_LAST) == last
    assert cell(view, 0, RetentionTableModel.COL_OWNER) == "李娜"
    tooltip = view.model.index(0, RetentionTableModel.COL_REASONS).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Purchase overdue: ")
    assert view.status_label.text() == "1 customer(s) at risk."


def test_the_reason_filter_narrows_the_list(qtbot, view, tasks):
    from desktop_crm.domain import service

    drifting("张三")
    complaining = customers.create_customer({"name": "王五"}).id
    service.open_complaint(complaining, "送货延误")
    shown(qtbot, view, tasks)
    assert view.model.rowCount() == 2
    combo = view.reason_combo
    combo.setCurrentIndex(combo.findData("unresolved_complaints"))
    assert [view.model.customer_id(r) for r in range(view.model.rowCount())] == [complaining]


def test_plan_follow_up_plans_for_the_selected_customer_on_the_proposed_date(
    qtbot, view, events, tasks
):
    cid = drifting()
    customers.update_customer(cid, {"relationship_level": 4})  # proactive: every 14 days
    shown(qtbot, view, tasks)
    assert not view.plan_button.isEnabled()
    select_row(view, 0)
    assert view.plan_button.isEnabled()
    expected = followups.propose_next_due(cid)
    with qtbot.waitSignal(events.followupsChanged, timeout=5000) as changed:
        qtbot.mouseClick(view.plan_button, Qt.MouseButton.LeftButton)
    assert changed.args == [cid]
    plans = [f for f in followups.customer_timeline(cid) if f.status == "planned"]
    assert len(plans) == 1
    assert plans[0].due_at.date() == expected.date()
    assert plans[0].subject == "Win back: no purchase for 100 days (usually every 30 days)"
    # The list is read again and shows the plan.
    qtbot.waitUntil(
        lambda: bool(view.model.rowCount() and cell(view, 0, RetentionTableModel.COL_NEXT)),
        timeout=5000,
    )
    assert view.model.rows[0].next_followup_at == FollowUp.get_by_id(plans[0].id).due_at


def test_plan_follow_up_for_several_customers_at_once(qtbot, view, events, tasks):
    ids = {drifting("张三"), drifting("李四")}
    shown(qtbot, view, tasks)
    view.table.selectAll()
    with qtbot.waitSignals([events.statusMessage], timeout=5000):
        view.plan_followups()
    assert {f.customer_id for f in FollowUp.select() if f.status == "planned"} == ids
    assert view.status_label.text() == "2 follow-up(s) planned."


def test_open_asks_to_show_the_customer(qtbot, view, events, tasks):
    cid = drifting()
    shown(qtbot, view, tasks)
    select_row(view, 0)
    with qtbot.waitSignal(events.customerOpened, timeout=1000) as opened:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [cid]


def test_the_exit_dialog_records_the_reason_and_cancels_plans_when_ticked(
    qtbot, view, events, tasks
):
    cid = drifting()
    followups.plan_followup(cid, TODAY + timedelta(days=3), subject="回访")
    followups.plan_followup(cid, TODAY + timedelta(days=30), subject="再回访")
    shown(qtbot, view, tasks)
    select_row(view, 0)
    qtbot.mouseClick(view.exit_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(ExitCustomerDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.cancel_check.text() == "Cancel 2 open follow-up(s)"
    assert dialog.cancel_check.isChecked()  # on by default
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("competitor"))
    dialog.notes_edit.setPlainText("价格更低的供应商")
    with qtbot.waitSignal(events.customerChanged, timeout=1000):
        qtbot.mouseClick(dialog.findChild(object, "exitOkButton"), Qt.MouseButton.LeftButton)
    row = Customer.get_by_id(cid)
    assert (row.stage, row.exit_reason, row.exit_notes) == (
        "exited",
        "competitor",
        "价格更低的供应商",
    )
    assert followups.open_followup_count(cid) == 0
    # Exited customers leave the at-risk list and count in the analysis.
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 and not view.loading, timeout=5000)
    settle(qtbot, view, tasks)
    assert view.exit_model.index(0, 0).data() == "Went to a competitor"
    assert view.exit_model.index(0, 1).data() == "1"
    assert view.exit_model.index(0, 2).data() == "100%"
    assert view.exit_total.text() == "1 customer(s) have left."


def test_unticked_the_exit_keeps_the_plans(qtbot, view, events):
    cid = customers.create_customer({"name": "张三"}).id
    followups.plan_followup(cid, TODAY + timedelta(days=3), subject="回访")
    dialog = ask_exit_customer(view, cid, events)
    assert dialog is not None
    dialog.cancel_check.setChecked(False)
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("moved"))
    dialog.accept()
    assert Customer.get_by_id(cid).exit_reason == "moved"
    assert followups.open_followup_count(cid) == 1


def test_without_open_plans_the_dialog_does_not_offer_to_cancel(qtbot, view, events):
    cid = customers.create_customer({"name": "张三"}).id
    dialog = ask_exit_customer(view, cid, events)
    assert dialog is not None
    assert dialog.cancel_check.isHidden()
    assert dialog.reason_combo.count() == len(lifecycle.exit_reasons())


def test_a_refused_exit_keeps_the_dialog_open_with_the_reason(qtbot, view, events):
    cid = customers.create_customer({"name": "张三"}).id
    dialog = ask_exit_customer(view, cid, events)
    assert dialog is not None
    dialog.reason_combo.addItem("bored", "bored")  # no longer in the configured list
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.count() - 1)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith("Exit reason: ")
    assert Customer.get_by_id(cid).exited_at is None


def test_a_change_elsewhere_rereads_the_visible_list(qtbot, view, events, tasks):
    shown(qtbot, view, tasks)
    assert view.model.rowCount() == 0
    drifting()
    events.customersChanged.emit()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
