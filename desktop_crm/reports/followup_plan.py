"""A rep's follow-up plan: what is overdue and what is due day by day, on paper.

A field rep works from this sheet: each follow-up with the customer's phone and
address, a box to tick and room to write the result. Landscape by default, for that
room.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from itertools import groupby

from desktop_crm.reports import data, texts
from desktop_crm.reports.data import Cancelled, FollowUpPlan, PlanEntry, Progress
from desktop_crm.reports.document import PageSetup, TextReport, letterhead
from desktop_crm.reports.markup import (
    Column,
    Raw,
    column_needs,
    esc,
    fit_widths,
    grid,
    title_block,
)
from desktop_crm.reports.texts import choice, field, phrase

BOX = "□"  # ticked by hand
WRITING_ROOM_PT = 200.0  # the blank "result" column: room to write a few words by hand


def build_followup_plan(
    owner: str | None = None,
    days: int = 7,
    *,
    now: datetime | None = None,
    paper: str = "a4",
    landscape: bool = True,
    today: date | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> TextReport:
    """The follow-up plan of `owner` (a username; None: everyone) for the next `days` days.

    Overdue plans first, then one table per day up to the end of the day `days` days
    from today; `now` is naive local time (default: the clock).
    """
    plan = data.followup_plan(owner, days, now=now, progress=progress, cancelled=cancelled)
    data.checkpoint(cancelled)
    title = phrase("followup_plan")
    who = texts.labelled(field("owner"), plan.owner_name) if plan.owner else phrase("plan_everyone")
    period = phrase("plan_period", start=texts.long_date(plan.start), end=texts.long_date(plan.end))
    total = len(plan.overdue) + len(plan.upcoming)
    setup = replace(PageSetup(), paper=paper, landscape=landscape)
    body = title_block(title, who, f"{period} · {phrase('plan_count', n=texts.count(total))}")
    body += plan_html(plan, setup.body_width())
    report = TextReport(
        title=f"{title} · {who}",
        body_html=body,
        letterhead=letterhead(
            title, f"{title} · {who} · {period}", printed=today or (now.date() if now else None)
        ),
        setup=setup,
    )
    report.prepare()
    if progress is not None:
        progress(3, 3)
    return report


def _columns(everyone: bool) -> list[Column]:
    columns = [
        Column(phrase("time"), wrap=False),
        Column(phrase("customer")),
        Column(phrase("phone"), wrap=False),
        Column(phrase("address")),
        Column(phrase("subject")),
    ]
    if everyone:
        columns.append(Column(field("owner")))
    columns += [Column(phrase("done_box"), wrap=False), Column(phrase("result_notes"))]
    return columns


def _row(entry: PlanEntry, overdue: bool, everyone: bool, names: dict[str, str]) -> list[object]:
    item = entry.item
    when = entry.local_due.strftime("%Y-%m-%d %H:%M" if overdue else "%H:%M")
    customer = (
        f'<span class="strong">{esc(item.customer_name)}</span><br/>'
        f'<span class="small">{esc(item.customer_code)}</span>'
    )
    if item.contact_name:
        customer += f"<br/>{esc(texts.labelled(phrase('with'), item.contact_name))}"
    what = esc(item.subject or "")
    channel = choice("channel", item.channel)
    if channel:
        what += f'<br/><span class="small">{esc(channel)}</span>'
    row: list[object] = [when, Raw(customer), entry.phone, entry.address, Raw(what)]
    if everyone:
        row.append(names.get(item.owner or "", item.owner))
    row += [Raw(f'<span style="font-size: 13pt;">{BOX}</span>'), ""]
    return row


def plan_html(plan: FollowUpPlan, width_pt: float) -> str:
    """The overdue table and one table per day (days with nothing planned left out)."""
    if not plan.overdue and not plan.upcoming:
        return f'<p class="muted" style="margin-top: 14px;">{esc(phrase("plan_nothing"))}</p>'
    everyone = plan.owner is None
    names = data.user_names()
    groups: list[tuple[str, Sequence[PlanEntry], bool]] = []
    if plan.overdue:
        groups.append((phrase("overdue"), plan.overdue, True))
    for day, entries in groupby(plan.upcoming, key=lambda e: e.local_due.date()):
        heading = texts.weekday_date(day)
        if day == plan.start:
            heading = f"{heading} · {phrase('today')}"
        groups.append((heading, list(entries), False))
    tables = [
        (heading, [_row(e, overdue, everyone, names) for e in entries])
        for heading, entries, overdue in groups
    ]
    columns = _columns(everyone)
    every_row = [row for _heading, rows in tables for row in rows]
    needs = column_needs(columns, every_row)
    # The result column is blank: give it room to write in.
    result = len(columns) - 1
    needs[result] = replace(needs[result], width=WRITING_ROOM_PT, least=WRITING_ROOM_PT * 0.7)
    fitted = fit_widths(columns, needs, width_pt)
    return "".join(grid(fitted, rows, title=heading) for heading, rows in tables)
