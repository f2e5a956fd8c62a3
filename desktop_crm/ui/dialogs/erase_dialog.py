"""Customer → Erase Personal Data…: says what goes and what stays, and asks the user to
type the customer's name or code before Erase can be pressed (it cannot be undone)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class EraseDialog(QDialog):
    """Confirmation of an erasure; `exec()` is Accepted only after the name or code was typed."""

    def __init__(self, name: str, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name, self._code = name, code
        self.setWindowTitle(self.tr("Erase Personal Data"))
        self.setMinimumWidth(520)
        heading = QLabel(
            self.tr("Erase everything held about %1 (%2)?").replace("%1", name).replace("%2", code)
        )
        heading.setObjectName("eraseHeading")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        removed = QLabel(
            self.tr(
                "Removed everywhere: the profile, contact persons, phones, emails, "
                "addresses, accounts, tags, relations, planned follow-ups, notes and the "
                "words of follow-ups, complaints and surveys, the values in the change "
                "history, merge and import records, the search index, and every mention of "
                "the name, phone numbers and email addresses in other records."
            )
        )
        kept = QLabel(
            self.tr(
                "Kept, anonymous: the orders with their shipments and payments (so totals "
                "and reports stay right), under “Erased customer”, and a record that the "
                "erasure took place (when, by whom, the customer code — not the name)."
            )
        )
        warning = QLabel(
            self.tr(
                "This cannot be undone. Backups made before still hold the data: delete "
                "them too if they must not."
            )
        )
        warning.setObjectName("eraseWarning")
        warning.setStyleSheet("color: #b00020;")
        for label in (removed, kept, warning):
            label.setWordWrap(True)
        prompt = QLabel(self.tr("To confirm, type the customer's name or code:"))
        self.confirmation = QLineEdit()
        self.confirmation.setObjectName("eraseConfirmation")
        self.confirmation.setPlaceholderText(code)
        self.confirmation.setAccessibleName(self.tr("Name or code of the customer to erase"))
        prompt.setBuddy(self.confirmation)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(
            self.tr("Erase"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.confirmation.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        for widget in (heading, removed, kept, warning, prompt, self.confirmation, self.buttons):
            layout.addWidget(widget)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)

    def _check(self, typed: str) -> None:
        typed = typed.strip()
        self.erase_button.setEnabled(
            typed in (self._name, self._code) or typed.upper() == self._code
        )
