"""Find customers: the search box and the filter bar, answered one page at a time.

A query is what the user typed plus any filters; the answer is a page of plain rows
(or ids, for the windowed list model) in a stable order, and a count kept separate and
capped, because counting 400,000 hits costs far more than showing 50.

Text goes through the search index (`search_index.matching_ids_sql`), so 1–2 Hanzi,
pinyin, initials and phone fragments all work. The plan is chosen per query (see
`_ordered_ids`): SQLite keeps no statistics here, so left alone it may sort every hit of
a broad word, or walk the whole name index for a word only three customers match.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

import peewee
from peewee import SQL, NodeList

from desktop_crm.db import search_index
from desktop_crm.db.models import Customer, CustomerTag, Email, Phone, Tag, User, database


@dataclass
class CustomerQuery:
    """What to look for: the text typed in the search box and the filters, AND-ed."""

    text: str = ""  # what the user typed in the search box
    kind: str | None = None  # individual | enterprise
    status: str | None = None
    stage: str | None = None
    grade: str | None = None
    stars: int | None = None  # at least this many stars
    level: int | None = None  # relationship_level 1..5; 0 = no level set
    owner: str | None = None  # username
    tag: str | None = None  # tag name
    province: str | None = None
    city: str | None = None
    source: str | None = None
    followup_due: bool = False  # next_followup_at at or before the end of today (local time)
    trashed: bool = False  # search the trash instead of live customers


@dataclass(frozen=True)
class CustomerRow:
    """One line of the customer list, as plain values."""

    id: int
    code: str
    name: str
    kind: str
    company_name: str | None
    phone: str | None  # the customer's primary (first) phone, as typed
    email: str | None  # the customer's primary (first) email
    province: str | None
    city: str | None
    owner: str | None  # username
    status: str
    stage: str
    grade: str | None
    stars: int
    relationship_level: int | None
    last_contact_at: datetime | None
    next_followup_at: datetime | None
    created_at: datetime


SORT_COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "kind",
    "company_name",
    "province",
    "city",
    "owner",
    "status",
    "stage",
    "grade",
    "stars",
    "relationship_level",
    "last_contact_at",
    "next_followup_at",
    "created_at",
)

# Below this many matches a query sorts its matches; above, it walks the sort order and
# keeps what matches (see `_ordered_ids`). The switch point grows with the page asked
# for and the size of the table; these bound it. The upper bound also bounds the id
# lists fetched and written back into a query.
MIN_FEW_MATCHES = 1000
MAX_FEW_MATCHES = 10_000
# Looking a match up by id and sorting it costs about this many steps of an index walk
# that tests ids only (measured at 1M customers).
SORT_COST = 3
# A cancellable search looks at its `cancelled` function every this many SQLite virtual
# machine steps: well under a millisecond apart, yet rare enough to cost nothing.
CANCEL_CHECK_STEPS = 20_000


class SearchCancelled(Exception):  # noqa: N818 - it is not an error: nobody wants the answer
    """A search stopped early because its `cancelled` function said so."""


def end_of_today_utc(now: datetime | None = None) -> datetime:
    """The end of the local calendar day, as the naive UTC timestamp the database stores."""
    local_now = (now or datetime.now(UTC)).astimezone()
    tomorrow = datetime.combine(local_now.date() + timedelta(days=1), time(), local_now.tzinfo)
    # Compared with `<`, so a follow-up at 23:59:59.999 today is due and 00:00 tomorrow is not.
    return tomorrow.astimezone(UTC).replace(tzinfo=None)


def _is_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def _not_indexed(expr: peewee.Node) -> peewee.Node:
    """`expr` that the SQLite planner will not use an index for (unary `+`, its documented hint).

    SQLite has no statistics unless ANALYZE ran, so it guesses which index to use; where
    we know better (see `_ordered_ids`) we take the choice away. Other databases plan
    with statistics and get the expression unchanged.
    """
    if _is_sqlite():
        return NodeList((SQL("+"), expr), glue="")
    return expr


def _text_ids(text: str) -> peewee.Node | None:
    """The index's SQL for the ids matching `text`, as a sub-select (None: no text to match)."""
    found = search_index.matching_ids_sql(database.obj, text)
    if found is None:
        return None
    sql, params = found
    return SQL(f"({sql})", params)


