"""Tools → Find Duplicates: scan the whole database for likely pairs, merge or open them.

The scan runs in the background with a progress dialog that can cancel it. After any
change to customers the list keeps only pairs whose two customers are both still there
(checked in the background too), so a merged pair leaves the list and an undone merge
brings it back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.duplicates import DuplicatePair, find_duplicates, live_pairs
from desktop_crm.ui.dialogs.merge_dialog import MergeDialog
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskContext, TaskRunner, run_with_progress

_CONTEXT = "DuplicatePairsModel"
SCORE, FIRST, SECOND, REASONS = range(4)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_HEADERS = (
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Score"),
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Customer"),
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Probably the same as"),
    QT_TRANSLATE_NOOP("DuplicatePairsModel", "Why"),
)


class DuplicatePairsModel(QAbstractTableModel):
    """Likely pairs, best first: score, both customers, the reasons in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pairs: list[DuplicatePair] = []

    def set_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.beginResetModel()
        self._pairs = sorted(pairs, key=lambda p: (-p.score, p.a_id, p.b_id))
        self.endResetModel()

    def pairs(self) -> list[DuplicatePair]:
        return list(self._pairs)

    def pair(self, row: int) -> DuplicatePair:
        return self._pairs[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # noqa: N802, ANN201
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return QCoreApplication.translate(_CONTEXT, _HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):  # noqa: ANN201
        if not index.isValid():
            return None
        pair = self._pairs[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == REASONS:
            return "\n".join(pair.reasons)
        if role != _DISPLAY:
            return None
        if column == SCORE:
            return QLocale().toString(round(pair.score * 100)) + " %"
        if column == FIRST:
            return f"{pair.a_code}  {pair.a_name}"
        if column == SECOND:
            return f"{pair.b_code}  {pair.b_name}"
        return "; ".join(pair.reasons)


class DuplicatesDialog(QDialog):
    """Modeless: "Open" shows a customer in the main window while the list stays open."""

    def __init__(
        self,
        tasks: TaskRunner,
        events: AppEvents,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        may_merge: Callable[[], bool] | None = None,
    ) -> None:
        """`may_merge()` is asked before a merge dialog opens (unsaved edits elsewhere)."""
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self._may_merge = may_merge
        self.setWindowTitle(self.tr("Find duplicates"))
        self._tasks = tasks
        self._events = events
        self._undo_stack = undo_stack
        self._found: list[DuplicatePair] = []  # everything the last scan found
        self._context: TaskContext | None = None
        self.merge_dialog: MergeDialog | None = None

        self.summary = QLabel(self)
        self.summary.setObjectName("duplicatesSummary")
        self.summary.setWordWrap(True)
        self.model = DuplicatePairsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("duplicatesTable")
        self.table.setAccessibleName(self.tr("Likely duplicates"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SCORE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FIRST, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SECOND, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(FIRST, 230)
        header.resizeSection(SECOND, 230)

        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setDefault(True)  # Enter on a pair merges it
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("openButton")
        self.open_button.setToolTip(self.tr("Show the customer in the main window"))
        self.rescan_button = QPushButton(self.tr("&Scan Again"), self)
        self.rescan_button.setObjectName("rescanButton")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeButton")
        close.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.merge_button)
        row.addWidget(self.open_button)
        row.addWidget(self.rescan_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

        self.merge_button.clicked.connect(self.merge_current)
        self.open_button.clicked.connect(self.open_current)
        self.rescan_button.clicked.connect(self.scan)
        self.table.doubleClicked.connect(lambda _index: self.merge_current())
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        events.customersChanged.connect(self._customers_changed)
        self._update_buttons()
        self.resize(1040, 560)

    # ------------------------------------------------------------------- scanning

    def scan(self) -> None:
        """Look through the whole database in the background (with Cancel)."""
        if self._context is not None:
            return  # a scan is running
        self.summary.setText(self.tr("Looking for likely duplicates…"))
        self.rescan_button.setEnabled(False)

        def work(context: TaskContext) -> tuple[list[DuplicatePair], bool]:
            pairs = find_duplicates(progress=context.report, cancelled=lambda: context.cancelled)
            return pairs, context.cancelled  # asked here: closing the progress dialog cancels

        self._context = run_with_progress(
            self._tasks,
            self,
            self.tr("Looking for likely duplicates…"),
            work,
            self._scanned,
            self._scan_failed,
        )

    def _scan_failed(self, _exc: BaseException) -> None:
        self._context = None
        self.rescan_button.setEnabled(True)
        self.summary.setText(self.tr("The scan failed. Scan again to retry."))

    def _scanned(self, result: tuple[list[DuplicatePair], bool]) -> None:
        pairs, cancelled = result
        self._context = None
        self.rescan_button.setEnabled(True)
        if cancelled:
            self.summary.setText(self.tr("The scan was cancelled. Scan again to see pairs."))
            return
        self._found = pairs
        self._show(pairs)

    def _show(self, pairs: list[DuplicatePair]) -> None:
        current = self._current_pair()
        self.model.set_pairs(pairs)
        if pairs:
            self.summary.setText(
                self.tr(
                    "%n likely pair(s), most likely first. Double-click a pair to merge it.",
                    "",
                    len(pairs),
                )
            )
            row = next(
                (
                    r
                    for r, p in enumerate(self.model.pairs())
                    if current and (p.a_id, p.b_id) == (current.a_id, current.b_id)
                ),
                0,
            )
            self.table.selectRow(row)
            self.table.setFocus()
        else:
            self.summary.setText(self.tr("No likely duplicates found."))

    def _customers_changed(self) -> None:
        """Keep only pairs whose customers are both still there (merges, trash, undo)."""
        if not self._found:
            return
        found = self._found
        self._tasks.run(
            lambda _context: live_pairs(found),
            self._show,
            key="duplicates-live",
            receiver=self,
        )

    # ------------------------------------------------------------------- actions

    def _current_pair(self) -> DuplicatePair | None:
        index = self.table.currentIndex()
        return self.model.pair(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        has_pair = self._current_pair() is not None
        self.merge_button.setEnabled(has_pair)
        self.open_button.setEnabled(has_pair)

    def merge_current(self) -> MergeDialog | None:
        """Open the merge dialog for the selected pair (window-modal, not blocking)."""
        pair = self._current_pair()
        if pair is None or (self._may_merge is not None and not self._may_merge()):
            return None
        dialog = MergeDialog(pair.a_id, pair.b_id, self._undo_stack, self._events, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.merge_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "merge_dialog", None))
        dialog.open()
        return dialog

    def open_current(self) -> None:
        """Show the customer of the selected pair (the one in the clicked column)."""
        pair = self._current_pair()
        if pair is None:
            return
        column = self.table.currentIndex().column()
        self._events.customerOpened.emit(pair.b_id if column == SECOND else pair.a_id)
