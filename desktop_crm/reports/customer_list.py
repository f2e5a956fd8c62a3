"""The list report: the customers of the current list (a search, a filter or a saved
segment) as a table with the columns chosen, counted, on as many pages as it takes.

Every page repeats the column titles. A wide choice of columns turns the page to
landscape unless the caller chose an orientation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from desktop_crm.domain.search import SORT_COLUMNS, CustomerQuery, CustomerRow
from desktop_crm.reports import data, texts
from desktop_crm.reports.data import Cancelled, Progress
from desktop_crm.reports.document import PageSetup, TextReport, letterhead
from desktop_crm.reports.errors import ReportError
from desktop_crm.reports.markup import (
    Column,
    column_needs,
    comfortable_width,
    esc,
    fit_widths,
    grid,
    title_block,
)
from desktop_crm.reports.texts import choice, field, phrase


@dataclass(frozen=True)
class ListColumn:
    """A column the list report can print; `wrap` False for values that must not break."""

    name: str
    wrap: bool = False
    numeric: bool = False


LIST_COLUMNS: dict[str, ListColumn] = {
    c.name: c
    for c in (
        ListColumn("code"),
        ListColumn("name", wrap=True),
        ListColumn("kind"),
        ListColumn("company_name", wrap=True),
        ListColumn("phone"),
        ListColumn("email", wrap=True),
        ListColumn("province"),
        ListColumn("city", wrap=True),
        ListColumn("owner", wrap=True),
        ListColumn("status"),
        ListColumn("stage"),
        ListColumn("grade"),
        ListColumn("stars"),
        ListColumn("relationship_level"),
        ListColumn("last_contact_at"),
        ListColumn("next_followup_at"),
        ListColumn("created_at"),
    )
}
DEFAULT_COLUMNS = (
    "code",
    "name",
    "company_name",
    "phone",
    "city",
    "owner",
    "stage",
    "grade",
    "next_followup_at",
)
FONT_PT = 8.5  # a list is read across: a size smaller than the letters' body text
SMALLEST_PT = 6.5  # many columns: the type shrinks down to this before columns squeeze


def check_columns(columns: Sequence[str]) -> tuple[str, ...]:
    """The columns asked for, each known; `ReportError` names a column that is not."""
    chosen = tuple(c.strip() for c in columns if c.strip())
    for name in chosen:
        if name not in LIST_COLUMNS:
            raise ReportError(phrase("unknown_column", value=name, choices=", ".join(LIST_COLUMNS)))
    return chosen or DEFAULT_COLUMNS


def describe_query(query: CustomerQuery, segment: str | None = None) -> str:
    """What the list holds, in words: "Segment: Beijing A", "Search: 王 · Grade: A"."""
    if segment:
        return texts.labelled(phrase("segment"), segment)
    parts = []
    if query.text.strip():
        parts.append(texts.labelled(phrase("search"), query.text.strip()))
    shown = {
        "kind": choice("kind", query.kind),
        "status": choice("status", query.status),
        "stage": choice("stage", query.stage),
        "grade": query.grade,
        "stars": phrase("at_least_stars", n=query.stars) if query.stars else None,
        "relationship_level": choice("relationship_level", query.level),
        "owner": query.owner,
        "tags": query.tag,
        "province": query.province,
        "city": query.city,
        "source": choice("source", query.source),
    }
    parts += [texts.labelled(field(name), value) for name, value in shown.items() if value]
    if query.followup_due:
        parts.append(phrase("due_today"))
    if query.trashed:
        parts.append(phrase("trash"))
    return " · ".join(parts) or phrase("all_customers")


def _cell(row: CustomerRow, name: str, owners: dict[str, str]) -> object:
    value = getattr(row, name)
    if name in ("kind", "status", "stage"):
        return choice(name, value)
    if name == "relationship_level":
        return choice("relationship_level", value)
    if name == "stars":
        return texts.stars(value)
    if name == "owner":
        return owners.get(value, value) if value else ""
    if name in ("last_contact_at", "created_at"):
        return texts.day(value)
    if name == "next_followup_at":
        return texts.day_and_time(value)
    return value


def build_list_report(
    query: CustomerQuery | None = None,
    *,
    segment: str | None = None,
    ids: Sequence[int] | None = None,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    sort: str = "name",
    descending: bool = False,
    paper: str = "a4",
    landscape: bool | None = None,
    description: str | None = None,
    today: date | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> TextReport:
    """The list report of a query, a saved `segment` (by name) or given customer `ids`.

    `landscape` None turns the page when the columns are too wide for portrait.
    `description` says what the list is (default: the query or segment in words).
    """
    chosen = check_columns(columns)
    if sort not in SORT_COLUMNS:
        raise ReportError(phrase("unknown_column", value=sort, choices=", ".join(SORT_COLUMNS)))
    the_query = data.query_for(segment, query)
    if ids is None:
        ids = data.matching_ids(the_query, sort=sort, descending=descending, cancelled=cancelled)
    about = description or describe_query(the_query, segment)
    total = len(ids)
    steps = total + max(1, total // 3)  # laying the pages out is the last third or so

    def counted(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, steps)

    owners = data.user_names()
    rows = [
        [_cell(row, name, owners) for name in chosen]
        for page in data.rows_in_pages(ids, progress=counted, cancelled=cancelled)
        for row in page
    ]
    table_columns = [
        Column(texts.column(c), None, LIST_COLUMNS[c].numeric, LIST_COLUMNS[c].wrap) for c in chosen
    ]
    needs = column_needs(table_columns, rows, FONT_PT, FONT_PT)
    portrait = PageSetup(paper=paper)
    if landscape is None:
        landscape = comfortable_width(needs) > portrait.body_width()
    setup = replace(portrait, landscape=landscape)
    size = FONT_PT
    while comfortable_width(needs) > setup.body_width() and size > SMALLEST_PT:
        size -= 0.5
        needs = column_needs(table_columns, rows, size, size)
    table_columns = fit_widths(table_columns, needs, setup.body_width())
    count_text = (
        phrase("one_customer") if total == 1 else phrase("customer_count", n=texts.count(total))
    )
    title = phrase("list_report")
    if total:
        table = grid(table_columns, rows, count_text, font_pt=size, striped=True)
    else:
        table = f'<p class="muted">{esc(phrase("no_customers"))}</p>'
    body = title_block(title, about, count_text) + table
    report = TextReport(
        title=f"{title} · {about}",
        body_html=body,
        letterhead=letterhead(title, f"{title} · {about}", printed=today),
        setup=setup,
    )
    data.checkpoint(cancelled)
    report.prepare()
    if progress is not None:
        progress(steps, steps)
    return report
