"""The agreement test set: ≥ 300 first names of known gender, ≥ 100 patronymics derived from
them, 50 numbers and 30 nouns. Unambiguous cases must all agree; every ambiguous name asks."""

from __future__ import annotations

from pathlib import Path

import pytest

from kbdesk.russian import agree_count, gender_of_name, greeting_name, parse_name
from kbdesk.templating import RenderContext, render

DATA = Path(__file__).parent / "data" / "russian_names.txt"


def _names() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"m": [], "f": [], "both": []}
    current = ""
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            current = line[2:].split()[0]
            continue
        if current in sections:
            sections[current].extend(line.split())
    return sections


NAMES = _names()
# Names whose patronymic changes the stem (Михаил -> Михайлович) are left out of the rule.
_IRREGULAR = {"Михаил", "Павел", "Пётр", "Лев"}


def _patronymics() -> list[tuple[str, str]]:
    """(masculine, feminine) patronymics from the full male names, by the regular rule."""
    pairs: list[tuple[str, str]] = []
    for name in NAMES["m"]:
        if name in _IRREGULAR or name[-1] in "аяоеиуыюё" or name.endswith("ий"):
            continue  # -ий names vary (Юрий -> Юрьевич, Дмитрий -> Дмитриевич)
        # Сергей -> Сергеевич, Игорь -> Игоревич, Иван -> Иванович
        stem = name[:-1] + "е" if name.endswith(("ей", "ь")) else name + "о"
        pairs.append((stem + "вич", stem + "вна"))
    return pairs


PATRONYMICS = _patronymics()
NUMBERS = [
    "0", "1", "2", "3", "4", "5", "6", "7", "9", "10", "11", "12", "13", "14", "15", "19", "20",
    "21", "22", "24", "25", "30", "31", "42", "55", "99", "100", "101", "102", "105", "111",
    "112", "114", "121", "200", "1000", "1001", "1002", "1011", "1250", "2024", "10000",
    "100500", "1000000", "2000001", "1,5", "0,5", "2.75", "1 250", "15 000",
]  # fmt: skip
# noun: its forms after 1, after 2 and after 5
NOUNS = {
    "балл": ("балл", "балла", "баллов"),
    "рубль": ("рубль", "рубля", "рублей"),
    "копейка": ("копейка", "копейки", "копеек"),
    "день": ("день", "дня", "дней"),
    "минута": ("минута", "минуты", "минут"),
    "час": ("час", "часа", "часов"),
    "заказ": ("заказ", "заказа", "заказов"),
    "товар": ("товар", "товара", "товаров"),
    "бонус": ("бонус", "бонуса", "бонусов"),
    "позиция": ("позиция", "позиции", "позиций"),
    "штука": ("штука", "штуки", "штук"),
    "место": ("место", "места", "мест"),
    "неделя": ("неделя", "недели", "недель"),
    "месяц": ("месяц", "месяца", "месяцев"),
    "процент": ("процент", "процента", "процентов"),
    "доллар": ("доллар", "доллара", "долларов"),
    "евро": ("евро", "евро", "евро"),
    "посылка": ("посылка", "посылки", "посылок"),
    "коробка": ("коробка", "коробки", "коробок"),
    "курьер": ("курьер", "курьера", "курьеров"),
    "звонок": ("звонок", "звонка", "звонков"),
    "письмо": ("письмо", "письма", "писем"),
    "сообщение": ("сообщение", "сообщения", "сообщений"),
    "промокод": ("промокод", "промокода", "промокодов"),
    "купон": ("купон", "купона", "купонов"),
    "пункт": ("пункт", "пункта", "пунктов"),
    "литр": ("литр", "литра", "литров"),
    "килограмм": ("килограмм", "килограмма", "килограммов"),
    "порция": ("порция", "порции", "порций"),
    "попытка": ("попытка", "попытки", "попыток"),
}


def _expected(number: str, forms: tuple[str, str, str]) -> str:
    """The textbook rule, written independently of the code under test."""
    digits = number.replace(" ", "")
    if "," in digits or "." in digits:
        return forms[1]
    value = int(digits)
    if value % 100 in (11, 12, 13, 14):
        return forms[2]
    if value % 10 == 1:
        return forms[0]
    if value % 10 in (2, 3, 4):
        return forms[1]
    return forms[2]


