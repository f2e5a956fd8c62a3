"""Which column of an imported file holds which customer field, and what its values mean.

Spreadsheets name their columns in many ways (姓名, 客户名称, Name, "Phone 1 - Value" …)
and spell values in many ways (男, 企业客户, 转介绍 …). This module turns one file's
header row into a `ColumnMapping` and each row of cells into the plain data that
`customers.validate_customer` checks — the same rules as the customer form.

Presets: `csv` (our own export and the usual Chinese and English names), `google`
(Google Contacts CSV, old and new layouts) and `outlook` (Outlook CSV export, where
"Title" is an honorific and "Job Title" is the job).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import astuple, dataclass, field
from typing import Any

from desktop_crm.domain import settings
from desktop_crm.domain.customers import MESSENGER_SERVICES
from desktop_crm.exchange import dates

PRESETS = ("csv", "google", "outlook")
DATE_FIELDS = ("birthday",)  # customer fields that hold dates (see `dates`)

# Columns our own export writes, in order; each is also an import alias of itself.
EXPORT_COLUMNS = (
    "code",
    "name",
    "kind",
    "gender",
    "birthday",
    "lunar_birthday",
    "title",
    "company_name",
    "industry",
    "company_size",
    "website",
    "phones",
    "emails",
    "wechat",
    "qq",
    "messengers",
    "province",
    "city",
    "district",
    "address",
    "postcode",
    "source",
    "referred_by",
    "owner",
    "status",
    "stage",
    "grade",
    "stars",
    "credit_rating",
    "credit_limit",
    "relationship_level",
    "tags",
    "preferences",
    "family_notes",
    "social_notes",
    "notes",
    "external_id",
    "created_at",
    "updated_at",
)


@dataclass(frozen=True)
class Target:
    """Where one column's cells go.

    kind: "scalar" (a customer field), "code", "phone", "phone_label", "email",
    "messenger", "messengers", "address", "tags", "name_part", "lunar_birthday",
    "ignore".
    """

    kind: str
    field: str = ""  # scalar field name; messenger service; address component; name part
    group: str = ""  # phone/email/address group (label or Google's number)
    label: str | None = None  # phone/email/address label implied by the column


def _scalar(name: str) -> Target:
    return Target("scalar", name)


def _phone(label: str | None = None, group: str = "") -> Target:
    return Target("phone", group=group, label=label)


def _address(component: str, group: str = "main", label: str = "work") -> Target:
    return Target("address", component, group, label)


_GENERIC: dict[Target, str] = {
    Target("code"): "code|编号|客户编号|客户代码|客户编码|代码|customer code",
    _scalar("external_id"): "external_id|external id|外部编号|id|客户id",
    _scalar("name"): (
        "name|姓名|名称|客户名称|客户姓名|客户|名字|联系人姓名|full name|customer name|"
        "customer|display name"
    ),
    Target("name_part", "family"): "姓|姓氏|family name|last name|surname",
    Target("name_part", "given"): "名|given name|first name",
    Target("name_part", "middle"): "middle name|additional name",
    _scalar("kind"): "kind|类型|客户类型|客户类别|类别|type|customer type",
    _scalar("gender"): "gender|性别|sex",
    _scalar("birthday"): "birthday|生日|出生日期|出生年月日|date of birth|dob|birth date",
    Target("lunar_birthday"): "lunar_birthday|农历生日|阴历生日|lunar birthday",
    _scalar("title"): "title|职位|职务|头衔|job title|position",
    _scalar("company_name"): (
        "company_name|公司|公司名称|单位|单位名称|工作单位|企业名称|企业|company|company name|"
        "organization|organisation|organization name"
    ),
    _scalar("industry"): "industry|行业|所属行业",
    _scalar("company_size"): "company_size|规模|公司规模|企业规模|人数规模|company size",
    _scalar("website"): "website|网站|网址|主页|官网|web page|web site|homepage|url",
    _phone(None, "any"): "phones|电话|联系电话|电话号码|联系方式|phone|tel|telephone|phone number",
    # Mobile columns often hold a landline too: those take their label from the number.
    _phone(): "手机|手机号|手机号码|移动电话|mobile|mobile phone|cell|cell phone|cellphone",
    _phone("work"): "座机|办公电话|公司电话|单位电话|work phone|business phone|office phone",
    _phone("home"): "家庭电话|住宅电话|家里电话|home phone",
    _phone("fax"): "传真|传真号码|fax",
    Target("email"): (
        "emails|邮箱|电子邮件|电子邮箱|邮件|邮箱地址|email|e-mail|mail|email address|e-mail address"
    ),
    Target("messenger", "wechat"): "wechat|微信|微信号|weixin",
    Target("messenger", "qq"): "qq|qq号|qq号码",
    Target("messengers"): "messengers|即时通讯|im|im address|imaddress",
    _scalar("province"): "province|省份|省|省/直辖市|省市|所在省份|所在省|state",
    _scalar("city"): "city|城市|市|所在城市|所在市",
    _scalar("district"): "district|区县|区|县|区/县|所在区县|county",
    _address("street"): (
        "address|地址|详细地址|联系地址|通讯地址|街道|街道地址|street|street address"
    ),
    _address("postcode"): "postcode|邮编|邮政编码|postal code|zip|zip code",
    _address("country"): "country|国家|国家/地区",
    _scalar("source"): "source|客户来源|来源|来源渠道|获客渠道|lead source",
    _scalar("referred_by"): "referred_by|介绍人|推荐人|介绍人编号|referred by|referrer",
    _scalar("owner"): (
        "owner|负责人|业务员|销售|销售员|归属|所属销售|客户经理|sales rep|account manager"
    ),
    _scalar("status"): "status|状态|客户状态",
    _scalar("stage"): "stage|阶段|生命周期|生命周期阶段|客户阶段|lifecycle stage",
    _scalar("grade"): "grade|等级|客户等级|客户分级|分级|级别|abc",
    _scalar("stars"): "stars|星级|rating",
    _scalar("credit_rating"): "credit_rating|信用等级|信用评级|信用|credit rating",
    _scalar("credit_limit"): "credit_limit|信用额度|credit limit",
    _scalar("relationship_level"): (
        "relationship_level|关系层次|关系类型|关系级别|关系等级|客户关系|relationship level|"
        "relationship"
    ),
    Target("tags"): "tags|标签|分组|labels|categories|group membership",
    _scalar("preferences"): "preferences|偏好|喜好|爱好",
    _scalar("family_notes"): "family_notes|家庭情况|家庭|family notes|family",
    _scalar("social_notes"): "social_notes|社会关系|社交|social notes",
    _scalar("notes"): "notes|备注|说明|附注|note|remarks|comment|comments|memo",
    Target("ignore"): "created_at|updated_at|创建时间|更新时间",
}

# Outlook's CSV export (English UI). Its "Title" is Mr./Ms., its addresses come in
# Business/Home/Other blocks.
_OUTLOOK: dict[Target, str] = {
    Target("ignore"): "title|suffix|nickname|department|office location|initials",
    _scalar("title"): "job title",
    _scalar("company_name"): "company",
    _phone("work"): "business phone|business phone 2|company main phone|primary phone|callback",
    _phone("home"): "home phone|home phone 2",
    _phone("mobile"): "mobile phone|car phone",
    _phone("fax"): "business fax|home fax|other fax",
    _phone("other"): "other phone|assistant's phone|pager|radio phone",
    Target("email"): "e-mail address|e-mail 2 address|e-mail 3 address",
    Target("tags"): "categories",
    _scalar("website"): "web page",
    **{
        _address(component, block.lower(), label): f"{block} {suffix}"
        for block, label in (("Business", "work"), ("Home", "home"), ("Other", "other"))
        for component, suffix in (
            ("street", "street"),
            ("street2", "street 2"),
            ("street3", "street 3"),
            ("city", "city"),
            ("province", "state"),
            ("postcode", "postal code"),
            ("country", "country/region"),
        )
    },
}
# Google Contacts: numbered blocks ("Phone 1 - Value", "Address 2 - City" …).
_GOOGLE_NUMBERED = re.compile(
    r"^(phone|e-mail|email|address|organization|website|im)\s*(\d+)\s*-\s*(.+)$"
)
_GOOGLE_ADDRESS_PARTS = {
    "street": "street",
    "formatted": "formatted",
    "city": "city",
    "region": "province",
    "postal code": "postcode",
    "country": "country",
    "po box": "pobox",
    "extended address": "street2",
    "neighborhood": "district",
}
_GOOGLE_LABELS = {
    "mobile": "mobile",
    "work": "work",
    "home": "home",
    "main": "work",
    "work fax": "fax",
    "home fax": "fax",
    "other": "other",
    "pager": "other",
    "work mobile": "mobile",
}

# Values spelt the usual ways → our codes. Keys are compared after `_fold`.
VALUE_SYNONYMS: dict[str, dict[str, str]] = {
    name: {alias: code for code, aliases in table.items() for alias in aliases.split("|")}
    for name, table in {
        "gender": {
            "male": "male|男|男性|先生|m|man",
            "female": "female|女|女性|女士|小姐|f|woman",
            "other": "other|其他",
            "": "未知|保密|unspecified|unknown",
        },
        "kind": {
            "individual": "individual|个人|个人客户|个体|person|personal",
            "enterprise": (
                "enterprise|企业|企业客户|公司|单位|组织|机构|company|business|organization|"
                "organisation"
            ),
        },
        "source": {
            "referral": "referral|转介绍|介绍|推荐|客户介绍|老客户介绍|朋友介绍",
            "exhibition": "exhibition|展会|会展|展览会|trade show",
            "website": "website|网站|官网|网络|网上|互联网|web|online",
            "advertising": "advertising|广告|ad|ads",
            "cold_call": "cold_call|陌生电话|电话营销|电销|陌拜|cold call",
            "walk_in": "walk_in|上门|到店|自然到店|门店|walk in|walk-in",
            "other": "other|其他|其它",
        },
        "status": {
            "potential": "potential|潜在|潜在客户|意向客户|prospect",
            "existing": "existing|现有|现有客户|已成交|成交客户|老客户|customer",
        },
        "stage": {
            "potential": "potential|潜在|潜在客户",
            "first_purchase": "first_purchase|首次购买|首购|first purchase",
            "repeat": "repeat|重复购买|复购",
            "loyal": "loyal|忠诚|忠诚客户",
            "at_risk": "at_risk|流失风险|有流失风险|风险|at risk",
            "lost": "lost|流失|已流失",
            "exited": "exited|退出|已退出",
        },
        "relationship_level": {
            "1": "basic|基本型|基本",
            "2": "passive|被动型|被动",
            "3": "responsible|负责型|负责",
            "4": "proactive|能动型|能动|主动型",
            "5": "partnership|伙伴型|伙伴|partner",
        },
    }.items()
}

_SPLIT_MULTI = re.compile(r"\s*(?::::|;|；|,|，|、|\||\n)\s*")
_SPLIT_PHONES = re.compile(r"\s*(?::::|;|；|,|，|、|/|\||\n)\s*")
_HANZI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LUNAR = re.compile(
    r"^(闰|leap\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(leap|闰)?$", re.IGNORECASE
)
_STARS = re.compile(r"^(\d)(\.0+)?\s*(星|stars?)?$", re.IGNORECASE)
_GRADE = re.compile(r"^([abc])\s*(类|级|类客户|级客户)?$", re.IGNORECASE)
NO_YEAR = dates.NO_YEAR  # the year of a birthday given without one ("--03-12")
# Exports whose dates are month first (Outlook's and Google's CSV from an English UI).
_MONTH_FIRST_PRESETS = ("outlook", "google")


def normalize_header(header: str) -> str:
    """A header folded for lookup: width and case folded, hints like "(必填)" and "*" dropped."""
    text = unicodedata.normalize("NFKC", header or "").replace("\ufeff", "").strip().lower()
    text = re.sub(r"[(\[（【].*?[)\]）】]\s*$", "", text).strip()  # trailing "(必填)", "[optional]"
    text = text.strip("*:： ")
    return " ".join(text.replace("_", " ").split())


def _fold(value: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", value).strip().lower().split())


def _build(table: dict[Target, str]) -> dict[str, Target]:
    result: dict[str, Target] = {}
    for target, names in table.items():
        for name in names.split("|"):
            result.setdefault(normalize_header(name), target)
    return result


_GENERIC_INDEX = _build(_GENERIC)
_OUTLOOK_INDEX = _build(_OUTLOOK)


def _google_target(key: str) -> Target | None:
    match = _GOOGLE_NUMBERED.match(key)
    if not match:
        return None
    block, number, part = match.group(1), match.group(2), match.group(3).strip()
    if block == "phone":
        return _phone(group=number) if part == "value" else Target("phone_label", group=number)
    if block in ("e-mail", "email"):
        return Target("email", group=number) if part == "value" else Target("ignore")
    if block == "address":
        if part in ("type", "label"):
            return Target("address_label", group=f"g{number}")
        component = _GOOGLE_ADDRESS_PARTS.get(part)
        return _address(component, f"g{number}", "work") if component else Target("ignore")
    if block == "organization":
        if part == "name":
            return _scalar("company_name")
        if part == "title":
            return _scalar("title")
        return Target("ignore")
    if block == "website" and part == "value":
        return _scalar("website")
    return Target("ignore")


def target_for(header: str, preset: str = "csv") -> Target | None:
    """The field a column named `header` fills, or None when we do not know it."""
    key = normalize_header(header)
    if not key:
        return None
    if preset == "outlook" and key in _OUTLOOK_INDEX:
        return _OUTLOOK_INDEX[key]
    if preset in ("google", "csv"):
        found = _google_target(key)
        if found is not None:
            return found
    return _GENERIC_INDEX.get(key)


def guess_preset(headers: Sequence[str]) -> str:
    """Recognise a Google Contacts or Outlook export by its header row."""
    keys = {normalize_header(h) for h in headers}
    if {"e-mail address", "business phone"} & keys and {"first name", "last name"} <= keys:
        return "outlook"
    if any(_GOOGLE_NUMBERED.match(k) for k in keys) and (
        {"given name", "family name", "first name", "last name"} & keys
    ):
        return "google"
    return "csv"


@dataclass
class ColumnMapping:
    """One file's columns and what each holds."""

    headers: list[str]
    preset: str
    targets: list[Target | None]
    ignored: list[str] = field(default_factory=list)  # headers we do not know
    # How to read day/month dates with the year last ("dmy" or "mdy"); None: the preset's
    # (month first for Outlook and Google) or, if it has none, only unambiguous ones.
    date_order: str | None = None
    # The same, per column index, as the user chose it for each ambiguous column.
    column_date_orders: dict[int, str] = field(default_factory=dict)

    @classmethod
    def from_headers(cls, headers: Sequence[str], preset: str = "csv") -> ColumnMapping:
        """Map a header row; unknown and empty headers are left out (see `ignored`)."""
        return cls.from_targets(headers, preset, [target_for(h, preset) for h in headers])

    @classmethod
    def from_targets(
        cls, headers: Sequence[str], preset: str, targets: Sequence[Target | None]
    ) -> ColumnMapping:
        """A mapping with the targets chosen for each column (None: left out)."""
        if len(targets) != len(headers):
            raise ValueError("one target per header")
        ignored = [h for h, t in zip(headers, targets, strict=True) if t is None and h.strip()]
        return cls(list(headers), preset, list(targets), ignored)

    @property
    def recognised(self) -> list[str]:
        return [
            h
            for h, t in zip(self.headers, self.targets, strict=True)
            if t is not None and t.kind != "ignore"
        ]

    def has_name_source(self) -> bool:
        """Whether some column can give a customer its name."""
        return any(
            t is not None
            and (
                t.kind == "name_part"
                or (t.kind == "scalar" and t.field in ("name", "company_name"))
            )
            for t in self.targets
        )

    def date_columns(self) -> list[tuple[int, str]]:
        """(index, header) of the columns holding dates (birthdays)."""
        return [
            (i, h)
            for i, (h, t) in enumerate(zip(self.headers, self.targets, strict=True))
            if t is not None and t.kind == "scalar" and t.field in DATE_FIELDS
        ]

    def columns_for(self, field_name: str) -> list[str]:
        """The headers that feed `field_name` (to name them in a problem report)."""
        wanted = {
            "phones": ("phone",),
            "emails": ("email",),
            "messengers": ("messenger", "messengers"),
            "addresses": ("address",),
            "tags": ("tags",),
            "code": ("code",),
            "lunar_birthday_month": ("lunar_birthday",),
            "lunar_birthday_day": ("lunar_birthday",),
        }.get(field_name)
        result = []
        for header, target in zip(self.headers, self.targets, strict=True):
            if target is None:
                continue
            if (
                (wanted and target.kind in wanted)
                or (target.kind == "scalar" and target.field == field_name)
                or (field_name == "name" and target.kind == "name_part")
            ):
                result.append(header)
        return result

    def row_data(self, cells: Sequence[str]) -> RowData:
        """The customer data in one row of cells (only the non-empty cells)."""
        return _RowBuilder(self).build(cells)


