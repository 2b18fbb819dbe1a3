"""Dictionary lemmas (pymorphy3 with its Russian dictionary) for the word keys of `text.stem`.

Snowball cuts endings by rule, so one word's forms can land on different stems (звонок/звонка,
ребёнок/ребенку, людей/человек, лучше/хороший, шёл/идти) and a query in one form misses a text
in another. A dictionary lemma joins every inflected form of a known word exactly; the key is
then the Snowball stem of the lemma, so verbs and nouns of one family still meet the way they
did (доплата/доплатить -> "доплат"), and `Vocabulary.family` keeps linking near stems.

Only a word the dictionary knows as it stands gets its lemma. Guessed parses (unknown words,
unfinished prefixes such as "продлени", brand names) keep their Snowball stem: a guess of
pymorphy's for a half-typed word turned "достав" into "достать".

Cost, measured: loading the dictionary 0.23 s and ~25 MB RSS, once per process, on the first
Cyrillic word; a parse ~34 us, once per distinct word form (`text.stem` caches per form).
"""

from __future__ import annotations

import threading
from typing import Any

# Switched off by benchmarks/relevance.py --ablate lemmas, to measure what the lemmas buy.
ENABLED = True

_lock = threading.Lock()
_analyzer: Any = None
_unavailable = False


def _load() -> Any:
    global _analyzer, _unavailable
    with _lock:
        if _analyzer is None and not _unavailable:
            try:
                import pymorphy3
                from pymorphy3.units import DictionaryAnalyzer
            except ImportError:  # a build without the dictionary: Snowball alone, as before
                _unavailable = True
                return None
            # The dictionary alone: guesses for unknown words are never used here, and the
            # guessing units cost 225 against 34 us a word over the 46,000 forms of the 10,000
            # item benchmark corpus (most of them unknown to the dictionary).
            _analyzer = pymorphy3.MorphAnalyzer(units=[DictionaryAnalyzer()])
    return _analyzer


def lemma(word: str) -> str | None:
    """The dictionary form of a folded Cyrillic word the dictionary knows, else None."""
    if not ENABLED:
        return None
    analyzer = _analyzer if _analyzer is not None else _load()
    if analyzer is None:
        return None
    parses = analyzer.parse(word)
    if not parses:
        return None
    return str(parses[0].normal_form).replace("ё", "е")


def is_real_word(word: str) -> bool:
    """The dictionary knows this folded Cyrillic word as it stands (not a guess)."""
    return lemma(word) is not None
