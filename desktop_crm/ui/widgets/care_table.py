"""The rows of the Care view: occasions (a customer's birthday or anniversary, or a
festival for everybody) and their table model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop_crm.domain import care
from desktop_crm.domain.care import CareEvent, Holiday
from desktop_crm.ui import labels

DONE_COLOR = QColor("#2e7d32")

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Occasion:
    """One row: a customer's birthday or anniversary, or a festival for everybody."""

    on: date
    days_until: int
    kind: str  # a care event kind, or "holiday"
    event: CareEvent | None = None
    holiday: Holiday | None = None

    @property
    def customer_id(self) -> int | None:
        return self.event.customer_id if self.event is not None else None

    @property
    def template(self) -> str:
        """The greeting template (care.OCCASIONS) that fits."""
        if self.kind == "holiday":
            return "holiday"
        return "anniversary" if self.kind == "anniversary" else "birthday"

    @property
    def key(self) -> tuple:
        if self.holiday is not None:
            return ("holiday", self.holiday.name, self.on)
        assert self.event is not None
        return (self.kind, self.event.customer_id, self.event.contact_name, self.on)


def occasions_of(events: list[CareEvent], holidays: list[Holiday]) -> list[Occasion]:
    """Customer events and festivals as rows, in date order (festivals first on a day)."""
    today = date.today()
    rows = [Occasion(e.on, e.days_until, e.kind, event=e) for e in events]
    rows += [Occasion(h.on, (h.on - today).days, "holiday", holiday=h) for h in holidays]
    return sorted(
        rows, key=lambda o: (o.on, o.kind != "holiday", o.event and o.event.customer_name)
    )


class CareTableModel(QAbstractTableModel):
    """Occasions: date, when, occasion, customer, owner, sent."""

    COL_DATE, COL_WHEN, COL_CUSTOMER, COL_OCCASION, COL_OWNER, COL_SENT = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Occasion] = []
        self.sent: dict[tuple, set[int]] = {}  # occasion key → customers greeted
        self._owner_names: dict[str, str] = {}

    def set_rows(self, rows: list[Occasion], owner_names: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._owner_names = dict(owner_names)
        self.endResetModel()

    def mark_sent(self, row: int, customer_id: int) -> None:
        self.sent.setdefault(self.rows[row].key, set()).add(customer_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else 6

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Date"),
            self.tr("When"),
            self.tr("Customer"),
            self.tr("Occasion"),
            self.tr("Owner"),
            self.tr("Sent"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def occasion_text(self, occasion: Occasion) -> str:
        if occasion.holiday is not None:
            return occasion.holiday.name
        event = occasion.event
        assert event is not None
        kind = labels.choice_label("care_occasion", event.kind)
        if event.kind == "lunar_birthday":
            lunar = care.solar_to_lunar(event.on)
            kind += " " + self.tr("(lunar %1/%2)").replace("%1", str(lunar[1])).replace(
                "%2", str(lunar[2])
            )
        if event.kind == "contact_birthday" and event.contact_name:
            return f"{kind}: {event.contact_name}"
        if event.kind == "anniversary" and event.years:
            return f"{kind} · " + self.tr("%n year(s)", "", event.years)
        if event.years:
            return f"{kind} · " + self.tr("turns %n", "", event.years)
        return kind

    def when_text(self, days: int) -> str:
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        return self.tr("in %n day(s)", "", days)

    def _text(self, occasion: Occasion, column: int) -> str:
        event = occasion.event
        if column == self.COL_DATE:
            return occasion.on.isoformat()
        if column == self.COL_WHEN:
            return self.when_text(occasion.days_until)
        if column == self.COL_OCCASION:
            return self.occasion_text(occasion)
        if column == self.COL_CUSTOMER:
            return f"{event.customer_name} ({event.customer_code})" if event else self.tr("All")
        if column == self.COL_OWNER:
            owner = event.owner if event else None
            return self._owner_names.get(owner or "", owner or "")
        if column == self.COL_SENT:
            greeted = self.sent.get(occasion.key, set())
            if event is not None:
                return self.tr("✓ Sent") if greeted else ""
            return self.tr("%n sent", "", len(greeted)) if greeted else ""
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        occasion = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(occasion, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.COL_SENT:
            return QBrush(DONE_COLOR)
        if role == Qt.ItemDataRole.FontRole and occasion.holiday is not None:
            font = QGuiApplication.font()
            font.setBold(True)
            return font
        return None

    def occasion(self, row: int) -> Occasion | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
