"""The follow-up pane, driven like a user would: type, click, read what it shows."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_crm.db.models import User
from desktop_crm.domain import customers, followups, relationship
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.followup_pane import FollowUpPane
from desktop_crm.ui.tasks import TaskRunner


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
def users(db):
    return (
        User.create(username="alice", display_name="Alice Wang"),
        User.create(username="bob", display_name="Bob Chen"),
    )


@pytest.fixture
def customer_id(users) -> int:
    return customers.create_customer({"name": "张三", "owner": "alice"}).id


@pytest.fixture
def pane(qtbot, events, tasks) -> FollowUpPane:
    widget = FollowUpPane(events, tasks)
    qtbot.addWidget(widget)
    widget.resize(600, 900)
    widget.show()
    return widget


def type_into(widget: QWidget, text: str) -> None:
    """Type `text` key by key (QTest.keyClicks only knows ASCII; this is what an IME sends)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def timeline_texts(pane: FollowUpPane) -> list[str]:
    return [pane.timeline.item(row).text() for row in range(pane.timeline.count())]


def select_plan(pane: FollowUpPane, plan_id: int) -> None:
    for row in range(pane.timeline.count()):
        item = pane.timeline.item(row).data(Qt.ItemDataRole.UserRole)
        if item is not None and item.id == plan_id:
            pane.timeline.setCurrentRow(row)
            return
    raise AssertionError(f"plan {plan_id} not in the timeline")


def wait_due(qtbot, pane: FollowUpPane, view: str) -> None:
    with qtbot.waitSignal(pane.due_lists.loaded, timeout=5000):
        pane.show_due(view)


def test_logging_a_contact_via_the_form_shows_it_and_sets_the_last_contact(
    qtbot, pane, events, customer_id
):
    pane.set_customer(customer_id)
    form = pane.log_form
    form.channel_combo.setCurrentIndex(form.channel_combo.findData("visit"))
    type_into(form.subject_edit, "上门演示")
    type_into(form.content_edit, "演示了库存模块")
    type_into(form.outcome_edit, "同意试用")
    with qtbot.waitSignal(events.followupsChanged, timeout=1000) as signal:
        qtbot.mouseClick(form.log_button, Qt.MouseButton.LeftButton)
    assert signal.args == [customer_id]
    first = timeline_texts(pane)[0]
    assert "上门演示" in first and "Visit" in first
    assert "演示了库存模块" in first and "→ 同意试用" in first
    assert "Alice Wang" in first
    assert customers.get_customer(customer_id).last_contact_at is not None
    assert form.subject_edit.text() == ""  # ready for the next one


def test_plan_next_proposes_the_date_from_the_level_cadence(qtbot, pane, customer_id):
    relationship.set_level(customer_id, 5)  # partnership: every 7 days
    pane.set_customer(customer_id)
    form = pane.log_form
    seven_days = datetime.combine(date.today() + timedelta(days=7), time(9, 0))
    assert form.next_due_edit.dateTime().toPython() == seven_days
    assert "7" in form.cadence_label.text()
    assert not form.next_due_edit.isEnabled()
    box = form.plan_check
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert form.next_due_edit.isEnabled()
    type_into(form.subject_edit, "季度回顾")
    type_into(form.next_subject_edit, "确认合同")
    qtbot.mouseClick(form.log_button, Qt.MouseButton.LeftButton)
    plans = [i for i in followups.customer_timeline(customer_id) if i.status == "planned"]
    assert [p.subject for p in plans] == ["确认合同"]
    assert plans[0].due_at == followups.propose_next_due(customer_id)
    assert timeline_texts(pane)[0].startswith("Planned for " + seven_days.strftime("%Y-%m-%d"))


def test_the_proposal_follows_a_level_change_of_the_shown_customer(
    qtbot, pane, events, customer_id
):
    pane.set_customer(customer_id)
    assert pane.log_form.next_due_edit.date().toPython() == date.today() + timedelta(days=30)
    relationship.set_level(customer_id, 4)
    events.customerChanged.emit(customer_id)
    assert pane.log_form.next_due_edit.date().toPython() == date.today() + timedelta(days=14)


