"""The interface in Russian: the catalogue is complete, loads, and the window speaks it."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot
from workspace_helpers import page_of, select_title, type_text

from kbdesk.ui import i18n
from kbdesk.ui.context import AppContext
from kbdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent.parent
CATALOG = ROOT / "resources" / "i18n" / "kbdesk_ru.ts"
# {name}, {name:.0f}, {value:+.1f}; not the template syntax {{name}} around them.
FORMAT_FIELD = re.compile(r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}(?!\})")
QT_ARG = re.compile(r"%(?:n|L?\d)")
KEY_NAME = re.compile(
    r"\b(?:(?:Ctrl|Alt|Shift)\+)+(?:F\d{1,2}\b|Enter\b|[A-Z0-9,](?![a-z]))|\b(?:F\d{1,2}|Esc|Enter)\b"
)


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def restore_english(cache: Path) -> Iterator[None]:
    """Whatever a test installs, the next test starts in English with the old default locale."""
    previous = QLocale()
    yield
    i18n.install("en", cache)
    QLocale.setDefault(previous)


@pytest.fixture
def russian(qapp, cache: Path, restore_english: None) -> None:  # type: ignore[no-untyped-def]
    assert i18n.install("ru", cache) == "ru"


def _messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(CATALOG).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


# -- the catalogue -----------------------------------------------------------------------------


def test_every_message_is_translated_and_finished() -> None:
    messages = _messages()
    assert len(messages) > 300
    for context, message in messages:
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, (context, source, translation.get("type"))
        forms = _translations(message)
        # Russian plurals: one (1, 21), few (2–4, 22–24), many (5–20, 0).
        assert len(forms) == (3 if message.get("numerus") == "yes" else 1), (context, source)
        assert all(form.strip() for form in forms), (context, source)


def test_translations_keep_placeholders_mnemonics_and_key_names() -> None:
    for context, message in _messages():
        source = message.findtext("source") or ""
        for text in _translations(message):
            where = (context, source, text)
            assert sorted(FORMAT_FIELD.findall(text)) == sorted(FORMAT_FIELD.findall(source)), where
            assert sorted(QT_ARG.findall(text)) == sorted(QT_ARG.findall(source)), where
            assert text.count("{{") == source.count("{{"), where
            assert set(KEY_NAME.findall(text)) == set(KEY_NAME.findall(source)), where
            if "&" in source.replace("&&", ""):
                marks = re.findall(r"&(.)", text.replace("&&", ""))
                assert len(marks) == 1 and marks[0].isalnum(), where  # &1 is a key too
            if message.get("numerus") == "yes":
                assert "%n" in text, where


def test_the_catalogue_has_every_text_of_the_interface(tmp_path: Path) -> None:
    """A new tr() text without a translation would show up in English in a Russian window."""
    # The binary PySide6 itself ships: the console-script wrapper may not be on PATH.
    lupdate = str(Path(PySide6.__file__).parent / "lupdate")
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "kbdesk" / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, *sources, "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True
    )

    def texts(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (context.findtext("name") or "", message.findtext("source") or "")
            for context in root.iter("context")
            for message in context.iter("message")
            if message.find("translation") is None
            or message.find("translation").get("type") not in ("vanished", "obsolete")  # type: ignore[union-attr]
        }

    missing = texts(fresh) - texts(CATALOG)
    assert not missing, (
        "untranslated interface texts; run pyside6-lupdate $(find kbdesk/ui -name '*.py' | sort) "
        f"-ts {CATALOG.relative_to(ROOT)} and translate them: {sorted(missing)}"
    )


# -- choosing and loading ----------------------------------------------------------------------


class _SystemLocale:
    """Stands in for QLocale in i18n: only system() is asked for."""

    name_ = "en_US"

    @classmethod
    def system(cls) -> QLocale:
        return QLocale(cls.name_)


@pytest.mark.parametrize(
    ("system", "setting", "expected"),
    [
        ("ru_RU", None, "ru"),
        ("ru_RU", "", "ru"),
        ("ru_RU", "system", "ru"),
        ("uk_UA", "system", "ru"),
        ("kk_KZ", "system", "ru"),
        ("de_DE", "system", "en"),
        ("en_US", "system", "en"),
        ("ru_RU", "en", "en"),  # the choice in the settings wins over the system
        ("en_GB", "ru", "ru"),
    ],
)
def test_the_language_follows_the_system_unless_chosen(
    monkeypatch: pytest.MonkeyPatch, system: str, setting: str | None, expected: str
) -> None:
    locale = type("Locale", (_SystemLocale,), {"name_": system})
    monkeypatch.setattr(i18n, "QLocale", locale)
    assert i18n.choose_language(setting) == expected


def test_the_catalogue_is_compiled_once_into_the_cache(cache: Path) -> None:
    if (i18n.SOURCE_DIR / "kbdesk_ru.qm").exists():
        pytest.skip("a compiled catalogue is shipped beside the source")
    compiled = i18n.compiled_catalog("ru", cache)
    assert compiled is not None and compiled.parent == cache and compiled.stat().st_size > 0
    stamp = compiled.stat().st_mtime_ns
    assert i18n.compiled_catalog("ru", cache) == compiled
    assert compiled.stat().st_mtime_ns == stamp


@pytest.mark.usefixtures("russian")
def test_plural_forms_follow_russian_rules() -> None:
    def days(count: int) -> str:
        return QCoreApplication.translate("DashboardPage", "Last %n days", "", count)

    assert days(1) == "Последний 1 день"
    assert days(21) == "Последний 21 день"
    assert days(3) == "Последние 3 дня"
    assert days(24) == "Последние 24 дня"
    assert days(7) == "Последние 7 дней"
    assert days(11) == "Последние 11 дней"
    assert days(30) == "Последние 30 дней"
    team = "Team average (%n operators)"
    assert QCoreApplication.translate("OperatorTableModel", team, "", 2) == (
        "Среднее по команде (2 оператора)"
    )


@pytest.mark.usefixtures("russian")
def test_editor_checks_speak_russian() -> None:
    from kbdesk.ui.editor.checks import collect_checks

    checks = collect_checks("См. [[nowhere]]", "article", {})
    assert [check.message for check in checks] == [
        "ссылка на «nowhere»: материала с таким ярлыком нет"
    ]


@pytest.mark.usefixtures("russian")
def test_common_template_fields_are_labelled_in_russian() -> None:
    from kbdesk.ui.workspace.preview import field_label

    assert field_label("client_name") == "Имя клиента"
    assert field_label("order_number") == "Номер заказа"
    assert field_label("имя_получателя") == "Имя получателя"  # any other name: as written


# -- the window --------------------------------------------------------------------------------


def _visible_tabs(window: MainWindow) -> list[str]:
    tabs = window.tabs
    return [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]


@pytest.mark.usefixtures("russian")
def test_the_window_speaks_russian(qtbot: QtBot, make_context: Callable[..., AppContext]) -> None:
    window = MainWindow(make_context())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert _visible_tabs(window) == ["&Ответы", "&Редактор", "С&татистика"]
    assert window.file_menu.title() == "&Файл"
    page = page_of(window)
    assert page.search_box.placeholderText() == "Поиск по статьям и шаблонам  (Ctrl+L)"
    assert [page.channel_group.button(i).text() for i in range(3)] == [
        "Телефон",
        "Чат",
        "Почта",
    ]
    assert page.results.empty_text().startswith("Начните вводить запрос")
    assert page.resolve.label.text() == "Вопрос клиента решён?"

    type_text(page.search_box, "возврат оформлен")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    select_title(page, "Возврат оформлен")
    assert page.pane.copy.text() == "Скопировать ответ  Ctrl+Enter"
    assert page.pane.pin.text() == "☆ Закрепить"
    assert page.pane.meta.text().startswith("Шаблон")
    assert page.form.reply_title.text() == f"Ответ для канала «{page.channel_labels['chat']}»"

    dashboard = window.show_page("dashboard")
    assert dashboard is not None
    periods = [dashboard.period.itemText(i) for i in range(dashboard.period.count())]
    assert periods == ["Последние 7 дней", "Последние 30 дней", "Последние 90 дней", "Свой период…"]
    assert dashboard.tables.tabText(0) == "Материалы"


def test_switching_back_to_english(
    qtbot: QtBot, window: MainWindow, cache: Path, restore_english: None
) -> None:
    assert _visible_tabs(window) == ["&Answers", "&Editor", "&Dashboard"]
    i18n.install("ru", cache)
    russian = MainWindow(window.context)
    qtbot.addWidget(russian)
    assert _visible_tabs(russian) == ["&Ответы", "&Редактор", "С&татистика"]
    assert i18n.install("en", cache) == "en"
    english = MainWindow(window.context)
    qtbot.addWidget(english)
    assert _visible_tabs(english) == ["&Answers", "&Editor", "&Dashboard"]
    page = page_of(english)
    assert page.search_box.placeholderText() == "Search articles and templates  (Ctrl+L)"
    assert page.resolve.label.text() == "Did this resolve the request?"
    dashboard = english.show_page("dashboard")
    assert dashboard is not None
    assert dashboard.period.itemText(0) == "Last 7 days"