@dataclass
class RowData:
    """One row as customer data: `data` for `validate_customer`, plus how to find it again."""

    data: dict[str, Any]
    code: str | None = None
    uid: str | None = None  # our uuid (32 hex digits) when the row may be one of ours
    external_id: str | None = None  # the row's id in the file it came from (a vCard's UID)
    # (field, reason) for details left out of the row, which is imported without them
    warnings: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None  # why the row cannot be read at all (it is rejected)


class _RowBuilder:
    def __init__(self, mapping: ColumnMapping) -> None:
        self.mapping = mapping
        self.preset = mapping.preset
        self.date_order = mapping.date_order or (
            "mdy" if mapping.preset in _MONTH_FIRST_PRESETS else None
        )

    def build(self, cells: Sequence[str]) -> RowData:
        data: dict[str, Any] = {}
        code = None
        phone_groups: dict[str, tuple[str | None, list[str]]] = {}
        phone_labels: dict[str, str] = {}
        emails: list[str] = []
        messengers: list[dict[str, str]] = []
        addresses: dict[str, dict[str, str]] = {}
        address_labels: dict[str, str] = {}
        name_parts: dict[str, str] = {}
        tags: list[str] = []
        for index, target in enumerate(self.mapping.targets):
            if target is None or target.kind == "ignore" or index >= len(cells):
                continue
            value = (cells[index] or "").strip()
            if not value:
                continue
            kind = target.kind
            if kind == "code":
                code = value
            elif kind == "scalar" and target.field == "birthday":
                order = self.mapping.column_date_orders.get(index, self.date_order)
                day, has_year = _birthday(value, order)
                if day and "birthday" not in data:
                    data["birthday"] = day
                    if not has_year:
                        data["birthday_has_year"] = False
            elif kind == "scalar":
                converted = self.scalar(target.field, value)
                if converted != "" and not (target.field in data and data[target.field]):
                    data[target.field] = converted
            elif kind == "name_part":
                name_parts[target.field] = value
            elif kind == "phone":
                numbers = [n for n in _SPLIT_PHONES.split(value) if n]
                key = target.group or f"col{index}"
                phone_groups.setdefault(key, (target.label, []))[1].extend(numbers)
            elif kind == "phone_label":
                phone_labels[target.group] = value
            elif kind == "email":
                emails += [e for e in _SPLIT_MULTI.split(value) if e]
            elif kind == "messenger":
                messengers += [
                    {"service": target.field, "handle": h} for h in _SPLIT_MULTI.split(value) if h
                ]
            elif kind == "messengers":
                messengers += [_messenger(item) for item in _SPLIT_MULTI.split(value) if item]
            elif kind == "address":
                addresses.setdefault(target.group, {"label": target.label or "work"})
                part = addresses[target.group]
                if target.field in part and target.field != "label":
                    part[target.field] += " " + value
                else:
                    part[target.field] = value
            elif kind == "address_label":
                address_labels[target.group] = value
            elif kind == "tags":
                tags += [t for t in (_clean_tag(x) for x in _SPLIT_MULTI.split(value)) if t]
            elif kind == "lunar_birthday":
                data.update(_lunar(value))
        for key, (column_label, numbers) in phone_groups.items():
            label = _google_label(phone_labels.get(key)) or column_label
            data.setdefault("phones", []).extend(
                # No label: validation files it as mobile or work by the kind of number.
                {"number": n, "label": label}
                for n in numbers
            )
        if emails:
            data["emails"] = emails
        if messengers:
            data["messengers"] = messengers
        if tags:
            data["tags"] = list(dict.fromkeys(tags))
        self._addresses(data, addresses, address_labels)
        self._name(data, name_parts)
        return RowData(data, code)

    def scalar(self, name: str, value: str) -> Any:
        synonyms = VALUE_SYNONYMS.get(name)
        if synonyms is not None:
            return synonyms.get(_fold(value), value)
        if name == "stars":
            return _stars(value)
        if name == "grade":
            match = _GRADE.match(_fold(value))
            return match.group(1).upper() if match else value
        if name == "credit_rating":
            return _fold(value).upper()
        if name == "credit_limit":
            return value.replace("¥", "").replace("￥", "").replace(",", "").strip()
        return value

    def _addresses(
        self, data: dict[str, Any], groups: dict[str, dict[str, str]], labels: dict[str, str]
    ) -> None:
        region = {k: data[k] for k in ("province", "city", "district") if k in data}
        if region or "main" in groups:
            main = groups.setdefault("main", {"label": "work"})
            for key, value in region.items():
                main.setdefault(key, value)
        result = []
        for key, parts in groups.items():
            label = _google_label(labels.get(key)) or parts.pop("label", "work")
            parts.pop("label", None)
            if label not in ("work", "home", "billing", "shipping", "other"):
                label = "other" if label != "mobile" else "work"
            formatted = parts.pop("formatted", None)
            parts.pop("pobox", None)
            extra = [parts.pop(k) for k in ("street2", "street3") if k in parts]
            if extra:
                parts["street"] = " ".join([parts.get("street", "")] + extra).strip()
            if formatted and not parts.get("street"):
                parts["street"] = " ".join(formatted.split())
            if any(parts.values()):
                result.append({"label": label, **parts})
        if result:
            data["addresses"] = result

    def _name(self, data: dict[str, Any], parts: dict[str, str]) -> None:
        if data.get("name"):
            return
        family, given = parts.get("family", ""), parts.get("given", "")
        middle = parts.get("middle", "")
        if _HANZI.search(family + given):
            name = f"{family}{middle}{given}"
        else:
            name = " ".join(p for p in (given, middle, family) if p)
        if name:
            data["name"] = name
        elif data.get("company_name"):
            # A row with only a company is the company itself.
            data["name"] = data["company_name"]
            data.setdefault("kind", "enterprise")


