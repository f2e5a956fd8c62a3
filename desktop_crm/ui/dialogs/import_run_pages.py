"""The import wizard's last pages: the import itself (progress, Cancel), then what it did.

The import is one transaction in a background task: Cancel (or closing the wizard)
stops it between rows and its transaction is rolled back, so nothing of it remains.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from desktop_crm.exchange.importer import ImportCancelled, ImportSummary, import_customers
from desktop_crm.ui.tasks import TaskContext

if TYPE_CHECKING:
    from desktop_crm.ui.dialogs.import_wizard import ImportWizard


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importRunPage")
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("The import is one step: if you cancel, nothing of it is kept."))
        self._wizard = wizard
        self._context: TaskContext | None = None
        self._running = False
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.status = QLabel(self)
        self.status.setObjectName("importRunStatus")
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("&Cancel Import"), self)
        self.cancel_button.setObjectName("importCancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)

    @property
    def running(self) -> bool:
        return self._running

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard = self._wizard
        sample = wizard.sample
        assert sample is not None
        wizard.summary, wizard.failure = None, ""
        total = max(sample.row_count, 1)
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.status.setText(self.tr("Importing %n row(s)…", "", sample.row_count))
        self.cancel_button.setEnabled(True)
        self._running = True
        options = wizard.import_options()
        path, on_duplicate, strict = sample.path, wizard.on_duplicate, wizard.strict
        changed_by = wizard.changed_by

        def work(context: TaskContext) -> ImportSummary:
            return import_customers(
                path,
                on_duplicate=on_duplicate,
                strict=strict,
                changed_by=changed_by,
                progress=lambda done: context.report(done, total),
                cancelled=lambda: context.cancelled,
                **options,
            )

        self._context = wizard.tasks.run(
            work,
            self._done,
            on_error=self._failed,
            on_progress=lambda done, _total: self.progress.setValue(done),
            receiver=self,
        )
        self.completeChanged.emit()

    def cancel(self) -> None:
        if self._running and self._context is not None:
            self._context.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _done(self, summary: ImportSummary) -> None:
        self._running = False
        self._wizard.summary = summary
        if not summary.rolled_back:
            self._wizard.events.customersChanged.emit()
            self._wizard.events.statusMessage.emit(
                self.tr("Imported %1: %2 new, %3 updated, %4 merged")
                .replace("%1", self._wizard.sample.name if self._wizard.sample else "")
                .replace("%2", str(summary.created))
                .replace("%3", str(summary.updated))
                .replace("%4", str(summary.merged))
            )
        self._finish()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        if isinstance(exc, ImportCancelled):
            self._wizard.failure = self.tr("The import was cancelled; nothing was imported.")
        else:
            reason = getattr(exc, "message", None) or str(exc)
            self._wizard.failure = self.tr(
                "The import failed and nothing of it was kept: %1"
            ).replace("%1", reason)
        self._finish()

    def _finish(self) -> None:
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()
        if self._wizard.currentPage() is self:
            QTimer.singleShot(0, self._wizard.next)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self._running

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return self._wizard.SUMMARY_PAGE


class SummaryPage(QWizardPage):
    _COUNTS = ("created", "updated", "unchanged", "merged", "skipped", "rejected")

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importSummaryPage")
        self.setTitle(self.tr("Import finished"))
        self._wizard = wizard
        self.message = QLabel(self)
        self.message.setObjectName("importSummaryMessage")
        self.message.setWordWrap(True)
        titles = {
            "created": self.tr("New customers:"),
            "updated": self.tr("Existing customers updated:"),
            "unchanged": self.tr("Rows with nothing new:"),
            "merged": self.tr("Merged into existing customers:"),
            "skipped": self.tr("Skipped (matching existing customers):"),
            "rejected": self.tr("Bad rows, not imported:"),
        }
        self.counts: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in self._COUNTS:
            label = QLabel(self)
            label.setObjectName(f"importSummary_{name}")
            self.counts[name] = label
            form.addRow(titles[name], label)
        self.undo_note = QLabel(
            self.tr("You can undo this import as a whole under Tools → Import History."), self
        )
        self.undo_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.undo_note)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        summary, failure = self._wizard.summary, self._wizard.failure
        kept = summary is not None and not summary.rolled_back
        if summary is not None and summary.rolled_back:
            failure = self.tr(
                "Nothing was imported: %n row(s) were bad (see the check step).",
                "",
                summary.rejected,
            )
        self.message.setText(failure or self.tr("The customers are in the list now."))
        for name, label in self.counts.items():
            label.setText(str(getattr(summary, name)) if kept else "0")
        self.undo_note.setVisible(kept)
