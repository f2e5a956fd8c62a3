"""Customer care: lunar and solar birthdays, holidays for known years, anniversaries,
greetings filled per customer, mailto links, and the care action logged."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.db.models import ContactPerson, FollowUp
from desktop_crm.domain import care, customers, lifecycle, messages, orders
from desktop_crm.errors import ValidationError

# ------------------------------------------------------------------------ lunar dates


def test_a_lunar_birthday_moves_through_the_solar_year():
    assert care.lunar_to_solar(2025, 8, 15) == date(2025, 10, 6)
    assert care.lunar_to_solar(2026, 8, 15) == date(2026, 9, 25)
    assert care.next_lunar_date(8, 15, False, date(2025, 1, 1)) == date(2025, 10, 6)
    assert care.next_lunar_date(8, 15, False, date(2025, 10, 6)) == date(2025, 10, 6)
    assert care.next_lunar_date(8, 15, False, date(2025, 10, 7)) == date(2026, 9, 25)


def test_a_late_lunar_month_birthday_falls_early_in_the_next_solar_year():
    # 腊月二十 of lunar 2025 is in January 2026.
    assert care.next_lunar_date(12, 20, False, date(2025, 12, 1)) == date(2026, 2, 7)
    assert care.next_lunar_date(12, 20, False, date(2026, 2, 8)) == date(2027, 1, 27)


def test_leap_month_and_thirtieth_day_fallbacks():
    assert care.lunar_to_solar(2025, 6, 1, leap=True) == date(2025, 7, 25)  # 闰六月 exists
    assert care.lunar_to_solar(2026, 6, 1, leap=True) == date(2026, 7, 14)  # ordinary 六月
    assert care.lunar_to_solar(2025, 8, 30) == date(2025, 10, 20)  # 八月 has 29 days in 2025
    assert care.lunar_to_solar(1899, 1, 1) is None
    assert care.solar_to_lunar(date(2025, 7, 25)) == (2025, 6, 1, True)


# ---------------------------------------------------------------------------- holidays


@pytest.mark.parametrize(
    ("year", "key", "day"),
    [
        (2025, "spring_festival", date(2025, 1, 29)),
        (2025, "new_years_eve", date(2025, 1, 28)),
        (2025, "lantern_festival", date(2025, 2, 12)),
        (2025, "dragon_boat", date(2025, 5, 31)),
        (2025, "qixi", date(2025, 8, 29)),
        (2025, "mid_autumn", date(2025, 10, 6)),
        (2025, "double_ninth", date(2025, 10, 29)),
        (2025, "national_day", date(2025, 10, 1)),
        (2026, "spring_festival", date(2026, 2, 17)),
        (2026, "new_years_eve", date(2026, 2, 16)),
        (2026, "lantern_festival", date(2026, 3, 3)),
        (2026, "dragon_boat", date(2026, 6, 19)),
        (2026, "qixi", date(2026, 8, 19)),
        (2026, "mid_autumn", date(2026, 9, 25)),
        (2026, "double_ninth", date(2026, 10, 18)),
        (2026, "new_year", date(2026, 1, 1)),
    ],
)
def test_holidays_of_known_years(db, year, key, day):
    found = {h.key: h for h in care.holidays(year)}
    assert found[key].on == day
    assert found[key].lunar == (key not in {k for k, _, _ in care.SOLAR_HOLIDAYS})


def test_holiday_names_in_both_languages(db):
    assert {h.key: h.name for h in care.holidays(2025)}["mid_autumn"] == "Mid-Autumn Festival"
    messages.set_language("zh_CN")
    assert {h.key: h.name for h in care.holidays(2025)}["mid_autumn"] == "中秋节"


def test_the_business_adds_its_own_dates(db):
    care.set_custom_care_dates(
        [
            {"name": "公司周年庆", "month": 6, "day": 18},
            {"name": "腊八节", "month": 12, "day": 8, "lunar": True},
        ]
    )
    custom = [(h.name, h.on, h.lunar) for h in care.holidays(2026) if h.custom]
    assert custom == [("腊八节", date(2026, 1, 26), True), ("公司周年庆", date(2026, 6, 18), False)]
    with pytest.raises(ValidationError) as caught:
        care.set_custom_care_dates(
            [{"name": "", "month": 2, "day": 30}, {"name": "ok", "month": 2, "day": 30}]
        )
    assert set(caught.value.errors) == {"care_dates[1]", "care_dates[2]"}


def test_upcoming_holidays_cross_the_year_end(db):
    found = care.upcoming_holidays(days=20, today=date(2025, 12, 20))
    assert [h.key for h in found] == ["christmas", "new_year"]
    found = care.upcoming_holidays(days=60, today=date(2025, 12, 20))
    assert [h.key for h in found][-2:] == ["new_years_eve", "spring_festival"]
    assert [h.key for h in care.upcoming_holidays(days=0, today=date(2025, 10, 6))] == [
        "mid_autumn"
    ]


# --------------------------------------------------------------------------- birthdays


def test_upcoming_birthdays_solar_lunar_and_contacts(db):
    today = date(2025, 9, 20)
    solar = customers.create_customer({"name": "Alice Chen", "birthday": date(1990, 10, 1)}).id
    customers.create_customer({"name": "Later", "birthday": date(1990, 11, 1)})
    lunar = customers.create_customer(
        {"name": "王芳", "lunar_birthday_month": 8, "lunar_birthday_day": 15}
    ).id
    unknown_year = customers.create_customer(
        {"name": "李雷", "birthday": date(1904, 9, 30), "birthday_has_year": False}
    ).id
    company = customers.create_customer(
        {"name": "华星公司", "kind": "enterprise", "contacts": [{"name": "赵经理"}]}
    ).id
    ContactPerson.update(birthday=date(1980, 9, 25)).execute()
    gone = customers.create_customer({"name": "已流失", "birthday": date(1980, 9, 22)}).id
    lifecycle.exit_customer(gone, "moved")

    events = care.upcoming_birthdays(days=30, today=today)
    assert [(e.kind, e.customer_id, e.on, e.days_until, e.years) for e in events] == [
        ("contact_birthday", company, date(2025, 9, 25), 5, None),
        ("birthday", unknown_year, date(2025, 9, 30), 10, None),
        ("birthday", solar, date(2025, 10, 1), 11, 35),
        ("lunar_birthday", lunar, date(2025, 10, 6), 16, None),
    ]
    assert events[0].contact_name == "赵经理"
    next_year = care.upcoming_birthdays(days=5, today=date(2026, 9, 21))
    assert {(e.kind, e.on) for e in next_year} == {
        ("contact_birthday", date(2026, 9, 25)),
        ("lunar_birthday", date(2026, 9, 25)),
    }


def test_29_february_birthdays_and_the_year_end(db):
    leapling = customers.create_customer({"name": "闰日", "birthday": date(2000, 2, 29)}).id
    january = customers.create_customer({"name": "一月", "birthday": date(1990, 1, 2)}).id
    assert [
        (e.customer_id, e.on, e.years)
        for e in care.upcoming_birthdays(days=10, today=date(2025, 2, 20))
    ] == [(leapling, date(2025, 2, 28), 25)]
    assert [
        (e.customer_id, e.on) for e in care.upcoming_birthdays(days=10, today=date(2028, 2, 20))
    ] == [(leapling, date(2028, 2, 29))]
    assert [
        (e.customer_id, e.on) for e in care.upcoming_birthdays(days=14, today=date(2025, 12, 25))
    ] == [(january, date(2026, 1, 2))]


def test_first_purchase_anniversaries(db):
    old = customers.create_customer({"name": "老客户"}).id
    recent = customers.create_customer({"name": "新客户"}).id
    for cid, day in ((old, date(2023, 10, 5)), (recent, date(2025, 9, 25))):
        orders.create_order(cid, {"order_date": day, "product": "硒鼓", "amount": "10"})
    events = care.upcoming_anniversaries(days=30, today=date(2025, 9, 20))
    assert [(e.customer_id, e.on, e.years) for e in events] == [(old, date(2025, 10, 5), 2)]
    assert [e.kind for e in care.care_events(days=30, today=date(2025, 9, 20))] == ["anniversary"]


# --------------------------------------------------------------------------- greetings


def test_missing_values_leave_clean_text():
    template = "Dear {title} {name} ({company}),\nHappy {holiday}!"
    assert care.fill_template(template, {"name": "Li Lei"}) == "Dear Li Lei,\nHappy!"
    assert care.fill_template(
        template, {"name": "Li Lei", "title": "Dr.", "company": "Acme", "holiday": "Christmas"}
    ) == ("Dear Dr. Li Lei (Acme),\nHappy Christmas!")
    assert care.fill_template("尊敬的{name}{title}：", {"name": "张三"}) == "尊敬的张三："


def test_greetings_per_customer(db):
    person = customers.create_customer({"name": "张三", "title": "经理"}).id
    company = customers.create_customer(
        {
            "name": "华星公司",
            "kind": "enterprise",
            "contacts": [{"name": "赵敏", "title": "采购主管", "is_primary": True}],
        }
    ).id
    text = care.greeting_for(person, "birthday", language="zh_CN")
    assert text.startswith("尊敬的张三经理：")
    assert care.greeting_for(company, "holiday", holiday="中秋节", language="zh_CN").startswith(
        "尊敬的赵敏采购主管：\n\n值此中秋节之际"
    )
    anniversary = care.greeting_for(person, "anniversary", years=3)
    assert anniversary.startswith("Dear 经理 张三,") and "anniversary" in anniversary
    assert "1 years" not in care.greeting_for(person, "anniversary", years=1)
    holiday = care.holidays(2025)[0]
    assert holiday.name in care.greeting_for(person, "holiday", holiday=holiday)


def test_templates_are_replaceable_and_checked(db):
    care.set_greeting_template("birthday", "Happy birthday, {name}!", language="en")
    assert care.greeting_template("birthday", "en") == "Happy birthday, {name}!"
    assert care.greeting_template("birthday", "zh_CN").startswith("尊敬的")
    with pytest.raises(ValidationError) as caught:
        care.set_greeting_template("birthday", "Hi {nickname}")
    assert "{nickname}" in caught.value.errors["template"]
    with pytest.raises(ValidationError):
        care.set_greeting_template("birthday", "Hi {name")
    with pytest.raises(ValidationError):
        care.set_greeting_template("wedding", "Hi")
    care.set_greeting_template("birthday", None, language="en")
    assert care.greeting_template("birthday", "en").startswith("Dear {title} {name},")


def test_mailto_links():
    link = care.mailto_link("li.na@example.com", "生日快乐", "Line 1\nLine 2 & more")
    assert link == (
        "mailto:li.na@example.com?subject=%E7%94%9F%E6%97%A5%E5%BF%AB%E4%B9%90"
        "&body=Line%201%0D%0ALine%202%20%26%20more"
    )
    assert care.mailto_link("a@b.cn") == "mailto:a@b.cn"


def test_the_care_action_is_logged_as_a_followup(db):
    cid = customers.create_customer({"name": "张三", "emails": ["zs@example.com"]}).id
    assert care.customer_mailto(cid, "Hi", "Body") == "mailto:zs@example.com?subject=Hi&body=Body"
    bare = customers.create_customer({"name": "李四"}).id
    assert care.customer_mailto(bare, "Hi", "Body") is None
    item = care.log_care_sent(cid, "wechat", "祝您中秋快乐！")
    row = FollowUp.get_by_id(item.id)
    assert (row.status, row.channel, row.subject, row.content) == (
        "done",
        "wechat",
        "Greetings sent",
        "祝您中秋快乐！",
    )
    with pytest.raises(ValidationError):
        care.log_care_sent(cid, "pigeon", "Hi")
