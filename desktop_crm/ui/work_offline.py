"""File → Work Offline…: take a replica of the office database to a laptop.

The user picks a new file; the copy runs as `desktop-crm sync clone` in a process of its
own (the copy binds the models to the new file while it writes it, and this window
goes on working on the office database), signed in as the same user, so it holds what
the server lets them see. A progress dialog follows its `--progress` lines and its
Cancel stops the process, leaving no file behind. When the replica is ready the user
may open it in a new window at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_crm import paths
from desktop_crm.db.connection import display_target
from desktop_crm.db.models import database
from desktop_crm.domain import replica
from desktop_crm.ui.app_process import AppProcess, app_command


def suggested_file(user: str) -> Path:
    """A new file beside the user's own database, named after the signed-in user."""
    folder = Path(paths.default_database()).parent
    candidate = folder / f"crm-{user}-offline.db"
    number = 2
    while candidate.exists():
        candidate = folder / f"crm-{user}-offline-{number}.db"
        number += 1
    return candidate


def work_offline(parent: QWidget) -> ReplicaCopy | None:
    """Ask where, then start the copy (None: the user chose no file)."""
    office = database.obj
    user = office.connect_params.get("user") or "me"
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ReplicaCopy", "Work Offline: Save a Replica As"),
        str(suggested_file(user)),
        QCoreApplication.translate("ReplicaCopy", "Desktop CRM database (*.db *.sqlite3)"),
    )
    if not chosen:
        return None
    copy = ReplicaCopy(parent, display_target(office.target), office.connect_params.get("password"))
    copy.start(Path(chosen))
    return copy


class ReplicaCopy(AppProcess):
    """One `sync clone` process, its progress dialog, and what the user is told after."""

    finished = Signal(bool)  # whether a replica was written

    def __init__(self, parent: QWidget, source: str, password: str | None) -> None:
        super().__init__(parent, self.tr("Copying your customers…"), "replicaProgress")
        self._source = source  # without the password, which goes on standard input
        self._password = password  # None: the server asks for none (or ~/.pgpass has it)
        self._target = Path()
        self._said = ""  # the process's last line that was not progress: its error

    def start(self, target: Path) -> None:
        self._target = target
        arguments = ["sync", "clone", self._source, "--to", str(target), "--progress"]
        self.run(arguments, self._password)

    def said(self, line: str) -> None:
        self._said = line

    def ended(self, code: int) -> None:
        written = not self.cancelled and code == 0
        if written:
            self._offer_to_open()
        else:
            replica.discard(replica.partial_file(self._target))  # a killed copy's leftovers
            if not self.cancelled:
                # the command line's one line, "desktop-crm: error: …", without its prefix
                reason = self._said.partition("error: ")[2] or self.tr("the copy stopped")
                QMessageBox.warning(
                    self._parent,
                    self.tr("Work Offline"),
                    self.tr("No replica was made: %1").replace("%1", reason),
                )
        self.finished.emit(written)

    def _offer_to_open(self) -> None:
        box = QMessageBox(self._parent)
        box.setObjectName("replicaReady")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Replica Ready"))
        box.setText(
            self.tr(
                "The replica is ready in %2 (customers: %1). "
                "Open it to work without the office network."
            )
            .replace("%1", str(replica.customer_count(self._target)))
            .replace("%2", str(self._target))
        )
        open_button = box.addButton(
            self.tr("&Open in a New Window"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_button:
            program, *arguments = app_command()
            QProcess.startDetached(program, [*arguments, "--database", str(self._target)])
