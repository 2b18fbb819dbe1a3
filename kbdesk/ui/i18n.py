"""Loading the interface language: Qt's translation system, `.ts` sources in resources/i18n."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kbdesk.paths import resource_path

log = logging.getLogger(__name__)
LANGUAGES = ("ru", "en")  # English is the source language of the interface
SOURCE_DIR = resource_path("resources", "i18n")

_installed: list[QTranslator] = []


def choose_language(setting: str | None) -> str:
    """'ru' or 'en': the saved choice, else the system locale (Russian for ru/be/uk/kk)."""
    if setting in LANGUAGES:
        return setting
    system = QLocale.system().name().split("_")[0]
    return "ru" if system in ("ru", "be", "uk", "kk") else "en"


def _lrelease() -> Path | None:
    for name in ("lrelease", "lrelease.exe"):
        candidate = Path(PySide6.__file__).parent / name
        if candidate.exists():
            return candidate
    return None


def compiled_catalog(language: str, cache_dir: Path) -> Path | None:
    """The `.qm` for a language: shipped compiled (bundle), else compiled from `.ts` once."""
    shipped = SOURCE_DIR / f"kbdesk_{language}.qm"
    source = SOURCE_DIR / f"kbdesk_{language}.ts"
    if shipped.exists() and (
        not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    if not source.exists():
        return None
    target = cache_dir / f"kbdesk_{language}.qm"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    tool = _lrelease()
    if tool is None:
        log.warning("no lrelease available to compile %s", source)
        return None
    cache_dir.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [str(tool), "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("could not compile %s: %s", source, error)
        return None
    return target


def install(language: str, cache_dir: Path) -> str:
    """Install the translators for `language` on the running application; returns it."""
    app = QCoreApplication.instance()
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if app is None or language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return "en"
    QLocale.setDefault(QLocale(language))
    catalog = compiled_catalog(language, cache_dir)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for path in (Path(qt_dir) / f"qtbase_{language}.qm", catalog):
        if path is None or not path.exists():
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    return language
