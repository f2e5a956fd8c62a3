"""Analysis data for the dashboard and the 7P tables (M11), as plain dataclasses.

Everything is one SQL aggregate (GROUP BY) per table; no rows are loaded into Python
beyond one row per group. Customers in the trash are always left out.

Filters, on every function:

- ``owner`` (a username): that owner's customers (follow-ups: the follow-up's owner);
- ``start``/``end`` (dates, inclusive): orders by order date, follow-ups by their day,
  and for counts of customers the day they were added (so "by stage, this year" counts
  the customers acquired this year). Monthly and weekly series default to the last
  twelve months up to `today`.

The 7P: **profile** (who they are), **persistency** (how long and how steadily they
buy), **profitability** (revenue and margin per grade), **performance** (sales by
product category, channel, region), **prospecting** (growth of the customer base by
type), **product** mix (what sells to whom), **promotion** (which sources bring
customers and how they convert).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import peewee

from desktop_crm.db import dialect
from desktop_crm.db.models import Customer, User
from desktop_crm.domain import lifecycle, orders, service, value
from desktop_crm.domain.messages import text
from desktop_crm.errors import CrmError, ValidationError

DIMENSIONS = {
    "stage": "c.stage",
    "kind": "c.kind",
    "grade": "c.grade",
    "level": "c.relationship_level",
    "province": "c.province",
    "source": "c.source",
    "status": "c.status",
    "credit_rating": "c.credit_rating",
    "gender": "c.gender",
    "industry": "c.industry",
    "company_size": "c.company_size",
}
PERFORMANCE_BY = ("category", "channel", "province")  # parts of `_sales`
TENURE_BANDS = ((365, "<1y"), (730, "1-2y"), (1095, "2-3y"), (None, "3y+"))
COUNTED = value.COUNTED_ORDER_SQL
TOP = 10


class DashboardCancelled(CrmError):
    """The dashboard was no longer wanted before it was computed."""


@dataclass(frozen=True)
class Count:
    key: Any  # the value grouped by (None: not set)
    count: int
    share: float  # of the total counted (0..1)


@dataclass(frozen=True)
class MonthCount:
    month: str  # "2025-03"
    count: int


@dataclass(frozen=True)
class MonthRevenue:
    month: str
    revenue: Decimal
    orders: int
    customers: int


@dataclass(frozen=True)
class WeekFollowups:
    week_start: date  # a Monday
    done: int  # contacts that happened that week
    planned: int  # follow-ups that were due that week (done since or not; not cancelled)


@dataclass(frozen=True)
class PersistencyRow:
    key: str  # a stage or a tenure band
    customers: int
    avg_tenure_days: float
    avg_purchases: float
    revenue: Decimal


@dataclass(frozen=True)
class PersistencyTable:
    buyers: int
    repeat_rate: float  # share of buyers with two or more purchases
    by_stage: list[PersistencyRow]
    by_tenure: list[PersistencyRow]


@dataclass(frozen=True)
class ProfitRow:
    key: Any
    customers: int
    orders: int
    revenue: Decimal
    cost: Decimal  # of orders with a known cost
    margin: Decimal  # revenue − cost over orders with a known cost
    margin_pct: float | None
    share: float  # of the revenue in the table


@dataclass(frozen=True)
class ProfitabilityTable:
    by_grade: list[ProfitRow]
    top_customers: list[value.CustomerMargin]


@dataclass(frozen=True)
class PerformanceTable:
    by_category: list[ProfitRow]
    by_channel: list[ProfitRow]
    by_region: list[ProfitRow]


@dataclass(frozen=True)
class ProspectRow:
    month: str
    individual: int
    enterprise: int
    total: int
    converted: int  # of them, how many have bought since


@dataclass(frozen=True)
class MixRow:
    category: str | None
    revenue: Decimal
    by_kind: dict[str, Decimal]  # individual / enterprise
    by_grade: dict[str | None, Decimal]  # A / B / C / None


@dataclass(frozen=True)
class SourceRow:
    source: str | None
    customers: int
    buyers: int
    conversion: float  # buyers / customers
    revenue: Decimal  # from these customers' orders in the period
    revenue_per_customer: Decimal
    avg_days_to_first_purchase: float | None


@dataclass(frozen=True)
class ProfileTable:
    customers: int
    by_kind: list[Count]
    by_gender: list[Count]
    by_industry: list[Count]  # top ten
    by_company_size: list[Count]
    by_province: list[Count]  # top ten
    by_credit_rating: list[Count]
    by_level: list[Count]


@dataclass(frozen=True)
class Totals:
    customers: int
    new_customers: int  # added in the period
    revenue: Decimal  # in the period
    orders: int
    receivables: Decimal
    overdue_receivables: Decimal
    overdue_complaints: int
    at_risk: int  # on the retention list


@dataclass
class DashboardData:
    period: tuple[date, date]
    totals: Totals
    by_stage: list[Count]
    by_kind: list[Count]
    by_grade: list[Count]
    by_level: list[Count]
    by_province: list[Count]
    by_source: list[Count]
    new_per_month: list[MonthCount]
    revenue_per_month: list[MonthRevenue]
    followups_per_week: list[WeekFollowups]
    retention: list[lifecycle.RetentionRow]
    profile: ProfileTable
    persistency: PersistencyTable
    profitability: ProfitabilityTable
    performance: PerformanceTable
    prospecting: list[ProspectRow]
    product_mix: list[MixRow]
    promotion: list[SourceRow]
    timings: dict[str, float] = field(default_factory=dict)


# ------------------------------------------------------------------------------ filters


def _owner_id(owner: str | None) -> int | None:
    if owner is None:
        return None
    user = User.get_or_none(User.username == owner)
    if user is None:
        raise ValidationError({"owner": text("unknown_owner", value=owner)})
    return user.id


def _customers_where(
    owner_id: int | None,
    start: date | None = None,
    end: date | None = None,
    *,
    alias: str = "c",
) -> tuple[str, list[Any]]:
    """Live customers, of one owner, added in [start, end] (alias ``c`` unless given)."""
    sql, params = f"{alias}.deleted_at IS NULL", []
    if owner_id is not None:
        sql += f" AND {alias}.owner_id = ?"
        params.append(owner_id)
    if start is not None:
        sql += f" AND {alias}.created_at >= ?"
        params.append(_utc_start(start))
    if end is not None:
        sql += f" AND {alias}.created_at < ?"
        params.append(_utc_start(end + timedelta(days=1)))
    return sql, params


def _orders_where(
    owner_id: int | None, start: date | None, end: date | None
) -> tuple[str, list[Any]]:
    """Counted orders of live customers (aliases ``o``, ``c``) in [start, end] — and of
    erased ones, whose anonymous orders still count in the revenue."""
    sql, params = f"{COUNTED} AND (c.deleted_at IS NULL OR c.erased_at IS NOT NULL)", []
    if owner_id is not None:
        sql += " AND c.owner_id = ?"
        params.append(owner_id)
    if start is not None:
        sql += " AND o.order_date >= ?"
        params.append(start)
    if end is not None:
        sql += " AND o.order_date <= ?"
        params.append(end)
    return sql, params


def _utc_start(day: date) -> datetime:
    """The start of a local day as stored time (naive UTC)."""
    local = datetime.combine(day, time.min).astimezone()
    offset = local.utcoffset() or timedelta(0)
    return datetime.combine(day, time.min) - offset


def default_period(today: date | None = None) -> tuple[date, date]:
    """The last twelve months: the first day of the month eleven months ago to today."""
    today = today or date.today()
    year, month = today.year, today.month - 11
    if month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 1), today


PERIODS = ("this_month", "last_3_months", "last_12_months", "this_year", "last_year")


def named_period(name: str, today: date | None = None) -> tuple[date, date]:
    """The dates (inclusive) of a named period (see `PERIODS`) as seen on `today`.

    "Last N months" runs from the first day of the month N − 1 months back to today, so
    the current month counts as one of them (``last_12_months`` is `default_period`).
    """
    today = today or date.today()
    if name == "this_month":
        return today.replace(day=1), today
    if name in ("last_3_months", "last_12_months"):
        back = 2 if name == "last_3_months" else 11
        year, month = divmod(today.year * 12 + today.month - 1 - back, 12)
        return date(year, month + 1, 1), today
    if name == "this_year":
        return date(today.year, 1, 1), today
    if name == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    raise ValidationError({"period": text("bad_choice", choices=", ".join(PERIODS))})


def _months(start: date, end: date) -> list[str]:
    keys, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def _counts(rows: list[tuple[Any, int]], *, top: int | None = None) -> list[Count]:
    total = sum(n for _, n in rows)
    ordered = sorted(rows, key=lambda r: (-r[1], str(r[0])))
    if top is not None:
        ordered = ordered[:top]
    return [Count(key, n, n / total if total else 0.0) for key, n in ordered]


# ----------------------------------------------------------------------- distributions


def customers_by(
    dimension: str,
    *,
    owner: str | None = None,
    start: date | None = None,
    end: date | None = None,
    top: int | None = None,
) -> list[Count]:
    """How many customers have each value of `dimension` (see `DIMENSIONS`), most first."""
    if dimension not in DIMENSIONS:
        raise ValidationError({"dimension": text("bad_choice", choices=", ".join(DIMENSIONS))})
    owner_id = _owner_id(owner)
    if start is None and end is None:
        return _counts(_distributions(owner_id, [dimension])[dimension], top=top)
    column = DIMENSIONS[dimension]
    where, params = _customers_where(owner_id, start, end)
    sql = f"SELECT {column}, COUNT(*) FROM customer c WHERE {where} GROUP BY {column}"
    return _counts(dialect.run(sql, params), top=top)


# Dimensions with an index of their own (``index=True`` on the model field). Over all
# customers their counts come from the index alone, in its order: no table read, no
# sort. The trash's counts (few rows, found by the deleted_at index) are then taken off.
# Counting the live customers directly reads and sorts every row instead: on SQLite
# about 30× slower per dimension at 100,000 customers.
_INDEXED = frozenset(
    name for name, column in DIMENSIONS.items() if Customer._meta.fields[column[2:]].index
)


def _distributions(
    owner_id: int | None, dimensions: Sequence[str]
) -> dict[str, list[tuple[Any, int]]]:
    """Live customers (of one owner) counted by each of `dimensions`, in one statement:
    per dimension, its (value, count) rows.

    Each branch of the UNION counts by one dimension, or by several at once (their
    combinations, summed per dimension here: one sort of the customers instead of one
    per dimension); the trash's branches are subtracted.
    """
    columns = [DIMENSIONS[d][2:] for d in dimensions]
    nulls = {  # typed: PostgreSQL types a UNION's columns from its first branches
        column: "CAST(NULL AS INTEGER)"
        if isinstance(Customer._meta.fields[column], peewee.IntegerField)
        else "CAST(NULL AS TEXT)"
        for column in columns
    }
    branches: list[str] = []
    grouped_by: list[tuple[int, list[int]]] = []  # per branch: its sign and columns

    def branch(sign: int, grouped: list[str], source: str) -> None:
        keys = [f"c.{column}" if column in grouped else nulls[column] for column in columns]
        group = ", ".join(f"c.{column}" for column in grouped)
        branches.append(
            f"SELECT {len(branches)}, {', '.join(keys)}, COUNT(*) FROM {source} GROUP BY {group}"
        )
        grouped_by.append((sign, [columns.index(column) for column in grouped]))

    params: list[Any] = []
    if owner_id is None:
        indexed = [DIMENSIONS[d][2:] for d in dimensions if d in _INDEXED]
        others = [DIMENSIONS[d][2:] for d in dimensions if d not in _INDEXED]
        ctes = ""
        if indexed:
            listed = ", ".join(f"c.{column}" for column in indexed)
            ctes = (
                f"WITH trashed AS (SELECT {listed} FROM customer c WHERE c.deleted_at IS NOT NULL) "
            )
        for column in indexed:
            branch(1, [column], "customer c")
            branch(-1, [column], "trashed c")
        if others:
            branch(1, others, "customer c WHERE c.deleted_at IS NULL")
    else:
        where, params = _customers_where(owner_id)
        listed = ", ".join(f"c.{column}" for column in columns)
        ctes = f"WITH mine AS (SELECT {listed} FROM customer c WHERE {where}) "
        for column in columns:
            branch(1, [column], "mine c")
    counted: list[dict[Any, int]] = [{} for _ in columns]
    for number, *keys, count in dialect.run(ctes + " UNION ALL ".join(branches), params):
        sign, indexes = grouped_by[number]
        for index in indexes:
            key = keys[index]
            counted[index][key] = counted[index].get(key, 0) + sign * count
    return {
        dimension: [(key, n) for key, n in counted[index].items() if n]
        for index, dimension in enumerate(dimensions)
    }


def new_customers_per_month(
    *,
    owner: str | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
) -> list[MonthCount]:
    """Customers added per month (local calendar), every month of the period listed."""
    if start is None or end is None:
        start, end = default_period(today)
    rows = _added(_owner_id(owner), start, end, ["month"])["month"]
    return _new_per_month(rows, start, end)


def _new_per_month(rows: list[tuple], start: date, end: date) -> list[MonthCount]:
    found = {month: customers for month, _, _, customers, _, _ in rows}
    return [MonthCount(m, found.get(m, 0)) for m in _months(start, end)]


def revenue_per_month(
    *,
    owner: str | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
) -> list[MonthRevenue]:
    """Revenue, orders and buying customers per month, every month of the period listed."""
    if start is None or end is None:
        start, end = default_period(today)
    rows = _sales(_owner_id(owner), start, end, ["month"])["month"]
    return _revenue_per_month(rows, start, end)


def _revenue_per_month(rows: list[tuple], start: date, end: date) -> list[MonthRevenue]:
    found = {m: (dialect.money(r), n, b) for m, _, _, b, n, r, *_ in rows}
    return [MonthRevenue(m, *found.get(m, (Decimal("0.00"), 0, 0))) for m in _months(start, end)]


def followups_per_week(
    *,
    owner: str | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
) -> list[WeekFollowups]:
    """Follow-ups done and planned per week (Monday to Sunday, local calendar).

    SQL counts per local day; the days are folded into weeks here (at most a few hundred
    rows), which keeps the SQL the same on every database. One statement reads the
    follow-ups of live customers once, customers first (each one's through the
    follow-up's customer index), for both counts.
    """
    if start is None or end is None:
        start, end = default_period(today)
    owner_id = _owner_id(owner)
    offset = dialect.local_offset_minutes()
    bounds = [_utc_start(start), _utc_start(end + timedelta(days=1))]
    mine = " AND f.owner_id = ?" if owner_id is not None else ""
    done = "f.status = 'done' AND f.occurred_at >= ? AND f.occurred_at < ?"
    planned = "f.status <> 'cancelled' AND f.due_at >= ? AND f.due_at < ?"
    done_day = dialect.local_date("f.occurred_at", offset)
    due_day = dialect.local_date("f.due_at", offset)
    sql = f"""
        WITH f AS (
            SELECT f.status AS status, f.occurred_at AS occurred_at, f.due_at AS due_at
            FROM customer c CROSS JOIN follow_up f
            WHERE f.customer_id = c.id AND c.deleted_at IS NULL AND f.deleted_at IS NULL{mine}
              AND (({done}) OR ({planned}))
        )
        SELECT 0, {done_day}, COUNT(*) FROM f WHERE {done} GROUP BY {done_day}
        UNION ALL
        SELECT 1, {due_day}, COUNT(*) FROM f WHERE {planned} GROUP BY {due_day}"""
    params = [*([owner_id] if owner_id is not None else []), *bounds, *bounds, *bounds, *bounds]
    first_monday = start - timedelta(days=start.weekday())
    weeks: dict[date, list[int]] = {}
    monday = first_monday
    while monday <= end:
        weeks[monday] = [0, 0]
        monday += timedelta(days=7)
    for index, day, count in dialect.run(sql, params):
        day = dialect.as_date(day)
        week = day - timedelta(days=day.weekday())
        if week in weeks:
            weeks[week][index] += count
    return [WeekFollowups(week, d, p) for week, (d, p) in weeks.items()]


# --------------------------------------------------------------------------------- 7 P


def profile(
    *, owner: str | None = None, start: date | None = None, end: date | None = None
) -> ProfileTable:
    """Who the customers are: kind, gender, industry, size, region, credit, level."""
    return _profile(lambda dimension: customers_by(dimension, owner=owner, start=start, end=end))


def _profile(counts: Callable[[str], list[Count]]) -> ProfileTable:
    kinds = counts("kind")
    return ProfileTable(
        customers=sum(c.count for c in kinds),
        by_kind=kinds,
        by_gender=counts("gender"),
        by_industry=counts("industry")[:TOP],
        by_company_size=counts("company_size"),
        by_province=counts("province")[:TOP],
        by_credit_rating=counts("credit_rating"),
        by_level=counts("level"),
    )


def persistency(
    *, owner: str | None = None, end: date | None = None, today: date | None = None
) -> PersistencyTable:
    """How long and how steadily customers buy: tenure (days since the first purchase),
    purchases and revenue per stage and per tenure band, and the repeat-purchase rate.

    Over all counted orders up to `end` (default today).
    """
    today = end or today or date.today()
    owner_id = _owner_id(owner)
    where, params = _orders_where(owner_id, None, today)
    tenure = f"({dialect.day_number('?')} - {dialect.day_number('per.first_day')})"
    band = (
        "CASE "
        + " ".join(
            f"WHEN {tenure} < {limit} THEN '{name}'" for limit, name in TENURE_BANDS if limit
        )
        + f" ELSE '{TENURE_BANDS[-1][1]}' END"
    )
    # Per customer, customers first: their orders come in order, no sort to group them.
    per = f"""
        WITH per AS (
            SELECT c.id AS cid, c.stage AS stage, COUNT(DISTINCT o.order_date) AS n,
                   MIN(o.order_date) AS first_day, SUM(o.amount) AS revenue
            FROM customer c CROSS JOIN "order" o WHERE o.customer_id = c.id AND {where}
            GROUP BY c.id
        )"""

    # One pass: per (stage, tenure band) cell; the two tables are folded from the cells.
    sql = (
        f"{per} SELECT per.stage, {band}, COUNT(*), SUM({tenure}), SUM(per.n), "
        "SUM(per.revenue), SUM(CASE WHEN per.n >= 2 THEN 1 ELSE 0 END) FROM per GROUP BY 1, 2"
    )
    cells = dialect.run(sql, [*params, *[today] * (len(TENURE_BANDS) - 1), today])
    stages: dict[str, list] = {}
    bands: dict[str, list] = {}
    buyers = repeat = 0
    for stage, band_name, count, tenure_days, purchases, revenue, repeaters in cells:
        for table, key in ((stages, stage), (bands, band_name)):
            total = table.setdefault(key, [0, 0, 0, Decimal("0.00")])
            total[0] += count
            total[1] += tenure_days or 0
            total[2] += purchases or 0
            total[3] += dialect.money(revenue)
        buyers += count
        repeat += repeaters or 0

    def rows(table: dict[str, list], order: list[str]) -> list[PersistencyRow]:
        return [
            PersistencyRow(key, n, days / n, purchases / n, revenue)
            for key, (n, days, purchases, revenue) in sorted(
                table.items(),
                key=lambda item: order.index(item[0]) if item[0] in order else len(order),
            )
        ]

    return PersistencyTable(
        buyers,
        repeat / buyers if buyers else 0.0,
        rows(stages, list(lifecycle.STAGES)),
        rows(bands, [name for _, name in TENURE_BANDS]),
    )


def _profit_rows(rows: list[tuple]) -> list[ProfitRow]:
    """Profit rows from `_sales` rows of one part (key, _, _, customers, orders, revenue,
    cost, margin, revenue with a known cost), largest revenue first."""
    total = sum((dialect.money(r[5]) for r in rows), Decimal(0))
    result = []
    for key, _, _, customers, count, revenue, cost, margin, with_cost in rows:
        revenue, margin, with_cost = (
            dialect.money(revenue),
            dialect.money(margin),
            dialect.money(with_cost),
        )
        result.append(
            ProfitRow(
                key,
                customers,
                count,
                revenue,
                dialect.money(cost),
                margin,
                float(margin / with_cost) if with_cost else None,
                float(revenue / total) if total else 0.0,
            )
        )
    return sorted(result, key=lambda r: (-r.revenue, str(r.key)))


def _by_grade(rows: list[tuple]) -> list[ProfitRow]:
    return sorted(_profit_rows(rows), key=lambda r: lifecycle.GRADE_ORDER.get(r.key, 3))


def profitability(
    *, owner: str | None = None, start: date | None = None, end: date | None = None
) -> ProfitabilityTable:
    """Revenue and margin per grade in the period, and the customers with most margin."""
    sales = _sales(_owner_id(owner), start, end, ["grade", "top"])
    return ProfitabilityTable(_by_grade(sales["grade"]), _top_customers(sales["top"]))


def _top_customers(rows: list[tuple]) -> list[value.CustomerMargin]:
    return [
        value.CustomerMargin(cid, code, name, value.margin_from_sums(revenue, with_cost, cost))
        for cid, code, name, revenue, with_cost, cost in rows
    ]


def performance(
    *, owner: str | None = None, start: date | None = None, end: date | None = None
) -> PerformanceTable:
    """Sales by product category, by channel and by region (province) in the period."""
    return _performance(_sales(_owner_id(owner), start, end, PERFORMANCE_BY))


def _performance(sales: dict[str, list[tuple]]) -> PerformanceTable:
    return PerformanceTable(
        by_category=_profit_rows(sales["category"]),
        by_channel=_profit_rows(sales["channel"]),
        by_region=_profit_rows(sales["province"]),
    )


def prospecting(
    *,
    owner: str | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
) -> list[ProspectRow]:
    """Customers added per month, by type, and how many of them have bought since."""
    if start is None or end is None:
        start, end = default_period(today)
    return _prospecting(_added(_owner_id(owner), start, end, ["month"])["month"], start, end)


def _prospecting(rows: list[tuple], start: date, end: date) -> list[ProspectRow]:
    found = {m: (int(i or 0), int(e or 0), n, int(b or 0)) for m, i, e, n, b, _ in rows}
    return [ProspectRow(m, *found.get(m, (0, 0, 0, 0))) for m in _months(start, end)]


def product_mix(
    *, owner: str | None = None, start: date | None = None, end: date | None = None
) -> list[MixRow]:
    """Revenue per product category, split by customer type and by grade."""
    return _product_mix(_sales(_owner_id(owner), start, end, ["mix"])["mix"])


def _product_mix(found: list[tuple]) -> list[MixRow]:
    rows: dict[Any, MixRow] = {}
    for category, kind, grade, _, _, revenue, *_ in found:
        amount = dialect.money(revenue)
        row = rows.get(category)
        if row is None:
            row = rows[category] = MixRow(category, Decimal("0.00"), {}, {})
        rows[category] = MixRow(category, row.revenue + amount, row.by_kind, row.by_grade)
        row.by_kind[kind] = row.by_kind.get(kind, Decimal("0.00")) + amount
        row.by_grade[grade] = row.by_grade.get(grade, Decimal("0.00")) + amount
    return sorted(rows.values(), key=lambda r: (-r.revenue, str(r.category)))


def promotion(
    *, owner: str | None = None, start: date | None = None, end: date | None = None
) -> list[SourceRow]:
    """Per source: customers added in the period, how many bought (conversion), their
    revenue in the period and how long they took to buy the first time."""
    owner_id = _owner_id(owner)
    added = _added(owner_id, start, end, ["source"])["source"]
    return _promotion(added, _sales(owner_id, start, end, ["source"])["source"])


def _promotion(added: list[tuple], sales: list[tuple]) -> list[SourceRow]:
    revenues = {source: revenue for source, _, _, _, _, revenue, *_ in sales}
    result = []
    for source, _, _, customers, buyers, lag in added:
        revenue = dialect.money(revenues.get(source))
        buyers = int(buyers or 0)
        result.append(
            SourceRow(
                source,
                customers,
                buyers,
                buyers / customers if customers else 0.0,
                revenue,
                (revenue / customers).quantize(Decimal("0.01")) if customers else Decimal("0.00"),
                max(float(lag), 0.0) if lag is not None else None,
            )
        )
    return sorted(result, key=lambda r: (-r.revenue, -r.customers, str(r.source)))


# ------------------------------------------------------------ the statements behind them

# The period's counted orders, read once per statement and shared by its GROUP BYs.
# Customers come first (SQLite keeps the order of a CROSS JOIN), and each one's orders in
# the period are found through the (customer, order_date) index. Left to choose, SQLite
# starts from the order_date index and fetches every order and then its customer at
# random: 5–7× slower over a year of orders entered out of date order (imports, the
# sample data). PostgreSQL plans a CROSS JOIN restricted by WHERE like any join.
_SOLD = """sold AS (
    SELECT o.customer_id AS cid, o.order_date AS day, o.category AS category,
           o.channel AS channel, o.amount AS amount, o.cost AS cost, c.kind AS kind,
           c.grade AS grade
    FROM customer c CROSS JOIN "order" o WHERE o.customer_id = c.id AND {where}
)"""
# The same orders summed per customer, as they come (in customer order: no sort), with
# what is known of the customer: tables by customer attributes group these rows, a
# third of the orders here.
_BUYERS = """buyers AS (
    SELECT c.id AS cid, c.code AS code, c.name AS name, c.deleted_at AS deleted_at,
           c.province AS province, c.grade AS grade, c.source AS source,
           CASE WHEN {added} THEN 'new' ELSE 'old' END AS added, COUNT(*) AS orders,
           SUM(o.amount) AS amount,
           SUM(CASE WHEN o.cost IS NOT NULL THEN o.cost ELSE 0 END) AS cost,
           SUM(CASE WHEN o.cost IS NOT NULL THEN o.amount - o.cost ELSE 0 END) AS margin,
           SUM(CASE WHEN o.cost IS NOT NULL THEN o.amount ELSE 0 END) AS with_cost
    FROM customer c CROSS JOIN "order" o WHERE o.customer_id = c.id AND {where}
    GROUP BY c.id
)"""
_PROFIT = (
    "COUNT(DISTINCT cid), COUNT(*), SUM(amount), "
    "SUM(CASE WHEN cost IS NOT NULL THEN cost ELSE 0 END), "
    "SUM(CASE WHEN cost IS NOT NULL THEN amount - cost ELSE 0 END), "
    "SUM(CASE WHEN cost IS NOT NULL THEN amount ELSE 0 END)"
)
_PROFIT_OF_BUYERS = "COUNT(*), SUM(orders), SUM(amount), SUM(cost), SUM(margin), SUM(with_cost)"
# What `_sales` can give, and the GROUP BY each comes from. Sorting the orders for a
# GROUP BY is most of a statement's time on SQLite, so tables share one where they can:
# grouped by several keys at once, a table by one of them is the sum of the cells —
# its customers too where each customer is in exactly one cell (kind, grade, region,
# source are the customer's).
SALES_PARTS = (
    "month",
    "category",
    "channel",
    "province",
    "grade",
    "mix",
    "total",
    "source",
    "top",
)
_GROUPINGS = {  # name: the rows grouped, and their keys
    "month": ("sold", ("month",)),
    "channel": ("sold", ("channel",)),
    "products": ("sold", ("category", "kind", "grade")),  # the mix, and by category
    "customers": ("buyers", ("province", "grade", "source", "added")),
    "top": ("buyers", ("code", "name")),  # the live customers with most margin
}
_FROM_GROUPING = {
    "month": "month",
    "channel": "channel",
    "category": "products",
    "mix": "products",
    "province": "customers",
    "grade": "customers",
    "total": "customers",
    "source": "customers",
    "top": "top",
}


def _sales(
    owner_id: int | None, start: date | None, end: date | None, parts: Sequence[str]
) -> dict[str, list[tuple]]:
    """The period's counted orders (see `_orders_where`) summed for each of `parts` (see
    `SALES_PARTS`), in one statement of a few GROUP BYs.

    Every row is three keys, then customers, orders, revenue, cost (of orders with a known
    cost), margin and the revenue of orders with a known cost: ``month`` (its key),
    ``category``, ``channel``, ``province``, ``grade`` (their key), ``mix`` (category,
    kind and grade), ``total`` (one row, no key), ``source`` (the sales to the customers
    added in the period, by their source). Sums are Decimal (exact, as the database's
    sums are added up here); `dialect.money` rounds them.
    """
    where, params = _orders_where(owner_id, start, end)
    groupings = list(dict.fromkeys(_FROM_GROUPING[part] for part in parts))
    width = max(len(_GROUPINGS[g][1]) for g in groupings)
    month = dialect.month("day")
    branches, sources = [], set()
    for number, grouping in enumerate(groupings):
        source, keys = _GROUPINGS[grouping]
        sources.add(source)
        grouped = [month if key == "month" else key for key in keys]
        # Typed NULLs: PostgreSQL types a UNION's columns from its first branches.
        padding = ["CAST(NULL AS TEXT)"] * (width - len(grouped))
        if grouping == "top":  # as `value.top_margins` picks them
            columns = ", ".join([str(number), *grouped, *padding, "cid", "CAST(NULL AS INTEGER)"])
            branches.append(
                f"SELECT * FROM (SELECT {columns}, amount, cost, margin, with_cost FROM buyers "
                f"WHERE deleted_at IS NULL ORDER BY margin DESC, cid LIMIT {TOP}) AS top"
            )
            continue
        figures = _PROFIT if source == "sold" else _PROFIT_OF_BUYERS
        branches.append(
            f"SELECT {number}, {', '.join(grouped + padding)}, {figures} "
            f"FROM {source} GROUP BY {', '.join(grouped)}"
        )
    ctes, all_params = [], []
    if "sold" in sources:
        ctes.append(_SOLD.format(where=where))
        all_params += params
    if "buyers" in sources:
        added, added_params = _customers_where(owner_id, start, end)
        ctes.append(_BUYERS.format(added=added, where=where))
        all_params += [*added_params, *params]
    sql = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(branches)
    cells: dict[str, list[tuple]] = {g: [] for g in groupings}
    for number, *row in dialect.run(sql, all_params):
        grouping = groupings[number]
        keys, (customers, count, *sums) = row[: len(_GROUPINGS[grouping][1])], row[width:]
        cells[grouping].append((tuple(keys), customers, count, *(_exact(v) for v in sums)))
    return {part: _fold(part, cells[_FROM_GROUPING[part]]) for part in parts}


def _exact(value: Any) -> Decimal | None:
    """A sum from SQL as an exact Decimal (a float on SQLite: the shortest that reads back
    as the same float, as `dialect.money` takes it)."""
    return None if value is None else Decimal(str(value))


def _fold(part: str, cells: list[tuple]) -> list[tuple]:
    """The rows of one part of `_sales` from the cells of its grouping."""
    if part in ("month", "channel"):
        return [(key, None, None, *figures) for (key,), *figures in cells]
    if part == "mix":
        return [(*keys, *figures) for keys, *figures in cells]
    if part == "top":  # id, code, name, revenue, with a known cost, cost; most margin first
        ordered = sorted(cells, key=lambda cell: (-cell[5], cell[1]))
        return [
            (cid, *keys, revenue, with_cost, cost)
            for keys, cid, _, revenue, cost, _, with_cost in ordered
        ]
    position = {"category": 0, "province": 0, "grade": 1, "source": 2, "total": None}[part]
    folded: dict[Any, list] = {}
    if part == "total":
        folded[None] = [0, 0, Decimal(0), Decimal(0), Decimal(0), Decimal(0)]
    for keys, *figures in cells:
        if part == "source" and keys[3] != "new":  # sales to customers added before the period
            continue
        key = None if position is None else keys[position]
        total = folded.setdefault(key, [0, 0, Decimal(0), Decimal(0), Decimal(0), Decimal(0)])
        for index, figure in enumerate(figures):
            total[index] += figure or 0
    return [(key, None, None, *figures) for key, figures in folded.items()]


def _added(
    owner_id: int | None, start: date | None, end: date | None, parts: Sequence[str]
) -> dict[str, list[tuple]]:
    """Live customers added in [start, end], counted per ``month`` they were added (local
    calendar) and/or per ``source``, in one statement.

    Every row: the key, individuals, enterprises, customers, buyers (those who have
    bought since), and for sources the average days to the first purchase.
    """
    where, params = _customers_where(owner_id, start, end)
    keys = {
        "month": dialect.month(dialect.local_date("c.created_at", dialect.local_offset_minutes())),
        "source": "c.source",
    }
    days = f"({dialect.day_number('c.first_purchase_on')} - {dialect.day_number('c.created_at')})"
    lag = f"AVG(CASE WHEN c.first_purchase_on IS NOT NULL THEN {days} END)"
    counts = (
        "SUM(CASE WHEN c.kind = 'individual' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN c.kind = 'enterprise' THEN 1 ELSE 0 END), COUNT(*), "
        "SUM(CASE WHEN c.first_purchase_on IS NOT NULL THEN 1 ELSE 0 END)"
    )
    branches = [
        f"SELECT {number}, {keys[part]}, {counts}, "
        f"{lag if part == 'source' else 'CAST(NULL AS NUMERIC)'} "
        f"FROM added c GROUP BY {keys[part]}"
        for number, part in enumerate(parts)
    ]
    sql = (
        "WITH added AS (SELECT c.created_at AS created_at, c.kind AS kind, "
        "c.first_purchase_on AS first_purchase_on, c.source AS source "
        f"FROM customer c WHERE {where}) " + " UNION ALL ".join(branches)
    )
    found: dict[str, list[tuple]] = {part: [] for part in parts}
    for number, *row in dialect.run(sql, params):
        found[parts[number]].append(tuple(row))
    return found


# ---------------------------------------------------------------------------- dashboard


def totals(
    *,
    owner: str | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    at_risk: int | None = None,
) -> Totals:
    """The headline numbers (customers, new, revenue, receivables, complaints, at risk)."""
    today = today or date.today()
    owner_id = _owner_id(owner)
    live, live_params = _customers_where(owner_id)
    new, new_params = _customers_where(owner_id, start, end)
    (customers,) = dialect.run(f"SELECT COUNT(*) FROM customer c WHERE {live}", live_params)[0]
    (new_count,) = dialect.run(f"SELECT COUNT(*) FROM customer c WHERE {new}", new_params)[0]
    if at_risk is None:
        at_risk = len(lifecycle.retention_list(today=today, owner=owner))
    sales = _sales(owner_id, start, end, ["total"])["total"]
    return _totals(owner, today, customers, new_count, sales, at_risk)


def _totals(
    owner: str | None, today: date, customers: int, new: int, sales: list[tuple], at_risk: int
) -> Totals:
    """`Totals` from the counts, the ``total`` row of `_sales`, and the receivables and
    overdue complaints queried here."""
    ((*_, count, revenue, _, _, _),) = sales
    ageing = orders.receivables_ageing(owner=owner, today=today)
    overdue = service.overdue_complaint_count(owner=owner)
    return Totals(
        customers,
        new,
        dialect.money(revenue),
        count,
        ageing.total,
        ageing.overdue,
        overdue,
        at_risk,
    )


# The distributions the dashboard shows (charts and the profile).
DASHBOARD_DIMENSIONS = (
    "stage",
    "kind",
    "grade",
    "level",
    "province",
    "source",
    "gender",
    "industry",
    "company_size",
    "credit_rating",
)


def dashboard_data(
    *,
    owner: str | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    retention_limit: int = 50,
    clock: Callable[[], float] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DashboardData:
    """Everything the dashboard shows, for one owner (or all) and one period.

    The distributions (by stage, kind … and the profile) count all current customers;
    the series and the sales tables cover the period, by default the last twelve months.
    A few statements serve several tables each: one counts the customers by every
    dimension, one sums the period's orders every way the charts and 7P tables need,
    one counts the customers added in the period by month and by source. `timings`
    records how long each part took (seconds) when a `clock` (e.g. ``time.perf_counter``)
    is given. `cancelled()` is asked before each part: when it says so (a newer choice
    of owner or period made this one useless), `DashboardCancelled` is raised.
    """
    today = today or date.today()
    if start is None or end is None:
        start, end = default_period(today)
    timings: dict[str, float] = {}

    def timed(name: str, make: Callable[[], Any]) -> Any:
        if cancelled is not None and cancelled():
            raise DashboardCancelled(text("dashboard_cancelled"))
        began = clock() if clock else 0.0
        result = make()
        if clock:
            timings[name] = clock() - began
        return result

    owner_id = _owner_id(owner)
    retention = timed("retention", lambda: lifecycle.retention_list(today=today, owner=owner))
    counted = timed(
        "distributions",
        lambda: {
            dimension: _counts(rows)
            for dimension, rows in _distributions(owner_id, DASHBOARD_DIMENSIONS).items()
        },
    )
    sales = timed("sales", lambda: _sales(owner_id, start, end, SALES_PARTS))
    added = timed("customers_added", lambda: _added(owner_id, start, end, ["month", "source"]))
    customers = sum(c.count for c in counted["kind"])
    new = sum(row[3] for row in added["month"])
    span = {"owner": owner, "start": start, "end": end}
    data = DashboardData(
        period=(start, end),
        totals=timed(
            "receivables",
            lambda: _totals(owner, today, customers, new, sales["total"], len(retention)),
        ),
        by_stage=counted["stage"],
        by_kind=counted["kind"],
        by_grade=counted["grade"],
        by_level=counted["level"],
        by_province=counted["province"],
        by_source=counted["source"],
        new_per_month=_new_per_month(added["month"], start, end),
        revenue_per_month=_revenue_per_month(sales["month"], start, end),
        followups_per_week=timed("followups_per_week", lambda: followups_per_week(**span)),
        retention=retention[:retention_limit],
        profile=_profile(counted.__getitem__),
        persistency=timed("persistency", lambda: persistency(owner=owner, today=today)),
        profitability=ProfitabilityTable(_by_grade(sales["grade"]), _top_customers(sales["top"])),
        performance=_performance(sales),
        prospecting=_prospecting(added["month"], start, end),
        product_mix=_product_mix(sales["mix"]),
        promotion=_promotion(added["source"], sales["source"]),
    )
    data.timings = timings
    return data
