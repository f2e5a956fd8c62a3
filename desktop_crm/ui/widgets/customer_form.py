"""The editable part of the customer detail pane: every customer field in tabs (identity,
contact, contact persons, classification, care and notes), each field with a place for
the reason the domain gave when it refused the value."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from desktop_crm.domain import customers as domain
from desktop_crm.domain.customers import CustomerRecord
from desktop_crm.domain.users import list_users
from desktop_crm.ui import labels
from desktop_crm.ui.labels import choice_items
from desktop_crm.ui.widgets.birthday_edit import BirthdayEdit, LunarDateEdit
from desktop_crm.ui.widgets.contacts_editor import ContactsEditor
from desktop_crm.ui.widgets.entry_list import EntryColumn, EntryListEditor
from desktop_crm.ui.widgets.form_fields import ChoiceCombo, FieldSlot
from desktop_crm.ui.widgets.tabbed_form import TabbedForm
from desktop_crm.ui.widgets.tag_editor import TagEditor
from desktop_crm.ui.widgets.unverified_phones import UnverifiedPhones

# Error keys that belong to another field's slot.
_SLOT_OF = {
    "birthday_has_year": "birthday",
    "lunar_birthday_month": "lunar",
    "lunar_birthday_day": "lunar",
    "lunar_birthday_leap": "lunar",
    "stage_override": "stage",
    "credit_override": "credit_rating",
    "province": "addresses",
    "city": "addresses",
    "district": "addresses",
}
INDIVIDUAL_FIELDS = ("gender", "birthday", "lunar", "title", "company_name")
ENTERPRISE_FIELDS = ("industry", "company_size", "website")
TEXT_FIELDS = (
    "name",
    "title",
    "company_name",
    "industry",
    "website",
    "referred_by",
    "credit_limit",
    "exit_reason",
)
LONG_TEXT_FIELDS = ("preferences", "family_notes", "social_notes", "notes", "exit_notes")
CHOICE_FIELDS = (
    "kind",
    "gender",
    "company_size",
    "owner",
    "source",
    "status",
    "stage",
    "grade",
    "stars",
    "credit_rating",
    "relationship_level",
)


class CustomerForm(TabbedForm):
    """`values()` → the form as a dict of domain field names; `changed` on every edit."""

    SLOT_OF = _SLOT_OF

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerForm")
        self._build_identity()
        self._build_contact()
        self._build_contact_persons()
        self._build_classification()
        self._build_care()
        self.set_kind("individual")

    # ----------------------------------------------------------------- building

    def _build_identity(self) -> None:
        form = self._page(self.tr("&Identity"), "identity")
        self.code_label = QLabel()
        self.code_label.setObjectName("codeLabel")
        self.code_label.setAccessibleName(labels.column_title("code"))
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(labels.column_title("code"), self.code_label)
        self._combo(form, "kind", choice_items("kind", domain.KINDS))
        self.combos["kind"].currentIndexChanged.connect(lambda: self.set_kind(self.kind()))
        self._line(form, "name")
        self._combo(
            form, "gender", choice_items("gender", domain.GENDERS), blank=self.tr("Not given")
        )
        self.birthday = BirthdayEdit()
        self.birthday.setObjectName("edit_birthday")
        self.birthday.setFocusProxy(self.birthday.date_edit)
        self._add(
            form,
            "birthday",
            self.birthday,
            self.birthday.changed,
            highlight=[self.birthday.date_edit],
        )
        self.lunar = LunarDateEdit()
        self.lunar.setObjectName("edit_lunar")
        self.lunar.setFocusProxy(self.lunar.month)
        self._add(
            form,
            "lunar",
            self.lunar,
            self.lunar.changed,
            labels.column_title("lunar_birthday_month"),
            [self.lunar.month, self.lunar.day],
        )
        self._line(form, "title")
        self._line(form, "company_name")
        self._line(form, "industry")
        self._combo(
            form,
            "company_size",
            [(s, self.tr("%1 employees").replace("%1", s)) for s in domain.COMPANY_SIZES],
            blank=self.tr("Not given"),
        )
        self._line(form, "website")

    def _entry_list(
        self,
        form: QFormLayout,
        name: str,
        columns: list[EntryColumn],
        item: str,
        add: str,
        keep: tuple[str, ...] = (),
    ) -> EntryListEditor:
        editor = EntryListEditor(
            columns, item_name=item, add_text=add, remove_text=self.tr("Remove"), keep=keep
        )
        editor.setObjectName(f"edit_{name}")
        editor.setAccessibleName(labels.column_title(name))
        self._add(form, name, editor, editor.changed, highlight=editor.inputs_named_in)
        return editor

    def _build_contact(self) -> None:
        form = self._page(self.tr("C&ontact"), "contact")
        self.phones = self._entry_list(
            form,
            "phones",
            [
                EntryColumn("number", labels.column_title("phone"), stretch=3),
                EntryColumn(
                    "label",
                    self.tr("Kind"),
                    choice_items("phone_label", domain.PHONE_LABELS),
                    "mobile",
                ),
            ],
            labels.column_title("phone"),
            self.tr("Add phone"),
        )
        self.unverified_phones = UnverifiedPhones(self.phones)
        self.emails = self._entry_list(
            form,
            "emails",
            [
                EntryColumn("address", labels.column_title("email"), stretch=3),
                EntryColumn(
                    "label",
                    self.tr("Kind"),
                    choice_items("email_label", domain.EMAIL_LABELS),
                    "work",
                ),
            ],
            labels.column_title("email"),
            self.tr("Add email"),
        )
        self.messengers = self._entry_list(
            form,
            "messengers",
            [
                EntryColumn("handle", self.tr("Account"), stretch=3),
                EntryColumn(
                    "service",
                    self.tr("Service"),
                    choice_items("messenger_service", domain.MESSENGER_SERVICES),
                    "wechat",
                ),
            ],
            self.tr("IM account"),
            self.tr("Add WeChat / IM account"),
        )
        self.addresses = self._entry_list(
            form,
            "addresses",
            [
                EntryColumn("province", labels.column_title("province")),
                EntryColumn("city", labels.column_title("city")),
                EntryColumn("district", labels.column_title("district")),
                EntryColumn(
                    "label",
                    self.tr("Kind"),
                    choice_items("address_label", domain.ADDRESS_LABELS),
                    "work",
                ),
                EntryColumn("street", self.tr("Street"), line=1, stretch=4),
                EntryColumn("postcode", self.tr("Postcode"), line=1),
            ],
            self.tr("Address"),
            self.tr("Add address"),
            keep=("country",),
        )

    def _build_contact_persons(self) -> None:
        form = self._page(self.tr("Contact &persons"), "contacts")
        self.contacts = ContactsEditor()
        self.contacts.setObjectName("edit_contacts")
        slot = FieldSlot(self.contacts, self.contacts.changed, highlight=[self.contacts.table])
        slot.setObjectName("field_contacts")
        form.addRow(slot)
        self.slots["contacts"] = slot
        self.contacts.changed.connect(self._edited)

    def _build_classification(self) -> None:
        form = self._page(self.tr("C&lassification"), "classification")
        self._combo(form, "owner", [], blank=self.tr("Nobody"))
        self._combo(
            form, "source", choice_items("source", domain.SOURCES), blank=self.tr("Not given")
        )
        self._line(form, "referred_by").setPlaceholderText(
            self.tr("Code of the referring customer")
        )
        self._combo(form, "status", choice_items("status", domain.STATUSES))
        stage = self._combo(form, "stage", choice_items("stage", domain.STAGES))
        self.stage_override = self._flag(
            stage, self.tr("Set by hand"), self.tr("Stage set by hand")
        )
        stage.currentIndexChanged.connect(self._update_exit_rows)
        self._line(form, "exit_reason")
        self._text(form, "exit_notes")
        self._combo(
            form, "grade", choice_items("grade", domain.GRADES), blank=self.tr("Not graded")
        )
        stars = [(n, "★" * n + "☆" * (5 - n)) for n in range(1, 6)]
        self._combo(form, "stars", [(0, self.tr("Not rated")), *stars])
        credit = self._combo(
            form,
            "credit_rating",
            choice_items("credit_rating", domain.CREDIT_RATINGS),
            blank=self.tr("Not rated"),
        )
        self.credit_override = self._flag(
            credit, self.tr("Set by hand"), self.tr("Credit rating set by hand")
        )
        self._line(form, "credit_limit")
        levels = [(n, f"{n} · {label}") for n, label in labels.choices("relationship_level")]
        self._combo(form, "relationship_level", levels, blank=self.tr("Not set"))
        self.tags = TagEditor()
        self.tags.setObjectName("edit_tags")
        self.tags.setAccessibleName(labels.column_title("tags"))
        self._add(form, "tags", self.tags, self.tags.textChanged)

    def _flag(self, combo: ChoiceCombo, text: str, accessible: str) -> QCheckBox:
        """A check box beside `combo` (in the same slot)."""
        box = QCheckBox(text)
        box.setAccessibleName(accessible)
        slot = self.slots[combo.objectName().removeprefix("edit_")]
        row = QHBoxLayout()
        slot.layout().removeWidget(combo)
        row.addWidget(combo)
        row.addWidget(box)
        row.addStretch(1)
        slot.layout().insertLayout(0, row)
        box.toggled.connect(self._edited)
        box.toggled.connect(slot.clear_error)
        return box

    def _build_care(self) -> None:
        form = self._page(self.tr("C&are"), "care")
        for name in ("preferences", "family_notes", "social_notes", "notes"):
            self._text(form, name)

    # ----------------------------------------------------------------- behaviour
    def kind(self) -> str:
        return str(self.combos["kind"].value() or "individual")

    def set_kind(self, kind: str) -> None:
        """Show the fields of an individual or of an enterprise."""
        if self.combos["kind"].value() != kind:
            self.combos["kind"].set_value(kind)
        form = self._forms["identity"]
        for name in INDIVIDUAL_FIELDS:
            form.setRowVisible(self.slots[name], kind == "individual")
        for name in ENTERPRISE_FIELDS:
            form.setRowVisible(self.slots[name], kind == "enterprise")
        contacts_tab = self.indexOf(self._page_of(self.slots["contacts"]))
        self.setTabVisible(contacts_tab, kind == "enterprise")

    def _update_exit_rows(self) -> None:
        exited = self.combos["stage"].value() == "exited" or any(
            (self.edits["exit_reason"].text(), self.texts["exit_notes"].toPlainText())
        )
        for name in ("exit_reason", "exit_notes"):
            self._forms["classification"].setRowVisible(self.slots[name], exited)

    # -------------------------------------------------------------------- values
    def set_record(self, record: CustomerRecord | None, kind: str = "individual") -> None:
        """Fill the form from `record` (None: an empty new customer of `kind`); emits nothing."""
        self._loading = True
        try:
            owners = [(u.username, u.display_name) for u in list_users()]
            self.combos["owner"].set_choices(owners, blank=self.tr("Nobody"))
            self.clear_errors()
            get: Callable[[str], Any] = (
                (lambda name: getattr(record, name)) if record else (lambda name: None)
            )
            self.code_label.setText(record.code if record else self.tr("(given on save)"))
            for name, edit in self.edits.items():
                value = get(name)
                edit.setText("" if value is None else str(value))
            for name, text in self.texts.items():
                text.setPlainText(get(name) or "")
            defaults = {"kind": kind, "status": "potential", "stage": "potential", "stars": 0}
            for name, combo in self.combos.items():
                value = get(name)
                combo.set_value(defaults.get(name) if value is None else value)
            self.stage_override.setChecked(bool(get("stage_override")))
            self.credit_override.setChecked(bool(get("credit_override")))
            self.birthday.set_value(get("birthday"), record.birthday_has_year if record else True)
            self.lunar.set_value(
                get("lunar_birthday_month"),
                get("lunar_birthday_day"),
                bool(get("lunar_birthday_leap")),
            )
            self.phones.set_entries(get("phones") or [])
            self.unverified_phones.set_entries(get("phones") or [])
            self.emails.set_entries(get("emails") or [])
            self.messengers.set_entries(get("messengers") or [])
            self.addresses.set_entries(get("addresses") or [])
            self.contacts.set_contacts(get("contacts") or [])
            self.tags.set_tags(get("tags") or [])
            self.set_kind(record.kind if record else kind)
            self._update_exit_rows()
        finally:
            self._loading = False

    def values(self) -> dict[str, Any]:
        """Every field as the domain service takes it (text as typed; the domain cleans it)."""
        result: dict[str, Any] = {name: edit.text() for name, edit in self.edits.items()}
        result.update({name: text.toPlainText() for name, text in self.texts.items()})
        result.update({name: combo.value() for name, combo in self.combos.items()})
        birthday, has_year = self.birthday.value()
        month, day, leap = self.lunar.value()
        result.update(
            {
                "birthday": birthday,
                "birthday_has_year": has_year,
                "lunar_birthday_month": month,
                "lunar_birthday_day": day,
                "lunar_birthday_leap": leap,
                "stage_override": self.stage_override.isChecked(),
                "credit_override": self.credit_override.isChecked(),
                "phones": [
                    {
                        "number": e["number"],
                        "label": e["label"],
                        "verified": not self.unverified_phones.is_accepted(e["number"]),
                    }
                    for e in self.phones.entries()
                ],
                "emails": [{k: e[k] for k in ("address", "label")} for e in self.emails.entries()],
                "messengers": self.messengers.entries(),
                "addresses": self.addresses.entries(),
                "contacts": self.contacts.contacts(),
                "tags": self.tags.tags(),
            }
        )
        return result

    # -------------------------------------------------------------------- errors
    def show_errors(self, errors: dict[str, str]) -> list[tuple[str, str]]:
        """Put each reason next to its field; returns (field title, reason) in form order."""
        self.clear_errors()
        reasons: dict[str, list[str]] = {}
        shown: list[tuple[str, str]] = []
        for key, reason in errors.items():
            name = key.split("[", 1)[0]
            if name == "contacts" and "[" in key:
                number = key[len("contacts[") : -1]
                reason = (
                    self.tr("Contact person %1: %2").replace("%1", number).replace("%2", reason)
                )
                if number.isdigit():
                    self.contacts.select_row(int(number) - 1)
            reasons.setdefault(_SLOT_OF.get(name, name), []).append(reason)
        for slot_name, slot in self.slots.items():  # form order
            if slot_name in reasons:
                slot.set_error("\n".join(reasons.pop(slot_name)))
                title = labels.column_title(
                    "lunar_birthday_month" if slot_name == "lunar" else slot_name
                )
                shown.append((title, slot.error() or ""))
        shown.extend((labels.column_title(name), "; ".join(r)) for name, r in reasons.items())
        first = next((n for n, s in self.slots.items() if s.error() and self._is_shown(s)), None)
        if first is not None:
            self.focus_field(first)
        return shown
