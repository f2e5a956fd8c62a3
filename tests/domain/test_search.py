"""Customer search: what a user types and picks finds the right customers, in order, by page."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from playhouse.test_utils import assert_query_count

from desktop_crm.db.connection import is_sqlite
from desktop_crm.db.models import Customer, User, utcnow
from desktop_crm.domain import customers, search
from desktop_crm.domain.search import (
    SORT_COLUMNS,
    CustomerQuery,
    count_customers,
    customer_ids,
    end_of_today_utc,
    search_customers,
)

# Names in pinyin order: the order a Chinese user expects the list in.
BY_NAME = [
    "华为技术有限公司",
    "John Smith",
    "欧阳建华",
    "单田芳",
    "腾讯科技",
    "王建国",
    "曾小明",
    "张三",
]


@pytest.fixture
def people(db) -> dict[str, int]:
    """A small fixed set of customers, created the way the app creates them."""
    for username in ("alice", "bob"):
        User.create(username=username, display_name=username.title())
    rows = [
        {
            "name": "王建国",
            "phones": ["138 0013 8000"],
            "emails": ["jianguo.wang@example.com"],
            "tags": ["VIP"],
            "notes": "喜欢喝茶，周末打高尔夫",
            "company_name": "京东",
            "province": "北京",
            "city": "北京",
            "status": "existing",
            "stage": "repeat",
            "grade": "A",
            "stars": 5,
            "relationship_level": 4,
            "owner": "alice",
            "source": "referral",
        },
        {
            "name": "张三",
            "phones": ["139 1234 5678"],
            "emails": ["zhangsan@qq.com"],
            "province": "广东",
            "city": "深圳",
            "grade": "B",
            "stars": 3,
            "relationship_level": 2,
            "owner": "bob",
            "source": "website",
        },
        {
            "name": "曾小明",
            "phones": ["150 0000 1111"],
            "tags": ["回访"],
            "province": "四川",
            "city": "成都",
            "grade": "C",
            "stars": 1,
            "owner": "alice",
        },
        {
            "name": "华为技术有限公司",
            "kind": "enterprise",
            "phones": ["0755 2878 0808"],
            "contacts": [{"name": "李娜", "title": "采购经理"}],
            "tags": ["VIP", "经销商"],
            "province": "广东",
            "city": "深圳",
            "status": "existing",
            "stage": "loyal",
            "grade": "A",
            "stars": 4,
            "relationship_level": 5,
            "owner": "bob",
            "source": "exhibition",
        },
        {
            "name": "John Smith",
            "phones": ["+1 212-555-0100"],
            "emails": ["john.smith@example.com"],
            "status": "existing",
            "stage": "first_purchase",
            "grade": "B",
            "stars": 2,
            "relationship_level": 3,
            "source": "walk_in",
        },
        {
            "name": "欧阳建华",
            "phones": ["186 2000 3000"],
            "province": "四川",
            "city": "成都",
            "stars": 0,
            "owner": "alice",
        },
        {
            "name": "腾讯科技",
            "kind": "enterprise",
            "contacts": ["马化腾"],
            "province": "广东",
            "city": "深圳",
            "status": "existing",
            "stage": "at_risk",
            "stars": 3,
            "owner": "bob",
            "preferences": "只用微信联系",
        },
        {
            "name": "单田芳",
            "phones": ["010 6234 5678"],
            "province": "北京",
            "city": "北京",
            "stars": 1,
            "relationship_level": 1,
            "source": "referral",
        },
    ]
    return {row["name"]: customers.create_customer(row).id for row in rows}


@pytest.fixture(params=["few", "walk", "whole"])
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test under each of the plans search chooses between.

    The small test set would always take the "few matches" plan. A switch point of 1
    makes every query that matches anything skip it; then, in a table that looks huge,
    a page walks the sort order ("walk"), and in this small one a page covers the whole
    list, so all the matches are sorted ("whole"). Every plan must give the same answers.
    """
    switch = 10**9 if request.param == "few" else 1
    monkeypatch.setattr(search, "MIN_FEW_MATCHES", switch)
    monkeypatch.setattr(search, "MAX_FEW_MATCHES", switch)
    if request.param == "walk":
        monkeypatch.setattr(search, "_customer_id_span", lambda: 10**9)
    yield request.param


