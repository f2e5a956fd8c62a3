"""Small form building blocks: a line edit that never submits, a choice combo box, and
a field slot that shows a validation reason under its editor."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

# Shown on the editor of a field whose value was refused (the pane sets the style sheet).
ERROR_PROPERTY = "fieldError"
ERROR_STYLE = (
    f'*[{ERROR_PROPERTY}="true"] {{ border: 1px solid #d32f2f; border-radius: 2px; }}\n'
    "QLabel#fieldErrorLabel { color: #d32f2f; }\n"
)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Highlight (or stop highlighting) an editor whose value was refused."""
    if bool(widget.property(ERROR_PROPERTY)) == invalid:
        return
    widget.setProperty(ERROR_PROPERTY, invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class NoSubmitLineEdit(QLineEdit):
    """A line edit whose Enter key stays here: it never presses a dialog's default button."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class ChoiceCombo(QComboBox):
    """A combo box of (code, label) pairs; `value()` is the code, None for the blank item."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # One width for all choice boxes of a form, so their edges line up.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 22))

    def set_choices(
        self, choices: Iterable[tuple[object, str]], *, blank: str | None = None
    ) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        if blank is not None:
            self.addItem(blank, None)
        for code, label in choices:
            self.addItem(label, code)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> object:
        return self.currentData() if self.currentIndex() >= 0 else None

    def set_value(self, value: object) -> None:
        """Select `value`; an unknown code is added so nothing is lost on save."""
        index = next((i for i in range(self.count()) if self.itemData(i) == value), -1)
        if index < 0 and value is not None:
            self.addItem(str(value), value)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class FieldSlot(QWidget):
    """An editor with a red reason under it after a failed save; editing clears it."""

    def __init__(
        self,
        editor: QWidget,
        changed: SignalInstance | Iterable[SignalInstance] | None = None,
        *,
        highlight: Iterable[QWidget] | Callable[[str], list[QWidget]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`highlight`: the widgets to outline in red, or a function of the reason giving them."""
        super().__init__(parent)
        self.editor = editor
        self._highlight = (
            highlight
            if callable(highlight)
            else (list(highlight) if highlight is not None else [editor])
        )
        self._marked: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        # Choices keep their natural width; text inputs take the whole row.
        if isinstance(editor, QComboBox):
            layout.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            layout.addWidget(editor)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        signals = [changed] if isinstance(changed, SignalInstance) else list(changed or ())
        for signal in signals:
            signal.connect(self.clear_error)

    def set_error(self, reason: str) -> None:
        self.error_label.setText(reason)
        self.error_label.setAccessibleName(reason)
        self.error_label.show()
        for widget in self._marked:
            mark_invalid(widget, False)
        self._marked = self._highlight(reason) if callable(self._highlight) else self._highlight
        for widget in self._marked:
            mark_invalid(widget, True)
            widget.setAccessibleDescription(reason)

    def clear_error(self) -> None:
        if self.error_label.isHidden():
            return
        self.error_label.clear()
        self.error_label.hide()
        for widget in self._marked:
            mark_invalid(widget, False)
            widget.setAccessibleDescription("")
        self._marked = []

    def error(self) -> str | None:
        return None if self.error_label.isHidden() else self.error_label.text()
