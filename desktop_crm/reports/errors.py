"""The problems a report can have that users act on (both are `CrmError`s)."""

from __future__ import annotations

from desktop_crm.errors import CrmError


class ReportError(CrmError):
    """A report cannot be made as asked: a bad option, a file that cannot be written …"""


class ReportCancelled(CrmError):
    """The user stopped building a report; nothing was written."""
