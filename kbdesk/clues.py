"""What a client's message says about the client, and which template fields it can fill.

The operator pastes a chat message or an e-mail; this finds the client's name (with the
patronymic, the Russian polite form), an order or contract number, a phone, an e-mail, an
amount and a date. Each finding is only a suggestion: the window shows it and the operator
accepts it. Local and plain: regular expressions and pymorphy3's dictionary (its `Name`,
`Patr` and `Surn` grammemes), no network, no Qt, no database.

The same table says which fields identify the client. Those are shared by every template of
one contact (the name typed once fills the next template too); any other field (a delivery
slot, an amount) belongs to the template it was typed in, so «14:00–16:00» typed as a delivery
slot never reappears as an arrival time.

Why not `natasha`: its wheel set (natasha, navec embeddings, slovnet, yargy, razdel and numpy,
plus pymorphy2 beside our pymorphy3) adds about 40 MB of numpy and 25 MB of embeddings to a
150 MB bundle for person names alone, which pymorphy3's dictionary (already shipped for the
search) tags well enough in the short, mostly well-formed messages clients write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any


class ClueKind(StrEnum):
    NAME = "name"
    ORDER = "order"
    CONTRACT = "contract"
    REQUEST = "request"
    PHONE = "phone"
    EMAIL = "email"
    COMPANY = "company"
    AMOUNT = "amount"
    DATE = "date"


# Field names → what they hold. One table for the suggestions and for the sharing rule.
FIELD_KINDS: dict[str, ClueKind] = {
    **dict.fromkeys(
        ("client_name", "client", "name", "имя", "имя_клиента", "клиент", "фио"), ClueKind.NAME
    ),
    **dict.fromkeys(
        ("order_number", "order", "order_id", "номер_заказа", "заказ"), ClueKind.ORDER
    ),
    **dict.fromkeys(
        ("contract_number", "contract", "invoice_number", "договор", "номер_договора", "счёт"),
        ClueKind.CONTRACT,
    ),
    **dict.fromkeys(("request_number", "ticket", "номер_обращения"), ClueKind.REQUEST),
    **dict.fromkeys(("phone", "phone_number", "телефон"), ClueKind.PHONE),
    **dict.fromkeys(("email", "e_mail", "почта"), ClueKind.EMAIL),
    **dict.fromkeys(("company_name", "company", "компания"), ClueKind.COMPANY),
    **dict.fromkeys(("amount", "sum", "сумма"), ClueKind.AMOUNT),
    **dict.fromkeys(("date", "дата"), ClueKind.DATE),
}
# Who the client is: the same for every reply of one contact.
IDENTITY = frozenset(
    {
        ClueKind.NAME,
        ClueKind.ORDER,
        ClueKind.CONTRACT,
        ClueKind.REQUEST,
        ClueKind.PHONE,
        ClueKind.EMAIL,
        ClueKind.COMPANY,
    }
)


def field_kind(name: str) -> ClueKind | None:
    return FIELD_KINDS.get(name.lower())


def is_identity_field(name: str) -> bool:
    """True when a field's value is the client's (shared within a contact)."""
    kind = field_kind(name)
    return kind is not None and kind in IDENTITY


@dataclass(frozen=True)
class Clue:
    kind: ClueKind
    value: str  # as it should go into a field
    start: int  # where it was found in the message
    end: int


_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\d\w])(?:\+7|8)[\s(-]*(\d{3})[\s)-]*(\d{3})[\s-]*(\d{2})[\s-]*(\d{2})(?!\d)"
)
_NUMBER = r"([A-Za-zА-Яа-я]{0,4}[-/]?\d[\d/-]{2,}\d)"
_ORDER = re.compile(
    r"(?:заказ\w*|order)\s*(?:№|#|no\.?|номер)?\s*:?\s*" + _NUMBER, re.IGNORECASE
)
_CONTRACT = re.compile(
    r"(?:договор\w*|сч[её]т\w*|contract|invoice)\s*(?:№|#|номер)?\s*:?\s*" + _NUMBER,
    re.IGNORECASE,
)
_REQUEST = re.compile(
    r"(?:обращени\w*|заявк\w*|тикет\w*|ticket)\s*(?:№|#|номер)?\s*:?\s*" + _NUMBER,
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"(?:№|#)\s*" + _NUMBER)
_CODE = re.compile(r"(?<![\w-])([A-ZА-Я]{1,3}-\d{3,})(?![\w-])")
_AMOUNT = re.compile(
    r"(\d{1,3}(?:[  ]\d{3})+|\d+)(?:[.,](\d{1,2}))?\s*(?:₽|руб\w*\.?|р\.|rub)", re.IGNORECASE
)
_DATE = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2}))?(?![\d.]*\d)")
_WORD_DATE = re.compile(r"(?<!\d)(\d{1,2})\s+(" + "|".join(_MONTHS) + r")(?:\s+(\d{4}))?", re.I)
_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")


@cache
def _morph() -> Any:
    # Loaded on the first message, not at start-up: the dictionary takes a moment to open.
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def find_clues(text: str) -> list[Clue]:
    """Everything the message says about the client, at most one clue of each kind (the first),
    in the order of the text."""
    found: dict[ClueKind, Clue] = {}
    taken: list[tuple[int, int]] = []

    def add(kind: ClueKind, value: str, start: int, end: int) -> None:
        if kind in found or any(start < e and s < end for s, e in taken):
            return
        found[kind] = Clue(kind, value, start, end)
        taken.append((start, end))

    for match in _EMAIL.finditer(text):
        add(ClueKind.EMAIL, match[0], match.start(), match.end())
    for match in _PHONE.finditer(text):
        a, b, c, d = match.groups()
        add(ClueKind.PHONE, f"+7 ({a}) {b}-{c}-{d}", match.start(), match.end())
    for pattern, kind in (
        (_CONTRACT, ClueKind.CONTRACT),
        (_REQUEST, ClueKind.REQUEST),
        (_ORDER, ClueKind.ORDER),
        (_BARE_NUMBER, ClueKind.ORDER),
        (_CODE, ClueKind.ORDER),
    ):
        for match in pattern.finditer(text):
            add(kind, match[1], match.start(1), match.end(1))
    for match in _AMOUNT.finditer(text):
        whole = re.sub(r"\D", "", match[1])
        value = whole + (f",{match[2]}" if match[2] and match[2].strip("0") else "")
        add(ClueKind.AMOUNT, value, match.start(), match.end())
    _find_date(text, add)
    name = _find_name(text)
    if name is not None:
        add(ClueKind.NAME, *name)
    return sorted(found.values(), key=lambda clue: clue.start)


def _find_date(text: str, add: Any) -> None:
    for match in _WORD_DATE.finditer(text):
        day, month = int(match[1]), _MONTHS.index(match[2].lower()) + 1
        year = f".{match[3]}" if match[3] else ""
        if 1 <= day <= 31:
            add(ClueKind.DATE, f"{day:02d}.{month:02d}{year}", match.start(), match.end())
    for match in _DATE.finditer(text):
        day, month = int(match[1]), int(match[2])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        year = match[3] or ""
        if len(year) == 2:
            year = "20" + year
        add(ClueKind.DATE, f"{day:02d}.{month:02d}" + (f".{year}" if year else ""),
            match.start(), match.end())


def _tagged(word: str, grammeme: str, like: Any = None) -> Any:
    """The word's most likely parse that carries `grammeme` (Name, Patr, Surn), if a likely one;
    with `like`, one of the same gender (Петрова beside Анна is hers, not Петров's genitive)."""
    parses = [p for p in _morph().parse(word) if grammeme in p.tag and p.score >= 0.01]
    if like is not None:
        same = [
            p for p in parses if p.tag.gender == like.tag.gender and p.tag.case == like.tag.case
        ]
        parses = same or parses
    return parses[0] if parses and (like is not None or parses[0].score >= 0.1) else None


def _nominative(parse: Any, word: str) -> str:
    inflected = parse.inflect({"nomn"}) if "nomn" not in parse.tag else None
    form = inflected.word if inflected is not None else word.lower()
    return form[:1].upper() + form[1:]


def _find_name(text: str) -> tuple[str, int, int] | None:
    """The first first name in the text, with the patronymic or surname beside it, nominative.

    "Имя Отчество" is what a polite Russian greeting uses; without a patronymic the surname
    goes with the name, as the client signed.
    """
    words = list(_WORD.finditer(text))
    for number, match in enumerate(words):
        name = _tagged(match[0], "Name")
        if name is None:
            continue
        start, end = match.start(), match.end()
        parts = [_nominative(name, match[0])]
        after = words[number + 1] if number + 1 < len(words) else None
        adjacent = after is not None and not text[end : after.start()].strip(" ")
        patronymic = _tagged(after[0], "Patr", name) if adjacent and after is not None else None
        if patronymic is not None and after is not None:
            parts.append(_nominative(patronymic, after[0]))
            end = after.end()
        elif adjacent and after is not None and _tagged(after[0], "Surn", name) is not None:
            parts.append(_nominative(_tagged(after[0], "Surn", name), after[0]))
            end = after.end()
        elif number > 0 and not text[words[number - 1].end() : start].strip(" "):
            before = words[number - 1]  # "Петрова Анна", as a signature often reads
            surname = _tagged(before[0], "Surn", name)
            if surname is not None:
                parts.append(_nominative(surname, before[0]))
                start = before.start()
        return " ".join(parts), start, end
    return None


# Greetings and courtesy carry no topic: searched alone they match any template.
_NOT_TOPICS = frozenset(
    {
        "здравствуйте", "добрый", "доброе", "добрая", "день", "утро", "вечер", "привет", "меня",
        "зовут", "пожалуйста", "спасибо", "уважением", "хочу", "хотела", "хотел", "могу", "можно",
        "подскажите", "скажите", "почта", "телефон", "номер", "hello", "thanks", "please",
        "regards",
    }
)


def search_words(text: str, clues: list[Clue], limit: int = 12) -> list[str]:
    """The message's words worth searching for, without what the clues took (names, numbers)."""
    spans = [(clue.start, clue.end) for clue in clues]
    picked: list[str] = []
    for match in re.finditer(r"[^\W\d_]{4,}", text):
        if any(s <= match.start() < e for s, e in spans):
            continue
        word = match[0].lower()
        if word not in picked and word not in _NOT_TOPICS:
            picked.append(word)
        if len(picked) >= limit:
            break
    return picked
