"""Tools → Import History…: every import, and undoing one as a whole.

An import whose customers were worked on since cannot be undone: the dialog lists
those customers (code, name, what happened) and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.imports import (
    ImportInfo,
    ImportUndoBlocked,
    UndoResult,
    list_imports,
    undo_import,
)
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskRunner, show_error
from desktop_crm.ui.widgets.history_view import local_time_text
from desktop_crm.ui.widgets.text_table import TextTable


class ImportHistoryDialog(QDialog):
    def __init__(self, tasks: TaskRunner, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importHistoryDialog")
        self.setWindowTitle(self.tr("Import History"))
        self._tasks = tasks
        self._events = events
        self._imports: list[ImportInfo] = []
        self.loading = False
        self.table = TextTable("importHistoryTable", self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection())
        self.undo_button = QPushButton(self.tr("&Undo Import…"), self)
        self.undo_button.setObjectName("undoImportButton")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        self.message = QLabel(self)
        self.message.setObjectName("importHistoryMessage")
        self.message.setWordWrap(True)
        self.edited = TextTable("importEditedTable", self)
        self.edited.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        title = QLabel(self.tr("&Imports, newest first:"), self)
        title.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.message)
        layout.addWidget(self.edited, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.reload()

    def reload(self) -> None:
        self.loading = True
        self._tasks.run(lambda _c: list_imports(), self._show, key="import-history", receiver=self)

    def _show(self, imports: list[ImportInfo]) -> None:
        self.loading = False
        self._imports = imports
        headers = [
            self.tr("Date"),
            self.tr("File"),
            self.tr("New"),
            self.tr("Updated"),
            self.tr("Merged"),
            self.tr("Skipped"),
            self.tr("Rejected"),
            self.tr("State"),
        ]
        rows = [
            [
                local_time_text(b.started_at),
                Path(b.file_name).name,
                str(b.created),
                str(b.updated),
                str(b.merged),
                str(b.skipped),
                str(b.rejected),
                self._state(b),
            ]
            for b in imports
        ]
        self.table.set_rows(headers, rows)
        if imports:
            self.table.selectRow(0)
        self._selection()

    def _state(self, batch: ImportInfo) -> str:
        if batch.undone_at is not None:
            return self.tr("Undone %1").replace("%1", local_time_text(batch.undone_at))
        if batch.finished_at is None:
            return self.tr("Not finished")
        return self.tr("%n customer(s) from it in the list", "", batch.customers_now)

    def selected(self) -> ImportInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._imports[rows[0].row()] if rows else None

    def _selection(self) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(batch is not None and batch.undone_at is None)

    def undo_selected(self) -> None:
        batch = self.selected()
        if batch is None or batch.undone_at is not None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Undo Import"),
            self.tr(
                "Undo the import of %1? The %n customer(s) it created are deleted, duplicates "
                "it merged are separated again and the fields it changed get their old values.",
                "",
                batch.created,
            ).replace("%1", Path(batch.file_name).name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.undo_button.setEnabled(False)
        self._tasks.run(
            lambda _c: undo_import(batch.id), self._undone, on_error=self._failed, receiver=self
        )

    def _undone(self, result: UndoResult) -> None:
        self._events.customersChanged.emit()
        self._events.statusMessage.emit(
            self.tr("Import undone: %n customer(s) removed", "", result.deleted + result.unmerged)
        )
        if result.not_restored:
            self.message.setText(
                self.tr(
                    "Undone. These customers were changed again since the import and keep "
                    "their newer values:"
                )
            )
            self._list_customers([(c.code, c.name, c.reason) for c in result.not_restored])
        else:
            self.message.setText(self.tr("The import was undone."))
            self.edited.hide()
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportUndoBlocked):
            self.message.setText(
                self.tr(
                    "This import cannot be undone: %n of its customers were worked on since "
                    "(listed below). Nothing was changed.",
                    "",
                    len(exc.customers),
                )
            )
            self._list_customers([(c.code, c.name, c.reason) for c in exc.customers])
        else:
            show_error(self, exc)
        self._selection()

    def _list_customers(self, rows: list[tuple[str, str, str]]) -> None:
        self.edited.set_rows(
            [self.tr("Code"), self.tr("Name"), self.tr("What happened")],
            [list(r) for r in rows],
        )
        self.edited.show()


def open_import_history(window) -> ImportHistoryDialog:  # noqa: ANN001 - the MainWindow
    dialog = ImportHistoryDialog(window.tasks, window.events, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
