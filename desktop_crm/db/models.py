"""The whole schema: every table Desktop CRM keeps, in one place.

Every model has an integer primary key, a `uuid` (stable across databases, for sync and
merge), `created_at` and `updated_at` in UTC; rows users can delete have `deleted_at`
(trash, and tombstones for sync). Money is Decimal. Choice fields store short English
codes; their labels live in the domain and UI layers.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    Database,
    DatabaseProxy,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    Model,
    SmallIntegerField,
    TextField,
    UUIDField,
)

database = DatabaseProxy()


def database_of(model: type[Model]) -> Database:
    """The database a model reads and writes: the app's, or one it is bound to for a while
    (the office server, during a sync)."""
    db = model._meta.database
    return db.obj if isinstance(db, DatabaseProxy) else db


def utcnow() -> datetime:
    """Naive UTC timestamp (what we store)."""
    return datetime.now(UTC).replace(tzinfo=None)


class JSONTextField(TextField):
    """JSON stored as text, Hanzi kept readable (no ASCII escaping); works on any backend."""

    def db_value(self, value):  # noqa: ANN001, ANN201 - peewee hook
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def python_value(self, value):  # noqa: ANN001, ANN201 - peewee hook
        return None if value is None else json.loads(value)


def Money(**kwargs) -> DecimalField:  # noqa: N802 - reads like a field class
    return DecimalField(max_digits=14, decimal_places=2, auto_round=True, **kwargs)


class BaseModel(Model):
    id = AutoField()
    uuid = UUIDField(default=uuid.uuid4, unique=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow, index=True)

    class Meta:
        database = database
        legacy_table_names = False

    def save(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        self.updated_at = utcnow()
        return super().save(*args, **kwargs)


class User(BaseModel):
    """A person using the app: the owner (sales rep) of customers and follow-ups."""

    username = CharField(max_length=64, unique=True)
    display_name = CharField(max_length=100)
    role = CharField(max_length=16, default="rep")  # admin | manager | rep
    team = CharField(
        max_length=64, null=True
    )  # a manager sees the customers of their team (schema 4)
    password_hash = CharField(max_length=255, null=True)
    active = BooleanField(default=True)
    deleted_at = DateTimeField(null=True)


class ImportBatch(BaseModel):
    """One import run; its customers can be undone together."""

    file_name = CharField(max_length=500)
    file_format = CharField(max_length=16)
    started_at = DateTimeField(default=utcnow)
    finished_at = DateTimeField(null=True)
    created_count = IntegerField(default=0)
    updated_count = IntegerField(default=0)
    merged_count = IntegerField(default=0)
    skipped_count = IntegerField(default=0)
    rejected_count = IntegerField(default=0)
    undone_at = DateTimeField(null=True)


class Customer(BaseModel):
    """An individual (个人客户) or an enterprise (企业客户)."""

    code = CharField(max_length=20, unique=True)
    kind = CharField(max_length=12, default="individual", index=True)  # individual | enterprise
    name = CharField(max_length=200)
    # Pinyin of the name (lower case) then the name: an indexed sort key that orders
    # Chinese names the way people expect.
    sort_key = CharField(max_length=600, index=True)
    # Individuals
    gender = CharField(max_length=8, null=True)  # male | female | other
    birthday = DateField(null=True)  # solar date; year may be unknown (see birthday_has_year)
    birthday_has_year = BooleanField(default=True)
    lunar_birthday_month = SmallIntegerField(null=True)  # 1..12
    lunar_birthday_day = SmallIntegerField(null=True)  # 1..30
    lunar_birthday_leap = BooleanField(default=False)
    title = CharField(max_length=100, null=True)  # job title / form of address
    company_name = CharField(max_length=200, null=True)  # an individual's employer
    # Enterprises
    industry = CharField(max_length=100, null=True)
    company_size = CharField(max_length=20, null=True)  # 1-9 | 10-49 | 50-249 | 250+
    website = CharField(max_length=300, null=True)
    # Region of the primary address, kept here for indexed filtering
    province = CharField(max_length=50, null=True, index=True)
    city = CharField(max_length=50, null=True, index=True)
    district = CharField(max_length=50, null=True)
    # Acquisition
    source = CharField(max_length=20, null=True, index=True)
    referred_by = ForeignKeyField("self", null=True, backref="referrals", on_delete="SET NULL")
    owner = ForeignKeyField(User, null=True, backref="customers", on_delete="SET NULL")
    # Office mode: every rep may see and edit a shared customer, not only its owner (schema 4)
    shared = BooleanField(default=False)
    # Classification
    status = CharField(max_length=12, default="potential", index=True)  # potential | existing
    stage = CharField(max_length=16, default="potential", index=True)
    stage_override = BooleanField(default=False)
    grade = CharField(max_length=1, null=True, index=True)  # A | B | C
    stars = SmallIntegerField(default=0)  # 0 = not rated, 1..5
    credit_rating = CharField(max_length=8, null=True)
    credit_override = BooleanField(default=False)
    credit_limit = Money(null=True)
    relationship_level = SmallIntegerField(null=True, index=True)  # 1..5
    # Care and free text
    preferences = TextField(null=True)
    family_notes = TextField(null=True)
    social_notes = TextField(null=True)
    notes = TextField(null=True)
    # Lifecycle
    first_purchase_on = DateField(null=True)
    last_purchase_on = DateField(null=True)
    exited_at = DateTimeField(null=True)
    exit_reason = CharField(max_length=50, null=True)
    exit_notes = TextField(null=True)
    # Follow-up summary kept in step by the follow-up service, for filtering
    last_contact_at = DateTimeField(null=True, index=True)
    next_followup_at = DateTimeField(null=True, index=True)
    # Import and merge bookkeeping
    external_id = CharField(max_length=200, null=True, index=True)
    import_batch = ForeignKeyField(
        ImportBatch, null=True, backref="customers", on_delete="SET NULL"
    )
    merged_into = ForeignKeyField("self", null=True, backref="merged_from", on_delete="SET NULL")
    version = IntegerField(default=1)  # optimistic locking for concurrent edits
    deleted_at = DateTimeField(null=True, index=True)
    # The person's data was erased (schema 8): the row stays as an anonymous shell that
    # keeps their orders for the totals; it is never in the list or the trash.
    erased_at = DateTimeField(null=True)

    class Meta:
        # Sortable list columns: an index lets a page be read in order at 1M customers.
        indexes = ((("created_at",), False), (("stars",), False), (("company_name",), False))


class ContactPerson(BaseModel):
    """A contact person at an enterprise customer."""

    customer = ForeignKeyField(Customer, backref="contacts", on_delete="CASCADE")
    name = CharField(max_length=100)
    title = CharField(max_length=100, null=True)
    department = CharField(max_length=100, null=True)
    gender = CharField(max_length=8, null=True)
    birthday = DateField(null=True)
    is_primary = BooleanField(default=False)
    notes = TextField(null=True)
    deleted_at = DateTimeField(null=True)


class Phone(BaseModel):
    customer = ForeignKeyField(Customer, backref="phones", on_delete="CASCADE")
    contact = ForeignKeyField(ContactPerson, null=True, backref="phones", on_delete="CASCADE")
    label = CharField(max_length=16, default="mobile")  # mobile | work | home | fax | other
    number = CharField(max_length=50)  # as typed
    e164 = CharField(max_length=20, null=True)
    digits = CharField(max_length=20, index=True)  # national significant digits, for search
    is_primary = BooleanField(default=False)
    verified = BooleanField(default=True)  # False: possible but not valid for its region


class Email(BaseModel):
    customer = ForeignKeyField(Customer, backref="emails", on_delete="CASCADE")
    contact = ForeignKeyField(ContactPerson, null=True, backref="emails", on_delete="CASCADE")
    label = CharField(max_length=16, default="work")
    address = CharField(max_length=254, index=True)  # lower-cased
    is_primary = BooleanField(default=False)


class MessengerAccount(BaseModel):
    """WeChat, QQ, WhatsApp … handles."""

    customer = ForeignKeyField(Customer, backref="messengers", on_delete="CASCADE")
    contact = ForeignKeyField(ContactPerson, null=True, backref="messengers", on_delete="CASCADE")
    service = CharField(max_length=16, default="wechat")
    handle = CharField(max_length=100)


class Address(BaseModel):
    customer = ForeignKeyField(Customer, backref="addresses", on_delete="CASCADE")
    label = CharField(max_length=16, default="work")  # work | home | billing | shipping | other
    country = CharField(max_length=50, null=True)
    province = CharField(max_length=50, null=True)
    city = CharField(max_length=50, null=True)
    district = CharField(max_length=50, null=True)
    street = CharField(max_length=300, null=True)
    postcode = CharField(max_length=20, null=True)
    is_primary = BooleanField(default=False)


class Tag(BaseModel):
    name = CharField(max_length=50, unique=True)
    color = CharField(max_length=9, null=True)


class CustomerTag(BaseModel):
    customer = ForeignKeyField(Customer, backref="tag_links", on_delete="CASCADE")
    tag = ForeignKeyField(Tag, backref="customer_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("customer", "tag"), True), (("tag", "customer"), False))


class CustomerRelation(BaseModel):
    """A relation between two customers: spouse, colleague, referred-by …"""

    from_customer = ForeignKeyField(Customer, backref="relations_out", on_delete="CASCADE")
    to_customer = ForeignKeyField(Customer, backref="relations_in", on_delete="CASCADE")
    kind = CharField(max_length=20)  # spouse | family | colleague | friend | referred_by | other
    notes = TextField(null=True)


class FollowUp(BaseModel):
    """A contact that happened (status done) or one that is planned."""

    customer = ForeignKeyField(Customer, backref="followups", on_delete="CASCADE")
    contact = ForeignKeyField(ContactPerson, null=True, backref="followups", on_delete="SET NULL")
    owner = ForeignKeyField(User, null=True, backref="followups", on_delete="SET NULL")
    status = CharField(max_length=10, default="done", index=True)  # planned | done | cancelled
    channel = CharField(max_length=10, default="phone")
    initiated_by = CharField(max_length=10, default="us")  # us | customer
    subject = CharField(max_length=200, null=True)
    content = TextField(null=True)
    outcome = TextField(null=True)
    occurred_at = DateTimeField(null=True, index=True)  # when it happened (done)
    due_at = DateTimeField(null=True, index=True)  # when it is planned (planned)
    planned_from = ForeignKeyField("self", null=True, backref="plans", on_delete="SET NULL")
    reminded_at = DateTimeField(null=True)
    deleted_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("customer", "status", "due_at"), False), (("status", "due_at"), False))


class Order(BaseModel):
    customer = ForeignKeyField(Customer, backref="orders", on_delete="CASCADE")
    order_no = CharField(max_length=40, unique=True)
    order_date = DateField(index=True)
    product = CharField(max_length=200)
    category = CharField(max_length=100, null=True)
    quantity = DecimalField(max_digits=12, decimal_places=3, default=1)
    amount = Money()
    cost = Money(null=True)
    channel = CharField(max_length=20, null=True)  # direct | online | distributor | phone | other
    status = CharField(max_length=12, default="confirmed")
    payment_due = DateField(null=True)
    owner = ForeignKeyField(User, null=True, backref="orders", on_delete="SET NULL")
    notes = TextField(null=True)
    deleted_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("customer", "order_date"), False),)


class Shipment(BaseModel):
    order = ForeignKeyField(Order, backref="shipments", on_delete="CASCADE")
    shipped_on = DateField()
    carrier = CharField(max_length=100, null=True)
    tracking_no = CharField(max_length=100, null=True)
    quantity = DecimalField(max_digits=12, decimal_places=3, null=True)
    notes = TextField(null=True)
    deleted_at = DateTimeField(null=True)


class Payment(BaseModel):
    customer = ForeignKeyField(Customer, backref="payments", on_delete="CASCADE")
    order = ForeignKeyField(Order, null=True, backref="payments", on_delete="SET NULL")
    paid_on = DateField(index=True)
    amount = Money()
    method = CharField(max_length=20, null=True)  # bank | cash | card | alipay | wechat | other
    reference = CharField(max_length=100, null=True)
    notes = TextField(null=True)
    deleted_at = DateTimeField(null=True)


class Complaint(BaseModel):
    customer = ForeignKeyField(Customer, backref="complaints", on_delete="CASCADE")
    opened_at = DateTimeField(default=utcnow)
    severity = CharField(max_length=10, default="medium")  # low | medium | high | critical
    category = CharField(max_length=50, null=True)
    description = TextField()
    status = CharField(max_length=12, default="open", index=True)
    respond_by = DateTimeField(null=True)
    resolved_at = DateTimeField(null=True)
    resolution = TextField(null=True)
    owner = ForeignKeyField(User, null=True, backref="complaints", on_delete="SET NULL")
    deleted_at = DateTimeField(null=True)


class Survey(BaseModel):
    customer = ForeignKeyField(Customer, backref="surveys", on_delete="CASCADE")
    surveyed_on = DateField()
    satisfaction = SmallIntegerField(null=True)  # 1..5
    nps = SmallIntegerField(null=True)  # 0..10
    comments = TextField(null=True)
    deleted_at = DateTimeField(null=True)


class ChangeLog(BaseModel):
    """One change to one field: who, when, old → new."""

    customer = ForeignKeyField(Customer, null=True, backref="changes", on_delete="CASCADE")
    entity = CharField(max_length=30, default="customer")
    entity_id = IntegerField(null=True)
    action = CharField(max_length=12)  # create | update | trash | restore | merge | unmerge
    field = CharField(max_length=50, null=True)
    old_value = TextField(null=True)
    new_value = TextField(null=True)
    changed_by = CharField(max_length=64, null=True)
    changed_at = DateTimeField(default=utcnow, index=True)
    # The replica the change was made on, named when it syncs; none: the office (schema 7)
    replica = CharField(max_length=100, null=True)

    class Meta:
        indexes = ((("customer", "changed_at"), False),)


class Segment(BaseModel):
    """A saved filter with a name (e.g. "Beijing A customers")."""

    name = CharField(max_length=100, unique=True)
    query = JSONTextField()
    owner = ForeignKeyField(User, null=True, backref="segments", on_delete="SET NULL")


class Setting(BaseModel):
    """Business settings kept with the data (company name, thresholds, cadences …)."""

    key = CharField(max_length=100, unique=True)
    value = JSONTextField(null=True)


class CustomerMerge(BaseModel):
    """One merge of two customers (schema 2): what moved from `other` to `kept`, to undo it.

    `details` holds {"moved": {table: [row ids]}, "fields": {field: [before, after]},
    "summary": {column: value before}, "primary": {table: [row ids]}}.
    """

    kept = ForeignKeyField(Customer, backref="merges_kept", on_delete="CASCADE")
    other = ForeignKeyField(Customer, backref="merges_other", on_delete="CASCADE")
    import_batch = ForeignKeyField(ImportBatch, null=True, backref="merges", on_delete="SET NULL")
    changed_by = CharField(max_length=64, null=True)
    merged_at = DateTimeField(default=utcnow, index=True)
    undone_at = DateTimeField(null=True)
    details = JSONTextField()


class ImportUpdate(BaseModel):
    """An existing customer an import changed (schema 2): {field: [before, after]}, to undo it."""

    batch = ForeignKeyField(ImportBatch, backref="updates", on_delete="CASCADE")
    customer = ForeignKeyField(Customer, backref="import_updates", on_delete="CASCADE")
    fields = JSONTextField()


class StrategyStep(BaseModel):
    """A step of a relationship level's strategy ticked off for a customer (schema 3).

    `step` is the step's position in the level's strategy list (its wording depends on
    the language, its position does not).
    """

    customer = ForeignKeyField(Customer, backref="strategy_steps", on_delete="CASCADE")
    level = IntegerField()
    step = IntegerField()
    done_by = CharField(max_length=64, null=True)

    class Meta:
        indexes = ((("customer", "level", "step"), True),)


class Erasure(BaseModel):
    """That one person's data was erased (schema 8): when, by whom, which customer record
    (its uuid and code, never the name) and how many rows of each kind went.

    It has no link to the customer row, so it stays whatever becomes of the shell, and it
    holds nothing personal, so every user may read it and it travels with a sync: the
    office learns of an erasure made on a laptop.
    """

    erased_at = DateTimeField(default=utcnow, index=True)
    erased_by = CharField(max_length=64, null=True)
    customer_uuid = CharField(max_length=36, index=True)
    customer_code = CharField(max_length=20)
    counts = JSONTextField()  # {"phone": 2, "follow_up": 5, …}


class SchemaVersion(Model):
    """One row: the number of the last migration applied."""

    version = IntegerField()

    class Meta:
        database = database
        table_name = "schema_version"


ALL_MODELS: list[type[Model]] = [
    User,
    ImportBatch,
    Customer,
    ContactPerson,
    Phone,
    Email,
    MessengerAccount,
    Address,
    Tag,
    CustomerTag,
    CustomerRelation,
    FollowUp,
    Order,
    Shipment,
    Payment,
    Complaint,
    Survey,
    ChangeLog,
    Segment,
    Setting,
    CustomerMerge,
    ImportUpdate,
    StrategyStep,
    Erasure,
]
