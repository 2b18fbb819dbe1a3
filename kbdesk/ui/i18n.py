"""Loading the interface language: Qt's translation system, `.ts` sources in resources/i18n."""

from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

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


# Qt's own Russian catalogue lags its source: Qt 6 added mnemonics to these file-dialog labels,
# and qtbase_ru still translates only the old texts, so "Look in:" showed in English.
_QT_GAPS = {
    "ru": {
        ("QFileDialog", "&Look in:"): "&Папка:",
        ("QFileDialog", "Files of &type:"): "&Тип файлов:",
        ("QAbstractFileIconProvider", "Folder"): "Папка",
        ("QAbstractFileIconProvider", "File"): "Файл",
        ("QAbstractFileIconProvider", "%1 File"): "Файл %1",
    }
}


class _QtGapsTranslator(QTranslator):
    """The few Qt texts its shipped catalogue misses; everything else comes from qtbase."""

    def __init__(self, texts: dict[tuple[str, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._texts = texts

    def isEmpty(self) -> bool:
        return not self._texts

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None is Qt's null string, "not mine": an empty string would blank every other text.
        return self._texts.get((str(context), str(source)))


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
    gaps = _QT_GAPS.get(language)
    if gaps:
        gap_translator = _QtGapsTranslator(gaps, app)
        QCoreApplication.installTranslator(gap_translator)
        _installed.append(gap_translator)
    return language


# Revision notes are stored in English (they are data, shared by every desk); the window shows
# them in the interface language.
_RESTORED = re.compile(r"restored revision (\d+)")
_STATUS = re.compile(r"status: (\w+)")


def revision_note(note: str) -> str:
    """A revision's note as the interface says it; a note an editor typed stays as typed."""
    translate = QCoreApplication.translate
    if note == "created":
        return translate("Revision", "created")
    if note == "imported":
        return translate("Revision", "imported")
    if note == "sample":
        return translate("Revision", "sample content")
    restored = _RESTORED.fullmatch(note)
    if restored:
        return translate("Revision", "restored revision {number}").format(number=restored[1])
    status = _STATUS.fullmatch(note)
    if status:
        names = {
            "draft": translate("Revision", "draft"),
            "published": translate("Revision", "published"),
            "archived": translate("Revision", "archived"),
        }
        return translate("Revision", "status: {status}").format(
            status=names.get(status[1], status[1])
        )
    return note
