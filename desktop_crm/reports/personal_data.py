"""The personal-data report: everything held about one person, on paper (PDF).

The same data as the JSON export (`domain.personal_data`), laid out for a person to
read: the profile, then one section per kind of record (contact persons, phones …
history, merges), each record as label/value pairs. Bookkeeping (uuids, row ids) stays
in the JSON; nothing else is left out.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from desktop_crm.domain import personal_data
from desktop_crm.reports import texts
from desktop_crm.reports.document import PageSetup, TextReport, letterhead
from desktop_crm.reports.markup import facts, section, title_block

_TITLE = {"en": "Personal data", "zh_CN": "个人数据"}
_NOTE = {
    "en": "Everything Desktop CRM holds about this person, exported on {when}.",
    "zh_CN": "Desktop CRM 中保存的此人全部数据，导出于 {when}。",
}
_MERGED = {"en": "Merged record {code}", "zh_CN": "已合并的记录 {code}"}
_NONE = {"en": "none", "zh_CN": "无"}
# Section titles, in the order printed.
SECTIONS: dict[str, dict[str, str]] = {
    "profile": {"en": "Profile", "zh_CN": "基本资料"},
    "phones": {"en": "Phones", "zh_CN": "电话"},
    "emails": {"en": "Emails", "zh_CN": "电子邮件"},
    "messengers": {"en": "WeChat / IM", "zh_CN": "微信 / 即时通讯"},
    "addresses": {"en": "Addresses", "zh_CN": "地址"},
    "contacts": {"en": "Contact persons", "zh_CN": "联系人"},
    "tags": {"en": "Tags", "zh_CN": "标签"},
    "relations": {"en": "Relations", "zh_CN": "客户关系"},
    "followups": {"en": "Follow-ups", "zh_CN": "跟进记录"},
    "orders": {"en": "Orders", "zh_CN": "订单"},
    "payments_without_order": {"en": "Payments without an order", "zh_CN": "未关联订单的付款"},
    "complaints": {"en": "Complaints", "zh_CN": "投诉"},
    "surveys": {"en": "Surveys", "zh_CN": "满意度调查"},
    "strategy_steps": {"en": "Strategy steps done", "zh_CN": "已完成的策略步骤"},
    "history": {"en": "Change history", "zh_CN": "修改记录"},
    "merges": {"en": "Merges", "zh_CN": "合并记录"},
    "import_changes": {"en": "Changes by imports", "zh_CN": "导入带来的修改"},
}
_BOOKKEEPING = {
    "uuid",
    "id",
    "customer_id",
    "contact_id",
    "order_id",
    "planned_from_id",
    "updated_at",
    "version",
}
# Titles of the columns the customer fields (texts.field) do not cover.
_LABELS: dict[str, dict[str, str]] = {
    "created_at": {"en": "Created", "zh_CN": "创建时间"},
    "label": {"en": "Kind", "zh_CN": "类别"},
    "number": {"en": "Number", "zh_CN": "号码"},
    "e164": {"en": "International form", "zh_CN": "国际格式"},
    "digits": {"en": "Digits", "zh_CN": "数字"},
    "is_primary": {"en": "Primary", "zh_CN": "首选"},
    "address": {"en": "Address", "zh_CN": "地址"},
    "service": {"en": "Service", "zh_CN": "服务"},
    "handle": {"en": "Account", "zh_CN": "账号"},
    "country": {"en": "Country", "zh_CN": "国家"},
    "district": {"en": "District", "zh_CN": "区县"},
    "street": {"en": "Street", "zh_CN": "街道"},
    "postcode": {"en": "Postcode", "zh_CN": "邮编"},
    "department": {"en": "Department", "zh_CN": "部门"},
    "channel": {"en": "Channel", "zh_CN": "方式"},
    "initiated_by": {"en": "Initiated by", "zh_CN": "发起方"},
    "subject": {"en": "Subject", "zh_CN": "主题"},
    "content": {"en": "Content", "zh_CN": "内容"},
    "outcome": {"en": "Outcome", "zh_CN": "结果"},
    "occurred_at": {"en": "Happened", "zh_CN": "发生时间"},
    "due_at": {"en": "Planned for", "zh_CN": "计划时间"},
    "reminded_at": {"en": "Reminded", "zh_CN": "提醒时间"},
    "deleted_at": {"en": "Deleted", "zh_CN": "删除时间"},
    "order_no": {"en": "Order no.", "zh_CN": "订单号"},
    "order_date": {"en": "Order date", "zh_CN": "下单日期"},
    "product": {"en": "Product", "zh_CN": "产品"},
    "category": {"en": "Category", "zh_CN": "类别"},
    "quantity": {"en": "Quantity", "zh_CN": "数量"},
    "amount": {"en": "Amount", "zh_CN": "金额"},
    "cost": {"en": "Cost", "zh_CN": "成本"},
    "payment_due": {"en": "Payment due", "zh_CN": "应付日期"},
    "shipped_on": {"en": "Shipped", "zh_CN": "发货日期"},
    "carrier": {"en": "Carrier", "zh_CN": "承运方"},
    "tracking_no": {"en": "Tracking no.", "zh_CN": "运单号"},
    "paid_on": {"en": "Paid", "zh_CN": "付款日期"},
    "method": {"en": "Method", "zh_CN": "付款方式"},
    "reference": {"en": "Reference", "zh_CN": "参考号"},
    "opened_at": {"en": "Opened", "zh_CN": "提出时间"},
    "severity": {"en": "Severity", "zh_CN": "严重程度"},
    "description": {"en": "Description", "zh_CN": "描述"},
    "respond_by": {"en": "Respond by", "zh_CN": "答复期限"},
    "resolved_at": {"en": "Resolved", "zh_CN": "解决时间"},
    "resolution": {"en": "Resolution", "zh_CN": "处理结果"},
    "surveyed_on": {"en": "Surveyed", "zh_CN": "调查日期"},
    "satisfaction": {"en": "Satisfaction", "zh_CN": "满意度"},
    "nps": {"en": "NPS", "zh_CN": "净推荐值"},
    "comments": {"en": "Comments", "zh_CN": "意见"},
    "level": {"en": "Level", "zh_CN": "层级"},
    "step": {"en": "Step", "zh_CN": "步骤"},
    "done_by": {"en": "Done by", "zh_CN": "完成人"},
    "changed_at": {"en": "When", "zh_CN": "时间"},
    "changed_by": {"en": "Who", "zh_CN": "修改人"},
    "action": {"en": "Action", "zh_CN": "操作"},
    "entity": {"en": "Record", "zh_CN": "记录"},
    "field": {"en": "Field", "zh_CN": "字段"},
    "old_value": {"en": "Old value", "zh_CN": "原值"},
    "new_value": {"en": "New value", "zh_CN": "新值"},
    "replica": {"en": "Made on", "zh_CN": "来源副本"},
    "direction": {"en": "Direction", "zh_CN": "方向"},
    "other_code": {"en": "Other customer", "zh_CN": "对方客户"},
    "other_name": {"en": "Other's name", "zh_CN": "对方名称"},
    "merged_at": {"en": "Merged", "zh_CN": "合并时间"},
    "kept": {"en": "Kept", "zh_CN": "保留"},
    "other": {"en": "Merged in", "zh_CN": "并入"},
    "undone_at": {"en": "Undone", "zh_CN": "撤销时间"},
    "details": {"en": "Details", "zh_CN": "详情"},
    "import": {"en": "Import", "zh_CN": "导入"},
    "imported_at": {"en": "Imported", "zh_CN": "导入时间"},
    "fields": {"en": "Fields", "zh_CN": "字段"},
    "notes": {"en": "Notes", "zh_CN": "备注"},
    "title": {"en": "Title", "zh_CN": "职务"},
    "gender": {"en": "Gender", "zh_CN": "性别"},
    "birthday": {"en": "Birthday", "zh_CN": "生日"},
    "birthday_has_year": {"en": "Birth year known", "zh_CN": "生日含年份"},
    "lunar_birthday_leap": {"en": "Lunar leap month", "zh_CN": "农历闰月"},
    "shared": {"en": "Shared", "zh_CN": "共享"},
    "stage_override": {"en": "Stage set by hand", "zh_CN": "手动设定阶段"},
    "credit_override": {"en": "Credit set by hand", "zh_CN": "手动设定信用"},
    "first_purchase_on": {"en": "First purchase", "zh_CN": "首次购买"},
    "last_purchase_on": {"en": "Last purchase", "zh_CN": "最近购买"},
    "import_batch_id": {"en": "Import", "zh_CN": "导入批次"},
    "merged_into_id": {"en": "Merged into", "zh_CN": "合并到"},
    "referred_by_code": {"en": "Referred by", "zh_CN": "介绍人"},
}


def _label(name: str) -> str:
    entry = _LABELS.get(name)
    return _say(entry) if entry else texts.field(name)


def _say(entry: dict[str, str], **params: object) -> str:
    return entry.get(texts.language(), entry["en"]).format(**params)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "✓" if value else "—"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    if len(text) == 20 and text[10] == "T" and text.endswith("Z"):  # a stored UTC time
        return f"{text[:10]} {text[11:19]} UTC"
    return text


def _pairs(record: dict[str, Any]) -> list[tuple[str, object]]:
    """A record's label/value pairs (nested lists are printed as sections of their own)."""
    return [
        (_label(name), _value(value))
        for name, value in record.items()
        if name not in _BOOKKEEPING
        and not (isinstance(value, list) and value and isinstance(value[0], dict))
        and value not in (None, "", [], {})
    ]


