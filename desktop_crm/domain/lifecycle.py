"""The customer lifecycle (M8): stages, churn warning, exits and why customers leave.

**Stage rules** (`derive_stage`; the first that fits wins). A *purchase* is a day with
counted orders and the *interval* is the customer's usual purchase interval (see
`value`: their median gap with three or more purchases, else the default, 90 days):

1. ``exited`` — the relationship was ended on purpose (`exit_customer`).
2. ``potential`` — no purchase yet.
3. ``lost`` — no purchase for more than ``lost_multiple`` (4) intervals *and* more
   than ``lost_min_days`` (180) days.
4. ``at_risk`` — no purchase for more than ``at_risk_multiple`` (2) intervals.
5. ``loyal`` — at least ``loyal_min_purchases`` (5) purchases, the first at least
   ``loyal_min_days`` (365) days ago.
6. ``repeat`` — two or more purchases.
7. ``first_purchase`` — one purchase.

The numbers are configurable (Setting ``lifecycle_rules``, see `LifecycleRules`). Order
writes recompute the customer's stage; `recompute_stages` recomputes everybody in
batches (time alone moves customers to at-risk and lost: run it daily, e.g. at
start-up). A stage set by hand (`set_stage`) is kept and marked (``stage_override``)
until `clear_stage_override`; an exit always shows as ``exited``.

**Churn warning** (`churn_reasons`, `retention_list`): a customer who has not exited is
at risk of leaving when any of these holds, each giving a reason in plain words:

- *overdue purchase*: the time since the last purchase exceeds ``at_risk_multiple``
  times their usual interval (the at-risk rule above);
- *unresolved complaints*: complaints still open or in progress;
- *falling satisfaction*: the latest survey is clearly below the earlier ones (see
  `service`).

**Exits** carry a reason from a configurable list (Setting ``exit_reasons``; default
`EXIT_REASONS`) and free notes; `exit_reason_analysis` counts them per reason and period.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from desktop_crm.db import dialect
from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import Customer, User, utcnow
from desktop_crm.domain import customers, followups, history, service, settings, value
from desktop_crm.domain.messages import MESSAGES, text
from desktop_crm.domain.validation import FieldError, clean_choice, clean_text
from desktop_crm.errors import NotFoundError, ValidationError

STAGES = customers.STAGES
DERIVED_STAGES = ("potential", "first_purchase", "repeat", "loyal", "at_risk", "lost")
EXIT_REASONS = (
    "price",
    "competitor",
    "service",
    "no_longer_needed",
    "moved",
    "business_closed",
    "other",
)
RULES_SETTING = "lifecycle_rules"
EXIT_REASONS_SETTING = "exit_reasons"
EXIT_REASON_MAX = 50
PERIODS = ("month", "quarter", "year")
BATCH = 5000
CHUNK = value.CHUNK
GRADE_ORDER = {"A": 0, "B": 1, "C": 2, None: 3}


@dataclass(frozen=True)
class LifecycleRules:
    """The numbers the stage rules use (see the module docstring)."""

    at_risk_multiple: float = 2.0
    lost_multiple: float = 4.0
    lost_min_days: int = 180
    loyal_min_purchases: int = 5
    loyal_min_days: int = 365


_RULE_LIMITS = {
    "at_risk_multiple": (1.0, 50.0),
    "lost_multiple": (1.0, 100.0),
    "lost_min_days": (1, 3650),
    "loyal_min_purchases": (2, 1000),
    "loyal_min_days": (0, 3650),
}


@dataclass(frozen=True)
class ChurnReason:
    code: str  # overdue_purchase | unresolved_complaints | falling_satisfaction
    text: str


@dataclass(frozen=True)
class RetentionRow:
    """A customer at risk of leaving, with the reasons in plain words."""

    customer_id: int
    code: str
    name: str
    owner: str | None  # username
    stage: str
    grade: str | None
    last_purchase: date | None
    days_since_last: int | None
    interval_days: float | None
    unresolved_complaints: int
    reasons: list[ChurnReason]
    next_followup_at: datetime | None = None  # the earliest planned follow-up (naive UTC)

    @property
    def reason_text(self) -> str:
        return "; ".join(r.text for r in self.reasons)


@dataclass(frozen=True)
class ExitReason:
    code: str
    label: str


@dataclass(frozen=True)
class ExitReasonCount:
    code: str
    label: str
    count: int
    share: float  # of the exits counted (0..1)


@dataclass(frozen=True)
class ExitPeriod:
    period: str  # "2025-03", "2025-Q1" or "2025"
    total: int
    reasons: list[ExitReasonCount]


@dataclass(frozen=True)
class ExitAnalysis:
    total: int
    reasons: list[ExitReasonCount]  # every configured reason (0 when none), most first
    periods: list[ExitPeriod]  # oldest first; empty without `period`


# ------------------------------------------------------------------------------ settings


def _valid_rule(name: str, raw: Any) -> float | int | None:
    low, high = _RULE_LIMITS[name]
    kind = type(low)
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    if kind is int and raw != int(raw):
        return None
    number = kind(raw)
    return number if low <= number <= high else None


def lifecycle_rules() -> LifecycleRules:
    """The stage rules in force: defaults, overridden by the Setting ``lifecycle_rules``."""
    stored = settings.stored(RULES_SETTING)
    rules = LifecycleRules()
    if isinstance(stored, dict):
        valid = {}
        for name, raw in stored.items():
            if name in _RULE_LIMITS and (number := _valid_rule(name, raw)) is not None:
                valid[name] = number
        rules = replace(rules, **valid)
    return rules


def set_lifecycle_rules(**changes: float | int) -> LifecycleRules:
    """Change some stage rules (e.g. ``at_risk_multiple=3``); returns the rules in force.

    ``lost_multiple`` must stay above ``at_risk_multiple``. Run `recompute_stages` after.
    """
    names = {f.name for f in fields(LifecycleRules)}
    errors = {}
    valid: dict[str, float | int] = {}
    for name, raw in changes.items():
        if name not in names:
            errors[name] = text("not_editable")
        elif (number := _valid_rule(name, raw)) is None:
            low, high = _RULE_LIMITS[name]
            errors[name] = text("bad_range", low=low, high=high)
        else:
            valid[name] = number
    rules = replace(lifecycle_rules(), **valid)
    if not errors and rules.lost_multiple <= rules.at_risk_multiple:
        errors["lost_multiple"] = text("bad_range", low=rules.at_risk_multiple, high=100)
    if errors:
        raise ValidationError(errors)
    settings.store(RULES_SETTING, asdict(rules))
    return rules


def _reason_label(code: str) -> str:
    key = f"exit_reason_{code}"
    return text(key) if key in MESSAGES else code


def exit_reasons() -> list[ExitReason]:
    """The reasons a user can pick when ending a relationship, with their labels."""
    stored = settings.stored(EXIT_REASONS_SETTING)
    codes = [c for c in stored if isinstance(c, str) and c] if isinstance(stored, list) else []
    return [ExitReason(code, _reason_label(code)) for code in (codes or EXIT_REASONS)]


def set_exit_reasons(codes: Sequence[str]) -> list[ExitReason]:
    """Replace the list of exit reasons (codes; a built-in code shows its translated label,
    any other text is shown as typed). Past exits keep their reason."""
    clean: list[str] = []
    for raw in codes:
        try:
            code = clean_text(raw, max_length=EXIT_REASON_MAX)
        except FieldError as exc:
            raise ValidationError({"exit_reasons": exc.reason}) from exc
        if code and code not in clean:
            clean.append(code)
    if not clean:
        raise ValidationError({"exit_reasons": text("required")})
    settings.store(EXIT_REASONS_SETTING, clean)
    return exit_reasons()


# ------------------------------------------------------------------------------- stages


def derive_stage(
    cycle: value.PurchaseCycle,
    *,
    today: date,
    rules: LifecycleRules | None = None,
    exited: bool = False,
) -> str:
    """The stage the rules give for one customer's purchase history (no database)."""
    rules = rules or lifecycle_rules()
    if exited:
        return "exited"
    if cycle.purchases == 0 or cycle.last_purchase is None or cycle.first_purchase is None:
        return "potential"
    days = (today - cycle.last_purchase).days
    if days > rules.lost_multiple * cycle.interval_days and days > rules.lost_min_days:
        return "lost"
    if days > rules.at_risk_multiple * cycle.interval_days:
        return "at_risk"
    if (
        cycle.purchases >= rules.loyal_min_purchases
        and (today - cycle.first_purchase).days >= rules.loyal_min_days
    ):
        return "loyal"
    if cycle.purchases >= 2:
        return "repeat"
    return "first_purchase"


