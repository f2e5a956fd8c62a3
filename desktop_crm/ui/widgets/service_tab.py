"""The Service tab of the customer detail pane (M7): complaints with their status flow
(open → in progress → resolved → closed, see domain/service.py) and response deadline —
overdue ones stand out — and satisfaction surveys with the trend.

Buttons offer only the moves the flow allows for the selected complaint; a move the
domain refuses all the same (someone changed the complaint meanwhile) is shown with the
domain's reason. After a write the tab tells the other panes (complaintsChanged, which
the status bar's overdue count follows, and customerChanged for the history).
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, SignalInstance
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain import service
from desktop_crm.domain.service import ComplaintItem, SatisfactionTrend
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.ui import labels
from desktop_crm.ui.dialogs.complaint_dialog import ComplaintDialog
from desktop_crm.ui.dialogs.resolution_dialog import ResolutionDialog
from desktop_crm.ui.dialogs.survey_dialog import SurveyDialog
from desktop_crm.ui.events import AppEvents
from desktop_crm.ui.tasks import show_error
from desktop_crm.ui.widgets.followup_display import local_text
from desktop_crm.ui.widgets.record_tab import RecordTab
from desktop_crm.ui.widgets.record_table import Column, RecordTable, RecordTableModel

log = logging.getLogger(__name__)
_CONTEXT = "ServiceTab"
# A red tint over the row's own background: readable on light and dark palettes alike.
OVERDUE_TINT = QColor(229, 57, 53, 70)
FALLING_STYLE = "color: #d32f2f; font-weight: bold;"


def _subject(item: ComplaintItem) -> str:
    return item.description.strip().splitlines()[0] if item.description.strip() else ""


COMPLAINT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ServiceTab", "Opened"), lambda c: local_text(c.opened_at)),
    Column(QT_TRANSLATE_NOOP("ServiceTab", "Subject"), _subject, stretch=True),
    Column(
        QT_TRANSLATE_NOOP("ServiceTab", "Severity"),
        lambda c: labels.choice_label("severity", c.severity),
    ),
    Column(
        QT_TRANSLATE_NOOP("ServiceTab", "Status"),
        lambda c: labels.choice_label("complaint_status", c.status),
    ),
    Column(QT_TRANSLATE_NOOP("ServiceTab", "Deadline"), lambda c: local_text(c.respond_by)),
    Column(QT_TRANSLATE_NOOP("ServiceTab", "Resolved"), lambda c: local_text(c.resolved_at)[:10]),
)
_DEADLINE = 4
SURVEY_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ServiceTab", "Date"), lambda s: s.surveyed_on.isoformat()),
    Column(
        QT_TRANSLATE_NOOP("ServiceTab", "Satisfaction"),
        lambda s: "" if s.satisfaction is None else str(s.satisfaction),
        numeric=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("ServiceTab", "NPS"),
        lambda s: "" if s.nps is None else str(s.nps),
        numeric=True,
    ),
    Column(QT_TRANSLATE_NOOP("ServiceTab", "Comment"), lambda s: s.comments or "", stretch=True),
)


@cache
def overdue_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class ComplaintTableModel(RecordTableModel):
    """Overdue complaints: tinted, bold, a warning icon at the deadline."""

    def extra_data(self, record: ComplaintItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and record.overdue:
            return QBrush(OVERDUE_TINT)
        if role == Qt.ItemDataRole.FontRole and record.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == _DEADLINE and record.overdue:
            return overdue_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and record.overdue:
            return self.tr("Overdue")
        return None

    def _tooltip(self, item: ComplaintItem) -> str:
        lines = []
        if item.overdue:
            lines.append(self.tr("Overdue: nobody has taken it up by the deadline."))
        if item.category:
            lines.append(labels.choice_label("complaint_category", item.category))
        lines.append(item.description)
        if item.resolution:
            lines.append(self.tr("Resolution: %1").replace("%1", item.resolution))
        return "\n".join(lines)


class ServiceTab(RecordTab):
    def __init__(self, events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(events, parent)
        self.setObjectName("serviceTab")
        self.setAccessibleName(self.tr("Service"))

        self.complaints_title = QLabel(self)
        self.complaints_title.setObjectName("complaintsTitle")
        self.complaints_table = RecordTable(
            ComplaintTableModel(_CONTEXT, COMPLAINT_COLUMNS, self), "complaintsTable", self
        )
        self.complaints_table.setAccessibleName(self.tr("Complaints"))
        self.complaints_table.selectionModel().selectionChanged.connect(self._complaint_selected)
        self.details = QLabel(self)
        self.details.setObjectName("complaintDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = self._button(
            "newComplaintButton", self.tr("&New Complaint…"), self.new_complaint
        )
        self.start_button = self._button(
            "startWorkButton", self.tr("Start &Work"), lambda: self.move_selected("in_progress")
        )
        self.resolve_button = self._button(
            "resolveButton", self.tr("Mar&k Resolved…"), lambda: self.move_selected("resolved")
        )
        self.close_button = self._button(
            "closeComplaintButton",
            self.tr("Close Co&mplaint"),
            lambda: self.move_selected("closed"),
        )
        self.reopen_button = self._button(
            "reopenButton", self.tr("Reopen"), lambda: self.move_selected("in_progress")
        )

        self.trend_label = QLabel(self)
        self.trend_label.setObjectName("satisfactionTrend")
        self.trend_label.setWordWrap(True)
        self.trend_label.setTextFormat(Qt.TextFormat.PlainText)
        self.surveys_table = RecordTable(
            RecordTableModel(_CONTEXT, SURVEY_COLUMNS, self), "surveysTable", self
        )
        self.surveys_table.setAccessibleName(self.tr("Satisfaction surveys"))
        self.add_survey_button = self._button(
            "addSurveyButton", self.tr("Add S&urvey…"), self.add_survey
        )

        complaints = QWidget(self)
        c_layout = QVBoxLayout(complaints)
        c_layout.setContentsMargins(0, 0, 0, 0)
        c_layout.addWidget(self.complaints_title)
        c_layout.addWidget(self.complaints_table, 1)
        c_layout.addWidget(self.details)
        row = QHBoxLayout()
        for button in (
            self.new_button,
            self.start_button,
            self.resolve_button,
            self.close_button,
            self.reopen_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        c_layout.addLayout(row)
        c_layout.addWidget(self.message)
        surveys = QWidget(self)
        s_layout = QVBoxLayout(surveys)
        s_layout.setContentsMargins(0, 0, 0, 0)
        s_layout.addWidget(self.trend_label)
        s_layout.addWidget(self.surveys_table, 1)
        s_row = QHBoxLayout()
        s_row.addWidget(self.add_survey_button)
        s_row.addStretch(1)
        s_layout.addLayout(s_row)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("serviceSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(complaints)
        self.splitter.addWidget(surveys)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.set_customer(None)

    # ------------------------------------------------------------------ reading
    def _selected_id(self) -> int | None:
        selected = self.selected_complaint()
        return selected.id if selected else None

    def _changed_signal(self) -> SignalInstance:
        return self._events.complaintsChanged

    def _fill(self, select: int | None) -> None:
        complaints: list[ComplaintItem] = []
        trend = None
        if self._customer_id is not None:
            complaints = service.customer_complaints(self._customer_id)
            trend = service.satisfaction_trend(self._customer_id)
        self.complaints_table.record_model().set_records(complaints)
        found = self.complaints_table.select_where(lambda c: c.id == select)
        if not found and complaints:
            self.complaints_table.selectRow(0)
        self._show_complaint_count(complaints)
        self.surveys_table.record_model().set_records(
            list(reversed(trend.surveys)) if trend else []  # newest first, like complaints
        )
        self._show_trend(trend)
        self.new_button.setEnabled(self._customer_id is not None)
        self.add_survey_button.setEnabled(self._customer_id is not None)
        self._complaint_selected()

    def selected_complaint(self) -> ComplaintItem | None:
        return self.complaints_table.current_record()

    def _show_complaint_count(self, complaints: list[ComplaintItem]) -> None:
        unresolved = sum(1 for c in complaints if c.status in service.UNRESOLVED)
        overdue = sum(1 for c in complaints if c.overdue)
        text = self.tr("Complaints: %1 · unresolved %2").replace("%1", str(len(complaints)))
        text = text.replace("%2", str(unresolved))
        if overdue:
            text += " · " + self.tr("%n overdue", "", overdue)
        self.complaints_title.setText(text)

    def _complaint_selected(self, *_args: object) -> None:
        item = self.selected_complaint()
        allowed = service.TRANSITIONS.get(item.status, ()) if item else ()
        status = item.status if item else None
        self.start_button.setEnabled(status == "open" and "in_progress" in allowed)
        self.resolve_button.setEnabled("resolved" in allowed)
        self.close_button.setEnabled("closed" in allowed)
        self.reopen_button.setEnabled(status == "resolved" and "in_progress" in allowed)
        if item is None:
            self.details.clear()
            self.details.hide()
            return
        text = item.description
        if item.resolution:
            text += "\n" + self.tr("Resolution: %1").replace("%1", item.resolution)
        if item.overdue:
            text = self.tr("Overdue: nobody has taken it up by the deadline.") + "\n" + text
        self.details.setText(text)
        self.details.show()

    def _show_trend(self, trend: SatisfactionTrend | None) -> None:
        self.trend_label.setStyleSheet("")
        if trend is None or not trend.surveys:
            self.trend_label.setText(self.tr("No surveys yet."))
            return
        latest = self._scores(trend.latest_satisfaction, trend.latest_nps)
        if len(trend.surveys) == 1:
            self.trend_label.setText(
                self.tr("One survey: %1. The trend needs more.").replace("%1", latest)
            )
            return
        before = self._scores(trend.previous_satisfaction, trend.previous_nps)
        if trend.falling:
            word = self.tr("↘ Falling")
            self.trend_label.setStyleSheet(FALLING_STYLE)
        elif self._rising(trend):
            word = self.tr("↗ Rising")
        else:
            word = self.tr("→ Steady")
        self.trend_label.setText(
            self.tr("%1 — latest: %2; before: %3")
            .replace("%1", word)
            .replace("%2", latest)
            .replace("%3", before)
        )

    @staticmethod
    def _rising(trend: SatisfactionTrend) -> bool:
        pairs = (
            (trend.latest_satisfaction, trend.previous_satisfaction),
            (trend.latest_nps, trend.previous_nps),
        )
        return any(a is not None and b is not None and a > b for a, b in pairs)

    def _scores(self, satisfaction: float | None, nps: float | None) -> str:
        locale = QLocale()
        parts = []
        if satisfaction is not None:
            number = locale.toString(float(satisfaction), "f", 1).removesuffix(
                locale.decimalPoint() + "0"
            )
            parts.append(self.tr("satisfaction %1").replace("%1", number))
        if nps is not None:
            number = locale.toString(float(nps), "f", 1).removesuffix(locale.decimalPoint() + "0")
            parts.append(self.tr("NPS %1").replace("%1", number))
        return ", ".join(parts)

    # ------------------------------------------------------------------ writing
    def new_complaint(self) -> None:
        customer_id = self._customer_id
        if customer_id is None:
            return

        def save(values: dict[str, Any]) -> ComplaintItem:
            description = values.pop("description")
            return service.open_complaint(customer_id, description, **values)

        self._open(ComplaintDialog(save, self))

    def add_survey(self) -> None:
        customer_id = self._customer_id
        if customer_id is not None:
            self._open(SurveyDialog(lambda v: service.record_survey(customer_id, **v), self))

    def move_selected(self, status: str) -> None:
        """Move the selected complaint to `status`; resolving asks how it was settled."""
        item = self.selected_complaint()
        if item is None:
            return
        if status == "resolved":
            self._open(
                ResolutionDialog(
                    lambda v: service.set_complaint_status(
                        item.id, "resolved", resolution=v["resolution"]
                    ),
                    item,
                    self,
                )
            )
            return
        try:
            service.set_complaint_status(item.id, status)
        except ValidationError as exc:
            self.reload(item.id)  # show how the complaint stands now
            self._show_message(exc.errors.get("status") or exc.message)
            return
        except CrmError as exc:
            self.reload(item.id)
            self._show_message(exc.message)
            return
        except Exception as exc:  # noqa: BLE001 - a bug: logged and told
            log.exception("complaint status change failed")
            show_error(self, exc)
            return
        self._written(item.id)

    def _selection_after(self, saved: object) -> int | None:
        if isinstance(saved, ComplaintItem):
            return saved.id
        keep = self.selected_complaint()
        return keep.id if keep else None
