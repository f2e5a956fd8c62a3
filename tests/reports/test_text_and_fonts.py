"""Report wording in both languages, the fonts chosen, and PDF text that copies right."""

from __future__ import annotations

import re
import string

import pytest

from desktop_crm.domain import messages
from desktop_crm.reports import fonts, pdf_text, texts
from desktop_crm.reports.letters import PLACEHOLDERS

pytestmark = pytest.mark.usefixtures("qapp")


def test_every_phrase_exists_in_both_languages_with_the_same_placeholders():
    fields = string.Formatter()
    for table in (texts.STRINGS, texts.FIELDS, texts.SHORT_FIELDS):
        for key, entry in table.items():
            assert set(entry) == {"en", "zh_CN"}, key
            names = [{f for _, f, _, _ in fields.parse(entry[lang]) if f} for lang in entry]
            if key == "default_letter":  # a letter template: Chinese letters date the end
                assert names[0] | names[1] <= set(PLACEHOLDERS)
                continue
            assert names[0] == names[1], key
    for kind, values in texts.CHOICES.items():
        for code, entry in values.items():
            assert entry["en"] and entry["zh_CN"], (kind, code)


def test_values_follow_the_domain_language():
    from datetime import date
    from decimal import Decimal

    day = date(2024, 11, 18)
    assert texts.long_date(day) == "18 November 2024"
    assert texts.weekday_date(day) == "Monday, 18 November 2024"
    assert texts.money(Decimal("1234567.5")) == "1,234,567.50"
    assert texts.quantity(Decimal("2.500")) == "2.5"
    assert texts.stars(3) == "★★★☆☆" and texts.stars(0) == ""
    messages.set_language("zh_CN")
    try:
        assert texts.long_date(day) == "2024年11月18日"
        assert texts.weekday_date(day) == "2024年11月18日 星期一"
        assert texts.lunar_date(8, 15, False) == "农历八月十五"
        assert texts.phrase("page_of", page=2, pages=9) == "第 2 页，共 9 页"
        assert texts.choice("stage", "at_risk") == "有流失风险"
    finally:
        messages.set_language("en")
    assert texts.choice("stage", "at_risk") == "At risk"


def test_fonts_are_installed_ones_with_a_chinese_face():
    chinese = fonts.families("zh_CN")
    english = fonts.families("en")
    assert chinese and set(chinese) == set(english)
    assert any(name in chinese for names in fonts.CJK_FAMILIES.values() for name in names)
    assert chinese[0] in {n for names in fonts.CJK_FAMILIES.values() for n in names}
    font = fonts.report_font(9)
    assert font.families() == english and font.pointSizeF() == 9


def test_radicals_in_text_maps_become_the_ideographs_printed():
    family = next(f for f in fonts.families("zh_CN") if pdf_text.shared_glyphs(f))
    table = pdf_text.replacements([family], "客户日期")
    assert table[0x2F3E] == ord("户") and table[0x2F47] == ord("日")
    cmap = (
        b"2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<5BA2> <2F3E> <0009> ]\n"
        b"<0004> <0004> <2F47>\nendbfrange\n1 beginbfchar\n<0005> <2F45>\nendbfchar\n"
    )
    pdf = (
        b"1 0 obj\n<< /ToUnicode 2 0 R >>\nendobj\n2 0 obj\n<< /Length 99 >>\nstream\n"
        + cmap
        + b"endstream\nendobj\n"
    )
    fixed = pdf_text.fix_text_maps(pdf, table)
    assert len(fixed) == len(pdf)  # the file's offsets stay right
    assert b"[<5BA2> <6237> <0020> ]" in fixed and b"<0004> <0004> <65E5>" in fixed
    assert b"<0005> <65B9>" in fixed
    assert not re.search(rb"<2F[0-9A-F]{2}>", fixed)
