"""Customer value (M9): A/B/C grades, RFM scores, margin, top customers year over year,
and each customer's purchase cycle with the next expected purchase.

Definitions used throughout:

- An order **counts** (as revenue and as a purchase) when it is neither deleted nor
  cancelled. A **purchase** is a day with at least one counted order (three orders on
  one day are one visit to the shop).
- **Purchase cycle**: the median gap in days between a customer's consecutive purchases.
  With fewer than `MIN_PURCHASES_FOR_CYCLE` (3) purchases, one gap says little, so the
  default interval is used instead (90 days; Setting ``purchase_cycle_default_days``).
  The next expected purchase is the last purchase plus that interval.
- **A/B/C** by trailing-12-month revenue (the 365 days up to and including `today`):
  customers with revenue are sorted by it, largest first; a customer is **A** while the
  revenue of the customers ranked above them is below 80 % of the total, **B** while it
  is below 95 %, else **C** (thresholds configurable: Setting ``abc_thresholds``
  ``{"a": 80, "b": 95}``, in percent). So A is the smallest group of top customers that
  brings at least 80 % of revenue. Ties on revenue are broken by customer id. Customers
  without revenue in the window are **C** if they ever bought (status ``existing``) and
  ungraded (None) if they never did. Customers in the trash are left alone.
- **RFM**: over counted orders up to `today` (from `start` when given), per buying
  customer: recency (last purchase), frequency (purchases) and monetary (revenue). Each
  is scored 1–5 by quintile of its percent rank among the buying customers
  (``PERCENT_RANK``: 0 for the lowest, 1 for the highest, ties share the lower rank):
  [0, 0.2) → 1 … [0.8, 1] → 5; more recent, more frequent, more revenue score higher.
- **Margin** is revenue minus cost over the orders whose cost is known; the share of
  revenue with a known cost is reported alongside (``cost_coverage``).

Everything is computed with SQL aggregates and window functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from desktop_crm.db import dialect
from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import ChangeLog, Customer, User, utcnow
from desktop_crm.domain import history, settings
from desktop_crm.domain.messages import text
from desktop_crm.errors import ValidationError

WINDOW_DAYS = 365
MIN_PURCHASES_FOR_CYCLE = 3
DEFAULT_INTERVAL_DAYS = 90
INTERVAL_SETTING = "purchase_cycle_default_days"
MAX_INTERVAL_DAYS = 3650
ABC_SETTING = "abc_thresholds"  # {"a": 80, "b": 95}, percent
DEFAULT_ABC = (80.0, 95.0)
GRADES = ("A", "B", "C")
CHUNK = 500  # ids per IN (…) list
# An order that counts as revenue and as a purchase (alias `o` for the order table).
COUNTED_ORDER_SQL = "o.deleted_at IS NULL AND o.status <> 'cancelled'"


@dataclass(frozen=True)
class PurchaseCycle:
    """How often a customer buys, and when they are expected to buy next."""

    customer_id: int
    purchases: int
    first_purchase: date | None
    last_purchase: date | None
    median_gap_days: float | None  # from their own history (any number of gaps)
    interval_days: float  # the one used: own median with ≥ 3 purchases, else the default
    own_history: bool
    next_expected: date | None
    days_since_last: int | None


@dataclass(frozen=True)
class AbcSummaryRow:
    grade: str | None
    customers: int
    revenue: Decimal
    share: float  # of the trailing-12-month revenue


@dataclass(frozen=True)
class RfmScore:
    customer_id: int
    last_purchase: date
    purchases: int
    revenue: Decimal
    recency: int  # 1..5
    frequency: int
    monetary: int

    @property
    def code(self) -> str:
        """The three scores as one string, e.g. "545"."""
        return f"{self.recency}{self.frequency}{self.monetary}"


@dataclass(frozen=True)
class Margin:
    revenue: Decimal  # all counted revenue
    revenue_with_cost: Decimal  # of orders whose cost is known
    cost: Decimal
    margin: Decimal  # revenue_with_cost - cost
    margin_pct: float | None  # margin / revenue_with_cost
    cost_coverage: float | None  # revenue_with_cost / revenue


@dataclass(frozen=True)
class CustomerMargin:
    customer_id: int
    code: str
    name: str
    margin: Margin


@dataclass(frozen=True)
class YoyRow:
    customer_id: int
    code: str
    name: str
    revenue: Decimal
    previous_revenue: Decimal
    change: Decimal
    change_pct: float | None  # None when there was no revenue last year
    rank: int | None  # this year, 1 = most; None without revenue
    previous_rank: int | None


@dataclass(frozen=True)
class YoyTop:
    """This year's top customers against the same period last year."""

    period: tuple[date, date]
    previous_period: tuple[date, date]
    top: list[YoyRow]  # this year's top `limit`, by revenue
    dropped: list[YoyRow]  # last year's top `limit` that are no longer in it


