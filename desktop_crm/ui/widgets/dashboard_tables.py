"""The 7P analysis tables of the dashboard (and the at-risk list), as read-only tables.

Each table is a `QTableView` over a small `AnalysisTableModel` that holds plain values
(one tuple per row) and formats them by column kind for the locale; `Qt.UserRole` gives
the raw value back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.analysis import DashboardData, ProfitRow
from desktop_crm.ui.widgets import dashboard_format as fmt

NUMERIC = {"int", "money", "pct", "num"}
COLUMN_PADDING = 18  # px beyond the widest text, so columns do not look cramped
Index = QModelIndex | QPersistentModelIndex


class AnalysisTableModel(QAbstractTableModel):
    """Rows of plain values under fixed columns: (title, kind) with kind one of text, int,
    money, pct (a share 0..1), num (one decimal), date."""

    def __init__(self, columns: list[tuple[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[tuple] = []

    def set_rows(self, rows: list[tuple]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        value = self.rows[index.row()][index.column()]
        kind = self.columns[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return _formatted(value, kind)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section][0]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _formatted(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "int":
        return fmt.integer(value)
    if kind == "money":
        return fmt.money(value)
    if kind == "pct":
        return fmt.percent(value)
    if kind == "num":
        return fmt.number(value)
    if kind == "date":
        return fmt.day(value)
    return str(value)


class AnalysisTables(QObject):
    """The 7P pages and the at-risk list, added as tabs to a tab widget."""

    def __init__(self, tabs: QTabWidget, open_customer: Callable[[int], None]) -> None:
        super().__init__(tabs)
        self.tables: dict[str, QTableView] = {}
        self.captions: dict[str, QLabel] = {}
        self._open_customer = open_customer
        money_cols = [
            (self.tr("Customers"), "int"),
            (self.tr("Orders"), "int"),
            (self.tr("Revenue"), "money"),
            (self.tr("Cost"), "money"),
            (self.tr("Margin"), "money"),
            (self.tr("Margin %"), "pct"),
            (self.tr("Share of revenue"), "pct"),
        ]
        self._page(
            tabs,
            self.tr("Profile"),
            self.tr("Who the customers are: all current customers."),
            [
                (
                    "profileTable",
                    [
                        (self.tr("Dimension"), "text"),
                        (self.tr("Value"), "text"),
                        (self.tr("Customers"), "int"),
                        (self.tr("Share"), "pct"),
                    ],
                ),
            ],
        )
        self._page(
            tabs,
            self.tr("Persistency"),
            "",
            [
                (
                    "persistencyTable",
                    [
                        (self.tr("Grouped by"), "text"),
                        (self.tr("Group"), "text"),
                        (self.tr("Customers"), "int"),
                        (self.tr("Average tenure (days)"), "num"),
                        (self.tr("Average purchases"), "num"),
                        (self.tr("Revenue"), "money"),
                    ],
                ),
            ],
        )
        self._page(
            tabs,
            self.tr("Profitability"),
            self.tr(
                "Revenue and margin per grade in the period; "
                "margin counts orders whose cost is known."
            ),
            [
                ("profitabilityTable", [(self.tr("Grade"), "text"), *money_cols]),
                (
                    "topMarginTable",
                    [
                        (self.tr("Code"), "text"),
                        (self.tr("Customer"), "text"),
                        (self.tr("Revenue"), "money"),
                        (self.tr("Margin"), "money"),
                        (self.tr("Margin %"), "pct"),
                    ],
                ),
            ],
        )
        self._page(
            tabs,
            self.tr("Performance"),
            self.tr("Sales in the period by product category, channel and region."),
            [
                (
                    "performanceTable",
                    [(self.tr("By"), "text"), (self.tr("Value"), "text"), *money_cols],
                ),
            ],
        )
        self._page(
            tabs,
            self.tr("Prospecting"),
            self.tr("Customers added per month, by type, and how many of them have bought since."),
            [
                (
                    "prospectingTable",
                    [
                        (self.tr("Month"), "text"),
                        (self.tr("Individuals"), "int"),
                        (self.tr("Enterprises"), "int"),
                        (self.tr("Total"), "int"),
                        (self.tr("Bought since"), "int"),
                        (self.tr("Conversion"), "pct"),
                    ],
                ),
            ],
        )
        self._page(
            tabs,
            self.tr("Product mix"),
            self.tr("Revenue in the period per product category, by customer type and grade."),
            [
                (
                    "productMixTable",
                    [
                        (self.tr("Category"), "text"),
                        (self.tr("Revenue"), "money"),
                        (self.tr("Individuals"), "money"),
                        (self.tr("Enterprises"), "money"),
                        ("A", "money"),
                        ("B", "money"),
                        ("C", "money"),
                        (self.tr("Not graded"), "money"),
                    ],
                ),
            ],
        )
        self._page(
            tabs,
            self.tr("Promotion"),
            self.tr(
                "Per source: customers added in the period, how many "
                "bought, their revenue and time to first purchase."
            ),
            [
                (
                    "promotionTable",
                    [
                        (self.tr("Source"), "text"),
                        (self.tr("Customers"), "int"),
                        (self.tr("Buyers"), "int"),
                        (self.tr("Conversion"), "pct"),
                        (self.tr("Revenue"), "money"),
                        (self.tr("Revenue per customer"), "money"),
                        (self.tr("Days to first purchase"), "num"),
                    ],
                ),
            ],
        )
        self._page(
            tabs,
            self.tr("At risk"),
            "",
            [
                (
                    "retentionTable",
                    [
                        (self.tr("Code"), "text"),
                        (self.tr("Customer"), "text"),
                        (self.tr("Owner"), "text"),
                        (self.tr("Stage"), "text"),
                        (self.tr("Grade"), "text"),
                        (self.tr("Last purchase"), "date"),
                        (self.tr("Days since"), "int"),
                        (self.tr("Reasons"), "text"),
                    ],
                ),
            ],
        )
        retention = self.tables["retentionTable"]
        retention.setToolTip(self.tr("Double-click a customer to open it"))
        retention.doubleClicked.connect(self._open_row)
        self._retention_ids: list[int] = []

    def _page(
        self,
        tabs: QTabWidget,
        title: str,
        caption: str,
        tables: list[tuple[str, list[tuple[str, str]]]],
    ) -> None:
        page = QWidget(tabs)
        layout = QVBoxLayout(page)
        label = QLabel(caption, page)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.captions[tables[0][0]] = label
        for name, columns in tables:
            view = QTableView(page)
            view.setObjectName(name)
            view.setModel(AnalysisTableModel(columns, view))
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setAlternatingRowColors(True)
            view.verticalHeader().hide()
            # Numbers sit next to their labels; only a trailing text column (reasons) stretches.
            view.horizontalHeader().setStretchLastSection(columns[-1][1] == "text")
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.setAccessibleName(title)
            layout.addWidget(view, 1)
            self.tables[name] = view
        tabs.addTab(page, title)

    def _fill(self, name: str, rows: list[tuple]) -> None:
        view = self.tables[name]
        view.model().set_rows(rows)
        view.resizeColumnsToContents()
        header = view.horizontalHeader()
        for column in range(header.count() - (1 if header.stretchLastSection() else 0)):
            view.setColumnWidth(column, view.columnWidth(column) + COLUMN_PADDING)

    def show(self, data: DashboardData, owner_names: dict[str, str]) -> None:
        """Fill every table from one dashboard computation."""
        p = data.profile
        groups = [
            (self.tr("Type"), "kind", p.by_kind),
            (self.tr("Gender"), "gender", p.by_gender),
            (self.tr("Industry (top 10)"), "industry", p.by_industry),
            (self.tr("Company size"), "company_size", p.by_company_size),
            (self.tr("Region (top 10)"), "province", p.by_province),
            (self.tr("Credit rating"), "credit_rating", p.by_credit_rating),
            (self.tr("Relationship level"), "level", p.by_level),
        ]
        self._fill(
            "profileTable",
            [
                (title if i == 0 else "", fmt.key_label(dim, c.key), c.count, c.share)
                for title, dim, counts in groups
                for i, c in enumerate(counts)
            ],
        )

        ps = data.persistency
        self.captions["persistencyTable"].setText(
            self.tr(
                "How long and how steadily customers buy, up to the end of the period: "
                "%1 buyers, of whom %2 bought more than once."
            )
            .replace("%1", fmt.integer(ps.buyers))
            .replace("%2", fmt.percent(ps.repeat_rate))
        )
        tenure = {
            "<1y": self.tr("Under 1 year"),
            "1-2y": self.tr("1–2 years"),
            "2-3y": self.tr("2–3 years"),
            "3y+": self.tr("3 years or more"),
        }
        self._fill(
            "persistencyTable",
            [
                *(
                    (
                        self.tr("Stage") if i == 0 else "",
                        fmt.key_label("stage", r.key),
                        r.customers,
                        r.avg_tenure_days,
                        r.avg_purchases,
                        r.revenue,
                    )
                    for i, r in enumerate(ps.by_stage)
                ),
                *(
                    (
                        self.tr("Tenure") if i == 0 else "",
                        tenure.get(r.key, r.key),
                        r.customers,
                        r.avg_tenure_days,
                        r.avg_purchases,
                        r.revenue,
                    )
                    for i, r in enumerate(ps.by_tenure)
                ),
            ],
        )

        self._fill(
            "profitabilityTable", [_profit_cells("grade", r) for r in data.profitability.by_grade]
        )
        self._fill(
            "topMarginTable",
            [
                (m.code, m.name, m.margin.revenue, m.margin.margin, m.margin.margin_pct)
                for m in data.profitability.top_customers
            ],
        )
        perf = data.performance
        self._fill(
            "performanceTable",
            [
                (title if i == 0 else "", *_profit_cells(dim, r))
                for title, dim, rows in (
                    (self.tr("Category"), "category", perf.by_category),
                    (self.tr("Channel"), "channel", perf.by_channel),
                    (self.tr("Region"), "province", perf.by_region),
                )
                for i, r in enumerate(rows)
            ],
        )
        self._fill(
            "prospectingTable",
            [
                (
                    fmt.month_label(r.month),
                    r.individual,
                    r.enterprise,
                    r.total,
                    r.converted,
                    r.converted / r.total if r.total else None,
                )
                for r in data.prospecting
            ],
        )
        self._fill(
            "productMixTable",
            [
                (
                    fmt.key_label("category", r.category),
                    r.revenue,
                    r.by_kind.get("individual"),
                    r.by_kind.get("enterprise"),
                    r.by_grade.get("A"),
                    r.by_grade.get("B"),
                    r.by_grade.get("C"),
                    r.by_grade.get(None),
                )
                for r in data.product_mix
            ],
        )
        self._fill(
            "promotionTable",
            [
                (
                    fmt.key_label("source", r.source),
                    r.customers,
                    r.buyers,
                    r.conversion,
                    r.revenue,
                    r.revenue_per_customer,
                    r.avg_days_to_first_purchase,
                )
                for r in data.promotion
            ],
        )
        self.captions["retentionTable"].setText(
            self.tr("%1 customers are at risk of leaving; the %2 most urgent are listed.")
            .replace("%1", fmt.integer(data.totals.at_risk))
            .replace("%2", fmt.integer(len(data.retention)))
        )
        self._retention_ids = [r.customer_id for r in data.retention]
        self._fill(
            "retentionTable",
            [
                (
                    r.code,
                    r.name,
                    owner_names.get(r.owner or "", r.owner or ""),
                    fmt.key_label("stage", r.stage),
                    fmt.key_label("grade", r.grade),
                    r.last_purchase,
                    r.days_since_last,
                    r.reason_text,
                )
                for r in data.retention
            ],
        )

    def _open_row(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._retention_ids):
            self._open_customer(self._retention_ids[index.row()])


def _profit_cells(dimension: str, row: ProfitRow) -> tuple:
    return (
        fmt.key_label(dimension, row.key),
        row.customers,
        row.orders,
        row.revenue,
        row.cost,
        row.margin,
        row.margin_pct,
        row.share,
    )
