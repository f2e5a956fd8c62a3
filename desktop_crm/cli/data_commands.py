"""`demo`, `import` and `export`: customers into and out of the database."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from desktop_crm.cli.opening import is_existing_database, open_named, shown_as
from desktop_crm.cli.output import EXIT_OK, EXIT_REJECTED_ROWS, EXIT_USAGE, PROG, Progress
from desktop_crm.errors import CrmError


def cmd_demo(args: argparse.Namespace, database: str) -> int:
    """Add sample data and print what was added."""
    try:
        from desktop_crm.domain.demo import add_sample_data
    except ImportError as exc:
        raise CrmError(f"sample data is not available in this build ({exc})") from exc
    open_named(database, must_exist=False)
    progress = Progress("customers")
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
    print(f"added {counts} to {shown_as(database)} in {time.monotonic() - started:.1f} s")
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
    if args.dry_run and not is_existing_database(database):
        database = ":memory:"  # a dry run against an empty database, leaving no file behind
    open_named(database, must_exist=False)
    progress = Progress("rows")
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
            f"imported {read} into {shown_as(database)}: {summary.counts()} "
            f"(import {summary.batch_id}; undo with `{PROG} import --undo {summary.batch_id}`)"
        )
    return EXIT_REJECTED_ROWS if summary.rejected else EXIT_OK


def _import_batches(args: argparse.Namespace, database: str) -> int:
    """`import --list` and `import --undo BATCH_ID`."""
    from desktop_crm.domain.imports import list_imports, undo_import

    if args.file is not None or (args.list_imports and args.undo is not None):
        raise CrmError("--list and --undo take no FILE, and not both at once")
    open_named(database)
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
    open_named(database)
    progress = Progress("customers")
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
