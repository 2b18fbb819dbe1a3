"""The agreement forms a placeholder may ask for: ``{{source: form}}``.

This module reads the form (syntax only, no dictionary) and produces the words (dictionary,
loaded on first use). The placeholder language itself lives in :mod:`kbdesk.templating`.

Forms, after the colon:

- ``уважаемый/уважаемая`` — the masculine or the feminine text, by the gender of the person
  the source names (``client_name`` → field ``client_gender``; ``operator`` → ``operator_gender``).
- ``оформил`` (one or more words) — the same words, put in the feminine when needed.
- ``# балл`` — the number followed by the noun in agreement: «5 баллов», «1,5 балла»;
  ``# рубль`` also reads kopecks. With ``словами`` the number is spelled out.
- ``дат`` (``им род дат вин твор пред``) — a name or a spoken number, date or time in a case.
- ``имя``, ``имя_отчество``, ``фио``, ``фамилия``, ``обращение`` — which parts of a name;
  ``обращение`` follows the channel's greeting style: the team's choice (a lead sets one of
  :data:`TEAM_STYLES` per channel in File → Settings; the services pass it in
  ``RenderContext.greetings``), else :data:`DEFAULT_GREETINGS` (chat: first name; phone and
  e-mail: first name and patronymic).
- ``словами`` — a number, date (25.11.2025) or time (14:30) as words, for reading aloud.
- ``группами`` — a code in groups for dictation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from kbdesk.russian.morph import CASES, Gender, gender_form, noun_parse, parse_gender
from kbdesk.russian.names import STYLES, gender_of_name, greeting_name
from kbdesk.russian.numbers import (
    agree_count,
    code_aloud,
    date_aloud,
    number_words,
    parse_amount,
    time_aloud,
)

GREETING = "обращение"
# The team's greeting style per channel; a channel without an entry uses the last one.
DEFAULT_GREETINGS: Mapping[str, str] = {
    "chat": "имя",
    "phone": "имя_отчество",
    "email": "имя_отчество",
}
_NO_CHANNEL_STYLE = "имя_отчество"
# The styles a team may choose for a channel's greeting (the settings table holds one each).
TEAM_STYLES: tuple[str, ...] = ("имя", "имя_отчество", "фио")
ALOUD = "словами"
GROUPS = "группами"
COUNT = "#"
OPERATOR_GENDER = "operator_gender"  # the field of ``{{operator: …}}`` forms


@dataclass(frozen=True, slots=True)
class Spec:
    """A parsed form. Exactly one of the kinds applies; see :attr:`kind`."""

    text: str
    pair: tuple[str, str] | None = None
    words: tuple[str, ...] = ()
    noun: str = ""
    case: str = "nomn"
    style: str = ""
    aloud: bool = False
    groups: bool = False

    @property
    def kind(self) -> str:
        if self.pair is not None or self.words:
            return "gender"
        if self.noun:
            return "count"
        if self.groups:
            return "code"
        if self.aloud:
            return "aloud"
        return "name"


def parse_spec(text: str) -> tuple[Spec | None, str]:
    """Read a form; on a mistake return None and what is wrong."""
    text = " ".join(text.split())
    if not text:
        return None, "nothing after ':'"
    if "/" in text:
        masculine, _, feminine = (part.strip() for part in text.partition("/"))
        if not masculine or not feminine or "/" in feminine:
            return None, "write the two forms as 'masculine/feminine'"
        return Spec(text, pair=(masculine, feminine)), ""
    tokens = text.split(" ")
    words: list[str] = []
    fields: dict[str, object] = {}
    index = 0
    while index < len(tokens):
        token, lower = tokens[index], tokens[index].lower()
        key: str | None = None
        value: object = True
        if lower in CASES:
            key, value = "case", CASES[lower]
        elif lower == ALOUD:
            key = "aloud"
        elif lower == GROUPS:
            key = "groups"
        elif lower in STYLES or lower == GREETING:
            key, value = "style", lower
        elif token.startswith(COUNT):
            noun = token[1:] or (tokens[index + 1] if index + 1 < len(tokens) else "")
            if not noun or noun.startswith(COUNT):
                return None, "'#' needs the noun to count, e.g. '# балл'"
            index += 0 if token[1:] else 1
            key, value = "noun", noun
        else:
            words.append(token)
        if key is not None:
            if key in fields:
                return None, f"{token!r} repeats what the form already says"
            fields[key] = value
        index += 1
    if words and fields:
        return None, f"{' '.join(words)!r} is not a known form word here"
    if fields.get("groups") and len(fields) > 1:
        return None, f"'{GROUPS}' stands alone"
    if "style" in fields and ("aloud" in fields or "noun" in fields):
        return None, "a name form cannot be combined with numbers"
    return Spec(text, words=tuple(words), **fields), ""  # type: ignore[arg-type]


def team_greetings(stored: Mapping[str, str]) -> dict[str, str]:
    """The greeting style of every channel: the team's choice, else the default.

    A stored value that is not one of :data:`TEAM_STYLES` (or a channel this version does not
    know) is ignored rather than trusted, so a bad row can never break a reply.
    """
    return {
        channel: stored[channel] if stored.get(channel) in TEAM_STYLES else default
        for channel, default in DEFAULT_GREETINGS.items()
    }


def gender_key(source: str) -> str:
    """The field that holds the gender of the person ``source`` names."""
    if source in ("operator", "оператор"):
        return OPERATOR_GENDER
    for suffix in ("_name", "_имя"):
        if source.endswith(suffix) and len(source) > len(suffix):
            source = source[: -len(suffix)]
            break
    if source.isascii():
        return f"{source}_gender"
    return f"пол_{source}"


def implied_gender(name: str, profile: str = "") -> tuple[Gender | None, str]:
    """What an empty gender field stands for, and what says so: ``"profile"`` (the gender
    the person set for themselves, e.g. the operator in Settings), ``"name"``, or ``""`` when
    nothing tells and the field must be answered."""
    stored = parse_gender(profile) if profile else None
    if stored is not None:
        return stored, "profile"
    told = gender_of_name(name)
    return (told, "name") if told is not None else (None, "")


def resolve_gender(answer: str, name: str, profile: str = "") -> Gender | None:
    """The answer in the gender field wins; else the person's own setting; else the name."""
    if answer.strip():
        return parse_gender(answer)
    return implied_gender(name, profile)[0]


