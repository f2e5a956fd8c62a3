"""A customer's change log as a read-only table, newest first: when (local time), who
(and the replica, for a change made offline), which field (translated), old value, new
value."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_crm.domain.history import HistoryEntry
from desktop_crm.ui import labels

_CONTEXT = "HistoryTableModel"
WHEN, WHO, FIELD, OLD, NEW = range(5)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_HEADERS = (
    QT_TRANSLATE_NOOP("HistoryTableModel", "When"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Who"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Field"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Old value"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "New value"),
)
_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("HistoryTableModel", "Created"),
    "trash": QT_TRANSLATE_NOOP("HistoryTableModel", "Moved to the trash"),
    "restore": QT_TRANSLATE_NOOP("HistoryTableModel", "Restored from the trash"),
    "merge": QT_TRANSLATE_NOOP("HistoryTableModel", "Merged"),
    "unmerge": QT_TRANSLATE_NOOP("HistoryTableModel", "Unmerged"),
    "erase": QT_TRANSLATE_NOOP("HistoryTableModel", "Erased"),
}
# Fields whose stored codes have translated labels (history keeps the codes as text).
_CHOICE_FIELDS = {
    "kind": "kind",
    "gender": "gender",
    "status": "status",
    "stage": "stage",
    "source": "source",
    "relationship_level": "relationship_level",
}
_FOLLOWUP_FIELDS = {
    "status": QT_TRANSLATE_NOOP("HistoryTableModel", "Follow-up"),
    "channel": QT_TRANSLATE_NOOP("HistoryTableModel", "Follow-up channel"),
    "subject": QT_TRANSLATE_NOOP("HistoryTableModel", "Follow-up subject"),
    "due_at": QT_TRANSLATE_NOOP("HistoryTableModel", "Follow-up planned for"),
    "occurred_at": QT_TRANSLATE_NOOP("HistoryTableModel", "Contact made at"),
}
_FOLLOWUP_CHOICES = {"status": "followup_status", "channel": "channel"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def local_time_text(utc_naive) -> str:  # noqa: ANN001 - a naive UTC datetime
    """A stored UTC timestamp in the user's time zone and locale format."""
    aware = utc_naive.replace(tzinfo=UTC).astimezone()
    moment = QDateTime(aware.date(), aware.time().replace(microsecond=0))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def _value_text(entry: HistoryEntry, value: str | None) -> str:
    field = entry.field
    if value is None:
        return ""
    if value.endswith("Z") and value[:4].isdigit() and "T" in value:  # a stored UTC time
        try:
            return local_time_text(datetime.fromisoformat(value[:-1]))
        except ValueError:
            return value
    if field == "relations" and ": " in value:  # "spouse: C000012 张三"
        kind, rest = value.split(": ", 1)
        return f"{labels.choice_label('relation', kind)}: {rest}"
    choices = _FOLLOWUP_CHOICES if entry.entity == "followup" else _CHOICE_FIELDS
    kind = choices.get(field or "")
    if kind is None:
        return value
    return labels.choice_label(kind, int(value) if value.isdigit() else value)


class HistoryTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # noqa: N802, ANN201
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return _tr(_HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):  # noqa: ANN201
        if not index.isValid() or role not in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if column == WHEN:
            return local_time_text(entry.changed_at)
        if column == WHO:
            if entry.replica:  # made offline and synced: which laptop it came from
                return (
                    QCoreApplication.translate("HistoryTableModel", "%1 (from %2)")
                    .replace("%1", entry.changed_by or "?")
                    .replace("%2", entry.replica)
                )
            return entry.changed_by or ""
        if column == FIELD:
            title = self._field_title(entry)
            if entry.action in _ACTIONS:
                action = _tr(_ACTIONS[entry.action])
                return action if entry.field in (None, "code") else f"{action}: {title}"
            return title or entry.action
        value = entry.old_value if column == OLD else entry.new_value
        return _value_text(entry, value)

    @staticmethod
    def _field_title(entry: HistoryEntry) -> str:
        if not entry.field:
            return ""
        if entry.entity == "followup" and entry.field in _FOLLOWUP_FIELDS:
            return _tr(_FOLLOWUP_FIELDS[entry.field])
        return labels.column_title(entry.field)


class HistoryView(QTableView):
    """Read-only; rows are whole changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerHistory")
        self.setAccessibleName(QCoreApplication.translate("HistoryTableModel", "Change history"))
        self.history_model = HistoryTableModel(self)
        self.setModel(self.history_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        for column in (WHEN, WHO, FIELD):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (OLD, NEW):  # long values are elided; the tooltip has them whole
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.history_model.set_entries(entries)
