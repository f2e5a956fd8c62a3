"""Sync by file in the GUI, against the real PostgreSQL test server: on the laptop File →
Write Sync File… writes the changes made there and says what to do next; at the office
(the app on the postgresql:// database, signed in as the same user) File → Apply a
Replica's Sync File… applies it and writes the reply; back on the laptop File → Apply
Office Reply… brings the replica in step. A file refused says why in one message and
changes nothing. Each action shows only where it makes sense."""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton

from desktop_crm.app import create_main_window
from desktop_crm.db.connection import close_database
from desktop_crm.db.models import Customer
from desktop_crm.domain import replica, sync
from desktop_crm.ui.settings import UiSettings
from tests import postgres
from tests.office import PASSWORD, WANGS, Office
from tests.ui.test_main_window import wait_loaded
from tests.ui.test_sync_gui import (
    Told,
    close_window,
    office_title,
    set_office_title,
    status_text,
    type_title,
)

FILE_TIMEOUT = 30_000
SUGGESTED = Path("(the suggested file)")  # answered by the file dialog: take its suggestion
FILE_ACTIONS = ("write_sync_file", "apply_sync_reply", "apply_replica_sync_file")


class Chosen:
    """The file dialogs: each answers the next of `answers` (a path, SUGGESTED, or None
    for Cancel); `asked` holds (kind, suggested path or folder, filter) of each."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: list[Path | None] = []
        self.asked: list[tuple[str, str, str]] = []

        def dialog(kind: str):
            def ask(_parent, _caption, suggested, file_filter, *_rest):
                self.asked.append((kind, suggested, file_filter))
                answer = self.answers.pop(0)
                chosen = suggested if answer is SUGGESTED else str(answer or "")
                return chosen, ""

            return ask

        monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog("save"))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog("open"))


@pytest.fixture
def told(monkeypatch) -> Told:
    return Told(monkeypatch)


@pytest.fixture
def chosen(monkeypatch) -> Chosen:
    return Chosen(monkeypatch)


@pytest.fixture
def laptop(office_db: Office, tmp_path: Path) -> Path:
    """wang's replica of the office."""
    path = tmp_path / "wang.db"
    replica.clone(postgres.database_url(office_db.name, user="wang", password=PASSWORD), path)
    close_database()
    return path


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """The USB stick the files travel on."""
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


@pytest.fixture
def windows(qtbot, tmp_path, told):
    """Opens main windows one after the other (the models have one database at a time):
    `windows(target)` closes the one open, then opens `target`; all closed at the end.
    Asked for after the database fixtures, so the last closes before its database goes."""
    opened = []

    def open_on(target: str):
        if opened:
            close_window(opened[-1])
        window = create_main_window(target, UiSettings(tmp_path / "ui.ini"))
        window.show()
        wait_loaded(qtbot, window)
        opened.append(window)
        return window

    yield open_on
    if opened:
        close_window(opened[-1])


def said(context: str, text: str, n: int) -> str:
    """A plural message as the app says it (English plural forms may be installed by an
    earlier test: "1 change", not "1 change(s)")."""
    return QCoreApplication.translate(context, text, "", n)


def waiting_text(n: int) -> str:
    return said("SyncStatusLabel", "%n change(s) waiting", n)


def office_url(office_db: Office, user: str = "wang") -> str:
    return postgres.database_url(office_db.name, user=user, password=PASSWORD)


def run(qtbot, window, told: Told, name: str) -> tuple[str, str, str]:
    """Trigger the File menu's action `name` to its end: the (name, text, details) of the
    message box it showed."""
    before = len(told.said)
    action = getattr(window.named_actions, name)
    assert action.isVisible() and action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: len(told.said) > before, timeout=FILE_TIMEOUT)
    assert len(told.said) == before + 1  # one message, whatever happened
    qtbot.waitUntil(action.isEnabled, timeout=5000)
    return told.said[-1]


def edit_wangs_title(qtbot, window, title: str) -> None:
    assert window.list_pane.select_customer(Customer.get(Customer.name == WANGS).id)
    type_title(qtbot, window, title)


def write_sync_file(qtbot, window, told, chosen, target: Path) -> tuple[str, str, str]:
    chosen.answers.append(target)
    return run(qtbot, window, told, "write_sync_file")


def apply_at_the_office(qtbot, window, told, chosen, changes: Path, reply) -> tuple:
    chosen.answers += [changes, reply]
    return run(qtbot, window, told, "apply_replica_sync_file")


