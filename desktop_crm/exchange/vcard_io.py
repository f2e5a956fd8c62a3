"""vCard files (.vcf) in and out: phone and address-book contacts.

Reading is our own tolerant parser, because real files break the rules `vobject`
expects (it fails on the quoted-printable soft line breaks every older Android phone
writes). It reads vCard 2.1, 3.0 and 4.0 as phones and address books write them:

- lines folded with a space or tab, and quoted-printable values continued with "=";
- `ENCODING=QUOTED-PRINTABLE` / `CHARSET=…` values (GB2312/GBK from older Chinese phones)
  and 2.1's bare parameters (`TEL;CELL;PREF:…`);
- Apple's grouped lines (`item1.TEL` with `item1.X-ABLabel:_$!<Mobile>!$_`), 4.0's
  `TYPE="cell,voice"` and `tel:` URIs, 3.0's backslash escapes;
- several TEL, EMAIL and ADR per card; BDAY as 1985-03-12, 19850312, --0714, --07-14 or
  Apple's year-less `X-APPLE-OMIT-YEAR`.

A card becomes the same plain customer data a spreadsheet row becomes (`RowData`), so
the importer treats both alike; anything unreadable in a card is a warning or that
card's error, never a crash. Chinese names are family name + given name without a
space (张三), others given name + family name with one (John Smith).

Writing is vCard 3.0 through `vobject`, one file for all the customers exported: N, FN,
ORG, TITLE, TEL;TYPE=CELL/WORK…, EMAIL, ADR, BDAY, NOTE, URL, CATEGORIES, UID (our
uuid) and X-CRM-CODE (our code), which phones ignore and this app reads back.
"""

from __future__ import annotations

import codecs
import quopri
import re
import unicodedata
import uuid as uuid_module
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_crm.domain import messages
from desktop_crm.errors import FileFormatError
from desktop_crm.exchange import dates
from desktop_crm.exchange.mapping import RowData

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HANZI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_BEGIN = re.compile(rb"^\s*begin\s*:\s*vcard\s*$", re.IGNORECASE)
_END = re.compile(rb"^\s*end\s*:\s*vcard\s*$", re.IGNORECASE)
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_KNOWN_2_1_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}
# Which property feeds which field: named in problem reports ("line 12: TEL: …").
FIELD_PROPERTIES = {
    "name": "N/FN",
    "phones": "TEL",
    "emails": "EMAIL",
    "addresses": "ADR",
    "birthday": "BDAY",
    "company_name": "ORG",
    "title": "TITLE",
    "notes": "NOTE",
    "website": "URL",
    "tags": "CATEGORIES",
    "gender": "GENDER",
    "messengers": "IMPP",
    "code": "X-CRM-CODE",
    "external_id": "UID",
}
_PHONE_TYPES = [
    ("fax", "fax"),
    ("cell", "mobile"),
    ("mobile", "mobile"),
    ("iphone", "mobile"),
    ("手机", "mobile"),
    ("移动", "mobile"),
    ("work", "work"),
    ("工作", "work"),
    ("单位", "work"),
    ("home", "home"),
    ("住宅", "home"),
    ("家", "home"),
    ("other", "other"),
    ("其他", "other"),
]
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "轩辕",
    "令狐",
    "钟离",
    "澹台",
    "端木",
    "申屠",
    "太史",
    "独孤",
    "南宫",
    "西门",
    "百里",
    "呼延",
    "万俟",
    "闻人",
    "赫连",
)


@dataclass
class VCardProperty:
    """One content line, decoded: `value` is text, `params` upper-case names → values."""

    name: str
    value: str
    params: dict[str, list[str]] = field(default_factory=dict)
    group: str = ""

    def types(self) -> set[str]:
        return {
            t.strip().lower()
            for v in self.params.get("TYPE", [])
            for t in v.split(",")
            if t.strip()
        }


@dataclass
class VCard:
    """One card: its properties, and the line it begins on."""

    line: int
    properties: list[VCardProperty] = field(default_factory=list)

    def all(self, name: str) -> list[VCardProperty]:
        return [p for p in self.properties if p.name == name]

    def first(self, name: str) -> str:
        for prop in self.properties:
            if prop.name == name and prop.value.strip():
                return prop.value
        return ""

    def group_label(self, prop: VCardProperty) -> str:
        """Apple's custom label for a grouped line (item1.X-ABLabel), if any."""
        if not prop.group:
            return ""
        for other in self.properties:
            if other.group == prop.group and other.name == "X-ABLABEL":
                match = _APPLE_LABEL.match(other.value.strip())
                return (match.group(1) if match else other.value).strip().lower()
        return ""


