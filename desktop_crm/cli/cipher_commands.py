"""`encrypt`, `decrypt`, `passwd` and `personal`: the password and one person's data."""

from __future__ import annotations

import argparse

from desktop_crm.cli.opening import (
    database_password,
    new_password,
    open_named,
    require_file,
    sqlite_only,
)
from desktop_crm.cli.output import EXIT_OK, end_progress, progress_printer
from desktop_crm.errors import CrmError


def cmd_cipher(args: argparse.Namespace, database: str) -> int:
    """`encrypt`, `decrypt`, `passwd`: rewrite the database under a new key, or none."""
    from desktop_crm.db import cipher

    sqlite_only(database, args.command, "the server's own encryption")
    path = require_file(database)
    args.database_password_stdin = args.database_password_stdin or args.password_stdin
    report = progress_printer(args)

    def progress(done: int, total: int) -> bool:
        return report(args.command, done, total)

    if args.command == "encrypt":
        password = new_password(path.name, args.database_password_stdin)
        result = cipher.encrypt_database(path, password, progress)
        said = "is now encrypted: it opens only with its password"
    else:
        if not cipher.is_encrypted(path):
            from desktop_crm.domain.messages import text

            raise CrmError(text("db_not_encrypted", path=path))
        old = database_password(args, str(path))
        if args.command == "decrypt":
            result = cipher.decrypt_database(path, old, progress)
            said = "is no longer encrypted: it opens without a password"
        else:
            cipher.unlock(path, old)  # a wrong password is said before the new one is asked
            result = cipher.change_password(
                path, old, new_password(path.name, args.database_password_stdin), progress
            )
            said = "has a new password (and a new key); the old one no longer opens it"
    end_progress(args)
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
        open_named(database)
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
    open_named(database)
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
