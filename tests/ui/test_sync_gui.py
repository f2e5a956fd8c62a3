"""Field sync in the GUI, against the real PostgreSQL test server: File → Sync Now runs
`desktop-crm sync` in its own process, with progress and Cancel, and says what happened;
the status bar tells when the replica last synced and what waits; a conflict shows as a
badge on the customer and in the Conflicts view, where Keep Mine, Take Theirs or another
value settle it, and the next sync takes the choice to the office."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import keyring
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QPushButton

from desktop_crm.app import create_main_window
from desktop_crm.db import sign_in
from desktop_crm.db.connection import close_database
from desktop_crm.db.models import Customer, Setting
from desktop_crm.db.sign_in import OfficeAddress
from desktop_crm.domain import replica, sync
from desktop_crm.ui.dialogs.sign_in_dialog import SignInDialog
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.widgets.history_view import WHO
from tests import postgres
from tests.office import PASSWORD, WANGS, Office
from tests.ui.test_main_window import wait_loaded
from tests.ui.test_sign_in_dialog import MemoryKeyring

SYNC_TIMEOUT = 60_000  # a process of its own: Python starts, imports, signs in, syncs


class Told:
    """What the message boxes said, in order: (object name or title, text, details)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.said: list[tuple[str, str, str]] = []
        self.press: str | None = None  # the text of a button to press in the next box

        def exec_(box: QMessageBox) -> int:
            self.said.append((box.objectName(), box.text(), box.informativeText()))
            for button in box.buttons():
                if self.press is not None and button.text() == self.press:
                    button.click()  # the box's clickedButton(), as a user's click leaves it
            self.press = None
            return 0

        def static(kind: str):
            def show(_parent, _title, text, *_rest):
                self.said.append((kind, text, ""))
                return QMessageBox.StandardButton.Ok

            return show

        monkeypatch.setattr(QMessageBox, "exec", exec_)
        monkeypatch.setattr(QMessageBox, "information", static("information"))
        monkeypatch.setattr(QMessageBox, "warning", static("warning"))
        monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Save)


@pytest.fixture
def told(monkeypatch) -> Told:
    return Told(monkeypatch)


@pytest.fixture
def password_typed(monkeypatch) -> list[str]:
    """The sign-in dialog, when it asks, gets PASSWORD typed; the problems it showed."""
    problems: list[str] = []

    def exec_(dialog: SignInDialog) -> int:
        assert not dialog.user_edit.isEnabled() and dialog.user_edit.text() == "wang"
        dialog.password_edit.setText(PASSWORD)
        dialog.accept()
        problems.append(dialog.problem_label.text())
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", exec_)
    return problems


@pytest.fixture
def kept_passwords() -> Iterator[MemoryKeyring]:
    """A keyring of this test's own, standing in for the system's."""
    before = keyring.get_keyring()
    fake = MemoryKeyring()
    keyring.set_keyring(fake)
    yield fake
    keyring.set_keyring(before)


@pytest.fixture
def laptop(office_db: Office, tmp_path: Path) -> Path:
    """wang's replica of the office, never synced yet."""
    path = tmp_path / "wang.db"
    replica.clone(postgres.database_url(office_db.name, user="wang", password=PASSWORD), path)
    close_database()
    return path


def close_window(win) -> None:
    """Close and delete the window, its reads all back, before its database goes: a pane's
    delayed re-count must not fire in a later test, over another database."""
    run = win.sync_actions.run
    if run is not None and run.is_running():
        run.cancel()
        run.process.waitForFinished(10_000)
    for _ in range(5):  # a result may start more reads (the list, then the panes it selects)
        win.tasks.wait(5000)
        QApplication.processEvents()
    win.close()
    win.tasks.wait(5000)
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(qtbot, laptop, tmp_path, told):
    win = create_main_window(str(laptop), UiSettings(tmp_path / "ui.ini"))
    win.show()
    wait_loaded(qtbot, win)
    yield win
    close_window(win)


@pytest.fixture
def wangs(window) -> int:
    """wang's customer, open in the detail pane."""
    customer_id = Customer.get(Customer.name == WANGS).id
    assert window.list_pane.select_customer(customer_id)
    assert window.detail.customer_id() == customer_id
    return customer_id


def status_text(qtbot, window, starting: str, ending: str = "") -> str:
    """The status bar's sync label once it starts and ends so (it reads in the background)."""
    label = window.sync_actions.status_label

    def says() -> bool:
        return label.text().startswith(starting) and label.text().endswith(ending)

    try:
        qtbot.waitUntil(says, timeout=5000)
    except Exception:
        raise AssertionError(f"the status bar says {label.text()!r}") from None
    return label.text()


def type_title(qtbot, window, text: str) -> None:
    title = window.detail.form.edits["title"]
    title.clear()
    qtbot.keyClicks(title, text)
    assert window.detail.save()


class Said(NamedTuple):
    """A message box: its name (or kind), text, counts line, and the paragraphs after."""

    name: str
    text: str
    counts: str
    more: str


