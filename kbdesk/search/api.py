"""The search package's public types: plain data in, plain data out, no engine details."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SearchDoc:
    id: int
    slug: str
    kind: str
    title: str
    body: str
    category: str | None
    tags: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class SearchRequest:
    text: str
    limit: int = 20
    kinds: tuple[str, ...] | None = None
    category: str | None = None
    tag: str | None = None
    statuses: tuple[str, ...] = ("published",)
    snippets: int = 10  # snippets are computed for this many leading hits only


@dataclass(frozen=True)
class SearchHit:
    id: int
    slug: str
    title: str
    kind: str
    category: str | None
    status: str
    score: float
    snippet: str  # HTML-escaped, matched words in <mark>…</mark>; "" when not computed


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    total: int
    reading: str | None  # the query actually used when a wrong-layout or corrected reading won
    layout_switched: bool
    corrected: bool
    took_ms: float
    degraded: bool  # answered by the fallback scan while the index is unavailable


class IndexState(Enum):
    OK = "ok"
    MISSING = "missing"
    CORRUPT = "corrupt"
    LOCKED = "locked"  # another live process is writing to it


class Searcher(Protocol):
    def search(self, request: SearchRequest) -> SearchResult: ...


class SearchIndex(Searcher, Protocol):
    """What the application needs from a full-text index; the engine behind it is replaceable.

    Get one from `kbdesk.search.open_index(path)`. It is a cache of the database: `open()` says
    whether it is usable, `fingerprint()` which state of the database it holds.
    """

    def open(self) -> IndexState:
        """Opens the live index (cheap when already open); reports instead of raising."""
        ...

    def ready(self) -> bool:
        """True when a search would need no I/O or loading; never blocks."""
        ...

    def fingerprint(self) -> str | None: ...

    def doc_count(self) -> int: ...

    def vocabulary_size(self) -> int:
        """Distinct words known for typo correction and layout guessing."""
        ...

    def rebuild(
        self,
        docs: Iterable[SearchDoc],
        total: int,
        fingerprint: str,
        progress: Progress | None = None,
    ) -> None: ...

    def upsert(self, docs: Iterable[SearchDoc], fingerprint: str) -> None: ...

    def delete(self, ids: Iterable[int], fingerprint: str) -> None: ...

    def snippets_for(self, hit_ids: Sequence[int], request: SearchRequest) -> dict[int, str]: ...

    def set_synonyms(
        self, groups: Sequence[Sequence[str]], colloquial: Sequence[Sequence[str]] = ()
    ) -> None:
        """The team's synonym groups, and the shipped colloquial ones (read one way: a later
        phrase of a group stands for the first, the first for none of them)."""
        ...

    def check(self) -> list[str]:
        """Problems with the open index; empty when it is healthy."""
        ...

    def merge_pending(self) -> None:
        """Does now the housekeeping that otherwise waits for editing to pause."""
        ...

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Waits until no background work is scheduled or running; False on timeout."""
        ...

    def close(self) -> None: ...
