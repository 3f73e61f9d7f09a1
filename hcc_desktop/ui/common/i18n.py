"""Installing the translations: the program's own and Qt's standard dialogs."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hcc_desktop.core.paths import resource

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
TRANSLATIONS_DIR = resource("translations")

_LOCALES = {
    "vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

# Installed translators must outlive the call that installed them.
_installed: list[QTranslator] = []


def translation_file(language: str) -> Path:
    return TRANSLATIONS_DIR / f"hcc_desktop_{language}.qm"


def qt_translation_file(language: str) -> Path:
    """Our translation of Qt's own strings, for a language Qt has none for."""
    return TRANSLATIONS_DIR / f"qtbase_{language}.qm"


def install_translators(language: str, app: QCoreApplication | None = None) -> list[QTranslator]:
    """Replace the installed translators with those of ``language``.

    English is the source language, so it needs no file of ours. Qt's own
    strings (standard buttons, context menus, the file dialog) come from Qt's
    ``qtbase_<lang>.qm`` when Qt ships one, else from ours in resources/translations
    (Qt ships none for Vietnamese).
    """
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translators needs a QCoreApplication")
    if language not in SUPPORTED_LANGUAGES:
        log.warning("unsupported language %r, using %r", language, DEFAULT_LANGUAGE)
        language = DEFAULT_LANGUAGE
    remove_translators(app)

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir) or qt_translator.load(
        str(qt_translation_file(language))
    ):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    elif language != "en":
        log.warning("no %s translation of Qt's own dialogs in %s", language, qt_dir)

    if language != "en":
        ours = QTranslator(app)
        path = translation_file(language)
        if ours.load(str(path)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.error("cannot load the translation %s; the interface stays in English", path)
    QLocale.setDefault(_LOCALES[language])
    return list(_installed)


def remove_translators(app: QCoreApplication | None = None) -> None:
    app = app or QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
