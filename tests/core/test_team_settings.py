"""Issue #15, the parts a team sets: the greeting style per channel (a lead's choice, kept in
the database) and each person's own gender, and that every reply is composed with them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect

from kbdesk.cli import main
from kbdesk.content import ContentItem
from kbdesk.db import Database
from kbdesk.kb import KnowledgeBase
from kbdesk.records import PermissionDenied, Role
from kbdesk.russian import Gender
from kbdesk.services import Desk
from kbdesk.templating import RenderContext, implied_genders, render

NOW = datetime(2025, 11, 20, 10, 0)
LEAD, OPERATOR, LOGIN = "Ольга Лидова", "Пётр Сидоров", "root"
BODY = (
    "Здравствуйте, {{client_name: обращение}}! "
    "Вы {{client_name: записан/записана}}, я {{operator: оформил}} возврат."
)
CLIENT = {"client_name": "Петрова Мария Ивановна"}


@pytest.fixture
def desk(kb: KnowledgeBase) -> Desk:
    desk = Desk(kb)
    desk.people.person(LEAD)  # the first person: a lead
    desk.people.person(OPERATOR)
    desk.people.person(LOGIN)
    return desk


def _template(desk: Desk) -> object:
    item = ContentItem(slug="refund-done", title="Возврат оформлен", kind="template", body=BODY)
    return desk.content.save(item, LEAD).record


def test_migration_0005_adds_the_table_and_the_column(database: Database) -> None:
    schema = inspect(database.engine)
    assert {c["name"] for c in schema.get_columns("team_setting")} >= {"key", "value"}
    gender = next(c for c in schema.get_columns("operator") if c["name"] == "gender")
    assert gender["nullable"]


def test_greetings_default_until_a_lead_changes_them(desk: Desk) -> None:
    assert desk.team.greetings() == {
        "chat": "имя",
        "phone": "имя_отчество",
        "email": "имя_отчество",
    }
    changed = desk.team.set_greetings(
        LEAD, {"chat": "имя_отчество", "email": "фио", "phone": "имя_отчество"}
    )
    assert changed == {"chat": "имя_отчество", "email": "фио"}  # phone kept its style
    assert desk.team.greetings() == {
        "chat": "имя_отчество",
        "phone": "имя_отчество",
        "email": "фио",
    }
    assert desk.team.set_greetings(LEAD, {"email": "фио"}) == {}  # nothing changed


def test_only_a_lead_changes_greetings_and_only_to_known_styles(desk: Desk) -> None:
    with pytest.raises(PermissionDenied):
        desk.team.set_greetings(OPERATOR, {"chat": "фио"})
    with pytest.raises(ValueError, match="style"):
        desk.team.set_greetings(LEAD, {"chat": "фамилия"})
    with pytest.raises(ValueError, match="channel"):
        desk.team.set_greetings(LEAD, {"fax": "имя"})
    with pytest.raises(ValueError):  # a bad value anywhere writes nothing at all
        desk.team.set_greetings(LEAD, {"chat": "фио", "phone": "нет"})
    assert desk.team.greetings()["chat"] == "имя"
    # A lead who demoted someone: the role is read from the database on every change.
    desk.people.set_role(LEAD, OPERATOR, Role.LEAD)
    assert desk.team.set_greetings(OPERATOR, {"chat": "фио"}) == {"chat": "фио"}


def test_another_desk_on_the_same_database_greets_the_same_way(
    desk: Desk, database: Database, tmp_path: Path
) -> None:
    record = _template(desk)
    desk.team.set_greetings(LEAD, {"chat": "фио"})
    other = Desk(KnowledgeBase(database, tmp_path / "other-index"))
    reply = other.answers.compose(record, CLIENT, OPERATOR, "chat", NOW)  # type: ignore[arg-type]
    assert reply.plain.startswith("Здравствуйте, Петрова Мария Ивановна!")
    other.close()


def test_a_person_sets_their_own_gender(desk: Desk) -> None:
    people = desk.people
    assert people.gender(LOGIN) is None
    assert people.set_gender(LOGIN, "ж") is Gender.FEMALE
    assert people.gender(LOGIN) is Gender.FEMALE
    assert people.set_gender(LOGIN, "m") is Gender.MALE  # the answers a gender field takes
    assert people.set_gender(LOGIN, None) is None
    assert people.gender(LOGIN) is None
    with pytest.raises(ValueError):
        people.set_gender(LOGIN, "x")
    # Asking about a name nobody uses registers nobody.
    before = len(people.everyone())
    assert people.gender("никто") is None
    assert len(people.everyone()) == before


def test_every_reply_uses_the_team_greeting_and_the_operators_gender(desk: Desk) -> None:
    record = _template(desk)
    answers = desk.answers
    # A login tells no gender: the reply asks, and copying would be refused.
    asked = answers.compose(record, CLIENT, LOGIN, "phone", NOW)  # type: ignore[arg-type]
    assert asked.missing == ["operator_gender"]
    assert answers.needs_input(record, CLIENT, LOGIN, "phone")  # type: ignore[arg-type]
    desk.people.set_gender(LOGIN, "ж")
    desk.team.set_greetings(LEAD, {"phone": "фио"})
    reply = answers.compose(record, CLIENT, LOGIN, "phone", NOW)  # type: ignore[arg-type]
    assert reply.missing == []
    assert reply.plain == (
        "Здравствуйте, Петрова Мария Ивановна! Вы записана, я оформила возврат."
    )
    assert not answers.needs_input(record, CLIENT, LOGIN, "phone")  # type: ignore[arg-type]
    # The answer typed in the form still wins over Settings; chat keeps its own style.
    typed = answers.compose(record, {**CLIENT, "operator_gender": "м"}, LOGIN, "chat", NOW)  # type: ignore[arg-type]
    assert typed.plain.startswith("Здравствуйте, Мария!") and "я оформил возврат" in typed.plain
    # The preview's context is the same one: what is shown is what is copied.
    context = answers.render_context(LOGIN, "phone", NOW)
    assert render(BODY, CLIENT, context).text == reply.plain


def test_kbdesk_render_uses_the_team_settings(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    desk = Desk.open(home)
    desk.people.person(LEAD)
    desk.people.person(LOGIN)
    _template(desk)
    desk.team.set_greetings(LEAD, {"email": "фио"})
    desk.people.set_gender(LOGIN, "м")
    desk.close()
    args = ["--operator", LOGIN, "render", "refund-done", "--channel", "email"]
    code = main([*args, "--set", "client_name=ПЕТРОВА МАРИЯ ИВАНОВНА"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.strip() == (
        "Здравствуйте, Петрова Мария Ивановна! Вы записана, я оформил возврат."
    )


def test_implied_genders_say_what_an_empty_field_stands_for() -> None:
    context = RenderContext(operator=LOGIN)
    told = implied_genders(BODY, {"client_name": "мария ивановна"}, context)
    assert told == {"client_gender": (Gender.FEMALE, "name")}  # a login tells nothing
    assert implied_genders(BODY, {"client_name": "Саша"}, context) == {}  # ambiguous: asked
    assert implied_genders(BODY, {}, context) == {}  # no name yet
    set_in_settings = RenderContext(operator=LOGIN, operator_gender="ж")
    assert implied_genders(BODY, {"client_name": "Игорь"}, set_in_settings) == {
        "client_gender": (Gender.MALE, "name"),
        "operator_gender": (Gender.FEMALE, "profile"),
    }
    # The operator's own setting beats what their name would say.
    named = RenderContext(operator="Анна Смирнова", operator_gender="м")
    assert render("я {{operator: оформил}}", {}, named).text == "я оформил"
