"""Translations: the catalogs match the code and are complete, and the interface switches live.

The static half reads the code (Python's ``ast``) and the catalogs (Qt's TS XML) and runs the
real ``pyside6-lupdate`` and ``pyside6-lrelease`` into a temporary folder. The live half drives
a real shell on a real profile: the Language preference is changed on the Preferences page the
way a user changes it, and the pages already built, the pages built afterwards, the menus and
the dialogs are read back in German.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QMenu
from pytestqt.qtbot import QtBot

from app.core.assistant.offline import LABEL as OFFLINE_LABEL
from app.core.assistant.registry import KINDS
from app.core.audit import EVENT_KINDS
from app.core.childmode import support_resources_file
from app.core.conversations import SaveStatus
from app.core.domains.data import STORED_CLASSES
from app.core.preferences import BUILTIN_AVATARS, LANGUAGES, OPTIONS, THEMES, VOICES
from app.core.retention import DATA_CLASSES
from app.core.service import Confidant
from app.gui import i18n
from app.gui.application import Shell
from app.gui.controllers.chat_page import SAVE_VERDICTS
from app.gui.core_labels import LABELS
from app.gui.main_window import MainWindow
from app.gui.pages import ASSISTANT_PAGE, GUARDIAN_PAGE, OUTBOX_PAGE, PREFERENCES_PAGE, PRIVACY_PAGE
from app.gui.views.preferences_page import PreferencesPage
from app.gui.views.privacy_dashboard import PrivacyDashboard
from app.gui.widgets.child_badge import EXPLANATION, badge_of
from app.gui.widgets.support_note import GUARDIAN_LIST
from tests.gui.child_profiles import make_child_profile
from tests.gui.shells import (
    SLOW_MS,
    ShellFactory,
    ask,
    click_tab,
    open_page,
    ready_shell,
    send_chat,
    settle,
)
from tools import translations

GUI = translations.SOURCES
#: Qt's placeholders (%1, %n, %Ln) and Python's format fields ({name}).
PLACEHOLDER = re.compile(r"%L?\d+|%L?n|\{[a-z_]*\}")
#: A keyboard mnemonic: an ampersand before a letter (``&&`` is a literal ampersand).
MNEMONIC = re.compile(r"(?<!&)&(\w)")
#: German has two plural forms (one, other); so has English.
PLURAL_FORMS = 2


# --- reading the catalogs and the code ------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """One message of a TS catalog."""

    context: str
    source: str
    comment: str
    numerus: bool
    kind: str  # the translation's type: "" when finished, else unfinished/vanished/obsolete
    forms: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, str, bool]:
        """What identifies the message, whatever its translation."""
        return (self.context, self.source, self.comment, self.numerus)


def read_catalog(path: Path) -> list[Message]:
    """Every message of the TS file at ``path``."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, (path, message.findtext("source"))
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    kind=translation.get("type", ""),
                    forms=forms,
                )
            )
    return messages


def gui_modules() -> list[Path]:
    """Every module of app/gui."""
    return translations.source_files()


def relative(path: Path) -> str:
    """A module's path below app/gui, as the tests name it."""
    return path.relative_to(GUI).as_posix()


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


@dataclass(frozen=True)
class Marked:
    """A string marked for translation in the code, and where."""

    key: tuple[str, str, str, bool]
    where: str


