"""Turns what the operator typed into an engine-neutral plan.

A plan is an AND of clauses; a clause is an OR of options; an option is an AND of atoms (one
atom per word, several for a multi-word synonym). Both the Whoosh index and the fallback scan
execute the same plans, so they agree on word forms, prefixes, typos, layouts and synonyms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from kbdesk.search.text import STOP_WORDS, stem, switch_layout, words
from kbdesk.search.vocabulary import Vocabulary
from kbdesk.search.weights import CORRECTED_WEIGHT, SYNONYM_WEIGHT

MAX_QUERY_WORDS = 12
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


class Planner:
    def __init__(self, vocabulary: Callable[[], Vocabulary]) -> None:
        self._vocabulary = vocabulary
        self._synonyms: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        self._longest_synonym = 1

    def set_synonyms(self, groups: Sequence[Sequence[str]]) -> None:
        table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for group in groups:
            phrases = [tuple(words(p)) for p in group]
            phrases = [p for p in phrases if p]
            for phrase in phrases:
                key = tuple(stem(w) for w in phrase)
                alternatives = table.setdefault(key, [])
                alternatives.extend(p for p in phrases if p != phrase and p not in alternatives)
        self._synonyms = table
        self._longest_synonym = max((len(k) for k in table), default=1)

    def readings(self, text: str) -> Sequence[Plan]:
        """Plans to try in order; the first that finds something wins.

        Plans are built when first asked for: a reading that is never tried costs nothing,
        and building one can mean looking up typo corrections for every word.
        """
        is_open = bool(text) and not text[-1].isspace()
        typed = words(text)[:MAX_QUERY_WORDS]
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
        switched = words(switched_text)[:MAX_QUERY_WORDS]
        if not switched:
            return _Readings([typed_plan])
        switched_plan = _Lazy(lambda: self._plan(switched, is_open, True))
        if self._evidence(switched, is_open, vocab) > known:
            return _Readings([switched_plan, typed_plan])
        return _Readings([typed_plan, switched_plan])

    @staticmethod
    def _evidence(tokens: list[str], is_open: bool, vocab: Vocabulary) -> int:
        known = 0
        for i, token in enumerate(tokens):
            last_open = is_open and i == len(tokens) - 1
            if vocab.knows(token) or (last_open and vocab.has_prefix(token)):
                known += 1
        return known

    def _plan(self, tokens: list[str], is_open: bool, switched: bool) -> Plan:
        vocab = self._vocabulary()
        last = len(tokens) - 1
        meaningful = [
            i for i, t in enumerate(tokens) if t not in STOP_WORDS or (is_open and i == last)
        ]
        keep = meaningful if meaningful else list(range(len(tokens)))
        corrected = False
        primary: list[Atom] = []
        alternatives: list[list[Atom]] = []
        reading_words = list(tokens)
        for i in keep:
            token = tokens[i]
            prefix = is_open and i == last
            atom, alts = self._word(token, prefix, vocab)
            if alts:
                corrected = True
                reading_words[i] = alts[0].word
                atom = alts[0]
                alts = alts[1:]
            primary.append(atom)
            alternatives.append(alts)
        clauses = self._with_synonyms(primary, alternatives, vocab)
        reading = " ".join(reading_words)
        optional = tuple(Atom(t, stem(t), False) for i, t in enumerate(tokens) if i not in keep)
        return Plan(tuple(clauses), reading, switched, corrected, optional)

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
        fixes = vocab.corrections(token)
        atoms = [Atom(w, stem(w), False, CORRECTED_WEIGHT) for w in fixes]
        return Atom(token, word_stem, prefix), atoms

    def _with_synonyms(
        self, primary: list[Atom], alternatives: list[list[Atom]], vocab: Vocabulary
    ) -> list[Clause]:
        clauses: list[Clause] = []
        i = 0
        while i < len(primary):
            matched = 0
            if self._synonyms:
                for span in range(min(self._longest_synonym, len(primary) - i), 0, -1):
                    key = tuple(a.stem for a in primary[i : i + span])
                    if key in self._synonyms:
                        options: list[tuple[Atom, ...]] = [tuple(primary[i : i + span])]
                        # A synonym of a guessed correction is no surer than the guess.
                        weight = SYNONYM_WEIGHT * min(a.weight for a in options[0])
                        for phrase in self._synonyms[key]:
                            options.append(tuple(Atom(w, stem(w), False, weight) for w in phrase))
                        if span == 1:
                            options.extend((a,) for a in alternatives[i])
                        clauses.append(Clause(tuple(options)))
                        matched = span
                        break
            if not matched:
                options = [(primary[i],)] + [(a,) for a in alternatives[i]]
                clauses.append(Clause(tuple(options)))
                matched = 1
            i += matched
        return clauses
