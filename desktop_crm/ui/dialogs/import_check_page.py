"""The import wizard's check page: a dry run of the whole file, in the background.

Every row goes through the same checks and matching as the real import, whose
transaction is then rolled back: the page lists each bad row by line with the column
and the reason, the rows that match existing customers, and asks what to do with
duplicates and whether to import the good rows when some are bad.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_crm.exchange.importer import ImportSummary, import_customers
from desktop_crm.ui.tasks import TaskContext
from desktop_crm.ui.widgets.text_table import TextTable

if TYPE_CHECKING:
    from desktop_crm.ui.dialogs.import_wizard import ImportWizard


class CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importCheckPage")
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(
            self.tr("Every row is checked as it would be imported; nothing is written yet.")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self._wizard = wizard
        self._context: TaskContext | None = None
        self._running = False
        self._error = ""

        self.progress = QProgressBar(self)
        self.progress.setObjectName("importCheckProgress")
        self.status = QLabel(self)
        self.status.setObjectName("importCheckSummary")
        self.status.setWordWrap(True)
        self.problems = TextTable("importProblemsTable", self)
        self.duplicates = TextTable("importDuplicatesTable", self)
        problems_box = self._titled(self.tr("&Rows with problems:"), self.problems)
        duplicates_box = self._titled(
            self.tr("Rows matching &existing customers:"), self.duplicates
        )
        tables = QSplitter(Qt.Orientation.Vertical, self)
        tables.addWidget(problems_box)
        tables.addWidget(duplicates_box)

        self.duplicate_box = QGroupBox(self.tr("Rows matching an existing customer"), self)
        self.duplicate_group = QButtonGroup(self)
        duplicate_row = QHBoxLayout(self.duplicate_box)
        for code, text in (
            ("skip", self.tr("&Skip them")),
            ("merge", self.tr("&Merge into the existing customer")),
            ("create", self.tr("Create &new customers anyway")),
        ):
            button = QRadioButton(text, self.duplicate_box)
            button.setObjectName(f"onDuplicate_{code}")
            button.setChecked(code == "skip")
            button.toggled.connect(lambda on, c=code: on and self._choose_duplicates(c))
            self.duplicate_group.addButton(button)
            duplicate_row.addWidget(button)
        duplicate_row.addStretch(1)

        self.bad_box = QGroupBox(self.tr("When some rows are bad"), self)
        bad_row = QHBoxLayout(self.bad_box)
        self.good_rows = QRadioButton(self.tr("Import the &good rows"), self.bad_box)
        self.good_rows.setObjectName("importGoodRows")
        self.good_rows.setChecked(True)
        self.nothing = QRadioButton(self.tr("Import &nothing while any row is bad"), self.bad_box)
        self.nothing.setObjectName("importNothingIfBad")
        self.nothing.toggled.connect(self._choose_strict)
        bad_row.addWidget(self.good_rows)
        bad_row.addWidget(self.nothing)
        bad_row.addStretch(1)

        self.note = QLabel(self)
        self.note.setObjectName("importCheckNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b3261e;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(tables, 1)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.bad_box)
        layout.addWidget(self.note)

    def _titled(self, title: str, table: TextTable) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title, box)
        label.setBuddy(table)
        layout.addWidget(label)
        layout.addWidget(table)
        return box

    # ------------------------------------------------------------------ dry run

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard = self._wizard
        sample = wizard.sample
        assert sample is not None
        wizard.checked = None
        self._error = ""
        self._running = True
        self.problems.set_rows([], [])
        self.duplicates.set_rows([], [])
        self.progress.setRange(0, max(sample.row_count, 1))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Checking %n row(s)…", "", sample.row_count))
        self.note.clear()
        options = wizard.import_options()
        path = sample.path

        def work(context: TaskContext) -> ImportSummary:
            return import_customers(
                path,
                dry_run=True,
                keep_plans=True,
                on_duplicate="skip",
                progress=lambda done: context.report(done, sample.row_count),
                cancelled=lambda: context.cancelled,
                **options,
            )

        self._context = wizard.tasks.run(
            work,
            self._checked,
            on_error=self._failed,
            on_progress=lambda done, _total: self.progress.setValue(done),
            key="import-check",
            receiver=self,
        )
        self._update_choices()
        self.completeChanged.emit()

    def cancel(self) -> None:
        if self._context is not None:
            self._context.cancel()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override: Back was pressed
        self.cancel()
        self._running = False
        super().cleanupPage()

    def _checked(self, summary: ImportSummary) -> None:
        self._running = False
        self._wizard.checked = summary
        self.progress.hide()
        duplicates = [p for p in summary.plans if p.action == "skip"]
        self.status.setText(
            self.tr(
                "%1 row(s) read: %2 new, %3 update existing customers, %4 unchanged, "
                "%5 match existing customers, %6 bad."
            )
            .replace("%1", str(summary.rows))
            .replace("%2", str(summary.created))
            .replace("%3", str(summary.updated))
            .replace("%4", str(summary.unchanged))
            .replace("%5", str(len(duplicates)))
            .replace("%6", str(summary.rejected))
        )
        rejected, warned = self.tr("Not imported"), self.tr("Imported without this value")
        kept = self.tr("Imported, kept as typed")
        problems = sorted(
            [(p.line, rejected, p.where, p.reason) for p in summary.problems]
            + [(p.line, kept if p.kept else warned, p.where, p.reason) for p in summary.warnings],
            key=lambda row: row[0],
        )
        self.problems.set_rows(
            [self.tr("Line"), self.tr("Result"), self.tr("Column"), self.tr("Reason")],
            [[str(line), *rest] for line, *rest in problems],
        )
        self.duplicates.set_rows(
            [self.tr("Line"), self.tr("Name in the file"), self.tr("Existing"), self.tr("Why")],
            [[str(p.line), p.name, p.code or "", p.detail] for p in duplicates],
        )
        self._update_choices()
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.progress.hide()
        self._error = getattr(exc, "message", None) or str(exc)
        self.status.setText(self.tr("The file cannot be imported: %1").replace("%1", self._error))
        self._update_choices()
        self.completeChanged.emit()

    # ------------------------------------------------------------------ choices

    def _choose_duplicates(self, code: str) -> None:
        self._wizard.on_duplicate = code

    def _choose_strict(self, strict: bool) -> None:
        self._wizard.strict = strict
        self._update_choices()
        self.completeChanged.emit()

    def _update_choices(self) -> None:
        checked = self._wizard.checked
        has_duplicates = checked is not None and any(p.action == "skip" for p in checked.plans)
        has_bad = checked is not None and checked.rejected > 0
        self.duplicate_box.setEnabled(has_duplicates)
        self.bad_box.setEnabled(has_bad)
        if has_bad and self._wizard.strict:
            self.note.setText(
                self.tr(
                    "Nothing will be imported while %n row(s) are bad: correct them in the "
                    "file and choose it again, or import the good rows.",
                    "",
                    checked.rejected,
                )
            )
        else:
            self.note.clear()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        checked = self._wizard.checked
        if self._running or self._error or checked is None:
            return False
        return not (self._wizard.strict and checked.rejected)
