"""File → Export…: the current list, the selection or everything, to CSV, Excel, vCard or .ics.

The file is written in the background with a progress dialog and Cancel (a cancelled
export leaves no file); the status bar says how many were written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.search import CustomerQuery, customer_ids
from desktop_crm.exchange.exporter import export_customers
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskContext, TaskRunner, show_error

_ALL = 1 << 62  # no limit: every matching id
_SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "vcard": ".vcf", "ics": ".ics"}


class ExportDialog(QDialog):
    def __init__(
        self,
        query: CustomerQuery,
        selected_ids: list[int],
        tasks: TaskRunner,
        events: AppEvents,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Customers"))
        self._query = query
        self._selected = list(selected_ids)
        self._tasks = tasks
        self._events = events
        self.context: TaskContext | None = None

        self.scope = QButtonGroup(self)
        scope_box = QWidget(self)
        scope_layout = QVBoxLayout(scope_box)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        for code, text in (
            ("list", self.tr("The customers the &list shows now (search and filters)")),
            ("selection", self.tr("The &selected customers (%n)", "", len(self._selected))),
            ("all", self.tr("&Every customer")),
        ):
            button = QRadioButton(text, scope_box)
            button.setObjectName(f"exportScope_{code}")
            button.setProperty("scope", code)
            self.scope.addButton(button)
            scope_layout.addWidget(button)
        selection = self.findChild(QRadioButton, "exportScope_selection")
        selection.setEnabled(bool(self._selected))
        self.findChild(
            QRadioButton, "exportScope_selection" if self._selected else "exportScope_list"
        ).setChecked(True)

        self.format = QComboBox(self)
        self.format.setObjectName("exportFormatCombo")
        for code, text in (
            ("csv", self.tr("CSV, UTF-8 with BOM (Excel opens it)")),
            ("xlsx", self.tr("Excel workbook (.xlsx)")),
            ("vcard", self.tr("vCard 3.0 for phones and address books (.vcf)")),
            ("ics", self.tr("Planned follow-ups as a calendar (.ics)")),
        ):
            self.format.addItem(text, code)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path = QLineEdit(str(Path.home() / "customers.csv"), self)
        self.path.setObjectName("exportPathEdit")
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setObjectName("exportBrowseButton")
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        format_label = QLabel(self.tr("&Format:"), self)
        format_label.setBuddy(self.format)
        file_label = QLabel(self.tr("F&ile:"), self)
        file_label.setBuddy(self.path)
        form = QFormLayout(self)
        form.addRow(self.tr("Export:"), scope_box)
        form.addRow(format_label, self.format)
        form.addRow(file_label, path_row)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def scope_code(self) -> str:
        return str(self.scope.checkedButton().property("scope"))

    def _format_changed(self) -> None:
        path = Path(self.path.text().strip() or "customers")
        suffix = _SUFFIX[self.format.currentData()]
        if path.suffix.lower() != suffix:
            self.path.setText(str(path.with_suffix(suffix)))

    def browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to"),
            self.path.text(),
            self.tr(
                "CSV files (*.csv);;Excel workbooks (*.xlsx);;vCard files (*.vcf);;"
                "Calendar files (*.ics)"
            ),
        )
        if name:
            self.path.setText(name)

    def start(self) -> None:
        """Write the file in the background; the dialog closes, a progress dialog shows."""
        target = self.path.text().strip()
        if not target:
            self.path.setFocus()
            return
        file_format = self.format.currentData()
        scope = self.scope_code()
        query, selected = self._query, self._selected
        work = _export_work(target, file_format, scope, query, selected)
        parent = self.parentWidget()
        progress = QProgressDialog(
            self.tr("Exporting to %1…").replace("%1", Path(target).name),
            self.tr("Cancel"),
            0,
            0,
            parent,
        )
        progress.setObjectName("exportProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        events = self._events

        def report(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        def done(count: int) -> None:
            progress.close()
            events.statusMessage.emit(_done_text(file_format, count, target))

        def failed(exc: BaseException) -> None:
            cancelled = context.cancelled  # closing the progress dialog emits canceled()
            progress.close()
            if cancelled:
                events.statusMessage.emit(
                    QCoreApplication.translate(
                        "ExportDialog", "Export cancelled; no file was written."
                    )
                )
            else:
                show_error(parent, exc)

        context = self._tasks.run(work, done, on_error=failed, on_progress=report)
        progress.canceled.connect(context.cancel)
        self.context = context
        self.accept()


def _export_work(
    target: str, file_format: str, scope: str, query: CustomerQuery, selected: list[int]
) -> Callable[[TaskContext], int]:
    def work(context: TaskContext) -> int:
        ids: list[int] | None = None
        if scope == "selection":
            ids = selected
        elif scope == "list":
            ids = customer_ids(query, limit=_ALL)
        return export_customers(
            target,
            file_format=file_format,
            customer_ids=ids,
            include_trashed=scope == "list" and query.trashed,
            progress=context.report,
            cancelled=lambda: context.cancelled,
        )

    return work


def _done_text(file_format: str, count: int, target: str) -> str:
    if file_format == "ics":
        text = QCoreApplication.translate(
            "ExportDialog", "Exported %n planned follow-up(s) to %1", "", count
        )
    else:
        text = QCoreApplication.translate(
            "ExportDialog", "Exported %n customer(s) to %1", "", count
        )
    return text.replace("%1", target)


def open_export_dialog(window) -> ExportDialog:  # noqa: ANN001 - the MainWindow
    """File → Export…: what the list shows, the selection, or everything."""
    dialog = ExportDialog(
        window.list_pane.model.query,
        window.list_pane.selected_ids(),
        window.tasks,
        window.events,
        window,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