def _stage_rows(
    where_sql: str,
    params: list[Any],
    order_filter: str,
    order_params: list[Any],
    today: date,
    default_days: int,
) -> list[tuple[int, str, bool, value.PurchaseCycle]]:
    sql = f"""
        WITH {value.facts_cte(order_filter)}
        SELECT c.id, c.stage, c.exited_at, f.purchases, f.first_day, f.last_day, f.median_gap
        FROM customer c LEFT JOIN facts f ON f.cid = c.id
        WHERE c.deleted_at IS NULL AND c.stage_override = ? AND {where_sql}"""
    rows = []
    for cid, stage, exited_at, purchases, first, last, gap in dialect.run(
        sql, [*order_params, False, *params]
    ):
        cycle = value.make_cycle(cid, purchases or 0, first, last, gap, today, default_days)
        rows.append((cid, stage, exited_at is not None, cycle))
    return rows


def _write_stages(changes: list[tuple[int, str, str]], changed_by: str | None) -> None:
    by_stage: dict[str, list[int]] = {}
    for cid, _, new in changes:
        by_stage.setdefault(new, []).append(cid)
    for stage, ids in by_stage.items():
        for start in range(0, len(ids), CHUNK):
            # Derived data: no version bump, so an open edit of the customer does not conflict.
            chunk = ids[start : start + CHUNK]
            Customer.update(stage=stage).where(Customer.id.in_(chunk)).execute()
    value.record_field_changes("stage", changes, changed_by)


