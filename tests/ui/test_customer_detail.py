"""The customer detail pane over a real database: load, edit, save, validate, conflicts,
relations, history, keyboard-only entry, unsaved-edit prompts."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QWidget,
)

from desktop_crm.db.models import ChangeLog
from desktop_crm.domain import customers
from desktop_crm.domain.history import customer_history
from desktop_crm.domain.users import create_user
from desktop_crm.ui.customer_detail import CustomerDetailPane
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.widgets.history_view import FIELD, WHO

Button = QMessageBox.StandardButton
# The offscreen platform warns about every shown window; nothing a user would see.


@pytest.fixture
def events():
    return AppEvents()


@pytest.fixture
def window(qtbot, db, events):
    """The pane in a window whose Ctrl+S saves, as the main window wires it."""
    host = QMainWindow()
    qtbot.addWidget(host)
    pane = CustomerDetailPane(events)
    host.setCentralWidget(pane)
    save = QAction("Save", host)
    save.setShortcut(QKeySequence.StandardKey.Save)
    save.triggered.connect(pane.save)
    host.addAction(save)
    host.resize(760, 720)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    return host


@pytest.fixture
def pane(window) -> CustomerDetailPane:
    return window.centralWidget()


@pytest.fixture
def no_dialogs(monkeypatch):
    """Fail loudly if the pane opens a message box the test did not expect."""

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
    monkeypatch.setattr(QMessageBox, "exec", unexpected)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot, text: str) -> None:
    """Type into the focused widget; Chinese arrives committed by the input method."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(focused(), char)  # QTest only knows keys for ASCII
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(focused(), event)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifier)


def tab_until(qtbot, target: QWidget, limit: int = 60) -> None:
    """Press Tab until `target` has the focus (the way a keyboard user gets there)."""
    for _ in range(limit):
        if focused() is target:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


def rich_enterprise():
    referrer = customers.create_customer({"name": "李四"})
    create_user("wang", "王经理")
    return customers.create_customer(
        {
            "name": "上海星辰贸易有限公司",
            "kind": "enterprise",
            "industry": "外贸",
            "company_size": "50-249",
            "website": "https://xingchen.example.cn",
            "phones": [{"number": "021 6234 5678", "label": "work"}, "13800138000"],
            "emails": ["info@xingchen.example.cn"],
            "messengers": [{"handle": "xingchen_sh", "service": "wechat"}],
            "addresses": [
                {
                    "label": "work",
                    "province": "上海市",
                    "city": "上海市",
                    "district": "浦东新区",
                    "street": "世纪大道 100 号",
                    "postcode": "200120",
                }
            ],
            "contacts": [
                {
                    "name": "陈敏",
                    "title": "采购经理",
                    "department": "采购部",
                    "phones": ["13912345678"],
                    "emails": ["chenmin@xingchen.example.cn"],
                }
            ],
            "owner": "wang",
            "source": "referral",
            "referred_by": referrer.code,
            "status": "existing",
            "stage": "repeat",
            "grade": "A",
            "stars": 4,
            "credit_rating": "AA",
            "credit_limit": "50000",
            "relationship_level": 4,
            "tags": ["VIP", "外贸"],
            "preferences": "喜欢邮件沟通",
            "notes": "每季度回访",
        }
    )


# ------------------------------------------------------------------------ showing


def test_without_a_customer_the_pane_is_empty_and_disabled(pane, no_dialogs):
    assert pane.objectName() == "customerDetail"
    assert pane.customer_id() is None and not pane.is_dirty()
    assert pane.title_label.text() == "No customer selected"
    assert not pane.form.isEnabled()
    assert not pane.save_button.isEnabled() and not pane.revert_button.isEnabled()
    assert pane.save() is False
    assert pane.maybe_save() is True


