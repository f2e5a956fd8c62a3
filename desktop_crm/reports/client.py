"""The client report: one customer on paper, to file or to take to a meeting.

Profile, contact persons and addresses, classification with the relationship level and
its strategy, care data, the next actions, orders and payments with the receivable,
open complaints, the latest satisfaction scores and the follow-up history. A section
with nothing to show is left out, so a new customer's report is one short page.
"""

from __future__ import annotations

from datetime import date

from desktop_crm.domain.customers import CustomerRecord
from desktop_crm.domain.followups import FollowUpItem
from desktop_crm.reports import data, texts
from desktop_crm.reports.data import Cancelled, ClientData, Progress
from desktop_crm.reports.document import PageSetup, TextReport, letterhead
from desktop_crm.reports.markup import (
    Column,
    Raw,
    box,
    bullet_list,
    column_needs,
    esc,
    facts,
    fit_widths,
    grid,
    section,
    span,
    title_block,
)
from desktop_crm.reports.texts import choice, field, phrase


def build_client_report(
    customer: int | str,
    *,
    history_limit: int | None = 50,
    setup: PageSetup | None = None,
    today: date | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> TextReport:
    """The client report of a customer (an id, or a code such as "C000123"), laid out.

    `history_limit` is how many of the latest contacts to list (None: all of them).
    """
    customer_id = data.customer_id_for_code(customer) if isinstance(customer, str) else customer
    steps = 8

    def gathered(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, steps)

    facts_ = data.client_data(
        customer_id, history_limit=history_limit, progress=gathered, cancelled=cancelled
    )
    data.checkpoint(cancelled)
    setup = setup or PageSetup()
    body = client_report_html(facts_, setup.body_width())
    if progress is not None:
        progress(6, steps)
    c = facts_.customer
    title = phrase("client_report")
    report = TextReport(
        title=f"{title} · {c.name}",
        body_html=body,
        letterhead=letterhead(
            title, f"{c.code} · {c.name} · {phrase('confidential')}", printed=today
        ),
        setup=setup,
    )
    data.checkpoint(cancelled)
    report.prepare()
    if progress is not None:
        progress(steps, steps)
    return report


def client_report_html(d: ClientData, width_pt: float | None = None) -> str:
    """The body of the report as HTML (sections with nothing to show left out).

    Tables get column widths measured from what they hold, for a text area `width_pt`
    points wide (default: A4 portrait).
    """
    c = d.customer
    table = _Tables(width_pt or PageSetup().body_width())
    parts = [
        title_block(c.name, _subtitle(c), _meta(d)),
        _next_actions(d.planned),
        _profile(c, d.owner_name),
        _classification(d),
        _contacts(c, table),
        _addresses(c, table),
        _care(c),
        _account(d, table),
        _complaints(d, table),
        _surveys(d, table),
        _history(d, table),
        _relations(c, table),
    ]
    return "".join(p for p in parts if p)


class _Tables:
    """Makes grids whose columns fit what they hold across the text area."""

    def __init__(self, width_pt: float) -> None:
        self.width_pt = width_pt

    def __call__(
        self,
        columns: list[Column],
        rows: list[list[object]],
        totals: object = None,
        **kwargs: object,
    ) -> str:
        measured = rows + ([totals] if isinstance(totals, list) else [])
        fitted = fit_widths(columns, column_needs(columns, measured), self.width_pt)
        return grid(fitted, rows, totals, **kwargs)


def _subtitle(c: CustomerRecord) -> str | None:
    if c.kind == "enterprise":
        return c.industry
    parts = [p for p in (c.title, c.company_name) if p]
    return " · ".join(parts) or None


def _meta(d: ClientData) -> str:
    c = d.customer
    parts = [c.code, choice("kind", c.kind)]
    if d.owner_name:
        parts.append(texts.labelled(field("owner"), d.owner_name))
    return " · ".join(parts)


def _when(item: FollowUpItem) -> str:
    return texts.day_and_time(item.due_at if item.status == "planned" else item.occurred_at)


def _next_actions(planned: list[FollowUpItem]) -> str:
    if not planned:
        return ""
    from desktop_crm.db.models import utcnow

    now = utcnow()
    rows = []
    for item in planned:
        what = " · ".join(p for p in (choice("channel", item.channel), item.subject) if p)
        with_ = f" — {item.contact_name}" if item.contact_name else ""
        late = (
            f' <span class="warn">{esc(phrase("overdue_since"))}</span>'
            if item.due_at and item.due_at < now
            else ""
        )
        rows.append(
            f'<li><span class="strong">{esc(_when(item))}</span>&nbsp;&nbsp;'
            f"{esc(what + with_)}{late}</li>"
        )
    return box(phrase("next_actions"), f"<ul>{''.join(rows)}</ul>")


def _join(values: list[str]) -> str:
    return "\n".join(v for v in values if v)


def _profile(c: CustomerRecord, owner_name: str | None) -> str:
    phones = _join(
        [
            f"{p.number} ({choice('phone_label', p.label)})" if p.label else p.number
            for p in c.phones
        ]
    )
    emails = _join([e.address for e in c.emails])
    messengers = _join(
        [f"{choice('messenger_service', m.service)}: {m.handle}" for m in c.messengers]
    )
    pairs: list[tuple[str, object]] = [
        (field("code"), c.code),
        (field("kind"), choice("kind", c.kind)),
        (field("phones"), phones),
        (field("emails"), emails),
        (field("messengers"), messengers),
        (field("gender"), choice("gender", c.gender)),
        (field("title"), c.title),
        (field("company_name"), c.company_name),
        (field("industry"), c.industry),
        (field("company_size"), c.company_size),
        (field("website"), c.website),
        (field("source"), choice("source", c.source)),
        (field("referred_by"), c.referred_by),
        (field("owner"), owner_name),
        (phrase("customer_since"), texts.day(c.created_at)),
        (field("tags"), "、".join(c.tags) if texts.is_chinese() else ", ".join(c.tags)),
    ]
    return facts(pairs, title=phrase("profile")) + facts(
        [(field("notes"), c.notes)], columns=1, follows=True
    )


def _classification(d: ClientData) -> str:
    c = d.customer
    level = phrase("level_value", number=d.level.number, name=d.level.name) if d.level else None
    credit_limit = texts.money(c.credit_limit) if c.credit_limit is not None else None
    body = facts(
        [
            (field("status"), choice("status", c.status)),
            (field("stage"), choice("stage", c.stage)),
            (field("grade"), c.grade),
            (field("stars"), texts.stars(c.stars)),
            (field("credit_rating"), c.credit_rating),
            (field("credit_limit"), credit_limit),
            (phrase("level"), level),
            (phrase("cadence"), phrase("days", n=d.cadence_days) if d.level else None),
            (field("last_contact_at"), texts.day(c.last_contact_at)),
            (field("next_followup_at"), texts.day_and_time(c.next_followup_at)),
        ],
        title=phrase("classification"),
    )
    if d.level is not None:
        body += section(
            f"{phrase('strategy')} — {d.level.name}",
            f'<p class="muted">{esc(d.level.characteristics)}</p>'
            + bullet_list(d.level.strategies),
            level="subheading",
        )
    return body


def _contacts(c: CustomerRecord, table: _Tables) -> str:
    if not c.contacts:
        return ""
    columns = [
        Column(field("name")),
        Column(field("title")),
        Column(field("department")),
        Column(field("phones"), wrap=False),
        Column(field("emails"), wrap=False),
    ]
    rows = []
    for p in c.contacts:
        name = Raw(
            esc(p.name)
            + (f' <span class="small">({esc(phrase("primary"))})</span>' if p.is_primary else "")
        )
        rows.append(
            [
                name,
                p.title,
                p.department,
                _join([x.number for x in p.phones]),
                _join([x.address for x in p.emails]),
            ]
        )
    return table(columns, rows, title=phrase("contacts"))


def _addresses(c: CustomerRecord, table: _Tables) -> str:
    shown = [a for a in c.addresses if texts.address_line(a)]
    if not shown:
        return ""
    columns = [Column(phrase("category"), wrap=False), Column(field("address"))]
    rows = [[choice("address_label", a.label), texts.address_line(a, postcode=True)] for a in shown]
    return table(columns, rows, title=phrase("addresses"))


def _care(c: CustomerRecord) -> str:
    birthday = None
    if c.birthday is not None:
        birthday = (
            texts.long_date(c.birthday) if c.birthday_has_year else texts.month_day(c.birthday)
        )
    lunar = None
    if c.lunar_birthday_month and c.lunar_birthday_day:
        lunar = texts.lunar_date(
            c.lunar_birthday_month, c.lunar_birthday_day, c.lunar_birthday_leap
        )
    dates = [(field("birthday"), birthday), (field("lunar_birthday"), lunar)]
    notes = [
        (field("preferences"), c.preferences),
        (field("family_notes"), c.family_notes),
        (field("social_notes"), c.social_notes),
    ]
    first = facts(dates, title=phrase("care"))
    return first + facts(
        notes, columns=1, title=None if first else phrase("care"), follows=bool(first)
    )


def _account(d: ClientData, table: _Tables) -> str:
    a = d.account
    if not a.orders and not a.payments:
        return ""
    receivable = texts.money(a.receivable)
    if a.receivable > 0:
        receivable = Raw(f'<span class="warn">{esc(receivable)}</span>')
    body = facts(
        [
            (phrase("order_count"), texts.count(len(a.orders))),
            (phrase("total_ordered"), texts.money(a.total_ordered)),
            (phrase("total_paid"), texts.money(a.total_paid)),
            (phrase("receivable"), receivable),
        ],
        title=phrase("account"),
        columns=4,
    )
    if a.orders:
        columns = [
            Column(phrase("date"), wrap=False),
            Column(phrase("order_no"), wrap=False),
            Column(phrase("product")),
            Column(phrase("quantity"), numeric=True, wrap=False),
            Column(phrase("amount"), numeric=True, wrap=False),
            Column(phrase("paid"), numeric=True, wrap=False),
            Column(field("status"), wrap=False),
        ]
        rows = [
            [
                texts.day(o.order_date),
                o.order_no,
                o.product,
                texts.quantity(o.quantity),
                _struck(texts.money(o.amount), o.status == "cancelled"),
                texts.money(o.paid),
                choice("order_status", o.status),
            ]
            for o in a.orders
        ]
        paid_on_orders = sum((o.paid for o in a.orders), data.ZERO)
        totals = [
            phrase("total"),
            "",
            "",
            "",
            texts.money(a.total_ordered),
            texts.money(paid_on_orders),
            "",
        ]
        body += table(columns, rows, totals, title=phrase("orders"), level="subheading")
        if a.cancelled_orders:
            body += f'<p class="small">{esc(phrase("excluded_cancelled"))}</p>'
    if a.payments:
        columns = [
            Column(phrase("date"), wrap=False),
            Column(phrase("amount"), numeric=True, wrap=False),
            Column(phrase("method")),
            Column(phrase("reference")),
            Column(phrase("order_no"), wrap=False),
        ]
        rows = [
            [
                texts.day(p.paid_on),
                texts.money(p.amount),
                choice("payment_method", p.method),
                p.reference,
                p.order_no,
            ]
            for p in a.payments
        ]
        body += table(
            columns,
            rows,
            [phrase("total"), texts.money(a.total_paid), "", "", ""],
            title=phrase("payments"),
            level="subheading",
        )
    return body


def _struck(text: str, cancelled: bool) -> object:
    return (
        Raw(f'<span style="text-decoration: line-through;">{esc(text)}</span>')
        if cancelled
        else text
    )


def _complaints(d: ClientData, table: _Tables) -> str:
    if not d.complaints:
        return ""
    columns = [
        Column(phrase("opened"), wrap=False),
        Column(phrase("severity"), wrap=False),
        Column(phrase("category"), wrap=False),
        Column(phrase("description")),
        Column(phrase("respond_by"), wrap=False),
        Column(field("status"), wrap=False),
    ]
    rows = []
    for c in d.complaints:
        severity = choice("severity", c.severity)
        if c.severity in ("high", "critical"):
            severity = span("warn", severity)
        rows.append(
            [
                texts.day(c.opened_at),
                severity,
                choice("complaint_category", c.category),
                c.description,
                texts.day_and_time(c.respond_by),
                choice("complaint_status", c.status),
            ]
        )
    return table(columns, rows, title=phrase("complaints"))


def _surveys(d: ClientData, table: _Tables) -> str:
    if not d.surveys:
        return ""
    columns = [
        Column(phrase("date"), wrap=False),
        Column(phrase("satisfaction"), wrap=False),
        Column(phrase("nps"), wrap=False),
        Column(phrase("comments")),
    ]
    rows = [
        [
            texts.day(s.surveyed_on),
            texts.stars(s.satisfaction) if s.satisfaction else "",
            "" if s.nps is None else phrase("score_of", score=s.nps, best=10),
            s.comments,
        ]
        for s in d.surveys
    ]
    return table(columns, rows, title=phrase("surveys"))


def _history(d: ClientData, table: _Tables) -> str:
    if not d.history:
        return ""
    columns = [
        Column(phrase("date"), wrap=False),
        Column(phrase("channel"), wrap=False),
        Column(phrase("subject")),
        Column(phrase("with")),
        Column(phrase("by")),
    ]
    rows = []
    for item in d.history:
        what = esc(item.subject or "")
        if item.subject:
            what = f'<span class="strong">{what}</span>'
        details = [esc(x) for x in (item.content, item.outcome) if x]
        if item.outcome and item.content:
            details[-1] = f'<span class="muted">{esc(phrase("outcome"))}:</span> {details[-1]}'
        what = "<br/>".join([what] + details if what else details)
        rows.append(
            [
                texts.day_and_time(item.occurred_at),
                choice("channel", item.channel),
                Raw(what),
                item.contact_name,
                d.user_names.get(item.owner or "", item.owner),
            ]
        )
    title = phrase("history")
    if d.history_total > len(d.history):
        title = texts.bracketed(
            title, phrase("history_some", shown=len(d.history), total=texts.count(d.history_total))
        )
    return table(columns, rows, title=title)


def _relations(c: CustomerRecord, table: _Tables) -> str:
    if not c.relations:
        return ""
    columns = [
        Column(field("code"), wrap=False),
        Column(field("name")),
        Column(phrase("category"), wrap=False),
        Column(field("notes")),
    ]
    rows = [[r.other_code, r.other_name, choice("relation", r.kind), r.notes] for r in c.relations]
    return table(columns, rows, title=phrase("relations"))