def test_mark_done_leaves_the_due_lists_and_shows_as_done(qtbot, pane, customer_id):
    plan = followups.plan_followup(customer_id, utc_now() - timedelta(hours=3), subject="回访报价")
    pane.set_customer(customer_id)
    wait_due(qtbot, pane, "overdue")
    assert pane.due_lists.model.rowCount() == 1
    assert pane.due_lists.tab_text("overdue") == "Overdue (1)"
    pane.tabs.setCurrentWidget(pane.customer_tab)
    assert timeline_texts(pane)[0].startswith("Overdue since")
    assert not pane.actions_box.isEnabled()
    select_plan(pane, plan.id)
    assert pane.actions_box.isEnabled()
    type_into(pane.outcome_edit, "客户接受报价")
    qtbot.mouseClick(pane.done_button, Qt.MouseButton.LeftButton)
    assert followups.get_followup(plan.id).status == "done"
    texts = timeline_texts(pane)
    assert len(texts) == 1 and "回访报价" in texts[0] and "→ 客户接受报价" in texts[0]
    assert not texts[0].startswith(("Overdue", "Planned"))
    wait_due(qtbot, pane, "overdue")
    assert pane.due_lists.model.rowCount() == 0
    assert pane.due_lists.tab_text("overdue") == "Overdue (0)"


def test_enter_in_the_outcome_box_marks_the_plan_done(qtbot, pane, customer_id):
    plan = followups.plan_followup(customer_id, utc_now() + timedelta(days=1), subject="寄样品")
    pane.set_customer(customer_id)
    select_plan(pane, plan.id)
    type_into(pane.outcome_edit, "已寄出")
    qtbot.keyClick(pane.outcome_edit, Qt.Key.Key_Return)
    assert followups.get_followup(plan.id).outcome == "已寄出"


def test_reschedule_moves_the_plan_to_the_picked_time(qtbot, pane, customer_id):
    plan = followups.plan_followup(customer_id, utc_now() - timedelta(days=1), subject="回访")
    pane.set_customer(customer_id)
    select_plan(pane, plan.id)
    new_time = datetime.combine(date.today() + timedelta(days=3), time(15, 30))
    pane.reschedule_edit.setDateTime(QDateTime(new_time))
    qtbot.mouseClick(pane.reschedule_button, Qt.MouseButton.LeftButton)
    moved = followups.get_followup(plan.id)
    assert moved.due_at == new_time.astimezone(UTC).replace(tzinfo=None)
    assert timeline_texts(pane)[0].startswith("Planned for " + new_time.strftime("%Y-%m-%d %H:%M"))


def test_cancel_plan_asks_first(qtbot, pane, customer_id, monkeypatch):
    plan = followups.plan_followup(customer_id, utc_now() + timedelta(days=2), subject="拜访")
    pane.set_customer(customer_id)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: answers.pop(0))
    select_plan(pane, plan.id)
    qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    assert followups.get_followup(plan.id).status == "planned"
    qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    assert followups.get_followup(plan.id).status == "cancelled"
    assert timeline_texts(pane) == ["No follow-ups yet."]


def test_due_lists_count_filter_by_owner_and_open_the_customer(
    qtbot, pane, events, users, customer_id
):
    bobs = customers.create_customer({"name": "李四", "owner": "bob"}).id
    followups.plan_followup(customer_id, utc_now() - timedelta(days=2), subject="回访报价")
    followups.plan_followup(bobs, utc_now() - timedelta(hours=1), subject="确认收货")
    followups.plan_followup(bobs, utc_now() + timedelta(days=60), subject="太远了")
    wait_due(qtbot, pane, "overdue")
    lists = pane.due_lists
    assert lists.tab_text("overdue") == "Overdue (2)"
    assert pane.tabs.tabText(1) == "Due (2 overdue)"
    assert lists.model.rowCount() == 2
    assert lists.model.index(0, 1).data() == "张三 (C000001)"
    assert lists.model.index(0, 4).data() == "Alice Wang"
    with qtbot.waitSignal(lists.loaded, timeout=5000):
        lists.owner_combo.setCurrentIndex(lists.owner_combo.findData("bob"))
    assert lists.tab_text("overdue") == "Overdue (1)"
    assert [lists.model.index(0, c).data() for c in (2, 3, 4)] == [
        "确认收货",
        "Phone call",
        "Bob Chen",
    ]
    rect = lists.table.visualRect(lists.model.index(0, 2))
    viewport = lists.table.viewport()
    with qtbot.waitSignal(events.customerOpened, timeout=1000) as opened:
        # A real double-click starts with a click; QTest needs it to track the press.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [bobs]


def test_enter_on_a_due_row_opens_the_customer(qtbot, pane, events, customer_id):
    followups.plan_followup(customer_id, utc_now() + timedelta(minutes=30), subject="今天回电")
    wait_due(qtbot, pane, "today")
    table = pane.due_lists.table
    table.setFocus()
    table.setCurrentIndex(pane.due_lists.model.index(0, 0))
    with qtbot.waitSignal(events.customerOpened, timeout=1000) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [customer_id]