def names(query: CustomerQuery, **kwargs) -> list[str]:
    return [row.name for row in search_customers(query, **kwargs)]


def found(text: str) -> set[str]:
    return set(names(CustomerQuery(text=text)))


# ---------------------------------------------------------------------------- the text


TEXT_CASES = [
    # One, two, three and more Hanzi anywhere in a name
    ("建", {"王建国", "欧阳建华"}),
    ("建国", {"王建国"}),
    ("王建国", {"王建国"}),
    ("欧阳建华", {"欧阳建华"}),
    ("华", {"欧阳建华", "华为技术有限公司"}),
    ("技术有限", {"华为技术有限公司"}),
    # Full pinyin, with or without the space, and pinyin of the end of a name
    ("zhangsan", {"张三"}),
    ("zhang san", {"张三"}),
    ("jianguo", {"王建国"}),
    ("ouyang", {"欧阳建华"}),
    # Initials
    ("zs", {"张三"}),
    ("wjg", {"王建国"}),
    ("oyjh", {"欧阳建华"}),
    # Surnames read their own way
    ("zeng", {"曾小明"}),
    ("zxm", {"曾小明"}),
    ("shantianfang", {"单田芳"}),
    # Company names in pinyin and initials, an individual's employer too
    ("huawei", {"华为技术有限公司"}),
    ("hw", {"华为技术有限公司"}),
    ("tengxun", {"腾讯科技"}),
    ("txkj", {"腾讯科技"}),
    ("京东", {"王建国"}),
    ("jingdong", {"王建国"}),
    # Contact persons, in Hanzi and pinyin
    ("李娜", {"华为技术有限公司"}),
    ("lina", {"华为技术有限公司"}),
    ("马化腾", {"腾讯科技"}),
    ("mht", {"腾讯科技"}),
    # Phone fragments however they are typed
    ("13800138000", {"王建国"}),
    ("138 0013", {"王建国"}),
    ("0013-8000", {"王建国"}),
    ("+86 138 0013 8000", {"王建国"}),
    ("+86-138-0013-8000", {"王建国"}),
    ("(0755) 2878", {"华为技术有限公司"}),
    ("2878 0808", {"华为技术有限公司"}),
    ("212-555", {"John Smith"}),
    ("+1 212 555 0100", {"John Smith"}),
    ("6234 5678", {"单田芳"}),
    # Typed with a Chinese input method in full-width mode
    ("１３８ ００１３", {"王建国"}),
    ("ＷＪＧ", {"王建国"}),
    ("ｚｈａｎｇｓａｎ", {"张三"}),
    # Emails, whole or in parts
    ("zhangsan@qq.com", {"张三"}),
    ("zhangsan@qq", {"张三"}),
    ("john.smith", {"John Smith"}),
    ("example.com", {"王建国", "John Smith"}),
    # Tags, notes and preferences
    ("VIP", {"王建国", "华为技术有限公司"}),
    ("经销商", {"华为技术有限公司"}),
    ("喝茶", {"王建国"}),
    ("高尔夫", {"王建国"}),
    ("微信", {"腾讯科技"}),
    # Latin text ignores case and is found by its beginning
    ("SMITH", {"John Smith"}),
    ("smi", {"John Smith"}),
    ("JOHN smith", {"John Smith"}),
    # Every word must match
    ("建 VIP", {"王建国"}),
    ("华 VIP", {"华为技术有限公司"}),
    ("王 zs", set()),
    # Customer codes
    ("C000002", {"张三"}),
    # Nothing matches
    ("不存在", set()),
    ("xyzzy", set()),
    ("19999999999", set()),
]


@pytest.mark.parametrize(("text", "expected"), TEXT_CASES, ids=[c[0] for c in TEXT_CASES])
def test_typed_text_finds_the_customers_it_names(people, plan, text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "-", '"', "*", "()"])
def test_text_with_nothing_to_search_for_lists_everyone(people, plan, text):
    assert names(CustomerQuery(text=text)) == BY_NAME


def test_fts_operators_typed_as_text_are_searched_as_words(people, plan):
    customers.update_customer(people["张三"], {"notes": "NEAR the AND gate OR not"})
    assert found("NEAR") == found("near") == {"张三"}
    assert found("AND OR") == {"张三"}
    assert found('"AND"') == {"张三"}
    assert found("王 OR 张") == set()


