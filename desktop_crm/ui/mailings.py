"""File → Print labels / envelopes for the selected customers (the holiday-card mailing)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop_crm.reports.envelopes import ENVELOPES, build_envelopes
from desktop_crm.reports.labels import SHEETS, build_labels
from desktop_crm.ui import printing
from desktop_crm.ui.tasks import TaskRunner

ENVELOPE_NAMES = {"dl": "DL (110 × 220 mm)", "c5": "C5 (162 × 229 mm)", "10": "#10 (4⅛ × 9½ in)"}
SHEET_NAMES = {
    "a4-3x8": "A4, 3 × 8",
    "letter-2x7": "Letter, 2 × 7",
    "letter-3x10": "Letter, 3 × 10",
}


def _choose(parent: QWidget, title: str, label: str, names: dict[str, str]) -> str | None:
    shown = list(names.values())
    chosen, ok = QInputDialog.getItem(parent, title, label, shown, 0, False)
    return next((code for code, name in names.items() if name == chosen), None) if ok else None


def print_labels(parent: QWidget, ids: Sequence[int], tasks: TaskRunner) -> None:
    """Ask for the label sheet, then preview the labels of `ids`."""
    if not ids:
        return
    sheet = _choose(
        parent,
        QCoreApplication.translate("Mailings", "Address labels"),
        QCoreApplication.translate("Mailings", "Label sheet:"),
        {code: SHEET_NAMES.get(code, code) for code in SHEETS},
    )
    if sheet is not None:
        build = partial(build_labels, list(ids), label_sheet=SHEETS[sheet])
        printing.print_preview(parent, build, runner=tasks)


def print_envelopes(parent: QWidget, ids: Sequence[int], tasks: TaskRunner) -> None:
    """Ask for the envelope size, then preview an envelope for each of `ids`."""
    if not ids:
        return
    size = _choose(
        parent,
        QCoreApplication.translate("Mailings", "Envelopes"),
        QCoreApplication.translate("Mailings", "Envelope size:"),
        {code: ENVELOPE_NAMES.get(code, code) for code in ENVELOPES},
    )
    if size is not None:
        printing.print_preview(parent, partial(build_envelopes, list(ids), size=size), runner=tasks)