def test_loading_a_customer_shows_every_section(pane, no_dialogs):
    record = rich_enterprise()
    pane.load_customer(record.id)
    form = pane.form
    assert pane.customer_id() == record.id and not pane.is_dirty()
    assert form.code_label.text() == record.code
    assert pane.title_label.text() == "上海星辰贸易有限公司"
    assert form.edits["name"].text() == "上海星辰贸易有限公司"
    assert form.edits["industry"].text() == "外贸"
    assert form.combos["company_size"].value() == "50-249"
    assert [(p["number"], p["label"]) for p in form.phones.entries()] == [
        ("021 6234 5678", "work"),
        ("13800138000", "mobile"),
    ]
    assert form.emails.entries()[0]["address"] == "info@xingchen.example.cn"
    assert form.messengers.entries()[0]["handle"] == "xingchen_sh"
    assert form.addresses.entries()[0]["district"] == "浦东新区"
    contact = form.contacts.contacts()[0]
    assert [contact[k] for k in ("name", "title", "department")] == ["陈敏", "采购经理", "采购部"]
    assert contact["phones"][0]["number"] == "13912345678"
    assert form.combos["owner"].currentText() == "王经理"
    assert form.combos["source"].currentText() == "Referral"
    assert form.edits["referred_by"].text() == "C000001"
    assert form.combos["stage"].currentText() == "Repeat"
    assert form.combos["stars"].value() == 4
    assert form.combos["relationship_level"].currentText() == "4 · Proactive"
    assert form.edits["credit_limit"].text() == "50000"
    assert form.tags.text() == "VIP, 外贸"
    assert form.texts["preferences"].toPlainText() == "喜欢邮件沟通"
    assert [(r.other_code, r.kind) for r in pane.relations.relations()] == []
    assert pane.history.model().rowCount() == 1


def test_switching_kind_shows_the_fields_of_that_kind(pane, no_dialogs):
    pane.new_customer("individual")
    form = pane.form
    contacts_tab = form.indexOf(form._page_of(form.contacts))
    assert form.slots["gender"].isVisibleTo(form) and form.slots["birthday"].isVisibleTo(form)
    assert not form.slots["industry"].isVisibleTo(form)
    assert not form.isTabVisible(contacts_tab)
    form.combos["kind"].set_value("enterprise")
    assert form.slots["industry"].isVisibleTo(form)
    assert form.slots["website"].isVisibleTo(form)
    assert not form.slots["gender"].isVisibleTo(form)
    assert not form.slots["company_name"].isVisibleTo(form)
    assert form.isTabVisible(contacts_tab)


def _part_of_another_widget(widget: QWidget) -> bool:
    """Line edits inside spin boxes, tab-bar arrows, a table's corner button …"""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QTabBar | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def test_every_input_has_an_accessible_name(pane, no_dialogs):
    pane.load_customer(rich_enterprise().id)
    inputs = (QLineEdit, QComboBox, QPlainTextEdit, QAbstractSpinBox, QAbstractButton, QTableView)
    nameless = [
        f"{type(w).__name__} {w.objectName()}"
        for w in pane.findChildren(QWidget)
        if isinstance(w, inputs) and not _part_of_another_widget(w) and not w.accessibleName()
    ]
    assert nameless == []


# ------------------------------------------------------------------------- saving


def test_editing_the_name_and_saving_stores_it_with_history(pane, events, qtbot, no_dialogs):
    record = customers.create_customer({"name": "张三", "phones": ["13800138000"]})
    pane.load_customer(record.id)
    changed = []
    events.customerChanged.connect(changed.append)
    pane.form.edits["name"].setFocus()
    pane.form.edits["name"].selectAll()
    with qtbot.waitSignal(pane.dirtyChanged) as dirty:
        type_text(qtbot, "张三丰")
    assert dirty.args == [True] and pane.save_button.isEnabled()
    with qtbot.waitSignal(pane.saved) as saved:
        assert pane.save() is True
    assert saved.args == [record.id] and changed == [record.id]
    stored = customers.get_customer(record.id)
    assert stored.name == "张三丰" and stored.phones[0].number == "13800138000"
    assert not pane.is_dirty() and pane.title_label.text() == "张三丰"
    newest = customer_history(record.id)[0]
    assert (newest.field, newest.old_value, newest.new_value) == ("name", "张三", "张三丰")