class MarkedStrings(ast.NodeVisitor):
    """Collects the strings a module marks, and the marks whose text is built before translation.

    ``self.tr(text, comment, n)`` takes its context from the class it is written in;
    ``translate(context, text, comment, n)`` and ``QT_TRANSLATE_NOOP(context, text)`` name it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.classes: list[str] = []
        self.found: list[Marked] = []
        self.built: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        where = f"{relative(self.path)}:{node.lineno}"
        if name == "tr" and self.classes and node.args:
            context: str | None = self.classes[-1]
            text, rest = node.args[0], node.args[1:]
            comment = _literal(rest[0]) if rest else ""
            numerus = len(rest) >= 2
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
            context = _literal(node.args[0])
            text, rest = node.args[1], node.args[2:]
            comment = _literal(rest[0]) if rest else ""
            numerus = len(rest) >= 2
        else:
            self.generic_visit(node)
            return
        source = _literal(text)
        if isinstance(text, ast.JoinedStr | ast.BinOp) or (
            isinstance(text, ast.Call) and _call_name(text) in ("format", "join")
        ):
            # An f-string, a concatenation or a .format() result: the extractor cannot see
            # what is translated at run time. (A lookup of a marked constant is fine.)
            self.built.append(f"{where}: {ast.unparse(text)[:60]}")
        elif source is not None and context is not None:
            self.found.append(Marked((context, source, comment or "", numerus), where))
        self.generic_visit(node)


def marked_in_code() -> tuple[list[Marked], list[str]]:
    """Every string the GUI marks for translation, and every mark of a text built beforehand."""
    found: list[Marked] = []
    built: list[str] = []
    for path in gui_modules():
        visitor = MarkedStrings(path)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        found += visitor.found
        built += visitor.built
    return found, built


#: Calls whose first argument is text a person sees (Qt's setters and our label helpers).
SHOWN_BY = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setTitle",
    "setTabText",
    "addTab",
    "showMessage",
    "addItem",
    "addRow",
    "addButton",
    "addMenu",
    "setFormat",
    "show_status",
    "show_error",
    "show_news",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QToolButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "heading",
    "plain_label",
    "WarningNote",
    "InputError",
}
#: Texts that are the same in every language: the product's name, and example addresses.
UNTRANSLATED = re.compile(r"^(Confidant|[a-z]+://\S*)$")


def unmarked_texts(path: Path) -> list[str]:
    """Literal texts handed straight to a widget (or built there), without being marked."""
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and _call_name(node) in SHOWN_BY and node.args):
            continue
        first = node.args[0]
        texts = first.elts if isinstance(first, ast.Tuple | ast.List) else [first]
        for text in texts:
            literal = _literal(text)
            if isinstance(text, ast.JoinedStr) or (
                literal and re.search(r"[A-Za-z]", literal) and not UNTRANSLATED.match(literal)
            ):
                problems.append(f"{relative(path)}:{node.lineno}: {ast.unparse(text)[:60]}")
    return problems


# --- the catalogs against the code ------------------------------------------------------------


@pytest.fixture(scope="module")
def fresh_catalog(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    """What lupdate extracts from the code now, into a new catalog."""
    path = tmp_path_factory.mktemp("lupdate") / "fresh_de.ts"
    translations.lupdate(path, target_language="de")
    return read_catalog(path)


def test_no_text_is_built_before_it_is_translated() -> None:
    _found, built = marked_in_code()
    assert built == [], (
        "translate a fixed text with placeholders, then .format() it:\n" + "\n".join(built)
    )


def test_the_extractor_finds_every_string_the_code_marks(fresh_catalog: list[Message]) -> None:
    # lupdate's Python reader skips some forms silently (a counted translate() whose count is
    # an expression, say); what it skips would never be translated.
    found, _built = marked_in_code()
    extracted = {message.key for message in fresh_catalog}
    missed = [f"{mark.where}: {mark.key[1][:50]!r}" for mark in found if mark.key not in extracted]
    assert missed == [], "lupdate does not see these marked strings:\n" + "\n".join(missed)
    assert len(extracted) == len({mark.key for mark in found})


def test_the_committed_catalogs_are_up_to_date(fresh_catalog: list[Message]) -> None:
    fresh = {message.key for message in fresh_catalog}
    template = read_catalog(translations.TEMPLATE)
    german = read_catalog(translations.catalog("de"))
    english = read_catalog(translations.catalog("en"))
    hint = "run `make translations` and translate what it marks unfinished"
    assert {m.key for m in template} == fresh, hint
    assert {m.key for m in german} == fresh, hint
    # English needs only its plural forms (1 item, 2 items); everything else is the source.
    assert {m.key for m in english} == {key for key in fresh if key[3]}, hint
    assert all(m.forms == ("",) or m.forms == ("",) * len(m.forms) for m in template)


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_message_is_translated_with_the_same_placeholders(language: str) -> None:
    problems = []
    for message in read_catalog(translations.catalog(language)):
        where = f"{message.context}: {message.source[:50]!r}"
        if message.kind:
            problems.append(f"{where} is {message.kind}")
            continue
        if message.numerus and len(message.forms) != PLURAL_FORMS:
            problems.append(f"{where} has {len(message.forms)} plural forms")
        wanted = sorted(PLACEHOLDER.findall(message.source))
        for index, form in enumerate(message.forms):
            found = sorted(PLACEHOLDER.findall(form))
            if message.numerus and index < len(message.forms) - 1 and "%n" not in found:
                # A singular may say the number in words ("Every day", "eine Nachricht").
                found = sorted([*found, "%n"])
            if not form.strip():
                problems.append(f"{where} has an empty translation")
            elif found != wanted:
                problems.append(f"{where}: {form[:50]!r} has other placeholders than {wanted}")
            if bool(MNEMONIC.search(message.source)) != bool(MNEMONIC.search(form)):
                problems.append(f"{where}: {form[:50]!r} lost or gained a keyboard mnemonic")
    assert problems == [], "\n".join(problems)


def test_german_mnemonics_are_unique_in_each_menu_and_dialog() -> None:
    # One context is one menu, dialog or page: Alt plus a letter must pick one thing in it.
    # (Texts that are never shown together, such as "Turn on" and "Turn off", have none.)
    letters: dict[str, dict[str, list[str]]] = {}
    for message in read_catalog(translations.catalog("de")):
        for form in message.forms:
            for letter in MNEMONIC.findall(form):
                letters.setdefault(message.context, {}).setdefault(letter.lower(), []).append(form)
    clashes = [
        f"{context}: {', '.join(texts)}"
        for context, by_letter in letters.items()
        for texts in by_letter.values()
        if len(texts) > 1
    ]
    assert clashes == [], "\n".join(clashes)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_compiled_catalogs_match_their_sources(language: str, tmp_path: Path) -> None:
    # Compared by what they translate, not byte for byte: another lrelease version may lay the
    # same catalog out differently.
    fresh = tmp_path / f"confidant_{language}.qm"
    translations.lrelease(translations.catalog(language), fresh)
    loaded = []
    for path in (fresh, translations.compiled(language)):
        translator = QTranslator()
        assert translator.load(str(path)), path
        loaded.append(translator)
    differ = []
    for message in read_catalog(translations.catalog(language)):
        for count in (1, 2, 5) if message.numerus else (-1,):
            answers = {
                translator.translate(
                    message.context, message.source, message.comment or None, count
                )
                for translator in loaded
            }
            if len(answers) != 1 or answers == {""}:
                differ.append(f"{message.context}: {message.source[:50]!r} ({count})")
    assert differ == [], "run `make translations` (or `--release-only`):\n" + "\n".join(differ)


@pytest.mark.parametrize(
    "module", [relative(p) for p in translations.source_files()], ids=lambda name: name
)
def test_every_text_shown_by_a_module_is_marked(module: str) -> None:
    assert unmarked_texts(GUI / module) == []


def test_every_label_the_core_hands_over_is_marked() -> None:
    core = {
        *EVENT_KINDS.values(),
        *(data_class.label for data_class in DATA_CLASSES.values()),
        *(label for _name, label, _table, _size in STORED_CLASSES),
        *BUILTIN_AVATARS.values(),
        *VOICES.values(),
        *THEMES.values(),
        LANGUAGES[i18n.SYSTEM],  # the languages themselves are named in their own language
        *(option.description for option in OPTIONS.values()),
        *(kind.title for kind in KINDS.values()),
        OFFLINE_LABEL,
    }
    assert sorted(core - set(LABELS)) == []


def test_the_save_verdicts_are_the_cores_words() -> None:
    # The status bar translates the core's verdict (SaveStatus values) by the status's name.
    assert {status.name: status.value for status in SaveStatus} == SAVE_VERDICTS


# --- choosing the language ------------------------------------------------------------------


def test_system_stands_for_the_environment_override_or_the_system_language() -> None:
    assert i18n.system_language({i18n.LANGUAGE_ENV: "de"}) == "de"
    assert i18n.system_language({i18n.LANGUAGE_ENV: "de_AT.UTF-8"}) == "de"
    assert i18n.system_language({i18n.LANGUAGE_ENV: "de-CH"}) == "de"
    assert i18n.system_language({i18n.LANGUAGE_ENV: "fr_FR"}) == "en"  # no French catalog
    # Without the override, the system's UI languages decide (C, here: English).
    assert i18n.system_language({}) in i18n.LANGUAGES
    assert i18n.resolve("de") == "de"
    assert i18n.resolve("en") == "en"


def test_the_preference_offers_the_system_english_and_german() -> None:
    assert list(LANGUAGES) == [i18n.SYSTEM, *i18n.LANGUAGES]
    assert OPTIONS["language"].default == i18n.SYSTEM


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Each test starts and ends in English, whatever it switched to."""
    i18n.install_language("en")
    yield
    i18n.install_language("en")
    QCoreApplication.processEvents()


