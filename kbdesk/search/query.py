"""Turns what the operator typed into an engine-neutral plan.

A plan is an AND of clauses; a clause is an OR of options; an option is an AND of atoms (one
atom per word, several for a multi-word synonym). Both the Whoosh index and the fallback scan
execute the same plans, so they agree on word forms, prefixes, typos, layouts and synonyms.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from kbdesk.search import text as text_module
from kbdesk.search.morph import is_real_word
from kbdesk.search.text import STOP_WORDS, stem, switch_layout, words
from kbdesk.search.vocabulary import Vocabulary
from kbdesk.search.weights import CORRECTED_WEIGHT, SYNONYM_WEIGHT

# Content words searched for at most; a typed question may be longer (its filler is dropped
# first), so more typed words are read.
MAX_QUERY_WORDS = 12
MAX_TYPED_WORDS = 32
# Bodies are prefix-searched only from this many letters on (shorter prefixes go through the
# title/tags n-grams), and through at most this many of the most frequent matching stems.
MIN_BODY_PREFIX = 4
MAX_EXPANSIONS = 16


@dataclass(frozen=True)
class Atom:
    word: str  # folded surface form
    stem: str
    prefix: bool  # the unfinished last word: matches as a prefix
    weight: float = 1.0
    family: tuple[str, ...] = ()  # related stems (Vocabulary.family), at weights.FAMILY_WEIGHT
    expansions: tuple[str, ...] = ()  # body stems a long enough prefix stands for

    def stems(self) -> set[str]:
        return {self.stem, *self.family, *self.expansions}


@dataclass(frozen=True)
class Clause:
    options: tuple[tuple[Atom, ...], ...]


@dataclass(frozen=True)
class Plan:
    clauses: tuple[Clause, ...]
    reading: str
    layout_switched: bool
    corrected: bool
    # Stop words the operator typed: never required, but a title that contains them too ("не")
    # is the closer match.
    optional: tuple[Atom, ...] = ()

    def atoms(self) -> list[Atom]:
        return [a for c in self.clauses for option in c.options for a in option]


class _Lazy:
    def __init__(self, build: Callable[[], Plan]) -> None:
        self._build: Callable[[], Plan] | None = build
        self._plan: Plan | None = None

    def get(self) -> Plan:
        if self._build is not None:
            self._plan, self._build = self._build(), None
        assert self._plan is not None
        return self._plan


class _Readings(Sequence[Plan]):
    """Readings in order, each planned on first access."""

    def __init__(self, items: list[_Lazy]) -> None:
        self._items = items

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> Plan:  # type: ignore[override]
        return self._items[index].get()

    def __iter__(self) -> Iterator[Plan]:
        return (item.get() for item in self._items)


def _matchable_apart(phrase: tuple[str, ...]) -> bool:
    """Whether a synonym phrase may stand in for another word as a bag of its words.

    Alternatives are matched word by word, not as adjacent phrases (the body keeps no
    positions), so a phrase with a stop word in it would match that word anywhere: with
    "не привезли" standing for "задерживается", every text holding "не" and "привезли" apart
    ("привезли не тот заказ") came up. Such a phrase still works when it is typed: it then
    stands for the others. A team's own groups are trusted as written.
    """
    return len(phrase) == 1 or not any(word in STOP_WORDS for word in phrase)


class Planner:
    def __init__(self, vocabulary: Callable[[], Vocabulary]) -> None:
        self._vocabulary = vocabulary
        self._synonyms: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        self._synonym_stems: frozenset[str] = frozenset()
        self._longest_synonym = 1
        # Linking the groups stems every phrase, which loads the Russian dictionary (~0.5 s at
        # start-up with the shipped groups): done on first use, or ahead of it by `prepare()`
        # on a worker thread, never by merely opening a desk.
        self._pending: tuple[list[list[str]], list[list[str]]] | None = None
        self._linking = threading.Lock()

    def set_synonyms(
        self, groups: Sequence[Sequence[str]], colloquial: Sequence[Sequence[str]] = ()
    ) -> None:
        """The team's groups (every phrase stands for every other) and the shipped colloquial
        groups, read one way: a later phrase (тачка) stands for the first (машина) and the
        others, the first for none of them, so a plain word never goes looking for slang
        ("почта" must not find "мыло" soap)."""
        with self._linking:
            self._pending = ([list(g) for g in groups], [list(g) for g in colloquial])

    @property
    def prepared(self) -> bool:
        """True when the synonyms are linked (a search pays nothing extra for them)."""
        return self._pending is None

    def prepare(self) -> None:
        """Link the synonym groups now (thread-safe; cheap when already done)."""
        if self._pending is None:
            return
        with self._linking:
            if self._pending is None:
                return
            groups, colloquial = self._pending
            self._link(groups, colloquial)
            self._pending = None

    def _link(self, groups: Sequence[Sequence[str]], colloquial: Sequence[Sequence[str]]) -> None:
        table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}

        def link(phrase: tuple[str, ...], others: list[tuple[str, ...]]) -> None:
            alternatives = table.setdefault(tuple(stem(w) for w in phrase), [])
            alternatives.extend(p for p in others if p != phrase and p not in alternatives)

        for group, one_way in [(g, False) for g in groups] + [(g, True) for g in colloquial]:
            phrases = [p for p in (tuple(words(p)) for p in group) if p]
            for position, phrase in enumerate(phrases):
                if not one_way:
                    link(phrase, phrases)
                elif position > 0:
                    # The shipped groups are written for no team's texts in particular: their
                    # phrases stand in for other words only when safe to match word by word.
                    link(phrase, [p for p in phrases if _matchable_apart(p)])
        self._synonyms = table
        self._synonym_stems = frozenset(s for key in table for s in key)
        self._longest_synonym = max((len(k) for k in table), default=1)

    def _knows(self, token: str, vocab: Vocabulary) -> bool:
        return vocab.knows(token) or stem(token) in self._synonym_stems

    def readings(self, text: str) -> Sequence[Plan]:
        """Plans to try in order; the first that finds something wins.

        Plans are built when first asked for: a reading that is never tried costs nothing,
        and building one can mean looking up typo corrections for every word.
        """
        self.prepare()
        is_open = bool(text) and not text[-1].isspace()
        typed = words(text)[:MAX_TYPED_WORDS]
        if not typed:
            return []
        vocab = self._vocabulary()
        typed_plan = _Lazy(lambda: self._plan(typed, is_open, False))
        known = self._evidence(typed, is_open, vocab)
        if known == len(typed):
            return _Readings([typed_plan])
        switched_text = switch_layout(text)
        if switched_text is None:
            return _Readings([typed_plan])
        switched = words(switched_text)[:MAX_TYPED_WORDS]
        if not switched:
            return _Readings([typed_plan])
        switched_plan = _Lazy(lambda: self._plan(switched, is_open, True))
        if self._evidence(switched, is_open, vocab) > known:
            return _Readings([switched_plan, typed_plan])
        return _Readings([typed_plan, switched_plan])

    def _evidence(self, tokens: list[str], is_open: bool, vocab: Vocabulary) -> int:
        known = 0
        for i, token in enumerate(tokens):
            last_open = is_open and i == len(tokens) - 1
            if self._knows(token, vocab) or (last_open and vocab.has_prefix(token)):
                known += 1
        return known

    def _plan(self, tokens: list[str], is_open: bool, switched: bool) -> Plan:
        vocab = self._vocabulary()
        last = len(tokens) - 1
        stop_words = text_module.STOP_WORDS
        meaningful = [
            i for i, t in enumerate(tokens) if t not in stop_words or (is_open and i == last)
        ]
        keep = set(meaningful[:MAX_QUERY_WORDS] if meaningful else range(len(tokens)))
        corrected = False
        atoms: dict[int, tuple[Atom, list[Atom]]] = {}
        reading_words = list(tokens)
        for i in sorted(keep):
            token = tokens[i]
            atom, alts = self._word(token, is_open and i == last, vocab)
            if alts:
                corrected = True
                reading_words[i] = alts[0].word
                atom, alts = alts[0], alts[1:]
            atoms[i] = (atom, alts)
        clauses, used = self._clauses(tokens, atoms)
        optional = tuple(Atom(t, stem(t), False) for i, t in enumerate(tokens)
                         if i not in keep and i not in used)
        return Plan(tuple(clauses), " ".join(reading_words), switched, corrected, optional)

    def _word(self, token: str, prefix: bool, vocab: Vocabulary) -> tuple[Atom, list[Atom]]:
        """The atom for a typed word, plus corrections when the word is unknown."""
        word_stem = stem(token)
        if vocab.knows(token) or (prefix and vocab.has_prefix(token)):
            # A prefix already reaches the longer relatives; only the shorter ones need adding.
            family = tuple(vocab.family(word_stem, longer=not prefix))
            expansions: tuple[str, ...] = ()
            if prefix and len(token) >= MIN_BODY_PREFIX:
                expansions = tuple(vocab.expand(token, MAX_EXPANSIONS))
            return Atom(token, word_stem, prefix, 1.0, family, expansions), []
        # A word of the synonym groups or of the language's dictionary is no typo: the index
        # just lacks it. "Correcting" a real word to its one-edit neighbour in the index (дачу ->
        # дату) ranked unrelated items first; the other query words now decide instead.
        if word_stem in self._synonym_stems or (not prefix and is_real_word(token)):
            # Its relatives may be there (забронировать -> бронирование).
            family = tuple(vocab.family(word_stem))
            return Atom(token, word_stem, prefix, 1.0, family), []
        fixes = vocab.corrections(token)
        atoms = [Atom(w, stem(w), False, CORRECTED_WEIGHT) for w in fixes]
        return Atom(token, word_stem, prefix), atoms

    def _clauses(
        self, tokens: list[str], atoms: dict[int, tuple[Atom, list[Atom]]]
    ) -> tuple[list[Clause], set[int]]:
        """One clause per kept word or per synonym phrase; phrases are matched on the words
        as typed, stop words included ("не работает" is a phrase, "работает" is not).
        Returns the clauses and the stop words a phrase used up."""
        keys = [atoms[i][0].stem if i in atoms else stem(t) for i, t in enumerate(tokens)]
        clauses: list[Clause] = []
        used: set[int] = set()
        i = 0
        while i < len(tokens):
            span = self._phrase_at(keys, i, atoms) if self._synonyms else 0
            if span:
                primary = tuple(atoms[j][0] for j in range(i, i + span) if j in atoms)
                # A synonym of a guessed correction is no surer than the guess.
                weight = SYNONYM_WEIGHT * min(a.weight for a in primary)
                options: list[tuple[Atom, ...]] = [primary]
                for phrase in self._synonyms[tuple(keys[i : i + span])]:
                    options.append(tuple(Atom(w, stem(w), False, weight) for w in phrase))
                if span == 1:
                    options.extend((a,) for a in atoms[i][1])
                clauses.append(Clause(tuple(options)))
                used.update(range(i, i + span))
                i += span
                continue
            if i in atoms:
                atom, alts = atoms[i]
                clauses.append(Clause(((atom,), *((a,) for a in alts))))
            i += 1
        return clauses, used

    def _phrase_at(self, keys: list[str], i: int, atoms: dict[int, object]) -> int:
        """Length of the longest synonym phrase starting at word i with a kept word in it."""
        for span in range(min(self._longest_synonym, len(keys) - i), 0, -1):
            if any(j in atoms for j in range(i, i + span)) and \
                    tuple(keys[i : i + span]) in self._synonyms:
                return span
        return 0