# ---------------------------------------------------------------------------- filters


def _due(people: dict[str, int]) -> None:
    """王建国 is overdue, 张三 is due late tonight, 曾小明 is due tomorrow."""
    tonight = end_of_today_utc() - timedelta(minutes=1)
    Customer.update(next_followup_at=utcnow() - timedelta(days=3)).where(
        Customer.id == people["王建国"]
    ).execute()
    Customer.update(next_followup_at=tonight).where(Customer.id == people["张三"]).execute()
    Customer.update(next_followup_at=end_of_today_utc() + timedelta(minutes=30)).where(
        Customer.id == people["曾小明"]
    ).execute()


FILTER_CASES = [
    ({"kind": "enterprise"}, {"华为技术有限公司", "腾讯科技"}),
    ({"kind": "individual"}, {"王建国", "张三", "曾小明", "John Smith", "欧阳建华", "单田芳"}),
    ({"status": "existing"}, {"王建国", "华为技术有限公司", "John Smith", "腾讯科技"}),
    ({"stage": "loyal"}, {"华为技术有限公司"}),
    ({"stage": "potential"}, {"张三", "曾小明", "欧阳建华", "单田芳"}),
    ({"grade": "A"}, {"王建国", "华为技术有限公司"}),
    ({"stars": 4}, {"王建国", "华为技术有限公司"}),
    ({"stars": 0}, set(BY_NAME)),
    ({"level": 5}, {"华为技术有限公司"}),
    ({"owner": "alice"}, {"王建国", "曾小明", "欧阳建华"}),
    ({"owner": "nobody"}, set()),
    ({"tag": "VIP"}, {"王建国", "华为技术有限公司"}),
    ({"tag": "no such tag"}, set()),
    ({"province": "广东"}, {"张三", "华为技术有限公司", "腾讯科技"}),
    ({"city": "成都"}, {"曾小明", "欧阳建华"}),
    ({"source": "referral"}, {"王建国", "单田芳"}),
    ({"followup_due": True}, {"王建国", "张三"}),
    # Filters combine with each other …
    ({"province": "广东", "kind": "individual"}, {"张三"}),
    ({"owner": "bob", "status": "existing", "stars": 4}, {"华为技术有限公司"}),
    ({"tag": "VIP", "city": "北京"}, {"王建国"}),
    ({"grade": "C", "status": "existing"}, set()),
    # … and with the text
    ({"text": "建", "owner": "alice"}, {"王建国", "欧阳建华"}),
    ({"text": "建", "status": "existing"}, {"王建国"}),
    ({"text": "华", "kind": "enterprise"}, {"华为技术有限公司"}),
    ({"text": "VIP", "province": "广东"}, {"华为技术有限公司"}),
    ({"text": "example.com", "grade": "B"}, {"John Smith"}),
    ({"text": "138", "followup_due": True}, {"王建国"}),
    ({"text": "zs", "tag": "VIP"}, set()),
    ({"text": "shan", "level": 1, "source": "referral"}, {"单田芳"}),
]


@pytest.mark.parametrize(
    ("filters", "expected"), FILTER_CASES, ids=[str(c[0]) for c in FILTER_CASES]
)
def test_filters_keep_only_the_customers_that_meet_all_of_them(people, plan, filters, expected):
    _due(people)
    query = CustomerQuery(**filters)
    assert set(names(query)) == expected
    assert count_customers(query) == len(expected)


@pytest.fixture
def in_shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is China Standard Time (UTC+8) for the test."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_local_day_ends_at_local_midnight_in_utc(in_shanghai):
    # 2024-03-10 20:00 UTC is already 04:00 on the 11th in Beijing: that day ends at
    # midnight Beijing time, 16:00 UTC on the 11th.
    late = datetime(2024, 3, 10, 20, 0, tzinfo=UTC)
    assert end_of_today_utc(late) == datetime(2024, 3, 11, 16, 0)
    early = datetime(2024, 3, 10, 15, 59, tzinfo=UTC)
    assert end_of_today_utc(early) == datetime(2024, 3, 10, 16, 0)


# ---------------------------------------------------------------------------- the trash