def test_german_catalogs_translate_qt_and_confidant(qapp: object) -> None:
    assert i18n.install_language("de") == "de"
    assert QCoreApplication.translate("PreferencesPage", "Preferences") == "Einstellungen"
    # Qt's own catalog (qtbase_de) is installed with ours: its standard buttons are German.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    assert i18n.install_language("en") == "en"
    assert QCoreApplication.translate("PreferencesPage", "Preferences") == "Preferences"
    # English counts with its own plural forms.
    assert QCoreApplication.translate("Counted", "%n day(s)", None, 1) == "1 day"
    assert QCoreApplication.translate("Counted", "%n day(s)", None, 3) == "3 days"


# --- switching at run time ------------------------------------------------------------------


def _choose_language(qtbot: QtBot, shell: Shell, language: str) -> None:
    """Pick ``language`` in the Preferences page's Language list, with the keyboard."""
    page = open_page(qtbot, shell, PREFERENCES_PAGE)
    assert isinstance(page, PreferencesPage)
    combo = page.language_combo
    combo.setFocus()
    index = combo.findData(language)
    assert index >= 0
    # Moving with the arrow keys "activates" each entry, as a user choosing it would.
    key = Qt.Key.Key_Down if index > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != index:
        qtbot.keyClick(combo, key)
    settle(qtbot, shell)
    qtbot.waitUntil(lambda: i18n.current_language() == i18n.resolve(language), timeout=SLOW_MS)
    QCoreApplication.processEvents()  # the posted LanguageChange events
    settle(qtbot, shell)