def gendered(spec: Spec, gender: Gender) -> str:
    if spec.pair is not None:
        return spec.pair[0] if gender is Gender.MALE else spec.pair[1]
    return " ".join(gender_form(word, gender) or word for word in spec.words)


def apply(
    spec: Spec,
    value: str,
    channel: str | None,
    greetings: Mapping[str, str] | None,
    today: date | None,
) -> str:
    """The words a non-gender form makes of ``value``; anything it cannot read stays as typed."""
    if spec.kind == "count":
        return agree_count(value, spec.noun, spec.case, spec.aloud)
    if spec.kind == "code":
        return code_aloud(value)
    if spec.kind == "aloud":
        spoken = date_aloud(value, spec.case, today) or time_aloud(value, spec.case)
        if spoken is not None:
            return spoken
        amount = parse_amount(value)
        if amount is not None and not amount.fraction:
            return number_words(amount.whole, "masc", spec.case)
        return value
    style = spec.style or GREETING
    if style == GREETING:
        table = greetings if greetings is not None else DEFAULT_GREETINGS
        style = table.get(channel or "", _NO_CHANNEL_STYLE)
    return greeting_name(value, style, spec.case)


def problems(spec: Spec) -> list[tuple[str, str]]:
    """Words the dictionary cannot use: ('gender', word) or ('noun', word). Loads it."""
    found: list[tuple[str, str]] = []
    for word in spec.words:
        if gender_form(word, Gender.FEMALE) is None:
            found.append(("gender", word))
    if spec.noun and noun_parse(spec.noun) is None:
        found.append(("noun", spec.noun))
    return found