def recompute_stage(
    customer_id: int, *, today: date | None = None, changed_by: str | None = None
) -> str:
    """Recompute one customer's stage from their orders; returns the stage they have now.

    A stage set by hand is kept (the customer's stage is returned unchanged).
    """
    today = today or date.today()
    with write_transaction():
        row = Customer.get_or_none(Customer.id == customer_id)
        if row is None:
            raise NotFoundError(text("unknown_customer", value=customer_id))
        if row.stage_override or row.deleted_at is not None:
            return row.stage
        found = _stage_rows(
            "c.id = ?",
            [customer_id],
            "o.customer_id = ?",
            [customer_id],
            today,
            value.default_interval_days(),
        )
        _, old, exited, cycle = found[0]
        new = derive_stage(cycle, today=today, exited=exited)
        if new != old:
            _write_stages([(customer_id, old, new)], changed_by)
    return new


def recompute_stages(
    *,
    today: date | None = None,
    batch_size: int = BATCH,
    changed_by: str | None = None,
    progress: Any = None,
) -> int:
    """Recompute the stage of every live customer without a manual stage, in batches.

    Each batch of customer ids is one query (purchase facts in SQL) and one write
    transaction; only changed customers are written, with one history row each.
    `progress(done, total)` is called after each batch. Returns how many changed.
    """
    today = today or date.today()
    rules = lifecycle_rules()
    default_days = value.default_interval_days()
    low, high = dialect.run("SELECT MIN(id), MAX(id) FROM customer")[0]
    if low is None:
        return 0
    changed = 0
    for start in range(low, high + 1, batch_size):
        end = start + batch_size - 1
        with write_transaction():
            rows = _stage_rows(
                "c.id BETWEEN ? AND ?",
                [start, end],
                "o.customer_id BETWEEN ? AND ?",
                [start, end],
                today,
                default_days,
            )
            changes = []
            for cid, old, exited, cycle in rows:
                new = derive_stage(cycle, today=today, rules=rules, exited=exited)
                if new != old:
                    changes.append((cid, old, new))
            if changes:
                _write_stages(changes, changed_by)
        changed += len(changes)
        if progress is not None:
            progress(min(end, high) - low + 1, high - low + 1)
    return changed


def set_stage(customer_id: int, stage: str, *, changed_by: str | None = None) -> None:
    """Set a customer's stage by hand; it is kept (``stage_override``) until cleared."""
    try:
        stage = clean_choice(stage, DERIVED_STAGES, required=True)
    except FieldError as exc:
        raise ValidationError({"stage": exc.reason}) from exc
    customers.update_customer(
        customer_id, {"stage": stage, "stage_override": True}, changed_by=changed_by
    )


def clear_stage_override(
    customer_id: int, *, today: date | None = None, changed_by: str | None = None
) -> str:
    """Let the rules decide the stage again; returns the recomputed stage."""
    customers.update_customer(customer_id, {"stage_override": False}, changed_by=changed_by)
    return recompute_stage(customer_id, today=today, changed_by=changed_by)