# ------------------------------------------------------------------------------ settings


def default_interval_days() -> int:
    """The purchase interval assumed for customers with fewer than three purchases."""
    value = settings.stored(INTERVAL_SETTING)
    if isinstance(value, int) and 1 <= value <= MAX_INTERVAL_DAYS:
        return value
    return DEFAULT_INTERVAL_DAYS


def set_default_interval_days(days: int) -> None:
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_INTERVAL_DAYS:
        raise ValidationError({"days": text("bad_range", low=1, high=MAX_INTERVAL_DAYS)})
    settings.store(INTERVAL_SETTING, days)


def abc_thresholds() -> tuple[float, float]:
    """The cumulative revenue shares (percent) that end grade A and grade B."""
    value = settings.stored(ABC_SETTING)
    if isinstance(value, dict):
        try:
            a, b = float(value["a"]), float(value["b"])
        except (KeyError, TypeError, ValueError):
            return DEFAULT_ABC
        if 0 < a < b <= 100:
            return a, b
    return DEFAULT_ABC


def set_abc_thresholds(a: float, b: float) -> None:
    """Set the A and B thresholds in percent (0 < a < b ≤ 100), e.g. 70 and 90."""
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError) as exc:
        raise ValidationError({"a": text("bad_number", value=a)}) from exc
    if not 0 < a < 100:
        raise ValidationError({"a": text("bad_range", low=0, high=100)})
    if not a < b <= 100:
        raise ValidationError({"b": text("bad_range", low=a, high=100)})
    settings.store(ABC_SETTING, {"a": a, "b": b})


# ------------------------------------------------------------------------ purchase cycle


def _in_list(column: str, ids: Sequence[int]) -> str:
    return f"{column} IN ({', '.join('?' for _ in ids)})"


def facts_cte(order_filter: str = "") -> str:
    """CTEs ending in ``facts(cid, purchases, first_day, last_day, median_gap)``.

    One row per customer with counted orders; `order_filter` is extra SQL on the order
    alias ``o`` (with ``?`` parameters the caller supplies first). The median gap is
    taken in SQL: gaps between consecutive purchase days (LAG), numbered per customer,
    and the middle one or two averaged.
    """
    extra = f" AND {order_filter}" if order_filter else ""
    previous = "LAG(d) OVER (PARTITION BY cid ORDER BY d)"
    return f"""
        days AS (
            SELECT DISTINCT o.customer_id AS cid, o.order_date AS d
            FROM "order" o WHERE {COUNTED_ORDER_SQL}{extra}
        ),
        gaps AS (
            SELECT cid, {dialect.day_number("d")} - {dialect.day_number(previous)} AS gap
            FROM days
        ),
        ranked AS (
            SELECT cid, gap, ROW_NUMBER() OVER (PARTITION BY cid ORDER BY gap) AS rn,
                   COUNT(*) OVER (PARTITION BY cid) AS n
            FROM gaps WHERE gap IS NOT NULL
        ),
        medians AS (
            SELECT cid, AVG(gap) AS median_gap FROM ranked
            WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY cid
        ),
        summary AS (
            SELECT cid, COUNT(*) AS purchases, MIN(d) AS first_day, MAX(d) AS last_day
            FROM days GROUP BY cid
        ),
        facts AS (
            SELECT s.cid, s.purchases, s.first_day, s.last_day, m.median_gap
            FROM summary s LEFT JOIN medians m ON m.cid = s.cid
        )"""