def test_ctrl_s_in_the_window_saves_and_only_changed_fields_are_written(pane, qtbot, no_dialogs):
    record = customers.create_customer({"name": "王五", "grade": "B"})
    pane.load_customer(record.id)
    pane.form.combos["grade"].set_value("A")
    pane.form.tags.setText("VIP，老客户, VIP")
    pane.form.birthday.set_value(date(1985, 3, 12), True)
    pane.form.lunar.set_value(1, 15, False)
    pane.form.edits["name"].setFocus()
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = customers.get_customer(record.id)
    assert (stored.grade, stored.tags) == ("A", ["VIP", "老客户"])
    assert (stored.birthday, stored.lunar_birthday_month, stored.lunar_birthday_day) == (
        date(1985, 3, 12),
        1,
        15,
    )
    fields = {h.field for h in customer_history(record.id) if h.action == "update"}
    assert fields == {"grade", "tags", "birthday", "lunar_birthday_month", "lunar_birthday_day"}
    assert not pane.is_dirty()


def test_a_birthday_without_a_year_round_trips(pane, no_dialogs):
    record = customers.create_customer({"name": "赵六"})
    pane.load_customer(record.id)
    pane.form.birthday.none_box.setChecked(False)
    pane.form.birthday.date_edit.setDate(date(1990, 2, 28))
    pane.form.birthday.no_year_box.setChecked(True)
    assert pane.save()
    stored = customers.get_customer(record.id)
    assert stored.birthday.month == 2 and stored.birthday.day == 28
    assert stored.birthday_has_year is False
    assert pane.form.birthday.value() == (stored.birthday, False)
    pane.form.birthday.none_box.setChecked(True)
    assert pane.save()
    assert customers.get_customer(record.id).birthday is None


def test_an_invalid_phone_is_explained_next_to_the_phones_and_blocks_saving(pane, no_dialogs):
    record = customers.create_customer({"name": "张三", "phones": ["13800138000"]})
    pane.load_customer(record.id)
    phone = pane.form.phones.row_inputs(0)["number"]
    phone.setText("12345")
    pane.form.edits["name"].setText("张三丰")
    assert pane.save() is False
    slot = pane.form.slots["phones"]
    assert "12345" in slot.error() and slot.error_label.isVisibleTo(pane)
    assert phone.property("fieldError") is True
    assert pane.summary_label.isVisibleTo(pane) and "Phones" in pane.summary_label.text()
    assert pane.form.currentWidget() is pane.form._page_of(slot)  # shown where it is
    assert pane.is_dirty()
    stored = customers.get_customer(record.id)
    assert stored.name == "张三" and stored.phones[0].number == "13800138000"
    phone.setText("13900139000")  # editing the field clears its message
    assert slot.error() is None and not pane.summary_label.isVisibleTo(pane)
    assert phone.property("fieldError") is False
    assert pane.save() is True
    assert customers.get_customer(record.id).phones[0].number == "13900139000"


def test_a_new_customer_without_a_name_is_refused_next_to_the_name(pane, no_dialogs):
    pane.new_customer()
    pane.form.texts["notes"].setPlainText("someone")
    assert pane.save() is False
    assert pane.form.slots["name"].error() == "is required"
    assert pane.form.edits["name"].property("fieldError") is True
    assert pane.customer_id() is None and pane.is_dirty()
    assert customers.search_fields([1]) == {}  # nothing was created


def test_contact_person_errors_name_the_row(pane, no_dialogs):
    pane.new_customer("enterprise")
    pane.form.edits["name"].setText("星辰公司")
    pane.form.contacts.set_contacts(
        [{"name": "陈敏", "phones": [{"number": "999", "label": "mobile"}]}]
    )
    assert pane.save() is False
    assert pane.form.slots["contacts"].error().startswith("Contact person 1:")
    assert "999" in pane.form.slots["contacts"].error()


