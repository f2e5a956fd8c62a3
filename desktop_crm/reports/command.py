"""`desktop-crm report …`: printable reports written as PDF from the command line.

    desktop-crm report customer CODE -o FILE.pdf [--history N|all]
    desktop-crm report list -o FILE.pdf [--segment NAME | --search TEXT] [--columns …]
    desktop-crm report followups -o FILE.pdf [--owner NAME] [--days N]
    desktop-crm report labels -o FILE.pdf [--segment NAME | --codes …] [--sheet …]
    desktop-crm report envelopes -o FILE.pdf [--segment NAME | --codes …] [--size dl|c5|10]
    desktop-crm report letters -o FILE.pdf [--template FILE] [--segment NAME | --codes …]

The parser is built without importing Qt (so `desktop-crm --help` stays quick); running a
report makes a QGuiApplication, on the offscreen platform when there is no display.
Problems users can fix are `CrmError`s, which the command line prints as one line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

PAPER_CHOICES = ("a4", "letter")
SHEET_CHOICES = ("a4-3x8", "letter-2x7", "letter-3x10")
ENVELOPE_CHOICES = ("dl", "c5", "10")

EPILOG = """\
The report follows --lang (or the system's language); the company name and logo in the
header come from the settings company_name and company_logo (a picture file).
Mailings (labels, envelopes, letters) go to a saved segment, the customers given with
--codes, or every customer.
"""


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _history(value: str) -> int | None:
    return None if value.strip().lower() == "all" else _positive(value)


def _pair(value: str) -> tuple[float, float]:
    try:
        first, second = (float(part) for part in value.replace(";", ",").split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"give two numbers in millimetres, like 4.5,0 (not {value!r})"
        ) from None
    return first, second


def add_report_parser(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    parser_class: type[argparse.ArgumentParser],
) -> None:
    """Add `report` and its kinds to the command line's sub-commands."""
    report = commands.add_parser(
        "report",
        parents=[common],
        help="write a printable report as PDF",
        description="Write a printable report (PDF, A4 or Letter) without opening the app.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    kinds = report.add_subparsers(
        dest="report", metavar="KIND", required=True, parser_class=parser_class
    )

    def kind(name: str, help_text: str, description: str) -> argparse.ArgumentParser:
        sub = kinds.add_parser(name, parents=[common], help=help_text, description=description)
        sub.add_argument(
            "-o", "--output", required=True, metavar="FILE.pdf", help="the PDF file to write"
        )
        return sub

    customer = kind(
        "customer",
        "one customer's client report",
        "Profile, contacts, level and strategy, follow-ups, orders and payments, "
        "complaints and next actions of one customer.",
    )
    customer.add_argument("code", metavar="CODE", help="the customer's code, e.g. C000123")
    customer.add_argument(
        "--history",
        type=_history,
        default=50,
        metavar="N|all",
        help="how many of the latest contacts to list (default 50)",
    )
    _page_options(customer)

    listing = kind(
        "list",
        "the customer list as a table",
        "Customers (all, a saved segment or a search) as a table with a count.",
    )
    which = listing.add_mutually_exclusive_group()
    which.add_argument("--segment", metavar="NAME", help="a saved segment")
    which.add_argument("--search", metavar="TEXT", help="what to search for, as in the app")
    listing.add_argument(
        "--columns",
        metavar="A,B,…",
        help="columns to print (default: code, name, company_name, phone, city, "
        "owner, stage, grade, next_followup_at)",
    )
    listing.add_argument(
        "--sort", default="name", metavar="COLUMN", help="order by this column (default name)"
    )
    listing.add_argument("--descending", action="store_true", help="reverse the order")
    _page_options(listing, orientation=True)

    plan = kind(
        "followups",
        "a rep's follow-up plan",
        "Overdue and upcoming planned follow-ups, day by day, with phone and address.",
    )
    plan.add_argument("--owner", metavar="NAME", help="the user name of the rep (default: all)")
    plan.add_argument(
        "--days", type=_positive, default=7, metavar="N", help="how many days ahead (default 7)"
    )
    plan.add_argument("--paper", choices=PAPER_CHOICES, default="a4")
    plan.add_argument("--portrait", action="store_true", help="portrait (default landscape)")

    labels = kind(
        "labels",
        "address labels on a label sheet",
        "Address labels for a segment, given customers, or everyone.",
    )
    _recipient_options(labels)
    labels.add_argument(
        "--sheet", choices=SHEET_CHOICES, default="a4-3x8", help="the label sheet (default a4-3x8)"
    )
    labels.add_argument(
        "--margins",
        type=_pair,
        metavar="TOP,LEFT",
        help="first label's top and left edge from the paper's corner, in mm",
    )
    labels.add_argument(
        "--pitch",
        type=_pair,
        metavar="ACROSS,DOWN",
        help="distance from one label to the next across and down, in mm",
    )
    labels.add_argument(
        "--start",
        type=int,
        default=1,
        metavar="N",
        help="the first free label on a partly used sheet (default 1)",
    )

    envelopes = kind("envelopes", "one envelope per customer", "Envelopes, fed landscape.")
    _recipient_options(envelopes)
    envelopes.add_argument(
        "--size",
        choices=ENVELOPE_CHOICES,
        default="dl",
        help="DL 220×110 mm (default), C5 229×162 mm or US #10",
    )

    letters = kind(
        "letters",
        "a mail-merge letter per customer",
        "Letters from a text template with {name} {title} {company} {address} "
        "{code} {date} {sender}; blank lines separate paragraphs.",
    )
    _recipient_options(letters)
    letters.add_argument(
        "--template",
        metavar="FILE",
        help="a text file (UTF-8 or GBK); default a short courtesy letter",
    )
    letters.add_argument("--paper", choices=PAPER_CHOICES, default="a4")


def _page_options(parser: argparse.ArgumentParser, *, orientation: bool = False) -> None:
    parser.add_argument(
        "--paper", choices=PAPER_CHOICES, default="a4", help="a4 (default) or letter"
    )
    if orientation:
        turn = parser.add_mutually_exclusive_group()
        turn.add_argument(
            "--landscape",
            dest="landscape",
            action="store_const",
            const=True,
            help="landscape (default: when the columns need it)",
        )
        turn.add_argument("--portrait", dest="landscape", action="store_const", const=False)
    else:
        parser.add_argument("--landscape", action="store_true", help="landscape pages")


def _recipient_options(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--segment", metavar="NAME", help="a saved segment")
    which.add_argument("--codes", metavar="C1,C2,…", help="these customers, in this order")


# ---------------------------------------------------------------------------- running


def ensure_gui_application() -> object:
    """The running Q(Gui)Application, or a new QGuiApplication (offscreen without display)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    global _APP
    _APP = QGuiApplication(["desktop-crm"])
    return _APP


_APP: object | None = None


def run_report(args: argparse.Namespace, open_database: Callable[[], None]) -> int:
    """Build the report `args` asks for and write it; prints where it went."""
    from desktop_crm.reports.document import check_pdf_path

    target = check_pdf_path(args.output)  # before any work: a bad path costs nothing
    ensure_gui_application()
    open_database()
    document = BUILDERS[args.report](args)
    from desktop_crm.reports.document import write_pdf

    written = write_pdf(document, target)
    pages = document.page_count()
    print(f"wrote {written} ({pages} page{'s' if pages != 1 else ''})")
    return 0


def _customer(args: argparse.Namespace) -> object:
    from desktop_crm.reports.client import build_client_report
    from desktop_crm.reports.document import PageSetup

    setup = PageSetup(paper=args.paper, landscape=args.landscape)
    return build_client_report(args.code, history_limit=args.history, setup=setup)


def _list(args: argparse.Namespace) -> object:
    from desktop_crm.domain.search import CustomerQuery
    from desktop_crm.reports.customer_list import DEFAULT_COLUMNS, build_list_report

    columns = args.columns.split(",") if args.columns else DEFAULT_COLUMNS
    query = CustomerQuery(text=args.search or "")
    return build_list_report(
        query,
        segment=args.segment,
        columns=columns,
        sort=args.sort,
        descending=args.descending,
        paper=args.paper,
        landscape=args.landscape,
    )


def _followups(args: argparse.Namespace) -> object:
    from desktop_crm.reports.followup_plan import build_followup_plan

    return build_followup_plan(args.owner, args.days, paper=args.paper, landscape=not args.portrait)


def _recipients(args: argparse.Namespace) -> list[int]:
    from desktop_crm.reports import data

    if args.codes:
        return data.ids_for_codes(args.codes.split(","))
    return data.matching_ids(data.query_for(args.segment))


def _labels(args: argparse.Namespace) -> object:
    from desktop_crm.reports.labels import build_labels, sheet

    changes: dict[str, float] = {}
    if args.margins:
        changes["top"], changes["left"] = args.margins
    if args.pitch:
        changes["h_pitch"], changes["v_pitch"] = args.pitch
    return build_labels(
        _recipients(args), label_sheet=sheet(args.sheet, **changes), start=args.start - 1
    )


def _envelopes(args: argparse.Namespace) -> object:
    from desktop_crm.reports.envelopes import build_envelopes

    return build_envelopes(_recipients(args), size=args.size)


def _letters(args: argparse.Namespace) -> object:
    from desktop_crm.reports.errors import ReportError
    from desktop_crm.reports.letters import build_letters, check_template, read_template

    template = None
    if args.template:
        try:
            template = check_template(read_template(Path(args.template)))
        except OSError as exc:
            raise ReportError(f"cannot read {args.template}: {exc.strerror or exc}") from exc
    return build_letters(_recipients(args), template, paper=args.paper)


BUILDERS: dict[str, Callable[[argparse.Namespace], object]] = {
    "customer": _customer,
    "list": _list,
    "followups": _followups,
    "labels": _labels,
    "envelopes": _envelopes,
    "letters": _letters,
}
