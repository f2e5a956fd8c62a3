"""Birthday inputs: a solar date that may be absent or lack a year, and an optional
Chinese lunar month and day (leap month allowed)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QSpinBox, QWidget

# The year stored for a birthday whose year is unknown: a leap year, so 29 February fits.
NO_YEAR = 1904
_DEFAULT_DAY = QDate(1990, 1, 1)


class BirthdayEdit(QWidget):
    """`value()` → (date or None, has_year)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.none_box = QCheckBox(self.tr("No birthday"), self)
        self.none_box.setAccessibleName(self.tr("No birthday"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setAccessibleName(self.tr("Birthday (solar)"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(QDate(1900, 1, 1))
        self.date_edit.setDate(_DEFAULT_DAY)
        self.no_year_box = QCheckBox(self.tr("Year unknown"), self)
        self.no_year_box.setAccessibleName(self.tr("Birthday year unknown"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.no_year_box)
        layout.addWidget(self.none_box)
        layout.addStretch(1)
        self.none_box.toggled.connect(self._update_enabled)
        self.no_year_box.toggled.connect(self._update_format)
        for signal in (self.none_box.toggled, self.no_year_box.toggled, self.date_edit.dateChanged):
            signal.connect(self.changed)
        self.set_value(None, True)

    def value(self) -> tuple[date | None, bool]:
        if self.none_box.isChecked():
            return None, True
        day = self.date_edit.date().toPython()
        if self.no_year_box.isChecked():
            return _with_year(day, NO_YEAR), False
        return day, True

    def set_value(self, day: date | None, has_year: bool) -> None:
        self.blockSignals(True)
        self.none_box.setChecked(day is None)
        self.no_year_box.setChecked(day is not None and not has_year)
        self.date_edit.setDate(QDate(day) if day is not None else _DEFAULT_DAY)
        self._update_enabled()
        self._update_format()
        self.blockSignals(False)

    def _update_enabled(self) -> None:
        known = not self.none_box.isChecked()
        self.date_edit.setEnabled(known)
        self.no_year_box.setEnabled(known)

    def _update_format(self) -> None:
        self.date_edit.setDisplayFormat("MM-dd" if self.no_year_box.isChecked() else "yyyy-MM-dd")


def _with_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February into a common year cannot happen with NO_YEAR
        return day.replace(year=year, day=28)


class LunarDateEdit(QWidget):
    """`value()` → (month or None, day or None, leap); 0 in a spin box means "none"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month = QSpinBox(self)
        self.month.setRange(0, 12)
        self.month.setSpecialValueText(self.tr("No month"))
        self.month.setPrefix(self.tr("Month "))
        self.month.setAccessibleName(self.tr("Lunar birthday month"))
        self.day = QSpinBox(self)
        self.day.setRange(0, 30)
        self.day.setSpecialValueText(self.tr("No day"))
        self.day.setPrefix(self.tr("Day "))
        self.day.setAccessibleName(self.tr("Lunar birthday day"))
        self.leap = QCheckBox(self.tr("Leap month"), self)
        self.leap.setAccessibleName(self.tr("Lunar birthday in a leap month"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.month)
        layout.addWidget(self.day)
        layout.addWidget(self.leap)
        layout.addStretch(1)
        for signal in (self.month.valueChanged, self.day.valueChanged, self.leap.toggled):
            signal.connect(self.changed)

    def value(self) -> tuple[int | None, int | None, bool]:
        return self.month.value() or None, self.day.value() or None, self.leap.isChecked()

    def set_value(self, month: int | None, day: int | None, leap: bool) -> None:
        self.blockSignals(True)
        self.month.setValue(month or 0)
        self.day.setValue(day or 0)
        self.leap.setChecked(bool(leap))
        self.blockSignals(False)
