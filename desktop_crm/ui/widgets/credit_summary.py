"""The strip above a customer's orders: what they owe, aged by days past due, their credit
limit, and their credit rating with the rule that gave it — or the mark that it was set by
hand, with a control to set it by hand or give it back to the rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.customers import CREDIT_RATINGS
from desktop_crm.domain.orders import AGEING_BUCKETS, Ageing, CreditTally
from desktop_crm.ui import labels
from desktop_crm.ui.money import money_text

WARNING_STYLE = "color: #d32f2f; font-weight: bold;"  # reads on light and dark palettes


@dataclass(frozen=True)
class CreditState:
    """What the strip shows, read by the Orders tab from the domain."""

    ageing: Ageing
    credit_limit: Decimal | None
    rating: str | None  # as stored (by the rules or by hand)
    overridden: bool
    rules_rating: str | None  # what the payment rules give now
    rule: str | None  # orders.credit_rule code behind rules_rating
    tally: CreditTally | None


class CreditSummary(QFrame):
    """Emits `overrideRequested(rating)` when the user picks a rating by hand, and
    `overrideRequested("")` when they give the rating back to the rules."""

    overrideRequested = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditSummary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        bold = QFont(self.font())
        bold.setBold(True)

        self.receivable_label = QLabel(self)
        self.receivable_label.setObjectName("receivableTotal")
        self.receivable_label.setFont(bold)
        self.limit_label = QLabel(self)
        self.limit_label.setObjectName("creditLimitLabel")
        top = QHBoxLayout()
        top.addWidget(self.receivable_label)
        top.addStretch(1)
        top.addWidget(self.limit_label)

        self.bucket_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(0)
        for column, bucket in enumerate(AGEING_BUCKETS):
            title = QLabel(labels.choice_label("ageing_bucket", bucket), self)
            title.setEnabled(False)  # the palette's quiet text colour
            value = QLabel(self)
            value.setObjectName(f"ageing_{bucket}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(title, 0, column)
            grid.addWidget(value, 1, column)
            self.bucket_labels[bucket] = value
        grid.setColumnStretch(len(AGEING_BUCKETS), 1)

        self.rating_label = QLabel(self)
        self.rating_label.setObjectName("creditRatingLabel")
        self.rating_label.setFont(bold)
        self.override_mark = QLabel(self.tr("Set by hand"), self)
        self.override_mark.setObjectName("creditOverrideMark")
        self.override_mark.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 3px; padding: 0 4px; }"
        )
        self.override_combo = QComboBox(self)
        self.override_combo.setObjectName("creditOverrideCombo")
        self.override_combo.setAccessibleName(self.tr("Credit rating set by hand"))
        self.override_combo.setToolTip(
            self.tr("Set the rating by hand, or let the payment rules decide")
        )
        self.override_combo.addItem(self.tr("By payment rules"), "")
        for rating in CREDIT_RATINGS:
            self.override_combo.addItem(self.tr("Set by hand: %1").replace("%1", rating), rating)
        self.override_combo.activated.connect(self._override_chosen)
        rating_row = QHBoxLayout()
        rating_title = QLabel(labels.column_title("credit_rating") + ":", self)
        rating_row.addWidget(rating_title)
        rating_row.addWidget(self.rating_label)
        rating_row.addWidget(self.override_mark)
        rating_row.addStretch(1)
        rating_row.addWidget(self.override_combo)
        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("creditReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(rating_row)
        layout.addWidget(self.reason_label)
        self.set_state(None)

    def set_state(self, state: CreditState | None) -> None:
        """Show one customer's credit (None: nothing to show, the controls are off)."""
        self.override_combo.setEnabled(state is not None)
        if state is None:
            self.receivable_label.setText(self.tr("Receivable: %1").replace("%1", money_text(0)))
            self.limit_label.clear()
            for label in self.bucket_labels.values():
                label.setText(money_text(0))
            self.rating_label.setText(self.tr("Not rated"))
            self.override_mark.hide()
            self.reason_label.clear()
            return
        ageing = state.ageing
        self.receivable_label.setText(
            self.tr("Receivable: %1").replace("%1", money_text(ageing.total))
        )
        for bucket, label in self.bucket_labels.items():
            amount = ageing.buckets.get(bucket, Decimal(0))
            label.setText(money_text(amount))
            late = bucket != "current" and amount > 0
            label.setStyleSheet(WARNING_STYLE if late else "")
        self._show_limit(state.credit_limit, ageing.total)
        self.rating_label.setText(state.rating or self.tr("Not rated"))
        self.override_mark.setVisible(state.overridden)
        self.override_combo.setCurrentIndex(
            max(self.override_combo.findData(state.rating if state.overridden else ""), 0)
        )
        self.reason_label.setText(self._reason(state))

    def _show_limit(self, limit: Decimal | None, owed: Decimal) -> None:
        if limit is None:
            self.limit_label.setText(self.tr("No credit limit"))
            self.limit_label.setStyleSheet("")
            return
        self.limit_label.setText(self.tr("Credit limit: %1").replace("%1", money_text(limit)))
        over = owed > limit
        self.limit_label.setStyleSheet(WARNING_STYLE if over else "")
        self.limit_label.setToolTip(self.tr("The balance is over the credit limit") if over else "")

    def _reason(self, state: CreditState) -> str:
        if state.rule is None:
            because = self.tr("No order is due yet, so the payment rules give no rating.")
        else:
            because = labels.choice_label("credit_rule", state.rule)
            tally = state.tally or CreditTally()
            because += " " + (
                self.tr("%1 orders due: %2 paid late, %3 still owed.")
                .replace("%1", str(tally.due_orders))
                .replace("%2", str(tally.late))
                .replace("%3", str(tally.open))
            )
        if not state.overridden:
            return because
        rules = state.rules_rating or self.tr("no rating")
        return (
            self.tr("Set by hand. The payment rules would give %1: %2")
            .replace("%1", rules)
            .replace("%2", because)
        )

    def _override_chosen(self, index: int) -> None:
        self.overrideRequested.emit(str(self.override_combo.itemData(index) or ""))
