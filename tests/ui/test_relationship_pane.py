"""The relationship-level pane: change the level, read the suggestion, click the bars."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from desktop_crm.db.models import User
from desktop_crm.domain import customers, followups, history, relationship
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.relationship_pane import RelationshipPane
from desktop_crm.ui.tasks import TaskRunner
from desktop_crm.ui.widgets.level_bars import NOT_SET


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
def customer_id(db) -> int:
    User.create(username="alice", display_name="Alice")
    return customers.create_customer({"name": "张三", "owner": "alice"}).id


@pytest.fixture
def pane(qtbot, events, tasks) -> RelationshipPane:
    widget = RelationshipPane(events, tasks)
    qtbot.addWidget(widget)
    widget.resize(480, 1000)
    widget.show()
    return widget


def bar_counts(pane: RelationshipPane) -> dict[int, int]:
    return {level: bar.count for level, bar in pane.bars.bars.items()}


def settle(qtbot, pane: RelationshipPane, tasks: TaskRunner) -> None:
    """Wait until the background reads (suggestion, distribution) have been shown."""
    tasks.wait()
    qtbot.wait(10)  # the results arrive as queued signals
    tasks.wait()
    qtbot.wait(10)


def test_changing_the_level_records_history_and_moves_the_bars(
    qtbot, pane, events, tasks, customer_id
):
    customers.create_customer({"name": "李四"})
    pane.set_customer(customer_id)
    pane.refresh_distribution()
    settle(qtbot, pane, tasks)
    assert bar_counts(pane)[NOT_SET] == 2
    assert bar_counts(pane)[4] == 0
    combo = pane.level_combo
    with qtbot.waitSignal(events.customerChanged, timeout=1000) as changed:
        combo.setCurrentIndex(combo.findData(4))
    assert changed.args == [customer_id]
    assert customers.get_customer(customer_id).relationship_level == 4
    entries = [e for e in history.customer_history(customer_id) if e.field == "relationship_level"]
    assert [(e.old_value, e.new_value) for e in entries] == [(None, "4")]
    qtbot.waitUntil(lambda: bar_counts(pane)[4] == 1, timeout=3000)
    assert bar_counts(pane)[NOT_SET] == 1
    assert pane.bars.bars[4].accessibleName() == "4 · Proactive: 1 customers"
    assert "14" in pane.cadence_label.text()  # proactive: every 14 days


def test_choosing_the_same_level_again_writes_nothing(qtbot, pane, customer_id):
    relationship.set_level(customer_id, 2)
    pane.set_customer(customer_id)
    assert pane.level_combo.currentData() == 2
    before = len(history.customer_history(customer_id))
    pane.level_combo.setCurrentIndex(pane.level_combo.findData(2))
    assert len(history.customer_history(customer_id)) == before


def test_clicking_a_level_bar_asks_to_filter_the_list(qtbot, pane):
    with qtbot.waitSignal(pane.levelFilterRequested, timeout=1000) as requested:
        qtbot.mouseClick(pane.bars.bars[3], Qt.MouseButton.LeftButton)
    assert requested.args == [3]
    with qtbot.waitSignal(pane.levelFilterRequested, timeout=1000) as requested:
        qtbot.mouseClick(pane.bars.bars[NOT_SET], Qt.MouseButton.LeftButton)
    assert requested.args == [0]


def test_enter_on_a_focused_level_bar_asks_to_filter_too(qtbot, pane):
    bar = pane.bars.bars[5]
    assert bar.focusPolicy() & Qt.FocusPolicy.TabFocus
    with qtbot.waitSignal(pane.levelFilterRequested, timeout=1000) as requested:
        qtbot.keyClick(bar, Qt.Key.Key_Return)
    assert requested.args == [5]


def test_the_suggestion_is_shown_with_its_reason_and_can_be_applied(
    qtbot, pane, events, tasks, customer_id
):
    now = datetime.now(UTC)
    for days in (40, 20, 5):  # the customer calls us when they need something
        followups.log_contact(
            customer_id,
            channel="phone",
            initiated_by="customer",
            occurred_at=now - timedelta(days=days),
        )
    pane.set_customer(customer_id)
    expected = relationship.suggest_level(customer_id)
    assert expected.level == 2
    qtbot.waitUntil(lambda: pane.suggestion is not None, timeout=3000)
    assert "Passive" in pane.suggestion_label.text()
    assert pane.reason_label.text() == expected.reason
    assert "contacts 3" in pane.reason_label.text()
    assert pane.apply_button.isEnabled()
    with qtbot.waitSignal(events.customerChanged, timeout=1000):
        qtbot.mouseClick(pane.apply_button, Qt.MouseButton.LeftButton)
    assert customers.get_customer(customer_id).relationship_level == 2
    assert pane.level_combo.currentData() == 2
    assert not pane.apply_button.isEnabled()  # the customer is at the suggested level now


def test_the_strategy_checklist_follows_the_level_and_keeps_ticks_per_customer(
    qtbot, pane, customer_id, events, tasks
):
    other = customers.create_customer({"name": "李四"}).id
    pane.set_customer(customer_id)
    assert pane.checklist.item(0).text() == "Set a level to see its strategy."
    relationship.set_level(customer_id, 3)
    relationship.set_level(other, 3)
    pane.set_customer(customer_id)
    steps = list(relationship.level(3).strategies)
    assert [pane.checklist.item(i).text() for i in range(pane.checklist.count())] == steps
    pane.checklist.item(1).setCheckState(Qt.CheckState.Checked)
    pane.set_customer(other)
    assert pane.checklist.item(1).checkState() == Qt.CheckState.Unchecked
    pane.set_customer(customer_id)
    assert pane.checklist.item(1).checkState() == Qt.CheckState.Checked
    later = RelationshipPane(events, tasks)  # the ticks are stored, not held by the pane
    qtbot.addWidget(later)
    later.set_customer(customer_id)
    assert later.checklist.item(1).checkState() == Qt.CheckState.Checked
    assert later.checklist.item(0).checkState() == Qt.CheckState.Unchecked


def test_selecting_a_level_shows_its_characteristics_and_strategies(qtbot, pane):
    pane.level_list.setCurrentRow(4)
    partnership = relationship.level(5)
    text = pane.level_text.text()
    assert "Partnership" in text
    assert partnership.characteristics in text
    assert all(step in text for step in partnership.strategies)
    assert "every 7 days" in text


def test_the_distribution_follows_changes_made_elsewhere(qtbot, pane, events, tasks, customer_id):
    pane.refresh_distribution()  # the customer was made after the pane
    settle(qtbot, pane, tasks)
    assert bar_counts(pane)[NOT_SET] == 1
    relationship.set_level(customer_id, 1)
    events.customerChanged.emit(customer_id)
    qtbot.waitUntil(lambda: bar_counts(pane)[1] == 1, timeout=3000)
    assert bar_counts(pane)[NOT_SET] == 0
    customers.trash_customers([customer_id])
    events.customersChanged.emit()
    qtbot.waitUntil(lambda: bar_counts(pane)[1] == 0, timeout=3000)


def test_without_a_customer_the_level_cannot_be_changed(pane):
    pane.set_customer(None)
    assert not pane.level_combo.isEnabled()
    assert not pane.apply_button.isEnabled()
    assert pane.header.text() == "Select a customer to see their relationship level."