# ------------------------------------------------------------------ the round trip


def test_an_edit_carried_by_file_reaches_the_office_and_the_reply_brings_the_laptop_in_step(
    qtbot, laptop, office_db, windows, stick, told, chosen
):
    # on the laptop
    window = windows(str(laptop))
    edit_wangs_title(qtbot, window, "Director")
    waiting = sync.waiting_changes()
    assert waiting > 0
    window.settings.sync_file_folder = str(stick)
    name, text, details = write_sync_file(qtbot, window, told, chosen, SUGGESTED)

    kind, suggested, file_filter = chosen.asked[-1]
    changes = stick / f"changes-wang-{date.today().isoformat()}.crmsync"
    assert (kind, suggested) == ("save", str(changes))
    assert file_filter == "Desktop CRM sync files (*.crmsync)"
    assert changes.exists() and not list(stick.glob("*.part"))
    assert name == "syncFileWritten"
    assert text == said("SyncFiles", "%n change(s) written to %1.", waiting).replace(
        "%1", str(changes)
    )
    assert "Take this file to the office" in details
    assert "signed in as wang, choose File → Apply a Replica's Sync File…" in details
    assert "choose File → Apply Office Reply… here" in details
    # nothing counts as sent before the reply comes back
    status_text(qtbot, window, "Last synced ", " · " + waiting_text(waiting))

    # at the office, signed in as wang
    window = windows(office_url(office_db))
    assert office_title(office_db) != "Director"
    name, text, details = apply_at_the_office(qtbot, window, told, chosen, changes, SUGGESTED)

    reply = stick / f"reply-wang-{date.today().isoformat()}.crmsync"
    assert [(kind, where) for kind, where, _ in chosen.asked[-2:]] == [
        ("open", str(stick)),
        ("save", str(reply)),
    ]
    assert (name, text) == (
        "replicaSyncFileApplied",
        "The laptop's sync file was applied to the office.",
    )
    counts, _, rest = details.partition("\n\n")
    assert re.fullmatch(r"Taken: [1-9]\d* · Refused: 0", counts)
    assert rest.startswith(f"The reply is in {reply}. Take it back to the laptop")
    assert office_title(office_db) == "Director"
    assert reply.exists()
    # the office window shows what was taken
    assert window.list_pane.select_customer(Customer.get(Customer.name == WANGS).id)
    assert window.detail.form.edits["title"].text() == "Director"

    # back on the laptop
    window = windows(str(laptop))
    chosen.answers.append(reply)
    name, text, details = run(qtbot, window, told, "apply_sync_reply")
    assert chosen.asked[-1][:2] == ("open", str(stick))  # where the last file was
    assert name == "syncDone"
    assert text == "The office's reply was applied."
    assert details.startswith("Sent: ") and "Sent: 0 " not in details
    status_text(qtbot, window, "Last synced ", " · " + waiting_text(0))
    assert sync.waiting_changes() == 0


def test_the_office_change_comes_back_with_the_reply_and_the_open_customer_shows_it(
    qtbot, laptop, office_db, windows, stick, told, chosen
):
    window = windows(str(laptop))
    wangs = Customer.get(Customer.name == WANGS).id
    assert window.list_pane.select_customer(wangs)
    write_sync_file(qtbot, window, told, chosen, stick / "out.crmsync")
    set_office_title(office_db, "经理")
    window = windows(office_url(office_db))
    apply_at_the_office(qtbot, window, told, chosen, stick / "out.crmsync", stick / "back.crmsync")

    window = windows(str(laptop))
    assert window.list_pane.select_customer(wangs)
    chosen.answers.append(stick / "back.crmsync")
    name, _text, details = run(qtbot, window, told, "apply_sync_reply")
    assert name == "syncDone" and "Received: 0 " not in details
    qtbot.waitUntil(lambda: window.detail.form.edits["title"].text() == "经理", timeout=5000)


