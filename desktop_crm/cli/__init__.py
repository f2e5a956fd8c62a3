"""The `desktop-crm` command line: the GUI, and headless commands for administrators.

    desktop-crm [--database PATH_OR_URL] [--lang zh_CN|en]      # open the GUI
    desktop-crm demo --customers N [--seed S]
    desktop-crm import FILE [--format csv|xlsx|vcard|google|outlook] [--dry-run]
                            [--on-duplicate skip|merge|create] [--sheet NAME]
                            [--date-order dmy|mdy]
    desktop-crm import --list               desktop-crm import --undo BATCH_ID
    desktop-crm export FILE [--format csv|xlsx|vcard|ics] [--owner NAME]
    desktop-crm backup [-o FILE | --list | --prune]
    desktop-crm restore FILE
    desktop-crm check
    desktop-crm report customer|list|followups|labels|envelopes|letters … -o FILE.pdf
    desktop-crm office init [URL]           # an administrator sets up an office database
    desktop-crm office user add NAME --role admin|manager|rep [--team T] [--name N]
    desktop-crm office user passwd NAME     desktop-crm office user disable NAME
    desktop-crm office user list
    desktop-crm encrypt | decrypt | passwd  [--password-stdin] [--progress]
    desktop-crm personal export CUSTOMER -o FILE.json [--pdf FILE.pdf]
    desktop-crm personal erase CUSTOMER --yes   # cannot be undone

An encrypted database needs its password for every command: $DESKTOP_CRM_PASSWORD, or
the first line of standard input with --password-stdin (before the command), or typed
at the terminal.

Every problem a user can act on is printed as one line on stderr,
`desktop-crm: error: ...`, with a non-zero exit code; a bug is logged with its
traceback to the log file and reported in one line that says where the log is.
Headless commands never import Qt widgets.
"""

from __future__ import annotations

import argparse
import locale
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence

import peewee

from desktop_crm import __version__, paths
from desktop_crm.cli.backup_commands import cmd_backup, cmd_check, cmd_restore
from desktop_crm.cli.cipher_commands import cmd_cipher, cmd_personal
from desktop_crm.cli.data_commands import cmd_demo, cmd_export, cmd_import
from desktop_crm.cli.office_commands import cmd_office, cmd_report, cmd_sync
from desktop_crm.cli.opening import close_quietly, shown_as, unlock
from desktop_crm.cli.output import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_REJECTED_ROWS,
    EXIT_USAGE,
    PROG,
    one_line,
    report_bug,
    say_error,
)
from desktop_crm.cli.parser import build_parser
from desktop_crm.errors import CrmError

__all__ = ["COMMANDS", "EXIT_REJECTED_ROWS", "__version__", "build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (also run by `python -m desktop_crm`)."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    database = args.database or paths.default_database()
    if args.command is None:
        return _run_gui(database, args.lang, read_only=args.read_only, smoke_test=args.smoke_test)
    from desktop_crm.domain import messages

    messages.set_language(args.lang or _system_language())
    handler = COMMANDS[args.command]
    try:
        unlock(args, database)
        return handler(args, database)
    except KeyboardInterrupt:
        say_error("interrupted; the work in progress was rolled back")
        return EXIT_INTERRUPTED
    except CrmError as exc:
        say_error(exc.message)
    except (peewee.DatabaseError, sqlite3.DatabaseError, *_driver_errors()) as exc:
        shown = shown_as(database)
        say_error(f"the database {shown} cannot be used: {one_line(exc)} (try `{PROG} check`)")
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        say_error(f"cannot use{where}: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a bug: log it, say one line
        report_bug(exc)
    finally:
        close_quietly()
    return EXIT_ERROR


def _driver_errors() -> tuple[type[Exception], ...]:
    """SQLCipher's DatabaseError, once it is loaded (an encrypted database)."""
    module = sys.modules.get("sqlcipher3.dbapi2")
    return (module.DatabaseError,) if module is not None else ()


def _run_gui(
    database: str, lang: str | None, *, read_only: bool = False, smoke_test: bool = False
) -> int:
    try:
        from desktop_crm.app import run_gui  # late: only the GUI needs Qt widgets
    except ImportError as exc:
        say_error(f"the desktop interface cannot start: {exc}")
        return EXIT_ERROR
    return run_gui(database, lang, read_only=read_only, smoke_test=smoke_test)


def _system_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    lang = (locale.getlocale()[0] or "") if sys.platform == "win32" else ""
    return "zh_CN" if lang.lower().startswith(("zh", "chinese")) else "en"


COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "demo": cmd_demo,
    "import": cmd_import,
    "export": cmd_export,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "report": cmd_report,
    "office": cmd_office,
    "sync": cmd_sync,
    "encrypt": cmd_cipher,
    "decrypt": cmd_cipher,
    "passwd": cmd_cipher,
    "personal": cmd_personal,
}
