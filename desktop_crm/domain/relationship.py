"""The five relationship levels (M5): what each means, how to work with it, how often to call.

A customer's relationship level (after Kotler) says how closely we work with them, from
*Basic* (sell and leave) to *Partnership* (plan and share risks together). Each level
comes with its characteristics, a strategy checklist and a default follow-up cadence;
the cadence is configurable per database (Setting ``relationship_cadence``) and proposes
the next follow-up date. A level can also be *suggested* from the customer's behaviour;
the suggestion is advice only, the user sets the level.

All texts here are our own wording, in English and Simplified Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from peewee import fn

from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import Customer, FollowUp, Order, StrategyStep, User
from desktop_crm.domain import customers, messages, settings
from desktop_crm.domain.messages import text
from desktop_crm.errors import NotFoundError, ValidationError

LEVEL_NUMBERS = (1, 2, 3, 4, 5)
LEVEL_KEYS = {1: "basic", 2: "passive", 3: "responsible", 4: "proactive", 5: "partnership"}
DEFAULT_CADENCE_DAYS = {1: 180, 2: 90, 3: 30, 4: 14, 5: 7}
NO_LEVEL_CADENCE_DAYS = 30  # customers without a level yet
CADENCE_SETTING = "relationship_cadence"  # {"1": 180, …, "default": 30}
_NO_LEVEL_KEY = "default"
MAX_CADENCE_DAYS = 3650

# Thresholds of the suggestion rules (see `suggest_level`).
WINDOW_DAYS = 365
PARTNER_PERCENTILE = 0.95  # top 5 % of buying customers by trailing-12-month revenue
PARTNER_MIN_CONTACTS = 12  # about monthly
PARTNER_SHARE_RANGE = (0.25, 0.75)  # both sides start contacts
PARTNER_MIN_TENURE_DAYS = 365
PROACTIVE_PERCENTILE = 0.80  # top 20 %
PROACTIVE_MIN_CONTACTS = 6  # about every two months
AFTER_SALE_DAYS = 30  # a call of ours within this many days after an order
PASSIVE_MIN_SHARE = 0.5  # the customer starts at least half of the contacts


@dataclass(frozen=True)
class Level:
    """One relationship level, its texts in one language."""

    number: int
    key: str
    name: str
    characteristics: str
    strategies: tuple[str, ...]
    default_cadence_days: int


@dataclass(frozen=True)
class LevelSuggestion:
    """A level suggested from behaviour, why (a sentence), and the facts it rests on."""

    level: int
    reason: str
    facts: dict[str, Any]


# Our own summary of each level, in both languages.
_TEXTS: dict[int, dict[str, dict[str, Any]]] = {
    1: {
        "en": {
            "name": "Basic",
            "characteristics": (
                "The customer wants the product and nothing more; once the sale is made "
                "there is little contact either way."
            ),
            "strategies": (
                "Deliver a dependable product, on time, every time",
                "Give the customer one simple, fixed way to reach us",
                "Check satisfaction now and then",
            ),
        },
        "zh_CN": {
            "name": "基本型",
            "characteristics": "客户只要产品本身；成交之后双方几乎不再往来。",
            "strategies": (
                "保证产品可靠、每次都按时交付",
                "给客户一个简单、固定的联系渠道",
                "偶尔做一次满意度回访",
            ),
        },
    },
    2: {
        "en": {
            "name": "Passive",
            "characteristics": (
                "We make the sale and ask the customer to call us if anything goes wrong; "
                "they get in touch only when they have to."
            ),
            "strategies": (
                "Send useful information: product news, tips, notices",
                "Make support easy to find and quick to answer",
                "Log every request the customer raises and see it through",
            ),
        },
        "zh_CN": {
            "name": "被动型",
            "characteristics": "成交时请客户有问题随时来电；客户只在不得不联系时才找我们。",
            "strategies": (
                "主动推送有用的信息：产品动态、使用技巧、通知",
                "让售后支持好找、回复及时",
                "记录客户提出的每个请求并跟进到底",
            ),
        },
    },
    3: {
        "en": {
            "name": "Responsible",
            "characteristics": (
                "Shortly after each sale we call to ask whether it met expectations and "
                "collect suggestions; these customers compare offers before they buy."
            ),
            "strategies": (
                "Give detailed product and price information before they decide",
                "Call back soon after each sale to check it met expectations",
                "Provide strong pre-sales and after-sales service",
                "Review the cooperation together at regular intervals",
            ),
        },
        "zh_CN": {
            "name": "负责型",
            "characteristics": (
                "每次成交后不久，我们主动询问是否达到预期并收集建议；这类客户购买前会比较多家。"
            ),
            "strategies": (
                "在客户决定前提供详细的产品和价格资料",
                "每次成交后及时回访，确认是否满足预期",
                "做好售前和售后服务",
                "定期与客户一起回顾合作情况",
            ),
        },
    },
    4: {
        "en": {
            "name": "Proactive",
            "characteristics": (
                "We stay in touch on our own initiative, bring new offers and involve the "
                "customer in improving our products and service."
            ),
            "strategies": (
                "Assign a dedicated person or small team",
                "Keep in close, regular touch and present new offers first",
                "Hold regular meetings and follow each project through",
                "Ask for their input when improving products and service",
            ),
        },
        "zh_CN": {
            "name": "能动型",
            "characteristics": "我们主动保持联系、介绍新方案，并邀请客户参与产品和服务的改进。",
            "strategies": (
                "安排专人或专门小组负责",
                "保持密切、定期的沟通，新方案优先告知",
                "定期会面，逐个项目跟进",
                "改进产品和服务时征求客户意见",
            ),
        },
    },
    5: {
        "en": {
            "name": "Partnership",
            "characteristics": (
                "A strategic partner: we create new things together and share the risks "
                "and the rewards."
            ),
            "strategies": (
                "Make long-term plans together",
                "Build trust through a fixed, regular channel of communication",
                "Respond to market changes jointly and quickly",
                "Share information, risks and results openly",
            ),
        },
        "zh_CN": {
            "name": "伙伴型",
            "characteristics": "战略合作伙伴：双方共同创新，风险共担、收益共享。",
            "strategies": (
                "共同制定长期合作规划",
                "建立固定、定期的沟通机制，增进互信",
                "共同快速应对市场变化",
                "公开分享信息、风险与成果",
            ),
        },
    },
}

# Why a level is suggested: one clause per level, and the sentence naming the facts.
_REASON_TEXTS: dict[str, dict[str, str]] = {
    "clause_5": {
        "en": "in the top {pct} % of buying customers by revenue, with frequent contact "
        "started by both sides for over a year",
        "zh_CN": "营收居购买客户前 {pct} %，一年以上双方互动频繁",
    },
    "clause_4": {
        "en": "in the top {pct} % of buying customers by revenue, with frequent contact",
        "zh_CN": "营收居购买客户前 {pct} %，联系频繁",
    },
    "clause_3": {
        "en": "buys from us and we called back after a sale",
        "zh_CN": "有购买，且我们在售后做了回访",
    },
    "clause_2": {
        "en": "gets in touch mostly when they need something",
        "zh_CN": "多在有需要时才主动联系我们",
    },
    "clause_1": {
        "en": "little contact with us beyond buying",
        "zh_CN": "除购买外与我们往来很少",
    },
    "sentence": {
        "en": "{name} suggested: {clause}. Last 12 months: contacts {contacts}, started by "
        "the customer {share} %, after-sale calls {after_sale}, revenue {revenue}; "
        "customer for {tenure}.",
        "zh_CN": "建议：{name}（{clause}）。近 12 个月：联系 {contacts} 次，其中客户主动 "
        "{share} %，售后回访 {after_sale} 次，营收 {revenue}；合作 {tenure}。",
    },
    "revenue_rank": {
        "en": "{amount} (rank {rank} of {buyers} buying customers)",
        "zh_CN": "{amount}（在 {buyers} 个购买客户中排第 {rank}）",
    },
    "no_revenue": {"en": "none", "zh_CN": "无"},
    "days": {"en": "{n} days", "zh_CN": "{n} 天"},
    "one_day": {"en": "1 day", "zh_CN": "1 天"},
    "months": {"en": "{n} months", "zh_CN": "{n} 个月"},
    "years": {"en": "{n} years", "zh_CN": "{n} 年"},
}


def _lang(language: str | None) -> str:
    chosen = language or messages.language()
    return "zh_CN" if chosen.lower().startswith("zh") else "en"


def _reason_text(key: str, language: str, **params: object) -> str:
    return _REASON_TEXTS[key][language].format(**params)


def _check_level(number: object, field: str = "level") -> int:
    if not isinstance(number, int) or isinstance(number, bool) or number not in LEVEL_NUMBERS:
        raise ValidationError({field: text("bad_range", low=1, high=5)})
    return number


def level(number: int, language: str | None = None) -> Level:
    """Level `number` (1–5) with its texts in `language` (default: the domain language)."""
    number = _check_level(number)
    texts = _TEXTS[number][_lang(language)]
    return Level(
        number=number,
        key=LEVEL_KEYS[number],
        name=texts["name"],
        characteristics=texts["characteristics"],
        strategies=tuple(texts["strategies"]),
        default_cadence_days=DEFAULT_CADENCE_DAYS[number],
    )


def levels(language: str | None = None) -> list[Level]:
    """All five levels, Basic (1) to Partnership (5), in `language` (default: current)."""
    return [level(n, language) for n in LEVEL_NUMBERS]


# ----------------------------------------------------------------------------- cadence


def _cadence_overrides() -> dict[str, Any]:
    value = settings.stored(CADENCE_SETTING)
    return dict(value) if isinstance(value, dict) else {}


def cadence_days(level: int | None) -> int:
    """Days between follow-ups for a customer at `level` (None: no level set).

    Defaults: 180/90/30/14/7 days for levels 1–5 and 30 for customers without a level;
    the Setting ``relationship_cadence`` (e.g. ``{"3": 21}``) overrides any of them.
    """
    key = _NO_LEVEL_KEY if level is None else str(_check_level(level))
    default = NO_LEVEL_CADENCE_DAYS if level is None else DEFAULT_CADENCE_DAYS[level]
    override = _cadence_overrides().get(key)
    try:
        days = int(override) if override is not None else default
    except (TypeError, ValueError):
        return default
    return days if 1 <= days <= MAX_CADENCE_DAYS else default


def set_cadence(level: int | None, days: int) -> None:
    """Change the follow-up cadence of `level` (None: customers without a level)."""
    key = _NO_LEVEL_KEY if level is None else str(_check_level(level))
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_CADENCE_DAYS:
        raise ValidationError({"days": text("bad_range", low=1, high=MAX_CADENCE_DAYS)})
    with write_transaction():
        overrides = _cadence_overrides()
        overrides[key] = days
        settings.store(CADENCE_SETTING, overrides)


# ------------------------------------------------------------------ customers and levels


def set_level(customer_id: int, level: int | None, *, changed_by: str | None = None) -> None:
    """Set (or clear, with None) a customer's level; the change lands in the history."""
    if level is not None:
        _check_level(level, "relationship_level")
    customers.update_customer(customer_id, {"relationship_level": level}, changed_by=changed_by)


