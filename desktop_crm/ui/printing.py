"""Print preview, printing and PDF export of reports, for the main window's File menu.

`build` is a function that makes the report (a `reports` builder with its arguments
bound); with a `TaskRunner` it runs on a worker thread behind a progress dialog that
can cancel, and the result comes back here on the UI thread. Without a runner (tests,
small reports) it runs at once. Painting happens on the UI thread, as Qt's print
preview asks for pages there.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop_crm.reports.document import ReportDocument, render_to_printer, write_pdf
from desktop_crm.ui.tasks import TaskContext, TaskRunner, run_with_progress, show_error

log = logging.getLogger(__name__)

Build = Callable[..., ReportDocument]


def _call(build: Build, context: TaskContext | None) -> ReportDocument:
    """Call `build`, handing it progress and cancel hooks when it takes them."""
    try:
        parameters = inspect.signature(build).parameters
    except (TypeError, ValueError):
        parameters = {}
    kwargs: dict[str, Any] = {}
    if context is not None:
        if "progress" in parameters:
            kwargs["progress"] = context.report
        if "cancelled" in parameters:
            kwargs["cancelled"] = lambda: context.cancelled
    return build(**kwargs)


def _with_document(
    parent: QWidget | None,
    build: Build,
    runner: TaskRunner | None,
    then: Callable[[ReportDocument], None],
) -> None:
    """Build the document (in the background when a runner is given), then call `then`."""
    if runner is None:
        try:
            document = _call(build, None)
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            if not _is_users_problem(exc):
                log.exception("building a report failed")
            show_error(parent, exc)
            return
        then(document)
        return
    keep_threads(runner)
    label = QCoreApplication.translate("Printing", "Preparing the report…")

    def build_for_painting(context: TaskContext) -> ReportDocument:
        document = _call(build, context)
        document.hand_to_main_thread()  # it is painted on the UI thread
        return document

    run_with_progress(runner, parent, label, build_for_painting, then)


def keep_threads(runner: TaskRunner) -> None:
    """Keep the runner's threads alive while the window lives.

    A document laid out on a pool thread holds that thread's font engines; Qt frees them
    when the thread ends (after 30 s idle, by default), and painting the document after
    that — zooming a preview left open, printing from it — crashed the app.
    """
    runner.pool.setExpiryTimeout(-1)


def _is_users_problem(exc: BaseException) -> bool:
    from desktop_crm.errors import CrmError

    return isinstance(exc, CrmError)


def make_printer(document: ReportDocument) -> QPrinter:
    """A high-resolution printer set to the document's paper and orientation."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(document.page_layout())
    printer.setFullPage(True)
    printer.setDocName(document.title)
    return printer


def preview_dialog(
    parent: QWidget | None, document: ReportDocument, printer: QPrinter | None = None
) -> QPrintPreviewDialog:
    """A print preview of `document`; printing from it prints the document."""
    printer = printer or make_printer(document)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(document.title or QCoreApplication.translate("Printing", "Print preview"))
    dialog.paintRequested.connect(lambda target: render_to_printer(document, target))
    dialog._printer = printer  # the printer must live as long as the dialog
    return dialog


def print_preview(
    parent: QWidget | None, build: Build, *, runner: TaskRunner | None = None
) -> None:
    """Build the report, then show it in a print preview the user can print from."""
    _with_document(parent, build, runner, lambda document: preview_dialog(parent, document).exec())


def print_document(
    parent: QWidget | None, build: Build, *, runner: TaskRunner | None = None
) -> None:
    """Build the report, ask which printer, and print it."""

    def ask(document: ReportDocument) -> None:
        printer = make_printer(document)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            render_to_printer(document, printer)

    _with_document(parent, build, runner, ask)


def _pdf_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = suggested_name if suggested_name.lower().endswith(".pdf") else f"{suggested_name}.pdf"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printing", "Export as PDF"),
        str(Path(folder or ".") / _safe(name)),
        QCoreApplication.translate("Printing", "PDF files (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")


def _safe(name: str) -> str:
    """A file name without characters Windows refuses."""
    return "".join("_" if ch in '<>:"/\\|?*' else ch for ch in name).strip() or "report.pdf"


def export_pdf(
    parent: QWidget | None,
    build: Build,
    suggested_name: str,
    *,
    runner: TaskRunner | None = None,
    done: Callable[[Path], None] | None = None,
) -> Path | None:
    """Ask where, build the report and write it as PDF; `done(path)` when written.

    Without a runner the file is written before this returns, and its path is returned.
    """
    path = _pdf_path(parent, suggested_name)
    if path is None:
        return None
    if runner is None:
        written: list[Path] = []

        def write_now(document: ReportDocument) -> None:
            try:
                written.append(write_pdf(document, path))
            except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
                if not _is_users_problem(exc):
                    log.exception("writing a PDF failed")
                show_error(parent, exc)
                return
            if done is not None:
                done(path)

        _with_document(parent, build, None, write_now)
        return written[0] if written else None

    def build_and_write(context: TaskContext) -> Path:
        return write_pdf(_call(build, context), path)  # QPdfWriter works on any thread

    label = QCoreApplication.translate("Printing", "Writing the PDF…")
    run_with_progress(runner, parent, label, build_and_write, done or (lambda _path: None))
    return path
