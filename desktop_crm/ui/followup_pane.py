"""The follow-up pane (M4): one customer's timeline and quick forms, and the global due lists.

Tab "Customer": plans on top (soonest first, overdue in red), then the contacts that
happened (newest first); a selected plan can be marked done, rescheduled or cancelled.
Below, a form to log a contact (and plan the next one from the level's cadence) and one
to plan a follow-up alone. Tab "Due": Overdue / Today / This week / Upcoming for everyone
or one owner; Enter or a double-click opens the customer. Every write emits
`events.followupsChanged(customer_id)`, and everything shown re-reads on that signal.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.db.models import utcnow
from desktop_crm.domain import customers, followups
from desktop_crm.domain.customers import CustomerRecord
from desktop_crm.domain.followups import FollowUpItem
from desktop_crm.domain.users import list_users
from desktop_crm.errors import NotFoundError
from desktop_crm.ui import labels
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskRunner
from desktop_crm.ui.widgets.due_lists import OVERDUE_COLOR, DueListsWidget
from desktop_crm.ui.widgets.followup_display import (
    channel_icon,
    from_qdatetime,
    icon,
    local_text,
    report_error,
    to_qdatetime,
)
from desktop_crm.ui.widgets.followup_form import DATETIME_FORMAT, ContactLogForm, PlanForm

_Form = TypeVar("_Form", bound=QWidget)
PLANNED_BACKGROUND = QColor("#eef4fb")
OVERDUE_BACKGROUND = QColor("#fdecea")
PREVIEW_CHARS = 240
ITEM_ROLE = Qt.ItemDataRole.UserRole


def _preview(text: str | None) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


class FollowUpPane(QWidget):
    """Follow-ups of the selected customer, and what is due for everyone."""

    def __init__(self, events: AppEvents, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpPane")
        self._events = events
        self._customer_id: int | None = None
        self._record: CustomerRecord | None = None
        self._due_stale = True
        self._owner_names: dict[str, str] = {}

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("followUpTabs")
        self.customer_tab = self._build_customer_tab()
        self.due_lists = DueListsWidget(tasks, self)
        self.tabs.addTab(self.customer_tab, self.tr("Customer"))
        self.tabs.addTab(self.due_lists, self.tr("Due"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.tabs.currentChanged.connect(self._tab_changed)
        self.due_lists.customerActivated.connect(events.customerOpened.emit)
        self.due_lists.countsChanged.connect(self._counts_changed)
        events.followupsChanged.connect(self._followups_changed)
        events.customerChanged.connect(self._customer_changed)
        events.customersChanged.connect(self._customers_changed)
        self.set_customer(None)

    def _build_customer_tab(self) -> QWidget:
        tab = QWidget(self)
        self.header = QLabel(tab)
        self.header.setObjectName("followUpHeader")
        self.header.setWordWrap(True)
        bold = self.header.font()
        bold.setBold(True)
        self.header.setFont(bold)
        self.timeline = QListWidget(tab)
        self.timeline.setObjectName("followUpTimeline")
        self.timeline.setAccessibleName(self.tr("Follow-up timeline"))
        self.timeline.setWordWrap(True)
        self.timeline.setAlternatingRowColors(False)
        self.timeline.setSpacing(2)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.actions_box = QWidget(tab)
        self.actions_box.setObjectName("plannedActions")
        self.outcome_edit = QLineEdit(self.actions_box)
        self.outcome_edit.setObjectName("doneOutcome")
        self.outcome_edit.setAccessibleName(self.tr("Outcome of the follow-up"))
        self.outcome_edit.setPlaceholderText(self.tr("Outcome (optional)"))
        self.done_button = QPushButton(icon("done"), self.tr("Mark done"), self.actions_box)
        self.done_button.setObjectName("markDoneButton")
        self.reschedule_edit = QDateTimeEdit(self.actions_box)
        self.reschedule_edit.setObjectName("rescheduleDue")
        self.reschedule_edit.setAccessibleName(self.tr("New date of the follow-up"))
        self.reschedule_edit.setCalendarPopup(True)
        self.reschedule_edit.setDisplayFormat(DATETIME_FORMAT)
        self.reschedule_button = QPushButton(self.tr("Reschedule"), self.actions_box)
        self.reschedule_button.setObjectName("rescheduleButton")
        self.cancel_button = QPushButton(self.tr("Cancel plan"), self.actions_box)
        self.cancel_button.setObjectName("cancelPlanButton")
        for button in (self.done_button, self.reschedule_button, self.cancel_button):
            button.setAutoDefault(True)  # Enter on the focused button presses it
        grid = QGridLayout(self.actions_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.outcome_edit, 0, 0, 1, 2)
        grid.addWidget(self.done_button, 0, 2)
        grid.addWidget(self.reschedule_edit, 1, 0)
        grid.addWidget(self.reschedule_button, 1, 1)
        grid.addWidget(self.cancel_button, 1, 2)
        grid.setColumnStretch(0, 1)

        # Made before the forms, so Tab reaches the form tabs before the fields.
        self.form_tabs = QTabWidget(tab)
        self.form_tabs.setObjectName("followUpFormTabs")
        self.log_form = self._add_form(
            ContactLogForm(self._events, self._form_page(self.tr("Log a contact")))
        )
        self.plan_form = self._add_form(
            PlanForm(self._events, self._form_page(self.tr("Plan a follow-up")))
        )

        upper = QWidget(tab)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.header)
        upper_layout.addWidget(self.timeline, 1)
        upper_layout.addWidget(self.actions_box)
        splitter = QSplitter(Qt.Orientation.Vertical, tab)
        splitter.addWidget(upper)
        splitter.addWidget(self.form_tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter)

        self.timeline.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.timeline.itemActivated.connect(self._item_activated)
        self.done_button.clicked.connect(self.mark_done)
        self.outcome_edit.returnPressed.connect(self.mark_done)
        self.reschedule_button.clicked.connect(self.reschedule)
        self.cancel_button.clicked.connect(self.cancel_plan)
        return tab

    def _form_page(self, title: str) -> QWidget:
        """A scrolling page of the form tabs; the form made on it stays at the top."""
        scroll = QScrollArea(self.form_tabs)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields
        holder = QWidget(scroll)
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(holder)
        self.form_tabs.addTab(scroll, title)
        return holder

    def _add_form(self, form: _Form) -> _Form:
        column = form.parentWidget().layout()
        column.addWidget(form)
        column.addStretch(1)
        return form

    # ----------------------------------------------------------------- public API

    def set_customer(self, customer_id: int | None, record: CustomerRecord | None = None) -> None:
        """Show the follow-ups of `customer_id` (None or 0: no customer); `record`, when
        the caller has just read it, saves reading it again."""
        self._customer_id = customer_id or None
        self._reload_customer(record)

    def show_due(self, view: str = "today") -> None:
        """Bring up the global due lists on `view` and re-read them."""
        self._due_stale = False  # set first: showing the tab would read the lists again
        self.tabs.setCurrentWidget(self.due_lists)
        self.due_lists.refresh_owners()
        self.due_lists.set_view(view)

    def focus_log_form(self) -> None:
        """Ready the contact form for typing (Ctrl+L in the main window)."""
        self.tabs.setCurrentWidget(self.customer_tab)
        self.form_tabs.setCurrentIndex(0)
        if self.log_form.is_pristine():
            self.log_form.reset()
        self.log_form.subject_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_plan_form(self) -> None:
        """Ready the plan form for typing, its date proposed by the level's cadence."""
        self.tabs.setCurrentWidget(self.customer_tab)
        self.form_tabs.setCurrentIndex(1)
        self.plan_form.propose_due()
        self.plan_form.subject_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def selected_item(self) -> FollowUpItem | None:
        current = self.timeline.currentItem()
        return current.data(ITEM_ROLE) if current is not None else None

    # ------------------------------------------------------------------- timeline

    def _reload_customer(self, known: CustomerRecord | None = None) -> None:
        record: CustomerRecord | None = None
        items: list[FollowUpItem] = []
        self._owner_names = {u.username: u.display_name for u in list_users(include_inactive=True)}
        if self._customer_id is not None:
            try:
                record = known if known is not None and known.id == self._customer_id else None
                record = record or customers.get_customer(self._customer_id)
                items = followups.customer_timeline(self._customer_id)
            except NotFoundError:
                record, items = None, []
        self._record = record
        if record is None:
            self.header.setText(self.tr("Select a customer to see their follow-ups."))
        elif record.deleted_at is not None:
            self.header.setText(
                self.tr("%1 (%2) is in the trash.")
                .replace("%1", record.name)
                .replace("%2", record.code)
            )
        else:
            self.header.setText(f"{record.name} ({record.code})")
        self.log_form.set_customer(record)
        self.plan_form.set_customer(record)
        self._fill_timeline(items)

    def _fill_timeline(self, items: list[FollowUpItem]) -> None:
        selected = self.selected_item()
        self.timeline.clear()
        now = utcnow()
        for item in items:
            row = QListWidgetItem(channel_icon(item.channel), self._row_text(item, now))
            row.setData(ITEM_ROLE, item)
            row.setToolTip("\n\n".join(t for t in (item.subject, item.content, item.outcome) if t))
            if item.status == "planned":
                overdue = item.due_at is not None and item.due_at < now
                row.setBackground(QBrush(OVERDUE_BACKGROUND if overdue else PLANNED_BACKGROUND))
                if overdue:
                    row.setForeground(QBrush(OVERDUE_COLOR))
                font = QFont(self.timeline.font())
                font.setItalic(True)
                row.setFont(font)
            self.timeline.addItem(row)
            if selected is not None and item.id == selected.id:
                self.timeline.setCurrentItem(row)
        if not items:
            empty = QListWidgetItem(self.tr("No follow-ups yet.") if self._record else "")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.timeline.addItem(empty)
        self._selection_changed()

    def _row_text(self, item: FollowUpItem, now: object) -> str:
        channel = labels.choice_label("channel", item.channel)
        if item.status == "planned":
            overdue = item.due_at is not None and item.due_at < now
            when = self.tr("Overdue since %1") if overdue else self.tr("Planned for %1")
            first = when.replace("%1", local_text(item.due_at))
        else:
            first = local_text(item.occurred_at)
        lines = [" · ".join(t for t in (first, channel, item.subject or "") if t)]
        if item.content:
            lines.append(_preview(item.content))
        if item.outcome:
            lines.append("→ " + _preview(item.outcome))
        who = [self._owner_names.get(item.owner or "", item.owner or ""), item.contact_name or ""]
        if item.status == "done":
            who.append(labels.choice_label("initiated_by", item.initiated_by))
        if any(who):
            lines.append(" · ".join(w for w in who if w))
        return "\n".join(lines)

    def _selection_changed(self) -> None:
        item = self.selected_item()
        planned = item is not None and item.status == "planned"
        self.actions_box.setEnabled(planned)
        if planned and item.due_at is not None:
            self.reschedule_edit.setDateTime(to_qdatetime(item.due_at))
        elif not planned:
            self.outcome_edit.clear()

    def _item_activated(self, row: QListWidgetItem) -> None:
        item = row.data(ITEM_ROLE)
        if item is not None and item.status == "planned":
            self.outcome_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -------------------------------------------------------------------- actions

    def _planned_selection(self) -> FollowUpItem | None:
        item = self.selected_item()
        return item if item is not None and item.status == "planned" else None

    def mark_done(self) -> None:
        """Mark the selected plan done, with the outcome typed next to the button."""
        item = self._planned_selection()
        if item is None:
            return
        try:
            followups.complete_followup(item.id, outcome=self.outcome_edit.text())
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            report_error(self, exc)
            return
        self.outcome_edit.clear()
        self._events.followupsChanged.emit(item.customer_id)

    def reschedule(self) -> None:
        """Move the selected plan to the date and time in the picker."""
        item = self._planned_selection()
        if item is None:
            return
        try:
            followups.reschedule_followup(item.id, from_qdatetime(self.reschedule_edit.dateTime()))
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            report_error(self, exc)
            return
        self._events.followupsChanged.emit(item.customer_id)

    def cancel_plan(self) -> None:
        """Give up the selected plan, after asking."""
        item = self._planned_selection()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Cancel plan"),
            self.tr("Cancel the planned follow-up “%1”? It stays in the history.").replace(
                "%1", item.subject or ""
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            followups.cancel_followup(item.id)
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            report_error(self, exc)
            return
        self._events.followupsChanged.emit(item.customer_id)

    # --------------------------------------------------------------------- events

    def _followups_changed(self, customer_id: int) -> None:
        if customer_id == self._customer_id:
            self._reload_customer()
        self._due_changed()

    def _customer_changed(self, customer_id: int) -> None:
        if customer_id == self._customer_id:
            self._reload_customer()  # level (cadence), kind or contacts may have changed
        self._due_changed()

    def _customers_changed(self) -> None:
        if self._customer_id is not None:
            self._reload_customer()
        self._due_changed()

    def _due_changed(self) -> None:
        """Re-read the due lists now if they are on screen, else when they are shown."""
        if self.tabs.currentWidget() is self.due_lists:
            self.due_lists.reload()
        else:
            self._due_stale = True

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.due_lists and self._due_stale:
            self._due_stale = False
            self.due_lists.refresh_owners()
            self.due_lists.reload()

    def _counts_changed(self, counts: dict) -> None:
        overdue = counts.get("overdue", 0)
        title = self.tr("Due (%1 overdue)").replace("%1", str(overdue))
        if not overdue:
            title = self.tr("Due")
        self.tabs.setTabText(self.tabs.indexOf(self.due_lists), title)