def strategy_steps_done(customer_id: int, level: int) -> set[int]:
    """Positions of the steps of `level`'s strategy already ticked off for the customer."""
    query = StrategyStep.select(StrategyStep.step).where(
        (StrategyStep.customer == customer_id) & (StrategyStep.level == level)
    )
    return {step for (step,) in query.tuples()}


def mark_strategy_step(
    customer_id: int, level: int, step: int, done: bool, *, changed_by: str | None = None
) -> None:
    """Tick (or untick) step `step` of `level`'s strategy for the customer."""
    steps = len(_TEXTS[_check_level(level, "relationship_level")]["en"]["strategies"])
    if not 0 <= step < steps:
        raise ValidationError({"step": text("bad_range", low=1, high=steps)})
    with write_transaction():
        if Customer.get_or_none(Customer.id == customer_id) is None:
            raise NotFoundError(text("unknown_customer", value=customer_id))
        where = (
            (StrategyStep.customer == customer_id)
            & (StrategyStep.level == level)
            & (StrategyStep.step == step)
        )
        if not done:
            StrategyStep.delete().where(where).execute()
        elif not StrategyStep.select().where(where).exists():
            StrategyStep.create(customer=customer_id, level=level, step=step, done_by=changed_by)


def _owner_id(owner: str) -> int:
    user = User.get_or_none(User.username == owner)
    if user is None:
        raise ValidationError({"owner": text("unknown_owner", value=owner)})
    return user.id


