"""The installed PySide6 must not leak references to None (see shared NOTES.md).

PySide6 6.12.0 on CPython 3.11 hands back None without a reference from calls that
return an empty value; every view calls such methods constantly, so the interpreter
aborts after a while. This test fails on such a build.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel


def test_empty_qt_return_values_do_not_eat_references_to_none(qapp):
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("张三"))
    index = model.index(0, 0)
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(5000):
        model.data(index, Qt.ItemDataRole.ToolTipRole)
        holder.property("missing")
    assert sys.getrefcount(None) >= before - 10