def _texts(widget: object) -> str:
    """Every label and button text under a widget, one per line."""
    labels = widget.findChildren(QLabel)  # type: ignore[attr-defined]
    buttons = widget.findChildren(QAbstractButton)  # type: ignore[attr-defined]
    return "\n".join([w.text() for w in labels] + [w.text() for w in buttons])


def test_switching_to_german_translates_the_pages_at_once(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    window = shell.window
    # Built before the switch: these must follow it without being built again.
    dashboard = open_page(qtbot, shell, PRIVACY_PAGE)
    assert isinstance(dashboard, PrivacyDashboard)
    assert dashboard.tabs.tabText(0) == "Stored data and consents"

    _choose_language(qtbot, shell, "de")

    assert ask(qtbot, shell, lambda service: service.preferences.get("language")) == "de"
    preferences = window.pages[PREFERENCES_PAGE]
    assert "Einstellungen" in _texts(preferences)
    assert "Anzeige&name:" in _texts(preferences)
    assert preferences.findChild(QLabel, "preferencesStatus").text() == (
        "Die Sprache der Oberfläche: gespeichert."
    )
    # The choices are the controller's: listed again in German (each language in its own).
    combo = preferences.language_combo  # type: ignore[attr-defined]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Wie im System",
        "English",
        "Deutsch",
    ]
    assert combo.currentText() == "Deutsch"
    assert preferences.checkup_combo.currentText() == "Alle 90 Tage"  # type: ignore[attr-defined]

    dashboard = open_page(qtbot, shell, PRIVACY_PAGE)
    assert isinstance(dashboard, PrivacyDashboard)
    assert [dashboard.tabs.tabText(i) for i in range(dashboard.tabs.count())] == [
        "Gespeicherte Daten und Einwilligungen",
        "Ihre Daten",
        "Aufbewahrung",
        "Datenschutzprotokoll",
        "Netzwerk und Hinweise",
    ]
    headers = dashboard.audit_table.horizontalHeaderItem(1)
    assert headers is not None and headers.text() == "Ereignis"
    # The rows the controller composes are read and shown again.
    assert dashboard.findChild(QLabel, "storedLabel_conversations").text() == "Unterhaltungen"
    assert dashboard.findChild(QLabel, "nextDeletion_conversations").text() == "Nichts gespeichert"

    # Built after the switch.
    for key, title in (
        (OUTBOX_PAGE, "Postausgang"),
        (ASSISTANT_PAGE, "Assistent"),
        (GUARDIAN_PAGE, "Eltern"),
    ):
        assert title in _texts(open_page(qtbot, shell, key)), key

    # The Data menu, which lives in the window's menu bar.
    data = window.data
    assert data is not None
    assert data.menu.title() == "&Daten"
    assert data.menu.export_action.text() == "Daten &exportieren…"

    # A dialog made now is German, Qt's standard buttons included (qtbase_de).
    window.search_action.trigger()
    search = window.chat_page.search.dialog if window.chat_page.search is not None else None
    qtbot.waitUntil(lambda: search is not None and search.isVisible(), timeout=SLOW_MS)
    assert search is not None
    assert search.windowTitle() == "Unterhaltungen durchsuchen"
    box = search.findChild(QDialogButtonBox)
    assert box is not None
    close = box.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None and close.text().replace("&", "") == "Schließen"
    search.reject()
    settle(qtbot, shell)

    # And back: the same pages follow to English.
    _choose_language(qtbot, shell, "en")
    assert "Preferences" in _texts(window.pages[PREFERENCES_PAGE])
    assert dashboard.tabs.tabText(0) == "Stored data and consents"
    assert data.menu.title() == "&Data"


