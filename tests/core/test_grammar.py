"""Agreement in templates: the syntax, names in cases, read-aloud words and the lint."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kbdesk.russian import code_aloud, date_aloud, greeting_name, number_words, time_aloud
from kbdesk.russian.forms import gender_key
from kbdesk.templating import IssueCode, RenderContext, lint, parse, render

NOW = datetime(2025, 11, 20, 10, 0)


def ctx(channel: str | None = None, operator: str = "Анна Смирнова") -> RenderContext:
    return RenderContext(operator=operator, now=NOW, channel=channel)


@pytest.mark.parametrize(
    "typed, style, case, expected",
    [
        ("Иванов Иван Петрович", "имя_отчество", "datv", "Ивану Петровичу"),
        ("мария ивановна", "имя_отчество", "gent", "Марии Ивановны"),
        ("ИВАНОВ И.И.", "имя_отчество", "datv", "Иванову И. И."),
        ("иван", "имя", "nomn", "Иван"),
        ("Сидорова Анна Сергеевна", "фио", "ablt", "Сидоровой Анной Сергеевной"),
        ("Петровский Олег", "фио", "gent", "Петровского Олега"),
        ("Мария Шевчук", "фио", "datv", "Шевчук Марии"),
        ("Илья Кузьмич", "имя_отчество", "loct", "Илье Кузьмиче"),
        ("John Smith", "имя", "datv", "John Smith"),
    ],
)
def test_names_in_cases(typed: str, style: str, case: str, expected: str) -> None:
    assert greeting_name(typed, style, case) == expected


def test_greeting_follows_the_channel() -> None:
    text = "Здравствуйте, {{client_name: обращение}}!"
    values = {"client_name": "Петрова Мария Ивановна"}
    assert render(text, values, ctx("chat")).text == "Здравствуйте, Мария!"
    assert render(text, values, ctx("phone")).text == "Здравствуйте, Мария Ивановна!"
    assert render(text, values, ctx("email")).text == "Здравствуйте, Мария Ивановна!"
    team = RenderContext(now=NOW, channel="email", greetings={"email": "фио"})
    assert render(text, values, team).text == "Здравствуйте, Петрова Мария Ивановна!"
    assert render("для {{client_name: род}}", values, ctx("phone")).text == "для Марии Ивановны"


def test_read_aloud() -> None:
    assert date_aloud("25.11.2025", "gent", date(2025, 1, 1)) == "двадцать пятого ноября"
    assert date_aloud("01.03.2026", "datv", date(2025, 1, 1)) == (
        "первому марта две тысячи двадцать шестого года"
    )
    assert date_aloud("завтра") is None
    assert time_aloud("14:30") == "четырнадцать тридцать"
    assert time_aloud("9:05", "gent") == "девяти ноль пяти"
    assert number_words(1250) == "тысяча двести пятьдесят"
    assert number_words(2, "femn") == "две"
    assert number_words(251, "masc", "gent") == "двухсот пятидесяти одного"
    assert code_aloud("481-293") == "четыреста восемьдесят один — двести девяносто три"
    assert code_aloud("A7K") == "A, семь, K"


def test_read_aloud_in_templates() -> None:
    text = (
        "До {{date: словами род}} вернём {{amount: словами # рубль вин}}; код {{code: группами}}."
    )
    values = {"date": "25.11.2025", "amount": "1250", "code": "0417"}
    assert render(text, values, ctx("phone")).text == (
        "До двадцать пятого ноября вернём тысячу двести пятьдесят рублей; "
        "код ноль, четыре, один, семь."
    )
    assert render("{{points: # балл дат}}", {"points": "21"}).text == "21 баллу"


def test_gender_words_and_the_derived_field() -> None:
    text = "{{client_name: Уважаемый/Уважаемая}} {{client_name}}! Я {{operator: оформил}} заказ."
    parsed = parse(text)
    by_name = {p.name: p for p in parsed.placeholders}
    gender = by_name["client_gender"]
    assert (gender.default, gender.required, gender.choices) == ("", False, ("м", "ж"))
    assert gender.derived_from == "client_name"
    assert [p.name for p in parsed.placeholders][:2] == ["client_name", "client_gender"]
    assert "operator_gender" in by_name

    result = render(text, {"client_name": "Мария"}, ctx(operator="Иван Петров"))
    assert (result.text, result.missing) == ("Уважаемая Мария! Я оформил заказ.", [])
    asked = render(text, {"client_name": "Женя"}, ctx(operator="Саша"))
    assert asked.missing == ["client_gender", "operator_gender"]
    assert [asked.text[s:e] for s, e in asked.missing_spans] == [
        "{{client_name: Уважаемый/Уважаемая}}",
        "{{operator: оформил}}",
    ]
    for answer, word in (("ж", "Уважаемая"), ("F", "Уважаемая"), ("m", "Уважаемый")):
        values = {"client_name": "Женя", "client_gender": answer, "operator_gender": "м"}
        assert render(text, values, ctx(operator="Саша")).text.startswith(word)
    # the operator's answer wins over the name
    assert render(text, {"client_name": "Мария", "client_gender": "м"}).text.startswith("Уважаемый")


def test_a_fallback_replaces_the_question() -> None:
    text = "{{client_name: Уважаемый/Уважаемая|Уважаемый(ая)}} клиент"
    result = render(text, {"client_name": "Саша"})
    assert (result.text, result.missing) == ("Уважаемый(ая) клиент", [])
    assert render("{{client_name: дат|Мария}}", {}).text == "Марии"
    assert render("через {{minutes: # минута вин|20}}", {}).text == "через 20 минут"


def test_a_count_uses_the_plain_default_and_asks_when_empty() -> None:
    assert render("{{days|10}}: {{days: # день}}", {}).text == "10: 10 дней"
    result = render("{{points: # балл}}", {})
    assert result.missing == ["points"]
    assert parse("{{points: # балл}}").placeholders[0].required


def test_gender_keys() -> None:
    assert gender_key("client_name") == "client_gender"
    assert gender_key("оператор") == "operator_gender"
    assert gender_key("имя_клиента") == "пол_имя_клиента"


def test_old_templates_keep_their_meaning() -> None:
    text = "{{a}} {{b|по умолчанию}} {{ config|attr('items') }} {{x:y|z}}"
    assert render(text, {"a": "1"}).text == "1 по умолчанию attr('items') z"


@pytest.mark.parametrize(
    "text, code, column",
    [
        ("ok {{client_name: балл}}", IssueCode.UNKNOWN_GENDER_WORD, 4),
        ("ok {{points: # уважаемый}}", IssueCode.UNINFLECTABLE_NOUN, 4),
        ("ok {{points: # ывапр}}", IssueCode.UNINFLECTABLE_NOUN, 4),
        ("ok {{points: #}}", IssueCode.BAD_FORM, 4),
        ("ok {{client_name: дат род}}", IssueCode.BAD_FORM, 4),
        ("ok {{client_name: имя словами}}", IssueCode.BAD_FORM, 4),
        ("ok {{client_name: a/}}", IssueCode.BAD_FORM, 4),
        ("ok {{ сlient_name }}", IssueCode.MIXED_SCRIPT, 7),
        ("ok {{client_namе: дат}}", IssueCode.MIXED_SCRIPT, 16),
    ],
)
def test_lint_knows_the_new_syntax(text: str, code: IssueCode, column: int) -> None:
    body = "first line\n" + text
    issues = lint(body)
    assert [(i.code, i.line, i.column) for i in issues] == [(code, 2, column)]


def test_good_forms_lint_clean() -> None:
    body = (
        "{{client_name: Уважаемый/Уважаемая}} {{client_name: обращение}}, "
        "{{operator: оформил}} {{operator: был рад}} {{points: # балл}} {{amount: # промокод}}\n"
        "{{date: словами род}} {{code: группами}} {{client_name: фио дат}}"
    )
    assert lint(body) == []