@dataclass
class VCardFile:
    """A vCard file opened for reading: its cards, each as customer data."""

    name: str
    encoding: str
    cards: list[VCard]

    def rows(self) -> Iterator[tuple[int, RowData]]:
        """(line where the card begins, its customer data) for each card."""
        for card in self.cards:
            yield card.line, card_data(card)


# ------------------------------------------------------------------------ reading


def read_vcards(source: str | Path | bytes, *, name: str | None = None) -> VCardFile:
    """Open a .vcf file (a path or its bytes) and split it into cards.

    Raises `FileFormatError` when it is missing, empty, binary or holds no card.
    """
    if isinstance(source, bytes):
        label, raw = name or "the file", source
    else:
        path = Path(source)
        label = name or str(path)
        if not path.exists():
            raise FileFormatError(messages.text("file_missing", file=label))
        if path.is_dir():
            raise FileFormatError(messages.text("file_is_folder", file=label))
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise FileFormatError(
                messages.text("file_unreadable", file=label, reason=exc.strerror or exc)
            ) from exc
    if not raw.strip():
        raise FileFormatError(messages.text("file_empty", file=label))
    raw, encoding = _as_utf8_lines(raw)
    if b"\x00" in raw:
        raise FileFormatError(messages.text("vcard_not_text", file=label))
    cards = list(_cards(raw))
    if not cards:
        raise FileFormatError(messages.text("vcard_no_cards", file=label))
    return VCardFile(label, encoding, cards)


