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
import contextlib
import locale
import os
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import peewee

from desktop_crm import __version__, paths
from desktop_crm.errors import CrmError, DamagedDatabaseError, DatabaseError

if TYPE_CHECKING:
    from desktop_crm.domain.backups import BackupPolicy

PROG = "desktop-crm"
LANGS = ("zh_CN", "en")

EXIT_OK = 0
EXIT_ERROR = 1  # nothing was done: bad input, unreadable file, unusable database, a bug
EXIT_USAGE = 2  # the command line itself is wrong
EXIT_REJECTED_ROWS = 3  # import: the file was read and imported, but some rows were rejected
EXIT_REFUSED = 4  # sync: synced, but the office refused some changes (they wait here)
EXIT_INTERRUPTED = 130  # Ctrl+C: the transaction in progress was rolled back

EPILOG = """\
exit codes:
  0    done (check: the database is sound)
  1    error: nothing was changed (bad file, unusable database, check found problems)
  2    the command line is wrong
  3    import: the good rows were imported (or would be, with --dry-run) and some rows
       were rejected; each is listed on stderr with its line number and reason
  130  interrupted (Ctrl+C); the work in progress was rolled back

The database is --database, else the DESKTOP_CRM_DATABASE environment variable, else
crm.sqlite3 in the user data folder. An encrypted database's password is
$DESKTOP_CRM_PASSWORD, else the first line of standard input with --password-stdin
(given before the command), else asked for at the terminal.
"""