def test_a_conflict_carried_by_file_is_told_and_opens_the_conflicts_view(
    qtbot, laptop, office_db, windows, stick, told, chosen
):
    window = windows(str(laptop))
    edit_wangs_title(qtbot, window, "mine")
    write_sync_file(qtbot, window, told, chosen, stick / "out.crmsync")
    set_office_title(office_db, "theirs")
    window = windows(office_url(office_db))
    apply_at_the_office(qtbot, window, told, chosen, stick / "out.crmsync", stick / "back.crmsync")
    assert office_title(office_db) == "theirs"  # a conflict: the office keeps its value

    window = windows(str(laptop))
    chosen.answers.append(stick / "back.crmsync")
    told.press = "Show &Conflicts…"
    name, _text, details = run(qtbot, window, told, "apply_sync_reply")
    assert name == "syncDone"
    conflicts = said(
        "SyncSummary",
        "%n conflict(s) wait for your choice: the same thing was changed here and at the office.",
        1,
    )
    assert details.endswith(f"\n\n{conflicts}")
    dialog = window.sync_actions.conflicts_dialog
    assert dialog is not None and dialog.isVisible() and len(dialog.conflicts) == 1
    dialog.reject()
    status_text(qtbot, window, "Last synced ", " · " + said("SyncStatusLabel", "%n conflict(s)", 1))


# ------------------------------------------------------------------------ refused


def test_a_changes_file_applied_twice_is_refused_in_one_message_and_changes_nothing(
    qtbot, laptop, office_db, windows, stick, told, chosen
):
    window = windows(str(laptop))
    edit_wangs_title(qtbot, window, "Director")
    changes = stick / "out.crmsync"
    write_sync_file(qtbot, window, told, chosen, changes)
    window = windows(office_url(office_db))
    apply_at_the_office(qtbot, window, told, chosen, changes, stick / "back.crmsync")
    set_office_title(office_db, "the boss's title")

    name, text, details = apply_at_the_office(
        qtbot, window, told, chosen, changes, stick / "again.crmsync"
    )

    assert name == "syncFileRefused"
    assert text == (
        "The sync file was not applied: nothing changed at the office and no reply was written."
    )
    assert "was applied already" in details and "nothing was applied" in details
    assert office_title(office_db) == "the boss's title"
    assert not (stick / "again.crmsync").exists()
    assert not list(stick.glob("*.part"))


def test_an_altered_changes_file_is_refused_and_the_office_stays_as_it_was(
    qtbot, laptop, office_db, windows, stick, told, chosen
):
    window = windows(str(laptop))
    edit_wangs_title(qtbot, window, "Director")
    changes = stick / "out.crmsync"
    write_sync_file(qtbot, window, told, chosen, changes)
    changes.write_bytes(changes.read_bytes().replace(b"Director", b"Dictator"))
    before = office_title(office_db)

    window = windows(office_url(office_db))
    name, text, details = apply_at_the_office(
        qtbot, window, told, chosen, changes, stick / "back.crmsync"
    )

    assert name == "syncFileRefused" and text.startswith("The sync file was not applied")
    assert "was changed or cut short after it was written" in details
    assert office_title(office_db) == before
    assert not (stick / "back.crmsync").exists()


def test_a_file_signed_in_as_someone_else_is_refused_with_whom_to_sign_in_as(
    qtbot, laptop, office_db, windows, stick, told, chosen
):
    window = windows(str(laptop))
    edit_wangs_title(qtbot, window, "Director")
    write_sync_file(qtbot, window, told, chosen, stick / "out.crmsync")
    window = windows(office_url(office_db, "li"))
    name, _text, details = apply_at_the_office(
        qtbot, window, told, chosen, stick / "out.crmsync", stick / "back.crmsync"
    )
    assert name == "syncFileRefused"
    assert "holds wang's changes: sign in as wang to apply them, not as li" in details
    assert office_title(office_db) != "Director"


def test_a_file_that_is_no_sync_file_is_refused_before_the_reply_is_asked_for(
    qtbot, office_db, windows, stick, told, chosen
):
    junk = stick / "notes.crmsync"
    junk.write_text("shopping list")
    window = windows(office_url(office_db))
    chosen.answers.append(junk)
    name, text, details = run(qtbot, window, told, "apply_replica_sync_file")
    assert [kind for kind, _, _ in chosen.asked] == ["open"]  # no reply asked for
    assert (name, text) == ("syncFileRefused", "The sync file was not applied.")
    assert "is not a Desktop CRM sync file" in details


