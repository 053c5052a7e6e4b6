"""The interface language: which one to use, loading its catalogs, and following a change live.

Strings are marked with Qt's own machinery, which ``pyside6-lupdate`` reads (``make
translations``): ``self.tr("…")`` in a QObject subclass, ``QCoreApplication.translate("Context",
"…")`` elsewhere, and ``QT_TRANSLATE_NOOP("Context", "…")`` for a module-level constant, which
is translated where it is shown. A counted text passes its count (``self.tr("%n item(s)", "",
n)``); a text with values in it uses ``.format()`` placeholders, never an f-string, which the
extractor would take literally.

Which language: the Language preference (System, English or Deutsch), once the profile is
open; before that, and for System, the language ``CONFIDANT_LANGUAGE`` names (tests and
screenshots set it), else the first of the system's UI languages that Confidant has.

English is the source language, but it has a small catalog too: the English plural forms
(``lupdate -pluralonly``). German adds Qt's own ``qtbase_de`` for Qt's standard buttons and
dialogs. Switching removes the old translators and installs the new ones; Qt then sends every
widget a LanguageChange event. A widget whose texts must follow at once (a page that stays
open) sets them in a ``retranslate`` method and calls ``follow_language(self, self.retranslate)``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator

from app.core.resources import resource_path

log = logging.getLogger(__name__)

#: The language the strings are written in.
SOURCE_LANGUAGE = "en"
#: Every language the interface can be shown in (each has a catalog).
LANGUAGES = ("en", "de")
#: The preference value that means "the system's language".
SYSTEM = "system"
#: Names the language that System stands for (tests, screenshots), e.g. ``de`` or ``de_DE``.
LANGUAGE_ENV = "CONFIDANT_LANGUAGE"
#: Our catalogs: ``confidant_<language>.qm`` in this folder.
CATALOG_DIR = resource_path("translations")
CATALOG = "confidant"
#: Qt's own catalogs installed with ours (Qt's standard buttons, dialogs, context menus).
QT_CATALOGS = ("qtbase",)

_current: str | None = None
_translators: list[QTranslator] = []


def language_code(name: str) -> str:
    """The language part of a locale name: ``de`` for ``de_DE``, ``de-AT`` or ``de``."""
    return name.strip().replace("-", "_").split("_")[0].split(".")[0].lower()


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language System stands for: ``CONFIDANT_LANGUAGE``, else the system's, else English.

    Only languages Confidant has count: the first of the system's UI languages that is one of
    them wins, so a system set to Swiss German then English gets German.
    """
    override = (environ if environ is not None else os.environ).get(LANGUAGE_ENV, "").strip()
    candidates = [override] if override else QLocale.system().uiLanguages()
    for name in candidates:
        code = language_code(name)
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def resolve(choice: str) -> str:
    """The language a preference value means (System, or one we have; anything else: System)."""
    return choice if choice in LANGUAGES else system_language()


def current_language() -> str:
    """The language the interface is in now."""
    return _current or SOURCE_LANGUAGE


def catalog_path(language: str) -> Path:
    """Our compiled catalog for ``language``."""
    return CATALOG_DIR / f"{CATALOG}_{language}.qm"


def qt_translations_dir() -> str:
    """Where Qt's own catalogs are (inside the bundle too: PyInstaller keeps the German ones)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def _load(language: str, parent: QObject) -> list[QTranslator]:
    """Our catalog for ``language`` and Qt's, those that load; a missing one is logged."""
    loaded = []
    ours = QTranslator(parent)
    if ours.load(str(catalog_path(language))):
        loaded.append(ours)
    else:
        log.warning("The %s catalog of Confidant could not be loaded.", language)
    if language != SOURCE_LANGUAGE:
        for name in QT_CATALOGS:
            qt = QTranslator(parent)
            if qt.load(f"{name}_{language}", qt_translations_dir()):
                loaded.append(qt)
            else:
                log.warning("Qt's %s catalog for %s could not be loaded.", name, language)
    return loaded


def install_language(language: str) -> str:
    """Show the interface in ``language`` from now on; return the language now in use.

    Widgets that follow the language get a LanguageChange event (posted: it arrives when the
    event loop runs). An unknown language means English. Installing the language already in
    use does nothing.
    """
    global _current
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        language = SOURCE_LANGUAGE
    if app is None or language == _current:
        return current_language()
    loaded = _load(language, app)
    for old in _translators:
        app.removeTranslator(old)
        old.deleteLater()
    _translators.clear()
    for translator in loaded:
        app.installTranslator(translator)
        _translators.append(translator)
    _current = language
    return language


def use_preference(choice: str) -> str:
    """Install the language a Language preference value means; return it."""
    return install_language(resolve(choice))


class _LanguageWatch(QObject):
    """Calls back when the object it watches receives a LanguageChange event."""

    def __init__(self, watched: QObject, callback: Callable[[], object]) -> None:
        super().__init__(watched)
        self._callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        """Call back on LanguageChange; never consume the event."""
        if event.type() == QEvent.Type.LanguageChange:
            self._callback()
        return False


def follow_language(widget: QObject, callback: Callable[[], object]) -> None:
    """Call ``callback`` each time the language changes, for as long as ``widget`` lives.

    A view passes its ``retranslate`` (the static texts); a page controller its ``refresh``
    (the texts it composes from what it reads).
    """
    _LanguageWatch(widget, callback)
