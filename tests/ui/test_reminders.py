"""The reminder service: one message for what fell due, each plan reminded once."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from desktop_crm.db.models import FollowUp, User
from desktop_crm.domain import customers, followups
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.reminders import ReminderService


class RecordingTray(QSystemTrayIcon):
    """A real tray icon that also keeps the messages it was asked to show."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title, text, *args):  # noqa: N802 - Qt name
        self.messages.append((title, text))


@pytest.fixture
def events(qapp) -> AppEvents:
    return AppEvents()


@pytest.fixture
def people(db) -> tuple[int, int]:
    User.create(username="alice", display_name="Alice")
    zhang = customers.create_customer({"name": "张三", "owner": "alice"}).id
    li = customers.create_customer({"name": "李四", "owner": "alice"}).id
    return zhang, li


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@pytest.fixture
def tray(qapp, monkeypatch) -> RecordingTray:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    return RecordingTray()


def test_plans_that_fell_due_while_closed_are_reminded_once(qtbot, events, people):
    zhang, li = people
    # Planned earlier with a due time that passed while the app was not running.
    followups.plan_followup(zhang, utc_now() - timedelta(days=2), subject="回访报价")
    followups.plan_followup(li, utc_now() - timedelta(hours=5), subject="确认收货")
    followups.plan_followup(li, utc_now() + timedelta(days=1), subject="明天的")
    service = ReminderService(events)
    with qtbot.waitSignal(service.reminded, timeout=1000) as signal:
        found = service.check_now()
    assert [item.subject for item in signal.args[0]] == ["回访报价", "确认收货"]
    assert found == signal.args[0]
    with qtbot.assertNotEmitted(service.reminded):
        assert service.check_now() == []
    tomorrow = datetime.now().astimezone() + timedelta(days=1, minutes=1)
    assert [item.subject for item in service.check_now(now=tomorrow)] == ["明天的"]


def test_one_tray_message_sums_them_up(qtbot, events, people, tray):
    zhang, li = people
    followups.plan_followup(zhang, utc_now() - timedelta(days=2), subject="回访报价")
    followups.plan_followup(li, utc_now() - timedelta(hours=5), subject="确认收货")
    service = ReminderService(events, tray_icon=tray)
    service.check_now()
    assert tray.messages == [
        ("Follow-ups are due", "2 follow-ups are due: 张三 — 回访报价; 李四 — 确认收货")
    ]
    service.check_now()
    assert len(tray.messages) == 1


def test_a_long_list_names_three_and_counts_the_rest(events, people):
    zhang, _li = people
    due = utc_now() - timedelta(hours=1)
    plans = [
        followups.plan_followup(zhang, due - timedelta(minutes=n), subject=f"第{n}次")
        for n in range(5)
    ]
    service = ReminderService(events)
    title, text = service.summary(list(reversed(plans)))
    assert title == "Follow-ups are due"
    assert text == "5 follow-ups are due: 张三 — 第4次; 张三 — 第3次; 张三 — 第2次 … and 2 more"


def test_a_single_follow_up_names_its_time_and_falls_back_to_the_channel(events, people):
    zhang, _li = people
    plan = followups.plan_followup(zhang, datetime(2024, 5, 15, 2, 0), subject="x", channel="visit")
    plain = replace(plan, subject=None)
    title, text = ReminderService(events).summary([plain])
    local = datetime(2024, 5, 15, 2, 0, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert (title, text) == ("A follow-up is due", f"张三 — Visit, due {local}")


def test_without_a_tray_only_the_signal_tells(qtbot, events, people, qapp):
    zhang, _li = people
    followups.plan_followup(zhang, utc_now() - timedelta(minutes=1), subject="回电")
    tray = RecordingTray()
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen has no tray
    service = ReminderService(events, tray_icon=tray)
    with qtbot.waitSignal(service.reminded, timeout=1000):
        service.check_now()
    assert tray.messages == []


def test_the_timer_checks_on_its_own(qtbot, events, people):
    zhang, _li = people
    followups.plan_followup(zhang, utc_now() - timedelta(minutes=1), subject="回电")
    service = ReminderService(events, interval_ms=20)
    with qtbot.waitSignal(service.reminded, timeout=2000) as signal:
        pass
    assert [item.subject for item in signal.args[0]] == ["回电"]
    service.stop()


def test_clicking_the_message_opens_the_customer_or_the_due_list(qtbot, events, people, tray):
    zhang, li = people
    followups.plan_followup(zhang, utc_now() - timedelta(hours=2), subject="回访报价")
    service = ReminderService(events, tray_icon=tray)
    service.check_now()
    with qtbot.waitSignal(events.customerOpened, timeout=1000) as opened:
        tray.messageClicked.emit()
    assert opened.args == [zhang]
    followups.plan_followup(zhang, utc_now() - timedelta(hours=1), subject="再联系")
    followups.plan_followup(li, utc_now() - timedelta(hours=1), subject="确认收货")
    service.check_now()
    with qtbot.waitSignal(service.showDueRequested, timeout=1000) as requested:
        tray.messageClicked.emit()
    assert requested.args == ["overdue"]


def test_nothing_due_means_no_signal(qtbot, events, people):
    service = ReminderService(events)
    with qtbot.assertNotEmitted(service.reminded):
        assert service.check_now() == []


def test_reminding_while_another_program_writes_does_not_wait_for_it(
    qtbot, events, people, db_path
):
    """An import in another window holds the database: the reminder is shown at once and
    marked next time, rather than the window freezing until the import lets go."""
    zhang, _li = people
    followups.plan_followup(zhang, utc_now() - timedelta(hours=1), subject="回访报价")
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    # Let go after 2 s: well within the 10 s a writer would otherwise wait for it.
    letting_go = threading.Timer(2, lambda: other.execute("ROLLBACK"))
    letting_go.start()
    service = ReminderService(events)
    try:
        assert [item.subject for item in service.check_now()] == ["回访报价"]
    finally:
        letting_go.join()
        other.close()
    assert FollowUp.get(FollowUp.subject == "回访报价").reminded_at is None
    with qtbot.assertNotEmitted(service.reminded):  # not shown twice in this session
        assert service.check_now() == []
