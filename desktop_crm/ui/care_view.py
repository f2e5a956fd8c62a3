"""The Care view (M10): birthdays (solar and lunar), festivals and the business's own
dates, and first-purchase anniversaries in the coming days, each with a greeting filled
from the templates, ready to copy, to open in the mail program, and to log as sent.

Occasions are read on a worker thread (they scan every customer's dates). A festival
concerns everybody: its greeting goes to the customer selected in the customer list.
Which occasions were logged as sent is remembered for the session (the follow-up itself
is stored, of course).
"""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import care, customers
from desktop_crm.errors import CrmError
from desktop_crm.ui import labels
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskContext, TaskRunner
from desktop_crm.ui.widgets.care_table import CareTableModel, Occasion, occasions_of
from desktop_crm.ui.widgets.followup_display import report_error
from desktop_crm.ui.widgets.live_view import LiveView
from desktop_crm.ui.widgets.owner_combo import OwnerCombo

__all__ = ["CareTableModel", "CareView", "Occasion"]

TASK_KEY = "care-view"
MAX_COLUMN_WIDTH = 240  # px: long names are elided so the other columns stay in view


class CareView(LiveView):
    """Upcoming occasions and the greeting for the selected one."""

    def __init__(self, events: AppEvents, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careView")
        self._events = events
        self._tasks = tasks
        self._target_id: int | None = None  # the customer selected in the list
        self._email: str | None = None

        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("careDaysSpin")
        self.days_spin.setRange(1, 366)
        self.days_spin.setValue(care.DEFAULT_DAYS_AHEAD)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.setAccessibleName(self.tr("Days ahead"))
        self.owner_combo = OwnerCombo(self)
        self.owner_combo.setObjectName("careOwnerFilter")
        self.owner_combo.setAccessibleName(self.tr("Owner"))
        self.refresh_owners()
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("refreshCareButton")

        self.model = CareTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("careTable")
        self.table.setAccessibleName(self.tr("Upcoming occasions"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("careStatus")

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("careSplitter")
        top = QWidget(splitter)
        top_column = QVBoxLayout(top)
        top_column.addLayout(self._filter_row())
        top_column.addWidget(self.table, 1)
        top_column.addWidget(self.status_label)
        splitter.addWidget(top)
        splitter.addWidget(self._greeting_box(splitter))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.days_spin.valueChanged.connect(lambda _v: self._reload_timer.start())
        self.owner_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_greeting())
        self.template_combo.currentIndexChanged.connect(lambda _i: self._fill_greeting())
        self.copy_button.clicked.connect(self.copy_greeting)
        self.email_button.clicked.connect(self.email_greeting)
        self.log_button.clicked.connect(self.log_sent)
        events.customerChanged.connect(self._data_changed)
        events.customersChanged.connect(self._data_changed)
        self._show_greeting()

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        ahead = QLabel(self.tr("&Next"), self)
        ahead.setBuddy(self.days_spin)
        row.addWidget(ahead)
        row.addWidget(self.days_spin)
        row.addWidget(QLabel(self.tr("Owner"), self))
        row.addWidget(self.owner_combo, 1)
        row.addWidget(self.refresh_button)
        return row

    def _greeting_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Greeting"), parent)
        box.setObjectName("careGreetingBox")
        self.occasion_label = QLabel(box)
        self.occasion_label.setObjectName("careOccasionLabel")
        self.occasion_label.setWordWrap(True)
        self.template_combo = QComboBox(box)
        self.template_combo.setObjectName("careTemplateCombo")
        for code, label in labels.choice_items("greeting_template", care.OCCASIONS):
            self.template_combo.addItem(label, code)
        self.subject_edit = QLineEdit(box)
        self.subject_edit.setObjectName("careSubjectEdit")
        self.greeting_edit = QPlainTextEdit(box)
        self.greeting_edit.setObjectName("careGreetingEdit")
        self.greeting_edit.setTabChangesFocus(True)
        self.greeting_edit.setAccessibleName(self.tr("Greeting text"))
        self.channel_combo = QComboBox(box)
        self.channel_combo.setObjectName("careChannelCombo")
        for code, label in labels.choices("channel"):
            self.channel_combo.addItem(label, code)
        self.channel_combo.setCurrentIndex(self.channel_combo.findData("wechat"))
        self.copy_button = QPushButton(self.tr("&Copy"), box)
        self.copy_button.setObjectName("careCopyButton")
        self.email_button = QPushButton(self.tr("&Email…"), box)
        self.email_button.setObjectName("careEmailButton")
        self.log_button = QPushButton(self.tr("&Log as Sent"), box)
        self.log_button.setObjectName("careLogButton")
        for button in (self.copy_button, self.email_button, self.log_button):
            button.setAutoDefault(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field in (
            (self.tr("&Template"), self.template_combo),
            (self.tr("&Subject"), self.subject_edit),
        ):
            label = QLabel(text, box)
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.email_button)
        buttons.addStretch(1)
        via = QLabel(self.tr("Sent &via"), box)
        via.setBuddy(self.channel_combo)
        buttons.addWidget(via)
        buttons.addWidget(self.channel_combo)
        buttons.addWidget(self.log_button)
        column = QVBoxLayout(box)
        column.addWidget(self.occasion_label)
        column.addLayout(form)
        column.addWidget(self.greeting_edit, 1)
        column.addLayout(buttons)
        return box

    # ------------------------------------------------------------------ loading

    def refresh_owners(self) -> None:
        """Re-read the users for the owner filter, keeping the chosen one."""
        self._owner_names = self.owner_combo.refresh()

    def reload(self) -> None:
        """Read the occasions of the coming days in the background."""
        self._reloading()
        self.refresh_owners()  # users may have been added meanwhile
        days, owner = self.days_spin.value(), self.owner_combo.currentData()
        self.status_label.setText(self.tr("Looking for occasions…"))

        def work(_context: TaskContext) -> list[Occasion]:
            events = care.care_events(days=days, owner=owner)
            return occasions_of(events, care.upcoming_holidays(days=days))

        self._tasks.run(work, self._loaded, on_error=self._failed, key=TASK_KEY, receiver=self)

    def _loaded(self, rows: list[Occasion]) -> None:
        self.loading = False
        current = self.current_occasion()
        self.model.set_rows(rows, self._owner_names)
        self.table.resizeColumnsToContents()
        for column in (CareTableModel.COL_CUSTOMER, CareTableModel.COL_OCCASION):
            width = self.table.columnWidth(column)
            self.table.setColumnWidth(column, min(width, MAX_COLUMN_WIDTH))
        keys = [o.key for o in rows]
        if current is not None and current.key in keys:
            self.table.selectRow(keys.index(current.key))
        elif rows:
            self.table.selectRow(0)
        self._show_greeting()
        people = sum(1 for o in rows if o.event is not None)
        self.status_label.setText(
            self.tr("%n occasion(s) for customers", "", people)
            + " · "
            + self.tr("%n festival(s)", "", len(rows) - people)
        )

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.status_label.clear()
        report_error(self, exc)

    # ------------------------------------------------------------------ greeting

    def set_target_customer(self, customer_id: int | None) -> None:
        """The customer a festival greeting goes to (the one selected in the list)."""
        self._target_id = customer_id or None
        occasion = self.current_occasion()
        if occasion is not None and occasion.holiday is not None:
            self._show_greeting()

    def current_occasion(self) -> Occasion | None:
        index = self.table.currentIndex()
        return self.model.occasion(index.row()) if index.isValid() else None

    def recipient_id(self) -> int | None:
        """Who the greeting is for: the occasion's customer, or for a festival the target."""
        occasion = self.current_occasion()
        if occasion is None:
            return None
        return occasion.customer_id if occasion.event is not None else self._target_id

    def _recipient_title(self, occasion: Occasion) -> str | None:
        if occasion.event is not None:
            return f"{occasion.event.customer_name} ({occasion.event.customer_code})"
        if self._target_id is None:
            return None
        try:
            record = customers.get_customer(self._target_id)
        except CrmError:
            self._target_id = None
            return None
        return f"{record.name} ({record.code})"

    def _show_greeting(self) -> None:
        occasion = self.current_occasion()
        if occasion is None:
            self.occasion_label.setText(self.tr("Choose an occasion above."))
        else:
            when = f"{occasion.on.isoformat()} ({self.model.when_text(occasion.days_until)})"
            title = self._recipient_title(occasion)
            text = f"<b>{self.model.occasion_text(occasion)}</b> · {when}"
            if title is not None:
                text += "<br>" + self.tr("To: %1").replace("%1", title)
            else:
                text += "<br>" + self.tr(
                    "Select a customer in the customer list to address this greeting."
                )
            self.occasion_label.setText(text)
            self.template_combo.blockSignals(True)
            self.template_combo.setCurrentIndex(self.template_combo.findData(occasion.template))
            self.template_combo.blockSignals(False)
        self._fill_greeting()

    def _subject(self, occasion: Occasion, template: str) -> str:
        if template == "holiday":
            if occasion.holiday is None:
                return self.tr("Season's greetings")
            return self.tr("Season's greetings: %1").replace("%1", occasion.holiday.name)
        if template == "anniversary":
            return self.tr("Thank you for your loyalty")
        return self.tr("Happy birthday!")

    def _fill_greeting(self) -> None:
        """The chosen template filled for the recipient (editable afterwards)."""
        occasion = self.current_occasion()
        recipient = self.recipient_id()
        template = self.template_combo.currentData() or "birthday"
        self._email = None
        text = ""
        if occasion is not None:
            holiday = occasion.holiday
            years = occasion.event.years if occasion.event is not None else None
            try:
                if occasion.event is not None and template == occasion.template:
                    text = care.greeting_for_event(occasion.event)
                elif recipient is not None:
                    text = care.greeting_for(recipient, template, holiday=holiday, years=years)
                else:
                    text = care.fill_template(
                        care.greeting_template(template),
                        {"holiday": holiday.name if holiday else None, "years": years},
                    )
                self._email = care.customer_email(recipient) if recipient is not None else None
            except CrmError as exc:
                report_error(self, exc)
            self.subject_edit.setText(self._subject(occasion, template))
        else:
            self.subject_edit.clear()
        self.greeting_edit.setPlainText(text)
        has_text = occasion is not None
        self.copy_button.setEnabled(has_text)
        self.email_button.setEnabled(has_text and self._email is not None)
        self.email_button.setToolTip(
            self.tr("Write to %1").replace("%1", self._email)
            if self._email
            else self.tr("No email address for this customer")
        )
        self.log_button.setEnabled(has_text and recipient is not None)

    def greeting(self) -> str:
        return self.greeting_edit.toPlainText().strip()

    def copy_greeting(self) -> None:
        QGuiApplication.clipboard().setText(self.greeting())
        self._events.statusMessage.emit(self.tr("Greeting copied to the clipboard."))

    def email_greeting(self) -> None:
        """Open the mail program with a draft to the customer."""
        recipient = self.recipient_id()
        if recipient is None:
            return
        try:
            url = care.customer_mailto(recipient, self.subject_edit.text(), self.greeting())
        except CrmError as exc:
            report_error(self, exc)
            return
        if url is not None:
            QDesktopServices.openUrl(QUrl(url))
            self.channel_combo.setCurrentIndex(self.channel_combo.findData("email"))

    def log_sent(self) -> None:
        """Record the greeting as a done follow-up and mark the occasion as sent."""
        recipient = self.recipient_id()
        index = self.table.currentIndex()
        if recipient is None or not index.isValid():
            return
        try:
            care.log_care_sent(
                recipient,
                self.channel_combo.currentData(),
                self.greeting(),
                subject=self.subject_edit.text().strip() or None,
            )
        except CrmError as exc:
            report_error(self, exc)
            return
        self.model.mark_sent(index.row(), recipient)
        self._events.followupsChanged.emit(recipient)
        self._events.statusMessage.emit(self.tr("Greeting logged as a follow-up."))
