"""Masking of personal data in search queries before anything is stored."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Card numbers: 13-19 digits, optionally grouped by spaces or hyphens.
_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
# Phone numbers: +7 (999) 123-45-67, 8 999 123 45 67, 89991234567, +44 20 7946 0958 ...
_PHONE = re.compile(r"(?<![\w])\+?\d[\d ()\-]{8,}\d(?!\d)")
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s<>]+", re.UNICODE)


def mask_pii(text: str) -> str:
    """Replace e-mail addresses, card numbers and phone numbers with placeholders."""
    text = _EMAIL.sub("<email>", text)
    text = _CARD.sub(_card_or_phone, text)
    return _PHONE.sub(_phone, text)


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _card_or_phone(match: re.Match[str]) -> str:
    digits = _digits(match.group())
    if digits >= 13:
        return "<card>"
    return match.group()


def _phone(match: re.Match[str]) -> str:
    return "<phone>" if 10 <= _digits(match.group()) <= 15 else match.group()


def normalize_query(text: str) -> str:
    """Masked, lower case, ё→е, punctuation dropped, spaces collapsed: for grouping queries."""
    text = mask_pii(text).lower().replace("ё", "е")
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()