def _google_label(value: str | None) -> str | None:
    if not value:
        return None
    first = _SPLIT_MULTI.split(value.strip().lstrip("*").strip())[0]
    return _GOOGLE_LABELS.get(_fold(first), "other")


def _messenger(item: str) -> dict[str, str]:
    service, sep, handle = item.partition(":")
    if sep and _fold(service) in MESSENGER_SERVICES:
        return {"service": _fold(service), "handle": handle.strip()}
    if sep and _fold(service) in ("微信", "weixin"):
        return {"service": "wechat", "handle": handle.strip()}
    return {"service": "other", "handle": item.strip()}


def _clean_tag(value: str) -> str:
    tag = value.strip()
    if tag.startswith("* "):  # Google's system groups: "* myContacts", "* starred"
        return ""
    return tag


def _birthday(value: str, order: str | None) -> tuple[str, bool]:
    """A birthday as ISO text, and whether it has a year.

    Anything not read as a date (also a day/month date when the order is not known) is
    passed on as it is, for validation to name.
    """
    text = unicodedata.normalize("NFKC", value).strip()
    if text in ("0/0/00", "0/0/0000", "00/00/0000"):  # Outlook's "no birthday"
        return "", True
    parsed = dates.parse_date_text(text, order)
    if parsed is None:
        return text, True
    return parsed.value, parsed.has_year