def interval_sql(default_days: int) -> str:
    """SQL for the interval used (over ``facts f``): own median or `default_days`."""
    return (
        f"(CASE WHEN f.purchases >= {MIN_PURCHASES_FOR_CYCLE} AND f.median_gap IS NOT NULL "
        f"THEN f.median_gap ELSE {int(default_days)} END)"
    )


def make_cycle(
    customer_id: int,
    purchases: int,
    first_day: Any,
    last_day: Any,
    median_gap: Any,
    today: date,
    default_days: int,
) -> PurchaseCycle:
    """A `PurchaseCycle` from one row of the facts."""
    first, last = dialect.as_date(first_day), dialect.as_date(last_day)
    gap = float(median_gap) if median_gap is not None else None
    own = purchases >= MIN_PURCHASES_FOR_CYCLE and gap is not None
    interval = gap if own and gap is not None else float(default_days)
    return PurchaseCycle(
        customer_id=customer_id,
        purchases=purchases,
        first_purchase=first,
        last_purchase=last,
        median_gap_days=gap,
        interval_days=interval,
        own_history=own,
        next_expected=last + timedelta(days=round(interval)) if last else None,
        days_since_last=(today - last).days if last else None,
    )


def purchase_cycles(
    customer_ids: Iterable[int], *, today: date | None = None
) -> dict[int, PurchaseCycle]:
    """Purchase cycles of these customers (those without purchases get an empty cycle)."""
    today = today or date.today()
    default = default_interval_days()
    ids = list(dict.fromkeys(customer_ids))
    result = {
        cid: PurchaseCycle(cid, 0, None, None, None, float(default), False, None, None)
        for cid in ids
    }
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        sql = (
            f"WITH {facts_cte(_in_list('o.customer_id', chunk))} "
            "SELECT cid, purchases, first_day, last_day, median_gap FROM facts"
        )
        for row in dialect.run(sql, chunk):
            result[row[0]] = make_cycle(*row, today=today, default_days=default)
    return result


def purchase_cycle(customer_id: int, *, today: date | None = None) -> PurchaseCycle:
    """One customer's purchase cycle and next expected purchase."""
    return purchase_cycles([customer_id], today=today)[customer_id]


# ---------------------------------------------------------------------------------- ABC


def _window(today: date) -> tuple[date, date]:
    return today - timedelta(days=WINDOW_DAYS), today


def _abc_cte() -> str:
    """CTEs ending in ``graded(cid, revenue, grade)``; parameters: start, end, a, b."""
    return f"""
        rev AS (
            SELECT o.customer_id AS cid, SUM(o.amount) AS revenue
            FROM "order" o JOIN customer c ON c.id = o.customer_id
            WHERE {COUNTED_ORDER_SQL} AND c.deleted_at IS NULL
              AND o.order_date > ? AND o.order_date <= ?
            GROUP BY o.customer_id HAVING SUM(o.amount) > 0
        ),
        ranked AS (
            SELECT cid, revenue,
                   COALESCE(SUM(revenue) OVER (ORDER BY revenue DESC, cid
                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
                   SUM(revenue) OVER () AS total
            FROM rev
        ),
        graded AS (
            SELECT cid, revenue,
                   CASE WHEN before * 100 < ? * total THEN 'A'
                        WHEN before * 100 < ? * total THEN 'B' ELSE 'C' END AS grade
            FROM ranked
        )"""


def abc_grades(*, today: date | None = None) -> dict[int, str]:
    """The computed grade of every customer with trailing-12-month revenue (id → grade)."""
    a, b = abc_thresholds()
    start, end = _window(today or date.today())
    sql = f"WITH {_abc_cte()} SELECT cid, grade FROM graded"
    return dict(dialect.run(sql, [start, end, a, b]))


