"""SQL fragments that differ between SQLite and PostgreSQL, for hand-written aggregates.

The analysis services (orders, value, lifecycle, care, analysis) compute with GROUP BY
and window functions in the database rather than loading rows into Python. The little
date arithmetic they need is spelt differently per backend; it lives here so the domain
stays free of SQLite-only SQL. Everything else they write is standard SQL (CTEs, window
functions, CASE), which both backends run.

Raw SQL is written with ``?`` placeholders; `run` turns them into the backend's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import peewee

from desktop_crm.db.models import database

CENT = Decimal("0.01")


def _sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def _param(value: Any) -> Any:
    """Values as the models store them (SQLite keeps dates and times as ISO text)."""
    if not _sqlite():
        return value
    if isinstance(value, datetime):
        return str(value.replace(tzinfo=None))  # "2025-01-02 03:04:05[.ffffff]", peewee's form
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)  # SQLite keeps money as REAL
    return value


def run(sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    """Execute `sql` (``?`` placeholders) on the current database; all result rows."""
    db = database.obj
    if db.param != "?":
        sql = sql.replace("?", db.param)
    return list(db.execute_sql(sql, [_param(p) for p in params]).fetchall())


def money(value: Any) -> Decimal:
    """A sum from SQL (a float on SQLite, a Decimal elsewhere) as Decimal cents."""
    if value is None:
        return Decimal("0.00")
    return Decimal(str(value)).quantize(CENT)


def as_date(value: Any) -> date | None:
    """A date column as it comes back from raw SQL (ISO text on SQLite)."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def day_number(expr: str) -> str:
    """Whole days since a fixed epoch, for a date or timestamp: differences are day counts."""
    if _sqlite():
        return f"CAST(julianday(date({expr})) AS INTEGER)"
    return f"(CAST({expr} AS DATE) - DATE '2000-01-01')"


def add_days(expr: str, days: int) -> str:
    """The date `days` after the date or timestamp `expr` (a date, ISO text on SQLite)."""
    days = int(days)
    if _sqlite():
        return f"date({expr}, '{days:+d} days')"
    return f"(CAST({expr} AS DATE) + {days})"


def local_date(expr: str, offset_minutes: int = 0) -> str:
    """The calendar date of a stored UTC timestamp, shifted to local time by the offset."""
    minutes = int(offset_minutes)
    if _sqlite():
        return f"date({expr}, '{minutes:+d} minutes')"
    return f"CAST({expr} + INTERVAL '{minutes} minutes' AS DATE)"


def month(expr: str) -> str:
    """'YYYY-MM' of a date (or a timestamp, in UTC)."""
    if _sqlite():
        return f"strftime('%Y-%m', {expr})"
    return f"to_char({expr}, 'YYYY-MM')"


def month_day(expr: str) -> str:
    """'MM-DD' of a date: matches anniversaries and birthdays whatever the year."""
    if _sqlite():
        return f"strftime('%m-%d', {expr})"
    return f"to_char({expr}, 'MM-DD')"


def local_offset_minutes(when: datetime | None = None) -> int:
    """The machine's UTC offset in minutes (at `when`, default now)."""
    moment = (when or datetime.now()).astimezone()
    offset = moment.utcoffset()
    return int(offset.total_seconds() // 60) if offset else 0