def _as_utf8_lines(raw: bytes) -> tuple[bytes, str]:
    """UTF-16 files re-encoded as UTF-8 (the rest is decoded value by value)."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            if encoding == "utf-8-sig":
                return raw[len(bom) :], "utf-8"
            return raw.decode(encoding, errors="replace").encode("utf-8"), encoding
    if raw[:2].count(b"\x00") == 1 and raw[:200].count(b"\x00") > 20:  # UTF-16 without BOM
        encoding = "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"
        return raw.decode(encoding, errors="replace").encode("utf-8"), encoding
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw, "gb18030"  # values not marked with a CHARSET: try UTF-8, then GB18030
    return raw, "utf-8"


def _logical_lines(raw: bytes) -> Iterator[tuple[int, bytes]]:
    """(line number, content line) with folding and quoted-printable soft breaks undone."""
    physical = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    current: bytes | None = None
    start = 0
    for number, line in enumerate(physical, 1):
        if current is not None and line[:1] in (b" ", b"\t") and not _is_qp(current):
            current += line[1:]
            continue
        if current is not None and _is_qp(current) and current.endswith(b"="):
            current = current[:-1] + line.lstrip(b" \t")
            continue
        if current is not None:
            yield start, current
        current, start = line, number
    if current is not None:
        yield start, current


def _is_qp(line: bytes) -> bool:
    head = line.split(b":", 1)[0].upper()
    return b"QUOTED-PRINTABLE" in head


def _cards(raw: bytes) -> Iterator[VCard]:
    card: VCard | None = None
    depth = 0
    for number, line in _logical_lines(raw):
        if _BEGIN.match(line):
            depth += 1
            if depth == 1:
                card = VCard(number)
            continue
        if _END.match(line):
            depth = max(depth - 1, 0)
            if depth == 0 and card is not None:
                yield card
                card = None
            continue
        if card is None or depth != 1 or not line.strip():
            continue
        prop = parse_line(line)
        if prop is not None:
            card.properties.append(prop)
    if card is not None and card.properties:  # the file ends without END:VCARD
        yield card


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    parts, current, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def parse_line(line: bytes) -> VCardProperty | None:
    """One content line → a property, or None when it is not one (junk, base64 data)."""
    head_bytes, colon, value_bytes = line.partition(b":")
    if not colon:
        return None
    # The head is ASCII in any real file; a quoted parameter may hold a colon (4.0).
    head = head_bytes.decode("latin-1")
    if head.count('"') % 2:
        rest_head, colon2, value_bytes = value_bytes.partition(b":")
        if not colon2:
            return None
        head = head + ":" + rest_head.decode("latin-1")
    pieces = _split_outside_quotes(head, ";")
    group, _dot, name = pieces[0].strip().rpartition(".")
    name = name.strip().upper()
    if not name or not re.fullmatch(r"[A-Z0-9-]+", name):
        return None
    params: dict[str, list[str]] = {}
    for piece in pieces[1:]:
        key, eq, val = piece.partition("=")
        key, val = key.strip().upper(), val.strip()
        if not eq:  # vCard 2.1: a bare value (CELL, QUOTED-PRINTABLE, UTF-8 …)
            if key in _KNOWN_2_1_ENCODINGS:
                params.setdefault("ENCODING", []).append(key)
            elif key.lower() in ("utf-8", "gb2312", "gbk", "gb18030", "big5"):
                params.setdefault("CHARSET", []).append(key)
            elif key:
                params.setdefault("TYPE", []).append(key)
            continue
        values = [v.strip().strip('"') for v in _split_outside_quotes(val, ",")]
        params.setdefault(key, []).extend(v for v in values if v)
    encoding = {e.upper() for e in params.get("ENCODING", [])}
    if encoding & {"BASE64", "B"}:
        return VCardProperty(name, "", params, group.strip())  # photos, sounds: not text
    if "QUOTED-PRINTABLE" in encoding:
        value_bytes = quopri.decodestring(value_bytes)  # leaves what is not "=XX" alone
    charset = (params.get("CHARSET") or [""])[0]
    return VCardProperty(name, _decode(value_bytes, charset), params, group.strip())


def _decode(data: bytes, charset: str) -> str:
    candidates = []
    if charset:
        candidates.append(_CHARSET_ALIASES.get(charset.lower(), charset))
    candidates += ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def unescape(text: str) -> str:
    """3.0/4.0 text escapes: \\n, \\, \\; \\\\ (a lone backslash stays)."""
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt in "nN" else nxt if nxt in ",;:\\" else ch + nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def components(value: str) -> list[str]:
    """A structured value (N, ADR, ORG) split at unescaped semicolons, each unescaped."""
    parts, current, i = [], [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if ch == ";":
            parts.append(unescape("".join(current)).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append(unescape("".join(current)).strip())
    return parts


def _list_values(value: str) -> list[str]:
    """A comma-separated list value (CATEGORIES, NICKNAME), unescaped."""
    items, current, i = [], [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if value[i] == ",":
            items.append(unescape("".join(current)).strip())
            current = []
        else:
            current.append(value[i])
        i += 1
    items.append(unescape("".join(current)).strip())
    return [item for item in items if item]


# -------------------------------------------------------------- a card as a customer


def person_name(family: str, given: str, middle: str = "") -> str:
    """张三 for Chinese names, "John Smith" for others."""
    family, given, middle = (" ".join(p.split()) for p in (family, given, middle))
    if _HANZI.search(family + given):
        return f"{family}{middle}{given}"
    return " ".join(p for p in (given, middle, family) if p)


def split_name(name: str) -> tuple[str, str]:
    """(family, given) of a full name: 张三 → (张, 三); "John Smith" → (Smith, John)."""
    name = " ".join(name.split())
    if _HANZI.search(name[:1]) and " " not in name:
        if len(name) > 2 and name[:2] in _COMPOUND_SURNAMES:
            return name[:2], name[2:]
        return name[:1], name[1:]
    given, _space, family = name.rpartition(" ")
    return (family, given) if given else (name, "")


def _phone_label(card: VCard, prop: VCardProperty) -> str | None:
    words = prop.types() | {card.group_label(prop)}
    for word, label in _PHONE_TYPES:
        if any(word in w for w in words if w):
            return label
    return None  # by the kind of number


def _place_label(card: VCard, prop: VCardProperty) -> str:
    words = prop.types() | {card.group_label(prop)}
    if "home" in words or "住宅" in words or "家" in words:
        return "home"
    if (
        "work" in words
        or "工作" in words
        or not (words - {"", "pref", "internet", "postal", "parcel", "dom", "intl"})
    ):
        return "work"
    return "other"


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _phone_number(value: str) -> str:
    number = unescape(value).strip()
    if number.lower().startswith("tel:"):
        number = number[4:]
    return number.split(";", 1)[0].strip()


def card_data(card: VCard) -> RowData:
    """The customer data in one card; problems that lose only a detail are warnings."""
    data: dict[str, Any] = {}
    warnings: list[tuple[str, str]] = []
    n_parts = (components(card.first("N")) + [""] * 5)[:5]
    family, given, middle = n_parts[0], n_parts[1], n_parts[2]
    family, given, middle = (" ".join(p.replace(",", " ").split()) for p in (family, given, middle))
    org = components(card.first("ORG"))[0] if card.first("ORG") else ""
    name = person_name(family, given, middle) or unescape(card.first("FN")).strip()
    show_as = card.first("X-ABSHOWAS").strip().upper()
    kind = card.first("KIND").strip().lower()
    if org and (
        show_as == "COMPANY" or kind == "org" or (not family and not given and name in ("", org))
    ):
        data["kind"] = "enterprise"
        name = name if name and show_as != "COMPANY" else org
    else:
        if org:
            data["company_name"] = org
    if not name and org:
        name, data["kind"] = org, "enterprise"
    data["name"] = " ".join(name.split())
    for prop_name, key in (("TITLE", "title"), ("URL", "website")):
        value = unescape(card.first(prop_name)).strip()
        if value:
            data[key] = value
    notes = [_lines(unescape(p.value)).strip() for p in card.all("NOTE") if p.value.strip()]
    if notes:
        data["notes"] = "\n".join(notes)
    phones = []
    for prop in card.all("TEL"):
        number = _phone_number(prop.value)
        if number:
            phones.append({"number": number, "label": _phone_label(card, prop)})
    if phones:
        data["phones"] = phones
    emails = []
    for prop in card.all("EMAIL"):
        address = unescape(prop.value).strip()
        if address.lower().startswith("mailto:"):
            address = address[7:]
        if address:
            words = prop.types() | {card.group_label(prop)}
            label = "home" if "home" in words else "other" if "other" in words else "work"
            emails.append({"address": address, "label": label})
    if emails:
        data["emails"] = emails
    addresses = [_address(card, prop) for prop in card.all("ADR")]
    addresses = [a for a in addresses if any(v for k, v in a.items() if k != "label")]
    if addresses:
        data["addresses"] = addresses
    _birthday(card, data, warnings)
    tags = [t for p in card.all("CATEGORIES") for t in _list_values(p.value)]
    if tags:
        data["tags"] = list(dict.fromkeys(tags))
    gender = (card.first("GENDER") or card.first("X-GENDER")).split(";")[0].strip().lower()
    if gender in ("m", "male", "男"):
        data["gender"] = "male"
    elif gender in ("f", "female", "女"):
        data["gender"] = "female"
    messengers = _messengers(card)
    if messengers:
        data["messengers"] = messengers
    code = card.first("X-CRM-CODE").strip() or None
    uid = unescape(card.first("UID")).strip()
    return RowData(
        data, code, uid=_our_uid(uid) or None, external_id=uid or None, warnings=warnings
    )


def _our_uid(uid: str) -> str:
    """The UUID in a UID ("urn:uuid:…" or bare), as 32 hex digits; "" when it is not one."""
    text = uid.strip()
    if text.lower().startswith("urn:uuid:"):
        text = text[9:]
    try:
        return uuid_module.UUID(text).hex
    except ValueError:
        return ""


def _address(card: VCard, prop: VCardProperty) -> dict[str, str]:
    parts = (components(prop.value) + [""] * 7)[:7]
    _pobox, extended, street, city, region, postcode, country = (" ".join(p.split()) for p in parts)
    result = {"label": _place_label(card, prop)}
    district = ""
    if extended and re.search(r"(区|县|旗|district)$", extended, re.IGNORECASE):
        district = extended
    elif extended:
        street = f"{extended} {street}".strip()
    for key, value in (
        ("street", street),
        ("city", city),
        ("province", region),
        ("postcode", postcode),
        ("country", country),
        ("district", district),
    ):
        if value:
            result[key] = value
    return result


def _birthday(card: VCard, data: dict[str, Any], warnings: list[tuple[str, str]]) -> None:
    prop = next((p for p in card.all("BDAY") if p.value.strip()), None)
    if prop is None:
        return
    text = unicodedata.normalize("NFKC", unescape(prop.value)).strip()
    omit = (prop.params.get("X-APPLE-OMIT-YEAR") or [""])[0]
    parsed = dates.parse_date_text(text)
    if parsed is None:
        warnings.append(
            ("birthday", f"“{text}” is not a date we can read; imported without a birthday")
        )
        return
    has_year = parsed.has_year and not (omit and parsed.value.startswith(omit))
    value = parsed.value if has_year else f"{dates.NO_YEAR}{parsed.value[4:]}"
    data["birthday"] = value
    if not has_year:
        data["birthday_has_year"] = False


def _messengers(card: VCard) -> list[dict[str, str]]:
    found = []
    services = {
        "weixin": "wechat",
        "wechat": "wechat",
        "qq": "qq",
        "whatsapp": "whatsapp",
        "skype": "skype",
        "telegram": "telegram",
        "line": "line",
    }
    for prop in card.all("IMPP"):
        scheme, sep, handle = unescape(prop.value).strip().partition(":")
        service = services.get(scheme.lower()) if sep else None
        if service and handle.strip():
            found.append({"service": service, "handle": handle.strip()})
    for prop_name, service in (("X-WECHAT", "wechat"), ("X-QQ", "qq"), ("X-SKYPE", "skype")):
        for prop in card.all(prop_name):
            if prop.value.strip():
                found.append({"service": service, "handle": unescape(prop.value).strip()})
    return found


# ------------------------------------------------------------------------ writing


@dataclass
class CardData:
    """What one customer's card holds (plain values, from the exporter)."""

    uid: str
    code: str
    name: str
    kind: str = "individual"
    company_name: str | None = None
    title: str | None = None
    phones: Sequence[tuple[str, str]] = ()  # (number, label)
    emails: Sequence[tuple[str, str]] = ()  # (address, label)
    addresses: Sequence[dict[str, str | None]] = ()
    birthday: str | None = None  # ISO date, or "--MM-DD"
    notes: str | None = None
    website: str | None = None
    tags: Sequence[str] = ()


