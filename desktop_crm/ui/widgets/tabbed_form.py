"""A form in tabs whose fields each have a place for the reason a value was refused.

The customer form and other record forms build their pages with `_page`, `_line`,
`_combo` and `_text`; the base keeps every field's slot by name so errors from the
domain land next to the field, and keyboard users land on a page's first input.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from desktop_crm.ui import labels
from desktop_crm.ui.widgets.form_fields import ChoiceCombo, FieldSlot, NoSubmitLineEdit


class TabbedForm(QTabWidget):
    """Pages of labelled fields; `changed` on every edit made by the user."""

    changed = Signal()
    SLOT_OF: dict[str, str] = {}  # error keys that belong to another field's slot

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False  # set while filling the form: edits are not the user's
        self.slots: dict[str, FieldSlot] = {}
        self._forms: dict[str, QFormLayout] = {}
        self.edits: dict[str, NoSubmitLineEdit] = {}
        self.texts: dict[str, QPlainTextEdit] = {}
        self.combos: dict[str, ChoiceCombo] = {}
        self.currentChanged.connect(self._tab_changed)

    def _page(self, title: str, name: str) -> QFormLayout:
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        scroll = QScrollArea(self)
        scroll.setObjectName(f"{name}Tab")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the page
        scroll.setWidget(inner)
        self.addTab(scroll, title)
        self._forms[name] = form
        return form

    def _add(
        self,
        form: QFormLayout,
        name: str,
        editor: QWidget,
        changed: SignalInstance | list[SignalInstance],
        title: str | None = None,
        highlight: list[QWidget] | Callable[[str], list[QWidget]] | None = None,
    ) -> FieldSlot:
        slot = FieldSlot(editor, changed, highlight=highlight)
        slot.setObjectName(f"field_{name}")
        label = QLabel(title or labels.column_title(name))
        label.setBuddy(editor.focusProxy() or editor)
        form.addRow(label, slot)
        self.slots[name] = slot
        for signal in changed if isinstance(changed, list) else [changed]:
            signal.connect(self._edited)
        return slot

    def _line(self, form: QFormLayout, name: str, title: str | None = None) -> NoSubmitLineEdit:
        edit = NoSubmitLineEdit()
        edit.setObjectName(f"edit_{name}")
        edit.setAccessibleName(title or labels.column_title(name))
        self.edits[name] = edit
        self._add(form, name, edit, edit.textChanged, title)
        return edit

    def _combo(
        self,
        form: QFormLayout,
        name: str,
        items: list[tuple[object, str]],
        blank: str | None = None,
        title: str | None = None,
    ) -> ChoiceCombo:
        combo = ChoiceCombo(title or labels.column_title(name))
        combo.setObjectName(f"edit_{name}")
        combo.set_choices(items, blank=blank)
        self.combos[name] = combo
        self._add(form, name, combo, combo.currentIndexChanged, title)
        return combo

    def _text(self, form: QFormLayout, name: str, title: str | None = None) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(f"edit_{name}")
        edit.setAccessibleName(title or labels.column_title(name))
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(60)
        self.texts[name] = edit
        self._add(form, name, edit, edit.textChanged, title)
        return edit

    def _page_of(self, widget: QWidget) -> QWidget:
        for index in range(self.count()):
            if self.widget(index).isAncestorOf(widget):
                return self.widget(index)
        raise LookupError(widget)

    def _is_shown(self, slot: FieldSlot) -> bool:
        """Whether the field is on the form at all (not hidden for this kind of customer)."""
        return not slot.isHidden() and self.isTabVisible(self.indexOf(self._page_of(slot)))

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _tab_changed(self, index: int) -> None:
        """Switching tabs from the keyboard lands on the new page's first input."""
        focus = QApplication.focusWidget()
        page = self.widget(index)
        if page is None or focus is None or page.isAncestorOf(focus):
            return
        if not (focus is page or focus is self.tabBar() or self.isAncestorOf(focus)):
            return
        widget = page.nextInFocusChain()
        while widget is not page:  # the whole window's chain, once round
            if (
                page.isAncestorOf(widget)
                and widget.isVisibleTo(page)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def focus_field(self, name: str) -> None:
        """Show the tab holding `name` and put the cursor in it."""
        slot = self.slots.get(self.SLOT_OF.get(name, name))
        if slot is None:
            return
        self.setCurrentWidget(self._page_of(slot))
        (slot.editor.focusProxy() or slot.editor).setFocus(Qt.FocusReason.OtherFocusReason)

    # -------------------------------------------------------------------- errors
    def clear_errors(self) -> None:
        for slot in self.slots.values():
            slot.clear_error()