def test_due_lists_reload_when_follow_ups_change(qtbot, pane, events, customer_id):
    wait_due(qtbot, pane, "overdue")
    assert pane.due_lists.model.rowCount() == 0
    followups.plan_followup(customer_id, utc_now() - timedelta(hours=1), subject="补录")
    with qtbot.waitSignal(pane.due_lists.loaded, timeout=5000):
        events.followupsChanged.emit(customer_id)
    assert pane.due_lists.tab_text("overdue") == "Overdue (1)"


def test_a_refused_field_is_shown_in_the_form(qtbot, pane, customer_id):
    pane.set_customer(customer_id)
    form = pane.log_form
    tomorrow = datetime.combine(date.today() + timedelta(days=1), time(12, 0))
    form.when_edit.setDateTime(QDateTime(tomorrow))
    qtbot.mouseClick(form.log_button, Qt.MouseButton.LeftButton)
    assert form.error_label.isVisible()
    assert form.error_label.text().startswith("When:")
    assert form.when_edit.property("fieldError") is True
    assert followups.customer_timeline(customer_id) == []


def test_an_enterprise_offers_its_contact_persons(qtbot, pane, users):
    company = customers.create_customer(
        {
            "name": "明远科技",
            "kind": "enterprise",
            "contacts": [{"name": "李经理", "title": "采购经理"}, {"name": "张工"}],
        }
    )
    person = customers.create_customer({"name": "王五"})
    pane.set_customer(person.id)
    assert not pane.log_form.contact_combo.isVisibleTo(pane)
    pane.set_customer(company.id)
    form = pane.log_form
    assert form.contact_combo.isVisibleTo(pane)
    assert [form.contact_combo.itemText(i) for i in range(form.contact_combo.count())] == [
        "(no contact person)",
        "李经理 · 采购经理",
        "张工",
    ]
    form.contact_combo.setCurrentIndex(2)
    type_into(form.subject_edit, "技术交流")
    qtbot.mouseClick(form.log_button, Qt.MouseButton.LeftButton)
    assert followups.customer_timeline(company.id)[0].contact_name == "张工"
    assert "张工" in timeline_texts(pane)[0]


def test_plan_form_plans_a_follow_up_alone(qtbot, pane, customer_id):
    pane.set_customer(customer_id)
    pane.focus_plan_form()
    form = pane.plan_form
    assert form.due_edit.date().toPython() == date.today() + timedelta(days=30)
    qtbot.mouseClick(form.plan_button, Qt.MouseButton.LeftButton)
    assert "What to do" in form.error_label.text()  # a plan needs to say what to do
    type_into(form.subject_edit, "发送新报价")
    qtbot.mouseClick(form.plan_button, Qt.MouseButton.LeftButton)
    assert customers.get_customer(customer_id).next_followup_at is not None
    assert "发送新报价" in timeline_texts(pane)[0]


def test_without_a_customer_nothing_can_be_written(pane):
    pane.set_customer(None)
    assert not pane.log_form.isEnabled()
    assert not pane.plan_form.isEnabled()
    assert not pane.actions_box.isEnabled()
    assert pane.header.text() == "Select a customer to see their follow-ups."


def test_focus_log_form_puts_the_cursor_in_the_subject(qtbot, pane, customer_id):
    pane.set_customer(customer_id)
    pane.show_due("today")
    pane.activateWindow()
    pane.focus_log_form()
    assert pane.tabs.currentWidget() is pane.customer_tab
    qtbot.waitUntil(lambda: pane.log_form.subject_edit.hasFocus(), timeout=2000)


def test_the_form_is_usable_from_the_keyboard(qtbot, pane, customer_id):
    pane.set_customer(customer_id)
    pane.activateWindow()
    pane.focus_log_form()
    form = pane.log_form
    qtbot.waitUntil(lambda: form.subject_edit.hasFocus(), timeout=2000)
    type_into(form.subject_edit, "电话回访")
    qtbot.keyClick(form.subject_edit, Qt.Key.Key_Tab)
    assert form.content_edit.hasFocus()
    type_into(form.content_edit, "客户满意")
    qtbot.keyClick(form.content_edit, Qt.Key.Key_Tab)  # Tab moves on, it is not typed
    assert form.outcome_edit.hasFocus()
    assert form.content_edit.toPlainText() == "客户满意"
    qtbot.keyClick(form.outcome_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(form.outcome_edit, Qt.Key.Key_Control)  # or Ctrl stays held for Qt
    assert [i.subject for i in followups.customer_timeline(customer_id)] == ["电话回访"]