# -------------------------------------------------------------------------------- exits


def _live(customer_id: int) -> Customer:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError(text("unknown_customer", value=customer_id))
    if row.deleted_at is not None:
        raise NotFoundError(text("in_trash", value=row.code))
    return row


def exit_customer(
    customer_id: int,
    reason: str,
    *,
    notes: str | None = None,
    exited_at: datetime | None = None,
    cancel_open_followups: bool = False,
    changed_by: str | None = None,
) -> int:
    """End the relationship on purpose, with a reason from `exit_reasons()` and notes.

    The stage becomes ``exited``; every field lands in the history. Planned follow-ups
    stay open unless `cancel_open_followups` (then they are cancelled in the same
    transaction). Returns how many plans were cancelled.
    """
    errors: dict[str, str] = {}
    try:
        reason = clean_choice(reason, [r.code for r in exit_reasons()], required=True)
    except FieldError as exc:
        errors["exit_reason"] = exc.reason
    try:
        notes = clean_text(notes, max_length=100_000, multiline=True)
    except FieldError as exc:
        errors["exit_notes"] = exc.reason
    if errors:
        raise ValidationError(errors)
    when = exited_at or utcnow()
    with write_transaction():
        row = _live(customer_id)
        Customer.update(
            exited_at=when,
            exit_reason=reason,
            exit_notes=notes,
            stage="exited",
            version=Customer.version + 1,
            updated_at=utcnow(),
        ).where(Customer.id == row.id).execute()
        history.record(
            row.id,
            "update",
            [
                ("stage", row.stage, "exited"),
                ("exit_reason", row.exit_reason, reason),
                ("exit_notes", row.exit_notes, notes),
                ("exited_at", row.exited_at, when),
            ],
            changed_by=changed_by,
        )
        if cancel_open_followups:
            return followups.cancel_open_followups(row.id, changed_by=changed_by)
    return 0


def reinstate_customer(
    customer_id: int, *, today: date | None = None, changed_by: str | None = None
) -> str:
    """Undo an exit (the reason stays in the history); returns the recomputed stage."""
    with write_transaction():
        row = _live(customer_id)
        if row.exited_at is None:
            return row.stage
        Customer.update(
            exited_at=None,
            exit_reason=None,
            exit_notes=None,
            version=Customer.version + 1,
            updated_at=utcnow(),
        ).where(Customer.id == row.id).execute()
        history.record(
            row.id,
            "update",
            [("exit_reason", row.exit_reason, None), ("exited_at", row.exited_at, None)],
            changed_by=changed_by,
        )
        if row.stage_override:
            return row.stage
        return recompute_stage(row.id, today=today, changed_by=changed_by)


def _period_of(month_key: str, period: str) -> str:
    year, month = month_key[:4], int(month_key[5:7])
    if period == "year":
        return year
    if period == "quarter":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return month_key


def _owner_id(owner: str) -> int:
    user = User.get_or_none(User.username == owner)
    if user is None:
        raise ValidationError({"owner": text("unknown_owner", value=owner)})
    return user.id


def _counts(counted: dict[str, int], configured: list[ExitReason]) -> list[ExitReasonCount]:
    total = sum(counted.values())
    labels = {r.code: r.label for r in configured}
    codes = [r.code for r in configured] + sorted(c for c in counted if c not in labels)
    order = {code: i for i, code in enumerate(codes)}
    rows = [
        ExitReasonCount(
            code,
            labels.get(code) or _reason_label(code),
            counted.get(code, 0),
            counted.get(code, 0) / total if total else 0.0,
        )
        for code in codes
    ]
    return sorted(rows, key=lambda r: (-r.count, order[r.code]))