def test_phones_and_addresses_are_added_and_removed_in_place(pane, qtbot, no_dialogs):
    record = customers.create_customer({"name": "张三", "phones": ["13800138000", "13900139000"]})
    pane.load_customer(record.id)
    phones = pane.form.phones
    qtbot.mouseClick(phones._rows[0].remove, Qt.MouseButton.LeftButton)
    assert phones.row_count() == 1
    assert phones.row_inputs(0)["number"].accessibleName() == "Phone 1"
    qtbot.mouseClick(pane.form.addresses.add_button, Qt.MouseButton.LeftButton)
    address = pane.form.addresses.row_inputs(0)
    address["province"].setText("浙江省")
    address["city"].setText("杭州市")
    address["street"].setText("文三路 1 号")
    address["label"].set_value("home")
    assert pane.save()
    stored = customers.get_customer(record.id)
    assert [p.number for p in stored.phones] == ["13900139000"]
    assert [(a.label, a.province, a.city, a.street) for a in stored.addresses] == [
        ("home", "浙江省", "杭州市", "文三路 1 号")
    ]
    assert stored.city == "杭州市"  # the region follows the first address


def test_a_customer_in_the_trash_is_shown_read_only(pane, no_dialogs):
    record = customers.create_customer({"name": "张三"})
    customers.trash_customers([record.id])
    pane.load_customer(record.id)
    assert "In the trash" in pane.subtitle_label.text()
    assert not pane.form.edits["name"].isEnabled() and not pane.relations.isEnabled()
    assert pane.history.isEnabled() and pane.history.model().rowCount() == 2


def test_editing_only_a_contact_persons_title_is_saved(pane, no_dialogs):
    record = rich_enterprise()
    pane.load_customer(record.id)
    pane.form.contacts.table.item(0, 1).setText("总经理")
    assert pane.save()
    assert customers.get_customer(record.id).contacts[0].title == "总经理"


# ----------------------------------------------------------------------- keyboard


def test_a_new_individual_can_be_entered_and_saved_from_the_keyboard(pane, qtbot, no_dialogs):
    pane.new_customer("individual")
    assert focused() is pane.form.edits["name"]
    type_text(qtbot, "周杰")
    press(qtbot, Qt.Key.Key_Return)  # Enter does not submit anything
    assert pane.customer_id() is None and pane.is_dirty()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is pane.form.combos["gender"]
    press(qtbot, Qt.Key.Key_Down)  # Not given → Male
    tab_until(qtbot, pane.form.edits["company_name"])
    type_text(qtbot, "星辰公司")
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # next tab: Contact
    assert focused() is pane.form.phones.add_button
    press(qtbot, Qt.Key.Key_Space)
    type_text(qtbot, "13800138000")
    tab_until(qtbot, pane.form.emails.add_button)
    press(qtbot, Qt.Key.Key_Space)
    type_text(qtbot, "zhou@example.com")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not pane.is_dirty()
    stored = customers.get_customer(pane.customer_id())
    assert (stored.name, stored.kind, stored.gender, stored.company_name) == (
        "周杰",
        "individual",
        "male",
        "星辰公司",
    )
    assert [p.number for p in stored.phones] == ["13800138000"]
    assert [e.address for e in stored.emails] == ["zhou@example.com"]
    assert pane.form.code_label.text() == stored.code == "C000001"


