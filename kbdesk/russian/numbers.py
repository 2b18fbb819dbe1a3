"""Numbers in agreement with nouns, and numbers, sums, dates, times and codes read aloud.

Agreement follows the rule every Russian grammar gives: after a fraction the noun is genitive
singular (1,5 балла); after a whole number ending in 1 (not 11) it is singular; 2–4 (not
12–14) genitive singular; otherwise genitive plural. In the oblique cases the noun takes the
case itself, singular after 1 and plural otherwise (к 21 баллу, к 25 баллам).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from kbdesk.russian.morph import match_case, noun_form, noun_gender, noun_parse, parses

_UNITS = ("ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять")
_TEENS = (
    "десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
    "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать",
)  # fmt: skip
_TENS = (
    "", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
    "восемьдесят", "девяносто",
)  # fmt: skip
_HUNDREDS = (
    "", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот",
    "девятьсот",
)  # fmt: skip
# Scale nouns from the largest: (value, noun, its gender).
_SCALES = ((10**9, "миллиард"), (10**6, "миллион"), (10**3, "тысяча"))

_ORDINAL_UNITS = (
    "", "первый", "второй", "третий", "четвёртый", "пятый", "шестой", "седьмой", "восьмой",
    "девятый",
)  # fmt: skip
_ORDINAL_TEENS = (
    "десятый", "одиннадцатый", "двенадцатый", "тринадцатый", "четырнадцатый", "пятнадцатый",
    "шестнадцатый", "семнадцатый", "восемнадцатый", "девятнадцатый",
)  # fmt: skip
_ORDINAL_TENS = (
    "", "", "двадцатый", "тридцатый", "сороковой", "пятидесятый", "шестидесятый",
    "семидесятый", "восьмидесятый", "девяностый",
)  # fmt: skip
_ORDINAL_HUNDREDS = (
    "", "сотый", "двухсотый", "трёхсотый", "четырёхсотый", "пятисотый", "шестисотый",
    "семисотый", "восьмисотый", "девятисотый",
)  # fmt: skip
_ORDINAL_THOUSANDS = {1: "тысячный", 2: "двухтысячный", 3: "трёхтысячный"}
_MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
)  # fmt: skip

_CURRENCY = re.compile(r"(?:₽|руб(?:лей|ля|ль)?\.?|р\.)$", re.IGNORECASE)
_NUMBER = re.compile(r"([+-]?)(\d+)(?:[.,](\d+))?")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")


@dataclass(frozen=True, slots=True)
class Amount:
    """A number as typed: its whole part, its fraction digits and how it was written."""

    whole: int
    fraction: str  # digits after the separator, "" for a whole number
    shown: str  # the typed number without currency marks


def parse_amount(text: str) -> Amount | None:
    """``5``, ``1 250``, ``1,5``, ``1250.50 ₽`` -> an :class:`Amount`; None if not a number."""
    shown = _CURRENCY.sub("", text.strip()).strip()
    match = _NUMBER.fullmatch(_SPACES.sub("", shown))
    if match is None:
        return None
    sign, whole, fraction = match.group(1), int(match.group(2)), match.group(3) or ""
    if sign == "-":
        whole = -whole
    return Amount(whole, fraction.rstrip("0") if fraction else "", shown)


def count_form(amount: Amount, case: str = "nomn") -> tuple[str, str]:
    """(number, case) the counted noun takes after ``amount`` in a phrase in ``case``."""
    whole = abs(amount.whole)
    if amount.fraction:
        return "sing", "gent"
    last, last_two = whole % 10, whole % 100
    if case not in ("nomn", "accs"):
        return ("sing" if last == 1 and last_two != 11 else "plur"), case
    if last == 1 and last_two != 11:
        return "sing", case
    if 2 <= last <= 4 and not 12 <= last_two <= 14:
        return "sing", "gent"
    return "plur", "gent"


def noun_after(amount: Amount, noun: str, case: str = "nomn") -> str:
    number, noun_case = count_form(amount, case)
    return noun_form(noun, number, noun_case) or noun


def _is_money(noun: str) -> bool:
    parse = noun_parse(noun)
    return parse is not None and parse.normal_form == "рубль"


def agree_count(value: str, noun: str, case: str = "nomn", words: bool = False) -> str:
    """``value`` followed by ``noun`` in agreement: ``5`` + ``балл`` -> «5 баллов».

    ``рубль`` counts roubles and kopecks (``1250,5`` -> «1250 рублей 50 копеек»). With
    ``words`` the number is spelled out for reading aloud. A value that is not a number is
    kept as typed, followed by the genitive plural (``несколько`` -> «несколько баллов»).
    """
    amount = parse_amount(value)
    if amount is None:
        return f"{value.strip()} {noun_form(noun, 'plur', 'gent') or noun}"
    if _is_money(noun) and amount.fraction:
        kopecks = round(float("0." + amount.fraction) * 100)
        first = agree_count(str(amount.whole), noun, case, words)
        if kopecks == 0:
            return first
        return f"{first} {agree_count(str(kopecks), 'копейка', case, words)}"
    if words and not amount.fraction:
        spoken = number_words(amount.whole, noun_gender(noun), case)
    else:
        spoken = amount.shown.replace(".", ",")  # a Russian reply writes 1,5
    return f"{spoken} {noun_after(amount, noun, case)}"


@lru_cache(maxsize=2048)
def _numeral(word: str, case: str, gender: str) -> str:
    """One cardinal word in a case; «один»/«два» agree with the gender of what is counted."""
    if case == "accs":
        case = "nomn"  # the counted things here are inanimate: accusative = nominative
    if word == "один":
        form = {"masc": "один", "femn": "одна", "neut": "одно"}[gender]
        if case == "nomn":
            return form
        parse = next(p for p in parses("один") if p.tag.POS == "ADJF")
        inflected = parse.inflect({gender, "sing", case})
        return inflected.word if inflected is not None else form
    if word == "два" and case == "nomn":
        return "две" if gender == "femn" else "два"
    if case == "nomn":
        return word
    for parse in parses(word):
        if parse.tag.POS in ("NUMR", "NOUN") and "Abbr" not in parse.tag:
            inflected = parse.inflect({case})
            if inflected is not None:
                return inflected.word
    return word


def _hundreds(number: int, gender: str, case: str) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(number, 100)
    if hundreds:
        words.append(_numeral(_HUNDREDS[hundreds], case, gender))
    if 10 <= rest < 20:
        words.append(_numeral(_TEENS[rest - 10], case, gender))
    else:
        tens, units = divmod(rest, 10)
        if tens:
            words.append(_numeral(_TENS[tens], case, gender))
        if units:
            words.append(_numeral(_UNITS[units], case, gender))
    return words


def number_words(number: int, gender: str = "masc", case: str = "nomn") -> str:
    """A whole number in words: 1250 -> «тысяча двести пятьдесят»; 2 (femn) -> «две»."""
    if number < 0:
        return "минус " + number_words(-number, gender, case)
    if number == 0:
        return _numeral("ноль", case, "masc")
    words: list[str] = []
    rest = number
    for scale, noun in _SCALES:
        count, rest = divmod(rest, scale)
        if not count:
            continue
        scale_gender = "femn" if noun == "тысяча" else "masc"
        if count > 1 or case not in ("nomn", "accs"):
            words.extend(_hundreds(count, scale_gender, case))
        words.append(noun_after(Amount(count, "", str(count)), noun, case))
    words.extend(_hundreds(rest, gender, case))
    return " ".join(words)


def _ordinal_nominative(number: int) -> str:
    """The masculine nominative ordinal: 25 -> «двадцать пятый»; 2026 -> «две тысячи
    двадцать шестой»."""
    thousands, rest = divmod(number, 1000)
    if not rest:
        if thousands in _ORDINAL_THOUSANDS:
            return _ORDINAL_THOUSANDS[thousands]
        return number_words(thousands, "femn") + " тысячный"
    prefix = number_words(thousands * 1000, "masc") + " " if thousands else ""
    hundreds, rest2 = divmod(rest, 100)
    if not rest2:
        return prefix + _ORDINAL_HUNDREDS[hundreds]
    head = (_HUNDREDS[hundreds] + " ") if hundreds else ""
    if rest2 < 10:
        last = _ORDINAL_UNITS[rest2]
    elif rest2 < 20:
        last = _ORDINAL_TEENS[rest2 - 10]
    else:
        tens, units = divmod(rest2, 10)
        if units:
            head += _TENS[tens] + " "
            last = _ORDINAL_UNITS[units]
        else:
            last = _ORDINAL_TENS[tens]
    return prefix + head + last


@lru_cache(maxsize=1024)
def ordinal_words(number: int, gender: str = "masc", case: str = "nomn") -> str:
    """25 (neut, gent) -> «двадцать пятого»: only the last word of an ordinal declines."""
    *head, last = _ordinal_nominative(number).split(" ")
    parse = next((p for p in parses(last) if p.tag.POS == "ADJF"), None)
    wanted = {gender, "sing", "inan" if case == "accs" and gender == "masc" else case}
    wanted.add(case)
    inflected = parse.inflect(wanted) if parse is not None else None
    return " ".join([*head, inflected.word if inflected is not None else last])


_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{2,4}))?|(\d{4})-(\d{2})-(\d{2})")


def date_aloud(value: str, case: str = "nomn", today: date | None = None) -> str | None:
    """``25.11.2025`` -> «двадцать пятое ноября» (``gent``: «двадцать пятого ноября»).

    The year is read only when it is not this year. None when ``value`` is not a date.
    """
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return None
    if match.group(4):
        year, month, day = int(match.group(4)), int(match.group(5)), int(match.group(6))
    else:
        day, month = int(match.group(1)), int(match.group(2))
        year = int(match.group(3)) if match.group(3) else None
        if year is not None and year < 100:
            year += 2000
    try:
        date(year or 2000, month, day)
    except ValueError:
        return None
    words = f"{ordinal_words(day, 'neut', case)} {_MONTHS[month - 1]}"
    if year is not None and (today is None or year != today.year):
        words += f" {ordinal_words(year, 'masc', 'gent')} года"
    return words


_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


def time_aloud(value: str, case: str = "nomn") -> str | None:
    """``14:30`` -> «четырнадцать тридцать»; ``9:05`` -> «девять ноль пять»; ``14:00`` ->
    «четырнадцать ноль-ноль». None when ``value`` is not a time."""
    match = _TIME.fullmatch(value.strip())
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    spoken = number_words(hours, "masc", case)
    if minutes == 0:
        return spoken + " ноль-ноль"
    if minutes < 10:
        return f"{spoken} ноль {number_words(minutes, 'femn', case)}"
    return f"{spoken} {number_words(minutes, 'femn', case)}"


_GROUP_SPLIT = re.compile(r"[\s\-–—_/.]+")


def code_aloud(value: str, size: int = 3) -> str:
    """A code for dictation in groups: ``481-293`` -> «четыреста восемьдесят один — двести
    девяносто три»; groups with letters or a leading zero are spelled sign by sign
    (``A7K`` -> «A, семь, K»). Groups come from the separators typed, else by ``size``."""
    parts = [p for p in _GROUP_SPLIT.split(value.strip()) if p]
    if len(parts) == 1 and len(parts[0]) > size + 1:
        code = parts[0]
        parts = [code[i : i + size] for i in range(0, len(code), size)]
    spoken: list[str] = []
    for part in parts:
        if part.isdigit() and not part.startswith("0") and len(part) <= size:
            spoken.append(number_words(int(part)))
        else:
            spoken.append(
                ", ".join(_UNITS[int(c)] if c.isdigit() else match_case("A", c) for c in part)
            )
    return " — ".join(spoken)