def recompute_grades(*, today: date | None = None, changed_by: str | None = None) -> int:
    """Write the computed A/B/C grade of every live customer; returns how many changed.

    Only changed customers are written, grouped by new grade into a few UPDATE
    statements, with one history row each (field ``grade``, old → new) so a user can
    see when a customer became A. A grade typed by hand is replaced: grades are computed.
    """
    with write_transaction():
        computed = abc_grades(today=today)
        current = Customer.select(Customer.id, Customer.grade, Customer.status).where(
            Customer.deleted_at.is_null()
        )
        changes: dict[str | None, list[int]] = {}
        log: list[tuple[int, str | None, str | None]] = []
        for cid, old, status in current.tuples().iterator():
            new = computed.get(cid) or ("C" if status == "existing" else None)
            if new != old:
                changes.setdefault(new, []).append(cid)
                log.append((cid, old, new))
        for grade, ids in changes.items():
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                Customer.update(grade=grade).where(Customer.id.in_(chunk)).execute()
        record_field_changes("grade", log, changed_by)
    return len(log)


def record_field_changes(
    field: str, changes: list[tuple[int, Any, Any]], changed_by: str | None
) -> None:
    """One history row per changed customer, written in bulk."""
    actor = changed_by or history.default_actor()
    now = utcnow()
    rows = [
        {
            "customer": cid,
            "entity": "customer",
            "entity_id": cid,
            "action": "update",
            "field": field,
            "old_value": history.as_text(old),
            "new_value": history.as_text(new),
            "changed_by": actor,
            "changed_at": now,
        }
        for cid, old, new in changes
    ]
    for start in range(0, len(rows), CHUNK):
        ChangeLog.insert_many(rows[start : start + CHUNK]).execute()


def abc_summary(*, today: date | None = None) -> list[AbcSummaryRow]:
    """Customers and trailing-12-month revenue per computed grade (A, B, C)."""
    a, b = abc_thresholds()
    start, end = _window(today or date.today())
    sql = f"WITH {_abc_cte()} SELECT grade, COUNT(*), SUM(revenue) FROM graded GROUP BY grade"
    rows = {g: (n, dialect.money(r)) for g, n, r in dialect.run(sql, [start, end, a, b])}
    total = sum((r for _, r in rows.values()), Decimal(0))
    result = []
    for grade in GRADES:
        count, revenue = rows.get(grade, (0, Decimal("0.00")))
        share = float(revenue / total) if total else 0.0
        result.append(AbcSummaryRow(grade, count, revenue, share))
    return result


# ---------------------------------------------------------------------------------- RFM


def _quintile_sql(column: str) -> str:
    return (
        f"CASE WHEN {column} < 0.2 THEN 1 WHEN {column} < 0.4 THEN 2 "
        f"WHEN {column} < 0.6 THEN 3 WHEN {column} < 0.8 THEN 4 ELSE 5 END"
    )


def _rfm_cte(start: date | None) -> str:
    """CTEs ending in ``scored(cid, last_day, freq, monetary, r, f, m)``; params: today[, start]."""
    since = " AND o.order_date >= ?" if start else ""
    sql = f"""
        per AS (
            SELECT o.customer_id AS cid, MAX(o.order_date) AS last_day,
                   COUNT(DISTINCT o.order_date) AS freq, SUM(o.amount) AS monetary
            FROM "order" o JOIN customer c ON c.id = o.customer_id
            WHERE {COUNTED_ORDER_SQL} AND c.deleted_at IS NULL AND o.order_date <= ?{since}
            GROUP BY o.customer_id
        ),
        ranked AS (
            SELECT cid, last_day, freq, monetary,
                   PERCENT_RANK() OVER (ORDER BY last_day) AS pr,
                   PERCENT_RANK() OVER (ORDER BY freq) AS pf,
                   PERCENT_RANK() OVER (ORDER BY monetary) AS pm
            FROM per
        ),
        scored AS (
            SELECT cid, last_day, freq, monetary, {_quintile_sql("pr")} AS r,
                   {_quintile_sql("pf")} AS f, {_quintile_sql("pm")} AS m
            FROM ranked
        )"""
    return sql