def test_a_new_enterprise_with_contacts_can_be_entered_from_the_keyboard(pane, qtbot, no_dialogs):
    pane.new_customer("enterprise")
    type_text(qtbot, "星辰贸易")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is pane.form.edits["industry"]
    type_text(qtbot, "外贸")
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # the Contact persons tab
    tab_until(qtbot, pane.form.contacts.add_button)
    for name, title, department, phone, email in (
        ("陈敏", "采购经理", "采购部", "13912345678", "chen@example.com"),
        ("刘洋", "财务", "财务部", "13700137000, 010 6234 5678", ""),
    ):
        tab_until(qtbot, pane.form.contacts.add_button)
        press(qtbot, Qt.Key.Key_Space)
        for text in (name, title, department, phone, email):
            if text:
                type_text(qtbot, text)
            press(qtbot, Qt.Key.Key_Tab)
        assert focused() is not pane.form.contacts.table  # Tab after the last cell leaves
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert pane.customer_id() is not None, pane.summary_label.text()
    stored = customers.get_customer(pane.customer_id())
    assert (stored.name, stored.kind, stored.industry) == ("星辰贸易", "enterprise", "外贸")
    assert [(c.name, c.title, c.department) for c in stored.contacts] == [
        ("陈敏", "采购经理", "采购部"),
        ("刘洋", "财务", "财务部"),
    ]
    assert [p.number for p in stored.contacts[1].phones] == ["13700137000", "010 6234 5678"]
    assert [e.address for e in stored.contacts[0].emails] == ["chen@example.com"]


def test_contact_persons_can_be_edited_and_removed_in_place(pane, no_dialogs):
    record = rich_enterprise()
    pane.load_customer(record.id)
    table = pane.form.contacts.table
    table.item(0, 0).setText("陈敏敏")
    pane.form.contacts.add_contact()
    pane.form.contacts.commit_pending()
    table.item(1, 0).setText("新联系人")
    assert pane.save()
    assert [c.name for c in customers.get_customer(record.id).contacts] == ["陈敏敏", "新联系人"]
    table.setCurrentCell(0, 0)
    pane.form.contacts.remove_current()
    assert pane.save()
    assert [c.name for c in customers.get_customer(record.id).contacts] == ["新联系人"]


def test_a_cell_still_being_typed_in_counts_and_is_saved(pane, qtbot, no_dialogs):
    record = rich_enterprise()
    pane.load_customer(record.id)
    pane.form.setCurrentWidget(pane.form._page_of(pane.form.contacts))
    pane.form.contacts.add_contact()
    assert isinstance(focused(), QLineEdit)  # the new row's name cell is open
    type_text(qtbot, "王芳")
    assert pane.is_dirty()  # before the cell is left
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [c.name for c in customers.get_customer(record.id).contacts] == ["陈敏", "王芳"]
    assert not pane.is_dirty()


# ------------------------------------------------------------- unsaved edits


def test_maybe_save_does_not_ask_when_nothing_changed(pane, no_dialogs):
    pane.load_customer(customers.create_customer({"name": "张三"}).id)
    assert pane.maybe_save() is True


@pytest.mark.parametrize(
    ("answer", "result", "stored_name", "still_dirty"),
    [
        (Button.Cancel, False, "张三", True),
        (Button.Discard, True, "张三", False),
        (Button.Save, True, "张三丰", False),
    ],
)
def test_maybe_save_asks_save_discard_or_cancel(
    pane, monkeypatch, answer, result, stored_name, still_dirty
):
    record = customers.create_customer({"name": "张三"})
    pane.load_customer(record.id)
    pane.form.edits["name"].setText("张三丰")
    asked = []

    def question(parent, title, text, buttons, default):
        asked.append((text, buttons))
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    assert pane.maybe_save() is result
    assert asked and asked[0][1] == Button.Save | Button.Discard | Button.Cancel
    assert "张三丰" in asked[0][0]
    assert customers.get_customer(record.id).name == stored_name
    assert pane.is_dirty() is still_dirty
    assert pane.form.edits["name"].text() == ("张三丰" if answer != Button.Discard else "张三")


