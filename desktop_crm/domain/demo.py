"""Realistic sample data in Chinese and English, deterministic by seed, at any size.

About three customers in four are Chinese and one in four English-speaking; three in ten
are enterprises with contact persons. Stages, relationship levels, grades, stars,
credit ratings, orders, payments, follow-ups, complaints and surveys are drawn together
per customer so they tell one plausible story: loyal customers buy often and sit at
higher levels, potential ones have no orders, at-risk and lost ones stopped buying and
complain more, bad payers pay late or not at all.

Speed: Faker is slow per call (40–80 µs), so names, companies and streets are drawn
from pools built once per seed, and their pinyin is computed once per pool entry (which
also warms the search index's pinyin cache). Rows go through the bulk path
(`domain/bulk.py`) in batches, one transaction each: a crash or kill loses at most the
batch in progress and leaves a sound database.

Same seed, same `today`, fresh database → the same data. Dates are drawn as offsets from
`today` (the current date unless given), so planned follow-ups are always partly
overdue, partly due today and partly upcoming.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate
from typing import Any

from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import (
    Complaint,
    ContactPerson,
    FollowUp,
    Order,
    Payment,
    Shipment,
    Survey,
    User,
    database,
)
from desktop_crm.db.search_index import pinyin_spelling
from desktop_crm.domain import lifecycle, service
from desktop_crm.domain.bulk import (
    NewCustomer,
    bulk_insert_customers,
    garbage_collector_spared,
    insert_rows,
    next_ids,
)
from desktop_crm.domain.customers import AddressEntry, ContactEntry, EmailEntry, PhoneEntry

DEFAULT_BATCH = 2000
CHANGED_BY = "demo"


@dataclass
class DemoSummary:
    """How many rows of each kind one `add_sample_data` call added."""

    customers: int = 0
    contacts: int = 0
    followups: int = 0
    orders: int = 0
    payments: int = 0
    complaints: int = 0
    surveys: int = 0
    users: int = 0
    shipments: int = 0


# ------------------------------------------------------------------------ fixed tables

# (username, display name, role, language of the customers they mostly look after)
USERS = (
    ("admin", "管理员", "admin", None),
    ("wang.min", "王敏", "manager", "zh"),
    ("li.na", "李娜", "rep", "zh"),
    ("zhang.wei", "张伟", "rep", "zh"),
    ("chen.jing", "陈静", "rep", "zh"),
    ("liu.yang", "刘洋", "rep", "zh"),
    ("emily.carter", "Emily Carter", "rep", "en"),
    ("james.miller", "James Miller", "rep", "en"),
)

# province, city, short city name, area code, postcode prefix, weight, districts
CN_CITIES = (
    (
        "北京市",
        "北京市",
        "北京",
        "010",
        "100",
        12,
        ("朝阳区", "海淀区", "东城区", "西城区", "丰台区", "通州区"),
    ),
    (
        "上海市",
        "上海市",
        "上海",
        "021",
        "200",
        12,
        ("浦东新区", "徐汇区", "静安区", "黄浦区", "闵行区", "长宁区"),
    ),
    (
        "广东省",
        "广州市",
        "广州",
        "020",
        "510",
        8,
        ("天河区", "越秀区", "海珠区", "番禺区", "白云区"),
    ),
    (
        "广东省",
        "深圳市",
        "深圳",
        "0755",
        "518",
        8,
        ("南山区", "福田区", "罗湖区", "宝安区", "龙岗区"),
    ),
    (
        "浙江省",
        "杭州市",
        "杭州",
        "0571",
        "310",
        7,
        ("西湖区", "上城区", "拱墅区", "滨江区", "余杭区"),
    ),
    (
        "江苏省",
        "南京市",
        "南京",
        "025",
        "210",
        5,
        ("鼓楼区", "玄武区", "秦淮区", "建邺区", "江宁区"),
    ),
    ("江苏省", "苏州市", "苏州", "0512", "215", 5, ("姑苏区", "工业园区", "吴中区", "相城区")),
    (
        "四川省",
        "成都市",
        "成都",
        "028",
        "610",
        6,
        ("武侯区", "锦江区", "青羊区", "高新区", "成华区"),
    ),
    ("湖北省", "武汉市", "武汉", "027", "430", 5, ("江汉区", "武昌区", "洪山区", "江岸区")),
    ("重庆市", "重庆市", "重庆", "023", "400", 5, ("渝中区", "江北区", "南岸区", "沙坪坝区")),
    ("天津市", "天津市", "天津", "022", "300", 4, ("和平区", "南开区", "河西区", "滨海新区")),
    ("陕西省", "西安市", "西安", "029", "710", 4, ("雁塔区", "碑林区", "未央区", "莲湖区")),
    ("山东省", "青岛市", "青岛", "0532", "266", 4, ("市南区", "市北区", "崂山区", "黄岛区")),
    ("福建省", "福州市", "福州", "0591", "350", 3, ("鼓楼区", "台江区", "仓山区")),
    ("湖南省", "长沙市", "长沙", "0731", "410", 3, ("岳麓区", "芙蓉区", "天心区", "开福区")),
    ("河南省", "郑州市", "郑州", "0371", "450", 3, ("金水区", "二七区", "中原区", "管城区")),
    ("辽宁省", "沈阳市", "沈阳", "024", "110", 3, ("和平区", "沈河区", "皇姑区", "铁西区")),
    ("广东省", "东莞市", "东莞", "0769", "523", 3, ("南城街道", "东城街道", "长安镇", "虎门镇")),
)
CN_ROADS = (
    "人民路",
    "中山路",
    "解放路",
    "建设路",
    "和平路",
    "新华路",
    "长江路",
    "黄河路",
    "文化路",
    "胜利路",
    "朝阳路",
    "延安路",
    "南京路",
    "北京路",
    "青年路",
    "学府路",
    "科技路",
    "工业大道",
    "滨江大道",
    "世纪大道",
)
# Mobile prefixes phonenumbers accepts with any eight digits after them (154 is unassigned).
CN_MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "180",
    "181",
    "182",
    "183",
    "184",
    "185",
    "186",
    "187",
    "188",
    "189",
    "198",
    "199",
)
# state, city, area codes (real, not 555), ZIP prefix, weight
US_CITIES = (
    ("NY", "New York", ("212", "718", "917"), "100", 5),
    ("CA", "Los Angeles", ("213", "310"), "900", 4),
    ("CA", "San Francisco", ("415",), "941", 3),
    ("IL", "Chicago", ("312", "773"), "606", 3),
    ("TX", "Houston", ("713",), "770", 2),
    ("WA", "Seattle", ("206",), "981", 2),
    ("DC", "Washington", ("202",), "200", 1),
    ("PA", "Philadelphia", ("215",), "191", 1),
)
ZH_MAIL = ("qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "139.com", "outlook.com")
EN_MAIL = ("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.com")
ZH_COMPANY_SUFFIXES = (
    "科技有限公司",
    "网络有限公司",
    "信息有限公司",
    "贸易有限公司",
    "实业有限公司",
    "商贸有限公司",
    "机械设备有限公司",
    "食品有限公司",
    "建材有限公司",
    "服饰有限公司",
    "电子有限公司",
)
EN_COMPANY_SUFFIXES = (" Inc.", " LLC", " Ltd.", " Co.", " Group", " Trading", "")
ZH_INDUSTRIES = (
    "制造业",
    "批发零售",
    "信息技术",
    "建筑",
    "餐饮",
    "教育培训",
    "医疗",
    "物流",
    "房地产",
    "金融",
)
EN_INDUSTRIES = (
    "Manufacturing",
    "Wholesale",
    "Software",
    "Construction",
    "Hospitality",
    "Education",
    "Healthcare",
    "Logistics",
    "Retail",
    "Finance",
)
ZH_TITLES = (
    "经理",
    "工程师",
    "教师",
    "医生",
    "会计",
    "设计师",
    "律师",
    "个体经营者",
    "销售主管",
    "公务员",
    "店长",
    "自由职业",
)
EN_TITLES = (
    "Manager",
    "Engineer",
    "Teacher",
    "Physician",
    "Accountant",
    "Designer",
    "Attorney",
    "Owner",
    "Sales Lead",
    "Consultant",
    "Nurse",
    "Architect",
)
ZH_CONTACT_ROLES = (
    ("总经理", "管理层"),
    ("采购经理", "采购部"),
    ("财务主管", "财务部"),
    ("技术总监", "技术部"),
    ("行政专员", "行政部"),
    ("销售经理", "销售部"),
    ("办公室主任", "办公室"),
)
EN_CONTACT_ROLES = (
    ("CEO", "Management"),
    ("Purchasing Manager", "Purchasing"),
    ("Controller", "Finance"),
    ("CTO", "Engineering"),
    ("Office Manager", "Administration"),
    ("Sales Director", "Sales"),
)
COMPANY_SIZES = (("1-9", 25), ("10-49", 35), ("50-249", 25), ("250-999", 10), ("1000+", 5))
SOURCES = (
    ("referral", 22),
    ("exhibition", 12),
    ("website", 20),
    ("advertising", 10),
    ("cold_call", 14),
    ("walk_in", 12),
    ("other", 10),
)
ZH_TAGS = (
    "VIP",
    "老客户",
    "重点客户",
    "价格敏感",
    "需开发票",
    "潜在大客户",
    "展会客户",
    "节日送礼",
    "决策人难约",
    "喜欢微信沟通",
)
EN_TAGS = ("VIP", "key account", "wholesale", "newsletter", "trade show", "price sensitive")
ZH_NOTES = (
    "对售后服务要求高，交货要准时。",
    "多次比价后才下单。",
    "老板亲自拍板，采购只负责执行。",
    "去年年底开始合作。",
    "希望提供上门安装服务。",
    "每季度集中采购一次。",
    "曾因物流延误投诉，已妥善处理。",
    "对新品很感兴趣。",
)
EN_NOTES = (
    "Asks for quotes by email before every order.",
    "Prefers delivery on Mondays.",
    "Met at the spring trade show.",
    "Decision maker is the owner.",
    "Orders in bulk once a quarter.",
    "Interested in the new product line.",
)
ZH_PREFERENCES = (
    "喜欢喝茶",
    "偏好微信沟通",
    "周末不方便联系",
    "对价格敏感",
    "重视售后服务",
    "喜欢收到新品资料",
    "上午联系最好",
)
EN_PREFERENCES = (
    "Prefers email",
    "No calls before 10 am",
    "Likes product samples",
    "Price-conscious",
    "Values fast delivery",
)
ZH_FAMILY = ("已婚，有一个女儿", "儿子今年高考", "父母同住", "夫人也是我们的客户")
EN_FAMILY = ("Married, two kids", "Daughter in college", "Recently moved house")
ZH_SOCIAL = ("喜欢打高尔夫", "商会会员", "爱好钓鱼", "经常参加行业展会")
EN_SOCIAL = ("Plays golf on weekends", "Chamber of commerce member", "Runs marathons")
# category, product, unit price in yuan (zh) — the English shop sells the same in dollars
CATALOGUE = (
    ("办公设备", "激光打印机", 2399),
    ("办公设备", "多功能一体机", 4599),
    ("办公设备", "碎纸机", 699),
    ("耗材", "硒鼓", 389),
    ("耗材", "A4 复印纸（箱）", 168),
    ("耗材", "墨盒套装", 259),
    ("办公家具", "人体工学椅", 1299),
    ("办公家具", "升降办公桌", 2680),
    ("软件服务", "财务软件标准版", 3980),
    ("软件服务", "年度维护服务", 1800),
    ("电子产品", "商务笔记本电脑", 6499),
    ("电子产品", "显示器 27 英寸", 1599),
)
EN_CATALOGUE = (
    ("Office equipment", "Laser printer", 349),
    ("Office equipment", "All-in-one printer", 629),
    ("Office equipment", "Paper shredder", 99),
    ("Supplies", "Toner cartridge", 59),
    ("Supplies", "Copy paper (case)", 45),
    ("Supplies", "Ink set", 39),
    ("Furniture", "Ergonomic chair", 249),
    ("Furniture", "Standing desk", 499),
    ("Software", "Accounting suite", 599),
    ("Software", "Annual support plan", 299),
    ("Electronics", "Business laptop", 1099),
    ("Electronics", "27-inch monitor", 279),
)
ORDER_CHANNELS = (("direct", 35), ("online", 30), ("distributor", 15), ("phone", 15), ("other", 5))
ZH_CARRIERS = (
    ("顺丰速运", "SF"),
    ("京东物流", "JD"),
    ("中通快递", "ZT"),
    ("圆通速递", "YT"),
    ("EMS", "EMS"),
)
EN_CARRIERS = (("UPS", "1Z"), ("FedEx", "FX"), ("USPS", "94"), ("DHL", "DH"))
ZH_PAY_METHODS = (("bank", 40), ("alipay", 25), ("wechat", 25), ("cash", 10))
EN_PAY_METHODS = (("card", 45), ("bank", 40), ("cash", 10), ("other", 5))
ZH_CHANNELS = (
    ("phone", 30),
    ("wechat", 25),
    ("visit", 15),
    ("email", 8),
    ("meeting", 8),
    ("sms", 8),
    ("other", 6),
)
EN_CHANNELS = (
    ("email", 35),
    ("phone", 30),
    ("meeting", 15),
    ("visit", 10),
    ("sms", 5),
    ("wechat", 1),
    ("other", 4),
)
ZH_SUBJECTS = (
    "回访产品使用情况",
    "报价跟进",
    "节日问候",
    "确认送货时间",
    "介绍新品",
    "催收货款",
    "处理售后问题",
    "续约沟通",
    "邀请参加展会",
    "了解采购计划",
)
EN_SUBJECTS = (
    "Check-in on recent order",
    "Quote follow-up",
    "Holiday greetings",
    "Confirm delivery date",
    "New product introduction",
    "Payment reminder",
    "Support issue",
    "Contract renewal",
    "Trade show invitation",
    "Purchasing plans",
)
ZH_OUTCOMES = (
    "客户满意，暂无新需求",
    "需要重新报价",
    "约定下周再联系",
    "已发送资料",
    "客户考虑中",
    "问题已解决",
    "客户提出改进建议",
)
EN_OUTCOMES = (
    "Happy, nothing needed now",
    "Wants a revised quote",
    "Call again next week",
    "Sent the brochure",
    "Thinking it over",
    "Issue resolved",
    "Gave suggestions",
)
COMPLAINT_SEVERITIES = (("low", 35), ("medium", 40), ("high", 18), ("critical", 7))
RESPONSE_HOURS = service.DEFAULT_RESPONSE_HOURS
COMPLAINT_CATEGORIES = service.COMPLAINT_CATEGORIES
ZH_COMPLAINTS = (
    "货物有破损",
    "送货延误三天",
    "客服电话打不通",
    "发票金额有误",
    "产品与描述不符",
    "安装人员态度不好",
)
EN_COMPLAINTS = (
    "Items arrived damaged",
    "Delivery three days late",
    "Could not reach support",
    "Invoice amount wrong",
    "Product not as described",
)
ZH_RESOLUTIONS = ("已补发新货", "已致歉并给予折扣", "已更正发票", "已安排技术人员上门")
EN_RESOLUTIONS = (
    "Replacement shipped",
    "Apologised and gave a discount",
    "Invoice corrected",
    "Technician sent on site",
)
ZH_SURVEY_COMMENTS = ("服务很好", "价格偏高", "送货快", "希望产品种类更多", "售后响应慢")
EN_SURVEY_COMMENTS = (
    "Great service",
    "A bit pricey",
    "Fast delivery",
    "Wish for more choice",
    "Support was slow",
)
EXIT_REASONS = tuple(zip(lifecycle.EXIT_REASONS, (30, 25, 15, 15, 5, 5, 5), strict=True))
ZH_EXIT_NOTES = ("转向了价格更低的供应商", "公司业务调整，不再需要", "对售后不满意")
EN_EXIT_NOTES = (
    "Moved to a cheaper supplier",
    "No longer needs our products",
    "Unhappy with support",
)


@dataclass(frozen=True)
class Stage:
    """How customers in one lifecycle stage look: weights and ranges drawn per customer."""

    name: str
    weight: int
    levels: tuple[int, ...]  # weights of levels 1..5
    grades: tuple[int, ...]  # weights of A, B, C, none
    stars: tuple[int, ...]  # weights of 0..5
    orders: tuple[int, int]
    last_order_days: tuple[int, int]  # how long ago the latest order was
    done_followups: tuple[int, int]
    last_contact_days: tuple[int, int]
    plan_chance: float
    complaint_chance: float
    survey_chance: float
    satisfaction: float  # mean 1..5
    good_payer: float  # chance the customer pays on time


STAGES = (
    Stage(
        "potential",
        26,
        (45, 38, 13, 4, 0),
        (0, 5, 30, 65),
        (45, 30, 15, 8, 2, 0),
        (0, 0),
        (0, 0),
        (0, 2),
        (1, 60),
        0.75,
        0.0,
        0.0,
        3.5,
        1.0,
    ),
    Stage(
        "first_purchase",
        15,
        (20, 38, 32, 8, 2),
        (5, 30, 60, 5),
        (10, 15, 35, 25, 12, 3),
        (1, 1),
        (5, 120),
        (1, 3),
        (1, 45),
        0.8,
        0.05,
        0.3,
        3.9,
        0.8,
    ),
    Stage(
        "repeat",
        20,
        (4, 18, 45, 27, 6),
        (20, 50, 30, 0),
        (2, 5, 20, 38, 28, 7),
        (2, 4),
        (3, 90),
        (2, 5),
        (1, 40),
        0.8,
        0.06,
        0.35,
        4.1,
        0.8,
    ),
    Stage(
        "loyal",
        14,
        (0, 4, 21, 45, 30),
        (60, 35, 5, 0),
        (0, 1, 4, 15, 40, 40),
        (4, 10),
        (1, 60),
        (3, 8),
        (1, 20),
        0.9,
        0.05,
        0.45,
        4.5,
        0.9,
    ),
    Stage(
        "at_risk",
        10,
        (10, 30, 40, 17, 3),
        (15, 45, 40, 0),
        (3, 10, 30, 35, 18, 4),
        (2, 4),
        (150, 400),
        (1, 4),
        (40, 200),
        0.6,
        0.25,
        0.35,
        2.6,
        0.6,
    ),
    Stage(
        "lost",
        8,
        (40, 40, 15, 5, 0),
        (5, 30, 65, 0),
        (10, 25, 35, 20, 8, 2),
        (1, 3),
        (400, 900),
        (1, 3),
        (200, 700),
        0.15,
        0.2,
        0.2,
        2.1,
        0.5,
    ),
    Stage(
        "exited",
        7,
        (60, 30, 10, 0, 0),
        (0, 20, 60, 20),
        (25, 30, 25, 15, 5, 0),
        (0, 2),
        (200, 700),
        (1, 2),
        (60, 500),
        0.0,
        0.3,
        0.2,
        2.0,
        0.5,
    ),
)
CADENCE_DAYS = {1: 180, 2: 90, 3: 30, 4: 14, 5: 7}
# Share of contacts the customer starts, per level: passive customers call us.
CUSTOMER_INITIATES = {1: 0.4, 2: 0.6, 3: 0.3, 4: 0.25, 5: 0.45}
CREDIT_BY_PAYER = {
    "good": ("AAA", "AA", "AA", "A"),
    "slow": ("A", "B", "B"),
    "bad": ("B", "C", "C"),
}


class _Random(random.Random):
    """`random.Random` with choice/randint/randrange at one `random()` call each.

    The standard ones draw bits in a Python loop; with ~60 draws per customer they were
    the largest cost of generating.
    """

    def choice(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))


class _Picker:
    """Weighted choice with precomputed cumulative weights (random.choices is slower per call)."""

    def __init__(self, items: Sequence[Any], weights: Sequence[int]) -> None:
        self.items = tuple(items)
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]

    def __call__(self, rng: random.Random) -> Any:
        return self.items[bisect(self.cum, rng.random() * self.total)]


STAGE_PICK = _Picker(STAGES, [s.weight for s in STAGES])
LEVEL_PICKS = {s.name: _Picker((1, 2, 3, 4, 5), s.levels) for s in STAGES}
GRADE_PICKS = {s.name: _Picker(("A", "B", "C", None), s.grades) for s in STAGES}
STAR_PICKS = {s.name: _Picker(range(6), s.stars) for s in STAGES}
SOURCE_PICK = _Picker(*zip(*SOURCES, strict=True))
SIZE_PICK = _Picker(*zip(*COMPANY_SIZES, strict=True))
CN_CITY_PICK = _Picker(CN_CITIES, [c[5] for c in CN_CITIES])
US_CITY_PICK = _Picker(US_CITIES, [c[-1] for c in US_CITIES])
ORDER_CHANNEL_PICK = _Picker(*zip(*ORDER_CHANNELS, strict=True))
PAY_PICKS = {
    "zh": _Picker(*zip(*ZH_PAY_METHODS, strict=True)),
    "en": _Picker(*zip(*EN_PAY_METHODS, strict=True)),
}
CHANNEL_PICKS = {
    "zh": _Picker(*zip(*ZH_CHANNELS, strict=True)),
    "en": _Picker(*zip(*EN_CHANNELS, strict=True)),
}
SEVERITY_PICK = _Picker(*zip(*COMPLAINT_SEVERITIES, strict=True))
EXIT_PICK = _Picker(*zip(*EXIT_REASONS, strict=True))
CONTACT_COUNT_PICK = _Picker((1, 2, 3, 4), (35, 35, 20, 10))
TAG_COUNT_PICK = _Picker((0, 1, 2), (45, 40, 15))
COMPLAINT_COUNT_PICK = _Picker((1, 2), (80, 20))
SURVEY_COUNT_PICK = _Picker((1, 2, 3), (60, 30, 10))
# Most old complaints are settled; a few were left lying.
OLD_COMPLAINT_STATUS_PICK = _Picker(("closed", "resolved", "in_progress", "open"), (55, 25, 10, 10))
NEW_COMPLAINT_STATUS_PICK = _Picker(("open", "in_progress", "resolved"), (40, 35, 25))


# ------------------------------------------------------------------------------- pools


@dataclass(frozen=True)
class _Person:
    name: str
    gender: str
    mail: str  # a plausible local part for their email address


@dataclass(frozen=True)
class _Pools:
    zh_people: tuple[_Person, ...]
    en_people: tuple[_Person, ...]
    zh_companies: tuple[tuple[str, str], ...]  # (name, web/mail domain)
    en_companies: tuple[tuple[str, str], ...]
    zh_roads: tuple[str, ...]
    en_streets: tuple[str, ...]


def _ascii_slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())


@lru_cache(maxsize=4)
def _pools(seed: int) -> _Pools:
    """Names, companies and streets drawn from Faker once per seed (Faker is slow per call)."""
    from faker import Faker  # late: importing Faker takes a while, only the demo needs it

    zh, en = Faker("zh_CN"), Faker("en_US")
    zh.seed_instance(seed)
    en.seed_instance(seed)
    rng = _Random(seed)

    zh_people: dict[str, _Person] = {}
    for i in range(6000):
        gender = "male" if i % 2 == 0 else "female"
        name = zh.name_male() if gender == "male" else zh.name_female()
        if name not in zh_people:
            # The surname-aware pinyin the search index uses, which also warms its cache.
            mail = _ascii_slug(pinyin_spelling(name, person=True))
            zh_people[name] = _Person(name, gender, mail)
    en_people: dict[str, _Person] = {}
    for i in range(3000):
        gender = "male" if i % 2 == 0 else "female"
        first = en.first_name_male() if gender == "male" else en.first_name_female()
        last = en.last_name()
        name = f"{first} {last}"
        en_people.setdefault(name, _Person(name, gender, f"{first}.{last}".lower()))
    zh_companies: dict[str, tuple[str, str]] = {}
    for _ in range(3000):
        city = CN_CITY_PICK(rng)[2]
        brand = zh.company_prefix()
        name = f"{city}{brand}{rng.choice(ZH_COMPANY_SUFFIXES)}"
        initials = "".join(word[0] for word in pinyin_spelling(brand).split())
        domain = f"{_ascii_slug(initials)}{rng.randrange(10, 99)}.com.cn"
        zh_companies.setdefault(name, (name, domain))
    en_companies: dict[str, tuple[str, str]] = {}
    for _ in range(1500):
        stem = en.company()
        name = stem + rng.choice(EN_COMPANY_SUFFIXES)
        en_companies.setdefault(name, (name, f"{_ascii_slug(stem)[:20]}.com"))
    roads = tuple(dict.fromkeys(CN_ROADS + tuple(zh.street_name() for _ in range(200))))
    streets = tuple(dict.fromkeys(en.street_address() for _ in range(1500)))
    # Pinyin of company names and of contacts is cached on first use by the index.
    return _Pools(
        tuple(zh_people.values()),
        tuple(en_people.values()),
        tuple(zh_companies.values()),
        tuple(en_companies.values()),
        roads,
        streets,
    )


# --------------------------------------------------------------------------- the plans


@dataclass
class _Plan:
    """One customer with everything that hangs off it, before ids exist."""

    customer: NewCustomer
    referrer: int | None = None  # index (in generation order) of the referring customer
    contact_count: int = 0
    # (contact index or None, owner, status, channel, initiated_by, subject, content, outcome,
    #  occurred_at, due_at, planned_from index or None)
    followups: list[tuple[Any, ...]] = field(default_factory=list)
    # (order fields…, shipments, payments)
    orders: list[tuple[Any, ...]] = field(default_factory=list)
    complaints: list[tuple[Any, ...]] = field(default_factory=list)
    surveys: list[tuple[Any, ...]] = field(default_factory=list)


class _Generator:
    """Draws customers one after another from one random stream."""

    def __init__(self, seed: int, today: date, owners: dict[str | None, list[int]]) -> None:
        self.rng = _Random(seed)
        self.pools = _pools(seed)
        self.today = today
        # Local wall-clock times become naive UTC with today's offset (DST ignored).
        offset = datetime.combine(today, time(12)).astimezone().utcoffset() or timedelta(0)
        self.local_to_utc = -offset
        self.now = datetime.now(UTC).replace(tzinfo=None)
        self.owners = owners
        self.index = 0

    # small helpers ------------------------------------------------------------------
    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        """Local `day` at `hour`:`minute` as naive UTC."""
        return datetime(day.year, day.month, day.day, hour, minute) + self.local_to_utc

    def days_ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def past_time(self, day: date) -> datetime:
        """A working-hours moment on `day` (no later than now)."""
        moment = self.at(day, self.rng.randint(8, 18), self.rng.choice((0, 15, 30, 45)))
        return min(moment, self.now - timedelta(minutes=5))

    def mobile(self) -> tuple[str, str]:
        """(number as typed, national digits) of a Chinese mobile."""
        rng = self.rng
        digits = rng.choice(CN_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        style = rng.random()
        if style < 0.6:
            typed = digits
        elif style < 0.85:
            typed = f"{digits[:3]} {digits[3:7]} {digits[7:]}"
        elif style < 0.95:
            typed = f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
        else:
            typed = f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"
        return typed, digits

    def cn_phone(self, label: str = "mobile") -> PhoneEntry:
        typed, digits = self.mobile()
        return PhoneEntry(typed, label, "+86" + digits, digits)

    def cn_landline(self, area: str, label: str = "work") -> PhoneEntry:
        rng = self.rng
        local = str(rng.choice((5, 6, 8))) + f"{rng.randrange(10**7):07d}"
        typed = f"{area}-{local}" if rng.random() < 0.7 else f"{area}-{local[:4]} {local[4:]}"
        digits = area[1:] + local
        return PhoneEntry(typed, label, "+86" + digits, digits)

    def us_phone(self, codes: Sequence[str], label: str = "mobile") -> PhoneEntry:
        rng = self.rng
        area = rng.choice(codes)
        exchange = rng.randrange(200, 1000)
        if exchange == 555:  # 555 numbers are fictional and invalid
            exchange = 556
        line = f"{rng.randrange(10**4):04d}"
        typed = (
            f"+1 ({area}) {exchange}-{line}"
            if rng.random() < 0.6
            else f"+1 {area}-{exchange}-{line}"
        )
        digits = f"{area}{exchange}{line}"
        return PhoneEntry(typed, label, "+1" + digits, digits)

    # one customer -------------------------------------------------------------------
    def next_plan(self) -> _Plan:
        rng, pools = self.rng, self.pools
        index = self.index
        self.index += 1
        zh = rng.random() < 0.75
        lang = "zh" if zh else "en"
        enterprise = rng.random() < 0.30
        stage = STAGE_PICK(rng)
        level = LEVEL_PICKS[stage.name](rng)
        in_china = zh or rng.random() < 0.25
        area, codes = "010", US_CITIES[0][2]  # set with the address below
        c = NewCustomer(name="", kind="enterprise" if enterprise else "individual")
        plan = _Plan(c)
        c.stage = stage.name
        c.grade = GRADE_PICKS[stage.name](rng)
        c.stars = STAR_PICKS[stage.name](rng)
        c.relationship_level = level
        c.source = SOURCE_PICK(rng)
        if c.source == "referral" and index > 0 and rng.random() < 0.7:
            plan.referrer = rng.randrange(index)
        owners = self.owners.get(lang) or self.owners[None]
        c.owner_id = rng.choice(owners) if rng.random() < 0.85 else rng.choice(self.owners[None])

        # Where they are
        if in_china:
            province, city, _, area, postcode, _, districts = CN_CITY_PICK(rng)
            street = f"{rng.choice(pools.zh_roads)}{rng.randint(1, 999)}号"
            if rng.random() < 0.5:
                street += f"{rng.randint(1, 30)}栋{rng.randint(1, 28)}0{rng.randint(1, 9)}室"
            address = AddressEntry(
                "work" if enterprise else "home",
                "中国" if zh else "China",
                province,
                city,
                rng.choice(districts),
                street,
                f"{postcode}{rng.randrange(1000):03d}",
            )
        else:
            state, city, codes, zip_prefix, _ = US_CITY_PICK(rng)
            address = AddressEntry(
                "work" if enterprise else "home",
                "United States",
                state,
                city,
                None,
                rng.choice(pools.en_streets),
                f"{zip_prefix}{rng.randrange(100):02d}",
            )
        c.addresses = [address]
        if rng.random() < 0.1:
            extra = AddressEntry(
                "shipping",
                address.country,
                address.province,
                address.city,
                address.district,
                address.street,
                address.postcode,
            )
            c.addresses.append(extra)

        def phone(label: str = "mobile") -> PhoneEntry:
            return self.cn_phone(label) if in_china else self.us_phone(codes, label)

        # Who they are
        if enterprise:
            name, domain = rng.choice(pools.zh_companies if zh else pools.en_companies)
            c.name = name
            c.industry = rng.choice(ZH_INDUSTRIES if zh else EN_INDUSTRIES)
            c.company_size = SIZE_PICK(rng)
            c.website = f"www.{domain}" if rng.random() < 0.7 else None
            c.phones = [self.cn_landline(area) if in_china else phone("work")]
            if rng.random() < 0.2:
                c.phones.append(self.cn_landline(area, "fax") if in_china else phone("fax"))
            if rng.random() < 0.6:
                mailbox = rng.choice(("info", "sales", "contact", "office"))
                c.emails = [EmailEntry(f"{mailbox}@{domain}")]
            people = pools.zh_people if zh else pools.en_people
            roles = ZH_CONTACT_ROLES if zh else EN_CONTACT_ROLES
            for n in range(CONTACT_COUNT_PICK(rng)):
                person = rng.choice(people)
                role, department = rng.choice(roles)
                contact = ContactEntry(
                    person.name,
                    title=role,
                    department=department,
                    gender=person.gender,
                    is_primary=n == 0,
                )
                contact.phones = [phone()]
                if rng.random() < 0.7:
                    contact.emails = [EmailEntry(f"{person.mail}@{domain}")]
                c.contacts.append(contact)
            plan.contact_count = len(c.contacts)
        else:
            person = rng.choice(pools.zh_people if zh else pools.en_people)
            c.name, c.gender = person.name, person.gender
            c.phones = [phone()]
            if rng.random() < 0.2:
                c.phones.append(self.cn_landline(area, "home") if in_china else phone("home"))
            if rng.random() < 0.65:
                number = rng.randrange(1, 1000) if rng.random() < 0.6 else ""
                host = rng.choice(ZH_MAIL if zh else EN_MAIL)
                if zh and rng.random() < 0.25:
                    c.emails = [EmailEntry(f"{rng.randrange(10**5, 10**10)}@qq.com", "home")]
                else:
                    c.emails = [EmailEntry(f"{person.mail}{number}@{host}", "home")]
            if rng.random() < 0.6:
                c.title = rng.choice(ZH_TITLES if zh else EN_TITLES)
            if rng.random() < 0.4:
                c.company_name = rng.choice(pools.zh_companies if zh else pools.en_companies)[0]
            if rng.random() < 0.75:
                if zh and rng.random() < 0.2:
                    c.lunar_birthday_month = rng.randint(1, 12)
                    c.lunar_birthday_day = rng.randint(1, 29)
                else:
                    c.birthday = date(1950, 1, 1) + timedelta(days=rng.randrange(55 * 365))
            if rng.random() < 0.25:
                c.family_notes = rng.choice(ZH_FAMILY if zh else EN_FAMILY)
            if rng.random() < 0.2:
                c.social_notes = rng.choice(ZH_SOCIAL if zh else EN_SOCIAL)
        if rng.random() < 0.3:
            c.notes = rng.choice(ZH_NOTES if zh else EN_NOTES)
        if rng.random() < 0.3:
            c.preferences = rng.choice(ZH_PREFERENCES if zh else EN_PREFERENCES)
        tag_pool = ZH_TAGS if zh else EN_TAGS
        tags = [tag_pool[0]] if stage.name == "loyal" and c.grade == "A" else []
        for _ in range(TAG_COUNT_PICK(rng)):
            tag = rng.choice(tag_pool)
            if tag not in tags:
                tags.append(tag)
        c.tags = tags

        # History: acquired `tenure` days ago, orders, follow-ups, service
        payer = "good" if rng.random() < stage.good_payer else rng.choice(("slow", "bad"))
        self._orders(plan, stage, lang, payer)
        order_dates = [o[0] for o in plan.orders if o[7] != "cancelled"]
        first_day = min(order_dates) if order_dates else None
        tenure = max(
            (self.today - first_day).days + rng.randint(10, 120) if first_day else 0,
            rng.randint(5, 400),
        )
        created = self.days_ago(tenure)
        c.created_at = self.past_time(created)
        c.status = "existing" if order_dates else "potential"
        if order_dates:
            c.first_purchase_on, c.last_purchase_on = min(order_dates), max(order_dates)
            c.credit_rating = rng.choice(CREDIT_BY_PAYER[payer])
            if enterprise:
                base = {"A": 200_000, "B": 80_000, "C": 20_000, None: 10_000}[c.grade]
                c.credit_limit = Decimal(base * rng.choice((1, 1, 2, 3)) // 2)
        if stage.name == "exited":
            c.exit_reason = EXIT_PICK(rng)
            c.exited_at = self.past_time(self.days_ago(rng.randint(1, min(tenure, 180) or 1)))
            if rng.random() < 0.6:
                c.exit_notes = rng.choice(ZH_EXIT_NOTES if zh else EN_EXIT_NOTES)
        self._followups(plan, stage, level, lang, tenure)
        self._service(plan, stage, lang, order_dates)
        return plan

    def _orders(self, plan: _Plan, stage: Stage, lang: str, payer: str) -> None:
        rng = self.rng
        c = plan.customer
        count = rng.randint(*stage.orders)
        if not count:
            return
        last = rng.randint(*stage.last_order_days)
        gap = rng.randint(20, 90)  # this customer's purchase interval
        catalogue = CATALOGUE if lang == "zh" else EN_CATALOGUE
        carriers = ZH_CARRIERS if lang == "zh" else EN_CARRIERS
        enterprise = c.kind == "enterprise"
        terms = rng.choice((30, 60)) if enterprise else 0
        for n in range(count):
            days = last + (count - 1 - n) * gap + rng.randint(-gap // 4, gap // 4)
            day = self.days_ago(max(days, 0))
            category, product, price = rng.choice(catalogue)
            quantity = rng.randint(2, 60) if enterprise else rng.randint(1, 3)
            cents = price * 100 * quantity * rng.randint(85, 100) // 100
            amount = Decimal(cents).scaleb(-2)
            cost = Decimal(cents * rng.randint(55, 80) // 100).scaleb(-2)
            age = (self.today - day).days
            cancelled = rng.random() < 0.03
            if cancelled:
                status = "cancelled"
            elif age < 2:
                status = "confirmed"
            elif age < 7:
                status = "shipped"
            else:
                status = "completed"
            due = day + timedelta(days=terms)
            channel = ORDER_CHANNEL_PICK(rng)
            shipments, payments = [], []
            # Direct sales are handed over at the counter or by our own van: no carrier.
            if status in ("shipped", "completed") and channel != "direct":
                shipped = min(day + timedelta(days=rng.randint(0, 3)), self.today)
                carrier, prefix = rng.choice(carriers)
                tracking = f"{prefix}{rng.randrange(10**11, 10**12)}"
                shipments.append((shipped, carrier, tracking, quantity))
            if not cancelled:
                payments = self._payments(day, due, cents, lang, payer)
            notes = None
            plan.orders.append(
                (
                    day,
                    product,
                    category,
                    quantity,
                    amount,
                    cost,
                    channel,
                    status,
                    due,
                    c.owner_id,
                    notes,
                    shipments,
                    payments,
                )
            )

    def _payments(self, day: date, due: date, cents: int, lang: str, payer: str) -> list[tuple]:
        """On time, late, partial or missing, by the customer's payment habit."""
        rng = self.rng
        method = PAY_PICKS[lang](rng)
        span = max((due - day).days, 0)
        if payer == "good" or (payer == "slow" and rng.random() < 0.5):
            parts = [(day + timedelta(days=rng.randint(0, span)), cents)]
        elif payer == "slow":
            parts = [(due + timedelta(days=rng.randint(5, 60)), cents)]
        else:
            kind = rng.random()
            if kind < 0.4:  # partial
                part = cents * rng.randint(30, 70) // 100
                parts = [(due + timedelta(days=rng.randint(0, 45)), part)]
            elif kind < 0.7:  # missing
                parts = []
            else:  # very late
                parts = [(due + timedelta(days=rng.randint(30, 120)), cents)]
        reference = "银行转账" if lang == "zh" else "Wire transfer"
        return [
            (paid, Decimal(amount).scaleb(-2), method, reference if method == "bank" else None)
            for paid, amount in parts
            if paid <= self.today
        ]

    def _followups(self, plan: _Plan, stage: Stage, level: int, lang: str, tenure: int) -> None:
        rng = self.rng
        c = plan.customer
        zh = lang == "zh"
        channel = CHANNEL_PICKS[lang]
        subjects, outcomes = (ZH_SUBJECTS, ZH_OUTCOMES) if zh else (EN_SUBJECTS, EN_OUTCOMES)
        count = rng.randint(*stage.done_followups)
        last = min(rng.randint(*stage.last_contact_days), max(tenure - 1, 1))
        share = CUSTOMER_INITIATES[level]
        owners = self.owners[None]
        times = sorted((rng.randint(last, max(last, tenure)) for _ in range(count)), reverse=True)
        if times:
            times[-1] = last
        done: list[datetime] = []
        for days in times:
            when = self.past_time(self.days_ago(days))
            done.append(when)
            subject = rng.choice(subjects)
            plan.followups.append(
                (
                    self._contact(plan),
                    c.owner_id if rng.random() < 0.9 else rng.choice(owners),
                    "done",
                    channel(rng),
                    "customer" if rng.random() < share else "us",
                    subject,
                    subject if rng.random() < 0.5 else None,
                    rng.choice(outcomes),
                    when,
                    None,
                    None,
                )
            )
        if done:
            c.last_contact_at = max(done)
        if rng.random() < 0.05 and count:  # a plan that was called off
            plan.followups.append(
                (
                    self._contact(plan),
                    c.owner_id,
                    "cancelled",
                    channel(rng),
                    "us",
                    rng.choice(subjects),
                    None,
                    None,
                    None,
                    self.at(self.days_ago(rng.randint(1, 60)), 10),
                    None,
                )
            )
        if rng.random() < stage.plan_chance:
            when = rng.random()
            if when < 0.2:  # overdue
                due = self.at(self.days_ago(rng.randint(1, 30)), rng.randint(9, 17))
            elif when < 0.32:  # due today
                due = self.at(self.today, rng.randint(9, 17), rng.choice((0, 30)))
            else:  # upcoming, about one cadence ahead
                cadence = CADENCE_DAYS[level]
                ahead = rng.randint(1, max(2, min(cadence, 60)))
                due = self.at(self.today + timedelta(days=ahead), rng.randint(9, 17))
            plan.followups.append(
                (
                    self._contact(plan),
                    c.owner_id,
                    "planned",
                    channel(rng),
                    "us",
                    rng.choice(subjects),
                    None,
                    None,
                    None,
                    due,
                    count - 1 if count else None,
                )
            )
            c.next_followup_at = due

    def _contact(self, plan: _Plan) -> int | None:
        if not plan.contact_count:
            return None
        return self.rng.randrange(plan.contact_count)

    def _service(self, plan: _Plan, stage: Stage, lang: str, order_dates: list[date]) -> None:
        rng = self.rng
        if not order_dates:
            return
        zh = lang == "zh"
        if rng.random() < stage.complaint_chance:
            for _ in range(COMPLAINT_COUNT_PICK(rng)):
                day = min(rng.choice(order_dates) + timedelta(days=rng.randint(1, 20)), self.today)
                opened = self.past_time(day)
                severity = SEVERITY_PICK(rng)
                age = (self.today - day).days
                status = (OLD_COMPLAINT_STATUS_PICK if age > 30 else NEW_COMPLAINT_STATUS_PICK)(rng)
                resolved = resolution = None
                if status in ("resolved", "closed"):
                    resolved = min(
                        opened + timedelta(hours=rng.randint(2, 24 * 20)),
                        self.now - timedelta(minutes=1),
                    )
                    resolution = rng.choice(ZH_RESOLUTIONS if zh else EN_RESOLUTIONS)
                plan.complaints.append(
                    (
                        opened,
                        severity,
                        rng.choice(COMPLAINT_CATEGORIES),
                        rng.choice(ZH_COMPLAINTS if zh else EN_COMPLAINTS),
                        status,
                        opened + timedelta(hours=RESPONSE_HOURS[severity]),
                        resolved,
                        resolution,
                        plan.customer.owner_id,
                    )
                )
        if rng.random() < stage.survey_chance:
            for _ in range(SURVEY_COUNT_PICK(rng)):
                day = min(rng.choice(order_dates) + timedelta(days=rng.randint(3, 30)), self.today)
                satisfaction = min(5, max(1, round(rng.gauss(stage.satisfaction, 0.7))))
                nps = min(10, max(0, round(satisfaction * 2 + rng.gauss(0, 1.2))))
                comment = None
                if rng.random() < 0.4:
                    comment = rng.choice(ZH_SURVEY_COMMENTS if zh else EN_SURVEY_COMMENTS)
                plan.surveys.append((day, satisfaction, nps, comment))