def _records(title: str, records: list[dict[str, Any]], level: str = "heading") -> str:
    if not records:
        return ""
    parts = []
    for record in records:
        parts.append(facts(_pairs(record), columns=2))
        for name, value in record.items():  # an order's shipments and payments …
            if isinstance(value, list) and value and isinstance(value[0], dict):
                parts.append(_records(_say(SECTIONS.get(name, {"en": name})), value, "subheading"))
    return section(title, "".join(parts), level=level)


def person_html(person: dict[str, Any]) -> str:
    """The body of the report for one customer record's data (and its merged records)."""
    parts = [facts(_pairs(person["profile"]), columns=2, title=_say(SECTIONS["profile"]))]
    for key, title in SECTIONS.items():
        if key == "profile":
            continue
        value = person.get(key) or []
        if key == "tags":
            parts.append(section(_say(title), ", ".join(value)) if value else "")
        else:
            parts.append(_records(_say(title), value))
    for merged in person.get("merged_records", []):
        heading = _say(_MERGED, code=merged["profile"].get("code", ""))
        parts.append(section(heading, person_html({**merged, "merged_records": []})))
    return "".join(p for p in parts if p)


def build_personal_data_report(
    customer_id: int, *, setup: PageSetup | None = None, today: date | None = None
) -> TextReport:
    """The personal-data report of one customer, laid out (write it with `write_pdf`)."""
    document = personal_data.export_document(customer_id)
    person = document["person"]
    profile = person["profile"]
    title = _say(_TITLE)
    body = title_block(
        profile["name"],
        profile.get("code"),
        _say(_NOTE, when=document["exported_at"].replace("T", " ")),
    ) + person_html(person)
    report = TextReport(
        title=f"{title} · {profile['name']}",
        body_html=body,
        letterhead=letterhead(
            title, f"{profile['code']} · {texts.phrase('confidential')}", printed=today
        ),
        setup=setup or PageSetup(),
    )
    report.prepare()
    return report
