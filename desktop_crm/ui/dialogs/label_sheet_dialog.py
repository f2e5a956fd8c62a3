"""Which label sheet to print on, with its margins and pitch as measured on the packet.

A preset (A4 3×8, Letter 2×7, Letter 3×10) fills in the measures; any of them can be
changed to match the sheet in the drawer, and the first labels of a sheet already
partly used can be skipped. The last sheet is remembered for next time.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError
from desktop_crm.reports.labels import SHEETS, LabelSheet
from desktop_crm.ui.labels import choice_label
from desktop_crm.ui.settings import UiSettings

MEASURES = ("top", "left", "h_pitch", "v_pitch")


class LabelSheetDialog(QDialog):
    """Label sheet, margins, pitch and labels to skip; `sheet()` and `start()` after OK."""

    def __init__(
        self,
        settings: UiSettings,
        recipients: str,
        suggested: str = "a4-3x8",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("labelSheetDialog")
        self.setWindowTitle(self.tr("Address Labels"))
        self._settings = settings

        who = QLabel(recipients, self)
        who.setObjectName("recipientsLabel")
        who.setWordWrap(True)
        self.preset = QComboBox(self)
        self.preset.setObjectName("labelSheet")
        for name in SHEETS:
            self.preset.addItem(choice_label("label_sheet", name), name)
        self.spins: dict[str, QDoubleSpinBox] = {}
        for measure, name in zip(
            MEASURES, ("sheetTop", "sheetLeft", "sheetHPitch", "sheetVPitch"), strict=True
        ):
            spin = QDoubleSpinBox(self)
            spin.setObjectName(name)
            spin.setRange(0.0, 400.0)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(self.tr(" mm"))
            spin.valueChanged.connect(self._check)
            self.spins[measure] = spin
        self.skip = QSpinBox(self)
        self.skip.setObjectName("skipLabels")
        self.problem = QLabel(self)
        self.problem.setObjectName("sheetProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")

        form = QFormLayout()
        form.addRow(self.tr("Label &sheet:"), self.preset)
        form.addRow(self.tr("&Top margin:"), self.spins["top"])
        form.addRow(self.tr("&Left margin:"), self.spins["left"])
        form.addRow(self.tr("&Across, label to label:"), self.spins["h_pitch"])
        form.addRow(self.tr("&Down, label to label:"), self.spins["v_pitch"])
        form.addRow(self.tr("S&kip labels already used:"), self.skip)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Preview"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        remembered = settings.label_sheet
        name = remembered.get("name") if remembered.get("name") in SHEETS else suggested
        self.preset.setCurrentIndex(list(SHEETS).index(name if name in SHEETS else "a4-3x8"))
        self._fill(SHEETS[self.preset.currentData()])
        if remembered.get("name") == self.preset.currentData():
            for measure in MEASURES:
                value = remembered.get(measure)
                if isinstance(value, int | float):
                    self.spins[measure].setValue(float(value))
        self.preset.currentIndexChanged.connect(
            lambda _index: self._fill(SHEETS[self.preset.currentData()])
        )
        self._check()

    def _fill(self, preset: LabelSheet) -> None:
        for measure in MEASURES:
            self.spins[measure].blockSignals(True)
            self.spins[measure].setValue(getattr(preset, measure))
            self.spins[measure].blockSignals(False)
        self.skip.setRange(0, preset.per_page - 1)
        self._check()

    def _unchecked(self) -> LabelSheet:
        preset = SHEETS[self.preset.currentData()]
        return replace(preset, **{m: round(self.spins[m].value(), 2) for m in MEASURES})

    def sheet(self) -> LabelSheet:
        """The sheet as set, checked (`ReportError` says what is off)."""
        return self._unchecked().check()

    def start(self) -> int:
        return self.skip.value()

    def _check(self) -> None:
        try:
            self.sheet()
        except CrmError as exc:
            self.problem.setText(str(exc))
            ok = False
        else:
            self.problem.clear()
            ok = True
        self.problem.setVisible(not ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def accept(self) -> None:
        sheet = self._unchecked()
        remembered: dict[str, object] = {"name": sheet.name}
        remembered.update({m: getattr(sheet, m) for m in MEASURES})
        self._settings.label_sheet = remembered
        self._settings.sync()
        super().accept()
