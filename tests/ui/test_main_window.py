"""The main window as a user drives it: search, select, edit, trash and undo, bulk edit."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QTableView

from desktop_crm.app import create_main_window
from desktop_crm.db.connection import close_database
from desktop_crm.domain import customers, followups
from desktop_crm.ui.settings import UiSettings


@pytest.fixture
def sample(db):
    names = [
        ("张三", "13800138000"),
        ("李四", "13900139000"),
        ("王建国", "13700137000"),
        ("John Smith", "+1 212 555 0100"),
    ]
    return {
        name: customers.create_customer({"name": name, "phones": [phone]}).id
        for name, phone in names
    }


@pytest.fixture
def window(qtbot, db_path, sample, tmp_path):
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    win.start()
    wait_loaded(qtbot, win)
    yield win
    win.tasks.wait(5000)


def wait_loaded(qtbot, win) -> None:
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=5000)


def shown_names(win) -> list[str]:
    model = win.list_pane.model
    column = model.COLUMNS.index("name")
    return [model.index(r, column).data() for r in range(model.rowCount())]


def search(qtbot, win, text: str) -> None:
    box = win.findChild(QLineEdit, "searchBox")
    box.setText(text)
    win.list_pane.apply_filters()  # skip the typing delay
    wait_loaded(qtbot, win)


def test_the_contract_object_names_are_there(window):
    for name in ("customerList", "customerDetail", "followUpPane", "relationshipPane"):
        assert window.findChild(object, name) is not None, name
    assert isinstance(window.findChild(QTableView, "customerList"), QTableView)


def test_typing_in_the_search_box_narrows_the_list(qtbot, window):
    assert sorted(shown_names(window)) == sorted(["张三", "李四", "王建国", "John Smith"])
    search(qtbot, window, "建国")
    assert shown_names(window) == ["王建国"]
    search(qtbot, window, "zs")
    assert shown_names(window) == ["张三"]
    search(qtbot, window, "139 0013")
    assert shown_names(window) == ["李四"]
    search(qtbot, window, "smith")
    assert shown_names(window) == ["John Smith"]
    assert "1" in window.count_label.text()


def test_the_search_waits_for_a_pause_in_typing(qtbot, window):
    qtbot.keyClicks(window.list_pane.searchBox, "smith")
    qtbot.waitUntil(lambda: shown_names(window) == ["John Smith"], timeout=3000)


def test_selecting_a_customer_shows_it_in_every_pane(qtbot, window, sample):
    window.list_pane.select_customer(sample["李四"])
    assert window.detail.customer_id() == sample["李四"]
    assert "李四" in window.followup_pane.header.text()
    assert "李四" in window.relationship_pane.header.text()


def test_an_edit_saved_in_the_detail_pane_is_kept_after_reopening(
    qtbot, window, sample, db_path, tmp_path
):
    window.list_pane.select_customer(sample["张三"])
    window.detail.form.edits["name"].setText("张三丰")
    window.named_actions.save.trigger()
    assert customers.get_customer(sample["张三"]).name == "张三丰"
    window.close()
    close_database()
    again = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(again)
    wait_loaded(qtbot, again)
    assert "张三丰" in shown_names(again)
    again.tasks.wait(5000)


def test_switching_customer_with_unsaved_edits_asks_and_cancel_stays(
    qtbot, window, sample, monkeypatch
):
    window.list_pane.select_customer(sample["张三"])
    window.detail.form.edits["name"].setText("改过的名字")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    window.list_pane.select_customer(sample["李四"])
    assert window.detail.customer_id() == sample["张三"]
    assert window.detail.is_dirty()
    assert window.list_pane.current_customer_id() == sample["张三"]


def test_trash_then_undo_brings_the_customer_back(qtbot, window, sample):
    window.list_pane.select_customer(sample["王建国"])
    window.named_actions.trash.trigger()
    wait_loaded(qtbot, window)
    assert "王建国" not in shown_names(window)
    assert customers.get_customer(sample["王建国"]).deleted_at is not None
    window.named_actions.undo.trigger()
    wait_loaded(qtbot, window)
    assert "王建国" in shown_names(window)


def test_bulk_edit_is_one_undoable_step(qtbot, window, sample):
    ids = [sample["张三"], sample["李四"]]
    from desktop_crm.ui.commands import BulkEditCommand

    window.undo_stack.push(BulkEditCommand(ids, "grade", "A", window.events, "grade"))
    assert {customers.get_customer(i).grade for i in ids} == {"A"}
    window.named_actions.undo.trigger()
    assert {customers.get_customer(i).grade for i in ids} == {None}


def test_ctrl_f_focuses_the_search_box(qtbot, window):
    window.activateWindow()
    window.detail.setFocus()
    window.named_actions.find.trigger()
    assert QApplication.focusWidget() is window.list_pane.searchBox
    assert window.named_actions.find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)


def test_next_and_previous_customer_move_the_selection(qtbot, window):
    window.list_pane.select_offset(0)
    first = window.list_pane.current_customer_id()
    window.named_actions.next_customer.trigger()
    second = window.list_pane.current_customer_id()
    assert second != first
    window.named_actions.previous_customer.trigger()
    assert window.list_pane.current_customer_id() == first


def test_the_command_palette_opens_a_customer(qtbot, window, sample):
    from desktop_crm.ui.dialogs.command_palette import CommandPalette

    palette = CommandPalette(window.named_actions.all(), window.open_customer, window)
    qtbot.addWidget(palette)
    palette.input.setText("lisi")
    palette.accept_current()
    assert window.detail.customer_id() == sample["李四"]


def test_the_command_palette_runs_an_action(qtbot, window):
    from desktop_crm.ui.dialogs.command_palette import CommandPalette

    palette = CommandPalette(window.named_actions.all(), window.open_customer, window)
    qtbot.addWidget(palette)
    palette.input.setText("Today")
    palette.accept_current()
    assert window.followup_dock.isVisible()


def test_a_level_clicked_in_the_distribution_filters_the_list(qtbot, window, sample):
    customers.update_customer(sample["李四"], {"relationship_level": 4})
    window.relationship_pane.levelFilterRequested.emit(4)
    wait_loaded(qtbot, window)
    assert shown_names(window) == ["李四"]


def test_the_status_bar_counts_overdue_follow_ups(qtbot, window, sample):
    followups.plan_followup(sample["张三"], datetime.now() - timedelta(days=2), subject="回访")
    window.events.followupsChanged.emit(sample["张三"])
    qtbot.waitUntil(lambda: "Overdue: 1" in window.due_label.text(), timeout=5000)


def test_the_due_follow_ups_are_shown_at_start_up(qtbot, db_path, sample, tmp_path):
    followups.plan_followup(sample["李四"], datetime.now() - timedelta(hours=1), subject="回访")
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    win.start()
    qtbot.waitUntil(
        lambda: win.followup_pane.tabs.currentWidget() is win.followup_pane.due_lists, timeout=5000
    )
    win.tasks.wait(5000)


def test_the_layout_is_remembered(qtbot, window, db_path, tmp_path):
    window.followup_dock.hide()
    header = window.list_pane.customerList.horizontalHeader()
    header.setSectionHidden(0, True)
    window.close()
    again = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(again)
    again.show()
    assert not again.followup_dock.isVisible()
    assert again.list_pane.customerList.horizontalHeader().isSectionHidden(0)
    again.tasks.wait(5000)


def test_closing_with_unsaved_edits_can_be_cancelled(qtbot, window, sample, monkeypatch):
    window.list_pane.select_customer(sample["张三"])
    window.detail.form.edits["name"].setText("未保存")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert customers.get_customer(sample["张三"]).name == "张三"


def test_new_customer_from_the_keyboard(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.list_pane.customerList, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    name = window.detail.form.edits["name"]
    assert name.hasFocus()
    qtbot.keyClicks(name, "Alice Chen")
    qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_loaded(qtbot, window)
    assert "Alice Chen" in shown_names(window)
    assert window.detail.customer_id() is not None


def test_ctrl_p_previews_the_client_report_of_the_selected_customer(
    qtbot, window, sample, monkeypatch
):
    from desktop_crm.ui import printing

    shown = []
    monkeypatch.setattr(
        printing,
        "preview_dialog",
        lambda parent, document: (
            shown.append(document) or type("D", (), {"exec": lambda self: 0})()
        ),
    )
    window.list_pane.select_customer(sample["李四"])
    assert window.named_actions.print.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    window.named_actions.print.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "李四" in shown[0].body_html


def test_the_client_report_is_exported_as_pdf(qtbot, window, sample, monkeypatch, tmp_path):
    import subprocess

    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.list_pane.select_customer(sample["王建国"])
    window.named_actions.export_pdf.trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    window.tasks.wait(10000)
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "王建国" in text


def test_address_labels_for_the_selected_customers(qtbot, window, sample, monkeypatch):
    from desktop_crm.ui import printing
    from desktop_crm.ui.dialogs.label_sheet_dialog import LabelSheetDialog

    customers.update_customer(
        sample["张三"], {"addresses": [{"province": "北京", "city": "北京", "street": "长安街1号"}]}
    )
    shown = []
    monkeypatch.setattr(LabelSheetDialog, "exec", lambda dialog: 1)  # OK on the A4 3 × 8 sheet
    monkeypatch.setattr(
        printing,
        "preview_dialog",
        lambda parent, document: shown.append(document) or type("D", (), {"exec": lambda s: 0})(),
    )
    window.list_pane.select_customer(sample["张三"])
    window.named_actions.print_labels.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    window.tasks.wait(5000)
    assert shown[0].sheet.name == "a4-3x8"
    assert any("长安街1号" in line for label in shown[0].labels for line in label)


def test_no_two_actions_share_a_shortcut(window):
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action.objectName() or action.text())
    clashes = {key: names for key, names in owners.items() if len(set(names)) > 1}
    assert not clashes


def test_a_list_loading_late_does_not_take_over_a_new_customer_being_typed(
    qtbot, window, monkeypatch
):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or _DISCARD)
    window.list_pane.customerList.selectionModel().clearCurrentIndex()
    window.named_actions.new_customer.trigger()
    window.detail.form.edits["name"].setText("赵六")
    window.list_pane._loaded(window.list_pane.model.rowCount())  # the ids arrive now
    assert window.detail.customer_id() is None
    assert window.detail.form.edits["name"].text() == "赵六"
    assert not asked  # nobody asked the user about their edits either


_DISCARD = QMessageBox.StandardButton.Discard