def test_the_set_is_as_large_as_promised() -> None:
    assert len(set(NAMES["m"]) | set(NAMES["f"])) >= 300
    assert len(PATRONYMICS) * 2 >= 100
    assert len(NUMBERS) == 50
    assert {"0", "1", "2", "5", "11", "12", "13", "14", "21", "101", "111", "1,5"} <= set(NUMBERS)
    assert len(NOUNS) == 30


@pytest.mark.parametrize("gender, answer", [("m", "м"), ("f", "ж")])
def test_no_name_gets_the_wrong_gender_and_few_ask(gender: str, answer: str) -> None:
    names = NAMES[gender]
    told = {name: gender_of_name(name) for name in names}
    wrong = [name for name, found in told.items() if found is not None and found != answer]
    asks = [name for name, found in told.items() if found is None]
    assert wrong == []
    assert len(asks) <= len(names) // 25, asks  # unknown ones ask; they must stay rare


def test_every_ambiguous_name_asks() -> None:
    for name in NAMES["both"]:
        assert gender_of_name(name) is None, name
        result = render("{{client_name: Уважаемый/Уважаемая}}", {"client_name": name})
        assert result.missing == ["client_gender"], name
        answered = render(
            "{{client_name: Уважаемый/Уважаемая}}", {"client_name": name, "client_gender": "ж"}
        )
        assert (answered.text, answered.missing) == ("Уважаемая", [])


def test_patronymics_decide_gender_and_decline() -> None:
    errors: list[str] = []
    for masculine, feminine in PATRONYMICS:
        for first, patronymic, gender, dative in (
            ("Иван", masculine, "м", f"Ивану {masculine}у"),
            ("Саша", masculine, "м", f"Саше {masculine}у"),
            ("Мария", feminine, "ж", f"Марии {feminine[:-1]}е"),
            ("Женя", feminine, "ж", f"Жене {feminine[:-1]}е"),
        ):
            typed = f"Петров {first} {patronymic}".upper()
            if parse_name(typed).gender != gender:
                errors.append(f"{typed}: gender")
            if greeting_name(typed, "имя_отчество", "datv") != dative:
                errors.append(f"{typed}: {greeting_name(typed, 'имя_отчество', 'datv')}")
    assert errors == []


def test_every_number_agrees_with_every_noun() -> None:
    errors: list[str] = []
    for noun, forms in NOUNS.items():
        for number in NUMBERS:
            if noun == "рубль" and ("," in number or "." in number):
                continue  # sums read kopecks; checked below
            got = agree_count(number, noun)
            want = f"{number.replace('.', ',')} {_expected(number, forms)}"
            if got != want:
                errors.append(f"{got!r} != {want!r}")
    assert errors == []


@pytest.mark.parametrize(
    "value, words, expected",
    [
        ("1250", False, "1250 рублей"),
        ("1250,50", False, "1250 рублей 50 копеек"),
        ("1,5", False, "1 рубль 50 копеек"),
        ("21.01 ₽", False, "21 рубль 1 копейка"),
        ("1250", True, "тысяча двести пятьдесят рублей"),
        ("2,02", True, "два рубля две копейки"),
        ("1000000", True, "миллион рублей"),
        ("3 400 000", True, "три миллиона четыреста тысяч рублей"),
    ],
)
def test_sums_in_roubles_and_kopecks(value: str, words: bool, expected: str) -> None:
    assert agree_count(value, "рубль", words=words) == expected


def test_a_reply_renders_with_all_three_agreements() -> None:
    text = (
        "{{client_name: Уважаемый/Уважаемая}} {{client_name: обращение}}! "
        "{{operator: Начислил}} {{points: # балл}}."
    )
    context = RenderContext(operator="Анна Смирнова", channel="email")
    result = render(text, {"client_name": "ПЕТРОВ ИВАН СЕРГЕЕВИЧ", "points": "21"}, context)
    assert result.text == "Уважаемый Иван Сергеевич! Начислила 21 балл."