def _mnemonics(texts: list[str]) -> list[str]:
    """The keyboard mnemonic letters of ``texts``, lower case."""
    return [letter.lower() for text in texts for letter in MNEMONIC.findall(text)]


def _menu_texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def _speakers(window: MainWindow) -> list[str]:
    return [message.speaker for message in window.chat.transcript.messages()]


def test_the_main_window_follows_the_language(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    window = shell.window
    send_chat(qtbot, shell, "which pear keeps longest through the winter?")
    assert _speakers(window) == ["You", "Assistant"]

    _choose_language(qtbot, shell, "de")

    # The menu bar: each top-level menu with a letter of its own.
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Chat", "&Ansicht", "&Daten"]
    assert sorted(set(_mnemonics(titles))) == sorted(_mnemonics(titles))
    # The Chat menu, with the app lock's Lock now in it (hidden while the lock is off).
    chat_items = _menu_texts(window.chat_menu)
    assert chat_items == [
        "&Neue Unterhaltung",
        "&Temporärer Chat",
        "Unterhaltungen &durchsuchen…",
        "Als &sensibel behandeln",
        "Speichern dieser Unterhaltung &erlauben",
        "&Jetzt sperren",
        "&Beenden",
    ]
    assert len(set(_mnemonics(chat_items))) == len(chat_items)
    assert window.new_chat_action.statusTip() == "Eine neue Unterhaltung beginnen"
    assert window.search_action.statusTip().startswith("Wörter in den Unterhaltungen finden")
    # The View menu and the sidebar name the pages.
    pages = ["Chat", "Datenschutz", "Einstellungen", "Postausgang", "Assistent", "Eltern"]
    assert _menu_texts(window.view_menu) == pages
    assert [window.navigation.item(i).text().strip() for i in range(len(pages))] == pages
    assert window.navigation.accessibleName() == "Seiten"
    widest = max(window.navigation.fontMetrics().horizontalAdvance(page) for page in pages)
    assert window.navigation.width() > widest
    assert window.page_actions[OUTBOX_PAGE].statusTip() == "Seite „Postausgang“ anzeigen"
    assert window.page_actions[PRIVACY_PAGE].statusTip() == (
        "Datenschutzübersicht anzeigen (Ctrl+Shift+P)"
    )
    # The toolbar (My data is there, hidden, until child mode is on).
    assert window.toolbar.windowTitle() == "Chat"
    assert [action.text() for action in window.toolbar.actions()] == [
        "&Neue Unterhaltung",
        "&Temporärer Chat",
        "Meine Daten",
        "Unterhaltungen &durchsuchen…",
    ]
    # The status bar: the save status and the assistant, said again in German.
    assert window.save_status_label.text() == "Nicht gespeichert"
    assert window.save_status_label.toolTip().startswith(
        "Wird nicht aufbewahrt: Sie haben dem Aufbewahren"
    )
    assert window.save_status_label.accessibleName() == "Speicherstatus"
    assert window.provider_label.text() == "Offline-Demo (lokal, kein Netzwerk)"
    assert window.provider_label.toolTip().startswith("Die Offline-Demo läuft auf diesem Computer")
    # The chat: its own texts, and the messages already in it.
    chat = window.chat
    assert chat.send_button.text() == "Senden"
    assert chat.prompt.placeholderText().startswith("Schreiben Sie eine Nachricht.")
    assert chat.save_note.text() == window.save_status_label.toolTip()
    assert _speakers(window) == ["Sie", "Assistent"]
    reply = chat.transcript.messages()[-1]
    assert reply.copy_button.text() == "Kopieren"  # type: ignore[attr-defined]
    assert reply.speaker_label.text() == "Assistent"
    send_chat(qtbot, shell, "and which apple?")
    assert _speakers(window)[-2:] == ["Sie", "Assistent"]

    # And back.
    _choose_language(qtbot, shell, "en")
    assert [action.text() for action in window.menuBar().actions()] == ["&Chat", "&View", "&Data"]
    assert _menu_texts(window.chat_menu)[0] == "&New chat"
    assert [window.navigation.item(i).text().strip() for i in range(len(pages))] == [
        "Chat",
        "Privacy",
        "Preferences",
        "Outbox",
        "Assistant",
        "Guardian",
    ]
    assert window.save_status_label.text() == "Not saved"
    assert window.provider_label.text() == OFFLINE_LABEL
    assert chat.send_button.text() == "Send"
    assert _speakers(window) == ["You", "Assistant"] * 2


def test_the_child_reads_the_badge_and_the_helplines_in_german(
    qtbot: QtBot, make_shell: ShellFactory, profile_dir: Path
) -> None:
    make_child_profile(profile_dir, before=lambda s: s.preferences.set("language", "de"))
    shell = ready_shell(qtbot, make_shell, lambda: Confidant(profile_dir))
    window = shell.window
    qtbot.waitUntil(lambda: window.child_mode, timeout=SLOW_MS)
    assert i18n.current_language() == "de"
    badge = badge_of(window)
    assert badge is not None
    assert badge.title_label.text() == "Kindermodus"
    assert badge.explanation == (
        "Ein Erwachsener hat das eingeschaltet: deine Chats werden weder gespeichert noch geteilt."
    )
    assert badge.accessibleName() == "Kindermodus ist eingeschaltet"

    send_chat(qtbot, shell, "My parents are getting divorced and I feel depressed")
    chat = window.chat
    qtbot.waitUntil(lambda: chat.support_note is not None and chat.support_note.isVisible())
    note = chat.support_note
    assert note is not None
    assert note.caption_label.text() == "Eine Liste, die deine Eltern bearbeiten können"
    assert note.hide_button.text() == "Ausblenden"
    # The helplines of the interface's language.
    assert "Nummer gegen Kummer" in note.text_label.text()
    assert str(support_resources_file("de")) in note.where_label.text()
    assert chat.save_note.text().startswith("Wird nicht aufbewahrt: Der Kindermodus")

    # Both follow a change of language, the helplines too.
    i18n.install_language("en")
    QCoreApplication.processEvents()
    assert badge.explanation == EXPLANATION
    assert note.caption_label.text() == GUARDIAN_LIST
    qtbot.waitUntil(lambda: "Childline" in note.text_label.text(), timeout=SLOW_MS)
    assert str(support_resources_file("en")) in note.where_label.text()
    settle(qtbot, shell)


def test_the_profile_language_applies_as_soon_as_it_opens(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
) -> None:
    service = facade()
    service.open()
    service.preferences.set("language", "de")
    service.close()

    shell = ready_shell(qtbot, make_shell, facade)
    assert i18n.current_language() == "de"
    page = open_page(qtbot, shell, PREFERENCES_PAGE)
    assert "Einstellungen" in _texts(page)


def test_the_environment_sets_the_language_before_the_profile_exists(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "de_DE")
    from app.gui.dialogs.first_run_dialog import FirstRunDialog
    from tests.gui.shells import wait_for_dialog

    shell = make_shell(facade)
    dialog = wait_for_dialog(qtbot, shell, FirstRunDialog)
    assert dialog.windowTitle() == "Willkommen bei Confidant"
    assert dialog.continue_button.text() == "Weiter"


@pytest.mark.slow
@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the keyboard)$")
def test_the_accessibility_walk_passes_in_german(
    qtbot: QtBot,
    make_shell: ShellFactory,
    facade: Callable[[], Confidant],
    profile_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.gui.test_accessibility import test_every_control_has_an_accessible_name as walk

    # System means German now: the shell starts in it, and the fresh profile keeps System.
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "de")
    walk(qtbot, make_shell, facade, profile_dir)
    assert i18n.current_language() == "de"


