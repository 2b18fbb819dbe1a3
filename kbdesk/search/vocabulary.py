"""The index's word list: surface forms and stems, for typo correction and layout evidence.

Loaded once per opened index and grown on every upsert. Deleted documents leave their words
behind; a correction towards a word that no longer exists only costs an empty result.
"""

from __future__ import annotations

import bisect
import itertools
import os
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from kbdesk.search.text import remember_stems, stem

# Typos are corrected only in words this long: shorter words have too many neighbours.
MIN_TYPO_LENGTH = 5
# One wrong, missing, extra or swapped letter. OSA counts a swap as one edit, Levenshtein as two.
MAX_TYPO_DISTANCE = 1
# A stem and a stem that extends it by this many letters count as one word family: Snowball cuts
# "отмена" to "отм" but "отменить" to "отмен".
FAMILY_SPAN = 2
MIN_FAMILY_STEM = 3
# Verb prefixes that make a derivation of the same root (забронировать / бронирование,
# доплатить / оплата). A stem is linked to the stems of its unprefixed root only when that root
# keeps this many letters: shorter roots (по-каз, у-ход) join unrelated words.
PREFIXES = ("пере", "под", "пред", "при", "про", "раз", "рас", "вы", "до", "за", "из", "на",
            "об", "от", "по", "с", "у")
MIN_PREFIXED_ROOT = 6