_TEL_TYPES = {
    "mobile": ["CELL", "VOICE"],
    "work": ["WORK", "VOICE"],
    "home": ["HOME", "VOICE"],
    "fax": ["WORK", "FAX"],
    "other": ["OTHER", "VOICE"],
}
_EMAIL_TYPES = {
    "work": ["INTERNET", "WORK"],
    "home": ["INTERNET", "HOME"],
    "other": ["INTERNET", "OTHER"],
}
_ADR_TYPES = {"work": ["WORK"], "home": ["HOME"]}


def card_text(card: CardData) -> str:
    """One customer as a vCard 3.0 card (CRLF lines, folded, escaped) via vobject."""
    import vobject  # late: only vCard export needs it

    vcard = vobject.vCard()
    vcard.add("version").value = "3.0"
    if card.kind == "enterprise":
        vcard.add("n").value = vobject.vcard.Name()
        vcard.add("org").value = [card.name]
        vcard.add("x-abshowas").value = "COMPANY"
    else:
        family, given = split_name(card.name)
        vcard.add("n").value = vobject.vcard.Name(family=family, given=given)
        if card.company_name:
            vcard.add("org").value = [card.company_name]
    vcard.add("fn").value = card.name
    if card.title:
        vcard.add("title").value = card.title
    for number, label in card.phones:
        line = vcard.add("tel")
        line.value = number
        line.params["TYPE"] = _TEL_TYPES.get(label, ["VOICE"])
    for address, label in card.emails:
        line = vcard.add("email")
        line.value = address
        line.params["TYPE"] = _EMAIL_TYPES.get(label, ["INTERNET"])
    for place in card.addresses:
        line = vcard.add("adr")
        line.value = vobject.vcard.Address(
            street=place.get("street") or "",
            city=place.get("city") or "",
            region=place.get("province") or "",
            code=place.get("postcode") or "",
            country=place.get("country") or "",
            extended=place.get("district") or "",
        )
        line.params["TYPE"] = _ADR_TYPES.get(str(place.get("label")), ["OTHER"])
    if card.birthday:
        vcard.add("bday").value = card.birthday
    if card.website:
        vcard.add("url").value = card.website
    if card.tags:
        vcard.add("categories").value = list(card.tags)
    if card.notes:
        vcard.add("note").value = card.notes
    vcard.add("uid").value = card.uid
    vcard.add("x-crm-code").value = card.code
    return vcard.serialize()
