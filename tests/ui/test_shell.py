"""The shell and the shared context: roles, menus, page visibility."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from kbdesk.records import Role, Status
from kbdesk.services import Desk
from kbdesk.ui.context import AppContext
from kbdesk.ui.main_window import MainWindow


def test_an_operator_cannot_change_content_even_through_the_context(
    make_context: Callable[..., AppContext],
) -> None:
    context = make_context("Олег", Role.OPERATOR)
    record = context.desk.content.get_by_slug("pickup")
    assert record is not None
    with pytest.raises(PermissionError):
        context.save(record.to_item().__class__(slug="new", title="Новая"))
    with pytest.raises(PermissionError):
        context.set_status(record.id, Status.ARCHIVED)
    with pytest.raises(PermissionError):
        context.replace_synonyms([["a", "b"]])
    assert context.desk.content.get_by_slug("new") is None
    assert context.desk.content.get(record.id).status == "published"


def test_pages_follow_the_role(qtbot, make_context: Callable[..., AppContext]) -> None:  # type: ignore[no-untyped-def]
    operator = MainWindow(make_context("Олег", Role.OPERATOR))
    qtbot.addWidget(operator)
    tabs = operator.tabs
    visible = [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    assert visible == ["&Answers"]
    assert operator.show_page("editor") is None
    lead = MainWindow(make_context("Анна", Role.LEAD))
    qtbot.addWidget(lead)
    visible = [lead.tabs.tabText(i) for i in range(lead.tabs.count()) if lead.tabs.isTabVisible(i)]
    assert visible == ["&Answers", "&Editor", "&Dashboard"]
    actions = [a.text().replace("&", "") for a in lead.file_menu.actions()]
    assert any("Import" in text for text in actions) and any("Export" in text for text in actions)


def test_the_first_start_name_keeps_the_first_persons_role(  # type: ignore[no-untyped-def]
    qtbot, sample_kb, sample_desk, tmp_path
) -> None:
    from PySide6.QtCore import QSettings

    from kbdesk.services import default_operator

    settings = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    context = AppContext(sample_desk, settings, tmp_path)
    assert context.operator == default_operator() and not context.operator_confirmed
    assert context.role is Role.LEAD  # the first person on an empty database
    window = MainWindow(context)
    qtbot.addWidget(window)
    context.set_operator("Анна Смирнова", rename=True)
    assert context.operator == "Анна Смирнова" and context.role is Role.LEAD
    assert context.operator_confirmed
    assert [o.name for o in sample_kb.store.operators()] == ["Анна Смирнова"]
    assert window._operator_label.text().startswith("Анна Смирнова")


def test_a_new_desk_says_the_sample_was_loaded_and_removes_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    desk = Desk.open(tmp_path / "home")
    try:
        settings = QSettings(str(tmp_path / "new.ini"), QSettings.Format.IniFormat)
        settings.setValue("operator/name", "Анна")
        context = AppContext(desk, settings, tmp_path)  # the first person: a lead
        context.sample_loaded = desk.maintenance.seed_sample()  # as the app does on start
        assert context.sample_loaded == desk.content.count() == 64
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.sample_notice.isVisible()
        assert "64" in window.sample_notice.text.text()
        asked: list[str] = []

        def answer_yes(*args: object) -> QMessageBox.StandardButton:
            asked.append(str(args[1]))
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", answer_yes)
        qtbot.mouseClick(window.sample_notice.remove_button, Qt.MouseButton.LeftButton)
        assert asked and not window.sample_notice.isVisible()
        assert desk.content.count() == 0
    finally:
        desk.close()
    again = Desk.open(tmp_path / "home")  # the next start: the sample stays removed
    try:
        assert again.maintenance.seed_sample() == 0 and again.content.count() == 0
    finally:
        again.close()
