"""The relationship-level pane (M5): the five levels, the customer's level and strategy,
the suggested level, and how all customers spread over the levels.

Changing the level goes through `relationship.set_level` (so the history keeps it) and
emits `events.customerChanged(id)`. The suggestion and the distribution are read on a
worker thread: both aggregate over all customers. The strategy checklist's ticks live in
memory for the session (per customer and level); they are not stored in the database.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import customers, relationship
from desktop_crm.domain.customers import CustomerRecord
from desktop_crm.domain.relationship import LevelSuggestion
from desktop_crm.errors import NotFoundError
from desktop_crm.ui import labels
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import TaskContext, TaskRunner
from desktop_crm.ui.widgets.followup_display import icon, report_error
from desktop_crm.ui.widgets.level_bars import NOT_SET, LevelDistribution

DISTRIBUTION_DELAY_MS = 250  # gather a burst of changes into one re-count


def _level_name(number: int | None) -> str:
    return labels.choice_label("relationship_level", number)


class RelationshipPane(QWidget):
    """The selected customer's relationship level, its strategy, and the level distribution."""

    levelFilterRequested = Signal(int)  # noqa: N815 - a level 1–5, or 0 for "not set"

    def __init__(self, events: AppEvents, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relationshipPane")
        self._events = events
        self._tasks = tasks
        self._customer_id: int | None = None
        self._level: int | None = None
        self._loading = False
        self.suggestion: LevelSuggestion | None = None
        self.distribution: dict[int | None, int] = {}
        # Ticked strategy items per (customer, level): in memory only, for this session.

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.addWidget(self._build_customer_box(content))
        column.addWidget(self._build_levels_box(content))
        column.addWidget(self._build_distribution_box(content))
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self._distribution_timer = QTimer(self)
        self._distribution_timer.setSingleShot(True)
        self._distribution_timer.setInterval(DISTRIBUTION_DELAY_MS)
        self._distribution_timer.timeout.connect(self.refresh_distribution)
        events.customerChanged.connect(self._customer_changed)
        events.customersChanged.connect(self._customers_changed)
        events.followupsChanged.connect(self._followups_changed)
        self.set_customer(None)
        self.refresh_distribution()

    # ---------------------------------------------------------------- building

    def _build_customer_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("This customer"), parent)
        box.setObjectName("customerLevelBox")
        self.header = QLabel(box)
        self.header.setObjectName("relationshipHeader")
        self.header.setWordWrap(True)
        self.level_combo = QComboBox(box)
        self.level_combo.setObjectName("levelCombo")
        self.level_combo.setAccessibleName(self.tr("Relationship level of the customer"))
        self.level_combo.addItem(self.tr("Not set"), None)
        for number, name in labels.choices("relationship_level"):
            self.level_combo.addItem(icon("level"), f"{number} · {name}", number)
        self.cadence_label = QLabel(box)
        self.cadence_label.setObjectName("levelCadence")
        self.checklist = QListWidget(box)
        self.checklist.setObjectName("strategyChecklist")
        self.checklist.setAccessibleName(self.tr("Strategy checklist"))
        self.checklist.setWordWrap(True)
        self.checklist.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        self.suggestion_label = QLabel(box)
        self.suggestion_label.setObjectName("suggestedLevel")
        self.reason_label = QLabel(box)
        self.reason_label.setObjectName("suggestionReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.apply_button = QPushButton(self.tr("Apply suggestion"), box)
        self.apply_button.setObjectName("applySuggestionButton")
        self.apply_button.setAutoDefault(True)  # Enter on the focused button applies

        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(QLabel(self.tr("Suggested:"), box))
        suggestion_row.addWidget(self.suggestion_label, 1)
        suggestion_row.addWidget(self.apply_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Level"), self.level_combo)
        form.addRow("", self.cadence_label)
        form.addRow(self.tr("Strategy"), self.checklist)
        column = QVBoxLayout(box)
        column.addWidget(self.header)
        column.addLayout(form)
        column.addLayout(suggestion_row)
        column.addWidget(self.reason_label)

        self.level_combo.currentIndexChanged.connect(self._level_chosen)
        self.apply_button.clicked.connect(self.apply_suggestion)
        self.checklist.itemChanged.connect(self._tick_changed)
        return box

    def _build_levels_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("The five levels"), parent)
        self.level_list = QListWidget(box)
        self.level_list.setObjectName("levelList")
        self.level_list.setAccessibleName(self.tr("Relationship levels"))
        for number, name in labels.choices("relationship_level"):
            item = QListWidgetItem(icon("level"), f"{number} · {name}")
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.level_list.addItem(item)
        rows = self.level_list.count()
        self.level_list.setFixedHeight(self.level_list.sizeHintForRow(0) * rows + 6)
        self.level_text = QLabel(box)
        self.level_text.setObjectName("levelDescription")
        self.level_text.setWordWrap(True)
        self.level_text.setTextFormat(Qt.TextFormat.RichText)
        self.level_text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.level_list.setFixedWidth(self.level_list.sizeHintForColumn(0) + 12)
        layout = QHBoxLayout(box)
        layout.addWidget(self.level_list, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.level_text, 1)
        self.level_list.currentRowChanged.connect(self._show_level_text)
        self.level_list.setCurrentRow(0)
        return box

    def _build_distribution_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Customers by level"), parent)
        self.bars = LevelDistribution(list(relationship.LEVEL_NUMBERS), box)
        self.bars.setToolTip(self.tr("Click a level to list its customers"))
        self.bars.levelClicked.connect(self.levelFilterRequested.emit)
        layout = QVBoxLayout(box)
        layout.addWidget(self.bars)
        return box

    # -------------------------------------------------------------- public API

    def set_customer(self, customer_id: int | None, record: CustomerRecord | None = None) -> None:
        """Show the level, strategy and suggestion of `customer_id` (None or 0: none);
        `record`, when the caller has just read it, saves reading it again."""
        self._customer_id = customer_id or None
        self._reload_customer(suggest=True, known=record)

    def refresh_distribution(self) -> None:
        """Re-count the customers per level in the background."""
        self._distribution_timer.stop()
        self._tasks.run(
            lambda _c: relationship.level_distribution(),
            self._show_distribution,
            on_error=lambda exc: report_error(self, exc),
            key="relationship-distribution",
            receiver=self,
        )

    def apply_suggestion(self) -> None:
        """Give the customer the suggested level."""
        if self.suggestion is not None:
            self._set_level(self.suggestion.level)

    # ---------------------------------------------------------------- customer

    def _reload_customer(self, *, suggest: bool, known: CustomerRecord | None = None) -> None:
        record = None
        if self._customer_id is not None:
            try:
                record = known if known is not None and known.id == self._customer_id else None
                record = record or customers.get_customer(self._customer_id)
            except NotFoundError:
                record = None
        live = record is not None and record.deleted_at is None
        self._level = record.relationship_level if record is not None else None
        self._loading = True
        self.level_combo.setCurrentIndex(max(self.level_combo.findData(self._level), 0))
        self._loading = False
        self.level_combo.setEnabled(live)
        if record is None:
            self.header.setText(self.tr("Select a customer to see their relationship level."))
        else:
            self.header.setText(f"<b>{escape(record.name)}</b> ({escape(record.code)})")
        if self._level is not None:
            self.level_list.setCurrentRow(self._level - 1)
        self.cadence_label.setText(
            self.tr("Follow up every %1 days.").replace(
                "%1", str(relationship.cadence_days(self._level))
            )
            if live
            else ""
        )
        self._fill_checklist()
        if suggest or not live:
            self._request_suggestion(live)
        else:
            self._show_suggestion(self.suggestion)

    def _fill_checklist(self) -> None:
        self.checklist.blockSignals(True)
        self.checklist.clear()
        if self._customer_id is None or self._level is None:
            note = QListWidgetItem(self.tr("Set a level to see its strategy."))
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            self.checklist.addItem(note)
        else:
            ticked = relationship.strategy_steps_done(self._customer_id, self._level)
            for index, step in enumerate(relationship.level(self._level).strategies):
                item = QListWidgetItem(step)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                checked = index in ticked
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.checklist.addItem(item)
        self.checklist.blockSignals(False)

    def _tick_changed(self, item: QListWidgetItem) -> None:
        if self._customer_id is None or self._level is None:
            return
        done = item.checkState() == Qt.CheckState.Checked
        try:
            relationship.mark_strategy_step(
                self._customer_id, self._level, self.checklist.row(item), done
            )
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            report_error(self, exc)
            self._fill_checklist()  # show what is really stored

    def _level_chosen(self, _index: int) -> None:
        if not self._loading:
            self._set_level(self.level_combo.currentData())

    def _set_level(self, number: int | None) -> None:
        customer_id = self._customer_id
        if customer_id is None or number == self._level:
            return
        try:
            relationship.set_level(customer_id, number)
        except Exception as exc:  # noqa: BLE001 - shown to the user, bugs logged
            report_error(self, exc)
            self._reload_customer(suggest=False)
            return
        self._events.customerChanged.emit(customer_id)  # we re-read on it too

    # -------------------------------------------------------------- suggestion

    def _request_suggestion(self, live: bool) -> None:
        self.suggestion = None
        self.apply_button.setEnabled(False)
        if not live or self._customer_id is None:
            self.suggestion_label.setText("")
            self.reason_label.setText("")
            return
        customer_id = self._customer_id
        self.suggestion_label.setText(self.tr("Working out a suggestion…"))
        self.reason_label.setText("")

        def work(_context: TaskContext) -> tuple[int, LevelSuggestion]:
            return customer_id, relationship.suggest_level(customer_id)

        self._tasks.run(
            work,
            self._suggestion_ready,
            on_error=self._suggestion_failed,
            key="relationship-suggestion",
            receiver=self,
        )

    def _suggestion_ready(self, result: tuple[int, LevelSuggestion]) -> None:
        customer_id, suggestion = result
        if customer_id == self._customer_id:
            self._show_suggestion(suggestion)

    def _suggestion_failed(self, exc: BaseException) -> None:
        if isinstance(exc, NotFoundError):  # the customer went to the trash meanwhile
            self.suggestion_label.setText("")
            return
        report_error(self, exc)

    def _show_suggestion(self, suggestion: LevelSuggestion | None) -> None:
        self.suggestion = suggestion
        if suggestion is None:
            self.apply_button.setEnabled(False)
            return
        name = _level_name(suggestion.level)
        self.suggestion_label.setText(f"<b>{suggestion.level} · {name}</b>")
        self.reason_label.setText(suggestion.reason)
        self.apply_button.setEnabled(suggestion.level != self._level)

    # ------------------------------------------------------------ levels, bars

    def _show_level_text(self, row: int) -> None:
        if row < 0:
            self.level_text.clear()
            return
        info = relationship.level(row + 1)
        steps = "".join(f"<li>{escape(step)}</li>" for step in info.strategies)
        cadence = self.tr("Follow up every %1 days.").replace(
            "%1", str(relationship.cadence_days(info.number))
        )
        title = f"{info.number} · {_level_name(info.number)}"
        self.level_text.setText(
            f"<b>{title}</b><p>{escape(info.characteristics)}</p>"
            f"<p><i>{self.tr('Strategy')}</i></p><ul style='margin-left:-20px'>{steps}</ul>"
            f"<p>{cadence}</p>"
        )

    def _show_distribution(self, counts: dict[int | None, int]) -> None:
        self.distribution = dict(counts)
        shown = {NOT_SET if level is None else level: n for level, n in counts.items()}
        names = {
            number: f"{number} · {_level_name(number)}" for number in relationship.LEVEL_NUMBERS
        }
        names[NOT_SET] = self.tr("Not set")
        self.bars.set_distribution(shown, names, self.tr("%1: %2 customers"))

    # ------------------------------------------------------------------ events

    def _customer_changed(self, customer_id: int) -> None:
        if customer_id == self._customer_id:
            self._reload_customer(suggest=False)
        self._distribution_timer.start()

    def _customers_changed(self) -> None:
        if self._customer_id is not None:
            self._reload_customer(suggest=True)
        self._distribution_timer.start()

    def _followups_changed(self, customer_id: int) -> None:
        if customer_id == self._customer_id:
            self._reload_customer(suggest=True)  # contacts feed the suggestion
