"""The morphology dictionary, loaded lazily and once, and small word-level helpers on it.

pymorphy3 is imported only here and only when a grammatical form is first needed: the window
starts without it, and so does every template without the agreement syntax.
"""

from __future__ import annotations

import threading
import time
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer

# Case names a template may use (Russian school abbreviations) -> OpenCorpora grammemes.
CASES: dict[str, str] = {
    "им": "nomn",
    "род": "gent",
    "дат": "datv",
    "вин": "accs",
    "твор": "ablt",
    "пред": "loct",
}


class Gender(StrEnum):
    MALE = "м"
    FEMALE = "ж"

    @property
    def grammeme(self) -> str:
        return "masc" if self is Gender.MALE else "femn"


_GENDER_ANSWERS = {
    "м": Gender.MALE,
    "m": Gender.MALE,
    "муж": Gender.MALE,
    "мужской": Gender.MALE,
    "male": Gender.MALE,
    "ж": Gender.FEMALE,
    "f": Gender.FEMALE,
    "жен": Gender.FEMALE,
    "женский": Gender.FEMALE,
    "female": Gender.FEMALE,
}


def parse_gender(answer: str) -> Gender | None:
    """What the operator typed in a gender field: м/ж (m/f, and their long forms)."""
    return _GENDER_ANSWERS.get(answer.strip().lower().rstrip("."))


_lock = threading.Lock()
_analyzer: MorphAnalyzer | None = None
load_seconds: float | None = None  # wall time of the one load, for the benchmark


def analyzer() -> MorphAnalyzer:
    """The one analyzer of the process, loaded on first call (about 0.2 s)."""
    global _analyzer, load_seconds
    if _analyzer is None:
        with _lock:
            if _analyzer is None:
                started = time.perf_counter()
                import pymorphy3

                _analyzer = pymorphy3.MorphAnalyzer(lang="ru")
                load_seconds = time.perf_counter() - started
    return _analyzer


def is_loaded() -> bool:
    return _analyzer is not None


@lru_cache(maxsize=4096)
def parses(word: str) -> tuple[Any, ...]:
    return tuple(analyzer().parse(word.lower()))


def match_case(model: str, word: str) -> str:
    """``word`` written the way ``model`` is: all capitals, capitalised or lower case."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_GENDERED_POS = {"ADJF", "ADJS", "PRTF", "PRTS", "VERB"}


@lru_cache(maxsize=2048)
def gender_form(word: str, gender: Gender) -> str | None:
    """A masculine adjective, participle or past-tense verb in ``gender``; None if it has none.

    Words written in the feminine are accepted too (``оформила`` -> ``оформил``).
    """
    lower = word.lower()
    for parse in parses(lower):
        tag = parse.tag
        if tag.POS not in _GENDERED_POS or tag.number == "plur":
            continue
        if tag.POS == "VERB" and tag.tense != "past":
            continue
        if tag.gender not in ("masc", "femn"):
            continue
        wanted = {gender.grammeme}
        if tag.POS in ("ADJF", "PRTF"):
            wanted |= {"sing", tag.case or "nomn"}
        inflected = parse.inflect(wanted)
        if inflected is not None:
            return match_case(word, inflected.word)
    return None


@lru_cache(maxsize=1024)
def noun_parse(noun: str) -> Any | None:
    """The dictionary noun ``noun`` names (nominative singular preferred), or None."""
    found = parses(noun)
    candidates = [p for p in found if p.tag.POS == "NOUN" and p.is_known]
    for parse in candidates:
        if parse.tag.case == "nomn" and parse.tag.number == "sing":
            return parse
    if candidates:
        return candidates[0]
    # Shop words the dictionary lacks (промокод, кэшбэк) are guessed from a known ending;
    # abbreviations and anything that does not look like a nominative noun are refused.
    top = found[0] if found else None
    if (
        top is not None
        and len(noun) >= 4
        and top.tag.POS == "NOUN"
        and top.tag.case == "nomn"
        and top.tag.number == "sing"
        and not {"Abbr", "Fixd"} & set(str(top.tag).replace(" ", ",").split(","))
    ):
        return top
    return None


@lru_cache(maxsize=4096)
def noun_form(noun: str, number: str, case: str) -> str | None:
    """``noun`` in ``number`` (sing/plur) and ``case``; None when it cannot be inflected."""
    parse = noun_parse(noun)
    if parse is None:
        return None
    inflected = parse.inflect({number, case})
    if inflected is None and number == "plur":
        inflected = parse.inflect({case})  # singularia tantum keep the singular
    return None if inflected is None else match_case(noun, inflected.word)


def noun_gender(noun: str) -> str:
    parse = noun_parse(noun)
    gender = parse.tag.gender if parse is not None else None
    return gender if gender in ("masc", "femn", "neut") else "masc"