def test_the_privacy_log_is_searched_by_the_names_shown(
    qtbot: QtBot, make_shell: ShellFactory, facade: Callable[[], Confidant]
) -> None:
    shell = ready_shell(qtbot, make_shell, facade)
    ask(qtbot, shell, lambda service: service.consent.grant("research"))
    ask(qtbot, shell, lambda service: service.consent.withdraw("research"))
    _choose_language(qtbot, shell, "de")
    page = open_page(qtbot, shell, PRIVACY_PAGE)
    assert isinstance(page, PrivacyDashboard)
    click_tab(qtbot, page.tabs, "Datenschutzprotokoll")
    qtbot.waitUntil(lambda: page.audit_table.rowCount() >= 3, timeout=SLOW_MS)

    # The German name of the event, which the core's English words do not contain.
    qtbot.keyClicks(page.audit_search, "widerrufen")
    qtbot.waitUntil(lambda: page.audit_table.rowCount() == 1, timeout=SLOW_MS)
    assert page.audit_table.row_texts()[0][1] == "Einwilligung widerrufen"
    # The core's own words still find it too.
    page.audit_search.clear()
    qtbot.keyClicks(page.audit_search, "withdrawn")
    qtbot.waitUntil(lambda: page.audit_table.rowCount() == 1, timeout=SLOW_MS)
