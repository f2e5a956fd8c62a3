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
