"""The import wizard's mapping page: which field each column fills, with a live preview.

Each column of the file gets a combo of fields (guessed from its header, or the mapping
the user chose last time for the same header row); the preview below shows the first
rows as they would be imported and changes with every choice. A date column whose
dates read both ways (03/04/2020) needs the user to pick day-first or month-first,
with the file's own examples read each way: the import never guesses.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop_crm.exchange.dates import DateColumn
from desktop_crm.exchange.import_preview import (
    example_readings,
    preview_fields,
    preview_rows,
)
from desktop_crm.exchange.mapping import (
    MAPPING_CHOICES,
    ColumnMapping,
    Target,
    choice_key,
    remember_mapping,
)
from desktop_crm.ui import labels
from desktop_crm.ui.widgets.text_table import TextTable

if TYPE_CHECKING:
    from desktop_crm.ui.dialogs.import_wizard import ImportWizard

_AS_IN_FILE = "@file"  # combo data: the preset's own target for this column
# Preview values that are stored codes, shown with their translated labels.
_CHOICE_KINDS = ("kind", "gender", "source", "status", "stage", "relationship_level")
_PREVIEW_TITLES = {"lunar_birthday": "lunar_birthday_month", "code": "code"}


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("importMappingPage")
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Choose the field each column of the file fills. The preview shows the first "
                "rows as they will be imported."
            )
        )
        self._wizard = wizard
        self._sample_shown: object = None
        self._original: list[Target | None] = []
        self._date_orders: dict[int, str] = {}
        self._ambiguous: list[tuple[int, DateColumn]] = []

        self.preset = QComboBox(self)
        self.preset.setObjectName("importPresetCombo")
        for code, text in (
            ("", self.tr("Automatic")),
            ("csv", self.tr("Standard column names")),
            ("google", self.tr("Google Contacts export")),
            ("outlook", self.tr("Outlook export")),
        ):
            self.preset.addItem(text, code)
        self.preset.activated.connect(self._preset_chosen)
        preset_label = QLabel(self.tr("Column &names:"), self)
        preset_label.setBuddy(self.preset)
        self.remembered = QLabel(self)
        self.remembered.setObjectName("importRememberedNote")

        self.columns = QTableWidget(0, 3, self)
        self.columns.setObjectName("importMappingTable")
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Imported as")]
        )
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)

        self.dates_box = QWidget(self)
        self.dates_box.setObjectName("importDateChoices")
        self.dates_layout = QVBoxLayout(self.dates_box)
        self.dates_layout.setContentsMargins(0, 0, 0, 0)

        self.preview = TextTable("importPreviewTable", self)
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_title = QLabel(self.tr("&Preview of the first rows:"), self)
        preview_title.setBuddy(self.preview)
        preview_layout.addWidget(preview_title)
        preview_layout.addWidget(self.preview)

        self.message = QLabel(self)
        self.message.setObjectName("importMappingMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")

        top = QHBoxLayout()
        top.addWidget(preset_label)
        top.addWidget(self.preset)
        top.addWidget(self.remembered, 1)
        splitter = QSplitter(self)
        splitter.setObjectName("importMappingSplitter")
        splitter.addWidget(self.columns)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.dates_box)
        layout.addWidget(self.message)

    # ------------------------------------------------------------------ building

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        sample = self._wizard.sample
        if sample is None or sample is self._sample_shown:
            return  # back and forth on the same file keeps the user's choices
        self._sample_shown = sample
        self._date_orders = {}
        self.remembered.setText(
            self.tr("Using the choices you made last time for these columns.")
            if self._wizard.mapping_remembered
            else ""
        )
        self.preset.setCurrentIndex(0)
        self._fill_columns()

    def _preset_chosen(self) -> None:
        sample = self._wizard.sample
        if sample is None:
            return
        preset = self.preset.currentData() or sample.preset
        self._wizard.mapping = ColumnMapping.from_headers(sample.headers, preset)
        self.remembered.setText("")
        self._fill_columns()

    def _fill_columns(self) -> None:
        sample, mapping = self._wizard.sample, self._wizard.mapping
        assert sample is not None and mapping is not None
        self._original = list(mapping.targets)
        self.columns.setRowCount(len(sample.headers))
        for index, header in enumerate(sample.headers):
            self.columns.setItem(index, 0, QTableWidgetItem(header))
            example = next((c[index] for _l, c in sample.rows if index < len(c) and c[index]), "")
            self.columns.setItem(index, 1, QTableWidgetItem(example))
            self.columns.setCellWidget(index, 2, self._combo(index, mapping.targets[index]))
        self.columns.resizeColumnToContents(0)
        self.columns.setColumnWidth(0, min(self.columns.columnWidth(0), 220))
        self.columns.setColumnWidth(2, 190)
        self._changed()

    def _combo(self, index: int, target: Target | None) -> QComboBox:
        combo = QComboBox(self.columns)
        combo.setObjectName(f"importFieldCombo{index}")
        combo.setAccessibleName(self.tr("Field for column %1").replace("%1", str(index + 1)))
        key = choice_key(target)
        if target is not None and MAPPING_CHOICES.get(key) != target:
            # The preset's own reading (Google's numbered phones, Outlook's address blocks).
            combo.addItem(
                self.tr("%1 (as the file says)").replace(
                    "%1", labels.choice_label("import_field", key)
                ),
                _AS_IN_FILE,
            )
        for code, text in labels.choices("import_field"):
            if code in MAPPING_CHOICES:
                combo.addItem(text, code)
        wanted = _AS_IN_FILE if combo.findData(_AS_IN_FILE) >= 0 else key
        combo.setCurrentIndex(max(combo.findData(wanted), 0))
        combo.currentIndexChanged.connect(lambda _i, column=index: self._field_chosen(column))
        return combo

    def combo(self, index: int) -> QComboBox:
        widget = self.columns.cellWidget(index, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def _field_chosen(self, index: int) -> None:
        mapping = self._wizard.mapping
        assert mapping is not None
        code = self.combo(index).currentData()
        target = self._original[index] if code == _AS_IN_FILE else MAPPING_CHOICES.get(code)
        targets = list(mapping.targets)
        targets[index] = None if target is None or target.kind == "ignore" else target
        self._wizard.mapping = ColumnMapping.from_targets(mapping.headers, mapping.preset, targets)
        self._changed()

    # ------------------------------------------------------------- dates, preview

    def _changed(self) -> None:
        sample, mapping = self._wizard.sample, self._wizard.mapping
        assert sample is not None and mapping is not None
        ambiguous = sample.ambiguous_dates(mapping)
        if [i for i, _c in ambiguous] != [i for i, _c in self._ambiguous]:
            self._ambiguous = ambiguous
            self._build_date_choices()
        orders: dict[int, str] = {}
        for index, _header in mapping.date_columns():
            column = sample.dates.get(index)
            if column is not None and column.order and not column.ambiguous:
                orders[index] = column.order  # the file's own dates settle it
        orders.update(
            {i: self._date_orders[i] for i, _c in self._ambiguous if i in self._date_orders}
        )
        mapping.column_date_orders = orders
        self._show_preview()
        self._check()
        self.completeChanged.emit()

    def _build_date_choices(self) -> None:
        while self.dates_layout.count():
            item = self.dates_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for index, column in self._ambiguous:
            self.dates_layout.addWidget(self._date_choice(index, column))

    def _date_choice(self, index: int, column: DateColumn) -> QGroupBox:
        box = QGroupBox(
            self.tr("Dates in the column “%1” can be read two ways: which comes first?").replace(
                "%1", column.column
            ),
            self.dates_box,
        )
        box.setObjectName(f"importDateOrder{index}")
        group = QButtonGroup(box)
        row = QHBoxLayout(box)
        readings = example_readings(column)
        for order, text in (
            ("dmy", self.tr("&Day first: %1")),
            ("mdy", self.tr("&Month first: %1")),
        ):
            button = QRadioButton(text.replace("%1", self._examples(readings[order])), box)
            button.setObjectName(f"importDateOrder{index}_{order}")
            button.setChecked(self._date_orders.get(index) == order)
            button.toggled.connect(
                lambda on, column=index, chosen=order: on and self._date_chosen(column, chosen)
            )
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        return box

    def _examples(self, readings: list[tuple[str, str | None]]) -> str:
        parts = []
        for value, iso in readings[:2]:
            if iso is None:
                read = self.tr("not a date")
            else:
                read = QLocale().toString(QDate.fromString(iso, "yyyy-MM-dd"), _long_date())
            parts.append(f"{value} → {read}")
        return "; ".join(parts)

    def _date_chosen(self, index: int, order: str) -> None:
        self._date_orders[index] = order
        self._changed()

    def _show_preview(self) -> None:
        sample, mapping = self._wizard.sample, self._wizard.mapping
        assert sample is not None and mapping is not None
        fields = preview_fields(mapping)
        headers = [self.tr("Line"), self.tr("Problem")]
        headers += [labels.column_title(_PREVIEW_TITLES.get(f, f)) for f in fields]
        unread = {c.column for i, c in self._ambiguous if i not in self._date_orders}
        rows = []
        for row in preview_rows(sample, mapping):
            if row.problem_field == "birthday" and unread:
                problem = self.tr("Birthday: choose the order of day and month below")
            elif row.problem_field:
                problem = f"{labels.column_title(row.problem_field)}: {row.problem}"
            else:
                problem = row.problem
            rows.append([str(row.line), problem, *(_shown(f, row.values.get(f)) for f in fields)])
        self.preview.set_rows(headers, rows)

    def _check(self) -> None:
        mapping = self._wizard.mapping
        assert mapping is not None
        if not mapping.has_name_source():
            self.message.setText(
                self.tr(
                    "Choose the column that holds the name (or the family and given names, "
                    "or the company)."
                )
            )
        elif any(i not in self._date_orders for i, _c in self._ambiguous):
            self.message.setText(self.tr("Choose how to read the dates above."))
        else:
            self.message.setText("")

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        mapping = self._wizard.mapping
        return (
            mapping is not None
            and mapping.has_name_source()
            and all(i in self._date_orders for i, _c in self._ambiguous)
        )

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        mapping = self._wizard.mapping
        if mapping is not None:
            remember_mapping(mapping)  # one small settings row
        return True

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return self._wizard.CHECK_PAGE


def _long_date() -> str:
    """The locale's long date format without the weekday ("MMMM d, yyyy", "yyyy年M月d日")."""
    text = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    return re.sub(r"\s*dddd[,，]?\s*", " ", text).strip(" ,，")


def _shown(field_name: str, value: object) -> str:
    if value is None:
        return ""
    if field_name in _CHOICE_KINDS:
        code: object = int(value) if str(value).isdigit() else value
        label = labels.choice_label(field_name, code)
        return label
    return str(value)
