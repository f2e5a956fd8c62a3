"""Customer → Export Personal Data… / Erase Personal Data…, for the main window.

Export asks where to save the JSON and writes the PDF beside it, with the same name
(`C000123-personal-data.json` and `.pdf`); both are written in a worker with progress.
Erase asks for a typed confirmation (ui/dialogs/erase_dialog.py), erases in a worker,
then the list and the detail pane are refreshed (the customer is gone from both).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from desktop_crm.domain import personal_data
from desktop_crm.domain.customers import get_customer
from desktop_crm.reports.document import write_pdf
from desktop_crm.reports.personal_data import build_personal_data_report
from desktop_crm.ui.dialogs.erase_dialog import EraseDialog
from desktop_crm.ui.tasks import TaskContext, run_with_progress

if TYPE_CHECKING:
    from desktop_crm.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonalDataActions", text)


def export_personal_data(customer_id: int, json_path: Path) -> tuple[Path, Path]:
    """Write the JSON and, beside it, the PDF (runs in a worker); returns both paths."""
    written = personal_data.write_personal_data_json(customer_id, json_path)
    pdf = write_pdf(build_personal_data_report(customer_id), written.with_suffix(".pdf"))
    return written, pdf


class PersonalDataActions(QObject):
    """Connects export_personal_data and erase_personal_data; enabled with a customer."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: EraseDialog | None = None
        actions = window.named_actions
        actions.export_personal_data.triggered.connect(self.export_current)
        actions.erase_personal_data.triggered.connect(self.erase_current)
        window.list_pane.currentCustomerChanged.connect(self.update_actions)
        window.events.customersChanged.connect(self.update_actions)
        self.update_actions()

    def _current(self) -> int | None:
        return self.window.list_pane.current_customer_id() or self.window.detail.customer_id()

    def update_actions(self, *_args: object) -> None:
        present = self._current() is not None
        for action in (
            self.window.named_actions.export_personal_data,
            self.window.named_actions.erase_personal_data,
        ):
            action.setEnabled(present)

    def export_current(self) -> None:
        customer_id = self._current()
        if customer_id is None:
            return
        code = get_customer(customer_id).code
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window,
            _tr("Export Personal Data"),
            str(Path(folder or ".") / f"{code}-personal-data.json"),
            _tr("JSON files (*.json)"),
        )
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".json") else Path(chosen + ".json")

        def work(_context: TaskContext) -> tuple[Path, Path]:
            return export_personal_data(customer_id, path)

        def done(paths: tuple[Path, Path]) -> None:
            self.window.events.statusMessage.emit(
                _tr("Personal data written to %1 and %2")
                .replace("%1", paths[0].name)
                .replace("%2", paths[1].name)
            )

        run_with_progress(
            self.window.tasks, self.window, _tr("Writing the personal data…"), work, done
        )

    def erase_current(self) -> None:
        customer_id = self._current()
        if customer_id is None or not self.window.detail.maybe_save():
            return
        record = get_customer(customer_id)
        self.dialog = EraseDialog(record.name, record.code, self.window)
        self.dialog.accepted.connect(lambda: self._erase(customer_id))
        self.dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog.open()  # window-modal, without a nested event loop

    def _erase(self, customer_id: int) -> None:
        def work(_context: TaskContext) -> personal_data.ErasureResult:
            return personal_data.erase_personal_data(customer_id)

        def done(result: personal_data.ErasureResult) -> None:
            self.window.detail.load_customer(None)
            self.window.events.customersChanged.emit()
            self.window.events.statusMessage.emit(
                _tr("The personal data of %1 was erased").replace("%1", result.code)
            )

        run_with_progress(self.window.tasks, self.window, _tr("Erasing…"), work, done)
