"""Finding likely duplicates over the whole database, with scores and reasons."""

from __future__ import annotations

from typing import Any

from desktop_crm.domain.customers import create_customer, trash_customers
from desktop_crm.domain.duplicates import find_duplicates, name_likeness
from desktop_crm.domain.merge import merge_customers


def pair_of(pairs: list[Any], a: Any, b: Any) -> Any:
    wanted = (min(a.id, b.id), max(a.id, b.id))
    found = [p for p in pairs if (p.a_id, p.b_id) == wanted]
    return found[0] if found else None


def test_same_phone_or_email_scores_high_with_the_reason(db: Any) -> None:
    a = create_customer({"name": "张三", "phones": ["138-0013-8000"]})
    b = create_customer({"name": "Zhang San", "phones": ["+86 138 0013 8000"]})
    c = create_customer({"name": "李四", "emails": ["Li@Example.com"]})
    d = create_customer({"name": "李 四", "emails": ["li@example.com"]})
    create_customer({"name": "王五", "phones": ["13700137000"]})
    pairs = find_duplicates()
    by_phone, by_email = pair_of(pairs, a, b), pair_of(pairs, c, d)
    assert by_phone.score >= 0.9 and by_phone.reasons[0] == "same phone 13800138000"
    assert by_email.score > by_phone.score  # the names are alike too
    assert by_email.reasons[0] == "same email li@example.com"
    assert any("李 四" in r for r in by_email.reasons)
    assert len(pairs) == 2


def test_close_names_count_only_within_a_company_or_city(db: Any) -> None:
    same_company = [
        create_customer({"name": n, "company_name": "武当派"})
        for n in ("张三", "章三", "张三丰", "李四")
    ]
    same_city = [create_customer({"name": n, "city": "杭州"}) for n in ("Jon Smith", "John Smith")]
    apart = [create_customer({"name": "王五", "city": c}) for c in ("北京", "上海")]
    pairs = find_duplicates()
    homophone = pair_of(pairs, same_company[0], same_company[1])
    assert homophone.reasons == ["names sound the same (张三 / 章三), same company 武当派"]
    assert 0.5 < homophone.score < 0.9
    close = pair_of(pairs, same_city[0], same_city[1])
    assert close.reasons[0].startswith("similar names (Jon Smith / John Smith), same city 杭州")
    assert close.score < homophone.score  # a city is weaker evidence than a company
    assert pair_of(pairs, same_company[0], same_company[3]) is None  # 张三 / 李四
    assert pair_of(pairs, *apart) is None  # same name, nothing else in common


def test_the_same_name_in_the_same_company_is_a_strong_sign(db: Any) -> None:
    a = create_customer({"name": "王建国", "company_name": "星辰贸易"})
    b = create_customer({"name": "王建国", "company_name": "星辰贸易", "city": "深圳"})
    (pair,) = find_duplicates()
    assert (pair.a_id, pair.b_id) == (a.id, b.id)
    assert pair.reasons == ["same name 王建国, same company 星辰贸易"]
    assert pair.score == 0.7


def test_all_evidence_adds_up_and_pairs_come_best_first(db: Any) -> None:
    a = create_customer(
        {
            "name": "张三",
            "company_name": "武当派",
            "phones": ["13800138000"],
            "emails": ["zs@example.com"],
        }
    )
    b = create_customer(
        {
            "name": "张三",
            "company_name": "武当派",
            "phones": ["13800138000"],
            "emails": ["zs@example.com"],
        }
    )
    c = create_customer({"name": "李四", "city": "北京"})
    d = create_customer({"name": "李驷", "city": "北京"})
    pairs = find_duplicates()
    assert [(p.a_id, p.b_id) for p in pairs] == [(a.id, b.id), (c.id, d.id)]
    assert pairs[0].score > 0.99 and len(pairs[0].reasons) == 3
    assert find_duplicates(limit=1) == pairs[:1]


