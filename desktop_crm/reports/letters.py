"""Mail-merge letters: one letter per customer from a template, all in one PDF.

A template is plain text; blank lines separate paragraphs and these placeholders are
filled in for each customer:

    {name}     the addressee: the contact person of an enterprise, else the customer
    {title}    their title (job title or form of address)
    {company}  the customer's company
    {address}  their address on one line
    {code}     the customer's code
    {date}     today's date, written out
    {sender}   our own company's name (from the settings)

`{{` and `}}` print a brace. Any other `{…}` is refused before anything is printed, so a
typing mistake does not go out in 500 letters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from desktop_crm.reports import data, texts
from desktop_crm.reports.data import Cancelled, Progress, Recipient
from desktop_crm.reports.document import PageSetup, TextReport, letterhead
from desktop_crm.reports.errors import ReportError
from desktop_crm.reports.labels import address_lines, one_line_address
from desktop_crm.reports.markup import esc
from desktop_crm.reports.texts import phrase

PLACEHOLDERS = ("name", "title", "company", "address", "code", "date", "sender")
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def default_template() -> str:
    """A short courtesy letter in the current language."""
    return texts.template("default_letter")


def check_template(template: str) -> str:
    """The template if every placeholder is known; `ReportError` names the first that is not."""
    if not template.strip():
        raise ReportError(phrase("template_empty"))
    for token in _TOKEN.finditer(template):
        text = token.group(0)
        if text in ("{{", "}}"):
            continue
        if text in ("{", "}"):
            raise ReportError(phrase("unbalanced_brace", brace=text))
        if token.group(1).strip() not in PLACEHOLDERS:
            raise ReportError(
                phrase(
                    "unknown_placeholder",
                    value=token.group(1),
                    choices=", ".join(f"{{{p}}}" for p in PLACEHOLDERS),
                )
            )
    return template


def fill(template: str, values: Mapping[str, str]) -> str:
    """The template with its placeholders replaced (checked first with `check_template`)."""

    def replace(token: re.Match[str]) -> str:
        text = token.group(0)
        if text == "{{":
            return "{"
        if text == "}}":
            return "}"
        return values.get((token.group(1) or "").strip(), "")

    return _TOKEN.sub(replace, template)


def read_template(path: str | Path) -> str:
    """A template file's text: UTF-8 (with or without BOM), else GB18030 (Windows Chinese)."""
    raw = Path(path).read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def values_for(recipient: Recipient, sender: str, today: date) -> dict[str, str]:
    return {
        "name": recipient.contact or recipient.name,
        "title": recipient.title or "",
        "company": recipient.company or "",
        "address": one_line_address(recipient),
        "code": recipient.code,
        "date": texts.long_date(today),
        "sender": sender,
    }


def letter_html(
    recipient: Recipient, template: str, sender: str, today: date, *, new_page: bool = False
) -> str:
    """One letter: the address block, the date, then the filled-in paragraphs."""
    block = "<br/>".join(esc(line) for line in address_lines(recipient))
    filled = fill(template, values_for(recipient, sender, today))
    paragraphs = [p.strip("\n") for p in filled.replace("\r\n", "\n").split("\n\n")]
    paragraphs = [p for p in paragraphs if p.strip()]
    # A Chinese letter signs (name and date) at the right; an English one at the left.
    sign_right = texts.is_chinese() and len(paragraphs) > 1
    right = ' align="right"'
    body = "".join(
        f"<p{right if sign_right and i == len(paragraphs) - 1 else ''} "
        f'style="line-height: 150%; margin-bottom: 9px;">{esc(p)}</p>'
        for i, p in enumerate(paragraphs)
    )
    page_break = " page-break-before: always;" if new_page else ""
    # A Chinese letter dates itself under the signature; an English one at the top.
    dated = (
        ""
        if texts.is_chinese()
        else (
            f'<p align="right" style="margin-top: 0; margin-bottom: 18px;">'
            f"{esc(texts.long_date(today))}</p>"
        )
    )
    return (
        f'<p style="margin-top: 6px; margin-bottom: 26px; line-height: 130%;{page_break}">'
        f"{block}</p>{dated}{body}"
    )


def build_letters(
    ids: Sequence[int],
    template: str | None = None,
    *,
    paper: str = "a4",
    landscape: bool = False,
    today: date | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> TextReport:
    """A letter from `template` (default: a short courtesy letter) to each customer."""
    text = check_template(template if template is not None else default_template())
    if not ids:
        raise ReportError(phrase("no_recipients"))
    day = today or date.today()
    people = data.recipients(ids, progress=progress, cancelled=cancelled)
    sender = data.company().name
    body = "".join(letter_html(p, text, sender, day, new_page=i > 0) for i, p in enumerate(people))
    report = TextReport(
        title=phrase("letters"),
        body_html=body,
        letterhead=letterhead(phrase("letters"), show_title=False, page_numbers=False, printed=day),
        setup=PageSetup(paper=paper, landscape=landscape, margins=(30.0, 22.0, 22.0, 22.0)),
        font_pt=10.5,
    )
    data.checkpoint(cancelled)
    report.prepare()
    return report
