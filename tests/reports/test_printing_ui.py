"""Print preview and PDF export from the GUI (ui/printing.py), with real Qt dialogs."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_crm.errors import NotFoundError
from desktop_crm.reports.client import build_client_report
from desktop_crm.reports.customer_list import build_list_report
from desktop_crm.ui import printing
from desktop_crm.ui.tasks import TaskRunner
from tests.reports.conftest import needs_poppler, pdf_text


@pytest.fixture
def runner(db, qapp):
    tasks = TaskRunner()
    yield tasks
    tasks.wait()
    QCoreApplication.processEvents()


def test_the_preview_shows_every_page(full_customer, qtbot):
    document = build_client_report(full_customer)
    dialog = printing.preview_dialog(None, document)
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() == document.page_count() >= 1


def test_a_landscape_list_previews_landscape(bare_customer, qtbot):
    from PySide6.QtGui import QPageLayout

    document = build_list_report(landscape=True)
    printer = printing.make_printer(document)
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    dialog = printing.preview_dialog(None, document, printer)
    qtbot.addWidget(dialog)
    dialog.findChild(QPrintPreviewWidget).updatePreview()


@needs_poppler
def test_export_writes_the_pdf_where_the_user_chose(full_customer, tmp_path, monkeypatch, qapp):
    target = tmp_path / "out"  # the user left off ".pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF files (*.pdf)")
    )
    written = printing.export_pdf(None, partial(build_client_report, full_customer), "客户报告")
    assert written == tmp_path / "out.pdf"
    assert "深圳新宇龙信息贸易有限公司" in pdf_text(written)


def test_cancelling_the_file_dialog_writes_nothing(bare_customer, monkeypatch, qapp):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    called = []
    assert printing.export_pdf(None, lambda: called.append(1), "report") is None
    assert called == []


@needs_poppler
def test_export_in_the_background_with_progress(
    full_customer, tmp_path, monkeypatch, runner, qtbot
):
    target = tmp_path / "background.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    done: list[Path] = []
    printing.export_pdf(
        None, partial(build_client_report, full_customer), "report", runner=runner, done=done.append
    )
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert done == [target] and "Client report" in pdf_text(target)


def test_a_users_problem_is_shown_not_raised(db, monkeypatch, qapp):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))

    def unknown() -> None:
        raise NotFoundError("no customer C999999")

    printing.print_preview(None, unknown)
    assert shown == ["no customer C999999"]