def exit_reason_analysis(
    *,
    start: date | None = None,
    end: date | None = None,
    period: str | None = None,
    owner: str | None = None,
) -> ExitAnalysis:
    """Exits per reason (count and share) in [start, end], and per period when asked.

    `period` is "month", "quarter" or "year" (by the UTC date of the exit); `owner` a
    username. Customers in the trash are left out. A reason no longer in the list still
    shows when customers left for it.
    """
    if period is not None and period not in PERIODS:
        raise ValidationError({"period": text("bad_choice", choices=", ".join(PERIODS))})
    where = "c.exited_at IS NOT NULL AND c.deleted_at IS NULL"
    params: list[Any] = []
    if start is not None:
        where += " AND c.exited_at >= ?"
        params.append(datetime.combine(start, time.min))
    if end is not None:
        where += " AND c.exited_at < ?"
        params.append(datetime.combine(end + timedelta(days=1), time.min))
    if owner is not None:
        where += " AND c.owner_id = ?"
        params.append(_owner_id(owner))
    month = dialect.month("c.exited_at")
    sql = (
        f"SELECT COALESCE(c.exit_reason, 'other'), {month}, COUNT(*) FROM customer c "
        f"WHERE {where} GROUP BY COALESCE(c.exit_reason, 'other'), {month}"
    )
    configured = exit_reasons()
    overall: dict[str, int] = {}
    per_period: dict[str, dict[str, int]] = {}
    for code, month_key, count in dialect.run(sql, params):
        overall[code] = overall.get(code, 0) + count
        if period is not None:
            bucket = per_period.setdefault(_period_of(month_key, period), {})
            bucket[code] = bucket.get(code, 0) + count
    periods = [
        ExitPeriod(key, sum(counts.values()), _counts(counts, configured))
        for key, counts in sorted(per_period.items())
    ]
    return ExitAnalysis(sum(overall.values()), _counts(overall, configured), periods)


# -------------------------------------------------------------------------------- churn


def _fmt(number: float | None) -> str:
    if number is None:
        return "–"
    return f"{number:.1f}".rstrip("0").rstrip(".")


def _reasons(
    cycle: value.PurchaseCycle | None,
    unresolved: int,
    falling: service.FallingSatisfaction | None,
    rules: LifecycleRules,
) -> list[ChurnReason]:
    reasons = []
    if (
        cycle is not None
        and cycle.days_since_last is not None
        and cycle.days_since_last > rules.at_risk_multiple * cycle.interval_days
    ):
        reasons.append(
            ChurnReason(
                "overdue_purchase",
                text(
                    "churn_overdue",
                    days=cycle.days_since_last,
                    interval=round(cycle.interval_days),
                ),
            )
        )
    if unresolved:
        reasons.append(
            ChurnReason("unresolved_complaints", text("churn_complaints", count=unresolved))
        )
    if falling is not None:
        sat_drop = (
            falling.latest_satisfaction is not None
            and falling.previous_satisfaction is not None
            and falling.previous_satisfaction - falling.latest_satisfaction
            >= service.SATISFACTION_DROP
        )
        if sat_drop:
            message = text(
                "churn_satisfaction",
                before=_fmt(falling.previous_satisfaction),
                latest=falling.latest_satisfaction,
            )
        else:
            message = text(
                "churn_nps", before=_fmt(falling.previous_nps), latest=falling.latest_nps
            )
        reasons.append(ChurnReason("falling_satisfaction", message))
    return reasons


def churn_reasons(customer_id: int, *, today: date | None = None) -> list[ChurnReason]:
    """Why this customer may be about to leave (empty: no warning)."""
    today = today or date.today()
    row = _live(customer_id)
    if row.exited_at is not None:
        return []
    cycle = value.purchase_cycle(customer_id, today=today)
    unresolved = service.unresolved_complaint_counts([customer_id]).get(customer_id, 0)
    falling = service.falling_satisfaction([customer_id]).get(customer_id)
    return _reasons(cycle, unresolved, falling, lifecycle_rules())


def _overdue_ids(
    today: date, rules: LifecycleRules, owner_id: int | None, include_lost: bool
) -> dict[int, value.PurchaseCycle]:
    """Customers whose last purchase is overdue, found in SQL, with their cycles."""
    default = value.default_interval_days()
    interval = value.interval_sql(default)
    since = f"({dialect.day_number('?')} - {dialect.day_number('f.last_day')})"
    where = f"c.deleted_at IS NULL AND c.exited_at IS NULL AND {since} > ? * {interval}"
    params: list[Any] = [today, rules.at_risk_multiple]
    if not include_lost:
        where += f" AND NOT ({since} > ? * {interval} AND {since} > ?)"
        params += [today, rules.lost_multiple, today, rules.lost_min_days]
    if owner_id is not None:
        where += " AND c.owner_id = ?"
        params.append(owner_id)
    sql = f"""
        WITH {value.facts_cte()}
        SELECT f.cid, f.purchases, f.first_day, f.last_day, f.median_gap
        FROM facts f JOIN customer c ON c.id = f.cid WHERE {where}"""
    return {
        row[0]: value.make_cycle(*row, today=today, default_days=default)
        for row in dialect.run(sql, params)
    }