def test_revert_restores_the_stored_customer(pane, qtbot, no_dialogs):
    record = customers.create_customer({"name": "张三", "tags": ["VIP"], "phones": ["13800138000"]})
    pane.load_customer(record.id)
    pane.form.edits["name"].setText("李四")
    pane.form.tags.setText("")
    pane.form.phones.add_row({"number": "13900139000"})
    assert pane.is_dirty() and pane.revert_button.isEnabled()
    with qtbot.waitSignal(pane.dirtyChanged) as dirty:
        qtbot.mouseClick(pane.revert_button, Qt.MouseButton.LeftButton)
    assert dirty.args == [False]
    assert pane.form.edits["name"].text() == "张三" and pane.form.tags.tags() == ["VIP"]
    assert pane.form.phones.row_count() == 1 and not pane.revert_button.isEnabled()


def test_undoing_an_edit_by_hand_makes_the_pane_clean_again(pane, no_dialogs):
    pane.load_customer(customers.create_customer({"name": "张三"}).id)
    pane.form.edits["name"].setText("张")
    assert pane.is_dirty()
    pane.form.edits["name"].setText("张三")
    assert not pane.is_dirty()


# ------------------------------------------------------------------ conflicts


def _answer_conflict(monkeypatch, answer):
    seen = {}

    def exec_(box):
        buttons = (Button.Save, Button.Discard, Button.Cancel)
        seen["buttons"] = {box.button(b).text() for b in buttons}
        seen["text"] = box.text()
        return answer.value

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def test_a_conflict_can_overwrite_with_mine(pane, monkeypatch):
    record = customers.create_customer({"name": "张三", "grade": "C"})
    pane.load_customer(record.id)
    customers.update_customer(record.id, {"notes": "their note", "grade": "B"}, changed_by="li")
    pane.form.combos["grade"].set_value("A")
    seen = _answer_conflict(monkeypatch, Button.Save)
    assert pane.save() is True
    assert seen["buttons"] == {"Overwrite with mine", "Reload their version", "Keep editing"}
    first, changes = seen["text"].splitlines()
    assert first == "张三 was changed since you opened it:"
    assert changes.startswith("li changed Grade, Notes at ")
    stored = customers.get_customer(record.id)
    assert (stored.grade, stored.notes) == ("A", "their note")  # only my field overwritten
    assert pane.form.texts["notes"].toPlainText() == "their note" and not pane.is_dirty()


def test_a_conflict_can_reload_their_version(pane, monkeypatch):
    record = customers.create_customer({"name": "张三", "grade": "C"})
    pane.load_customer(record.id)
    customers.update_customer(record.id, {"grade": "B"})
    pane.form.combos["grade"].set_value("A")
    _answer_conflict(monkeypatch, Button.Discard)
    assert pane.save() is False
    assert customers.get_customer(record.id).grade == "B"
    assert pane.form.combos["grade"].value() == "B" and not pane.is_dirty()


def test_a_conflict_can_be_cancelled_keeping_the_edits(pane, monkeypatch):
    record = customers.create_customer({"name": "张三", "grade": "C"})
    pane.load_customer(record.id)
    customers.update_customer(record.id, {"grade": "B"})
    pane.form.combos["grade"].set_value("A")
    _answer_conflict(monkeypatch, Button.Cancel)
    assert pane.save() is False
    assert customers.get_customer(record.id).grade == "B"
    assert pane.form.combos["grade"].value() == "A" and pane.is_dirty()


def test_a_change_made_elsewhere_refreshes_a_clean_pane_but_keeps_edits(pane, events, no_dialogs):
    record = customers.create_customer({"name": "张三"})
    pane.load_customer(record.id)
    customers.update_customer(record.id, {"notes": "from the follow-up pane"})
    events.customerChanged.emit(record.id)
    assert pane.form.texts["notes"].toPlainText() == "from the follow-up pane"
    pane.form.edits["name"].setText("张三丰")
    customers.update_customer(record.id, {"notes": "again"})
    events.customerChanged.emit(record.id)
    assert pane.form.edits["name"].text() == "张三丰" and pane.is_dirty()


# ------------------------------------------------------ relations and history