def sync_now(qtbot, window, told: Told, *, press: str | None = None) -> Said:
    """File → Sync Now, to its end; what the last box said."""
    before = len(told.said)
    told.press = press
    action = window.named_actions.sync_now
    assert action.isVisible() and action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: len(told.said) > before, timeout=SYNC_TIMEOUT)
    qtbot.waitUntil(action.isEnabled, timeout=5000)
    name, text, details = told.said[-1]
    counts, _, more = details.partition("\n\n")
    return Said(name, text, counts, more)


def office_title(office_db: Office) -> str:
    with office_db.connect("boss") as conn:
        return conn.execute("SELECT title FROM customer WHERE name = %s", (WANGS,)).fetchone()[0]


def set_office_title(office_db: Office, title: str) -> None:
    with office_db.connect("boss") as conn:
        conn.execute("UPDATE customer SET title = %s WHERE name = %s", (title, WANGS))


def make_conflict(qtbot, window, office_db, told) -> Said:
    """The title changed here to 'mine' and at the office to 'theirs', then synced."""
    type_title(qtbot, window, "mine")
    set_office_title(office_db, "theirs")
    return sync_now(qtbot, window, told)


# ----------------------------------------------------------------------- not a replica


def test_a_plain_database_has_no_sync_now_and_no_sync_label(qtbot, db_path, tmp_path):
    win = create_main_window(str(db_path), UiSettings(tmp_path / "ui.ini"))
    try:
        wait_loaded(qtbot, win)
        for action in (win.named_actions.sync_now, win.named_actions.sync_conflicts):
            assert not action.isVisible() and not action.isEnabled()
        assert win.sync_actions.status_label is None
        assert win.statusBar().findChild(object, "syncStatus") is None
        assert not win.detail.conflict_badge.isVisibleTo(win)
    finally:
        close_window(win)


# ------------------------------------------------------------------------- syncing


def test_an_edit_synced_now_reaches_the_office_and_the_status_bar_says_so(
    qtbot, window, wangs, office_db, told, password_typed
):
    label = window.sync_actions.status_label
    taken = status_text(qtbot, window, "Last synced ", " · 0 change(s) waiting")  # the copy
    cloned_at = label.state.last_synced
    type_title(qtbot, window, "Director")
    qtbot.waitUntil(lambda: label.text() != taken, timeout=5000)
    assert label.state.waiting == sync.waiting_changes() > 0

    said = sync_now(qtbot, window, told)

    assert password_typed == [""]  # asked once, and the server took the password
    assert (said.name, said.text, said.more) == ("syncDone", "Synced with the office.", "")
    assert said.counts.startswith("Sent: ") and "Sent: 0" not in said.counts
    assert office_title(office_db) == "Director"
    status_text(qtbot, window, "Last synced ", " · 0 change(s) waiting")
    assert label.state.last_synced > cloned_at
    # the history names the replica the change was made on
    who = window.detail.history.history_model.index(0, WHO).data()
    assert who == f"wang (from {sync.replica_name()})"


def test_a_replica_that_never_synced_says_so(qtbot, window):
    Setting.delete().where(Setting.key == sync.LAST_SYNCED).execute()
    window.sync_actions.status_label.refresh()
    assert status_text(qtbot, window, "Never") == "Never synced · 0 change(s) waiting"


def test_the_office_change_comes_back_and_the_open_customer_shows_it(
    qtbot, window, wangs, office_db, told, password_typed
):
    set_office_title(office_db, "经理")
    said = sync_now(qtbot, window, told)
    assert said.name == "syncDone" and "Received: 0" not in said.counts
    qtbot.waitUntil(lambda: window.detail.form.edits["title"].text() == "经理", timeout=5000)


def test_a_password_kept_in_the_keyring_syncs_without_asking(
    qtbot, window, told, kept_passwords, monkeypatch
):
    sign_in.remember_password(OfficeAddress.from_url(sync.origin()), PASSWORD)
    monkeypatch.setattr(SignInDialog, "exec", lambda _d: pytest.fail("asked for a password"))
    assert sync_now(qtbot, window, told).name == "syncDone"


def test_a_wrong_password_is_said_in_the_dialog_and_no_sync_starts(window, monkeypatch):
    problems = []

    def wrong(dialog: SignInDialog) -> int:
        dialog.password_edit.setText("not it")
        dialog.accept()  # the server refuses: the dialog stays open and says why
        problems.append(dialog.problem_label.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SignInDialog, "exec", wrong)
    assert window.sync_actions.sync_now() is None
    assert problems and "wrong user name or password for wang" in problems[0]
    assert window.sync_actions.run is None


