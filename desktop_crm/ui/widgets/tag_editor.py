"""Tags typed as one comma-separated line: "VIP, 老客户" ⇄ ["VIP", "老客户"]."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

from desktop_crm.ui.widgets.contacts_editor import split_list
from desktop_crm.ui.widgets.form_fields import NoSubmitLineEdit


class TagEditor(NoSubmitLineEdit):
    """A line of tags separated by commas (also ， ; ； 、); order kept, repeats dropped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Tags, separated by commas"))

    def tags(self) -> list[str]:
        result: list[str] = []
        for tag in split_list(self.text()):
            if tag not in result:
                result.append(tag)
        return result

    def set_tags(self, tags: Iterable[str]) -> None:
        self.setText(", ".join(tags))
