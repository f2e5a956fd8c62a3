"""The Care view: upcoming birthdays, lunar birthdays and festivals with greetings filled
per customer, copied, opened in the mail program, and logged as sent."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication

from desktop_crm.db.models import FollowUp
from desktop_crm.domain import care, customers
from desktop_crm.ui.care_view import CareTableModel, CareView
from desktop_crm.ui.events import AppEvents
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
    QCoreApplication.processEvents()


@pytest.fixture
def view(qtbot, events, tasks) -> CareView:
    widget = CareView(events, tasks)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    return widget


def birthday_in(days: int) -> date:
    """A birthday (born 1988, a leap year) that comes round in `days` days."""
    day = TODAY + timedelta(days=days)
    return date(1988, day.month, day.day)


def show_and_wait(qtbot, view: CareView, tasks: TaskRunner) -> None:
    if view.isVisible():
        view.reload()
    else:
        view.show()
    qtbot.waitUntil(lambda: not view.loading, timeout=5000)
    tasks.wait()
    qtbot.wait(10)


def row_of(view: CareView, customer_id: int, kind: str | None = None) -> int:
    for row, occasion in enumerate(view.model.rows):
        if occasion.customer_id == customer_id and (kind is None or occasion.kind == kind):
            return row
    raise AssertionError(f"customer {customer_id} is not in the care list")


def holiday_row(view: CareView, name: str) -> int:
    for row, occasion in enumerate(view.model.rows):
        if occasion.holiday is not None and occasion.holiday.name == name:
            return row
    raise AssertionError(f"{name} is not in the care list")


def cell(view: CareView, row: int, column: int) -> str:
    return view.model.index(row, column).data()


@pytest.fixture
def zhang(db) -> int:
    return customers.create_customer(
        {
            "name": "张三",
            "title": "经理",
            "birthday": birthday_in(5),
            "emails": ["zs@example.com"],
        }
    ).id


def test_a_birthday_in_five_days_appears_with_the_greeting_filled(qtbot, view, tasks, zhang):
    customers.create_customer({"name": "李四", "birthday": birthday_in(60)})
    show_and_wait(qtbot, view, tasks)
    assert [o.customer_id for o in view.model.rows if o.event is not None] == [zhang]
    row = row_of(view, zhang)
    on = TODAY + timedelta(days=5)
    assert cell(view, row, CareTableModel.COL_DATE) == on.isoformat()
    assert cell(view, row, CareTableModel.COL_WHEN) == "in 5 day(s)"
    assert (
        cell(view, row, CareTableModel.COL_CUSTOMER)
        == f"张三 ({customers.get_customer(zhang).code})"
    )
    assert cell(view, row, CareTableModel.COL_OCCASION) == f"Birthday · turns {on.year - 1988}"
    view.table.selectRow(row)
    assert view.template_combo.currentData() == "birthday"
    text = view.greeting_edit.toPlainText()
    assert text.startswith("Dear 经理 张三,")
    assert "Happy birthday!" in text
    assert view.subject_edit.text() == "Happy birthday!"


def test_copy_email_and_log_as_sent(qtbot, view, events, tasks, zhang, monkeypatch):
    show_and_wait(qtbot, view, tasks)
    row = row_of(view, zhang)
    view.table.selectRow(row)
    view.greeting_edit.setPlainText("张经理，生日快乐！")  # the user's own words

    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "张经理，生日快乐！"

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    assert view.email_button.isEnabled()
    qtbot.mouseClick(view.email_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert opened[0].startswith("mailto:zs@example.com?subject=Happy")
    assert view.channel_combo.currentData() == "email"

    with qtbot.waitSignal(events.followupsChanged, timeout=1000) as changed:
        qtbot.mouseClick(view.log_button, Qt.MouseButton.LeftButton)
    assert changed.args == [zhang]
    logged = FollowUp.get(FollowUp.customer == zhang)
    assert (logged.status, logged.channel, logged.subject, logged.content) == (
        "done",
        "email",
        "Happy birthday!",
        "张经理，生日快乐！",
    )
    assert cell(view, row, CareTableModel.COL_SENT) == "✓ Sent"
    show_and_wait(qtbot, view, tasks)  # still marked after a refresh
    assert cell(view, row_of(view, zhang), CareTableModel.COL_SENT) == "✓ Sent"


def test_email_is_disabled_without_an_address(qtbot, view, tasks):
    cid = customers.create_customer({"name": "王五", "birthday": birthday_in(2)}).id
    show_and_wait(qtbot, view, tasks)
    view.table.selectRow(row_of(view, cid))
    assert not view.email_button.isEnabled()
    assert view.log_button.isEnabled()


def test_a_lunar_birthday_shows_this_years_solar_date(qtbot, view, tasks):
    on = TODAY + timedelta(days=10)
    _, month, day, leap = care.solar_to_lunar(on)
    cid = customers.create_customer(
        {
            "name": "王芳",
            "lunar_birthday_month": month,
            "lunar_birthday_day": day,
            "lunar_birthday_leap": leap,
        }
    ).id
    show_and_wait(qtbot, view, tasks)
    row = row_of(view, cid, "lunar_birthday")
    assert cell(view, row, CareTableModel.COL_DATE) == on.isoformat()
    assert cell(view, row, CareTableModel.COL_OCCASION) == f"Lunar birthday (lunar {month}/{day})"


def test_a_festival_greeting_goes_to_the_customer_selected_in_the_list(
    qtbot, view, events, tasks, zhang
):
    on = TODAY + timedelta(days=3)
    care.set_custom_care_dates([{"name": "店庆", "month": on.month, "day": on.day}])
    show_and_wait(qtbot, view, tasks)
    row = holiday_row(view, "店庆")
    assert cell(view, row, CareTableModel.COL_CUSTOMER) == "All"
    view.table.selectRow(row)
    assert view.template_combo.currentData() == "holiday"
    assert "店庆" in view.greeting_edit.toPlainText()
    assert not view.log_button.isEnabled()  # nobody to log it for yet
    assert "Select a customer" in view.occasion_label.text()

    view.set_target_customer(zhang)
    assert view.greeting_edit.toPlainText().startswith("Dear 经理 张三,")
    assert "店庆" in view.greeting_edit.toPlainText()
    with qtbot.waitSignal(events.followupsChanged, timeout=1000):
        qtbot.mouseClick(view.log_button, Qt.MouseButton.LeftButton)
    assert FollowUp.get(FollowUp.customer == zhang).status == "done"
    assert cell(view, row, CareTableModel.COL_SENT) == "1 sent"


def test_the_template_chooser_refills_the_greeting(qtbot, view, tasks, zhang):
    show_and_wait(qtbot, view, tasks)
    view.table.selectRow(row_of(view, zhang))
    view.template_combo.setCurrentIndex(view.template_combo.findData("anniversary"))
    assert "anniversary of your first order" in view.greeting_edit.toPlainText()
    assert view.subject_edit.text() == "Thank you for your loyalty"


def test_more_days_ahead_show_later_occasions(qtbot, view, tasks, zhang):
    later = customers.create_customer({"name": "李四", "birthday": birthday_in(40)}).id
    show_and_wait(qtbot, view, tasks)
    assert later not in [o.customer_id for o in view.model.rows]
    view.days_spin.setValue(45)
    qtbot.waitUntil(lambda: later in [o.customer_id for o in view.model.rows], timeout=5000)