def _text_hit_ids(text: str, cap: int) -> list[int]:
    """The ids of up to `cap` index documents matching `text` (trashed customers included)."""
    found = search_index.matching_ids_sql(database.obj, text, cap)
    if found is None:
        return []
    sql, params = found
    cursor = database.obj.execute_sql(sql, params)
    return [row[0] for row in cursor.fetchall()]


# How the filters are written, by what drives the query (see `_ordered_ids`):
_FIND = "find"  # a filter's index may find the candidates
_TEST = "test"  # candidates come by id (text hits, a list): filters are only tested
_WALK = "walk"  # the sort column's index is walked: filters only tested, and liveness is
#                 tested by id alone so the walk never has to read the table row


def _filters(query: CustomerQuery, mode: str) -> list[peewee.Node]:
    """The conditions of `query` except its text, written for `mode`."""

    def col(field: peewee.Field) -> peewee.Node:
        return field if mode == _FIND else _not_indexed(field)

    conds: list[peewee.Node] = []
    trashed = Customer.alias("trashed")
    trash = trashed.select(trashed.id).where(trashed.deleted_at.is_null(False))
    if query.trashed:
        if mode == _FIND:
            # Found by id from the deleted_at index: planners tend to think a whole-table
            # scan is as good for IS NOT NULL.
            conds.append(Customer.id.in_(trash))
        elif mode == _WALK:
            conds.append(_not_indexed(Customer.id).in_(trash))
        else:
            conds.append(_not_indexed(Customer.deleted_at).is_null(False))
        # Merged customers are not in the trash: they live on in the one they joined;
        # nor are erased ones (anonymous shells that keep their orders for the totals).
        conds.append(_not_indexed(Customer.merged_into).is_null())
        conds.append(_not_indexed(Customer.erased_at).is_null())
    elif mode == _WALK:
        # The trash is small and read from its own index once; testing each walked id
        # against it keeps the walk inside the sort index (deep pages: 10× faster).
        conds.append(Customer.id.not_in(trash))
    else:
        # Nearly every customer is live: the deleted_at index never helps to find live
        # customers (it would read them all), so the planner is never offered it.
        conds.append(_not_indexed(Customer.deleted_at).is_null())
    for name in ("kind", "status", "stage", "grade", "province", "city", "source"):
        value = getattr(query, name)
        if value is not None:
            conds.append(col(getattr(Customer, name)) == value)
    if query.stars is not None:
        conds.append(col(Customer.stars) >= query.stars)
    if query.level == 0:
        conds.append(col(Customer.relationship_level).is_null())
    elif query.level is not None:
        conds.append(col(Customer.relationship_level) == query.level)
    if query.owner is not None:
        owner_ids = User.select(User.id).where(User.username == query.owner)
        conds.append(col(Customer.owner).in_(owner_ids))
    if query.tag is not None:
        tagged = CustomerTag.select(CustomerTag.customer).join(Tag).where(Tag.name == query.tag)
        conds.append(col(Customer.id).in_(tagged))
    if query.followup_due:
        conds.append(col(Customer.next_followup_at) < end_of_today_utc())
    return conds


def _narrows(query: CustomerQuery) -> bool:
    """Whether a filter applies besides "live customers" (the text aside)."""
    values = (
        query.kind,
        query.status,
        query.stage,
        query.grade,
        query.stars,
        query.level,
        query.owner,
        query.tag,
        query.province,
        query.city,
        query.source,
    )
    return query.trashed or query.followup_due or any(v is not None for v in values)


def _sort_fields(sort: str) -> tuple[peewee.Node, bool]:
    """The column to order by, and whether it needs the owner's user row joined."""
    if sort not in SORT_COLUMNS:
        choices = ", ".join(SORT_COLUMNS)
        raise ValueError(f"cannot sort customers by {sort!r}; choose one of {choices}")
    if sort == "name":
        return Customer.sort_key, False
    if sort == "owner":
        return User.username, True
    return getattr(Customer, sort), False


def _sort_is_indexed(sort: str) -> bool:
    """Whether walking the sort order is an index scan (else it is a full scan and a sort)."""
    if sort == "owner":  # ordered by the joined username: no index gives that order
        return False
    field = Customer.sort_key if sort == "name" else getattr(Customer, sort)
    return bool(field.index or field.unique)


