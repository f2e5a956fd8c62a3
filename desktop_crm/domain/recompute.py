"""Recomputing what is derived from orders and time: lifecycle stages, A/B/C grades and
credit ratings.

Order writes keep one customer's values in step, but time alone moves customers (a
customer who stops buying becomes *at risk*, then *lost*; orders leave the 12-month
grade window; invoices fall overdue). So everything is recomputed once a day — the GUI
does it in the background at start-up, at most once per calendar day (the day of the
last run is kept in the Setting ``derived_recompute_day``) — and on demand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop_crm.domain import lifecycle, orders, settings, value

LAST_RUN_SETTING = "derived_recompute_day"
# Share of the progress bar per step: stages go customer batch by batch, the others are
# one statement each.
_STAGE_SHARE = 80
_GRADE_SHARE = 10
TOTAL = 100


@dataclass(frozen=True)
class RecomputeResult:
    """How many customers each step changed (None: the step did not run)."""

    stages: int | None
    grades: int | None
    credit_ratings: int | None
    complete: bool  # False when cancelled part-way (each finished step is kept)

    @property
    def changed(self) -> int:
        return sum(n or 0 for n in (self.stages, self.grades, self.credit_ratings))


def last_run_day() -> date | None:
    """The day of the last complete recompute, or None if it never ran."""
    stored = settings.stored(LAST_RUN_SETTING)
    try:
        return date.fromisoformat(stored) if isinstance(stored, str) else None
    except ValueError:
        return None


def due_today(today: date | None = None) -> bool:
    """Whether the daily recompute has not run yet on `today`."""
    last = last_run_day()
    return last is None or last < (today or date.today())


def recompute_derived(
    *,
    today: date | None = None,
    changed_by: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RecomputeResult:
    """Recompute every customer's stage, grade and credit rating (in that order).

    `progress(done, TOTAL)` follows the work; `cancelled()` is asked between the steps
    (each step is committed as it ends). A complete run is remembered as the day's run.
    """
    today = today or date.today()

    def report(done: int) -> None:
        if progress is not None:
            progress(done, TOTAL)

    def stop() -> bool:
        return cancelled is not None and cancelled()

    def stage_progress(done: int, total: int) -> None:
        report(_STAGE_SHARE * done // max(total, 1))

    report(0)
    stages = lifecycle.recompute_stages(today=today, changed_by=changed_by, progress=stage_progress)
    if stop():
        return RecomputeResult(stages, None, None, False)
    grades = value.recompute_grades(today=today, changed_by=changed_by)
    report(_STAGE_SHARE + _GRADE_SHARE)
    if stop():
        return RecomputeResult(stages, grades, None, False)
    ratings = orders.recompute_credit_ratings(today=today, changed_by=changed_by)
    report(TOTAL)
    settings.store(LAST_RUN_SETTING, today.isoformat())
    return RecomputeResult(stages, grades, ratings, True)


def recompute_if_due(
    *, today: date | None = None, changed_by: str | None = None
) -> RecomputeResult | None:
    """The daily recompute, unless it already ran today (then None)."""
    today = today or date.today()
    if not due_today(today):
        return None
    return recompute_derived(today=today, changed_by=changed_by)