def test_trashed_and_merged_customers_are_left_out(db: Any) -> None:
    a = create_customer({"name": "张三", "phones": ["13800138000"]})
    b = create_customer({"name": "张三", "phones": ["13800138000"]})
    c = create_customer({"name": "张三", "phones": ["13800138000"]})
    assert len(find_duplicates()) == 3
    trash_customers([c.id])
    assert len(find_duplicates()) == 1
    merge_customers(a.id, b.id)
    assert find_duplicates() == []


def test_a_switchboard_number_shared_by_many_is_not_evidence(db: Any) -> None:
    for n in range(25):
        create_customer({"name": f"员工{n}", "phones": ["010-62345678"]})
    assert find_duplicates() == []


def test_progress_reaches_the_total(db: Any) -> None:
    for name in ("张三", "章三", "李四"):
        create_customer({"name": name, "city": "北京"})
    calls: list[tuple[int, int]] = []
    find_duplicates(progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert all(done <= total for done, total in calls)


def test_name_likeness() -> None:
    assert name_likeness("张三", "zhang san 张三", "张三", "zhang san 张三") == ("name", 1.0)
    assert name_likeness("张三", "zhang san 张三", "章三", "zhang san 章三") == ("pinyin", 1.0)
    kind, ratio = name_likeness("张三", "zhang san 张三", "张山", "zhang shan 张山")
    assert kind == "close" and ratio > 0.9
    assert name_likeness("张三", "zhang san 张三", "李四", "li si 李四") is None
    assert name_likeness("", "", "李四", "li si 李四") is None


def test_a_cancelled_scan_stops_and_returns_nothing(db: Any) -> None:
    for name in ("张三", "章三", "李四"):
        create_customer({"name": name, "city": "北京", "phones": ["13800138000"]})
    calls: list[tuple[int, int]] = []
    found = find_duplicates(
        progress=lambda done, total: calls.append((done, total)), cancelled=lambda: True
    )
    assert found == []
    assert len(calls) == 1  # stopped after the first step
    assert len(find_duplicates(cancelled=lambda: False)) == 3


def test_reasons_read_in_chinese_when_the_language_is_chinese(db: Any) -> None:
    from desktop_crm.domain import messages

    a = create_customer({"name": "张三", "company_name": "武当派", "phones": ["13800138000"]})
    b = create_customer({"name": "章三", "company_name": "武当派", "phones": ["13800138000"]})
    messages.set_language("zh_CN")
    try:
        pair = pair_of(find_duplicates(), a, b)
    finally:
        messages.set_language("en")
    assert pair.reasons == [
        "电话相同：13800138000",
        "姓名读音相同（张三 / 章三），同一公司：武当派",
    ]


def test_pairs_carry_both_codes_and_names(db: Any) -> None:
    a = create_customer({"name": "张三", "emails": ["zs@example.com"]})
    b = create_customer({"name": "Zhang San", "emails": ["ZS@example.com"]})
    (pair,) = find_duplicates()
    assert (pair.a_code, pair.a_name, pair.b_code, pair.b_name) == (
        a.code,
        "张三",
        b.code,
        "Zhang San",
    )


def test_live_pairs_drop_merged_pairs_and_bring_them_back_after_unmerge(db: Any) -> None:
    from desktop_crm.domain.duplicates import live_pairs
    from desktop_crm.domain.merge import unmerge

    a = create_customer({"name": "张三", "phones": ["13800138000"]})
    b = create_customer({"name": "张三", "phones": ["13800138000"]})
    c = create_customer({"name": "李四", "emails": ["li@example.com"]})
    d = create_customer({"name": "李四", "emails": ["li@example.com"]})
    pairs = find_duplicates()
    merge_customers(a.id, b.id)
    assert [(p.a_id, p.b_id) for p in live_pairs(pairs)] == [(c.id, d.id)]
    unmerge(kept_id=a.id)
    assert len(live_pairs(pairs)) == 2


def test_a_pair_found_by_phone_with_one_name_says_same_name(db: Any) -> None:
    create_customer({"name": "谢华", "phones": ["13912922479"]})
    create_customer({"name": "谢华", "phones": ["139 1292 2479"]})
    (pair,) = find_duplicates()
    assert pair.reasons == ["same phone 13912922479", "same name 谢华"]
