"""File → Export…: the list, the selection or everything, written in the background."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton, QRadioButton

from desktop_crm.app import create_main_window
from desktop_crm.db.models import Customer
from desktop_crm.domain import customers
from desktop_crm.exchange.csv_io import read_csv
from desktop_crm.exchange.importer import import_customers
from desktop_crm.ui.dialogs.export_dialog import ExportDialog, open_export_dialog
from desktop_crm.ui.settings import UiSettings


@pytest.fixture
def window(qtbot, db, db_path, tmp_path):
    for name, phone in (("张三", "13800138000"), ("李四", "13900139000"), ("王五", "13700137000")):
        customers.create_customer({"name": name, "phones": [phone], "city": "北京"})
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=5000)
    yield win
    win.tasks.wait(5000)


def export(qtbot, win, dialog: ExportDialog, target) -> str:
    dialog.path.setText(str(target))
    with qtbot.waitSignal(win.events.statusMessage, timeout=10000) as signal:
        dialog.findChild(QPushButton, "exportButton").click()
    return signal.args[0]


def names_in(path) -> list[str]:
    table = read_csv(path)
    column = table.headers.index("name")
    return sorted(cells[column] for _line, cells in table.rows())


def test_the_current_list_is_exported_as_the_search_shows_it(qtbot, window, tmp_path):
    window.list_pane.searchBox.setText("zs")
    window.list_pane.apply_filters()
    qtbot.waitUntil(lambda: not window.list_pane.model.loading, timeout=5000)
    dialog = open_export_dialog(window)
    window.list_pane.customerList.clearSelection()
    assert dialog.scope_code() in ("list", "selection")
    dialog.findChild(QRadioButton, "exportScope_list").setChecked(True)
    message = export(qtbot, window, dialog, tmp_path / "list.csv")
    assert names_in(tmp_path / "list.csv") == ["张三"]
    assert "Exported 1 customer" in message and "list.csv" in message
    assert (tmp_path / "list.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 BOM


def test_the_selection_is_exported(qtbot, window, tmp_path):
    window.list_pane.customerList.selectAll()
    selected = window.list_pane.selected_ids()
    window.list_pane.customerList.clearSelection()
    window.list_pane.select_customer(selected[1])
    dialog = open_export_dialog(window)
    assert dialog.scope_code() == "selection"
    export(qtbot, window, dialog, tmp_path / "one.csv")
    assert names_in(tmp_path / "one.csv") == [customers.get_customer(selected[1]).name]


def test_everything_exports_as_vcard_and_imports_back(qtbot, window, tmp_path, monkeypatch):
    dialog = ExportDialog(window.list_pane.model.query, [], window.tasks, window.events, window)
    qtbot.addWidget(dialog)
    assert not dialog.findChild(QRadioButton, "exportScope_selection").isEnabled()
    dialog.findChild(QRadioButton, "exportScope_all").setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("vcard"))
    assert dialog.path.text().endswith(".vcf")
    target = tmp_path / "all.vcf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.findChild(QPushButton, "exportBrowseButton").click()
    assert dialog.path.text() == str(target)
    message = export(qtbot, window, dialog, target)
    assert "Exported 3 customer" in message
    assert target.read_text(encoding="utf-8").count("BEGIN:VCARD") == 3
    # The file imports back: the same customers are found again, nothing is duplicated.
    summary = import_customers(target)
    assert (summary.created, summary.rejected) == (0, 0)
    assert Customer.select().count() == 3


def test_an_xlsx_export_reimports_into_an_empty_database(qtbot, window, tmp_path):
    dialog = open_export_dialog(window)
    dialog.findChild(QRadioButton, "exportScope_all").setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    target = tmp_path / "all.xlsx"
    export(qtbot, window, dialog, target)
    Customer.delete().execute()
    summary = import_customers(target)
    assert summary.created == 3
    assert sorted(c.name for c in Customer.select()) == ["张三", "李四", "王五"]


def test_a_file_that_cannot_be_written_is_reported(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "desktop_crm.ui.dialogs.export_dialog.show_error", lambda parent, exc: shown.append(exc)
    )
    dialog = open_export_dialog(window)
    dialog.path.setText(str(tmp_path / "missing" / "out.csv"))
    dialog.findChild(QPushButton, "exportButton").click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "does not exist" in str(shown[0])
    assert not (tmp_path / "missing").exists()


def test_the_action_has_its_shortcut(window):
    action = window.named_actions.export_customers
    assert action.shortcut().toString() == "Ctrl+Shift+X"
    assert window.named_actions.import_customers.shortcut().toString() == "Ctrl+I"


def test_cancelling_an_export_leaves_no_file(qtbot, window, tmp_path, monkeypatch):
    from desktop_crm.exchange import exporter
    from desktop_crm.ui.tasks import TaskContext

    monkeypatch.setattr(exporter, "PAGE_SIZE", 1)
    real_report = TaskContext.report

    def report_then_cancel(self, done, total):  # the user presses Cancel after the first page
        real_report(self, done, total)
        self.cancel()

    monkeypatch.setattr(TaskContext, "report", report_then_cancel)
    dialog = open_export_dialog(window)
    dialog.findChild(QRadioButton, "exportScope_all").setChecked(True)
    message = export(qtbot, window, dialog, tmp_path / "cancelled.csv")
    assert message == "Export cancelled; no file was written."
    assert list(tmp_path.glob("cancelled*")) == [] and list(tmp_path.glob(".cancelled*")) == []