def level_distribution(*, owner: str | None = None) -> dict[int | None, int]:
    """How many live customers (not in the trash) are at each level; None = not set.

    Every level appears, with 0 when no customer has it. `owner` is a username.
    """
    result: dict[int | None, int] = {n: 0 for n in LEVEL_NUMBERS}
    result[None] = 0
    condition = Customer.deleted_at.is_null()
    if owner is not None:
        condition &= Customer.owner == _owner_id(owner)
    query = (
        Customer.select(Customer.relationship_level, fn.COUNT(Customer.id))
        .where(condition)
        .group_by(Customer.relationship_level)
        .tuples()
    )
    for number, count in query:
        result[number if number in LEVEL_NUMBERS else None] += count
    return result


# ------------------------------------------------------------------------- suggestion


def _counted_orders(start: date, end: date) -> Any:
    """Orders that count as revenue in (start, end]: not deleted, not cancelled."""
    return (
        (Order.order_date > start)
        & (Order.order_date <= end)
        & Order.deleted_at.is_null()
        & (Order.status != "cancelled")
    )


def _revenue_facts(customer_id: int, start: date, end: date) -> dict[str, Any]:
    window = _counted_orders(start, end)
    mine = Order.select(fn.SUM(Order.amount)).where(window & (Order.customer == customer_id))
    revenue = Decimal(str(mine.scalar() or 0))
    orders = Order.select().where(window & (Order.customer == customer_id)).count()
    facts: dict[str, Any] = {
        "orders_12m": orders,
        "revenue_12m": revenue.quantize(Decimal("0.01")),
        "buying_customers": 0,
        "revenue_rank": None,
        "revenue_percentile": None,
    }
    per_customer = (
        Order.select(Order.customer)
        .join(Customer, on=(Order.customer == Customer.id))
        .where(window & Customer.deleted_at.is_null())
        .group_by(Order.customer)
    )
    buyers = per_customer.having(fn.SUM(Order.amount) > 0).count()
    facts["buying_customers"] = buyers
    if revenue > 0:
        below = per_customer.having(
            (fn.SUM(Order.amount) > 0) & (fn.SUM(Order.amount) < mine)
        ).count()
        above = per_customer.having(fn.SUM(Order.amount) > mine).count()
        facts["revenue_rank"] = above + 1
        # Share of the *other* buying customers with less revenue; a lone buyer is the top.
        facts["revenue_percentile"] = below / (buyers - 1) if buyers > 1 else 1.0
    return facts


