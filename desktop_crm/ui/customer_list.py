"""The customer list: search box, filter bar, saved segments and the windowed table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import segments
from desktop_crm.domain.customers import GRADES
from desktop_crm.domain.search import CustomerQuery
from desktop_crm.domain.users import list_users
from desktop_crm.ui import labels
from desktop_crm.ui.customer_table_model import CustomerTableModel
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.tasks import TaskRunner, show_error
from desktop_crm.ui.widgets.empty_list_hint import EmptyListHint

SEARCH_DELAY_MS = 60  # a pause in typing this long starts the search
BROAD_SEARCH_DELAY_MS = 150  # one letter or digit: most customers match, more keys will come
COUNT_PENDING_MS = 300  # rows shown, still counting after this long: say so
HIDDEN_BY_DEFAULT = ("email", "province", "status", "created_at", "last_contact_at")


def search_delay_ms(text: str) -> int:
    """How long a pause in typing `text` is waited for before it is searched."""
    text = text.strip()
    return BROAD_SEARCH_DELAY_MS if len(text) == 1 and text.isascii() else SEARCH_DELAY_MS


class CustomerListPane(QWidget):
    """Emits `currentCustomerChanged(id)` (0 when none) as the selection moves."""

    currentCustomerChanged = Signal(int)  # noqa: N815 - Qt naming
    countChanged = Signal(int)  # noqa: N815 - Qt naming
    countPending = Signal()  # noqa: N815 - the rows are shown, their count is still coming

    def __init__(
        self, tasks: TaskRunner, settings: UiSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerListPane")
        self._settings = settings
        self._pending_select: int | None = None
        # Asked before the first customer is selected for the user when a list loads (not
        # while they are entering a new customer: the main window says).
        self.may_select_first: Callable[[], bool] = lambda: True
        self.model = CustomerTableModel(tasks, self)

        self.searchBox = QLineEdit(self)  # noqa: N815 - object name contract
        self.searchBox.setObjectName("searchBox")
        self.searchBox.setPlaceholderText(self.tr("Search name, pinyin, phone, email, tag…"))
        self.searchBox.setClearButtonEnabled(True)
        self.searchBox.setAccessibleName(self.tr("Search customers"))
        self.segment_combo = QComboBox(self)
        self.segment_combo.setObjectName("segmentCombo")
        self.segment_combo.setAccessibleName(self.tr("Saved segment"))
        self.filter_button = QToolButton(self)
        self.filter_button.setText(self.tr("Filters"))
        self.filter_button.setCheckable(True)
        self.filter_button.setObjectName("filterToggle")

        self.filter_bar = QWidget(self)
        self.filter_bar.setObjectName("filterBar")
        self.filters: dict[str, QComboBox] = {}
        grid = QHBoxLayout(self.filter_bar)
        grid.setContentsMargins(0, 0, 0, 0)
        for name in (
            "kind",
            "status",
            "stage",
            "grade",
            "relationship_level",
            "source",
            "owner",
            "stars",
        ):
            combo = QComboBox(self.filter_bar)
            combo.setObjectName(f"filter_{name}")
            combo.setAccessibleName(labels.column_title(name))
            combo.setToolTip(labels.column_title(name))
            self.filters[name] = combo
            grid.addWidget(combo)
        self.tag_filter = QLineEdit(self.filter_bar)
        self.tag_filter.setObjectName("filter_tag")
        self.tag_filter.setPlaceholderText(labels.column_title("tags"))
        self.region_filter = QLineEdit(self.filter_bar)
        self.region_filter.setObjectName("filter_city")
        self.region_filter.setPlaceholderText(labels.column_title("city"))
        self.due_filter = QCheckBox(self.tr("Follow-up due"), self.filter_bar)
        self.due_filter.setObjectName("filter_followup_due")
        for widget in (self.tag_filter, self.region_filter, self.due_filter):
            grid.addWidget(widget)
        self.filter_bar.setVisible(False)

        self.customerList = QTableView(self)  # noqa: N815 - object name contract
        self.customerList.setObjectName("customerList")
        self.customerList.setAccessibleName(self.tr("Customers"))
        self.customerList.setModel(self.model)
        self.customerList.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.customerList.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.customerList.setSortingEnabled(True)
        self.customerList.sortByColumn(
            CustomerTableModel.COLUMNS.index("name"), Qt.SortOrder.AscendingOrder
        )
        self.customerList.setAlternatingRowColors(True)
        self.customerList.setWordWrap(False)
        self.customerList.verticalHeader().setVisible(False)
        self.customerList.verticalHeader().setDefaultSectionSize(
            self.customerList.fontMetrics().height() + 8
        )
        header = self.customerList.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        top = QHBoxLayout()
        top.addWidget(self.searchBox, 1)
        top.addWidget(self.segment_combo)
        top.addWidget(self.filter_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        self.empty_hint = EmptyListHint(self)
        self.empty_hint.clearRequested.connect(self.clear_filters)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.customerList)
        self.list_stack.addWidget(self.empty_hint)
        layout.addWidget(self.list_stack, 1)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.setTimerType(Qt.TimerType.PreciseTimer)  # not 5 % late
        self._debounce.timeout.connect(self.apply_filters)
        self.searchBox.textChanged.connect(lambda t: self._debounce.start(search_delay_ms(t)))
        self.tag_filter.textChanged.connect(lambda _t: self._debounce.start(SEARCH_DELAY_MS))
        self.region_filter.textChanged.connect(lambda _t: self._debounce.start(SEARCH_DELAY_MS))
        # The first row is made current (and the detail pane reads it) only once the new
        # rows are painted: the rows are what the user is waiting to see.
        self._select_first_timer = QTimer(self, singleShot=True, interval=0)
        self._select_first_timer.timeout.connect(self._select_first)
        self._count_pending = QTimer(self, singleShot=True, interval=COUNT_PENDING_MS)
        self._count_pending.timeout.connect(self.countPending)
        self.due_filter.toggled.connect(self.apply_filters)
        self.filter_button.toggled.connect(self.filter_bar.setVisible)
        self.segment_combo.activated.connect(self._segment_chosen)
        self.model.firstPageShown.connect(self._first_page_shown)
        self.model.loaded.connect(self._loaded)
        self.customerList.selectionModel().currentRowChanged.connect(self._current_changed)
        self.fill_filter_choices()
        self.fill_segments()
        self._restore_columns()

    # --------------------------------------------------------------------- filters

    def fill_filter_choices(self) -> None:
        """(Re)fill the filter combos; call after users or languages change."""
        any_text = self.tr("Any")
        choice_sets = {
            "kind": labels.choices("kind"),
            "status": labels.choices("status"),
            "stage": labels.choices("stage"),
            "grade": [(g, g) for g in GRADES],
            "relationship_level": [*labels.choices("relationship_level"), (0, self.tr("Not set"))],
            "source": labels.choices("source"),
            "owner": [(u.username, u.display_name) for u in list_users()],
            "stars": [(n, "★" * n + self.tr(" or more")) for n in range(1, 6)],
        }
        for name, combo in self.filters.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(f"{labels.column_title(name)}: {any_text}", None)
            for code, label in choice_sets[name]:
                combo.addItem(label, code)
            found = combo.findData(current)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
            combo.currentIndexChanged.connect(
                self.apply_filters, Qt.ConnectionType.UniqueConnection
            )

    def current_query(self) -> CustomerQuery:
        """The query the search box and filters describe."""
        values = {name: combo.currentData() for name, combo in self.filters.items()}
        return CustomerQuery(
            text=self.searchBox.text().strip(),
            kind=values["kind"],
            status=values["status"],
            stage=values["stage"],
            grade=values["grade"],
            level=values["relationship_level"],
            source=values["source"],
            owner=values["owner"],
            stars=values["stars"],
            tag=self.tag_filter.text().strip() or None,
            city=self.region_filter.text().strip() or None,
            followup_due=self.due_filter.isChecked(),
            trashed=self.model.query.trashed,
        )

    def apply_filters(self) -> None:
        self._debounce.stop()
        self.model.set_query(self.current_query())

    def set_query(self, query: CustomerQuery) -> None:
        """Show `query` in the widgets and run it (segments, level clicks, clear)."""
        widgets = [
            self.searchBox,
            self.tag_filter,
            self.region_filter,
            self.due_filter,
            *self.filters.values(),
        ]
        for widget in widgets:
            widget.blockSignals(True)
        self.searchBox.setText(query.text)
        self.tag_filter.setText(query.tag or "")
        self.region_filter.setText(query.city or query.province or "")
        self.due_filter.setChecked(query.followup_due)
        values = {
            "kind": query.kind,
            "status": query.status,
            "stage": query.stage,
            "grade": query.grade,
            "relationship_level": query.level,
            "source": query.source,
            "owner": query.owner,
            "stars": query.stars,
        }
        for name, combo in self.filters.items():
            combo.setCurrentIndex(max(combo.findData(values[name]), 0))
        for widget in widgets:
            widget.blockSignals(False)
        if (
            any(v is not None for v in values.values())
            or query.tag
            or query.city
            or query.followup_due
        ):
            self.filter_button.setChecked(True)
        self.model.set_query(replace(query, trashed=self.model.query.trashed))

    def filter_by_level(self, level: int) -> None:
        self.set_query(replace(CustomerQuery(), level=level))

    def clear_filters(self) -> None:
        self.set_query(CustomerQuery())
        self.segment_combo.setCurrentIndex(0)

    def show_trash(self, trashed: bool) -> None:
        self.model.set_query(replace(self.current_query(), trashed=trashed))

    # -------------------------------------------------------------------- segments

    def fill_segments(self) -> None:
        self.segment_combo.clear()
        self.segment_combo.addItem(self.tr("All customers"), None)
        for name in segments.segment_names():
            self.segment_combo.addItem(name, name)

    def _segment_chosen(self, index: int) -> None:
        name = self.segment_combo.itemData(index)
        self.set_query(segments.segment_query(name) if name else CustomerQuery())

    def save_segment(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save segment"), self.tr("Name of this filter:")
        )
        if not ok or not name.strip():
            return
        try:
            segments.save_segment(name, self.current_query())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc)
            return
        self.fill_segments()
        self.segment_combo.setCurrentIndex(self.segment_combo.findData(name.strip()))

    # ------------------------------------------------------------------- selection

    def current_customer_id(self) -> int | None:
        index = self.customerList.currentIndex()
        return self.model.customer_id(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.customerList.selectionModel().selectedRows())
        return [cid for cid in (self.model.customer_id(r) for r in rows) if cid is not None]

    def select_customer(self, customer_id: int) -> bool:
        """Make `customer_id` current if it is in the list (or once the list has loaded)."""
        row = self.model.row_of(customer_id)
        if self.model.loading:  # the new rows replace these: select it again among them
            self._pending_select = customer_id
        if row is None:
            return False
        self._select_row(row)
        return True

    def select_offset(self, step: int) -> None:
        """Move to the next (+1) or previous (-1) customer."""
        count = self.model.rowCount()
        if not count:
            return
        current = self.customerList.currentIndex().row()
        self._select_row(min(max(current + step, 0), count - 1) if current >= 0 else 0)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, CustomerTableModel.COLUMNS.index("name"))
        self.customerList.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.customerList.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cid = self.model.customer_id(current.row()) if current.isValid() else None
        self.currentCustomerChanged.emit(cid or 0)

    def _first_page_shown(self, rows: int) -> None:
        if not rows:
            return  # nothing matches: `_loaded` follows at once and says so
        self.list_stack.setCurrentWidget(self.customerList)
        # Painted now, before anything else queued (the detail pane's load) can delay it.
        self.customerList.executeDelayedItemsLayout()
        self.customerList.viewport().repaint()
        if self.model.loading:
            self._count_pending.start()
        if self._pending_select is None:
            self._select_first_timer.start()

    def _select_first(self) -> None:
        if (
            self.model.rowCount()
            and not self.customerList.currentIndex().isValid()
            and self.may_select_first()
        ):
            self._select_row(0)

    def _loaded(self, count: int) -> None:
        self._count_pending.stop()
        self.countChanged.emit(count)
        query = self.model.query
        if count:
            self.list_stack.setCurrentWidget(self.customerList)
        else:
            if query.trashed:
                state = "trash"
            else:
                state = "empty" if query == CustomerQuery() else "no_match"
            self.empty_hint.show_state(state)
            self.list_stack.setCurrentWidget(self.empty_hint)
        if self._pending_select is not None:
            pending, self._pending_select = self._pending_select, None
            self.select_customer(pending)
        elif count:
            self._select_first_timer.start()  # after the paint (reload_now: none came first)
        else:
            self.currentCustomerChanged.emit(0)

    # ---------------------------------------------------------------------- columns

    def _column_menu(self, pos) -> None:  # noqa: ANN001 - QPoint
        header = self.customerList.horizontalHeader()
        menu = QMenu(self)
        for section, name in enumerate(CustomerTableModel.COLUMNS):
            action = menu.addAction(labels.column_title(name))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.toggled.connect(lambda shown, s=section: header.setSectionHidden(s, not shown))
        menu.exec(header.mapToGlobal(pos))

    def _restore_columns(self) -> None:
        header = self.customerList.horizontalHeader()
        state = self._settings.state("customerListHeader")
        if state is not None and header.restoreState(state):
            return
        for name in HIDDEN_BY_DEFAULT:
            header.setSectionHidden(CustomerTableModel.COLUMNS.index(name), True)
        header.resizeSection(CustomerTableModel.COLUMNS.index("name"), 160)
        header.resizeSection(CustomerTableModel.COLUMNS.index("company_name"), 180)

    def save_state(self) -> None:
        self._settings.set_state(
            "customerListHeader", self.customerList.horizontalHeader().saveState()
        )
