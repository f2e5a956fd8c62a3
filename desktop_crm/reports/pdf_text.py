"""Make the text of our PDFs copy and search as the characters that were printed.

A PDF keeps glyphs, and a `ToUnicode` map per font tells readers which character each
glyph stands for. Qt writes that map by asking, for each glyph, which is the *lowest*
code point the font draws with it. Chinese fonts (Noto Sans CJK / Source Han Sans, and
others) draw a Kangxi radical and the ordinary ideograph with one glyph — ⼾ U+2F3E and
户 U+6237 — and the radical's code point is lower, so 客户 copies as 客⼾ and a search
for 客户 finds nothing. The space glyph comes out as a tab for the same reason.

The maps are written uncompressed and each entry has a fixed width, so the fix swaps
code points in place: the file's byte offsets stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtGui import QFont, QRawFont

RADICALS = (0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
IDEOGRAPHS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
BLANKS = {0x09: 0x20, 0x0A: 0x20, 0x0D: 0x20}

_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")
_RANGE_LINE = re.compile(rb"^(<[0-9A-Fa-f]+>)\s+(<[0-9A-Fa-f]+>)\s+(.*)$")
_CHAR_LINE = re.compile(rb"^(<[0-9A-Fa-f]+>\s+)(<[0-9A-Fa-f]{4}>)\s*$")


@lru_cache(maxsize=16)
def shared_glyphs(family: str) -> dict[int, tuple[int, ...]]:
    """Radical code point → the ideographs `family` draws with the same glyph."""
    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid():
        return {}
    radicals = "".join(chr(c) for c in range(*RADICALS))
    by_glyph = {
        glyph: ord(ch)
        for ch, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=False)
        if glyph
    }
    shared: dict[int, list[int]] = {}
    if not by_glyph:
        return {}
    for low, high in IDEOGRAPHS:
        chars = "".join(chr(c) for c in range(low, high))
        for ch, glyph in zip(chars, raw.glyphIndexesForString(chars), strict=False):
            radical = by_glyph.get(glyph)
            if radical is not None:
                shared.setdefault(radical, []).append(ord(ch))
    return {radical: tuple(ideographs) for radical, ideographs in shared.items()}


def replacements(families: Iterable[str], used: str = "") -> dict[int, int]:
    """What to write instead of each radical: the ideograph sharing its glyph.

    When a font draws several ideographs with the radical's glyph, the one that occurs in
    `used` (the text printed) wins, else the first.
    """
    present = set(used)
    result: dict[int, int] = dict(BLANKS)
    for family in families:
        for radical, ideographs in shared_glyphs(family).items():
            if radical in result:
                continue
            chosen = next((c for c in ideographs if chr(c) in present), ideographs[0])
            result[radical] = chosen
    return result


def _swap(token: re.Match[bytes], table: dict[int, int]) -> bytes:
    code = int(token.group(1), 16)
    new = table.get(code)
    return b"<%04X>" % new if new is not None else token.group(0)


def _fix_cmap(body: bytes, table: dict[int, int]) -> bytes:
    lines = body.split(b"\n")
    section = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.endswith((b"beginbfrange", b"beginbfchar")):
            section = stripped.split()[-1]
            continue
        if stripped in (b"endbfrange", b"endbfchar"):
            section = None
            continue
        if section == b"beginbfrange":
            found = _RANGE_LINE.match(line)
            if not found:
                continue
            target = found.group(3)
            if target.startswith(b"[") or found.group(1) == found.group(2):
                target = _HEX.sub(lambda t: _swap(t, table), target)
            lines[i] = line[: found.start(3)] + target
        elif section == b"beginbfchar":
            found = _CHAR_LINE.match(line)
            if found:
                lines[i] = (
                    line[: found.start(2)]
                    + _HEX.sub(lambda t: _swap(t, table), found.group(2))
                    + line[found.end(2) :]
                )
    return b"\n".join(lines)


def fix_text_maps(pdf: bytes, table: dict[int, int]) -> bytes:
    """`pdf` with every ToUnicode entry in `table` rewritten (same length, offsets kept)."""
    if not table:
        return pdf
    out = bytearray(pdf)
    seen: set[int] = set()
    for ref in _TO_UNICODE.finditer(pdf):
        number = int(ref.group(1))
        if number in seen:
            continue
        seen.add(number)
        header = re.search(rb"(?:^|[\r\n])%d 0 obj\s*<<[^>]*>>\s*stream\r?\n" % number, pdf)
        if header is None:
            continue
        start = header.end()
        end = pdf.find(b"endstream", start)
        if end < 0:
            continue
        body = pdf[start:end]
        fixed = _fix_cmap(body, table)
        if len(fixed) == len(body):  # never shift the offsets the file's index relies on
            out[start:end] = fixed
    return bytes(out)