def rfm_scores(
    customer_ids: Iterable[int] | None = None,
    *,
    today: date | None = None,
    start: date | None = None,
) -> dict[int, RfmScore]:
    """RFM scores (see the module docstring) of these customers, or of every buyer.

    Ranks are always taken among all buying customers; customers without counted orders
    have no score.
    """
    cte = _rfm_cte(start)
    base = [today or date.today()] + ([start] if start else [])
    select = "SELECT cid, last_day, freq, monetary, r, f, m FROM scored"
    result: dict[int, RfmScore] = {}
    if customer_ids is None:
        batches: list[list[int]] = [[]]
    else:
        ids = list(dict.fromkeys(customer_ids))
        batches = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    for chunk in batches:
        where = f" WHERE {_in_list('cid', chunk)}" if chunk else ""
        for cid, last, freq, monetary, r, f, m in dialect.run(
            f"WITH {cte} {select}{where}", [*base, *chunk]
        ):
            result[cid] = RfmScore(
                cid, dialect.as_date(last), freq, dialect.money(monetary), r, f, m
            )
    return result


def rfm_grid(*, today: date | None = None, start: date | None = None) -> dict[tuple[int, int], int]:
    """How many buying customers have each (recency, frequency) score pair (25 cells)."""
    cte = _rfm_cte(start)
    base = [today or date.today()] + ([start] if start else [])
    grid = {(r, f): 0 for r in range(1, 6) for f in range(1, 6)}
    for r, f, n in dialect.run(f"WITH {cte} SELECT r, f, COUNT(*) FROM scored GROUP BY r, f", base):
        grid[(r, f)] = n
    return grid


# ------------------------------------------------------------------------------- margin


def margin_from_sums(revenue: Any, with_cost: Any, cost: Any) -> Margin:
    """A `Margin` from SQL sums of the revenue, the revenue with a known cost, the cost."""
    revenue, with_cost, cost = dialect.money(revenue), dialect.money(with_cost), dialect.money(cost)
    margin = with_cost - cost
    return Margin(
        revenue=revenue,
        revenue_with_cost=with_cost,
        cost=cost,
        margin=margin,
        margin_pct=float(margin / with_cost) if with_cost else None,
        cost_coverage=float(with_cost / revenue) if revenue else None,
    )


MARGIN_COLUMNS = (
    "SUM(o.amount), SUM(CASE WHEN o.cost IS NOT NULL THEN o.amount ELSE 0 END), "
    "SUM(CASE WHEN o.cost IS NOT NULL THEN o.cost ELSE 0 END)"
)


def _period_sql(start: date | None, end: date | None) -> tuple[str, list[Any]]:
    sql, params = "", []
    if start is not None:
        sql += " AND o.order_date >= ?"
        params.append(start)
    if end is not None:
        sql += " AND o.order_date <= ?"
        params.append(end)
    return sql, params


def _owner_sql(owner: str | None) -> tuple[str, list[Any]]:
    if owner is None:
        return "", []
    user = User.get_or_none(User.username == owner)
    if user is None:
        raise ValidationError({"owner": text("unknown_owner", value=owner)})
    return " AND c.owner_id = ?", [user.id]


def customer_margin(
    customer_id: int, *, start: date | None = None, end: date | None = None
) -> Margin:
    """Revenue, cost and margin of one customer's counted orders in [start, end]."""
    period, params = _period_sql(start, end)
    sql = (
        f'SELECT {MARGIN_COLUMNS} FROM "order" o WHERE {COUNTED_ORDER_SQL} '
        f"AND o.customer_id = ?{period}"
    )
    return margin_from_sums(*dialect.run(sql, [customer_id, *params])[0])


