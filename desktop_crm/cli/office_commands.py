"""`report`, `office` and `sync`: reports, setting up an office database, replicas."""

from __future__ import annotations

import argparse
import sys

from desktop_crm.cli.opening import new_password, open_named, password_from_stdin, shown_as
from desktop_crm.cli.output import (
    EXIT_OK,
    EXIT_REFUSED,
    PROG,
    end_progress,
    one_line,
    progress_printer,
)
from desktop_crm.errors import CrmError


def cmd_report(args: argparse.Namespace, database: str) -> int:
    """Write a printable report as PDF (the kinds and options are in reports/command.py)."""
    from desktop_crm.reports.command import run_report

    return run_report(args, lambda: open_named(database))


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
            f"the server refused: {one_line(exc)}; run office commands as the database's "
            "owner, a role that may create roles"
        ) from exc


def _office(args: argparse.Namespace, target: str) -> int:
    from desktop_crm.db import office
    from desktop_crm.db.connection import open_database
    from desktop_crm.db.migrations import schema_version

    shown = shown_as(target)
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
            new_password(name, args.password_stdin),
            role=args.role,
            team=args.team,
            display_name=args.display_name,
        )
        team = f" in team {account.team}" if account.team else ""
        print(
            f"added {account.username} ({account.role}{team}); they sign in as {account.username}"
        )
    elif args.user_command == "passwd":
        office.change_password(db, name, new_password(name, args.password_stdin))
        print(f"new password set for {name}; they can sign in with it")
    else:
        office.disable_user(db, name)
        print(f"{name} can no longer sign in; their customers and history stay")
    return EXIT_OK


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
        result = sync_file.apply_changes(args.file, args.reply, progress=progress_printer(args))
        end_progress(args)
        for refusal in result.refused:
            print(f"refused by the office: {refusal}", file=sys.stderr)
        print(
            f"applied {args.file} to {shown_as(database)}: {result.sent} changes taken, "
            f"{len(result.refused)} refused; the reply for the laptop is in {args.reply}"
        )
        return EXIT_REFUSED if result.refused else EXIT_OK
    if not sync.is_replica():
        raise CrmError(
            f"{shown_as(database)} is not a replica: "
            f"take one with `{PROG} sync clone URL --to FILE`"
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
        url = OfficeAddress.from_url(url).url(password_from_stdin())
    result = sync.sync(url, progress=progress_printer(args))
    end_progress(args)
    for refusal in result.refused:
        print(f"refused by the office: {refusal}", file=sys.stderr)
    if args.progress:  # for the app, beside the progress lines
        counts = (result.sent, result.received, result.deleted, result.conflicts)
        print("result", *counts, file=sys.stderr, flush=True)
    print(
        f"synced {shown_as(database)} with {sync.origin()}: {result.sent} sent, "
        f"{result.received} received, {result.deleted} deleted; {result.conflicts} "
        f"conflicts open, {len(result.refused)} refused"
    )
    return EXIT_REFUSED if result.refused else EXIT_OK


def _sync_clone(args: argparse.Namespace) -> int:
    """`sync clone URL --to FILE`: a replica of the office database for working offline."""
    from desktop_crm.db.sign_in import OfficeAddress
    from desktop_crm.domain import replica

    source = args.url
    if args.password_stdin:
        address = OfficeAddress.from_url(source)
        source = address.url(password_from_stdin())
    result = replica.clone(source, args.to, progress=progress_printer(args))
    end_progress(args)
    rows = sum(result.rows.values())
    print(
        f"replica of {shown_as(args.url)} written to {result.path}: {result.customers} "
        f"customers, {rows} rows in all; work on it offline with "
        f"`{PROG} --database {result.path}`"
    )
    return EXIT_OK
