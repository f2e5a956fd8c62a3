"""The command line's arguments: every command and option, with their help."""

from __future__ import annotations

import argparse
from typing import NoReturn

from desktop_crm import __version__
from desktop_crm.cli.opening import PASSWORD_ENV
from desktop_crm.cli.output import EXIT_USAGE, PROG

LANGS = ("zh_CN", "en")


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