def top_margins(
    *,
    limit: int = 20,
    start: date | None = None,
    end: date | None = None,
    owner: str | None = None,
) -> list[CustomerMargin]:
    """The customers with the largest known margin in [start, end], largest first."""
    period, params = _period_sql(start, end)
    owner_sql, owner_params = _owner_sql(owner)
    margin = "SUM(CASE WHEN o.cost IS NOT NULL THEN o.amount - o.cost ELSE 0 END)"
    sql = f"""
        SELECT c.id, c.code, c.name, {MARGIN_COLUMNS}
        FROM "order" o JOIN customer c ON c.id = o.customer_id
        WHERE {COUNTED_ORDER_SQL} AND c.deleted_at IS NULL{period}{owner_sql}
        GROUP BY c.id, c.code, c.name
        ORDER BY {margin} DESC, c.id LIMIT ?"""
    return [
        CustomerMargin(cid, code, name, margin_from_sums(rev, with_cost, cost))
        for cid, code, name, rev, with_cost, cost in dialect.run(
            sql, [*params, *owner_params, int(limit)]
        )
    ]


# ---------------------------------------------------------------------------------- YoY


def _same_day_last_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def top_customers_yoy(
    *, today: date | None = None, limit: int = 10, owner: str | None = None
) -> YoyTop:
    """This year's top customers (1 January to `today`) against the same days last year.

    ``top`` holds this year's `limit` largest customers with last year's revenue and
    rank beside it; ``dropped`` holds last year's top `limit` that fell out of this year's.
    """
    today = today or date.today()
    period = (date(today.year, 1, 1), today)
    previous = (date(today.year - 1, 1, 1), _same_day_last_year(today))
    owner_sql, owner_params = _owner_sql(owner)
    sql = f"""
        WITH per AS (
            SELECT c.id AS cid, c.code AS code, c.name AS name,
                   SUM(CASE WHEN o.order_date >= ? THEN o.amount ELSE 0 END) AS cur,
                   SUM(CASE WHEN o.order_date <= ? THEN o.amount ELSE 0 END) AS prev
            FROM "order" o JOIN customer c ON c.id = o.customer_id
            WHERE {COUNTED_ORDER_SQL} AND c.deleted_at IS NULL{owner_sql}
              AND ((o.order_date >= ? AND o.order_date <= ?)
                   OR (o.order_date >= ? AND o.order_date <= ?))
            GROUP BY c.id, c.code, c.name
        ),
        ranked AS (
            SELECT cid, code, name, cur, prev,
                   CASE WHEN cur > 0 THEN RANK() OVER (ORDER BY cur DESC) END AS cur_rank,
                   CASE WHEN prev > 0 THEN RANK() OVER (ORDER BY prev DESC) END AS prev_rank
            FROM per
        )
        SELECT cid, code, name, cur, prev, cur_rank, prev_rank FROM ranked
        WHERE cur_rank <= ? OR prev_rank <= ?"""
    params = [period[0], previous[1], *owner_params, *period, *previous, limit, limit]
    rows = []
    for cid, code, name, cur, prev, cur_rank, prev_rank in dialect.run(sql, params):
        cur, prev = dialect.money(cur), dialect.money(prev)
        rows.append(
            YoyRow(
                cid,
                code,
                name,
                cur,
                prev,
                cur - prev,
                float((cur - prev) / prev) if prev else None,
                cur_rank,
                prev_rank,
            )
        )
    top = sorted(
        (r for r in rows if r.rank is not None and r.rank <= limit),
        key=lambda r: (r.rank, r.customer_id),
    )[:limit]
    in_top = {r.customer_id for r in top}
    dropped = sorted(
        (
            r
            for r in rows
            if r.previous_rank is not None
            and r.previous_rank <= limit
            and r.customer_id not in in_top
        ),
        key=lambda r: (r.previous_rank, r.customer_id),
    )
    return YoyTop(period, previous, top, dropped)
