"""The few sentences the domain must phrase itself, in English and Simplified Chinese.

The UI translates its own strings with Qt; validation reasons and other domain messages
come from this table so the CLI (no Qt) and the GUI say the same thing.
"""

from __future__ import annotations

LANGUAGES = ("en", "zh_CN")
_language = "en"

MESSAGES: dict[str, dict[str, str]] = {
    "required": {"en": "is required", "zh_CN": "不能为空"},
    "too_long": {"en": "is longer than {max} characters", "zh_CN": "超过 {max} 个字符"},
    "bad_choice": {"en": "must be one of: {choices}", "zh_CN": "须为以下之一：{choices}"},
    "bad_phone": {
        "en": "“{value}” is not a valid phone number",
        "zh_CN": "“{value}”不是有效的电话号码",
    },
    "bad_email": {
        "en": "“{value}” is not a valid email address",
        "zh_CN": "“{value}”不是有效的邮箱地址",
    },
    "bad_date": {"en": "“{value}” is not a real date", "zh_CN": "“{value}”不是有效的日期"},
    "future_date": {"en": "cannot be in the future", "zh_CN": "不能晚于今天"},
    "bad_range": {"en": "must be between {low} and {high}", "zh_CN": "须在 {low} 到 {high} 之间"},
    "bad_number": {"en": "“{value}” is not a number", "zh_CN": "“{value}”不是数字"},
    "bad_lunar": {"en": "is not a lunar month and day", "zh_CN": "不是有效的农历月日"},
    "unknown_owner": {"en": "no user named “{value}”", "zh_CN": "没有名为“{value}”的用户"},
    "unknown_customer": {"en": "no customer {value}", "zh_CN": "没有客户 {value}"},
    "self_relation": {
        "en": "a customer cannot be related to itself",
        "zh_CN": "客户不能与自己建立关系",
    },
    "duplicate_code": {"en": "code {value} is already used", "zh_CN": "编号 {value} 已被使用"},
    "stale": {
        "en": "{name} was changed by someone else since you opened it",
        "zh_CN": "{name} 在您打开后已被他人修改",
    },
    "in_trash": {"en": "customer {value} is in the trash", "zh_CN": "客户 {value} 在回收站中"},
    "not_in_trash": {
        "en": "customer {value} is not in the trash",
        "zh_CN": "客户 {value} 不在回收站中",
    },
    "unknown_followup": {"en": "no follow-up {value}", "zh_CN": "没有跟进记录 {value}"},
    "no_such_file": {"en": "there is no file “{value}”", "zh_CN": "文件“{value}”不存在"},
    "unknown_segment": {
        "en": "no saved segment named “{value}”",
        "zh_CN": "没有名为“{value}”的客户分组",
    },
    "duplicate_username": {
        "en": "user name “{value}” is already taken",
        "zh_CN": "用户名“{value}”已被使用",
    },
    "not_planned": {
        "en": "follow-up {value} is not a planned one",
        "zh_CN": "跟进 {value} 不是计划中的跟进",
    },
    # follow-ups (domain/followups.py)
    "unknown_contact": {
        "en": "no contact person {value} at this customer",
        "zh_CN": "该客户没有联系人 {value}",
    },
    "default_followup_subject": {"en": "Follow up", "zh_CN": "跟进"},
    # orders, service, lifecycle, value, care (domain/orders.py … care.py)
    "not_editable": {"en": "cannot be changed here", "zh_CN": "不能在此修改"},
    "negative_amount": {"en": "cannot be negative", "zh_CN": "不能为负数"},
    "must_be_positive": {"en": "must be greater than zero", "zh_CN": "必须大于零"},
    "unknown_order": {"en": "no order {value}", "zh_CN": "没有订单 {value}"},
    "unknown_payment": {"en": "no payment {value}", "zh_CN": "没有收款记录 {value}"},
    "unknown_shipment": {"en": "no shipment {value}", "zh_CN": "没有发货记录 {value}"},
    "duplicate_order_no": {
        "en": "order number {value} is already used",
        "zh_CN": "订单号 {value} 已被使用",
    },
    "due_before_order": {
        "en": "cannot be before the order date",
        "zh_CN": "不能早于下单日期",
    },
    "amount_below_paid": {
        "en": "cannot be less than the {paid} already paid",
        "zh_CN": "不能少于已收的 {paid}",
    },
    "order_has_payments": {
        "en": "an order with payments cannot be cancelled; correct the payments first",
        "zh_CN": "已有收款的订单不能取消，请先更正收款记录",
    },
    "order_cancelled": {"en": "the order is cancelled", "zh_CN": "该订单已取消"},
    "shipped_before_order": {
        "en": "cannot be before the order date",
        "zh_CN": "不能早于下单日期",
    },
    "ships_more_than_ordered": {
        "en": "shipments would exceed the {value} ordered",
        "zh_CN": "发货数量将超过订购的 {value}",
    },
    "paid_before_order": {"en": "cannot be before the order date", "zh_CN": "不能早于下单日期"},
    "overpayment": {
        "en": "is more than the {owed} still owed on the order",
        "zh_CN": "超过该订单尚欠的 {owed}",
    },
    "credit_limit_exceeded": {
        "en": "This order takes the customer's balance to {total}, {over} over the "
        "credit limit of {limit}.",
        "zh_CN": "此订单使客户欠款达到 {total}，超出信用额度 {limit} 共 {over}。",
    },
    "unknown_complaint": {"en": "no complaint {value}", "zh_CN": "没有投诉 {value}"},
    "unknown_survey": {"en": "no survey {value}", "zh_CN": "没有满意度调查 {value}"},
    "bad_transition": {
        "en": "a complaint cannot go from {old} to {new}",
        "zh_CN": "投诉不能从 {old} 变为 {new}",
    },
    "survey_needs_score": {
        "en": "give a satisfaction score or an NPS score",
        "zh_CN": "请填写满意度或推荐值",
    },
    "exit_reason_price": {"en": "Price", "zh_CN": "价格"},
    "exit_reason_competitor": {"en": "Went to a competitor", "zh_CN": "转向竞争对手"},
    "exit_reason_service": {"en": "Service", "zh_CN": "服务"},
    "exit_reason_no_longer_needed": {"en": "No longer needed", "zh_CN": "不再需要"},
    "exit_reason_moved": {"en": "Moved away", "zh_CN": "迁离"},
    "exit_reason_business_closed": {"en": "Business closed", "zh_CN": "停业"},
    "exit_reason_other": {"en": "Other", "zh_CN": "其他"},
    "churn_overdue": {
        "en": "no purchase for {days} days (usually every {interval} days)",
        "zh_CN": "已 {days} 天未购买（通常每 {interval} 天一次）",
    },
    "churn_complaints": {
        "en": "unresolved complaints: {count}",
        "zh_CN": "未解决的投诉：{count} 个",
    },
    "churn_satisfaction": {
        "en": "satisfaction fell from {before} to {latest}",
        "zh_CN": "满意度从 {before} 降到 {latest}",
    },
    "churn_nps": {
        "en": "NPS score fell from {before} to {latest}",
        "zh_CN": "推荐值从 {before} 降到 {latest}",
    },
    "retention_subject": {"en": "Win back: {reason}", "zh_CN": "客户挽留：{reason}"},
    "retention_subject_plain": {"en": "Retention call", "zh_CN": "客户挽留回访"},
    "care_subject": {"en": "Greetings sent", "zh_CN": "客户关怀问候"},
    "bad_template": {
        "en": "has an unmatched brace {{ or }}",
        "zh_CN": "含有不配对的花括号 {{ 或 }}",
    },
    "unknown_placeholder": {
        "en": "unknown placeholder {{{value}}}; use one of: {choices}",
        "zh_CN": "未知的占位符 {{{value}}}，可用：{choices}",
    },
    "holiday_new_year": {"en": "New Year's Day", "zh_CN": "元旦"},
    "holiday_womens_day": {"en": "Women's Day", "zh_CN": "妇女节"},
    "holiday_labour_day": {"en": "Labour Day", "zh_CN": "劳动节"},
    "holiday_childrens_day": {"en": "Children's Day", "zh_CN": "儿童节"},
    "holiday_teachers_day": {"en": "Teachers' Day", "zh_CN": "教师节"},
    "holiday_national_day": {"en": "National Day", "zh_CN": "国庆节"},
    "holiday_christmas": {"en": "Christmas", "zh_CN": "圣诞节"},
    "holiday_spring_festival": {"en": "Spring Festival", "zh_CN": "春节"},
    "holiday_new_years_eve": {"en": "Chinese New Year's Eve", "zh_CN": "除夕"},
    "holiday_lantern_festival": {"en": "Lantern Festival", "zh_CN": "元宵节"},
    "holiday_dragon_boat": {"en": "Dragon Boat Festival", "zh_CN": "端午节"},
    "holiday_qixi": {"en": "Qixi Festival", "zh_CN": "七夕"},
    "holiday_mid_autumn": {"en": "Mid-Autumn Festival", "zh_CN": "中秋节"},
    "holiday_double_ninth": {"en": "Double Ninth Festival", "zh_CN": "重阳节"},
    "greeting_birthday": {
        "en": "Dear {title} {name},\n\nHappy birthday! Wishing you good health and every "
        "success in the year ahead.\n\nWarm regards",
        "zh_CN": "尊敬的{name}{title}：\n\n祝您生日快乐，身体健康，万事如意！",
    },
    "greeting_holiday": {
        "en": "Dear {title} {name},\n\nWarm wishes for {holiday} to you and your family, "
        "and thank you for your trust.\n\nWarm regards",
        "zh_CN": "尊敬的{name}{title}：\n\n值此{holiday}之际，谨向您和家人致以诚挚的问候，"
        "感谢您一直以来的信任与支持！",
    },
    "greeting_anniversary": {
        "en": "Dear {title} {name},\n\nToday it is {years} years since your first order "
        "with us. Thank you for your trust!\n\nWarm regards",
        "zh_CN": "尊敬的{name}{title}：\n\n今天是我们合作 {years} 周年的日子，"
        "感谢您一直以来的信任与支持！",
    },
}


def set_language(language: str) -> None:
    """Choose the language of domain messages ("en" or "zh_CN"; "zh…" means Chinese)."""
    global _language
    _language = "zh_CN" if language.lower().startswith("zh") else "en"


def language() -> str:
    return _language


def text(key: str, **params: object) -> str:
    """The message `key` in the current language, with `params` filled in."""
    entry = MESSAGES[key]
    return entry.get(_language, entry["en"]).format(**params)
