"""Merging two customers from the list: the dialog, its choices, undo and unmerge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox, QRadioButton

from desktop_crm.app import create_main_window
from desktop_crm.domain import customers, followups
from desktop_crm.domain.merge import merge_customers, merges_of
from desktop_crm.domain.search import CustomerQuery, search_customers
from desktop_crm.ui.commands import MergeCommand
from desktop_crm.ui.dialogs.merge_dialog import MergeDialog
from desktop_crm.ui.settings import UiSettings


@pytest.fixture
def sample(db):
    zhang = customers.create_customer(
        {
            "name": "张三",
            "phones": ["13800138000"],
            "company_name": "武当派",
            "city": "北京",
            "notes": "老客户",
        }
    )
    zhang2 = customers.create_customer(
        {
            "name": "张叁",
            "phones": ["138 0013 8000"],
            "emails": ["zs@example.com"],
            "company_name": "武当派",
            "city": "上海",
            "status": "existing",
        }
    )
    li = customers.create_customer({"name": "李四", "phones": ["13900139000"]})
    followups.log_contact(zhang.id, channel="phone", subject="电话问候")
    followups.log_contact(zhang2.id, channel="visit", subject="上门拜访")
    return {"张三": zhang.id, "张叁": zhang2.id, "李四": li.id}


@pytest.fixture
def window(qtbot, db_path, sample, tmp_path):
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    wait_loaded(qtbot, win)
    yield win
    win.tasks.wait(5000)


def wait_loaded(qtbot, win) -> None:
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=5000)


def select(win, ids: list[int]) -> None:
    """Select exactly these customers in the list, as Ctrl+click would."""
    view = win.list_pane.customerList
    model = win.list_pane.model
    view.selectionModel().clearSelection()
    for customer_id in ids:
        index = model.index(model.row_of(customer_id), 0)
        view.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def live_names() -> list[str]:
    return sorted(r.name for r in search_customers(CustomerQuery()))


def subjects(customer_id: int) -> list[str]:
    return sorted(f.subject for f in followups.customer_timeline(customer_id))


def test_merge_selected_is_enabled_only_with_two_customers_selected(window, sample):
    action = window.named_actions.merge_customers
    assert action.shortcut() == QKeySequence("Ctrl+Shift+M")  # Cmd+M minimises on a Mac
    select(window, [sample["张三"]])
    assert not action.isEnabled()
    select(window, [sample["张三"], sample["张叁"]])
    assert action.isEnabled()
    select(window, list(sample.values()))
    assert not action.isEnabled()
    assert window.merging.merge_selected() is None  # three selected: nothing opens


def test_the_dialog_shows_both_customers_and_defaults_to_the_older_ones_values(
    qtbot, window, sample
):
    select(window, [sample["张三"], sample["张叁"]])
    window.named_actions.merge_customers.trigger()
    dialog = window.merging.merge_dialog
    assert isinstance(dialog, MergeDialog) and dialog.objectName() == "mergeDialog"
    assert dialog.isVisible()
    first = dialog.findChild(QRadioButton, "survivorFirst")
    assert first.isChecked() and "张三" in first.text()
    assert "张叁" in dialog.findChild(QRadioButton, "survivorSecond").text()
    assert sorted(dialog.conflicting) == ["city", "name", "status"]
    name_first = dialog.findChild(QRadioButton, "choice_name_first")
    city_first = dialog.findChild(QRadioButton, "choice_city_first")
    assert name_first.isChecked() and city_first.isChecked()
    # a customer who has bought stays an existing customer, whichever stays
    assert dialog.findChild(QRadioButton, "choice_status_second").isChecked()
    assert dialog.choices() == {"name": "keep", "city": "keep", "status": "other"}
    assert "follow-ups" in dialog.note.text() and "history" in dialog.note.text()
    # a row picked by hand stays picked when the other customer is chosen to stay
    dialog.choose("city", sample["张叁"])
    dialog.findChild(QRadioButton, "survivorSecond").click()
    assert dialog.findChild(QRadioButton, "choice_name_second").isChecked()
    assert dialog.findChild(QRadioButton, "choice_city_second").isChecked()
    assert dialog.choices() == {"name": "keep", "city": "keep", "status": "keep"}
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert live_names() == ["张三", "张叁", "李四"]


def test_merge_keeps_the_chosen_value_and_both_histories_and_undo_restores_both(
    qtbot, window, sample
):
    keep, other = sample["张三"], sample["张叁"]
    select(window, [keep, other])
    dialog = window.merging.merge_selected()
    dialog.choose("city", other)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    merged = customers.get_customer(keep)
    assert (merged.name, merged.city, merged.status) == ("张三", "上海", "existing")
    assert merged.emails[0].address == "zs@example.com"
    assert subjects(keep) == ["上门拜访", "电话问候"]
    assert live_names() == ["张三", "李四"]
    wait_loaded(qtbot, window)
    assert window.list_pane.model.row_of(other) is None
    qtbot.waitUntil(lambda: window.detail.customer_id() == keep)
    assert window.named_actions.unmerge.isEnabled()
    assert "merge" in window.statusBar().currentMessage()

    window.named_actions.undo.trigger()
    assert live_names() == ["张三", "张叁", "李四"]
    assert customers.get_customer(keep).city == "北京"
    assert subjects(keep) == ["电话问候"] and subjects(other) == ["上门拜访"]
    wait_loaded(qtbot, window)
    assert window.list_pane.model.row_of(other) is not None
    window.named_actions.redo.trigger()  # redo merges them again, with the same choices
    assert customers.get_customer(keep).city == "上海"
    assert live_names() == ["张三", "李四"]


def test_unmerge_from_the_customer_menu_after_confirming(qtbot, window, sample, monkeypatch):
    keep, other = sample["张三"], sample["张叁"]
    merge_customers(keep, other, {"city": "other"})
    window.events.customersChanged.emit()
    wait_loaded(qtbot, window)
    window.list_pane.select_customer(sample["李四"])
    assert not window.named_actions.unmerge.isEnabled()
    window.list_pane.select_customer(keep)
    assert window.named_actions.unmerge.isEnabled()
    asked = []

    def answer(*args, **_kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.named_actions.unmerge.trigger()  # "No": nothing happens
    assert live_names() == ["张三", "李四"]
    window.named_actions.unmerge.trigger()
    assert "张叁" in asked[0] or customers.get_customer(other).code in asked[0]
    assert live_names() == ["张三", "张叁", "李四"]
    assert customers.get_customer(keep).city == "北京"
    assert merges_of(keep) == []
    wait_loaded(qtbot, window)
    assert not window.named_actions.unmerge.isEnabled()


def test_unmerge_asks_which_merge_when_there_are_several(qtbot, window, sample, monkeypatch):
    keep = sample["张三"]
    merge_customers(keep, sample["张叁"])
    merge_customers(keep, sample["李四"])
    window.events.customersChanged.emit()
    wait_loaded(qtbot, window)
    window.list_pane.select_customer(keep)
    code_li = customers.get_customer(sample["李四"]).code
    offered = []

    def pick(_parent, _title, _label, items, *_args, **_kwargs):
        offered.extend(items)
        return next(i for i in items if i.startswith(code_li)), True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    window.named_actions.unmerge.trigger()
    assert len(offered) == 2
    assert live_names() == ["张三", "李四"]  # 张叁 is still merged in


def test_unmerge_of_the_last_merge_is_the_same_as_undo(qtbot, window, sample, monkeypatch):
    keep, other = sample["张三"], sample["张叁"]
    select(window, [keep, other])
    window.merging.merge_selected().merge()
    assert window.undo_stack.index() == 1
    wait_loaded(qtbot, window)
    window.list_pane.select_customer(keep)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.named_actions.unmerge.trigger()
    assert live_names() == ["张三", "张叁", "李四"]
    assert window.undo_stack.index() == 0 and window.undo_stack.canRedo()


def test_undo_of_a_merge_undone_elsewhere_says_so_and_leaves_the_stack(
    qtbot, window, sample, monkeypatch
):
    keep, other = sample["张三"], sample["张叁"]
    command = MergeCommand(keep, other, {}, window.events, "merge", window)
    window.undo_stack.push(command)
    from desktop_crm.domain.merge import unmerge

    unmerge(command.merge_id)  # e.g. from another window on the same database
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    window.named_actions.undo.trigger()
    assert warnings and "undone already" in warnings[0]
    assert window.undo_stack.count() == 0
    assert live_names() == ["张三", "张叁", "李四"]


def test_a_failed_merge_is_shown_and_changes_nothing(qtbot, window, sample, monkeypatch):
    keep, other = sample["张三"], sample["张叁"]
    select(window, [keep, other])
    dialog = window.merging.merge_selected()
    customers.trash_customers([other])  # meanwhile, elsewhere
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    assert dialog.merge() is False
    assert warnings and "in the trash" in warnings[0]
    assert dialog.isVisible() and window.undo_stack.count() == 0
    assert customers.get_customer(keep).city == "北京"


def test_the_merge_and_unmerge_show_in_the_survivors_history(qtbot, window, sample):
    keep, other = sample["张三"], sample["张叁"]
    select(window, [keep, other])
    window.merging.merge_selected().merge()
    window.named_actions.undo.trigger()
    qtbot.waitUntil(lambda: window.detail.customer_id() == keep)
    model = window.detail.history.history_model
    rows = [
        (model.index(r, 2).data(), model.index(r, 3).data(), model.index(r, 4).data())
        for r in range(model.rowCount())
    ]
    code = customers.get_customer(other).code
    assert ("Merged: Merged customer", "", f"{code} 张叁") in rows
    assert ("Unmerged: Merged customer", f"{code} 张叁", "") in rows


def test_merge_selected_is_off_in_the_trash_view(qtbot, window, sample):
    customers.trash_customers([sample["张三"], sample["张叁"]])
    window.named_actions.show_trash.trigger()
    wait_loaded(qtbot, window)
    select(window, [sample["张三"], sample["张叁"]])
    assert not window.named_actions.merge_customers.isEnabled()
