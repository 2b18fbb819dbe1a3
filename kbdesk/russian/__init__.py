"""Russian grammar for replies: gender from names, names in any case, number agreement and
read-aloud words for numbers, sums, dates, times and codes.

A plain package (no database, no Qt). The morphology dictionary (pymorphy3 with its Russian
dictionary, about 16 MB on disk) is loaded on first use, once per process, never on the
window's start-up path: :mod:`kbdesk.russian.morph` says how long that took. Measured with
``benchmarks/grammar_bench.py``: about 0.1 s and 23 MB of memory on first use, then well
under a millisecond per inflected word (results are cached).
"""

from __future__ import annotations

from kbdesk.russian.morph import CASES, Gender, parse_gender
from kbdesk.russian.names import PersonName, gender_of_name, greeting_name, parse_name
from kbdesk.russian.numbers import agree_count, code_aloud, date_aloud, number_words, time_aloud

__all__ = [
    "CASES",
    "Gender",
    "PersonName",
    "agree_count",
    "code_aloud",
    "date_aloud",
    "gender_of_name",
    "greeting_name",
    "number_words",
    "parse_gender",
    "parse_name",
    "time_aloud",
]