PASSWORD_ENV = "DESKTOP_CRM_PASSWORD"
CIPHER_COMMANDS = ("encrypt", "decrypt", "passwd")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{PROG}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for the whole command line."""
    common = argparse.ArgumentParser(add_help=False)
    # Also accepted after the command; SUPPRESS keeps a value given before it.
    common.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help="SQLite file or postgresql:// URL",
    )
    common.add_argument(
        "--lang", choices=LANGS, default=argparse.SUPPRESS, help="language of messages"
    )
    parser = _Parser(
        prog=PROG,
        description="Desktop CRM, an offline customer manager. Without a command: open the app.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        help="SQLite file or postgresql:// URL (default: $DESKTOP_CRM_DATABASE, "
        "else the user data folder)",
    )
    parser.add_argument("--lang", choices=LANGS, help="language of messages (zh_CN or en)")
    parser.add_argument(
        "--password-stdin",
        dest="database_password_stdin",
        action="store_true",
        help=f"an encrypted database: read its password from the first line of standard "
        f"input (default: ${PASSWORD_ENV}, else asked at the terminal)",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open the app on the database without being able to change it (a backup, "
        "or a file another window has open)",
    )
    # A built bundle proves it starts (ui/smoke_test.py): not for users, so not in --help.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser(
        "demo",
        parents=[common],
        help="add realistic sample data",
        description="Add sample customers with contacts, follow-ups, "
        "orders, payments, complaints and surveys.",
    )
    demo.add_argument("--customers", type=_positive_int, required=True, metavar="N")
    demo.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="S",
        help="the same seed gives the same data (default 0)",
    )

    imp = commands.add_parser(
        "import",
        parents=[common],
        help="import customers from CSV, Excel or vCard files",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=IMPORT_EPILOG,
        description="Import customers from a CSV file (UTF-8, UTF-8 with BOM, GBK/GB18030 or "
        "UTF-16; comma, semicolon or tab), an Excel .xlsx file or a vCard .vcf file, in one "
        "transaction. Also: list past imports, or undo one.",
    )
    imp.add_argument("file", metavar="FILE", nargs="?")
    imp.add_argument(
        "--format",
        choices=("csv", "xlsx", "vcard", "google", "outlook"),
        default=None,
        help="csv, xlsx, vcard, or a Google Contacts / Outlook CSV export "
        "(default: from the file's extension and columns)",
    )
    imp.add_argument(
        "--sheet", metavar="NAME", help="the sheet of an .xlsx file to read (default: the first)"
    )
    imp.add_argument(
        "--date-order",
        choices=("dmy", "mdy"),
        default=None,
        help="how to read dates like 03/04/2020: dmy = day first (3 April), "
        "mdy = month first (4 March); needed only when the file does not tell",
    )
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help="check every row and list what would happen; write nothing",
    )
    imp.add_argument(
        "--on-duplicate",
        choices=("skip", "merge", "create"),
        default="skip",
        help="a row with the phone or email of an existing customer: skip it "
        "(default), merge it into that customer (undoable), or create it anyway",
    )
    imp.add_argument(
        "--list",
        action="store_true",
        dest="list_imports",
        help="list past imports (id, file, counts, undone or not) and exit",
    )
    imp.add_argument(
        "--undo",
        type=_positive_int,
        metavar="BATCH_ID",
        help="undo the import with this id (see --list): remove the customers "
        "it created and put back what it changed",
    )

    exp = commands.add_parser(
        "export",
        parents=[common],
        help="export customers (CSV, Excel, vCard) or plans (.ics)",
        description="Export all customers (not those in the trash) to a CSV file in UTF-8 "
        "with BOM (first columns code and name), an Excel .xlsx file or a vCard 3.0 file; "
        "or the planned follow-ups to an iCalendar .ics file.",
    )
    exp.add_argument("file", metavar="FILE")
    exp.add_argument(
        "--format",
        choices=("csv", "xlsx", "vcard", "ics"),
        default=None,
        help="csv, xlsx, vcard or ics (default: from the file's extension, else csv)",
    )
    exp.add_argument(
        "--owner", metavar="NAME", help="only the customers (ics: the follow-ups) of this sales rep"
    )

    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="copy the database",
        description="Copy the SQLite database while it may be in use "
        "(SQLite's online backup), check the copy and print where it is. Without -o the "
        "copy goes to the backup folder of the rotation set in Settings (default: 7 daily, "
        "4 weekly, 12 monthly) and older backups the rotation does not keep are removed.",
    )
    what = backup.add_mutually_exclusive_group()
    what.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the copy to FILE (no rotation)",
    )
    what.add_argument(
        "--list",
        action="store_true",
        help="list the backups of the database, newest first: time, size, customers, file",
    )
    what.add_argument(
        "--prune",
        action="store_true",
        help="remove the backups the rotation does not keep, and print them",
    )

    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="replace the database with a backup",
        description="Check FILE, keep a copy of the current database in the backups folder, "
        "then replace the current database's contents with FILE.",
    )
    restore.add_argument("file", metavar="FILE")

    commands.add_parser(
        "check",
        parents=[common],
        help="check the database's integrity",
        description="Integrity and foreign-key checks and the schema version; "
        "exit 0 and print ok when the database is sound.",
    )
    from desktop_crm.reports.command import add_report_parser  # argparse only, no Qt

    add_report_parser(commands, common, _Parser)
    _add_office_parser(commands, common)
    _add_sync_parser(commands, common)
    _add_cipher_parsers(commands, common)
    _add_personal_parser(commands, common)
    return parser


def _add_cipher_parsers(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> None:
    helps = {
        "encrypt": (
            "protect the database with a password (encryption at rest, SQLCipher)",
            "the new password (asked twice at the terminal)",
        ),
        "decrypt": (
            "remove the password: the database becomes a plain SQLite file",
            "the password",
        ),
        "passwd": (
            "change the database's password (its key changes with it)",
            "the password, then the new one, one a line",
        ),
    }
    for name, (summary, lines) in helps.items():
        sub = commands.add_parser(
            name,
            parents=[common],
            help=summary,
            description=summary[0].upper() + summary[1:] + ". The database is rewritten "
            "beside itself and replaced only when complete and checked: stopping it at any "
            "moment leaves the old file or the new one, whole. Close the app first.",
        )
        sub.add_argument(
            "--password-stdin", action="store_true", help=f"read {lines} from standard input"
        )
        sub.add_argument(
            "--progress",
            action="store_true",
            help=f"write 'progress {name} PAGES_DONE PAGES' lines on standard error",
        )


def _add_personal_parser(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> None:
    personal = commands.add_parser(
        "personal",
        parents=[common],
        help="export or erase everything held about one person",
        description="One person's data: export all of it (JSON, and PDF), or erase it "
        "everywhere. An erasure cannot be undone.",
    )
    steps = personal.add_subparsers(
        dest="personal_command", metavar="STEP", required=True, parser_class=_Parser
    )
    export = steps.add_parser(
        "export", parents=[common], help="write everything held about the person"
    )
    export.add_argument("customer", metavar="CUSTOMER", help="the customer's code or id")
    export.add_argument("-o", "--output", required=True, metavar="FILE.json")
    export.add_argument("--pdf", metavar="FILE.pdf", help="also write it as a PDF")
    erase = steps.add_parser(
        "erase",
        parents=[common],
        help="erase the person's data everywhere (cannot be undone)",
        description="Removes the customer's personal data everywhere; their orders stay, "
        "anonymous, for the totals; the erasure is recorded without the name.",
    )
    erase.add_argument("customer", metavar="CUSTOMER", help="the customer's code or id")
    erase.add_argument("--yes", action="store_true", help="yes, erase it: it cannot be undone")


def _add_sync_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    sync = commands.add_parser(
        "sync",
        parents=[common],
        help="work offline on a replica of the office database and sync it",
        description="Field work: a local SQLite replica of the office database, holding "
        "what the signed-in user may see there. Without a STEP, sync the replica given by "
        "--database with its office: send the changes made here, fetch the office's, "
        "merged field by field; edits of the same field on both sides are kept as "
        "conflicts (see `sync conflicts`).",
    )
    _password_options(sync, "sync")
    steps = sync.add_subparsers(dest="sync_command", metavar="STEP")
    clone = steps.add_parser(
        "clone",
        parents=[common],
        help="copy what you may see on the office server into a new local file",
        description="Sign in to the office database at URL and copy what the server lets "
        "you see — your customers, shared ones, and what belongs to them — into a new "
        "SQLite file. An existing file is never written over. The password: in the URL, "
        "--password-stdin, or PostgreSQL's usual PGPASSWORD or ~/.pgpass.",
    )
    clone.add_argument("url", metavar="URL", help="postgresql://you@server/database")
    clone.add_argument("--to", required=True, metavar="FILE", help="the new replica's file")
    _password_options(clone, "clone")
    steps.add_parser(
        "status",
        parents=[common],
        help="when the replica last synced, what waits to be sent, open conflicts",
    )
    steps.add_parser(
        "conflicts",
        parents=[common],
        help="list the conflicts the last syncs found",
        description="Each line: its number, the customer, what is in conflict, the value "
        "here and the office's (who changed it there, when). Settle one with `sync resolve`.",
    )
    resolve = steps.add_parser(
        "resolve",
        parents=[common],
        help="settle a conflict: keep mine or take theirs",
        description="Keep this replica's side (mine) or take the office's (theirs); with "
        "--value, use that value for the field instead. The next sync sends the outcome.",
    )
    resolve.add_argument("conflict", type=int, metavar="NUMBER", help="from `sync conflicts`")
    export = steps.add_parser(
        "export",
        parents=[common],
        help="write the changes made on this replica to a sync file (no network)",
        description="Write every change made on the replica since its last sync to FILE, "
        "signed, for the office to apply with `sync import`. Nothing is marked sent until "
        "the office's reply is applied here.",
    )
    export.add_argument("file", metavar="FILE")
    imp = steps.add_parser(
        "import",
        parents=[common],
        help="apply a sync file: a replica's changes at the office, or the office's reply",
        description="On the office database (--database postgresql://you@…, signed in as the "
        "replica's user): merge the replica's changes in FILE and write the office's reply "
        "to --reply. On the replica: apply the office's reply in FILE. A file from another "
        "office or replica, altered, cut short or older than the last applied is refused.",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--reply", metavar="FILE", help="at the office: where to write the reply")
    resolve.add_argument("choice", choices=("mine", "theirs"))
    resolve.add_argument("--value", metavar="TEXT", help="the field's value instead of either")


def _password_options(parser: argparse.ArgumentParser, step: str) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    parser.add_argument(
        "--progress",
        action="store_true",
        help=f"write 'progress {'TABLE' if step == 'clone' else 'STEP'} DONE TOTAL' lines on "
        "standard error (for the app)"
        + ("" if step == "clone" else ", and at the end 'result SENT RECEIVED DELETED CONFLICTS'"),
    )


def _add_office_parser(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> None:
    office = commands.add_parser(
        "office",
        parents=[common],
        help="set up a shared PostgreSQL database and its users",
        description="Office mode: one PostgreSQL database shared by the office. Run by an "
        "administrator (the database's owner, who may create roles); the database is the "
        "postgresql:// URL given to init, else --database or $DESKTOP_CRM_DATABASE.",
    )
    steps = office.add_subparsers(dest="office_command", metavar="STEP", required=True)
    init = steps.add_parser(
        "init",
        parents=[common],
        help="create or upgrade the schema, the roles and the access rules",
        description="Create the schema (or upgrade it) through the same numbered migrations "
        "as the app, then the group role and the row-level security policies. Safe to run "
        "again; refuses a database written by a newer version.",
    )
    init.add_argument("url", metavar="URL", nargs="?", help="postgresql://owner@server/database")
    user = steps.add_parser("user", parents=[common], help="add, list and disable users")
    actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    password_help = "read the password from the first line of standard input, not the terminal"
    add = actions.add_parser(
        "add",
        parents=[common],
        help="add a user who signs in with a password",
        description="A new user: a PostgreSQL login role of the same name. An admin reaches "
        "every customer, a manager those of their team, a rep their own (and shared ones).",
    )
    add.add_argument("name", metavar="NAME", help="the user name they sign in with")
    add.add_argument("--role", choices=("admin", "manager", "rep"), required=True)
    add.add_argument("--team", metavar="T", help="the team: a manager sees its reps' customers")
    add.add_argument("--name", dest="display_name", metavar="N", help="the name shown in the app")
    add.add_argument("--password-stdin", action="store_true", help=password_help)
    passwd = actions.add_parser(
        "passwd", parents=[common], help="set a new password (also enables a disabled user)"
    )
    passwd.add_argument("name", metavar="NAME")
    passwd.add_argument("--password-stdin", action="store_true", help=password_help)
    disable = actions.add_parser(
        "disable",
        parents=[common],
        help="stop a user signing in (their sessions end; their records stay)",
    )
    disable.add_argument("name", metavar="NAME")
    actions.add_parser("list", parents=[common], help="list the users, their roles and teams")


IMPORT_EPILOG = """\
Columns are recognised by their usual Chinese or English names (姓名/name, 手机/mobile,
电话/phone, 公司/company, 邮箱/email, 省份/province …) and by the names our export writes,
so an export imports back. A row with our `code` updates that customer; re-importing a
file of the same name updates the customers it created; blank cells never clear a field.
Excel: the first sheet (or --sheet NAME); a title row above the header is passed over.
vCard: 2.1, 3.0 and 4.0 files from phones and address books, one customer per card.
Dates like 03/04/2020 are never guessed: when a column does not show whether the day or
the month comes first, the import stops and asks for --date-order dmy or mdy.
Every import can be undone (`--list` shows them, `--undo ID` undoes one) as long as its
customers were not worked on since.