def test_relations_are_added_by_code_and_removed(pane, events, qtbot, no_dialogs):
    me = customers.create_customer({"name": "张三"})
    spouse = customers.create_customer({"name": "李梅"})
    pane.load_customer(me.id)
    changed = []
    events.customerChanged.connect(changed.append)
    editor = pane.relations
    editor.code_edit.setText(spouse.code)
    editor.kind_combo.set_value("spouse")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert [(r.other_code, r.kind) for r in customers.get_customer(me.id).relations] == [
        (spouse.code, "spouse")
    ]
    assert editor.table.item(0, 0).text() == "Spouse" and editor.table.item(0, 2).text() == "李梅"
    assert set(changed) == {me.id, spouse.id}
    assert not pane.is_dirty()  # written at once, nothing left to save
    editor.code_edit.setText("C999999")
    editor.add_from_inputs()
    assert "C999999" in editor.error_label.text() and not editor.error_label.isHidden()
    editor.table.setCurrentCell(0, 0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert customers.get_customer(me.id).relations == []
    assert editor.table.rowCount() == 0


def test_a_relation_made_from_the_other_side_can_be_removed_here(pane, no_dialogs):
    me = customers.create_customer({"name": "张三"})
    boss = customers.create_customer({"name": "王总"})
    customers.add_relation(boss.id, me.id, "colleague")
    pane.load_customer(me.id)
    pane.relations.table.setCurrentCell(0, 0)
    pane.relations.remove_selected()
    assert customers.get_customer(me.id).relations == []


def test_relations_wait_until_a_new_customer_is_saved(pane, no_dialogs):
    pane.new_customer()
    assert not pane.relations.add_button.isEnabled()
    assert "Save the new customer first" in pane.relations.note.text()


def test_the_history_tab_lists_changes_newest_first_with_field_titles(pane, no_dialogs):
    record = customers.create_customer({"name": "张三", "stage": "potential"})
    customers.update_customer(record.id, {"stage": "at_risk"})
    customers.update_customer(record.id, {"grade": "A", "name": "张三丰"})
    pane.load_customer(record.id)
    model = pane.history.model()
    rows = [[model.index(r, c).data() for c in range(2, 5)] for r in range(model.rowCount())]
    assert ["Lifecycle stage", "Potential", "At risk"] in rows
    stage_change = rows.index(["Lifecycle stage", "Potential", "At risk"])
    assert stage_change < rows.index(["Created", "", "C000001"])
    assert {tuple(r) for r in rows[:2]} == {("Name", "张三", "张三丰"), ("Grade", "", "A")}
    assert model.headerData(0, Qt.Orientation.Horizontal) == "When"
    assert model.index(0, 1).data()  # who
    assert model.index(0, 0).data()  # when, in local time


def test_saving_adds_to_the_history_tab(pane, no_dialogs):
    record = customers.create_customer({"name": "张三"})
    pane.load_customer(record.id)
    before = pane.history.model().rowCount()
    pane.form.combos["relationship_level"].set_value(3)
    assert pane.save()
    model = pane.history.model()
    assert model.rowCount() == before + 1
    assert [model.index(0, c).data() for c in range(2, 5)] == [
        "Relationship level",
        "",
        "Responsible",
    ]


def test_the_history_names_the_replica_a_synced_change_was_made_on(pane, no_dialogs):
    record = customers.create_customer({"name": "张三"})
    customers.update_customer(record.id, {"title": "经理"}, changed_by="wang")
    ChangeLog.update(replica="wang@laptop").where(ChangeLog.field == "title").execute()
    pane.load_customer(record.id)
    model = pane.history.history_model
    shown = {
        model.index(r, FIELD).data(): model.index(r, WHO).data() for r in range(model.rowCount())
    }
    assert shown["Title"] == "wang (from wang@laptop)"
    assert not pane.conflict_badge.isVisibleTo(pane)  # not a replica: no sync conflicts
