"""The dashboard's figures as its SQL computed them before it was consolidated: the test
oracle of test_dashboard_figures.py (the reference implementation, commit 0ad185a).

Each table was one GROUP BY of its own then; `dashboard_data` here returns what the
dashboard showed, and the new code must return exactly the same. Only the statements
were copied: the dataclasses, the period helpers and the services of other modules
(retention, receivables, complaints, top margins) are the app's own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from desktop_crm.db import dialect
from desktop_crm.db.models import User
from desktop_crm.domain import lifecycle, orders, service, value
from desktop_crm.domain.analysis import (
    DIMENSIONS,
    TENURE_BANDS,
    TOP,
    Count,
    DashboardData,
    MixRow,
    MonthCount,
    MonthRevenue,
    PerformanceTable,
    PersistencyRow,
    PersistencyTable,
    ProfileTable,
    ProfitabilityTable,
    ProfitRow,
    ProspectRow,
    SourceRow,
    Totals,
    WeekFollowups,
    default_period,
)
from desktop_crm.domain.messages import text
from desktop_crm.errors import ValidationError

PERFORMANCE_BY = {"category": "o.category", "channel": "o.channel", "province": "c.province"}
COUNTED = value.COUNTED_ORDER_SQL


# ------------------------------------------------------------------------------ filters


def _owner_id(owner: str | None) -> int | None:
    if owner is None:
        return None
    user = User.get_or_none(User.username == owner)
    if user is None:
        raise ValidationError({"owner": text("unknown_owner", value=owner)})
    return user.id


def _customers_where(
    owner_id: int | None, start: date | None = None, end: date | None = None
) -> tuple[str, list[Any]]:
    """Live customers, of one owner, added in [start, end] (alias ``c``)."""
    sql, params = "c.deleted_at IS NULL", []
    if owner_id is not None:
        sql += " AND c.owner_id = ?"
        params.append(owner_id)
    if start is not None:
        sql += " AND c.created_at >= ?"
        params.append(_utc_start(start))
    if end is not None:
        sql += " AND c.created_at < ?"
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
    column = DIMENSIONS[dimension]
    where, params = _customers_where(_owner_id(owner), start, end)
    sql = f"SELECT {column}, COUNT(*) FROM customer c WHERE {where} GROUP BY {column}"
    return _counts(dialect.run(sql, params), top=top)


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
    where, params = _customers_where(_owner_id(owner), start, end)
    month = dialect.month(dialect.local_date("c.created_at", dialect.local_offset_minutes()))
    sql = f"SELECT {month}, COUNT(*) FROM customer c WHERE {where} GROUP BY {month}"
    found = dict(dialect.run(sql, params))
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
    where, params = _orders_where(_owner_id(owner), start, end)
    month = dialect.month("o.order_date")
    sql = (
        f"SELECT {month}, SUM(o.amount), COUNT(*), COUNT(DISTINCT o.customer_id) "
        f'FROM "order" o JOIN customer c ON c.id = o.customer_id WHERE {where} GROUP BY {month}'
    )
    found = {m: (dialect.money(r), n, b) for m, r, n, b in dialect.run(sql, params)}
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
    rows), which keeps the SQL the same on every database.
    """
    if start is None or end is None:
        start, end = default_period(today)
    owner_id = _owner_id(owner)
    offset = dialect.local_offset_minutes()
    bounds = [_utc_start(start), _utc_start(end + timedelta(days=1))]
    mine = " AND f.owner_id = ?" if owner_id is not None else ""
    extra = [owner_id] if owner_id is not None else []
    base = (
        "FROM follow_up f JOIN customer c ON c.id = f.customer_id "
        "WHERE f.deleted_at IS NULL AND c.deleted_at IS NULL"
    )
    done_day = dialect.local_date("f.occurred_at", offset)
    due_day = dialect.local_date("f.due_at", offset)
    done = dialect.run(
        f"SELECT {done_day}, COUNT(*) {base} AND f.status = 'done' "
        f"AND f.occurred_at >= ? AND f.occurred_at < ?{mine} GROUP BY {done_day}",
        [*bounds, *extra],
    )
    planned = dialect.run(
        f"SELECT {due_day}, COUNT(*) {base} AND f.status <> 'cancelled' "
        f"AND f.due_at >= ? AND f.due_at < ?{mine} GROUP BY {due_day}",
        [*bounds, *extra],
    )
    first_monday = start - timedelta(days=start.weekday())
    weeks: dict[date, list[int]] = {}
    monday = first_monday
    while monday <= end:
        weeks[monday] = [0, 0]
        monday += timedelta(days=7)
    for index, rows in ((0, done), (1, planned)):
        for day, count in rows:
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
    per = f"""
        WITH per AS (
            SELECT o.customer_id AS cid, c.stage AS stage, COUNT(DISTINCT o.order_date) AS n,
                   MIN(o.order_date) AS first_day, SUM(o.amount) AS revenue
            FROM "order" o JOIN customer c ON c.id = o.customer_id WHERE {where}
            GROUP BY o.customer_id, c.stage
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


def _profit_rows(
    key_sql: str, owner_id: int | None, start: date | None, end: date | None
) -> list[ProfitRow]:
    where, params = _orders_where(owner_id, start, end)
    sql = (
        f"SELECT {key_sql}, COUNT(DISTINCT o.customer_id), COUNT(*), SUM(o.amount), "
        "SUM(CASE WHEN o.cost IS NOT NULL THEN o.cost ELSE 0 END), "
        "SUM(CASE WHEN o.cost IS NOT NULL THEN o.amount - o.cost ELSE 0 END), "
        "SUM(CASE WHEN o.cost IS NOT NULL THEN o.amount ELSE 0 END) "
        f'FROM "order" o JOIN customer c ON c.id = o.customer_id WHERE {where} '
        f"GROUP BY {key_sql}"
    )
    found = dialect.run(sql, params)
    total = sum((dialect.money(r[3]) for r in found), Decimal(0))
    result = []
    for key, customers, count, revenue, cost, margin, with_cost in found:
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


def profitability(
    *, owner: str | None = None, start: date | None = None, end: date | None = None
) -> ProfitabilityTable:
    """Revenue and margin per grade in the period, and the customers with most margin."""
    owner_id = _owner_id(owner)
    by_grade = sorted(
        _profit_rows("c.grade", owner_id, start, end),
        key=lambda r: lifecycle.GRADE_ORDER.get(r.key, 3),
    )
    top = value.top_margins(limit=TOP, start=start, end=end, owner=owner)
    return ProfitabilityTable(by_grade, top)


def performance(
    *, owner: str | None = None, start: date | None = None, end: date | None = None
) -> PerformanceTable:
    """Sales by product category, by channel and by region (province) in the period."""
    owner_id = _owner_id(owner)
    return PerformanceTable(
        by_category=_profit_rows(PERFORMANCE_BY["category"], owner_id, start, end),
        by_channel=_profit_rows(PERFORMANCE_BY["channel"], owner_id, start, end),
        by_region=_profit_rows(PERFORMANCE_BY["province"], owner_id, start, end),
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
    where, params = _customers_where(_owner_id(owner), start, end)
    month = dialect.month(dialect.local_date("c.created_at", dialect.local_offset_minutes()))
    sql = (
        f"SELECT {month}, "
        "SUM(CASE WHEN c.kind = 'individual' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN c.kind = 'enterprise' THEN 1 ELSE 0 END), COUNT(*), "
        "SUM(CASE WHEN c.first_purchase_on IS NOT NULL THEN 1 ELSE 0 END) "
        f"FROM customer c WHERE {where} GROUP BY {month}"
    )
    found = {
        m: (int(i or 0), int(e or 0), n, int(b or 0)) for m, i, e, n, b in dialect.run(sql, params)
    }
    return [ProspectRow(m, *found.get(m, (0, 0, 0, 0))) for m in _months(start, end)]


def product_mix(
    *, owner: str | None = None, start: date | None = None, end: date | None = None
) -> list[MixRow]:
    """Revenue per product category, split by customer type and by grade."""
    where, params = _orders_where(_owner_id(owner), start, end)
    sql = (
        "SELECT o.category, c.kind, c.grade, SUM(o.amount) "
        f'FROM "order" o JOIN customer c ON c.id = o.customer_id WHERE {where} '
        "GROUP BY o.category, c.kind, c.grade"
    )
    rows: dict[Any, MixRow] = {}
    for category, kind, grade, revenue in dialect.run(sql, params):
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
    where, params = _customers_where(owner_id, start, end)
    o_where, o_params = _orders_where(owner_id, start, end)
    days = f"({dialect.day_number('c.first_purchase_on')} - {dialect.day_number('c.created_at')})"
    sql = f"""
        WITH rev AS (
            SELECT o.customer_id AS cid, SUM(o.amount) AS revenue
            FROM "order" o JOIN customer c ON c.id = o.customer_id WHERE {o_where}
            GROUP BY o.customer_id
        )
        SELECT c.source, COUNT(*),
               SUM(CASE WHEN c.first_purchase_on IS NOT NULL THEN 1 ELSE 0 END),
               SUM(COALESCE(rev.revenue, 0)),
               AVG(CASE WHEN c.first_purchase_on IS NOT NULL THEN {days} END)
        FROM customer c LEFT JOIN rev ON rev.cid = c.id WHERE {where}
        GROUP BY c.source"""
    result = []
    for source, customers, buyers, revenue, lag in dialect.run(sql, [*o_params, *params]):
        revenue = dialect.money(revenue)
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
    o_where, o_params = _orders_where(owner_id, start, end)
    (customers,) = dialect.run(f"SELECT COUNT(*) FROM customer c WHERE {live}", live_params)[0]
    (new_count,) = dialect.run(f"SELECT COUNT(*) FROM customer c WHERE {new}", new_params)[0]
    revenue, count = dialect.run(
        f'SELECT SUM(o.amount), COUNT(*) FROM "order" o JOIN customer c ON c.id = o.customer_id '
        f"WHERE {o_where}",
        o_params,
    )[0]
    ageing = orders.receivables_ageing(owner=owner, today=today)
    if at_risk is None:
        at_risk = len(lifecycle.retention_list(today=today, owner=owner))
    overdue = service.overdue_complaint_count(owner=owner)
    return Totals(
        customers,
        new_count,
        dialect.money(revenue),
        count,
        ageing.total,
        ageing.overdue,
        overdue,
        at_risk,
    )


def dashboard_data(
    *,
    owner: str | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    retention_limit: int = 50,
    clock: Callable[[], float] | None = None,
) -> DashboardData:
    """Everything the dashboard shows, for one owner (or all) and one period.

    The distributions (by stage, kind … and the profile) count all current customers;
    the series and the sales tables cover the period, by default the last twelve months.
    Each distribution is queried once and shared with the profile. `timings` records how
    long each part took (seconds) when a `clock` (e.g. ``time.perf_counter``) is given.
    """
    today = today or date.today()
    if start is None or end is None:
        start, end = default_period(today)
    timings: dict[str, float] = {}

    def timed(name: str, make: Callable[[], Any]) -> Any:
        began = clock() if clock else 0.0
        result = make()
        if clock:
            timings[name] = clock() - began
        return result

    span = {"owner": owner, "start": start, "end": end}
    counted: dict[str, list[Count]] = {}

    def by(dimension: str) -> list[Count]:  # each distribution once, shared with the profile
        if dimension not in counted:
            counted[dimension] = timed(
                f"by_{dimension}", lambda: customers_by(dimension, owner=owner)
            )
        return counted[dimension]

    retention = timed("retention", lambda: lifecycle.retention_list(today=today, owner=owner))
    data = DashboardData(
        period=(start, end),
        totals=timed("totals", lambda: totals(**span, today=today, at_risk=len(retention))),
        by_stage=by("stage"),
        by_kind=by("kind"),
        by_grade=by("grade"),
        by_level=by("level"),
        by_province=by("province"),
        by_source=by("source"),
        new_per_month=timed("new_per_month", lambda: new_customers_per_month(**span)),
        revenue_per_month=timed("revenue_per_month", lambda: revenue_per_month(**span)),
        followups_per_week=timed("followups_per_week", lambda: followups_per_week(**span)),
        retention=retention[:retention_limit],
        profile=_profile(by),
        persistency=timed("persistency", lambda: persistency(owner=owner, today=today)),
        profitability=timed("profitability", lambda: profitability(**span)),
        performance=timed("performance", lambda: performance(**span)),
        prospecting=timed("prospecting", lambda: prospecting(**span)),
        product_mix=timed("product_mix", lambda: product_mix(**span)),
        promotion=timed("promotion", lambda: promotion(**span)),
    )
    data.timings = timings
    return data
