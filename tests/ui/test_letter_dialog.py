"""File → Print Letters: a template with placeholders, a live preview, saved templates,
and one letter per customer in the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from desktop_crm.app import create_main_window
from desktop_crm.db.models import Setting
from desktop_crm.domain import customers, messages
from desktop_crm.domain.letter_templates import letter_templates
from desktop_crm.domain.search import CustomerQuery
from desktop_crm.ui.dialogs.letter_dialog import LetterDialog
from desktop_crm.ui.mailings import MailingList
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.tasks import TaskRunner
from tests.reports.conftest import flat, needs_poppler, page_size, pdf_pages


@pytest.fixture
def people(db) -> dict[str, int]:
    Setting.create(key="company_name", value="华信办公设备有限公司")
    made = {
        "王建国": {"name": "王建国", "gender": "male", "title": "经理"},
        "Alice Brown": {
            "name": "Alice Brown",
            "company_name": "Brown & Co",
            "addresses": [{"street": "1 Main Street", "city": "Boston", "country": "USA"}],
        },
        "李娜": {"name": "李娜", "gender": "female"},
    }
    return {name: customers.create_customer(fields).id for name, fields in made.items()}


@pytest.fixture
def settings(tmp_path) -> UiSettings:
    return UiSettings(tmp_path / "ui.ini")


def selected(*ids: int) -> MailingList:
    return MailingList(tuple(ids), CustomerQuery(), count=len(ids), first_id=ids[0])


def open_dialog(qtbot, target: MailingList, settings: UiSettings, tasks=None) -> LetterDialog:
    dialog = LetterDialog(target, settings, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_template(qtbot, dialog: LetterDialog, text: str) -> None:
    dialog.letterTemplate.clear()
    if text.isascii() and text.isprintable():
        qtbot.keyClicks(dialog.letterTemplate, text)
    else:  # QTest types printable Latin keys only
        dialog.letterTemplate.insertPlainText(text)


def preview_text(dialog: LetterDialog) -> str:
    return dialog.letterPreview.toPlainText()


def test_the_preview_fills_in_the_first_customer_as_the_template_is_typed(qtbot, people, settings):
    dialog = open_dialog(qtbot, selected(people["Alice Brown"], people["李娜"]), settings)
    assert dialog.objectName() == "letterDialog"
    assert "2 selected customer" in dialog.findChild(QLabel, "recipientsLabel").text()
    type_template(qtbot, dialog, "Hello ")
    dialog.placeholder_buttons["name"].click()  # inserted where the cursor is
    qtbot.keyClicks(dialog.letterTemplate, " of ")
    dialog.placeholder_buttons["company"].click()
    assert dialog.template() == "Hello {name} of {company}"
    qtbot.waitUntil(lambda: "Hello Alice Brown of Brown & Co" in preview_text(dialog))
    assert "1 Main Street" in preview_text(dialog)  # the address block above the letter
    assert dialog.letterPreview.isReadOnly()
    assert dialog.previewLetters.isEnabled() and dialog.exportLetters.isEnabled()


def test_a_placeholder_goes_where_the_cursor_is(qtbot, people, settings):
    dialog = open_dialog(qtbot, selected(people["王建国"]), settings)
    type_template(qtbot, dialog, "Dear ,")
    cursor = dialog.letterTemplate.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left)
    dialog.letterTemplate.setTextCursor(cursor)
    dialog.placeholder_buttons["title"].click()
    assert dialog.template() == "Dear {title},"
    assert dialog.letterTemplate.hasFocus() or not dialog.isActiveWindow()


def test_an_unknown_placeholder_is_named_and_refused(qtbot, people, settings, monkeypatch):
    dialog = open_dialog(qtbot, selected(people["王建国"]), settings)
    type_template(qtbot, dialog, "Dear {nmae},")
    problem = dialog.templateProblem
    assert problem.isVisible() and "{nmae}" in problem.text() and "{name}" in problem.text()
    assert not dialog.previewLetters.isEnabled() and not dialog.exportLetters.isEnabled()
    assert not dialog.saveTemplate.isEnabled()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(1))
    assert dialog.export_pdf() is None  # even if asked another way: refused, nothing asked
    assert asked == [] and "{nmae}" in warned[0]
    type_template(qtbot, dialog, "Dear {name},")
    assert not problem.isVisible() and dialog.exportLetters.isEnabled()


def test_a_template_is_saved_by_name_and_loaded_again(qtbot, people, settings):
    dialog = open_dialog(qtbot, selected(people["王建国"]), settings)
    type_template(qtbot, dialog, "{name}：\n\n新年快乐！")
    dialog.templateName.setEditText("新年问候")
    dialog.saveTemplate.click()
    assert letter_templates() == {"新年问候": "{name}：\n\n新年快乐！"}
    assert "新年问候" in dialog.letterStatus.text()

    again = open_dialog(qtbot, selected(people["王建国"]), settings)
    assert again.templateName.findText("新年问候") == 0
    assert again.template() != "{name}：\n\n新年快乐！"  # a new dialog starts from the default
    again.templateName.textActivated.emit("新年问候")
    assert again.template() == "{name}：\n\n新年快乐！"
    qtbot.waitUntil(
        lambda: "王建国先生：" in preview_text(again) or "王建国" in preview_text(again)
    )
    again.templateName.setEditText("新年问候")
    again.deleteTemplate.click()
    assert letter_templates() == {}


def test_a_template_without_a_name_is_not_saved(qtbot, people, settings, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    dialog = open_dialog(qtbot, selected(people["王建国"]), settings)
    dialog.templateName.setEditText("")
    dialog.saveTemplate.click()
    assert warned and "required" in warned[0] and letter_templates() == {}


@needs_poppler
def test_the_pdf_has_one_letter_per_customer_built_in_the_background(
    qtbot, people, settings, tmp_path, monkeypatch
):
    target = tmp_path / "letters.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    runner = TaskRunner()
    ids = [people["王建国"], people["Alice Brown"], people["李娜"]]
    dialog = open_dialog(qtbot, selected(*ids), settings, runner)
    type_template(qtbot, dialog, "Dear {name},\n\nWe write to {company}.\n\n{sender}")
    dialog.exportLetters.click()
    qtbot.waitUntil(lambda: "letters.pdf" in dialog.letterStatus.text(), timeout=20_000)
    runner.wait()
    QCoreApplication.processEvents()
    pages = pdf_pages(target)
    assert len(pages) == 3
    for page, name in zip(pages, ["王建国", "Alice Brown", "李娜"], strict=True):
        assert flat(f"Dear {name}") in flat(page) and flat("华信办公设备有限公司") in flat(page)
    assert "We write to Brown & Co." in pages[1]
    assert page_size(target) == (595, 842)  # A4 portrait: the page setup's default


@needs_poppler
def test_letters_for_the_whole_list_when_nothing_is_selected_in_chinese(
    qtbot, people, db_path, tmp_path, monkeypatch
):
    messages.set_language("zh_CN")
    window = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.list_pane.model.loading, timeout=5000)
    window.list_pane.customerList.clearSelection()
    window.named_actions.print_letters.trigger()
    dialog = window.findChild(LetterDialog, "letterDialog")
    assert dialog is not None and dialog.isVisible()
    assert "current list" in dialog.findChild(QLabel, "recipientsLabel").text()
    assert "尊敬的" in dialog.template()  # the default letter follows the language
    target = tmp_path / "全部信函.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.exportLetters.click()
    qtbot.waitUntil(lambda: target.exists(), timeout=20_000)
    window.tasks.wait(5000)
    pages = pdf_pages(Path(target))
    assert len(pages) == len(people)
    text = flat("".join(pages))
    assert all(flat(name) in text for name in people)
    dialog.close()
    window.close()
    window.tasks.wait(5000)