class Vocabulary:
    """Surface forms with document frequencies, plus the stems derived from them."""

    def __init__(self, counts: dict[str, int] | None = None) -> None:
        self._counts: dict[str, int] = {}
        self._sorted_words: list[str] = []
        self._stems: dict[str, int] = {}  # stem -> summed frequency of its surface forms
        self._sorted_stems: list[str] = []
        # Typo candidates by (length, letter at position 0 or 1): a word one edit away shares its
        # first or second letter with the typed word, in one of those positions (a swap of the
        # first two swaps them). Comparing only those is an order of magnitude less work.
        self._by_start: dict[tuple[int, int, str], list[str]] = {}
        if counts:
            self._counts = dict(counts)
            self._sorted_words = sorted(self._counts)
            for word, n in self._counts.items():
                word_stem = stem(word)
                self._stems[word_stem] = self._stems.get(word_stem, 0) + n
            self._sorted_stems = sorted(self._stems)
            for word in self._sorted_words:
                self._index_start(word)

    def __len__(self) -> int:
        return len(self._counts)

    def __contains__(self, word: object) -> bool:
        return word in self._counts

    def words(self) -> list[str]:
        return list(self._counts)

    def count(self, word: str) -> int:
        return self._counts.get(word, 0)

    def add(self, words: Iterable[str]) -> list[str]:
        """Counts each distinct word once (one call per document); returns the new ones."""
        new: list[str] = []
        for word in set(words):
            word_stem = stem(word)
            if word_stem not in self._stems:
                self._stems[word_stem] = 0
                bisect.insort(self._sorted_stems, word_stem)
            self._stems[word_stem] += 1
            if word in self._counts:
                self._counts[word] += 1
                continue
            self._counts[word] = 1
            new.append(word)
            bisect.insort(self._sorted_words, word)
            self._index_start(word)
        return new

    def _index_start(self, word: str) -> None:
        for position in range(min(2, len(word))):
            self._by_start.setdefault((len(word), position, word[position]), []).append(word)

    def knows(self, word: str) -> bool:
        """The word or another form of it occurs somewhere."""
        return word in self._counts or stem(word) in self._stems

    def has_prefix(self, prefix: str) -> bool:
        i = bisect.bisect_left(self._sorted_words, prefix)
        return i < len(self._sorted_words) and self._sorted_words[i].startswith(prefix)

    def expand(self, prefix: str, limit: int) -> list[str]:
        """Stems of the known words starting with the prefix, the most frequent first, at most
        `limit`.

        Expanding ourselves (rather than an engine-side prefix query) bounds the work a short
        prefix can cause and lets snippets and the fallback mark exactly what was searched.
        The stems come from the words the prefix begins, not from the prefix's own stem:
        Snowball cuts "упом" to "уп", and "уп..." stems (упаковка) are not what was typed.
        """
        found: set[str] = set()
        i = bisect.bisect_left(self._sorted_words, prefix)
        while i < len(self._sorted_words) and self._sorted_words[i].startswith(prefix):
            found.add(stem(self._sorted_words[i]))
            i += 1
        return sorted(found, key=lambda s: (-self._stems.get(s, 0), s))[:limit]

    def family(self, word_stem: str, longer: bool = True, limit: int = 6) -> list[str]:
        """Stems within FAMILY_SPAN letters of this one that it extends (or that extend it),
        and of its root without a verb prefix (`PREFIXES`)."""
        if len(word_stem) < MIN_FAMILY_STEM:
            return []
        found = self._near(word_stem, longer, limit)
        for prefix in PREFIXES:
            root = word_stem[len(prefix):]
            if word_stem.startswith(prefix) and len(root) >= MIN_PREFIXED_ROOT:
                if root in self._stems:
                    found.append(root)
                found.extend(s for s in self._near(root, True, limit) if s not in found)
                break
        return [s for s in found if s != word_stem][:limit]

    def _near(self, word_stem: str, longer: bool, limit: int) -> list[str]:
        found: list[str] = []
        for cut in range(max(MIN_FAMILY_STEM, len(word_stem) - FAMILY_SPAN), len(word_stem)):
            if word_stem[:cut] in self._stems:
                found.append(word_stem[:cut])
        i = bisect.bisect_right(self._sorted_stems, word_stem)
        while longer and i < len(self._sorted_stems) and len(found) < limit:
            other = self._sorted_stems[i]
            if not other.startswith(word_stem):
                break
            if len(other) - len(word_stem) <= FAMILY_SPAN:
                found.append(other)
            i += 1
        return found

    def corrections(self, word: str, limit: int = 3) -> list[str]:
        """Known words one edit away (swap included), the most frequent first."""
        if len(word) < MIN_TYPO_LENGTH or word.isdigit():
            return []
        scored: list[tuple[int, int, str]] = []
        seen: set[str] = set()
        for length in range(len(word) - MAX_TYPO_DISTANCE, len(word) + MAX_TYPO_DISTANCE + 1):
            for position, letter in itertools.product((0, 1), {word[0], word[1]}):
                candidates = self._by_start.get((length, position, letter))
                if not candidates:
                    continue
                for found, distance, _ in process.extract_iter(
                    word, candidates, scorer=OSA.distance, score_cutoff=MAX_TYPO_DISTANCE
                ):
                    if found not in seen:
                        seen.add(found)
                        scored.append((int(distance), -self._counts.get(found, 0), found))
        scored.sort()
        return [w for _, _, w in scored[:limit]]

    # Persistence: one "word<TAB>count" per line. New words are appended, so an upsert never
    # rewrites the whole list; a torn last line after a crash is skipped on load.
    def save(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(f"{w}\t{n}\t{stem(w)}\n" for w, n in self._counts.items())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    @staticmethod
    def append(path: Path, new_words: Iterable[str]) -> None:
        lines = [f"{w}\t1\t{stem(w)}\n" for w in new_words]
        if lines:
            with open(path, "a", encoding="utf-8") as fh:
                fh.writelines(lines)

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        """The saved vocabulary, with each form's key as it was indexed: recomputing them
        meant a dictionary parse per form on every open (seconds at 10,000 items)."""
        counts: dict[str, int] = {}
        stems: dict[str, str] = {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word, _, rest = line.rstrip("\n").partition("\t")
                number, _, key = rest.partition("\t")
                if word and number.isdigit():
                    counts[word] = counts.get(word, 0) + int(number)
                    if key:
                        stems[word] = key
        remember_stems(stems)
        return cls(counts)