def test_cancel_stops_the_sync_and_nothing_is_lost(
    qtbot, window, wangs, office_db, told, password_typed
):
    type_title(qtbot, window, "Director")
    waiting = sync.waiting_changes()
    run = window.sync_actions.sync_now()
    assert run is not None and run.is_running()
    run.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: bool(told.said), timeout=SYNC_TIMEOUT)
    kind, text, _details = told.said[-1]
    assert kind == "information" and "cancelled. Nothing was lost" in text
    assert not run.is_running()
    assert sync.waiting_changes() == waiting and office_title(office_db) != "Director"
    # the next sync sends it
    assert sync_now(qtbot, window, told).name == "syncDone"
    assert office_title(office_db) == "Director"


def test_a_failed_sync_says_why_in_one_line(qtbot, window, office_db, told, password_typed):
    with postgres.admin_connection(office_db.name) as conn:
        conn.execute("UPDATE schema_version SET version = version + 1")
    kind, text, _counts, _more = sync_now(qtbot, window, told)
    assert kind == "warning"
    assert text.startswith("The sync did not finish: ")
    assert "use the same version of Desktop CRM as the office" in text
    assert "Nothing was lost" in text and "Traceback" not in text


def test_a_change_the_office_refuses_is_listed_and_stays_here(
    qtbot, window, wangs, office_db, told, password_typed
):
    Customer.update(owner=None).where(Customer.id == wangs).execute()  # give it away
    window.events.customerChanged.emit(wangs)
    said = sync_now(qtbot, window, told)
    assert said.name == "syncDone"
    assert "The office refused 1 change(s); they stay here, unsent:\n" in said.more
    assert f"\n• Customer “{WANGS}”: " in said.more
    dialog = window.sync_actions.show_conflicts()
    assert dialog.conflicts[0].kind == "refused"
    assert "The office refused this change: " in dialog.details.text()
    assert dialog.settle(sync.THEIRS)  # the owner comes back
    dialog.reject()
    assert Customer.get_by_id(wangs).owner is not None
    assert sync_now(qtbot, window, told).more == ""  # nothing refused any more


# ----------------------------------------------------------------------- conflicts


def test_a_conflict_shows_a_badge_and_keep_mine_reaches_the_office_with_the_next_sync(
    qtbot, window, wangs, office_db, told, password_typed
):
    said = make_conflict(qtbot, window, office_db, told)
    assert said.name == "syncDone"
    assert said.more.startswith("1 conflict(s) wait for your choice")
    badge = window.detail.conflict_badge
    qtbot.waitUntil(badge.isVisible, timeout=5000)
    status_text(qtbot, window, "Last synced ", " · 1 conflict(s)")
    assert window.detail.form.edits["title"].text() == "mine"  # kept here meanwhile

    badge.show_button.click()
    dialog = window.sync_actions.conflicts_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table.text_model
    assert [table.text(0, c) for c in range(4)] == [WANGS, "Title", "mine", "theirs"]
    assert dialog.another_button.isEnabled()
    dialog.keep_mine_button.click()
    assert dialog.stack.currentWidget() is dialog.empty_label
    assert dialog.empty_label.text() == "There are no sync conflicts."
    assert not dialog.keep_mine_button.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: not badge.isVisible(), timeout=5000)

    assert sync_now(qtbot, window, told).more == ""
    assert office_title(office_db) == "mine"
    status_text(qtbot, window, "Last synced ", " · 0 change(s) waiting")


def test_take_theirs_shows_the_office_value_here_and_keeps_it_there(
    qtbot, window, wangs, office_db, told, password_typed
):
    make_conflict(qtbot, window, office_db, told)
    dialog = window.sync_actions.show_conflicts()
    dialog.take_theirs_button.click()
    dialog.reject()
    qtbot.waitUntil(lambda: window.detail.form.edits["title"].text() == "theirs", timeout=5000)
    assert sync_now(qtbot, window, told).more == ""
    assert office_title(office_db) == "theirs"
    assert sync.open_conflict_count() == 0


def test_the_done_message_opens_the_conflicts_view(
    qtbot, window, wangs, office_db, told, password_typed
):
    type_title(qtbot, window, "mine")
    set_office_title(office_db, "theirs")
    sync_now(qtbot, window, told, press="Show &Conflicts…")
    dialog = window.sync_actions.conflicts_dialog
    assert dialog is not None and dialog.isVisible() and len(dialog.conflicts) == 1
    dialog.reject()


def test_another_value_typed_for_a_conflict_is_checked_and_reaches_the_office(
    qtbot, window, wangs, office_db, told, password_typed, monkeypatch
):
    make_conflict(qtbot, window, office_db, told)
    answers = iter([("x" * 101, True), ("both of us", True)])
    prompts = []

    def get_text(_parent, _title, prompt, _echo, text):
        prompts.append((prompt, text))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    dialog = window.sync_actions.show_conflicts()
    assert dialog.use_another_value()
    assert prompts[0] == (f"Title of {WANGS}:", "mine")
    assert prompts[1][0].startswith("Not used: is longer than 100 characters")
    dialog.reject()
    qtbot.waitUntil(lambda: window.detail.form.edits["title"].text() == "both of us", timeout=5000)
    assert sync_now(qtbot, window, told).more == ""
    assert office_title(office_db) == "both of us"
