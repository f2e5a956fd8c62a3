"""The Simplified Chinese translation (M18): every entry translated, the compiled .qm up to
date, every translatable string of the code in the .ts, and the main window, its menus
and dialogs showing no untranslated English. The English window shows no raw codes."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop_crm.db.connection import close_database, open_database
from desktop_crm.domain import customers, followups
from desktop_crm.domain.history import default_actor
from desktop_crm.domain.users import create_user
from desktop_crm.ui import labels
from desktop_crm.ui.dashboard import Dashboard
from desktop_crm.ui.settings import UiSettings

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "desktop_crm_zh_CN.ts"
QM = TRANSLATIONS / "desktop_crm_zh_CN.qm"
PLACEHOLDER = re.compile(r"%(?:n|\d)")

# ASCII words a Chinese screen may show: the product's name, brands, codes, shortcut keys.
ALLOWED_WORDS = {
    "Desktop",
    # file formats and the programs they come from, named as in Chinese software
    "CSV",
    "BOM",
    "UTF",
    "Excel",
    "xlsx",
    "vCard",
    "vcf",
    "ics",
    "Google",
    "Outlook",
    "PNG",
    "Letter",  # the paper size
    "CRM",
    "PDF",
    "QQ",
    "LINE",
    "WhatsApp",
    "Skype",
    "Telegram",
    "AAA",
    "AA",
    "Ctrl",
    "Shift",
    "Alt",
    "Meta",
    "Enter",
    "Return",
    "Del",
    "Ins",
    "Esc",
    "Tab",
    "Up",
    "Down",
    "Left",
    "Right",
    "PgUp",
    "PgDown",
    "Backspace",
    "Space",
}
# Sample data: names and user names shown as typed (an English company name stays English).
DATA_NAMES = ("Acme Trading", "Li Lei", "VIP", "王小明", "陈静", "张伟", "chen", default_actor())


def _tool(name: str) -> str | None:
    """pyside6-lupdate / pyside6-lrelease of this interpreter's environment, if installed."""
    folder = Path(sys.executable).parent
    for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return shutil.which(f"pyside6-{name}")


