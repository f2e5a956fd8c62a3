"""Application set-up: the QApplication, translations, theme, and the main window.

This is the one place where the long-lived objects are built.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QLockFile,
    QTranslator,
    qVersion,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_crm import __version__
from desktop_crm.db.cipher import is_encrypted
from desktop_crm.db.connection import is_postgres_url, open_database
from desktop_crm.domain import messages
from desktop_crm.errors import CrmError
from desktop_crm.paths import log_file, resource_path
from desktop_crm.ui.collector import UiThreadCollector
from desktop_crm.ui.dialogs.password_dialog import ask_database_password
from desktop_crm.ui.dialogs.recovery_dialog import recover_at_start
from desktop_crm.ui.dialogs.sign_in_dialog import sign_in_to_office
from desktop_crm.ui.instance_lock import READ_ONLY, take_instance_lock
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.settings import UiSettings
from desktop_crm.ui.smoke_test import run_smoke_test
from desktop_crm.ui.theme import apply_theme

log = logging.getLogger(__name__)
_translators: list[QTranslator] = []
GUI_SWITCH_INTERVAL = 0.0005  # seconds; see create_main_window


def install_translations(app: QApplication, language: str) -> str:
    """Load our translation and Qt's own for `language` ("zh_CN", "en", or a locale name).

    Returns the language in effect ("zh_CN" or "en").
    """
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    chosen = "zh_CN" if language.lower().startswith("zh") else "en"
    messages.set_language(chosen)
    QLocale.setDefault(QLocale(chosen))  # dates and numbers follow the interface language
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"desktop_crm_{chosen}.qm"))):
        app.installTranslator(ours)
        _translators.append(ours)
    else:
        log.warning("no translation file for %s", chosen)
    if chosen == "en":  # English needs only our plural forms
        return chosen
    qt_own = QTranslator(app)
    if qt_own.load(
        QLocale(chosen), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _translators.append(qt_own)
    return chosen


def create_main_window(
    database: str,
    settings: UiSettings | None = None,
    *,
    check: bool = True,
    read_only: bool = False,
) -> MainWindow:
    """Open (creating and migrating if needed) `database` and build the main window.

    `database` is a SQLite path or a `postgresql://` URL. A `QApplication` must exist;
    the window is returned not yet shown. `check` False skips the check before opening
    (it was just done).
    """
    open_database(database, check=check, read_only=read_only)
    # Painting the list calls Python once per cell; while a worker thread reads in Python
    # (a million ids), each call could wait the default 5 ms for the GIL. 0.5 ms keeps
    # painting smooth at a small cost to the worker.
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    window = MainWindow(settings)
    if read_only:
        window.read_only = True
        window.setWindowTitle(
            QCoreApplication.translate("ReadOnly", "Desktop CRM — %1 (read-only)").replace(
                "%1", Path(database).name
            )
        )
    return window


def _log_to_file() -> None:
    handler = RotatingFileHandler(log_file(), maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    # The first thing a log read after a problem must say: which build ran.
    log.info(
        "Desktop CRM %s starting (Python %s, Qt %s, %s)",
        __version__,
        platform.python_version(),
        qVersion(),
        "bundle" if getattr(sys, "frozen", False) else "from source",
    )

    def excepthook(kind, value, tb) -> None:  # noqa: ANN001 - sys.excepthook signature
        logging.getLogger("desktop_crm").error("unexpected error", exc_info=(kind, value, tb))
        QMessageBox.critical(
            None, "Desktop CRM", f"{value}\n\nDetails were written to {log_file()}."
        )

    sys.excepthook = excepthook


def run_gui(
    database: str, lang: str | None = None, *, read_only: bool = False, smoke_test: bool = False
) -> int:
    """Start the desktop application on `database`; returns the exit code.

    `smoke_test` starts it offscreen (unless a platform is chosen), checks the main
    window's panes, says what it found and quits (see ui/smoke_test.py).
    """
    if smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Desktop CRM")
    app.setOrganizationName("DesktopCRM")
    app.setApplicationVersion(__version__)
    UiThreadCollector(app)
    _log_to_file()
    settings = UiSettings()
    language = install_translations(app, lang or settings.language or QLocale.system().name())
    apply_theme(app, settings.theme)
    window = open_at_start(database, settings, read_only=read_only)
    if isinstance(window, int):
        return window
    window.show()
    window.start()
    if smoke_test:
        return run_smoke_test(app, window, language)
    return app.exec()


def open_at_start(
    database: str, settings: UiSettings, *, read_only: bool = False
) -> MainWindow | int:
    """Everything between starting and the main window: signing in to an office
    database; for a file, the lock that keeps a second instance off it, then its
    password (encrypted) or its check (and the recovery dialog when it fails). The
    window (not yet shown), or the exit code when nothing is opened. `read_only` opens a
    file that nothing can be written to, beside another window on it if need be."""
    if is_postgres_url(database):  # an office database: the user signs in first
        signed_in = sign_in_to_office(database, settings)
        if signed_in is None:
            return 0
        return _main_window(signed_in, settings, None)
    if read_only:
        if is_encrypted(database) and not ask_database_password(database):
            return 0
        return _main_window(database, settings, None, read_only=True)
    lock = take_instance_lock(database)  # first: another instance may be writing it
    if lock is None:
        return 0  # another window has it open; the user was told
    if lock == READ_ONLY:  # ... and chose to look at it read-only
        return open_at_start(database, settings, read_only=True)
    assert isinstance(lock, QLockFile)
    if is_encrypted(database):
        if not ask_database_password(database):
            lock.unlock()
            return 0  # the password was not given: nothing to open
    elif not recover_at_start(database):
        lock.unlock()
        return 1  # damaged, and the user quit: it was never opened
    return _main_window(database, settings, lock)


def _main_window(
    database: str, settings: UiSettings, lock: QLockFile | None, *, read_only: bool = False
) -> MainWindow | int:
    try:
        window = create_main_window(database, settings, check=not read_only, read_only=read_only)
    except CrmError as exc:
        if lock is not None:
            lock.unlock()
        QMessageBox.critical(None, "Desktop CRM", exc.message)
        return 1
    if lock is not None:
        window.instance_lock = lock  # held as long as the window lives
        window.destroyed.connect(lock.unlock)
    return window
