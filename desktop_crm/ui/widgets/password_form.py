"""The parts every dialog that asks for a password is made of: hidden-text fields, a
form whose labels focus their field, a problem line in red, and OK/Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

PROBLEM_STYLE = "color: #b3261e; font-weight: 600;"


def password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def form_of(rows: list[tuple[str, QWidget]]) -> QFormLayout:
    """A form of (label, field) rows; each label's mnemonic focuses its field."""
    form = QFormLayout()
    for label, widget in rows:
        form.addRow(label, widget)
        form.labelForField(widget).setBuddy(widget)
    return form


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> tuple[QDialogButtonBox, QPushButton]:
    """OK and Cancel wired to the dialog's accept and reject; OK renamed if asked."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok_text:
        ok.setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


class ProblemLabel(QLabel):
    """Why the dialog cannot close yet, above its fields; hidden while there is none."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(PROBLEM_STYLE)
        self.hide()

    def say(self, message: str | None, edit: QLineEdit | None = None) -> None:
        """Show `message` (None hides the line); `edit`, if given, is selected for retyping."""
        self.setText(message or "")
        self.setVisible(bool(message))
        if message and self.window().isVisible():
            self.window().adjustSize()  # room for the message, the text above stays whole
        if edit is not None:
            edit.selectAll()
            edit.setFocus()