# ------------------------------------------------------------- choosing by hand

# What a column can be set to in the import wizard, by a stable key (the UI names them).
MAPPING_CHOICES: dict[str, Target] = {
    "ignore": Target("ignore"),
    "name": _scalar("name"),
    "family_name": Target("name_part", "family"),
    "given_name": Target("name_part", "given"),
    "middle_name": Target("name_part", "middle"),
    "code": Target("code"),
    "external_id": _scalar("external_id"),
    "kind": _scalar("kind"),
    "gender": _scalar("gender"),
    "birthday": _scalar("birthday"),
    "lunar_birthday": Target("lunar_birthday"),
    "title": _scalar("title"),
    "company_name": _scalar("company_name"),
    "industry": _scalar("industry"),
    "company_size": _scalar("company_size"),
    "website": _scalar("website"),
    "phone": _phone(None, "any"),
    "mobile": _phone(),
    "work_phone": _phone("work"),
    "home_phone": _phone("home"),
    "fax": _phone("fax"),
    "email": Target("email"),
    "wechat": Target("messenger", "wechat"),
    "qq": Target("messenger", "qq"),
    "messengers": Target("messengers"),
    "province": _scalar("province"),
    "city": _scalar("city"),
    "district": _scalar("district"),
    "street": _address("street"),
    "postcode": _address("postcode"),
    "country": _address("country"),
    "source": _scalar("source"),
    "referred_by": _scalar("referred_by"),
    "owner": _scalar("owner"),
    "status": _scalar("status"),
    "stage": _scalar("stage"),
    "grade": _scalar("grade"),
    "stars": _scalar("stars"),
    "credit_rating": _scalar("credit_rating"),
    "credit_limit": _scalar("credit_limit"),
    "relationship_level": _scalar("relationship_level"),
    "tags": Target("tags"),
    "preferences": _scalar("preferences"),
    "family_notes": _scalar("family_notes"),
    "social_notes": _scalar("social_notes"),
    "notes": _scalar("notes"),
}
_CHOICE_OF = {target: key for key, target in MAPPING_CHOICES.items()}
_PHONE_KEYS = {"work": "work_phone", "home": "home_phone", "fax": "fax", "mobile": "mobile"}
_ADDRESS_KEYS = {
    "street": "street",
    "street2": "street",
    "street3": "street",
    "formatted": "street",
    "city": "city",
    "province": "province",
    "district": "district",
    "postcode": "postcode",
    "country": "country",
}


