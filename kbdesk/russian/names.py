"""People's names: which part is which, the gender they tell, and the name in any case.

Whatever the operator typed is accepted: «Иванов Иван Иванович», «Иван Иванович Иванов»,
«ИВАНОВ И.И.», «иван». The patronymic decides the gender when there is one (its ending is
unambiguous); otherwise the first name does, through the dictionary's Name entries, unless
it is common to both (Саша, Женя, Валя: tagged ``ms-f``) or unknown; a surname with a
gendered ending (-ов/-ова, -ский/-ская, -ин/-ина) settles what is left. Anything else is
unknown, and the template asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kbdesk.russian.morph import Gender, parses

_PATRONYMIC_MALE = re.compile(r"(?:ович|евич|ьич|ич)$")
_PATRONYMIC_FEMALE = re.compile(r"(?:овна|евна|ична|инична)$")
_SURNAME_MALE = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ской|цкой)$")
_SURNAME_FEMALE = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?|[^\W\d_]")
_SPLIT = re.compile(r"[\s,]+")

# Endings by case for the regular families, as (nominative ending, {case: ending}).
_PATRONYMIC_ENDINGS = {
    Gender.MALE: ("", {"gent": "а", "datv": "у", "accs": "а", "ablt": "ем", "loct": "е"}),
    Gender.FEMALE: ("а", {"gent": "ы", "datv": "е", "accs": "у", "ablt": "ой", "loct": "е"}),
}
_SURNAME_ENDINGS: tuple[tuple[re.Pattern[str], str, dict[str, str]], ...] = (
    (
        re.compile(r"(?:ов|ев|ёв|ин|ын)$"),
        "",
        {"gent": "а", "datv": "у", "accs": "а", "ablt": "ым", "loct": "е"},
    ),
    (
        re.compile(r"(?:ова|ева|ёва|ина|ына)$"),
        "а",
        {"gent": "ой", "datv": "ой", "accs": "у", "ablt": "ой", "loct": "ой"},
    ),
    (
        re.compile(r"(?:ский|цкий)$"),
        "ий",
        {"gent": "ого", "datv": "ому", "accs": "ого", "ablt": "им", "loct": "ом"},
    ),
    (
        re.compile(r"(?:ская|цкая)$"),
        "ая",
        {"gent": "ой", "datv": "ой", "accs": "ую", "ablt": "ой", "loct": "ой"},
    ),
)


@dataclass(frozen=True, slots=True)
class PersonName:
    """The parts of a typed name, each in the nominative, capitalised."""

    first: str = ""
    patronymic: str = ""
    surname: str = ""
    initials: str = ""  # «И. И.» when only initials were typed
    gender: Gender | None = None
    raw: str = ""


def _capitalise(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _name_genders(word: str) -> set[str]:
    """Genders the dictionary gives ``word`` as a first name in the nominative."""
    found: set[str] = set()
    for parse in parses(word):
        tag = parse.tag
        if "Name" in tag and tag.case == "nomn" and tag.number != "plur" and parse.is_known:
            found.add(str(tag.gender))
    return found


def _patronymic_gender(word: str) -> Gender | None:
    lower = word.lower()
    if len(lower) < 5:
        return None
    if _PATRONYMIC_FEMALE.search(lower):
        return Gender.FEMALE
    if _PATRONYMIC_MALE.search(lower):
        return Gender.MALE
    return None


def _surname_gender(word: str) -> Gender | None:
    lower = word.lower()
    if _SURNAME_FEMALE.search(lower):
        return Gender.FEMALE
    if _SURNAME_MALE.search(lower):
        return Gender.MALE
    return None


def _gender_of_first(word: str) -> Gender | None:
    genders = _name_genders(word)
    if genders == {"masc"}:
        return Gender.MALE
    if genders == {"femn"}:
        return Gender.FEMALE
    return None  # common to both (ms-f), both genders, or not a known name


@lru_cache(maxsize=1024)
def parse_name(text: str) -> PersonName:
    """Split a typed name into its parts and tell its gender when the parts do."""
    tokens = [t for t in _SPLIT.split(text.strip()) if t]
    initials = [t for t in tokens if _INITIALS.fullmatch(t)]
    words = [t for t in tokens if not _INITIALS.fullmatch(t)]
    first = patronymic = ""
    first_at = next((i for i, w in enumerate(words) if _name_genders(w)), None)
    if first_at is None and len(words) == 1 and not initials:
        first_at = 0  # a lone unknown word is most likely a first name
    if first_at is not None:
        first = words[first_at]
        after = words[first_at + 1] if first_at + 1 < len(words) else ""
        if after and _patronymic_gender(after) is not None:
            patronymic = after
        rest = [w for i, w in enumerate(words) if i != first_at and w != patronymic]
    else:
        rest = words
    gender = (
        (_patronymic_gender(patronymic) if patronymic else None)
        or (_gender_of_first(first) if first else None)
        or (_surname_gender(rest[-1]) if rest else None)
    )
    letters = "".join(i.replace(".", "") for i in initials)
    return PersonName(
        first=_capitalise(first),
        patronymic=_capitalise(patronymic),
        surname=" ".join(_capitalise(w) for w in rest),
        initials=" ".join(f"{c.upper()}." for c in letters),
        gender=gender,
        raw=text.strip(),
    )


def gender_of_name(text: str) -> Gender | None:
    """The gender a typed name tells, or None when it is ambiguous or unknown."""
    return parse_name(text).gender if text.strip() else None


def _with_ending(word: str, stem_cut: str, ending: str) -> str:
    stem = word[: len(word) - len(stem_cut)] if stem_cut else word
    return stem + ending


@lru_cache(maxsize=2048)
def _first_in_case(word: str, gender: Gender | None, case: str) -> str:
    candidates = [
        p
        for p in parses(word)
        if "Name" in p.tag and p.tag.case == "nomn" and p.tag.number != "plur" and p.is_known
    ]
    if gender is not None:
        candidates.sort(key=lambda p: p.tag.gender not in (gender.grammeme, "ms-f"))
    for parse in candidates:
        inflected = parse.inflect({case, "sing"})
        if inflected is not None:
            return _capitalise(inflected.word)
    return word  # an unknown name is left as typed rather than guessed


def _patronymic_in_case(word: str, case: str) -> str:
    gender = _patronymic_gender(word)
    if gender is None:
        return word
    cut, endings = _PATRONYMIC_ENDINGS[gender]
    return _with_ending(word, cut, endings.get(case, cut))


@lru_cache(maxsize=2048)
def _surname_in_case(word: str, gender: Gender | None, case: str) -> str:
    lower = word.lower()
    for pattern, cut, endings in _SURNAME_ENDINGS:
        if pattern.search(lower):
            return _with_ending(word, cut, endings.get(case, cut))
    if gender is Gender.FEMALE and not lower.endswith(("а", "я")):
        return word  # Мария Шевчук: a woman's surname on a consonant does not decline
    for parse in parses(lower):
        if "Surn" in parse.tag and parse.tag.case == "nomn" and parse.is_known:
            wanted = {case, "sing"} | ({gender.grammeme} if gender else set())
            inflected = parse.inflect(wanted)
            if inflected is not None:
                return _capitalise(inflected.word)
    return word


# How a person is addressed: which parts, in the order they are written.
STYLES: dict[str, tuple[str, ...]] = {
    "имя": ("first",),
    "имя_отчество": ("first", "patronymic"),
    "фио": ("surname", "first", "patronymic"),
    "фамилия": ("surname", "initials"),
}


def greeting_name(text: str, style: str = "имя_отчество", case: str = "nomn") -> str:
    """The name in ``style`` (see :data:`STYLES`) and ``case``: «Ивану Петровичу».

    A part that was not typed is skipped; without a first name the surname and initials
    are used, and with nothing recognisable the text comes back as typed.
    """
    name = parse_name(text)
    parts = STYLES.get(style, STYLES["имя_отчество"])
    if not name.first:
        parts = ("surname", "initials")
    if not name.first and not name.surname:
        return name.raw
    out: list[str] = []
    for part in parts:
        if part == "first" and name.first:
            out.append(_first_in_case(name.first, name.gender, case))
        elif part == "patronymic" and name.patronymic:
            out.append(_patronymic_in_case(name.patronymic, case))
        elif part == "surname" and name.surname:
            out.append(
                " ".join(_surname_in_case(w, name.gender, case) for w in name.surname.split())
            )
        elif part == "initials" and name.initials:
            out.append(name.initials)
    return " ".join(out) or name.raw
