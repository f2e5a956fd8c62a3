"""The global due lists: Overdue / Today / This week / Upcoming, filterable by owner.

The counts and the rows are read on a worker thread (`TaskRunner`), so a large database
never freezes the window; a newer read supersedes an older one still running.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import followups
from desktop_crm.domain.followups import FollowUpItem
from desktop_crm.ui import labels
from desktop_crm.ui.tasks import TaskContext, TaskRunner
from desktop_crm.ui.widgets.followup_display import (
    channel_icon,
    local_text,
    report_error,
)
from desktop_crm.ui.widgets.owner_combo import OwnerCombo

ROW_LIMIT = 500  # rows shown per view; the tab label still gives the full count
TASK_KEY = "followup-due-lists"
OVERDUE_COLOR = QColor("#c62828")

_Index = QModelIndex | QPersistentModelIndex


class DueTableModel(QAbstractTableModel):
    """Planned follow-ups (plain `FollowUpItem`s) with due, customer, subject, channel, owner."""

    COL_DUE, COL_CUSTOMER, COL_SUBJECT, COL_CHANNEL, COL_OWNER = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[FollowUpItem] = []
        self.overdue = False
        self._owner_names: dict[str, str] = {}

    def set_items(
        self, items: list[FollowUpItem], *, overdue: bool, owner_names: dict[str, str]
    ) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.overdue = overdue
        self._owner_names = dict(owner_names)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else 5

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Due"),
            self.tr("Customer"),
            self.tr("Subject"),
            self.tr("Channel"),
            self.tr("Owner"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_DUE:
                return local_text(item.due_at)
            if column == self.COL_CUSTOMER:
                return f"{item.customer_name} ({item.customer_code})"
            if column == self.COL_SUBJECT:
                return item.subject or ""
            if column == self.COL_CHANNEL:
                return labels.choice_label("channel", item.channel)
            if column == self.COL_OWNER:
                return self._owner_names.get(item.owner or "", item.owner or "")
        elif role == Qt.ItemDataRole.DecorationRole and column == self.COL_CHANNEL:
            return channel_icon(item.channel)
        elif role == Qt.ItemDataRole.ForegroundRole and self.overdue and column == self.COL_DUE:
            return QBrush(OVERDUE_COLOR)
        elif role == Qt.ItemDataRole.ToolTipRole and column == self.COL_SUBJECT:
            return item.content or item.subject or ""
        elif role == Qt.ItemDataRole.UserRole:
            return item.customer_id
        return None

    def customer_id(self, row: int) -> int | None:
        return self.items[row].customer_id if 0 <= row < len(self.items) else None


class DueListsWidget(QWidget):
    """Four views in a segmented bar with counts; activating a row asks to open its customer."""

    customerActivated = Signal(int)  # noqa: N815 - Qt naming
    loaded = Signal()  # a read finished and the lists show it
    countsChanged = Signal(dict)  # noqa: N815 - {"overdue": n, "today": n, …}

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueLists")
        self._tasks = tasks
        self.counts: dict[str, int] = dict.fromkeys(followups.VIEWS, 0)
        self.loading = False

        self.view_bar = QTabBar(self)
        self.view_bar.setObjectName("dueViewBar")
        self.view_bar.setAccessibleName(self.tr("Due view"))
        self.view_bar.setExpanding(False)
        self.view_bar.setDrawBase(False)
        for _ in followups.VIEWS:
            self.view_bar.addTab("")
        self.owner_combo = OwnerCombo(self)
        self.owner_combo.setObjectName("dueOwnerFilter")
        self.owner_combo.setAccessibleName(self.tr("Owner"))
        self.refresh_owners()
        self.model = DueTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("dueTable")
        self.table.setAccessibleName(self.tr("Due follow-ups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(DueTableModel.COL_SUBJECT, QHeaderView.ResizeMode.Stretch)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("dueStatus")

        top = QHBoxLayout()
        top.addWidget(self.view_bar, 1)
        top.addWidget(QLabel(self.tr("Owner"), self))
        top.addWidget(self.owner_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self._update_tab_texts()

        self.view_bar.currentChanged.connect(lambda _index: self.reload())
        self.owner_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.table.activated.connect(self._activated)

    # ----------------------------------------------------------------- state

    @property
    def view(self) -> str:
        return followups.VIEWS[max(self.view_bar.currentIndex(), 0)]

    def set_view(self, view: str) -> None:
        """Show `view` ("overdue", "today", "week", "upcoming") and re-read it."""
        index = followups.VIEWS.index(view)
        if self.view_bar.currentIndex() == index:
            self.reload()
        else:
            self.view_bar.setCurrentIndex(index)  # currentChanged reloads

    def owner(self) -> str | None:
        return self.owner_combo.currentData()

    def refresh_owners(self) -> None:
        """Re-read the users for the owner filter, keeping the chosen one."""
        self._owner_names = self.owner_combo.refresh()

    # --------------------------------------------------------------- loading

    def reload(self) -> None:
        """Read the counts and the current view's rows in the background."""
        view, owner = self.view, self.owner()
        self.loading = True

        def work(_context: TaskContext) -> tuple[str, dict[str, int], list[FollowUpItem]]:
            counts = followups.due_counts(owner=owner)
            return view, counts, followups.due_followups(view, owner=owner, limit=ROW_LIMIT)

        self._tasks.run(work, self._loaded, on_error=self._failed, key=TASK_KEY, receiver=self)

    def _loaded(self, result: tuple[str, dict[str, int], list[FollowUpItem]]) -> None:
        view, counts, items = result
        self.loading = False
        self.counts = counts
        self.model.set_items(items, overdue=view == "overdue", owner_names=self._owner_names)
        self.table.resizeColumnToContents(DueTableModel.COL_DUE)
        self.table.resizeColumnToContents(DueTableModel.COL_CUSTOMER)
        self.table.resizeColumnToContents(DueTableModel.COL_CHANNEL)
        self._update_tab_texts()
        total = counts.get(view, 0)
        if total > len(items):
            self.status_label.setText(
                self.tr("Showing the first %1 of %2.")
                .replace("%1", str(len(items)))
                .replace("%2", str(total))
            )
        elif not items:
            self.status_label.setText(self.tr("Nothing due here."))
        else:
            self.status_label.clear()
        self.countsChanged.emit(dict(counts))
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        report_error(self, exc)
        self.loaded.emit()

    def _update_tab_texts(self) -> None:
        names = {
            "overdue": self.tr("Overdue (%1)"),
            "today": self.tr("Today (%1)"),
            "week": self.tr("This week (%1)"),
            "upcoming": self.tr("Upcoming (%1)"),
        }
        for index, view in enumerate(followups.VIEWS):
            self.view_bar.setTabText(index, names[view].replace("%1", str(self.counts[view])))
            if view == "overdue":
                color = OVERDUE_COLOR if self.counts[view] else self.palette().text().color()
                self.view_bar.setTabTextColor(index, color)

    def tab_text(self, view: str) -> str:
        return self.view_bar.tabText(followups.VIEWS.index(view))

    def _activated(self, index: QModelIndex) -> None:
        customer_id = self.model.customer_id(index.row())
        if customer_id is not None:
            self.customerActivated.emit(customer_id)
