"""Which fonts reports print in: a Latin face and a Chinese face that exist on this machine.

Each platform ships different fonts, and a face without Hanzi prints them as empty
boxes in a PDF when no fallback is found. So the report font is a *list* of families
present here: for Chinese reports the Chinese face first (its Latin letters are fine
and its punctuation is right), for English reports the Latin face first with the
Chinese face behind it for names written in Hanzi.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

from desktop_crm.reports import texts

NO_FEATURES = ("locl", "liga", "clig", "dlig")

CJK_FAMILIES: dict[str, tuple[str, ...]] = {
    "win32": ("Microsoft YaHei", "Microsoft YaHei UI", "DengXian", "SimHei", "SimSun"),
    "darwin": ("PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti", "Songti SC"),
    "linux": (
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Source Han Sans CN",
        "WenQuanYi Micro Hei",
        "WenQuanYi Zen Hei",
        "Droid Sans Fallback",
        "AR PL UMing CN",
    ),
}
LATIN_FAMILIES: dict[str, tuple[str, ...]] = {
    "win32": ("Segoe UI", "Arial"),
    "darwin": ("Helvetica Neue", "Helvetica", "Arial"),
    # DejaVu Sans is left out on purpose: it sets too wide for tables; the CJK face's
    # own Latin letters (Source Sans in Noto Sans CJK) read better.
    "linux": ("Noto Sans", "Liberation Sans", "Arial", "Open Sans"),
}


def _platform() -> str:
    if sys.platform.startswith("win"):
        return "win32"
    if sys.platform == "darwin":
        return "darwin"
    return "linux"


@lru_cache(maxsize=4)
def _installed() -> frozenset[str]:
    return frozenset(f.casefold() for f in QFontDatabase.families())


def families(language: str | None = None) -> list[str]:
    """The report's font families, in order of preference, all installed here."""
    chinese = (language or texts.language()) == "zh_CN"
    platform = _platform()
    cjk = _first_present_of(CJK_FAMILIES[platform], CJK_FAMILIES)
    latin = _first_present_of(LATIN_FAMILIES[platform], LATIN_FAMILIES)
    ordered = [cjk, latin] if chinese or latin is None else [latin, cjk]
    return [name for name in ordered if name]


def _first_present_of(preferred: tuple[str, ...], table: dict[str, tuple[str, ...]]) -> str | None:
    installed = _installed()
    for name in preferred + tuple(n for names in table.values() for n in names):
        if name.casefold() in installed:
            return name
    return None


def report_font(point_size: float, *, bold: bool = False, language: str | None = None) -> QFont:
    """A font of the report's families at `point_size` points."""
    font = QFont()
    chosen = families(language)
    if chosen:
        font.setFamilies(chosen)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # Layout happens at print resolution; hinting for the screen would only misplace glyphs.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return plain_glyphs(font)


def plain_glyphs(font: QFont) -> QFont:
    """`font` drawing each character with its own glyph, so PDF text copies as typed.

    A PDF maps glyphs back to characters through the font's character map; a glyph that
    shaping swapped in has no entry there. Noto Sans CJK's localised forms ('locl')
    replace digits after Latin letters (C000123 copied as "C"), and Latin ligatures turn
    "office@example.com" into "oﬃce@…". Both are switched off.
    """
    for tag in NO_FEATURES:
        font.setFeature(QFont.Tag(tag), 0)
    return font


def css_families(language: str | None = None) -> str:
    """The families as a CSS `font-family` value."""
    chosen = families(language) or ["sans-serif"]
    return ", ".join(f"'{name}'" for name in chosen)
