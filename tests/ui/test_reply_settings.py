"""Issue #15 in the window: the operator's gender and the team's greetings set once in
File → Settings, and the template form saying what a client's name tells about the gender."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from workspace_helpers import clipboard, page_of, press, select_title, type_text

from kbdesk.records import Role
from kbdesk.russian import Gender
from kbdesk.templating import RenderContext
from kbdesk.ui.context import AppContext
from kbdesk.ui.main_window import MainWindow, SettingsDialog
from kbdesk.ui.workspace.preview import TemplateForm

CTRL = Qt.KeyboardModifier.ControlModifier
LOGIN = "root"  # a login tells no gender: before Settings, every reply asked


def _settings_answered(
    monkeypatch: pytest.MonkeyPatch, answer: Callable[[SettingsDialog], None]
) -> list[SettingsDialog]:
    """File → Settings answered by `answer` and accepted, without showing the dialog."""
    shown: list[SettingsDialog] = []

    def exec_(dialog: SettingsDialog) -> int:
        shown.append(dialog)
        answer(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    return shown


def _choose(box, data: str) -> None:  # type: ignore[no-untyped-def]
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def _open_settings(window: MainWindow) -> None:
    action = next(a for a in window.file_menu.actions() if a.text() == "&Settings…")
    action.trigger()


def test_a_lead_sets_the_greetings_and_their_gender_and_replies_follow(
    qtbot: QtBot, make_context: Callable[..., AppContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    context = make_context(LOGIN, Role.LEAD)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    def answer(dialog: SettingsDialog) -> None:
        assert dialog.gender.currentData() == ""  # "as my name tells" until set
        assert set(dialog.greetings) == {"chat", "phone", "email"}
        assert dialog.greetings["phone"].currentData() == "имя_отчество"
        _choose(dialog.gender, "ж")
        _choose(dialog.greetings["phone"], "фио")

    shown = _settings_answered(monkeypatch, answer)
    _open_settings(window)
    assert len(shown) == 1
    # Stored with the person and with the team, through the services.
    assert context.desk.people.gender(LOGIN) is Gender.FEMALE
    assert context.desk.team.greetings()["phone"] == "фио"
    assert context.desk.team.greetings()["chat"] == "имя"  # untouched channels keep theirs

    page = page_of(window)
    context.set_channel("phone")
    type_text(page.search_box, "заказ задерживается")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    select_title(page, "Заказ задерживается")
    press(Qt.Key.Key_Return)
    form = page.form
    assert QApplication.focusWidget() is form.edits["client_name"]
    type_text(form.edits["client_name"], "Петрова Мария Ивановна")
    type_text(form.edits["order_number"], "A-1077")
    # The operator's gender comes from Settings: shown as a hint, never asked.
    assert form.edits["operator_gender"].text() == ""
    assert form.edits["operator_gender"].placeholderText() == "ж (from Settings)"
    shown_reply = form.reply.toPlainText()
    assert shown_reply.startswith("Петрова Мария Ивановна, я проверила ваш заказ A-1077.")
    press(Qt.Key.Key_Return, CTRL)
    plain, _html = clipboard()
    assert plain == shown_reply  # what was shown is what was copied

    # Settings again: the dialog opens with what was stored; "as my name tells" clears it.
    _settings_answered(monkeypatch, lambda dialog: _choose(dialog.gender, ""))
    _open_settings(window)
    assert context.desk.people.gender(LOGIN) is None
    assert "{{operator: проверил}}" in page.form.reply.toPlainText()  # asked again


def test_an_operator_sets_only_their_own_gender(
    qtbot: QtBot, make_context: Callable[..., AppContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_context("Анна", Role.LEAD)
    context = make_context(LOGIN, Role.OPERATOR)
    window = MainWindow(context)
    qtbot.addWidget(window)

    def answer(dialog: SettingsDialog) -> None:
        assert dialog.greetings == {}  # the team's greeting is a lead's choice
        _choose(dialog.gender, "м")

    _settings_answered(monkeypatch, answer)
    _open_settings(window)
    assert context.operator_gender == "м"
    assert context.desk.team.greetings()["phone"] == "имя_отчество"


def test_the_gender_field_says_what_the_clients_name_tells(qtbot: QtBot) -> None:
    form = TemplateForm()
    qtbot.addWidget(form)
    form.show()
    text = "{{client_name: Уважаемый/Уважаемая}} {{client_name}}, я {{operator: оформил}} заказ."
    form.set_template(text, {}, RenderContext(operator=LOGIN), "Reply")
    gender, name, mine = (
        form.edits["client_gender"],
        form.edits["client_name"],
        form.edits["operator_gender"],
    )
    assert gender.placeholderText() == ""  # no name yet: nothing to say
    assert mine.placeholderText() == "required"  # a login tells no gender
    type_text(name, "Мария Ивановна")
    assert gender.placeholderText() == "ж (from the name)"
    assert gender.text() == ""  # a hint, not a value: the field follows the name
    assert "Уважаемая Мария Ивановна" in form.reply.toPlainText()
    name.clear()
    type_text(name, "Саша")  # common to both: stays empty and is required
    assert gender.placeholderText() == "required"
    assert "client_gender" in form.result().missing
    type_text(gender, "м")  # one key answers it
    assert "Уважаемый Саша" in form.reply.toPlainText()
    assert "client_gender" not in form.result().missing
    # An answer typed over a name's hint wins.
    name.clear()
    type_text(name, "Игорь")
    assert "Уважаемый Игорь" in form.reply.toPlainText()
    gender.clear()
    type_text(gender, "ж")
    assert "Уважаемая Игорь" in form.reply.toPlainText()


def test_the_operators_gender_from_settings_is_a_hint_the_form_can_override(
    qtbot: QtBot,
) -> None:
    form = TemplateForm()
    qtbot.addWidget(form)
    context = RenderContext(operator=LOGIN, operator_gender="ж")
    form.set_template("я {{operator: оформил}} заказ", {}, context, "Reply")
    mine = form.edits["operator_gender"]
    assert mine.placeholderText() == "ж (from Settings)"
    assert form.reply.toPlainText() == "я оформила заказ"
    type_text(mine, "м")
    assert form.reply.toPlainText() == "я оформил заказ"
