"""The detail pane and phones not valid for their region: a warning mark, and a warning
the user can accept (the number is kept unverified) instead of a refusal."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMessageBox

from desktop_crm.domain import customers
from desktop_crm.domain.customers import PhoneEntry
from desktop_crm.ui.customer_detail import CustomerDetailPane
from desktop_crm.ui.events import AppEvents

Button = QMessageBox.StandardButton
SHORT_GERMAN = "+49 151 2345678"


@pytest.fixture
def window(qtbot, db):
    host = QMainWindow()
    qtbot.addWidget(host)
    host.events = AppEvents()  # kept alive with the window
    host.setCentralWidget(CustomerDetailPane(host.events))
    host.resize(760, 720)
    host.show()
    qtbot.waitUntil(host.isVisible)
    return host


@pytest.fixture
def pane(window) -> CustomerDetailPane:
    return window.centralWidget()


@pytest.fixture
def answers(monkeypatch):
    """Answer the unverified-number warning as the test says; record what it said."""
    asked: list[str] = []
    reply = {"button": Button.Yes}

    def warning(parent, title, text, *args, **kwargs):
        asked.append(text)
        return reply["button"]

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return asked, reply


def mark(edit: QLineEdit) -> QAction | None:
    return edit.findChild(QAction, "unverifiedPhoneMark")


def test_an_unverified_number_is_shown_with_a_warning_mark(pane, answers):
    accepted = PhoneEntry(SHORT_GERMAN, verified=False)
    record = customers.create_customer({"name": "Klara", "phones": [accepted, "13800138000"]})
    pane.load_customer(record.id)
    short, valid = (pane.form.phones.row_inputs(i)["number"] for i in (0, 1))
    assert mark(short) is not None and mark(short).isVisible()
    assert "Unverified" in short.toolTip()
    assert mark(valid) is None and valid.toolTip() == ""
    short.setText("+49 151 23456789")  # corrected: the mark goes
    assert not mark(short).isVisible()
    assert pane.save()
    assert answers[0] == []  # a valid number asks nothing
    assert [p.verified for p in customers.get_customer(record.id).phones] == [True, True]


def test_typing_a_possible_but_invalid_number_asks_and_accepting_keeps_it_unverified(pane, answers):
    asked, _reply = answers
    record = customers.create_customer({"name": "Klara", "phones": ["13800138000"]})
    pane.load_customer(record.id)
    phone = pane.form.phones.row_inputs(0)["number"]
    phone.setText(SHORT_GERMAN)
    assert pane.save()
    assert len(asked) == 1 and SHORT_GERMAN in asked[0] and "not valid" in asked[0]
    stored = customers.get_customer(record.id).phones
    assert [(p.number, p.verified) for p in stored] == [(SHORT_GERMAN, False)]
    assert mark(pane.form.phones.row_inputs(0)["number"]).isVisible()
    pane.form.edits["name"].setText("Klara K")
    assert pane.save()
    assert len(asked) == 1  # accepted once: saving again does not ask again
    assert not customers.get_customer(record.id).phones[0].verified


def test_declining_the_warning_refuses_the_number_next_to_the_field(pane, answers):
    asked, reply = answers
    reply["button"] = Button.No
    record = customers.create_customer({"name": "Una", "phones": ["13800138000"]})
    pane.load_customer(record.id)
    pane.form.phones.row_inputs(0)["number"].setText("+44 20 7946 095")
    assert pane.save() is False
    assert len(asked) == 1
    assert "not valid for its region" in pane.form.slots["phones"].error()
    assert customers.get_customer(record.id).phones[0].number == "13800138000"


def test_an_impossible_number_is_refused_without_asking(pane, answers):
    asked, _reply = answers
    record = customers.create_customer({"name": "Una", "phones": ["13800138000"]})
    pane.load_customer(record.id)
    pane.form.phones.row_inputs(0)["number"].setText("+49 151 ABCDEFG")
    assert pane.save() is False
    assert asked == []
    assert "is not a valid phone number" in pane.form.slots["phones"].error()
