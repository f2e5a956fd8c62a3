"""The tables of the Retention view: at-risk customers, and exits per reason."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from desktop_crm.domain import lifecycle
from desktop_crm.domain.lifecycle import ExitAnalysis, RetentionRow
from desktop_crm.ui import labels
from desktop_crm.ui.widgets.followup_display import local_text

_Index = QModelIndex | QPersistentModelIndex


class RetentionTableModel(QAbstractTableModel):
    """At-risk customers (plain `RetentionRow`s), sortable by any column."""

    # The name and the reasons first: the view often lives in a narrow dock.
    (
        COL_CODE,
        COL_NAME,
        COL_REASONS,
        COL_SINCE,
        COL_INTERVAL,
        COL_LAST,
        COL_NEXT,
        COL_GRADE,
        COL_OWNER,
    ) = range(9)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RetentionRow] = []
        self._owner_names: dict[str, str] = {}

    def set_rows(self, rows: list[RetentionRow], owner_names: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._owner_names = dict(owner_names)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else 9

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Why at risk"),
            self.tr("Days since"),
            self.tr("Usual interval"),
            self.tr("Last purchase"),
            self.tr("Next follow-up"),
            self.tr("Grade"),
            self.tr("Owner"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def _text(self, row: RetentionRow, column: int) -> str:
        if column == self.COL_CODE:
            return row.code
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_GRADE:
            return row.grade or ""
        if column == self.COL_LAST:
            return row.last_purchase.isoformat() if row.last_purchase else self.tr("never")
        if column == self.COL_INTERVAL:
            if row.interval_days is None:
                return ""
            return self.tr("%n day(s)", "", round(row.interval_days))
        if column == self.COL_SINCE:
            return "" if row.days_since_last is None else str(row.days_since_last)
        if column == self.COL_REASONS:
            return row.reason_text
        if column == self.COL_NEXT:
            return local_text(row.next_followup_at)[:10]
        if column == self.COL_OWNER:
            return self._owner_names.get(row.owner or "", row.owner or "")
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_REASONS:
            return "\n".join(
                f"{labels.choice_label('churn_reason', r.code)}: {r.text}" for r in row.reasons
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_SINCE,
            self.COL_INTERVAL,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.customer_id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        keys = {
            self.COL_GRADE: lambda r: lifecycle.GRADE_ORDER.get(r.grade, 3),
            self.COL_LAST: lambda r: r.last_purchase or date.min,
            self.COL_INTERVAL: lambda r: r.interval_days or 0,
            self.COL_SINCE: lambda r: r.days_since_last or 0,
            self.COL_REASONS: lambda r: len(r.reasons),
            self.COL_NEXT: lambda r: (r.next_followup_at is not None, r.next_followup_at or 0),
        }
        key = keys.get(column, lambda r: self._text(r, column))
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def customer_id(self, row: int) -> int | None:
        return self.rows[row].customer_id if 0 <= row < len(self.rows) else None


class ExitReasonModel(QAbstractTableModel):
    """Exits per reason: reason, count, share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis: ExitAnalysis | None = None

    def set_analysis(self, analysis: ExitAnalysis) -> None:
        self.beginResetModel()
        self.analysis = analysis
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() or self.analysis is None else len(self.analysis.reasons)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else 3

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Reason"), self.tr("Customers"), self.tr("Share"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.analysis is None or not index.isValid():
            return None
        if not 0 <= index.row() < len(self.analysis.reasons):
            return None
        reason = self.analysis.reasons[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (reason.label, str(reason.count), f"{reason.share:.0%}")[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