# ------------------------------------------------------------------------------ writing


def _ensure_users() -> tuple[dict[str | None, list[int]], int]:
    """The sample sales team (created when missing): owner ids by language, and how many are new."""
    from desktop_crm.domain.users import create_user

    created = 0
    owners: dict[str | None, list[int]] = {None: [], "zh": [], "en": []}
    for username, display_name, role, lang in USERS:
        user = User.get_or_none(User.username == username)
        if user is None:
            user_id = create_user(username, display_name, role).id
            created += 1
        else:
            user_id = user.id
        if role != "admin":
            owners[None].append(user_id)
            owners[lang].append(user_id)
    return owners, created


def _write_batch(plans: list[_Plan], all_ids: list[int], summary: DemoSummary) -> None:
    """Write one batch of plans in one transaction."""
    with write_transaction():
        # A referrer from an earlier batch is written with the customer; one in this
        # batch has no id yet, so it is set afterwards (an UPDATE costs ~80 µs a row).
        written = len(all_ids)
        for p in plans:
            if p.referrer is not None and p.referrer < written:
                p.customer.referred_by_id = all_ids[p.referrer]
        ids = bulk_insert_customers([p.customer for p in plans], changed_by=CHANGED_BY)
        all_ids.extend(ids)
        referrals = [
            (all_ids[p.referrer], cid)
            for p, cid in zip(plans, ids, strict=True)
            if p.referrer is not None and p.referrer >= written
        ]
        if referrals:
            database.obj.cursor().executemany(
                f"UPDATE customer SET referred_by_id = {database.obj.param} "
                f"WHERE id = {database.obj.param}",
                referrals,
            )
        contacts: dict[int, list[int]] = {cid: [] for cid in ids}
        for cid, pid in (
            ContactPerson.select(ContactPerson.customer, ContactPerson.id)
            .where(ContactPerson.customer.between(min(ids), max(ids)))
            .order_by(ContactPerson.id)
            .tuples()
        ):
            if cid in contacts:  # ids are consecutive on SQLite, not always elsewhere
                contacts[cid].append(pid)

        followup_ids = iter(next_ids(FollowUp, sum(len(p.followups) for p in plans)))
        followups = []
        for p, cid in zip(plans, ids, strict=True):
            mine = contacts.get(cid, [])
            own_ids = []
            for (
                contact,
                owner,
                status,
                channel,
                initiated,
                subject,
                content,
                outcome,
                occurred,
                due,
                planned_from,
            ) in p.followups:
                fid = next(followup_ids)
                own_ids.append(fid)
                followups.append(
                    (
                        fid,
                        cid,
                        mine[contact] if contact is not None else None,
                        owner,
                        status,
                        channel,
                        initiated,
                        subject,
                        content,
                        outcome,
                        occurred,
                        due,
                        own_ids[planned_from] if planned_from is not None else None,
                    )
                )
        summary.followups += insert_rows(
            FollowUp,
            (
                "id",
                "customer",
                "contact",
                "owner",
                "status",
                "channel",
                "initiated_by",
                "subject",
                "content",
                "outcome",
                "occurred_at",
                "due_at",
                "planned_from",
            ),
            followups,
        )

        order_ids = iter(next_ids(Order, sum(len(p.orders) for p in plans)))
        orders, shipments, payments = [], [], []
        for p, cid in zip(plans, ids, strict=True):
            for (
                day,
                product,
                category,
                quantity,
                amount,
                cost,
                channel,
                status,
                due,
                owner,
                notes,
                order_shipments,
                order_payments,
            ) in p.orders:
                oid = next(order_ids)
                orders.append(
                    (
                        oid,
                        cid,
                        f"SO{oid:08d}",
                        day,
                        product,
                        category,
                        quantity,
                        amount,
                        cost,
                        channel,
                        status,
                        due,
                        owner,
                        notes,
                    )
                )
                shipments.extend((oid, *s) for s in order_shipments)
                payments.extend((cid, oid, *pay) for pay in order_payments)
        summary.orders += insert_rows(
            Order,
            (
                "id",
                "customer",
                "order_no",
                "order_date",
                "product",
                "category",
                "quantity",
                "amount",
                "cost",
                "channel",
                "status",
                "payment_due",
                "owner",
                "notes",
            ),
            orders,
        )
        summary.shipments += insert_rows(
            Shipment, ("order", "shipped_on", "carrier", "tracking_no", "quantity"), shipments
        )
        summary.payments += insert_rows(
            Payment, ("customer", "order", "paid_on", "amount", "method", "reference"), payments
        )
        summary.complaints += insert_rows(
            Complaint,
            (
                "customer",
                "opened_at",
                "severity",
                "category",
                "description",
                "status",
                "respond_by",
                "resolved_at",
                "resolution",
                "owner",
            ),
            [(cid, *row) for p, cid in zip(plans, ids, strict=True) for row in p.complaints],
        )
        summary.surveys += insert_rows(
            Survey,
            ("customer", "surveyed_on", "satisfaction", "nps", "comments"),
            [(cid, *row) for p, cid in zip(plans, ids, strict=True) for row in p.surveys],
        )
    summary.customers += len(ids)
    summary.contacts += sum(p.contact_count for p in plans)


def add_sample_data(
    count: int,
    *,
    seed: int | None = 0,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int = DEFAULT_BATCH,
    today: date | None = None,
) -> DemoSummary:
    """Add `count` realistic sample customers with their history; returns what was added.

    The same `seed` (and `today`) on a fresh database gives the same data; `seed=None`
    draws a random one. Customers are written `batch_size` at a time, each batch in its
    own transaction; `progress(done, total)` is called after each batch and `cancelled()`
    before each, so a cancelled run keeps only whole batches. A sales team of a few users
    is created first when missing.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    if seed is None:
        seed = random.SystemRandom().randrange(2**32)
    summary = DemoSummary()
    with write_transaction():
        owners, summary.users = _ensure_users()
    if batch_size < 1:
        raise ValueError("batch_size must be positive")
    generator = _Generator(seed, today or date.today(), owners)
    all_ids: list[int] = []
    done = 0
    with garbage_collector_spared():
        while done < count:
            if cancelled is not None and cancelled():
                break
            plans = [generator.next_plan() for _ in range(min(batch_size, count - done))]
            _write_batch(plans, all_ids, summary)
            done += len(plans)
            if progress is not None:
                progress(done, count)
    return summary
