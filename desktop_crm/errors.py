"""Errors a user can see and act on.

Everything raised as a `CrmError` carries a message meant for people: the command line
prints it as one line, the GUI shows it in a dialog or next to the field. Any other
exception is a bug and is logged with its traceback.
"""

from __future__ import annotations


class CrmError(Exception):
    """An error whose message is meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(CrmError):
    """Input that breaks a field rule; `errors` maps each field to its reason."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in self.errors.items()))


class NotFoundError(CrmError):
    """A record the user named does not exist (or is in the trash)."""


class ConflictError(CrmError):
    """Someone else changed the record since it was read.

    `saves` are the changes made since, newest first (`domain.history.Save`: who, when,
    which fields), for a window to show in its own words.
    """

    def __init__(self, message: str, saves: tuple = ()) -> None:
        super().__init__(message)
        self.saves = saves


class DatabaseError(CrmError):
    """The database cannot be opened or used: locked, corrupt, unreadable, too new."""


class ServerConnectionError(DatabaseError):
    """The office server cannot be reached, or refused the connection."""


class SignInError(ServerConnectionError):
    """The office server refused the user name and password (or the account is disabled)."""


class ConnectionLostError(DatabaseError):
    """The office server went away during an action; it was rolled back whole."""


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer version of Desktop CRM."""


class FileFormatError(CrmError):
    """A file to import is missing, unreadable or not in a format we understand."""


class PasswordRequiredError(DatabaseError):
    """The database is encrypted and no password was given to open it."""


class WrongPasswordError(DatabaseError):
    """The password given does not open the encrypted database."""


class DamagedDatabaseError(DatabaseError):
    """The file failed the check before opening; it was not opened for writing.

    `problem` is the `db.integrity.Problem` (its kind and the file)."""

    def __init__(self, message: str, problem: object = None) -> None:
        super().__init__(message)
        self.problem = problem


class DatabaseBusyError(DatabaseError):
    """Another program held the database longer than the busy timeout; nothing was saved."""


class DatabaseWriteError(DatabaseError):
    """The database could not be written (disk full, read-only, I/O error); the action was
    rolled back whole, and what was saved before is intact."""


class DiskFullError(DatabaseWriteError):
    """The disk (or the database's page limit) is full."""


class ReadOnlyDatabaseError(DatabaseWriteError):
    """The file, its folder or the disk is read-only, or the database was opened read-only."""