def _contact_facts(customer_id: int, start: date, end: date, order_dates: list[date]) -> dict:
    since = datetime.combine(start, time.min)
    until = datetime.combine(end + timedelta(days=1), time.min)
    contacts = list(
        FollowUp.select(FollowUp.occurred_at, FollowUp.initiated_by)
        .where(
            (FollowUp.customer == customer_id)
            & (FollowUp.status == "done")
            & FollowUp.deleted_at.is_null()
            & (FollowUp.occurred_at >= since)
            & (FollowUp.occurred_at < until)
        )
        .tuples()
    )
    by_customer = sum(1 for _, who in contacts if who == "customer")
    after_sale = sum(
        1
        for occurred, who in contacts
        if who == "us"
        and any(0 <= (occurred.date() - d).days <= AFTER_SALE_DAYS for d in order_dates)
    )
    return {
        "contacts_12m": len(contacts),
        "customer_initiated_12m": by_customer,
        "customer_share": by_customer / len(contacts) if contacts else 0.0,
        "after_sale_calls": after_sale,
    }


def _tenure_days(row: Customer, today: date) -> int:
    """Days since we first had to do with the customer (record, first order or contact)."""
    starts = [row.created_at.date()]
    if row.first_purchase_on:
        starts.append(row.first_purchase_on)
    first_order = (
        Order.select(fn.MIN(Order.order_date))
        .where(
            (Order.customer == row.id) & Order.deleted_at.is_null() & (Order.status != "cancelled")
        )
        .scalar()
    )
    if first_order:
        starts.append(first_order)
    first_contact = (
        FollowUp.select(fn.MIN(FollowUp.occurred_at))
        .where(
            (FollowUp.customer == row.id)
            & (FollowUp.status == "done")
            & FollowUp.deleted_at.is_null()
        )
        .scalar()
    )
    if first_contact:
        is_time = isinstance(first_contact, datetime)
        starts.append(first_contact.date() if is_time else first_contact)
    return max(0, (today - min(starts)).days)