def _select_ids(
    conds: Sequence[peewee.Node], sort: str, descending: bool, *, walk: bool
) -> peewee.Select:
    """Ids matching `conds` in the requested order, ties broken by id.

    With `walk`, the order can come straight from the sort column's index; without, it
    is written so that it cannot, and the planner looks the (few) candidates up by id
    and sorts them.
    """
    column, join_owner = _sort_fields(sort)
    select = Customer.select(Customer.id)
    if join_owner:
        select = select.join(User, peewee.JOIN.LEFT_OUTER, on=Customer.owner == User.id)
    tie: peewee.Node = Customer.id
    if not walk:
        column, tie = _not_indexed(column), _not_indexed(tie)
    # One direction for both keys: a mixed order could not be read from the index.
    order = (column.desc(), tie.desc()) if descending else (column.asc(), tie.asc())
    return select.where(*conds).order_by(*order)


def _ordered_ids(
    query: CustomerQuery, sort: str, descending: bool, offset: int, limit: int
) -> list[int]:
    """The ids of one page, by whichever plan is cheapest for this query.

    - Few matches: collect their ids (from the text index, or a filter's index) and sort
      just those.
    - Many matches: walk the sort column's index in order, keep the rows that match and
      stop once the page is full; nothing is sorted.
    - The whole list at once (the list model asks for every id): a walk would visit
      every customer, so the matches are sorted unless the text alone matches most of
      the table (3–12× faster than walking for filters at 1M customers).
    Walking costs about (offset + limit) × customers / matches steps and sorting about
    `matches`, so sorting wins below √((offset + limit) × customers) matches. The probes
    fetch ids only up to that switch point, so they stay cheap on broad queries, and on
    narrow ones they are the answer. SQLite keeps no statistics (and none could say how
    many rows a text search matches), so each plan is spelt out with `_not_indexed`.
    """
    text_ids = _text_ids(query.text)
    narrows = _narrows(query)
    if text_ids is None and not narrows:
        # Every live customer matches: walk the sort order.
        walk = _select_ids(_filters(query, _WALK), sort, descending, walk=True)
        return _page(walk, offset, limit)

    span = _customer_id_span()
    whole = offset + limit >= span
    if _sort_is_indexed(sort) and not whole:
        wanted = max(1, offset + limit) * max(1, span)
        switch = min(MAX_FEW_MATCHES, max(MIN_FEW_MATCHES, math.isqrt(wanted)))
    else:
        switch = MAX_FEW_MATCHES  # a walk would visit every customer: sort whenever we can

    if text_ids is not None:
        # Few hits: look each one up by id and test the filters on it.
        page = _few_hits_page(query, switch, sort, descending, offset, limit)
        if page is not None:
            return page
    if whole and narrows:
        # Sort all the matches, found through a filter's index (the text, known to be
        # broad, is only tested). A walk would read every customer's row to test it.
        conds = _filters(query, _FIND)
        if text_ids is not None:
            conds.append(_not_indexed(Customer.id).in_(text_ids))
        return _page(_select_ids(conds, sort, descending, walk=False), offset, limit)
    if whole and _count_text_hits(query.text, span // SORT_COST) < span // SORT_COST:
        # Text alone: a walk tests ids only, from the index, so it beats looking up and
        # sorting the hits once they pass about a third of the table.
        conds = [*_filters(query, _TEST), Customer.id.in_(text_ids)]
        return _page(_select_ids(conds, sort, descending, walk=False), offset, limit)
    if narrows:
        # A filter's index finds the candidates; the text (if any) is only tested.
        conds = _filters(query, _FIND)
        if text_ids is not None:
            conds.append(_not_indexed(Customer.id).in_(text_ids))
        found = _ids_of(Customer.select(Customer.id).where(*conds).limit(switch))
        if len(found) < switch:
            return _sorted_page(found, [], sort, descending, offset, limit)

    conds = _filters(query, _WALK)
    if text_ids is not None:
        conds.append(_not_indexed(Customer.id).in_(text_ids))
    return _page(_select_ids(conds, sort, descending, walk=True), offset, limit)


def _few_hits_page(
    query: CustomerQuery, switch: int, sort: str, descending: bool, offset: int, limit: int
) -> list[int] | None:
    """The page, if the text has fewer than `switch` hits (None: it has more).

    SQLite fetches the hits and writes them into the page's query. A server would cost
    a round trip more and thousands of ids sent both ways, parsed and planned (2 ms of
    planning for 2,000): there the hits stay on the server, and one statement says how
    many there were and which of them make the page.
    """
    conds = _filters(query, _TEST)
    if _is_sqlite():
        hits = _text_hit_ids(query.text, switch)
        if len(hits) >= switch:
            return None
        return _sorted_page(hits, conds, sort, descending, offset, limit)
    found = search_index.matching_ids_sql(database.obj, query.text, switch)
    assert found is not None  # the caller has text to match
    hits_sql, hits_params = found
    conds.append(Customer.id.in_(SQL("(SELECT hit FROM hits)")))
    page = _window(_select_ids(conds, sort, descending, walk=False), offset, limit)
    page_sql, page_params = page.sql()
    # (The page is only made when it is the answer: the server runs a sub-select of a
    # CASE branch not taken not at all.)
    statement = (
        f"WITH hits(hit) AS MATERIALIZED ({hits_sql}) "
        f"SELECT n, CASE WHEN n < {int(switch)} THEN ARRAY({page_sql}) END "
        "FROM (SELECT COUNT(*) AS n FROM hits) AS counted"
    )
    count, ids = database.obj.execute_sql(statement, [*hits_params, *page_params]).fetchone()
    return ids if count < switch else None


def _count_text_hits(text: str, cap: int) -> int:
    """How many index documents match `text`, counting no further than `cap`."""
    found = search_index.matching_ids_sql(database.obj, text, cap)
    if found is None:
        return 0
    sql, params = found
    counted = f"SELECT COUNT(*) FROM ({sql}) AS hits"
    return database.obj.execute_sql(counted, params).fetchone()[0]


def _sorted_page(
    ids: list[int], conds: list[peewee.Node], sort: str, descending: bool, offset: int, limit: int
) -> list[int]:
    """One page, in the requested order, of those of these (few) ids that meet `conds`."""
    if not ids:
        return []
    conds = [Customer.id.in_(_id_list(ids)), *conds]
    return _page(_select_ids(conds, sort, descending, walk=False), offset, limit)


def _customer_id_span() -> int:
    """Roughly how many customers there are: the highest id (one index probe on any database)."""
    return Customer.select(peewee.fn.MAX(Customer.id)).scalar() or 0


def _page(select: peewee.Select, offset: int, limit: int) -> list[int]:
    return _ids_of(_window(select, offset, limit))


def _window(select: peewee.Select, offset: int, limit: int) -> peewee.Select:
    return select.offset(max(0, offset)).limit(max(0, limit))


def _ids_of(select: peewee.Select) -> list[int]:
    """The first column of every row, read straight from the cursor.

    Thousands of ids go through here; peewee's per-row conversion would cost more than
    the query.
    """
    return [row[0] for row in database.obj.execute(select).fetchall()]


def _id_list(ids: Iterable[int]) -> peewee.Node:
    """The ids for `IN`, as the database reads them fastest.

    SQLite: `(1,2,3)`, integers written inline, one string however many there are
    (thousands of bound parameters would be slow to build and can pass SQLite's limit;
    `int()` keeps the text safe). A server: one array parameter, so the statement's text
    is the same for every page and psycopg prepares it once instead of the server
    planning each page anew (about 1 ms of a 2–3 ms page).
    """
    if _is_sqlite():
        return SQL("(" + ",".join(str(int(i)) for i in ids) + ")")
    array = peewee.Value([int(i) for i in ids], unpack=False)
    return NodeList((SQL("(SELECT unnest("), array, SQL("::integer[]))")), glue="")


def customer_ids(
    query: CustomerQuery,
    *,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 100,
    cancelled: Callable[[], bool] | None = None,
) -> list[int]:
    """The ids of the customers matching `query`, one page in the given order.

    `sort` is one of `SORT_COLUMNS` ("name" orders by pinyin); ties are broken by id so
    pages never overlap or skip. Raises `ValueError` for an unknown sort column.

    With `cancelled`, the search raises `SearchCancelled` soon after it returns True
    (typing on makes the whole list of the previous text useless): on SQLite even in the
    middle of a statement, elsewhere before it starts.
    """
    _sort_fields(sort)  # reject a bad column before any query runs
    if limit <= 0:
        return []
    if cancelled is None:
        return _ordered_ids(query, sort, descending, offset, limit)
    with _stopped_when(cancelled):
        return _ordered_ids(query, sort, descending, offset, limit)


@contextlib.contextmanager
def _stopped_when(cancelled: Callable[[], bool]) -> Iterator[None]:
    """Interrupt this thread's statements once `cancelled()` is True (SQLite's progress handler).

    The handler is this connection's (each thread has its own) and is removed afterwards.
    A server is not interrupted mid-statement; its answer is simply not wanted.
    """
    if cancelled():
        raise SearchCancelled
    if not _is_sqlite():
        yield
        return
    connection = database.obj.connection()
    connection.set_progress_handler(lambda: 1 if cancelled() else 0, CANCEL_CHECK_STEPS)
    try:
        yield
    except peewee.OperationalError as exc:
        if cancelled():  # "interrupted": the handler stopped the statement
            raise SearchCancelled from exc
        raise
    finally:
        connection.set_progress_handler(None, 0)


def search_customers(
    query: CustomerQuery,
    *,
    sort: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int = 100,
) -> list[CustomerRow]:
    """One page of the customer list matching `query`, as plain rows.

    The same customers in the same order as `customer_ids`; the phone and email shown
    are each customer's primary (first) ones, read for the whole page at once.
    """
    ids = customer_ids(query, sort=sort, descending=descending, offset=offset, limit=limit)
    return customer_rows(ids)


def customer_rows(ids: Sequence[int]) -> list[CustomerRow]:
    """The list rows of these customers, in the order given (missing ids are left out).

    One query whatever the number of ids: customers with their owners, and each one's
    primary phone and email read by id beside it (on an office server every query is a
    round trip).
    """
    if not ids:
        return []
    rows = {
        r[0]: r
        for r in Customer.select(  # in CustomerRow's order
            Customer.id,
            Customer.code,
            Customer.name,
            Customer.kind,
            Customer.company_name,
            _first_of(Phone, Phone.number),
            _first_of(Email, Email.address),
            Customer.province,
            Customer.city,
            User.username,
            Customer.status,
            Customer.stage,
            Customer.grade,
            Customer.stars,
            Customer.relationship_level,
            Customer.last_contact_at,
            Customer.next_followup_at,
            Customer.created_at,
        )
        .join(User, peewee.JOIN.LEFT_OUTER, on=Customer.owner == User.id)
        .where(Customer.id.in_(_id_list(ids)))
        .tuples()
    }
    return [CustomerRow(*rows[cid]) for cid in ids if cid in rows]


def _first_of(model: type[Phone] | type[Email], value: peewee.Field) -> peewee.Node:
    """The customer's primary (else first) phone or email: a sub-select per row.

    Contact persons' own phones and emails are not the customer's. (`contact IS NULL`
    holds for most rows: its index would read them all, so it is kept out of the plan.)
    """
    return (
        model.select(value)
        .where((model.customer == Customer.id) & _not_indexed(model.contact).is_null())
        .order_by(model.is_primary.desc(), model.id)
        .limit(1)
    )


def count_customers(query: CustomerQuery, *, cap: int | None = None) -> int:
    """How many customers match `query`; with `cap`, counting stops there (returns `cap`).

    A list can show "10,000+" long before an exact count of a broad search would finish.
    """
    if cap is not None and cap <= 0:
        return 0
    text_ids = _text_ids(query.text)
    if text_ids is None and not _narrows(query):
        # All live customers: the whole table less the (small, indexed) trash.
        # (A plain COUNT(*): SQLite counts a table's pages without reading rows; peewee's
        # .count() wraps the query in a sub-select, which reads every row.)
        count_all = peewee.fn.COUNT(SQL("*"))
        everyone = Customer.select(count_all).scalar()
        trashed = Customer.select(count_all).where(Customer.deleted_at.is_null(False)).scalar()
        total = everyone - trashed
        return total if cap is None else min(cap, total)
    conds = _filters(query, _FIND)
    if text_ids is not None:
        # Like `_ordered_ids`: a broad text with a filter is tested, the filter's index finds.
        broad = _narrows(query) and _count_text_hits(query.text, MAX_FEW_MATCHES) >= MAX_FEW_MATCHES
        conds.append((_not_indexed(Customer.id) if broad else Customer.id).in_(text_ids))
    select = Customer.select(Customer.id).where(*conds)
    if cap is not None:
        select = select.limit(cap)
    return select.count()