def _messages(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _key(context: str, message: ET.Element) -> tuple[str, str, bool]:
    return context, message.findtext("source") or "", message.get("numerus") == "yes"


# --------------------------------------------------------------------- the files


def test_every_entry_is_translated_and_keeps_placeholders_and_mnemonics():
    messages = _messages(TS)
    assert len(messages) > 300
    problems = []
    for context, message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        where = f"{context}: {source!r}"
        if translation is None or translation.get("type"):
            state = "missing" if translation is None else translation.get("type")
            problems.append(f"{where} is {state}")
            continue
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
        else:
            forms = [translation.text or ""]
        if not forms or not all(f.strip() for f in forms):
            problems.append(f"{where} has an empty translation")
            continue
        for text in forms:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{where}: placeholders differ in {text!r}")
            if re.search(r"&[^&\s]", source.replace("&&", "")) and not re.search(r"&[^&\s]", text):
                problems.append(f"{where}: mnemonic lost in {text!r}")
            if "…" in source and "…" not in text:
                problems.append(f"{where}: “…” lost in {text!r}")
    assert not problems, "\n".join(problems)


def test_the_compiled_qm_matches_the_ts(tmp_path):
    assert QM.exists(), "run pyside6-lrelease (see resources/translations/README.md)"
    lrelease = _tool("lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "fresh.qm"
    result = subprocess.run(
        [lrelease, str(TS), "-qm", str(fresh)], capture_output=True, text=True, check=True
    )
    assert " 0 unfinished" in result.stdout, result.stdout
    assert fresh.read_bytes() == QM.read_bytes(), (
        "desktop_crm_zh_CN.qm is stale: run pyside6-lrelease (resources/translations/README.md)"
    )


def test_the_ts_holds_every_translatable_string_of_the_code(tmp_path):
    lupdate = _tool("lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_crm").rglob("*.py"))
    fresh = tmp_path / "desktop_crm_zh_CN.ts"
    subprocess.run(
        [lupdate, *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    found = {_key(c, m) for c, m in _messages(fresh)}
    assert len(found) > 300
    committed = {_key(c, m) for c, m in _messages(TS)}
    missing = sorted(found - committed)
    assert not missing, (
        "strings not yet in desktop_crm_zh_CN.ts (run lupdate and translate, see "
        "resources/translations/README.md):\n" + "\n".join(map(repr, missing))
    )


# ------------------------------------------------------------------- the window


def _plain(text: str) -> str:
    """A label's text without its HTML tags."""
    return re.sub(r"<[^>]+>", "", text)


def _model_texts(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str, bool]]:
    """(where, text, must_not_be_empty) for the header labels and the first rows' cells."""
    model = view.model()
    if model is None:
        return
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    if isinstance(view, QTableView):
        for column in range(columns):
            yield (
                f"{where} header {column}",
                str(model.headerData(column, Qt.Orientation.Horizontal) or ""),
                True,
            )
    for row in range(min(model.rowCount(), 50)):
        for column in range(columns):
            value = model.index(row, column).data()
            if isinstance(value, str):
                yield f"{where} cell {row},{column}", value, False


def _action_texts(actions, where: str) -> Iterator[tuple[str, str, bool]]:
    for action in actions:
        if action.isSeparator():
            continue
        yield f"{where} action {action.objectName()}", action.text(), True
        yield f"{where} action {action.objectName()} tooltip", action.toolTip(), False
        if action.menu() is not None:
            menu = action.menu()
            yield f"{where} menu", menu.title(), True
            yield from _action_texts(menu.actions(), f"{where} › {menu.title()}")


def visible_texts(top: QWidget) -> list[tuple[str, str, bool]]:
    """Every text the window shows or can show, as (where, text, must_not_be_empty): labels,
    buttons, group boxes, tabs, docks, menus and actions, placeholders, combo box items,
    spin box affixes, item views' headers and cells, tooltips and accessible names."""
    texts: list[tuple[str, str, bool]] = [("window title", top.windowTitle(), True)]
    for widget in [top, *top.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        qt_own = widget.objectName().startswith("qt_")  # e.g. a dock's icon-only close button
        texts += [
            (f"{name} tooltip", widget.toolTip(), False),
            (f"{name} accessible name", widget.accessibleName(), False),
        ]
        if isinstance(widget, QLabel):
            texts.append((name, _plain(widget.text()), False))
        if isinstance(widget, QAbstractButton):
            labelled = not qt_own and (not isinstance(widget, QToolButton) or bool(widget.text()))
            texts.append((name, widget.text(), labelled))
        if isinstance(widget, QGroupBox):
            texts.append((name, widget.title(), True))
        if isinstance(widget, QTabWidget):
            texts += [(f"{name} tab {i}", widget.tabText(i), True) for i in range(widget.count())]
        if isinstance(widget, QTabBar):
            texts += [(f"{name} tab {i}", widget.tabText(i), True) for i in range(widget.count())]
        if isinstance(widget, QDockWidget):
            texts.append((name, widget.windowTitle(), True))
        if isinstance(widget, QMenu):
            texts.append((name, widget.title(), True))
            texts += _action_texts(widget.actions(), name)
        if isinstance(widget, QToolBar):
            texts.append((name, widget.windowTitle(), True))
            texts += _action_texts(widget.actions(), name)
        if isinstance(widget, QLineEdit):
            texts.append((f"{name} placeholder", widget.placeholderText(), False))
        if isinstance(widget, QSpinBox):
            texts += [
                (f"{name} prefix", widget.prefix(), False),
                (f"{name} special value", widget.specialValueText(), False),
            ]
        if isinstance(widget, QComboBox):
            texts += [(f"{name} item {i}", widget.itemText(i), True) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            texts += _model_texts(widget, name)  # a header view shows its table's model
    menu_bar = getattr(top, "menuBar", None)
    if menu_bar is not None:
        texts += _action_texts(menu_bar().actions(), "menu bar")
    return texts


def untranslated(texts: list[tuple[str, str, bool]], data: tuple[str, ...]) -> list[str]:
    """The texts with English words left in them (codes, data, brands and keys allowed)."""
    bad = []
    for where, text, _ in texts:
        rest = text
        for name in data:
            rest = rest.replace(name, " ")
        rest = re.sub(r"\b[A-Z]\d+\b", " ", rest)  # customer codes such as C000001
        rest = re.sub(r"\{[a-z_]+\}", " ", rest)  # template placeholders such as {name}
        words = [w for w in re.findall(r"[A-Za-z]{2,}", rest) if w not in ALLOWED_WORDS]
        if words:
            bad.append(f"{where}: {text!r}")
    return sorted(set(bad))


def raw_codes_or_empty(texts: list[tuple[str, str, bool]]) -> list[str]:
    codes = {str(code) for choices in labels.CHOICE_LABELS.values() for code in choices}
    codes |= set(labels.FIELD_TITLES)
    codes = {code for code in codes if not code.isdigit()}  # numbers are counts and scores
    bad = []
    for where, text, required in texts:
        if required and not text.strip():
            bad.append(f"{where}: empty")
        elif text.strip() in codes or re.search(r"\b[a-z]+_[a-z_]+\b", text):
            bad.append(f"{where}: {text!r}")
    return sorted(set(bad))


@pytest.fixture
def sample_db(db_path):
    """A database with an individual, an enterprise with a contact person, a follow-up due."""
    open_database(str(db_path))
    create_user("chen", "陈静")
    person = customers.create_customer(
        {
            "name": "王小明",
            "kind": "individual",
            "owner": "chen",
            "stage": "at_risk",
            "source": "walk_in",
            "relationship_level": 2,
            "phones": [{"number": "13800138000", "label": "mobile"}],
            "messengers": [{"service": "wechat", "handle": "wxm2024"}],
            "tags": ["VIP"],
        }
    )
    customers.create_customer(
        {
            "name": "Acme Trading",
            "kind": "enterprise",
            "status": "existing",
            "stage": "first_purchase",
            "source": "exhibition",
            "relationship_level": 5,
            "contacts": [{"name": "Li Lei", "title": "采购经理"}],
        }
    )
    customers.create_customer({"name": "张伟", "kind": "individual"})
    followups.plan_followup(
        person.id, datetime.now() + timedelta(hours=1), subject="回访报价", channel="wechat"
    )
    close_database()
    return db_path


def _build(qapp, qtbot, db_path, tmp_path, language):
    from desktop_crm.app import create_main_window, install_translations

    assert install_translations(qapp, language) == language
    window = create_main_window(str(db_path), settings=UiSettings(tmp_path / "ui.ini"))
    model = window.list_pane.model
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() == 3, timeout=10_000)
    window.followup_pane.show_due("today")
    qtbot.waitUntil(lambda: not window.followup_pane.due_lists.loading, timeout=10_000)
    bars = window.relationship_pane.bars.bars
    qtbot.waitUntil(lambda: all(bar.text() for bar in bars.values()), timeout=10_000)
    window.list_pane.filter_button.setChecked(True)
    return window


@pytest.fixture
def open_window(qapp, qtbot, sample_db, tmp_path):
    """Build the main window in a language; afterwards close it and go back to English."""
    built = []

    def make(language: str):
        window = _build(qapp, qtbot, sample_db, tmp_path, language)
        built.append(window)
        return window

    yield make
    from desktop_crm.app import install_translations

    for window in built:
        window.tasks.wait(5000)
        window.reminders.stop()
        window.close()
        window.deleteLater()
    QApplication.processEvents()
    install_translations(qapp, "en")
    close_database()


def _dialog_texts(window) -> list[tuple[str, str, bool]]:
    """The main window's own dialogs, built (not shown) over the same window."""
    from desktop_crm.ui.dialogs.bulk_edit_dialog import BulkEditDialog
    from desktop_crm.ui.dialogs.command_palette import CommandPalette
    from desktop_crm.ui.dialogs.complaint_dialog import ComplaintDialog
    from desktop_crm.ui.dialogs.duplicates_dialog import DuplicatesDialog
    from desktop_crm.ui.dialogs.export_dialog import ExportDialog
    from desktop_crm.ui.dialogs.import_history_dialog import ImportHistoryDialog
    from desktop_crm.ui.dialogs.import_wizard import ImportWizard
    from desktop_crm.ui.dialogs.label_sheet_dialog import LabelSheetDialog
    from desktop_crm.ui.dialogs.letter_dialog import LetterDialog
    from desktop_crm.ui.dialogs.merge_dialog import MergeDialog
    from desktop_crm.ui.dialogs.order_dialog import OrderDialog
    from desktop_crm.ui.dialogs.page_setup_dialog import PageSetupDialog
    from desktop_crm.ui.dialogs.settings_dialog import LANGUAGES, SettingsDialog
    from desktop_crm.ui.dialogs.survey_dialog import SurveyDialog
    from desktop_crm.ui.mailings import MailingList

    model = window.list_pane.model
    first, second = model.customer_id(0), model.customer_id(1)
    history = ImportHistoryDialog(window.tasks, window.events, window)
    texts = []
    for dialog in (
        SettingsDialog(window.settings, window),
        BulkEditDialog(2, window),
        CommandPalette(window.named_actions.all(), lambda _id: None, window),
        ImportWizard(window.tasks, window.events, window),
        ExportDialog(model.query, [first], window.tasks, window.events, window),
        history,
        MergeDialog(first, second, window.undo_stack, window.events, window),
        DuplicatesDialog(window.tasks, window.events, window.undo_stack, window),
        PageSetupDialog(window.settings, window),
        LabelSheetDialog(window.settings, "3", parent=window),
        LetterDialog(
            MailingList((first,), model.query, count=1, first_id=first),
            window.settings,
            window.tasks,
        ),
        OrderDialog(lambda _data: None, None, window),
        ComplaintDialog(lambda _data: None, window),
        SurveyDialog(lambda _data: None, window),
    ):
        window.tasks.wait(5000)  # what the dialog reads in the background has arrived
        QApplication.processEvents()
        found = visible_texts(dialog)
        if isinstance(dialog, SettingsDialog):  # each language is named in itself
            found = [t for t in found if t[1] not in {name for _, name in LANGUAGES}]
        texts += found
        dialog.deleteLater()
    return texts


def _all_texts(qtbot, window) -> list[tuple[str, str, bool]]:
    """The window's texts with each customer shown in turn and with a new enterprise being
    entered, and the texts of its dialogs."""
    texts = []
    model = window.list_pane.model
    for row in range(model.rowCount()):
        name = model.customer_row(row).name
        assert window.list_pane.select_customer(model.customer_id(row))
        qtbot.waitUntil(lambda name=name: window.detail.title_label.text() == name, timeout=5000)
        window.tasks.wait(5000)
        QApplication.processEvents()
        texts += visible_texts(window)
    window.new_customer("enterprise")
    texts += visible_texts(window)
    window.named_actions.dashboard.trigger()
    dashboard = window.findChild(Dashboard, "dashboard")
    qtbot.waitUntil(lambda: not dashboard.loading, timeout=10_000)
    texts += visible_texts(dashboard)
    return texts + _dialog_texts(window)


def test_the_chinese_window_shows_no_english(open_window, qtbot):
    texts = _all_texts(qtbot, open_window("zh_CN"))
    assert any("客户" in text for _, text, _ in texts)
    offending = untranslated(texts, DATA_NAMES)
    assert not offending, "English left in the Chinese interface:\n" + "\n".join(offending)
    problems = raw_codes_or_empty(texts)
    assert not problems, "empty or raw codes in the Chinese interface:\n" + "\n".join(problems)


def test_the_english_window_shows_labels_not_codes(open_window, qtbot):
    texts = _all_texts(qtbot, open_window("en"))
    assert any(text == "Customers" for _, text, _ in texts)
    problems = raw_codes_or_empty(texts)
    assert not problems, "empty or raw codes in the English interface:\n" + "\n".join(problems)


def test_every_counted_translate_call_is_one_lupdate_can_read():
    """lupdate silently skips `QCoreApplication.translate(ctx, text, "", obj.count)`: the
    count must be a plain name, or the text never reaches the translators."""
    skipped = []
    for path in sorted((ROOT / "desktop_crm").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and len(node.args) >= 4
                and not isinstance(node.args[3], ast.Name)
            ):
                skipped.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not skipped