def _pick_level(f: dict[str, Any]) -> int:
    percentile = f["revenue_percentile"]
    low, high = PARTNER_SHARE_RANGE
    if (
        percentile is not None
        and percentile >= PARTNER_PERCENTILE
        and f["contacts_12m"] >= PARTNER_MIN_CONTACTS
        and low <= f["customer_share"] <= high
        and f["tenure_days"] >= PARTNER_MIN_TENURE_DAYS
    ):
        return 5
    if (
        percentile is not None
        and percentile >= PROACTIVE_PERCENTILE
        and f["contacts_12m"] >= PROACTIVE_MIN_CONTACTS
    ):
        return 4
    if f["orders_12m"] >= 1 and f["after_sale_calls"] >= 1:
        return 3
    if f["contacts_12m"] >= 1 and f["customer_share"] >= PASSIVE_MIN_SHARE:
        return 2
    return 1


def _reason(number: int, f: dict[str, Any], language: str) -> str:
    pct = {5: round((1 - PARTNER_PERCENTILE) * 100), 4: round((1 - PROACTIVE_PERCENTILE) * 100)}
    clause = _reason_text(f"clause_{number}", language, pct=pct.get(number, ""))
    if f["revenue_percentile"] is None:
        revenue = _reason_text("no_revenue", language)
    else:
        revenue = _reason_text(
            "revenue_rank",
            language,
            amount=f"{f['revenue_12m']:,.2f}",
            rank=f["revenue_rank"],
            buyers=f["buying_customers"],
        )
    return _reason_text(
        "sentence",
        language,
        name=level(number, language).name,
        clause=clause,
        contacts=f["contacts_12m"],
        share=round(f["customer_share"] * 100),
        after_sale=f["after_sale_calls"],
        revenue=revenue,
        tenure=_tenure_text(f["tenure_days"], language),
    )


def _tenure_text(days: int, language: str) -> str:
    if days == 1:
        return _reason_text("one_day", language)
    if days < 60:
        return _reason_text("days", language, n=days)
    if days < 730:
        return _reason_text("months", language, n=days * 12 // 365)
    return _reason_text("years", language, n=days // 365)


def suggest_level(customer_id: int, *, today: date | None = None) -> LevelSuggestion:
    """Suggest a relationship level from the customer's behaviour over the last 12 months.

    Facts (all over the 365 days up to and including `today`, default the current date):
    done contacts and how many of them the customer started; orders and revenue (orders
    neither deleted nor cancelled); where that revenue ranks among the buying customers
    not in the trash (``revenue_rank``, 1 = most, and ``revenue_percentile``: the share
    of the other buyers with less revenue, 1.0 for the top or a lone buyer; both None
    without revenue); "after-sale calls" (contacts we
    started within 30 days after one of those orders); and tenure (days since the
    customer's record, first order or first contact, whichever is earliest).

    Rules, the first that fits wins:

    5. Partnership — top 5 % by revenue, at least 12 contacts, between 25 % and 75 % of
       them started by the customer (two-way), and a customer for at least a year.
    4. Proactive — top 20 % by revenue and at least 6 contacts.
    3. Responsible — bought in the period and we called back after a sale.
    2. Passive — contacted, with the customer starting at least half the contacts
       (they get in touch when they need something).
    1. Basic — everything else: little contact, one-off buyers.

    The reason is one sentence in the current domain language naming these facts.
    Raises `NotFoundError` for an unknown customer or one in the trash.
    """
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFoundError(text("unknown_customer", value=customer_id))
    if row.deleted_at is not None:
        raise NotFoundError(text("in_trash", value=row.code))
    today = today or date.today()
    start = today - timedelta(days=WINDOW_DAYS)
    facts = _revenue_facts(customer_id, start, today)
    order_dates = [
        d
        for (d,) in Order.select(Order.order_date)
        .where(_counted_orders(start, today) & (Order.customer == customer_id))
        .tuples()
    ]
    facts.update(_contact_facts(customer_id, start, today, order_dates))
    facts["tenure_days"] = _tenure_days(row, today)
    number = _pick_level(facts)
    return LevelSuggestion(level=number, reason=_reason(number, facts, _lang(None)), facts=facts)