def retention_list(
    *,
    today: date | None = None,
    owner: str | None = None,
    limit: int | None = None,
    include_lost: bool = False,
) -> list[RetentionRow]:
    """Customers at risk of leaving, with the reasons (see the module docstring).

    Exited customers and those in the trash are left out, and so are lost ones (by the
    stage rules) unless `include_lost`. Sorted by grade (A first), then by how many
    reasons, then by how long the purchase is overdue. `owner` is a username.
    """
    today = today or date.today()
    rules = lifecycle_rules()
    owner_id = _owner_id(owner) if owner is not None else None
    cycles = _overdue_ids(today, rules, owner_id, include_lost)
    unresolved = service.unresolved_complaint_counts()
    falling = service.falling_satisfaction()
    candidates = set(cycles) | set(unresolved) | set(falling)
    info = _customer_info(candidates, owner_id)
    missing = [cid for cid in info if cid not in cycles]
    cycles.update(value.purchase_cycles(missing, today=today))
    rows = []
    for cid, (code, name, username, stage, grade, override, next_at) in info.items():
        cycle = cycles[cid]
        if (
            not include_lost
            and not override
            and derive_stage(cycle, today=today, rules=rules) == "lost"
        ):
            continue
        reasons = _reasons(cycle, unresolved.get(cid, 0), falling.get(cid), rules)
        if not reasons:
            continue
        rows.append(
            RetentionRow(
                cid,
                code,
                name,
                username,
                stage,
                grade,
                cycle.last_purchase,
                cycle.days_since_last,
                cycle.interval_days if cycle.purchases else None,
                unresolved.get(cid, 0),
                reasons,
                _as_datetime(next_at),
            )
        )

    def urgency(row: RetentionRow) -> tuple:
        overdue = (row.days_since_last or 0) / (row.interval_days or 1)
        return (GRADE_ORDER.get(row.grade, 3), -len(row.reasons), -overdue, row.customer_id)

    rows.sort(key=urgency)
    return rows[:limit] if limit is not None else rows


def _as_datetime(raw: Any) -> datetime | None:
    """A timestamp column from raw SQL (ISO text on SQLite) as a naive datetime."""
    if raw is None or isinstance(raw, datetime):
        return raw
    return datetime.fromisoformat(str(raw))


def _customer_info(ids: Iterable[int], owner_id: int | None) -> dict[int, tuple]:
    """code, name, owner username, stage, grade, stage_override, next follow-up of live,
    non-exited ids."""
    ids = sorted(ids)
    result: dict[int, tuple] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        where = (
            f"c.id IN ({', '.join('?' for _ in chunk)}) AND c.deleted_at IS NULL "
            "AND c.exited_at IS NULL"
        )
        params: list[Any] = list(chunk)
        if owner_id is not None:
            where += " AND c.owner_id = ?"
            params.append(owner_id)
        sql = (
            "SELECT c.id, c.code, c.name, u.username, c.stage, c.grade, c.stage_override, "
            "c.next_followup_at "
            f'FROM customer c LEFT JOIN "user" u ON u.id = c.owner_id WHERE {where}'
        )
        for cid, *rest in dialect.run(sql, params):
            result[cid] = tuple(rest)
    return result


def plan_retention_followup(
    customer_id: int,
    *,
    due: datetime | date | None = None,
    channel: str = "phone",
    owner: str | None = None,
    today: date | None = None,
    changed_by: str | None = None,
) -> followups.FollowUpItem:
    """Plan a win-back follow-up (default: tomorrow) whose subject names the main reason.

    All the churn reasons go into the plan's notes.
    """
    today = today or date.today()
    reasons = churn_reasons(customer_id, today=today)
    if reasons:
        subject = text("retention_subject", reason=reasons[0].text)
    else:
        subject = text("retention_subject_plain")
    return followups.plan_followup(
        customer_id,
        due or today + timedelta(days=1),
        subject=subject[: followups.SUBJECT_MAX],
        channel=channel,
        owner=owner,
        content="\n".join(r.text for r in reasons) or None,
        changed_by=changed_by,
    )
