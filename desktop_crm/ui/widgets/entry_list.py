"""An editable list of small records (phones, emails, IM handles, addresses): one row of
inputs per entry, rows added and removed in place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.ui.widgets.form_fields import ChoiceCombo, NoSubmitLineEdit


@dataclass(frozen=True)
class EntryColumn:
    """One input of a row: free text, or a choice among (code, label) pairs."""

    key: str
    title: str  # placeholder and accessible name
    choices: Sequence[tuple[object, str]] | None = None
    default: object = None  # the choice a new row starts with
    line: int = 0  # which line of the row (addresses use two)
    stretch: int = 1  # share of the line's width (text inputs; choices keep their width)


@dataclass
class _Row:
    widget: QWidget
    inputs: dict[str, NoSubmitLineEdit | ChoiceCombo]
    remove: QToolButton
    extra: dict[str, Any] = field(default_factory=dict)  # kept values the row does not show

    def focus_widgets(self) -> list[QWidget]:
        return [*self.inputs.values(), self.remove]


class EntryListEditor(QWidget):
    """Rows of inputs; `entries()` gives one dict per row that has any text in it."""

    changed = Signal()

    def __init__(
        self,
        columns: Sequence[EntryColumn],
        *,
        item_name: str,
        add_text: str,
        remove_text: str,
        keep: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._item_name = item_name
        self._remove_text = remove_text
        self._keep = tuple(keep)
        self._rows: list[_Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self._rows_box.setSpacing(4)
        layout.addLayout(self._rows_box)
        bar = QHBoxLayout()
        self.add_button = QPushButton(add_text, self)
        self.add_button.setAutoDefault(False)
        self.add_button.setAccessibleName(add_text)
        self.add_button.clicked.connect(self._add_clicked)
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        layout.addLayout(bar)

    # ---------------------------------------------------------------- values
    def set_entries(self, entries: Sequence[Any]) -> None:
        """Show these entries (dataclasses or dicts), replacing the rows; emits nothing."""
        self.blockSignals(True)
        while self._rows:
            self._drop_row(self._rows[-1])
        for entry in entries:
            values = entry if isinstance(entry, dict) else vars(entry)
            self._append_row(values)
        self.blockSignals(False)

    def entries(self) -> list[dict[str, Any]]:
        result = []
        for row in self._rows:
            values: dict[str, Any] = {}
            for key, widget in row.inputs.items():
                values[key] = widget.value() if isinstance(widget, ChoiceCombo) else widget.text()
            texts = [v for k, v in values.items() if not isinstance(row.inputs[k], ChoiceCombo)]
            if any(str(t).strip() for t in texts) or any(row.extra.values()):
                result.append({**values, **row.extra})
        return result

    def row_count(self) -> int:
        return len(self._rows)

    def row_inputs(self, index: int) -> dict[str, NoSubmitLineEdit | ChoiceCombo]:
        return self._rows[index].inputs

    def input_widgets(self) -> list[QWidget]:
        return [w for row in self._rows for w in row.inputs.values()]

    def inputs_named_in(self, reason: str) -> list[QWidget]:
        """The text inputs whose value the reason quotes (“12345” is not …); else all."""
        texts = [w for w in self.input_widgets() if isinstance(w, NoSubmitLineEdit)]
        quoted = [w for w in texts if w.text().strip() and f"“{w.text().strip()}”" in reason]
        return quoted or texts

    def add_row(self, values: dict[str, Any] | None = None) -> dict[str, Any]:
        """Add a row (empty unless `values`), focus its first input; returns its inputs."""
        row = self._append_row(values or {})
        first = next(iter(row.inputs.values()))
        first.setFocus()
        self.changed.emit()
        return row.inputs

    # -------------------------------------------------------------- internals
    def _add_clicked(self) -> None:
        self.add_row()

    def _append_row(self, values: dict[str, Any]) -> _Row:
        widget = QWidget(self)
        box = QVBoxLayout(widget)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        lines: dict[int, QHBoxLayout] = {}
        inputs: dict[str, NoSubmitLineEdit | ChoiceCombo] = {}
        for column in self._columns:
            editor: NoSubmitLineEdit | ChoiceCombo
            if column.choices is not None:
                editor = ChoiceCombo(column.title, widget)
                editor.set_choices(column.choices)
                editor.set_value(values.get(column.key) or column.default)
                editor.currentIndexChanged.connect(self.changed)
            else:
                editor = NoSubmitLineEdit(widget)
                editor.setPlaceholderText(column.title)
                editor.setText(str(values.get(column.key) or ""))
                editor.textChanged.connect(self.changed)
            if column.line not in lines:
                lines[column.line] = QHBoxLayout()
                lines[column.line].setSpacing(4)
                box.addLayout(lines[column.line])
            stretch = 0 if column.choices is not None else column.stretch
            lines[column.line].addWidget(editor, stretch)
            inputs[column.key] = editor
        remove = QToolButton(widget)
        remove.setText("✕")
        remove.setToolTip(self._remove_text)
        lines[min(lines)].addWidget(remove)
        row = _Row(widget, inputs, remove, {k: values.get(k) for k in self._keep})
        remove.clicked.connect(lambda: self._remove_clicked(row))
        self._rows_box.addWidget(widget)
        # New rows come before the Add button in the Tab order, not at the end of the window.
        anchor = self.add_button.previousInFocusChain()
        for focusable in row.focus_widgets():
            QWidget.setTabOrder(anchor, focusable)
            anchor = focusable
        QWidget.setTabOrder(anchor, self.add_button)
        self._rows.append(row)
        self._name_row(row, len(self._rows))
        return row

    def _name_row(self, row: _Row, number: int) -> None:
        """Accessible names that say which entry an input belongs to: "Phone 2: Kind"."""
        item = f"{self._item_name} {number}"
        for column in self._columns:
            title = item if column.title == self._item_name else f"{item}: {column.title}"
            row.inputs[column.key].setAccessibleName(title)
        row.remove.setAccessibleName(f"{self._remove_text}: {item}")

    def _remove_clicked(self, row: _Row) -> None:
        index = self._rows.index(row)
        self._drop_row(row)
        for number, other in enumerate(self._rows, start=1):
            self._name_row(other, number)
        if self._rows:
            next(iter(self._rows[min(index, len(self._rows) - 1)].inputs.values())).setFocus()
        else:
            self.add_button.setFocus()
        self.changed.emit()

    def _drop_row(self, row: _Row) -> None:
        self._rows.remove(row)
        row.widget.hide()
        row.widget.setParent(None)
        row.widget.deleteLater()
