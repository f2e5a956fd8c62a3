"""A read-only table of plain records (one customer's orders, payments, complaints …):
one model class driven by column specs, and a view set up the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MIN_STRETCH = 140  # pixels


@dataclass(frozen=True)
class Column:
    title: str  # source text, marked with QT_TRANSLATE_NOOP in the model's context
    text: Callable[[Any], str]
    numeric: bool = False  # right-aligned (amounts, scores)
    stretch: bool = False  # takes the spare width (descriptions, comments)


class RecordTableModel(QAbstractTableModel):
    """Rows are plain records; `record(row)` gives one back. Subclasses add roles by
    overriding `extra_data`."""

    def __init__(self, context: str, columns: Sequence[Column], parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.columns = list(columns)
        self.records: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Any | None:
        return self.records[row] if 0 <= row < len(self.records) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == _DISPLAY:
            return QCoreApplication.translate(self.context, self.columns[section].title)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].numeric:
            return int(_RIGHT)
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        record = self.record(index.row()) if index.isValid() else None
        if record is None:
            return None
        column = self.columns[index.column()]
        if role == _DISPLAY:
            return column.text(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(_RIGHT)
        return self.extra_data(record, index.column(), role)

    def extra_data(self, record: Any, column: int, role: int) -> Any:
        """Other roles (tooltips, colours, icons) for subclasses."""
        return None


class RecordTable(QTableView):
    """Whole rows selected one at a time, nothing edited in place."""

    def __init__(self, model: RecordTableModel, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        self._stretch = next((n for n, c in enumerate(model.columns) if c.stretch), None)
        for number in range(len(model.columns)):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if number == self._stretch:
                mode = QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(number, mode)
        if self._stretch is None:
            header.setStretchLastSection(True)
        header.sectionResized.connect(self._section_resized)

    # The text column takes the width the others leave, but never less than MIN_STRETCH:
    # in a narrow pane the table scrolls sideways rather than hide the text altogether.
    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        if section != self._stretch:
            self._fit_stretch_column()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_stretch_column()

    def _fit_stretch_column(self) -> None:
        if self._stretch is None:
            return
        header = self.horizontalHeader()
        others = sum(header.sectionSize(n) for n in range(header.count()) if n != self._stretch)
        width = max(self.viewport().width() - others, MIN_STRETCH)
        if header.sectionSize(self._stretch) != width:
            header.resizeSection(self._stretch, width)

    def record_model(self) -> RecordTableModel:
        model = self.model()
        assert isinstance(model, RecordTableModel)
        return model

    def current_record(self) -> Any | None:
        rows = self.selectionModel().selectedRows()
        return self.record_model().record(rows[0].row()) if rows else None

    def select_where(self, matches: Callable[[Any], bool]) -> bool:
        """Select the first row whose record matches; False (selection cleared) if none."""
        model = self.record_model()
        for row, record in enumerate(model.records):
            if matches(record):
                self.selectRow(row)
                return True
        self.clearSelection()
        return False
