"""File → Print Letters: a mail-merge letter written from a template, one per customer.

The template is typed (or loaded by name) on the left, with buttons that insert each
placeholder at the cursor; the right shows the letter as the first customer will get it.
A placeholder the letters report does not know is named under the editor and printing
is refused until it is fixed, so a typing mistake never goes out in 500 letters.
Templates are saved by name with the data (domain/letter_templates.py); the paper and
orientation come from File → Page Setup. The letters are built off the UI thread.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.letter_templates import (
    delete_letter_template,
    letter_templates,
    save_letter_template,
)
from desktop_crm.errors import CrmError
from desktop_crm.reports import data, fonts, markup
from desktop_crm.reports.data import Recipient
from desktop_crm.reports.letters import (
    PLACEHOLDERS,
    build_letters,
    check_template,
    default_template,
    letter_html,
)
from desktop_crm.ui import printing
from desktop_crm.ui.dialogs.page_setup_dialog import PageChoice
from desktop_crm.ui.labels import choice_label
from desktop_crm.ui.mailings import MailingList, for_mailing_list
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.tasks import TaskRunner, show_error

log = logging.getLogger(__name__)
PREVIEW_DELAY_MS = 200


class LetterDialog(QDialog):
    """Write or pick a letter template, see it filled in, print or export the letters."""

    def __init__(
        self,
        target: MailingList,
        settings: UiSettings,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("letterDialog")
        self.setWindowTitle(self.tr("Print Letters"))
        self.target = target
        self._settings = settings
        self._tasks = tasks
        self._today = date.today()
        self._sender = data.company().name
        self._recipient = self._first_recipient()
        self._problem: CrmError | None = None

        who = QLabel(target.describe(), self)
        who.setObjectName("recipientsLabel")
        who.setWordWrap(True)

        self.templateName = QComboBox(self)
        self.templateName.setObjectName("templateName")
        self.templateName.setEditable(True)
        self.templateName.setMinimumContentsLength(18)
        self.templateName.lineEdit().setPlaceholderText(self.tr("Name to save the template as"))
        self.templateName.textActivated.connect(self.load_template)
        name_label = QLabel(self.tr("&Template:"), self)
        name_label.setBuddy(self.templateName)
        self.saveTemplate = QPushButton(self.tr("&Save Template"), self)
        self.saveTemplate.setObjectName("saveTemplate")
        self.saveTemplate.clicked.connect(self.save_template)
        self.deleteTemplate = QPushButton(self.tr("&Delete Template"), self)
        self.deleteTemplate.setObjectName("deleteTemplate")
        self.deleteTemplate.clicked.connect(self.delete_template)
        names = QHBoxLayout()
        names.addWidget(name_label)
        names.addWidget(self.templateName, 1)
        names.addWidget(self.saveTemplate)
        names.addWidget(self.deleteTemplate)

        self.letterTemplate = QPlainTextEdit(self)
        self.letterTemplate.setObjectName("letterTemplate")
        self.letterTemplate.setPlainText(default_template())
        self.letterTemplate.setTabChangesFocus(True)
        self.letterTemplate.textChanged.connect(self._template_changed)
        editor_label = QLabel(self.tr("Letter te&xt (a blank line starts a paragraph):"), self)
        editor_label.setBuddy(self.letterTemplate)
        self.templateProblem = QLabel(self)
        self.templateProblem.setObjectName("templateProblem")
        self.templateProblem.setWordWrap(True)
        self.templateProblem.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.templateProblem.hide()

        placeholders = QGroupBox(self.tr("Placeholders (click to insert at the cursor)"), self)
        placeholders.setObjectName("placeholders")
        grid = QGridLayout(placeholders)
        grid.setColumnStretch(1, 1)
        self.placeholder_buttons: dict[str, QPushButton] = {}
        for row, name in enumerate(PLACEHOLDERS):
            button = QPushButton(f"{{{name}}}", placeholders)
            button.setObjectName(f"placeholder_{name}")
            button.setToolTip(choice_label("letter_placeholder", name))
            button.clicked.connect(lambda _checked=False, n=name: self.insert_placeholder(n))
            grid.addWidget(button, row // 2, (row % 2) * 2)
            grid.addWidget(
                QLabel(choice_label("letter_placeholder", name), placeholders),
                row // 2,
                (row % 2) * 2 + 1,
            )
            self.placeholder_buttons[name] = button

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(editor_label)
        left_layout.addWidget(self.letterTemplate, 1)
        left_layout.addWidget(self.templateProblem)
        left_layout.addWidget(placeholders)

        self.letterPreview = QTextBrowser(self)
        self.letterPreview.setObjectName("letterPreview")
        self.letterPreview.setReadOnly(True)
        self.letterPreview.setOpenLinks(False)
        self.letterPreview.document().setDefaultStyleSheet(markup.style_sheet())
        self.letterPreview.document().setDefaultFont(fonts.report_font(10.5))
        self.letterPreview.document().setDocumentMargin(18)
        preview_title = QLabel(self._preview_title(), self)
        preview_title.setObjectName("previewTitle")
        preview_title.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(preview_title)
        right_layout.addWidget(self.letterPreview, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("letterSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 480])

        self.letterStatus = QLabel(self)
        self.letterStatus.setObjectName("letterStatus")
        self.buttons = QDialogButtonBox(self)
        self.previewLetters = self.buttons.addButton(
            self.tr("Print Pre&view…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.previewLetters.setObjectName("previewLetters")
        self.previewLetters.clicked.connect(self.print_preview)
        self.exportLetters = self.buttons.addButton(
            self.tr("Export as &PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.exportLetters.setObjectName("exportLetters")
        self.exportLetters.clicked.connect(self.export_pdf)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.letterStatus, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(names)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1080, 680)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._fill_names()
        self._template_changed()
        self.update_preview()
        self.letterTemplate.setFocus()

    # ------------------------------------------------------------------ the template

    def template(self) -> str:
        return self.letterTemplate.toPlainText()

    def insert_placeholder(self, name: str) -> None:
        self.letterTemplate.insertPlainText(f"{{{name}}}")
        self.letterTemplate.setFocus()

    def _template_changed(self) -> None:
        try:
            check_template(self.template())
        except CrmError as exc:
            self._problem = exc
            self.templateProblem.setText(self.tr("Cannot print: %1").replace("%1", exc.message))
            self.templateProblem.show()
        else:
            self._problem = None
            self.templateProblem.clear()
            self.templateProblem.hide()
        ok = self._problem is None and self.target.count > 0
        self.previewLetters.setEnabled(ok)
        self.exportLetters.setEnabled(ok)
        self.saveTemplate.setEnabled(self._problem is None)
        self._preview_timer.start()

    def _fill_names(self, current: str = "") -> None:
        self.templateName.blockSignals(True)
        self.templateName.clear()
        self.templateName.addItems(list(letter_templates()))
        self.templateName.setEditText(current)
        self.templateName.blockSignals(False)
        self.deleteTemplate.setEnabled(self.templateName.count() > 0)

    def load_template(self, name: str) -> None:
        """Put the saved template `name` in the editor."""
        text = letter_templates().get(name)
        if text is not None:
            self.letterTemplate.setPlainText(text)
            self.letterStatus.setText(self.tr("Template “%1” loaded.").replace("%1", name))

    def save_template(self) -> None:
        try:
            check_template(self.template())
            name = save_letter_template(self.templateName.currentText(), self.template())
        except CrmError as exc:
            show_error(self, exc)
            return
        self._fill_names(name)
        self.letterStatus.setText(self.tr("Template “%1” saved.").replace("%1", name))

    def delete_template(self) -> None:
        name = self.templateName.currentText().strip()
        if name and delete_letter_template(name):
            self._fill_names()
            self.letterStatus.setText(self.tr("Template “%1” deleted.").replace("%1", name))

    # ------------------------------------------------------------------ the preview

    def _first_recipient(self) -> Recipient | None:
        if self.target.first_id is None:
            return None
        found = data.recipients([self.target.first_id])  # one customer: a small read
        return found[0] if found else None

    def _preview_title(self) -> str:
        if self._recipient is None:
            return self.tr("Preview")
        return self.tr("Preview: the letter to %1").replace("%1", self._recipient.name)

    def update_preview(self) -> None:
        """Show the letter to the first customer, filled in (the last good text if broken)."""
        self._preview_timer.stop()
        if self._recipient is None:
            self.letterPreview.setPlainText(self.tr("There is no customer to write to."))
            return
        if self._problem is not None:
            return  # keep showing the last letter that could be printed
        html = letter_html(self._recipient, self.template(), self._sender, self._today)
        scroll = self.letterPreview.verticalScrollBar().value()
        self.letterPreview.setHtml(html)
        self.letterPreview.verticalScrollBar().setValue(scroll)

    # ------------------------------------------------------------------ printing

    def _build(self) -> printing.Build | None:
        """The letters' build (for `printing`), or None after saying what is wrong."""
        try:
            template = check_template(self.template())
        except CrmError as exc:
            show_error(self, exc)
            return None
        options = PageChoice.from_settings(self._settings).letter_options()
        return for_mailing_list(self.target, build_letters, template=template, **options)

    def print_preview(self) -> None:
        build = self._build()
        if build is not None:
            printing.print_preview(self, build, runner=self._tasks)

    def export_pdf(self) -> Path | None:
        build = self._build()
        if build is None:
            return None
        return printing.export_pdf(
            self, build, self.tr("Letters"), runner=self._tasks, done=self._written
        )

    def _written(self, path: Path) -> None:
        self.letterStatus.setText(self.tr("Letters written to %1").replace("%1", str(path)))


def print_letters(
    parent: QWidget, target: MailingList, tasks: TaskRunner, settings: UiSettings
) -> LetterDialog:
    """File → Print Letters: open the letter dialog for the selection or the current list."""
    dialog = LetterDialog(target, settings, tasks, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