def test_trashed_customers_are_not_found_until_restored(people, plan):
    customers.trash_customers([people["王建国"]])
    assert found("建") == {"欧阳建华"}
    assert "王建国" not in names(CustomerQuery())
    assert count_customers(CustomerQuery()) == len(BY_NAME) - 1
    assert names(CustomerQuery(tag="VIP")) == ["华为技术有限公司"]
    customers.restore_customers([people["王建国"]])
    assert found("建") == {"王建国", "欧阳建华"}
    assert count_customers(CustomerQuery()) == len(BY_NAME)


def test_the_trash_is_searched_with_the_same_text_and_filters(people, plan):
    customers.trash_customers([people["王建国"], people["张三"]])
    assert names(CustomerQuery(trashed=True)) == ["王建国", "张三"]
    assert names(CustomerQuery(trashed=True, text="wjg")) == ["王建国"]
    assert names(CustomerQuery(trashed=True, owner="bob")) == ["张三"]
    assert names(CustomerQuery(trashed=True, text="欧阳")) == []
    assert count_customers(CustomerQuery(trashed=True)) == 2


# ---------------------------------------------------------------------- the index kept in step


def test_a_renamed_customer_is_found_by_the_new_name_only(people, plan):
    customers.update_customer(people["张三"], {"name": "李四"})
    assert found("张三") == set() and found("zs") == set()  # (the email still says zhangsan)
    assert found("李四") == {"李四"} and found("lisi") == {"李四"} and found("ls") == {"李四"}
    assert names(CustomerQuery(city="深圳", kind="individual")) == ["李四"]


def test_a_changed_phone_is_found_and_the_old_one_is_not(people, plan):
    customers.update_customer(people["张三"], {"phones": ["137 0000 9999"]})
    assert found("139 1234") == set()
    assert found("137 0000 9999") == {"张三"}
    assert found("0000-9999") == {"张三"}


def test_a_contact_person_added_later_is_found(people, plan):
    customers.update_customer(people["腾讯科技"], {"contacts": ["马化腾", "张志东"]})
    assert found("张志东") == {"腾讯科技"}
    assert found("zzd") == {"腾讯科技"}
    assert found("张") == {"张三", "腾讯科技"}


def test_a_new_tag_is_found(people, plan):
    customers.update_customer(people["曾小明"], {"tags": ["VIP"]})
    assert found("vip") == {"王建国", "华为技术有限公司", "曾小明"}
    assert found("回访") == set()
    assert set(names(CustomerQuery(tag="VIP"))) == {"王建国", "华为技术有限公司", "曾小明"}


# ---------------------------------------------------------------------------- sorting


def test_the_list_is_in_pinyin_order_of_names_by_default(people, plan):
    assert names(CustomerQuery()) == BY_NAME
    assert names(CustomerQuery(), descending=True) == BY_NAME[::-1]


def test_search_results_keep_the_pinyin_order(people, plan):
    assert names(CustomerQuery(text="建")) == ["欧阳建华", "王建国"]
    assert names(CustomerQuery(text="建"), descending=True) == ["王建国", "欧阳建华"]
    assert names(CustomerQuery(province="广东")) == ["华为技术有限公司", "腾讯科技", "张三"]


def test_sorting_by_stars_breaks_ties_by_id_in_the_same_direction(people, plan):
    rows = search_customers(CustomerQuery(), sort="stars", descending=True)
    assert [(r.stars, r.name) for r in rows] == [
        (5, "王建国"),
        (4, "华为技术有限公司"),
        (3, "腾讯科技"),
        (3, "张三"),
        (2, "John Smith"),
        (1, "单田芳"),
        (1, "曾小明"),
        (0, "欧阳建华"),
    ]


def test_sorting_by_code_and_created_at_lists_customers_in_the_order_they_came(people, plan):
    in_order = sorted(people, key=people.get)
    assert names(CustomerQuery(), sort="code") == in_order
    assert names(CustomerQuery(), sort="created_at") == in_order
    assert names(CustomerQuery(), sort="created_at", descending=True) == in_order[::-1]


def test_sorting_by_owner_groups_customers_by_username(people, plan):
    rows = search_customers(CustomerQuery(), sort="owner")
    owned = [(r.owner, r.name) for r in rows if r.owner]
    assert owned == [
        ("alice", "王建国"),
        ("alice", "曾小明"),
        ("alice", "欧阳建华"),
        ("bob", "张三"),
        ("bob", "华为技术有限公司"),
        ("bob", "腾讯科技"),
    ]


