"""The people who use the app and own customers (sales reps, managers, admins)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_crm.db.connection import write_transaction
from desktop_crm.db.models import User
from desktop_crm.domain.messages import text
from desktop_crm.domain.validation import FieldError, clean_choice, clean_text
from desktop_crm.errors import ValidationError

ROLES = ("admin", "manager", "rep")


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str


def list_users(*, include_inactive: bool = False) -> list[UserInfo]:
    """Users by display name."""
    query = User.select().where(User.deleted_at.is_null())
    if not include_inactive:
        query = query.where(User.active)
    return [
        UserInfo(u.id, u.username, u.display_name, u.role)
        for u in query.order_by(User.display_name)
    ]


def create_user(username: str, display_name: str | None = None, role: str = "rep") -> UserInfo:
    """Add a user; the username must be new."""
    errors: dict[str, str] = {}
    try:
        username = clean_text(username, max_length=64, required=True)
    except FieldError as exc:
        errors["username"] = exc.reason
    try:
        role = clean_choice(role, ROLES, required=True)
    except FieldError as exc:
        errors["role"] = exc.reason
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        if User.select().where(User.username == username).exists():
            raise ValidationError({"username": text("duplicate_username", value=username)})
        user = User.create(username=username, display_name=display_name or username, role=role)
    return UserInfo(user.id, user.username, user.display_name, user.role)