def choice_key(target: Target | None) -> str:
    """The `MAPPING_CHOICES` key of a target, or of the nearest choice for a preset's own
    target (Google's "Phone 2 - Value" → "phone"); "phone_label"/"address_label" for the
    columns that name another column's label."""
    if target is None:
        return "ignore"
    if target in _CHOICE_OF:
        return _CHOICE_OF[target]
    if target.kind == "phone":
        return _PHONE_KEYS.get(target.label or "", "phone")
    if target.kind == "address":
        return _ADDRESS_KEYS.get(target.field, "street")
    if target.kind == "name_part":
        return f"{target.field}_name" if target.field != "middle" else "middle_name"
    if target.kind == "scalar" and target.field in MAPPING_CHOICES:
        return target.field
    if target.kind in ("email", "tags", "messengers", "code", "lunar_birthday", "ignore"):
        return target.kind
    if target.kind == "messenger":
        return target.field if target.field in MAPPING_CHOICES else "messengers"
    return target.kind  # phone_label, address_label


def headers_key(headers: Sequence[str]) -> str:
    """A short key for a header row (folded, so "Name" and "name " count as the same)."""
    folded = "\x1f".join(normalize_header(h) for h in headers)
    return "import_mapping:" + hashlib.sha1(folded.encode("utf-8")).hexdigest()[:20]


