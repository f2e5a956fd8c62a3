"""The customer list's model: windowed, so a million customers scroll smoothly.

The model holds the ordered ids of the customers that match (8 bytes a row, loaded in
the background) and fetches the rows it is asked to paint a page at a time into a
bounded cache; the first page of each load comes with its rows, read in the background
too. Sorting and filtering happen in SQL; there is no proxy model.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop_crm.domain.search import (
    CustomerQuery,
    CustomerRow,
    SearchCancelled,
    customer_ids,
    customer_rows,
)
from desktop_crm.domain.users import list_users
from desktop_crm.ui import labels
from desktop_crm.ui.tasks import TaskContext, TaskRunner

PAGE_SIZE = 64  # rows read at a time: about 13 ms cold at 100,000 customers (256 took 35)
ALL = 1 << 62  # no limit: the model holds every matching id (8 bytes each)
MAX_PAGES = 256  # at most 16,384 rows held in memory
ROW_ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


@dataclass
class _FirstPage:
    ids: list[int]
    rows: list[CustomerRow]
    owners: dict[str, str]  # username → display name


def _cancelled(context: TaskContext) -> Callable[[], bool]:
    return lambda: context.cancelled


class CustomerTableModel(QAbstractTableModel):
    """Rows are customers; columns are fields of `CustomerRow`."""

    COLUMNS: tuple[str, ...] = (
        "code",
        "name",
        "kind",
        "company_name",
        "phone",
        "email",
        "province",
        "city",
        "owner",
        "status",
        "stage",
        "grade",
        "stars",
        "relationship_level",
        "last_contact_at",
        "next_followup_at",
        "created_at",
    )
    SORTABLE = frozenset(COLUMNS) - {"phone", "email"}
    # The first page of a (re)load is shown: its number of rows (PAGE_SIZE: maybe more to come).
    firstPageShown = Signal(int)  # noqa: N815 - Qt naming
    loaded = Signal(int)  # the number of matching customers, after each (re)load

    def __init__(self, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._ids = array("q")
        self._pages: OrderedDict[int, list[CustomerRow]] = OrderedDict()
        self.query = CustomerQuery()
        self.sort_column = "name"
        self.descending = False
        self.loading = False
        self._generation = 0
        self._started = False  # nothing is read until the first query is set
        self._owner_names: dict[str, str] = {}
        self._rest: TaskContext | None = None  # the running second step of a reload

    # ------------------------------------------------------------------ loading

    def set_query(self, query: CustomerQuery) -> None:
        self.query = query
        self._started = True
        self.reload()

    def reload(self) -> None:
        """Show the matching customers; a newer reload wins over an older one.

        Two background steps, so that typing in the search box shows rows at once: first
        the first page's ids with their rows (a few ms: nothing is read on the UI thread
        to paint them), shown as soon as they come (`firstPageShown`); then the whole id
        list, which also says how many there are (`loaded`): about a second for a broad
        search over 1M customers. A newer reload cancels the older one's second step.
        """
        query, sort, descending = self.query, self.sort_column, self.descending
        self.loading = True
        self._generation += 1
        generation = self._generation
        self._cancel_rest()
        key = f"customer-list-{id(self)}"

        def first(context: TaskContext) -> _FirstPage:
            ids = customer_ids(query, sort=sort, descending=descending, limit=PAGE_SIZE)
            owners = {u.username: u.display_name for u in list_users(include_inactive=True)}
            return _FirstPage(ids, customer_rows(ids), owners)

        def rest(context: TaskContext) -> array | None:
            try:
                ids = customer_ids(
                    query,
                    sort=sort,
                    descending=descending,
                    limit=ALL,
                    cancelled=_cancelled(context),
                )
            except SearchCancelled:
                return None
            return array("q", ids)

        def show_first(page: _FirstPage) -> None:
            if generation != self._generation:  # overtaken by reload_now()
                return
            self._owner_names = page.owners
            self._reset(array("q", page.ids), page.rows)
            complete = len(page.ids) < PAGE_SIZE  # these are all the matches
            if complete:
                self.loading = False
            self.firstPageShown.emit(len(page.ids))
            if complete:
                self.loaded.emit(len(page.ids))
            else:
                self._rest = self._tasks.run(rest, show_all, key=key, receiver=self, priority=1)

        def show_all(ids: array | None) -> None:
            if ids is not None and generation == self._generation:
                self._rest = None
                self._apply_ids(ids)

        self._tasks.run(first, show_first, key=f"{key}-first", receiver=self, priority=2)

    def reload_now(self) -> None:
        """The same, synchronously (after a small change the user is waiting to see)."""
        self._generation += 1
        self._cancel_rest()
        self._owner_names = {u.username: u.display_name for u in list_users(include_inactive=True)}
        self._apply_ids(
            array(
                "q",
                customer_ids(
                    self.query, sort=self.sort_column, descending=self.descending, limit=ALL
                ),
            )
        )

    def _cancel_rest(self) -> None:
        if self._rest is not None:
            self._rest.cancel()  # stops its query (SQLite) or drops its answer
            self._rest = None

    def _apply_ids(self, ids: array) -> None:
        shown = len(self._ids)
        if 0 < shown <= len(ids) and ids[:shown] == self._ids:
            # The rows shown stay as they are (and the current one stays current): only
            # the rest of the list is added below them.
            if len(ids) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
                self._ids = ids
                self.endInsertRows()
        else:
            self._reset(ids)
        self.loading = False
        self.loaded.emit(len(ids))

    def _reset(self, ids: array, first_rows: list[CustomerRow] | None = None) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        if first_rows is not None:
            found = {r.id: r for r in first_rows}
            self._pages[0] = [found.get(cid) for cid in ids[:PAGE_SIZE]]
        self.endResetModel()

    def refresh_rows(self, customer_ids: set[int] | None = None) -> None:
        """Re-read rows already shown (a customer was edited) without reloading the ids."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1)
            )

    # -------------------------------------------------------------------- reading

    def customer_id(self, row: int) -> int | None:
        return int(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: int) -> int | None:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return None

    def customer_row(self, row: int) -> CustomerRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            ids = list(self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE])
            found = {r.id: r for r in customer_rows(ids)}
            page = [found.get(cid) for cid in ids]  # a row trashed meanwhile shows empty
            self._pages[page_no] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row % PAGE_SIZE]

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ROW_ID_ROLE:
            return self.customer_id(index.row())
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in ("stars", "relationship_level", "grade"):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        row = self.customer_row(index.row())
        if row is None:
            return None
        if column == "owner" and row.owner:
            return self._owner_names.get(row.owner, row.owner)
        return display_value(column, getattr(row, column))

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return labels.column_title(self.COLUMNS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        name = self.COLUMNS[column]
        if name not in self.SORTABLE:
            return
        self.sort_column = name
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self._started:  # the view sets its sort order while it is being built
            self.reload()


def display_value(column: str, value: Any) -> str | None:
    """How a field reads in the list."""
    if value is None or value == "":
        return None
    if column == "stars":
        return "★" * value if value else None
    if column in ("last_contact_at", "next_followup_at", "created_at") and isinstance(
        value, datetime
    ):
        return value.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    if column in ("kind", "status", "stage", "relationship_level"):
        return labels.choice_label(column, value)
    return str(value)
