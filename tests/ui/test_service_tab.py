"""The Service tab over a real database: a complaint through its status flow, a refused
move, overdue complaints highlighted and counted in the status bar, surveys and the trend."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QMainWindow

from desktop_crm.app import create_main_window
from desktop_crm.domain import customers, service
from desktop_crm.ui.customer_detail import CustomerDetailPane
from desktop_crm.ui.dialogs.complaint_dialog import ComplaintDialog
from desktop_crm.ui.dialogs.resolution_dialog import ResolutionDialog
from desktop_crm.ui.dialogs.survey_dialog import SurveyDialog
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.widgets.service_tab import ServiceTab

TODAY = date.today()


@pytest.fixture
def events():
    return AppEvents()


@pytest.fixture
def window(qtbot, db, events) -> QMainWindow:
    host = QMainWindow()
    qtbot.addWidget(host)
    host.setCentralWidget(CustomerDetailPane(events))
    host.resize(900, 800)
    host.show()
    return host


@pytest.fixture
def cid(db) -> int:
    return customers.create_customer({"name": "王芳"}).id


@pytest.fixture
def tab(window, cid) -> ServiceTab:
    pane = window.centralWidget()
    pane.load_customer(cid)
    pane.form.setCurrentWidget(pane.service)
    return pane.service


def statuses(tab: ServiceTab) -> list[str]:
    model = tab.complaints_table.model()
    return [model.index(r, 3).data() for r in range(model.rowCount())]


def late_complaint(cid: int, description: str = "发票金额错误") -> service.ComplaintItem:
    """Low severity (a week to answer), received ten days ago: overdue."""
    opened = datetime.now(UTC) - timedelta(days=10)
    return service.open_complaint(cid, description, severity="low", opened_at=opened)


def buttons(tab: ServiceTab) -> dict[str, bool]:
    return {
        "start": tab.start_button.isEnabled(),
        "resolve": tab.resolve_button.isEnabled(),
        "close": tab.close_button.isEnabled(),
        "reopen": tab.reopen_button.isEnabled(),
    }


def test_a_complaint_goes_through_its_flow_and_the_buttons_follow_it(qtbot, tab, cid, events):
    tab.new_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ComplaintDialog)
    dialog.severity_combo.set_value("high")
    assert dialog.deadline_note.text() == "To be answered within 24 hour(s)"
    dialog.description_edit.setPlainText("货物有破损\n外箱压坏")
    with qtbot.waitSignal(events.complaintsChanged) as changed:
        dialog.ok_button.click()
    assert changed.args == [cid]
    assert statuses(tab) == ["Open"]
    assert tab.complaints_table.model().index(0, 1).data() == "货物有破损"
    assert buttons(tab) == {"start": True, "resolve": True, "close": False, "reopen": False}

    tab.start_button.click()
    assert statuses(tab) == ["In progress"]
    assert buttons(tab) == {"start": False, "resolve": True, "close": False, "reopen": False}

    tab.resolve_button.click()
    resolution = tab.dialog
    assert isinstance(resolution, ResolutionDialog)
    resolution.ok_button.click()  # no resolution written: refused, the dialog stays
    assert resolution.isVisible()
    assert resolution.slots["resolution"].error() == "is required"
    resolution.resolution_edit.setPlainText("已补发新货")
    resolution.ok_button.click()
    assert not resolution.isVisible()
    assert statuses(tab) == ["Resolved"]
    assert "已补发新货" in tab.details.text()
    assert buttons(tab) == {"start": False, "resolve": False, "close": True, "reopen": True}

    with qtbot.waitSignal(events.customerChanged):
        tab.close_button.click()
    assert statuses(tab) == ["Closed"]
    assert buttons(tab) == {"start": False, "resolve": False, "close": False, "reopen": False}
    assert service.customer_complaints(cid)[0].status == "closed"


def test_a_move_the_flow_no_longer_allows_is_refused_with_the_reason(tab, cid):
    item = service.open_complaint(cid, "送货晚了三天")
    service.set_complaint_status(item.id, "resolved", resolution="道歉并补偿运费")
    tab.set_customer(cid)
    assert tab.reopen_button.isEnabled()
    service.set_complaint_status(item.id, "closed")  # meanwhile, elsewhere
    tab.reopen_button.click()
    assert tab.message.isVisible()
    assert tab.message.text() == "a complaint cannot go from closed to in progress"
    assert statuses(tab) == ["Closed"]  # the tab now shows how it stands
    assert service.get_complaint(item.id).status == "closed"


def test_a_complaint_needs_a_description(tab, cid):
    tab.new_button.click()
    dialog = tab.dialog
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.slots["description"].error() == "is required"
    assert service.customer_complaints(cid) == []
    dialog.reject()


def test_an_overdue_complaint_is_highlighted(tab, cid):
    late_complaint(cid)
    service.open_complaint(cid, "新投诉", severity="low")
    tab.set_customer(cid)
    model = tab.complaints_table.model()
    late_row = next(r for r in range(2) if model.index(r, 1).data() == "发票金额错误")
    fresh_row = 1 - late_row
    background = model.index(late_row, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color().alpha() < 255  # a tint
    font = model.index(late_row, 1).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.index(late_row, 4).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(fresh_row, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(fresh_row, 1).data(Qt.ItemDataRole.FontRole) is None
    assert "1 overdue" in tab.complaints_title.text()


def test_overdue_complaints_are_counted_in_the_status_bar(qtbot, db, db_path, tmp_path):
    cid = customers.create_customer({"name": "李雷"}).id
    late_complaint(cid)
    late_complaint(cid, "第二次投诉")
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    label = win.complaint_label
    assert label.objectName() == "complaintCount"
    qtbot.waitUntil(lambda: label.count == 2, timeout=5000)
    assert label.text() == "Complaints overdue: 2"

    win.detail.load_customer(cid)
    tab = win.detail.service
    win.detail.form.setCurrentWidget(tab)
    tab.complaints_table.selectRow(0)
    tab.start_button.click()  # taken up: no longer overdue
    qtbot.waitUntil(lambda: label.count == 1, timeout=5000)
    assert label.text() == "Complaints overdue: 1"
    win.tasks.wait(5000)


def add_survey(tab: ServiceTab, days_ago: int, satisfaction: int | None, nps: int | None):
    tab.add_survey_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, SurveyDialog)
    dialog.date_edit.setDate(QDate(TODAY - timedelta(days=days_ago)))
    dialog.satisfaction_combo.set_value(satisfaction)
    dialog.nps_combo.set_value(nps)
    dialog.ok_button.click()
    return dialog


def test_surveys_show_the_trend_and_a_fall_stands_out(tab, cid):
    assert tab.trend_label.text() == "No surveys yet."
    add_survey(tab, 60, 4, 8)
    assert tab.trend_label.text().startswith("One survey")
    add_survey(tab, 30, 5, 9)
    assert tab.trend_label.text().startswith("↗ Rising")
    add_survey(tab, 1, 3, 6)  # two points below the surveys before
    assert tab.trend_label.text() == (
        "↘ Falling — latest: satisfaction 3, NPS 6; before: satisfaction 4.5, NPS 8.5"
    )
    assert "bold" in tab.trend_label.styleSheet()
    model = tab.surveys_table.model()
    assert [model.index(r, 1).data() for r in range(3)] == ["3", "5", "4"]  # newest first
    assert service.satisfaction_trend(cid).falling


def test_a_survey_without_any_score_is_refused(tab, cid):
    dialog = add_survey(tab, 0, None, None)
    assert dialog.isVisible()
    assert dialog.slots["satisfaction"].error() == "give a satisfaction score or an NPS score"
    assert service.customer_surveys(cid) == []
    dialog.reject()
