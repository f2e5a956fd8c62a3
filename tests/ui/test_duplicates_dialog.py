"""Tools → Find Duplicates: scan, read the reasons, merge a pair, undo, open a customer."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QRadioButton

from desktop_crm.app import create_main_window
from desktop_crm.domain import customers, followups
from desktop_crm.domain.search import CustomerQuery, search_customers
from desktop_crm.ui.dialogs import duplicates_dialog
from desktop_crm.ui.dialogs.duplicates_dialog import FIRST, REASONS, SCORE, SECOND
from desktop_crm.ui.settings import UiSettings


@pytest.fixture
def sample(db):
    zhang = customers.create_customer(
        {"name": "张三", "phones": ["13800138000"], "company_name": "武当派", "city": "北京"}
    )
    zhang2 = customers.create_customer(
        {"name": "章三", "phones": ["+86 138 0013 8000"], "company_name": "武当派", "city": "上海"}
    )
    li = customers.create_customer({"name": "李四", "emails": ["li@example.com"]})
    li2 = customers.create_customer({"name": "Li Si", "emails": ["LI@example.com"]})
    customers.create_customer({"name": "王五", "phones": ["13700137000"]})
    followups.log_contact(zhang.id, channel="phone", subject="电话问候")
    followups.log_contact(zhang2.id, channel="visit", subject="上门拜访")
    return {"张三": zhang.id, "章三": zhang2.id, "李四": li.id, "Li Si": li2.id}


@pytest.fixture
def window(qtbot, db_path, sample, tmp_path):
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=5000)
    yield win
    win.tasks.wait(5000)


def open_and_scan(qtbot, window):
    window.named_actions.find_duplicates.trigger()
    dialog = window.merging.duplicates_dialog
    assert dialog.objectName() == "duplicatesDialog" and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.rescan_button.isEnabled(), timeout=5000)
    return dialog


def cell(dialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def live_names() -> list[str]:
    return sorted(r.name for r in search_customers(CustomerQuery()))


def double_click_row(qtbot, dialog, row: int) -> None:
    view = dialog.table
    rect = view.visualRect(dialog.model.index(row, REASONS))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_scan_lists_likely_pairs_with_reasons_and_scores_best_first(qtbot, window, sample):
    dialog = open_and_scan(qtbot, window)
    assert dialog.model.rowCount() == 2
    codes = {n: customers.get_customer(i).code for n, i in sample.items()}
    assert cell(dialog, 0, FIRST) == f"{codes['张三']}  张三"
    assert cell(dialog, 0, SECOND) == f"{codes['章三']}  章三"
    assert "same phone 13800138000" in cell(dialog, 0, REASONS)
    assert "names sound the same (张三 / 章三), same company 武当派" in cell(dialog, 0, REASONS)
    assert cell(dialog, 1, REASONS).startswith("same email li@example.com")
    scores = [int(cell(dialog, r, SCORE).rstrip(" %")) for r in range(2)]
    assert scores == sorted(scores, reverse=True) and scores[1] >= 90
    assert dialog.summary.text().startswith("2 likely pair")


def test_merge_a_listed_pair_then_undo_restores_both(qtbot, window, sample):
    keep, other = sample["张三"], sample["章三"]
    dialog = open_and_scan(qtbot, window)
    double_click_row(qtbot, dialog, 0)
    merge = dialog.merge_dialog
    assert merge is not None and merge.isVisible()
    second_city = merge.findChild(QRadioButton, "choice_city_second")
    assert "上海" in second_city.text() and not second_city.isChecked()
    qtbot.mouseClick(second_city, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(merge.merge_button, Qt.MouseButton.LeftButton)

    assert live_names() == ["Li Si", "张三", "李四", "王五"]
    merged = customers.get_customer(keep)
    assert (merged.name, merged.city) == ("张三", "上海")
    assert sorted(f.subject for f in followups.customer_timeline(keep)) == ["上门拜访", "电话问候"]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)  # the merged pair left the list
    assert dialog.model.pair(0).a_id == sample["李四"]
    qtbot.waitUntil(lambda: window.detail.customer_id() == keep)

    window.named_actions.undo.trigger()
    assert live_names() == ["Li Si", "张三", "李四", "王五", "章三"]
    assert customers.get_customer(keep).city == "北京"
    assert [f.subject for f in followups.customer_timeline(other)] == ["上门拜访"]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)  # and came back with the undo


def test_open_shows_the_customer_of_the_clicked_column_in_the_main_window(qtbot, window, sample):
    dialog = open_and_scan(qtbot, window)
    dialog.table.setCurrentIndex(dialog.model.index(1, SECOND))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.detail.customer_id() == sample["Li Si"])
    dialog.table.setCurrentIndex(dialog.model.index(1, FIRST))
    dialog.open_current()
    qtbot.waitUntil(lambda: window.detail.customer_id() == sample["李四"])


def test_cancel_stops_the_scan(qtbot, window, monkeypatch):
    real = duplicates_dialog.find_duplicates
    started = threading.Event()

    def slow_scan(**kwargs):  # a large database: the scan is still going when Cancel comes
        started.set()
        kwargs["progress"](0, 10)
        deadline = time.monotonic() + 5
        while not kwargs["cancelled"]() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(**kwargs)

    monkeypatch.setattr(duplicates_dialog, "find_duplicates", slow_scan)
    window.named_actions.find_duplicates.trigger()
    dialog = window.merging.duplicates_dialog
    assert started.wait(5)
    progress = dialog.findChild(QProgressDialog)
    qtbot.waitUntil(progress.isVisible, timeout=3000)  # shown after half a second
    qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.rescan_button.isEnabled(), timeout=5000)
    assert "cancelled" in dialog.summary.text()
    assert dialog.model.rowCount() == 0
    monkeypatch.setattr(duplicates_dialog, "find_duplicates", real)
    qtbot.mouseClick(dialog.rescan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)


def test_merge_and_open_need_a_pair(qtbot, db, db_path, tmp_path):
    customers.create_customer({"name": "孤单"})
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    dialog = open_and_scan(qtbot, win)
    assert dialog.summary.text() == "No likely duplicates found."
    assert not dialog.merge_button.isEnabled() and not dialog.open_button.isEnabled()
    assert dialog.merge_current() is None
    win.tasks.wait(5000)


def test_enter_on_a_pair_opens_its_merge_dialog(qtbot, window, sample):
    dialog = open_and_scan(qtbot, window)
    dialog.table.setCurrentIndex(dialog.model.index(1, FIRST))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    merge = dialog.merge_dialog
    assert merge is not None and merge.isVisible()
    assert {r.id for r in merge.records} == {sample["李四"], sample["Li Si"]}
    qtbot.keyClick(merge, Qt.Key.Key_Escape)
    assert dialog.merge_dialog is None
    assert len(live_names()) == 5


def test_unsaved_edits_are_asked_about_before_a_merge(qtbot, window, sample, monkeypatch):
    window.list_pane.select_customer(sample["章三"])
    window.detail.form.edits["name"].setText("章三丰")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog = open_and_scan(qtbot, window)
    assert dialog.merge_current() is None
    assert window.detail.is_dirty()