def test_sorting_by_city_groups_customers_by_city(people, plan):
    rows = search_customers(CustomerQuery(stars=1), sort="city")
    assert [(r.city, r.name) for r in rows if r.city] == [
        ("北京", "王建国"),
        ("北京", "单田芳"),
        ("成都", "曾小明"),
        ("深圳", "张三"),
        ("深圳", "华为技术有限公司"),
        ("深圳", "腾讯科技"),
    ]


@pytest.mark.parametrize("column", SORT_COLUMNS)
def test_every_column_sorts_both_ways_and_descending_is_the_exact_reverse(people, plan, column):
    ascending = customer_ids(CustomerQuery(), sort=column)
    descending = customer_ids(CustomerQuery(), sort=column, descending=True)
    assert sorted(ascending) == sorted(people.values())
    assert descending == ascending[::-1]
    values = [
        getattr(r, "name" if column == "name" else column)
        for r in search_customers(CustomerQuery(), sort=column)
    ]
    if column not in ("name", "owner"):
        present = [v for v in values if v is not None]
        assert present == sorted(present)


def test_an_unknown_sort_column_is_refused(people):
    for column in ("phone", "email", "id", "name; DROP TABLE customer", "sort_key"):
        with pytest.raises(ValueError, match="cannot sort"):
            customer_ids(CustomerQuery(), sort=column)
    with pytest.raises(ValueError, match="cannot sort"):
        search_customers(CustomerQuery(text="建"), sort="nope")


# ---------------------------------------------------------------------------- paging and counting


def test_pages_follow_on_without_gaps_or_repeats(people, plan):
    pages = [names(CustomerQuery(), offset=start, limit=3) for start in (0, 3, 6, 9)]
    assert pages == [BY_NAME[0:3], BY_NAME[3:6], BY_NAME[6:8], []]
    query = CustomerQuery(stars=1)
    pages = [customer_ids(query, sort="stars", offset=i, limit=2) for i in (0, 2, 4, 6)]
    assert sum(pages, []) == customer_ids(query, sort="stars")


def test_pages_of_a_search_follow_on(people, plan):
    query = CustomerQuery(text="C00")  # every customer code
    assert names(query) == BY_NAME
    pages = names(query, limit=3) + names(query, offset=3, limit=3) + names(query, offset=6)
    assert pages == BY_NAME


def test_a_zero_limit_returns_nothing(people, plan):
    assert search_customers(CustomerQuery(), limit=0) == []
    assert customer_ids(CustomerQuery(text="建"), limit=0) == []


def test_counting_stops_at_the_cap(people, plan):
    assert count_customers(CustomerQuery()) == 8
    assert count_customers(CustomerQuery(), cap=3) == 3
    assert count_customers(CustomerQuery(), cap=100) == 8
    assert count_customers(CustomerQuery(text="建")) == 2
    assert count_customers(CustomerQuery(text="建"), cap=1) == 1
    assert count_customers(CustomerQuery(text="example.com", grade="B")) == 1
    assert count_customers(CustomerQuery(province="广东"), cap=2) == 2
    assert count_customers(CustomerQuery(), cap=0) == 0


def test_both_plans_agree_on_every_page_of_a_larger_list(db, monkeypatch):
    """The plan depends on how many customers match; it must never change the answer."""
    surnames, given = "王李张刘陈杨黄赵", "伟芳娜敏静强磊军洋勇艳杰"
    for i in range(60):
        customers.create_customer(
            {
                "name": surnames[i % 8] + given[(i * 7) % 12] + given[(i * 5) % 12],
                "stars": i % 4,
                "status": ("potential", "existing")[i % 2],
                "phones": [f"139{i:08d}"],
            }
        )
    customers.trash_customers(customer_ids(CustomerQuery(text="陈"), limit=2))
    queries = [
        CustomerQuery(),
        CustomerQuery(text="w"),
        CustomerQuery(text="139 0000"),
        CustomerQuery(status="existing"),
        CustomerQuery(text="l", stars=2),
        CustomerQuery(trashed=True),
    ]
    real_span = search._customer_id_span
    answers = {}
    # (switch point, table size the planner believes): few / walk / mixed / whole-list plans
    for switch, span in ((10**9, None), (1, 10**9), (5, 10**9), (5, None), (1, None)):
        monkeypatch.setattr(search, "MIN_FEW_MATCHES", switch)
        monkeypatch.setattr(search, "MAX_FEW_MATCHES", switch)
        believed = (lambda span=span: span) if span else real_span
        monkeypatch.setattr(search, "_customer_id_span", believed)
        answers[switch, span] = [
            [
                customer_ids(q, sort=sort, descending=desc, offset=offset, limit=limit)
                for offset, limit in ((0, 7), (7, 7), (21, 7), (56, 7), (0, 10**6), (5, 10**6))
            ]
            for q in queries
            for sort in ("name", "stars", "owner")
            for desc in (False, True)
        ]
    first, *others = answers.values()
    assert all(other == first for other in others)
    assert all(page for page in first[0][:3])


