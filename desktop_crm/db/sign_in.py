"""Where an office database is and who signs in to it; passwords in the system keyring.

The sign-in dialog remembers the server, the database and the user name in the UI
settings, never the password — unless the user asks, and then only in the operating
system's keyring (Keychain on macOS, Credential Manager on Windows, the Secret Service
on Linux) through the `keyring` library. Without a usable keyring the offer is not made.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

import keyring
import keyring.errors
from keyring.backends import fail

from desktop_crm.domain.messages import text
from desktop_crm.errors import CrmError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Desktop CRM"
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class OfficeAddress:
    """An office database and the user signing in to it (no password)."""

    host: str
    port: int = DEFAULT_PORT
    database: str = "crm"
    user: str = ""

    @classmethod
    def from_url(cls, url: str) -> OfficeAddress:
        parts = urlsplit(url)
        return cls(
            host=parts.hostname or "localhost",
            port=parts.port or DEFAULT_PORT,
            database=unquote(parts.path.lstrip("/")) or "crm",
            user=unquote(parts.username or ""),
        )

    @classmethod
    def from_fields(cls, server: str, database: str, user: str) -> OfficeAddress:
        """From what a person typed: "host" or "host:port", a database, a user name."""
        server, database, user = server.strip(), database.strip(), user.strip()
        host, _, port = server.rpartition(":") if ":" in server else (server, "", "")
        if not host:
            raise CrmError(text("need_server"))
        if port and not (port.isdigit() and 0 < int(port) < 65536):
            raise CrmError(text("bad_port", value=port))
        if not database:
            raise CrmError(text("need_database"))
        if not user:
            raise CrmError(text("need_user"))
        return cls(host, int(port) if port else DEFAULT_PORT, database, user)

    @property
    def server(self) -> str:
        return self.host if self.port == DEFAULT_PORT else f"{self.host}:{self.port}"

    def url(self, password: str | None = None) -> str:
        who = quote(self.user, safe="")
        if password:
            who = f"{who}:{quote(password, safe='')}"
        return f"postgresql://{who}@{self.host}:{self.port}/{quote(self.database, safe='')}"

    def _key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def keyring_available() -> bool:
    """Whether this computer has a keyring to keep a password in."""
    try:
        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # noqa: BLE001 - a broken keyring set-up is no keyring
        return False


def saved_password(address: OfficeAddress) -> str | None:
    if not keyring_available():
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, address._key())
    except keyring.errors.KeyringError as exc:
        log.warning("cannot read the keyring: %s", exc)
        return None


def remember_password(address: OfficeAddress, password: str) -> None:
    try:
        keyring.set_password(KEYRING_SERVICE, address._key(), password)
    except keyring.errors.KeyringError as exc:
        raise CrmError(f"the system keyring refused the password: {exc}") from exc


def forget_password(address: OfficeAddress) -> None:
    try:
        keyring.delete_password(KEYRING_SERVICE, address._key())
    except keyring.errors.PasswordDeleteError:
        pass  # nothing was kept
    except keyring.errors.KeyringError as exc:
        log.warning("cannot remove the password from the keyring: %s", exc)
