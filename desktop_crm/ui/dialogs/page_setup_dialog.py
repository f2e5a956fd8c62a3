"""File → Page Setup: the paper and orientation every report is laid out for.

The choice is kept in the UI settings (it belongs to this computer and its printer) and
is read each time a report is built: the client report, the list, the follow-up plan
and the letters. "Automatic" leaves each report its own way: the client report and
letters portrait, the follow-up plan landscape (room to write), the list landscape
only when its columns need it. Labels and envelopes print on the paper of their sheet
or envelope; the label sheet offered first follows the paper chosen here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.reports.document import PageSetup
from desktop_crm.ui.labels import choice_items
from desktop_crm.ui.settings import UiSettings

PAPERS = ("a4", "letter")
ORIENTATIONS = ("auto", "portrait", "landscape")


@dataclass(frozen=True)
class PageChoice:
    """Paper and orientation for the reports, and what each report builder is given."""

    paper: str = "a4"
    orientation: str = "auto"

    @classmethod
    def from_settings(cls, settings: UiSettings) -> PageChoice:
        paper, orientation = settings.page_paper, settings.page_orientation
        return cls(
            paper if paper in PAPERS else "a4",
            orientation if orientation in ORIENTATIONS else "auto",
        )

    def save(self, settings: UiSettings) -> None:
        settings.page_paper = self.paper
        settings.page_orientation = self.orientation
        settings.sync()

    def landscape(self, automatic: bool | None) -> bool | None:
        """Landscape or not; `automatic` is the report's own choice (None: the report's)."""
        if self.orientation == "auto":
            return automatic
        return self.orientation == "landscape"

    def client_setup(self) -> PageSetup:
        return PageSetup(paper=self.paper, landscape=bool(self.landscape(False)))

    def list_options(self) -> dict[str, Any]:
        """For `build_list_report`: landscape None turns the page when the list is wide."""
        return {"paper": self.paper, "landscape": self.landscape(None)}

    def plan_options(self) -> dict[str, Any]:
        return {"paper": self.paper, "landscape": bool(self.landscape(True))}

    def letter_options(self) -> dict[str, Any]:
        return {"paper": self.paper, "landscape": bool(self.landscape(False))}

    def label_sheet(self) -> str:
        """The label sheet to offer first on this paper."""
        return "letter-2x7" if self.paper == "letter" else "a4-3x8"


class PageSetupDialog(QDialog):
    """Paper size and orientation, remembered for every report from now on."""

    def __init__(self, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageSetupDialog")
        self.setWindowTitle(self.tr("Page Setup"))
        self._settings = settings
        current = PageChoice.from_settings(settings)

        self.paper = QComboBox(self)
        self.paper.setObjectName("paperSize")
        for code, label in choice_items("paper", PAPERS):
            self.paper.addItem(label, code)
        self.paper.setCurrentIndex(PAPERS.index(current.paper))
        self.orientation = QComboBox(self)
        self.orientation.setObjectName("pageOrientation")
        for code, label in choice_items("orientation", ORIENTATIONS):
            self.orientation.addItem(label, code)
        self.orientation.setCurrentIndex(ORIENTATIONS.index(current.orientation))

        form = QFormLayout()
        form.addRow(self.tr("&Paper:"), self.paper)
        form.addRow(self.tr("&Orientation:"), self.orientation)
        note = QLabel(
            self.tr(
                "Used for the client report, the customer list, the follow-up plan and "
                "letters. Automatic prints the client report and letters portrait, the "
                "follow-up plan landscape, and turns the customer list to landscape "
                "when its columns need the width."
            ),
            self,
        )
        note.setObjectName("pageSetupNote")
        note.setWordWrap(True)
        note.setMinimumWidth(360)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def choice(self) -> PageChoice:
        return PageChoice(self.paper.currentData(), self.orientation.currentData())

    def accept(self) -> None:
        self.choice().save(self._settings)
        super().accept()
