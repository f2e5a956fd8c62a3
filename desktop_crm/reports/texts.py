"""What printed reports say, in English and Simplified Chinese, and how they write values.

Reports run without Qt's translator (the command line has none loaded), so like
`domain/messages.py` they keep their own small table and follow the domain language
(`messages.language()`). Field and choice names match the wording of the app's own
Chinese translation, so a printed report and the screen use the same words.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

from desktop_crm.domain import messages
from desktop_crm.domain.customers import AddressEntry

STRINGS: dict[str, dict[str, str]] = {
    # report titles
    "client_report": {"en": "Client report", "zh_CN": "客户报告"},
    "list_report": {"en": "Customer list", "zh_CN": "客户列表"},
    "followup_plan": {"en": "Follow-up plan", "zh_CN": "跟进计划"},
    "letters": {"en": "Letters", "zh_CN": "信函"},
    "labels": {"en": "Address labels", "zh_CN": "地址标签"},
    "envelopes": {"en": "Envelopes", "zh_CN": "信封"},
    # running header and footer
    "printed_on": {"en": "Printed {date}", "zh_CN": "打印日期：{date}"},
    "page_of": {"en": "Page {page} of {pages}", "zh_CN": "第 {page} 页，共 {pages} 页"},
    "confidential": {"en": "Confidential", "zh_CN": "内部资料 注意保密"},
    # client report sections
    "profile": {"en": "Profile", "zh_CN": "基本资料"},
    "contacts": {"en": "Contact persons", "zh_CN": "联系人"},
    "addresses": {"en": "Addresses", "zh_CN": "地址"},
    "classification": {"en": "Classification", "zh_CN": "客户分类"},
    "strategy": {"en": "How we work with this customer", "zh_CN": "维护策略"},
    "care": {"en": "Personal care", "zh_CN": "客户关怀"},
    "next_actions": {"en": "Next actions", "zh_CN": "下一步行动"},
    "history": {"en": "Follow-up history", "zh_CN": "跟进记录"},
    "history_some": {"en": "latest {shown} of {total}", "zh_CN": "最近 {shown} 次，共 {total} 次"},
    "account": {"en": "Orders and payments", "zh_CN": "订单与付款"},
    "orders": {"en": "Orders", "zh_CN": "订单"},
    "payments": {"en": "Payments", "zh_CN": "付款记录"},
    "complaints": {"en": "Open complaints", "zh_CN": "未结投诉"},
    "surveys": {"en": "Latest satisfaction surveys", "zh_CN": "近期满意度调查"},
    "relations": {"en": "Related customers", "zh_CN": "关联客户"},
    # account summary
    "total_ordered": {"en": "Total ordered", "zh_CN": "订单总额"},
    "total_paid": {"en": "Total paid", "zh_CN": "已付款"},
    "receivable": {"en": "Receivable", "zh_CN": "应收账款"},
    "order_count": {"en": "Orders", "zh_CN": "订单数"},
    "total": {"en": "Total", "zh_CN": "合计"},
    "excluded_cancelled": {
        "en": "Cancelled orders are listed but not counted.",
        "zh_CN": "已取消的订单列出但不计入金额。",
    },
    # column and field titles
    "date": {"en": "Date", "zh_CN": "日期"},
    "time": {"en": "Time", "zh_CN": "时间"},
    "due": {"en": "Due", "zh_CN": "计划时间"},
    "when": {"en": "When", "zh_CN": "时间"},
    "channel": {"en": "Channel", "zh_CN": "方式"},
    "subject": {"en": "Subject", "zh_CN": "事由"},
    "content": {"en": "Notes", "zh_CN": "内容"},
    "outcome": {"en": "Outcome", "zh_CN": "结果"},
    "with": {"en": "With", "zh_CN": "联系人"},
    "by": {"en": "By", "zh_CN": "经办人"},
    "initiated": {"en": "Started by", "zh_CN": "发起方"},
    "order_no": {"en": "Order no.", "zh_CN": "订单号"},
    "product": {"en": "Product", "zh_CN": "产品"},
    "quantity": {"en": "Qty", "zh_CN": "数量"},
    "amount": {"en": "Amount", "zh_CN": "金额"},
    "paid": {"en": "Paid", "zh_CN": "已付"},
    "method": {"en": "Method", "zh_CN": "付款方式"},
    "reference": {"en": "Reference", "zh_CN": "凭证号"},
    "opened": {"en": "Opened", "zh_CN": "投诉时间"},
    "severity": {"en": "Severity", "zh_CN": "严重程度"},
    "category": {"en": "Category", "zh_CN": "类别"},
    "description": {"en": "Description", "zh_CN": "描述"},
    "respond_by": {"en": "Respond by", "zh_CN": "响应期限"},
    "satisfaction": {"en": "Satisfaction", "zh_CN": "满意度"},
    "nps": {"en": "NPS", "zh_CN": "推荐度"},
    "comments": {"en": "Comments", "zh_CN": "意见"},
    "customer": {"en": "Customer", "zh_CN": "客户"},
    "customer_since": {"en": "Customer since", "zh_CN": "建档日期"},
    "level": {"en": "Relationship level", "zh_CN": "关系等级"},
    "level_value": {"en": "{number} · {name}", "zh_CN": "{number} 级 · {name}"},
    "cadence": {"en": "Follow-up every", "zh_CN": "跟进周期"},
    "days": {"en": "{n} days", "zh_CN": "{n} 天"},
    "primary": {"en": "primary", "zh_CN": "主要联系人"},
    "overdue": {"en": "Overdue", "zh_CN": "已逾期"},
    "overdue_since": {"en": "overdue", "zh_CN": "已逾期"},
    "today": {"en": "Today", "zh_CN": "今天"},
    "no_year": {"en": "year not known", "zh_CN": "年份不详"},
    "lunar_date": {"en": "lunar month {month}, day {day}", "zh_CN": "农历{month}月{day}"},
    "lunar_leap": {"en": " (leap month)", "zh_CN": "（闰月）"},
    "score_of": {"en": "{score} / {best}", "zh_CN": "{score} / {best}"},
    # list report
    "customer_count": {"en": "{n} customers", "zh_CN": "共 {n} 位客户"},
    "one_customer": {"en": "1 customer", "zh_CN": "共 1 位客户"},
    "segment": {"en": "Segment", "zh_CN": "客户分组"},
    "search": {"en": "Search", "zh_CN": "搜索"},
    "all_customers": {"en": "All customers", "zh_CN": "全部客户"},
    "trash": {"en": "Trash", "zh_CN": "回收站"},
    "due_today": {"en": "Follow-up due", "zh_CN": "今日需跟进"},
    "at_least_stars": {"en": "at least {n}", "zh_CN": "{n} 星及以上"},
    "no_customers": {"en": "No customers match.", "zh_CN": "没有符合条件的客户。"},
    # follow-up plan
    "plan_owner": {"en": "Owner: {owner}", "zh_CN": "负责人：{owner}"},
    "plan_everyone": {"en": "All owners", "zh_CN": "全部负责人"},
    "plan_period": {"en": "{start} to {end}", "zh_CN": "{start} 至 {end}"},
    "plan_count": {"en": "{n} follow-ups", "zh_CN": "共 {n} 项跟进"},
    "plan_nothing": {
        "en": "Nothing is planned for this period.",
        "zh_CN": "这段时间没有计划中的跟进。",
    },
    "phone": {"en": "Phone", "zh_CN": "电话"},
    "address": {"en": "Address", "zh_CN": "地址"},
    "done_box": {"en": "Done", "zh_CN": "完成"},
    "result_notes": {"en": "Result", "zh_CN": "结果记录"},
    # mailings
    "to_suffix": {"en": "", "zh_CN": " 收"},
    "dear": {"en": "Dear {name},", "zh_CN": "尊敬的{name}："},
    "default_letter": {
        "en": (
            "Dear {name},\n\n"
            "Thank you for the trust you have placed in us. We would like to keep you "
            "informed about our latest products and services, and we look forward to "
            "continuing our work together.\n\n"
            "If there is anything we can do for you, please do not hesitate to contact us.\n\n"
            "Yours sincerely,\n\n{sender}"
        ),
        "zh_CN": (
            "尊敬的{name}：\n\n"
            "您好！感谢您一直以来对我们的信任与支持。我们将继续为您提供优质的产品和服务，"
            "期待与您进一步合作。\n\n"
            "如有任何需要，欢迎随时与我们联系。\n\n"
            "此致\n敬礼\n\n{sender}\n{date}"
        ),
    },
    # problems
    "cancelled": {
        "en": "the report was cancelled; no file was written",
        "zh_CN": "报表已取消，未写入文件",
    },
    "not_pdf": {
        "en": "{path} does not end in .pdf; reports are written as PDF",
        "zh_CN": "{path} 的扩展名不是 .pdf；报表只能保存为 PDF",
    },
    "is_folder": {
        "en": "{path} is a folder; give a file name",
        "zh_CN": "{path} 是文件夹，请给出文件名",
    },
    "no_folder": {
        "en": "cannot write {path}: the folder {folder} does not exist",
        "zh_CN": "无法写入 {path}：文件夹 {folder} 不存在",
    },
    "cannot_write": {"en": "cannot write {path}: {reason}", "zh_CN": "无法写入 {path}：{reason}"},
    "unknown_column": {
        "en": "unknown column “{value}”; choose from: {choices}",
        "zh_CN": "未知的列“{value}”，可选：{choices}",
    },
    "unknown_sheet": {
        "en": "unknown label sheet “{value}”; choose from: {choices}",
        "zh_CN": "未知的标签纸“{value}”，可选：{choices}",
    },
    "bad_sheet": {
        "en": "the labels do not fit on the page: {reason}",
        "zh_CN": "标签超出纸张范围：{reason}",
    },
    "unknown_placeholder": {
        "en": "the template uses {{{value}}}, which is not one of: {choices}",
        "zh_CN": "模板中的 {{{value}}} 不是可用的占位符：{choices}",
    },
    "unbalanced_brace": {
        "en": "the template has a lone “{brace}”; write {{{{ or }}}} for a brace",
        "zh_CN": "模板中有不成对的“{brace}”；大括号本身请写作 {{{{ 或 }}}}",
    },
    "template_empty": {"en": "the letter template is empty", "zh_CN": "信函模板为空"},
    "no_recipients": {"en": "there are no customers to print", "zh_CN": "没有可打印的客户"},
    "bad_days": {"en": "days must be between 1 and {max}", "zh_CN": "天数须在 1 到 {max} 之间"},
}

FIELDS: dict[str, dict[str, str]] = {
    "code": {"en": "Code", "zh_CN": "编号"},
    "name": {"en": "Name", "zh_CN": "名称"},
    "kind": {"en": "Type", "zh_CN": "类型"},
    "company_name": {"en": "Company", "zh_CN": "公司"},
    "phone": {"en": "Phone", "zh_CN": "电话"},
    "phones": {"en": "Phones", "zh_CN": "电话"},
    "email": {"en": "Email", "zh_CN": "电子邮件"},
    "emails": {"en": "Emails", "zh_CN": "电子邮件"},
    "messengers": {"en": "WeChat / IM", "zh_CN": "微信 / 即时通讯"},
    "tags": {"en": "Tags", "zh_CN": "标签"},
    "province": {"en": "Province", "zh_CN": "省份"},
    "city": {"en": "City", "zh_CN": "城市"},
    "owner": {"en": "Owner", "zh_CN": "负责人"},
    "status": {"en": "Status", "zh_CN": "状态"},
    "stage": {"en": "Lifecycle stage", "zh_CN": "生命周期阶段"},
    "grade": {"en": "Grade", "zh_CN": "客户等级"},
    "stars": {"en": "Stars", "zh_CN": "星级"},
    "relationship_level": {"en": "Level", "zh_CN": "关系等级"},
    "last_contact_at": {"en": "Last contact", "zh_CN": "最近联系"},
    "next_followup_at": {"en": "Next follow-up", "zh_CN": "下次跟进"},
    "created_at": {"en": "Created", "zh_CN": "创建时间"},
    "gender": {"en": "Gender", "zh_CN": "性别"},
    "birthday": {"en": "Birthday", "zh_CN": "生日"},
    "lunar_birthday": {"en": "Lunar birthday", "zh_CN": "农历生日"},
    "title": {"en": "Title", "zh_CN": "职务"},
    "industry": {"en": "Industry", "zh_CN": "行业"},
    "company_size": {"en": "Company size", "zh_CN": "公司规模"},
    "website": {"en": "Website", "zh_CN": "网站"},
    "source": {"en": "Source", "zh_CN": "来源"},
    "referred_by": {"en": "Referred by", "zh_CN": "推荐人"},
    "credit_rating": {"en": "Credit rating", "zh_CN": "信用等级"},
    "credit_limit": {"en": "Credit limit", "zh_CN": "信用额度"},
    "preferences": {"en": "Preferences", "zh_CN": "偏好"},
    "family_notes": {"en": "Family", "zh_CN": "家人"},
    "social_notes": {"en": "Social", "zh_CN": "社交"},
    "notes": {"en": "Notes", "zh_CN": "备注"},
    "department": {"en": "Department", "zh_CN": "部门"},
    "postcode": {"en": "Postcode", "zh_CN": "邮编"},
    "address": {"en": "Address", "zh_CN": "地址"},
}

# Shorter column titles where a list has no room for the full field name.
SHORT_FIELDS: dict[str, dict[str, str]] = {
    "stage": {"en": "Stage", "zh_CN": "阶段"},
    "grade": {"en": "Grade", "zh_CN": "等级"},
    "relationship_level": {"en": "Level", "zh_CN": "关系"},
    "last_contact_at": {"en": "Last contact", "zh_CN": "最近联系"},
    "company_name": {"en": "Company", "zh_CN": "公司"},
}

_OTHER = {"en": "Other", "zh_CN": "其他"}

CHOICES: dict[str, dict[object, dict[str, str]]] = {
    "kind": {
        "individual": {"en": "Individual", "zh_CN": "个人"},
        "enterprise": {"en": "Enterprise", "zh_CN": "企业"},
    },
    "gender": {
        "male": {"en": "Male", "zh_CN": "男"},
        "female": {"en": "Female", "zh_CN": "女"},
        "other": _OTHER,
    },
    "status": {
        "potential": {"en": "Potential", "zh_CN": "潜在客户"},
        "existing": {"en": "Existing", "zh_CN": "现有客户"},
    },
    "stage": {
        "potential": {"en": "Potential", "zh_CN": "潜在客户"},
        "first_purchase": {"en": "First purchase", "zh_CN": "首次购买"},
        "repeat": {"en": "Repeat", "zh_CN": "重复购买"},
        "loyal": {"en": "Loyal", "zh_CN": "忠诚客户"},
        "at_risk": {"en": "At risk", "zh_CN": "有流失风险"},
        "lost": {"en": "Lost", "zh_CN": "已流失"},
        "exited": {"en": "Exited", "zh_CN": "已退出"},
    },
    "source": {
        "referral": {"en": "Referral", "zh_CN": "转介绍"},
        "exhibition": {"en": "Exhibition", "zh_CN": "展会"},
        "website": {"en": "Website", "zh_CN": "网站"},
        "advertising": {"en": "Advertising", "zh_CN": "广告"},
        "cold_call": {"en": "Cold call", "zh_CN": "电话陌拜"},
        "walk_in": {"en": "Walk-in", "zh_CN": "自行上门"},
        "other": _OTHER,
    },
    "relationship_level": {
        1: {"en": "Basic", "zh_CN": "基本型"},
        2: {"en": "Passive", "zh_CN": "被动型"},
        3: {"en": "Responsible", "zh_CN": "负责型"},
        4: {"en": "Proactive", "zh_CN": "能动型"},
        5: {"en": "Partnership", "zh_CN": "伙伴型"},
    },
    "channel": {
        "phone": {"en": "Phone call", "zh_CN": "电话"},
        "visit": {"en": "Visit", "zh_CN": "拜访"},
        "email": {"en": "Email", "zh_CN": "电子邮件"},
        "sms": {"en": "SMS", "zh_CN": "短信"},
        "wechat": {"en": "WeChat", "zh_CN": "微信"},
        "meeting": {"en": "Meeting", "zh_CN": "会面"},
        "other": _OTHER,
    },
    "initiated_by": {
        "us": {"en": "Us", "zh_CN": "我方"},
        "customer": {"en": "Customer", "zh_CN": "客户"},
    },
    "phone_label": {
        "mobile": {"en": "Mobile", "zh_CN": "手机"},
        "work": {"en": "Work", "zh_CN": "工作"},
        "home": {"en": "Home", "zh_CN": "家庭"},
        "fax": {"en": "Fax", "zh_CN": "传真"},
        "other": _OTHER,
    },
    "address_label": {
        "work": {"en": "Work", "zh_CN": "工作"},
        "home": {"en": "Home", "zh_CN": "家庭"},
        "billing": {"en": "Billing", "zh_CN": "账单"},
        "shipping": {"en": "Shipping", "zh_CN": "收货"},
        "other": _OTHER,
    },
    "email_label": {
        "work": {"en": "Work", "zh_CN": "工作"},
        "home": {"en": "Home", "zh_CN": "家庭"},
        "other": _OTHER,
    },
    "messenger_service": {
        "wechat": {"en": "WeChat", "zh_CN": "微信"},
        "qq": {"en": "QQ", "zh_CN": "QQ"},
        "whatsapp": {"en": "WhatsApp", "zh_CN": "WhatsApp"},
        "line": {"en": "LINE", "zh_CN": "LINE"},
        "telegram": {"en": "Telegram", "zh_CN": "Telegram"},
        "skype": {"en": "Skype", "zh_CN": "Skype"},
        "other": _OTHER,
    },
    "relation": {
        "spouse": {"en": "Spouse", "zh_CN": "配偶"},
        "family": {"en": "Family", "zh_CN": "家人"},
        "colleague": {"en": "Colleague", "zh_CN": "同事"},
        "friend": {"en": "Friend", "zh_CN": "朋友"},
        "referred_by": {"en": "Referred by", "zh_CN": "推荐人"},
        "partner": {"en": "Business partner", "zh_CN": "合作伙伴"},
        "other": _OTHER,
    },
    "order_status": {
        "confirmed": {"en": "Confirmed", "zh_CN": "已确认"},
        "shipped": {"en": "Shipped", "zh_CN": "已发货"},
        "completed": {"en": "Completed", "zh_CN": "已完成"},
        "cancelled": {"en": "Cancelled", "zh_CN": "已取消"},
    },
    "payment_method": {
        "bank": {"en": "Bank transfer", "zh_CN": "银行转账"},
        "cash": {"en": "Cash", "zh_CN": "现金"},
        "card": {"en": "Card", "zh_CN": "刷卡"},
        "alipay": {"en": "Alipay", "zh_CN": "支付宝"},
        "wechat": {"en": "WeChat Pay", "zh_CN": "微信支付"},
        "other": _OTHER,
    },
    "severity": {
        "low": {"en": "Low", "zh_CN": "低"},
        "medium": {"en": "Medium", "zh_CN": "中"},
        "high": {"en": "High", "zh_CN": "高"},
        "critical": {"en": "Critical", "zh_CN": "紧急"},
    },
    "complaint_status": {
        "open": {"en": "Open", "zh_CN": "待处理"},
        "in_progress": {"en": "In progress", "zh_CN": "处理中"},
        "resolved": {"en": "Resolved", "zh_CN": "已解决"},
        "closed": {"en": "Closed", "zh_CN": "已关闭"},
    },
    "complaint_category": {
        "quality": {"en": "Quality", "zh_CN": "质量"},
        "delivery": {"en": "Delivery", "zh_CN": "物流"},
        "service": {"en": "Service", "zh_CN": "服务"},
        "billing": {"en": "Billing", "zh_CN": "账务"},
        "other": _OTHER,
    },
}

_WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_LUNAR_DAYS = (
    "初一",
    "初二",
    "初三",
    "初四",
    "初五",
    "初六",
    "初七",
    "初八",
    "初九",
    "初十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
    "廿一",
    "廿二",
    "廿三",
    "廿四",
    "廿五",
    "廿六",
    "廿七",
    "廿八",
    "廿九",
    "三十",
)
_LUNAR_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")


def language() -> str:
    """The language reports are written in: the domain language ("en" or "zh_CN")."""
    return messages.language()


def is_chinese() -> bool:
    return language() == "zh_CN"


def phrase(key: str, **params: object) -> str:
    """The report phrase `key` in the current language, with `params` filled in."""
    entry = STRINGS[key]
    return entry.get(language(), entry["en"]).format(**params)


def template(key: str) -> str:
    """The phrase `key` in the current language with its {placeholders} left in."""
    entry = STRINGS[key]
    return entry.get(language(), entry["en"])


def field(name: str) -> str:
    """The printed title of a customer field."""
    entry = FIELDS.get(name)
    return entry.get(language(), entry["en"]) if entry else name


def column(name: str) -> str:
    """A short column title for a customer field (the field title when there is none)."""
    entry = SHORT_FIELDS.get(name)
    return entry.get(language(), entry["en"]) if entry else field(name)


def choice(kind: str, value: object) -> str:
    """The printed label of a stored code, e.g. ("stage", "at_risk") → "At risk"."""
    if value is None or value == "":
        return ""
    entry = CHOICES.get(kind, {}).get(value)
    return entry.get(language(), entry["en"]) if entry else str(value)


# ------------------------------------------------------------------------- values


def local_time(value: datetime) -> datetime:
    """A stored time (naive UTC) in the machine's local time, naive."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone().replace(tzinfo=None)


