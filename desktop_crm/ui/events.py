"""App-wide signals on one bridge object, so panes stay unaware of each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Emitted after a change is committed; listeners re-read what they show."""

    customerChanged = Signal(int)  # one customer's fields changed  # noqa: N815 - Qt naming
    customersChanged = Signal()  # many customers (bulk edit, import, trash)  # noqa: N815
    followupsChanged = Signal(int)  # the customer whose follow-ups changed  # noqa: N815
    customerOpened = Signal(int)  # someone asked to show this customer  # noqa: N815
    ordersChanged = Signal(int)  # the customer whose orders/payments changed  # noqa: N815
    complaintsChanged = Signal(int)  # the customer whose complaints/surveys changed  # noqa: N815
    statusMessage = Signal(str)  # a short line for the status bar  # noqa: N815
