"""What the customer list shows instead of an empty table: how to get customers in, or
that nothing matches (with a way back), or that the trash is empty."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyListHint(QWidget):
    """Three states: `"empty"` (no customers at all), `"no_match"`, `"trash"`."""

    newCustomerRequested = Signal()  # noqa: N815 - Qt naming
    importRequested = Signal()  # noqa: N815
    sampleDataRequested = Signal()  # noqa: N815
    clearRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyListHint")
        self.state = "empty"
        self.title = QLabel(self)
        self.title.setObjectName("emptyListTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setObjectName("emptyListText")
        self.text.setWordWrap(True)
        for label in (self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.new_button = self._button("emptyNewCustomer", self.tr("&New Customer"))
        self.new_button.clicked.connect(self.newCustomerRequested)
        self.import_button = self._button("emptyImport", self.tr("&Import a File…"))
        self.import_button.clicked.connect(self.importRequested)
        self.sample_button = self._button("emptySampleData", self.tr("Try with &Sample Data"))
        self.sample_button.clicked.connect(self.sampleDataRequested)
        self.clear_button = self._button("emptyClearFilters", self.tr("&Clear Search and Filters"))
        self.clear_button.clicked.connect(self.clearRequested)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.new_button, self.import_button, self.sample_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addStretch(3)
        self.show_state("empty")

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def show_state(self, state: str) -> None:
        self.state = state
        if state == "no_match":
            self.title.setText(self.tr("No customer matches"))
            self.text.setText(self.tr("Nothing matches the search and filters above."))
        elif state == "trash":
            self.title.setText(self.tr("The trash is empty"))
            self.text.setText(self.tr("Customers moved to the trash are kept here until restored."))
        else:
            self.title.setText(self.tr("No customers yet"))
            self.text.setText(
                self.tr(
                    "Enter your first customer, import them from a spreadsheet, a phone's "
                    "address book or a mail program, or look around with sample customers."
                )
            )
        starting = state == "empty"
        for button in (self.new_button, self.import_button, self.sample_button):
            button.setVisible(starting)
        self.clear_button.setVisible(state == "no_match")
