"""File → Work Offline…: take a replica of the office database to a laptop.

The user picks a new file; the copy runs as `desktop-crm sync clone` in a process of its
own (the copy binds the models to the new file while it writes it, and this window
goes on working on the office database), signed in as the same user, so it holds what
the server lets them see. A progress dialog follows its `--progress` lines and its
Cancel stops the process, leaving no file behind. When the replica is ready the user
may open it in a new window at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from desktop_crm import paths
from desktop_crm.db.connection import display_target
from desktop_crm.db.models import database
from desktop_crm.domain import replica


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


def app_command() -> list[str]:
    """How this app starts itself again: the bundle's executable, or the Python module."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "desktop_crm"]


class ReplicaCopy(QObject):
    """One `sync clone` process, its progress dialog, and what the user is told after."""

    finished = Signal(bool)  # whether a replica was written

    def __init__(self, parent: QWidget, source: str, password: str | None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._source = source  # without the password, which goes on standard input
        self._password = password  # None: the server asks for none (or ~/.pgpass has it)
        self._target = Path()
        self._cancelled = False
        self._said = ""  # the process's last line that was not progress: its error
        self.process = QProcess(self)
        self.process.setReadChannel(QProcess.ProcessChannel.StandardError)  # progress, errors
        self.process.readyReadStandardError.connect(self._read_progress)
        self.process.finished.connect(self._ended)
        self.dialog = QProgressDialog(
            self.tr("Copying your customers…"), self.tr("Cancel"), 0, 0, parent
        )
        self.dialog.setObjectName("replicaProgress")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(500)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self, target: Path) -> None:
        self._target = target
        program, *arguments = app_command()
        arguments += ["sync", "clone", self._source, "--to", str(target), "--progress"]
        if self._password:
            arguments.append("--password-stdin")
        self.process.start(program, arguments)
        if self._password:
            self.process.write((self._password + "\n").encode())
        self.process.closeWriteChannel()

    def cancel(self) -> None:
        self._cancelled = True
        self.process.kill()

    def _read_progress(self) -> None:
        while self.process.canReadLine():
            line = bytes(self.process.readLine().data()).decode(errors="replace").strip()
            words = line.split()
            if len(words) == 4 and words[0] == "progress":
                _, _table, done, total = words
                self.dialog.setMaximum(int(total))
                self.dialog.setValue(int(done))
            elif line:
                self._said = line

    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read_progress()
        self.dialog.canceled.disconnect(self.cancel)  # closing the dialog says "canceled"
        self.dialog.close()
        written = not self._cancelled and status == QProcess.ExitStatus.NormalExit and code == 0
        if written:
            self._offer_to_open()
        else:
            replica.discard(replica.partial_file(self._target))  # a killed copy's leftovers
            if not self._cancelled:
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