exit codes: 0 all rows good; 1 nothing imported (the file could not be read, or the
import failed and was rolled back); 3 the good rows were imported and some were
rejected (listed on stderr).
"""


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


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
        _unlock(args, database)
        return handler(args, database)
    except KeyboardInterrupt:
        _error("interrupted; the work in progress was rolled back")
        return EXIT_INTERRUPTED
    except CrmError as exc:
        _error(exc.message)
    except (peewee.DatabaseError, sqlite3.DatabaseError, *_driver_errors()) as exc:
        _error(
            f"the database {_shown(database)} cannot be used: {_one_line(exc)} (try `{PROG} check`)"
        )
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        _error(f"cannot use{where}: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a bug: log it, say one line
        _report_bug(exc)
    finally:
        _close_database()
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
        _error(f"the desktop interface cannot start: {exc}")
        return EXIT_ERROR
    return run_gui(database, lang, read_only=read_only, smoke_test=smoke_test)


def _system_language() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    lang = (locale.getlocale()[0] or "") if sys.platform == "win32" else ""
    return "zh_CN" if lang.lower().startswith(("zh", "chinese")) else "en"


# ------------------------------------------------------------------------ output


def _error(message: str) -> None:
    print(f"{PROG}: error: {_one_line(message)}", file=sys.stderr)


def _one_line(value: object) -> str:
    return " ".join(str(value).split()) or value.__class__.__name__


def _report_bug(exc: BaseException) -> None:
    """Write the traceback to the log file and tell the user where it is."""
    summary = f"{exc.__class__.__name__}: {_one_line(exc)}"
    try:
        log = paths.log_file()
        with log.open("a", encoding="utf-8") as fh:
            fh.write(
                f"\n{datetime.now().isoformat(timespec='seconds')} {PROG} "
                f"{' '.join(sys.argv[1:])}\n"
            )
            fh.write("".join(traceback.format_exception(exc)))
        where = f"; the details are in {log}"
    except OSError:
        where = ""
    _error(f"unexpected problem ({summary}){where}")


class _Progress:
    """A "\\r12000/100000 customers" line on stderr, redrawn at most 10 times a second.

    When stderr is not a terminal only the final line is printed.
    """

    def __init__(self, what: str, stream: TextIO | None = None) -> None:
        self.what = what
        self.stream = stream or sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.last = 0.0
        self.text = ""

    def __call__(self, done: int, total: int | None = None) -> None:
        self.text = f"{done}/{total} {self.what}" if total else f"{done} {self.what}"
        now = time.monotonic()
        if self.live and now - self.last >= 0.1:
            self.last = now
            self.stream.write(f"\r{self.text}")
            self.stream.flush()

    def finish(self) -> None:
        if self.text:
            self.stream.write(f"\r{self.text}\n" if self.live else f"{self.text}\n")
            self.stream.flush()


# ---------------------------------------------------------------------- database


def _open(database: str, *, must_exist: bool = True) -> None:
    from desktop_crm.db.connection import is_postgres_url, open_database

    if must_exist and not is_postgres_url(database):
        _require_file(database)
    open_database(database)


def _is_existing_database(database: str) -> bool:
    from desktop_crm.db.connection import is_postgres_url

    return is_postgres_url(database) or Path(database).exists()


def _require_file(database: str) -> Path:
    path = Path(database)
    if not path.exists():
        raise DatabaseError(f"there is no database at {database}")
    if path.is_dir():
        raise DatabaseError(f"{database} is a folder, not a database file")
    return path


def _shown(database: str) -> str:
    """The database as printed: a URL without its password."""
    from desktop_crm.db.connection import display_target

    return display_target(database)


def _close_database() -> None:
    if "desktop_crm.db.connection" in sys.modules:
        from desktop_crm.db.connection import close_database

        with contextlib.suppress(Exception):  # closing after an error must not hide it
            close_database()


def _sqlite_only(database: str, what: str, instead: str) -> None:
    from desktop_crm.db.connection import is_postgres_url

    if is_postgres_url(database):
        raise CrmError(f"{what} is not supported for PostgreSQL; use {instead}")


# ---------------------------------------------------------------------- commands


def cmd_demo(args: argparse.Namespace, database: str) -> int:
    """Add sample data and print what was added."""
    try:
        from desktop_crm.domain.demo import add_sample_data
    except ImportError as exc:
        raise CrmError(f"sample data is not available in this build ({exc})") from exc
    _open(database, must_exist=False)
    progress = _Progress("customers")
    started = time.monotonic()
    try:
        summary = add_sample_data(args.customers, seed=args.seed, progress=progress)
    finally:
        progress.finish()
    counts = ", ".join(
        f"{getattr(summary, name)} {name}"
        for name in (
            "customers",
            "contacts",
            "followups",
            "orders",
            "payments",
            "complaints",
            "surveys",
            "users",
        )
        if hasattr(summary, name)
    )
    print(f"added {counts} to {_shown(database)} in {time.monotonic() - started:.1f} s")
    return EXIT_OK


def cmd_import(args: argparse.Namespace, database: str) -> int:
    """Import a file; rejected rows on stderr, the summary on stdout. Or list/undo imports."""
    if args.list_imports or args.undo is not None:
        return _import_batches(args, database)
    if args.file is None:
        print(
            f"{PROG}: error: the following arguments are required: FILE (or --list, or "
            f"--undo BATCH_ID) (see {PROG} import --help)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from desktop_crm.exchange.importer import AmbiguousDatesError, import_customers

    _reject_old_excel(args.file)
    if args.dry_run and not _is_existing_database(database):
        database = ":memory:"  # a dry run against an empty database, leaving no file behind
    _open(database, must_exist=False)
    progress = _Progress("rows")
    try:
        summary = import_customers(
            args.file,
            file_format=args.format,
            on_duplicate=args.on_duplicate,
            dry_run=args.dry_run,
            progress=progress,
            sheet=args.sheet,
            date_order=args.date_order,
        )
    except AmbiguousDatesError as exc:
        raise CrmError(
            f"{exc.message}: run again with --date-order dmy (day first, "
            "31/12) or --date-order mdy (month first, 12/31); nothing was imported"
        ) from exc
    finally:
        if progress.live:
            progress.finish()
    if summary.ignored_columns:
        print(
            f"{PROG}: note: columns not imported: {', '.join(summary.ignored_columns)}",
            file=sys.stderr,
        )
    for problem in summary.problems:
        print(f"{PROG}: {problem}", file=sys.stderr)
    for warning in summary.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    read = f"{summary.file} ({summary.reading}, {summary.rows} rows)"
    if summary.dry_run:
        for plan in summary.plans:
            print(plan)
        print(f"dry run of {read}, nothing written: would have {summary.counts()}")
    else:
        print(
            f"imported {read} into {_shown(database)}: {summary.counts()} "
            f"(import {summary.batch_id}; undo with `{PROG} import --undo {summary.batch_id}`)"
        )
    return EXIT_REJECTED_ROWS if summary.rejected else EXIT_OK


def _import_batches(args: argparse.Namespace, database: str) -> int:
    """`import --list` and `import --undo BATCH_ID`."""
    from desktop_crm.domain.imports import list_imports, undo_import

    if args.file is not None or (args.list_imports and args.undo is not None):
        raise CrmError("--list and --undo take no FILE, and not both at once")
    _open(database)
    if args.list_imports:
        imports = list_imports()
        if not imports:
            print("no imports yet")
        for b in imports:
            state = (
                f"undone {b.undone_at:%Y-%m-%d %H:%M} UTC"
                if b.undone_at
                else f"{b.customers_now} of its customers remain"
            )
            print(
                f"{b.id}\t{b.started_at:%Y-%m-%d %H:%M} UTC\t{b.file_format}\t{b.file_name}\t"
                f"created {b.created}, updated {b.updated}, merged {b.merged}, "
                f"skipped {b.skipped}, rejected {b.rejected}\t{state}"
            )
        return EXIT_OK
    result = undo_import(args.undo)
    print(
        f"undid import {args.undo}: deleted {result.deleted} customers it created, "
        f"separated {result.unmerged} merged duplicates, put back {len(result.restored)} "
        "updated customers"
    )
    for customer in result.not_restored:
        print(f"{PROG}: warning: not put back: {customer}", file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, database: str) -> int:
    """Export customers to CSV, .xlsx or vCard, or the planned follow-ups to .ics."""
    from desktop_crm.exchange.csv_io import check_writable
    from desktop_crm.exchange.exporter import export_customers, format_for

    file_format = format_for(args.file, args.format)
    check_writable(Path(args.file))  # before anything else, so a bad path costs nothing
    _open(database)
    progress = _Progress("customers")
    try:
        count = export_customers(
            args.file, file_format=file_format, owner=args.owner, progress=progress
        )
    finally:
        if progress.live:
            progress.finish()
    what = "planned follow-ups" if file_format == "ics" else "customers"
    print(f"exported {count} {what} to {args.file}")
    return EXIT_OK


def _reject_old_excel(file: str) -> None:
    """Say plainly that an old .xls workbook must be saved as .xlsx or CSV first."""
    if Path(file).suffix.lower() == ".xls":
        raise CrmError(
            "cannot import old Excel .xls files; in Excel, Save As “Excel Workbook (.xlsx)” "
            "or “CSV UTF-8”"
        )


def cmd_backup(args: argparse.Namespace, database: str) -> int:
    """Copy the database with SQLite's online backup; print where the copy is.

    Without -o the copy joins the rotation; --list and --prune work on the rotation only,
    so they also work when the database itself is damaged or gone.
    """
    from desktop_crm.db.backup import backup_sqlite, describe_sqlite
    from desktop_crm.domain import backups

    _sqlite_only(database, "backup", "pg_dump")
    if args.list:
        return _list_backups(database)
    if args.prune:
        policy = backups.load_policy()
        removed = backups.prune(database, policy)
        _print_removed(removed)
        kept = len(backups.list_backups(database, policy))
        print(f"{len(removed)} removed, {kept} kept ({_rotation(policy)})")
        return EXIT_OK
    _require_file(database)
    describe_sqlite(database)  # refuses a file that is not one of our databases
    if not args.output:
        policy = backups.load_policy()
        entry = backups.take_backup(database, policy, prune_old=False)
        print(
            f"backed up {database} to {entry.path} ({entry.size / 1_048_576:.1f} MB, "
            f"{entry.customers} customers, checked)"
        )
        removed = backups.prune(database, policy)
        print(f"kept by the rotation ({_rotation(policy)}): {len(removed)} older backup(s) removed")
        _print_removed(removed)
        return EXIT_OK
    target = Path(args.output)
    if target.is_dir():
        raise CrmError(f"{target} is a folder; give a file name for the backup")
    if not target.parent.is_dir():
        raise CrmError(f"cannot write {target}: the folder {target.parent} does not exist")
    written = backup_sqlite(database, target)
    size = written.stat().st_size
    print(f"backed up {database} to {written} ({size / 1_048_576:.1f} MB)")
    return EXIT_OK


def _list_backups(database: str) -> int:
    from desktop_crm.domain import backups

    policy = backups.load_policy()
    entries = backups.list_backups(database, policy)
    for entry in entries:
        customers = "unreadable" if entry.customers is None else f"{entry.customers} customers"
        print(
            f"{entry.taken_at:%Y-%m-%d %H:%M:%S}  {entry.size / 1_048_576:8.1f} MB  "
            f"{customers:>15}  {entry.path}"
        )
    if not entries:
        print(f"no backups of {database} in {policy.backup_folder()}", file=sys.stderr)
    return EXIT_OK


def _print_removed(removed: list[Path]) -> None:
    for path in removed:
        print(f"removed {path}")


def _rotation(policy: BackupPolicy) -> str:
    return (
        f"{policy.daily} daily, {policy.weekly} weekly, {policy.monthly} monthly "
        f"in {policy.backup_folder()}"
    )


def cmd_restore(args: argparse.Namespace, database: str) -> int:
    """Replace the database with a checked backup, keeping a copy of the current one."""
    from desktop_crm.db.backup import restore_sqlite

    _sqlite_only(database, "restore", "pg_restore")
    result = restore_sqlite(args.file, database)
    info = result.info
    print(
        f"restored {result.source} into {result.target}: {info.customers} customers "
        f"({info.trashed} in the trash), schema {info.schema_version}"
    )
    if result.upgraded_from is not None:
        print(f"upgraded it from schema {result.upgraded_from} to the current schema")
    if result.safety_backup is not None:
        print(f"the database as it was before is kept in {result.safety_backup}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace, database: str) -> int:
    """Integrity and foreign-key checks and the schema version, read-only."""
    from desktop_crm.db.connection import is_postgres_url

    if is_postgres_url(database):
        return _check_postgres(database)
    from desktop_crm.db.backup import describe_sqlite, is_database_file, verify_sqlite
    from desktop_crm.db.integrity import check_before_opening
    from desktop_crm.db.migrations import CURRENT_VERSION
    from desktop_crm.domain.messages import text

    path = _require_file(database)
    problem = check_before_opening(path, budget=None)  # the app's check, run to the end
    if problem is not None:
        raise DamagedDatabaseError(f"{problem.message}; {text('damaged_hint')}", problem)
    if not is_database_file(path):
        raise DatabaseError(f"{database} is not a Desktop CRM database (not a SQLite file)")
    problems = verify_sqlite(path)
    if problems:
        shown = problems[:20]
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        _error(
            f"{database} is damaged: {len(problems)} problem(s) found; restore a backup with "
            f"`{PROG} restore FILE`"
        )
        for problem in shown:
            print(f"  {_one_line(problem)}", file=sys.stderr)
        if more:
            print(f"  …{more}", file=sys.stderr)
        return EXIT_ERROR
    info = describe_sqlite(path)
    note = ""
    if info.schema_version < CURRENT_VERSION:
        note = f"; it will be upgraded to schema {CURRENT_VERSION} when next opened"
    print(
        f"ok: {database}: {info.customers} customers ({info.trashed} in the trash), "
        f"schema {info.schema_version}{note}"
    )
    return EXIT_OK


def _check_postgres(database: str) -> int:
    from desktop_crm.db.connection import open_database
    from desktop_crm.db.migrations import schema_version
    from desktop_crm.db.models import Customer

    db = open_database(database, migrate=False)
    version = schema_version(db)
    live = Customer.select().where(Customer.deleted_at.is_null()).count()
    print(
        f"ok: {_shown(database)}: {live} customers, schema {version} "
        "(on PostgreSQL the server checks its own integrity)"
    )
    return EXIT_OK


def cmd_report(args: argparse.Namespace, database: str) -> int:
    """Write a printable report as PDF (the kinds and options are in reports/command.py)."""
    from desktop_crm.reports.command import run_report

    return run_report(args, lambda: _open(database))


def cmd_office(args: argparse.Namespace, database: str) -> int:
    """`office init` and `office user add|passwd|disable|list` on a PostgreSQL database."""
    import psycopg

    from desktop_crm.db.connection import is_postgres_url

    target = getattr(args, "url", None) or database
    if not is_postgres_url(target):
        raise CrmError(
            f"office mode needs a postgresql:// database, not {target} "
            "(give it as URL, --database or $DESKTOP_CRM_DATABASE)"
        )
    try:
        return _office(args, target)
    except psycopg.errors.InsufficientPrivilege as exc:
        raise CrmError(
            f"the server refused: {_one_line(exc)}; run office commands as the database's "
            "owner, a role that may create roles"
        ) from exc


def _office(args: argparse.Namespace, target: str) -> int:
    from desktop_crm.db import office
    from desktop_crm.db.connection import open_database
    from desktop_crm.db.migrations import schema_version

    shown = _shown(target)
    if args.office_command == "init":
        db = open_database(target)  # creates or upgrades the schema; refuses a newer one
        office.install(db)
        accounts = office.list_accounts(db)
        active = sum(a.active for a in accounts)
        print(
            f"office database {shown} is ready: schema {schema_version(db)}, "
            f"{len(accounts)} users ({active} can sign in); add users with "
            f"`{PROG} office user add NAME --role rep`"
        )
        return EXIT_OK
    db = open_database(target, migrate=False)
    if not office.is_installed(db):
        raise CrmError(f"{shown} is not set up for office mode yet: run `{PROG} office init` first")
    name = getattr(args, "name", None)
    if args.user_command == "list":
        accounts = office.list_accounts(db)
        if not accounts:
            print("no users yet")
        for a in accounts:
            state = "active" if a.active else "disabled" if a.has_login else "no sign-in"
            print(f"{a.username}\t{a.display_name}\t{a.role}\t{a.team or '-'}\t{state}")
    elif args.user_command == "add":
        account = office.add_user(
            db,
            name,
            _new_password(name, args.password_stdin),
            role=args.role,
            team=args.team,
            display_name=args.display_name,
        )
        team = f" in team {account.team}" if account.team else ""
        print(
            f"added {account.username} ({account.role}{team}); they sign in as {account.username}"
        )
    elif args.user_command == "passwd":
        office.change_password(db, name, _new_password(name, args.password_stdin))
        print(f"new password set for {name}; they can sign in with it")
    else:
        office.disable_user(db, name)
        print(f"{name} can no longer sign in; their customers and history stay")
    return EXIT_OK


def _new_password(username: str, from_stdin: bool) -> str:
    """The new password: a line of stdin, or typed twice at the terminal without echo."""
    if from_stdin:
        return _password_from_stdin()
    if not sys.stdin.isatty():
        raise CrmError("give the password on standard input with --password-stdin")
    import getpass

    password = getpass.getpass(f"new password for {username}: ")
    if getpass.getpass("the same password again: ") != password:
        raise CrmError("the two passwords differ; nothing was changed")
    return password


def cmd_sync(args: argparse.Namespace, database: str) -> int:
    """`sync` (now), `sync clone URL --to FILE`, `sync status|conflicts|resolve`."""
    if args.sync_command == "clone":
        return _sync_clone(args)
    from desktop_crm.db.connection import is_postgres_url, open_database
    from desktop_crm.domain import sync, sync_file

    open_database(database)
    if args.sync_command == "import" and is_postgres_url(database):
        if not args.reply:
            raise CrmError("at the office, say where the reply goes: --reply FILE")
        result = sync_file.apply_changes(args.file, args.reply, progress=_progress_printer(args))
        _end_progress(args)
        for refusal in result.refused:
            print(f"refused by the office: {refusal}", file=sys.stderr)
        print(
            f"applied {args.file} to {_shown(database)}: {result.sent} changes taken, "
            f"{len(result.refused)} refused; the reply for the laptop is in {args.reply}"
        )
        return EXIT_REFUSED if result.refused else EXIT_OK
    if not sync.is_replica():
        raise CrmError(
            f"{_shown(database)} is not a replica: take one with `{PROG} sync clone URL --to FILE`"
        )
    if args.sync_command is None:
        return _sync_now(args, database)
    if args.sync_command == "status":
        when = sync.last_synced()
        print(f"replica of {sync.origin()}")
        print(f"last synced: {when:%Y-%m-%d %H:%M} UTC" if when else "never synced")
        print(f"changes waiting: {sync.waiting_changes()}")
        print(f"conflicts: {sync.open_conflict_count()}")
    elif args.sync_command == "conflicts":
        for c in sync.conflicts():
            what = f"{c.table}.{c.field}" if c.field else c.table
            where = f" ({c.remote_by or '?'}, {c.remote_at or '?'})"
            about = c.reason or f"here {c.local!r} | office {c.remote!r}{where}"
            print(f"{c.id}\t{c.customer_name or '-'}\t{what}\t{about}")
    elif args.sync_command == "export":
        written = sync_file.write_changes(args.file)
        print(
            f"{written.rows} changes written to {written.path} (file {written.sequence}); "
            f"apply it at the office with `{PROG} --database URL sync import "
            f"{written.path.name} --reply REPLY`, then here `sync import REPLY`"
        )
    elif args.sync_command == "import":
        result = sync_file.apply_reply(args.file)
        print(
            f"applied the office's reply {args.file}: {result.sent} sent, {result.received} "
            f"received, {result.deleted} deleted; {result.conflicts} conflicts open, "
            f"{len(result.refused)} refused"
        )
    else:
        if args.value is None:
            sync.resolve(args.conflict, args.choice)
        else:
            sync.resolve(args.conflict, args.choice, args.value)
        print(f"conflict {args.conflict} settled ({args.choice}); the next sync sends it")
    return EXIT_OK


def _sync_now(args: argparse.Namespace, database: str) -> int:
    from desktop_crm.db.sign_in import OfficeAddress
    from desktop_crm.domain import sync

    url = sync.origin()
    if args.password_stdin:
        url = OfficeAddress.from_url(url).url(_password_from_stdin())
    result = sync.sync(url, progress=_progress_printer(args))
    _end_progress(args)
    for refusal in result.refused:
        print(f"refused by the office: {refusal}", file=sys.stderr)
    if args.progress:  # for the app, beside the progress lines
        counts = (result.sent, result.received, result.deleted, result.conflicts)
        print("result", *counts, file=sys.stderr, flush=True)
    print(
        f"synced {_shown(database)} with {sync.origin()}: {result.sent} sent, "
        f"{result.received} received, {result.deleted} deleted; {result.conflicts} "
        f"conflicts open, {len(result.refused)} refused"
    )
    return EXIT_REFUSED if result.refused else EXIT_OK


def _progress_printer(args: argparse.Namespace) -> Callable[[str, int, int], bool]:
    def report(step: str, done: int, total: int) -> bool:
        if args.progress:
            print(f"progress {step} {done} {total}", file=sys.stderr, flush=True)
        elif sys.stderr.isatty():
            print(f"\r{step}: {done}/{total}\x1b[K", end="", file=sys.stderr, flush=True)
        return True

    return report


def _end_progress(args: argparse.Namespace) -> None:
    if sys.stderr.isatty() and not args.progress:
        print("\r\x1b[K", end="", file=sys.stderr)


def _sync_clone(args: argparse.Namespace) -> int:
    """`sync clone URL --to FILE`: a replica of the office database for working offline."""
    from desktop_crm.db.sign_in import OfficeAddress
    from desktop_crm.domain import replica

    source = args.url
    if args.password_stdin:
        address = OfficeAddress.from_url(source)
        source = address.url(_password_from_stdin())
    result = replica.clone(source, args.to, progress=_progress_printer(args))
    _end_progress(args)
    rows = sum(result.rows.values())
    print(
        f"replica of {_shown(args.url)} written to {result.path}: {result.customers} "
        f"customers, {rows} rows in all; work on it offline with "
        f"`{PROG} --database {result.path}`"
    )
    return EXIT_OK


def _password_from_stdin() -> str:
    """The first line of standard input (`--password-stdin`)."""
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise CrmError("no password on standard input")
    return password


# ----------------------------------------------------------- encryption at rest


def _unlock(args: argparse.Namespace, database: str) -> None:
    """The password of an encrypted database (and of an encrypted backup to restore),
    checked and kept for the command; the encrypt commands ask for theirs themselves."""
    if args.command in CIPHER_COMMANDS or getattr(args, "sync_command", None) == "clone":
        return
    from desktop_crm.db import cipher
    from desktop_crm.db.connection import is_postgres_url
    from desktop_crm.errors import WrongPasswordError

    files = [database, args.file] if args.command == "restore" else [database]
    for path in files:
        if is_postgres_url(path) or not cipher.is_encrypted(path):
            continue
        if cipher.current_key():  # a backup is encrypted like its database
            with contextlib.suppress(WrongPasswordError):
                cipher.unlock(path)
                continue
        cipher.unlock(path, _database_password(args, path))


def _database_password(args: argparse.Namespace, path: str) -> str:
    """From --password-stdin, $DESKTOP_CRM_PASSWORD or the terminal; else one clear line."""
    from desktop_crm.errors import PasswordRequiredError

    if args.database_password_stdin:
        return _password_from_stdin()
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"password for {path}: ")
    raise PasswordRequiredError(
        f"{path} is protected with a password: set {PASSWORD_ENV} or give it on standard "
        "input with --password-stdin"
    )


def cmd_cipher(args: argparse.Namespace, database: str) -> int:
    """`encrypt`, `decrypt`, `passwd`: rewrite the database under a new key, or none."""
    from desktop_crm.db import cipher

    _sqlite_only(database, args.command, "the server's own encryption")
    path = _require_file(database)
    args.database_password_stdin = args.database_password_stdin or args.password_stdin
    report = _progress_printer(args)

    def progress(done: int, total: int) -> bool:
        return report(args.command, done, total)

    if args.command == "encrypt":
        password = _new_password(path.name, args.database_password_stdin)
        result = cipher.encrypt_database(path, password, progress)
        said = "is now encrypted: it opens only with its password"
    else:
        if not cipher.is_encrypted(path):
            from desktop_crm.domain.messages import text

            raise CrmError(text("db_not_encrypted", path=path))
        old = _database_password(args, str(path))
        if args.command == "decrypt":
            result = cipher.decrypt_database(path, old, progress)
            said = "is no longer encrypted: it opens without a password"
        else:
            cipher.unlock(path, old)  # a wrong password is said before the new one is asked
            result = cipher.change_password(
                path, old, _new_password(path.name, args.database_password_stdin), progress
            )
            said = "has a new password (and a new key); the old one no longer opens it"
    _end_progress(args)
    print(f"{path} {said} ({result.pages} pages, {result.seconds:.1f} s)")
    return EXIT_OK


def cmd_personal(args: argparse.Namespace, database: str) -> int:
    """`personal export` (JSON, and PDF with --pdf) and `personal erase --yes`."""
    from desktop_crm.domain import personal_data
    from desktop_crm.domain.messages import text

    if args.personal_command == "export":
        if args.pdf:
            from desktop_crm.reports.document import check_pdf_path

            check_pdf_path(args.pdf)  # before any work
        _open(database)
        customer_id = personal_data.resolve_customer(args.customer)
        written = personal_data.write_personal_data_json(customer_id, args.output)
        print(f"wrote {written}")
        if args.pdf:
            from desktop_crm.reports.command import ensure_gui_application
            from desktop_crm.reports.document import write_pdf
            from desktop_crm.reports.personal_data import build_personal_data_report

            ensure_gui_application()
            print(f"wrote {write_pdf(build_personal_data_report(customer_id), args.pdf)}")
        return EXIT_OK
    _open(database)
    customer_id = personal_data.resolve_customer(args.customer)
    if not args.yes:
        raise CrmError(text("erase_not_confirmed", value=args.customer))
    result = personal_data.erase_personal_data(customer_id)
    print(
        f"erased {result.code}: {sum(v for k, v in result.counts.items() if k != 'customer')} "
        f"rows removed or emptied; its orders stay as {result.shell_name} "
        f"(erasure #{result.erasure_id})"
    )
    return EXIT_OK


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