def remember_mapping(mapping: ColumnMapping) -> None:
    """Keep the user's mapping for files with this header row (see `remembered_mapping`)."""
    settings.store(
        headers_key(mapping.headers),
        {
            "preset": mapping.preset,
            "targets": [None if t is None else list(astuple(t)) for t in mapping.targets],
        },
    )


def remembered_mapping(headers: Sequence[str]) -> ColumnMapping | None:
    """The mapping last used for a file with this header row, or None."""
    saved = settings.stored(headers_key(headers))
    if not isinstance(saved, dict):
        return None
    raw = saved.get("targets")
    if not isinstance(raw, list) or len(raw) != len(headers):
        return None
    try:
        targets = [None if t is None else Target(*t) for t in raw]
    except TypeError:  # saved by another version in another shape
        return None
    preset = saved.get("preset") if saved.get("preset") in PRESETS else "csv"
    return ColumnMapping.from_targets(headers, preset, targets)


def format_birthday(day: object, has_year: bool) -> str:
    """How our export writes a birthday: ISO date, or "--MM-DD" when the year is unknown."""
    if day is None:
        return ""
    text = str(day)
    return f"--{text[5:10]}" if not has_year else text


def _stars(value: str) -> str:
    text = unicodedata.normalize("NFKC", value).strip()
    if text and set(text) <= {"★", "☆"}:
        return str(text.count("★"))
    match = _STARS.match(text)
    return match.group(1) if match else text


def _lunar(value: str) -> dict[str, Any]:
    match = _LUNAR.match(unicodedata.normalize("NFKC", value).strip())
    if not match:
        return {"lunar_birthday_month": value}  # validation names the bad value
    return {
        "lunar_birthday_month": int(match.group(2)),
        "lunar_birthday_day": int(match.group(3)),
        "lunar_birthday_leap": bool(match.group(1) or match.group(4)),
    }


def format_lunar(month: int | None, day: int | None, leap: bool) -> str:
    """How our export writes a lunar birthday: "8-15", or "闰4-10" for a leap month."""
    if month is None or day is None:
        return ""
    return f"{'闰' if leap else ''}{month}-{day}"