def day(value: date | datetime | None) -> str:
    """A date as a table shows it: 2025-11-23 (datetimes are stored UTC → local)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local_time(value).date()
    return value.isoformat()


def day_and_time(value: datetime | None) -> str:
    """A stored (UTC) time in local time: 2025-11-23 14:30."""
    if value is None:
        return ""
    return local_time(value).strftime("%Y-%m-%d %H:%M")


def clock(value: datetime | None) -> str:
    """The local time of day of a stored (UTC) time: 14:30."""
    return "" if value is None else local_time(value).strftime("%H:%M")


def long_date(value: date) -> str:
    """A date in words: 23 November 2025 / 2025年11月23日."""
    if is_chinese():
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def weekday_date(value: date) -> str:
    """A day heading: Monday, 24 November 2025 / 2025年11月24日 星期一."""
    if is_chinese():
        return f"{long_date(value)} {_WEEKDAYS_ZH[value.weekday()]}"
    return f"{_WEEKDAYS_EN[value.weekday()]}, {long_date(value)}"


def month_day(value: date) -> str:
    """A birthday without its year: 3 May / 5月3日."""
    if is_chinese():
        return f"{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS_EN[value.month - 1]}"


def lunar_date(month: int, day_of_month: int, leap: bool) -> str:
    """A lunar month and day: 八月十五 / lunar month 8, day 15."""
    if is_chinese() and 1 <= month <= 12 and 1 <= day_of_month <= 30:
        text = phrase(
            "lunar_date", month=_LUNAR_MONTHS[month - 1], day=_LUNAR_DAYS[day_of_month - 1]
        )
    else:
        text = phrase("lunar_date", month=month, day=day_of_month)
    return text + (phrase("lunar_leap") if leap else "")


def money(value: Decimal | int | float | None) -> str:
    """An amount with two decimals and thousands separators: 12,345.60 (no currency)."""
    if value is None:
        return ""
    return f"{Decimal(value).quantize(Decimal('0.01')):,}"


def quantity(value: Decimal | int | float | None) -> str:
    """A quantity without trailing zeros: 3, 2.5."""
    if value is None:
        return ""
    text = f"{Decimal(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def labelled(label: str, value: object) -> str:
    """ "Owner: Wang" / "负责人：王"."""
    return f"{label}：{value}" if is_chinese() else f"{label}: {value}"


def bracketed(text: str, note: str) -> str:
    """ "History (latest 50 of 2,000)" / "跟进记录（最近 50 次，共 2,000 次）"."""
    return f"{text}（{note}）" if is_chinese() else f"{text} ({note})"


def count(n: int) -> str:
    return f"{n:,}"


def stars(n: int | None) -> str:
    """1–5 stars as ★★★☆☆ (nothing when not rated)."""
    if not n:
        return ""
    n = max(0, min(5, int(n)))
    return "★" * n + "☆" * (5 - n)


_HAN = re.compile(r"[\u3400-\u9fff]")
CHINA = ("中国", "china", "cn", "prc", "中华人民共和国")


def is_chinese_address(address: AddressEntry) -> bool:
    """Whether an address is written the Chinese way: in China, or in Hanzi."""
    country = (address.country or "").strip().lower()
    if country:
        return country in CHINA
    return bool(
        _HAN.search(
            " ".join(
                p or "" for p in (address.province, address.city, address.district, address.street)
            )
        )
    )


def address_line(address: AddressEntry, *, postcode: bool = False) -> str:
    """An address on one line, the way its country writes it.

    "广东省深圳市南山区科技园路1号" / "1 Main Street, Boston, MA 02101, USA"; the postcode
    of a Chinese address only when asked (it has its own column or line).
    """
    a = address
    if is_chinese_address(a):
        text = "".join(p for p in (a.province, a.city, a.district, a.street) if p)
        if a.country and a.country.strip().lower() not in CHINA[:3]:
            text = f"{a.country} {text}"
        return f"{text} {a.postcode}".strip() if postcode and a.postcode else text
    town = ", ".join(p for p in (a.city, a.province) if p)
    if a.postcode:
        town = f"{town} {a.postcode}".strip()
    street = " ".join((a.street or "").split())
    return ", ".join(p for p in (street, a.district, town, a.country) if p)
