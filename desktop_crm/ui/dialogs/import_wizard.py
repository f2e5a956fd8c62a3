"""File → Import…: customers from a CSV, Excel or vCard file, checked before anything is kept.

Pages: choose the file (its format found, a sheet of a workbook chosen) → match its
columns to fields with a live preview (CSV and Excel) → check every row (a dry run in
the background: bad rows by line, duplicates, what to do with them) → import (one
transaction, with progress and Cancel) → what was done. The file is read and imported
off the UI thread; nothing is written before the import page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_crm.exchange.import_preview import FileSample, inspect_file
from desktop_crm.exchange.importer import ImportSummary
from desktop_crm.exchange.mapping import ColumnMapping, remembered_mapping
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskContext, TaskRunner

ERROR_STYLE = "color: #b3261e;"


class ImportWizard(QWizard):
    FILE_PAGE, MAPPING_PAGE, CHECK_PAGE, RUN_PAGE, SUMMARY_PAGE = range(5)

    def __init__(
        self,
        tasks: TaskRunner,
        events: AppEvents,
        parent: QWidget | None = None,
        *,
        changed_by: str | None = None,
    ) -> None:
        from desktop_crm.ui.dialogs.import_check_page import CheckPage
        from desktop_crm.ui.dialogs.import_mapping_page import MappingPage
        from desktop_crm.ui.dialogs.import_run_pages import RunPage, SummaryPage

        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import Customers"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.tasks = tasks
        self.events = events
        self.changed_by = changed_by
        self.sample: FileSample | None = None
        self.mapping: ColumnMapping | None = None
        self.mapping_remembered = False
        self.on_duplicate = "skip"
        self.strict = False
        self.checked: ImportSummary | None = None  # the dry run
        self.summary: ImportSummary | None = None  # the import
        self.failure = ""  # why the import kept nothing (cancelled, failed)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.run_page = RunPage(self)
        self.summary_page = SummaryPage(self)
        self.setPage(self.FILE_PAGE, self.file_page)
        self.setPage(self.MAPPING_PAGE, self.mapping_page)
        self.setPage(self.CHECK_PAGE, self.check_page)
        self.setPage(self.RUN_PAGE, self.run_page)
        self.setPage(self.SUMMARY_PAGE, self.summary_page)
        self.resize(1040, 720)

    def import_options(self) -> dict:
        """What `import_customers` needs for the chosen file and mapping."""
        sample = self.sample
        assert sample is not None
        if sample.file_format == "vcard":
            return {"file_format": "vcard"}
        return {
            "file_format": "xlsx" if sample.file_format == "xlsx" else None,
            "sheet": sample.sheet if sample.file_format == "xlsx" else None,
            "mapping": self.mapping,
        }

    def reject(self) -> None:
        self.run_page.cancel()  # an import still running keeps nothing
        self.check_page.cancel()
        super().reject()


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importFilePage")
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "CSV (also Google Contacts and Outlook exports), Excel .xlsx or vCard .vcf. "
                "Nothing is imported until the last step."
            )
        )
        self._wizard = wizard
        self._loading = False
        self._context: TaskContext | None = None
        self.path = QLineEdit(self)
        self.path.setObjectName("importPathEdit")
        self.path.setPlaceholderText(self.tr("Path of the file to import"))
        self.path.editingFinished.connect(self._path_entered)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setObjectName("importBrowseButton")
        browse.clicked.connect(self.browse)
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("importSheetCombo")
        self.sheet.activated.connect(
            lambda _i: self.load(self.path.text(), self.sheet.currentText())
        )
        self.sheet_label = QLabel(self.tr("&Sheet:"), self)
        self.sheet_label.setBuddy(self.sheet)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("importFileBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.info = QLabel(self)
        self.info.setObjectName("importFileInfo")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel(self)
        self.error.setObjectName("importFileMessage")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(file_label, row)
        form.addRow(self.sheet_label, self.sheet)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._show_sheets([])

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import customers from"),
            self.path.text() or str(Path.home()),
            self.tr(
                "Customer files (*.csv *.txt *.tsv *.xlsx *.vcf *.vcard);;"
                "CSV files (*.csv *.txt *.tsv);;Excel workbooks (*.xlsx);;vCard files (*.vcf "
                "*.vcard);;All files (*)"
            ),
        )
        if name:
            self.path.setText(name)
            self.load(name)

    def _path_entered(self) -> None:
        text = self.path.text().strip()
        sample = self._wizard.sample
        if text and (sample is None or sample.path != text):
            self.load(text)

    def load(self, path: str, sheet: str | None = None) -> None:
        """Read the file in the background; the page completes when it can be imported."""
        if self._context is not None:
            self._context.cancel()
        self._wizard.sample = None
        self._loading = True
        self.busy.show()
        self.error.clear()
        self.info.setText(self.tr("Reading %1…").replace("%1", Path(path).name))
        self.completeChanged.emit()

        def work(context: TaskContext) -> tuple[FileSample, ColumnMapping | None, bool]:
            sample = inspect_file(path, sheet=sheet, cancelled=lambda: context.cancelled)
            if sample.file_format == "vcard":
                return sample, None, False
            remembered = remembered_mapping(sample.headers)
            mapping = remembered or ColumnMapping.from_headers(sample.headers, sample.preset)
            return sample, mapping, remembered is not None

        self._context = self._wizard.tasks.run(
            work, self._loaded, on_error=self._failed, key="import-inspect", receiver=self
        )

    def _loaded(self, result: tuple[FileSample, ColumnMapping | None, bool]) -> None:
        sample, mapping, remembered = result
        self._loading = False
        self.busy.hide()
        self._wizard.sample, self._wizard.mapping = sample, mapping
        self._wizard.mapping_remembered = remembered
        self._show_sheets(sample.sheets, sample.sheet)
        self.info.setText(self.describe(sample))
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.busy.hide()
        self._wizard.sample = None
        self.info.clear()
        self._show_sheets([])
        message = getattr(exc, "message", None) or str(exc)
        self.error.setText(self.tr("This file cannot be imported: %1").replace("%1", message))
        self.completeChanged.emit()

    def _show_sheets(self, sheets: list[str], current: str = "") -> None:
        self.sheet.clear()
        self.sheet.addItems(sheets)
        self.sheet.setCurrentText(current)
        shown = len(sheets) > 1
        self.sheet.setVisible(shown)
        self.sheet_label.setVisible(shown)

    def describe(self, sample: FileSample) -> str:
        if sample.file_format == "vcard":
            what = self.tr("vCard file (%1), %n contact(s).", "", sample.row_count)
            return what.replace("%1", sample.encoding)
        if sample.file_format == "xlsx":
            what = self.tr("Excel workbook, sheet “%1”, %n row(s).", "", sample.row_count)
            what = what.replace("%1", sample.sheet)
        else:
            separator = {
                ",": self.tr("comma-separated"),
                ";": self.tr("semicolon-separated"),
                "\t": self.tr("tab-separated"),
            }.get(sample.delimiter, sample.delimiter)
            what = self.tr("CSV file (%1, %2), %n row(s).", "", sample.row_count)
            what = what.replace("%1", sample.encoding).replace("%2", separator)
        preset = {
            "google": self.tr("It is a Google Contacts export."),
            "outlook": self.tr("It is an Outlook export."),
        }.get(sample.preset, "")
        return f"{what} {preset}".strip()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self._loading and self._wizard.sample is not None

    def nextId(self) -> int:  # noqa: N802 - Qt override
        sample = self._wizard.sample
        if sample is not None and sample.file_format == "vcard":
            return ImportWizard.CHECK_PAGE
        return ImportWizard.MAPPING_PAGE


def open_import_wizard(window) -> ImportWizard:  # noqa: ANN001 - the MainWindow
    """File → Import…: the wizard, modeless over the main window."""
    wizard = ImportWizard(window.tasks, window.events, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