def test_a_search_cancelled_before_it_starts_runs_nothing(people):
    with assert_query_count(0), pytest.raises(search.SearchCancelled):
        customer_ids(CustomerQuery(text="建"), limit=10**6, cancelled=lambda: True)


def test_a_search_nobody_cancels_gives_the_same_answer(people, plan):
    query = CustomerQuery(text="c00")
    assert customer_ids(query, limit=10**6, cancelled=lambda: False) == customer_ids(
        query, limit=10**6
    )


# SQLite only: a server's statement is not interrupted, its answer is dropped.
@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_cancelled_search_stops_in_the_middle_and_the_next_one_runs(people, monkeypatch):
    monkeypatch.setattr(search, "CANCEL_CHECK_STEPS", 1)  # look at every step
    asked: list[int] = []

    def cancelled() -> bool:  # typing goes on while the search runs
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(search.SearchCancelled):
        customer_ids(CustomerQuery(), sort="stars", limit=10**6, cancelled=cancelled)
    assert 3 < len(asked) < 10  # stopped within a step of being told, mid-statement
    assert names(CustomerQuery()) == BY_NAME  # the connection is not left interrupting


# ---------------------------------------------------------------------------- the rows


def test_a_row_shows_the_customer_with_primary_phone_email_and_owner(people):
    customers.update_customer(
        people["王建国"],
        {
            "phones": ["138 0013 8000", "139 0000 0001"],
            "emails": ["a@example.com", "b@example.com"],
        },
    )
    (row,) = search_customers(CustomerQuery(text="wjg"))
    assert row.id == people["王建国"]
    assert (row.code, row.name, row.kind) == ("C000001", "王建国", "individual")
    assert (row.company_name, row.phone, row.email) == ("京东", "138 0013 8000", "a@example.com")
    assert (row.owner, row.province, row.city) == ("alice", "北京", "北京")
    assert (row.status, row.stage, row.grade) == ("existing", "repeat", "A")
    assert (row.stars, row.relationship_level) == (5, 4)
    assert isinstance(row.created_at, datetime)
    assert row.last_contact_at is None and row.next_followup_at is None


def test_a_contact_persons_phone_is_not_shown_as_the_customers(people):
    customers.update_customer(
        people["腾讯科技"], {"contacts": [{"name": "马化腾", "phones": ["135 0000 0000"]}]}
    )
    (row,) = search_customers(CustomerQuery(text="腾讯"))
    assert row.phone is None and row.email is None
    assert found("135 0000") == {"腾讯科技"}


def test_a_page_costs_the_same_few_queries_however_many_rows_it_has(people):
    for limit in (1, 8):
        with assert_query_count(2):  # ids; customers with owners, phones, emails
            assert len(search_customers(CustomerQuery(), limit=limit)) == limit
    # + the table's size; a server keeps the text's hits and answers with the page's ids
    text_queries = 4 if is_sqlite() else 3
    for limit in (1, 2):
        with assert_query_count(text_queries):
            assert len(search_customers(CustomerQuery(text="建"), limit=limit)) == limit


def test_level_zero_finds_the_customers_without_a_level(db):
    with_level = customers.create_customer({"name": "有等级", "relationship_level": 3})
    without = customers.create_customer({"name": "无等级"})
    assert [r.id for r in search_customers(CustomerQuery(level=0))] == [without.id]
    assert [r.id for r in search_customers(CustomerQuery(level=3))] == [with_level.id]
