"""File → Page Setup: the paper and orientation reports are built for, and the label sheet."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from desktop_crm.app import create_main_window
from desktop_crm.domain import customers, followups
from desktop_crm.reports.document import write_pdf
from desktop_crm.ui import printing
from desktop_crm.ui.dialogs.label_sheet_dialog import LabelSheetDialog
from desktop_crm.ui.dialogs.page_setup_dialog import PageChoice, PageSetupDialog
from desktop_crm.ui.settings import UiSettings
from tests.reports.conftest import needs_poppler, page_size, pdf_text

A4_PORTRAIT, A4_LANDSCAPE = (595, 842), (842, 595)
LETTER_PORTRAIT, LETTER_LANDSCAPE = (612, 792), (792, 612)


@pytest.fixture
def window(qtbot, db, db_path, tmp_path):
    wang = customers.create_customer({"name": "王建国", "phones": ["13800138000"]}).id
    followups.plan_followup(wang, followups_due(), subject="确认送货时间")
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.list_pane.model.loading, timeout=5000)
    win.list_pane.select_customer(wang)
    yield win
    win.tasks.wait(5000)


def followups_due():
    from datetime import datetime, timedelta

    return (datetime.now() + timedelta(days=1)).astimezone()


def choose(qtbot, win, paper: str, orientation: str) -> None:
    """Open File → Page Setup as a user does, pick paper and orientation, press OK."""
    dialogs: list[PageSetupDialog] = []
    original = PageSetupDialog.exec

    def shown(dialog: PageSetupDialog) -> int:
        dialogs.append(dialog)
        dialog.paper.setCurrentIndex(dialog.paper.findData(paper))
        dialog.orientation.setCurrentIndex(dialog.orientation.findData(orientation))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    PageSetupDialog.exec = shown
    try:
        win.named_actions.page_setup.trigger()
    finally:
        PageSetupDialog.exec = original
    assert dialogs and dialogs[0].objectName() == "pageSetupDialog"


def previewed(qtbot, win, action: str, monkeypatch) -> object:
    """Trigger a print action; the document the preview would show (built in the background).

    Not `tasks.wait()`: Qt ends the pool's threads there, which a document built on one
    must outlive (see printing.keep_threads).
    """
    shown: list[object] = []
    monkeypatch.setattr(
        printing,
        "preview_dialog",
        lambda parent, document: shown.append(document) or type("D", (), {"exec": lambda s: 0})(),
    )
    getattr(win.named_actions, action).trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    return shown[0]


def test_the_choice_is_remembered(qtbot, window, tmp_path):
    choose(qtbot, window, "letter", "landscape")
    again = UiSettings(tmp_path / "ui.ini")
    assert PageChoice.from_settings(again) == PageChoice("letter", "landscape")
    dialog = PageSetupDialog(again)
    qtbot.addWidget(dialog)
    assert dialog.paper.currentData() == "letter"
    assert dialog.orientation.currentData() == "landscape"


@needs_poppler
def test_letter_landscape_client_report_pdf_is_letter_landscape(
    qtbot, window, tmp_path, monkeypatch
):
    choose(qtbot, window, "letter", "landscape")
    target = tmp_path / "client.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.named_actions.export_pdf.trigger()
    qtbot.waitUntil(target.exists, timeout=20_000)
    window.tasks.wait(5000)
    assert page_size(target) == LETTER_LANDSCAPE
    assert "王建国" in pdf_text(target)


@needs_poppler
def test_every_report_follows_the_page_setup(qtbot, window, tmp_path, monkeypatch):
    # Automatic: the client report portrait, the plan landscape, a narrow list portrait.
    assert page_size(
        write_pdf(previewed(qtbot, window, "print", monkeypatch), tmp_path / "c.pdf")
    ) == (A4_PORTRAIT)
    plan = previewed(qtbot, window, "print_plan", monkeypatch)
    assert page_size(write_pdf(plan, tmp_path / "p.pdf")) == A4_LANDSCAPE

    choose(qtbot, window, "letter", "portrait")
    plan = previewed(qtbot, window, "print_plan", monkeypatch)
    assert page_size(write_pdf(plan, tmp_path / "p2.pdf")) == LETTER_PORTRAIT
    listed = previewed(qtbot, window, "print_list", monkeypatch)
    assert page_size(write_pdf(listed, tmp_path / "l.pdf")) == LETTER_PORTRAIT

    choose(qtbot, window, "a4", "landscape")
    listed = previewed(qtbot, window, "print_list", monkeypatch)
    assert page_size(write_pdf(listed, tmp_path / "l2.pdf")) == A4_LANDSCAPE


def test_the_printer_gets_the_chosen_paper(qtbot, window, monkeypatch):
    from PySide6.QtGui import QPageLayout, QPageSize

    choose(qtbot, window, "letter", "landscape")
    printer = printing.make_printer(previewed(qtbot, window, "print_list", monkeypatch))
    layout = printer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.Letter
    assert layout.orientation() == QPageLayout.Orientation.Landscape


def test_labels_on_a_sheet_with_custom_margins_and_pitch(qtbot, window, monkeypatch, tmp_path):
    choose(qtbot, window, "letter", "auto")
    seen: list[LabelSheetDialog] = []

    def accept_custom(dialog: LabelSheetDialog) -> int:
        seen.append(dialog)
        assert dialog.preset.currentData() == "letter-2x7"  # follows the paper chosen
        assert "1 selected customer" in dialog.findChild(object, "recipientsLabel").text()
        dialog.preset.setCurrentIndex(dialog.preset.findData("a4-3x8"))
        dialog.spins["top"].setValue(8.0)
        dialog.spins["left"].setValue(0.0)
        dialog.skip.setValue(2)
        dialog.accept()
        return 1

    monkeypatch.setattr(LabelSheetDialog, "exec", accept_custom)
    document = previewed(qtbot, window, "print_labels", monkeypatch)
    assert document.sheet.name == "a4-3x8" and document.sheet.top == 8.0
    assert document.start == 2
    remembered = UiSettings(tmp_path / "ui.ini").label_sheet
    assert remembered["name"] == "a4-3x8" and remembered["top"] == 8.0


def test_a_sheet_that_does_not_fit_the_paper_is_refused(qtbot, tmp_path):
    dialog = LabelSheetDialog(UiSettings(tmp_path / "ui.ini"), "For 3 customers.")
    qtbot.addWidget(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and not dialog.problem.isVisibleTo(dialog)
    dialog.spins["v_pitch"].setValue(40.0)  # 8 rows of 40 mm do not fit on 297 mm
    assert not ok.isEnabled()
    assert dialog.problem.isVisibleTo(dialog) and "297" in dialog.problem.text()
    dialog.spins["v_pitch"].setValue(36.0)
    assert ok.isEnabled()
