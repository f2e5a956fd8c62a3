"""vCard files from real phones and address books, in and out."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_crm.db.models import Customer
from desktop_crm.domain.customers import create_customer, get_customer
from desktop_crm.errors import FileFormatError
from desktop_crm.exchange.exporter import export_customers
from desktop_crm.exchange.importer import import_customers
from desktop_crm.exchange.vcard_io import card_data, parse_line, read_vcards, split_name

FIXTURES = Path(__file__).parent / "fixtures"


def records() -> list[Any]:
    return [get_customer(c.id) for c in Customer.select(Customer.id).order_by(Customer.id)]


def phones(record: Any) -> list[tuple[str, str]]:
    return [(p.number, p.label) for p in record.phones]


def places(record: Any) -> list[tuple]:
    return [
        (a.label, a.country, a.province, a.city, a.district, a.street, a.postcode)
        for a in record.addresses
    ]


# ------------------------------------------------------------------ real file shapes


def test_android_2_1_quoted_printable_chinese(db: Any) -> None:
    summary = import_customers(FIXTURES / "android_2_1.vcf")
    assert (summary.file_format, summary.created, summary.rejected) == ("vcard", 3, 0)
    zhang, li, smith = records()
    assert (zhang.name, zhang.kind, zhang.company_name, zhang.title) == (
        "张三",
        "individual",
        "武当科技有限公司",
        "销售经理",
    )
    assert phones(zhang) == [
        ("138-0013-8000", "mobile"),
        ("010-62345678", "work"),
        ("021-64371234", "home"),
    ]
    assert [(e.address, e.label) for e in zhang.emails] == [
        ("zhangsan@example.com", "home"),
        ("zs@corp.example.cn", "work"),
    ]
    assert places(zhang) == [
        ("work", "中国", "北京", "北京", None, "中关村大街1号 创业大厦302室", "100080")
    ]
    assert (zhang.province, zhang.city) == ("北京", "北京")
    assert zhang.notes == "喜欢喝茶\n下周回访，带样品"  # soft line breaks undone, =0D=0A kept
    assert (zhang.birthday, zhang.birthday_has_year) == (date(1985, 3, 12), True)
    # A GB2312 card among UTF-8 ones; the same number twice is kept once.
    assert (li.name, phones(li)) == ("李四", [("+86 139 0013 9000", "mobile")])
    assert (li.birthday, li.birthday_has_year) == (date(1904, 5, 20), False)
    # A Western name: given name first, a space, no honorific.
    assert smith.name == "John Smith"
    assert phones(smith) == [("+1 415-555-2671", "mobile"), ("+44 20 7946 0958", "fax")]
    assert smith.birthday == date(1979, 11, 2)


def test_apple_3_0_groups_labels_and_folded_lines(db: Any) -> None:
    summary = import_customers(FIXTURES / "apple_3_0.vcf")
    assert (summary.created, summary.rejected, summary.warnings) == (2, 0, [])
    wang, company = records()
    assert (wang.name, wang.company_name, wang.title, wang.website) == (
        "王小明",
        "星辰贸易",
        "总经理",
        "https://xingchen.example.com",
    )
    assert phones(wang) == [
        ("+86 137 0013 7000", "mobile"),
        ("0755-86013388", "work"),
        ("400-810-8888", "work"),
    ]
    assert [(e.address, e.label) for e in wang.emails] == [
        ("wang@xingchen.example.com", "work"),
        ("xiaoming@example.com", "home"),
    ]
    assert places(wang) == [
        ("work", "中国", "广东", "深圳", None, "深南大道1000号, 科技园", "518000"),
        ("home", "中国", "广东", "深圳", None, "莲花路8号", "518000"),
    ]
    assert wang.notes == (
        "第一次见面在展会\n喜欢乌龙茶, 不喝咖啡；下次带新品目录给他看看，顺便问问他们明年的采购计划"
    )
    assert (wang.birthday, wang.birthday_has_year) == (date(1904, 7, 14), False)
    assert wang.tags == ["VIP", "展会客户"]
    assert wang.external_id == "2D0F1E6B-7C51-4E0C-9F8A-6F0A5B0C1D2E"
    assert (company.name, company.kind, company.company_name) == (
        "星辰贸易有限公司",
        "enterprise",
        None,
    )


def test_vcard_4_0(db: Any) -> None:
    summary = import_customers(FIXTURES / "contacts_4_0.vcf")
    assert (summary.created, summary.rejected) == (2, 0)
    zhao, org = records()
    assert (zhao.name, zhao.gender, zhao.notes) == ("赵敏", "female", "vCard 4.0 的备注")
    assert phones(zhao) == [("+86-136-0013-6000", "mobile"), ("+86-10-6234-5678", "work")]
    assert [(e.address, e.label) for e in zhao.emails] == [("zhaomin@example.org", "work")]
    assert places(zhao) == [("home", "中国", "北京", "北京", None, "长安街1号", "100000")]
    assert (zhao.birthday, zhao.birthday_has_year) == (date(1904, 7, 14), False)
    assert [(m.service, m.handle) for m in zhao.messengers] == [("wechat", "zhaomin_wx")]
    assert zhao.tags == ["朋友", "老客户"]
    assert (org.name, org.kind, org.website) == (
        "Example Org Ltd",
        "enterprise",
        "https://org.example.com",
    )


def test_reimporting_a_phone_export_updates_instead_of_duplicating(db: Any) -> None:
    import_customers(FIXTURES / "apple_3_0.vcf")
    again = import_customers(FIXTURES / "apple_3_0.vcf")
    assert (again.created, again.unchanged) == (0, 2)


# ------------------------------------------------------------------------ round trip


def test_export_then_import_gives_the_same_customers(db: Any, tmp_path: Path) -> None:
    create_customer(
        {
            "name": "张三",
            "company_name": "武当派",
            "title": "掌门",
            "birthday": "1985-03-12",
            "phones": [
                {"number": "13800138000", "label": "mobile"},
                {"number": "010-62345678", "label": "work"},
                {"number": "021-64371234", "label": "home"},
            ],
            "emails": [
                {"address": "zs@example.com", "label": "work"},
                {"address": "home@example.com", "label": "home"},
            ],
            "addresses": [
                {
                    "label": "work",
                    "province": "北京",
                    "city": "北京",
                    "district": "海淀区",
                    "street": "中关村大街1号; 2楼",
                    "postcode": "100080",
                    "country": "中国",
                }
            ],
            "notes": "第一行\n第二行, 带逗号; 分号 \\ 反斜杠",
            "website": "https://wudang.example.com",
            "tags": ["VIP", "武术,太极"],
        }
    )
    create_customer(
        {
            "name": "John Ronald Smith",
            "birthday": "1904-07-14",
            "birthday_has_year": False,
            "phones": ["+44 20 7946 0958"],
        }
    )
    create_customer({"name": "星辰贸易有限公司", "kind": "enterprise", "phones": ["0755-86013388"]})
    out = tmp_path / "all.vcf"
    assert export_customers(out, file_format="vcard") == 3
    text = out.read_bytes().decode("utf-8")
    assert text.count("BEGIN:VCARD") == 3 and text.count("\r\n") == text.count("\n")
    assert "TEL;TYPE=CELL,VOICE:13800138000" in text and "N:张;三;;;" in text
    before = records()
    # Into this database again: every card is recognised by its UID, nothing changes.
    again = import_customers(out)
    assert (again.created, again.unchanged, again.updated) == (0, 3, 0)
    # Into an empty database: the same customers.
    Customer.delete().execute()
    summary = import_customers(out)
    assert (summary.created, summary.rejected) == (3, 0)
    after = records()
    fields = (
        "code",
        "name",
        "kind",
        "company_name",
        "title",
        "birthday",
        "birthday_has_year",
        "notes",
        "website",
        "tags",
        "province",
        "city",
        "district",
    )
    for old, new in zip(before, after, strict=True):
        for name in fields:
            assert getattr(new, name) == getattr(old, name), name
        assert phones(new) == phones(old) and places(new) == places(old)
        assert [(e.address, e.label) for e in new.emails] == [
            (e.address, e.label) for e in old.emails
        ]


def test_the_export_reads_in_other_vcard_software(db: Any, tmp_path: Path) -> None:
    create_customer(
        {
            "name": "张三",
            "phones": ["13800138000"],
            "notes": "a, b; c\nd",
            "addresses": [{"city": "北京", "street": "长安街1号"}],
        }
    )
    out = tmp_path / "one.vcf"
    export_customers(out, file_format="vcard")
    (card,) = vobject.readComponents(out.read_text(encoding="utf-8"))
    assert (card.n.value.family, card.n.value.given, card.fn.value) == ("张", "三", "张三")
    assert card.tel.value == "13800138000" and card.tel.params["TYPE"] == ["CELL", "VOICE"]
    assert card.note.value == "a, b; c\nd"
    assert card.adr.value.city == "北京" and card.adr.value.street == "长安街1号"
    assert card.uid.value == Customer.get().uuid.hex


# ------------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a vCard"),
        (b"name,phone\nZhang,13800138000\n", "no BEGIN:VCARD"),
    ],
)
def test_files_that_are_not_vcards(db: Any, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_bytes(content)
    with pytest.raises(FileFormatError, match=message):
        import_customers(path)
    assert Customer.select().count() == 0


def test_a_card_without_a_name_is_a_row_error_and_the_others_are_kept(
    db: Any, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nTEL:13800138000\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:李四\nBDAY:sometime\nEMAIL:bad-address\n"
        "END:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:王五\nBDAY:1990-05-20\nEND:VCARD\n",
        encoding="utf-8",
    )
    summary = import_customers(path)
    assert (summary.created, summary.rejected) == (1, 2)
    assert [str(p) for p in summary.problems] == [
        "line 1: N/FN: is required",
        "line 5: EMAIL: “bad-address” is not a valid email address",
    ]
    assert [str(w) for w in summary.warnings] == [
        "line 5: BDAY: “sometime” is not a date we can read; imported without a birthday"
    ]


def test_a_truncated_file_keeps_the_complete_cards(db: Any, tmp_path: Path) -> None:
    data = (FIXTURES / "apple_3_0.vcf").read_bytes()
    path = tmp_path / "cut.vcf"
    path.write_bytes(data[: data.rindex(b"X-ABShowAs")])
    summary = import_customers(path)
    assert summary.created == 2  # the cut card still has its name


def test_split_name() -> None:
    assert split_name("张三") == ("张", "三")
    assert split_name("欧阳娜娜") == ("欧阳", "娜娜")
    assert split_name("John Ronald Smith") == ("Smith", "John Ronald")
    assert split_name("Madonna") == ("Madonna", "")


def test_odd_lines_are_read_or_skipped() -> None:
    assert parse_line(b"no colon here") is None
    assert parse_line(b"bad name!:x") is None
    prop = parse_line(b'item2.ADR;TYPE="home,pref";LABEL="a:b":;;1 Main St;Town;;;')
    assert (prop.group, prop.name, prop.types()) == ("item2", "ADR", {"home", "pref"})
    assert prop.value == ";;1 Main St;Town;;;"
    assert parse_line(b"N;CHARSET=NOPE-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=B8=89").value == (
        "张;三"
    )


# ------------------------------------------------------------------ never a crash


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_the_reader_never_crashes_on_arbitrary_bytes(data: bytes) -> None:
    try:
        parsed = read_vcards(data)
    except FileFormatError:
        return
    for _line, row in parsed.rows():
        assert isinstance(row.data.get("name", ""), str)


_LINE = st.one_of(
    st.sampled_from(
        [
            "BEGIN:VCARD",
            "END:VCARD",
            "VERSION:2.1",
            "VERSION:3.0",
            " folded",
            "=",
            "N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E5=BC=A0;=",
            "=E4=B8=89",
            "TEL;CELL:13800138000",
            "BDAY:--0714",
            "item1.X-ABLabel:_$!<Mobile>!$_",
            'ADR;TYPE="a:b":;;x',
            "FN:张三",
            "ORG:;",
            "X-ABShowAs:COMPANY",
        ]
    ),
    st.text(max_size=40),
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_LINE, max_size=25), st.sampled_from(["\r\n", "\n"]))
def test_cards_made_of_odd_lines_import_or_report_a_row_error(
    db: Any, tmp_path: Path, lines: list[str], newline: str
) -> None:
    path = tmp_path / "fuzz.vcf"
    path.write_bytes(
        newline.join(["BEGIN:VCARD", *lines, "END:VCARD"]).encode("utf-8", "surrogatepass")
    )
    try:
        summary = import_customers(path)
    except FileFormatError:
        return
    assert summary.rows == summary.created + summary.updated + summary.unchanged + (
        summary.merged + summary.skipped + summary.rejected
    )
    assert len({p.line for p in summary.problems}) == summary.rejected


def test_an_empty_card_is_a_row_error(db: Any, tmp_path: Path) -> None:
    path = tmp_path / "empty.vcf"
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n")
    summary = import_customers(path)
    assert (summary.rows, summary.rejected, summary.created) == (1, 1, 0)
    assert card_data(read_vcards(path).cards[0]).data == {"name": ""}
