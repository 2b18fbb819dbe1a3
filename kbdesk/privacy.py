"""Masking of personal data in what operators type, before anything is stored or shown.

One function, `mask_pii`, used by every path that keeps typed text (the search log, usage
events, the normalised query columns and what the content-gaps table shows from them). It
recognises the forms people actually type:

- cards, phones and long account numbers as one run of digits joined by up to three
  separators of any kind (spaces, tabs, ``.``, ``,``, ``/``, ``-``, dashes, brackets), glued to
  letters or not (``тел89991234567``), in any script's digits;
- passport, contract, policy and account numbers after a keyword (``паспорт``, ``серия``,
  ``номер``, ``№``, ``договор``, ``полис``, ``л/с`` ...), letters included (``Д-12345/24``);
- e-mail addresses, Cyrillic ones too (``иван@почта.рф``), ``(at)`` and spaces around ``@``.

Linear time by construction: every pattern consumes a run possessively from its first
character (a digit, or a look-behind that fails at once inside a run), and every look-ahead
or keyword tail is bounded in length, so no input makes the engine backtrack over what it
has read. The old patterns
backtracked quadratically: 32,767 pasted digits froze the window for 31 s; 10^6 digits now
take a few milliseconds (benchmarks/faults_bench.py).
"""

from __future__ import annotations

import re

# Separators people put between digit groups: spaces of every width, tabs, dots, commas,
# slashes, hyphens and dashes, brackets, underscores, asterisks.
_SEP = r"[\s.,/\\_*()\-\u2010-\u2015\u2212]"
# A run of digits with at most three separators between two of them, and at least seven
# digits (checked by a bounded look-ahead, so short numbers cost no Python call). It starts
# with a digit, which lets the engine skip ahead to candidates at C speed; possessive, so a
# failed continuation never rescans what the run consumed.
_RUN = re.compile(rf"\d(?=(?:{_SEP}{{0,3}}+\d){{6}})\d*+(?:{_SEP}{{1,3}}+\d++)*+")
_GROUP = re.compile(r"\d+")

_LOCAL = r"(?<![\w.+\-])[\w.+\-]++"
_DOMAIN_DOTTED = r"[\w\-]++(?:\s{0,2}+\.\s{0,2}+[\w\-]++)++"
_AT = r"(?:@|\([Aa][Tt]\)|\[[Aa][Tt]\])"
_EMAIL = re.compile(
    rf"{_LOCAL}(?:@[\w\-]++(?:\.[\w\-]++)*+|\s{{0,2}}+{_AT}\s{{0,2}}+{_DOMAIN_DOTTED})"
)
_AT_WORDS = ("(at)", "[at]")


def _either_case(word: str) -> str:
    """A keyword in any letter case, spelled so the pattern still starts with a plain class
    (IGNORECASE would cost a slow path at every position of the text)."""
    return "".join(f"[{ch.upper()}{ch.lower()}]" if ch.isalpha() else re.escape(ch) for ch in word)


_KEYWORDS = (
    "паспорт",
    "серия",
    "серии",
    "сер.",
    "номер",
    "ном.",
    "№",
    "#",
    "no.",
    "nr.",
    "договор",
    "дог.",
    "контракт",
    "полис",
    "снилс",
    "инн",
    "счет",
    "счёт",
    "л/с",
)
# An identifier after a keyword: up to two short tokens, each holding a digit (a series and a
# number); bounded, so a keyword costs a constant however long the text after it.
_TOKEN = r"[\w/.\-]{0,40}\d[\w/.\-]{0,40}"
_KEYWORD_HINTS = tuple(k.lower() for k in _KEYWORDS)
_KEYWORD_ID = re.compile(
    "(?P<key>(?:" + "|".join(_either_case(k) for k in _KEYWORDS) + r")\w{0,4})"
    rf"(?P<gap>[\s:№#]{{0,4}})(?<![\w/.\-])(?P<id>{_TOKEN}(?:[ \t]{{1,2}}{_TOKEN})?)"
    r"(?![\w/.\-])"
)

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s<>]+", re.UNICODE)


def mask_pii(text: str) -> str:
    """Replace e-mails, cards, phones, passport/contract/account numbers with placeholders."""
    if not text:
        return text
    # Substring tests run at memory speed: the slower patterns run only when they can match.
    lowered = text.lower()
    if "@" in text or any(word in lowered for word in _AT_WORDS):
        text = _EMAIL.sub("<email>", text)
    text = _mask_runs(text)
    if any(word in lowered for word in _KEYWORD_HINTS):
        text = _KEYWORD_ID.sub(_keyword_id, text)
    return text


def _mask_runs(text: str) -> str:
    parts: list[str] = []
    last = 0
    for match in _RUN.finditer(text):
        start, end = match.span()
        plus = start > last and text[start - 1] == "+"
        label = _run_label(match.group(), plus)
        if label is None:
            continue
        parts.append(text[last : start - plus])
        parts.append(label)
        last = end
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _count_digits(run: str) -> int:
    if run.isascii():
        return sum(map(run.count, "0123456789"))
    return sum(ch.isdigit() for ch in run)  # other scripts' digits: rare, still linear


def _run_label(run: str, plus: bool) -> str | None:
    count = _count_digits(run)
    if count >= 20:
        return "<number>"  # bank accounts (20 digits) and anything longer
    if count >= 13:
        return "<phone>" if plus else "<card>"
    groups = [len(g) for g in _GROUP.findall(run)]
    if count >= 10:
        return "<passport>" if groups in ([4, 6], [2, 2, 6]) and not plus else "<phone>"
    # 7 to 9 digits: a local phone written in groups, 123-45-67 or 8 123 45 67 (a date such
    # as 12.03.2024 is not one).
    if plus or groups[-3:] == [3, 2, 2]:
        return "<phone>"
    return None


def _keyword_id(match: re.Match[str]) -> str:
    start = match.start()
    if start and match.string[start - 1].isalnum():
        return match.group()  # inside a word ("длИННый"), not a keyword
    return f"{match.group('key')}{match.group('gap') or ' '}<id>"


def normalize_query(text: str) -> str:
    """Masked, lower case, ё→е, punctuation dropped, spaces collapsed: for grouping queries.

    Masked again after normalising: dropping punctuation can join what the first pass saw as
    separate groups (``4111,,,,1111`` becomes ``4111 1111``).
    """
    text = mask_pii(text).lower().replace("ё", "е")
    text = _PUNCT.sub(" ", text)
    return mask_pii(_SPACES.sub(" ", text).strip())