def test_a_reply_applied_twice_is_refused_and_changes_nothing_here(
    qtbot, laptop, office_db, windows, stick, told, chosen
):
    window = windows(str(laptop))
    write_sync_file(qtbot, window, told, chosen, stick / "out.crmsync")
    window = windows(office_url(office_db))
    apply_at_the_office(qtbot, window, told, chosen, stick / "out.crmsync", stick / "back.crmsync")
    window = windows(str(laptop))
    chosen.answers.append(stick / "back.crmsync")
    assert run(qtbot, window, told, "apply_sync_reply")[0] == "syncDone"
    edit_wangs_title(qtbot, window, "after the reply")
    waiting = sync.waiting_changes()

    chosen.answers.append(stick / "back.crmsync")
    name, text, details = run(qtbot, window, told, "apply_sync_reply")

    assert (name, text) == (
        "syncFileRefused",
        "The office's reply was not applied; nothing here changed.",
    )
    assert "is older than what this replica already has" in details
    assert sync.waiting_changes() == waiting
    assert window.detail.form.edits["title"].text() == "after the reply"


def test_a_changes_file_is_no_reply_for_the_laptop(qtbot, laptop, windows, stick, told, chosen):
    window = windows(str(laptop))
    write_sync_file(qtbot, window, told, chosen, stick / "out.crmsync")
    chosen.answers.append(stick / "out.crmsync")
    name, _text, details = run(qtbot, window, told, "apply_sync_reply")
    assert name == "syncFileRefused" and "is not the office's reply to this replica" in details


def test_cancel_at_the_office_applies_nothing_and_writes_no_reply(
    qtbot, laptop, office_db, windows, stick, told, chosen
):
    window = windows(str(laptop))
    edit_wangs_title(qtbot, window, "Director")
    write_sync_file(qtbot, window, told, chosen, stick / "out.crmsync")
    window = windows(office_url(office_db))
    # Both of the runner's threads held, so the file waits for one while Cancel is pressed.
    gate = threading.Event()
    for _ in range(window.tasks.pool.maxThreadCount()):
        window.tasks.run(lambda _c: gate.wait(10), lambda _r: None)
    chosen.answers += [stick / "out.crmsync", stick / "back.crmsync"]
    before = len(told.said)
    assert window.sync_actions.files.apply_replica_sync_file()
    dialog = window.sync_actions.files.dialog
    assert dialog is not None
    dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    gate.set()
    qtbot.waitUntil(lambda: len(told.said) > before, timeout=FILE_TIMEOUT)
    name, text, _details = told.said[-1]
    assert (name, text) == (
        "syncFileCancelled",
        "Cancelled: nothing changed at the office and no reply was written.",
    )
    assert office_title(office_db) != "Director"
    assert not (stick / "back.crmsync").exists() and not list(stick.glob("*.part"))
    assert window.named_actions.apply_replica_sync_file.isEnabled()
    # the same file applies once more, whole
    apply_at_the_office(qtbot, window, told, chosen, stick / "out.crmsync", stick / "back.crmsync")
    assert office_title(office_db) == "Director"


def test_a_file_dialog_cancelled_does_nothing(qtbot, laptop, windows, stick, told, chosen):
    window = windows(str(laptop))
    chosen.answers += [None, None]
    assert not window.sync_actions.files.write_sync_file()
    assert not window.sync_actions.files.apply_sync_reply()
    assert told.said == [] and list(stick.iterdir()) == []


# -------------------------------------------------------------------- where they show


def shown_file_actions(window) -> set[str]:
    actions = window.named_actions
    shown = set()
    for name in FILE_ACTIONS:
        action = getattr(actions, name)
        assert action.isVisible() == action.isEnabled()  # hidden ones stay off the palette
        if action.isVisible():
            shown.add(name)
    return shown


def file_menu_mnemonics(window) -> list[str]:
    """The accelerator letters of the File menu's visible entries."""
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    letters = []
    for action in menu.actions():
        found = re.search(r"&([^&\s])", action.text().replace("&&", ""))
        if action.isVisible() and not action.isSeparator() and found:
            letters.append(found.group(1).lower())
    return letters


def test_on_a_replica_the_laptops_two_file_actions_show(qtbot, laptop, windows):
    window = windows(str(laptop))
    assert shown_file_actions(window) == {"write_sync_file", "apply_sync_reply"}
    letters = file_menu_mnemonics(window)
    assert letters.count("f") == 1 and letters.count("a") == 1


def test_at_the_office_only_applying_a_replicas_file_shows(qtbot, office_db, windows):
    window = windows(office_url(office_db))
    assert shown_file_actions(window) == {"apply_replica_sync_file"}
    assert file_menu_mnemonics(window).count("a") == 1


def test_a_plain_local_database_shows_no_sync_file_action(qtbot, db_path, windows):
    window = windows(str(db_path))
    assert shown_file_actions(window) == set()
